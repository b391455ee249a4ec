/**
 * The fingerprint: one stable key per distinct failure — a hash of the failure type and the key error
 * line(s) after masking what varies between runs. Generic lines ("exit code 1", ELIFECYCLE, make's ***) are
 * never the key when a more specific line exists.
 */
import { createHash } from 'node:crypto';
import type { MatchedLine } from '../logs/extract.js';
import { maskForFingerprint } from '../logs/mask.js';
import type { Excerpt, FailureType } from '../types.js';

export interface Fingerprint {
  fingerprint: string;
  /** The masked lines the key was made of. */
  keyLines: string[];
}

const KEY_LINES = 2;

export function fingerprintOf(failureType: FailureType, anchors: MatchedLine[][], excerpts: Excerpt[]): Fingerprint {
  const top = anchors[0] ?? [];
  const specific = top.filter((a) => !a.rule?.generic).sort((a, b) => b.score - a.score || a.n - b.n);
  // Distinct lines: a message repeated for every sub-test is one key line, and the next one tells more.
  const distinct: typeof specific = [];
  const seen = new Set<string>();
  for (const a of specific) {
    const masked = maskForFingerprint(stripPrefixes(a.text));
    if (seen.has(masked)) continue;
    seen.add(masked);
    distinct.push(a);
    if (distinct.length === KEY_LINES) break;
  }
  let chosen = distinct.sort((a, b) => a.n - b.n).map((a) => a.text);
  if (chosen.length === 0) {
    // No specific line in the top excerpt: any specific anchor, then the generic ones, then the key line.
    const any = anchors.flat().filter((a) => !a.rule?.generic);
    chosen = (any.length ? any : top).slice(0, KEY_LINES).map((a) => a.text);
  }
  if (chosen.length === 0 && excerpts[0]) {
    const e = excerpts[0];
    chosen = [e.lines[e.keyLine - e.startLine] ?? e.lines[e.lines.length - 1] ?? ''];
  }
  const keyLines = chosen.map((t) => maskForFingerprint(stripPrefixes(t))).filter((t) => t !== '');
  const hash = createHash('sha256').update(`${failureType}\n${keyLines.join('\n')}`).digest('hex');
  return { fingerprint: hash.slice(0, 16), keyLines };
}

/** Runner and tool prefixes that do not tell failures apart. */
function stripPrefixes(text: string): string {
  return text
    .replace(/^##\[(?:error|warning)\]/, '')
    .replace(/^::(?:error|warning)[^:]*::/, '')
    .replace(/^\[(?:ERROR|INFO|WARN(?:ING)?)\]\s*/, '')
    .trim();
}
