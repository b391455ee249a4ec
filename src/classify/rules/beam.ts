/**
 * Erlang and Elixir: ExUnit, Common Test, Erlang error reports.
 */
import { type Ecosystem, R } from './rule.js';

export const beam: Ecosystem = {
  name: 'Erlang and Elixir',
  file: 'beam',
  rules: [
    R(
      'test.erlang-elixir',
      7,
      undefined,
      /^\*\* \((?:\w+\.)*\w+\) |^=ERROR REPORT====|^\s*\*\* exception error:|^\{'EXIT',|^Reason: |^\S+ failed$|^\s+\d+\) test .+ \(\S+\)$/,
      [
        '** (RuntimeError) Line does not match format',
        '** (throw) "Duplicate links found"',
        'ejabberd_SUITE:init_per_group failed',
        '  1) test adds (MathTest)',
      ],
    ),
  ],
  tools: [],
};
