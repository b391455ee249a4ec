/**
 * Job logs from the Actions API, as streams. `GET /repos/{o}/{r}/actions/jobs/{id}/logs` answers 302 with a
 * short-lived blob URL; the redirect is not followed by Octokit (that would buffer the whole log and send the
 * token along) but read from `location`, and the blob is fetched without credentials and handed on chunk by
 * chunk, so a log of gigabytes is never held in memory.
 *
 * A log is not available for a moment after its job completes (404): retried `notFoundRetries` times, then
 * LogUnavailableError. A download that breaks off mid-body (connection reset, `content-length` not reached) or
 * that receives nothing for `idleTimeoutMs` is resumed where it stopped, `resumeRetries` times: a fresh redirect
 * (the blob URL is short-lived) and `Range: bytes=N-`, which Azure blob storage answers with 206; a store that
 * ignores it sends the whole log again, and the bytes already read are skipped. When the tries are spent, the
 * stream fails with LogUnavailableError saying where and why it broke off. The baseline — the same job's log in the last green run of the workflow, on the head
 * branch, else the default branch — is best effort: capped in API calls and time per job, the run search and
 * each candidate run's job list cached and shared between jobs, and any failure means "no baseline".
 */
import * as core from '@actions/core';
import type { ByteSource } from '../pipeline/analyze-log.js';
import { CollectError, collectError, fetchOf, httpStatusOf, type GitHubClient } from './github.js';
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
  /** A download that receives no byte for this long is dropped and resumed (default 30 s). */
  idleTimeoutMs?: number;
  /** Resumptions of a download that broke off or stalled, each with a fresh URL (default 3). */
  resumeRetries?: number;
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

/** One answer of the blob store: its body from `offset` on, and the log's size when the store says it. */
interface LogBlob {
  body: ReadableStream<Uint8Array>;
  /** The byte of the log the body starts at. */
  offset: number;
  /** Bytes at the start of the body to drop: the store ignored `Range` and sent the log from its start. */
  skip: number;
  /** The whole log's size, when known (`content-length`, or `content-range`'s total). */
  total?: number;
  /** Cancels the request (and its body). */
  abort(): void;
}

class BrokeOff extends Error {
  override name = 'BrokeOff';
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

  const idleMs = opts.idleTimeoutMs ?? 30_000;
  const resumeRetries = opts.resumeRetries ?? 3;

  /** The redirect, then the blob from byte `offset`; `retries` 404s are waited out. */
  async function openAt(jobId: number, label: string, retries: number, offset: number): Promise<LogBlob> {
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
          const bytes = toBytes(res.data);
          const body = new Blob([
            bytes.subarray(Math.min(offset, bytes.length)),
          ]).stream() as ReadableStream<Uint8Array>;
          return { body, offset, skip: 0, total: bytes.length, abort: () => undefined };
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
        return await fetchBlob(location, offset);
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

  /** The blob from byte `offset`, without credentials; the answer's headers must come within the idle time. */
  async function fetchBlob(url: string, offset: number): Promise<LogBlob> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new BrokeOff(`no answer in ${idleMs / 1000} s`)), idleMs);
    let res: Response;
    try {
      res = await fetchImpl(url, {
        redirect: 'follow',
        signal: controller.signal,
        ...(offset > 0 ? { headers: { range: `bytes=${offset}-` } } : {}),
      });
    } catch (e) {
      throw controller.signal.aborted && controller.signal.reason instanceof Error
        ? controller.signal.reason
        : e;
    } finally {
      clearTimeout(timer);
    }
    const abort = () => controller.abort();
    if (res.status === 416 && offset > 0) {
      // Nothing past `offset`: the log ended there.
      await res.body?.cancel().catch(() => undefined);
      return {
        body: new ReadableStream<Uint8Array>({ start: (c) => c.close() }),
        offset,
        skip: 0,
        total: offset,
        abort,
      };
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel().catch(() => undefined);
      throw new Error(`HTTP ${res.status} from the log storage`);
    }
    const length = Number(res.headers.get('content-length') ?? NaN);
    if (res.status === 206) {
      const range = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(res.headers.get('content-range') ?? '');
      const start = Number(range?.[1] ?? NaN);
      if (start !== offset) {
        abort();
        throw new Error(`the log storage sent bytes from ${range?.[1] ?? '?'} when asked for ${offset}`);
      }
      const total = range?.[2] !== undefined && range[2] !== '*' ? Number(range[2]) : undefined;
      return { body: res.body, offset, skip: 0, ...(total !== undefined ? { total } : {}), abort };
    }
    return {
      body: res.body,
      offset,
      skip: offset,
      ...(Number.isFinite(length) ? { total: length } : {}),
      abort,
    };
  }

  /**
   * A job's log as one stream however many times its download broke off: each break (an error, the body ending
   * short of its length, no byte for `idleMs`) is resumed from the last byte received.
   */
  async function download(jobId: number, label: string, retries: number): Promise<OpenedLog> {
    const first = await openAt(jobId, label, retries, 0);
    let current: LogBlob | undefined = first;
    let stop = false;
    async function* stream(): AsyncGenerator<Uint8Array> {
      let received = 0;
      let resumes = 0;
      let blob = first;
      for (;;) {
        let why: string;
        try {
          for await (const chunk of readBlob(blob, idleMs)) {
            received += chunk.length;
            yield chunk;
          }
          if (blob.total === undefined || received >= blob.total) return;
          why = `the download ended at byte ${received} of ${blob.total}`;
        } catch (e) {
          why = errorText(e);
        }
        if (stop) return;
        if (resumes >= resumeRetries)
          throw new LogUnavailableError(
            `The log of ${label} broke off at byte ${received}${blob.total !== undefined ? ` of ${blob.total}` : ''} (${why}), ` +
              `${resumeRetries} resumptions with a fresh URL did not complete it.`,
          );
        resumes++;
        debug(
          `The log of ${label} broke off at byte ${received} (${why}); resuming (${resumes} of ${resumeRetries}).`,
        );
        await sleep(retryDelayMs * resumes);
        try {
          blob = current = await openAt(jobId, label, 0, received);
        } catch (e) {
          // Gone (404, 410) or refused by the API: final. The storage failing to answer: another try.
          const gone = e instanceof LogUnavailableError && [404, 410].includes(httpStatusOf(e.cause) ?? 0);
          if (resumes >= resumeRetries || gone || e instanceof CollectError) throw e;
          // The next loop turn counts another try from the same byte.
          blob = current = { ...blob, body: errored(e), skip: 0 };
        }
        if (blob.skip > 0)
          debug(`The log storage ignored Range for ${label}: skipping the ${blob.skip} bytes already read.`);
      }
    }
    return {
      source: stream(),
      cancel: () => {
        stop = true;
        current?.abort();
        void current?.body.cancel().catch(() => undefined);
        current = undefined;
      },
    };
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

/** A stream that fails at once with `e` (a resumption that could not even start). */
function errored(e: unknown): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({ start: (c) => c.error(e) });
}

/**
 * One blob answer's bytes, the first `skip` dropped; fails when no byte comes for `idleMs`. Stopped early (or
 * failed), it closes the connection rather than leave it open.
 */
async function* readBlob(blob: LogBlob, idleMs: number): AsyncGenerator<Uint8Array> {
  const reader = blob.body.getReader();
  let skip = blob.skip;
  let done = false;
  try {
    for (;;) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const idle = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new BrokeOff(`no byte received for ${idleMs / 1000} s`)), idleMs);
      });
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await Promise.race([reader.read(), idle]);
      } finally {
        clearTimeout(timer);
      }
      if (chunk.done) {
        done = true;
        return;
      }
      let value = chunk.value;
      if (skip > 0) {
        const drop = Math.min(skip, value.length);
        skip -= drop;
        value = value.subarray(drop);
        if (value.length === 0) continue;
      }
      yield value;
    }
  } finally {
    if (!done) {
      blob.abort();
      await reader.cancel().catch(() => undefined);
    }
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
