/**
 * Apple platforms: xcodebuild and xcpretty, XCTest, SwiftLint.
 */
import { type Ecosystem, R } from './rule.js';

export const apple: Ecosystem = {
  name: 'Apple platforms',
  file: 'apple',
  rules: [
    R('build.xcpretty', 9, 'build_error', /❌\s+\S+:\d+:\d+: /, [
      "❌  /Users/travis/build/x/Source/App.swift:97:2: unknown attribute 'dynamicMemberLookup'",
    ]),
    R(
      'test.xcode',
      7,
      'test_failure',
      /error: -\[\S+ \S+\] : |\*\* TEST FAILED \*\*|\*\* BUILD FAILED \*\*|Test Case '.*' failed|XCTAssert\w*\s+failed|\(\(.*\)\) failed: /,
      ["Test Case '-[AppTests testAdd]' failed (0.003 seconds).", '** TEST FAILED **'],
    ),

    R('lint.swiftlint', 7, 'lint_error', /^\S+\.swift:\d+:\d+: (?:warning|error): .+ Violation: /, [
      '/app/Sources/App.swift:88:42: warning: Colon Violation: Colons should be next to the identifier when specifying a type and next to the key in dictionary literals. (colon)',
    ]),
  ],
  tools: [],
};
