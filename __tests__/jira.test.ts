/**
 * The Jira sink end to end: the real jira.js client (its endpoint functions, schemas and errors) against the
 * local fake of Jira's REST API (`helpers/fake-jira.ts`), v3 (Cloud, ADF) and v2 (Server / Data Center, wiki
 * markup); and the pure renderers of `src/report/adf.ts`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JiraSettings } from '../src/config/settings.js';
import type { Recurrence } from '../src/history/analysis.js';
import type { Finding } from '../src/pipeline/analyze-log.js';
import { createJiraSink, type JiraSinkOptions, nextPriority } from '../src/publish/jira.js';
import { AuditLog } from '../src/publish/audit.js';
import type { SinkContext } from '../src/publish/sink.js';
import {
  type AdfDoc,
  adfText,
  runAttemptIn,
  runMarker,
  ticketAdf,
  ticketSummary,
  ticketWiki,
  wikiEscape,
} from '../src/report/adf.js';
import { groupByFingerprint } from '../src/report/groups.js';
import type { TriageReport } from '../src/report/types.js';
import { type FakeJira, FakeJiraState, startFakeJira } from './helpers/fake-jira.js';
import { analyze, CHANGE, fixture, job, report, RUN, variant } from './report-fixtures.js';

const NOW = new Date('2026-05-06T14:00:00Z');
const MINUTES_TODAY = 14 * 60;
const FP_GO = '60b1523552827b13';
const FP_BUILD = '70655d9eac084d06';
const LINE_URL = `${RUN.htmlUrl}/job/11#step:6:44`;
// Built at run time so that no scanner takes the test for a leak.
const GH_TOKEN = ['ghp', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'].join('_');
const CUSTOM_SECRET = 'hunter2-correct-horse-battery';

let goTest: Finding;
let build: Finding;
let jira: FakeJira;

beforeEach(async () => {
  goTest ??= await analyze(fixture('github-go-test-terraform.log'));
  build ??= await analyze(fixture('report/github-exhaustive-terraform.log'));
  const state = new FakeJiraState();
  state.now = () => NOW;
  jira = await startFakeJira(state);
});

/** Every debug line of the test: jira.js's schemas must accept every answer of the fake. */
let debugLog: string[] = [];

afterEach(async () => {
  await jira.close();
  expect(debugLog.filter((m) => m.includes('schema'))).toEqual([]);
  debugLog = [];
});

/** The go test failure (high) and, with `both`, the build failure (medium, or high with `bothHigh`). */
function triage(
  o: {
    attempt?: number;
    runId?: number;
    both?: boolean;
    bothHigh?: boolean;
    go?: Partial<Finding>;
    jobName?: string;
  } = {},
): TriageReport {
  const jobs = [
    { job: job(11, o.jobName ?? 'Unit Tests'), finding: variant(goTest, { severity: 'high', ...o.go }) },
  ];
  if (o.both || o.bothHigh)
    jobs.push({
      job: job(12, 'Code Consistency Checks'),
      finding: variant(build, { severity: o.bothHigh ? 'high' : 'medium' }),
    });
  return report(jobs, { run: { ...RUN, id: o.runId ?? RUN.id, attempt: o.attempt ?? 1 } });
}

const FIRST_RUN_URL = 'https://github.com/hashicorp/terraform/actions/runs/555';

/** The history's word on the go test failure (by hand): seen in 4 runs, escalating with this one. */
function recurrence(patch: Partial<Recurrence> = {}): Recurrence {
  return {
    fingerprint: FP_GO,
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

const SEEN_LINE =
  'Seen in 4 runs in the last 30 days — first in run #12 on 2026-04-20; branches fix-cloud-config, main; pull requests #30870, #30876';

function cloudSettings(patch: Partial<JiraSettings> = {}): JiraSettings {
  return {
    baseUrl: jira.baseUrl,
    apiVersion: 3,
    email: jira.state.basic?.email ?? '',
    apiToken: jira.state.basic?.token ?? '',
    project: 'CI',
    issueType: 'Bug',
    minSeverity: 'high',
    priorities: { critical: 'Highest', high: 'High', medium: 'Medium', low: 'Low' },
    fields: {},
    dailyCap: 10,
    ...patch,
  };
}

function serverSettings(patch: Partial<JiraSettings> = {}): JiraSettings {
  return cloudSettings({ apiVersion: 2, email: '', apiToken: jira.state.bearer ?? '', ...patch });
}

type TestContext = SinkContext & { audit: AuditLog; debugs: string[] };

function context(r: TriageReport, patch: Partial<SinkContext> = {}): TestContext {
  const debugs: string[] = [];
  return {
    report: r,
    groups: groupByFingerprint(r),
    audit: new AuditLog({ clock: () => NOW }),
    dryRun: false,
    secrets: [],
    now: () => NOW,
    debug: (m) => {
      debugs.push(m);
      debugLog.push(m);
    },
    refs: new Map(),
    ...patch,
    debugs,
  };
}

async function publish(settings: JiraSettings, ctx: TestContext, options?: JiraSinkOptions) {
  return createJiraSink(settings, options).publish(ctx);
}

const writes = () => jira.requests.filter((r) => r.method !== 'GET' && !r.path.includes('/search'));
const created = () => jira.requests.filter((r) => r.method === 'POST' && /\/issue$/.test(r.path));
const fieldsOf = (i: number): Record<string, unknown> =>
  (created()[i]?.body as { fields: Record<string, unknown> }).fields;

/** Every node of an ADF document, depth first. */
function nodes(doc: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const walk = (n: unknown) => {
    if (typeof n !== 'object' || n === null) return;
    out.push(n as Record<string, unknown>);
    const c = (n as { content?: unknown }).content;
    if (Array.isArray(c)) c.forEach(walk);
  };
  walk(doc);
  return out;
}
const hrefs = (doc: unknown): string[] =>
  nodes(doc).flatMap((n) =>
    ((n.marks as Array<{ type: string; attrs?: { href?: string } }> | undefined) ?? []).flatMap((m) =>
      m.type === 'link' && m.attrs?.href ? [m.attrs.href] : [],
    ),
  );

describe('Jira sink (Cloud, REST v3 through jira.js)', () => {
  it('creates a ticket: ADF description, summary, priority, labels, extra fields; audited; refs recorded', async () => {
    const settings = cloudSettings({
      fields: { components: [{ name: 'CI' }], customfield_10020: 'ci-triage', labels: ['team-ci'] },
    });
    const ctx = context(triage({ both: true }));
    expect(createJiraSink(settings).plannedFailures(ctx.groups, ctx.report)).toHaveLength(1);

    const out = await publish(settings, ctx);

    expect(out).toEqual({
      sink: 'jira',
      status: 'ok',
      items: [{ fingerprint: FP_GO, action: 'created', target: 'CI-1', url: `${jira.baseUrl}/browse/CI-1` }],
    });
    expect(ctx.refs.get(FP_GO)).toEqual({ jira: { key: 'CI-1', url: `${jira.baseUrl}/browse/CI-1` } });

    // The dedupe search (enhanced JQL search), the newest key the index knows and the next key read from the
    // database (a ticket not indexed yet), the account, the count for the cap, the create, and the search
    // after it for a concurrent run's ticket.
    expect(jira.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /rest/api/3/search/jql',
      'GET /rest/api/3/search/jql',
      'GET /rest/api/3/issue/CI-1',
      'GET /rest/api/3/myself',
      'POST /rest/api/3/search/approximate-count',
      'POST /rest/api/3/issue',
      'GET /rest/api/3/search/jql',
    ]);
    expect(jira.requests[0]?.query.jql).toBe(
      `project = "CI" AND labels = "ci-triage-fp-${FP_GO}" AND statusCategory != Done ORDER BY created ASC`,
    );
    expect(jira.requests[1]?.query.jql).toBe('project = "CI" ORDER BY key DESC');
    expect(jira.requests[4]?.body).toEqual({
      jql: `project = "CI" AND labels = "ci-triage" AND created >= -${MINUTES_TODAY}m`,
    });
    const basic = `Basic ${Buffer.from(`${settings.email}:${settings.apiToken}`).toString('base64')}`;
    expect(jira.requests.every((r) => r.headers.authorization === basic)).toBe(true);

    const fields = fieldsOf(0);
    expect(fields.project).toEqual({ key: 'CI' });
    expect(fields.issuetype).toEqual({ name: 'Bug' });
    expect(fields.priority).toEqual({ name: 'High' });
    expect(fields.labels).toEqual(['ci-triage', `ci-triage-fp-${FP_GO}`, 'team-ci']);
    expect(fields.components).toEqual([{ name: 'CI' }]);
    expect(fields.customfield_10020).toBe('ci-triage');
    expect(fields.summary).toBe('[ci-triage] test_failure: testing.go:192: missing API token (Unit Tests)');

    const doc = fields.description as AdfDoc;
    expect(doc).toMatchObject({ type: 'doc', version: 1 });
    expect(doc.content[0]).toEqual({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: 'test_failure · high · in Unit Tests' }],
    });
    const code = doc.content.find((b) => b.type === 'codeBlock');
    const codeText = code && 'content' in code ? (code.content[0]?.text ?? '') : '';
    expect(codeText).toContain('44 ▶         testing.go:192: missing API token');
    expect(codeText).toContain(
      '43 │     --- FAIL: TestCloud_configWithEnvVars/with_hostname_and_env_var_specified (0.00s)',
    );
    expect(code && 'content' in code ? code.content[0]?.marks : 'none').toBeUndefined();
    const text = adfText(doc);
    for (const fact of [
      'Repository: hashicorp/terraform',
      'Branch: fix-cloud-config',
      'Job: Unit Tests',
      'Step: Unit tests',
      'Type: test_failure',
      'Severity: high',
      'Confidence: ',
      `Fingerprint: ${FP_GO}`,
    ])
      expect(text).toContain(fact);
    expect(runAttemptIn(text, RUN.id)).toBe(1);
    expect(hrefs(doc)).toEqual(
      expect.arrayContaining([RUN.htmlUrl, LINE_URL, CHANGE.pullRequest?.htmlUrl, CHANGE.commit.htmlUrl]),
    );

    // The create is audited before and after; jira.js validated every answer of the fake.
    expect(ctx.audit.records.map((r) => [r.sink, r.action, r.target, r.status, r.detail])).toEqual([
      ['jira', 'create', `CI: new ticket labelled ci-triage-fp-${FP_GO}`, 'intent', undefined],
      ['jira', 'create', `CI: new ticket labelled ci-triage-fp-${FP_GO}`, 'ok', 'CI-1'],
    ]);
    expect(ctx.debugs.filter((m) => m.includes('schema'))).toEqual([]);
  });

  it('keeps the summary within 255 characters, the job name kept', async () => {
    const long = 'E'.repeat(1000);
    const g = variant(goTest, {
      severity: 'high',
      excerpts: [{ startLine: 1, endLine: 1, keyLine: 1, score: 1, lines: [long] }],
    });
    const ctx = context(report([{ job: job(11, 'Unit Tests'), finding: g }]));
    const out = await publish(cloudSettings(), ctx);
    expect(out.status).toBe('ok');
    const summary = fieldsOf(0).summary as string;
    expect(summary.length).toBeLessThanOrEqual(255);
    expect(summary.startsWith('[ci-triage] test_failure: EEEE')).toBe(true);
    expect(summary.endsWith('… (Unit Tests)')).toBe(true);
  });

  it('of two open tickets a race left, keeps the older: the newer is linked as its duplicate and moved to Done', async () => {
    const label = `ci-triage-fp-${FP_GO}`;
    for (const summary of ['first', 'second'])
      jira.state.addIssue({
        project: 'CI',
        created: new Date(NOW.getTime() - 3_600_000),
        fields: { labels: ['ci-triage', label], summary },
      });
    const ctx = context(triage());
    const out = await publish(cloudSettings(), ctx);
    expect(out.items.map((i) => `${i.action} ${i.target}`)).toEqual(['commented comment on CI-1']);
    expect(out.message).toBe('CI-2 closed as a duplicate of CI-1');
    expect(jira.state.links).toEqual([{ type: 'Duplicate', outward: 'CI-2', inward: 'CI-1' }]);
    expect(jira.state.issue('CI-2')?.statusCategory).toBe('done');
    expect(ctx.audit.records.map((r) => `${r.action} ${r.target} ${r.status}`)).toEqual([
      'link-duplicate CI-2 → CI-1 intent',
      'link-duplicate CI-2 → CI-1 ok',
      'close-duplicate CI-2 intent',
      'close-duplicate CI-2 ok',
      'comment CI-1 intent',
      'comment CI-1 ok',
    ]);
  });

  it("trusts only the account's own tickets and comments: another account's ticket with the label is left alone", async () => {
    const label = `ci-triage-fp-${FP_GO}`;
    const theirs = jira.state.addIssue({
      project: 'CI',
      creator: 'another-account-0001',
      fields: { labels: ['ci-triage', label], summary: 'not ours' },
    });
    const out = await publish(cloudSettings(), context(triage()));
    expect(out.items.map((i) => `${i.action} ${i.target}`)).toEqual(['created CI-2']);
    expect(theirs.comments).toEqual([]);
  });

  it('finds a ticket the search index does not know yet by its key', async () => {
    jira.state.searchLagMs = 60_000;
    const first = await publish(cloudSettings(), context(triage({ attempt: 1 })));
    expect(first.items.map((i) => `${i.action} ${i.target}`)).toEqual(['created CI-1']);
    const later = await publish(cloudSettings(), context(triage({ runId: RUN.id + 1 })));
    expect(later.items.map((i) => `${i.action} ${i.target}`)).toEqual(['commented comment on CI-1']);
    expect(created()).toHaveLength(1);
  });

  it('comments on the open ticket with the same fingerprint instead of creating one (a Done one does not count)', async () => {
    const label = `ci-triage-fp-${FP_GO}`;
    jira.state.addIssue({
      project: 'CI',
      statusCategory: 'indeterminate',
      created: new Date(NOW.getTime() - 86_400_000),
      fields: { labels: ['ci-triage', label], summary: 'old' },
    });
    jira.state.addIssue({
      project: 'CI',
      statusCategory: 'done',
      created: new Date(NOW.getTime() - 3_600_000),
      fields: { labels: ['ci-triage', label], summary: 'fixed' },
    });
    const ctx = context(triage());

    const out = await publish(cloudSettings(), ctx);

    const url = `${jira.baseUrl}/browse/CI-1`;
    expect(out.status).toBe('ok');
    expect(out.items).toEqual([
      {
        fingerprint: FP_GO,
        action: 'commented',
        target: 'comment on CI-1',
        url: `${url}?focusedCommentId=10101`,
      },
    ]);
    expect(ctx.refs.get(FP_GO)).toEqual({ jira: { key: 'CI-1', url } });
    expect(created()).toEqual([]);
    expect(jira.requests.some((r) => r.path.endsWith('approximate-count'))).toBe(false);
    const comment = jira.state.issue('CI-1')?.comments[0];
    expect(runAttemptIn(adfText(comment?.body), RUN.id)).toBe(1);
    expect(adfText(comment?.body)).toContain(`Seen again in ${runMarker({ id: RUN.id, attempt: 1 })}`);
    expect(jira.state.issue('CI-2')?.comments).toEqual([]);
    expect(ctx.audit.records.map((r) => `${r.action} ${r.target} ${r.status}`)).toEqual([
      'comment CI-1 intent',
      'comment CI-1 ok',
    ]);

    // Only a Done ticket: a new one.
    jira.state.issue('CI-1')!.statusCategory = 'done';
    const again = await publish(cloudSettings(), context(triage()));
    expect(again.items).toEqual([
      { fingerprint: FP_GO, action: 'created', target: 'CI-3', url: `${jira.baseUrl}/browse/CI-3` },
    ]);
  });

  it('a second attempt of the run updates its occurrence comment, never adds one; a third changes nothing', async () => {
    jira.state.addIssue({
      project: 'CI',
      fields: { labels: ['ci-triage', `ci-triage-fp-${FP_GO}`], summary: 'older run' },
    });

    expect((await publish(cloudSettings(), context(triage({ attempt: 1 })))).items[0]?.action).toBe(
      'commented',
    );
    const ctx2 = context(triage({ attempt: 2 }));
    const second = await publish(cloudSettings(), ctx2);
    expect(second.items).toEqual([
      {
        fingerprint: FP_GO,
        action: 'updated',
        target: 'comment on CI-1',
        url: `${jira.baseUrl}/browse/CI-1?focusedCommentId=10101`,
      },
    ]);
    const comments = jira.state.issue('CI-1')?.comments ?? [];
    expect(comments).toHaveLength(1);
    expect(runAttemptIn(adfText(comments[0]?.body), RUN.id)).toBe(2);
    expect(jira.requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([
      '/rest/api/3/issue/CI-1/comment/10101',
    ]);
    expect(ctx2.audit.records.map((r) => `${r.action} ${r.target} ${r.status}`)).toEqual([
      'update-comment CI-1 comment 10101 intent',
      'update-comment CI-1 comment 10101 ok',
    ]);

    const before = writes().length;
    const third = await publish(cloudSettings(), context(triage({ attempt: 2 })));
    expect(third.items[0]?.action).toBe('unchanged');
    expect(writes()).toHaveLength(before);
  });

  it("never edits a comment that only quotes the run (someone else's)", async () => {
    const issue = jira.state.addIssue({
      project: 'CI',
      fields: { labels: ['ci-triage', `ci-triage-fp-${FP_GO}`] },
    });
    jira.state.addComment(issue, {
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: `Still failing, see ${runMarker({ id: RUN.id, attempt: 1 })}` }],
        },
      ],
    });
    const out = await publish(cloudSettings(), context(triage({ attempt: 2 })));
    expect(out.items[0]?.action).toBe('commented');
    expect(jira.requests.filter((r) => r.method === 'PUT')).toEqual([]);
    expect(jira.state.issue('CI-1')?.comments).toHaveLength(2);
  });

  it('a ticket created by attempt 1 is unchanged on attempt 2 (no comment, no count)', async () => {
    expect((await publish(cloudSettings(), context(triage({ attempt: 1 })))).items[0]?.action).toBe(
      'created',
    );
    const n = jira.requests.length;
    const ctx = context(triage({ attempt: 2 }));
    const out = await publish(cloudSettings(), ctx);
    expect(out).toEqual({
      sink: 'jira',
      status: 'ok',
      items: [
        { fingerprint: FP_GO, action: 'unchanged', target: 'CI-1', url: `${jira.baseUrl}/browse/CI-1` },
      ],
    });
    expect(jira.requests.slice(n).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /rest/api/3/search/jql',
      'GET /rest/api/3/search/jql',
      'GET /rest/api/3/issue/CI-2',
      'GET /rest/api/3/myself',
    ]);
    expect(ctx.refs.get(FP_GO)?.jira?.key).toBe('CI-1');
    expect(ctx.audit.records).toEqual([]);
  });

  it('stops creating at the daily cap, counted in Jira since the start of the UTC day; comments still go', async () => {
    for (let i = 0; i < 10; i++)
      jira.state.addIssue({
        project: 'CI',
        created: new Date(NOW.getTime() - (i + 1) * 60_000),
        fields: { labels: ['ci-triage', `ci-triage-fp-other${i}`] },
      });
    const ctx = context(triage());
    const out = await publish(cloudSettings(), ctx);
    expect(out).toEqual({
      sink: 'jira',
      status: 'skipped',
      items: [],
      message: 'daily cap reached (10 of 10): 1 new ticket not created',
    });
    expect(created()).toEqual([]);
    expect(ctx.audit.records.map((r) => [r.action, r.status, r.detail])).toEqual([
      ['create', 'skipped', 'daily cap reached (10 of 10)'],
    ]);

    // An open ticket of the other failure still gets its comment.
    jira.state.addIssue({
      project: 'CI',
      created: new Date(NOW.getTime() - 86_400_000),
      fields: { labels: ['ci-triage', `ci-triage-fp-${FP_BUILD}`] },
    });
    const both = await publish(cloudSettings(), context(triage({ bothHigh: true })));
    expect(both.status).toBe('ok');
    expect(both.items.map((i) => `${i.action} ${i.target}`)).toEqual(['commented comment on CI-11']);
    expect(both.message).toBe('daily cap reached (10 of 10): 1 new ticket not created');
  });

  it('counts only tickets created since midnight UTC', async () => {
    for (let i = 0; i < 10; i++)
      jira.state.addIssue({
        project: 'CI',
        created: new Date(NOW.getTime() - (MINUTES_TODAY + 5 + i) * 60_000),
        fields: { labels: ['ci-triage'] },
      });
    const out = await publish(cloudSettings(), context(triage()));
    expect(out.items.map((i) => i.action)).toEqual(['created']);
  });

  it('publishes only failures at or above jira-min-severity', async () => {
    const ctx = context(triage({ both: true }));
    const out = await publish(cloudSettings({ minSeverity: 'high' }), ctx);
    expect(out.items.map((i) => i.fingerprint)).toEqual([FP_GO]);

    const n = jira.requests.length;
    const none = await publish(cloudSettings({ minSeverity: 'critical' }), context(triage({ both: true })));
    expect(none).toEqual({
      sink: 'jira',
      status: 'skipped',
      items: [],
      message: 'no failure at or above critical',
    });
    expect(jira.requests).toHaveLength(n);
    expect(
      createJiraSink(cloudSettings({ minSeverity: 'medium' })).plannedFailures(ctx.groups, ctx.report),
    ).toHaveLength(2);
  });

  it('dry-run sends nothing and previews what would be created', async () => {
    const ctx = context(
      triage({
        bothHigh: true,
        go: {
          excerpts: goTest.excerpts.map((e) => ({
            ...e,
            lines: e.lines.map((l, i) => (i === 4 ? `${l} ${GH_TOKEN}` : l)),
          })),
        },
      }),
      {
        dryRun: true,
      },
    );
    const out = await publish(cloudSettings(), ctx);
    expect(jira.requests).toEqual([]);
    expect(out.status).toBe('dry-run');
    expect(out.items).toEqual([
      { fingerprint: FP_GO, action: 'would-create', target: `CI: new ticket labelled ci-triage-fp-${FP_GO}` },
      {
        fingerprint: FP_BUILD,
        action: 'would-create',
        target: `CI: new ticket labelled ci-triage-fp-${FP_BUILD}`,
      },
    ]);
    expect(out.preview).toContain(
      '[ci-triage] test_failure: testing.go:192: missing API token *** (Unit Tests)',
    );
    expect(out.preview).toContain(`priority: High · labels: ci-triage, ci-triage-fp-${FP_GO}`);
    expect(out.preview).toContain('44 ▶         testing.go:192: missing API token ***');
    expect(out.preview).not.toContain(GH_TOKEN);
    expect(ctx.audit.records.map((r) => [r.action, r.status, r.detail])).toEqual([
      ['create', 'skipped', 'dry-run'],
      ['create', 'skipped', 'dry-run'],
    ]);
  });

  it('never sends a secret: token shapes and the given secrets are redacted from every payload', async () => {
    jira.state.addIssue({ project: 'CI', fields: { labels: ['ci-triage', `ci-triage-fp-${FP_BUILD}`] } });
    const leak = (l: string, i: number) => (i === 4 ? `${l} token ${GH_TOKEN} and ${CUSTOM_SECRET}` : l);
    const r = triage({
      bothHigh: true,
      jobName: `Unit Tests ${CUSTOM_SECRET}`,
      go: { excerpts: goTest.excerpts.map((e) => ({ ...e, lines: e.lines.map(leak) })) },
    });
    const out = await publish(cloudSettings(), context(r, { secrets: [CUSTOM_SECRET] }));
    expect(out.items.map((i) => i.action).sort()).toEqual(['commented', 'created']);
    const sent = jira.requests.map((q) => q.rawBody + JSON.stringify(q.query)).join('\n');
    expect(sent).not.toContain(GH_TOKEN);
    expect(sent).not.toContain(CUSTOM_SECRET);
    expect(sent).not.toContain(jira.state.basic?.token);
    expect(fieldsOf(0).summary).toBe(
      '[ci-triage] test_failure: testing.go:192: missing API token token *** and *** (Unit Tests ***)',
    );
    expect(adfText(fieldsOf(0).description)).toContain(
      '44 ▶         testing.go:192: missing API token token *** and ***',
    );
  });

  it("keeps log text out of markup: no mentions, no links but the report's", async () => {
    const evil = '[~accountid:5b10] @here <b>x</b> https://evil.example/phish {color:red}';
    const r = triage({
      jobName: evil,
      go: {
        excerpts: goTest.excerpts.map((e) => ({ ...e, lines: e.lines.map((l, i) => (i === 4 ? evil : l)) })),
      },
    });
    await publish(cloudSettings(), context(r));
    const doc = fieldsOf(0).description;
    expect(
      nodes(doc)
        .map((n) => n.type)
        .filter(
          (t) =>
            !['doc', 'heading', 'paragraph', 'text', 'bulletList', 'listItem', 'codeBlock'].includes(
              String(t),
            ),
        ),
    ).toEqual([]);
    expect(hrefs(doc).filter((h) => !/^https:\/\/github\.com\/hashicorp\/terraform(\/|$)/.test(h))).toEqual(
      [],
    );
    // Outside the code block (where nothing is linked), URLs are broken so no renderer links them.
    const prose = adfText({
      ...(doc as AdfDoc),
      content: (doc as AdfDoc).content.filter((b) => b.type !== 'codeBlock'),
    });
    expect(prose).not.toContain('https://evil');
    expect(prose).toContain('https:\u200b//evil.example/phish');
    expect(adfText(doc)).toContain(
      '44 ▶ [~accountid:5b10] @here <b>x</b> https://evil.example/phish {color:red}',
    );
  });

  it('retries once without the priority when it is not on the create screen, and says so', async () => {
    jira.state.screenFields.delete('priority');
    const ctx = context(triage({ bothHigh: true }));
    const out = await publish(cloudSettings(), ctx);
    expect(out.status).toBe('ok');
    expect(out.items.map((i) => `${i.action} ${i.target}`)).toEqual(['created CI-1', 'created CI-2']);
    expect(out.message).toBe(
      'CI-1 created without a priority: Jira refused "High" (Field \'priority\' cannot be set. It is not on the appropriate screen, or unknown.); add Priority to the create screen of CI or change jira-priorities',
    );
    // One refusal only: the second ticket is created without asking again.
    expect(created().map((r) => 'priority' in (r.body as { fields: object }).fields)).toEqual([
      true,
      false,
      false,
    ]);
    expect(ctx.audit.records.map((r) => r.status)).toEqual([
      'intent',
      'error',
      'intent',
      'ok',
      'intent',
      'ok',
    ]);
  });

  it('fails with the field Jira names on a 400 at create (jira-fields), audited as an error', async () => {
    const ctx = context(triage({ bothHigh: true }));
    const out = await publish(cloudSettings({ fields: { customfield_10010: 'x' } }), ctx);
    const message =
      "Jira answered 400 on create: customfield_10010: Field 'customfield_10010' cannot be set. It is not on the appropriate screen, or unknown. — check jira-fields";
    expect(out).toEqual({
      sink: 'jira',
      status: 'failed',
      items: [
        {
          fingerprint: FP_GO,
          action: 'would-create',
          target: `CI: new ticket labelled ci-triage-fp-${FP_GO}`,
          error: message,
        },
      ],
      message,
    });
    // Stopped at the first: the second failure was not tried.
    expect(created()).toHaveLength(1);
    expect(ctx.audit.records.map((r) => [r.action, r.status])).toEqual([
      ['create', 'intent'],
      ['create', 'error'],
    ]);
    expect(ctx.audit.records[1]?.detail).toContain(
      "customfield_10010: Field 'customfield_10010' cannot be set",
    );
  });

  it('fails on 401 with the inputs to check, after one request', async () => {
    const out = await publish(
      cloudSettings({ apiToken: 'wrong-token-value' }),
      context(triage({ bothHigh: true })),
    );
    expect(out.status).toBe('failed');
    expect(out.message).toBe(
      'Jira answered 401 Unauthorized: check jira-email and jira-api-token (an API token from https://id.atlassian.com/manage-profile/security/api-tokens)',
    );
    expect(jira.requests).toHaveLength(1);
  });

  it('fails clearly when the project does not exist or cannot be browsed', async () => {
    const out = await publish(cloudSettings({ project: 'SECRET' }), context(triage({ bothHigh: true })));
    expect(out.status).toBe('failed');
    expect(out.message).toBe(
      "Jira answered 400 for project \"SECRET\" on the search for an open ticket: The value 'SECRET' does not exist for the field 'project'. — check jira-project (the key, e.g. CI) and that the account can browse it",
    );
    expect(jira.requests).toHaveLength(1);

    jira.state.failNext({
      method: 'POST',
      path: '/rest/api/3/issue',
      status: 404,
      body: { errorMessages: ["No project could be found with key 'CI'."], errors: {} },
    });
    const on404 = await publish(cloudSettings(), context(triage()));
    expect(on404.message).toBe(
      'Jira answered 404 for project "CI" on create: No project could be found with key \'CI\'. — check jira-project (the key, e.g. CI) and that the account can browse it',
    );

    jira.state.failNext({
      method: 'GET',
      path: '/rest/api/3/search/jql',
      status: 404,
      body: '<html>Not Found</html>',
    });
    const wrongUrl = await publish(cloudSettings(), context(triage()));
    expect(wrongUrl.message).toMatch(
      /^Jira answered 404 on the search for an open ticket: Not Found — check jira-url/,
    );
  });

  it("fails clearly on a redirect (not followed) and on an answer that is not Jira's JSON", async () => {
    jira.state.failNext({
      method: 'GET',
      path: '/rest/api/3/search/jql',
      status: 301,
      headers: { location: 'https://acme.atlassian.net/rest/api/3/search/jql' },
    });
    const moved = await publish(cloudSettings(), context(triage()));
    expect(moved.status).toBe('failed');
    expect(moved.message).toBe(
      'Jira answered 301 on the search for an open ticket: a redirect to https://acme.atlassian.net/rest/api/3/search/jql — set jira-url to the address it redirects to',
    );
    expect(jira.requests).toHaveLength(1);

    jira.state.failNext({
      method: 'GET',
      path: '/rest/api/3/search/jql',
      status: 200,
      body: '<html>Log in</html>',
    });
    const page = await publish(cloudSettings(), context(triage()));
    expect(page.status).toBe('failed');
    expect(page.message).toBe(
      'Jira answered 200 with text/plain;charset=UTF-8, not JSON, on GET /rest/api/3/search/jql — check jira-url (the Jira site, e.g. https://acme.atlassian.net)',
    );

    jira.state.failNext({
      method: 'GET',
      path: '/rest/api/3/search/jql',
      status: 429,
      headers: { 'retry-after': '30' },
      body: { errorMessages: ['Rate limit exceeded.'] },
    });
    const limited = await publish(cloudSettings(), context(triage({ bothHigh: true })));
    expect(limited.status).toBe('failed');
    expect(limited.message).toBe(
      'Jira answered 429 Too Many Requests on the search for an open ticket: the account is rate limited (Jira asks to wait 30 s); the next run publishes again',
    );
  });

  it('leaves the priority to jira-fields when it sets one', async () => {
    const out = await publish(cloudSettings({ fields: { priority: { name: 'Lowest' } } }), context(triage()));
    expect(out.status).toBe('ok');
    expect(fieldsOf(0).priority).toEqual({ name: 'Lowest' });

    jira.state.issue('CI-1')!.statusCategory = 'done';
    const unknown = await publish(cloudSettings({ fields: { priority: { name: 'P1' } } }), context(triage()));
    expect(created()).toHaveLength(2); // Jira's 400 about the user's own priority: no retry
    expect(unknown.message).toBe(
      "Jira answered 400 on create: priority: Specify a valid 'id' or 'name' for Priority — check jira-fields",
    );
  });

  it('fails without throwing when Jira is unreachable or too slow', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const baseUrl = `http://127.0.0.1:${port}`;
    const out = await publish(cloudSettings({ baseUrl }), context(triage({ bothHigh: true })));
    expect(out).toMatchObject({ sink: 'jira', status: 'failed' });
    expect(out.message).toBe(
      `Jira is unreachable at ${baseUrl}: ECONNREFUSED — check jira-url and that the runner can reach it`,
    );
    expect(out.items).toHaveLength(1);

    jira.state.hang('GET', '/rest/api/3/search/jql');
    const started = Date.now();
    const slow = await publish(cloudSettings(), context(triage({ bothHigh: true })), { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(slow.status).toBe('failed');
    // A timeout is the failure's own: the other one was tried too.
    expect(slow.items).toHaveLength(2);
    expect(slow.message).toBe(
      `Jira timed out after 300 ms at ${jira.baseUrl} on the search for an open ticket: if it keeps happening, check jira-url and that the runner reaches it quickly`,
    );
  });

  it('is partial when one item fails and the others go through', async () => {
    // A 500 to the create, and again to the one retry after looking for the ticket and not finding it.
    jira.state.failNext({
      method: 'POST',
      path: '/rest/api/3/issue',
      status: 500,
      body: { errorMessages: ['Internal server error'], errors: {} },
      times: 2,
    });
    const ctx = context(triage({ bothHigh: true }));
    const out = await publish(cloudSettings(), ctx, { retryDelayMs: 10 });
    expect(out.status).toBe('partial');
    expect(out.items).toEqual([
      {
        fingerprint: FP_GO,
        action: 'would-create',
        target: `CI: new ticket labelled ci-triage-fp-${FP_GO}`,
        error: 'Jira answered 500 Internal Server Error on create: Internal server error',
      },
      { fingerprint: FP_BUILD, action: 'created', target: 'CI-1', url: `${jira.baseUrl}/browse/CI-1` },
    ]);
    expect(out.message).toBe('Jira answered 500 Internal Server Error on create: Internal server error');
    expect(ctx.refs.has(FP_GO)).toBe(false);
  });
});

describe('Jira sink: recurrence and escalation (from the history)', () => {
  const openTicket = (priority?: string) =>
    jira.state.addIssue({
      project: 'CI',
      created: new Date(NOW.getTime() - 86_400_000),
      fields: {
        labels: ['ci-triage', `ci-triage-fp-${FP_GO}`],
        summary: 'older run',
        ...(priority !== undefined ? { priority: { name: priority } } : {}),
      },
    });
  const puts = () => jira.requests.filter((r) => r.method === 'PUT' && /\/issue\/[^/]+$/.test(r.path));
  const commentText = (i: number) => adfText(jira.state.issue('CI-1')?.comments[i]?.body);

  it('escalates the open ticket: its priority one step up and an escalation comment; attempt 2 does neither again', async () => {
    openTicket('High');
    const ctx = context(withHistory(triage(), recurrence()));

    const out = await publish(cloudSettings(), ctx);

    const url = `${jira.baseUrl}/browse/CI-1`;
    expect(out).toEqual({
      sink: 'jira',
      status: 'ok',
      items: [
        {
          fingerprint: FP_GO,
          action: 'commented',
          target: 'comment on CI-1',
          url: `${url}?focusedCommentId=10101`,
        },
        {
          fingerprint: FP_GO,
          action: 'updated',
          target: 'CI-1 (escalated: priority High → Highest)',
          url: `${url}?focusedCommentId=10102`,
        },
      ],
    });
    // The search asks for the priority; the comments are read once; the edit issue endpoint sets the priority.
    expect(jira.requests[0]?.query.fields).toContain('priority');
    expect(jira.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /rest/api/3/search/jql',
      'GET /rest/api/3/search/jql',
      'GET /rest/api/3/issue/CI-2',
      'GET /rest/api/3/myself',
      'GET /rest/api/3/issue/CI-1/comment',
      'POST /rest/api/3/issue/CI-1/comment',
      'PUT /rest/api/3/issue/CI-1',
      'POST /rest/api/3/issue/CI-1/comment',
    ]);
    expect(puts()[0]?.body).toEqual({ fields: { priority: { name: 'Highest' } } });
    expect(jira.state.issue('CI-1')?.fields.priority).toEqual({ name: 'Highest' });

    // The occurrence comment carries the history's line; the escalation comment says what was done, and for which run.
    expect(commentText(0)).toContain(SEEN_LINE);
    const escalation = commentText(1);
    expect(escalation).toContain(
      'Escalated by ci-triage: seen in 4 runs in 30 days (threshold 3) — first in run #12 on 2026-04-20',
    );
    expect(escalation).toContain('Priority raised one step: High → Highest.');
    expect(escalation).toContain(`Escalated in ${runMarker({ id: RUN.id, attempt: 1 })}`);
    expect(hrefs(jira.state.issue('CI-1')?.comments[1]?.body)).toEqual([FIRST_RUN_URL, RUN.htmlUrl]);
    expect(
      ctx.audit.records.map((r) => `${r.action} ${r.target} ${r.status} ${r.detail ?? ''}`.trim()),
    ).toEqual([
      'comment CI-1 intent',
      'comment CI-1 ok comment 10101',
      'priority CI-1 intent',
      'priority CI-1 ok High → Highest',
      'escalate CI-1 intent',
      'escalate CI-1 ok comment 10102',
    ]);

    // Attempt 2 of the same run (the history still says escalate): the occurrence comment is updated; no second
    // bump, no second escalation comment.
    const n = jira.requests.length;
    const ctx2 = context(withHistory(triage({ attempt: 2 }), recurrence()));
    const again = await publish(cloudSettings(), ctx2);
    expect(again.items).toEqual([
      {
        fingerprint: FP_GO,
        action: 'updated',
        target: 'comment on CI-1',
        url: `${url}?focusedCommentId=10101`,
      },
    ]);
    expect(jira.requests.slice(n).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /rest/api/3/search/jql',
      'GET /rest/api/3/search/jql',
      'GET /rest/api/3/issue/CI-2',
      'GET /rest/api/3/myself',
      'GET /rest/api/3/issue/CI-1/comment',
      'PUT /rest/api/3/issue/CI-1/comment/10101',
    ]);
    expect(puts()).toHaveLength(1);
    expect(jira.state.issue('CI-1')?.comments).toHaveLength(2);
    expect(jira.state.issue('CI-1')?.fields.priority).toEqual({ name: 'Highest' });
    expect(ctx2.debugs.join('\n')).toContain('CI-1 was escalated by this run already');
  });

  it("escalates a ticket it creates: created at the severity's priority, then raised one step", async () => {
    const ctx = context(withHistory(triage(), recurrence()));
    const out = await publish(cloudSettings(), ctx);
    const url = `${jira.baseUrl}/browse/CI-1`;
    expect(out.items).toEqual([
      { fingerprint: FP_GO, action: 'created', target: 'CI-1', url },
      {
        fingerprint: FP_GO,
        action: 'updated',
        target: 'CI-1 (escalated: priority High → Highest)',
        url: `${url}?focusedCommentId=10101`,
      },
    ]);
    // A new ticket has no comment to read; its priority is the one it was created with.
    expect(jira.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /rest/api/3/search/jql',
      'GET /rest/api/3/search/jql',
      'GET /rest/api/3/issue/CI-1',
      'GET /rest/api/3/myself',
      'POST /rest/api/3/search/approximate-count',
      'POST /rest/api/3/issue',
      'GET /rest/api/3/search/jql',
      'PUT /rest/api/3/issue/CI-1',
      'POST /rest/api/3/issue/CI-1/comment',
    ]);
    expect(fieldsOf(0).priority).toEqual({ name: 'High' });
    expect(jira.state.issue('CI-1')?.fields.priority).toEqual({ name: 'Highest' });
    expect(adfText(fieldsOf(0).description)).toContain(SEEN_LINE);
    expect(commentText(0)).toContain('Priority raised one step: High → Highest.');

    // Attempt 2: the ticket is this run's and so is the escalation: nothing is written.
    const n = writes().length;
    const again = await publish(cloudSettings(), context(withHistory(triage({ attempt: 2 }), recurrence())));
    expect(again.items).toEqual([{ fingerprint: FP_GO, action: 'unchanged', target: 'CI-1', url }]);
    expect(writes()).toHaveLength(n);
  });

  it('created without a priority (not on the create screen): reads the default one, then raises it', async () => {
    jira.state.screenFields.delete('priority');
    jira.state.editScreenFields = new Set(['summary', 'description', 'labels', 'priority']);
    const out = await publish(cloudSettings(), context(withHistory(triage(), recurrence())));
    expect(out.items.map((i) => `${i.action} ${i.target}`)).toEqual([
      'created CI-1',
      'updated CI-1 (escalated: priority Medium → High)',
    ]);
    expect(
      jira.requests.filter((r) => r.method === 'GET' && r.path === '/rest/api/3/issue/CI-1').at(-1)?.query,
    ).toEqual({
      fields: 'priority',
    });
    expect(jira.state.issue('CI-1')?.fields.priority).toEqual({ name: 'High' });
  });

  it('a ticket already at the highest priority: the escalation comment only', async () => {
    openTicket('Highest');
    const ctx = context(withHistory(triage(), recurrence()));
    const out = await publish(cloudSettings(), ctx);
    expect(out.status).toBe('ok');
    expect(out.items.map((i) => `${i.action} ${i.target}`)).toEqual([
      'commented comment on CI-1',
      'updated CI-1 (escalated: already at Highest)',
    ]);
    expect(puts()).toEqual([]);
    expect(commentText(1)).toContain(
      'Already at the highest priority (Highest): the priority is left as it is.',
    );
    expect(ctx.audit.records.map((r) => r.action)).not.toContain('priority');
  });

  it('the priority not on the edit screen: comments anyway and says so', async () => {
    openTicket('Low');
    jira.state.editScreenFields = new Set(['summary', 'description', 'labels']);
    const ctx = context(withHistory(triage(), recurrence()));
    const out = await publish(cloudSettings(), ctx);
    const refused =
      "priority: Field 'priority' cannot be set. It is not on the appropriate screen, or unknown.";
    expect(out.status).toBe('ok');
    expect(out.items.map((i) => `${i.action} ${i.target}`)).toEqual([
      'commented comment on CI-1',
      'updated CI-1 (escalated: priority not raised, Jira refused Medium)',
    ]);
    expect(out.message).toBe(
      `CI-1 escalated without raising its priority: Jira refused "Medium" (${refused}); put Priority on the edit screen of CI (and let the account edit issues) or change jira-priorities`,
    );
    expect(puts().map((r) => r.body)).toEqual([{ fields: { priority: { name: 'Medium' } } }]);
    expect(jira.state.issue('CI-1')?.fields.priority).toEqual({ name: 'Low' });
    expect(commentText(1)).toContain(
      `The priority could not be raised from Low to Medium: Jira refused it (${refused})`,
    );
    expect(ctx.audit.records.map((r) => `${r.action} ${r.status}`)).toEqual([
      'comment intent',
      'comment ok',
      'priority intent',
      'priority error',
      'escalate intent',
      'escalate ok',
    ]);
  });

  it('recurring and flaky but not escalating: the "Seen in N runs" and "Flaky" lines, no bump, no escalation comment', async () => {
    openTicket('High');
    const flaky = recurrence({
      escalate: false,
      escalatedBefore: true,
      flaky: true,
      evidence: [
        {
          kind: 'same-commit',
          text: 'Unit Tests failed on 5bd6c0a in run #12 attempt 1 and passed on the same commit in run #12 attempt 2',
        },
      ],
    });
    const out = await publish(cloudSettings(), context(withHistory(triage(), flaky)));
    expect(out.items.map((i) => `${i.action} ${i.target}`)).toEqual(['commented comment on CI-1']);
    expect(puts()).toEqual([]);
    expect(jira.state.issue('CI-1')?.comments).toHaveLength(1);
    const text = commentText(0);
    expect(text).toContain(SEEN_LINE);
    expect(text).toContain(
      'Flaky: Unit Tests failed on 5bd6c0a in run #12 attempt 1 and passed on the same commit in run #12 attempt 2',
    );
    // The run's own comment marker still leads the comment (a later attempt finds it).
    expect(text.startsWith(`Seen again in ${runMarker({ id: RUN.id, attempt: 1 })}`)).toBe(true);
  });

  it('says nothing of a failure seen once, or of a generic one; a new ticket too', async () => {
    const once = recurrence({ occurrences: 1, recurring: false, escalate: false, branches: [], prs: [] });
    await publish(cloudSettings(), context(withHistory(triage(), once)));
    expect(adfText(fieldsOf(0).description)).not.toContain('Seen in');
    jira.state.issue('CI-1')!.statusCategory = 'done';
    const generic = recurrence({ generic: true, escalate: true });
    const out = await publish(cloudSettings(), context(withHistory(triage(), generic)));
    expect(out.items.map((i) => i.action)).toEqual(['created']);
    expect(adfText(fieldsOf(1).description)).not.toContain('Seen in');
    expect(puts()).toEqual([]);
  });

  it('dry-run: says it would escalate, sends nothing', async () => {
    const ctx = context(withHistory(triage(), recurrence()), { dryRun: true });
    const out = await publish(cloudSettings(), ctx);
    expect(jira.requests).toEqual([]);
    expect(out.items).toEqual([
      { fingerprint: FP_GO, action: 'would-create', target: `CI: new ticket labelled ci-triage-fp-${FP_GO}` },
      {
        fingerprint: FP_GO,
        action: 'would-update',
        target: `CI: the ticket labelled ci-triage-fp-${FP_GO} (escalated: priority one step up, escalation comment)`,
      },
    ]);
    expect(out.preview).toContain(
      'escalates: seen in 4 runs in 30 days (threshold 3): priority one step up and an escalation comment',
    );
    expect(ctx.audit.records.map((r) => `${r.action} ${r.status}`)).toEqual([
      'create skipped',
      'escalate skipped',
    ]);
  });

  it('v2: escalates with PUT /rest/api/2/issue/{key} and a wiki comment; branch names stay text', async () => {
    jira.state.addIssue({
      project: 'CI',
      version: 2,
      fields: {
        labels: ['ci-triage', `ci-triage-fp-${FP_GO}`],
        description: 'older',
        priority: { name: 'Medium' },
      },
    });
    const r = withHistory(triage(), recurrence({ branches: ['evil[~admin]{color:red}', 'main'] }));
    const out = await publish(serverSettings(), context(r));
    expect(out.items.map((i) => `${i.action} ${i.target}`)).toEqual([
      'commented comment on CI-1',
      'updated CI-1 (escalated: priority Medium → High)',
    ]);
    expect(puts().map((q) => [q.path, q.body])).toEqual([
      ['/rest/api/2/issue/CI-1', { fields: { priority: { name: 'High' } } }],
    ]);
    const [occurrence, escalation] = (jira.state.issue('CI-1')?.comments ?? []).map((c) => c.body as string);
    expect(occurrence).toContain(
      `*Seen in 4 runs in the last 30 days* — first in [run #12|${FIRST_RUN_URL}] on 2026-04-20; branches {{evil\\[\\~admin\\]\\{color:red\\}}}, {{main}}`,
    );
    expect(escalation).toMatch(/^\*Escalated by ci-triage:\* seen in 4 runs in 30 days \(threshold 3\)/);
    expect(escalation).toContain('Priority raised one step: {{Medium}} → {{High}}.');
    expect(escalation).toContain(`Escalated in [ci-triage run ${RUN.id}, attempt 1|${RUN.htmlUrl}]`);
    expect(escalation).not.toMatch(/(?<!\\)\[~/);

    // Attempt 2 finds the escalation comment in wiki markup too.
    const again = await publish(serverSettings(), context(withHistory(triage({ attempt: 2 }), recurrence())));
    expect(again.items.map((i) => i.action)).toEqual(['updated']);
    expect(puts()).toHaveLength(1);
  });
});

describe('Jira sink (Server / Data Center, REST v2)', () => {
  it('creates with a Bearer token, wiki markup and the v2 search; a second attempt leaves the ticket unchanged', async () => {
    const evil = 'lint [~admin] {color:red}x{color} *bold* | !img.png! \\\\ {noformat}';
    const r = triage({
      jobName: 'Unit Tests [~admin]',
      go: {
        excerpts: goTest.excerpts.map((e) => ({ ...e, lines: e.lines.map((l, i) => (i === 4 ? evil : l)) })),
      },
    });
    const settings = serverSettings();
    const out = await publish(settings, context(r));
    expect(out.items).toEqual([
      { fingerprint: FP_GO, action: 'created', target: 'CI-1', url: `${jira.baseUrl}/browse/CI-1` },
    ]);
    expect(jira.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
      'GET /rest/api/2/search',
      'GET /rest/api/2/search',
      'GET /rest/api/2/issue/CI-1',
      'GET /rest/api/2/myself',
      'GET /rest/api/2/search',
      'POST /rest/api/2/issue',
      'GET /rest/api/2/search',
    ]);
    expect(jira.requests.every((q) => q.headers.authorization === `Bearer ${settings.apiToken}`)).toBe(true);
    expect(jira.requests[0]?.query).toMatchObject({
      jql: `project = "CI" AND labels = "ci-triage-fp-${FP_GO}" AND statusCategory != Done ORDER BY created ASC`,
      maxResults: '10',
    });
    expect(jira.requests[4]?.query).toMatchObject({
      jql: `project = "CI" AND labels = "ci-triage" AND created >= -${MINUTES_TODAY}m`,
      maxResults: '0',
    });

    const fields = fieldsOf(0);
    expect(fields.priority).toEqual({ name: 'High' });
    const wiki = fields.description as string;
    expect(typeof wiki).toBe('string');
    expect(wiki).toMatch(/^h2\. test\\_failure · high · in Unit Tests \\\[\\~admin\\\]$/m);
    expect(wiki).toContain(`Opened by [ci-triage run ${RUN.id}, attempt 1|${RUN.htmlUrl}]`);
    expect(wiki).toContain(`* *Job:* [Unit Tests \\[\\~admin\\]|${RUN.htmlUrl}/job/11]`);
    expect(wiki).toContain(`[The failing line: line 44 of step 6|${LINE_URL}]`);
    // The log line sits in a {noformat} block it cannot close.
    const block = /\{noformat\}\n([\s\S]*?)\n\{noformat\}/.exec(wiki)?.[1] ?? '';
    expect(block).toContain(
      '44 ▶ lint [~admin] {color:red}x{color} *bold* | !img.png! \\\\ {\u200bnoformat}',
    );
    expect(wiki.match(/\{noformat\}/g)).toHaveLength(2);
    // Outside it, no unescaped mention anywhere.
    expect(wiki.replace(block, '')).not.toMatch(/(?<!\\)\[~/);

    const ctx2 = context(triage({ attempt: 2 }));
    const again = await publish(settings, ctx2);
    expect(again.items).toEqual([
      { fingerprint: FP_GO, action: 'unchanged', target: 'CI-1', url: `${jira.baseUrl}/browse/CI-1` },
    ]);
  });

  it('comments in wiki markup, then updates that comment on the next attempt', async () => {
    jira.state.addIssue({
      project: 'CI',
      version: 2,
      fields: { labels: ['ci-triage', `ci-triage-fp-${FP_GO}`], description: 'older' },
    });
    const first = await publish(serverSettings(), context(triage({ attempt: 1 })));
    expect(first.items[0]).toMatchObject({ action: 'commented', target: 'comment on CI-1' });
    const post = jira.requests.find((q) => q.method === 'POST');
    expect(post?.path).toBe('/rest/api/2/issue/CI-1/comment');
    expect(typeof (post?.body as { body: unknown }).body).toBe('string');
    expect((post?.body as { body: string }).body).toContain(
      `Seen again in [ci-triage run ${RUN.id}, attempt 1|${RUN.htmlUrl}]`,
    );

    const second = await publish(serverSettings(), context(triage({ attempt: 2 })));
    expect(second.items[0]).toMatchObject({ action: 'updated', target: 'comment on CI-1' });
    expect(jira.requests.filter((q) => q.method === 'PUT').map((q) => q.path)).toEqual([
      '/rest/api/2/issue/CI-1/comment/10101',
    ]);
    expect(jira.state.issue('CI-1')?.comments).toHaveLength(1);
  });

  it('fails on 401 naming the personal access token', async () => {
    const out = await publish(serverSettings({ apiToken: 'not-the-pat' }), context(triage()));
    expect(out.status).toBe('failed');
    expect(out.message).toBe(
      'Jira answered 401 Unauthorized: check jira-api-token (a personal access token of Jira Server / Data Center, sent as a Bearer token with jira-api-version 2)',
    );
  });
});

describe('Jira renderers', () => {
  it('climbs the priority ladder one step, with the names of jira-priorities', () => {
    const defaults = { critical: 'Highest', high: 'High', medium: 'Medium', low: 'Low' } as const;
    expect(nextPriority('Lowest', defaults)).toEqual({ to: 'Low' });
    expect(nextPriority('Medium', defaults)).toEqual({ to: 'High' });
    expect(nextPriority('high', defaults)).toEqual({ to: 'Highest' });
    expect(nextPriority('Highest', defaults)).toEqual({ highest: true });
    expect(nextPriority('Blocker', defaults)).toBeUndefined();
    const named = { critical: 'P1', high: 'P2', medium: 'P3', low: 'P4' } as const;
    expect(nextPriority('P3', named)).toEqual({ to: 'P2' });
    expect(nextPriority('Lowest', named)).toEqual({ to: 'P4' });
    expect(nextPriority('High', named)).toEqual({ to: 'P1' });
    expect(nextPriority('P1', named)).toEqual({ highest: true });
    // Two severities on one name: that name is the top.
    expect(nextPriority('High', { ...defaults, critical: 'High' })).toEqual({ highest: true });
  });

  it('escapes wiki markup, keeping no backslash that could make a line break', () => {
    expect(wikiEscape('[~user] {code} *b* _i_ -s- +u+ ^sup^ ~sub~ ??c?? !img! | #1 C:\\dir\\\\x')).toBe(
      '\\[\\~user\\] \\{code\\} \\*b\\* \\_i\\_ \\-s\\- \\+u\\+ \\^sup\\^ \\~sub\\~ \\?\\?c\\?\\? \\!img\\! \\| \\#1 C:⧵dir⧵⧵x',
    );
    expect(wikiEscape('see http://x.example')).toBe('see http:\u200b//x.example');
  });

  it('finds the run a text names, only that run', () => {
    const text = `Opened by ${runMarker({ id: 12, attempt: 1 })}\n… ${runMarker({ id: 123, attempt: 3 })} … ${runMarker({ id: 12, attempt: 2 })}`;
    expect(runAttemptIn(text, 12)).toBe(2);
    expect(runAttemptIn(text, 123)).toBe(3);
    expect(runAttemptIn(text, 1)).toBeUndefined();
  });

  it('stays under the size limit: the excerpt shrinks first', () => {
    const long = Array.from({ length: 200 }, (_, i) => `line ${i} ${'x'.repeat(400)}`);
    const f = variant(goTest, {
      severity: 'high',
      excerpts: [{ startLine: 1, endLine: 200, keyLine: 100, score: 1, lines: long }],
    });
    const r = report([{ job: job(11, 'Unit Tests'), finding: f }]);
    const [g] = groupByFingerprint(r);
    const big = ticketAdf(r, g!, { maxChars: 1_000_000 });
    const small = ticketAdf(r, g!, { maxChars: 8000 });
    expect(JSON.stringify(big).length).toBeGreaterThan(8000);
    expect(JSON.stringify(small).length).toBeLessThanOrEqual(8000);
    expect(adfText(small)).toContain('100 ▶ line 99');
    expect(ticketWiki(r, g!, { maxChars: 8000 }).length).toBeLessThanOrEqual(8000);
    expect(ticketSummary(g!).length).toBeLessThanOrEqual(255);
  });
});
