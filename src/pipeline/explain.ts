/**
 * The LLM stage of a triage run, after the deterministic one: one call per distinct failure (fingerprint),
 * on its representative job, with bounded concurrency. `auto` calls only where the deterministic result is
 * not confident (`wantsModel`). The model decides nothing: the explanation is stored next to the finding,
 * whose type, severity and fingerprint stay as they were. A failed call leaves the deterministic result
 * and a note. Each prompt carries the failing job's part of the run's workflow file, read once per run (only
 * when some failure is sent) through `workflowFile`; without it the prompt names the file only.
 */
import { type AnalyzeInput, type Analyzer, type LlmMode, wantsModel } from '../analyze/analyzer.js';
import { workflowSection } from '../analyze/workflow.js';
import { lineLink } from '../report/build.js';
import { groupByFingerprint } from '../report/groups.js';
import type { LlmUsage, TriageReport } from '../report/types.js';
import { forEachLimited } from './triage-run.js';

export interface ExplainOptions {
  mode: LlmMode;
  concurrency: number;
  /** At most this many calls in a run: the other distinct failures keep the deterministic result. */
  maxFailures?: number;
  /**
   * Reads the run's workflow file (at most once, and only when the model is called); `undefined` when it
   * cannot be had. Each prompt gets the failing job's part of it.
   */
  workflowFile?: () => Promise<{ path: string; text: string } | undefined>;
  debug?: (message: string) => void;
}

export const MAX_EXPLAINED_FAILURES = 10;

export async function explainReport(
  report: TriageReport,
  analyzer: Analyzer,
  o: ExplainOptions,
): Promise<LlmUsage> {
  const usage: LlmUsage = {
    provider: 'anthropic',
    model: analyzer.model,
    mode: o.mode,
    calls: 0,
    inputTokens: 0,
    outputTokens: 0,
    explained: 0,
    skipped: 0,
    fallbacks: 0,
  };
  let cost: number | undefined;
  let priced = true;
  const groups = groupByFingerprint(report);
  const chosen = groups.filter((g) => {
    const want = wantsModel(o.mode, g.representative.finding);
    if (!want.call) {
      usage.skipped++;
      g.representative.explanationNote = `not explained by the model: ${want.reason}`;
    }
    return want.call;
  });
  const max = o.maxFailures ?? MAX_EXPLAINED_FAILURES;
  const todo = chosen.slice(0, max);
  for (const g of chosen.slice(max))
    g.representative.explanationNote = `not explained: over ${max} distinct failures in the run`;
  if (chosen.length > max)
    report.notes.push(
      `Claude explained the first ${max} of ${chosen.length} distinct failures (the most severe); the others keep the deterministic result.`,
    );

  const file = todo.length > 0 && o.workflowFile ? await o.workflowFile() : undefined;
  const workflowOf = (jobName: string): AnalyzeInput['workflow'] => {
    if (file) return { path: file.path, ...workflowSection(file.text, jobName) };
    return report.run.workflowPath ? { path: report.run.workflowPath } : undefined;
  };

  await forEachLimited(todo, o.concurrency, async (g) => {
    const job = g.representative;
    const workflow = workflowOf(job.job.name);
    const result = await analyzer.analyze({
      jobName: job.job.name,
      finding: job.finding,
      ...(job.failedStep ? { failedStep: job.failedStep } : {}),
      ...(workflow ? { workflow } : {}),
      changedFiles: report.change.changedFiles,
      affectedFiles: job.affectedFiles,
    });
    const u = result.ok ? result.explanation.usage : result.usage;
    const c = result.ok ? result.explanation.costUsd : result.costUsd;
    usage.calls += u.calls;
    usage.inputTokens += u.inputTokens;
    usage.outputTokens += u.outputTokens;
    if (c === undefined) priced &&= u.calls === 0;
    else cost = (cost ?? 0) + c;
    if (result.ok) {
      usage.explained++;
      job.explanation = {
        ...result.explanation,
        citedLinks: result.explanation.citedLines.map((line) =>
          lineLink(report.run, job.job, job.finding, line, job.failedStep?.number),
        ),
      };
    } else {
      usage.fallbacks++;
      job.explanationNote = `the deterministic result stands: ${result.reason}`;
      o.debug?.(`Job "${job.job.name}": ${result.reason}`);
    }
  });
  if (usage.fallbacks > 0)
    report.notes.push(
      `${usage.fallbacks} failure(s) could not be explained by Claude (${analyzer.model}); the deterministic result stands (see each job's explanationNote in report.json).`,
    );
  if (priced && usage.calls > 0) usage.costUsd = Math.round((cost ?? 0) * 1_000_000) / 1_000_000;
  else if (usage.calls === 0) usage.costUsd = 0;
  report.llm = usage;
  return usage;
}
