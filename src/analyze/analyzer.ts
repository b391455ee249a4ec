/**
 * The LLM stage's narrow interface. An `Analyzer` explains one analysed failure; it decides nothing:
 * severity, fingerprint, dedupe and routing stay deterministic. The real one is `claude.ts`; tests hand in
 * the real one pointed at a local fake, or any object with this shape.
 */
import type { Finding } from '../pipeline/analyze-log.js';
import type { FailureType } from '../types.js';

export const LLM_MODES = ['auto', 'always', 'never'] as const;
export type LlmMode = (typeof LLM_MODES)[number];

/** Below this deterministic confidence `llm: auto` calls the model (and always for type `unknown`). */
export const AUTO_CONFIDENCE = 0.6;
/** Below this deterministic confidence the model may refine the failure type. */
export const REFINE_CONFIDENCE = 0.5;

/** Whether the model is called for a finding: `auto` when the deterministic result is not confident. */
export function wantsModel(mode: LlmMode, finding: Finding): { call: boolean; reason: string } {
  if (mode === 'never') return { call: false, reason: 'llm: never' };
  if (finding.excerpts.length === 0) return { call: false, reason: 'no excerpt to explain' };
  if (mode === 'always') return { call: true, reason: 'llm: always' };
  if (finding.failureType === 'unknown') return { call: true, reason: 'failure type unknown' };
  if (finding.confidence < AUTO_CONFIDENCE)
    return { call: true, reason: `confidence ${finding.confidence.toFixed(2)} < ${AUTO_CONFIDENCE}` };
  return { call: false, reason: `confident (${finding.confidence.toFixed(2)} ≥ ${AUTO_CONFIDENCE})` };
}

/** What the model is told about one failure. Everything here is redacted before it is sent. */
export interface AnalyzeInput {
  jobName: string;
  finding: Finding;
  /** The failed step per the jobs API (its name is the command for `run:` steps: "Run npm test"). */
  failedStep?: { number: number; name: string };
  /**
   * The workflow file: its path, and when it could be read the relevant part of it (the failing job's
   * section, `job` being its key; else the `jobs:` block), see `workflow.ts`.
   */
  workflow?: { path: string; text?: string; job?: string };
  /** Files changed by the commit or pull request. */
  changedFiles: readonly string[];
  /** Changed files the excerpts name (deterministic). */
  affectedFiles: readonly string[];
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  /** Requests that reached the API and answered (including answers that failed validation). */
  calls: number;
}

/** A validated, grounded answer. Model text is untrusted: renderers escape it. */
export interface Explanation {
  provider: 'anthropic';
  model: string;
  promptVersion: string;
  cause: string;
  fix: string;
  /** Log lines the model cited, each one that was sent; with its link when the job's log is on GitHub. */
  citedLines: number[];
  citedLinks?: Array<{ line: number; url: string }>;
  affectedFiles: string[];
  /** The model's own confidence, 0..1 (not the deterministic one). */
  confidence: number;
  ticketTitle: string;
  description: string;
  /** The type the model proposed; adopted only when `typeRefinedByModel`. */
  failureType?: FailureType;
  /** True when the deterministic confidence was below 0.5 and the model proposed another type. */
  typeRefinedByModel: boolean;
  usage: Usage;
  /** Estimated USD; absent when the model has no price. */
  costUsd?: number;
  /** The prompt's estimated size (conservative, chars/3). */
  promptTokensEstimate: number;
  /** Parts of the material left out to fit `llm-max-input-tokens`. */
  truncated: string[];
}

export type AnalyzeResult =
  | { ok: true; explanation: Explanation }
  | {
      ok: false;
      /** For people: why the deterministic result stands. */
      reason: string;
      usage: Usage;
      costUsd?: number;
      model: string;
    };

export interface Analyzer {
  readonly model: string;
  analyze(input: AnalyzeInput): Promise<AnalyzeResult>;
}
