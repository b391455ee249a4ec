/**
 * JavaScript and TypeScript: npm, yarn, pnpm; tsc; bundlers (webpack, vite, rollup, esbuild, babel); Sass; jest and vitest; eslint.
 */
import { type Ecosystem, R } from './rule.js';

export const javascript: Ecosystem = {
  name: 'JavaScript and TypeScript',
  file: 'javascript',
  rules: [
    R(
      'dep.npm',
      9,
      'dependency_error',
      /npm (?:ERR!|error) code (?:E404|ETARGET|ERESOLVE|EINTEGRITY|ENOVERSIONS|EBADENGINE|ENOTARGET|EUSAGE)|npm (?:ERR!|error) (?:404|notarget|peer dep|ERESOLVE|Could not resolve dependency|Conflicting peer dependency|missing:|invalid:)|No matching version found for|`npm ci` can only install packages when your package\.json and package-lock\.json|package-lock\.json.*(?:out of sync|not in sync)|Missing: \S+ from lock file|is not in this registry/i,
      [
        'npm ERR! code ERESOLVE',
        'npm ERR! notarget No matching version found for left-pad@^9.0.0.',
        'npm error `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync.',
      ],
    ),
    R(
      'dep.yarn-pnpm',
      9,
      'dependency_error',
      /Couldn't find any versions for|Couldn't find package|Your lockfile needs to be updated|The lockfile would have been modified|lockfile (?:is )?(?:out of date|outdated|needs to be updated)|ERR_PNPM_(?:OUTDATED_LOCKFILE|NO_MATCHING_VERSION|FETCH_404|PEER_DEP_ISSUES|LOCKFILE\w*|NO_LOCKFILE|UNSUPPORTED_ENGINE)|YN0028|YN0035|YN0001: .*(?:resolve|fetch)|error An unexpected error occurred: ".*(?:404|Not found)|frozen-lockfile|Incorrect peer dependency/i,
      [
        'error Your lockfile needs to be updated, but yarn was run with `--frozen-lockfile`.',
        ' ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date',
      ],
    ),
    R('build.tsc', 9, 'build_error', /\berror TS\d{4,5}\b/, [
      "src/app.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
      "src/app.ts:3:7 - error TS2304: Cannot find name 'foo'.",
    ]),
    R(
      'build.tsc-summary',
      3,
      'build_error',
      /^Found \d+ errors? in \d+ files?\.|^Found [1-9]\d* errors?\. Watching/,
      ['Found 3 errors in 2 files.'],
    ),
    R(
      'build.bundler',
      8,
      'build_error',
      /Module not found: Error: Can't resolve '[./]|Module build failed|Build failed with \d+ errors?|\[vite\]:? Rollup failed|RollupError|error during build:|Failed to compile\.|SyntaxError: .*\(\d+:\d+\)|Transform failed with \d+ errors?|✘ \[ERROR\]|\[webpack-cli\] |esbuild: .*error|Parse error:|ParseError:|Unexpected token|error: unexpected|Syntax error|SyntaxError:|unexpected end of (?:file|input)|IndentationError|TabError/i,
      ["Module not found: Error: Can't resolve './Foo' in '/app/src'", 'SyntaxError: Unexpected token (3:4)'],
    ),
    R('build.webpack', 8, 'build_error', /^ERROR in \S+|^\[!\] (?:Error|RollupError)/, [
      'ERROR in ./src/index.js 12:4',
    ]),
    R(
      'build.sass',
      7,
      'build_error',
      /^Error: (?:Invalid CSS|Undefined (?:variable|mixin)|Illegal nesting|Inconsistent indentation|File to import not found|expected )|^\s+on line \d+ of \S+|^\s+╷$/,
      [
        'Error: Invalid CSS after "2.3em": expected expression (e.g. 1px, bold), was ";"',
        '        on line 86 of sass/components/dropdown.sass',
      ],
    ),
    R(
      'test.jest',
      8,
      'test_failure',
      /^\s*● (?!Console)\S.*(?: › .*)?$|^\s*(?:✕|×|✗|✘) \S|expect\(.*\)\.(?:to|not)\w*|Snapshot .* mismatched|\d+ snapshots? failed|^\s*- Expected\s+- \d+|^\s*\+ Received\s+\+ \d+/,
      [
        '  ● Calculator › adds numbers',
        '    ✕ adds numbers (3 ms)',
        '    expect(received).toBe(expected) // Object.is equality',
      ],
    ),
    // The values are the most telling lines of a jest/vitest failure; the file header the least.
    R('test.jest-values', 8.5, 'test_failure', /^\s*(?:Expected|Received)(?: value)?:\s/, [
      '    Expected: 90',
      '    Received: 100',
    ]),
    R('test.jest-file', 6, 'test_failure', /^\s*FAIL\s+\S+\.(?:[jt]sx?|mjs|cjs|vue|svelte)\b/, [
      'FAIL src/calc.test.ts',
    ]),
    R(
      'test.jest-summary',
      4,
      'test_failure',
      /^Tests?:\s+\d+ failed|^Test Suites:\s+\d+ failed|^\s*Test Files\s+\d+ failed|^\s*Tests\s+\d+ failed|⎯+ Failed Tests? \d+ ⎯+|^\s*\d+ failing$|^\s*\d+ (?:tests? )?failed\b/,
      ['Tests:       1 failed, 24 passed, 25 total', ' Test Files  1 failed | 3 passed (4)', '  2 failing'],
    ),
    R(
      'lint.eslint',
      8,
      'lint_error',
      /^\s+\d+:\d+\s+(?:error|warning)\s+.+?\s{2,}[@\w/-]+$|^✖ \d+ problems? \(\d+ errors?|^\s*\d+:\d+\s+error\s+/,
      [
        "  12:5  error  'foo' is assigned a value but never used  no-unused-vars",
        '✖ 3 problems (3 errors, 0 warnings)',
      ],
    ),
  ],
  tools: [],
};
