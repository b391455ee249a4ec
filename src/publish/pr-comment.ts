/**
 * The sticky pull-request comment: one per pull request and workflow, created once and rewritten in place by
 * every later run and attempt. When a later run of the workflow passes, the comment says "fixed in <sha>"
 * instead of going stale. An older run never overwrites what a newer run wrote.
 *
 * A comment is ours only when its author is the identity the token writes as (`GitHubIdentity`) and it starts
 * with the marker: a comment by anyone else that copies the marker is neither read (its state line cannot stop
 * us) nor edited. The create is made once (`createOnce`): after a lost answer the comments are read again for
 * this run's, and after a create a concurrent run's older comment wins — ours is deleted and the older one
 * updated — so a pull request keeps one. A fork's read-only token cannot comment: skipped with a notice.
 */
import type { GitHubClient } from '../collect/github.js';
import {
  commentState,
  type CommentState,
  isOurComment,
  renderFailureComment,
  renderFixedComment,
} from '../report/comment.js';
import type { TriageReport } from '../report/types.js';
import { describeGitHubWriteError } from './github-errors.js';
import {
  gitHubIdentity,
  type GitHubIdentity,
  gitHubWriteFailure,
  writeRequest,
  WRITE_TIMEOUT_MS,
} from './github-writes.js';
import { createOnce, lostAnswers } from './once.js';
import { redact } from './redact.js';
import { httpStatusOf, type PublishedRefs, type Sink, type SinkContext, type SinkOutcome } from './sink.js';

const PERMISSION = 'pull-requests: write';
const FORK_READ_ONLY =
  "the pull request comes from a fork, whose token is read-only: comment from a companion workflow (on: workflow_run), which runs with the base repository's token";
/** Comments read at most, looking for ours (100 a page). */
const MAX_COMMENT_PAGES = 30;

export interface GitHubSinkOptions {
  /** The client writes go through, which must not retry on its own; the reading client when absent. */
  writer?: GitHubClient;
  /** Who the token writes as; found with GET /user when absent. */
  identity?: GitHubIdentity;
  /** A write waits this long for an answer (default 30 s). */
  timeoutMs?: number;
  /** The pause before a create is sent again (default 1 s). */
  retryDelayMs?: number;
}

export function createPrCommentSink(octokit: GitHubClient, options: GitHubSinkOptions = {}): Sink {
  return {
    name: 'pr-comment',
    github: true,
    plannedFailures: () => [],
    publish: (ctx) =>
      publish(
        { read: octokit, write: options.writer ?? octokit, options },
        options.identity ?? gitHubIdentity(octokit, '', ctx.debug),
        ctx,
      ),
  };
}

interface Clients {
  read: GitHubClient;
  write: GitHubClient;
  options: GitHubSinkOptions;
}

/** One of our comments: the marker, written by the token's identity. */
interface Ours {
  id: number;
  body: string;
  url: string;
  state: CommentState | undefined;
}

/** Whether state `a` describes a later run (or a later attempt of the same run) than the run `b`. */
const newer = (a: CommentState | undefined, b: { id: number; attempt: number }): boolean =>
  a !== undefined && (a.runId > b.id || (a.runId === b.id && a.attempt > b.attempt));

async function publish(c: Clients, identity: GitHubIdentity, ctx: SinkContext): Promise<SinkOutcome> {
  const { report, audit } = ctx;
  const pr = report.change.pullRequest;
  if (!pr)
    return { sink: 'pr-comment', status: 'skipped', items: [], message: 'the run has no pull request' };
  const { workflowId } = report.run;
  const target = `pull request #${pr.number}`;
  const failing = report.counts.failed > 0;
  // A pull_request run from a fork gets a read-only token: no request that is bound to be refused.
  if (pr.fork && report.mode === 'in-run' && report.run.event === 'pull_request') {
    audit.skipped('pr-comment', 'write', target, FORK_READ_ONLY);
    return { sink: 'pr-comment', status: 'skipped', items: [], message: FORK_READ_ONLY };
  }

  if (ctx.dryRun) {
    audit.skipped('pr-comment', 'create-or-update', target, 'dry-run');
    if (!failing)
      return {
        sink: 'pr-comment',
        status: 'dry-run',
        items: [],
        message: `would mark an earlier ci-triage comment on #${pr.number} fixed, if there is one`,
      };
    return {
      sink: 'pr-comment',
      status: 'dry-run',
      items: [{ action: 'would-update', target: `comment on #${pr.number}`, url: pr.htmlUrl }],
      preview: `One comment on ${target}, created or updated in place (marker for workflow ${workflowId}).`,
    };
  }

  let ours: Ours[];
  try {
    ours = await oursOn(c.read, identity, report, pr.number, ctx);
  } catch (e) {
    return failed(ctx, e, `the comments of ${target}`, pr.fork);
  }
  // The oldest is the one kept; one a race or a lost answer left beside it goes once this run writes.
  const [existing, ...extra] = ours;
  const latest = ours.reduce<CommentState | undefined>(
    (best, o) =>
      o.state && (best === undefined || newer(o.state, { id: best.runId, attempt: best.attempt }))
        ? o.state
        : best,
    undefined,
  );

  if (!failing) {
    const state = existing?.state;
    if (
      !existing ||
      !state ||
      state.status === 'fixed' ||
      state.runId >= report.run.id ||
      newer(latest, report.run)
    )
      return {
        sink: 'pr-comment',
        status: 'skipped',
        items: [],
        message: existing ? 'nothing to update' : 'no earlier ci-triage comment to mark fixed',
      };
    const body = redact(renderFixedComment(report, existing.body, ctx.secrets), ctx.secrets);
    return write(c, identity, ctx, { existing, extra }, body, pr.number, pr.fork, 'fixed');
  }

  if (existing && newer(latest, report.run))
    return {
      sink: 'pr-comment',
      status: 'skipped',
      items: [{ action: 'unchanged', target: `comment on #${pr.number}`, url: existing.url }],
      message: `a newer run (${latest?.runId ?? '?'}, attempt ${latest?.attempt ?? '?'}) already wrote the comment`,
    };
  const body = redact(
    renderFailureComment(report, { secrets: ctx.secrets, links: { published: publishedLines(ctx.refs) } }),
    ctx.secrets,
  );
  return write(c, identity, ctx, { existing, extra }, body, pr.number, pr.fork, 'failure');
}

/** Our comments on the pull request, oldest first (others' comments with the marker are left out). */
async function oursOn(
  octokit: GitHubClient,
  identity: GitHubIdentity,
  report: TriageReport,
  number: number,
  ctx: SinkContext,
): Promise<Ours[]> {
  const { owner, repo, workflowId } = report.run;
  const out: Ours[] = [];
  let spoofed = 0;
  let pages = 0;
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: number,
    per_page: 100,
  })) {
    for (const comment of page.data) {
      if (!isOurComment(comment.body, workflowId)) continue;
      if (!(await identity.isOurs(comment.user))) {
        spoofed++;
        continue;
      }
      const body = comment.body ?? '';
      out.push({ id: comment.id, body, url: comment.html_url, state: commentState(body) });
    }
    if (++pages >= MAX_COMMENT_PAGES) break;
  }
  if (spoofed > 0)
    ctx.debug(
      `PR comment: ${spoofed} comment(s) on #${number} carry the ci-triage marker but were written by someone other than ${await identity.login()}: ignored.`,
    );
  return out.sort((a, b) => a.id - b.id);
}

async function write(
  c: Clients,
  identity: GitHubIdentity,
  ctx: SinkContext,
  found: { existing: Ours | undefined; extra: Ours[] },
  body: string,
  number: number,
  fork: boolean,
  kind: 'failure' | 'fixed',
): Promise<SinkOutcome> {
  const { owner, repo } = ctx.report.run;
  const timeoutMs = c.options.timeoutMs ?? WRITE_TIMEOUT_MS;
  const failure = (e: unknown) => gitHubWriteFailure(e, timeoutMs);
  const notes: string[] = [];
  const update = (id: number, action: string) =>
    ctx.audit.around(
      'pr-comment',
      action,
      `comment ${id} on #${number}`,
      () =>
        c.write.rest.issues.updateComment({ owner, repo, comment_id: id, body, ...writeRequest(timeoutMs) }),
      (res) => `HTTP ${res.status} ${res.data.html_url}`,
      (e) => failure(e).text,
    );
  try {
    let existing = found.existing;
    let extra = found.extra;
    if (!existing) {
      const run = ctx.report.run;
      const once = await createOnce(ctx.audit, {
        sink: 'pr-comment',
        action: 'create',
        target: `pull request #${number}`,
        send: async () => {
          const r = await c.write.rest.issues.createComment({
            owner,
            repo,
            issue_number: number,
            body,
            ...writeRequest(timeoutMs),
          });
          identity.learn(r.data.user);
          return { id: r.data.id, url: r.data.html_url, status: r.status };
        },
        describe: (r) => `HTTP ${r.status} ${r.url}`,
        failure,
        look: async () => {
          const mine = (await oursOn(c.read, identity, ctx.report, number, ctx)).find(
            (o) => o.state?.runId === run.id && o.state.attempt === run.attempt,
          );
          return mine ? { id: mine.id, url: mine.url, status: 0 } : undefined;
        },
        ...(c.options.retryDelayMs !== undefined ? { retryDelayMs: c.options.retryDelayMs } : {}),
        debug: ctx.debug,
      });
      const note = lostAnswers(once, 'the comment by its marker');
      if (note) notes.push(note);
      const created = once.value;
      // A concurrent run may have commented at the same time: the oldest comment stays, ours goes (a newer
      // one is the other run's to remove).
      const oldest = (await oursOn(c.read, identity, ctx.report, number, ctx))[0];
      if (!oldest || oldest.id === created.id)
        return ok({ action: 'created', target: `comment on #${number}`, url: created.url }, notes);
      notes.push(
        `a concurrent run commented at the same time: its comment ${oldest.id} is kept, and this run's ${created.id} was deleted`,
      );
      existing = oldest;
      extra = [{ id: created.id, body, url: created.url, state: undefined }];
    }
    if (!existing) throw new Error('no comment to update');
    for (const o of extra)
      await ctx.audit
        .around(
          'pr-comment',
          'delete-duplicate',
          `comment ${o.id} on #${number}`,
          () =>
            c.write.rest.issues.deleteComment({ owner, repo, comment_id: o.id, ...writeRequest(timeoutMs) }),
          (res) => `HTTP ${res.status}, a duplicate of comment ${existing?.id ?? '?'}`,
          (e) => failure(e).text,
        )
        .catch((e: unknown) => {
          notes.push(
            `comment ${o.id} duplicates comment ${existing?.id ?? '?'} but could not be deleted: ${failure(e).text}`,
          );
        });
    if (existing.state && newer(existing.state, ctx.report.run))
      return ok({ action: 'unchanged', target: `comment on #${number}`, url: existing.url }, notes);
    const r = await update(existing.id, kind === 'fixed' ? 'mark-fixed' : 'update');
    return ok({ action: 'updated', target: `comment on #${number}`, url: r.data.html_url }, notes);
  } catch (e) {
    return failed(ctx, e, `the comment on pull request #${number}`, fork);
  }
}

function ok(item: SinkOutcome['items'][number], notes: string[]): SinkOutcome {
  return {
    sink: 'pr-comment',
    status: 'ok',
    items: [item],
    ...(notes.length ? { message: notes.join('; ') } : {}),
  };
}

function failed(ctx: SinkContext, e: unknown, what: string, fork: boolean): SinkOutcome {
  const status = httpStatusOf(e);
  if (fork && (status === 403 || status === 404)) {
    ctx.audit.skipped('pr-comment', 'write', what, FORK_READ_ONLY);
    return { sink: 'pr-comment', status: 'skipped', items: [], message: FORK_READ_ONLY };
  }
  return {
    sink: 'pr-comment',
    status: 'failed',
    items: [],
    message: describeGitHubWriteError(e, what, PERMISSION),
  };
}

/** Links to what the sinks before this one published, for the comment's "Published" line. */
function publishedLines(refs: ReadonlyMap<string, PublishedRefs>): string[] {
  const out: string[] = [];
  for (const r of refs.values()) {
    if (r.jira && /^https?:\/\//.test(r.jira.url) && /^[A-Z][A-Z0-9_]*-\d+$/.test(r.jira.key))
      out.push(`[${r.jira.key}](${r.jira.url})`);
    if (r.githubIssue) out.push(`#${r.githubIssue.number}`);
  }
  return out;
}
