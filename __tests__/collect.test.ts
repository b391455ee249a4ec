/**
 * collect/ against a local fake of the GitHub REST API (helpers/fake-github.ts), through the real Octokit with
 * the retry and throttling plugins: pagination, job selection, log redirects and streaming, 404 retries, rate
 * limits, permission errors, the baseline search and the change context.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubClient, describeHttpError, fetchOf, type GitHubClient } from '../src/collect/github.js';
import { createLogSource } from '../src/collect/logs.js';
import { collectRun } from '../src/collect/run.js';
import { LogUnavailableError, type CollectedJob, type RunInfo } from '../src/collect/types.js';
import type { ByteSource } from '../src/pipeline/analyze-log.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';

const REPO = 'acme/widgets';
const ref = (runId: number, attempt?: number) => ({
  owner: 'acme',
  repo: 'widgets',
  runId,
  ...(attempt !== undefined ? { attempt } : {}),
});

let gh: FakeGitHub;
let octokit: GitHubClient;
let warnings: string[];

function client(token = 'ghs_test'): GitHubClient {
  return createGitHubClient({
    token,
    baseUrl: gh.baseUrl,
    userAgent: 'ci-triage-test',
    log: { debug: () => undefined, warn: (m) => warnings.push(m) },
  });
}

beforeEach(async () => {
  gh = await startFakeGitHub();
  gh.state.addRepo(REPO);
  warnings = [];
  octokit = client();
});

afterEach(async () => {
  await gh.close();
});

async function bytesOf(source: ByteSource): Promise<{ bytes: Buffer; chunks: number }> {
  const parts: Buffer[] = [];
  for await (const chunk of source) parts.push(Buffer.from(chunk));
  return { bytes: Buffer.concat(parts), chunks: parts.length };
}

async function sizeOf(source: ByteSource): Promise<{ size: number; chunks: number }> {
  let size = 0;
  let chunks = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    chunks++;
  }
  return { size, chunks };
}

const fast = { notFoundRetries: 3, retryDelayMs: 1, baseline: true, debug: () => undefined };

describe('collectRun: jobs', () => {
  it.each([
    [150, 2],
    [250, 3],
  ])('lists all %i jobs of the attempt over %i pages of Link headers', async (count, pages) => {
    const run = gh.state.addMatrixRun({ repo: REPO }, { count, failed: [3, count - 1] });
    const collected = await collectRun(octokit, ref(run.id), { mode: 'companion' });
    expect(collected.jobs).toHaveLength(count);
    expect(new Set(collected.jobs.map((j) => j.id)).size).toBe(count);
    expect(collected.failed.map((j) => j.name)).toEqual(['test (3)', `test (${count - 1})`]);
    const jobRequests = gh.requestsTo(/\/actions\/runs\/\d+\/attempts\/1\/jobs$/);
    expect(jobRequests).toHaveLength(pages);
    expect(jobRequests[0]?.query.per_page).toBe('100');
    // Later pages follow the Link header, which GitHub writes with /repositories/{id}/… URLs.
    expect(jobRequests[1]?.url).toMatch(
      /^\/repositories\/\d+\/actions\/runs\/\d+\/attempts\/1\/jobs\?.*page=2/,
    );
  });

  it('reads the run: workflow path, branch, sha, event, default branch (from the repository)', async () => {
    const run = gh.state.addRun({ repo: REPO, headBranch: 'feature/x', event: 'pull_request', attempt: 2 });
    gh.state.repo(REPO)!.defaultBranch = 'trunk';
    gh.state.addJob(run, { name: 'build', conclusion: 'failure' });
    const collected = await collectRun(octokit, ref(run.id), { mode: 'companion' });
    expect(collected.run).toMatchObject({
      owner: 'acme',
      repo: 'widgets',
      id: run.id,
      attempt: 2,
      name: 'CI',
      workflowId: run.workflowId,
      workflowPath: '.github/workflows/ci.yml',
      event: 'pull_request',
      headBranch: 'feature/x',
      headSha: run.headSha,
      conclusion: 'failure',
      defaultBranch: 'trunk',
      actor: 'octocat',
    });
    expect(collected.run.htmlUrl).toBe(`https://github.com/acme/widgets/actions/runs/${run.id}`);
    expect(collected.failed[0]?.steps.map((s) => s.name)).toEqual(['Set up job', 'Run tests']);
    expect(gh.requestsTo(/\/attempts\/2\/jobs$/)).toHaveLength(1);
  });

  it('reads the attempt asked for, not the latest', async () => {
    const run = gh.state.addRun({ repo: REPO, attempt: 1 });
    gh.state.addJob(run, { name: 'flaky', conclusion: 'failure' });
    run.attempt = 2;
    gh.state.addJob(run, { name: 'flaky', conclusion: 'success' });
    const first = await collectRun(octokit, ref(run.id, 1), { mode: 'companion' });
    expect(first.run.attempt).toBe(1);
    expect(first.failed.map((j) => j.name)).toEqual(['flaky']);
    const latest = await collectRun(octokit, ref(run.id), { mode: 'companion' });
    expect(latest.run.attempt).toBe(2);
    expect(latest.failed).toEqual([]);
  });

  it('leaves out the triage job by name, or as the job running on this runner', async () => {
    const run = gh.state.addRun({ repo: REPO, status: 'in_progress', conclusion: null });
    gh.state.addJob(run, { name: 'build', conclusion: 'failure' });
    gh.state.addJob(run, { name: 'triage', status: 'in_progress', conclusion: null, runnerName: 'runner-7' });
    gh.state.addJob(run, {
      name: 'Triage failures',
      status: 'in_progress',
      conclusion: null,
      runnerName: 'runner-9',
    });
    gh.state.addJob(run, { name: 'deploy', status: 'queued', conclusion: null, runnerName: null });
    const collected = await collectRun(octokit, ref(run.id), {
      mode: 'in-run',
      selfJobName: 'triage',
      selfRunnerName: 'runner-9',
    });
    expect(collected.failed.map((j) => j.name)).toEqual(['build']);
    expect(collected.listedOnly.map((l) => [l.job.name, l.reason])).toEqual([
      ['triage', 'the triage job itself'],
      ['Triage failures', 'the triage job itself'],
      ['deploy', 'still running (queued)'],
    ]);
  });

  it('lists fail-fast cancelled jobs without analysing them', async () => {
    const run = gh.state.addMatrixRun({ repo: REPO }, { count: 6, failed: [1], cancelled: [2, 3, 4] });
    const collected = await collectRun(octokit, ref(run.id), { mode: 'companion' });
    expect(collected.failed.map((j) => j.name)).toEqual(['test (1)']);
    expect(collected.listedOnly.map((l) => l.job.name)).toEqual(['test (2)', 'test (3)', 'test (4)']);
    expect(collected.listedOnly[0]?.reason).toMatch(/cancelled.*fail-fast/);
  });

  it('analyses cancelled jobs when nothing else failed', async () => {
    const run = gh.state.addMatrixRun(
      { repo: REPO, conclusion: 'cancelled' },
      { count: 4, cancelled: [0, 2] },
    );
    const collected = await collectRun(octokit, ref(run.id), { mode: 'companion' });
    expect(collected.failed.map((j) => j.name)).toEqual(['test (0)', 'test (2)']);
    expect(collected.listedOnly).toEqual([]);
  });

  it('analyses timed-out jobs', async () => {
    const run = gh.state.addMatrixRun({ repo: REPO }, { count: 3, timedOut: [2] });
    const collected = await collectRun(octokit, ref(run.id), { mode: 'companion' });
    expect(collected.failed.map((j) => [j.name, j.conclusion])).toEqual([['test (2)', 'timed_out']]);
  });

  it('caps the jobs analysed; the failed ones beyond the cap stay failed jobs, not listed-only ones', async () => {
    const run = gh.state.addMatrixRun({ repo: REPO }, { count: 10, failed: [0, 1, 2, 3, 4] });
    const collected = await collectRun(octokit, ref(run.id), { mode: 'companion', maxJobs: 2 });
    expect(collected.failed.map((j) => j.name)).toEqual(['test (0)', 'test (1)']);
    expect(collected.overLimit.map((j) => j.name)).toEqual(['test (2)', 'test (3)', 'test (4)']);
    expect(collected.listedOnly).toEqual([]);
    expect(collected.jobs).toHaveLength(10);
  });

  it('collects a job with no steps', async () => {
    const run = gh.state.addRun({ repo: REPO });
    gh.state.addJob(run, { name: 'never started', conclusion: 'failure', steps: [], log: undefined });
    const collected = await collectRun(octokit, ref(run.id), { mode: 'companion' });
    expect(collected.failed[0]?.steps).toEqual([]);
  });
});

describe('collectRun: errors', () => {
  it('retries a secondary rate limit after retry-after and succeeds', async () => {
    const run = gh.state.addRun({ repo: REPO });
    gh.state.addJob(run, { name: 'build', conclusion: 'failure' });
    const path = `/repos/acme/widgets/actions/runs/${run.id}`;
    gh.state.rateLimitFirst.set(path, { times: 1, kind: 'secondary', retryAfter: 1 });
    const started = Date.now();
    const collected = await collectRun(octokit, ref(run.id), { mode: 'companion' });
    expect(collected.failed).toHaveLength(1);
    expect(gh.requests.filter((r) => r.path === path)).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(warnings.join('\n')).toMatch(/secondary rate limit.*retrying in 1 s/);
  });

  it('gives up after two rate-limit retries with a clear error', async () => {
    const run = gh.state.addRun({ repo: REPO });
    const path = `/repos/acme/widgets/actions/runs/${run.id}`;
    gh.state.rateLimitFirst.set(path, { times: 5, kind: 'secondary', retryAfter: 1 });
    await expect(collectRun(octokit, ref(run.id), { mode: 'companion' })).rejects.toThrow(
      /secondary rate limit stopped reading run \d+ .*Retries were exhausted/,
    );
    expect(gh.requests.filter((r) => r.path === path)).toHaveLength(3);
  });

  it('does not wait for a primary limit that resets later than the cap', async () => {
    const run = gh.state.addRun({ repo: REPO });
    const path = `/repos/acme/widgets/actions/runs/${run.id}`;
    gh.state.rateLimitFirst.set(path, { times: 1, kind: 'primary', retryAfter: 3600 });
    await expect(collectRun(octokit, ref(run.id), { mode: 'companion' })).rejects.toThrow(
      /rate limit stopped reading run \d+ .*The limit resets at/,
    );
    expect(gh.requests.filter((r) => r.path === path)).toHaveLength(1);
  });

  it.each([
    ['no body', 'empty'],
    ['an HTML body', 'html'],
    ['a body cut off', 'cut'],
    ['a JSON body', 'json'],
  ] as const)('retries a 429 with retry-after and %s, after the time it asks', async (_what, body) => {
    const run = gh.state.addRun({ repo: REPO });
    gh.state.addJob(run, { name: 'build', conclusion: 'failure' });
    const path = `/repos/acme/widgets/actions/runs/${run.id}`;
    gh.state.faults.set(path, [{ times: 1, status: 429, retryAfter: 1, body }]);
    const started = Date.now();
    const collected = await collectRun(octokit, ref(run.id), { mode: 'companion' });
    expect(collected.failed).toHaveLength(1);
    expect(gh.requests.filter((r) => r.path === path)).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(warnings.join('\n')).toMatch(/rate limit on GET .*\(429, retry-after: 1\): retrying in 1 s/);
  });

  it('retries a 403 with retry-after whatever its message (a proxy page)', async () => {
    const run = gh.state.addRun({ repo: REPO });
    const path = `/repos/acme/widgets/actions/runs/${run.id}`;
    gh.state.faults.set(path, [{ times: 1, status: 403, retryAfter: 1, body: 'html' }]);
    await collectRun(octokit, ref(run.id), { mode: 'companion' });
    expect(gh.requests.filter((r) => r.path === path)).toHaveLength(2);
  });

  it('gives up at once on a 429 asking for more than the cap, and says so', async () => {
    const run = gh.state.addRun({ repo: REPO });
    const path = `/repos/acme/widgets/actions/runs/${run.id}`;
    gh.state.faults.set(path, [{ times: 1, status: 429, retryAfter: 3600, body: 'empty' }]);
    const error = await collectRun(octokit, ref(run.id), { mode: 'companion' }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /rate limit stopped reading run \d+ \(429: no message\)\. ci-triage gave up: GitHub asks to wait 3600 s, more than the 60 s ci-triage waits/,
    );
    expect(gh.requests.filter((r) => r.path === path)).toHaveLength(1);
  });

  it('gives up on a 429 after the retries, and says how many', async () => {
    const run = gh.state.addRun({ repo: REPO });
    const path = `/repos/acme/widgets/actions/runs/${run.id}`;
    gh.state.faults.set(path, [{ times: Infinity, status: 429, retryAfter: 0, body: 'empty' }]);
    const error = await collectRun(octokit, ref(run.id), { mode: 'companion' }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/still limited after 2 retries, the most ci-triage makes/);
    expect(gh.requests.filter((r) => r.path === path)).toHaveLength(3);
  });

  it('retries a 502 twice, then says what GitHub answered each time', async () => {
    const run = gh.state.addRun({ repo: REPO });
    const path = `/repos/acme/widgets/actions/runs/${run.id}`;
    gh.state.faults.set(path, [{ times: Infinity, status: 502, body: 'html' }]);
    const fast = createGitHubClient({
      token: 'ghs_test',
      baseUrl: gh.baseUrl,
      serverErrorDelayMs: 10,
      log: { debug: () => undefined, warn: (m) => warnings.push(m) },
    });
    const error = await collectRun(fast, ref(run.id), { mode: 'companion' }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /The GitHub API failed while reading run \d+ \(502: Unicorn! GitHub No server is currently available to service your request\.\)\. It answered 502 three times\./,
    );
    expect(gh.requests.filter((r) => r.path === path)).toHaveLength(3);
  });

  it('reads the next page again when its JSON is cut off before content-length', async () => {
    const run = gh.state.addMatrixRun({ repo: REPO }, { count: 150, failed: [120] });
    gh.state.faults.set(`/repos/acme/widgets/actions/runs/${run.id}/attempts/1/jobs?page=2`, [{ times: 1 }]);
    const fast = createGitHubClient({ token: 'ghs_test', baseUrl: gh.baseUrl, serverErrorDelayMs: 10 });
    const collected = await collectRun(fast, ref(run.id), { mode: 'companion' });
    expect(collected.jobs).toHaveLength(150);
    expect(collected.failed.map((j) => j.name)).toEqual(['test (120)']);
    const pages = gh.requestsTo(/\/attempts\/1\/jobs$/).map((r) => r.query.page ?? '1');
    expect(pages).toEqual(['1', '2', '2']);
  });

  it('names the missing actions: read permission and the block to add', async () => {
    const run = gh.state.addRun({ repo: REPO });
    gh.state.deniedPermissions.add('actions');
    const error = await collectRun(octokit, ref(run.id), { mode: 'in-run' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(`ci-triage needs the "actions: read" permission to read run ${run.id}.`);
    expect(message).toContain('Add to the workflow:\n  permissions:\n    actions: read\n    contents: read');
  });

  it('says when the run does not exist', async () => {
    await expect(collectRun(octokit, ref(999), { mode: 'cli' })).rejects.toThrow(
      'run 999 not found in acme/widgets (or the token cannot see it)',
    );
  });

  it('names the github-token input on bad credentials', async () => {
    const run = gh.state.addRun({ repo: REPO });
    gh.state.tokens = new Set(['ghs_good']);
    await expect(collectRun(client('ghs_bad'), ref(run.id), { mode: 'cli' })).rejects.toThrow(
      /401 Bad credentials.*"github-token" input/,
    );
  });

  it('goes on without a pull request when pull-requests: read is missing', async () => {
    const run = gh.state.addRun({ repo: REPO, event: 'pull_request', headBranch: 'feature' });
    gh.state.addJob(run, { name: 'build', conclusion: 'failure' });
    gh.state.addPull({ repo: REPO, number: 7, headSha: run.headSha });
    gh.state.addCommit({ repo: REPO, sha: run.headSha, files: ['src/a.ts'] });
    gh.state.deniedPermissions.add('pull-requests');
    const collected = await collectRun(octokit, ref(run.id), { mode: 'companion' });
    expect(collected.change.pullRequest).toBeUndefined();
    expect(collected.change.changedFiles).toEqual(['src/a.ts']);
    expect(collected.notes?.join('\n')).toMatch(/"pull-requests: read"/);
  });
});

describe('describeHttpError', () => {
  const err = (status: number, message: string, url: string) => ({
    status,
    message,
    request: { method: 'GET', url },
    response: { headers: {}, data: { message } },
  });

  it('names the permission that matches the endpoint', () => {
    const api = 'https://api.github.com/repos/o/r';
    expect(
      describeHttpError(
        err(403, 'Resource not accessible by integration', `${api}/pulls/3`),
        'pull request #3',
      ),
    ).toContain('"pull-requests: read"');
    expect(
      describeHttpError(
        err(403, 'Resource not accessible by integration', `${api}/commits/abc`),
        'commit abc',
      ),
    ).toContain('"contents: read"');
    expect(describeHttpError(new Error('socket hang up'), 'run 1')).toBe(
      'Could not read run 1 from the GitHub API: socket hang up',
    );
  });
});

describe('createLogSource: job logs', () => {
  function runInfo(runId: number): RunInfo {
    const run = gh.state.runs.get(runId)!;
    return {
      owner: 'acme',
      repo: 'widgets',
      id: run.id,
      attempt: run.attempt,
      name: run.workflowName,
      workflowId: run.workflowId,
      event: run.event,
      ...(run.headBranch ? { headBranch: run.headBranch } : {}),
      headSha: run.headSha,
      htmlUrl: `https://github.com/acme/widgets/actions/runs/${run.id}`,
      conclusion: run.conclusion,
      defaultBranch: 'main',
    };
  }
  const asJob = (j: { id: number; name: string }): CollectedJob => ({
    id: j.id,
    name: j.name,
    status: 'completed',
    conclusion: 'failure',
    htmlUrl: '',
    steps: [],
  });

  it('follows the redirect and streams the blob, without sending the token there', async () => {
    const text = Array.from({ length: 5000 }, (_, i) => `2024-01-01T00:00:00.0000000Z line ${i} ✓`).join(
      '\n',
    );
    const run = gh.state.addRun({ repo: REPO });
    const job = gh.state.addJob(run, { name: 'build', conclusion: 'failure', log: text });
    const logs = createLogSource(octokit, runInfo(run.id), fast);
    const { bytes } = await bytesOf(await logs.openJobLog(asJob(job)));
    expect(bytes.equals(Buffer.from(text))).toBe(true);
    const [redirect, blob] = gh.requests.slice(-2);
    expect(redirect?.path).toBe(`/repos/acme/widgets/actions/jobs/${job.id}/logs`);
    expect(redirect?.authorization).toBe('token ghs_test');
    expect(blob?.path).toMatch(/^\/_blobs\//);
    expect(blob?.authorization).toBeUndefined();
  });

  it("downloads with the client's proxy-aware fetch, or the one given", async () => {
    expect(fetchOf(octokit)).not.toBe(globalThis.fetch);
    const seen: string[] = [];
    const counting: typeof fetch = (input, init) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    const withFetch = createGitHubClient({ token: 't', baseUrl: gh.baseUrl, fetch: counting });
    const run = gh.state.addRun({ repo: REPO });
    const job = gh.state.addJob(run, { name: 'build', conclusion: 'failure', log: 'hello\n' });
    const logs = createLogSource(withFetch, runInfo(run.id), fast);
    expect((await bytesOf(await logs.openJobLog(asJob(job)))).bytes.toString()).toBe('hello\n');
    expect(seen.map((u) => new URL(u).pathname)).toEqual([
      `/repos/acme/widgets/actions/jobs/${job.id}/logs`,
      expect.stringMatching(/^\/_blobs\//),
    ]);
  });

  it('streams a large log chunk by chunk', async () => {
    const size = 64 * 1024 * 1024 + 123;
    const run = gh.state.addRun({ repo: REPO });
    const job = gh.state.addJob(run, { name: 'huge', conclusion: 'failure', log: { bytes: size } });
    const logs = createLogSource(octokit, runInfo(run.id), fast);
    const { size: got, chunks } = await sizeOf(await logs.openJobLog(asJob(job)));
    expect(got).toBe(size);
    expect(chunks).toBeGreaterThan(100);
  });

  /** A log whose every byte says where it is: a byte read twice or skipped changes the text. */
  const numbered = (lines: number) =>
    Array.from({ length: lines }, (_, i) => `2024-01-01T00:00:00.0000000Z line ${i} of the log`).join('\n') +
    '\n';

  it.each([
    ['honours Range: the rest of the log is asked for', false],
    ['ignores Range: the log comes again and the bytes already read are skipped', true],
  ])('a download cut off mid-body is resumed with a fresh URL; the store %s', async (_what, ignores) => {
    const text = numbered(20_000);
    const run = gh.state.addRun({ repo: REPO });
    const job = gh.state.addJob(run, { name: 'build', conclusion: 'failure', log: text });
    gh.state.blobIgnoresRange = ignores;
    gh.state.logFaults.set(job.id, [
      { kind: 'cut', afterBytes: 300_000 },
      { kind: 'cut', afterBytes: 200_000 },
    ]);
    const logs = createLogSource(octokit, runInfo(run.id), { ...fast, retryDelayMs: 1 });
    const { bytes } = await bytesOf(await logs.openJobLog(asJob(job)));
    expect(bytes.toString()).toBe(text);
    expect(gh.requestsTo(/\/actions\/jobs\/\d+\/logs$/)).toHaveLength(3);
    const blobs = gh.requests.filter((r) => r.path.startsWith('/_blobs/'));
    expect(new Set(blobs.map((b) => b.path)).size).toBe(3);
    expect(blobs.map((b) => b.range)).toEqual([
      undefined,
      'bytes=300000-',
      ignores ? 'bytes=300000-' : 'bytes=500000-',
    ]);
  });

  it('a resumption the blob store refuses once (503 ServerBusy) is tried again from the same byte', async () => {
    const text = numbered(3000);
    const run = gh.state.addRun({ repo: REPO });
    const job = gh.state.addJob(run, { name: 'build', conclusion: 'failure', log: text });
    gh.state.logFaults.set(job.id, [{ kind: 'cut', afterBytes: 4000 }, { kind: 'busy' }]);
    const logs = createLogSource(octokit, runInfo(run.id), { ...fast, retryDelayMs: 1 });
    const { bytes } = await bytesOf(await logs.openJobLog(asJob(job)));
    expect(bytes.toString()).toBe(text);
    const blobs = gh.requests.filter((r) => r.path.startsWith('/_blobs/'));
    expect(blobs.map((b) => b.range)).toEqual([undefined, 'bytes=4000-', 'bytes=4000-']);
  });

  it('a download that stalls is dropped after the idle time and resumed', async () => {
    const text = numbered(5000);
    const run = gh.state.addRun({ repo: REPO });
    const job = gh.state.addJob(run, { name: 'build', conclusion: 'failure', log: text });
    gh.state.logFaults.set(job.id, [{ kind: 'stall', afterBytes: 1000 }]);
    const logs = createLogSource(octokit, runInfo(run.id), { ...fast, retryDelayMs: 1, idleTimeoutMs: 300 });
    const { bytes } = await bytesOf(await logs.openJobLog(asJob(job)));
    expect(bytes.toString()).toBe(text);
    const blobs = gh.requests.filter((r) => r.path.startsWith('/_blobs/'));
    expect(blobs.map((b) => b.range)).toEqual([undefined, 'bytes=1000-']);
  });

  it('a log that keeps breaking off fails with LogUnavailableError saying where and why', async () => {
    const run = gh.state.addRun({ repo: REPO });
    const job = gh.state.addJob(run, { name: 'build', conclusion: 'failure', log: numbered(2000) });
    gh.state.logFaults.set(job.id, [
      { kind: 'cut', afterBytes: 100 },
      { kind: 'cut', afterBytes: 0 },
      { kind: 'cut', afterBytes: 0 },
      { kind: 'cut', afterBytes: 0 },
    ]);
    const logs = createLogSource(octokit, runInfo(run.id), { ...fast, retryDelayMs: 1 });
    const error = await bytesOf(await logs.openJobLog(asJob(job))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LogUnavailableError);
    expect((error as Error).message).toMatch(
      /The log of job "build" \(\d+\) broke off at byte 100 of \d+ \(.+\), 3 resumptions with a fresh URL did not complete it\./,
    );
    expect(gh.requestsTo(/\/actions\/jobs\/\d+\/logs$/)).toHaveLength(4);
  });

  it('retries a log that is not ready yet (404) and then reads it', async () => {
    const run = gh.state.addRun({ repo: REPO });
    const job = gh.state.addJob(run, { name: 'build', conclusion: 'failure', log: 'ready now\n' });
    gh.state.logNotReady.set(job.id, 2);
    const logs = createLogSource(octokit, runInfo(run.id), fast);
    const { bytes } = await bytesOf(await logs.openJobLog(asJob(job)));
    expect(bytes.toString()).toBe('ready now\n');
    expect(gh.requestsTo(/\/actions\/jobs\/\d+\/logs$/)).toHaveLength(3);
  });

  it('gives up with LogUnavailableError when the log never comes', async () => {
    const run = gh.state.addRun({ repo: REPO });
    const job = gh.state.addJob(run, { name: 'build', conclusion: 'failure' });
    gh.state.logNotReady.set(job.id, Infinity);
    const slept: number[] = [];
    const logs = createLogSource(octokit, runInfo(run.id), {
      ...fast,
      retryDelayMs: 10,
      sleep: (ms) => {
        slept.push(ms);
        return Promise.resolve();
      },
    });
    const error = await logs.openJobLog(asJob(job)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LogUnavailableError);
    expect((error as Error).message).toMatch(
      /log of job "build" \(\d+\) is not available \(404 after 4 attempts\)/,
    );
    expect(slept).toEqual([10, 20, 30]);
    expect(gh.requestsTo(/\/actions\/jobs\/\d+\/logs$/)).toHaveLength(4);
  });

  it('reports a missing actions: read permission on the log, not as unavailable', async () => {
    const run = gh.state.addRun({ repo: REPO });
    const job = gh.state.addJob(run, { name: 'build', conclusion: 'failure' });
    gh.state.deniedPermissions.add('actions');
    const logs = createLogSource(octokit, runInfo(run.id), fast);
    await expect(logs.openJobLog(asJob(job))).rejects.toThrow(
      /"actions: read" permission to read the log of job "build"/,
    );
  });

  describe('baseline', () => {
    function setup(opts: {
      branch?: string;
      greenOn?: Array<{ branch: string; log: string; jobConclusion?: 'success' | 'failure' }>;
    }) {
      const runs = (opts.greenOn ?? []).map((g) => {
        const r = gh.state.addRun({ repo: REPO, headBranch: g.branch, conclusion: 'success' });
        gh.state.addJob(r, { name: 'other', conclusion: 'success' });
        gh.state.addJob(r, { name: 'test', conclusion: g.jobConclusion ?? 'success', log: g.log });
        return r;
      });
      const current = gh.state.addRun({ repo: REPO, headBranch: opts.branch ?? 'feature' });
      const job = gh.state.addJob(current, { name: 'test', conclusion: 'failure', log: 'red\n' });
      const other = gh.state.addJob(current, { name: 'other', conclusion: 'failure', log: 'red\n' });
      return { runs, current, job, other };
    }

    it('finds the same job in the last green run of the same branch', async () => {
      const { runs, current, job } = setup({
        greenOn: [
          { branch: 'feature', log: 'older green\n' },
          { branch: 'feature', log: 'green on feature\n' },
          { branch: 'main', log: 'green on main\n' },
        ],
      });
      const logs = createLogSource(octokit, runInfo(current.id), fast);
      const found = await logs.openBaseline(asJob(job));
      expect(found?.ref).toMatchObject({ runId: runs[1]?.id, jobId: runs[1]?.jobs[1]?.id });
      expect(found?.ref.htmlUrl).toMatch(/\/actions\/runs\/\d+\/job\/\d+$/);
      expect((await bytesOf(found!.log)).bytes.toString()).toBe('green on feature\n');
      const search = gh.requestsTo(/\/actions\/workflows\/\d+\/runs$/);
      expect(search[0]?.query).toMatchObject({ branch: 'feature', status: 'success' });
    });

    it('falls back to the default branch', async () => {
      const { current, job } = setup({ greenOn: [{ branch: 'main', log: 'green on main\n' }] });
      const logs = createLogSource(octokit, runInfo(current.id), fast);
      const found = await logs.openBaseline(asJob(job));
      expect((await bytesOf(found!.log)).bytes.toString()).toBe('green on main\n');
      expect(gh.requestsTo(/\/actions\/workflows\/\d+\/runs$/).map((r) => r.query.branch)).toEqual([
        'feature',
        'main',
      ]);
    });

    it('skips a green run whose job of that name did not pass', async () => {
      const { runs, current, job } = setup({
        greenOn: [
          { branch: 'feature', log: 'good\n' },
          { branch: 'feature', log: 'bad\n', jobConclusion: 'failure' },
        ],
      });
      const found = await createLogSource(octokit, runInfo(current.id), fast).openBaseline(asJob(job));
      expect(found?.ref.runId).toBe(runs[0]?.id);
    });

    it('is undefined when there is no green run, and when disabled', async () => {
      const { current, job } = setup({});
      expect(
        await createLogSource(octokit, runInfo(current.id), fast).openBaseline(asJob(job)),
      ).toBeUndefined();
      const before = gh.requests.length;
      const off = createLogSource(octokit, runInfo(current.id), { ...fast, baseline: false });
      expect(await off.openBaseline(asJob(job))).toBeUndefined();
      expect(gh.requests.length).toBe(before);
    });

    it('is undefined, not an error, when the API refuses', async () => {
      const { current, job } = setup({ greenOn: [{ branch: 'feature', log: 'g\n' }] });
      gh.state.deniedPermissions.add('actions');
      const notes: string[] = [];
      const logs = createLogSource(octokit, runInfo(current.id), { ...fast, debug: (m) => notes.push(m) });
      expect(await logs.openBaseline(asJob(job))).toBeUndefined();
      expect(notes.join('\n')).toMatch(/No baseline for job "test"/);
    });

    it('searches the runs once for many failed jobs', async () => {
      const { current, job, other } = setup({ greenOn: [{ branch: 'feature', log: 'g\n' }] });
      const logs = createLogSource(octokit, runInfo(current.id), fast);
      const found = await Promise.all([job, other, job, other].map((j) => logs.openBaseline(asJob(j))));
      expect(found.every((f) => f !== undefined)).toBe(true);
      for (const f of found) await bytesOf(f!.log);
      expect(gh.requestsTo(/\/actions\/workflows\/\d+\/runs$/)).toHaveLength(1);
      expect(gh.requestsTo(/\/actions\/runs\/\d+\/jobs$/)).toHaveLength(1);
    });

    it('stops at the call cap and at the time cap', async () => {
      const { current, job } = setup({
        greenOn: [
          { branch: 'main', log: 'g\n' },
          ...Array.from({ length: 5 }, () => ({
            branch: 'feature',
            log: 'x\n',
            jobConclusion: 'failure' as const,
          })),
        ],
      });
      const capped = createLogSource(octokit, runInfo(current.id), { ...fast, baselineMaxCalls: 3 });
      expect(await capped.openBaseline(asJob(job))).toBeUndefined();
      expect(gh.requests.length).toBe(3);
      gh.state.latencyMs = 200;
      const slow = createLogSource(octokit, runInfo(current.id), { ...fast, baselineTimeoutMs: 100 });
      const started = Date.now();
      expect(await slow.openBaseline(asJob(job))).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(1000);
    });
  });
});

describe('collectRun: change context', () => {
  it('finds the pull request from commits/{sha}/pulls and reads its files over pages', async () => {
    const run = gh.state.addRun({ repo: REPO, event: 'pull_request', headBranch: 'feature-12' });
    gh.state.addJob(run, { name: 'build', conclusion: 'failure' });
    const files = Array.from({ length: 150 }, (_, i) => `src/file-${i}.ts`);
    gh.state.addPull({
      repo: REPO,
      number: 12,
      headSha: run.headSha,
      title: 'Add widgets',
      user: 'dev',
      files,
    });
    const collected = await collectRun(octokit, ref(run.id), { mode: 'companion' });
    expect(collected.change.pullRequest).toEqual({
      number: 12,
      title: 'Add widgets',
      htmlUrl: 'https://github.com/acme/widgets/pull/12',
      headRef: 'feature-12',
      baseRef: 'main',
      author: 'dev',
      fork: false,
    });
    expect(collected.change.changedFiles).toEqual(files);
    expect(gh.requestsTo(/\/pulls\/12\/files$/)).toHaveLength(2);
    expect(collected.change.commit).toMatchObject({
      sha: run.headSha,
      message: 'Fix the thing',
      author: 'Mona Lisa',
    });
    expect(gh.requestsTo(/\/commits\/[0-9a-f]{40}$/)).toHaveLength(0);
  });

  it('reads the pull request the run lists and flags a fork', async () => {
    gh.state.addRepo('outsider/widgets');
    const run = gh.state.addRun({ repo: REPO, event: 'pull_request', pullRequests: [5] });
    gh.state.addPull({
      repo: REPO,
      number: 5,
      headSha: run.headSha,
      headRepo: 'outsider/widgets',
      user: 'outsider',
    });
    const collected = await collectRun(octokit, ref(run.id), { mode: 'companion' });
    expect(collected.change.pullRequest).toMatchObject({ number: 5, fork: true, author: 'outsider' });
    expect(gh.requestsTo(/\/pulls\/5$/)).toHaveLength(1);
    expect(gh.requestsTo(/\/commits\/[^/]+\/pulls$/)).toHaveLength(0);
  });

  it('flags a fork found through commits/{sha}/pulls, and a deleted fork', async () => {
    gh.state.addRepo('outsider/widgets');
    const run = gh.state.addRun({ repo: REPO, event: 'pull_request' });
    gh.state.addPull({ repo: REPO, number: 8, headSha: run.headSha, headRepo: 'outsider/widgets' });
    expect((await collectRun(octokit, ref(run.id), { mode: 'companion' })).change.pullRequest?.fork).toBe(
      true,
    );
    const gone = gh.state.addRun({ repo: REPO, event: 'pull_request' });
    gh.state.addPull({ repo: REPO, number: 9, headSha: gone.headSha, headRepo: null });
    expect((await collectRun(octokit, ref(gone.id), { mode: 'companion' })).change.pullRequest?.fork).toBe(
      true,
    );
  });

  it('caps the changed files of a pull request at 300', async () => {
    const run = gh.state.addRun({ repo: REPO, event: 'pull_request' });
    const files = Array.from({ length: 450 }, (_, i) => `f${i}`);
    gh.state.addPull({ repo: REPO, number: 3, headSha: run.headSha, files });
    const collected = await collectRun(octokit, ref(run.id), { mode: 'companion' });
    expect(collected.change.changedFiles).toEqual(files.slice(0, 300));
    expect(gh.requestsTo(/\/pulls\/3\/files$/)).toHaveLength(3);
  });

  it('takes the changed files and author from the commit when there is no pull request', async () => {
    const run = gh.state.addRun({ repo: REPO, headCommit: null });
    gh.state.addCommit({
      repo: REPO,
      sha: run.headSha,
      message: 'Bump deps',
      authorLogin: 'mona',
      files: ['package.json', 'package-lock.json'],
    });
    const collected = await collectRun(octokit, ref(run.id), { mode: 'companion' });
    expect(collected.change).toEqual({
      commit: {
        sha: run.headSha,
        message: 'Bump deps',
        author: 'mona',
        authorLogin: 'mona',
        authorEmail: 'author@example.com',
        htmlUrl: `https://github.com/acme/widgets/commit/${run.headSha}`,
      },
      changedFiles: ['package.json', 'package-lock.json'],
    });
  });
});
