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
      /^\[warn\] \S+\.\w+$|Code style issues found in|Forgot to run Prettier\?|^\[error\] \S+: SyntaxError|Run Prettier with --write to fix|would reformat \S+|files? would be reformatted|^Oh no! 💥 💔 💥|^--- \S+\s+\(original\)|^ERROR: \S+ Imports are incorrectly sorted|Fixing \S+\.py|isort|^\S+\.py:\d+:\d+: [EWFCN]\d{3}\b|^\S+\.py:\d+:\d+: [CRWEF]\d{4}:|^\*{13} Module |Your code has been rated at|^\S+\.rb:\d+:\d+: [CWEF]: |\d+ files? inspected, [1-9]\d* offen[cs]es? detected|^Diff in \S+ at line \d+|^\S+\.go:\d+:\d+: .+ \((?:\w|-)+\)$|^\S+\.go:\d+:\d+: .*(?:should|is not|exported)|^\S+:\d+:\d+ .* \[(?:error|warning)\]|^\S+: line \d+, col \d+, (?:Error|Warning)|Lint(?:er|ing)? (?:errors?|failed|issues?)|lint error|\bstyle (?:check|error|issue|violation)s?/i,
      [
        'Code style issues found in 2 files. Run Prettier with --write to fix.',
        'would reformat src/app.py',
        "./app.py:3:1: F401 'os' imported but unused",
        'app/models/user.rb:3:5: C: Style/StringLiterals: Prefer single-quoted strings',
      ],
    ),
    // shellcheck: the tty format puts the finding under the source line, after an `In FILE line N:` header: an
    // arrow (`^--`, or `^----^` under a span of 3–31 columns), the code, in current releases the severity
    // (`^-- SC2086 (info): …`); the gcc format ends with `[SC2086]` and calls info and style findings `note`.
    R(
      'lint.shellcheck',
      8,
      'lint_error',
      /^\s*\^-+\^? SC\d{4}(?: \((?:error|warning|info|style)\))?: |^\S+:\d+:\d+: (?:error|warning|note): .*\[SC\d{4}\]$/,
      ['  ^-- SC2086 (info): Double quote to prevent globbing and word splitting.'],
    ),
    // markdownlint-cli (`README.md:12 MD013/line-length …`, older releases `README.md: 12: MD013/…`) and the
    // Ruby mdl (`README.md:12: MD013 Line length`).
    R(
      'lint.markdownlint',
      8,
      'lint_error',
      /^\S+: ?\d+(?::\d+)?:? (?:error |warning )?MD\d{3}\b/,
      ['README.md:12 MD013/line-length Line length [Expected: 80; Actual: 120]'],
    ),
    // yamllint: the standard format (`  4:4       error    wrong indentation: …  (indentation)` under the file
    // name) and the parsable one (`file.yml:6:2: [warning] … (comments)`).
    R(
      'lint.yamllint',
      8,
      'lint_error',
      /^\s+\d+:\d+ +(?:error|warning) +\S.*\([\w-]+\)$|^\S+:\d+:\d+: \[(?:error|warning)\] .+ \([\w-]+\)$/,
      ['  4:4       error    wrong indentation: expected 4 but found 3  (indentation)'],
    ),
    R(
      'lint.actionlint',
      8,
      'lint_error',
      /^\S+\.ya?ml:\d+:\d+: .+ \[[a-z][\w-]*\]$/,
      ['test.yaml:3:5: unexpected key "branch" for "push" section. expected one of "branches", "branches-ignore" [syntax-check]'],
    ),
    // Link checkers: markdown-link-check (`  [✖] URL`, `  ERROR: N dead links found!`, both indented), lychee
    // (`   [ERROR] URL`, or `[404] URL | detail`, under `Issues found in N inputs. Find details below.`),
    // html-proofer.
    R(
      'lint.links',
      9,
      'lint_error',
      /^\s*\[✖\] \S|^\s*ERROR: (?:\d+ )?dead links? found|^\s*(?:✗ )?\[(?:[45]\d\d|ERROR|ERR|TIMEOUT)\] \w+:\S*(?: \| |$)|^Issues found in \d+ inputs?\. Find details below\.|^\s*\* +(?:External link \S+ failed|internally linking to \S+, which does not exist|image \S+ does not have an alt attribute)|HTML-Proofer found \d+ failures?/,
      ['  [✖] https://example.com/404', '  ERROR: 1 dead links found!', 'HTML-Proofer found 4 failures!'],
    ),
    R(
      'lint.license',
      8,
      'lint_error',
      /don't have a valid license header|Too many files with unapproved license|Rat check: Summary over all files\. Unapproved: [1-9]|Files with unapproved licenses:/,
      ["ERROR the following files don't have a valid license header: "],
    ),
    // pre-commit: `<hook name>......Failed`, then `- hook id: …`, `- exit code: 1` or `- files were modified by
    // this hook`, then the hook's own output.
    R(
      'lint.pre-commit',
      7,
      'lint_error',
      /\.\.\.(?:\(no files to check\))?Failed$|^- files were modified by this hook$/,
      ['black....................................................................Failed'],
    ),
    R(
      'lint.codespell',
      7,
      'lint_error',
      /^\S+:\d+: \S+ +==> \S/,
      ['docs/index.md:12: exeption ==> exception'],
    ),
    // editorconfig-checker: under the file name, `\t12: message`, `\t4-6: message` for consecutive lines, or
    // `\tmessage` for a file-level finding; the gcc format `file:12:0: error: message`.
    R(
      'lint.editorconfig',
      7,
      'lint_error',
      /^\s+(?:\d+(?:-\d+)?: )?(?:Wrong amount of left-padding spaces|Wrong indent(?:ation type| style found)|Wrong line endings|Wrong character encoding|Trailing whitespace|(?:No f|F)inal newline expected|Line too long \(\d+ instead of \d+\)|Not all lines have the correct end of line character)/,
      ['\t12: Wrong amount of left-padding spaces(want multiple of 2)'],
    ),
    // Its gcc format: the same messages behind `file:12:0: error: `, which the generic compiler line would type as
    // a build error.
    R(
      'lint.editorconfig-gcc',
      9,
      'lint_error',
      /^\S+:\d+:0: error: (?:Wrong (?:amount of left-padding|indent|line endings|character encoding)|Trailing whitespace|(?:No f|F)inal newline expected|Line too long \(|Not all lines have the correct end of line)/,
      ['src/app.js:12:0: error: Wrong amount of left-padding spaces(want multiple of 2)'],
    ),
    R(
      'lint.tool',
      2.5,
      'lint_error',
      /\b(?:gofmt|goimports|golint|golangci-lint|staticcheck|go vet|clang-format|clang-tidy|rustfmt|cargo fmt|clippy|black|flake8|pylint|isort|rubocop|checkstyle|spotless|ktlint|detekt|scalafmt|scalastyle|swiftlint|swiftformat|stylelint|markdownlint|hadolint|yamllint|shellcheck|codespell|pyright|ruff|tslint|eslint|jshint|jscs|prettier|phpcs|php-cs-fixer|phpstan|psalm|cpplint|editorconfig|lint-\S+|linter|lint)\b.*\b(?:fail|error|warn|violation|problem|issue|offen[cs]e)|\b(?:trailing whitespace|include guard)\b/i,
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
      /\b[1-9]\d* (?:problems?(?! \((?:0 errors?, )?\d+ warnings?\))|issues?|offen[cs]es?|violations?|lint (?:errors?|warnings?))\b|not (?:properly )?(?:formatted|sorted|goimported|gofmted)|is not (?:sorted|formatted)|\bnot (?:in (?:alphabetical )?order|sorted alphabetically)\b|\bduplicate (?:links?|urls?)\b|does not match format|appears to be used|seems to be missing|missing (?:the )?(?:expected )?(?:include guard|license header|copyright)|Undocumented .* declarations|unused (?:import|variable)|trailing whitespace|line too long|[Ll]ine longer than \d+ characters|file is not \w+ed|should be (?:sorted|formatted)|See pages? [\d, ]+ of PBP|\(Severity: \d\)$/i,
      [
        'eth/config.go:1::warning: file is not goimported (goimports)',
        'README.md:2186:Line longer than 80 characters.',
        'Code before strictures are enabled at line 3, column 1.  See page 429 of PBP.  (Severity: 5)',
        'src/test/util.h seems to be missing the expected include guard:',
      ],
    ),
  ],
  tools: [
    {
      tool: 'shellcheck',
      kind: 'lint',
      rules: ['lint.shellcheck'],
      examples: [
        {
          line: '       ^-- SC2086 (info): Double quote to prevent globbing and word splitting.',
          source: 'koalaman/shellcheck src/ShellCheck/Formatter/TTY.hs (cuteIndent; current releases print the severity after the code)',
          type: 'lint_error',
        },
        {
          line: '  ^-- SC2086: Double quote to prevent globbing and word splitting.',
          source: 'koalaman/shellcheck src/ShellCheck/Formatter/TTY.hs at e7b5fb97 (cuteIndent: arrow, code, message)',
          type: 'lint_error',
        },
        {
          line: '     ^------^ SC2086 (info): Double quote to prevent globbing and word splitting.',
          source: 'koalaman/shellcheck src/ShellCheck/Formatter/TTY.hs (cuteIndent: `^` + dashes + `^` under a span of 3–31 columns)',
          type: 'lint_error',
        },
        {
          line: 'myscript.sh:3:6: note: Double quote to prevent globbing and word splitting. [SC2086]',
          source: 'koalaman/shellcheck src/ShellCheck/Formatter/GCC.hs (formatComment: info and style findings are `note`)',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        { line: 'For more information:', source: 'koalaman/shellcheck src/ShellCheck/Formatter/TTY.hs (outputWiki)' },
        {
          line: '  https://www.shellcheck.net/wiki/SC2086 -- Double quote to prevent globbing and ...',
          source: 'koalaman/shellcheck src/ShellCheck/Formatter/TTY.hs (outputWiki: the message cut to 37 characters and `...`)',
        },
        { line: 'In myscript.sh line 3:', source: 'koalaman/shellcheck src/ShellCheck/Formatter/TTY.hs (outputForFile)' },
      ],
    },
    {
      tool: 'markdownlint',
      kind: 'lint',
      rules: ['lint.markdownlint'],
      examples: [
        {
          line: 'incorrect.md:5:1 MD014/commands-show-output Dollar signs used before commands without showing output [Context: "$ code"]',
          source: 'igorshubovych/markdownlint-cli test/test.js (linting results are sorted by file/line/names/description)',
          type: 'lint_error',
        },
        {
          line: 'incorrect.md:1 MD022/blanks-around-headings Headings should be surrounded by blank lines [Expected: 1; Actual: 0; Below] [Context: "## header 2"]',
          source: 'igorshubovych/markdownlint-cli test/test.js',
          type: 'lint_error',
        },
        {
          line: 'incorrect.md: 4: MD014/commands-show-output Dollar signs used before commands without showing output [Context: "$ code"]',
          source: 'igorshubovych/markdownlint-cli test/test.js at 00286aa4 (older releases put a space after each colon)',
          type: 'lint_error',
        },
        {
          line: 'viewme.md:3:10 MD009/no-trailing-spaces Trailing spaces [Expected: 0 or 2; Actual: 1]',
          source: 'DavidAnson/markdownlint-cli2 formatter-default/README.md (markdownlint-cli2)',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        { line: 'markdownlint-cli2 v0.13.0 (markdownlint v0.34.0)', source: 'DavidAnson/markdownlint-cli2 README.md (Command Line: the banner `markdownlint-cli2 vX.Y.Z (markdownlint vX.Y.Z)`)' },
      ],
    },
    {
      tool: 'yamllint',
      kind: 'lint',
      rules: ['lint.yamllint'],
      examples: [
        {
          line: '  4:4       error    wrong indentation: expected 4 but found 3  (indentation)',
          source: 'https://manpages.ubuntu.com/manpages/noble/man1/yamllint.1.html',
          type: 'lint_error',
        },
        {
          line: 'file.yml:60:3: [error] wrong indentation: expected 4 but found 2 (indentation)',
          source: 'https://github.com/adrienverge/yamllint/blob/v1.1.0/docs/quickstart.rst',
          type: 'lint_error',
        },
        {
          line: '  6:81      error    line too long (87 > 80 characters)  (line-length)',
          source: 'https://manpages.ubuntu.com/manpages/noble/man1/yamllint.1.html',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        { line: 'other-file.yaml', source: 'https://manpages.ubuntu.com/manpages/noble/man1/yamllint.1.html' },
      ],
    },
    {
      tool: 'actionlint',
      kind: 'lint',
      rules: ['lint.actionlint'],
      examples: [
        {
          line: 'test.yaml:3:5: unexpected key "branch" for "push" section. expected one of "branches", "branches-ignore", "paths", "paths-ignore", "tags", "tags-ignore", "types", "workflows" [syntax-check]',
          source: 'https://github.com/rhysd/actionlint (README)',
          type: 'lint_error',
        },
        {
          line: 'test.yaml:10:28: label "linux-latest" is unknown. available labels are "windows-latest", "ubuntu-latest", "macos-latest" [runner-label]',
          source: 'https://github.com/rhysd/actionlint (README)',
          type: 'lint_error',
        },
      ],
      lookalikes: [{ line: 'actionlint -ignore \'label ".+" is unknown\'', source: 'https://github.com/rhysd/actionlint/blob/main/docs/usage.md' }],
    },
    {
      tool: 'link checkers (lychee, markdown-link-check, html-proofer)',
      kind: 'lint',
      rules: ['lint.links'],
      examples: [
        { line: '  [✖] https://example.com/404', source: 'tcort/markdown-link-check markdown-link-check (runMarkdownLinkCheck: `  [%s] %s`)', type: 'lint_error' },
        { line: '  ERROR: 1 dead links found!', source: 'tcort/markdown-link-check markdown-link-check (runMarkdownLinkCheck: `\\n  ERROR: %s dead links found!`)', type: 'lint_error' },
        { line: '  [✖] https://example.com/404 → Status: 404', source: 'tcort/markdown-link-check markdown-link-check (the dead links listed after the count)', type: 'lint_error' },
        {
          line: '* internally linking to page_linked_without_using_html_prefix, which does not exist (line 0)',
          source: 'https://github.com/gjtorikian/html-proofer/issues/654',
          type: 'lint_error',
        },
        { line: 'HTML-Proofer found 4 failures!', source: 'https://github.com/gjtorikian/html-proofer/issues/654', type: 'lint_error' },
        {
          line: '   [ERROR] https://example.com/404 | URL is missing a host',
          source: 'lycheeverse/lychee lychee-bin/src/formatters/response/color.rs (test_detailed_response_output)',
          type: 'lint_error',
        },
        {
          line: '   [ERROR] https://example.com/404',
          source: 'lycheeverse/lychee lychee-bin/src/formatters/response/color.rs (test_format_response_with_error_status)',
          type: 'lint_error',
        },
        {
          line: 'Issues found in 1 input. Find details below.',
          source: 'lycheeverse/lychee lychee-bin/src/formatters/stats/compact.rs',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        { line: '  [✓] https://github.com', source: 'tcort/markdown-link-check markdown-link-check (statusLabels.alive)' },
        { line: '  No hyperlinks found!', source: 'tcort/markdown-link-check markdown-link-check' },
        { line: '  13 links checked.', source: 'tcort/markdown-link-check markdown-link-check (`\\n  %s links checked.`)' },
        { line: '     [200] https://example.com/', source: 'lycheeverse/lychee lychee-bin/src/formatters/response/color.rs (test_format_response_with_ok_status)' },
        { line: 'Checking 2 external links...', source: 'https://github.com/gjtorikian/html-proofer/issues/654' },
        { line: 'Ran on 1 file!', source: 'https://github.com/gjtorikian/html-proofer/issues/654' },
      ],
    },
    {
      tool: 'licence-header checks (license-eye, Apache RAT)',
      kind: 'lint',
      rules: ['lint.license'],
      examples: [
        {
          line: "ERROR the following files don't have a valid license header: ",
          source: 'apache/skywalking-eyes pkg/header/result.go',
          type: 'lint_error',
        },
        {
          line: '[ERROR] Failed to execute goal org.apache.rat:apache-rat-plugin:0.15:check (default) on project app: Too many files with unapproved license: 2 See RAT report in: /app/target/rat.txt',
          source: 'apache/creadur-rat apache-rat-plugin RatCheckMojo.java (RatCheckException: "Too many files with unapproved license: " + count + " See RAT report in: " + file)',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        {
          line: 'INFO Totally checked 120 files, valid: 120, invalid: 0, ignored: 0, fixed: 0',
          source: 'apache/skywalking-eyes pkg/header/result.go',
        },
      ],
    },
    {
      tool: 'pre-commit',
      kind: 'lint',
      rules: ['lint.pre-commit'],
      examples: [
        {
          line: 'black....................................................................Failed',
          source: 'https://github.com/myint/unify/issues/19',
          type: 'lint_error',
        },
        {
          line: 'gray.....................................................................Failed',
          source: 'https://github.com/myint/unify/issues/19',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        { line: 'check yaml...............................................................Passed', source: 'https://pre-commit.com/#usage' },
        {
          line: 'check json...................................(no files to check)Skipped',
          source: 'https://pre-commit.com/#usage',
        },
        { line: 'All done! ✨ 🍰 ✨', source: 'https://github.com/myint/unify/issues/19' },
      ],
    },
    {
      tool: 'codespell',
      kind: 'lint',
      rules: ['lint.codespell'],
      examples: [
        {
          line: 'docs/index.md:12: exeption ==> exception',
          source: 'codespell-project/codespell codespell_lib/_codespell.py (parse_file: f"{cfilename}:{cline}: {cwrongword} " f"==> {crightword}{creason}")',
          type: 'lint_error',
        },
        {
          line: 'docs/index.md:12: exeption  ==> exception',
          source: 'codespell-project/codespell codespell_lib/_codespell.py at 002f064c ("%(FILENAME)s:%(LINE)s: %(WRONGWORD)s " " ==> %(RIGHTWORD)s": older releases put two spaces before the arrow)',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        { line: 'FIXED: docs/index.md', source: 'codespell-project/codespell codespell_lib/_codespell.py (parse_file, with --write-changes)' },
        { line: 'Used config files:', source: 'codespell-project/codespell codespell_lib/_codespell.py (main)' },
      ],
    },
    {
      tool: 'editorconfig-checker',
      kind: 'lint',
      rules: ['lint.editorconfig', 'lint.editorconfig-gcc'],
      examples: [
        {
          line: '\t12: Wrong amount of left-padding spaces(want multiple of 2)',
          source: 'editorconfig-checker/editorconfig-checker pkg/validation/validators/validators.go (Space); layout from pkg/error/__snapshots__/pathseparator-slash/error_test.snap',
          type: 'lint_error',
        },
        {
          line: '\tFinal newline expected',
          source: 'editorconfig-checker/editorconfig-checker pkg/validation/validators/validators.go (FinalNewline: a file-level finding, printed without a line number as in error_test.snap)',
          type: 'lint_error',
        },
        {
          line: '\t4-6: Trailing whitespace',
          source: 'editorconfig-checker/editorconfig-checker pkg/error/__snapshots__/pathseparator-slash/error_test.snap (consecutive lines as a range)',
          type: 'lint_error',
        },
        {
          line: 'src/app.js:12:0: error: Wrong indent style found (tabs instead of spaces)',
          source: 'editorconfig-checker/editorconfig-checker pkg/error/__snapshots__/pathseparator-slash/error_test.snap (the gcc format)',
          type: 'lint_error',
        },
      ],
      lookalikes: [{ line: 'src/app.js:', source: 'editorconfig-checker/editorconfig-checker pkg/error/__snapshots__/pathseparator-slash/error_test.snap (the file heading)' }],
    },
    {
      tool: 'generated files are committed (git diff --exit-code)',
      kind: 'lint',
      rules: ['lint.diff'],
      examples: [
        { line: 'diff --git a/go.sum b/go.sum', source: 'https://git-scm.com/docs/git-diff#_generating_patch_text_with_p', type: 'lint_error' },
      ],
      lookalikes: [{ line: 'index 3b18e51..a9c2f4e 100644', source: 'https://git-scm.com/docs/git-diff#_generating_patch_text_with_p' }],
    },
  ],
};
