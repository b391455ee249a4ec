/**
 * The action's settings: every input read in one place, once, and parsed with one zod schema. An error names
 * the input, the value given (never a token's) and the form expected: `Input "concurrency": "zero": a whole
 * number from 1 to 16 expected`.
 */
import { z } from 'zod';
import { LLM_MODES, type LlmMode } from '../analyze/analyzer.js';
import { parsePrices, type PriceTable } from '../analyze/prices.js';
import type { Rule } from '../classify/rules.js';
import { DEFAULT_SEVERITY_RULES, type SeverityRules } from '../classify/severity.js';
import { parseUserRules, RulesFileError } from '../classify/user-rules.js';

/** Every input, with its description and default: action.yml and the README are checked against this. */
export const INPUTS = {
  'github-token': {
    description:
      'Token for the GitHub API, registered as a secret as soon as it is read. The default job token is enough with the permissions actions: read and contents: read (pull-requests: read to find the pull request).',
    default: '${{ github.token }}',
  },
  'log-path': {
    description:
      'Analyze this local log file instead of collecting the failed jobs of the run (a raw GitHub Actions job log or any CI log).',
    default: '',
  },
  'rules-file': {
    description:
      'A YAML rules file that extends the built-in rules (pattern → type, severity, transient, weight, or ignore).',
    default: '',
  },
  baseline: {
    description:
      'Compare each failed job with the same job of the last successful run of the workflow (same branch, else the default branch): lines also there rank lower.',
    default: 'true',
  },
  concurrency: {
    description: 'How many job logs to download and analyze at once (1 to 16).',
    default: '8',
  },
  'log-wait-seconds': {
    description:
      "How long to wait, in all, for a job's log that is not available yet (the API answers 404 right after a job ends); then the job is reported as unavailable (0 to 120).",
    default: '12',
  },
  'max-jobs': {
    description: 'Analyze at most this many failed jobs; the others are listed in the summary (1 to 1000).',
    default: '200',
  },
  'max-log-mb': {
    description:
      'Read at most this many megabytes of each job log; a longer log is analyzed up to there and the summary says so (1 to 4096).',
    default: '1024',
  },
  'protected-branches': {
    description:
      'Branches whose failures are high severity besides the default branch: glob patterns, comma or newline separated.',
    default: DEFAULT_SEVERITY_RULES.protectedBranches.join(', '),
  },
  'deploy-jobs': {
    description:
      'Job names that deploy or release (glob patterns): their failure on a protected branch, a release tag or a production environment is critical.',
    default: DEFAULT_SEVERITY_RULES.deployJobs.join(', '),
  },
  'production-environments': {
    description: 'Deployment environments that count as production (glob patterns).',
    default: DEFAULT_SEVERITY_RULES.productionEnvironments.join(', '),
  },
  'release-tags': {
    description: 'Tags that are releases (glob patterns).',
    default: DEFAULT_SEVERITY_RULES.releaseTags.join(', '),
  },
  annotations: {
    description: 'Add error annotations on the files that the failing lines name (at most 10, as GitHub allows).',
    default: 'true',
  },
  'upload-report': {
    description: 'Upload report.json and audit.jsonl as a workflow artifact (outside a runner they stay on disk).',
    default: 'true',
  },
  'artifact-name': {
    description: 'Name of the report artifact; the run attempt is appended so that re-runs do not collide.',
    default: 'ci-triage-report',
  },
  'artifact-retention-days': {
    description: "Days to keep the report artifact (1 to 90; 0: the repository's default).",
    default: '0',
  },
  'anthropic-api-key': {
    description:
      'Anthropic API key (e.g. ${{ secrets.ANTHROPIC_API_KEY }}): with it, Claude explains failures in the summary (see llm). Registered as a secret as soon as it is read; never sent anywhere but the Anthropic API.',
    default: '',
  },
  llm: {
    description:
      'When to ask Claude: auto (only for failures the rules are not confident about: type unknown or confidence below 0.6), always, or never. Needs anthropic-api-key; the model explains, it never changes severity, fingerprint or routing.',
    default: 'auto',
  },
  model: {
    description: 'The Claude model id.',
    default: 'claude-sonnet-5-5',
  },
  'llm-max-input-tokens': {
    description:
      'Hard budget of one request to Claude, in input tokens (estimated at 3 characters a token): the least relevant material is cut first (500 to 200000).',
    default: '8000',
  },
  'llm-timeout-seconds': {
    description:
      'The most time spent on Claude per failure, retries and back-off included; then the deterministic result stands (5 to 600).',
    default: '60',
  },
  'llm-prices': {
    description:
      'JSON overriding the price table for the cost estimate, in USD per million tokens: {"model-id": {"input": 2, "output": 10}}.',
    default: '',
  },
} as const;

export type InputName = keyof typeof INPUTS;
export const INPUT_NAMES = Object.keys(INPUTS) as InputName[];

export interface Settings {
  /** A local log file to analyze instead of the run's failed jobs. */
  logPath?: string;
  rulesFile?: string;
  /** Rules from `rules-file`, already parsed (empty without one). */
  userRules: Rule[];
  /** May be empty (running outside Actions). Registered as a secret as soon as it is read. */
  githubToken: string;
  baseline: boolean;
  concurrency: number;
  logWaitSeconds: number;
  maxJobs: number;
  maxLogBytes: number;
  severityRules: SeverityRules;
  annotations: boolean;
  uploadReport: boolean;
  artifactName: string;
  artifactRetentionDays: number;
  llm: LlmSettings;
}

export interface LlmSettings {
  /** `never` when no API key was given with `auto`. */
  mode: LlmMode;
  /** Registered as a secret as soon as it is read; may be empty. */
  apiKey: string;
  model: string;
  maxInputTokens: number;
  timeoutSeconds: number;
  prices: PriceTable;
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

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', ''].includes(v), { message: 'true or false expected' })
  .transform((v) => v !== 'false');

const int = (min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, {
      message: `a whole number from ${min} to ${max} expected`,
    })
    .transform(Number);

const globs = z
  .string()
  .transform((v) =>
    v
      .split(/[,\n]/)
      .map((x) => x.trim())
      .filter((x) => x !== ''),
  )
  .refine((xs) => xs.every((x) => /^[\w*./@+-]+$/.test(x)), {
    message: 'glob patterns of letters, digits, . / - _ @ + and * expected, separated by commas or newlines',
  });

const InputsSchema = z.object({
  'github-token': z.string().trim(),
  'log-path': optionalPath,
  'rules-file': optionalPath,
  baseline: bool,
  concurrency: int(1, 16),
  'log-wait-seconds': int(0, 120),
  'max-jobs': int(1, 1000),
  'max-log-mb': int(1, 4096),
  'protected-branches': globs,
  'deploy-jobs': globs,
  'production-environments': globs,
  'release-tags': globs,
  annotations: bool,
  'upload-report': bool,
  'artifact-name': z
    .string()
    .trim()
    .refine((v) => v !== '' && !/[":<>|*?\\/\r\n]/.test(v), {
      message: 'a non-empty name without " : < > | * ? \\ / or line breaks expected',
    }),
  'artifact-retention-days': int(0, 90),
  'anthropic-api-key': z.string().trim(),
  llm: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => (LLM_MODES as readonly string[]).includes(v), { message: 'auto, always or never expected' })
    .transform((v) => v as LlmMode),
  model: z
    .string()
    .trim()
    .refine((v) => /^[A-Za-z0-9][\w.:@-]{0,99}$/.test(v), { message: 'a model id such as claude-sonnet-5-5 expected' }),
  'llm-max-input-tokens': int(500, 200_000),
  'llm-timeout-seconds': int(5, 600),
  'llm-prices': z.string().trim(),
});

export async function readSettings(deps: SettingsDeps): Promise<Settings> {
  const raw = {} as Record<InputName, string>;
  for (const name of INPUT_NAMES) {
    // An input left out of `with:` is empty outside the runner's own defaults (tests, the CLI): use ours.
    const given = deps.core.getInput(name);
    raw[name] = given === '' && name !== 'github-token' ? INPUTS[name].default : given;
  }
  const token = raw['github-token'].trim();
  if (token !== '') deps.core.setSecret(token);
  const apiKey = raw['anthropic-api-key'].trim();
  if (apiKey !== '') deps.core.setSecret(apiKey);

  const parsed = InputsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const input = (issue?.path[0] ?? 'log-path') as InputName;
    const given = input === 'github-token' || input === 'anthropic-api-key' ? '(hidden)' : JSON.stringify(raw[input]);
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

  let prices: PriceTable = {};
  if (inputs['llm-prices'] !== '') {
    try {
      prices = parsePrices(inputs['llm-prices']);
    } catch (e) {
      throw new InputError('llm-prices', (e as Error).message);
    }
  }
  if (inputs.llm === 'always' && apiKey === '')
    throw new InputError('anthropic-api-key', 'empty, but llm is "always": give the key (e.g. ${{ secrets.ANTHROPIC_API_KEY }}) or set llm to auto or never.');

  return {
    ...(logPath !== undefined ? { logPath } : {}),
    ...(rulesFile !== undefined ? { rulesFile } : {}),
    userRules,
    githubToken: token,
    baseline: inputs.baseline,
    concurrency: inputs.concurrency,
    logWaitSeconds: inputs['log-wait-seconds'],
    maxJobs: inputs['max-jobs'],
    maxLogBytes: inputs['max-log-mb'] * 1024 * 1024,
    severityRules: {
      protectedBranches: inputs['protected-branches'],
      deployJobs: inputs['deploy-jobs'],
      productionEnvironments: inputs['production-environments'],
      releaseTags: inputs['release-tags'],
    },
    annotations: inputs.annotations,
    uploadReport: inputs['upload-report'],
    artifactName: inputs['artifact-name'],
    artifactRetentionDays: inputs['artifact-retention-days'],
    llm: {
      mode: apiKey === '' ? 'never' : inputs.llm,
      apiKey,
      model: inputs.model,
      maxInputTokens: inputs['llm-max-input-tokens'],
      timeoutSeconds: inputs['llm-timeout-seconds'],
      prices,
    },
  };
}

async function expectFile(deps: SettingsDeps, input: InputName, path: string, expected: string): Promise<void> {
  const kind = await deps.files.kind(path);
  const shown = JSON.stringify(path);
  if (kind === 'missing') throw new InputError(input, `no such file ${shown}`);
  if (kind === 'directory') throw new InputError(input, `${shown} is a directory, expected ${expected}`);
  if (kind === 'other') throw new InputError(input, `${shown} is not a regular file, expected ${expected}`);
}
