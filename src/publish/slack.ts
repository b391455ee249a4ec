/**
 * The Slack sink: a message per distinct failure (fingerprint) at or above `slack-min-severity`, in the channel
 * of its severity, rendered by `renderSlackMessage`.
 *
 * With a bot token (@slack/web-api, against `slack-api-url`):
 * - each channel's last 7 days are read once (`conversations.history` with `include_all_metadata`; a `#name` is
 *   first resolved to its ID with `conversations.list`). Our messages carry metadata
 *   `ci_triage_failure {fingerprint, repository, run_id, run_attempt, workflow}`, so that
 * - the same failure of the same run (a new attempt) updates its message (`chat.update`), never posts another;
 * - the same failure of an earlier run is a reply in the thread of its first message;
 * - anything else is a new message, unless the channel already has `slack-daily-cap` new ci-triage messages
 *   since 00:00 UTC (counted from the same history read).
 *   When the history cannot be read (no `channels:history`), messages are posted anyway and the outcome says
 *   that dedupe and the cap need that scope.
 * - Only the bot's own messages count (its `bot_id` from `auth.test`, and our metadata): another app's message
 *   with the same metadata is neither updated nor replied to.
 * - A post whose answer is lost (5xx, timeout, dropped connection) is looked for in the channel (or the
 *   thread) by its metadata before it is sent again (`createOnce`); posts go through a client that never
 *   retries by itself, so every request is audited. After a top-level post, the channel is read again: when a
 *   concurrent run posted the same failure first, ours is deleted (`chat.delete`) and posted again as a reply in
 *   the older message's thread.
 * - Only someone GitHub vouches for is mentioned: the author of a verified commit who is a GitHub user, else
 *   the author of the pull request, mapped by `slack-users` to a member ID; without an entry the verified
 *   commit's email is looked up (`users.lookupByEmail`, scope `users:read.email`). An unverified commit's email
 *   (anyone can write any) is never used.
 *
 * - With the report's history, the message says how often the failure was seen (and whether it is flaky). A
 *   failure that escalates with this run (`recurrence.escalate`) is, as any recurrence, a reply in the thread of
 *   its first message, but broadcast to the channel (`reply_broadcast`); and, with `slack-escalation-channel`,
 *   announced there too (`Escalated: <type> in <job> seen in N runs in D days`, a button to the thread from
 *   `chat.getPermalink`), with metadata `ci_triage_escalation` (the same payload), so that a new attempt of the
 *   run updates the announcement (and the broadcast reply, found in the channel's history) instead of posting
 *   again. Announcements are not limited by the daily cap: a failure escalates once.
 *
 * With an incoming webhook (@slack/webhook): a message per failure, no metadata, update, thread or lookup; on a
 * run attempt after the first nothing is posted (a webhook cannot update what an earlier attempt posted).
 *
 * Reads retry a little (2 retries, honouring `Retry-After` on HTTP 429) within a 15 s timeout per request;
 * writes wait out a rate limit as often, and nothing else, in `createOnce`. Nothing throws out of `publish`:
 * errors are outcomes naming the Slack error and its fix. A fatal error (the token, the API unreachable,
 * still rate-limited) stops the sink; a channel's error (not found, the app not in it) stops that channel only;
 * a timeout or a 5xx is the message's alone.
 */
import {
  ErrorCode as WebApiErrorCode,
  LogLevel,
  type Logger,
  type RetryOptions,
  WebClient,
} from '@slack/web-api';
import { ErrorCode as WebhookErrorCode, IncomingWebhook } from '@slack/webhook';
import type { SlackSettings } from '../config/settings.js';
import type { FindingGroup } from '../report/groups.js';
import type { Recurrence } from '../history/analysis.js';
import {
  escalationMetadata,
  renderEscalationMessage,
  renderSlackMessage,
  SLACK_ESCALATION_EVENT_TYPE,
  SLACK_EVENT_TYPE,
  slackMetadata,
  isMemberId,
  type SlackMessage,
} from '../report/slack-blocks.js';
import type { TriageReport } from '../report/types.js';
import { cut, oneLine } from '../report/text.js';
import { createOnce, lostAnswers, timedOut, type WriteFailure } from './once.js';
import { redact, redactDeep } from './redact.js';
import {
  atLeast,
  type PublishedItem,
  type Sink,
  type SinkContext,
  type SinkOutcome,
  startOfUtcDay,
} from './sink.js';

export interface SlackSinkOptions {
  /** The SDKs' retry policy (node-retry options); default: 2 retries, 1 s then 2 s apart. */
  retryConfig?: RetryOptions;
  /** Per request, in ms; default 15 s. */
  timeoutMs?: number;
  /** The pause before a post whose answer was lost (and which was not found) is sent again; default 1 s. */
  retryDelayMs?: number;
}

const DEFAULT_RETRY: RetryOptions = {
  retries: 2,
  factor: 2,
  minTimeout: 1000,
  maxTimeout: 5000,
  randomize: true,
};
const DEFAULT_TIMEOUT_MS = 15_000;
const HISTORY_DAYS = 7;
const HISTORY_PAGE = 200;
const HISTORY_PAGES = 5;
const LIST_PAGE = 999;
const LIST_PAGES = 5;
const WEBHOOK_TARGET = 'incoming webhook';

/** An error, told for people, and what it stops. */
interface Failure {
  /** Slack's error code (`channel_not_found`), `http_404`, `unreachable`, … */
  code: string;
  message: string;
  /** Nothing more can go through: stop the sink. */
  fatal: boolean;
  /** Nothing more can go to this channel. */
  channelLevel: boolean;
}

/** A Web API error told for people (`apiFailure` with this run's API URL, retries and secrets). */
type Fail = (e: unknown, method: string, channel?: string) => Failure;

/** One of our messages found in a channel's history. */
interface Ours {
  ts: string;
  topLevel: boolean;
  /** A failure's message (`ci_triage_failure`) or an escalation's announcement (`ci_triage_escalation`). */
  eventType: string;
  fingerprint: string;
  repository: string;
  runId: string;
}

/** Who the bot token posts as (`auth.test`). */
interface Identity {
  botId: string | undefined;
  userId: string | undefined;
}

/** A post's concurrent twin is looked for this long before the channel's history was first read, in s. */
const RECONCILE_MARGIN_S = 300;

/** Where a message is: the channel ID and its ts. */
interface MessageRef {
  channel: string;
  ts: string;
}

/** The failure's recurrence when it escalates with this run (the history's decision), else undefined. */
function escalating(report: TriageReport, g: FindingGroup): Recurrence | undefined {
  const r = report.history?.recurrences[g.fingerprint];
  return r?.escalate === true && !r.generic ? r : undefined;
}

interface ChannelView {
  /** As configured: `#ci-alerts` or `C0123456789`. */
  label: string;
  /** What to post to: the ID when known, else the name. */
  postTo: string;
  id?: string;
  /** Our messages of the last days, oldest first; undefined when the history could not be read. */
  ours?: Ours[];
  /** Our new top-level messages since 00:00 UTC; undefined when unknown. */
  today?: number;
  /** When its history was read (ms). */
  readAt?: number;
  /** Set once the channel cannot take messages. */
  failure?: Failure;
}

const FATAL_AUTH = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'account_inactive',
  'token_expired',
  'ekm_access_denied',
  'org_login_required',
  'team_access_not_granted',
]);
const CHANNEL_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'no_permission',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
]);

export function createSlackSink(settings: SlackSettings, options: SlackSinkOptions = {}): Sink {
  return {
    name: 'slack',
    plannedFailures: (groups) => atLeast(groups, settings.minSeverity).map((g) => g.fingerprint),
    async publish(ctx) {
      try {
        return await publish(settings, options, ctx);
      } catch (e) {
        // Not expected: every call below catches its own errors. Still, a sink never throws.
        const secrets = secretsOf(settings, ctx);
        return {
          sink: 'slack',
          status: 'failed',
          items: [],
          message: `Slack: unexpected error: ${clean(e instanceof Error ? e.message : String(e), secrets)}`,
        };
      }
    },
  };
}

function secretsOf(settings: SlackSettings, ctx: SinkContext): string[] {
  return [...ctx.secrets, settings.botToken, settings.webhookUrl].filter((s) => s !== '');
}

const clean = (s: string, secrets: readonly string[], max = 300): string => cut(oneLine(s, secrets), max);

async function publish(
  settings: SlackSettings,
  options: SlackSinkOptions,
  ctx: SinkContext,
): Promise<SinkOutcome> {
  const secrets = secretsOf(settings, ctx);
  const { report } = ctx;
  const webhookMode = settings.botToken === '';
  const eligible = atLeast(ctx.groups, settings.minSeverity);
  const channelOf = (g: FindingGroup): string =>
    webhookMode ? WEBHOOK_TARGET : (settings.channelBySeverity[g.severity] ?? settings.channel);

  if (eligible.length === 0) {
    ctx.audit.skipped(
      'slack',
      'post',
      webhookMode ? WEBHOOK_TARGET : settings.channel,
      `no failure at or above ${settings.minSeverity}`,
    );
    return {
      sink: 'slack',
      status: 'skipped',
      items: [],
      message: `Slack: no failure at or above ${settings.minSeverity} severity.`,
    };
  }

  const escalationLabel = webhookMode ? '' : settings.escalationChannel.trim();
  const webhookAttemptNote = `an incoming webhook cannot update the message an earlier attempt posted (this is attempt ${report.run.attempt}); use slack-bot-token to have it updated`;
  // In dry-run only the mapped author of the pull request (nothing is looked up); else a verified author.
  const mappedMention = mentionFromMap(settings, ctx, [report.change.pullRequest?.author]);
  const render = (g: FindingGroup, mention: string | undefined): SlackMessage =>
    renderSlackMessage(report, g, {
      ...(ctx.refs.get(g.fingerprint) ? { refs: ctx.refs.get(g.fingerprint) } : {}),
      ...(mention !== undefined ? { mention } : {}),
      secrets,
    });

  // ── Dry-run: nothing is sent, nothing is looked up. ──
  if (ctx.dryRun) {
    if (webhookMode && report.run.attempt > 1) {
      ctx.audit.skipped('slack', 'post', WEBHOOK_TARGET, webhookAttemptNote);
      return {
        sink: 'slack',
        status: 'skipped',
        items: [],
        message: `Slack: nothing would be posted: ${webhookAttemptNote}.`,
      };
    }
    const items: PublishedItem[] = [];
    const previews: string[] = [];
    for (const g of eligible) {
      const target = channelOf(g);
      items.push({ fingerprint: g.fingerprint, action: 'would-create', target });
      ctx.audit.skipped('slack', 'post', target, 'dry-run');
      previews.push(`→ ${target}\n${render(g, mappedMention).preview}`);
      const announcement =
        escalationLabel !== '' && escalating(report, g)
          ? renderEscalationMessage(report, g, {
              ...(ctx.refs.get(g.fingerprint) ? { refs: ctx.refs.get(g.fingerprint) } : {}),
              secrets,
            })
          : undefined;
      if (announcement) {
        const escalation = `${escalationLabel} (escalation)`;
        items.push({ fingerprint: g.fingerprint, action: 'would-create', target: escalation });
        ctx.audit.skipped('slack', 'escalate', escalationLabel, 'dry-run');
        previews.push(`→ ${escalation}\n${announcement.preview}`);
      }
    }
    const note = webhookMode
      ? ''
      : ' The author of a verified commit would be mentioned when publishing (slack-users, else users.lookupByEmail).';
    return {
      sink: 'slack',
      status: 'dry-run',
      items,
      message: `Slack: would post ${items.length} message${items.length === 1 ? '' : 's'}${webhookMode ? ' with the incoming webhook' : ' (or update or reply in a thread, after reading the channel history)'}.${note}`,
      preview: redact(previews.join('\n\n'), secrets),
    };
  }

  const retryConfig = options.retryConfig ?? DEFAULT_RETRY;
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const items: PublishedItem[] = [];
  const notes: string[] = [];
  const errors: string[] = [];
  const addError = (m: string) => {
    if (!errors.includes(m)) errors.push(m);
  };
  const failItem = (g: FindingGroup, action: PublishedItem['action'], target: string, f: Failure) => {
    items.push({ fingerprint: g.fingerprint, action, target, error: f.message });
    addError(f.message);
  };

  // ── Incoming webhook ──
  if (webhookMode) {
    if (report.run.attempt > 1) {
      for (const g of eligible)
        ctx.audit.skipped(
          'slack',
          'post',
          WEBHOOK_TARGET,
          `${webhookAttemptNote} (fingerprint ${g.fingerprint})`,
        );
      return {
        sink: 'slack',
        status: 'skipped',
        items: [],
        message: `Slack: nothing posted: ${webhookAttemptNote}.`,
      };
    }
    // No retry: an incoming webhook cannot be read back, so a post whose answer was lost is not sent again.
    const hook = new IncomingWebhook(settings.webhookUrl, { timeout, retryConfig: { retries: 0 } });
    const webhookMention = await mentionOf(settings, ctx, undefined);
    if (settings.escalationChannel.trim() !== '' && eligible.some((g) => escalating(report, g)))
      notes.push(
        'slack-escalation-channel needs slack-bot-token: with the incoming webhook, the escalation is only said in the message',
      );
    let fatal: Failure | undefined;
    for (const g of eligible) {
      if (fatal) {
        failItem(g, 'created', WEBHOOK_TARGET, fatal);
        continue;
      }
      const msg = render(g, webhookMention);
      const payload = redactDeep(
        { text: msg.text, blocks: msg.blocks, unfurl_links: false, unfurl_media: false },
        secrets,
      );
      try {
        await ctx.audit.around(
          'slack',
          'post',
          WEBHOOK_TARGET,
          () => hook.send(payload),
          (r) => `HTTP 200 ${clean(r.text, secrets, 40)}`,
        );
        items.push({ fingerprint: g.fingerprint, action: 'created', target: WEBHOOK_TARGET });
      } catch (e) {
        const f = webhookFailure(e, timeout, secrets);
        failItem(g, 'created', WEBHOOK_TARGET, f);
        if (f.fatal) fatal = f;
      }
    }
    return outcome(items, errors, notes, [], eligible.length);
  }

  // ── Bot token ──
  const client = new WebClient(settings.botToken, {
    slackApiUrl: settings.apiUrl,
    retryConfig,
    timeout,
    rejectRateLimitedCalls: false,
    logger: sdkLogger(ctx.debug, secrets),
  });
  // Writes go through a client that never sends a request twice on its own: a post whose answer is lost is
  // looked for before it is sent again (createOnce), and every request is audited.
  const writer = new WebClient(settings.botToken, {
    slackApiUrl: settings.apiUrl,
    retryConfig: { retries: 0 },
    timeout,
    rejectRateLimitedCalls: true,
    logger: sdkLogger(ctx.debug, secrets),
  });
  const fail: Fail = (e, method, channel = '') =>
    apiFailure(e, method, channel, settings.apiUrl, retryConfig, timeout, secrets);
  const writeFailure = (e: unknown) => slackWriteFailure(e, timeout);
  const retry = options.retryDelayMs !== undefined ? { retryDelayMs: options.retryDelayMs } : {};
  const now = ctx.now();
  const repository = `${report.run.owner}/${report.run.repo}`;
  const runId = String(report.run.id);
  let fatal: Failure | undefined;
  const capped: Array<{ label: string; why: string }> = [];

  // Who the token posts as: only its own messages, with our metadata, are ci-triage's.
  let me: Identity;
  try {
    const a = await client.auth.test();
    me = { botId: typeof a.bot_id === 'string' ? a.bot_id : undefined, userId: a.user_id };
  } catch (e) {
    const f = fail(e, 'auth.test');
    return outcome(
      eligible.map((g) => ({
        fingerprint: g.fingerprint,
        action: 'created',
        target: channelOf(g),
        error: f.message,
      })),
      [f.message],
      notes,
      [],
      eligible.length,
    );
  }

  let mentionPromise: Promise<string | undefined> | undefined;
  const mention = (): Promise<string | undefined> =>
    (mentionPromise ??= mentionOf(settings, ctx, (email) => lookupMention(client, email, ctx, fail)));

  const byChannel = new Map<string, FindingGroup[]>();
  for (const g of eligible) {
    const c = channelOf(g);
    byChannel.set(c, [...(byChannel.get(c) ?? []), g]);
  }

  // Channels read once each (a channel may be a severity's and the escalation channel both).
  const views = new Map<string, ChannelView>();
  const viewOf = async (label: string): Promise<ChannelView> => {
    let view = views.get(label);
    if (!view) {
      view = await openChannel(client, label, now, me, ctx, fail, notes);
      views.set(label, view);
    }
    return view;
  };

  /**
   * Our messages in a channel since its history was first read (minus a margin for clocks), oldest first; []
   * when the history cannot be read (then there was no dedupe to begin with, and the outcome says so).
   */
  const since = async (view: ChannelView): Promise<Ours[]> => {
    if (view.id === undefined || view.ours === undefined) return [];
    try {
      return await readOurs(client, view.id, (view.readAt ?? now.getTime()) / 1000 - RECONCILE_MARGIN_S, me);
    } catch (e) {
      ctx.debug(`Slack: cannot read ${view.label} again (${fail(e, 'conversations.history').code}).`);
      return [];
    }
  };

  /**
   * A message posted once (`createOnce`): after a lost answer, the channel (or the thread) is read for this run's
   * message of this failure before the post is sent again.
   */
  const post = async (
    view: ChannelView,
    label: string,
    args: Record<string, unknown> & { channel: string },
    o: { action: string; eventType: string; fingerprint: string; thread?: string },
  ): Promise<{ ts: string; channel: string | undefined; found: boolean }> => {
    const once = await createOnce(ctx.audit, {
      sink: 'slack',
      action: o.action,
      target: label,
      send: async () => {
        const r = await writer.chat.postMessage(
          args as unknown as Parameters<typeof writer.chat.postMessage>[0],
        );
        return { ts: typeof r.ts === 'string' ? r.ts : '', channel: r.channel ?? view.id };
      },
      describe: (r) =>
        `ts ${r.ts}${o.thread !== undefined ? ` in the thread of ${o.thread}${args.reply_broadcast ? ', broadcast to the channel' : ''}` : ''}`,
      failure: writeFailure,
      // A rate limit is waited out as often as the reading client would (`retryConfig.retries`).
      attempts: (retryConfig.retries ?? 2) + 1,
      look: async () => {
        // Without the history nothing can be looked for: not sent again (a duplicate is worse than a gap).
        if (view.id === undefined || view.ours === undefined)
          throw new Error(`the history of ${label} cannot be read`);
        const found =
          o.thread !== undefined
            ? await replyOfThisRun(client, view.id, o.thread, o.fingerprint, repository, runId, me, ctx, fail)
            : (await since(view)).find(
                (m) =>
                  m.topLevel &&
                  m.eventType === o.eventType &&
                  m.fingerprint === o.fingerprint &&
                  m.repository === repository &&
                  m.runId === runId,
              )?.ts;
        return found !== undefined ? { ts: found, channel: view.id } : undefined;
      },
      ...retry,
      debug: ctx.debug,
    });
    const note = lostAnswers(once, `the message in ${label} by its metadata`);
    if (note) notes.push(note);
    return { ...once.value, found: once.found };
  };

  /** The failure's message: posted, updated, or a reply in its thread. Where it is, when it went through. */
  const publishFailure = async (
    g: FindingGroup,
    label: string,
    view: ChannelView,
  ): Promise<MessageRef | undefined> => {
    const stop = fatal ?? view.failure;
    if (stop) {
      failItem(g, 'created', label, stop);
      return undefined;
    }
    const escalates = escalating(report, g) !== undefined;
    // What to do: update this run's message, reply to the first message of an earlier run, or post.
    let action: 'update' | 'reply' | 'post' = 'post';
    let ts: string | undefined;
    if (view.ours && view.id !== undefined) {
      const mine = view.ours.filter(
        (o) =>
          o.eventType === SLACK_EVENT_TYPE && o.fingerprint === g.fingerprint && o.repository === repository,
      );
      // This run's message: top-level, or a reply broadcast to the channel (an escalation).
      const same = mine.find((o) => o.runId === runId);
      const first = mine.find((o) => o.topLevel && o.runId !== runId);
      if (same) {
        action = 'update';
        ts = same.ts;
      } else if (first) {
        const reply = await replyOfThisRun(
          client,
          view.id,
          first.ts,
          g.fingerprint,
          repository,
          runId,
          me,
          ctx,
          fail,
        );
        action = reply !== undefined ? 'update' : 'reply';
        ts = reply ?? first.ts;
      }
    }
    if (action === 'post' && view.today !== undefined && view.today >= settings.dailyCap) {
      const why = `daily cap reached (${view.today} of ${settings.dailyCap})`;
      ctx.audit.skipped('slack', 'post', label, why);
      capped.push({ label, why });
      return undefined;
    }

    const msg = render(g, await mention());
    const metadata = slackMetadata(report, g);
    let itemAction: PublishedItem['action'] =
      action === 'update' ? 'updated' : action === 'reply' ? 'replied' : 'created';
    // An escalating failure's reply is broadcast: the channel sees it, not only the thread.
    const broadcast = action === 'reply' && escalates;
    const base = {
      channel: view.postTo,
      text: msg.text,
      blocks: msg.blocks,
      metadata,
      unfurl_links: false,
      unfurl_media: false,
    };
    const reply = (thread: string) =>
      post(
        view,
        label,
        redactDeep(
          broadcast ? { ...base, thread_ts: thread, reply_broadcast: true } : { ...base, thread_ts: thread },
          secrets,
        ),
        {
          action: 'reply',
          eventType: SLACK_EVENT_TYPE,
          fingerprint: g.fingerprint,
          thread,
        },
      );
    try {
      let ref: MessageRef | undefined;
      let target = label;
      if (action === 'update') {
        const args = redactDeep(
          { channel: view.id ?? view.postTo, ts: ts ?? '', text: msg.text, blocks: msg.blocks, metadata },
          secrets,
        );
        await ctx.audit.around(
          'slack',
          'update',
          label,
          () => writer.chat.update(args),
          (r) => `ts ${String(r.ts)}`,
          (e) => writeFailure(e).text,
        );
        ref = { channel: args.channel, ts: args.ts };
      } else if (action === 'reply' && ts !== undefined) {
        const r = await reply(ts);
        if (r.channel !== undefined && r.ts !== '') ref = { channel: r.channel, ts: r.ts };
      } else {
        const r = await post(view, label, redactDeep(base, secrets), {
          action: 'post',
          eventType: SLACK_EVENT_TYPE,
          fingerprint: g.fingerprint,
        });
        if (view.today !== undefined) view.today++;
        ref = r.channel !== undefined && r.ts !== '' ? { channel: r.channel, ts: r.ts } : undefined;
        // A concurrent run may have posted the same failure's message at the same time: the oldest stays
        // top-level, and ours becomes a reply in its thread.
        const oldest = ref
          ? (await since(view)).find(
              (o) =>
                o.topLevel &&
                o.eventType === SLACK_EVENT_TYPE &&
                o.fingerprint === g.fingerprint &&
                o.repository === repository,
            )
          : undefined;
        let deleted = false;
        if (ref && oldest && compareTs(oldest.ts, ref.ts) < 0) {
          const gone = ref;
          try {
            await ctx.audit.around(
              'slack',
              'delete-duplicate',
              label,
              () => writer.chat.delete({ channel: gone.channel, ts: gone.ts }),
              () => `ts ${gone.ts}: run ${oldest.runId} posted the same failure first (ts ${oldest.ts})`,
              (e) => writeFailure(e).text,
            );
            deleted = true;
          } catch (e) {
            // Ours stays beside the other run's: said, not hidden.
            notes.push(
              `the message in ${label} (ts ${gone.ts}) duplicates run ${oldest.runId}'s, posted at the same time, but could not be deleted: ${fail(e, 'chat.delete', label).code}`,
            );
          }
        }
        if (ref && oldest && deleted) {
          if (view.today !== undefined) view.today--;
          const r = await reply(oldest.ts);
          ref = r.channel !== undefined && r.ts !== '' ? { channel: r.channel, ts: r.ts } : undefined;
          itemAction = 'replied';
          target = `${label} (in the thread of run ${oldest.runId}'s message, posted at the same time)`;
        } else if (ref)
          view.ours?.push({
            ts: ref.ts,
            topLevel: true,
            eventType: SLACK_EVENT_TYPE,
            fingerprint: g.fingerprint,
            repository,
            runId,
          });
      }
      items.push({ fingerprint: g.fingerprint, action: itemAction, target });
      return ref;
    } catch (e) {
      const f = fail(e, action === 'update' ? 'chat.update' : 'chat.postMessage', label);
      failItem(g, itemAction, label, f);
      if (f.fatal) fatal = f;
      else if (f.channelLevel) view.failure = f;
      return undefined;
    }
  };

  /**
   * The escalation's announcement in slack-escalation-channel, linking the failure's message (`thread`): posted,
   * or updated when an earlier attempt of the run posted it (its metadata `ci_triage_escalation` names the run).
   * Not limited by the daily cap: a failure escalates once.
   */
  const announce = async (g: FindingGroup, thread: MessageRef | undefined): Promise<void> => {
    const target = `${escalationLabel} (escalation)`;
    if (fatal) {
      failItem(g, 'created', target, fatal);
      return;
    }
    const view = await viewOf(escalationLabel);
    if (view.failure?.fatal) fatal = view.failure;
    const stop = fatal ?? view.failure;
    if (stop) {
      failItem(g, 'created', target, stop);
      return;
    }
    let permalink: string | undefined;
    if (thread) {
      try {
        permalink = (await client.chat.getPermalink({ channel: thread.channel, message_ts: thread.ts }))
          .permalink;
      } catch (e) {
        ctx.debug(
          `Slack: no link to the failure's message (chat.getPermalink: ${fail(e, 'chat.getPermalink').code}): the escalation links the run only.`,
        );
      }
    }
    const refs = ctx.refs.get(g.fingerprint);
    const msg = renderEscalationMessage(report, g, {
      ...(permalink !== undefined ? { permalink } : {}),
      ...(refs ? { refs } : {}),
      secrets,
    });
    if (!msg) return;
    const metadata = escalationMetadata(report, g);
    const earlier =
      view.id === undefined
        ? undefined
        : view.ours?.find(
            (o) =>
              o.eventType === SLACK_ESCALATION_EVENT_TYPE &&
              o.fingerprint === g.fingerprint &&
              o.repository === repository &&
              o.runId === runId,
          );
    try {
      if (earlier && view.id !== undefined) {
        const args = redactDeep(
          { channel: view.id, ts: earlier.ts, text: msg.text, blocks: msg.blocks, metadata },
          secrets,
        );
        await ctx.audit.around(
          'slack',
          'update-escalation',
          escalationLabel,
          () => writer.chat.update(args),
          (r) => `ts ${String(r.ts)}`,
          (e) => writeFailure(e).text,
        );
        items.push({ fingerprint: g.fingerprint, action: 'updated', target });
      } else {
        const args = redactDeep(
          {
            channel: view.postTo,
            text: msg.text,
            blocks: msg.blocks,
            metadata,
            unfurl_links: false,
            unfurl_media: false,
          },
          secrets,
        );
        const r = await post(view, escalationLabel, args, {
          action: 'escalate',
          eventType: SLACK_ESCALATION_EVENT_TYPE,
          fingerprint: g.fingerprint,
        });
        if (r.ts !== '')
          view.ours?.push({
            ts: r.ts,
            topLevel: true,
            eventType: SLACK_ESCALATION_EVENT_TYPE,
            fingerprint: g.fingerprint,
            repository,
            runId,
          });
        items.push({ fingerprint: g.fingerprint, action: 'created', target });
      }
    } catch (e) {
      const f = fail(e, earlier ? 'chat.update' : 'chat.postMessage', escalationLabel);
      failItem(g, earlier ? 'updated' : 'created', target, f);
      if (f.fatal) fatal = f;
      else if (f.channelLevel) view.failure = f;
    }
  };

  for (const [label, groups] of byChannel) {
    if (label === '') {
      const f: Failure = {
        code: 'no_channel',
        message: `Slack: no channel for ${groups
          .map((g) => g.severity)
          .filter((s, i, a) => a.indexOf(s) === i)
          .join(', ')} failures: set slack-channel (a channel ID such as C0123456789, or #name)`,
        fatal: false,
        channelLevel: true,
      };
      for (const g of groups) {
        failItem(g, 'created', label, f);
        if (escalationLabel !== '' && escalating(report, g)) await announce(g, undefined);
      }
      continue;
    }
    const view: ChannelView = fatal ? { label, postTo: label, failure: fatal } : await viewOf(label);
    if (view.failure?.fatal) fatal = view.failure;

    for (const g of groups) {
      const thread = await publishFailure(g, label, view);
      if (escalationLabel !== '' && escalating(report, g)) await announce(g, thread);
    }
  }

  return outcome(items, errors, notes, capNotes(capped), eligible.length);
}

/** One line per capped channel: "2 new messages not posted in #ci: daily cap reached (50 of 50)". */
function capNotes(capped: Array<{ label: string; why: string }>): string[] {
  const out: string[] = [];
  for (const { label, why } of capped) {
    if (out.some((l) => l.includes(` in ${label}: `))) continue;
    const n = capped.filter((c) => c.label === label).length;
    out.push(`${n} new message${n === 1 ? '' : 's'} not posted in ${label}: ${why}`);
  }
  return out;
}

function outcome(
  items: PublishedItem[],
  errors: string[],
  notes: string[],
  capLines: string[],
  eligible: number,
): SinkOutcome {
  const done = items.filter((i) => i.error === undefined).length;
  const failed = items.length - done;
  const extra = [...capLines, ...notes];
  const tail = extra.length > 0 ? ` ${extra.map((n) => `${n}.`).join(' ')}` : '';
  if (failed === 0 && done === 0)
    return { sink: 'slack', status: 'skipped', items, message: `Slack: nothing posted.${tail}` };
  if (failed === 0) {
    return {
      sink: 'slack',
      status: 'ok',
      items,
      ...(extra.length > 0 || done < eligible
        ? { message: `Slack: ${done} message${done === 1 ? '' : 's'} published.${tail}` }
        : {}),
    };
  }
  const why = errors.map((e) => e.replace(/^Slack: /, '')).join('; ');
  if (done === 0) return { sink: 'slack', status: 'failed', items, message: `Slack: ${why}.${tail}` };
  return {
    sink: 'slack',
    status: 'partial',
    items,
    message: `Slack: ${done} of ${items.length} messages published; ${failed} failed: ${why}.${tail}`,
  };
}

// ── Channels and their history ─────────────────────────────────────────────────────────────────────────

/** Slack message timestamps (`seconds.micros`) in order, exactly (as numbers they lose the last digits). */
function compareTs(a: string, b: string): number {
  const [as = '0', au = ''] = a.split('.');
  const [bs = '0', bu = ''] = b.split('.');
  return Number(as) - Number(bs) || Number(au.padEnd(6, '0')) - Number(bu.padEnd(6, '0'));
}

const isChannelId = (s: string): boolean => /^[CGD][A-Z0-9]{6,}$/.test(s);

async function openChannel(
  client: WebClient,
  label: string,
  now: Date,
  me: Identity,
  ctx: SinkContext,
  fail: Fail,
  notes: string[],
): Promise<ChannelView> {
  const view: ChannelView = { label, postTo: label };
  if (isChannelId(label)) view.id = label;
  else {
    const name = label.replace(/^#/, '');
    try {
      const id = await findChannelId(client, name);
      if (id !== undefined) {
        view.id = id;
        view.postTo = id;
      } else {
        ctx.debug(
          `Slack: #${name} is not among the channels conversations.list shows the app: posting by name, without dedupe or the daily cap.`,
        );
        notes.push(
          `dedupe and the daily cap were off in ${label}: the app could not find it with conversations.list (give the channel ID, e.g. C0123456789)`,
        );
      }
    } catch (e) {
      const f = fail(e, 'conversations.list', label);
      if (f.fatal) return { ...view, failure: f };
      ctx.debug(
        `Slack: cannot resolve ${label} to a channel ID (${f.code}): posting by name, without dedupe or the daily cap.`,
      );
      notes.push(
        f.code === 'missing_scope'
          ? `dedupe and the daily cap were off in ${label}: resolving #name needs ${neededOf(e) ?? 'channels:read'} (or give the channel ID)`
          : `dedupe and the daily cap were off in ${label}: ${f.code}`,
      );
    }
  }
  if (view.id === undefined) return view;

  const oldest = (now.getTime() - HISTORY_DAYS * 86_400_000) / 1000;
  const dayStart = startOfUtcDay(now).getTime() / 1000;
  try {
    view.readAt = now.getTime();
    const ours = await readOurs(client, view.id, oldest, me);
    view.ours = ours;
    view.today = ours.filter(
      (o) => o.topLevel && o.eventType === SLACK_EVENT_TYPE && Number(o.ts) >= dayStart,
    ).length;
  } catch (e) {
    const f = fail(e, 'conversations.history', label);
    if (f.fatal || f.code === 'channel_not_found') return { ...view, failure: f };
    ctx.debug(
      `Slack: cannot read the history of ${label} (${f.code}): posting without dedupe or the daily cap.`,
    );
    if (f.code === 'missing_scope')
      notes.push(
        `dedupe and the daily cap need ${neededOf(e) ?? 'channels:history'}: posted in ${label} without them`,
      );
    else if (f.code !== 'not_in_channel')
      notes.push(`dedupe and the daily cap were off in ${label}: ${f.code}`);
  }
  return view;
}

/** Whether a message was posted by the token's bot: its `bot_id` (else its bot user) is ours. */
function byUs(m: { bot_id?: string; user?: string }, me: Identity): boolean {
  if (me.botId !== undefined && m.bot_id !== undefined) return m.bot_id === me.botId;
  return m.user !== undefined && m.user === me.userId;
}

/** What a message's metadata says, when it is one of ours (a failure or an escalation), or undefined. */
function oursOf(
  m: {
    ts?: string;
    thread_ts?: string;
    bot_id?: string;
    user?: string;
    metadata?: { event_type?: string; event_payload?: unknown };
  },
  me: Identity,
): Ours | undefined {
  const md = m.metadata;
  const p = md?.event_payload as Record<string, unknown> | undefined;
  const type = md?.event_type;
  if ((type !== SLACK_EVENT_TYPE && type !== SLACK_ESCALATION_EVENT_TYPE) || !p || typeof m.ts !== 'string')
    return undefined;
  if (!byUs(m, me)) return undefined;
  return {
    ts: m.ts,
    topLevel: m.thread_ts === undefined || m.thread_ts === m.ts,
    eventType: type,
    fingerprint: String(p.fingerprint),
    repository: String(p.repository),
    runId: String(p.run_id),
  };
}

/**
 * Our messages in a channel since `oldest` (seconds), oldest first: posted by the token's bot and carrying our
 * metadata. A message by anyone else with the same metadata is not ours, and is never updated or replied to as
 * if it were.
 */
async function readOurs(client: WebClient, channel: string, oldest: number, me: Identity): Promise<Ours[]> {
  const ours: Ours[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_PAGES; page++) {
    const r = await client.conversations.history({
      channel,
      oldest: Math.max(0, oldest).toFixed(6),
      limit: HISTORY_PAGE,
      include_all_metadata: true,
      ...(cursor ? { cursor } : {}),
    });
    for (const m of r.messages ?? []) {
      const o = oursOf(m, me);
      if (o) ours.push(o);
    }
    cursor = r.response_metadata?.next_cursor;
    if (!r.has_more || !cursor) break;
  }
  return ours.sort((a, b) => compareTs(a.ts, b.ts));
}

async function findChannelId(client: WebClient, name: string): Promise<string | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < LIST_PAGES; page++) {
    const r = await client.conversations.list({
      types: 'public_channel,private_channel',
      exclude_archived: true,
      limit: LIST_PAGE,
      ...(cursor ? { cursor } : {}),
    });
    const hit = r.channels?.find((c) => c.name === name);
    if (hit?.id) return hit.id;
    cursor = r.response_metadata?.next_cursor;
    if (!cursor) break;
  }
  return undefined;
}

/** This run's reply in the thread of an earlier run's message (a new attempt updates it), if there is one. */
async function replyOfThisRun(
  client: WebClient,
  channel: string,
  threadTs: string,
  fingerprint: string,
  repository: string,
  runId: string,
  me: Identity,
  ctx: SinkContext,
  fail: Fail,
): Promise<string | undefined> {
  try {
    const r = await client.conversations.replies({
      channel,
      ts: threadTs,
      limit: 200,
      include_all_metadata: true,
    });
    const hit = (r.messages ?? [])
      .map((m) => oursOf(m as Parameters<typeof oursOf>[0], me))
      .find(
        (o) =>
          o !== undefined &&
          o.ts !== threadTs &&
          o.eventType === SLACK_EVENT_TYPE &&
          o.fingerprint === fingerprint &&
          o.repository === repository &&
          o.runId === runId,
      );
    return hit?.ts;
  } catch (e) {
    ctx.debug(
      `Slack: cannot read the thread ${threadTs} (${fail(e, 'conversations.replies', channel).code}): replying in it.`,
    );
    return undefined;
  }
}

// ── Mentions ───────────────────────────────────────────────────────────────────────────────────────────

/** The first of these GitHub logins that `slack-users` maps to a Slack member ID. */
function mentionFromMap(
  settings: SlackSettings,
  ctx: SinkContext,
  logins: ReadonlyArray<string | undefined>,
): string | undefined {
  for (const login of logins) {
    if (login === undefined) continue;
    const id = settings.users[login.toLowerCase()];
    if (id === undefined) continue;
    if (isMemberId(id)) return id;
    ctx.debug(
      `Slack: slack-users maps ${login} to something that is not a member ID (U… or W…): no mention.`,
    );
  }
  return undefined;
}

/**
 * Who to mention: only someone GitHub vouches for. The author of a verified (signed) commit that is a GitHub
 * user, else the author of the pull request (the account that opened it), mapped by `slack-users`; without an
 * entry, the verified commit's email looked up (`lookup`, users.lookupByEmail). A git author email is text
 * anyone can set — a fork's commit can claim any address — so an unverified one is never looked up.
 */
async function mentionOf(
  settings: SlackSettings,
  ctx: SinkContext,
  lookup: ((email: string) => Promise<string | undefined>) | undefined,
): Promise<string | undefined> {
  const author = ctx.verifiedAuthor ? await ctx.verifiedAuthor() : { why: 'no verified author' };
  const mapped = mentionFromMap(settings, ctx, [author.login, ctx.report.change.pullRequest?.author]);
  if (mapped !== undefined) return mapped;
  if (author.email === undefined) {
    ctx.debug(
      `Slack: no mention: ${author.why ?? 'the verified commit has no email'} (map the login in slack-users).`,
    );
    return undefined;
  }
  return lookup?.(author.email);
}

/** A verified commit's author by email (`users.lookupByEmail`, scope users:read.email), or undefined with a debug line. */
async function lookupMention(
  client: WebClient,
  email: string,
  ctx: SinkContext,
  fail: Fail,
): Promise<string | undefined> {
  try {
    const r = await client.users.lookupByEmail({ email });
    const u = r.user;
    if (u?.deleted || u?.is_bot || !isMemberId(u?.id)) {
      ctx.debug('Slack: the commit author found by email is no active person: no mention.');
      return undefined;
    }
    return u.id;
  } catch (e) {
    const f = fail(e, 'users.lookupByEmail');
    ctx.debug(
      f.code === 'missing_scope'
        ? `Slack: no mention: looking the commit author up by email needs ${neededOf(e) ?? 'users:read.email'} (or map the login in slack-users).`
        : f.code === 'users_not_found'
          ? 'Slack: no mention: no Slack member has the commit email (map the login in slack-users).'
          : `Slack: no mention: users.lookupByEmail failed (${f.code}).`,
    );
    return undefined;
  }
}

// ── Errors ─────────────────────────────────────────────────────────────────────────────────────────────

interface ErrorShape {
  code?: unknown;
  data?: { error?: unknown; needed?: unknown; errors?: unknown };
  statusCode?: unknown;
  statusMessage?: unknown;
  body?: unknown;
  retryAfter?: unknown;
  original?: unknown;
  cause?: unknown;
  message?: unknown;
  name?: unknown;
}

const shape = (e: unknown): ErrorShape => (typeof e === 'object' && e !== null ? e : {});

function neededOf(e: unknown): string | undefined {
  const n = shape(e).data?.needed;
  return typeof n === 'string' && /^[\w:.,]+$/.test(n) ? n : undefined;
}

/** The network cause of a request error: ECONNREFUSED, ENOTFOUND, a timeout, … */
function networkCause(e: unknown, timeoutMs: number): string {
  let cur: unknown = e;
  for (let i = 0; i < 5 && typeof cur === 'object' && cur !== null; i++) {
    const o = shape(cur);
    if (o.name === 'TimeoutError' || o.name === 'AbortError') return timedOut(timeoutMs);
    if (typeof o.code === 'string' && /^(?:E[A-Z]+|UND_ERR\w*|CERT\w*|\w*_CERT\w*)$/.test(o.code))
      return o.code;
    cur = o.original ?? o.cause;
  }
  const m = shape(e).message;
  return typeof m === 'string' ? m : 'network error';
}

/** A Web API error, told with its fix. */
function apiFailure(
  e: unknown,
  method: string,
  channel: string,
  apiUrl: string,
  retry: RetryOptions | undefined,
  timeoutMs: number,
  secrets: readonly string[],
): Failure {
  const o = shape(e);
  const where = `${method}${channel ? ` to ${channel}` : ''}`;
  if (o.code === WebApiErrorCode.PlatformError) {
    const error = typeof o.data?.error === 'string' ? clean(o.data.error, secrets, 80) : 'unknown_error';
    const needed = neededOf(e);
    let fix: string;
    switch (error) {
      case 'channel_not_found':
        fix = 'check slack-channel: a channel ID such as C0123456789, or #name';
        break;
      case 'not_in_channel':
        fix = `invite the app: /invite @your-app in ${channel || 'the channel'}`;
        break;
      case 'is_archived':
        fix = 'the channel is archived: unarchive it or choose another slack-channel';
        break;
      case 'invalid_auth':
      case 'not_authed':
      case 'token_revoked':
      case 'account_inactive':
      case 'token_expired':
        fix = 'check slack-bot-token (the bot token, xoxb-…, of an app installed in the workspace)';
        break;
      case 'missing_scope':
        fix = `add the ${needed ?? 'missing'} scope to the Slack app and reinstall it`;
        break;
      case 'invalid_blocks':
      case 'invalid_blocks_format':
      case 'msg_too_long':
      case 'invalid_metadata_format':
        fix = `Slack rejected the message${Array.isArray(o.data?.errors) ? ` (${clean(o.data.errors.map(String).join('; '), secrets, 200)})` : ''}; please report this ci-triage bug`;
        break;
      case 'ratelimited':
      case 'rate_limited':
        fix =
          'Slack limits how fast an app posts: try again later, or send fewer messages (slack-min-severity, slack-daily-cap)';
        break;
      default:
        fix = 'see https://docs.slack.dev/reference/methods/' + method;
    }
    return {
      code: error,
      message: `Slack: ${where} failed: ${error}${error === 'missing_scope' && needed ? ` (needs ${needed})` : ''} — ${fix}`,
      fatal:
        FATAL_AUTH.has(error) ||
        (error === 'missing_scope' && method.startsWith('chat.')) ||
        error === 'ratelimited' ||
        error === 'rate_limited',
      channelLevel: CHANNEL_ERRORS.has(error),
    };
  }
  const message = typeof o.message === 'string' ? o.message : String(e);
  if (o.code === WebApiErrorCode.RateLimitedError || /rate limit was exceeded/i.test(message)) {
    return {
      code: 'ratelimited',
      message: `Slack: ${where} failed: ratelimited (HTTP 429) after ${retry?.retries ?? 0} retries honouring Retry-After — Slack limits how fast an app calls it: try again later, or send fewer messages (slack-min-severity, slack-daily-cap)`,
      fatal: true,
      channelLevel: false,
    };
  }
  if (o.code === WebApiErrorCode.HTTPError) {
    const status = typeof o.statusCode === 'number' ? o.statusCode : 0;
    return {
      code: `http_${status}`,
      message: `Slack: ${where} failed: HTTP ${status}${typeof o.statusMessage === 'string' && o.statusMessage ? ` ${clean(o.statusMessage, secrets, 60)}` : ''} — ${
        status === 404 || status === 410
          ? `check slack-api-url (${clean(apiUrl, secrets, 100)}): it must be a Slack Web API base URL ending in /api/`
          : 'Slack is having trouble: try again later'
      }`,
      // A server error is this request's; a wrong URL is every request's.
      fatal: status < 500,
      channelLevel: false,
    };
  }
  if (o.code === WebApiErrorCode.RequestError) {
    const cause = networkCause(e, timeoutMs);
    const reached = !NOT_REACHED.test(cause);
    return {
      code: reached ? 'no_answer' : 'unreachable',
      message: reached
        ? `Slack: ${where} failed: ${/^timed out/.test(cause) ? cause : `no answer (${clean(cause, secrets, 120)})`} — the other messages were still sent; if it keeps happening, check the runner's network access to ${clean(apiUrl, secrets, 100)}`
        : `Slack: ${where} failed: the Slack API${apiUrl ? ` at ${clean(apiUrl, secrets, 100)}` : ''} is unreachable (${clean(cause, secrets, 120)}) — check slack-api-url and the runner's network access`,
      fatal: !reached,
      channelLevel: false,
    };
  }
  return {
    code: 'error',
    message: `Slack: ${where} failed: ${clean(message, secrets, 200)}`,
    fatal: true,
    channelLevel: false,
  };
}

/** Network causes that mean the request never reached Slack. */
const NOT_REACHED = /^(?:ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)$/;

/** Slack's errors that say the operation may have been done in part (https://docs.slack.dev/reference/methods/chat.postMessage). */
const MAYBE_DONE = new Set(['fatal_error', 'internal_error', 'service_unavailable']);

/** A failed Web API write: did it go through (a 5xx, a timeout, a dropped connection, `fatal_error`: maybe)? */
function slackWriteFailure(e: unknown, timeoutMs: number): WriteFailure {
  const o = shape(e);
  if (o.code === WebApiErrorCode.PlatformError) {
    const error = typeof o.data?.error === 'string' ? o.data.error : 'unknown_error';
    return { fate: MAYBE_DONE.has(error) ? 'unknown' : 'refused', text: `ok: false, ${error}` };
  }
  if (o.code === WebApiErrorCode.RateLimitedError) {
    const after = typeof o.retryAfter === 'number' ? o.retryAfter : 1;
    return { fate: 'not-sent', text: 'HTTP 429 ratelimited', retryAfterMs: after * 1000 };
  }
  if (o.code === WebApiErrorCode.HTTPError) {
    const status = typeof o.statusCode === 'number' ? o.statusCode : 0;
    return { fate: status >= 500 ? 'unknown' : 'refused', text: `HTTP ${status}` };
  }
  const cause = networkCause(e, timeoutMs);
  if (NOT_REACHED.test(cause)) return { fate: 'not-sent', text: `unreachable (${cause})` };
  return { fate: 'unknown', text: /^timed out/.test(cause) ? cause : `no answer (${cause})` };
}

/** An incoming webhook error, told with its fix (never with the webhook URL, a secret). */
function webhookFailure(e: unknown, timeoutMs: number, secrets: readonly string[]): Failure {
  const o = shape(e);
  if (o.code === WebhookErrorCode.HTTPError) {
    const status = typeof o.statusCode === 'number' ? o.statusCode : 0;
    const body = typeof o.body === 'string' ? clean(o.body, secrets, 80) : '';
    const error = /^[a-z_]+$/.test(body) ? body : '';
    const what = `HTTP ${status}${error ? ` ${error}` : ''}`;
    let fix: string;
    let fatal = true;
    if (
      status === 404 ||
      error === 'no_service' ||
      error === 'no_team' ||
      error === 'invalid_token' ||
      error === 'no_service_id'
    )
      fix =
        'the incoming webhook is disabled, removed or invalid: check slack-webhook-url (or create a new webhook for the app)';
    else if (status === 410)
      fix = 'the webhook’s channel is archived: unarchive it or create a webhook for another channel';
    else if (status === 429)
      fix =
        'Slack limits how fast a webhook posts: try again later, or send fewer messages (slack-min-severity)';
    else if (status === 403)
      fix = 'the workspace does not allow this webhook to post here (action_prohibited): ask a Slack admin';
    else if (status === 400) {
      fix = `Slack could not read the message (${error || 'bad request'}); please report this ci-triage bug`;
      fatal = false;
    } else {
      // A server error: the message may have been posted all the same, and a webhook cannot be read back to
      // know, so it is not sent again; the others still go.
      fix =
        status >= 500
          ? 'Slack is having trouble; the message may have been posted all the same, so it was not sent again'
          : 'Slack is having trouble: try again later';
      fatal = status < 500;
    }
    return {
      code: error || `http_${status}`,
      message: `Slack: the incoming webhook answered ${what} — ${fix}`,
      fatal,
      channelLevel: false,
    };
  }
  if (o.code === WebhookErrorCode.RequestError) {
    const cause = networkCause(e, timeoutMs);
    const reached = !NOT_REACHED.test(cause);
    return {
      code: reached ? 'no_answer' : 'unreachable',
      message: reached
        ? `Slack: the incoming webhook gave no answer (${clean(cause, secrets, 120)}); the message may have been posted all the same, so it was not sent again`
        : `Slack: the incoming webhook is unreachable (${clean(cause, secrets, 120)}) — check slack-webhook-url and the runner's network access`,
      fatal: !reached,
      channelLevel: false,
    };
  }
  const message = typeof o.message === 'string' ? o.message : String(e);
  return {
    code: 'error',
    message: `Slack: the incoming webhook failed: ${clean(message, secrets, 200)}`,
    fatal: true,
    channelLevel: false,
  };
}

/** The SDK's log lines, redacted, as debug lines (the SDK would print to the console). */
function sdkLogger(debug: (m: string) => void, secrets: readonly string[]): Logger {
  let level = LogLevel.INFO;
  const log =
    (label: string) =>
    (...msg: unknown[]) =>
      debug(
        `Slack SDK ${label}: ${clean(msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' '), secrets, 500)}`,
      );
  return {
    debug: () => undefined,
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
