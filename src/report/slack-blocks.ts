/**
 * The Slack message of one distinct failure (a fingerprint group), as Block Kit blocks with a `text` fallback,
 * and the same message as plain text (the dry-run preview). Pure.
 *
 * Layout: a header `[ci-triage] <type> in <job>`; a section of fields (repository, branch, job, step, type,
 * severity, fingerprint); the excerpt as a code block around its key line; Claude's explanation when there is
 * one; a context line with the commit and the mention of its author; url buttons to the run, the failing line,
 * the pull request and the Jira ticket. With the report's history, a line under the fields says how often the
 * failure was seen (`Seen in N runs in the last D days — first in run #12 on 2026-04-20; branches …; pull
 * requests #…`, and that it escalates) and, when it is flaky, the first piece of evidence.
 *
 * An escalation (the failure reached the history's threshold with this run) is also announced in
 * `slack-escalation-channel` by `renderEscalationMessage`: `Escalated: <type> in <job> seen in N runs in D days`,
 * with buttons to the run, to the failure's thread and to the Jira ticket; it carries the metadata
 * `ci_triage_escalation` (the same payload), so a new attempt of the run updates it.
 *
 * Block Kit limits are kept by construction (https://docs.slack.dev/reference/block-kit/blocks): a header's text
 * ≤ 150 characters, a section's text ≤ 3000, ≤ 10 fields of ≤ 2000, a button's text ≤ 75 and its url ≤ 3000,
 * ≤ 50 blocks. Lengths are counted on the text as sent, after escaping.
 *
 * Everything from a log, a job or step name, a branch, a commit or the model is untrusted: control characters
 * stripped, secrets redacted (`untrusted`/`oneLine`), then Slack-escaped (`&`, `<`, `>` as HTML entities, the
 * control characters of Slack's markup, so no `<!channel>`, `<@U…>` or `<http://evil|x>` can be injected), in
 * text objects marked `verbatim` so Slack does not turn bare names or URLs into mentions and links. The only
 * mention is the one given (a Slack member ID); URLs are only the report's http(s) URLs.
 */
import type { Recurrence } from '../history/analysis.js';
import { BRANCHES_SHOWN, dayOf, firstRunLabel, pullRequestsText, recurrenceToShow } from './recurrence.js';
import type { PublishedRefs } from '../publish/sink.js';
import { TAG } from '../publish/sink.js';
import type { Excerpt } from '../types.js';
import type { FindingGroup } from './groups.js';
import { oneLine, untrusted } from './text.js';
import type { TriageReport } from './types.js';

/** Block Kit limits, in characters. */
export const SLACK_LIMITS = {
  headerText: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  url: 3000,
  actionId: 255,
  blocks: 50,
} as const;

/** The `event_type` of the metadata every ci-triage message carries. */
export const SLACK_EVENT_TYPE = 'ci_triage_failure';
/** The `event_type` of an escalation's announcement (in `slack-escalation-channel`). */
export const SLACK_ESCALATION_EVENT_TYPE = 'ci_triage_escalation';

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
  verbatim?: boolean;
}
export interface SlackButton {
  type: 'button';
  text: PlainText;
  url: string;
  action_id: string;
}
export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: MrkdwnText }
  | { type: 'section'; fields: MrkdwnText[] }
  | { type: 'context'; elements: MrkdwnText[] }
  | { type: 'actions'; elements: SlackButton[] };

export interface SlackMessage {
  /** The notification and accessibility fallback: the header line, escaped. */
  text: string;
  blocks: SlackBlock[];
  /** The message as plain text, for a dry-run preview (redacted, not escaped). */
  preview: string;
}

/** What travels with each message, to find it again: `chat.update` on a new attempt, a thread reply on a recurrence. */
export interface SlackMetadata {
  event_type: typeof SLACK_EVENT_TYPE | typeof SLACK_ESCALATION_EVENT_TYPE;
  event_payload: {
    fingerprint: string;
    /** `owner/repo` */
    repository: string;
    run_id: number;
    run_attempt: number;
    workflow: string;
  };
}

export interface SlackMessageOptions {
  /** What earlier sinks published for this failure (the Jira ticket). */
  refs?: PublishedRefs;
  /** The Slack member ID (U… or W…) of the commit's author, to mention; ignored unless it has that shape. */
  mention?: string;
  /** Secret values to redact, on top of the token shapes `redact` knows. */
  secrets?: readonly string[];
}

/** Slack's three control characters as HTML entities: https://docs.slack.dev/messaging/formatting-message-text#escaping */
export const escapeSlack = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Escaped text of at most `max` characters: cut (with `…`) before escaping would overflow, never inside an
 * entity or a surrogate pair.
 */
export function fit(raw: string, max: number): string {
  const full = escapeSlack(raw);
  if (full.length <= max) return full;
  let out = '';
  for (const ch of raw) {
    const e = escapeSlack(ch);
    if (out.length + e.length + 1 > max) break;
    out += e;
  }
  return out + '…';
}

/** A Slack member ID: U… or W… (Enterprise Grid), upper-case letters and digits. */
export const isMemberId = (s: string | undefined): s is string =>
  s !== undefined && /^[UW][A-Z0-9]{2,20}$/.test(s);

/** An http(s) URL for a button (a JSON field: no escaping), or undefined. */
export function buttonUrl(url: string | undefined): string | undefined {
  if (url === undefined || url.length > SLACK_LIMITS.url || !/^https?:\/\/[^\s<>"'`]+$/i.test(url))
    return undefined;
  return url;
}

/** An http(s) URL safe inside a mrkdwn link `<url|text>` (no `|`, `>`, `&`), or undefined. */
function linkUrl(url: string | undefined): string | undefined {
  if (url === undefined || url.length > 2000 || !/^https?:\/\/[^\s<>|&"'`]+$/i.test(url)) return undefined;
  return url;
}

export function slackMetadata(report: TriageReport, group: FindingGroup): SlackMetadata {
  const { run } = report;
  return {
    event_type: SLACK_EVENT_TYPE,
    event_payload: {
      fingerprint: group.fingerprint,
      repository: `${run.owner}/${run.repo}`,
      run_id: run.id,
      run_attempt: run.attempt,
      workflow: oneLine(run.name).slice(0, 200),
    },
  };
}

/** The metadata of an escalation's announcement: the failure's payload, another event type. */
export function escalationMetadata(report: TriageReport, group: FindingGroup): SlackMetadata {
  return { ...slackMetadata(report, group), event_type: SLACK_ESCALATION_EVENT_TYPE };
}

/**
 * The history's lines, as mrkdwn and as plain text: `Seen in N runs in the last D days — first in run #12 on
 * <day>; branches …; pull requests #…` (with the escalation, when there is one) and `Flaky: <evidence>`.
 * Branch names and evidence are untrusted (escaped, in code spans that they cannot close).
 */
function recurrenceLines(
  r: Recurrence,
  h: { windowDays: number; threshold: number },
  secrets: readonly string[],
  o: { escalation?: boolean; icon?: string; threshold?: boolean } = {},
): { mrkdwn: string[]; plain: string[] } {
  const mrkdwn: string[] = [];
  const plain: string[] = [];
  if (r.occurrences > 1) {
    const first = r.firstSeen;
    const label = firstRunLabel(first);
    const url = linkUrl(first.runUrl);
    const day = dayOf(first.time);
    const branches = r.branches.slice(0, BRANCHES_SHOWN).map((b) => oneLine(b, secrets));
    const moreBranches =
      r.branches.length > BRANCHES_SHOWN ? ` and ${r.branches.length - BRANCHES_SHOWN} more` : '';
    const prText = pullRequestsText(r.prs);
    const branchWord = branches.length === 1 ? 'branch' : 'branches';
    // Whether it escalates: in bold with this run, said in passing when an earlier run escalated it.
    const escalates = o.escalation === true && r.escalate;
    const before = o.escalation === true && !r.escalate && r.escalatedBefore ? ' · escalated earlier' : '';
    const escalation = {
      mrkdwn: escalates ? ` · ⏫ *escalated* (threshold ${h.threshold})` : before,
      plain: escalates ? ` · escalated (threshold ${h.threshold})` : before,
    };
    const head = `Seen in ${r.occurrences} runs in the last ${h.windowDays} days`;
    const threshold = o.threshold ? ` (threshold ${h.threshold})` : '';
    mrkdwn.push(
      `${o.icon ?? '🔁'} *${head}*${threshold} — first in ${url ? `<${url}|${label}>` : label}${day ? ` on ${day}` : ''}` +
        (branches.length
          ? `; ${branchWord} ${branches.map((b) => `\`${fit(b.replace(/`/g, "'"), 60)}\``).join(', ')}${moreBranches}`
          : '') +
        prText +
        escalation.mrkdwn,
    );
    plain.push(
      `${head}${threshold} — first in ${label}${day ? ` on ${day}` : ''}${url ? ` (${url})` : ''}` +
        (branches.length ? `; ${branchWord} ${branches.join(', ')}${moreBranches}` : '') +
        prText +
        escalation.plain,
    );
  }
  const e = r.evidence[0];
  if (r.flaky && e) {
    const text = oneLine(e.text, secrets).replace(/:\/\//g, ':\u200b//');
    mrkdwn.push(`🎲 *Flaky:* ${fit(text, 300)}`);
    plain.push(`Flaky: ${text}`);
  }
  return { mrkdwn, plain };
}

const SEVERITY_ICON = { critical: '🔴', high: '🟠', medium: '🟡', low: '⚪' } as const;

export function renderSlackMessage(
  report: TriageReport,
  group: FindingGroup,
  options: SlackMessageOptions = {},
): SlackMessage {
  const secrets = options.secrets ?? [];
  const line = (s: string | undefined): string => (s === undefined ? '' : oneLine(s, secrets));
  const rep = group.representative;
  const f = rep.finding;
  const { run, change } = report;
  const blocks: SlackBlock[] = [];
  const plain: string[] = [];

  // Header, and the fallback text.
  const headerRaw = `${TAG} ${f.failureType} in ${line(rep.job.name)}`;
  const header = fit(headerRaw, SLACK_LIMITS.headerText);
  blocks.push({ type: 'header', text: { type: 'plain_text', text: header, emoji: false } });
  plain.push(headerRaw);

  // Fields.
  const step = rep.failedStep?.name ?? f.failedSteps[0];
  const facts: Array<[string, string, string]> = [
    ['Repository', `${run.owner}/${run.repo}`, ''],
    ['Branch', line(run.headBranch) || '—', ''],
    [
      'Job',
      line(rep.job.name),
      group.jobs.length > 1
        ? ` (and ${group.jobs.length - 1} more job${group.jobs.length === 2 ? '' : 's'} failing the same way)`
        : '',
    ],
    ['Step', line(step) || '—', ''],
    ['Type', f.failureType, f.transient ? ' (transient: a re-run may pass)' : ''],
    ['Severity', f.severity, ''],
    ['Fingerprint', group.fingerprint, ''],
  ];
  blocks.push({
    type: 'section',
    fields: facts.map(([name, value, note]) => ({
      type: 'mrkdwn',
      verbatim: true,
      text:
        name === 'Severity'
          ? `*Severity*\n${SEVERITY_ICON[f.severity]} ${escapeSlack(value)}`
          : name === 'Fingerprint'
            ? `*Fingerprint*\n\`${fit(value, 100)}\``
            : `*${name}*\n${fit(value + note, 300)}`,
    })),
  });
  plain.push(facts.map(([name, value, note]) => `${name}: ${value}${note}`).join(' · '));

  // What the history says: seen in N runs, flaky.
  const history = recurrenceToShow(report, group.fingerprint);
  if (history) {
    const lines = recurrenceLines(history.recurrence, history, secrets, { escalation: true });
    if (lines.mrkdwn.length > 0) {
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', verbatim: true, text: lines.mrkdwn.join('\n') },
      });
      plain.push(...lines.plain);
    }
  }

  // The excerpt.
  const link = rep.links[0];
  const excerpt = f.excerpts[0];
  if (excerpt) {
    const where =
      excerpt.startLine === excerpt.endLine
        ? `Line ${excerpt.startLine}`
        : `Lines ${excerpt.startLine}–${excerpt.endLine}`;
    const inStep = excerpt.step ? ` in ${line(excerpt.step)}` : '';
    const title = `*${where} of the log*${inStep ? fit(inStep, 200) : ''}:`;
    const body = excerptBlock(excerpt, secrets, SLACK_LIMITS.sectionText - title.length - 1);
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', verbatim: true, text: `${title}\n${body.mrkdwn}` },
    });
    plain.push('', `${where} of the log${inStep}:`, ...body.plain);
    if (f.excerpts.length > 1) plain.push(`(${f.excerpts.length - 1} more excerpt(s) in report.json)`);
  } else {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', verbatim: true, text: '_The log is empty: no lines to show._' },
    });
    plain.push('', 'The log is empty: no lines to show.');
  }

  // Claude's explanation: model text, untrusted like a log; URLs broken so no client links them.
  const x = rep.explanation;
  if (x) {
    const m = (s: string) =>
      line(s)
        .replace(/:\/\//g, ':\u200b//')
        .replace(/\bwww\./gi, 'www\u200b.');
    const cause = m(x.cause);
    const fix = m(x.fix);
    const model = fit(line(x.model), 80);
    const cited = x.citedLines.slice(0, 20).join(', ');
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        verbatim: true,
        text:
          `*Explanation* (Claude, model \`${model}\`, grounded in line${x.citedLines.length === 1 ? '' : 's'} ${cited}; check it against the cited lines)\n` +
          `*Cause:* ${fit(cause, 900)}\n*Suggested fix:* ${fit(fix, 1500)}`,
      },
    });
    plain.push('', `Cause (Claude): ${cause}`, `Suggested fix: ${fix}`);
  }

  // Context: the commit and its author.
  const sha = change.commit.sha || run.headSha;
  const context: string[] = [];
  const contextPlain: string[] = [];
  if (sha) {
    const short = sha.slice(0, 7).replace(/[^0-9a-f]/gi, '');
    const url = linkUrl(change.commit.htmlUrl);
    const message = line(change.commit.message?.split('\n')[0]);
    context.push(
      `Commit ${url ? `<${url}|${short}>` : `\`${short}\``}${message ? ` ${fit(message, 100)}` : ''}`,
    );
    contextPlain.push(`Commit ${short}${message ? ` ${message}` : ''}`);
  }
  const author = line(change.commit.author ?? change.commit.authorLogin ?? change.pullRequest?.author);
  const mention = isMemberId(options.mention) ? `<@${options.mention}>` : '';
  if (author || mention) {
    context.push(`by ${[author ? fit(author, 80) : '', mention].filter(Boolean).join(' ')}`);
    contextPlain.push(`by ${[author, mention].filter(Boolean).join(' ')}`);
  }
  context.push(`run attempt ${run.attempt} · ci-triage ${fit(line(report.tool.version), 20)}`);
  contextPlain.push(`run attempt ${run.attempt}`);
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', verbatim: true, text: context.join(' · ') }] });
  plain.push('', contextPlain.join(' · '));

  // Buttons.
  const buttons: SlackButton[] = [];
  const button = (text: string, url: string | undefined, id: string) => {
    const u = buttonUrl(url);
    if (u === undefined) return;
    buttons.push({
      type: 'button',
      text: { type: 'plain_text', text: fit(text, SLACK_LIMITS.buttonText), emoji: false },
      url: u,
      action_id: `ci_triage_${id}`,
    });
    plain.push(`${text}: ${u}`);
  };
  plain.push('');
  button('Open the run', run.htmlUrl, 'run');
  if (link)
    button(
      link.step !== undefined
        ? `Line ${link.stepLine ?? link.line} of step ${link.step}`
        : `Line ${link.line} of the log`,
      link.url,
      'line',
    );
  const pr = change.pullRequest;
  if (pr) button(`Pull request #${pr.number}`, pr.htmlUrl, 'pr');
  const jira = options.refs?.jira;
  if (jira) button(`Jira ${line(jira.key)}`, jira.url, 'jira');
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });

  return { text: header, blocks: blocks.slice(0, SLACK_LIMITS.blocks), preview: plain.join('\n').trimEnd() };
}

export interface EscalationMessageOptions {
  /** The failure's message (the thread) in its channel: `chat.getPermalink`'s answer. */
  permalink?: string;
  /** What earlier sinks published for this failure (the Jira ticket). */
  refs?: PublishedRefs;
  /** Secret values to redact, on top of the token shapes `redact` knows. */
  secrets?: readonly string[];
}

/**
 * The announcement of an escalation in `slack-escalation-channel`: `[ci-triage] Escalated: <type> in <job> seen
 * in N runs in D days`, the history's lines, the repository, branch and fingerprint, and buttons to the run, the
 * failure's thread and the Jira ticket. Undefined without a recurrence for the failure.
 */
export function renderEscalationMessage(
  report: TriageReport,
  group: FindingGroup,
  options: EscalationMessageOptions = {},
): SlackMessage | undefined {
  const h = report.history;
  const r = h?.recurrences[group.fingerprint];
  if (!h || !r) return undefined;
  const secrets = options.secrets ?? [];
  const rep = group.representative;
  const f = rep.finding;
  const { run } = report;
  const job = oneLine(rep.job.name, secrets);
  const more = group.jobs.length > 1 ? ` (and ${group.jobs.length - 1} more)` : '';
  const headRaw = `${TAG} Escalated: ${f.failureType} in ${job}${more} seen in ${r.occurrences} runs in ${h.windowDays} days`;
  const header = fit(headRaw, SLACK_LIMITS.headerText);
  const blocks: SlackBlock[] = [{ type: 'header', text: { type: 'plain_text', text: header, emoji: false } }];
  const plain = [headRaw];

  const lines = recurrenceLines(r, h, secrets, { icon: '⏫', threshold: true });
  if (lines.mrkdwn.length === 0) {
    // Not seen in an earlier run (cannot escalate, with a threshold of 2 or more): still, say why.
    const why = `Escalated with the threshold at ${h.threshold} runs in ${h.windowDays} days.`;
    lines.mrkdwn.push(why);
    lines.plain.push(why);
  }
  blocks.push({ type: 'section', text: { type: 'mrkdwn', verbatim: true, text: lines.mrkdwn.join('\n') } });
  plain.push(...lines.plain);

  const branch = oneLine(run.headBranch ?? '', secrets);
  const context = [
    `Repository ${fit(`${run.owner}/${run.repo}`, 200)}`,
    ...(branch ? [`branch \`${fit(branch.replace(/`/g, "'"), 100)}\``] : []),
    `severity ${SEVERITY_ICON[f.severity]} ${f.severity}`,
    `fingerprint \`${fit(group.fingerprint, 100)}\``,
    `run attempt ${run.attempt}`,
  ];
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', verbatim: true, text: context.join(' · ') }] });
  plain.push(
    `Repository ${run.owner}/${run.repo}${branch ? ` · branch ${branch}` : ''} · severity ${f.severity} · fingerprint ${group.fingerprint}`,
  );

  const buttons: SlackButton[] = [];
  const button = (text: string, url: string | undefined, id: string) => {
    const u = buttonUrl(url);
    if (u === undefined) return;
    buttons.push({
      type: 'button',
      text: { type: 'plain_text', text: fit(text, SLACK_LIMITS.buttonText), emoji: false },
      url: u,
      action_id: `ci_triage_escalation_${id}`,
    });
    plain.push(`${text}: ${u}`);
  };
  plain.push('');
  button('Open the run', run.htmlUrl, 'run');
  button('Open the thread', options.permalink, 'thread');
  const jira = options.refs?.jira;
  if (jira) button(`Jira ${oneLine(jira.key, secrets)}`, jira.url, 'jira');
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });

  return { text: header, blocks, preview: plain.join('\n').trimEnd() };
}

/** Backticks kept from closing a code block: a zero-width space between any two. */
const unfence = (s: string): string => s.replace(/`(?=`)/g, '`\u200b');

/** How much of an excerpt is shown, largest first; the first that fits the section is taken. */
const EXCERPT_LEVELS: Array<{ lines: number; chars: number }> = [
  { lines: 20, chars: 240 },
  { lines: 14, chars: 200 },
  { lines: 10, chars: 160 },
  { lines: 6, chars: 120 },
  { lines: 3, chars: 100 },
  { lines: 1, chars: 100 },
];

/**
 * The excerpt as a mrkdwn code block of at most `max` characters: line numbers on the left, the key line
 * marked, a third of the lines before it. Each line is redacted whole before it is cut, then escaped, with
 * backticks kept from closing the block.
 */
function excerptBlock(
  e: Excerpt,
  secrets: readonly string[],
  max: number,
): { mrkdwn: string; plain: string[] } {
  const cleaned = e.lines.map((l) => untrusted(l, secrets).replace(/\n/g, ' '));
  const key = Math.min(Math.max(e.keyLine - e.startLine, 0), Math.max(cleaned.length - 1, 0));
  const render = (level: { lines: number; chars: number }) => {
    const n = Math.min(level.lines, cleaned.length);
    let from = key - Math.min(key, Math.floor((n - 1) / 3));
    const to = Math.min(cleaned.length, from + n);
    from = Math.max(0, to - n);
    const width = String(e.startLine + to - 1).length;
    const plain: string[] = [];
    if (from > 0) plain.push(`${' '.repeat(width)} ⋮ (${from} line${from === 1 ? '' : 's'} above)`);
    const rows: string[] = [...plain];
    for (let i = from; i < to; i++) {
      const num = String(e.startLine + i).padStart(width);
      const mark = i === key ? '▶' : '│';
      const text = cleaned[i] ?? '';
      const shown = text.length > level.chars ? `${text.slice(0, level.chars - 1)}…` : text;
      plain.push(`${num} ${mark} ${shown}`);
      rows.push(`${num} ${mark} ${escapeSlack(unfence(shown))}`);
    }
    const below = cleaned.length - to;
    if (below > 0) {
      const s = `${' '.repeat(width)} ⋮ (${below} line${below === 1 ? '' : 's'} below)`;
      plain.push(s);
      rows.push(s);
    }
    return { mrkdwn: '```\n' + rows.join('\n') + '\n```', plain };
  };
  for (const level of EXCERPT_LEVELS) {
    const r = render(level);
    if (r.mrkdwn.length <= max) return r;
  }
  // The key line alone, cut to what is left.
  const keyText = cleaned[key] ?? '';
  const num = String(e.startLine + key);
  const room = Math.max(10, max - num.length - 12);
  return {
    mrkdwn: '```\n' + `${num} ▶ ${fit(unfence(keyText), room)}` + '\n```',
    plain: [`${num} ▶ ${keyText}`],
  };
}
