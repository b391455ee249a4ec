/**
 * Ruby: minitest (and the Rails test runner), RSpec, Cucumber, Ruby exceptions, RuboCop, Bundler.
 */
import { type Ecosystem, R } from './rule.js';

export const ruby: Ecosystem = {
  name: 'Ruby',
  file: 'ruby',
  rules: [
    // minitest's summary reporter prints each failure as `  1) Failure:` over `<Class>#<test> [<file>:<line>]:`
    // (`  1) Error:` over `<Class>#<test>:` for an exception); the Rails runner drops the number and adds the
    // command that re-runs the test.
    R('test.minitest', 8, 'test_failure', /^[A-Z][\w:]*#\S+(?: \[\S+:\d+\])?:$/, [
      'ArticleTest#test_should_not_save_article_without_title [/path/to/blog/test/models/article_test.rb:6]:',
      'Minitest::Test#woot:',
    ]),
    R('test.minitest-marker', 6, 'test_failure', /^\s*(?:\d+\) )?(?:Failure|Error):$/, [
      '  1) Failure:',
      'Error:',
    ]),
    R('test.minitest-rerun', 6, 'test_failure', /^(?:bin\/)?rails test \S+:\d+$/, [
      'bin/rails test test/models/article_test.rb:6',
    ]),
    R(
      'test.minitest-summary',
      4,
      'test_failure',
      /^\d+ runs, \d+ assertions, (?:[1-9]\d* failures|\d+ failures, [1-9]\d* errors)/,
      ['1 runs, 0 assertions, 1 failures, 0 errors, 0 skips'],
    ),
    // RSpec: `Failure/Error: <the failing line>` under the numbered example, and the expected/got values.
    R(
      'test.rspec',
      8,
      'test_failure',
      /^\s*Failure\/Error:|^An error occurred (?:while loading \S+|in a `[^`]+` hook)/,
      [
        'An error occurred while loading ./spec/takeaway_spec.rb.',
        '     Failure/Error: it { expect(true).to eq false }',
      ],
    ),
    R('test.rspec-values', 7.5, 'test_failure', /^\s+(?:expected|got): \S/, [
      '       expected: false',
      '            got: true',
    ]),
    // The numbered title of a failure, as RSpec, mocha, jasmine and cucumber-js print it: `  1) <example>`.
    R('test.numbered-failure', 6, 'test_failure', /^\s{2,}\d+\) \S/, ['  1) fail should eq false']),
    R(
      'test.rspec-summary',
      4,
      'test_failure',
      /^\d+ examples?, [1-9]\d* failures?|^rspec \.\/\S+:\d+ #|^Failures:$|^Failed examples:$/,
      ['1 example, 1 failure', 'rspec ./spec/models/user_spec.rb:12 # User is valid', 'Failures:'],
    ),
    // An exception as Ruby prints one that ends a program or a Cucumber step, `<message> (<Class>)`, and a
    // namespaced one as minitest and RSpec report it, `ActiveRecord::RecordInvalid: …`.
    R(
      'test.ruby-exception',
      7,
      undefined,
      /^\s*\S.* \((?:[A-Z]\w*::)*[A-Z]\w*(?:Error|Exception|NotMetError|Failure|Interrupt)\)$|^\s*(?:[A-Z]\w*::)+[A-Z]\w*(?:Error|Exception)\b(?::|$)/,
      ['      undefined method `should\' for "Hello Cucumber!":String (NoMethodError)'],
    ),
    R(
      'test.cucumber-summary',
      4,
      'test_failure',
      /^\d+ scenarios? \(.*\b[1-9]\d* failed|^\d+ steps? \(.*\b[1-9]\d* failed|^Failing Scenarios:$|^cucumber \S+\.feature:\d+ # /,
      [
        '1 scenario (1 failed)',
        'cucumber features/greeter_says_hello.feature:7 # Scenario: greeter says hello',
      ],
    ),
    // RuboCop: `<file>:<line>:<col>: <severity>: [Correctable] <Department/Cop>: <message>`, and its count.
    R(
      'lint.rubocop',
      8.5,
      'lint_error',
      /^\S+:\d+:\d+: [CWEF]: (?:\[Correctable\] )?[A-Z]\w+\/\w+: |^\S+\.(?:rb|rake|gemspec|ru|erb):\d+:\d+: [CWEF]: /,
      ['test.rb:1:5: C: Naming/MethodName: Use snake_case for method names.'],
    ),
    R('lint.rubocop-summary', 4, 'lint_error', /^\d+ files? inspected, [1-9]\d* offen[cs]es? detected/, [
      '1 file inspected, 5 offenses detected',
    ]),
    // Bundler: resolution failures, a gem the sources do not have, and a frozen (deployment) install whose
    // Gemfile changed.
    R(
      'dep.bundler',
      9,
      'dependency_error',
      /Bundler could not find compatible versions for gem|Could not find gem '|Could not find \S+ in any of the sources|You are trying to install in deployment mode after changing|Your bundle is locked to \S+ .*but that version can no longer be found|An error occurred while installing \S+, and Bundler cannot continue|Gem::(?:MissingSpecError|ConflictError)/,
      [
        'Could not find mini_magick-4.2.7 in any of the sources',
        'You are trying to install in deployment mode after changing',
      ],
    ),
  ],
  tools: [
    {
      tool: 'minitest',
      kind: 'test',
      rules: [
        'test.minitest',
        'test.minitest-marker',
        'test.minitest-rerun',
        'test.minitest-summary',
        'test.python-exception',
      ],
      examples: [
        {
          line: '  1) Failure:',
          source: 'minitest/minitest test/minitest/test_minitest_reporter.rb',
          type: 'test_failure',
        },
        {
          line: 'Minitest::Test#woot:',
          source: 'minitest/minitest test/minitest/test_minitest_reporter.rb',
          type: 'test_failure',
        },
        { line: 'RuntimeError: no', source: 'minitest/minitest test/minitest/test_minitest_reporter.rb' },
        // The Rails test runner (minitest underneath).
        {
          line: 'ArticleTest#test_should_not_save_article_without_title [/path/to/blog/test/models/article_test.rb:6]:',
          source: 'https://guides.rubyonrails.org/testing.html',
          type: 'test_failure',
        },
        {
          line: 'bin/rails test test/models/article_test.rb:6',
          source: 'https://guides.rubyonrails.org/testing.html',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        {
          line: '1 runs, 0 assertions, 0 failures, 0 errors, 0 skips',
          source: 'minitest/minitest test/minitest/test_minitest_reporter.rb',
        },
        {
          line: '1 runs, 0 assertions, 0 failures, 0 errors, 1 skips',
          source: 'minitest/minitest test/minitest/test_minitest_reporter.rb',
        },
        {
          line: 'You have skipped tests. Run with --verbose for details.',
          source: 'minitest/minitest test/minitest/test_minitest_reporter.rb',
        },
      ],
    },
    {
      tool: 'RSpec',
      kind: 'test',
      rules: ['test.rspec', 'test.rspec-values', 'test.numbered-failure', 'test.rspec-summary'],
      examples: [
        // The feature compares lines without their indentation; RSpec indents them as shown.
        {
          line: '  1) fail should eq false',
          source: 'briandunn/flatware features/rspec.feature',
          type: 'test_failure',
        },
        {
          line: '     Failure/Error: it { expect(true).to eq false }',
          source: 'briandunn/flatware features/rspec.feature',
          type: 'test_failure',
        },
        {
          line: '       expected: false',
          source: 'briandunn/flatware features/rspec.feature',
          type: 'test_failure',
        },
        {
          line: '            got: true',
          source: 'briandunn/flatware features/rspec.feature',
          type: 'test_failure',
        },
        {
          line: '1 example, 1 failure',
          source: 'briandunn/flatware features/rspec.feature',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        { line: '1 example, 0 failures', source: 'rspec/rspec-metagem features/command_line/ruby.feature' },
      ],
    },
    {
      tool: 'Cucumber',
      kind: 'test',
      rules: ['test.ruby-exception', 'test.cucumber-summary'],
      examples: [
        {
          line: '      undefined method `should\' for "Hello Cucumber!":String (NoMethodError)',
          source: 'quxiaofeng/bdd_rails_project rspec_book/hello/out/5.feature',
        },
        {
          line: 'cucumber features/greeter_says_hello.feature:7 # Scenario: greeter says hello',
          source: 'quxiaofeng/bdd_rails_project rspec_book/hello/out/5.feature',
          type: 'test_failure',
        },
        {
          line: '1 scenario (1 failed)',
          source: 'quxiaofeng/bdd_rails_project rspec_book/hello/out/5.feature',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        {
          line: '1 scenario (1 passed)',
          source: 'quxiaofeng/bdd_rails_project rspec_book/hello/out/5.feature',
        },
        { line: '3 steps (3 passed)', source: 'quxiaofeng/bdd_rails_project rspec_book/hello/out/5.feature' },
      ],
    },
    {
      tool: 'RuboCop',
      kind: 'lint',
      rules: ['lint.rubocop', 'lint.rubocop-summary'],
      examples: [
        {
          line: 'test.rb:1:5: C: Naming/MethodName: Use snake_case for method names.',
          source: 'https://docs.rubocop.org/rubocop/usage/basic_usage',
          type: 'lint_error',
        },
        {
          line: 'test.rb:4:5: W: Layout/EndAlignment: end at 4, 4 is not aligned with if at 2, 2.',
          source: 'https://docs.rubocop.org/rubocop/usage/basic_usage',
          type: 'lint_error',
        },
        {
          line: '1 file inspected, 5 offenses detected',
          source: 'https://docs.rubocop.org/rubocop/usage/basic_usage',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        { line: 'Inspecting 1 file', source: 'https://docs.rubocop.org/rubocop/usage/basic_usage' },
      ],
    },
    {
      tool: 'Bundler',
      kind: 'package',
      rules: ['dep.bundler'],
      examples: [
        {
          line: 'You are trying to install in deployment mode after changing',
          source: 'https://github.com/rails/rails/pull/52056',
          type: 'dependency_error',
        },
        {
          line: 'Could not find mini_magick-4.2.7 in any of the sources',
          source: 'https://github.com/diaspora/diaspora/issues/6356',
          type: 'dependency_error',
        },
      ],
      lookalikes: [
        {
          line: 'Fetching gem metadata from https://rubygems.org/........',
          source: 'https://github.com/diaspora/diaspora/issues/6356',
        },
        {
          line: 'Resolving dependencies................',
          source: 'https://github.com/diaspora/diaspora/issues/6356',
        },
        {
          line: "The Gemfile's dependencies are satisfied",
          source: 'https://github.com/getappmap/appmap-js/issues/958',
        },
      ],
    },
  ],
};
