/**
 * `ci-triage run <url>`: the action's collect + analyze on a run, printed instead of published. Loaded only
 * for that command, so `analyze` does not pay for the GitHub client.
 */
import type { Analyzer, LlmMode } from '../analyze/analyzer.js';
import { collectError, createGitHubClient } from '../collect/github.js';
import { createLogSource } from '../collect/logs.js';
import type { RunRef } from '../collect/types.js';
import type { Rule } from '../classify/rules.js';
import { triageRun } from '../pipeline/triage-run.js';
import { redactDeep } from '../publish/redact.js';
import { type Style, renderReport } from '../report/terminal.js';
import { VERSION } from '../version.js';
import type { Io } from './main.js';

export interface RunRemoteOptions {
  ref: RunRef;
  apiUrl: string;
  token: string;
  userRules: Rule[];
  baseline: boolean;
  concurrency: number;
  maxJobs: number;
  json: boolean;
  style: Style;
  llm?: { analyzer: Analyzer; mode: LlmMode };
  /** More values to redact (the Anthropic key). */
  secrets?: string[];
}

export async function runRemote(io: Io, o: RunRemoteOptions): Promise<number> {
  const log = { debug: () => undefined, warn: (m: string) => io.stderr(`ci-triage run: ${m}\n`) };
  const octokit = createGitHubClient({ token: o.token, baseUrl: o.apiUrl, userAgent: `ci-triage/${VERSION}`, log });
  let report;
  try {
    report = await triageRun(
      {
        octokit,
        logSource: (run) => createLogSource(octokit, run, { baseline: o.baseline, debug: () => undefined }),
        now: () => new Date(),
        debug: () => undefined,
        info: (m) => (o.json ? undefined : io.stderr(`${m}\n`)),
      },
      {
        ref: o.ref,
        mode: 'cli',
        userRules: o.userRules,
        baseline: o.baseline,
        concurrency: o.concurrency,
        maxJobs: o.maxJobs,
        maxLogBytes: 1024 * 1024 * 1024,
        version: VERSION,
        ...(o.llm ? { llm: o.llm } : {}),
      },
    );
  } catch (e) {
    io.stderr(`ci-triage run: ${collectError(e, `run ${o.ref.runId} of ${o.ref.owner}/${o.ref.repo}`).message}\n`);
    return 1;
  }
  const secrets = [o.token, ...(o.secrets ?? [])];
  io.stdout(o.json ? JSON.stringify(redactDeep(report, secrets), null, 2) + '\n' : renderReport(report, o.style, secrets) + '\n');
  return 0;
}
