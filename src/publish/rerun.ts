/**
 * The gated re-run: asks GitHub to re-run the failed jobs of the triaged run, once the history and the rules
 * said it is safe (`rerunDecision` in ../history/analysis.ts). Audited before and after; in dry-run only
 * recorded as skipped. Needs `actions: write`.
 */
import type { GitHubClient } from '../collect/github.js';
import type { RerunDecision } from '../history/analysis.js';
import type { TriageReport } from '../report/types.js';
import type { AuditLog } from './audit.js';
import { describeGitHubWriteError } from './github-errors.js';

export type RerunResult = RerunDecision & { requested: boolean; dryRun?: boolean; error?: string };

export async function rerunFailedJobs(
  octokit: GitHubClient,
  report: TriageReport,
  decision: RerunDecision,
  o: { dryRun: boolean; enabled: boolean; audit: AuditLog },
): Promise<RerunResult> {
  const { owner, repo, id } = report.run;
  const target = `run ${id} attempt ${report.run.attempt}`;
  if (!decision.rerun) return { ...decision, requested: false };
  if (!o.enabled) {
    o.audit.skipped('rerun', 'rerun-failed-jobs', target, 'kill switch: enabled is false');
    return {
      ...decision,
      rerun: false,
      requested: false,
      reason: `${decision.reason} — but ci-triage is switched off (enabled: false)`,
    };
  }
  if (o.dryRun) {
    o.audit.skipped('rerun', 'rerun-failed-jobs', target, 'dry-run');
    return { ...decision, requested: false, dryRun: true };
  }
  try {
    await o.audit.around('rerun', 'rerun-failed-jobs', target, () =>
      octokit.rest.actions.reRunWorkflowFailedJobs({ owner, repo, run_id: id }),
    );
    return { ...decision, requested: true };
  } catch (e) {
    return {
      ...decision,
      requested: false,
      error: describeGitHubWriteError(e, `the re-run of run ${id}`, 'actions: write'),
    };
  }
}
