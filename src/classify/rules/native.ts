/**
 * C and C++: gcc, clang and MSVC diagnostics, the linkers, make, ninja, CMake and configure, Bazel; GoogleTest,
 * Catch2 and ctest; sanitizers and crashes.
 */
import { type Ecosystem, R } from './rule.js';

const GTEST_GOLDEN = 'google/googletest googletest/test/googletest-output-test-golden-lin.txt';
const CATCH2 = 'catchorg/Catch2 examples/010-TestCase.cpp';
const GCC_DIAG = 'https://gcc.gnu.org/onlinedocs/gcc/Diagnostic-Message-Formatting-Options.html';
const CTEST = 'https://cmake.org/cmake/help/latest/manual/ctest.1.html';
const BAZEL = 'https://bazel.build/docs/user-manual';
const ASAN = 'https://github.com/google/sanitizers/wiki/AddressSanitizer';

export const native: Ecosystem = {
  name: 'C and C++',
  file: 'native',
  rules: [
    // The compilers' diagnostics: gcc and clang `file.c:12:5: error:`, MSVC `file.cpp(12): error C2065:` (or
    // `(12,5)`), and the linkers' unresolved symbols.
    R(
      'build.c-cpp',
      9,
      'build_error',
      /^[^\s:]+(?:\.(?:c|cc|cpp|cxx|c\+\+|h|hh|hpp|hxx|inl|ipp|m|mm|cu|cuh|S|s|f|f90|F90|ino)):\d+(?::\d+)?: (?:fatal )?error: |^[^\s:]+\(\d+(?:,\d+)?\): (?:fatal )?error C\d+|undefined reference to [`‘']|multiple definition of [`‘']|Undefined symbols for architecture|error LNK(?!1181)\d{4}: |ld: (?:symbol\(s\) not found|framework not found)|fatal error: \S+: No such file or directory|fatal error: '[^']+' file not found/,
      [
        "src/main.c:12:5: error: implicit declaration of function 'foo' [-Werror=implicit-function-declaration]",
        "main.cpp(12): error C2065: 'foo': undeclared identifier",
        "/usr/bin/ld: main.o: in function `main': main.c:(.text+0x1e): undefined reference to `bar'",
        'main.obj : error LNK2019: unresolved external symbol "int __cdecl bar(void)" (?bar@@YAHXZ) referenced in function main',
      ],
    ),
    // A library the linker cannot find is a missing package.
    R(
      'dep.native-lib',
      8.5,
      'dependency_error',
      /\bld(?:\.\w+)?: (?:error: )?cannot find -l\S+|ld: library not found for -l\S+|fatal error LNK1181: cannot open input file '\S+\.lib'/,
      ['/usr/bin/ld: cannot find -lssl: No such file or directory', 'ld: library not found for -lssl'],
    ),
    // The compilers' and drivers' recaps: the count, the linker driver's exit, compilation terminated.
    R(
      'build.c-error-generated',
      3.5,
      'build_error',
      /^\d+ errors? generated\.|^compilation terminated\.|ld returned \d+ exit status|error: linker command failed with exit code|^ninja: build stopped: subcommand failed|^\*\*\* \[\S+\] Error \d+/i,
      [
        '1 error generated.',
        'collect2: error: ld returned 1 exit status',
        'ninja: build stopped: subcommand failed.',
      ],
    ),
    // ninja's failed edge names what it was building; the compiler's message follows it.
    R('build.ninja-failed', 5.5, 'build_error', /^FAILED: \S/, [
      'FAILED: CMakeFiles/app.dir/src/main.cpp.o ',
    ]),
    R(
      'build.make',
      1.5,
      undefined,
      /^(?:g?make|mingw32-make)(?:\[\d+\])?: \*\*\* /,
      [
        'make: *** [Makefile:12: all] Error 1',
        'make[2]: *** [src/CMakeFiles/app.dir/build.make:76: src/main.o] Error 1',
      ],
      { generic: true },
    ),
    R(
      'build.cmake',
      8,
      'config_error',
      /^CMake Error|^-- Configuring incomplete, errors occurred|configure: error: /,
      [
        'CMake Error at CMakeLists.txt:10 (find_package):',
        'configure: error: C compiler cannot create executables',
      ],
    ),
    // find_package without the package: a missing dependency.
    R(
      'dep.cmake-package',
      8.5,
      'dependency_error',
      /Could NOT find [\w:.-]+(?: \(missing: |: Found unsuitable version)|Could not find a package configuration file provided by "\S+"/,
      [
        '  Could NOT find Boost (missing: Boost_INCLUDE_DIR)',
        '  Could not find a package configuration file provided by "fmt" with any of',
      ],
    ),
    // Bazel: the failed action (`ERROR: BUILD:12:10: Compiling main.cc failed:`) and test target, then the recap.
    R(
      'build.bazel',
      7,
      'build_error',
      /^ERROR: \S+:\d+:\d+: .* failed(?: \(Exit \d+\))?|^ERROR: \S+:\d+:\d+: no such (?:package|target)/,
      [
        'ERROR: /home/runner/work/app/app/src/BUILD:12:10: Compiling src/main.cc failed: (Exit 1): gcc failed: error executing command',
      ],
    ),
    R(
      'test.bazel',
      7,
      'test_failure',
      /^\/\/\S+\s+(?:FAILED|TIMEOUT|FLAKY)(?: in (?:\d+ out of \d+ in )?[\d.]+s)?$/,
      ['//src:app_test                                                         FAILED in 0.5s'],
    ),
    R(
      'build.bazel-summary',
      3.5,
      undefined,
      /Build did NOT complete successfully|^Executed \d+ out of \d+ tests?: .*\d+ (?:fails?|fail locally)|Build completed, \d+ tests? FAILED/,
      ['ERROR: Build did NOT complete successfully', 'INFO: Build completed, 1 test FAILED, 5 total actions'],
    ),
    // GoogleTest: the failure at its file and line and the message lines under it, then `[  FAILED  ]` per test
    // and in the final list.
    R(
      'test.gtest',
      8.5,
      'test_failure',
      /^\S+:\d+: Failure$|^\S+\(\d+\): error: |^Expected equality of these values:$|^\s*Which is: |^Value of: /,
      ['googletest-output-test_.cc:42: Failure', 'Expected equality of these values:'],
    ),
    R('test.gtest-failed', 7, 'test_failure', /^\[ {2}FAILED {2}\] \S+(?:, where .*)? \(\d+ ms\)$/, [
      '[  FAILED  ] ListTest.ThirdElement (0 ms)',
    ]),
    R('test.gtest-summary', 3.5, 'test_failure', /^\[ {2}FAILED {2}\] |^\s*\d+ FAILED TESTS?$/, [
      '[  FAILED  ] 1 test, listed below:',
      ' 1 FAILED TEST',
    ]),
    // Catch2: `file.cpp:14: FAILED:` (console) or `file.cpp:14: failed: expr for: values` (compact), then counts.
    R(
      'test.catch2',
      8.5,
      'test_failure',
      /^\S+:\d+: FAILED:$|^\S+\.\w+:\d+: failed: |^\S+\(\d+\): FAILED:$/,
      [
        '010-TestCase.cpp:14: failed: Factorial(0) == 1 for: 0 == 1',
        '/home/runner/work/app/app/tests/test.cpp:14: FAILED:',
      ],
    ),
    R(
      'test.catch2-summary',
      3.5,
      'test_failure',
      /^test cases: .*\| \d+ failed|^assertions: .*\| \d+ failed/,
      ['test cases: 2 | 1 passed | 1 failed'],
    ),
    // ctest: the failed test's line, the list of failed tests, then the counts.
    R(
      'test.ctest',
      7,
      'test_failure',
      /^\s*\d+\/\d+ Test +#\d+: \S+ \.*\s*\*\*\*(?:Failed|Exception|Timeout|Not Run)/,
      ['1/4 Test #1: unit_tests .......................***Failed    0.01 sec'],
    ),
    R(
      'test.ctest-summary',
      3.5,
      'test_failure',
      /^The following tests FAILED:|^\s*\d+ - \S+ \((?:Failed|Timeout|SEGFAULT|Child aborted|Not Run|Subprocess aborted)\)|tests passed, [1-9]\d* tests? failed out of|^Errors while running CTest/,
      [
        'The following tests FAILED:',
        '75% tests passed, 1 tests failed out of 4',
        'Errors while running CTest',
      ],
    ),
    // Sanitizers and crashes: the report's first line is the cause.
    R(
      'test.sanitizer',
      9,
      'test_failure',
      /==\d+==ERROR: \w+Sanitizer|^SUMMARY: \w+Sanitizer|^WARNING: ThreadSanitizer: |: runtime error: |Segmentation fault|SIGSEGV|SIGABRT|core dumped|Termsig=\d+|double free|heap-use-after-free|stack-buffer-overflow/i,
      [
        '==30799==ERROR: AddressSanitizer: heap-use-after-free on address 0x61b000080607',
        'Segmentation fault (core dumped)',
      ],
    ),
  ],
  tools: [
    {
      tool: 'gcc / clang',
      kind: 'build',
      rules: ['build.c-cpp', 'build.c-error-generated', 'dep.native-lib'],
      examples: [
        {
          line: "src/main.c:12:5: error: implicit declaration of function 'foo' [-Werror=implicit-function-declaration]",
          source: GCC_DIAG,
          type: 'build_error',
        },
        {
          line: "/usr/bin/ld: main.o: in function `main': main.c:(.text+0x1e): undefined reference to `bar'",
          source: 'https://sourceware.org/binutils/docs/ld/',
          type: 'build_error',
        },
        {
          line: 'collect2: error: ld returned 1 exit status',
          source: 'https://gcc.gnu.org/onlinedocs/gcc/Link-Options.html',
          type: 'build_error',
        },
        {
          line: '1 error generated.',
          source: 'https://clang.llvm.org/docs/UsersManual.html',
          type: 'build_error',
        },
        {
          line: '/usr/bin/ld: cannot find -lssl: No such file or directory',
          source: 'https://sourceware.org/binutils/docs/ld/',
          type: 'dependency_error',
        },
      ],
      lookalikes: [
        { line: "src/main.c:3:6: note: 'foo' declared here", source: GCC_DIAG },
        {
          line: '[ 50%] Building C object CMakeFiles/app.dir/src/error.c.o',
          source: 'https://cmake.org/cmake/help/latest/manual/cmake.1.html',
        },
      ],
    },
    {
      tool: 'MSVC (cl, link)',
      kind: 'build',
      rules: ['build.c-cpp', 'dep.native-lib'],
      examples: [
        {
          line: "main.cpp(12): error C2065: 'foo': undeclared identifier",
          source:
            'https://learn.microsoft.com/en-us/cpp/error-messages/compiler-errors-1/compiler-error-c2065',
          type: 'build_error',
        },
        {
          line: 'main.obj : error LNK2019: unresolved external symbol "int __cdecl bar(void)" (?bar@@YAHXZ) referenced in function main',
          source:
            'https://learn.microsoft.com/en-us/cpp/error-messages/tool-errors/linker-tools-error-lnk2019',
          type: 'build_error',
        },
        {
          line: "LINK : fatal error LNK1181: cannot open input file 'foo.lib'",
          source:
            'https://learn.microsoft.com/en-us/cpp/error-messages/tool-errors/linker-tools-error-lnk1181',
          type: 'dependency_error',
        },
      ],
      lookalikes: [],
    },
    {
      tool: 'CMake',
      kind: 'build',
      rules: ['build.cmake', 'dep.cmake-package'],
      examples: [
        {
          line: 'CMake Error at CMakeLists.txt:10 (find_package):',
          source: 'https://cmake.org/cmake/help/latest/command/message.html',
          type: 'config_error',
        },
        {
          line: '-- Configuring incomplete, errors occurred!',
          source: 'https://cmake.org/cmake/help/latest/manual/cmake.1.html',
          type: 'config_error',
        },
        {
          line: '  Could NOT find Boost (missing: Boost_INCLUDE_DIR)',
          source: 'https://cmake.org/cmake/help/latest/module/FindPackageHandleStandardArgs.html',
          type: 'dependency_error',
        },
      ],
      lookalikes: [
        {
          line: '-- Configuring done (0.4s)',
          source: 'https://cmake.org/cmake/help/latest/manual/cmake.1.html',
        },
      ],
    },
    {
      tool: 'make',
      kind: 'build',
      rules: [],
      none: "make's `*** [target] Error N` only says that a recipe failed (build.make gives it 1.5, as a generic line); the failure is the compiler's or the command's output above it, which the rules of that tool recognise",
      examples: [],
      lookalikes: [
        {
          line: "make: Nothing to be done for 'all'.",
          source: 'https://www.gnu.org/software/make/manual/html_node/Error-Messages.html',
        },
      ],
    },
    {
      tool: 'ninja',
      kind: 'build',
      rules: ['build.ninja-failed', 'build.c-error-generated'],
      examples: [
        {
          line: 'FAILED: CMakeFiles/app.dir/src/main.cpp.o ',
          source: 'ninja-build/ninja src/status_printer.cc',
          type: 'build_error',
        },
        {
          line: 'ninja: build stopped: subcommand failed.',
          source: 'ninja-build/ninja src/ninja.cc',
          type: 'build_error',
        },
      ],
      lookalikes: [{ line: 'ninja: no work to do.', source: 'ninja-build/ninja src/ninja.cc' }],
    },
    {
      tool: 'Bazel',
      kind: 'build',
      rules: ['build.bazel', 'test.bazel', 'build.bazel-summary'],
      examples: [
        {
          line: 'ERROR: /home/runner/work/app/app/src/BUILD:12:10: Compiling src/main.cc failed: (Exit 1): gcc failed: error executing command',
          source: BAZEL,
          type: 'build_error',
        },
        {
          line: '//src:app_test                                                         FAILED in 0.5s',
          source: BAZEL,
          type: 'test_failure',
        },
        { line: 'ERROR: Build did NOT complete successfully', source: BAZEL },
      ],
      lookalikes: [
        {
          line: '//src:app_test                                                         PASSED in 0.5s',
          source: BAZEL,
        },
        { line: 'INFO: Build completed successfully, 5 total actions', source: BAZEL },
      ],
    },
    {
      tool: 'GoogleTest',
      kind: 'test',
      rules: ['test.gtest', 'test.gtest-failed', 'test.gtest-summary'],
      examples: [
        { line: 'googletest-output-test_.cc:42: Failure', source: GTEST_GOLDEN, type: 'test_failure' },
        { line: 'Expected equality of these values:', source: GTEST_GOLDEN, type: 'test_failure' },
        {
          line: '[  FAILED  ] ListTest.ThirdElement (0 ms)',
          source: 'google/googletest googletest/src/gtest.cc',
          type: 'test_failure',
        },
        {
          line: '[  FAILED  ] 1 test, listed below:',
          source: 'google/googletest googletest/src/gtest.cc',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        {
          line: '[       OK ] ListTest.FirstElement (0 ms)',
          source: 'google/googletest googletest/src/gtest.cc',
        },
        { line: '[  PASSED  ] 2 tests.', source: 'google/googletest googletest/src/gtest.cc' },
        { line: '[ RUN      ] ListTest.ThirdElement', source: 'google/googletest googletest/src/gtest.cc' },
        {
          line: '[==========] 3 tests from 1 test case ran. (0 ms total)',
          source: 'google/googletest googletest/src/gtest.cc',
        },
      ],
    },
    {
      tool: 'Catch2',
      kind: 'test',
      rules: ['test.catch2', 'test.catch2-summary'],
      examples: [
        {
          line: '010-TestCase.cpp:14: failed: Factorial(0) == 1 for: 0 == 1',
          source: CATCH2,
          type: 'test_failure',
        },
        {
          line: '/home/runner/work/app/app/tests/test.cpp:14: FAILED:',
          source: 'catchorg/Catch2 docs/tutorial.md',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        {
          line: 'All tests passed (4 assertions in 2 test cases)',
          source: 'catchorg/Catch2 docs/tutorial.md',
        },
        { line: '010-TestCase.cpp:19: passed: Factorial(1) == 1 for: 1 == 1', source: CATCH2 },
      ],
    },
    {
      tool: 'ctest',
      kind: 'test',
      rules: ['test.ctest', 'test.ctest-summary'],
      examples: [
        {
          line: '1/4 Test #1: unit_tests .......................***Failed    0.01 sec',
          source: CTEST,
          type: 'test_failure',
        },
        { line: 'The following tests FAILED:', source: CTEST, type: 'test_failure' },
      ],
      lookalikes: [
        { line: '2/4 Test #2: error_handling ...................   Passed    0.01 sec', source: CTEST },
        { line: '100% tests passed, 0 tests failed out of 4', source: CTEST },
      ],
    },
    {
      tool: 'sanitizers (ASan, UBSan, TSan)',
      kind: 'test',
      rules: ['test.sanitizer'],
      examples: [
        {
          line: '==30799==ERROR: AddressSanitizer: heap-use-after-free on address 0x61b000080607',
          source: ASAN,
          type: 'test_failure',
        },
        {
          line: 'SUMMARY: AddressSanitizer: heap-use-after-free /tmp/use-after-free.c:6 in main',
          source: ASAN,
          type: 'test_failure',
        },
        {
          line: "test.cc:3:5: runtime error: signed integer overflow: 2147483647 + 1 cannot be represented in type 'int'",
          source: 'https://clang.llvm.org/docs/UndefinedBehaviorSanitizer.html',
          type: 'test_failure',
        },
        {
          line: 'WARNING: ThreadSanitizer: data race (pid=9337)',
          source: 'https://clang.llvm.org/docs/ThreadSanitizer.html',
          type: 'test_failure',
        },
      ],
      lookalikes: [],
    },
  ],
};
