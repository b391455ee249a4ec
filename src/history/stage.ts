/**
 * The history stage of a triage: read what earlier runs recorded (a bounded number of API calls), say what it
 * means for this run's failures (recurrence, flakiness, escalation, the re-run gate, trends), and afterwards
 * record this run. A history that cannot be read or written is a note, never a failure.
 */
import type { HistorySettings } from '../config/settings.js';
import type { TriageReport } from '../report/types.js';
import { recordsOfReport, recurrencesOf, rerunDecision, type RerunDecision, trendsOf } from './analysis.js';
import { type HistoryRecord, type HistoryStore, recordKey } from './types.js';

export interface HistoryState {
  /** This run's records, flagged (escalated, re-run) before they are written. */
  current: HistoryRecord[];
  decision: RerunDecision;
}

export async function readHistory(
  report: TriageReport,
  store: HistoryStore,
  settings: HistorySettings,
  now: Date,
): Promise<HistoryState> {
  const read = await store.read();
  const since = now.getTime() - settings.windowDays * 86_400_000;
  const past = read.records.filter((r) => Date.parse(r.time) >= since);
  const current = recordsOfReport(report, report.passedJobs ?? [], now);
  const recurrences = recurrencesOf(report, past, current, { threshold: settings.threshold });
  const merged = new Map<string, HistoryRecord>();
  for (const r of [...past, ...current]) merged.set(recordKey(r), r);
  const decision = rerunDecision(report, recurrences, settings.rerun, rerunsToday(past, now));
  report.history = {
    windowDays: settings.windowDays,
    threshold: settings.threshold,
    recurrences: Object.fromEntries(recurrences),
    trends: trendsOf([...merged.values()], settings.windowDays),
    cost: read.cost,
    ...(read.error ? { error: read.error } : {}),
  };
  return { current, decision };
}

/** Runs re-run by ci-triage since the start of the UTC day (this run's earlier attempts included). */
export function rerunsToday(records: readonly HistoryRecord[], now: Date): number {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Set(
    records
      .filter((r) => r.rerun && Date.parse(r.time) >= day)
      .map((r) => `${r.repository}#${r.runId}#${r.attempt}`),
  ).size;
}

/** This run's records with what was done: escalated failures, and the re-run when it was requested. */
export function flagged(
  state: HistoryState,
  escalated: ReadonlySet<string>,
  rerun: boolean,
): HistoryRecord[] {
  return state.current.map((r) => ({
    ...r,
    ...(r.outcome === 'failed' && escalated.has(r.fingerprint) ? { escalated: true } : {}),
    ...(r.outcome === 'failed' && rerun ? { rerun: true } : {}),
  }));
}
