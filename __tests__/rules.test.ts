import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, NOISE_CANCELS_BELOW, PREFILTER } from '../src/classify/rules.js';
import { analyzeLog } from '../src/pipeline/analyze-log.js';
import { FAILURE_TYPES } from '../src/types.js';

const examples = BUILTIN_RULES.flatMap((rule) => (rule.examples ?? []).map((example) => ({ rule, example })));

describe('BUILTIN_RULES', () => {
  it('has rules and examples to check', () => {
    expect(BUILTIN_RULES.length).toBeGreaterThan(20);
    expect(examples.length).toBeGreaterThanOrEqual(BUILTIN_RULES.length);
  });

  it.each(BUILTIN_RULES.map((r) => [r.id, r] as const))('%s has at least one example', (_id, rule) => {
    expect(rule.examples?.length ?? 0).toBeGreaterThan(0);
  });

  it.each(examples.map(({ rule, example }) => [rule.id, example, rule] as const))(
    '%s matches its example %j',
    (_id, example, rule) => {
      expect(rule.pattern.test(example)).toBe(true);
    },
  );

  // A line the prefilter rejects is scored 0 without running the table, so every rule that scores (weight > 0)
  // must see its examples through it. Noise rules (weight 0) only ever lower a score: a line they describe that
  // the prefilter rejects already scores 0, so they are not held to it.
  const scoring = examples.filter(({ rule }) => rule.weight > 0);
  it.each(scoring.map(({ rule, example }) => [rule.id, example] as const))(
    'the prefilter lets the example of %s through: %j',
    (_id, example) => {
      expect(PREFILTER.test(example)).toBe(true);
    },
  );

  it('has unique ids', () => {
    const ids = BUILTIN_RULES.map((r) => r.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it('gives noise rules weight 0 and no type', () => {
    const noise = BUILTIN_RULES.filter((r) => r.noise);
    expect(noise.length).toBeGreaterThan(0);
    for (const r of noise) {
      expect(r.weight, r.id).toBe(0);
      expect(r.type, r.id).toBeUndefined();
    }
  });

  it('flags every rule named noise.* as noise (otherwise it cancels nothing)', () => {
    const unflagged = BUILTIN_RULES.filter((r) => r.id.startsWith('noise.') && r.noise !== true).map(
      (r) => r.id,
    );
    expect(unflagged).toEqual([]);
  });

  it('uses stateless patterns (no g or y flag: RegExp.test would then depend on the previous call)', () => {
    const stateful = BUILTIN_RULES.filter((r) => r.pattern.global || r.pattern.sticky).map((r) => r.id);
    expect(stateful).toEqual([]);
    expect(PREFILTER.global || PREFILTER.sticky).toBe(false);
  });

  it('keeps weights within 0–10 and types within the taxonomy', () => {
    for (const r of BUILTIN_RULES) {
      expect(r.weight, r.id).toBeGreaterThanOrEqual(0);
      expect(r.weight, r.id).toBeLessThanOrEqual(10);
      if (r.type) expect(FAILURE_TYPES, r.id).toContain(r.type);
    }
  });

  it('never lets a noise rule cancel a strong signature', () => {
    expect(NOISE_CANCELS_BELOW).toBeGreaterThan(0);
    expect(NOISE_CANCELS_BELOW).toBeLessThanOrEqual(7);
  });
});

describe('noise in practice', () => {
  it('does not pick passing-test lines that mention errors as the failure', async () => {
    // Jest and go test output of passing tests whose names contain "error" or "fail".
    const log = [
      'PASS src/errors.test.ts',
      '  ✓ handles errors (5 ms)',
      '  ✓ reports failures to the caller (2 ms)',
      '--- PASS: TestErrorPaths (0.00s)',
      'ok  \tgithub.com/x/errors\t0.01s',
      'Tests:       3 passed, 3 total',
      'npm WARN deprecated request@2.88.2: request has been deprecated',
      'Done in 2.1s.',
    ].join('\n');
    const finding = await analyzeLog([Buffer.from(log)]);
    expect(finding.failureType).toBe('unknown');
    expect(finding.excerpts.every((e) => e.score === 0)).toBe(true);
  });
});
