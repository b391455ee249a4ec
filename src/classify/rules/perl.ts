/**
 * Perl and TAP: TAP producers and consumers: prove, Test::More.
 */
import { type Ecosystem, R } from './rule.js';

export const perl: Ecosystem = {
  name: 'Perl and TAP',
  file: 'perl',
  rules: [
    R('test.tap', 7, 'test_failure', /^\s*not ok \d+|^# (?:fail|failed)\s+[1-9]|^\s*#\s+Failed test/i, [
      'not ok 3 - parses dates',
      '#   Failed test at t/basic.t line 12.',
    ]),
  ],
  tools: [],
};
