import { describe, expect, it } from 'vitest';
import { cleanLine, printable, stripAnsi, stripTimestamp } from '../src/logs/clean.js';
import { hash32, maskForFingerprint, maskVolatile } from '../src/logs/mask.js';

describe('cleanLine', () => {
  it.each([
    ['2024-01-01T00:00:00.1234567Z Run npm test', 'Run npm test'],
    ['2024-01-01T00:00:00Z no fraction', 'no fraction'],
    ['\ufeff2024-01-01T00:00:00.1234567Z after a BOM', 'after a BOM'],
    ['\ufeffBOM only', 'BOM only'],
    ['2024-01-01T00:00:00.1234567Z ', ''],
  ])('strips the BOM and a GitHub timestamp: %j → %j', (raw, clean) => {
    expect(cleanLine(raw)).toBe(clean);
  });

  it.each([
    'deployed at 2024-01-01T00:00:00.1234567Z by bot', // not at the start
    '2024-01-01 00:00:00 INFO space instead of T', // another timestamp format: not the runner's
    '20240101T000000Z compact form',
  ])('leaves other timestamps alone: %j', (raw) => {
    expect(cleanLine(raw)).toBe(raw);
  });

  it('strips ANSI colour codes, erase codes and OSC hyperlinks', () => {
    expect(cleanLine('\x1b[31;1mError:\x1b[0m boom')).toBe('Error: boom');
    expect(cleanLine('\x1b[0K\x1b[33;1mWarning\x1b[0m')).toBe('Warning');
    expect(cleanLine('\x1b]8;;https://example.com\x07link\x1b]8;;\x07 text')).toBe('link text');
    expect(stripAnsi('\x1b[38;5;9merror[E0463]\x1b[0m')).toBe('error[E0463]');
  });

  it('strips a timestamp and ANSI codes together, as in a GitHub step header', () => {
    // From fixtures/github-go-test-terraform.log, line 2.
    expect(cleanLine('2022-04-12T19:20:05.8720555Z \x1b[36;1mgo test ./...\x1b[0m\r')).toBe('go test ./...');
  });

  it('drops trailing \\r (Travis writes \\r\\r\\n)', () => {
    expect(cleanLine('Done. Your build exited with 1.\r')).toBe('Done. Your build exited with 1.');
    expect(cleanLine('Done. Your build exited with 1.\r\r')).toBe('Done. Your build exited with 1.');
  });

  it('keeps the last non-empty segment of \\r progress output', () => {
    expect(cleanLine('progress 10%\rprogress 55%\rprogress 100%')).toBe('progress 100%');
    expect(cleanLine('Downloading\rError: disk quota exceeded\r   \r')).toBe('Error: disk quota exceeded');
    expect(cleanLine('\r\r')).toBe('');
    // A real Travis line (fixtures/travis-go-lint.log, line 3): fold markers then the command, each after \r.
    expect(
      cleanLine(
        'travis_time:end:15029c10:start=1564661250078235681,finish=1564661250081939326,duration=3703645\r\x1b[0Ktravis_fold:end:install\r\x1b[0Ktravis_time:start:0d6db824\r\x1b[0K$ go run build/ci.go lint\r',
      ),
    ).toBe('$ go run build/ci.go lint');
  });

  it('leaves an ordinary line unchanged', () => {
    const line = '    at Object.<anonymous> (test/config/get.ts:32:38)';
    expect(cleanLine(line)).toBe(line);
    expect(stripTimestamp(line)).toBe(line);
  });
});

describe('printable', () => {
  it('removes control characters but keeps tabs and text', () => {
    expect(printable('a\x00b\x07c\x1b[2Jd\te\x7f')).toBe('abc[2Jd\te');
  });
});

describe('maskVolatile', () => {
  const same = (a: string, b: string) => expect(maskVolatile(a)).toBe(maskVolatile(b));
  const differ = (a: string, b: string) => expect(maskVolatile(a)).not.toBe(maskVolatile(b));

  it('masks timestamps, dates and clock times', () => {
    same('started 2022-04-12T19:20:05.877Z on runner', 'started 2023-11-30T01:02:03.000Z on runner');
    same('[INFO] Finished at: 2022-05-22T20:23:24+02:00', '[INFO] Finished at: 2023-01-01T00:00:01+01:00');
    same('build 12:34:56 done', 'build 01:02:03 done');
    same('release date 2022/05/22', 'release date 2023/01/09');
  });

  it('masks durations in the forms test runners print', () => {
    same('ok  \tgithub.com/hashicorp/terraform\t0.077s', 'ok  \tgithub.com/hashicorp/terraform\t4.036s');
    same('FAIL test/config/get.ts (17.807 s)', 'FAIL test/config/get.ts (9.1 s)');
    same('Time:        671.389 s', 'Time:        12 s');
    same('timed out after 30000ms', 'timed out after 1500ms');
    same('Total time:  20.746 min', 'Total time:  3 minutes');
  });

  it('masks commit SHAs, digests, UUIDs and addresses', () => {
    same(
      'HEAD is now at 3cad9e8 fix the thing',
      'HEAD is now at b958762a4f0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e fix the thing',
    );
    same('sha256:9b2a1c3d4e5f6a7b8c9d0e1f2a3b4c5d pulled', 'sha256:0f0e0d0c0b0a09080706050403020100 pulled');
    same(
      'request 123e4567-e89b-12d3-a456-426614174000 failed',
      'request adfbef7f-f5f9-408b-944f-7a5d44394759 failed',
    );
    same('segfault at 0x7ffd5e2a1b30', 'segfault at 0x55d1c0de');
  });

  it('masks temporary paths', () => {
    same(
      'open /tmp/go-build645739527/b001/exe/main: no such file',
      'open /tmp/go-build1234/b001/exe/main: no such file',
    );
    same('/var/folders/xy/k3j2h1/T/jest_abc/x.js failed', '/var/folders/ab/zz9q/T/jest_q1/x.js failed');
    same(
      'C:\\Users\\runneradmin\\AppData\\Local\\Temp\\tmp12.txt locked',
      'C:\\Users\\runneradmin\\AppData\\Local\\Temp\\tmpZZ.txt locked',
    );
  });

  it('keeps counts, so a failing summary differs from a passing one', () => {
    differ(
      'Tests run: 12, Failures: 0, Errors: 0, Skipped: 0',
      'Tests run: 12, Failures: 2, Errors: 0, Skipped: 0',
    );
    differ('Found 3 errors in 2 files.', 'Found 4 errors in 2 files.');
    differ('Tests:       1 failed, 475 passed, 485 total', 'Tests:       0 failed, 476 passed, 485 total');
    differ('Exit status 1', 'Exit status 0');
  });

  it('keeps line numbers (they tell failures apart against the baseline)', () => {
    differ('src/app.ts:12:5 - error TS2322', 'src/app.ts:40:5 - error TS2322');
  });

  it('collapses whitespace and trims', () => {
    expect(maskVolatile('  a \t  b  ')).toBe('a b');
  });
});

describe('maskForFingerprint', () => {
  const same = (a: string, b: string) => expect(maskForFingerprint(a)).toBe(maskForFingerprint(b));

  it('masks every number and line:column', () => {
    same('testing.go:192: missing API token', 'testing.go:205: missing API token');
    same('src/app.ts:12:5 - error TS2322: Type', 'src/app.ts:99:1 - error TS2322: Type');
    same('[ERROR] App.java:[12,5] cannot find symbol', '[ERROR] App.java:[120,17] cannot find symbol');
    same('Tests run: 12, Failures: 2', 'Tests run: 13, Failures: 1');
    expect(maskForFingerprint('testing.go:192: missing API token')).toBe('testing.go:<n>: missing API token');
  });

  it('still tells different messages apart', () => {
    expect(maskForFingerprint('testing.go:192: missing API token')).not.toBe(
      maskForFingerprint('backend_test.go:348: unexpected configure result'),
    );
  });
});

describe('hash32', () => {
  it('is a stable 32-bit hash', () => {
    expect(hash32('abc')).toBe(hash32('abc'));
    expect(hash32('abc')).not.toBe(hash32('abd'));
    expect(Number.isInteger(hash32('x'))).toBe(true);
    expect(hash32('x')).toBeGreaterThanOrEqual(0);
    expect(hash32('x')).toBeLessThan(2 ** 32);
    expect(hash32('')).toBe(0x811c9dc5); // FNV-1a offset basis
  });
});
