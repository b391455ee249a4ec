/**
 * Ruby: RSpec and minitest.
 */
import { type Ecosystem, R } from './rule.js';

export const ruby: Ecosystem = {
  name: 'Ruby',
  file: 'ruby',
  rules: [
    R(
      'test.rspec',
      8,
      'test_failure',
      /^rspec \.\/\S+:\d+|^\s+Failure\/Error: |^\s+\d+\) (?:Failure|Error):|^\s*(?:expected|got):? .+|^Failures:$|^\d+ examples?, [1-9]\d* failures?|^\d+ runs, \d+ assertions, (?:[1-9]\d* failures|\d+ failures, [1-9]\d* errors)|^\s*\d+\) \S.*(?:test_|spec|Test|::)/,
      [
        'rspec ./spec/models/user_spec.rb:12 # User is valid',
        '     Failure/Error: expect(user).to be_valid',
        '3 examples, 1 failure',
        '  1) Failure:',
      ],
    ),
  ],
  tools: [],
};
