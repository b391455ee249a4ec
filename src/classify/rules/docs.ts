/**
 * Documents: LaTeX, Sphinx and MkDocs builds.
 */
import { type Ecosystem, R } from './rule.js';

export const docs: Ecosystem = {
  name: 'Documents',
  file: 'docs',
  rules: [
    R(
      'build.latex',
      6,
      'build_error',
      /^! (?:LaTeX Error|Undefined control sequence|Missing|Emergency stop|Package \w+ Error)|^Latexmk: .*(?:[Ee]rror|failed)|LaTeX Error:/,
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
        { line: "! LaTeX Error: File `foo.sty' not found.", source: 'https://www.latex-project.org/help/documentation/usrguide.pdf', type: 'build_error' },
        { line: '! Undefined control sequence.', source: 'https://www.tug.org/texinfohtml/latex2e.html#Error-messages', type: 'build_error' },
        { line: 'Latexmk: Errors, so I did not complete making targets', source: 'https://mgeier.github.io/latexmk.html', type: 'build_error' },
      ],
      lookalikes: [
        { line: 'Output written on main.pdf (12 pages, 345678 bytes).', source: 'https://www.tug.org/texinfohtml/latex2e.html' },
      ],
    },
    {
      tool: 'Sphinx (-W)',
      kind: 'build',
      rules: ['lint.sphinx-strict', 'build.sphinx'],
      examples: [
        { line: 'Warning, treated as error:', source: 'sphinx-doc/sphinx sphinx/util/logging.py (WarningIsErrorFilter)', type: 'lint_error' },
        {
          line: 'build finished with problems, 1 warning (with warnings treated as errors).',
          source: 'sphinx-doc/sphinx sphinx/application.py',
          type: 'lint_error',
        },
        { line: '/docs/index.rst:12: ERROR: Unknown directive type "autofoo".', source: 'https://docutils.sourceforge.io/docs/user/error_codes.html' },
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
        { line: 'Aborted with 2 warnings in strict mode!', source: 'mkdocs/mkdocs mkdocs/commands/build.py', type: 'lint_error' },
      ],
      lookalikes: [
        { line: 'INFO    -  Documentation built in 0.42 seconds', source: 'mkdocs/mkdocs mkdocs/commands/build.py' },
        { line: 'INFO    -  Cleaning site directory', source: 'mkdocs/mkdocs mkdocs/commands/build.py' },
      ],
    },
  ],
};
