#!/usr/bin/env node
// Bundles the action (src/index.ts → dist/index.js) and the CLI (src/cli.ts → dist/cli.js) with @vercel/ncc.
// Each entry is compiled in a process of its own (the two run side by side: ncc is single-threaded) into its
// own temporary directory; only once every entry has compiled is dist/ replaced, file by file from those
// directories, so an interrupted or failed build leaves the previous dist/ whole. No source maps, no licence
// file, no build cache: building twice gives the same bytes.
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

/** Compiles one entry into `dir` (the child process's work). */
async function compile({ entry, out, executable }, dir) {
  const ncc = createRequire(import.meta.url)('@vercel/ncc');
  const { code, assets } = await ncc(join(root, entry), {
    cache: false,
    minify: false,
    sourceMap: false,
    sourceMapRegister: false,
    license: '',
    // Node 20 is the oldest runtime the CLI supports (package.json engines); the action runs on node24.
    target: 'es2022',
    quiet: true,
  });
  // ncc names every entry's lazily loaded chunks `{id}.index.js`; two entries can give the same id to
  // different chunks. Chunks of entries other than index.js are renamed `{id}.{entry}.js` (the runtime's one
  // chunk-name function is patched to match), so entries never collide.
  const suffix = out === 'index.js' ? undefined : out.replace(/\.js$/, '');
  const chunkName = (name) =>
    suffix && /^\d+\.index\.js$/.test(name) ? name.replace(/\.index\.js$/, `.${suffix}.js`) : name;
  let source = code;
  if (suffix) {
    const loader = 'return "" + chunkId + ".index.js";';
    if (Object.keys(assets).some((n) => /^\d+\.index\.js$/.test(n))) {
      if (!source.includes(loader))
        throw new Error(`${entry}: the chunk loader of ncc's runtime was not found`);
      source = source.replace(loader, `return "" + chunkId + ".${suffix}.js";`);
    }
  }
  await writeFile(join(dir, out), source, { mode: executable ? 0o755 : 0o644 });
  if (executable) await chmod(join(dir, out), 0o755);
  for (const [name, asset] of Object.entries(assets)) {
    if (name === 'package.json') continue; // written once below, for both bundles
    const file = join(dir, chunkName(name));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, asset.source, { mode: asset.permissions ?? 0o644 });
  }
}

/** Copies an entry's compiled files into dist/, refusing to overwrite what another entry emitted. */
async function install(entry, dir) {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((f) => f.isFile())
    .map((f) => relative(dir, join(f.parentPath, f.name)))
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

if (process.argv[2] === '--compile') {
  await compile(ENTRIES[Number(process.argv[3])], process.argv[4]);
} else {
  const stage = await mkdtemp(join(tmpdir(), 'ci-triage-build-'));
  try {
    const dirs = ENTRIES.map((_, i) => join(stage, String(i)));
    await Promise.all(dirs.map((d) => mkdir(d)));
    await Promise.all(ENTRIES.map((_, i) => compileInChild(i, dirs[i])));
    await rm(dist, { recursive: true, force: true });
    await mkdir(dist, { recursive: true });
    await writeFile(join(dist, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n');
    for (const [i, e] of ENTRIES.entries()) {
      const files = await install(e.entry, dirs[i]);
      process.stdout.write(`${e.entry} → ${files.map((f) => `dist/${f}`).join(', ')}\n`);
    }
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
