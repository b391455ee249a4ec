/**
 * The coverage table as Markdown (`docs/coverage.md`, written by `npm run docs`; a test keeps it equal): per
 * ecosystem file, each tool with the rules that recognise its failures (or why it needs none), one example
 * failure line and its source.
 */
import type { Ecosystem } from './rules.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/`/g, 'ˋ');
const code = (s: string): string =>
  s === '' ? '' : `\`${cell(s.length > 120 ? `${s.slice(0, 117)}…` : s)}\``;

export function renderCoverage(ecosystems: readonly Ecosystem[]): string {
  const tools = ecosystems.flatMap((e) => e.tools);
  const out = [
    '# Toolchain coverage',
    '',
    `The analyzer's rules, by the tools whose output they recognise: ${tools.length} tools in ${ecosystems.filter((e) => e.tools.length).length} ecosystem files under \`src/classify/rules/\`. ` +
      'Each example is real output of the tool, taken from where the Source column says (its documentation, source or ' +
      'test fixtures); the tests check that each example is recognised by the rules named and that each look-alike ' +
      '(ordinary output of the same tool) is not. Written by `npm run docs` from the table; do not edit by hand.',
    '',
  ];
  for (const e of ecosystems) {
    if (e.tools.length === 0) continue;
    const file = `src/classify/rules/${e.file}.ts`;
    out.push(
      `## ${e.name} (\`${file}\`)`,
      '',
      '<!-- prettier-ignore -->',
      '| tool | kind | rules | example | source | look-alikes |',
      '|---|---|---|---|---|---|',
    );
    for (const t of e.tools) {
      const rules = t.rules.length
        ? t.rules.map((r) => `\`${r}\``).join(', ')
        : `none: ${cell(t.none ?? '')}`;
      const ex = t.examples[0];
      out.push(
        `| ${cell(t.tool)} | ${t.kind} | ${rules} | ${ex ? code(ex.line) : ''} | ${ex ? cell(ex.source) : ''} | ${t.lookalikes.length} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
