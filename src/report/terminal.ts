/** Readable terminal rendering of a finding: pure, colours optional. */
import { printable } from '../logs/clean.js';
import type { Finding } from '../pipeline/analyze-log.js';

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
