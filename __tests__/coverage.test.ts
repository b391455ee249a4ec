/**
 * The coverage table (`COVERAGE`, from the ecosystem files under src/classify/rules/): every tool names rules
 * that exist (or why it needs none), every example is real output with its source and is recognised, every
 * look-alike is not, and docs/coverage.md says what the table says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCoverage } from '../src/classify/coverage.js';
import { BUILTIN_RULES, COVERAGE, ECOSYSTEMS } from '../src/classify/rules.js';
import { analyzeLog } from '../src/pipeline/analyze-log.js';

const byId = new Map(BUILTIN_RULES.map((r) => [r.id, r]));
const analyze = (line: string) => analyzeLog([Buffer.from(line)]);

/** Where examples may come from: documentation, source and fixtures of the tools, never collections of CI logs. */
const FORBIDDEN_SOURCES = /logchunks|cidiff|logdx|master-thesis|labri-progress|eyuansu62|shared\/corpus/i;

describe('the coverage table', () => {
  it('names each tool once, in one ecosystem file', () => {
    const names = COVERAGE.map((t) => t.tool.toLowerCase());
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('names one file per ecosystem', () => {
    const files = ECOSYSTEMS.map((e) => e.file);
    expect(files.filter((f, i) => files.indexOf(f) !== i)).toEqual([]);
  });

  it.each(COVERAGE.map((t) => [t.tool, t] as const))(
    '%s: names rules that exist, or why it needs none',
    (_n, t) => {
      if (t.rules.length === 0) expect(t.none, 'a tool with no rule says why').toMatch(/\w{3}/);
      else expect(t.none).toBeUndefined();
      for (const id of t.rules) expect(byId.has(id), id).toBe(true);
      expect(t.examples.length + (t.rules.length === 0 ? 1 : 0), 'at least one example').toBeGreaterThan(0);
    },
  );

  const examples = COVERAGE.flatMap((t) => t.examples.map((e) => ({ t, e })));
  it.each(examples.map(({ t, e }) => [t.tool, e.line, t, e] as const))(
    '%s: the example %j is recognised by its rules',
    async (_n, line, t, e) => {
      expect(e.source.trim(), 'the example names its source').not.toBe('');
      expect(e.source).not.toMatch(FORBIDDEN_SOURCES);
      const matching = t.rules.filter((id) => byId.get(id)?.pattern.test(line));
      expect(matching, `one of ${t.rules.join(', ')} matches`).not.toEqual([]);
      const finding = await analyze(line);
      expect(finding.excerpts[0]?.score ?? 0, 'the line scores on its own').toBeGreaterThan(0);
      if (e.type) expect(finding.failureType).toBe(e.type);
    },
  );

  const lookalikes = COVERAGE.flatMap((t) => t.lookalikes.map((l) => ({ t, l })));
  it.each(lookalikes.map(({ t, l }) => [t.tool, l.line] as const))(
    '%s: the look-alike %j does not score',
    async (_n, line) => {
      const finding = await analyze(line);
      expect(finding.excerpts.every((x) => x.score === 0)).toBe(true);
    },
  );

  it('is what docs/coverage.md says (npm run docs writes it)', () => {
    expect(readFileSync('docs/coverage.md', 'utf8')).toBe(renderCoverage(ECOSYSTEMS));
  });
});
