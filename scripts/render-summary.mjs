#!/usr/bin/env node
// Renders a ci-triage job summary (the Markdown the action writes to the job summary and to summary.md in its
// report directory) as GitHub shows it, and screenshots it with headless Chromium. Used for docs/summary.png.
//
//   node scripts/render-summary.mjs SUMMARY.md [--out docs/summary.png] [--html PAGE.html] [--width 1000]
//   node scripts/render-summary.mjs --example [--out docs/summary.png] [--markdown SUMMARY.md]
//
// --example builds the summary the README shows: the compiled renderer (build/, from `tsc -p
// tsconfig.build.json`, run here first) on findings from really analysing two committed excerpts of real logs
// (fixtures/github-go-test-terraform.log and fixtures/report/github-exhaustive-terraform.log, see the fixtures'
// READMEs), with a run, jobs, steps and pull request constructed around them as the report tests do.
//
// Needs Chromium (`chromium`, or CHROMIUM=/path/to/chrome); it is started offline with a fresh profile and
// removed again. The Markdown is converted with `marked` (GFM; the summary's own HTML — <details>, <pre>,
// <sub> — passes through as GitHub lets it). Writes only the files named by --out, --html and --markdown.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { marked } from 'marked';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    example: { type: 'boolean', default: false },
    out: { type: 'string', default: 'docs/summary.png' },
    html: { type: 'string' },
    markdown: { type: 'string' },
    width: { type: 'string', default: '1000' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (opts.help || (!opts.example && positionals.length !== 1)) {
  process.stderr.write(
    'Usage: node scripts/render-summary.mjs (SUMMARY.md | --example) [--out PNG] [--html FILE] [--markdown FILE] [--width PX]\n',
  );
  process.exit(opts.help ? 0 : 2);
}
const width = Number(opts.width);
if (!Number.isInteger(width) || width < 320 || width > 4000) {
  process.stderr.write(`--width "${opts.width}": a whole number of pixels from 320 to 4000 expected\n`);
  process.exit(2);
}

const markdown = opts.example ? await exampleSummary() : readFileSync(positionals[0], 'utf8');
if (opts.markdown) writeFileSync(opts.markdown, markdown);

const page = htmlPage(markdown, opts.example ? 'triage' : 'ci-triage');
const work = mkdtempSync(join(tmpdir(), 'ci-triage-render-'));
try {
  const htmlPath = join(work, 'summary.html');
  writeFileSync(htmlPath, page);
  if (opts.html) writeFileSync(opts.html, page);
  const height = measureHeight(htmlPath, work);
  const out = resolve(opts.out);
  screenshot(htmlPath, out, height, work);
  process.stdout.write(`${out}: ${width}×${height} px, ${Math.round(statSync(out).size / 1024)} KiB\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

// ── The example summary ──────────────────────────────────────────────────────────────────────────────────

async function exampleSummary() {
  const tsc = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (tsc.status !== 0)
    throw new Error('tsc -p tsconfig.build.json failed: the example needs the compiled sources in build/');
  const load = (p) => import(pathToFileURL(join(root, 'build', p)).href);
  const { analyzeLog } = await load('pipeline/analyze-log.js');
  const { buildReport } = await load('report/build.js');
  const { renderJobSummary } = await load('report/summary.js');
  const { VERSION } = await load('version.js');

  // Constructed around the real excerpts, as in __tests__/report-fixtures.ts: hashicorp/terraform's "Quick
  // Checks" workflow on a pull request. Ids, branch, commit and pull request are made up.
  const run = {
    owner: 'hashicorp',
    repo: 'terraform',
    id: 2184010387,
    attempt: 1,
    number: 10412,
    name: 'Quick Checks',
    workflowId: 7180401,
    workflowPath: '.github/workflows/checks.yml',
    event: 'pull_request',
    headBranch: 'fix-cloud-config',
    headSha: '5bd6c0a2b3f4e5d6a7b8c9d0e1f2a3b4c5d6e7f8',
    htmlUrl: 'https://github.com/hashicorp/terraform/actions/runs/2184010387',
    conclusion: 'failure',
    defaultBranch: 'main',
    actor: 'octocat',
  };
  const change = {
    commit: {
      sha: run.headSha,
      message: 'cloud: read the token from the environment',
      htmlUrl: `https://github.com/hashicorp/terraform/commit/${run.headSha}`,
    },
    pullRequest: {
      number: 30876,
      title: 'cloud: read the token from the environment',
      htmlUrl: 'https://github.com/hashicorp/terraform/pull/30876',
      headRef: 'fix-cloud-config',
      baseRef: 'main',
      author: 'octocat',
      fork: false,
    },
    changedFiles: ['internal/cloud/backend.go', 'internal/command/views/json/change.go', 'README.md'],
  };
  // The steps of the two jobs as the jobs API numbers them (reconstructed from checks.yml, see fixtures/report).
  const steps = (failed, names) => {
    const all = ['Set up job', ...names, 'Post Cache Go modules', 'Post Fetch source code', 'Complete job'];
    return all.map((name, i) => ({
      number: i + 1,
      name,
      status: 'completed',
      conclusion: name === failed ? 'failure' : name.startsWith('Post Cache') ? 'skipped' : 'success',
    }));
  };
  const common = ['Fetch source code', 'Determine Go version', 'Install Go toolchain', 'Cache Go modules'];
  const job = (id, name, jobSteps) => ({
    id,
    name,
    status: 'completed',
    conclusion: 'failure',
    htmlUrl: `${run.htmlUrl}/job/${id}`,
    steps: jobSteps,
  });
  const jobs = [
    {
      job: job(6083164380, 'Unit Tests', steps('Unit tests', [...common, 'Unit tests'])),
      log: 'fixtures/github-go-test-terraform.log',
    },
    {
      job: job(
        6083164512,
        'Code Consistency Checks',
        steps('Code consistency checks', [
          ...common,
          'go.mod and go.sum consistency check',
          'Code consistency checks',
        ]),
      ),
      log: 'fixtures/report/github-exhaustive-terraform.log',
    },
  ];
  const inputs = [];
  for (const { job: j, log } of jobs) {
    const finding = await analyzeLog([readFileSync(join(root, log))], {
      context: { branch: run.headBranch, defaultBranch: run.defaultBranch, job: j.name, event: run.event },
    });
    inputs.push({ job: j, finding });
  }
  const report = buildReport({
    mode: 'companion',
    run,
    change,
    jobs: inputs,
    listedOnly: [],
    notes: [],
    version: VERSION,
    now: new Date('2026-05-06T14:00:00Z'),
    totalJobs: 5,
  });
  return renderJobSummary(report);
}

// ── Markdown to a page styled like GitHub's job summary ──────────────────────────────────────────────────

function htmlPage(md, jobName) {
  const body = marked.parse(md, { gfm: true, breaks: false, async: false });
  const escape = (s) =>
    s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escape(jobName)} summary</title>
<style>
  :root { color-scheme: light; }
  * { box-sizing: border-box; }
  html, body { margin: 0; background: #f6f8fa; }
  body {
    padding: 16px;
    font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif,
      "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji";
    font-size: 14px; line-height: 1.5; color: #1f2328;
  }
  .box { background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; overflow: hidden; }
  .box-header { padding: 12px 16px; border-bottom: 1px solid #d1d9e0; font-weight: 600; font-size: 14px; }
  .markdown-body { padding: 16px 24px 20px; overflow-wrap: break-word; }
  .markdown-body > :first-child { margin-top: 0 !important; }
  .markdown-body > :last-child { margin-bottom: 0 !important; }
  h1, h2, h3, h4 { margin: 24px 0 16px; font-weight: 600; line-height: 1.25; }
  h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
  h3 { font-size: 1.25em; }
  h4 { font-size: 1em; }
  p, ul, ol, table, pre, details { margin: 0 0 16px; }
  ul, ol { padding-left: 2em; }
  li + li { margin-top: .25em; }
  a { color: #0969da; text-decoration: none; }
  a:hover { text-decoration: underline; }
  code, pre {
    font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
    font-size: 85%;
  }
  code { padding: .2em .4em; background: #818b981f; border-radius: 6px; white-space: break-spaces; }
  pre { padding: 16px; overflow: auto; line-height: 1.45; background: #f6f8fa; border-radius: 6px; }
  pre code { padding: 0; background: transparent; font-size: 100%; white-space: pre; }
  table { border-spacing: 0; border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
  th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
  th { font-weight: 600; }
  tr { background: #fff; border-top: 1px solid #d1d9e0b3; }
  tr:nth-child(2n) { background: #f6f8fa; }
  details summary { cursor: pointer; }
  sub { font-size: 75%; color: #59636e; }
  hr { height: .25em; margin: 24px 0; background: #d1d9e0; border: 0; }
</style>
</head>
<body>
<div class="box">
<div class="box-header">${escape(jobName)} summary</div>
<div class="markdown-body">
${body}
</div>
</div>
<script>document.title = 'height=' + Math.ceil(document.documentElement.scrollHeight);</script>
</body>
</html>
`;
}

// ── Headless Chromium ────────────────────────────────────────────────────────────────────────────────────

function chromium(args, work) {
  const bin = process.env.CHROMIUM ?? 'chromium';
  const profile = mkdtempSync(join(work, 'profile-'));
  const res = spawnSync(
    bin,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      '--force-device-scale-factor=1',
      `--user-data-dir=${profile}`,
      ...args,
    ],
    { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (res.error) throw new Error(`${bin}: ${res.error.message} (set CHROMIUM to the browser's path)`);
  if (res.status !== 0) throw new Error(`${bin} exited with ${res.status}:\n${res.stderr}`);
  return res.stdout;
}

/** The page's full height at this width: the page writes it into its title, read from the dumped DOM. */
function measureHeight(htmlPath, work) {
  const dom = chromium([`--window-size=${width},800`, '--dump-dom', pathToFileURL(htmlPath).href], work);
  const m = /<title>height=(\d+)<\/title>/.exec(dom);
  if (!m) throw new Error('Could not read the page height from Chromium');
  return Math.min(Number(m[1]), 16_000);
}

function screenshot(htmlPath, out, height, work) {
  chromium([`--window-size=${width},${height}`, `--screenshot=${out}`, pathToFileURL(htmlPath).href], work);
}
