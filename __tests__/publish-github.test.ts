/**
 * The GitHub sinks (the sticky pull-request comment, the GitHub issue), the webhook and the safety controls in
 * front of all sinks, with the real Octokit client against the local GitHub fake and a local HTTP receiver.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../src/collect/github.js';
import { AuditLog } from '../src/publish/audit.js';
import { createGitHubIssueSink } from '../src/publish/github-issue.js';
import { createPrCommentSink } from '../src/publish/pr-comment.js';
import type { Sink, SinkContext, SinkOutcome } from '../src/publish/sink.js';
import { publishToSinks } from '../src/publish/sinks.js';
import { createWebhookSink, SIGNATURE_HEADER } from '../src/publish/webhook.js';
import { COMMENT_LIMIT } from '../src/report/comment.js';
import { groupByFingerprint } from '../src/report/groups.js';
import { renderPublished } from '../src/report/published.js';
import type { TriageReport } from '../src/report/types.js';
import { type FakeGitHub, FakeGitHubState, startFakeGitHub } from './helpers/fake-github.js';
import { analyze, CHANGE, fixture, job, report, RUN, unitTestSteps, variant } from './report-fixtures.js';

const REPO = 'hashicorp/terraform';
const TOKEN = 'ghs_publishTestToken0123456789abcdefABCDEF';
const PR = CHANGE.pullRequest!.number;
const NOW = new Date('2026-05-06T14:00:00Z');

let failing: TriageReport;
let many: TriageReport;
const fakes: FakeGitHub[] = [];

beforeAll(async () => {
  const panic = await analyze(fixture('report/github-go-panic-terraform.log'));
  const exhaustive = await analyze(fixture('report/github-exhaustive-terraform.log'));
  failing = report([
    { job: job(101, 'Unit tests'), finding: panic },
    { job: job(102, 'Exhaustive checks', unitTestSteps('Exhaustive checks')), finding: exhaustive },
  ]);
  // 400 failed jobs with long distinct excerpts: far over a comment's limit if nothing were cut.
  const long = Array.from({ length: 60 }, (_, i) => `panic: runtime error ${'x'.repeat(300)} ${i}`);
  many = report(
    Array.from({ length: 400 }, (_, i) => ({
      job: job(1000 + i, `matrix job ${i}`),
      finding: variant(panic, {
        fingerprint: i.toString(16).padStart(16, '0'),
        excerpts: [{ ...panic.excerpts[0]!, lines: long, startLine: 1, endLine: 60, keyLine: 1 }],
      }),
    })),
  );
});

afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
});

async function fake(setup?: (s: FakeGitHubState) => void): Promise<FakeGitHub> {
  const state = new FakeGitHubState();
  state.addRepo(REPO);
  state.tokens = new Set([TOKEN]);
  state.addPull({ repo: REPO, number: PR, headSha: RUN.headSha });
  setup?.(state);
  const gh = await startFakeGitHub(state);
  fakes.push(gh);
  return gh;
}

const client = (gh: FakeGitHub) =>
  createGitHubClient({ token: TOKEN, baseUrl: gh.baseUrl, log: { debug: () => {}, warn: () => {} } });
/** The client writes go through: no retry of its own, as the action builds it. */
const writer = (gh: FakeGitHub) =>
  createGitHubClient({
    token: TOKEN,
    baseUrl: gh.baseUrl,
    serverErrorRetries: 0,
    maxRateLimitRetries: 0,
    log: { debug: () => {}, warn: () => {} },
  });

function ctx(r: TriageReport, o: Partial<SinkContext> = {}): SinkContext {
  return {
    report: r,
    groups: groupByFingerprint(r),
    audit: new AuditLog({ clock: () => NOW }),
    dryRun: false,
    secrets: [],
    now: () => NOW,
    debug: () => {},
    refs: new Map(),
    ...o,
  };
}

const withRun = (
  r: TriageReport,
  id: number,
  attempt = 1,
  patch: Partial<TriageReport['run']> = {},
): TriageReport => ({
  ...r,
  run: { ...r.run, id, attempt, htmlUrl: `https://github.com/${REPO}/actions/runs/${id}`, ...patch },
});

const passed = (r: TriageReport, id: number, sha: string): TriageReport => ({
  ...withRun(r, id, 1, { headSha: sha, conclusion: 'success' }),
  jobs: [],
  counts: { ...r.counts, failed: 0, analysed: 0, unavailable: 0 },
  change: {
    ...r.change,
    commit: { ...r.change.commit, sha, htmlUrl: `https://github.com/${REPO}/commit/${sha}` },
  },
});

const writes = (gh: FakeGitHub) => gh.requests.filter((q) => q.method !== 'GET');

describe('the sticky pull-request comment', () => {
  it('is created once, then updated in place by a new attempt and by a later run', async () => {
    const gh = await fake();
    const sink = createPrCommentSink(client(gh));
    const first = await sink.publish(ctx(failing));
    expect(first).toMatchObject({ status: 'ok', items: [{ action: 'created' }] });
    const again = await sink.publish(ctx(withRun(failing, RUN.id, 2)));
    expect(again).toMatchObject({ status: 'ok', items: [{ action: 'updated' }] });
    const later = await sink.publish(ctx(withRun(failing, RUN.id + 5)));
    expect(later.items[0]?.action).toBe('updated');
    const comments = gh.state.commentsOn(REPO, PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(`<!-- ci-triage:pr-comment workflow=${RUN.workflowId} -->`);
    expect(comments[0]!.body).toContain(`run=${RUN.id + 5} attempt=1`);
    expect(comments[0]!.body).toContain('ci-triage: 2 failed jobs');
    expect(comments[0]!.body).toContain(
      `<sub>[ci-triage] · one comment per workflow, updated in place · [this run](https://github.com/${REPO}/actions/runs/${RUN.id + 5})</sub>`,
    );
    expect(writes(gh).map((w) => w.method)).toEqual(['POST', 'PATCH', 'PATCH']);
  });

  it('keeps one comment per workflow, and leaves other comments alone', async () => {
    const gh = await fake((s) => {
      s.addComment({ repo: REPO, issueNumber: PR, body: 'LGTM', user: 'reviewer' });
      s.addComment({
        repo: REPO,
        issueNumber: PR,
        body: '<!-- ci-triage:pr-comment workflow=1 -->\nother workflow',
      });
    });
    await createPrCommentSink(client(gh)).publish(ctx(failing));
    const comments = gh.state.commentsOn(REPO, PR);
    expect(comments.map((c) => c.body.slice(0, 40))).toEqual([
      'LGTM',
      '<!-- ci-triage:pr-comment workflow=1 -->',
      `<!-- ci-triage:pr-comment workflow=${RUN.workflowId} -->`.slice(0, 40),
    ]);
  });

  it('is never overwritten by an older run or attempt', async () => {
    const gh = await fake();
    const sink = createPrCommentSink(client(gh));
    await sink.publish(ctx(withRun(failing, RUN.id + 10, 2)));
    const older = await sink.publish(ctx(withRun(failing, RUN.id + 10, 1)));
    expect(older.status).toBe('skipped');
    expect(older.message).toMatch(/newer run/);
    expect(gh.state.commentsOn(REPO, PR)[0]!.body).toContain('attempt=2');
  });

  it('says "fixed in <sha>" when a later run of the workflow passes, once', async () => {
    const gh = await fake();
    const sink = createPrCommentSink(client(gh));
    await sink.publish(ctx(failing));
    const fixedSha = 'abcdef0123456789abcdef0123456789abcdef01';
    const fixed = await sink.publish(ctx(passed(failing, RUN.id + 1, fixedSha)));
    expect(fixed).toMatchObject({ status: 'ok', items: [{ action: 'updated' }] });
    const body = gh.state.commentsOn(REPO, PR)[0]!.body;
    expect(body).toContain('[ci-triage] fixed in');
    expect(body).toContain('abcdef0');
    expect(body).toContain('<details><summary>Earlier diagnosis</summary>');
    expect(body).toContain('ci-triage: 2 failed jobs');
    // Again: nothing to do. A run that passes with no earlier comment writes nothing either.
    expect((await sink.publish(ctx(passed(failing, RUN.id + 2, fixedSha)))).status).toBe('skipped');
    const clean = await fake();
    expect(
      (await createPrCommentSink(client(clean)).publish(ctx(passed(failing, RUN.id + 1, fixedSha)))).status,
    ).toBe('skipped');
    expect(writes(clean)).toHaveLength(0);
  });

  it('stays under 65,536 characters for a run of 400 distinct failures', async () => {
    const gh = await fake();
    const out = await createPrCommentSink(client(gh)).publish(ctx(many));
    expect(out.status).toBe('ok');
    const body = gh.state.commentsOn(REPO, PR)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.length).toBeGreaterThan(COMMENT_LIMIT / 2);
  });

  it('skips a fork pull request whose token cannot comment, with the way out', async () => {
    const gh = await fake((s) => (s.readOnly = true));
    const forked: TriageReport = {
      ...failing,
      change: { ...failing.change, pullRequest: { ...CHANGE.pullRequest!, fork: true } },
    };
    const c = ctx(forked);
    const out = await createPrCommentSink(client(gh)).publish(c);
    expect(out.status).toBe('skipped');
    expect(out.message).toMatch(/fork.*workflow_run/);
    expect(c.audit.records.at(-1)).toMatchObject({ sink: 'pr-comment', status: 'skipped' });
  });

  it('names the missing permission when the token may not write', async () => {
    const gh = await fake((s) => s.deniedPermissions.add('pull-requests'));
    const out = await createPrCommentSink(client(gh)).publish(ctx(failing));
    expect(out.status).toBe('failed');
    expect(out.message).toMatch(/pull-requests: write/);
  });

  it('sends nothing in dry-run', async () => {
    const gh = await fake();
    const out = await createPrCommentSink(client(gh)).publish(ctx(failing, { dryRun: true }));
    expect(out.status).toBe('dry-run');
    expect(gh.requests).toHaveLength(0);
  });

  it('audits the write before and after', async () => {
    const gh = await fake();
    const c = ctx(failing);
    await createPrCommentSink(client(gh)).publish(c);
    expect(c.audit.records.map((r) => `${r.sink}:${r.action}:${r.status}`)).toEqual([
      'pr-comment:create:intent',
      'pr-comment:create:ok',
    ]);
  });
});

describe('the GitHub issue sink', () => {
  const settings = { minSeverity: 'low' as const, dailyCap: 10 };

  it('opens one issue per failure with the fingerprint label, and only once per run', async () => {
    const gh = await fake();
    const sink = createGitHubIssueSink(client(gh), settings);
    const first = await sink.publish(ctx(failing));
    expect(first.status).toBe('ok');
    expect(first.items.map((i) => i.action)).toEqual(['created', 'created']);
    const issues = gh.state.issues;
    expect(issues).toHaveLength(2);
    for (const i of issues) {
      expect(i.title.startsWith('[ci-triage] ')).toBe(true);
      expect(i.title.length).toBeLessThanOrEqual(256);
      expect(i.labels[0]).toBe('ci-triage');
      expect(i.labels[1]).toMatch(/^ci-triage-fp-[0-9a-f]{16}$/);
      expect(i.body).toContain(RUN.htmlUrl);
    }
    // A new attempt of the same run: nothing new.
    const again = await sink.publish(ctx(withRun(failing, RUN.id, 2)));
    expect(again.items.map((i) => i.action)).toEqual(['unchanged', 'unchanged']);
    expect(gh.state.issues).toHaveLength(2);
    expect(gh.state.comments).toHaveLength(0);
  });

  it('comments on the open issue when the failure comes back, and updates that comment on a new attempt', async () => {
    const gh = await fake();
    const sink = createGitHubIssueSink(client(gh), settings);
    await sink.publish(ctx(failing));
    const next = await sink.publish(ctx(withRun(failing, RUN.id + 1)));
    expect(next.items.map((i) => i.action)).toEqual(['commented', 'commented']);
    const retry = await sink.publish(ctx(withRun(failing, RUN.id + 1, 2)));
    expect(retry.items.map((i) => i.action)).toEqual(['updated', 'updated']);
    expect(gh.state.issues).toHaveLength(2);
    expect(gh.state.comments).toHaveLength(2);
    expect(gh.state.comments[0]!.body).toContain(`run=${RUN.id + 1} attempt=2`);
  });

  it('opens a new issue when the earlier one was closed', async () => {
    const gh = await fake();
    const sink = createGitHubIssueSink(client(gh), settings);
    await sink.publish(ctx(failing));
    for (const i of gh.state.issues) i.state = 'closed';
    const out = await sink.publish(ctx(withRun(failing, RUN.id + 1)));
    expect(out.items.map((i) => i.action)).toEqual(['created', 'created']);
    expect(gh.state.issues).toHaveLength(4);
  });

  it('stops at the daily cap, counted from the issues opened today', async () => {
    const gh = await fake((s) => {
      s.addIssue({
        repo: REPO,
        title: 'earlier today',
        labels: ['ci-triage'],
        createdAt: '2026-05-06T01:00:00Z',
      });
      s.addIssue({
        repo: REPO,
        title: 'yesterday',
        labels: ['ci-triage'],
        createdAt: '2026-05-05T23:00:00Z',
      });
    });
    const c = ctx(failing);
    const out = await createGitHubIssueSink(client(gh), { minSeverity: 'low', dailyCap: 2 }).publish(c);
    expect(out.items.map((i) => i.action)).toEqual(['created']);
    expect(out.message).toMatch(/daily cap reached \(2 of 2/);
    expect(gh.state.issues).toHaveLength(3);
    expect(c.audit.records.some((r) => r.status === 'skipped' && /daily cap/.test(r.detail ?? ''))).toBe(
      true,
    );
  });

  it('keeps to the minimum severity', async () => {
    const gh = await fake();
    const out = await createGitHubIssueSink(client(gh), { minSeverity: 'critical', dailyCap: 10 }).publish(
      ctx(failing),
    );
    expect(out.status).toBe('skipped');
    expect(out.message).toMatch(/critical/);
    expect(gh.requests).toHaveLength(0);
  });

  it('names issues: write when the token may not open issues', async () => {
    const gh = await fake((s) => s.deniedPermissions.add('issues'));
    const out = await createGitHubIssueSink(client(gh), settings).publish(ctx(failing));
    expect(out.status).toBe('failed');
    expect(out.message).toMatch(/issues: write/);
  });

  it('closes the newer of two open issues a race left behind, as a duplicate of the older, and comments on the older', async () => {
    const gh = await fake();
    const sink = createGitHubIssueSink(client(gh), settings);
    await sink.publish(ctx(failing));
    // Another run opened the same two failures' issues at the same time: what a race leaves behind.
    for (const i of [...gh.state.issues])
      gh.state.addIssue({ repo: REPO, title: i.title, body: i.body, labels: i.labels });
    const out = await sink.publish(ctx(withRun(failing, RUN.id + 1)));
    expect(out.items.map((i) => `${i.action} ${i.target}`)).toEqual([
      `commented issue #${gh.state.issues[0]!.number}`,
      `commented issue #${gh.state.issues[1]!.number}`,
    ]);
    const [a, b, c, d] = gh.state.issues;
    expect([a!.state, b!.state]).toEqual(['open', 'open']);
    expect(c).toMatchObject({ state: 'closed', stateReason: 'duplicate', duplicateOf: a!.id });
    expect(d).toMatchObject({ state: 'closed', stateReason: 'duplicate', duplicateOf: b!.id });
    expect(gh.state.commentsOn(REPO, c!.number)[0]?.body).toMatch(
      new RegExp(`^Duplicate of #${a!.number}\\b`),
    );
    expect(out.message).toContain(`issue #${c!.number} closed as a duplicate of #${a!.number}`);
  });

  it('after a create whose answer was lost, finds the issue by its label instead of opening a second', async () => {
    const gh = await fake((s) =>
      s.fault({ method: 'POST', path: /\/issues$/, kind: 'ghost', status: 502, times: 2 }),
    );
    const c = ctx(failing);
    const out = await createGitHubIssueSink(client(gh), settings, { writer: writer(gh) }).publish(c);
    expect(out.status).toBe('ok');
    expect(out.items.map((i) => i.action)).toEqual(['created', 'created']);
    expect(gh.state.issues).toHaveLength(2);
    expect(gh.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/issues'))).toHaveLength(2);
    expect(c.audit.records.map((r) => `${r.action} ${r.status} ${r.detail ?? ''}`.trim())).toEqual([
      'create intent',
      expect.stringMatching(/^create error HTTP 502/),
      'create intent',
      expect.stringMatching(/^create error HTTP 502/),
    ]);
    expect(out.message).toMatch(/got HTTP 502 .*but it had gone through: found issue #\d+ by its label/);
  });

  it("trusts only issues its own identity opened: another user's issue with the label and mark is left alone", async () => {
    const gh = await fake();
    const sink = createGitHubIssueSink(client(gh), settings);
    await sink.publish(ctx(failing));
    for (const i of gh.state.issues) i.user = 'mallory';
    const out = await sink.publish(ctx(withRun(failing, RUN.id + 1)));
    expect(out.items.map((i) => i.action)).toEqual(['created', 'created']);
    expect(gh.state.comments).toEqual([]);
    expect(gh.state.issues).toHaveLength(4);
  });
});

async function receiver(answers: number[]): Promise<{
  url: string;
  got: Array<{ headers: http.IncomingHttpHeaders; body: string }>;
  close(): Promise<void>;
}> {
  const got: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(answers.shift() ?? 200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/ci-triage-a1b2c3`,
    got,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('the webhook sink', () => {
  it('POSTs the redacted report, signed with HMAC-SHA256, with an idempotency key stable across attempts', async () => {
    const rx = await receiver([]);
    try {
      const secret = 'whsec-test-0123456789';
      const sink = createWebhookSink({ url: rx.url, secret, timeoutSeconds: 15 });
      const leaky = withRun(failing, RUN.id);
      leaky.notes = ['token ghp_abcdefghijklmnopqrstuvwxyz0123456789 and hunter2-value'];
      expect((await sink.publish(ctx(leaky, { secrets: ['hunter2-value'] }))).status).toBe('ok');
      expect((await sink.publish(ctx(withRun(failing, RUN.id, 2)))).status).toBe('ok');
      expect(rx.got).toHaveLength(2);
      const [a, b] = rx.got;
      expect(a!.headers[SIGNATURE_HEADER]).toBe(
        `sha256=${createHmac('sha256', secret).update(a!.body).digest('hex')}`,
      );
      expect(a!.headers['x-ci-triage-idempotency-key']).toBe(b!.headers['x-ci-triage-idempotency-key']);
      expect(a!.headers['x-ci-triage-delivery']).not.toBe(b!.headers['x-ci-triage-delivery']);
      const json = JSON.parse(a!.body) as { event: string; report: TriageReport };
      expect(json.event).toBe('ci-triage.failure');
      expect(json.report.run.id).toBe(RUN.id);
      expect(a!.body).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
      expect(a!.body).not.toContain('hunter2-value');
    } finally {
      await rx.close();
    }
  });

  it('retries a server error once, and reports a 4xx with the input to check', async () => {
    const rx = await receiver([502, 200, 404]);
    try {
      const sink = createWebhookSink({ url: rx.url, secret: 's', timeoutSeconds: 15 });
      expect((await sink.publish(ctx(failing))).status).toBe('ok');
      const out = await sink.publish(ctx(failing));
      expect(out).toMatchObject({ status: 'failed' });
      expect(out.message).toMatch(/answered 404: check webhook-url/);
      // The URL's path (often its secret) is never shown.
      expect(out.message).not.toContain('a1b2c3');
    } finally {
      await rx.close();
    }
  });

  it('fails with a clear message when nothing listens, and sends nothing in dry-run', async () => {
    const sink = createWebhookSink({ url: 'http://127.0.0.1:9/hook', secret: '', timeoutSeconds: 15 });
    const out = await sink.publish(ctx(failing));
    expect(out.status).toBe('failed');
    expect(out.message).toMatch(/unreachable/);
    const rx = await receiver([]);
    try {
      const dry = await createWebhookSink({ url: rx.url, secret: '', timeoutSeconds: 15 }).publish(
        ctx(failing, { dryRun: true }),
      );
      expect(dry.status).toBe('dry-run');
      expect(rx.got).toHaveLength(0);
    } finally {
      await rx.close();
    }
  });
});

describe('the safety controls in front of the sinks', () => {
  const recording = (
    name: Sink['name'],
    planned: number,
    log: string[],
    outcome?: Partial<SinkOutcome>,
    throws = false,
  ): Sink => ({
    name,
    plannedFailures: () => Array.from({ length: planned }, (_, i) => `fp-${i}`),
    publish: async (c) => {
      await Promise.resolve();
      log.push(name);
      if (throws) throw new Error(`${name} exploded`);
      c.refs.set('fp', {
        ...c.refs.get('fp'),
        ...(name === 'jira' ? { jira: { key: 'CI-1', url: 'https://jira.example/browse/CI-1' } } : {}),
      });
      return { sink: name, status: 'ok', items: [], ...outcome };
    },
  });
  const input = (
    sinks: Sink[],
    settings: Partial<{ dryRun: boolean; enabled: boolean; maxFailuresPerRun: number }> = {},
  ) => {
    const audit = new AuditLog({ clock: () => NOW });
    return {
      audit,
      run: () =>
        publishToSinks({
          report: failing,
          sinks,
          settings: { dryRun: false, enabled: true, maxFailuresPerRun: 10, ...settings },
          audit,
          secrets: [],
          now: () => NOW,
          debug: () => {},
        }),
    };
  };

  it('the kill switch publishes nothing and says so', async () => {
    const log: string[] = [];
    const i = input([recording('jira', 1, log), recording('slack', 1, log)], { enabled: false });
    const r = await i.run();
    expect(log).toEqual([]);
    expect(r.halted?.reason).toBe('disabled');
    expect(i.audit.records.map((a) => a.status)).toEqual(['skipped', 'skipped']);
    expect(renderPublished(r)).toMatch(/Switched off/);
  });

  it('the breaker stops everything when more distinct failures than the limit would each get an item', async () => {
    const log: string[] = [];
    const i = input(
      [recording('jira', 11, log), recording('slack', 6, log), recording('pr-comment', 0, log)],
      { maxFailuresPerRun: 10 },
    );
    const r = await i.run();
    expect(log).toEqual([]);
    expect(r.halted?.message).toMatch(
      /11 distinct failures would each get an item \(jira 11, slack 6\), more than max-failures-per-run \(10\)/,
    );
    expect(r.outcomes.every((o) => o.status === 'skipped')).toBe(true);
  });

  it('the breaker counts a failure once however many sinks publish it, and not the one-per-run items', async () => {
    const log: string[] = [];
    const i = input(
      [
        recording('jira', 6, log),
        recording('github-issue', 6, log),
        recording('slack', 6, log),
        recording('pr-comment', 0, log),
        recording('webhook', 0, log),
      ],
      { maxFailuresPerRun: 6 },
    );
    const r = await i.run();
    expect(r.halted).toBeUndefined();
    expect(log).toEqual(['jira', 'github-issue', 'slack', 'pr-comment', 'webhook']);
  });

  it('a sink that throws does not stop the next one, and later sinks see what earlier ones published', async () => {
    const log: string[] = [];
    let seen: unknown;
    const slack: Sink = {
      name: 'slack',
      plannedFailures: () => ['fp'],
      publish: async (c) => {
        await Promise.resolve();
        seen = c.refs.get('fp')?.jira?.key;
        return { sink: 'slack', status: 'ok', items: [] };
      },
    };
    const i = input([recording('jira', 1, log), recording('github-issue', 1, log, {}, true), slack]);
    const r = await i.run();
    expect(r.outcomes.map((o) => `${o.sink}:${o.status}`)).toEqual([
      'jira:ok',
      'github-issue:failed',
      'slack:ok',
    ]);
    expect(r.outcomes[1]?.message).toMatch(/exploded/);
    expect(seen).toBe('CI-1');
    expect(renderPublished(r)).toMatch(/GitHub issue \| ⚠️ failed/);
  });
});
