/**
 * Masking of what varies between two runs of the same job, so that lines can be compared across runs.
 * `maskVolatile` is used against the baseline (last passing) log: it masks timestamps, durations, hashes,
 * ids, addresses and temporary paths, but keeps counts ("Failures: 0" vs "Failures: 2" stay different).
 * `maskForFingerprint` also masks every number and line:column, for a key that is stable across runs.
 */

const ISO_TIME = /\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?/g;
const CLOCK = /\b\d\d?:\d\d:\d\d(?:[.,]\d+)?\b/g;
const DATE = /\b\d{4}[-/]\d\d[-/]\d\d\b/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const HEX_ADDR = /\b0x[0-9a-f]+\b/gi;
// 7+ hex characters with at least one digit and one letter a-f: commit SHAs, digests, object ids.
const HASH = /\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}\b/gi;
const DURATION =
  /\b\d+(?:[.,]\d+)?\s?(?:ns|µs|us|ms|s|sec|secs|seconds?|m|min|mins|minutes?|h|hrs?|hours?)\b/gi;
const TEMP_PATH =
  /(?:\/tmp|\/var\/folders|\/private\/var\/folders|[A-Za-z]:\\Users\\[^\\\s]+\\AppData\\Local\\Temp)[^\s'":)]*/g;
// Checkout roots of the common runners: GitHub (host and container), Travis, Jenkins, GitLab-style builds.
const WORKSPACE =
  /(?:\/home\/(?:runner\/work|travis\/build)\/[^\s/]+(?:\/[^\s/]+)?|\/__w\/[^\s/]+\/[^\s/]+|(?:\/home\/jenkins|\/var\/lib\/jenkins|\/var\/jenkins_home|\/builds|\/home\/jenkins\/agent)\/workspace\/[^\s/]+|\/builds\/[^\s/]+\/[^\s/]+(?=\/))/g;
const LINE_COL = /:\d+(?::\d+)?\b/g;
const NUMBER = /\d+(?:\.\d+)*/g;
const SPACES = /\s+/g;

export function maskVolatile(text: string): string {
  return text
    .replace(ISO_TIME, '<t>')
    .replace(CLOCK, '<t>')
    .replace(DATE, '<d>')
    .replace(UUID, '<id>')
    .replace(HEX_ADDR, '<addr>')
    .replace(HASH, '<hash>')
    .replace(DURATION, '<dur>')
    .replace(TEMP_PATH, '<tmp>')
    .replace(WORKSPACE, '<ws>')
    .replace(SPACES, ' ')
    .trim();
}

export function maskForFingerprint(text: string): string {
  return maskVolatile(text).replace(LINE_COL, ':<n>').replace(NUMBER, '<n>');
}

/** 32-bit FNV-1a of a string: a compact key for sets of masked lines. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
