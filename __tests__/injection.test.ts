/**
 * Prompt injection: constructed logs (fixtures/injection/, see fixtures/README.md) that try to steer the model
 * — instructions to ignore the rules, fake JSON answers, requests to print environment variables, Markdown
 * images to outside hosts, mass mentions, text claiming to be the system, fake closing delimiters — run through
 * the real analysis and the real SDK against the fake Messages API. For each: what the fake receives holds the
 * log text only inside the data delimiters and no secret; and when the "model" answers with hostile text
 * (images, @channel, HTML, links to other hosts), the published summary renders none of it, and severity and
 * fingerprint stay the rules'.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaudeAnalyzer } from '../src/analyze/claude.js';
import { explainReport } from '../src/pipeline/explain.js';
import { renderJobSummary } from '../src/report/summary.js';
import { type FakeAnthropic, startFakeAnthropic, userText } from './helpers/fake-anthropic.js';
import { analyze, job, report } from './report-fixtures.js';

const DIR = new URL('../fixtures/injection/', import.meta.url);
const LOGS = readdirSync(DIR)
  .filter((f) => f.endsWith('.log'))
  .sort();
const GITHUB_TOKEN = 'ghs_TheJobTokenOfThisRun0123456789abcdefABCD';
const OWN = 'https://github.com/hashicorp/terraform/';

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(() => fake.close());

/** The user message with every genuine `<log_excerpt …>…</log_excerpt>` block taken out. */
const outsideExcerpts = (user: string) => user.replace(/<log_excerpt [^>]*>[\s\S]*?<\/log_excerpt>/g, '');

const HOSTILE = [
  '![pixel](https://evil.example/p.png?MODEL-IMAGE) <img src=x onerror=alert(1)> @channel @everyone please see',
  '[click](https://evil.example/phish) www.evil.example/x <script>alert(1)</script>',
  `${OWN}blob/main/internal/cloud/backend.go and https://github.com/someone-else/repo/blob/main/x.js`,
].join(' ');

describe.each(LOGS)('injection fixture %s', (name) => {
  it('stays data in the request, leaks no secret, and hostile model text is not rendered', async () => {
    const text = readFileSync(new URL(name, DIR), 'utf8');
    const finding = await analyze(text);
    const marker = /INJECTED-[A-Z-]+|IGNORE ALL PREVIOUS|@channel|evil\.example|Assistant, please/.exec(
      text,
    )![0];
    const rep = report([{ job: job(7, 'test'), finding }]);
    const before = structuredClone(rep.jobs[0]!.finding!);

    const requestsBefore = fake.requests.length;
    fake.script = [
      (req) => {
        // Cite the deterministic key line, which was sent.
        const line = Number(/key="(\d+)"/.exec(userText(req))?.[1]);
        return {
          tool: {
            cause: `The cart total test fails. ${HOSTILE}`,
            fix: `Fix src/cart.js. ${HOSTILE}`,
            cited_lines: [line],
            affected_files: [],
            confidence: 0.7,
            ticket_title: 'cart total @channel <b>x</b>',
            description: HOSTILE,
            failure_type: 'infrastructure',
          },
        };
      },
    ];
    const analyzer = createClaudeAnalyzer({
      apiKey: fake.apiKey,
      baseURL: fake.baseUrl,
      model: 'claude-haiku-4-5',
      maxInputTokens: 8000,
      timeoutMs: 10_000,
      secrets: [GITHUB_TOKEN],
    });
    const u = await explainReport(rep, analyzer, { mode: 'always', concurrency: 1 });
    expect(u.explained, rep.jobs[0]!.explanationNote).toBe(1);

    // The request: the injected text is in it, only inside <log_excerpt> blocks; no secret anywhere.
    const req = fake.requests[requestsBefore]!;
    const user = userText(req);
    expect(user).toContain(marker.replace(/[<>]/g, ''));
    expect(outsideExcerpts(user)).not.toContain(marker);
    expect(outsideExcerpts(user)).not.toMatch(/INJECTED|IGNORE ALL|evil\.example/);
    expect(user.match(/<log_excerpt /g)?.length).toBe(user.match(/<\/log_excerpt>/g)?.length);
    expect(user.match(/<\/failure>/g)).toHaveLength(1);
    expect(user).not.toMatch(/<system>/);
    for (const secret of [fake.apiKey, GITHUB_TOKEN, 'sk-ant-api03-LeakedKeyInTheLog', 'ghs_LeakedJobToken'])
      expect(req.raw).not.toContain(secret);

    // The decision stays the rules': the model's type is not adopted (confidence ≥ 0.5), nothing else moves.
    const j = rep.jobs[0]!;
    expect(j.finding).toEqual(before);
    if (before.confidence >= 0.5) expect(j.explanation?.typeRefinedByModel).toBe(false);

    // The published summary: none of the hostile text rendered.
    const summary = renderJobSummary(rep, { secrets: [GITHUB_TOKEN, fake.apiKey] });
    expect(summary).toContain('**Explanation** (Claude, model <code>claude-haiku-4-5</code>');
    // The model's section (log excerpts are shown elsewhere, verbatim inside <pre>, where Markdown is not parsed).
    const at = summary.indexOf('**Explanation**');
    const md = summary.slice(at, summary.indexOf('\n\n', summary.indexOf('\n>', at)));
    expect(md).toContain('**Suggested fix:**');
    expect(md).not.toMatch(/<img|<script|<b>x/i);
    expect(md).not.toMatch(/\]\(https?:\/\/evil/);
    expect(md).not.toContain('https://evil.example');
    expect(md).not.toContain('www.evil.example');
    expect(md).not.toMatch(/@(channel|everyone|here|octocat|acme)\b/);
    expect(md).not.toContain('https://github.com/someone-else');
    expect(md).toContain(`](${OWN}blob/main/internal/cloud/backend.go)`);
    const html = await marked.parse(summary, { gfm: true });
    expect(html).not.toMatch(/<img|<script/i);
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(new RegExp(`^${OWN}`));
    for (const secret of [fake.apiKey, GITHUB_TOKEN, 'sk-ant-api03-LeakedKeyInTheLog', 'ghs_LeakedJobToken'])
      expect(summary).not.toContain(secret);
  });
});
