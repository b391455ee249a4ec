/**
 * What a release needs, checked on the repository as committed: the checks of scripts/release.mjs (the
 * release workflow runs them before it tags), the licences of everything the bundles contain, the source maps,
 * and that the action's start-up bundle does not carry what only the end of a run needs.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bundledPackages,
  changelogSection,
  checks,
  licensedPackages,
  parseVersion,
  repository,
  ROOT,
} from '../scripts/release.mjs';

const DIST = join(ROOT, 'dist');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Map_ {
  sources: string[];
  mappings: string;
  sourcesContent?: unknown;
}
const licenceFile = (dir: string) => readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|-|$)/i.test(f));
const mapOf = (file: string) => JSON.parse(readFileSync(join(DIST, `${file}.map`), 'utf8')) as Map_;

describe('release checks (scripts/release.mjs)', () => {
  it('pass on the repository as committed', () => {
    // dist/ is compared with a fresh build by check-dist (and by the release itself); the tag check only
    // means something at release time (after a release its tag exists until the next version is set).
    const { version, results } = checks({ build: false });
    expect(version).toBe((JSON.parse(read('package.json')) as { version: string }).version);
    expect(results.map((r) => r.name)).toEqual([
      'version',
      'changelog',
      'repository',
      'dist',
      'licences',
      'npm package',
      'tag',
      'workflows',
    ]);
    const failed = results.filter((r) => !r.ok && r.name !== 'tag');
    expect(failed, failed.map((r) => `${r.name}: ${r.detail}`).join('\n')).toEqual([]);
  }, 120_000);

  it('refuse a version that package.json, the lock file, src/version.ts and CHANGELOG.md do not all say', () => {
    const { results } = checks({ version: '99.0.0', build: false });
    const by = Object.fromEntries(results.map((r) => [r.name, r]));
    expect(by.version?.ok).toBe(false);
    expect(by.version?.detail).toContain('src/version.ts says');
    expect(by.changelog?.ok).toBe(false);
    expect(by.changelog?.detail).toBe('CHANGELOG.md has no "## [99.0.0] - YYYY-MM-DD" section');
    expect(by.repository?.ok, 'the README says @v1, not @v99').toBe(false);
    expect(by.repository?.detail).toContain('expected ci-triage/ci-triage@v99');
    expect(checks({ version: '1.0', build: false }).results[0]?.detail).toBe(
      '"1.0" is not a semantic version (MAJOR.MINOR.PATCH[-PRERELEASE])',
    );
  }, 120_000);

  it('parse versions, the CHANGELOG section and the repository', () => {
    expect(parseVersion('1.2.3')).toEqual({ major: 1, prerelease: false });
    expect(parseVersion('2.0.0-rc.1')).toEqual({ major: 2, prerelease: true });
    expect(parseVersion('v1.2.3')).toBeUndefined();
    expect(parseVersion('01.2.3')).toBeUndefined();

    const log = [
      '# Changelog',
      '## [Unreleased]',
      '## [1.1.0] - 2027-01-05',
      '### Fixed',
      '- A thing.',
      '## [1.0.0] - 2026-12-03',
      '- First.',
      '## [0.9.0]',
      '## [0.8.0] - 2026-01-01',
      '',
      '[1.1.0]: https://github.com/o/r/compare/v1.0.0...v1.1.0',
    ].join('\n');
    expect(changelogSection(log, '1.1.0')).toEqual({ date: '2027-01-05', body: '### Fixed\n- A thing.' });
    expect(changelogSection(log, '1.0.0')).toEqual({ date: '2026-12-03', body: '- First.' });
    expect(changelogSection(log, '0.9.0').error).toBe(
      'CHANGELOG.md: "## [0.9.0]" is not "## [0.9.0] - YYYY-MM-DD"',
    );
    expect(changelogSection(log, '0.8.0').error).toBe('CHANGELOG.md: the section of 0.8.0 is empty');
    expect(changelogSection(log, '1.0.1').error).toBe(
      'CHANGELOG.md has no "## [1.0.1] - YYYY-MM-DD" section',
    );
    // "1.0.0" must not match the heading of 1.0.0-rc.1 or 11.0.0.
    expect(changelogSection('## [1.0.0-rc.1] - 2026-01-01\nx', '1.0.0').error).toContain('no "## [1.0.0]');

    expect(repository({ repository: { url: 'git+https://github.com/acme/tool.git' } })).toBe('acme/tool');
    expect(repository({ repository: 'https://github.com/acme/tool' })).toBe('acme/tool');
    expect(() => repository({})).toThrow('package.json "repository" is not a GitHub repository URL');
  });
});

describe('dist/licenses.txt', () => {
  const text = read('dist/licenses.txt');
  const bundled = bundledPackages();

  it('names every package the bundles were built from (the sources of their source maps)', () => {
    // The action's HTTP client, the toolkit, the SDKs: a few that must be there whatever else changes.
    expect(bundled).toEqual(
      expect.arrayContaining([
        '@actions/core',
        '@actions/github',
        '@actions/artifact',
        'undici',
        'zod',
        'yaml',
      ]),
    );
    expect(bundled.length).toBeGreaterThan(100);
    const listed = new Set(licensedPackages(text, bundled));
    expect(bundled.filter((p) => !listed.has(p))).toEqual([]);
  });

  it("gives each bundled copy of a package its own licence id, and the licence's text", () => {
    // Every package directory the maps name, e.g. node_modules/glob/node_modules/minimatch next to
    // node_modules/minimatch: two versions of one package may be under different licences.
    const dirs = new Set<string>();
    for (const f of readdirSync(DIST).filter((n) => n.endsWith('.js.map')))
      for (const s of mapOf(f.replace(/\.map$/, '')).sources) {
        const m = [...s.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].at(-1);
        if (m?.index !== undefined) dirs.add(resolve(DIST, s.slice(0, m.index + m[0].length)));
      }
    const wrong: string[] = [];
    for (const dir of dirs) {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name: string;
        version: string;
        license?: unknown;
      };
      const esc = pkg.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      // The block of this name, or of NAME@VERSION[, VERSION…] that includes this version.
      const heads = [
        ...text.matchAll(new RegExp(`(?:^|\\n\\n)${esc}(@[^\\n]+)?\\n([^\\n]*)\\n?([^\\n]*)`, 'g')),
      ];
      const head = heads.find((h) => h[1] === undefined || h[1].slice(1).split(', ').includes(pkg.version));
      if (!head) wrong.push(`${pkg.name}@${pkg.version}: no entry`);
      else if (typeof pkg.license === 'string' && head[2] !== pkg.license)
        wrong.push(`${pkg.name}@${pkg.version}: listed as ${head[2]}, its package.json says ${pkg.license}`);
      else if (pkg.license === undefined && head[2] !== 'UNKNOWN')
        wrong.push(`${pkg.name}@${pkg.version}: states no licence, listed as ${head[2]}`);
      else if ((head[3] ?? '').trim() === '') wrong.push(`${pkg.name}@${pkg.version}: no licence text`);
      else if (head[3]?.includes('ships no licence file') && licenceFile(dir))
        wrong.push(`${pkg.name}@${pkg.version}: said to ship no licence file, but has ${licenceFile(dir)}`);
    }
    expect(wrong).toEqual([]);
    expect(dirs.size).toBeGreaterThanOrEqual(bundled.length);
  });

  it('and the repository has its own MIT licence, as package.json says', () => {
    expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} ci-triage contributors\n/);
    expect((JSON.parse(read('package.json')) as { license: string }).license).toBe('MIT');
  });
});

describe('source maps and start-up', () => {
  it('map the bundles back to src/ (line by line), without the sources themselves', () => {
    for (const [bundle, fn, source] of [
      ['cli.js', 'parseUserRules', 'src/classify/user-rules.ts'],
      ['index.js', 'runToTriage', 'src/main.ts'],
    ] as const) {
      const map = mapOf(bundle);
      expect(map.sourcesContent, 'sourcesContent would double dist/').toBeUndefined();
      const lines = readFileSync(join(DIST, bundle), 'utf8').split('\n');
      const at = lines.findIndex((l) =>
        new RegExp(`^(?:export )?(?:async )?function ${fn}\\(`).test(l.trim()),
      );
      expect(at, `${fn} in dist/${bundle}`).toBeGreaterThan(0);
      const entry = new SourceMap(map as never).findEntry(at, 0) as {
        originalSource?: string;
        originalLine?: number;
      };
      expect(entry.originalSource?.endsWith(source), JSON.stringify(entry)).toBe(true);
      const original = read(source).split('\n')[entry.originalLine ?? -1] ?? '';
      expect(original).toContain(`function ${fn}(`);
    }
  });

  it('leave the artifact client, Azure storage, the LLM, Jira and Slack SDKs out of what every run loads', () => {
    const eager = new Set(bundledPackages(DIST, (f) => f === 'index.js.map'));
    const later = ['@actions/artifact', '@azure/storage-blob', '@protobuf-ts/runtime', 'archiver', 'jira.js'];
    later.push('@anthropic-ai/sdk', '@slack/web-api');
    expect(later.filter((p) => eager.has(p))).toEqual([]);
    // ... but they are bundled, in the chunks loaded on demand.
    const lazy = new Set(bundledPackages(DIST, (f) => /^\d+\.index\.js\.map$/.test(f)));
    expect(later.filter((p) => !lazy.has(p))).toEqual([]);
    // What every run needs is there: the toolkit, the API client, the settings schema, the redaction rules.
    for (const p of [
      '@actions/core',
      '@actions/github',
      'zod',
      '@secretlint/secretlint-rule-preset-recommend',
    ])
      expect(eager.has(p), p).toBe(true);
  });

  it('every file of dist/ has its map, and every map its file', () => {
    const files = readdirSync(DIST);
    const code = files.filter((f) => f.endsWith('.js'));
    expect(code.filter((f) => !existsSync(join(DIST, `${f}.map`)))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map') && !code.includes(f.replace(/\.map$/, '')))).toEqual([]);
    for (const f of code)
      expect(readFileSync(join(DIST, f), 'utf8').trimEnd().endsWith(`//# sourceMappingURL=${f}.map`), f).toBe(
        true,
      );
  });
});

describe('repository hygiene', () => {
  it('has the files a company checks before it adopts an action', () => {
    for (const f of ['LICENSE', 'SECURITY.md', 'CHANGELOG.md', '.github/CODEOWNERS', '.env.example'])
      expect(existsSync(join(ROOT, f)), f).toBe(true);
    expect(read('SECURITY.md')).toContain('## Reporting a vulnerability');
    expect(read('SECURITY.md')).toContain('## Supported versions');
    expect(read('.github/CODEOWNERS')).toMatch(/^\*\s+@\S+/m);
  });

  it('runs on the Node it says: .node-version, action.yml and the node devDependency agree', () => {
    expect(read('.node-version').trim()).toBe('24');
    expect(read('action.yml')).toMatch(/^ {2}using: node24$/m);
    const dev = (JSON.parse(read('package.json')) as { devDependencies: Record<string, string> })
      .devDependencies;
    expect(dev.node).toMatch(/^\^24\./);
  });

  it('keeps npm packages and actions up to date in groups (Dependabot)', async () => {
    const { parse } = await import('yaml');
    const config = parse(read('.github/dependabot.yml')) as {
      version: number;
      updates: { 'package-ecosystem': string; directory: string; groups?: Record<string, unknown> }[];
    };
    expect(config.version).toBe(2);
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
    for (const u of config.updates)
      expect(Object.keys(u.groups ?? {}).length, u['package-ecosystem']).toBeGreaterThan(0);
  });
});
