/**
 * Python: pip; pytest and unittest; Python exceptions; mypy.
 */
import { type Ecosystem, R } from './rule.js';

export const python: Ecosystem = {
  name: 'Python',
  file: 'python',
  rules: [
    R(
      'dep.pip',
      9,
      'dependency_error',
      /Could not find a version that satisfies the requirement|No matching distribution found|ResolutionImpossible|Cannot install .* because these package versions have conflicting dependencies|conflicting dependencies|pip's dependency resolver|Failed building wheel for|Could not build wheels for|error: subprocess-exited-with-error|Failed to build \S+|metadata-generation-failed|No solution found when resolving|Because .* depends on .* (?:and|we can conclude)|version solving failed|SolverProblemError|poetry\.lock is not consistent|pyproject\.toml changed significantly since poetry\.lock/i,
      [
        'ERROR: Could not find a version that satisfies the requirement torch==9.9 (from versions: none)',
        'ERROR: No matching distribution found for torch==9.9',
      ],
    ),
    R(
      'test.pytest-failed',
      8,
      'test_failure',
      /^(?:FAILED|ERROR) \S+::\S+|^(?:FAIL|ERROR): test\w* \([\w.]+\)|^_{3,} (?:ERROR at (?:setup|teardown) of )?\S+ _{3,}$|^E\s{2,}(?!\s*$)/,
      [
        'FAILED tests/test_api.py::test_get - AssertionError: assert 404 == 200',
        'FAIL: test_add (tests.test_math.MathTest)',
        'E       assert 404 == 200',
        '______________________________ test_get ______________________________',
      ],
    ),
    R(
      'test.pytest-summary',
      4,
      'test_failure',
      /^=+ .*\b\d+ (?:failed|errors?)\b.* =+$|^FAILED \((?:failures|errors)=\d+|^=+ (?:FAILURES|ERRORS) =+$|^Ran \d+ tests? in/,
      [
        '==================== 1 failed, 12 passed in 3.21s ====================',
        'FAILED (failures=1)',
        '=================================== FAILURES ===================================',
      ],
    ),
    R(
      'test.python-exception',
      6,
      undefined,
      /^(?:\w+\.)*[A-Z]\w*(?:Error|Exception|Exit|Interrupt|Failure)(?::\s.*)?$|^Traceback \(most recent call last\):$/,
      [
        'AssertionError: assert 1 == 2',
        'ValueError: invalid literal for int() with base 10',
        'Traceback (most recent call last):',
      ],
    ),
    R(
      'lint.mypy',
      8,
      'lint_error',
      /^\S+\.pyi?:\d+(?::\d+)?: error: .*(?:\[[\w-]+\])?$|^Found \d+ errors? in \d+ files? \(checked|^error: \S+ is not present at runtime|^error: \S+ (?:is inconsistent|variable differs|is not a function)/,
      [
        'pandas/core/frame.py:12: error: Incompatible return value type (got "int", expected "str")  [return-value]',
        'Found 279 errors in 9 files (checked 1200 source files)',
      ],
    ),
  ],
  tools: [
    {
      tool: 'pytest',
      kind: 'test',
      rules: ['test.pytest-failed', 'test.pytest-summary'],
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
  ],
};
