/**
 * LineSplitter's fast twin for the Extractor: the same lines, numbered the same, but a line the scanner rules
 * out from its bytes is not decoded — it is passed over (counted, kept raw as context). Lines the scanner
 * may match, cannot follow, or that span chunks or exceed the line cap are decoded as LineSplitter decodes
 * them, and pushed (or, for the last three kinds, checked on their cleaned text first).
 *
 * The scanner is compiled only once the log is long enough to repay it (`scanAfterBytes`); before that, and
 * when there is none, every line is decoded and pushed, as LineSplitter does.
 */
import type { RawLine } from './lines.js';
import { DEFAULT_MAX_LINE_BYTES, PendingLine } from './lines.js';
import { type LineScanner, SKIP_RING, Verdict } from './scan.js';

/** What ScanningSplitter feeds: the Extractor. */
export interface ScanSink {
  needsEveryLine(): boolean;
  push(raw: RawLine): void;
  pushBytes(n: number, buf: Buffer, start: number, end: number, quiet: boolean): void;
  consider(raw: RawLine): void;
  pass(n: number, buf: Buffer, start: number, end: number): void;
  detach(): void;
}

/** Bytes read before the scanner is used: compiling it costs about what pushing this much costs. */
export const SCAN_AFTER_BYTES = 1024 * 1024;

export class ScanningSplitter {
  private n = 0;
  private seen = 0;
  private scanner: LineScanner | null | undefined;
  private readonly pending: PendingLine;
  private sawBytes = false;
  private endedWithNewline = false;

  constructor(
    private readonly sink: ScanSink,
    private readonly scannerOf: () => LineScanner | null,
    private readonly scanAfterBytes = SCAN_AFTER_BYTES,
    private readonly maxLineBytes = DEFAULT_MAX_LINE_BYTES,
  ) {
    this.pending = new PendingLine(maxLineBytes);
  }

  push(chunk: Uint8Array): void {
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const len = buf.length;
    if (len === 0) return;
    this.sawBytes = true;
    if (this.scanner === undefined && this.seen >= this.scanAfterBytes) this.scanner = this.scannerOf();
    this.seen += len;
    let pos = 0;
    if (this.pending.started) {
      // The rest of a line begun in an earlier chunk.
      const nl = buf.indexOf(10);
      this.keep(buf, 0, nl === -1 ? len : nl);
      if (nl === -1) {
        this.endedWithNewline = false;
        return;
      }
      this.flushPending();
      this.endedWithNewline = true;
      pos = nl + 1;
    }
    const scanner = this.scanner;
    if (!scanner) {
      this.pushEveryLine(buf, pos);
      this.sink.detach();
      return;
    }
    while (pos < len) {
      // While every line must be pushed, the scanner looks at one line at a time: one it skips cannot pass
      // the prefilter, and is pushed as such.
      const every = this.sink.needsEveryLine();
      pos = scanner.scan(buf, pos, len, every ? 1 : Infinity);
      if (scanner.skipped) {
        if (every) {
          const k = (scanner.skipCount - 1) & (SKIP_RING - 1);
          this.sink.pushBytes(++this.n, buf, scanner.skipStart[k]!, scanner.skipEnd[k]!, true);
          this.endedWithNewline = true;
          continue;
        }
        this.passSkipped(buf, scanner);
      }
      const verdict = scanner.verdict;
      if (verdict === Verdict.End) {
        this.endedWithNewline = true;
        break;
      }
      if (verdict === Verdict.Partial) {
        this.keep(buf, pos, len);
        this.endedWithNewline = false;
        break;
      }
      // A hit goes to push; a complex line is looked at once cleaned.
      const nl = buf.indexOf(10, pos);
      if (nl === -1) {
        this.keep(buf, pos, len);
        this.endedWithNewline = false;
        break;
      }
      if (nl - pos > this.maxLineBytes) {
        this.keep(buf, pos, nl);
        this.flushPending();
      } else if (verdict === Verdict.Hit) this.sink.pushBytes(++this.n, buf, pos, nl, false);
      else this.sink.consider({ n: ++this.n, text: buf.toString('utf8', pos, nl), truncated: false });
      this.endedWithNewline = true;
      pos = nl + 1;
    }
    this.sink.detach();
  }

  /** The lines of `buf` from `pos` (a line start), each decoded and pushed, as LineSplitter does. */
  private pushEveryLine(buf: Buffer, pos: number): void {
    const len = buf.length;
    while (pos < len) {
      const nl = buf.indexOf(10, pos);
      const end = nl === -1 ? len : nl;
      if (nl !== -1 && end - pos <= this.maxLineBytes) {
        this.sink.push({ n: ++this.n, text: buf.toString('utf8', pos, end), truncated: false });
      } else {
        this.keep(buf, pos, end);
        if (nl !== -1) this.flushPending();
      }
      if (nl === -1) {
        this.endedWithNewline = false;
        return;
      }
      this.endedWithNewline = true;
      pos = nl + 1;
    }
  }

  /** Ends the stream: a final line without `\n` is emitted; a file ending in `\n` has an empty last line. */
  end(): number {
    if (this.pending.started) this.flushPending();
    else if (!this.sawBytes || this.endedWithNewline)
      this.sink.consider({ n: ++this.n, text: '', truncated: false });
    return this.n;
  }

  /** The lines the last scan skipped: only the last SKIP_RING can ever be read as context. */
  private passSkipped(buf: Buffer, scanner: LineScanner): void {
    const { skipped, skipCount, skipStart, skipEnd } = scanner;
    const first = this.n + 1;
    for (let c = skipCount - Math.min(skipped, SKIP_RING); c < skipCount; c++) {
      const k = c & (SKIP_RING - 1);
      this.sink.pass(first + (c - (skipCount - skipped)), buf, skipStart[k]!, skipEnd[k]!);
    }
    this.n += skipped;
  }

  private keep(buf: Buffer, start: number, end: number): void {
    this.pending.keep(buf, start, end);
  }

  private flushPending(): void {
    const { text, truncated } = this.pending.take();
    this.sink.consider({ n: ++this.n, text, truncated });
  }
}
