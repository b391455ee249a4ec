/**
 * Extraction: from a stream of log lines to ordered excerpts, most relevant first.
 *
 * One pass, bounded memory: each line is cleaned and scored against the rules; lines that score form
 * blocks with their context (a few lines before, continuation lines after); only a bounded number of blocks
 * is kept. Scores that need the whole log — which step failed, where the end is — are applied in `finish()`.
 */
import type { Rule } from '../classify/rules.js';
import { compilePrefilter, NOISE_CANCELS_BELOW, PREFILTER, PREFILTER_FRAGMENTS } from '../classify/rules.js';
import type { Excerpt, LogFormat } from '../types.js';
import { cleanLine } from './clean.js';
import { DEFAULT_MAX_LINE_BYTES, type RawLine } from './lines.js';
import { hash32, maskVolatile } from './mask.js';
import { compileFilter, compileScanner, type LineScanner, type PatternFilter } from './scan.js';

/** Masked-line hashes of a passing log of the same job. */
export type BaselineIndex = Set<number>;

export function baselineKey(text: string): number {
  return hash32(maskVolatile(text));
}

export interface ExtractOptions {
  /** Built-in rules first, then user rules (a later rule with the same weight wins ties). */
  rules: readonly Rule[];
  baseline?: BaselineIndex;
  /** Paths the pull request or commit changed: a block that names one ranks higher. */
  changedFiles?: readonly string[];
  maxExcerpts?: number;
  /** Blocks kept while streaming; the lowest-scoring are dropped past this. */
  maxBlocks?: number;
  /**
   * Lines scored through the rules' regexes alone before the rule filter (compiled once per process) is
   * used; the results are the same either way. Default FILTER_AFTER_LINES.
   */
  filterAfterLines?: number;
}

export interface MatchedLine {
  n: number;
  text: string;
  score: number;
  rule?: Rule;
  section: number;
  inFailedSection: boolean;
  inBaseline: boolean;
  /** The strongest rule with a failure type that matches the line (it may differ from `rule`). */
  typeRule?: Rule;
}

export interface Section {
  name: string;
  startLine: number;
  failed: boolean;
  cleanup: boolean;
  /** Line of the marker that said the step failed. */
  failLine?: number;
  /** Commands echoed inside the section (`> stylelint x.css` of an npm script, `+ make` of `sh -x`), last few. */
  commands: string[];
}

export interface ExtractResult {
  format: LogFormat;
  totalLines: number;
  excerpts: Excerpt[];
  /** Anchor lines of the excerpts, in excerpt order: the material for classification and fingerprint. */
  anchors: MatchedLine[][];
  sections: Section[];
  /** The failing steps, in order. */
  failedSections: Section[];
  /** Lines that matched a user `ignore` rule. */
  ignoredLines: number;
}

interface BlockLine {
  n: number;
  text: string;
  score: number;
  rule: Rule | undefined;
  inBaseline: boolean;
  continuation: boolean;
  /** Matched a user `ignore` rule: never shown. */
  ignored: boolean;
}

interface Block {
  lines: BlockLine[];
  section: number;
  rawMax: number;
  lastAnchor: number;
  /** A block built from the lines before a failure marker, when nothing scored there. */
  fallback: boolean;
  /** The block goes on from one that was closed at MAX_BLOCK_LINES: the start of the run says more. */
  continued?: boolean;
}

const DISPLAY_CHARS = 400;
const EVAL_CHARS = 2000;
const ANCHOR_MIN = 2.5;
const GAP = 3;
const BEFORE = 2;
const MAX_BLOCK_LINES = 120;
const RING = 16;
const MAX_SECTIONS = 5000;
const PROXIMITY = 0.5;
const FIRST_STRONG_MIN = 8.5;
const FIRST_STRONG_BOOST = 1.6;
const CHANGED_FILE_BOOST = 1.3;
const MAX_EXCERPT_LINES = 80;
const PROXIMITY_LINES = 50;

const GH_STEP = /^##\[group\]Run (.*)$/;
const GH_ERROR = /^##\[error\]/;
const GH_COMPLETED =
  /^##\[error\]Process completed with exit code [1-9]|^Error: Process completed with exit code [1-9]/;
const GH_CLEANUP =
  /^Post job cleanup\.|^Cleaning up orphan processes|^##\[group\]Run (?:actions\/upload-artifact|actions\/cache\/save)/;
const TRAVIS_CMD = /^\$ (.+)$/;
const TRAVIS_FAILED = /The command "(.*)" (?:failed and )?exited with ([1-9]\d*)/;
const JENKINS_STAGE = /^\[Pipeline\] \{ \((.+)\)$|^\[Pipeline\] stage \((.+)\)$/;
const JENKINS_SHELL = /^\+ (.+)$/;
const JENKINS_FAILED =
  /^ERROR: script returned exit code [1-9]|^\[ERROR\] Failed to execute goal|^\[INFO\] BUILD FAILURE|^BUILD FAILED|^FAILURE: Build failed|^Finished: FAILURE/;
// `> stylelint normalize.css` under `> pkg@1.0.0 test /path` (npm, yarn), `+ make check` (sh -x).
const ECHOED_COMMAND = /^[>+] (?!\S+@\S+ \S+ \/)(\S.*)$/;
const CONTINUATION =
  /^\s+\S|^\s*(?:at |Caused by:|\.\.\. \d+ more|File "|#\d+ |\||│|[-+] )|^\S+:\d+(?::\d+)?:/;

export class Extractor {
  private readonly table: RuleTable;
  /**
   * What the built-in table made of recent lines (null: the prefilter rejected it), in two generations of
   * CACHE_LINES, for every path a line is scored by (pushBytes' own memo of the last few hundred lines'
   * bytes included).
   */
  private memo = new Map<string, Builtin | null>();
  private memoOld = new Map<string, Builtin | null>();
  /** Lines pushed by their bytes (pushBytes), by hash of the bytes, in two generations. */
  private lines = new Map<number, LineMemo>();
  private linesOld = new Map<number, LineMemo>();
  /** The bytes of the young generation's lines (each at its `at`), `used` of them. */
  private arena = Buffer.allocUnsafeSlow(MEMO_ARENA_BYTES);
  private arenaOld = Buffer.allocUnsafeSlow(MEMO_ARENA_BYTES);
  private used = 0;
  private readonly baseline?: BaselineIndex;
  private readonly changed: ChangedFiles | undefined;
  private readonly maxExcerpts: number;
  private readonly maxBlocks: number;
  private readonly filterAfter: number;

  private format: LogFormat = 'plain';
  private total = 0;
  /** The last lines, as context for a block that opens or a failure marker; lines passed over stay raw. */
  private readonly ring = new Ring<BlockLine | PassedLine>(RING);
  private open: Block | null = null;
  private gapLeft = 0;
  private blocks: Block[] = [];
  private sections: Section[] = [{ name: '', startLine: 1, failed: false, cleanup: false, commands: [] }];
  private ignored = 0;
  private continuing = false;
  /** Lines scored before the matcher was in use. */
  private unfiltered = 0;

  constructor(options: ExtractOptions) {
    this.table = compileTable(options.rules);
    this.changed = options.changedFiles?.length ? new ChangedFiles(options.changedFiles) : undefined;
    this.baseline = options.baseline;
    this.maxExcerpts = options.maxExcerpts ?? 8;
    this.maxBlocks = options.maxBlocks ?? 300;
    this.filterAfter = options.filterAfterLines ?? FILTER_AFTER_LINES;
  }

  push(raw: RawLine): void {
    this.pushCleaned(raw.n, raw.text, cleanLine(raw.text));
  }

  // ── The fast path (see ScanningSplitter) ──
  // Most lines of a log only count, and are kept as context in case a block opens next: those a line scanner
  // tells apart from their bytes are passed over (`pass`) instead of pushed. For that to change nothing, a
  // line passed over must be one `push` would only count and keep: `needsEveryLine` false, and the line
  // neither matches the prefilter nor marks a section or a failure (`mayMatter` false).

  /** Whether lines can be passed over at all: not with user rules, which apply to every line. */
  canScan(): boolean {
    return this.table.user.length === 0;
  }

  /** The scanner for the lines `mayMatter` could be true of; null when every line must be pushed. */
  scanner(): LineScanner | null {
    return this.canScan() ? sharedScanner() : null;
  }

  /** True while every line must go through `push`: a block is open, user rules apply, or the format is not known yet. */
  needsEveryLine(): boolean {
    return this.open !== null || this.table.user.length > 0 || this.total < 3;
  }

  /**
   * Whether `push` could do more with a line (cleaned) than count it and keep it as context, when
   * `needsEveryLine` is false: it may score (prefilter), start a section or echo a command (trackSections),
   * or mark a failure (markFailure).
   */
  mayMatter(text: string): boolean {
    const c = text.charCodeAt(0);
    // The first characters trackSections and markFailure look further at.
    if (
      c === 62 ||
      c === 43 ||
      c === 35 ||
      c === 80 ||
      c === 67 ||
      c === 36 ||
      c === 91 ||
      c === 69 ||
      c === 66 ||
      c === 70
    )
      return true;
    if (text.includes('The command "') || text.includes('Process completed')) return true;
    return this.builtinOf(text.length > EVAL_CHARS ? text.slice(0, EVAL_CHARS) : text) !== null;
  }

  /** The built-in table on `t` (a line cut at EVAL_CHARS): null when the prefilter rejects it. */
  private evaluate(t: string): Builtin | null {
    return this.prefilter(t) ? this.scoreBuiltin(t) : null;
  }

  /** `evaluate`, memoized. */
  private builtinOf(t: string): Builtin | null {
    let b = this.memo.get(t);
    if (b !== undefined) return b;
    b = this.memoOld.get(t);
    if (b === undefined) b = this.evaluate(t);
    this.memo.set(t, b);
    if (this.memo.size >= CACHE_LINES) {
      this.memoOld = this.memo;
      this.memo = new Map();
    }
    return b;
  }

  /**
   * PREFILTER.test(t). Through the filter once it is in use: a fragment it reports and matches exactly
   * settles it; one it reports only approximately leaves it to PREFILTER; none, and PREFILTER cannot match.
   * The filter keeps its answer, for scoreBuiltin on the same text.
   */
  private prefilter(t: string): boolean {
    const m = this.matcher();
    if (!m?.fragments) return PREFILTER.test(t);
    const f = m.filter;
    f.test(t);
    return f.watchedExact || (f.watchedApprox && PREFILTER.test(t));
  }

  /** The shared matcher, once this log has scored enough lines to make compiling it worthwhile. */
  private matcher(): Matcher | null {
    if (this.table.matcher) return this.table.matcher;
    if (this.unfiltered++ < this.filterAfter) return null;
    this.table.matcher = matcherFor(this.table);
    return this.table.matcher;
  }

  /** A line the scanner could not rule out by its bytes: pushed, or passed over when its text says it may. */
  consider(raw: RawLine): void {
    const text = cleanLine(raw.text);
    if (this.needsEveryLine() || this.mayMatter(text)) this.pushCleaned(raw.n, raw.text, text);
    else {
      this.total = raw.n;
      this.continuing = false;
      this.ring.push(contextLine(raw.n, text));
    }
  }

  /**
   * A line that cannot matter (needsEveryLine false, mayMatter false), by its bytes `buf[start, end)`:
   * counted, and kept as context, decoded only if it is ever shown. `buf` may be reused after the chunk:
   * call `detach` before.
   */
  pass(n: number, buf: Buffer, start: number, end: number): void {
    this.total = n;
    // What push does to a line that scores nothing while no block is open.
    this.continuing = false;
    this.ring.push(new PassedLine(n, buf, start, end));
  }

  /** Copies the bytes of the lines passed over out of the chunk they were read from. */
  detach(): void {
    this.ring.forEach((l) => {
      if (l instanceof PassedLine) l.detach();
    });
  }

  private recent(n: number): BlockLine[] {
    return this.ring.last(n).map((l) => (l instanceof PassedLine ? l.line() : l));
  }

  /**
   * A line by its bytes `buf[start, end)` (no longer than the line cap, whole in the chunk): `push` for a
   * line the scanner flagged, or, `quiet`, for one it did not (the prefilter cannot pass it: it scores
   * nothing). A line seen shortly before with the same bytes (after a BOM and runner timestamp, which
   * cleaning removes) is not decoded, cleaned or scored again.
   */
  pushBytes(n: number, buf: Buffer, start: number, end: number, quiet: boolean): void {
    const from = n <= 3 ? -1 : contentStart(buf, start, end);
    if (from < 0) {
      const text = buf.toString('utf8', start, end);
      this.pushCleaned(
        n,
        text,
        cleanLine(text),
        quiet ? { arena: buf, at: 0, len: 0, text: '', builtin: null } : undefined,
      );
      return;
    }
    // Keyed by a hash of the length and the first bytes; the bytes themselves are compared.
    const len = end - from;
    let h = Math.imul(0x811c9dc5 ^ len, 0x01000193);
    for (let i = from, stop = Math.min(end, from + 48); i < stop; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    let memo = this.lines.get(h) ?? this.linesOld.get(h);
    if (
      memo === undefined ||
      memo.len !== len ||
      buf.compare(memo.arena, memo.at, memo.at + len, from, end) !== 0
    ) {
      // cleanLine's result depends on nothing before `from` but that it was a BOM and timestamp.
      const text = cleanLine(buf.toString('utf8', start, end));
      if (len > MEMO_LINE_BYTES) {
        this.pushCleaned(n, '', text, quiet ? { arena: buf, at: 0, len: 0, text, builtin: null } : undefined);
        return;
      }
      if (this.used + len > this.arena.length || this.lines.size >= MEMO_LINES) {
        // The old generation goes, and its arena is the young one's now: no entry refers to it any more
        // (entries found in the old generation are not moved to the young one).
        this.linesOld = this.lines;
        this.lines = new Map();
        [this.arena, this.arenaOld] = [this.arenaOld, this.arena];
        this.used = 0;
      }
      buf.copy(this.arena, this.used, from, end);
      memo = { arena: this.arena, at: this.used, len, text };
      this.used += len;
      this.lines.set(h, memo);
    }
    // The scanner's verdict depends on the bytes alone: a quiet line is one the prefilter rejects.
    if (quiet) memo.builtin = null;
    // n > 3: the raw text is not needed (detectFormat).
    this.pushCleaned(n, '', memo.text, memo);
  }

  private pushCleaned(n: number, rawText: string, text: string, memo?: LineMemo): void {
    this.total = n;
    if (n <= 3) this.detectFormat(rawText);
    this.trackSections(n, text);

    const { score, rule } = this.score(text, memo);
    const displayed = memo ? (memo.display ??= display(text)) : display(text);
    const line: BlockLine = {
      n,
      text: displayed,
      score,
      rule,
      inBaseline:
        score >= ANCHOR_MIN &&
        this.baseline !== undefined &&
        this.baseline.has(memo ? (memo.key ??= baselineKey(text)) : baselineKey(text)),
      // Only lines that may join an open block need to know whether they continue it.
      continuation:
        this.open !== null &&
        (memo ? (memo.continuation ??= CONTINUATION.test(text)) : CONTINUATION.test(text)),
      ignored: false,
    };

    if (rule?.ignore) {
      this.ignored++;
      line.score = 0;
      line.ignored = true;
    }
    const anchor = line.score >= ANCHOR_MIN;

    if (this.open) {
      const block = this.open;
      if (anchor || this.gapLeft > 0 || (line.continuation && block.lines.length < MAX_BLOCK_LINES)) {
        block.lines.push(line);
        if (anchor) {
          block.lastAnchor = block.lines.length - 1;
          block.rawMax = Math.max(block.rawMax, line.score);
          this.gapLeft = GAP;
        } else if (!line.continuation) {
          this.gapLeft--;
        }
        if (block.lines.length >= MAX_BLOCK_LINES) {
          this.close();
          this.continuing = true;
        }
      } else {
        this.close();
      }
    } else if (anchor) {
      const before = trimLeadingBlank(this.recent(BEFORE));
      this.open = {
        lines: [...before, line],
        section: this.sections.length - 1,
        rawMax: line.score,
        lastAnchor: before.length,
        fallback: false,
        ...(this.continuing ? { continued: true } : {}),
      };
      this.gapLeft = GAP;
    }
    if (!this.open || this.open.lines.length > 1) this.continuing = false;

    this.ring.push(line);
    this.markFailure(text);
  }

  finish(): ExtractResult {
    this.close();
    const totalLines = this.total;
    const failed = this.sections.filter((s) => s.failed);
    // The first strong error of a failing step is often the cause of what fails after it.
    const firstStrong = new Set<Block>();
    const seenSection = new Set<number>();
    for (const b of this.blocks) {
      if (b.fallback || seenSection.has(b.section)) continue;
      // Strong on its own lines, not on lines the passing run printed too.
      if (!b.lines.some((l) => l.score >= FIRST_STRONG_MIN && !l.inBaseline)) continue;
      if (!this.sections[b.section]!.failed) continue;
      seenSection.add(b.section);
      firstStrong.add(b);
    }
    const scoredAll = this.blocks
      .map((b) => this.finalize(b, totalLines, failed.length > 0, firstStrong.has(b)))
      .filter((x): x is Scored => x !== null);
    // The same failure printed twice (cargo, retries): keep its first occurrence, with the better score.
    const byKey = new Map<string, Scored>();
    for (const s of scoredAll) {
      const k = maskVolatile(s.keyText);
      const prev = byKey.get(k);
      if (!prev) byKey.set(k, s);
      else {
        const [earlier, later] = s.start < prev.start ? [s, prev] : [prev, s];
        earlier.score = Math.max(s.score, prev.score);
        later.score = Math.min(later.score, earlier.score) * 0.5;
        byKey.set(k, earlier);
      }
    }
    const scored = scoredAll.sort((a, b) => b.score - a.score || b.start - a.start);

    const excerpts: Excerpt[] = [];
    const anchors: MatchedLine[][] = [];
    const shown = new Set<number>();
    let blocks = 0;
    for (const s of scored) {
      if (blocks >= this.maxExcerpts) break;
      const fresh = s.excerpts.flatMap((e) => withoutShown(e, shown));
      if (!fresh.length) continue;
      blocks++;
      for (const e of fresh) for (let n = e.startLine; n <= e.endLine; n++) shown.add(n);
      excerpts.push(...fresh);
      anchors.push(s.anchors);
    }
    // Type evidence: for the few anchors that classification reads, every typed rule counts, not only the
    // line's strongest (a lint message inside an Elixir exception is still a lint message).
    for (const group of anchors.slice(0, 4))
      for (const a of group) {
        const typed = a.rule?.type
          ? a.rule
          : this.table.positive.find((r) => r.type && r.weight >= 3 && r.pattern.test(a.text));
        if (typed) a.typeRule = typed;
      }
    if (excerpts.length === 0) {
      const tail = this.tailExcerpt();
      if (tail) excerpts.push(tail);
    }
    return {
      format: this.format,
      totalLines,
      excerpts,
      anchors,
      sections: this.sections,
      failedSections: failed,
      ignoredLines: this.ignored,
    };
  }

  /**
   * How one cleaned line scores on its own — the table, the prefilter and the noise rules as `push` applies
   * them, before anything that depends on the lines around it. For the evaluation and diagnostics.
   */
  scoreText(text: string): { score: number; rule?: Rule } {
    const s = this.score(text);
    return s.rule && s.score > 0 ? { score: s.score, rule: s.rule } : { score: 0 };
  }

  private score(text: string, memo?: LineMemo): Scored1 {
    const t = text.length > EVAL_CHARS ? text.slice(0, EVAL_CHARS) : text;
    let builtin: Builtin | null;
    if (memo) {
      if (memo.builtin === undefined) memo.builtin = this.builtinOf(t);
      builtin = memo.builtin;
    } else builtin = this.builtinOf(t);
    const pre = builtin !== null;
    if (!pre && this.table.user.length === 0) return NONE;
    let user: Rule | undefined;
    for (const r of this.table.user) {
      if (!r.pattern.test(t)) continue;
      if (r.ignore) return { score: 0, rule: r };
      if (!user || r.weight >= user.weight) user = r;
    }
    if (builtin === null) return user ? { score: user.weight, rule: user } : NONE;
    if (builtin.hard) return NONE;
    let best = builtin.rule;
    if (user && (!best || best.generic || user.weight >= best.weight)) best = user;
    if (!best) return NONE;
    if (best.weight < builtin.cancelBelow) return NONE;
    return { score: best.weight, rule: best };
  }

  /**
   * The built-in table on one line: strongest rule first, so most lines stop after a few tests. Only the
   * rules the filter cannot rule out for the line are tested (`may`, by rule index in `builtin`): the others
   * cannot match it.
   */
  private scoreBuiltin(t: string): Builtin {
    const { hardNoise, softNoise, generic, positive, maxCancel, at } = this.table;
    const m = this.matcher();
    // The filter's answer for t (prefilter has usually just asked it): the rules it rules out are not tested.
    const may = m ? (m.filter.text === t ? m.filter.may : m.filter.test(t)) : undefined;
    const test = (r: Rule, i: number) => (may === undefined || may[i] === 1) && r.pattern.test(t);
    for (let k = 0; k < hardNoise.length; k++)
      if (test(hardNoise[k]!, at.hardNoise[k]!))
        return { score: 0, rule: undefined, hard: true, cancelBelow: 0 };
    let best: Rule | undefined;
    // A line that only says "it failed" stays generic whatever else its words match.
    for (let k = 0; k < generic.length; k++)
      if (test(generic[k]!, at.generic[k]!)) {
        best = generic[k];
        break;
      }
    if (!best)
      for (let k = 0; k < positive.length; k++)
        if (test(positive[k]!, at.positive[k]!)) {
          best = positive[k];
          break;
        }
    let cancelBelow = 0;
    // Soft noise only raises `cancelBelow` to its highest `cancelsBelow`: in that order (compileTable), the
    // first match settles it, and the rules after it are not tested.
    if (best && best.weight < maxCancel)
      for (let k = 0; k < softNoise.length; k++)
        if (test(softNoise[k]!, at.softNoise[k]!)) {
          cancelBelow = softNoise[k]!.cancelsBelow ?? NOISE_CANCELS_BELOW;
          break;
        }
    return { score: best ? best.weight : 0, rule: best, cancelBelow };
  }

  private detectFormat(text: string): void {
    if (this.format !== 'plain') return;
    if (/^\ufeff?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z /.test(text)) this.format = 'github';
    else if (/travis_fold|travis_time|Worker information|^Using worker:/.test(text)) this.format = 'travis';
    else if (/^Started by |^Running as SYSTEM|^Building in workspace|^\[Pipeline\]|^Running on /.test(text))
      this.format = 'jenkins';
  }

  private trackSections(n: number, text: string): void {
    // Every section marker starts with one of a few characters: most lines stop here.
    const c = text.charCodeAt(0);
    if (c === 62 /* > */ || c === 43 /* + */) {
      const cmd = ECHOED_COMMAND.exec(text);
      if (cmd?.[1]) {
        const commands = this.sections[this.sections.length - 1]!.commands;
        commands.push(cmd[1].slice(0, 120));
        if (commands.length > 3) commands.shift();
      }
    }
    if (
      c !== 35 /* # */ &&
      c !== 80 /* P */ &&
      c !== 67 /* C */ &&
      c !== 36 /* $ */ &&
      c !== 91 /* [ */ &&
      c !== 43 /* + */
    )
      return;
    let name: string | undefined;
    let cleanup = false;
    const gh = GH_STEP.exec(text);
    if (gh) {
      name = `Run ${gh[1] ?? ''}`.trim();
      cleanup = GH_CLEANUP.test(text);
    } else if (GH_CLEANUP.test(text) && text.startsWith('Post job cleanup')) {
      name = 'Post job cleanup';
      cleanup = true;
    } else if (this.format === 'travis' || this.format === 'plain') {
      const t = TRAVIS_CMD.exec(text);
      if (t && this.format === 'travis') name = t[1];
    }
    if (!name && this.format === 'jenkins') {
      const j = JENKINS_STAGE.exec(text) ?? JENKINS_SHELL.exec(text);
      if (j) name = j[1] ?? j[2];
    }
    if (name === undefined) return;
    if (this.sections.length >= MAX_SECTIONS) return;
    this.close();
    this.sections.push({ name: name.slice(0, 200), startLine: n, failed: false, cleanup, commands: [] });
  }

  private markFailure(text: string): void {
    const c = text.charCodeAt(0);
    const maybe =
      c === 35 /* # */ ||
      c === 69 /* E */ ||
      c === 91 /* [ */ ||
      c === 66 /* B */ ||
      c === 70 /* F */ ||
      text.includes('The command "') ||
      text.includes('Process completed');
    if (!maybe) return;
    const current = this.sections[this.sections.length - 1]!;
    const marker =
      GH_COMPLETED.test(text) ||
      (this.format === 'github' && GH_ERROR.test(text)) ||
      TRAVIS_FAILED.test(text) ||
      (this.format !== 'github' && JENKINS_FAILED.test(text));
    if (!marker) return;
    if (!current.failed && !current.cleanup) {
      current.failed = true;
      current.failLine = this.total;
      // The last lines before the marker: what the failing command printed last, kept as a fallback.
      const lines = trimLeadingBlank(
        this.recent(11)
          .slice(0, -1)
          .filter((l) => l.n >= current.startLine),
      );
      if (lines.some((l) => l.text.trim() !== '')) {
        this.keep({
          lines,
          section: this.sections.length - 1,
          rawMax: ANCHOR_MIN,
          lastAnchor: lines.length - 1,
          fallback: true,
        });
      }
    }
  }

  private close(): void {
    if (!this.open) return;
    const block = this.open;
    this.open = null;
    block.lines.length = Math.min(block.lines.length, block.lastAnchor + 1 + trailingContinuation(block));
    this.keep(block);
  }

  private keep(block: Block): void {
    this.blocks.push(block);
    if (this.blocks.length > this.maxBlocks * 2) {
      // Keep the strongest; among equals, the later ones (failures are usually reported late).
      this.blocks = this.blocks
        .map((b, i) => ({ b, i }))
        .sort((x, y) => y.b.rawMax - x.b.rawMax || y.i - x.i)
        .slice(0, this.maxBlocks)
        .sort((x, y) => x.i - y.i)
        .map((x) => x.b);
    }
  }

  private finalize(
    block: Block,
    totalLines: number,
    haveFailed: boolean,
    firstStrong: boolean,
  ): Scored | null {
    const section = this.sections[block.section]!;
    let sectionFactor = firstStrong ? FIRST_STRONG_BOOST : 1;
    if (this.changed && block.lines.some((l) => l.score > 0 && this.changed!.named(l.text)))
      sectionFactor *= CHANGED_FILE_BOOST;
    if (block.continued) sectionFactor *= 0.6;
    if (section.cleanup) sectionFactor *= 0.2;
    else if (haveFailed && !section.failed) sectionFactor *= 0.4;

    // The lines a failing step printed last before its failure marker usually say why.
    const lastLine = block.lines[block.lines.length - 1]!.n;
    const marker = section.failed ? section.failLine : haveFailed ? undefined : totalLines;
    if (marker !== undefined && marker >= lastLine)
      sectionFactor *= 1 + PROXIMITY * Math.exp(-(marker - lastLine) / PROXIMITY_LINES);

    let best = -1;
    let bestIdx = 0;
    let sum = 0;
    // Later in the log counts a little more; within a block, equal lines keep their order (the first is key).
    const position = 0.75 + 0.25 * (lastLine / Math.max(1, totalLines));
    const finals = block.lines.map((l, i) => {
      if (l.score < ANCHOR_MIN && !block.fallback) return 0;
      const base = l.inBaseline ? 0.12 : 1;
      const s = (block.fallback ? ANCHOR_MIN : l.score) * base * sectionFactor * position;
      if (s > best) {
        best = s;
        bestIdx = i;
      }
      sum += s;
      return s;
    });
    if (best <= 0) return null;
    const strong = finals.findIndex((s) => s >= best * 0.5);
    let from = Math.max(0, (strong < 0 ? bestIdx : strong) - (block.fallback ? 0 : BEFORE));
    if (bestIdx - from >= MAX_EXCERPT_LINES) from = Math.max(0, bestIdx - BEFORE);
    const lines = block.lines.slice(from, from + MAX_EXCERPT_LINES);
    while (lines.length > 1 && lines[lines.length - 1]!.text.trim() === '') lines.pop();
    const key = block.lines[bestIdx]!;
    const anchors: MatchedLine[] = [];
    block.lines.forEach((l, i) => {
      if (finals[i]! > 0 && l.score > 0)
        anchors.push({
          n: l.n,
          text: l.text,
          score: finals[i]!,
          ...(l.rule ? { rule: l.rule } : {}),
          section: block.section,
          inFailedSection: section.failed,
          inBaseline: l.inBaseline,
        });
    });
    const score = best + Math.min(1.5, 0.1 * (sum - best));

    // Lines repeated inside the block (retries, duplicated reports) are shown once: the block becomes
    // one excerpt per run of new lines.
    const seen = new Set<string>();
    const repeated = lines.map((l) => {
      const k = l.score >= ANCHOR_MIN ? maskVolatile(l.text) : '';
      if (k === '') return false;
      if (seen.has(k)) return true;
      seen.add(k);
      return false;
    });
    // A line is dropped when it belongs to a stretch of at least two repeated lines (a repeated report);
    // context lines inside such a stretch go with it.
    const drop = lines.map((l) => l.ignored === true);
    for (let i = 0; i < lines.length;) {
      if (!repeated[i]) {
        i++;
        continue;
      }
      let j = i;
      let count = 0;
      while (
        j < lines.length &&
        (repeated[j] || (lines[j]!.score < ANCHOR_MIN && j + 1 < lines.length && repeated[j + 1]))
      ) {
        if (repeated[j]) count++;
        j++;
      }
      if (count >= 2) for (let k = i; k < j; k++) drop[k] = true;
      i = j;
    }
    const runs: BlockLine[][] = [];
    let run: BlockLine[] = [];
    lines.forEach((l, i) => {
      if (drop[i]) {
        if (run.length) runs.push(run);
        run = [];
      } else run.push(l);
    });
    if (run.length) runs.push(run);
    // A run of context only (cut off from its anchor by dropped lines) says nothing on its own.
    const excerpts = runs
      .filter(
        (r) =>
          r.some((l) => l.text.trim() !== '') &&
          (block.fallback || runs.length === 1 || r.some((l) => l.score >= ANCHOR_MIN)),
      )
      .map((r): Excerpt => {
        const inRun = r.some((l) => l.n === key.n);
        const keyOf = inRun ? key : r.reduce((a, b) => (b.score > a.score ? b : a), r[0]!);
        return {
          startLine: r[0]!.n,
          endLine: r[r.length - 1]!.n,
          ...(section.name ? { step: section.name } : {}),
          keyLine: keyOf.n,
          ...(keyOf.rule ? { rule: keyOf.rule.id } : {}),
          score: Math.round(score * 100) / 100,
          lines: r.map((l) => l.text),
        };
      });
    if (!excerpts.length) return null;
    return { excerpts, anchors, score, start: lines[0]!.n, keyText: key.text };
  }

  private tailExcerpt(): Excerpt | null {
    const tail = trimLeadingBlank(this.recent(12));
    if (!tail.length) return null;
    const section = this.sections[this.sections.length - 1]!;
    return {
      startLine: tail[0]!.n,
      endLine: tail[tail.length - 1]!.n,
      ...(section.name ? { step: section.name } : {}),
      keyLine: tail[tail.length - 1]!.n,
      score: 0,
      lines: tail.map((l) => l.text),
    };
  }
}

/** Changed paths, matched against path-like tokens of a line by their last two segments. */
class ChangedFiles {
  private readonly tails = new Set<string>();
  constructor(paths: readonly string[]) {
    for (const p of paths.slice(0, 3000)) this.tails.add(tail(p));
  }
  named(text: string): boolean {
    for (const m of text.matchAll(PATH_TOKEN)) if (this.tails.has(tail(m[0]))) return true;
    return false;
  }
}
const PATH_TOKEN = /[\w.@+-]+(?:\/[\w.@+-]+)+\.\w+/g;
/** `src/a/b.ts` → `a/b.ts`: enough to tell files apart, whatever prefix the log puts before the path. */
function tail(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/').filter(Boolean);
  return parts.slice(-2).join('/').toLowerCase();
}

/** What `push` keeps of a line that scores nothing and opens no block: the line as context. */
function contextLine(n: number, text: string): BlockLine {
  return {
    n,
    text: display(text),
    score: 0,
    rule: undefined,
    inBaseline: false,
    continuation: false,
    ignored: false,
  };
}

/** A line's text as shown: cut at DISPLAY_CHARS. */
function display(text: string): string {
  return text.length > DISPLAY_CHARS ? detach(text.slice(0, DISPLAY_CHARS)) + ' …' : text;
}

/** A line passed over, as its raw bytes: cleaned into its context line only when read. */
class PassedLine {
  private resolved: BlockLine | undefined;
  /** After `detach`: the bytes, one character each (a string keeps no chunk or pool slab alive). */
  private bytes: string | undefined;
  constructor(
    private readonly n: number,
    private buf: Buffer | undefined,
    private readonly start: number,
    private readonly end: number,
  ) {}

  line(): BlockLine {
    if (!this.resolved) {
      // Decoded as LineSplitter decodes a line that fits in its chunk.
      const text = this.buf
        ? this.buf.toString('utf8', this.start, this.end)
        : Buffer.from(this.bytes!, 'latin1').toString('utf8');
      this.resolved = contextLine(this.n, cleanLine(text));
      this.buf = undefined;
      this.bytes = undefined;
    }
    return this.resolved;
  }

  detach(): void {
    if (!this.buf) return;
    this.bytes = this.buf.toString('latin1', this.start, this.end);
    this.buf = undefined;
  }
}

let scannerCache: LineScanner | null | undefined;
/** One scanner per process for the built-in table: its automaton grows with what it reads, and is kept. */
function sharedScanner(): LineScanner | null {
  if (scannerCache === undefined) {
    const markers = [
      GH_STEP,
      GH_CLEANUP,
      TRAVIS_CMD,
      JENKINS_STAGE,
      JENKINS_SHELL,
      ECHOED_COMMAND,
      GH_COMPLETED,
      GH_ERROR,
      TRAVIS_FAILED,
      JENKINS_FAILED,
    ];
    scannerCache = compileScanner(
      [PREFILTER, ...markers].map((r) => ({ source: r.source, flags: r.flags })),
      DEFAULT_MAX_LINE_BYTES,
    );
  }
  return scannerCache;
}

/** The last `size` items pushed, oldest first, without shifting an array on every line. */
class Ring<T> {
  private readonly items: T[] = [];
  private next = 0;
  constructor(private readonly size: number) {}
  push(item: T): void {
    if (this.items.length < this.size) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % this.size;
  }
  forEach(f: (item: T) => void): void {
    this.items.forEach(f);
  }
  /** The last `n` items, oldest first. */
  last(n: number): T[] {
    const count = Math.min(n, this.items.length);
    const out: T[] = [];
    const len = this.items.length;
    const start = (this.items.length < this.size ? this.items.length : this.next) - count;
    for (let i = 0; i < count; i++) out.push(this.items[(((start + i) % len) + len) % len]!);
    return out;
  }
}

interface Scored1 {
  score: number;
  rule: Rule | undefined;
}
const NONE: Scored1 = { score: 0, rule: undefined };
type Builtin = Scored1 & { hard?: boolean; cancelBelow: number };

/** What a line's bytes make of it, for the next time the same bytes come (see pushBytes). */
interface LineMemo {
  /** The bytes from `contentStart`: arena[at, at + len) (a buffer of the memo's own, not a chunk's). */
  arena: Buffer;
  at: number;
  len: number;
  /** The cleaned line. */
  text: string;
  builtin?: Builtin | null;
  display?: string;
  key?: number;
  continuation?: boolean;
}
const MEMO_LINES = 256;
const MEMO_ARENA_BYTES = 64 * 1024;
/** Longer lines are not memoized. */
const MEMO_LINE_BYTES = 4096;

/**
 * Where cleaning makes a line start: after a BOM and a runner timestamp (stripTimestamp), found on the
 * bytes; -1 when that cannot be told from them (a non-ASCII character among the first 20 after a BOM:
 * stripTimestamp counts UTF-16 code units).
 */
function contentStart(buf: Buffer, start: number, end: number): number {
  let p = start;
  if (end - p >= 3 && buf[p] === 0xef && buf[p + 1] === 0xbb && buf[p + 2] === 0xbf) p += 3;
  if (end - p < 20) return p;
  for (let i = p; i < p + 20; i++) if (buf[i]! >= 0x80) return -1;
  if (buf[p + 4] !== 45 || buf[p + 10] !== 84 || buf[p + 13] !== 58) return p;
  let i = p + 19;
  if (buf[i] === 46) {
    i++;
    while (i < end && buf[i]! >= 48 && buf[i]! <= 57) i++;
  }
  if (i >= end || buf[i] !== 90) return p;
  i++;
  if (i < end && buf[i] === 32) i++;
  return i;
}
/**
 * Lines per generation of the scoring memo. A log repeats its lines from further back than a few hundred:
 * on the 200 MiB bench log, 4,096 leaves 138k lines to score where 1,024 left 166k; 16,384 does little
 * better (136k).
 */
const CACHE_LINES = 4096;

interface RuleTable {
  user: Rule[];
  hardNoise: Rule[];
  softNoise: Rule[];
  generic: Rule[];
  /** Built-in rules that score, strongest first; among equals the later in the table first. */
  positive: Rule[];
  /** The highest weight a soft noise rule cancels below. */
  maxCancel: number;
  builtin: Rule[];
  /** Each list's rules by their index in `builtin` (and in the matcher's filter). */
  at: { hardNoise: number[]; softNoise: number[]; generic: number[]; positive: number[] };
  /** Set once the log is long enough (see Extractor.matcher). */
  matcher?: Matcher;
}

/**
 * One filter over the built-in rules and the prefilter's fragments: in one pass over a line it tells which of
 * them may match (the others cannot), so that only those regexes run.
 */
interface Matcher {
  /** The built-in rules' patterns by their index in `builtin`, then the prefilter's fragments (watched). */
  filter: PatternFilter;
  /** Whether PREFILTER is the alternation of the fragments, so that the filter can stand for it. */
  fragments: boolean;
}

/** Lines a log scores through the regexes alone before the filter is used (compiling it takes ~0.1 s). */
const FILTER_AFTER_LINES = 2000;

const matchers = new Map<string, Matcher>();
/** One matcher per built-in table, shared by the Extractors of a process: its automaton grows as it is used. */
function matcherFor(table: RuleTable): Matcher {
  const { builtin } = table;
  const key = builtin.map((r) => `${r.pattern.flags}/${r.pattern.source}`).join('\n');
  let m = matchers.get(key);
  if (!m) {
    const fragments = PREFILTER_FRAGMENTS.map((f) => new RegExp(f, 'i'));
    m = {
      filter: compileFilter([...builtin.map((r) => r.pattern), ...fragments], (id) => id >= builtin.length),
      fragments: String(PREFILTER) === String(compilePrefilter(PREFILTER_FRAGMENTS)),
    };
    matchers.set(key, m);
  }
  return m;
}

function compileTable(rules: readonly Rule[]): RuleTable {
  const builtin = rules.filter((r) => !r.user);
  // Highest cancelsBelow first (see scoreBuiltin); among equals in table order, but a pattern that opens
  // with a repeated class (`\b[\w/.-]*error…`: the regex engine retries it at every character) last.
  const costly = (r: Rule) =>
    /^(?:\\b)?(?:\[(?:\\.|[^\]])*\]|\\[wWsSdD.])[*+]/.test(r.pattern.source) ? 1 : 0;
  const softNoise = builtin
    .filter((r) => r.noise && !r.hard)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => cancels(b.r) - cancels(a.r) || costly(a.r) - costly(b.r) || a.i - b.i)
    .map(({ r }) => r);
  const hardNoise = builtin.filter((r) => r.noise && r.hard);
  const generic = builtin.filter((r) => r.generic && !r.noise);
  const positive = builtin
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => !r.noise && !r.generic && r.weight > 0)
    .sort((a, b) => b.r.weight - a.r.weight || b.i - a.i)
    .map(({ r }) => r);
  const at = (list: Rule[]) => list.map((r) => builtin.indexOf(r));
  return {
    builtin,
    user: rules.filter((r) => r.user === true),
    hardNoise,
    softNoise,
    generic,
    positive,
    maxCancel: Math.max(0, ...softNoise.map(cancels)),
    at: { hardNoise: at(hardNoise), softNoise: at(softNoise), generic: at(generic), positive: at(positive) },
  };
}

const cancels = (r: Rule) => r.cancelsBelow ?? NOISE_CANCELS_BELOW;

interface Scored {
  excerpts: Excerpt[];
  anchors: MatchedLine[];
  score: number;
  start: number;
  keyText: string;
}

/** The parts of an excerpt not already shown by a more relevant one. */
function withoutShown(e: Excerpt, shown: Set<number>): Excerpt[] {
  const out: Excerpt[] = [];
  let start = -1;
  const blank = (n: number) => (e.lines[n - e.startLine] ?? '').trim() === '';
  const flush = (last: number) => {
    let first = start;
    let end = last;
    start = -1;
    if (first < 0) return;
    // Blank lines at either end of a piece say nothing.
    while (first <= end && blank(first)) first++;
    while (end >= first && blank(end)) end--;
    if (first > end) return;
    const keyLine = e.keyLine >= first && e.keyLine <= end && !blank(e.keyLine) ? e.keyLine : first;
    out.push({
      ...e,
      startLine: first,
      endLine: end,
      keyLine,
      lines: e.lines.slice(first - e.startLine, end - e.startLine + 1),
    });
  };
  for (let n = e.startLine; n <= e.endLine; n++) {
    if (shown.has(n)) flush(n - 1);
    else if (start < 0) start = n;
  }
  flush(e.endLine);
  return out;
}

/** A copy that does not keep a long parent string alive (a slice of a 16 KB line would). */
function detach(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

function trimLeadingBlank(lines: BlockLine[]): BlockLine[] {
  let i = 0;
  while (i < lines.length && lines[i]!.text.trim() === '') i++;
  return lines.slice(i);
}

function trailingContinuation(block: Block): number {
  // Lines after the last anchor: keep continuation (indented, stack frames) and up to one plain line.
  let keep = 0;
  for (let i = block.lastAnchor + 1; i < block.lines.length; i++) {
    const l = block.lines[i]!;
    if (l.text.trim() === '') break;
    if (!l.continuation && keep >= 1) break;
    keep++;
  }
  return keep;
}
