export const id = 621;
export const ids = [621];
export const modules = {

/***/ 2621:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createSlackSink: () => (/* binding */ createSlackSink)
});

// EXTERNAL MODULE: ./node_modules/@slack/web-api/dist/index.js
var dist = __webpack_require__(85105);
// EXTERNAL MODULE: ./node_modules/@slack/webhook/dist/index.js
var webhook_dist = __webpack_require__(54443);
// EXTERNAL MODULE: ./src/report/recurrence.ts
var recurrence = __webpack_require__(19702);
// EXTERNAL MODULE: ./src/publish/sink.ts
var sink = __webpack_require__(22568);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(65655);
;// CONCATENATED MODULE: ./src/report/slack-blocks.ts



/** Block Kit limits, in characters. */
const SLACK_LIMITS = {
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
};
/** The `event_type` of the metadata every ci-triage message carries. */
const SLACK_EVENT_TYPE = 'ci_triage_failure';
/** The `event_type` of an escalation's announcement (in `slack-escalation-channel`). */
const SLACK_ESCALATION_EVENT_TYPE = 'ci_triage_escalation';
/** Slack's three control characters as HTML entities: https://docs.slack.dev/messaging/formatting-message-text#escaping */
const escapeSlack = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/**
 * Escaped text of at most `max` characters: cut (with `…`) before escaping would overflow, never inside an
 * entity or a surrogate pair.
 */
function fit(raw, max) {
    const full = escapeSlack(raw);
    if (full.length <= max)
        return full;
    let out = '';
    for (const ch of raw) {
        const e = escapeSlack(ch);
        if (out.length + e.length + 1 > max)
            break;
        out += e;
    }
    return out + '…';
}
/** A Slack member ID: U… or W… (Enterprise Grid), upper-case letters and digits. */
const isMemberId = (s) => s !== undefined && /^[UW][A-Z0-9]{2,20}$/.test(s);
/** An http(s) URL for a button (a JSON field: no escaping), or undefined. */
function buttonUrl(url) {
    if (url === undefined || url.length > SLACK_LIMITS.url || !/^https?:\/\/[^\s<>"'`]+$/i.test(url))
        return undefined;
    return url;
}
/** An http(s) URL safe inside a mrkdwn link `<url|text>` (no `|`, `>`, `&`), or undefined. */
function linkUrl(url) {
    if (url === undefined || url.length > 2000 || !/^https?:\/\/[^\s<>|&"'`]+$/i.test(url))
        return undefined;
    return url;
}
function slackMetadata(report, group) {
    const { run } = report;
    return {
        event_type: SLACK_EVENT_TYPE,
        event_payload: {
            fingerprint: group.fingerprint,
            repository: `${run.owner}/${run.repo}`,
            run_id: run.id,
            run_attempt: run.attempt,
            workflow: (0,report_text/* oneLine */.TN)(run.name).slice(0, 200),
        },
    };
}
/** The metadata of an escalation's announcement: the failure's payload, another event type. */
function escalationMetadata(report, group) {
    return { ...slackMetadata(report, group), event_type: SLACK_ESCALATION_EVENT_TYPE };
}
/**
 * The history's lines, as mrkdwn and as plain text: `Seen in N runs in the last D days — first in run #12 on
 * <day>; branches …; pull requests #…` (with the escalation, when there is one) and `Flaky: <evidence>`.
 * Branch names and evidence are untrusted (escaped, in code spans that they cannot close).
 */
function recurrenceLines(r, h, secrets, o = {}) {
    const mrkdwn = [];
    const plain = [];
    if (r.occurrences > 1) {
        const first = r.firstSeen;
        const label = (0,recurrence/* firstRunLabel */.ET)(first);
        const url = linkUrl(first.runUrl);
        const day = (0,recurrence/* dayOf */.kb)(first.time);
        const branches = r.branches.slice(0, recurrence/* BRANCHES_SHOWN */.rW).map((b) => (0,report_text/* oneLine */.TN)(b, secrets));
        const moreBranches = r.branches.length > recurrence/* BRANCHES_SHOWN */.rW ? ` and ${r.branches.length - recurrence/* BRANCHES_SHOWN */.rW} more` : '';
        const prText = (0,recurrence/* pullRequestsText */.Zl)(r.prs);
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
        mrkdwn.push(`${o.icon ?? '🔁'} *${head}*${threshold} — first in ${url ? `<${url}|${label}>` : label}${day ? ` on ${day}` : ''}` +
            (branches.length
                ? `; ${branchWord} ${branches.map((b) => `\`${fit(b.replace(/`/g, "'"), 60)}\``).join(', ')}${moreBranches}`
                : '') +
            prText +
            escalation.mrkdwn);
        plain.push(`${head}${threshold} — first in ${label}${day ? ` on ${day}` : ''}${url ? ` (${url})` : ''}` +
            (branches.length ? `; ${branchWord} ${branches.join(', ')}${moreBranches}` : '') +
            prText +
            escalation.plain);
    }
    const e = r.evidence[0];
    if (r.flaky && e) {
        const text = (0,report_text/* oneLine */.TN)(e.text, secrets).replace(/:\/\//g, ':\u200b//');
        mrkdwn.push(`🎲 *Flaky:* ${fit(text, 300)}`);
        plain.push(`Flaky: ${text}`);
    }
    return { mrkdwn, plain };
}
const SEVERITY_ICON = { critical: '🔴', high: '🟠', medium: '🟡', low: '⚪' };
function renderSlackMessage(report, group, options = {}) {
    const secrets = options.secrets ?? [];
    const line = (s) => (s === undefined ? '' : (0,report_text/* oneLine */.TN)(s, secrets));
    const rep = group.representative;
    const f = rep.finding;
    const { run, change } = report;
    const blocks = [];
    const plain = [];
    // Header, and the fallback text.
    const headerRaw = `${sink/* TAG */.Dk} ${f.failureType} in ${line(rep.job.name)}`;
    const header = fit(headerRaw, SLACK_LIMITS.headerText);
    blocks.push({ type: 'header', text: { type: 'plain_text', text: header, emoji: false } });
    plain.push(headerRaw);
    // Fields.
    const step = rep.failedStep?.name ?? f.failedSteps[0];
    const facts = [
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
            text: name === 'Severity'
                ? `*Severity*\n${SEVERITY_ICON[f.severity]} ${escapeSlack(value)}`
                : name === 'Fingerprint'
                    ? `*Fingerprint*\n\`${fit(value, 100)}\``
                    : `*${name}*\n${fit(value + note, 300)}`,
        })),
    });
    plain.push(facts.map(([name, value, note]) => `${name}: ${value}${note}`).join(' · '));
    // What the history says: seen in N runs, flaky.
    const history = (0,recurrence/* recurrenceToShow */.JF)(report, group.fingerprint);
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
        const where = excerpt.startLine === excerpt.endLine
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
        if (f.excerpts.length > 1)
            plain.push(`(${f.excerpts.length - 1} more excerpt(s) in report.json)`);
    }
    else {
        blocks.push({
            type: 'section',
            text: { type: 'mrkdwn', verbatim: true, text: '_The log is empty: no lines to show._' },
        });
        plain.push('', 'The log is empty: no lines to show.');
    }
    // Claude's explanation: model text, untrusted like a log; URLs broken so no client links them.
    const x = rep.explanation;
    if (x) {
        const m = (s) => line(s)
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
                text: `*Explanation* (Claude, model \`${model}\`, grounded in line${x.citedLines.length === 1 ? '' : 's'} ${cited}; check it against the cited lines)\n` +
                    `*Cause:* ${fit(cause, 900)}\n*Suggested fix:* ${fit(fix, 1500)}`,
            },
        });
        plain.push('', `Cause (Claude): ${cause}`, `Suggested fix: ${fix}`);
    }
    // Context: the commit and its author.
    const sha = change.commit.sha || run.headSha;
    const context = [];
    const contextPlain = [];
    if (sha) {
        const short = sha.slice(0, 7).replace(/[^0-9a-f]/gi, '');
        const url = linkUrl(change.commit.htmlUrl);
        const message = line(change.commit.message?.split('\n')[0]);
        context.push(`Commit ${url ? `<${url}|${short}>` : `\`${short}\``}${message ? ` ${fit(message, 100)}` : ''}`);
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
    const buttons = [];
    const button = (text, url, id) => {
        const u = buttonUrl(url);
        if (u === undefined)
            return;
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
        button(link.step !== undefined
            ? `Line ${link.stepLine ?? link.line} of step ${link.step}`
            : `Line ${link.line} of the log`, link.url, 'line');
    const pr = change.pullRequest;
    if (pr)
        button(`Pull request #${pr.number}`, pr.htmlUrl, 'pr');
    const jira = options.refs?.jira;
    if (jira)
        button(`Jira ${line(jira.key)}`, jira.url, 'jira');
    if (buttons.length > 0)
        blocks.push({ type: 'actions', elements: buttons });
    return { text: header, blocks: blocks.slice(0, SLACK_LIMITS.blocks), preview: plain.join('\n').trimEnd() };
}
/**
 * The announcement of an escalation in `slack-escalation-channel`: `[ci-triage] Escalated: <type> in <job> seen
 * in N runs in D days`, the history's lines, the repository, branch and fingerprint, and buttons to the run, the
 * failure's thread and the Jira ticket. Undefined without a recurrence for the failure.
 */
function renderEscalationMessage(report, group, options = {}) {
    const h = report.history;
    const r = h?.recurrences[group.fingerprint];
    if (!h || !r)
        return undefined;
    const secrets = options.secrets ?? [];
    const rep = group.representative;
    const f = rep.finding;
    const { run } = report;
    const job = (0,report_text/* oneLine */.TN)(rep.job.name, secrets);
    const more = group.jobs.length > 1 ? ` (and ${group.jobs.length - 1} more)` : '';
    const headRaw = `${sink/* TAG */.Dk} Escalated: ${f.failureType} in ${job}${more} seen in ${r.occurrences} runs in ${h.windowDays} days`;
    const header = fit(headRaw, SLACK_LIMITS.headerText);
    const blocks = [{ type: 'header', text: { type: 'plain_text', text: header, emoji: false } }];
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
    const branch = (0,report_text/* oneLine */.TN)(run.headBranch ?? '', secrets);
    const context = [
        `Repository ${fit(`${run.owner}/${run.repo}`, 200)}`,
        ...(branch ? [`branch \`${fit(branch.replace(/`/g, "'"), 100)}\``] : []),
        `severity ${SEVERITY_ICON[f.severity]} ${f.severity}`,
        `fingerprint \`${fit(group.fingerprint, 100)}\``,
        `run attempt ${run.attempt}`,
    ];
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', verbatim: true, text: context.join(' · ') }] });
    plain.push(`Repository ${run.owner}/${run.repo}${branch ? ` · branch ${branch}` : ''} · severity ${f.severity} · fingerprint ${group.fingerprint}`);
    const buttons = [];
    const button = (text, url, id) => {
        const u = buttonUrl(url);
        if (u === undefined)
            return;
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
    if (jira)
        button(`Jira ${(0,report_text/* oneLine */.TN)(jira.key, secrets)}`, jira.url, 'jira');
    if (buttons.length > 0)
        blocks.push({ type: 'actions', elements: buttons });
    return { text: header, blocks, preview: plain.join('\n').trimEnd() };
}
/** Backticks kept from closing a code block: a zero-width space between any two. */
const unfence = (s) => s.replace(/`(?=`)/g, '`\u200b');
/** How much of an excerpt is shown, largest first; the first that fits the section is taken. */
const EXCERPT_LEVELS = [
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
function excerptBlock(e, secrets, max) {
    const cleaned = e.lines.map((l) => (0,report_text/* untrusted */.bp)(l, secrets).replace(/\n/g, ' '));
    const key = Math.min(Math.max(e.keyLine - e.startLine, 0), Math.max(cleaned.length - 1, 0));
    const render = (level) => {
        const n = Math.min(level.lines, cleaned.length);
        let from = key - Math.min(key, Math.floor((n - 1) / 3));
        const to = Math.min(cleaned.length, from + n);
        from = Math.max(0, to - n);
        const width = String(e.startLine + to - 1).length;
        const plain = [];
        if (from > 0)
            plain.push(`${' '.repeat(width)} ⋮ (${from} line${from === 1 ? '' : 's'} above)`);
        const rows = [...plain];
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
        if (r.mrkdwn.length <= max)
            return r;
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

// EXTERNAL MODULE: ./src/publish/once.ts
var publish_once = __webpack_require__(79854);
// EXTERNAL MODULE: ./src/publish/redact.ts + 1 modules
var redact = __webpack_require__(18040);
;// CONCATENATED MODULE: ./src/publish/slack.ts
/**
 * The Slack sink: a message per distinct failure (fingerprint) at or above `slack-min-severity`, in the channel
 * of its severity, rendered by `renderSlackMessage`.
 *
 * With a bot token (@slack/web-api, against `slack-api-url`):
 * - each channel's last 7 days are read once (`conversations.history` with `include_all_metadata`; a `#name` is
 *   first resolved to its ID with `conversations.list`). Our messages carry metadata
 *   `ci_triage_failure {fingerprint, repository, run_id, run_attempt, workflow}`, so that
 * - the same failure of the same run (a new attempt) updates its message (`chat.update`), never posts another;
 * - the same failure of an earlier run is a reply in the thread of its first message;
 * - anything else is a new message, unless the channel already has `slack-daily-cap` new ci-triage messages
 *   since 00:00 UTC (counted from the same history read).
 *   When the history cannot be read (no `channels:history`), messages are posted anyway and the outcome says
 *   that dedupe and the cap need that scope.
 * - Only the bot's own messages count (its `bot_id` from `auth.test`, and our metadata): another app's message
 *   with the same metadata is neither updated nor replied to.
 * - A post whose answer is lost (5xx, timeout, dropped connection) is looked for in the channel (or the
 *   thread) by its metadata before it is sent again (`createOnce`); posts go through a client that never
 *   retries by itself, so every request is audited. After a top-level post, the channel is read again: when a
 *   concurrent run posted the same failure first, ours is deleted (`chat.delete`) and posted again as a reply in
 *   the older message's thread.
 * - Only someone GitHub vouches for is mentioned: the author of a verified commit who is a GitHub user, else
 *   the author of the pull request, mapped by `slack-users` to a member ID; without an entry the verified
 *   commit's email is looked up (`users.lookupByEmail`, scope `users:read.email`). An unverified commit's email
 *   (anyone can write any) is never used.
 *
 * - With the report's history, the message says how often the failure was seen (and whether it is flaky). A
 *   failure that escalates with this run (`recurrence.escalate`) is, as any recurrence, a reply in the thread of
 *   its first message, but broadcast to the channel (`reply_broadcast`); and, with `slack-escalation-channel`,
 *   announced there too (`Escalated: <type> in <job> seen in N runs in D days`, a button to the thread from
 *   `chat.getPermalink`), with metadata `ci_triage_escalation` (the same payload), so that a new attempt of the
 *   run updates the announcement (and the broadcast reply, found in the channel's history) instead of posting
 *   again. Announcements are not limited by the daily cap: a failure escalates once.
 *
 * With an incoming webhook (@slack/webhook): a message per failure, no metadata, update, thread or lookup; on a
 * run attempt after the first nothing is posted (a webhook cannot update what an earlier attempt posted).
 *
 * Reads retry a little (2 retries, honouring `Retry-After` on HTTP 429) within a 15 s timeout per request;
 * writes wait out a rate limit as often, and nothing else, in `createOnce`. Nothing throws out of `publish`:
 * errors are outcomes naming the Slack error and its fix. A fatal error (the token, the API unreachable,
 * still rate-limited) stops the sink; a channel's error (not found, the app not in it) stops that channel only;
 * a timeout or a 5xx is the message's alone.
 */







const DEFAULT_RETRY = {
    retries: 2,
    factor: 2,
    minTimeout: 1000,
    maxTimeout: 5000,
    randomize: true,
};
const DEFAULT_TIMEOUT_MS = 15_000;
const HISTORY_DAYS = 7;
const HISTORY_PAGE = 200;
const HISTORY_PAGES = 5;
const LIST_PAGE = 999;
const LIST_PAGES = 5;
const WEBHOOK_TARGET = 'incoming webhook';
/** A post's concurrent twin is looked for this long before the channel's history was first read, in s. */
const RECONCILE_MARGIN_S = 300;
/** The failure's recurrence when it escalates with this run (the history's decision), else undefined. */
function escalating(report, g) {
    const r = report.history?.recurrences[g.fingerprint];
    return r?.escalate === true && !r.generic ? r : undefined;
}
const FATAL_AUTH = new Set([
    'invalid_auth',
    'not_authed',
    'token_revoked',
    'account_inactive',
    'token_expired',
    'ekm_access_denied',
    'org_login_required',
    'team_access_not_granted',
]);
const CHANNEL_ERRORS = new Set([
    'channel_not_found',
    'not_in_channel',
    'is_archived',
    'no_permission',
    'restricted_action',
    'restricted_action_read_only_channel',
    'restricted_action_thread_only_channel',
]);
function createSlackSink(settings, options = {}) {
    return {
        name: 'slack',
        plannedFailures: (groups) => (0,sink/* atLeast */.jZ)(groups, settings.minSeverity).map((g) => g.fingerprint),
        async publish(ctx) {
            try {
                return await publish(settings, options, ctx);
            }
            catch (e) {
                // Not expected: every call below catches its own errors. Still, a sink never throws.
                const secrets = secretsOf(settings, ctx);
                return {
                    sink: 'slack',
                    status: 'failed',
                    items: [],
                    message: `Slack: unexpected error: ${clean(e instanceof Error ? e.message : String(e), secrets)}`,
                };
            }
        },
    };
}
function secretsOf(settings, ctx) {
    return [...ctx.secrets, settings.botToken, settings.webhookUrl].filter((s) => s !== '');
}
const clean = (s, secrets, max = 300) => (0,report_text/* cut */.Jj)((0,report_text/* oneLine */.TN)(s, secrets), max);
async function publish(settings, options, ctx) {
    const secrets = secretsOf(settings, ctx);
    const { report } = ctx;
    const webhookMode = settings.botToken === '';
    const eligible = (0,sink/* atLeast */.jZ)(ctx.groups, settings.minSeverity);
    const channelOf = (g) => webhookMode ? WEBHOOK_TARGET : (settings.channelBySeverity[g.severity] ?? settings.channel);
    if (eligible.length === 0) {
        ctx.audit.skipped('slack', 'post', webhookMode ? WEBHOOK_TARGET : settings.channel, `no failure at or above ${settings.minSeverity}`);
        return {
            sink: 'slack',
            status: 'skipped',
            items: [],
            message: `Slack: no failure at or above ${settings.minSeverity} severity.`,
        };
    }
    const escalationLabel = webhookMode ? '' : settings.escalationChannel.trim();
    const webhookAttemptNote = `an incoming webhook cannot update the message an earlier attempt posted (this is attempt ${report.run.attempt}); use slack-bot-token to have it updated`;
    // In dry-run only the mapped author of the pull request (nothing is looked up); else a verified author.
    const mappedMention = mentionFromMap(settings, ctx, [report.change.pullRequest?.author]);
    const render = (g, mention) => renderSlackMessage(report, g, {
        ...(ctx.refs.get(g.fingerprint) ? { refs: ctx.refs.get(g.fingerprint) } : {}),
        ...(mention !== undefined ? { mention } : {}),
        secrets,
    });
    // ── Dry-run: nothing is sent, nothing is looked up. ──
    if (ctx.dryRun) {
        if (webhookMode && report.run.attempt > 1) {
            ctx.audit.skipped('slack', 'post', WEBHOOK_TARGET, webhookAttemptNote);
            return {
                sink: 'slack',
                status: 'skipped',
                items: [],
                message: `Slack: nothing would be posted: ${webhookAttemptNote}.`,
            };
        }
        const items = [];
        const previews = [];
        for (const g of eligible) {
            const target = channelOf(g);
            items.push({ fingerprint: g.fingerprint, action: 'would-create', target });
            ctx.audit.skipped('slack', 'post', target, 'dry-run');
            previews.push(`→ ${target}\n${render(g, mappedMention).preview}`);
            const announcement = escalationLabel !== '' && escalating(report, g)
                ? renderEscalationMessage(report, g, {
                    ...(ctx.refs.get(g.fingerprint) ? { refs: ctx.refs.get(g.fingerprint) } : {}),
                    secrets,
                })
                : undefined;
            if (announcement) {
                const escalation = `${escalationLabel} (escalation)`;
                items.push({ fingerprint: g.fingerprint, action: 'would-create', target: escalation });
                ctx.audit.skipped('slack', 'escalate', escalationLabel, 'dry-run');
                previews.push(`→ ${escalation}\n${announcement.preview}`);
            }
        }
        const note = webhookMode
            ? ''
            : ' The author of a verified commit would be mentioned when publishing (slack-users, else users.lookupByEmail).';
        return {
            sink: 'slack',
            status: 'dry-run',
            items,
            message: `Slack: would post ${items.length} message${items.length === 1 ? '' : 's'}${webhookMode ? ' with the incoming webhook' : ' (or update or reply in a thread, after reading the channel history)'}.${note}`,
            preview: (0,redact/* redact */.E$)(previews.join('\n\n'), secrets),
        };
    }
    const retryConfig = options.retryConfig ?? DEFAULT_RETRY;
    const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const items = [];
    const notes = [];
    const errors = [];
    const addError = (m) => {
        if (!errors.includes(m))
            errors.push(m);
    };
    const failItem = (g, action, target, f) => {
        items.push({ fingerprint: g.fingerprint, action, target, error: f.message });
        addError(f.message);
    };
    // ── Incoming webhook ──
    if (webhookMode) {
        if (report.run.attempt > 1) {
            for (const g of eligible)
                ctx.audit.skipped('slack', 'post', WEBHOOK_TARGET, `${webhookAttemptNote} (fingerprint ${g.fingerprint})`);
            return {
                sink: 'slack',
                status: 'skipped',
                items: [],
                message: `Slack: nothing posted: ${webhookAttemptNote}.`,
            };
        }
        // No retry: an incoming webhook cannot be read back, so a post whose answer was lost is not sent again.
        const hook = new webhook_dist.IncomingWebhook(settings.webhookUrl, { timeout, retryConfig: { retries: 0 } });
        const webhookMention = await mentionOf(settings, ctx, undefined);
        if (settings.escalationChannel.trim() !== '' && eligible.some((g) => escalating(report, g)))
            notes.push('slack-escalation-channel needs slack-bot-token: with the incoming webhook, the escalation is only said in the message');
        let fatal;
        for (const g of eligible) {
            if (fatal) {
                failItem(g, 'created', WEBHOOK_TARGET, fatal);
                continue;
            }
            const msg = render(g, webhookMention);
            const payload = (0,redact/* redactDeep */.KL)({ text: msg.text, blocks: msg.blocks, unfurl_links: false, unfurl_media: false }, secrets);
            try {
                await ctx.audit.around('slack', 'post', WEBHOOK_TARGET, () => hook.send(payload), (r) => `HTTP 200 ${clean(r.text, secrets, 40)}`);
                items.push({ fingerprint: g.fingerprint, action: 'created', target: WEBHOOK_TARGET });
            }
            catch (e) {
                const f = webhookFailure(e, timeout, secrets);
                failItem(g, 'created', WEBHOOK_TARGET, f);
                if (f.fatal)
                    fatal = f;
            }
        }
        return outcome(items, errors, notes, [], eligible.length);
    }
    // ── Bot token ──
    const client = new dist.WebClient(settings.botToken, {
        slackApiUrl: settings.apiUrl,
        retryConfig,
        timeout,
        rejectRateLimitedCalls: false,
        logger: sdkLogger(ctx.debug, secrets),
    });
    // Writes go through a client that never sends a request twice on its own: a post whose answer is lost is
    // looked for before it is sent again (createOnce), and every request is audited.
    const writer = new dist.WebClient(settings.botToken, {
        slackApiUrl: settings.apiUrl,
        retryConfig: { retries: 0 },
        timeout,
        rejectRateLimitedCalls: true,
        logger: sdkLogger(ctx.debug, secrets),
    });
    const fail = (e, method, channel = '') => apiFailure(e, method, channel, settings.apiUrl, retryConfig, timeout, secrets);
    const writeFailure = (e) => slackWriteFailure(e, timeout);
    const retry = options.retryDelayMs !== undefined ? { retryDelayMs: options.retryDelayMs } : {};
    const now = ctx.now();
    const repository = `${report.run.owner}/${report.run.repo}`;
    const runId = String(report.run.id);
    let fatal;
    const capped = [];
    // Who the token posts as: only its own messages, with our metadata, are ci-triage's.
    let me;
    try {
        const a = await client.auth.test();
        me = { botId: typeof a.bot_id === 'string' ? a.bot_id : undefined, userId: a.user_id };
    }
    catch (e) {
        const f = fail(e, 'auth.test');
        return outcome(eligible.map((g) => ({
            fingerprint: g.fingerprint,
            action: 'created',
            target: channelOf(g),
            error: f.message,
        })), [f.message], notes, [], eligible.length);
    }
    let mentionPromise;
    const mention = () => (mentionPromise ??= mentionOf(settings, ctx, (email) => lookupMention(client, email, ctx, fail)));
    const byChannel = new Map();
    for (const g of eligible) {
        const c = channelOf(g);
        byChannel.set(c, [...(byChannel.get(c) ?? []), g]);
    }
    // Channels read once each (a channel may be a severity's and the escalation channel both).
    const views = new Map();
    const viewOf = async (label) => {
        let view = views.get(label);
        if (!view) {
            view = await openChannel(client, label, now, me, ctx, fail, notes);
            views.set(label, view);
        }
        return view;
    };
    /**
     * Our messages in a channel since its history was first read (minus a margin for clocks), oldest first; []
     * when the history cannot be read (then there was no dedupe to begin with, and the outcome says so).
     */
    const since = async (view) => {
        if (view.id === undefined || view.ours === undefined)
            return [];
        try {
            return await readOurs(client, view.id, (view.readAt ?? now.getTime()) / 1000 - RECONCILE_MARGIN_S, me);
        }
        catch (e) {
            ctx.debug(`Slack: cannot read ${view.label} again (${fail(e, 'conversations.history').code}).`);
            return [];
        }
    };
    /**
     * A message posted once (`createOnce`): after a lost answer, the channel (or the thread) is read for this run's
     * message of this failure before the post is sent again.
     */
    const post = async (view, label, args, o) => {
        const once = await (0,publish_once/* createOnce */.Ur)(ctx.audit, {
            sink: 'slack',
            action: o.action,
            target: label,
            send: async () => {
                const r = await writer.chat.postMessage(args);
                return { ts: typeof r.ts === 'string' ? r.ts : '', channel: r.channel ?? view.id };
            },
            describe: (r) => `ts ${r.ts}${o.thread !== undefined ? ` in the thread of ${o.thread}${args.reply_broadcast ? ', broadcast to the channel' : ''}` : ''}`,
            failure: writeFailure,
            // A rate limit is waited out as often as the reading client would (`retryConfig.retries`).
            attempts: (retryConfig.retries ?? 2) + 1,
            look: async () => {
                // Without the history nothing can be looked for: not sent again (a duplicate is worse than a gap).
                if (view.id === undefined || view.ours === undefined)
                    throw new Error(`the history of ${label} cannot be read`);
                const found = o.thread !== undefined
                    ? await replyOfThisRun(client, view.id, o.thread, o.fingerprint, repository, runId, me, ctx, fail)
                    : (await since(view)).find((m) => m.topLevel &&
                        m.eventType === o.eventType &&
                        m.fingerprint === o.fingerprint &&
                        m.repository === repository &&
                        m.runId === runId)?.ts;
                return found !== undefined ? { ts: found, channel: view.id } : undefined;
            },
            ...retry,
            debug: ctx.debug,
        });
        const note = (0,publish_once/* lostAnswers */.QE)(once, `the message in ${label} by its metadata`);
        if (note)
            notes.push(note);
        return { ...once.value, found: once.found };
    };
    /** The failure's message: posted, updated, or a reply in its thread. Where it is, when it went through. */
    const publishFailure = async (g, label, view) => {
        const stop = fatal ?? view.failure;
        if (stop) {
            failItem(g, 'created', label, stop);
            return undefined;
        }
        const escalates = escalating(report, g) !== undefined;
        // What to do: update this run's message, reply to the first message of an earlier run, or post.
        let action = 'post';
        let ts;
        if (view.ours && view.id !== undefined) {
            const mine = view.ours.filter((o) => o.eventType === SLACK_EVENT_TYPE && o.fingerprint === g.fingerprint && o.repository === repository);
            // This run's message: top-level, or a reply broadcast to the channel (an escalation).
            const same = mine.find((o) => o.runId === runId);
            const first = mine.find((o) => o.topLevel && o.runId !== runId);
            if (same) {
                action = 'update';
                ts = same.ts;
            }
            else if (first) {
                const reply = await replyOfThisRun(client, view.id, first.ts, g.fingerprint, repository, runId, me, ctx, fail);
                action = reply !== undefined ? 'update' : 'reply';
                ts = reply ?? first.ts;
            }
        }
        if (action === 'post' && view.today !== undefined && view.today >= settings.dailyCap) {
            const why = `daily cap reached (${view.today} of ${settings.dailyCap})`;
            ctx.audit.skipped('slack', 'post', label, why);
            capped.push({ label, why });
            return undefined;
        }
        const msg = render(g, await mention());
        const metadata = slackMetadata(report, g);
        let itemAction = action === 'update' ? 'updated' : action === 'reply' ? 'replied' : 'created';
        // An escalating failure's reply is broadcast: the channel sees it, not only the thread.
        const broadcast = action === 'reply' && escalates;
        const base = {
            channel: view.postTo,
            text: msg.text,
            blocks: msg.blocks,
            metadata,
            unfurl_links: false,
            unfurl_media: false,
        };
        const reply = (thread) => post(view, label, (0,redact/* redactDeep */.KL)(broadcast ? { ...base, thread_ts: thread, reply_broadcast: true } : { ...base, thread_ts: thread }, secrets), {
            action: 'reply',
            eventType: SLACK_EVENT_TYPE,
            fingerprint: g.fingerprint,
            thread,
        });
        try {
            let ref;
            let target = label;
            if (action === 'update') {
                const args = (0,redact/* redactDeep */.KL)({ channel: view.id ?? view.postTo, ts: ts ?? '', text: msg.text, blocks: msg.blocks, metadata }, secrets);
                await ctx.audit.around('slack', 'update', label, () => writer.chat.update(args), (r) => `ts ${String(r.ts)}`, (e) => writeFailure(e).text);
                ref = { channel: args.channel, ts: args.ts };
            }
            else if (action === 'reply' && ts !== undefined) {
                const r = await reply(ts);
                if (r.channel !== undefined && r.ts !== '')
                    ref = { channel: r.channel, ts: r.ts };
            }
            else {
                const r = await post(view, label, (0,redact/* redactDeep */.KL)(base, secrets), {
                    action: 'post',
                    eventType: SLACK_EVENT_TYPE,
                    fingerprint: g.fingerprint,
                });
                if (view.today !== undefined)
                    view.today++;
                ref = r.channel !== undefined && r.ts !== '' ? { channel: r.channel, ts: r.ts } : undefined;
                // A concurrent run may have posted the same failure's message at the same time: the oldest stays
                // top-level, and ours becomes a reply in its thread.
                const oldest = ref
                    ? (await since(view)).find((o) => o.topLevel &&
                        o.eventType === SLACK_EVENT_TYPE &&
                        o.fingerprint === g.fingerprint &&
                        o.repository === repository)
                    : undefined;
                let deleted = false;
                if (ref && oldest && compareTs(oldest.ts, ref.ts) < 0) {
                    const gone = ref;
                    try {
                        await ctx.audit.around('slack', 'delete-duplicate', label, () => writer.chat.delete({ channel: gone.channel, ts: gone.ts }), () => `ts ${gone.ts}: run ${oldest.runId} posted the same failure first (ts ${oldest.ts})`, (e) => writeFailure(e).text);
                        deleted = true;
                    }
                    catch (e) {
                        // Ours stays beside the other run's: said, not hidden.
                        notes.push(`the message in ${label} (ts ${gone.ts}) duplicates run ${oldest.runId}'s, posted at the same time, but could not be deleted: ${fail(e, 'chat.delete', label).code}`);
                    }
                }
                if (ref && oldest && deleted) {
                    if (view.today !== undefined)
                        view.today--;
                    const r = await reply(oldest.ts);
                    ref = r.channel !== undefined && r.ts !== '' ? { channel: r.channel, ts: r.ts } : undefined;
                    itemAction = 'replied';
                    target = `${label} (in the thread of run ${oldest.runId}'s message, posted at the same time)`;
                }
                else if (ref)
                    view.ours?.push({
                        ts: ref.ts,
                        topLevel: true,
                        eventType: SLACK_EVENT_TYPE,
                        fingerprint: g.fingerprint,
                        repository,
                        runId,
                    });
            }
            items.push({ fingerprint: g.fingerprint, action: itemAction, target });
            return ref;
        }
        catch (e) {
            const f = fail(e, action === 'update' ? 'chat.update' : 'chat.postMessage', label);
            failItem(g, itemAction, label, f);
            if (f.fatal)
                fatal = f;
            else if (f.channelLevel)
                view.failure = f;
            return undefined;
        }
    };
    /**
     * The escalation's announcement in slack-escalation-channel, linking the failure's message (`thread`): posted,
     * or updated when an earlier attempt of the run posted it (its metadata `ci_triage_escalation` names the run).
     * Not limited by the daily cap: a failure escalates once.
     */
    const announce = async (g, thread) => {
        const target = `${escalationLabel} (escalation)`;
        if (fatal) {
            failItem(g, 'created', target, fatal);
            return;
        }
        const view = await viewOf(escalationLabel);
        if (view.failure?.fatal)
            fatal = view.failure;
        const stop = fatal ?? view.failure;
        if (stop) {
            failItem(g, 'created', target, stop);
            return;
        }
        let permalink;
        if (thread) {
            try {
                permalink = (await client.chat.getPermalink({ channel: thread.channel, message_ts: thread.ts }))
                    .permalink;
            }
            catch (e) {
                ctx.debug(`Slack: no link to the failure's message (chat.getPermalink: ${fail(e, 'chat.getPermalink').code}): the escalation links the run only.`);
            }
        }
        const refs = ctx.refs.get(g.fingerprint);
        const msg = renderEscalationMessage(report, g, {
            ...(permalink !== undefined ? { permalink } : {}),
            ...(refs ? { refs } : {}),
            secrets,
        });
        if (!msg)
            return;
        const metadata = escalationMetadata(report, g);
        const earlier = view.id === undefined
            ? undefined
            : view.ours?.find((o) => o.eventType === SLACK_ESCALATION_EVENT_TYPE &&
                o.fingerprint === g.fingerprint &&
                o.repository === repository &&
                o.runId === runId);
        try {
            if (earlier && view.id !== undefined) {
                const args = (0,redact/* redactDeep */.KL)({ channel: view.id, ts: earlier.ts, text: msg.text, blocks: msg.blocks, metadata }, secrets);
                await ctx.audit.around('slack', 'update-escalation', escalationLabel, () => writer.chat.update(args), (r) => `ts ${String(r.ts)}`, (e) => writeFailure(e).text);
                items.push({ fingerprint: g.fingerprint, action: 'updated', target });
            }
            else {
                const args = (0,redact/* redactDeep */.KL)({
                    channel: view.postTo,
                    text: msg.text,
                    blocks: msg.blocks,
                    metadata,
                    unfurl_links: false,
                    unfurl_media: false,
                }, secrets);
                const r = await post(view, escalationLabel, args, {
                    action: 'escalate',
                    eventType: SLACK_ESCALATION_EVENT_TYPE,
                    fingerprint: g.fingerprint,
                });
                if (r.ts !== '')
                    view.ours?.push({
                        ts: r.ts,
                        topLevel: true,
                        eventType: SLACK_ESCALATION_EVENT_TYPE,
                        fingerprint: g.fingerprint,
                        repository,
                        runId,
                    });
                items.push({ fingerprint: g.fingerprint, action: 'created', target });
            }
        }
        catch (e) {
            const f = fail(e, earlier ? 'chat.update' : 'chat.postMessage', escalationLabel);
            failItem(g, earlier ? 'updated' : 'created', target, f);
            if (f.fatal)
                fatal = f;
            else if (f.channelLevel)
                view.failure = f;
        }
    };
    for (const [label, groups] of byChannel) {
        if (label === '') {
            const f = {
                code: 'no_channel',
                message: `Slack: no channel for ${groups
                    .map((g) => g.severity)
                    .filter((s, i, a) => a.indexOf(s) === i)
                    .join(', ')} failures: set slack-channel (a channel ID such as C0123456789, or #name)`,
                fatal: false,
                channelLevel: true,
            };
            for (const g of groups) {
                failItem(g, 'created', label, f);
                if (escalationLabel !== '' && escalating(report, g))
                    await announce(g, undefined);
            }
            continue;
        }
        const view = fatal ? { label, postTo: label, failure: fatal } : await viewOf(label);
        if (view.failure?.fatal)
            fatal = view.failure;
        for (const g of groups) {
            const thread = await publishFailure(g, label, view);
            if (escalationLabel !== '' && escalating(report, g))
                await announce(g, thread);
        }
    }
    return outcome(items, errors, notes, capNotes(capped), eligible.length);
}
/** One line per capped channel: "2 new messages not posted in #ci: daily cap reached (50 of 50)". */
function capNotes(capped) {
    const out = [];
    for (const { label, why } of capped) {
        if (out.some((l) => l.includes(` in ${label}: `)))
            continue;
        const n = capped.filter((c) => c.label === label).length;
        out.push(`${n} new message${n === 1 ? '' : 's'} not posted in ${label}: ${why}`);
    }
    return out;
}
function outcome(items, errors, notes, capLines, eligible) {
    const done = items.filter((i) => i.error === undefined).length;
    const failed = items.length - done;
    const extra = [...capLines, ...notes];
    const tail = extra.length > 0 ? ` ${extra.map((n) => `${n}.`).join(' ')}` : '';
    if (failed === 0 && done === 0)
        return { sink: 'slack', status: 'skipped', items, message: `Slack: nothing posted.${tail}` };
    if (failed === 0) {
        return {
            sink: 'slack',
            status: 'ok',
            items,
            ...(extra.length > 0 || done < eligible
                ? { message: `Slack: ${done} message${done === 1 ? '' : 's'} published.${tail}` }
                : {}),
        };
    }
    const why = errors.map((e) => e.replace(/^Slack: /, '')).join('; ');
    if (done === 0)
        return { sink: 'slack', status: 'failed', items, message: `Slack: ${why}.${tail}` };
    return {
        sink: 'slack',
        status: 'partial',
        items,
        message: `Slack: ${done} of ${items.length} messages published; ${failed} failed: ${why}.${tail}`,
    };
}
// ── Channels and their history ─────────────────────────────────────────────────────────────────────────
/** Slack message timestamps (`seconds.micros`) in order, exactly (as numbers they lose the last digits). */
function compareTs(a, b) {
    const [as = '0', au = ''] = a.split('.');
    const [bs = '0', bu = ''] = b.split('.');
    return Number(as) - Number(bs) || Number(au.padEnd(6, '0')) - Number(bu.padEnd(6, '0'));
}
const isChannelId = (s) => /^[CGD][A-Z0-9]{6,}$/.test(s);
async function openChannel(client, label, now, me, ctx, fail, notes) {
    const view = { label, postTo: label };
    if (isChannelId(label))
        view.id = label;
    else {
        const name = label.replace(/^#/, '');
        try {
            const id = await findChannelId(client, name);
            if (id !== undefined) {
                view.id = id;
                view.postTo = id;
            }
            else {
                ctx.debug(`Slack: #${name} is not among the channels conversations.list shows the app: posting by name, without dedupe or the daily cap.`);
                notes.push(`dedupe and the daily cap were off in ${label}: the app could not find it with conversations.list (give the channel ID, e.g. C0123456789)`);
            }
        }
        catch (e) {
            const f = fail(e, 'conversations.list', label);
            if (f.fatal)
                return { ...view, failure: f };
            ctx.debug(`Slack: cannot resolve ${label} to a channel ID (${f.code}): posting by name, without dedupe or the daily cap.`);
            notes.push(f.code === 'missing_scope'
                ? `dedupe and the daily cap were off in ${label}: resolving #name needs ${neededOf(e) ?? 'channels:read'} (or give the channel ID)`
                : `dedupe and the daily cap were off in ${label}: ${f.code}`);
        }
    }
    if (view.id === undefined)
        return view;
    const oldest = (now.getTime() - HISTORY_DAYS * 86_400_000) / 1000;
    const dayStart = (0,sink/* startOfUtcDay */.EG)(now).getTime() / 1000;
    try {
        view.readAt = now.getTime();
        const ours = await readOurs(client, view.id, oldest, me);
        view.ours = ours;
        view.today = ours.filter((o) => o.topLevel && o.eventType === SLACK_EVENT_TYPE && Number(o.ts) >= dayStart).length;
    }
    catch (e) {
        const f = fail(e, 'conversations.history', label);
        if (f.fatal || f.code === 'channel_not_found')
            return { ...view, failure: f };
        ctx.debug(`Slack: cannot read the history of ${label} (${f.code}): posting without dedupe or the daily cap.`);
        if (f.code === 'missing_scope')
            notes.push(`dedupe and the daily cap need ${neededOf(e) ?? 'channels:history'}: posted in ${label} without them`);
        else if (f.code !== 'not_in_channel')
            notes.push(`dedupe and the daily cap were off in ${label}: ${f.code}`);
    }
    return view;
}
/** Whether a message was posted by the token's bot: its `bot_id` (else its bot user) is ours. */
function byUs(m, me) {
    if (me.botId !== undefined && m.bot_id !== undefined)
        return m.bot_id === me.botId;
    return m.user !== undefined && m.user === me.userId;
}
/** What a message's metadata says, when it is one of ours (a failure or an escalation), or undefined. */
function oursOf(m, me) {
    const md = m.metadata;
    const p = md?.event_payload;
    const type = md?.event_type;
    if ((type !== SLACK_EVENT_TYPE && type !== SLACK_ESCALATION_EVENT_TYPE) || !p || typeof m.ts !== 'string')
        return undefined;
    if (!byUs(m, me))
        return undefined;
    return {
        ts: m.ts,
        topLevel: m.thread_ts === undefined || m.thread_ts === m.ts,
        eventType: type,
        fingerprint: String(p.fingerprint),
        repository: String(p.repository),
        runId: String(p.run_id),
    };
}
/**
 * Our messages in a channel since `oldest` (seconds), oldest first: posted by the token's bot and carrying our
 * metadata. A message by anyone else with the same metadata is not ours, and is never updated or replied to as
 * if it were.
 */
async function readOurs(client, channel, oldest, me) {
    const ours = [];
    let cursor;
    for (let page = 0; page < HISTORY_PAGES; page++) {
        const r = await client.conversations.history({
            channel,
            oldest: Math.max(0, oldest).toFixed(6),
            limit: HISTORY_PAGE,
            include_all_metadata: true,
            ...(cursor ? { cursor } : {}),
        });
        for (const m of r.messages ?? []) {
            const o = oursOf(m, me);
            if (o)
                ours.push(o);
        }
        cursor = r.response_metadata?.next_cursor;
        if (!r.has_more || !cursor)
            break;
    }
    return ours.sort((a, b) => compareTs(a.ts, b.ts));
}
async function findChannelId(client, name) {
    let cursor;
    for (let page = 0; page < LIST_PAGES; page++) {
        const r = await client.conversations.list({
            types: 'public_channel,private_channel',
            exclude_archived: true,
            limit: LIST_PAGE,
            ...(cursor ? { cursor } : {}),
        });
        const hit = r.channels?.find((c) => c.name === name);
        if (hit?.id)
            return hit.id;
        cursor = r.response_metadata?.next_cursor;
        if (!cursor)
            break;
    }
    return undefined;
}
/** This run's reply in the thread of an earlier run's message (a new attempt updates it), if there is one. */
async function replyOfThisRun(client, channel, threadTs, fingerprint, repository, runId, me, ctx, fail) {
    try {
        const r = await client.conversations.replies({
            channel,
            ts: threadTs,
            limit: 200,
            include_all_metadata: true,
        });
        const hit = (r.messages ?? [])
            .map((m) => oursOf(m, me))
            .find((o) => o !== undefined &&
            o.ts !== threadTs &&
            o.eventType === SLACK_EVENT_TYPE &&
            o.fingerprint === fingerprint &&
            o.repository === repository &&
            o.runId === runId);
        return hit?.ts;
    }
    catch (e) {
        ctx.debug(`Slack: cannot read the thread ${threadTs} (${fail(e, 'conversations.replies', channel).code}): replying in it.`);
        return undefined;
    }
}
// ── Mentions ───────────────────────────────────────────────────────────────────────────────────────────
/** The first of these GitHub logins that `slack-users` maps to a Slack member ID. */
function mentionFromMap(settings, ctx, logins) {
    for (const login of logins) {
        if (login === undefined)
            continue;
        const id = settings.users[login.toLowerCase()];
        if (id === undefined)
            continue;
        if (isMemberId(id))
            return id;
        ctx.debug(`Slack: slack-users maps ${login} to something that is not a member ID (U… or W…): no mention.`);
    }
    return undefined;
}
/**
 * Who to mention: only someone GitHub vouches for. The author of a verified (signed) commit that is a GitHub
 * user, else the author of the pull request (the account that opened it), mapped by `slack-users`; without an
 * entry, the verified commit's email looked up (`lookup`, users.lookupByEmail). A git author email is text
 * anyone can set — a fork's commit can claim any address — so an unverified one is never looked up.
 */
async function mentionOf(settings, ctx, lookup) {
    const author = ctx.verifiedAuthor ? await ctx.verifiedAuthor() : { why: 'no verified author' };
    const mapped = mentionFromMap(settings, ctx, [author.login, ctx.report.change.pullRequest?.author]);
    if (mapped !== undefined)
        return mapped;
    if (author.email === undefined) {
        ctx.debug(`Slack: no mention: ${author.why ?? 'the verified commit has no email'} (map the login in slack-users).`);
        return undefined;
    }
    return lookup?.(author.email);
}
/** A verified commit's author by email (`users.lookupByEmail`, scope users:read.email), or undefined with a debug line. */
async function lookupMention(client, email, ctx, fail) {
    try {
        const r = await client.users.lookupByEmail({ email });
        const u = r.user;
        if (u?.deleted || u?.is_bot || !isMemberId(u?.id)) {
            ctx.debug('Slack: the commit author found by email is no active person: no mention.');
            return undefined;
        }
        return u.id;
    }
    catch (e) {
        const f = fail(e, 'users.lookupByEmail');
        ctx.debug(f.code === 'missing_scope'
            ? `Slack: no mention: looking the commit author up by email needs ${neededOf(e) ?? 'users:read.email'} (or map the login in slack-users).`
            : f.code === 'users_not_found'
                ? 'Slack: no mention: no Slack member has the commit email (map the login in slack-users).'
                : `Slack: no mention: users.lookupByEmail failed (${f.code}).`);
        return undefined;
    }
}
const shape = (e) => (typeof e === 'object' && e !== null ? e : {});
function neededOf(e) {
    const n = shape(e).data?.needed;
    return typeof n === 'string' && /^[\w:.,]+$/.test(n) ? n : undefined;
}
/** The network cause of a request error: ECONNREFUSED, ENOTFOUND, a timeout, … */
function networkCause(e, timeoutMs) {
    let cur = e;
    for (let i = 0; i < 5 && typeof cur === 'object' && cur !== null; i++) {
        const o = shape(cur);
        if (o.name === 'TimeoutError' || o.name === 'AbortError')
            return (0,publish_once/* timedOut */.iU)(timeoutMs);
        if (typeof o.code === 'string' && /^(?:E[A-Z]+|UND_ERR\w*|CERT\w*|\w*_CERT\w*)$/.test(o.code))
            return o.code;
        cur = o.original ?? o.cause;
    }
    const m = shape(e).message;
    return typeof m === 'string' ? m : 'network error';
}
/** A Web API error, told with its fix. */
function apiFailure(e, method, channel, apiUrl, retry, timeoutMs, secrets) {
    const o = shape(e);
    const where = `${method}${channel ? ` to ${channel}` : ''}`;
    if (o.code === dist.ErrorCode.PlatformError) {
        const error = typeof o.data?.error === 'string' ? clean(o.data.error, secrets, 80) : 'unknown_error';
        const needed = neededOf(e);
        let fix;
        switch (error) {
            case 'channel_not_found':
                fix = 'check slack-channel: a channel ID such as C0123456789, or #name';
                break;
            case 'not_in_channel':
                fix = `invite the app: /invite @your-app in ${channel || 'the channel'}`;
                break;
            case 'is_archived':
                fix = 'the channel is archived: unarchive it or choose another slack-channel';
                break;
            case 'invalid_auth':
            case 'not_authed':
            case 'token_revoked':
            case 'account_inactive':
            case 'token_expired':
                fix = 'check slack-bot-token (the bot token, xoxb-…, of an app installed in the workspace)';
                break;
            case 'missing_scope':
                fix = `add the ${needed ?? 'missing'} scope to the Slack app and reinstall it`;
                break;
            case 'invalid_blocks':
            case 'invalid_blocks_format':
            case 'msg_too_long':
            case 'invalid_metadata_format':
                fix = `Slack rejected the message${Array.isArray(o.data?.errors) ? ` (${clean(o.data.errors.map(String).join('; '), secrets, 200)})` : ''}; please report this ci-triage bug`;
                break;
            case 'ratelimited':
            case 'rate_limited':
                fix =
                    'Slack limits how fast an app posts: try again later, or send fewer messages (slack-min-severity, slack-daily-cap)';
                break;
            default:
                fix = 'see https://docs.slack.dev/reference/methods/' + method;
        }
        return {
            code: error,
            message: `Slack: ${where} failed: ${error}${error === 'missing_scope' && needed ? ` (needs ${needed})` : ''} — ${fix}`,
            fatal: FATAL_AUTH.has(error) ||
                (error === 'missing_scope' && method.startsWith('chat.')) ||
                error === 'ratelimited' ||
                error === 'rate_limited',
            channelLevel: CHANNEL_ERRORS.has(error),
        };
    }
    const message = typeof o.message === 'string' ? o.message : String(e);
    if (o.code === dist.ErrorCode.RateLimitedError || /rate limit was exceeded/i.test(message)) {
        return {
            code: 'ratelimited',
            message: `Slack: ${where} failed: ratelimited (HTTP 429) after ${retry?.retries ?? 0} retries honouring Retry-After — Slack limits how fast an app calls it: try again later, or send fewer messages (slack-min-severity, slack-daily-cap)`,
            fatal: true,
            channelLevel: false,
        };
    }
    if (o.code === dist.ErrorCode.HTTPError) {
        const status = typeof o.statusCode === 'number' ? o.statusCode : 0;
        return {
            code: `http_${status}`,
            message: `Slack: ${where} failed: HTTP ${status}${typeof o.statusMessage === 'string' && o.statusMessage ? ` ${clean(o.statusMessage, secrets, 60)}` : ''} — ${status === 404 || status === 410
                ? `check slack-api-url (${clean(apiUrl, secrets, 100)}): it must be a Slack Web API base URL ending in /api/`
                : 'Slack is having trouble: try again later'}`,
            // A server error is this request's; a wrong URL is every request's.
            fatal: status < 500,
            channelLevel: false,
        };
    }
    if (o.code === dist.ErrorCode.RequestError) {
        const cause = networkCause(e, timeoutMs);
        const reached = !NOT_REACHED.test(cause);
        return {
            code: reached ? 'no_answer' : 'unreachable',
            message: reached
                ? `Slack: ${where} failed: ${/^timed out/.test(cause) ? cause : `no answer (${clean(cause, secrets, 120)})`} — the other messages were still sent; if it keeps happening, check the runner's network access to ${clean(apiUrl, secrets, 100)}`
                : `Slack: ${where} failed: the Slack API${apiUrl ? ` at ${clean(apiUrl, secrets, 100)}` : ''} is unreachable (${clean(cause, secrets, 120)}) — check slack-api-url and the runner's network access`,
            fatal: !reached,
            channelLevel: false,
        };
    }
    return {
        code: 'error',
        message: `Slack: ${where} failed: ${clean(message, secrets, 200)}`,
        fatal: true,
        channelLevel: false,
    };
}
/** Network causes that mean the request never reached Slack. */
const NOT_REACHED = /^(?:ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)$/;
/** Slack's errors that say the operation may have been done in part (https://docs.slack.dev/reference/methods/chat.postMessage). */
const MAYBE_DONE = new Set(['fatal_error', 'internal_error', 'service_unavailable']);
/** A failed Web API write: did it go through (a 5xx, a timeout, a dropped connection, `fatal_error`: maybe)? */
function slackWriteFailure(e, timeoutMs) {
    const o = shape(e);
    if (o.code === dist.ErrorCode.PlatformError) {
        const error = typeof o.data?.error === 'string' ? o.data.error : 'unknown_error';
        return { fate: MAYBE_DONE.has(error) ? 'unknown' : 'refused', text: `ok: false, ${error}` };
    }
    if (o.code === dist.ErrorCode.RateLimitedError) {
        const after = typeof o.retryAfter === 'number' ? o.retryAfter : 1;
        return { fate: 'not-sent', text: 'HTTP 429 ratelimited', retryAfterMs: after * 1000 };
    }
    if (o.code === dist.ErrorCode.HTTPError) {
        const status = typeof o.statusCode === 'number' ? o.statusCode : 0;
        return { fate: status >= 500 ? 'unknown' : 'refused', text: `HTTP ${status}` };
    }
    const cause = networkCause(e, timeoutMs);
    if (NOT_REACHED.test(cause))
        return { fate: 'not-sent', text: `unreachable (${cause})` };
    return { fate: 'unknown', text: /^timed out/.test(cause) ? cause : `no answer (${cause})` };
}
/** An incoming webhook error, told with its fix (never with the webhook URL, a secret). */
function webhookFailure(e, timeoutMs, secrets) {
    const o = shape(e);
    if (o.code === webhook_dist.ErrorCode.HTTPError) {
        const status = typeof o.statusCode === 'number' ? o.statusCode : 0;
        const body = typeof o.body === 'string' ? clean(o.body, secrets, 80) : '';
        const error = /^[a-z_]+$/.test(body) ? body : '';
        const what = `HTTP ${status}${error ? ` ${error}` : ''}`;
        let fix;
        let fatal = true;
        if (status === 404 ||
            error === 'no_service' ||
            error === 'no_team' ||
            error === 'invalid_token' ||
            error === 'no_service_id')
            fix =
                'the incoming webhook is disabled, removed or invalid: check slack-webhook-url (or create a new webhook for the app)';
        else if (status === 410)
            fix = 'the webhook’s channel is archived: unarchive it or create a webhook for another channel';
        else if (status === 429)
            fix =
                'Slack limits how fast a webhook posts: try again later, or send fewer messages (slack-min-severity)';
        else if (status === 403)
            fix = 'the workspace does not allow this webhook to post here (action_prohibited): ask a Slack admin';
        else if (status === 400) {
            fix = `Slack could not read the message (${error || 'bad request'}); please report this ci-triage bug`;
            fatal = false;
        }
        else {
            // A server error: the message may have been posted all the same, and a webhook cannot be read back to
            // know, so it is not sent again; the others still go.
            fix =
                status >= 500
                    ? 'Slack is having trouble; the message may have been posted all the same, so it was not sent again'
                    : 'Slack is having trouble: try again later';
            fatal = status < 500;
        }
        return {
            code: error || `http_${status}`,
            message: `Slack: the incoming webhook answered ${what} — ${fix}`,
            fatal,
            channelLevel: false,
        };
    }
    if (o.code === webhook_dist.ErrorCode.RequestError) {
        const cause = networkCause(e, timeoutMs);
        const reached = !NOT_REACHED.test(cause);
        return {
            code: reached ? 'no_answer' : 'unreachable',
            message: reached
                ? `Slack: the incoming webhook gave no answer (${clean(cause, secrets, 120)}); the message may have been posted all the same, so it was not sent again`
                : `Slack: the incoming webhook is unreachable (${clean(cause, secrets, 120)}) — check slack-webhook-url and the runner's network access`,
            fatal: !reached,
            channelLevel: false,
        };
    }
    const message = typeof o.message === 'string' ? o.message : String(e);
    return {
        code: 'error',
        message: `Slack: the incoming webhook failed: ${clean(message, secrets, 200)}`,
        fatal: true,
        channelLevel: false,
    };
}
/** The SDK's log lines, redacted, as debug lines (the SDK would print to the console). */
function sdkLogger(debug, secrets) {
    let level = dist.LogLevel.INFO;
    const log = (label) => (...msg) => debug(`Slack SDK ${label}: ${clean(msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' '), secrets, 500)}`);
    return {
        debug: () => undefined,
        info: log('info'),
        warn: log('warn'),
        error: log('error'),
        setLevel: (l) => {
            level = l;
        },
        getLevel: () => level,
        setName: () => undefined,
    };
}


/***/ }),

/***/ 19702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ET: () => (/* binding */ firstRunLabel),
/* harmony export */   JF: () => (/* binding */ recurrenceToShow),
/* harmony export */   Zl: () => (/* binding */ pullRequestsText),
/* harmony export */   kb: () => (/* binding */ dayOf),
/* harmony export */   rW: () => (/* binding */ BRANCHES_SHOWN)
/* harmony export */ });
/* unused harmony export PRS_SHOWN */
/** Branches named, at most; the rest are counted. */
const BRANCHES_SHOWN = 5;
/** Pull requests named, at most; the rest are counted. */
const PRS_SHOWN = 8;
/**
 * The history of a failure worth telling: seen in an earlier run of the window, or flaky. Absent without a
 * history, and for a generic failure (an unknown one, or only "exit code 1"), which is evidence of nothing.
 */
function recurrenceToShow(report, fingerprint) {
    const h = report.history;
    const r = h?.recurrences[fingerprint];
    if (!h || !r || r.generic || (r.occurrences <= 1 && !r.flaky))
        return undefined;
    return { recurrence: r, windowDays: h.windowDays, threshold: h.threshold };
}
/** `run #12` when the history recorded the run number, else `run <id>`. */
const firstRunLabel = (f) => f.runNumber !== undefined ? `run #${f.runNumber}` : `run ${f.runId}`;
/** The day of an ISO 8601 time (`2026-04-20`), or '' when it is not one. */
const dayOf = (time) => /^\d{4}-\d{2}-\d{2}/.exec(time)?.[0] ?? '';
/** `; pull requests #1, #2 and 3 more` (only numbers that can be pull requests), or '' without any. */
function pullRequestsText(prs) {
    const shown = prs.filter((n) => Number.isSafeInteger(n) && n > 0);
    if (shown.length === 0)
        return '';
    const more = shown.length > PRS_SHOWN ? ` and ${shown.length - PRS_SHOWN} more` : '';
    const list = shown
        .slice(0, PRS_SHOWN)
        .map((n) => `#${n}`)
        .join(', ');
    return `; pull request${shown.length === 1 ? '' : 's'} ${list}${more}`;
}


/***/ })

};

//# sourceMappingURL=621.index.js.map