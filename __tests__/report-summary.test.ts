import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/pipeline/analyze-log.js';
import { renderJobSummary } from '../src/report/summary.js';
import { cutBytes, utf8Bytes } from '../src/report/text.js';
import type { Severity } from '../src/types.js';
import { analyze, CHANGE, fixture, job, report, RUN, unitTestSteps, variant } from './report-fixtures.js';

const MiB = 1_048_576;
const goTest = () => analyze(fixture('github-go-test-terraform.log'));
const exhaustive = () => analyze(fixture('report/github-exhaustive-terraform.log'));

/** The text outside `<pre>` blocks and link targets: where Markdown and mentions would be rendered. */
const prose = (md: string) => md.replace(/<pre>[\s\S]*?<\/pre>/g, '').replace(/\]\([^)]*\)/g, ']');

describe('renderJobSummary', () => {
  it('renders the run header, the failed-jobs table and each failure with its marked key line and link', async () => {
    const [a, b] = await Promise.all([exhaustive(), goTest()]);
    const r = report(
      [
        { job: job(11, 'Code Consistency Checks', unitTestSteps('Code consistency checks')), finding: a },
        { job: job(12, 'Unit Tests'), finding: b },
        { job: job(13, 'Race Tests'), unavailable: 'the log was not available after 3 tries (404)' },
      ],
      {
        listedOnly: [{ job: job(14, 'End-to-end Tests', [], 'cancelled'), reason: 'cancelled by fail-fast' }],
        notes: ['No passing run of these jobs in the last 30 days: compared with nothing.'],
      },
    );
    const md = renderJobSummary(r);
    expect(md).toContain(`## ❌ ci-triage: 3 failed jobs in [Quick Checks run ${RUN.id}](${RUN.htmlUrl})`);
    expect(md).toContain('**Branch** <code>fix-cloud-config</code>');
    expect(md).toContain(`**Commit** [<code>5bd6c0a</code>](${CHANGE.commit.htmlUrl})`);
    expect(md).toContain('**Event** <code>pull_request</code>');
    expect(md).toContain('**Pull request** [#30876](https://github.com/hashicorp/terraform/pull/30876)');
    expect(md).toContain('| Job | Failed step | Type | Severity | Log |');
    expect(md).toContain(
      `| Code Consistency Checks | Code consistency checks | <code>build_error</code> | 🟡 medium | [step 6, line 16](${RUN.htmlUrl}/job/11#step:6:16) |`,
    );
    expect(md).toContain(`[step 6, line 44](${RUN.htmlUrl}/job/12#step:6:44)`);
    // The key line, marked and bold, inside a <pre> block; the other lines plain.
    expect(md).toMatch(/<b>44 ▶ {9}testing\.go:192: missing API token<\/b>/);
    expect(md).toContain('64 │ FAIL\tgithub.com/hashicorp/terraform/internal/cloud\t0.574s');
    expect(md).toContain('**Fingerprint** <code>60b1523552827b13</code>');
    expect(md).toContain(
      '**Changed files named in the log:** <code>internal/command/views/json/change.go</code>',
    );
    expect(md).toContain('### Logs not available');
    expect(md).toContain('the log was not available after 3 tries &#40;404&#41;');
    expect(md).toContain('- End-to-end Tests (cancelled): cancelled by fail-fast');
    expect(md).toContain('### Notes');
  });

  it('says there is nothing to triage when no job failed', () => {
    const md = renderJobSummary(report([], { listedOnly: [], totalJobs: 12 }));
    expect(md).toContain('## ✅ ci-triage: nothing to triage in');
    expect(md).toContain('**Nothing to triage:** no job of this run failed.');
    expect(md).not.toContain('| Job |');
  });

  it('groups 200 failed jobs by fingerprint, collapses the rest, and stays under 1 MiB', async () => {
    const base = await goTest();
    const severities: Severity[] = ['low', 'medium', 'high'];
    // 150 jobs of a matrix failing the same way, and 50 failing in 50 distinct ways.
    const jobs = Array.from({ length: 200 }, (_, i) => ({
      job: job(1000 + i, `Unit Tests (go 1.${18 + (i % 3)}, shard ${i})`),
      finding:
        i < 150
          ? base
          : variant(base, { fingerprint: `f${String(i).padStart(15, '0')}`, severity: severities[i % 3]! }),
    }));
    const md = renderJobSummary(report(jobs));
    expect(utf8Bytes(md)).toBeLessThan(MiB);
    expect(md).toContain(
      'same failure in 150 jobs: Unit Tests &#40;go 1.18, shard 0&#41;, Unit Tests &#40;go 1.19, shard 1&#41;, Unit Tests &#40;go 1.20, shard 2&#41; and 147 more',
    );
    expect(md).toContain('**200** failed jobs of 200 · **51** distinct failures');
    expect(md).toContain('<details><summary>180 more failed jobs</summary>');
    expect(md).toContain('<details><summary><b>46 more distinct failures</b></summary>');
    // The most severe failures come first.
    expect(md.indexOf('🟠 high ·')).toBeLessThan(md.indexOf('🟡 medium · same failure in 150 jobs'));
  });

  it('keeps 200 distinct failures with long excerpts under the limit by trimming, then dropping sections', async () => {
    const base = await goTest();
    const long = base.excerpts.map((e) => ({ ...e, lines: e.lines.map((l) => l + ' ' + 'x'.repeat(600)) }));
    const jobs = Array.from({ length: 200 }, (_, i) => ({
      job: job(2000 + i, `integration ${i}`),
      finding: variant(base, { fingerprint: `e${String(i).padStart(15, '0')}`, excerpts: long }),
    }));
    const md = renderJobSummary(report(jobs), { maxBytes: 256 * 1024 });
    expect(utf8Bytes(md)).toBeLessThanOrEqual(256 * 1024);
    expect(md).toContain('**200** failed jobs of 200 · **200** distinct failures');
    const full = renderJobSummary(report(jobs));
    expect(utf8Bytes(full)).toBeLessThanOrEqual(MiB);
    expect(full.length).toBeGreaterThan(md.length);

    const tiny = renderJobSummary(report(jobs), { maxBytes: 20_000 });
    expect(utf8Bytes(tiny)).toBeLessThanOrEqual(20_000);
    expect(tiny).toMatch(
      /… \d+ more distinct failures \(\d+ jobs\) not shown to keep this summary under its size limit/,
    );
    for (const max of [2000, 300, 10])
      expect(utf8Bytes(renderJobSummary(report(jobs), { maxBytes: max }))).toBeLessThanOrEqual(max);
  });

  it('trims a 5 MB excerpt', async () => {
    const base = await goTest();
    const e = base.excerpts[0]!;
    const huge: Finding = variant(base, {
      excerpts: [
        {
          ...e,
          endLine: e.startLine + 100_000,
          // A 5 MB key line among 100,000 lines.
          lines: Array.from({ length: 100_001 }, (_, i) =>
            i === e.keyLine - e.startLine ? 'panic: ' + 'é'.repeat(2_500_000) : `line ${i} of noise`,
          ),
        },
      ],
    });
    const md = renderJobSummary(report([{ job: job(1, 'Unit Tests'), finding: huge }]));
    expect(utf8Bytes(md)).toBeLessThan(64 * 1024);
    expect(md).toMatch(/<b>44 ▶ panic: é+…<\/b>/);
    // The key line is the 5th of the excerpt: nothing above it is cut, most of what follows is.
    expect(md).not.toContain('lines above');
    expect(md).toMatch(/⋮ \(999\d\d lines below\)/);
  });

  it('redacts secrets and token shapes, in excerpts and everywhere else', async () => {
    const base = await goTest();
    const secret = 'hunter2-very-secret';
    const token = 'ghp_' + 'A1b2C3d4E5'.repeat(4);
    const e = base.excerpts[0]!;
    const f = variant(base, {
      excerpts: [
        {
          ...e,
          lines: e.lines.map((l, i) =>
            i === e.keyLine - e.startLine ? `auth failed for ${secret} with ${token}` : l,
          ),
        },
      ],
    });
    const md = renderJobSummary(
      report([{ job: job(1, `deploy ${secret}`), finding: f }], {
        notes: [`retried with Bearer ${'x'.repeat(30)}`],
      }),
      { secrets: [secret] },
    );
    expect(md).not.toContain(secret);
    expect(md).not.toContain(token);
    expect(md).not.toContain('x'.repeat(30));
    expect(md).toContain('auth failed for *** with ***');
  });

  it('does not let log text ping people, inject HTML or show images', async () => {
    const base = await goTest();
    const e = base.excerpts[0]!;
    const hostile = [
      '@everyone please look',
      'cc @hashicorp/terraform-core',
      '<img src=https://evil.example/pixel.png onerror=alert(1)>',
      '<script>alert(document.cookie)</script>',
      '![tracker](https://evil.example/t.png) [click](javascript:alert(1))',
      '</code></pre><h1>not a heading</h1>',
      'bell \x07 and escape \x1b[31m red',
    ];
    const f = variant(base, {
      excerpts: [{ ...e, endLine: e.startLine + hostile.length - 1, keyLine: e.startLine, lines: hostile }],
    });
    const r = report([{ job: job(1, 'build <img src=x onerror=alert(1)> @everyone'), finding: f }], {
      change: {
        ...CHANGE,
        commit: {
          ...CHANGE.commit,
          message: '![x](https://evil.example/a.png) @org/team <script>x</script>',
        },
        pullRequest: {
          ...CHANGE.pullRequest!,
          title: '@everyone <img src=x> ![y](https://evil.example/b.png)',
        },
      },
      notes: ['@someone <b>bold</b>'],
    });
    const md = renderJobSummary(r);
    expect(md).not.toMatch(/<img|<script|<h1|<\/?b>bold/i);
    expect(md).toContain('&lt;img src=https://evil.example/pixel.png onerror=alert(1)&gt;');
    expect(md).toContain('&lt;script&gt;alert(document.cookie)&lt;/script&gt;');
    expect(md).toContain('&lt;/code&gt;&lt;/pre&gt;&lt;h1&gt;');
    // No mention survives anywhere: a zero-width joiner follows every @.
    expect(md).not.toMatch(/@[\w-]/);
    expect(md).toContain('@\u200deveryone please look');
    expect(md).toContain('@\u200dhashicorp/terraform-core');
    // No Markdown image or link can come out of untrusted text outside code blocks.
    expect(prose(md)).not.toMatch(/!\[/);
    expect(prose(md)).not.toContain('](javascript:');
    // eslint-disable-next-line no-control-regex
    expect(md).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });
});

describe('cutBytes', () => {
  it('cuts on a character boundary', () => {
    expect(cutBytes('aé€😀', 3)).toBe('aé');
    expect(cutBytes('aé€😀', 6)).toBe('aé€');
    expect(cutBytes('aé€😀', 9)).toBe('aé€');
    expect(cutBytes('aé€😀', 10)).toBe('aé€😀');
  });
});
