/**
 * Rust: rustc and cargo diagnostics; compile-fail test harnesses (trybuild, compiletest); cargo test.
 */
import { type Ecosystem, R } from './rule.js';

export const rust: Ecosystem = {
  name: 'Rust',
  file: 'rust',
  rules: [
    R(
      'build.rust',
      9,
      'build_error',
      /^error(?:\[E\d{4}\])?: (?!test failed|test run failed|[Cc]ould not compile|aborting due|failed to run custom build|process didn't exit successfully|\d+ (?:previous )?errors?|cannot find (?:macro|derive)|unused)|^\s*error\[E\d{4}\]/,
      ['error[E0308]: mismatched types', 'error: expected one of `,`, `.`, or `?`, found `;`'],
    ),
    R(
      'build.rust-summary',
      3.5,
      'build_error',
      /^error: (?:[Cc]ould not compile|aborting due to|failed to run custom build command)|^error: process didn't exit successfully/,
      ['error: could not compile `tokio` (lib) due to 2 previous errors'],
    ),
    R('build.rust-location', 4, undefined, /^\s+--> \S+:\d+:\d+$/, ['  --> src/lib.rs:12:5']),
    // Compile-fail (UI) test harnesses — trybuild, compiletest — fail when the compiler's diagnostics change:
    // what broke is the build's output, not a test's assertion.
    R(
      'build.ui-test-mismatch',
      8.5,
      'build_error',
      /\[should fail to compile\] \.\.\. mismatch$|^\s*(?:EXPECTED|ACTUAL OUTPUT):$|^\s*expected: .*\.stderr|error: test failed, .* compile_fail/,
      [
        '    test tests/fail/macros_type_mismatch.rs [should fail to compile] ... mismatch',
        '    ACTUAL OUTPUT:',
      ],
    ),
    R(
      'build.ui-test-harness',
      9.5,
      'build_error',
      /panicked at \S*\/(?:trybuild|compiletest(?:_rs)?|ui_test)-[\d.]+\//,
      [
        "    thread 'compile_fail_full' (25975) panicked at /home/runner/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/trybuild-1.0.116/src/run.rs:102:13:",
      ],
    ),
    R(
      'test.rust',
      8,
      'test_failure',
      /^test \S+ \.\.\. FAILED$|^---- \S+ stdout ----$|thread '.*' panicked at|^test result: FAILED\.|^error: test failed, to rerun pass|^failures:$/,
      [
        'test tests::it_adds ... FAILED',
        "thread 'tests::it_adds' panicked at src/lib.rs:10:9:",
        'test result: FAILED. 3 passed; 1 failed; 0 ignored',
      ],
    ),
  ],
  tools: [],
};
