/**
 * JavaScript and TypeScript: npm, yarn (classic and berry), pnpm; tsc; babel, webpack, vite, rollup, esbuild;
 * Sass; jest, vitest, mocha, jasmine, karma, ava, node:test, Playwright Test; eslint, prettier, stylelint.
 *
 * Each pattern follows the shape the tool's own reporter prints (its format strings, documentation or test
 * fixtures, named beside each tool below). The failing test's name and the assertion or compiler message are
 * detail (7–9); counts and lists of failed tests are recaps (3–4).
 */
import { type Ecosystem, R } from './rule.js';

export const javascript: Ecosystem = {
  name: 'JavaScript and TypeScript',
  file: 'javascript',
  rules: [
    // npm: the error codes of `npm install`/`npm ci` that say the dependency tree cannot be built, and the
    // lockfile check of `npm ci` (npm/cli lib/commands/ci.js, lib/utils/validate-lockfile.js).
    R(
      'dep.npm',
      9,
      'dependency_error',
      /npm (?:ERR!|error) code (?:E404|ETARGET|ERESOLVE|EINTEGRITY|ENOVERSIONS|EBADENGINE|ENOTARGET|EUSAGE)|npm (?:ERR!|error) (?:404|notarget|peer dep|ERESOLVE|Could not resolve dependency|Conflicting peer dependency|missing:|invalid:)|No matching version found for|`npm ci` can only install packages when your package\.json and package-lock\.json|^(?:npm (?:ERR!|error) )?(?:Missing: \S+ from lock file|Invalid: lock file's \S+ does not satisfy)|is not in this registry/i,
      [
        'npm ERR! code ERESOLVE',
        'npm ERR! Conflicting peer dependency: typescript@5.0.4',
        'npm error `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.',
      ],
    ),
    // yarn classic (yarnpkg/yarn src/reporters/lang/en.js) and berry (the YN codes of yarnpkg.com/advanced/error-codes
    // that stop an install: 0009 build failed, 0018 checksum mismatch, 0028 lockfile would change, 0035 package
    // not found). Warnings (YN0002 missing peer, `warning … has incorrect peer dependency`) are not failures.
    R(
      'dep.yarn',
      9,
      'dependency_error',
      /Couldn't find any versions for "|Couldn't find package "[^"]+"(?: required by "[^"]+")? on the "\w+" registry|Your lockfile needs to be updated, but yarn was run with|Outdated lockfile\. Please run `yarn install`|The engine "[^"]+" is incompatible with this module|error An unexpected error occurred: ".*(?:404|Not found)|\bYN00(?:09|18|28|35): |\bYN0001: .*(?:resolve|fetch|No candidates found)|The lockfile would have been modified by this install/i,
      [
        'error Your lockfile needs to be updated, but yarn was run with `--frozen-lockfile`.',
        '➤ YN0028: The lockfile would have been modified by this install, which is explicitly forbidden.',
      ],
    ),
    // pnpm: the ERR_PNPM_ codes of pnpm.io/errors that mean the dependencies cannot be installed as locked.
    R(
      'dep.pnpm',
      9,
      'dependency_error',
      /ERR_PNPM_(?:OUTDATED_LOCKFILE|NO_MATCHING_VERSION\w*|FETCH_\d{3}|META_FETCH_FAIL|TARBALL_INTEGRITY|PEER_DEP_ISSUES|LOCKFILE\w*|NO_LOCKFILE|UNSUPPORTED_ENGINE|UNEXPECTED_STORE|WORKSPACE_PKG_NOT_FOUND)\b|lockfile (?:is )?(?:out of date|outdated|needs to be updated)/i,
      [
        ' ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date with package.json',
      ],
    ),
    R('build.tsc', 9, 'build_error', /\berror TS\d{4,5}\b/, [
      "src/a.ts:1:14 - error TS4094: Property 'p' of exported class expression may not be private or protected.",
      "src/app.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
    ]),
    // tsc's closing count, with `--watch` after a timestamp: `[12:00:00 AM] Found 1 error. Watching for file changes.`
    R('build.tsc-summary', 3, 'build_error', /(?:^|\] )Found [1-9]\d* errors?(?:\.|\s+in\s)/, [
      'Found 1 error.',
      'Found 3 errors in 2 files.',
    ]),
    // webpack: `ERROR in <module>` and the loader/resolver message under it.
    R(
      'build.webpack',
      8,
      'build_error',
      /^ERROR in \S+|Module not found: Error: Can't resolve '[./]|Module build failed\b|Module parse failed: |You may need an appropriate loader to handle this file type/,
      [
        'ERROR in ./src/index.js',
        'Module parse failed: /home/dalip/Desktop/todo-react/src/index.js Unexpected token (11:2)',
      ],
    ),
    // babel (and anything that reports a parse error the way babel does): `SyntaxError: <file>: <message> (line:col)`.
    R('build.babel', 8, 'build_error', /SyntaxError: .*\(\d+:\d+\)$/, [
      'SyntaxError: manage.js: Unexpected token (2:2)',
    ]),
    // vite: Rollup's failure under `error during build:`, and vite's own resolve failure.
    R('build.vite', 8, 'build_error', /\[vite\]:? Rollup failed to resolve import/, [
      '[vite]: Rollup failed to resolve import "lowlight" from "E:/Project/Openui/src/lib/components/common/RichTextInput.svelte".',
    ]),
    R('build.vite-marker', 5, 'build_error', /^error during build:$/, ['error during build:']),
    // rollup: cli/logging.ts prints `[!] <name>: <message>`, with `(plugin <name>)` when a plugin threw.
    R('build.rollup', 8, 'build_error', /^\[!\] (?:\(plugin [^)]+\) )?\w*Error\b/, [
      '[!] Error: Could not resolve entry module (src/main.js).',
      '[!] RollupError: Could not resolve entry module (src/main.js).',
    ]),
    // esbuild: `✘ [ERROR] <message>` (`X [ERROR]` where the terminal has no Unicode), the one-line form of its
    // API errors (`<file>:<line>:<col>: ERROR: <message>`) and the older `> <file>:<l>:<c>: error: <message>`.
    R(
      'build.esbuild',
      8,
      'build_error',
      /^\s*(?:✘|X) \[ERROR\] \S|^\S+:\d+:\d+: ERROR: \S|^\s*> \S+:\d+:\d+: error: \S/,
      [
        '✘ [ERROR] Could not resolve "serialize-error"',
        'X [ERROR] Could not resolve "@progress/kendo-react-intl"',
      ],
    ),
    R('build.esbuild-summary', 4, 'build_error', /^(?:Error: )?Build failed with [1-9]\d* errors?:?$/, [
      'Error: Build failed with 2 errors:',
    ]),
    // JavaScript syntax errors that no bundler rule above names.
    R(
      'build.js-syntax',
      7,
      'build_error',
      /^(?:\w+: )?SyntaxError: \S|Transform failed with \d+ errors?|Failed to compile\./,
      ['SyntaxError: Unexpected token (3:4)', 'Failed to compile.'],
    ),
    // Sass (dart-sass and node-sass): the message, and dart-sass's `╷` frame or node-sass's `on line N of <file>`.
    R(
      'build.sass',
      7,
      'build_error',
      /^Error: (?:Invalid CSS|Undefined (?:variable|mixin)|Illegal nesting|Inconsistent indentation|File to import not found|expected )|^\s+on line \d+ of \S+|^\s+╷$/,
      ['Error: Undefined variable.', '  ╷'],
    ),
    // jest and vitest: the failing test's title (`● describe › test`), the failed-test marks of jest (✕), vitest (×),
    // Playwright and ava (✘), and jest's matcher hint.
    R(
      'test.jest',
      8,
      'test_failure',
      /^\s*● (?!Console)\S.*(?: › .*)?$|Exceeded timeout of \d+ ms for a (?:test|hook)\b|^\s*(?:✕|×|✗|✘) +(?!\[ERROR\])\S|expect\(.*\)\.(?:to|not|resolves|rejects)\w*|^\s*- Expected\s+- \d+|^\s*\+ Received\s+\+ \d+/,
      [
        '  ● .assertions() › throws',
        '    ✕ throws on redeclare of assertion count',
        '    expect(received).toBeTruthy()',
      ],
    ),
    // The values are the most telling lines of a jest/vitest failure; the file header the least.
    R('test.jest-values', 8.5, 'test_failure', /^\s*(?:Expected|Received)(?: [a-z]+){0,2}:\s/, [
      '    Expected: 2',
      '    Received: 1',
      '    Expected substring: "#fffbeb"',
    ]),
    R('test.jest-file', 6, 'test_failure', /^\s*FAIL\s+\S+\.(?:[jt]sx?|mjs|cjs|vue|svelte)\b/, [
      'FAIL __tests__/assertionCount.test.js',
      ' FAIL  b1.test.ts > b1 failed > b failed test',
    ]),
    // Recaps of the JavaScript test runners: jest's and vitest's summaries, mocha's and Playwright's counts,
    // jasmine's, karma's and ava's totals, node:test's `ℹ fail N`, jest's snapshot count.
    R(
      'test.js-summary',
      4,
      'test_failure',
      /^Tests?:\s+\d+ failed|^Test Suites:\s+\d+ failed|^Snapshots:\s+\d+ failed|^\s*Test Files\s+\d+ failed|^\s*Tests\s+\d+ failed|⎯+ Failed (?:Tests?|Suites?) \d+ ⎯+|^\s*\d+ failing$|^\s*[1-9]\d* (?:tests? )?failed\b|^\d+ specs?, [1-9]\d* failures?|^TOTAL: [1-9]\d* FAILED|Executed \d+ of \d+ \([1-9]\d* FAILED\)|^ℹ fail [1-9]\d*$|^\s*✖ failing tests:$|[1-9]\d* snapshots? failed/,
      [
        'Tests:       1 failed, 1 total',
        ' Test Files  1 failed | 3 passed (4)',
        '1 failing',
        '3 specs, 1 failure',
        'TOTAL: 1 FAILED, 2 SUCCESS',
      ],
    ),
    // mocha (and Cypress, which reports through it): the numbered title of a failure, `  1) <suite> <test>:`.
    R('test.mocha', 6, 'test_failure', /^\s+\d+\) \S.*:$/, ['  1) diff works:']),
    // mocha's own timeout (lib/runnable.js): the test's, not the job's.
    R('test.mocha-timeout', 8, 'test_failure', /Timeout of \d+ms exceeded\. For async tests and hooks/, [
      'Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called; if returning a Promise, ensure it resolves.',
    ]),
    // A JavaScript exception as jest, mocha and node print it under a failing test, indented: `    TypeError: …`.
    R('js.exception', 6, undefined, /^\s+(?:[A-Z][a-z]+)?Error(?: \[[A-Z_]+\])?: \S/, [
      "    TypeError: Cannot read properties of undefined (reading 'map')",
      '  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:',
    ]),
    // jasmine's console reporter: a suite that failed outside its specs.
    R('test.jasmine', 6, 'test_failure', /^Suite error: \S/, ['Suite error: top suite']),
    // karma's base reporter: `<browser> <suite> <spec> FAILED`, and a browser that errored (`<browser> ERROR`).
    R('test.karma', 8, 'test_failure', /^\S.*\([^)]*\) .+ FAILED$|^\S.*\([^)]*\) ERROR$/, [
      'HeadlessChrome 0.0.0 (Linux 0.0.0) Calculator should add FAILED',
    ]),
    // ava: the test file that crashed, and the diff header of a failed assertion.
    R(
      'test.ava',
      7,
      'test_failure',
      /^\s*(?:Uncaught exception|Unhandled rejection) in \S+$|^\s*✘ \S+ exited with a non-zero exit code: \d+|^\s*Difference \(- actual, \+ expected\):$/,
      ['  Uncaught exception in bad-test-chain.cjs', '  Difference (- actual, + expected):'],
    ),
    // node:test's TAP reporter: the YAML diagnostic of a failed test (every failureType it writes is a failure:
    // testCodeFailure, hookFailure, testTimeoutFailure, …).
    R('test.node', 7.5, 'test_failure', /^\s+failureType: '\w+'$/, ["  failureType: 'testCodeFailure'"]),
    // The ✖ of log-symbols, which node:test's spec reporter and many Node CLIs print before what failed; what
    // failed (a test, a lint finding) is for the step to say.
    R('js.error-mark', 7, undefined, /^\s*✖ (?!failing tests:|\d+ problems? \()\S/, [
      '✖ sync throw fail (1.2ms)',
    ]),
    // eslint's stylish formatter: `  line:col  error  <message>  <rule>`. Warnings do not fail the run (without
    // --max-warnings), so they are not matched.
    R('lint.eslint', 8, 'lint_error', /^\s+\d+:\d+\s+error\s+.+?\s{2,}[@\w/-]+$|^\s*\d+:\d+\s+error\s+/, [
      '  5:10  error  Unexpected foo  foo',
      "  12:5  error  'foo' is assigned a value but never used  no-unused-vars",
    ]),
    R('lint.eslint-summary', 4, 'lint_error', /^✖ \d+ problems? \([1-9]\d* errors?/, [
      '✖ 1 problem (1 error, 0 warnings)',
    ]),
    // prettier --check: the files it would change are printed at [warn] level, so the rule must outweigh the
    // warning-prefix noise rule (cancels below 9); `[error] <file>: SyntaxError …` is a file it cannot parse.
    R(
      'lint.prettier',
      9,
      'lint_error',
      /^\[warn\] (?!Code style issues)[^\s:]+\.[a-z]{1,6}$|^\[error\] \S+: \w*Error: /,
      ['[warn] unformatted.js'],
    ),
    R(
      'lint.prettier-summary',
      4,
      'lint_error',
      /Code style issues found in (?:the above file|\d+ files)|Forgot to run Prettier\?/,
      ['Code style issues found in 2 files. Run Prettier with --write to fix.'],
    ),
    // stylelint's string formatter: `  line:col  ✖  <message>  <rule>` (× where the terminal has no Unicode).
    R('lint.stylelint', 8, 'lint_error', /^\s*\d+:\d+\s+(?:✖|×)\s+\S/, [' 1:1  ×  Unexpected foo  bar']),
  ],
  tools: [
    {
      tool: 'jest',
      kind: 'test',
      rules: ['test.jest', 'test.jest-values', 'test.jest-file', 'test.js-summary'],
      examples: [
        {
          line: 'FAIL __tests__/testMacro.test.js',
          source: 'jestjs/jest e2e/__tests__/__snapshots__/failures.test.ts.snap',
          type: 'test_failure',
        },
        {
          line: '  ● use some imported macro to make assertion',
          source: 'jestjs/jest e2e/__tests__/__snapshots__/failures.test.ts.snap',
          type: 'test_failure',
        },
        {
          line: '    expect(received).toEqual(expected)',
          source: 'jestjs/jest e2e/__tests__/__snapshots__/failures.test.ts.snap',
          type: 'test_failure',
        },
        {
          line: '    Expected: 2',
          source: 'jestjs/jest e2e/__tests__/__snapshots__/failures.test.ts.snap',
          type: 'test_failure',
        },
        {
          line: '    Received: 1',
          source: 'jestjs/jest e2e/__tests__/__snapshots__/failures.test.ts.snap',
          type: 'test_failure',
        },
        {
          line: '    ✕ throws on assertion',
          source: 'jestjs/jest e2e/__tests__/__snapshots__/failures.test.ts.snap',
          type: 'test_failure',
        },
        {
          line: 'Tests:       1 failed, 1 total',
          source:
            'jestjs/jest packages/jest-reporters/src/__tests__/__snapshots__/SummaryReporter.test.js.snap',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        { line: 'PASS  ./sum.test.js', source: 'https://jestjs.io/docs/getting-started' },
        { line: '✓ adds 1 + 2 to equal 3 (5ms)', source: 'https://jestjs.io/docs/getting-started' },
        {
          line: 'Tests:       0 total',
          source: 'jestjs/jest packages/jest-reporters/src/__tests__/__snapshots__/getSummary.test.ts.snap',
        },
        {
          line: ' › 1 snapshot written from 1 test suite.',
          source:
            'jestjs/jest packages/jest-reporters/src/__tests__/__snapshots__/SummaryReporter.test.js.snap',
        },
      ],
    },
    {
      tool: 'vitest',
      kind: 'test',
      rules: ['test.jest', 'test.jest-values', 'test.jest-file', 'test.js-summary', 'test.assertion'],
      examples: [
        // The reporter's own tests replace durations with [...]; a real run prints e.g. 2ms.
        {
          line: '   × b1 failed > b failed test 2ms',
          source: 'vitest-dev/vitest test/reporters/tests/default.test.ts',
          type: 'test_failure',
        },
        {
          line: '     → expected 1 to be 2 // Object.is equality',
          source: 'vitest-dev/vitest test/reporters/tests/default.test.ts',
          type: 'test_failure',
        },
        // ` FAIL ` (inverse) and the test's full name, as printTaskErrors writes it.
        {
          line: ' FAIL  b1.test.ts > b1 failed > b failed test',
          source: 'vitest-dev/vitest packages/vitest/src/node/reporters/base.ts',
          type: 'test_failure',
        },
        {
          line: '⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯',
          source: 'vitest-dev/vitest packages/vitest/src/node/reporters/base.ts',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        {
          line: '   ✓ b1 passed > b1 test 1ms',
          source: 'vitest-dev/vitest test/reporters/tests/default.test.ts',
        },
        { line: '   ↓ skipped test #1', source: 'vitest-dev/vitest test/reporters/tests/default.test.ts' },
        {
          line: '✓ fixtures/pass-and-skip-test-suites.test.ts (4 tests | 2 skipped) 5ms',
          source: 'vitest-dev/vitest test/reporters/tests/default.test.ts',
        },
      ],
    },
    {
      tool: 'mocha',
      kind: 'test',
      rules: ['test.mocha', 'test.js-summary', 'test.assertion'],
      examples: [
        {
          line: '  1) diff works:',
          source: 'https://gist.github.com/mantoni/e2927ced1484f01b1fb8',
          type: 'test_failure',
        },
        {
          line: '     AssertionError: "foo" == "bar"',
          source: 'https://gist.github.com/mantoni/e2927ced1484f01b1fb8',
          type: 'test_failure',
        },
        {
          line: '  1 failing',
          source: 'https://gist.github.com/mantoni/e2927ced1484f01b1fb8',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        {
          line: '      ✓ should return -1 when the value is not present',
          source: 'https://mochajs.org/#getting-started',
        },
        { line: '  1 passing (9ms)', source: 'https://mochajs.org/#getting-started' },
        { line: '  0 passing (9ms)', source: 'https://gist.github.com/mantoni/e2927ced1484f01b1fb8' },
      ],
    },
    {
      tool: 'jasmine',
      kind: 'test',
      rules: ['test.jasmine', 'test.js-summary', 'test.assertion'],
      examples: [
        {
          line: 'Suite error: top suite',
          source: 'jasmine/jasmine-npm lib/reporters/console_reporter.js',
          type: 'test_failure',
        },
        {
          line: '3 specs, 1 failure',
          source: 'jasmine/jasmine-npm lib/reporters/console_reporter.js',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        { line: '3 specs, 0 failures', source: 'jasmine/jasmine-npm lib/reporters/console_reporter.js' },
        { line: 'No specs found', source: 'jasmine/jasmine-npm lib/reporters/console_reporter.js' },
        { line: 'Ran 2 of 3 specs', source: 'jasmine/jasmine-npm lib/reporters/console_reporter.js' },
      ],
    },
    {
      tool: 'karma',
      kind: 'test',
      rules: ['test.karma', 'test.js-summary'],
      examples: [
        // SPEC_FAILURE = '%s %s FAILED' (browser, suite and spec).
        {
          line: 'HeadlessChrome 0.0.0 (Linux 0.0.0) Calculator should add FAILED',
          source: 'karma-runner/karma lib/reporters/base.js',
          type: 'test_failure',
        },
        {
          line: 'HeadlessChrome 0.0.0 (Linux 0.0.0): Executed 3 of 3 (1 FAILED) (0.05 secs / 0.01 secs)',
          source: 'karma-runner/karma lib/reporters/base.js',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        {
          line: 'HeadlessChrome 0.0.0 (Linux 0.0.0): Executed 3 of 3 SUCCESS (0.05 secs / 0.01 secs)',
          source: 'karma-runner/karma lib/reporters/base.js',
        },
        { line: 'TOTAL: 3 SUCCESS', source: 'karma-runner/karma lib/reporters/base.js' },
      ],
    },
    {
      tool: 'ava',
      kind: 'test',
      rules: ['test.jest', 'test.ava', 'test.js-summary'],
      examples: [
        {
          line: '  ✘ [fail]: test › fails Test failed via `t.fail()`',
          source: 'avajs/ava test-tap/reporters/default.regular.v22.log',
          type: 'test_failure',
        },
        {
          line: '  Uncaught exception in bad-test-chain.cjs',
          source: 'avajs/ava test-tap/reporters/default.regular.v22.log',
          type: 'test_failure',
        },
        {
          line: '  Difference (- actual, + expected):',
          source: 'avajs/ava test-tap/reporters/default.regular.v22.log',
          type: 'test_failure',
        },
        {
          line: '  13 tests failed',
          source: 'avajs/ava test-tap/reporters/default.regular.v22.log',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        {
          line: '  ✔ [expected fail] test › known failure',
          source: 'avajs/ava test-tap/reporters/default.regular.v22.log',
        },
        {
          line: '  ✔ uncaught-exception › passes',
          source: 'avajs/ava test-tap/reporters/default.regular.v22.log',
        },
        { line: '  - [skip] test › skip', source: 'avajs/ava test-tap/reporters/default.regular.v22.log' },
      ],
    },
    {
      tool: 'node:test',
      kind: 'test',
      rules: ['js.error-mark', 'test.node', 'test.tap', 'test.js-summary'],
      examples: [
        // The spec reporter's marks come from lib/internal/test_runner/reporter/utils.js (the stored fixture
        // lost them); durations are masked as * there.
        {
          line: '✖ sync throw fail (1.2ms)',
          source: 'nodejs/node test/fixtures/test-runner/output/spec_reporter_cli.snapshot',
        },
        {
          line: 'not ok 8 - sync throw fail',
          source: 'nodejs/node test/fixtures/test-runner/output/output.snapshot',
          type: 'test_failure',
        },
        {
          line: "  failureType: 'testCodeFailure'",
          source: 'nodejs/node test/fixtures/test-runner/output/output.snapshot',
          type: 'test_failure',
        },
        {
          line: 'ℹ fail 25',
          source: 'nodejs/node test/fixtures/test-runner/output/spec_reporter_cli.snapshot',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        { line: 'ok 7 - sync pass', source: 'nodejs/node test/fixtures/test-runner/output/output.snapshot' },
        {
          line: 'ok 5 - sync skip pass # SKIP',
          source: 'nodejs/node test/fixtures/test-runner/output/output.snapshot',
        },
        {
          line: 'ok 1 - sync pass todo # TODO',
          source: 'nodejs/node test/fixtures/test-runner/output/output.snapshot',
        },
        {
          line: 'ℹ pass 35',
          source: 'nodejs/node test/fixtures/test-runner/output/spec_reporter_cli.snapshot',
        },
      ],
    },
    {
      tool: 'Playwright Test',
      kind: 'test',
      rules: ['test.jest', 'test.js-summary'],
      examples: [
        {
          line: '✘  [foo] › a.test.ts:6:7 › fails',
          source: 'microsoft/playwright tests/playwright-test/reporter-list.spec.ts',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        {
          line: '✓  [foo] › a.test.ts:9:7 › passes',
          source: 'microsoft/playwright tests/playwright-test/reporter-list.spec.ts',
        },
        {
          line: '-  [foo] › a.test.ts:12:12 › skipped',
          source: 'microsoft/playwright tests/playwright-test/reporter-list.spec.ts',
        },
      ],
    },
    {
      tool: 'tsc',
      kind: 'build',
      rules: ['build.tsc', 'build.tsc-summary'],
      examples: [
        {
          line: "src/a.ts:1:14 - error TS4094: Property 'p' of exported class expression may not be private or protected.",
          source: 'microsoft/TypeScript tests/baselines/reference/tsbuild/noCheck/outFile/dts-errors.js',
          type: 'build_error',
        },
        {
          line: 'Found 1 error.',
          source: 'microsoft/TypeScript tests/baselines/reference/tsbuild/noCheck/outFile/dts-errors.js',
          type: 'build_error',
        },
      ],
      lookalikes: [
        {
          line: '[12:00:00 AM] Found 0 errors. Watching for file changes.',
          source:
            'microsoft/TypeScript tests/baselines/reference/tscWatch/emitAndErrorUpdates/defaultAndD/transitive-exports/no-circular-import/export-with-incremental.js',
        },
        {
          line: "[12:00:00 AM] Building project '/src/tsconfig.json'...",
          source: 'microsoft/TypeScript tests/baselines/reference/tsbuild/noCheck/outFile/dts-errors.js',
        },
      ],
    },
    {
      tool: 'babel',
      kind: 'build',
      rules: ['build.babel'],
      examples: [
        {
          line: 'SyntaxError: manage.js: Unexpected token (2:2)',
          source: 'https://github.com/babel/babel/issues/2666',
          type: 'build_error',
        },
      ],
      lookalikes: [
        { line: 'example.js -> build/example.js', source: 'https://github.com/react/react/issues/5578' },
      ],
    },
    {
      tool: 'webpack',
      kind: 'build',
      rules: ['build.webpack', 'build.babel'],
      examples: [
        {
          line: 'ERROR in ./src/index.js',
          source: 'https://github.com/babel/babel-loader/issues/492',
          type: 'build_error',
        },
        {
          line: 'Module parse failed: /home/dalip/Desktop/todo-react/src/index.js Unexpected token (11:2)',
          source: 'https://github.com/babel/babel-loader/issues/492',
          type: 'build_error',
        },
        {
          line: 'Module build failed: SyntaxError: /home/ubuntu/workspace/app/index.js: Unexpected token (7:6)',
          source: 'https://github.com/uidotdev/react-course/issues/11',
          type: 'build_error',
        },
      ],
      lookalikes: [
        {
          line: 'bundle.js  3.1 kB       0  [emitted]  main',
          source: 'https://github.com/babel/babel-loader/issues/492',
        },
        { line: '    + 1005 hidden modules', source: 'socketwiz/webpack-errors README.md' },
        {
          line: 'WARNING in ./node_modules/formidable/lib/incoming_form.js',
          source: 'socketwiz/webpack-errors README.md',
        },
      ],
    },
    {
      tool: 'vite',
      kind: 'build',
      rules: ['build.vite', 'build.vite-marker'],
      examples: [
        {
          line: '[vite]: Rollup failed to resolve import "@datasert/cronjs-parser" from "C:/Users/pasha/Code/paisa/src/lib/transaction_sequence.ts".',
          source: 'https://github.com/ananthakumaran/paisa/issues/79',
          type: 'build_error',
        },
        {
          line: 'error during build:',
          source: 'https://github.com/open-webui/open-webui/issues/7675',
          type: 'build_error',
        },
      ],
      lookalikes: [
        {
          line: 'vite v4.4.8 building SSR bundle for production...',
          source: 'https://github.com/ananthakumaran/paisa/issues/79',
        },
        { line: '✓ 223 modules transformed.', source: 'https://github.com/ananthakumaran/paisa/issues/79' },
        { line: '✓ built in 15.20s', source: 'https://github.com/ananthakumaran/paisa/issues/79' },
      ],
    },
    {
      tool: 'rollup',
      kind: 'build',
      rules: ['build.rollup'],
      examples: [
        // handleError prints `[!] <name>: <message>`, with `(plugin <name>)` before it when a plugin threw.
        {
          line: '[!] RollupError: Could not resolve entry module (src/main.js).',
          source: 'rollup/rollup cli/logging.ts',
          type: 'build_error',
        },
      ],
      lookalikes: [],
    },
    {
      tool: 'esbuild',
      kind: 'build',
      rules: ['build.esbuild', 'build.esbuild-summary'],
      examples: [
        {
          line: '✘ [ERROR] Could not resolve "serialize-error"',
          source: 'https://github.com/sindresorhus/serialize-error/issues/89',
          type: 'build_error',
        },
        {
          line: 'node_modules/.pnpm/pdfh5@1.4.9/node_modules/pdfh5/js/pdf.js:22:244110: ERROR: Could not resolve "canvas"',
          source: 'https://github.com/gjTool/pdfh5/issues/190',
          type: 'build_error',
        },
        {
          line: 'Error: Build failed with 1 error:',
          source: 'https://github.com/gjTool/pdfh5/issues/190',
          type: 'build_error',
        },
      ],
      lookalikes: [],
    },
    {
      tool: 'eslint',
      kind: 'lint',
      rules: ['lint.eslint', 'lint.eslint-summary'],
      examples: [
        {
          line: '  5:10  error  Unexpected foo  foo',
          source: 'eslint/eslint tests/lib/cli-engine/formatters/stylish.js',
          type: 'lint_error',
        },
        {
          line: "  0:0  error  Couldn't find foo.js",
          source: 'eslint/eslint tests/lib/cli-engine/formatters/stylish.js',
          type: 'lint_error',
        },
        {
          line: '✖ 2 problems (2 errors, 0 warnings)',
          source: 'eslint/eslint tests/lib/cli-engine/formatters/stylish.js',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        {
          line: '✖ 1 problem (0 errors, 1 warning)',
          source: 'eslint/eslint tests/lib/cli-engine/formatters/stylish.js',
        },
      ],
    },
    {
      tool: 'prettier',
      kind: 'lint',
      rules: ['lint.prettier', 'lint.prettier-summary'],
      examples: [
        {
          line: '[warn] unformatted.js',
          source: 'prettier/prettier tests/integration/__tests__/__snapshots__/check.js.snap',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        {
          line: 'Checking formatting...',
          source: 'prettier/prettier tests/integration/__tests__/__snapshots__/check.js.snap',
        },
        {
          line: 'All matched files use Prettier code style!',
          source: 'https://prettier.io/docs/en/cli.html',
        },
      ],
    },
    {
      tool: 'stylelint',
      kind: 'lint',
      rules: ['lint.stylelint', 'lint.generic'],
      examples: [
        {
          line: ' 1:1  ×  Unexpected foo  bar',
          source: 'stylelint/stylelint lib/formatters/__tests__/stringFormatter.test.mjs',
          type: 'lint_error',
        },
        {
          line: '3 problems (3 errors, 0 warnings)',
          source: 'stylelint/stylelint lib/formatters/__tests__/stringFormatter.test.mjs',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        {
          line: '1 problem (0 errors, 1 warning)',
          source: 'stylelint/stylelint lib/formatters/__tests__/stringFormatter.test.mjs',
        },
      ],
    },
    {
      tool: 'npm',
      kind: 'package',
      rules: ['dep.npm'],
      examples: [
        {
          line: 'npm ERR! code ERESOLVE',
          source: 'jeehay-park/TIL dependencyError.md',
          type: 'dependency_error',
        },
        {
          line: 'npm ERR! Conflicting peer dependency: typescript@5.0.4',
          source: 'jeehay-park/TIL dependencyError.md',
          type: 'dependency_error',
        },
        {
          line: 'npm error `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.',
          source: 'npm/cli lib/commands/ci.js',
          type: 'dependency_error',
        },
      ],
      lookalikes: [
        {
          line: 'npm ERR! A complete log of this run can be found in:',
          source: 'jeehay-park/TIL dependencyError.md',
        },
      ],
    },
    {
      tool: 'yarn (classic)',
      kind: 'package',
      rules: ['dep.yarn'],
      examples: [
        {
          line: 'error Your lockfile needs to be updated, but yarn was run with `--frozen-lockfile`.',
          source: 'yarnpkg/yarn src/reporters/lang/en.js',
          type: 'dependency_error',
        },
        {
          line: 'error Couldn\'t find any versions for "left-pad" that matches "^9.0.0"',
          source: 'yarnpkg/yarn src/reporters/lang/en.js',
          type: 'dependency_error',
        },
      ],
      lookalikes: [
        { line: 'success Already up-to-date.', source: 'yarnpkg/yarn src/reporters/lang/en.js' },
        {
          line: 'warning package-lock.json found. Your project contains lock files generated by tools other than Yarn. It is advised not to mix package managers in order to avoid resolution inconsistencies caused by unsynchronized lock files. To clear this warning, remove package-lock.json.',
          source: 'yarnpkg/yarn src/reporters/lang/en.js',
        },
        {
          line: 'info Visit https://yarnpkg.com/en/docs/cli/run for documentation about this command.',
          source: 'https://github.com/open-webui/open-webui/issues/7675',
        },
      ],
    },
    {
      tool: 'yarn (berry)',
      kind: 'package',
      rules: ['dep.yarn'],
      examples: [
        {
          line: '➤ YN0028: The lockfile would have been modified by this install, which is explicitly forbidden.',
          source: 'https://gitlab.com/kalilinux/packages/starkiller/-/issues/4',
          type: 'dependency_error',
        },
      ],
      lookalikes: [],
    },
    {
      tool: 'pnpm',
      kind: 'package',
      rules: ['dep.pnpm'],
      examples: [
        {
          line: ' ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date with package.json',
          source: 'https://pnpm.io/errors',
          type: 'dependency_error',
        },
      ],
      lookalikes: [],
    },
  ],
};
