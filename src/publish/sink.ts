/**
 * What every sink (pull-request comment, Jira, Slack, GitHub issue, webhook) shares: the context it is given,
 * the outcome it returns, and the rules it keeps.
 *
 * - A sink never throws: a failure is an outcome (`failed`, with a message naming the sink, the HTTP status and
 *   the fix), so the others still publish.
 * - Every outbound write is audited before it is made (`intent`) and after (`ok` / `error`), or once as
 *   `skipped` with the reason (dry-run, cap, below the minimum severity, no permission).
 * - In dry-run a sink sends nothing to its service: it returns `dry-run` with `would-…` items and a preview.
 * - Everything sent passes the one redaction function (`redactDeep`) just before it leaves.
 * - Dedupe is by the deterministic fingerprint; a new run attempt updates what an earlier attempt published.
 * - A create is made once (`createOnce`): after an answer that is lost, times out or is a 5xx, the sink looks for
 *   what the create may have made before it tries again, and after a create it reconciles with a concurrent run
 *   (the oldest item stays, the newer one is closed as its duplicate).
 * - An item counts as ci-triage's only when its author is the identity the sink's token acts as and it carries
 *   the marker; nothing else is read as ours, and nothing else is ever edited.
 */
import type { AuditLog } from './audit.js';
import { type FindingGroup, SEVERITY_RANK } from '../report/groups.js';
import type { TriageReport } from '../report/types.js';
import type { Severity } from '../types.js';

export type SinkName = 'pr-comment' | 'jira' | 'github-issue' | 'slack' | 'webhook';

export type ItemAction =
  | 'created'
  | 'updated'
  | 'commented'
  | 'replied'
  | 'delivered'
  | 'unchanged'
  /** Created by this run while a concurrent run created the same, and closed as a duplicate of the older one. */
  | 'deduplicated'
  | 'would-create'
  | 'would-update'
  | 'would-comment'
  | 'would-reply'
  | 'would-deliver';

/** One thing a sink did, or would do in dry-run. */
export interface PublishedItem {
  /** The failure it is about; absent for run-level items (the PR comment, a webhook delivery). */
  fingerprint?: string;
  action: ItemAction;
  /** What it is, for people: `PROJ-12`, `issue #34`, `comment on #7`, `#ci-alerts`. */
  target: string;
  url?: string;
  /** Set when this item failed while others of the same sink went through (a `partial` outcome). */
  error?: string;
}

export interface SinkOutcome {
  sink: SinkName;
  /**
   * ok: published; dry-run: rendered only; skipped: nothing to do or not allowed (below the minimum severity,
   * daily cap reached, a fork's read-only token) — `message` says why; failed: nothing went through, `message`
   * names the HTTP status and the fix; partial: some items went through, the failed ones carry `error`.
   */
  status: 'ok' | 'dry-run' | 'skipped' | 'failed' | 'partial';
  items: PublishedItem[];
  message?: string;
  /** In dry-run: what would be sent, as plain text (the summary shows it in a code block). */
  preview?: string;
}

/** What a sink learnt that later sinks link to (Slack's button to the Jira ticket, the PR comment's links). */
export interface PublishedRefs {
  jira?: { key: string; url: string };
  githubIssue?: { number: number; url: string };
}

/** Who made the commit, as far as GitHub vouches for it: the only people a sink may mention. */
export interface VerifiedAuthor {
  /** The GitHub login of the commit's author when the commit is verified (signed) and linked to an account. */
  login?: string;
  /** That author's email, from the verified commit. */
  email?: string;
  /** Why there is no verified author, for the debug log. */
  why?: string;
}

export interface SinkContext {
  report: TriageReport;
  /** The distinct failures (one per fingerprint), most severe first: `groupByFingerprint(report)`. */
  groups: readonly FindingGroup[];
  audit: AuditLog;
  dryRun: boolean;
  /** Secret values to redact on top of the shapes `redact` knows. */
  secrets: readonly string[];
  now: () => Date;
  debug: (message: string) => void;
  /** What earlier sinks of this run published, by fingerprint. Sinks add to it. */
  refs: Map<string, PublishedRefs>;
  /** The commit's verified author (read once, when a sink asks); absent: nobody is verified. */
  verifiedAuthor?: () => Promise<VerifiedAuthor>;
}

export interface Sink {
  readonly name: SinkName;
  /**
   * The failures (fingerprints) this sink would publish an item of their own for — a ticket, an issue, a
   * message — for the run-level breaker; [] for a sink with one item per run (the PR comment, the webhook).
   */
  plannedFailures(groups: readonly FindingGroup[], report: TriageReport): readonly string[];
  /** Writes with the GitHub token: a fork's read-only token makes it skip. */
  readonly github?: boolean;
  publish(ctx: SinkContext): Promise<SinkOutcome>;
}

/** The failures at or above a minimum severity. */
export function atLeast(groups: readonly FindingGroup[], min: Severity): FindingGroup[] {
  return groups.filter((g) => SEVERITY_RANK[g.severity] >= SEVERITY_RANK[min]);
}

/** The prefix of every item's title, so people can find (and filter) what ci-triage published. */
export const TAG = '[ci-triage]';

/** The label every ticket or issue carries, and the one carrying its fingerprint. */
export const LABEL = 'ci-triage';
export const fingerprintLabel = (fingerprint: string): string => `ci-triage-fp-${fingerprint}`;

/** Start of the current UTC day, for daily caps. */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * An error's HTTP status, from the shapes the SDKs throw (Octokit `status`, jira.js `status`, fetch
 * `response.status`); undefined when no answer came (Octokit gives a network error or a timeout the status 500
 * without a response: that is not an answer).
 */
export function httpStatusOf(e: unknown): number | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const o = e as {
    name?: unknown;
    status?: unknown;
    statusCode?: unknown;
    response?: { status?: unknown };
  };
  if (o.name === 'AbortError' || o.name === 'TimeoutError') return undefined;
  if (o.name === 'HttpError' && o.response === undefined) return undefined;
  for (const v of [o.status, o.statusCode, o.response?.status]) if (typeof v === 'number') return v;
  return undefined;
}
