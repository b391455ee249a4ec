/**
 * The action: settings → analyze → publish. `run()` is the one place that turns an error into a failed step;
 * every client (runner commands, file system, job summary, clock) is built in `defaultDeps()` and passed in,
 * so tests hand in fakes.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import * as core from '@actions/core';
import { runContextFromEnv } from './collect/context.js';
import { type FileKind, InputError, readSettings } from './config/settings.js';
import { analyzeLog, type ByteSource, type Finding } from './pipeline/analyze-log.js';
import { publishOutputs } from './publish/outputs.js';
import { type JobSummary, renderSummary } from './publish/summary.js';

/** The runner commands the action uses (a subset of `@actions/core`). */
export type Core = Pick<
  typeof core,
  'getInput' | 'setSecret' | 'setOutput' | 'setFailed' | 'info' | 'debug' | 'warning' | 'group'
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
      open: (path) => createReadStream(path),
    },
    summary: {
      append: async (markdown) => {
        await core.summary.addRaw(markdown, true).write();
      },
    },
    env: process.env,
    clock: () => performance.now(),
  };
}

export async function run(deps: Deps = defaultDeps()): Promise<void> {
  const { core } = deps;
  try {
    const settings = await core.group('Reading settings', () => readSettings(deps));
    const { logPath } = settings;
    if (logPath === undefined) {
      core.info(
        'No "log-path" given, so there is nothing to analyze yet: collecting the failed jobs\' logs from the ' +
          'Actions API arrives in a later version of ci-triage.',
      );
      return;
    }

    const finding = await core.group(`Analyzing ${logPath}`, async () => {
      const started = deps.clock();
      let result: Finding;
      try {
        result = await analyzeLog(deps.files.open(logPath), {
          userRules: settings.userRules,
          context: runContextFromEnv(deps.env),
        });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (typeof code === 'string') {
          throw new InputError('log-path', `cannot read ${JSON.stringify(logPath)}: ${(e as Error).message}`);
        }
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

    await core.group('Publishing', async () => {
      publishOutputs(finding, (name, value) => core.setOutput(name, value));
      const secrets = settings.githubToken ? [settings.githubToken] : [];
      try {
        await deps.summary.append(renderSummary(logPath, finding, secrets));
      } catch (e) {
        // A sink that fails is a warning, never a reason to fail the step or skip the other sinks.
        core.warning(`Could not write the job summary: ${(e as Error).message}`);
      }
    });
  } catch (e) {
    core.setFailed(e instanceof Error ? e.message : String(e));
  }
}
