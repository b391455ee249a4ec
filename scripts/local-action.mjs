#!/usr/bin/env node
// Runs the action from its source (src/main.ts) on this machine with @github/local-action, which stands in for
// the runner: it reads the inputs from an env file, gives the missing ones their action.yml defaults and prints
// the outputs.
//
//   npm run local-action                      inputs from .env (copy .env.example): a log file, or a run on GitHub
//   npm run local-action -- my.env            another env file
//   npm run local-action -- --fake-github     a run served by the tests' fake GitHub API on 127.0.0.1 (no token,
//                                             no network): two jobs, one failing its jest tests
//
// What it adds around local-action, which a real runner provides: the files the job summary and the report are
// written to (.local-action/summary.md, .local-action/runner-temp/), and for a run (CI_TRIAGE_RUN_ID in the env
// file) the workflow_run event that names it, so the action triages it as a companion workflow would.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, '.local-action');
const { values, positionals } = parseArgs({
  options: { 'fake-github': { type: 'boolean', default: false } },
  allowPositionals: true,
});

function fail(message) {
  process.stderr.write(`local-action: ${message}\n`);
  process.exit(2);
}

/** `KEY=value` lines of an env file (dotenv's basic syntax: comments, blank lines, optional quotes). */
function readEnv(path) {
  const env = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^\s*([\w.-]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m && !line.trimStart().startsWith('#')) env[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return env;
}

const toLine = ([k, v]) => `${k}=${JSON.stringify(String(v))}`;

rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'runner-temp'), { recursive: true });
mkdirSync(join(work, 'workspace'), { recursive: true });
const summary = join(work, 'summary.md');
writeFileSync(summary, '');

let fake;
let env;
if (values['fake-github']) {
  if (!process.features?.typescript)
    fail(
      `Node ${process.version} cannot load the TypeScript test helpers: run it as "npm run local-action".`,
    );
  const { FakeGitHubState, startFakeGitHub } = await import('../__tests__/helpers/fake-github.ts');
  const { apiStepsFor, jobLog, NPM_CI, npmTest } = await import('../__tests__/helpers/job-log.ts');
  const repo = 'acme/widgets';
  const token = 'ghs_localActionFakeToken0123456789abcdefAB';
  const state = new FakeGitHubState();
  state.addRepo(repo);
  state.tokens = new Set([token]);
  const run = state.addRun({ repo, event: 'push', headBranch: 'main' });
  const ok = { steps: [NPM_CI] };
  state.addJob(run, { name: 'build', conclusion: 'success', steps: apiStepsFor(ok), log: jobLog(ok) });
  const failing = { steps: [NPM_CI, npmTest({ failing: true })] };
  state.addJob(run, {
    name: 'test',
    conclusion: 'failure',
    steps: apiStepsFor(failing),
    log: jobLog(failing),
  });
  fake = await startFakeGitHub(state);
  process.stdout.write(`Fake GitHub API at ${fake.baseUrl}: run ${run.id} of ${repo}, job "test" failing.\n`);
  env = {
    'INPUT_GITHUB-TOKEN': token,
    GITHUB_REPOSITORY: repo,
    GITHUB_API_URL: fake.baseUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    CI_TRIAGE_RUN_ID: String(run.id),
    CI_TRIAGE_RUN_ATTEMPT: String(run.attempt),
    'INPUT_DRY-RUN': 'true',
    'INPUT_UPLOAD-REPORT': 'false',
    INPUT_HISTORY: 'false',
  };
} else {
  const file = resolve(positionals[0] ?? join(root, '.env'));
  if (!existsSync(file))
    fail(`${relative(process.cwd(), file)} not found: copy .env.example to .env and choose a mode in it.`);
  env = readEnv(file);
}

// What the runner would set. An env file's own values win.
const runner = {
  GITHUB_STEP_SUMMARY: summary,
  RUNNER_TEMP: join(work, 'runner-temp'),
  GITHUB_WORKSPACE: root,
  GITHUB_JOB: 'triage',
  RUNNER_NAME: 'local-action',
};
if (env.CI_TRIAGE_RUN_ID) {
  const id = Number(env.CI_TRIAGE_RUN_ID);
  if (!Number.isInteger(id) || id <= 0) fail(`CI_TRIAGE_RUN_ID is not a run id: ${env.CI_TRIAGE_RUN_ID}`);
  const attempt = Number(env.CI_TRIAGE_RUN_ATTEMPT || 0);
  const event = join(work, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      action: 'completed',
      workflow_run: { id, ...(attempt > 0 ? { run_attempt: attempt } : {}) },
    }),
  );
  Object.assign(runner, { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: event, GITHUB_RUN_ID: '1' });
}
const envFile = join(work, 'env');
writeFileSync(
  envFile,
  Object.entries({ ...runner, ...env })
    .map(toLine)
    .join('\n') + '\n',
);

const bin = join(root, 'node_modules/@github/local-action/bin/local-action.js');
if (!existsSync(bin)) fail('@github/local-action is not installed: npm ci');
const child = spawn(process.execPath, [bin, 'run', root, 'src/main.ts', envFile], {
  cwd: root,
  stdio: 'inherit',
  // local-action runs the TypeScript through npx tsx: answer its install prompt, and print no colours into a pipe.
  env: { ...process.env, npm_config_yes: 'true' },
});
const code = await new Promise((done) => child.on('close', (c, signal) => done(c ?? (signal ? 1 : 0))));
await fake?.close();
const written = readFileSync(summary, 'utf8');
process.stdout.write(
  `\nJob summary: ${relative(process.cwd(), summary)} (${written.length} characters)` +
    `; report files: ${relative(process.cwd(), join(work, 'runner-temp'))}/\n`,
);
process.exit(code);
