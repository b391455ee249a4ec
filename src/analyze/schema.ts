/**
 * What the model must answer: the input of its one tool, `report_diagnosis`, as a zod schema (validation)
 * and the JSON schema sent with the tool (derived from the same zod schema, so the two cannot drift).
 * Grounding (cited lines must be lines that were sent, files must be named in what was sent) is checked
 * on top of the shape, in `groundingProblems`.
 */
import { z } from 'zod';
import { FAILURE_TYPES } from '../types.js';

export const TOOL_NAME = 'report_diagnosis';

export const DiagnosisSchema = z
  .object({
    cause: z.string().trim().min(1).max(400).describe('The likely cause of the failure, in one sentence.'),
    fix: z
      .string()
      .trim()
      .min(1)
      .max(1000)
      .describe('A concrete suggested fix: what to change, where (file, command, setting).'),
    cited_lines: z
      .array(z.number().int().min(1))
      .min(1)
      .max(20)
      .describe(
        'The log line numbers (as numbered in the excerpts) that show the cause. Only lines you were given.',
      ),
    affected_files: z
      .array(z.string().trim().min(1).max(300))
      .max(20)
      .describe(
        'Repository files involved, only as named in the excerpts or the changed files. May be empty.',
      ),
    confidence: z.number().min(0).max(1).describe('How sure you are of the cause, from 0 to 1.'),
    ticket_title: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .describe('A ticket title for the failure, at most 80 characters.'),
    description: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .describe('A short description for a ticket: what failed, why, and how to fix it (plain text).'),
    failure_type: z
      .enum(FAILURE_TYPES)
      .optional()
      .describe('The failure type, when you are confident the deterministic one is wrong.'),
  })
  .strict();

export type Diagnosis = z.infer<typeof DiagnosisSchema>;

/** The tool's `input_schema` (JSON Schema, object at the top as the Messages API requires). */
export function toolInputSchema(): { type: 'object'; [k: string]: unknown } {
  const schema = z.toJSONSchema(DiagnosisSchema, { target: 'draft-7' }) as Record<string, unknown>;
  delete schema.$schema;
  return { ...schema, type: 'object' };
}

/** The shape errors of an answer, one line each, for the model's second try. */
export function parseDiagnosis(
  input: unknown,
): { ok: true; value: Diagnosis } | { ok: false; problems: string[] } {
  const r = DiagnosisSchema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    problems: r.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`),
  };
}

/** What an answer may point at: the lines that were sent and the files that were named. */
export interface Grounds {
  lines: ReadonlySet<number>;
  /** The text that was sent (excerpt lines, changed files): an affected file must appear in it. */
  text: string;
  changedFiles: readonly string[];
}

/** Cited lines not sent, affected files named nowhere: each a sentence for the model's second try. */
export function groundingProblems(d: Diagnosis, g: Grounds): string[] {
  const problems: string[] = [];
  const missing = d.cited_lines.filter((n) => !g.lines.has(n));
  if (missing.length)
    problems.push(
      `cited_lines: line(s) ${missing.join(', ')} are not in the excerpts you were given; cite only numbered lines from the <log_excerpt> blocks.`,
    );
  const unknown = d.affected_files.filter((f) => !g.changedFiles.includes(f) && !g.text.includes(f));
  if (unknown.length)
    problems.push(
      `affected_files: ${unknown.map((f) => JSON.stringify(f)).join(', ')} appear neither in the excerpts nor in the changed files; list only files named there.`,
    );
  return problems;
}
