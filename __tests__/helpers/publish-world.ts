/**
 * The world the end-to-end publishing tests run the committed bundle in: a pull request's CI run with failed
 * jobs on the local GitHub fake, the Jira, Slack and webhook fakes around it, and the inputs that turn every
 * sink on. Shared by `e2e-publish.test.ts` (every sink on a good day) and `e2e-sinks-bad-day.test.ts` (lost
 * answers, concurrent runs, a lagging search index, spoofed marks, a fork's token, slow answers).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type FakeCommit,
  type FakeGitHub,
  FakeGitHubState,
  type FakePull,
  type FakeRun,
  startFakeGitHub,
} from './fake-github.js';
import { type FakeJira, startFakeJira } from './fake-jira.js';
import { type FakeSlack, FakeSlackState, startFakeSlack } from './fake-slack.js';
import { apiStepsFor, jobLog, type JobLogOptions, type LogStep, NPM_CI, npmTest } from './job-log.js';
import { type ActionResult, DEFAULT_TOKEN, runAction } from './run-action.js';

export const REPO = 'acme/widgets';
export const PR = 7;
export const JIRA_EMAIL = 'ci-bot@example.com';
export const JIRA_TOKEN = 'jira-api-token-0123456789abcdef';
export const SLACK_TOKEN = 'xoxb-1111-2222-e2eSlackBotToken';
export const WEBHOOK_SECRET = 'whsec-e2e-0123456789abcdef';
export const SLACK_USER = 'U0OCTOCAT1';

export const BUILD: LogStep = {
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

/** A build step failing on a name of its own: a failure with a fingerprint of its own. */
export function tscError(name: string): LogStep {
  return {
    name: 'Run npm run build',
    command: ['npm run build'],
    failed: true,
    output: [
      '',
      '> widgets@1.0.0 build',
      '> tsc -p .',
      '',
      `src/${name}.ts(12,7): error TS2304: Cannot find name '${name}'.`,
      '',
    ],
  };
}

/** A delivery the webhook receiver got. */
export interface Delivery {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A webhook receiver: each delivery is recorded as it arrives, then answered as `plan` says (its next entry):
 * a status (default 204), after `delayMs`, or the connection dropped (`drop`) — the delivery taken all the same.
 */
export interface Receiver {
  url: string;
  got: Delivery[];
  /** Statuses of the next answers, shorthand for `plan` entries. */
  answers: number[];
  plan: Array<{ status?: number; delayMs?: number; drop?: boolean }>;
}

export interface Keeper {
  closers: Array<() => Promise<void>>;
  results: ActionResult[];
}

export const keeper = (): Keeper => ({ closers: [], results: [] });

export async function cleanup(k: Keeper): Promise<void> {
  await Promise.all(k.closers.map((c) => c()));
  await Promise.all(k.results.map((r) => r.cleanup()));
}

export async function receiver(k: Keeper): Promise<Receiver> {
  const r: Receiver = { url: '', got: [], answers: [], plan: [] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      r.got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const step = r.plan.shift() ?? { status: r.answers.shift() ?? 204 };
      const answer = () => {
        if (step.drop) {
          res.destroy();
          return;
        }
        res.writeHead(step.status ?? 204);
        res.end();
      };
      if (step.delayMs) setTimeout(answer, step.delayMs);
      else answer();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/ci-triage`;
  k.closers.push(
    () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  );
  return r;
}

export interface World {
  gh: FakeGitHub;
  jira: FakeJira;
  slack: FakeSlack;
  hook: Receiver;
  /** The run triaged by default; `runs` holds it and the others (`WorldOptions.runs`). */
  run: FakeRun;
  runs: FakeRun[];
  pull: FakePull;
  channel: string;
}

export interface WorldOptions {
  /** The test job's failing step (default: a jest failure). */
  testLog?: LogStep;
  /** Run attempts, each with the same jobs. */
  attempts?: number;
  /** The failing steps, one job each, instead of the default two (test and build). */
  failures?: LogStep[];
  /** Runs of the workflow on the pull request with the same jobs (default 1). */
  runs?: number;
  /** The pull request comes from a fork. */
  fork?: boolean;
  /** The run's event (default pull_request). */
  event?: string;
  /** The commit behind the run, as GET /commits/{sha} gives it. */
  commit?: Partial<FakeCommit>;
  /** The email of the run's head commit author (the workflow run's `head_commit`). */
  headCommitEmail?: string;
}

/** A pull request's CI run with distinct failures (by default a jest test and a tsc error), and every fake around it. */
export async function world(k: Keeper, o: WorldOptions = {}): Promise<World> {
  const state = new FakeGitHubState();
  state.addRepo(REPO);
  if (o.fork) state.addRepo('mallory/widgets');
  state.tokens = new Set([DEFAULT_TOKEN]);
  const pull = state.addPull({
    repo: REPO,
    number: PR,
    headRef: 'feature/cart',
    user: o.fork ? 'mallory' : 'octocat',
    ...(o.fork ? { headRepo: 'mallory/widgets' } : {}),
  });
  const failures = o.failures ?? [o.testLog ?? npmTest({ failing: true }), BUILD];
  const runs: FakeRun[] = [];
  for (let n = 0; n < (o.runs ?? 1); n++) {
    const run = state.addRun({
      repo: REPO,
      event: o.event ?? 'pull_request',
      headBranch: 'feature/cart',
      headSha: pull.headSha,
      pullRequests: [PR],
      headCommit: {
        message: 'Cart: apply discounts',
        author: 'Mona Lisa',
        ...(o.headCommitEmail ? { email: o.headCommitEmail } : {}),
      },
    });
    for (let attempt = 1; attempt <= (o.attempts ?? 1); attempt++) {
      run.attempt = attempt;
      failures.forEach((step, i) => {
        const job: JobLogOptions = { steps: [NPM_CI, step] };
        state.addJob(run, {
          name: i === 0 ? 'test' : i === 1 ? 'build' : `build ${i}`,
          conclusion: 'failure',
          steps: apiStepsFor(job),
          log: jobLog(job),
        });
      });
    }
    runs.push(run);
  }
  state.addCommit({
    repo: REPO,
    sha: pull.headSha,
    message: 'Cart: apply discounts',
    files: ['src/cart.ts'],
    authorLogin: 'octocat',
    ...o.commit,
  });
  const gh = await startFakeGitHub(state);
  k.closers.push(() => gh.close());

  const jira = await startFakeJira();
  k.closers.push(() => jira.close());

  const slackState = new FakeSlackState();
  slackState.addToken(SLACK_TOKEN);
  const channel = slackState.addChannel({ name: 'ci-alerts' }).id;
  const slack = await startFakeSlack(slackState);
  k.closers.push(() => slack.close());

  const run = runs[0];
  if (!run) throw new Error('world: no run');
  return { gh, jira, slack, hook: await receiver(k), run, runs, pull, channel };
}

export function sinkInputs(w: World): Record<string, string> {
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

export interface TriageOptions {
  attempt?: number;
  inputs?: Record<string, string>;
  runId?: number;
  /** In-run mode: the run triages itself (`GITHUB_EVENT_NAME` is its event); default: a companion workflow. */
  inRun?: boolean;
  timeoutMs?: number;
}

/** The bundle, run as the runner would: a companion workflow (workflow_run) triaging the run, by default. */
export async function triage(
  k: Keeper,
  bundle: string,
  w: World,
  o: TriageOptions = {},
): Promise<ActionResult> {
  const runId = o.runId ?? w.run.id;
  const r = await runAction({
    apiUrl: w.gh.baseUrl,
    bundle,
    ...(o.inRun
      ? {
          event: 'pull_request',
          runId,
          runAttempt: o.attempt ?? 1,
          ref: `refs/pull/${PR}/merge`,
          headRef: w.pull.headRef,
          baseRef: 'main',
          sha: w.pull.headSha,
          payload: {
            pull_request: {
              number: PR,
              head: {
                repo: { full_name: w.pull.headRepo ?? REPO },
                ref: w.pull.headRef,
                sha: w.pull.headSha,
              },
            },
            repository: { full_name: REPO, default_branch: 'main' },
          },
        }
      : {
          event: 'workflow_run',
          payload: { workflow_run: { id: runId, run_attempt: o.attempt ?? 1 } },
        }),
    inputs: { ...sinkInputs(w), ...o.inputs },
    ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
  });
  k.results.push(r);
  return r;
}

export const explain = (r: ActionResult) =>
  `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
export const warnings = (r: ActionResult) =>
  r.commands.filter((c) => c.command === 'warning').map((c) => c.message);
export const notices = (r: ActionResult) =>
  r.commands.filter((c) => c.command === 'notice').map((c) => c.message);

export interface PublishedOutput {
  sink: string;
  status: string;
  message?: string;
  items: Array<{ action: string; target: string; url?: string; fingerprint?: string; error?: string }>;
}
export const published = (r: ActionResult) => JSON.parse(r.outputs.published ?? '[]') as PublishedOutput[];
export const statusOf = (r: ActionResult) => Object.fromEntries(published(r).map((p) => [p.sink, p.status]));
export const outcomeOf = (r: ActionResult, sink: string) => published(r).find((p) => p.sink === sink);

export interface AuditLine {
  sink: string;
  action: string;
  status: string;
  target: string;
  detail?: string;
}
export const audit = (r: ActionResult): AuditLine[] =>
  Object.entries(r.files)
    .filter(([p]) => p.endsWith('audit.jsonl'))
    .flatMap(([, text]) => text.trim().split('\n'))
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as AuditLine);

export const githubWrites = (w: World) =>
  w.gh.requests.filter((q) => q.method !== 'GET' && q.method !== 'HEAD');
/** Every message in the channel, replies included. */
export const slackPosts = (w: World) => w.slack.state.messagesIn(w.channel, true);
/** The channel's top-level messages. */
export const slackTopLevel = (w: World) => w.slack.state.messagesIn(w.channel, false);
