#!/usr/bin/env node
// The action end to end against a slow GitHub API: dist/index.js run as a child process exactly as the
// runner runs it (__tests__/helpers/run-action.ts) against the local fake of the REST API
// (__tests__/helpers/fake-github.ts, served from this process) with 50 ms added to every answer, on a run with
// 100 failed jobs whose raw logs are ~2,000 lines each.
//
//   npm run bench:api               3 runs, each printed, then the median
//   BENCH_API_RUNS=5                another number of runs
//   BENCH_2GB=1 npm run bench:api   also one job with a 2 GiB log (generated on the fly, never on disk):
//                                   wall time and the action's peak RSS
//   BENCH_ACTION=path/to/index.js   another bundle than dist/index.js
//   BENCH_API_CONCURRENCY=16        the action's "concurrency" input (default: action.yml's)
//
// Start-up is the time from spawning the process to the first request the fake receives, both read from
// this process's clock (performance.timeOrigin + performance.now()). Prints figures; asserts nothing.
//
// The helpers are TypeScript written in erasable syntax, which Node 24 runs as is (type stripping): no build
// step. `npm run` puts the `node` package's Node 24 first on PATH.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, totalmem } from 'node:os';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = process.env.BENCH_ACTION ? resolve(process.env.BENCH_ACTION) : join(root, 'dist/index.js');
const runs = Math.max(1, Number(process.env.BENCH_API_RUNS ?? '3') || 3);
const JOBS = 100;
const LINES = 2000;
const LATENCY_MS = 50;
const TARGET_STARTUP_MS = 150;
const TARGET_WALL_MS = 3000;
const REPO = 'acme/widgets';
const concurrency = process.env.BENCH_API_CONCURRENCY;

function fail(message) {
  process.stderr.write(`bench-api: ${message}\n`);
  process.exit(1);
}

if (!process.features?.typescript) {
  fail(
    `Node ${process.version} cannot run the TypeScript test helpers (no type stripping): run it as ` +
      '"npm run bench:api", which uses the Node 24 of the "node" devDependency.',
  );
}
if (!existsSync(bundle))
  fail(`${relative(root, bundle) || bundle} not found: build it first (npm run package).`);

const { FakeGitHubState, startFakeGitHub } = await import('../__tests__/helpers/fake-github.ts');
const { runAction, DEFAULT_TOKEN } = await import('../__tests__/helpers/run-action.ts');
const { apiStepsFor, jobLog, NPM_CI } = await import('../__tests__/helpers/job-log.ts');

// ── The logs ─────────────────────────────────────────────────────────────────────────────────────────────

/** `npm test` running a jest suite of many files, with console noise, ending in one failing assertion. */
function testStep(job, lines) {
  const output = ['', '> widgets@1.0.0 test', '> jest --ci', ''];
  let file = 0;
  while (output.length < lines - 30) {
    file++;
    output.push(`PASS src/module-${file % 97}/feature-${file}.test.js (${(file * 37) % 900} ms)`);
    if (file % 5 === 0) {
      output.push(
        '  ● Console',
        '',
        '    console.log',
        `      [cache] warmed ${file * 13} entries in ${file % 40} ms`,
        '',
        `      at Object.log (src/module-${file % 97}/cache.js:${file % 200}:11)`,
        '',
      );
    }
  }
  const target = `src/module-${job % 20}/pricing.test.js`;
  output.push(
    `FAIL ${target}`,
    `  ● Pricing › rounds case ${job % 20} to cents`,
    '',
    '    expect(received).toBe(expected) // Object.is equality',
    '',
    `    Expected: ${job % 20}.5`,
    `    Received: ${job % 20}.49999999999999`,
    '',
    `      40 |   it('rounds case ${job % 20} to cents', () => {`,
    `    > 41 |     expect(round(${job % 20}.495)).toBe(${job % 20}.5);`,
    '         |                                ^',
    '      42 |   });',
    '',
    `      at Object.toBe (${target}:41:32)`,
    '',
    `Test Suites: 1 failed, ${file} passed, ${file + 1} total`,
    `Tests:       1 failed, ${file * 4} passed, ${file * 4 + 1} total`,
    'Snapshots:   0 total',
    'Time:        48.112 s',
    'Ran all test suites.',
  );
  return { name: 'Run npm test', command: ['npm test'], failed: true, output };
}

/** A raw job log of about `lines` lines (the set-up, checkout and post sections take ~90). */
function bigJobLog(job) {
  const opts = { startSecond: job * 7, steps: [NPM_CI, testStep(job, LINES - 90)] };
  return { opts, log: jobLog(opts) };
}

// ── One run of the action ────────────────────────────────────────────────────────────────────────────────

async function once(setup, inputs = {}, extra = {}) {
  const state = new FakeGitHubState();
  state.addRepo(REPO);
  state.tokens = new Set([DEFAULT_TOKEN]);
  const run = setup(state);
  state.addCommit({ repo: REPO, sha: run.headSha, message: 'Fix the thing', files: ['src/pricing.js'] });
  const gh = await startFakeGitHub(state);
  try {
    const r = await runAction({
      apiUrl: gh.baseUrl,
      bundle,
      event: 'workflow_run',
      payload: { action: 'completed', workflow_run: { id: run.id, run_attempt: run.attempt } },
      runId: 1,
      inputs,
      timeoutMs: 30 * 60_000,
      ...extra,
    });
    await r.cleanup();
    const first = gh.requests[0]?.at;
    return {
      code: r.code,
      error:
        r.code === 0
          ? undefined
          : (r.commands.find((c) => c.command === 'error')?.message ?? r.stderr.trim()),
      wallMs: r.wallMs,
      startupMs: first === undefined ? undefined : first - r.spawnedAt,
      requests: gh.requests.length,
      analysed: Number(r.outputs['analysed-jobs'] ?? NaN),
      failureType: r.outputs['failure-type'],
      peakRssKiB: r.peakRssKiB,
    };
  } finally {
    await gh.close();
  }
}

function hundredJobs(state) {
  state.latencyMs = LATENCY_MS;
  const run = state.addRun({ repo: REPO, event: 'push', headBranch: 'main' });
  for (let i = 0; i < JOBS; i++) {
    const { opts, log } = bigJobLog(i);
    state.addJob(run, { name: `test (${i})`, conclusion: 'failure', steps: apiStepsFor(opts), log });
  }
  return run;
}

// ── Formatting ───────────────────────────────────────────────────────────────────────────────────────────

const ms = (x) => (x === undefined ? '—' : `${Math.round(x)} ms`);
const s = (x) => (x === undefined ? '—' : `${(x / 1000).toFixed(2)} s`);
const median = (xs) => {
  const v = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
  if (!v.length) return undefined;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const pad = (x, n) => String(x).padStart(n);

// ── Main ─────────────────────────────────────────────────────────────────────────────────────────────────

const sample = bigJobLog(0).log;
process.stdout.write(
  `\nci-triage API bench\n` +
    `  node     ${process.version} (${process.execPath})\n` +
    `  action   ${relative(root, bundle) || bundle}, companion mode (workflow_run), ` +
    `${concurrency ? `concurrency ${concurrency}, other inputs` : 'inputs'} at action.yml's defaults\n` +
    `  machine  ${cpus().length} × ${cpus()[0]?.model?.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM\n` +
    `  run      ${JOBS} failed jobs, raw logs of ${sample.split('\n').length - 1} lines (${(sample.length / 1024).toFixed(0)} KiB) each, ` +
    `${LATENCY_MS} ms added to every API answer\n\n`,
);

const results = [];
for (let i = 1; i <= runs; i++) {
  const r = await once(hundredJobs, concurrency ? { concurrency } : {});
  results.push(r);
  process.stdout.write(
    `  run ${i}: start-up ${pad(ms(r.startupMs), 7)}   wall ${pad(s(r.wallMs), 7)}   ` +
      `${r.requests} requests, ${r.analysed} analysed, exit ${r.code}` +
      (r.error ? `\n         error: ${r.error.slice(0, 500)}` : '') +
      '\n',
  );
}
process.stdout.write(
  `\n  median   start-up ${pad(ms(median(results.map((r) => r.startupMs))), 7)}  (target ≤ ${TARGET_STARTUP_MS} ms)` +
    `   wall ${pad(s(median(results.map((r) => r.wallMs))), 7)}  (target ≤ ${s(TARGET_WALL_MS)} for ${JOBS} jobs)\n`,
);

if (process.env.BENCH_2GB) {
  const bytes = 2 * 1024 ** 3;
  process.stdout.write(
    `\n2 GiB log: one failed job, the log generated on the fly by the fake, max-log-mb 4096, no latency…\n`,
  );
  const r = await once(
    (state) => {
      const run = state.addRun({ repo: REPO, event: 'push', headBranch: 'main' });
      state.addJob(run, {
        name: 'soak',
        conclusion: 'failure',
        log: {
          bytes,
          line: '2024-05-01T12:00:00.1234567Z [soak] iteration ok: 1024 requests, p99 12 ms, 0 errors\n',
        },
      });
      return run;
    },
    { 'max-log-mb': '4096', baseline: 'false' },
    { measureRss: true },
  );
  process.stdout.write(
    `  wall ${s(r.wallMs)} (${(bytes / 2 ** 20 / (r.wallMs / 1000)).toFixed(0)} MiB/s)   ` +
      `peak RSS ${r.peakRssKiB === undefined ? '—' : `${(r.peakRssKiB / 1024).toFixed(0)} MiB`}   ` +
      `${r.analysed} analysed (${r.failureType || 'no type'}), exit ${r.code}` +
      (r.error ? `\n  error: ${r.error.slice(0, 500)}` : '') +
      '\n',
  );
} else {
  process.stdout.write('\n  (BENCH_2GB=1 adds a run on one 2 GiB log: wall time and peak RSS)\n');
}
