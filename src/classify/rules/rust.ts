/**
 * Rust: rustc and cargo diagnostics; clippy; rustfmt; cargo's resolver and registry; compile-fail test harnesses
 * (trybuild, compiletest); cargo test (libtest) and cargo nextest.
 */
import { type Ecosystem, R } from './rule.js';

const BOOK_TESTS = 'https://doc.rust-lang.org/book/ch11-01-writing-tests.html';
const TRYBUILD = 'dtolnay/trybuild README.md';
const CLIPPY_UI = 'rust-lang/rust-clippy tests/ui/needless_return.stderr';
const NEXTEST = 'nextest-rs/nextest site/src/outputs/run-output.ansi';
const RESOLVER_DOC = 'consensus-shipyard/ipc docs-gitbook/reference/troubleshooting.md';

/** cargo's and libtest's own `error:` lines, which say that something failed rather than what. */
const CARGO_RECAPS =
  "test failed|test run failed|[Cc]ould not compile|aborting due|failed to run custom build|process didn't exit successfully|\\d+ (?:previous )?errors?";

export const rust: Ecosystem = {
  name: 'Rust',
  file: 'rust',
  rules: [
    // rustc's diagnostics: an error code is rustc's own signature; `error: message` without one is also
    // printed by many other tools, so it weighs less, and its type comes from the `--> file.rs` line under it.
    R('build.rust', 9, 'build_error', /^\s*error\[E\d{4}\]: /, [
      'error[E0594]: cannot assign to data in a `&` reference',
    ]),
    R(
      'build.rust-message',
      6,
      undefined,
      new RegExp(`^error: (?!${CARGO_RECAPS}|could not find \`Cargo\\.toml\`)\\S`),
      ['error: no rules expected the token `,`', 'error: unknown serde field attribute `qqq`'],
    ),
    R('build.rust-location', 5, 'build_error', /^\s+--> \S+\.rs:\d+:\d+$/, [
      '  --> $DIR/write-a-readonly.rs:17:26',
    ]),
    R(
      'build.rust-summary',
      3.5,
      'build_error',
      /^error: (?:[Cc]ould not compile|aborting due to|failed to run custom build command)|^error: process didn't exit successfully/,
      [
        'error: aborting due to 63 previous errors',
        'error: could not compile `variables` (bin "variables") due to 1 previous error',
      ],
    ),
    // clippy denied by `-D warnings` (or a lint that is deny by default): what turns its finding into a failure.
    R(
      'lint.clippy',
      7,
      'lint_error',
      /^\s*= note: `-D clippy::[\w-]+` implied by `-D warnings`|^\s*= note: `#\[deny\(clippy::\w+\)\]` on by default|^\s*= help: to override `-D warnings` add `#\[allow\(clippy::\w+\)\]`/,
      [
        '   = note: `-D clippy::needless-return` implied by `-D warnings`',
        '   = help: to override `-D warnings` add `#[allow(clippy::needless_return)]`',
      ],
    ),
    // rustfmt --check: `Diff in src/lib.rs:12:` (before 1.6: `Diff in src/lib.rs at line 12:`).
    R('lint.rustfmt', 8, 'lint_error', /^Diff in \S+(?: at line \d+|:\d+):$/, ['Diff in src/lib.rs:1:']),
    // cargo's resolver and registry.
    R(
      'dep.cargo',
      9,
      'dependency_error',
      /failed to select a version for (?:the requirement )?`|candidate versions found which didn't match|all possible versions conflict with previously selected packages|^error: no matching package (?:named `\S+` )?found|^error: failed to get `\S+` as a dependency of package|the lock file \S+ needs to be updated but --locked was passed|^error: failed to (?:download|load source for dependency|fetch|update registry)|^error: checksum for `\S+` changed between lock files|cannot be built because it requires rustc \S+ or newer|failed to get successful HTTP response from/,
      [
        'error: failed to select a version for `fvm_sdk`.',
        '  failed to select a version for the requirement `cloud_terrastodon_azure_types = "^0.2.0"`',
      ],
    ),
    // Compile-fail (UI) test harnesses — trybuild, compiletest — fail when the compiler's diagnostics change:
    // what broke is the build's output, not a test's assertion.
    R(
      'build.ui-test-mismatch',
      8.5,
      'build_error',
      /^\s*test \S+(?: \[should (?:pass|fail to compile)\])? \.\.\. (?:mismatch|error)$|^\s*(?:EXPECTED|ACTUAL OUTPUT):$|^\s*expected: .*\.stderr|error: test failed, .* compile_fail|^Expected test case to fail to compile, but it succeeded\./,
      ['test missing-repr.rs [should fail to compile] ... mismatch', 'ACTUAL OUTPUT:'],
    ),
    R(
      'build.ui-test-harness',
      9.5,
      'build_error',
      /panicked at \S*\/(?:trybuild|compiletest(?:_rs)?|ui_test)-[\d.]+\//,
      [
        "thread 'ui' panicked at /home/u/.cargo/registry/src/github.com-1ecc6299db9ec823/trybuild-1.0.80/src/run.rs:101:13:",
      ],
    ),
    // cargo test (libtest): the panic that failed a test is its detail; `... FAILED` names the test; the
    // `failures:` list, `test result: FAILED.` and cargo's `error: test failed` summarise.
    R('test.rust-panic', 8.5, 'test_failure', /^thread '.*' (?:\(\d+\) )?panicked at /, [
      "thread 'tests::another' panicked at src/lib.rs:17:9:",
      "thread 'two_is_two' panicked at 'assertion failed: `(left == right)`",
    ]),
    R('test.rust', 7.5, 'test_failure', /^test \S+ \.\.\. FAILED$|^---- \S+ stdout ----$/, [
      'test tests::another ... FAILED',
      '---- tests::another stdout ----',
    ]),
    R(
      'test.rust-summary',
      3.5,
      'test_failure',
      /^test result: FAILED\.|^error: test failed, to rerun pass|^failures:$/,
      [
        'test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s',
        'error: test failed, to rerun pass `--lib`',
      ],
    ),
    // cargo nextest: `FAIL [ 0.005s] crate tests::name` per test; the Summary and `error: test run failed`.
    R(
      'test.nextest',
      7.5,
      'test_failure',
      /^\s*(?:FAIL|SIGSEGV|SIGABRT|SIGKILL|ABORT|LEAK-FAIL) \[\s*[\d.]+m?s\] \S+ \S/,
      ['        FAIL [   0.005s] nextest-runner reporter::tests::test_write_skip_counts'],
    ),
    R('timeout.nextest', 8, 'timeout', /^\s*TIMEOUT \[\s*[\d.]+m?s\] \S+ \S/, [
      '     TIMEOUT [  60.002s] nextest-runner reporter::tests::test_write_skip_counts',
    ]),
    R(
      'test.nextest-summary',
      3.5,
      'test_failure',
      /^\s*Summary \[\s*[\d.]+m?s\] \d+ tests? run: .*\b[1-9]\d* (?:failed|timed out)|^error: test run failed/,
      ['error: test run failed'],
    ),
  ],
  tools: [
    {
      tool: 'rustc / cargo build',
      kind: 'build',
      rules: ['build.rust', 'build.rust-message', 'build.rust-location', 'build.rust-summary'],
      examples: [
        {
          line: 'error[E0594]: cannot assign to data in a `&` reference',
          source: TRYBUILD,
          type: 'build_error',
        },
        { line: '  --> $DIR/write-a-readonly.rs:17:26', source: TRYBUILD, type: 'build_error' },
        { line: 'error: no rules expected the token `,`', source: TRYBUILD },
        { line: 'error: aborting due to 63 previous errors', source: CLIPPY_UI, type: 'build_error' },
        {
          line: 'error: could not compile `variables` (bin "variables") due to 1 previous error',
          source: 'https://doc.rust-lang.org/book/ch03-01-variables-and-mutability.html',
          type: 'build_error',
        },
      ],
      lookalikes: [
        {
          line: 'warning: unused variable: `x`',
          source: 'https://doc.rust-lang.org/book/ch03-01-variables-and-mutability.html',
        },
        {
          line: '   = note: `#[warn(unused_variables)]` on by default',
          source: 'https://doc.rust-lang.org/rustc/lints/index.html',
        },
        {
          line: '    Finished `dev` profile [unoptimized + debuginfo] target(s) in 0.42s',
          source: 'https://doc.rust-lang.org/cargo/commands/cargo-build.html',
        },
      ],
    },
    {
      tool: 'cargo test',
      kind: 'test',
      rules: ['test.rust-panic', 'test.rust', 'test.rust-summary'],
      examples: [
        {
          line: "thread 'tests::another' panicked at src/lib.rs:17:9:",
          source: BOOK_TESTS,
          type: 'test_failure',
        },
        {
          line: "thread 'two_is_two' panicked at 'assertion failed: `(left == right)`",
          source: 'https://dhghomon.github.io/easy_rust/Chapter_58.html',
          type: 'test_failure',
        },
        { line: 'test tests::another ... FAILED', source: BOOK_TESTS, type: 'test_failure' },
        { line: '---- tests::another stdout ----', source: BOOK_TESTS, type: 'test_failure' },
        { line: 'error: test failed, to rerun pass `--lib`', source: BOOK_TESTS, type: 'test_failure' },
      ],
      lookalikes: [
        { line: 'test tests::exploration ... ok', source: BOOK_TESTS },
        { line: 'test tests::returns_error ... ok', source: BOOK_TESTS },
        {
          line: 'test tests::expensive_test ... ignored',
          source: 'https://doc.rust-lang.org/book/ch11-02-running-tests.html',
        },
        {
          line: 'test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s',
          source: BOOK_TESTS,
        },
        { line: 'running 0 tests', source: BOOK_TESTS },
        {
          line: 'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
          source: BOOK_TESTS,
        },
      ],
    },
    {
      tool: 'cargo nextest',
      kind: 'test',
      rules: ['test.nextest', 'timeout.nextest', 'test.nextest-summary'],
      examples: [
        {
          line: '        FAIL [   0.005s] nextest-runner reporter::tests::test_write_skip_counts',
          source: 'nextest-rs/nextest site/src/docs/running.md',
          type: 'test_failure',
        },
        {
          line: '     TIMEOUT [  60.002s] nextest-runner reporter::tests::test_write_skip_counts',
          source: 'nextest-rs/nextest site/src/docs/features/slow-tests.md',
          type: 'timeout',
        },
        {
          line: 'error: test run failed',
          source: 'https://nexte.st/rustdoc/nextest_metadata/enum.NextestExitCode',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        {
          line: '        PASS [   0.014s] nextest-runner reporter::tests::test_write_skip_counts',
          source: NEXTEST,
        },
        { line: '     Summary [   0.021s] 14 tests run: 14 passed, 177 skipped', source: NEXTEST },
        { line: '    Starting 14 tests across 3 binaries (177 tests skipped)', source: NEXTEST },
      ],
    },
    {
      tool: 'clippy',
      kind: 'lint',
      rules: ['lint.clippy', 'build.rust-message'],
      examples: [
        {
          line: '   = note: `-D clippy::needless-return` implied by `-D warnings`',
          source: CLIPPY_UI,
          type: 'lint_error',
        },
        {
          line: '   = help: to override `-D warnings` add `#[allow(clippy::needless_return)]`',
          source: CLIPPY_UI,
          type: 'lint_error',
        },
        { line: 'error: unneeded `return` statement', source: CLIPPY_UI },
      ],
      lookalikes: [
        {
          line: '   = note: `#[warn(clippy::needless_return)]` on by default',
          source: 'https://doc.rust-lang.org/clippy/usage.html',
        },
        {
          line: '   = help: for further information visit https://rust-lang.github.io/rust-clippy/master/index.html#needless_return',
          source: 'https://doc.rust-lang.org/clippy/usage.html',
        },
        { line: 'help: remove `return`', source: CLIPPY_UI },
      ],
    },
    {
      tool: 'rustfmt',
      kind: 'lint',
      rules: ['lint.rustfmt'],
      examples: [
        {
          line: 'Diff in src/lib.rs:1:',
          source: 'rust-lang/rustfmt src/emitter/diff.rs',
          type: 'lint_error',
        },
        {
          line: 'Diff in /app/src/main.rs at line 4:',
          source: 'rust-lang/rustfmt src/rustfmt_diff.rs',
          type: 'lint_error',
        },
      ],
      lookalikes: [],
    },
    {
      tool: 'cargo (resolution and registry)',
      kind: 'package',
      rules: ['dep.cargo'],
      examples: [
        {
          line: 'error: failed to select a version for `fvm_sdk`.',
          source: RESOLVER_DOC,
          type: 'dependency_error',
        },
        {
          line: 'all possible versions conflict with previously selected packages.',
          source: RESOLVER_DOC,
          type: 'dependency_error',
        },
        {
          line: '  failed to select a version for the requirement `cloud_terrastodon_azure_types = "^0.2.0"`',
          source: 'AAFC-Cloud/Cloud-Terrastodon CONTRIBUTING.md',
          type: 'dependency_error',
        },
        {
          line: 'error: no matching package named `serde_jsonn` found',
          source: 'rust-lang/cargo src/cargo/core/resolver/errors.rs',
          type: 'dependency_error',
        },
      ],
      lookalikes: [
        { line: '    Updating crates.io index', source: 'AAFC-Cloud/Cloud-Terrastodon CONTRIBUTING.md' },
        {
          line: '  location searched: crates.io index',
          source: 'AAFC-Cloud/Cloud-Terrastodon CONTRIBUTING.md',
        },
      ],
    },
    {
      tool: 'trybuild / compiletest',
      kind: 'test',
      rules: ['build.ui-test-mismatch', 'build.ui-test-harness'],
      examples: [
        {
          line: 'test missing-repr.rs [should fail to compile] ... mismatch',
          source: 'dtolnay/trybuild src/message.rs',
          type: 'build_error',
        },
        {
          line: 'Expected test case to fail to compile, but it succeeded.',
          source: 'dtolnay/trybuild src/message.rs',
          type: 'build_error',
        },
        { line: 'ACTUAL OUTPUT:', source: 'dtolnay/trybuild src/message.rs', type: 'build_error' },
      ],
      lookalikes: [
        {
          line: 'test missing-repr.rs [should fail to compile] ... ok',
          source: 'dtolnay/trybuild src/message.rs',
        },
        { line: 'There are no trybuild tests enabled yet.', source: 'dtolnay/trybuild src/message.rs' },
      ],
    },
  ],
};
