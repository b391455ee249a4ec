/**
 * End to end with Claude: the committed bundle (dist/index.js, `npm run package` first) run as the runner runs
 * it, against the fake GitHub API and the fake Messages API (the `anthropic-base-url` input), with
 * `anthropic-api-key` and `llm: always`; an ANTHROPIC_BASE_URL in the job's environment is ignored. The summary shows the explanation, the model, the grounded lines and
 * the cost; the outputs carry tokens and cost; the key appears nowhere the action writes. The same run through
 * `dist/cli.js run --llm` (GITHUB_TOKEN, GITHUB_API_URL, ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL), as a person runs it.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeAnthropic,
  type RecordedAnthropicRequest,
  startFakeAnthropic,
  userText,
} from './helpers/fake-anthropic.js';
import { FakeGitHubState, type FakeGitHub, type FakeRun, startFakeGitHub } from './helpers/fake-github.js';
import { apiStepsFor, jobLog, type JobLogOptions, NPM_CI, npmTest } from './helpers/job-log.js';
import { type ActionResult, DEFAULT_TOKEN, node24, runAction, snapshotDist } from './helpers/run-action.js';
import { type CliResult, runBundledCli } from './helpers/run-cli.js';

const REPO = 'acme/widgets';
const KEY = 'sk-ant-api03-e2eSecretKeyNeverPrinted0123456789abcdefXYZ';
/** The workflow of the run, at its head sha: the failing job `test` and one that did not fail. */
const WORKFLOW = `name: CI
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci
      - run: npm test
  docs:
    runs-on: ubuntu-latest
    steps:
      - run: npm run build-docs-only-here
`;
let bundle: string;
let cli: string;
let gh: FakeGitHub;
let claude: FakeAnthropic;
/** What ANTHROPIC_BASE_URL points at in the job's environment: never to be called. */
let decoy: FakeAnthropic;
let run!: FakeRun;
let jobId = 0;
const results: ActionResult[] = [];

beforeAll(async () => {
  ({ action: bundle, cli } = await snapshotDist());
  const state = new FakeGitHubState();
  state.addRepo(REPO);
  state.tokens = new Set([DEFAULT_TOKEN]);
  run = state.addRun({
    repo: REPO,
    event: 'push',
    headBranch: 'main',
    status: 'completed',
    conclusion: 'failure',
  });
  const opts: JobLogOptions = { steps: [NPM_CI, npmTest({ failing: true })] };
  jobId = state.addJob(run, {
    name: 'test',
    conclusion: 'failure',
    steps: apiStepsFor(opts),
    log: jobLog(opts),
  }).id;
  state.addCommit({ repo: REPO, sha: run.headSha, message: 'Fix the thing', files: ['src/cart.js'] });
  state.addFile(REPO, run.headSha, run.path, WORKFLOW);
  gh = await startFakeGitHub(state);
  claude = await startFakeAnthropic(KEY);
  decoy = await startFakeAnthropic(KEY);
});

afterAll(async () => {
  await Promise.all([gh?.close(), claude?.close(), decoy?.close()]);
  await Promise.all(results.map((r) => r.cleanup()));
});

describe('dist/index.js with Claude', () => {
  it('explains the failure, grounded, with its cost; the key is never written', async () => {
    claude.fallback = (req) => {
      const key = Number(/key="(\d+)"/.exec(userText(req))?.[1]);
      return {
        tool: {
          cause: 'cart.total() no longer applies the 10% discount, so the test expects 90 and gets 100.',
          fix: 'Apply the discount in src/cart.js total() again.',
          cited_lines: [key],
          affected_files: ['src/cart.js'],
          confidence: 0.85,
          ticket_title: 'cart.total() ignores the discount',
          description: 'The cart test fails: total() returns 100 instead of 90.',
        },
        usage: { input_tokens: 3000, output_tokens: 250 },
      };
    };
    const r = await runAction({
      apiUrl: gh.baseUrl,
      bundle,
      runId: run.id,
      job: 'triage',
      event: 'workflow_run',
      payload: { workflow_run: { id: run.id, run_attempt: 1 }, repository: { full_name: REPO } },
      inputs: {
        'anthropic-api-key': KEY,
        'anthropic-base-url': claude.baseUrl,
        llm: 'always',
        model: 'claude-sonnet-5-5',
      },
      // The job's environment names another server: the key must not go there.
      env: { ANTHROPIC_BASE_URL: decoy.baseUrl },
    });
    results.push(r);
    const why = `exit ${r.code}\n${r.stdout}\n${r.stderr}`;
    expect(r.code, why).toBe(0);
    expect(decoy.requests, why).toHaveLength(0);

    // One request, to the fake, with the key; the prompt within the default budget.
    expect(claude.requests, why).toHaveLength(1);
    const req = claude.requests[0]!;
    expect(req.headers.authorization ?? `Bearer ${String(req.headers['x-api-key'])}`).toBe(`Bearer ${KEY}`);
    expect(req.body.model).toBe('claude-sonnet-5-5');
    expect(userText(req)).toContain('<log_excerpt job="test"');
    // The failing job's part of the workflow file, read at the run's head sha.
    expect(userText(req)).toContain('<workflow_file path=".github/workflows/ci.yml" job="test">');
    expect(userText(req)).toContain('      - run: npm test');
    expect(userText(req)).not.toContain('build-docs-only-here');
    expect(Math.ceil(req.raw.length / 3)).toBeLessThan(8000);

    // Outputs: tokens and cost (claude-sonnet-5-5: $2 / $10 per million: 0.006 + 0.0025).
    expect(r.outputs['llm-calls']).toBe('1');
    expect(r.outputs['llm-input-tokens']).toBe('3000');
    expect(r.outputs['llm-output-tokens']).toBe('250');
    expect(Number(r.outputs['llm-cost-usd'])).toBeCloseTo(0.0085, 6);
    expect(r.outputs['failure-type']).toBe('test_failure');

    // The summary: the explanation, the model, the cited line linked into the job's log, the cost.
    expect(r.summary).toContain(
      '**Explanation** (Claude, model <code>claude-sonnet-5-5</code>, grounded in line',
    );
    expect(r.summary).toMatch(
      new RegExp(
        `grounded in line \\[\\d+\\]\\(https://github.com/acme/widgets/actions/runs/${run.id}/job/${jobId}#step:\\d+:\\d+\\)`,
      ),
    );
    expect(r.summary).toContain('no longer applies the 10% discount');
    expect(r.summary).toContain('**Suggested fix:**');
    expect(r.summary).toContain('3000 input + 250 output tokens');
    expect(r.summary).toContain('$0.0085');

    // report.json keeps the explanation; the key is nowhere.
    const report = JSON.parse(await readFile(r.outputs['report-path']!, 'utf8')) as {
      llm: { calls: number; model: string };
      jobs: Array<{ explanation?: { citedLines: number[]; typeRefinedByModel: boolean } }>;
    };
    expect(report.llm).toMatchObject({ calls: 1, model: 'claude-sonnet-5-5', explained: 1 });
    expect(report.jobs[0]?.explanation?.citedLines).toHaveLength(1);
    expect(report.jobs[0]?.explanation?.typeRefinedByModel).toBe(false);
    // The one place it may be: the `::add-mask::` command that registers it with the runner (which then masks it).
    expect(r.stdout).toContain(`::add-mask::${KEY}`);
    const stdout = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    for (const text of [stdout, r.stderr, r.summary, ...Object.values(r.files), ...Object.values(r.outputs)])
      expect(text).not.toContain(KEY);
  });

  it('ci-triage analyze --llm: the CLI explains a local log with the key from ANTHROPIC_API_KEY', async () => {
    claude.script = [
      (req) => ({
        tool: {
          cause: 'The go test subtests fail with "missing API token".',
          fix: 'Set TF_TOKEN_app_terraform_io in the test environment.',
          cited_lines: [Number(/key="(\d+)"/.exec(userText(req))?.[1])],
          affected_files: [],
          confidence: 0.7,
          ticket_title: 'TestCloud_configWithEnvVars: missing API token',
          description: 'The cloud tests need a token.',
        },
      }),
    ];
    const before = claude.requests.length;
    const log = fileURLToPath(new URL('../fixtures/github-go-test-terraform.log', import.meta.url));
    const { stdout } = await promisify(execFile)(
      node24(),
      [cli, 'analyze', '--json', '--llm', '--model', 'claude-haiku-4-5', log],
      {
        env: { PATH: process.env.PATH, ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: claude.baseUrl },
      },
    );
    const out = JSON.parse(stdout) as {
      failureType: string;
      explanation?: { model: string; citedLines: number[]; costUsd?: number };
    };
    expect(claude.requests.length - before).toBe(1);
    expect(claude.requests[before]?.body.tool_choice).toEqual({ type: 'tool', name: 'report_diagnosis' });
    expect(out.failureType).toBe('test_failure');
    expect(out.explanation).toMatchObject({ model: 'claude-haiku-4-5' });
    expect(out.explanation?.citedLines).toHaveLength(1);
    expect(stdout).not.toContain(KEY);
  });

  it('log-path with llm: always: the one finding is explained in the summary and the llm-* outputs', async () => {
    const sample = fileURLToPath(new URL('../fixtures/sample/failed-job.log', import.meta.url));
    claude.script = [
      (req) => ({
        tool: {
          cause: 'The discount is not applied, so total() returns 100 where the test expects 90.',
          fix: 'Apply the discount in Cart.total().',
          cited_lines: [Number(/key="(\d+)"/.exec(userText(req))?.[1])],
          affected_files: [],
          confidence: 0.75,
          ticket_title: 'Cart total ignores the discount',
          description: 'The cart test fails: total() returns 100.',
        },
        usage: { input_tokens: 1200, output_tokens: 150 },
      }),
    ];
    const before = claude.requests.length;
    const ghBefore = gh.requests.length;
    const r = await runAction({
      apiUrl: gh.baseUrl,
      bundle,
      inputs: {
        'log-path': sample,
        'anthropic-api-key': KEY,
        'anthropic-base-url': claude.baseUrl,
        llm: 'always',
        model: 'claude-haiku-4-5',
      },
      env: { ANTHROPIC_BASE_URL: decoy.baseUrl },
    });
    results.push(r);
    const why = `exit ${r.code}\n${r.stdout}\n${r.stderr}`;
    expect(r.code, why).toBe(0);
    expect(claude.requests.length - before, why).toBe(1);
    expect(userText(claude.requests[before]!)).toContain('<log_excerpt job=');
    expect(gh.requests.length).toBe(ghBefore);

    expect(r.outputs['failure-type']).toBe('test_failure');
    expect(r.outputs['llm-calls']).toBe('1');
    expect(r.outputs['llm-input-tokens']).toBe('1200');
    expect(r.outputs['llm-output-tokens']).toBe('150');
    // claude-haiku-4-5: $1 / $5 per million: 0.0012 + 0.00075.
    expect(Number(r.outputs['llm-cost-usd'])).toBeCloseTo(0.00195, 6);
    expect(r.summary).toContain('Expected: 90');
    expect(r.summary).toContain(
      '**Explanation** (Claude, model <code>claude-haiku-4-5</code>, grounded in line',
    );
    expect(r.summary).toContain('The discount is not applied');
    expect(r.summary).toContain('**Suggested fix:**');
    const stdout = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    for (const text of [stdout, r.stderr, r.summary, ...Object.values(r.outputs)])
      expect(text).not.toContain(KEY);
  });

  it('log-path with llm: auto and a confident finding: no call; a failed call leaves the deterministic result', async () => {
    const sample = fileURLToPath(new URL('../fixtures/sample/failed-job.log', import.meta.url));
    const before = claude.requests.length;
    const auto = await runAction({
      apiUrl: gh.baseUrl,
      bundle,
      inputs: {
        'log-path': sample,
        'anthropic-api-key': KEY,
        'anthropic-base-url': claude.baseUrl,
        llm: 'auto',
      },
    });
    results.push(auto);
    expect(auto.code, auto.stderr).toBe(0);
    expect(claude.requests.length).toBe(before);
    expect(auto.outputs['llm-calls']).toBe('0');
    expect(auto.summary).not.toContain('**Explanation**');

    claude.script = [{ status: 400, type: 'invalid_request_error', message: 'bad request' }];
    const failed = await runAction({
      apiUrl: gh.baseUrl,
      bundle,
      inputs: {
        'log-path': sample,
        'anthropic-api-key': KEY,
        'anthropic-base-url': claude.baseUrl,
        llm: 'always',
        model: 'claude-haiku-4-5',
      },
      env: { ANTHROPIC_BASE_URL: decoy.baseUrl },
    });
    results.push(failed);
    expect(failed.code, failed.stderr).toBe(0);
    expect(failed.outputs['failure-type']).toBe('test_failure');
    expect(failed.outputs['llm-calls']).toBe('0');
    expect(failed.summary).toContain(
      '_Claude could not explain this failure: Claude did not answer &#40;HTTP 400',
    );
  });

  it('ci-triage run --llm <url>: prints the explanation; --json carries it; the key is never printed', async () => {
    const answer = (req: RecordedAnthropicRequest) => ({
      tool: {
        cause: 'cart.total() skips the discount step, so the test gets 100 instead of 90.',
        fix: 'Call applyDiscount in total() in src/cart.js.',
        cited_lines: [Number(/key="(\d+)"/.exec(userText(req))?.[1])],
        affected_files: ['src/cart.js'],
        confidence: 0.8,
        ticket_title: 'cart.total() skips the discount',
        description: 'The cart test fails: total() returns 100.',
      },
      usage: { input_tokens: 2000, output_tokens: 200 },
    });
    claude.script = [answer, answer];
    const before = claude.requests.length;
    const env = {
      GITHUB_TOKEN: DEFAULT_TOKEN,
      GITHUB_API_URL: gh.baseUrl,
      ANTHROPIC_API_KEY: KEY,
      ANTHROPIC_BASE_URL: claude.baseUrl,
    };
    const url = `https://github.com/${REPO}/actions/runs/${run.id}`;
    const text = await runCli(['run', '--llm', '--model', 'claude-haiku-4-5', url], env);
    const json = await runCli(['run', '--llm', '--json', '--model', 'claude-haiku-4-5', url], env);
    for (const r of [text, json]) {
      expect(r.code, `exit ${r.code}\n${r.stdout}\n${r.stderr}`).toBe(0);
      for (const out of [r.stdout, r.stderr]) expect(out).not.toContain(KEY);
    }
    expect(claude.requests.length - before).toBe(2);
    for (const req of claude.requests.slice(before)) {
      expect(req.headers.authorization ?? `Bearer ${String(req.headers['x-api-key'])}`).toBe(`Bearer ${KEY}`);
      expect(userText(req)).toContain('<workflow_file path=".github/workflows/ci.yml" job="test">');
    }

    expect(text.stdout).toContain('Claude');
    expect(text.stdout).toContain('cause: cart.total() skips the discount step');
    expect(text.stdout).toContain('fix:   Call applyDiscount in total() in src/cart.js.');
    expect(text.stdout).toContain('2000 input + 200 output tokens');

    const report = JSON.parse(json.stdout) as {
      llm?: { calls: number; explained: number; model: string };
      jobs: Array<{
        job: { name: string };
        explanation?: { cause: string; citedLines: number[]; model: string };
      }>;
    };
    expect(report.llm).toMatchObject({ calls: 1, explained: 1, model: 'claude-haiku-4-5' });
    const job = report.jobs.find((j) => j.job.name === 'test');
    expect(job?.explanation?.cause).toMatch(/skips the discount step/);
    expect(job?.explanation?.citedLines).toHaveLength(1);
  });
});

function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return runBundledCli(cli, args, env);
}
