/**
 * Haskell: ghc (with -Werror), cabal and stack resolution, hspec, tasty, HUnit, hlint.
 */
import { type Ecosystem, R } from './rule.js';

export const haskell: Ecosystem = {
  name: 'Haskell',
  file: 'haskell',
  rules: [
    // `src/Foo.hs:12:5: error:` (the message follows, indented); -Werror turns warnings into
    // `error: [-Wunused-imports, -Werror=unused-imports]`; GHC ≥ 9.6 adds a code: `error: [GHC-88464]`.
    R(
      'build.ghc',
      9,
      'build_error',
      /^\S+\.(?:hs|lhs|hsc|hs-boot):\d+:\d+(?:-\d+)?: error:|^\S+\.(?:hs|lhs):\(\d+,\d+\)-\(\d+,\d+\): error:|^<no location info>: error:/,
      ['src/Foo.hs:12:5: error:', 'src/Foo.hs:3:1: error: [-Wunused-imports, -Werror=unused-imports]'],
    ),
    R(
      'dep.cabal',
      9,
      'dependency_error',
      /Could not resolve dependencies:|unknown package: \S+ \(dependency of|After searching the rest of the dependency tree exhaustively|^Dependency tree exhaustively searched\.|While constructing the build plan, (?:the following exceptions were encountered|Stack encountered the following errors)|but the [Ss]tack configuration has no specified version|but no version is in the Stack configuration|Stack failed to construct a build plan\.|^Plan construction failed\.$|is out of bounds for:|Error: \[S-4804\]/,
      ['cabal: Could not resolve dependencies:'],
    ),
    R(
      'build.cabal',
      5,
      'build_error',
      /^(?:Error: )?cabal(?:\.exe)?: Failed to build \S+|^--\s+While building package \S+ (?:\(scroll up|using:)|^Error: \[S-7282\]/,
      ['Error: cabal: Failed to build app-0.1.0.0.'],
    ),
    // hspec and HUnit report `expected: …` / ` but got: …`; hspec heads each failure with `  1) Module.desc …`.
    R(
      'test.hspec',
      8,
      'test_failure',
      /^\s+but got: |^\s+expected: \S|^### (?:Failure|Error) in: |^\s+\S.*:\s+FAIL(?: \(\d+(?:\.\d+)?s\))?$/,
      ['       expected: 1', '### Failure in: 0:addition', '    adds:   FAIL (0.01s)'],
    ),
    R(
      'test.haskell-summary',
      4,
      'test_failure',
      /^\d+ examples?, [1-9]\d* failures?|^[1-9]\d* out of \d+ tests failed|^Cases: \d+\s+Tried: \d+\s+Errors: \d+\s+Failures: [1-9]|^Cases: \d+\s+Tried: \d+\s+Errors: [1-9]|^\s+To rerun use: --match /,
      ['3 examples, 1 failure', '1 out of 3 tests failed (0.01s)', 'Cases: 3  Tried: 3  Errors: 0  Failures: 1'],
    ),
    R(
      'lint.hlint',
      8,
      'lint_error',
      /^\S+\.(?:hs|lhs):\d+:\d+(?:-\d+)?: (?:Warning|Error|Suggestion): /,
      ['src/Foo.hs:12:5: Warning: Use fmap'],
    ),
  ],
  tools: [
    {
      tool: 'ghc',
      kind: 'build',
      rules: ['build.ghc'],
      examples: [
        { line: 'Main.hs:5:7: error: [GHC-88464]', source: 'https://errors.haskell.org/messages/GHC-88464 (the message follows on the next line)', type: 'build_error' },
        { line: 'NotInScopeLambda.hs:3:6: error: [GHC-76037]', source: 'https://errors.haskell.org/messages/GHC-76037', type: 'build_error' },
        {
          line: 'src/Lib.hs:3:1: error: [GHC-66111] [-Wunused-imports, Werror=unused-imports]',
          source: 'jyp/attrap tests (haskell-dante fixture `error: [GHC-66111] [-Wunused-imports, Werror=unused-imports]`), behind the file:line:col GHC puts on every diagnostic',
          type: 'build_error',
        },
      ],
      lookalikes: [
        {
          line: '/myapp/app/Main.hs:3:1: warning: [GHC-66111] [-Wunused-imports]',
          source: 'https://hackage-content.haskell.org/package/haskell-debugger-0.13.2.0/candidate/src/test/golden/T135/T135.ghc-1001.hdb-stdout',
        },
        {
          line: '[1 of 2] Compiling Main ( /myapp/app/Main.hs, /.hdb-cache//Main.gbc )',
          source: 'https://hackage-content.haskell.org/package/haskell-debugger-0.13.2.0/candidate/src/test/golden/T135/T135.ghc-1001.hdb-stdout',
        },
      ],
    },
    {
      tool: 'cabal / stack',
      kind: 'package',
      rules: ['dep.cabal', 'build.cabal'],
      examples: [
        { line: 'Error: cabal: Could not resolve dependencies:', source: 'https://github.com/haskell/cabal/issues/8922', type: 'dependency_error' },
        {
          line: "After searching the rest of the dependency tree exhaustively, these were the",
          source: 'https://github.com/haskell/cabal/issues/8922',
          type: 'dependency_error',
        },
        { line: 'Dependency tree exhaustively searched.', source: 'https://github.com/haskell/cabal/issues/2399 (cabal-install before 1.24)', type: 'dependency_error' },
        {
          line: 'Error: While constructing the build plan, the following exceptions were encountered:',
          source: 'https://github.com/commercialhaskell/stack/issues/3139',
          type: 'dependency_error',
        },
        { line: 'Error: [S-4804]', source: 'https://github.com/haskellfoundation/error-message-index/pull/457 (Stack ≥ 2.11)', type: 'dependency_error' },
        {
          line: '           classy-prelude-yesod needed, but the Stack configuration has no specified version (latest matching version is 1.5.0)',
          source: 'https://github.com/commercialhaskell/stack/issues/6245',
          type: 'dependency_error',
        },
      ],
      lookalikes: [
        { line: 'Resolving dependencies...', source: 'https://github.com/haskell/cabal/issues/2399' },
        { line: 'Up to date', source: 'haskell/cabal cabal-install/src/Distribution/Client/CmdBuild.hs' },
      ],
    },
    {
      tool: 'hspec',
      kind: 'test',
      rules: ['test.hspec', 'test.haskell-summary'],
      examples: [
        { line: '       expected: 1', source: 'hspec/hspec hspec-core formatters (ExpectedButGot: `expected: …` over ` but got: …`)', type: 'test_failure' },
        { line: '3 examples, 1 failure', source: 'https://hspec.github.io/', type: 'test_failure' },
      ],
      lookalikes: [{ line: '3 examples, 0 failures', source: 'https://hspec.github.io/' }],
    },
    {
      tool: 'tasty',
      kind: 'test',
      rules: ['test.hspec', 'test.haskell-summary'],
      examples: [
        { line: '    List comparison (different length):  FAIL', source: 'https://github.com/UnkindPartition/tasty (README example)', type: 'test_failure' },
        { line: '1 out of 5 tests failed (0.02s)', source: 'https://github.com/UnkindPartition/tasty (README example)', type: 'test_failure' },
      ],
      lookalikes: [
        { line: '    List comparison (same length):       OK', source: 'https://github.com/UnkindPartition/tasty (README example)' },
        { line: 'All 5 tests passed (0.01s)', source: 'https://github.com/UnkindPartition/tasty (README example)' },
      ],
    },
    {
      tool: 'HUnit',
      kind: 'test',
      rules: ['test.hspec', 'test.haskell-summary'],
      examples: [
        { line: '### Failure in: 0:test1', source: 'hspec/HUnit src/Test/HUnit/Text.hs', type: 'test_failure' },
      ],
      lookalikes: [{ line: 'Cases: 2  Tried: 2  Errors: 0  Failures: 0', source: 'hspec/HUnit src/Test/HUnit/Text.hs' }],
    },
    {
      tool: 'hlint',
      kind: 'lint',
      rules: ['lint.hlint'],
      examples: [
        { line: 'src/Main.hs:4:8: Warning: Use concatMap', source: 'https://github.com/ndmitchell/hlint#readme', type: 'lint_error' },
      ],
      lookalikes: [{ line: 'No hints', source: 'https://github.com/ndmitchell/hlint#readme' }],
    },
  ],
};
