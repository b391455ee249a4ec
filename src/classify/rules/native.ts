/**
 * C and C++: gcc, clang and MSVC diagnostics, the linker, make, ninja, CMake and configure; sanitizers and crashes.
 */
import { type Ecosystem, R } from './rule.js';

export const native: Ecosystem = {
  name: 'C and C++',
  file: 'native',
  rules: [
    R(
      'build.c-cpp',
      9,
      'build_error',
      /^[^\s:]+(?:\.(?:c|cc|cpp|cxx|h|hpp|hxx|m|mm|cu|S|s|f90|f|swift|ino)):\d+(?::\d+)?: (?:fatal )?error: |^[^\s:]+\(\d+\): (?:fatal )?error C\d+|undefined reference to|multiple definition of|Undefined symbols for architecture|ld: (?:library|framework) not found|ld returned \d+ exit status|error: linker command failed|error: ld returned|LINK : fatal error|cannot find -l\S+|fatal error: \S+: No such file or directory|fatal error: '[^']+' file not found|error: no member named|error: use of undeclared identifier/i,
      [
        'src/main.c:12:5: error: implicit declaration of function ‘foo’',
        "../vendor/x/sigar_darwin.go:12:10: fatal error: 'libproc.h' file not found",
        "main.o: undefined reference to `bar'",
        'collect2: error: ld returned 1 exit status',
      ],
    ),
    R(
      'build.c-error-generated',
      4,
      'build_error',
      /^\d+ errors? generated\.|^compilation terminated\.|^ninja: build stopped: subcommand failed|^Error \d+$|^\*\*\* \[\S+\] Error \d+/i,
      ['1 error generated.', 'ninja: build stopped: subcommand failed.'],
    ),
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
      /^CMake Error|^-- Configuring incomplete, errors occurred|Could NOT find \w+|configure: error: /,
      [
        'CMake Error at CMakeLists.txt:10 (find_package):',
        'configure: error: C compiler cannot create executables',
      ],
    ),
    R(
      'test.sanitizer',
      9,
      'test_failure',
      /==\d+==ERROR: \w+Sanitizer|^SUMMARY: \w+Sanitizer|runtime error: |Segmentation fault|SIGSEGV|SIGABRT|core dumped|Termsig=\d+|double free|heap-use-after-free|stack-buffer-overflow/i,
      [
        '==30799==ERROR: AddressSanitizer: heap-use-after-free on address 0x61b000080607',
        'Segmentation fault (core dumped)',
      ],
    ),
  ],
  tools: [],
};
