import { describe, expect, it } from 'vitest';
import { parseUserRules, RulesFileError } from '../src/classify/user-rules.js';
import { analyzeLog } from '../src/pipeline/analyze-log.js';

const log = (...lines: string[]) => [Buffer.from(lines.join('\n') + '\n')];

/** The error a rules file raises, or a failure if it parses. */
function errorOf(text: string, source = 'ci-triage-rules.yml'): RulesFileError {
  try {
    parseUserRules(text, source);
  } catch (e) {
    expect(e).toBeInstanceOf(RulesFileError);
    return e as RulesFileError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe('parseUserRules: a valid file', () => {
  const text = `
# Team rules
rules:
  - pattern: "ECONNRESET while fetching fixtures"
    type: infrastructure
    transient: true
    severity: low
  - id: npm-deprecated
    pattern: "^npm WARN deprecated"
    ignore: true
  - pattern: "Segfault in ([a-z_]+)"
    flags: ""
    type: build_error
    weight: 6
`;

  it('reads type, severity, transient, ignore, weight and id', () => {
    const rules = parseUserRules(text, 'rules.yml');
    expect(rules).toHaveLength(3);
    const [net, deprecated, segv] = rules;
    expect(net).toMatchObject({
      id: 'user.1',
      type: 'infrastructure',
      transient: true,
      severity: 'low',
      user: true,
      weight: 8,
    });
    expect(net?.ignore).toBeUndefined();
    expect(deprecated).toMatchObject({ id: 'npm-deprecated', ignore: true, weight: 0, user: true });
    expect(deprecated?.type).toBeUndefined();
    expect(segv).toMatchObject({ id: 'user.3', type: 'build_error', weight: 6 });
  });

  it('compiles patterns case-insensitively unless flags are given', () => {
    const [net, deprecated, segv] = parseUserRules(text, 'rules.yml');
    expect(net?.pattern.test('econnreset WHILE fetching fixtures from cdn')).toBe(true);
    expect(deprecated?.pattern.test('npm WARN deprecated left-pad@1.0.0')).toBe(true);
    expect(deprecated?.pattern.test('  npm WARN deprecated left-pad@1.0.0')).toBe(false); // anchored
    expect(segv?.pattern.test('Segfault in parse_args')).toBe(true);
    expect(segv?.pattern.test('SEGFAULT IN parse_args')).toBe(false); // flags: "" → case-sensitive
  });

  it('accepts an empty file or one with only comments as no rules', () => {
    expect(parseUserRules('', 'empty.yml')).toEqual([]);
    expect(parseUserRules('# nothing yet\n', 'comments.yml')).toEqual([]);
    expect(parseUserRules('rules: []\n', 'list.yml')).toEqual([]);
  });
});

describe('parseUserRules: errors name the file and the field', () => {
  it('names rules.0.type for a type outside the taxonomy', () => {
    const e = errorOf('rules:\n  - pattern: boom\n    type: flaky\n', 'team-rules.yml');
    expect(e.message).toContain('team-rules.yml');
    expect(e.message).toContain('rules.0.type');
  });

  it('names the index of the faulty rule and the field', () => {
    const e = errorOf('rules:\n  - pattern: ok\n  - pattern: x\n    severity: urgent\n');
    expect(e.message).toContain('rules.1.severity');
  });

  it('names a missing pattern', () => {
    expect(errorOf('rules:\n  - type: timeout\n').message).toContain('rules.0.pattern');
  });

  it('names a misspelt key', () => {
    const e = errorOf('rules:\n  - pattern: x\n    severty: low\n');
    expect(e.message).toContain('rules.0');
    expect(e.message).toContain('severty');
  });

  it('rejects a weight out of range and flags other than i, m, s, u', () => {
    expect(errorOf('rules:\n  - pattern: x\n    weight: 11\n').message).toContain('rules.0.weight');
    expect(errorOf('rules:\n  - pattern: x\n    flags: g\n').message).toContain('rules.0.flags');
  });

  it('rejects a file without a rules list', () => {
    expect(errorOf('- pattern: x\n').message).toMatch(/rules|the file/);
    expect(errorOf('rules: {pattern: x}\n').message).toContain('rules');
  });

  it('says when a pattern is not a valid regular expression', () => {
    const e = errorOf('rules:\n  - pattern: "(unclosed"\n    type: timeout\n', 'r.yml');
    expect(e.message).toContain('r.yml');
    expect(e.message).toContain('rules.0.pattern');
    expect(e.message).toMatch(/not a valid regular expression/);
  });

  it('says when the file is not valid YAML', () => {
    const e = errorOf('rules:\n  - pattern: "unterminated\n    type: [timeout\n', 'broken.yml');
    expect(e.message).toContain('broken.yml');
    expect(e.message).toMatch(/not valid YAML/);
  });
});

describe('user rules in analyzeLog', () => {
  const noisy = '##[error]Telemetry upload failed: collector.example.com refused the connection';

  it('an ignore rule drops a line that would otherwise be the key line', async () => {
    const lines = ['Run ./scripts/test.sh', 'running 12 checks', noisy, 'all checks done'];
    const before = await analyzeLog(log(...lines));
    expect(before.excerpts[0]?.keyLine).toBe(3);
    expect(before.ignoredLines).toBe(0);

    const userRules = parseUserRules(
      'rules:\n  - pattern: "Telemetry upload failed"\n    ignore: true\n',
      'r.yml',
    );
    const after = await analyzeLog(log(...lines), { userRules });
    expect(after.ignoredLines).toBe(1);
    expect(after.excerpts.some((e) => e.keyLine === 3)).toBe(false);
    expect(after.excerpts.every((e) => e.score === 0)).toBe(true);
  });

  it('an ignore rule lets the real error come first', async () => {
    const lines = [
      'Run npm test',
      noisy,
      'FAIL src/calc.test.ts',
      '  ● adds numbers',
      '    expect(received).toBe(expected) // Object.is equality',
      '    Expected: 4',
      '    Received: 5',
      noisy,
      '##[error]Process completed with exit code 1.',
    ];
    const userRules = parseUserRules(
      'rules:\n  - pattern: "Telemetry upload failed"\n    ignore: true\n',
      'r.yml',
    );
    const finding = await analyzeLog(log(...lines), { userRules });
    expect(finding.ignoredLines).toBe(2);
    const first = finding.excerpts[0];
    expect(first).toBeDefined();
    expect(first!.startLine).toBeLessThanOrEqual(5);
    expect(first!.endLine).toBeGreaterThanOrEqual(5);
    expect(finding.failureType).toBe('test_failure');
    expect(finding.excerpts.some((e) => e.keyLine === 2 || e.keyLine === 8)).toBe(false);
  });

  it('a rule with a severity fixes the severity whatever the branch', async () => {
    const lines = [
      'Run ./contract-tests.sh',
      'checking 40 contracts',
      'Payment gateway contract broken for merchant 42',
      'done',
    ];
    const context = { branch: 'feature/checkout', defaultBranch: 'main', event: 'pull_request' };
    const plain = await analyzeLog(log(...lines), { context });
    expect(plain.severity).toBe('medium');

    const userRules = parseUserRules(
      'rules:\n  - pattern: "contract broken"\n    type: test_failure\n    severity: critical\n',
      'r.yml',
    );
    const ruled = await analyzeLog(log(...lines), { context, userRules });
    expect(ruled.severity).toBe('critical');
    expect(ruled.failureType).toBe('test_failure');
    expect(ruled.excerpts[0]?.keyLine).toBe(3);
    expect(ruled.excerpts[0]?.rule).toBe('user.1');
  });

  it('a typed, transient rule decides type and transience', async () => {
    const lines = [
      'Run ./fetch-fixtures.sh',
      'ECONNRESET while fetching fixtures from cdn.example.com',
      'giving up',
    ];
    const userRules = parseUserRules(
      'rules:\n  - pattern: "while fetching fixtures"\n    type: infrastructure\n    transient: true\n',
      'r.yml',
    );
    const finding = await analyzeLog(log(...lines), {
      userRules,
      context: { branch: 'main', defaultBranch: 'main' },
    });
    expect(finding.failureType).toBe('infrastructure');
    expect(finding.transient).toBe(true);
    expect(finding.severity).toBe('low');
  });
});

describe('user patterns run in linear time', () => {
  it('a pattern that backtracks exponentially in V8 answers at once: ^(a+)+$ on 40 a and a !', () => {
    const [rule] = parseUserRules('rules:\n  - pattern: "^(a+)+$"\n    type: timeout\n', 'r.yml');
    expect(rule?.pattern.test(`${'a'.repeat(40)}!`)).toBe(false);
    expect(rule?.pattern.test('a'.repeat(40))).toBe(true);
    expect('x aaa'.match(rule!.pattern)).toBeNull();
  });

  it('a catastrophic pattern on a line of the log does not hang the analyzer', async () => {
    const rules = parseUserRules(
      'rules:\n  - pattern: "^(a+)+$"\n    type: timeout\n  - pattern: "(x+x+)+y"\n',
      'r.yml',
    );
    const log = `${'a'.repeat(40)}!\n${'x'.repeat(5000)}\nError: boom\n`;
    const finding = await analyzeLog([Buffer.from(log)], { userRules: rules });
    expect(finding.excerpts.some((e) => e.lines.some((l) => l.includes('Error: boom')))).toBe(true);
  });

  it('keeps the JavaScript meaning: classes, \\b, \\d, named groups, flags i, m, s', () => {
    const rules = parseUserRules(
      [
        'rules:',
        '  - pattern: "\\\\bE[A-Z]+ while fetching \\\\d+ fixtures?"',
        '  - pattern: "(?<tool>eslint|tsc): error"',
        '    flags: ""',
        '  - pattern: "a.b"',
        '    flags: s',
      ].join('\n'),
      'r.yml',
    );
    expect(rules[0]!.pattern.test('econnreset while fetching 12 fixtures')).toBe(true);
    expect(rules[0]!.pattern.test('xECONNRESET while fetching 12 fixtures')).toBe(false);
    expect(rules[1]!.pattern.exec('tsc: error TS2322')?.groups?.tool).toBe('tsc');
    expect(rules[1]!.pattern.test('TSC: error')).toBe(false);
    expect(rules[2]!.pattern.test('a\nb')).toBe(true);
  });

  it('rejects a backreference, naming the rule and the construct', () => {
    const e = errorOf(
      'rules:\n  - pattern: x\n  - id: repeated-word\n    pattern: "(\\\\w+) \\\\1"\n',
      'r.yml',
    );
    expect(e.message).toContain('r.yml: rules.1.pattern (repeated-word)');
    expect(e.message).toContain('a backreference (\\1)');
    expect(e.message).toMatch(/linear time/);
  });

  it('rejects lookahead and lookbehind, but not the same characters inside a class', () => {
    expect(errorOf('rules:\n  - pattern: "foo(?!bar)"\n').message).toContain('a lookahead ((?!…)');
    expect(errorOf('rules:\n  - pattern: "(?<=v)1"\n').message).toContain('a lookbehind ((?<=…)');
    expect(errorOf('rules:\n  - pattern: "\\\\k<x>(?<x>a)"\n').message).toContain('a named backreference');
    const [rule] = parseUserRules('rules:\n  - pattern: "[(?=]x"\n', 'r.yml');
    expect(rule?.pattern.test('=x')).toBe(true);
  });
});
