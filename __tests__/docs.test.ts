/**
 * action.yml and the README's inputs and outputs tables say what the code does: the same names, descriptions
 * and defaults as INPUTS and OUTPUT_DESCRIPTIONS (`npm run docs` rewrites them from the code).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INPUTS } from '../src/config/settings.js';
import { OUTPUT_DESCRIPTIONS } from '../src/publish/outputs.js';

interface ActionYml {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}
const action = parse(readFileSync('action.yml', 'utf8')) as ActionYml;
const readme = readFileSync('README.md', 'utf8');

function table(heading: string): string[][] {
  const at = readme.indexOf(heading);
  expect(at, `README.md has a "${heading}" section`).toBeGreaterThanOrEqual(0);
  const rows = readme
    .slice(at)
    .split('\n')
    .slice(1)
    .filter((l, i, all) => l.startsWith('|') && all.slice(0, i).every((x) => x.startsWith('|') || !x.trim() || x.startsWith('<!--')));
  return rows
    .slice(2)
    .map((r) => r.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|')));
}

describe('action.yml', () => {
  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
  it('declares exactly the inputs the code reads, with their descriptions and defaults', () => {
    expect(Object.keys(action.inputs)).toEqual(Object.keys(INPUTS));
    for (const [name, i] of Object.entries(INPUTS)) {
      expect(action.inputs[name]?.description, name).toBe(i.description);
      expect(String(action.inputs[name]?.default ?? ''), name).toBe(i.default);
    }
  });
  it('declares exactly the outputs the code sets', () => {
    expect(Object.keys(action.outputs)).toEqual(Object.keys(OUTPUT_DESCRIPTIONS));
    for (const [name, d] of Object.entries(OUTPUT_DESCRIPTIONS)) expect(action.outputs[name]?.description, name).toBe(d);
  });
});

describe('README', () => {
  it('has an inputs table equal to action.yml', () => {
    const rows = table('### Inputs');
    expect(rows.map((r) => r[0])).toEqual(Object.keys(action.inputs).map((n) => `\`${n}\``));
    for (const r of rows) {
      const name = r[0]!.slice(1, -1);
      expect(r[1], name).toBe(action.inputs[name]?.description);
      const def = action.inputs[name]?.default ?? '';
      expect(r[2], name).toBe(def ? `\`${def}\`` : '');
    }
  });
  it('has an outputs table equal to action.yml', () => {
    const rows = table('### Outputs');
    expect(rows.map((r) => r[0])).toEqual(Object.keys(action.outputs).map((n) => `\`${n}\``));
    for (const r of rows) expect(r[1], r[0]).toBe(action.outputs[r[0]!.slice(1, -1)]?.description);
  });
});
