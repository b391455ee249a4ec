import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PRESET_RULE_IDS,
  REDACTED,
  entropy,
  findSecrets,
  keyKind,
  mayHoldSecret,
  presetRuleIds,
  redact,
  redactDeep,
} from '../src/publish/redact.js';

interface SecretExample {
  format: string;
  source: string;
  secret: string;
  line: string;
}

/** Fake secrets of each format inside realistic log lines (fixtures/README.md). */
const examples = JSON.parse(
  readFileSync(new URL('../fixtures/secrets/secrets.json', import.meta.url), 'utf8'),
) as SecretExample[];

/** The parts of a secret that must be gone: the value, or each line of a multi-line one (PEM bodies). */
const parts = (secret: string) => secret.split(/\\n|\n/).filter((p) => p.length >= 8);

/** The ordinary words around the secret (4+ letters), which must stay. */
const words = (line: string, secret: string) =>
  line
    .split(secret)
    .join(' ')
    .match(/\b[A-Za-z]{4,}\b/g) ?? [];

/** Ordinary CI text that holds no secret, and must come out unchanged. */
const ORDINARY = [
  // commit SHAs, short SHAs
  'HEAD is now at 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b Merge pull request #1234 from acme/fix-login',
  '   8c2f9d0..5d6e7f8  main -> main',
  "Download action repository 'actions/checkout@v4' (SHA:b4ffde65f46336ab88eb53be808477a3936bae11)",
  'remote: Resolving deltas: 100% (12/12), completed with 5 local objects. 0f3a9c1',
  // sha256 digests, docker image digests
  'Digest: sha256:9b2d6c9f3c1a5e7f8d0b4a6c2e8f1d3b5a7c9e0f2d4b6a8c0e2f4a6b8d0c2e4f',
  '#5 [internal] load metadata for docker.io/library/node@sha256:2b1e9a4f7c3d8e0a5b6c9d2e4f1a3b7c8d0e5f6a9b2c4d7e1f3a5b8c0d2e4f6a',
  'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  dist/widgets-2.4.1.tgz',
  // UUIDs
  'Requested labels: ubuntu-latest, Job defined at: acme/widgets/.github/workflows/ci.yml@refs/heads/main, id 123e4567-e89b-12d3-a456-426614174000',
  '##[debug]Runner machine id: 9f1c2b3a-4d5e-4f60-8a7b-1c2d3e4f5a6b',
  // base64 of non-secret data and hashes in test names
  '  ✓ decodes SGVsbG8gV29ybGQhIFRoaXMgaXMgYSB0ZXN0IHN0cmluZw== into text (3 ms)',
  'tests/test_cache.py::test_cache_key_5d41402abc4b2a76b9719d911017c592 PASSED [ 42%]',
  'PASS src/__tests__/hash.test.ts > md5("hello") is 5d41402abc4b2a76b9719d911017c592',
  // npm integrity hashes
  '      "integrity": "sha512-Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG9mcmVkcGx1Z3h5enp5Zm9vYmFyYmF6cXV4cXV1eA==",',
  'npm warn tarball tarball data for lodash@4.17.21 (sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg==) seems to be corrupted.',
  // version strings, file paths
  'Successfully installed requests-2.31.0 urllib3-2.2.1 certifi-2024.2.2 charset-normalizer-3.3.2',
  'Found in cache @ /opt/hostedtoolcache/node/20.11.1/x64',
  '    at Object.<anonymous> (/home/runner/work/widgets/widgets/src/auth/token-store.test.ts:42:7)',
  "src/secret-manager.ts(12,5): error TS2322: Type 'string' is not assignable to type 'number'.",
  'go: downloading github.com/aws/aws-sdk-go-v2/credentials v1.17.11',
  'github.com/golang-jwt/jwt/v5 v5.2.1 h1:OuVbFODueb089Lh128TAcimifWaLhJwVflnrgM17wHk=',
  // key words next to values that are no secrets
  'Cache restored from key: node-cache-Linux-x64-npm-8c2f9d0e1b3a4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b',
  '  id-token: write',
  '  token: ***',
  '  GITHUB_TOKEN: ***',
  '    token: ${{ secrets.GITHUB_TOKEN }}',
  '  persist-credentials: false',
  '  password: ${{ secrets.DOCKERHUB_PASSWORD }}',
  'max_tokens=4096 temperature=0',
  'api_key_length: 32',
  'Secret source: Actions',
  'psql: error: FATAL:  password authentication failed for user "postgres"',
  "Enter passphrase for key '/home/runner/.ssh/id_ed25519':",
  'npm ERR! code E401 Unable to authenticate, need: Basic realm="GitHub Package Registry"',
  'Error: Bearer token required',
  'Error: Input required and not supplied: token',
  'export PWD=/home/runner/work/widgets/widgets',
  'ssh: connect to host github.com port 22: Connection timed out',
  'To https://github.com/acme/widgets.git',
  "fatal: could not read Username for 'https://github.com': No such device or address",
  '[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/codehaus/mojo/signature/java18/1.0/java18-1.0.signature',
];

describe('redact: secret formats (fixtures/secrets/secrets.json)', () => {
  it('holds at least 40 examples in at least 30 formats, each named with its documentation', () => {
    expect(examples.length).toBeGreaterThanOrEqual(40);
    expect(new Set(examples.map((e) => e.format)).size).toBeGreaterThanOrEqual(30);
    for (const e of examples) {
      expect(e.line, e.format).toContain(e.secret);
      expect(e.source, e.format).toMatch(/^https:\/\//);
    }
  });

  it.each(examples.map((e) => [e.format, e] as const))(
    '%s: the secret goes, the words around it stay',
    (_, e) => {
      const out = redact(e.line);
      for (const p of parts(e.secret)) expect(out).not.toContain(p);
      expect(out).toContain(REDACTED);
      for (const w of words(e.line, e.secret)) expect(out, `"${w}" in ${out}`).toContain(w);
    },
  );

  it('is idempotent: redacting twice gives what redacting once gives', () => {
    for (const line of [...examples.map((e) => e.line), ...ORDINARY]) {
      const once = redact(line);
      expect(redact(once)).toBe(once);
    }
  });

  it('names the rule that found each secret', () => {
    const rules = new Set(examples.flatMap((e) => findSecrets(e.line).map((s) => s.rule)));
    expect([...rules].filter((r) => r.startsWith('secretlint/')).length).toBeGreaterThan(10);
    expect(rules).toContain('private-key');
    expect(rules).toContain('key-value/password');
  });
});

describe('redact: ordinary CI text', () => {
  it.each(ORDINARY)('leaves alone: %s', (line) => {
    expect(findSecrets(line)).toEqual([]);
    expect(redact(line)).toBe(line);
  });

  it('lets most lines through on the pre-check alone', () => {
    expect(mayHoldSecret('PASS src/__tests__/hash.test.ts (3 ms)')).toBe(false);
    expect(mayHoldSecret('   8c2f9d0..5d6e7f8  main -> main')).toBe(false);
    expect(mayHoldSecret('  token: ***')).toBe(true);
  });
});

describe('redact: known secret values', () => {
  const token = 'ci-triage-test-value-7f3a9c';

  it('redacts them plain, JSON-escaped and URL-encoded', () => {
    expect(redact(`using ${token} now`, [token])).toBe('using *** now');
    const odd = 'p@ss/w"rd+1';
    expect(redact(`{"v":${JSON.stringify(odd)}}`, [odd])).toBe('{"v":"***"}');
    expect(redact(`https://example.test/?p=${encodeURIComponent(odd)}&x=1`, [odd])).toBe(
      'https://example.test/?p=***&x=1',
    );
  });

  it('redacts them base64-encoded, alone and inside a longer base64 string at any byte alignment', () => {
    const b64 = Buffer.from(token).toString('base64');
    expect(redact(`echo ${b64} | base64 -d`, [token])).toBe('echo *** | base64 -d');
    for (const prefix of ['x-access-token:', 'ab:', 'a:']) {
      const basic = Buffer.from(prefix + token + '\n').toString('base64');
      const out = redact(`encoded ${basic} end`, [token]);
      expect(out).toContain(REDACTED);
      // Nothing of the token's own base64 survives: at most the characters shared with its neighbours.
      const inner = basic.slice(
        Math.ceil((prefix.length * 8) / 6),
        Math.floor(((prefix.length + token.length) * 8) / 6),
      );
      expect(out).not.toContain(inner);
    }
  });

  it('leaves values shorter than 4 characters alone, as the runner does', () => {
    expect(redact('a b c abc', ['abc'])).toBe('a b c abc');
  });
});

describe('redact: private keys', () => {
  const body = [
    'MIIEowIBAAKCAQEAq7BFUpkGp3+LQmlQYx2eqzDV+xeG8kx/sQFV18S5JhzGeIJN',
    'A72wSeukEPojtqUyX2J0CciPBh7eqclQ2zpAswjfd2ZP6ZrdbF6JQdLsAQqbJH8c',
    'kT1u6dDD0Ovb7T1bT8ikO+X1n3uZi1uGUd3Bt6BZf4aXlY8Rvnp0b9yRA==',
  ];
  const block = (type: string) => [
    `-----BEGIN ${type}PRIVATE KEY-----`,
    ...body,
    `-----END ${type}PRIVATE KEY-----`,
  ];

  it.each(['RSA ', 'EC ', 'OPENSSH ', 'ENCRYPTED ', ''])(
    'redacts a whole multi-line %sblock and keeps its BEGIN and END lines',
    (type) => {
      const text = ['+ cat key.pem', ...block(type), '+ ssh-add key.pem'].join('\n');
      expect(redact(text)).toBe(
        [
          '+ cat key.pem',
          `-----BEGIN ${type}PRIVATE KEY-----`,
          REDACTED,
          `-----END ${type}PRIVATE KEY-----`,
          '+ ssh-add key.pem',
        ].join('\n'),
      );
    },
  );

  it('redacts a PGP private key block with its armor checksum', () => {
    const text = [
      '-----BEGIN PGP PRIVATE KEY BLOCK-----',
      '',
      ...body,
      '=Ab3x',
      '-----END PGP PRIVATE KEY BLOCK-----',
    ].join('\n');
    const out = redact(text);
    for (const l of [...body, '=Ab3x']) expect(out).not.toContain(l);
    expect(out).toContain('-----END PGP PRIVATE KEY BLOCK-----');
  });

  it('redacts the base64 lines after a lone BEGIN line, up to the first line that is not base64', () => {
    const text = [
      'key:',
      '-----BEGIN RSA PRIVATE KEY-----',
      ...body.slice(0, 2),
      'Error: libcrypto returned an error',
    ].join('\n');
    expect(redact(text)).toBe(
      ['key:', '-----BEGIN RSA PRIVATE KEY-----', REDACTED, 'Error: libcrypto returned an error'].join('\n'),
    );
  });

  it('redacts the rest of a single line that starts a key (the log cut it)', () => {
    expect(redact(`SSH_KEY=-----BEGIN OPENSSH PRIVATE KEY----- ${body[0] ?? ''}`)).toBe(
      `SSH_KEY=-----BEGIN OPENSSH PRIVATE KEY----- ${REDACTED}`,
    );
  });

  it('redacts a key inside a JSON string, with its escaped line breaks', () => {
    const json = JSON.stringify({ type: 'service_account', private_key: block('').join('\n') + '\n' });
    const out = redact(json);
    for (const l of body) expect(out).not.toContain(l);
    expect(JSON.parse(out)).toEqual({
      type: 'service_account',
      private_key: `-----BEGIN PRIVATE KEY-----\n${REDACTED}\n-----END PRIVATE KEY-----\n`,
    });
  });

  it('leaves public keys and certificates alone', () => {
    const cert = ['-----BEGIN CERTIFICATE-----', ...body, '-----END CERTIFICATE-----'].join('\n');
    expect(redact(cert)).toBe(cert);
  });
});

describe('redact: credentials in URLs and headers', () => {
  it('keeps the scheme, user and host of a URL and redacts its password', () => {
    expect(redact('git clone https://x-access-token:s3cr3t-Valu3@github.com/acme/widgets.git')).toBe(
      'git clone https://x-access-token:***@github.com/acme/widgets.git',
    );
    expect(redact('DATABASE_URL=postgres://app:hunter22@db.internal:5432/app')).toBe(
      'DATABASE_URL=postgres://app:***@db.internal:5432/app',
    );
    expect(redact('amqp://guest:guest@localhost:5672/')).toBe('amqp://guest:***@localhost:5672/');
  });

  it('leaves URLs without a password, and placeholders, alone', () => {
    for (const s of [
      'https://github.com/acme/widgets.git',
      'ssh://git@github.com/acme/widgets.git',
      'https://user:${PASSWORD}@example.com/',
      'https://u:p@h.com/p/a/t/h?s#hash',
    ]) {
      expect(redact(s)).toBe(s);
    }
  });

  it('redacts Authorization, Bearer and API-key header values, keeping the header and scheme', () => {
    expect(redact('> Authorization: Bearer abcDEF123456ghiJKL789')).toBe('> Authorization: Bearer ***');
    expect(redact('-H "Authorization: Basic Y2ktYm90OnMzY3IzdA=="')).toBe('-H "Authorization: Basic ***"');
    expect(redact('authorization: token ghp_notquitelongenoughbutstill1234')).toBe(
      'authorization: token ***',
    );
    expect(redact('X-Api-Key: 0123456789abcdefABCDEF')).toBe('X-Api-Key: ***');
    expect(redact('curl -H "Bearer 0123456789abcdefABCDEF.xyz"')).toBe('curl -H "Bearer ***"');
  });
});

describe('redact: key = value', () => {
  it('redacts password values whatever they look like, other secrets when they look generated', () => {
    expect(redact('password=hunter22')).toBe('password=***');
    expect(redact('  passwd: correct-horse')).toBe('  passwd: ***');
    expect(redact('token=Zx81kLq02mN7')).toBe('token=***');
    expect(redact('secret=3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c')).toBe('secret=***');
    expect(redact('{"api_key": "AbCdEf0123456789XyZ"}')).toBe('{"api_key": "***"}');
    expect(redact('apikey: q9W8e7R6t5Y4u3I2')).toBe('apikey: ***');
    expect(redact('mvn deploy -Drepo.password=Tr0ub4dor!3 -B')).toBe('mvn deploy -Drepo.password=*** -B');
  });

  it('leaves words, variables and code next to secret keys alone', () => {
    for (const s of [
      'token=true',
      'secret: required',
      'token = getToken()',
      'password = self.password',
      'api_key=$API_KEY',
      'token: ${{ github.token }}',
      'secret_name=prod-db',
      'password_file=/run/secrets/db',
      'NPM_TOKEN=NODE_AUTH_TOKEN',
    ]) {
      expect(redact(s), s).toBe(s);
    }
  });

  it('reads key names', () => {
    expect(keyKind('DB_PASSWORD')).toBe('password');
    expect(keyKind('clientSecret')).toBe('secret');
    expect(keyKind('HEROKU_API_KEY')).toBe('secret');
    expect(keyKind('_authToken')).toBe('secret');
    expect(keyKind('cache-key')).toBeUndefined();
    expect(keyKind('max_tokens')).toBeUndefined();
    expect(keyKind('token_type')).toBeUndefined();
    expect(keyKind('PWD')).toBeUndefined();
  });

  it('measures entropy in bits per character', () => {
    expect(entropy('aaaa')).toBe(0);
    expect(entropy('abcd')).toBe(2);
  });
});

describe('redact: the secretlint preset', () => {
  it('knows every rule of the installed preset (a new rule needs its prefix in the pre-check)', () => {
    expect([...presetRuleIds].sort()).toEqual(Object.keys(PRESET_RULE_IDS).sort());
  });

  it('cannot be switched off by a secretlint-disable comment in the log', () => {
    const token = 'ghp_' + 'aB3'.repeat(12);
    expect(redact(`// secretlint-disable\n${token}`)).toBe('// secretlint-disable\n***');
  });
});

describe('redactDeep', () => {
  it('redacts every string of a JSON-like value and keeps everything else', () => {
    const token = 'ghp_' + 'Zy9'.repeat(12);
    expect(redactDeep({ a: [`x ${token}`, 1, null], b: { c: 'password=hunter22', d: true } })).toEqual({
      a: ['x ***', 1, null],
      b: { c: 'password=***', d: true },
    });
  });
});
