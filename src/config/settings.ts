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
import { SEVERITIES, type Severity } from '../types.js';

/** Every input, with its description and default: action.yml and the README are checked against this. */
export const INPUTS = {
  'github-token': {
    description:
      'Token for the GitHub API, registered as a secret as soon as it is read. The default job token is enough with the permissions actions: read and contents: read, pull-requests: write for the PR comment (read to only find the pull request), issues: write for github-issues.',
    default: '${{ github.token }}',
  },
  'github-token-login': {
    description:
      'The login github-token writes as, when it is the token of a GitHub App other than the job token (e.g. my-app[bot]): only comments and issues by this login that carry the ci-triage marker are taken as its own. Empty: found with GET /user for a personal token, else github-actions[bot] (the job token).',
    default: '',
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
  'log-idle-timeout-seconds': {
    description:
      'A log download that receives nothing for this long is dropped and resumed where it stopped (a fresh download URL and a Range request), at most 3 times; then the job is listed as having no log, with the reason (1 to 600).',
    default: '30',
  },
  'max-jobs': {
    description:
      'Download and analyze the logs of at most this many failed jobs; the others still count as failed and are listed, with links, as not analysed (1 to 1000).',
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
    description:
      'Add error annotations on the files that the failing lines name (at most 10, as GitHub allows).',
    default: 'true',
  },
  'upload-report': {
    description:
      'Upload report.json and audit.jsonl as a workflow artifact (outside a runner they stay on disk).',
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
      'Anthropic API key (e.g. ${{ secrets.ANTHROPIC_API_KEY }}): with it, Claude explains failures in the summary (see llm). Registered as a secret as soon as it is read; never sent anywhere but anthropic-base-url.',
    default: '',
  },
  'anthropic-base-url': {
    description:
      "Where the Anthropic key and the excerpts are sent: the Anthropic API by default; change it only for a gateway or proxy your team controls. The job's ANTHROPIC_BASE_URL variable is not used.",
    default: 'https://api.anthropic.com',
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
  'dry-run': {
    description:
      'Render what every sink would publish into the job summary ("would publish …") and send nothing: no comment, ticket, issue, message or webhook delivery (and no request at all to Jira, Slack or the webhook).',
    default: 'false',
  },
  enabled: {
    description:
      'The kill switch: false sends nothing to any sink (PR comment, Jira, GitHub issue, Slack, webhook); the job summary, annotations, outputs and report artifact, which stay in the run, are still written. Pass a repository variable to flip it without a commit: ${{ vars.CI_TRIAGE_ENABLED }} (empty counts as true).',
    default: 'true',
  },
  'max-failures-per-run': {
    description:
      'The run-level breaker: when more distinct failures (fingerprints) than this would each get a ticket, an issue or a Slack message in one run, nothing is sent to any sink: only the job summary is written, with a warning (1 to 1000). The PR comment and the webhook delivery, one per run, do not count.',
    default: '10',
  },
  'pr-comment': {
    description:
      'Keep one comment on the pull request per workflow, updated in place across runs and attempts, and marked fixed when a later run passes (needs pull-requests: write).',
    default: 'true',
  },
  'jira-url': {
    description:
      'Jira site URL (e.g. https://acme.atlassian.net): with it, failures at or above jira-min-severity get a ticket, deduplicated by fingerprint.',
    default: '',
  },
  'jira-api-version': {
    description:
      'Jira REST API version: 3 for Jira Cloud, 2 for Jira Server or Data Center (a personal access token, no jira-email).',
    default: '3',
  },
  'jira-email': {
    description: 'The Atlassian account email that jira-api-token belongs to (Jira Cloud).',
    default: '',
  },
  'jira-api-token': {
    description:
      'Jira API token (Cloud, with jira-email) or personal access token (Server/Data Center), e.g. ${{ secrets.JIRA_API_TOKEN }}. Registered as a secret as soon as it is read.',
    default: '',
  },
  'jira-project': {
    description: 'The key of the Jira project tickets are created in (e.g. CI).',
    default: '',
  },
  'jira-issue-type': {
    description: 'The issue type of new tickets.',
    default: 'Bug',
  },
  'jira-min-severity': {
    description: 'Only failures of this severity or higher get a ticket (critical, high, medium or low).',
    default: 'high',
  },
  'jira-priorities': {
    description:
      'Jira priority names by severity, as severity=priority pairs separated by commas or newlines.',
    default: 'critical=Highest, high=High, medium=Medium, low=Low',
  },
  'jira-fields': {
    description:
      'JSON of extra fields for new tickets, e.g. {"components": [{"name": "CI"}], "customfield_10010": "x"}.',
    default: '',
  },
  'jira-daily-cap': {
    description:
      'At most this many tickets created per UTC day, counted in Jira (tickets labelled ci-triage created today); past it, occurrences are still added to open tickets (0 to 1000).',
    default: '10',
  },
  'slack-bot-token': {
    description:
      'Slack bot token (xoxb-…, scopes chat:write, channels:history, and users:read.email for mentions by the email of a verified commit). Registered as a secret as soon as it is read.',
    default: '',
  },
  'slack-webhook-url': {
    description:
      'A Slack incoming webhook URL, instead of a bot token: a message per failure, no updates, threads or mentions by email. Registered as a secret.',
    default: '',
  },
  'slack-channel': {
    description: 'The channel (ID such as C0123456789, or #name) for messages sent with slack-bot-token.',
    default: '',
  },
  'slack-channel-by-severity': {
    description:
      'Channels by severity, overriding slack-channel, as severity=channel pairs (e.g. critical=#ci-escalations).',
    default: '',
  },
  'slack-users': {
    description:
      'GitHub login to Slack member ID, as login=ID pairs (e.g. octocat=U0123ABCD): the author of a verified (signed) commit, else the author of the pull request, is mentioned. Without an entry, the author of a verified commit is looked up by email (users:read.email); the email of an unverified commit is never used.',
    default: '',
  },
  'slack-min-severity': {
    description: 'Only failures of this severity or higher get a Slack message.',
    default: 'medium',
  },
  'slack-daily-cap': {
    description:
      'At most this many new Slack messages per UTC day, counted in the channel (needs channels:history; 0 to 1000).',
    default: '50',
  },
  'slack-api-url': {
    description: 'The Slack Web API base URL (https://slack-gov.com/api/ for GovSlack).',
    default: 'https://slack.com/api/',
  },
  'github-issues': {
    description:
      'Open a GitHub issue per failure at or above github-issue-min-severity, deduplicated by fingerprint label; a recurrence is a comment (needs issues: write).',
    default: 'false',
  },
  'github-issue-min-severity': {
    description: 'Only failures of this severity or higher get a GitHub issue.',
    default: 'high',
  },
  'github-issue-daily-cap': {
    description:
      'At most this many GitHub issues opened per UTC day, counted from the issues labelled ci-triage (0 to 1000).',
    default: '10',
  },
  history: {
    description:
      'Keep a history of findings across runs (a small workflow artifact, ci-triage-history, written by each triage; reading it costs at most 6 API calls): recurrence, flakiness, escalation, trends and gated re-runs use it.',
    default: 'true',
  },
  'history-days': {
    description:
      'The history window in days: older findings are dropped, and the artifact kept this long (1 to 90).',
    default: '30',
  },
  'escalation-threshold': {
    description:
      'A failure seen in this many runs of the window escalates, once: a Jira comment and a priority one step up, a Slack thread reply and a message to slack-escalation-channel (2 to 100).',
    default: '3',
  },
  'slack-escalation-channel': {
    description:
      'Where escalations are announced besides the thread (a channel ID or #name); empty: the thread only.',
    default: '',
  },
  rerun: {
    description:
      'Companion mode only: re-run the failed jobs when every failure is transient by rule or flaky by evidence (a test failure only when flaky by evidence), below max-attempts, within rerun-daily-cap, on a branch of rerun-branches (needs actions: write).',
    default: 'false',
  },
  'max-attempts': {
    description: 'Re-run only while the run attempt is below this (2 to 10).',
    default: '2',
  },
  'rerun-daily-cap': {
    description: 'At most this many runs re-run per UTC day, counted in the history (0 to 100).',
    default: '5',
  },
  'rerun-branches': {
    description: 'Branches whose runs may be re-run: glob patterns, comma or newline separated.',
    default: '*',
  },
  'webhook-url': {
    description:
      'POST the JSON report here (once per run attempt, with an idempotency key), signed with HMAC-SHA256 of the body in the X-CI-Triage-Signature-256 header. Registered as a secret.',
    default: '',
  },
  'webhook-secret': {
    description:
      'The HMAC key for webhook-url (e.g. ${{ secrets.CI_TRIAGE_WEBHOOK_SECRET }}). Registered as a secret.',
    default: '',
  },
  'webhook-timeout-seconds': {
    description:
      'How long a webhook delivery waits for the answer. A delivery that times out, answers 5xx or loses its connection is sent once more, with the same X-CI-Triage-Delivery and X-CI-Triage-Idempotency-Key (1 to 120).',
    default: '15',
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
  /** A log download idle this long is resumed. */
  logIdleTimeoutSeconds: number;
  maxJobs: number;
  maxLogBytes: number;
  severityRules: SeverityRules;
  annotations: boolean;
  uploadReport: boolean;
  artifactName: string;
  artifactRetentionDays: number;
  llm: LlmSettings;
  publish: PublishSettings;
  history: HistorySettings;
}

export interface HistorySettings {
  enabled: boolean;
  windowDays: number;
  threshold: number;
  rerun: { enabled: boolean; maxAttempts: number; dailyCap: number; branches: string[] };
}

/** Where and how the diagnosis is published, besides the job summary, outputs and artifact. */
export interface PublishSettings {
  dryRun: boolean;
  /** The kill switch: false publishes nothing but the job summary. */
  enabled: boolean;
  /** The breaker: at most this many distinct failures get items of their own in one run. */
  maxFailuresPerRun: number;
  /** The login the GitHub token writes as; empty: found. */
  githubTokenLogin: string;
  prComment: boolean;
  /** Present when `jira-url` is given. */
  jira?: JiraSettings;
  /** Present when `slack-bot-token` or `slack-webhook-url` is given. */
  slack?: SlackSettings;
  /** Present when `github-issues` is true. */
  githubIssues?: GitHubIssueSettings;
  /** Present when `webhook-url` is given. */
  webhook?: WebhookSettings;
}

export interface JiraSettings {
  /** The site, without a trailing slash: https://acme.atlassian.net */
  baseUrl: string;
  /** 3: Jira Cloud (basic auth, email + API token); 2: Server / Data Center (bearer personal access token). */
  apiVersion: 2 | 3;
  /** Empty with a personal access token (v2). */
  email: string;
  /** A secret. */
  apiToken: string;
  project: string;
  issueType: string;
  minSeverity: Severity;
  priorities: Record<Severity, string>;
  /** Extra fields for new tickets, merged into `fields`. */
  fields: Record<string, unknown>;
  dailyCap: number;
}

export interface SlackSettings {
  /** `xoxb-…`, a secret; empty when only a webhook is given. */
  botToken: string;
  /** An incoming webhook URL, a secret; empty when a bot token is given. */
  webhookUrl: string;
  /** With a bot token: the default channel (ID or #name). */
  channel: string;
  channelBySeverity: Partial<Record<Severity, string>>;
  /** GitHub login (lower case) → Slack member ID. */
  users: Record<string, string>;
  minSeverity: Severity;
  dailyCap: number;
  /** Ends with `/`. */
  apiUrl: string;
  /** Escalations are also posted here; empty: the thread only. */
  escalationChannel: string;
}

export interface GitHubIssueSettings {
  minSeverity: Severity;
  dailyCap: number;
}

export interface WebhookSettings {
  /** A secret. */
  url: string;
  /** A secret; may be empty (then the delivery is unsigned and a warning says so). */
  secret: string;
  /** How long a delivery waits for the answer. */
  timeoutSeconds: number;
}

export interface LlmSettings {
  /** `never` when no API key was given with `auto`. */
  mode: LlmMode;
  /** Registered as a secret as soon as it is read; may be empty. */
  apiKey: string;
  /** `anthropic-base-url`: the only place the key is sent (the environment's ANTHROPIC_BASE_URL is not read). */
  baseUrl: string;
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

const severity = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => (SEVERITIES as readonly string[]).includes(v), {
    message: `one of ${SEVERITIES.join(', ')} expected`,
  })
  .transform((v) => v as Severity);

/** `key=value` pairs separated by commas or newlines (`key: value` too), keys kept as written. */
const pairs = z.string().transform((v, ctx) => {
  const out: Record<string, string> = {};
  for (const part of v.split(/[,\n]/)) {
    const p = part.trim();
    if (p === '') continue;
    const m = /^([^=:\s]+)\s*[=:]\s*(\S(?:.*\S)?)$/.exec(p);
    if (!m) {
      ctx.addIssue({
        code: 'custom',
        message: `key=value pairs expected, separated by commas or newlines; not ${JSON.stringify(p)}`,
      });
      return z.NEVER;
    }
    out[m[1] ?? ''] = m[2] ?? '';
  }
  return out;
});

const channel = z
  .string()
  .trim()
  .refine((v) => v === '' || /^(#?[\w.-]{1,80}|[CGD][A-Z0-9]{6,})$/.test(v), {
    message: 'a channel ID (C0123456789) or name (#ci-alerts) expected',
  });

const InputsSchema = z.object({
  'github-token': z.string().trim(),
  'github-token-login': z
    .string()
    .trim()
    .refine((v) => v === '' || /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/.test(v), {
      message: 'a GitHub login such as my-app[bot] expected',
    }),
  'log-path': optionalPath,
  'rules-file': optionalPath,
  baseline: bool,
  concurrency: int(1, 16),
  'log-wait-seconds': int(0, 120),
  'log-idle-timeout-seconds': int(1, 600),
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
  'anthropic-base-url': z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(v), {
      message: 'an http(s) URL without query or fragment expected, e.g. https://api.anthropic.com',
    })
    .transform((v) => v.replace(/\/+$/, '')),
  llm: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => (LLM_MODES as readonly string[]).includes(v), {
      message: 'auto, always or never expected',
    })
    .transform((v) => v as LlmMode),
  model: z
    .string()
    .trim()
    .refine((v) => /^[A-Za-z0-9][\w.:@-]{0,99}$/.test(v), {
      message: 'a model id such as claude-sonnet-5-5 expected',
    }),
  'llm-max-input-tokens': int(500, 200_000),
  'llm-timeout-seconds': int(5, 600),
  'llm-prices': z.string().trim(),
  'dry-run': bool,
  enabled: bool,
  'max-failures-per-run': int(1, 1000),
  'pr-comment': bool,
  'jira-url': z
    .string()
    .trim()
    .refine((v) => v === '' || /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(v), {
      message: 'the Jira site URL expected, e.g. https://acme.atlassian.net',
    })
    .transform((v) => v.replace(/\/+$/, '')),
  'jira-api-version': z
    .string()
    .trim()
    .refine((v) => v === '2' || v === '3', { message: '3 (Jira Cloud) or 2 (Server / Data Center) expected' })
    .transform((v): 2 | 3 => (v === '2' ? 2 : 3)),
  'jira-email': z.string().trim(),
  'jira-api-token': z.string().trim(),
  'jira-project': z
    .string()
    .trim()
    .refine((v) => v === '' || /^[A-Za-z][A-Za-z0-9_]{0,254}$/.test(v), {
      message: 'a project key such as CI expected',
    }),
  'jira-issue-type': z
    .string()
    .trim()
    .refine((v) => v !== '' && v.length <= 255 && !/[\r\n]/.test(v), {
      message: 'an issue type name such as Bug expected',
    }),
  'jira-min-severity': severity,
  'jira-priorities': pairs,
  'jira-fields': z.string().trim(),
  'jira-daily-cap': int(0, 1000),
  'slack-bot-token': z.string().trim(),
  'slack-webhook-url': z
    .string()
    .trim()
    .refine(
      (v) => v === '' || /^https:\/\/\S+$/i.test(v) || /^http:\/\/(127\.0\.0\.1|localhost)[:/]\S*$/i.test(v),
      {
        message: 'an https:// incoming webhook URL expected',
      },
    ),
  'slack-channel': channel,
  'slack-channel-by-severity': pairs,
  'slack-users': pairs,
  'slack-min-severity': severity,
  'slack-daily-cap': int(0, 1000),
  'slack-api-url': z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/\S+$/i.test(v), { message: 'an http(s) URL expected' })
    .transform((v) => (v.endsWith('/') ? v : `${v}/`)),
  'github-issues': bool,
  'github-issue-min-severity': severity,
  'github-issue-daily-cap': int(0, 1000),
  'webhook-url': z
    .string()
    .trim()
    .refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), { message: 'an http(s) URL expected' }),
  'webhook-secret': z.string().trim(),
  'webhook-timeout-seconds': int(1, 120),
  history: bool,
  'history-days': int(1, 90),
  'escalation-threshold': int(2, 100),
  'slack-escalation-channel': channel,
  rerun: bool,
  'max-attempts': int(2, 10),
  'rerun-daily-cap': int(0, 100),
  'rerun-branches': globs,
});

/** Inputs whose values are secrets: registered with the runner as soon as they are read, never echoed. */
export const SECRET_INPUTS = [
  'github-token',
  'anthropic-api-key',
  'jira-api-token',
  'slack-bot-token',
  'slack-webhook-url',
  'webhook-url',
  'webhook-secret',
] as const satisfies readonly InputName[];

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
  for (const name of SECRET_INPUTS) {
    const v = raw[name].trim();
    if (v !== '') deps.core.setSecret(v);
  }

  const parsed = InputsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const input = (issue?.path[0] ?? 'log-path') as InputName;
    const given = (SECRET_INPUTS as readonly string[]).includes(input)
      ? '(hidden)'
      : JSON.stringify(raw[input]);
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
    throw new InputError(
      'anthropic-api-key',
      'empty, but llm is "always": give the key (e.g. ${{ secrets.ANTHROPIC_API_KEY }}) or set llm to auto or never.',
    );

  const publish = publishSettings(inputs);

  return {
    ...(logPath !== undefined ? { logPath } : {}),
    ...(rulesFile !== undefined ? { rulesFile } : {}),
    userRules,
    githubToken: token,
    baseline: inputs.baseline,
    concurrency: inputs.concurrency,
    logWaitSeconds: inputs['log-wait-seconds'],
    logIdleTimeoutSeconds: inputs['log-idle-timeout-seconds'],
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
      baseUrl: inputs['anthropic-base-url'],
      model: inputs.model,
      maxInputTokens: inputs['llm-max-input-tokens'],
      timeoutSeconds: inputs['llm-timeout-seconds'],
      prices,
    },
    publish,
    history: {
      enabled: inputs.history,
      windowDays: inputs['history-days'],
      threshold: inputs['escalation-threshold'],
      rerun: {
        enabled: inputs.rerun,
        maxAttempts: inputs['max-attempts'],
        dailyCap: inputs['rerun-daily-cap'],
        branches: inputs['rerun-branches'].length ? inputs['rerun-branches'] : ['*'],
      },
    },
  };
}

type Inputs = z.infer<typeof InputsSchema>;

function publishSettings(inputs: Inputs): PublishSettings {
  const out: PublishSettings = {
    dryRun: inputs['dry-run'],
    enabled: inputs.enabled,
    maxFailuresPerRun: inputs['max-failures-per-run'],
    githubTokenLogin: inputs['github-token-login'],
    prComment: inputs['pr-comment'],
  };

  if (inputs['jira-url'] !== '') {
    const version = inputs['jira-api-version'];
    if (inputs['jira-api-token'] === '')
      throw new InputError(
        'jira-api-token',
        'empty, but jira-url is set: give the token, e.g. ${{ secrets.JIRA_API_TOKEN }}.',
      );
    if (version === 3 && inputs['jira-email'] === '')
      throw new InputError(
        'jira-email',
        'empty, but jira-url is set: Jira Cloud authenticates with the account email and an API token.',
      );
    if (inputs['jira-project'] === '')
      throw new InputError(
        'jira-project',
        'empty, but jira-url is set: give the key of the project tickets go to (e.g. CI).',
      );
    const priorities: Record<Severity, string> = {
      critical: 'Highest',
      high: 'High',
      medium: 'Medium',
      low: 'Low',
    };
    for (const [k, v] of Object.entries(inputs['jira-priorities'])) {
      const key = k.toLowerCase();
      if (!(SEVERITIES as readonly string[]).includes(key))
        throw new InputError(
          'jira-priorities',
          `${JSON.stringify(k)} is not a severity: ${SEVERITIES.join(', ')} expected.`,
        );
      priorities[key as Severity] = v;
    }
    let fields: Record<string, unknown> = {};
    if (inputs['jira-fields'] !== '') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(inputs['jira-fields']);
      } catch (e) {
        throw new InputError('jira-fields', `not JSON: ${(e as Error).message}`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new InputError('jira-fields', 'a JSON object of field name → value expected.');
      fields = parsed as Record<string, unknown>;
    }
    out.jira = {
      baseUrl: inputs['jira-url'],
      apiVersion: version,
      email: inputs['jira-email'],
      apiToken: inputs['jira-api-token'],
      project: inputs['jira-project'].toUpperCase(),
      issueType: inputs['jira-issue-type'],
      minSeverity: inputs['jira-min-severity'],
      priorities,
      fields,
      dailyCap: inputs['jira-daily-cap'],
    };
  }

  const botToken = inputs['slack-bot-token'];
  const webhookUrl = inputs['slack-webhook-url'];
  if (botToken !== '' || webhookUrl !== '') {
    if (botToken !== '' && !/^xox[bp]-/.test(botToken))
      throw new InputError('slack-bot-token', '(hidden): a bot token starting with xoxb- expected.');
    const bySeverity: Partial<Record<Severity, string>> = {};
    for (const [k, v] of Object.entries(inputs['slack-channel-by-severity'])) {
      const key = k.toLowerCase();
      if (!(SEVERITIES as readonly string[]).includes(key))
        throw new InputError(
          'slack-channel-by-severity',
          `${JSON.stringify(k)} is not a severity: ${SEVERITIES.join(', ')} expected.`,
        );
      if (!channel.safeParse(v).success)
        throw new InputError(
          'slack-channel-by-severity',
          `${JSON.stringify(v)}: a channel ID (C0123456789) or name (#ci-alerts) expected.`,
        );
      bySeverity[key as Severity] = v;
    }
    if (botToken !== '' && inputs['slack-channel'] === '' && SEVERITIES.some((sv) => !bySeverity[sv]))
      throw new InputError(
        'slack-channel',
        'empty, but slack-bot-token is set: give the channel messages go to (e.g. #ci-alerts).',
      );
    const users: Record<string, string> = {};
    for (const [login, id] of Object.entries(inputs['slack-users'])) {
      if (!/^[UW][A-Z0-9]{2,}$/.test(id))
        throw new InputError(
          'slack-users',
          `${JSON.stringify(id)} for ${JSON.stringify(login)}: a Slack member ID such as U0123ABCD expected.`,
        );
      users[login.replace(/^@/, '').toLowerCase()] = id;
    }
    out.slack = {
      botToken,
      webhookUrl: botToken !== '' ? '' : webhookUrl,
      channel: inputs['slack-channel'],
      channelBySeverity: bySeverity,
      users,
      minSeverity: inputs['slack-min-severity'],
      dailyCap: inputs['slack-daily-cap'],
      apiUrl: inputs['slack-api-url'],
      escalationChannel: inputs['slack-escalation-channel'],
    };
  }

  if (inputs['github-issues'])
    out.githubIssues = {
      minSeverity: inputs['github-issue-min-severity'],
      dailyCap: inputs['github-issue-daily-cap'],
    };

  if (inputs['webhook-url'] !== '')
    out.webhook = {
      url: inputs['webhook-url'],
      secret: inputs['webhook-secret'],
      timeoutSeconds: inputs['webhook-timeout-seconds'],
    };
  return out;
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
