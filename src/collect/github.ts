/**
 * The GitHub REST client: @actions/github's Octokit (REST methods + pagination) with the retry and throttling
 * plugins, and the one place that turns an HTTP error into a message a person can act on.
 *
 * Rate limits: a secondary rate limit (403/429 whose message says so) or a primary one (`x-ratelimit-remaining: 0`)
 * is retried after the time GitHub gives, at most `maxRateLimitRetries` times, and only when that wait is at most
 * `maxRateLimitWaitSeconds` — the plugin cannot shorten a wait, so a longer one gives up at once and the error
 * goes to `describeHttpError`. Server errors (5xx) and network failures are retried by the retry plugin.
 */
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { defaults as actionsDefaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

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
  /** Retries of 5xx answers and network errors (default 2). */
  serverErrorRetries?: number;
  log?: ClientLog;
}

const defaultLog: ClientLog = {
  debug: (m) => core.debug(m),
  warn: (m) => core.warning(m),
};

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const log = options.log ?? defaultLog;
  const maxRetries = options.maxRateLimitRetries ?? 2;
  const maxWait = options.maxRateLimitWaitSeconds ?? 60;
  const baseUrl = (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      req: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ): boolean => {
      const what = `${req.method} ${req.url}`;
      if (retryCount >= maxRetries) {
        log.warn(`GitHub ${kind} rate limit on ${what}: giving up after ${retryCount} retries.`);
        return false;
      }
      if (retryAfter > maxWait) {
        log.warn(
          `GitHub ${kind} rate limit on ${what}: the wait asked (${retryAfter} s) exceeds ${maxWait} s; giving up.`,
        );
        return false;
      }
      log.warn(
        `GitHub ${kind} rate limit on ${what}: retrying in ${retryAfter} s (retry ${retryCount + 1} of ${maxRetries}).`,
      );
      return true;
    };
  return getOctokit(
    options.token,
    {
      baseUrl,
      ...(options.userAgent ? { userAgent: options.userAgent } : {}),
      log: { debug: log.debug, info: log.debug, warn: log.warn, error: log.warn },
      // Replacing `request` drops @actions/github's defaults, so keep its proxy-aware fetch unless one is given.
      request: { fetch: options.fetch ?? proxyFetch() },
      retry: {
        retries: options.serverErrorRetries ?? 2,
        // Rate limits (403/429) are the throttling plugin's; client errors are final.
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      },
      throttle: {
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
      },
    },
    retry,
    throttling,
  );
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
  return error.message;
}

function header(error: HttpErrorLike, name: string): string | undefined {
  const v = error.response?.headers?.[name];
  return v === undefined ? undefined : String(v);
}

/**
 * A message for a failed GitHub call that says what to do. `what` names the thing read, e.g. "run 123",
 * "the jobs of run 123", "the log of job 456", "pull request #7".
 */
export function describeHttpError(error: unknown, what: string): string {
  if (!isHttpError(error)) {
    const msg = error instanceof Error ? error.message : String(error);
    return `Could not read ${what} from the GitHub API: ${msg}`;
  }
  const status = error.status;
  const url = error.request?.url;
  const repo = repoOf(url);
  const message = messageOf(error);
  const inRepo = repo ? ` in ${repo}` : '';
  if (status === 401) {
    return (
      `GitHub rejected the token (401 ${message}) while reading ${what}. Check the "github-token" input: ` +
      'it defaults to ${{ github.token }}; a personal access token may have expired, been revoked or lack access.'
    );
  }
  const rateLimited =
    /rate limit/i.test(message) || header(error, 'x-ratelimit-remaining') === '0' || status === 429;
  if ((status === 403 || status === 429) && rateLimited) {
    const secondary = /secondary rate/i.test(message);
    const reset = Number(header(error, 'x-ratelimit-reset'));
    const when =
      !secondary && Number.isFinite(reset) && reset > 0
        ? ` The limit resets at ${new Date(reset * 1000).toISOString()}.`
        : '';
    return (
      `GitHub's ${secondary ? 'secondary ' : ''}rate limit stopped reading ${what} (${status}: ${message}).${when} ` +
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
    return `The GitHub API failed while reading ${what} (${status}: ${message}); retries were exhausted.`;
  return `GitHub answered ${status} while reading ${what}${inRepo}: ${message}`;
}

/** An error from collection whose message is meant for the person reading the job log. */
export class CollectError extends Error {
  override name = 'CollectError';
  readonly status: number | undefined;
  constructor(message: string, options?: { cause?: unknown; status?: number }) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.status = options?.status;
  }
}

export function collectError(error: unknown, what: string): CollectError {
  if (error instanceof CollectError) return error;
  const status = httpStatusOf(error);
  return new CollectError(describeHttpError(error, what), {
    cause: error,
    ...(status !== undefined ? { status } : {}),
  });
}
