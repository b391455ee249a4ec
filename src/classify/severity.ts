/**
 * Severity from run context (DESIGN.md): critical when a deploy/release job fails on the default branch, a
 * release tag or a production environment; high when the default (or a protected) branch is broken; medium
 * for pull requests and feature branches; low for lint-only or transient failures. The patterns are inputs.
 */
import type { FailureType, RunContext, Severity } from '../types.js';

export interface SeverityRules {
  /** Branches treated like the default branch (glob patterns: `*` matches any run of characters). */
  protectedBranches: string[];
  /** Job names that deploy or release. */
  deployJobs: string[];
  /** Environments that count as production. */
  productionEnvironments: string[];
  /** Tag refs that are releases. */
  releaseTags: string[];
}

export const DEFAULT_SEVERITY_RULES: SeverityRules = {
  protectedBranches: ['main', 'master', 'release/*', 'release-*'],
  deployJobs: ['*deploy*', '*release*', '*publish*'],
  productionEnvironments: ['prod', 'production', 'live'],
  releaseTags: ['v*'],
};

export function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

const matchesAny = (value: string | undefined, globs: string[]) =>
  value !== undefined && globs.some((g) => globToRegExp(g).test(value));

export interface SeverityInput {
  failureType: FailureType;
  transient: boolean;
  context: RunContext;
  /** A severity a user rule fixed for this failure. */
  ruleSeverity?: Severity;
}

export function severityOf(input: SeverityInput, rules: SeverityRules = DEFAULT_SEVERITY_RULES): Severity {
  if (input.ruleSeverity) return input.ruleSeverity;
  const { context: c } = input;
  const tag = c.ref?.startsWith('refs/tags/') ? c.ref.slice('refs/tags/'.length) : undefined;
  const onDefault =
    (c.branch !== undefined && c.branch === c.defaultBranch) || matchesAny(c.branch, rules.protectedBranches);
  const release = tag !== undefined && matchesAny(tag, rules.releaseTags);
  const production = matchesAny(c.environment, rules.productionEnvironments);
  const deployJob = matchesAny(c.job, rules.deployJobs) || input.failureType === 'deploy_error';

  if (deployJob && (onDefault || release || production) && !input.transient) return 'critical';
  if (input.failureType === 'lint_error' || input.transient) return 'low';
  if (onDefault || release) return 'high';
  return 'medium';
}
