/**
 * Extraction: from a stream of log lines to ordered excerpts, most relevant first.
 *
 * One pass, bounded memory: each line is cleaned and scored against the rules; lines that score form
 * blocks with their context (a few lines before, continuation lines after); only a bounded number of blocks
 * is kept. Scores that need the whole log — which step failed, where the end is — are applied in `finish()`.
 */
import type { Rule } from '../classify/rules.js';
import { NOISE_CANCELS_BELOW, PREFILTER } from '../classify/rules.js';
import type { Excerpt, LogFormat } from '../types.js';
import { cleanLine } from './clean.js';
import type { RawLine } from './lines.js';
import { hash32, maskVolatile } from './mask.js';

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
const GH_COMPLETED = /^##\[error\]Process completed with exit code [1-9]|^Error: Process completed with exit code [1-9]/;
const GH_CLEANUP = /^Post job cleanup\.|^Cleaning up orphan processes|^##\[group\]Run (?:actions\/upload-artifact|actions\/cache\/save)/;
const TRAVIS_CMD = /^\$ (.+)$/;
const TRAVIS_FAILED = /The command "(.*)" (?:failed and )?exited with ([1-9]\d*)/;
const JENKINS_STAGE = /^\[Pipeline\] \{ \((.+)\)$|^\[Pipeline\] stage \((.+)\)$/;
const JENKINS_SHELL = /^\+ (.+)$/;
const JENKINS_FAILED = /^ERROR: script returned exit code [1-9]|^\[ERROR\] Failed to execute goal|^\[INFO\] BUILD FAILURE|^BUILD FAILED|^FAILURE: Build failed|^Finished: FAILURE/;
// `> stylelint normalize.css` under `> pkg@1.0.0 test /path` (npm, yarn), `+ make check` (sh -x).
const ECHOED_COMMAND = /^[>+] (?!\S+@\S+ \S+ \/)(\S.*)$/;
const CONTINUATION = /^\s+\S|^\s*(?:at |Caused by:|\.\.\. \d+ more|File "|#\d+ |\||│|[-+] )|^\S+:\d+(?::\d+)?:/;

export class Extractor {
  private readonly table: RuleTable;
  private readonly cache = new Map<string, Scored1 & { hard?: boolean; cancelBelow: number }>();
  private readonly baseline?: BaselineIndex;
  private readonly changed: ChangedFiles | undefined;
  private readonly maxExcerpts: number;
  private readonly maxBlocks: number;

  private format: LogFormat = 'plain';
  private total = 0;
  private readonly ring = new Ring<BlockLine>(RING);
  private open: Block | null = null;
  private gapLeft = 0;
  private blocks: Block[] = [];
  private sections: Section[] = [{ name: '', startLine: 1, failed: false, cleanup: false, commands: [] }];
  private ignored = 0;
  private continuing = false;

  constructor(options: ExtractOptions) {
    this.table = compileTable(options.rules);
    this.changed = options.changedFiles?.length ? new ChangedFiles(options.changedFiles) : undefined;
    this.baseline = options.baseline;
    this.maxExcerpts = options.maxExcerpts ?? 8;
    this.maxBlocks = options.maxBlocks ?? 300;
  }

  push(raw: RawLine): void {
    this.total = raw.n;
    if (raw.n <= 3) this.detectFormat(raw.text);
    const text = cleanLine(raw.text);
    this.trackSections(raw.n, text);

    const { score, rule } = this.score(text);
    const displayed = text.length > DISPLAY_CHARS ? detach(text.slice(0, DISPLAY_CHARS)) + ' …' : text;
    const line: BlockLine = {
      n: raw.n,
      text: displayed,
      score,
      rule,
      inBaseline: score >= ANCHOR_MIN && this.baseline !== undefined && this.baseline.has(baselineKey(text)),
      // Only lines that may join an open block need to know whether they continue it.
      continuation: this.open !== null && CONTINUATION.test(text),
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
      const before = trimLeadingBlank(this.ring.last(BEFORE));
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
        const typed = a.rule?.type ? a.rule : this.table.positive.find((r) => r.type && r.weight >= 3 && r.pattern.test(a.text));
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

  private score(text: string): Scored1 {
    const t = text.length > EVAL_CHARS ? text.slice(0, EVAL_CHARS) : text;
    const pre = PREFILTER.test(t);
    if (!pre && this.table.user.length === 0) return NONE;
    let user: Rule | undefined;
    for (const r of this.table.user) {
      if (!r.pattern.test(t)) continue;
      if (r.ignore) return { score: 0, rule: r };
      if (!user || r.weight >= user.weight) user = r;
    }
    if (!pre) return user ? { score: user.weight, rule: user } : NONE;
    let builtin = this.cache.get(t);
    if (builtin === undefined) {
      builtin = this.scoreBuiltin(t);
      if (this.cache.size >= CACHE_LINES) this.cache.clear();
      this.cache.set(t, builtin);
    }
    if (builtin.hard) return NONE;
    let best = builtin.rule;
    if (user && (!best || best.generic || user.weight >= best.weight)) best = user;
    if (!best) return NONE;
    if (best.weight < builtin.cancelBelow) return NONE;
    return { score: best.weight, rule: best };
  }

  /** The built-in table on one line: strongest rule first, so most lines stop after a few tests. */
  private scoreBuiltin(t: string): Scored1 & { hard?: boolean; cancelBelow: number } {
    const { hardNoise, softNoise, generic, positive, maxCancel } = this.table;
    for (const r of hardNoise) if (r.pattern.test(t)) return { score: 0, rule: undefined, hard: true, cancelBelow: 0 };
    let best: Rule | undefined;
    // A line that only says "it failed" stays generic whatever else its words match.
    for (const r of generic)
      if (r.pattern.test(t)) {
        best = r;
        break;
      }
    if (!best)
      for (const r of positive)
        if (r.pattern.test(t)) {
          best = r;
          break;
        }
    let cancelBelow = 0;
    if (best && best.weight < maxCancel)
      for (const r of softNoise) if (r.pattern.test(t)) cancelBelow = Math.max(cancelBelow, r.cancelsBelow ?? NOISE_CANCELS_BELOW);
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
    if (c !== 35 /* # */ && c !== 80 /* P */ && c !== 67 /* C */ && c !== 36 /* $ */ && c !== 91 /* [ */ && c !== 43 /* + */)
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
      const lines = trimLeadingBlank(this.ring.last(11).slice(0, -1).filter((l) => l.n >= current.startLine));
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

  private finalize(block: Block, totalLines: number, haveFailed: boolean, firstStrong: boolean): Scored | null {
    const section = this.sections[block.section]!;
    let sectionFactor = firstStrong ? FIRST_STRONG_BOOST : 1;
    if (this.changed && block.lines.some((l) => l.score > 0 && this.changed!.named(l.text))) sectionFactor *= CHANGED_FILE_BOOST;
    if (block.continued) sectionFactor *= 0.6;
    if (section.cleanup) sectionFactor *= 0.2;
    else if (haveFailed && !section.failed) sectionFactor *= 0.4;

    // The lines a failing step printed last before its failure marker usually say why.
    const lastLine = block.lines[block.lines.length - 1]!.n;
    const marker = section.failed ? section.failLine : haveFailed ? undefined : totalLines;
    if (marker !== undefined && marker >= lastLine) sectionFactor *= 1 + PROXIMITY * Math.exp(-(marker - lastLine) / PROXIMITY_LINES);

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
    for (let i = 0; i < lines.length; ) {
      if (!repeated[i]) {
        i++;
        continue;
      }
      let j = i;
      let count = 0;
      while (j < lines.length && (repeated[j] || (lines[j]!.score < ANCHOR_MIN && j + 1 < lines.length && repeated[j + 1]))) {
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
      .filter((r) => r.some((l) => l.text.trim() !== '') && (block.fallback || runs.length === 1 || r.some((l) => l.score >= ANCHOR_MIN)))
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
    const tail = trimLeadingBlank(this.ring.last(12));
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
const CACHE_LINES = 5_000;

interface RuleTable {
  user: Rule[];
  hardNoise: Rule[];
  softNoise: Rule[];
  generic: Rule[];
  /** Built-in rules that score, strongest first; among equals the later in the table first. */
  positive: Rule[];
  /** The highest weight a soft noise rule cancels below. */
  maxCancel: number;
}

function compileTable(rules: readonly Rule[]): RuleTable {
  const builtin = rules.filter((r) => !r.user);
  const softNoise = builtin.filter((r) => r.noise && !r.hard);
  return {
    user: rules.filter((r) => r.user === true),
    hardNoise: builtin.filter((r) => r.noise && r.hard),
    softNoise,
    generic: builtin.filter((r) => r.generic && !r.noise),
    positive: builtin
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => !r.noise && !r.generic && r.weight > 0)
      .sort((a, b) => b.r.weight - a.r.weight || b.i - a.i)
      .map(({ r }) => r),
    maxCancel: Math.max(0, ...softNoise.map((r) => r.cancelsBelow ?? NOISE_CANCELS_BELOW)),
  };
}

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
    out.push({ ...e, startLine: first, endLine: end, keyLine, lines: e.lines.slice(first - e.startLine, end - e.startLine + 1) });
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
