#!/usr/bin/env node
// What each file of dist/ is made of: its size, and the packages that take the most of it, read from the
// source maps the build writes (each generated line counted for the source its first mapping names). The
// entries (index.js, cli.js) are what every run loads; the numbered chunks load on demand.
//
//   npm run bundle:report [FILE...]     default: dist/index.js and dist/cli.js; TOP=N packages per file (8)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'dist');
const top = Number(process.env.TOP ?? 8) || 8;
const files =
  process.argv.length > 2
    ? process.argv.slice(2).map((f) => resolve(f))
    : ['index.js', 'cli.js'].map((f) => join(dist, f));

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** The fields of one base64 VLQ mapping segment. */
function decode(segment) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >> 1) : value >> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

const owner = (source) =>
  [...source.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].at(-1)?.[1] ??
  (/\/src\//.test(source) ? 'ci-triage (src/)' : 'webpack runtime');

const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
for (const file of files) {
  const code = readFileSync(file, 'utf8').split('\n');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const bytes = new Map();
  let source = 0;
  let current;
  map.mappings.split(';').forEach((line, i) => {
    let first;
    for (const seg of line ? line.split(',') : []) {
      const f = decode(seg);
      if (f.length >= 4) {
        source += f[1];
        first ??= source;
      }
    }
    if (first !== undefined) current = first;
    const name = current === undefined ? 'webpack runtime' : owner(map.sources[current] ?? '');
    bytes.set(name, (bytes.get(name) ?? 0) + (code[i]?.length ?? 0) + 1);
  });
  const rows = [...bytes].sort((a, b) => b[1] - a[1]);
  const total = statSync(file).size;
  const entry = !/^\d+\./.test(basename(file));
  process.stdout.write(
    `\n${basename(file)}  ${kib(total)}${entry ? ' (loaded by every run)' : ' (on demand)'}\n`,
  );
  for (const [name, n] of rows.slice(0, top))
    process.stdout.write(
      `  ${kib(n).padStart(9)}  ${((100 * n) / total).toFixed(0).padStart(3)} %  ${name}\n`,
    );
  if (rows.length > top) {
    const rest = rows.slice(top).reduce((a, [, n]) => a + n, 0);
    process.stdout.write(
      `  ${kib(rest).padStart(9)}  ${((100 * rest) / total).toFixed(0).padStart(3)} %  ${rows.length - top} more\n`,
    );
  }
}
if (process.argv.length <= 2) {
  const chunks = readdirSync(dist).filter((f) => /^\d+\.\w+\.js$/.test(f));
  process.stdout.write(
    `\n${chunks.length} chunks on demand: npm run bundle:report dist/CHUNK.js for one of them.\n`,
  );
}
