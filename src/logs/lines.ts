/**
 * Splits a byte stream into lines without holding the stream: only the current partial line is buffered, and
 * at most `maxLineBytes` of it. Line numbers are those of the original file, 1-based, split on `\n`.
 */
export interface RawLine {
  /** 1-based line number in the original file. */
  n: number;
  /** The line decoded as UTF-8 (invalid bytes become U+FFFD), without `\n`, cut at `maxLineBytes`. */
  text: string;
  /** True when the line was longer than `maxLineBytes` and was cut. */
  truncated: boolean;
}

export const DEFAULT_MAX_LINE_BYTES = 16 * 1024;

/** How much of a log file is read at a time: larger reads cost less per byte than the stream's 64 KiB. */
export const READ_CHUNK = 1024 * 1024;

/**
 * A line being put together from the chunks it spans, kept up to `maxLineBytes` (the rest is dropped and the
 * line marked truncated). Shared by LineSplitter and ScanningSplitter (fast-lines.ts).
 */
export class PendingLine {
  private parts: Buffer[] = [];
  private bytes = 0;
  private truncated = false;

  constructor(private readonly maxLineBytes: number) {}

  /** Whether a line has been begun (and not taken). */
  get started(): boolean {
    return this.parts.length > 0 || this.truncated;
  }

  /** Adds `buf[start, end)` to the line, as far as the cap allows. */
  keep(buf: Buffer, start: number, end: number): void {
    const room = this.maxLineBytes - this.bytes;
    const take = Math.min(room, end - start);
    if (take > 0) {
      this.parts.push(Buffer.from(buf.subarray(start, start + take)));
      this.bytes += take;
    }
    if (end - start > take) this.truncated = true;
  }

  /** The line, decoded, and whether it was cut; the next line starts empty. */
  take(): RawLineText {
    const text = Buffer.concat(this.parts, this.bytes).toString('utf8');
    const truncated = this.truncated;
    this.parts = [];
    this.bytes = 0;
    this.truncated = false;
    return { text, truncated };
  }
}

type RawLineText = Omit<RawLine, 'n'>;

export class LineSplitter {
  private n = 0;
  private readonly pending: PendingLine;
  private sawBytes = false;
  private endedWithNewline = false;

  constructor(
    private readonly onLine: (line: RawLine) => void,
    private readonly maxLineBytes = DEFAULT_MAX_LINE_BYTES,
  ) {
    this.pending = new PendingLine(maxLineBytes);
  }

  push(chunk: Uint8Array): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (buf.length === 0) return;
    this.sawBytes = true;
    let pos = 0;
    while (pos < buf.length) {
      const nl = buf.indexOf(10, pos);
      const end = nl === -1 ? buf.length : nl;
      if (!this.pending.started && nl !== -1 && end - pos <= this.maxLineBytes) {
        // Common case: a whole line inside this chunk.
        this.emit(buf.toString('utf8', pos, end), false);
      } else {
        this.pending.keep(buf, pos, end);
        if (nl !== -1) this.flushPending();
      }
      if (nl === -1) {
        this.endedWithNewline = false;
        break;
      }
      this.endedWithNewline = true;
      pos = nl + 1;
    }
  }

  /** Ends the stream: a final line without `\n` is emitted; a file ending in `\n` has an empty last line. */
  end(): number {
    if (this.pending.started) this.flushPending();
    else if (!this.sawBytes || this.endedWithNewline) this.emit('', false);
    return this.n;
  }

  private flushPending(): void {
    const { text, truncated } = this.pending.take();
    this.emit(text, truncated);
  }

  private emit(text: string, truncated: boolean): void {
    this.n++;
    this.onLine({ n: this.n, text, truncated });
  }
}
