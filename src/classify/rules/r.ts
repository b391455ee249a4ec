/**
 * R: testthat, R CMD check, R errors.
 */
import { type Ecosystem, R } from './rule.js';

export const r: Ecosystem = {
  name: 'R',
  file: 'r',
  rules: [
    // testthat 3e: `── Failure ('test-foo.R:12:3'): adds numbers ──…` (the location quoted since 3.1; `--` and
    // `==` rules where the locale has no UTF-8, as in most R CMD check logs), `-- 1. Failure (…)` in the summary
    // reporter; testthat 2: `Failure (@test-foo.R#12): …`; testthat ≤ 0.11: `1. Failure (at test-foo.R#12): …`.
    R(
      'test.testthat',
      8,
      'test_failure',
      /^(?:──|--) (?:\d+\. )?(?:Failure|Error) \('?[^\s':]+:\d+(?::\d+)?'?\): |^(?:Failure|Error) \(@\S+#\d+\): |^\s*\d+\. (?:Failure|Error): .* \(@\S+#\d+\)|^\s*\d+\. (?:Failure|Error) \(at \S+#\d+\): /,
      ["── Failure ('test-math.R:12:3'): adds numbers ──────────────────────────────────"],
    ),
    R(
      'test.testthat-summary',
      4,
      'test_failure',
      /^\[ FAIL [1-9]\d* \| WARN \d+ \| SKIP \d+ \| PASS \d+ \]|^Error: (?:Test failures|testthat unit tests failed)$|^(?:══|==) Failed tests (?:═|=)+/,
      ['[ FAIL 1 | WARN 0 | SKIP 0 | PASS 12 ]', 'Error: Test failures'],
    ),
    // testthat's progress line with no failure (`[ FAIL 0 | WARN 0 | SKIP 0 | PASS 7 ]`): the word FAIL in it is not
    // one.
    R('noise.testthat-pass', 0, undefined, /^\[ FAIL 0 \| WARN \d+ \| SKIP \d+ \| PASS \d+ \]/, ['[ FAIL 0 | WARN 0 | SKIP 0 | PASS 7 ]'], {
      noise: true,
    }),
    // R CMD check: `* checking tests ... ERROR`, `Status: 1 ERROR, 1 WARNING`.
    R(
      'test.r-cmd-check',
      7,
      undefined,
      /^(?:\* )?checking .+ \.\.\. ERROR$|R CMD check found ERRORs|^Running the tests in .* failed\.$/,
      ['* checking tests ... ERROR', '* checking examples ... ERROR'],
    ),
    // A WARNING fails the check only with --as-cran or error-on = "warning": weak.
    R('test.r-cmd-check-warning', 3, undefined, /^\* checking .+ \.\.\. WARNING$/, ['* checking for code/documentation mismatches ... WARNING']),
    R('test.r-cmd-check-status', 4, undefined, /^Status: (?:[1-9]\d* ERRORs?|[1-9]\d* WARNINGs?)/, ['Status: 1 ERROR, 1 NOTE']),
    R(
      'test.r-error',
      6,
      undefined,
      /^Error in \S.* : |^Error: package or namespace load failed for|^Error in loadNamespace\(/,
      ["Error in library(foo) : there is no package called 'foo'"],
    ),
  ],
  tools: [
    {
      tool: 'testthat',
      kind: 'test',
      rules: ['test.testthat', 'test.testthat-summary'],
      examples: [
        {
          line: "-- Failure ('reporters/tests.R:12:3'): Failure:1 -------------------------------",
          source: 'r-lib/testthat tests/testthat/_snaps/reporter-check.md (https://rdrr.io/cran/testthat/f/tests/testthat/_snaps/reporter-check.md)',
          type: 'test_failure',
        },
        {
          line: "-- Error ('reporters/tests.R:23:3'): Error:1 -----------------------------------",
          source: 'r-lib/testthat tests/testthat/_snaps/reporter-check.md (https://rdrr.io/cran/testthat/f/tests/testthat/_snaps/reporter-check.md)',
          type: 'test_failure',
        },
        {
          line: "── Failure ('reporters/tests.R:12:3'): Failure:1 ───────────────────────────────",
          source: 'the same snapshot as cli draws it in a UTF-8 locale',
          type: 'test_failure',
        },
        {
          line: "-- 1. Failure ('reporters/tests.R:13:3'): Failure:1 ----------------------------",
          source: 'r-lib/testthat tests/testthat/_snaps/reporter-summary.md (https://rdrr.io/cran/testthat/f/tests/testthat/_snaps/reporter-summary.md)',
          type: 'test_failure',
        },
        { line: '[ FAIL 4 | WARN 1 | SKIP 3 | PASS 1 ]', source: 'r-lib/testthat tests/testthat/_snaps/reporter-check.md (https://rdrr.io/cran/testthat/f/tests/testthat/_snaps/reporter-check.md)', type: 'test_failure' },
        { line: '  7. Failure (at test-iso8601.r#144): Pelago non-matching ', source: 'https://github.com/gaborcsardi/parsedate/issues/11 (testthat 0.11)', type: 'test_failure' },
      ],
      lookalikes: [
        { line: '[ FAIL 0 | WARN 0 | SKIP 0 | PASS 7 ]', source: 'r-lib/testthat tests/testthat/_snaps/reporter-check.md (https://rdrr.io/cran/testthat/f/tests/testthat/_snaps/reporter-check.md)' },
        { line: "-- Warning ('reporters/tests.R:47:5'): warnings get backtraces -----------------", source: 'r-lib/testthat tests/testthat/_snaps/reporter-check.md (https://rdrr.io/cran/testthat/f/tests/testthat/_snaps/reporter-check.md)' },
        { line: '== Skipped tests (3) ===========================================================', source: 'r-lib/testthat tests/testthat/_snaps/reporter-check.md (https://rdrr.io/cran/testthat/f/tests/testthat/_snaps/reporter-check.md)' },
        { line: '  OK: 87 SKIPPED: 0 FAILED: 0', source: 'https://github.com/cmap/cmapR/issues/8 (testthat 1.x)' },
      ],
    },
    {
      tool: 'R CMD check',
      kind: 'test',
      rules: ['test.r-cmd-check', 'test.r-cmd-check-warning', 'test.r-cmd-check-status', 'test.r-error', 'dep.other'],
      examples: [
        { line: "Running the tests in ‘tests/testthat.R’ failed.", source: 'https://github.com/cmap/cmapR/issues/8' },
        { line: 'checking tests ... ERROR', source: 'https://github.com/gaborcsardi/parsedate/issues/11' },
        { line: 'Status: 1 ERROR', source: 'https://github.com/gaborcsardi/parsedate/issues/11' },
        { line: 'Status: 1 ERROR, 2 WARNINGs, 1 NOTE', source: 'https://cran.r-project.org/doc/manuals/r-release/R-exts.html#Checking-packages' },
        {
          line: "Error in library(foo) : there is no package called 'foo'",
          source: 'https://stat.ethz.ch/R-manual/R-devel/library/base/html/library.html',
          type: 'dependency_error',
        },
      ],
      lookalikes: [
        { line: "* checking for file ‘RJafroc/DESCRIPTION’ ... OK", source: 'https://github.com/dpc10ster/RJafroc/issues/19' },
        { line: '* checking R files for syntax errors ... OK', source: 'https://github.com/dpc10ster/RJafroc/issues/19' },
        { line: 'Status: OK', source: 'https://cran.r-project.org/doc/manuals/r-release/R-exts.html#Checking-packages' },
        { line: 'Status: 2 NOTEs', source: 'https://cran.r-project.org/doc/manuals/r-release/R-exts.html#Checking-packages' },
      ],
    },
  ],
};
