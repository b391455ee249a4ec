/**
 * A user rules file (YAML) extends the built-in table: a pattern → type, severity, transient, weight, or
 * `ignore` for known noise. User rules are evaluated on every line and win ties with built-in rules.
 *
 *   rules:
 *     - pattern: "ECONNRESET while fetching fixtures"
 *       type: infrastructure
 *       transient: true
 *       severity: low
 *     - pattern: "^npm WARN deprecated"
 *       ignore: true
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { FAILURE_TYPES, SEVERITIES } from '../types.js';
import type { Rule } from './rules.js';

const RuleSchema = z
  .object({
    id: z.string().min(1).optional(),
    pattern: z.string().min(1),
    flags: z
      .string()
      .regex(/^[imsu]*$/, 'only the regular expression flags i, m, s and u')
      .optional(),
    type: z.enum(FAILURE_TYPES).optional(),
    severity: z.enum(SEVERITIES).optional(),
    transient: z.boolean().optional(),
    ignore: z.boolean().optional(),
    weight: z.number().min(0).max(10).optional(),
  })
  .strict();

const FileSchema = z.object({ rules: z.array(RuleSchema) }).strict();

export class RulesFileError extends Error {
  override name = 'RulesFileError';
}

/** Parses a rules file's text; `source` names the file in error messages. */
export function parseUserRules(text: string, source: string): Rule[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new RulesFileError(`${source}: not valid YAML: ${(e as Error).message.split('\n')[0] ?? ''}`);
  }
  if (doc === null || doc === undefined) return [];
  const parsed = FileSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the file';
    throw new RulesFileError(
      `${source}: ${where}: ${issue?.message ?? 'invalid'} (expected "rules:" with a list of {pattern, type?, severity?, transient?, weight?, ignore?})`,
    );
  }
  return parsed.data.rules.map((r, i) => {
    let pattern: RegExp;
    try {
      pattern = new RegExp(r.pattern, r.flags ?? 'i');
    } catch (e) {
      throw new RulesFileError(`${source}: rules.${i}.pattern: not a valid regular expression: ${(e as Error).message}`);
    }
    return {
      id: r.id ?? `user.${i + 1}`,
      pattern,
      weight: r.ignore ? 0 : (r.weight ?? 8),
      user: true,
      ...(r.type ? { type: r.type } : {}),
      ...(r.severity ? { severity: r.severity } : {}),
      ...(r.transient !== undefined ? { transient: r.transient } : {}),
      ...(r.ignore ? { ignore: true } : {}),
    };
  });
}
