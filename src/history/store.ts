/**
 * The history kept in workflow artifacts. Every triage writes one **snapshot** — an artifact named
 * `ci-triage-history` in its own run, a zip holding `history.json` (a `HistorySnapshot`) — and a snapshot holds
 * every record still in the window, so the newest one is nearly the whole history.
 *
 * Reading costs 1 + `snapshots` API calls whatever the history's length: one list call
 * (`GET /repos/{o}/{r}/actions/artifacts?name=ci-triage-history&per_page={snapshots}`, newest first; expired ones
 * skipped), then one download per snapshot (`…/artifacts/{id}/zip`: a 302 to a signed blob URL, fetched without
 * the token, bounded in bytes and time, and unzipped in memory with a bounded inflate), merged by `recordKey`.
 * Two runs that wrote concurrently from the same older snapshot are thus both merged by the next reader:
 * nothing is lost as long as fewer than `snapshots` writers race.
 *
 * Writing merges what was read with the new records, dedupes, prunes (window, then `maxRecords` oldest first)
 * and uploads with `@actions/artifact` (retention: the window, 1–90 days). An artifact's name is unique within
 * a run across attempts, so on attempt > 1, or when CreateArtifact answers 409, this run's existing snapshot is
 * merged in (downloaded if the read did not include it), deleted, and the upload done again.
 *
 * Neither `read` nor `write` throws: a history that cannot be read is empty with `error` set (403/404 name the
 * `actions: read` permission), and a write outside a runner (no ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL)
 * says it could not be done.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { ArtifactClient } from '@actions/artifact';
import { describeHttpError, fetchOf, type GitHubClient, httpStatusOf } from '../collect/github.js';
import { FAILURE_TYPES, SEVERITIES } from '../types.js';
import {
  HISTORY_SCHEMA,
  type HistoryReadCost,
  type HistoryRecord,
  type HistorySnapshot,
  type HistoryStore,
  recordKey,
} from './types.js';

export const DEFAULT_HISTORY_ARTIFACT = 'ci-triage-history';
/** The file the snapshot zip holds. */
export const HISTORY_FILE = 'history.json';

export interface ArtifactHistoryOptions {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  /** The run this job belongs to (the artifact is uploaded into it) and its attempt. */
  runId: number;
  attempt: number;
  /**
   * The token of `octokit`, for callers that download with @actions/artifact's public API (`findBy`); this store
   * downloads through `octokit` itself (bounded), so it does not use it.
   */
  token: string;
  /** Artifact name, default 'ci-triage-history'. */
  name?: string;
  /** Records older than this are dropped on write (and ignored on read); also the artifact's retention (1–90). */
  windowDays: number;
  /** Size cap, default 5000 (oldest dropped first). */
  maxRecords?: number;
  /** How many newest snapshots read() merges, default 5 (1–100). */
  snapshots?: number;
  now: () => Date;
  /** Where to write the snapshot before uploading it (RUNNER_TEMP). */
  tmpDir: string;
  /** ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL presence decides if write is possible; process.env by default. */
  env?: Record<string, string | undefined>;
  /**
   * @actions/artifact client for writing (upload, delete); without one the store is read-only (the CLI), so the
   * toolkit is not bundled where nothing is written.
   */
  client?: ArtifactClient;
  debug?: (m: string) => void;
}

/** The most a snapshot zip may weigh (the listing's `size_in_bytes`, then the bytes received). */
export const MAX_SNAPSHOT_ZIP_BYTES = 32 * 1024 * 1024;
/** The most `history.json` may weigh once inflated. */
export const MAX_SNAPSHOT_JSON_BYTES = 128 * 1024 * 1024;
/** The longest a snapshot download may take. */
const DOWNLOAD_TIMEOUT_MS = 60_000;
const DAY_MS = 86_400_000;

type ListedArtifact = Awaited<
  ReturnType<GitHubClient['rest']['actions']['listArtifactsForRepo']>
>['data']['artifacts'][number];

interface ReadState {
  records: HistoryRecord[];
  /** The snapshots merged (newest first). */
  artifacts: ListedArtifact[];
  error?: string;
}

export function createArtifactHistoryStore(o: ArtifactHistoryOptions): HistoryStore {
  if (!Number.isFinite(o.windowDays) || o.windowDays <= 0) {
    throw new RangeError(`history windowDays must be a positive number of days, not ${o.windowDays}`);
  }
  const name = o.name ?? DEFAULT_HISTORY_ARTIFACT;
  const maxRecords = Math.max(1, Math.floor(o.maxRecords ?? 5000));
  const snapshots = Math.min(100, Math.max(1, Math.floor(o.snapshots ?? 5)));
  const env = o.env ?? process.env;
  const debug = o.debug ?? (() => undefined);
  const where = `${o.owner}/${o.repo}`;
  /** What the last read (or write) left: the base the next write starts from. */
  let last: Promise<ReadState> | undefined;

  const cutoff = (): number => o.now().getTime() - o.windowDays * DAY_MS;

  /** Downloads one snapshot: the API's 302, then the blob without the token, bounded; its valid records. */
  async function download(a: ListedArtifact): Promise<HistoryRecord[]> {
    const res = await o.octokit.rest.actions.downloadArtifact({
      owner: o.owner,
      repo: o.repo,
      artifact_id: a.id,
      archive_format: 'zip',
      request: { redirect: 'manual' },
    });
    let zip: Buffer;
    const location = (res.headers as Record<string, string | number | undefined>).location;
    if (typeof location === 'string' && location !== '') {
      zip = await fetchBounded(fetchOf(o.octokit), location, MAX_SNAPSHOT_ZIP_BYTES);
    } else if (res.data instanceof ArrayBuffer) {
      // A fetch that followed the redirect itself.
      zip = Buffer.from(res.data);
    } else {
      throw new Error(`the API answered ${res.status} without a download location`);
    }
    const json = readZipEntry(zip, HISTORY_FILE, MAX_SNAPSHOT_JSON_BYTES);
    if (!json) throw new Error(`the artifact holds no ${HISTORY_FILE}`);
    return parseSnapshot(json.toString('utf8'));
  }

  async function readNow(): Promise<{ state: ReadState; cost: HistoryReadCost }> {
    const started = performance.now();
    let calls = 0;
    let loaded = 0;
    const cost = (): HistoryReadCost => ({
      calls,
      snapshots: loaded,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
    let listed: ListedArtifact[];
    try {
      calls++;
      const res = await o.octokit.rest.actions.listArtifactsForRepo({
        owner: o.owner,
        repo: o.repo,
        name,
        // Room for snapshots that are not taken (a fork's, expired ones) in the same one call.
        per_page: Math.min(100, snapshots * 4),
      });
      listed = res.data.artifacts;
    } catch (e) {
      const error = listError(e, where);
      debug(`history: ${error}`);
      return { state: { records: [], artifacts: [], error }, cost: cost() };
    }
    // A pull request from a fork runs in this repository too and could upload an artifact of this name: only
    // snapshots written by runs of the repository's own code are read.
    const usable = listed
      .filter((a) => a.name === name && !a.expired && !fromFork(a))
      .sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? '') || b.id - a.id)
      .slice(0, snapshots);
    const problems: string[] = [];
    const results = await Promise.all(
      usable.map(async (a) => {
        if (a.size_in_bytes > MAX_SNAPSHOT_ZIP_BYTES) {
          problems.push(`snapshot ${a.id} skipped: ${a.size_in_bytes} bytes is over the limit`);
          return undefined;
        }
        calls++;
        try {
          const records = await download(a);
          loaded++;
          return { a, records };
        } catch (e) {
          problems.push(`snapshot ${a.id} (run ${a.workflow_run?.id ?? '?'}) not read: ${messageOf(e, a)}`);
          return undefined;
        }
      }),
    );
    const read = results.filter((r) => r !== undefined);
    // Oldest first, so that a newer snapshot's copy of a record wins.
    const merged = new Map<string, HistoryRecord>();
    for (const r of [...read].reverse()) for (const rec of r.records) merged.set(recordKey(rec), rec);
    const records = prune([...merged.values()], cutoff(), Infinity);
    const c = cost();
    debug(
      `history: ${records.length} records from ${c.snapshots} of ${usable.length} snapshots ` +
        `(${listed.length} listed) in ${c.calls} calls, ${c.ms} ms`,
    );
    const error =
      problems.length > 0 ? `some history snapshots could not be read: ${problems.join('; ')}` : undefined;
    if (error) debug(`history: ${error}`);
    return {
      state: { records, artifacts: read.map((r) => r.a), ...(error ? { error } : {}) },
      cost: c,
    };
  }

  /** This run's snapshot(s) (an earlier attempt's, or another job's), when the last read did not include it. */
  async function ownRecords(): Promise<HistoryRecord[]> {
    const res = await o.octokit.rest.actions.listWorkflowRunArtifacts({
      owner: o.owner,
      repo: o.repo,
      run_id: o.runId,
      name,
      per_page: 10,
    });
    const own = res.data.artifacts.filter((a) => a.name === name && !a.expired);
    const all: HistoryRecord[] = [];
    for (const a of own) all.push(...(await download(a)));
    return all;
  }

  function client_(): ArtifactClient {
    if (!o.client) throw new Error('the store is read-only: no artifact client was given');
    return o.client;
  }

  async function deleteOwn(): Promise<void> {
    try {
      await client_().deleteArtifact(name);
      debug(`history: deleted this run's earlier ${name} artifact (the new snapshot holds its records)`);
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
  }

  return {
    async read() {
      const p = readNow().catch((e: unknown) => {
        const error = `the history could not be read: ${messageOf(e)}`;
        return { state: { records: [], artifacts: [], error }, cost: { calls: 0, snapshots: 0, ms: 0 } };
      });
      last = p.then((r) => r.state);
      const { state, cost } = await p;
      return { records: [...state.records], cost, ...(state.error ? { error: state.error } : {}) };
    },

    async write(records) {
      if (!o.client)
        return { written: false, records: 0, bytes: 0, error: 'the store is read-only (no artifact client)' };
      const missing = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter((k) => !env[k]);
      if (missing.length > 0) {
        return {
          written: false,
          records: 0,
          bytes: 0,
          error:
            `the artifact service is not available (${missing.join(' and ')} not set: not running in a ` +
            'GitHub Actions job), so the history was not written',
        };
      }
      const dir = join(
        o.tmpDir,
        `ci-triage-history-upload-${o.runId}-${o.attempt}-${randomUUID().slice(0, 8)}`,
      );
      let kept: HistoryRecord[] = [];
      try {
        last ??= readNow().then((r) => r.state);
        const base = await last;
        const notes: string[] = [];
        if (base.error) notes.push(`written without all the earlier history (${base.error})`);
        const merged = new Map<string, HistoryRecord>();
        const add = (list: readonly HistoryRecord[], override: boolean): void => {
          for (const r of list) {
            const key = recordKey(r);
            if (override || !merged.has(key)) merged.set(key, r);
          }
        };
        add(base.records, true);
        add(
          records.map(validRecord).filter((r) => r !== undefined),
          true,
        );
        // A snapshot of this run is replaced only once its records are in the new one.
        const mergeOwn = async (): Promise<void> => {
          try {
            add(await ownRecords(), false);
          } catch (e) {
            throw new Error(
              `this run's earlier ${name} artifact could not be read, so it is not replaced: ${messageOf(e)}`,
              { cause: e },
            );
          }
        };

        const file = join(dir, HISTORY_FILE);
        await mkdir(dir, { recursive: true });
        const build = async (): Promise<number> => {
          kept = prune([...merged.values()], cutoff(), maxRecords);
          const snapshot: HistorySnapshot = {
            schema: HISTORY_SCHEMA,
            writtenAt: o.now().toISOString(),
            writtenBy: { runId: o.runId, attempt: o.attempt },
            records: kept,
          };
          const json = JSON.stringify(snapshot);
          await writeFile(file, json, 'utf8');
          return Buffer.byteLength(json);
        };
        const retentionDays = Math.min(90, Math.max(1, Math.ceil(o.windowDays)));
        const upload = () => client_().uploadArtifact(name, [file], dir, { retentionDays });

        if (o.attempt > 1) {
          // The name is taken in this run by an earlier attempt's snapshot: fold it in, then replace it.
          if (!base.artifacts.some((a) => a.workflow_run?.id === o.runId)) await mergeOwn();
          await deleteOwn();
        }
        let jsonBytes = await build();
        let res;
        try {
          res = await upload();
        } catch (e) {
          if (!isConflict(e)) throw e;
          // Another job of this run wrote one since: fold it in, replace it, once.
          debug(`history: ${name} already exists in run ${o.runId}; replacing it with a superset`);
          await mergeOwn();
          await deleteOwn();
          jsonBytes = await build();
          res = await upload();
        }
        last = Promise.resolve({ records: kept, artifacts: base.artifacts });
        debug(
          `history: wrote ${kept.length} records (${jsonBytes} bytes of JSON, ${res.size ?? '?'} zipped) ` +
            `as artifact ${res.id ?? '?'}`,
        );
        return {
          written: true,
          records: kept.length,
          bytes: res.size ?? jsonBytes,
          ...(notes.length > 0 ? { error: notes.join('; ') } : {}),
        };
      } catch (e) {
        const error = `the history snapshot could not be uploaded: ${messageOf(e)}`;
        debug(`history: ${error}`);
        return { written: false, records: kept.length, bytes: 0, error };
      } finally {
        await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      }
    },
  };
}

/** Records in the window (invalid times dropped), oldest first, the newest `max` kept. */
function prune(records: HistoryRecord[], cutoff: number, max: number): HistoryRecord[] {
  const timed = records
    .map((r) => ({ r, t: Date.parse(r.time), k: recordKey(r) }))
    .filter((x) => Number.isFinite(x.t) && x.t >= cutoff)
    .sort((a, b) => a.t - b.t || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  const kept = timed.length > max ? timed.slice(timed.length - max) : timed;
  return kept.map((x) => x.r);
}

/** Parses `history.json`; only records of a valid shape come back. */
export function parseSnapshot(text: string): HistoryRecord[] {
  const data = JSON.parse(text) as unknown;
  if (typeof data !== 'object' || data === null) throw new Error('the snapshot is not a JSON object');
  const snap = data as Partial<Record<keyof HistorySnapshot, unknown>>;
  if (snap.schema !== HISTORY_SCHEMA) {
    throw new Error(`the snapshot's schema is ${JSON.stringify(snap.schema)}, not ${HISTORY_SCHEMA}`);
  }
  if (!Array.isArray(snap.records)) throw new Error('the snapshot has no records array');
  const out: HistoryRecord[] = [];
  for (const r of snap.records as unknown[]) {
    const v = validRecord(r);
    if (v) out.push(v);
  }
  return out;
}

const FAILURE_TYPE_SET = new Set<string>(FAILURE_TYPES);
const SEVERITY_SET = new Set<string>(SEVERITIES);

/** The record when its required fields have the right types (optional ones of a wrong type are dropped). */
function validRecord(x: unknown): HistoryRecord | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const r = x as Record<string, unknown>;
  const str = (k: string) => typeof r[k] === 'string';
  const int = (k: string) => typeof r[k] === 'number' && Number.isSafeInteger(r[k]);
  if (
    (r.outcome !== 'failed' && r.outcome !== 'passed') ||
    !str('fingerprint') ||
    !str('repository') ||
    !str('workflow') ||
    !int('workflowId') ||
    !int('runId') ||
    !int('attempt') ||
    !str('runUrl') ||
    !str('sha') ||
    !str('job') ||
    !int('jobId') ||
    !str('time')
  ) {
    return undefined;
  }
  const out = { ...r } as Record<string, unknown>;
  const drop = (k: string, ok: boolean) => {
    if (out[k] !== undefined && !ok) delete out[k];
  };
  drop('runNumber', int('runNumber'));
  drop('branch', str('branch'));
  drop('pr', int('pr'));
  drop('failureType', typeof r.failureType === 'string' && FAILURE_TYPE_SET.has(r.failureType));
  drop('severity', typeof r.severity === 'string' && SEVERITY_SET.has(r.severity));
  drop('transient', typeof r.transient === 'boolean');
  drop('generic', typeof r.generic === 'boolean');
  if (typeof out.keyLine === 'string') out.keyLine = out.keyLine.slice(0, 200);
  else drop('keyLine', false);
  if (Array.isArray(out.changedFiles)) {
    out.changedFiles = (out.changedFiles as unknown[]).filter((f) => typeof f === 'string').slice(0, 50);
  } else drop('changedFiles', false);
  return out as unknown as HistoryRecord;
}

/** GETs `url` (a signed blob URL: no token), refusing more than `max` bytes and giving up after a while. */
async function fetchBounded(fetchImpl: typeof globalThis.fetch, url: string, max: number): Promise<Buffer> {
  const res = await fetchImpl(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new Error(`blob storage answered ${res.status} ${res.statusText}`.trim());
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw new Error(`the snapshot is ${declared} bytes, over the ${max}-byte limit`);
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`the snapshot is over the ${max}-byte limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * One entry of a zip (stored or deflated), found through the central directory; inflating stops past
 * `maxBytes`. Zip64 archives (over 4 GiB) are refused: no snapshot comes near.
 */
export function readZipEntry(zip: Buffer, entry: string, maxBytes: number): Buffer | undefined {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  if (p === 0xffffffff || count === 0xffff) throw new Error('zip64 archives are not supported');
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt zip directory');
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const fileName = zip.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    if (fileName !== entry) continue;
    if (compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff)
      throw new Error('zip64 entries are not supported');
    if (size > maxBytes) throw new Error(`${entry} is ${size} bytes, over the ${maxBytes}-byte limit`);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50)
      throw new Error('corrupt zip entry');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + compressed > zip.length) throw new Error('truncated zip entry');
    const data = zip.subarray(start, start + compressed);
    let out: Buffer;
    if (method === 0) out = Buffer.from(data);
    else if (method === 8) out = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
    else throw new Error(`unsupported zip compression method ${method}`);
    if (out.length !== size) throw new Error(`${entry}: ${out.length} bytes inflated, ${size} expected`);
    return out;
  }
  return undefined;
}

function listError(e: unknown, where: string): string {
  const what = `the ci-triage history (workflow artifacts of ${where})`;
  const message = describeHttpError(e, what);
  if (httpStatusOf(e) === 404) {
    return `${message}: reading the history needs the "actions: read" permission`;
  }
  return message;
}

function messageOf(e: unknown, a?: ListedArtifact): string {
  if (a && httpStatusOf(e) !== undefined) return describeHttpError(e, `artifact ${a.id}`);
  return e instanceof Error ? e.message : String(e);
}

function isNotFound(e: unknown): boolean {
  return (
    (e instanceof Error && e.name === 'ArtifactNotFoundError') ||
    /not found/i.test(e instanceof Error ? e.message : String(e))
  );
}

/** CreateArtifact's 409: the name is taken in this run. */
function isConflict(e: unknown): boolean {
  return /\(409\)|already exists|conflict/i.test(e instanceof Error ? e.message : String(e));
}

/** An artifact uploaded by a run of a fork's code (a pull request from a fork). */
function fromFork(a: ListedArtifact): boolean {
  const w = a.workflow_run;
  return w?.head_repository_id != null && w.repository_id != null && w.head_repository_id !== w.repository_id;
}
