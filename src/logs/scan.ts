/**
 * A byte-level line scanner: tells, from the raw bytes of a log, which lines can be left out of the per-line
 * work because no pattern of a set can match them once they are cleaned (`cleanLine`).
 *
 * The patterns (regular expressions) are compiled into one automaton over bytes: a small parser for the
 * regular-expression syntax the rules use, a Thompson NFA, and a DFA built lazily, state by state, as the
 * input needs it. The automaton over-approximates: whatever cleaned line a pattern matches, the scanner
 * reports its raw line (a hit), and it may report some more. That is what makes it safe to skip the lines it
 * does not report. Approximations, all in that direction:
 *  - letters are folded to lower case, and case-sensitive patterns are matched without case;
 *  - assertions (`\b`, `$`, lookarounds) match everywhere; a `^` that does not start a top-level
 *    alternative matches everywhere too; large counted repetitions are loosened;
 *  - a pattern is cut at an unbounded wildcard (`.*`, `\S+`, `[^"]*`): `a.*b` becomes the better of `a`
 *    and `b`, since a line that contains `a…b` contains both;
 *  - any non-ASCII character, where a class may match one, is any run of bytes ≥ 0x80 (a character is
 *    one to four of them in UTF-8; a byte that is not valid UTF-8 becomes U+FFFD, also non-ASCII);
 *  - a pattern anchored with `^` is tried at the start of the line (after a BOM) and after every `z` or
 *    `z ` in it: a runner timestamp, which `cleanLine` removes, always ends so.
 * What cleaning does to a line is followed rather than approximated: ANSI escape sequences (CSI and
 * two-character ones) are stepped over as if absent, trailing `\r` are ignored. A line the scanner cannot
 * follow exactly — a `\r` inside it (progress output), an OSC sequence, a `^[` that may be an ANSI code in
 * caret notation, an escape sequence that may overlap a timestamp — is reported as complex: the caller
 * cleans it and decides on the text.
 *
 * Anything in a pattern the parser does not know (backreferences, the `u`/`v` flags, inline modifiers …)
 * makes `compileScanner` return null: the caller then processes every line.
 *
 * The same machinery, run over a cleaned line's UTF-8 bytes, makes a `PatternFilter`: which of a set of
 * patterns may match the line (the rule table's regexes then run only for those), and, for the patterns it
 * follows exactly, which do. Its patterns are cut further, to their most telling part between unbounded
 * repetitions, which keeps its automaton small.
 *
 * The automata's states live in typed arrays, outside the JavaScript heap: they grow with what is read and
 * stay for the process, and kept as objects they would make the garbage collector grow the heap.
 */

// ── Syntax ───────────────────────────────────────────────────────────────────────────────────────────────

/** A set of UTF-16 code units: ASCII ones listed (each once), others either all (`other`) or a few listed. */
interface CharSet {
  ascii: number[];
  other: boolean;
  units: number[];
}

type Node =
  | { k: 'set'; set: CharSet }
  | { k: 'seq'; items: Node[] }
  | { k: 'alt'; items: Node[] }
  | { k: 'rep'; item: Node; min: number; max: number }
  | { k: 'empty' }
  | { k: 'bol' };

class Unsupported extends Error {}

const EMPTY: Node = { k: 'empty' };

function newSet(): CharSet {
  return { ascii: [], other: false, units: [] };
}
function unitSet(u: number): CharSet {
  const s = newSet();
  addUnit(s, u);
  return s;
}
function addUnit(s: CharSet, u: number): void {
  if (u < 128) {
    if (!s.ascii.includes(u)) s.ascii.push(u);
  } else if (!s.units.includes(u)) s.units.push(u);
}
function addRange(s: CharSet, from: number, to: number): void {
  for (let u = from; u <= Math.min(to, 127); u++) addUnit(s, u);
  if (to >= 128) {
    if (to - Math.max(from, 128) < 16) for (let u = Math.max(from, 128); u <= to; u++) addUnit(s, u);
    else s.other = true;
  }
}
function addSetInto(s: CharSet, t: CharSet): void {
  for (const u of t.ascii) addUnit(s, u);
  if (t.other) s.other = true;
  for (const u of t.units) addUnit(s, u);
}
function negate(s: CharSet): CharSet {
  const out = newSet();
  for (let u = 0; u < 128; u++) if (!s.ascii.includes(u)) out.ascii.push(u);
  out.other = true;
  return out;
}
const SPACE_UNITS = [9, 10, 11, 12, 13, 32];
function classEscape(c: string): CharSet | null {
  const s = newSet();
  switch (c.toLowerCase()) {
    case 'd':
      addRange(s, 48, 57);
      break;
    case 'w':
      addRange(s, 48, 57);
      addRange(s, 65, 90);
      addRange(s, 97, 122);
      addUnit(s, 95);
      break;
    case 's':
      for (const u of SPACE_UNITS) addUnit(s, u);
      s.other = true; // U+00A0, U+FEFF, U+2000…: all non-ASCII
      break;
    default:
      return null;
  }
  return c === c.toUpperCase() ? negate(s) : s;
}

/** Parses the regular-expression syntax of a non-unicode JavaScript RegExp into a Node. */
class Parser {
  private i = 0;
  /** Set when an assertion was read: the node then matches more than the pattern. */
  approx = false;
  constructor(private readonly src: string) {}

  parse(): Node {
    const n = this.alt();
    if (this.i < this.src.length) throw new Unsupported(`unbalanced ) at ${this.i}`);
    return n;
  }

  private peek(): string {
    return this.src[this.i] ?? '';
  }

  private alt(): Node {
    const items = [this.seq()];
    while (this.peek() === '|') {
      this.i++;
      items.push(this.seq());
    }
    return items.length === 1 ? items[0]! : { k: 'alt', items };
  }

  private seq(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      let atom = this.atom();
      for (;;) {
        const q = this.quantifier();
        if (!q) break;
        if (atom.k === 'bol' || atom.k === 'empty') atom = EMPTY;
        else atom = { k: 'rep', item: atom, min: q[0], max: q[1] };
      }
      items.push(atom);
    }
    return items.length === 1 ? items[0]! : { k: 'seq', items };
  }

  /** `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}` (greedy or lazy: the same for what can match). */
  private quantifier(): [number, number] | null {
    const c = this.peek();
    let q: [number, number] | null = null;
    if (c === '?') q = [0, 1];
    else if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    if (q) this.i++;
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return null;
      this.i += m[0].length;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (max < min) throw new Unsupported('bad quantifier');
      q = [min, max];
    } else return null;
    if (this.peek() === '?') this.i++;
    return q;
  }

  private atom(): Node {
    const c = this.peek();
    this.i++;
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return { k: 'set', set: this.charClass() };
      case '.': {
        const s = negate(newSet());
        s.ascii = s.ascii.filter((u) => u !== 10 && u !== 13);
        return { k: 'set', set: s };
      }
      case '^':
        return { k: 'bol' };
      case '$':
        this.approx = true;
        return EMPTY;
      case '\\':
        return this.escape();
      case '*':
      case '+':
      case '?':
        throw new Unsupported('nothing to repeat');
      case '{':
        if (/^\d+(,\d*)?\}/.test(this.src.slice(this.i))) throw new Unsupported('nothing to repeat');
        return { k: 'set', set: unitSet(123) };
      default:
        return { k: 'set', set: unitSet(c.charCodeAt(0)) };
    }
  }

  private group(): Node {
    let lookaround = false;
    if (this.peek() === '?') {
      const rest = this.src.slice(this.i, this.i + 3);
      if (rest.startsWith('?:')) this.i += 2;
      else if (rest.startsWith('?=') || rest.startsWith('?!')) {
        this.i += 2;
        lookaround = true;
      } else if (rest === '?<=' || rest === '?<!') {
        this.i += 3;
        lookaround = true;
      } else {
        const named = /^\?<[A-Za-z_$][\w$]*>/.exec(this.src.slice(this.i));
        if (!named) throw new Unsupported(`group ${rest}`);
        this.i += named[0].length;
      }
    }
    const inner = this.alt();
    if (this.peek() !== ')') throw new Unsupported('unterminated group');
    this.i++;
    // An assertion is true wherever the pattern could match, as far as this scanner is concerned.
    if (lookaround) this.approx = true;
    return lookaround ? EMPTY : inner;
  }

  private escape(): Node {
    const c = this.peek();
    if (c === '') throw new Unsupported('trailing backslash');
    if (c === 'b' || c === 'B') {
      this.i++;
      this.approx = true;
      return EMPTY;
    }
    const set = classEscape(c);
    if (set) {
      this.i++;
      return { k: 'set', set };
    }
    if (/[1-9]/.test(c) || c === 'k') throw new Unsupported('backreference');
    return { k: 'set', set: unitSet(this.charEscape()) };
  }

  /** After a backslash, an escape that stands for one character (shared by classes and atoms). */
  private charEscape(): number {
    const c = this.peek();
    this.i++;
    switch (c) {
      case 't':
        return 9;
      case 'n':
        return 10;
      case 'v':
        return 11;
      case 'f':
        return 12;
      case 'r':
        return 13;
      case '0':
        if (/[0-9]/.test(this.peek())) throw new Unsupported('octal escape');
        return 0;
      case 'c':
        throw new Unsupported('control escape');
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.i));
        if (!m) return 120; // Annex B: `\x` without two hex digits is `x`
        this.i += 2;
        return parseInt(m[0], 16);
      }
      case 'u': {
        const m = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.i));
        if (!m) return 117;
        this.i += 4;
        return parseInt(m[0], 16);
      }
      default:
        if (/[1-9]/.test(c)) throw new Unsupported('octal escape');
        return c.charCodeAt(0);
    }
  }

  private charClass(): CharSet {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.i++;
    }
    const s = newSet();
    for (;;) {
      if (this.i >= this.src.length) throw new Unsupported('unterminated class');
      if (this.peek() === ']') {
        this.i++;
        break;
      }
      const from = this.classAtom();
      if (this.peek() === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++;
        const to = this.classAtom();
        if (typeof from === 'number' && typeof to === 'number') {
          if (to < from) throw new Unsupported('range out of order');
          addRange(s, from, to);
          continue;
        }
        // Annex B: a class escape at either end makes `-` a plain character.
        for (const x of [from, 45, to]) {
          if (typeof x === 'number') addUnit(s, x);
          else addSetInto(s, x);
        }
        continue;
      }
      if (typeof from === 'number') addUnit(s, from);
      else addSetInto(s, from);
    }
    return negated ? negate(s) : s;
  }

  private classAtom(): number | CharSet {
    const c = this.peek();
    if (c !== '\\') {
      this.i++;
      return c.charCodeAt(0);
    }
    this.i++;
    const e = this.peek();
    if (e === 'b') {
      this.i++;
      return 8;
    }
    if (e === '-') {
      this.i++;
      return 45;
    }
    const set = classEscape(e);
    if (set) {
      this.i++;
      return set;
    }
    return this.charEscape();
  }
}

// ── Simplification ───────────────────────────────────────────────────────────────────────────────────────

/** The shortest match's length in code units. */
function minLen(n: Node): number {
  switch (n.k) {
    case 'set':
      return 1;
    case 'seq':
      return n.items.reduce((a, x) => a + minLen(x), 0);
    case 'alt':
      return Math.min(...n.items.map(minLen));
    case 'rep':
      return n.min * minLen(n.item);
    default:
      return 0;
  }
}

/**
 * How much a match of `n` narrows things down, roughly in characters: a letter 1, a space or a digit
 * class about half, a broad class nearly nothing, a non-ASCII character its UTF-8 bytes (they are rare).
 */
function weight(n: Node): number {
  switch (n.k) {
    case 'set': {
      const set = n.set;
      const size = set.ascii.length + set.units.length + (set.other ? 64 : 0);
      if (size === 1) {
        const u = set.units[0];
        if (u !== undefined) return utf8(u).length;
        const c = set.ascii[0]!;
        return c === 32 ? 0.4 : (c >= 48 && c <= 57) || (c | 32) >= 97 ? 1 : 0.8;
      }
      return Math.max(0, 1 - Math.log2(size) / 7);
    }
    case 'seq':
      return n.items.reduce((a, x) => a + weight(x), 0);
    case 'alt':
      return Math.min(...n.items.map(weight));
    case 'rep':
      return n.min * weight(n.item);
    default:
      return 0;
  }
}

/** An unbounded repetition of a broad class: `.*`, `\S+`, `[^"]*`. */
function isWide(n: Node): boolean {
  if (n.k !== 'rep' || n.max !== Infinity || n.item.k !== 'set') return false;
  return n.item.set.ascii.length >= 48;
}

interface Branch {
  node: Node;
  anchored: boolean;
}

interface Factor {
  /** What every match contains. */
  node: Node;
  /** The factor is the whole node. */
  exact: boolean;
  /** Every match begins with a match of the factor. */
  atStart: boolean;
}

/**
 * A part every match of `n` contains, free of unbounded repetitions: `a\d+b` has `a`, `\d` and `b`, and
 * the longest of them is taken (`x+` contains `x`; `x*` contains nothing).
 */
function factor(n: Node, startBonus = 0): Factor {
  switch (n.k) {
    case 'set':
    case 'empty':
    case 'bol':
      return { node: n, exact: true, atStart: true };
    case 'rep': {
      const f = n.max === Infinity ? null : factor(n.item);
      if (f?.exact) return { node: n, exact: true, atStart: true };
      if (n.min === 0) return { node: EMPTY, exact: false, atStart: true };
      return { ...(f ?? factor(n.item)), exact: false };
    }
    case 'alt': {
      const fs = n.items.map(factor);
      if (fs.every((f) => f.exact)) return { node: n, exact: true, atStart: true };
      return {
        node: { k: 'alt', items: fs.map((f) => f.node) },
        exact: false,
        atStart: fs.every((f) => f.atStart),
      };
    }
    case 'seq': {
      const candidates: Array<{ node: Node; atStart: boolean }> = [];
      let run: Node[] = [];
      let exact = true;
      n.items.forEach((it, i) => {
        const f = factor(it);
        if (f.exact) {
          run.push(it);
          return;
        }
        exact = false;
        if (run.length)
          candidates.push({
            node: { k: 'seq', items: run },
            atStart: candidates.length === 0 && run.length === i,
          });
        run = [];
        candidates.push({ node: f.node, atStart: i === 0 && f.atStart });
      });
      if (exact) return { node: n, exact: true, atStart: true };
      if (run.length) candidates.push({ node: { k: 'seq', items: run }, atStart: false });
      let best = candidates[0]!;
      // Anchored, a part at the start is worth more (`startBonus`): it keeps the anchor.
      const worth = (c: { node: Node; atStart: boolean }) => weight(c.node) + (c.atStart ? startBonus : 0);
      for (const c of candidates) if (worth(c) > worth(best)) best = c;
      return { node: best.node, exact: false, atStart: best.atStart };
    }
  }
}

/**
 * The top-level alternatives of a pattern, each cut to its most selective stretch between wildcards (with
 * `factors`, between any unbounded repetitions: fewer states, more reports). `exact` tells whether a
 * branch was left whole.
 */
function branches(root: Node, factors = false): Array<Branch & { exact: boolean }> {
  const alts = root.k === 'alt' ? root.items : [root];
  return alts.map((alt) => {
    const items = alt.k === 'seq' ? [...alt.items] : [alt];
    let anchored = false;
    if (items[0]?.k === 'bol') {
      anchored = true;
      items.shift();
    }
    if (factors) {
      // An anchored branch keeps its leading repetitions (`^\s*`): at the start of a line they cost few
      // states, and without them the rest would lose its anchor.
      let lead = 0;
      if (anchored)
        while (
          lead < items.length &&
          items[lead]!.k === 'rep' &&
          (items[lead] as { item: Node }).item.k === 'set'
        )
          lead++;
      const f = factor({ k: 'seq', items: items.slice(lead) }, anchored ? 2 : 0);
      if (anchored && f.atStart && weight(f.node) > 0)
        return {
          node: { k: 'seq', items: [...items.slice(0, lead), f.node] },
          anchored: true,
          exact: f.exact,
        };
      const g = lead ? factor({ k: 'seq', items }) : f;
      return { node: g.node, anchored: anchored && g.atStart, exact: g.exact };
    }
    // Stretches between wide repetitions; the first one keeps the anchor.
    const segments: Node[][] = [[]];
    for (const it of items) {
      if (isWide(it)) segments.push([]);
      else segments[segments.length - 1]!.push(it);
    }
    let best = 0;
    let bestLen = -1;
    segments.forEach((seg, i) => {
      const len = seg.reduce((a, x) => a + weight(x), 0);
      if (len > bestLen) {
        best = i;
        bestLen = len;
      }
    });
    const seg = segments[best]!;
    return { node: { k: 'seq', items: seg }, anchored: anchored && best === 0, exact: segments.length === 1 };
  });
}

// ── NFA over bytes ───────────────────────────────────────────────────────────────────────────────────────

const HIGH = Array.from({ length: 128 }, (_, i) => 128 + i);

/** The UTF-8 bytes of a code point. */
function utf8(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

const isSurrogate = (u: number) => u >= 0xd800 && u <= 0xdfff;

/** Whether a character has other case forms: such a character in a case-insensitive pattern is not listed. */
function hasCase(u: number): boolean {
  const ch = String.fromCharCode(u);
  return ch.toLowerCase() !== ch || ch.toUpperCase() !== ch;
}

class Nfa {
  /** Per state: byte transitions as [byte set id, target]. */
  readonly edges: number[][] = [];
  readonly eps: number[][] = [];
  readonly accept: boolean[] = [];
  readonly byteSets: Uint8Array[] = [];
  private readonly setIds = new Map<string, number>();
  private readonly byteIds = new Int32Array(256).fill(-1);
  /** Set when something was built to match more than the pattern (see `build`). */
  approx = false;

  state(): number {
    this.edges.push([]);
    this.eps.push([]);
    this.accept.push(false);
    return this.edges.length - 1;
  }

  /** A transition on any byte of `bytes` (distinct, in any order). */
  edge(from: number, bytes: readonly number[], to: number): void {
    const key = [...bytes].sort((x, y) => x - y).join(',');
    let id = this.setIds.get(key);
    if (id === undefined) {
      const set = new Uint8Array(256);
      for (const b of bytes) set[b] = 1;
      id = this.byteSets.length;
      this.byteSets.push(set);
      this.setIds.set(key, id);
    }
    this.edges[from]!.push(id, to);
  }

  byte(from: number, b: number, to: number): void {
    let id = this.byteIds[b]!;
    if (id < 0) {
      const s = new Uint8Array(256);
      s[b] = 1;
      id = this.byteSets.length;
      this.byteSets.push(s);
      this.byteIds[b] = id;
    }
    this.edges[from]!.push(id, to);
  }

  epsilon(from: number, to: number): void {
    this.eps[from]!.push(to);
  }

  /** Adds the states of `node` after `start`; returns the state its matches end in. */
  build(node: Node, start: number, fold: boolean): number {
    switch (node.k) {
      case 'empty':
        return start;
      case 'bol':
        this.approx = true;
        return start;
      case 'set':
        return this.buildSet(node.set, start, fold);
      case 'seq': {
        let cur = start;
        const items = node.items;
        for (let j = 0; j < items.length; j++) {
          const a = items[j]!;
          const b = items[j + 1];
          // A surrogate pair written out in the pattern is one character: four bytes in UTF-8.
          const hi = single(a);
          const lo = b ? single(b) : undefined;
          if (
            hi !== undefined &&
            lo !== undefined &&
            hi >= 0xd800 &&
            hi <= 0xdbff &&
            lo >= 0xdc00 &&
            lo <= 0xdfff
          ) {
            cur = this.chain(cur, utf8(0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)));
            j++;
          } else cur = this.build(a, cur, fold);
        }
        return cur;
      }
      case 'alt': {
        const end = this.state();
        for (const item of node.items) {
          const s = this.state();
          this.epsilon(start, s);
          this.epsilon(this.build(item, s, fold), end);
        }
        return end;
      }
      case 'rep': {
        // Loosened where large: x{30,} as x{16,}, x{2,40} as x{2,} — both match more.
        const min = Math.min(node.min, 16);
        const max = node.max > 16 ? Infinity : node.max;
        if (min !== node.min || max !== node.max) this.approx = true;
        let cur = start;
        for (let j = 0; j < min; j++) cur = this.build(node.item, cur, fold);
        if (max === Infinity) {
          const loop = this.state();
          this.epsilon(cur, loop);
          this.epsilon(this.build(node.item, loop, fold), loop);
          return loop;
        }
        for (let j = min; j < max; j++) {
          const next = this.state();
          this.epsilon(cur, next);
          this.epsilon(this.build(node.item, cur, fold), next);
          cur = next;
        }
        return cur;
      }
    }
  }

  private buildSet(set: CharSet, start: number, fold: boolean): number {
    const end = this.state();
    // The input is folded to lower case before it reaches the automaton.
    if (!fold && set.ascii.some((u) => (u >= 65 && u <= 90) || (u >= 97 && u <= 122))) this.approx = true;
    const folded = [...new Set(set.ascii.map((u) => (u >= 65 && u <= 90 ? u + 32 : u)))];
    if (folded.length === 1) this.byte(start, folded[0]!, end);
    else if (folded.length) this.edge(start, folded, end);
    let other = set.other;
    for (const u of set.units) {
      if (isSurrogate(u) || (fold && hasCase(u))) other = true;
      else this.epsilon(this.chain(start, utf8(u)), end);
    }
    if (other) {
      this.approx = true;
      const run = this.state();
      this.edge(start, HIGH, run);
      this.edge(run, HIGH, run);
      this.epsilon(run, end);
    }
    return end;
  }

  chain(start: number, bytes: number[]): number {
    let cur = start;
    for (const b of bytes) {
      const next = this.state();
      this.byte(cur, b >= 65 && b <= 90 ? b + 32 : b, next);
      cur = next;
    }
    return cur;
  }
}

function single(n: Node): number | undefined {
  if (n.k !== 'set' || n.set.other || n.set.units.length !== 1) return undefined;
  if (n.set.ascii.length) return undefined;
  return n.set.units[0];
}

// ── Lazy DFA ─────────────────────────────────────────────────────────────────────────────────────────────

/** What `scan` stopped at. */
export const Verdict = {
  /** The end of the chunk: every line up to it was skipped, and the chunk ended with `\n`. */
  End: 0,
  /** A line a pattern may match. */
  Hit: 1,
  /** A line the scanner cannot follow: the caller cleans it and decides. */
  Complex: 2,
  /** A line that does not end in this chunk. */
  Partial: 3,
} as const;
export type Verdict = (typeof Verdict)[keyof typeof Verdict];

// Table entries: ≥ 0 the next state's row offset; negative, what to do.
const UNKNOWN = -1;
const ACCEPT = -2;
const NEWLINE = -3;
const CR = -4;
const ESC = -5;
const CARET = -6;
/** From `transition`: the table was emptied. */
const RESET = -7;

const MAX_STATES = 8192;

/** Where skipped lines start and end, for the last `SKIP_RING` of them. */
export const SKIP_RING = 16;

/** A copy of `a` with room for at least `need` elements (half as many again, not twice: memory is kept low). */
function grown(a: Int32Array, need: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(need, Math.ceil(a.length * 1.5)));
  b.set(a);
  return b;
}

/**
 * The automaton's common part: byte classes, ε-closures, and states (sets of NFA states) created on demand,
 * each a row of `table` with a column per byte class. Every state implicitly holds the start states of the
 * unanchored branches (a match may start at any byte); they are left out of the state's set and key.
 */
abstract class LazyDfa {
  /** Byte → table column. */
  protected readonly column = new Uint8Array(256);
  /** Byte → the column of its ordinary class. */
  protected readonly plain = new Uint8Array(256);
  protected readonly classBytes: number[] = [];
  /** Ordinary columns; special ones (subclasses') follow. */
  protected readonly normal: number;
  protected readonly cols: number;
  protected table: Int32Array;
  /** Rows so far. */
  protected rows = 0;
  /** Each row's NFA states (sorted), at setAt[row] … setAt[row + 1] in `arena`. */
  private arena = new Int32Array(4096);
  private setAt = new Int32Array(65);
  /** Rows by hash of their state set: open addressing, row + 1 in each slot (0 empty). */
  private slots = new Int32Array(256);
  private hashes = new Int32Array(64);
  /** Each row's entry code (see initRow). */
  private codes = new Int32Array(64);
  private readonly movedStart: number[][] = [];
  private readonly inStart: Uint8Array;
  private readonly important: Uint8Array;
  /** Per NFA state, once needed: the important states of its ε-closure. */
  // Per NFA state, once needed, the important states of its ε-closure: closureData[closureAt[st], closureEnd[st]).
  private readonly closureAt: Int32Array;
  private readonly closureEnd: Int32Array;
  private closureData = new Int32Array(1024);
  private closureUsed = 0;
  private readonly mark: Int32Array;
  private stamp = 0;
  private readonly edgeAt: Int32Array;
  private readonly edgeData: Int32Array;
  private readonly epsAt: Int32Array;
  private readonly epsData: Int32Array;
  private readonly byteSets: Uint8Array[];
  protected readonly accept: Uint8Array;

  constructor(
    nfa: Nfa,
    unanchored: number[],
    specials: readonly number[],
    private readonly maxStates: number,
  ) {
    // Byte classes: bytes every transition treats alike share a column (letters folded).
    const member: number[][] = Array.from({ length: 256 }, () => []);
    nfa.byteSets.forEach((set, id) => {
      for (let b = 0; b < 256; b++) if (set[b]) member[b]!.push(id);
    });
    const sig = new Map<string, number>();
    for (let b = 0; b < 256; b++) {
      const f = b >= 65 && b <= 90 ? b + 32 : b;
      const key = member[f]!.join(',');
      let c = sig.get(key);
      if (c === undefined) {
        c = this.classBytes.length;
        this.classBytes.push(f);
        sig.set(key, c);
      }
      this.plain[b] = c;
      this.column[b] = c;
    }
    this.normal = this.classBytes.length;
    specials.forEach((b, k) => (this.column[b] = this.normal + k));
    this.cols = this.normal + specials.length;
    if (this.cols > 255) throw new Unsupported('too many byte classes');

    // The NFA, flattened (per state, its edges [byte set, target]… and ε targets), as typed arrays.
    const n = nfa.edges.length;
    this.edgeAt = new Int32Array(n + 1);
    this.epsAt = new Int32Array(n + 1);
    for (let st = 0; st < n; st++) {
      this.edgeAt[st + 1] = this.edgeAt[st]! + nfa.edges[st]!.length;
      this.epsAt[st + 1] = this.epsAt[st]! + nfa.eps[st]!.length;
    }
    this.edgeData = Int32Array.from(nfa.edges.flat());
    this.epsData = Int32Array.from(nfa.eps.flat());
    this.byteSets = nfa.byteSets;
    this.accept = Uint8Array.from(nfa.accept, (a) => (a ? 1 : 0));
    this.mark = new Int32Array(n);
    this.inStart = new Uint8Array(n);
    this.closureAt = new Int32Array(n).fill(-1);
    this.closureEnd = new Int32Array(n);
    // Only states with a byte transition, or accepting, tell DFA states apart: the others are left out.
    this.important = new Uint8Array(n);
    for (let st = 0; st < n; st++) if (nfa.edges[st]!.length || nfa.accept[st]) this.important[st] = 1;
    const start = this.close(unanchored);
    for (const st of start) this.inStart[st] = 1;
    for (let c = 0; c < this.normal; c++) {
      const moved: number[] = [];
      this.moveInto(start, this.classBytes[c]!, moved, ++this.stamp, false);
      this.movedStart.push(moved);
    }
    this.table = new Int32Array(64 * this.cols);
  }

  /** Fills a new row's special columns and says what entering it means (its offset, or a code). */
  protected abstract initRow(offset: number, states: readonly number[] | Int32Array): number;
  /** Creates the start rows again after `reset`. */
  protected abstract startRows(): void;

  /** Forgets every state (when there are too many) and creates the start states again. */
  protected reset(): void {
    this.rows = 0;
    this.slots.fill(0);
    this.startRows();
  }

  /** The important states of the ε-closure of `states`. */
  protected close(states: readonly number[]): number[] {
    const stamp = ++this.stamp;
    const out: number[] = [];
    for (const st of states) this.addClosure(st, out, stamp, false);
    return out;
  }

  /** Adds the important states of the ε-closure of `st` (but the implicit start states, with `skipStart`). */
  private addClosure(st: number, out: number[], stamp: number, skipStart: boolean): void {
    if (this.closureAt[st]! < 0) {
      // Kept in typed arrays, off the JS heap: the automaton's memory is then no work for the GC.
      const found: number[] = [];
      const seen = new Set<number>([st]);
      const stack = [st];
      while (stack.length) {
        const x = stack.pop()!;
        if (this.important[x]) found.push(x);
        for (let k = this.epsAt[x]!; k < this.epsAt[x + 1]!; k++) {
          const y = this.epsData[k]!;
          if (!seen.has(y)) {
            seen.add(y);
            stack.push(y);
          }
        }
      }
      const at = this.closureUsed;
      if (at + found.length > this.closureData.length)
        this.closureData = grown(this.closureData, at + found.length);
      this.closureData.set(found, at);
      this.closureUsed = at + found.length;
      this.closureAt[st] = at;
      this.closureEnd[st] = this.closureUsed;
    }
    const mark = this.mark;
    const data = this.closureData;
    for (let k = this.closureAt[st]!, end = this.closureEnd[st]!; k < end; k++) {
      const x = data[k]!;
      if (mark[x] === stamp || (skipStart && this.inStart[x])) continue;
      mark[x] = stamp;
      out.push(x);
    }
  }

  /** Adds the closed targets of the byte transitions of `states` on `byte`. */
  private moveInto(
    states: ArrayLike<number>,
    byte: number,
    out: number[],
    stamp: number,
    skipStart: boolean,
  ): void {
    const { edgeAt, edgeData, byteSets } = this;
    for (let k = 0; k < states.length; k++) {
      const st = states[k]!;
      for (let j = edgeAt[st]!; j < edgeAt[st + 1]!; j += 2)
        if (byteSets[edgeData[j]!]![byte]) this.addClosure(edgeData[j + 1]!, out, stamp, skipStart);
    }
  }

  /** The entry code (see initRow) of the state made of `states` plus the implicit start states; created if new. */
  protected row(states: readonly number[]): number {
    const stamp = ++this.stamp;
    const list: number[] = [];
    for (const st of states)
      if (!this.inStart[st] && this.mark[st] !== stamp) {
        this.mark[st] = stamp;
        list.push(st);
      }
    return this.rowOf(list);
  }

  /** `row` for distinct important states, none of them implicit. */
  private rowOf(list: number[]): number {
    // A typed array sorts numerically, natively: much faster than a comparator on long lists.
    const sorted = list.length > 1 ? Int32Array.from(list).sort() : list;
    let h = 0x811c9dc5 ^ sorted.length;
    for (let k = 0; k < sorted.length; k++) h = Math.imul(h ^ sorted[k]!, 0x01000193);
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (let r = this.slots[slot]! - 1; r >= 0; slot = (slot + 1) & mask, r = this.slots[slot]! - 1) {
      if (this.hashes[r] !== h) continue;
      const at = this.setAt[r]!;
      if (this.setAt[r + 1]! - at !== sorted.length) continue;
      let same = true;
      for (let k = 0; k < sorted.length && same; k++) same = this.arena[at + k] === sorted[k];
      if (same) return this.codes[r]!;
    }
    const row = this.rows++;
    const offset = row * this.cols;
    if (offset + this.cols > this.table.length) this.table = grown(this.table, offset + this.cols);
    if (row + 2 > this.setAt.length) this.setAt = grown(this.setAt, row + 2);
    if (row + 1 > this.hashes.length) this.hashes = grown(this.hashes, row + 1);
    if (row + 1 > this.codes.length) this.codes = grown(this.codes, row + 1);
    const at = this.setAt[row]!;
    if (at + sorted.length > this.arena.length) this.arena = grown(this.arena, at + sorted.length);
    this.arena.set(sorted, at);
    this.setAt[row + 1] = at + sorted.length;
    this.hashes[row] = h;
    this.slots[slot] = row + 1;
    // At most half full: twice as many slots, every row placed again.
    if (this.rows * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      const m = this.slots.length - 1;
      for (let r = 0; r < this.rows; r++) {
        let k = this.hashes[r]! & m;
        while (this.slots[k]) k = (k + 1) & m;
        this.slots[k] = r + 1;
      }
    }
    this.table.fill(UNKNOWN, offset, offset + this.normal);
    const code = this.initRow(offset, sorted);
    this.codes[row] = code;
    return code;
  }

  /**
   * Computes and stores the transition of the row at `offset` on ordinary column `col`; RESET when there
   * were too many states and the table was emptied (every row and code is then stale).
   */
  protected transition(offset: number, col: number): number {
    if (this.rows >= this.maxStates) {
      this.reset();
      return RESET;
    }
    const stamp = ++this.stamp;
    const next: number[] = [];
    const row = offset / this.cols;
    this.moveInto(
      this.arena.subarray(this.setAt[row], this.setAt[row + 1]),
      this.classBytes[col]!,
      next,
      stamp,
      true,
    );
    const moved = this.movedStart[col]!;
    for (let k = 0; k < moved.length; k++) {
      const x = moved[k]!;
      if (this.mark[x] !== stamp && !this.inStart[x]) {
        this.mark[x] = stamp;
        next.push(x);
      }
    }
    const code = this.rowOf(next);
    this.table[offset + col] = code;
    return code;
  }
}

export class LineScanner extends LazyDfa {
  private readonly lineStart: number[];
  private lineRow = 0;

  /** Results of the last `scan`. */
  verdict: Verdict = Verdict.End;
  /** Lines skipped by the last `scan`. */
  skipped = 0;
  /** Lines skipped by every `scan` so far. */
  skipCount = 0;
  /** Starts and ends of the last skipped lines, at index `skipCount % SKIP_RING`. */
  readonly skipStart = new Int32Array(SKIP_RING);
  readonly skipEnd = new Int32Array(SKIP_RING);

  constructor(
    nfa: Nfa,
    unanchored: number[],
    lineStart: number[],
    private readonly maxLineBytes: number,
  ) {
    // Special columns: \n, \r, ESC, ^.
    super(nfa, unanchored, [10, 13, 27, 94], MAX_STATES);
    this.lineStart = this.close(lineStart);
    this.reset();
  }

  protected startRows(): void {
    this.row([]);
    this.lineRow = this.row(this.lineStart);
  }

  protected initRow(offset: number, states: readonly number[] | Int32Array): number {
    const n = this.normal;
    this.table[offset + n] = NEWLINE;
    this.table[offset + n + 1] = CR;
    this.table[offset + n + 2] = ESC;
    this.table[offset + n + 3] = CARET;
    // A state with an accepting NFA state is a hit: entering it ends the line's scan.
    const { accept } = this;
    return states.some((st) => accept[st]) ? ACCEPT : offset;
  }

  /**
   * Scans whole lines of `buf` from `pos` (a line start) to `len`. Lines no pattern can match are skipped:
   * counted in `skipped` and `skipCount`, their bounds kept in `skipStart`/`skipEnd` at index
   * `count % SKIP_RING`. Stops at the first line that needs the caller (`verdict` Hit, Complex or Partial;
   * the return value is that line's start) or at `len` (`verdict` End, return value `len`), or once `limit`
   * lines were skipped (`verdict` End, return value the next line's start).
   */
  scan(buf: Uint8Array, pos: number, len: number, limit = Infinity): number {
    const column = this.column;
    const cap = this.maxLineBytes;
    const skipStart = this.skipStart;
    const skipEnd = this.skipEnd;
    let table = this.table;
    let count = this.skipCount;
    const first = count;
    let lineStart = pos;
    let s = this.lineRow;
    let i = pos;
    let resets = 0;
    let verdict: Verdict;
    scan: for (;;) {
      if (i >= len) {
        verdict = lineStart >= len ? Verdict.End : Verdict.Partial;
        break;
      }
      let t = table[s + column[buf[i]!]!]!;
      if (t >= 0) {
        s = t;
        i++;
        continue;
      }
      let plain: number;
      switch (t) {
        case NEWLINE:
          if (i - lineStart > cap) {
            verdict = Verdict.Complex;
            break scan;
          }
          skipStart[count & (SKIP_RING - 1)] = lineStart;
          skipEnd[count & (SKIP_RING - 1)] = i;
          count++;
          i++;
          lineStart = i;
          s = this.lineRow;
          if (count - first >= limit) {
            verdict = Verdict.End;
            break scan;
          }
          continue;
        case ACCEPT:
          verdict = Verdict.Hit;
          break scan;
        case UNKNOWN:
          plain = column[buf[i]!]!;
          break;
        case CR: {
          // Trailing carriage returns are dropped by cleaning; one inside the line starts a new segment.
          let j = i + 1;
          while (j < len && buf[j] === 13) j++;
          if (j >= len) verdict = Verdict.Partial;
          else if (buf[j] !== 10) verdict = Verdict.Complex;
          else {
            i = j;
            continue;
          }
          break scan;
        }
        case ESC: {
          const n = escapeLength(buf, i, len);
          if (n < 0) {
            verdict = n === -1 ? Verdict.Complex : Verdict.Partial;
            break scan;
          }
          if (n > 0) {
            i += n;
            continue;
          }
          // A lone ESC stays in the cleaned line as a character.
          plain = this.plain[27]!;
          break;
        }
        case CARET: {
          // `^[[31m` is an ANSI code in caret notation, which cleaning removes.
          if (i + 1 >= len) verdict = Verdict.Partial;
          else if (buf[i + 1] === 91 || buf[i + 1] === 27) verdict = Verdict.Complex;
          else {
            plain = this.plain[94]!;
            break;
          }
          break scan;
        }
        default:
          verdict = Verdict.Complex;
          break scan;
      }
      // The byte as an ordinary character, on a transition that may still have to be computed.
      t = table[s + plain]!;
      if (t === UNKNOWN) {
        t = this.transition(s, plain);
        table = this.table;
        if (t === RESET) {
          // Too many states: the table was emptied; the line is scanned again from its start.
          if (++resets > 1) {
            verdict = Verdict.Complex;
            break;
          }
          s = this.lineRow;
          i = lineStart;
          continue;
        }
      }
      if (t === ACCEPT) {
        verdict = Verdict.Hit;
        break;
      }
      s = t;
      i++;
    }
    this.verdict = verdict;
    this.skipped = count - first;
    this.skipCount = count;
    return lineStart;
  }
}

/**
 * The length of the ANSI sequence at `i` (an ESC) as `cleanLine` removes it: 0 when it removes none (the ESC
 * stays), -1 when the scanner does not follow it (OSC, or a sequence ending in `Z`, which could be a
 * timestamp's end), -2 when the chunk ends first.
 */
function escapeLength(buf: Uint8Array, i: number, len: number): number {
  if (i + 1 >= len) return -2;
  const b = buf[i + 1]!;
  if (b === 91 /* [ */) {
    // CSI: ESC [ [0-9;?]* [ -/]* [@-~]
    let j = i + 2;
    while (j < len && ((buf[j]! >= 48 && buf[j]! <= 57) || buf[j] === 59 || buf[j] === 63)) j++;
    while (j < len && buf[j]! >= 32 && buf[j]! <= 47) j++;
    if (j >= len) return -2;
    const f = buf[j]!;
    if (f >= 64 && f <= 126) return f === 90 ? -1 : j + 1 - i;
    return 0;
  }
  if (b === 93 /* ] */) return -1;
  // Two characters: ESC [@-Z\\-_]
  if ((b >= 64 && b <= 90) || (b >= 92 && b <= 95)) return b === 90 ? -1 : 2;
  return 0;
}

/**
 * Which of a set of patterns may match a string: the same automaton, over the string's UTF-8 bytes, with
 * every pattern's matches recorded rather than the first ending the scan. A pattern it reports may not
 * match; one it does not report cannot.
 */
export class PatternFilter extends LazyDfa {
  private startRow = 0;
  private readonly starts: number[];
  /** Per row (by index), the patterns matched: outputData[outputAt[row], outputAt[row + 1]). */
  private outputAt = new Int32Array(65);
  private outputData = new Int32Array(256);
  /** Patterns the filter cannot rule out: always reported. */
  private readonly always: Uint8Array;
  /** The result of the last `test`: 1 for each pattern that may match `text`. */
  readonly may: Uint8Array;
  text: string | undefined;
  /** After `test`: whether a pattern of `watched` was reported that the filter matches exactly, or another. */
  watchedExact = false;
  watchedApprox = false;
  /** Per pattern: 1 watched and exact, 2 watched and approximate, 0 not watched. */
  private readonly watch: Uint8Array;
  private bytes = Buffer.allocUnsafe(6144);
  private alwaysExact = false;
  private alwaysApprox = false;

  constructor(
    nfa: Nfa,
    unanchored: number[],
    starts: number[],
    private readonly acceptOf: Int32Array,
    always: Uint8Array,
    /** 1 for a pattern the filter matches exactly: reported means it matches. */
    readonly exact: Uint8Array,
    watched: (id: number) => boolean,
  ) {
    super(nfa, unanchored, [], MAX_FILTER_STATES);
    this.starts = this.close(starts);
    this.always = always;
    this.may = new Uint8Array(always.length);
    this.watch = new Uint8Array(always.length);
    for (let id = 0; id < always.length; id++) if (watched(id)) this.watch[id] = exact[id] ? 1 : 2;
    for (let id = 0; id < always.length; id++)
      if (always[id]) {
        if (this.watch[id] === 1) this.alwaysExact = true;
        else if (this.watch[id] === 2) this.alwaysApprox = true;
      }
    this.reset();
  }

  protected startRows(): void {
    this.row([]);
    this.startRow = this.row(this.starts);
  }

  protected initRow(offset: number, states: readonly number[] | Int32Array): number {
    const out: number[] = [];
    for (const st of states) if (this.acceptOf[st]! >= 0) out.push(this.acceptOf[st]!);
    const index = offset / this.cols;
    if (index + 2 > this.outputAt.length) this.outputAt = grown(this.outputAt, index + 2);
    const at = this.outputAt[index]!;
    if (at + out.length > this.outputData.length) this.outputData = grown(this.outputData, at + out.length);
    this.outputData.set(out, at);
    this.outputAt[index + 1] = at + out.length;
    return out.length ? OUTPUT - index : offset;
  }

  /** Fills `may` for `text`. */
  test(text: string): Uint8Array {
    const may = this.may;
    this.text = text;
    for (let attempt = 0; attempt < 2; attempt++) {
      may.set(this.always);
      this.watchedExact = this.alwaysExact;
      this.watchedApprox = this.alwaysApprox;
      if (this.run(text)) return may;
    }
    // A text that needs more states than the table holds: every pattern may match.
    may.fill(1);
    this.watchedApprox = true;
    return may;
  }

  /** One pass over the text's UTF-8 bytes; false when the table was emptied on the way (the caller starts again). */
  private run(text: string): boolean {
    // Written out natively: a loop over the bytes is faster than one over the characters of a sliced string.
    if (this.bytes.length < text.length * 3) this.bytes = Buffer.allocUnsafe(text.length * 3);
    const bytes = this.bytes;
    const len = bytes.write(text, 0, 'utf8');
    const column = this.column;
    let table = this.table;
    let s = this.startRow;
    if (s < 0) s = this.record(OUTPUT - s);
    for (let i = 0; i < len; i++) {
      const col = column[bytes[i]!]!;
      let t = table[s + col]!;
      if (t >= 0) {
        s = t;
        continue;
      }
      if (t === UNKNOWN) {
        t = this.transition(s, col);
        table = this.table;
        if (t === RESET) return false;
        if (t >= 0) {
          s = t;
          continue;
        }
      }
      s = this.record(OUTPUT - t);
    }
    return true;
  }

  /** Notes the matches of the row at `index`; returns its offset. */
  private record(index: number): number {
    const data = this.outputData;
    for (let k = this.outputAt[index]!, end = this.outputAt[index + 1]!; k < end; k++) {
      const id = data[k]!;
      if (!this.may[id]) {
        this.may[id] = 1;
        this.noteWatched(id);
      }
    }
    return index * this.cols;
  }

  private noteWatched(id: number): void {
    const w = this.watch[id];
    if (w === 1) this.watchedExact = true;
    else if (w === 2) this.watchedApprox = true;
  }
}

/** Rows entered with matches are coded OUTPUT - their index. */
const OUTPUT = -16;
const MAX_FILTER_STATES = 1 << 14;

/**
 * Compiles patterns into a PatternFilter. A pattern the parser does not support, or that matches the empty
 * string, is always reported.
 */
export function compileFilter(
  patterns: readonly RegExp[],
  watched: (id: number) => boolean = () => false,
): PatternFilter {
  const nfa = new Nfa();
  const unanchored: number[] = [];
  const starts: number[] = [];
  const acceptAt: Array<[number, number]> = [];
  const always = new Uint8Array(patterns.length);
  const exact = new Uint8Array(patterns.length);
  patterns.forEach((p, id) => {
    try {
      if (/[uvm]/.test(p.flags)) throw new Unsupported(`flags ${p.flags}`);
      const parser = new Parser(p.source);
      const parsed = branches(parser.parse(), true);
      if (parsed.some((b) => minLen(b.node) === 0)) throw new Unsupported('matches the empty string');
      const fold = p.flags.includes('i');
      nfa.approx = parser.approx;
      for (const b of parsed) {
        const st = nfa.state();
        acceptAt.push([nfa.build(b.node, st, fold), id]);
        (b.anchored ? starts : unanchored).push(st);
        if (!b.exact) nfa.approx = true;
      }
      exact[id] = nfa.approx ? 0 : 1;
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      always[id] = 1;
    }
  });
  const acceptOf = new Int32Array(nfa.edges.length).fill(-1);
  for (const [st, id] of acceptAt) {
    acceptOf[st] = id;
    nfa.accept[st] = true;
  }
  return new PatternFilter(nfa, unanchored, [...starts, ...unanchored], acceptOf, always, exact, watched);
}

export interface ScannerPattern {
  source: string;
  flags: string;
}

/**
 * Compiles patterns into a scanner; null when one of them uses syntax the scanner does not support (the
 * caller then looks at every line).
 */
export function compileScanner(
  patterns: readonly ScannerPattern[],
  maxLineBytes: number,
): LineScanner | null {
  try {
    const nfa = new Nfa();
    const unanchored: number[] = [];
    const lineStart: number[] = [];
    // Anchored branches start at the line start, after a BOM, and after `z` or `z ` (a timestamp's end).
    const anchorStarts: number[] = [];
    for (const p of patterns) {
      if (/[uvm]/.test(p.flags)) throw new Unsupported(`flags ${p.flags}`);
      const fold = p.flags.includes('i');
      for (const b of branches(new Parser(p.source).parse())) {
        // A branch that matches the empty string matches every line: nothing could be skipped.
        if (minLen(b.node) === 0) throw new Unsupported(`${p.source} matches an empty line`);
        const s = nfa.state();
        nfa.accept[nfa.build(b.node, s, fold)] = true;
        (b.anchored ? anchorStarts : unanchored).push(s);
      }
    }
    if (anchorStarts.length) {
      const entry = nfa.state();
      for (const s of anchorStarts) nfa.epsilon(entry, s);
      lineStart.push(entry);
      const bom = nfa.state();
      nfa.epsilon(nfa.chain(bom, [0xef, 0xbb, 0xbf]), entry);
      lineStart.push(bom);
      const z = nfa.state();
      const afterZ = nfa.state();
      nfa.byte(z, 122, afterZ);
      nfa.epsilon(afterZ, entry);
      const space = nfa.state();
      nfa.byte(afterZ, 32, space);
      nfa.epsilon(space, entry);
      unanchored.push(z);
    }
    for (const s of unanchored) lineStart.push(s);
    return new LineScanner(nfa, unanchored, lineStart, maxLineBytes);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
