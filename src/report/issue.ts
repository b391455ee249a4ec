/**
 * A GitHub issue per distinct failure (for teams without Jira): title, body and the comment for a new
 * occurrence. Pure. The body is the job summary's rendering of the failure's jobs alone, so it is escaped and
 * redacted the same way, under a marker naming the fingerprint and the run.
 */
import type { FindingGroup } from './groups.js';
import { renderJobSummary } from './summary.js';
import { cut, mdCode, mdLink, mdText, oneLine } from './text.js';
import type { TriageReport } from './types.js';

/** GitHub caps an issue title at 256 characters and a body at 65,536. */
export const TITLE_LIMIT = 256;
export const BODY_LIMIT = 65_536;

const ISSUE_MARK = /<!-- ci-triage:issue fingerprint=([0-9a-f]+) run=(\d+) attempt=(\d+) -->/;
const OCCURRENCE_MARK = /<!-- ci-triage:occurrence fingerprint=([0-9a-f]+) run=(\d+) attempt=(\d+) -->/;

/** `[ci-triage] test_failure: <key line> (job)`, cut to the limit. */
export function failureTitle(
  group: FindingGroup,
  secrets: readonly string[] = [],
  limit = TITLE_LIMIT,
): string {
  const f = group.representative.finding;
  const first = f.excerpts[0];
  const key = first ? (first.lines[first.keyLine - first.startLine] ?? '') : '';
  const job = oneLine(group.representative.job.name, secrets);
  const jobs = group.jobs.length > 1 ? `${cut(job, 60)} and ${group.jobs.length - 1} more` : cut(job, 80);
  const head = `[ci-triage] ${f.failureType}: `;
  const tail = ` (${jobs})`;
  const line = oneLine(key, secrets).replace(/\s+/g, ' ') || 'no error line found';
  return head + cut(line, Math.max(20, limit - head.length - tail.length)) + tail;
}

/** The report with only this failure's jobs in it (what the issue body shows). */
export function reportOfGroup(report: TriageReport, group: FindingGroup): TriageReport {
  const ids = new Set(group.jobs.map((j) => j.job.id));
  const jobs = report.jobs.filter((j) => ids.has(j.job.id));
  return {
    ...report,
    jobs,
    listedOnly: [],
    notes: [],
    counts: {
      jobs: report.counts.jobs,
      failed: jobs.length,
      analysed: jobs.length,
      unavailable: 0,
      listedOnly: 0,
    },
  };
}

export function renderIssueBody(
  report: TriageReport,
  group: FindingGroup,
  secrets: readonly string[] = [],
): string {
  const mark = `<!-- ci-triage:issue fingerprint=${group.fingerprint} run=${report.run.id} attempt=${report.run.attempt} -->`;
  const intro = `Opened by ci-triage for the failure with fingerprint ${mdCode(group.fingerprint)}. A later occurrence is added as a comment; close the issue once it is fixed (a new one opens if it comes back).`;
  const room = BODY_LIMIT - mark.length - intro.length - 8;
  const body = renderJobSummary(reportOfGroup(report, group), {
    secrets,
    maxBytes: room,
    openGroups: 1,
    openRows: 10,
  });
  return `${mark}\n${intro}\n\n${body.trimEnd()}\n`;
}

/** A short comment for a new occurrence of an open issue's failure. */
export function renderOccurrenceComment(
  report: TriageReport,
  group: FindingGroup,
  secrets: readonly string[] = [],
): string {
  const { run, change } = report;
  const mark = `<!-- ci-triage:occurrence fingerprint=${group.fingerprint} run=${run.id} attempt=${run.attempt} -->`;
  const runText = `${cut(oneLine(run.name, secrets), 120)} ${run.number !== undefined ? `#${run.number}` : `run ${run.id}`}${run.attempt > 1 ? `, attempt ${run.attempt}` : ''}`;
  const where: string[] = [];
  if (run.headBranch) where.push(`on ${mdCode(cut(oneLine(run.headBranch, secrets), 120))}`);
  where.push(`at ${mdLink(mdCode(run.headSha.slice(0, 7)), change.commit.htmlUrl)}`);
  if (change.pullRequest)
    where.push(`in ${mdLink(`#${change.pullRequest.number}`, change.pullRequest.htmlUrl)}`);
  const jobs = group.jobs.slice(0, 10).map((j) => {
    const link = j.links[0];
    return `- ${mdText(cut(oneLine(j.job.name, secrets), 120))}${link ? `: ${mdLink(`line ${link.stepLine ?? link.line}`, link.url)}` : ''}`;
  });
  if (group.jobs.length > 10) jobs.push(`- … and ${group.jobs.length - 10} more`);
  return [
    mark,
    `Seen again in ${mdLink(mdText(runText), run.htmlUrl)} ${where.join(' ')}:`,
    '',
    ...jobs,
    '',
  ].join('\n');
}

export function issueMarkOf(
  body: string | null | undefined,
): { fingerprint: string; runId: number; attempt: number } | undefined {
  const m = body ? ISSUE_MARK.exec(body) : null;
  return m ? { fingerprint: m[1] ?? '', runId: Number(m[2]), attempt: Number(m[3]) } : undefined;
}

export function occurrenceMarkOf(
  body: string | null | undefined,
): { fingerprint: string; runId: number; attempt: number } | undefined {
  const m = body ? OCCURRENCE_MARK.exec(body) : null;
  return m ? { fingerprint: m[1] ?? '', runId: Number(m[2]), attempt: Number(m[3]) } : undefined;
}
