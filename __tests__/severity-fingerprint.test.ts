import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SEVERITY_RULES,
  globToRegExp,
  severityOf,
  type SeverityInput,
} from '../src/classify/severity.js';
import { analyzeLog } from '../src/pipeline/analyze-log.js';
import type { Severity } from '../src/types.js';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);
const analyzeFixture = (name: string) => analyzeLog(createReadStream(fixture(name)));
const analyzeText = (text: string) => analyzeLog([Buffer.from(text)]);

describe('severityOf', () => {
  const table: Array<[string, SeverityInput, Severity]> = [
    [
      'deploy job on the default branch',
      {
        failureType: 'build_error',
        transient: false,
        context: { job: 'deploy-web', branch: 'main', defaultBranch: 'main' },
      },
      'critical',
    ],
    [
      'deploy_error on the default branch, whatever the job name',
      {
        failureType: 'deploy_error',
        transient: false,
        context: { job: 'ship', branch: 'trunk', defaultBranch: 'trunk' },
      },
      'critical',
    ],
    [
      'release tag v1.2.3 with a deploy job',
      {
        failureType: 'test_failure',
        transient: false,
        context: { job: 'Deploy to npm', ref: 'refs/tags/v1.2.3' },
      },
      'critical',
    ],
    [
      'deploy job into a production environment from a feature branch',
      {
        failureType: 'build_error',
        transient: false,
        context: { job: 'deploy', branch: 'feat/x', defaultBranch: 'main', environment: 'production' },
      },
      'critical',
    ],
    [
      'default branch',
      {
        failureType: 'test_failure',
        transient: false,
        context: { job: 'test', branch: 'main', defaultBranch: 'main' },
      },
      'high',
    ],
    [
      'a default branch not in the protected patterns',
      {
        failureType: 'test_failure',
        transient: false,
        context: { branch: 'develop', defaultBranch: 'develop' },
      },
      'high',
    ],
    [
      'a protected release branch',
      {
        failureType: 'build_error',
        transient: false,
        context: { branch: 'release/2.4', defaultBranch: 'main' },
      },
      'high',
    ],
    [
      'release tag without a deploy job',
      { failureType: 'test_failure', transient: false, context: { job: 'test', ref: 'refs/tags/v1.2.3' } },
      'high',
    ],
    [
      'pull request branch',
      {
        failureType: 'test_failure',
        transient: false,
        context: { job: 'test', branch: 'feature/login', defaultBranch: 'main', event: 'pull_request' },
      },
      'medium',
    ],
    [
      'deploy job on a feature branch (not production)',
      {
        failureType: 'build_error',
        transient: false,
        context: { job: 'deploy-preview', branch: 'feature/login', defaultBranch: 'main' },
      },
      'medium',
    ],
    ['no context at all', { failureType: 'build_error', transient: false, context: {} }, 'medium'],
    [
      'lint on the default branch',
      {
        failureType: 'lint_error',
        transient: false,
        context: { job: 'lint', branch: 'main', defaultBranch: 'main' },
      },
      'low',
    ],
    [
      'lint on a pull request',
      {
        failureType: 'lint_error',
        transient: false,
        context: { branch: 'feature/x', defaultBranch: 'main' },
      },
      'low',
    ],
    [
      'transient failure on the default branch',
      {
        failureType: 'infrastructure',
        transient: true,
        context: { job: 'test', branch: 'main', defaultBranch: 'main' },
      },
      'low',
    ],
    [
      'transient failure of a deploy job on the default branch',
      {
        failureType: 'infrastructure',
        transient: true,
        context: { job: 'deploy', branch: 'main', defaultBranch: 'main' },
      },
      'low',
    ],
    [
      'a severity fixed by a user rule wins',
      {
        failureType: 'build_error',
        transient: false,
        context: { job: 'deploy', branch: 'main', defaultBranch: 'main' },
        ruleSeverity: 'medium',
      },
      'medium',
    ],
  ];

  it.each(table)('%s → %s', (_name, input, expected) => {
    expect(severityOf(input)).toBe(expected);
  });

  it('takes the patterns as inputs', () => {
    const rules = { ...DEFAULT_SEVERITY_RULES, protectedBranches: ['stable-*'], deployJobs: ['ship-*'] };
    const ctx = { branch: 'stable-7', defaultBranch: 'main' };
    expect(severityOf({ failureType: 'test_failure', transient: false, context: ctx }, rules)).toBe('high');
    expect(
      severityOf(
        { failureType: 'test_failure', transient: false, context: { ...ctx, job: 'ship-it' } },
        rules,
      ),
    ).toBe('critical');
    // "main" is no longer protected with these rules, and is not the default branch here.
    expect(
      severityOf(
        {
          failureType: 'test_failure',
          transient: false,
          context: { branch: 'main', defaultBranch: 'trunk' },
        },
        rules,
      ),
    ).toBe('medium');
  });

  it('matches globs on the whole name, case-insensitively, with regex characters taken literally', () => {
    expect(globToRegExp('release/*').test('release/1.2')).toBe(true);
    expect(globToRegExp('release/*').test('prerelease/1.2')).toBe(false);
    expect(globToRegExp('*deploy*').test('Deploy to prod')).toBe(true);
    expect(globToRegExp('v1.2').test('v1x2')).toBe(false);
  });
});

describe('fingerprint', () => {
  it('is the same for two real runs of the same failure (timestamps, line numbers and temp paths differ)', async () => {
    // Two runs of terraform's "Quick Checks" job, two weeks apart, failing on go.mod/go.sum (fixtures/README.md).
    const [a, b] = await Promise.all([
      analyzeFixture('github-go-mod-tidy-a.log'),
      analyzeFixture('github-go-mod-tidy-b.log'),
    ]);
    const [rawA, rawB] = await Promise.all([
      readFile(fixture('github-go-mod-tidy-a.log'), 'utf8'),
      readFile(fixture('github-go-mod-tidy-b.log'), 'utf8'),
    ]);
    expect(rawA).not.toBe(rawB);
    expect(a.rootCauseLine).not.toBe(b.rootCauseLine); // the error is on a different line in each
    expect(a.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprintLines.join('\n')).toContain('go.mod/go.sum are not up-to-date');
  });

  it('is the same when only timestamps, durations, line numbers, temp paths and SHAs change', async () => {
    const original = await readFile(fixture('github-go-test-terraform.log'), 'utf8');
    const shifted = original
      // Later timestamps.
      .replace(/^2022-04-12T19:(\d\d):/gm, (_m, mm: string) => `2022-05-03T07:${mm}:`)
      // Other durations.
      .replace(/\((\d+)\.(\d+)s\)/g, '(1.$2s)')
      .replace(/\t0\.574s/, '\t2.918s')
      // The failing assertion moved in the source file.
      .replace(/testing\.go:192:/g, 'testing.go:207:');
    const extra = [
      '2022-05-03T07:19:59.0000000Z Temporary directory /tmp/go-build3922417/b001 created',
      '2022-05-03T07:19:59.1000000Z HEAD is now at 9f8e7d6c5b4a39281706f5e4d3c2b1a098765432',
    ].join('\n');
    const variant = `${extra}\n${shifted}`; // every line number moves by 2
    expect(variant).not.toContain('testing.go:192');

    const [a, b] = await Promise.all([analyzeText(original), analyzeText(variant)]);
    expect(b.rootCauseLine).toBe((a.rootCauseLine ?? 0) + 2);
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprintLines).toEqual(b.fingerprintLines);
  });

  it('differs for two different failures of the same test in the same job', async () => {
    // Both runs fail TestCloud_configWithEnvVars in terraform's internal/cloud package, for different reasons.
    const [tokens, workspace] = await Promise.all([
      analyzeFixture('github-go-test-terraform.log'),
      analyzeFixture('github-go-test-terraform-other.log'),
    ]);
    expect(tokens.failureType).toBe('test_failure');
    expect(workspace.failureType).toBe('test_failure');
    expect(tokens.fingerprint).not.toBe(workspace.fingerprint);
    expect(tokens.fingerprintLines.join('\n')).toContain('missing API token');
    expect(workspace.fingerprintLines.join('\n')).toContain('invalid workspace');
  });

  it('differs for different failure types', async () => {
    const [test, deps] = await Promise.all([
      analyzeFixture('github-go-test-terraform.log'),
      analyzeFixture('github-go-mod-tidy-a.log'),
    ]);
    expect(test.fingerprint).not.toBe(deps.fingerprint);
  });

  it('names the failing jest test in the key: the same assertion in another test is another failure (real log)', async () => {
    // fixtures/github-jest-pnpm.log: `● pnpm config get reads npm options …`, then Expected/Received.
    const original = await readFile(fixture('github-jest-pnpm.log'), 'utf8');
    const a = await analyzeText(original);
    expect(a.fingerprintLines).toContain(
      'test: test/config/get.ts pnpm config get reads npm options but ignores other settings from .npmrc',
    );
    // Another test of the same file failing on the same values.
    const other = original.replace(
      'pnpm config get reads npm options but ignores other settings from .npmrc',
      'pnpm config get reads the scoped registry',
    );
    expect(other).not.toBe(original);
    const b = await analyzeText(other);
    expect(b.excerpts.map((e) => [e.startLine, e.endLine])).toEqual(
      a.excerpts.map((e) => [e.startLine, e.endLine]),
    );
    expect(b.fingerprint).not.toBe(a.fingerprint);
    // The same test in a later run (other timestamps and durations): the same fingerprint.
    const later = original
      .replace(/^2026-05-06T13:(\d\d):/gm, (_m, mm: string) => `2026-05-09T08:${mm}:`)
      .replace('(17.807 s)', '(21.004 s)');
    expect(later).not.toBe(original);
    expect((await analyzeText(later)).fingerprint).toBe(a.fingerprint);
  });

  const jest = (test: string, expected: number, received: number, file = 'src/cart.test.js') =>
    [
      '> widgets@1.0.0 test',
      '> jest',
      '',
      'PASS src/format.test.js',
      `FAIL ${file}`,
      `  ● ${test}`,
      '',
      '    expect(received).toBe(expected) // Object.is equality',
      '',
      `    Expected: ${expected}`,
      `    Received: ${received}`,
      '',
      `      at Object.toBe (${file}:14:26)`,
      '',
      'Tests:       1 failed, 5 passed, 6 total',
      '##[error]Process completed with exit code 1.',
      '',
    ].join('\n');

  it('two jest tests failing on a numeric toBe are two fingerprints; one test with other numbers is one', async () => {
    const [discount, tax, discountAgain] = await Promise.all([
      analyzeText(jest('Cart › applies the discount to the total', 90, 100)),
      analyzeText(jest('Cart › adds the tax', 12, 10)),
      analyzeText(jest('Cart › applies the discount to the total', 45, 50)),
    ]);
    expect(discount.fingerprintLines.slice(0, 2)).toEqual(['Expected: <n>', 'Received: <n>']);
    expect(discount.fingerprintLines).toContain(
      'test: src/cart.test.js Cart › applies the discount to the total',
    );
    expect(tax.fingerprint).not.toBe(discount.fingerprint);
    expect(discountAgain.fingerprint).toBe(discount.fingerprint);
    // The same test name in another file is another test.
    const elsewhere = await analyzeText(
      jest('Cart › applies the discount to the total', 90, 100, 'src/order.test.js'),
    );
    expect(elsewhere.fingerprint).not.toBe(discount.fingerprint);
  });

  it('without a test name, masked values alone are never the key: the place of the assertion, else the values', async () => {
    const framed = (file: string) =>
      [
        'Expected: 90',
        'Received: 100',
        '',
        '  Error: expect failed',
        `      at Object.toBe (${file}:14:26)`,
        '',
      ].join('\n');
    const bare = (expected: number) => [`Expected: ${expected}`, 'Received: 100', ''].join('\n');
    const [a, b, c, d, e] = await Promise.all([
      analyzeText(framed('src/cart.test.js')),
      analyzeText(framed('src/tax.test.js')),
      analyzeText(bare(90)),
      analyzeText(bare(45)),
      analyzeText(bare(90)),
    ]);
    for (const f of [a, b, c, d])
      expect(
        f.fingerprintLines.every((l) => /^(?:Expected|Received): <n>$/.test(l)),
        JSON.stringify(f.fingerprintLines),
      ).toBe(false);
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(c.fingerprintLines).toEqual(['Expected: 90', 'Received: 100']);
    expect(c.fingerprint).not.toBe(d.fingerprint);
    expect(e.fingerprint).toBe(c.fingerprint);
  });

  it.each([
    [
      'go test',
      ['=== RUN   TestTotal', '    cart_test.go:14: got 100, want 90', '--- FAIL: TestTotal (0.00s)', 'FAIL'],
      'TestTotal',
    ],
    [
      'pytest',
      [
        '_________________________ TestCart.test_total _________________________',
        '',
        '    def test_total(self):',
        '>       assert total() == 90',
        'E       assert 100 == 90',
      ],
      'TestCart.test_total',
    ],
    [
      'Maven Surefire',
      [
        '[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0',
        '[ERROR] testTotal(com.acme.CartTest)  Time elapsed: 0.01 s  <<< FAILURE!',
        'java.lang.AssertionError: expected:<90> but was:<100>',
      ],
      'com.acme.CartTest.testTotal',
    ],
    [
      'RSpec',
      [
        'Failures:',
        '  1) Cart total applies the discount',
        '     Failure/Error: expect(cart.total).to eq(90)',
        '       expected: 90',
        '            got: 100',
        '',
        'rspec ./spec/cart_spec.rb:12 # Cart total applies the discount',
      ],
      'spec/cart_spec.rb Cart total applies the discount',
    ],
  ])('names the failing test of %s', async (_runner, lines, name) => {
    const finding = await analyzeText(lines.join('\n') + '\n');
    expect(finding.fingerprintLines.join('\n')).toContain(name.replace(/\d+/g, '<n>'));
  });

  const GENERIC = /exit code|exited with|ELIFECYCLE|\*\*\*|Finished: FAILURE|BUILD FAILURE/i;

  it('is not keyed on "Process completed with exit code 1" when the failing block has a specific line (real log)', async () => {
    // fixtures/github-go-mod-tidy-a.log: "ERROR: go.mod/go.sum are not up-to-date…" directly followed by
    // "##[error]Process completed with exit code 1."
    const finding = await analyzeFixture('github-go-mod-tidy-a.log');
    expect(finding.fingerprintLines.length).toBeGreaterThan(0);
    expect(finding.fingerprintLines.join('\n')).not.toMatch(/exit code/i);
  });

  it.each([
    [
      'GitHub Actions',
      [
        '##[group]Run npx tsc --noEmit',
        'npx tsc --noEmit',
        '##[endgroup]',
        "src/app.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
        '##[error]Process completed with exit code 1.',
      ],
    ],
    [
      'make',
      [
        'gcc -O2 -c src/main.c -o src/main.o',
        "src/main.c:12:5: error: implicit declaration of function 'foo'",
        'make: *** [Makefile:12: src/main.o] Error 1',
      ],
    ],
    [
      'npm',
      [
        '> app@1.0.0 build',
        '> webpack',
        "Module not found: Error: Can't resolve './Foo' in '/app/src'",
        'npm ERR! code ELIFECYCLE',
        'npm ERR! errno 2',
        'npm ERR! app@1.0.0 build: `webpack`',
        'npm ERR! Exit status 2',
      ],
    ],
    [
      'Jenkins',
      [
        '+ mvn -B test',
        '[ERROR] /var/lib/jenkins/workspace/app/src/main/java/App.java:[12,5] cannot find symbol',
        '[INFO] BUILD FAILURE',
        'ERROR: script returned exit code 1',
        'Finished: FAILURE',
      ],
    ],
  ])('is keyed on the specific line, not the generic one (%s)', async (_name, lines) => {
    const finding = await analyzeText(lines.join('\n') + '\n');
    expect(finding.fingerprintLines.length).toBeGreaterThan(0);
    for (const line of finding.fingerprintLines) expect(line).not.toMatch(GENERIC);
  });
});
