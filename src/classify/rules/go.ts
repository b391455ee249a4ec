/**
 * Go: go build and go vet diagnostics; go test.
 */
import { type Ecosystem, R } from './rule.js';

export const go: Ecosystem = {
  name: 'Go',
  file: 'go',
  rules: [
    R(
      'build.go',
      9,
      'build_error',
      /^\S+\.go:\d+:\d+: (?!.*\(\w+\)$).*?(?:undefined|cannot use|too many|not enough|missing|syntax error|imported and not used|declared (?:and|but) not used|invalid|non-\w+|expected|no new variables|assignment mismatch|\S+ redeclared|cannot|unknown)/,
      ['./main.go:12:2: undefined: foo', './main.go:5:2: "os" imported and not used'],
    ),
    R(
      'test.go',
      7.5,
      'test_failure',
      /^\s*--- FAIL: |^panic: (?!test timed out)|^FAIL\s+\S+\s+(?:\[build failed\]|[\d.]+s)/,
      ['--- FAIL: TestParse (0.00s)', 'FAIL\tgithub.com/x/y\t0.012s'],
    ),
    // What a Go test said when it failed: the message, more telling than the test's name.
    R(
      'test.go-message',
      8.5,
      'test_failure',
      /^\s+\S+_test\.go:\d+: |^\s*\S+_test\.go:\d+:\d+: |^\s+(?:testing|\w+_test)\.go:\d+: /,
      ['    parse_test.go:42: got 1, want 2', '        testing.go:192: missing API token'],
    ),
    R('test.go-fail', 2, 'test_failure', /^FAIL$/, ['FAIL']),
  ],
  tools: [],
};
