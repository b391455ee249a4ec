/**
 * What the GitHub sinks (the PR comment, the GitHub issue) share for writing: who the token writes as, so that
 * only its own comments and issues are read as ci-triage's; how a failed write is told (did it go through?);
 * the options every write is sent with (no retry inside the client, a timeout); and the one gate that keeps a
 * fork's read-only token from attempting any write.
 */
import type { GitHubClient } from '../collect/github.js';
import type { TriageReport } from '../report/types.js';
import { type WriteFailure, timedOut } from './once.js';
import { httpStatusOf } from './sink.js';

/** The login GitHub's job token (`${{ github.token }}`) writes as. */
export const JOB_TOKEN_LOGIN = 'github-actions[bot]';

/** A write waits this long for GitHub's answer. */
export const WRITE_TIMEOUT_MS = 30_000;

/**
 * The request options of every write: the retry plugin does not resend it (a resent create after a lost
 * answer is a duplicate; `createOnce` looks first), and it gives up after `WRITE_TIMEOUT_MS`.
 */
export function writeRequest(timeoutMs = WRITE_TIMEOUT_MS): {
  request: { retries: number; signal: AbortSignal };
} {
  return { request: { retries: 0, signal: AbortSignal.timeout(timeoutMs) } };
}

/** The identity the token acts as: only what it wrote, with the marker, is ci-triage's. */
export interface GitHubIdentity {
  /** The login, found once. */
  login(): Promise<string>;
  /** Whether a comment's or an issue's author is the token's identity. */
  isOurs(user: { login?: string } | null | undefined): Promise<boolean>;
  /** What a write's answer says the token wrote as (authoritative: later checks use it). */
  learn(user: { login?: string } | null | undefined): void;
}

/**
 * `configured` (the `github-token-login` input) when given; else `GET /user`, which answers for a personal
 * token; an installation token (the job token, a GitHub App's) is refused there with 403 "Resource not
 * accessible by integration", and is taken to be the job token's `github-actions[bot]`. A write's answer names
 * the author for sure, and corrects it.
 */
export function gitHubIdentity(
  octokit: GitHubClient,
  configured: string,
  debug: (m: string) => void = () => undefined,
): GitHubIdentity {
  let known: string | undefined = configured.trim() || undefined;
  let pending: Promise<string> | undefined;
  const login = (): Promise<string> =>
    known !== undefined
      ? Promise.resolve(known)
      : (pending ??= octokit.rest.users.getAuthenticated().then(
          (r) => (known ??= r.data.login),
          (e: unknown) => {
            const status = httpStatusOf(e);
            debug(
              `GitHub: GET /user answered ${status ?? 'nothing'}: taking the token for the job token, writing as ${JOB_TOKEN_LOGIN} (set github-token-login for another GitHub App).`,
            );
            return (known ??= JOB_TOKEN_LOGIN);
          },
        ));
  return {
    login,
    async isOurs(user) {
      const who = user?.login;
      return typeof who === 'string' && who.toLowerCase() === (await login()).toLowerCase();
    },
    learn(user) {
      const who = user?.login;
      if (typeof who !== 'string' || who === '') return;
      if (known !== undefined && known.toLowerCase() !== who.toLowerCase())
        debug(`GitHub: the token writes as ${who}, not ${known}: trusting ${who}'s items from now on.`);
      known = who;
    },
  };
}

/** The transport-level code (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET, …) somewhere in an error's causes. */
export function networkCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 6 && typeof cur === 'object' && cur !== null; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^(?:E[A-Z_]+|UND_ERR\w*)$/.test(code)) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The message of an error's deepest cause (`bad port`, `other side closed`). */
export function deepestMessage(e: unknown): string {
  let cur: unknown = e;
  let message = e instanceof Error ? e.message : String(e);
  for (let i = 0; i < 6 && cur instanceof Error; i++) {
    message = cur.message || message;
    cur = (cur as { cause?: unknown }).cause;
  }
  return message;
}

/** Whether an error, or one of its causes, is a timeout (AbortSignal.timeout, undici's). */
export function isTimeout(e: unknown): boolean {
  let cur: unknown = e;
  for (let i = 0; i < 6 && typeof cur === 'object' && cur !== null; i++) {
    const o = cur as { name?: unknown; code?: unknown };
    if (o.name === 'TimeoutError' || o.code === 'ETIMEDOUT' || o.code === 'UND_ERR_HEADERS_TIMEOUT')
      return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

/** Codes that mean the request never reached the service. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** A failed GitHub write: did it go through (a 5xx, a timeout, a dropped connection: maybe), and what to say. */
export function gitHubWriteFailure(e: unknown, timeoutMs = WRITE_TIMEOUT_MS): WriteFailure {
  const status = httpStatusOf(e);
  if (status === undefined) {
    if (isTimeout(e)) return { fate: 'unknown', text: timedOut(timeoutMs) };
    const code = networkCode(e);
    if (code !== undefined && NOT_SENT.has(code)) return { fate: 'not-sent', text: `unreachable (${code})` };
    return { fate: 'unknown', text: `no answer (${code ?? deepestMessage(e)})` };
  }
  const headers = (e as { response?: { headers?: Record<string, unknown> } }).response?.headers ?? {};
  const message =
    ((e as { response?: { data?: { message?: unknown } } }).response?.data?.message as string | undefined) ??
    '';
  if (status === 429 || (status === 403 && /rate limit/i.test(message))) {
    const after = Number(headers['retry-after']);
    const reset = Number(headers['x-ratelimit-reset']);
    const retryAfterMs = Number.isFinite(after)
      ? after * 1000
      : Number.isFinite(reset)
        ? Math.max(0, reset * 1000 - Date.now()) + 1000
        : 60_000;
    return { fate: 'not-sent', text: `HTTP ${status} (rate limited)`, retryAfterMs };
  }
  if (status >= 500) return { fate: 'unknown', text: `HTTP ${status}${message ? ` ${message}` : ''}` };
  return { fate: 'refused', text: `HTTP ${status}${message ? ` ${message}` : ''}` };
}

/**
 * Why this run's token cannot write to GitHub, or undefined: a `pull_request` run from a fork gets a read-only
 * token, and every write (comment, issue) is refused with 403. Said once, with the way out.
 */
export function readOnlyToken(report: TriageReport): string | undefined {
  const pr = report.change.pullRequest;
  if (!pr?.fork || report.mode !== 'in-run' || report.run.event !== 'pull_request') return undefined;
  return (
    `pull request #${pr.number} comes from a fork, and GitHub gives its pull_request runs a read-only token: ` +
    'no GitHub write was attempted (PR comment, GitHub issue). To publish them for forks, triage from a companion ' +
    "workflow (on: workflow_run), which runs with the base repository's token"
  );
}

/**
 * The commit's author as GitHub vouches for them, for mentions: only a verified (signed) commit whose author
 * is a GitHub user; a git author email is text anyone can set (a fork's commit can claim any email), so an
 * unverified commit names nobody. One read of the commit (`contents: read`).
 */
export async function verifiedCommitAuthor(
  octokit: GitHubClient,
  report: TriageReport,
): Promise<{ login?: string; email?: string; why?: string }> {
  const { owner, repo } = report.run;
  const sha = report.change.commit.sha;
  try {
    const { data } = await octokit.rest.repos.getCommit({ owner, repo, ref: sha, per_page: 1 });
    const author = data.author && 'login' in data.author ? data.author : undefined;
    if (!data.commit.verification?.verified)
      return {
        why: `commit ${sha.slice(0, 7)} is not verified (${data.commit.verification?.reason ?? 'unsigned'})`,
      };
    if (!author || author.type !== 'User')
      return { why: `commit ${sha.slice(0, 7)} is verified but its author is no GitHub user` };
    const email = data.commit.author?.email;
    return {
      login: author.login,
      ...(email && !/noreply\.github\.com$/i.test(email) ? { email } : {}),
    };
  } catch (e) {
    return { why: `commit ${sha.slice(0, 7)} could not be read (${httpStatusOf(e) ?? 'no answer'})` };
  }
}
