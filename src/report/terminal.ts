/** Readable terminal rendering of a finding: pure, colours optional. */
import { printable } from '../logs/clean.js';
import type { Finding } from '../pipeline/analyze-log.js';
import { redact } from '../publish/redact.js';
import type { Explanation } from '../analyze/analyzer.js';
import type { TriageReport } from './types.js';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
export const COLOR: Style = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
};
const id = (s: string) => s;
export const PLAIN: Style = { bold: id, dim: id, red: id, yellow: id, cyan: id };

const SEVERITY_STYLE = { critical: 'red', high: 'red', medium: 'yellow', low: 'dim' } as const;

export function renderFinding(file: string, f: Finding, style: Style, maxExcerpts = 3): string {
  const out: string[] = [];
  const sev = style[SEVERITY_STYLE[f.severity]](f.severity);
  out.push(style.bold(printable(file)));
  out.push(
    `  ${style.bold(f.failureType)}  severity ${sev}  confidence ${f.confidence.toFixed(2)}` +
      `${f.transient ? '  ' + style.yellow('transient: a re-run may pass') : ''}`,
  );
  out.push(style.dim(`  fingerprint ${f.fingerprint}  ·  ${f.format} log, ${f.totalLines} lines`));
  if (f.failedSteps.length) out.push(style.dim(`  failed step: ${printable(f.failedSteps.join(', '))}`));
  if (f.excerpts.length === 0) out.push('  (empty log: nothing to show)');
  f.excerpts.slice(0, maxExcerpts).forEach((e, i) => {
    const where = e.startLine === e.endLine ? `line ${e.startLine}` : `lines ${e.startLine}–${e.endLine}`;
    out.push('');
    out.push(`  ${style.cyan(`#${i + 1}`)} ${where}${e.step ? style.dim(`  in ${printable(e.step)}`) : ''}`);
    const width = String(e.endLine).length;
    e.lines.forEach((text, j) => {
      const n = e.startLine + j;
      const num = String(n).padStart(width);
      const body = printable(text);
      out.push(n === e.keyLine ? `  ${style.red(num + ' ▶')} ${style.bold(body)}` : `  ${style.dim(num + ' │')} ${body}`);
    });
  });
  if (f.excerpts.length > maxExcerpts) out.push(style.dim(`\n  … ${f.excerpts.length - maxExcerpts} more excerpts (--json shows all)`));
  return out.join('\n');
}

/** A whole run's report for the terminal (`ci-triage run`). Log text is redacted of the given secrets. */
export function renderReport(report: TriageReport, style: Style, secrets: readonly string[] = []): string {
  const r = report.run;
  const clean = (s: string) => redact(printable(s), secrets);
  const out: string[] = [];
  out.push(style.bold(`${clean(r.name)} · run ${r.id} attempt ${r.attempt}`) + style.dim(`  ${r.htmlUrl}`));
  const where = [
    r.headBranch ? `branch ${clean(r.headBranch)}` : '',
    `commit ${r.headSha.slice(0, 7)}`,
    `event ${r.event}`,
    report.change.pullRequest ? `PR #${report.change.pullRequest.number}` : '',
  ].filter(Boolean);
  out.push(style.dim(where.join(' · ')));
  const c = report.counts;
  out.push(
    c.failed === 0
      ? 'Nothing to triage: no job of this run failed.'
      : `${c.failed} failed job(s) of ${c.jobs}: ${c.analysed} analysed, ${c.unavailable} without a log, ${c.listedOnly} listed only.`,
  );
  for (const j of report.jobs) {
    out.push('');
    const step = j.failedStep ? `  step ${j.failedStep.number} "${clean(j.failedStep.name)}"` : '';
    if (!j.finding) {
      const label = j.notAnalysed ? 'not analysed' : 'log unavailable';
      out.push(`${style.bold(clean(j.job.name))}${step}\n  ${style.yellow(label)}: ${clean(j.unavailable ?? 'unknown reason')}`);
      continue;
    }
    out.push(renderFinding(j.job.name + step, { ...j.finding, excerpts: j.finding.excerpts.map((e) => ({ ...e, lines: e.lines.map(clean) })) }, style, 2));
    const link = j.links[0];
    if (link) out.push(style.dim(`  ${link.url}`));
    if (j.explanation) out.push(renderExplanation(j.explanation, style, secrets));
    else if (j.explanationNote) out.push(style.dim(`  claude: ${clean(j.explanationNote)}`));
  }
  if (report.listedOnly.length) {
    out.push('', style.bold('Listed, not analysed:'));
    for (const l of report.listedOnly.slice(0, 50)) out.push(`  ${clean(l.job.name)} — ${clean(l.reason)}`);
    if (report.listedOnly.length > 50) out.push(`  … ${report.listedOnly.length - 50} more`);
  }
  for (const n of report.notes) out.push(style.dim(`note: ${clean(n)}`));
  const u = report.llm;
  if (u)
    out.push(
      style.dim(
        `claude (${u.model}): ${u.calls} call(s), ${u.inputTokens} input + ${u.outputTokens} output tokens` +
          (u.costUsd !== undefined ? `, about $${u.costUsd.toFixed(4)}` : ''),
      ),
    );
  return out.join('\n');
}

/** Claude's explanation for a terminal: model text is untrusted, so control characters go (no escape codes). */
export function renderExplanation(x: Explanation, style: Style, secrets: readonly string[] = []): string {
  const clean = (s: string) => redact(printable(s), secrets).replace(/[\t\n]+/g, ' ');
  const out = [
    `  ${style.cyan('Claude')} ${style.dim(`(${clean(x.model)}, lines ${x.citedLines.join(', ')})`)}`,
    `  cause: ${clean(x.cause)}`,
    `  fix:   ${clean(x.fix)}`,
  ];
  if (x.typeRefinedByModel && x.failureType) out.push(`  type refined by Claude: ${x.failureType}`);
  if (x.affectedFiles.length) out.push(`  files: ${x.affectedFiles.map(clean).join(', ')}`);
  out.push(
    style.dim(
      `  ${x.usage.inputTokens} input + ${x.usage.outputTokens} output tokens` +
        (x.costUsd !== undefined ? `, about $${x.costUsd.toFixed(4)}` : ''),
    ),
  );
  return out.join('\n');
}
