#!/usr/bin/env node
// Bundles the action (src/index.ts → dist/index.js) and the CLI (src/cli.ts → dist/cli.js) with @vercel/ncc.
// Each entry is built into its own temporary directory and then moved into dist/, so the two builds never
// overwrite each other's files. No source maps, no licence file, no build cache: building twice gives the
// same bytes.
import { constants } from 'node:fs';
import { access, chmod, copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const ncc = createRequire(import.meta.url)('@vercel/ncc');

/** entry (relative to the repository) → bundle name in dist/ */
const ENTRIES = [
  { entry: 'src/index.ts', out: 'index.js', executable: false },
  { entry: 'src/cli.ts', out: 'cli.js', executable: true },
];

async function bundle({ entry, out, executable }) {
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
  const chunkName = (name) => (suffix && /^\d+\.index\.js$/.test(name) ? name.replace(/\.index\.js$/, `.${suffix}.js`) : name);
  let source = code;
  if (suffix) {
    const loader = 'return "" + chunkId + ".index.js";';
    if (Object.keys(assets).some((n) => /^\d+\.index\.js$/.test(n))) {
      if (!source.includes(loader)) throw new Error(`${entry}: the chunk loader of ncc's runtime was not found`);
      source = source.replace(loader, `return "" + chunkId + ".${suffix}.js";`);
    }
  }
  const tmp = await mkdtemp(join(tmpdir(), 'ci-triage-build-'));
  try {
    await writeFile(join(tmp, out), source, { mode: executable ? 0o755 : 0o644 });
    if (executable) await chmod(join(tmp, out), 0o755);
    for (const [name, asset] of Object.entries(assets)) {
      if (name === 'package.json') continue; // written once below, for both bundles
      const file = join(tmp, chunkName(name));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, asset.source, { mode: asset.permissions ?? 0o644 });
    }
    // Move into dist/, refusing to overwrite what the other entry emitted.
    const files = (await readdir(tmp, { recursive: true, withFileTypes: true }))
      .filter((f) => f.isFile())
      .map((f) => relative(tmp, join(f.parentPath, f.name)))
      .sort();
    for (const name of files) {
      const target = join(dist, name);
      if (await exists(target)) {
        // A chunk both bundles share (same id, same bytes) is kept once; a different one would break one of them.
        if ((await readFile(target)).equals(await readFile(join(tmp, name)))) continue;
        throw new Error(`${entry}: dist/${name} was already emitted by another entry, with other content`);
      }
      await mkdir(dirname(target), { recursive: true });
      await copyFile(join(tmp, name), target, constants.COPYFILE_EXCL);
      await chmod(target, (await stat(join(tmp, name))).mode & 0o777);
    }
    return files;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function exists(path) {
  return access(path).then(
    () => true,
    () => false,
  );
}

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
await writeFile(join(dist, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n');
for (const e of ENTRIES) {
  const files = await bundle(e);
  process.stdout.write(`${e.entry} → ${files.map((f) => `dist/${f}`).join(', ')}\n`);
}
