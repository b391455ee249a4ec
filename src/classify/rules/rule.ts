/**
 * What a rule is, and what the coverage table says of a tool. The rules themselves are data, one file per
 * ecosystem beside this one (`python.ts` holds the pytest rules), put together in `../rules.ts`.
 *
 * Weights: 9–10 a precise root-cause signature; 7–8 a strong one; 5–6 good; 3–4 a summary or weak signal;
 * 1–2 generic. `noise` rules cancel weak matches (weight < NOISE_CANCELS_BELOW) on the same line.
 */
import type { FailureType, Severity } from '../../types.js';

export interface Rule {
  id: string;
  pattern: RegExp;
  weight: number;
  type?: FailureType;
  transient?: boolean;
  generic?: boolean;
  noise?: boolean;
  /** User rules only: the severity this failure has, whatever the run context. */
  severity?: Severity;
  /** With `noise`: cancels every match on the line, not only weak ones. */
  hard?: boolean;
  /** With `noise`: cancels matches below this weight instead of NOISE_CANCELS_BELOW. */
  cancelsBelow?: number;
  /** User rules only: known noise, never shown. */
  ignore?: boolean;
  /** True for rules from a user rules file: evaluated on every line, not only on prefiltered ones. */
  user?: boolean;
  examples?: string[];
}

export const NOISE_CANCELS_BELOW = 6;

/** A rule, in the order its fields are read in the tables. */
export const R = (
  id: string,
  weight: number,
  type: FailureType | undefined,
  pattern: RegExp,
  examples: string[],
  extra: Partial<Rule> = {},
): Rule => ({ id, weight, pattern, examples, ...(type ? { type } : {}), ...extra });

/** A line of a tool's real output, and where it was taken from. */
export interface SourcedLine {
  line: string;
  /** Where the line comes from: the tool's documentation (a URL), or its source or test fixtures (`owner/repo path`). */
  source: string;
}

/** One tool that CI jobs run, and how the analyzer recognises its failures. */
export interface ToolCoverage {
  /** The tool as people name it: `pytest`, `go test`, `GitHub Actions runner`. */
  tool: string;
  kind: 'test' | 'build' | 'lint' | 'package' | 'container' | 'infrastructure' | 'runner';
  /** The rules that recognise its failure lines, by id (of any ecosystem file); empty when `none` is given. */
  rules: string[];
  /** Why the tool needs no rule of its own (e.g. its failures are another tool's output, already covered). */
  none?: string;
  /** Failure lines of the tool: each must be matched by one of `rules` (tested). */
  examples: Array<SourcedLine & { type?: FailureType }>;
  /** Lines of its ordinary output that must not score as failures (tested): passing results, warnings, counts. */
  lookalikes: SourcedLine[];
}

/** One file of the rule table. */
export interface Ecosystem {
  name: string;
  /** The file's name under `src/classify/rules/`, without `.ts`. */
  file: string;
  rules: Rule[];
  tools: ToolCoverage[];
}
