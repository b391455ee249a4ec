export const id = 884;
export const ids = [884];
export const modules = {

/***/ 884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  historyCommand: () => (/* binding */ historyCommand)
});

// UNUSED EXPORTS: renderTrends

// EXTERNAL MODULE: ./src/collect/github.ts
var github = __webpack_require__(7711);
// EXTERNAL MODULE: ./src/classify/rules.ts + 28 modules
var rules = __webpack_require__(4897);
// EXTERNAL MODULE: ./src/report/groups.ts
var groups = __webpack_require__(6900);
;// CONCATENATED MODULE: ./src/history/analysis.ts
/**
 * What the history says about this run's failures: recurrence (how often, since when, where), flakiness
 * (with its evidence), whether to escalate, whether a re-run is allowed, and the trends of the window. Pure:
 * the records and the report in, plain data out.
 */



const GENERIC = rules/* BUILTIN_RULES */.Yb.filter((r) => r.generic).map((r) => r.pattern);
/**
 * A fingerprint that rests on nothing specific — an unknown failure (the log's tail), or only generic lines
 * ("Process completed with exit code 1") — is never evidence of recurrence or flakiness.
 */
function isGenericFinding(f) {
    if (f.failureType === 'unknown')
        return true;
    if (f.fingerprintLines.length === 0)
        return true;
    return f.fingerprintLines.every((l) => GENERIC.some((p) => p.test(l) || p.test(`##[error]${l}`)));
}
/** The records this run adds: a failed record per analysed job, a passed one per job that succeeded. */
function recordsOfReport(report, passedJobs, now) {
    const { run, change } = report;
    const base = {
        repository: `${run.owner}/${run.repo}`,
        workflow: run.name,
        workflowId: run.workflowId,
        runId: run.id,
        attempt: run.attempt,
        ...(run.number !== undefined ? { runNumber: run.number } : {}),
        runUrl: run.htmlUrl,
        sha: run.headSha,
        ...(run.headBranch ? { branch: run.headBranch } : {}),
        ...(change.pullRequest ? { pr: change.pullRequest.number } : {}),
    };
    const files = change.changedFiles.slice(0, 50);
    const out = [];
    for (const j of report.jobs) {
        const f = j.finding;
        if (!f)
            continue;
        const first = f.excerpts[0];
        const key = first ? (first.lines[first.keyLine - first.startLine] ?? '') : '';
        out.push({
            ...base,
            outcome: 'failed',
            fingerprint: f.fingerprint,
            job: j.job.name,
            jobId: j.job.id,
            failureType: f.failureType,
            severity: f.severity,
            transient: f.transient,
            ...(isGenericFinding(f) ? { generic: true } : {}),
            ...(key ? { keyLine: (f.fingerprintLines[0] ?? key).slice(0, 200) } : {}),
            ...(files.length ? { changedFiles: files } : {}),
            time: j.job.completedAt ?? now.toISOString(),
        });
    }
    for (const j of passedJobs)
        out.push({
            ...base,
            outcome: 'passed',
            fingerprint: '',
            job: j.name,
            jobId: j.id,
            time: j.completedAt ?? now.toISOString(),
        });
    return out;
}
/** For each distinct failure of the report, what the history (plus this run) says about it. */
function recurrencesOf(report, history, current, o) {
    const repo = `${report.run.owner}/${report.run.repo}`;
    const all = dedupe([...history.filter((r) => r.repository === repo), ...current]);
    const out = new Map();
    for (const g of groupByFingerprint(report))
        out.set(g.fingerprint, recurrenceOf(g, all, report, o));
    return out;
}
function dedupe(records) {
    const m = new Map();
    for (const r of records)
        m.set(recordKey(r), r);
    return [...m.values()];
}
function recurrenceOf(g, all, report, o) {
    const fp = g.fingerprint;
    const generic = isGenericFinding(g.representative.finding);
    const failed = all
        .filter((r) => r.outcome === 'failed' && r.fingerprint === fp)
        .sort((a, b) => a.time.localeCompare(b.time));
    const runs = new Set(failed.map((r) => r.runId));
    runs.add(report.run.id);
    const first = failed[0];
    const branches = [...new Set(failed.map((r) => r.branch).filter((b) => !!b))].sort();
    const prs = [...new Set(failed.map((r) => r.pr).filter((p) => p !== undefined))].sort((a, b) => a - b);
    const escalatedBefore = failed.some((r) => r.escalated === true && r.runId !== report.run.id);
    const evidence = generic ? [] : flakyEvidence(fp, failed, all);
    const occurrences = generic ? 1 : runs.size;
    return {
        fingerprint: fp,
        occurrences,
        firstSeen: first
            ? {
                time: first.time,
                runId: first.runId,
                runUrl: first.runUrl,
                ...(first.runNumber !== undefined ? { runNumber: first.runNumber } : {}),
            }
            : {
                time: report.generatedAt,
                runId: report.run.id,
                runUrl: report.run.htmlUrl,
                ...(report.run.number !== undefined ? { runNumber: report.run.number } : {}),
            },
        branches,
        prs,
        recurring: !generic && [...runs].some((id) => id !== report.run.id),
        escalate: !generic && occurrences >= o.threshold && !escalatedBefore,
        escalatedBefore,
        flaky: evidence.length > 0,
        evidence,
        generic,
    };
}
/**
 * Evidence that a failure is flaky: the same job failed and passed on the same commit (run attempts, or
 * another run), or the failure hit pull requests that changed no file in common.
 */
function flakyEvidence(fp, failed, all) {
    const out = [];
    const seen = new Set();
    for (const f of failed) {
        if (f.generic)
            continue;
        const passed = all.find((r) => r.outcome === 'passed' && r.sha === f.sha && r.job === f.job && r.workflowId === f.workflowId);
        if (!passed)
            continue;
        const key = `${f.sha}#${f.job}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const where = (r) => `run ${r.runNumber !== undefined ? `#${r.runNumber}` : r.runId} attempt ${r.attempt}`;
        out.push({
            kind: 'same-commit',
            text: `${f.job} failed on ${f.sha.slice(0, 7)} in ${where(f)} and passed on the same commit in ${where(passed)}`,
        });
        if (out.length >= 3)
            return out;
    }
    // Pull requests with nothing in common: the failure does not follow the code.
    const byPr = new Map();
    for (const f of failed)
        if (f.pr !== undefined && f.changedFiles?.length && !f.generic && !byPr.has(f.pr))
            byPr.set(f.pr, f);
    const prs = [...byPr.values()];
    for (let i = 0; i < prs.length && out.length < 3; i++)
        for (let j = i + 1; j < prs.length && out.length < 3; j++) {
            const a = prs[i];
            const b = prs[j];
            const common = (a.changedFiles ?? []).some((x) => (b.changedFiles ?? []).includes(x));
            if (!common && a.sha !== b.sha)
                out.push({
                    kind: 'unrelated-prs',
                    text: `failed on pull requests #${a.pr} and #${b.pr}, which change no file in common`,
                });
        }
    return out;
}
/** Whether to re-run the run's failed jobs. `rerunsToday`: runs re-run by ci-triage since the start of the UTC day. */
function rerunDecision(report, recurrences, policy, rerunsToday) {
    if (!policy.enabled)
        return { rerun: false, reason: 're-runs are off (rerun: false)' };
    if (report.mode !== 'companion')
        return {
            rerun: false,
            reason: 'a run cannot be re-run from inside itself while it is still going: use the companion mode (on: workflow_run) for gated re-runs',
        };
    if (report.counts.failed === 0)
        return { rerun: false, reason: 'no job failed' };
    if (report.counts.unavailable > 0)
        return { rerun: false, reason: 'a failed job has no log to judge it by' };
    if (report.run.attempt >= policy.maxAttempts)
        return {
            rerun: false,
            reason: `attempt ${report.run.attempt} is not below max-attempts (${policy.maxAttempts})`,
        };
    const branch = report.run.headBranch ?? '';
    if (!policy.branches.some((p) => globMatch(p, branch)))
        return {
            rerun: false,
            reason: `branch ${JSON.stringify(branch)} is not in rerun-branches (${policy.branches.join(', ')})`,
        };
    const why = [];
    for (const j of report.jobs) {
        const f = j.finding;
        if (!f)
            continue;
        const r = recurrences.get(f.fingerprint);
        const flaky = r?.flaky ?? false;
        if (f.failureType === 'test_failure' && !flaky)
            return {
                rerun: false,
                reason: `${j.job.name} is a test failure with no evidence of flakiness: a re-run would hide it`,
            };
        if (!f.transient && !flaky)
            return {
                rerun: false,
                reason: `${j.job.name} failed with ${f.failureType}, which is neither transient nor flaky by evidence`,
            };
        why.push(`${j.job.name}: ${flaky ? `flaky (${r?.evidence[0]?.text ?? 'by evidence'})` : `${f.failureType}, transient`}`);
    }
    if (rerunsToday >= policy.dailyCap)
        return { rerun: false, reason: `the daily re-run cap is reached (${rerunsToday} of ${policy.dailyCap})` };
    return { rerun: true, reason: `every failed job is transient or flaky — ${why.join('; ')}` };
}
function globMatch(pattern, value) {
    const re = new RegExp(`^${pattern
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
        .join('.*')}$`);
    return re.test(value);
}
function trendsOf(records, windowDays) {
    const failed = records.filter((r) => r.outcome === 'failed');
    const types = new Map();
    for (const r of failed)
        if (r.failureType)
            types.set(r.failureType, (types.get(r.failureType) ?? 0) + 1);
    const byFp = new Map();
    for (const r of failed)
        if (!r.generic)
            byFp.set(r.fingerprint, [...(byFp.get(r.fingerprint) ?? []), r]);
    const top = [...byFp.entries()]
        .map(([fingerprint, rs]) => {
        const last = rs.reduce((a, b) => (a.time > b.time ? a : b));
        return {
            fingerprint,
            ...(last.failureType ? { failureType: last.failureType } : {}),
            occurrences: new Set(rs.map((r) => r.runId)).size,
            lastSeen: last.time,
            ...(last.keyLine ? { keyLine: last.keyLine } : {}),
        };
    })
        .sort((a, b) => b.occurrences - a.occurrences || b.lastSeen.localeCompare(a.lastSeen))
        .slice(0, 10);
    const wf = new Map();
    const runKey = (r) => `${r.runId}#${r.attempt}`;
    for (const r of records) {
        const w = wf.get(r.workflow) ?? { failed: new Set(), passed: new Set() };
        (r.outcome === 'failed' ? w.failed : w.passed).add(runKey(r));
        wf.set(r.workflow, w);
    }
    const workflows = [...wf.entries()].map(([workflow, w]) => {
        const passed = [...w.passed].filter((k) => !w.failed.has(k)).length;
        return {
            workflow,
            failedRuns: w.failed.size,
            passedRuns: passed,
            rate: w.failed.size / Math.max(1, w.failed.size + passed),
        };
    });
    // A branch's streaks: from the first failed run after a green one (or the window's start) to the next green.
    const byBranch = new Map();
    for (const r of records)
        if (r.branch)
            byBranch.set(r.branch, [...(byBranch.get(r.branch) ?? []), r]);
    const hours = [];
    for (const rs of byBranch.values()) {
        const runs = new Map();
        for (const r of rs) {
            const k = runKey(r);
            const prev = runs.get(k);
            runs.set(k, {
                time: prev && prev.time > r.time ? prev.time : r.time,
                failed: (prev?.failed ?? false) || r.outcome === 'failed',
            });
        }
        let since;
        for (const run of [...runs.values()].sort((a, b) => a.time.localeCompare(b.time))) {
            if (run.failed)
                since ??= run.time;
            else if (since) {
                hours.push((Date.parse(run.time) - Date.parse(since)) / 3_600_000);
                since = undefined;
            }
        }
    }
    hours.sort((a, b) => a - b);
    return {
        windowDays,
        byType: [...types.entries()].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count),
        top,
        workflows: workflows.sort((a, b) => b.failedRuns - a.failedRuns),
        timeToGreen: {
            samples: hours.length,
            ...(hours.length
                ? { medianHours: hours[Math.floor((hours.length - 1) / 2)], maxHours: hours[hours.length - 1] }
                : {}),
        },
        records: records.length,
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(6141);
// EXTERNAL MODULE: ./src/types.ts
var types = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/history/types.ts
const HISTORY_SCHEMA = 'ci-triage/history@1';
/** The identity of a record, for merging snapshots written concurrently. */
function types_recordKey(r) {
    return `${r.repository}#${r.runId}#${r.attempt}#${r.jobId}#${r.outcome}#${r.fingerprint}`;
}

;// CONCATENATED MODULE: ./src/history/store.ts
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







const DEFAULT_HISTORY_ARTIFACT = 'ci-triage-history';
/** The file the snapshot zip holds. */
const HISTORY_FILE = 'history.json';
/** The most a snapshot zip may weigh (the listing's `size_in_bytes`, then the bytes received). */
const MAX_SNAPSHOT_ZIP_BYTES = 32 * 1024 * 1024;
/** The most `history.json` may weigh once inflated. */
const MAX_SNAPSHOT_JSON_BYTES = 128 * 1024 * 1024;
/** The longest a snapshot download may take. */
const DOWNLOAD_TIMEOUT_MS = 60_000;
const DAY_MS = 86_400_000;
function createArtifactHistoryStore(o) {
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
    let last;
    const cutoff = () => o.now().getTime() - o.windowDays * DAY_MS;
    /** Downloads one snapshot: the API's 302, then the blob without the token, bounded; its valid records. */
    async function download(a) {
        const res = await o.octokit.rest.actions.downloadArtifact({
            owner: o.owner,
            repo: o.repo,
            artifact_id: a.id,
            archive_format: 'zip',
            request: { redirect: 'manual' },
        });
        let zip;
        const location = res.headers.location;
        if (typeof location === 'string' && location !== '') {
            zip = await fetchBounded((0,github/* fetchOf */.AC)(o.octokit), location, MAX_SNAPSHOT_ZIP_BYTES);
        }
        else if (res.data instanceof ArrayBuffer) {
            // A fetch that followed the redirect itself.
            zip = Buffer.from(res.data);
        }
        else {
            throw new Error(`the API answered ${res.status} without a download location`);
        }
        const json = readZipEntry(zip, HISTORY_FILE, MAX_SNAPSHOT_JSON_BYTES);
        if (!json)
            throw new Error(`the artifact holds no ${HISTORY_FILE}`);
        return parseSnapshot(json.toString('utf8'));
    }
    async function readNow() {
        const started = performance.now();
        let calls = 0;
        let loaded = 0;
        const cost = () => ({
            calls,
            snapshots: loaded,
            ms: Math.round((performance.now() - started) * 10) / 10,
        });
        let listed;
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
        }
        catch (e) {
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
        const problems = [];
        const results = await Promise.all(usable.map(async (a) => {
            if (a.size_in_bytes > MAX_SNAPSHOT_ZIP_BYTES) {
                problems.push(`snapshot ${a.id} skipped: ${a.size_in_bytes} bytes is over the limit`);
                return undefined;
            }
            calls++;
            try {
                const records = await download(a);
                loaded++;
                return { a, records };
            }
            catch (e) {
                problems.push(`snapshot ${a.id} (run ${a.workflow_run?.id ?? '?'}) not read: ${messageOf(e, a)}`);
                return undefined;
            }
        }));
        const read = results.filter((r) => r !== undefined);
        // Oldest first, so that a newer snapshot's copy of a record wins.
        const merged = new Map();
        for (const r of [...read].reverse())
            for (const rec of r.records)
                merged.set(types_recordKey(rec), rec);
        const records = prune([...merged.values()], cutoff(), Infinity);
        const c = cost();
        debug(`history: ${records.length} records from ${c.snapshots} of ${usable.length} snapshots ` +
            `(${listed.length} listed) in ${c.calls} calls, ${c.ms} ms`);
        const error = problems.length > 0 ? `some history snapshots could not be read: ${problems.join('; ')}` : undefined;
        if (error)
            debug(`history: ${error}`);
        return {
            state: { records, artifacts: read.map((r) => r.a), ...(error ? { error } : {}) },
            cost: c,
        };
    }
    /** This run's snapshot(s) (an earlier attempt's, or another job's), when the last read did not include it. */
    async function ownRecords() {
        const res = await o.octokit.rest.actions.listWorkflowRunArtifacts({
            owner: o.owner,
            repo: o.repo,
            run_id: o.runId,
            name,
            per_page: 10,
        });
        const own = res.data.artifacts.filter((a) => a.name === name && !a.expired);
        const all = [];
        for (const a of own)
            all.push(...(await download(a)));
        return all;
    }
    function client_() {
        if (!o.client)
            throw new Error('the store is read-only: no artifact client was given');
        return o.client;
    }
    async function deleteOwn() {
        try {
            await client_().deleteArtifact(name);
            debug(`history: deleted this run's earlier ${name} artifact (the new snapshot holds its records)`);
        }
        catch (e) {
            if (isNotFound(e))
                return;
            throw e;
        }
    }
    return {
        async read() {
            const p = readNow().catch((e) => {
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
                    error: `the artifact service is not available (${missing.join(' and ')} not set: not running in a ` +
                        'GitHub Actions job), so the history was not written',
                };
            }
            const dir = (0,external_node_path_.join)(o.tmpDir, `ci-triage-history-upload-${o.runId}-${o.attempt}-${(0,external_node_crypto_.randomUUID)().slice(0, 8)}`);
            let kept = [];
            try {
                last ??= readNow().then((r) => r.state);
                const base = await last;
                const notes = [];
                if (base.error)
                    notes.push(`written without all the earlier history (${base.error})`);
                const merged = new Map();
                const add = (list, override) => {
                    for (const r of list) {
                        const key = types_recordKey(r);
                        if (override || !merged.has(key))
                            merged.set(key, r);
                    }
                };
                add(base.records, true);
                add(records.map(validRecord).filter((r) => r !== undefined), true);
                // A snapshot of this run is replaced only once its records are in the new one.
                const mergeOwn = async () => {
                    try {
                        add(await ownRecords(), false);
                    }
                    catch (e) {
                        throw new Error(`this run's earlier ${name} artifact could not be read, so it is not replaced: ${messageOf(e)}`, { cause: e });
                    }
                };
                const file = (0,external_node_path_.join)(dir, HISTORY_FILE);
                await (0,promises_.mkdir)(dir, { recursive: true });
                const build = async () => {
                    kept = prune([...merged.values()], cutoff(), maxRecords);
                    const snapshot = {
                        schema: HISTORY_SCHEMA,
                        writtenAt: o.now().toISOString(),
                        writtenBy: { runId: o.runId, attempt: o.attempt },
                        records: kept,
                    };
                    const json = JSON.stringify(snapshot);
                    await (0,promises_.writeFile)(file, json, 'utf8');
                    return Buffer.byteLength(json);
                };
                const retentionDays = Math.min(90, Math.max(1, Math.ceil(o.windowDays)));
                const upload = () => client_().uploadArtifact(name, [file], dir, { retentionDays });
                if (o.attempt > 1) {
                    // The name is taken in this run by an earlier attempt's snapshot: fold it in, then replace it.
                    if (!base.artifacts.some((a) => a.workflow_run?.id === o.runId))
                        await mergeOwn();
                    await deleteOwn();
                }
                let jsonBytes = await build();
                let res;
                try {
                    res = await upload();
                }
                catch (e) {
                    if (!isConflict(e))
                        throw e;
                    // Another job of this run wrote one since: fold it in, replace it, once.
                    debug(`history: ${name} already exists in run ${o.runId}; replacing it with a superset`);
                    await mergeOwn();
                    await deleteOwn();
                    jsonBytes = await build();
                    res = await upload();
                }
                last = Promise.resolve({ records: kept, artifacts: base.artifacts });
                debug(`history: wrote ${kept.length} records (${jsonBytes} bytes of JSON, ${res.size ?? '?'} zipped) ` +
                    `as artifact ${res.id ?? '?'}`);
                return {
                    written: true,
                    records: kept.length,
                    bytes: res.size ?? jsonBytes,
                    ...(notes.length > 0 ? { error: notes.join('; ') } : {}),
                };
            }
            catch (e) {
                const error = `the history snapshot could not be uploaded: ${messageOf(e)}`;
                debug(`history: ${error}`);
                return { written: false, records: kept.length, bytes: 0, error };
            }
            finally {
                await (0,promises_.rm)(dir, { recursive: true, force: true }).catch(() => undefined);
            }
        },
    };
}
/** Records in the window (invalid times dropped), oldest first, the newest `max` kept. */
function prune(records, cutoff, max) {
    const timed = records
        .map((r) => ({ r, t: Date.parse(r.time), k: types_recordKey(r) }))
        .filter((x) => Number.isFinite(x.t) && x.t >= cutoff)
        .sort((a, b) => a.t - b.t || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    const kept = timed.length > max ? timed.slice(timed.length - max) : timed;
    return kept.map((x) => x.r);
}
/** Parses `history.json`; only records of a valid shape come back. */
function parseSnapshot(text) {
    const data = JSON.parse(text);
    if (typeof data !== 'object' || data === null)
        throw new Error('the snapshot is not a JSON object');
    const snap = data;
    if (snap.schema !== HISTORY_SCHEMA) {
        throw new Error(`the snapshot's schema is ${JSON.stringify(snap.schema)}, not ${HISTORY_SCHEMA}`);
    }
    if (!Array.isArray(snap.records))
        throw new Error('the snapshot has no records array');
    const out = [];
    for (const r of snap.records) {
        const v = validRecord(r);
        if (v)
            out.push(v);
    }
    return out;
}
const FAILURE_TYPE_SET = new Set(types/* FAILURE_TYPES */.f);
const SEVERITY_SET = new Set(types/* SEVERITIES */.o);
/** The record when its required fields have the right types (optional ones of a wrong type are dropped). */
function validRecord(x) {
    if (typeof x !== 'object' || x === null)
        return undefined;
    const r = x;
    const str = (k) => typeof r[k] === 'string';
    const int = (k) => typeof r[k] === 'number' && Number.isSafeInteger(r[k]);
    if ((r.outcome !== 'failed' && r.outcome !== 'passed') ||
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
        !str('time')) {
        return undefined;
    }
    const out = { ...r };
    const drop = (k, ok) => {
        if (out[k] !== undefined && !ok)
            delete out[k];
    };
    drop('runNumber', int('runNumber'));
    drop('branch', str('branch'));
    drop('pr', int('pr'));
    drop('failureType', typeof r.failureType === 'string' && FAILURE_TYPE_SET.has(r.failureType));
    drop('severity', typeof r.severity === 'string' && SEVERITY_SET.has(r.severity));
    drop('transient', typeof r.transient === 'boolean');
    drop('generic', typeof r.generic === 'boolean');
    if (typeof out.keyLine === 'string')
        out.keyLine = out.keyLine.slice(0, 200);
    else
        drop('keyLine', false);
    if (Array.isArray(out.changedFiles)) {
        out.changedFiles = out.changedFiles.filter((f) => typeof f === 'string').slice(0, 50);
    }
    else
        drop('changedFiles', false);
    return out;
}
/** GETs `url` (a signed blob URL: no token), refusing more than `max` bytes and giving up after a while. */
async function fetchBounded(fetchImpl, url, max) {
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
    if (!res.body)
        return Buffer.alloc(0);
    const chunks = [];
    let total = 0;
    const reader = res.body.getReader();
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
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
function readZipEntry(zip, entry, maxBytes) {
    const EOCD = 0x06054b50;
    let eocd = -1;
    for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
        if (zip.readUInt32LE(i) === EOCD) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0)
        throw new Error('not a zip archive');
    const count = zip.readUInt16LE(eocd + 10);
    let p = zip.readUInt32LE(eocd + 16);
    if (p === 0xffffffff || count === 0xffff)
        throw new Error('zip64 archives are not supported');
    for (let n = 0; n < count; n++) {
        if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50)
            throw new Error('corrupt zip directory');
        const method = zip.readUInt16LE(p + 10);
        const compressed = zip.readUInt32LE(p + 20);
        const size = zip.readUInt32LE(p + 24);
        const nameLength = zip.readUInt16LE(p + 28);
        const extraLength = zip.readUInt16LE(p + 30);
        const commentLength = zip.readUInt16LE(p + 32);
        const local = zip.readUInt32LE(p + 42);
        const fileName = zip.toString('utf8', p + 46, p + 46 + nameLength);
        p += 46 + nameLength + extraLength + commentLength;
        if (fileName !== entry)
            continue;
        if (compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff)
            throw new Error('zip64 entries are not supported');
        if (size > maxBytes)
            throw new Error(`${entry} is ${size} bytes, over the ${maxBytes}-byte limit`);
        if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50)
            throw new Error('corrupt zip entry');
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        if (start + compressed > zip.length)
            throw new Error('truncated zip entry');
        const data = zip.subarray(start, start + compressed);
        let out;
        if (method === 0)
            out = Buffer.from(data);
        else if (method === 8)
            out = (0,external_node_zlib_.inflateRawSync)(data, { maxOutputLength: Math.max(1, size) });
        else
            throw new Error(`unsupported zip compression method ${method}`);
        if (out.length !== size)
            throw new Error(`${entry}: ${out.length} bytes inflated, ${size} expected`);
        return out;
    }
    return undefined;
}
function listError(e, where) {
    const what = `the ci-triage history (workflow artifacts of ${where})`;
    const message = (0,github/* describeHttpError */.g2)(e, what);
    if ((0,github/* httpStatusOf */.s_)(e) === 404) {
        return `${message}: reading the history needs the "actions: read" permission`;
    }
    return message;
}
function messageOf(e, a) {
    if (a && (0,github/* httpStatusOf */.s_)(e) !== undefined)
        return (0,github/* describeHttpError */.g2)(e, `artifact ${a.id}`);
    return e instanceof Error ? e.message : String(e);
}
function isNotFound(e) {
    return ((e instanceof Error && e.name === 'ArtifactNotFoundError') ||
        /not found/i.test(e instanceof Error ? e.message : String(e)));
}
/** CreateArtifact's 409: the name is taken in this run. */
function isConflict(e) {
    return /\(409\)|already exists|conflict/i.test(e instanceof Error ? e.message : String(e));
}
/** An artifact uploaded by a run of a fork's code (a pull request from a fork). */
function fromFork(a) {
    const w = a.workflow_run;
    return w?.head_repository_id != null && w.repository_id != null && w.head_repository_id !== w.repository_id;
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/cli/history.ts
/**
 * `ci-triage history OWNER/REPO`: the trends of the history the action keeps in the repository's workflow
 * artifacts — failure types, the top failures, failure rate per workflow, time to green. Read-only. Loaded
 * only for that command.
 */




async function historyCommand(io, o) {
    const log = { debug: () => undefined, warn: (m) => io.stderr(`ci-triage history: ${m}\n`) };
    const octokit = (0,github/* createGitHubClient */.LX)({
        token: o.token,
        baseUrl: o.apiUrl,
        userAgent: `ci-triage/${version/* VERSION */.x}`,
        log,
    });
    const store = createArtifactHistoryStore({
        octokit,
        owner: o.owner,
        repo: o.repo,
        runId: 0,
        attempt: 1,
        token: o.token,
        windowDays: o.days,
        now: () => new Date(),
        tmpDir: o.tmpDir,
        env: { ...io.env, GITHUB_API_URL: o.apiUrl },
    });
    const read = await store.read();
    if (read.error && read.records.length === 0) {
        io.stderr(`ci-triage history: ${read.error}\n`);
        return 1;
    }
    const since = Date.now() - o.days * 86_400_000;
    const records = read.records.filter((r) => r.repository.toLowerCase() === `${o.owner}/${o.repo}`.toLowerCase() && Date.parse(r.time) >= since);
    const trends = trendsOf(records, o.days);
    if (o.json) {
        io.stdout(JSON.stringify({ repository: `${o.owner}/${o.repo}`, cost: read.cost, trends }) + '\n');
        return 0;
    }
    io.stdout(renderTrends(`${o.owner}/${o.repo}`, trends, o.style) + '\n');
    io.stderr(`(read in ${read.cost.calls} API calls, ${read.cost.snapshots} snapshots, ${Math.round(read.cost.ms)} ms)\n`);
    return 0;
}
function renderTrends(repository, t, s) {
    const out = [s.bold(`${repository}: ${t.records} records in the last ${t.windowDays} days`), ''];
    if (t.records === 0) {
        out.push('No history yet: the action writes it (input history, on by default) on each triage.');
        return out.join('\n');
    }
    const total = t.byType.reduce((a, x) => a + x.count, 0);
    out.push(s.bold('Failed jobs by type'));
    const width = Math.max(...t.byType.map((x) => x.type.length));
    for (const x of t.byType) {
        const bar = '█'.repeat(Math.max(1, Math.round((x.count / Math.max(1, total)) * 40)));
        out.push(`  ${x.type.padEnd(width)}  ${s.cyan(bar)} ${x.count}`);
    }
    out.push('', s.bold('Top failures'));
    for (const x of t.top.slice(0, 10))
        out.push(`  ${x.fingerprint}  ${String(x.occurrences).padStart(3)} runs  last ${x.lastSeen.slice(0, 10)}  ${x.failureType ?? ''}  ${s.dim((x.keyLine ?? '').slice(0, 100))}`);
    out.push('', s.bold('Failure rate per workflow'));
    for (const w of t.workflows)
        out.push(`  ${w.workflow}: ${Math.round(w.rate * 100)}% (${w.failedRuns} failed of ${w.failedRuns + w.passedRuns} seen)`);
    if (t.timeToGreen.samples > 0)
        out.push('', `${s.bold('Time to green')}: median ${(t.timeToGreen.medianHours ?? 0).toFixed(1)} h, longest ${(t.timeToGreen.maxHours ?? 0).toFixed(1)} h over ${t.timeToGreen.samples} streaks`);
    return out.join('\n');
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

//# sourceMappingURL=884.cli.js.map
