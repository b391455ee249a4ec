/**
 * The command line: `ci-triage analyze [--json] [--baseline-log PASSING_LOG] [--rules FILE]
 * [--branch B --default-branch D --job J] LOG...`. Exit codes: 0 all logs analysed; 2 a file could not be
 * read or the arguments are wrong (the other files are still analysed).
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Analyzer, type LlmMode, wantsModel } from '../analyze/analyzer.js';
import type { Rule } from '../classify/rules.js';
import { parseUserRules, RulesFileError } from '../classify/user-rules.js';
import type { BaselineIndex } from '../logs/extract.js';
import { READ_CHUNK } from '../logs/lines.js';
import type { Explanation } from '../analyze/analyzer.js';
import { analyzeLog, buildBaseline, type Finding } from '../pipeline/analyze-log.js';
import { COLOR, PLAIN, renderFinding } from '../report/terminal.js';
import type { RunContext } from '../types.js';
import { VERSION } from '../version.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTty: boolean;
  env: Record<string, string | undefined>;
  stdin?: AsyncIterable<Uint8Array>;
}

const USAGE = `Usage: ci-triage <command> [options]

Commands:
  analyze [options] LOG...   Find why a CI log failed: type, severity, fingerprint and the lines that say why.
                             LOG may be - for standard input.
  run [options] RUN_URL      Collect a workflow run's failed jobs from the GitHub API and analyse their logs
                             (https://github.com/OWNER/REPO/actions/runs/ID[/attempts/N]). The token comes from
                             GITHUB_TOKEN (or GH_TOKEN); the API from GITHUB_API_URL, else from the URL's host.
  history [options] OWNER/REPO
                             The trends of the history the action keeps (workflow artifacts): failure types,
                             top failures, failure rate per workflow, time to green. Token and API as for run.

Options for analyze:
  --json                     One JSON object per log, one per line.
  --baseline-log FILE        The last passing log of the same job: lines also there rank lower.
  --rules FILE               A YAML rules file extending the built-in rules.
  --branch NAME              Branch of the run (for severity).
  --default-branch NAME      The repository's default branch (for severity).
  --job NAME                 Job name (for severity: deploy/release jobs).
  --event NAME               Event that triggered the run.
  --max-excerpts N           Excerpts per log (default 8).
  --color / --no-color       Force or disable colours (default: on for a terminal, off with NO_COLOR).
  -h, --help                 This help.
  -v, --version              The version.

Claude (analyze and run): the key comes from ANTHROPIC_API_KEY, the API from ANTHROPIC_BASE_URL.
  --llm                      Ask Claude to explain every failure (grounded in the log lines it cites).
  --llm-auto                 Ask only when the rules are not confident (type unknown or confidence < 0.6).
  --model ID                 The Claude model (default claude-sonnet-5-5).
  --llm-max-input-tokens N   Hard budget of one request (default 8000).
  --llm-timeout SECONDS      Time per failure, retries included (default 60).
  --llm-dry-run              analyze only: build the prompts without calling anything; with --json, print
                             whether Claude would be called and the prompt's size.

Options for run:
  --json                     The report (report.json's schema) instead of the terminal summary.
  --no-baseline              Do not compare with the last passing run of each job.
  --rules FILE               A YAML rules file extending the built-in rules.
  --concurrency N            Logs downloaded and analysed at once (default 4).
  --max-jobs N               Failed jobs analysed at most (default 200).

Options for history:
  --days N                   The window in days (default 30, at most 90).
  --json                     The trends as one JSON object.

Exit codes: 0 analysed; 1 the run could not be read (permission, not found, network); 2 a file could not be
read or the arguments are wrong.`;

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    io.stdout(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command === '-v' || command === '--version') {
    io.stdout(`ci-triage ${VERSION}\n`);
    return 0;
  }
  if (command === 'analyze') return analyzeCommand(rest, io);
  if (command === 'run') return runCommand(rest, io);
  if (command === 'history') return historyCmd(rest, io);
  io.stderr(`ci-triage: unknown command "${command}". Run "ci-triage --help" for the commands.\n`);
  return 2;
}

async function analyzeCommand(argv: string[], io: Io): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'baseline-log': { type: 'string' },
        rules: { type: 'string' },
        branch: { type: 'string' },
        'default-branch': { type: 'string' },
        job: { type: 'string' },
        event: { type: 'string' },
        'max-excerpts': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...LLM_OPTIONS,
      },
    });
  } catch (e) {
    io.stderr(`ci-triage analyze: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const o = args.values;
  if (o.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (args.positionals.length === 0) {
    io.stderr('ci-triage analyze: no LOG given. Usage: ci-triage analyze [--json] LOG...\n');
    return 2;
  }
  let maxExcerpts: number | undefined;
  if (o['max-excerpts'] !== undefined) {
    maxExcerpts = Number(o['max-excerpts']);
    if (!Number.isInteger(maxExcerpts) || maxExcerpts < 1 || maxExcerpts > 100) {
      io.stderr(
        `ci-triage analyze: --max-excerpts "${o['max-excerpts']}" is not a whole number from 1 to 100\n`,
      );
      return 2;
    }
  }

  const userRules = await loadRules(o.rules, 'analyze', io);
  if (userRules === undefined) return 2;

  const llm = await llmSetup(o, io, 'analyze');
  if (typeof llm === 'number') return llm;

  let exit = 0;
  let baseline: BaselineIndex | undefined;
  if (o['baseline-log'] !== undefined) {
    try {
      baseline = await buildBaseline(createReadStream(o['baseline-log'], { highWaterMark: READ_CHUNK }));
    } catch (e) {
      io.stderr(
        `ci-triage analyze: --baseline-log ${o['baseline-log']}: ${errorText(e)}; analysing without a baseline\n`,
      );
      exit = 2;
    }
  }

  const context: RunContext = {
    ...(o.branch !== undefined ? { branch: o.branch } : {}),
    ...(o['default-branch'] !== undefined ? { defaultBranch: o['default-branch'] } : {}),
    ...(o.job !== undefined ? { job: o.job } : {}),
    ...(o.event !== undefined ? { event: o.event } : {}),
  };
  const useColor = o['no-color'] ? false : (o.color ?? (io.isTty && !io.env.NO_COLOR));
  const style = useColor ? COLOR : PLAIN;

  let first = true;
  for (const file of args.positionals) {
    let finding: Finding;
    try {
      const source =
        file === '-' ? (io.stdin ?? emptySource()) : createReadStream(file, { highWaterMark: READ_CHUNK });
      finding = await analyzeLog(source, {
        userRules,
        ...(baseline ? { baseline } : {}),
        context,
        ...(maxExcerpts ? { maxExcerpts } : {}),
      });
    } catch (e) {
      exit = 2;
      io.stderr(`ci-triage analyze: ${file}: ${errorText(e)}\n`);
      if (o.json) io.stdout(JSON.stringify({ file, error: errorText(e) }) + '\n');
      continue;
    }
    const extra = llm ? await explainLocal(llm, file, finding) : {};
    if (o.json) {
      io.stdout(JSON.stringify({ file, ...finding, ...extra }) + '\n');
    } else {
      let text = renderFinding(file, finding, style);
      if (extra.explanation)
        text +=
          '\n' +
          (await import('../report/terminal.js')).renderExplanation(extra.explanation, style, llm?.secrets);
      else if (extra.explanationNote) text += '\n' + style.dim(`  claude: ${extra.explanationNote}`);
      io.stdout((first ? '' : '\n') + text + '\n');
      first = false;
    }
  }
  return exit;
}

/** `https://github.com/o/r/actions/runs/123[/attempts/2][/job/456]` → the run and the API base URL. */
export function parseRunUrl(
  url: string,
  apiUrl?: string,
): { ref: { owner: string; repo: string; runId: number; attempt?: number }; apiUrl: string } | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const m =
    /^\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)(?:\/attempts\/(\d+))?(?:\/(?:job|jobs)\/\d+)?\/?$/.exec(
      u.pathname,
    );
  if (!m || (u.protocol !== 'https:' && u.protocol !== 'http:')) return undefined;
  const [, owner, repo, id, attempt] = m;
  const api =
    apiUrl ?? (u.hostname === 'github.com' ? 'https://api.github.com' : `${u.protocol}//${u.host}/api/v3`);
  return {
    ref: { owner: owner!, repo: repo!, runId: Number(id), ...(attempt ? { attempt: Number(attempt) } : {}) },
    apiUrl: api,
  };
}

async function runCommand(argv: string[], io: Io): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'no-baseline': { type: 'boolean', default: false },
        rules: { type: 'string' },
        concurrency: { type: 'string', default: '4' },
        'max-jobs': { type: 'string', default: '200' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...LLM_OPTIONS,
      },
    });
  } catch (e) {
    io.stderr(`ci-triage run: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const o = args.values;
  if (o.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  const [url, ...extra] = args.positionals;
  if (!url || extra.length) {
    io.stderr('ci-triage run: give one run URL, e.g. https://github.com/OWNER/REPO/actions/runs/123456\n');
    return 2;
  }
  const target = parseRunUrl(url, io.env.GITHUB_API_URL);
  if (!target) {
    io.stderr(
      `ci-triage run: "${url}" is not a run URL (https://github.com/OWNER/REPO/actions/runs/ID[/attempts/N])\n`,
    );
    return 2;
  }
  const concurrency = Number(o.concurrency);
  const maxJobs = Number(o['max-jobs']);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) {
    io.stderr(`ci-triage run: --concurrency "${o.concurrency}" is not a whole number from 1 to 16\n`);
    return 2;
  }
  if (!Number.isInteger(maxJobs) || maxJobs < 1 || maxJobs > 1000) {
    io.stderr(`ci-triage run: --max-jobs "${o['max-jobs']}" is not a whole number from 1 to 1000\n`);
    return 2;
  }
  const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN ?? '';
  if (token === '') {
    io.stderr(
      "ci-triage run: set GITHUB_TOKEN (or GH_TOKEN) to a token that can read the repository's Actions runs\n",
    );
    return 2;
  }
  const userRules = await loadRules(o.rules, 'run', io);
  if (userRules === undefined) return 2;
  if (o['llm-dry-run']) {
    io.stderr('ci-triage run: --llm-dry-run is for analyze only\n');
    return 2;
  }
  const llm = await llmSetup(o, io, 'run');
  if (typeof llm === 'number') return llm;
  const { runRemote } = await import('./run-remote.js');
  const useColor = o['no-color'] ? false : (o.color ?? (io.isTty && !io.env.NO_COLOR));
  return runRemote(io, {
    ref: target.ref,
    apiUrl: target.apiUrl,
    token,
    userRules,
    baseline: !o['no-baseline'],
    concurrency,
    maxJobs,
    json: o.json,
    style: useColor ? COLOR : PLAIN,
    ...(llm?.analyzer ? { llm: { analyzer: llm.analyzer, mode: llm.mode }, secrets: llm.secrets } : {}),
  });
}

const LLM_OPTIONS = {
  llm: { type: 'boolean' },
  'llm-auto': { type: 'boolean' },
  'llm-dry-run': { type: 'boolean' },
  model: { type: 'string' },
  'llm-max-input-tokens': { type: 'string' },
  'llm-timeout': { type: 'string' },
} as const;

interface LlmCli {
  mode: LlmMode;
  analyzer?: Analyzer;
  dryRun: boolean;
  maxInputTokens: number;
  secrets: string[];
}

/** The Claude options of a command: undefined without --llm/--llm-auto, an exit code on a bad option. */
async function llmSetup(
  o: {
    llm?: boolean;
    'llm-auto'?: boolean;
    'llm-dry-run'?: boolean;
    model?: string;
    'llm-max-input-tokens'?: string;
    'llm-timeout'?: string;
  },
  io: Io,
  command: string,
): Promise<LlmCli | undefined | number> {
  if (!o.llm && !o['llm-auto'] && !o['llm-dry-run']) return undefined;
  const mode: LlmMode = o.llm ? 'always' : 'auto';
  const maxInputTokens = Number(o['llm-max-input-tokens'] ?? 8000);
  const timeout = Number(o['llm-timeout'] ?? 60);
  if (!Number.isInteger(maxInputTokens) || maxInputTokens < 500 || maxInputTokens > 200_000) {
    io.stderr(
      `ci-triage ${command}: --llm-max-input-tokens "${o['llm-max-input-tokens']}" is not a whole number from 500 to 200000\n`,
    );
    return 2;
  }
  if (!Number.isFinite(timeout) || timeout < 1 || timeout > 600) {
    io.stderr(
      `ci-triage ${command}: --llm-timeout "${o['llm-timeout']}" is not a number of seconds from 1 to 600\n`,
    );
    return 2;
  }
  const { createClaudeAnalyzer, DEFAULT_MODEL } = await import('../analyze/claude.js');
  const model = o.model ?? DEFAULT_MODEL;
  if (o['llm-dry-run']) return { mode, dryRun: true, maxInputTokens, secrets: [] };
  const apiKey = io.env.ANTHROPIC_API_KEY ?? '';
  if (apiKey === '') {
    io.stderr(`ci-triage ${command}: set ANTHROPIC_API_KEY to use --llm\n`);
    return 2;
  }
  const baseURL = io.env.ANTHROPIC_BASE_URL;
  const secrets = [apiKey, io.env.GITHUB_TOKEN ?? '', io.env.GH_TOKEN ?? ''].filter((x) => x !== '');
  return {
    mode,
    dryRun: false,
    maxInputTokens,
    secrets,
    analyzer: createClaudeAnalyzer({
      apiKey,
      ...(baseURL ? { baseURL } : {}),
      model,
      maxInputTokens,
      timeoutMs: timeout * 1000,
      secrets,
    }),
  };
}

/** Claude on one local log (analyze): the explanation, why there is none, or (dry run) the prompt's size. */
async function explainLocal(
  llm: LlmCli,
  file: string,
  finding: Finding,
): Promise<{ explanation?: Explanation; explanationNote?: string; llm?: Record<string, unknown> }> {
  const want = wantsModel(llm.mode, finding);
  const input = { jobName: file, finding, changedFiles: [], affectedFiles: [] };
  if (llm.dryRun) {
    if (!want.call) return { llm: { wouldCall: false, reason: want.reason } };
    const { buildPrompt, PromptBudgetError } = await import('../analyze/prompt.js');
    try {
      const p = buildPrompt(input, { maxInputTokens: llm.maxInputTokens });
      return {
        llm: {
          wouldCall: true,
          reason: want.reason,
          promptTokens: p.tokens,
          promptChars: p.chars,
          truncated: p.truncated,
        },
      };
    } catch (e) {
      if (e instanceof PromptBudgetError)
        return { llm: { wouldCall: true, reason: want.reason, error: e.message } };
      throw e;
    }
  }
  if (!want.call || !llm.analyzer) return { explanationNote: `not explained by the model: ${want.reason}` };
  const r = await llm.analyzer.analyze(input);
  return r.ok
    ? { explanation: r.explanation }
    : { explanationNote: `the deterministic result stands: ${r.reason}` };
}

/** The `--rules` file's rules (none without the option); undefined, with the reason said, when it is unusable. */
async function loadRules(path: string | undefined, command: string, io: Io): Promise<Rule[] | undefined> {
  if (path === undefined) return [];
  try {
    return parseUserRules(await readFile(path, 'utf8'), path);
  } catch (e) {
    const msg =
      e instanceof RulesFileError ? e.message : `${path}: cannot read the rules file: ${errorText(e)}`;
    io.stderr(`ci-triage ${command}: --rules ${msg}\n`);
    return undefined;
  }
}

function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'no such file';
  if (err?.code === 'EISDIR') return 'is a directory, not a log file';
  if (err?.code === 'EACCES') return 'permission denied';
  return err?.message ?? String(e);
}

async function* emptySource(): AsyncIterable<Uint8Array> {}

async function historyCmd(argv: string[], io: Io): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        days: { type: 'string', default: '30' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.stderr(`ci-triage history: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const o = args.values;
  if (o.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  const [slug, ...extra] = args.positionals;
  const m = slug ? /^([\w.-]+)\/([\w.-]+)$/.exec(slug) : null;
  if (!m || extra.length) {
    io.stderr('ci-triage history: give one repository, e.g. acme/widgets\n');
    return 2;
  }
  const days = Number(o.days);
  if (!Number.isInteger(days) || days < 1 || days > 90) {
    io.stderr(`ci-triage history: --days "${o.days}" is not a whole number from 1 to 90\n`);
    return 2;
  }
  const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN ?? '';
  if (token === '') {
    io.stderr(
      "ci-triage history: set GITHUB_TOKEN (or GH_TOKEN) to a token that can read the repository's Actions artifacts\n",
    );
    return 2;
  }
  const { historyCommand } = await import('./history.js');
  const useColor = o['no-color'] ? false : (o.color ?? (io.isTty && !io.env.NO_COLOR));
  return historyCommand(io, {
    owner: m[1] ?? '',
    repo: m[2] ?? '',
    apiUrl: (io.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    token,
    days,
    json: o.json,
    style: useColor ? COLOR : PLAIN,
    tmpDir: join(tmpdir(), `ci-triage-history-${process.pid}`),
  });
}
