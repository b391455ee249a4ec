/**
 * Shell: bats.
 */
import { type Ecosystem, R } from './rule.js';



export const shell: Ecosystem = {
  name: 'Shell',
  file: 'shell',
  rules: [
    // bats' pretty format: ` ✗ name`, `   (in test file test/x.bats, line 12)`, then the command that failed:
    // `     \`[ "$status" -eq 0 ]' failed`; the TAP format prefixes the same lines with `# `.
    R('test.bats', 8, 'test_failure', /^\s*✗ \S|^\s*#?\s*`.*' failed(?: with status \d+)?$/, [
      ' ✗ addition using dc',
      "   `[ \"$result\" -eq 4 ]' failed",
    ]),
  ],
  tools: [
    {
      tool: 'bats',
      kind: 'test',
      rules: ['test.bats', 'test.count-failures'],
      examples: [
        { line: ' ✗ invalid filename prints an error', source: 'https://pastebin.com/kMUqQ3HD (bats-core test/bats.bats run)', type: 'test_failure' },
        { line: "   `[ $status -eq 1 ]' failed", source: 'https://pastebin.com/kMUqQ3HD (bats-core test/bats.bats run)', type: 'test_failure' },
        { line: '2 tests, 1 failure', source: 'https://github.com/bats-core/bats-core/blob/15686b3e4cbcc00dd589e4a87e42975a0501e1f8/test/bats.bats', type: 'test_failure' },
      ],
      lookalikes: [
        { line: ' ✓ no arguments prints usage instructions', source: 'https://pastebin.com/kMUqQ3HD (bats-core test/bats.bats run)' },
        { line: '1 test, 0 failures', source: 'https://github.com/bats-core/bats-core/blob/15686b3e4cbcc00dd589e4a87e42975a0501e1f8/test/bats.bats' },
        { line: '2 tests, 0 failures, 1 skipped', source: 'https://github.com/bats-core/bats-core/blob/15686b3e4cbcc00dd589e4a87e42975a0501e1f8/test/bats.bats' },
      ],
    },
  ],
};
