/**
 * `ci-triage run <url>` through the committed bundle (dist/cli.js) as a child process, against the local fake
 * of the GitHub REST API: GITHUB_TOKEN and GITHUB_API_URL from the environment, as a person would run it.
 * Exit codes: 0 analysed; 1 the run could not be read; 2 bad arguments or no token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHubState, type FakeGitHub, type FakeRun, startFakeGitHub } from './helpers/fake-github.js';
import { apiStepsFor, jobLog, type JobLogOptions, NPM_CI, npmTest } from './helpers/job-log.js';
import { type CliResult, runBundledCli } from './helpers/run-cli.js';
import { snapshotDist } from './helpers/run-action.js';

const REPO = 'acme/widgets';
const TOKEN = 'ghs_cliTestToken0123456789abcdefABCDEFGHIJ';

let cli: string;
const fakes: FakeGitHub[] = [];

beforeAll(async () => {
  cli = (await snapshotDist()).cli;
});

afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
});

async function fake(setup: (s: FakeGitHubState) => void): Promise<FakeGitHub> {
  const state = new FakeGitHubState();
  state.addRepo(REPO);
  state.tokens = new Set([TOKEN]);
  setup(state);
  const gh = await startFakeGitHub(state);
  fakes.push(gh);
  return gh;
}


function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return runBundledCli(cli, args, env);
}


const explain = (r: CliResult) => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

function failedRun(s: FakeGitHubState): FakeRun {
  const run = s.addRun({ repo: REPO, event: 'push', headBranch: 'main' });
  s.addCommit({ repo: REPO, sha: run.headSha, message: 'Fix the thing' });
  const ok: JobLogOptions = { steps: [NPM_CI] };
  s.addJob(run, { name: 'build', conclusion: 'success', steps: apiStepsFor(ok), log: jobLog(ok) });
  const failing: JobLogOptions = { steps: [NPM_CI, npmTest({ failing: true })] };
  s.addJob(run, { name: 'test', conclusion: 'failure', steps: apiStepsFor(failing), log: jobLog(failing) });
  return run;
}

const runUrl = (run: FakeRun | number) =>
  `https://github.com/${REPO}/actions/runs/${typeof run === 'number' ? run : run.id}`;

describe.concurrent('ci-triage run <url> (dist/cli.js)', () => {
  it('prints the failed job, its step and the excerpt', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => (run = failedRun(s)));
    const r = await runCli(['run', runUrl(run)], { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.baseUrl });
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout).toContain(`run ${run.id} attempt 1`);
    expect(r.stdout).toMatch(/1 failed job\(s\) of 2/);
    expect(r.stdout).toContain('test');
    expect(r.stdout).toContain('Run npm test');
    expect(r.stdout).toContain('test_failure');
    expect(r.stdout).toContain('Expected: 90');
    expect(r.stdout).toContain('Received: 100');
    expect(r.stdout.includes('\u001b[')).toBe(false);
    // The token went to the API only.
    expect(
      gh.requests
        .filter((q) => !q.path.startsWith('/_blobs/'))
        .every((q) => q.authorization === `token ${TOKEN}`),
    ).toBe(true);
    expect(gh.requestsTo(/^\/_blobs\//).every((q) => q.authorization === undefined)).toBe(true);
  });

  it('--json prints the report (schema ci-triage/report@1)', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => (run = failedRun(s)));
    const r = await runCli(['run', '--json', `${runUrl(run)}/attempts/1`], {
      GH_TOKEN: TOKEN,
      GITHUB_API_URL: gh.baseUrl,
    });
    expect(r.code, explain(r)).toBe(0);
    const report = JSON.parse(r.stdout) as {
      schema: string;
      mode: string;
      run: { id: number; attempt: number };
      jobs: Array<{ job: { name: string }; finding?: { failureType: string; fingerprint: string } }>;
      counts: { failed: number; analysed: number };
    };
    expect(report.schema).toBe('ci-triage/report@1');
    expect(report.mode).toBe('cli');
    expect(report.run).toMatchObject({ id: run.id, attempt: 1 });
    expect(report.counts).toMatchObject({ failed: 1, analysed: 1 });
    expect(report.jobs[0]?.job.name).toBe('test');
    expect(report.jobs[0]?.finding?.failureType).toBe('test_failure');
    expect(report.jobs[0]?.finding?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  // The CLI is not a runner: no workflow commands (`::debug::`) on stdout, which --json keeps parseable.
  it('stdout holds only the report: no ::debug:: workflow commands, with or without --json', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => (run = failedRun(s)));
    const env = { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.baseUrl };
    const [json, text] = await Promise.all([
      runCli(['run', '--json', runUrl(run)], env),
      runCli(['run', runUrl(run)], env),
    ]);
    expect(json.code, explain(json)).toBe(0);
    expect(text.code, explain(text)).toBe(0);
    const commands = (out: string) => out.split('\n').filter((l) => l.startsWith('::'));
    expect(commands(json.stdout)).toEqual([]);
    expect(commands(text.stdout)).toEqual([]);
    expect(() => JSON.parse(json.stdout) as unknown).not.toThrow();
  });

  it('no token: exit 2, says which variable to set', async () => {
    const r = await runCli(['run', runUrl(123)], { GITHUB_API_URL: 'http://127.0.0.1:9' });
    expect(r.code, explain(r)).toBe(2);
    expect(r.stderr).toMatch(/GITHUB_TOKEN/);
    expect(r.stdout).toBe('');
  });

  it.each([
    ['not a URL', 'acme/widgets#123'],
    ['a URL that is not a run', 'https://github.com/acme/widgets/pull/7'],
    ['an ftp URL', 'ftp://github.com/acme/widgets/actions/runs/1'],
  ])('a bad URL (%s): exit 2', async (_what, url) => {
    const r = await runCli(['run', url], { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: 'http://127.0.0.1:9' });
    expect(r.code, explain(r)).toBe(2);
    expect(r.stderr).toMatch(/is not a run URL/);
    expect(r.stderr).toContain('/actions/runs/');
  });

  it('403 "Resource not accessible by integration": exit 1 naming the permission', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => {
      run = failedRun(s);
      s.deniedPermissions.add('actions');
    });
    const r = await runCli(['run', runUrl(run)], { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.baseUrl });
    expect(r.code, explain(r)).toBe(1);
    expect(r.stderr).toContain('actions: read');
    expect(r.stderr).toMatch(/permissions:/);
    expect(r.stdout).toBe('');
  });

  it('a token the API rejects (401): exit 1', async () => {
    let run!: FakeRun;
    const gh = await fake((s) => (run = failedRun(s)));
    const r = await runCli(['run', runUrl(run)], { GITHUB_TOKEN: 'ghs_wrong', GITHUB_API_URL: gh.baseUrl });
    expect(r.code, explain(r)).toBe(1);
    expect(r.stderr).toMatch(/401|rejected the token/);
  });
});
