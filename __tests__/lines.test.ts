import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_LINE_BYTES, LineSplitter, type RawLine } from '../src/logs/lines.js';

/** Feeds `chunks` to a LineSplitter and returns the lines it emitted and what `end()` returned. */
function split(
  chunks: Array<string | Uint8Array>,
  maxLineBytes?: number,
): { lines: RawLine[]; count: number } {
  const lines: RawLine[] = [];
  const splitter =
    maxLineBytes === undefined
      ? new LineSplitter((l) => lines.push(l))
      : new LineSplitter((l) => lines.push(l), maxLineBytes);
  for (const c of chunks) splitter.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : c);
  const count = splitter.end();
  return { lines, count };
}

/** Every byte as its own chunk. */
const bytewise = (buf: Buffer): Uint8Array[] => [...buf].map((b) => Uint8Array.of(b));

/** A small deterministic PRNG (mulberry32), so random inputs are the same on every run. */
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

describe('LineSplitter: line numbers as Python data.split(b"\\n")', () => {
  // Expected values are what Python gives for data.split(b'\n') (decoded): the corpus and score.py count so.
  const cases: Array<[string, string[]]> = [
    ['', ['']],
    ['a', ['a']],
    ['a\n', ['a', '']],
    ['a\nb', ['a', 'b']],
    ['\n', ['', '']],
    ['\n\n', ['', '', '']],
    ['a\n\nb\n', ['a', '', 'b', '']],
    ['a\r\nb\r\n', ['a\r', 'b\r', '']],
    ['a\rb\nc', ['a\rb', 'c']],
    ['x\r\r\ny', ['x\r\r', 'y']],
  ];

  it.each(cases)('%j splits into %j', (input, expected) => {
    const { lines, count } = split([input]);
    expect(lines.map((l) => l.text)).toEqual(expected);
    expect(lines.map((l) => l.n)).toEqual(expected.map((_, i) => i + 1));
    expect(count).toBe(expected.length);
    expect(lines.every((l) => !l.truncated)).toBe(true);
  });

  it('treats empty input, and only empty chunks, as one empty line', () => {
    expect(split([]).lines).toEqual([{ n: 1, text: '', truncated: false }]);
    expect(split([new Uint8Array(0), new Uint8Array(0)]).lines).toEqual([
      { n: 1, text: '', truncated: false },
    ]);
  });

  it('gives a file ending in a newline an empty last line, and one without none', () => {
    expect(split(['one\ntwo\n']).count).toBe(3);
    expect(split(['one\ntwo']).count).toBe(2);
    // The newline arriving alone in the last chunk changes nothing.
    expect(split(['one\ntwo', '\n']).lines.map((l) => l.text)).toEqual(['one', 'two', '']);
  });

  it('keeps \\r\\n as a trailing \\r and a lone \\r inside the line', () => {
    const { lines } = split(['2024-01-01T00:00:00.1234567Z step\r\nprogress 10%\rprogress 100%\r\nend']);
    expect(lines.map((l) => l.text)).toEqual([
      '2024-01-01T00:00:00.1234567Z step\r',
      'progress 10%\rprogress 100%\r',
      'end',
    ]);
  });
});

describe('LineSplitter: chunk boundaries', () => {
  const text = 'héllo wörld ✓\n日本語のログ: エラー\r\n😀 emoji 🚀 line\n\nfinal Ω without newline';
  const buf = Buffer.from(text, 'utf8');
  const expected = text.split('\n');

  it('gives the same lines when fed one byte at a time', () => {
    const { lines, count } = split(bytewise(buf));
    expect(lines.map((l) => l.text)).toEqual(expected);
    expect(count).toBe(expected.length);
    expect(lines.some((l) => l.text.includes('\ufffd'))).toBe(false);
  });

  it('gives the same lines for a split at every byte position', () => {
    for (let i = 0; i <= buf.length; i++) {
      const { lines } = split([buf.subarray(0, i), buf.subarray(i)]);
      expect(
        lines.map((l) => l.text),
        `split at byte ${i}`,
      ).toEqual(expected);
    }
  });

  it('accepts plain Uint8Arrays that are views into a larger buffer', () => {
    const backing = new Uint8Array(buf.length + 20);
    backing.set(buf, 10);
    const view = new Uint8Array(backing.buffer, 10, buf.length);
    expect(split([view]).lines.map((l) => l.text)).toEqual(expected);
  });
});

describe('LineSplitter: invalid UTF-8 and binary input', () => {
  it('turns invalid bytes into U+FFFD without throwing', () => {
    const bytes = Buffer.from([0x66, 0xff, 0xfe, 0x0a, 0x00, 0x01, 0xc3, 0x0a, 0xe2, 0x82]);
    const { lines } = split([bytes]);
    expect(lines.map((l) => l.text)).toEqual(['f\ufffd\ufffd', '\u0000\u0001\ufffd', '\ufffd']);
  });

  it('handles a truncated multi-byte character split across chunks like the whole input', () => {
    const bytes = Buffer.from([0x61, 0xe2, 0x82, 0x0a, 0xac, 0x62]); // "a" + incomplete "€", newline, stray continuation, "b"
    const whole = split([bytes]).lines.map((l) => l.text);
    expect(whole).toEqual(['a\ufffd', '\ufffdb']);
    expect(split(bytewise(bytes)).lines.map((l) => l.text)).toEqual(whole);
  });

  it('survives random binary data (NULs included) in random chunk sizes, counting every \\n', () => {
    const rnd = prng(42);
    const data = Buffer.alloc(256 * 1024);
    for (let i = 0; i < data.length; i++) data[i] = Math.floor(rnd() * 256);
    for (let i = 0; i < 2000; i++) data[Math.floor(rnd() * data.length)] = 0; // plenty of NULs
    const newlines = data.reduce((n, b) => n + (b === 10 ? 1 : 0), 0);

    const chunks: Buffer[] = [];
    for (let pos = 0; pos < data.length;) {
      const size = 1 + Math.floor(rnd() * 5000);
      chunks.push(data.subarray(pos, pos + size));
      pos += size;
    }
    const { lines, count } = split(chunks);
    expect(count).toBe(newlines + 1);
    expect(lines).toHaveLength(newlines + 1);
    expect(lines.map((l) => l.n)).toEqual(lines.map((_, i) => i + 1));
    expect(lines.some((l) => l.text.includes('\ufffd'))).toBe(true);
    expect(lines.some((l) => l.text.includes('\u0000'))).toBe(true);
    // Same result as decoding the whole input at once.
    expect(lines.map((l) => l.text)).toEqual(data.toString('utf8').split('\n'));
  });
});

describe('LineSplitter: lines longer than maxLineBytes', () => {
  it('cuts a long line, marks it truncated and keeps numbering the lines after it', () => {
    const max = 1024;
    const { lines, count } = split(['first\n', 'x'.repeat(10_000) + '\nError: after the long line\n'], max);
    expect(count).toBe(4);
    expect(lines.map((l) => l.n)).toEqual([1, 2, 3, 4]);
    expect(lines[0]).toEqual({ n: 1, text: 'first', truncated: false });
    expect(lines[1]?.truncated).toBe(true);
    expect(lines[1]?.text.length).toBeLessThanOrEqual(max);
    expect(lines[1]?.text.startsWith('xxxx')).toBe(true);
    expect(lines[2]).toEqual({ n: 3, text: 'Error: after the long line', truncated: false });
    expect(lines[3]).toEqual({ n: 4, text: '', truncated: false });
  });

  it('bounds a long line fed in many small chunks, and one that ends the input without a newline', () => {
    const max = 4096;
    const chunks = Array.from({ length: 2000 }, () => 'y'.repeat(100)); // 200 kB on one line
    const { lines } = split(['a\n', ...chunks, '\nb\n', ...chunks], max);
    expect(lines.map((l) => l.n)).toEqual([1, 2, 3, 4]);
    expect(lines.map((l) => l.truncated)).toEqual([false, true, false, true]);
    expect(lines[1]?.text.length).toBeLessThanOrEqual(max);
    expect(lines[2]?.text).toBe('b');
    expect(lines[3]?.text.length).toBeLessThanOrEqual(max);
  });

  it('keeps a line of exactly maxLineBytes whole and cuts one byte more', () => {
    const max = 64;
    const exact = split(['z'.repeat(max) + '\n'], max).lines[0];
    expect(exact).toEqual({ n: 1, text: 'z'.repeat(max), truncated: false });
    const exactBytewise = split(bytewise(Buffer.from('z'.repeat(max) + '\n')), max).lines[0];
    expect(exactBytewise).toEqual({ n: 1, text: 'z'.repeat(max), truncated: false });
    const over = split(['z'.repeat(max + 1) + '\n'], max).lines[0];
    expect(over?.truncated).toBe(true);
    expect(over?.text).toBe('z'.repeat(max));
  });

  it('bounds a multi-megabyte line with the default limit', () => {
    const big = Buffer.alloc(5 * 1024 * 1024, 0x41);
    const chunks: Buffer[] = [];
    for (let i = 0; i < big.length; i += 65536) chunks.push(big.subarray(i, i + 65536));
    const { lines } = split([...chunks, Buffer.from('\ntail')]);
    expect(lines).toHaveLength(2);
    expect(lines[0]?.truncated).toBe(true);
    expect(lines[0]?.text.length).toBeLessThanOrEqual(DEFAULT_MAX_LINE_BYTES);
    expect(lines[1]).toEqual({ n: 2, text: 'tail', truncated: false });
  });
});
