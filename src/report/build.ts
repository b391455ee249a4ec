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
import { type JobReport, REPORT_SCHEMA, type TriageReport } from './types.js';

export interface JobInput {
  job: CollectedJob;
  finding?: Finding;
  /** Why there is no finding. */
  unavailable?: string;
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

export function buildReport(input: BuildInput): TriageReport {
  const jobs: JobReport[] = input.jobs.map(({ job, finding, unavailable, baseline }) => {
    const failedStep = failedStepOf(job);
    return {
      job,
      ...(failedStep ? { failedStep } : {}),
      ...(finding ? { finding } : {}),
      ...(finding === undefined ? { unavailable: unavailable ?? 'the log was not analysed' } : {}),
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
      listedOnly: input.listedOnly.length,
    },
    notes: input.notes,
  };
}
