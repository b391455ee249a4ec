/**
 * Generic: The fallback when no tool's own rule matches: compiler-shaped diagnostics, error prefixes, assertions, test-failure words, and plain error words.
 */
import { type Ecosystem, R } from './rule.js';

export const generic: Ecosystem = {
  name: 'Generic',
  file: 'generic',
  rules: [
    R(
      'build.compiler-generic',
      8.5,
      'build_error',
      /^\S+\.(?!pyi?:)\w+:\d+(?::\d+)?: (?:fatal )?error\b|^\S+\.\w+\(\d+(?:,\d+)?\): (?:fatal )?error\b/,
      ['shellcheck.hs:442:19: error:', 'src/app.zig:10:5: error: expected type'],
    ),
    R(
      'build.link-missing-module',
      7,
      'build_error',
      /Cannot find module '[./]|error\[E0432\]|error\[E0425\]|cannot find (?:value|type|function|macro) `|unresolved reference/i,
      ["Error: Cannot find module './lib/util'"],
    ),
    R(
      'build.generic-error-prefix',
      5,
      undefined,
      /^(?:\[(?:ERROR|FATAL|error|fatal)\]|ERROR:|FATAL:|Error:|error:|fatal:|E:|ERR!?|\[!\]|!!!) ?\S/,
      [
        'ERROR: something went wrong',
        'fatal: not a git repository (or any of the parent directories): .git',
        'Error: the file does not exist',
      ],
    ),

    R(
      'test.assertion',
      8,
      'test_failure',
      /AssertionError|AssertionFailedError|ComparisonFailure|Assertion failed|assert(?:ion)? .*failed|expected:? ?<.*> but was:? ?<|expected .* (?:to (?:be|equal|have|include|contain|match)|but (?:got|was|received))|Expected .* (?:but|to) |Failed asserting that|should (?:be|equal|have|match|contain|include) |to equal|toEqual|\bassert_equal\b|is not equal to|not equal to expected|Value of: |Actual: |Which is: |^\s*actual\s*:|^\s*expected\s*:|does not match expected/i,
      [
        'java.lang.AssertionError: expected:<1> but was:<2>',
        'Failed asserting that two strings are equal.',
        'AssertionError: expected 1 to equal 2',
      ],
    ),
    R(
      'test.generic',
      5,
      'test_failure',
      /\btests? (?:failed|failures?)\b|\bfailing tests?\b|\bfailed tests?\b|\bfailures?:\s*[1-9]|\b[1-9]\d* (?:tests? )?(?:failed|failures?)\b|\b(?:test|spec|case|example) .*\bfailed\b|^\s*\S+ failed on line \d+|suite:\S+ failed|(?<!BUILD )\bFAILED\b|^!!\s+\d+ - \S+/,
      [
        '3 tests failed',
        'suite:send_recv failed on line 593',
        'Tests FAILED',
        '!!  753 - neg/t742.scala                            [compilation failed]',
      ],
    ),
    R(
      'generic.fatal',
      4,
      undefined,
      /\bfatal\b|\bpanic\b|\bcrash(?:ed)?\b|\babort(?:ed|ing)?\b|\bterminated\b|\bsegfault\b/i,
      ['fatal: unable to access repository'],
    ),
    R('generic.exception', 4, undefined, /\bexception\b|\btraceback\b|\bstack ?trace\b/i, [
      'Unhandled exception in worker',
    ]),
    R('generic.error', 3.5, undefined, /\berror(?:s|ed)?\b|\berr\b|\bERR!/i, [
      'there was an error while processing the file',
    ]),
    R('generic.fail', 3, undefined, /\bfail(?:s|ed|ing|ure|ures)?\b|\bunsuccessful\b/i, [
      'the operation failed',
    ]),
    R(
      'generic.cannot',
      2.5,
      undefined,
      /\bcannot\b|\bcan't\b|\bcould ?n[o']t\b|\bunable to\b|\bnot found\b|\bno such\b|\bmissing\b|\bundefined\b|\binvalid\b|\bunexpected\b|\billegal\b|\bdenied\b|\brefused\b|\bforbidden\b|\bunknown\b|\bincorrect\b|\bwrong\b|\bmismatch\b|\bdoes not\b|\bdid not\b|\bdoesn't\b|\bexpected\b|\bviolat\w+/i,
      ['cannot open file', 'value did not match'],
    ),
    R('generic.warning', 0.5, undefined, /\bwarn(?:ing)?s?\b|\bdeprecat\w+/i, ['warning: unused variable']),
    R(
      'generic.stack-frame',
      0.3,
      undefined,
      /^\s+at \S|^\s+File ".*", line \d+|^\s*#\d+ 0x[0-9a-f]+ in |in function |^\s+\S+\.\w+:\d+:in `/,
      ['    at Object.<anonymous> (/app/index.js:3:9)'],
    ),
  ],
  tools: [],
};
