/**
 * A user rules file (YAML) extends the built-in table: a pattern → type, severity, transient, weight, or
 * `ignore` for known noise. User rules are evaluated on every line and win ties with built-in rules.
 *
 * A pattern is user input run on every line of untrusted logs, so it is matched in linear time (re2js, a port
 * of RE2): `^(a+)+$` cannot hang the analyzer. Its syntax is JavaScript's without the constructs a linear
 * engine cannot run — backreferences, lookahead and lookbehind — which are rejected when the file is read, with
 * the rule and the construct named. The built-in rules are not user input and keep V8's engine.
 *
 *   rules:
 *     - pattern: "ECONNRESET while fetching fixtures"
 *       type: infrastructure
 *       transient: true
 *       severity: low
 *     - pattern: "^npm WARN deprecated"
 *       ignore: true
 */
import { RE2JS } from 're2js';
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
    const where = `${source}: rules.${i}.pattern${r.id ? ` (${r.id})` : ''}`;
    try {
      pattern = new LinearRegExp(r.pattern, r.flags ?? 'i');
    } catch (e) {
      if (e instanceof UnsupportedSyntax) throw new RulesFileError(`${where}: ${e.message}`);
      throw new RulesFileError(`${where}: not a valid regular expression: ${(e as Error).message}`);
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

class UnsupportedSyntax extends Error {
  override name = 'UnsupportedSyntax';
}

/** Constructs of JavaScript's syntax that no linear-time engine runs, with what to call them in a message. */
const UNSUPPORTED: Array<[RegExp, string]> = [
  [/\\[1-9]/, 'a backreference'],
  [/\\k<[^>]*>/, 'a named backreference'],
  [/\(\?<[=!]/, 'a lookbehind'],
  [/\(\?[=!]/, 'a lookahead'],
];

/** The first unsupported construct of a pattern, outside character classes and escapes. */
function unsupportedConstruct(source: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      if (!inClass)
        for (const [re, what] of UNSUPPORTED.slice(0, 2)) {
          const m = re.exec(source.slice(i, i + 64));
          if (m?.index === 0) return `${what} (${m[0]})`;
        }
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(')
      for (const [re, what] of UNSUPPORTED.slice(2)) {
        const m = re.exec(source.slice(i, i + 4));
        if (m?.index === 0) return `${what} (${m[0]}…)`;
      }
  }
  return undefined;
}

const RE2_FLAGS: Record<string, number> = {
  i: RE2JS.CASE_INSENSITIVE,
  m: RE2JS.MULTILINE,
  s: RE2JS.DOTALL,
  // RE2 is Unicode-aware in any case.
  u: 0,
};

/**
 * A RegExp whose matching runs on re2js: `test` and `exec` (which `String#match` and `replace` go through)
 * answer in time linear in the line. The syntax is checked by both engines, so a pattern means what it means to
 * JavaScript. Derived RegExps (`split`, `matchAll` build one through `Symbol.species`) are plain ones: the
 * analyzer only tests lines.
 */
export class LinearRegExp extends RegExp {
  readonly #re2: RE2JS;

  constructor(source: string, flags = '') {
    super(source, flags);
    const construct = unsupportedConstruct(source);
    if (construct)
      throw new UnsupportedSyntax(
        `${construct} cannot be matched in linear time: user patterns may not use backreferences, lookahead or lookbehind`,
      );
    let bits = 0;
    for (const f of flags) bits |= RE2_FLAGS[f] ?? 0;
    try {
      this.#re2 = RE2JS.compile(RE2JS.translateRegExp(source), bits);
    } catch (e) {
      throw new UnsupportedSyntax(
        `not supported by the linear-time engine: ${(e as Error).message.replace(/^error parsing regexp: /, '')}`,
      );
    }
  }

  static override get [Symbol.species](): RegExpConstructor {
    return RegExp;
  }

  override test(text: string): boolean {
    return this.#re2.test(text);
  }

  override exec(text: string): RegExpExecArray | null {
    return this.#re2.exec(text) as RegExpExecArray | null;
  }
}
