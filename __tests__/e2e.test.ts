/**
 * End to end: the committed bundle (dist/index.js) run as a child process exactly as the runner runs it
 * (helpers/run-action.ts: INPUT_* with action.yml defaults, GITHUB_* variables, an event payload file,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), against the local fake of the GitHub REST API
 * (helpers/fake-github.ts). Every sink the action has is checked: exit code, `::error::`/annotation commands,
 * outputs, the job summary and the report files left in RUNNER_TEMP (no ACTIONS_RUNTIME_TOKEN: no upload).
 *
 * Run `npm run package` first. The tests run concurrently, each with its own fake and temp directories; the
 * slowest ones wait out the action's 404 retries for a log that is not ready (2 s, then 4 s, then 6 s: there
 * is no input or variable to shorten them).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHubState, type FakeGitHub, type FakeRun, startFakeGitHub } from './helpers/fake-github.js';
import { apiStepsFor, jobLog, type JobLogOptions, NPM_CI, npmTest } from './helpers/job-log.js';
import {
  type ActionResult,
  DEFAULT_TOKEN,
  ROOT,
  runAction,
  type RunActionOptions,
  snapshotDist,
} from './helpers/run-action.js';

const REPO = 'acme/widgets';
const WEB = 'https://github.com/acme/widgets';

let bundle: string;
const fakes: FakeGitHub[] = [];
const results: ActionResult[] = [];

beforeAll(async () => {
  bundle = (await snapshotDist()).action;
});

afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  await Promise.all(results.map((r) => r.cleanup()));
});

async function fake(setup?: (s: FakeGitHubState) => void): Promise<FakeGitHub> {
  const state = new FakeGitHubState();
  state.addRepo(REPO);
  state.tokens = new Set([DEFAULT_TOKEN]);
  setup?.(state);
  // Each run's head commit exists, as on GitHub (the action reads it for the message and changed files).
  for (const run of state.runs.values())
    if (!state.commits.some((c) => c.sha === run.headSha))
      state.addCommit({ repo: run.repo, sha: run.headSha, message: 'Fix the thing', files: ['src/cart.js'] });
  const gh = await startFakeGitHub(state);
  fakes.push(gh);
  return gh;
}

async function action(gh: FakeGitHub, o: Omit<RunActionOptions, 'apiUrl'>): Promise<ActionResult> {
  const r = await runAction({ apiUrl: gh.baseUrl, bundle, ...o });
  results.push(r);
  return r;
}

/** The step's failure message (`core.setFailed`): an `::error::` without properties. */
function failure(r: ActionResult): string | undefined {
  return r.commands.find((c) => c.command === 'error' && Object.keys(c.properties).length === 0)?.message;
}

/** The summary as a reader sees the text: HTML character references decoded (names like `test (3)` are escaped). */
function readable(markdown: string): string {
  return markdown
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Everything about a run, for a failure message. */
function explain(r: ActionResult): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

interface Report {
  schema: string;
  mode: string;
  run: { id: number; attempt: number; headBranch?: string };
  jobs: Array<{
    job: { id: number; name: string };
    failedStep?: { number: number; name: string };
    finding?: {
      failureType: string;
      fingerprint: string;
      excerpts: Array<{ startLine: number; endLine: number; keyLine: number; lines: string[] }>;
    };
    unavailable?: string;
    baseline?: { runId: number; jobId: number; htmlUrl: string };
    links: Array<{ line: number; url: string; step?: number }>;
  }>;
  listedOnly: Array<{ job: { id: number; name: string; conclusion: string | null }; reason: string }>;
  counts: { jobs: number; failed: number; analysed: number; unavailable: number; listedOnly: number };
  change: { pullRequest?: { number: number; fork: boolean } };
  notes: string[];
}

async function reportOf(r: ActionResult): Promise<Report> {
  const path = r.outputs['report-path'];
  expect(path, explain(r)).toBeTruthy();
  return JSON.parse(await readFile(path!, 'utf8')) as Report;
}

/** A failed `test` job with a realistic log, its steps as the jobs API lists them. */
function failingTestJob(
  state: FakeGitHubState,
  run: FakeRun,
  name = 'test',
  extra: Partial<JobLogOptions> = {},
) {
  const opts: JobLogOptions = { steps: [NPM_CI, npmTest({ failing: true })], ...extra };
  return state.addJob(run, { name, conclusion: 'failure', steps: apiStepsFor(opts), log: jobLog(opts) });
}

function passingJob(state: FakeGitHubState, run: FakeRun, name: string, before?: string[]) {
  const opts: JobLogOptions = { steps: [NPM_CI, npmTest({ failing: false, ...(before ? { before } : {}) })] };
  return state.addJob(run, { name, conclusion: 'success', steps: apiStepsFor(opts), log: jobLog(opts) });
}

/** The triage job itself, still running on `runner`. */
function triageJob(state: FakeGitHubState, run: FakeRun, runner: string) {
  return state.addJob(run, {
    name: 'triage',
    status: 'in_progress',
    conclusion: null,
    runnerName: runner,
    steps: [
      { number: 1, name: 'Set up job', status: 'completed', conclusion: 'success' },
      { number: 2, name: 'Run ./', status: 'in_progress', conclusion: null },
    ],
  });
}

describe.concurrent('dist/index.js end to end', () => {
  it('in-run mode (push on main): analyses the failed test job, not the build job nor itself', async () => {
    let run!: FakeRun;
    let testJobId = 0;
    let triageId = 0;
    const gh = await fake((s) => {
      run = s.addRun({
        repo: REPO,
        event: 'push',
        headBranch: 'main',
        status: 'in_progress',
        conclusion: null,
      });
      passingJob(s, run, 'build');
      testJobId = failingTestJob(s, run).id;
      triageId = triageJob(s, run, 'GitHub Actions 12').id;
    });
    const r = await action(gh, {
      runId: run.id,
      runAttempt: 1,
      job: 'triage',
      runnerName: 'GitHub Actions 12',
    });
    expect(r.code, explain(r)).toBe(0);
    expect(failure(r)).toBeUndefined();

    expect(r.outputs['failure-type']).toBe('test_failure');
    expect(r.outputs.severity).toBe('high');
    expect(r.outputs.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.parse(r.outputs.fingerprints ?? '')).toEqual([r.outputs.fingerprint]);
    expect(r.outputs['failed-jobs']).toBe('1');
    expect(r.outputs['analysed-jobs']).toBe('1');
    expect(r.outputs['unavailable-logs']).toBe('0');
    expect(r.outputs.transient).toBe('false');
    expect(r.outputs['root-cause-line']).toMatch(/expect\(cart\.total\(\)\)\.toBe\(90\)|Expected: 90/);

    const report = await reportOf(r);
    expect(report.schema).toBe('ci-triage/report@1');
    expect(report.mode).toBe('in-run');
    expect(report.run).toMatchObject({ id: run.id, attempt: 1, headBranch: 'main' });
    expect(report.jobs.map((j) => j.job.name)).toEqual(['test']);
    expect(report.jobs[0]?.failedStep).toEqual({ number: 4, name: 'Run npm test' });
    expect(report.listedOnly.map((l) => [l.job.id, l.reason])).toEqual([[triageId, 'the triage job itself']]);
    expect(r.outputs['summary-path']).toBe(join(r.runnerTemp, `ci-triage-${run.id}-1`, 'summary.md'));
    expect(Object.keys(r.files).sort()).toEqual(
      ['audit.jsonl', 'report.json', 'summary.md'].map((f) => join(`ci-triage-${run.id}-1`, f)),
    );

    // The job summary: the job, the step, the excerpt lines, links into the step's log.
    expect(r.summary).toContain('ci-triage');
    expect(r.summary).toContain('test');
    expect(r.summary).toContain('Run npm test');
    expect(r.summary).toContain('Expected: 90');
    expect(r.summary).toContain('Received: 100');
    expect(r.summary).toMatch(new RegExp(`${WEB}/actions/runs/${run.id}/job/${testJobId}#step:4:\\d+`));
    expect(r.summary).not.toMatch(new RegExp(`/job/${triageId}\\b`));
    expect(r.summary.trimEnd()).toBe(r.files[join(`ci-triage-${run.id}-1`, 'summary.md')]?.trimEnd());
    expect(report.notes.filter((n) => /commit|pull request/i.test(n))).toEqual([]);

    // Only the failed job's log was downloaded; the token went to the API, never to the blob storage.
    expect(gh.requestsTo(/\/actions\/jobs\/\d+\/logs$/).map((q) => q.path)).toEqual([
      `/repos/${REPO}/actions/jobs/${testJobId}/logs`,
    ]);
    expect(gh.requestsTo(/^\/_blobs\//).every((q) => q.authorization === undefined)).toBe(true);
    expect(gh.requests.filter((q) => !q.path.startsWith('/_blobs/')).every((q) => q.method === 'GET')).toBe(
      true,
    );
    // The upload is skipped outside a runner: said as a notice.
    expect(r.commands.some((c) => c.command === 'notice' && /not uploaded/.test(c.message))).toBe(true);
  });

  // The `at Object.toBe (src/cart.test.js:14:26)` frame sits in the finding's second excerpt, whose key line is
  // jest's generic "Ran all test suites.": the annotation must still lead with what failed.
  it('the annotation on the failing test file says what failed', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => {
      run = s.addRun({ repo: REPO, event: 'push', headBranch: 'main' });
      failingTestJob(s, run);
    });
    const r = await action(gh, { runId: run.id });
    expect(r.code, explain(r)).toBe(0);
    const annotations = r.commands.filter((c) => c.command === 'error' && c.properties.file !== undefined);
    expect(annotations.map((a) => [a.properties.file, a.properties.line])).toEqual([
      ['src/cart.test.js', '14'],
    ]);
    expect(annotations[0]?.properties.title).toBe('test_failure in test');
    const message = annotations[0]?.message ?? '';
    expect(message).toMatch(/toBe\(90\)|Expected: 90/);
    expect(message.startsWith('Ran all test suites.')).toBe(false);
  });

  it('companion mode (workflow_run): analyses the jobs of the attempt in the payload', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => {
      run = s.addRun({ repo: REPO, event: 'pull_request', headBranch: 'feature/cart', attempt: 1 });
      failingTestJob(s, run, 'unit (attempt 1)');
      run.attempt = 2;
      failingTestJob(s, run, 'unit');
      passingJob(s, run, 'lint');
    });
    const payload = {
      action: 'completed',
      workflow_run: {
        id: run.id,
        run_attempt: 2,
        name: 'CI',
        event: 'pull_request',
        head_branch: 'feature/cart',
        conclusion: 'failure',
        status: 'completed',
      },
      repository: { full_name: REPO },
    };
    const r = await action(gh, {
      event: 'workflow_run',
      payload,
      runId: 999_001,
      runAttempt: 1,
      job: 'triage',
    });
    expect(r.code, explain(r)).toBe(0);
    const report = await reportOf(r);
    expect(report.mode).toBe('companion');
    expect(report.run).toMatchObject({ id: run.id, attempt: 2 });
    expect(report.jobs.map((j) => j.job.name)).toEqual(['unit']);
    expect(report.counts).toMatchObject({ jobs: 2, failed: 1, analysed: 1 });
    expect(gh.requestsTo(new RegExp(`/actions/runs/${run.id}/attempts/2/jobs$`)).length).toBeGreaterThan(0);
    expect(gh.requestsTo(/\/actions\/runs\/999001/)).toEqual([]);
    // A feature branch of a pull request: medium.
    expect(r.outputs.severity).toBe('medium');
    expect(r.summary).toContain('attempt 2');
  });

  it('a 150-job matrix (3 failed, 140 cancelled by fail-fast, 7 passed): every page read, 3 analysed', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => {
      const cancelled = Array.from({ length: 140 }, (_, i) => i + 10);
      const opts: JobLogOptions = { steps: [NPM_CI, npmTest({ failing: true })] };
      run = s.addMatrixRun(
        { repo: REPO, event: 'push', headBranch: 'main' },
        {
          count: 150,
          failed: [0, 4, 9],
          cancelled,
          log: (_i, c) => (c === 'failure' ? jobLog(opts) : 'x\n'),
        },
      );
    });
    const payload = { workflow_run: { id: run.id, run_attempt: 1 } };
    const r = await action(gh, { event: 'workflow_run', payload });
    expect(r.code, explain(r)).toBe(0);
    const pages = gh.requestsTo(new RegExp(`/actions/runs/${run.id}/attempts/1/jobs$`));
    expect(pages.map((p) => p.query.page ?? '1')).toEqual(['1', '2']);
    expect(pages[0]?.query.per_page).toBe('100');

    const report = await reportOf(r);
    expect(report.counts).toMatchObject({ jobs: 150, failed: 3, analysed: 3, listedOnly: 140 });
    expect(report.jobs.map((j) => j.job.name)).toEqual(['test (0)', 'test (4)', 'test (9)']);
    expect(report.listedOnly).toHaveLength(140);
    expect(
      report.listedOnly.every((l) => l.job.conclusion === 'cancelled' && /fail-fast/.test(l.reason)),
    ).toBe(true);
    expect(gh.requestsTo(/\/actions\/jobs\/\d+\/logs$/)).toHaveLength(3);
    expect(r.outputs['failed-jobs']).toBe('3');
    expect(r.outputs['analysed-jobs']).toBe('3');
    // One distinct failure in three jobs; the cancelled ones are listed, not analysed.
    expect(r.summary).toMatch(/same failure in 3 jobs/);
    expect(r.summary).toMatch(/140 jobs listed but not analysed/);
    expect(readable(r.summary)).toContain('test (149)');
  });

  it('missing "actions: read": exit 1, the error names the permission and shows a permissions block', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => {
      run = s.addRun({ repo: REPO });
      failingTestJob(s, run);
      s.deniedPermissions.add('actions');
    });
    const r = await action(gh, { runId: run.id });
    expect(r.code, explain(r)).toBe(1);
    const message = failure(r);
    expect(message).toContain('actions: read');
    expect(message).toMatch(/permissions:\n\s+actions: read\n\s+contents: read/);
    expect(message).not.toMatch(/HttpError|at .*\.js:\d+/);
  });

  it('a run where nothing failed: exit 0, nothing to triage', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => {
      run = s.addRun({ repo: REPO, conclusion: 'success' });
      passingJob(s, run, 'build');
      passingJob(s, run, 'test');
    });
    const r = await action(gh, { runId: run.id });
    expect(r.code, explain(r)).toBe(0);
    expect(failure(r)).toBeUndefined();
    expect(r.outputs['failed-jobs']).toBe('0');
    expect(r.outputs['analysed-jobs']).toBe('0');
    expect(r.outputs['failure-type']).toBe('');
    expect(r.outputs.fingerprints).toBe('[]');
    expect(r.summary).toMatch(/nothing to triage/i);
    expect(gh.requestsTo(/\/logs$/)).toEqual([]);
  });

  it('in-run mode where the triage job itself is the only job not green: nothing to triage', async () => {
    let run!: FakeRun;
    let triageId = 0;
    const gh = await fake((s) => {
      run = s.addRun({
        repo: REPO,
        event: 'push',
        headBranch: 'main',
        status: 'in_progress',
        conclusion: null,
      });
      passingJob(s, run, 'build');
      triageId = triageJob(s, run, 'runner-7').id;
    });
    const r = await action(gh, { runId: run.id, env: { GITHUB_JOB: 'triage', RUNNER_NAME: 'runner-7' } });
    expect(r.code, explain(r)).toBe(0);
    expect(r.outputs['failed-jobs']).toBe('0');
    expect(r.summary).toMatch(/nothing to triage/i);
    const report = await reportOf(r);
    expect(report.listedOnly.map((l) => [l.job.id, l.reason])).toEqual([[triageId, 'the triage job itself']]);
    expect(gh.requestsTo(/\/logs$/)).toEqual([]);
  });

  it("companion mode: a job of the other run named like this workflow's job is still analysed", async () => {
    let run!: FakeRun;
    const gh = await fake((s) => {
      run = s.addRun({ repo: REPO, event: 'push', headBranch: 'main', attempt: 1 });
      failingTestJob(s, run, 'triage');
    });
    const r = await action(gh, {
      event: 'workflow_run',
      payload: { workflow_run: { id: run.id, run_attempt: 1 } },
      env: { GITHUB_JOB: 'triage' },
    });
    expect(r.code, explain(r)).toBe(0);
    expect(r.outputs['analysed-jobs']).toBe('1');
  });

  it('a fork pull request with a read-only token: the summary is still written, exit 0', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => {
      s.addRepo('outsider/widgets');
      run = s.addRun({ repo: REPO, event: 'pull_request', headBranch: 'fix-cart', pullRequests: [] });
      s.addPull({
        repo: REPO,
        number: 7,
        headRef: 'fix-cart',
        headSha: run.headSha,
        headRepo: 'outsider/widgets',
        user: 'outsider',
      });
      failingTestJob(s, run);
      triageJob(s, run, 'GitHub Actions 3');
      s.readOnly = true;
    });
    const payload = {
      action: 'synchronize',
      number: 7,
      pull_request: {
        number: 7,
        head: { ref: 'fix-cart', sha: run.headSha, repo: { full_name: 'outsider/widgets', fork: true } },
        base: { ref: 'main', repo: { full_name: REPO, fork: false } },
      },
      repository: { full_name: REPO },
    };
    const r = await action(gh, {
      event: 'pull_request',
      payload,
      runId: run.id,
      ref: 'refs/pull/7/merge',
      headRef: 'fix-cart',
      baseRef: 'main',
      runnerName: 'GitHub Actions 3',
    });
    expect(r.code, explain(r)).toBe(0);
    expect(failure(r)).toBeUndefined();
    expect(r.summary).toContain('Expected: 90');
    expect(r.summary).toMatch(/#7[^\n]*\(from a fork\)/);
    const report = await reportOf(r);
    expect(report.change.pullRequest).toMatchObject({ number: 7, fork: true });
    expect(r.outputs.severity).toBe('medium');
    // The read-only token refuses every write (403): the action makes none, and every read it needs went through.
    expect(gh.requests.filter((q) => q.method !== 'GET')).toEqual([]);
    expect(r.commands.filter((c) => c.command === 'warning')).toEqual([]);
    // The PR comment is not even tried with the fork's read-only token: a notice says why.
    expect(r.commands.some((c) => c.command === 'notice' && /fork.*workflow_run/.test(c.message))).toBe(true);
  });

  it('a log not ready yet (404 twice) is waited for and analysed', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => {
      run = s.addRun({ repo: REPO });
      const job = failingTestJob(s, run);
      s.logNotReady.set(job.id, 2);
    });
    const r = await action(gh, { runId: run.id, inputs: { 'log-wait-seconds': '1' } });
    expect(r.code, explain(r)).toBe(0);
    expect(r.outputs['analysed-jobs']).toBe('1');
    expect(r.outputs['unavailable-logs']).toBe('0');
    expect(gh.requestsTo(/\/actions\/jobs\/\d+\/logs$/)).toHaveLength(3);
  });

  it('a log that never comes (404 forever): the other job is analysed, the summary lists the missing one', async () => {
    let run!: FakeRun;
    let missing = 0;
    const gh = await fake((s) => {
      run = s.addRun({ repo: REPO });
      failingTestJob(s, run, 'test (node 20)');
      missing = failingTestJob(s, run, 'test (node 22)').id;
      s.logNotReady.set(missing, Infinity);
    });
    const r = await action(gh, { runId: run.id, inputs: { 'log-wait-seconds': '1' } });
    expect(r.code, explain(r)).toBe(0);
    expect(r.outputs['failed-jobs']).toBe('2');
    expect(r.outputs['analysed-jobs']).toBe('1');
    expect(r.outputs['unavailable-logs']).toBe('1');
    const report = await reportOf(r);
    const gone = report.jobs.find((j) => j.job.id === missing);
    expect(gone?.finding).toBeUndefined();
    expect(gone?.unavailable).toMatch(/404 after 4 attempts/);
    expect(r.summary).toContain('Logs not available');
    expect(readable(r.summary)).toMatch(/test \(node 22\)[^\n]*not available/);
  });

  it('a secondary rate limit on the jobs listing (403, retry-after: 1) is waited out', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => {
      run = s.addRun({ repo: REPO });
      failingTestJob(s, run);
      s.rateLimitFirst.set(`/repos/${REPO}/actions/runs/${run.id}/attempts/1/jobs`, {
        times: 1,
        kind: 'secondary',
        retryAfter: 1,
      });
    });
    const r = await action(gh, { runId: run.id });
    expect(r.code, explain(r)).toBe(0);
    const listings = gh.requestsTo(/\/attempts\/1\/jobs$/);
    expect(listings).toHaveLength(2);
    expect(listings[1]!.at - listings[0]!.at).toBeGreaterThanOrEqual(900);
    expect(r.commands.some((c) => c.command === 'warning' && /secondary rate limit/i.test(c.message))).toBe(
      true,
    );
    expect(r.outputs['analysed-jobs']).toBe('1');
  });

  it('a run id that does not exist: exit 1 with a clear message', async () => {
    const gh = await fake();
    const r = await action(gh, { runId: 424242 });
    expect(r.code, explain(r)).toBe(1);
    expect(failure(r)).toMatch(/run 424242 not found in acme\/widgets/);
  });

  it('an unsupported event: exit 1, the message lists the supported events', async () => {
    const gh = await fake();
    const r = await action(gh, { event: 'issues', payload: { action: 'opened', issue: { number: 1 } } });
    expect(r.code, explain(r)).toBe(1);
    const message = failure(r) ?? '';
    expect(message).toContain('"issues"');
    for (const e of ['workflow_run', 'push', 'pull_request', 'schedule', 'workflow_dispatch'])
      expect(message).toContain(e);
    expect(gh.requests).toEqual([]);
  });

  it('a failed job with no steps is analysed without crashing', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => {
      run = s.addRun({ repo: REPO });
      const opts: JobLogOptions = { steps: [NPM_CI, npmTest({ failing: true })] };
      s.addJob(run, { name: 'test', conclusion: 'failure', steps: [], log: jobLog(opts) });
    });
    const r = await action(gh, { runId: run.id });
    expect(r.code, explain(r)).toBe(0);
    expect(r.outputs['analysed-jobs']).toBe('1');
    expect(r.outputs['failure-type']).toBe('test_failure');
    const report = await reportOf(r);
    expect(report.jobs[0]?.failedStep).toBeUndefined();
    expect(report.jobs[0]?.links[0]?.url).toMatch(new RegExp(`/actions/runs/${run.id}/job/\\d+`));
  });

  it('baseline: a line the last green run also printed ranks below the real error; report.json names the run', async () => {
    const scary =
      'FATAL ERROR: Redis connection to 127.0.0.1:6379 failed - connect ECONNREFUSED 127.0.0.1:6379';
    let run!: FakeRun;
    let green!: FakeRun;
    let greenJob = 0;
    const gh = await fake((s) => {
      green = s.addRun({ repo: REPO, headBranch: 'main', conclusion: 'success', status: 'completed' });
      const passing: JobLogOptions = {
        startSecond: 900,
        steps: [NPM_CI, npmTest({ failing: false, before: [scary] })],
      };
      greenJob = s.addJob(green, {
        name: 'test',
        conclusion: 'success',
        steps: apiStepsFor(passing),
        log: jobLog(passing),
      }).id;
      run = s.addRun({ repo: REPO, headBranch: 'main' });
      const failing: JobLogOptions = { steps: [NPM_CI, npmTest({ failing: true, before: [scary] })] };
      s.addJob(run, {
        name: 'test',
        conclusion: 'failure',
        steps: apiStepsFor(failing),
        log: jobLog(failing),
      });
    });
    const [withBaseline, without] = await Promise.all([
      action(gh, { runId: run.id }),
      action(gh, { runId: run.id, inputs: { baseline: 'false' } }),
    ]);
    expect(withBaseline.code, explain(withBaseline)).toBe(0);
    expect(without.code, explain(without)).toBe(0);

    const keyLine = (rep: Report) => {
      const e = rep.jobs[0]?.finding?.excerpts[0];
      return e ? (e.lines[e.keyLine - e.startLine] ?? '') : '';
    };
    const a = await reportOf(withBaseline);
    const b = await reportOf(without);
    // Without the baseline the scary line wins; with it, the real error comes first.
    expect(keyLine(b)).toContain('ECONNREFUSED');
    expect(keyLine(a)).not.toContain('ECONNREFUSED');
    expect(keyLine(a)).toMatch(/toBe\(90\)|Expected: 90|cart\.test\.js/);
    expect(a.jobs[0]?.baseline).toEqual({
      runId: green.id,
      jobId: greenJob,
      htmlUrl: `${WEB}/actions/runs/${green.id}/job/${greenJob}`,
    });
    expect(b.jobs[0]?.baseline).toBeUndefined();
    expect(withBaseline.summary).toContain(`${WEB}/actions/runs/${green.id}/job/${greenJob}`);
  });

  it('a bad input: exit 1 naming the input, the value and the form expected', async () => {
    const gh = await fake();
    const r = await action(gh, { runId: 1, inputs: { concurrency: 'zero' } });
    expect(r.code, explain(r)).toBe(1);
    expect(failure(r)).toBe('Input "concurrency": "zero": a whole number from 1 to 16 expected');
    expect(gh.requests).toEqual([]);
  });

  it('log-path mode analyses a local log without reading the run', async () => {
    const gh = await fake();
    const r = await action(gh, {
      runId: 1,
      inputs: { 'log-path': join(ROOT, 'fixtures/sample/failed-job.log') },
    });
    expect(r.code, explain(r)).toBe(0);
    expect(r.outputs['failure-type']).toBe('test_failure');
    expect(r.outputs.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(r.outputs['failed-jobs']).toBe('1');
    expect(r.summary).toContain('test_failure');
    expect(r.summary).toContain('Expected: 90');
    expect(gh.requests).toEqual([]);
  });

  // report.json carries the log excerpts, job and step names and the commit message, and leaves the runner as an
  // artifact: it passes the same redaction as the summary, the outputs and stdout.
  it('secrets: neither the token nor a ghp_ token from the log reaches the summary, outputs, report or stdout', async () => {
    // A token that no token shape matches, so only the known-secret path can hide it.
    const token = 'e2e-known-secret-Zq8Rw3Kp5Tn1';
    const pat = 'ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
    let run!: FakeRun;
    const gh = await fake((s) => {
      s.tokens = new Set([token]);
      run = s.addRun({ repo: REPO, headCommit: { message: `Rotate ${pat}`, author: 'Mona Lisa' } });
      const opts: JobLogOptions = {
        steps: [
          {
            name: 'Run git push origin HEAD',
            command: ['git push origin HEAD'],
            failed: true,
            output: [
              `[command]/usr/bin/git push https://x-access-token:${token}@github.com/acme/widgets.git HEAD`,
              `remote: Invalid username or password. token=${token}`,
              `fatal: Authentication failed for 'https://${pat}@github.com/acme/widgets.git/'`,
              `Error: HTTP 401 Bad credentials using ${pat} and ${token}`,
            ],
          },
        ],
      };
      s.addJob(run, { name: 'publish', conclusion: 'failure', steps: apiStepsFor(opts), log: jobLog(opts) });
    });
    const r = await action(gh, { runId: run.id, token });
    expect(r.code, explain(r)).toBe(0);
    expect(r.outputs['analysed-jobs']).toBe('1');
    // The excerpt did hold the secret lines (so the checks below test something).
    expect(r.summary).toMatch(/Authentication failed/);
    // The runner masks what ::add-mask:: registers; that command itself carries the value by design.
    expect(r.stdout).toContain(`::add-mask::${token}`);
    const stdout = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    const sinks: Record<string, string> = {
      summary: r.summary,
      outputs: JSON.stringify(r.outputs),
      stdout,
      stderr: r.stderr,
      ...Object.fromEntries(
        Object.entries(r.files).map(([path, text]) => [path.replace(/^[^/]+\//, ''), text]),
      ),
    };
    const leaks = Object.entries(sinks).flatMap(([name, text]) => [
      ...(text.includes(token) ? [`${name}: the token`] : []),
      ...(text.includes(pat) ? [`${name}: the ghp_ token`] : []),
    ]);
    expect(leaks).toEqual([]);
  });
});
