/**
 * End to end on GitHub's bad days: the committed bundle (dist/index.js, `npm run package` first) run as the
 * runner runs it (helpers/run-action.ts) against the fake GitHub API with faults injected per request
 * (helpers/fake-github.ts `faults`, `logFaults`, `blobIgnoresRange`): rate limits with and without a body,
 * persistent 5xx, the network down, permissions and a missing run, log downloads cut off or stalling, a run
 * with more failed jobs than max-jobs, and two tests failing on the same masked assertion. Each test checks
 * what the user sees: the job summary, the outputs, report.json and the exit status.
 */
import { createServer } from 'node:net';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHubState, type FakeGitHub, type FakeRun, startFakeGitHub } from './helpers/fake-github.js';
import {
  apiStepsFor,
  type FailingJestTest,
  jobLog,
  type JobLogOptions,
  NPM_CI,
  npmTest,
} from './helpers/job-log.js';
import {
  type ActionResult,
  DEFAULT_TOKEN,
  runAction,
  type RunActionOptions,
  snapshotDist,
} from './helpers/run-action.js';

const REPO = 'acme/widgets';

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
  for (const run of state.runs.values())
    if (!state.commits.some((c) => c.sha === run.headSha))
      state.addCommit({ repo: run.repo, sha: run.headSha, message: 'Fix the thing', files: ['src/cart.js'] });
  const gh = await startFakeGitHub(state);
  fakes.push(gh);
  return gh;
}

async function action(apiUrl: string, o: Omit<RunActionOptions, 'apiUrl'>): Promise<ActionResult> {
  const r = await runAction({ apiUrl, bundle, timeoutMs: 120_000, ...o });
  results.push(r);
  return r;
}

const explain = (r: ActionResult) =>
  `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}\n--- summary\n${r.summary}`;
const failure = (r: ActionResult) =>
  r.commands.find((c) => c.command === 'error' && Object.keys(c.properties).length === 0)?.message;
const warnings = (r: ActionResult) => r.commands.filter((c) => c.command === 'warning').map((c) => c.message);

/** The summary as a reader sees the text: HTML character references decoded. */
function readable(markdown: string): string {
  return markdown
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

interface Report {
  counts: { jobs: number; failed: number; analysed: number; unavailable: number; notAnalysed?: number };
  jobs: Array<{
    job: { id: number; name: string };
    finding?: { fingerprint: string };
    unavailable?: string;
    notAnalysed?: string;
  }>;
  incomplete?: {
    what: string;
    message: string;
    status?: number;
    attempts?: number;
    answers?: string[];
    reached: string[];
  };
}

async function reportOf(r: ActionResult): Promise<Report> {
  const path = r.outputs['report-path'];
  expect(path, explain(r)).toBeTruthy();
  return JSON.parse(await readFile(path!, 'utf8')) as Report;
}

function failingJob(state: FakeGitHubState, run: FakeRun, name = 'test', test?: FailingJestTest) {
  const opts: JobLogOptions = { steps: [NPM_CI, npmTest({ failing: true, ...(test ? { test } : {}) })] };
  return state.addJob(run, { name, conclusion: 'failure', steps: apiStepsFor(opts), log: jobLog(opts) });
}

const jobsPath = (run: FakeRun) => `/repos/${REPO}/actions/runs/${run.id}/attempts/1/jobs`;

describe('rate limits, whatever the body', () => {
  it('a 429 with retry-after and no body on the jobs list is waited out, and the run is triaged', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => {
      run = s.addRun({ repo: REPO });
      failingJob(s, run);
      s.faults.set(jobsPath(run), [{ times: 1, status: 429, retryAfter: 1, body: 'empty' }]);
    });
    const r = await action(gh.baseUrl, { runId: run.id });
    expect(r.code, explain(r)).toBe(0);
    const listings = gh.requestsTo(/\/attempts\/1\/jobs$/);
    expect(listings).toHaveLength(2);
    expect(listings[1]!.at - listings[0]!.at).toBeGreaterThanOrEqual(900);
    expect(
      warnings(r).some((w) => /rate limit on GET .*\(429, retry-after: 1\): retrying in 1 s/.test(w)),
    ).toBe(true);
    expect(r.outputs['failed-jobs']).toBe('1');
    expect(r.outputs['analysed-jobs']).toBe('1');
    expect(r.summary).toContain('ci-triage: 1 failed job');
  });

  it('a 429 asking for longer than the cap: the summary says what failed and what was reached, then exit 1', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => {
      run = s.addRun({ repo: REPO, runNumber: 42 });
      failingJob(s, run);
      s.faults.set(jobsPath(run), [{ times: 1, status: 429, retryAfter: 3600, body: 'html' }]);
    });
    const r = await action(gh.baseUrl, { runId: run.id });
    expect(r.code, explain(r)).toBe(1);
    expect(failure(r)).toMatch(
      /rate limit stopped reading the jobs of run \d+ \(attempt 1\) \(429: [^)]*Too Many Requests\)\. ci-triage gave up: GitHub asks to wait 3600 s, more than the 60 s ci-triage waits/,
    );
    expect(gh.requestsTo(/\/attempts\/1\/jobs$/)).toHaveLength(1);
    const text = readable(r.summary);
    expect(text).toContain('## ⚠️ ci-triage could not read [CI #42]');
    expect(text).toContain(`**What failed:** reading the jobs of run ${run.id} (attempt 1)`);
    expect(text).toContain('**Status:** HTTP 429');
    expect(text).toContain('**What was reached:** the run was read: CI #42, on main');
    expect(text).toContain('no page of the jobs list could be read');
    expect(text).toContain('more than the 60 s ci-triage waits');
    expect(r.outputs['failed-jobs']).toBe('');
    expect(r.outputs['summary-path']).toBeTruthy();
    const report = await reportOf(r);
    expect(report.incomplete).toMatchObject({
      what: `the jobs of run ${run.id} (attempt 1)`,
      status: 429,
      attempts: 1,
    });
  });
});

describe('GitHub cannot be read: the summary still says what happened', () => {
  it('the jobs list answers 502 three times: the run was read, the jobs list was not; exit 1 after the summary', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => {
      run = s.addRun({ repo: REPO, runNumber: 7 });
      failingJob(s, run);
      s.faults.set(jobsPath(run), [{ times: Infinity, status: 502, body: 'json' }]);
    });
    const r = await action(gh.baseUrl, { runId: run.id });
    expect(r.code, explain(r)).toBe(1);
    expect(gh.requestsTo(/\/attempts\/1\/jobs$/)).toHaveLength(3);
    expect(failure(r)).toMatch(
      /The GitHub API failed while reading the jobs of run \d+ \(attempt 1\) \(502: Server Error\)\. It answered 502 three times\./,
    );
    const text = readable(r.summary);
    expect(text).toContain('**Status:** HTTP 502 (after 3 attempts: 502, 502, 502)');
    expect(text).toContain('**What was reached:** the run was read: CI #7');
    expect(text).toContain('It answered 502 three times.');
    expect(text).toContain('No job was analysed and nothing was published');
    for (const name of ['failed-jobs', 'analysed-jobs', 'unavailable-logs']) expect(r.outputs[name]).toBe('');
    expect(r.outputs.fingerprints).toBe('[]');
    const report = await reportOf(r);
    expect(report.incomplete?.answers).toEqual(['502', '502', '502']);
    expect(report.jobs).toEqual([]);
    // The summary is also kept next to the report.
    expect((await readFile(r.outputs['summary-path']!, 'utf8')).trim()).toBe(r.summary.trim());
  });

  it('the second page of the jobs list fails: how many jobs were listed is said', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => {
      run = s.addMatrixRun({ repo: REPO }, { count: 150, failed: [120] });
      s.faults.set(`${jobsPath(run)}?page=2`, [{ times: Infinity, status: 503, body: 'html' }]);
    });
    const r = await action(gh.baseUrl, {
      event: 'workflow_run',
      payload: { workflow_run: { id: run.id, run_attempt: 1 } },
    });
    expect(r.code, explain(r)).toBe(1);
    expect(readable(r.summary)).toContain(
      '100 jobs were listed (1 page of the jobs list) before the next page failed',
    );
    expect(readable(r.summary)).toContain('HTTP 503 (after 3 attempts');
  });

  it('the run itself answers 500 for good: nothing was reached, and the summary says so', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => {
      run = s.addRun({ repo: REPO });
      failingJob(s, run);
      s.faults.set(`/repos/${REPO}/actions/runs/${run.id}`, [{ times: Infinity, status: 500, body: 'html' }]);
    });
    const r = await action(gh.baseUrl, { runId: run.id });
    expect(r.code, explain(r)).toBe(1);
    const text = readable(r.summary);
    expect(text).toContain(
      `## ⚠️ ci-triage could not read [CI #42](https://github.com/${REPO}/actions/runs/${run.id})`,
    );
    expect(text).toContain(`**What failed:** reading run ${run.id}`);
    expect(text).toContain('**What was reached:** nothing: the run itself could not be read.');
    expect(text).toContain('No server is currently available to service your request.');
    expect((await reportOf(r)).incomplete?.status).toBe(500);
  });

  it('the network is down: the summary says no answer came, exit 1', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    const r = await action(`http://127.0.0.1:${port}`, { runId: 5 });
    expect(r.code, explain(r)).toBe(1);
    expect(failure(r)).toMatch(
      /The GitHub API could not be reached while reading run 5 .*3 attempts failed to connect\. Check the runner's network/,
    );
    const text = readable(r.summary);
    expect(text).toContain('**Status:** no answer (3 attempts failed to connect)');
    expect(text).toContain('nothing: the run itself could not be read');
  });

  it('missing "actions: read": the summary shows the permissions block to add, exit 1', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => {
      run = s.addRun({ repo: REPO });
      failingJob(s, run);
      s.deniedPermissions.add('actions');
    });
    const r = await action(gh.baseUrl, { runId: run.id });
    expect(r.code, explain(r)).toBe(1);
    const text = readable(r.summary);
    expect(text).toContain('**Status:** HTTP 403');
    expect(text).toMatch(/permissions:\n\s+actions: read\n\s+contents: read/);
    expect(failure(r)).toContain('actions: read');
  });

  it('a run that does not exist (404): the summary says so, exit 1', async () => {
    const gh = await fake();
    const r = await action(gh.baseUrl, { runId: 424242 });
    expect(r.code, explain(r)).toBe(1);
    expect(readable(r.summary)).toContain('run 424242 not found in acme/widgets');
    expect(readable(r.summary)).toContain('**Status:** HTTP 404');
  });

  it('a bad input: the summary says why nothing ran, exit 1', async () => {
    const gh = await fake();
    const r = await action(gh.baseUrl, { inputs: { concurrency: 'zero' } });
    expect(r.code, explain(r)).toBe(1);
    expect(readable(r.summary)).toContain('## ❌ ci-triage could not run');
    expect(readable(r.summary)).toContain('Input "concurrency": "zero"');
    expect(gh.requests).toEqual([]);
  });
});

describe('log downloads on a bad day', () => {
  async function logRun(setup: (s: FakeGitHubState, jobId: number) => void) {
    let run!: FakeRun;
    let jobId = 0;
    const gh = await fake((s) => {
      run = s.addRun({ repo: REPO });
      jobId = failingJob(s, run).id;
      setup(s, jobId);
    });
    return { gh, run, jobId };
  }
  const blobs = (gh: FakeGitHub) => gh.requests.filter((q) => q.path.startsWith('/_blobs/'));

  it('cut off mid-body: a fresh URL, resumed with Range; the job is analysed as if nothing happened', async () => {
    const { gh, run } = await logRun((s, id) => s.logFaults.set(id, [{ kind: 'cut', afterBytes: 700 }]));
    const r = await action(gh.baseUrl, { runId: run.id, inputs: { baseline: 'false' } });
    expect(r.code, explain(r)).toBe(0);
    expect(r.outputs['analysed-jobs']).toBe('1');
    expect(r.outputs['failure-type']).toBe('test_failure');
    expect(gh.requestsTo(/\/actions\/jobs\/\d+\/logs$/)).toHaveLength(2);
    expect(blobs(gh).map((b) => b.range)).toEqual([undefined, 'bytes=700-']);
    expect(readable(r.summary)).toContain('Expected: 90');
  });

  it('cut off, from a store that ignores Range: the log comes again and is read once', async () => {
    const { gh, run } = await logRun((s, id) => {
      s.blobIgnoresRange = true;
      s.logFaults.set(id, [{ kind: 'cut', afterBytes: 700 }]);
    });
    const r = await action(gh.baseUrl, { runId: run.id, inputs: { baseline: 'false' } });
    expect(r.code, explain(r)).toBe(0);
    expect(r.outputs['analysed-jobs']).toBe('1');
    expect(blobs(gh)).toHaveLength(2);
    const report = await reportOf(r);
    // The same line numbers as an undisturbed download: no byte read twice.
    const clean = await fake((s) => {
      const again = s.addRun({ repo: REPO, id: run.id });
      failingJob(s, again);
    });
    const undisturbed = await action(clean.baseUrl, { runId: run.id, inputs: { baseline: 'false' } });
    expect(JSON.stringify((await reportOf(undisturbed)).jobs[0]?.finding)).toBe(
      JSON.stringify(report.jobs[0]?.finding),
    );
  });

  it('stalled mid-body: dropped after log-idle-timeout-seconds and resumed', async () => {
    const { gh, run } = await logRun((s, id) => s.logFaults.set(id, [{ kind: 'stall', afterBytes: 500 }]));
    const r = await action(gh.baseUrl, {
      runId: run.id,
      inputs: { baseline: 'false', 'log-idle-timeout-seconds': '1' },
    });
    expect(r.code, explain(r)).toBe(0);
    expect(r.outputs['analysed-jobs']).toBe('1');
    expect(blobs(gh).map((b) => b.range)).toEqual([undefined, 'bytes=500-']);
    expect(r.wallMs).toBeLessThan(60_000);
  });

  it('a log that keeps breaking off: the job is listed as having no log, with where and why', async () => {
    const { gh, run } = await logRun((s, id) =>
      s.logFaults.set(id, [
        { kind: 'cut', afterBytes: 300 },
        { kind: 'cut', afterBytes: 0 },
        { kind: 'cut', afterBytes: 0 },
        { kind: 'cut', afterBytes: 0 },
      ]),
    );
    const r = await action(gh.baseUrl, {
      runId: run.id,
      inputs: { baseline: 'false', 'log-wait-seconds': '1' },
    });
    expect(r.code, explain(r)).toBe(0);
    expect(r.outputs['failed-jobs']).toBe('1');
    expect(r.outputs['analysed-jobs']).toBe('0');
    expect(r.outputs['unavailable-logs']).toBe('1');
    const text = readable(r.summary);
    expect(text).toContain('### Logs not available');
    expect(text).toMatch(
      /broke off at byte 300 of \d+ \(.+\), 3 resumptions with a fresh URL did not complete it/,
    );
    expect(gh.requestsTo(/\/actions\/jobs\/\d+\/logs$/)).toHaveLength(4);
  });
});

describe('more failed jobs than max-jobs', () => {
  it('250 jobs, 230 failed, max-jobs 200: 230 counted and listed, 200 analysed, every page read', async () => {
    let run!: FakeRun;
    const failed = Array.from({ length: 230 }, (_, i) => i);
    const gh = await fake((s) => {
      run = s.addMatrixRun(
        { repo: REPO },
        {
          count: 250,
          failed,
          log: (i, c) =>
            c === 'failure'
              ? jobLog({
                  steps: [
                    NPM_CI,
                    npmTest({
                      failing: true,
                      test: { name: `Cart › case ${i}`, expected: 90, received: 100 },
                    }),
                  ],
                })
              : 'ok\n',
        },
      );
    });
    const r = await action(gh.baseUrl, {
      event: 'workflow_run',
      payload: { workflow_run: { id: run.id, run_attempt: 1 } },
      inputs: { baseline: 'false', 'max-jobs': '200' },
    });
    expect(r.code, explain(r)).toBe(0);
    expect(gh.requestsTo(/\/attempts\/1\/jobs$/).map((p) => p.query.page ?? '1')).toEqual(['1', '2', '3']);
    expect(gh.requestsTo(/\/actions\/jobs\/\d+\/logs$/)).toHaveLength(200);
    expect(r.outputs['failed-jobs']).toBe('230');
    expect(r.outputs['analysed-jobs']).toBe('200');
    expect(r.outputs['unavailable-logs']).toBe('30');
    const report = await reportOf(r);
    expect(report.counts).toMatchObject({
      jobs: 250,
      failed: 230,
      analysed: 200,
      unavailable: 30,
      notAnalysed: 30,
    });
    const over = report.jobs.filter((j) => j.notAnalysed === 'max-jobs');
    expect(over.map((j) => j.job.name)).toEqual(Array.from({ length: 30 }, (_, i) => `test (${200 + i})`));
    expect(over.every((j) => j.unavailable === 'not analysed: over max-jobs (200)')).toBe(true);
    const text = readable(r.summary);
    expect(text).toContain('## ❌ ci-triage: 230 failed jobs in');
    expect(text).toContain('**230** failed jobs of 250');
    expect(text).toContain('**30** not analysed (over max-jobs)');
    expect(text).toContain('### Failed jobs not analysed (over max-jobs)');
    const last = over[29]!;
    expect(text).toContain(
      `- [test (229)](https://github.com/${REPO}/actions/runs/${run.id}/job/${last.job.id}): not analysed: over max-jobs (200)`,
    );
    expect(text).not.toContain('### Logs not available');
  });
});

describe('fingerprints that separate tests', () => {
  it('two jest tests failing on a numeric toBe in two jobs: two fingerprints, two issues', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => {
      run = s.addRun({ repo: REPO });
      failingJob(s, run, 'test (cart)', {
        name: 'Cart › applies the discount to the total',
        expected: 90,
        received: 100,
      });
      failingJob(s, run, 'test (tax)', {
        name: 'Tax › adds the VAT',
        file: 'src/tax.test.js',
        expected: 12,
        received: 10,
      });
    });
    const r = await action(gh.baseUrl, {
      runId: run.id,
      inputs: { baseline: 'false', 'github-issues': 'true', 'github-issue-min-severity': 'low' },
    });
    expect(r.code, explain(r)).toBe(0);
    const fingerprints = JSON.parse(r.outputs.fingerprints ?? '[]') as string[];
    expect(fingerprints).toHaveLength(2);
    const report = await reportOf(r);
    expect(new Set(report.jobs.map((j) => j.finding?.fingerprint))).toEqual(new Set(fingerprints));
    expect(gh.state.issues).toHaveLength(2);
    expect(gh.state.issues.map((i) => i.labels.find((l) => l.startsWith('ci-triage-fp-'))).sort()).toEqual(
      fingerprints.map((f) => `ci-triage-fp-${f}`).sort(),
    );
    const published = JSON.parse(r.outputs.published ?? '[]') as Array<{ sink: string; items: unknown[] }>;
    expect(published.find((p) => p.sink === 'github-issue')?.items).toHaveLength(2);
    expect(r.summary).not.toMatch(/same failure in 2 jobs/);
  });
});
