/**
 * One log, from bytes to a finding: extract → classify → severity → fingerprint. Pure apart from reading
 * the stream it is given; the CLI and the action both call it.
 */
import { classify } from '../classify/classify.js';
import { fingerprintOf } from '../classify/fingerprint.js';
import type { Rule } from '../classify/rules.js';
import { BUILTIN_RULES } from '../classify/rules.js';
import type { SeverityRules } from '../classify/severity.js';
import { severityOf } from '../classify/severity.js';
import type { BaselineIndex } from '../logs/extract.js';
import { baselineKey, Extractor } from '../logs/extract.js';
import { cleanLine } from '../logs/clean.js';
import { ScanningSplitter } from '../logs/fast-lines.js';
import { keepYoungGenerationSmall } from '../logs/heap.js';
import { LineSplitter } from '../logs/lines.js';
import type { Excerpt, FailureType, LogFormat, RunContext, Severity } from '../types.js';

export interface Finding {
  failureType: FailureType;
  severity: Severity;
  confidence: number;
  transient: boolean;
  fingerprint: string;
  /** The masked lines the fingerprint was made of. */
  fingerprintLines: string[];
  /** The most telling line: the key line of the first excerpt. */
  rootCauseLine?: number;
  excerpts: Excerpt[];
  format: LogFormat;
  totalLines: number;
  failedSteps: string[];
  /** Where each step (GitHub `Run …` group, Travis command, Jenkins stage) starts in the log, in order. */
  steps: Array<{ name: string; startLine: number; failed: boolean }>;
  evidence: string[];
  ignoredLines: number;
  usedBaseline: boolean;
}

export interface AnalyzeOptions {
  /** User rules; the built-in table always applies first. */
  userRules?: readonly Rule[];
  baseline?: BaselineIndex;
  /** Paths the pull request or commit changed: excerpts that name one rank higher. */
  changedFiles?: readonly string[];
  context?: RunContext;
  severityRules?: SeverityRules;
  maxExcerpts?: number;
}

export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export async function analyzeLog(source: ByteSource, options: AnalyzeOptions = {}): Promise<Finding> {
  const rules = [...BUILTIN_RULES, ...(options.userRules ?? [])];
  const extractor = new Extractor({
    rules,
    ...(options.baseline ? { baseline: options.baseline } : {}),
    ...(options.changedFiles ? { changedFiles: options.changedFiles } : {}),
    ...(options.maxExcerpts ? { maxExcerpts: options.maxExcerpts } : {}),
  });
  // Lines a scanner rules out from their bytes are only counted and kept as context (see Extractor); with
  // user rules, which apply to every line, each line is pushed.
  const splitter = extractor.canScan()
    ? new ScanningSplitter(extractor, () => extractor.scanner())
    : new LineSplitter((line) => extractor.push(line));
  for await (const chunk of source) {
    splitter.push(chunk);
    keepYoungGenerationSmall(chunk.length);
  }
  splitter.end();
  const ex = extractor.finish();

  const cls = classify(ex.anchors, ex.failedSections);
  const ruleSeverity = ex.anchors[0]?.find((a) => a.rule?.severity)?.rule?.severity;
  const severity = severityOf(
    {
      failureType: cls.failureType,
      transient: cls.transient,
      context: options.context ?? {},
      ...(ruleSeverity ? { ruleSeverity } : {}),
    },
    options.severityRules,
  );
  const fp = fingerprintOf(cls.failureType, ex.anchors, ex.excerpts);
  const first = ex.excerpts[0];
  return {
    failureType: cls.failureType,
    severity,
    confidence: cls.confidence,
    transient: cls.transient,
    fingerprint: fp.fingerprint,
    fingerprintLines: fp.keyLines,
    ...(first ? { rootCauseLine: first.keyLine } : {}),
    excerpts: ex.excerpts,
    format: ex.format,
    totalLines: ex.totalLines,
    failedSteps: ex.failedSections.map((s) => s.name).filter((n) => n !== ''),
    steps: ex.sections
      .filter((s) => s.name !== '')
      .map((s) => ({ name: s.name, startLine: s.startLine, failed: s.failed })),
    evidence: cls.evidence,
    ignoredLines: ex.ignoredLines,
    usedBaseline: options.baseline !== undefined,
  };
}

/** Reads a passing log into the set of its masked lines. Bounded: past `maxLines` distinct lines, stops adding. */
export async function buildBaseline(source: ByteSource, maxLines = 2_000_000): Promise<BaselineIndex> {
  const index: BaselineIndex = new Set();
  const splitter = new LineSplitter((line) => {
    if (index.size >= maxLines) return;
    const text = cleanLine(line.text);
    if (text.trim() !== '') index.add(baselineKey(text));
  });
  for await (const chunk of source) {
    splitter.push(chunk);
    keepYoungGenerationSmall(chunk.length);
  }
  splitter.end();
  return index;
}
