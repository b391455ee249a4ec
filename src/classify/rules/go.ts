/**
 * Go: the compiler (go build), go vet, go test and the testing package (with testify's assertions), ginkgo,
 * golangci-lint, gofmt and goimports, go modules.
 */
import { type Ecosystem, R } from './rule.js';

const GO_DOC = 'https://pkg.go.dev/cmd/go#hdr-Test_packages';
const TESTING = 'golang/go src/testing/testing.go';
const GINKGO = 'onsi/ginkgo reporters/default_reporter.go';
const MODLOAD = 'golang/go src/cmd/go/internal/modload/import.go';

export const go: Ecosystem = {
  name: 'Go',
  file: 'go',
  rules: [
    // The gc compiler's diagnostics (types2 and the parser), `file.go:line:col: message`. A finding that ends
    // with a linter's name in parentheses is golangci-lint's or staticcheck's (lint.golangci), not the compiler's.
    R(
      'build.go',
      9,
      'build_error',
      /^\S+\.go:\d+:\d+: (?!.*\([\w-]+\)$).*?(?:undefined|cannot|too (?:many|few)|not enough|missing|syntax error|imported and not used|declared (?:and|but) not used|invalid|non-\w+|expected|no new variables|assignment mismatch|redeclared|unknown|has no field or method|is not a type|mismatched types|does not implement|undeclared name|is not used|import cycle not allowed|initialization cycle|could not import|ambiguous selector|duplicate (?:case|key|field|method|argument)|overflows|truncated to|not declared by package|is not exported|unexported (?:field|name|method)|defined and not used|use of \.\(type\) outside type switch|not in std)/,
      [
        'b/b.go:3:9: undefined: Y',
        './main.go:5:2: "os" imported and not used',
        './main.go:9:2: declared and not used: x',
      ],
    ),
    // go vet's findings (the analyzers of golang.org/x/tools/go/analysis/passes): same shape as the compiler's,
    // but a checker's verdict.
    R(
      'lint.go-vet',
      9,
      'lint_error',
      /^\S+\.go:\d+:\d+: (?!.*\([\w-]+\)$)(?:\w+: )?.*?(?:format %\S+ has arg \S+ of wrong type|format %\S+ reads arg #\d+, but call has|call has possible (?:Printf )?formatting directive|call needs \d+ args? but has|non-constant format string in call to|passes lock by value|copies lock value|range var \S+ copies lock|the cancel function (?:returned by \S+ )?(?:is not used on all paths|should be called)|self-assignment of|not compatible with reflect\.StructTag\.Get|repeats \w+ tag|result of \S+ call not used|composite literal uses unkeyed fields|loop variable \w+ captured by func literal|redundant (?:and|or): |suspect (?:and|or): |comparison of function \w+ (?:==|!=) nil is always|too small for shift of|should have signature|has malformed (?:name|example suffix)|second argument to errors\.As must be|using \w+ before checking for errors|passes non-pointer|direct assignment to atomic value|yields a string of one rune|misuse of unbuffered os\.Signal channel|possible misuse of unsafe\.Pointer|from a non-test goroutine|unreachable code$)/,
      [
        './x.go:7:2: fmt.Printf format %d has arg s of wrong type string',
        './x.go:12:9: call of fmt.Sprintf copies lock value: sync.Mutex',
        './x.go:20:2: the cancel function is not used on all paths (possible context leak)',
      ],
    ),
    // What a test said when it failed (t.Error, t.Fatal: `    file_test.go:42: message`, indented under its
    // test): the message, more telling than the test's name.
    R('test.go-message', 8.5, 'test_failure', /^\s+(?:\S+_test|testing)\.go:\d+: \S/, [
      '    main_test.go:15: actual (-) and expected (+) are not equal',
      '    testing.go:1152: race detected during execution of test',
    ]),
    // testify's assertion report: `Error Trace:` names the line, `Error:` says what did not hold.
    R(
      'test.testify',
      8.5,
      'test_failure',
      /^\s+Error:\s+(?:Not equal|Should (?:be|NOT be|not be|have|contain)|Expected (?:nil|value|\w+ to)|Received unexpected error|An error is expected|Error message not equal|Target error should|Elements should|".*" does not contain|.* does not contain .*|Condition failed|Objects? (?:are|is) not|Max difference between|Not (?:equal|same|a subset))/,
      ['\tError:      \tNot equal: ', '\tError:      \tReceived unexpected error:'],
    ),
    R('test.testify-trace', 7, 'test_failure', /^\s+Error Trace:\s+\S+\.go:\d+/, [
      '\tError Trace:\t/home/runner/work/app/app/store_test.go:42',
    ]),
    // The Go runtime's fatal errors and the race detector's report: the precise cause of a crashed test binary.
    R(
      'test.go-runtime',
      9,
      'test_failure',
      /^fatal error: (?:all goroutines are asleep - deadlock!|concurrent map (?:writes|read and map write|iteration and map write)|runtime: out of memory|stack overflow|sync: (?:unlock of unlocked mutex|negative WaitGroup counter))|^WARNING: DATA RACE$|^panic: (?!test timed out)\S|^\[signal SIG\w+: /,
      [
        'fatal error: all goroutines are asleep - deadlock!',
        'WARNING: DATA RACE',
        'panic: runtime error: index out of range [5] with length 3',
      ],
    ),
    // The failing test's name: `--- FAIL: TestX (0.00s)`, indented for a subtest.
    R('test.go', 7.5, 'test_failure', /^\s*--- FAIL: \S/, ['--- FAIL: TestEqual (0.00s)']),
    // go test's per-package recap (`FAIL  pkg  0.02s`, `[build failed]`) and its last line: they summarise.
    R('test.go-fail', 3.5, 'test_failure', /^FAIL\s+\S+\s+(?:[\d.]+s|\[(?:build failed|setup failed)\])$/, [
      'FAIL archive/zip   0.022s',
      'FAIL\texample.com/b [build failed]',
    ]),
    R('test.go-fail-last', 2, 'test_failure', /^FAIL$/, ['FAIL']),
    // ginkgo (v2; v1's `• Failure [..]` and `[Fail]`): the failure message and the failed spec's header are
    // details, the `Summarizing N Failures` list and the `FAIL! --` counts a recap.
    R(
      'test.ginkgo',
      8,
      'test_failure',
      /^\s*\[(?:FAILED|PANICKED!|TIMEDOUT|INTERRUPTED)\] \S|^\s*(?:•|\+) (?:\[(?:FAILED|PANICKED|TIMEDOUT|INTERRUPTED|ABORTED)\]|Failure|Panic)(?: in Spec (?:Setup|Teardown) \(\w+\))? \[[\d.]+ seconds\]/,
      ['  [FAILED] Expected', '• [FAILED] [0.002 seconds]'],
    ),
    R(
      'test.ginkgo-summary',
      4,
      'test_failure',
      /^\s*\[(?:FAIL|Fail|PANICKED!|TIMEDOUT|INTERRUPTED|ABORTED)\] .*\[(?:It|BeforeEach|AfterEach|JustBeforeEach|JustAfterEach|BeforeAll|AfterAll|BeforeSuite|AfterSuite|SynchronizedBeforeSuite|SynchronizedAfterSuite|DeferCleanup|ReportAfterSuite)\]|^Summarizing \d+ Failures?:$|^FAIL! (?:- .* )?-- \d+ Passed \| [1-9]\d* Failed|^Test Suite Failed$/,
      ['  [FAIL] Books Categorizing book length [It] can extract the author', 'Summarizing 1 Failure:'],
    ),
    // golangci-lint's findings (`file.go:line:col: message (linter)`) and its own failures.
    R(
      'lint.golangci',
      8.5,
      'lint_error',
      /^\S+\.go:\d+(?::\d+)?: .+ \([a-z][\w-]*\)$|^::error file=\S+\.go,line=\d+.*\([a-z][\w-]*\)$/,
      [
        'pkg/store/cache.go:119:11: Error return value of `c.refresh` is not checked (errcheck)',
        'main.go:3: File is not `gofmt`-ed with `-s` (gofmt)',
      ],
    ),
    R('timeout.golangci', 8, 'timeout', /Timeout exceeded: try increasing it by passing --timeout option/, [
      'level=error msg="Timeout exceeded: try increasing it by passing --timeout option"',
    ]),
    // gofmt -d: the diff of a file that is not formatted (`diff x.go.orig x.go`, `--- x.go.orig`).
    R('lint.gofmt', 6, 'lint_error', /^diff (?:-u )?\S+\.go\.orig \S+\.go$|^--- \S+\.go\.orig(?:\s|$)/, [
      '--- main.go.orig',
    ]),
    // Go modules: go.mod or go.sum out of date, a checksum that does not match, a package no module provides.
    R(
      'dep.go-mod',
      9,
      'dependency_error',
      /^go: updates to go\.(?:mod|sum) needed|verifying \S+: checksum mismatch|missing go\.sum entry for|no required module provides package|^go: inconsistent vendoring|^go: \S+@\S+: (?:reading \S+: \d{3}|invalid version|unknown revision)|go: errors parsing go\.mod|module declares its path as: \S+\s+but was required as|^go: go\.mod requires go >= \S+ \(running go/,
      [
        'go: updates to go.mod needed; to update it:',
        'verifying rsc.io/sampler@v1.3.0/go.mod: checksum mismatch',
        'main.go:4:2: missing go.sum entry for module providing package rsc.io/quote (imported by example.com/hello); to add:',
        'main.go:4:2: no required module provides package rsc.io/quote; to add it:',
      ],
    ),
    R('dep.go-mod-security', 5, 'dependency_error', /^SECURITY ERROR$/, ['SECURITY ERROR']),
  ],
  tools: [
    {
      tool: 'go test',
      kind: 'test',
      rules: ['test.go-message', 'test.go', 'test.go-fail', 'test.go-fail-last', 'test.go-runtime'],
      examples: [
        {
          // go test's output of a failing assertion, as the go-repo/assert README shows it.
          line: '    main_test.go:15: actual (-) and expected (+) are not equal',
          source: 'go-repo/assert README.md',
          type: 'test_failure',
        },
        { line: '--- FAIL: TestEqual (0.00s)', source: TESTING, type: 'test_failure' },
        {
          line: '    --- FAIL: TestEqual/not_equal_for_int_type (0.00s)',
          source: 'go-repo/assert README.md',
          type: 'test_failure',
        },
        { line: 'FAIL archive/zip   0.022s', source: GO_DOC, type: 'test_failure' },
        {
          line: 'panic: runtime error: index out of range [5] with length 3',
          source: 'golang/go src/runtime/error.go',
          type: 'test_failure',
        },
        {
          line: 'WARNING: DATA RACE',
          source: 'https://go.dev/doc/articles/race_detector',
          type: 'test_failure',
        },
        {
          line: 'fatal error: all goroutines are asleep - deadlock!',
          source: 'golang/go src/runtime/proc.go',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        { line: '    --- PASS: TestEqual/equal (0.00s)', source: 'go-repo/assert README.md' },
        { line: '=== RUN   TestEqual/not_equal_for_int_type', source: 'go-repo/assert README.md' },
        { line: '--- SKIP: TestParseErrors (0.00s)', source: TESTING },
        { line: 'ok   archive/tar   0.011s', source: GO_DOC },
        { line: 'ok  \tcompress/gzip\t0.033s', source: GO_DOC },
        {
          line: '?   \texample.com/cmd/tool\t[no test files]',
          source: 'golang/go src/cmd/go/internal/test/test.go',
        },
        { line: 'PASS', source: TESTING },
      ],
    },
    {
      tool: 'testify',
      kind: 'test',
      rules: ['test.testify', 'test.testify-trace'],
      examples: [
        {
          line: '\tError Trace:\t/home/runner/work/app/app/store_test.go:42',
          source: 'stretchr/testify assert/assertions.go',
          type: 'test_failure',
        },
        {
          line: '\tError:      \tNot equal: ',
          source: 'stretchr/testify assert/assertions.go',
          type: 'test_failure',
        },
        {
          line: '\tError:      \tShould be true',
          source: 'stretchr/testify assert/assertions.go',
          type: 'test_failure',
        },
      ],
      lookalikes: [],
    },
    {
      tool: 'ginkgo',
      kind: 'test',
      rules: ['test.ginkgo', 'test.ginkgo-summary'],
      examples: [
        { line: '  [FAILED] Expected', source: GINKGO, type: 'test_failure' },
        { line: '• [FAILED] [0.002 seconds]', source: GINKGO, type: 'test_failure' },
        { line: '• [PANICKED] [0.001 seconds]', source: GINKGO, type: 'test_failure' },
        {
          line: '  [FAIL] Books Categorizing book length [It] can extract the author',
          source: GINKGO,
          type: 'test_failure',
        },
        { line: 'Summarizing 1 Failure:', source: GINKGO, type: 'test_failure' },
      ],
      lookalikes: [
        { line: 'Ran 3 of 3 Specs in 0.001 seconds', source: GINKGO },
        { line: 'SUCCESS! -- 3 Passed | 0 Failed | 0 Pending | 0 Skipped', source: GINKGO },
        { line: 'Will run 3 of 3 specs', source: GINKGO },
        { line: 'Running Suite: Books Suite - /home/runner/work/books', source: GINKGO },
      ],
    },
    {
      tool: 'go build',
      kind: 'build',
      rules: ['build.go'],
      examples: [
        // The compiler's report on build_single_error.txt's b/b.go (`var X = Y`).
        {
          line: 'b/b.go:3:9: undefined: Y',
          source: 'golang/go src/cmd/go/testdata/script/build_single_error.txt',
          type: 'build_error',
        },
        {
          line: './main.go:5:2: "os" imported and not used',
          source: 'golang/go src/cmd/compile/internal/types2/resolver.go',
          type: 'build_error',
        },
        {
          line: './main.go:9:2: declared and not used: x',
          source: 'golang/go src/cmd/compile/internal/types2/stmt.go',
          type: 'build_error',
        },
      ],
      lookalikes: [
        { line: '# example.com/b', source: 'golang/go src/cmd/go/testdata/script/build_single_error.txt' },
        {
          line: 'go: downloading rsc.io/quote v1.5.2',
          source: 'golang/go src/cmd/go/internal/modfetch/fetch.go',
        },
      ],
    },
    {
      tool: 'go vet',
      kind: 'lint',
      rules: ['lint.go-vet'],
      examples: [
        {
          line: './x.go:7:2: fmt.Printf format %d has arg s of wrong type string',
          source: 'https://pkg.go.dev/golang.org/x/tools/go/analysis/passes/printf',
          type: 'lint_error',
        },
        {
          line: './x.go:20:2: the cancel function is not used on all paths (possible context leak)',
          source: 'https://pkg.go.dev/golang.org/x/tools/go/analysis/passes/lostcancel',
          type: 'lint_error',
        },
        {
          line: './x.go:31:5: composite literal uses unkeyed fields',
          source: 'https://pkg.go.dev/golang.org/x/tools/go/analysis/passes/composite',
          type: 'lint_error',
        },
      ],
      lookalikes: [],
    },
    {
      tool: 'golangci-lint',
      kind: 'lint',
      rules: ['lint.golangci', 'timeout.golangci'],
      examples: [
        {
          line: 'pkg/store/cache.go:119:11: Error return value of `c.refresh` is not checked (errcheck)',
          source: 'golangci/golangci-lint pkg/golinters/errcheck.go',
          type: 'lint_error',
        },
        {
          line: 'pkg/store/spec.go:189:4: ineffectual assignment to err (ineffassign)',
          source: 'https://golangci-lint.run/usage/linters/',
          type: 'lint_error',
        },
        {
          line: 'level=error msg="Timeout exceeded: try increasing it by passing --timeout option"',
          source: 'golangci/golangci-lint pkg/commands/run.go',
          type: 'timeout',
        },
      ],
      lookalikes: [{ line: '0 issues.', source: 'golangci/golangci-lint pkg/printers/text.go' }],
    },
    {
      tool: 'gofmt',
      kind: 'lint',
      rules: ['lint.gofmt', 'lint.golangci'],
      examples: [
        { line: '--- main.go.orig', source: 'golang/go src/cmd/gofmt/gofmt.go', type: 'lint_error' },
        {
          line: 'main.go:3: File is not `gofmt`-ed with `-s` (gofmt)',
          source: 'golangci/golangci-lint pkg/golinters/gofmt.go',
          type: 'lint_error',
        },
      ],
      lookalikes: [],
    },
    {
      tool: 'goimports',
      kind: 'lint',
      rules: ['lint.golangci'],
      examples: [
        {
          line: 'main.go:5: File is not `goimports`-ed (goimports)',
          source: 'golangci/golangci-lint pkg/golinters/goimports.go',
          type: 'lint_error',
        },
      ],
      lookalikes: [],
    },
    {
      tool: 'go mod',
      kind: 'package',
      rules: ['dep.go-mod', 'dep.go-mod-security'],
      examples: [
        {
          line: 'go: updates to go.mod needed; to update it:',
          source: 'golang/go src/cmd/go/internal/modload/init.go',
          type: 'dependency_error',
        },
        {
          line: 'verifying rsc.io/sampler@v1.3.0/go.mod: checksum mismatch',
          source: 'golang/go src/cmd/go/internal/modfetch/fetch.go',
          type: 'dependency_error',
        },
        {
          line: 'go: rsc.io/quote@v1.5.2: verifying module: checksum mismatch',
          source: 'golang/go src/cmd/go/internal/modfetch/fetch.go',
          type: 'dependency_error',
        },
        {
          line: 'main.go:4:2: missing go.sum entry for module providing package rsc.io/quote (imported by example.com/hello); to add:',
          source: MODLOAD,
          type: 'dependency_error',
        },
        {
          line: 'main.go:4:2: no required module provides package rsc.io/quote; to add it:',
          source: MODLOAD,
          type: 'dependency_error',
        },
      ],
      lookalikes: [
        { line: 'go: finding module for package rsc.io/quote', source: MODLOAD },
        { line: 'go: found rsc.io/quote in rsc.io/quote v1.5.2', source: MODLOAD },
        { line: 'all modules verified', source: 'golang/go src/cmd/go/internal/modcmd/verify.go' },
      ],
    },
  ],
};
