#!/usr/bin/env node
// Bundles the action (src/index.ts → dist/index.js) and the CLI (src/cli.ts → dist/cli.js) with @vercel/ncc.
// Each entry is compiled in a process of its own (the two run side by side: ncc is single-threaded) into its
// own temporary directory; only once every entry has compiled is dist/ replaced, file by file from those
// directories, so an interrupted or failed build leaves the previous dist/ whole. No build cache: building
// twice gives the same bytes.
//
// Alongside the code it writes
// - dist/licenses.txt: the licence of every third-party package either bundle contains (ncc's `license`
//   option, per chunk, merged here; where the plugin found no licence, or one for several versions that differ,
//   it is read from the package). The build fails when a package webpack bundled has no entry there.
// - a source map per file (`…js.map`) without the sources' text: about a seventh of the code's size instead of
//   more than all of it; stack traces map to src/ with `node --enable-source-maps` (NODE_OPTIONS), and
//   scripts/bundle-report.mjs reads them to tell which package takes how much of each file. They map to the
//   TypeScript lines because tsconfig.json has `sourceMap` on (ncc's TypeScript loader reads it; tsc --noEmit
//   ignores it).
// and prints each file's size, the eager ones (loaded by every run) apart from the chunks loaded on demand.
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import {
  access,
  chmod,
  copyFile,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(import.meta.url);
const root = resolve(dirname(script), '..');
const dist = join(root, 'dist');

/** entry (relative to the repository) → bundle name in dist/ */
const ENTRIES = [
  { entry: 'src/index.ts', out: 'index.js', executable: false },
  { entry: 'src/cli.ts', out: 'cli.js', executable: true },
];

/** ncc's `license` option: one licence file per chunk (a single name would keep only the last chunk's). */
const LICENCE_ASSET = 'licenses-[id].txt';
const LICENCE_ASSET_RE = /^licenses-[^/]+\.txt$/;
/**
 * Written by each child next to its files (not installed): the package directories webpack took modules from
 * for that entry, as `[name, directory relative to the repository]`.
 */
const BUNDLED = 'bundled-packages.json';

/** The package a bundled file belongs to, `[name, directory]`: its last `node_modules/NAME`; none for our files. */
function packageOf(path) {
  const p = path.replaceAll('\\', '/');
  const m = [...p.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].at(-1);
  return m ? [m[1], relative(root, p.slice(0, m.index + m[0].length))] : undefined;
}

/** A source map without the sources' text, its `file` renamed as its code file was. */
function leanMap(json, file) {
  const map = JSON.parse(json);
  delete map.sourcesContent;
  map.file = file;
  return JSON.stringify(map);
}

/** Compiles one entry into `dir` (the child process's work). */
async function compile({ entry, out, executable }, dir) {
  const ncc = createRequire(import.meta.url)('@vercel/ncc');
  const { code, map, assets, stats } = await ncc(join(root, entry), {
    cache: false,
    minify: false,
    sourceMap: true,
    sourceMapRegister: false,
    license: LICENCE_ASSET,
    // Node 20 is the oldest runtime the CLI supports (package.json engines); the action runs on node24.
    target: 'es2022',
    quiet: true,
  });
  // ncc names every entry's lazily loaded chunks `{id}.index.js`; two entries can give the same id to
  // different chunks. Chunks of entries other than index.js are renamed `{id}.{entry}.js` (the runtime's one
  // chunk-name function is patched to match, and so are the chunks' source map comments), so entries never
  // collide.
  const suffix = out === 'index.js' ? undefined : out.replace(/\.js$/, '');
  const chunkName = (name) =>
    suffix && /^\d+\.index\.js(\.map)?$/.test(name) ? name.replace(/\.index\.js/, `.${suffix}.js`) : name;
  let source = code;
  if (suffix) {
    const loader = 'return "" + chunkId + ".index.js";';
    if (Object.keys(assets).some((n) => /^\d+\.index\.js$/.test(n))) {
      if (!source.includes(loader))
        throw new Error(`${entry}: the chunk loader of ncc's runtime was not found`);
      source = source.replace(loader, `return "" + chunkId + ".${suffix}.js";`);
    }
  }
  const mapComment = (name) => `\n//# sourceMappingURL=${name}.map`;
  if (!source.endsWith(mapComment(out))) {
    // ncc names the entry's map after the entry: `index.js.map` for every entry.
    const given = mapComment('index.js');
    if (!source.endsWith(given)) throw new Error(`${entry}: ncc's source map comment was not found`);
    source = source.slice(0, -given.length) + mapComment(out);
  }
  await writeFile(join(dir, out), source, { mode: executable ? 0o755 : 0o644 });
  if (executable) await chmod(join(dir, out), 0o755);
  if (map) await writeFile(join(dir, `${out}.map`), leanMap(map, out));
  for (const [name, asset] of Object.entries(assets)) {
    if (name === 'package.json') continue; // written once below, for both bundles
    if (name === 'index.js.map') continue; // the entry's map, written above from `map` under the entry's name
    const target = chunkName(name);
    let content = asset.source;
    if (/\.js\.map$/.test(name)) content = leanMap(String(content), target.replace(/\.map$/, ''));
    else if (target !== name && /\.js$/.test(name)) {
      const given = mapComment(name);
      const text = String(content);
      if (!text.trimEnd().endsWith(given.trim()))
        throw new Error(`${entry}: the source map comment of ${name} was not found`);
      content = text.slice(0, text.lastIndexOf(given.trim())) + mapComment(target).trim() + '\n';
    }
    const file = join(dir, target);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content, { mode: asset.permissions ?? 0o644 });
  }
  const modules = stats.toJson({ all: false, modules: true, nestedModules: true }).modules ?? [];
  const bundled = new Map();
  const visit = (list) => {
    for (const m of list ?? []) {
      // A module's resource path, without the loaders webpack puts before it (`loader.js!/path/file.js`).
      const found = packageOf((m.nameForCondition ?? m.identifier ?? '').split('!').at(-1));
      if (found) bundled.set(found[1], found[0]);
      visit(m.modules);
    }
  };
  visit(modules);
  const list = [...bundled].map(([d, n]) => [n, d]).sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1));
  await writeFile(join(dir, BUNDLED), JSON.stringify(list));
}

/**
 * license-webpack-plugin's file (per package, sorted by name: the name, its licence id, its licence text, a
 * blank line) split into one block per package. `expected` maps each package the chunk may hold to the licence
 * ids its package.json files state: a block starts at the beginning or after a blank line with the name alone on
 * its line and one of those ids on the next, so a licence text that happens to hold a package's name is not
 * taken for its block.
 */
function licenceBlocks(text, expected) {
  const esc = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const starts = [];
  for (const [name, ids] of expected) {
    const alt = [...ids].filter(Boolean).map(esc).join('|');
    // The name and a licence id it states; else the name alone (the plugin found no licence), which must
    // still end the block before it.
    const m =
      (alt && new RegExp(`(?:^|\\n\\n)(${esc(name)}\\n(?:${alt}))(?=\\n|$)`).exec(text)) ||
      new RegExp(`(?:^|\\n\\n)(${esc(name)})(?=\\n\\n|\\n?$)`).exec(text);
    if (m) starts.push({ name, at: m.index + m[0].length - m[1].length });
  }
  starts.sort((a, b) => a.at - b.at);
  return new Map(
    starts.map(({ name, at }, i) => [name, text.slice(at, starts[i + 1]?.at ?? text.length).trim()]),
  );
}

/**
 * Bundled packages that declare no licence (no `license` field, no licence file), with what is known: they are
 * listed as such rather than given a licence they do not state. A new one fails the build until it is added.
 */
const UNDECLARED = {
  buffers:
    'buffers 0.1.1 (James Halliday, http://github.com/substack/node-buffers) states no licence: no "license"\n' +
    'field and no licence file. Bundled through @actions/artifact → unzip-stream → binary.',
};

/**
 * `{ version, id, text }` of the package in `dir`: the licence its package.json states (`license`, or the
 * older `licenses: [{ type }]`, as the plugin reads them) and its licence file's text.
 */
async function licenceOf(dir) {
  const manifest = JSON.parse(await readFile(join(root, dir, 'package.json'), 'utf8'));
  const file = (await readdir(join(root, dir))).find((f) => /^(licen[cs]e|copying)(\.|-|$)/i.test(f));
  const id =
    typeof manifest.license === 'string'
      ? manifest.license
      : (manifest.license?.type ?? manifest.licenses?.map((l) => l.type).join(' OR ') ?? '');
  return {
    version: manifest.version,
    id,
    text: file ? (await readFile(join(root, dir, file), 'utf8')).trim() : '',
  };
}

/**
 * dist/licenses.txt: one block per bundled package — its name, its licence id, its licence text — sorted by
 * name, blank lines between. The text is license-webpack-plugin's (ncc's `license` option, one file per
 * chunk), and the package's own licence file where the plugin has none (it keys packages by name and takes
 * the nearest package.json: @azure/core-rest-pipeline's dist/esm/package.json holds only "type", and it
 * listed that package without a licence). A package that ships no licence file is listed with the licence its
 * package.json states and says so; versions of one package under different licences (minimatch 5 is ISC,
 * minimatch 9 BlueOak-1.0.0) get a block each, `NAME@VERSION`. Throws on a bundled package that states no
 * licence anywhere, unless UNDECLARED says what is known of it.
 */
async function mergeLicences(dirs) {
  const fromPlugin = new Map(); // name → { id, text }
  const packageDirs = new Map(); // name → directories
  for (const dir of dirs) {
    const bundled = JSON.parse(await readFile(join(dir, BUNDLED), 'utf8'));
    const expected = new Map();
    for (const [name, d] of bundled) {
      packageDirs.set(name, new Set([...(packageDirs.get(name) ?? []), d]));
      expected.set(name, new Set([...(expected.get(name) ?? []), (await licenceOf(d)).id]));
    }
    for (const file of (await readdir(dir)).filter((n) => LICENCE_ASSET_RE.test(n)).sort()) {
      for (const [pkg, block] of licenceBlocks(await readFile(join(dir, file), 'utf8'), expected)) {
        const [, id = '', ...text] = block.split('\n');
        const entry = { id, text: text.join('\n').trim() };
        if (entry.text.length > (fromPlugin.get(pkg)?.text.length ?? -1)) fromPlugin.set(pkg, entry);
      }
    }
  }
  const blocks = [];
  const missing = [];
  for (const [name, set] of [...packageDirs].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (UNDECLARED[name]) {
      blocks.push(`${name}\nUNKNOWN\n${UNDECLARED[name]}`);
      continue;
    }
    const groups = new Map(); // "id\ntext" → versions
    for (const d of [...set].sort()) {
      const own = await licenceOf(d);
      const plugin = fromPlugin.get(name);
      const id = own.id || plugin?.id || '';
      if (id === '') {
        missing.push(`${name} (${d})`);
        continue;
      }
      const text =
        (set.size === 1 && plugin?.id === id && plugin.text) ||
        own.text ||
        `(${name} ${own.version} ships no licence file; its package.json states ${id}.)`;
      const key = `${id}\n${text}`;
      groups.set(key, [...(groups.get(key) ?? []), own.version]);
    }
    for (const [key, versions] of groups)
      blocks.push(`${groups.size > 1 ? `${name}@${[...new Set(versions)].join(', ')}` : name}\n${key}`);
  }
  if (missing.length > 0)
    throw new Error(`no licence stated by bundled package(s): ${missing.join(', ')} (see UNDECLARED)`);
  return blocks.join('\n\n') + '\n';
}

/** Copies an entry's compiled files into dist/, refusing to overwrite what another entry emitted. */
async function install(entry, dir) {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((f) => f.isFile())
    .map((f) => relative(dir, join(f.parentPath, f.name)))
    .filter((f) => f !== BUNDLED && !LICENCE_ASSET_RE.test(f))
    .sort();
  for (const name of files) {
    const target = join(dist, name);
    if (await exists(target)) {
      // A chunk both bundles share (same id, same bytes) is kept once; a different one would break one of them.
      if ((await readFile(target)).equals(await readFile(join(dir, name)))) continue;
      throw new Error(`${entry}: dist/${name} was already emitted by another entry, with other content`);
    }
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(dir, name), target, constants.COPYFILE_EXCL);
    await chmod(target, (await stat(join(dir, name))).mode & 0o777);
  }
  return files;
}

/** Runs this script on one entry in a child process; rejects when it fails. */
function compileInChild(index, dir) {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, '--compile', String(index), dir], { stdio: 'inherit' });
    child.on('error', fail);
    child.on('close', (code, signal) =>
      code === 0
        ? done()
        : fail(new Error(`${ENTRIES[index].entry}: compiling failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

async function exists(path) {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Prints every file's size: the entries (loaded by every run) first, then the chunks each loads on demand. */
async function printSizes() {
  const kib = (n) => `${(n / 1024).toFixed(0).padStart(6)} KiB`;
  const code = (await readdir(dist)).filter((f) => f.endsWith('.js')).sort();
  for (const { out } of ENTRIES) {
    const suffix = out === 'index.js' ? 'index' : out.replace(/\.js$/, '');
    const chunks = code.filter((f) => f.endsWith(`.${suffix}.js`) && /^\d+\./.test(f));
    const size = async (f) => (await stat(join(dist, f))).size;
    const eager = await size(out);
    const lazy = await Promise.all(chunks.map(size));
    process.stdout.write(
      `dist/${out.padEnd(14)} eager ${kib(eager)}; chunks on demand ${kib(lazy.reduce((a, b) => a + b, 0))}` +
        ` (${chunks.map((c, i) => `${c} ${(lazy[i] / 1024).toFixed(0)}`).join(', ')})\n`,
    );
  }
  const maps = (await readdir(dist)).filter((f) => f.endsWith('.map'));
  const mapBytes = (await Promise.all(maps.map((f) => stat(join(dist, f))))).reduce((a, s) => a + s.size, 0);
  process.stdout.write(`source maps: ${maps.length} files, ${kib(mapBytes).trim()}\n`);
}

if (process.argv[2] === '--compile') {
  await compile(ENTRIES[Number(process.argv[3])], process.argv[4]);
} else {
  const stage = await mkdtemp(join(tmpdir(), 'ci-triage-build-'));
  try {
    const dirs = ENTRIES.map((_, i) => join(stage, String(i)));
    await Promise.all(dirs.map((d) => mkdir(d)));
    await Promise.all(ENTRIES.map((_, i) => compileInChild(i, dirs[i])));
    const licences = await mergeLicences(dirs);
    await rm(dist, { recursive: true, force: true });
    await mkdir(dist, { recursive: true });
    await writeFile(join(dist, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n');
    await writeFile(join(dist, 'licenses.txt'), licences);
    for (const [i, e] of ENTRIES.entries()) {
      const files = await install(e.entry, dirs[i]);
      process.stdout.write(`${e.entry} → ${files.map((f) => `dist/${f}`).join(', ')}\n`);
    }
    await printSizes();
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
