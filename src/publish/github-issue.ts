/**
 * A GitHub issue per distinct failure, for teams without Jira: found again by the fingerprint label while it
 * is open (a recurrence is a comment), created otherwise within a daily cap counted from the repository's
 * own issues labelled ci-triage. A new run attempt updates its occurrence comment instead of adding one.
 *
 * An issue or comment is ours only when the token's identity wrote it and it carries our marker (the label and
 * the body's mark); anything else is left alone. Creates are made once (`createOnce`: after a lost answer the
 * issues are listed again by label before anything is resent). Two runs that open the same failure's issue at
 * the same time both see two issues afterwards: the oldest stays, and the newer one is closed as its
 * duplicate (`state_reason: duplicate`) with a comment linking it — by the run that opened it, or by the next
 * run that finds both open.
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
import {
  gitHubIdentity,
  type GitHubIdentity,
  gitHubWriteFailure,
  writeRequest,
  WRITE_TIMEOUT_MS,
} from './github-writes.js';
import { createOnce, lostAnswers } from './once.js';
import type { GitHubSinkOptions } from './pr-comment.js';
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

export function createGitHubIssueSink(
  octokit: GitHubClient,
  settings: GitHubIssueSettings,
  options: GitHubSinkOptions = {},
): Sink {
  return {
    name: 'github-issue',
    github: true,
    plannedFailures: (groups) => atLeast(groups, settings.minSeverity).map((g) => g.fingerprint),
    publish: (ctx) =>
      publish({
        read: octokit,
        write: options.writer ?? octokit,
        identity: options.identity ?? gitHubIdentity(octokit, '', ctx.debug),
        timeoutMs: options.timeoutMs ?? WRITE_TIMEOUT_MS,
        ...(options.retryDelayMs !== undefined ? { retryDelayMs: options.retryDelayMs } : {}),
        settings,
        ctx,
        notes: [],
      }),
  };
}

interface Run {
  read: GitHubClient;
  write: GitHubClient;
  identity: GitHubIdentity;
  timeoutMs: number;
  retryDelayMs?: number;
  settings: GitHubIssueSettings;
  ctx: SinkContext;
  /** For the outcome's message. */
  notes: string[];
}

/** One of our open issues for a failure. */
interface Issue {
  number: number;
  id: number;
  url: string;
  body: string;
}

async function publish(r: Run): Promise<SinkOutcome> {
  const { settings, ctx } = r;
  const groups = atLeast(ctx.groups, settings.minSeverity);
  if (groups.length === 0)
    return {
      sink: 'github-issue',
      status: 'skipped',
      items: [],
      message: `no failure at or above ${settings.minSeverity}`,
    };

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
  for (const g of groups) {
    try {
      const item = await one(r, g, async () => {
        createdToday ??= await countCreatedToday(r);
        return createdToday;
      });
      if (item.action === 'created' || item.action === 'deduplicated') createdToday = (createdToday ?? 0) + 1;
      if ('skipped' in item) {
        r.notes.push(item.skipped);
        continue;
      }
      items.push(item);
    } catch (e) {
      const message = describeGitHubWriteError(e, `the issue for failure ${g.fingerprint}`, PERMISSION);
      const status = httpStatusOf(e);
      const failedItem: PublishedItem = {
        fingerprint: g.fingerprint,
        action: 'would-create',
        target: `issue for ${g.fingerprint}`,
        error: message,
      };
      // The token or the repository refuses: every other failure would be refused the same way.
      if (status === 401 || status === 403 || status === 404 || status === 410)
        return {
          sink: 'github-issue',
          status: items.length ? 'partial' : 'failed',
          items: [...items, failedItem],
          message,
        };
      items.push(failedItem);
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
    ...(r.notes.length ? { message: r.notes.join('; ') } : {}),
  };
}

/**
 * Our open issues for the failure, oldest first: labelled with its fingerprint, written by the token's
 * identity, with the mark naming the fingerprint in the body.
 */
async function openIssues(r: Run, fingerprint: string): Promise<Issue[]> {
  const { owner, repo } = r.ctx.report.run;
  const listed = (
    await r.read.rest.issues.listForRepo({
      owner,
      repo,
      labels: fingerprintLabel(fingerprint),
      state: 'open',
      per_page: 100,
    })
  ).data;
  const out: Issue[] = [];
  let others = 0;
  for (const i of listed) {
    if (i.pull_request) continue;
    if (!(await r.identity.isOurs(i.user)) || issueMarkOf(i.body)?.fingerprint !== fingerprint) {
      others++;
      continue;
    }
    out.push({ number: i.number, id: i.id, url: i.html_url, body: i.body ?? '' });
  }
  if (others > 0)
    r.ctx.debug(
      `GitHub issue: ${others} open issue(s) labelled ${fingerprintLabel(fingerprint)} were not opened by ${await r.identity.login()} with the ci-triage mark: ignored.`,
    );
  return out.sort((a, b) => a.number - b.number);
}

/** Closes `dup` as a duplicate of `of`: a comment linking it, then closed with `state_reason: duplicate`. */
async function closeDuplicate(r: Run, dup: Issue, of: Issue): Promise<void> {
  const { owner, repo } = r.ctx.report.run;
  const failure = (e: unknown) => gitHubWriteFailure(e, r.timeoutMs);
  await r.ctx.audit.around(
    'github-issue',
    'comment-duplicate',
    `issue #${dup.number}`,
    () =>
      r.write.rest.issues.createComment({
        owner,
        repo,
        issue_number: dup.number,
        body: `Duplicate of #${of.number}\n\n[ci-triage] opened this issue at the same time as #${of.number} for the same failure (another run did too); the older one stays open.`,
        ...writeRequest(r.timeoutMs),
      }),
    (res) => `HTTP ${res.status} ${res.data.html_url}`,
    (e) => failure(e).text,
  );
  const close = (reason: 'duplicate' | 'not_planned') =>
    r.ctx.audit.around(
      'github-issue',
      'close-duplicate',
      `issue #${dup.number}`,
      () =>
        r.write.rest.issues.update({
          owner,
          repo,
          issue_number: dup.number,
          state: 'closed',
          state_reason: reason,
          ...(reason === 'duplicate' ? { duplicate_issue_id: of.id } : {}),
          ...writeRequest(r.timeoutMs),
        }),
      (res) =>
        `HTTP ${res.status}, closed as ${reason === 'duplicate' ? `a duplicate of #${of.number}` : 'not planned'}`,
      (e) => failure(e).text,
    );
  try {
    await close('duplicate');
  } catch (e) {
    // A GitHub that does not know the reason `duplicate` yet (older GitHub Enterprise Server) refuses it.
    if (httpStatusOf(e) !== 422) throw e;
    await close('not_planned');
  }
}

async function one(
  r: Run,
  g: FindingGroup,
  createdToday: () => Promise<number>,
): Promise<PublishedItem | (PublishedItem & { skipped: string })> {
  const { ctx, settings } = r;
  const { owner, repo, id: runId, attempt } = ctx.report.run;
  const label = fingerprintLabel(g.fingerprint);
  const failure = (e: unknown) => gitHubWriteFailure(e, r.timeoutMs);
  const retry = r.retryDelayMs !== undefined ? { retryDelayMs: r.retryDelayMs } : {};
  const refer = (i: Issue) =>
    ctx.refs.set(g.fingerprint, {
      ...ctx.refs.get(g.fingerprint),
      githubIssue: { number: i.number, url: i.url },
    });

  const open = await openIssues(r, g.fingerprint);
  const [issue, ...duplicates] = open;
  // Left open by a race (or a lost answer) earlier: the older issue stays.
  if (issue)
    for (const d of duplicates) {
      try {
        await closeDuplicate(r, d, issue);
        r.notes.push(`issue #${d.number} closed as a duplicate of #${issue.number}`);
      } catch (e) {
        r.notes.push(
          `issue #${d.number} duplicates #${issue.number} but could not be closed: ${failure(e).text}`,
        );
      }
    }

  if (issue) {
    refer(issue);
    const mark = issueMarkOf(issue.body);
    if (mark && mark.runId === runId)
      return {
        fingerprint: g.fingerprint,
        action: 'unchanged',
        target: `issue #${issue.number}`,
        url: issue.url,
      };
    const body = redact(renderOccurrenceComment(ctx.report, g, ctx.secrets), ctx.secrets);
    const thisRun = async () => {
      const comments = await r.read.paginate(r.read.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issue.number,
        per_page: 100,
      });
      for (const c of comments) {
        const m = occurrenceMarkOf(c.body);
        if (m?.runId === runId && m.fingerprint === g.fingerprint && (await r.identity.isOurs(c.user)))
          return { id: c.id, url: c.html_url, attempt: m.attempt };
      }
      return undefined;
    };
    const ours = await thisRun();
    if (ours) {
      if (ours.attempt >= attempt)
        return {
          fingerprint: g.fingerprint,
          action: 'unchanged',
          target: `issue #${issue.number}`,
          url: ours.url,
        };
      const u = await ctx.audit.around(
        'github-issue',
        'update-comment',
        `comment ${ours.id} on issue #${issue.number}`,
        () =>
          r.write.rest.issues.updateComment({
            owner,
            repo,
            comment_id: ours.id,
            body,
            ...writeRequest(r.timeoutMs),
          }),
        (res) => `HTTP ${res.status} ${res.data.html_url}`,
        (e) => failure(e).text,
      );
      return {
        fingerprint: g.fingerprint,
        action: 'updated',
        target: `issue #${issue.number}`,
        url: u.data.html_url,
      };
    }
    const once = await createOnce(ctx.audit, {
      sink: 'github-issue',
      action: 'comment',
      target: `issue #${issue.number}`,
      send: async () => {
        const res = await r.write.rest.issues.createComment({
          owner,
          repo,
          issue_number: issue.number,
          body,
          ...writeRequest(r.timeoutMs),
        });
        r.identity.learn(res.data.user);
        return { id: res.data.id, url: res.data.html_url, attempt, status: res.status };
      },
      describe: (res) => `HTTP ${res.status} ${res.url}`,
      failure,
      look: async () => {
        const found = await thisRun();
        return found && found.attempt === attempt ? { ...found, status: 0 } : undefined;
      },
      ...retry,
      debug: ctx.debug,
    });
    const note = lostAnswers(once, `the comment on issue #${issue.number} by its mark`);
    if (note) r.notes.push(note);
    return {
      fingerprint: g.fingerprint,
      action: 'commented',
      target: `issue #${issue.number}`,
      url: once.value.url,
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
  const once = await createOnce(ctx.audit, {
    sink: 'github-issue',
    action: 'create',
    target: label,
    send: async (): Promise<Issue & { status: number }> => {
      const res = await r.write.rest.issues.create({
        owner,
        repo,
        title,
        body,
        labels: [LABEL, label],
        ...writeRequest(r.timeoutMs),
      });
      r.identity.learn(res.data.user);
      return { number: res.data.number, id: res.data.id, url: res.data.html_url, body, status: res.status };
    },
    describe: (res) => `HTTP ${res.status} issue #${res.number}`,
    failure,
    look: async () => {
      const mine = (await openIssues(r, g.fingerprint)).find((i) => issueMarkOf(i.body)?.runId === runId);
      return mine ? { ...mine, status: 0 } : undefined;
    },
    ...retry,
    debug: ctx.debug,
  });
  const note = lostAnswers(once, `issue #${once.value.number} by its label`);
  if (note) r.notes.push(note);
  const created = once.value;

  // A concurrent run may have opened the same failure's issue: the oldest stays, and ours is its duplicate.
  // The issue exists whatever happens here: a failure to check or to close is a note, not the item's error.
  let oldest: Issue | undefined;
  try {
    oldest = (await openIssues(r, g.fingerprint))[0];
    if (oldest && oldest.number < created.number) await closeDuplicate(r, created, oldest);
  } catch (e) {
    r.notes.push(
      oldest
        ? `issue #${created.number} duplicates #${oldest.number} (opened at the same time by another run) but could not be closed: ${failure(e).text}`
        : `issue #${created.number}: could not check for an issue a concurrent run opened (${failure(e).text})`,
    );
    oldest = undefined;
  }
  if (oldest && oldest.number < created.number) {
    refer(oldest);
    return {
      fingerprint: g.fingerprint,
      action: 'deduplicated',
      target: `issue #${created.number}, opened at the same time as #${oldest.number} by another run: closed as its duplicate`,
      url: oldest.url,
    };
  }
  refer(created);
  return {
    fingerprint: g.fingerprint,
    action: 'created',
    target: `issue #${created.number}`,
    url: created.url,
  };
}

/** Our issues labelled ci-triage opened since the start of the UTC day (pull requests excluded), bounded. */
async function countCreatedToday(r: Run): Promise<number> {
  const { owner, repo } = r.ctx.report.run;
  const since = startOfUtcDay(r.ctx.now());
  let count = 0;
  let pages = 0;
  for await (const page of r.read.paginate.iterator(r.read.rest.issues.listForRepo, {
    owner,
    repo,
    labels: LABEL,
    state: 'all',
    since: since.toISOString(),
    per_page: 100,
  })) {
    for (const i of page.data)
      if (!i.pull_request && new Date(i.created_at) >= since && (await r.identity.isOurs(i.user))) count++;
    if (++pages >= CAP_PAGES) break;
  }
  return count;
}
