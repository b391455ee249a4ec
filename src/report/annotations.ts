/**
 * Error annotations for a triage run: where an excerpt names a file of the repository with a line
 * (`path:line`, `path(line,col)`, `File "path", line N`), an annotation on that file and line; otherwise one
 * annotation per distinct failure. Pure; the caller emits them with `core.error(message, { title, file,
 * startLine })`.
 *
 * GitHub keeps at most 10 error annotations per step (and 10 warnings, 10 notices), and every annotation
 * here is emitted by the one triage step, so at most `max` (10) come back, most relevant first: the most
 * severe failures first, one annotation per failure before any failure gets a second.
 */
import { groupByFingerprint, keyLineText } from './groups.js';
import { matchChangedFile, pathRefs } from './paths.js';
import { cut, oneLine } from './text.js';
import type { TriageReport } from './types.js';

export interface Annotation {
  message: string;
  title: string;
  /** Repository-relative path. */
  file?: string;
  startLine?: number;
  startColumn?: number;
}

export interface AnnotationOptions {
  /** Whether a repository-relative path is a file of the repository (e.g. a lookup in the checkout). */
  repoFiles?: (path: string) => boolean;
  /** GitHub shows at most 10 error annotations per step. */
  max?: number;
  secrets?: readonly string[];
}

export const MAX_ERROR_ANNOTATIONS = 10;
const MESSAGE_CHARS = 1000;
// Paths of dependencies and toolchains, never the repository's own files.
const FOREIGN =
  /(?:^|\/)(?:node_modules|vendor\/bundle|site-packages|dist-packages|\.cargo\/registry|go\/pkg\/mod|hostedtoolcache)\//;

export function annotationsFor(report: TriageReport, options: AnnotationOptions = {}): Annotation[] {
  const max = Math.max(0, options.max ?? MAX_ERROR_ANNOTATIONS);
  const secrets = options.secrets ?? [];
  const changed = report.change.changedFiles;

  /** The repository path a referenced path names, or undefined. */
  const repoPath = (path: string, inWorkspace: boolean): string | undefined => {
    if (FOREIGN.test(path)) return undefined;
    const viaChanged = matchChangedFile(path, changed);
    if (viaChanged !== undefined) return viaChanged;
    if (options.repoFiles) {
      // The path itself, else its shorter suffixes: `/builds/workspace/x/src/a.c` is `src/a.c` of the repository.
      const segments = path
        .replace(/^(?:\.\.\/)+/, '')
        .split('/')
        .filter((s) => s !== '');
      for (let i = 0; i < segments.length && i < 12; i++) {
        const candidate = segments.slice(i).join('/');
        if (options.repoFiles(candidate)) return candidate;
      }
      return undefined;
    }
    // Without a file list: paths inside the workspace, or relative paths with a directory.
    if (path.startsWith('/') || path.startsWith('../') || /^[A-Za-z]:\//.test(path)) return undefined;
    return inWorkspace || path.includes('/') ? path : undefined;
  };

  const perGroup = groupByFingerprint(report).map((g) => {
    const f = g.representative.finding;
    const others = g.jobs.length - 1;
    const title = cut(
      oneLine(
        `${f.failureType} in ${g.representative.job.name}${others > 0 ? ` and ${others} more job${others === 1 ? '' : 's'}` : ''}`,
        secrets,
      ),
      200,
    );
    const list: Annotation[] = [];
    const seen = new Set<string>();
    const rootKey = keyLineText(f, 0) ?? '';
    f.excerpts.forEach((e, ei) => {
      const keyText = keyLineText(f, ei) ?? '';
      // The key line's references first, then the lines after it (stack frames), then those before.
      const k = e.keyLine - e.startLine;
      const order = [
        k,
        ...e.lines.map((_, i) => i).filter((i) => i > k),
        ...e.lines
          .map((_, i) => i)
          .filter((i) => i < k)
          .reverse(),
      ];
      for (const i of order) {
        const text = e.lines[i];
        if (text === undefined) continue;
        for (const ref of pathRefs(text)) {
          if (ref.line === undefined) continue;
          const file = repoPath(ref.path, ref.inWorkspace);
          if (file === undefined) continue;
          const id = `${file}:${ref.line}`;
          if (seen.has(id)) continue;
          seen.add(id);
          // Lead with the failure's root cause; then this excerpt's key line and the line naming the file.
          const body = [...new Set([rootKey, keyText, text.trim()].filter((x) => x !== ''))].join('\n');
          list.push({
            title,
            message: cut(oneLineKeepBreaks(body, secrets), MESSAGE_CHARS),
            file,
            startLine: ref.line,
            ...(ref.column !== undefined ? { startColumn: ref.column } : {}),
          });
        }
      }
    });
    if (list.length === 0) {
      const step = g.representative.failedStep?.name ?? f.failedSteps[0];
      const text = keyLineText(f) ?? `${f.failureType}${step ? ` in step ${step}` : ''}`;
      list.push({ title, message: cut(oneLineKeepBreaks(text, secrets), MESSAGE_CHARS) });
    }
    return list;
  });

  // One per failure, most severe first, before any failure gets a second.
  const out: Annotation[] = [];
  for (let round = 0; out.length < max; round++) {
    let any = false;
    for (const list of perGroup) {
      const a = list[round];
      if (!a) continue;
      any = true;
      out.push(a);
      if (out.length >= max) break;
    }
    if (!any) break;
  }
  return out;
}

/** Redacted, control characters stripped, each line trimmed; keeps the line breaks between lines. */
function oneLineKeepBreaks(s: string, secrets: readonly string[]): string {
  return s
    .split('\n')
    .map((l) => oneLine(l, secrets).replace(/^##\[(?:error|warning|notice)\]/, ''))
    .filter((l) => l !== '')
    .join('\n');
}
