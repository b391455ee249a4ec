import { describe, expect, it } from 'vitest';
import { annotationsFor } from '../src/report/annotations.js';
import type { Severity } from '../src/types.js';
import { analyze, CHANGE, fixture, job, report, unitTestSteps, variant } from './report-fixtures.js';

describe('annotationsFor', () => {
  it('annotates the repository file and line a key line names under the runner workspace', async () => {
    const f = await analyze(fixture('report/github-exhaustive-terraform.log'));
    const r = report([
      { job: job(1, 'Code Consistency Checks', unitTestSteps('Code consistency checks')), finding: f },
    ]);
    const [a, ...rest] = annotationsFor(r);
    expect(a).toEqual({
      title: 'build_error in Code Consistency Checks',
      message:
        '/home/runner/work/terraform/terraform/internal/command/views/json/change.go:85:2: missing cases in switch of type plans.ResourceInstanceChangeActionReason: ResourceInstanceReplaceByTriggers',
      file: 'internal/command/views/json/change.go',
      startLine: 85,
      startColumn: 2,
    });
    expect(rest).toEqual([]);
  });

  it('gives one annotation without a file when the excerpts name no repository file (toolchain and module cache paths are not)', async () => {
    const f = await analyze(fixture('report/github-go-panic-terraform.log'));
    const r = report([
      { job: job(1, 'Unit Tests (linux)'), finding: f },
      { job: job(2, 'Unit Tests (macos)'), finding: f },
    ]);
    expect(annotationsFor(r)).toEqual([
      {
        title: 'test_failure in Unit Tests (linux) and 1 more job',
        message: 'panic: value has no attribute of that name [recovered]',
      },
    ]);
  });

  it('maps paths to repository paths: relative, through the file list, or through the changed files', async () => {
    // cargo prints paths relative to the workspace root.
    const cargo = await analyze(fixture('travis-cargo-missing-crate.log'));
    expect(annotationsFor(report([{ job: job(1, 'build (rust)'), finding: cargo }]))[0]).toMatchObject({
      file: 'font/src/lib.rs',
      startLine: 28,
      startColumn: 1,
    });
    // Maven prints absolute paths of a Jenkins workspace: the file list or the changed files say which part is the repository's.
    const maven = await analyze(fixture('jenkins-maven-animal-sniffer.log'));
    const one = (extra: Parameters<typeof report>[1], options?: Parameters<typeof annotationsFor>[1]) =>
      annotationsFor(report([{ job: job(1, 'build (java 7)'), finding: maven }], extra), options);
    expect(one({}).some((a) => a.file !== undefined)).toBe(false);
    const repo = new Set(['src/main/java/org/apache/commons/codec/binary/Hex.java']);
    expect(one({}, { repoFiles: (p) => repo.has(p) })[0]).toMatchObject({
      file: 'src/main/java/org/apache/commons/codec/binary/Hex.java',
      startLine: 348,
    });
    const changedFiles = ['src/main/java/org/apache/commons/codec/digest/DigestUtils.java'];
    // The key line (Hex.java, not a changed file) has no annotation here; the references after it come in order.
    expect(one({ change: { ...CHANGE, changedFiles } }).map((a) => [a.file, a.startLine])).toEqual([
      ['src/main/java/org/apache/commons/codec/digest/DigestUtils.java', 1437],
      ['src/main/java/org/apache/commons/codec/digest/DigestUtils.java', 1439],
    ]);
  });

  it('caps at 10, most severe first, one per failure before any gets a second', async () => {
    const base = await analyze(fixture('report/github-exhaustive-terraform.log'));
    const e = base.excerpts[0]!;
    const sev: Severity[] = ['low', 'medium', 'high', 'critical'];
    const jobs = Array.from({ length: 30 }, (_, i) => ({
      job: job(100 + i, `check ${i}`),
      finding: variant(base, {
        fingerprint: `a${String(i).padStart(15, '0')}`,
        severity: sev[i % 4]!,
        // Two file references per failure.
        excerpts: [
          {
            ...e,
            lines: [
              ...e.lines.slice(0, 2),
              `internal/pkg${i}/a.go:${i + 1}:1: error one`,
              `internal/pkg${i}/b.go:7: error two`,
            ],
          },
        ],
      }),
    }));
    const all = annotationsFor(report(jobs));
    expect(all).toHaveLength(10);
    expect(all.slice(0, 7).map((a) => a.title)).toEqual(
      [3, 7, 11, 15, 19, 23, 27].map((i) => `build_error in check ${i}`),
    );
    expect(all[0]).toMatchObject({ file: 'internal/pkg3/a.go', startLine: 4 });
    expect(new Set(all.map((a) => a.title)).size).toBe(10);
    expect(annotationsFor(report(jobs.slice(0, 2)), { max: 3 }).map((a) => a.file)).toEqual([
      'internal/pkg1/a.go',
      'internal/pkg0/a.go',
      'internal/pkg1/b.go',
    ]);
  });

  it('redacts secrets in titles and messages', async () => {
    const base = await analyze(fixture('report/github-exhaustive-terraform.log'));
    const e = base.excerpts[0]!;
    const f = variant(base, {
      excerpts: [
        { ...e, lines: e.lines.map((l) => l.replace('missing cases', 'token s3cr3t-value missing')) },
      ],
    });
    const [a] = annotationsFor(report([{ job: job(1, 'deploy s3cr3t-value'), finding: f }]), {
      secrets: ['s3cr3t-value'],
    });
    expect(JSON.stringify(a)).not.toContain('s3cr3t-value');
    expect(a!.message).toContain('token *** missing');
  });
});
