/**
 * Erlang and Elixir: ExUnit, mix compile, credo; EUnit, Common Test, erlc and rebar3; Erlang error reports.
 */
import { type Ecosystem, R } from './rule.js';

const EXUNIT = 'elixir-lang/elixir lib/ex_unit/lib/ex_unit/cli_formatter.ex';

export const beam: Ecosystem = {
  name: 'Erlang and Elixir',
  file: 'beam',
  rules: [
    R(
      'test.erlang-elixir',
      7,
      undefined,
      /^\*\* \((?:\w+\.)*\w+\) |^=ERROR REPORT====|^\s*\*\* exception error:|^\{'EXIT',|^Reason: |^\S+_SUITE:\S+ failed$|^\s+\d+\) test .+ \(\S+\)$/,
      [
        '** (ArithmeticError) bad argument in arithmetic expression',
        '** (MatchError) no match of right hand side value: 2',
        'foo_SUITE:init_per_suite failed',
        '  1) test adds (MathTest)',
      ],
    ),
    // ExUnit's assertion report under `  1) test … (Module)`: the failed assertion, then code/left/right.
    R(
      'test.exunit-assertion',
      8,
      'test_failure',
      /^\s+(?:Assertion with \S+ failed|Expected truthy, got |Expected false or nil, got |match \(=\) failed|Assertion failed|Expected exception \S+ but|Expected \S+ to be received|No message matching .* after \d+ms|Expected the given function to raise)/,
      ['     Assertion with == failed'],
    ),
    // The closing count of ExUnit (`3 tests, 1 failure`, `1 doctest, 2 tests, 1 failure`) and of bats.
    R(
      'test.count-failures',
      4,
      'test_failure',
      /^(?:\d+ (?:doctests?|propert(?:y|ies)|features?), )*\d+ tests?, [1-9]\d* failures?\b/,
      ['3 tests, 1 failure'],
    ),
    R(
      'build.mix',
      8,
      'build_error',
      /^\*\* \((?:CompileError|SyntaxError|TokenMissingError|MismatchedDelimiterError)\) |(?:failed|aborted after successful execution) due to warnings while using the --warnings-as-errors option|^== Compilation error in file \S+ ==$/,
      ['** (CompileError) lib/foo.ex:3: undefined function bar/0'],
    ),
    R(
      'lint.credo',
      5,
      'lint_error',
      /found (?:[\d]+ [\w ]+, )*[1-9]\d* (?:warnings?|refactoring opportunit(?:y|ies)|code readability issues?|software design suggestions?|consistency issues?)\b/,
      ['85 mods/funs, found 1 consistency issue, 2 warnings, 3 code readability issues.'],
    ),
    // EUnit: `foo_tests: bar_test...*failed*`, the `**error:{assertEqual,…}` term, the closing count.
    R(
      'test.eunit',
      8,
      'test_failure',
      /\.\.\.\*failed\*$|^\s*\*\*(?:error|exit|throw):\{?(?:assert\w*|badmatch|function_clause|case_clause|badarg|undef)\b/,
      ['  foo_tests: bar_test...*failed*'],
    ),
    R(
      'test.eunit-summary',
      4,
      'test_failure',
      /^\s*Failed: [1-9]\d*\.\s+Skipped: \d+\.\s+Passed: \d+\.|^\s*One or more tests were cancelled\.|Failed [1-9]\d* tests?\. Passed \d+ tests?\.|^===> Failures occurred running tests: [1-9]|TEST COMPLETE, \d+ ok, [1-9]\d* failed/,
      ['  Failed: 1.  Skipped: 0.  Passed: 2.'],
    ),
    // cth_readable (rebar3 ct's hook) prints each case as `%%% SUITE ==> case: OK|FAILED|SKIPPED`, then for a
    // failure or skip the reason on the next line (`%%% SUITE ==> {…}`; an EUnit-style assertion as
    // `Failure/Error: ?assertEqual(…)` under an empty `%%% SUITE ==> `). Skip reasons are not failures.
    R(
      'test.common-test',
      8,
      'test_failure',
      /^%%% \S+ ==> \S+: FAILED$|^%%% \S+ ==> \{(?!tc_(?:user|auto)_skip)|^Failure\/Error: \?assert\w*\(/,
      ['%%% foo_SUITE ==> bar_test: FAILED'],
    ),
    R(
      'build.erlc',
      8,
      'build_error',
      /^\S+\.[eh]rl:\d+(?::\d+)?: (?![Ww]arning:)\S|^===> Compiling \S+ failed$/,
      ['src/foo.erl:5:1: function bar/0 undefined'],
    ),
    R(
      'dep.rebar3',
      8,
      'dependency_error',
      /^===> (?:Package not found in any repo: |Failed to fetch and copy dep: |Dependency failure: |Unable to resolve dependenc|No package found for |Failed to update package )/,
      ['===> Package not found in any repo: cowboy 99.0.0'],
    ),
  ],
  tools: [
    {
      tool: 'ExUnit (mix test)',
      kind: 'test',
      rules: ['test.erlang-elixir', 'test.exunit-assertion', 'test.count-failures'],
      examples: [
        { line: '  1) test the truth (AssertionTest)', source: 'https://hexdocs.pm/ex_unit/ExUnit.html' },
        { line: '     Assertion with == failed', source: 'elixir-lang/elixir lib/ex_unit/lib/ex_unit/assertions.ex', type: 'test_failure' },
        { line: '3 tests, 1 failure', source: EXUNIT, type: 'test_failure' },
        { line: '1 doctest, 20 tests, 19 failures', source: 'https://qiita.com/torifukukaiou/items/0d9af23244d599cb60d0 (mix test output)', type: 'test_failure' },
      ],
      lookalikes: [
        { line: '1 doctest, 1 test, 0 failures', source: 'https://qiita.com/torifukukaiou/items/0d9af23244d599cb60d0 (mix test output)' },
        { line: 'Finished in 0.03 seconds', source: 'https://qiita.com/torifukukaiou/items/0d9af23244d599cb60d0 (mix test output)' },
        { line: 'Finished in 0.03 seconds (0.02s async, 0.00s sync)', source: EXUNIT },
        { line: 'Randomized with seed 123456', source: EXUNIT },
      ],
    },
    {
      tool: 'mix compile',
      kind: 'build',
      rules: ['build.mix'],
      examples: [
        { line: '== Compilation error in file lib/kyopuro/at_coder/client.ex ==', source: 'https://qiita.com/torifukukaiou/items/0d9af23244d599cb60d0 (mix test output)', type: 'build_error' },
        {
          line: '** (CompileError) lib/kyopuro/at_coder/client.ex:8: cannot find or invoke local is_struct/2 inside guard. Only macros can be invoked in a guard and they must be defined before their invocation. Called as: is_struct(error, Mint.TransportError)',
          source: 'https://qiita.com/torifukukaiou/items/0d9af23244d599cb60d0 (mix test output)',
          type: 'build_error',
        },
        {
          line: 'Compilation failed due to warnings while using the --warnings-as-errors option',
          source: 'elixir-lang/elixir lib/elixir/lib/kernel/parallel_compiler.ex (IO.puts :stderr after a warning under --warnings-as-errors)',
          type: 'build_error',
        },
      ],
      lookalikes: [
        { line: 'Compiling 10 files (.ex)', source: 'https://qiita.com/torifukukaiou/items/0d9af23244d599cb60d0 (mix test output)' },
        { line: 'Generated awesome_at_coder2 app', source: 'https://qiita.com/torifukukaiou/items/0d9af23244d599cb60d0 (mix test output)' },
      ],
    },
    {
      tool: 'credo',
      kind: 'lint',
      rules: ['lint.credo'],
      examples: [
        {
          line: '14725 mods/funs, found 1 consistency issue, 3 warnings, 18 refactoring opportunities, 2 code readability issues, 8 software design suggestions.',
          source: 'rrrene/credo lib/credo/cli/output/summary.ex (the summary, every category counted)',
          type: 'lint_error',
        },
      ],
      lookalikes: [{ line: '2 mods/funs, found no issues.', source: 'Homebrew/homebrew-core credo formula (test do: assert_match "2 mods/funs, found no issues")' }],
    },
    {
      tool: 'EUnit',
      kind: 'test',
      rules: ['test.eunit', 'test.eunit-summary'],
      examples: [
        { line: '  foo_tests:7: bar_test...*failed*', source: 'erlang/otp lib/eunit/src/eunit_tty.erl (print_test_begin "~ts:~ts ~ts~ts...", then print_test_error "*failed*")', type: 'test_failure' },
        { line: '  foo_tests: bar_test...*failed*', source: 'erlang/otp lib/eunit/src/eunit_tty.erl (a test without a line number)', type: 'test_failure' },
        {
          line: '**error:{assertEqual,[{module,foo_tests},{line,7},{expression,"1"},{expected,2},{value,1}]}',
          source: 'erlang/otp lib/eunit/src/eunit_lib.erl (format_exception, under *failed*)',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        { line: '  All 3 tests passed.', source: 'erlang/otp lib/eunit/src/eunit_tty.erl (terminate)' },
        { line: '  Test passed.', source: 'erlang/otp lib/eunit/src/eunit_tty.erl (terminate)' },
        { line: '  foo_tests:12: baz_test...ok', source: 'erlang/otp lib/eunit/src/eunit_tty.erl (print_test_end, verbose)' },
      ],
    },
    {
      tool: 'Common Test (ct_run, rebar3 ct)',
      kind: 'test',
      rules: ['test.common-test', 'test.eunit-summary'],
      examples: [
        { line: '%%% foo_SUITE ==> bar_test: FAILED', source: 'ferd/cth_readable src/cth_readable_shell.erl (?CASE "%%% ~p ==> "++CasePat++": "++Res)', type: 'test_failure' },
        {
          line: '%%% foo_SUITE ==> {{badmatch,2},[{foo_SUITE,bar_test,1,[{file,"test/foo_SUITE.erl"},{line,12}]}]}',
          source: 'ferd/cth_readable src/cth_readable_shell.erl (?STACK: the reason printed with ~p under the FAILED line)',
          type: 'test_failure',
        },
        { line: 'Failure/Error: ?assertEqual(2, foo:bar())', source: 'ferd/cth_readable src/cth_readable_shell.erl (maybe_eunit_format)', type: 'test_failure' },
        {
          line: 'TEST COMPLETE, 3 ok, 1 failed of 4 test cases',
          source: 'erlang/otp lib/common_test/src/test_server_ctrl.erl ("TEST COMPLETE, ~w ok, ~w failed~ts of ~w test cases")',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        { line: 'TEST COMPLETE, 4 ok, 0 failed of 4 test cases', source: 'erlang/otp lib/common_test/src/test_server_ctrl.erl' },
        { line: '%%% foo_SUITE ==> baz_test: OK', source: 'ferd/cth_readable src/cth_readable_shell.erl (?OK)' },
        { line: '%%% foo_SUITE ==> slow_test: SKIPPED', source: 'ferd/cth_readable src/cth_readable_shell.erl (?SKIP)' },
        { line: '%%% foo_SUITE ==> {tc_user_skip,"not on this platform"}', source: 'ferd/cth_readable src/cth_readable_shell.erl (?SKIP: the skip reason)' },
      ],
    },
    {
      tool: 'erlc / rebar3',
      kind: 'build',
      rules: ['build.erlc', 'dep.rebar3'],
      examples: [
        { line: 'src/foo.erl:5:1: function bar/0 undefined', source: 'erlang/otp lib/stdlib/src/erl_lint.erl', type: 'build_error' },
        { line: "src/foo.erl:3: syntax error before: '.'", source: 'erlang/otp lib/stdlib/src/erl_parse.yrl', type: 'build_error' },
        { line: '===> Compiling src/foo.erl failed', source: 'erlang/rebar3 apps/rebar/src/rebar_compiler.erl (?ERROR("Compiling ~ts failed"))', type: 'build_error' },
        {
          line: '===> Package not found in any repo: cowboy 99.0.0',
          source: 'erlang/rebar3 apps/rebar/src/rebar_packages.erl (format_error missing_package: "Package not found in any repo: ~ts ~ts")',
          type: 'dependency_error',
        },
      ],
      lookalikes: [
        { line: "src/foo.erl:12:5: Warning: variable 'X' is unused", source: 'erlang/otp lib/stdlib/src/erl_lint.erl' },
        { line: '===> Compiling app', source: 'erlang/rebar3 apps/rebar/src/rebar_prv_compile.erl' },
      ],
    },
  ],
};
