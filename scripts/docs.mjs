// Writes the inputs and outputs of action.yml and the README's tables from the one source of truth in the
// code (src/config/settings.ts INPUTS, src/publish/outputs.ts OUTPUT_DESCRIPTIONS), and docs/coverage.md from the
// rule table's coverage (src/classify/rules/*.ts). `npm run docs`;
// __tests__/docs.test.ts fails when they differ. Reads the compiled sources in build/ (npm run docs compiles them first).
import { readFileSync, writeFileSync } from 'node:fs';
import { INPUTS } from '../build/config/settings.js';
import { OUTPUT_DESCRIPTIONS } from '../build/publish/outputs.js';
import { renderCoverage } from '../build/classify/coverage.js';
import { ECOSYSTEMS } from '../build/classify/rules.js';

const yamlString = (s) => JSON.stringify(s);
const inputs = Object.entries(INPUTS)
  .map(([name, i]) => `  ${name}:\n    description: ${yamlString(i.description)}\n    required: false\n    default: ${i.default === '${{ github.token }}' ? i.default : yamlString(i.default)}`)
  .join('\n');
const outputs = Object.entries(OUTPUT_DESCRIPTIONS)
  .map(([name, d]) => `  ${name}:\n    description: ${yamlString(d)}`)
  .join('\n');

const action = readFileSync('action.yml', 'utf8');
const head = action.slice(0, action.indexOf('inputs:'));
const tail = action.slice(action.indexOf('runs:'));
writeFileSync('action.yml', `${head}inputs:\n${inputs}\n\noutputs:\n${outputs}\n\n${tail}`);

const cell = (s) => s.replace(/\|/g, '\\|');
const inputTable = ['<!-- prettier-ignore -->', '| input | description | default |', '|---|---|---|',
  ...Object.entries(INPUTS).map(([n, i]) => `| \`${n}\` | ${cell(i.description)} | ${i.default ? '`' + i.default + '`' : ''} |`)].join('\n');
const outputTable = ['<!-- prettier-ignore -->', '| output | description |', '|---|---|',
  ...Object.entries(OUTPUT_DESCRIPTIONS).map(([n, d]) => `| \`${n}\` | ${cell(d)} |`)].join('\n');

let readme = readFileSync('README.md', 'utf8');
const replaceTable = (text, heading, table) => {
  const at = text.indexOf(heading);
  if (at < 0) throw new Error(`README.md has no "${heading}" section`);
  const start = text.indexOf('<!-- prettier-ignore -->', at);
  const end = text.indexOf('\n\n', text.indexOf('|---', start));
  return text.slice(0, start) + table + text.slice(end);
};
readme = replaceTable(readme, '### Inputs', inputTable);
readme = replaceTable(readme, '### Outputs', outputTable);
writeFileSync('README.md', readme);

writeFileSync('docs/coverage.md', renderCoverage(ECOSYSTEMS));
