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
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGitHub, FakeGitHubState, type FakeRun, startFakeGitHub } from './helpers/fake-github.js';
import { type FakeJira, startFakeJira } from './helpers/fake-jira.js';
import { type FakeSlack, FakeSlackState, startFakeSlack } from './helpers/fake-slack.js';
import { apiStepsFor, jobLog, type JobLogOptions, type LogStep, NPM_CI, npmTest } from './helpers/job-log.js';
import { type ActionResult, DEFAULT_TOKEN, runAction, snapshotDist } from './helpers/run-action.js';

const REPO = 'acme/widgets';
const PR = 7;
const JIRA_EMAIL = 'ci-bot@example.com';
const JIRA_TOKEN = 'jira-api-token-0123456789abcdef';
const SLACK_TOKEN = 'xoxb-1111-2222-e2eSlackBotToken';
const WEBHOOK_SECRET = 'whsec-e2e-0123456789abcdef';
const SLACK_USER = 'U0OCTOCAT1';

let bundle: string;
const closers: Array<() => Promise<void>> = [];
const results: ActionResult[] = [];

beforeAll(async () => {
  bundle = (await snapshotDist()).action;
});

afterAll(async () => {
  await Promise.all(closers.map((c) => c()));
  await Promise.all(results.map((r) => r.cleanup()));
});

const BUILD: LogStep = {
  name: 'Run npm run build',
  command: ['npm run build'],
  failed: true,
  output: [
    '',
    '> widgets@1.0.0 build',
    '> tsc -p .',
    '',
    "src/cart.ts(12,7): error TS2322: Type 'string' is not assignable to type 'number'.",
    '',
  ],
};

interface World {
  gh: FakeGitHub;
  jira: FakeJira;
  slack: FakeSlack;
  hook: Receiver;
  run: FakeRun;
  channel: string;
}

interface Receiver {
  url: string;
  got: Array<{ headers: http.IncomingHttpHeaders; body: string }>;
  answers: number[];
}

async function receiver(): Promise<Receiver> {
  const r: Receiver = { url: '', got: [], answers: [] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      r.got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(r.answers.shift() ?? 204);
      res.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/ci-triage`;
  closers.push(() => new Promise((done) => server.close(() => done())));
  return r;
}

/** A pull request's CI run with two distinct failures (a jest test, a tsc error), and every fake around it. */
async function world(o: { testLog?: LogStep; attempts?: number } = {}): Promise<World> {
  const state = new FakeGitHubState();
  state.addRepo(REPO);
  state.tokens = new Set([DEFAULT_TOKEN]);
  const pull = state.addPull({ repo: REPO, number: PR, headRef: 'feature/cart', user: 'octocat' });
  const run: FakeRun = state.addRun({
    repo: REPO,
    event: 'pull_request',
    headBranch: 'feature/cart',
    headSha: pull.headSha,
    pullRequests: [PR],
  });
  for (let attempt = 1; attempt <= (o.attempts ?? 1); attempt++) {
    run.attempt = attempt;
    const test: JobLogOptions = { steps: [NPM_CI, o.testLog ?? npmTest({ failing: true })] };
    state.addJob(run, { name: 'test', conclusion: 'failure', steps: apiStepsFor(test), log: jobLog(test) });
    const build: JobLogOptions = { steps: [NPM_CI, BUILD] };
    state.addJob(run, {
      name: 'build',
      conclusion: 'failure',
      steps: apiStepsFor(build),
      log: jobLog(build),
    });
  }
  state.addCommit({
    repo: REPO,
    sha: run.headSha,
    message: 'Cart: apply discounts',
    files: ['src/cart.ts'],
    authorLogin: 'octocat',
  });
  const gh = await startFakeGitHub(state);
  closers.push(() => gh.close());

  const jira = await startFakeJira();
  closers.push(() => jira.close());

  const slackState = new FakeSlackState();
  slackState.addToken(SLACK_TOKEN);
  const channel = slackState.addChannel({ name: 'ci-alerts' }).id;
  const slack = await startFakeSlack(slackState);
  closers.push(() => slack.close());

  return { gh, jira, slack, hook: await receiver(), run, channel };
}

function sinkInputs(w: World): Record<string, string> {
  return {
    'jira-url': w.jira.baseUrl,
    'jira-email': JIRA_EMAIL,
    'jira-api-token': JIRA_TOKEN,
    'jira-project': 'CI',
    'jira-min-severity': 'medium',
    'slack-bot-token': SLACK_TOKEN,
    'slack-channel': w.channel,
    'slack-api-url': w.slack.apiUrl,
    'slack-users': `octocat=${SLACK_USER}`,
    'github-issues': 'true',
    'github-issue-min-severity': 'medium',
    'webhook-url': w.hook.url,
    'webhook-secret': WEBHOOK_SECRET,
  };
}

async function triage(
  w: World,
  o: { attempt?: number; inputs?: Record<string, string>; runId?: number } = {},
): Promise<ActionResult> {
  const r = await runAction({
    apiUrl: w.gh.baseUrl,
    bundle,
    event: 'workflow_run',
    payload: { workflow_run: { id: o.runId ?? w.run.id, run_attempt: o.attempt ?? 1 } },
    inputs: { ...sinkInputs(w), ...o.inputs },
  });
  results.push(r);
  return r;
}

const explain = (r: ActionResult) => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
const warnings = (r: ActionResult) => r.commands.filter((c) => c.command === 'warning').map((c) => c.message);
const published = (r: ActionResult) =>
  JSON.parse(r.outputs.published ?? '[]') as Array<{
    sink: string;
    status: string;
    items: Array<{ action: string; target: string }>;
  }>;
const statusOf = (r: ActionResult) => Object.fromEntries(published(r).map((p) => [p.sink, p.status]));
const audit = (r: ActionResult) =>
  Object.entries(r.files)
    .filter(([p]) => p.endsWith('audit.jsonl'))
    .flatMap(([, text]) => text.trim().split('\n'))
    .map(
      (l) =>
        JSON.parse(l) as { sink: string; action: string; status: string; target: string; detail?: string },
    );

const githubWrites = (w: World) => w.gh.requests.filter((q) => q.method !== 'GET' && q.method !== 'HEAD');
const slackPosts = (w: World) => w.slack.state.messagesIn(w.channel, true);

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

  it('the breaker publishes only the summary when one run would publish too much', async () => {
    const w = await world();
    const r = await triage(w, { inputs: { 'max-items-per-run': '5' } });
    expect(r.code, explain(r)).toBe(0);
    expect(githubWrites(w)).toEqual([]);
    expect(w.jira.requests).toEqual([]);
    expect(w.slack.requests).toEqual([]);
    expect(w.hook.got).toEqual([]);
    expect(warnings(r).join('\n')).toMatch(
      /8 items \(jira 2, github-issue 2, pr-comment 1, slack 2, webhook 1\) is more than max-items-per-run \(5\)/,
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
