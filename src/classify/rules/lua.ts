/**
 * Lua: busted, luassert, Lua errors and stack tracebacks.
 */
import { type Ecosystem, R } from './rule.js';

const BUSTED = 'lunarmodules/busted busted/outputHandlers/utfTerminal.lua';

export const lua: Ecosystem = {
  name: 'Lua',
  file: 'lua',
  rules: [
    R('test.lua-stack', 5, undefined, /^\s*\S+\.lua:\d+: |^\s*stack traceback:$/, [
      'spec/math_spec.lua:6: Expected objects to be the same.',
    ]),
    // busted's terminal handlers: `Failure → spec/foo_spec.lua @ 5` (or `Error → …`), the test's name, then
    // the message (`spec/foo_spec.lua:6: Expected objects to be the same.`).
    R('test.busted', 8, 'test_failure', /^(?:Failure|Error) → \S+ @ \d+$/, ['Failure → spec/math_spec.lua @ 5']),
    R(
      'test.luassert',
      8,
      'test_failure',
      /Expected objects to be (?:the same|equal)\.|Expected to be (?:truthy|falsy|nil), but value was:|Expected (?:a different object|objects to not be the same)|Expected function to throw an error/,
      ['spec/math_spec.lua:6: Expected objects to be the same.'],
    ),
    R(
      'test.busted-summary',
      4,
      'test_failure',
      /^\d+ success(?:es)? \/ (?:[1-9]\d* failures?|\d+ failures? \/ [1-9]\d* errors?)/,
      ['2 successes / 1 failure / 0 errors / 0 pending : 0.012 seconds'],
    ),
  ],
  tools: [
    {
      tool: 'busted',
      kind: 'test',
      rules: ['test.busted', 'test.luassert', 'test.busted-summary', 'test.lua-stack'],
      examples: [
        { line: 'Failure → spec/math_spec.lua @ 5', source: `${BUSTED} (failureDescription: output.failure, " → ", short_src, " @ ", currentline)`, type: 'test_failure' },
        { line: 'Error → spec/math_spec.lua @ 9', source: `${BUSTED} (failureDescription, isError)`, type: 'test_failure' },
        { line: 'spec/math_spec.lua:6: Expected objects to be the same.', source: 'lunarmodules/luassert src/languages/en.lua', type: 'test_failure' },
      ],
      lookalikes: [
        { line: '3 successes / 0 failures / 0 errors / 0 pending : 0.002 seconds', source: `${BUSTED} (statusString)` },
        { line: '●●●◌', source: `${BUSTED} (testEnd: successDot, pendingDot)` },
        { line: 'Pending → spec/math_spec.lua @ 12', source: `${BUSTED} (pendingDescription)` },
      ],
    },
  ],
};
