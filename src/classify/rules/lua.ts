/**
 * Lua: Lua errors and stack tracebacks.
 */
import { type Ecosystem, R } from './rule.js';

export const lua: Ecosystem = {
  name: 'Lua',
  file: 'lua',
  rules: [
    R('test.lua-stack', 5, undefined, /^\s*\S+\.lua:\d+: |^\s*stack traceback:$/, [
      '  /app/tests/libs/tap.lua:85: Missing 1 expected call',
    ]),
  ],
  tools: [],
};
