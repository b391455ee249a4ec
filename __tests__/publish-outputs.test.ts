import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  OUTPUT_DESCRIPTIONS,
  OUTPUT_NAMES,
  outputsOf,
  outputsOfFinding,
  outputsOfReport,
  publishOutputs,
  publishReportOutputs,
} from '../src/publish/outputs.js';
import { analyze, fixture, job, report, unitTestSteps, variant } from './report-fixtures.js';

describe('outputs', () => {
  it('describes every output, and action.yml declares none it does not know', () => {
    expect(OUTPUT_NAMES).toEqual(Object.keys(OUTPUT_DESCRIPTIONS));
    for (const d of Object.values(OUTPUT_DESCRIPTIONS)) expect(d.length).toBeGreaterThan(20);
    const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
      outputs: Record<string, unknown>;
    };
    for (const name of Object.keys(action.outputs)) expect(OUTPUT_NAMES).toContain(name);
  });

  it('summarises a whole run: the most severe failure first', async () => {
    const [build, test] = await Promise.all([
      analyze(fixture('report/github-exhaustive-terraform.log')),
      analyze(fixture('github-go-test-terraform.log')),
    ]);
    const high = variant(build, { severity: 'high' });
    const r = report([
      { job: job(1, 'Unit Tests'), finding: test },
      { job: job(2, 'Code Consistency Checks', unitTestSteps('Code consistency checks')), finding: high },
      { job: job(3, 'Unit Tests (macos)'), finding: test },
      { job: job(4, 'Race Tests'), unavailable: 'log not available' },
    ]);
    const o = outputsOfReport(r, {
      reportPath: '/tmp/ci-triage/report.json',
      summaryPath: '/tmp/ci-triage/summary.md',
    });
    expect(o).toEqual({
      'failure-type': 'build_error',
      severity: 'high',
      fingerprint: build.fingerprint,
      fingerprints: JSON.stringify([build.fingerprint, test.fingerprint]),
      'root-cause-line':
        '##[error]/home/runner/work/terraform/terraform/internal/command/views/json/change.go:85:2: missing cases in switch of type plans.ResourceInstanceChangeActionReason: ResourceInstanceReplaceByTriggers',
      'root-cause-line-number': '16',
      'failed-jobs': '4',
      'analysed-jobs': '3',
      'unavailable-logs': '1',
      confidence: '0.75',
      transient: 'false',
      'report-path': '/tmp/ci-triage/report.json',
      'summary-path': '/tmp/ci-triage/summary.md',
      // No LLM configured: no calls, no tokens, no cost.
      'llm-calls': '0',
      'llm-input-tokens': '0',
      'llm-output-tokens': '0',
      'llm-cost-usd': '0',
      recurring: 'false',
      occurrences: '',
      flaky: 'false',
      rerun: 'false',
      published: '[]',
    });
    const set: Record<string, string> = {};
    publishReportOutputs(r, (k, v) => (set[k] = v));
    expect(Object.keys(set)).toEqual(OUTPUT_NAMES);
  });

  it('redacts and cuts the root-cause line; transient only when every failure is', async () => {
    const base = await analyze(fixture('github-go-test-terraform.log'));
    const e = base.excerpts[0]!;
    const long = variant(base, {
      transient: true,
      excerpts: [
        {
          ...e,
          lines: e.lines.map((l, i) =>
            i === e.keyLine - e.startLine ? `token ghp_${'a'.repeat(36)} ${'y'.repeat(900)}` : l,
          ),
        },
      ],
    });
    const o = outputsOfReport(report([{ job: job(1, 'a'), finding: long }]));
    expect(o['root-cause-line']).toMatch(/^token \*\*\* y+…$/);
    expect(o['root-cause-line'].length).toBe(500);
    expect(o.transient).toBe('true');
    expect(
      outputsOfReport(
        report([
          { job: job(1, 'a'), finding: long },
          { job: job(2, 'b'), finding: base },
        ]),
      ).transient,
    ).toBe('false');
  });

  it('has empty values when nothing failed', () => {
    const o = outputsOfReport(report([]));
    expect(o).toMatchObject({
      'failure-type': '',
      severity: '',
      fingerprint: '',
      fingerprints: '[]',
      'failed-jobs': '0',
      transient: 'false',
    });
  });

  it('keeps the single-log outputs: the new form, and the first version for the current main.ts', async () => {
    const f = await analyze(fixture('github-go-test-terraform.log'));
    expect(outputsOfFinding(f)).toMatchObject({
      'root-cause-line': 'testing.go:192: missing API token',
      'root-cause-line-number': '44',
      'failed-jobs': '1',
    });
    expect(outputsOf(f)).toEqual({
      'failure-type': 'test_failure',
      severity: f.severity,
      fingerprint: f.fingerprint,
      'root-cause-line': '44',
      confidence: '0.99',
      transient: 'false',
    });
    const set: Array<[string, string]> = [];
    publishOutputs(f, (k, v) => set.push([k, v]));
    expect(set.map(([k]) => k)).toEqual([
      'failure-type',
      'severity',
      'fingerprint',
      'root-cause-line',
      'confidence',
      'transient',
    ]);
  });
});
