/**
 * An excerpt that names a file the pull request or commit changed ranks higher: of two equally telling
 * failures, the one in the changed code comes first.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLog } from '../src/pipeline/analyze-log.js';

// Two TypeScript errors of the same kind, in two files, in a failing build step (tsc's real format).
const log = [
  '##[group]Run npm run build',
  'npm run build',
  '##[endgroup]',
  '> app@1.0.0 build',
  '> tsc -p tsconfig.json',
  "src/legacy/report.ts(12,7): error TS2322: Type 'string' is not assignable to type 'number'.",
  'some unrelated progress output',
  'more unrelated progress output',
  'yet more unrelated progress output',
  'and more unrelated progress output',
  'still more unrelated progress output',
  "src/cart/total.ts(40,3): error TS2322: Type 'string' is not assignable to type 'number'.",
  'Found 2 errors in 2 files.',
  '##[error]Process completed with exit code 2.',
].join('\n');

const keyFile = async (changedFiles?: string[]) => {
  const f = await analyzeLog([Buffer.from(log)], changedFiles ? { changedFiles } : {});
  const e = f.excerpts[0]!;
  return e.lines[e.keyLine - e.startLine] ?? '';
};

describe('changed files', () => {
  it('without them, the first error of the failing step leads', async () => {
    expect(await keyFile()).toContain('src/legacy/report.ts');
  });
  it('an excerpt naming a changed file ranks first', async () => {
    expect(await keyFile(['src/cart/total.ts', 'README.md'])).toContain('src/cart/total.ts');
  });
  it('matches the path whatever prefix the log gives it', async () => {
    const f = await analyzeLog([Buffer.from(log.replace('src/cart/total.ts', '/home/runner/work/app/app/src/cart/total.ts'))], {
      changedFiles: ['src/cart/total.ts'],
    });
    const e = f.excerpts[0]!;
    expect(e.lines[e.keyLine - e.startLine]).toContain('cart/total.ts');
  });
});
