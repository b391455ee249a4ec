/**
 * Raw GitHub Actions job logs for the end-to-end tests, in the shape `/actions/jobs/{id}/logs` serves: every
 * line prefixed with a 7-digit-fraction UTC timestamp; the "Set up job" section (runner version, OS, image,
 * token permissions, action downloads) before the first `##[group]Run …`; one `##[group]Run …` header per
 * step with its command, `shell:` and `env:` lines, then `##[endgroup]`; `##[error]Process completed with exit
 * code 1.` after a failing command; `Post job cleanup.` for post steps; "Cleaning up orphan processes" last.
 * The layout follows real logs (see fixtures/sample/failed-job.log and the corpus excerpts in fixtures/);
 * the tool output inside the steps is what the tool prints (jest's failure block, npm's summary).
 */

export interface LogStep {
  /** The step as the API names it, e.g. "Run npm test" (the header is `##[group]` + this). */
  name: string;
  /** The command lines echoed in the header (for `run:` steps). */
  command?: string[];
  /** Output lines of the step, without timestamps. */
  output: string[];
  failed?: boolean;
}

export interface JobLogOptions {
  steps: LogStep[];
  /** The checkout step first (default true), with its post step. */
  checkout?: boolean;
  /** Seconds since 2024-05-01T12:00:00Z where the log starts (so two logs differ in timestamps). */
  startSecond?: number;
}

/** The steps the jobs API lists for a log built from `options`, with the failing step marked. */
export function apiStepsFor(options: JobLogOptions): Array<{
  number: number;
  name: string;
  status: 'completed';
  conclusion: string;
}> {
  const names = ['Set up job'];
  if (options.checkout ?? true) names.push('Run actions/checkout@v4');
  const failedAt = options.steps.findIndex((s) => s.failed);
  options.steps.forEach((s) => names.push(s.name));
  if (options.checkout ?? true) names.push('Post Run actions/checkout@v4');
  names.push('Complete job');
  const firstOwn = (options.checkout ?? true) ? 2 : 1;
  return names.map((name, i) => {
    const own = i - firstOwn;
    const conclusion =
      own >= 0 && own < options.steps.length
        ? failedAt >= 0 && own > failedAt
          ? 'skipped'
          : own === failedAt
            ? 'failure'
            : 'success'
        : 'success';
    return { number: i + 1, name, status: 'completed' as const, conclusion };
  });
}

export function jobLog(options: JobLogOptions): string {
  let t = Date.UTC(2024, 4, 1, 12, 0, 0) + (options.startSecond ?? 0) * 1000;
  let frac = 1_234_567;
  const lines: string[] = [];
  const ts = () => {
    t += 37;
    frac = (frac * 48271) % 2147483647;
    return new Date(t)
      .toISOString()
      .replace(/\.(\d{3})Z$/, (_m, ms: string) => `.${ms}${String(frac % 10000).padStart(4, '0')}Z`);
  };
  const add = (...xs: string[]) => xs.forEach((x) => lines.push(`${ts()} ${x}`));

  add(
    "Current runner version: '2.317.0'",
    '##[group]Operating System',
    'Ubuntu',
    '22.04.4',
    'LTS',
    '##[endgroup]',
    '##[group]Runner Image',
    'Image: ubuntu-22.04',
    'Version: 20240422.1.0',
    'Included Software: https://github.com/actions/runner-images/blob/ubuntu22/20240422.1/images/ubuntu/Ubuntu2204-Readme.md',
    'Image Release: https://github.com/actions/runner-images/releases/tag/ubuntu22%2F20240422.1',
    '##[endgroup]',
    '##[group]Runner Image Provisioner',
    '2.0.369.1',
    '##[endgroup]',
    '##[group]GITHUB_TOKEN Permissions',
    'Actions: read',
    'Contents: read',
    'Metadata: read',
    '##[endgroup]',
    'Secret source: Actions',
    'Prepare workflow directory',
    'Prepare all required actions',
    'Getting action download info',
    "Download action repository 'actions/checkout@v4' (SHA:0ad4b8fadaa221de15dcec353f45205ec38ea70b)",
    'Complete job name: test',
  );
  const checkout = options.checkout ?? true;
  if (checkout) {
    add(
      '##[group]Run actions/checkout@v4',
      'with:',
      '  repository: acme/widgets',
      '  token: ***',
      '  ssh-strict: true',
      '  persist-credentials: true',
      '  clean: true',
      '  fetch-depth: 1',
      '  lfs: false',
      '  submodules: false',
      '  set-safe-directory: true',
      '##[endgroup]',
      'Syncing repository: acme/widgets',
      '##[group]Getting Git version info',
      "Working directory is '/home/runner/work/widgets/widgets'",
      '[command]/usr/bin/git version',
      'git version 2.43.2',
      '##[endgroup]',
      "Temporarily overriding HOME='/home/runner/work/_temp/2b0e5a1c' before making global git config changes",
      '[command]/usr/bin/git config --global --add safe.directory /home/runner/work/widgets/widgets',
      "Deleting the contents of '/home/runner/work/widgets/widgets'",
      '##[group]Initializing the repository',
      '[command]/usr/bin/git init /home/runner/work/widgets/widgets',
      'Initialized empty Git repository in /home/runner/work/widgets/widgets/.git/',
      '[command]/usr/bin/git remote add origin https://github.com/acme/widgets',
      '##[endgroup]',
      '##[group]Fetching the repository',
      '[command]/usr/bin/git -c protocol.version=2 fetch --no-tags --prune --no-recurse-submodules --depth=1 origin +4f9e2c1d0b8a7e6f5d4c3b2a19081726354a5b6c:refs/remotes/origin/main',
      ' * [new ref]         4f9e2c1d0b8a7e6f5d4c3b2a19081726354a5b6c -> origin/main',
      '##[endgroup]',
      '##[group]Checking out the ref',
      '[command]/usr/bin/git checkout --progress --force -B main refs/remotes/origin/main',
      "Switched to a new branch 'main'",
      "branch 'main' set up to track 'origin/main'.",
      '##[endgroup]',
      '[command]/usr/bin/git log -1 --format=%H',
      '4f9e2c1d0b8a7e6f5d4c3b2a19081726354a5b6c',
    );
  }
  for (const step of options.steps) {
    add(`##[group]${step.name}`);
    if (step.command) add(...step.command, 'shell: /usr/bin/bash -e {0}', 'env:', '  CI: true');
    add('##[endgroup]', ...step.output);
    if (step.failed) {
      add('##[error]Process completed with exit code 1.');
      break;
    }
  }
  if (checkout) {
    add(
      'Post job cleanup.',
      '[command]/usr/bin/git version',
      'git version 2.43.2',
      "Temporarily overriding HOME='/home/runner/work/_temp/7c1d9e0f' before making global git config changes",
      '[command]/usr/bin/git config --local --name-only --get-regexp core\\.sshCommand',
      "[command]/usr/bin/git submodule foreach --recursive sh -c \"git config --local --name-only --get-regexp 'core\\.sshCommand' && git config --local --unset-all 'core.sshCommand' || :\"",
      '[command]/usr/bin/git config --local --name-only --get-regexp http\\.https\\:\\/\\/github\\.com\\/\\.extraheader',
      'http.https://github.com/.extraheader',
      '[command]/usr/bin/git config --local --unset-all http.https://github.com/.extraheader',
    );
  }
  add('Cleaning up orphan processes');
  return lines.join('\n') + '\n';
}

/** npm ci's output, as npm 10 prints it. */
export const NPM_CI: LogStep = {
  name: 'Run npm ci',
  command: ['npm ci'],
  output: [
    'npm WARN deprecated inflight@1.0.6: This module is not supported, and leaks memory. Do not use it.',
    'npm WARN deprecated glob@7.2.3: Glob versions prior to v9 are no longer supported',
    '',
    'added 287 packages, and audited 288 packages in 6s',
    '',
    '41 packages are looking for funding',
    '  run `npm fund` for details',
    '',
    'found 0 vulnerabilities',
  ],
};

/** Which jest test fails, and on which numbers (`toBe`). */
export interface FailingJestTest {
  /** `Suite › test`, as jest prints it after `●`. */
  name: string;
  file?: string;
  expected: number;
  received: number;
}

/** `npm test` running jest: `passing` tests pass, then (when `failing`) one assertion fails. */
export function npmTest(
  options: { failing: boolean; before?: string[]; test?: FailingJestTest } = { failing: true },
): LogStep {
  const t: Required<FailingJestTest> = {
    name: 'Cart › applies the discount to the total',
    file: 'src/cart.test.js',
    expected: 90,
    received: 100,
    ...options.test,
  };
  const head = [
    '',
    '> widgets@1.0.0 test',
    '> jest',
    '',
    ...(options.before ?? []),
    'PASS src/format.test.js',
  ];
  if (!options.failing) {
    return {
      name: 'Run npm test',
      command: ['npm test'],
      output: [
        ...head,
        'PASS src/cart.test.js',
        '',
        'Test Suites: 2 passed, 2 total',
        'Tests:       6 passed, 6 total',
        'Snapshots:   0 total',
        'Time:        0.874 s, estimated 1 s',
        'Ran all test suites.',
      ],
    };
  }
  return {
    name: 'Run npm test',
    command: ['npm test'],
    failed: true,
    output: [
      ...head,
      `FAIL ${t.file}`,
      `  ● ${t.name}`,
      '',
      '    expect(received).toBe(expected) // Object.is equality',
      '',
      `    Expected: ${t.expected}`,
      `    Received: ${t.received}`,
      '',
      "      12 |     const cart = new Cart([{ sku: 'A-1', price: 100 }]);",
      '      13 |     cart.applyDiscount(0.1);',
      `    > 14 |     expect(cart.total()).toBe(${t.expected});`,
      '         |                          ^',
      '      15 |   });',
      '      16 | });',
      '      17 |',
      '',
      `      at Object.toBe (${t.file}:14:26)`,
      '',
      'Test Suites: 1 failed, 1 passed, 2 total',
      'Tests:       1 failed, 5 passed, 6 total',
      'Snapshots:   0 total',
      'Time:        0.912 s, estimated 1 s',
      'Ran all test suites.',
    ],
  };
}
