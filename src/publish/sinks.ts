/**
 * Publishing to the sinks, with the safety controls in front of them: the kill switch (`enabled: false`), the
 * run-level breaker (more items than `max-items-per-run` → none is published, a warning says why), dry-run
 * (each sink renders, nothing is sent), and isolation (a sink that fails, or throws, never stops the next).
 * Order matters only for links: Jira and the GitHub issue first, so the PR comment and Slack can link to them.
 */
import type { GitHubClient } from '../collect/github.js';
import type { PublishSettings } from '../config/settings.js';
import { groupByFingerprint } from '../report/groups.js';
import type { TriageReport } from '../report/types.js';
import type { AuditLog } from './audit.js';
import { createGitHubIssueSink } from './github-issue.js';
import { createPrCommentSink } from './pr-comment.js';
import type { PublishedRefs, Sink, SinkContext, SinkName, SinkOutcome } from './sink.js';
import { createWebhookSink } from './webhook.js';

export interface PublishResult {
  outcomes: SinkOutcome[];
  /** Set when nothing was sent on purpose: the kill switch or the breaker, and why. */
  halted?: { reason: 'disabled' | 'breaker'; message: string };
  dryRun: boolean;
}

/** The sinks the settings configure, in publishing order. Jira and Slack load their SDKs only when configured. */
export async function configuredSinks(
  settings: PublishSettings,
  octokit: GitHubClient | undefined,
): Promise<Sink[]> {
  const sinks: Sink[] = [];
  if (settings.jira) {
    const { createJiraSink } = await import('./jira.js');
    sinks.push(createJiraSink(settings.jira));
  }
  if (settings.githubIssues && octokit) sinks.push(createGitHubIssueSink(octokit, settings.githubIssues));
  if (settings.prComment && octokit) sinks.push(createPrCommentSink(octokit));
  if (settings.slack) {
    const { createSlackSink } = await import('./slack.js');
    sinks.push(createSlackSink(settings.slack));
  }
  if (settings.webhook) sinks.push(createWebhookSink(settings.webhook));
  return sinks;
}

export interface PublishInput {
  report: TriageReport;
  sinks: readonly Sink[];
  settings: Pick<PublishSettings, 'dryRun' | 'enabled' | 'maxItemsPerRun'>;
  audit: AuditLog;
  secrets: readonly string[];
  now: () => Date;
  debug: (message: string) => void;
}

export async function publishToSinks(input: PublishInput): Promise<PublishResult> {
  const { report, sinks, settings, audit } = input;
  const dryRun = settings.dryRun;
  if (sinks.length === 0) return { outcomes: [], dryRun };
  const groups = groupByFingerprint(report);

  if (!settings.enabled) {
    const message = 'ci-triage is switched off (enabled: false): nothing was published but the job summary.';
    for (const s of sinks) audit.skipped(s.name, 'publish', '-', 'kill switch: enabled is false');
    return {
      outcomes: sinks.map((s) => ({
        sink: s.name,
        status: 'skipped',
        items: [],
        message: 'switched off (enabled: false)',
      })),
      halted: { reason: 'disabled', message },
      dryRun,
    };
  }

  const planned = sinks.map((s) => ({ name: s.name, n: safePlanned(s, groups, report) }));
  const total = planned.reduce((a, p) => a + p.n, 0);
  if (total > settings.maxItemsPerRun) {
    const detail = planned
      .filter((p) => p.n > 0)
      .map((p) => `${p.name} ${p.n}`)
      .join(', ');
    const message =
      `The run-level breaker stopped publishing: ${total} items (${detail}) is more than max-items-per-run ` +
      `(${settings.maxItemsPerRun}). Only the job summary was written. Raise max-items-per-run if this many is expected, or look for what broke everything at once.`;
    for (const s of sinks)
      audit.skipped(
        s.name,
        'publish',
        '-',
        `breaker: ${total} items > max-items-per-run ${settings.maxItemsPerRun}`,
      );
    return {
      outcomes: sinks.map((s) => ({
        sink: s.name,
        status: 'skipped',
        items: [],
        message: 'stopped by the run-level breaker',
      })),
      halted: { reason: 'breaker', message },
      dryRun,
    };
  }

  const refs = new Map<string, PublishedRefs>();
  const outcomes: SinkOutcome[] = [];
  for (const sink of sinks) {
    const ctx: SinkContext = {
      report,
      groups,
      audit,
      dryRun,
      secrets: input.secrets,
      now: input.now,
      debug: input.debug,
      refs,
    };
    try {
      outcomes.push(await sink.publish(ctx));
    } catch (e) {
      // A sink should not throw; if one does, it is its failure alone.
      const message = `${sink.name} failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`;
      audit.record(sink.name, 'publish', '-', 'error', message);
      outcomes.push({ sink: sink.name, status: 'failed', items: [], message });
    }
  }
  return { outcomes, dryRun };
}

function safePlanned(s: Sink, groups: ReturnType<typeof groupByFingerprint>, report: TriageReport): number {
  try {
    return s.plannedItems(groups, report);
  } catch {
    return 0;
  }
}

export const SINK_TITLES: Record<SinkName, string> = {
  'pr-comment': 'Pull request comment',
  jira: 'Jira',
  'github-issue': 'GitHub issue',
  slack: 'Slack',
  webhook: 'Webhook',
};
