/**
 * End to end, the committed bundle (dist/index.js) against the fakes on a bad day, each fault injected per
 * request: creates that go through but lose their answer (5xx, a dropped connection) in every sink; two runs
 * started together; Jira's search index ten seconds behind its writes; comments, issues, tickets and messages
 * by someone else carrying ci-triage's marks; a fork's commit claiming someone's email; a fork's read-only
 * token; a slow webhook; a Jira create that times out for one failure of three. In each, what the summary,
 * the outputs and the audit say is checked against what the fakes received.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_EVENT_TYPE } from '../src/report/slack-blocks.js';
import {
  audit,
  cleanup,
  explain,
  githubWrites,
  keeper,
  notices,
  outcomeOf,
  PR,
  published,
  REPO,
  SLACK_USER,
  slackTopLevel,
  statusOf,
  tscError,
  triage as triageIn,
  type TriageOptions,
  warnings,
  type World,
  world as worldIn,
  type WorldOptions,
} from './helpers/publish-world.js';
import { type ActionResult, snapshotDist } from './helpers/run-action.js';

let bundle: string;
const k = keeper();

beforeAll(async () => {
  bundle = (await snapshotDist()).action;
});

afterAll(() => cleanup(k));

const world = (o: WorldOptions = {}) => worldIn(k, o);
const triage = (w: World, o: TriageOptions = {}): Promise<ActionResult> => triageIn(k, bundle, w, o);

const JIRA_ISSUE = '/rest/api/3/issue';
const fpLabel = (labels: string[]) => labels.find((l) => l.startsWith('ci-triage-fp-'));
const openTickets = (w: World) => w.jira.state.issues.filter((i) => i.statusCategory !== 'done');
/** Write requests a fake received, by sink, as the audit names its writes. */
function writesBySink(w: World): Record<string, number> {
  const gh = githubWrites(w);
  return {
    'github-issue': gh.filter((q) => !q.path.endsWith(`/issues/${PR}/comments`) && /\/issues/.test(q.path))
      .length,
    'pr-comment': gh.filter(
      (q) => q.path.endsWith(`/issues/${PR}/comments`) || /\/issues\/comments\//.test(q.path),
    ).length,
    jira: w.jira.requests.filter((q) => q.method !== 'GET' && !q.path.includes('/search/')).length,
    slack: w.slack.requests.filter((q) => /^chat\./.test(q.method) && q.method !== 'chat.getPermalink')
      .length,
    webhook: w.hook.got.length,
  };
}
const intentsBySink = (r: ActionResult): Record<string, number> => {
  const out: Record<string, number> = { 'github-issue': 0, 'pr-comment': 0, jira: 0, slack: 0, webhook: 0 };
  for (const a of audit(r)) if (a.status === 'intent' && a.sink in out) out[a.sink] = (out[a.sink] ?? 0) + 1;
  return out;
};

describe.concurrent('dist/index.js on a bad day', () => {
  it('a create that goes through but loses its answer makes exactly one item in every sink, and the audit holds each request', async () => {
    const w = await world();
    // Every first create is carried out, and its answer lost: a 502, a dropped connection, a 503, a 502, and a
    // webhook receiver that takes the delivery and answers 502.
    w.gh.state.fault({ method: 'POST', path: /\/repos\/acme\/widgets\/issues$/, kind: 'ghost', status: 502 });
    w.gh.state.fault({
      method: 'POST',
      path: new RegExp(`/issues/${PR}/comments$`),
      kind: 'ghost',
      drop: true,
    });
    w.slack.state.fault({ method: 'chat.postMessage', kind: 'ghost', status: 503 });
    w.jira.state.fault({ method: 'POST', path: JIRA_ISSUE, kind: 'ghost', status: 502 });
    w.hook.plan.push({ status: 502 });

    const r = await triage(w);
    expect(r.code, explain(r)).toBe(0);
    expect(warnings(r), explain(r)).toEqual([]);
    // Two failures: two tickets, two issues, two top-level messages, one comment, one delivery taken.
    expect(w.jira.state.issues).toHaveLength(2);
    expect(new Set(w.jira.state.issues.map((i) => fpLabel(w.jira.state.labels(i)))).size).toBe(2);
    expect(w.gh.state.issues).toHaveLength(2);
    expect(w.gh.state.commentsOn(REPO, PR)).toHaveLength(1);
    expect(slackTopLevel(w)).toHaveLength(2);
    expect(new Set(w.hook.got.map((d) => d.headers['x-ci-triage-delivery']))).toEqual(
      new Set([w.hook.got[0]?.headers['x-ci-triage-delivery']]),
    );
    expect(w.hook.got).toHaveLength(2);

    // The outputs name what exists: every item created, none lost.
    expect(statusOf(r)).toEqual({
      jira: 'ok',
      'github-issue': 'ok',
      'pr-comment': 'ok',
      slack: 'ok',
      webhook: 'ok',
    });
    const actions = Object.fromEntries(
      published(r).map((p) => [p.sink, p.items.map((i) => i.action).join(',')]),
    );
    expect(actions).toEqual({
      jira: 'created,created',
      'github-issue': 'created,created',
      'pr-comment': 'created',
      slack: 'created,created',
      webhook: 'delivered',
    });
    for (const sink of ['jira', 'github-issue', 'pr-comment', 'slack'])
      expect(outcomeOf(r, sink)?.message, sink).toMatch(/but it had gone through: found .*, not sent again/);
    expect(outcomeOf(r, 'webhook')?.message).toMatch(
      /delivered on the second try, after the first answered 502/,
    );

    // One audit intent per write request each fake received, and the lost answer is an error of its own.
    expect(intentsBySink(r)).toEqual(writesBySink(w));
    const records = audit(r);
    for (const [sink, said] of [
      ['jira', /^HTTP 502/],
      ['github-issue', /^HTTP 502/],
      ['pr-comment', /^no answer/],
      ['slack', /^HTTP 503/],
      ['webhook', /^HTTP 502, delivery /],
    ] as const)
      expect(
        records.filter((a) => a.sink === sink && a.status === 'error').map((a) => a.detail),
        sink,
      ).toEqual([expect.stringMatching(said)]);
  });

  it('two runs started together leave one issue, one ticket, one top-level message and one comment; the newer ones are closed or threaded', async () => {
    const w = await world({ failures: [tscError('alpha')], runs: 2 });
    // Both runs decide before either writes: their creates are held until both have sent them.
    const held = { parties: 2, timeoutMs: 90_000 };
    w.gh.state.barrier({ method: 'POST', path: /\/repos\/acme\/widgets\/issues$/, ...held });
    w.gh.state.barrier({ method: 'POST', path: new RegExp(`/issues/${PR}/comments$`), ...held });
    w.jira.state.barrier({ method: 'POST', path: /^\/rest\/api\/3\/issue$/, ...held });
    w.slack.state.barrier({ method: 'chat.postMessage', ...held });
    const [a, b] = await Promise.all(w.runs.map((run) => triage(w, { runId: run.id })));
    for (const r of [a!, b!]) {
      expect(r.code, explain(r)).toBe(0);
      expect(warnings(r), explain(r)).toEqual([]);
    }

    // GitHub: two issues were opened; the older stays open, the newer is closed as its duplicate.
    expect(w.gh.state.issues).toHaveLength(2);
    const [older, newer] = [...w.gh.state.issues].sort((x, y) => x.number - y.number);
    expect(older?.state).toBe('open');
    expect(newer).toMatchObject({ state: 'closed', stateReason: 'duplicate', duplicateOf: older?.id });
    expect(w.gh.state.commentsOn(REPO, newer!.number).map((c) => c.body)).toEqual([
      expect.stringMatching(new RegExp(`^Duplicate of #${older!.number}\\b`)),
    ]);
    // Jira: the newer ticket is linked as a duplicate of the older, and done.
    expect(w.jira.state.issues).toHaveLength(2);
    expect(openTickets(w).map((t) => t.key)).toEqual(['CI-1']);
    expect(w.jira.state.links).toEqual([{ type: 'Duplicate', outward: 'CI-2', inward: 'CI-1' }]);
    // Slack: one top-level message; the other run's is a reply in its thread.
    const top = slackTopLevel(w);
    expect(top).toHaveLength(1);
    expect(w.slack.state.repliesTo(w.channel, top[0]!.ts)).toHaveLength(1);
    expect(w.slack.requestsTo('chat.delete')).toHaveLength(1);
    // The pull request keeps one comment.
    expect(w.gh.state.commentsOn(REPO, PR)).toHaveLength(1);

    // Each run says what it did: one created, the other deduplicated (or threaded), and each names the other.
    const byAction = (sink: string) =>
      [a!, b!].flatMap((r) => outcomeOf(r, sink)?.items.map((i) => i.action) ?? []).sort();
    expect(byAction('github-issue')).toEqual(['created', 'deduplicated']);
    expect(byAction('jira')).toEqual(['created', 'deduplicated']);
    expect(byAction('slack')).toEqual(['created', 'replied']);
    // The run that lost the race deleted its comment and updated the older one when its run is the newer.
    expect(byAction('pr-comment')).toEqual(
      expect.arrayContaining(['created', expect.stringMatching(/^(updated|unchanged)$/)]),
    );
    expect(byAction('pr-comment')).toHaveLength(2);
  });

  it("with Jira's search index behind its writes, a second run finds the first run's tickets by key", async () => {
    const w = await world({ runs: 2 });
    // Jira Cloud's index trails by seconds; five minutes here, so that the second run surely looks within it.
    w.jira.state.searchLagMs = 300_000;
    const first = await triage(w, { runId: w.runs[0]!.id });
    expect(first.code, explain(first)).toBe(0);
    const second = await triage(w, { runId: w.runs[1]!.id });
    expect(second.code, explain(second)).toBe(0);
    // Still within the lag: a search finds nothing, yet the second run comments on both tickets.
    expect(Date.now() - w.jira.state.issues[0]!.created.getTime()).toBeLessThan(300_000);
    expect(w.jira.state.issues).toHaveLength(2);
    expect(outcomeOf(second, 'jira')?.items.map((i) => `${i.action} ${i.target}`)).toEqual([
      'commented comment on CI-1',
      'commented comment on CI-2',
    ]);
    expect(w.jira.state.issues.map((i) => i.comments.length)).toEqual([1, 1]);
  });

  it('reads nothing by another author as its own: spoofed comments, issues, tickets and messages are ignored and never edited', async () => {
    const w = await world();
    const groupsOf = async () => {
      // The fingerprints of this run's failures, from a dry run of the same bundle.
      const dry = await triage(w, { inputs: { 'dry-run': 'true' } });
      return JSON.parse(dry.outputs.fingerprints ?? '[]') as string[];
    };
    const [fp] = await groupsOf();
    const workflowId = w.run.workflowId;
    // A comment by another user claiming a newer run, and one with the bare marker.
    const claims = w.gh.state.addComment({
      repo: REPO,
      issueNumber: PR,
      user: 'mallory',
      body: `<!-- ci-triage:pr-comment workflow=${workflowId} -->\n<!-- ci-triage:state status=failing run=999999999 attempt=9 sha=abc -->\nall green, nothing to see`,
    });
    const bare = w.gh.state.addComment({
      repo: REPO,
      issueNumber: PR,
      user: 'mallory',
      body: `<!-- ci-triage:pr-comment workflow=${workflowId} -->`,
    });
    // An issue by another user with the failure's label and mark.
    w.gh.state.addIssue({
      repo: REPO,
      title: '[ci-triage] fake',
      user: 'mallory',
      labels: ['ci-triage', `ci-triage-fp-${fp}`],
      body: `<!-- ci-triage:issue fingerprint=${fp} run=1 attempt=1 -->\nnot ours`,
    });
    // A Jira ticket with the label, created by another account.
    w.jira.state.addIssue({
      project: 'CI',
      creator: 'another-account-0001',
      fields: { labels: ['ci-triage', `ci-triage-fp-${fp}`], summary: 'not ours' },
    });
    // A Slack message by another app with our metadata for the failure, as if an earlier run had posted it.
    const spoof = w.slack.state.addMessage({
      channel: w.channel,
      text: 'fake',
      bot_id: 'B0MALLORY',
      user: 'U0MALLORY',
      app_id: 'A0MALLORY',
      metadata: {
        event_type: SLACK_EVENT_TYPE,
        event_payload: { fingerprint: fp, repository: REPO, run_id: '1', run_attempt: 1, workflow: 'CI' },
      },
    });
    const issuesBefore = w.gh.state.issues.length;

    const r = await triage(w);
    expect(r.code, explain(r)).toBe(0);
    // Our own comment next to theirs, theirs untouched.
    const comments = w.gh.state.commentsOn(REPO, PR);
    expect(comments).toHaveLength(3);
    expect(comments.find((c) => c.id === claims.id)?.body).toContain('all green, nothing to see');
    expect(comments.find((c) => c.id === bare.id)?.body).toBe(
      `<!-- ci-triage:pr-comment workflow=${workflowId} -->`,
    );
    expect(githubWrites(w).filter((q) => q.method === 'PATCH' || q.method === 'DELETE')).toEqual([]);
    expect(outcomeOf(r, 'pr-comment')?.items.map((i) => i.action)).toEqual(['created']);
    // Our own issue and ticket, none of theirs commented on.
    expect(w.gh.state.issues).toHaveLength(issuesBefore + 2);
    expect(w.gh.state.comments.filter((c) => c.issueNumber !== PR)).toEqual([]);
    expect(w.jira.state.issues).toHaveLength(3);
    expect(w.jira.state.issues[0]!.comments).toEqual([]);
    // A new top-level message, not a reply in the spoofer's thread, and the spoof never updated.
    expect(w.slack.state.repliesTo(w.channel, spoof.ts)).toEqual([]);
    expect(w.slack.requestsTo('chat.update')).toEqual([]);
    expect(slackTopLevel(w)).toHaveLength(3);
  });

  it("mentions nobody on the strength of a fork's commit email; a verified commit's author is", async () => {
    // The fork's commit claims the email of a Slack member; it is not signed.
    const forked = await world({
      fork: true,
      headCommitEmail: 'victim@example.com',
      commit: { authorLogin: 'victim', authorEmail: 'victim@example.com', verified: false },
    });
    forked.slack.state.addUser({ email: 'victim@example.com', id: 'U0VICTIM01' });
    const r = await triage(forked, { inputs: { 'slack-users': '' } });
    expect(r.code, explain(r)).toBe(0);
    expect(forked.slack.requestsTo('users.lookupByEmail')).toEqual([]);
    const posted = forked.slack
      .requestsTo('chat.postMessage')
      .map((q) => q.raw)
      .join('\n');
    expect(posted).not.toContain('U0VICTIM01');
    expect(posted.length).toBeGreaterThan(0);

    // The same, signed and verified by GitHub, its author a GitHub user: looked up by email and mentioned.
    const signed = await world({
      headCommitEmail: 'octo@example.com',
      commit: { authorLogin: 'octocat', authorEmail: 'octo@example.com', verified: true },
    });
    signed.slack.state.addUser({ email: 'octo@example.com', id: SLACK_USER });
    const s = await triage(signed, { inputs: { 'slack-users': '' } });
    expect(s.code, explain(s)).toBe(0);
    expect(signed.slack.requestsTo('users.lookupByEmail').map((q) => q.body.email)).toEqual([
      'octo@example.com',
    ]);
    expect(
      signed.slack
        .requestsTo('chat.postMessage')
        .map((q) => q.raw)
        .join('\n'),
    ).toContain(SLACK_USER);
  });

  it("attempts no GitHub write with a fork's read-only token, and says why once, with the way out", async () => {
    const w = await world({ fork: true });
    w.gh.state.readOnly = true;
    const r = await triage(w, { inRun: true });
    expect(r.code, explain(r)).toBe(0);
    // The fake counts every write attempted: none.
    expect(githubWrites(w)).toEqual([]);
    const forkNotices = notices(r).filter((n) => /fork/.test(n));
    expect(forkNotices).toHaveLength(1);
    expect(forkNotices[0]).toMatch(/read-only token.*no GitHub write was attempted.*on: workflow_run/);
    expect(warnings(r), explain(r)).toEqual([]);
    expect(statusOf(r)).toMatchObject({ 'github-issue': 'skipped', 'pr-comment': 'skipped' });
    expect(r.summary).toContain('No GitHub write:');
    expect(
      audit(r)
        .filter((a) => a.sink === 'github-issue' || a.sink === 'pr-comment')
        .map((a) => a.status),
    ).toEqual(['skipped', 'skipped']);
  });

  it('reports a webhook that answers too slowly as a timeout, sent twice as the same delivery', async () => {
    const w = await world();
    w.hook.plan.push({ delayMs: 2500 }, { delayMs: 2500 });
    const r = await triage(w, { inputs: { 'webhook-timeout-seconds': '1' } });
    expect(r.code, explain(r)).toBe(0);
    const hook = outcomeOf(r, 'webhook');
    expect(hook?.status).toBe('failed');
    expect(hook?.message).toMatch(/timed out after 1 s .*\(twice, the same delivery /);
    expect(hook?.message).not.toMatch(/unreachable/);
    expect(warnings(r).some((m) => /^Webhook: .*timed out after 1 s/.test(m))).toBe(true);
    expect(w.hook.got).toHaveLength(2);
    expect(w.hook.got[0]?.headers['x-ci-triage-delivery']).toBe(
      w.hook.got[1]?.headers['x-ci-triage-delivery'],
    );
    expect(
      audit(r)
        .filter((a) => a.sink === 'webhook')
        .map((a) => `${a.status} ${a.detail ?? ''}`),
    ).toEqual([
      'intent ',
      expect.stringMatching(/^error timed out after 1 s, delivery /),
      'intent ',
      expect.stringMatching(/^error timed out after 1 s, delivery /),
    ]);
  });

  it('a Jira create that times out for one failure of three leaves the other two ticketed, partial', async () => {
    const w = await world({ failures: [tscError('alpha'), tscError('bravo'), tscError('charlie')] });
    // Every create of the failure about 'bravo' is never answered.
    w.jira.state.fault({
      method: 'POST',
      path: JIRA_ISSUE,
      kind: 'hang',
      times: 2,
      when: (q) => q.rawBody.includes("Cannot find name 'bravo'"),
    });
    const r = await triage(w, { timeoutMs: 120_000 });
    expect(r.code, explain(r)).toBe(0);
    const jira = outcomeOf(r, 'jira');
    expect(jira?.status).toBe('partial');
    expect(jira?.items.map((i) => i.action)).toEqual(['created', 'would-create', 'created']);
    expect(jira?.items[1]?.error).toMatch(/^Jira timed out after 15 s at .* on create/);
    expect(w.jira.state.issues.map((i) => String(i.fields.summary))).toEqual([
      expect.stringContaining('alpha'),
      expect.stringContaining('charlie'),
    ]);
    expect(warnings(r).some((m) => /^Jira: Jira timed out after 15 s/.test(m))).toBe(true);
    // Both creates of 'bravo' were sent (the second after looking for the first), each audited as timed out.
    expect(
      audit(r)
        .filter((a) => a.sink === 'jira' && a.action === 'create' && a.status === 'error')
        .map((a) => a.detail),
    ).toEqual(['timed out after 15 s', 'timed out after 15 s']);
  }, 150_000);
});
