/**
 * PHP: PHPUnit, Pest, phpt tests (run-tests.php), PHP parse errors, PHP_CodeSniffer, PHPStan, Composer.
 */
import { type Ecosystem, R } from './rule.js';

export const php: Ecosystem = {
  name: 'PHP',
  file: 'php',
  rules: [
    // PHPUnit: the numbered `N) <Class>::<test>` of each failure; the counts after it are recaps.
    R('test.phpunit', 8, 'test_failure', /^\d+\) [\w\\]+::\w+/, [
      '1) PHPUnit\\TestFixture\\FailureTest::testAssertArrayEqualsArray',
    ]),
    R(
      'test.phpunit-summary',
      4,
      'test_failure',
      /^There (?:was|were) \d+ (?:failures?|errors?):|^(?:FAILURES|ERRORS)!$|^Tests: \d+, Assertions: \d+, (?:.*\b)?(?:Failures|Errors): [1-9]/,
      ['There were 13 failures:', 'FAILURES!', 'Tests: 10, Assertions: 10, Failures: 10.'],
    ),
    // php-src's run-tests.php: `FAIL <title> [<file>.phpt]`.
    R('test.phpt', 7, 'test_failure', /^FAIL .*\[\S+\.phpt\]/, [
      'FAIL Test sprintf() function : basic functionality - string format [ext/standard/tests/strings/sprintf_basic1.phpt]',
    ]),
    // Pest (through Collision): `FAILED  <Class> > <test>` over the message, the ⨯ mark of a failed test.
    R('test.pest', 8, 'test_failure', /^\s*FAILED\s+\S.* > \S|^\s*⨯ \S/, [
      '   FAILED  Tests\\Fixtures\\CollisionTest > error                     Exception   ',
      '  ⨯ error',
    ]),
    R('test.pest-summary', 4, 'test_failure', /^\s*Tests:\s+[1-9]\d* failed\b/, [
      '  Tests:    1 failed, 1 passed (1 assertions)',
    ]),
    // A PHP fatal error that ends the script (a test run or a tool): what failed is for the step to say.
    R('php.fatal', 7, undefined, /^(?:PHP )?(?:Fatal error|Catchable fatal error): /, [
      "PHP Fatal error:  Uncaught Error: Class 'Foo' not found in /app/src/a.php:3",
    ]),
    R('build.php-parse', 8, 'build_error', /^(?:PHP )?Parse error: /, [
      "PHP Parse error:  syntax error, unexpected '}' in /app/src/Foo.php on line 12",
    ]),
    // PHP_CodeSniffer's full report: ` <line> | ERROR | [x] <message>`; the FOUND line is its recap.
    R('lint.phpcs', 8, 'lint_error', /^\s*\d+ \| ERROR\s+\| /, [
      '  2 | ERROR   | [ ] Missing file doc comment',
    ]),
    R('lint.phpcs-summary', 4, 'lint_error', /^FOUND [1-9]\d* ERRORS?\b|^A TOTAL OF [1-9]\d* ERROR/, [
      'FOUND 4 ERRORS AND 1 WARNING AFFECTING 5 LINES',
    ]),
    // PHPStan's table: a `Line   <file>` header over the findings in that file, and its count.
    R('lint.phpstan', 6, 'lint_error', /^ {2}Line {3}\S+\.php$/, ['  Line   foo.php']),
    R('lint.phpstan-summary', 4, 'lint_error', /^\s*\[ERROR\] Found [1-9]\d* errors?$/, [
      ' [ERROR] Found 1 error',
    ]),
    // Composer: the solver's verdict and each problem it lists (composer/composer tests/Composer/Test/Fixtures/
    // installer/solver-problems.test).
    R(
      'dep.composer',
      9,
      'dependency_error',
      /Your requirements could not be resolved to an installable set of packages|Your lock file does not contain a compatible set of packages|^\s+- .+ requires .+(?:it could not be found|could not be found in any version|but it does not match|does not satisfy that requirement|but it conflicts with|has the wrong version installed|is missing from your system)/,
      [
        'Your requirements could not be resolved to an installable set of packages.',
        '    - Root composer.json requires non-existent/pkg, it could not be found in any version, there may be a typo in the package name.',
      ],
    ),
  ],
  tools: [
    {
      tool: 'PHPUnit',
      kind: 'test',
      rules: ['test.phpunit', 'test.phpunit-summary', 'test.assertion'],
      examples: [
        {
          line: '1) PHPUnit\\TestFixture\\FailureTest::testAssertArrayEqualsArray',
          source: 'sebastianbergmann/phpunit tests/end-to-end/failure.phpt',
          type: 'test_failure',
        },
        {
          line: 'Failed asserting that two arrays are equal.',
          source: 'sebastianbergmann/phpunit tests/end-to-end/failure.phpt',
          type: 'test_failure',
        },
        {
          line: 'There were 13 failures:',
          source: 'sebastianbergmann/phpunit tests/end-to-end/failure.phpt',
          type: 'test_failure',
        },
        {
          line: 'FAILURES!',
          source: 'sebastianbergmann/phpunit PHPUnit/Tests/TextUI/failure-verbose-isolation.phpt',
          type: 'test_failure',
        },
        {
          line: 'Tests: 10, Assertions: 10, Failures: 10.',
          source: 'sebastianbergmann/phpunit PHPUnit/Tests/TextUI/failure-verbose-isolation.phpt',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        {
          line: 'PHPUnit 9.5.0 by Sebastian Bergmann and contributors.',
          source: 'sebastianbergmann/phpunit tests/end-to-end/failure.phpt',
        },
        {
          line: 'FFFFFFFFFFFFF                                                     13 / 13 (100%)',
          source: 'sebastianbergmann/phpunit tests/end-to-end/failure.phpt',
        },
      ],
    },
    {
      tool: 'Pest',
      kind: 'test',
      rules: ['test.pest', 'test.pest-summary'],
      examples: [
        {
          line: '   FAILED  Tests\\Fixtures\\CollisionTest > error                     Exception   ',
          source: 'pestphp/pest tests/.snapshots/collision.txt',
          type: 'test_failure',
        },
        { line: '  ⨯ error', source: 'pestphp/pest tests/.snapshots/collision.txt', type: 'test_failure' },
      ],
      lookalikes: [{ line: '  ✓ success', source: 'pestphp/pest tests/.snapshots/collision.txt' }],
    },
    {
      tool: 'PHP_CodeSniffer (phpcs)',
      kind: 'lint',
      rules: ['lint.phpcs', 'lint.phpcs-summary'],
      examples: [
        {
          line: '  2 | ERROR   | [ ] Missing file doc comment',
          source: 'https://github.com/PHPCSStandards/PHP_CodeSniffer/wiki/Reporting',
          type: 'lint_error',
        },
        {
          line: ' 13 | ERROR   | [x] TRUE, FALSE and NULL must be lowercase; expected "false" but found "FALSE"',
          source: 'https://github.com/PHPCSStandards/PHP_CodeSniffer/wiki/Reporting',
          type: 'lint_error',
        },
        {
          line: 'FOUND 4 ERRORS AND 1 WARNING AFFECTING 5 LINES',
          source: 'https://github.com/PHPCSStandards/PHP_CodeSniffer/wiki/Reporting',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        {
          line: 'FILE: /path/to/code/myfile.php',
          source: 'https://github.com/PHPCSStandards/PHP_CodeSniffer/wiki/Reporting',
        },
        {
          line: ' 11 | WARNING | [x] Inline control structures are discouraged',
          source: 'https://github.com/PHPCSStandards/PHP_CodeSniffer/wiki/Reporting',
        },
      ],
    },
    {
      tool: 'PHPStan',
      kind: 'lint',
      rules: ['lint.phpstan', 'lint.phpstan-summary'],
      examples: [
        {
          line: '  Line   foo.php',
          source: 'phpstan/phpstan-src tests/PHPStan/Command/ErrorFormatter/TableErrorFormatterTest.php',
          type: 'lint_error',
        },
        {
          line: ' [ERROR] Found 4 errors',
          source: 'phpstan/phpstan-src tests/PHPStan/Command/ErrorFormatter/TableErrorFormatterTest.php',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        {
          line: ' [OK] No errors',
          source: 'phpstan/phpstan-src tests/PHPStan/Command/ErrorFormatter/TableErrorFormatterTest.php',
        },
      ],
    },
    {
      tool: 'Composer',
      kind: 'package',
      rules: ['dep.composer'],
      examples: [
        {
          line: 'Your requirements could not be resolved to an installable set of packages.',
          source: 'composer/composer tests/Composer/Test/Fixtures/installer/solver-problems.test',
          type: 'dependency_error',
        },
        {
          line: '    - Root composer.json requires non-existent/pkg, it could not be found in any version, there may be a typo in the package name.',
          source: 'composer/composer tests/Composer/Test/Fixtures/installer/solver-problems.test',
          type: 'dependency_error',
        },
        {
          line: '    - package/found6 2.0.0 requires stable-requiree-excluded/pkg2 1.0.1 -> found stable-requiree-excluded/pkg2[1.0.0] but it does not match the constraint.',
          source: 'composer/composer tests/Composer/Test/Fixtures/installer/solver-problems.test',
          type: 'dependency_error',
        },
        {
          line: '    - Root composer.json requires php 1 but your php version (7.4.3) does not satisfy that requirement.',
          source: 'composer/composer tests/Composer/Test/Fixtures/installer/solver-problems.test',
          type: 'dependency_error',
        },
      ],
      lookalikes: [
        {
          line: 'Loading composer repositories with package information',
          source: 'composer/composer tests/Composer/Test/Fixtures/installer/solver-problems.test',
        },
        {
          line: 'Updating dependencies',
          source: 'composer/composer tests/Composer/Test/Fixtures/installer/solver-problems.test',
        },
      ],
    },
  ],
};
