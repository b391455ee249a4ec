/**
 * The Jira ticket of one distinct failure (a fingerprint group) and the comment for a new occurrence of it, as
 * Atlassian Document Format (Jira Cloud, REST v3) and as Jira wiki markup (Server / Data Center, REST v2). Pure.
 *
 * Both come from one content model (headings, paragraphs, bullet lists, one code block), so the two formats
 * carry the same things: what failed (repository, workflow, branch, job, step, type, severity, confidence,
 * fingerprint), the excerpt with line numbers and the key line marked, Claude's explanation when there is one,
 * and links to the run, the failing line, the pull request and the commit. The description and every
 * occurrence comment carry a line naming the run (`ci-triage run <id>, attempt <n>`): that is how a re-run
 * attempt finds what an earlier attempt published (`runAttemptIn`).
 *
 * With the report's history, the description and the occurrence comment also say how often the failure was
 * seen (`Seen in N runs in the last D days — first in run #12 on 2026-04-20; branches …; pull requests #…`) and,
 * when it is flaky, the first piece of evidence. An escalation (the failure reached the threshold) is a comment
 * of its own (`escalationAdf` / `escalationWiki`) that names the run (`Escalated in ci-triage run <id>, attempt
 * <n>`), so that a new attempt of the run does not escalate again.
 *
 * Everything from a log, a job or step name, a branch, a commit or the model is untrusted: control characters
 * stripped and secrets redacted (`untrusted`/`oneLine`, with `secrets`), and then
 * - in ADF it is only ever the `text` of a text node (never a mark, a mention, an emoji or a card); outside the
 *   code block `://` and `www.` get a zero-width space so no renderer turns it into a link;
 * - in wiki markup every character that starts markup (`{ } [ ] | * _ - + ^ ~ ? ! #`) is escaped with a
 *   backslash, a backslash itself becomes `⧵` (wiki has no escape for it: `\\` is a line break), and the
 *   excerpt sits in a `{noformat}` block that it cannot close.
 * Links are only the report's http(s) URLs. A rendering never exceeds `maxChars` (Jira's text fields hold
 * 32,767 characters; for ADF the serialised JSON is counted): the excerpt shrinks first, then the job list.
 */
import type { Recurrence } from '../history/analysis.js';
import { excerptRows } from './excerpt-rows.js';
import { BRANCHES_SHOWN, dayOf, firstRunLabel, pullRequestsText, recurrenceToShow } from './recurrence.js';
import { TAG } from '../publish/sink.js';
import type { Excerpt } from '../types.js';
import type { FindingGroup } from './groups.js';
import { cut, oneLine, safeUrl, untrusted } from './text.js';
import type { TriageReport } from './types.js';

// ── ADF ──────────────────────────────────────────────────────────────────────────────────────────────────

/** The marks used here. `code` combines with `link` only (ADF's rule), never with `strong`. */
export type AdfMark = { type: 'strong' } | { type: 'code' } | { type: 'link'; attrs: { href: string } };
/** A text node: never empty (ADF rejects empty text). */
export type AdfText = { type: 'text'; text: string; marks?: AdfMark[] };
export type AdfParagraph = { type: 'paragraph'; content: AdfText[] };
export type AdfListItem = { type: 'listItem'; content: AdfParagraph[] };
export type AdfBlock =
  | AdfParagraph
  | { type: 'heading'; attrs: { level: 2 | 3 }; content: AdfText[] }
  | { type: 'bulletList'; content: AdfListItem[] }
  /** Its text nodes carry no marks (ADF's rule). */
  | { type: 'codeBlock'; attrs: { language: string }; content: AdfText[] }
  | { type: 'rule' };
export type AdfDoc = { type: 'doc'; version: 1; content: AdfBlock[] };

/** Jira's limit on a text field (description, comment body), in characters. */
export const JIRA_TEXT_LIMIT = 32_767;
/** What a rendering stays under, by default: the limit with a margin for what Jira adds. */
export const DEFAULT_MAX_CHARS = 30_000;
/** Jira's limit on a summary. */
export const SUMMARY_LIMIT = 255;

export interface JiraRenderOptions {
  /** Secret values to redact, on top of the token shapes `redact` knows. */
  secrets?: readonly string[];
  /** The most characters the rendering may take (ADF: its JSON). */
  maxChars?: number;
}

// ── The content model ────────────────────────────────────────────────────────────────────────────────────

interface Inline {
  text: string;
  strong?: boolean;
  code?: boolean;
  /** Already checked with `safeUrl`. */
  href?: string;
  /** Our own text, written as is in wiki markup (it holds no markup); everything else is escaped. */
  literal?: boolean;
}
type Block =
  | { kind: 'heading'; level: 2 | 3; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'code'; text: string };

interface Detail {
  excerptLines: number;
  lineChars: number;
  excerpts: number;
  jobs: number;
  files: number;
  explanationChars: number;
}

const LEVELS: Detail[] = [
  { excerptLines: 40, lineChars: 300, excerpts: 2, jobs: 20, files: 10, explanationChars: 2000 },
  { excerptLines: 20, lineChars: 200, excerpts: 1, jobs: 10, files: 5, explanationChars: 1000 },
  { excerptLines: 8, lineChars: 160, excerpts: 1, jobs: 5, files: 3, explanationChars: 500 },
  { excerptLines: 3, lineChars: 120, excerpts: 1, jobs: 3, files: 0, explanationChars: 300 },
  { excerptLines: 1, lineChars: 100, excerpts: 1, jobs: 1, files: 0, explanationChars: 200 },
];

const t = (text: string, extra: Omit<Inline, 'text'> = {}): Inline => ({ text, ...extra });
const lit = (text: string, extra: Omit<Inline, 'text' | 'literal'> = {}): Inline => ({
  text,
  literal: true,
  ...extra,
});
/** A link when the URL is a safe http(s) URL, else the text alone. */
const link = (inline: Inline, url: string | undefined): Inline => {
  const href = safeUrl(url);
  return href === undefined ? inline : { ...inline, href };
};

/** Untrusted prose on one line: `://` and `www.` broken so no renderer links them. */
const defang = (s: string): string => s.replace(/:\/\//g, ':\u200b//').replace(/\bwww\./gi, 'www\u200b.');

/** The line naming a run, that a later attempt looks for: `ci-triage run 123, attempt 2`. */
export function runMarker(run: Pick<TriageReport['run'], 'id' | 'attempt'>): string {
  return `ci-triage run ${run.id}, attempt ${run.attempt}`;
}

/**
 * The attempt of run `runId` that ci-triage's own text names — a description that starts `Opened by ci-triage
 * run …` (`ticket`), a comment that starts `Seen again in ci-triage run …` (`occurrence`) or a line of an
 * escalation comment that starts `Escalated in ci-triage run …` (`escalation`), as ADF flattened with `adfText`
 * or as wiki markup — or undefined. A person quoting the marker elsewhere does not count.
 */
export function publishedAttempt(
  text: string,
  runId: number,
  kind: 'ticket' | 'occurrence' | 'escalation',
): number | undefined {
  const lead = kind === 'ticket' ? 'Opened by' : kind === 'occurrence' ? 'Seen again in' : 'Escalated in';
  const re = new RegExp(`(?:^|\\n)${lead} \\[?ci-triage run (\\d+), attempt (\\d+)`, 'g');
  let best: number | undefined;
  for (const m of text.matchAll(re)) if (Number(m[1]) === runId) best = Math.max(best ?? 0, Number(m[2]));
  return best;
}

/**
 * The highest attempt of run `runId` that a text (a description or comment, ADF flattened with `adfText` or
 * wiki markup) names, or undefined when it names none.
 */
export function runAttemptIn(text: string, runId: number): number | undefined {
  let best: number | undefined;
  for (const m of text.matchAll(/ci-triage run (\d+), attempt (\d+)/g)) {
    if (Number(m[1]) === runId) best = Math.max(best ?? 0, Number(m[2]));
  }
  return best;
}

/**
 * The ticket's summary: `[ci-triage] <type>: <key line> (<job>)`, at most 255 characters (the key line is cut
 * first, so the job stays), on one line, redacted.
 */
export function ticketSummary(
  group: FindingGroup,
  secrets: readonly string[] = [],
  limit = SUMMARY_LIMIT,
): string {
  const f = group.representative.finding;
  const e = f.excerpts[0];
  const key = e ? (e.lines[e.keyLine - e.startLine] ?? '') : '';
  const job = oneLine(group.representative.job.name, secrets);
  const jobs = group.jobs.length > 1 ? `${cut(job, 60)} and ${group.jobs.length - 1} more` : cut(job, 80);
  const head = `${TAG} ${f.failureType}: `;
  const tail = ` (${jobs})`;
  const line = oneLine(key, secrets).replace(/\s+/g, ' ') || 'no error line found';
  return cut(head + cut(line, Math.max(20, limit - head.length - tail.length)) + tail, limit);
}

/** The description of a new ticket, as ADF. */
export function ticketAdf(report: TriageReport, group: FindingGroup, o: JiraRenderOptions = {}): AdfDoc {
  return fitted(
    (d) => toAdf(ticketBlocks(report, group, d, o.secrets ?? [])),
    (doc) => JSON.stringify(doc).length,
    o,
  );
}

/** The description of a new ticket, as wiki markup. */
export function ticketWiki(report: TriageReport, group: FindingGroup, o: JiraRenderOptions = {}): string {
  return fitted(
    (d) => toWiki(ticketBlocks(report, group, d, o.secrets ?? [])),
    (s) => s.length,
    o,
  );
}

/** The comment for a new occurrence of an open ticket's failure, as ADF. */
export function occurrenceAdf(report: TriageReport, group: FindingGroup, o: JiraRenderOptions = {}): AdfDoc {
  return fitted(
    (d) => toAdf(occurrenceBlocks(report, group, d, o.secrets ?? [])),
    (doc) => JSON.stringify(doc).length,
    o,
  );
}

/** The comment for a new occurrence of an open ticket's failure, as wiki markup. */
export function occurrenceWiki(report: TriageReport, group: FindingGroup, o: JiraRenderOptions = {}): string {
  return fitted(
    (d) => toWiki(occurrenceBlocks(report, group, d, o.secrets ?? [])),
    (s) => s.length,
    o,
  );
}

/** What became of the ticket's priority when a failure escalated, for the escalation comment. */
export type EscalationPriority =
  /** Raised one step. */
  | { kind: 'raised'; from: string; to: string }
  /** Already at the top of the ladder: left as it is. */
  | { kind: 'highest'; at: string }
  /** Jira refused the change (the field not on the edit screen, no permission): `why` in Jira's words. */
  | { kind: 'refused'; from: string; to: string; why: string }
  /** No priority, or one that is not on the ladder (`current`): left as it is. */
  | { kind: 'unknown'; current?: string };

/** The comment that escalates a failure (it reached the history's threshold with this run), as ADF. */
export function escalationAdf(
  report: TriageReport,
  group: FindingGroup,
  priority: EscalationPriority,
  o: JiraRenderOptions = {},
): AdfDoc {
  return toAdf(escalationBlocks(report, group, priority, o.secrets ?? []));
}

/** The comment that escalates a failure, as wiki markup. */
export function escalationWiki(
  report: TriageReport,
  group: FindingGroup,
  priority: EscalationPriority,
  o: JiraRenderOptions = {},
): string {
  return toWiki(escalationBlocks(report, group, priority, o.secrets ?? []));
}

/**
 * What a new ticket would be, as plain text (the dry-run preview): the summary, the priority and labels, and
 * the first lines of the excerpt around its key line.
 */
export function ticketPreview(
  group: FindingGroup,
  o: { secrets?: readonly string[]; priority?: string; labels: readonly string[]; lines?: number },
): string {
  const secrets = o.secrets ?? [];
  const f = group.representative.finding;
  const out = [ticketSummary(group, secrets)];
  out.push(
    `  priority: ${o.priority === undefined ? '(none)' : oneLine(o.priority)} · labels: ${o.labels.join(', ')}`,
  );
  const e = f.excerpts[0];
  if (e)
    out.push(...plainRows(e, { ...LEVELS[2]!, excerptLines: o.lines ?? 8 }, secrets).map((r) => `  ${r}`));
  else out.push('  (the log is empty: no lines to show)');
  return out.join('\n');
}

/** The first level of detail whose rendering fits, else the smallest. */
function fitted<T>(render: (d: Detail) => T, size: (x: T) => number, o: JiraRenderOptions): T {
  const max = o.maxChars ?? DEFAULT_MAX_CHARS;
  let out: T | undefined;
  for (const d of LEVELS) {
    out = render(d);
    if (size(out) <= max) return out;
  }
  return out as T;
}

// ── What a ticket and a comment say ──────────────────────────────────────────────────────────────────────

function ticketBlocks(
  report: TriageReport,
  group: FindingGroup,
  d: Detail,
  secrets: readonly string[],
): Block[] {
  const { run, change } = report;
  const rep = group.representative;
  const f = rep.finding;
  const line = (s: string | undefined, max = 200): string =>
    s === undefined ? '' : defang(cut(oneLine(s, secrets), max));
  const blocks: Block[] = [];

  blocks.push({
    kind: 'heading',
    level: 2,
    content: [t(`${f.failureType} · ${f.severity} · ${who(group, line)}`)],
  });
  blocks.push({
    kind: 'paragraph',
    content: [
      lit('Opened by '),
      link(lit(runMarker(run)), run.htmlUrl),
      lit(
        ` for the failure with fingerprint ${group.fingerprint}. A later occurrence is added as a comment; ` +
          'resolve the ticket once it is fixed (a new one opens if it comes back).',
      ),
    ],
  });
  blocks.push(...recurrenceBlocks(report, group, line));

  blocks.push({ kind: 'heading', level: 3, content: [lit('What failed')] });
  const step = rep.failedStep?.name ?? f.failedSteps[0];
  const facts: Inline[][] = [
    [lit('Repository: ', { strong: true }), link(t(`${run.owner}/${run.repo}`), repoUrl(run))],
    [lit('Workflow: ', { strong: true }), link(t(`${line(run.name, 120)} ${runLabel(run)}`), run.htmlUrl)],
  ];
  if (run.headBranch)
    facts.push([lit('Branch: ', { strong: true }), t(line(run.headBranch, 120), { code: true })]);
  facts.push([
    lit('Job: ', { strong: true }),
    link(t(line(rep.job.name, 120)), rep.job.htmlUrl),
    ...(group.jobs.length > 1 ? [lit(` (and ${group.jobs.length - 1} more with the same failure)`)] : []),
  ]);
  if (step !== undefined) facts.push([lit('Step: ', { strong: true }), t(line(step, 120))]);
  facts.push(
    [
      lit('Type: ', { strong: true }),
      lit(f.failureType, { code: true }),
      lit(f.transient ? ' (transient: a re-run may pass)' : ''),
    ],
    [lit('Severity: ', { strong: true }), lit(f.severity)],
    [lit('Confidence: ', { strong: true }), lit(f.confidence.toFixed(2))],
    [lit('Fingerprint: ', { strong: true }), lit(group.fingerprint, { code: true })],
  );
  blocks.push({ kind: 'list', items: facts });

  const files = [...new Set(group.jobs.flatMap((j) => j.affectedFiles))];
  if (files.length > 0 && d.files > 0) {
    const shown = files.slice(0, d.files).map((p) => t(line(p, 160), { code: true }));
    const content: Inline[] = [lit('Changed files named in the log: ', { strong: true })];
    shown.forEach((s, i) => content.push(...(i > 0 ? [lit(', ')] : []), s));
    if (files.length > shown.length) content.push(lit(` and ${files.length - shown.length} more`));
    blocks.push({ kind: 'paragraph', content });
  }

  blocks.push(...excerptBlocks(group, d, secrets, line));
  blocks.push(...explanationBlocks(group, d, line));

  if (group.jobs.length > 1) {
    blocks.push({
      kind: 'heading',
      level: 3,
      content: [lit(`The ${group.jobs.length} jobs with this failure`)],
    });
    const items = group.jobs
      .slice(0, d.jobs)
      .map((j) => [link(t(line(j.job.name, 120)), j.links[0]?.url ?? j.job.htmlUrl)]);
    if (group.jobs.length > d.jobs) items.push([lit(`… and ${group.jobs.length - d.jobs} more`)]);
    blocks.push({ kind: 'list', items });
  }

  blocks.push({ kind: 'heading', level: 3, content: [lit('Links')] });
  blocks.push({ kind: 'list', items: linkItems(report, group, line) });
  const sha = change.commit.sha || run.headSha;
  blocks.push({
    kind: 'paragraph',
    content: [
      lit('ci-triage '),
      t(line(report.tool.version, 40)),
      lit(` · ${runMarker(run)}${sha ? ` · commit ${sha.slice(0, 7)}` : ''}`),
    ],
  });
  return blocks;
}

function occurrenceBlocks(
  report: TriageReport,
  group: FindingGroup,
  d: Detail,
  secrets: readonly string[],
): Block[] {
  const { run, change } = report;
  const line = (s: string | undefined, max = 200): string =>
    s === undefined ? '' : defang(cut(oneLine(s, secrets), max));
  const content: Inline[] = [lit('Seen again in '), link(lit(runMarker(run)), run.htmlUrl)];
  content.push(t(` (${line(run.name, 120)} ${runLabel(run)})`));
  if (run.headBranch) content.push(lit(' on '), t(line(run.headBranch, 120), { code: true }));
  const sha = change.commit.sha || run.headSha;
  if (sha)
    content.push(
      lit(' at '),
      link(lit(sha.slice(0, 7), { code: true }), change.commit.htmlUrl ?? `${repoUrl(run)}/commit/${sha}`),
    );
  const pr = change.pullRequest;
  if (pr) content.push(lit(' in '), link(lit(`pull request #${pr.number}`), pr.htmlUrl));
  content.push(lit(':'));
  const blocks: Block[] = [{ kind: 'paragraph', content }];
  const items = group.jobs.slice(0, d.jobs).map((j) => {
    const l = j.links[0];
    return [
      link(t(line(j.job.name, 120)), j.job.htmlUrl),
      ...(l ? [lit(': '), link(lit(lineLabel(l)), l.url)] : []),
    ];
  });
  if (group.jobs.length > d.jobs) items.push([lit(`… and ${group.jobs.length - d.jobs} more`)]);
  blocks.push({ kind: 'list', items });
  blocks.push(...recurrenceBlocks(report, group, line));
  const e = group.representative.finding.excerpts[0];
  if (e)
    blocks.push({
      kind: 'code',
      text: plainRows(e, { ...d, excerptLines: Math.min(d.excerptLines, 10) }, secrets).join('\n'),
    });
  return blocks;
}

/** ` — first in run #12 on 2026-04-20; branches a, b; pull requests #1, #2` (branch names are untrusted). */
function recurrenceDetail(r: Recurrence, line: (s: string | undefined, max?: number) => string): Inline[] {
  const first = r.firstSeen;
  const day = dayOf(first.time);
  const out: Inline[] = [lit(' — first in '), link(lit(firstRunLabel(first)), first.runUrl)];
  if (day) out.push(lit(` on ${day}`));
  if (r.branches.length > 0) {
    out.push(lit(r.branches.length === 1 ? '; branch ' : '; branches '));
    r.branches
      .slice(0, BRANCHES_SHOWN)
      .forEach((b, i) => out.push(...(i > 0 ? [lit(', ')] : []), t(line(b, 60), { code: true })));
    if (r.branches.length > BRANCHES_SHOWN) out.push(lit(` and ${r.branches.length - BRANCHES_SHOWN} more`));
  }
  const prs = pullRequestsText(r.prs);
  if (prs) out.push(lit(prs));
  return out;
}

/** `Flaky: <the first evidence>` (evidence names jobs: untrusted). */
function flakyBlock(r: Recurrence, line: (s: string | undefined, max?: number) => string): Block[] {
  const e = r.evidence[0];
  return r.flaky && e
    ? [{ kind: 'paragraph', content: [lit('Flaky: ', { strong: true }), t(line(e.text, 300))] }]
    : [];
}

/** The history's line (seen in N runs …) and the flaky evidence, when there is something to tell. */
function recurrenceBlocks(
  report: TriageReport,
  group: FindingGroup,
  line: (s: string | undefined, max?: number) => string,
): Block[] {
  const x = recurrenceToShow(report, group.fingerprint);
  if (!x) return [];
  const r = x.recurrence;
  const out: Block[] = [];
  if (r.occurrences > 1)
    out.push({
      kind: 'paragraph',
      content: [
        lit(`Seen in ${r.occurrences} runs in the last ${x.windowDays} days`, { strong: true }),
        ...recurrenceDetail(r, line),
      ],
    });
  out.push(...flakyBlock(r, line));
  return out;
}

function escalationBlocks(
  report: TriageReport,
  group: FindingGroup,
  priority: EscalationPriority,
  secrets: readonly string[],
): Block[] {
  const { run } = report;
  const line = (s: string | undefined, max = 200): string =>
    s === undefined ? '' : defang(cut(oneLine(s, secrets), max));
  const h = report.history;
  const r = h?.recurrences[group.fingerprint];
  const f = group.representative.finding;
  const blocks: Block[] = [];
  const head: Inline[] = [lit('Escalated by ci-triage: ', { strong: true })];
  if (h && r) {
    head.push(lit(`seen in ${r.occurrences} runs in ${h.windowDays} days (threshold ${h.threshold})`));
    head.push(...recurrenceDetail(r, line));
  } else head.push(lit('this failure keeps coming back'));
  head.push(lit('.'));
  blocks.push({ kind: 'paragraph', content: head });
  blocks.push({
    kind: 'paragraph',
    content: [lit(`${f.failureType} · ${f.severity} · `), t(who(group, line))],
  });
  const name = (s: string) => t(line(s, 60), { code: true });
  const p: Inline[] =
    priority.kind === 'raised'
      ? [lit('Priority raised one step: '), name(priority.from), lit(' → '), name(priority.to), lit('.')]
      : priority.kind === 'highest'
        ? [
            lit('Already at the highest priority ('),
            name(priority.at),
            lit('): the priority is left as it is.'),
          ]
        : priority.kind === 'refused'
          ? [
              lit('The priority could not be raised from '),
              name(priority.from),
              lit(' to '),
              name(priority.to),
              lit(': Jira refused it ('),
              t(line(priority.why, 300)),
              lit('). Raise it by hand, or add Priority to the edit screen of the project.'),
            ]
          : priority.current !== undefined
            ? [
                lit('The priority '),
                name(priority.current),
                lit(' is not one of jira-priorities (nor Lowest … Highest): it is left as it is.'),
              ]
            : [lit('The ticket has no priority: none is set.')];
  blocks.push({ kind: 'paragraph', content: p });
  if (r) blocks.push(...flakyBlock(r, line));
  blocks.push({
    kind: 'paragraph',
    content: [
      lit('Escalated in '),
      link(lit(runMarker(run)), run.htmlUrl),
      lit(
        ` for the failure with fingerprint ${group.fingerprint}; a new attempt of this run does not escalate again.`,
      ),
    ],
  });
  return blocks;
}

/** `in <job>` or `same failure in 3 jobs: A, B, C and 2 more`, as the job summary says it. */
function who(group: FindingGroup, line: (s: string, max?: number) => string): string {
  const names = group.jobs.slice(0, 3).map((j) => line(j.job.name, 80));
  const more = group.jobs.length - names.length;
  return group.jobs.length === 1
    ? `in ${names[0] ?? ''}`
    : `same failure in ${group.jobs.length} jobs: ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

function excerptBlocks(
  group: FindingGroup,
  d: Detail,
  secrets: readonly string[],
  line: (s: string | undefined, max?: number) => string,
): Block[] {
  const rep = group.representative;
  const excerpts = rep.finding.excerpts.slice(0, d.excerpts);
  const out: Block[] = [{ kind: 'heading', level: 3, content: [lit('The log')] }];
  if (excerpts.length === 0) {
    out.push({ kind: 'paragraph', content: [lit('The log is empty: no lines to show.')] });
    return out;
  }
  for (const e of excerpts) {
    const l = rep.links.find((x) => x.line === e.keyLine);
    const where = e.startLine === e.endLine ? `Line ${e.startLine}` : `Lines ${e.startLine}–${e.endLine}`;
    const content: Inline[] = [link(lit(where), l?.url), lit(' of the log')];
    if (e.step) content.push(lit(' in '), t(line(e.step, 120), { code: true }));
    content.push(lit(':'));
    out.push({ kind: 'paragraph', content }, { kind: 'code', text: plainRows(e, d, secrets).join('\n') });
  }
  const more = rep.finding.excerpts.length - excerpts.length;
  if (more > 0)
    out.push({
      kind: 'paragraph',
      content: [lit(`${more} more excerpt${more === 1 ? '' : 's'} in report.json (the run's artifact).`)],
    });

  return out;
}

/** Claude's explanation: model text, untrusted like a log, said to be unverified. */
function explanationBlocks(
  group: FindingGroup,
  d: Detail,
  line: (s: string | undefined, max?: number) => string,
): Block[] {
  const x = group.representative.explanation;
  if (!x) return [];
  const cited = x.citedLines.slice(0, 20).join(', ');
  const out: Block[] = [
    {
      kind: 'heading',
      level: 3,
      content: [lit('Explanation (Claude, model '), t(line(x.model, 80)), lit(')')],
    },
    { kind: 'paragraph', content: [lit('Cause: ', { strong: true }), t(line(x.cause, d.explanationChars))] },
    {
      kind: 'paragraph',
      content: [lit('Suggested fix: ', { strong: true }), t(line(x.fix, d.explanationChars))],
    },
  ];
  if (x.typeRefinedByModel && x.failureType)
    out.push({
      kind: 'paragraph',
      content: [
        lit('Type refined by Claude: ', { strong: true }),
        lit(x.failureType, { code: true }),
        lit(" (severity and fingerprint stay the rules')"),
      ],
    });
  out.push({
    kind: 'paragraph',
    content: [
      lit(
        `Model text, not verified: check it against the cited line${x.citedLines.length === 1 ? '' : 's'}${cited ? ` ${cited}` : ''} · Claude's own confidence ${x.confidence.toFixed(2)}`,
      ),
    ],
  });
  return out;
}

function linkItems(
  report: TriageReport,
  group: FindingGroup,
  line: (s: string | undefined, max?: number) => string,
): Inline[][] {
  const { run, change } = report;
  const rep = group.representative;
  const items: Inline[][] = [];
  const add = (inline: Inline[], url: string | undefined) => {
    if (safeUrl(url) !== undefined) items.push(inline.map((x, i) => (i === 0 ? link(x, url) : x)));
  };
  add(
    [
      lit(
        `Workflow run ${run.number !== undefined ? `#${run.number}` : run.id}${run.attempt > 1 ? `, attempt ${run.attempt}` : ''}`,
      ),
    ],
    run.htmlUrl,
  );
  const l = rep.links[0];
  if (l)
    add(
      [lit(`The failing line: ${lineLabel(l)}`), ...(l.exact === false ? [lit(' (step approximate)')] : [])],
      l.url,
    );
  const pr = change.pullRequest;
  if (pr) add([lit(`Pull request #${pr.number}`), t(` ${line(pr.title, 120)}`)], pr.htmlUrl);
  const sha = change.commit.sha || run.headSha;
  if (sha) {
    const message = change.commit.message?.split('\n')[0];
    add(
      [lit(`Commit ${sha.slice(0, 7)}`), ...(message ? [t(` ${line(message, 100)}`)] : [])],
      change.commit.htmlUrl ?? `${repoUrl(run)}/commit/${sha}`,
    );
  }
  if (rep.baseline) add([lit('The last passing run of this job')], rep.baseline.htmlUrl);
  return items;
}

const lineLabel = (l: { line: number; step?: number; stepLine?: number }): string =>
  l.step !== undefined ? `line ${l.stepLine ?? l.line} of step ${l.step}` : `line ${l.line} of the job log`;

/** `#123` when collection recorded the run number, else `run <id>`. */
function runLabel(run: TriageReport['run']): string {
  return run.number !== undefined ? `#${run.number}` : `run ${run.id}`;
}

/** `https://github.com/o/r` from a run's `…/o/r/actions/runs/N` URL. */
function repoUrl(run: TriageReport['run']): string {
  const m = /^(https?:\/\/[^\s]+?)\/actions\/runs\/\d+/.exec(run.htmlUrl);
  return m?.[1] ?? `https://github.com/${run.owner}/${run.repo}`;
}

/** The excerpt's rows (excerpt-rows.ts) as plain text, the key line marked `▶`; each line redacted whole before it is cut. */
function plainRows(
  e: Excerpt,
  d: Pick<Detail, 'excerptLines' | 'lineChars'>,
  secrets: readonly string[],
): string[] {
  return excerptRows(
    e,
    d.excerptLines,
    (num, i, key) =>
      `${num} ${key ? '▶' : '│'} ${cut(untrusted(e.lines[i] ?? '', secrets).replace(/\n/g, ' '), d.lineChars)}`,
  );
}

// ── The two formats ──────────────────────────────────────────────────────────────────────────────────────

function toAdf(blocks: Block[]): AdfDoc {
  const inline = (xs: Inline[]): AdfText[] =>
    xs
      .filter((x) => x.text !== '')
      .map((x) => {
        const marks: AdfMark[] = [];
        if (x.code) marks.push({ type: 'code' });
        else if (x.strong) marks.push({ type: 'strong' });
        if (x.href !== undefined) marks.push({ type: 'link', attrs: { href: x.href } });
        return marks.length ? { type: 'text', text: x.text, marks } : { type: 'text', text: x.text };
      });
  const paragraph = (xs: Inline[]): AdfParagraph => ({ type: 'paragraph', content: inline(xs) });
  const content: AdfBlock[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading')
      content.push({ type: 'heading', attrs: { level: b.level }, content: inline(b.content) });
    else if (b.kind === 'paragraph') content.push(paragraph(b.content));
    else if (b.kind === 'list')
      content.push({
        type: 'bulletList',
        content: b.items.map((i) => ({ type: 'listItem', content: [paragraph(i)] })),
      });
    else if (b.text !== '')
      content.push({
        type: 'codeBlock',
        attrs: { language: 'text' },
        content: [{ type: 'text', text: b.text }],
      });
  }
  return { type: 'doc', version: 1, content };
}

/** Characters that start wiki markup (text effects, links, macros, tables, images, lists, emoticon endings). */
const WIKI_SPECIAL = /[{}[\]|*_\-+^~?!#]/g;

/**
 * Untrusted text for wiki markup: every markup character escaped, a backslash made `⧵` (wiki has no escape
 * for it), URLs broken so the renderer does not link them.
 */
export function wikiEscape(s: string): string {
  return defang(s.replace(/\\/g, '\u29f5').replace(/\r?\n/g, ' ')).replace(WIKI_SPECIAL, (c) => `\\${c}`);
}

/** A URL inside `[text|url]`: only http(s), and no character that would end the link. */
function wikiUrl(url: string): string {
  return url.replace(/[|[\]{}\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function toWiki(blocks: Block[]): string {
  const inline = (xs: Inline[]): string =>
    xs
      .filter((x) => x.text !== '')
      .map((x) => {
        let s = x.literal ? x.text : wikiEscape(x.text);
        if (x.code) s = `{{${s}}}`;
        else if (x.strong) s = `*${s.trimEnd()}*${s.endsWith(' ') ? ' ' : ''}`;
        return x.href !== undefined ? `[${s}|${wikiUrl(x.href)}]` : s;
      })
      .join('');
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') out.push(`h${b.level}. ${inline(b.content)}`);
    else if (b.kind === 'paragraph') out.push(inline(b.content));
    else if (b.kind === 'list') out.push(b.items.map((i) => `* ${inline(i)}`).join('\n'));
    else out.push(`{noformat}\n${b.text.replace(/\{noformat/gi, '{\u200bnoformat')}\n{noformat}`);
  }
  return out.join('\n\n') + '\n';
}

// ── Reading ADF back ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The plain text of an ADF document (or of any node), blocks on their own lines: what a comment or a
 * description says, to look for a run's marker in it. Anything that is not ADF gives its string form, or ''.
 */
export function adfText(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node !== 'object' || node === null) return '';
  const n = node as { type?: unknown; text?: unknown; content?: unknown };
  if (n.type === 'text' && typeof n.text === 'string') return n.text;
  if (n.type === 'hardBreak') return '\n';
  if (!Array.isArray(n.content)) return '';
  const inlineOnly = n.type === 'paragraph' || n.type === 'heading' || n.type === 'codeBlock';
  return (n.content as unknown[]).map(adfText).join(inlineOnly ? '' : '\n');
}
