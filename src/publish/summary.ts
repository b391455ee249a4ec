/**
 * The job summary: a short Markdown report of one finding (type, severity, fingerprint, the first excerpt).
 * `renderSummary` is pure; log text is untrusted, so everything taken from the log is HTML-escaped, stripped
 * of control characters and redacted before it is written.
 */
import type { Explanation } from '../analyze/analyzer.js';
import { printable } from '../logs/clean.js';
import type { Finding } from '../pipeline/analyze-log.js';
import { explanationMarkdown } from '../report/summary.js';
import { redact } from './redact.js';

export interface JobSummary {
  /** Appends Markdown to the job summary (`$GITHUB_STEP_SUMMARY`). */
  append(markdown: string): Promise<void>;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderSummary(
  file: string,
  finding: Finding,
  secrets: readonly string[] = [],
  claude?: { explanation?: Explanation; explanationNote?: string; ownUrl?: string },
): string {
  const text = (s: string) => escapeHtml(redact(printable(s), secrets));
  const code = (s: string) => `<code>${text(s)}</code>`;
  const rows: [string, string][] = [
    ['Failure type', code(finding.failureType)],
    ['Severity', text(finding.severity)],
    ['Confidence', finding.confidence.toFixed(2)],
    ['Transient', finding.transient ? 'yes: a re-run may pass' : 'no'],
    ['Fingerprint', code(finding.fingerprint)],
  ];
  if (finding.failedSteps.length > 0) rows.push(['Failed step', text(finding.failedSteps.join(', '))]);
  rows.push([
    'Log',
    code(file) + (finding.rootCauseLine === undefined ? '' : `, line ${finding.rootCauseLine}`),
  ]);

  const out = [
    `## ci-triage: ${code(finding.failureType)} (${text(finding.severity)})`,
    '',
    '<table>',
    ...rows.map(([k, v]) => `<tr><th align="left">${k}</th><td>${v}</td></tr>`),
    '</table>',
    '',
  ];
  const first = finding.excerpts[0];
  if (first) {
    const where =
      first.startLine === first.endLine
        ? `Line ${first.startLine}`
        : `Lines ${first.startLine}–${first.endLine}`;
    out.push(`**${where}**${first.step ? ` in ${code(first.step)}` : ''}:`, '');
    out.push(`<pre><code>${first.lines.map(text).join('\n')}</code></pre>`, '');
  } else {
    out.push('The log is empty: no lines to show.', '');
  }
  if (claude) {
    const x = explanationMarkdown(
      {
        finding,
        ...(claude.explanation ? { explanation: claude.explanation } : {}),
        ...(claude.explanationNote ? { explanationNote: claude.explanationNote } : {}),
      },
      { secrets, ticketDraft: true, ...(claude.ownUrl ? { ownUrl: claude.ownUrl } : {}) },
    );
    if (x.length) out.push(...x.slice(1), '');
  }
  return out.join('\n');
}
