/**
 * The CLI as npm publishes it. `npm pack` makes the tarball from the repository as it is; it is installed into
 * an empty directory by npm with `--offline` and an empty cache, so the install succeeds only if the package
 * needs nothing but itself; then `npx ci-triage analyze` and `npx ci-triage run` (against the local fake of the
 * GitHub API) run there on Node 24 and on Node 20, the oldest release `engines` allows, the way a user would
 * run them: `node` and `npx` found on PATH.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHubState, type FakeGitHub, type FakeRun, startFakeGitHub } from './helpers/fake-github.js';
import { apiStepsFor, jobLog, type JobLogOptions, NPM_CI, npmTest } from './helpers/job-log.js';
import { node24, ROOT } from './helpers/run-action.js';

const REPO = 'acme/widgets';
const TOKEN = 'ghs_packTestToken0123456789abcdefABCDEFGHIJ';
const FIXTURE = join(ROOT, 'fixtures/sample/failed-job.log');

interface Manifest {
  name: string;
  version: string;
  bin: Record<string, string>;
  engines: { node: string };
  dependencies?: Record<string, string>;
  private?: boolean;
}
const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as Manifest;

/** The major version of the node binary at `path`. */
function majorOf(path: string): number {
  return Number(execFileSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).split('.')[0]);
}

/** A Node 20 on PATH (`which -a node`), for the oldest runtime the package supports; undefined when none. */
function node20(): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).concat(['/usr/bin', '/usr/local/bin']);
  return dirs.map((d) => join(d, 'node')).find((n) => existsSync(n) && majorOf(n) === 20);
}

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command` with `node` (and so npm/npx, which start with `#!/usr/bin/env node`) resolved to `node`. */
function run(
  command: string,
  args: string[],
  o: { cwd: string; node: string; env?: Record<string, string> },
) {
  return new Promise<Result>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: o.cwd,
      env: {
        // Not inherited: no token of the machine running the tests gets in, and no npm setting of the run.
        PATH: [dirname(o.node), ...(process.env.PATH ?? '').split(delimiter)].join(delimiter),
        HOME: process.env.HOME ?? '',
        NO_COLOR: '1',
        npm_config_offline: 'true',
        npm_config_update_notifier: 'false',
        npm_config_fund: 'false',
        npm_config_audit: 'false',
        ...o.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

const explain = (r: Result) => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

let tmp: string;
let app: string;
let packed: { filename: string; files: { path: string }[] };
let gh: FakeGitHub;
let failing: FakeRun;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'ci-triage-pack-'));
  const pack = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], {
    cwd: ROOT,
    node: node24(),
  });
  if (pack.code !== 0) throw new Error(`npm pack failed: ${explain(pack)}`);
  [packed] = JSON.parse(pack.stdout) as [typeof packed];

  app = join(tmp, 'app');
  await mkdir(app);
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'uses-ci-triage', private: true }));
  const install = await run('npm', ['install', '--ignore-scripts', join(tmp, packed.filename)], {
    cwd: app,
    node: node24(),
    env: { npm_config_cache: join(tmp, 'empty-npm-cache') },
  });
  if (install.code !== 0) throw new Error(`npm install of the tarball failed: ${explain(install)}`);

  const state = new FakeGitHubState();
  state.addRepo(REPO);
  state.tokens = new Set([TOKEN]);
  failing = state.addRun({ repo: REPO, event: 'push', headBranch: 'main' });
  const ok: JobLogOptions = { steps: [NPM_CI] };
  state.addJob(failing, { name: 'build', conclusion: 'success', steps: apiStepsFor(ok), log: jobLog(ok) });
  const bad: JobLogOptions = { steps: [NPM_CI, npmTest({ failing: true })] };
  state.addJob(failing, { name: 'test', conclusion: 'failure', steps: apiStepsFor(bad), log: jobLog(bad) });
  gh = await startFakeGitHub(state);
}, 240_000);

afterAll(async () => {
  await gh?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('npm package', () => {
  it('is publishable and holds the CLI, its chunks, the licences and nothing of the source', async () => {
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies ?? {}).toEqual({});
    const files = packed.files.map((f) => f.path).sort();
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/cli.js']),
    );
    expect(files).toContain('dist/licenses.txt');
    // Every chunk the CLI may load, and the prompt it reads from dist/.
    const cli = await readFile(join(ROOT, 'dist/cli.js'), 'utf8');
    expect(cli).toContain('return "" + chunkId + ".cli.js";');
    const chunks = files.filter((f) => /^dist\/\d+\.cli\.js$/.test(f));
    expect(chunks.length).toBeGreaterThan(3);
    expect(files.some((f) => /^dist\/[0-9a-f]+\.md$/.test(f))).toBe(true);
    expect(
      files.filter((f) =>
        /^(src|__tests__|fixtures|scripts|\.github)\/|^dist\/(index\.js|\d+\.index\.js)$/.test(f),
      ),
    ).toEqual([]);
    expect(manifest.bin).toEqual({ 'ci-triage': 'dist/cli.js' });
    expect(manifest.engines.node).toBe('>=20');
  });

  it('installs offline from the tarball alone, with the bin linked', async () => {
    const installed = JSON.parse(
      await readFile(join(app, 'node_modules/ci-triage/package.json'), 'utf8'),
    ) as Manifest;
    expect(installed.version).toBe(manifest.version);
    expect(existsSync(join(app, 'node_modules/.bin/ci-triage'))).toBe(true);
    // Nothing else was installed next to it.
    const lock = JSON.parse(await readFile(join(app, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    expect(Object.keys(lock.packages).sort()).toEqual(['', 'node_modules/ci-triage']);
  });

  const runtimes: [string, () => string | undefined, number][] = [
    ['Node 24', node24, 24],
    ['Node 20', node20, 20],
  ];
  for (const [label, find, major] of runtimes) {
    const node = find();
    describe.skipIf(node === undefined)(`npx ci-triage on ${label}`, () => {
      it('runs on that Node', async () => {
        const r = await run('node', ['-p', 'process.versions.node'], { cwd: app, node: node! });
        expect(Number(r.stdout.split('.')[0]), explain(r)).toBe(major);
        const v = await run('npx', ['ci-triage', '--version'], { cwd: app, node: node! });
        expect(v.stdout.trim(), explain(v)).toBe(`ci-triage ${manifest.version}`);
      }, 60_000);

      it('analyze: the failed test, its lines and its fingerprint', async () => {
        const r = await run('npx', ['ci-triage', 'analyze', FIXTURE], { cwd: app, node: node! });
        expect(r.code, explain(r)).toBe(0);
        expect(r.stdout).toContain('test_failure');
        expect(r.stdout).toContain('Expected: 90');
        const j = await run('npx', ['ci-triage', 'analyze', '--json', FIXTURE], { cwd: app, node: node! });
        expect(j.code, explain(j)).toBe(0);
        const finding = JSON.parse(j.stdout) as {
          failureType: string;
          fingerprint: string;
          rootCauseLine: number;
        };
        expect(finding).toMatchObject({ failureType: 'test_failure', rootCauseLine: 23 });
        expect(finding.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      }, 60_000);

      it('run: a workflow run collected from the GitHub API', async () => {
        const url = `https://github.com/${REPO}/actions/runs/${failing.id}`;
        const r = await run('npx', ['ci-triage', 'run', url], {
          cwd: app,
          node: node!,
          env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.baseUrl },
        });
        expect(r.code, explain(r)).toBe(0);
        expect(r.stdout).toMatch(/1 failed job\(s\) of 2/);
        expect(r.stdout).toContain('Run npm test');
        expect(r.stdout).toContain('test_failure');
      }, 60_000);
    });
  }
});
