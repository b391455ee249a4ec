/**
 * The report of one triage run: what report.json holds (versioned; documented in docs/report-schema.md) and
 * what every renderer (job summary, annotations, outputs, terminal) reads.
 */
import type { BaselineRef, ChangeContext, CollectedJob, RunInfo, TriggerMode } from '../collect/types.js';
import type { Explanation, LlmMode } from '../analyze/analyzer.js';
import type { Finding } from '../pipeline/analyze-log.js';
import type { PublishResult } from '../publish/sinks.js';
import type { Recurrence, RerunDecision, Trends } from '../history/analysis.js';
import type { HistoryReadCost } from '../history/types.js';

export const REPORT_SCHEMA = 'ci-triage/report@1';

export interface JobReport {
  job: CollectedJob;
  /** The failed step per the jobs API (first step whose conclusion is failure), when there is one. */
  failedStep?: { number: number; name: string };
  /** The analysis; absent when the log could not be had. */
  finding?: Finding;
  /** Why there is no finding ("log not available yet after 3 tries", …). */
  unavailable?: string;
  /** Not analysed on purpose, its log not downloaded: beyond `max-jobs`. */
  notAnalysed?: 'max-jobs';
  baseline?: BaselineRef;
  /** Excerpt key lines mapped to the GitHub UI: `…/job/{id}#step:{n}:{line}`, in excerpt order. */
  links: Array<{
    /** The key line, 1-based in the raw job log. */
    line: number;
    url: string;
    /** The jobs-API step number the line is in (absent when no step could be told: `url` is the job page). */
    step?: number;
    /** The line within that step's log, as the UI numbers it. */
    stepLine?: number;
    /** False when the step is a fallback (the failed step) rather than located in the log. */
    exact?: boolean;
  }>;
  /** Changed files (of the PR or commit) that the excerpts name. */
  affectedFiles: string[];
  /**
   * The model's explanation (with `llm` configured): validated and grounded, never deciding anything; its
   * text is untrusted. On the representative job of each distinct failure (fingerprint) only.
   */
  explanation?: Explanation;
  /** Why the job has no explanation although the model was configured (skipped, or the fallback taken). */
  explanationNote?: string;
}

/** The model calls of a run, in all. */
export interface LlmUsage {
  provider: 'anthropic';
  model: string;
  mode: LlmMode;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** Estimated USD; absent when the model has no price. */
  costUsd?: number;
  /** Distinct failures explained, skipped (auto: confident), and left to the deterministic result. */
  explained: number;
  skipped: number;
  fallbacks: number;
}

export interface TriageReport {
  schema: typeof REPORT_SCHEMA;
  generatedAt: string;
  tool: { name: 'ci-triage'; version: string };
  mode: TriggerMode;
  run: RunInfo;
  change: ChangeContext;
  jobs: JobReport[];
  listedOnly: Array<{ job: CollectedJob; reason: string }>;
  /** The jobs of the attempt that passed (for the history: a failure that passes on the same commit is flaky). */
  passedJobs?: Array<{ id: number; name: string; completedAt?: string }>;
  /**
   * `failed` counts every failed job, analysed or not; `unavailable` those without a finding, of which
   * `notAnalysed` were beyond max-jobs (absent in reports of earlier versions).
   */
  counts: {
    jobs: number;
    failed: number;
    analysed: number;
    unavailable: number;
    notAnalysed?: number;
    listedOnly: number;
  };
  /** Notes for people: degraded paths taken (no baseline, a log unavailable, …). */
  notes: string[];
  /** The model's use, when `llm` is configured (absent otherwise). */
  llm?: LlmUsage;
  /** What the sinks (PR comment, Jira, GitHub issue, Slack, webhook) did; absent when none is configured. */
  published?: PublishResult;
  /** What the history of earlier runs says (recurrence, flakiness, trends, re-run); absent with `history: false`. */
  history?: HistoryReport;
  /**
   * Present when GitHub could not be read (a 5xx or network failure past the retries, 401/403/404 on the run or
   * its jobs): what failed and how far collection got. Nothing was analysed or published; `run` then holds only
   * what the runner's environment says of it, `jobs` is empty and `counts` are zeros that count nothing.
   */
  incomplete?: IncompleteCollection;
}

export interface IncompleteCollection {
  /** What was being read: "run 123", "the jobs of run 123 (attempt 1)". */
  what: string;
  /** Why, with what to do (the message the step fails with). */
  message: string;
  /** The HTTP status of the last answer; absent for a network failure. */
  status?: number;
  /** Requests sent for it, retries included, and what each got ("502", "429", "network error", "cut off"). */
  attempts?: number;
  answers?: string[];
  /** What was read before it failed, in words ("the run was read: CI #42 on main, commit 1a2b3c4"). */
  reached: string[];
}

export interface HistoryReport {
  windowDays: number;
  /** Occurrences at which a failure escalates. */
  threshold: number;
  /** By fingerprint, for every distinct failure of this run. */
  recurrences: Record<string, Recurrence>;
  trends: Trends;
  /** What reading the history cost. */
  cost: HistoryReadCost;
  /** The history could not be read or written: why (the report is complete without it). */
  error?: string;
  /** The gated re-run: what was decided and done. */
  rerun?: RerunDecision & { requested: boolean; dryRun?: boolean; error?: string };
}
