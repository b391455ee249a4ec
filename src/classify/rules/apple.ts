/**
 * Apple platforms: swiftc; xcodebuild and its formatters (xcpretty, xcbeautify); XCTest and Swift Testing
 * (through xcodebuild and `swift test`); SwiftLint; CocoaPods.
 */
import { type Ecosystem, R } from './rule.js';

const XCB_MIXED = 'cpisciotta/xcbeautify Tests/XcbeautifyLibTests/TestData/MixedTestLog_6_0_macOS.txt';
const XCB_EXPECTED = 'cpisciotta/xcbeautify Tests/CLITests/terminal/expected.txt';
const COCOAPODS = 'CocoaPods/CocoaPods lib/cocoapods/resolver.rb';

export const apple: Ecosystem = {
  name: 'Apple platforms',
  file: 'apple',
  rules: [
    R(
      'build.swift',
      9,
      'build_error',
      /^\S+\.(?:swift|m|mm|xib|storyboard|xcassets|metal)(?::\d+){1,2}: (?:fatal )?error: (?!-\[|.* Violation: )/,
      ["/Users/runner/work/app/app/Sources/App/App.swift:12:5: error: cannot find 'foo' in scope"],
    ),
    // xcpretty's and xcbeautify's compiler errors (`❌  file.swift:12:5: message`).
    R('build.xcpretty', 9, 'build_error', /❌\s+\S+:\d+:\d+: /, [
      "❌  /Users/runner/work/app/app/Sources/App/App.swift:97:2: unknown attribute 'dynamicMemberLookup'",
    ]),
    R(
      'build.xcodebuild-summary',
      3.5,
      'build_error',
      /\*\* (?:BUILD|ARCHIVE|ANALYZE) FAILED \*\*|^The following build commands failed:$/,
      ['** BUILD FAILED **', 'The following build commands failed:'],
    ),
    R(
      'config.xcodebuild',
      8,
      'config_error',
      /^xcodebuild: error: (?:Unable to find a destination|The project named|The workspace named|Could not resolve package dependencies|Scheme \S+ is not currently configured|'\S+' does not exist)/,
      ['xcodebuild: error: Unable to find a destination matching the provided destination specifier:'],
    ),
    // XCTest: the assertion at its file and line (xcodebuild: `file.swift:34: error: -[Suite test] : message`;
    // swift test on Linux: `file.swift:34: error: Suite.test : message`), then the failed test case, then counts.
    // Swift Testing: `✘ Test name() recorded an issue at file.swift:17:9: message`.
    R(
      'test.xctest',
      9,
      'test_failure',
      /^\S+\.swift:\d+: error: (?:-\[\S+ \S+\]|\S+\.\S+) : |^\S+\.mm?:\d+: error: -\[\S+ \S+\] : |^\s*(?:✘|\[!\]) +Test .* recorded an issue at \S+:\d+:\d+: /,
      [
        '/Users/runner/work/xcbeautify/xcbeautify/Tests/XcbeautifyLibTests/CaptureGroupTests.swift:34: error: -[XcbeautifyLibTests.CaptureGroupTests testForceFailure] : XCTAssertTrue failed - True is never false.',
        '✘ Test testFailTrueIsFalse() recorded an issue at Test.swift:17:9: Expectation failed: true == false',
      ],
    ),
    R(
      'test.xcode',
      7.5,
      'test_failure',
      /^Test Case '.*' failed \([\d.]+ seconds\)\.|^✘ Test \S.* failed after [\d.]+ seconds|^\s*(?:✖|✗) \S.*\([\d.]+ seconds\)|^\s*(?:✖|✗) [A-Za-z_]\w*(?:\(\))?, |XCTAssert\w*\s+failed|\(\(.*\)\) failed: /,
      [
        "Test Case '-[XcbeautifyLibTests.CaptureGroupTests testForceFailure]' failed (0.163 seconds).",
        '✘ Test testFailTrueIsFalse() failed after 0.001 seconds with 1 issue.',
        '    ✖ secondExample() (0.001 seconds) 1 issue(s)',
      ],
    ),
    R(
      'test.xcode-summary',
      3.5,
      'test_failure',
      /\*\* TEST FAILED \*\*|^\s*Executed \d+ tests?, with [1-9]\d* failures? \(\d+ unexpected\)|^Test Suite '.*' failed at |^✘ Test run with \d+ tests? failed|^Test run with \d+ tests? failed|^Testing failed:$/,
      [
        '** TEST FAILED **',
        '     Executed 4 tests, with 1 failure (0 unexpected) in 0.166 (0.166) seconds',
        '✘ Test run with 2 tests failed after 0.001 seconds with 1 issue.',
      ],
    ),
    R(
      'lint.swiftlint',
      9,
      'lint_error',
      /^\S+\.swift:\d+:\d+: error: .+ Violation: |Found \d+ violations?, [1-9]\d* serious in \d+ files?/,
      [
        '/app/Sources/App.swift:88:42: error: Colon Violation: Colons should be next to the identifier when specifying a type and next to the key in dictionary literals. (colon)',
        'Done linting! Found 3 violations, 1 serious in 12 files.',
      ],
    ),
    // SwiftLint's warnings fail the build under --strict: weaker than its errors.
    R('lint.swiftlint-warning', 6, 'lint_error', /^\S+\.swift:\d+:\d+: warning: .+ Violation: .* \(\w+\)$/, [
      '/app/Sources/App.swift:88:42: warning: Colon Violation: Colons should be next to the identifier when specifying a type and next to the key in dictionary literals. (colon)',
    ]),
    R(
      'dep.cocoapods',
      9,
      'dependency_error',
      /CocoaPods could not find compatible versions for pod|Unable to find a specification for `?\S+`?|The sandbox is not in sync with the Podfile\.lock|^\[!\] Error installing \S+|^\[!\] Failed to download '\S+'|None of your spec sources contain a spec satisfying the dependency/,
      ['[!] CocoaPods could not find compatible versions for pod "Alamofire":'],
    ),
  ],
  tools: [
    {
      tool: 'swiftc',
      kind: 'build',
      rules: ['build.swift'],
      examples: [
        {
          line: "/Users/runner/work/app/app/Sources/App/App.swift:12:5: error: cannot find 'foo' in scope",
          source:
            'cpisciotta/xcbeautify Tests/XcbeautifyLibTests/TestData/swiftcompile-failure-with-stack.txt',
          type: 'build_error',
        },
      ],
      lookalikes: [],
    },
    {
      tool: 'xcodebuild (xcpretty, xcbeautify)',
      kind: 'build',
      rules: ['build.xcpretty', 'build.xcodebuild-summary', 'config.xcodebuild'],
      examples: [
        {
          line: "❌  /Users/runner/work/app/app/Sources/App/App.swift:97:2: unknown attribute 'dynamicMemberLookup'",
          source: 'xcpretty/xcpretty lib/xcpretty/formatters/formatter.rb',
          type: 'build_error',
        },
        {
          line: '** BUILD FAILED **',
          source: 'cpisciotta/xcbeautify Tests/XcbeautifyLibTests/ParsingTests/clean_build_xcode_15_1.txt',
          type: 'build_error',
        },
        {
          line: 'xcodebuild: error: Unable to find a destination matching the provided destination specifier:',
          source: 'https://developer.apple.com/library/archive/technotes/tn2339/_index.html',
          type: 'config_error',
        },
      ],
      lookalikes: [
        {
          line: '** BUILD SUCCEEDED **',
          source: 'cpisciotta/xcbeautify Tests/XcbeautifyLibTests/ParsingTests/clean_build_xcode_15_1.txt',
        },
      ],
    },
    {
      tool: 'XCTest / swift test',
      kind: 'test',
      rules: ['test.xctest', 'test.xcode', 'test.xcode-summary'],
      examples: [
        {
          line: '/Users/runner/work/xcbeautify/xcbeautify/Tests/XcbeautifyLibTests/CaptureGroupTests.swift:34: error: -[XcbeautifyLibTests.CaptureGroupTests testForceFailure] : XCTAssertTrue failed - True is never false.',
          source: XCB_MIXED,
          type: 'test_failure',
        },
        {
          line: "Test Case '-[XcbeautifyLibTests.CaptureGroupTests testForceFailure]' failed (0.163 seconds).",
          source: XCB_MIXED,
          type: 'test_failure',
        },
        {
          line: '     Executed 4 tests, with 1 failure (0 unexpected) in 0.166 (0.166) seconds',
          source: XCB_MIXED,
          type: 'test_failure',
        },
        {
          line: "Test Suite 'All tests' failed at 2025-08-10 01:38:41.939.",
          source: XCB_MIXED,
          type: 'test_failure',
        },
      ],
      lookalikes: [
        {
          line: "Test Case '-[XcbeautifyLibTests.CaptureGroupTests testMatchSwiftTestingIssueArgument1]' passed (0.002 seconds).",
          source: XCB_MIXED,
        },
        { line: "Test Suite 'All tests' passed at 2025-02-17 12:38:15.974.", source: XCB_EXPECTED },
        {
          line: 'Executed 0 tests, with 0 failures (0 unexpected) in 0.000 (0.001) seconds',
          source: XCB_EXPECTED,
        },
        { line: "Test Suite 'CaptureGroupTests' started at 2025-08-10 01:38:41.773.", source: XCB_MIXED },
      ],
    },
    {
      tool: 'Swift Testing (xcbeautify)',
      kind: 'test',
      rules: ['test.xctest', 'test.xcode', 'test.xcode-summary'],
      examples: [
        {
          line: '✘ Test testFailTrueIsFalse() recorded an issue at Test.swift:17:9: Expectation failed: true == false',
          source: XCB_MIXED,
          type: 'test_failure',
        },
        {
          line: '✘ Test testFailTrueIsFalse() failed after 0.001 seconds with 1 issue.',
          source: XCB_MIXED,
          type: 'test_failure',
        },
        {
          line: '    [!]  Test secondExample() recorded an issue at DemoSwiftTestingTests.swift:11:5: Expectation failed: true == false',
          source: XCB_EXPECTED,
          type: 'test_failure',
        },
        {
          line: '    ✖ secondExample() (0.001 seconds) 1 issue(s)',
          source: XCB_EXPECTED,
          type: 'test_failure',
        },
      ],
      lookalikes: [
        { line: '✔ Test testTrueIsTrue() passed after 0.001 seconds.', source: XCB_MIXED },
        { line: '    ✔ example() (0.001 seconds)', source: XCB_EXPECTED },
        { line: '    ⊘ skippedTest() skipped (Skipping this test)', source: XCB_EXPECTED },
        { line: '◇ Test testFailTrueIsFalse() started.', source: XCB_MIXED },
      ],
    },
    {
      tool: 'SwiftLint',
      kind: 'lint',
      rules: ['lint.swiftlint', 'lint.swiftlint-warning'],
      examples: [
        {
          line: '/app/Sources/App.swift:88:42: error: Colon Violation: Colons should be next to the identifier when specifying a type and next to the key in dictionary literals. (colon)',
          source: 'realm/SwiftLint README.md',
          type: 'lint_error',
        },
        {
          line: 'Done linting! Found 3 violations, 1 serious in 12 files.',
          source: 'realm/SwiftLint Source/swiftlint/Helpers/LintOrAnalyzeCommand.swift',
          type: 'lint_error',
        },
      ],
      lookalikes: [],
    },
    {
      tool: 'CocoaPods',
      kind: 'package',
      rules: ['dep.cocoapods'],
      examples: [
        {
          line: '[!] CocoaPods could not find compatible versions for pod "Alamofire":',
          source: COCOAPODS,
          type: 'dependency_error',
        },
        {
          line: '[!] Unable to find a specification for `Alamofire`',
          source: COCOAPODS,
          type: 'dependency_error',
        },
      ],
      lookalikes: [
        {
          line: 'Pod installation complete! There are 5 dependencies from the Podfile and 7 total pods installed.',
          source: 'https://guides.cocoapods.org/using/getting-started.html',
        },
        { line: 'Analyzing dependencies', source: 'https://guides.cocoapods.org/using/getting-started.html' },
      ],
    },
  ],
};
