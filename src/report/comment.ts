/**
 * The sticky pull-request comment: one per pull request and workflow, found again by a hidden marker and
 * rewritten in place. Pure. The body is the job summary's rendering (same sections per failure, same escaping
 * of everything untrusted) under a marker and a state line, kept under GitHub's 65,536-character limit.
 */
import { renderJobSummary } from './summary.js';
import { cut, mdCode, mdLink, oneLine, utf8Bytes } from './text.js';
import type { TriageReport } from './types.js';

/** A comment body holds at most this many characters. */
export const COMMENT_LIMIT = 65_536;

/** What the comment says of the run it last described; read back from the comment to decide what to do. */
export interface CommentState {
  status: 'failing' | 'fixed';
  runId: number;
  attempt: number;
  sha: string;
}

const MARKER = (workflowId: number) => `<!-- ci-triage:pr-comment workflow=${workflowId} -->`;
const STATE = /<!-- ci-triage:state status=(failing|fixed) run=(\d+) attempt=(\d+) sha=([0-9a-f]{0,64}) -->/;

export function commentMarker(workflowId: number): string {
  return MARKER(workflowId);
}

export function isOurComment(body: string | undefined | null, workflowId: number): boolean {
  return typeof body === 'string' && body.startsWith(MARKER(workflowId));
}

export function commentState(body: string): CommentState | undefined {
  const m = STATE.exec(body);
  if (!m) return undefined;
  return {
    status: m[1] as CommentState['status'],
    runId: Number(m[2]),
    attempt: Number(m[3]),
    sha: m[4] ?? '',
  };
}

function stateLine(s: CommentState): string {
  return `<!-- ci-triage:state status=${s.status} run=${s.runId} attempt=${s.attempt} sha=${/^[0-9a-f]+$/i.test(s.sha) ? s.sha.toLowerCase() : ''} -->`;
}

export interface CommentLinks {
  /** Tickets, issues and messages published for this run, as Markdown-safe lines (already escaped). */
  published?: string[];
}

/** The comment for a run with failures: the summary's rendering, under the marker and state. */
export function renderFailureComment(
  report: TriageReport,
  options: { secrets?: readonly string[]; links?: CommentLinks } = {},
): string {
  const head = [
    MARKER(report.run.workflowId),
    stateLine({
      status: 'failing',
      runId: report.run.id,
      attempt: report.run.attempt,
      sha: report.run.headSha,
    }),
  ].join('\n');
  const published = options.links?.published ?? [];
  const tail = [
    ...(published.length ? ['', '**Published:** ' + published.join(' · ')] : []),
    '',
    `<sub>[ci-triage] · one comment per workflow, updated in place · ${mdLink('this run', report.run.htmlUrl)}</sub>`,
  ].join('\n');
  // Bytes bound characters from above: a body under the limit in UTF-8 bytes is under it in characters.
  const room = COMMENT_LIMIT - utf8Bytes(head) - utf8Bytes(tail) - 16;
  const body = renderJobSummary(report, {
    ...(options.secrets ? { secrets: options.secrets } : {}),
    maxBytes: room,
    openGroups: 3,
    openRows: 10,
  });
  return `${head}\n${body.trimEnd()}${tail}\n`;
}

/**
 * The comment once a later run of the same workflow passed: says so at the top, the earlier diagnosis kept
 * below, folded. `previous` is the body the comment had (already ours, already safe).
 */
export function renderFixedComment(
  report: TriageReport,
  previous: string,
  secrets: readonly string[] = [],
): string {
  const { run } = report;
  const sha = run.headSha;
  const head = [
    MARKER(run.workflowId),
    stateLine({ status: 'fixed', runId: run.id, attempt: run.attempt, sha }),
    `## ✅ [ci-triage] fixed in ${mdLink(mdCode(sha.slice(0, 7)), report.change.commit.htmlUrl)}`,
    '',
    `${mdLink(`${mdCode(cut(oneLine(run.name, secrets), 120))} run ${run.number !== undefined ? `#${run.number}` : run.id}`, run.htmlUrl)} passed: the failure reported here earlier no longer happens.`,
    '',
  ].join('\n');
  const earlier = previous
    .replace(/^<!-- ci-triage:pr-comment workflow=\d+ -->\n?/, '')
    .replace(/^<!-- ci-triage:state [^>]*-->\n?/, '')
    .replace(
      /^## ✅ \[ci-triage\] fixed in [^\n]*\n[\s\S]*?<details><summary>Earlier diagnosis<\/summary>\n\n/,
      '',
    )
    .replace(/\n<\/details>\n?$/, '');
  const open = '<details><summary>Earlier diagnosis</summary>\n\n';
  const close = '\n</details>\n';
  const room = COMMENT_LIMIT - head.length - open.length - close.length;
  // Never cut the earlier body (it could end inside a tag): it fits whole, or it is left out.
  if (earlier.length > room)
    return `${head}The earlier diagnosis was too long to keep here; it is in the earlier run's job summary.\n`;
  return `${head}${open}${earlier}${close}`;
}
