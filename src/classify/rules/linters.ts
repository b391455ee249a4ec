/**
 * Linters across languages: Formatters and linters shared by several ecosystems, and their diffs.
 */
import { type Ecosystem, R } from './rule.js';

export const linters: Ecosystem = {
  name: 'Linters across languages',
  file: 'linters',
  rules: [
    R(
      'lint.format',
      8,
      'lint_error',
      /^\[warn\] \S+\.\w+$|Code style issues found in|Forgot to run Prettier\?|^\[error\] \S+: SyntaxError|Run Prettier with --write to fix|would reformat \S+|files? would be reformatted|^Oh no! 💥 💔 💥|^--- \S+\s+\(original\)|^ERROR: \S+ Imports are incorrectly sorted|Fixing \S+\.py|isort|^\S+\.py:\d+:\d+: [EWFCN]\d{3}\b|^\S+\.py:\d+:\d+: [CRWEF]\d{4}:|^\*{13} Module |Your code has been rated at|^\S+\.rb:\d+:\d+: [CWEF]: |\d+ files? inspected, [1-9]\d* offen[cs]es? detected|^Diff in \S+ at line \d+|^\S+\.go:\d+:\d+: .+ \((?:\w|-)+\)$|^\S+\.go:\d+:\d+: .*(?:should|is not|exported)|^In \S+ line \d+:$|\bSC\d{4}\b|\bMD\d{3}\b|^\S+:\d+:\d+ .* \[(?:error|warning)\]|^\S+: line \d+, col \d+, (?:Error|Warning)|Lint(?:er|ing)? (?:errors?|failed|issues?)|lint error|\bstyle (?:check|error|issue|violation)s?/i,
      [
        'Code style issues found in 2 files. Run Prettier with --write to fix.',
        'would reformat src/app.py',
        "./app.py:3:1: F401 'os' imported but unused",
        'app/models/user.rb:3:5: C: Style/StringLiterals: Prefer single-quoted strings',
      ],
    ),
    R(
      'lint.tool',
      2.5,
      'lint_error',
      /\b(?:gofmt|goimports|golint|golangci-lint|staticcheck|go vet|clang-format|clang-tidy|rustfmt|cargo fmt|clippy|black|flake8|pylint|isort|rubocop|checkstyle|spotless|ktlint|detekt|scalafmt|scalastyle|swiftlint|swiftformat|stylelint|markdownlint|hadolint|yamllint|shellcheck|codespell|pyright|ruff|tslint|eslint|jshint|jscs|prettier|phpcs|php-cs-fixer|phpstan|psalm|cpplint|editorconfig|lint-\S+|linter|lint)\b.*\b(?:fail|error|warn|violation|problem|issue|offen[cs]e)|\b(?:trailing whitespace|include guard|Violation)\b/i,
      ['eslint found problems', 'golangci-lint run failed'],
    ),
    R(
      'lint.diff',
      3,
      'lint_error',
      /^diff --git a\/|^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@|^\^-+ failure generated from|^(?:\+\+\+|---) [ab]\/\S+/,
      ['diff --git a/src/app.c b/src/app.c', '^---- failure generated from test/lint/lint-whitespace.sh'],
    ),
    R(
      'lint.generic',
      5,
      'lint_error',
      /\b[1-9]\d* (?:problems?|issues?|offen[cs]es?|violations?|lint (?:errors?|warnings?))\b|not (?:properly )?(?:formatted|sorted|goimported|gofmted)|is not (?:sorted|formatted)|(?:Words|entries|links) not in (?:alphabetical )?order|Duplicate links found|does not match format|appears to be used|seems to be missing|missing (?:the )?(?:expected )?(?:include guard|license header|copyright)|Undocumented .* declarations|unused (?:import|variable)|trailing whitespace|line too long|[Ll]ine longer than \d+ characters|file is not \w+ed|should be (?:sorted|formatted)|See pages? [\d, ]+ of PBP|\(Severity: \d\)$/i,
      [
        'eth/config.go:1::warning: file is not goimported (goimports)',
        'README.md:2186:Line longer than 80 characters.',
        'Use IO::Interactive::is_interactive() instead of -t at line 69, column 28.  See page 218 of PBP.  (Severity: 5)',
        'src/test/util.h seems to be missing the expected include guard:',
        '** (throw) "Words not in order \\"a\\" and \\"b\\""',
      ],
    ),
  ],
  tools: [],
};
