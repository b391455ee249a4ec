/**
 * The young-generation cap (src/logs/heap.ts) against a fake V8: it looks at the heap only every few MiB of
 * log, stops the new space's growth once it has reached the cap, does so once, and a refused flag changes
 * nothing else. What it does to the real heap is measured by `npm run bench` (peak RSS).
 */
import type { HeapSpaceInfo } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { LOOK_EVERY_BYTES, STOP_GROWTH_FLAG, YOUNG_CAP, YoungGenerationCap } from '../src/logs/heap.js';

function fakeV8(newSpace: () => number, refuse = false) {
  const calls = { looks: 0, flags: [] as string[] };
  const space = (name: string, size: number): HeapSpaceInfo => ({
    space_name: name,
    space_size: size,
    space_used_size: 0,
    space_available_size: 0,
    physical_space_size: size,
  });
  return {
    calls,
    engine: {
      getHeapSpaceStatistics: () => {
        calls.looks++;
        return [space('old_space', 64 * YOUNG_CAP), space('new_space', newSpace())];
      },
      setFlagsFromString: (flag: string) => {
        calls.flags.push(flag);
        if (refuse) throw new Error('flags are frozen');
      },
    },
  };
}

describe('YoungGenerationCap', () => {
  it('looks at the heap once per LOOK_EVERY_BYTES read, not per chunk', () => {
    const { calls, engine } = fakeV8(() => YOUNG_CAP / 8);
    const cap = new YoungGenerationCap(engine);
    for (let i = 0; i < 64; i++) cap.read(LOOK_EVERY_BYTES / 16);
    expect(calls.looks).toBe(4);
    expect(calls.flags).toEqual([]);
  });

  it('stops the growth once the new space has reached the cap, and only once', () => {
    let size = YOUNG_CAP / 4;
    const { calls, engine } = fakeV8(() => size);
    const cap = new YoungGenerationCap(engine);
    cap.read(LOOK_EVERY_BYTES);
    expect(calls.flags).toEqual([]);
    size = YOUNG_CAP;
    cap.read(LOOK_EVERY_BYTES);
    expect(calls.flags).toEqual([STOP_GROWTH_FLAG]);
    for (let i = 0; i < 10; i++) cap.read(LOOK_EVERY_BYTES);
    expect(calls.flags).toEqual([STOP_GROWTH_FLAG]);
    expect(calls.looks).toBe(2);
  });

  it('a runtime that refuses the flag is left as it is', () => {
    const { calls, engine } = fakeV8(() => 4 * YOUNG_CAP, true);
    const cap = new YoungGenerationCap(engine);
    expect(() => cap.read(LOOK_EVERY_BYTES)).not.toThrow();
    cap.read(LOOK_EVERY_BYTES);
    expect(calls.flags).toEqual([STOP_GROWTH_FLAG]);
  });
});
