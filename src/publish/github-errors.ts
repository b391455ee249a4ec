/** What a failed GitHub write means for the person reading the job log: the status, and the fix. */
import { httpStatusOf } from './sink.js';

function messageOf(e: unknown): string {
  const data = (e as { response?: { data?: unknown } }).response?.data;
  if (data && typeof data === 'object' && 'message' in data && typeof data.message === 'string')
    return data.message;
  return e instanceof Error ? e.message : String(e);
}

/**
 * `what` says what was being written ("the comment on pull request #7"); `permission` is the workflow
 * permission the write needs (`pull-requests: write`, `issues: write`).
 */
export function describeGitHubWriteError(e: unknown, what: string, permission: string): string {
  const status = httpStatusOf(e);
  const message = messageOf(e).split('\n')[0]?.slice(0, 300) ?? '';
  if (status === undefined) return `GitHub could not be reached to write ${what}: ${message}`;
  if (status === 401)
    return `GitHub rejected the token (401 ${message}) writing ${what}: check the "github-token" input.`;
  if (status === 403 && /rate limit/i.test(message))
    return `GitHub's rate limit stopped writing ${what} (403: ${message}); retries were exhausted.`;
  if (status === 403 || status === 404)
    return (
      `GitHub answered ${status} (${message}) writing ${what}: the token needs the "${permission}" permission. ` +
      `Add to the workflow:\n  permissions:\n    ${permission.replace(': ', ': ')}`
    );
  if (status === 410)
    return `GitHub answered 410 (${message}) writing ${what}: issues are disabled in this repository.`;
  if (status === 422) return `GitHub refused ${what} (422: ${message}).`;
  return `GitHub answered ${status} (${message}) writing ${what}.`;
}
