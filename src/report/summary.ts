/**
 * The job summary of a triage run (Markdown with a little HTML, for `core.summary`). Pure.
 *
 * Readable at hundreds of failed jobs: jobs with the same fingerprint are one section ("same failure in 37
 * jobs"), the first few sections and table rows are open and the rest collapse into `<details>`. Never over
 * `maxBytes` UTF-8 bytes (a step summary holds 1 MiB): excerpts shrink first, then sections are dropped with
 * a "… N more" line, then only the header is left.
 *
 * Everything that comes from a log, a job or step name, a branch, a commit message or a pull-request title is
 * untrusted: control characters stripped, secrets redacted, HTML-escaped, Markdown punctuation neutralised,
 * mentions broken with a zero-width joiner. URLs are only ever the API's http(s) URLs.
 */
import type { Excerpt } from '../types.js';
import { type AnalysedJob, type FindingGroup, groupByFingerprint, SEVERITY_RANK } from './groups.js';
import {
  codeText,
  cut,
  cutBytes,
  mdCode,
  mdLink,
  mdText,
  oneLine,
  safeUrl,
  untrusted,
  utf8Bytes,
} from './text.js';
import { excerptRows } from './excerpt-rows.js';
import type { JobReport, TriageReport } from './types.js';

export interface SummaryOptions {
  /** Secret values to redact, on top of the token shapes `redact` knows. */
  secrets?: readonly string[];
  /** The most UTF-8 bytes the rendering may take. */
  maxBytes?: number;
  /** Finding sections shown open; the rest collapse. */
  openGroups?: number;
  /** Rows of the failed-jobs table shown open; the rest collapse. */
  openRows?: number;
}

export const STEP_SUMMARY_LIMIT = 1_048_576;

/** How much detail a rendering carries; smaller levels are tried until the rendering fits. */
interface Detail {
  excerptLines: number;
  lineChars: number;
  excerptsPerGroup: number;
  jobsPerGroup: number;
  tableRows: number;
  listRows: number;
  /** Finding sections rendered at all. */
  groups: number;
}

const LEVELS: Detail[] = [
  {
    excerptLines: 40,
    lineChars: 400,
    excerptsPerGroup: 3,
    jobsPerGroup: 500,
    tableRows: 1000,
    listRows: 500,
    groups: Infinity,
  },
  {
    excerptLines: 20,
    lineChars: 240,
    excerptsPerGroup: 2,
    jobsPerGroup: 200,
    tableRows: 500,
    listRows: 200,
    groups: Infinity,
  },
  {
    excerptLines: 10,
    lineChars: 160,
    excerptsPerGroup: 1,
    jobsPerGroup: 50,
    tableRows: 200,
    listRows: 50,
    groups: Infinity,
  },
  {
    excerptLines: 4,
    lineChars: 120,
    excerptsPerGroup: 1,
    jobsPerGroup: 10,
    tableRows: 50,
    listRows: 20,
    groups: Infinity,
  },
];

const SEVERITY_ICON = { critical: '🔴', high: '🟠', medium: '🟡', low: '⚪' } as const;

/** The summary of a step that failed before it could triage anything (a bad input, an unsupported event). */
export function renderFailureSummary(message: string, secrets: readonly string[] = []): string {
  return [
    '## ❌ ci-triage could not run',
    '',
    `<pre>${codeText(cut(untrusted(message, secrets), 4000))}</pre>`,
    '',
    'Nothing was read or published; the step fails with this message.',
    '',
  ].join('\n');
}

export function renderJobSummary(report: TriageReport, options: SummaryOptions = {}): string {
  const maxBytes = options.maxBytes ?? STEP_SUMMARY_LIMIT;
  const r = new Renderer(report, options);
  if (report.incomplete) return cutBytes(r.incomplete(), maxBytes);
  const groups = groupByFingerprint(report);
  for (const level of LEVELS) {
    const out = r.render(groups, level);
    if (utf8Bytes(out) <= maxBytes) return out;
  }
  // Drop finding sections from the end: the largest count that fits.
  const last = LEVELS[LEVELS.length - 1]!;
  let lo = 0;
  let hi = groups.length;
  let fit: string | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const out = r.render(groups, { ...last, groups: mid });
    if (utf8Bytes(out) <= maxBytes) {
      fit = out;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (fit !== undefined) return fit;
  const minimal = r.minimal();
  return utf8Bytes(minimal) <= maxBytes ? minimal : cutBytes(minimal, maxBytes);
}

class Renderer {
  private readonly secrets: readonly string[];
  private readonly openGroups: number;
  private readonly openRows: number;
  /** Redacted lines of each excerpt, computed once whatever the number of renderings. */
  private readonly cleaned = new WeakMap<Excerpt, Map<number, string>>();

  constructor(
    private readonly report: TriageReport,
    options: SummaryOptions,
  ) {
    this.secrets = options.secrets ?? [];
    this.openGroups = options.openGroups ?? 5;
    this.openRows = options.openRows ?? 20;
  }

  /** Untrusted text on one line, cut, for Markdown. */
  private t(s: string | undefined, max = 200): string {
    return s === undefined ? '' : mdText(cut(oneLine(s, this.secrets), max));
  }
  /** Untrusted text on one line, cut, as inline code. */
  private c(s: string, max = 200): string {
    return mdCode(cut(oneLine(s, this.secrets), max));
  }

  render(groups: FindingGroup[], d: Detail): string {
    const { report } = this;
    const out: string[] = [...this.header()];
    if (report.counts.failed === 0) {
      out.push(
        '',
        '✅ **Nothing to triage:** no job of this run failed' +
          (report.run.conclusion === null ? ' so far.' : '.'),
      );
    } else {
      out.push('', this.countsLine(groups), '', ...this.table(d));
      const shown = groups.slice(0, d.groups);
      if (shown.length > 0) {
        out.push('', '### Failures', '');
        shown.slice(0, this.openGroups).forEach((g, i) => out.push(...this.group(g, i + 1, d), ''));
        const rest = shown.slice(this.openGroups);
        if (rest.length > 0) {
          out.push(
            `<details><summary><b>${rest.length} more distinct failure${rest.length === 1 ? '' : 's'}</b></summary>`,
            '',
          );
          rest.forEach((g, i) => out.push(...this.group(g, this.openGroups + i + 1, d), ''));
          out.push('</details>', '');
        }
      }
      const dropped = groups.length - shown.length;
      if (dropped > 0) {
        const jobs = groups.slice(shown.length).reduce((n, g) => n + g.jobs.length, 0);
        out.push(
          `… ${dropped} more distinct failure${dropped === 1 ? '' : 's'} (${jobs} job${jobs === 1 ? '' : 's'}) not shown to keep this summary under its size limit: see report.json.`,
          '',
        );
      }
      out.push(...this.unavailable(d));
    }
    out.push(
      ...this.rerunLine(),
      ...this.listedOnly(d),
      ...this.notes(d),
      ...this.llmLine(),
      ...this.trends(),
      this.footer(),
    );
    return out.join('\n') + '\n';
  }

  /** GitHub could not be read: what failed, its status, what was reached, what to do. */
  incomplete(): string {
    const { run, incomplete: inc } = this.report;
    if (!inc) return '';
    const number = runNumber(run);
    const runText = `${this.t(run.name, 120) || 'workflow run'} ${number !== undefined ? `#${number}` : `run ${run.id}`}${
      run.attempt > 1 ? `, attempt ${run.attempt}` : ''
    }`;
    const status =
      inc.status !== undefined
        ? `HTTP ${inc.status}${inc.attempts && inc.attempts > 1 ? ` (after ${inc.attempts} attempts: ${this.t(inc.answers?.join(', '), 200)})` : ''}`
        : inc.attempts && inc.attempts > 1
          ? `no answer (${inc.attempts} attempts failed to connect)`
          : 'no answer';
    return (
      [
        `## ⚠️ ci-triage could not read ${mdLink(runText, run.htmlUrl)} from GitHub`,
        '',
        `**What failed:** reading ${this.t(inc.what, 200)}`,
        '',
        `**Status:** ${status}`,
        '',
        `**What was reached:** ${inc.reached.map((r) => this.t(r, 300)).join('; ')}.`,
        '',
        '**Why, and what to do:**',
        '',
        `<pre>${codeText(cut(untrusted(inc.message, this.secrets), 4000))}</pre>`,
        '',
        'No job was analysed and nothing was published; the step fails after this summary. Re-run the job once GitHub answers again.',
        '',
        this.footer(),
      ].join('\n') + '\n'
    );
  }

  /** The header and counts alone: the last resort when nothing else fits. */
  minimal(): string {
    const { counts } = this.report;
    return [
      ...this.header(),
      '',
      `${counts.failed} failed job${counts.failed === 1 ? '' : 's'}, ${counts.analysed} analysed: the details did not fit in the job summary; see report.json.`,
      '',
    ].join('\n');
  }

  private header(): string[] {
    const { run, change, counts } = this.report;
    const number = runNumber(run);
    const runText = `${this.t(run.name, 120) || 'workflow run'} ${number !== undefined ? `#${number}` : `run ${run.id}`}${
      run.attempt > 1 ? `, attempt ${run.attempt}` : ''
    }`;
    const title =
      counts.failed === 0
        ? `## ✅ ci-triage: nothing to triage in ${mdLink(runText, run.htmlUrl)}`
        : `## ❌ ci-triage: ${counts.failed} failed job${counts.failed === 1 ? '' : 's'} in ${mdLink(runText, run.htmlUrl)}`;
    const facts: string[] = [];
    if (run.headBranch) facts.push(`**Branch** ${this.c(run.headBranch, 120)}`);
    const sha = change.commit.sha || run.headSha;
    if (sha) {
      const url = change.commit.htmlUrl ?? `${repoUrl(run)}/commit/${sha}`;
      const message = change.commit.message?.split('\n')[0];
      facts.push(
        `**Commit** ${mdLink(this.c(sha.slice(0, 7)), url)}${message ? ` ${this.t(message, 100)}` : ''}`,
      );
    }
    facts.push(`**Event** ${this.c(run.event, 60)}`);
    const pr = change.pullRequest;
    if (pr) {
      facts.push(
        `**Pull request** ${mdLink(`#${pr.number}`, pr.htmlUrl)} ${this.t(pr.title, 120)}${pr.fork ? ' (from a fork)' : ''}`,
      );
    }
    return [title, '', facts.join(' · ')];
  }

  private countsLine(groups: FindingGroup[]): string {
    const { counts } = this.report;
    const parts = [`**${counts.failed}** failed job${counts.failed === 1 ? '' : 's'} of ${counts.jobs}`];
    if (counts.analysed > 0)
      parts.push(`**${groups.length}** distinct failure${groups.length === 1 ? '' : 's'}`);
    const over = counts.notAnalysed ?? 0;
    const missing = counts.unavailable - over;
    if (missing > 0) parts.push(`**${missing}** log${missing === 1 ? '' : 's'} not available`);
    if (over > 0) parts.push(`**${over}** not analysed (over max-jobs)`);
    if (counts.listedOnly > 0)
      parts.push(`**${counts.listedOnly}** job${counts.listedOnly === 1 ? '' : 's'} not analysed`);
    return parts.join(' · ');
  }

  private table(d: Detail): string[] {
    const rows = this.report.jobs
      .map((j, i) => ({ j, i }))
      .sort((a, b) => rank(b.j) - rank(a.j) || a.i - b.i)
      .map(({ j }) => j);
    const head = ['| Job | Failed step | Type | Severity | Log |', '| --- | --- | --- | --- | --- |'];
    const row = (j: JobReport) => {
      const f = j.finding;
      const step = j.failedStep?.name ?? (f?.failedSteps[0] !== undefined ? f.failedSteps[0] : '');
      const link = j.links[0];
      const where = f
        ? link
          ? mdLink(
              link.step !== undefined
                ? `step ${link.step}, line ${link.stepLine ?? ''}`
                : `line ${link.line}`,
              link.url,
            )
          : mdLink('job log', this.jobUrl(j))
        : `${mdLink('job', this.jobUrl(j))}: ${j.notAnalysed ? 'not analysed (over max-jobs)' : 'log not available'}`;
      return `| ${this.t(j.job.name, 120)} | ${this.t(step, 100)} | ${f ? mdCode(f.failureType) : '—'} | ${
        f ? `${SEVERITY_ICON[f.severity]} ${f.severity}` : '—'
      } | ${where} |`;
    };
    const shown = rows.slice(0, d.tableRows);
    const out = [...head, ...shown.slice(0, this.openRows).map(row)];
    const rest = shown.slice(this.openRows);
    if (rest.length > 0) {
      out.push(
        '',
        `<details><summary>${rest.length} more failed job${rest.length === 1 ? '' : 's'}</summary>`,
        '',
        ...head,
        ...rest.map(row),
        '',
        '</details>',
      );
    }
    if (rows.length > shown.length)
      out.push('', `… ${rows.length - shown.length} more failed jobs: see report.json.`);
    return out;
  }

  private group(g: FindingGroup, index: number, d: Detail): string[] {
    const f = g.representative.finding;
    const rep = g.representative;
    const names = g.jobs.slice(0, 3).map((j) => this.t(j.job.name, 80));
    const more = g.jobs.length - names.length;
    const who =
      g.jobs.length === 1
        ? `in ${names[0] ?? ''}`
        : `same failure in ${g.jobs.length} jobs: ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
    const out = [
      `#### ${index}. ${mdCode(f.failureType)} · ${SEVERITY_ICON[f.severity]} ${f.severity} · ${who}`,
      '',
    ];

    const facts: string[] = [];
    const step = rep.failedStep?.name ?? f.failedSteps[0];
    if (step !== undefined) facts.push(`**Step** ${this.t(step, 120)}`);
    const link = rep.links[0];
    if (link) {
      const text =
        link.step !== undefined
          ? `line ${link.stepLine ?? ''} of step ${link.step}`
          : `line ${link.line} of the job log`;
      facts.push(mdLink(`**${text}**`, link.url) + (link.exact === false ? ' (step approximate)' : ''));
    }
    facts.push(`**Fingerprint** ${mdCode(g.fingerprint)}`);
    facts.push(`**Confidence** ${f.confidence.toFixed(2)}`);
    facts.push(f.transient ? '**Transient:** yes, a re-run may pass' : '**Transient:** no');
    out.push(facts.join(' · '));
    out.push(...this.recurrence(g.fingerprint));

    const files = [...new Set(g.jobs.flatMap((j) => j.affectedFiles))];
    if (files.length > 0) {
      const shown = files.slice(0, 20).map((p) => this.c(p, 160));
      out.push(
        '',
        `**Changed files named in the log:** ${shown.join(', ')}${files.length > 20 ? ` and ${files.length - 20} more` : ''}`,
      );
    }
    if (rep.baseline)
      out.push('', `Compared with ${mdLink('the last passing run of this job', rep.baseline.htmlUrl)}.`);
    out.push(...this.explanation(rep, d));

    const excerpts = f.excerpts.slice(0, d.excerptsPerGroup);
    if (excerpts.length === 0) out.push('', '_The log is empty: no lines to show._');
    excerpts.forEach((e, k) => {
      if (k === 1)
        out.push(
          '',
          `<details><summary>${excerpts.length - 1} more excerpt${excerpts.length === 2 ? '' : 's'}</summary>`,
        );
      const l = rep.links.find((x) => x.line === e.keyLine);
      const where = e.startLine === e.endLine ? `Line ${e.startLine}` : `Lines ${e.startLine}–${e.endLine}`;
      out.push(
        '',
        `${mdLink(where, l?.url)} of the log${e.step ? ` in ${this.c(e.step, 120)}` : ''}:`,
        '',
        this.excerpt(e, d),
      );
    });
    if (excerpts.length > 1) out.push('', '</details>');
    if (f.excerpts.length > excerpts.length)
      out.push('', `_${f.excerpts.length - excerpts.length} more excerpt(s) in report.json._`);

    if (g.jobs.length > 1) {
      const list = g.jobs
        .slice(0, d.jobsPerGroup)
        .map((j) => `- ${mdLink(this.t(j.job.name, 120), j.links[0]?.url ?? this.jobUrl(j))}`);
      if (g.jobs.length > d.jobsPerGroup) list.push(`- … ${g.jobs.length - d.jobsPerGroup} more`);
      out.push(
        '',
        `<details><summary>The ${g.jobs.length} jobs with this failure</summary>`,
        '',
        ...list,
        '',
        '</details>',
      );
    }
    return out;
  }

  /** An excerpt as a `<pre>` block, line numbers on the left, the key line marked and bold. */
  private excerpt(e: Excerpt, d: Detail): string {
    const rows = excerptRows(e, d.excerptLines, (num, i, key) => {
      const text = codeText(cut(this.line(e, i), d.lineChars));
      return key ? `<b>${num} ▶ ${text}</b>` : `${num} │ ${text}`;
    });
    return `<pre><code>${rows.join('\n')}</code></pre>`;
  }

  /** One excerpt line, redacted whole before any cut (so a cut never leaves half a secret unredacted). */
  private line(e: Excerpt, i: number): string {
    let m = this.cleaned.get(e);
    if (!m) this.cleaned.set(e, (m = new Map<number, string>()));
    let s = m.get(i);
    if (s === undefined) {
      s = untrusted(e.lines[i] ?? '', this.secrets).replace(/\n/g, ' ');
      m.set(i, s);
    }
    return s;
  }

  private unavailable(d: Detail): string[] {
    const without = this.report.jobs.filter((j) => j.finding === undefined);
    const section = (title: string, jobs: JobReport[]): string[] => {
      if (jobs.length === 0) return [];
      const list = jobs
        .slice(0, d.listRows)
        .map(
          (j) =>
            `- ${mdLink(this.t(j.job.name, 120), this.jobUrl(j))}: ${this.t(j.unavailable ?? 'not analysed', 200)}`,
        );
      if (jobs.length > d.listRows) list.push(`- … ${jobs.length - d.listRows} more: see report.json`);
      const body = [title, '', ...list, ''];
      return jobs.length > this.openRows
        ? [
            `<details><summary>${jobs.length} ${title.replace(/^### /, '').toLowerCase()}</summary>`,
            '',
            ...body,
            '</details>',
            '',
          ]
        : body;
    };
    return [
      ...section(
        '### Logs not available',
        without.filter((j) => j.notAnalysed === undefined),
      ),
      ...section(
        '### Failed jobs not analysed (over max-jobs)',
        without.filter((j) => j.notAnalysed !== undefined),
      ),
    ];
  }

  private listedOnly(d: Detail): string[] {
    const jobs = this.report.listedOnly;
    if (jobs.length === 0) return [];
    const list = jobs
      .slice(0, d.listRows)
      .map(
        ({ job, reason }) =>
          `- ${this.t(job.name, 120)} (${this.t(job.conclusion ?? job.status, 40)}): ${this.t(reason, 200)}`,
      );
    if (jobs.length > d.listRows) list.push(`- … ${jobs.length - d.listRows} more`);
    const body = ['### Jobs listed but not analysed', '', ...list, ''];
    return jobs.length > this.openRows
      ? [
          `<details><summary>${jobs.length} jobs listed but not analysed</summary>`,
          '',
          ...body,
          '</details>',
          '',
        ]
      : body;
  }

  private explanation(j: AnalysedJob, d: Detail): string[] {
    return explanationMarkdown(j, {
      secrets: this.secrets,
      ownUrl: `${repoUrl(this.report.run)}/`,
      ticketDraft: d.excerptLines >= 20,
    });
  }

  /** What the history says of one failure: how often, since when, where; flaky with its evidence. */
  private recurrence(fingerprint: string): string[] {
    const h = this.report.history;
    const r = h?.recurrences[fingerprint];
    if (!h || !r || r.generic) return [];
    const out: string[] = [];
    if (r.occurrences > 1) {
      const first = r.firstSeen;
      const firstText = `${first.runNumber !== undefined ? `#${first.runNumber}` : `run ${first.runId}`} on ${first.time.slice(0, 10)}`;
      const where = [
        r.branches.length
          ? `branches ${r.branches
              .slice(0, 5)
              .map((b) => this.c(b, 60))
              .join(', ')}${r.branches.length > 5 ? ` and ${r.branches.length - 5} more` : ''}`
          : '',
        r.prs.length
          ? `pull requests ${r.prs
              .slice(0, 8)
              .map((n) => `#${n}`)
              .join(', ')}`
          : '',
      ].filter((x) => x !== '');
      out.push(
        '',
        `🔁 **Seen in ${r.occurrences} runs in the last ${h.windowDays} days** — first in ${mdLink(firstText, first.runUrl)}` +
          (where.length ? `; ${where.join('; ')}` : '') +
          (r.escalate
            ? ` · ⏫ **escalated** (threshold ${h.threshold})`
            : r.escalatedBefore
              ? ' · escalated earlier'
              : ''),
      );
    } else out.push('', '🆕 **First time seen** in the history window.');
    if (r.flaky) out.push('', `🎲 **Flaky:** ${r.evidence.map((e) => this.t(e.text, 300)).join('; ')}.`);
    return out;
  }

  /** The gated re-run: done, would be done (dry-run), or why not. */
  private rerunLine(): string[] {
    const x = this.report.history?.rerun;
    if (!x) return [];
    const text = x.requested
      ? `🔁 **Re-ran the failed jobs** (attempt ${this.report.run.attempt + 1}): ${this.t(x.reason, 600)}`
      : x.rerun && x.dryRun
        ? `🧪 **Would re-run the failed jobs** (dry run): ${this.t(x.reason, 600)}`
        : x.rerun && x.error
          ? `⚠️ **The re-run failed:** ${this.t(x.error, 400)}`
          : `**No re-run:** ${this.t(x.reason, 600)}`;
    return ['', text, ''];
  }

  /** Failure types over the window (a Mermaid chart), the top failures, failure rate per workflow, time to green. */
  private trends(): string[] {
    const h = this.report.history;
    if (h?.error && h.trends.records === 0) return ['', `<sub>History: ${this.t(h.error, 300)}</sub>`, ''];
    if (!h || h.trends.records === 0) return [];
    const t = h.trends;
    const out = ['', `### Trends (last ${h.windowDays} days, ${t.records} records)`, ''];
    if (t.byType.length) {
      out.push('```mermaid', `pie showData title Failed jobs by type, last ${h.windowDays} days`);
      for (const x of t.byType) out.push(`    "${x.type}" : ${x.count}`);
      out.push('```', '');
    }
    if (t.top.length) {
      out.push('| Failure | Type | Runs | Last seen | Key line |', '| --- | --- | --- | --- | --- |');
      for (const x of t.top.slice(0, 5))
        out.push(
          `| ${mdCode(x.fingerprint)} | ${x.failureType ? mdCode(x.failureType) : '—'} | ${x.occurrences} | ${x.lastSeen.slice(0, 10)} | ${x.keyLine ? this.c(x.keyLine, 120) : ''} |`,
        );
      out.push('');
    }
    const rates = t.workflows
      .map(
        (w) =>
          `${this.t(w.workflow, 80)} ${Math.round(w.rate * 100)}% (${w.failedRuns} failed of ${w.failedRuns + w.passedRuns} seen)`,
      )
      .slice(0, 5);
    if (rates.length) out.push(`**Failure rate:** ${rates.join(' · ')}`);
    if (t.timeToGreen.samples > 0)
      out.push(
        '',
        `**Time to green** (first failure on a branch to its next passing run): median ${hoursText(t.timeToGreen.medianHours ?? 0)}, longest ${hoursText(t.timeToGreen.maxHours ?? 0)} over ${t.timeToGreen.samples} streak${t.timeToGreen.samples === 1 ? '' : 's'}`,
      );
    out.push(
      '',
      `<sub>History read in ${h.cost.calls} API call${h.cost.calls === 1 ? '' : 's'} (${h.cost.snapshots} snapshot${h.cost.snapshots === 1 ? '' : 's'}, ${Math.round(h.cost.ms)} ms).</sub>`,
      '',
    );
    return out;
  }

  private llmLine(): string[] {
    const u = this.report.llm;
    if (!u || u.calls + u.explained + u.fallbacks === 0) return [];
    const cost = u.costUsd === undefined ? 'no price for this model' : `about ${usd(u.costUsd)}`;
    return [
      `<sub>Claude (${codeText(u.model)}, llm: ${u.mode}): ${u.explained} failure${u.explained === 1 ? '' : 's'} explained, ${u.skipped} skipped, ${u.fallbacks} left to the rules · ${u.calls} call${u.calls === 1 ? '' : 's'}, ${u.inputTokens} input + ${u.outputTokens} output tokens, ${cost}</sub>`,
      '',
    ];
  }

  private notes(d: Detail): string[] {
    const notes = this.report.notes;
    if (notes.length === 0) return [];
    const list = notes.slice(0, d.listRows).map((n) => `- ${this.t(n, 500)}`);
    if (notes.length > d.listRows) list.push(`- … ${notes.length - d.listRows} more`);
    return ['### Notes', '', ...list, ''];
  }

  private footer(): string {
    const r = this.report;
    return `<sub>ci-triage ${this.t(r.tool.version, 40)} · ${this.t(r.mode, 20)} mode · ${this.t(r.generatedAt, 40)} · the full report is report.json</sub>`;
  }

  private jobUrl(j: JobReport): string {
    return `${this.report.run.htmlUrl.replace(/\/+$/, '')}/job/${j.job.id}`;
  }
}

function hoursText(h: number): string {
  return h < 1
    ? `${Math.max(1, Math.round(h * 60))} min`
    : h < 48
      ? `${h.toFixed(1)} h`
      : `${(h / 24).toFixed(1)} days`;
}

/** Anything a Markdown renderer could turn into a link: a scheme URL or a `www.` address. */
/**
 * Claude's explanation of a failure, as Markdown lines (the run's summary and the `log-path` summary). Model
 * text is untrusted like a log: escaped, mentions broken, no images, and URLs shown as code except links into
 * this repository (`ownUrl`, e.g. `https://github.com/{owner}/{repo}/`; none when absent).
 */
export function explanationMarkdown(
  j: Pick<AnalysedJob, 'explanation' | 'explanationNote' | 'finding'>,
  o: { secrets: readonly string[]; ownUrl?: string; ticketDraft: boolean },
): string[] {
  const t = (s: string, max: number) => mdText(cut(oneLine(s, o.secrets), max));
  const m = (s: string, max: number) => modelText(s, max, o.secrets, o.ownUrl);
  const x = j.explanation;
  if (!x) {
    const note = j.explanationNote;
    return note?.startsWith('the deterministic result stands')
      ? [
          '',
          `_Claude could not explain this failure: ${t(note.replace(/^the deterministic result stands: /, ''), 300)}; the result above is the deterministic one._`,
        ]
      : [];
  }
  const links = x.citedLinks ?? x.citedLines.map((line) => ({ line, url: undefined }));
  const cited = links.slice(0, 20).map((l) => mdLink(String(l.line), l.url));
  const out = [
    '',
    `**Explanation** (Claude, model ${mdCode(x.model)}, grounded in line${cited.length === 1 ? '' : 's'} ${cited.join(', ')})`,
    '',
    `> **Cause:** ${m(x.cause, 400)}`,
    '>',
    `> **Suggested fix:** ${m(x.fix, 1000)}`,
  ];
  if (x.typeRefinedByModel && x.failureType)
    out.push(
      '>',
      `> **Type refined by Claude:** ${mdCode(x.failureType)} (the rules said ${mdCode(j.finding.failureType)} with confidence ${j.finding.confidence.toFixed(2)}; severity and fingerprint stay the rules')`,
    );
  if (x.affectedFiles.length)
    out.push(
      '>',
      `> **Files:** ${x.affectedFiles
        .slice(0, 10)
        .map((p) => mdCode(cut(oneLine(p, o.secrets), 160)))
        .join(', ')}`,
    );
  if (o.ticketDraft)
    out.push(
      '>',
      `> <details><summary>Ticket draft: ${m(x.ticketTitle, 80)}</summary>`,
      '>',
      `> ${m(x.description, 2000)}`,
      '>',
      '> </details>',
    );
  const cost = x.costUsd === undefined ? 'no price for this model' : `about ${usd(x.costUsd)}`;
  out.push(
    '>',
    `> <sub>Claude's own confidence ${x.confidence.toFixed(2)} · ${x.usage.inputTokens} input + ${x.usage.outputTokens} output tokens in ${x.usage.calls} call${x.usage.calls === 1 ? '' : 's'} · ${cost} · model text: check it against the cited lines</sub>`,
  );
  return out;
}

/** Model text on one line: escaped, with URLs as code unless they point into this repository. */
function modelText(s: string, max: number, secrets: readonly string[], own: string | undefined): string {
  const text = cut(oneLine(s, secrets), max);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URLISH)) {
    let url = m[0];
    const trail = /[.,;:!?)\]}'"*_~]+$/.exec(url)?.[0] ?? '';
    url = url.slice(0, url.length - trail.length);
    out += mdText(text.slice(last, m.index)) + modelUrl(url, own) + mdText(trail);
    last = m.index + m[0].length;
  }
  return out + mdText(text.slice(last));
}

const URLISH = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"'`]+/gi;

/**
 * A URL from model text: a link when it is an http(s) URL into this repository (no `..` tricks); otherwise
 * inline code, with `://` and `www.` broken by a zero-width space so no renderer autolinks it.
 */
function modelUrl(url: string, own: string | undefined): string {
  if (
    own !== undefined &&
    url.startsWith(own) &&
    !/\.\.|%2e|%2f|\\/i.test(url.slice(own.length)) &&
    safeUrl(url)
  )
    return mdLink(mdText(url), url);
  return mdCode(url.replace(/:\/\//, ':\u200b//').replace(/^www\./i, 'www\u200b.'));
}

const usd = (x: number): string => (x < 0.01 ? `$${x.toFixed(4)}` : `$${x.toFixed(2)}`);

const rank = (j: JobReport): number => (j.finding ? SEVERITY_RANK[j.finding.severity] : -1);

/** `https://github.com/o/r` from a run's `…/o/r/actions/runs/N` URL. */
function repoUrl(run: TriageReport['run']): string {
  const m = /^(https?:\/\/[^\s]+?)\/actions\/runs\/\d+/.exec(run.htmlUrl);
  return m?.[1] ?? `https://github.com/${run.owner}/${run.repo}`;
}

/** The run number shown in the UI, when collection recorded one (`run_number` of the REST API). */
function runNumber(run: TriageReport['run']): number | undefined {
  const n =
    (run as { number?: unknown; runNumber?: unknown }).number ?? (run as { runNumber?: unknown }).runNumber;
  return typeof n === 'number' ? n : undefined;
}
