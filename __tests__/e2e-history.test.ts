/**
 * End to end, the memory: the committed bundle (dist/index.js, dist/cli.js) against the GitHub fake with its
 * artifact service (the history snapshots go through the real @actions/artifact client, uploads and downloads)
 * and run attempts, plus the Jira and Slack fakes for escalation. Each triage runs as a companion workflow run
 * of its own, with the runner's artifact credentials (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL).
 *
 * Covered: a failure seen three times escalates once (Jira priority and comment, Slack escalation channel);
 * a transient failure is re-run once and not again at max-attempts, nor past the daily cap; a test failure is
 * not re-run; dry-run shows the re-run without doing it; a flaky fingerprint is recognised from attempt history
 * (and then re-run); two triages at once both leave their findings in the history (read back by the CLI).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGitHub, FakeGitHubState, type FakeRun, startFakeGitHub } from './helpers/fake-github.js';
import { startFakeJira } from './helpers/fake-jira.js';
import { FakeSlackState, startFakeSlack } from './helpers/fake-slack.js';
import { apiStepsFor, jobLog, type JobLogOptions, type LogStep, NPM_CI, npmTest } from './helpers/job-log.js';
import { runBundledCli } from './helpers/run-cli.js';
import { type ActionResult, DEFAULT_TOKEN, runAction, snapshotDist } from './helpers/run-action.js';

const REPO = 'acme/widgets';
const JIRA_EMAIL = 'ci-bot@example.com';
const JIRA_TOKEN = 'jira-api-token-0123456789abcdef';
const SLACK_TOKEN = 'xoxb-1111-2222-e2eSlackBotToken';

let dist: { action: string; cli: string };
const closers: Array<() => Promise<void>> = [];
const results: ActionResult[] = [];

beforeAll(async () => {
  dist = await snapshotDist();
});
afterAll(async () => {
  await Promise.all(closers.map((c) => c()));
  await Promise.all(results.map((r) => r.cleanup()));
});

const NETWORK: LogStep = {
  name: 'Run npm ci',
  command: ['npm ci'],
  failed: true,
  output: [
    'npm ERR! code ECONNRESET',
    'npm ERR! network request to https://registry.npmjs.org/react/-/react-18.2.0.tgz failed, reason: socket hang up',
    'npm ERR! network This is a problem related to network connectivity.',
    'npm ERR! network In most cases you are behind a proxy or have bad network settings.',
  ],
};

async function github(): Promise<FakeGitHub> {
  const state = new FakeGitHubState();
  state.addRepo(REPO);
  state.tokens = new Set([DEFAULT_TOKEN]);
  const gh = await startFakeGitHub(state);
  closers.push(() => gh.close());
  return gh;
}

/** A CI run on `branch` whose job `name` fails with `step` (or passes without one). */
function ciRun(
  gh: FakeGitHub,
  o: { step?: LogStep; branch?: string; sha?: string; name?: string; event?: string },
): FakeRun {
  const s = gh.state;
  const run = s.addRun({
    repo: REPO,
    // Now: the history keeps what is in its window (history-days) only.
    createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    event: o.event ?? 'push',
    headBranch: o.branch ?? 'main',
    ...(o.sha ? { headSha: o.sha } : {}),
    conclusion: o.step ? 'failure' : 'success',
  });
  addAttempt(gh, run, o.step, o.name);
  if (!s.commits.some((c) => c.sha === run.headSha))
    s.addCommit({ repo: REPO, sha: run.headSha, message: 'Change things', files: ['src/cart.js'] });
  return run;
}

function addAttempt(gh: FakeGitHub, run: FakeRun, step: LogStep | undefined, name = 'test'): void {
  const opts: JobLogOptions = { steps: step ? [step] : [NPM_CI, npmTest({ failing: false })] };
  gh.state.addJob(run, {
    name,
    conclusion: step ? 'failure' : 'success',
    steps: apiStepsFor(opts),
    log: jobLog(opts),
  });
  run.conclusion = step ? 'failure' : 'success';
}

/** Triages `run` (its latest attempt) from a companion run of its own, as the runner would. */
async function triage(
  gh: FakeGitHub,
  run: FakeRun,
  inputs: Record<string, string> = {},
): Promise<ActionResult> {
  const companion = gh.state.addRun({
    repo: REPO,
    workflowName: 'Triage CI',
    path: '.github/workflows/triage.yml',
    event: 'workflow_run',
    status: 'in_progress',
    conclusion: null,
  });
  const r = await runAction({
    apiUrl: gh.baseUrl,
    bundle: dist.action,
    event: 'workflow_run',
    payload: { workflow_run: { id: run.id, run_attempt: run.attempt } },
    runId: companion.id,
    runAttempt: 1,
    inputs: { 'pr-comment': 'false', ...inputs },
    env: gh.runnerEnv(companion.id),
  });
  results.push(r);
  return r;
}

/** The summary as a reader sees the text: character references decoded. */
const readable = (md: string) => md.replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)));
const explain = (r: ActionResult) => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
const warnings = (r: ActionResult) => r.commands.filter((c) => c.command === 'warning').map((c) => c.message);

describe.concurrent('dist/index.js memory end to end', () => {
  it('a failure seen three times escalates once: Jira priority and comment, Slack escalation channel', async () => {
    const gh = await github();
    const jira = await startFakeJira();
    closers.push(() => jira.close());
    const slackState = new FakeSlackState();
    slackState.addToken(SLACK_TOKEN);
    const alerts = slackState.addChannel({ name: 'ci-alerts' }).id;
    const escalations = slackState.addChannel({ name: 'ci-escalations' }).id;
    const slack = await startFakeSlack(slackState);
    closers.push(() => slack.close());
    const inputs = {
      'jira-url': jira.baseUrl,
      'jira-email': JIRA_EMAIL,
      'jira-api-token': JIRA_TOKEN,
      'jira-project': 'CI',
      'slack-bot-token': SLACK_TOKEN,
      'slack-channel': alerts,
      'slack-escalation-channel': escalations,
      'slack-api-url': slack.apiUrl,
    };

    const outs: ActionResult[] = [];
    for (let i = 0; i < 4; i++) {
      const run = ciRun(gh, { step: npmTest({ failing: true }), branch: 'main' });
      const r = await triage(gh, run, inputs);
      expect(r.code, explain(r)).toBe(0);
      expect(warnings(r), explain(r)).toEqual([]);
      outs.push(r);
    }
    expect(outs.map((r) => r.outputs.occurrences)).toEqual(['1', '2', '3', '4']);
    expect(outs.map((r) => r.outputs.recurring)).toEqual(['false', 'true', 'true', 'true']);
    expect(outs[2]!.summary).toMatch(/Seen in 3 runs in the last 30 days[^\n]*escalated/);
    expect(outs[3]!.summary).toMatch(/Seen in 4 runs in the last 30 days[^\n]*escalated earlier/);

    // One ticket, three occurrence comments, one escalation: the priority one step up, once.
    expect(jira.state.issues).toHaveLength(1);
    const ticket = jira.state.issues[0]!;
    expect((ticket.fields.priority as { name: string }).name).toBe('Highest');
    const escalationComments = ticket.comments.filter((c) =>
      /Escalated by ci-triage/.test(JSON.stringify(c.body)),
    );
    expect(escalationComments).toHaveLength(1);
    expect(jira.requests.filter((q) => q.method === 'PUT' && /\/issue\/CI-1$/.test(q.path))).toHaveLength(1);
    // Slack: the first message, then thread replies under it (the escalating one broadcast to the channel);
    // one message in the escalation channel.
    const all = slack.state.messagesIn(alerts, true);
    expect(all).toHaveLength(4);
    expect(all.every((m) => m.thread_ts === all[0]!.ts)).toBe(true);
    expect(slack.state.messagesIn(alerts)).toHaveLength(2);
    expect(slack.state.messagesIn(escalations)).toHaveLength(1);
    // The history artifact of each triage, in its own run.
    expect(gh.state.artifacts.filter((a) => a.name === 'ci-triage-history' && a.finalized)).toHaveLength(4);
    expect(outs[3]!.summary).toMatch(/### Trends \(last 30 days/);
    expect(outs[3]!.summary).toContain('```mermaid');
    expect(outs[3]!.summary).toMatch(/History read in \d+ API calls?/);
  });

  it('re-runs a transient failure once, not again at max-attempts, nor past the daily cap', async () => {
    const gh = await github();
    const run = ciRun(gh, { step: NETWORK, branch: 'main', name: 'install' });
    const first = await triage(gh, run, { rerun: 'true', 'rerun-daily-cap': '1' });
    expect(first.code, explain(first)).toBe(0);
    expect(first.outputs.rerun).toBe('true');
    expect(first.summary).toMatch(/Re-ran the failed jobs\*\* \(attempt 2\)/);
    expect(gh.state.reruns.map((x) => [x.runId, x.attempt])).toEqual([[run.id, 2]]);

    // The re-run fails the same way: attempt 2 is not below max-attempts.
    for (const j of run.jobs.filter((x) => x.attempt === 2)) {
      const opts: JobLogOptions = { steps: [NETWORK] };
      Object.assign(j, {
        status: 'completed',
        conclusion: 'failure',
        steps: apiStepsFor(opts),
        log: jobLog(opts),
      });
    }
    run.status = 'completed';
    run.conclusion = 'failure';
    const second = await triage(gh, run, { rerun: 'true', 'rerun-daily-cap': '1' });
    expect(second.outputs.rerun).toBe('false');
    expect(readable(second.summary)).toMatch(/No re-run:\*\* attempt 2 is not below max-attempts \(2\)/);

    // Another run's transient failure the same day: the cap of one re-run a day is reached.
    const other = ciRun(gh, { step: NETWORK, branch: 'main', name: 'install' });
    const third = await triage(gh, other, { rerun: 'true', 'rerun-daily-cap': '1' });
    expect(third.outputs.rerun).toBe('false');
    expect(readable(third.summary)).toMatch(/daily re-run cap is reached \(1 of 1\)/);
    expect(gh.state.reruns).toHaveLength(1);
    const audit = Object.entries(first.files).find(([p]) => p.endsWith('audit.jsonl'))![1];
    expect(audit).toMatch(
      /"sink":"rerun","action":"rerun-failed-jobs","target":"run \d+ attempt 1","status":"intent"/,
    );
  });

  it('never re-runs a test failure without evidence, and shows a re-run in dry-run without doing it', async () => {
    const gh = await github();
    const test = await triage(gh, ciRun(gh, { step: npmTest({ failing: true }) }), { rerun: 'true' });
    expect(test.code, explain(test)).toBe(0);
    expect(test.outputs.rerun).toBe('false');
    expect(readable(test.summary)).toMatch(/test failure with no evidence of flakiness/);
    const dry = await triage(gh, ciRun(gh, { step: NETWORK, name: 'install' }), {
      rerun: 'true',
      'dry-run': 'true',
    });
    expect(dry.summary).toMatch(/Would re-run the failed jobs\*\* \(dry run\)/);
    expect(gh.state.reruns).toEqual([]);
  });

  it('recognises a flaky fingerprint from attempt history, and then re-runs even a test failure', async () => {
    const gh = await github();
    // Attempt 1 fails; attempt 2 of the same run (same commit) passes: both are triaged, as a companion does.
    const run = ciRun(gh, { step: npmTest({ failing: true }), branch: 'main' });
    expect((await triage(gh, run)).code).toBe(0);
    run.attempt = 2;
    addAttempt(gh, run, undefined);
    const green = await triage(gh, run);
    expect(green.code, explain(green)).toBe(0);
    expect(green.outputs['failed-jobs']).toBe('0');
    // The same failure on another commit: flaky by evidence, and so re-run.
    const later = ciRun(gh, { step: npmTest({ failing: true }), branch: 'main' });
    const r = await triage(gh, later, { rerun: 'true' });
    expect(r.code, explain(r)).toBe(0);
    expect(r.outputs.flaky).toBe('true');
    expect(readable(r.summary)).toMatch(
      /Flaky:\*\* test failed on [0-9a-f]{7} in run #\d+ attempt 1 and passed on the same commit in run #\d+ attempt 2/,
    );
    expect(r.outputs.rerun).toBe('true');
    expect(gh.state.reruns.map((x) => x.runId)).toEqual([later.id]);
  });

  it('two triages at once both leave their findings in the history', async () => {
    const gh = await github();
    const a = ciRun(gh, { step: npmTest({ failing: true }), branch: 'feature/a' });
    const b = ciRun(gh, { step: NETWORK, branch: 'feature/b', name: 'install' });
    const [ra, rb] = await Promise.all([triage(gh, a), triage(gh, b)]);
    expect(ra.code, explain(ra)).toBe(0);
    expect(rb.code, explain(rb)).toBe(0);
    // Each wrote a snapshot from the same (empty) history; the reader merges them.
    const cli = await runBundledCli(dist.cli, ['history', REPO, '--json'], {
      GITHUB_TOKEN: DEFAULT_TOKEN,
      GITHUB_API_URL: gh.baseUrl,
    });
    expect(cli.code, cli.stderr).toBe(0);
    const out = JSON.parse(cli.stdout) as {
      trends: { records: number; byType: Array<{ type: string; count: number }> };
      cost: { calls: number };
    };
    expect(out.trends.byType.map((x) => x.type).sort()).toEqual(['infrastructure', 'test_failure']);
    expect(out.trends.records).toBe(2);
    expect(out.cost.calls).toBeLessThanOrEqual(6);
    // And the next triage sees both.
    const next = await triage(gh, ciRun(gh, { step: npmTest({ failing: true }), branch: 'feature/c' }));
    expect(next.outputs.occurrences).toBe('2');
    expect(next.summary).toMatch(/Trends \(last 30 days, 3 records\)/);
  });
});
