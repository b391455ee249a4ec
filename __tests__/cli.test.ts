import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli/main.js';
import { FAILURE_TYPES, SEVERITIES } from '../src/types.js';
import { FIXTURES, truthLines } from './fixtures.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as one JSON object per line. */
  json: Array<Record<string, unknown>>;
}

/** Runs `main` in-process with a fake io collecting what it writes. */
async function run(argv: string[], extra: Partial<Io> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTty: false, env: {}, ...extra };
  const code = await main(argv, io);
  const stdout = out.join('');
  const json = argv.includes('--json')
    ? stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];
  return { code, stdout, stderr: err.join(''), json };
}

interface JsonExcerpt {
  startLine: number;
  endLine: number;
  keyLine: number;
  lines: string[];
}
const excerptsOf = (o: Record<string, unknown> | undefined): JsonExcerpt[] =>
  (o?.excerpts ?? []) as JsonExcerpt[];
const covers = (e: JsonExcerpt | undefined, line: number) =>
  e !== undefined && e.startLine <= line && line <= e.endLine;

const fixture = (name: string) => `fixtures/${name}`;
const goTest = FIXTURES.find((f) => f.file === 'github-go-test-terraform.log')!;
const goTestTruth = async () =>
  truthLines((await readFile(join(root, fixture(goTest.file)), 'utf8')).split('\n'), goTest.errorLines);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ci-triage-cli-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});
const tmp = async (name: string, data: string | Uint8Array): Promise<string> => {
  const file = join(dir, name);
  await writeFile(file, data);
  return file;
};

/** mulberry32: the same "random" bytes on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('ci-triage analyze --json', () => {
  it('prints one JSON object per log, one per line, with file exactly as given', async () => {
    const relative = fixture('github-go-test-terraform.log');
    const dotted = './' + fixture('travis-go-lint.log');
    const absolute = join(root, fixture('jenkins-maven-animal-sniffer.log'));
    const r = await run(['analyze', '--json', relative, dotted, absolute]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(3);
    expect(r.json.map((o) => o.file)).toEqual([relative, dotted, absolute]);

    for (const o of r.json) {
      expect(FAILURE_TYPES).toContain(o.failureType);
      expect(SEVERITIES).toContain(o.severity);
      expect(o.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      const excerpts = excerptsOf(o);
      expect(excerpts.length).toBeGreaterThan(0);
      for (const e of excerpts) {
        expect(Number.isInteger(e.startLine) && Number.isInteger(e.endLine)).toBe(true);
        expect(e.startLine).toBeGreaterThanOrEqual(1);
        expect(e.endLine).toBeGreaterThanOrEqual(e.startLine);
        expect(e.endLine).toBeLessThanOrEqual(o.totalLines as number);
      }
    }
    const truth = await goTestTruth();
    expect([...truth].some((n) => covers(excerptsOf(r.json[0])[0], n))).toBe(true);
    expect(r.json[0]?.failureType).toBe('test_failure');
  });

  it('reads standard input for -', async () => {
    // Standard input arrives in pieces; the second one starts in the middle of a line.
    const stdin = Readable.from([
      Buffer.from('step 1\nnpm ERR! code E4'),
      Buffer.from('04\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padd - Not found\n'),
    ]);
    const r = await run(['analyze', '--json', '-'], { stdin });
    expect(r.code).toBe(0);
    expect(r.json).toHaveLength(1);
    expect(r.json[0]?.file).toBe('-');
    expect(r.json[0]?.failureType).toBe('dependency_error');
  });

  it('handles an empty log', async () => {
    const file = await tmp('empty.log', '');
    const r = await run(['analyze', '--json', file]);
    expect(r.code).toBe(0);
    expect(r.json).toHaveLength(1);
    const o = r.json[0]!;
    expect(o.file).toBe(file);
    expect(o.failureType).toBe('unknown');
    expect(o.totalLines).toBe(1);
    expect(o.confidence as number).toBeLessThan(0.5);
    for (const e of excerptsOf(o)) expect(e.endLine).toBeLessThanOrEqual(1);

    const human = await run(['analyze', file]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(file);
    expect(human.stdout).toContain('unknown');
  });

  it('says "unknown" with low confidence for a log with no error, and shows its tail', async () => {
    const lines = [
      '##[group]Run cargo build --release',
      'cargo build --release',
      '##[endgroup]',
      ...Array.from({ length: 40 }, (_, i) => `   Compiling crate${i} v0.${i}.0`),
      '    Finished `release` profile [optimized] target(s) in 41.20s',
      'Running target/release/app --selftest',
      'selftest: 12 checks done',
      'Cleaning up orphan processes',
    ];
    const file = await tmp('no-error.log', lines.join('\n') + '\n');
    const r = await run(['analyze', '--json', file]);
    expect(r.code).toBe(0);
    const o = r.json[0]!;
    expect(o.failureType).toBe('unknown');
    expect(o.confidence as number).toBeLessThan(0.5);
    const total = o.totalLines as number;
    expect(total).toBe(lines.length + 1);
    const first = excerptsOf(o)[0];
    expect(first).toBeDefined();
    expect(first!.endLine).toBeGreaterThanOrEqual(lines.length); // the last non-empty line
    expect(first!.startLine).toBeGreaterThan(total - 15);
  });

  it('survives invalid UTF-8 and binary bytes (NULs included)', async () => {
    const rnd = prng(7);
    const bytes = Buffer.alloc(300 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rnd() * 256);
    for (let i = 0; i < 3000; i++) bytes[Math.floor(rnd() * bytes.length)] = 0;
    const file = await tmp('binary.log', bytes);
    const r = await run(['analyze', '--json', file]);
    expect(r.code).toBe(0);
    expect(r.json).toHaveLength(1);
    const o = r.json[0]!;
    expect(o.totalLines).toBe(bytes.reduce((n, b) => n + (b === 10 ? 1 : 0), 0) + 1);
    for (const e of excerptsOf(o)) expect(e.endLine).toBeLessThanOrEqual(o.totalLines as number);

    const human = await run(['analyze', file]);
    expect(human.code).toBe(0);
    // Nothing from the log reaches the terminal as a control character.
    // eslint-disable-next-line no-control-regex
    expect(human.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });

  it('does not pass escape sequences from the log to the terminal', async () => {
    const file = await tmp(
      'escapes.log',
      'start\nError: \x1b]0;owned\x07\x1b[2J deploy failed \x00\x07 now\ndone\n',
    );
    const r = await run(['analyze', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('deploy failed');
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });

  it('handles \\r\\n, lone \\r and a missing final newline', async () => {
    const crlf = await tmp('crlf.log', 'step one\r\nError: boom in step two\r\nstep three');
    const cr = await tmp(
      'cr.log',
      'setup\nprogress 10%\rprogress 100%\rError: disk quota exceeded\r\nlast line',
    );
    const r = await run(['analyze', '--json', crlf, cr]);
    expect(r.code).toBe(0);
    const [a, b] = r.json;
    expect(a?.totalLines).toBe(3);
    const ea = excerptsOf(a).find((e) => covers(e, 2));
    expect(ea).toBeDefined();
    expect(ea!.lines.join('\n')).not.toContain('\r');
    expect(ea!.lines[2 - ea!.startLine]).toBe('Error: boom in step two');

    expect(b?.totalLines).toBe(3);
    const eb = excerptsOf(b)[0];
    expect(eb?.keyLine).toBe(2);
    expect(eb!.lines[2 - eb!.startLine]).toBe('Error: disk quota exceeded');
  });

  it('finishes on a single 50 MB line without keeping it', async () => {
    const file = join(dir, 'long-line.log');
    const out = createWriteStream(file);
    out.write('##[group]Run node build.js\n');
    const chunk = Buffer.from('var a=function(){return 1};'.repeat(40_000)); // ~1 MB, no newline
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end('\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n');
    await once(out, 'close');
    try {
      const r = await run(['analyze', '--json', file]);
      expect(r.code).toBe(0);
      const o = r.json[0]!;
      expect(o.totalLines).toBe(4);
      expect(o.failureType).toBe('resource_exhaustion');
      expect(excerptsOf(o).some((e) => covers(e, 3))).toBe(true);
      for (const e of excerptsOf(o)) for (const l of e.lines) expect(l.length).toBeLessThan(1000);
      expect(r.stdout.length).toBeLessThan(100_000);
    } finally {
      await rm(file, { force: true });
    }
  }, 120_000);

  it('exits 2 on a missing file, names it, and still analyses the others', async () => {
    const missing = join(dir, 'no-such-dir', 'missing.log');
    const a = fixture('travis-go-lint.log');
    const b = fixture('github-jest-pnpm.log');
    const r = await run(['analyze', '--json', a, missing, b]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(missing);
    const analysed = r.json.filter((o) => 'failureType' in o);
    expect(analysed.map((o) => o.file)).toEqual([a, b]);
    expect(analysed.every((o) => typeof o.fingerprint === 'string')).toBe(true);
    expect(r.json.filter((o) => o.file === missing).every((o) => !('failureType' in o))).toBe(true);
  });

  it('exits 2 on a directory given as a log', async () => {
    const r = await run(['analyze', '--json', dir, fixture('travis-go-lint.log')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(dir);
    expect(r.json.filter((o) => 'failureType' in o)).toHaveLength(1);
  });
});

describe('ci-triage arguments', () => {
  it('exits 2 on an unknown command and names it', async () => {
    const r = await run(['analyse', fixture('travis-go-lint.log')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('analyse');
    expect(r.stdout).toBe('');
  });

  it('exits 2 without a command or without a log', async () => {
    expect((await run([])).code).toBe(2);
    const r = await run(['analyze', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toBe('');
  });

  it('exits 2 on an unknown option and on a bad --max-excerpts', async () => {
    expect((await run(['analyze', '--jsn', fixture('travis-go-lint.log')])).code).toBe(2);
    const r = await run(['analyze', '--max-excerpts', '0', fixture('travis-go-lint.log')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-excerpts');
  });

  it('prints help and version with exit 0', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('analyze');
    const version = await run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^ci-triage \d+\.\d+\.\d+/);
  });

  it('--max-excerpts bounds the excerpts', async () => {
    const r = await run([
      'analyze',
      '--json',
      '--max-excerpts',
      '1',
      fixture('jenkins-maven-animal-sniffer.log'),
    ]);
    expect(r.code).toBe(0);
    expect(excerptsOf(r.json[0])).toHaveLength(1);
  });

  it('--branch/--default-branch/--job feed the severity', async () => {
    const f = fixture('github-go-test-terraform.log');
    const pr = await run(['analyze', '--json', '--branch', 'feature/x', '--default-branch', 'main', f]);
    const main_ = await run(['analyze', '--json', '--branch', 'main', '--default-branch', 'main', f]);
    const deploy = await run([
      'analyze',
      '--json',
      '--branch',
      'main',
      '--default-branch',
      'main',
      '--job',
      'deploy',
      f,
    ]);
    expect([pr.json[0]?.severity, main_.json[0]?.severity, deploy.json[0]?.severity]).toEqual([
      'medium',
      'high',
      'critical',
    ]);
  });
});

describe('ci-triage analyze --baseline-log', () => {
  // A jest run that fails one assertion. Both runs first print a scary but harmless cache warning (a strong
  // network error, printed before the tests: without a baseline it outranks the assertion); only the failing
  // run has the assertion. Timestamps differ between the runs.
  const ts = (day: string, i: number) => `2024-03-${day}T11:00:${String(i).padStart(2, '0')}.0000000Z `;
  const failing = [
    '##[group]Run npm test',
    'npm test',
    '##[endgroup]',
    '> app@1.0.0 test',
    '> jest --ci',
    'Error: connect ECONNREFUSED 127.0.0.1:6379', // line 6
    '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
    'FATAL ERROR: cache warm-up failed: falling back to the in-memory store',
    ...['api', 'auth', 'db', 'format', 'parse', 'routes', 'cache'].map((m) => `PASS src/${m}.test.ts`),
    'FAIL src/calc.test.ts',
    '  ● add › adds two numbers',
    '    expect(received).toBe(expected) // Object.is equality',
    '    Expected: 4', // line 19
    '    Received: 5',
    '      at Object.<anonymous> (src/calc.test.ts:5:17)',
    'Tests:       1 failed, 7 passed, 8 total',
    '##[error]Process completed with exit code 1.',
  ];
  const passing = [
    ...failing.slice(0, 8),
    ...['calc', 'api', 'auth', 'db', 'format', 'parse', 'routes', 'cache'].map(
      (m) => `PASS src/${m}.test.ts`,
    ),
    'Tests:       8 passed, 8 total',
  ];
  const REAL = 19;
  const SCARY = 6;

  it('ranks lines also in the passing log lower, so the real error comes first', async () => {
    expect(failing[REAL - 1]).toContain('Expected: 4');
    expect(failing[SCARY - 1]).toContain('ECONNREFUSED');
    const fail = await tmp('bl-fail.log', failing.map((l, i) => ts('02', i) + l).join('\n') + '\n');
    const pass = await tmp('bl-pass.log', passing.map((l, i) => ts('01', i) + l).join('\n') + '\n');

    // Without the baseline the harmless warning wins: that is what the baseline is for.
    const alone = await run(['analyze', '--json', fail]);
    expect(covers(excerptsOf(alone.json[0])[0], SCARY)).toBe(true);

    const r = await run(['analyze', '--json', '--baseline-log', pass, fail]);
    expect(r.code).toBe(0);
    const o = r.json[0]!;
    expect(o.file).toBe(fail);
    expect(o.usedBaseline).toBe(true);
    const [first] = excerptsOf(o);
    expect(covers(first, REAL)).toBe(true);
    expect(covers(first, SCARY)).toBe(false);
    expect(o.failureType).toBe('test_failure');
  });

  it('exits 2 when the baseline log is missing, and still analyses the log', async () => {
    const missing = join(dir, 'nope.pass.log');
    const r = await run(['analyze', '--json', '--baseline-log', missing, fixture('travis-go-lint.log')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(missing);
    expect(r.json.filter((o) => 'failureType' in o)).toHaveLength(1);
  });
});

describe('ci-triage analyze --rules', () => {
  it('exits 2 on a rules file with a bad field and names the field and the file', async () => {
    const rules = await tmp('bad-rules.yml', 'rules:\n  - pattern: "ECONNRESET"\n    type: flaky\n');
    const r = await run(['analyze', '--json', '--rules', rules, fixture('travis-go-lint.log')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(rules);
    expect(r.stderr).toContain('rules.0.type');
  });

  it('exits 2 on a missing rules file', async () => {
    const missing = join(dir, 'nope.yml');
    const r = await run(['analyze', '--json', '--rules', missing, fixture('travis-go-lint.log')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(missing);
  });

  it('applies a valid rules file', async () => {
    const rules = await tmp(
      'good-rules.yml',
      'rules:\n  - pattern: "file is not goimported"\n    severity: critical\n',
    );
    const r = await run(['analyze', '--json', '--rules', rules, fixture('travis-go-lint.log')]);
    expect(r.code).toBe(0);
    expect(r.json[0]?.severity).toBe('critical');
  });
});

describe('the bundled CLI (dist/cli.js) on the machine’s node', () => {
  // The node on PATH without node_modules/.bin (npm scripts put the node@24 package first): the oldest
  // runtime the CLI supports is what a user runs it with.
  const PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((p) => !p.includes('node_modules'))
    .join(delimiter);
  const env = { ...process.env, PATH };

  it('analyses a fixture as a child process', async () => {
    const version = execFileSync('/usr/bin/env', ['node', '--version'], { env, encoding: 'utf8' }).trim();
    expect(Number(/^v(\d+)/.exec(version)?.[1])).toBeGreaterThanOrEqual(20);

    const file = fixture(goTest.file);
    const stdout = execFileSync('/usr/bin/env', ['node', 'dist/cli.js', 'analyze', '--json', file], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const o = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(o.file).toBe(file);
    expect(o.failureType).toBe('test_failure');
    expect(o.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const truth = await goTestTruth();
    expect(
      excerptsOf(o)
        .slice(0, 2)
        .some((e) => [...truth].some((n) => covers(e, n))),
    ).toBe(true);
  }, 60_000);

  it('sets the process exit code: 2 for a missing file', () => {
    const missing = join(dir, 'missing-for-child.log');
    const r = spawnSync(
      '/usr/bin/env',
      ['node', 'dist/cli.js', 'analyze', '--json', missing, fixture('travis-go-lint.log')],
      {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(missing);
    expect(r.stdout).toContain('"failureType"');
  }, 60_000);
});
