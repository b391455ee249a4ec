/** The failure types of DESIGN.md, in one place. */
export const FAILURE_TYPES = [
  'test_failure',
  'build_error',
  'lint_error',
  'dependency_error',
  'config_error',
  'permission_error',
  'timeout',
  'resource_exhaustion',
  'infrastructure',
  'deploy_error',
  'unknown',
] as const;
export type FailureType = (typeof FAILURE_TYPES)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type LogFormat = 'github' | 'travis' | 'jenkins' | 'plain';

/** A line range of the original log (1-based, inclusive), most relevant first in a list. */
export interface Excerpt {
  startLine: number;
  endLine: number;
  /** The step (GitHub `Run …` group, Travis command, Jenkins stage) the lines belong to, when known. */
  step?: string;
  /** The most telling line of the excerpt. */
  keyLine: number;
  /** The built-in or user rule that matched the key line. */
  rule?: string;
  /** Relevance, higher is more relevant; only comparable within one log. */
  score: number;
  /** The lines, cleaned of timestamps and ANSI codes, each cut to a readable length. */
  lines: string[];
}

/** Context of the run a log comes from, used for severity. All optional. */
export interface RunContext {
  branch?: string;
  defaultBranch?: string;
  job?: string;
  event?: string;
  /** Deployment environment of the job, when it has one. */
  environment?: string;
  /** Git ref, e.g. refs/tags/v1.2.0. */
  ref?: string;
}
