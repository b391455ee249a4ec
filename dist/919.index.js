export const id = 919;
export const ids = [919];
export const modules = {

/***/ 21919:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createJiraSink: () => (/* binding */ createJiraSink)
});

// UNUSED EXPORTS: nextPriority

// EXTERNAL MODULE: ./src/report/excerpt-rows.ts
var excerpt_rows = __webpack_require__(11277);
// EXTERNAL MODULE: ./src/report/recurrence.ts
var recurrence = __webpack_require__(19702);
// EXTERNAL MODULE: ./src/publish/sink.ts
var sink = __webpack_require__(22568);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(65655);
;// CONCATENATED MODULE: ./src/report/adf.ts




/** Jira's limit on a text field (description, comment body), in characters. */
const JIRA_TEXT_LIMIT = 32_767;
/** What a rendering stays under, by default: the limit with a margin for what Jira adds. */
const DEFAULT_MAX_CHARS = 30_000;
/** Jira's limit on a summary. */
const SUMMARY_LIMIT = 255;
const LEVELS = [
    { excerptLines: 40, lineChars: 300, excerpts: 2, jobs: 20, files: 10, explanationChars: 2000 },
    { excerptLines: 20, lineChars: 200, excerpts: 1, jobs: 10, files: 5, explanationChars: 1000 },
    { excerptLines: 8, lineChars: 160, excerpts: 1, jobs: 5, files: 3, explanationChars: 500 },
    { excerptLines: 3, lineChars: 120, excerpts: 1, jobs: 3, files: 0, explanationChars: 300 },
    { excerptLines: 1, lineChars: 100, excerpts: 1, jobs: 1, files: 0, explanationChars: 200 },
];
const t = (text, extra = {}) => ({ text, ...extra });
const lit = (text, extra = {}) => ({
    text,
    literal: true,
    ...extra,
});
/** A link when the URL is a safe http(s) URL, else the text alone. */
const adf_link = (inline, url) => {
    const href = (0,report_text/* safeUrl */.Pl)(url);
    return href === undefined ? inline : { ...inline, href };
};
/** Untrusted prose on one line: `://` and `www.` broken so no renderer links them. */
const defang = (s) => s.replace(/:\/\//g, ':\u200b//').replace(/\bwww\./gi, 'www\u200b.');
/** The line naming a run, that a later attempt looks for: `ci-triage run 123, attempt 2`. */
function runMarker(run) {
    return `ci-triage run ${run.id}, attempt ${run.attempt}`;
}
/**
 * The attempt of run `runId` that ci-triage's own text names — a description that starts `Opened by ci-triage
 * run …` (`ticket`), a comment that starts `Seen again in ci-triage run …` (`occurrence`) or a line of an
 * escalation comment that starts `Escalated in ci-triage run …` (`escalation`), as ADF flattened with `adfText`
 * or as wiki markup — or undefined. A person quoting the marker elsewhere does not count.
 */
function publishedAttempt(text, runId, kind) {
    const lead = kind === 'ticket' ? 'Opened by' : kind === 'occurrence' ? 'Seen again in' : 'Escalated in';
    const re = new RegExp(`(?:^|\\n)${lead} \\[?ci-triage run (\\d+), attempt (\\d+)`, 'g');
    let best;
    for (const m of text.matchAll(re))
        if (Number(m[1]) === runId)
            best = Math.max(best ?? 0, Number(m[2]));
    return best;
}
/**
 * The highest attempt of run `runId` that a text (a description or comment, ADF flattened with `adfText` or
 * wiki markup) names, or undefined when it names none.
 */
function runAttemptIn(text, runId) {
    let best;
    for (const m of text.matchAll(/ci-triage run (\d+), attempt (\d+)/g)) {
        if (Number(m[1]) === runId)
            best = Math.max(best ?? 0, Number(m[2]));
    }
    return best;
}
/**
 * The ticket's summary: `[ci-triage] <type>: <key line> (<job>)`, at most 255 characters (the key line is cut
 * first, so the job stays), on one line, redacted.
 */
function ticketSummary(group, secrets = [], limit = SUMMARY_LIMIT) {
    const f = group.representative.finding;
    const e = f.excerpts[0];
    const key = e ? (e.lines[e.keyLine - e.startLine] ?? '') : '';
    const job = (0,report_text/* oneLine */.TN)(group.representative.job.name, secrets);
    const jobs = group.jobs.length > 1 ? `${(0,report_text/* cut */.Jj)(job, 60)} and ${group.jobs.length - 1} more` : (0,report_text/* cut */.Jj)(job, 80);
    const head = `${sink/* TAG */.Dk} ${f.failureType}: `;
    const tail = ` (${jobs})`;
    const line = (0,report_text/* oneLine */.TN)(key, secrets).replace(/\s+/g, ' ') || 'no error line found';
    return (0,report_text/* cut */.Jj)(head + (0,report_text/* cut */.Jj)(line, Math.max(20, limit - head.length - tail.length)) + tail, limit);
}
/** The description of a new ticket, as ADF. */
function ticketAdf(report, group, o = {}) {
    return fitted((d) => toAdf(ticketBlocks(report, group, d, o.secrets ?? [])), (doc) => JSON.stringify(doc).length, o);
}
/** The description of a new ticket, as wiki markup. */
function ticketWiki(report, group, o = {}) {
    return fitted((d) => toWiki(ticketBlocks(report, group, d, o.secrets ?? [])), (s) => s.length, o);
}
/** The comment for a new occurrence of an open ticket's failure, as ADF. */
function occurrenceAdf(report, group, o = {}) {
    return fitted((d) => toAdf(occurrenceBlocks(report, group, d, o.secrets ?? [])), (doc) => JSON.stringify(doc).length, o);
}
/** The comment for a new occurrence of an open ticket's failure, as wiki markup. */
function occurrenceWiki(report, group, o = {}) {
    return fitted((d) => toWiki(occurrenceBlocks(report, group, d, o.secrets ?? [])), (s) => s.length, o);
}
/** The comment that escalates a failure (it reached the history's threshold with this run), as ADF. */
function escalationAdf(report, group, priority, o = {}) {
    return toAdf(escalationBlocks(report, group, priority, o.secrets ?? []));
}
/** The comment that escalates a failure, as wiki markup. */
function escalationWiki(report, group, priority, o = {}) {
    return toWiki(escalationBlocks(report, group, priority, o.secrets ?? []));
}
/**
 * What a new ticket would be, as plain text (the dry-run preview): the summary, the priority and labels, and
 * the first lines of the excerpt around its key line.
 */
function ticketPreview(group, o) {
    const secrets = o.secrets ?? [];
    const f = group.representative.finding;
    const out = [ticketSummary(group, secrets)];
    out.push(`  priority: ${o.priority === undefined ? '(none)' : (0,report_text/* oneLine */.TN)(o.priority)} · labels: ${o.labels.join(', ')}`);
    const e = f.excerpts[0];
    if (e)
        out.push(...plainRows(e, { ...LEVELS[2], excerptLines: o.lines ?? 8 }, secrets).map((r) => `  ${r}`));
    else
        out.push('  (the log is empty: no lines to show)');
    return out.join('\n');
}
/** The first level of detail whose rendering fits, else the smallest. */
function fitted(render, size, o) {
    const max = o.maxChars ?? DEFAULT_MAX_CHARS;
    let out;
    for (const d of LEVELS) {
        out = render(d);
        if (size(out) <= max)
            return out;
    }
    return out;
}
// ── What a ticket and a comment say ──────────────────────────────────────────────────────────────────────
function ticketBlocks(report, group, d, secrets) {
    const { run, change } = report;
    const rep = group.representative;
    const f = rep.finding;
    const line = (s, max = 200) => s === undefined ? '' : defang((0,report_text/* cut */.Jj)((0,report_text/* oneLine */.TN)(s, secrets), max));
    const blocks = [];
    blocks.push({
        kind: 'heading',
        level: 2,
        content: [t(`${f.failureType} · ${f.severity} · ${who(group, line)}`)],
    });
    blocks.push({
        kind: 'paragraph',
        content: [
            lit('Opened by '),
            adf_link(lit(runMarker(run)), run.htmlUrl),
            lit(` for the failure with fingerprint ${group.fingerprint}. A later occurrence is added as a comment; ` +
                'resolve the ticket once it is fixed (a new one opens if it comes back).'),
        ],
    });
    blocks.push(...recurrenceBlocks(report, group, line));
    blocks.push({ kind: 'heading', level: 3, content: [lit('What failed')] });
    const step = rep.failedStep?.name ?? f.failedSteps[0];
    const facts = [
        [lit('Repository: ', { strong: true }), adf_link(t(`${run.owner}/${run.repo}`), repoUrl(run))],
        [lit('Workflow: ', { strong: true }), adf_link(t(`${line(run.name, 120)} ${runLabel(run)}`), run.htmlUrl)],
    ];
    if (run.headBranch)
        facts.push([lit('Branch: ', { strong: true }), t(line(run.headBranch, 120), { code: true })]);
    facts.push([
        lit('Job: ', { strong: true }),
        adf_link(t(line(rep.job.name, 120)), rep.job.htmlUrl),
        ...(group.jobs.length > 1 ? [lit(` (and ${group.jobs.length - 1} more with the same failure)`)] : []),
    ]);
    if (step !== undefined)
        facts.push([lit('Step: ', { strong: true }), t(line(step, 120))]);
    facts.push([
        lit('Type: ', { strong: true }),
        lit(f.failureType, { code: true }),
        lit(f.transient ? ' (transient: a re-run may pass)' : ''),
    ], [lit('Severity: ', { strong: true }), lit(f.severity)], [lit('Confidence: ', { strong: true }), lit(f.confidence.toFixed(2))], [lit('Fingerprint: ', { strong: true }), lit(group.fingerprint, { code: true })]);
    blocks.push({ kind: 'list', items: facts });
    const files = [...new Set(group.jobs.flatMap((j) => j.affectedFiles))];
    if (files.length > 0 && d.files > 0) {
        const shown = files.slice(0, d.files).map((p) => t(line(p, 160), { code: true }));
        const content = [lit('Changed files named in the log: ', { strong: true })];
        shown.forEach((s, i) => content.push(...(i > 0 ? [lit(', ')] : []), s));
        if (files.length > shown.length)
            content.push(lit(` and ${files.length - shown.length} more`));
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
            .map((j) => [adf_link(t(line(j.job.name, 120)), j.links[0]?.url ?? j.job.htmlUrl)]);
        if (group.jobs.length > d.jobs)
            items.push([lit(`… and ${group.jobs.length - d.jobs} more`)]);
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
function occurrenceBlocks(report, group, d, secrets) {
    const { run, change } = report;
    const line = (s, max = 200) => s === undefined ? '' : defang((0,report_text/* cut */.Jj)((0,report_text/* oneLine */.TN)(s, secrets), max));
    const content = [lit('Seen again in '), adf_link(lit(runMarker(run)), run.htmlUrl)];
    content.push(t(` (${line(run.name, 120)} ${runLabel(run)})`));
    if (run.headBranch)
        content.push(lit(' on '), t(line(run.headBranch, 120), { code: true }));
    const sha = change.commit.sha || run.headSha;
    if (sha)
        content.push(lit(' at '), adf_link(lit(sha.slice(0, 7), { code: true }), change.commit.htmlUrl ?? `${repoUrl(run)}/commit/${sha}`));
    const pr = change.pullRequest;
    if (pr)
        content.push(lit(' in '), adf_link(lit(`pull request #${pr.number}`), pr.htmlUrl));
    content.push(lit(':'));
    const blocks = [{ kind: 'paragraph', content }];
    const items = group.jobs.slice(0, d.jobs).map((j) => {
        const l = j.links[0];
        return [
            adf_link(t(line(j.job.name, 120)), j.job.htmlUrl),
            ...(l ? [lit(': '), adf_link(lit(lineLabel(l)), l.url)] : []),
        ];
    });
    if (group.jobs.length > d.jobs)
        items.push([lit(`… and ${group.jobs.length - d.jobs} more`)]);
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
function recurrenceDetail(r, line) {
    const first = r.firstSeen;
    const day = (0,recurrence/* dayOf */.kb)(first.time);
    const out = [lit(' — first in '), adf_link(lit((0,recurrence/* firstRunLabel */.ET)(first)), first.runUrl)];
    if (day)
        out.push(lit(` on ${day}`));
    if (r.branches.length > 0) {
        out.push(lit(r.branches.length === 1 ? '; branch ' : '; branches '));
        r.branches
            .slice(0, recurrence/* BRANCHES_SHOWN */.rW)
            .forEach((b, i) => out.push(...(i > 0 ? [lit(', ')] : []), t(line(b, 60), { code: true })));
        if (r.branches.length > recurrence/* BRANCHES_SHOWN */.rW)
            out.push(lit(` and ${r.branches.length - recurrence/* BRANCHES_SHOWN */.rW} more`));
    }
    const prs = (0,recurrence/* pullRequestsText */.Zl)(r.prs);
    if (prs)
        out.push(lit(prs));
    return out;
}
/** `Flaky: <the first evidence>` (evidence names jobs: untrusted). */
function flakyBlock(r, line) {
    const e = r.evidence[0];
    return r.flaky && e
        ? [{ kind: 'paragraph', content: [lit('Flaky: ', { strong: true }), t(line(e.text, 300))] }]
        : [];
}
/** The history's line (seen in N runs …) and the flaky evidence, when there is something to tell. */
function recurrenceBlocks(report, group, line) {
    const x = (0,recurrence/* recurrenceToShow */.JF)(report, group.fingerprint);
    if (!x)
        return [];
    const r = x.recurrence;
    const out = [];
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
function escalationBlocks(report, group, priority, secrets) {
    const { run } = report;
    const line = (s, max = 200) => s === undefined ? '' : defang((0,report_text/* cut */.Jj)((0,report_text/* oneLine */.TN)(s, secrets), max));
    const h = report.history;
    const r = h?.recurrences[group.fingerprint];
    const f = group.representative.finding;
    const blocks = [];
    const head = [lit('Escalated by ci-triage: ', { strong: true })];
    if (h && r) {
        head.push(lit(`seen in ${r.occurrences} runs in ${h.windowDays} days (threshold ${h.threshold})`));
        head.push(...recurrenceDetail(r, line));
    }
    else
        head.push(lit('this failure keeps coming back'));
    head.push(lit('.'));
    blocks.push({ kind: 'paragraph', content: head });
    blocks.push({
        kind: 'paragraph',
        content: [lit(`${f.failureType} · ${f.severity} · `), t(who(group, line))],
    });
    const name = (s) => t(line(s, 60), { code: true });
    const p = priority.kind === 'raised'
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
    if (r)
        blocks.push(...flakyBlock(r, line));
    blocks.push({
        kind: 'paragraph',
        content: [
            lit('Escalated in '),
            adf_link(lit(runMarker(run)), run.htmlUrl),
            lit(` for the failure with fingerprint ${group.fingerprint}; a new attempt of this run does not escalate again.`),
        ],
    });
    return blocks;
}
/** `in <job>` or `same failure in 3 jobs: A, B, C and 2 more`, as the job summary says it. */
function who(group, line) {
    const names = group.jobs.slice(0, 3).map((j) => line(j.job.name, 80));
    const more = group.jobs.length - names.length;
    return group.jobs.length === 1
        ? `in ${names[0] ?? ''}`
        : `same failure in ${group.jobs.length} jobs: ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}
function excerptBlocks(group, d, secrets, line) {
    const rep = group.representative;
    const excerpts = rep.finding.excerpts.slice(0, d.excerpts);
    const out = [{ kind: 'heading', level: 3, content: [lit('The log')] }];
    if (excerpts.length === 0) {
        out.push({ kind: 'paragraph', content: [lit('The log is empty: no lines to show.')] });
        return out;
    }
    for (const e of excerpts) {
        const l = rep.links.find((x) => x.line === e.keyLine);
        const where = e.startLine === e.endLine ? `Line ${e.startLine}` : `Lines ${e.startLine}–${e.endLine}`;
        const content = [adf_link(lit(where), l?.url), lit(' of the log')];
        if (e.step)
            content.push(lit(' in '), t(line(e.step, 120), { code: true }));
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
function explanationBlocks(group, d, line) {
    const x = group.representative.explanation;
    if (!x)
        return [];
    const cited = x.citedLines.slice(0, 20).join(', ');
    const out = [
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
            lit(`Model text, not verified: check it against the cited line${x.citedLines.length === 1 ? '' : 's'}${cited ? ` ${cited}` : ''} · Claude's own confidence ${x.confidence.toFixed(2)}`),
        ],
    });
    return out;
}
function linkItems(report, group, line) {
    const { run, change } = report;
    const rep = group.representative;
    const items = [];
    const add = (inline, url) => {
        if ((0,report_text/* safeUrl */.Pl)(url) !== undefined)
            items.push(inline.map((x, i) => (i === 0 ? adf_link(x, url) : x)));
    };
    add([
        lit(`Workflow run ${run.number !== undefined ? `#${run.number}` : run.id}${run.attempt > 1 ? `, attempt ${run.attempt}` : ''}`),
    ], run.htmlUrl);
    const l = rep.links[0];
    if (l)
        add([lit(`The failing line: ${lineLabel(l)}`), ...(l.exact === false ? [lit(' (step approximate)')] : [])], l.url);
    const pr = change.pullRequest;
    if (pr)
        add([lit(`Pull request #${pr.number}`), t(` ${line(pr.title, 120)}`)], pr.htmlUrl);
    const sha = change.commit.sha || run.headSha;
    if (sha) {
        const message = change.commit.message?.split('\n')[0];
        add([lit(`Commit ${sha.slice(0, 7)}`), ...(message ? [t(` ${line(message, 100)}`)] : [])], change.commit.htmlUrl ?? `${repoUrl(run)}/commit/${sha}`);
    }
    if (rep.baseline)
        add([lit('The last passing run of this job')], rep.baseline.htmlUrl);
    return items;
}
const lineLabel = (l) => l.step !== undefined ? `line ${l.stepLine ?? l.line} of step ${l.step}` : `line ${l.line} of the job log`;
/** `#123` when collection recorded the run number, else `run <id>`. */
function runLabel(run) {
    return run.number !== undefined ? `#${run.number}` : `run ${run.id}`;
}
/** `https://github.com/o/r` from a run's `…/o/r/actions/runs/N` URL. */
function repoUrl(run) {
    const m = /^(https?:\/\/[^\s]+?)\/actions\/runs\/\d+/.exec(run.htmlUrl);
    return m?.[1] ?? `https://github.com/${run.owner}/${run.repo}`;
}
/** The excerpt's rows (excerpt-rows.ts) as plain text, the key line marked `▶`; each line redacted whole before it is cut. */
function plainRows(e, d, secrets) {
    return (0,excerpt_rows/* excerptRows */.$)(e, d.excerptLines, (num, i, key) => `${num} ${key ? '▶' : '│'} ${(0,report_text/* cut */.Jj)((0,report_text/* untrusted */.bp)(e.lines[i] ?? '', secrets).replace(/\n/g, ' '), d.lineChars)}`);
}
// ── The two formats ──────────────────────────────────────────────────────────────────────────────────────
function toAdf(blocks) {
    const inline = (xs) => xs
        .filter((x) => x.text !== '')
        .map((x) => {
        const marks = [];
        if (x.code)
            marks.push({ type: 'code' });
        else if (x.strong)
            marks.push({ type: 'strong' });
        if (x.href !== undefined)
            marks.push({ type: 'link', attrs: { href: x.href } });
        return marks.length ? { type: 'text', text: x.text, marks } : { type: 'text', text: x.text };
    });
    const paragraph = (xs) => ({ type: 'paragraph', content: inline(xs) });
    const content = [];
    for (const b of blocks) {
        if (b.kind === 'heading')
            content.push({ type: 'heading', attrs: { level: b.level }, content: inline(b.content) });
        else if (b.kind === 'paragraph')
            content.push(paragraph(b.content));
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
function wikiEscape(s) {
    return defang(s.replace(/\\/g, '\u29f5').replace(/\r?\n/g, ' ')).replace(WIKI_SPECIAL, (c) => `\\${c}`);
}
/** A URL inside `[text|url]`: only http(s), and no character that would end the link. */
function wikiUrl(url) {
    return url.replace(/[|[\]{}\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
function toWiki(blocks) {
    const inline = (xs) => xs
        .filter((x) => x.text !== '')
        .map((x) => {
        let s = x.literal ? x.text : wikiEscape(x.text);
        if (x.code)
            s = `{{${s}}}`;
        else if (x.strong)
            s = `*${s.trimEnd()}*${s.endsWith(' ') ? ' ' : ''}`;
        return x.href !== undefined ? `[${s}|${wikiUrl(x.href)}]` : s;
    })
        .join('');
    const out = [];
    for (const b of blocks) {
        if (b.kind === 'heading')
            out.push(`h${b.level}. ${inline(b.content)}`);
        else if (b.kind === 'paragraph')
            out.push(inline(b.content));
        else if (b.kind === 'list')
            out.push(b.items.map((i) => `* ${inline(i)}`).join('\n'));
        else
            out.push(`{noformat}\n${b.text.replace(/\{noformat/gi, '{\u200bnoformat')}\n{noformat}`);
    }
    return out.join('\n\n') + '\n';
}
// ── Reading ADF back ─────────────────────────────────────────────────────────────────────────────────────
/**
 * The plain text of an ADF document (or of any node), blocks on their own lines: what a comment or a
 * description says, to look for a run's marker in it. Anything that is not ADF gives its string form, or ''.
 */
function adfText(node) {
    if (typeof node === 'string')
        return node;
    if (typeof node !== 'object' || node === null)
        return '';
    const n = node;
    if (n.type === 'text' && typeof n.text === 'string')
        return n.text;
    if (n.type === 'hardBreak')
        return '\n';
    if (!Array.isArray(n.content))
        return '';
    const inlineOnly = n.type === 'paragraph' || n.type === 'heading' || n.type === 'codeBlock';
    return n.content.map(adfText).join(inlineOnly ? '' : '\n');
}

// EXTERNAL MODULE: ./src/publish/once.ts
var publish_once = __webpack_require__(79854);
// EXTERNAL MODULE: ./src/publish/redact.ts + 1 modules
var redact = __webpack_require__(18040);
;// CONCATENATED MODULE: ./src/publish/jira.ts





const TIMEOUT_MS = 15_000;
const BUDGET_MS = 120_000;
const API_TOKENS_URL = 'https://id.atlassian.com/manage-profile/security/api-tokens';
function createJiraSink(settings, options = {}) {
    return {
        name: 'jira',
        plannedFailures: (groups) => (0,sink/* atLeast */.jZ)(groups, settings.minSeverity).map((g) => g.fingerprint),
        publish: async (ctx) => {
            try {
                return await publish(settings, options, ctx);
            }
            catch (e) {
                // Not expected (every request's failure is handled below); still the sink's failure alone.
                return {
                    sink: 'jira',
                    status: 'failed',
                    items: [],
                    message: `Jira: unexpected error: ${errorText(e, secretsOf(settings, ctx))}`,
                };
            }
        },
    };
}
const SEARCH_FIELDS = ['summary', 'description', 'created', 'labels', 'priority', 'creator', 'status'];
/** The `name` of a Jira object field (`priority: {name, id, …}`), or null. */
function nameOf(field) {
    const name = field?.name;
    return typeof name === 'string' && name !== '' ? name : null;
}
/** Comments read to find this run's occurrence comment: the most recent ones. */
const COMMENTS_READ = 100;
/** A user's identity as the sink compares them: v3's `accountId`, v2's `key` (else `name`). */
function accountOf(user, version) {
    const u = user;
    const id = version === 3 ? u?.accountId : (u?.key ?? u?.name);
    return typeof id === 'string' && id !== '' ? id : undefined;
}
/** An issue of a search or a read, as a Ticket (both API versions answer in this shape). */
function ticketOf(issue, version) {
    if (typeof issue.key !== 'string')
        return undefined;
    const f = issue.fields ?? {};
    return {
        key: issue.key,
        text: adfText(f.description),
        priority: nameOf(f.priority),
        creator: accountOf(f.creator, version),
        labels: Array.isArray(f.labels) ? f.labels.filter((l) => typeof l === 'string') : [],
        open: f.status?.statusCategory?.key !== 'done',
    };
}
const DUPLICATE_LINK = { name: 'Duplicate' };
const transitionsOf = (list) => (list ?? []).flatMap((t) => typeof t.id === 'string'
    ? [{ id: t.id, name: t.name ?? t.id, done: t.to?.statusCategory?.key === 'done' }]
    : []);
function cloudApi(cloud, client) {
    return {
        version: 3,
        async myself() {
            const me = await cloud.getCurrentUser(client);
            const id = accountOf(me, 3);
            if (id === undefined)
                throw new Error('Jira answered GET /rest/api/3/myself without an accountId');
            return id;
        },
        async search(jql, max) {
            const r = await cloud.searchAndReconsileIssuesUsingJql(client, {
                jql,
                maxResults: max,
                fields: SEARCH_FIELDS,
            });
            return (r.issues ?? []).flatMap((i) => ticketOf(i, 3) ?? []);
        },
        async get(key) {
            try {
                const issue = await cloud.getIssue(client, { issueIdOrKey: key, fields: SEARCH_FIELDS });
                return ticketOf(issue, 3);
            }
            catch (e) {
                if (e.status === 404)
                    return undefined;
                throw e;
            }
        },
        async count(jql) {
            return (await cloud.countIssues(client, { jql })).count ?? 0;
        },
        async priority(key) {
            const issue = await cloud.getIssue(client, { issueIdOrKey: key, fields: ['priority'] });
            return nameOf(issue.fields?.priority);
        },
        async setPriority(key, name) {
            await cloud.editIssue(client, { issueIdOrKey: key, fields: { priority: { name } } });
        },
        async comments(key) {
            const page = await cloud.getComments(client, {
                issueIdOrKey: key,
                orderBy: '-created',
                maxResults: COMMENTS_READ,
            });
            return (page.comments ?? []).flatMap((c) => c.id ? [{ id: c.id, text: adfText(c.body), author: accountOf(c.author, 3) }] : []);
        },
        async create(fields) {
            const r = await cloud.createIssue(client, { fields });
            return { key: r.key };
        },
        async addComment(key, body) {
            const r = await cloud.addComment(client, { issueIdOrKey: key, body });
            return { id: r.id ?? '' };
        },
        async updateComment(key, id, body) {
            await cloud.updateComment(client, { issueIdOrKey: key, id, body: { body } });
        },
        async linkDuplicate(duplicate, of) {
            await cloud.linkIssues(client, {
                type: DUPLICATE_LINK,
                outwardIssue: { key: duplicate },
                inwardIssue: { key: of },
            });
        },
        async transitions(key) {
            const r = await cloud.getTransitions(client, { issueIdOrKey: key });
            return transitionsOf(r.transitions);
        },
        async transition(key, id) {
            await cloud.doTransition(client, { issueIdOrKey: key, transition: { id } });
        },
    };
}
function serverApi(client) {
    const key = (k) => encodeURIComponent(k);
    return {
        version: 2,
        async myself() {
            const me = await client.sendRequest({ url: '/rest/api/2/myself', method: 'GET' });
            const id = accountOf(me, 2);
            if (id === undefined)
                throw new Error('Jira answered GET /rest/api/2/myself without a key or name');
            return id;
        },
        async search(jql, max) {
            const r = await client.sendRequest({
                url: '/rest/api/2/search',
                method: 'GET',
                searchParams: { jql, maxResults: max, fields: SEARCH_FIELDS.join(',') },
            });
            return (r.issues ?? []).flatMap((i) => ticketOf(i, 2) ?? []);
        },
        async get(k) {
            try {
                const r = await client.sendRequest({
                    url: `/rest/api/2/issue/${key(k)}`,
                    method: 'GET',
                    searchParams: { fields: SEARCH_FIELDS.join(',') },
                });
                return ticketOf(r, 2);
            }
            catch (e) {
                if (e.status === 404)
                    return undefined;
                throw e;
            }
        },
        async priority(k) {
            const r = await client.sendRequest({
                url: `/rest/api/2/issue/${key(k)}`,
                method: 'GET',
                searchParams: { fields: 'priority' },
            });
            return nameOf(r.fields?.priority);
        },
        async setPriority(k, name) {
            await client.sendRequest({
                url: `/rest/api/2/issue/${key(k)}`,
                method: 'PUT',
                body: { fields: { priority: { name } } },
            });
        },
        async count(jql) {
            const r = await client.sendRequest({
                url: '/rest/api/2/search',
                method: 'GET',
                searchParams: { jql, maxResults: 0 },
            });
            return typeof r.total === 'number' ? r.total : 0;
        },
        async comments(k) {
            const r = await client.sendRequest({
                url: `/rest/api/2/issue/${key(k)}/comment`,
                method: 'GET',
                searchParams: { orderBy: '-created', maxResults: COMMENTS_READ },
            });
            return (r.comments ?? []).flatMap((c) => typeof c.id === 'string' ? [{ id: c.id, text: adfText(c.body), author: accountOf(c.author, 2) }] : []);
        },
        async create(fields) {
            const r = await client.sendRequest({
                url: '/rest/api/2/issue',
                method: 'POST',
                body: { fields },
            });
            if (typeof r.key !== 'string')
                throw new Error('Jira answered the create without an issue key');
            return { key: r.key };
        },
        async addComment(k, body) {
            const r = await client.sendRequest({
                url: `/rest/api/2/issue/${key(k)}/comment`,
                method: 'POST',
                body: { body },
            });
            return { id: typeof r.id === 'string' ? r.id : '' };
        },
        async updateComment(k, id, body) {
            await client.sendRequest({
                url: `/rest/api/2/issue/${key(k)}/comment/${encodeURIComponent(id)}`,
                method: 'PUT',
                body: { body },
            });
        },
        async linkDuplicate(duplicate, of) {
            await client.sendRequest({
                url: '/rest/api/2/issueLink',
                method: 'POST',
                body: { type: DUPLICATE_LINK, outwardIssue: { key: duplicate }, inwardIssue: { key: of } },
            });
        },
        async transitions(k) {
            const r = await client.sendRequest({
                url: `/rest/api/2/issue/${key(k)}/transitions`,
                method: 'GET',
            });
            return transitionsOf(r.transitions);
        },
        async transition(k, id) {
            await client.sendRequest({
                url: `/rest/api/2/issue/${key(k)}/transitions`,
                method: 'POST',
                body: { transition: { id } },
            });
        },
    };
}
/**
 * jira.js's `Client`: `fetch` with a timeout, the errors jira.js throws (`ApiError` and its subclasses by
 * status, `NetworkError`), and the response checked against the endpoint's schema when it has one.
 */
function transport(core, o) {
    return {
        async sendRequest(req) {
            const method = req.method ?? 'GET';
            const path = req.url.startsWith('/') ? req.url : `/${req.url}`;
            const url = new URL(o.host + path);
            for (const [k, v] of Object.entries(req.searchParams ?? {})) {
                if (v === undefined || v === null)
                    continue;
                if (Array.isArray(v))
                    for (const x of v)
                        url.searchParams.append(k, str(x));
                else
                    url.searchParams.set(k, str(v));
            }
            const body = req.body === undefined || req.body === null ? undefined : JSON.stringify(req.body);
            const headers = {
                Accept: 'application/json',
                Authorization: o.authorization,
                ...req.headers,
            };
            if (method !== 'GET' && method !== 'HEAD')
                headers['Content-Type'] = 'application/json';
            const what = `${method} ${url.pathname}`;
            let status;
            let statusText;
            let contentType;
            let location;
            let retryAfter;
            let text;
            try {
                const res = await fetch(url, {
                    method,
                    headers,
                    body,
                    redirect: 'manual',
                    signal: AbortSignal.timeout(o.timeoutMs),
                });
                ({ status, statusText } = res);
                contentType = res.headers.get('content-type') ?? '';
                location = res.headers.get('location');
                retryAfter = res.headers.get('retry-after');
                text = await res.text();
            }
            catch (e) {
                const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
                const code = timedOut ? 'ETIMEDOUT' : errorCode(e);
                const reason = timedOut
                    ? `no answer within ${duration(o.timeoutMs)}`
                    : (code ?? (e instanceof Error ? e.message : String(e)));
                throw new core.NetworkError(`${what} failed: ${reason}`, {
                    cause: e,
                    ...(code ? { code } : {}),
                    transient: true,
                });
            }
            const json = /\bjson\b/i.test(contentType);
            let data = text === '' ? undefined : text;
            if (json && text !== '') {
                try {
                    data = JSON.parse(text);
                }
                catch {
                    data = text;
                }
            }
            if (status < 200 || status >= 300) {
                const detail = status >= 300 && status < 400 ? `a redirect to ${location ?? '?'}` : jiraMessages(data);
                const message = `Jira answered ${status}${statusText ? ` ${statusText}` : ''} on ${what}${detail ? `: ${detail}` : ''}`;
                const err = status === 401
                    ? new core.AuthError(message, statusText, data)
                    : status === 403
                        ? new core.ForbiddenError(message, statusText, data)
                        : status === 404
                            ? new core.NotFoundError(message, statusText, data)
                            : status === 429
                                ? new core.RateLimitError(message, statusText, data, retryAfterMs(retryAfter))
                                : status >= 500
                                    ? new core.ServerError(message, status, statusText, data)
                                    : new core.ApiError(message, status, statusText, data);
                throw err;
            }
            if (status === 204 || data === undefined)
                return undefined;
            if (!json) {
                // A 200 that is not JSON: a login page or another site, not Jira's REST API.
                throw new core.ApiError(`Jira answered ${status} with ${contentType || 'no content type'}, not JSON, on ${what}`, status, statusText, (0,report_text/* cut */.Jj)((0,report_text/* oneLine */.TN)(text), 200));
            }
            if (req.schema) {
                const parsed = req.schema.safeParse(data);
                if (parsed.success)
                    return parsed.data;
                const where = parsed.error.issues
                    .slice(0, 3)
                    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
                    .join('; ');
                o.debug(`Jira: the answer to ${what} does not match jira.js's schema (${where}); used as it is.`);
            }
            return data;
        },
    };
}
/** `Retry-After` (seconds or an HTTP date) in ms, for jira.js's RateLimitError. */
function retryAfterMs(header) {
    if (header === null)
        return {};
    const seconds = Number(header);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
    return Number.isFinite(ms) ? { retryAfterMs: Math.max(0, ms) } : {};
}
/** The transport-level code (ECONNREFUSED, ENOTFOUND, …) from an error's `cause` chain. */
function errorCode(e) {
    let cursor = e;
    for (let depth = 0; cursor instanceof Error && depth < 5; depth++) {
        const code = cursor.code;
        if (typeof code === 'string' && code !== '')
            return code;
        cursor = cursor.cause;
    }
    return undefined;
}
/** Jira's error body (`{"errorMessages":[…],"errors":{field: message}}`) as one line; text bodies cut. */
function jiraMessages(body) {
    if (typeof body === 'string')
        return (0,report_text/* cut */.Jj)((0,report_text/* oneLine */.TN)(body.replace(/<[^>]*>/g, ' ')), 300);
    if (typeof body !== 'object' || body === null)
        return '';
    const b = body;
    const parts = [];
    if (b.errors && typeof b.errors === 'object')
        for (const [k, v] of Object.entries(b.errors))
            parts.push(`${k}: ${str(v)}`);
    if (Array.isArray(b.errorMessages))
        for (const m of b.errorMessages)
            parts.push(str(m));
    if (parts.length === 0 && typeof b.message === 'string')
        parts.push(b.message);
    return (0,report_text/* cut */.Jj)((0,report_text/* oneLine */.TN)(parts.join('; ')), 500);
}
// ── Publishing ──────────────────────────────────────────────────────────────────────────────────────────
/** A failure that stops the sink: every further item would fail the same way. Its message is for people. */
class Fatal extends Error {
}
/** A failure of one item only. Its message is for people. */
class ItemError extends Error {
}
function secretsOf(settings, ctx) {
    return [...ctx.secrets, settings.apiToken].filter((s) => s !== '');
}
/** A JQL string literal. */
const q = (s) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;
async function publish(settings, options, ctx) {
    const groups = (0,sink/* atLeast */.jZ)(ctx.groups, settings.minSeverity);
    if (groups.length === 0)
        return {
            sink: 'jira',
            status: 'skipped',
            items: [],
            message: `no failure at or above ${settings.minSeverity}`,
        };
    const secrets = secretsOf(settings, ctx);
    const project = settings.project;
    if (ctx.dryRun) {
        const items = [];
        for (const g of groups) {
            const target = `${project}: new ticket labelled ${(0,sink/* fingerprintLabel */.TI)(g.fingerprint)}`;
            ctx.audit.skipped('jira', 'create', target, 'dry-run');
            items.push({ fingerprint: g.fingerprint, action: 'would-create', target });
            if (escalating(ctx, g)) {
                const ticket = `${project}: the ticket labelled ${(0,sink/* fingerprintLabel */.TI)(g.fingerprint)}`;
                ctx.audit.skipped('jira', 'escalate', ticket, 'dry-run');
                items.push({
                    fingerprint: g.fingerprint,
                    action: 'would-update',
                    target: `${ticket} (escalated: priority one step up, escalation comment)`,
                });
            }
        }
        const preview = groups
            .map((g) => {
            const text = ticketPreview(g, {
                secrets,
                priority: 'priority' in settings.fields ? '(from jira-fields)' : settings.priorities[g.severity],
                labels: [sink/* LABEL */.d_, (0,sink/* fingerprintLabel */.TI)(g.fingerprint)],
            });
            const r = escalating(ctx, g);
            const h = ctx.report.history;
            return r && h
                ? `${text}\n  escalates: seen in ${r.occurrences} runs in ${h.windowDays} days (threshold ${h.threshold}): priority one step up and an escalation comment`
                : text;
        })
            .join('\n\n');
        return {
            sink: 'jira',
            status: 'dry-run',
            items,
            message: `would create a ticket in ${project} for each failure (or comment on the open ticket with its fingerprint), within the daily cap of ${settings.dailyCap}`,
            preview,
        };
    }
    const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
    const core = await Promise.all(/* import() */[__webpack_require__.e(676), __webpack_require__.e(886)]).then(__webpack_require__.bind(__webpack_require__, 52886));
    const client = transport(core, {
        host: settings.baseUrl,
        authorization: settings.apiVersion === 3
            ? `Basic ${Buffer.from(`${settings.email}:${settings.apiToken}`, 'utf8').toString('base64')}`
            : `Bearer ${settings.apiToken}`,
        timeoutMs,
        debug: ctx.debug,
    });
    const api = settings.apiVersion === 3 ? cloudApi(await Promise.all(/* import() */[__webpack_require__.e(676), __webpack_require__.e(822)]).then(__webpack_require__.bind(__webpack_require__, 63822)), client) : serverApi(client);
    const run = new Publisher(settings, ctx, api, core, secrets, timeoutMs, options.retryDelayMs);
    const started = Date.now();
    const budgetMs = options.budgetMs ?? BUDGET_MS;
    for (const [i, g] of groups.entries()) {
        if (Date.now() - started > budgetMs) {
            run.notes.push(`stopped after ${duration(budgetMs)}: ${groups.length - i} failure${groups.length - i === 1 ? '' : 's'} not published`);
            break;
        }
        if (!(await run.one(g)))
            break;
    }
    return run.outcome();
}
class Publisher {
    settings;
    ctx;
    api;
    core;
    secrets;
    timeoutMs;
    retryDelayMs;
    items = [];
    notes = [];
    fatal;
    createdToday;
    capped = 0;
    /** Set once Jira refused the priority: later tickets are created without one. */
    noPriority = false;
    /** Comments read, by ticket key. */
    comments = new Map();
    /** The account the credentials act as, read once. */
    account;
    /** Tickets read by key past the newest one the search index knows: `next` is the next key number to read. */
    scan;
    constructor(settings, ctx, api, core, secrets, timeoutMs, retryDelayMs) {
        this.settings = settings;
        this.ctx = ctx;
        this.api = api;
        this.core = core;
        this.secrets = secrets;
        this.timeoutMs = timeoutMs;
        this.retryDelayMs = retryDelayMs;
    }
    browse(key) {
        return `${this.settings.baseUrl}/browse/${encodeURIComponent(key)}`;
    }
    /** The account the credentials act as: only what it created (or wrote) is ci-triage's. */
    me() {
        return (this.account ??= this.call('myself', () => this.api.myself()));
    }
    /**
     * The project's tickets the search index may not know yet, read by key: Jira Cloud's index trails its writes
     * by seconds, so a ticket another run (or a create whose answer was lost) made a moment ago is not found by
     * a search. Keys are given in order within a project: the ones after the newest key the index knows are read
     * one by one (`GET /issue/{key}`, which reads the database) until one does not exist yet, at most
     * `SCAN_MAX`. Read once per publish; again (from where it stopped) with `more`, or up to a key (`before`).
     */
    async recent(o = {}) {
        const project = this.settings.project;
        if (!this.scan) {
            const [newest] = await this.call('search', () => this.api.search(`project = ${q(project)} ORDER BY key DESC`, 1));
            this.scan = { next: (newest ? keyNumber(newest.key) : 0) + 1, found: [] };
        }
        else if (!o.more && o.before === undefined)
            return this.scan.found;
        const scan = this.scan;
        for (let read = 0; read < SCAN_MAX && (o.before === undefined || scan.next < o.before); read++) {
            const key = `${project}-${scan.next}`;
            const t = await this.call('search', () => this.api.get(key));
            if (!t) {
                // Not made yet; with `before`, a key given to a ticket since moved or deleted.
                if (o.before === undefined)
                    break;
                scan.next++;
                continue;
            }
            if (!scan.found.some((x) => x.key === t.key))
                scan.found.push(t);
            scan.next++;
        }
        return scan.found;
    }
    /**
     * Our open tickets for a fingerprint label, oldest first: found by the search and among the tickets the index
     * does not know yet (`recent`), created by our account. Others' tickets with the label are left alone.
     */
    async openTickets(label, o = {}) {
        const searched = await this.call('search', () => this.api.search(`project = ${q(this.settings.project)} AND labels = ${q(label)} AND statusCategory != Done ORDER BY created ASC`, SEARCH_MAX));
        const recent = (await this.recent(o)).filter((t) => t.labels.includes(label) && t.open);
        const byKey = new Map();
        for (const t of [...searched, ...recent])
            if (!byKey.has(t.key))
                byKey.set(t.key, t);
        const me = await this.me();
        const all = [...byKey.values()];
        const ours = all.filter((t) => t.creator === me);
        if (ours.length < all.length)
            this.ctx.debug(`Jira: ${all.length - ours.length} open ticket(s) labelled ${label} were created by another account: ignored.`);
        return ours.sort((a, b) => keyNumber(a.key) - keyNumber(b.key));
    }
    /**
     * Closes `dup` as a duplicate of `of`: linked to it as "Duplicate" (dup duplicates of), then moved along a
     * transition to a status of the Done category. A workflow without one leaves it linked and open, with a note.
     */
    async closeDuplicate(dup, of, note = true) {
        await this.write('link-duplicate', `${dup.key} → ${of.key}`, () => this.api.linkDuplicate(dup.key, of.key), () => `${dup.key} duplicates ${of.key}`);
        const to = (await this.call('transitions', () => this.api.transitions(dup.key))).find((t) => t.done);
        if (!to) {
            this.notes.push(`${dup.key} linked as a duplicate of ${of.key} but left open: its workflow offers no transition to a Done status`);
            return;
        }
        await this.write('close-duplicate', dup.key, () => this.api.transition(dup.key, to.id), () => `transition "${to.name}": a duplicate of ${of.key}`);
        dup.open = false;
        if (note)
            this.notes.push(`${dup.key} closed as a duplicate of ${of.key}`);
    }
    /** One failure; false when the sink must stop (a fatal failure). */
    async one(g) {
        const fp = g.fingerprint;
        const label = (0,sink/* fingerprintLabel */.TI)(fp);
        // What is being attempted, for the item if it fails.
        let attempt = {
            fingerprint: fp,
            action: 'would-create',
            target: `${this.settings.project}: new ticket labelled ${label}`,
        };
        // The ticket the failure is on, once known: what an escalation acts on.
        let ticket;
        try {
            const [open, ...duplicates] = await this.openTickets(label);
            // Left open beside the oldest by a race (or a lost answer) earlier: closed as its duplicates.
            if (open)
                for (const d of duplicates)
                    await this.closeDuplicate(d, open).catch((e) => {
                        this.notes.push(`${d.key} duplicates ${open.key} but could not be closed: ${this.why(e)}`);
                    });
            if (open) {
                const url = this.browse(open.key);
                this.ctx.refs.set(fp, { ...this.ctx.refs.get(fp), jira: { key: open.key, url } });
                attempt = { fingerprint: fp, action: 'would-comment', target: `comment on ${open.key}`, url };
                ticket = { key: open.key, priority: open.priority, fresh: false };
                this.items.push(await this.occurrence(g, open));
            }
            else {
                const made = await this.create(g, label);
                if (made) {
                    this.items.push(made.item);
                    ticket = { key: made.key, priority: made.priority, fresh: made.item.action === 'created' };
                }
            }
        }
        catch (e) {
            const message = e instanceof Fatal || e instanceof ItemError ? e.message : this.describe(e, 'item');
            this.items.push({ ...attempt, error: message });
            if (e instanceof Fatal) {
                this.fatal = message;
                return false;
            }
        }
        const recurrence = escalating(this.ctx, g);
        return ticket && recurrence ? this.escalation(g, ticket, recurrence) : true;
    }
    /** The escalation of a failure on its ticket, as an item; false when the sink must stop. */
    async escalation(g, ticket, r) {
        try {
            const item = await this.escalate(g, ticket, r);
            if (item)
                this.items.push(item);
            return true;
        }
        catch (e) {
            const message = e instanceof Fatal || e instanceof ItemError ? e.message : this.describe(e, 'item');
            this.items.push({
                fingerprint: g.fingerprint,
                action: 'updated',
                target: `${ticket.key} (escalation)`,
                url: this.browse(ticket.key),
                error: message,
            });
            if (e instanceof Fatal) {
                this.fatal = message;
                return false;
            }
            return true;
        }
    }
    /**
     * Raises the ticket's priority one step and adds the escalation comment, once per run: nothing when a comment
     * of this run's escalation is there already (an earlier attempt escalated). Undefined when nothing was done.
     */
    async escalate(g, ticket, r) {
        const { ctx, settings } = this;
        const { key } = ticket;
        const runId = ctx.report.run.id;
        const url = this.browse(key);
        const me = await this.me();
        const comments = ticket.fresh ? [] : await this.commentsOf(key);
        const done = comments.find((c) => c.author === me && publishedAttempt(c.text, runId, 'escalation') !== undefined);
        if (done) {
            ctx.debug(`Jira: ${key} was escalated by this run already (comment ${done.id}); not again.`);
            return undefined;
        }
        const current = ticket.priority !== undefined
            ? ticket.priority
            : await this.call('priority-read', () => this.api.priority(key));
        let priority;
        const step = current === null ? undefined : nextPriority(current, settings.priorities);
        if (current === null)
            priority = { kind: 'unknown' };
        else if (step === undefined)
            priority = { kind: 'unknown', current };
        else if ('highest' in step)
            priority = { kind: 'highest', at: current };
        else {
            const to = step.to;
            try {
                await ctx.audit.around('jira', 'priority', key, () => this.api.setPriority(key, (0,redact/* redactDeep */.KL)(to, this.secrets)), () => `${current} → ${to}`);
                priority = { kind: 'raised', from: current, to };
            }
            catch (e) {
                // Not settable (not on the edit screen, not a priority of the scheme, no permission): the comment says so.
                const why = this.editRefusal(e);
                if (why === undefined)
                    throw this.classify(e, 'priority');
                priority = { kind: 'refused', from: current, to, why };
                this.notes.push(`${key} escalated without raising its priority: Jira refused "${to}" (${why}); put Priority on the edit screen of ${settings.project} (and let the account edit issues) or change jira-priorities`);
            }
        }
        ctx.debug(`Jira: escalating ${key} for failure ${g.fingerprint} (${r.occurrences} runs): ${priority.kind}.`);
        const body = (0,redact/* redactDeep */.KL)(this.api.version === 3
            ? escalationAdf(ctx.report, g, priority, { secrets: this.secrets })
            : escalationWiki(ctx.report, g, priority, { secrets: this.secrets }), this.secrets);
        const c = await this.writeOnce('escalate', key, () => this.api.addComment(key, body), (x) => `comment ${x.id}`, async () => {
            const mine = (await this.commentsOf(key, true)).find((x) => x.author === me && publishedAttempt(x.text, runId, 'escalation') !== undefined);
            return mine ? { id: mine.id } : undefined;
        }, (c) => `comment ${c.id}`);
        const what = priority.kind === 'raised'
            ? `priority ${priority.from} → ${priority.to}`
            : priority.kind === 'highest'
                ? `already at ${priority.at}`
                : priority.kind === 'refused'
                    ? `priority not raised, Jira refused ${priority.to}`
                    : 'priority left as it is';
        return {
            fingerprint: g.fingerprint,
            action: 'updated',
            target: (0,redact/* redactDeep */.KL)((0,report_text/* cut */.Jj)((0,report_text/* oneLine */.TN)(`${key} (escalated: ${what})`), 300), this.secrets),
            url: c.id ? `${url}?focusedCommentId=${encodeURIComponent(c.id)}` : url,
        };
    }
    /** The ticket's recent comments, read once per publish (again with `fresh`). */
    async commentsOf(key, fresh = false) {
        const known = this.comments.get(key);
        if (known && !fresh)
            return known;
        const read = await this.call('comments', () => this.api.comments(key));
        this.comments.set(key, read);
        return read;
    }
    /** Jira's reason for refusing an edit of the priority (400: not on the screen or not valid; 403), or undefined. */
    editRefusal(e) {
        if (!this.core.isApiError(e) || (e.status !== 400 && e.status !== 403))
            return undefined;
        const detail = jiraMessages(e.body);
        return (0,redact/* redactDeep */.KL)((0,report_text/* cut */.Jj)((0,report_text/* oneLine */.TN)(detail || `HTTP ${e.status}`), 200), this.secrets);
    }
    /** A comment for this occurrence on the open ticket, or the update of this run's comment, or nothing. */
    async occurrence(g, open) {
        const { id: runId, attempt } = this.ctx.report.run;
        const url = this.browse(open.key);
        const base = { fingerprint: g.fingerprint, target: open.key, url };
        // The ticket was opened by this run (an earlier attempt): nothing new to say.
        if (publishedAttempt(open.text, runId, 'ticket') !== undefined) {
            this.ctx.debug(`Jira: ${open.key} was opened by this run; nothing to add.`);
            return { ...base, action: 'unchanged' };
        }
        const me = await this.me();
        const comments = await this.commentsOf(open.key);
        const ours = comments.find((c) => c.author === me && publishedAttempt(c.text, runId, 'occurrence') !== undefined);
        const commentUrl = (id) => `${url}?focusedCommentId=${encodeURIComponent(id)}`;
        if (ours && (publishedAttempt(ours.text, runId, 'occurrence') ?? 0) >= attempt)
            return { ...base, action: 'unchanged', target: `comment on ${open.key}`, url: commentUrl(ours.id) };
        this.ctx.debug(`Jira: ${open.key} is open for failure ${g.fingerprint}: ${ours ? `updating comment ${ours.id}` : 'adding a comment'}.`);
        const body = (0,redact/* redactDeep */.KL)(this.api.version === 3
            ? occurrenceAdf(this.ctx.report, g, { secrets: this.secrets })
            : occurrenceWiki(this.ctx.report, g, { secrets: this.secrets }), this.secrets);
        if (ours) {
            await this.write('update-comment', `${open.key} comment ${ours.id}`, () => this.api.updateComment(open.key, ours.id, body), () => `comment ${ours.id}`);
            return { ...base, action: 'updated', target: `comment on ${open.key}`, url: commentUrl(ours.id) };
        }
        const r = await this.writeOnce('comment', open.key, () => this.api.addComment(open.key, body), (c) => `comment ${c.id}`, async () => {
            const mine = (await this.commentsOf(open.key, true)).find((c) => c.author === me && publishedAttempt(c.text, runId, 'occurrence') === attempt);
            return mine ? { id: mine.id } : undefined;
        }, (x) => `comment ${x.id}`);
        return {
            ...base,
            action: 'commented',
            target: `comment on ${open.key}`,
            url: r.id ? commentUrl(r.id) : url,
        };
    }
    /**
     * A new ticket, within the daily cap, with its priority's name when known (null: none; undefined: Jira's
     * default, unknown here); undefined when the cap stopped it.
     */
    async create(g, label) {
        const { settings, ctx } = this;
        const target = `${settings.project}: new ticket labelled ${label}`;
        if (this.createdToday === undefined) {
            // Tickets labelled ci-triage created since the start of the UTC day, as a relative date so that the
            // account's time zone (which startOfDay() would use) does not move the day.
            const now = ctx.now();
            const minutes = Math.max(1, Math.ceil((now.getTime() - (0,sink/* startOfUtcDay */.EG)(now).getTime()) / 60_000));
            this.createdToday = await this.call('count', () => this.api.count(`project = ${q(settings.project)} AND labels = ${q(sink/* LABEL */.d_)} AND created >= -${minutes}m`));
        }
        if (this.createdToday >= settings.dailyCap) {
            this.capped++;
            ctx.audit.skipped('jira', 'create', target, `daily cap reached (${this.createdToday} of ${settings.dailyCap})`);
            return undefined;
        }
        // A priority given in jira-fields is the user's; else the one mapped from the severity.
        const priority = 'priority' in settings.fields ? '' : settings.priorities[g.severity];
        const fields = this.fields(g, label);
        let key;
        // The priority the ticket got: ours, the one of jira-fields, or Jira's default (unknown).
        let given = 'priority' in settings.fields ? (nameOf(settings.fields.priority) ?? undefined) : undefined;
        const send = (withPriority) => {
            const payload = (0,redact/* redactDeep */.KL)(withPriority ? { ...fields, priority: { name: priority } } : fields, this.secrets);
            return this.writeOnce('create', target, () => this.api.create(payload), (r) => r.key, 
            // The create may have gone through: this run's ticket, by its label and its description's mark.
            async () => {
                const runId = ctx.report.run.id;
                const mine = (await this.openTickets(label, { more: true })).find((t) => publishedAttempt(t.text, runId, 'ticket') !== undefined);
                return mine ? { key: mine.key } : undefined;
            }, (r) => r.key, withPriority);
        };
        if (this.noPriority || priority === '')
            key = (await send(false)).key;
        else {
            try {
                key = (await send(true)).key;
                given = priority;
            }
            catch (e) {
                const refused = this.priorityRefusal(e);
                if (refused === undefined)
                    throw e;
                this.noPriority = true;
                key = (await send(false)).key;
                this.notes.push(`${key} created without a priority: Jira refused "${priority}" (${refused}); add Priority to the create screen of ${settings.project} or change jira-priorities`);
            }
        }
        this.createdToday++;
        this.ctx.debug(`Jira: created ${key} for failure ${g.fingerprint} (${this.createdToday} of ${settings.dailyCap} today).`);
        // A concurrent run may have created the same failure's ticket: the oldest stays, ours is its duplicate.
        // The ticket exists whatever happens here: a failure to check or to close is a note, not the item's error.
        let oldest;
        try {
            [oldest] = await this.openTickets(label, { before: keyNumber(key) });
            if (oldest && keyNumber(oldest.key) < keyNumber(key))
                await this.closeDuplicate({ key, text: '', priority: given ?? null, creator: undefined, labels: [label], open: true }, oldest, false);
        }
        catch (e) {
            this.notes.push(oldest
                ? `${key} duplicates ${oldest.key} (created at the same time by another run) but could not be closed: ${this.why(e)}`
                : `${key}: could not check for a ticket a concurrent run created (${this.why(e)})`);
            oldest = undefined;
        }
        if (oldest && keyNumber(oldest.key) < keyNumber(key)) {
            const url = this.browse(oldest.key);
            ctx.refs.set(g.fingerprint, { ...ctx.refs.get(g.fingerprint), jira: { key: oldest.key, url } });
            return {
                item: {
                    fingerprint: g.fingerprint,
                    action: 'deduplicated',
                    target: `${key}, created at the same time as ${oldest.key} by another run: linked as its duplicate`,
                    url,
                },
                key: oldest.key,
                priority: oldest.priority,
            };
        }
        const url = this.browse(key);
        ctx.refs.set(g.fingerprint, { ...ctx.refs.get(g.fingerprint), jira: { key, url } });
        return {
            item: { fingerprint: g.fingerprint, action: 'created', target: key, url },
            key,
            priority: given,
        };
    }
    /** The fields of a new ticket: ours, then jira-fields (which may not replace what dedupe relies on). */
    fields(g, label) {
        const { settings, ctx } = this;
        const description = this.api.version === 3
            ? ticketAdf(ctx.report, g, { secrets: this.secrets })
            : ticketWiki(ctx.report, g, { secrets: this.secrets });
        const extra = settings.fields;
        const theirLabels = Array.isArray(extra.labels)
            ? extra.labels.filter((l) => typeof l === 'string')
            : [];
        const rest = Object.fromEntries(Object.entries(extra).filter(([k]) => !['project', 'summary', 'description', 'labels'].includes(k)));
        return {
            project: { key: settings.project },
            issuetype: { name: settings.issueType },
            summary: ticketSummary(g, this.secrets),
            description,
            ...rest,
            labels: [...new Set([sink/* LABEL */.d_, label, ...theirLabels])],
        };
    }
    /** Jira's reason for refusing the priority field (400 `errors.priority`), or undefined. */
    priorityRefusal(e) {
        if (!this.core.isApiError(e) || e.status !== 400)
            return undefined;
        const errors = e.body?.errors;
        const why = errors?.priority;
        return why === undefined ? undefined : (0,report_text/* cut */.Jj)((0,report_text/* oneLine */.TN)(str(why)), 200);
    }
    /** A read: its failure is fatal when it would recur for every failure. */
    async call(op, fn) {
        try {
            return await fn();
        }
        catch (e) {
            throw this.classify(e, op);
        }
    }
    /**
     * A write, audited: intent, then ok or error. With `priorityRetry`, Jira's refusal of the priority is
     * rethrown as it is, for the retry without it.
     */
    async write(action, target, fn, describe) {
        try {
            return await this.ctx.audit.around('jira', action, target, fn, describe, (e) => this.failure(e).text);
        }
        catch (e) {
            throw this.classify(e, action);
        }
    }
    /**
     * A write that creates (a ticket, a comment), made once (`createOnce`): after an answer that is lost, it
     * looks (`look`) for what it made before it sends it again. With `priorityRetry`, Jira's refusal of the
     * priority is rethrown as it is, for the retry without it.
     */
    async writeOnce(action, target, fn, describe, look, 
    /** What was found, for the note: `CI-12`, `comment 10101`. */
    name, priorityRetry = false) {
        try {
            const once = await (0,publish_once/* createOnce */.Ur)(this.ctx.audit, {
                sink: 'jira',
                action,
                target,
                send: fn,
                describe,
                failure: (e) => this.failure(e),
                look,
                ...(this.retryDelayMs !== undefined ? { retryDelayMs: this.retryDelayMs } : {}),
                debug: this.ctx.debug,
            });
            const note = (0,publish_once/* lostAnswers */.QE)(once, `${name(once.value)} by its mark`);
            if (note)
                this.notes.push(`${target}: ${note}`);
            return once.value;
        }
        catch (e) {
            if (priorityRetry && this.priorityRefusal(e) !== undefined)
                throw e;
            throw this.classify(e, action);
        }
    }
    /** What a failed write means: did it go through (a 5xx, a timeout, a dropped connection: maybe)? */
    failure(e) {
        const { core } = this;
        if (core.isNetworkError(e)) {
            const code = e.code;
            if (code === 'ETIMEDOUT')
                return { fate: 'unknown', text: (0,publish_once/* timedOut */.iU)(this.timeoutMs) };
            if (code !== undefined && NOT_REACHED.has(code))
                return { fate: 'not-sent', text: `unreachable (${code})` };
            return { fate: 'unknown', text: `no answer (${code ?? 'connection lost'})` };
        }
        if (core.isApiError(e)) {
            const s = e.status;
            if (s === 429) {
                const wait = core.isRateLimitError(e) ? e.retryAfterMs : undefined;
                return {
                    fate: 'not-sent',
                    text: 'HTTP 429 (rate limited)',
                    ...(wait !== undefined ? { retryAfterMs: wait } : {}),
                };
            }
            const detail = jiraMessages(e.body);
            return {
                fate: s >= 500 ? 'unknown' : 'refused',
                text: (0,redact/* redactDeep */.KL)((0,report_text/* cut */.Jj)((0,report_text/* oneLine */.TN)(`HTTP ${s}${e.statusText ? ` ${e.statusText}` : ''}${detail ? `: ${detail}` : ''}`).replace(/\s+/g, ' '), 600), this.secrets),
            };
        }
        return { fate: 'refused', text: errorText(e, this.secrets) };
    }
    /** An error's message for a note. */
    why(e) {
        return e instanceof Fatal || e instanceof ItemError ? e.message : this.describe(e, 'item');
    }
    /** A Fatal error (stop the sink) or a per-item error with a message for people. */
    classify(e, op) {
        const { core } = this;
        if (e instanceof Fatal || e instanceof ItemError)
            return e;
        // Jira unreachable stops the sink; a timeout or a dropped answer is this failure's alone.
        if (core.isNetworkError(e))
            return e.code !== undefined && NOT_REACHED.has(e.code)
                ? new Fatal(this.describe(e, op))
                : new ItemError(this.describe(e, op));
        if (!core.isApiError(e))
            return new ItemError(this.describe(e, op));
        const s = e.status;
        const onTicket = op === 'comments' || op === 'comment' || op === 'update-comment' || op === 'escalate';
        const itemOnly = (s === 404 && (onTicket || op === 'priority' || op === 'priority-read')) ||
            (s === 400 && (op === 'comment' || op === 'update-comment' || op === 'escalate')) ||
            // Someone else's comment that names the run (the account may edit its own only).
            (s === 403 && op === 'update-comment') ||
            s >= 500 ||
            s === 409 ||
            op === 'link-duplicate' ||
            op === 'close-duplicate' ||
            op === 'transitions';
        return itemOnly ? new ItemError(this.describe(e, op)) : new Fatal(this.describe(e, op));
    }
    /** What went wrong and the fix, for the outcome (redacted). */
    describe(e, op) {
        const { settings, core } = this;
        const secrets = this.secrets;
        const project = settings.project;
        const on = op === 'item' ? '' : ` on ${OP_NAMES[op]}`;
        let out;
        if (core.isNetworkError(e)) {
            const code = e.code;
            out =
                code === 'ETIMEDOUT'
                    ? `Jira ${(0,publish_once/* timedOut */.iU)(this.timeoutMs)} at ${settings.baseUrl}${on}: if it keeps happening, check jira-url and that the runner reaches it quickly`
                    : code !== undefined && NOT_REACHED.has(code)
                        ? `Jira is unreachable at ${settings.baseUrl}: ${code} — check jira-url and that the runner can reach it`
                        : `Jira gave no answer at ${settings.baseUrl}${on}: ${code ?? errorText(e, secrets)}`;
        }
        else if (core.isApiError(e)) {
            const s = e.status;
            const detail = jiraMessages(e.body);
            const projectError = projectProblem(e.body);
            if (s === 401)
                out =
                    settings.apiVersion === 3
                        ? `Jira answered 401 Unauthorized: check jira-email and jira-api-token (an API token from ${API_TOKENS_URL})`
                        : 'Jira answered 401 Unauthorized: check jira-api-token (a personal access token of Jira Server / Data Center, sent as a Bearer token with jira-api-version 2)';
            else if (projectError !== undefined)
                out = `Jira answered ${s} for project "${project}"${on}: ${projectError} — check jira-project (the key, e.g. CI) and that the account can browse it`;
            else if (s === 403)
                out = `Jira answered 403 Forbidden${on}${detail ? `: ${detail}` : ''} — the account needs the Browse projects, Create issues and Add comments permissions in ${project}`;
            else if (s === 404)
                out =
                    op === 'comments' ||
                        op === 'comment' ||
                        op === 'update-comment' ||
                        op === 'escalate' ||
                        op === 'priority' ||
                        op === 'priority-read'
                        ? `Jira answered 404${on}: the ticket is gone or the account cannot see it${detail ? ` (${detail})` : ''}`
                        : `Jira answered 404${on}${detail ? `: ${detail}` : ''} — check jira-url (the site, e.g. https://acme.atlassian.net) and jira-api-version (3 for Cloud, 2 for Server / Data Center)`;
            else if (s === 400 && op === 'create')
                out = `Jira answered 400${on}: ${detail || 'bad request'} — ${fieldsHint(e.body, settings)}`;
            else if (s === 400 && (op === 'search' || op === 'count'))
                out = `Jira answered 400${on}: ${detail || 'bad request'} — check jira-project`;
            else if (s === 429) {
                const wait = core.isRateLimitError(e) && e.retryAfterMs !== undefined
                    ? ` (Jira asks to wait ${duration(e.retryAfterMs)})`
                    : '';
                out = `Jira answered 429 Too Many Requests${on}: the account is rate limited${wait}; the next run publishes again`;
            }
            else if (s >= 300 && s < 400)
                out = `Jira answered ${s}${on}: ${e.message.replace(/^.*?: /, '')} — set jira-url to the address it redirects to`;
            else if (s >= 200 && s < 300)
                out = `${e.message} — check jira-url (the Jira site, e.g. https://acme.atlassian.net)`;
            else
                out = `Jira answered ${s}${e.statusText ? ` ${e.statusText}` : ''}${on}${detail ? `: ${detail}` : ''}`;
        }
        else
            out = `Jira${on}: ${errorText(e, secrets)}`;
        return (0,redact/* redactDeep */.KL)((0,report_text/* cut */.Jj)((0,report_text/* oneLine */.TN)(out), 1000), secrets);
    }
    outcome() {
        const { settings } = this;
        const notes = [...this.notes];
        if (this.capped > 0)
            notes.push(`daily cap reached (${this.createdToday ?? 0} of ${settings.dailyCap}): ${this.capped} new ticket${this.capped === 1 ? '' : 's'} not created`);
        const ok = this.items.filter((i) => i.error === undefined).length;
        const failed = this.items.length - ok;
        const status = this.items.length === 0 ? 'skipped' : failed === 0 ? 'ok' : ok === 0 ? 'failed' : 'partial';
        const first = this.fatal ?? this.items.find((i) => i.error !== undefined)?.error;
        const message = [...(first !== undefined ? [first] : []), ...notes].join('; ');
        return { sink: 'jira', status, items: this.items, ...(message ? { message } : {}) };
    }
}
const OP_NAMES = {
    search: 'the search for an open ticket',
    count: 'the count for the daily cap',
    comments: 'reading the comments',
    create: 'create',
    comment: 'adding a comment',
    'update-comment': 'updating a comment',
    'priority-read': "reading the ticket's priority",
    priority: 'raising the priority',
    escalate: 'adding the escalation comment',
    myself: 'reading the account (GET /myself)',
    transitions: "reading a duplicate ticket's transitions",
    'link-duplicate': 'linking a duplicate ticket',
    'close-duplicate': 'closing a duplicate ticket',
};
/** Network codes that mean the request never reached Jira: every other request would fail the same way. */
const NOT_REACHED = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'CERT_HAS_EXPIRED',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** Tickets a search for a fingerprint reads at most (more than one only after a race). */
const SEARCH_MAX = 10;
/** Tickets read by key past the newest one the search index knows, at most. */
const SCAN_MAX = 20;
/** `CI-12` → 12. */
const keyNumber = (key) => Number(/-(\d+)$/.exec(key)?.[1] ?? 0);
/** The failure's recurrence when it escalates with this run (the history's decision), else undefined. */
function escalating(ctx, g) {
    const r = ctx.report.history?.recurrences[g.fingerprint];
    return r?.escalate === true && !r.generic ? r : undefined;
}
/** Jira's default priorities, lowest first: the ladder an escalation climbs one step of. */
const LADDER = ['Lowest', 'Low', 'Medium', 'High', 'Highest'];
/** The severity whose `jira-priorities` name stands for each step (Lowest has none). */
const LADDER_SEVERITY = [undefined, 'low', 'medium', 'high', 'critical'];
/**
 * The priority one step above `current`: its name as `jira-priorities` gives it (`critical=P1,high=P2,…`), else
 * Jira's default name; `highest` when `current` is the top step; undefined when `current` is on no step.
 * `current` is found among the configured names first, then among Jira's defaults (case-insensitive); a step
 * whose name is the same as the current one is skipped.
 */
function nextPriority(current, priorities) {
    const ladder = LADDER.map((name, i) => {
        const sev = LADDER_SEVERITY[i];
        const configured = sev === undefined ? '' : priorities[sev].trim();
        return configured === '' ? name : configured;
    });
    const same = (a, b) => a.toLowerCase() === b.toLowerCase();
    let at = -1;
    for (let i = ladder.length - 1; i >= 0 && at < 0; i--)
        if (same(ladder[i] ?? '', current))
            at = i;
    for (let i = LADDER.length - 1; i >= 0 && at < 0; i--)
        if (same(LADDER[i] ?? '', current))
            at = i;
    if (at < 0)
        return undefined;
    for (let i = at + 1; i < ladder.length; i++) {
        const name = ladder[i] ?? '';
        if (!same(name, current))
            return { to: name };
    }
    return { highest: true };
}
/** Jira's words when the project does not exist or the account cannot see it, or undefined. */
function projectProblem(body) {
    if (typeof body !== 'object' || body === null)
        return undefined;
    const b = body;
    const errors = b.errors && typeof b.errors === 'object' ? b.errors : {};
    if (errors.project !== undefined)
        return (0,report_text/* cut */.Jj)((0,report_text/* oneLine */.TN)(str(errors.project)), 300);
    const messages = Array.isArray(b.errorMessages) ? b.errorMessages.map(str) : [];
    const m = messages.find((x) => /for the field 'project'|no project could be found/i.test(x));
    return m === undefined ? undefined : (0,report_text/* cut */.Jj)((0,report_text/* oneLine */.TN)(m), 300);
}
/** Which input to check for a 400 on create, from the fields Jira names. */
function fieldsHint(body, settings) {
    const errors = typeof body === 'object' && body !== null && typeof body.errors === 'object'
        ? Object.keys(body.errors ?? {})
        : [];
    if (errors.some((k) => k in settings.fields))
        return 'check jira-fields';
    if (errors.includes('issuetype'))
        return 'check jira-issue-type (an issue type of the project, e.g. Bug)';
    if (errors.includes('priority'))
        return 'check jira-priorities';
    if (errors.length > 0)
        return "a field the project requires or refuses: set it with jira-fields, or change the project's create screen";
    return 'check jira-fields';
}
const duration = (ms) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);
/** A JSON value as text: a string as it is, anything else as JSON. */
const str = (v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
function errorText(e, secrets) {
    return (0,redact/* redactDeep */.KL)((0,report_text/* cut */.Jj)((0,report_text/* oneLine */.TN)(e instanceof Error ? e.message : String(e)), 500), secrets);
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

//# sourceMappingURL=919.index.js.map