/**
 * The fast path (src/logs/scan.ts, fast-lines.ts, Extractor.pass/pushBytes and the rule filter) must not
 * change any result: the same extraction as pushing every line through the regexes, on logs made to hit the
 * corners of cleaning (timestamps, ANSI codes inside words, carriage returns, invalid UTF-8, long lines) and
 * of sections and failure markers, cut into chunks anywhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, compilePrefilter, PREFILTER, PREFILTER_FRAGMENTS } from '../src/classify/rules.js';
import { cleanLine } from '../src/logs/clean.js';
import type { ExtractOptions, ExtractResult } from '../src/logs/extract.js';
import { baselineKey, Extractor } from '../src/logs/extract.js';
import { ScanningSplitter } from '../src/logs/fast-lines.js';
import { LineSplitter, type RawLine } from '../src/logs/lines.js';
import { compileFilter, compileScanner, Verdict } from '../src/logs/scan.js';
import { analyzeLog } from '../src/pipeline/analyze-log.js';

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const PLAIN = [
  'Compiling module core v1.2.3',
  'Downloaded from central: https://repo.maven.apache.org/maven2/org/x/y/1.0/y-1.0.pom (2 kB at 9 kB/s)',
  'remote: Counting objects: 100% (41/41), done.',
  'test_parse (tests.test_api.ApiTest) ... ok',
  '  ✓ handles dates (5 ms)',
  'Requirement already satisfied: six in /usr/lib/python3/dist-packages',
  'Step 3/9 : RUN make',
  '[INFO] Building jar: /app/target/app-1.0.jar',
  '',
  '   ',
  'warning: unused variable `x`',
  'Tests run: 12, Failures: 0, Errors: 0, Skipped: 0',
  'Progress (1): 4.1/11 kB',
  'ok  \tgithub.com/x/y\t0.01s',
  '    at java.base/java.lang.Thread.run(Thread.java:833)',
  'src/error_handler.rs compiled',
  'Finished in 0.42 seconds',
  'PASS src/app.test.ts',
];
const TELLING = [
  'error: cannot find symbol',
  "src/app.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
  'npm ERR! code ELIFECYCLE',
  'FAILED tests/test_api.py::test_get - AssertionError: assert 404 == 200',
  'E       assert 404 == 200',
  '    at Object.<anonymous> (/app/index.js:3:9)',
  'Traceback (most recent call last):',
  '  File "/app/x.py", line 3, in <module>',
  'java.lang.NullPointerException: Cannot invoke "String.length()"',
  'Caused by: java.io.FileNotFoundException: config.yml',
  '--- FAIL: TestParse (0.00s)',
  '    parse_test.go:42: got 1, want 2',
  '  ✕ adds numbers (3 ms)',
  '  ● Calculator › adds numbers',
  '× 2 tests failed',
  '❌  /Users/x/App.swift:97:2: unknown attribute',
  'Oh no! 💥 💔 💥',
  'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
  'curl: (6) Could not resolve host: github.com',
  '##[error]Process completed with exit code 1.',
  '##[error]src/app.ts(3,7): error TS2304',
  'Error: Process completed with exit code 2.',
  'The command "npm test" exited with 1.',
  'ERROR: script returned exit code 2',
  '[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:2.22.2:test',
  '[INFO] BUILD FAILURE',
  'BUILD FAILED in 12s',
  'FAILURE: Build failed with an exception.',
  'Finished: FAILURE',
  '1) Failure:',
  '! LaTeX Error: File `foo.sty` not found.',
  '** (RuntimeError) Line does not match format',
  'make: *** [Makefile:12: all] Error 1',
  'ERROR in ./src/index.js 12:4',
  'rate-limit exceeded',
  'No space left on device',
];
const MARKERS = [
  '##[group]Run npm test',
  '##[group]Run actions/upload-artifact@v4',
  '##[endgroup]',
  'Post job cleanup.',
  '$ npm test',
  '$ bundle exec rake',
  '[Pipeline] { (Build)',
  '[Pipeline] stage (Test)',
  '+ make check',
  '> jest --ci',
  '> pkg@1.0.0 test /app',
  'Cleaning up orphan processes',
];

function timestamp(rnd: () => number): string {
  const frac = rnd() < 0.5 ? '' : `.${Math.floor(rnd() * 1e7)}`;
  return `2024-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}T0${Math.floor(rnd() * 9)}:1${Math.floor(rnd() * 9)}:2${Math.floor(rnd() * 9)}${frac}Z${rnd() < 0.9 ? ' ' : ''}`;
}

/** A line with some of what cleaning removes or trips on, as bytes. */
function decorate(rnd: () => number, text: string): Buffer {
  let s = text;
  const r = rnd();
  if (r < 0.12 && s.length > 4) {
    // An ANSI code inside a word: cleaning joins the word again.
    const at = 1 + Math.floor(rnd() * (s.length - 2));
    s = s.slice(0, at) + pick(rnd, ['\x1b[1m', '\x1b[0m', '\x1b[31;1m', '\x1b[K', '\x1bM']) + s.slice(at);
  } else if (r < 0.2) s = `\x1b[31m${s}\x1b[0m`;
  else if (r < 0.23) s = `\x1b]0;title\x07${s}`;
  else if (r < 0.25) s = `^[[33m${s}^[[0m`;
  else if (r < 0.26) s = `^\x1b[0m[[32m${s}`;
  else if (r < 0.27) s = `${s}\x1b[`;
  else if (r < 0.28) s = `\x1b[2Z${s}`;
  const p = rnd();
  if (p < 0.05) s = `Progress 10%\r${s}`;
  else if (p < 0.08) s = `${s}\r   \r`;
  else if (p < 0.1) s = `${s}\rdone`;
  let bytes = Buffer.from(s, 'utf8');
  const b = rnd();
  if (b < 0.03) bytes = Buffer.concat([bytes, Buffer.from([0xff, 0xc3])]);
  else if (b < 0.05) bytes = Buffer.concat([Buffer.from([0xe2, 0x9c]), bytes]);
  else if (b < 0.06) bytes = Buffer.concat([Buffer.from('×'.repeat(12), 'utf8'), bytes]);
  return bytes;
}

type Format = 'github' | 'travis' | 'jenkins' | 'plain';

/** A log of `lines` lines in a format: mostly plain output, telling lines and markers now and then. */
function makeLog(seed: number, lines: number, format: Format): Buffer {
  const rnd = prng(seed);
  const out: Buffer[] = [];
  const head: Record<Format, string[]> = {
    github: [],
    travis: ['travis_fold:start:worker_info', 'Worker information'],
    jenkins: ['Started by user admin', 'Running as SYSTEM'],
    plain: ['hello'],
  };
  if (rnd() < 0.2) out.push(Buffer.from('\ufeff'));
  for (const h of head[format]) out.push(Buffer.from(`${h}\n`));
  const crlf = rnd() < 0.5;
  for (let i = 0; i < lines; i++) {
    const r = rnd();
    let text: string;
    if (r < 0.09) text = pick(rnd, TELLING);
    else if (r < 0.13) text = pick(rnd, MARKERS);
    else if (r < 0.16) text = `    at com.x.Y${i}.run(Y.java:${i})`;
    else text = pick(rnd, PLAIN);
    if (rnd() < 0.02) text = `${'x'.repeat(2100)} ${pick(rnd, TELLING)}`;
    if (rnd() < 0.004) text = `${pick(rnd, PLAIN)} ${'y'.repeat(17000)} error`;
    let line = decorate(rnd, text);
    if (format === 'github' || rnd() < 0.03) line = Buffer.concat([Buffer.from(timestamp(rnd)), line]);
    if (rnd() < 0.01) line = Buffer.concat([Buffer.from('abcd-efghiTjk:lmnopZ'), line]);
    out.push(line, Buffer.from(crlf && rnd() < 0.95 ? '\r\n' : '\n'));
  }
  if (rnd() < 0.5) out.push(Buffer.from(pick(rnd, TELLING)));
  return Buffer.concat(out);
}

/** `buf` cut at random places (some chunks of one byte), or in 64 KiB chunks. */
function chunks(buf: Buffer, rnd: () => number, mode: 'random' | 'stream'): Buffer[] {
  const out: Buffer[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const size = mode === 'stream' ? 64 * 1024 : rnd() < 0.1 ? 1 : 1 + Math.floor(rnd() * 9000);
    out.push(buf.subarray(pos, pos + size));
    pos += size;
  }
  return out;
}

const rules = BUILTIN_RULES;

/** Every line pushed, every rule's regex run: the extraction as it was. */
function reference(parts: readonly Buffer[], options: Partial<ExtractOptions> = {}): ExtractResult {
  const ex = new Extractor({ rules, ...options, filterAfterLines: Infinity });
  const splitter = new LineSplitter((l) => ex.push(l));
  for (const p of parts) splitter.push(p);
  splitter.end();
  return ex.finish();
}

/** The fast path from the first byte, and the rule filter from the first line. */
function fast(parts: readonly Buffer[], options: Partial<ExtractOptions> = {}): ExtractResult {
  const ex = new Extractor({ rules, ...options, filterAfterLines: 0 });
  const splitter = new ScanningSplitter(ex, () => ex.scanner(), 0);
  // The chunks are reused after each push, as a reader with one buffer would: nothing may keep them.
  for (const p of parts) {
    const copy = Buffer.from(p);
    splitter.push(copy);
    copy.fill(0x41);
  }
  splitter.end();
  return ex.finish();
}

const json = (r: ExtractResult) =>
  JSON.stringify(r, (_k, v: unknown) => (v instanceof RegExp ? String(v) : v));

describe('the fast path changes no result', () => {
  const formats: Format[] = ['github', 'travis', 'jenkins', 'plain'];
  it.each(Array.from({ length: 12 }, (_, i) => [i, formats[i % 4]!] as const))(
    'synthetic log %i (%s), in random chunks and in stream chunks',
    (seed, format) => {
      const log = makeLog(1000 + seed, 3000 + seed * 250, format);
      const rnd = prng(seed);
      const expected = json(reference([log]));
      expect(json(fast(chunks(log, rnd, 'random')))).toBe(expected);
      expect(json(fast(chunks(log, rnd, 'stream')))).toBe(expected);
    },
  );

  it('with a baseline and changed files', () => {
    const log = makeLog(77, 4000, 'github');
    const passing = makeLog(78, 3000, 'github');
    const baseline = new Set<number>();
    new LineSplitter((l) => {
      const t = cleanLine(l.text);
      if (t.trim() !== '') baseline.add(baselineKey(t));
    }).push(passing);
    const options = { baseline, changedFiles: ['src/app.ts', 'tests/test_api.py'] };
    expect(json(fast(chunks(log, prng(3), 'random'), options))).toBe(json(reference([log], options)));
  });

  const fixtures = readdirSync(new URL('../fixtures/', import.meta.url)).filter((f) => f.endsWith('.log'));
  it.each(fixtures)('fixtures/%s', (file) => {
    const log = readFileSync(new URL(`../fixtures/${file}`, import.meta.url));
    expect(json(fast(chunks(log, prng(file.length), 'random')))).toBe(json(reference([log])));
  });

  it('empty input, a lone newline, no final newline', () => {
    for (const s of ['', '\n', 'error: x', 'a\nerror: x\n', '\r\n\r\n', '\ufefferror\n'])
      expect(json(fast([Buffer.from(s)]))).toBe(json(reference([Buffer.from(s)])));
  });

  it('analyzeLog, once past the size at which the scanner starts, finds what it found before', async () => {
    const log = makeLog(5, 40000, 'github');
    expect(log.length).toBeGreaterThan(2 * 1024 * 1024);
    const finding = await analyzeLog(chunks(log, prng(9), 'stream'));
    const ex = reference([log]);
    expect(finding.totalLines).toBe(ex.totalLines);
    expect(finding.excerpts).toEqual(ex.excerpts);
  });
});

describe('ScanningSplitter', () => {
  /** What a sink sees: line numbers and texts, passed-over lines decoded. */
  function record(parts: readonly Buffer[], fastPath: boolean): { lines: string[]; count: number } {
    const lines: string[] = [];
    const sink = {
      needsEveryLine: () => false,
      push: (l: RawLine) => void lines.push(`${l.n}:${l.text}`),
      consider: (l: RawLine) => void lines.push(`${l.n}:${l.text}`),
      pushBytes: (n: number, buf: Buffer, s: number, e: number) =>
        void lines.push(`${n}:${buf.toString('utf8', s, e)}`),
      pass: (n: number, buf: Buffer, s: number, e: number) =>
        void lines.push(`${n}:${buf.toString('utf8', s, e)}`),
      detach: () => undefined,
    };
    if (!fastPath) {
      const splitter = new LineSplitter((l) => sink.push(l));
      for (const p of parts) splitter.push(p);
      return { lines, count: splitter.end() };
    }
    const splitter = new ScanningSplitter(
      sink,
      () => compileScanner([{ source: 'error', flags: 'i' }], 16 * 1024),
      0,
    );
    for (const p of parts) splitter.push(p);
    return { lines, count: splitter.end() };
  }

  it('numbers lines as LineSplitter does, whatever the chunks', () => {
    const rnd = prng(42);
    const alphabet = ['a', 'error', '\n', '\r', '\r\n', '\x1b[1m', '\xff', 'é', ' '];
    for (let k = 0; k < 200; k++) {
      let s = '';
      const n = Math.floor(rnd() * 60);
      for (let i = 0; i < n; i++) s += pick(rnd, alphabet);
      const buf = Buffer.from(s, 'latin1');
      const parts = chunks(buf, rnd, 'random');
      const a = record(parts, false);
      const b = record(parts, true);
      // Every line is counted; those the sink hears of (passed-over runs keep only their last lines) come in
      // order, with the number and text LineSplitter gives them.
      expect(b.count).toBe(a.count);
      const numbers = b.lines.map((l) => Number(l.slice(0, l.indexOf(':'))));
      expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
      const all = new Set(a.lines);
      for (const l of b.lines) expect(all.has(l), JSON.stringify(l)).toBe(true);
    }
  });
});

describe('scanner', () => {
  const markers = [
    /^##\[group\]Run (.*)$/,
    /^\$ (.+)$/,
    /The command "(.*)" (?:failed and )?exited with ([1-9]\d*)/,
  ];
  const scanner = compileScanner(
    [PREFILTER, ...markers].map((r) => ({ source: r.source, flags: r.flags })),
    16 * 1024,
  )!;

  /** Whether the scanner skips `line` (bytes, without `\n`). */
  const skips = (line: Buffer) => {
    const buf = Buffer.concat([line, Buffer.from('\n')]);
    scanner.scan(buf, 0, buf.length);
    return scanner.skipped === 1 && scanner.verdict === Verdict.End;
  };

  it('compiles the built-in prefilter', () => {
    expect(scanner).not.toBeNull();
  });

  it('never skips a line the prefilter or a marker would match once cleaned', () => {
    const lines: Buffer[] = [];
    for (const seed of [1, 2, 3]) {
      const log = makeLog(seed, 4000, seed === 1 ? 'github' : 'travis');
      let pos = 0;
      for (;;) {
        const nl = log.indexOf(10, pos);
        if (nl === -1) break;
        lines.push(log.subarray(pos, nl));
        pos = nl + 1;
      }
    }
    for (const f of readdirSync(new URL('../fixtures/', import.meta.url)).filter((x) => x.endsWith('.log')))
      for (const l of readFileSync(new URL(`../fixtures/${f}`, import.meta.url), 'utf8').split('\n'))
        lines.push(Buffer.from(l, 'utf8'));
    let skipped = 0;
    for (const line of lines) {
      if (line.length > 16 * 1024 || !skips(line)) continue;
      skipped++;
      const text = cleanLine(line.toString('utf8'));
      const t = text.length > 2000 ? text.slice(0, 2000) : text;
      expect(PREFILTER.test(t) || markers.some((m) => m.test(text)), JSON.stringify(text)).toBe(false);
    }
    expect(skipped).toBeGreaterThan(lines.length / 3);
  });

  it('gives up (null) on syntax it does not follow', () => {
    expect(compileScanner([{ source: '(a)\\1', flags: '' }], 100)).toBeNull();
    expect(compileScanner([{ source: 'a', flags: 'u' }], 100)).toBeNull();
    expect(compileScanner([{ source: 'x*', flags: '' }], 100)).toBeNull();
  });
});

describe('rule filter', () => {
  const builtin = rules.filter((r) => !r.user);
  const fragments = PREFILTER_FRAGMENTS.map((f) => new RegExp(f, 'i'));
  const patterns = [...builtin.map((r) => r.pattern), ...fragments];
  const filter = compileFilter(patterns, (id) => id >= builtin.length);

  const texts = [
    ...BUILTIN_RULES.flatMap((r) => r.examples ?? []),
    ...TELLING,
    ...PLAIN,
    ...MARKERS,
    ...readFileSync(new URL('../fixtures/github-pytest-pandas.log', import.meta.url), 'utf8')
      .split('\n')
      .map(cleanLine),
  ];

  it('reports every pattern that matches; one it matches exactly, only when it matches', () => {
    let exactlySettled = 0;
    for (const t of texts) {
      const may = filter.test(t);
      patterns.forEach((p, id) => {
        const matches = p.test(t);
        if (matches) expect(may[id], `${p} on ${JSON.stringify(t)}`).toBe(1);
        if (may[id] && filter.exact[id]) {
          expect(matches, `${p} (exact) on ${JSON.stringify(t)}`).toBe(true);
          exactlySettled++;
        }
      });
      // The prefilter's answer, as Extractor.prefilter reads it.
      expect(filter.watchedExact || (filter.watchedApprox && PREFILTER.test(t))).toBe(PREFILTER.test(t));
    }
    expect(exactlySettled).toBeGreaterThan(0);
  });

  it('stands for PREFILTER, which is the alternation of the fragments', () => {
    expect(String(PREFILTER)).toBe(String(compilePrefilter(PREFILTER_FRAGMENTS)));
  });

  it('always reports a pattern it cannot parse', () => {
    const f = compileFilter([/(a)\1/, /b/]);
    expect([...f.test('zzz')]).toEqual([1, 0]);
  });
});
