/**
 * An excerpt as rows of text around its key line, for the job summary and the Jira ticket: at most
 * `maxLines` lines, about a third of them before the key line, each numbered with the log's own line number,
 * and `⋮ (N lines above)` / `⋮ (N lines below)` for what is left out. The caller writes each shown line
 * (`row`: its number, padded, the line's index in the excerpt, and whether it is the key line).
 */
import type { Excerpt } from '../types.js';

export function excerptRows(
  e: Pick<Excerpt, 'startLine' | 'keyLine' | 'lines'>,
  maxLines: number,
  row: (num: string, i: number, key: boolean) => string,
): string[] {
  const count = e.lines.length;
  const key = Math.min(Math.max(e.keyLine - e.startLine, 0), Math.max(count - 1, 0));
  const n = Math.min(maxLines, count);
  let from = key - Math.min(key, Math.floor((n - 1) / 3));
  const to = Math.min(count, from + n);
  from = Math.max(0, to - n);
  const width = String(e.startLine + to - 1).length;
  const rows: string[] = [];
  if (from > 0) rows.push(`${' '.repeat(width)} ⋮ (${from} line${from === 1 ? '' : 's'} above)`);
  for (let i = from; i < to; i++) rows.push(row(String(e.startLine + i).padStart(width), i, i === key));
  const below = count - to;
  if (below > 0) rows.push(`${' '.repeat(width)} ⋮ (${below} line${below === 1 ? '' : 's'} below)`);
  return rows;
}
