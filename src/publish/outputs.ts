/**
 * The action's outputs, in one place: names, descriptions (action.yml and the README are checked against
 * `OUTPUT_DESCRIPTIONS`) and values, for a whole triage run (`outputsOfReport`) or for one analysed log
 * (`outputsOfFinding`). Values are the strings the runner stores; text from a log is redacted.
 */
import type { Finding } from '../pipeline/analyze-log.js';
import { keyLineText, rankedJobs, SEVERITY_RANK } from '../report/groups.js';
import { cut, oneLine } from '../report/text.js';
import type { TriageReport } from '../report/types.js';

export const OUTPUT_DESCRIPTIONS = {
  'failure-type':
    'The failure type of the most severe failure (the first, among equals): test_failure, build_error, lint_error, ' +
    'dependency_error, config_error, permission_error, timeout, resource_exhaustion, infrastructure, deploy_error or ' +
    'unknown. Empty when nothing failed.',
  severity:
    'The highest severity among the failed jobs: critical, high, medium or low. Empty when nothing failed.',
  fingerprint:
    'The stable 16-hex-digit key of the most severe failure: the same failure in another run gives the same fingerprint.',
  fingerprints:
    'The distinct fingerprints of all analysed jobs, most severe first, as a JSON array of strings.',
  'root-cause-line':
    'The text of the most telling log line of the most severe failure, redacted and cut to 500 characters.',
  'root-cause-line-number': "That line's 1-based number in its job's raw log (empty when there is none).",
  'failed-jobs':
    'How many jobs of the run failed, analysed or not (those beyond max-jobs included); empty when GitHub could not be read.',
  'analysed-jobs': 'How many failed jobs had their log analysed; empty when GitHub could not be read.',
  'unavailable-logs':
    'How many failed jobs had no log to analyse (not available, or beyond max-jobs); empty when GitHub could not be read.',
  confidence: 'How sure the classification of the most severe failure is, from 0 to 1.',
  transient:
    '"true" when every analysed failure is likely to pass on a re-run (network errors, runner lost), else "false".',
  'report-path': 'The path of report.json on the runner.',
  'summary-path': 'The path of the Markdown job summary written on the runner.',
  'llm-calls': 'How many requests to Claude answered in this run (0 when the llm is not used).',
  'llm-input-tokens': 'Input tokens used by those requests, in all (per the API).',
  'llm-output-tokens': 'Output tokens used by those requests, in all (per the API).',
  'llm-cost-usd':
    'Estimated cost of those requests in US dollars, from the price table (llm-prices overrides it); empty when the model has no price.',
  recurring:
    '"true" when a failure of this run was seen in an earlier run of the history window (generic failures never count), else "false".',
  occurrences:
    'In how many runs of the history window the most severe failure was seen, this one included (empty without history).',
  flaky:
    '"true" when a failure of this run is flaky by evidence (failed and passed on the same commit, or on unrelated pull requests), else "false".',
  rerun: '"true" when ci-triage asked GitHub to re-run the failed jobs (see the rerun input), else "false".',
  published:
    'What the sinks did, as a JSON array of {"sink", "status", "message", "items": [{"action", "target", "url", "error"}]}: status ok, dry-run, skipped, failed or partial; message says why, or what went wrong on the way; error is set on an item that failed. [] when no sink is configured.',
} as const;

export type OutputName = keyof typeof OUTPUT_DESCRIPTIONS;
export const OUTPUT_NAMES = Object.keys(OUTPUT_DESCRIPTIONS) as OutputName[];
export type Outputs = Record<OutputName, string>;

export const ROOT_CAUSE_CHARS = 500;

export interface OutputOptions {
  secrets?: readonly string[];
  reportPath?: string;
  summaryPath?: string;
  /** The model's use, for `outputsOfFinding` (a report carries its own). */
  llm?: Parameters<typeof llmOutputs>[0];
}

const round2 = (x: number): string => String(Math.round(x * 100) / 100);

function findingOutputs(f: Finding | undefined, secrets: readonly string[]) {
  const text = f ? keyLineText(f) : undefined;
  return {
    'failure-type': f?.failureType ?? '',
    fingerprint: f?.fingerprint ?? '',
    'root-cause-line': text === undefined ? '' : cut(oneLine(text, secrets), ROOT_CAUSE_CHARS),
    'root-cause-line-number': f?.rootCauseLine === undefined ? '' : String(f.rootCauseLine),
    confidence: f ? round2(f.confidence) : '',
  };
}

/** The outputs of a whole triage run. */
export function outputsOfReport(report: TriageReport, options: OutputOptions = {}): Outputs {
  const ranked = rankedJobs(report);
  const first = ranked[0]?.finding;
  const findings = ranked.map((j) => j.finding);
  const maxSeverity = findings.reduce<Finding['severity'] | undefined>(
    (m, f) => (m === undefined || SEVERITY_RANK[f.severity] > SEVERITY_RANK[m] ? f.severity : m),
    undefined,
  );
  return {
    ...findingOutputs(first, options.secrets ?? []),
    severity: maxSeverity ?? '',
    fingerprints: JSON.stringify([...new Set(findings.map((f) => f.fingerprint))]),
    // Unknown, not zero, when the jobs could not be read.
    'failed-jobs': report.incomplete ? '' : String(report.counts.failed),
    'analysed-jobs': report.incomplete ? '' : String(report.counts.analysed),
    'unavailable-logs': report.incomplete ? '' : String(report.counts.unavailable),
    transient: String(findings.length > 0 && findings.every((f) => f.transient)),
    'report-path': options.reportPath ?? '',
    'summary-path': options.summaryPath ?? '',
    ...llmOutputs(report.llm),
    ...historyOutputs(report, first?.fingerprint),
    published: JSON.stringify(
      (report.published?.outcomes ?? []).map((o) => ({
        sink: o.sink,
        status: o.status,
        ...(o.message ? { message: cut(oneLine(o.message, options.secrets ?? []), 2000) } : {}),
        items: o.items.map((i) => ({
          action: i.action,
          target: oneLine(i.target, options.secrets ?? []),
          ...(i.url ? { url: i.url } : {}),
          ...(i.fingerprint ? { fingerprint: i.fingerprint } : {}),
          ...(i.error ? { error: cut(oneLine(i.error, options.secrets ?? []), 1000) } : {}),
        })),
      })),
    ),
  };
}

/** What the history says: recurring, occurrences of the most severe failure, flaky, re-run. */
function historyOutputs(
  report: TriageReport,
  fingerprint: string | undefined,
): Pick<Outputs, 'recurring' | 'occurrences' | 'flaky' | 'rerun'> {
  const h = report.history;
  const all = Object.values(h?.recurrences ?? {});
  const top = fingerprint !== undefined ? h?.recurrences[fingerprint] : undefined;
  return {
    recurring: String(all.some((r) => r.recurring)),
    occurrences: top ? String(top.occurrences) : '',
    flaky: String(all.some((r) => r.flaky)),
    rerun: String(h?.rerun?.requested ?? false),
  };
}

/** The model's use in all: zeros without it, the cost empty when the model has no price. */
export function llmOutputs(
  u: { calls: number; inputTokens: number; outputTokens: number; costUsd?: number } | undefined,
): Pick<Outputs, 'llm-calls' | 'llm-input-tokens' | 'llm-output-tokens' | 'llm-cost-usd'> {
  return {
    'llm-calls': String(u?.calls ?? 0),
    'llm-input-tokens': String(u?.inputTokens ?? 0),
    'llm-output-tokens': String(u?.outputTokens ?? 0),
    'llm-cost-usd': u === undefined ? '0' : u.costUsd === undefined ? '' : String(u.costUsd),
  };
}

/** The outputs of one analysed log (the `log-path` case): one failed, analysed job. */
export function outputsOfFinding(finding: Finding, options: OutputOptions = {}): Outputs {
  return {
    ...findingOutputs(finding, options.secrets ?? []),
    severity: finding.severity,
    fingerprints: JSON.stringify([finding.fingerprint]),
    'failed-jobs': '1',
    'analysed-jobs': '1',
    'unavailable-logs': '0',
    transient: String(finding.transient),
    'report-path': options.reportPath ?? '',
    'summary-path': options.summaryPath ?? '',
    ...llmOutputs(options.llm),
    recurring: 'false',
    occurrences: '',
    flaky: 'false',
    rerun: 'false',
    published: '[]',
  };
}

export function publishReportOutputs(
  report: TriageReport,
  setOutput: (name: string, value: string) => void,
  options: OutputOptions = {},
): void {
  for (const name of OUTPUT_NAMES) setOutput(name, outputsOfReport(report, options)[name]);
}

/**
 * The outputs of the first version, for the current `main.ts` until it is rewired: as `outputsOfFinding`
 * except `root-cause-line`, which there is the line NUMBER (the CI workflow checks that).
 * @deprecated use `outputsOfFinding` / `outputsOfReport`, where `root-cause-line` is the line's text and
 * `root-cause-line-number` its number.
 */
export function outputsOf(finding: Finding): Record<string, string> {
  const o = outputsOfFinding(finding);
  return {
    'failure-type': o['failure-type'],
    severity: o.severity,
    fingerprint: o.fingerprint,
    'root-cause-line': o['root-cause-line-number'],
    confidence: o.confidence,
    transient: o.transient,
  };
}

/** @deprecated see `outputsOf`. */
export function publishOutputs(finding: Finding, setOutput: (name: string, value: string) => void): void {
  for (const [name, value] of Object.entries(outputsOf(finding))) setOutput(name, value);
}
