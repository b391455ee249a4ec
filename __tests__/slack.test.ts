import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Explanation } from '../src/analyze/analyzer.js';
import type { SlackSettings } from '../src/config/settings.js';
import type { Recurrence } from '../src/history/analysis.js';
import type { Finding } from '../src/pipeline/analyze-log.js';
import { AuditLog } from '../src/publish/audit.js';
import type { SinkContext, VerifiedAuthor } from '../src/publish/sink.js';
import { createSlackSink, type SlackSinkOptions } from '../src/publish/slack.js';
import { groupByFingerprint } from '../src/report/groups.js';
import {
  renderSlackMessage,
  SLACK_ESCALATION_EVENT_TYPE,
  SLACK_EVENT_TYPE,
  SLACK_LIMITS,
} from '../src/report/slack-blocks.js';
import type { TriageReport } from '../src/report/types.js';
import { analyze, CHANGE, fixture, job, report, RUN, unitTestSteps, variant } from './report-fixtures.js';
import {
  type FakeChannel,
  type FakeSlack,
  FakeSlackState,
  type RecordedSlackRequest,
  startFakeSlack,
  WORKSPACE_URL,
} from './helpers/fake-slack.js';

const NOW = new Date('2026-05-06T14:00:00Z');
const TOKEN = 'xoxb-1234567890-0987654321-ciTriageFakeToken01';
const FAST: SlackSinkOptions = {
  retryConfig: { retries: 2, factor: 1, minTimeout: 20, maxTimeout: 50 },
  timeoutMs: 5000,
};
const LINE_URL = `${RUN.htmlUrl}/job/12#step:6:44`;
const JIRA = { key: 'CI-42', url: 'https://acme.atlassian.net/browse/CI-42' };
const OTHER_FP = '0123456789abcdef';

let base: Finding;
let slack: FakeSlack;
let alerts: FakeChannel;
let debug: string[];

beforeEach(async () => {
  base ??= await analyze(fixture('github-go-test-terraform.log'));
  const state = new FakeSlackState();
  state.now = () => NOW.getTime();
  state.addToken(TOKEN);
  alerts = state.addChannel({ name: 'ci-alerts' });
  slack = await startFakeSlack(state);
  debug = [];
});

afterEach(async () => {
  await slack.close();
});

/** Two distinct failures: the terraform unit test (high) and a lint error (medium) of another fingerprint. */
function twoFailures(extra: Parameters<typeof report>[1] = {}): TriageReport {
  return report(
    [
      { job: job(12, 'Unit Tests'), finding: variant(base, { severity: 'high' }) },
      {
        job: job(13, 'Lint', unitTestSteps('Run golangci-lint')),
        finding: variant(base, { fingerprint: OTHER_FP, severity: 'medium', failureType: 'lint_error' }),
      },
    ],
    extra,
  );
}

const withRun = (patch: Partial<typeof RUN>) => ({ run: { ...RUN, ...patch } });
/** The commit's author as GitHub vouches for them (or not), for `SinkContext.verifiedAuthor`. */
const verified =
  (a: VerifiedAuthor): (() => Promise<VerifiedAuthor>) =>
  () =>
    Promise.resolve(a);
const withCommit = (patch: Partial<typeof CHANGE.commit>) => ({
  change: { ...CHANGE, commit: { ...CHANGE.commit, ...patch } },
});

function settings(patch: Partial<SlackSettings> = {}): SlackSettings {
  return {
    botToken: TOKEN,
    webhookUrl: '',
    channel: alerts.id,
    channelBySeverity: {},
    users: {},
    minSeverity: 'low',
    dailyCap: 50,
    apiUrl: slack.apiUrl,
    escalationChannel: '',
    ...patch,
  };
}

function context(r: TriageReport, patch: Partial<SinkContext> = {}): SinkContext {
  return {
    report: r,
    groups: groupByFingerprint(r),
    audit: new AuditLog(),
    dryRun: false,
    secrets: [],
    now: () => NOW,
    debug: (m) => debug.push(m),
    refs: new Map(),
    ...patch,
  };
}

const publish = (s: SlackSettings, ctx: SinkContext, options: SlackSinkOptions = FAST) =>
  createSlackSink(s, options).publish(ctx);

/** The text a request carried, decoded from its form or JSON encoding: what Slack would read. */
function decoded(r: RecordedSlackRequest): string {
  const type = String(r.headers['content-type'] ?? '');
  if (type.startsWith('application/x-www-form-urlencoded'))
    return [...new URLSearchParams(r.raw).values()].join('\n');
  return r.raw;
}

interface Block {
  type: string;
  text?: { type: string; text: string };
  fields?: Array<{ text: string }>;
  elements?: Array<{ type: string; text: string | { text: string }; url?: string }>;
}
const blocksOf = (r: RecordedSlackRequest | undefined): Block[] => (r?.body.blocks ?? []) as Block[];
const sectionTexts = (blocks: Block[]) =>
  blocks.filter((b) => b.type === 'section' && b.text).map((b) => b.text?.text ?? '');
const contextText = (blocks: Block[]) =>
  blocks
    .filter((b) => b.type === 'context')
    .flatMap((b) => b.elements ?? [])
    .map((e) => (typeof e.text === 'string' ? e.text : e.text.text))
    .join(' ');
const buttons = (blocks: Block[]) =>
  blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .map((e) => ({ text: typeof e.text === 'string' ? e.text : e.text.text, url: e.url }));

describe('Slack sink with a bot token', () => {
  it('posts a message per failure: header, fields, the excerpt as code, buttons (Jira from refs) and metadata', async () => {
    const r = twoFailures();
    const ctx = context(r);
    const [unit] = ctx.groups;
    ctx.refs.set(unit!.fingerprint, { jira: JIRA });
    const out = await publish(settings(), ctx);

    expect(out.status).toBe('ok');
    expect(out.items).toEqual([
      { fingerprint: unit!.fingerprint, action: 'created', target: alerts.id },
      { fingerprint: OTHER_FP, action: 'created', target: alerts.id },
    ]);
    expect(slack.state.messagesIn(alerts.id)).toHaveLength(2);

    const [post] = slack.requestsTo('chat.postMessage');
    expect(post?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(post?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(post?.raw).not.toContain(TOKEN);
    const blocks = blocksOf(post);
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '[ci-triage] test_failure in Unit Tests', emoji: false },
    });
    expect(post?.body.text).toBe('[ci-triage] test_failure in Unit Tests');
    const fields = blocks.find((b) => b.fields)?.fields?.map((f) => f.text);
    expect(fields).toEqual([
      '*Repository*\nhashicorp/terraform',
      '*Branch*\nfix-cloud-config',
      '*Job*\nUnit Tests',
      '*Step*\nUnit tests',
      '*Type*\ntest_failure',
      '*Severity*\n🟠 high',
      `*Fingerprint*\n\`${unit!.fingerprint}\``,
    ]);
    const excerpt = sectionTexts(blocks).find((t) => t.includes('```'));
    expect(excerpt).toMatch(/^\*Lines \d+–\d+ of the log\*/);
    expect(excerpt).toMatch(/44 ▶ {9}testing\.go:192: missing API token/);
    expect(excerpt?.endsWith('\n```')).toBe(true);
    expect(contextText(blocks)).toContain(
      `Commit <${CHANGE.commit.htmlUrl}|5bd6c0a> cloud: read the token from the environment`,
    );
    expect(buttons(blocks)).toEqual([
      { text: 'Open the run', url: RUN.htmlUrl },
      { text: 'Line 44 of step 6', url: LINE_URL },
      { text: 'Pull request #30876', url: CHANGE.pullRequest!.htmlUrl },
      { text: 'Jira CI-42', url: JIRA.url },
    ]);
    expect(post?.body.metadata).toEqual({
      event_type: SLACK_EVENT_TYPE,
      event_payload: {
        fingerprint: unit!.fingerprint,
        repository: 'hashicorp/terraform',
        run_id: RUN.id,
        run_attempt: 1,
        workflow: 'Quick Checks',
      },
    });
    // The second failure has no Jira ticket: no Jira button.
    const second = slack.requestsTo('chat.postMessage')[1];
    expect(buttons(blocksOf(second)).map((b) => b.text)).not.toContain('Jira CI-42');
    expect(blocksOf(second)[0]?.text?.text).toBe('[ci-triage] lint_error in Lint');

    // Read before posting: 7 days of history with metadata; and after each post, since that first read, for a
    // concurrent run's message of the same failure.
    const [history, ...more] = slack.requestsTo('conversations.history');
    expect(more).toHaveLength(2);
    for (const m of more) expect(Number(m.body.oldest)).toBe(NOW.getTime() / 1000 - 300);
    expect(history?.body).toMatchObject({
      channel: alerts.id,
      limit: '200',
      include_all_metadata: 'true',
      oldest: ((NOW.getTime() - 7 * 86_400_000) / 1000).toFixed(6),
    });
    // Audited: intent before, ok after.
    const records = ctx.audit.records.filter((x) => x.sink === 'slack');
    expect(records.map((x) => `${x.action} ${x.status}`)).toEqual([
      'post intent',
      'post ok',
      'post intent',
      'post ok',
    ]);
    expect(records[1]?.detail).toMatch(/^ts \d+\.\d{6}$/);
    // Nothing recorded in refs.
    expect([...ctx.refs.keys()]).toEqual([unit!.fingerprint]);
  });

  it('includes the model explanation when there is one', async () => {
    const r = twoFailures();
    const explanation: Explanation = {
      provider: 'anthropic',
      model: 'claude-test',
      promptVersion: 'v1',
      cause: 'The test needs TF_TOKEN, see https://evil.example/x <!channel>',
      fix: 'Set the token in the environment.',
      citedLines: [44],
      affectedFiles: [],
      confidence: 0.8,
      ticketTitle: 'Missing token',
      description: 'd',
      typeRefinedByModel: false,
      usage: { inputTokens: 1, outputTokens: 1, calls: 1 },
      promptTokensEstimate: 1,
      truncated: [],
    };
    r.jobs[0]!.explanation = explanation;
    await publish(settings(), context(r));
    const texts = sectionTexts(blocksOf(slack.requestsTo('chat.postMessage')[0]));
    const x = texts.find((t) => t.startsWith('*Explanation*'));
    expect(x).toContain('model `claude-test`, grounded in line 44');
    expect(x).toContain(
      '*Cause:* The test needs TF_TOKEN, see https:\u200b//evil.example/x &lt;!channel&gt;',
    );
    expect(x).toContain('*Suggested fix:* Set the token in the environment.');
  });

  it('mentions the verified commit author mapped in slack-users, and nobody else', async () => {
    const r = twoFailures(
      withCommit({ authorLogin: 'OctoCat', author: 'octocat', authorEmail: 'mona@example.com' }),
    );
    await publish(
      settings({ users: { octocat: 'U0MONA1234' } }),
      context(r, { verifiedAuthor: verified({ login: 'OctoCat', email: 'mona@example.com' }) }),
    );
    const posts = slack.requestsTo('chat.postMessage');
    expect(contextText(blocksOf(posts[0]))).toContain('by octocat <@U0MONA1234>');
    expect(slack.requestsTo('users.lookupByEmail')).toHaveLength(0);
    for (const p of posts) expect(decoded(p).match(/<[@!]/g)).toEqual(['<@']);
  });

  it('falls back to the PR author for the map when the commit has no login', async () => {
    await publish(settings({ users: { octocat: 'U0MONA1234' } }), context(twoFailures()));
    expect(contextText(blocksOf(slack.requestsTo('chat.postMessage')[0]))).toContain('<@U0MONA1234>');
  });

  it('looks the author of a verified commit up by email once per run when the login is not mapped', async () => {
    slack.state.addUser({ email: 'mona@example.com', id: 'U0MONA9999' });
    const r = twoFailures(
      withCommit({ authorLogin: 'mona', author: 'mona', authorEmail: 'Mona@Example.com' }),
    );
    await publish(
      settings(),
      context(r, { verifiedAuthor: verified({ login: 'mona', email: 'Mona@Example.com' }) }),
    );
    const lookups = slack.requestsTo('users.lookupByEmail');
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.body.email).toBe('Mona@Example.com');
    for (const p of slack.requestsTo('chat.postMessage'))
      expect(contextText(blocksOf(p))).toContain('by mona <@U0MONA9999>');
  });

  it('never looks up the email of a commit that is not verified: anyone can write any email into a commit', async () => {
    slack.state.addUser({ email: 'mona@example.com', id: 'U0MONA9999' });
    const r = twoFailures(
      withCommit({ authorLogin: 'mona', author: 'mona', authorEmail: 'mona@example.com' }),
    );
    const out = await publish(
      settings({ users: { mona: 'U0MONA9999' } }),
      context(r, { verifiedAuthor: verified({ why: 'commit 0123456 is not verified (unsigned)' }) }),
    );
    expect(out.status).toBe('ok');
    expect(slack.requestsTo('users.lookupByEmail')).toHaveLength(0);
    // The commit names mona (by its email), but only a verified commit's author is mapped either.
    for (const p of slack.requestsTo('chat.postMessage')) expect(decoded(p)).not.toContain('<@');
    expect(debug.join('\n')).toContain('commit 0123456 is not verified');
  });

  it('mentions nobody when the email lookup finds no one or lacks users:read.email, and says so in debug', async () => {
    const r = twoFailures(withCommit({ authorLogin: 'mona', authorEmail: 'nobody@example.com' }));
    const who = { verifiedAuthor: verified({ login: 'mona', email: 'nobody@example.com' }) };
    const out = await publish(settings(), context(r, who));
    expect(out.status).toBe('ok');
    expect(debug.join('\n')).toContain('no Slack member has the commit email');
    expect(contextText(blocksOf(slack.requestsTo('chat.postMessage')[0]))).not.toContain('<@');

    slack.state.addToken('xoxb-no-email-scope', ['chat:write', 'channels:history']);
    debug = [];
    const out2 = await publish(settings({ botToken: 'xoxb-no-email-scope' }), context(r, who));
    expect(out2.status).toBe('ok');
    expect(debug.join('\n')).toContain('needs users:read.email');
  });

  it('routes a severity to its channel, resolving #name with conversations.list', async () => {
    const escalations = slack.state.addChannel({ name: 'ci-escalations' });
    const out = await publish(
      settings({ channelBySeverity: { high: '#ci-escalations' } }),
      context(twoFailures()),
    );
    expect(out.status).toBe('ok');
    expect(out.items.map((i) => i.target)).toEqual(['#ci-escalations', alerts.id]);
    expect(slack.state.messagesIn(escalations.id).map((m) => m.text)).toEqual([
      '[ci-triage] test_failure in Unit Tests',
    ]);
    expect(slack.state.messagesIn(alerts.id).map((m) => m.text)).toEqual(['[ci-triage] lint_error in Lint']);
    expect(slack.requestsTo('conversations.list')).toHaveLength(1);
    // Each channel read before its post, and again after it.
    expect(slack.requestsTo('conversations.history').map((h) => h.body.channel)).toEqual([
      escalations.id,
      escalations.id,
      alerts.id,
      alerts.id,
    ]);
  });

  it('updates the message on a new attempt of the same run instead of posting another', async () => {
    await publish(settings(), context(twoFailures()));
    const before = slack.state.messagesIn(alerts.id).map((m) => m.ts);
    const posted = slack.requestsTo('chat.postMessage').length;

    const out = await publish(settings(), context(twoFailures(withRun({ attempt: 2 }))));
    expect(out.status).toBe('ok');
    expect(out.items.map((i) => i.action)).toEqual(['updated', 'updated']);
    expect(slack.requestsTo('chat.postMessage')).toHaveLength(posted);
    const updates = slack.requestsTo('chat.update');
    expect(updates.map((u) => u.body.ts)).toEqual(before);
    expect(updates[0]?.body.metadata).toMatchObject({ event_payload: { run_id: RUN.id, run_attempt: 2 } });
    expect(contextText(blocksOf(updates[0]))).toContain('run attempt 2');
    const after = slack.state.messagesIn(alerts.id, true);
    expect(after.map((m) => m.ts)).toEqual(before);
    expect(after.every((m) => m.edited !== undefined)).toBe(true);
  });

  it('replies in the thread of the first message when an earlier run had the same failure, and updates that reply on a new attempt', async () => {
    await publish(settings(), context(twoFailures(withRun({ id: 1001 }))));
    await publish(settings(), context(twoFailures(withRun({ id: 1002 }))));
    const first = slack.state.messagesIn(alerts.id);
    expect(first).toHaveLength(2);
    const replies = slack.requestsTo('chat.postMessage').slice(2);
    expect(replies.map((p) => p.body.thread_ts)).toEqual(first.map((m) => m.ts));
    expect(replies[0]?.body.metadata).toMatchObject({ event_payload: { run_id: 1002 } });
    expect(slack.state.repliesTo(alerts.id, first[0]!.ts)).toHaveLength(1);

    // Attempt 2 of run 1002: the reply is updated, no second reply.
    const out = await publish(settings(), context(twoFailures(withRun({ id: 1002, attempt: 2 }))));
    expect(out.items.map((i) => i.action)).toEqual(['updated', 'updated']);
    expect(slack.requestsTo('chat.postMessage')).toHaveLength(4);
    expect(slack.state.repliesTo(alerts.id, first[0]!.ts)).toHaveLength(1);
    expect(slack.requestsTo('chat.update')[0]?.body.ts).toBe(
      slack.state.repliesTo(alerts.id, first[0]!.ts)[0]?.ts,
    );
  });

  it("another app's message with our metadata is not ours: neither replied to nor updated", async () => {
    const r = twoFailures(withRun({ id: 1002 }));
    const spoof = slack.state.addMessage({
      channel: alerts.id,
      text: 'fake',
      bot_id: 'B0MALLORY',
      user: 'U0MALLORY',
      app_id: 'A0MALLORY',
      metadata: {
        event_type: SLACK_EVENT_TYPE,
        // As if an earlier run of this repository had posted the failure, and this very run had too.
        event_payload: { fingerprint: OTHER_FP, repository: `${r.run.owner}/${r.run.repo}`, run_id: 1002 },
      },
    });
    const out = await publish(settings(), context(r));
    expect(out.items.map((i) => i.action)).toEqual(['created', 'created']);
    expect(slack.requestsTo('chat.update')).toEqual([]);
    expect(slack.requestsTo('chat.postMessage').map((p) => p.body.thread_ts)).toEqual([undefined, undefined]);
    expect(slack.state.repliesTo(alerts.id, spoof.ts)).toEqual([]);
  });

  it('a post whose answer is lost (503) is found in the channel by its metadata, not posted twice', async () => {
    slack.state.fault({ method: 'chat.postMessage', kind: 'ghost', status: 503 });
    const ctx = context(twoFailures());
    const out = await publish(settings(), ctx);
    expect(out.status).toBe('ok');
    expect(out.items.map((i) => i.action)).toEqual(['created', 'created']);
    expect(slack.state.messagesIn(alerts.id)).toHaveLength(2);
    expect(slack.requestsTo('chat.postMessage')).toHaveLength(2);
    expect(ctx.audit.records.map((x) => `${x.action} ${x.status} ${x.detail ?? ''}`.trim())).toEqual([
      'post intent',
      'post error HTTP 503',
      'post intent',
      expect.stringMatching(/^post ok ts /),
    ]);
  });

  it('a failure from an earlier run in another repository is a new message', async () => {
    slack.state.addMessage({
      channel: alerts.id,
      text: 'old',
      metadata: {
        event_type: SLACK_EVENT_TYPE,
        event_payload: {
          fingerprint: OTHER_FP,
          repository: 'other/repo',
          run_id: 1,
          run_attempt: 1,
          workflow: 'CI',
        },
      },
    });
    const out = await publish(settings(), context(twoFailures()));
    expect(out.items.map((i) => i.action)).toEqual(['created', 'created']);
  });

  it('keeps the daily cap, counted from ci-triage messages posted since 00:00 UTC', async () => {
    const ours = (ts: number, fp: string) =>
      slack.state.addMessage({
        channel: alerts.id,
        ts: `${ts}.000100`,
        text: 'x',
        metadata: {
          event_type: SLACK_EVENT_TYPE,
          event_payload: {
            fingerprint: fp,
            repository: 'hashicorp/terraform',
            run_id: 7,
            run_attempt: 1,
            workflow: 'CI',
          },
        },
      });
    const today = Date.UTC(2026, 4, 6) / 1000;
    for (let i = 0; i < 2; i++) ours(today + 60 * i, `aaaaaaaaaaaaaa0${i}`);
    for (let i = 0; i < 5; i++) ours(today - 3600 * (i + 1), `bbbbbbbbbbbbbb0${i}`);
    // Someone else's message today does not count.
    slack.state.addMessage({
      channel: alerts.id,
      ts: `${today + 5}.000000`,
      text: 'hello',
      bot_id: undefined,
      user: 'U0PERSON1',
    });

    const ctx = context(twoFailures());
    const out = await publish(settings({ dailyCap: 3 }), ctx);
    expect(out.status).toBe('ok');
    expect(out.items).toHaveLength(1);
    expect(out.message).toContain(`1 new message not posted in ${alerts.id}: daily cap reached (3 of 3)`);
    expect(slack.requestsTo('chat.postMessage')).toHaveLength(1);
    expect(ctx.audit.records.at(-1)).toMatchObject({
      status: 'skipped',
      detail: 'daily cap reached (3 of 3)',
    });

    // Full: nothing new is posted at all.
    const again = await publish(settings({ dailyCap: 3 }), context(twoFailures(withRun({ id: 99 }))));
    // The same failures from an earlier run are thread replies, which the cap does not limit.
    expect(again.items.map((i) => i.action)).toEqual(['replied']);
    const full = await publish(
      settings({ dailyCap: 2 }),
      context(report([{ job: job(20, 'E2E'), finding: variant(base, { fingerprint: 'cccccccccccccccc' }) }])),
    );
    expect(full.status).toBe('skipped');
    expect(full.message).toContain('daily cap reached (3 of 2)');
  });

  it('publishes only failures at or above the minimum severity', async () => {
    const sink = createSlackSink(settings({ minSeverity: 'high' }), FAST);
    const r = twoFailures();
    expect(sink.plannedFailures(groupByFingerprint(r), r)).toHaveLength(1);
    const out = await sink.publish(context(r));
    expect(out.items).toHaveLength(1);
    expect(slack.state.messagesIn(alerts.id)).toHaveLength(1);

    const none = await createSlackSink(settings({ minSeverity: 'critical' }), FAST).publish(context(r));
    expect(none.status).toBe('skipped');
    expect(none.message).toContain('no failure at or above critical');
    expect(slack.requestsTo('chat.postMessage')).toHaveLength(1);
  });

  it('dry-run sends no request and previews the messages', async () => {
    const ctx = context(twoFailures(), { dryRun: true });
    const out = await publish(settings({ users: { octocat: 'U0MONA1234' } }), ctx);
    expect(slack.requests).toHaveLength(0);
    expect(out.status).toBe('dry-run');
    expect(out.items).toEqual([
      { fingerprint: ctx.groups[0]!.fingerprint, action: 'would-create', target: alerts.id },
      { fingerprint: OTHER_FP, action: 'would-create', target: alerts.id },
    ]);
    expect(out.preview).toContain(`→ ${alerts.id}\n[ci-triage] test_failure in Unit Tests`);
    expect(out.preview).toContain('testing.go:192: missing API token');
    expect(out.preview).toContain(`Open the run: ${RUN.htmlUrl}`);
    expect(ctx.audit.records.map((x) => `${x.action} ${x.status} ${x.detail ?? ''}`)).toEqual([
      'post skipped dry-run',
      'post skipped dry-run',
    ]);
  });
});

const FIRST_RUN_URL = 'https://github.com/hashicorp/terraform/actions/runs/555';

/** The history's word on a failure (by hand): seen in 4 runs, escalating with this one. */
function recurrence(fingerprint: string, patch: Partial<Recurrence> = {}): Recurrence {
  return {
    fingerprint,
    occurrences: 4,
    firstSeen: { time: '2026-04-20T09:30:00Z', runId: 555, runUrl: FIRST_RUN_URL, runNumber: 12 },
    branches: ['fix-cloud-config', 'main'],
    prs: [30870, 30876],
    recurring: true,
    escalate: true,
    escalatedBefore: false,
    flaky: false,
    evidence: [],
    generic: false,
    ...patch,
  };
}

/** A report with a history: a 30-day window, escalation at 3 runs. */
function withHistory(r: TriageReport, ...recurrences: Recurrence[]): TriageReport {
  r.history = {
    windowDays: 30,
    threshold: 3,
    recurrences: Object.fromEntries(recurrences.map((x) => [x.fingerprint, x])),
    trends: { windowDays: 30, byType: [], top: [], workflows: [], timeToGreen: { samples: 0 }, records: 0 },
    cost: { calls: 0, snapshots: 0, ms: 0 },
  };
  return r;
}

describe('Slack sink: recurrence and escalation (from the history)', () => {
  /** The unit test failure (high) alone, of a run. */
  const unitTests = (run: Partial<typeof RUN> = {}) =>
    report([{ job: job(12, 'Unit Tests'), finding: variant(base, { severity: 'high' }) }], withRun(run));
  const SEEN =
    `🔁 *Seen in 4 runs in the last 30 days* — first in <${FIRST_RUN_URL}|run #12> on 2026-04-20; ` +
    'branches `fix-cloud-config`, `main`; pull requests #30870, #30876';
  const permalink = (channel: string, ts: string, thread?: string) =>
    `${WORKSPACE_URL}archives/${channel}/p${ts.replace('.', '')}${thread ? `?thread_ts=${thread}&cid=${channel}` : ''}`;

  it('escalates: a reply broadcast in the thread of the first message, an announcement in the escalation channel; attempt 2 updates both', async () => {
    const escalations = slack.state.addChannel({ name: 'ci-escalations' });
    await publish(settings(), context(unitTests({ id: 1001 })));
    const [first] = slack.state.messagesIn(alerts.id);
    const fp = base.fingerprint;
    const s = settings({ escalationChannel: '#ci-escalations' });

    const ctx = context(withHistory(unitTests(), recurrence(fp)));
    ctx.refs.set(fp, { jira: JIRA });
    const out = await publish(s, ctx);

    expect(out).toEqual({
      sink: 'slack',
      status: 'ok',
      items: [
        { fingerprint: fp, action: 'replied', target: alerts.id },
        { fingerprint: fp, action: 'created', target: '#ci-escalations (escalation)' },
      ],
    });
    // The reply: in the thread, broadcast to the channel, with the history's line.
    const reply = slack.requestsTo('chat.postMessage')[1];
    expect(reply?.body).toMatchObject({ channel: alerts.id, thread_ts: first!.ts, reply_broadcast: 'true' });
    expect(sectionTexts(blocksOf(reply))).toContain(`${SEEN} · ⏫ *escalated* (threshold 3)`);
    const replyTs = slack.state.repliesTo(alerts.id, first!.ts)[0]!.ts;
    expect(slack.state.messagesIn(alerts.id).map((m) => m.ts)).toEqual([first!.ts, replyTs]);

    // The announcement: links to the run, to the reply (chat.getPermalink) and to the Jira ticket; its metadata.
    expect(slack.requestsTo('chat.getPermalink').map((r) => r.body)).toEqual([
      { channel: alerts.id, message_ts: replyTs },
    ]);
    const [announcement, ...others] = slack.state.messagesIn(escalations.id);
    expect(others).toEqual([]);
    expect(announcement?.text).toBe(
      '[ci-triage] Escalated: test_failure in Unit Tests seen in 4 runs in 30 days',
    );
    expect(announcement?.metadata).toEqual({
      event_type: SLACK_ESCALATION_EVENT_TYPE,
      event_payload: {
        fingerprint: fp,
        repository: 'hashicorp/terraform',
        run_id: RUN.id,
        run_attempt: 1,
        workflow: 'Quick Checks',
      },
    });
    const blocks = announcement?.blocks as Block[];
    expect(sectionTexts(blocks)[0]).toBe(
      SEEN.replace('🔁', '⏫').replace('days* —', 'days* (threshold 3) —'),
    );
    expect(buttons(blocks)).toEqual([
      { text: 'Open the run', url: RUN.htmlUrl },
      { text: 'Open the thread', url: permalink(alerts.id, replyTs, first!.ts) },
      { text: 'Jira CI-42', url: JIRA.url },
    ]);
    expect(ctx.audit.records.map((x) => `${x.action} ${x.target} ${x.status}`)).toEqual([
      `reply ${alerts.id} intent`,
      `reply ${alerts.id} ok`,
      'escalate #ci-escalations intent',
      'escalate #ci-escalations ok',
    ]);
    expect(ctx.audit.records[1]?.detail).toBe(
      `ts ${replyTs} in the thread of ${first!.ts}, broadcast to the channel`,
    );

    // Attempt 2 of the run: both messages are updated, nothing new is posted.
    const posts = slack.requestsTo('chat.postMessage').length;
    const ctx2 = context(withHistory(unitTests({ attempt: 2 }), recurrence(fp)));
    const again = await publish(s, ctx2);
    expect(again.items).toEqual([
      { fingerprint: fp, action: 'updated', target: alerts.id },
      { fingerprint: fp, action: 'updated', target: '#ci-escalations (escalation)' },
    ]);
    expect(slack.requestsTo('chat.postMessage')).toHaveLength(posts);
    expect(slack.requestsTo('chat.update').map((u) => [u.body.channel, u.body.ts])).toEqual([
      [alerts.id, replyTs],
      [escalations.id, announcement!.ts],
    ]);
    expect(slack.requestsTo('chat.update')[1]?.body.metadata).toMatchObject({
      event_type: SLACK_ESCALATION_EVENT_TYPE,
      event_payload: { run_id: RUN.id, run_attempt: 2 },
    });
    expect(slack.state.messagesIn(escalations.id)).toHaveLength(1);
    expect(slack.state.repliesTo(alerts.id, first!.ts)).toHaveLength(1);
    expect(ctx2.audit.records.map((x) => `${x.action} ${x.status}`)).toEqual([
      'update intent',
      'update ok',
      'update-escalation intent',
      'update-escalation ok',
    ]);
  });

  it('without slack-escalation-channel: the broadcast reply in the thread only', async () => {
    await publish(settings(), context(unitTests({ id: 1001 })));
    const out = await publish(settings(), context(withHistory(unitTests(), recurrence(base.fingerprint))));
    expect(out.items).toEqual([{ fingerprint: base.fingerprint, action: 'replied', target: alerts.id }]);
    expect(slack.requestsTo('chat.postMessage')[1]?.body.reply_broadcast).toBe('true');
    expect(slack.requestsTo('chat.getPermalink')).toEqual([]);
    expect(
      slack.requests.filter((r) => r.body.channel !== undefined && r.body.channel !== alerts.id),
    ).toEqual([]);
  });

  it("a recurrence that does not escalate: a plain thread reply with the history's line; no announcement", async () => {
    slack.state.addChannel({ name: 'ci-escalations' });
    await publish(settings(), context(unitTests({ id: 1001 })));
    const out = await publish(
      settings({ escalationChannel: '#ci-escalations' }),
      context(
        withHistory(unitTests(), recurrence(base.fingerprint, { escalate: false, escalatedBefore: true })),
      ),
    );
    expect(out.items.map((i) => `${i.action} ${i.target}`)).toEqual([`replied ${alerts.id}`]);
    const reply = slack.requestsTo('chat.postMessage')[1];
    expect(reply?.body.reply_broadcast).toBeUndefined();
    expect(sectionTexts(blocksOf(reply))).toContain(`${SEEN} · escalated earlier`);
  });

  it('escalates a failure with no earlier message in the channel: a new message, announced with a link to it', async () => {
    const escalations = slack.state.addChannel({ name: 'ci-escalations' });
    const out = await publish(
      settings({ escalationChannel: escalations.id }),
      context(withHistory(unitTests(), recurrence(base.fingerprint))),
    );
    expect(out.items.map((i) => `${i.action} ${i.target}`)).toEqual([
      `created ${alerts.id}`,
      `created ${escalations.id} (escalation)`,
    ]);
    const [post] = slack.requestsTo('chat.postMessage');
    expect(post?.body.thread_ts).toBeUndefined();
    expect(post?.body.reply_broadcast).toBeUndefined();
    const [message] = slack.state.messagesIn(alerts.id);
    const [announcement] = slack.state.messagesIn(escalations.id);
    expect(buttons(announcement?.blocks as Block[]).map((b) => b.url)).toEqual([
      RUN.htmlUrl,
      permalink(alerts.id, message!.ts),
    ]);
  });

  it('shows the history and the flaky evidence in the message; untrusted branch names and evidence stay text', async () => {
    const r = withHistory(
      unitTests(),
      recurrence(base.fingerprint, {
        escalate: false,
        branches: ['feature/<!channel>', 'main`<@U123>`'],
        flaky: true,
        evidence: [
          {
            kind: 'same-commit',
            text: 'Unit <!here> Tests failed on 5bd6c0a in run #12 attempt 1 and passed on the same commit in run #12 attempt 2',
          },
        ],
      }),
    );
    const out = await publish(settings(), context(r));
    expect(out.status).toBe('ok');
    const post = slack.requestsTo('chat.postMessage')[0]!;
    const history = sectionTexts(blocksOf(post)).find((t) => t.startsWith('🔁'));
    expect(history).toBe(
      `🔁 *Seen in 4 runs in the last 30 days* — first in <${FIRST_RUN_URL}|run #12> on 2026-04-20; ` +
        "branches `feature/&lt;!channel&gt;`, `main'&lt;@U123&gt;'`; pull requests #30870, #30876\n" +
        '🎲 *Flaky:* Unit &lt;!here&gt; Tests failed on 5bd6c0a in run #12 attempt 1 and passed on the same commit in run #12 attempt 2',
    );
    const text = decoded(post);
    for (const bad of ['<!channel>', '<@U123>', '<!here>']) expect(text).not.toContain(bad);
    // And in the dry-run preview, as plain text.
    const dry = await publish(settings(), context(r, { dryRun: true }));
    expect(dry.preview).toContain(
      `Seen in 4 runs in the last 30 days — first in run #12 on 2026-04-20 (${FIRST_RUN_URL}); branches feature/<!channel>, main\`<@U123>\``,
    );
    expect(dry.preview).toContain('Flaky: Unit <!here> Tests failed on 5bd6c0a');
  });

  it('says nothing of a failure seen once, or of a generic one', () => {
    const once = withHistory(
      unitTests(),
      recurrence(base.fingerprint, { occurrences: 1, recurring: false, escalate: false }),
    );
    const g = groupByFingerprint(once)[0]!;
    expect(renderSlackMessage(once, g).preview).not.toContain('Seen in');
    const generic = withHistory(unitTests(), recurrence(base.fingerprint, { generic: true }));
    expect(renderSlackMessage(generic, g).preview).not.toContain('Seen in');
  });

  it('dry-run: previews the announcement, sends nothing', async () => {
    const ctx = context(withHistory(unitTests(), recurrence(base.fingerprint)), { dryRun: true });
    const out = await publish(settings({ escalationChannel: '#ci-escalations' }), ctx);
    expect(slack.requests).toEqual([]);
    expect(out.items.map((i) => `${i.action} ${i.target}`)).toEqual([
      `would-create ${alerts.id}`,
      'would-create #ci-escalations (escalation)',
    ]);
    expect(out.preview).toContain(
      '→ #ci-escalations (escalation)\n[ci-triage] Escalated: test_failure in Unit Tests seen in 4 runs in 30 days',
    );
    expect(ctx.audit.records.map((x) => `${x.action} ${x.target} ${x.status}`)).toEqual([
      `post ${alerts.id} skipped`,
      'escalate #ci-escalations skipped',
    ]);
  });

  it('the escalation channel failing does not stop the failure message: partial', async () => {
    await publish(settings(), context(unitTests({ id: 1001 })));
    const out = await publish(
      settings({ escalationChannel: 'C0MISSING01' }),
      context(withHistory(unitTests(), recurrence(base.fingerprint))),
    );
    expect(out.status).toBe('partial');
    expect(out.items).toEqual([
      { fingerprint: base.fingerprint, action: 'replied', target: alerts.id },
      expect.objectContaining({
        action: 'created',
        target: 'C0MISSING01 (escalation)',
        error: expect.stringContaining('channel_not_found') as unknown,
      }),
    ]);
  });
});

describe('Slack sink errors', () => {
  it('channel_not_found: fails with the fix, without throwing', async () => {
    const out = await publish(settings({ channel: 'C0NOPE00001' }), context(twoFailures()));
    expect(out.status).toBe('failed');
    expect(out.message).toContain(
      'channel_not_found — check slack-channel: a channel ID such as C0123456789, or #name',
    );
    expect(out.items.every((i) => i.error !== undefined)).toBe(true);

    const byName = await publish(settings({ channel: '#nope' }), context(twoFailures()));
    expect(byName.status).toBe('failed');
    expect(byName.message).toContain('chat.postMessage to #nope failed: channel_not_found');
    // Posting stops at the first channel error: one attempt for the channel.
    expect(slack.requestsTo('chat.postMessage')).toHaveLength(1);
  });

  it('not_in_channel: tells to invite the app', async () => {
    const closed = slack.state.addChannel({ name: 'private-ish', isMember: false });
    const out = await publish(settings({ channel: '#private-ish' }), context(twoFailures()));
    expect(out.status).toBe('failed');
    expect(out.message).toContain('not_in_channel — invite the app: /invite @your-app in #private-ish');
    expect(slack.state.messagesIn(closed.id)).toHaveLength(0);
  });

  it('invalid_auth: stops at once and names slack-bot-token', async () => {
    const escalations = slack.state.addChannel({ name: 'ci-escalations' });
    const out = await publish(
      settings({ botToken: 'xoxb-0000-revoked-or-wrong', channelBySeverity: { high: escalations.id } }),
      context(twoFailures()),
    );
    expect(out.status).toBe('failed');
    expect(out.message).toContain('invalid_auth — check slack-bot-token');
    expect(slack.requests).toHaveLength(1);
    expect(out.items).toHaveLength(2);
  });

  it('missing_scope: names the scope Slack says is needed', async () => {
    slack.state.addToken('xoxb-read-only', ['channels:history']);
    const out = await publish(settings({ botToken: 'xoxb-read-only' }), context(twoFailures()));
    expect(out.status).toBe('failed');
    expect(out.message).toContain(
      'missing_scope (needs chat:write) — add the chat:write scope to the Slack app and reinstall it',
    );
    expect(slack.requestsTo('chat.postMessage')).toHaveLength(1);
  });

  it('without channels:history, posts anyway and says dedupe and the cap need it', async () => {
    slack.state.addToken('xoxb-write-only', ['chat:write']);
    const out = await publish(settings({ botToken: 'xoxb-write-only' }), context(twoFailures()));
    expect(out.status).toBe('ok');
    expect(out.items.map((i) => i.action)).toEqual(['created', 'created']);
    expect(out.message).toContain(
      `dedupe and the daily cap need channels:history: posted in ${alerts.id} without them`,
    );
  });

  it('cannot resolve #name without channels:read: posts by name, without dedupe, and says so', async () => {
    slack.state.addToken('xoxb-no-read', ['chat:write', 'channels:history']);
    const out = await publish(
      settings({ botToken: 'xoxb-no-read', channel: '#ci-alerts' }),
      context(twoFailures()),
    );
    expect(out.status).toBe('ok');
    expect(slack.requestsTo('chat.postMessage').map((p) => p.body.channel)).toEqual([
      '#ci-alerts',
      '#ci-alerts',
    ]);
    expect(slack.requestsTo('conversations.history')).toHaveLength(0);
    expect(out.message).toContain(
      'dedupe and the daily cap were off in #ci-alerts: resolving #name needs channels:read',
    );
    expect(debug.join('\n')).toContain('posting by name');
    expect(slack.state.messagesIn(alerts.id)).toHaveLength(2);
  });

  it('rate limited once: the SDK waits Retry-After and retries', async () => {
    slack.state.rateLimit.set('chat.postMessage', { times: 1, retryAfter: 1 });
    const out = await publish(settings(), context(twoFailures()));
    expect(out.status).toBe('ok');
    const posts = slack.requestsTo('chat.postMessage');
    expect(posts).toHaveLength(3);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(990);
    expect(slack.state.messagesIn(alerts.id)).toHaveLength(2);
  });

  it('still rate limited after the retries: fails clearly and stops', async () => {
    slack.state.rateLimit.set('chat.postMessage', { times: 99, retryAfter: 1 });
    const out = await publish(settings(), context(twoFailures()));
    expect(out.status).toBe('failed');
    expect(out.message).toContain('ratelimited (HTTP 429) after 2 retries honouring Retry-After');
    expect(slack.requestsTo('chat.postMessage')).toHaveLength(3);
  }, 20_000);

  it('an unreachable server: fails clearly, no throw', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const ctx = context(twoFailures());
    const out = await publish(settings({ apiUrl: `http://127.0.0.1:${port}/api/` }), ctx);
    expect(out.status).toBe('failed');
    expect(out.message).toContain(
      `the Slack API at http://127.0.0.1:${port}/api/ is unreachable (ECONNREFUSED)`,
    );
    expect(out.message).toContain('check slack-api-url');
  });

  it('one channel failing does not stop the other: partial, the failed item carries the error', async () => {
    const ctx = context(twoFailures());
    const out = await publish(settings({ channelBySeverity: { high: 'C0MISSING01' } }), ctx);
    expect(out.status).toBe('partial');
    expect(out.items).toEqual([
      expect.objectContaining({
        target: 'C0MISSING01',
        error: expect.stringContaining('channel_not_found') as unknown,
      }),
      { fingerprint: OTHER_FP, action: 'created', target: alerts.id },
    ]);
    expect(out.message).toMatch(
      /^Slack: 1 of 2 messages published; 1 failed: conversations\.history to C0MISSING01 failed: channel_not_found/,
    );
  });

  it('audits a failed write as intent then error', async () => {
    slack.state.failNext.set('chat.postMessage', { times: 1, error: 'is_archived' });
    const ctx = context(report([{ job: job(12, 'Unit Tests'), finding: base }]));
    const out = await publish(settings(), ctx);
    expect(out.status).toBe('failed');
    expect(ctx.audit.records.map((x) => `${x.action} ${x.status}`)).toEqual(['post intent', 'post error']);
    expect(ctx.audit.records[1]?.detail).toContain('is_archived');
  });
});

describe('Slack sink with an incoming webhook', () => {
  const hookSettings = (url: string) => settings({ botToken: '', webhookUrl: url, channel: '' });

  it('posts a message per failure, as JSON, without metadata', async () => {
    const path = slack.state.addWebhook(alerts.id);
    const ctx = context(twoFailures(withCommit({ authorLogin: 'octocat' })));
    const s = { ...hookSettings(slack.webhookUrl(path)), users: { octocat: 'U0MONA1234' } };
    const out = await publish(s, ctx);
    expect(out.status).toBe('ok');
    expect(out.items.map((i) => `${i.action} ${i.target}`)).toEqual([
      'created incoming webhook',
      'created incoming webhook',
    ]);
    const hooks = slack.requestsTo('webhook');
    expect(hooks).toHaveLength(2);
    expect(hooks[0]?.headers['content-type']).toBe('application/json');
    expect(hooks[0]?.body.metadata).toBeUndefined();
    expect(contextText(blocksOf(hooks[0]))).toContain('<@U0MONA1234>');
    expect(slack.state.messagesIn(alerts.id)).toHaveLength(2);
    expect(slack.requests.filter((x) => x.method !== 'webhook')).toHaveLength(0);
    expect(JSON.stringify(ctx.audit.records)).not.toContain(path);
  });

  it('posts nothing on a later attempt', async () => {
    const path = slack.state.addWebhook(alerts.id);
    const ctx = context(twoFailures(withRun({ attempt: 2 })));
    const out = await publish(hookSettings(slack.webhookUrl(path)), ctx);
    expect(out.status).toBe('skipped');
    expect(out.items).toEqual([]);
    expect(out.message).toContain('an incoming webhook cannot update the message an earlier attempt posted');
    expect(slack.requests).toHaveLength(0);
    expect(ctx.audit.records.every((x) => x.status === 'skipped')).toBe(true);
  });

  it('no_service: fails with the fix, stops, never shows the URL', async () => {
    const url = `${slack.apiUrl.replace(/\/api\/$/, '')}/services/T0CITRIAGE/B0GONE/secretpart123`;
    const out = await publish(hookSettings(url), context(twoFailures(), { secrets: [url] }));
    expect(out.status).toBe('failed');
    expect(out.message).toContain(
      'HTTP 404 no_service — the incoming webhook is disabled, removed or invalid: check slack-webhook-url',
    );
    expect(out.message).not.toContain('secretpart123');
    expect(slack.requestsTo('webhook')).toHaveLength(1);
  });

  it('invalid_payload on one message: that item fails, the next goes through', async () => {
    const path = slack.state.addWebhook(alerts.id);
    slack.state.failNext.set('webhook', { times: 1, error: 'invalid_payload', status: 400 });
    const out = await publish(hookSettings(slack.webhookUrl(path)), context(twoFailures()));
    expect(out.status).toBe('partial');
    expect(out.items[0]?.error).toContain('HTTP 400 invalid_payload');
    expect(out.items[1]?.error).toBeUndefined();
  });
});

describe('Slack messages stay within Block Kit limits and carry nothing injected or secret', () => {
  it('a huge excerpt and a 300-character job name are accepted by the (validating) fake', async () => {
    const lines = Array.from({ length: 400 }, (_, i) => `line ${i} ${'&<>'.repeat(60)} ${'x'.repeat(300)}`);
    const huge = variant(base, {
      excerpts: [{ startLine: 1, endLine: 400, keyLine: 200, score: 1, lines }],
    });
    const longName = `Integration tests ${'(matrix: os=ubuntu-latest & go=1.22) '.repeat(8)}`.slice(0, 300);
    const r = report([{ job: job(12, longName), finding: huge }]);
    const ctx = context(r);
    ctx.refs.set(huge.fingerprint, { jira: { key: `CI-${'9'.repeat(100)}`, url: JIRA.url } });
    const out = await publish(settings(), ctx);
    expect(out.status).toBe('ok');
    const blocks = blocksOf(slack.requestsTo('chat.postMessage')[0]);
    expect(blocks[0]?.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    expect(blocks[0]?.text?.text.endsWith('…')).toBe(true);
    for (const t of sectionTexts(blocks)) expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(sectionTexts(blocks).find((t) => t.includes('```'))).toContain('200 ▶ line 199');
    for (const b of buttons(blocks)) expect(b.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  });

  it('the fake rejects what Slack rejects (so the test above proves something)', async () => {
    const r = report([{ job: job(12, 'Unit Tests'), finding: base }]);
    const msg = renderSlackMessage(r, groupByFingerprint(r)[0]!);
    const tooLong = { ...msg.blocks[0]!, text: { type: 'plain_text', text: 'h'.repeat(151) } };
    const res = await fetch(`${slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: alerts.id, text: 'x', blocks: [tooLong] }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      ok: false,
      error: 'invalid_blocks',
      errors: ['must be less than 151 characters [json-pointer:/blocks/0/text/text]'],
    });
  });

  it('log lines, names and branches cannot inject mentions or links, and secrets never leave', async () => {
    const ghp = `ghp_${'A1b2C3d4E5'.repeat(3)}abcdef`;
    const known = 'hunter2-known-secret-value';
    const lines = [
      'FAIL: deploy <!channel> please look',
      'ping <@U123> and <!here> and <!subteam^S123>',
      'click <https://evil.example|click here> now',
      `token=${ghp}`,
      `the password is ${known}`,
      'Error: ```closing fence``` and & ampersand',
    ];
    const f = variant(base, { excerpts: [{ startLine: 10, endLine: 15, keyLine: 10, score: 1, lines }] });
    const r = report([{ job: job(12, 'Unit <!everyone> Tests'), finding: f }], {
      run: { ...RUN, headBranch: 'feature/<@U999>' },
      change: {
        ...CHANGE,
        commit: {
          ...CHANGE.commit,
          message: `fix <https://evil.example|this> ${known}`,
          author: '<!channel>',
          authorLogin: 'octocat',
        },
      },
    });
    const out = await publish(
      settings({ users: { octocat: 'U0MONA1234' } }),
      context(r, { secrets: [known] }),
    );
    expect(out.status).toBe('ok');
    const post = slack.requestsTo('chat.postMessage')[0]!;
    const text = decoded(post);
    for (const bad of [
      '<!channel>',
      '<@U123>',
      '<!here>',
      '<!subteam',
      '<https://evil',
      '<!everyone>',
      '<@U999>',
      ghp,
      known,
      'A1b2C3d4E5',
    ])
      expect(text).not.toContain(bad);
    // The one mention is ours; the one link is the commit's.
    expect(text.match(/<[@!#]/g)).toEqual(['<@']);
    expect(text.match(/<https?:/g)).toEqual(['<https:']);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&lt;https://evil.example|click here&gt;');
    expect(text).toContain('Error: `\u200b`\u200b`closing fence');
    expect(text).toContain('***');
    // And what Slack stored, block by block.
    const stored = JSON.stringify(slack.state.messagesIn(alerts.id));
    expect(stored).not.toContain(known);
    expect(stored).not.toContain(ghp);
  });

  it('buttons take only http(s) URLs', () => {
    const r = report([{ job: job(12, 'Unit Tests'), finding: base }], {
      change: { ...CHANGE, pullRequest: { ...CHANGE.pullRequest!, htmlUrl: 'javascript:alert(1)' } },
    });
    const g = groupByFingerprint(r)[0]!;
    const msg = renderSlackMessage(r, g, {
      refs: { jira: { key: 'CI-1', url: 'ftp://x/y' } },
      mention: '<!channel>',
    });
    const urls = buttons(msg.blocks as Block[]).map((b) => b.url);
    expect(urls).toEqual([RUN.htmlUrl, LINE_URL]);
    expect(JSON.stringify(msg.blocks)).not.toContain('<!channel>');
  });
});
