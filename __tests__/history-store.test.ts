// The artifact-backed history store end to end: the real Octokit client and the real @actions/artifact
// (upload, delete) against the local fake of the REST API, the Actions results service and its blob storage.
//
// @actions/artifact reads ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL from process.env. On a runner every job
// is its own process with its own token; here several "jobs" (runs) share this process, so each store gets a
// client that puts its job's token in process.env for the synchronous start of each call (where the toolkit
// reads it: backend ids and bearer token are taken before the first await) and puts the old value back.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ArtifactClient, DefaultArtifactClient } from '@actions/artifact';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGitHubClient } from '../src/collect/github.js';
import {
  createArtifactHistoryStore,
  DEFAULT_HISTORY_ARTIFACT,
  readZipEntry,
  type ArtifactHistoryOptions,
} from '../src/history/store.js';
import { HISTORY_SCHEMA, type HistoryRecord, type HistorySnapshot, recordKey } from '../src/history/types.js';
import { type FakeGitHub, FakeGitHubState, startFakeGitHub } from './helpers/fake-github.js';

const REPO = 'acme/widgets';
const TOKEN = 'ghs_history_test_token';
const NOW = new Date('2024-06-01T12:00:00Z');
const DAY = 86_400_000;

const ENV_KEYS = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'GITHUB_SERVER_URL',
  'GITHUB_RETENTION_DAYS',
  'ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY',
] as const;
const savedEnv: Partial<Record<(typeof ENV_KEYS)[number], string>> = {};

let fake: FakeGitHub;
let tmp: string;

/** What @actions/core prints for the toolkit (workflow commands, progress), kept out of the test output. */
const TOOLKIT_CHATTER =
  /^(::[a-z-]+::|Root directory input is valid!|Artifact name is valid!|Uploading artifact|Uploaded bytes|Beginning upload|Finished uploading|SHA256 digest|Finalizing artifact|Artifact .*(finalized|deleted)|\s*$)/;

beforeAll(async () => {
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) =>
    TOOLKIT_CHATTER.test(String(chunk))
      ? true
      : (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest),
  );
  for (const k of ENV_KEYS) {
    if (process.env[k] !== undefined) savedEnv[k] = process.env[k];
    delete process.env[k];
  }
  process.env.GITHUB_SERVER_URL = 'https://github.com';
  tmp = await mkdtemp(join(tmpdir(), 'ci-triage-history-test-'));
});

afterAll(async () => {
  vi.restoreAllMocks();
  for (const k of ENV_KEYS) {
    const v = savedEnv[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await rm(tmp, { recursive: true, force: true });
});

beforeEach(async () => {
  const state = new FakeGitHubState();
  state.addRepo(REPO);
  state.tokens = new Set([TOKEN]);
  fake = await startFakeGitHub(state);
  process.env.ACTIONS_RESULTS_URL = fake.resultsUrl;
});

afterEach(async () => {
  delete process.env.ACTIONS_RESULTS_URL;
  await fake.close();
});

/** The real DefaultArtifactClient, with this job's runtime token in process.env while each call starts. */
function runnerClient(runtimeToken: string): ArtifactClient {
  const real = new DefaultArtifactClient();
  const as = <T>(call: () => Promise<T>): Promise<T> => {
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

const quiet = { debug: () => undefined, warn: () => undefined };

/** A store for a job of run `runId` (created in the fake when new), as the action builds it on a runner. */
function storeFor(
  runId: number,
  options: Partial<ArtifactHistoryOptions> & { attempt?: number; runner?: boolean } = {},
) {
  if (!fake.state.runs.has(runId)) fake.state.addRun({ repo: REPO, id: runId });
  const env: Record<string, string | undefined> = options.runner === false ? {} : fake.runnerEnv(runId);
  const debugLog: string[] = [];
  const store = createArtifactHistoryStore({
    octokit: createGitHubClient({ token: TOKEN, baseUrl: fake.baseUrl, log: quiet, serverErrorRetries: 0 }),
    owner: 'acme',
    repo: 'widgets',
    runId,
    attempt: options.attempt ?? 1,
    token: TOKEN,
    windowDays: 30,
    now: () => NOW,
    tmpDir: join(tmp, `run-${runId}-${options.attempt ?? 1}-${Math.random().toString(36).slice(2)}`),
    env,
    client: runnerClient(env.ACTIONS_RUNTIME_TOKEN ?? 'no-runtime-token'),
    debug: (m) => debugLog.push(m),
    ...options,
  });
  return { store, debugLog };
}

let nextJob = 1;
/** A record of a failed (or passed) job of `runId`, `ageDays` before NOW. */
function rec(runId: number, init: Partial<HistoryRecord> & { ageDays?: number } = {}): HistoryRecord {
  const { ageDays = 1, ...rest } = init;
  const jobId = nextJob++;
  const outcome = rest.outcome ?? 'failed';
  return {
    outcome,
    fingerprint: outcome === 'failed' ? `fp-${jobId % 7}` : '',
    repository: REPO,
    workflow: 'CI',
    workflowId: 161335,
    runId,
    attempt: 1,
    runNumber: runId % 997,
    runUrl: `https://github.com/${REPO}/actions/runs/${runId}`,
    sha: `${runId}`.padStart(40, '0'),
    branch: 'main',
    job: `test (${jobId % 4})`,
    jobId,
    ...(outcome === 'failed'
      ? {
          failureType: 'test_failure' as const,
          severity: 'high' as const,
          transient: false,
          keyLine: `FAIL src/module-${jobId % 20}/pricing.test.js`,
        }
      : {}),
    time: new Date(NOW.getTime() - ageDays * DAY).toISOString(),
    ...rest,
  };
}

const keys = (records: readonly HistoryRecord[]) => records.map(recordKey).sort();

/** REST calls the reads made (not blob downloads, not the results service). */
function apiCalls(): string[] {
  return fake.requests.filter((r) => r.path.startsWith('/repos/')).map((r) => `${r.method} ${r.path}`);
}

/** Results-service methods called, in order. */
function twirpCalls(): string[] {
  return fake.requests.filter((r) => r.path.startsWith('/twirp/')).map((r) => r.path.split('/').pop() ?? '');
}

/** The snapshot an artifact of the fake holds. */
function snapshotOf(runId: number): HistorySnapshot {
  const a = fake.state.artifactsOf(runId).find((x) => x.name === DEFAULT_HISTORY_ARTIFACT);
  if (!a) throw new Error(`run ${runId} has no history artifact`);
  const json = readZipEntry(a.bytes, 'history.json', 1 << 30);
  if (!json) throw new Error('no history.json in the zip');
  return JSON.parse(json.toString('utf8')) as HistorySnapshot;
}

describe('artifact history store', () => {
  it('writes a snapshot artifact into its run and reads it back', async () => {
    const records = [rec(101), rec(101, { outcome: 'passed' }), rec(101, { ageDays: 3 })];
    const w = await storeFor(101).store.write(records);
    expect(w).toMatchObject({ written: true, records: 3 });
    expect(w.error).toBeUndefined();

    const [artifact, ...more] = fake.state.artifactsOf(101);
    expect(more).toEqual([]);
    expect(artifact).toMatchObject({ name: 'ci-triage-history', runId: 101, finalized: true });
    expect(w.bytes).toBe(artifact?.size);
    expect(artifact?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    // Retention is the window (30 days), from today.
    const retention = (Date.parse(artifact?.expiresAt ?? '') - Date.now()) / DAY;
    expect(retention).toBeGreaterThan(29.9);
    expect(retention).toBeLessThan(30.1);
    const snap = snapshotOf(101);
    expect(snap).toMatchObject({ schema: HISTORY_SCHEMA, writtenBy: { runId: 101, attempt: 1 } });
    expect(snap.writtenAt).toBe(NOW.toISOString());
    // Newest last.
    expect(snap.records.map((r) => r.time)).toEqual([...snap.records.map((r) => r.time)].sort());

    const r = await storeFor(102).store.read();
    expect(r.error).toBeUndefined();
    expect(keys(r.records)).toEqual(keys(records));
    expect(r.records.find((x) => x.jobId === records[0]?.jobId)).toEqual(records[0]);
    expect(r.cost).toMatchObject({ calls: 2, snapshots: 1 });
    expect(r.cost.ms).toBeGreaterThanOrEqual(0);
  });

  it('reads nothing, without error, when no snapshot exists yet; the first write starts the history', async () => {
    const { store } = storeFor(150);
    const r = await store.read();
    expect(r).toMatchObject({ records: [], cost: { calls: 1, snapshots: 0 } });
    expect(r.error).toBeUndefined();
    const w = await store.write([rec(150)]);
    expect(w).toMatchObject({ written: true, records: 1 });
  });

  it('a second writer from another run merges the first snapshot into its own', async () => {
    const first = [rec(201), rec(201)];
    await storeFor(201).store.write(first);

    const second = storeFor(202).store;
    expect(keys((await second.read()).records)).toEqual(keys(first));
    const more = [rec(202), rec(202, { outcome: 'passed' })];
    expect(await second.write(more)).toMatchObject({ written: true, records: 4 });

    // Its snapshot alone is the whole history.
    expect(keys(snapshotOf(202).records)).toEqual(keys([...first, ...more]));
    const latestOnly = await storeFor(203, { snapshots: 1 }).store.read();
    expect(keys(latestOnly.records)).toEqual(keys([...first, ...more]));
  });

  it('write() reads first when read() was not called', async () => {
    const first = [rec(251)];
    await storeFor(251).store.write(first);
    const more = [rec(252)];
    expect(await storeFor(252).store.write(more)).toMatchObject({ written: true, records: 2 });
    expect(keys(snapshotOf(252).records)).toEqual(keys([...first, ...more]));
  });

  it('two concurrent writers from the same older snapshot: a third reader sees both', async () => {
    const base = [rec(301), rec(301)];
    await storeFor(301).store.write(base);

    const a = storeFor(302).store;
    const b = storeFor(303).store;
    // Both read the same older snapshot before either writes.
    const [ra, rb] = await Promise.all([a.read(), b.read()]);
    expect(keys(ra.records)).toEqual(keys(base));
    expect(keys(rb.records)).toEqual(keys(base));
    const fromA = [rec(302), rec(302)];
    const fromB = [rec(303)];
    const [wa, wb] = await Promise.all([a.write(fromA), b.write(fromB)]);
    expect(wa).toMatchObject({ written: true, records: 4 });
    expect(wb).toMatchObject({ written: true, records: 3 });
    // Neither snapshot holds the other's records…
    expect(keys(snapshotOf(302).records)).toEqual(keys([...base, ...fromA]));
    expect(keys(snapshotOf(303).records)).toEqual(keys([...base, ...fromB]));

    // …but the next reader merges the newest snapshots, and the next writer's snapshot holds everything.
    const c = storeFor(304).store;
    const rc = await c.read();
    expect(keys(rc.records)).toEqual(keys([...base, ...fromA, ...fromB]));
    expect(rc.cost).toMatchObject({ calls: 4, snapshots: 3 });
    await c.write([]);
    expect(keys(snapshotOf(304).records)).toEqual(keys([...base, ...fromA, ...fromB]));
  });

  it('drops records outside the window on write and ignores them on read', async () => {
    const old = rec(401, { ageDays: 45 });
    const recent = [rec(401, { ageDays: 29 }), rec(401, { ageDays: 2 })];
    expect(await storeFor(401).store.write([old, ...recent])).toMatchObject({ written: true, records: 2 });
    expect(keys(snapshotOf(401).records)).toEqual(keys(recent));

    // Ten days later, the 29-day-old record is out of the window: the reader ignores it although it is stored.
    const later = storeFor(402, { now: () => new Date(NOW.getTime() + 10 * DAY) }).store;
    const r = await later.read();
    expect(keys(r.records)).toEqual(keys([recent[1] as HistoryRecord]));
    // A reader with a longer window still sees it.
    const wide = await storeFor(403, { windowDays: 60 }).store.read();
    expect(keys(wide.records)).toEqual(keys(recent));
  });

  it('caps the history at maxRecords, dropping the oldest first', async () => {
    const records = Array.from({ length: 10 }, (_, i) => rec(501, { ageDays: 10 - i * 0.5 }));
    const w = await storeFor(501, { maxRecords: 4 }).store.write(records);
    expect(w).toMatchObject({ written: true, records: 4 });
    expect(keys(snapshotOf(501).records)).toEqual(keys(records.slice(6)));

    // A later writer's new records push out the oldest of what it read.
    const next = [rec(502, { ageDays: 0.1 })];
    await storeFor(502, { maxRecords: 4 }).store.write(next);
    expect(keys(snapshotOf(502).records)).toEqual(keys([...records.slice(7), ...next]));
  });

  it('attempt 2 replaces attempt 1 snapshot in the same run without losing records', async () => {
    const first = [rec(601), rec(601)];
    await storeFor(601).store.write(first);
    const firstId = fake.state.artifactsOf(601)[0]?.id;

    const second = [rec(601, { attempt: 2 })];
    fake.requests.length = 0;
    const w = await storeFor(601, { attempt: 2 }).store.write(second);
    // Read (its snapshot is among the newest), delete the name in this run, upload again: no 409 on the way.
    expect(twirpCalls()).toEqual(['ListArtifacts', 'DeleteArtifact', 'CreateArtifact', 'FinalizeArtifact']);
    expect(apiCalls()).not.toContain('GET /repos/acme/widgets/actions/runs/601/artifacts');
    expect(w).toMatchObject({ written: true, records: 3 });
    expect(w.error).toBeUndefined();
    const artifacts = fake.state.artifactsOf(601);
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]?.id).not.toBe(firstId);
    expect(snapshotOf(601).writtenBy).toEqual({ runId: 601, attempt: 2 });
    expect(keys((await storeFor(602).store.read()).records)).toEqual(keys([...first, ...second]));
  });

  it("attempt 2 folds in its run's snapshot even when the newest snapshots do not include it", async () => {
    const first = [rec(651)];
    await storeFor(651).store.write(first);
    // A run that did not see 651's snapshot (it read before 651 wrote) writes after it.
    const other = storeFor(652, { snapshots: 1 }).store;
    const hidden = fake.state.artifacts.splice(0, fake.state.artifacts.length);
    await other.read();
    fake.state.artifacts.push(...hidden);
    const fromOther = [rec(652)];
    await other.write(fromOther);

    // Attempt 2 of 651 reads only the newest snapshot (652's, without 651's records)…
    const retry = storeFor(651, { attempt: 2, snapshots: 1 }).store;
    expect(keys((await retry.read()).records)).toEqual(keys(fromOther));
    const second = [rec(651, { attempt: 2 })];
    const w = await retry.write(second);
    expect(w).toMatchObject({ written: true, records: 3 });
    // …yet the snapshot that replaces attempt 1's still holds attempt 1's records.
    expect(keys(snapshotOf(651).records)).toEqual(keys([...first, ...fromOther, ...second]));
    expect(apiCalls()).toContain('GET /repos/acme/widgets/actions/runs/651/artifacts');
  });

  it("attempt 2 does not replace its run's snapshot when it cannot read it", async () => {
    await storeFor(681).store.write([rec(681)]);
    const firstId = fake.state.artifactsOf(681)[0]?.id;
    fake.state.deniedPermissions.add('actions');
    const w = await storeFor(681, { attempt: 2 }).store.write([rec(681, { attempt: 2 })]);
    expect(w.written).toBe(false);
    expect(w.error).toMatch(/earlier ci-triage-history artifact could not be read, so it is not replaced/);
    expect(fake.state.artifactsOf(681).map((a) => a.id)).toEqual([firstId]);
  });

  it('a second job writing into the same run (409 from CreateArtifact) replaces the snapshot with a superset', async () => {
    const one = storeFor(701).store;
    const two = storeFor(701).store; // another job of the same run and attempt
    await Promise.all([one.read(), two.read()]);
    const fromOne = [rec(701)];
    const fromTwo = [rec(701)];
    expect(await one.write(fromOne)).toMatchObject({ written: true, records: 1 });
    fake.requests.length = 0;
    const w = await two.write(fromTwo);
    expect(twirpCalls()).toEqual([
      'CreateArtifact', // 409
      'ListArtifacts',
      'DeleteArtifact',
      'CreateArtifact',
      'FinalizeArtifact',
    ]);
    expect(w).toMatchObject({ written: true, records: 2 });
    expect(fake.state.artifactsOf(701)).toHaveLength(1);
    expect(keys(snapshotOf(701).records)).toEqual(keys([...fromOne, ...fromTwo]));
  });

  it('reads in 1 + min(snapshots, available) calls, whatever the number of records', async () => {
    const big = Array.from({ length: 1200 }, (_, i) => rec(801, { ageDays: 20 - i / 100 }));
    await storeFor(801).store.write(big);
    const extra: HistoryRecord[] = [];
    for (let run = 802; run <= 807; run++) {
      const mine = [rec(run, { ageDays: 0.5 }), rec(run, { ageDays: 0.5, outcome: 'passed' })];
      extra.push(...mine);
      await storeFor(run).store.write(mine);
    }
    expect(snapshotOf(807).records).toHaveLength(1212);

    fake.requests.length = 0;
    const r = await storeFor(808).store.read();
    expect(r.records).toHaveLength(1212);
    expect(keys(r.records)).toEqual(keys([...big, ...extra]));
    expect(r.cost).toMatchObject({ calls: 6, snapshots: 5 });
    const calls = apiCalls();
    expect(calls).toHaveLength(6);
    expect(calls.filter((c) => c === 'GET /repos/acme/widgets/actions/artifacts')).toHaveLength(1);
    expect(calls.filter((c) => /\/actions\/artifacts\/\d+\/zip$/.test(c))).toHaveLength(5);
    expect(
      fake.requests.find((q) => q.path === '/repos/acme/widgets/actions/artifacts')?.query,
    ).toMatchObject({
      name: 'ci-triage-history',
      per_page: '20',
    });
    // The blobs are fetched without the token.
    const blobs = fake.requests.filter((q) => q.path.startsWith('/productionresultssa0/'));
    expect(blobs).toHaveLength(5);
    expect(blobs.every((q) => q.authorization === undefined)).toBe(true);

    // Fewer snapshots than asked for: one call per snapshot there is.
    fake.requests.length = 0;
    const all = await storeFor(809, { snapshots: 10 }).store.read();
    expect(all.cost).toMatchObject({ calls: 8, snapshots: 7 });
    expect(apiCalls()).toHaveLength(8);
    expect(all.records).toHaveLength(1212);
  });

  it('skips expired snapshots', async () => {
    const a = [rec(901)];
    const b = [rec(902)];
    const c = [rec(903)];
    await storeFor(901, { snapshots: 1 }).store.write(a);
    await storeFor(902, { snapshots: 1 }).store.write(b);
    const lastStore = storeFor(903, { snapshots: 1 }).store;
    await lastStore.read();
    const hidden = fake.state.artifacts.splice(0, fake.state.artifacts.length);
    await lastStore.read(); // 903 starts from nothing
    fake.state.artifacts.push(...hidden);
    await lastStore.write(c);
    const newest = fake.state.artifactsOf(903)[0];
    if (!newest) throw new Error('no artifact');
    newest.expired = true;

    fake.requests.length = 0;
    const r = await storeFor(904).store.read();
    expect(r.error).toBeUndefined();
    expect(keys(r.records)).toEqual(keys([...a, ...b]));
    expect(r.cost).toMatchObject({ calls: 3, snapshots: 2 });
    expect(apiCalls().some((c) => c.includes(`/artifacts/${newest.id}/`))).toBe(false);

    // The API answers 410 for the expired one's zip, as GitHub does.
    const res = await fetch(`${fake.baseUrl}/repos/acme/widgets/actions/artifacts/${newest.id}/zip`, {
      headers: { authorization: `token ${TOKEN}` },
      redirect: 'manual',
    });
    expect(res.status).toBe(410);
    expect(await res.json()).toMatchObject({ message: 'Artifact has expired' });
  });

  it('never reads a snapshot uploaded by a run of a fork (a pull request from a fork runs in the repository too)', async () => {
    const mine = [rec(951)];
    await storeFor(951).store.write(mine);
    const own = fake.state.artifactsOf(951)[0]!;
    // A fork's run uploads a snapshot of the same name, newer, with records of its own.
    if (!fake.state.runs.has(952)) fake.state.addRun({ repo: REPO, id: 952 });
    const forged = fake.state.addArtifact({
      runId: 952,
      name: 'ci-triage-history',
      headRepositoryId: 999_999,
      files: {
        'history.json': JSON.stringify({
          schema: 'ci-triage/history@1',
          writtenAt: new Date().toISOString(),
          writtenBy: { runId: 952, attempt: 1 },
          records: [rec(952)],
        }),
      },
    });
    fake.requests.length = 0;
    const r = await storeFor(953).store.read();
    expect(keys(r.records)).toEqual(keys(mine));
    expect(apiCalls().some((c) => c.includes(`/artifacts/${forged.id}/`))).toBe(false);
    expect(apiCalls().some((c) => c.includes(`/artifacts/${own.id}/`))).toBe(true);
  });

  it('without the actions permission: empty, with an error naming "actions: read"', async () => {
    await storeFor(1001).store.write([rec(1001)]);
    fake.state.deniedPermissions.add('actions');
    const r = await storeFor(1002).store.read();
    expect(r.records).toEqual([]);
    expect(r.cost).toMatchObject({ calls: 1, snapshots: 0 });
    expect(r.error).toMatch(/"actions: read" permission/);
    expect(r.error).toMatch(/history/);
  });

  it('a repository the token cannot see (404): empty, with an error naming "actions: read"', async () => {
    const { store } = storeFor(1051, { repo: 'not-there' });
    const r = await store.read();
    expect(r.records).toEqual([]);
    expect(r.error).toMatch(/not found/);
    expect(r.error).toMatch(/"actions: read"/);
  });

  it('still writes when the history cannot be read, and says so', async () => {
    fake.state.deniedPermissions.add('actions');
    const { store } = storeFor(1061);
    const w = await store.write([rec(1061)]);
    expect(w).toMatchObject({ written: true, records: 1 });
    expect(w.error).toMatch(/without all the earlier history.*actions: read/s);
  });

  it('outside a runner (no runtime token): write is not possible, and says why, without a call', async () => {
    const { store } = storeFor(1101, { runner: false });
    fake.requests.length = 0;
    const w = await store.write([rec(1101)]);
    expect(w).toMatchObject({ written: false, records: 0, bytes: 0 });
    expect(w.error).toMatch(
      /^the artifact service is not available \(ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL not set/,
    );
    expect(fake.requests).toEqual([]);
  });

  it('an upload that fails is reported, not thrown', async () => {
    const { store } = storeFor(1151, { client: runnerClient('not-a-jwt') });
    const w = await store.write([rec(1151)]);
    expect(w.written).toBe(false);
    expect(w.records).toBe(1);
    expect(w.error).toMatch(/^the history snapshot could not be uploaded: /);
  });

  it('skips a snapshot that is not one (junk, another schema) and reads the others', async () => {
    const good = [rec(1201)];
    await storeFor(1201).store.write(good);
    // A run uploads something else under the same name.
    fake.state.addRun({ repo: REPO, id: 1202 });
    const dir = join(tmp, 'junk');
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'history.json'), JSON.stringify({ schema: 'something/else@9', records: [] }));
    await runnerClient(fake.state.runtimeToken(1202)).uploadArtifact(
      'ci-triage-history',
      [join(dir, 'history.json')],
      dir,
    );
    const r = await storeFor(1203).store.read();
    expect(keys(r.records)).toEqual(keys(good));
    expect(r.cost).toMatchObject({ calls: 3, snapshots: 1 });
    expect(r.error).toMatch(
      /snapshot \d+ \(run 1202\) not read: the snapshot's schema is "something\/else@9"/,
    );
  });

  it('reads a snapshot uploaded by other means (any zip holding history.json)', async () => {
    fake.state.addRun({ repo: REPO, id: 1251 });
    const seeded = [rec(1251), rec(1251, { outcome: 'passed' })];
    const snapshot: HistorySnapshot = {
      schema: HISTORY_SCHEMA,
      writtenAt: NOW.toISOString(),
      writtenBy: { runId: 1251, attempt: 1 },
      records: seeded,
    };
    fake.state.addArtifact({
      runId: 1251,
      name: 'ci-triage-history',
      files: { 'README.txt': 'not this one', 'history.json': JSON.stringify(snapshot) },
    });
    const r = await storeFor(1252).store.read();
    expect(r.error).toBeUndefined();
    expect(keys(r.records)).toEqual(keys(seeded));
  });

  it('drops records of the wrong shape from a snapshot and trims the ones it keeps', async () => {
    const ok = rec(1301, { keyLine: 'x'.repeat(500) });
    const junk = { ...rec(1301), runId: 'nope' } as unknown as HistoryRecord;
    await storeFor(1301).store.write([ok, junk]);
    const r = await storeFor(1302).store.read();
    expect(r.records).toHaveLength(1);
    expect(r.records[0]?.keyLine).toHaveLength(200);
  });
});

describe('the fake: artifacts REST routes and re-runs', () => {
  it('lists artifacts newest first with total_count and Link pagination, typed as the API sends them', async () => {
    for (const run of [1401, 1402, 1403]) await storeFor(run).store.write([rec(run)]);
    const res = await fetch(
      `${fake.baseUrl}/repos/acme/widgets/actions/artifacts?name=ci-triage-history&per_page=2`,
      { headers: { authorization: `token ${TOKEN}` } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('link')).toMatch(/rel="next"/);
    const body = (await res.json()) as {
      total_count: number;
      artifacts: { id: number; workflow_run: { id: number }; archive_download_url: string }[];
    };
    expect(body.total_count).toBe(3);
    expect(body.artifacts.map((a) => a.workflow_run.id)).toEqual([1403, 1402]);
    expect(body.artifacts[0]?.archive_download_url).toMatch(/\/actions\/artifacts\/\d+\/zip$/);

    const run = await fetch(`${fake.baseUrl}/repos/acme/widgets/actions/runs/1402/artifacts`, {
      headers: { authorization: `token ${TOKEN}` },
    });
    const runBody = (await run.json()) as { total_count: number; artifacts: { id: number }[] };
    expect(runBody.total_count).toBe(1);

    // The zip: a 302 to a short-lived signed blob URL serving application/zip.
    const id = runBody.artifacts[0]?.id ?? 0;
    const zip = await fetch(`${fake.baseUrl}/repos/acme/widgets/actions/artifacts/${id}/zip`, {
      headers: { authorization: `token ${TOKEN}` },
      redirect: 'manual',
    });
    expect(zip.status).toBe(302);
    const location = zip.headers.get('location') ?? '';
    expect(location).toMatch(/\/productionresultssa0\/actions-results\/.+\.zip\?.*sig=/);
    const blob = await fetch(location);
    expect(blob.status).toBe(200);
    expect(blob.headers.get('content-type')).toBe('application/zip');
    const bytes = Buffer.from(await blob.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    // Without the signature: 403 as Azure answers.
    const unsigned = await fetch(location.replace(/sig=[^&]+/, 'sig=forged'));
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get('x-ms-error-code')).toBe('AuthenticationFailed');

    // DELETE: 204, then gone.
    const del = await fetch(`${fake.baseUrl}/repos/acme/widgets/actions/artifacts/${id}`, {
      method: 'DELETE',
      headers: { authorization: `token ${TOKEN}` },
    });
    expect(del.status).toBe(204);
    expect(fake.state.artifactsOf(1402)).toEqual([]);
  });

  it('rerun-failed-jobs creates the next attempt with copies of the failed jobs; 403 without actions: write', async () => {
    const run = fake.state.addMatrixRun({ repo: REPO, id: 1501 }, { count: 4, failed: [1, 3] });
    const post = () =>
      fetch(`${fake.baseUrl}/repos/acme/widgets/actions/runs/1501/rerun-failed-jobs`, {
        method: 'POST',
        headers: { authorization: `token ${TOKEN}` },
      });
    fake.state.deniedWrites.add('actions');
    const refused = await post();
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ message: 'Resource not accessible by integration' });
    expect(run.attempt).toBe(1);

    fake.state.deniedWrites.clear();
    const ok = await post();
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual({});
    expect(run.attempt).toBe(2);
    expect(run.status).toBe('queued');
    const copies = run.jobs.filter((j) => j.attempt === 2);
    expect(copies.map((j) => j.name)).toEqual(['test (1)', 'test (3)']);
    expect(copies.every((j) => j.status === 'queued' && j.conclusion === null)).toBe(true);
    expect(fake.state.reruns).toHaveLength(1);
    expect(fake.state.reruns[0]).toMatchObject({ runId: 1501, attempt: 2, jobIds: copies.map((j) => j.id) });
    // Running now: a second request is refused.
    expect((await post()).status).toBe(403);
  });
});
