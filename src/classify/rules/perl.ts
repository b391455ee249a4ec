/**
 * Perl and TAP: TAP producers and consumers: prove, Test::More; perl compile errors.
 */
import { type Ecosystem, R } from './rule.js';

const TEST_MORE = 'https://metacpan.org/pod/Test::More';
const HARNESS = 'https://metacpan.org/pod/TAP::Harness';

export const perl: Ecosystem = {
  name: 'Perl and TAP',
  file: 'perl',
  rules: [
    // A `not ok` line marked `# TODO` or `# SKIP` is an expected failure, not one.
    R(
      'test.tap',
      7,
      'test_failure',
      /^\s*not ok \d+(?![^#]*#\s*(?:TODO|SKIP))|^# (?:fail|failed)\s+[1-9]|^\s*#\s+Failed test/i,
      ['not ok 3 - parses dates', '#   Failed test at t/basic.t line 12.'],
    ),
    R(
      'test.tap-summary',
      4,
      'test_failure',
      /^# Looks like you failed [1-9]\d* tests? of \d+|^\S+ \.+ ?Dubious, test returned [1-9]|\(Wstat: \d+(?: \([^)]*\))? Tests: \d+ Failed: [1-9]\d*\)|^Result: FAIL$|^Failed [1-9]\d*\/\d+ (?:test programs|subtests)/,
      ['# Looks like you failed 1 test of 5.', 'Result: FAIL'],
    ),
    R(
      'build.perl',
      8,
      'build_error',
      /^syntax error at \S+ line \d+, near |^Global symbol "\S+" requires explicit package name|^BEGIN failed--compilation aborted at |^Compilation failed in require at |^Can't locate object method "\w+" via package /,
      ['syntax error at lib/App.pm line 12, near "}"'],
    ),
  ],
  tools: [
    {
      tool: 'Test::More',
      kind: 'test',
      rules: ['test.tap', 'test.tap-summary'],
      examples: [
        { line: 'not ok 17 - Is foo the same as bar?', source: 'https://metacpan.org/pod/Test::More (is: the diagnostics it produces)', type: 'test_failure' },
        { line: "#   Failed test 'Is foo the same as bar?'", source: 'https://metacpan.org/pod/Test::More (is)', type: 'test_failure' },
        { line: '# Looks like you failed 1 test of 3.', source: 'https://metacpan.org/pod/Test::Builder', type: 'test_failure' },
      ],
      lookalikes: [
        { line: 'ok 1 - use Foo;', source: TEST_MORE },
        { line: 'not ok 3 - parses ISO weeks # TODO not implemented yet', source: 'https://testanything.org/tap-version-13-specification.html (TODO directive)' },
        { line: 'ok 4 # skip no network', source: 'https://testanything.org/tap-version-13-specification.html (SKIP directive)' },
      ],
    },
    {
      tool: 'prove (TAP::Harness)',
      kind: 'test',
      rules: ['test.tap', 'test.tap-summary'],
      examples: [
        { line: 't/basic.t .. Dubious, test returned 1 (wstat 256, 0x100)', source: HARNESS, type: 'test_failure' },
        {
          line: 't/basic.t (Wstat: 256 Tests: 5 Failed: 1)',
          source: 'Perl-Toolchain-Gang/Test-Harness lib/TAP/Formatter/Base.pm (_summary_test_header: "$test$spaces(Wstat: %d Tests: %d Failed: %d)")',
          type: 'test_failure',
        },
        {
          line: 't0610-reftable-basics.sh                         (Wstat: 256 (exited 1) Tests: 90 Failed: 1)',
          source: 'later Test-Harness releases add the exit status after the wait status, as in the git test suite summary on https://lore.kernel.org/git/ (v2.52.0-rc0 on cygwin)',
          type: 'test_failure',
        },
        { line: 'Result: FAIL', source: HARNESS, type: 'test_failure' },
      ],
      lookalikes: [
        { line: 'All tests successful.', source: HARNESS },
        { line: 'Files=3, Tests=42,  1 wallclock secs ( 0.05 usr  0.01 sys +  0.40 cusr  0.06 csys =  0.52 CPU)', source: HARNESS },
        { line: 'Result: PASS', source: HARNESS },
        { line: 't/001_initdb.pl (Wstat: 0 Tests: 50 Failed: 0)', source: 'Perl-Toolchain-Gang/Test-Harness lib/TAP/Formatter/Base.pm (_summary_test_header, a script listed for its TODO passes)' },
      ],
    },
    {
      tool: 'perl',
      kind: 'build',
      rules: ['build.perl', 'dep.module-missing'],
      examples: [
        { line: 'BEGIN failed--compilation aborted at t/basic.t line 3.', source: 'https://perldoc.perl.org/perldiag', type: 'build_error' },
        {
          line: "Can't locate Test/Deep.pm in @INC (you may need to install the Test::Deep module) (@INC contains: /usr/lib/perl5) at t/basic.t line 4.",
          source: 'https://perldoc.perl.org/perldiag',
          type: 'dependency_error',
        },
      ],
      lookalikes: [],
    },
  ],
};
