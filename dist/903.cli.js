export const id = 903;
export const ids = [903];
export const modules = {

/***/ 4903:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runRemote: () => (/* binding */ runRemote)
});

// EXTERNAL MODULE: ./src/collect/github.ts
var github = __webpack_require__(7711);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
;// CONCATENATED MODULE: ./src/collect/run.ts
/**
 * Collects a workflow run through the Actions REST API: the run, every job of the attempt (all pages), which
 * jobs to analyse, and the change behind it (pull request, commit, changed files).
 *
 * Which jobs are analysed:
 * - completed with conclusion `failure` or `timed_out`;
 * - `cancelled` ones only when nothing else failed (fail-fast cancels the rest of a matrix once one job fails;
 *   those are listed, not analysed);
 * - never the triage job itself. `GITHUB_JOB` is the job's id key in the workflow, not the name the API shows
 *   (a `name:` or a matrix changes it), so the triage job is the one whose name equals `selfJobName`, or the
 *   one still in progress on this runner (`selfRunnerName`, from `RUNNER_NAME`: a runner runs one job at a time);
 * - jobs not completed yet are listed as still running.
 * Reading the pull request or commit is best effort: a 403 or 404 there leaves a note, not an error.
 */

async function collectRun(octokit, ref, opts) {
    const notes = [];
    const { owner, repo, runId } = ref;
    let apiRun;
    try {
        apiRun = (await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId })).data;
    }
    catch (e) {
        throw (0,github/* collectError */.Zc)(e, `run ${runId}`, {});
    }
    const run = toRunInfo(ref, apiRun);
    if (!run.defaultBranch) {
        // The runs API trims `repository` to a minimal shape that usually lacks default_branch.
        try {
            run.defaultBranch = (await octokit.rest.repos.get({ owner, repo })).data.default_branch;
        }
        catch (e) {
            notes.push(`${(0,github/* describeHttpError */.g2)(e, `repository ${owner}/${repo}`)} — the default branch is unknown.`);
        }
    }
    const jobs = await listJobs(octokit, run);
    const { failed, overLimit, listedOnly } = selectJobs(jobs, opts);
    const change = await collectChange(octokit, run, apiRun, opts.maxChangedFiles ?? 300, notes);
    return {
        mode: opts.mode,
        run,
        jobs,
        failed,
        overLimit,
        ...(opts.maxJobs !== undefined ? { maxJobs: opts.maxJobs } : {}),
        listedOnly,
        change,
        notes,
    };
}
function toRunInfo(ref, r) {
    const repository = r.repository;
    const path = r.path ? r.path.replace(/@.*$/, '') : undefined;
    return {
        owner: ref.owner,
        repo: ref.repo,
        id: Number(r.id),
        attempt: ref.attempt ?? r.run_attempt ?? 1,
        ...(typeof r.run_number === 'number' ? { number: r.run_number } : {}),
        name: r.name ?? path ?? `workflow ${r.workflow_id}`,
        workflowId: r.workflow_id,
        ...(path ? { workflowPath: path } : {}),
        event: r.event,
        ...(r.head_branch ? { headBranch: r.head_branch } : {}),
        headSha: r.head_sha,
        htmlUrl: r.html_url,
        conclusion: r.conclusion,
        ...(repository?.default_branch ? { defaultBranch: repository.default_branch } : {}),
        ...((r.triggering_actor ?? r.actor)?.login ? { actor: (r.triggering_actor ?? r.actor)?.login } : {}),
    };
}
function toCollectedJob(j, runHtmlUrl) {
    const id = Number(j.id);
    return {
        id,
        name: j.name,
        status: j.status,
        conclusion: j.conclusion,
        htmlUrl: j.html_url ?? `${runHtmlUrl}/job/${id}`,
        ...(j.started_at ? { startedAt: j.started_at } : {}),
        ...(j.completed_at ? { completedAt: j.completed_at } : {}),
        ...(j.runner_name ? { runnerName: j.runner_name } : {}),
        steps: (j.steps ?? []).map((s) => ({
            number: s.number,
            name: s.name,
            status: s.status,
            conclusion: s.conclusion,
        })),
    };
}
/** Every page of the attempt's jobs: paging is cheap, and every failed job is counted whatever max-jobs is. */
async function listJobs(octokit, run) {
    const jobs = [];
    let pages = 0;
    try {
        for await (const page of octokit.paginate.iterator(octokit.rest.actions.listJobsForWorkflowRunAttempt, {
            owner: run.owner,
            repo: run.repo,
            run_id: run.id,
            attempt_number: run.attempt,
            per_page: 100,
        })) {
            pages++;
            for (const j of page.data)
                jobs.push(toCollectedJob(j, run.htmlUrl));
        }
        return jobs;
    }
    catch (e) {
        throw (0,github/* collectError */.Zc)(e, `the jobs of run ${run.id} (attempt ${run.attempt})`, {
            run,
            jobPages: pages,
            jobsListed: jobs.length,
        });
    }
}
const FAILED = new Set(['failure', 'timed_out']);
/**
 * Splits the jobs into those to analyse, the failed ones beyond `maxJobs` (counted as failed, not downloaded)
 * and those only listed; pure.
 */
function selectJobs(jobs, opts) {
    const failed = [];
    const cancelled = [];
    const listedOnly = [];
    for (const job of jobs) {
        if (isSelf(job, opts)) {
            listedOnly.push({ job, reason: 'the triage job itself' });
        }
        else if (job.status !== 'completed') {
            listedOnly.push({
                job,
                reason: job.status === 'in_progress' ? 'still running' : `still running (${job.status})`,
            });
        }
        else if (job.conclusion !== null && FAILED.has(job.conclusion)) {
            failed.push(job);
        }
        else if (job.conclusion === 'cancelled') {
            cancelled.push(job);
        }
    }
    if (failed.length === 0) {
        failed.push(...cancelled);
    }
    else {
        for (const job of cancelled) {
            listedOnly.push({
                job,
                reason: 'cancelled after another job failed (fail-fast or cancel-in-progress)',
            });
        }
    }
    const max = opts.maxJobs;
    const overLimit = max !== undefined && max >= 0 && failed.length > max ? failed.splice(max) : [];
    return { failed, overLimit, listedOnly };
}
function isSelf(job, opts) {
    if (opts.selfJobName !== undefined && job.name === opts.selfJobName)
        return true;
    return (opts.selfRunnerName !== undefined &&
        job.status === 'in_progress' &&
        job.runnerName !== undefined &&
        job.runnerName === opts.selfRunnerName);
}
/** `https://github.com/o/r` from a run's html_url. */
function repoHtmlUrl(run) {
    const i = run.htmlUrl.indexOf('/actions/runs/');
    return i >= 0 ? run.htmlUrl.slice(0, i) : `https://github.com/${run.owner}/${run.repo}`;
}
async function collectChange(octokit, run, apiRun, maxFiles, notes) {
    const { owner, repo } = run;
    const sha = run.headSha;
    const commit = { sha, htmlUrl: `${repoHtmlUrl(run)}/commit/${sha}` };
    if (apiRun.head_commit) {
        commit.message = apiRun.head_commit.message;
        if (apiRun.head_commit.author?.name)
            commit.author = apiRun.head_commit.author.name;
        const email = apiRun.head_commit.author?.email;
        if (email && !/noreply\.github\.com$/i.test(email))
            commit.authorEmail = email;
    }
    const pullRequest = await findPullRequest(octokit, run, apiRun, notes);
    let changedFiles = [];
    if (pullRequest) {
        try {
            let seen = 0;
            changedFiles = await octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pullRequest.number, per_page: 100 }, (response, done) => {
                seen += response.data.length;
                if (seen >= maxFiles)
                    done();
                return response.data.map((f) => f.filename);
            });
            changedFiles = changedFiles.slice(0, maxFiles);
        }
        catch (e) {
            notes.push(`${(0,github/* describeHttpError */.g2)(e, `the files of pull request #${pullRequest.number}`)} — continuing without them.`);
        }
    }
    if (!pullRequest || commit.message === undefined) {
        try {
            const data = (await octokit.rest.repos.getCommit({ owner, repo, ref: sha, per_page: Math.min(maxFiles, 300) })).data;
            commit.message ??= data.commit.message;
            const login = data.author && 'login' in data.author ? data.author.login : undefined;
            const author = login ?? data.commit.author?.name;
            if (author)
                commit.author = author;
            if (login)
                commit.authorLogin = login;
            const email = data.commit.author?.email;
            if (email && !commit.authorEmail && !/noreply\.github\.com$/i.test(email))
                commit.authorEmail = email;
            commit.htmlUrl = data.html_url;
            if (!pullRequest)
                changedFiles = (data.files ?? []).slice(0, maxFiles).map((f) => f.filename);
        }
        catch (e) {
            notes.push(`${(0,github/* describeHttpError */.g2)(e, `commit ${sha.slice(0, 12)}`)} — continuing without it.`);
        }
    }
    return { commit, ...(pullRequest ? { pullRequest } : {}), changedFiles };
}
async function findPullRequest(octokit, run, apiRun, notes) {
    const { owner, repo } = run;
    const listed = apiRun.pull_requests ?? [];
    const minimal = listed.find((p) => p.head.sha === run.headSha) ?? listed[0];
    if (minimal) {
        try {
            return toPullRequestInfo((await octokit.rest.pulls.get({ owner, repo, pull_number: minimal.number })).data);
        }
        catch (e) {
            notes.push(`${(0,github/* describeHttpError */.g2)(e, `pull request #${minimal.number}`)} — using what the run lists.`);
            return {
                number: minimal.number,
                title: `#${minimal.number}`,
                htmlUrl: `${repoHtmlUrl(run)}/pull/${minimal.number}`,
                headRef: minimal.head.ref,
                baseRef: minimal.base.ref,
                fork: Number(minimal.head.repo.id) !== Number(minimal.base.repo.id),
            };
        }
    }
    try {
        const pulls = (await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
            owner,
            repo,
            commit_sha: run.headSha,
            per_page: 30,
        })).data;
        const pr = pulls.find((p) => p.state === 'open' && p.head.sha === run.headSha) ??
            pulls.find((p) => p.state === 'open') ??
            pulls[0];
        return pr ? toPullRequestInfo(pr) : undefined;
    }
    catch (e) {
        notes.push(`${(0,github/* describeHttpError */.g2)(e, `the pull requests of commit ${run.headSha.slice(0, 12)}`)} — continuing without one.`);
        return undefined;
    }
}
/** A deleted head repository (null) counts as a fork: it cannot be the base. */
/** The fields of a pull request (full or as listed for a commit) that the report keeps. */
function toPullRequestInfo(pr) {
    return {
        number: pr.number,
        title: pr.title,
        htmlUrl: pr.html_url,
        headRef: pr.head.ref,
        baseRef: pr.base.ref,
        ...(pr.user?.login ? { author: pr.user.login } : {}),
        fork: isFork(pr.head.repo?.full_name, pr.base.repo.full_name),
    };
}
function isFork(head, base) {
    return !head || head.toLowerCase() !== base.toLowerCase();
}

;// CONCATENATED MODULE: ./src/collect/types.ts
class LogUnavailableError extends Error {
    name = 'LogUnavailableError';
}

;// CONCATENATED MODULE: ./src/collect/logs.ts
/**
 * Job logs from the Actions API, as streams. `GET /repos/{o}/{r}/actions/jobs/{id}/logs` answers 302 with a
 * short-lived blob URL; the redirect is not followed by Octokit (that would buffer the whole log and send the
 * token along) but read from `location`, and the blob is fetched without credentials and handed on chunk by
 * chunk, so a log of gigabytes is never held in memory.
 *
 * A log is not available for a moment after its job completes (404): retried `notFoundRetries` times, then
 * LogUnavailableError. A download that breaks off mid-body (connection reset, `content-length` not reached) or
 * that receives nothing for `idleTimeoutMs` is resumed where it stopped, `resumeRetries` times: a fresh redirect
 * (the blob URL is short-lived) and `Range: bytes=N-`, which Azure blob storage answers with 206; a store that
 * ignores it sends the whole log again, and the bytes already read are skipped. When the tries are spent, the
 * stream fails with LogUnavailableError saying where and why it broke off. The baseline — the same job's log in the last green run of the workflow, on the head
 * branch, else the default branch — is best effort: capped in API calls and time per job, the run search and
 * each candidate run's job list cached and shared between jobs, and any failure means "no baseline".
 */




class BrokeOff extends Error {
    name = 'BrokeOff';
}
class BudgetExceeded extends Error {
    name = 'BudgetExceeded';
}
const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function createLogSource(octokit, run, opts) {
    const notFoundRetries = opts.notFoundRetries ?? 3;
    const retryDelayMs = opts.retryDelayMs ?? 2000;
    const maxCalls = opts.baselineMaxCalls ?? 10;
    const timeoutMs = opts.baselineTimeoutMs ?? 20_000;
    const runsPerBranch = opts.baselineRunsPerBranch ?? 10;
    const sleep = opts.sleep ?? defaultSleep;
    const fetchImpl = opts.fetch ?? (0,github/* fetchOf */.AC)(octokit);
    const debug = opts.debug ?? ((m) => core/* debug */.Yz(m));
    const { owner, repo } = run;
    const idleMs = opts.idleTimeoutMs ?? 30_000;
    const resumeRetries = opts.resumeRetries ?? 3;
    /** The redirect, then the blob from byte `offset`; `retries` 404s are waited out. */
    async function openAt(jobId, label, retries, offset) {
        for (let attempt = 0;; attempt++) {
            let location;
            try {
                const res = await octokit.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', {
                    owner,
                    repo,
                    job_id: jobId,
                    request: { redirect: 'manual' },
                });
                const status = res.status;
                if (status === 200) {
                    // A fetch that followed the redirect anyway: the log is already in memory.
                    const bytes = toBytes(res.data);
                    const body = new Blob([
                        bytes.subarray(Math.min(offset, bytes.length)),
                    ]).stream();
                    return { body, offset, skip: 0, total: bytes.length, abort: () => undefined };
                }
                location = res.headers.location;
            }
            catch (e) {
                const status = (0,github/* httpStatusOf */.s_)(e);
                if (status === 404 && attempt < retries) {
                    debug(`The log of ${label} is not available yet (404); retry ${attempt + 1} of ${retries}.`);
                    await sleep(retryDelayMs * (attempt + 1));
                    continue;
                }
                if (status === 404 || status === 410) {
                    throw new LogUnavailableError(status === 404
                        ? `The log of ${label} is not available (404 after ${attempt + 1} attempts): GitHub serves a job's log only once the job has completed, and some jobs (never started, runner lost) have none.`
                        : `The log of ${label} has expired (410): logs are kept only for the repository's retention period.`, { cause: e });
                }
                throw (0,github/* collectError */.Zc)(e, `the log of ${label}`);
            }
            if (!location)
                throw new LogUnavailableError(`The log of ${label}: GitHub answered without a download location.`);
            try {
                return await fetchBlob(location, offset);
            }
            catch (e) {
                // The blob URL is short-lived; a fresh redirect gives a fresh one.
                if (attempt < retries) {
                    debug(`Downloading the log of ${label} failed (${errorText(e)}); asking for a new URL.`);
                    await sleep(retryDelayMs * (attempt + 1));
                    continue;
                }
                throw new LogUnavailableError(`The log of ${label} could not be downloaded: ${errorText(e)}`, {
                    cause: e,
                });
            }
        }
    }
    /** The blob from byte `offset`, without credentials; the answer's headers must come within the idle time. */
    async function fetchBlob(url, offset) {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(new BrokeOff(`no answer in ${idleMs / 1000} s`)), idleMs);
        let res;
        try {
            res = await fetchImpl(url, {
                redirect: 'follow',
                signal: controller.signal,
                ...(offset > 0 ? { headers: { range: `bytes=${offset}-` } } : {}),
            });
        }
        catch (e) {
            throw controller.signal.aborted && controller.signal.reason instanceof Error
                ? controller.signal.reason
                : e;
        }
        finally {
            clearTimeout(timer);
        }
        const abort = () => controller.abort();
        if (res.status === 416 && offset > 0) {
            // Nothing past `offset`: the log ended there.
            await res.body?.cancel().catch(() => undefined);
            return {
                body: new ReadableStream({ start: (c) => c.close() }),
                offset,
                skip: 0,
                total: offset,
                abort,
            };
        }
        if (!res.ok || !res.body) {
            await res.body?.cancel().catch(() => undefined);
            throw new Error(`HTTP ${res.status} from the log storage`);
        }
        const length = Number(res.headers.get('content-length') ?? NaN);
        if (res.status === 206) {
            const range = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(res.headers.get('content-range') ?? '');
            const start = Number(range?.[1] ?? NaN);
            if (start !== offset) {
                abort();
                throw new Error(`the log storage sent bytes from ${range?.[1] ?? '?'} when asked for ${offset}`);
            }
            const total = range?.[2] !== undefined && range[2] !== '*' ? Number(range[2]) : undefined;
            return { body: res.body, offset, skip: 0, ...(total !== undefined ? { total } : {}), abort };
        }
        return {
            body: res.body,
            offset,
            skip: offset,
            ...(Number.isFinite(length) ? { total: length } : {}),
            abort,
        };
    }
    /**
     * A job's log as one stream however many times its download broke off: each break (an error, the body ending
     * short of its length, no byte for `idleMs`) is resumed from the last byte received.
     */
    async function download(jobId, label, retries) {
        const first = await openAt(jobId, label, retries, 0);
        let current = first;
        let stop = false;
        async function* stream() {
            let received = 0;
            let resumes = 0;
            let blob = first;
            for (;;) {
                let why;
                try {
                    for await (const chunk of readBlob(blob, idleMs)) {
                        received += chunk.length;
                        yield chunk;
                    }
                    if (blob.total === undefined || received >= blob.total)
                        return;
                    why = `the download ended at byte ${received} of ${blob.total}`;
                }
                catch (e) {
                    why = errorText(e);
                }
                if (stop)
                    return;
                if (resumes >= resumeRetries)
                    throw new LogUnavailableError(`The log of ${label} broke off at byte ${received}${blob.total !== undefined ? ` of ${blob.total}` : ''} (${why}), ` +
                        `${resumeRetries} resumptions with a fresh URL did not complete it.`);
                resumes++;
                debug(`The log of ${label} broke off at byte ${received} (${why}); resuming (${resumes} of ${resumeRetries}).`);
                await sleep(retryDelayMs * resumes);
                try {
                    blob = current = await openAt(jobId, label, 0, received);
                }
                catch (e) {
                    // Gone (404, 410) or refused by the API: final. The storage failing to answer: another try.
                    const gone = e instanceof LogUnavailableError && [404, 410].includes((0,github/* httpStatusOf */.s_)(e.cause) ?? 0);
                    if (resumes >= resumeRetries || gone || e instanceof github/* CollectError */.h0)
                        throw e;
                    // The next loop turn counts another try from the same byte.
                    blob = current = { ...blob, body: errored(e), skip: 0 };
                }
                if (blob.skip > 0)
                    debug(`The log storage ignored Range for ${label}: skipping the ${blob.skip} bytes already read.`);
            }
        }
        return {
            source: stream(),
            cancel: () => {
                stop = true;
                current?.abort();
                void current?.body.cancel().catch(() => undefined);
                current = undefined;
            },
        };
    }
    // Shared between jobs: one run search per branch, one job list per candidate run.
    const runSearches = new Map();
    const runJobs = new Map();
    function cached(map, key, budget, make) {
        let p = map.get(key);
        if (!p) {
            if (budget.calls >= maxCalls)
                throw new BudgetExceeded(`the limit of ${maxCalls} API calls was reached`);
            budget.calls++;
            p = make();
            map.set(key, p);
        }
        return p;
    }
    function searchRuns(branch, budget) {
        return cached(runSearches, `${run.workflowId}@${branch}`, budget, async () => {
            const res = await octokit.rest.actions.listWorkflowRuns({
                owner,
                repo,
                workflow_id: run.workflowId,
                branch,
                status: 'success',
                per_page: runsPerBranch,
                exclude_pull_requests: true,
            });
            return res.data.workflow_runs.map((r) => ({ id: Number(r.id) }));
        });
    }
    function jobsOf(runId, budget) {
        return cached(runJobs, runId, budget, async () => {
            const jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRun, {
                owner,
                repo,
                run_id: runId,
                filter: 'latest',
                per_page: 100,
            });
            return jobs.map((j) => toCollectedJob(j, run.htmlUrl));
        });
    }
    async function findBaseline(job, budget, isLate) {
        const branches = [...new Set([run.headBranch, run.defaultBranch].filter((b) => !!b))];
        for (const branch of branches) {
            const candidates = await searchRuns(branch, budget);
            for (const candidate of candidates) {
                if (isLate())
                    return undefined;
                if (candidate.id === run.id)
                    continue;
                const match = (await jobsOf(candidate.id, budget)).find((j) => j.name === job.name && j.conclusion === 'success');
                if (!match)
                    continue;
                if (budget.calls >= maxCalls)
                    throw new BudgetExceeded(`the limit of ${maxCalls} API calls was reached`);
                budget.calls++;
                try {
                    const log = await download(match.id, `job "${match.name}" (${match.id}) of run ${candidate.id}`, 0);
                    return { ref: { runId: candidate.id, jobId: match.id, htmlUrl: match.htmlUrl }, log };
                }
                catch (e) {
                    debug(`Baseline candidate run ${candidate.id} skipped: ${errorText(e)}`);
                }
            }
        }
        return undefined;
    }
    return {
        async openJobLog(job) {
            const opened = await download(job.id, `job "${job.name}" (${job.id})`, notFoundRetries);
            return opened.source;
        },
        async openBaseline(job) {
            if (!opts.baseline)
                return undefined;
            const budget = { calls: 0 };
            let late = false;
            let timer;
            const search = findBaseline(job, budget, () => late);
            const timeout = new Promise((resolve) => {
                timer = setTimeout(() => resolve('timeout'), timeoutMs);
            });
            try {
                const result = await Promise.race([search, timeout]);
                if (result === 'timeout') {
                    late = true;
                    debug(`No baseline for job "${job.name}": the search took longer than ${timeoutMs} ms.`);
                    // Close a log that arrives after we stopped waiting.
                    search.then((r) => r?.log.cancel()).catch(() => undefined);
                    return undefined;
                }
                if (!result) {
                    debug(`No baseline for job "${job.name}": no successful run of this workflow has a green job of that name.`);
                    return undefined;
                }
                return { ref: result.ref, log: result.log.source };
            }
            catch (e) {
                debug(`No baseline for job "${job.name}": ${errorText(e)}`);
                return undefined;
            }
            finally {
                if (timer)
                    clearTimeout(timer);
            }
        },
    };
}
/** A stream that fails at once with `e` (a resumption that could not even start). */
function errored(e) {
    return new ReadableStream({ start: (c) => c.error(e) });
}
/**
 * One blob answer's bytes, the first `skip` dropped; fails when no byte comes for `idleMs`. Stopped early (or
 * failed), it closes the connection rather than leave it open.
 */
async function* readBlob(blob, idleMs) {
    const reader = blob.body.getReader();
    let skip = blob.skip;
    let done = false;
    try {
        for (;;) {
            let timer;
            const idle = new Promise((_, reject) => {
                timer = setTimeout(() => reject(new BrokeOff(`no byte received for ${idleMs / 1000} s`)), idleMs);
            });
            let chunk;
            try {
                chunk = await Promise.race([reader.read(), idle]);
            }
            finally {
                clearTimeout(timer);
            }
            if (chunk.done) {
                done = true;
                return;
            }
            let value = chunk.value;
            if (skip > 0) {
                const drop = Math.min(skip, value.length);
                skip -= drop;
                value = value.subarray(drop);
                if (value.length === 0)
                    continue;
            }
            yield value;
        }
    }
    finally {
        if (!done) {
            blob.abort();
            await reader.cancel().catch(() => undefined);
        }
        reader.releaseLock();
    }
}
function toBytes(data) {
    if (data instanceof Uint8Array)
        return data;
    if (data instanceof ArrayBuffer)
        return new Uint8Array(data);
    return new TextEncoder().encode(typeof data === 'string' ? data : JSON.stringify(data));
}
function errorText(e) {
    return e instanceof Error ? e.message : String(e);
}

;// CONCATENATED MODULE: ./src/collect/workflow-file.ts
/**
 * The workflow file of a run, as it was at the run's head commit, through the contents API
 * (`GET /repos/{owner}/{repo}/contents/{path}?ref={sha}`, the text base64 in `content`). Best effort: read only
 * when the model is about to be called, and anything that goes wrong (403 without `contents: read`, 404 for a
 * dynamic workflow or a deleted file, a file over 1 MB whose content the API leaves out) is a debug note and
 * `undefined`, never an error.
 */

async function fetchWorkflowFile(octokit, run, debug) {
    const path = run.workflowPath;
    if (!path) {
        debug('The run names no workflow file: the prompt goes without it.');
        return undefined;
    }
    const what = `the workflow file ${path} at ${run.headSha.slice(0, 12)}`;
    try {
        const { data } = await octokit.rest.repos.getContent({
            owner: run.owner,
            repo: run.repo,
            path,
            ref: run.headSha,
        });
        if (Array.isArray(data) || data.type !== 'file') {
            debug(`Not reading ${what}: the API answered with a ${Array.isArray(data) ? 'directory' : data.type}.`);
            return undefined;
        }
        if (data.encoding !== 'base64' || typeof data.content !== 'string') {
            debug(`Not reading ${what}: its content comes as "${data.encoding}" (files over 1 MB have none).`);
            return undefined;
        }
        return { path, text: Buffer.from(data.content, 'base64').toString('utf8') };
    }
    catch (e) {
        debug(`${(0,github/* describeHttpError */.g2)(e, what)} — the prompt goes without it.`);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/report/paths.ts
/**
 * File references in log lines: `path:line[:col]`, `path(line,col)`, `File "path", line N`, and bare paths,
 * normalised to repository-relative form where the log shows where the checkout lives.
 */
// Runner workspaces: /home/runner/work/<repo>/<repo>/, /Users/runner/work/…, D:\a\<repo>\<repo>\, container
// jobs' /__w/<repo>/<repo>/, and GITHUB_WORKSPACE-style /github/workspace/.
const WORKSPACE = [
    /^(?:file:\/\/)?\/home\/runner\/work\/[^/]+\/[^/]+\//,
    /^(?:file:\/\/)?\/Users\/runner\/work\/[^/]+\/[^/]+\//,
    /^(?:file:\/\/\/?)?[A-Za-z]:\/a\/[^/]+\/[^/]+\//,
    /^(?:file:\/\/)?\/__w\/[^/]+\/[^/]+\//,
    /^(?:file:\/\/)?\/github\/workspace\//,
];
/** Slashes forward, runner workspace prefixes and `./` removed. */
function normalizePath(raw) {
    let p = raw.replace(/\\/g, '/');
    let inWorkspace = false;
    for (const w of WORKSPACE) {
        if (w.test(p)) {
            p = p.replace(w, '');
            inWorkspace = true;
            break;
        }
    }
    while (p.startsWith('./'))
        p = p.slice(2);
    p = p.replace(/\/{2,}/g, '/');
    return { path: p, inWorkspace };
}
// A path: optional drive or ./ ../ / prefix, segments, a last segment with an extension starting with a
// letter. Not preceded by a path character (so a match starts at the beginning of the path).
const PATH = /(?<![\w@.+~/\\:-])((?:file:\/\/\/?)?(?:[A-Za-z]:[\\/]|\.{1,2}[\\/]|[\\/])?(?:[\w@.+~-]+[\\/])*[\w@+~-][\w@.+~-]*\.[A-Za-z][A-Za-z0-9]{0,9})(?![\w/\\])(?::(\d+)(?::(\d+))?|\((\d+)(?:,\s*(\d+))?\)|",? line (\d+))?/g;
// Endings that are domains or versions far more often than files.
const NOT_FILES = new Set(['com', 'org', 'net', 'io', 'dev', 'app', 'co', 'uk', 'de', 'local', 'internal']);
const num = (s) => {
    if (s === undefined)
        return undefined;
    const n = Number(s);
    return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};
/** The file references of one line, in order. Lines longer than `maxLength` are only scanned up to it. */
function pathRefs(line, maxLength = 4000) {
    const text = line.length > maxLength ? line.slice(0, maxLength) : line;
    const out = [];
    for (const m of text.matchAll(PATH)) {
        const raw = m[1];
        const before = text.slice(Math.max(0, (m.index ?? 0) - 3), m.index);
        if (before.endsWith('://'))
            continue; // a URL
        const ext = raw.slice(raw.lastIndexOf('.') + 1).toLowerCase();
        if (NOT_FILES.has(ext))
            continue;
        const { path, inWorkspace } = normalizePath(raw);
        const line = num(m[2] ?? m[4] ?? m[6]);
        const column = num(m[3] ?? m[5]);
        out.push({
            path,
            inWorkspace,
            ...(line !== undefined ? { line } : {}),
            ...(column !== undefined ? { column } : {}),
        });
    }
    return out;
}
/**
 * The changed file a referenced path names, matching by path suffix on a `/` boundary either way
 * (`/…/repo/repo/src/a.ts` names `src/a.ts`; `src/a.ts` printed from a package directory names
 * `packages/x/src/a.ts`). A bare file name matches the only changed file of that name.
 */
function matchChangedFile(ref, changed) {
    const r = ref.replace(/^(?:\.\.\/)+/, '');
    if (r === '')
        return undefined;
    for (const c of changed) {
        if (r === c || r.endsWith('/' + c))
            return c;
    }
    if (!r.includes('/')) {
        // A bare name (Go and pytest print paths relative to the package): the one changed file of that name.
        const same = changed.filter((c) => c.endsWith('/' + r));
        return same.length === 1 ? same[0] : undefined;
    }
    for (const c of changed)
        if (c.endsWith('/' + r))
            return c;
    return undefined;
}

;// CONCATENATED MODULE: ./src/report/steps.ts
const POST_SECTION = 'Post job cleanup';
const ACTION_REF = /^Run (?:\.{1,2}\/|[\w.-]+\/[\w./-]+@|docker:\/\/)/;
/** A composite action's own header is a few lines (`with:` inputs, `env:`) before its inner steps start. */
const SHORT_HEADER = 16;
const norm = (s) => s.trim().replace(/\s+/g, ' ');
/** Names equal, or one a prefix of the other when long (the log or the API may truncate a long command). */
function sameName(a, b) {
    const x = norm(a);
    const y = norm(b);
    if (x === y)
        return true;
    const [s, l] = x.length < y.length ? [x, y] : [y, x];
    return s.length >= 24 && l.startsWith(s.replace(/(?:…|\.\.\.)$/, ''));
}
const ran = (s) => s.conclusion !== 'skipped' && !(s.conclusion === null && (s.status === 'queued' || s.status === 'pending'));
/**
 * For each log section (index into `logSteps`), the API step number it belongs to, or undefined when it
 * cannot be told. `logSteps` are the sections `analyzeLog` found, in log order.
 */
function alignSteps(apiSteps, logSteps) {
    const result = logSteps.map(() => undefined);
    const ranSteps = apiSteps.filter(ran);
    const isSetup = (s, i) => i === 0 && /^Set up job$/i.test(s.name);
    const main = ranSteps.filter((s, i) => !isSetup(s, i) && !/^Complete job$/i.test(s.name) && !/^Post /.test(s.name));
    const post = ranSteps.filter((s) => /^Post /.test(s.name));
    const mainIdx = [];
    const postIdx = [];
    logSteps.forEach((s, i) => (s.name === POST_SECTION ? postIdx : mainIdx).push(i));
    // Post steps: in order, when the counts agree.
    if (postIdx.length === post.length)
        postIdx.forEach((li, k) => (result[li] = post[k].number));
    const n = mainIdx.length;
    const m = main.length;
    if (n === 0 || m === 0 || n * m * m > 50_000_000)
        return result;
    const sec = mainIdx.map((i) => logSteps[i]);
    const nextStart = mainIdx.map((i) => logSteps[i + 1]?.startLine ?? Number.POSITIVE_INFINITY);
    const looksComposite = sec.map((s, k) => ACTION_REF.test(s.name) && nextStart[k] - s.startLine <= SHORT_HEADER);
    const header = (k, j) => {
        const step = main[j];
        // The section where the log says the step failed, and the step the API says failed.
        // Without that, the last header is most likely the failed step's: the steps after it were skipped.
        const failed = step.conclusion === 'failure' ? (sec[k].failed ? 3 : k === n - 1 ? 0.25 : 0) : 0;
        if (sameName(sec[k].name, step.name))
            return 5 + failed;
        // A default name ("Run <command>") that differs from the header is another step's.
        return (step.name.startsWith('Run ') ? -3 : 1) + failed;
    };
    const SKIP = -2; // an API step that printed no header (it failed to start, or ran nothing)
    // best[k][j]: the best score with sections 0..k assigned and section k belonging to API step j, whose
    // header section is head[k][j] (to tell whether continuations follow a composite action's header).
    const NEG = Number.NEGATIVE_INFINITY;
    const best = [];
    const from = [];
    const head = [];
    for (let k = 0; k < n; k++) {
        best.push(new Array(m).fill(NEG));
        from.push(new Array(m).fill(undefined));
        head.push(new Array(m).fill(-1));
        for (let j = 0; j < m; j++) {
            if (k === 0) {
                best[0][j] = header(0, j) + SKIP * j;
                head[0][j] = 0;
                continue;
            }
            // Section k is the header of step j, after some step j' < j.
            let b = NEG;
            let arg;
            for (let jp = 0; jp < j; jp++) {
                const v = best[k - 1][jp] + header(k, j) + SKIP * (j - jp - 1);
                if (v > b) {
                    b = v;
                    arg = { j: jp, cont: false };
                }
            }
            // Or section k continues step j (a composite action's inner step).
            const prev = best[k - 1][j];
            if (prev > NEG) {
                const h = head[k - 1][j];
                const v = prev + (looksComposite[h] ? 0.5 : -4);
                if (v > b) {
                    b = v;
                    arg = { j, cont: true };
                }
            }
            best[k][j] = b;
            from[k][j] = arg;
            head[k][j] = arg?.cont ? head[k - 1][j] : k;
        }
    }
    let j = 0;
    let score = NEG;
    for (let jj = 0; jj < m; jj++) {
        const v = best[n - 1][jj] + SKIP * (m - 1 - jj);
        if (v > score) {
            score = v;
            j = jj;
        }
    }
    if (score === NEG)
        return result;
    for (let k = n - 1; k >= 0; k--) {
        result[mainIdx[k]] = main[j].number;
        const f = from[k][j];
        if (f)
            j = f.j;
    }
    return result;
}
/**
 * Where a log line shows in the UI. `failedStep` is the fallback when the line's step cannot be told.
 * Returns undefined when there is no step to point at.
 */
function locateLine(line, apiSteps, logSteps, failedStep, aligned = alignSteps(apiSteps, logSteps)) {
    // The section the line is in: the last one starting at or before it.
    let idx = -1;
    for (let i = 0; i < logSteps.length; i++) {
        if (logSteps[i].startLine <= line)
            idx = i;
        else
            break;
    }
    if (idx === -1) {
        // Before the first header: "Set up job", which starts the log.
        const first = apiSteps[0];
        if (first && logSteps.length > 0 && /^Set up job$/i.test(first.name))
            return { number: first.number, line, exact: true };
        return failedStep === undefined ? undefined : { number: failedStep, line, exact: false };
    }
    const number = aligned[idx];
    if (number !== undefined) {
        // The step starts at its first section: walk back over a composite action's inner headers.
        let start = idx;
        while (start > 0 && aligned[start - 1] === number)
            start--;
        return { number, line: line - logSteps[start].startLine + 1, exact: true };
    }
    if (failedStep === undefined)
        return undefined;
    return { number: failedStep, line: line - logSteps[idx].startLine + 1, exact: false };
}

;// CONCATENATED MODULE: ./src/report/types.ts
const types_REPORT_SCHEMA = 'ci-triage/report@1';

;// CONCATENATED MODULE: ./src/report/build.ts



/** The failed step per the jobs API: the first step that failed; for a timed-out or cancelled job, the first cut short. */
function failedStepOf(job) {
    const pick = (s) => (s ? { number: s.number, name: s.name } : undefined);
    return (pick(job.steps.find((s) => s.conclusion === 'failure')) ??
        (job.conclusion === 'success'
            ? undefined
            : pick(job.steps.find((s) => s.conclusion === 'timed_out' || s.conclusion === 'cancelled'))));
}
/** `…/actions/runs/{run}/job/{job}`, the page of one job of the run. */
function jobUrl(run, job) {
    return `${run.htmlUrl.replace(/\/+$/, '')}/job/${job.id}`;
}
/** The UI links of a finding's excerpt key lines, in excerpt order, one per line. */
function linksFor(run, job, finding, failedStep) {
    const aligned = alignSteps(job.steps, finding.steps);
    const base = jobUrl(run, job);
    const links = [];
    const seen = new Set();
    for (const e of finding.excerpts) {
        if (seen.has(e.keyLine))
            continue;
        seen.add(e.keyLine);
        const at = locateLine(e.keyLine, job.steps, finding.steps, failedStep, aligned);
        links.push(at
            ? {
                line: e.keyLine,
                url: `${base}#step:${at.number}:${at.line}`,
                step: at.number,
                stepLine: at.line,
                exact: at.exact,
            }
            : { line: e.keyLine, url: base, exact: false });
    }
    return links;
}
/** The UI link of any line of a job's log (the job page when its step cannot be told). */
function lineLink(run, job, finding, line, failedStep) {
    const at = locateLine(line, job.steps, finding.steps, failedStep);
    const base = jobUrl(run, job);
    return { line, url: at ? `${base}#step:${at.number}:${at.line}` : base };
}
/** Changed files named in the excerpts' lines, in the order of `changed`. */
function affectedFilesOf(finding, changed) {
    if (changed.length === 0)
        return [];
    const hit = new Set();
    for (const e of finding.excerpts)
        for (const line of e.lines)
            for (const ref of pathRefs(line)) {
                const c = matchChangedFile(ref.path, changed);
                if (c !== undefined)
                    hit.add(c);
            }
    return changed.filter((c) => hit.has(c));
}
/** The report of a run GitHub could not be read for: what failed, and what was reached before. Pure. */
function buildIncompleteReport(input) {
    const { run } = input;
    const reached = [];
    if (input.runRead) {
        const where = [
            run.headBranch ? `on ${run.headBranch}` : '',
            run.headSha ? `commit ${run.headSha.slice(0, 7)}` : '',
        ].filter(Boolean);
        reached.push(`the run was read: ${run.name} ${run.number !== undefined ? `#${run.number}` : `run ${run.id}`}${where.length ? `, ${where.join(', ')}` : ''}`);
        const pages = input.jobPages ?? 0;
        reached.push(pages > 0
            ? `${input.jobsListed ?? 0} jobs were listed (${pages} page${pages === 1 ? '' : 's'} of the jobs list) before the next page failed`
            : 'no page of the jobs list could be read');
    }
    else
        reached.push('nothing: the run itself could not be read');
    const incomplete = {
        what: input.what,
        message: input.message,
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.retries ? { attempts: input.retries.attempts, answers: input.retries.answers } : {}),
        reached,
    };
    return {
        schema: REPORT_SCHEMA,
        generatedAt: input.now.toISOString(),
        tool: { name: 'ci-triage', version: input.version },
        mode: input.mode,
        run,
        change: { commit: { sha: run.headSha }, changedFiles: [] },
        jobs: [],
        listedOnly: [],
        counts: { jobs: input.jobsListed ?? 0, failed: 0, analysed: 0, unavailable: 0, listedOnly: 0 },
        notes: [],
        incomplete,
    };
}
function buildReport(input) {
    const jobs = input.jobs.map(({ job, finding, unavailable, notAnalysed, baseline }) => {
        const failedStep = failedStepOf(job);
        return {
            job,
            ...(failedStep ? { failedStep } : {}),
            ...(finding ? { finding } : {}),
            ...(finding === undefined ? { unavailable: unavailable ?? 'the log was not analysed' } : {}),
            ...(finding === undefined && notAnalysed ? { notAnalysed } : {}),
            ...(baseline ? { baseline } : {}),
            links: finding ? linksFor(input.run, job, finding, failedStep?.number) : [],
            affectedFiles: finding ? affectedFilesOf(finding, input.change.changedFiles) : [],
        };
    });
    const analysed = jobs.filter((j) => j.finding !== undefined).length;
    return {
        schema: types_REPORT_SCHEMA,
        generatedAt: input.now.toISOString(),
        tool: { name: 'ci-triage', version: input.version },
        mode: input.mode,
        run: input.run,
        change: input.change,
        jobs,
        listedOnly: input.listedOnly,
        ...(input.passedJobs ? { passedJobs: input.passedJobs } : {}),
        counts: {
            jobs: input.totalJobs ?? jobs.length + input.listedOnly.length,
            failed: jobs.length,
            analysed,
            unavailable: jobs.length - analysed,
            notAnalysed: jobs.filter((j) => j.notAnalysed !== undefined).length,
            listedOnly: input.listedOnly.length,
        },
        notes: input.notes,
    };
}

// EXTERNAL MODULE: ./src/pipeline/analyze-log.ts + 9 modules
var analyze_log = __webpack_require__(4609);
// EXTERNAL MODULE: ./src/analyze/analyzer.ts
var analyze_analyzer = __webpack_require__(3360);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/analyze/workflow.ts
/**
 * The relevant part of a workflow file for the prompt: the failing job's section, as written (comments and
 * all), under a `jobs:` line. Pure. The job is found from the name the jobs API shows:
 * - its `name:` or its key, exactly;
 * - a `name:` template with expressions (`Test on ${{ matrix.os }}`), as a pattern;
 * - a matrix job the API names `key (a, b)` or `name (a, b)`;
 * - a reusable workflow's job, `caller / called`, by its caller;
 * - else the job whose `name:` template starts as the API name does.
 * When none matches (or the file is not a mapping with `jobs:`) the whole `jobs:` block is given, cut to
 * `maxChars` at a line end; a file YAML cannot parse is given as text, cut the same way.
 */

const WORKFLOW_SECTION_CHARS = 6000;
function workflowSection(source, jobName, maxChars = WORKFLOW_SECTION_CHARS) {
    const doc = (0,dist/* parseDocument */.Tp)(source, { prettyErrors: false });
    const root = doc.contents;
    if (doc.errors.length > 0 || !(0,dist/* isMap */.jh)(root))
        return { text: cutLines(source, maxChars) };
    const jobsPair = root.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === 'jobs');
    const jobsValue = jobsPair?.value;
    if (!jobsPair || !(0,dist/* isScalar */.jn)(jobsPair.key) || !(0,dist/* isMap */.jh)(jobsValue) || !jobsValue.range)
        return { text: cutLines(source, maxChars) };
    const jobs = [];
    for (const pair of jobsValue.items) {
        if (!(0,dist/* isScalar */.jn)(pair.key) || !pair.key.range)
            continue;
        const value = pair.value;
        const end = value?.range?.[1] ?? pair.key.range[1];
        const name = (0,dist/* isMap */.jh)(pair.value) ? pair.value.get('name') : undefined;
        jobs.push({
            key: String(pair.key.value),
            ...(typeof name === 'string' ? { name } : {}),
            text: source.slice(lineStart(source, pair.key.range[0]), end).trimEnd(),
        });
    }
    const found = findJob(jobs, jobName);
    if (found)
        return { text: cutLines(`jobs:\n${found.text}`, maxChars), job: found.key };
    const start = lineStart(source, jobsPair.key.range?.[0] ?? 0);
    return { text: cutLines(source.slice(start, jobsValue.range[1]).trimEnd(), maxChars) };
}
const EXPRESSION = /\$\{\{[\s\S]*?\}\}/g;
/** The job the API's name stands for, by the rules above, in that order. */
function findJob(jobs, apiName) {
    const direct = (n) => jobs.find((j) => j.name === n && !j.name.includes('${{')) ??
        jobs.find((j) => j.key === n) ??
        jobs.find((j) => j.name !== undefined && templateRegex(j.name)?.test(n));
    const name = apiName.trim();
    const exact = direct(name);
    if (exact)
        return exact;
    const matrix = /^(.*\S)\s+\([^()]*\)$/.exec(name)?.[1];
    const byMatrix = matrix !== undefined ? direct(matrix) : undefined;
    if (byMatrix)
        return byMatrix;
    const caller = name.includes(' / ') ? name.split(' / ')[0]?.trim() : undefined;
    const byCaller = caller ? (direct(caller) ?? findJob(jobs, caller)) : undefined;
    if (byCaller)
        return byCaller;
    return jobs.find((j) => {
        const prefix = j.name?.split('${{')[0]?.trim() ?? '';
        return j.name?.includes('${{') && prefix.length >= 3 && name.startsWith(prefix);
    });
}
/** `Test on ${{ matrix.os }}` → /^Test on .+$/; undefined for a name without expressions. */
function templateRegex(template) {
    if (!template.includes('${{'))
        return undefined;
    const parts = template.split(EXPRESSION).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${parts.join('.*?')}$`, 's');
}
function lineStart(text, offset) {
    return text.lastIndexOf('\n', offset - 1) + 1;
}
/** At most `max` characters, cut at a line end, with a note of what was left out. */
function cutLines(text, max) {
    if (text.length <= max)
        return text;
    const note = '\n# … (cut: the rest of the file is left out)';
    const room = Math.max(0, max - note.length);
    const end = text.lastIndexOf('\n', room);
    return text.slice(0, end > 0 ? end : room) + note;
}

// EXTERNAL MODULE: ./src/report/groups.ts
var report_groups = __webpack_require__(6900);
;// CONCATENATED MODULE: ./src/pipeline/explain.ts
/**
 * The LLM stage of a triage run, after the deterministic one: one call per distinct failure (fingerprint),
 * on its representative job, with bounded concurrency. `auto` calls only where the deterministic result is
 * not confident (`wantsModel`). The model decides nothing: the explanation is stored next to the finding,
 * whose type, severity and fingerprint stay as they were. A failed call leaves the deterministic result
 * and a note. Each prompt carries the failing job's part of the run's workflow file, read once per run (only
 * when some failure is sent) through `workflowFile`; without it the prompt names the file only.
 */





const MAX_EXPLAINED_FAILURES = 10;
async function explainReport(report, analyzer, o) {
    const usage = {
        provider: 'anthropic',
        model: analyzer.model,
        mode: o.mode,
        calls: 0,
        inputTokens: 0,
        outputTokens: 0,
        explained: 0,
        skipped: 0,
        fallbacks: 0,
    };
    let cost;
    let priced = true;
    const groups = (0,report_groups/* groupByFingerprint */.rg)(report);
    const chosen = groups.filter((g) => {
        const want = (0,analyze_analyzer/* wantsModel */.nX)(o.mode, g.representative.finding);
        if (!want.call) {
            usage.skipped++;
            g.representative.explanationNote = `not explained by the model: ${want.reason}`;
        }
        return want.call;
    });
    const max = o.maxFailures ?? MAX_EXPLAINED_FAILURES;
    const todo = chosen.slice(0, max);
    for (const g of chosen.slice(max))
        g.representative.explanationNote = `not explained: over ${max} distinct failures in the run`;
    if (chosen.length > max)
        report.notes.push(`Claude explained the first ${max} of ${chosen.length} distinct failures (the most severe); the others keep the deterministic result.`);
    const file = todo.length > 0 && o.workflowFile ? await o.workflowFile() : undefined;
    const workflowOf = (jobName) => {
        if (file)
            return { path: file.path, ...workflowSection(file.text, jobName) };
        return report.run.workflowPath ? { path: report.run.workflowPath } : undefined;
    };
    await forEachLimited(todo, o.concurrency, async (g) => {
        const job = g.representative;
        const workflow = workflowOf(job.job.name);
        const result = await analyzer.analyze({
            jobName: job.job.name,
            finding: job.finding,
            ...(job.failedStep ? { failedStep: job.failedStep } : {}),
            ...(workflow ? { workflow } : {}),
            changedFiles: report.change.changedFiles,
            affectedFiles: job.affectedFiles,
        });
        const u = result.ok ? result.explanation.usage : result.usage;
        const c = result.ok ? result.explanation.costUsd : result.costUsd;
        usage.calls += u.calls;
        usage.inputTokens += u.inputTokens;
        usage.outputTokens += u.outputTokens;
        if (c === undefined)
            priced &&= u.calls === 0;
        else
            cost = (cost ?? 0) + c;
        if (result.ok) {
            usage.explained++;
            job.explanation = {
                ...result.explanation,
                citedLinks: result.explanation.citedLines.map((line) => lineLink(report.run, job.job, job.finding, line, job.failedStep?.number)),
            };
        }
        else {
            usage.fallbacks++;
            job.explanationNote = `the deterministic result stands: ${result.reason}`;
            o.debug?.(`Job "${job.job.name}": ${result.reason}`);
        }
    });
    if (usage.fallbacks > 0)
        report.notes.push(`${usage.fallbacks} failure(s) could not be explained by Claude (${analyzer.model}); the deterministic result stands (see each job's explanationNote in report.json).`);
    if (priced && usage.calls > 0)
        usage.costUsd = Math.round((cost ?? 0) * 1_000_000) / 1_000_000;
    else if (usage.calls === 0)
        usage.costUsd = 0;
    report.llm = usage;
    return usage;
}

;// CONCATENATED MODULE: ./src/pipeline/triage-run.ts






async function triageRun(deps, o) {
    const collected = await collectRun(deps.octokit, o.ref, {
        mode: o.mode,
        ...(o.selfJobName ? { selfJobName: o.selfJobName } : {}),
        ...(o.selfRunnerName ? { selfRunnerName: o.selfRunnerName } : {}),
        maxJobs: o.maxJobs,
    });
    const { run } = collected;
    const notes = [...(collected.notes ?? [])];
    const over = collected.overLimit;
    deps.info(`Run ${run.name} #${run.id} attempt ${run.attempt}: ${collected.jobs.length} jobs, ${collected.failed.length + over.length} failed, ${collected.failed.length} to analyse` +
        (over.length ? ` (max-jobs ${o.maxJobs})` : '') +
        (collected.listedOnly.length ? `, ${collected.listedOnly.length} listed only` : ''));
    const jobs = collected.failed.length ? await analyseJobs(deps, o, collected, notes) : [];
    // Failed all the same: counted and listed, their logs not downloaded (max-jobs bounds the downloads).
    for (const job of over)
        jobs.push({ job, unavailable: `not analysed: over max-jobs (${o.maxJobs})`, notAnalysed: 'max-jobs' });
    if (over.length)
        notes.push(`${over.length} failed job(s) beyond max-jobs (${o.maxJobs}) were not analysed; raise the input to analyse them.`);
    const report = buildReport({
        mode: o.mode,
        run,
        change: collected.change,
        jobs,
        listedOnly: collected.listedOnly,
        notes,
        version: o.version,
        now: deps.now(),
        totalJobs: collected.jobs.length,
        passedJobs: collected.jobs
            .filter((j) => j.conclusion === 'success')
            .map((j) => ({ id: j.id, name: j.name, ...(j.completedAt ? { completedAt: j.completedAt } : {}) })),
    });
    if (o.llm && o.llm.mode !== 'never' && report.counts.analysed > 0) {
        const u = await explainReport(report, o.llm.analyzer, {
            mode: o.llm.mode,
            concurrency: Math.min(o.concurrency, 4),
            workflowFile: () => fetchWorkflowFile(deps.octokit, run, deps.debug),
            debug: deps.debug,
        });
        deps.info(`Claude (${u.model}): ${u.explained} explained, ${u.skipped} skipped, ${u.fallbacks} fallback(s); ` +
            `${u.calls} call(s), ${u.inputTokens} input + ${u.outputTokens} output tokens` +
            (u.costUsd !== undefined ? `, about $${u.costUsd.toFixed(4)}` : ''));
    }
    return report;
}
async function analyseJobs(deps, o, collected, notes) {
    const { run } = collected;
    const logs = deps.logSource(run);
    const results = new Array(collected.failed.length);
    let truncated = 0;
    const one = async (job) => {
        let baseline;
        let baselineRef;
        if (o.baseline) {
            try {
                const found = await logs.openBaseline(job);
                if (found) {
                    baseline = await (0,analyze_log/* buildBaseline */.E)(limitBytes(found.log, o.maxLogBytes));
                    baselineRef = found.ref;
                }
            }
            catch (e) {
                deps.debug(`No baseline for job "${job.name}": ${e.message}`);
            }
        }
        let source;
        try {
            source = await logs.openJobLog(job);
        }
        catch (e) {
            const why = e instanceof LogUnavailableError
                ? e.message
                : `the log could not be downloaded: ${e.message}`;
            return { job, unavailable: why, ...(baselineRef ? { baseline: baselineRef } : {}) };
        }
        try {
            const finding = await (0,analyze_log/* analyzeLog */.L)(limitBytes(source, o.maxLogBytes, () => truncated++), {
                userRules: o.userRules,
                ...(baseline ? { baseline } : {}),
                changedFiles: collected.change.changedFiles,
                context: {
                    ...(run.headBranch ? { branch: run.headBranch } : {}),
                    ...(run.defaultBranch ? { defaultBranch: run.defaultBranch } : {}),
                    job: job.name,
                    event: run.event,
                },
                ...(o.severityRules ? { severityRules: o.severityRules } : {}),
            });
            return { job, finding, ...(baselineRef ? { baseline: baselineRef } : {}) };
        }
        catch (e) {
            // The download broke off past its resumptions: the log cannot be had, and the message says where.
            const why = e instanceof LogUnavailableError ? e.message : `the log download broke off: ${e.message}`;
            return { job, unavailable: why, ...(baselineRef ? { baseline: baselineRef } : {}) };
        }
    };
    await forEachLimited(collected.failed, o.concurrency, async (job, i) => {
        results[i] = await one(job);
    });
    if (truncated)
        notes.push(`${truncated} log(s) were longer than ${Math.round(o.maxLogBytes / 1048576)} MB and were analysed up to there (input max-log-mb).`);
    const withBaseline = results.filter((r) => r.baseline).length;
    if (o.baseline && withBaseline < results.length)
        notes.push(`${results.length - withBaseline} of ${results.length} failed jobs had no passing run of the same job to compare with.`);
    return results;
}
/** Runs `fn` over `items` with at most `limit` at once, in order of start. */
async function forEachLimited(items, limit, fn) {
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
/** The first `max` bytes of a stream; `onCut` is called once when the stream was longer. */
async function* limitBytes(source, max, onCut) {
    let seen = 0;
    for await (const chunk of source) {
        if (seen + chunk.length <= max) {
            seen += chunk.length;
            yield chunk;
            continue;
        }
        const room = max - seen;
        if (room > 0)
            yield chunk.subarray(0, room);
        onCut?.();
        // Leaving the loop closes the underlying stream (its return() is called).
        return;
    }
}

// EXTERNAL MODULE: ./src/publish/redact.ts + 1 modules
var redact = __webpack_require__(8040);
// EXTERNAL MODULE: ./src/report/terminal.ts
var terminal = __webpack_require__(7496);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/cli/run-remote.ts






async function runRemote(io, o) {
    const log = { debug: () => undefined, warn: (m) => io.stderr(`ci-triage run: ${m}\n`) };
    const octokit = (0,github/* createGitHubClient */.LX)({ token: o.token, baseUrl: o.apiUrl, userAgent: `ci-triage/${version/* VERSION */.x}`, log });
    let report;
    try {
        report = await triageRun({
            octokit,
            logSource: (run) => createLogSource(octokit, run, { baseline: o.baseline, debug: () => undefined }),
            now: () => new Date(),
            debug: () => undefined,
            info: (m) => (o.json ? undefined : io.stderr(`${m}\n`)),
        }, {
            ref: o.ref,
            mode: 'cli',
            userRules: o.userRules,
            baseline: o.baseline,
            concurrency: o.concurrency,
            maxJobs: o.maxJobs,
            maxLogBytes: 1024 * 1024 * 1024,
            version: version/* VERSION */.x,
            ...(o.llm ? { llm: o.llm } : {}),
        });
    }
    catch (e) {
        io.stderr(`ci-triage run: ${(0,github/* collectError */.Zc)(e, `run ${o.ref.runId} of ${o.ref.owner}/${o.ref.repo}`).message}\n`);
        return 1;
    }
    const secrets = [o.token, ...(o.secrets ?? [])];
    io.stdout(o.json ? JSON.stringify((0,redact/* redactDeep */.KL)(report, secrets), null, 2) + '\n' : (0,terminal.renderReport)(report, o.style, secrets) + '\n');
    return 0;
}


/***/ }),

/***/ 7711:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AC: () => (/* binding */ fetchOf),
/* harmony export */   LX: () => (/* binding */ createGitHubClient),
/* harmony export */   Zc: () => (/* binding */ collectError),
/* harmony export */   g2: () => (/* binding */ describeHttpError),
/* harmony export */   h0: () => (/* binding */ CollectError),
/* harmony export */   s_: () => (/* binding */ httpStatusOf)
/* harmony export */ });
/* unused harmony exports retriesOf, BrokenAnswerError, rateLimitOf, isHttpError, permissionFor, permissionsBlock, answered */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1351);
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8665);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6856);
/**
 * The GitHub REST client: @actions/github's Octokit (REST methods + pagination) with the throttling plugin
 * (which paces requests: at most 10 at once, writes a second apart) and one retry loop of our own, the one
 * place that decides what is tried again; and the one place that turns an HTTP error into a message a person
 * can act on.
 *
 * What is retried, whatever the body (JSON, empty, HTML, cut off):
 * - a rate limit — any 429, and a 403 with `retry-after`, with `x-ratelimit-remaining: 0` or saying "secondary
 *   rate limit" — after the time GitHub gives (`retry-after`, else until `x-ratelimit-reset`, else a minute, as
 *   GitHub's documentation asks), at most `maxRateLimitRetries` times and only when that wait is at most
 *   `maxRateLimitWaitSeconds`: a longer one gives up at once, and the error says which bound was met;
 * - a server error (5xx), a network failure, and a 2xx answer to a GET whose JSON was cut off or is not JSON,
 *   `serverErrorRetries` times, 1 s then 4 s apart.
 * The throttling plugin's own rate-limit retries are off: it decides by the message text, so a 429 without a
 * body was never retried. The error that ends the loop carries what was tried (`retriesOf`).
 */




const defaultLog = {
    debug: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(m),
    warn: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(m),
};
const RETRY_NOTE = Symbol.for('ci-triage.retries');
function retriesOf(error) {
    return typeof error === 'object' && error !== null
        ? (error[RETRY_NOTE] ?? undefined)
        : undefined;
}
/** A 2xx answer whose JSON body did not arrive whole (or is not JSON). */
class BrokenAnswerError extends Error {
    name = 'BrokenAnswerError';
    status;
    request;
    constructor(status, request, bytes) {
        super(`the answer was cut off or is not JSON (${bytes} bytes of text)`);
        this.status = status;
        this.request = request;
    }
}
/** The rate limit an error is, per GitHub's documentation, and the wait it asks for; undefined otherwise. */
function rateLimitOf(error, nowMs = Date.now()) {
    if (!isHttpError(error) || (error.status !== 403 && error.status !== 429))
        return undefined;
    const retryAfter = Number(header(error, 'retry-after'));
    const remaining = header(error, 'x-ratelimit-remaining');
    const reset = Number(header(error, 'x-ratelimit-reset'));
    const secondary = /secondary rate limit/i.test(`${messageOf(error)} ${error.message}`);
    if (header(error, 'retry-after') !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0)
        return {
            kind: remaining === '0' && !secondary ? 'primary' : 'secondary',
            waitSeconds: Math.ceil(retryAfter),
            basis: `retry-after: ${header(error, 'retry-after')}`,
        };
    if (remaining === '0' && Number.isFinite(reset) && reset > 0)
        return {
            kind: 'primary',
            waitSeconds: Math.max(0, Math.ceil(reset - nowMs / 1000) + 1),
            basis: `the limit resets at ${new Date(reset * 1000).toISOString()}`,
        };
    if (error.status === 429 || secondary || /rate limit/i.test(messageOf(error)))
        return { kind: 'secondary', waitSeconds: 60, basis: 'no retry-after: a minute, as GitHub asks' };
    return undefined;
}
function answerOf(error) {
    if (error instanceof BrokenAnswerError)
        return 'cut off';
    if (isHttpError(error) && error.response)
        return String(error.status);
    return 'network error';
}
function createGitHubClient(options) {
    const log = options.log ?? defaultLog;
    const maxRateRetries = options.maxRateLimitRetries ?? 2;
    const maxWait = options.maxRateLimitWaitSeconds ?? 60;
    const serverRetries = options.serverErrorRetries ?? 2;
    const serverDelay = options.serverErrorDelayMs ?? 1000;
    const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const baseUrl = (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_1__/* .getOctokit */ .Q)(options.token, {
        baseUrl,
        ...(options.userAgent ? { userAgent: options.userAgent } : {}),
        log: { debug: log.debug, info: log.debug, warn: log.warn, error: log.warn },
        // Replacing `request` drops @actions/github's defaults, so keep its proxy-aware fetch unless one is given.
        request: { fetch: options.fetch ?? proxyFetch() },
        throttle: {
            // Pacing only: rate limits are retried below, by their headers.
            onRateLimit: () => false,
            onSecondaryRateLimit: () => false,
        },
    }, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
    const decide = (error, what, tried) => {
        const limit = rateLimitOf(error);
        if (limit) {
            const name = `GitHub ${limit.kind} rate limit on ${what} (${answerOf(error)}, ${limit.basis})`;
            if (tried.rate >= maxRateRetries) {
                const why = `still limited after ${tried.rate} ${tried.rate === 1 ? 'retry' : 'retries'}, the most ci-triage makes`;
                log.warn(`${name}: giving up, ${why}.`);
                return { retry: false, rateLimit: why };
            }
            if (limit.waitSeconds > maxWait) {
                const why = `GitHub asks to wait ${limit.waitSeconds} s, more than the ${maxWait} s ci-triage waits`;
                log.warn(`${name}: giving up, ${why}.`);
                return { retry: false, rateLimit: why };
            }
            tried.rate++;
            return {
                retry: true,
                waitMs: limit.waitSeconds * 1000,
                say: `${name}: retrying in ${limit.waitSeconds} s (retry ${tried.rate} of ${maxRateRetries}).`,
            };
        }
        const status = isHttpError(error) ? error.status : undefined;
        const server = error instanceof BrokenAnswerError ||
            (isHttpError(error) && (status >= 500 || !error.response)) ||
            (error instanceof Error && error.name === 'AbortError');
        if (server && tried.server < serverRetries) {
            tried.server++;
            const waitMs = tried.server * tried.server * serverDelay;
            return {
                retry: true,
                waitMs,
                say: `GitHub answered ${what} with ${answerOf(error)}: retrying in ${waitMs / 1000} s (retry ${tried.server} of ${serverRetries}).`,
            };
        }
        return { retry: false };
    };
    octokit.hook.wrap('request', async (request, opts) => {
        const o = opts;
        let url = o.url;
        try {
            url = octokit.request.endpoint.parse(opts).url;
        }
        catch {
            /* keep the template */
        }
        const what = `${o.method} ${url}`;
        const tried = { rate: 0, server: 0 };
        const answers = [];
        for (;;) {
            try {
                const res = (await request(opts));
                brokenAnswer(o.method, url, res);
                return res;
            }
            catch (e) {
                answers.push(answerOf(e));
                const d = decide(e, what, tried);
                if (!d.retry) {
                    if (typeof e === 'object' && e !== null) {
                        const note = {
                            attempts: answers.length,
                            answers,
                            ...(d.rateLimit ? { rateLimit: d.rateLimit } : {}),
                        };
                        Object.defineProperty(e, RETRY_NOTE, { value: note, enumerable: false, configurable: true });
                    }
                    throw e;
                }
                (d.waitMs >= 1000 ? log.warn : log.debug)(d.say);
                await sleep(d.waitMs);
            }
        }
    });
    return octokit;
}
/** A 2xx answer to a GET whose JSON body was cut off: @octokit/request hands it on as a string (or ""). */
function brokenAnswer(method, url, res) {
    if (method !== 'GET' || res.status < 200 || res.status > 299 || res.status === 204)
        return;
    const type = String(res.headers['content-type'] ?? '');
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type))
        return;
    if (typeof res.data !== 'string')
        return;
    throw new BrokenAnswerError(res.status, { method, url }, res.data.length);
}
function proxyFetch() {
    const request = _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_2__/* .defaults */ .NT.request;
    return request?.fetch;
}
/** The fetch the client was built with, for downloads that must not carry the token (log blobs). */
function fetchOf(octokit) {
    const request = octokit.request.endpoint.DEFAULTS.request;
    return request?.fetch ?? globalThis.fetch;
}
function isHttpError(error) {
    return (typeof error === 'object' &&
        error !== null &&
        typeof error.status === 'number' &&
        typeof error.message === 'string');
}
function httpStatusOf(error) {
    return isHttpError(error) ? error.status : undefined;
}
/** The permission an endpoint needs, from its path. */
function permissionFor(url) {
    if (!url)
        return undefined;
    let path = url;
    try {
        path = new URL(url, 'http://github.invalid').pathname;
    }
    catch {
        /* keep the raw string */
    }
    if (/\/actions\//.test(path))
        return 'actions';
    if (/\/pulls(\/|$)/.test(path))
        return 'pull-requests';
    if (/\/(commits|contents|git)(\/|$)/.test(path))
        return 'contents';
    return undefined;
}
function repoOf(url) {
    if (!url)
        return undefined;
    const m = /\/repos\/([^/?#]+)\/([^/?#]+)/.exec(url);
    return m ? `${decodeURIComponent(m[1] ?? '')}/${decodeURIComponent(m[2] ?? '')}` : undefined;
}
/** The smallest `permissions:` block for reading a run, with `extra` added. */
function permissionsBlock(extra) {
    const perms = new Set(['actions', 'contents']);
    if (extra)
        perms.add(extra);
    const order = ['actions', 'contents', 'pull-requests'];
    return ['permissions:', ...order.filter((p) => perms.has(p)).map((p) => `  ${p}: read`)].join('\n');
}
function messageOf(error) {
    const data = error.response?.data;
    if (typeof data === 'object' &&
        data !== null &&
        typeof data.message === 'string') {
        return data.message;
    }
    // An empty, HTML or cut-off body: what of it is readable, on one line.
    const text = (typeof data === 'string' ? data : error.message)
        .replace(/<[^>]*>/g, ' ')
        .replace(/&(?:#\d+|[a-z]+);/gi, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    if (text === '')
        return 'no message';
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
function header(error, name) {
    const v = error.response?.headers?.[name];
    return v === undefined ? undefined : String(v);
}
const TIMES = ['', 'once', 'twice', 'three times', 'four times', 'five times', 'six times'];
const times = (n) => TIMES[n] ?? `${n} times`;
/** " It answered 502 three times.", " It answered 502, then 503, then 502." for what the retry loop saw. */
function answered(note) {
    if (!note || note.attempts <= 1)
        return '';
    const { answers } = note;
    if (answers.every((a) => a === 'network error'))
        return ` ${answers.length} attempts failed to connect.`;
    const what = (a) => a === 'network error' ? 'a network error' : a === 'cut off' ? 'an answer cut off' : a;
    return answers.every((a) => a === answers[0])
        ? ` It answered ${what(answers[0])} ${times(answers.length)}.`
        : ` It answered ${answers.map(what).join(', then ')}.`;
}
/**
 * A message for a failed GitHub call that says what to do. `what` names the thing read, e.g. "run 123",
 * "the jobs of run 123", "the log of job 456", "pull request #7".
 */
function describeHttpError(error, what) {
    const note = retriesOf(error);
    if (!isHttpError(error)) {
        const msg = error instanceof Error ? error.message : String(error);
        const seen = answered(note);
        return `Could not read ${what} from the GitHub API: ${msg}${seen ? `.${seen}` : ''}`;
    }
    const status = error.status;
    const url = error.request?.url;
    const repo = repoOf(url);
    const message = messageOf(error);
    const inRepo = repo ? ` in ${repo}` : '';
    if (error instanceof BrokenAnswerError)
        return `GitHub's answer to reading ${what}${inRepo} broke off: ${error.message}.${answered(note)} Try again later.`;
    if (!error.response && status === 500)
        return `The GitHub API could not be reached while reading ${what} (${message}).${answered(note)} Check the runner's network (and GITHUB_API_URL), then re-run.`;
    if (status === 401) {
        return (`GitHub rejected the token (401 ${message}) while reading ${what}. Check the "github-token" input: ` +
            'it defaults to ${{ github.token }}; a personal access token may have expired, been revoked or lack access.');
    }
    const limit = rateLimitOf(error);
    if (limit) {
        const reset = Number(header(error, 'x-ratelimit-reset'));
        const when = limit.kind === 'primary' && Number.isFinite(reset) && reset > 0
            ? ` The limit resets at ${new Date(reset * 1000).toISOString()}.`
            : '';
        const why = note?.rateLimit ? ` ci-triage gave up: ${note.rateLimit}.` : '';
        return (`GitHub's ${limit.kind === 'secondary' ? 'secondary ' : ''}rate limit stopped reading ${what} (${status}: ${message}).${when}${why} ` +
            'Retries were exhausted; try again later, or lower the concurrency.');
    }
    if (status === 403) {
        const permission = permissionFor(url);
        if (/not accessible by integration/i.test(message) && permission) {
            return (`ci-triage needs the "${permission}: read" permission to read ${what}. Add to the workflow:\n` +
                permissionsBlock(permission)
                    .split('\n')
                    .map((l) => `  ${l}`)
                    .join('\n'));
        }
        return `GitHub refused access to ${what}${inRepo} (403: ${message}).${permission ? ` The token needs the "${permission}: read" permission.` : ''}`;
    }
    if (status === 404)
        return `${what} not found${inRepo} (or the token cannot see it)`;
    if (status === 410)
        return `${what} is gone${inRepo} (410: ${message}); logs expire after the retention period.`;
    if (status >= 500)
        return `The GitHub API failed while reading ${what} (${status}: ${message}).${answered(note)} Retries were exhausted; try again later.`;
    return `GitHub answered ${status} while reading ${what}${inRepo}: ${message}`;
}
/** An error from collection whose message is meant for the person reading the job log. */
class CollectError extends Error {
    name = 'CollectError';
    status;
    /** How far collection got, when the error stopped it. */
    reached;
    /** What the retry loop tried, when it was an API call. */
    retries;
    constructor(message, options) {
        super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
        this.status = options?.status;
        this.reached = options?.reached;
        this.retries = options?.retries;
    }
}
function collectError(error, what, reached) {
    if (error instanceof CollectError)
        return error;
    const status = httpStatusOf(error);
    const retries = retriesOf(error);
    return new CollectError(describeHttpError(error, what), {
        cause: error,
        ...(status !== undefined && (!isHttpError(error) || error.response || status !== 500) ? { status } : {}),
        ...(reached ? { reached: { what, ...reached } } : {}),
        ...(retries ? { retries } : {}),
    });
}


/***/ }),

/***/ 6900:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rg: () => (/* binding */ groupByFingerprint)
/* harmony export */ });
/* unused harmony exports SEVERITY_RANK, rankedJobs, keyLineText */
const SEVERITY_RANK = { critical: 3, high: 2, medium: 1, low: 0 };
const analysed = (j) => j.finding !== undefined;
/** Analysed jobs, most severe first; report (API) order within a severity. */
function rankedJobs(report) {
    return report.jobs
        .filter(analysed)
        .map((j, i) => ({ j, i }))
        .sort((a, b) => SEVERITY_RANK[b.j.finding.severity] - SEVERITY_RANK[a.j.finding.severity] || a.i - b.i)
        .map(({ j }) => j);
}
/** Jobs grouped by fingerprint: the most severe group first, then the largest, then the first seen. */
function groupByFingerprint(report) {
    const groups = new Map();
    for (const j of rankedJobs(report)) {
        const g = groups.get(j.finding.fingerprint);
        if (g)
            g.jobs.push(j);
        else
            groups.set(j.finding.fingerprint, {
                fingerprint: j.finding.fingerprint,
                representative: j,
                jobs: [j],
                severity: j.finding.severity,
            });
    }
    return [...groups.values()]
        .map((g, i) => ({ g, i }))
        .sort((a, b) => SEVERITY_RANK[b.g.severity] - SEVERITY_RANK[a.g.severity] ||
        b.g.jobs.length - a.g.jobs.length ||
        a.i - b.i)
        .map(({ g }) => g);
}
/** The text of an excerpt's key line, when the excerpt holds it. */
function keyLineText(f, excerptIndex = 0) {
    const e = f.excerpts[excerptIndex];
    return e ? e.lines[e.keyLine - e.startLine] : undefined;
}


/***/ })

};

//# sourceMappingURL=903.cli.js.map
