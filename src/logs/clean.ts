/** Cleaning of raw CI log lines: runner timestamps, ANSI codes, carriage-return progress output. */

// ESC [ … final byte (CSI), ESC ] … BEL/ST (OSC), and two-character escapes.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

/** True when `s` starts with a GitHub Actions timestamp `YYYY-MM-DDThh:mm:ss(.fffffff)Z`. */
function timestampLength(s: string, from: number): number {
  // Fast shape check on fixed positions before any regex work.
  if (s.length < from + 20) return 0;
  if (s.charCodeAt(from + 4) !== 45 || s.charCodeAt(from + 10) !== 84 || s.charCodeAt(from + 13) !== 58) return 0;
  let i = from + 19;
  if (s.charCodeAt(i) === 46) {
    i++;
    while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  }
  if (s.charCodeAt(i) !== 90) return 0;
  i++;
  if (s.charCodeAt(i) === 32) i++;
  return i - from;
}

/** Strips the BOM and a leading runner timestamp. */
export function stripTimestamp(line: string): string {
  const from = line.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = timestampLength(line, from);
  return n || from ? line.slice(from + n) : line;
}

// ANSI codes that were written out in caret notation (`^[[31m`) by a tool that escaped them.
const CARET_ANSI = /\^\[\[[0-9;]*[A-Za-z]/g;

export function stripAnsi(line: string): string {
  let s = line.includes('\x1b') ? line.replace(ANSI, '') : line;
  if (s.includes('^[[')) s = s.replace(CARET_ANSI, '');
  return s;
}

/**
 * What a terminal would show of a line: timestamp and ANSI codes removed, a trailing `\r` dropped, and for
 * progress output rewritten with lone `\r`, the last non-empty segment.
 */
export function cleanLine(raw: string): string {
  let s = stripAnsi(stripTimestamp(raw));
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 13) end--;
  if (end < s.length) s = s.slice(0, end);
  const cr = s.indexOf('\r');
  if (cr >= 0) {
    const segments = s.split('\r').filter((x) => x.trim() !== '');
    s = segments.length ? (segments[segments.length - 1] ?? '') : '';
  }
  return s;
}

/** Replaces control characters other than tab so a line is safe to print in a terminal or Markdown. */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}
