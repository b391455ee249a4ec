/**
 * Assembling the report of one triage run from what collection and analysis produced. Pure: the same input
 * gives the same report (the clock is an input).
 */
import type {
  BaselineRef,
  ChangeContext,
  CollectedJob,
  CollectedStep,
  RunInfo,
  TriggerMode,
} from '../collect/types.js';
import type { Finding } from '../pipeline/analyze-log.js';
import { matchChangedFile, pathRefs } from './paths.js';
import { alignSteps, locateLine } from './steps.js';
import { type IncompleteCollection, type JobReport, REPORT_SCHEMA, type TriageReport } from './types.js';

export interface JobInput {
  job: CollectedJob;
  finding?: Finding;
  /** Why there is no finding. */
  unavailable?: string;
  /** Not analysed on purpose: over `max-jobs` (the log was not downloaded). */
  notAnalysed?: 'max-jobs';
  baseline?: BaselineRef;
}

export interface BuildInput {
  mode: TriggerMode;
  run: RunInfo;
  change: ChangeContext;
  /** The failed jobs, analysed or not (in API order). */
  jobs: JobInput[];
  listedOnly: Array<{ job: CollectedJob; reason: string }>;
  notes: string[];
  version: string;
  now: Date;
  /** Every job of the attempt, failed or not; defaults to the failed and listed-only jobs. */
  totalJobs?: number;
  /** The jobs of the attempt that passed. */
  passedJobs?: TriageReport['passedJobs'];
}

/** The failed step per the jobs API: the first step that failed; for a timed-out or cancelled job, the first cut short. */
export function failedStepOf(job: CollectedJob): { number: number; name: string } | undefined {
  const pick = (s: CollectedStep | undefined) => (s ? { number: s.number, name: s.name } : undefined);
  return (
    pick(job.steps.find((s) => s.conclusion === 'failure')) ??
    (job.conclusion === 'success'
      ? undefined
      : pick(job.steps.find((s) => s.conclusion === 'timed_out' || s.conclusion === 'cancelled')))
  );
}

/** `…/actions/runs/{run}/job/{job}`, the page of one job of the run. */
export function jobUrl(run: RunInfo, job: CollectedJob): string {
  return `${run.htmlUrl.replace(/\/+$/, '')}/job/${job.id}`;
}

/** The UI links of a finding's excerpt key lines, in excerpt order, one per line. */
export function linksFor(
  run: RunInfo,
  job: CollectedJob,
  finding: Finding,
  failedStep?: number,
): JobReport['links'] {
  const aligned = alignSteps(job.steps, finding.steps);
  const base = jobUrl(run, job);
  const links: JobReport['links'] = [];
  const seen = new Set<number>();
  for (const e of finding.excerpts) {
    if (seen.has(e.keyLine)) continue;
    seen.add(e.keyLine);
    const at = locateLine(e.keyLine, job.steps, finding.steps, failedStep, aligned);
    links.push(
      at
        ? {
            line: e.keyLine,
            url: `${base}#step:${at.number}:${at.line}`,
            step: at.number,
            stepLine: at.line,
            exact: at.exact,
          }
        : { line: e.keyLine, url: base, exact: false },
    );
  }
  return links;
}

/** The UI link of any line of a job's log (the job page when its step cannot be told). */
export function lineLink(
  run: RunInfo,
  job: CollectedJob,
  finding: Finding,
  line: number,
  failedStep?: number,
): { line: number; url: string } {
  const at = locateLine(line, job.steps, finding.steps, failedStep);
  const base = jobUrl(run, job);
  return { line, url: at ? `${base}#step:${at.number}:${at.line}` : base };
}

/** Changed files named in the excerpts' lines, in the order of `changed`. */
export function affectedFilesOf(finding: Finding, changed: readonly string[]): string[] {
  if (changed.length === 0) return [];
  const hit = new Set<string>();
  for (const e of finding.excerpts)
    for (const line of e.lines)
      for (const ref of pathRefs(line)) {
        const c = matchChangedFile(ref.path, changed);
        if (c !== undefined) hit.add(c);
      }
  return changed.filter((c) => hit.has(c));
}

export interface IncompleteInput {
  mode: TriggerMode;
  /** The run as far as it is known: read from the API, or what the runner's environment says of it. */
  run: RunInfo;
  /** True when `run` was read from the API. */
  runRead: boolean;
  what: string;
  message: string;
  status?: number;
  retries?: { attempts: number; answers: string[] };
  /** Pages of the jobs list read, and the jobs on them, before it failed. */
  jobPages?: number;
  jobsListed?: number;
  version: string;
  now: Date;
}

/** The report of a run GitHub could not be read for: what failed, and what was reached before. Pure. */
export function buildIncompleteReport(input: IncompleteInput): TriageReport {
  const { run } = input;
  const reached: string[] = [];
  if (input.runRead) {
    const where = [
      run.headBranch ? `on ${run.headBranch}` : '',
      run.headSha ? `commit ${run.headSha.slice(0, 7)}` : '',
    ].filter(Boolean);
    reached.push(
      `the run was read: ${run.name} ${run.number !== undefined ? `#${run.number}` : `run ${run.id}`}${where.length ? `, ${where.join(', ')}` : ''}`,
    );
    const pages = input.jobPages ?? 0;
    reached.push(
      pages > 0
        ? `${input.jobsListed ?? 0} jobs were listed (${pages} page${pages === 1 ? '' : 's'} of the jobs list) before the next page failed`
        : 'no page of the jobs list could be read',
    );
  } else reached.push('nothing: the run itself could not be read');
  const incomplete: IncompleteCollection = {
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

export function buildReport(input: BuildInput): TriageReport {
  const jobs: JobReport[] = input.jobs.map(({ job, finding, unavailable, notAnalysed, baseline }) => {
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
    schema: REPORT_SCHEMA,
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
