/**
 * The fingerprint: one stable key per distinct failure — a hash of the failure type, the key error line(s)
 * after masking what varies between runs, and the failing test when the log names it. Generic lines ("exit
 * code 1", ELIFECYCLE, make's ***) are never the key when a more specific line exists.
 *
 * The test's identity (jest `● Suite › test`, pytest `FAILED path::test`, go `--- FAIL: TestX`, JUnit
 * `Class.method`, RSpec `rspec ./spec/x_spec.rb:12 # …`, …) is the nearest one above the key line in its
 * excerpt (else below it): two tests failing on the same masked assertion (`Expected: <n>` / `Received: <n>`)
 * are two failures. Without a test name, a key made only of values gets the assertion's place in the code
 * (the code frame or the stack frame's file) instead, and without that the values themselves, unmasked but
 * for timestamps, durations, hashes and ids: masked values alone are never the whole key.
 */
import { createHash } from 'node:crypto';
import type { MatchedLine } from '../logs/extract.js';
import { maskForFingerprint, maskVolatile } from '../logs/mask.js';
import type { Excerpt, FailureType } from '../types.js';

export interface Fingerprint {
  fingerprint: string;
  /** The masked lines the key was made of; the failing test, when there is one, last (`test: …`). */
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
  let chosen: Array<{ n?: number; text: string }> = distinct.sort((a, b) => a.n - b.n);
  if (chosen.length === 0) {
    // No specific line in the top excerpt: any specific anchor, then the generic ones, then the key line.
    const any = anchors.flat().filter((a) => !a.rule?.generic);
    chosen = (any.length ? any : top).slice(0, KEY_LINES);
  }
  if (chosen.length === 0 && excerpts[0]) {
    const e = excerpts[0];
    chosen = [{ n: e.keyLine, text: e.lines[e.keyLine - e.startLine] ?? e.lines[e.lines.length - 1] ?? '' }];
  }
  const keyLines = chosen.map((c) => maskForFingerprint(stripPrefixes(c.text))).filter((t) => t !== '');
  const at = chosen[0]?.n;
  const excerpt = at === undefined ? undefined : excerpts.find((e) => e.startLine <= at && at <= e.endLine);
  if (excerpt && at !== undefined) {
    const where = at - excerpt.startLine;
    const test = testIdentity(excerpt.lines, where);
    if (test !== undefined) {
      const masked = maskForFingerprint(test);
      if (!keyLines.some((k) => k.includes(masked))) keyLines.push(`test: ${masked}`);
    } else if (keyLines.length > 0 && keyLines.every((k) => VALUE_LINE.test(k))) {
      const place =
        assertionPlace(excerpt.lines, where) ??
        excerpts
          .filter((e) => e.startLine > excerpt.endLine)
          .sort((a, b) => a.startLine - b.startLine)
          .map((e) => assertionPlace(e.lines, -1))
          .find((p) => p !== undefined);
      if (place !== undefined) keyLines.push(`at: ${maskForFingerprint(place)}`);
      // Nothing else tells this assertion apart: its values do (timestamps and ids still masked).
      else keyLines.splice(0, keyLines.length, ...chosen.map((c) => maskVolatile(stripPrefixes(c.text))));
    }
  }
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

/** A line that only carries values: what two different tests failing the same way share. */
const VALUE_LINE = /^(?:[-+]\s*)?(?:expected|received|actual|got|want(?:ed)?|value|difference|diff)\b/i;

/** Lines that name the failing test, per runner; the first group(s) are its identity. */
const TEST_LINES: Array<{ re: RegExp; id: (m: RegExpExecArray) => string }> = [
  // jest / vitest: the block of one failed test, `● Suite › test` (not jest's `● Console` blocks).
  { re: /^\s*●\s+(?!Console$)(\S.*?)\s*$/, id: (m) => m[1]! },
  // vitest: ` FAIL  src/a.test.ts > Suite > test`; ×/✕ marks a failed test in the list.
  { re: /^\s*(?:FAIL|[×✕✗])\s+(\S+\s+>\s+\S.*?)\s*$/, id: (m) => m[1]! },
  // pytest: the short summary `FAILED tests/test_a.py::TestA::test_b - …` and the section `____ TestA.test_b ____`.
  { re: /^\s*(?:FAILED|ERROR)\s+(\S+::\S+)/, id: (m) => m[1]! },
  { re: /^_{3,}\s+(\S.*?)\s+_{3,}$/, id: (m) => m[1]! },
  // go test: `--- FAIL: TestX/sub (0.00s)`.
  { re: /^\s*--- FAIL:\s+(\S+)/, id: (m) => m[1]! },
  // cargo test: `---- tests::it_works stdout ----`, `test tests::it_works ... FAILED`.
  { re: /^---- (\S+) stdout ----$/, id: (m) => m[1]! },
  { re: /^test (\S+) \.\.\. FAILED$/, id: (m) => m[1]! },
  // Maven Surefire (JUnit 4 and 5): `[ERROR] testFoo(com.acme.FooTest)  Time elapsed: …`,
  // `[ERROR] com.acme.FooTest.testFoo -- Time elapsed: …`, and the summary `[ERROR]   FooTest.testFoo:42 …`.
  { re: /^\[ERROR\]\s+(\w+)\(([\w.$]+)\)/, id: (m) => `${m[2]!}.${m[1]!}` },
  { re: /^\[ERROR\]\s+([\w$]+(?:\.[\w$]+)+)\s+--\s+Time elapsed/, id: (m) => m[1]! },
  { re: /^\[ERROR\]\s+([A-Z][\w$]*\.[\w$]+)(?::\d+)?\s/, id: (m) => m[1]! },
  // Gradle: `FooTest > testFoo() FAILED`.
  { re: /^\s*([\w.$]+ > \S.*?) FAILED$/, id: (m) => m[1]! },
  // RSpec: `rspec ./spec/cart_spec.rb:12 # Cart applies the discount`.
  { re: /^rspec (\S+?)(?::\d+)? # (\S.*?)\s*$/, id: (m) => `${m[1]!} ${m[2]!}` },
  // minitest: `CartTest#test_discount [test/cart_test.rb:12]:`.
  { re: /^\s*([A-Z]\w*#test_\w+)/, id: (m) => m[1]! },
  // PHPUnit: `1) Tests\CartTest::testDiscount`.
  { re: /^\d+\) ([\w\\]+::\w+)/, id: (m) => m[1]! },
  // ExUnit: `1) test applies the discount (CartTest)`.
  { re: /^\s*\d+\) (test \S.* \([\w.]+\))/, id: (m) => m[1]! },
  // dotnet test: `Failed Acme.CartTests.AppliesDiscount [12 ms]`.
  { re: /^\s*Failed ([\w.]+(?:\(.*?\))?) \[/, id: (m) => m[1]! },
];

/** jest's file line above a `●` block: `FAIL src/cart.test.js`. */
const JEST_FILE = /^\s*FAIL\s+(\S+\.\w+)(?:\s+\(.*\))?\s*$/;

function identityOf(line: string): string | undefined {
  for (const { re, id } of TEST_LINES) {
    const m = re.exec(line);
    if (m) return id(m).trim();
  }
  return undefined;
}

/** The failing test named nearest the key line (`at`, an index into `lines`): above first, then below. */
export function testIdentity(lines: readonly string[], at: number): string | undefined {
  for (let i = Math.min(at, lines.length - 1); i >= 0; i--) {
    const id = identityOf(lines[i] ?? '');
    if (id === undefined) continue;
    if (/^\s*●/.test(lines[i] ?? '')) {
      // jest names the file on the line that opens its failures.
      for (let j = i - 1; j >= 0; j--) {
        const f = JEST_FILE.exec(lines[j] ?? '');
        if (f) return `${f[1]!} ${id}`;
      }
    }
    return id;
  }
  for (let i = at + 1; i < lines.length; i++) {
    const id = identityOf(lines[i] ?? '');
    if (id !== undefined) return id;
  }
  return undefined;
}

/** Where the assertion is, when no test is named: the code frame's marked line, else a stack frame's file. */
function assertionPlace(lines: readonly string[], at: number): string | undefined {
  for (let i = at + 1; i < lines.length; i++) {
    const frame = /^\s*>\s*\d+\s*\|\s*(\S.*?)\s*$/.exec(lines[i] ?? '');
    if (frame) return frame[1];
  }
  // The first frame in the project's code, else the first frame.
  let first: string | undefined;
  for (let i = at + 1; i < lines.length; i++) {
    const stack = /^\s*at\s.*?\(?([^\s()]+?):\d+(?::\d+)?\)?\s*$/.exec(lines[i] ?? '');
    if (!stack) continue;
    if (!/(?:^|\/)node_modules\/|^node:|^internal\//.test(stack[1]!)) return stack[1];
    first ??= stack[1];
  }
  return first;
}
