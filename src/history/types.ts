/**
 * The history of findings across runs: one record per failed job analysed (`outcome: 'failed'`, with its
 * fingerprint) or per job seen passing (`outcome: 'passed'`, no fingerprint), so that recurrence, flakiness
 * and trends can be computed. Kept in GitHub itself (workflow artifacts), bounded by a retention window.
 */
import type { FailureType, Severity } from '../types.js';

export const HISTORY_SCHEMA = 'ci-triage/history@1';

export interface HistoryRecord {
  outcome: 'failed' | 'passed';
  /** The failure's fingerprint; empty for a passed job. */
  fingerprint: string;
  /** `owner/name`. */
  repository: string;
  workflow: string;
  workflowId: number;
  runId: number;
  attempt: number;
  runNumber?: number;
  runUrl: string;
  /** The head commit. */
  sha: string;
  branch?: string;
  /** The pull request number, when the run is for one. */
  pr?: number;
  /** The job's name (matrix values included); with `jobId`, the job of that attempt. */
  job: string;
  jobId: number;
  /** The failure's type, severity and transient flag (failed only). */
  failureType?: FailureType;
  severity?: Severity;
  transient?: boolean;
  /** True when the fingerprint rests only on generic lines ("exit code 1"): never evidence of anything. */
  generic?: boolean;
  /** The key line, masked and cut to 200 characters (failed only), for people reading trends. */
  keyLine?: string;
  /** Up to 50 paths the pull request (or commit) changed, for "unrelated pull requests" evidence. */
  changedFiles?: string[];
  /** When the job completed (or the triage ran), ISO 8601. */
  time: string;
  /** This run's failure reached the escalation threshold and was escalated (Jira, Slack). */
  escalated?: boolean;
  /** ci-triage asked GitHub to re-run this run's failed jobs (counted for the daily re-run cap). */
  rerun?: boolean;
}

/** One stored snapshot: every record in the window, newest last. */
export interface HistorySnapshot {
  schema: typeof HISTORY_SCHEMA;
  /** When it was written, ISO 8601, and by which run. */
  writtenAt: string;
  writtenBy: { runId: number; attempt: number };
  records: HistoryRecord[];
}

/** What reading the history cost: API calls, downloads and time. */
export interface HistoryReadCost {
  calls: number;
  snapshots: number;
  ms: number;
}

export interface HistoryStore {
  /** Every record of the newest snapshots, merged (deduplicated), within the window. Never throws: a store that cannot be read is empty, with `error` set. */
  read(): Promise<{ records: HistoryRecord[]; cost: HistoryReadCost; error?: string }>;
  /** Writes a new snapshot: what `read` returned plus `records`, deduplicated, pruned to the window and the size cap. */
  write(
    records: readonly HistoryRecord[],
  ): Promise<{ written: boolean; records: number; bytes: number; error?: string }>;
}

/** The identity of a record, for merging snapshots written concurrently. */
export function recordKey(r: HistoryRecord): string {
  return `${r.repository}#${r.runId}#${r.attempt}#${r.jobId}#${r.outcome}#${r.fingerprint}`;
}
