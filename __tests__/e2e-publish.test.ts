/**
 * End to end, every sink at once: the committed bundle (dist/index.js) run as the runner runs it, against the
 * local fakes of GitHub (comments, issues), Jira (REST v3) and Slack (Web API), and a local webhook receiver,
 * all on 127.0.0.1 and reached by the real clients (Octokit, jira.js, @slack/web-api, fetch).
 *
 * Failure modes covered: all sinks together; each sink down in turn (Jira unreachable, GitHub refusing issues,
 * GitHub refusing the PR comment, Slack's token revoked, the webhook answering 500) while the others publish;
 * dry-run; the kill switch; the run-level breaker; a second run attempt; a later passing run ("fixed"); a log
 * full of secrets.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeJira } from './helpers/fake-jira.js';
import type { LogStep } from './helpers/job-log.js';
import {
  audit,
  cleanup,
  explain,
  githubWrites,
  JIRA_EMAIL,
  JIRA_TOKEN,
  keeper,
  PR,
  published,
  REPO,
  SLACK_TOKEN,
  SLACK_USER,
  slackPosts,
  statusOf,
  tscError,
  triage as triageIn,
  type TriageOptions,
  warnings,
  WEBHOOK_SECRET,
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

describe.concurrent('dist/index.js publishing end to end', () => {
  it('publishes to every sink at once, each one audited before and after', async () => {
    const w = await world();
    const r = await triage(w);
    expect(r.code, explain(r)).toBe(0);
    expect(warnings(r), explain(r)).toEqual([]);
    expect(statusOf(r)).toEqual({
      jira: 'ok',
      'github-issue': 'ok',
      'pr-comment': 'ok',
      slack: 'ok',
      webhook: 'ok',
    });

    // The PR comment: one, with the marker, both failures.
    const comments = w.gh.state.commentsOn(REPO, PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(/^<!-- ci-triage:pr-comment workflow=\d+ -->/);
    expect(comments[0]!.body).toContain('Expected: 90');
    expect(comments[0]!.body).toContain('TS2322');
    // Jira: a ticket per failure, labelled, prefixed, with the ADF description linking the run.
    expect(w.jira.state.issues).toHaveLength(2);
    for (const i of w.jira.state.issues) {
      expect(String(i.fields.summary)).toMatch(/^\[ci-triage\] /);
      expect(w.jira.state.labels(i)).toEqual([
        'ci-triage',
        expect.stringMatching(/^ci-triage-fp-[0-9a-f]{16}$/),
      ]);
      expect(JSON.stringify(i.fields.description)).toContain(`/actions/runs/${w.run.id}`);
    }
    // The comment links the tickets published before it.
    expect(comments[0]!.body).toMatch(/\[CI-1\]\(http:\/\/127\.0\.0\.1:\d+\/browse\/CI-1\)/);
    // GitHub issues.
    expect(w.gh.state.issues.map((i) => i.labels[0])).toEqual(['ci-triage', 'ci-triage']);
    // Slack: a message per failure, the author mentioned, a button to the Jira ticket.
    const posts = slackPosts(w);
    expect(posts).toHaveLength(2);
    const raw = w.slack
      .requestsTo('chat.postMessage')
      .map((q) => q.raw)
      .join('\n');
    expect(raw).toContain(SLACK_USER);
    expect(decodeURIComponent(raw)).toMatch(/\/browse\/CI-\d/);
    // The webhook: one signed delivery of the report.
    expect(w.hook.got).toHaveLength(1);
    const d = w.hook.got[0]!;
    expect(d.headers['x-ci-triage-signature-256']).toBe(
      `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(d.body).digest('hex')}`,
    );
    expect((JSON.parse(d.body) as { report: { counts: { failed: number } } }).report.counts.failed).toBe(2);

    // The summary's Published table and the audit log.
    expect(r.summary).toContain('### Published');
    for (const title of ['Jira', 'GitHub issue', 'Pull request comment', 'Slack', 'Webhook'])
      expect(r.summary).toMatch(new RegExp(`\\| ${title} \\| ✅ published \\|`));
    const records = audit(r);
    for (const sink of ['jira', 'github-issue', 'pr-comment', 'slack', 'webhook']) {
      const own = records.filter((a) => a.sink === sink);
      expect(own.length, sink).toBeGreaterThan(0);
      const intent = own.findIndex((a) => a.status === 'intent');
      expect(intent, sink).toBeGreaterThanOrEqual(0);
      expect(
        own.slice(intent + 1).some((a) => a.status === 'ok' && a.action === own[intent]!.action),
        sink,
      ).toBe(true);
    }
    expect(records.filter((a) => a.status === 'error')).toEqual([]);
  });

  it('a second attempt of the run duplicates nothing', async () => {
    const w = await world({ attempts: 2 });
    const first = await triage(w, { attempt: 1 });
    expect(first.code, explain(first)).toBe(0);
    const second = await triage(w, { attempt: 2 });
    expect(second.code, explain(second)).toBe(0);
    expect(warnings(second), explain(second)).toEqual([]);
    expect(w.gh.state.commentsOn(REPO, PR)).toHaveLength(1);
    expect(w.gh.state.commentsOn(REPO, PR)[0]!.body).toContain('attempt=2');
    expect(w.gh.state.issues).toHaveLength(2);
    expect(w.gh.state.comments.filter((c) => c.issueNumber !== PR)).toHaveLength(0);
    expect(w.jira.state.issues).toHaveLength(2);
    expect(w.jira.state.issues.flatMap((i) => i.comments)).toHaveLength(0);
    expect(slackPosts(w)).toHaveLength(2);
    expect(w.slack.requestsTo('chat.update')).toHaveLength(2);
    expect(w.hook.got).toHaveLength(2);
    expect(w.hook.got[0]!.headers['x-ci-triage-idempotency-key']).toBe(
      w.hook.got[1]!.headers['x-ci-triage-idempotency-key'],
    );
    const actions = Object.fromEntries(
      published(second).map((p) => [
        p.sink,
        p.items
          .map((i) => i.action)
          .sort()
          .join(','),
      ]),
    );
    expect(actions).toEqual({
      jira: 'unchanged,unchanged',
      'github-issue': 'unchanged,unchanged',
      'pr-comment': 'updated',
      slack: 'updated,updated',
      webhook: 'delivered',
    });
  });

  const down: Array<
    [string, string, (w: World) => Promise<Record<string, string>> | Record<string, string>]
  > = [
    [
      'jira',
      'Jira',
      async () => {
        // A port that was just listening and is closed now: connection refused.
        const gone = await startFakeJira();
        const url = gone.baseUrl;
        await gone.close();
        return { 'jira-url': url };
      },
    ],
    [
      'github-issue',
      'GitHub issue',
      (w) => {
        w.gh.state.deniedPermissions.add('issues');
        return {};
      },
    ],
    [
      'pr-comment',
      'Pull request comment',
      (w) => {
        w.gh.state.deniedPermissions.add('pull-requests');
        return {};
      },
    ],
    [
      'slack',
      'Slack',
      (w) => {
        w.slack.state.tokens.get(SLACK_TOKEN)!.revoked = true;
        return {};
      },
    ],
    [
      'webhook',
      'Webhook',
      (w) => {
        w.hook.answers.push(500, 500);
        return {};
      },
    ],
  ];
  for (const [sink, title, breakIt] of down) {
    it(`with ${sink} down, the others still publish and the summary says what failed`, async () => {
      const w = await world();
      const extra = await breakIt(w);
      const r = await triage(w, { inputs: extra });
      expect(r.code, explain(r)).toBe(0);
      const status = statusOf(r);
      expect(status[sink], explain(r)).toBe('failed');
      for (const [other, s] of Object.entries(status))
        if (other !== sink) expect(s, `${other}\n${explain(r)}`).toBe('ok');
      expect(
        warnings(r).some((m) => m.startsWith(`${title}: `)),
        warnings(r).join('\n'),
      ).toBe(true);
      expect(r.summary).toMatch(new RegExp(`\\| ${title} \\| ⚠️ failed \\|`));
      // The report and the summary are not lost.
      expect(r.outputs['failed-jobs']).toBe('2');
      expect(Object.keys(r.files).some((f) => f.endsWith('report.json'))).toBe(true);
      if (sink !== 'jira') expect(w.jira.state.issues).toHaveLength(2);
      if (sink !== 'slack') expect(slackPosts(w)).toHaveLength(2);
      if (sink !== 'webhook') expect(w.hook.got).toHaveLength(1);
    });
  }

  it('dry-run renders what would be published and sends nothing', async () => {
    const w = await world();
    const r = await triage(w, { inputs: { 'dry-run': 'true' } });
    expect(r.code, explain(r)).toBe(0);
    expect(githubWrites(w)).toEqual([]);
    expect(w.jira.requests).toEqual([]);
    expect(w.slack.requests).toEqual([]);
    expect(w.hook.got).toEqual([]);
    expect(new Set(Object.values(statusOf(r)))).toEqual(new Set(['dry-run']));
    expect(r.summary).toContain('Dry run:');
    expect(r.summary).toContain('would create');
    expect(r.summary).toContain('what would be sent');
    expect(
      audit(r).filter(
        (a) =>
          a.status !== 'skipped' && a.sink !== 'summary' && a.sink !== 'annotations' && a.sink !== 'artifact',
      ),
    ).toEqual([]);
  });

  it('the kill switch sends nothing', async () => {
    const w = await world();
    const r = await triage(w, { inputs: { enabled: 'false' } });
    expect(r.code, explain(r)).toBe(0);
    expect(githubWrites(w)).toEqual([]);
    expect(w.jira.requests).toEqual([]);
    expect(w.slack.requests).toEqual([]);
    expect(w.hook.got).toEqual([]);
    expect(r.summary).toContain('Switched off');
    expect(r.commands.some((c) => c.command === 'notice' && /switched off/.test(c.message))).toBe(true);
  });

  it('the breaker lets a run with three failures reach every sink, and stops a storm of twelve', async () => {
    // Three distinct failures, every sink on, the default max-failures-per-run: everything is published.
    const three = await world({ failures: [tscError('alpha'), tscError('bravo'), tscError('charlie')] });
    const r3 = await triage(three);
    expect(r3.code, explain(r3)).toBe(0);
    expect(statusOf(r3), explain(r3)).toEqual({
      jira: 'ok',
      'github-issue': 'ok',
      'pr-comment': 'ok',
      slack: 'ok',
      webhook: 'ok',
    });
    expect(three.jira.state.issues).toHaveLength(3);
    expect(three.gh.state.issues).toHaveLength(3);
    expect(slackPosts(three)).toHaveLength(3);
    expect(three.hook.got).toHaveLength(1);
    expect(three.gh.state.commentsOn(REPO, PR)).toHaveLength(1);

    // Twelve distinct failures at once: an outage, not twelve tickets. Nothing is sent; the summary says why.
    const names = 'alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima'.split(' ');
    const storm = await world({ failures: names.map(tscError) });
    const r = await triage(storm);
    expect(r.code, explain(r)).toBe(0);
    expect(githubWrites(storm)).toEqual([]);
    expect(storm.jira.requests).toEqual([]);
    expect(storm.slack.requests).toEqual([]);
    expect(storm.hook.got).toEqual([]);
    expect(warnings(r).join('\n')).toMatch(
      /12 distinct failures would each get an item \(jira 12, github-issue 12, slack 12\), more than max-failures-per-run \(10\)/,
    );
    expect(r.summary).toContain('Breaker:');
  });

  it('marks the PR comment fixed when a later run of the workflow passes', async () => {
    const w = await world();
    expect((await triage(w)).code).toBe(0);
    const green = w.gh.state.addRun({
      repo: REPO,
      event: 'pull_request',
      headBranch: 'feature/cart',
      headSha: 'f1f2f3f4f5f6f7f8f9f0a1a2a3a4a5a6a7a8a9a0',
      conclusion: 'success',
      pullRequests: [PR],
    });
    w.gh.state.addJob(green, { name: 'test', conclusion: 'success' });
    w.gh.state.addCommit({ repo: REPO, sha: green.headSha, message: 'Fix the discount' });
    w.gh.state.pulls[0]!.headSha = green.headSha;
    const r = await triage(w, { runId: green.id });
    expect(r.code, explain(r)).toBe(0);
    const body = w.gh.state.commentsOn(REPO, PR)[0]!.body;
    expect(body).toContain('[ci-triage] fixed in');
    expect(body).toContain('f1f2f3f');
    expect(w.gh.state.commentsOn(REPO, PR)).toHaveLength(1);
    // Nothing else is published for a passing run.
    expect(w.jira.state.issues).toHaveLength(2);
    expect(slackPosts(w)).toHaveLength(2);
    expect(w.hook.got).toHaveLength(1);
  });

  it('a log full of secrets publishes none of them, anywhere', async () => {
    const secrets = {
      github: 'ghp_R8mK2vQ9xLw4Tz7Nc1Bd5Hf3Jp6Sg0Ya2Ue8',
      aws: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
      slack: 'xoxb-2048-4096-Zq8Wv3Nt6Ly1Kd4Hs7Pg0Rj2M',
      url: 'postgres://admin:S3cr3tPassw0rd!@db.internal:5432/app',
    };
    const step: LogStep = {
      name: 'Run npm test',
      command: ['npm test'],
      failed: true,
      output: [
        `AWS_SECRET_ACCESS_KEY=${secrets.aws}`,
        `Error: git push failed: https://x-access-token:${secrets.github}@github.com/acme/widgets.git`,
        `Error: connect ECONNREFUSED ${secrets.url}`,
        `slack token ${secrets.slack} rejected`,
        `Error: login failed with ${JIRA_TOKEN} for ${JIRA_EMAIL}`,
        'npm ERR! Test failed.  See above for more details.',
      ],
    };
    const w = await world({ testLog: step });
    const r = await triage(w, {
      inputs: { 'jira-min-severity': 'low', 'slack-min-severity': 'low', 'github-issue-min-severity': 'low' },
    });
    expect(r.code, explain(r)).toBe(0);
    const sent = [
      ...w.gh.requests.map((q) => JSON.stringify(q.body ?? '')),
      ...w.jira.requests.map((q) => q.rawBody),
      ...w.slack.requests.map((q) => decodeURIComponent(q.raw.replace(/\+/g, ' '))),
      ...w.hook.got.map((d) => d.body),
      r.summary,
      ...Object.values(r.outputs),
      ...Object.values(r.files),
    ].join('\n');
    for (const [name, value] of Object.entries({
      ...secrets,
      jira: JIRA_TOKEN,
      slackBot: SLACK_TOKEN,
      webhook: WEBHOOK_SECRET,
    }))
      expect(sent.includes(value), `${name} leaked`).toBe(false);
    // …and the failure was still published (redacted), not dropped.
    expect(w.jira.state.issues.length).toBeGreaterThan(0);
    expect(slackPosts(w).length).toBeGreaterThan(0);
  });
});
