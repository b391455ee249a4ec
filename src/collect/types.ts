/**
 * What collection hands to the rest of the pipeline: the run, its jobs and steps, the change behind it, and a
 * way to open each job's log as a stream. Shapes are trimmed from the REST API's (see @octokit/openapi-types).
 */
import type { ByteSource } from '../pipeline/analyze-log.js';

export interface RunRef {
  owner: string;
  repo: string;
  runId: number;
  /** The run attempt; the latest when absent. */
  attempt?: number;
}

export type TriggerMode = 'in-run' | 'companion' | 'cli';

export interface RunInfo {
  owner: string;
  repo: string;
  id: number;
  attempt: number;
  /** The run number shown in the UI (#123). */
  number?: number;
  /** Workflow name, e.g. "CI". */
  name: string;
  workflowId: number;
  /** `.github/workflows/ci.yml` */
  workflowPath?: string;
  event: string;
  headBranch?: string;
  headSha: string;
  htmlUrl: string;
  /** null while the run is still going (in-run mode). */
  conclusion: string | null;
  defaultBranch?: string;
  actor?: string;
}

export interface CollectedStep {
  number: number;
  name: string;
  status: string;
  conclusion: string | null;
}

export interface CollectedJob {
  id: number;
  name: string;
  status: string;
  /** success, failure, cancelled, skipped, timed_out, … ; null while running. */
  conclusion: string | null;
  htmlUrl: string;
  startedAt?: string;
  completedAt?: string;
  runnerName?: string;
  steps: CollectedStep[];
}

export interface PullRequestInfo {
  number: number;
  title: string;
  htmlUrl: string;
  headRef: string;
  baseRef: string;
  author?: string;
  /** The head repository is a fork: the token is read-only there. */
  fork: boolean;
}

export interface ChangeContext {
  commit: {
    sha: string;
    message?: string;
    /** A GitHub login when the API knows it, else the git author name. */
    author?: string;
    /** The author's GitHub login, when the commit is linked to an account. */
    authorLogin?: string;
    /** The git author email (for a chat lookup); absent when hidden or unknown. */
    authorEmail?: string;
    htmlUrl?: string;
  };
  pullRequest?: PullRequestInfo;
  /** Paths the pull request (or the commit) changed, capped. */
  changedFiles: string[];
}

/** The last passing log of the same job, when one was found. */
export interface BaselineRef {
  runId: number;
  jobId: number;
  htmlUrl: string;
}

export interface CollectedRun {
  mode: TriggerMode;
  run: RunInfo;
  /** Every job of the attempt, in API order. */
  jobs: CollectedJob[];
  /** The jobs to analyse (failed or timed out, not the triage job itself), at most `max-jobs`. */
  failed: CollectedJob[];
  /** Failed jobs beyond `max-jobs`: counted and listed as failed, their logs not downloaded. */
  overLimit: CollectedJob[];
  /** The `max-jobs` that `overLimit` is over. */
  maxJobs?: number;
  /** Jobs listed but not analysed, with why (cancelled by fail-fast, the triage job itself, …). */
  listedOnly: Array<{ job: CollectedJob; reason: string }>;
  change: ChangeContext;
  /** What could not be read and was skipped (no pull request, no default branch, …), for the debug log. */
  notes?: string[];
}

/** Opens logs; the real one streams from the Actions API, tests hand in fakes. */
export interface LogSource {
  /** A job's log as a stream; rejects with LogUnavailableError when it cannot be had (404 after retries). */
  openJobLog(job: CollectedJob): Promise<ByteSource>;
  /** The same job's log in the last green run, or undefined when there is none (capped in time and calls). */
  openBaseline(job: CollectedJob): Promise<{ ref: BaselineRef; log: ByteSource } | undefined>;
}

export class LogUnavailableError extends Error {
  override name = 'LogUnavailableError';
}
