#!/usr/bin/env node
// How often `llm: auto` would call Claude on the corpus (../shared/corpus, or the directory given), and the
// largest prompt it would build for those cases. Nothing is called: the CLI bundle (dist/cli.js, `npm run
// package` first) runs the deterministic analysis with --llm-auto --llm-dry-run --json on every corpus log,
// which builds each prompt (budgeted to --llm-max-input-tokens, default 8000) and reports its estimated size.
//   npm run llm-auto-rate [-- CORPUS_DIR [MAX_INPUT_TOKENS]]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(process.argv[2] ?? join(root, '../shared/corpus'));
const budget = process.argv[3] ?? '8000';
const cases = readFileSync(join(corpus, 'cases.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l));
const files = cases.map((c) => join(corpus, c.log));

/** Runs the CLI on a batch of logs; one JSON line per log. */
function analyze(batch) {
  return new Promise((res, rej) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'dist/cli.js'),
        'analyze',
        '--json',
        '--llm-auto',
        '--llm-dry-run',
        '--llm-max-input-tokens',
        budget,
        ...batch,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', rej);
    child.on('close', () =>
      res(
        out
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l)),
      ),
    );
  });
}

const results = [];
for (let i = 0; i < files.length; i += 40) results.push(...(await analyze(files.slice(i, i + 40))));

const called = results.filter((r) => r.llm?.wouldCall);
const reasons = new Map();
for (const r of called) {
  const key = r.failureType === 'unknown' ? 'type unknown' : 'confidence < 0.6';
  reasons.set(key, (reasons.get(key) ?? 0) + 1);
}
const sized = called.filter((r) => typeof r.llm.promptTokens === 'number');
const largest = sized.reduce(
  (m, r) => (m === undefined || r.llm.promptTokens > m.llm.promptTokens ? r : m),
  undefined,
);
const maxChars = sized.reduce((m, r) => Math.max(m, r.llm.promptChars), 0);
const truncated = sized.filter((r) => r.llm.truncated.length > 0).length;
const tokens = sized.map((r) => r.llm.promptTokens).sort((a, b) => a - b);
const pct = (n, d) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;

process.stdout.write(
  [
    `corpus: ${corpus} (${results.length} logs analysed of ${cases.length} cases)`,
    `llm: auto would call Claude for ${called.length} of ${results.length} logs (${pct(called.length, results.length)}): ` +
      [...reasons].map(([k, n]) => `${n} ${k}`).join(', '),
    `prompts (budget ${budget} tokens, estimated at 3 chars/token): median ${tokens[Math.floor(tokens.length / 2)] ?? 0} tokens, ` +
      `largest ${largest?.llm.promptTokens ?? 0} tokens (${maxChars} chars max) for ${largest ? largest.file.replace(corpus + '/', '') : '-'}`,
    `cut to fit the budget: ${truncated} of ${sized.length} prompts; over the budget even at the smallest: ${called.length - sized.length}`,
  ].join('\n') + '\n',
);
