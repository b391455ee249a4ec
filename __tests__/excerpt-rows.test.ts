/**
 * The excerpt window shared by the job summary and the Jira ticket (src/report/excerpt-rows.ts): which lines
 * are shown around the key line, how they are numbered, and what is said of the rest.
 */
import { describe, expect, it } from 'vitest';
import { excerptRows } from '../src/report/excerpt-rows.js';

const excerpt = (startLine: number, count: number, keyLine: number) => ({
  startLine,
  keyLine,
  lines: Array.from({ length: count }, (_, i) => `line ${startLine + i}`),
});
const plain = (e: ReturnType<typeof excerpt>) => (num: string, i: number, key: boolean) =>
  `${num} ${key ? '▶' : '│'} ${e.lines[i]}`;

describe('excerptRows', () => {
  it('shows a short excerpt whole, the key line marked', () => {
    const e = excerpt(41, 3, 42);
    expect(excerptRows(e, 8, plain(e))).toEqual(['41 │ line 41', '42 ▶ line 42', '43 │ line 43']);
  });

  it('keeps about a third of the shown lines before the key line, and counts the rest', () => {
    const e = excerpt(1, 30, 20);
    expect(excerptRows(e, 7, plain(e))).toEqual([
      '   ⋮ (17 lines above)',
      '18 │ line 18',
      '19 │ line 19',
      '20 ▶ line 20',
      '21 │ line 21',
      '22 │ line 22',
      '23 │ line 23',
      '24 │ line 24',
      '   ⋮ (6 lines below)',
    ]);
  });

  it('slides the window back from the end, and pads numbers to the widest shown', () => {
    const e = excerpt(95, 10, 104);
    expect(excerptRows(e, 4, plain(e))).toEqual([
      '    ⋮ (6 lines above)',
      '101 │ line 101',
      '102 │ line 102',
      '103 │ line 103',
      '104 ▶ line 104',
    ]);
  });

  it('takes a key line outside the excerpt as its nearest line, and one line is said as one', () => {
    const e = excerpt(10, 3, 3);
    expect(excerptRows(e, 2, plain(e))).toEqual(['10 ▶ line 10', '11 │ line 11', '   ⋮ (1 line below)']);
  });
});
