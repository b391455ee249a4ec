/**
 * The sticky pull-request comment: one per pull request and workflow (found by its hidden marker), created
 * once and rewritten in place by every later run and attempt. When a later run of the workflow passes, the
 * comment says "fixed in <sha>" instead of going stale. A fork's read-only token cannot comment: skipped with
 * a notice. An older run never overwrites what a newer run wrote.
 */
import type { GitHubClient } from '../collect/github.js';
import { commentState, isOurComment, renderFailureComment, renderFixedComment } from '../report/comment.js';

import { describeGitHubWriteError } from './github-errors.js';
import { redact } from './redact.js';
import { httpStatusOf, type PublishedRefs, type Sink, type SinkContext, type SinkOutcome } from './sink.js';

const PERMISSION = 'pull-requests: write';
const FORK_READ_ONLY =
  "the pull request comes from a fork, whose token is read-only: comment from a companion workflow (on: workflow_run), which runs with the base repository's token";
/** Comments read at most, looking for ours (100 a page). */
const MAX_COMMENT_PAGES = 30;

export function createPrCommentSink(octokit: GitHubClient): Sink {
  return {
    name: 'pr-comment',
    plannedItems: (_groups, report) => (report.change.pullRequest ? 1 : 0),
    publish: (ctx) => publish(octokit, ctx),
  };
}

async function publish(octokit: GitHubClient, ctx: SinkContext): Promise<SinkOutcome> {
  const { report, audit } = ctx;
  const pr = report.change.pullRequest;
  if (!pr)
    return { sink: 'pr-comment', status: 'skipped', items: [], message: 'the run has no pull request' };
  const { owner, repo, workflowId } = report.run;
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

  // Find ours: the marker for this workflow, the newest first if (by accident) there are several.
  let existing: { id: number; body: string; url: string } | undefined;
  try {
    let pages = 0;
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: pr.number,
      per_page: 100,
    })) {
      for (const c of page.data)
        if (isOurComment(c.body, workflowId)) existing = { id: c.id, body: c.body ?? '', url: c.html_url };
      if (++pages >= MAX_COMMENT_PAGES) break;
    }
  } catch (e) {
    return failed(ctx, e, `the comments of ${target}`, pr.fork);
  }

  if (!failing) {
    const state = existing && commentState(existing.body);
    if (!existing || !state || state.status === 'fixed' || state.runId >= report.run.id)
      return {
        sink: 'pr-comment',
        status: 'skipped',
        items: [],
        message: existing ? 'nothing to update' : 'no earlier ci-triage comment to mark fixed',
      };
    const body = redact(renderFixedComment(report, existing.body, ctx.secrets), ctx.secrets);
    return write(octokit, ctx, { id: existing.id, url: existing.url }, body, pr.number, pr.fork, 'fixed');
  }

  if (existing) {
    const state = commentState(existing.body);
    if (
      state &&
      (state.runId > report.run.id || (state.runId === report.run.id && state.attempt > report.run.attempt))
    )
      return {
        sink: 'pr-comment',
        status: 'skipped',
        items: [{ action: 'unchanged', target: `comment on #${pr.number}`, url: existing.url }],
        message: `a newer run (${state.runId}, attempt ${state.attempt}) already wrote the comment`,
      };
  }
  const body = redact(
    renderFailureComment(report, { secrets: ctx.secrets, links: { published: publishedLines(ctx.refs) } }),
    ctx.secrets,
  );
  return write(
    octokit,
    ctx,
    existing ? { id: existing.id, url: existing.url } : undefined,
    body,
    pr.number,
    pr.fork,
    'failure',
  );
}

async function write(
  octokit: GitHubClient,
  ctx: SinkContext,
  existing: { id: number; url: string } | undefined,
  body: string,
  number: number,
  fork: boolean,
  kind: 'failure' | 'fixed',
): Promise<SinkOutcome> {
  const { owner, repo } = ctx.report.run;
  const target = existing ? `comment ${existing.id} on #${number}` : `pull request #${number}`;
  try {
    if (existing) {
      const r = await ctx.audit.around(
        'pr-comment',
        kind === 'fixed' ? 'mark-fixed' : 'update',
        target,
        () => octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body }),
        (res) => res.data.html_url,
      );
      return {
        sink: 'pr-comment',
        status: 'ok',
        items: [{ action: 'updated', target: `comment on #${number}`, url: r.data.html_url }],
      };
    }
    const r = await ctx.audit.around(
      'pr-comment',
      'create',
      target,
      () => octokit.rest.issues.createComment({ owner, repo, issue_number: number, body }),
      (res) => res.data.html_url,
    );
    return {
      sink: 'pr-comment',
      status: 'ok',
      items: [{ action: 'created', target: `comment on #${number}`, url: r.data.html_url }],
    };
  } catch (e) {
    return failed(ctx, e, `the comment on pull request #${number}`, fork);
  }
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
