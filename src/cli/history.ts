/**
 * `ci-triage history OWNER/REPO`: the trends of the history the action keeps in the repository's workflow
 * artifacts — failure types, the top failures, failure rate per workflow, time to green. Read-only. Loaded
 * only for that command.
 */
import { createGitHubClient } from '../collect/github.js';
import { trendsOf, type Trends } from '../history/analysis.js';
import { createArtifactHistoryStore } from '../history/store.js';
import type { Style } from '../report/terminal.js';
import { VERSION } from '../version.js';
import type { Io } from './main.js';

export interface HistoryCommandOptions {
  owner: string;
  repo: string;
  apiUrl: string;
  token: string;
  days: number;
  json: boolean;
  style: Style;
  tmpDir: string;
}

export async function historyCommand(io: Io, o: HistoryCommandOptions): Promise<number> {
  const log = { debug: () => undefined, warn: (m: string) => io.stderr(`ci-triage history: ${m}\n`) };
  const octokit = createGitHubClient({
    token: o.token,
    baseUrl: o.apiUrl,
    userAgent: `ci-triage/${VERSION}`,
    log,
  });
  const store = createArtifactHistoryStore({
    octokit,
    owner: o.owner,
    repo: o.repo,
    runId: 0,
    attempt: 1,
    token: o.token,
    windowDays: o.days,
    now: () => new Date(),
    tmpDir: o.tmpDir,
    env: { ...io.env, GITHUB_API_URL: o.apiUrl },
  });
  const read = await store.read();
  if (read.error && read.records.length === 0) {
    io.stderr(`ci-triage history: ${read.error}\n`);
    return 1;
  }
  const since = Date.now() - o.days * 86_400_000;
  const records = read.records.filter(
    (r) => r.repository.toLowerCase() === `${o.owner}/${o.repo}`.toLowerCase() && Date.parse(r.time) >= since,
  );
  const trends = trendsOf(records, o.days);
  if (o.json) {
    io.stdout(JSON.stringify({ repository: `${o.owner}/${o.repo}`, cost: read.cost, trends }) + '\n');
    return 0;
  }
  io.stdout(renderTrends(`${o.owner}/${o.repo}`, trends, o.style) + '\n');
  io.stderr(
    `(read in ${read.cost.calls} API calls, ${read.cost.snapshots} snapshots, ${Math.round(read.cost.ms)} ms)\n`,
  );
  return 0;
}

export function renderTrends(repository: string, t: Trends, s: Style): string {
  const out = [s.bold(`${repository}: ${t.records} records in the last ${t.windowDays} days`), ''];
  if (t.records === 0) {
    out.push('No history yet: the action writes it (input history, on by default) on each triage.');
    return out.join('\n');
  }
  const total = t.byType.reduce((a, x) => a + x.count, 0);
  out.push(s.bold('Failed jobs by type'));
  const width = Math.max(...t.byType.map((x) => x.type.length));
  for (const x of t.byType) {
    const bar = '█'.repeat(Math.max(1, Math.round((x.count / Math.max(1, total)) * 40)));
    out.push(`  ${x.type.padEnd(width)}  ${s.cyan(bar)} ${x.count}`);
  }
  out.push('', s.bold('Top failures'));
  for (const x of t.top.slice(0, 10))
    out.push(
      `  ${x.fingerprint}  ${String(x.occurrences).padStart(3)} runs  last ${x.lastSeen.slice(0, 10)}  ${x.failureType ?? ''}  ${s.dim((x.keyLine ?? '').slice(0, 100))}`,
    );
  out.push('', s.bold('Failure rate per workflow'));
  for (const w of t.workflows)
    out.push(
      `  ${w.workflow}: ${Math.round(w.rate * 100)}% (${w.failedRuns} failed of ${w.failedRuns + w.passedRuns} seen)`,
    );
  if (t.timeToGreen.samples > 0)
    out.push(
      '',
      `${s.bold('Time to green')}: median ${(t.timeToGreen.medianHours ?? 0).toFixed(1)} h, longest ${(t.timeToGreen.maxHours ?? 0).toFixed(1)} h over ${t.timeToGreen.samples} streaks`,
    );
  return out.join('\n');
}
