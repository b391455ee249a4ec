/**
 * One run, from the Actions API to a report: collect the run and its failed jobs, then download and analyse
 * each failed job's log (with its baseline) with bounded concurrency. Shared by the action (`main.ts`) and
 * the CLI (`ci-triage run <url>`). A job whose log cannot be had is reported as unavailable; the rest of the
 * report still goes out.
 */
import type { Analyzer, LlmMode } from '../analyze/analyzer.js';
import type { Rule } from '../classify/rules.js';
import type { SeverityRules } from '../classify/severity.js';
import type { GitHubClient } from '../collect/github.js';
import { collectRun } from '../collect/run.js';
import { fetchWorkflowFile } from '../collect/workflow-file.js';
import {
  type BaselineRef,
  type CollectedJob,
  type CollectedRun,
  type LogSource,
  LogUnavailableError,
  type RunInfo,
  type RunRef,
  type TriggerMode,
} from '../collect/types.js';
import type { BaselineIndex } from '../logs/extract.js';
import { buildReport, type JobInput } from '../report/build.js';
import type { TriageReport } from '../report/types.js';
import { analyzeLog, buildBaseline, type ByteSource } from './analyze-log.js';
import { explainReport } from './explain.js';

export interface TriageRunOptions {
  ref: RunRef;
  mode: TriggerMode;
  selfJobName?: string;
  selfRunnerName?: string;
  userRules: readonly Rule[];
  severityRules?: SeverityRules;
  baseline: boolean;
  concurrency: number;
  maxJobs: number;
  maxLogBytes: number;
  version: string;
  /** The LLM stage, when configured: after the deterministic analysis, per distinct failure. */
  llm?: { analyzer: Analyzer; mode: LlmMode };
}

export interface TriageRunDeps {
  octokit: GitHubClient;
  /** Builds the log source once the run is known. */
  logSource: (run: RunInfo) => LogSource;
  now: () => Date;
  debug: (message: string) => void;
  info: (message: string) => void;
}

export async function triageRun(deps: TriageRunDeps, o: TriageRunOptions): Promise<TriageReport> {
  const collected = await collectRun(deps.octokit, o.ref, {
    mode: o.mode,
    ...(o.selfJobName ? { selfJobName: o.selfJobName } : {}),
    ...(o.selfRunnerName ? { selfRunnerName: o.selfRunnerName } : {}),
    maxJobs: o.maxJobs,
  });
  const { run } = collected;
  const notes = [...(collected.notes ?? [])];
  const over = collected.overLimit;
  deps.info(
    `Run ${run.name} #${run.id} attempt ${run.attempt}: ${collected.jobs.length} jobs, ${collected.failed.length + over.length} failed, ${collected.failed.length} to analyse` +
      (over.length ? ` (max-jobs ${o.maxJobs})` : '') +
      (collected.listedOnly.length ? `, ${collected.listedOnly.length} listed only` : ''),
  );

  const jobs = collected.failed.length ? await analyseJobs(deps, o, collected, notes) : [];
  // Failed all the same: counted and listed, their logs not downloaded (max-jobs bounds the downloads).
  for (const job of over)
    jobs.push({ job, unavailable: `not analysed: over max-jobs (${o.maxJobs})`, notAnalysed: 'max-jobs' });
  if (over.length)
    notes.push(
      `${over.length} failed job(s) beyond max-jobs (${o.maxJobs}) were not analysed; raise the input to analyse them.`,
    );
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
    deps.info(
      `Claude (${u.model}): ${u.explained} explained, ${u.skipped} skipped, ${u.fallbacks} fallback(s); ` +
        `${u.calls} call(s), ${u.inputTokens} input + ${u.outputTokens} output tokens` +
        (u.costUsd !== undefined ? `, about $${u.costUsd.toFixed(4)}` : ''),
    );
  }
  return report;
}

async function analyseJobs(
  deps: TriageRunDeps,
  o: TriageRunOptions,
  collected: CollectedRun,
  notes: string[],
): Promise<JobInput[]> {
  const { run } = collected;
  const logs = deps.logSource(run);
  const results: JobInput[] = new Array<JobInput>(collected.failed.length);
  let truncated = 0;

  const one = async (job: CollectedJob): Promise<JobInput> => {
    let baseline: BaselineIndex | undefined;
    let baselineRef: BaselineRef | undefined;
    if (o.baseline) {
      try {
        const found = await logs.openBaseline(job);
        if (found) {
          baseline = await buildBaseline(limitBytes(found.log, o.maxLogBytes));
          baselineRef = found.ref;
        }
      } catch (e) {
        deps.debug(`No baseline for job "${job.name}": ${(e as Error).message}`);
      }
    }
    let source: ByteSource;
    try {
      source = await logs.openJobLog(job);
    } catch (e) {
      const why =
        e instanceof LogUnavailableError
          ? e.message
          : `the log could not be downloaded: ${(e as Error).message}`;
      return { job, unavailable: why, ...(baselineRef ? { baseline: baselineRef } : {}) };
    }
    try {
      const finding = await analyzeLog(
        limitBytes(source, o.maxLogBytes, () => truncated++),
        {
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
        },
      );
      return { job, finding, ...(baselineRef ? { baseline: baselineRef } : {}) };
    } catch (e) {
      // The download broke off past its resumptions: the log cannot be had, and the message says where.
      const why =
        e instanceof LogUnavailableError ? e.message : `the log download broke off: ${(e as Error).message}`;
      return { job, unavailable: why, ...(baselineRef ? { baseline: baselineRef } : {}) };
    }
  };

  await forEachLimited(collected.failed, o.concurrency, async (job, i) => {
    results[i] = await one(job);
  });
  if (truncated)
    notes.push(
      `${truncated} log(s) were longer than ${Math.round(o.maxLogBytes / 1048576)} MB and were analysed up to there (input max-log-mb).`,
    );
  const withBaseline = results.filter((r) => r.baseline).length;
  if (o.baseline && withBaseline < results.length)
    notes.push(
      `${results.length - withBaseline} of ${results.length} failed jobs had no passing run of the same job to compare with.`,
    );
  return results;
}

/** Runs `fn` over `items` with at most `limit` at once, in order of start. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** The first `max` bytes of a stream; `onCut` is called once when the stream was longer. */
export async function* limitBytes(
  source: ByteSource,
  max: number,
  onCut?: () => void,
): AsyncIterable<Uint8Array> {
  let seen = 0;
  for await (const chunk of source) {
    if (seen + chunk.length <= max) {
      seen += chunk.length;
      yield chunk;
      continue;
    }
    const room = max - seen;
    if (room > 0) yield chunk.subarray(0, room);
    onCut?.();
    // Leaving the loop closes the underlying stream (its return() is called).
    return;
  }
}
