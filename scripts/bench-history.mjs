#!/usr/bin/env node
// What reading the artifact-backed history costs: src/history/store.ts, compiled, with the real Octokit client
// and the real @actions/artifact against the local fakes (__tests__/helpers/fake-github.ts: the REST API, the
// Actions results service and its blob storage, served from this process). Five runs each store 200 findings
// (1,000 records in all, each run's snapshot holding everything before it, as in production); then a sixth
// run's read() is timed — a fresh store each time, so every read lists and downloads — and the figures printed:
// records read, API calls, snapshots merged, ms (median of BENCH_HISTORY_READS, default 5), and the size of the
// newest snapshot (zip as uploaded, and its history.json). Once with no added latency, once with 50 ms added to
// every request (API and blob), as a hosted runner sees GitHub.
//
//   ./node_modules/.bin/node scripts/bench-history.mjs
//   BENCH_HISTORY_RECORDS=5000 BENCH_HISTORY_SNAPSHOTS=5   other sizes
//   BENCH_HISTORY_BUILD=dir        use an existing `tsc -p tsconfig.build.json --outDir dir` instead of compiling
//                                  (outside the repository, a package.json and a node_modules link are added)
//
// The store is compiled (only it and what it imports) into .bench/history-build (gitignored), where the
// repository's node_modules and package.json ("type": "module") apply. The fake is TypeScript in erasable
// syntax, which Node 24 runs as is. Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RECORDS = Math.max(1, Number(process.env.BENCH_HISTORY_RECORDS ?? '1000') || 1000);
const WRITERS = Math.max(1, Number(process.env.BENCH_HISTORY_SNAPSHOTS ?? '5') || 5);
const READS = Math.max(1, Number(process.env.BENCH_HISTORY_READS ?? '5') || 5);
const REPO = 'acme/widgets';
const TOKEN = 'ghs_bench_history';
const NOW = new Date('2025-06-01T12:00:00Z');
const DAY = 86_400_000;

function fail(message) {
  process.stderr.write(`bench-history: ${message}\n`);
  process.exit(1);
}

if (!process.features?.typescript) {
  fail(
    `Node ${process.version} cannot run the TypeScript fake (no type stripping): run it with the Node 24 of ` +
      'the "node" devDependency: ./node_modules/.bin/node scripts/bench-history.mjs',
  );
}

// ── The compiled store ───────────────────────────────────────────────────────────────────────────────────

async function compiledStore() {
  const given = process.env.BENCH_HISTORY_BUILD;
  if (given) {
    const dir = resolve(given);
    if (!existsSync(join(dir, 'history/store.js'))) fail(`${dir}/history/store.js not found`);
    // A build outside the repository (e.g. /tmp) needs its ESM marker and the packages to resolve.
    if (!existsSync(join(dir, 'package.json'))) {
      await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
    }
    if (!existsSync(join(dir, 'node_modules')) && relative(root, dir).startsWith('..')) {
      await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    }
    return dir;
  }
  const bench = join(root, '.bench');
  const out = join(bench, 'history-build');
  await mkdir(bench, { recursive: true });
  const config = join(bench, 'tsconfig.history.json');
  await writeFile(
    config,
    JSON.stringify(
      {
        extends: '../tsconfig.build.json',
        compilerOptions: { rootDir: '../src', outDir: './history-build' },
        include: [],
        files: ['../src/history/store.ts'],
      },
      null,
      2,
    ),
  );
  await rm(out, { recursive: true, force: true });
  const tsc = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', config], { cwd: root, encoding: 'utf8' });
  if (!existsSync(join(out, 'history/store.js'))) {
    fail(`tsc -p ${relative(root, config)} failed:\n${tsc.stdout}${tsc.stderr}`);
  }
  if (tsc.status !== 0)
    process.stderr.write(`bench-history: tsc reported errors (output kept):\n${tsc.stdout}`);
  return out;
}

const build = await compiledStore();
const { createArtifactHistoryStore, readZipEntry } = await import(
  pathToFileURL(join(build, 'history/store.js')).href
);
const { createGitHubClient } = await import(pathToFileURL(join(build, 'collect/github.js')).href);
const { FakeGitHubState, startFakeGitHub } = await import('../__tests__/helpers/fake-github.ts');
const { DefaultArtifactClient } = await import('@actions/artifact');

// ── The toolkit's chatter, and its environment ─────────────────────────────────────────────────────────────

// @actions/core prints workflow commands and progress to stdout; the figures are printed with `out`.
const stdoutWrite = process.stdout.write.bind(process.stdout);
process.stdout.write = () => true;
const out = (line = '') => stdoutWrite(`${line}\n`);

for (const k of ['ACTIONS_RUNTIME_TOKEN', 'GITHUB_RETENTION_DAYS']) delete process.env[k];
process.env.GITHUB_SERVER_URL = 'https://github.com';

/** The real DefaultArtifactClient, with this job's runtime token in process.env while each call starts. */
function runnerClient(runtimeToken) {
  const real = new DefaultArtifactClient();
  const as = (call) => {
    const before = process.env.ACTIONS_RUNTIME_TOKEN;
    process.env.ACTIONS_RUNTIME_TOKEN = runtimeToken;
    try {
      return call();
    } finally {
      if (before === undefined) delete process.env.ACTIONS_RUNTIME_TOKEN;
      else process.env.ACTIONS_RUNTIME_TOKEN = before;
    }
  };
  return {
    uploadArtifact: (...a) => as(() => real.uploadArtifact(...a)),
    listArtifacts: (...a) => as(() => real.listArtifacts(...a)),
    getArtifact: (...a) => as(() => real.getArtifact(...a)),
    downloadArtifact: (...a) => as(() => real.downloadArtifact(...a)),
    deleteArtifact: (...a) => as(() => real.deleteArtifact(...a)),
  };
}

// ── Realistic findings ──────────────────────────────────────────────────────────────────────────────────

const FAILURE_TYPES = [
  'test_failure',
  'build_error',
  'lint_error',
  'dependency_error',
  'timeout',
  'infrastructure',
];
const SEVERITIES = ['critical', 'high', 'medium', 'low'];
const KEY_LINES = [
  (i) => `FAIL src/module-${i % 20}/pricing.test.js ● Pricing › rounds case ${i % 20} to cents`,
  (i) =>
    `src/api/handlers/order-${i % 13}.ts(${40 + (i % 90)},17): error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'.`,
  (i) => `npm ERR! 404 Not Found - GET https://registry.npmjs.org/@acme%2fwidget-${i % 9} - Not found`,
  (i) =>
    `##[error]The job running on runner GitHub Actions ${i % 50} has exceeded the maximum execution time of 60 minutes.`,
  (i) =>
    `  ${10 + (i % 80)}:5  error  'result' is assigned a value but never used  @typescript-eslint/no-unused-vars`,
];

let jobSeq = 10_000;
const hex = (seed) => createHash('sha256').update(String(seed)).digest('hex');
function recordsOf(runId, count) {
  const records = [];
  const pr = runId % 3 === 0 ? undefined : 100 + (runId % 40);
  const changedFiles = pr
    ? Array.from({ length: 3 + (runId % 8) }, (_, i) => `src/module-${(runId + i) % 20}/file-${i}.ts`)
    : undefined;
  for (let i = 0; i < count; i++) {
    const jobId = jobSeq++;
    const failed = i % 10 < 7;
    const kind = jobId % KEY_LINES.length;
    records.push({
      outcome: failed ? 'failed' : 'passed',
      // 60 distinct failures recurring across runs; fingerprints and shas are hashes, as in production.
      fingerprint: failed ? hex(`failure-${jobId % 60}`).slice(0, 16) : '',
      repository: REPO,
      workflow: 'CI',
      workflowId: 161335,
      runId,
      attempt: 1,
      runNumber: runId % 997,
      runUrl: `https://github.com/${REPO}/actions/runs/${runId}`,
      sha: hex(`commit-${runId}`).slice(0, 40),
      branch: pr ? `feature-${pr}` : 'main',
      ...(pr ? { pr } : {}),
      job: `test (ubuntu-latest, node ${18 + (i % 4) * 2}, shard ${i % 8})`,
      jobId,
      ...(failed
        ? {
            failureType: FAILURE_TYPES[kind % FAILURE_TYPES.length],
            severity: SEVERITIES[jobId % SEVERITIES.length],
            transient: kind === 3,
            generic: false,
            keyLine: KEY_LINES[kind](jobId).slice(0, 200),
            ...(changedFiles ? { changedFiles } : {}),
          }
        : {}),
      time: new Date(
        NOW.getTime() - (WRITERS - (runId % 100)) * 0.5 * DAY - (count - i) * 1000,
      ).toISOString(),
    });
  }
  return records;
}

// ── The bench ───────────────────────────────────────────────────────────────────────────────────────────

const state = new FakeGitHubState();
state.addRepo(REPO);
state.tokens = new Set([TOKEN]);
const fake = await startFakeGitHub(state);
process.env.ACTIONS_RESULTS_URL = fake.resultsUrl;
const work = await mkdtemp(join(tmpdir(), 'ci-triage-bench-history-'));
const quiet = { debug: () => undefined, warn: () => undefined };

function storeFor(runId) {
  if (!state.runs.has(runId)) state.addRun({ repo: REPO, id: runId });
  const env = fake.runnerEnv(runId);
  return createArtifactHistoryStore({
    octokit: createGitHubClient({ token: TOKEN, baseUrl: fake.baseUrl, log: quiet }),
    owner: 'acme',
    repo: 'widgets',
    runId,
    attempt: 1,
    token: TOKEN,
    windowDays: 30,
    maxRecords: Math.max(5000, RECORDS),
    snapshots: 5,
    now: () => NOW,
    tmpDir: join(work, String(runId)),
    env,
    client: runnerClient(env.ACTIONS_RUNTIME_TOKEN),
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

try {
  const per = Math.ceil(RECORDS / WRITERS);
  let stored = 0;
  const writeMs = [];
  for (let w = 1; w <= WRITERS; w++) {
    const n = Math.min(per, RECORDS - stored);
    const t = performance.now();
    const res = await storeFor(100 + w).write(recordsOf(100 + w, n));
    writeMs.push(performance.now() - t);
    if (!res.written) fail(`writer ${w}: ${res.error}`);
    stored += n;
  }
  const newest = state.artifacts.filter((a) => a.finalized).sort((a, b) => b.id - a.id)[0];
  const json = readZipEntry(newest.bytes, 'history.json', 1 << 30);

  out(
    `bench-history: ${RECORDS} records stored by ${WRITERS} runs (${WRITERS} snapshots), read by a 6th run`,
  );
  out(`  newest snapshot: ${newest.size} bytes zipped (history.json ${json.length} bytes)`);
  out(`  write (read + merge + upload), median of ${WRITERS}: ${median(writeMs).toFixed(1)} ms`);
  for (const latency of [0, 50]) {
    state.latencyMs = latency;
    const runs = [];
    let last;
    for (let i = 0; i < READS; i++) {
      const before = fake.requests.length;
      const t = performance.now();
      last = await storeFor(200).read();
      const ms = performance.now() - t;
      const reqs = fake.requests.slice(before);
      runs.push({
        ms,
        api: reqs.filter((r) => r.path.startsWith('/repos/')).length,
        blobs: reqs.filter((r) => !r.path.startsWith('/repos/')).length,
      });
      if (last.error) fail(`read: ${last.error}`);
    }
    out(
      `  read, ${String(latency).padStart(2)} ms per request: ${last.records.length} records, ` +
        `${last.cost.calls} API calls (fake saw ${runs[0].api} + ${runs[0].blobs} blob GETs), ` +
        `${last.cost.snapshots} snapshots, ${median(runs.map((r) => r.ms)).toFixed(1)} ms median of ${READS} ` +
        `(${runs.map((r) => r.ms.toFixed(1)).join(', ')})`,
    );
  }
} finally {
  await fake.close();
  await rm(work, { recursive: true, force: true });
}
