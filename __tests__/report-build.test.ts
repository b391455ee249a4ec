import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CollectedStep } from '../src/collect/types.js';
import { affectedFilesOf, failedStepOf } from '../src/report/build.js';
import { matchChangedFile, normalizePath, pathRefs } from '../src/report/paths.js';
import { alignSteps, locateLine } from '../src/report/steps.js';
import { REPORT_SCHEMA } from '../src/report/types.js';
import { analyze, CHANGE, fixture, job, report, RUN, unitTestSteps } from './report-fixtures.js';

// The sections analyzeLog finds in corpus log cidiff__breakages_dump-Quick-Checks_-run104 (captured from a
// real run of it): a composite action (`./.github/actions/go-version`) prints its inner step's header too.
const RUN104_SECTIONS = [
  { name: 'Run actions/checkout@v2', startLine: 32, failed: false },
  { name: 'Run ./.github/actions/go-version', startLine: 516, failed: false },
  { name: 'Run echo "Building with Go $(cat .go-version)"', startLine: 518, failed: false },
  { name: 'Run actions/setup-go@v2', startLine: 524, failed: false },
  { name: 'Run actions/cache@v3', startLine: 579, failed: false },
  { name: 'Run go test ./...', startLine: 598, failed: true },
  { name: 'Post job cleanup', startLine: 757, failed: false },
];

describe('alignSteps', () => {
  it('pairs log sections with named API steps, a composite action keeping its inner header', () => {
    expect(alignSteps(unitTestSteps(), RUN104_SECTIONS)).toEqual([2, 3, 3, 4, 5, 6, 8]);
  });

  it('pairs by name when the steps have default names, skipping steps that did not run', () => {
    const steps: CollectedStep[] = [
      { number: 1, name: 'Set up job', status: 'completed', conclusion: 'success' },
      { number: 2, name: 'Run actions/checkout@v2', status: 'completed', conclusion: 'success' },
      { number: 3, name: 'Run ./.github/actions/go-version', status: 'completed', conclusion: 'success' },
      { number: 4, name: 'Run actions/setup-go@v2', status: 'completed', conclusion: 'success' },
      { number: 5, name: 'Run actions/cache@v3', status: 'completed', conclusion: 'success' },
      { number: 6, name: 'Run go test ./...', status: 'completed', conclusion: 'failure' },
      { number: 7, name: 'Run make docs', status: 'completed', conclusion: 'skipped' },
      { number: 8, name: 'Post Run actions/checkout@v2', status: 'completed', conclusion: 'success' },
      { number: 9, name: 'Complete job', status: 'completed', conclusion: 'success' },
    ];
    expect(alignSteps(steps, RUN104_SECTIONS)).toEqual([2, 3, 3, 4, 5, 6, 8]);
  });

  it('locates a line within its step as the UI numbers it (the `##[group]Run` header is line 1)', () => {
    const steps = unitTestSteps();
    expect(locateLine(661, steps, RUN104_SECTIONS)).toEqual({ number: 6, line: 64, exact: true });
    expect(locateLine(598, steps, RUN104_SECTIONS)).toEqual({ number: 6, line: 1, exact: true });
    // The composite action's inner step counts from the composite step's own header.
    expect(locateLine(520, steps, RUN104_SECTIONS)).toEqual({ number: 3, line: 5, exact: true });
    // Before the first header: "Set up job".
    expect(locateLine(10, steps, RUN104_SECTIONS)).toEqual({ number: 1, line: 10, exact: true });
    expect(locateLine(760, steps, RUN104_SECTIONS)).toEqual({ number: 8, line: 4, exact: true });
  });

  it('falls back to the failed step when the API lists no steps to pair with', () => {
    const steps: CollectedStep[] = [
      { number: 4, name: 'Unit tests', status: 'completed', conclusion: 'failure' },
    ];
    // No API steps to pair with: the failed step, the line counted from its own section header (a guess).
    expect(locateLine(661, [], RUN104_SECTIONS, 4)).toEqual({ number: 4, line: 64, exact: false });
    expect(locateLine(661, steps, [], 4)).toEqual({ number: 4, line: 661, exact: false });
    expect(locateLine(661, [], [], undefined)).toBeUndefined();
  });
});

describe('buildReport', () => {
  it('links the key lines of a real finding to the step and line of the UI', async () => {
    const f = await analyze(fixture('report/github-exhaustive-terraform.log'));
    const steps = unitTestSteps('Code consistency checks');
    const r = report([{ job: job(6110001, 'Code Consistency Checks', steps), finding: f }]);
    const j = r.jobs[0]!;
    expect(j.failedStep).toEqual({ number: 6, name: 'Code consistency checks' });
    // The fixture starts at the failed step's header: fixture line 16 is line 16 of step 6.
    expect(f.rootCauseLine).toBe(16);
    expect(j.links[0]).toEqual({
      line: 16,
      url: `${RUN.htmlUrl}/job/6110001#step:6:16`,
      step: 6,
      stepLine: 16,
      exact: true,
    });
    expect(j.links.map((l) => l.line)).toEqual(f.excerpts.map((e) => e.keyLine));
    expect(j.affectedFiles).toEqual(['internal/command/views/json/change.go']);
  });

  it.skipIf(!existsSync('../shared/corpus/logs/cidiff__breakages_dump-Quick-Checks_-run104.log'))(
    'links a whole real job log through a composite action',
    async () => {
      const f = await analyze(
        readFileSync('../shared/corpus/logs/cidiff__breakages_dump-Quick-Checks_-run104.log'),
      );
      const r = report([{ job: job(6110002, 'Unit Tests'), finding: f }]);
      expect(r.jobs[0]!.links[0]).toMatchObject({ line: 641, url: `${RUN.htmlUrl}/job/6110002#step:6:44` });
    },
  );

  it('counts, keeps unavailable jobs and those listed only, and stamps schema, tool and time', async () => {
    const f = await analyze(fixture('github-go-test-terraform.log'));
    const r = report(
      [
        { job: job(1, 'Unit Tests'), finding: f },
        { job: job(2, 'Race Tests'), unavailable: 'the log was not available after 3 tries (404)' },
        { job: job(3, 'End-to-end Tests') },
      ],
      {
        listedOnly: [{ job: job(4, 'Docs', [], 'cancelled'), reason: 'cancelled by fail-fast' }],
        totalJobs: 7,
        notes: ['No passing run of these jobs in the last 30 days: no baseline.'],
      },
    );
    expect(r.schema).toBe(REPORT_SCHEMA);
    expect(r.generatedAt).toBe('2026-05-06T14:00:00.000Z');
    expect(r.tool).toEqual({ name: 'ci-triage', version: '0.1.0' });
    expect(r.counts).toEqual({
      jobs: 7,
      failed: 3,
      analysed: 1,
      unavailable: 2,
      notAnalysed: 0,
      listedOnly: 1,
    });
    expect(r.jobs[1]).toMatchObject({
      unavailable: 'the log was not available after 3 tries (404)',
      links: [],
      affectedFiles: [],
    });
    expect(r.jobs[2]!.unavailable).toBe('the log was not analysed');
    expect(r.jobs[2]!.finding).toBeUndefined();
  });
});

describe('failedStepOf', () => {
  it('takes the first failed step, or for a timed-out job the step cut short', () => {
    expect(failedStepOf(job(1, 'a'))).toEqual({ number: 6, name: 'Unit tests' });
    const timedOut = job(
      2,
      'b',
      [
        { number: 1, name: 'Set up job', status: 'completed', conclusion: 'success' },
        { number: 2, name: 'Soak test', status: 'completed', conclusion: 'cancelled' },
      ],
      'timed_out',
    );
    expect(failedStepOf(timedOut)).toEqual({ number: 2, name: 'Soak test' });
    expect(failedStepOf(job(3, 'c', [], 'failure'))).toBeUndefined();
  });
});

describe('paths', () => {
  it('normalises runner workspaces and ./', () => {
    expect(normalizePath('/home/runner/work/terraform/terraform/internal/cloud/backend.go')).toEqual({
      path: 'internal/cloud/backend.go',
      inWorkspace: true,
    });
    expect(normalizePath('D:\\a\\repo\\repo\\src\\main.rs').path).toBe('src/main.rs');
    expect(normalizePath('/__w/repo/repo/lib/x.py').path).toBe('lib/x.py');
    expect(normalizePath('./src/a.ts')).toEqual({ path: 'src/a.ts', inWorkspace: false });
  });

  it('finds path:line, path(line,col) and Python references, not URLs or domains', () => {
    expect(pathRefs('src/a.ts(12,5): error TS2322: Type')).toEqual([
      { path: 'src/a.ts', line: 12, column: 5, inWorkspace: false },
    ]);
    expect(pathRefs('  File "/home/runner/work/p/p/pkg/mod.py", line 7, in f')).toEqual([
      { path: 'pkg/mod.py', line: 7, inWorkspace: true },
    ]);
    expect(pathRefs('      at Object.<anonymous> (test/config/get.ts:32:38)')).toEqual([
      { path: 'test/config/get.ts', line: 32, column: 38, inWorkspace: false },
    ]);
    expect(pathRefs('see https://example.com/docs/page.html and github.com')).toEqual([]);
  });

  it('matches changed files by path suffix either way', () => {
    const changed = ['packages/config/test/config/get.ts', 'README.md'];
    expect(matchChangedFile('test/config/get.ts', changed)).toBe('packages/config/test/config/get.ts');
    expect(matchChangedFile('/abs/checkout/README.md', changed)).toBe('README.md');
    // A bare name (Go prints `testing.go:192`) names the one changed file of that name, if there is one.
    expect(matchChangedFile('get.ts', changed)).toBe('packages/config/test/config/get.ts');
    expect(matchChangedFile('get.ts', [...changed, 'src/get.ts'])).toBeUndefined();
    expect(matchChangedFile('testing.go', ['internal/cloud/testing.go'])).toBe('internal/cloud/testing.go');
  });

  it('affected files come from every excerpt line', async () => {
    const f = await analyze(fixture('github-jest-pnpm.log'));
    expect(affectedFilesOf(f, ['pnpm/test/config/get.ts', 'pnpm/src/other.ts'])).toEqual([
      'pnpm/test/config/get.ts',
    ]);
    expect(affectedFilesOf(f, CHANGE.changedFiles)).toEqual([]);
  });
});
