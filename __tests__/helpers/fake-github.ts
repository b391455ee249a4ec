/**
 * A local fake of the GitHub REST API, for what ci-triage calls, answering as the real one does: JSON shapes
 * typed with @octokit/openapi-types (the compiler checks them), pagination with `Link` headers
 * (`/repositories/{id}/…` URLs, rel="prev"/"next"/"last"/"first", per_page ≤ 100) and `total_count`, the job-log
 * 302 redirect to a short-lived blob URL (served here under `/_blobs/`), 404 `{"message":"Not Found",…}` bodies,
 * and switches for what goes wrong: a log not ready (404 the first N times), a secondary (or primary) rate
 * limit on the first requests to a path, 403 "Resource not accessible by integration" for a permission,
 * 401 for an unknown token, and added latency per request. Bad days (`faults`, `logFaults`): a 429 or 403 with
 * `retry-after` and a JSON, empty, HTML or cut-off body, a 5xx (JSON or GitHub's HTML page) a number of times or
 * for good, an answer whose body is cut off before its `content-length`; a log download cut off or stalling
 * mid-body. The log blob store honours `Range: bytes=N-` (206 with `content-range`) as Azure blob storage does,
 * unless `blobIgnoresRange` is set.
 * Per request (`fault`): a write carried out and then
 * answered 502/503 or with the connection dropped (a ghost write), or answered so without being carried out;
 * `barrier`: requests held until N of them have arrived (two runs that decide before either writes); a fork's
 * token (`readOnly`) that refuses every write with GitHub's 403 body; comments and issues by anyone (`user`).
 *
 * Identity: GET /user answers 403 "Resource not accessible by integration" for an installation token (`ghs_…`,
 * the job token, as GitHub does), else the login in `tokenLogins` (default `writer`).
 *
 * Endpoints: GET /repos/{o}/{r}; …/actions/runs/{id}; …/actions/runs/{id}/attempts/{n}/jobs;
 * …/actions/runs/{id}/jobs?filter=latest|all; …/actions/jobs/{id}/logs; …/actions/workflows/{id|file}/runs;
 * …/commits/{sha}/pulls; …/commits/{sha}; …/pulls/{n}; …/pulls/{n}/files; …/contents/{path}?ref= (files only, as
 * `content-file` with the text base64 in lines of 60, as GitHub sends it; 404 for anything not stored);
 * …/actions/artifacts?name=; …/actions/runs/{id}/artifacts; …/actions/artifacts/{id}; …/actions/artifacts/{id}/zip
 * (302 to a short-lived signed blob URL; 410 once expired); DELETE …/actions/artifacts/{id};
 * POST …/actions/runs/{id}/rerun-failed-jobs; GET /user; GET|POST …/issues; PATCH …/issues/{n} (state,
 * state_reason, duplicate_issue_id); GET|POST …/issues/{n}/comments; PATCH|DELETE …/issues/comments/{id}.
 *
 * The same server is also the Actions results service and its blob storage, for `@actions/artifact`:
 * `ACTIONS_RESULTS_URL` = `resultsUrl` and `ACTIONS_RUNTIME_TOKEN` = `state.runtimeToken(runId)` (an unsigned JWT whose
 * `scp` claim names the run's backend ids; `runnerEnv(runId)` gives both). Twirp JSON calls
 * `POST /twirp/github.actions.results.api.v1.ArtifactService/{CreateArtifact,FinalizeArtifact,ListArtifacts,
 * GetSignedArtifactURL,DeleteArtifact}` answer as the service does (snake_case fields, int64 as strings, errors as
 * `{"code","msg"}` with 401/403/404/409), and the signed upload URL is path-style like Azurite
 * (`/{account}/{container}/{blob}?sv=…&sig=…`), taking Put Block (`?comp=block&blockid=`), Put Block List
 * (`?comp=blocklist`, the XML list) and Put Blob, and serving Get Blob, with Azure's headers and XML errors.
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateRawSync } from 'node:zlib';
import type { components } from '@octokit/openapi-types';

type S = components['schemas'];
type Permission = 'actions' | 'contents' | 'pull-requests' | 'issues';

export interface FakeRepo {
  id: number;
  owner: string;
  name: string;
  defaultBranch: string;
  private: boolean;
}

export interface FakeStep {
  number: number;
  name: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
}

/** A log: its text, or `{ bytes, line }` generated on the fly (`line` repeated up to `bytes`). */
export type FakeLog = string | { bytes: number; line?: string };

export interface FakeJob {
  id: number;
  runId: number;
  attempt: number;
  name: string;
  status: S['job']['status'];
  conclusion: S['job']['conclusion'];
  steps: FakeStep[];
  runnerName: string | null;
  startedAt: string;
  completedAt: string | null;
  log?: FakeLog;
}

export interface FakeRun {
  id: number;
  repo: string;
  workflowId: number;
  workflowName: string;
  path: string;
  event: string;
  headBranch: string | null;
  headSha: string;
  status: string;
  conclusion: string | null;
  /** The latest attempt. */
  attempt: number;
  runNumber: number;
  /** Pull requests the run lists (numbers in the same repository). */
  pullRequests: number[];
  headCommit: { message: string; author: string; email?: string } | null;
  actor: string;
  createdAt: string;
  jobs: FakeJob[];
}

export interface FakePull {
  number: number;
  repo: string;
  title: string;
  state: 'open' | 'closed';
  user: string;
  headRef: string;
  headSha: string;
  /** The head repository's full name; a fork when it differs from `repo`; null when the fork was deleted. */
  headRepo: string | null;
  baseRef: string;
  files: string[];
  /** Commits this pull request is associated with (for commits/{sha}/pulls); headSha always is. */
  commits: string[];
}

export interface FakeCommit {
  repo: string;
  sha: string;
  message: string;
  authorName: string;
  authorLogin: string | null;
  /** The git author email (default author@example.com). */
  authorEmail?: string;
  /** Signed, and the signature verified by GitHub (`commit.verification.verified`). */
  verified?: boolean;
  files: string[];
}

export interface FakeIssue {
  repo: string;
  number: number;
  id: number;
  title: string;
  body: string;
  labels: string[];
  state: 'open' | 'closed';
  /** Why it was closed (`completed`, `not_planned`, `duplicate`), as PATCH set it. */
  stateReason?: string | null;
  /** The issue id given as `duplicate_issue_id` when closed as a duplicate. */
  duplicateOf?: number;
  user: string;
  createdAt: string;
}

/** A fault injected into the answer of one request (see `FakeGitHubState.fault`). */
export interface FakeGitHubFault {
  method: string;
  /** Matched against the resolved path (no query). */
  path: RegExp;
  /**
   * `ghost`: the request is carried out, and then answered `status` (default 502) — or, with `drop`, the
   * connection is closed without an answer; `fail`: answered so without being carried out.
   */
  kind: 'ghost' | 'fail';
  status?: number;
  drop?: boolean;
  /** How many matching requests it takes (default 1). */
  times?: number;
}

/** Matching requests are held until `parties` of them have arrived (or `timeoutMs` passed), then go on. */
export interface FakeBarrier {
  method: string;
  path: RegExp;
  parties: number;
  timeoutMs?: number;
}

export interface FakeComment {
  repo: string;
  /** The issue or pull request number. */
  issueNumber: number;
  id: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

/** A workflow artifact (v4: uploaded through the results service). */
export interface FakeArtifact {
  id: number;
  name: string;
  /** The run it was uploaded into (artifact names are unique within a run, across attempts). */
  runId: number;
  /** The zip's size in bytes. */
  size: number;
  /** The zip (empty until finalized). */
  bytes: Buffer;
  createdAt: string;
  expiresAt: string;
  /** Set to expire it now; it also is once `expiresAt` has passed. */
  expired: boolean;
  /** `sha256:…` as FinalizeArtifact reported it, or null. */
  digest: string | null;
  /** Listed (REST and ListArtifacts) and downloadable only once FinalizeArtifact was called. */
  finalized: boolean;
  workflowJobRunBackendId: string;
  /** Where its zip lives in the fake blob storage: `/{account}/{container}/{blob}`. */
  blobPath: string;
  /** The head repository of the run that uploaded it, when it is not the repository itself (a fork's pull request). */
  headRepositoryId?: number;
}

/** A POST …/rerun-failed-jobs the fake took. */
export interface FakeRerun {
  runId: number;
  /** The attempt it created. */
  attempt: number;
  /** The new jobs (copies of the latest attempt's failed ones). */
  jobIds: number[];
  at: string;
}

/** What a runtime token minted by `runtimeToken` stands for. */
export interface FakeRuntimeToken {
  runId: number;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
}

/** A blob of the fake storage: blocks staged (Put Block) and what Put Block List / Put Blob committed. */
export interface FakeBlob {
  blocks: Map<string, Buffer>;
  committed: Buffer | undefined;
  contentType: string;
  etag: string;
  lastModified: string;
}

export interface RecordedRequest {
  method: string;
  /** Path and query as requested. */
  url: string;
  /** The path, with `/repositories/{id}` resolved to `/repos/{owner}/{repo}`. */
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  /** When it arrived, in ms since the epoch with sub-ms precision (`performance.timeOrigin + performance.now()`). */
  at: number;
  /** The JSON body of a POST, PATCH or PUT. */
  body?: unknown;
  /** The `Range` header, when one was sent. */
  range?: string;
}

/** A bad answer to a path, instead of the real one. */
export interface FakeFault {
  /** How many requests it answers (Infinity: every one). */
  times: number;
  /** The status answered instead (429, 403, 500, 502, …); absent: the real answer with its body cut off. */
  status?: number;
  /** `retry-after`, in seconds (a rate limit). */
  retryAfter?: number;
  /** `x-ratelimit-remaining: 0` with a reset this many seconds ahead (a primary rate limit). */
  resetIn?: number;
  /**
   * The body: GitHub's JSON (the default), none at all, an HTML page (a proxy's, or GitHub's 5xx page), or the
   * JSON cut off half-way with the connection closed before `content-length` is reached.
   */
  body?: 'json' | 'empty' | 'html' | 'cut';
}

/** What goes wrong with one download of a log from the blob store. */
export interface FakeLogFault {
  /**
   * `cut`: the connection closes before `content-length` is reached; `stall`: no more bytes, the connection kept
   * open; `busy`: the store answers 503 ServerBusy (Azure's XML error) instead of the log.
   */
  kind: 'cut' | 'stall' | 'busy';
  /** Bytes of the body sent first (default: half of what this download would send). */
  afterBytes?: number;
}

export class FakeGitHubState {
  repos = new Map<string, FakeRepo>();
  runs = new Map<number, FakeRun>();
  pulls: FakePull[] = [];
  commits: FakeCommit[] = [];
  /** File texts by `owner/repo@ref:path` (repository lower-cased), for the contents API; see `addFile`. */
  files = new Map<string, string>();
  /** Added to every answer, in ms (for benchmarks). */
  latencyMs = 0;
  /** Job id → how many more times its log answers 404 (Infinity: never ready). */
  logNotReady = new Map<number, number>();
  /** Path (no query) → rate-limit answers still to give before answering normally. */
  rateLimitFirst = new Map<string, { times: number; kind: 'secondary' | 'primary'; retryAfter?: number }>();
  /**
   * Path (no query; or `path?page=N` for one page of a list) → answers given instead of the real one, consumed
   * first to last (see FakeFault).
   */
  faults = new Map<string, FakeFault[]>();
  /** Job id → what goes wrong with its next log downloads from the blob store, one entry per download. */
  logFaults = new Map<number, FakeLogFault[]>();
  /** The blob store ignores `Range` and sends the whole log again (a store that cannot resume). */
  blobIgnoresRange = false;
  /** Endpoints needing these permissions answer 403 "Resource not accessible by integration". */
  deniedPermissions = new Set<Permission>();
  /** When set, any other token gets 401 Bad credentials. */
  tokens: Set<string> | undefined;
  /**
   * A read-only token (a fork's pull request): every request that is not GET or HEAD answers 403
   * "Resource not accessible by integration", as writes to pull requests, issues and checks do then.
   */
  readOnly = false;
  /** Issues (not pull requests) of every repository. */
  issues: FakeIssue[] = [];
  /** Comments on issues and pull requests. */
  comments: FakeComment[] = [];
  /** The login that writes as the token (`github-actions[bot]` for the job token). */
  writer = 'github-actions[bot]';
  /** Writes answer this status (with GitHub's body) while set, e.g. 502 to take the API down for writes. */
  failWrites: number | undefined;
  /**
   * Writes (not GET/HEAD) to endpoints needing these permissions answer 403 "Resource not accessible by
   * integration" while reads work: the token has `read` but not `write`.
   */
  deniedWrites = new Set<Permission>();
  /** Workflow artifacts of every repository (their repository is their run's). */
  artifacts: FakeArtifact[] = [];
  /** Faults per request (`fault()`), the first matching one taken. */
  requestFaults: FakeGitHubFault[] = [];
  /** Barriers per request. */
  barriers: Array<FakeBarrier & { waiting: Array<() => void> }> = [];
  /** GET /user: the login a (non-installation) token acts as; `writer` when absent. */
  tokenLogins = new Map<string, string>();
  /** Re-runs requested through POST …/rerun-failed-jobs, oldest first. */
  reruns: FakeRerun[] = [];
  /** Results-service workflow run backend id → run id (filled by `runBackendId` / `runtimeToken`). */
  backendRuns = new Map<string, number>();
  /** Runtime tokens minted by `runtimeToken`; the results service accepts only these. */
  runtimeTokens = new Map<string, FakeRuntimeToken>();
  /** The blob storage behind signed upload URLs, by path (`/{account}/{container}/{blob}`). */
  storage = new Map<string, FakeBlob>();
  private nextId = 1000;

  id(): number {
    return ++this.nextId;
  }

  /** Injects a fault into the next matching request(s). */
  fault(f: FakeGitHubFault): void {
    this.requestFaults.push({ times: 1, ...f });
  }

  /** Holds matching requests until `parties` have arrived. */
  barrier(b: FakeBarrier): void {
    this.barriers.push({ ...b, waiting: [] });
  }

  addRepo(fullName: string, init: Partial<Omit<FakeRepo, 'owner' | 'name'>> = {}): FakeRepo {
    const [owner = '', name = ''] = fullName.split('/');
    const repo: FakeRepo = { id: this.id(), owner, name, defaultBranch: 'main', private: false, ...init };
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  repo(fullName: string): FakeRepo | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  addRun(init: Partial<FakeRun> & { repo: string }): FakeRun {
    if (!this.repo(init.repo)) this.addRepo(init.repo);
    const id = init.id ?? this.id();
    const run: FakeRun = {
      id,
      workflowId: 161335,
      workflowName: 'CI',
      path: '.github/workflows/ci.yml',
      event: 'push',
      headBranch: 'main',
      headSha: sha(`run-${id}`),
      status: 'completed',
      conclusion: 'failure',
      attempt: 1,
      runNumber: id % 997,
      pullRequests: [],
      headCommit: { message: 'Fix the thing', author: 'Mona Lisa' },
      actor: 'octocat',
      createdAt: new Date(Date.UTC(2024, 0, 1) + id * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      jobs: [],
      ...init,
    };
    this.runs.set(id, run);
    return run;
  }

  addJob(run: FakeRun, init: Partial<FakeJob> & { name: string }): FakeJob {
    const conclusion = init.conclusion === undefined ? 'success' : init.conclusion;
    const status = init.status ?? 'completed';
    const job: FakeJob = {
      id: this.id(),
      runId: run.id,
      attempt: run.attempt,
      status,
      conclusion,
      steps: defaultSteps(status, conclusion),
      runnerName: `GitHub Actions ${this.nextId}`,
      startedAt: run.createdAt,
      completedAt: status === 'completed' ? run.createdAt : null,
      log: `2024-01-01T00:00:00.0000000Z ##[group]Run ${init.name}\n2024-01-01T00:00:01.0000000Z ok\n`,
      ...init,
    };
    run.jobs.push(job);
    return job;
  }

  addPull(init: Partial<FakePull> & { repo: string; number: number }): FakePull {
    const pull: FakePull = {
      title: `Pull request ${init.number}`,
      state: 'open',
      user: 'contributor',
      headRef: `feature-${init.number}`,
      headSha: sha(`pull-${init.number}`),
      headRepo: init.repo,
      baseRef: this.repo(init.repo)?.defaultBranch ?? 'main',
      files: [],
      commits: [],
      ...init,
    };
    this.pulls.push(pull);
    return pull;
  }

  addCommit(init: Partial<FakeCommit> & { repo: string; sha: string }): FakeCommit {
    const commit: FakeCommit = {
      message: 'A commit',
      authorName: 'Mona Lisa',
      authorLogin: 'octocat',
      files: [],
      ...init,
    };
    this.commits.push(commit);
    return commit;
  }

  /** The next issue or pull request number of a repository (they share one sequence, as on GitHub). */
  nextNumber(repo: string): number {
    const used = [
      ...this.pulls.filter((p) => sameRepo(p.repo, repo)).map((p) => p.number),
      ...this.issues.filter((i) => sameRepo(i.repo, repo)).map((i) => i.number),
    ];
    return Math.max(0, ...used) + 1;
  }

  addIssue(init: Partial<FakeIssue> & { repo: string; title: string }): FakeIssue {
    const issue: FakeIssue = {
      number: this.nextNumber(init.repo),
      id: this.id(),
      body: '',
      labels: [],
      state: 'open',
      user: this.writer,
      createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ...init,
    };
    this.issues.push(issue);
    return issue;
  }

  addComment(init: Partial<FakeComment> & { repo: string; issueNumber: number; body: string }): FakeComment {
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const c: FakeComment = { id: this.id(), user: this.writer, createdAt: now, updatedAt: now, ...init };
    this.comments.push(c);
    return c;
  }

  commentsOn(repo: string, issueNumber: number): FakeComment[] {
    return this.comments.filter((c) => sameRepo(c.repo, repo) && c.issueNumber === issueNumber);
  }

  /** A file of `repo` as it is at `ref` (a sha or a branch name), served by the contents API. */
  addFile(repo: string, ref: string, path: string, text: string): void {
    this.files.set(fileKey(repo, ref, path), text);
  }

  file(repo: string, ref: string, path: string): string | undefined {
    return this.files.get(fileKey(repo, ref, path));
  }

  /** A run with `count` jobs named `${name} (i)`; the indices listed get those conclusions. */
  addMatrixRun(
    init: Partial<FakeRun> & { repo: string },
    matrix: {
      count: number;
      name?: string;
      failed?: number[];
      cancelled?: number[];
      timedOut?: number[];
      running?: number[];
      log?: (index: number, conclusion: string | null) => FakeLog;
    },
  ): FakeRun {
    const run = this.addRun(init);
    const name = matrix.name ?? 'test';
    for (let i = 0; i < matrix.count; i++) {
      const running = matrix.running?.includes(i) ?? false;
      const conclusion: S['job']['conclusion'] = running
        ? null
        : matrix.failed?.includes(i)
          ? 'failure'
          : matrix.cancelled?.includes(i)
            ? 'cancelled'
            : matrix.timedOut?.includes(i)
              ? 'timed_out'
              : 'success';
      this.addJob(run, {
        name: `${name} (${i})`,
        status: running ? 'in_progress' : 'completed',
        conclusion,
        ...(matrix.log ? { log: matrix.log(i, conclusion) } : {}),
      });
    }
    return run;
  }

  /** The results service's backend id (a UUID) of a run: stable per run. */
  runBackendId(runId: number): string {
    const id = uuidOf(`run-backend-${runId}`);
    this.backendRuns.set(id, runId);
    return id;
  }

  /**
   * An `ACTIONS_RUNTIME_TOKEN` for a job of run `runId`: a JWT (unsigned: `alg: none`) whose `scp` claim holds
   * `Actions.Results:{workflowRunBackendId}:{workflowJobRunBackendId}`, as @actions/artifact reads it. Each call
   * is a new job of the run.
   */
  runtimeToken(runId: number): string {
    if (!this.runs.has(runId)) throw new Error(`runtimeToken: no run ${runId} in the fake (addRun first)`);
    const workflowRunBackendId = this.runBackendId(runId);
    const workflowJobRunBackendId = uuidOf(`job-backend-${runId}-${this.id()}`);
    const now = Math.floor(Date.now() / 1000);
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = [
      part({ typ: 'JWT', alg: 'none' }),
      part({
        nameid: 'dddddddd-dddd-dddd-dddd-dddddddddddd',
        scp: `Actions.ExampleScope Actions.Results:${workflowRunBackendId}:${workflowJobRunBackendId}`,
        iss: 'vstoken.actions.githubusercontent.com',
        aud: 'vso:00000000-0000-0000-0000-000000000000',
        nbf: now - 60,
        exp: now + 6 * 3600,
      }),
      '',
    ].join('.');
    this.runtimeTokens.set(token, { runId, workflowRunBackendId, workflowJobRunBackendId });
    return token;
  }

  /**
   * An artifact uploaded without the toolkit: `files` zipped (deflate), or `bytes` as they are. Created now,
   * expiring in 90 days, unless told otherwise.
   */
  addArtifact(
    init: Partial<Omit<FakeArtifact, 'bytes'>> & {
      runId: number;
      name: string;
      files?: Record<string, string | Buffer>;
      bytes?: Buffer;
    },
  ): FakeArtifact {
    const { files, bytes, ...rest } = init;
    const zip = bytes ?? zipOf(files ?? {});
    const id = rest.id ?? this.id();
    const runBackend = this.runBackendId(init.runId);
    const now = new Date();
    const artifact: FakeArtifact = {
      id,
      size: zip.length,
      createdAt: isoSeconds(now),
      expiresAt: isoSeconds(new Date(now.getTime() + 90 * DAY_MS)),
      expired: false,
      digest: `sha256:${createHash('sha256').update(zip).digest('hex')}`,
      finalized: true,
      workflowJobRunBackendId: uuidOf(`job-backend-${init.runId}-${id}`),
      blobPath: `/${STORAGE_ACCOUNT}/${STORAGE_CONTAINER}/${runBackend}/artifacts/${sha(`artifact-${id}`).slice(0, 32)}.zip`,
      ...rest,
      bytes: zip,
    };
    this.artifacts.push(artifact);
    return artifact;
  }

  /** The finalized artifacts of a run, oldest first. */
  artifactsOf(runId: number): FakeArtifact[] {
    return this.artifacts.filter((a) => a.runId === runId && a.finalized);
  }
}

/** A zip archive of `files` (deflated, UTF-8 names), as upload-artifact's archiver writes one. */
export function zipOf(files: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  // 2024-01-01 00:00, in MS-DOS time and date.
  const time = 0;
  const date = ((2024 - 1980) << 9) | (1 << 5) | 1;
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(date, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A UUID-shaped id derived from a seed. */
function uuidOf(seed: string): string {
  const h = sha(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function isExpired(a: FakeArtifact): boolean {
  return a.expired || Date.parse(a.expiresAt) <= Date.now();
}

function defaultSteps(status: FakeJob['status'], conclusion: FakeJob['conclusion']): FakeStep[] {
  const done = status === 'completed';
  return [
    {
      number: 1,
      name: 'Set up job',
      status: done ? 'completed' : 'in_progress',
      conclusion: done ? 'success' : null,
    },
    {
      number: 2,
      name: 'Run tests',
      status: done ? 'completed' : 'queued',
      conclusion: done ? (conclusion === 'timed_out' ? 'cancelled' : conclusion) : null,
    },
  ];
}

function fileKey(repo: string, ref: string, path: string): string {
  return `${repo.toLowerCase()}@${ref}:${path.replace(/^\/+/, '')}`;
}

/** A 40-hex sha derived from a seed. */
export function sha(seed: string): string {
  let h = 2166136261;
  let out = '';
  for (let round = 0; out.length < 40; round++) {
    for (const c of `${seed}:${round}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
}

// ---------------------------------------------------------------------------------------------------------
// JSON builders, typed with the published schemas.

const WEB = 'https://github.com';
const TS = '2024-01-01T00:00:00Z';

function user(api: string, login: string): S['simple-user'] {
  return {
    login,
    id: loginId(login),
    node_id: `MDQ6VXNlcj${loginId(login)}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${loginId(login)}?v=4`,
    gravatar_id: '',
    url: `${api}/users/${login}`,
    html_url: `${WEB}/${login}`,
    followers_url: `${api}/users/${login}/followers`,
    following_url: `${api}/users/${login}/following{/other_user}`,
    gists_url: `${api}/users/${login}/gists{/gist_id}`,
    starred_url: `${api}/users/${login}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/users/${login}/subscriptions`,
    organizations_url: `${api}/users/${login}/orgs`,
    repos_url: `${api}/users/${login}/repos`,
    events_url: `${api}/users/${login}/events{/privacy}`,
    received_events_url: `${api}/users/${login}/received_events`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
  };
}

function loginId(login: string): number {
  return parseInt(sha(login).slice(0, 7), 16);
}

function repository(api: string, r: FakeRepo): S['repository'] {
  const full = `${r.owner}/${r.name}`;
  const u = `${api}/repos/${full}`;
  return {
    id: r.id,
    node_id: `R_kgDO${r.id}`,
    name: r.name,
    full_name: full,
    license: null,
    forks: 0,
    owner: user(api, r.owner),
    private: r.private,
    html_url: `${WEB}/${full}`,
    description: null,
    fork: false,
    url: u,
    archive_url: `${u}/{archive_format}{/ref}`,
    assignees_url: `${u}/assignees{/user}`,
    blobs_url: `${u}/git/blobs{/sha}`,
    branches_url: `${u}/branches{/branch}`,
    collaborators_url: `${u}/collaborators{/collaborator}`,
    comments_url: `${u}/comments{/number}`,
    commits_url: `${u}/commits{/sha}`,
    compare_url: `${u}/compare/{base}...{head}`,
    contents_url: `${u}/contents/{+path}`,
    contributors_url: `${u}/contributors`,
    deployments_url: `${u}/deployments`,
    downloads_url: `${u}/downloads`,
    events_url: `${u}/events`,
    forks_url: `${u}/forks`,
    git_commits_url: `${u}/git/commits{/sha}`,
    git_refs_url: `${u}/git/refs{/sha}`,
    git_tags_url: `${u}/git/tags{/sha}`,
    git_url: `git://github.com/${full}.git`,
    issue_comment_url: `${u}/issues/comments{/number}`,
    issue_events_url: `${u}/issues/events{/number}`,
    issues_url: `${u}/issues{/number}`,
    keys_url: `${u}/keys{/key_id}`,
    labels_url: `${u}/labels{/name}`,
    languages_url: `${u}/languages`,
    merges_url: `${u}/merges`,
    milestones_url: `${u}/milestones{/number}`,
    notifications_url: `${u}/notifications{?since,all,participating}`,
    pulls_url: `${u}/pulls{/number}`,
    releases_url: `${u}/releases{/id}`,
    ssh_url: `git@github.com:${full}.git`,
    stargazers_url: `${u}/stargazers`,
    statuses_url: `${u}/statuses/{sha}`,
    subscribers_url: `${u}/subscribers`,
    subscription_url: `${u}/subscription`,
    tags_url: `${u}/tags`,
    teams_url: `${u}/teams`,
    trees_url: `${u}/git/trees{/sha}`,
    clone_url: `${WEB}/${full}.git`,
    mirror_url: null,
    hooks_url: `${u}/hooks`,
    svn_url: `${WEB}/${full}`,
    homepage: null,
    language: 'TypeScript',
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 1024,
    default_branch: r.defaultBranch,
    open_issues_count: 0,
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    archived: false,
    disabled: false,
    pushed_at: TS,
    created_at: TS,
    updated_at: TS,
    open_issues: 0,
    watchers: 0,
    visibility: r.private ? 'private' : 'public',
  };
}

function fullRepository(api: string, r: FakeRepo): S['full-repository'] {
  return {
    ...repository(api, r),
    has_discussions: false,
    pushed_at: TS,
    created_at: TS,
    updated_at: TS,
    permissions: { admin: false, maintain: false, push: false, triage: false, pull: true },
    subscribers_count: 0,
    network_count: 0,
  };
}

/** The runs API's repository: the minimal shape, which in practice carries no default_branch. */
function minimalRepository(api: string, r: FakeRepo): S['minimal-repository'] {
  const minimal: S['minimal-repository'] = { ...repository(api, r), license: null };
  delete minimal.default_branch;
  return minimal;
}

type Lookup = (fullName: string) => FakeRepo | undefined;

function workflowRun(
  api: string,
  run: FakeRun,
  repo: FakeRepo,
  pulls: FakePull[],
  lookup: Lookup,
): S['workflow-run'] {
  const u = `${api}/repos/${repo.owner}/${repo.name}/actions/runs/${run.id}`;
  const minimal = minimalRepository(api, repo);
  return {
    id: run.id,
    name: run.workflowName,
    node_id: `WFR_kwLO${run.id}`,
    check_suite_id: run.id + 1,
    check_suite_node_id: `CS_kwDO${run.id}`,
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.path,
    run_number: run.runNumber,
    run_attempt: run.attempt,
    referenced_workflows: [],
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    url: u,
    html_url: `${WEB}/${repo.owner}/${repo.name}/actions/runs/${run.id}`,
    pull_requests: run.pullRequests
      .map((n) => pulls.find((p) => p.number === n && sameRepo(p.repo, run.repo)))
      .filter((p): p is FakePull => p !== undefined)
      .map((p) => pullRequestMinimal(api, p, repo, lookup)),
    created_at: run.createdAt,
    updated_at: run.createdAt,
    actor: user(api, run.actor),
    triggering_actor: user(api, run.actor),
    run_started_at: run.createdAt,
    jobs_url: `${u}/jobs`,
    logs_url: `${u}/logs`,
    check_suite_url: `${api}/repos/${repo.owner}/${repo.name}/check-suites/${run.id + 1}`,
    artifacts_url: `${u}/artifacts`,
    cancel_url: `${u}/cancel`,
    rerun_url: `${u}/rerun`,
    previous_attempt_url: run.attempt > 1 ? `${u}/attempts/${run.attempt - 1}` : null,
    workflow_url: `${api}/repos/${repo.owner}/${repo.name}/actions/workflows/${run.workflowId}`,
    head_commit: run.headCommit
      ? {
          id: run.headSha,
          tree_id: sha(`tree-${run.headSha}`),
          message: run.headCommit.message,
          timestamp: run.createdAt,
          author: { name: run.headCommit.author, email: run.headCommit.email ?? 'author@example.com' },
          committer: { name: 'GitHub', email: 'noreply@github.com' },
        }
      : null,
    repository: minimal,
    head_repository: minimal,
    head_repository_id: repo.id,
    display_title: run.headCommit?.message.split('\n')[0] ?? run.workflowName,
  };
}

function pullRequestMinimal(
  api: string,
  p: FakePull,
  base: FakeRepo,
  lookup: Lookup,
): S['pull-request-minimal'] {
  const headRepo = (p.headRepo && lookup(p.headRepo)) || base;
  const ref = (r: FakeRepo) => ({ id: r.id, url: `${api}/repos/${r.owner}/${r.name}`, name: r.name });
  return {
    id: p.number * 1000 + base.id,
    number: p.number,
    url: `${api}/repos/${base.owner}/${base.name}/pulls/${p.number}`,
    head: { ref: p.headRef, sha: p.headSha, repo: ref(headRepo) },
    base: { ref: p.baseRef, sha: sha(`base-${p.number}`), repo: ref(base) },
  };
}

function pullRequestSimple(
  api: string,
  p: FakePull,
  base: FakeRepo,
  lookup: Lookup,
): S['pull-request-simple'] {
  const full = `${base.owner}/${base.name}`;
  const u = `${api}/repos/${full}/pulls/${p.number}`;
  const html = `${WEB}/${full}/pull/${p.number}`;
  const headRepo = p.headRepo ? lookup(p.headRepo) : undefined;
  const headOwner = p.headRepo?.split('/')[0] ?? p.user;
  const link = (href: string): S['link'] => ({ href });
  return {
    url: u,
    id: p.number * 1000 + base.id,
    node_id: `PR_kwDO${p.number}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/repos/${full}/issues/${p.number}`,
    commits_url: `${u}/commits`,
    review_comments_url: `${u}/comments`,
    review_comment_url: `${api}/repos/${full}/pulls/comments{/number}`,
    comments_url: `${api}/repos/${full}/issues/${p.number}/comments`,
    statuses_url: `${api}/repos/${full}/statuses/${p.headSha}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user: user(api, p.user),
    body: null,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: TS,
    updated_at: TS,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: sha(`merge-${p.number}`),
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: {
      label: `${headOwner}:${p.headRef}`,
      ref: p.headRef,
      // A deleted fork: the API sends null although the schema says otherwise.
      repo: (headRepo
        ? { ...repository(api, headRepo), fork: !sameRepo(p.headRepo ?? '', full) }
        : null) as S['repository'],
      sha: p.headSha,
      user: user(api, headOwner),
    },
    base: {
      label: `${base.owner}:${p.baseRef}`,
      ref: p.baseRef,
      repo: repository(api, base),
      sha: sha(`base-${p.number}`),
      user: user(api, base.owner),
    },
    _links: {
      comments: link(`${api}/repos/${full}/issues/${p.number}/comments`),
      commits: link(`${u}/commits`),
      statuses: link(`${api}/repos/${full}/statuses/${p.headSha}`),
      html: link(html),
      issue: link(`${api}/repos/${full}/issues/${p.number}`),
      review_comments: link(`${u}/comments`),
      review_comment: link(`${api}/repos/${full}/pulls/comments{/number}`),
      self: link(u),
    },
    author_association: 'CONTRIBUTOR',
    auto_merge: null,
    draft: false,
  };
}

function pullRequest(api: string, p: FakePull, base: FakeRepo, lookup: Lookup): S['pull-request'] {
  const simple = pullRequestSimple(api, p, base, lookup);
  return {
    ...simple,
    state: p.state,
    user: user(api, p.user),
    head: { ...simple.head, user: user(api, p.headRepo?.split('/')[0] ?? p.user) },
    base: { ...simple.base, user: user(api, base.owner) },
    merged: false,
    mergeable: true,
    mergeable_state: 'clean',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: Math.max(1, p.commits.length),
    additions: p.files.length * 3,
    deletions: p.files.length,
    changed_files: p.files.length,
  };
}

function diffEntry(api: string, full: string, ref: string, filename: string): S['diff-entry'] {
  return {
    sha: sha(`blob-${filename}`),
    filename,
    status: 'modified',
    additions: 3,
    deletions: 1,
    changes: 4,
    blob_url: `${WEB}/${full}/blob/${ref}/${filename}`,
    raw_url: `${WEB}/${full}/raw/${ref}/${filename}`,
    contents_url: `${api}/repos/${full}/contents/${filename}?ref=${ref}`,
    patch: '@@ -1,2 +1,4 @@',
  };
}

function commitJson(api: string, c: FakeCommit, repo: FakeRepo, files: S['diff-entry'][]): S['commit'] {
  const full = `${repo.owner}/${repo.name}`;
  const u = `${api}/repos/${full}/commits/${c.sha}`;
  const gitUser = { name: c.authorName, email: c.authorEmail ?? 'author@example.com', date: TS };
  return {
    url: u,
    sha: c.sha,
    node_id: `C_kwDO${c.sha.slice(0, 10)}`,
    html_url: `${WEB}/${full}/commit/${c.sha}`,
    comments_url: `${u}/comments`,
    commit: {
      url: `${api}/repos/${full}/git/commits/${c.sha}`,
      author: gitUser,
      committer: gitUser,
      message: c.message,
      comment_count: 0,
      tree: { sha: sha(`tree-${c.sha}`), url: `${api}/repos/${full}/git/trees/${sha(`tree-${c.sha}`)}` },
      verification: c.verified
        ? {
            verified: true,
            reason: 'valid',
            payload: `tree ${sha(`tree-${c.sha}`)}\nauthor ${c.authorName} <${c.authorEmail ?? 'author@example.com'}> 1704067200 +0000\n\n${c.message}\n`,
            signature: '-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----',
            verified_at: TS,
          }
        : {
            verified: false,
            reason: 'unsigned',
            payload: null,
            signature: null,
            verified_at: null,
          },
    },
    author: c.authorLogin ? user(api, c.authorLogin) : null,
    committer: c.authorLogin ? user(api, c.authorLogin) : null,
    parents: [{ sha: sha(`parent-${c.sha}`), url: `${api}/repos/${full}/commits/${sha(`parent-${c.sha}`)}` }],
    stats: { additions: files.length * 3, deletions: files.length, total: files.length * 4 },
    files,
  };
}

/** GET …/contents/{path}: a file, its text base64-encoded in lines of 60 characters as the API sends it. */
function contentFile(api: string, full: string, ref: string, path: string, text: string): S['content-file'] {
  const bytes = Buffer.from(text, 'utf8');
  const blob = sha(`blob-${full}-${ref}-${path}`);
  const self = `${api}/repos/${full}/contents/${path}?ref=${ref}`;
  const html = `${WEB}/${full}/blob/${ref}/${path}`;
  const git = `${api}/repos/${full}/git/blobs/${blob}`;
  return {
    type: 'file',
    encoding: 'base64',
    size: bytes.length,
    name: path.split('/').pop() ?? path,
    path,
    content: (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n',
    sha: blob,
    url: self,
    git_url: git,
    html_url: html,
    download_url: `https://raw.githubusercontent.com/${full}/${ref}/${path}`,
    _links: { self, git, html },
  };
}

function jobJson(api: string, j: FakeJob, run: FakeRun, repo: FakeRepo): S['job'] {
  const full = `${repo.owner}/${repo.name}`;
  return {
    id: j.id,
    run_id: j.runId,
    run_url: `${api}/repos/${full}/actions/runs/${j.runId}`,
    run_attempt: j.attempt,
    node_id: `CR_kwDO${j.id}`,
    head_sha: run.headSha,
    url: `${api}/repos/${full}/actions/jobs/${j.id}`,
    html_url: `${WEB}/${full}/actions/runs/${j.runId}/job/${j.id}`,
    status: j.status,
    conclusion: j.conclusion,
    created_at: j.startedAt,
    started_at: j.startedAt,
    completed_at: j.completedAt,
    name: j.name,
    steps: j.steps.map((s) => ({
      name: s.name,
      status: s.status,
      conclusion: s.conclusion,
      number: s.number,
      started_at: j.startedAt,
      completed_at: s.status === 'completed' ? j.completedAt : null,
    })),
    check_run_url: `${api}/repos/${full}/check-runs/${j.id}`,
    labels: ['ubuntu-latest'],
    runner_id: j.runnerName ? j.id % 100 : null,
    runner_name: j.runnerName,
    runner_group_id: j.runnerName ? 2 : null,
    runner_group_name: j.runnerName ? 'GitHub Actions' : null,
    workflow_name: run.workflowName,
    head_branch: run.headBranch,
  };
}

function artifactJson(api: string, a: FakeArtifact, repo: FakeRepo, run: FakeRun | undefined): S['artifact'] {
  const u = `${api}/repos/${repo.owner}/${repo.name}/actions/artifacts/${a.id}`;
  return {
    id: a.id,
    node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
    name: a.name,
    size_in_bytes: a.size,
    url: u,
    archive_download_url: `${u}/zip`,
    expired: isExpired(a),
    created_at: a.createdAt,
    expires_at: a.expiresAt,
    updated_at: a.createdAt,
    digest: a.digest,
    workflow_run: {
      id: a.runId,
      repository_id: repo.id,
      head_repository_id: a.headRepositoryId ?? repo.id,
      ...(run?.headBranch ? { head_branch: run.headBranch } : {}),
      ...(run ? { head_sha: run.headSha } : {}),
    },
  };
}

/** The finalized artifacts of a repository, newest first, as the artifacts API lists them. */
function artifactsIn(state: FakeGitHubState, repo: FakeRepo): FakeArtifact[] {
  const full = `${repo.owner}/${repo.name}`;
  return state.artifacts
    .filter((a) => {
      const run = state.runs.get(a.runId);
      return a.finalized && run !== undefined && sameRepo(run.repo, full);
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
}

function sameRepo(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------
// The server.

export interface FakeGitHub {
  baseUrl: string;
  /** `ACTIONS_RESULTS_URL` for @actions/artifact: this same server (the results service and its blob storage). */
  resultsUrl: string;
  /** The runner's environment for a job of run `runId`: a fresh `ACTIONS_RUNTIME_TOKEN` and `ACTIONS_RESULTS_URL`. */
  runnerEnv(runId: number): { ACTIONS_RUNTIME_TOKEN: string; ACTIONS_RESULTS_URL: string };
  state: FakeGitHubState;
  requests: RecordedRequest[];
  /** Requests whose path (resolved) matches. */
  requestsTo(pattern: RegExp): RecordedRequest[];
  close(): Promise<void>;
}

// Plain fields, not parameter properties: the file stays erasable TypeScript, so Node 24 runs it as is
// (scripts/bench-api.mjs imports it without a compiler).
function labelJson(api: string, full: string, name: string): S['issue']['labels'][number] {
  return {
    id: loginId(name),
    node_id: `LA_${loginId(name)}`,
    url: `${api}/repos/${full}/labels/${encodeURIComponent(name)}`,
    name,
    description: null,
    color: 'ededed',
    default: false,
  };
}

function issueJson(api: string, i: FakeIssue, full: string): S['issue'] {
  const u = `${api}/repos/${full}/issues/${i.number}`;
  return {
    id: i.id,
    node_id: `I_kwDO${i.id}`,
    url: u,
    repository_url: `${api}/repos/${full}`,
    labels_url: `${u}/labels{/name}`,
    comments_url: `${u}/comments`,
    events_url: `${u}/events`,
    html_url: `${WEB}/${full}/issues/${i.number}`,
    number: i.number,
    state: i.state,
    state_reason: (i.stateReason ?? null) as S['issue']['state_reason'],
    title: i.title,
    body: i.body,
    user: user(api, i.user),
    labels: i.labels.map((l) => labelJson(api, full, l)),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: 0,
    closed_at: i.state === 'closed' ? i.createdAt : null,
    created_at: i.createdAt,
    updated_at: i.createdAt,
    author_association: 'NONE',
  };
}

function commentJson(api: string, c: FakeComment, full: string, isPull: boolean): S['issue-comment'] {
  return {
    id: c.id,
    node_id: `IC_kwDO${c.id}`,
    url: `${api}/repos/${full}/issues/comments/${c.id}`,
    html_url: `${WEB}/${full}/${isPull ? 'pull' : 'issues'}/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${api}/repos/${full}/issues/${c.issueNumber}`,
    body: c.body,
    user: user(api, c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: 'NONE',
  };
}

/** A 422 as GitHub sends it for a body it will not take. */
function unprocessable(message: string, field: string, code: string): HttpAnswer {
  return new HttpAnswer(422, {
    message: 'Validation Failed',
    errors: [{ resource: 'Issue', code, field, message }],
    documentation_url: `${DOCS}/issues/issues#create-an-issue`,
    status: '422',
  });
}

function textField(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const v = (body as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
}

/** The permission a write on issue/PR `number` needs: comments on a pull request need pull-requests. */
function issuePermission(ctx: Ctx, full: string, number: number): Permission {
  return ctx.state.pulls.some((p) => sameRepo(p.repo, full) && p.number === number)
    ? 'pull-requests'
    : 'issues';
}

function denied(): HttpAnswer {
  return new HttpAnswer(403, {
    message: 'Resource not accessible by integration',
    documentation_url: `${DOCS}/issues`,
    status: '403',
  });
}

class HttpAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

const DOCS = 'https://docs.github.com/rest';

function notFound(doc = `${DOCS}`): HttpAnswer {
  return new HttpAnswer(404, { message: 'Not Found', documentation_url: doc, status: '404' });
}

interface Route {
  method: string;
  pattern: RegExp;
  permission?: Permission;
  handle(m: RegExpExecArray, q: URLSearchParams, ctx: Ctx, body: unknown): HttpAnswer | BlobAnswer;
}

interface Ctx {
  api: string;
  state: FakeGitHubState;
  blobs: Map<string, FakeLog>;
  /** Blob token → the job whose log it is. */
  blobJobs?: Map<string, number>;
  /** `/repositories/{id}/…` form of the path, for Link headers. */
  canonicalPath: string;
  /** A signed URL of the fake blob storage for `path`, with permissions (`r`, `cw`) for `ttlMs`. */
  sign: (path: string, permissions: string, ttlMs: number) => string;
}

class BlobAnswer {
  readonly log: FakeLog;
  constructor(log: FakeLog) {
    this.log = log;
  }
}

export async function startFakeGitHub(state = new FakeGitHubState()): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  const blobs = new Map<string, FakeLog>();
  const blobJobs = new Map<string, number>();
  /** Open blob responses, ended when the server closes (a stalled one would keep it open). */
  const stalled = new Set<http.ServerResponse>();
  /** Signed storage URLs: `sig` → what it grants. */
  const grants = new Map<string, Grant>();
  let api = '';

  function sign(path: string, permissions: string, ttlMs: number): string {
    const sig = randomBytes(24).toString('base64');
    const expires = Date.now() + ttlMs;
    grants.set(sig, { path, permissions, expires });
    const q = new URLSearchParams({
      sv: '2025-01-05',
      se: new Date(expires).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      sr: 'b',
      sp: permissions,
      sig,
    });
    return `${api}${path}?${q.toString()}`;
  }

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, new HttpAnswer(500, { message: String(e) }));
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', api);
    let path = url.pathname.replace(/\/+$/, '') || '/';
    const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(path);
    if (byId) {
      const repo = [...state.repos.values()].find((r) => String(r.id) === byId[1]);
      if (repo) path = `/repos/${repo.owner}/${repo.name}${byId[2] ?? ''}`;
    }
    const query: Record<string, string> = {};
    url.searchParams.forEach((v, k) => (query[k] = v));
    if (path.startsWith(`/${STORAGE_ACCOUNT}/`)) {
      // Blob storage: raw bodies, not JSON.
      requests.push({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        path,
        query,
        authorization: req.headers.authorization,
        at: performance.timeOrigin + performance.now(),
      });
      if (state.latencyMs > 0) await new Promise((r) => setTimeout(r, state.latencyMs));
      return handleStorage(req, res, url, path, state, grants);
    }
    let body: unknown;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      if (text !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          send(
            res,
            new HttpAnswer(400, { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' }),
          );
          return;
        }
      }
    }
    requests.push({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      path,
      query,
      authorization: req.headers.authorization,
      at: performance.timeOrigin + performance.now(),
      ...(body !== undefined ? { body } : {}),
      ...(req.headers.range !== undefined ? { range: req.headers.range } : {}),
    });
    if (state.latencyMs > 0) await new Promise((r) => setTimeout(r, state.latencyMs));
    const held = state.barriers.find((b) => b.method === req.method && b.path.test(path) && b.parties > 0);
    if (held) await hold(held);

    const twirp = /^\/twirp\/github\.actions\.results\.api\.v1\.ArtifactService\/(\w+)$/.exec(path);
    if (twirp || path.startsWith('/twirp/')) {
      const token = req.headers.authorization?.replace(/^bearer\s+/i, '');
      const answer =
        req.method === 'POST' && twirp
          ? resultsService(twirp[1] ?? '', body, token, { api, state, blobs, canonicalPath: path, sign })
          : twirpError(404, 'bad_route', `no handler for path "${path}"`);
      res.writeHead(answer.status, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(JSON.stringify(answer.body))),
      });
      res.end(JSON.stringify(answer.body));
      return;
    }

    const blob = /^\/_blobs\/([\w-]+)$/.exec(path);
    if (blob) {
      const log = blobs.get(blob[1] ?? '');
      if (!log) {
        send(
          res,
          new HttpAnswer(403, 'AuthenticationFailed: Signature not valid in the specified time frame.', {}),
        );
        return;
      }
      const jobId = blobJobs.get(blob[1] ?? '');
      const fault = jobId === undefined ? undefined : state.logFaults.get(jobId)?.shift();
      const range = state.blobIgnoresRange ? undefined : /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
      return streamLog(res, log, {
        ...(range ? { from: Number(range[1]) } : {}),
        ...(fault ? { fault } : {}),
        stalled,
      });
    }

    if (state.tokens) {
      const token = req.headers.authorization?.replace(/^(token|bearer)\s+/i, '');
      if (!token || !state.tokens.has(token)) {
        send(
          res,
          new HttpAnswer(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' }),
        );
        return;
      }
    }

    // A fault for one page (`…/jobs?page=2`) before one for every request to the path.
    const pageKey = query.page !== undefined ? `${path}?page=${query.page}` : undefined;
    const faults =
      (pageKey !== undefined && state.faults.get(pageKey)?.length ? state.faults.get(pageKey) : undefined) ??
      state.faults.get(path);
    const fault = faults?.[0];
    let cut = false;
    if (fault && fault.times > 0) {
      fault.times--;
      if (fault.times <= 0) faults.shift();
      if (fault.status === undefined) cut = true;
      else {
        sendFault(res, fault);
        return;
      }
    }

    const limit = state.rateLimitFirst.get(path);
    if (limit && limit.times > 0) {
      limit.times--;
      const retryAfter = limit.retryAfter ?? 1;
      if (limit.kind === 'secondary') {
        send(
          res,
          new HttpAnswer(
            403,
            {
              message:
                'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.',
              documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`,
              status: '403',
            },
            { 'retry-after': String(retryAfter), ...rateHeaders(4000) },
          ),
        );
      } else {
        send(
          res,
          new HttpAnswer(
            403,
            {
              message: 'API rate limit exceeded for installation ID 1234567.',
              documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit`,
              status: '403',
            },
            { ...rateHeaders(0), 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + retryAfter) },
          ),
        );
      }
      return;
    }

    if (state.failWrites !== undefined && req.method !== 'GET' && req.method !== 'HEAD') {
      send(
        res,
        new HttpAnswer(state.failWrites, {
          message: state.failWrites >= 500 ? 'Server Error' : 'Forbidden',
          documentation_url: DOCS,
          status: String(state.failWrites),
        }),
      );
      return;
    }
    if (state.readOnly && req.method !== 'GET' && req.method !== 'HEAD') {
      send(
        res,
        new HttpAnswer(403, {
          message: 'Resource not accessible by integration',
          documentation_url: DOCS,
          status: '403',
        }),
      );
      return;
    }

    const ctx: Ctx = { api, state, blobs, blobJobs, canonicalPath: canonical(path), sign };
    const write = req.method !== 'GET' && req.method !== 'HEAD';

    if (req.method === 'GET' && path === '/user') {
      const token = req.headers.authorization?.replace(/^(token|bearer)\s+/i, '') ?? '';
      if (token.startsWith('ghs_'))
        send(
          res,
          new HttpAnswer(403, {
            message: 'Resource not accessible by integration',
            documentation_url: `${DOCS}/users/users#get-the-authenticated-user`,
            status: '403',
          }),
        );
      else send(res, new HttpAnswer(200, user(api, state.tokenLogins.get(token) ?? state.writer)));
      return;
    }

    const requestFault = state.requestFaults.find(
      (f) => f.method === req.method && f.path.test(path) && (f.times ?? 1) > 0,
    );
    if (requestFault) requestFault.times = (requestFault.times ?? 1) - 1;
    const lost = (): void => {
      if (requestFault?.drop) {
        res.destroy();
        return;
      }
      const status = requestFault?.status ?? 502;
      send(
        res,
        new HttpAnswer(status, {
          message: status === 503 ? 'Service Unavailable' : 'Server Error',
          documentation_url: DOCS,
          status: String(status),
        }),
      );
    };
    if (requestFault?.kind === 'fail') return lost();

    for (const route of ROUTES) {
      const m = route.pattern.exec(path);
      if (!m || route.method !== req.method) continue;
      if (
        route.permission &&
        (state.deniedPermissions.has(route.permission) || (write && state.deniedWrites.has(route.permission)))
      ) {
        send(
          res,
          new HttpAnswer(403, {
            message: 'Resource not accessible by integration',
            documentation_url: `${DOCS}/actions`,
            status: '403',
          }),
        );
        return;
      }
      const answer = route.handle(m, url.searchParams, ctx, body);
      if (answer instanceof BlobAnswer) return streamLog(res, answer.log);
      // A ghost write: carried out, but the answer is lost.
      if (requestFault?.kind === 'ghost' && answer.status < 300) return lost();
      send(res, answer, cut);
      return;
    }
    send(res, notFound());
  }

  function hold(b: FakeBarrier & { waiting: Array<() => void> }): Promise<void> {
    return new Promise<void>((resolve) => {
      const release = () => {
        b.parties = 0;
        for (const w of b.waiting.splice(0)) w();
      };
      b.waiting.push(resolve);
      if (b.waiting.length >= b.parties) release();
      else setTimeout(release, b.timeoutMs ?? 20_000).unref();
    });
  }

  function canonical(path: string): string {
    const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
    const repo = m ? state.repo(`${m[1]}/${m[2]}`) : undefined;
    return m && repo ? `/repositories/${repo.id}${m[3] ?? ''}` : path;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: api,
    resultsUrl: `${api}/`,
    runnerEnv: (runId) => ({
      ACTIONS_RUNTIME_TOKEN: state.runtimeToken(runId),
      ACTIONS_RESULTS_URL: `${api}/`,
    }),
    state,
    requests,
    requestsTo: (pattern) => requests.filter((r) => pattern.test(r.path)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const r of stalled) r.destroy();
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The Actions results service (artifacts) and its blob storage.

const STORAGE_ACCOUNT = 'productionresultssa0';
const STORAGE_CONTAINER = 'actions-results';
const DAY_MS = 86_400_000;

interface Grant {
  path: string;
  permissions: string;
  expires: number;
}

interface TwirpAnswer {
  status: number;
  body: unknown;
}

function twirpError(status: number, code: string, msg: string): TwirpAnswer {
  return { status, body: { code, msg } };
}

function fieldOf(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

/** A string field, or an int64 (protobuf JSON sends them as strings) as its decimal text. */
function textOf(body: unknown, name: string): string | undefined {
  const v = fieldOf(body, name);
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** One Twirp JSON call of `github.actions.results.api.v1.ArtifactService`. */
function resultsService(method: string, body: unknown, token: string | undefined, ctx: Ctx): TwirpAnswer {
  const state = ctx.state;
  const auth = token ? state.runtimeTokens.get(token) : undefined;
  if (!auth) return twirpError(401, 'unauthenticated', 'the runtime token is missing or not valid');
  const runBackend = textOf(body, 'workflow_run_backend_id');
  const jobBackend = textOf(body, 'workflow_job_run_backend_id');
  if (!runBackend || !jobBackend) {
    return twirpError(
      400,
      'invalid_argument',
      'workflow_run_backend_id and workflow_job_run_backend_id are required',
    );
  }
  if (runBackend !== auth.workflowRunBackendId)
    return twirpError(403, 'permission_denied', 'the token is not valid for this workflow run');
  const runId = auth.runId;
  const name = textOf(body, 'name');
  const inRun = (a: FakeArtifact) => a.runId === runId;
  const live = (a: FakeArtifact) => inRun(a) && a.finalized && !isExpired(a);
  switch (method) {
    case 'CreateArtifact': {
      if (!name) return twirpError(400, 'invalid_argument', 'name is required');
      const version = fieldOf(body, 'version');
      if (typeof version !== 'number' || version < 4)
        return twirpError(400, 'invalid_argument', 'unsupported artifact version');
      if (state.artifacts.some((a) => inRun(a) && a.name === name)) {
        return twirpError(
          409,
          'already_exists',
          'an artifact with this name already exists on the workflow run',
        );
      }
      const id = state.id();
      const now = new Date();
      const expiresAt = textOf(body, 'expires_at');
      const blobPath =
        `/${STORAGE_ACCOUNT}/${STORAGE_CONTAINER}/${runBackend}/workflow-job-run-${jobBackend}` +
        `/artifacts/${sha(`${runBackend}/${name}/${id}`).slice(0, 32)}.zip`;
      state.artifacts.push({
        id,
        name,
        runId,
        size: 0,
        bytes: Buffer.alloc(0),
        createdAt: isoSeconds(now),
        expiresAt: isoSeconds(expiresAt ? new Date(expiresAt) : new Date(now.getTime() + 90 * DAY_MS)),
        expired: false,
        digest: null,
        finalized: false,
        workflowJobRunBackendId: jobBackend,
        blobPath,
      });
      return { status: 200, body: { ok: true, signed_upload_url: ctx.sign(blobPath, 'cw', 3_600_000) } };
    }
    case 'FinalizeArtifact': {
      const a = state.artifacts.find((x) => inRun(x) && x.name === name && !x.finalized);
      if (!a) return twirpError(404, 'not_found', 'artifact not found');
      const blob = state.storage.get(a.blobPath)?.committed;
      if (!blob) return twirpError(404, 'not_found', 'the artifact was not uploaded to blob storage');
      const size = Number(textOf(body, 'size') ?? '0');
      if (size !== blob.length) {
        return twirpError(
          400,
          'invalid_argument',
          `size ${size} does not match the uploaded blob (${blob.length} bytes)`,
        );
      }
      a.bytes = blob;
      a.size = blob.length;
      a.digest = textOf(body, 'hash') ?? null;
      a.finalized = true;
      return { status: 200, body: { ok: true, artifact_id: String(a.id) } };
    }
    case 'ListArtifacts': {
      const nameFilter = textOf(body, 'name_filter');
      const idFilter = textOf(body, 'id_filter');
      const list = state.artifacts.filter(
        (a) =>
          live(a) &&
          (nameFilter === undefined || a.name === nameFilter) &&
          (idFilter === undefined || String(a.id) === idFilter),
      );
      return {
        status: 200,
        body: {
          artifacts: list.map((a) => ({
            workflow_run_backend_id: runBackend,
            workflow_job_run_backend_id: a.workflowJobRunBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt,
            ...(a.digest ? { digest: a.digest } : {}),
          })),
        },
      };
    }
    case 'GetSignedArtifactURL': {
      const a = state.artifacts.find((x) => live(x) && x.name === name);
      if (!a) return twirpError(404, 'not_found', 'artifact not found');
      return { status: 200, body: { signed_url: ctx.sign(a.blobPath, 'r', 60_000) } };
    }
    case 'DeleteArtifact': {
      const a = state.artifacts.find((x) => inRun(x) && x.finalized && x.name === name);
      if (!a) return twirpError(404, 'not_found', 'artifact not found');
      state.artifacts = state.artifacts.filter((x) => x !== a);
      state.storage.delete(a.blobPath);
      return { status: 200, body: { ok: true, artifact_id: String(a.id) } };
    }
    default:
      return twirpError(404, 'bad_route', `no handler for method ${method}`);
  }
}

/**
 * The blob storage behind the signed URLs, path-style as Azurite serves it: Put Block, Put Block List and Put
 * Blob (with `sp` granting `w`), Get Blob and Get Blob Properties (with `r`); Azure's headers; XML errors.
 */
async function handleStorage(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  path: string,
  state: FakeGitHubState,
  grants: Map<string, Grant>,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks);
  const requestId = uuidOf(randomBytes(8).toString('hex'));
  const base: Record<string, string> = {
    'x-ms-request-id': requestId,
    'x-ms-version': String(req.headers['x-ms-version'] ?? '2025-01-05'),
    date: new Date().toUTCString(),
    server: 'Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0',
  };
  const fail = (status: number, code: string, message: string): void => {
    const xml =
      '\uFEFF<?xml version="1.0" encoding="utf-8"?><Error>' +
      `<Code>${code}</Code><Message>${message}\nRequestId:${requestId}\nTime:${new Date().toISOString()}</Message>` +
      '</Error>';
    res.writeHead(status, {
      ...base,
      'x-ms-error-code': code,
      'content-type': 'application/xml',
      'content-length': String(Buffer.byteLength(xml)),
    });
    res.end(req.method === 'HEAD' ? undefined : xml);
  };
  const reading = req.method === 'GET' || req.method === 'HEAD';
  const sig = url.searchParams.get('sig');
  const grant = sig ? grants.get(sig) : undefined;
  if (!grant || grant.path !== path || !grant.permissions.includes(reading ? 'r' : 'w')) {
    return fail(
      403,
      'AuthenticationFailed',
      'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
    );
  }
  if (grant.expires < Date.now()) {
    return fail(403, 'AuthenticationFailed', 'Signature not valid in the specified time frame');
  }
  if (reading) {
    const artifact = state.artifacts.find((a) => a.blobPath === path && a.finalized);
    const stored = state.storage.get(path);
    const bytes = artifact?.bytes ?? stored?.committed;
    if (!bytes) return fail(404, 'BlobNotFound', 'The specified blob does not exist.');
    const disposition = url.searchParams.get('rscd');
    res.writeHead(200, {
      ...base,
      'content-type': stored?.contentType ?? 'application/zip',
      'content-length': String(bytes.length),
      'content-md5': createHash('md5').update(bytes).digest('base64'),
      etag: stored?.etag ?? `"0x8DC${sha(path).slice(0, 12).toUpperCase()}"`,
      'last-modified': stored?.lastModified ?? new Date().toUTCString(),
      'accept-ranges': 'bytes',
      'x-ms-blob-type': 'BlockBlob',
      'x-ms-server-encrypted': 'true',
      'x-ms-lease-status': 'unlocked',
      'x-ms-lease-state': 'available',
      ...(disposition ? { 'content-disposition': disposition } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
    return;
  }
  if (req.method !== 'PUT')
    return fail(405, 'UnsupportedHttpVerb', "The resource doesn't support specified Http Verb.");
  const blob: FakeBlob = state.storage.get(path) ?? {
    blocks: new Map(),
    committed: undefined,
    contentType: 'application/octet-stream',
    etag: '',
    lastModified: '',
  };
  state.storage.set(path, blob);
  const md5 = createHash('md5').update(body).digest('base64');
  const commit = (bytes: Buffer): Record<string, string> => {
    blob.committed = bytes;
    const type = req.headers['x-ms-blob-content-type'];
    blob.contentType = typeof type === 'string' && type !== '' ? type : 'application/octet-stream';
    blob.etag = `"0x8DC${randomBytes(6).toString('hex').toUpperCase()}"`;
    blob.lastModified = new Date().toUTCString();
    blob.blocks.clear();
    return { etag: blob.etag, 'last-modified': blob.lastModified };
  };
  const created = (headers: Record<string, string>): void => {
    res.writeHead(201, {
      ...base,
      ...headers,
      'content-md5': md5,
      'x-ms-request-server-encrypted': 'true',
      'content-length': '0',
    });
    res.end();
  };
  const comp = url.searchParams.get('comp');
  if (comp === 'block') {
    const id = url.searchParams.get('blockid');
    if (!id)
      return fail(
        400,
        'InvalidQueryParameterValue',
        'Value for one of the query parameters specified in the request URI is invalid.',
      );
    blob.blocks.set(id, body);
    return created({});
  }
  if (comp === 'blocklist') {
    const ids = [...body.toString('utf8').matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map(
      (m) => m[2] ?? '',
    );
    const parts: Buffer[] = [];
    for (const id of ids) {
      const part = blob.blocks.get(id);
      if (!part) return fail(400, 'InvalidBlockList', 'The specified block list is invalid.');
      parts.push(part);
    }
    return created(commit(Buffer.concat(parts)));
  }
  if (comp === null) {
    if (req.headers['x-ms-blob-type'] !== 'BlockBlob')
      return fail(
        400,
        'MissingRequiredHeader',
        "An HTTP header that's mandatory for this request is not specified.",
      );
    return created(commit(body));
  }
  return fail(
    400,
    'InvalidQueryParameterValue',
    'Value for one of the query parameters specified in the request URI is invalid.',
  );
}

function rateHeaders(remaining: number): Record<string, string> {
  return {
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-used': String(5000 - remaining),
    'x-ratelimit-resource': 'core',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
  };
}

/** A bad answer instead of the real one (see FakeFault). */
function sendFault(res: http.ServerResponse, f: FakeFault): void {
  const status = f.status ?? 502;
  const limited = status === 429 || status === 403;
  const headers: Record<string, string> = {
    ...(f.resetIn !== undefined
      ? { ...rateHeaders(0), 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + f.resetIn) }
      : limited
        ? rateHeaders(4000)
        : {}),
    ...(f.retryAfter !== undefined ? { 'retry-after': String(f.retryAfter) } : {}),
  };
  const json = limited
    ? {
        message:
          f.resetIn !== undefined
            ? 'API rate limit exceeded for installation ID 1234567.'
            : 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.',
        documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api`,
        status: String(status),
      }
    : { message: 'Server Error', documentation_url: DOCS, status: String(status) };
  const body = f.body ?? 'json';
  if (body === 'empty') {
    res.writeHead(status, { ...headers, 'content-length': '0' });
    res.end();
  } else if (body === 'html') {
    const page = limited
      ? '<html><head><title>429 Too Many Requests</title></head><body><h1>Too Many Requests</h1></body></html>'
      : '<!DOCTYPE html><html><head><title>Unicorn! &middot; GitHub</title></head><body><p>No server is currently available to service your request.</p></body></html>';
    res.writeHead(status, {
      ...headers,
      'content-type': 'text/html',
      'content-length': String(Buffer.byteLength(page)),
    });
    res.end(page);
  } else send(res, new HttpAnswer(status, json, headers), body === 'cut');
}

/** Sends an answer; `cut` closes the connection half-way through its body (its content-length not reached). */
function send(res: http.ServerResponse, answer: HttpAnswer, cut = false): void {
  const headers: Record<string, string> = {
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    ...answer.headers,
  };
  if (answer.status === 302 || answer.status === 204) {
    res.writeHead(answer.status, { ...headers, 'content-length': '0' });
    res.end();
    return;
  }
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  const type =
    typeof answer.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  res.writeHead(answer.status, {
    ...headers,
    'content-type': type,
    'content-length': String(Buffer.byteLength(text)),
  });
  if (cut) {
    const bytes = Buffer.from(text);
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
    return;
  }
  res.end(text);
}

/**
 * A log as the blob store sends it: the whole of it (200), or from byte `from` on (206 with `content-range`, as
 * Azure answers `Range: bytes=N-`); a fault cuts the connection, or stops sending while keeping it open, after
 * `afterBytes` bytes of this answer's body.
 */
async function streamLog(
  res: http.ServerResponse,
  log: FakeLog,
  o: { from?: number; fault?: FakeLogFault; stalled?: Set<http.ServerResponse> } = {},
): Promise<void> {
  if (o.fault?.kind === 'busy') {
    const xml =
      '<?xml version="1.0" encoding="utf-8"?><Error><Code>ServerBusy</Code><Message>The server is currently unable to receive requests. Please retry your request.</Message></Error>';
    res.writeHead(503, {
      'content-type': 'application/xml',
      'x-ms-error-code': 'ServerBusy',
      'content-length': String(Buffer.byteLength(xml)),
    });
    res.end(xml);
    return;
  }
  const total = typeof log === 'string' ? Buffer.byteLength(log) : log.bytes;
  const from = Math.min(o.from ?? 0, total);
  const headers: Record<string, string> = {
    'content-type': 'text/plain; charset=utf-8',
    'x-ms-blob-type': 'BlockBlob',
    'accept-ranges': 'bytes',
    'content-length': String(total - from),
  };
  if (o.from !== undefined) headers['content-range'] = `bytes ${from}-${total - 1}/${total}`;
  res.writeHead(o.from !== undefined ? 206 : 200, headers);
  const stopAt = o.fault ? from + (o.fault.afterBytes ?? Math.floor((total - from) / 2)) : total;
  const bytesAt = (start: number, end: number): Buffer => {
    if (typeof log === 'string') return Buffer.from(log).subarray(start, end);
    const line = Buffer.from(
      log.line ?? '2024-01-01T00:00:00.0000000Z some output line that goes on for a while\n',
    );
    const out = Buffer.alloc(end - start);
    for (let i = 0; i < out.length; i++) out[i] = line[(start + i) % line.length] ?? 10;
    return out;
  };
  let at = from;
  const end = Math.min(stopAt, total);
  while (at < end && !res.destroyed) {
    const next = Math.min(end, at + 64 * 1024);
    const ok = res.write(bytesAt(at, next));
    at = next;
    if (!ok) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  if (o.fault?.kind === 'cut' && at < total) {
    // Let the bytes written go out, then close the connection mid-body.
    await new Promise<void>((resolve) => res.write('', () => resolve()));
    res.destroy();
    return;
  }
  if (o.fault?.kind === 'stall' && at < total) {
    // Nothing more, and the connection stays open until the client gives up (or the server closes).
    o.stalled?.add(res);
    res.on('close', () => o.stalled?.delete(res));
    return;
  }
  res.end();
}

/** A page of `items` as GitHub cuts it, with its Link header. */
function page<T>(items: T[], q: URLSearchParams, ctx: Ctx): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(q.get('per_page') ?? '30') || 30));
  const pageNo = Math.max(1, Number(q.get('page') ?? '1') || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const headers: Record<string, string> = {};
  if (last > 1) {
    const href = (n: number) => {
      const params = new URLSearchParams(q);
      params.set('per_page', String(perPage));
      params.set('page', String(n));
      return `<${ctx.api}${ctx.canonicalPath}?${params.toString()}>`;
    };
    const links: string[] = [];
    if (pageNo > 1) links.push(`${href(pageNo - 1)}; rel="prev"`);
    if (pageNo < last) links.push(`${href(pageNo + 1)}; rel="next"`, `${href(last)}; rel="last"`);
    if (pageNo > 1) links.push(`${href(1)}; rel="first"`);
    headers.link = links.join(', ');
  }
  return { items: items.slice((pageNo - 1) * perPage, pageNo * perPage), headers };
}

function repoFrom(m: RegExpExecArray, ctx: Ctx): FakeRepo | undefined {
  return ctx.state.repo(`${m[1]}/${m[2]}`);
}

function runIn(repo: FakeRepo, id: string | undefined, ctx: Ctx): FakeRun | undefined {
  const run = ctx.state.runs.get(Number(id));
  return run && sameRepo(run.repo, `${repo.owner}/${repo.name}`) ? run : undefined;
}

const R = '^/repos/([^/]+)/([^/]+)';

const ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`${R}$`),
    handle(m, _q, ctx) {
      const repo = repoFrom(m, ctx);
      return repo
        ? new HttpAnswer(200, fullRepository(ctx.api, repo))
        : notFound(`${DOCS}/repos/repos#get-a-repository`);
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/actions/runs/(\\d+)$`),
    permission: 'actions',
    handle(m, _q, ctx) {
      const repo = repoFrom(m, ctx);
      const run = repo && runIn(repo, m[3], ctx);
      if (!repo || !run) return notFound(`${DOCS}/actions/workflow-runs#get-a-workflow-run`);
      return new HttpAnswer(
        200,
        workflowRun(ctx.api, run, repo, ctx.state.pulls, (n) => ctx.state.repo(n)),
      );
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/actions/runs/(\\d+)/attempts/(\\d+)/jobs$`),
    permission: 'actions',
    handle(m, q, ctx) {
      const repo = repoFrom(m, ctx);
      const run = repo && runIn(repo, m[3], ctx);
      const attempt = Number(m[4]);
      if (!repo || !run || attempt < 1 || attempt > run.attempt) {
        return notFound(`${DOCS}/actions/workflow-jobs#list-jobs-for-a-workflow-run-attempt`);
      }
      const jobs = run.jobs.filter((j) => j.attempt === attempt);
      const p = page(jobs, q, ctx);
      const body: { total_count: number; jobs: S['job'][] } = {
        total_count: jobs.length,
        jobs: p.items.map((j) => jobJson(ctx.api, j, run, repo)),
      };
      return new HttpAnswer(200, body, p.headers);
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/actions/runs/(\\d+)/jobs$`),
    permission: 'actions',
    handle(m, q, ctx) {
      const repo = repoFrom(m, ctx);
      const run = repo && runIn(repo, m[3], ctx);
      if (!repo || !run) return notFound(`${DOCS}/actions/workflow-jobs#list-jobs-for-a-workflow-run`);
      const jobs = q.get('filter') === 'all' ? run.jobs : run.jobs.filter((j) => j.attempt === run.attempt);
      const p = page(jobs, q, ctx);
      const body: { total_count: number; jobs: S['job'][] } = {
        total_count: jobs.length,
        jobs: p.items.map((j) => jobJson(ctx.api, j, run, repo)),
      };
      return new HttpAnswer(200, body, p.headers);
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/actions/jobs/(\\d+)/logs$`),
    permission: 'actions',
    handle(m, _q, ctx) {
      const doc = `${DOCS}/actions/workflow-jobs#download-job-logs-for-a-workflow-run`;
      const repo = repoFrom(m, ctx);
      const id = Number(m[3]);
      const run =
        repo &&
        [...ctx.state.runs.values()].find(
          (r) => sameRepo(r.repo, `${repo.owner}/${repo.name}`) && r.jobs.some((j) => j.id === id),
        );
      const job = run?.jobs.find((j) => j.id === id);
      if (!job || job.log === undefined || job.status !== 'completed') return notFound(doc);
      const notReady = ctx.state.logNotReady.get(id) ?? 0;
      if (notReady > 0) {
        ctx.state.logNotReady.set(id, notReady - 1);
        return notFound(doc);
      }
      const token = randomBytes(12).toString('hex');
      ctx.blobs.set(token, job.log);
      ctx.blobJobs?.set(token, job.id);
      return new HttpAnswer(302, '', { location: `${ctx.api}/_blobs/${token}` });
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/actions/workflows/([^/]+)/runs$`),
    permission: 'actions',
    handle(m, q, ctx) {
      const repo = repoFrom(m, ctx);
      if (!repo) return notFound(`${DOCS}/actions/workflow-runs#list-workflow-runs-for-a-workflow`);
      const wf = decodeURIComponent(m[3] ?? '');
      const all = [...ctx.state.runs.values()].filter(
        (r) =>
          sameRepo(r.repo, `${repo.owner}/${repo.name}`) &&
          (String(r.workflowId) === wf || r.path.endsWith(`/${wf}`)),
      );
      if (all.length === 0 && !/^\d+$/.test(wf))
        return notFound(`${DOCS}/actions/workflow-runs#list-workflow-runs-for-a-workflow`);
      const branch = q.get('branch');
      const event = q.get('event');
      const status = q.get('status');
      const headSha = q.get('head_sha');
      const runs = all
        .filter((r) => !branch || r.headBranch === branch)
        .filter((r) => !event || r.event === event)
        .filter((r) => !headSha || r.headSha === headSha)
        .filter((r) => !status || r.status === status || r.conclusion === status)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
      const p = page(runs, q, ctx);
      const withPulls = q.get('exclude_pull_requests') === 'true' ? [] : ctx.state.pulls;
      const body: { total_count: number; workflow_runs: S['workflow-run'][] } = {
        total_count: runs.length,
        workflow_runs: p.items.map((r) => workflowRun(ctx.api, r, repo, withPulls, (n) => ctx.state.repo(n))),
      };
      return new HttpAnswer(200, body, p.headers);
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/commits/([^/]+)/pulls$`),
    permission: 'pull-requests',
    handle(m, q, ctx) {
      const repo = repoFrom(m, ctx);
      if (!repo) return notFound();
      const full = `${repo.owner}/${repo.name}`;
      const ref = m[3] ?? '';
      const pulls = ctx.state.pulls.filter(
        (p) => sameRepo(p.repo, full) && (p.headSha === ref || p.commits.includes(ref)),
      );
      const p = page(pulls, q, ctx);
      const body: S['pull-request-simple'][] = p.items.map((pr) =>
        pullRequestSimple(ctx.api, pr, repo, (n) => ctx.state.repo(n)),
      );
      return new HttpAnswer(200, body, p.headers);
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/commits/([^/]+)$`),
    permission: 'contents',
    handle(m, q, ctx) {
      const repo = repoFrom(m, ctx);
      const full = repo ? `${repo.owner}/${repo.name}` : '';
      const c = ctx.state.commits.find((x) => sameRepo(x.repo, full) && x.sha === m[3]);
      if (!repo || !c) {
        return new HttpAnswer(422, {
          message: `No commit found for SHA: ${m[3]}`,
          documentation_url: `${DOCS}/commits/commits#get-a-commit`,
          status: '422',
        });
      }
      // Files come 300 to a page at most, paginated by per_page/page.
      const perPage = Math.min(300, Number(q.get('per_page') ?? '300') || 300);
      const pageNo = Math.max(1, Number(q.get('page') ?? '1') || 1);
      const files = c.files
        .slice((pageNo - 1) * perPage, pageNo * perPage)
        .map((f) => diffEntry(ctx.api, full, c.sha, f));
      return new HttpAnswer(200, commitJson(ctx.api, c, repo, files));
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/contents/(.+)$`),
    permission: 'contents',
    handle(m, q, ctx) {
      const repo = repoFrom(m, ctx);
      const doc = `${DOCS}/repos/contents#get-repository-content`;
      if (!repo) return notFound(doc);
      const full = `${repo.owner}/${repo.name}`;
      const ref = q.get('ref') ?? repo.defaultBranch;
      const path = decodeURIComponent(m[3] ?? '');
      const text = ctx.state.file(full, ref, path);
      if (text === undefined) return notFound(doc);
      return new HttpAnswer(200, contentFile(ctx.api, full, ref, path, text));
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/pulls/(\\d+)$`),
    permission: 'pull-requests',
    handle(m, _q, ctx) {
      const repo = repoFrom(m, ctx);
      const pr =
        repo &&
        ctx.state.pulls.find(
          (p) => sameRepo(p.repo, `${repo.owner}/${repo.name}`) && p.number === Number(m[3]),
        );
      if (!repo || !pr) return notFound(`${DOCS}/pulls/pulls#get-a-pull-request`);
      return new HttpAnswer(
        200,
        pullRequest(ctx.api, pr, repo, (n) => ctx.state.repo(n)),
      );
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/pulls/(\\d+)/files$`),
    permission: 'pull-requests',
    handle(m, q, ctx) {
      const repo = repoFrom(m, ctx);
      const pr =
        repo &&
        ctx.state.pulls.find(
          (p) => sameRepo(p.repo, `${repo.owner}/${repo.name}`) && p.number === Number(m[3]),
        );
      if (!repo || !pr) return notFound(`${DOCS}/pulls/pulls#list-pull-requests-files`);
      const files = pr.files.slice(0, 3000);
      const p = page(files, q, ctx);
      const body: S['diff-entry'][] = p.items.map((f) =>
        diffEntry(ctx.api, `${repo.owner}/${repo.name}`, pr.headSha, f),
      );
      return new HttpAnswer(200, body, p.headers);
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/issues/(\\d+)/comments$`),
    handle(m, q, ctx) {
      const repo = repoFrom(m, ctx);
      if (!repo) return notFound(`${DOCS}/issues/comments#list-issue-comments`);
      const full = `${repo.owner}/${repo.name}`;
      const number = Number(m[3]);
      const isPull = ctx.state.pulls.some((p) => sameRepo(p.repo, full) && p.number === number);
      const isIssue = ctx.state.issues.some((i) => sameRepo(i.repo, full) && i.number === number);
      if (!isPull && !isIssue) return notFound(`${DOCS}/issues/comments#list-issue-comments`);
      if (ctx.state.deniedPermissions.has(issuePermission(ctx, full, number))) return denied();
      const all = ctx.state.commentsOn(full, number).sort((a, b) => a.id - b.id);
      const p = page(all, q, ctx);
      return new HttpAnswer(
        200,
        p.items.map((c) => commentJson(ctx.api, c, full, isPull)),
        p.headers,
      );
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`${R}/issues/(\\d+)/comments$`),
    handle(m, _q, ctx, body) {
      const repo = repoFrom(m, ctx);
      if (!repo) return notFound(`${DOCS}/issues/comments#create-an-issue-comment`);
      const full = `${repo.owner}/${repo.name}`;
      const number = Number(m[3]);
      const isPull = ctx.state.pulls.some((p) => sameRepo(p.repo, full) && p.number === number);
      const isIssue = ctx.state.issues.some((i) => sameRepo(i.repo, full) && i.number === number);
      if (!isPull && !isIssue) return notFound(`${DOCS}/issues/comments#create-an-issue-comment`);
      if (ctx.state.deniedPermissions.has(issuePermission(ctx, full, number))) return denied();
      const text = textField(body, 'body');
      if (text === undefined || text === '') return unprocessable('body is missing', 'body', 'missing_field');
      if (text.length > 65536)
        return unprocessable('Body is too long (maximum is 65536 characters)', 'body', 'custom');
      const c = ctx.state.addComment({ repo: full, issueNumber: number, body: text, user: ctx.state.writer });
      return new HttpAnswer(201, commentJson(ctx.api, c, full, isPull));
    },
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`${R}/issues/comments/(\\d+)$`),
    handle(m, _q, ctx, body) {
      const repo = repoFrom(m, ctx);
      const full = repo ? `${repo.owner}/${repo.name}` : '';
      const c = ctx.state.comments.find((x) => sameRepo(x.repo, full) && x.id === Number(m[3]));
      if (!repo || !c) return notFound(`${DOCS}/issues/comments#update-an-issue-comment`);
      if (ctx.state.deniedPermissions.has(issuePermission(ctx, full, c.issueNumber))) return denied();
      const text = textField(body, 'body');
      if (text === undefined || text === '') return unprocessable('body is missing', 'body', 'missing_field');
      if (text.length > 65536)
        return unprocessable('Body is too long (maximum is 65536 characters)', 'body', 'custom');
      c.body = text;
      c.updatedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      const isPull = ctx.state.pulls.some((p) => sameRepo(p.repo, full) && p.number === c.issueNumber);
      return new HttpAnswer(200, commentJson(ctx.api, c, full, isPull));
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`${R}/issues/comments/(\\d+)$`),
    handle(m, _q, ctx) {
      const repo = repoFrom(m, ctx);
      const full = repo ? `${repo.owner}/${repo.name}` : '';
      const c = ctx.state.comments.find((x) => sameRepo(x.repo, full) && x.id === Number(m[3]));
      if (!repo || !c) return notFound(`${DOCS}/issues/comments#delete-an-issue-comment`);
      if (ctx.state.deniedPermissions.has(issuePermission(ctx, full, c.issueNumber))) return denied();
      // Only the author (or a maintainer, which a token is not here) may delete a comment.
      if (c.user !== ctx.state.writer) return denied();
      ctx.state.comments = ctx.state.comments.filter((x) => x !== c);
      return new HttpAnswer(204, '');
    },
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`${R}/issues/(\\d+)$`),
    permission: 'issues',
    handle(m, _q, ctx, body) {
      const repo = repoFrom(m, ctx);
      const full = repo ? `${repo.owner}/${repo.name}` : '';
      const issue = ctx.state.issues.find((i) => sameRepo(i.repo, full) && i.number === Number(m[3]));
      const doc = `${DOCS}/issues/issues#update-an-issue`;
      if (!repo || !issue) return notFound(doc);
      const b = (body ?? {}) as {
        state?: unknown;
        state_reason?: unknown;
        duplicate_issue_id?: unknown;
        title?: unknown;
        body?: unknown;
      };
      if (b.state !== undefined && b.state !== 'open' && b.state !== 'closed')
        return unprocessable('state is not included in the list', 'state', 'invalid');
      const reasons = ['completed', 'not_planned', 'duplicate', 'reopened', null];
      if (b.state_reason !== undefined && !reasons.includes(b.state_reason as string | null))
        return unprocessable('state_reason is not included in the list', 'state_reason', 'invalid');
      if (b.state_reason === 'duplicate') {
        const of = ctx.state.issues.find((i) => i.id === b.duplicate_issue_id && sameRepo(i.repo, full));
        if (!of)
          return unprocessable(
            'duplicate_issue_id must be an existing issue',
            'duplicate_issue_id',
            'invalid',
          );
        issue.duplicateOf = of.id;
      }
      if (typeof b.title === 'string') issue.title = b.title;
      if (typeof b.body === 'string') issue.body = b.body;
      if (b.state === 'open' || b.state === 'closed') {
        issue.state = b.state;
        issue.stateReason = b.state === 'closed' ? ((b.state_reason as string | null) ?? 'completed') : null;
      }
      return new HttpAnswer(200, issueJson(ctx.api, issue, full));
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/issues$`),
    permission: 'issues',
    handle(m, q, ctx) {
      const repo = repoFrom(m, ctx);
      if (!repo) return notFound(`${DOCS}/issues/issues#list-repository-issues`);
      const full = `${repo.owner}/${repo.name}`;
      const labels = (q.get('labels') ?? '')
        .split(',')
        .map((l) => l.trim())
        .filter((l) => l !== '');
      const state = q.get('state') ?? 'open';
      const since = q.get('since');
      // Pull requests are issues too in this list; the fake keeps them apart, so only issues come back.
      const issues = ctx.state.issues
        .filter((i) => sameRepo(i.repo, full))
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => labels.every((l) => i.labels.includes(l)))
        .filter((i) => !since || i.createdAt >= since.replace(/\.\d{3}Z$/, 'Z'))
        .sort((a, b) => b.number - a.number);
      const p = page(issues, q, ctx);
      return new HttpAnswer(
        200,
        p.items.map((i) => issueJson(ctx.api, i, full)),
        p.headers,
      );
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`${R}/issues$`),
    permission: 'issues',
    handle(m, _q, ctx, body) {
      const repo = repoFrom(m, ctx);
      if (!repo) return notFound(`${DOCS}/issues/issues#create-an-issue`);
      const full = `${repo.owner}/${repo.name}`;
      const title = textField(body, 'title');
      if (!title) return unprocessable('title is missing', 'title', 'missing_field');
      if (title.length > 256)
        return unprocessable('title is too long (maximum is 256 characters)', 'title', 'custom');
      const text = textField(body, 'body') ?? '';
      if (text.length > 65536)
        return unprocessable('body is too long (maximum is 65536 characters)', 'body', 'custom');
      const raw = (body as { labels?: unknown }).labels;
      const labels = Array.isArray(raw) ? raw.filter((l): l is string => typeof l === 'string') : [];
      if (labels.some((l) => l.length > 50))
        return unprocessable('name is too long (maximum is 50 characters)', 'labels', 'custom');
      const issue = ctx.state.addIssue({ repo: full, title, body: text, labels, user: ctx.state.writer });
      return new HttpAnswer(201, issueJson(ctx.api, issue, full));
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/actions/artifacts$`),
    permission: 'actions',
    handle(m, q, ctx) {
      const repo = repoFrom(m, ctx);
      if (!repo) return notFound(`${DOCS}/actions/artifacts#list-artifacts-for-a-repository`);
      const name = q.get('name');
      const all = artifactsIn(ctx.state, repo).filter((a) => !name || a.name === name);
      const p = page(all, q, ctx);
      const body: { total_count: number; artifacts: S['artifact'][] } = {
        total_count: all.length,
        artifacts: p.items.map((a) => artifactJson(ctx.api, a, repo, ctx.state.runs.get(a.runId))),
      };
      return new HttpAnswer(200, body, p.headers);
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/actions/runs/(\\d+)/artifacts$`),
    permission: 'actions',
    handle(m, q, ctx) {
      const repo = repoFrom(m, ctx);
      const run = repo && runIn(repo, m[3], ctx);
      if (!repo || !run) return notFound(`${DOCS}/actions/artifacts#list-workflow-run-artifacts`);
      const name = q.get('name');
      const all = artifactsIn(ctx.state, repo).filter(
        (a) => a.runId === run.id && (!name || a.name === name),
      );
      const p = page(all, q, ctx);
      const body: { total_count: number; artifacts: S['artifact'][] } = {
        total_count: all.length,
        artifacts: p.items.map((a) => artifactJson(ctx.api, a, repo, run)),
      };
      return new HttpAnswer(200, body, p.headers);
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/actions/artifacts/(\\d+)$`),
    permission: 'actions',
    handle(m, _q, ctx) {
      const repo = repoFrom(m, ctx);
      const a = repo && artifactsIn(ctx.state, repo).find((x) => x.id === Number(m[3]));
      if (!repo || !a) return notFound(`${DOCS}/actions/artifacts#get-an-artifact`);
      return new HttpAnswer(200, artifactJson(ctx.api, a, repo, ctx.state.runs.get(a.runId)));
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/actions/artifacts/(\\d+)/([^/]+)$`),
    permission: 'actions',
    handle(m, _q, ctx) {
      const doc = `${DOCS}/actions/artifacts#download-an-artifact`;
      const repo = repoFrom(m, ctx);
      const a = repo && artifactsIn(ctx.state, repo).find((x) => x.id === Number(m[3]));
      if (!repo || !a || m[4] !== 'zip') return notFound(doc);
      if (isExpired(a)) {
        return new HttpAnswer(410, {
          message: 'Artifact has expired',
          documentation_url: doc,
          status: '410',
        });
      }
      // As GitHub does: a signed blob URL valid for one minute, naming the file to save it as.
      const url = new URL(ctx.sign(a.blobPath, 'r', 60_000));
      url.searchParams.set('rscd', `attachment; filename="${a.name}.zip"`);
      return new HttpAnswer(302, '', { location: url.toString() });
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`${R}/actions/artifacts/(\\d+)$`),
    permission: 'actions',
    handle(m, _q, ctx) {
      const repo = repoFrom(m, ctx);
      const a = repo && artifactsIn(ctx.state, repo).find((x) => x.id === Number(m[3]));
      if (!repo || !a) return notFound(`${DOCS}/actions/artifacts#delete-an-artifact`);
      ctx.state.artifacts = ctx.state.artifacts.filter((x) => x !== a);
      ctx.state.storage.delete(a.blobPath);
      return new HttpAnswer(204, '');
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`${R}/actions/runs/(\\d+)/rerun-failed-jobs$`),
    permission: 'actions',
    handle(m, _q, ctx) {
      const doc = `${DOCS}/actions/workflow-runs#re-run-failed-jobs-from-a-workflow-run`;
      const repo = repoFrom(m, ctx);
      const run = repo && runIn(repo, m[3], ctx);
      if (!repo || !run) return notFound(doc);
      if (run.status !== 'completed') {
        return new HttpAnswer(403, {
          message: 'This workflow is already running',
          documentation_url: doc,
          status: '403',
        });
      }
      const failed = run.jobs.filter(
        (j) =>
          j.attempt === run.attempt &&
          (j.conclusion === 'failure' || j.conclusion === 'timed_out' || j.conclusion === 'cancelled'),
      );
      if (failed.length === 0) {
        // The fake's wording: a run with nothing to re-run is refused.
        return new HttpAnswer(422, {
          message: 'No failed jobs to re-run',
          documentation_url: doc,
          status: '422',
        });
      }
      const attempt = run.attempt + 1;
      const now = isoSeconds(new Date());
      run.attempt = attempt;
      run.status = 'queued';
      run.conclusion = null;
      const jobIds: number[] = [];
      for (const j of failed) {
        const copy: FakeJob = {
          id: ctx.state.id(),
          runId: run.id,
          attempt,
          name: j.name,
          status: 'queued',
          conclusion: null,
          steps: [],
          runnerName: null,
          startedAt: now,
          completedAt: null,
        };
        run.jobs.push(copy);
        jobIds.push(copy.id);
      }
      ctx.state.reruns.push({ runId: run.id, attempt, jobIds, at: now });
      return new HttpAnswer(201, {});
    },
  },
];
