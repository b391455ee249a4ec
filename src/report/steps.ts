/**
 * Mapping log lines to the GitHub UI. A raw job log (`/actions/jobs/{id}/logs`) is the steps' logs one after
 * the other; the UI shows each step's log on its own, numbered from 1, and links a line as
 * `…/job/{job_id}#step:{step_number}:{line}`.
 *
 * Where each step starts in the raw log: "Set up job" is everything before the first `##[group]Run …`
 * header; every other step that ran starts with its `##[group]Run …` header (which the UI shows as its
 * line 1); post steps start with `Post job cleanup.`. Composite actions print one more `##[group]Run …` per
 * inner step inside their own step, so the log can have more headers than the jobs API has steps; steps
 * named in the workflow (`name:`) show a different name in the API than in their header. `alignSteps` pairs
 * the log's sections with the API's steps in order, using names where they say something, and treating the
 * extra headers that follow a short action header (`Run ./.github/actions/x`, `Run owner/repo@ref`) as a
 * composite action's inner steps.
 */
import type { CollectedStep } from '../collect/types.js';
import type { Finding } from '../pipeline/analyze-log.js';

type LogStep = Finding['steps'][number];

export interface StepLocation {
  /** The jobs-API step number. */
  number: number;
  /** 1-based line within that step's log as the UI numbers it. */
  line: number;
  /** False when the step was a guess (fallback to the failed step). */
  exact: boolean;
}

const POST_SECTION = 'Post job cleanup';
const ACTION_REF = /^Run (?:\.{1,2}\/|[\w.-]+\/[\w./-]+@|docker:\/\/)/;
/** A composite action's own header is a few lines (`with:` inputs, `env:`) before its inner steps start. */
const SHORT_HEADER = 16;

const norm = (s: string): string => s.trim().replace(/\s+/g, ' ');

/** Names equal, or one a prefix of the other when long (the log or the API may truncate a long command). */
function sameName(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  if (x === y) return true;
  const [s, l] = x.length < y.length ? [x, y] : [y, x];
  return s.length >= 24 && l.startsWith(s.replace(/(?:…|\.\.\.)$/, ''));
}

const ran = (s: CollectedStep): boolean =>
  s.conclusion !== 'skipped' && !(s.conclusion === null && (s.status === 'queued' || s.status === 'pending'));

/**
 * For each log section (index into `logSteps`), the API step number it belongs to, or undefined when it
 * cannot be told. `logSteps` are the sections `analyzeLog` found, in log order.
 */
export function alignSteps(
  apiSteps: readonly CollectedStep[],
  logSteps: readonly LogStep[],
): Array<number | undefined> {
  const result: Array<number | undefined> = logSteps.map(() => undefined);
  const ranSteps = apiSteps.filter(ran);
  const isSetup = (s: CollectedStep, i: number) => i === 0 && /^Set up job$/i.test(s.name);
  const main = ranSteps.filter(
    (s, i) => !isSetup(s, i) && !/^Complete job$/i.test(s.name) && !/^Post /.test(s.name),
  );
  const post = ranSteps.filter((s) => /^Post /.test(s.name));

  const mainIdx: number[] = [];
  const postIdx: number[] = [];
  logSteps.forEach((s, i) => (s.name === POST_SECTION ? postIdx : mainIdx).push(i));

  // Post steps: in order, when the counts agree.
  if (postIdx.length === post.length) postIdx.forEach((li, k) => (result[li] = post[k]!.number));

  const n = mainIdx.length;
  const m = main.length;
  if (n === 0 || m === 0 || n * m * m > 50_000_000) return result;

  const sec = mainIdx.map((i) => logSteps[i]!);
  const nextStart = mainIdx.map((i) => logSteps[i + 1]?.startLine ?? Number.POSITIVE_INFINITY);
  const looksComposite = sec.map(
    (s, k) => ACTION_REF.test(s.name) && nextStart[k]! - s.startLine <= SHORT_HEADER,
  );

  const header = (k: number, j: number): number => {
    const step = main[j]!;
    // The section where the log says the step failed, and the step the API says failed.
    // Without that, the last header is most likely the failed step's: the steps after it were skipped.
    const failed = step.conclusion === 'failure' ? (sec[k]!.failed ? 3 : k === n - 1 ? 0.25 : 0) : 0;
    if (sameName(sec[k]!.name, step.name)) return 5 + failed;
    // A default name ("Run <command>") that differs from the header is another step's.
    return (step.name.startsWith('Run ') ? -3 : 1) + failed;
  };
  const SKIP = -2; // an API step that printed no header (it failed to start, or ran nothing)

  // best[k][j]: the best score with sections 0..k assigned and section k belonging to API step j, whose
  // header section is head[k][j] (to tell whether continuations follow a composite action's header).
  const NEG = Number.NEGATIVE_INFINITY;
  const best: number[][] = [];
  const from: Array<Array<{ j: number; cont: boolean } | undefined>> = [];
  const head: number[][] = [];
  for (let k = 0; k < n; k++) {
    best.push(new Array<number>(m).fill(NEG));
    from.push(new Array<{ j: number; cont: boolean } | undefined>(m).fill(undefined));
    head.push(new Array<number>(m).fill(-1));
    for (let j = 0; j < m; j++) {
      if (k === 0) {
        best[0]![j] = header(0, j) + SKIP * j;
        head[0]![j] = 0;
        continue;
      }
      // Section k is the header of step j, after some step j' < j.
      let b = NEG;
      let arg: { j: number; cont: boolean } | undefined;
      for (let jp = 0; jp < j; jp++) {
        const v = best[k - 1]![jp]! + header(k, j) + SKIP * (j - jp - 1);
        if (v > b) {
          b = v;
          arg = { j: jp, cont: false };
        }
      }
      // Or section k continues step j (a composite action's inner step).
      const prev = best[k - 1]![j]!;
      if (prev > NEG) {
        const h = head[k - 1]![j]!;
        const v = prev + (looksComposite[h] ? 0.5 : -4);
        if (v > b) {
          b = v;
          arg = { j, cont: true };
        }
      }
      best[k]![j] = b;
      from[k]![j] = arg;
      head[k]![j] = arg?.cont ? head[k - 1]![j]! : k;
    }
  }
  let j = 0;
  let score = NEG;
  for (let jj = 0; jj < m; jj++) {
    const v = best[n - 1]![jj]! + SKIP * (m - 1 - jj);
    if (v > score) {
      score = v;
      j = jj;
    }
  }
  if (score === NEG) return result;
  for (let k = n - 1; k >= 0; k--) {
    result[mainIdx[k]!] = main[j]!.number;
    const f = from[k]![j];
    if (f) j = f.j;
  }
  return result;
}

/**
 * Where a log line shows in the UI. `failedStep` is the fallback when the line's step cannot be told.
 * Returns undefined when there is no step to point at.
 */
export function locateLine(
  line: number,
  apiSteps: readonly CollectedStep[],
  logSteps: readonly LogStep[],
  failedStep?: number,
  aligned: Array<number | undefined> = alignSteps(apiSteps, logSteps),
): StepLocation | undefined {
  // The section the line is in: the last one starting at or before it.
  let idx = -1;
  for (let i = 0; i < logSteps.length; i++) {
    if (logSteps[i]!.startLine <= line) idx = i;
    else break;
  }
  if (idx === -1) {
    // Before the first header: "Set up job", which starts the log.
    const first = apiSteps[0];
    if (first && logSteps.length > 0 && /^Set up job$/i.test(first.name))
      return { number: first.number, line, exact: true };
    return failedStep === undefined ? undefined : { number: failedStep, line, exact: false };
  }
  const number = aligned[idx];
  if (number !== undefined) {
    // The step starts at its first section: walk back over a composite action's inner headers.
    let start = idx;
    while (start > 0 && aligned[start - 1] === number) start--;
    return { number, line: line - logSteps[start]!.startLine + 1, exact: true };
  }
  if (failedStep === undefined) return undefined;
  return { number: failedStep, line: line - logSteps[idx]!.startLine + 1, exact: false };
}
