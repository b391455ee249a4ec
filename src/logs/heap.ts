/**
 * The young generation of the JavaScript heap, kept small. V8 doubles its new space (up to 2 × 64 MiB on a
 * machine with plenty of memory) whenever enough objects survive its collections, and the per-line work on
 * a long log makes them survive: that alone took the peak RSS of the analyzer on a 200 MiB log from about
 * 150 MiB to 190–260 MiB, past the 256 MiB it must stay under. Once the new space has reached `YOUNG_CAP`,
 * its growth is stopped (`--semi-space-growth-factor=1`, which V8 reads each time it would grow it).
 * Measured with `npm run bench`: no slower, and peak RSS ≈ 160 MiB on 200 MiB, ≈ 190 MiB on 1 GiB.
 */
import * as v8 from 'node:v8';

const MiB = 1024 * 1024;
/** The new space (both semi-spaces) past which it stops growing. */
export const YOUNG_CAP = 16 * MiB;
/** Bytes of log read between two looks at the heap. */
export const LOOK_EVERY_BYTES = 4 * MiB;
export const STOP_GROWTH_FLAG = '--semi-space-growth-factor=1';

type V8 = Pick<typeof v8, 'getHeapSpaceStatistics' | 'setFlagsFromString'>;

export class YoungGenerationCap {
  private capped = false;
  private sinceLook = 0;

  constructor(private readonly engine: V8 = v8) {}

  /** Called as a log is read (`bytes` more of it): stops the new space growing once it is `YOUNG_CAP`. */
  read(bytes: number): void {
    if (this.capped) return;
    this.sinceLook += bytes;
    if (this.sinceLook < LOOK_EVERY_BYTES) return;
    this.sinceLook = 0;
    const young = this.engine.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    if (!young || young.space_size < YOUNG_CAP) return;
    this.capped = true;
    try {
      this.engine.setFlagsFromString(STOP_GROWTH_FLAG);
    } catch {
      // A runtime that refuses the flag keeps V8's default: more memory, the same result.
    }
  }
}

const processCap = new YoungGenerationCap();

/** `YoungGenerationCap.read` for this process's heap. */
export function keepYoungGenerationSmall(bytes: number): void {
  processCap.read(bytes);
}
