/**
 * Runs the committed bundle `dist/index.js` as a child process, the way the runner runs a `node24` action:
 * every input as `INPUT_<NAME>` (upper case, spaces as `_`, dashes kept: `INPUT_GITHUB-TOKEN`), inputs left
 * out given their action.yml default (`${{ github.token }}` → the token), the `GITHUB_*` / `RUNNER_*`
 * variables of a job, the event payload in a file at `GITHUB_EVENT_PATH`, and the file commands
 * (`GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`, `GITHUB_ENV`, `GITHUB_STATE`, `GITHUB_PATH`) as temp files. No
 * `ACTIONS_RUNTIME_TOKEN`, so the report artifact stays on disk (in `RUNNER_TEMP`).
 *
 * The environment is built from scratch (not inherited), so a test run inside a real workflow does not leak
 * the host job's variables into the action.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ACTION_BUNDLE = join(ROOT, 'dist/index.js');
export const CLI_BUNDLE = join(ROOT, 'dist/cli.js');

/** Node 24, as the runner uses for `runs.using: node24`: vitest's own when it is 24+, else the `node` package's. */
export function node24(): string {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 24) return process.execPath;
  const local = join(ROOT, 'node_modules/.bin/node');
  return existsSync(local) ? local : process.execPath;
}

/**
 * A copy of dist/ taken once the bundles are there and stable, so that a rebuild by someone else during the
 * tests (scripts/build.mjs empties dist/ first) cannot pull the files away mid-run. Same bytes, same layout.
 */
export async function snapshotDist(
  timeoutMs = 120_000,
): Promise<{ dir: string; action: string; cli: string }> {
  const deadline = Date.now() + timeoutMs;
  const sizes = async () => {
    try {
      const [a, c] = await Promise.all([stat(ACTION_BUNDLE), stat(CLI_BUNDLE)]);
      return `${a.size}:${a.mtimeMs}:${c.size}:${c.mtimeMs}`;
    } catch {
      return undefined;
    }
  };
  for (;;) {
    const before = await sizes();
    await new Promise((r) => setTimeout(r, 300));
    if (before !== undefined && before === (await sizes())) break;
    if (Date.now() > deadline)
      throw new Error('dist/index.js and dist/cli.js are missing: run npm run package');
  }
  const dir = await mkdtemp(join(tmpdir(), 'ci-triage-dist-'));
  await cp(dirname(ACTION_BUNDLE), dir, { recursive: true });
  return { dir, action: join(dir, 'index.js'), cli: join(dir, 'cli.js') };
}

export interface RunActionOptions {
  /** The fake GitHub API (`GITHUB_API_URL`). */
  apiUrl: string;
  /** The bundle to run (default dist/index.js; see `snapshotDist`). */
  bundle?: string;
  /** Inputs as written under `with:`; the others get their action.yml defaults. */
  inputs?: Record<string, string>;
  /** The job token that `${{ github.token }}` stands for. */
  token?: string;
  /** `GITHUB_EVENT_NAME` (default push). */
  event?: string;
  /** The event payload written to `GITHUB_EVENT_PATH` (default: a minimal one for the event). */
  payload?: unknown;
  repository?: string;
  runId?: number;
  runAttempt?: number;
  /** `GITHUB_JOB`: the job's key in the workflow. */
  job?: string;
  runnerName?: string;
  /** `GITHUB_REF`, e.g. refs/heads/main or refs/pull/7/merge. */
  ref?: string;
  headRef?: string;
  baseRef?: string;
  sha?: string;
  /** Extra or overriding variables; `undefined` removes one. */
  env?: Record<string, string | undefined>;
  /** Kill the action after this long (default 60 s). */
  timeoutMs?: number;
  /**
   * Report the child's peak RSS (`peakRssKiB`): the bundle is loaded through a two-line wrapper that prints
   * `process.resourceUsage().maxRSS` to stderr at exit (for benchmarks).
   */
  measureRss?: boolean;
}

/** A workflow command the action printed: `::name k=v,…::message`, unescaped. */
export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** `GITHUB_OUTPUT`, parsed (`name<<ghadelimiter_…` heredocs and `name=value` lines). */
  outputs: Record<string, string>;
  /** What was appended to `GITHUB_STEP_SUMMARY`. */
  summary: string;
  commands: WorkflowCommand[];
  /** Files written under `RUNNER_TEMP` (the report directory), by path relative to it. */
  files: Record<string, string>;
  runnerTemp: string;
  workspace: string;
  /** Wall time from spawn to exit, ms. */
  wallMs: number;
  /** When the child was spawned, in ms since the epoch (`performance.timeOrigin + performance.now()`), to
   * compare with the fake's `RecordedRequest.at`. */
  spawnedAt: number;
  /** Peak resident set size of the child in KiB, with `measureRss`. */
  peakRssKiB?: number;
  /** Removes the temp directories. */
  cleanup(): Promise<void>;
}

interface ActionYml {
  inputs?: Record<string, { default?: unknown; required?: boolean }>;
}

let actionYml: Promise<ActionYml> | undefined;

/** action.yml's inputs and their defaults. */
export async function actionInputDefaults(): Promise<Record<string, string>> {
  actionYml ??= readFile(join(ROOT, 'action.yml'), 'utf8').then((t) => parse(t) as ActionYml);
  const yml = await actionYml;
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(yml.inputs ?? {})) out[name] = scalar(spec.default);
  return out;
}

/** A YAML default as the runner passes it: scalars as text, an absent default as empty. */
function scalar(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Error(`action.yml: an input default that is not a scalar: ${JSON.stringify(v)}`);
}

/** The variable the runner sets for an input (`@actions/core`'s getInput reads the same). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Expands the only expression the defaults use. */
function expand(value: string, token: string): string {
  return value.replace(/\$\{\{\s*github\.token\s*\}\}/g, token);
}

export const DEFAULT_TOKEN = 'ghs_e2eTestJobToken0123456789abcdefABCDEF';

export async function runAction(o: RunActionOptions): Promise<ActionResult> {
  const tmp = await mkdtemp(join(tmpdir(), 'ci-triage-e2e-'));
  const runnerTemp = join(tmp, 'runner-temp');
  const workspace = join(tmp, 'workspace');
  const fileCmds = join(tmp, 'file-commands');
  await Promise.all([runnerTemp, workspace, fileCmds].map((d) => mkdir(d, { recursive: true })));

  const token = o.token ?? DEFAULT_TOKEN;
  const repository = o.repository ?? 'acme/widgets';
  const event = o.event ?? 'push';
  const runId = o.runId ?? 1;
  const ref = o.ref ?? 'refs/heads/main';
  const refName = ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\//, '');
  const sha = o.sha ?? '0123456789abcdef0123456789abcdef01234567';

  const eventPath = join(tmp, 'event.json');
  await writeFile(eventPath, JSON.stringify(o.payload ?? defaultPayload(event, repository, ref, sha)));
  const paths = {
    GITHUB_OUTPUT: join(fileCmds, 'set_output'),
    GITHUB_STEP_SUMMARY: join(fileCmds, 'step_summary'),
    GITHUB_ENV: join(fileCmds, 'set_env'),
    GITHUB_STATE: join(fileCmds, 'save_state'),
    GITHUB_PATH: join(fileCmds, 'add_path'),
  };
  // The runner creates these files (empty) before the step starts.
  await Promise.all(Object.values(paths).map((p) => writeFile(p, '')));

  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0],
    GITHUB_RUN_ID: String(runId),
    GITHUB_RUN_ATTEMPT: String(o.runAttempt ?? 1),
    GITHUB_RUN_NUMBER: '42',
    GITHUB_JOB: o.job ?? 'triage',
    GITHUB_ACTION: '__run',
    GITHUB_ACTION_PATH: ROOT,
    GITHUB_ACTOR: 'octocat',
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_WORKFLOW_REF: `${repository}/.github/workflows/ci.yml@${ref}`,
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: refName,
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_HEAD_REF: o.headRef ?? '',
    GITHUB_BASE_REF: o.baseRef ?? '',
    GITHUB_SHA: sha,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: o.apiUrl,
    GITHUB_GRAPHQL_URL: `${o.apiUrl}/graphql`,
    GITHUB_WORKSPACE: workspace,
    GITHUB_RETENTION_DAYS: '90',
    RUNNER_NAME: o.runnerName ?? 'GitHub Actions 7',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: join(tmp, 'toolcache'),
    ...paths,
  };
  const defaults = await actionInputDefaults();
  for (const [name, value] of Object.entries({ ...defaults, ...o.inputs }))
    env[inputVariable(name)] = expand(value, token);
  for (const [k, v] of Object.entries(o.env ?? {})) env[k] = v;
  const childEnv = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined),
  );

  const bundlePath = o.bundle ?? ACTION_BUNDLE;
  let args = [bundlePath];
  if (o.measureRss) {
    const wrapper = join(tmp, 'rss-wrapper.mjs');
    await writeFile(
      wrapper,
      "process.on('exit', () => process.stderr.write('\\nCI_TRIAGE_MAXRSS ' + process.resourceUsage().maxRSS + '\\n'));\n" +
        `await import(${JSON.stringify(pathToFileURL(bundlePath).href)});\n`,
    );
    args = [wrapper];
  }
  const started = performance.now();
  const spawnedAt = performance.timeOrigin + started;
  const child = spawn(node24(), args, {
    cwd: workspace,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stderr.on('data', (d: Buffer) => err.push(d));
  const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 60_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((res, rej) => {
    child.on('error', rej);
    child.on('close', (c, s) => res([c, s]));
  });
  clearTimeout(timer);
  const wallMs = performance.now() - started;
  const stdout = Buffer.concat(out).toString('utf8');
  let stderr = Buffer.concat(err).toString('utf8');
  let peakRssKiB: number | undefined;
  const rss = /\n?CI_TRIAGE_MAXRSS (\d+)\n$/.exec(stderr);
  if (rss) {
    peakRssKiB = Number(rss[1]);
    stderr = stderr.slice(0, rss.index);
  }

  return {
    code,
    signal,
    stdout,
    stderr,
    spawnedAt,
    ...(peakRssKiB !== undefined ? { peakRssKiB } : {}),
    outputs: parseOutputFile(await readFile(paths.GITHUB_OUTPUT, 'utf8')),
    summary: await readFile(paths.GITHUB_STEP_SUMMARY, 'utf8'),
    commands: parseCommands(stdout),
    files: await readTree(runnerTemp),
    runnerTemp,
    workspace,
    wallMs,
    cleanup: () => rm(tmp, { recursive: true, force: true }),
  };
}

function defaultPayload(event: string, repository: string, ref: string, sha: string): unknown {
  const [owner = '', name = ''] = repository.split('/');
  return {
    ...(event === 'push' ? { ref, after: sha, before: '0'.repeat(40) } : {}),
    repository: {
      full_name: repository,
      name,
      owner: { login: owner },
      default_branch: 'main',
    },
    sender: { login: 'octocat' },
  };
}

/** `GITHUB_OUTPUT`'s format: `name<<DELIM\nvalue\nDELIM` blocks (what the toolkit writes), or `name=value`. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      if (i >= lines.length) throw new Error(`GITHUB_OUTPUT: no closing delimiter for "${name}"`);
      out[name] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
    else if (line.trim() !== '') throw new Error(`GITHUB_OUTPUT: unexpected line ${JSON.stringify(line)}`);
  }
  return out;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) =>
  s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');

/** The workflow commands in stdout (`::error file=a.ts,line=3::message`, `::warning::…`, `::group::…`, …). */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::([A-Za-z][\w-]*)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const part of (m[2] ?? '').split(',')) {
      const eq = part.indexOf('=');
      if (eq > 0) properties[part.slice(0, eq)] = unescapeProperty(part.slice(eq + 1));
    }
    commands.push({ command: m[1] ?? '', properties, message: unescapeData(m[3] ?? '') });
  }
  return commands;
}

async function readTree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    files[relative(dir, path)] = await readFile(path, 'utf8');
  }
  return files;
}
