/**
 * PHP: PHPUnit and phpt tests.
 */
import { type Ecosystem, R } from './rule.js';

export const php: Ecosystem = {
  name: 'PHP',
  file: 'php',
  rules: [
    R(
      'test.php',
      7,
      'test_failure',
      /^FAIL .*\[\S+\.phpt\]|^\d+\) [\w\\]+::\w+|^There (?:was|were) \d+ (?:failures?|errors?):|^FAILURES!$|^Tests: \d+, Assertions: \d+, (?:Failures|Errors): \d+/,
      [
        'FAIL Bug #60120 (proc_open hangs) [ext/standard/tests/file/bug60120.phpt]',
        '1) Composer\\Test\\SolverTest::testUnsatisfiableRequires',
        'There was 1 failure:',
      ],
    ),
  ],
  tools: [],
};
