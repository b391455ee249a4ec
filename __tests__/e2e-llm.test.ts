/**
 * End to end with Claude: the committed bundle (dist/index.js, `npm run package` first) run as the runner runs
 * it, against the fake GitHub API and the fake Messages API (ANTHROPIC_BASE_URL for the child), with
 * `anthropic-api-key` and `llm: always`. The summary shows the explanation, the model, the grounded lines and
 * the cost; the outputs carry tokens and cost; the key appears nowhere the action writes.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAnthropic, startFakeAnthropic, userText } from './helpers/fake-anthropic.js';
import { FakeGitHubState, type FakeGitHub, type FakeRun, startFakeGitHub } from './helpers/fake-github.js';
import { apiStepsFor, jobLog, type JobLogOptions, NPM_CI, npmTest } from './helpers/job-log.js';
import { type ActionResult, DEFAULT_TOKEN, node24, runAction, snapshotDist } from './helpers/run-action.js';

const REPO = 'acme/widgets';
const KEY = 'sk-ant-api03-e2eSecretKeyNeverPrinted0123456789abcdefXYZ';
let bundle: string;
let cli: string;
let gh: FakeGitHub;
let claude: FakeAnthropic;
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
  gh = await startFakeGitHub(state);
  claude = await startFakeAnthropic(KEY);
});

afterAll(async () => {
  await Promise.all([gh?.close(), claude?.close()]);
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
      inputs: { 'anthropic-api-key': KEY, llm: 'always', model: 'claude-sonnet-5-5' },
      env: { ANTHROPIC_BASE_URL: claude.baseUrl },
    });
    results.push(r);
    const why = `exit ${r.code}\n${r.stdout}\n${r.stderr}`;
    expect(r.code, why).toBe(0);

    // One request, to the fake, with the key; the prompt within the default budget.
    expect(claude.requests, why).toHaveLength(1);
    const req = claude.requests[0]!;
    expect(req.headers.authorization ?? `Bearer ${String(req.headers['x-api-key'])}`).toBe(`Bearer ${KEY}`);
    expect(req.body.model).toBe('claude-sonnet-5-5');
    expect(userText(req)).toContain('<log_excerpt job="test"');
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
});
