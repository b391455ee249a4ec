import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uploadReport, writeReportFiles } from '../src/publish/artifact.js';
import { AuditLog } from '../src/publish/audit.js';
import type { TriageReport } from '../src/report/types.js';
import { analyze, CHANGE, fixture, job, report, RUN, unitTestSteps } from './report-fixtures.js';

const clock = () => new Date('2026-05-06T14:00:00Z');
const tmp = () => mkdtemp(join(tmpdir(), 'ci-triage-report-'));

/** A report with every optional field present. */
async function fullReport(): Promise<TriageReport> {
  const f = await analyze(fixture('report/github-exhaustive-terraform.log'));
  const j = {
    ...job(6110001, 'Code Consistency Checks', unitTestSteps('Code consistency checks')),
    startedAt: '2022-04-19T19:06:15Z',
    completedAt: '2022-04-19T19:10:44Z',
    runnerName: 'GitHub Actions 12',
  };
  const full = report(
    [
      {
        job: j,
        finding: f,
        baseline: {
          runId: 2183000000,
          jobId: 6100000,
          htmlUrl: `${RUN.htmlUrl.replace(/\d+$/, '2183000000')}/job/6100000`,
        },
      },
      { job: job(6110002, 'Race Tests'), unavailable: 'the log was not available after 3 tries (404)' },
      {
        job: job(6110004, 'Lint'),
        unavailable: 'not analysed: over max-jobs (200)',
        notAnalysed: 'max-jobs',
      },
    ],
    {
      change: {
        ...CHANGE,
        commit: {
          ...CHANGE.commit,
          author: 'octocat',
          authorLogin: 'octocat',
          authorEmail: 'octocat@example.com',
        },
      },
      listedOnly: [
        {
          job: {
            ...job(6110003, 'End-to-end Tests', unitTestSteps('End-to-end tests'), 'cancelled'),
            startedAt: j.startedAt,
            completedAt: j.completedAt,
            runnerName: 'GitHub Actions 13',
          },
          reason: 'cancelled by fail-fast',
        },
      ],
      notes: ['No passing run of Race Tests in the last 30 days.'],
    },
  );
  // With Claude configured: an explanation on the analysed job, the run's totals, a note on another job.
  const line = f.rootCauseLine ?? 1;
  full.jobs[0]!.explanation = {
    provider: 'anthropic',
    model: 'claude-sonnet-5-5',
    promptVersion: 'v1',
    cause: 'A switch misses the ResourceInstanceReplaceByTriggers case.',
    fix: 'Add the missing case to internal/command/views/json/change.go.',
    citedLines: [line],
    citedLinks: [{ line, url: `${RUN.htmlUrl}/job/6110001#step:6:${line}` }],
    affectedFiles: ['internal/command/views/json/change.go'],
    confidence: 0.8,
    ticketTitle: 'exhaustive: missing switch case in change.go',
    description: 'The exhaustive check fails on a switch in change.go.',
    failureType: 'lint_error',
    typeRefinedByModel: true,
    usage: { inputTokens: 3000, outputTokens: 250, calls: 1 },
    costUsd: 0.0085,
    promptTokensEstimate: 3100,
    truncated: ['1 of 3 excerpts left out'],
  };
  full.jobs[1]!.explanationNote = 'not explained by the model: no excerpt to explain';
  // The sinks' outcomes, every field present (halted and outcomes together do not happen; the schema allows it).
  full.published = {
    dryRun: false,
    halted: { reason: 'breaker', message: 'The run-level breaker stopped publishing.' },
    readOnly: 'pull request #7 comes from a fork, and GitHub gives its pull_request runs a read-only token',
    outcomes: [
      {
        sink: 'jira',
        status: 'partial',
        items: [
          {
            fingerprint: f.fingerprint,
            action: 'created',
            target: 'CI-12',
            url: 'https://acme.atlassian.net/browse/CI-12',
          },
          {
            fingerprint: '0123456789abcdef',
            action: 'would-create',
            target: 'CI',
            error: 'Jira answered 400',
          },
        ],
        message: 'Jira answered 400 on create',
        preview: '[ci-triage] build_error: …',
      },
    ],
  };
  full.passedJobs = [{ id: 6110009, name: 'Lint', completedAt: '2022-04-19T19:08:00Z' }];
  full.history = {
    windowDays: 30,
    threshold: 3,
    cost: { calls: 6, snapshots: 5, ms: 83 },
    error: 'snapshot 12 skipped: not a ci-triage history',
    recurrences: {
      [f.fingerprint]: {
        fingerprint: f.fingerprint,
        occurrences: 4,
        firstSeen: {
          time: '2022-04-12T10:00:00Z',
          runId: 2170000000,
          runUrl: `${RUN.htmlUrl.replace(/\d+$/, '2170000000')}`,
          runNumber: 812,
        },
        branches: ['main'],
        prs: [30870],
        recurring: true,
        escalate: true,
        escalatedBefore: false,
        flaky: true,
        evidence: [
          {
            kind: 'same-commit',
            text: 'Code Consistency Checks failed on 5bd6c0a in run #812 attempt 1 and passed on the same commit in run #812 attempt 2',
          },
        ],
        generic: false,
      },
    },
    trends: {
      windowDays: 30,
      records: 40,
      byType: [{ type: 'lint_error', count: 12 }],
      top: [
        {
          fingerprint: f.fingerprint,
          failureType: 'lint_error',
          occurrences: 4,
          lastSeen: '2022-04-19T19:10:44Z',
          keyLine: 'missing cases in switch',
        },
      ],
      workflows: [{ workflow: 'Quick Checks', failedRuns: 12, passedRuns: 28, rate: 0.3 }],
      timeToGreen: { samples: 3, medianHours: 5.5, maxHours: 30 },
    },
    rerun: {
      rerun: true,
      reason: 'every failed job is transient or flaky',
      requested: false,
      dryRun: true,
      error: 'GitHub answered 403',
    },
  };
  full.llm = {
    provider: 'anthropic',
    model: 'claude-sonnet-5-5',
    mode: 'auto',
    calls: 1,
    inputTokens: 3000,
    outputTokens: 250,
    costUsd: 0.0085,
    explained: 1,
    skipped: 0,
    fallbacks: 0,
  };
  return full;
}

/** Every field path of a JSON value, array elements written `[]`. */
function paths(value: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, p: string) => {
    if (Array.isArray(v)) {
      out.add(`${p}[]`);
      for (const x of v) walk(x, `${p}[]`);
    } else if (v !== null && typeof v === 'object') {
      if (p) out.add(p);
      for (const [k, x] of Object.entries(v)) walk(x, p ? `${p}.${k}` : k);
    } else out.add(p);
  };
  walk(value, prefix);
  return out;
}

describe('report.json', () => {
  it('round-trips, with the schema field first', async () => {
    const r = await fullReport();
    const dir = await tmp();
    const audit = new AuditLog({ clock });
    audit.record('summary', 'write', '$GITHUB_STEP_SUMMARY', 'ok', '12 kB');
    const files = await writeReportFiles(r, dir, audit);
    expect(files).toEqual({
      dir,
      reportPath: join(dir, 'report.json'),
      auditPath: join(dir, 'audit.jsonl'),
      files: [join(dir, 'report.json'), join(dir, 'audit.jsonl')],
    });
    const text = await readFile(files.reportPath, 'utf8');
    expect(text.startsWith('{\n  "schema": "ci-triage/report@1",\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(r);
    expect(await readFile(files.auditPath, 'utf8')).toBe(
      '{"time":"2026-05-06T14:00:00.000Z","sink":"summary","action":"write","target":"$GITHUB_STEP_SUMMARY","status":"ok","detail":"12 kB"}\n',
    );
  });

  it('has exactly the fields docs/report-schema.md documents', async () => {
    const doc = await readFile(new URL('../docs/report-schema.md', import.meta.url), 'utf8');
    const report = doc.slice(0, doc.indexOf('## audit.jsonl'));
    // The first cell of each table row: `path`.
    const documented = new Set<string>();
    for (const m of report.matchAll(/^\| `([^`]+)`\s*\|/gm)) {
      const p = m[1]!;
      // Job fields are documented once, as `job.…`, for both jobs[].job and listedOnly[].job; finding fields as `finding.…`.
      if (p.startsWith('job.')) for (const at of ['jobs[].', 'listedOnly[].']) documented.add(at + p);
      else if (p.startsWith('finding.')) documented.add('jobs[].' + p);
      else documented.add(p);
    }
    // Parents of documented leaves are documented by their leaves.
    for (const p of [...documented]) {
      const parts = p.split('.');
      for (let i = 1; i < parts.length; i++) documented.add(parts.slice(0, i).join('.'));
    }
    // Recurrences are keyed by fingerprint: documented as `{fingerprint}`.
    const actual = new Set(
      [...paths(JSON.parse(JSON.stringify(await fullReport())))].map((p) =>
        p.replace(/^history\.recurrences\.[0-9a-f]{16}/, 'history.recurrences.{fingerprint}'),
      ),
    );
    const undocumented = [...actual].filter((p) => !documented.has(p));
    const absent = [...documented].filter((p) => !actual.has(p));
    expect(undocumented).toEqual([]);
    expect(absent).toEqual([]);
  });
});

describe('uploadReport', () => {
  it('keeps the files on disk and says why when there is no artifact service', async () => {
    const dir = await tmp();
    const audit = new AuditLog({ clock });
    const { files } = await writeReportFiles(await fullReport(), dir, audit);
    let called = false;
    const res = await uploadReport({
      files,
      name: 'ci-triage-report',
      retentionDays: 7,
      env: { GITHUB_ACTIONS: 'true' },
      client: { uploadArtifact: () => ((called = true), Promise.resolve({})) },
      audit,
    });
    expect(res).toEqual({
      uploaded: false,
      reason:
        'the artifact service is not available (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL not set: not running in a GitHub Actions job)',
      dir,
    });
    expect(called).toBe(false);
    expect(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'))).toMatchObject({
      schema: 'ci-triage/report@1',
    });
    expect(audit.records.at(-1)).toMatchObject({
      sink: 'artifact',
      action: 'upload',
      target: 'ci-triage-report',
      status: 'skipped',
    });
  });

  it('uploads with the client, recording intent before and the result after', async () => {
    const audit = new AuditLog({ clock });
    const env = { ACTIONS_RUNTIME_TOKEN: 'runtime-token-value', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' };
    const calls: unknown[][] = [];
    const res = await uploadReport({
      files: ['/tmp/x/report.json', '/tmp/x/audit.jsonl'],
      name: 'ci-triage-report',
      retentionDays: 7,
      env,
      audit,
      client: {
        uploadArtifact: (...args: unknown[]) => {
          calls.push(args);
          expect(audit.records.at(-1)?.status).toBe('intent');
          return Promise.resolve({ id: 42, size: 5120, digest: 'sha256:abc' });
        },
      },
    });
    expect(res).toEqual({
      uploaded: true,
      name: 'ci-triage-report',
      id: 42,
      size: 5120,
      digest: 'sha256:abc',
    });
    expect(calls).toEqual([
      ['ci-triage-report', ['/tmp/x/report.json', '/tmp/x/audit.jsonl'], '/tmp/x', { retentionDays: 7 }],
    ]);
    expect(audit.records.map((r) => r.status)).toEqual(['intent', 'ok']);
    expect(audit.records[1]!.detail).toBe('id 42, 5120 bytes');
  });

  it('falls back to the files on disk when the upload throws', async () => {
    const audit = new AuditLog({ clock, secrets: ['runtime-token-value'] });
    const res = await uploadReport({
      files: ['/tmp/x/report.json'],
      name: 'ci-triage-report',
      env: { ACTIONS_RUNTIME_TOKEN: 'runtime-token-value', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' },
      audit,
      client: { uploadArtifact: () => Promise.reject(new Error('403 for token runtime-token-value')) },
    });
    expect(res).toEqual({
      uploaded: false,
      reason: 'the upload failed: 403 for token runtime-token-value',
      dir: '/tmp/x',
    });
    expect(audit.records.map((r) => [r.status, r.detail])).toEqual([
      ['intent', undefined],
      ['error', '403 for token ***'],
    ]);
  });
});

describe('AuditLog', () => {
  it('writes each record as it is made, redacted', async () => {
    const dir = await tmp();
    const path = join(dir, 'audit.jsonl');
    const audit = AuditLog.toFile(path, { clock, secrets: ['xoxb-not-a-real-one'] });
    await audit.around(
      'slack',
      'post',
      '#ci',
      async () => {
        // The intent is on disk before the action runs.
        expect(await readFile(path, 'utf8')).toContain('"status":"intent"');
        return 'ts 1.2';
      },
      (r) => r,
    );
    audit.skipped('jira', 'create', 'CI-1', 'dry-run: token xoxb-not-a-real-one not used\nsecond line');
    const lines = (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l['status'])).toEqual(['intent', 'ok', 'skipped']);
    expect(lines[2]).toEqual({
      time: '2026-05-06T14:00:00.000Z',
      sink: 'jira',
      action: 'create',
      target: 'CI-1',
      status: 'skipped',
      detail: 'dry-run: token *** not used second line',
    });
    expect(audit.toJsonl()).toBe(await readFile(path, 'utf8'));
  });
});
