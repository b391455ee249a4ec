#!/usr/bin/env node
// How thorough and how fast `redact` (src/publish/redact.ts) is. Prints figures a person judges; asserts nothing.
//
//   npm run redaction-report               both parts below
//   REDACTION_SAMPLE=100 npm run …          show up to 100 changed corpus lines instead of 40
//
// 1. The secret-format corpus (fixtures/secrets/secrets.json: fake values of each format inside realistic log
//    lines): which formats are caught — every example's secret gone from the output — and by which rule.
// 2. The real CI logs of ../shared/corpus/logs (skipped with a message when absent): `redact` over every line
//    of every log, timed; how many lines change; and up to 40 changed lines (before → after, 160 characters
//    around the first change) grouped by the rules that fired, to tell real secrets from false positives.
//
// Runs on Node 24 (npm scripts use the `node` devDependency), which loads the TypeScript source directly.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findSecrets, mayHoldSecret, redact } from '../src/publish/redact.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpusLogs = resolve(root, '../shared/corpus/logs');
const fixtures = join(root, 'fixtures/secrets/secrets.json');
const SAMPLE = Number(process.env.REDACTION_SAMPLE ?? 40);
const WIDTH = 160;

const out = (s = '') => process.stdout.write(s + '\n');
const rulesOf = (text) => [...new Set(findSecrets(text).map((s) => s.rule))].sort().join(' + ');
const oneLine = (s) => s.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, ' ');

/** `before` and `after` cut to WIDTH characters around the first place they differ. */
function around(before, after) {
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  const from = Math.max(0, i - 50);
  const cut = (s) => (from > 0 ? '…' : '') + oneLine(s.slice(from)).slice(0, WIDTH - (from > 0 ? 1 : 0));
  return [cut(before), cut(after)];
}

// ── 1. Formats ───────────────────────────────────────────────────────────────────────────────────────────

/** The parts of a fixture's secret that must be gone: the value, or each line of a multi-line one. */
const secretParts = (secret) => secret.split(/\\n|\n/).filter((p) => p.length >= 8);

async function formats() {
  const entries = JSON.parse(await readFile(fixtures, 'utf8'));
  const byFormat = new Map();
  for (const e of entries) {
    const after = redact(e.line);
    const caught = secretParts(e.secret).every((p) => !after.includes(p));
    const f = byFormat.get(e.format) ?? { examples: 0, caught: 0, rules: new Set() };
    f.examples++;
    if (caught) f.caught++;
    for (const s of findSecrets(e.line)) if (e.line.slice(s.start, s.end).length > 0) f.rules.add(s.rule);
    byFormat.set(e.format, f);
  }
  const all = [...byFormat.values()];
  const formatsCaught = all.filter((f) => f.caught === f.examples).length;
  const examplesCaught = all.reduce((n, f) => n + f.caught, 0);
  out('## Secret formats (fixtures/secrets/secrets.json)');
  out();
  out(`formats caught: ${formatsCaught} / ${byFormat.size} (${pct(formatsCaught, byFormat.size)})`);
  out(`examples caught: ${examplesCaught} / ${entries.length} (${pct(examplesCaught, entries.length)})`);
  out();
  const width = Math.max(...[...byFormat.keys()].map((k) => k.length));
  for (const [format, f] of byFormat) {
    const mark = f.caught === f.examples ? 'ok  ' : 'MISS';
    out(`  ${mark} ${format.padEnd(width)}  ${f.caught}/${f.examples}  ${[...f.rules].sort().join(', ')}`);
  }
  out();
}

const pct = (a, b) => {
  if (b === 0) return '–';
  const p = (100 * a) / b;
  return `${p === 0 || p >= 1 ? p.toFixed(1) : p.toPrecision(2)}%`;
};

// ── 2. The corpus ────────────────────────────────────────────────────────────────────────────────────────

async function corpus() {
  out('## Real CI logs (../shared/corpus/logs)');
  out();
  if (!existsSync(corpusLogs)) {
    out(`skipped: ${corpusLogs} is absent`);
    return;
  }
  const names = (await readdir(corpusLogs)).filter((n) => n.endsWith('.log')).sort();
  const logs = [];
  for (const n of names)
    logs.push({ name: n, lines: (await readFile(join(corpusLogs, n), 'utf8')).split('\n') });
  const total = logs.reduce((n, l) => n + l.lines.length, 0);
  const bytes = logs.reduce((n, l) => n + l.lines.reduce((m, s) => m + s.length + 1, 0), 0);

  // Warm up once (JIT, regular expression compilation), then time `redact` alone over every line.
  for (const line of logs[0]?.lines.slice(0, 2000) ?? []) redact(line);
  const changed = [];
  const t0 = performance.now();
  for (const log of logs) {
    for (let i = 0; i < log.lines.length; i++) {
      const before = log.lines[i];
      const after = redact(before);
      if (after !== before) changed.push({ log: log.name, line: i + 1, before, after });
    }
  }
  const ms = performance.now() - t0;
  let anchored = 0;
  const t1 = performance.now();
  for (const log of logs) for (const line of log.lines) if (mayHoldSecret(line)) anchored++;
  const msCheck = performance.now() - t1;

  out(`logs: ${logs.length}, lines: ${total}, ${(bytes / 2 ** 20).toFixed(1)} MiB`);
  out(
    `lines changed: ${changed.length} (${pct(changed.length, total)}) in ${new Set(changed.map((c) => c.log)).size} logs`,
  );
  out(
    `time: ${ms.toFixed(0)} ms for every line (${((1000 * ms) / total).toFixed(2)} µs a line, ` +
      `${Math.round(total / (ms / 1000)).toLocaleString('en')} lines/s)`,
  );
  out(
    `pre-check: ${anchored} lines (${pct(anchored, total)}) go past it to the rules; ` +
      `the pre-check alone takes ${msCheck.toFixed(0)} ms`,
  );
  out();
  if (changed.length === 0) return;

  const groups = new Map();
  for (const c of changed) {
    const rules = rulesOf(c.before) || '(none)';
    groups.set(rules, [...(groups.get(rules) ?? []), c]);
  }
  // Up to SAMPLE lines, shared out between the groups in turn, distinct lines first.
  const picks = new Map([...groups.keys()].map((k) => [k, []]));
  const queues = [...groups].map(([k, cs]) => [k, dedupe(cs)]);
  for (let n = 0, round = 0; n < SAMPLE && queues.some(([, q]) => q.length > round); round++) {
    for (const [k, q] of queues) if (n < SAMPLE && q[round]) (picks.get(k).push(q[round]), n++);
  }
  out(`changed lines by rule (${groups.size} groups; a sample of ${Math.min(SAMPLE, changed.length)}):`);
  for (const [rules, cs] of groups) {
    out();
    out(`### ${rules}: ${cs.length} lines`);
    for (const c of picks.get(rules)) {
      const [b, a] = around(c.before, c.after);
      out(`  ${c.log}:${c.line}`);
      out(`    - ${b}`);
      out(`    + ${a}`);
    }
  }
}

function dedupe(cs) {
  const seen = new Set();
  return cs.filter((c) => !seen.has(c.before.trim()) && seen.add(c.before.trim()));
}

await formats();
await corpus();
