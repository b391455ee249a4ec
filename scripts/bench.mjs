#!/usr/bin/env node
// Speed and memory of the analyzer on big logs, next to `grep -c -i error` on the same file.
//
//   npm run bench                    200 MiB and 1 GiB logs
//   BENCH_SKIP_1GB=1 npm run bench   200 MiB only
//   BENCH_CLI=path/to/cli.js         another CLI bundle than dist/cli.js
//   BENCH_SKIP_API=1 npm run bench   without the API bench that follows (scripts/bench-api.mjs, see there)
//   BENCH_SKIP_HISTORY=1 npm run bench
//                                    without the history read cost at 1,000 stored findings (scripts/bench-history.mjs)
//
// The logs are built once in .bench/ (gitignored) by concatenating the corpus logs in ../shared/corpus/logs
// again and again, and reused while their size is right. Nothing else is written, and nothing is deleted
// except an unfinished .partial file of this script's own. Prints figures; asserts nothing.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statfsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, '.bench');
const corpusLogs = resolve(root, '../shared/corpus/logs');
const cli = process.env.BENCH_CLI ? resolve(process.env.BENCH_CLI) : join(root, 'dist/cli.js');
const MiB = 1024 * 1024;

const sizes = [
  { file: 'big-200mb.log', bytes: 200 * MiB },
  ...(process.env.BENCH_SKIP_1GB ? [] : [{ file: 'big-1gb.log', bytes: 1024 * MiB }]),
];

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(1);
}

// ── The big logs ─────────────────────────────────────────────────────────────────────────────────────────

async function corpusFiles() {
  if (!existsSync(corpusLogs)) return null;
  const names = (await readdir(corpusLogs)).filter((n) => n.endsWith('.log')).sort();
  return names.length ? names.map((n) => join(corpusLogs, n)) : null;
}

/** Returns the path of a log of exactly `bytes` bytes, building it if needed; null when it cannot. */
async function ensureLog({ file, bytes }, sources) {
  const path = join(benchDir, file);
  const existing = await stat(path).catch(() => null);
  if (existing?.size === bytes) {
    process.stdout.write(`reusing ${relative(root, path)} (${fmtSize(bytes)})\n`);
    return path;
  }
  if (!sources) {
    process.stdout.write(
      `cannot build ${relative(root, path)}: no corpus logs in ${corpusLogs}.\n` +
        `  The benchmark concatenates the corpus logs (see ../shared/corpus/README.md); put the corpus there, or\n` +
        `  place a log of exactly ${bytes} bytes at ${relative(root, path)}.\n`,
    );
    return null;
  }
  await mkdir(benchDir, { recursive: true });
  const free = freeBytes(benchDir);
  if (free !== null && free < bytes + 512 * MiB) {
    process.stdout.write(
      `skipping ${file}: ${fmtSize(free)} free in ${benchDir}, ${fmtSize(bytes)} needed (+512 MiB margin)\n`,
    );
    return null;
  }
  process.stdout.write(
    `${existing ? `rebuilding ${relative(root, path)} (was ${existing.size} bytes)` : `building ${relative(root, path)}`}: ` +
      `${fmtSize(bytes)} of ${sources.length} corpus logs, concatenated in turn… `,
  );
  const started = performance.now();
  const partial = `${path}.partial`;
  const out = await open(partial, 'w');
  let written = 0;
  let rounds = 0;
  try {
    while (written < bytes) {
      rounds++;
      for (const src of sources) {
        let data = await readFile(src);
        if (data.length && data[data.length - 1] !== 0x0a) data = Buffer.concat([data, Buffer.from('\n')]);
        const take = Math.min(data.length, bytes - written);
        await out.write(data, 0, take);
        written += take;
        if (written >= bytes) break;
      }
    }
  } catch (e) {
    await out.close();
    await rm(partial, { force: true });
    throw e;
  }
  await out.close();
  await rename(partial, path);
  process.stdout.write(`done in ${((performance.now() - started) / 1000).toFixed(1)} s (${rounds} rounds)\n`);
  return path;
}

function freeBytes(dir) {
  try {
    const s = statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

/** Reads the file once so that both tools start with it in the page cache. */
async function warm(path) {
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * MiB })) void chunk;
}

// ── Measuring ────────────────────────────────────────────────────────────────────────────────────────────

/** GNU time with -f, when there is one: the peak RSS of a child without touching it. */
const gnuTime = (() => {
  if (!existsSync('/usr/bin/time')) return false;
  const r = spawnSync('/usr/bin/time', ['-f', 'BENCH_TIME %e %M', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /BENCH_TIME [\d.]+ \d+/.test(r.stderr);
})();

/** Fallback: the CLI run inside a tiny wrapper that reports its own process.resourceUsage().maxRSS at exit. */
const wrapperSource = `import { pathToFileURL } from 'node:url';
const [cli, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], cli, ...args];
process.on('exit', () => process.stderr.write('\\nBENCH_MAXRSS ' + process.resourceUsage().maxRSS + '\\n'));
await import(pathToFileURL(cli).href);
`;

/**
 * Runs a command and measures its wall time (from spawn to exit, in this process) and peak RSS in KiB
 * (GNU time's %M, or the wrapper's report for node commands; null when neither applies).
 */
async function measure(command, args, { nodeScript = false } = {}) {
  let cmd = command;
  let argv = args;
  if (gnuTime) {
    cmd = '/usr/bin/time';
    argv = ['-f', 'BENCH_TIME %e %M', command, ...args];
  } else if (nodeScript) {
    const wrapper = join(benchDir, 'rss-wrapper.mjs');
    await writeFile(wrapper, wrapperSource);
    argv = [wrapper, ...args];
  }
  const started = process.hrtime.bigint();
  const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = [];
  const err = [];
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.on('data', (d) => err.push(d));
  const code = await new Promise((res, rej) => {
    child.on('error', rej);
    child.on('close', (c) => res(c));
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const stderr = Buffer.concat(err).toString('utf8');
  let rssKiB = null;
  const t = /BENCH_TIME [\d.]+ (\d+)\s*$/.exec(stderr);
  const w = /BENCH_MAXRSS (\d+)\s*$/.exec(stderr);
  if (t) rssKiB = Number(t[1]);
  else if (w) rssKiB = Number(w[1]);
  const cleanErr = stderr
    .replace(/\n?BENCH_(?:TIME [\d.]+|MAXRSS) \d+\s*$/, '')
    .replace(/\n?Command exited with non-zero status \d+\s*$/, '');
  return { code, wall, rssKiB, stdout: Buffer.concat(out).toString('utf8'), stderr: cleanErr };
}

// ── Formatting ───────────────────────────────────────────────────────────────────────────────────────────

function fmtSize(bytes) {
  return bytes >= 1024 * MiB ? `${(bytes / (1024 * MiB)).toFixed(2)} GiB` : `${(bytes / MiB).toFixed(1)} MiB`;
}
const fmtRss = (kib) => (kib === null ? '—' : `${(kib / 1024).toFixed(1)} MiB`);
const fmtInt = (n) => (typeof n === 'number' ? n.toLocaleString('en-US') : '—');

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const right = new Set([1, 2, 4, 5, 6]);
  return rows
    .map((r, j) => {
      const line = r
        .map((c, i) => (right.has(i) ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i])))
        .join('  ')
        .trimEnd();
      return j === 0 ? `${line}\n${widths.map((w) => '─'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

// ── Main ─────────────────────────────────────────────────────────────────────────────────────────────────

if (!existsSync(cli)) {
  fail(
    `${relative(root, cli) || cli} not found: build the CLI first (npm run package), or point BENCH_CLI at a bundle.`,
  );
}
const grepOk = spawnSync('grep', ['--version'], { encoding: 'utf8' }).status === 0;
if (!grepOk) fail('grep not found on PATH.');

const sources = await corpusFiles();
const logs = [];
for (const size of sizes) {
  const path = await ensureLog(size, sources);
  if (path) logs.push({ ...size, path });
}
if (!logs.length) fail('no log to measure (see the messages above).');

const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
process.stdout.write(
  `\nci-triage bench\n` +
    `  node     ${process.version} (${process.execPath})\n` +
    `  CLI      ${relative(root, cli) || cli}\n` +
    `  machine  ${cpus().length} × ${cpu}, ${fmtSize(totalmem())} RAM\n` +
    `  peak RSS ${gnuTime ? "GNU time's %M" : 'process.resourceUsage().maxRSS in a wrapper (grep: not measured)'}\n` +
    `  grep     locale ${process.env.LC_ALL || process.env.LC_CTYPE || process.env.LANG || 'POSIX'}\n\n`,
);

const rows = [['log', 'size', 'lines', 'tool', 'wall', 'MiB/s', 'peak RSS']];
const notes = [];
let failed = false;
for (const log of logs) {
  process.stdout.write(`measuring ${log.file}…\n`);
  await warm(log.path);
  const a = await measure(process.execPath, [cli, 'analyze', '--json', log.path], { nodeScript: true });
  const g = await measure('grep', ['-c', '-i', 'error', log.path]);

  let finding = null;
  try {
    finding = JSON.parse(a.stdout.trim().split('\n')[0] ?? '');
  } catch {
    /* reported below */
  }
  if (a.code !== 0 || !finding?.failureType) {
    failed = true;
    notes.push(
      `${log.file}: the analyzer exited ${a.code}${a.stderr ? `: ${a.stderr.trim().slice(-2000)}` : ''}`,
    );
  } else {
    notes.push(
      `${log.file}: analyzer → ${finding.failureType}, ${finding.excerpts?.length ?? 0} excerpts, ` +
        `first at lines ${finding.excerpts?.[0]?.startLine ?? '—'}–${finding.excerpts?.[0]?.endLine ?? '—'}; ` +
        `grep → ${g.stdout.trim() || '?'} matching lines`,
    );
  }
  if (g.code !== 0 && g.code !== 1) {
    failed = true;
    notes.push(`${log.file}: grep exited ${g.code}: ${g.stderr.trim()}`);
  }
  const mib = log.bytes / MiB;
  const ok = finding?.failureType !== undefined && a.code === 0;
  rows.push([
    log.file,
    fmtSize(log.bytes),
    fmtInt(finding?.totalLines),
    'ci-triage analyze --json',
    ok ? `${a.wall.toFixed(2)} s` : 'FAILED',
    ok ? (mib / a.wall).toFixed(1) : '—',
    ok ? fmtRss(a.rssKiB) : '—',
  ]);
  rows.push([
    '',
    '',
    '',
    'grep -c -i error',
    `${g.wall.toFixed(2)} s`,
    (mib / g.wall).toFixed(1),
    gnuTime ? fmtRss(g.rssKiB) : '—',
  ]);
  rows.push(['', '', '', 'ratio analyzer / grep', ok ? `${(a.wall / g.wall).toFixed(1)}×` : '—', '', '']);
}

process.stdout.write(`\n${table(rows)}\n\n${notes.map((n) => `  ${n}`).join('\n')}\n`);
if (failed) process.exitCode = 1;

// ── Then the action against a slow fake GitHub API (its own figures; BENCH_2GB etc. pass through) ─────────

if (!process.env.BENCH_SKIP_API) {
  const api = spawnSync(process.execPath, [join(root, 'scripts/bench-api.mjs')], { stdio: 'inherit' });
  if (api.status !== 0) {
    process.stderr.write(`bench: scripts/bench-api.mjs exited ${api.status ?? api.signal}\n`);
    process.exitCode = 1;
  }
}

// ── And the cost of reading the history at 1,000 stored findings (API calls, time) ──────────────────────────

if (!process.env.BENCH_SKIP_HISTORY) {
  const history = spawnSync(process.execPath, [join(root, 'scripts/bench-history.mjs')], { stdio: 'inherit' });
  if (history.status !== 0) {
    process.stderr.write(`bench: scripts/bench-history.mjs exited ${history.status ?? history.signal}\n`);
    process.exitCode = 1;
  }
}
