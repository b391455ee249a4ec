/**
 * R: testthat, R CMD check, R errors.
 */
import { type Ecosystem, R } from './rule.js';

export const r: Ecosystem = {
  name: 'R',
  file: 'r',
  rules: [
    // testthat 3e: `── Failure (test-foo.R:12:3): adds numbers ──…`; testthat 2: `Failure (@test-foo.R#12): …`.
    R(
      'test.testthat',
      8,
      'test_failure',
      /^── (?:Failure|Error) \(\S+:\d+(?::\d+)?\): |^(?:Failure|Error) \(@\S+#\d+\): |^\s*\d+\. (?:Failure|Error): .* \(@\S+#\d+\)/,
      ['── Failure (test-math.R:12:3): adds numbers ──────────────────────────────────'],
    ),
    R(
      'test.testthat-summary',
      4,
      'test_failure',
      /^\[ FAIL [1-9]\d* \| WARN \d+ \| SKIP \d+ \| PASS \d+ \]|^Error: Test failures$|^══ Failed tests ═+/,
      ['[ FAIL 1 | WARN 0 | SKIP 0 | PASS 12 ]', 'Error: Test failures'],
    ),
    // R CMD check: `* checking tests ... ERROR`, `Status: 1 ERROR, 1 WARNING`.
    R(
      'test.r-cmd-check',
      7,
      undefined,
      /^\* checking .+ \.\.\. ERROR$|R CMD check found ERRORs|^Running the tests in .* failed\.$/,
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
          line: '── Failure (test-expectations.R:8:3): equality ────────────────────────────────',
          source: 'https://testthat.r-lib.org/articles/test-fixtures.html (reporter output)',
          type: 'test_failure',
        },
        { line: '[ FAIL 1 | WARN 0 | SKIP 0 | PASS 4 ]', source: 'r-lib/testthat R/reporter-progress.R', type: 'test_failure' },
        { line: 'Error: Test failures', source: 'r-lib/testthat R/test-package.R', type: 'test_failure' },
      ],
      lookalikes: [
        { line: '══ Testing test-math.R ═════════════════════════════════════════════════════════', source: 'r-lib/testthat R/reporter-progress.R' },
      ],
    },
    {
      tool: 'R CMD check',
      kind: 'test',
      rules: ['test.r-cmd-check', 'test.r-cmd-check-warning', 'test.r-cmd-check-status', 'test.r-error', 'dep.other'],
      examples: [
        { line: '* checking tests ... ERROR', source: 'https://cran.r-project.org/doc/manuals/r-release/R-exts.html#Checking-packages' },
        { line: 'Status: 1 ERROR, 2 WARNINGs, 1 NOTE', source: 'https://cran.r-project.org/doc/manuals/r-release/R-exts.html#Checking-packages' },
        {
          line: "Error in library(foo) : there is no package called 'foo'",
          source: 'https://stat.ethz.ch/R-manual/R-devel/library/base/html/library.html',
          type: 'dependency_error',
        },
      ],
      lookalikes: [
        { line: '* checking tests ... OK', source: 'https://cran.r-project.org/doc/manuals/r-release/R-exts.html#Checking-packages' },
        { line: 'Status: OK', source: 'https://cran.r-project.org/doc/manuals/r-release/R-exts.html#Checking-packages' },
        { line: 'Status: 2 NOTEs', source: 'https://cran.r-project.org/doc/manuals/r-release/R-exts.html#Checking-packages' },
      ],
    },
  ],
};
