/**
 * Noise: Lines that look like errors but are not: zero counts, flags that name errors, passing and skipped tests, source code echoed in tracebacks, warnings, info-level logging, downloads, help text. A noise rule scores nothing; it cancels weaker matches on its line.
 */
import { type Ecosystem, R } from './rule.js';

export const noise: Ecosystem = {
  name: 'Noise',
  file: 'noise',
  rules: [
    R(
      'noise.zero-count',
      0,
      undefined,
      /\b(?:0|no) (?:errors?|failures?|failed|problems?|offen[cs]es?)\b|\b(?:errors?|failures?|failed):? 0\b(?!\.)/i,
      ['Tests run: 12, Failures: 0, Errors: 0, Skipped: 0', 'Found 0 errors.', 'no problems'],
      { noise: true },
    ),
    R(
      'noise.flag',
      0,
      undefined,
      /-Werror|--fail-fast|--bail|-Wno-error|set -e|errexit|pipefail|error_reporting|ignore-errors|--max-warnings|continue-on-error|fail_ci_if_error|--exit-code|errorformat|--warnings-as-errors|-fexceptions/i,
      ['gcc -O2 -Werror -c foo.c', 'set -eo pipefail'],
      { noise: true },
    ),
    // A source file named for an error. (Written once as `\b[\w/.-]*error…`: a word boundary always comes before
    // such a word, so the prefix changed no answer, and the engine retried it at every character.)
    R(
      'noise.source-name',
      0,
      undefined,
      /(?:error|exception|fail|assert|timeout|warning)[\w-]*\.(?:c|cc|cpp|h|hpp|go|rs|py|rb|js|ts|java|kt|cs|php|o|class|jar|html|md|ex|exs|erl|lua|swift|m|mm|scala|clj)\b(?!:\d)/i,
      ['  CC       src/error.o', 'Compiling error_handler.rs', 'inflating: lib/assertions.jar'],
      { noise: true },
    ),
    R(
      'noise.passing',
      0,
      undefined,
      /(?:\.\.\.|:|\s)\s*(?:ok|passed|PASSED|success|✓|✔)\s*(?:\(\d.*\))?$|^\s*(?:✓|✔|√)\s|^ok\s+\S|^PASS\b|\bPASSED\b/i,
      [
        'test_error_handling (tests.test_api.ApiTest) ... ok',
        '  ✓ handles errors (5 ms)',
        'ok  \tgithub.com/x/y\t0.01s',
      ],
      { noise: true, hard: true },
    ),
    R(
      'noise.skipped',
      0,
      undefined,
      /^(?:SKIP|XFAIL|XPASS|SKIPPED|PASS(?:ED)?)\b|\bSKIPPED\b|\bXFAIL(?:ED)?\b|\[\s*SKIPPED\s*\]|\.\.\. skipped|^\s*(?:-|○|↓) .*\(?skipped\)?$/,
      [
        'SKIP Bug #76348 (WSDL_CACHE_MEMORY causes Segmentation fault) [ext/soap/tests/bugs/bug76348.phpt] reason: online test',
        'XFAIL MySQL PDOStatement->nextRowSet() [ext/pdo_mysql/tests/x.phpt]',
      ],
      { noise: true, hard: true },
    ),
    R(
      'noise.source-code',
      0,
      undefined,
      /^\s{4,}(?:raise|except|elif|def|return|assert|import|from|try:|finally:|with|yield|lambda|if .*:$|for .* in .*:$|while .*:$|#)\b|^>\s+\S/,
      [
        '            raise ConnectionError(err, request=request)',
        '        except (ProtocolError, socket.error) as err:',
      ],
      { noise: true, hard: true },
    ),
    R(
      'noise.warning-prefix',
      0,
      undefined,
      /^(?:\[warn(?:ing)?\]|warning:|WARNING:|npm WARN|##\[warning\]|::warning|W: |\[WARN\])/i,
      [
        '[warn] /app/src/Tool.scala:113: Variable SCALA_HOME undefined in comment',
        'npm WARN deprecated har-validator@5.1.5',
      ],
      { noise: true, cancelsBelow: 9 },
    ),
    R(
      'noise.info-log',
      0,
      undefined,
      /^(?:\d\d:\d\d:\d\d(?:\.\d+)? )?\[(?:info|INFO|debug|DEBUG)\]|^(?:\S+ )?(?:INFO|DEBUG|TRACE)\s*[:|-]? /,
      ['10:22:54.053 [info] (tcp|<0.3228.0>) Closing c2s session for test_master', '[INFO] 3 errors '],
      { noise: true, cancelsBelow: 8 },
    ),
    R(
      'noise.download',
      0,
      undefined,
      /^\s*(?:Downloading|Downloaded|Download|Fetching|Get:\d+|Hit:\d+|Ign:\d+|Unpacking|Setting up|Selecting previously|Preparing to unpack|Collecting|Requirement already satisfied|Using cached|Progress|Resolving deltas|Receiving objects|remote: (?:Counting|Compressing|Enumerating|Total))\b/i,
      [
        'Downloading https://repo.maven.apache.org/maven2/org/slf4j/slf4j-api/1.7.30/slf4j-api-1.7.30.pom',
        'Get:1 http://archive.ubuntu.com/ubuntu focal InRelease',
      ],
      { noise: true },
    ),
    R(
      'noise.handled',
      0,
      undefined,
      /\b(?:ignor(?:e|ed|ing)|retry(?:ing)?|will retry|allowed to fail|allow_failures|expected (?:error|failure)s?|xfail|skipp(?:ed|ing)|deprecat\w*|warnings? (?:summary|were|was) )/i,
      ['npm WARN deprecated request@2.88.2: request has been deprecated', 'XFAIL test_known_bug'],
      { noise: true },
    ),
    R(
      'noise.help',
      0,
      undefined,
      /^\[ERROR\] (?:-> \[Help|Re-run Maven|For more information|To see the full stack trace|$|\s*$)|^npm ERR! (?:A complete log|\s+\/|This is probably not a problem|Tell the author|You can get (?:information|their info)|There is likely additional logging|Make sure you have the latest|If you do, this is most likely a problem)|^info Visit https:\/\/yarnpkg|^\[ERROR\] Help 1|See "?[\w./-]+"? for details|See the log for details|Run with --(?:stacktrace|info|debug|scan)|^\s*> Run with|^\* Try:|^> Get more help/i,
      [
        '[ERROR] -> [Help 1]',
        'npm ERR! A complete log of this run can be found in:',
        '> Run with --stacktrace option to get the stack trace.',
      ],
      { noise: true },
    ),
  ],
  tools: [],
};
