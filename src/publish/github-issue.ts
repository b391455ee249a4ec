/**
 * A GitHub issue per distinct failure, for teams without Jira: found again by the fingerprint label while it
 * is open (a recurrence is a comment), created otherwise within a daily cap counted from the repository's
 * own issues labelled ci-triage. A new run attempt updates its occurrence comment instead of adding one.
 */
import type { GitHubClient } from '../collect/github.js';
import type { GitHubIssueSettings } from '../config/settings.js';
import type { FindingGroup } from '../report/groups.js';
import {
  failureTitle,
  issueMarkOf,
  occurrenceMarkOf,
  renderIssueBody,
  renderOccurrenceComment,
} from '../report/issue.js';
import { describeGitHubWriteError } from './github-errors.js';
import { redact } from './redact.js';
import {
  atLeast,
  fingerprintLabel,
  httpStatusOf,
  LABEL,
  type PublishedItem,
  type Sink,
  type SinkContext,
  type SinkOutcome,
  startOfUtcDay,
} from './sink.js';

const PERMISSION = 'issues: write';
const CAP_PAGES = 10;

export function createGitHubIssueSink(octokit: GitHubClient, settings: GitHubIssueSettings): Sink {
  return {
    name: 'github-issue',
    plannedItems: (groups) => atLeast(groups, settings.minSeverity).length,
    publish: (ctx) => publish(octokit, settings, ctx),
  };
}

async function publish(
  octokit: GitHubClient,
  settings: GitHubIssueSettings,
  ctx: SinkContext,
): Promise<SinkOutcome> {
  const groups = atLeast(ctx.groups, settings.minSeverity);
  if (groups.length === 0)
    return {
      sink: 'github-issue',
      status: 'skipped',
      items: [],
      message: `no failure at or above ${settings.minSeverity}`,
    };
  const { owner, repo } = ctx.report.run;

  if (ctx.dryRun) {
    const items: PublishedItem[] = groups.map((g) => {
      const target = `issue labelled ${fingerprintLabel(g.fingerprint)}`;
      ctx.audit.skipped('github-issue', 'create-or-comment', target, 'dry-run');
      return { fingerprint: g.fingerprint, action: 'would-create', target };
    });
    return {
      sink: 'github-issue',
      status: 'dry-run',
      items,
      preview: groups
        .map((g) => `${failureTitle(g, ctx.secrets)}\n  labels: ${LABEL}, ${fingerprintLabel(g.fingerprint)}`)
        .join('\n'),
    };
  }

  const items: PublishedItem[] = [];
  let createdToday: number | undefined;
  const notes: string[] = [];
  for (const g of groups) {
    try {
      const item = await one(octokit, settings, ctx, g, async () => {
        createdToday ??= await countCreatedToday(octokit, owner, repo, ctx.now());
        return createdToday;
      });
      if (item.action === 'created') createdToday = (createdToday ?? 0) + 1;
      if ('skipped' in item) {
        notes.push(item.skipped);
        continue;
      }
      items.push(item);
    } catch (e) {
      const message = describeGitHubWriteError(e, `the issue for failure ${g.fingerprint}`, PERMISSION);
      const status = httpStatusOf(e);
      if (status === 401 || status === 403 || status === 404 || status === 410 || status === undefined) {
        return {
          sink: 'github-issue',
          status: items.length ? 'partial' : 'failed',
          items: [
            ...items,
            {
              fingerprint: g.fingerprint,
              action: 'would-create',
              target: `issue for ${g.fingerprint}`,
              error: message,
            },
          ],
          message,
        };
      }
      items.push({
        fingerprint: g.fingerprint,
        action: 'would-create',
        target: `issue for ${g.fingerprint}`,
        error: message,
      });
    }
  }
  const failedItems = items.filter((i) => i.error).length;
  return {
    sink: 'github-issue',
    status:
      items.length === 0
        ? 'skipped'
        : failedItems === 0
          ? 'ok'
          : failedItems === items.length
            ? 'failed'
            : 'partial',
    items,
    ...(notes.length ? { message: notes.join('; ') } : {}),
  };
}

async function one(
  octokit: GitHubClient,
  settings: GitHubIssueSettings,
  ctx: SinkContext,
  g: FindingGroup,
  createdToday: () => Promise<number>,
): Promise<PublishedItem | (PublishedItem & { skipped: string })> {
  const { owner, repo, id: runId, attempt } = ctx.report.run;
  const label = fingerprintLabel(g.fingerprint);
  const open = (
    await octokit.rest.issues.listForRepo({ owner, repo, labels: label, state: 'open', per_page: 10 })
  ).data.filter((i) => !i.pull_request);
  const issue = open.sort((a, b) => a.number - b.number)[0];

  if (issue) {
    ctx.refs.set(g.fingerprint, {
      ...ctx.refs.get(g.fingerprint),
      githubIssue: { number: issue.number, url: issue.html_url },
    });
    const mark = issueMarkOf(issue.body);
    if (mark && mark.runId === runId)
      return {
        fingerprint: g.fingerprint,
        action: 'unchanged',
        target: `issue #${issue.number}`,
        url: issue.html_url,
      };
    const body = redact(renderOccurrenceComment(ctx.report, g, ctx.secrets), ctx.secrets);
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issue.number,
      per_page: 100,
    });
    const ours = comments.find((c) => {
      const m = occurrenceMarkOf(c.body);
      return m !== undefined && m.runId === runId && m.fingerprint === g.fingerprint;
    });
    if (ours) {
      if ((occurrenceMarkOf(ours.body)?.attempt ?? 0) >= attempt)
        return {
          fingerprint: g.fingerprint,
          action: 'unchanged',
          target: `issue #${issue.number}`,
          url: ours.html_url,
        };
      const r = await ctx.audit.around(
        'github-issue',
        'update-comment',
        `comment ${ours.id} on issue #${issue.number}`,
        () => octokit.rest.issues.updateComment({ owner, repo, comment_id: ours.id, body }),
        (res) => res.data.html_url,
      );
      return {
        fingerprint: g.fingerprint,
        action: 'updated',
        target: `issue #${issue.number}`,
        url: r.data.html_url,
      };
    }
    const r = await ctx.audit.around(
      'github-issue',
      'comment',
      `issue #${issue.number}`,
      () => octokit.rest.issues.createComment({ owner, repo, issue_number: issue.number, body }),
      (res) => res.data.html_url,
    );
    return {
      fingerprint: g.fingerprint,
      action: 'commented',
      target: `issue #${issue.number}`,
      url: r.data.html_url,
    };
  }

  const today = await createdToday();
  if (today >= settings.dailyCap) {
    const why = `daily cap reached (${today} of ${settings.dailyCap} issues opened today)`;
    ctx.audit.skipped('github-issue', 'create', label, why);
    return { fingerprint: g.fingerprint, action: 'would-create', target: label, skipped: why };
  }
  const title = redact(failureTitle(g, ctx.secrets), ctx.secrets);
  const body = redact(renderIssueBody(ctx.report, g, ctx.secrets), ctx.secrets);
  const r = await ctx.audit.around(
    'github-issue',
    'create',
    label,
    () => octokit.rest.issues.create({ owner, repo, title, body, labels: [LABEL, label] }),
    (res) => res.data.html_url,
  );
  ctx.refs.set(g.fingerprint, {
    ...ctx.refs.get(g.fingerprint),
    githubIssue: { number: r.data.number, url: r.data.html_url },
  });
  return {
    fingerprint: g.fingerprint,
    action: 'created',
    target: `issue #${r.data.number}`,
    url: r.data.html_url,
  };
}

/** Issues labelled ci-triage opened since the start of the UTC day (pull requests excluded), bounded. */
async function countCreatedToday(
  octokit: GitHubClient,
  owner: string,
  repo: string,
  now: Date,
): Promise<number> {
  const since = startOfUtcDay(now);
  let count = 0;
  let pages = 0;
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
    owner,
    repo,
    labels: LABEL,
    state: 'all',
    since: since.toISOString(),
    per_page: 100,
  })) {
    count += page.data.filter((i) => !i.pull_request && new Date(i.created_at) >= since).length;
    if (++pages >= CAP_PAGES) break;
  }
  return count;
}
