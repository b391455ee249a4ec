/**
 * The GitHub REST client: @actions/github's Octokit (REST methods + pagination) with the throttling plugin
 * (which paces requests: at most 10 at once, writes a second apart) and one retry loop of our own, the one
 * place that decides what is tried again; and the one place that turns an HTTP error into a message a person
 * can act on.
 *
 * What is retried, whatever the body (JSON, empty, HTML, cut off):
 * - a rate limit — any 429, and a 403 with `retry-after`, with `x-ratelimit-remaining: 0` or saying "secondary
 *   rate limit" — after the time GitHub gives (`retry-after`, else until `x-ratelimit-reset`, else a minute, as
 *   GitHub's documentation asks), at most `maxRateLimitRetries` times and only when that wait is at most
 *   `maxRateLimitWaitSeconds`: a longer one gives up at once, and the error says which bound was met;
 * - a server error (5xx), a network failure, and a 2xx answer to a GET whose JSON was cut off or is not JSON,
 *   `serverErrorRetries` times, 1 s then 4 s apart.
 * The throttling plugin's own rate-limit retries are off: it decides by the message text, so a 429 without a
 * body was never retried. The error that ends the loop carries what was tried (`retriesOf`).
 */
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { defaults as actionsDefaults } from '@actions/github/lib/utils';
import { throttling } from '@octokit/plugin-throttling';
import type { RunInfo } from './types.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientLog {
  debug: (message: string) => void;
  warn: (message: string) => void;
}

export interface GitHubClientOptions {
  token: string;
  /** `GITHUB_API_URL`; https://api.github.com when absent. */
  baseUrl?: string;
  userAgent?: string;
  /** A fetch implementation; the proxy-aware one of @actions/github when absent. */
  fetch?: typeof globalThis.fetch;
  /** Rate-limit retries before giving up (default 2). */
  maxRateLimitRetries?: number;
  /** The longest `retry-after` (or time to reset) that is waited for, in seconds (default 60). */
  maxRateLimitWaitSeconds?: number;
  /** Retries of 5xx answers, network errors and cut-off answers (default 2). */
  serverErrorRetries?: number;
  /** The first back-off after a server error; the n-th is n² times this (default 1000 ms). */
  serverErrorDelayMs?: number;
  log?: ClientLog;
  /** For tests: the wait. */
  sleep?: (ms: number) => Promise<void>;
}

const defaultLog: ClientLog = {
  debug: (m) => core.debug(m),
  warn: (m) => core.warning(m),
};

/** What the retry loop tried before it gave up, on the error it let through. */
export interface RetryNote {
  /** Requests sent, the first included. */
  attempts: number;
  /** The answer each attempt got: "502", "429", "network error", "cut off". */
  answers: string[];
  /** Why it stopped retrying a rate limit, in words (the bound that was met). */
  rateLimit?: string;
}

const RETRY_NOTE = Symbol.for('ci-triage.retries');

export function retriesOf(error: unknown): RetryNote | undefined {
  return typeof error === 'object' && error !== null
    ? ((error as Record<symbol, RetryNote | undefined>)[RETRY_NOTE] ?? undefined)
    : undefined;
}

/** A 2xx answer whose JSON body did not arrive whole (or is not JSON). */
export class BrokenAnswerError extends Error {
  override name = 'BrokenAnswerError';
  readonly status: number;
  readonly request: { method: string; url: string };
  constructor(status: number, request: { method: string; url: string }, bytes: number) {
    super(`the answer was cut off or is not JSON (${bytes} bytes of text)`);
    this.status = status;
    this.request = request;
  }
}

interface RequestOptions {
  method: string;
  url: string;
  request?: Record<string, unknown>;
}

interface ResponseLike {
  status: number;
  headers: Record<string, string | number | undefined>;
  data: unknown;
}

type Decision = { retry: true; waitMs: number; say: string } | { retry: false; rateLimit?: string };

/** The rate limit an error is, per GitHub's documentation, and the wait it asks for; undefined otherwise. */
export function rateLimitOf(
  error: unknown,
  nowMs = Date.now(),
): { kind: 'primary' | 'secondary'; waitSeconds: number; basis: string } | undefined {
  if (!isHttpError(error) || (error.status !== 403 && error.status !== 429)) return undefined;
  const retryAfter = Number(header(error, 'retry-after'));
  const remaining = header(error, 'x-ratelimit-remaining');
  const reset = Number(header(error, 'x-ratelimit-reset'));
  const secondary = /secondary rate limit/i.test(`${messageOf(error)} ${error.message}`);
  if (header(error, 'retry-after') !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0)
    return {
      kind: remaining === '0' && !secondary ? 'primary' : 'secondary',
      waitSeconds: Math.ceil(retryAfter),
      basis: `retry-after: ${header(error, 'retry-after')}`,
    };
  if (remaining === '0' && Number.isFinite(reset) && reset > 0)
    return {
      kind: 'primary',
      waitSeconds: Math.max(0, Math.ceil(reset - nowMs / 1000) + 1),
      basis: `the limit resets at ${new Date(reset * 1000).toISOString()}`,
    };
  if (error.status === 429 || secondary || /rate limit/i.test(messageOf(error)))
    return { kind: 'secondary', waitSeconds: 60, basis: 'no retry-after: a minute, as GitHub asks' };
  return undefined;
}

function answerOf(error: unknown): string {
  if (error instanceof BrokenAnswerError) return 'cut off';
  if (isHttpError(error) && error.response) return String(error.status);
  return 'network error';
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const log = options.log ?? defaultLog;
  const maxRateRetries = options.maxRateLimitRetries ?? 2;
  const maxWait = options.maxRateLimitWaitSeconds ?? 60;
  const serverRetries = options.serverErrorRetries ?? 2;
  const serverDelay = options.serverErrorDelayMs ?? 1000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const baseUrl = (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  const octokit = getOctokit(
    options.token,
    {
      baseUrl,
      ...(options.userAgent ? { userAgent: options.userAgent } : {}),
      log: { debug: log.debug, info: log.debug, warn: log.warn, error: log.warn },
      // Replacing `request` drops @actions/github's defaults, so keep its proxy-aware fetch unless one is given.
      request: { fetch: options.fetch ?? proxyFetch() },
      throttle: {
        // Pacing only: rate limits are retried below, by their headers.
        onRateLimit: () => false,
        onSecondaryRateLimit: () => false,
      },
    },
    throttling,
  );

  const decide = (error: unknown, what: string, tried: { rate: number; server: number }): Decision => {
    const limit = rateLimitOf(error);
    if (limit) {
      const name = `GitHub ${limit.kind} rate limit on ${what} (${answerOf(error)}, ${limit.basis})`;
      if (tried.rate >= maxRateRetries) {
        const why = `still limited after ${tried.rate} ${tried.rate === 1 ? 'retry' : 'retries'}, the most ci-triage makes`;
        log.warn(`${name}: giving up, ${why}.`);
        return { retry: false, rateLimit: why };
      }
      if (limit.waitSeconds > maxWait) {
        const why = `GitHub asks to wait ${limit.waitSeconds} s, more than the ${maxWait} s ci-triage waits`;
        log.warn(`${name}: giving up, ${why}.`);
        return { retry: false, rateLimit: why };
      }
      tried.rate++;
      return {
        retry: true,
        waitMs: limit.waitSeconds * 1000,
        say: `${name}: retrying in ${limit.waitSeconds} s (retry ${tried.rate} of ${maxRateRetries}).`,
      };
    }
    const status = isHttpError(error) ? error.status : undefined;
    const server =
      error instanceof BrokenAnswerError ||
      (isHttpError(error) && (status! >= 500 || !error.response)) ||
      (error instanceof Error && error.name === 'AbortError');
    if (server && tried.server < serverRetries) {
      tried.server++;
      const waitMs = tried.server * tried.server * serverDelay;
      return {
        retry: true,
        waitMs,
        say: `GitHub answered ${what} with ${answerOf(error)}: retrying in ${waitMs / 1000} s (retry ${tried.server} of ${serverRetries}).`,
      };
    }
    return { retry: false };
  };

  octokit.hook.wrap('request', async (request, opts) => {
    const o = opts as unknown as RequestOptions;
    let url = o.url;
    try {
      url = octokit.request.endpoint.parse(opts).url;
    } catch {
      /* keep the template */
    }
    const what = `${o.method} ${url}`;
    const tried = { rate: 0, server: 0 };
    const answers: string[] = [];
    for (;;) {
      try {
        const res = (await request(opts)) as unknown as ResponseLike;
        brokenAnswer(o.method, url, res);
        return res as unknown as Awaited<ReturnType<typeof request>>;
      } catch (e) {
        answers.push(answerOf(e));
        const d = decide(e, what, tried);
        if (!d.retry) {
          if (typeof e === 'object' && e !== null) {
            const note: RetryNote = {
              attempts: answers.length,
              answers,
              ...(d.rateLimit ? { rateLimit: d.rateLimit } : {}),
            };
            Object.defineProperty(e, RETRY_NOTE, { value: note, enumerable: false, configurable: true });
          }
          throw e;
        }
        (d.waitMs >= 1000 ? log.warn : log.debug)(d.say);
        await sleep(d.waitMs);
      }
    }
  });
  return octokit;
}

/** A 2xx answer to a GET whose JSON body was cut off: @octokit/request hands it on as a string (or ""). */
function brokenAnswer(method: string, url: string, res: ResponseLike): void {
  if (method !== 'GET' || res.status < 200 || res.status > 299 || res.status === 204) return;
  const type = String(res.headers['content-type'] ?? '');
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) return;
  if (typeof res.data !== 'string') return;
  throw new BrokenAnswerError(res.status, { method, url }, res.data.length);
}

function proxyFetch(): typeof globalThis.fetch | undefined {
  const request = actionsDefaults.request as { fetch?: typeof globalThis.fetch } | undefined;
  return request?.fetch;
}

/** The fetch the client was built with, for downloads that must not carry the token (log blobs). */
export function fetchOf(octokit: GitHubClient): typeof globalThis.fetch {
  const request = octokit.request.endpoint.DEFAULTS.request as
    { fetch?: typeof globalThis.fetch } | undefined;
  return request?.fetch ?? globalThis.fetch;
}

/** What an Octokit RequestError carries, without depending on its class. */
export interface HttpErrorLike {
  status: number;
  message: string;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

export function isHttpError(error: unknown): error is HttpErrorLike {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { status?: unknown }).status === 'number' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

export function httpStatusOf(error: unknown): number | undefined {
  return isHttpError(error) ? error.status : undefined;
}

export type Permission = 'actions' | 'contents' | 'pull-requests';

/** The permission an endpoint needs, from its path. */
export function permissionFor(url: string | undefined): Permission | undefined {
  if (!url) return undefined;
  let path = url;
  try {
    path = new URL(url, 'http://github.invalid').pathname;
  } catch {
    /* keep the raw string */
  }
  if (/\/actions\//.test(path)) return 'actions';
  if (/\/pulls(\/|$)/.test(path)) return 'pull-requests';
  if (/\/(commits|contents|git)(\/|$)/.test(path)) return 'contents';
  return undefined;
}

function repoOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m = /\/repos\/([^/?#]+)\/([^/?#]+)/.exec(url);
  return m ? `${decodeURIComponent(m[1] ?? '')}/${decodeURIComponent(m[2] ?? '')}` : undefined;
}

/** The smallest `permissions:` block for reading a run, with `extra` added. */
export function permissionsBlock(extra?: Permission): string {
  const perms = new Set<Permission>(['actions', 'contents']);
  if (extra) perms.add(extra);
  const order: Permission[] = ['actions', 'contents', 'pull-requests'];
  return ['permissions:', ...order.filter((p) => perms.has(p)).map((p) => `  ${p}: read`)].join('\n');
}

function messageOf(error: HttpErrorLike): string {
  const data = error.response?.data;
  if (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { message?: unknown }).message === 'string'
  ) {
    return (data as { message: string }).message;
  }
  // An empty, HTML or cut-off body: what of it is readable, on one line.
  const text = (typeof data === 'string' ? data : error.message)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:#\d+|[a-z]+);/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return 'no message';
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function header(error: HttpErrorLike, name: string): string | undefined {
  const v = error.response?.headers?.[name];
  return v === undefined ? undefined : String(v);
}

const TIMES = ['', 'once', 'twice', 'three times', 'four times', 'five times', 'six times'];
const times = (n: number) => TIMES[n] ?? `${n} times`;
/** " It answered 502 three times.", " It answered 502, then 503, then 502." for what the retry loop saw. */
export function answered(note: RetryNote | undefined): string {
  if (!note || note.attempts <= 1) return '';
  const { answers } = note;
  if (answers.every((a) => a === 'network error')) return ` ${answers.length} attempts failed to connect.`;
  const what = (a: string | undefined) =>
    a === 'network error' ? 'a network error' : a === 'cut off' ? 'an answer cut off' : a;
  return answers.every((a) => a === answers[0])
    ? ` It answered ${what(answers[0])} ${times(answers.length)}.`
    : ` It answered ${answers.map(what).join(', then ')}.`;
}

/**
 * A message for a failed GitHub call that says what to do. `what` names the thing read, e.g. "run 123",
 * "the jobs of run 123", "the log of job 456", "pull request #7".
 */
export function describeHttpError(error: unknown, what: string): string {
  const note = retriesOf(error);
  if (!isHttpError(error)) {
    const msg = error instanceof Error ? error.message : String(error);
    const seen = answered(note);
    return `Could not read ${what} from the GitHub API: ${msg}${seen ? `.${seen}` : ''}`;
  }
  const status = error.status;
  const url = error.request?.url;
  const repo = repoOf(url);
  const message = messageOf(error);
  const inRepo = repo ? ` in ${repo}` : '';
  if (error instanceof BrokenAnswerError)
    return `GitHub's answer to reading ${what}${inRepo} broke off: ${error.message}.${answered(note)} Try again later.`;
  if (!error.response && status === 500)
    return `The GitHub API could not be reached while reading ${what} (${message}).${answered(note)} Check the runner's network (and GITHUB_API_URL), then re-run.`;
  if (status === 401) {
    return (
      `GitHub rejected the token (401 ${message}) while reading ${what}. Check the "github-token" input: ` +
      'it defaults to ${{ github.token }}; a personal access token may have expired, been revoked or lack access.'
    );
  }
  const limit = rateLimitOf(error);
  if (limit) {
    const reset = Number(header(error, 'x-ratelimit-reset'));
    const when =
      limit.kind === 'primary' && Number.isFinite(reset) && reset > 0
        ? ` The limit resets at ${new Date(reset * 1000).toISOString()}.`
        : '';
    const why = note?.rateLimit ? ` ci-triage gave up: ${note.rateLimit}.` : '';
    return (
      `GitHub's ${limit.kind === 'secondary' ? 'secondary ' : ''}rate limit stopped reading ${what} (${status}: ${message}).${when}${why} ` +
      'Retries were exhausted; try again later, or lower the concurrency.'
    );
  }
  if (status === 403) {
    const permission = permissionFor(url);
    if (/not accessible by integration/i.test(message) && permission) {
      return (
        `ci-triage needs the "${permission}: read" permission to read ${what}. Add to the workflow:\n` +
        permissionsBlock(permission)
          .split('\n')
          .map((l) => `  ${l}`)
          .join('\n')
      );
    }
    return `GitHub refused access to ${what}${inRepo} (403: ${message}).${
      permission ? ` The token needs the "${permission}: read" permission.` : ''
    }`;
  }
  if (status === 404) return `${what} not found${inRepo} (or the token cannot see it)`;
  if (status === 410)
    return `${what} is gone${inRepo} (410: ${message}); logs expire after the retention period.`;
  if (status >= 500)
    return `The GitHub API failed while reading ${what} (${status}: ${message}).${answered(note)} Retries were exhausted; try again later.`;
  return `GitHub answered ${status} while reading ${what}${inRepo}: ${message}`;
}

/**
 * How far collection got before GitHub could not be read: what the report of a failed collection says was
 * reached (the run and its jobs when they were read, the pages of the jobs list read before it failed).
 */
export interface CollectReached {
  /** What was being read when it failed: "run 123", "the jobs of run 123 (attempt 1)". */
  what: string;
  /** The run, when it was read. */
  run?: RunInfo;
  /** Pages of the jobs list read, and the jobs on them, before it failed. */
  jobPages?: number;
  jobsListed?: number;
}

/** An error from collection whose message is meant for the person reading the job log. */
export class CollectError extends Error {
  override name = 'CollectError';
  readonly status: number | undefined;
  /** How far collection got, when the error stopped it. */
  readonly reached: CollectReached | undefined;
  /** What the retry loop tried, when it was an API call. */
  readonly retries: RetryNote | undefined;
  constructor(
    message: string,
    options?: { cause?: unknown; status?: number; reached?: CollectReached; retries?: RetryNote },
  ) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.status = options?.status;
    this.reached = options?.reached;
    this.retries = options?.retries;
  }
}

export function collectError(
  error: unknown,
  what: string,
  reached?: Omit<CollectReached, 'what'>,
): CollectError {
  if (error instanceof CollectError) return error;
  const status = httpStatusOf(error);
  const retries = retriesOf(error);
  return new CollectError(describeHttpError(error, what), {
    cause: error,
    ...(status !== undefined && (!isHttpError(error) || error.response || status !== 500) ? { status } : {}),
    ...(reached ? { reached: { what, ...reached } } : {}),
    ...(retries ? { retries } : {}),
  });
}
