/**
 * The relevant part of a workflow file for the prompt: the failing job's section, as written (comments and
 * all), under a `jobs:` line. Pure. The job is found from the name the jobs API shows:
 * - its `name:` or its key, exactly;
 * - a `name:` template with expressions (`Test on ${{ matrix.os }}`), as a pattern;
 * - a matrix job the API names `key (a, b)` or `name (a, b)`;
 * - a reusable workflow's job, `caller / called`, by its caller;
 * - else the job whose `name:` template starts as the API name does.
 * When none matches (or the file is not a mapping with `jobs:`) the whole `jobs:` block is given, cut to
 * `maxChars` at a line end; a file YAML cannot parse is given as text, cut the same way.
 */
import { isMap, isScalar, parseDocument } from 'yaml';

export interface WorkflowSection {
  text: string;
  /** The key of the job found; absent when the text is the whole `jobs:` block (or file). */
  job?: string;
}

interface JobEntry {
  key: string;
  name?: string;
  /** The job's text, from its key's line to the end of its value. */
  text: string;
}

export const WORKFLOW_SECTION_CHARS = 6000;

export function workflowSection(
  source: string,
  jobName: string,
  maxChars = WORKFLOW_SECTION_CHARS,
): WorkflowSection {
  const doc = parseDocument(source, { prettyErrors: false });
  const root = doc.contents;
  if (doc.errors.length > 0 || !isMap(root)) return { text: cutLines(source, maxChars) };
  const jobsPair = root.items.find((p) => isScalar(p.key) && p.key.value === 'jobs');
  const jobsValue = jobsPair?.value;
  if (!jobsPair || !isScalar(jobsPair.key) || !isMap(jobsValue) || !jobsValue.range)
    return { text: cutLines(source, maxChars) };

  const jobs: JobEntry[] = [];
  for (const pair of jobsValue.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const value = pair.value as { range?: [number, number, number] } | null;
    const end = value?.range?.[1] ?? pair.key.range[1];
    const name = isMap(pair.value) ? pair.value.get('name') : undefined;
    jobs.push({
      key: String(pair.key.value),
      ...(typeof name === 'string' ? { name } : {}),
      text: source.slice(lineStart(source, pair.key.range[0]), end).trimEnd(),
    });
  }
  const found = findJob(jobs, jobName);
  if (found) return { text: cutLines(`jobs:\n${found.text}`, maxChars), job: found.key };
  const start = lineStart(source, jobsPair.key.range?.[0] ?? 0);
  return { text: cutLines(source.slice(start, jobsValue.range[1]).trimEnd(), maxChars) };
}

const EXPRESSION = /\$\{\{[\s\S]*?\}\}/g;

/** The job the API's name stands for, by the rules above, in that order. */
export function findJob<T extends { key: string; name?: string }>(
  jobs: readonly T[],
  apiName: string,
): T | undefined {
  const direct = (n: string): T | undefined =>
    jobs.find((j) => j.name === n && !j.name.includes('${{')) ??
    jobs.find((j) => j.key === n) ??
    jobs.find((j) => j.name !== undefined && templateRegex(j.name)?.test(n));
  const name = apiName.trim();
  const exact = direct(name);
  if (exact) return exact;
  const matrix = /^(.*\S)\s+\([^()]*\)$/.exec(name)?.[1];
  const byMatrix = matrix !== undefined ? direct(matrix) : undefined;
  if (byMatrix) return byMatrix;
  const caller = name.includes(' / ') ? name.split(' / ')[0]?.trim() : undefined;
  const byCaller = caller ? (direct(caller) ?? findJob(jobs, caller)) : undefined;
  if (byCaller) return byCaller;
  return jobs.find((j) => {
    const prefix = j.name?.split('${{')[0]?.trim() ?? '';
    return j.name?.includes('${{') && prefix.length >= 3 && name.startsWith(prefix);
  });
}

/** `Test on ${{ matrix.os }}` → /^Test on .+$/; undefined for a name without expressions. */
function templateRegex(template: string): RegExp | undefined {
  if (!template.includes('${{')) return undefined;
  const parts = template.split(EXPRESSION).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*?')}$`, 's');
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** At most `max` characters, cut at a line end, with a note of what was left out. */
function cutLines(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = '\n# … (cut: the rest of the file is left out)';
  const room = Math.max(0, max - note.length);
  const end = text.lastIndexOf('\n', room);
  return text.slice(0, end > 0 ? end : room) + note;
}
