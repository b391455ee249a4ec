/** Ordering and grouping of a report's findings, shared by every renderer so they agree on "first". */
import type { Finding } from '../pipeline/analyze-log.js';
import type { Severity } from '../types.js';
import type { JobReport, TriageReport } from './types.js';

export const SEVERITY_RANK: Record<Severity, number> = { critical: 3, high: 2, medium: 1, low: 0 };

export type AnalysedJob = JobReport & { finding: Finding };

export interface FindingGroup {
  fingerprint: string;
  /** The job shown for the group: the first, in report order, among the most severe. */
  representative: AnalysedJob;
  /** Every job with this fingerprint, representative first. */
  jobs: AnalysedJob[];
  severity: Severity;
}

const analysed = (j: JobReport): j is AnalysedJob => j.finding !== undefined;

/** Analysed jobs, most severe first; report (API) order within a severity. */
export function rankedJobs(report: TriageReport): AnalysedJob[] {
  return report.jobs
    .filter(analysed)
    .map((j, i) => ({ j, i }))
    .sort((a, b) => SEVERITY_RANK[b.j.finding.severity] - SEVERITY_RANK[a.j.finding.severity] || a.i - b.i)
    .map(({ j }) => j);
}

/** Jobs grouped by fingerprint: the most severe group first, then the largest, then the first seen. */
export function groupByFingerprint(report: TriageReport): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const j of rankedJobs(report)) {
    const g = groups.get(j.finding.fingerprint);
    if (g) g.jobs.push(j);
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
    .sort(
      (a, b) =>
        SEVERITY_RANK[b.g.severity] - SEVERITY_RANK[a.g.severity] ||
        b.g.jobs.length - a.g.jobs.length ||
        a.i - b.i,
    )
    .map(({ g }) => g);
}

/** The text of an excerpt's key line, when the excerpt holds it. */
export function keyLineText(f: Finding, excerptIndex = 0): string | undefined {
  const e = f.excerpts[excerptIndex];
  return e ? e.lines[e.keyLine - e.startLine] : undefined;
}
