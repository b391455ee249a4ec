/**
 * File references in log lines: `path:line[:col]`, `path(line,col)`, `File "path", line N`, and bare paths,
 * normalised to repository-relative form where the log shows where the checkout lives.
 */

export interface PathRef {
  /** As normalised by `normalizePath`. */
  path: string;
  line?: number;
  column?: number;
  /** The path was under the runner's workspace (so it is inside the checked-out repository). */
  inWorkspace: boolean;
}

// Runner workspaces: /home/runner/work/<repo>/<repo>/, /Users/runner/work/…, D:\a\<repo>\<repo>\, container
// jobs' /__w/<repo>/<repo>/, and GITHUB_WORKSPACE-style /github/workspace/.
const WORKSPACE = [
  /^(?:file:\/\/)?\/home\/runner\/work\/[^/]+\/[^/]+\//,
  /^(?:file:\/\/)?\/Users\/runner\/work\/[^/]+\/[^/]+\//,
  /^(?:file:\/\/\/?)?[A-Za-z]:\/a\/[^/]+\/[^/]+\//,
  /^(?:file:\/\/)?\/__w\/[^/]+\/[^/]+\//,
  /^(?:file:\/\/)?\/github\/workspace\//,
];

/** Slashes forward, runner workspace prefixes and `./` removed. */
export function normalizePath(raw: string): { path: string; inWorkspace: boolean } {
  let p = raw.replace(/\\/g, '/');
  let inWorkspace = false;
  for (const w of WORKSPACE) {
    if (w.test(p)) {
      p = p.replace(w, '');
      inWorkspace = true;
      break;
    }
  }
  while (p.startsWith('./')) p = p.slice(2);
  p = p.replace(/\/{2,}/g, '/');
  return { path: p, inWorkspace };
}

// A path: optional drive or ./ ../ / prefix, segments, a last segment with an extension starting with a
// letter. Not preceded by a path character (so a match starts at the beginning of the path).
const PATH =
  /(?<![\w@.+~/\\:-])((?:file:\/\/\/?)?(?:[A-Za-z]:[\\/]|\.{1,2}[\\/]|[\\/])?(?:[\w@.+~-]+[\\/])*[\w@+~-][\w@.+~-]*\.[A-Za-z][A-Za-z0-9]{0,9})(?![\w/\\])(?::(\d+)(?::(\d+))?|\((\d+)(?:,\s*(\d+))?\)|",? line (\d+))?/g;

// Endings that are domains or versions far more often than files.
const NOT_FILES = new Set(['com', 'org', 'net', 'io', 'dev', 'app', 'co', 'uk', 'de', 'local', 'internal']);

const num = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

/** The file references of one line, in order. Lines longer than `maxLength` are only scanned up to it. */
export function pathRefs(line: string, maxLength = 4000): PathRef[] {
  const text = line.length > maxLength ? line.slice(0, maxLength) : line;
  const out: PathRef[] = [];
  for (const m of text.matchAll(PATH)) {
    const raw = m[1]!;
    const before = text.slice(Math.max(0, (m.index ?? 0) - 3), m.index);
    if (before.endsWith('://')) continue; // a URL
    const ext = raw.slice(raw.lastIndexOf('.') + 1).toLowerCase();
    if (NOT_FILES.has(ext)) continue;
    const { path, inWorkspace } = normalizePath(raw);
    const line = num(m[2] ?? m[4] ?? m[6]);
    const column = num(m[3] ?? m[5]);
    out.push({
      path,
      inWorkspace,
      ...(line !== undefined ? { line } : {}),
      ...(column !== undefined ? { column } : {}),
    });
  }
  return out;
}

/**
 * The changed file a referenced path names, matching by path suffix on a `/` boundary either way
 * (`/…/repo/repo/src/a.ts` names `src/a.ts`; `src/a.ts` printed from a package directory names
 * `packages/x/src/a.ts`). A bare file name matches the only changed file of that name.
 */
export function matchChangedFile(ref: string, changed: readonly string[]): string | undefined {
  const r = ref.replace(/^(?:\.\.\/)+/, '');
  if (r === '') return undefined;
  for (const c of changed) {
    if (r === c || r.endsWith('/' + c)) return c;
  }
  if (!r.includes('/')) {
    // A bare name (Go and pytest print paths relative to the package): the one changed file of that name.
    const same = changed.filter((c) => c.endsWith('/' + r));
    return same.length === 1 ? same[0] : undefined;
  }
  for (const c of changed) if (c.endsWith('/' + r)) return c;
  return undefined;
}
