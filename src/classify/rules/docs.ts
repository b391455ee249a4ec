/**
 * Documents: LaTeX, Sphinx and MkDocs builds.
 */
import { type Ecosystem, R } from './rule.js';

export const docs: Ecosystem = {
  name: 'Documents',
  file: 'docs',
  rules: [
    // TeX's own errors start with `! `; with -file-line-error (latexmk's and most editors' default) they read
    // `./main.tex:4: Undefined control sequence.` instead. latexmk closes with `Latexmk: Errors, so I did not
    // complete making targets`.
    R(
      'build.latex',
      6,
      'build_error',
      /^! (?:LaTeX Error|Undefined control sequence|Missing|Emergency stop|Package \w+ Error|File ended while scanning|Too many }'s|Extra }|Paragraph ended before)|^! {2}==> Fatal error occurred|^Latexmk: .*(?:[Ee]rror|failed|Failure)|LaTeX Error:|^\S+\.(?:tex|sty|cls|ltx):\d+: (?!LaTeX Warning)\S/,
      ["! LaTeX Error: File `foo.sty' not found.", '! Undefined control sequence.'],
    ),
    // Sphinx with -W: `Warning, treated as error:` and then the warning; Sphinx ≥ 7.3 closes with
    // `build finished with problems, 1 warning (with warnings treated as errors).`. A docs build that fails on
    // its warnings is a check: lint.
    R(
      'lint.sphinx-strict',
      8,
      'lint_error',
      /^Warning, treated as error:$|^build finished with problems, \d+ warnings? \(with warnings treated as errors\)|^Aborted with \d+ (?:\w+ )?[Ww]arnings? in '?strict'? mode!?/,
      ['Warning, treated as error:', 'Aborted with 2 warnings in strict mode!'],
    ),
    // Without -W, `build finished with problems[, N warnings].` still ends a build whose status is non-zero
    // (a broken link under linkcheck, a failed doctest): the recap of the findings printed above it.
    R('lint.sphinx-problems', 4, 'lint_error', /^build finished with problems(?:, \d+ warnings?)?\.$/, ['build finished with problems.']),
    R(
      'build.sphinx',
      6,
      'build_error',
      /^\S+\.(?:rst|md|txt|py|ipynb)(?::\d+)?: (?:ERROR|CRITICAL|SEVERE): |^(?:Sphinx|Extension|Configuration|Theme) error:$|^Exception occurred:$|^ERROR\s+-\s+Config value '?\S+'?: /,
      ['/docs/index.rst:12: ERROR: Unknown directive type "autofoo".'],
    ),
  ],
  tools: [
    {
      tool: 'LaTeX (pdflatex, latexmk)',
      kind: 'build',
      rules: ['build.latex'],
      examples: [
        { line: "! LaTeX Error: File `neurips_2019.sty' not found.", source: 'https://github.com/Newbeeer/L_DMI/blob/master/main.log (a pdfTeX log)', type: 'build_error' },
        { line: '! Emergency stop.', source: 'https://github.com/Newbeeer/L_DMI/blob/master/main.log', type: 'build_error' },
        { line: '! Undefined control sequence.', source: 'https://gist.github.com/carylee/1445873 (pdflatex error)', type: 'build_error' },
        { line: '! File ended while scanning use of \\@xdblarg.', source: 'https://github.com/James-Yu/LaTeX-Workshop/issues/1198', type: 'build_error' },
        { line: '!  ==> Fatal error occurred, no output PDF file produced!', source: 'https://github.com/James-Yu/LaTeX-Workshop/issues/1198', type: 'build_error' },
        { line: 'Latexmk: Errors, so I did not complete making targets', source: 'https://github.com/cplusplus/draft/issues/7877', type: 'build_error' },
      ],
      lookalikes: [
        { line: 'Latexmk: Summary of warnings from last run of (pdf)latex:', source: 'https://github.com/cplusplus/draft/issues/7877' },
        { line: "Document Class: article 2014/09/29 v1.4h Standard LaTeX document class", source: 'https://github.com/Newbeeer/L_DMI/blob/master/main.log' },
      ],
    },
    {
      tool: 'Sphinx (-W)',
      kind: 'build',
      rules: ['lint.sphinx-strict', 'lint.sphinx-problems', 'build.sphinx'],
      examples: [
        { line: 'Warning, treated as error:', source: 'https://github.com/OpenDroneMap/docs (README: building the docs)', type: 'lint_error' },
        {
          line: 'build finished with problems, 27 warnings (with warnings treated as errors).',
          source: 'sphinx-doc/sphinx sphinx/application.py (Sphinx.build: the summary of a build with -W, Sphinx ≥ 7.3)',
          type: 'lint_error',
        },
        { line: 'build finished with problems.', source: 'sphinx-doc/sphinx sphinx/application.py (Sphinx.build: the summary when the status is non-zero, e.g. a broken link under linkcheck)', type: 'lint_error' },
        {
          line: '/var/build/user_builds/flocker/checkouts/latest/docs/faq/index.rst:40: ERROR: Unknown directive type "spelling".',
          source: 'https://github.com/ClusterHQ/flocker/issues/675',
        },
      ],
      lookalikes: [
        { line: 'build succeeded, 2 warnings.', source: 'sphinx-doc/sphinx sphinx/application.py' },
        { line: 'The HTML pages are in _build/html.', source: 'sphinx-doc/sphinx sphinx/cmd/make_mode.py' },
      ],
    },
    {
      tool: 'MkDocs (--strict)',
      kind: 'build',
      rules: ['lint.sphinx-strict'],
      examples: [
        { line: 'Aborted with 38 warnings in strict mode!', source: 'mkdocs/mkdocs mkdocs/commands/build.py (build: "Aborted with {n} warnings in strict mode!")', type: 'lint_error' },
      ],
      lookalikes: [
        { line: 'INFO    -  Documentation built in 0.42 seconds', source: 'mkdocs/mkdocs mkdocs/commands/build.py' },
        { line: 'INFO    -  Cleaning site directory', source: 'mkdocs/mkdocs mkdocs/commands/build.py' },
      ],
    },
  ],
};
