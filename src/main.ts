/**
 * The action: settings → collect → analyze → publish. `run()` is the one place that turns an error into a
 * failed step; every client (runner commands, GitHub, file system, job summary, artifact, clock) is built in
 * `defaultDeps()` and passed in, so tests hand in fakes. A sink that fails is a warning and an audit entry,
 * never a reason to skip the others.
 */
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import { type Analyzer, type Explanation, wantsModel } from './analyze/analyzer.js';
import { createClaudeAnalyzer } from './analyze/claude.js';
import { runContextFromEnv } from './collect/context.js';
import { type CollectError, collectError, createGitHubClient, type GitHubClient } from './collect/github.js';
import { createLogSource } from './collect/logs.js';
import type { RunInfo, RunRef, TriggerMode } from './collect/types.js';
import {
  type FileKind,
  InputError,
  type LlmSettings,
  readSettings,
  type Settings,
} from './config/settings.js';
import { analyzeLog, type ByteSource, type Finding } from './pipeline/analyze-log.js';
import { triageRun } from './pipeline/triage-run.js';
import { lazyArtifactClient, type UploadResult, uploadReport, writeReportFiles } from './publish/artifact.js';
import { AuditLog } from './publish/audit.js';
import { type llmOutputs, outputsOfFinding, publishReportOutputs } from './publish/outputs.js';
import { type ArtifactHistoryOptions, createArtifactHistoryStore } from './history/store.js';
import { flagged, readHistory, type HistoryState } from './history/stage.js';
import type { HistoryStore } from './history/types.js';
import { READ_CHUNK } from './logs/lines.js';
import { rerunFailedJobs } from './publish/rerun.js';
import {
  commitAuthorOf,
  configuredSinks,
  type GitHubClients,
  publishToSinks,
  type PublishResult,
  SINK_TITLES,
} from './publish/sinks.js';
import { type JobSummary, renderSummary } from './publish/summary.js';
import { annotationsFor } from './report/annotations.js';
import { renderPublished } from './report/published.js';
import { buildIncompleteReport } from './report/build.js';
import { renderFailureSummary, renderJobSummary, STEP_SUMMARY_LIMIT } from './report/summary.js';
import type { TriageReport } from './report/types.js';
import { VERSION } from './version.js';

/** The runner commands the action uses (a subset of `@actions/core`). */
export type Core = Pick<
  typeof core,
  | 'getInput'
  | 'setSecret'
  | 'setOutput'
  | 'setFailed'
  | 'info'
  | 'debug'
  | 'warning'
  | 'error'
  | 'notice'
  | 'group'
>;

export interface Files {
  kind(path: string): Promise<FileKind>;
  readText(path: string): Promise<string>;
  open(path: string): ByteSource;
}

export interface Deps {
  core: Core;
  files: Files;
  summary: JobSummary;
  env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds, for durations. */
  clock: () => number;
  now: () => Date;
  /**
   * A GitHub client; `writes`: the one the sinks write through, which never retries a request on its own (a
   * sink retries a write only after looking whether it went through, and audits every request).
   */
  github: (token: string, baseUrl: string | undefined, options?: { writes?: boolean }) => GitHubClient;
  upload: typeof uploadReport;
  /** The history store (workflow artifacts); tests hand in another. */
  historyStore: (options: ArtifactHistoryOptions) => HistoryStore;
  /** The LLM stage from the settings (the Anthropic SDK is loaded on the first call only). */
  analyzer: (
    settings: LlmSettings,
    options: { secrets: readonly string[]; debug: (m: string) => void },
  ) => Analyzer;
}

export function defaultDeps(): Deps {
  return {
    core,
    files: {
      kind: async (path) => {
        try {
          const s = await stat(path);
          return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
          throw e;
        }
      },
      readText: (path) => readFile(path, 'utf8'),
      open: (path) => createReadStream(path, { highWaterMark: READ_CHUNK }),
    },
    summary: {
      append: async (markdown) => {
        await core.summary.addRaw(markdown, true).write();
      },
    },
    env: process.env,
    clock: () => performance.now(),
    now: () => new Date(),
    github: (token, baseUrl, options) =>
      createGitHubClient({
        token,
        ...(baseUrl ? { baseUrl } : {}),
        userAgent: `ci-triage/${VERSION}`,
        ...(options?.writes
          ? {
              serverErrorRetries: 0,
              maxRateLimitRetries: 0,
              // A rate limit on a write is the sink's to wait out (and to audit), not a warning of the client's.
              log: { debug: (m: string) => core.debug(m), warn: (m: string) => core.debug(m) },
            }
          : {}),
      }),
    upload: uploadReport,
    historyStore: (o) => createArtifactHistoryStore({ client: lazyArtifactClient(), ...o }),
    analyzer: (s, o) =>
      createClaudeAnalyzer({
        apiKey: s.apiKey,
        // Always explicit: the SDK would otherwise read ANTHROPIC_BASE_URL from the job's environment.
        baseURL: s.baseUrl,
        model: s.model,
        maxInputTokens: s.maxInputTokens,
        timeoutMs: s.timeoutSeconds * 1000,
        prices: s.prices,
        secrets: o.secrets,
        debug: o.debug,
      }),
  };
}

/** Every secret value the action knows, for redaction. */
function secretsOf(settings: Settings): string[] {
  const p = settings.publish;
  return [
    settings.githubToken,
    settings.llm.apiKey,
    p.jira?.apiToken ?? '',
    p.slack?.botToken ?? '',
    p.slack?.webhookUrl ?? '',
    p.webhook?.url ?? '',
    p.webhook?.secret ?? '',
  ].filter((s) => s !== '');
}

/** The events of a workflow run that the action can triage from inside it (in-run mode, last job). */
export const IN_RUN_EVENTS = [
  'push',
  'pull_request',
  'pull_request_target',
  'merge_group',
  'schedule',
  'workflow_dispatch',
  'repository_dispatch',
  'release',
  'deployment',
  'deployment_status',
] as const;
/** The event of a companion workflow that triages another workflow's finished run. */
export const COMPANION_EVENTS = ['workflow_run'] as const;

export class UnsupportedEventError extends Error {
  override name = 'UnsupportedEventError';
}

/** Which run to triage, from the event the workflow was triggered by. */
export async function runToTriage(
  env: Readonly<Record<string, string | undefined>>,
  readText: (path: string) => Promise<string>,
): Promise<{ ref: RunRef; mode: TriggerMode }> {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = repository.split('/');
  if (!owner || !repo)
    throw new Error(
      'GITHUB_REPOSITORY is not set: ci-triage runs in a GitHub Actions job (or give "log-path").',
    );
  const event = env.GITHUB_EVENT_NAME ?? '';
  if ((COMPANION_EVENTS as readonly string[]).includes(event)) {
    const path = env.GITHUB_EVENT_PATH;
    if (!path)
      throw new Error(
        'GITHUB_EVENT_PATH is not set: the workflow_run event payload is needed to find the run.',
      );
    const payload = JSON.parse(await readText(path)) as {
      workflow_run?: { id?: number; run_attempt?: number };
    };
    const id = payload.workflow_run?.id;
    if (typeof id !== 'number')
      throw new Error(`The workflow_run event payload at ${path} has no workflow_run.id.`);
    const attempt = payload.workflow_run?.run_attempt;
    return {
      mode: 'companion',
      ref: { owner, repo, runId: id, ...(typeof attempt === 'number' ? { attempt } : {}) },
    };
  }
  if ((IN_RUN_EVENTS as readonly string[]).includes(event)) {
    const runId = Number(env.GITHUB_RUN_ID);
    if (!Number.isInteger(runId) || runId <= 0)
      throw new Error(`GITHUB_RUN_ID is not a run id: ${JSON.stringify(env.GITHUB_RUN_ID ?? '')}.`);
    const attempt = Number(env.GITHUB_RUN_ATTEMPT);
    return {
      mode: 'in-run',
      ref: { owner, repo, runId, ...(Number.isInteger(attempt) && attempt > 0 ? { attempt } : {}) },
    };
  }
  throw new UnsupportedEventError(
    `ci-triage does not support the "${event}" event. Supported: workflow_run (a companion workflow that triages ` +
      `another workflow's run) and, as the last job of the failing workflow itself, ${IN_RUN_EVENTS.join(', ')}.`,
  );
}

export async function run(deps: Deps = defaultDeps()): Promise<void> {
  const { core } = deps;
  // Whatever fails, the job summary says so: set once a summary (full or of what failed) was written.
  const state = { summaryWritten: false, secrets: [] as string[] };
  try {
    const settings = await core.group('Reading settings', () => readSettings(deps));
    state.secrets = secretsOf(settings);
    if (settings.logPath !== undefined) {
      await analyzeLocalLog(deps, settings, settings.logPath);
      return;
    }
    if (settings.githubToken === '')
      throw new InputError(
        'github-token',
        'empty: a token is needed to read the run (the default is the job token, ${{ github.token }}).',
      );

    const target = await runToTriage(deps.env, (path) => deps.files.readText(path));
    const octokit = deps.github(settings.githubToken, deps.env.GITHUB_API_URL);
    let failure: CollectError | undefined;
    const report = await core.group(
      `Collecting and analyzing run ${target.ref.runId} (${target.mode === 'companion' ? 'companion workflow' : 'in-run'})`,
      async () => {
        try {
          return await triageRun(
            {
              octokit,
              logSource: (run) =>
                createLogSource(octokit, run, {
                  baseline: settings.baseline,
                  // Three tries after the first, waiting d, 2d and 3d: 6d in all.
                  notFoundRetries: settings.logWaitSeconds > 0 ? 3 : 0,
                  retryDelayMs: (settings.logWaitSeconds * 1000) / 6,
                  idleTimeoutMs: settings.logIdleTimeoutSeconds * 1000,
                  debug: (m) => core.debug(m),
                }),
              now: deps.now,
              debug: (m) => core.debug(m),
              info: (m) => core.info(m),
            },
            {
              ref: target.ref,
              mode: target.mode,
              // Only in-run mode triages its own run; a companion's job names say nothing of the other run's.
              ...(target.mode === 'in-run' && deps.env.GITHUB_JOB
                ? { selfJobName: deps.env.GITHUB_JOB }
                : {}),
              ...(target.mode === 'in-run' && deps.env.RUNNER_NAME
                ? { selfRunnerName: deps.env.RUNNER_NAME }
                : {}),
              userRules: settings.userRules,
              severityRules: settings.severityRules,
              baseline: settings.baseline,
              concurrency: settings.concurrency,
              maxJobs: settings.maxJobs,
              maxLogBytes: settings.maxLogBytes,
              version: VERSION,
              ...(settings.llm.mode !== 'never'
                ? {
                    llm: {
                      mode: settings.llm.mode,
                      analyzer: deps.analyzer(settings.llm, {
                        secrets: secretsOf(settings),
                        debug: (m) => core.debug(m),
                      }),
                    },
                  }
                : {}),
            },
          );
        } catch (e) {
          // GitHub could not be read: the summary, report and outputs say what failed and how far it got, and
          // the step fails after them.
          failure = collectError(e, `run ${target.ref.runId} of ${target.ref.owner}/${target.ref.repo}`);
          return incompleteReport(deps, target, failure);
        }
      },
    );
    await core.group(report.incomplete ? 'Reporting what could not be read' : 'Publishing', () =>
      publish(deps, settings, report, {
        read: octokit,
        write: deps.github(settings.githubToken, deps.env.GITHUB_API_URL, { writes: true }),
      }, state),
    );
    if (failure) throw failure;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (!state.summaryWritten) {
      try {
        await deps.summary.append(renderFailureSummary(message, state.secrets));
      } catch (w) {
        core.warning(`Could not write the job summary: ${(w as Error).message}`);
      }
    }
    core.setFailed(message);
  }
}

/** The run as the runner's environment knows it, for a report of a run that could not be read. */
function runFromEnv(env: Deps['env'], target: { ref: RunRef; mode: TriggerMode }): RunInfo {
  const { owner, repo, runId } = target.ref;
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const own = target.mode === 'in-run';
  const branch = own ? env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME : undefined;
  return {
    owner,
    repo,
    id: runId,
    attempt: target.ref.attempt ?? 1,
    ...(own && Number(env.GITHUB_RUN_NUMBER) > 0 ? { number: Number(env.GITHUB_RUN_NUMBER) } : {}),
    name: (own ? env.GITHUB_WORKFLOW : undefined) || 'workflow run',
    workflowId: 0,
    event: (own ? env.GITHUB_EVENT_NAME : undefined) || 'unknown',
    ...(branch ? { headBranch: branch } : {}),
    headSha: (own ? env.GITHUB_SHA : undefined) ?? '',
    htmlUrl: `${server}/${owner}/${repo}/actions/runs/${runId}`,
    conclusion: null,
  };
}

function incompleteReport(deps: Deps, target: { ref: RunRef; mode: TriggerMode }, error: CollectError) {
  const reached = error.reached;
  return buildIncompleteReport({
    mode: target.mode,
    run: reached?.run ?? runFromEnv(deps.env, target),
    runRead: reached?.run !== undefined,
    what: reached?.what ?? `run ${target.ref.runId}`,
    message: error.message,
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.retries ? { retries: error.retries } : {}),
    ...(reached?.jobPages !== undefined ? { jobPages: reached.jobPages } : {}),
    ...(reached?.jobsListed !== undefined ? { jobsListed: reached.jobsListed } : {}),
    version: VERSION,
    now: deps.now(),
  });
}

async function publish(
  deps: Deps,
  settings: Settings,
  report: TriageReport,
  github: GitHubClients,
  state: { summaryWritten: boolean },
): Promise<void> {
  const octokit = github.read;
  const { core, env } = deps;
  const secrets = secretsOf(settings);
  const dir = join(env.RUNNER_TEMP ?? '.', `ci-triage-${report.run.id}-${report.run.attempt}`);
  await mkdir(dir, { recursive: true });
  const audit = AuditLog.toFile(join(dir, 'audit.jsonl'), { secrets, clock: deps.now });

  const analysed = report.jobs.filter((j) => j.finding).length;
  const incomplete = report.incomplete !== undefined;
  core.info(
    incomplete
      ? `GitHub could not be read (${report.incomplete?.what}): the summary and report say what failed.`
      : report.counts.failed === 0
        ? 'Nothing to triage: no job of this run failed.'
        : `${report.counts.failed} failed job(s), ${analysed} analysed, ${report.counts.unavailable} without a log.`,
  );

  // The history first (the sinks escalate from it, the re-run gate reads it), then the sinks, so that the
  // summary can say what they did; none of them can stop what follows. A run that could not be read has
  // nothing to publish: the summary, report and outputs only.
  const history =
    settings.history.enabled && !incomplete
      ? await historyStage(deps, settings, report, octokit, audit)
      : undefined;
  const published: PublishResult = incomplete
    ? { outcomes: [], dryRun: settings.publish.dryRun }
    : await publishSinks(deps, settings, report, github, audit, secrets);
  if (published.outcomes.length) report.published = published;

  // The job summary, also kept as a file next to the report.
  const section = renderPublished(published, secrets);
  const markdown =
    renderJobSummary(report, { secrets, maxBytes: STEP_SUMMARY_LIMIT - Buffer.byteLength(section) - 2 }) +
    (section ? `\n${section}` : '');
  const summaryPath = join(dir, 'summary.md');
  await writeFile(summaryPath, markdown, 'utf8');
  try {
    await audit.around('summary', 'write', env.GITHUB_STEP_SUMMARY ?? '(no GITHUB_STEP_SUMMARY)', () =>
      deps.summary.append(markdown),
    );
    state.summaryWritten = true;
  } catch (e) {
    core.warning(`Could not write the job summary: ${(e as Error).message}. It is in ${summaryPath}.`);
  }

  if (settings.annotations && !incomplete) {
    const annotations = annotationsFor(report, { secrets, repoFiles: repoFileCheck(env.GITHUB_WORKSPACE) });
    audit.record('annotations', 'write', `${annotations.length} annotation(s)`, 'intent');
    for (const a of annotations) {
      core.error(a.message, {
        title: a.title,
        ...(a.file ? { file: a.file } : {}),
        ...(a.startLine ? { startLine: a.startLine } : {}),
        ...(a.startColumn ? { startColumn: a.startColumn } : {}),
      });
    }
    audit.record('annotations', 'write', `${annotations.length} annotation(s)`, 'ok');
  }

  const files = await writeReportFiles(report, dir, audit, secrets);
  publishReportOutputs(report, (name, value) => core.setOutput(name, value), {
    secrets,
    reportPath: files.reportPath,
    summaryPath,
  });

  if (settings.uploadReport) {
    const name = `${settings.artifactName}-${report.run.id}-${report.run.attempt}`;
    let result: UploadResult;
    try {
      result = await deps.upload({
        files: files.files,
        name,
        rootDirectory: dir,
        ...(settings.artifactRetentionDays ? { retentionDays: settings.artifactRetentionDays } : {}),
        env,
        audit,
      });
    } catch (e) {
      result = { uploaded: false, reason: (e as Error).message, dir };
    }
    if (result.uploaded) core.info(`Report uploaded as the artifact "${name}".`);
    else core.notice(`The report was not uploaded (${result.reason}); it is in ${result.dir}.`);
  }

  if (history) {
    const escalated = new Set(
      settings.publish.dryRun || !settings.publish.enabled || published.halted
        ? []
        : Object.values(report.history?.recurrences ?? {})
            .filter((r) => r.escalate)
            .map((r) => r.fingerprint),
    );
    const w = await history.store.write(
      flagged(history.state, escalated, report.history?.rerun?.requested ?? false),
    );
    if (w.written) core.info(`History: ${w.records} records kept (${w.bytes} bytes).`);
    else core.info(`History not written: ${w.error ?? 'unknown reason'}.`);
  }
}

/** Reads the history, says what it means for this run, and takes the gated re-run decision. */
async function historyStage(
  deps: Deps,
  settings: Settings,
  report: TriageReport,
  octokit: GitHubClient,
  audit: AuditLog,
): Promise<{ store: HistoryStore; state: HistoryState } | undefined> {
  const { core, env } = deps;
  const [owner = report.run.owner, repo = report.run.repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const runId = Number(env.GITHUB_RUN_ID);
  const attempt = Number(env.GITHUB_RUN_ATTEMPT);
  try {
    const store = deps.historyStore({
      octokit,
      owner,
      repo,
      runId: Number.isInteger(runId) && runId > 0 ? runId : report.run.id,
      attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : 1,
      token: settings.githubToken,
      windowDays: settings.history.windowDays,
      now: deps.now,
      tmpDir: join(env.RUNNER_TEMP ?? '.', `ci-triage-history-${report.run.id}-${report.run.attempt}`),
      env,
      debug: (m) => core.debug(m),
    });
    const state = await readHistory(report, store, settings.history, deps.now());
    const h = report.history;
    if (h) {
      core.info(
        `History: ${h.trends.records} records in ${h.windowDays} days, read in ${h.cost.calls} API call(s), ${Math.round(h.cost.ms)} ms` +
          (h.error ? ` (${h.error})` : ''),
      );
      for (const r of Object.values(h.recurrences))
        if (r.occurrences > 1 || r.flaky)
          core.info(
            `${r.fingerprint}: seen in ${r.occurrences} runs${r.escalate ? ', escalating' : ''}${r.flaky ? ', flaky' : ''}`,
          );
    }
    const rerun = await rerunFailedJobs(octokit, report, state.decision, {
      dryRun: settings.publish.dryRun,
      enabled: settings.publish.enabled,
      audit,
    });
    if (report.history) report.history.rerun = rerun;
    if (rerun.requested) core.notice(`Re-ran the failed jobs of run ${report.run.id}: ${rerun.reason}`);
    else if (rerun.error) core.warning(`The re-run failed: ${rerun.error}`);
    else if (settings.history.rerun.enabled) core.info(`No re-run: ${rerun.reason}`);
    return { store, state };
  } catch (e) {
    core.warning(`The history could not be used: ${(e as Error).message}. The triage goes on without it.`);
    return undefined;
  }
}

async function publishSinks(
  deps: Deps,
  settings: Settings,
  report: TriageReport,
  github: GitHubClients,
  audit: AuditLog,
  secrets: readonly string[],
): Promise<PublishResult> {
  const { core } = deps;
  let result: PublishResult = { outcomes: [], dryRun: settings.publish.dryRun };
  try {
    const sinks = await configuredSinks(settings.publish, github, (m) => core.debug(m));
    result = await publishToSinks({
      report,
      sinks,
      settings: settings.publish,
      audit,
      secrets,
      now: deps.now,
      debug: (m) => core.debug(m),
      verifiedAuthor: commitAuthorOf(github.read, report),
    });
  } catch (e) {
    core.warning(
      `Publishing to the sinks failed: ${(e as Error).message}. The job summary and the report are still written.`,
    );
    return result;
  }
  if (result.halted?.reason === 'breaker') core.warning(result.halted.message);
  else if (result.halted) core.notice(result.halted.message);
  if (result.readOnly) core.notice(`No GitHub write: ${result.readOnly}.`);
  for (const o of result.outcomes) {
    const title = SINK_TITLES[o.sink];
    const items = o.items.map(
      (i) => `${i.action} ${i.target}${i.url ? ` (${i.url})` : ''}${i.error ? ` — ${i.error}` : ''}`,
    );
    if (o.status === 'failed' || o.status === 'partial')
      core.warning(`${title}: ${o.message ?? items.join('; ')}`);
    else if (o.status === 'skipped' && o.message && /fork/.test(o.message) && !result.readOnly)
      core.notice(`${title}: skipped: ${o.message}`);
    else
      core.info(
        `${title}: ${o.status}${items.length ? `: ${items.join('; ')}` : ''}${o.message ? ` (${o.message})` : ''}`,
      );
  }
  return result;
}

/** In-workspace paths exist as files of the checkout; without a checkout every path is taken as the repo's. */
function repoFileCheck(workspace: string | undefined): ((path: string) => boolean) | undefined {
  if (!workspace || !existsSync(join(workspace, '.git'))) return undefined;
  return (path) => existsSync(join(workspace, path));
}

/** `log-path`: one local log, analysed and summarised; the run is not read. */
async function analyzeLocalLog(deps: Deps, settings: Settings, logPath: string): Promise<void> {
  const { core } = deps;
  const finding = await core.group(`Analyzing ${logPath}`, async () => {
    const started = deps.clock();
    let result: Finding;
    try {
      result = await analyzeLog(deps.files.open(logPath), {
        userRules: settings.userRules,
        context: runContextFromEnv(deps.env),
        severityRules: settings.severityRules,
      });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (typeof code === 'string')
        throw new InputError('log-path', `cannot read ${JSON.stringify(logPath)}: ${(e as Error).message}`);
      throw e;
    }
    core.debug(`Analyzed ${result.totalLines} lines in ${Math.round(deps.clock() - started)} ms`);
    core.info(
      `${result.failureType} (severity ${result.severity}, confidence ${result.confidence.toFixed(2)}), ` +
        `fingerprint ${result.fingerprint}` +
        (result.rootCauseLine === undefined ? '' : `, root cause at line ${result.rootCauseLine}`),
    );
    return result;
  });

  const claude = await explainLocalLog(deps, settings, logPath, finding);

  await core.group('Publishing', async () => {
    const secrets = secretsOf(settings);
    const outputs = outputsOfFinding(finding, { secrets, ...(claude ? { llm: claude.usage } : {}) });
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } = deps.env;
    const ownUrl = server && repository ? `${server.replace(/\/+$/, '')}/${repository}/` : undefined;
    try {
      await deps.summary.append(
        renderSummary(
          logPath,
          finding,
          secrets,
          claude ? { ...claude, ...(ownUrl ? { ownUrl } : {}) } : undefined,
        ),
      );
    } catch (e) {
      core.warning(`Could not write the job summary: ${(e as Error).message}`);
    }
  });
}

/**
 * `log-path` with `llm`: the same analyzer as for a run, on the one finding, when `wantsModel` says so. A
 * failed call leaves the deterministic result and a note; nothing here fails the step.
 */
async function explainLocalLog(
  deps: Deps,
  settings: Settings,
  logPath: string,
  finding: Finding,
): Promise<
  { explanation?: Explanation; explanationNote?: string; usage: Parameters<typeof llmOutputs>[0] } | undefined
> {
  const { core } = deps;
  if (settings.llm.mode === 'never') return undefined;
  const want = wantsModel(settings.llm.mode, finding);
  if (!want.call) {
    core.info(`Claude not called: ${want.reason}.`);
    return {
      explanationNote: `not explained by the model: ${want.reason}`,
      usage: { calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 },
    };
  }
  return core.group(`Asking Claude (${settings.llm.model})`, async () => {
    const analyzer = deps.analyzer(settings.llm, {
      secrets: secretsOf(settings),
      debug: (m) => core.debug(m),
    });
    try {
      const r = await analyzer.analyze({ jobName: logPath, finding, changedFiles: [], affectedFiles: [] });
      const u = r.ok ? r.explanation.usage : r.usage;
      const cost = r.ok ? r.explanation.costUsd : r.costUsd;
      const usage = {
        ...u,
        ...(u.calls === 0 ? { costUsd: 0 } : cost !== undefined ? { costUsd: cost } : {}),
      };
      core.info(
        `Claude (${analyzer.model}): ${r.ok ? 'explained' : `the deterministic result stands (${r.reason})`}; ` +
          `${u.calls} call(s), ${u.inputTokens} input + ${u.outputTokens} output tokens` +
          (usage.costUsd !== undefined ? `, about $${usage.costUsd.toFixed(4)}` : ''),
      );
      return r.ok
        ? { explanation: r.explanation, usage }
        : { explanationNote: `the deterministic result stands: ${r.reason}`, usage };
    } catch (e) {
      core.warning(
        `Claude could not explain ${logPath}: ${(e as Error).message}. The deterministic result stands.`,
      );
      return {
        explanationNote: `the deterministic result stands: ${(e as Error).message}`,
        usage: { calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 },
      };
    }
  });
}
