/**
 * What the history means for a run (src/history/analysis.ts): recurrence, flakiness and its evidence,
 * escalation once, the re-run gate, and the trends — on findings from real log excerpts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  isGenericFinding,
  recordsOfReport,
  recurrencesOf,
  rerunDecision,
  type RerunPolicy,
  trendsOf,
} from '../src/history/analysis.js';
import type { HistoryRecord } from '../src/history/types.js';
import { analyzeLog, type Finding } from '../src/pipeline/analyze-log.js';
import type { TriageReport } from '../src/report/types.js';
import { analyze, CHANGE, fixture, job, report, RUN } from './report-fixtures.js';

const NOW = new Date('2026-05-06T14:00:00Z');
let panic: Finding;
let network: Finding;
let generic: Finding;

beforeAll(async () => {
  panic = await analyze(fixture('report/github-go-panic-terraform.log'));
  network = await analyzeLog([
    Buffer.from(
      'npm ERR! code ECONNRESET\nnpm ERR! network request to https://registry.npmjs.org/react failed, reason: socket hang up\nnpm ERR! network This is a problem related to network connectivity.\n',
    ),
  ]);
  generic = await analyzeLog([Buffer.from('building\n##[error]Process completed with exit code 1.\n')]);
});

const one = (f: Finding, patch: Partial<TriageReport['run']> = {}): TriageReport => {
  const r = report([{ job: job(101, 'Unit tests'), finding: f }]);
  return { ...r, run: { ...r.run, ...patch } };
};

/** A record as an earlier run would have written it. */
function past(f: Finding, runId: number, patch: Partial<HistoryRecord> = {}): HistoryRecord {
  return {
    outcome: 'failed',
    fingerprint: f.fingerprint,
    repository: `${RUN.owner}/${RUN.repo}`,
    workflow: RUN.name,
    workflowId: RUN.workflowId,
    runId,
    attempt: 1,
    runNumber: runId % 1000,
    runUrl: `https://github.com/${RUN.owner}/${RUN.repo}/actions/runs/${runId}`,
    sha: `sha-${runId}`,
    branch: 'main',
    job: 'Unit tests',
    jobId: runId * 10,
    failureType: f.failureType,
    severity: f.severity,
    transient: f.transient,
    time: new Date(NOW.getTime() - (RUN.id - runId) * 60_000).toISOString(),
    ...patch,
  };
}

const POLICY: RerunPolicy = { enabled: true, maxAttempts: 2, dailyCap: 5, branches: ['*'] };

describe('generic findings', () => {
  it('are told apart from specific ones', () => {
    expect(isGenericFinding(panic)).toBe(false);
    expect(isGenericFinding(generic)).toBe(true);
  });
});

describe('recurrence', () => {
  it('counts distinct runs in the window, this one included, with first seen, branches and pull requests', () => {
    const r = one(panic);
    const history = [
      past(panic, RUN.id - 30, { branch: 'feature/a', pr: 12 }),
      past(panic, RUN.id - 20),
      past(panic, RUN.id - 20, { jobId: 1 }),
    ];
    const rec = recurrencesOf(r, history, recordsOfReport(r, [], NOW), { threshold: 3 }).get(
      panic.fingerprint,
    )!;
    expect(rec.occurrences).toBe(3);
    expect(rec.recurring).toBe(true);
    expect(rec.firstSeen.runId).toBe(RUN.id - 30);
    expect(rec.branches).toEqual(['feature/a', RUN.headBranch, 'main']);
    expect(rec.prs).toEqual([12, CHANGE.pullRequest!.number]);
    expect(rec.escalate).toBe(true);
  });

  it('escalates once: not when an earlier run escalated already, nor below the threshold', () => {
    const r = one(panic);
    const cur = recordsOfReport(r, [], NOW);
    const twice = [past(panic, RUN.id - 30)];
    expect(recurrencesOf(r, twice, cur, { threshold: 3 }).get(panic.fingerprint)!.escalate).toBe(false);
    const escalated = [past(panic, RUN.id - 30), past(panic, RUN.id - 20, { escalated: true })];
    const rec = recurrencesOf(r, escalated, cur, { threshold: 3 }).get(panic.fingerprint)!;
    expect(rec.occurrences).toBe(3);
    expect(rec.escalate).toBe(false);
    expect(rec.escalatedBefore).toBe(true);
    // A new attempt of the run that escalated: still this run's escalation, not an earlier one.
    const again = [
      past(panic, RUN.id - 30),
      past(panic, RUN.id - 20),
      past(panic, RUN.id, { escalated: true }),
    ];
    expect(recurrencesOf(r, again, cur, { threshold: 3 }).get(panic.fingerprint)!.escalate).toBe(true);
  });

  it('never counts a generic fingerprint', () => {
    const r = one(generic);
    const history = [past(generic, RUN.id - 3), past(generic, RUN.id - 2), past(generic, RUN.id - 1)];
    const rec = recurrencesOf(r, history, recordsOfReport(r, [], NOW), { threshold: 3 }).get(
      generic.fingerprint,
    )!;
    expect(rec).toMatchObject({
      generic: true,
      occurrences: 1,
      recurring: false,
      escalate: false,
      flaky: false,
    });
  });
});

describe('flakiness', () => {
  it('is recognised from attempt history: failed, then passed on the same commit', () => {
    const r = one(panic, { headSha: 'abc1234def', attempt: 1 });
    const passed: HistoryRecord = {
      ...past(panic, RUN.id - 5, { sha: 'abc1234def', attempt: 2 }),
      outcome: 'passed',
      fingerprint: '',
    };
    const failed = past(panic, RUN.id - 5, { sha: 'abc1234def' });
    const rec = recurrencesOf(r, [failed, passed], recordsOfReport(r, [], NOW), { threshold: 3 }).get(
      panic.fingerprint,
    )!;
    expect(rec.flaky).toBe(true);
    expect(rec.evidence[0]!.kind).toBe('same-commit');
    expect(rec.evidence[0]!.text).toMatch(
      /Unit tests failed on abc1234 in run #\d+ attempt 1 and passed on the same commit in run #\d+ attempt 2/,
    );
  });

  it('is recognised across pull requests with no file in common, not across ones that share code', () => {
    // This run's pull request changes a.go too.
    const base = one(panic);
    const r: TriageReport = { ...base, change: { ...base.change, changedFiles: ['a.go'] } };
    const a = past(panic, RUN.id - 9, { pr: 1, sha: 's1', changedFiles: ['a.go'] });
    const b = past(panic, RUN.id - 8, { pr: 2, sha: 's2', changedFiles: ['b.go'] });
    const c = past(panic, RUN.id - 7, { pr: 3, sha: 's3', changedFiles: ['a.go', 'c.go'] });
    const cur = recordsOfReport(r, [], NOW);
    expect(recurrencesOf(r, [a, c], cur, { threshold: 9 }).get(panic.fingerprint)!.flaky).toBe(false);
    const rec = recurrencesOf(r, [a, b], cur, { threshold: 9 }).get(panic.fingerprint)!;
    expect(rec.flaky).toBe(true);
    expect(rec.evidence[0]).toEqual({
      kind: 'unrelated-prs',
      text: 'failed on pull requests #1 and #2, which change no file in common',
    });
  });

  it('never rests on a generic line', () => {
    const r = one(generic, { headSha: 'abc' });
    const passed: HistoryRecord = {
      ...past(generic, RUN.id - 5, { sha: 'abc', attempt: 2 }),
      outcome: 'passed',
      fingerprint: '',
    };
    const rec = recurrencesOf(
      r,
      [past(generic, RUN.id - 5, { sha: 'abc', generic: true }), passed],
      recordsOfReport(r, [], NOW),
      { threshold: 3 },
    );
    expect(rec.get(generic.fingerprint)!.flaky).toBe(false);
  });
});

describe('the re-run gate', () => {
  const companion = (f: Finding, patch: Partial<TriageReport['run']> = {}) => ({
    ...one(f, patch),
    mode: 'companion' as const,
  });
  const none = new Map();

  it('re-runs a transient failure below max-attempts, and not at it', () => {
    expect(network.transient).toBe(true);
    expect(rerunDecision(companion(network), none, POLICY, 0)).toMatchObject({ rerun: true });
    expect(rerunDecision(companion(network, { attempt: 2 }), none, POLICY, 0)).toEqual({
      rerun: false,
      reason: 'attempt 2 is not below max-attempts (2)',
    });
  });

  it('never re-runs a test failure without evidence of flakiness, and does with it', () => {
    const test = variantOf(panic, { failureType: 'test_failure', transient: false });
    const d = rerunDecision(companion(test), none, POLICY, 0);
    expect(d.rerun).toBe(false);
    expect(d.reason).toMatch(/test failure with no evidence of flakiness/);
    const flaky = new Map([
      [
        test.fingerprint,
        { flaky: true, evidence: [{ kind: 'same-commit', text: 'x passed on the same commit' }] },
      ],
    ]);
    expect(rerunDecision(companion(test), flaky as never, POLICY, 0).rerun).toBe(true);
  });

  it('keeps to the daily cap, the branch allow-list, the switch, and companion mode', () => {
    expect(rerunDecision(companion(network), none, POLICY, 5).reason).toMatch(
      /daily re-run cap is reached \(5 of 5\)/,
    );
    expect(
      rerunDecision(
        companion(network, { headBranch: 'feature/x' }),
        none,
        { ...POLICY, branches: ['main', 'release/*'] },
        0,
      ).rerun,
    ).toBe(false);
    expect(
      rerunDecision(
        companion(network, { headBranch: 'release/1.2' }),
        none,
        { ...POLICY, branches: ['main', 'release/*'] },
        0,
      ).rerun,
    ).toBe(true);
    expect(rerunDecision(companion(network), none, { ...POLICY, enabled: false }, 0).rerun).toBe(false);
    expect(rerunDecision({ ...one(network), mode: 'in-run' }, none, POLICY, 0).reason).toMatch(
      /cannot be re-run from inside itself/,
    );
  });
});

describe('trends', () => {
  it('counts types, top failures, failure rate per workflow and time to green', () => {
    const day = (d: number, h = 0) => new Date(Date.UTC(2026, 4, d, h)).toISOString();
    const green = (runId: number, time: string): HistoryRecord => ({
      ...past(panic, runId, { time }),
      outcome: 'passed',
      fingerprint: '',
    });
    const records = [
      past(panic, 1, { time: day(1) }),
      past(panic, 2, { time: day(1, 6) }),
      green(3, day(2)),
      past(network, 4, { time: day(3), failureType: 'infrastructure' }),
      green(5, day(3, 2)),
    ];
    const t = trendsOf(records, 30);
    expect(t.byType).toEqual([
      { type: panic.failureType, count: 2 },
      { type: 'infrastructure', count: 1 },
    ]);
    expect(t.top[0]).toMatchObject({ fingerprint: panic.fingerprint, occurrences: 2 });
    expect(t.workflows).toEqual([{ workflow: RUN.name, failedRuns: 3, passedRuns: 2, rate: 0.6 }]);
    expect(t.timeToGreen).toEqual({ samples: 2, medianHours: 2, maxHours: 24 });
  });

  it('records this run: a failed record per analysed job, a passed one per job that passed', () => {
    const r = one(panic);
    const recs = recordsOfReport(r, [{ id: 7, name: 'lint', completedAt: '2026-05-06T13:00:00Z' }], NOW);
    expect(recs.map((x) => [x.outcome, x.job, x.fingerprint === panic.fingerprint])).toEqual([
      ['failed', 'Unit tests', true],
      ['passed', 'lint', false],
    ]);
    expect(recs[0]).toMatchObject({
      pr: CHANGE.pullRequest!.number,
      changedFiles: CHANGE.changedFiles,
      runId: RUN.id,
    });
  });
});

function variantOf(f: Finding, patch: Partial<Finding>): Finding {
  return { ...f, ...patch };
}
