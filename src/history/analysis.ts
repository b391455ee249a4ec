/**
 * What the history says about this run's failures: recurrence (how often, since when, where), flakiness
 * (with its evidence), whether to escalate, whether a re-run is allowed, and the trends of the window. Pure:
 * the records and the report in, plain data out.
 */
import { BUILTIN_RULES } from '../classify/rules.js';
import type { Finding } from '../pipeline/analyze-log.js';
import { type FindingGroup, groupByFingerprint } from '../report/groups.js';
import type { TriageReport } from '../report/types.js';
import type { FailureType } from '../types.js';
import { type HistoryRecord, recordKey } from './types.js';

const GENERIC = BUILTIN_RULES.filter((r) => r.generic).map((r) => r.pattern);

/**
 * A fingerprint that rests on nothing specific — an unknown failure (the log's tail), or only generic lines
 * ("Process completed with exit code 1") — is never evidence of recurrence or flakiness.
 */
export function isGenericFinding(f: Pick<Finding, 'failureType' | 'fingerprintLines'>): boolean {
  if (f.failureType === 'unknown') return true;
  if (f.fingerprintLines.length === 0) return true;
  return f.fingerprintLines.every((l) => GENERIC.some((p) => p.test(l) || p.test(`##[error]${l}`)));
}

/** The records this run adds: a failed record per analysed job, a passed one per job that succeeded. */
export function recordsOfReport(
  report: TriageReport,
  passedJobs: ReadonlyArray<{ id: number; name: string; completedAt?: string }>,
  now: Date,
): HistoryRecord[] {
  const { run, change } = report;
  const base = {
    repository: `${run.owner}/${run.repo}`,
    workflow: run.name,
    workflowId: run.workflowId,
    runId: run.id,
    attempt: run.attempt,
    ...(run.number !== undefined ? { runNumber: run.number } : {}),
    runUrl: run.htmlUrl,
    sha: run.headSha,
    ...(run.headBranch ? { branch: run.headBranch } : {}),
    ...(change.pullRequest ? { pr: change.pullRequest.number } : {}),
  };
  const files = change.changedFiles.slice(0, 50);
  const out: HistoryRecord[] = [];
  for (const j of report.jobs) {
    const f = j.finding;
    if (!f) continue;
    const first = f.excerpts[0];
    const key = first ? (first.lines[first.keyLine - first.startLine] ?? '') : '';
    out.push({
      ...base,
      outcome: 'failed',
      fingerprint: f.fingerprint,
      job: j.job.name,
      jobId: j.job.id,
      failureType: f.failureType,
      severity: f.severity,
      transient: f.transient,
      ...(isGenericFinding(f) ? { generic: true } : {}),
      ...(key ? { keyLine: (f.fingerprintLines[0] ?? key).slice(0, 200) } : {}),
      ...(files.length ? { changedFiles: files } : {}),
      time: j.job.completedAt ?? now.toISOString(),
    });
  }
  for (const j of passedJobs)
    out.push({
      ...base,
      outcome: 'passed',
      fingerprint: '',
      job: j.name,
      jobId: j.id,
      time: j.completedAt ?? now.toISOString(),
    });
  return out;
}

export interface FlakyEvidence {
  /** For people: "failed on abc1234 in run 12 attempt 1, passed on the same commit in attempt 2". */
  text: string;
  kind: 'same-commit' | 'unrelated-prs';
}

export interface Recurrence {
  fingerprint: string;
  /** Distinct runs with this failure in the window, this one included. */
  occurrences: number;
  firstSeen: { time: string; runId: number; runUrl: string; runNumber?: number };
  branches: string[];
  prs: number[];
  /** Seen in an earlier run of the window. */
  recurring: boolean;
  /** Reached the escalation threshold with this run, and not escalated before. */
  escalate: boolean;
  /** Escalated by an earlier run already. */
  escalatedBefore: boolean;
  flaky: boolean;
  evidence: FlakyEvidence[];
  /** Generic fingerprints are never counted as evidence of anything. */
  generic: boolean;
}

export interface RecurrenceOptions {
  threshold: number;
}

/** For each distinct failure of the report, what the history (plus this run) says about it. */
export function recurrencesOf(
  report: TriageReport,
  history: readonly HistoryRecord[],
  current: readonly HistoryRecord[],
  o: RecurrenceOptions,
): Map<string, Recurrence> {
  const repo = `${report.run.owner}/${report.run.repo}`;
  const all = dedupe([...history.filter((r) => r.repository === repo), ...current]);
  const out = new Map<string, Recurrence>();
  for (const g of groupByFingerprint(report)) out.set(g.fingerprint, recurrenceOf(g, all, report, o));
  return out;
}

function dedupe(records: HistoryRecord[]): HistoryRecord[] {
  const m = new Map<string, HistoryRecord>();
  for (const r of records) m.set(recordKey(r), r);
  return [...m.values()];
}

function recurrenceOf(
  g: FindingGroup,
  all: HistoryRecord[],
  report: TriageReport,
  o: RecurrenceOptions,
): Recurrence {
  const fp = g.fingerprint;
  const generic = isGenericFinding(g.representative.finding);
  const failed = all
    .filter((r) => r.outcome === 'failed' && r.fingerprint === fp)
    .sort((a, b) => a.time.localeCompare(b.time));
  const runs = new Set(failed.map((r) => r.runId));
  runs.add(report.run.id);
  const first = failed[0];
  const branches = [...new Set(failed.map((r) => r.branch).filter((b): b is string => !!b))].sort();
  const prs = [...new Set(failed.map((r) => r.pr).filter((p): p is number => p !== undefined))].sort(
    (a, b) => a - b,
  );
  const escalatedBefore = failed.some((r) => r.escalated === true && r.runId !== report.run.id);
  const evidence = generic ? [] : flakyEvidence(fp, failed, all);
  const occurrences = generic ? 1 : runs.size;
  return {
    fingerprint: fp,
    occurrences,
    firstSeen: first
      ? {
          time: first.time,
          runId: first.runId,
          runUrl: first.runUrl,
          ...(first.runNumber !== undefined ? { runNumber: first.runNumber } : {}),
        }
      : {
          time: report.generatedAt,
          runId: report.run.id,
          runUrl: report.run.htmlUrl,
          ...(report.run.number !== undefined ? { runNumber: report.run.number } : {}),
        },
    branches,
    prs,
    recurring: !generic && [...runs].some((id) => id !== report.run.id),
    escalate: !generic && occurrences >= o.threshold && !escalatedBefore,
    escalatedBefore,
    flaky: evidence.length > 0,
    evidence,
    generic,
  };
}

/**
 * Evidence that a failure is flaky: the same job failed and passed on the same commit (run attempts, or
 * another run), or the failure hit pull requests that changed no file in common.
 */
function flakyEvidence(fp: string, failed: HistoryRecord[], all: HistoryRecord[]): FlakyEvidence[] {
  const out: FlakyEvidence[] = [];
  const seen = new Set<string>();
  for (const f of failed) {
    if (f.generic) continue;
    const passed = all.find(
      (r) => r.outcome === 'passed' && r.sha === f.sha && r.job === f.job && r.workflowId === f.workflowId,
    );
    if (!passed) continue;
    const key = `${f.sha}#${f.job}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const where = (r: HistoryRecord) =>
      `run ${r.runNumber !== undefined ? `#${r.runNumber}` : r.runId} attempt ${r.attempt}`;
    out.push({
      kind: 'same-commit',
      text: `${f.job} failed on ${f.sha.slice(0, 7)} in ${where(f)} and passed on the same commit in ${where(passed)}`,
    });
    if (out.length >= 3) return out;
  }
  // Pull requests with nothing in common: the failure does not follow the code.
  const byPr = new Map<number, HistoryRecord>();
  for (const f of failed)
    if (f.pr !== undefined && f.changedFiles?.length && !f.generic && !byPr.has(f.pr)) byPr.set(f.pr, f);
  const prs = [...byPr.values()];
  for (let i = 0; i < prs.length && out.length < 3; i++)
    for (let j = i + 1; j < prs.length && out.length < 3; j++) {
      const a = prs[i]!;
      const b = prs[j]!;
      const common = (a.changedFiles ?? []).some((x) => (b.changedFiles ?? []).includes(x));
      if (!common && a.sha !== b.sha)
        out.push({
          kind: 'unrelated-prs',
          text: `failed on pull requests #${a.pr} and #${b.pr}, which change no file in common`,
        });
    }
  return out;
}

export interface RerunPolicy {
  enabled: boolean;
  maxAttempts: number;
  dailyCap: number;
  /** Glob patterns of branches allowed. */
  branches: readonly string[];
}

export interface RerunDecision {
  rerun: boolean;
  /** For people: why, or why not. */
  reason: string;
}

/** Whether to re-run the run's failed jobs. `rerunsToday`: runs re-run by ci-triage since the start of the UTC day. */
export function rerunDecision(
  report: TriageReport,
  recurrences: ReadonlyMap<string, Recurrence>,
  policy: RerunPolicy,
  rerunsToday: number,
): RerunDecision {
  if (!policy.enabled) return { rerun: false, reason: 're-runs are off (rerun: false)' };
  if (report.mode !== 'companion')
    return {
      rerun: false,
      reason:
        'a run cannot be re-run from inside itself while it is still going: use the companion mode (on: workflow_run) for gated re-runs',
    };
  if (report.counts.failed === 0) return { rerun: false, reason: 'no job failed' };
  if (report.counts.unavailable > 0)
    return { rerun: false, reason: 'a failed job has no log to judge it by' };
  if (report.run.attempt >= policy.maxAttempts)
    return {
      rerun: false,
      reason: `attempt ${report.run.attempt} is not below max-attempts (${policy.maxAttempts})`,
    };
  const branch = report.run.headBranch ?? '';
  if (!policy.branches.some((p) => globMatch(p, branch)))
    return {
      rerun: false,
      reason: `branch ${JSON.stringify(branch)} is not in rerun-branches (${policy.branches.join(', ')})`,
    };
  const why: string[] = [];
  for (const j of report.jobs) {
    const f = j.finding;
    if (!f) continue;
    const r = recurrences.get(f.fingerprint);
    const flaky = r?.flaky ?? false;
    if (f.failureType === 'test_failure' && !flaky)
      return {
        rerun: false,
        reason: `${j.job.name} is a test failure with no evidence of flakiness: a re-run would hide it`,
      };
    if (!f.transient && !flaky)
      return {
        rerun: false,
        reason: `${j.job.name} failed with ${f.failureType}, which is neither transient nor flaky by evidence`,
      };
    why.push(
      `${j.job.name}: ${flaky ? `flaky (${r?.evidence[0]?.text ?? 'by evidence'})` : `${f.failureType}, transient`}`,
    );
  }
  if (rerunsToday >= policy.dailyCap)
    return { rerun: false, reason: `the daily re-run cap is reached (${rerunsToday} of ${policy.dailyCap})` };
  return { rerun: true, reason: `every failed job is transient or flaky — ${why.join('; ')}` };
}

function globMatch(pattern: string, value: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(value);
}

export interface Trends {
  windowDays: number;
  /** Failed jobs by type over the window. */
  byType: Array<{ type: FailureType; count: number }>;
  top: Array<{
    fingerprint: string;
    failureType?: FailureType;
    occurrences: number;
    lastSeen: string;
    keyLine?: string;
  }>;
  /** Per workflow: runs that failed and runs seen passing (passing runs are recorded when ci-triage runs on them). */
  workflows: Array<{ workflow: string; failedRuns: number; passedRuns: number; rate: number }>;
  /** Time from a branch's first failure to its next green run, in hours. */
  timeToGreen: { samples: number; medianHours?: number; maxHours?: number };
  records: number;
}

export function trendsOf(records: readonly HistoryRecord[], windowDays: number): Trends {
  const failed = records.filter((r) => r.outcome === 'failed');
  const types = new Map<FailureType, number>();
  for (const r of failed) if (r.failureType) types.set(r.failureType, (types.get(r.failureType) ?? 0) + 1);
  const byFp = new Map<string, HistoryRecord[]>();
  for (const r of failed) if (!r.generic) byFp.set(r.fingerprint, [...(byFp.get(r.fingerprint) ?? []), r]);
  const top = [...byFp.entries()]
    .map(([fingerprint, rs]) => {
      const last = rs.reduce((a, b) => (a.time > b.time ? a : b));
      return {
        fingerprint,
        ...(last.failureType ? { failureType: last.failureType } : {}),
        occurrences: new Set(rs.map((r) => r.runId)).size,
        lastSeen: last.time,
        ...(last.keyLine ? { keyLine: last.keyLine } : {}),
      };
    })
    .sort((a, b) => b.occurrences - a.occurrences || b.lastSeen.localeCompare(a.lastSeen))
    .slice(0, 10);
  const wf = new Map<string, { failed: Set<string>; passed: Set<string> }>();
  const runKey = (r: HistoryRecord) => `${r.runId}#${r.attempt}`;
  for (const r of records) {
    const w = wf.get(r.workflow) ?? { failed: new Set<string>(), passed: new Set<string>() };
    (r.outcome === 'failed' ? w.failed : w.passed).add(runKey(r));
    wf.set(r.workflow, w);
  }
  const workflows = [...wf.entries()].map(([workflow, w]) => {
    const passed = [...w.passed].filter((k) => !w.failed.has(k)).length;
    return {
      workflow,
      failedRuns: w.failed.size,
      passedRuns: passed,
      rate: w.failed.size / Math.max(1, w.failed.size + passed),
    };
  });
  // A branch's streaks: from the first failed run after a green one (or the window's start) to the next green.
  const byBranch = new Map<string, HistoryRecord[]>();
  for (const r of records) if (r.branch) byBranch.set(r.branch, [...(byBranch.get(r.branch) ?? []), r]);
  const hours: number[] = [];
  for (const rs of byBranch.values()) {
    const runs = new Map<string, { time: string; failed: boolean }>();
    for (const r of rs) {
      const k = runKey(r);
      const prev = runs.get(k);
      runs.set(k, {
        time: prev && prev.time > r.time ? prev.time : r.time,
        failed: (prev?.failed ?? false) || r.outcome === 'failed',
      });
    }
    let since: string | undefined;
    for (const run of [...runs.values()].sort((a, b) => a.time.localeCompare(b.time))) {
      if (run.failed) since ??= run.time;
      else if (since) {
        hours.push((Date.parse(run.time) - Date.parse(since)) / 3_600_000);
        since = undefined;
      }
    }
  }
  hours.sort((a, b) => a - b);
  return {
    windowDays,
    byType: [...types.entries()].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count),
    top,
    workflows: workflows.sort((a, b) => b.failedRuns - a.failedRuns),
    timeToGreen: {
      samples: hours.length,
      ...(hours.length
        ? { medianHours: hours[Math.floor((hours.length - 1) / 2)]!, maxHours: hours[hours.length - 1]! }
        : {}),
    },
    records: records.length,
  };
}
