import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { analyzeLog, type Finding } from '../src/pipeline/analyze-log.js';
import { FIXTURES, truthLines, type FixtureCase } from './fixtures.js';

const path = (file: string) => new URL(`../fixtures/${file}`, import.meta.url);

const findings = new Map<string, Promise<Finding>>();
/** Each fixture is analysed once, streamed from disk as the CLI does. */
const analyze = (file: string): Promise<Finding> => {
  let f = findings.get(file);
  if (!f) {
    f = analyzeLog(createReadStream(path(file)));
    findings.set(file, f);
  }
  return f;
};

const lift = (bug: string | undefined) => (bug ? it.fails : it);

describe.each(FIXTURES.map((c) => [c.file, c] as const))('fixtures/%s', (file, c: FixtureCase) => {
  it('numbers lines as the file split on \\n', async () => {
    const text = await readFile(path(file), 'utf8');
    const finding = await analyze(file);
    expect(finding.totalLines).toBe(text.split('\n').length);
    for (const e of finding.excerpts) {
      expect(e.startLine).toBeGreaterThanOrEqual(1);
      expect(e.endLine).toBeGreaterThanOrEqual(e.startLine);
      expect(e.endLine).toBeLessThanOrEqual(finding.totalLines);
      expect(e.keyLine).toBeGreaterThanOrEqual(e.startLine);
      expect(e.keyLine).toBeLessThanOrEqual(e.endLine);
      expect(e.lines).toHaveLength(e.endLine - e.startLine + 1);
    }
  });

  lift(c.knownBug?.location)('shows a ground-truth error line in one of the first two excerpts', async () => {
    const lines = (await readFile(path(file), 'utf8')).split('\n');
    const truth = truthLines(lines, c.errorLines);
    expect(truth.size).toBeGreaterThan(0);
    const finding = await analyze(file);
    const shown = finding.excerpts.slice(0, 2).map((e) => ({
      range: [e.startLine, e.endLine],
      covers: [...truth].some((n) => n >= e.startLine && n <= e.endLine),
    }));
    expect(
      shown.some((s) => s.covers),
      `first excerpts ${JSON.stringify(shown)} vs truth ${JSON.stringify(c.errorLines)}`,
    ).toBe(true);
  });

  lift(c.knownBug?.type)(`classifies it as ${c.types.join(' or ')}`, async () => {
    const finding = await analyze(file);
    expect(c.types).toContain(finding.failureType);
  });
});

// After an intended analyzer change, review the diff and update with `npx vitest run -u`.
describe('full findings (snapshots)', () => {
  it.each([
    'github-go-test-terraform.log',
    'jenkins-maven-animal-sniffer.log',
    'travis-cargo-missing-crate.log',
  ])('%s', async (file) => {
    expect(await analyze(file)).toMatchSnapshot();
  });
});
