/**
 * The action's settings: every input read in one place, once, and parsed with one zod schema. An error names
 * the input, the value given (never a token's) and the form expected: `Input "log-path": no such file "x.log"`.
 */
import { z } from 'zod';
import type { Rule } from '../classify/rules.js';
import { parseUserRules, RulesFileError } from '../classify/user-rules.js';

export const INPUT_NAMES = ['log-path', 'rules-file', 'github-token'] as const;
export type InputName = (typeof INPUT_NAMES)[number];

export interface Settings {
  /** A local log file to analyze; without it, the logs will come from the Actions API (a later version). */
  logPath?: string;
  /** The path of the user rules file, when one was given. */
  rulesFile?: string;
  /** Rules from `rules-file`, already parsed (empty without one). */
  userRules: Rule[];
  /** May be empty (running outside Actions). Registered as a secret as soon as it is read. */
  githubToken: string;
}

export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly input: InputName,
    detail: string,
  ) {
    super(`Input "${input}": ${detail}`);
  }
}

export type FileKind = 'file' | 'directory' | 'missing' | 'other';

/** What settings need from the runner and the file system; the real ones come from `defaultDeps()`. */
export interface SettingsDeps {
  core: {
    getInput(name: string): string;
    setSecret(secret: string): void;
  };
  files: {
    kind(path: string): Promise<FileKind>;
    readText(path: string): Promise<string>;
  };
}

const optionalPath = z
  .string()
  .trim()
  .refine((v) => !/[\n\r\0]/.test(v), { message: 'one path expected, not several lines' })
  .transform((v) => (v === '' ? undefined : v));

const InputsSchema = z.object({
  'log-path': optionalPath,
  'rules-file': optionalPath,
  'github-token': z.string().trim(),
});

export async function readSettings(deps: SettingsDeps): Promise<Settings> {
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, deps.core.getInput(name)])) as Record<
    InputName,
    string
  >;
  const token = raw['github-token'].trim();
  if (token !== '') deps.core.setSecret(token);

  const parsed = InputsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const input = (issue?.path[0] ?? 'log-path') as InputName;
    const given = input === 'github-token' ? '(hidden)' : JSON.stringify(raw[input]);
    throw new InputError(input, `${given}: ${issue?.message ?? 'invalid value'}`);
  }
  const inputs = parsed.data;

  const logPath = inputs['log-path'];
  if (logPath !== undefined) await expectFile(deps, 'log-path', logPath, 'a log file');

  const rulesFile = inputs['rules-file'];
  let userRules: Rule[] = [];
  if (rulesFile !== undefined) {
    await expectFile(deps, 'rules-file', rulesFile, 'a YAML rules file');
    let text: string;
    try {
      text = await deps.files.readText(rulesFile);
    } catch (e) {
      throw new InputError('rules-file', `cannot read ${JSON.stringify(rulesFile)}: ${(e as Error).message}`);
    }
    try {
      userRules = parseUserRules(text, rulesFile);
    } catch (e) {
      if (e instanceof RulesFileError) throw new InputError('rules-file', e.message);
      throw e;
    }
  }

  return {
    ...(logPath !== undefined ? { logPath } : {}),
    ...(rulesFile !== undefined ? { rulesFile } : {}),
    userRules,
    githubToken: token,
  };
}

async function expectFile(
  deps: SettingsDeps,
  input: InputName,
  path: string,
  expected: string,
): Promise<void> {
  const kind = await deps.files.kind(path);
  const shown = JSON.stringify(path);
  if (kind === 'missing') throw new InputError(input, `no such file ${shown}`);
  if (kind === 'directory') throw new InputError(input, `${shown} is a directory, expected ${expected}`);
  if (kind === 'other') throw new InputError(input, `${shown} is not a regular file, expected ${expected}`);
}
