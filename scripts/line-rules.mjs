// For the evaluation (scripts/eval.py): how lines of logs score, from the compiled sources in build/
// (`tsc -p tsconfig.build.json`). Reads JSON lines {"file": PATH, "lines": [N, ...] | "all"} on stdin and prints
// one JSON line per request: {"file", "lines": {N: {"score", "rule", "specific": [rule ids]}}} for every line
// asked (or, with "all", every line that scores), where `rule` is the rule the line scores by and `specific` the
// toolchain-specific rules whose pattern matches it.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { BUILTIN_RULES, ECOSYSTEMS } from '../build/classify/rules.js';
import { cleanLine } from '../build/logs/clean.js';
import { Extractor } from '../build/logs/extract.js';

/** Ecosystem files whose rules are not a tool's own: words, CI runners, the system, configuration, noise. */
const GENERAL = new Set(['noise', 'generic', 'runners', 'system', 'config']);
const specific = ECOSYSTEMS.filter((e) => !GENERAL.has(e.file)).flatMap((e) =>
  e.rules.filter((r) => !r.noise && r.weight > 0),
);
const extractor = new Extractor({ rules: BUILTIN_RULES });

for await (const row of createInterface({ input: process.stdin })) {
  if (!row.trim()) continue;
  const req = JSON.parse(row);
  const text = readFileSync(req.file).toString('utf8').split('\n');
  const wanted = req.lines === 'all' ? text.map((_, i) => i + 1) : req.lines;
  const out = {};
  for (const n of wanted) {
    const line = cleanLine((text[n - 1] ?? '').replace(/\r$/, '')).slice(0, 2000);
    const s = extractor.scoreText(line);
    if (req.lines === 'all' && s.score === 0) continue;
    out[n] = {
      score: s.score,
      ...(s.rule ? { rule: s.rule.id } : {}),
      specific: specific.filter((r) => r.pattern.test(line)).map((r) => r.id),
    };
  }
  process.stdout.write(`${JSON.stringify({ file: req.file, lines: out })}\n`);
}
