/**
 * Job logs from the Actions API, as streams. `GET /repos/{o}/{r}/actions/jobs/{id}/logs` answers 302 with a
 * short-lived blob URL; the redirect is not followed by Octokit (that would buffer the whole log and send the
 * token along) but read from `location`, and the blob is fetched without credentials and handed on chunk by
 * chunk, so a log of gigabytes is never held in memory.
 *
 * A log is not available for a moment after its job completes (404): retried `notFoundRetries` times, then
 * LogUnavailableError. The baseline — the same job's log in the last green run of the workflow, on the head
 * branch, else the default branch — is best effort: capped in API calls and time per job, the run search and
 * each candidate run's job list cached and shared between jobs, and any failure means "no baseline".
 */
import * as core from '@actions/core';
import type { ByteSource } from '../pipeline/analyze-log.js';
import { collectError, fetchOf, httpStatusOf, type GitHubClient } from './github.js';
import { toCollectedJob } from './run.js';
import {
  LogUnavailableError,
  type BaselineRef,
  type CollectedJob,
  type LogSource,
  type RunInfo,
} from './types.js';

export interface LogSourceOptions {
  /** Look for a baseline log at all. */
  baseline: boolean;
  /** Retries of a 404 (log not ready yet) before giving up (default 3). */
  notFoundRetries?: number;
  /** Delay before the first retry, growing linearly (default 2000 ms). */
  retryDelayMs?: number;
  /** API calls one baseline search may make (default 10); cached answers are free. */
  baselineMaxCalls?: number;
  /** Time one baseline search may take, up to the log stream being open (default 20 s). */
  baselineTimeoutMs?: number;
  /** Successful runs examined per branch (default 10). */
  baselineRunsPerBranch?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Fetch for the blob download; the client's own when absent. */
  fetch?: typeof globalThis.fetch;
  debug?: (message: string) => void;
}

interface OpenedLog {
  source: ByteSource;
  cancel(): void;
}

type Octokit = GitHubClient;

class BudgetExceeded extends Error {
  override name = 'BudgetExceeded';
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createLogSource(octokit: Octokit, run: RunInfo, opts: LogSourceOptions): LogSource {
  const notFoundRetries = opts.notFoundRetries ?? 3;
  const retryDelayMs = opts.retryDelayMs ?? 2000;
  const maxCalls = opts.baselineMaxCalls ?? 10;
  const timeoutMs = opts.baselineTimeoutMs ?? 20_000;
  const runsPerBranch = opts.baselineRunsPerBranch ?? 10;
  const sleep = opts.sleep ?? defaultSleep;
  const fetchImpl = opts.fetch ?? fetchOf(octokit);
  const debug = opts.debug ?? ((m: string) => core.debug(m));
  const { owner, repo } = run;

  /** The redirect, then the blob; `retries` 404s are waited out. */
  async function download(jobId: number, label: string, retries: number): Promise<OpenedLog> {
    for (let attempt = 0; ; attempt++) {
      let location: string | undefined;
      try {
        const res = await octokit.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', {
          owner,
          repo,
          job_id: jobId,
          request: { redirect: 'manual' },
        });
        const status: number = res.status;
        if (status === 200) {
          // A fetch that followed the redirect anyway: the log is already in memory.
          const data: unknown = res.data;
          return { source: [toBytes(data)], cancel: () => undefined };
        }
        location = res.headers.location;
      } catch (e) {
        const status = httpStatusOf(e);
        if (status === 404 && attempt < retries) {
          debug(`The log of ${label} is not available yet (404); retry ${attempt + 1} of ${retries}.`);
          await sleep(retryDelayMs * (attempt + 1));
          continue;
        }
        if (status === 404 || status === 410) {
          throw new LogUnavailableError(
            status === 404
              ? `The log of ${label} is not available (404 after ${attempt + 1} attempts): GitHub serves a job's log only once the job has completed, and some jobs (never started, runner lost) have none.`
              : `The log of ${label} has expired (410): logs are kept only for the repository's retention period.`,
            { cause: e },
          );
        }
        throw collectError(e, `the log of ${label}`);
      }
      if (!location)
        throw new LogUnavailableError(`The log of ${label}: GitHub answered without a download location.`);
      try {
        return await openBlob(location);
      } catch (e) {
        // The blob URL is short-lived; a fresh redirect gives a fresh one.
        if (attempt < retries) {
          debug(`Downloading the log of ${label} failed (${errorText(e)}); asking for a new URL.`);
          await sleep(retryDelayMs * (attempt + 1));
          continue;
        }
        throw new LogUnavailableError(`The log of ${label} could not be downloaded: ${errorText(e)}`, {
          cause: e,
        });
      }
    }
  }

  async function openBlob(url: string): Promise<OpenedLog> {
    const res = await fetchImpl(url, { redirect: 'follow' });
    if (!res.ok || !res.body) {
      await res.body?.cancel().catch(() => undefined);
      throw new Error(`HTTP ${res.status} from the log storage`);
    }
    const body = res.body;
    return { source: streamOf(body), cancel: () => void body.cancel().catch(() => undefined) };
  }

  // Shared between jobs: one run search per branch, one job list per candidate run.
  const runSearches = new Map<string, Promise<Array<{ id: number }>>>();
  const runJobs = new Map<number, Promise<CollectedJob[]>>();

  function cached<K, V>(
    map: Map<K, Promise<V>>,
    key: K,
    budget: { calls: number },
    make: () => Promise<V>,
  ): Promise<V> {
    let p = map.get(key);
    if (!p) {
      if (budget.calls >= maxCalls)
        throw new BudgetExceeded(`the limit of ${maxCalls} API calls was reached`);
      budget.calls++;
      p = make();
      map.set(key, p);
    }
    return p;
  }

  function searchRuns(branch: string, budget: { calls: number }) {
    return cached(runSearches, `${run.workflowId}@${branch}`, budget, async () => {
      const res = await octokit.rest.actions.listWorkflowRuns({
        owner,
        repo,
        workflow_id: run.workflowId,
        branch,
        status: 'success',
        per_page: runsPerBranch,
        exclude_pull_requests: true,
      });
      return res.data.workflow_runs.map((r) => ({ id: Number(r.id) }));
    });
  }

  function jobsOf(runId: number, budget: { calls: number }) {
    return cached(runJobs, runId, budget, async () => {
      const jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRun, {
        owner,
        repo,
        run_id: runId,
        filter: 'latest',
        per_page: 100,
      });
      return jobs.map((j) => toCollectedJob(j, run.htmlUrl));
    });
  }

  async function findBaseline(
    job: CollectedJob,
    budget: { calls: number },
    isLate: () => boolean,
  ): Promise<{ ref: BaselineRef; log: OpenedLog } | undefined> {
    const branches = [...new Set([run.headBranch, run.defaultBranch].filter((b): b is string => !!b))];
    for (const branch of branches) {
      const candidates = await searchRuns(branch, budget);
      for (const candidate of candidates) {
        if (isLate()) return undefined;
        if (candidate.id === run.id) continue;
        const match = (await jobsOf(candidate.id, budget)).find(
          (j) => j.name === job.name && j.conclusion === 'success',
        );
        if (!match) continue;
        if (budget.calls >= maxCalls)
          throw new BudgetExceeded(`the limit of ${maxCalls} API calls was reached`);
        budget.calls++;
        try {
          const log = await download(match.id, `job "${match.name}" (${match.id}) of run ${candidate.id}`, 0);
          return { ref: { runId: candidate.id, jobId: match.id, htmlUrl: match.htmlUrl }, log };
        } catch (e) {
          debug(`Baseline candidate run ${candidate.id} skipped: ${errorText(e)}`);
        }
      }
    }
    return undefined;
  }

  return {
    async openJobLog(job) {
      const opened = await download(job.id, `job "${job.name}" (${job.id})`, notFoundRetries);
      return opened.source;
    },

    async openBaseline(job) {
      if (!opts.baseline) return undefined;
      const budget = { calls: 0 };
      let late = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const search = findBaseline(job, budget, () => late);
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      try {
        const result = await Promise.race([search, timeout]);
        if (result === 'timeout') {
          late = true;
          debug(`No baseline for job "${job.name}": the search took longer than ${timeoutMs} ms.`);
          // Close a log that arrives after we stopped waiting.
          search.then((r) => r?.log.cancel()).catch(() => undefined);
          return undefined;
        }
        if (!result) {
          debug(
            `No baseline for job "${job.name}": no successful run of this workflow has a green job of that name.`,
          );
          return undefined;
        }
        return { ref: result.ref, log: result.log.source };
      } catch (e) {
        debug(`No baseline for job "${job.name}": ${errorText(e)}`);
        return undefined;
      } finally {
        if (timer) clearTimeout(timer);
      }
    },
  };
}

async function* streamOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let done = false;
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) {
        done = true;
        return;
      }
      yield chunk.value;
    }
  } finally {
    // Stopped early (or failed): close the connection rather than leave it open.
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new TextEncoder().encode(typeof data === 'string' ? data : JSON.stringify(data));
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
