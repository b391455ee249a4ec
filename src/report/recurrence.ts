/**
 * What the Jira (ADF) and Slack renderers tell alike of a failure's history (`report.history.recurrences`):
 * whether there is anything to tell, the first run's label and day, and the pull requests. Each builds its
 * own markup around them.
 */
import type { Recurrence } from '../history/analysis.js';
import type { TriageReport } from './types.js';

/** Branches named, at most; the rest are counted. */
export const BRANCHES_SHOWN = 5;
/** Pull requests named, at most; the rest are counted. */
export const PRS_SHOWN = 8;

/**
 * The history of a failure worth telling: seen in an earlier run of the window, or flaky. Absent without a
 * history, and for a generic failure (an unknown one, or only "exit code 1"), which is evidence of nothing.
 */
export function recurrenceToShow(
  report: TriageReport,
  fingerprint: string,
): { recurrence: Recurrence; windowDays: number; threshold: number } | undefined {
  const h = report.history;
  const r = h?.recurrences[fingerprint];
  if (!h || !r || r.generic || (r.occurrences <= 1 && !r.flaky)) return undefined;
  return { recurrence: r, windowDays: h.windowDays, threshold: h.threshold };
}

/** `run #12` when the history recorded the run number, else `run <id>`. */
export const firstRunLabel = (f: Recurrence['firstSeen']): string =>
  f.runNumber !== undefined ? `run #${f.runNumber}` : `run ${f.runId}`;

/** The day of an ISO 8601 time (`2026-04-20`), or '' when it is not one. */
export const dayOf = (time: string): string => /^\d{4}-\d{2}-\d{2}/.exec(time)?.[0] ?? '';

/** `; pull requests #1, #2 and 3 more` (only numbers that can be pull requests), or '' without any. */
export function pullRequestsText(prs: readonly number[]): string {
  const shown = prs.filter((n) => Number.isSafeInteger(n) && n > 0);
  if (shown.length === 0) return '';
  const more = shown.length > PRS_SHOWN ? ` and ${shown.length - PRS_SHOWN} more` : '';
  const list = shown
    .slice(0, PRS_SHOWN)
    .map((n) => `#${n}`)
    .join(', ');
  return `; pull request${shown.length === 1 ? '' : 's'} ${list}${more}`;
}
