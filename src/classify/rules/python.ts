/**
 * Python: pip, Poetry, uv, conda; pytest, unittest, nose; Python exceptions; mypy, pyright, flake8, ruff, pylint,
 * black, isort; tox and nox.
 */
import { type Ecosystem, R } from './rule.js';

export const python: Ecosystem = {
  name: 'Python',
  file: 'python',
  rules: [
    // pip: the resolver's and the build backend's failures (pypa/pip src/pip/_internal/resolution/resolvelib/
    // factory.py, docs.pip.pypa.io topics/dependency-resolution). `ERROR: pip's dependency resolver does not
    // currently take into account …` is printed after an install that went through, so it is not matched.
    R(
      'dep.pip',
      9,
      'dependency_error',
      /Could not find a version that satisfies the requirement|No matching distribution found|ResolutionImpossible|Cannot install .* because these package versions have conflicting dependencies|Failed building wheel for|Could not build wheels for|error: subprocess-exited-with-error|Failed to build \S+|metadata-generation-failed/i,
      [
        'ERROR: Could not find a version that satisfies the requirement numpy<1.16',
        'ERROR: No matching distribution found for torch==9.9',
      ],
    ),
    // Poetry: the PubGrub solver's explanation (`Because … version solving failed.`) and the lock check.
    R(
      'dep.poetry',
      9,
      'dependency_error',
      /SolverProblemError|version solving failed|pyproject\.toml changed significantly since poetry\.lock|poetry\.lock is not consistent with pyproject\.toml/,
      ["Because <> depends on Flask (>=2.0.2) which doesn't match any versions, version solving failed."],
    ),
    // uv: the resolver's `× No solution found …` and its explanation, and `--locked` finding the lockfile stale.
    R(
      'dep.uv',
      9,
      'dependency_error',
      /No solution found when resolving(?: dependencies)?|^\s*╰─▶ Because \S|we can conclude that (?:your|the) requirements are unsatisfiable|The lockfile at `[^`]+` needs to be updated, but `--locked` was provided/,
      ['  × No solution found when resolving dependencies:'],
    ),
    // conda and mamba: the solver found no environment.
    R(
      'dep.conda',
      9,
      'dependency_error',
      /PackagesNotFoundError|UnsatisfiableError|ResolvePackageNotFound|LibMambaUnsatisfiableError|Could not solve for environment specs|^Solving environment: failed|libmamba .*Solve job will fail/,
      [
        'PackagesNotFoundError: The following packages are not available from current channels:',
        'Solving environment: failed',
      ],
    ),
    // pytest (src/_pytest/terminal.py): `FAILED <nodeid>` of the short summary (`ERROR <file> - <exception>` for a
    // module that failed to collect), `<nodeid> FAILED` of -v and `[gw0] [ 50%] FAILED <nodeid>` of xdist, the
    // `_____ test_name _____` header of a failure, and the `E   ` lines of its assertion report (the most telling).
    R(
      'test.pytest-failed',
      8,
      'test_failure',
      /^(?:FAILED|ERROR) \S+::\S+|^(?:FAILED|ERROR) \S+\.py - \S|^\S+::\S+ (?:FAILED|ERROR)\b|^\[gw\d+\] \[\s*\d+%\] (?:FAILED|ERROR) \S+::|^_{3,} (?:ERROR at (?:setup|teardown) of |ERROR collecting )?\S+ _{3,}$/,
      [
        'FAILED tests/test_api.py::test_get - AssertionError: assert 404 == 200',
        '______________________________ test_get ______________________________',
      ],
    ),
    R('test.pytest-assert', 8.5, 'test_failure', /^E\s{2,}(?!\s*$)/, ['E       assert 4 == 5']),
    R(
      'test.pytest-summary',
      4,
      'test_failure',
      /^=+ .*\b\d+ (?:failed|errors?)\b.* =+$|^=+ (?:FAILURES|ERRORS) =+$|^=+ short test summary info =+$|^Interrupted: [1-9]\d* errors? during collection/,
      [
        '==================== 1 failed, 12 passed in 3.21s ====================',
        '=================================== FAILURES ===================================',
      ],
    ),
    // unittest (and nose, nose2, which print the same report): `FAIL: <test> (<module.Class>)` under the `=====`
    // separator, and the verbose `<test> (<module.Class>) ... FAIL` (python/cpython Lib/unittest/runner.py).
    R(
      'test.unittest',
      8,
      'test_failure',
      /^(?:FAIL|ERROR): \S+ \([\w.]+\)|^\S+ \([\w.]+\)(?: \S.*)? \.\.\. (?:FAIL|ERROR|unexpected success)$/,
      [
        'FAIL: test_add (tests.test_math.MathTest.test_add)',
        'test_add (tests.test_math.MathTest.test_add) ... FAIL',
      ],
    ),
    R('test.unittest-summary', 4, 'test_failure', /^FAILED \((?:failures|errors|unexpected successes)=\d+/, [
      'FAILED (failures=1, errors=1)',
    ]),
    R(
      'test.python-exception',
      6,
      undefined,
      /^(?:\w+\.)*[A-Z]\w*(?:Error|Exception|Exit|Interrupt|Failure)(?::\s.*)?$/,
      ['AssertionError: assert 1 == 2', 'ValueError: invalid literal for int() with base 10'],
    ),
    R('test.python-traceback', 4, undefined, /^Traceback \(most recent call last\):$/, [
      'Traceback (most recent call last):',
    ]),
    // mypy: `<file>:<line>: error: <message>  [code]`; `note:` lines and `Success: no issues found` are not failures.
    R(
      'lint.mypy',
      8,
      'lint_error',
      /^\S+\.pyi?:\d+(?::\d+)?: error: |^error: \S+ is not present at runtime|^error: \S+ (?:is inconsistent|variable differs|is not a function)/,
      ['prog.py:1: error: "str" has no attribute "trim"  [attr-defined]'],
    ),
    R('lint.mypy-summary', 4, 'lint_error', /^Found [1-9]\d* errors? in \d+ files? \(checked/, [
      'Found 1 error in 1 file (checked 1 source file)',
    ]),
    // pyright: `  <file>:<line>:<col> - error: <message> (<rule>)` (the path is printed on a line of its own in
    // older versions), and its closing count.
    R('lint.pyright', 8, 'lint_error', /^\s*(?:\S+\.pyi?:)?\d+:\d+ - error: /, [
      '  3:23 - error: Function calls within default value initializer are not permitted (reportCallInDefaultInitializer)',
    ]),
    R(
      'lint.pyright-summary',
      3,
      'lint_error',
      /^[1-9]\d* errors?, \d+ warnings?, \d+ (?:informations?|infos?)\b/,
      ['1 error, 0 warnings, 0 informations'],
    ),
    // flake8, pycodestyle and `ruff check --output-format concise`: `<file>:<line>:<col>: <CODE> <message>`.
    R('lint.flake8', 8, 'lint_error', /^\S+\.pyi?:\d+:\d+: [A-Z]{1,4}\d{2,4}\b/, [
      "setup.py:5:1: F401 're' imported but unused",
      'setup.py:52:80: E501 line too long (134 > 79 characters)',
    ]),
    // ruff's full output: `<CODE> [*] <message>` over ` --> <file>:<line>:<col>`; `ruff format --check`.
    R(
      'lint.ruff',
      8,
      'lint_error',
      /^[A-Z]{1,4}\d{3,4} (?:\[\*\] )?\S.*`|^invalid-syntax: \S|^Would reformat: \S|^\S+:\d+:\d+: unformatted: /,
      [
        'F401 [*] `os` imported but unused',
        'Would reformat: input.py',
        'input.py:1:1: unformatted: File would be reformatted',
      ],
    ),
    // pylint: `<file>:<line>:<col>: <msg-id>: <message> (<symbol>)` under `************* Module <name>`
    // (pylint.pycqa.org user_guide/output); the rating is a recap, and 10.00/10 is a pass.
    R('lint.pylint', 8, 'lint_error', /^\S+\.py:\d+:\d+: [CRWEFI]\d{4}: .+ \([\w-]+\)$/, [
      'app.py:1:0: C0114: Missing module docstring (missing-module-docstring)',
    ]),
    R(
      'lint.pylint-summary',
      3,
      'lint_error',
      /^\*{13} Module \S+$|Your code has been rated at (?!10\.00\/10)-?\d/,
      ['************* Module swiftnbd.control', 'Your code has been rated at 5.00/10'],
    ),
    // black --check and ruff format --check: the files they would change, and the count.
    R('lint.black', 8, 'lint_error', /^would reformat \S|^error: cannot format \S+: /, [
      'would reformat get_curve.py',
    ]),
    R('lint.format-summary', 4, 'lint_error', /^Oh no! 💥 💔 💥$|^[1-9]\d* files? would be reformatted\b/, [
      'Oh no! 💥 💔 💥',
      '1 file would be reformatted, 11 files would be left unchanged.',
    ]),
    // isort --check-only.
    R('lint.isort', 8, 'lint_error', /^ERROR: \S+ Imports are incorrectly sorted/, [
      'ERROR: /home/cph/cudf/python/dask_cudf/setup.py Imports are incorrectly sorted and/or formatted.',
    ]),
    // tox and nox only wrap the command that failed: what they print on failure is a recap of it.
    R(
      'test.tox-nox',
      4,
      undefined,
      /^\s*\S+: FAIL code \d+ \(|^\s*evaluation failed :\(|^ERROR: InvocationError for command |^ERROR:\s+\S+: commands failed$|^ERROR: invocation failed \(exit code \d+\)|^nox > Session \S+ failed\b|^nox > Command .+ failed with exit code \d+|^nox > \* \S+: failed$/,
      ['  lint: FAIL code 1 (9.68=setup[6.91]+cmd[0.25,2.52] seconds)', 'nox > Session bad failed. :('],
    ),
  ],
  tools: [
    {
      tool: 'pytest',
      kind: 'test',
      rules: ['test.pytest-failed', 'test.pytest-assert', 'test.pytest-summary'],
      examples: [
        // The getting-started example of the pytest documentation (test_sample.py, `assert inc(3) == 5`).
        {
          line: 'FAILED test_sample.py::test_answer - assert 4 == 5',
          source: 'https://docs.pytest.org/en/stable/getting-started.html',
          type: 'test_failure',
        },
        {
          line: 'E       assert 4 == 5',
          source: 'https://docs.pytest.org/en/stable/getting-started.html',
          type: 'test_failure',
        },
        {
          line: '_________________________________ test_answer _________________________________',
          source: 'https://docs.pytest.org/en/stable/getting-started.html',
          type: 'test_failure',
        },
        {
          line: '============================ 1 failed in 0.12s =============================',
          source: 'https://docs.pytest.org/en/stable/getting-started.html',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        {
          line: 'test_sample.py::TestClass::test_one PASSED                              [ 50%]',
          source: 'https://docs.pytest.org/en/stable/how-to/output.html',
        },
        {
          line: '============================ 1 passed in 0.12s =============================',
          source: 'https://docs.pytest.org/en/stable/getting-started.html',
        },
      ],
    },
    {
      tool: 'unittest',
      kind: 'test',
      rules: ['test.unittest', 'test.unittest-summary'],
      examples: [
        // printErrorList: `<flavour>: <description>`, the description being str(test) (3.11: `name (module.Class.name)`).
        {
          line: 'FAIL: test_add (tests.test_math.MathTest.test_add)',
          source: 'python/cpython Lib/unittest/runner.py',
          type: 'test_failure',
        },
        {
          line: 'ERROR: test_parse (tests.test_io.ReaderTest.test_parse)',
          source: 'python/cpython Lib/unittest/runner.py',
          type: 'test_failure',
        },
        {
          line: 'test_add (tests.test_math.MathTest.test_add) ... FAIL',
          source: 'python/cpython Lib/unittest/runner.py',
          type: 'test_failure',
        },
        {
          line: 'FAILED (failures=1, errors=1)',
          source: 'python/cpython Lib/unittest/runner.py',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        { line: 'Ran 3 tests in 0.001s', source: 'python/cpython Lib/unittest/runner.py' },
        { line: 'OK (skipped=1)', source: 'python/cpython Lib/unittest/runner.py' },
        {
          line: 'test_error_handling (tests.test_api.ApiTest.test_error_handling) ... ok',
          source: 'python/cpython Lib/unittest/runner.py',
        },
        {
          line: "test_format (tests.test_io.ReaderTest.test_format) ... skipped 'not supported in this library version'",
          source: 'python/cpython Lib/unittest/runner.py',
        },
        {
          line: 'test_known_bug (tests.test_io.ReaderTest.test_known_bug) ... expected failure',
          source: 'python/cpython Lib/unittest/runner.py',
        },
      ],
    },
    {
      tool: 'nose / nose2',
      kind: 'test',
      rules: [],
      none: "they print unittest's report (`FAIL: <test> (<module.Class>)`, `FAILED (failures=N)`), which the unittest rules recognise",
      examples: [],
      lookalikes: [],
    },
    {
      tool: 'flake8',
      kind: 'lint',
      rules: ['lint.flake8'],
      examples: [
        {
          line: "setup.py:5:1: F401 're' imported but unused",
          source: 'https://gist.github.com/filipgorczynski/f470f8dd309321c8bad9beb3849facc4',
          type: 'lint_error',
        },
        {
          line: 'setup.py:52:80: E501 line too long (134 > 79 characters)',
          source: 'https://gist.github.com/filipgorczynski/f470f8dd309321c8bad9beb3849facc4',
          type: 'lint_error',
        },
        {
          line: "./setup.py:3:1: F401 'os' imported but unused",
          source: 'https://github.com/graphite-project/whisper/pull/213',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        {
          line: 'flake8...................................................................Passed',
          source: 'https://gist.github.com/gonzalodiaz/5a433132ebb1db245263f0100a738d33',
        },
      ],
    },
    {
      tool: 'ruff',
      kind: 'lint',
      rules: ['lint.ruff', 'lint.flake8', 'lint.format-summary'],
      examples: [
        {
          line: 'F401 [*] `os` imported but unused',
          source: 'astral-sh/ruff crates/ruff/tests/cli/snapshots/cli__lint__output_format_full.snap',
          type: 'lint_error',
        },
        {
          line: 'F821 Undefined name `y`',
          source: 'astral-sh/ruff crates/ruff/tests/cli/snapshots/cli__lint__output_format_full.snap',
          type: 'lint_error',
        },
        {
          line: 'input.py:1:1: unformatted: File would be reformatted',
          source: 'astral-sh/ruff crates/ruff/tests/cli/snapshots/cli__format__output_format_concise.snap',
          type: 'lint_error',
        },
        {
          line: '1 file would be reformatted',
          source: 'astral-sh/ruff crates/ruff/tests/cli/snapshots/cli__format__output_format_concise.snap',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        {
          line: '[*] 1 fixable with `--fix`.',
          source: 'astral-sh/ruff crates/ruff/tests/cli/snapshots/cli__lint__output_format_full.snap',
        },
      ],
    },
    {
      tool: 'pylint',
      kind: 'lint',
      rules: ['lint.pylint', 'lint.pylint-summary'],
      examples: [
        // The default msg-template `{path}:{line}:{column}: {msg_id}: {msg} ({symbol})` with C0114's message.
        {
          line: 'app.py:1:0: C0114: Missing module docstring (missing-module-docstring)',
          source: 'https://pylint.pycqa.org/en/v2.11.1/user_guide/output.html',
          type: 'lint_error',
        },
        {
          line: '************* Module swiftnbd.control',
          source: 'https://gist.github.com/4554257',
          type: 'lint_error',
        },
      ],
      lookalikes: [],
    },
    {
      tool: 'mypy',
      kind: 'lint',
      rules: ['lint.mypy', 'lint.mypy-summary'],
      examples: [
        {
          line: 'prog.py:1: error: "str" has no attribute "trim"  [attr-defined]',
          source: 'https://mypy.readthedocs.io/en/stable/error_codes.html',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        {
          line: 'Success: no issues found in 1 source file',
          source: 'https://github.com/realpython/pytest-mypy/issues/53',
        },
      ],
    },
    {
      tool: 'pyright',
      kind: 'lint',
      rules: ['lint.pyright', 'lint.pyright-summary'],
      examples: [
        {
          line: '  /home/mick/projects/pyright-403-pymysql/main.py:4:50 - error: "CLIENT" is not a known attribute of module ".constants" (reportAttributeAccessIssue)',
          source: 'https://github.com/microsoft/pyright/issues/10690',
          type: 'lint_error',
        },
        {
          line: '1 error, 0 warnings, 0 informations',
          source: 'https://github.com/microsoft/pyright/issues/10690',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        { line: '0 errors, 0 warnings, 1 info', source: 'https://github.com/microsoft/pyright/issues/1143' },
        {
          line: '  3:23 - warning: Function calls within default value initializer are not permitted (reportCallInDefaultInitializer)',
          source: 'https://github.com/microsoft/pyright/issues/1143',
        },
      ],
    },
    {
      tool: 'black',
      kind: 'lint',
      rules: ['lint.black', 'lint.format-summary'],
      examples: [
        {
          line: 'would reformat get_curve.py',
          source: 'https://github.com/psf/black/issues/3123',
          type: 'lint_error',
        },
        {
          line: '1 file would be reformatted, 11 files would be left unchanged.',
          source: 'https://github.com/psf/black/issues/3123',
          type: 'lint_error',
        },
        { line: 'Oh no! 💥 💔 💥', source: 'https://github.com/apache/avro/pull/3631', type: 'lint_error' },
      ],
      lookalikes: [
        { line: 'All done! ✨ 🍰 ✨', source: 'https://github.com/psf/black/issues/3123' },
        { line: '12 files would be left unchanged.', source: 'https://github.com/psf/black/issues/3123' },
      ],
    },
    {
      tool: 'isort',
      kind: 'lint',
      rules: ['lint.isort'],
      examples: [
        {
          line: 'ERROR: /home/cph/cudf/python/dask_cudf/setup.py Imports are incorrectly sorted and/or formatted.',
          source: 'https://github.com/NVIDIA/cudf/pull/5643',
          type: 'lint_error',
        },
        {
          line: 'ERROR: /home/vagrant/treeherder/treeherder/webapp/api/urls.py Imports are incorrectly sorted.',
          source: 'https://github.com/PyCQA/isort/issues/298',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        { line: 'Skipped 2 files', source: 'https://github.com/ibis-project/ibis-bigquery/issues/14' },
        {
          line: 'SUCCESS: /home/timothy/Projects/Open_Source/isort/isort_kate_plugin.py Everything Looks Good!',
          source: 'https://github.com/vim-syntastic/syntastic/issues/895',
        },
      ],
    },
    {
      tool: 'pip',
      kind: 'package',
      rules: ['dep.pip'],
      examples: [
        {
          line: 'ERROR: Could not find a version that satisfies the requirement numpy<1.16',
          source: 'https://github.com/pypa/pip/issues/8361',
          type: 'dependency_error',
        },
        {
          line: 'ERROR: No matching distribution found for numpy<1.16',
          source: 'pypa/pip src/pip/_internal/resolution/resolvelib/factory.py',
          type: 'dependency_error',
        },
      ],
      lookalikes: [
        { line: 'Collecting astropy>4.0', source: 'https://github.com/pypa/pip/issues/8361' },
        {
          line: '  Downloading astropy-4.0.1-cp38-cp38-macosx_10_9_x86_64.whl (6.5 MB)',
          source: 'https://github.com/pypa/pip/issues/8361',
        },
      ],
    },
    {
      tool: 'Poetry',
      kind: 'package',
      rules: ['dep.poetry'],
      examples: [
        {
          line: "  Because <> depends on Flask (>=2.0.2) which doesn't match any versions, version solving failed.",
          source: 'https://github.com/python-poetry/poetry/issues/2328',
          type: 'dependency_error',
        },
        {
          line: 'pyproject.toml changed significantly since poetry.lock was last generated. Run `poetry lock [--no-update]` to fix the lock file.',
          source: 'https://github.com/Five-Nines-io/fivenines_agent/issues/7',
          type: 'dependency_error',
        },
        {
          line: '[SolverProblemError]',
          source: 'https://github.com/python-poetry/poetry/issues/1274',
          type: 'dependency_error',
        },
      ],
      lookalikes: [
        {
          line: 'Installing dependencies from lock file',
          source: 'https://github.com/python-poetry/poetry/issues/5164',
        },
        {
          line: 'Warning: The lock file is not up to date with the latest changes in pyproject.toml. You may be getting outdated dependencies. Run update to update them.',
          source: 'https://github.com/python-poetry/poetry/issues/5164',
        },
      ],
    },
    {
      tool: 'uv',
      kind: 'package',
      rules: ['dep.uv'],
      examples: [
        {
          line: '  × No solution found when resolving dependencies:',
          source: 'https://github.com/astral-sh/uv/issues/2065',
          type: 'dependency_error',
        },
        {
          line: '  ╰─▶ Because there is no version of exceptiongroup==1.0.0rc8 and cattrs==22.1.0 depends on exceptiongroup==1.0.0rc8, we can conclude that',
          source: 'https://github.com/astral-sh/uv/issues/2065',
          type: 'dependency_error',
        },
        {
          line: 'The lockfile at `uv.lock` needs to be updated, but `--locked` was provided. To update the lockfile, run `uv lock`.',
          source: 'https://github.com/astral-sh/uv/issues/17747',
          type: 'dependency_error',
        },
      ],
      lookalikes: [
        { line: 'Resolved 269 packages in 1.07s', source: 'https://github.com/astral-sh/uv/issues/17747' },
        { line: 'Installed 1 package in 646ms', source: 'https://github.com/astral-sh/uv/issues/17747' },
      ],
    },
    {
      tool: 'conda / mamba',
      kind: 'package',
      rules: ['dep.conda'],
      examples: [
        {
          line: 'PackagesNotFoundError: The following packages are not available from current channels:',
          source: 'https://github.com/conda/conda/issues/6837',
          type: 'dependency_error',
        },
        {
          line: 'Solving environment: failed',
          source: 'https://github.com/conda/conda/issues/6837',
          type: 'dependency_error',
        },
        {
          line: 'error    libmamba Selected channel specific (or force-reinstall) job, but package is not available from channel. Solve job will fail.',
          source: 'https://github.com/conda/conda/issues/11790',
          type: 'dependency_error',
        },
      ],
      lookalikes: [
        {
          line: 'Solving environment: done',
          source: 'https://github.com/conda/conda-libmamba-solver/issues/262',
        },
        {
          line: 'Collecting package metadata (current_repodata.json): done',
          source: 'https://github.com/conda/conda-libmamba-solver/issues/262',
        },
        {
          line: 'Solving environment: unsuccessful initial attempt using frozen solve. Retrying with flexible solve.',
          source: 'https://github.com/Yueeeeeeee/MetaEvent/issues/2',
        },
      ],
    },
    {
      tool: 'tox',
      kind: 'test',
      rules: ['test.tox-nox'],
      examples: [
        {
          line: '  lint: FAIL code 1 (9.68=setup[6.91]+cmd[0.25,2.52] seconds)',
          source: 'https://github.com/apache/avro/pull/3631',
        },
        { line: '  evaluation failed :( (9.71 seconds)', source: 'https://github.com/apache/avro/pull/3631' },
      ],
      lookalikes: [
        { line: 'lint: commands[1]> black --check .', source: 'https://github.com/apache/avro/pull/3631' },
      ],
    },
    {
      tool: 'nox',
      kind: 'test',
      rules: ['test.tox-nox'],
      examples: [
        {
          line: 'nox > Command false failed with exit code 1',
          source: 'https://github.com/wntrblm/nox/pull/55',
        },
        { line: 'nox > Session bad failed. :(', source: 'https://github.com/wntrblm/nox/pull/55' },
        { line: 'nox > * bad: failed', source: 'https://github.com/wntrblm/nox/pull/55' },
      ],
      lookalikes: [
        { line: 'nox > Session good successful. :)', source: 'https://github.com/wntrblm/nox/pull/55' },
        { line: 'nox > * good: passed', source: 'https://github.com/wntrblm/nox/pull/55' },
      ],
    },
  ],
};
