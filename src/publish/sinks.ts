/**
 * Publishing to the sinks, with the safety controls in front of them: the kill switch (`enabled: false`), the
 * run-level breaker (more distinct failures than `max-failures-per-run` would each get an item of their own →
 * nothing is published, a warning says why), dry-run (each sink renders, nothing is sent), a fork's read-only
 * token (no GitHub write is attempted, one notice says why), and isolation (a sink that fails, or throws, never
 * stops the next). Order matters only for links: Jira and the GitHub issue first, so the PR comment and Slack
 * can link to them.
 */
import type { GitHubClient } from '../collect/github.js';
import type { PublishSettings } from '../config/settings.js';
import { groupByFingerprint } from '../report/groups.js';
import type { TriageReport } from '../report/types.js';
import type { AuditLog } from './audit.js';
import { createGitHubIssueSink } from './github-issue.js';
import { gitHubIdentity, readOnlyToken, verifiedCommitAuthor } from './github-writes.js';
import { createPrCommentSink } from './pr-comment.js';
import type { PublishedRefs, Sink, SinkContext, SinkName, SinkOutcome, VerifiedAuthor } from './sink.js';
import { createWebhookSink } from './webhook.js';

export interface PublishResult {
  outcomes: SinkOutcome[];
  /** Set when nothing was sent on purpose: the kill switch or the breaker, and why. */
  halted?: { reason: 'disabled' | 'breaker'; message: string };
  /** Set when the GitHub sinks made no request because the token is read-only (a fork's pull request): why. */
  readOnly?: string;
  dryRun: boolean;
}

/** The GitHub clients the sinks use: one that reads (and retries), one that writes (and never retries). */
export interface GitHubClients {
  read: GitHubClient;
  write: GitHubClient;
}

/** The sinks the settings configure, in publishing order. Jira and Slack load their SDKs only when configured. */
export async function configuredSinks(
  settings: PublishSettings,
  github: GitHubClients | undefined,
  debug: (message: string) => void = () => undefined,
): Promise<Sink[]> {
  const sinks: Sink[] = [];
  const options = github
    ? {
        writer: github.write,
        identity: gitHubIdentity(github.read, settings.githubTokenLogin, debug),
      }
    : undefined;
  if (settings.jira) {
    const { createJiraSink } = await import('./jira.js');
    sinks.push(createJiraSink(settings.jira));
  }
  if (settings.githubIssues && github && options)
    sinks.push(createGitHubIssueSink(github.read, settings.githubIssues, options));
  if (settings.prComment && github && options) sinks.push(createPrCommentSink(github.read, options));
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
  settings: Pick<PublishSettings, 'dryRun' | 'enabled' | 'maxFailuresPerRun'>;
  audit: AuditLog;
  secrets: readonly string[];
  now: () => Date;
  debug: (message: string) => void;
  /** Reads the commit's verified author (for mentions); without it nobody is verified. */
  verifiedAuthor?: () => Promise<VerifiedAuthor>;
}

/** `verifiedCommitAuthor` on the reading client, for `PublishInput.verifiedAuthor`. */
export function commitAuthorOf(octokit: GitHubClient, report: TriageReport): () => Promise<VerifiedAuthor> {
  let read: Promise<VerifiedAuthor> | undefined;
  return () => (read ??= verifiedCommitAuthor(octokit, report));
}

export async function publishToSinks(input: PublishInput): Promise<PublishResult> {
  const { report, settings, audit } = input;
  const dryRun = settings.dryRun;
  if (input.sinks.length === 0) return { outcomes: [], dryRun };
  const groups = groupByFingerprint(report);

  if (!settings.enabled) {
    const message = 'ci-triage is switched off (enabled: false): nothing was published but the job summary.';
    for (const s of input.sinks) audit.skipped(s.name, 'publish', '-', 'kill switch: enabled is false');
    return {
      outcomes: input.sinks.map((s) => ({
        sink: s.name,
        status: 'skipped',
        items: [],
        message: 'switched off (enabled: false)',
      })),
      halted: { reason: 'disabled', message },
      dryRun,
    };
  }

  // A fork's pull_request run has a read-only token: a GitHub write would only be refused (403).
  const readOnly = readOnlyToken(report);
  const sinks = readOnly ? input.sinks.filter((s) => !s.github) : input.sinks;
  const skippedReadOnly: SinkOutcome[] = [];
  if (readOnly)
    for (const s of input.sinks.filter((x) => x.github)) {
      audit.skipped(s.name, 'publish', '-', `read-only token: ${readOnly}`);
      skippedReadOnly.push({
        sink: s.name,
        status: 'skipped',
        items: [],
        message: 'the token is read-only (a pull request from a fork): see the notice',
      });
    }

  // The breaker counts distinct failures that would get an item of their own (a ticket, an issue, a message):
  // a storm of them is an outage to look at, not that many tickets to file.
  const planned = sinks.map((s) => ({ name: s.name, fingerprints: safePlanned(s, groups, report) }));
  const distinct = new Set(planned.flatMap((p) => p.fingerprints));
  if (distinct.size > settings.maxFailuresPerRun) {
    const detail = planned
      .filter((p) => p.fingerprints.length > 0)
      .map((p) => `${p.name} ${p.fingerprints.length}`)
      .join(', ');
    const message =
      `The run-level breaker stopped publishing: ${distinct.size} distinct failures would each get an item (${detail}), more than max-failures-per-run ` +
      `(${settings.maxFailuresPerRun}). Only the job summary was written. Raise max-failures-per-run if this many is expected, or look for what broke everything at once.`;
    for (const s of sinks)
      audit.skipped(
        s.name,
        'publish',
        '-',
        `breaker: ${distinct.size} distinct failures > max-failures-per-run ${settings.maxFailuresPerRun}`,
      );
    return {
      outcomes: input.sinks.map(
        (s): SinkOutcome =>
          skippedReadOnly.find((o) => o.sink === s.name) ?? {
            sink: s.name,
            status: 'skipped',
            items: [],
            message: 'stopped by the run-level breaker',
          },
      ),
      halted: { reason: 'breaker', message },
      ...(readOnly ? { readOnly } : {}),
      dryRun,
    };
  }

  const refs = new Map<string, PublishedRefs>();
  const outcomes: SinkOutcome[] = [];
  for (const sink of input.sinks) {
    const skipped = skippedReadOnly.find((o) => o.sink === sink.name);
    if (skipped) {
      outcomes.push(skipped);
      continue;
    }
    const ctx: SinkContext = {
      report,
      groups,
      audit,
      dryRun,
      secrets: input.secrets,
      now: input.now,
      debug: input.debug,
      refs,
      ...(input.verifiedAuthor ? { verifiedAuthor: input.verifiedAuthor } : {}),
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
  return { outcomes, ...(readOnly ? { readOnly } : {}), dryRun };
}

function safePlanned(
  s: Sink,
  groups: ReturnType<typeof groupByFingerprint>,
  report: TriageReport,
): readonly string[] {
  try {
    return s.plannedFailures(groups, report);
  } catch {
    return [];
  }
}

export const SINK_TITLES: Record<SinkName, string> = {
  'pr-comment': 'Pull request comment',
  jira: 'Jira',
  'github-issue': 'GitHub issue',
  slack: 'Slack',
  webhook: 'Webhook',
};
