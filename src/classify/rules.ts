/**
 * The built-in rules: one table, data only. A rule says how telling a log line is (`weight`), what failure
 * type it points to, whether a re-run is likely to pass, and whether it is a generic "it failed" line that
 * must never be the key of a fingerprint. Each rule carries an example line from the tool it describes; the
 * tests check that every rule matches its examples and that the prefilter lets them through.
 *
 * Weights: 9–10 a precise root-cause signature; 7–8 a strong one; 5–6 good; 3–4 a summary or weak signal;
 * 1–2 generic. `noise` rules cancel weak matches (weight < NOISE_CANCELS_BELOW) on the same line.
 */
import type { FailureType, Severity } from '../types.js';

export interface Rule {
  id: string;
  pattern: RegExp;
  weight: number;
  type?: FailureType;
  transient?: boolean;
  generic?: boolean;
  noise?: boolean;
  /** User rules only: the severity this failure has, whatever the run context. */
  severity?: Severity;
  /** With `noise`: cancels every match on the line, not only weak ones. */
  hard?: boolean;
  /** With `noise`: cancels matches below this weight instead of NOISE_CANCELS_BELOW. */
  cancelsBelow?: number;
  /** User rules only: known noise, never shown. */
  ignore?: boolean;
  /** True for rules from a user rules file: evaluated on every line, not only on prefiltered ones. */
  user?: boolean;
  examples?: string[];
}

export const NOISE_CANCELS_BELOW = 6;

/**
 * Lines the rules are evaluated on at all. Every built-in rule's examples must pass it (tested); a line
 * that does not is scored 0 without running the table.
 */
/**
 * What a line must contain for the rules to be evaluated on it at all, as regular-expression fragments.
 * Every built-in rule's examples must pass (tested); a line that does not is scored 0 without running the
 * table. The fragments are compiled grouped by first letter, which the regular-expression engine scans much
 * faster than one flat alternation.
 */
export const PREFILTER_FRAGMENTS: readonly string[] = [
  String.raw`error`,
  String.raw`longer than`,
  String.raw`received`,
  String.raw`actual output`,
  String.raw`PBP`,
  String.raw`^! `,
  String.raw`fail`,
  String.raw`fatal`,
  String.raw`exception`,
  String.raw`panic`,
  String.raw`traceback`,
  String.raw`denied`,
  String.raw`cannot`,
  String.raw`can't`,
  String.raw`could ?n[o']t`,
  String.raw`not found`,
  String.raw`no such`,
  String.raw`time[ds]? ?out`,
  String.raw`timeout`,
  String.raw`time limit`,
  String.raw`abort`,
  String.raw`killed`,
  String.raw`refused`,
  String.raw`undefined`,
  String.raw`invalid`,
  String.raw`missing`,
  String.raw`unable`,
  String.raw`forbidden`,
  String.raw`unauthori[sz]ed`,
  String.raw`warn`,
  String.raw`violation`,
  String.raw`expect`,
  String.raw`assert(?:ion|ing|_equal| )`,
  String.raw`segmentation`,
  String.raw`sigsegv`,
  String.raw`core dumped`,
  String.raw`out of memory`,
  String.raw`no space`,
  String.raw`exceeded`,
  String.raw`exit(ed)? (with )?(code|status)`,
  String.raw`err[!_]`,
  String.raw`✕`,
  String.raw`✖`,
  String.raw`×`,
  String.raw`✗`,
  String.raw`✘`,
  String.raw`●`,
  String.raw`╷`,
  String.raw`^E {2,}`,
  String.raw`rejected`,
  String.raw`conflict`,
  String.raw`unresolv`,
  String.raw`unsatisf`,
  String.raw`reformat`,
  String.raw`offen[cs]e`,
  String.raw`problem`,
  String.raw`not ok`,
  String.raw`mismatch`,
  String.raw`differ`,
  String.raw`did not`,
  String.raw`doesn't`,
  String.raw`does not`,
  String.raw`lost communication`,
  String.raw`shutdown`,
  String.raw`cancel`,
  String.raw`rate.?limit`,
  String.raw`too many requests`,
  String.raw`unavailable`,
  String.raw`bad gateway`,
  String.raw`gateway time`,
  String.raw`e(conn|timedout|notfound|ai_again|acces|noent|404|target|resolve|perm)`,
  String.raw`unexpected`,
  String.raw`illegal`,
  String.raw`unknown`,
  String.raw`unrecogni[sz]ed`,
  String.raw`not recogni[sz]ed`,
  String.raw`is not set`,
  String.raw`required`,
  String.raw`dubious`,
  String.raw`must be`,
  String.raw`non-?zero`,
  String.raw`heap`,
  String.raw`oom`,
  String.raw`overflow`,
  String.raw`sanitizer`,
  String.raw`diff in`,
  String.raw`^diff --git`,
  String.raw`needs? to be updated`,
  String.raw`out of date`,
  String.raw`outdated`,
  String.raw`lockfile`,
  String.raw`reason:`,
  String.raw`termsig`,
  String.raw`^\*\* \(`,
  String.raw`would be`,
  String.raw`^\s*\d+\) `,
  String.raw`^\s*-{3} `,
  String.raw`^---- `,
  String.raw`went wrong`,
  String.raw`^> task .* failed`,
  String.raw`\bfail\b`,
  String.raw`incorrect`,
  String.raw`unsorted`,
  String.raw`not sorted`,
  String.raw`wrong`,
  String.raw`usage:`,
  String.raw`deprecat`,
  String.raw`^FAIL`,
  String.raw`terminated`,
  String.raw`signal`,
  String.raw`crash`,
  String.raw`stack trace`,
  String.raw`stacktrace`,
  String.raw`^\s+at `,
  String.raw`in function`,
  String.raw`inspected`,
  String.raw`[1-9]\d* (problems?|issues?|offenses?)`,
  String.raw`hint:`,
  String.raw`❌`,
  String.raw`exited with`,
  String.raw`go\.(?:mod|sum)`,
  String.raw`^\s+--> `,
  String.raw`on line \d+ of`,
  String.raw`^_{3,} `,
  String.raw`_test\.go:\d`,
  String.raw`^rspec `,
  String.raw`code style`,
  String.raw`\.py:\d+:\d+: [EWFCN]\d`,
  String.raw`\.rb:\d+:\d+: [CWEF]: `,
  String.raw`not used`,
  String.raw`unused`,
  String.raw`no \w+file found`,
];

export const PREFILTER: RegExp = compilePrefilter(PREFILTER_FRAGMENTS);

/** PREFILTER from its fragments: the same matches as their alternation, case-insensitive. */
export function compilePrefilter(fragments: readonly string[]): RegExp {
  const byLetter = new Map<string, string[]>();
  const rest: string[] = [];
  for (const f of fragments) {
    const first = f[0] ?? '';
    // A fragment that starts with a plain letter followed by a plain character can share its first letter.
    if (/^[a-z]$/i.test(first) && f.length > 1 && !/[\\([{?*+|]/.test(f[1] ?? '')) {
      const key = first.toLowerCase();
      const list = byLetter.get(key) ?? [];
      list.push(f.slice(1));
      byLetter.set(key, list);
    } else rest.push(f);
  }
  const grouped = [...byLetter].map(([c, tails]) => `${c}(?:${tails.join('|')})`);
  return new RegExp([...grouped, ...rest].join('|'), 'i');
}

const R = (
  id: string,
  weight: number,
  type: FailureType | undefined,
  pattern: RegExp,
  examples: string[],
  extra: Partial<Rule> = {},
): Rule => ({ id, weight, pattern, examples, ...(type ? { type } : {}), ...extra });

export const BUILTIN_RULES: Rule[] = [
  // ── Noise: lines that look like errors but are not (cancel weak matches only) ──
  R('noise.zero-count', 0, undefined, /\b(?:0|no) (?:errors?|failures?|failed|problems?|offen[cs]es?)\b|\b(?:errors?|failures?|failed):? 0\b(?!\.)/i,
    ['Tests run: 12, Failures: 0, Errors: 0, Skipped: 0', 'Found 0 errors.', 'no problems'], { noise: true }),
  R('noise.flag', 0, undefined, /-Werror|--fail-fast|--bail|-Wno-error|set -e|errexit|pipefail|error_reporting|ignore-errors|--max-warnings|continue-on-error|fail_ci_if_error|--exit-code|errorformat|--warnings-as-errors|-fexceptions/i,
    ['gcc -O2 -Werror -c foo.c', 'set -eo pipefail'], { noise: true }),
  // A source file named for an error. (Written once as `\b[\w/.-]*error…`: a word boundary always comes before
  // such a word, so the prefix changed no answer, and the engine retried it at every character.)
  R('noise.source-name', 0, undefined, /(?:error|exception|fail|assert|timeout|warning)[\w-]*\.(?:c|cc|cpp|h|hpp|go|rs|py|rb|js|ts|java|kt|cs|php|o|class|jar|html|md|ex|exs|erl|lua|swift|m|mm|scala|clj)\b(?!:\d)/i,
    ['  CC       src/error.o', 'Compiling error_handler.rs', 'inflating: lib/assertions.jar'], { noise: true }),
  R('noise.passing', 0, undefined, /(?:\.\.\.|:|\s)\s*(?:ok|passed|PASSED|success|✓|✔)\s*(?:\(\d.*\))?$|^\s*(?:✓|✔|√)\s|^ok\s+\S|^PASS\b|\bPASSED\b/i,
    ['test_error_handling (tests.test_api.ApiTest) ... ok', '  ✓ handles errors (5 ms)', 'ok  \tgithub.com/x/y\t0.01s'], { noise: true, hard: true }),
  R('noise.skipped', 0, undefined, /^(?:SKIP|XFAIL|XPASS|SKIPPED|PASS(?:ED)?)\b|\bSKIPPED\b|\bXFAIL(?:ED)?\b|\[\s*SKIPPED\s*\]|\.\.\. skipped|^\s*(?:-|○|↓) .*\(?skipped\)?$/,
    ['SKIP Bug #76348 (WSDL_CACHE_MEMORY causes Segmentation fault) [ext/soap/tests/bugs/bug76348.phpt] reason: online test', 'XFAIL MySQL PDOStatement->nextRowSet() [ext/pdo_mysql/tests/x.phpt]'], { noise: true, hard: true }),
  R('noise.source-code', 0, undefined, /^\s{4,}(?:raise|except|elif|def|return|assert|import|from|try:|finally:|with|yield|lambda|if .*:$|for .* in .*:$|while .*:$|#)\b|^>\s+\S/,
    ['            raise ConnectionError(err, request=request)', '        except (ProtocolError, socket.error) as err:'], { noise: true, hard: true }),
  R('noise.warning-prefix', 0, undefined, /^(?:\[warn(?:ing)?\]|warning:|WARNING:|npm WARN|##\[warning\]|::warning|W: |\[WARN\])/i,
    ['[warn] /app/src/Tool.scala:113: Variable SCALA_HOME undefined in comment', 'npm WARN deprecated har-validator@5.1.5'], { noise: true, cancelsBelow: 9 }),
  R('noise.info-log', 0, undefined, /^(?:\d\d:\d\d:\d\d(?:\.\d+)? )?\[(?:info|INFO|debug|DEBUG)\]|^(?:\S+ )?(?:INFO|DEBUG|TRACE)\s*[:|-]? /,
    ['10:22:54.053 [info] (tcp|<0.3228.0>) Closing c2s session for test_master', '[INFO] 3 errors '], { noise: true, cancelsBelow: 8 }),
  R('noise.download', 0, undefined, /^\s*(?:Downloading|Downloaded|Download|Fetching|Get:\d+|Hit:\d+|Ign:\d+|Unpacking|Setting up|Selecting previously|Preparing to unpack|Collecting|Requirement already satisfied|Using cached|Progress|Resolving deltas|Receiving objects|remote: (?:Counting|Compressing|Enumerating|Total))\b/i,
    ['Downloading https://repo.maven.apache.org/maven2/org/slf4j/slf4j-api/1.7.30/slf4j-api-1.7.30.pom', 'Get:1 http://archive.ubuntu.com/ubuntu focal InRelease'], { noise: true }),
  R('noise.handled', 0, undefined, /\b(?:ignor(?:e|ed|ing)|retry(?:ing)?|will retry|allowed to fail|allow_failures|expected (?:error|failure)s?|xfail|skipp(?:ed|ing)|deprecat\w*|warnings? (?:summary|were|was) )/i,
    ['npm WARN deprecated request@2.88.2: request has been deprecated', 'XFAIL test_known_bug'], { noise: true }),
  R('noise.help', 0, undefined, /^\[ERROR\] (?:-> \[Help|Re-run Maven|For more information|To see the full stack trace|$|\s*$)|^npm ERR! (?:A complete log|\s+\/|This is probably not a problem|Tell the author|You can get (?:information|their info)|There is likely additional logging|Make sure you have the latest|If you do, this is most likely a problem)|^info Visit https:\/\/yarnpkg|^\[ERROR\] Help 1|See "?[\w./-]+"? for details|See the log for details|Run with --(?:stacktrace|info|debug|scan)|^\s*> Run with|^\* Try:|^> Get more help/i,
    ['[ERROR] -> [Help 1]', 'npm ERR! A complete log of this run can be found in:', '> Run with --stacktrace option to get the stack trace.'], { noise: true }),

  // ── Runner and CI system ──
  R('runner.exit-code', 1.5, undefined, /Process completed with exit code [1-9]\d*|exited with (?:exit )?code [1-9]\d*|exit status [1-9]\d*$|returned exit code [1-9]|script returned exit code|Command exited with code|Command failed with exit code|\bELIFECYCLE\b|^npm (?:ERR!|error) (?:errno|Exit status|code 1$|\S+@\S+ \S+: `)|^npm (?:ERR!|error) (?:Failed at the|Lifecycle script)/i,
    ['##[error]Process completed with exit code 1.', 'ERROR: script returned exit code 2', 'npm ERR! code ELIFECYCLE', 'error Command failed with exit code 1.', 'npm ERR! app@1.0.0 build: `webpack`'], { generic: true }),
  R('runner.travis-command', 1.5, undefined, /The command ".*" (?:failed and )?exited with [1-9]\d*/,
    ['The command "npm test" exited with 1.', 'The command "bundle install" failed and exited with 5 during .'], { generic: true }),
  R('runner.finished-failure', 1, undefined, /^Finished: (?:FAILURE|ABORTED|UNSTABLE)|^Build step '.*' marked build as failure|^ERROR: Job failed|^Done\. Your build exited with [1-9]/,
    ['Finished: FAILURE', "Build step 'Invoke top-level Maven targets' marked build as failure"], { generic: true }),
  R('runner.annotation', 6, undefined, /^##\[error\](?!Process completed with exit code)|^::error(?: [^:]*)?::/,
    ['##[error]src/app.ts(3,7): error TS2322: Type string is not assignable to type number.', '::error file=app.js,line=1::Missing semicolon']),
  R('runner.timeout-job', 9, 'timeout', /has exceeded the maximum execution time of|The job running on runner .* has exceeded|exceeded the maximum time limit for jobs|No output has been received in the last \d+m|The job was not started because .* timeout|##\[error\]The action .* has timed out|Timeout of \d+ minutes? reached|Build timed out \(after \d+ minutes?\)/i,
    ['##[error]The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 360 minutes.', 'No output has been received in the last 10m0s, this potentially indicates a stalled build or something wrong with the build itself.']),
  R('runner.cancelled', 4, 'timeout', /##\[error\]The operation was canceled|The job was canceled because|The run was canceled by|Build was aborted|Aborted by /i,
    ['##[error]The operation was canceled.', 'Build was aborted']),
  R('runner.lost', 9, 'infrastructure', /lost communication with the server|The runner has received a shutdown signal|runner .* (?:did not|didn't) respond|The hosted runner encountered an error|Received request to deprovision|The self-hosted runner .* lost|Error: The runner .* was lost/i,
    ['##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.', 'The hosted runner: GitHub Actions 12 lost communication with the server.'], { transient: true }),
  R('runner.action-resolve', 9, 'config_error', /Unable to resolve action|Can't find 'action\.ya?ml'|Invalid workflow file|The workflow is not valid|Unrecognized named-value|Input required and not supplied|Unexpected input\(s\)|is not a valid (?:event|input)/i,
    ['##[error]Unable to resolve action `actions/chekout@v4`, repository not found', '##[error]Input required and not supplied: token']),

  // ── Resources ──
  R('resource.disk', 9, 'resource_exhaustion', /No space left on device|ENOSPC|not enough (?:free )?(?:disk )?space|disk quota exceeded|You are running out of disk space/i,
    ['OSError: [Errno 28] No space left on device', 'System.IO.IOException: No space left on device']),
  R('resource.memory', 9, 'resource_exhaustion', /JavaScript heap out of memory|java\.lang\.OutOfMemoryError|Cannot allocate memory|out of memory|\bOOMKilled\b|MemoryError\b|memory allocation of \d+ bytes failed|std::bad_alloc|GC overhead limit exceeded|fatal error: runtime: out of memory|Killed\s+signal terminated program|exit code 137|\bKilled\b\s*$/i,
    ['FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory', 'c++: fatal error: Killed signal terminated program cc1plus', '##[error]Process completed with exit code 137.']),

  // ── Permissions ──
  R('perm.github', 9, 'permission_error', /Resource not accessible by integration|Bad credentials|HttpError: Not Found.*permission|Permission to \S+ denied to|remote: Permission to|refusing to allow a GitHub App to create or update workflow|must have admin rights|Requires authentication|insufficient (?:permission|scope)s?/i,
    ['##[error]Resource not accessible by integration', 'remote: Permission to org/repo.git denied to github-actions[bot].']),
  R('perm.dubious', 9, 'permission_error', /detected dubious ownership in repository|unsafe repository \(.*is owned by someone else\)/i,
    ["fatal: detected dubious ownership in repository at '/__w/repo/repo'"]),
  R('perm.http', 7, 'permission_error', /\b(?:401 Unauthorized|403 Forbidden|HTTP(?:\/\d(?:\.\d)?)? (?:401|403)\b|status(?: code)?:? (?:401|403)\b|E401|E403\b|unauthorized: |denied: requested access to the resource is denied|authentication (?:failed|required)|Authentication failed for|access denied|AccessDenied|could not read Username|invalid (?:credentials|token|api key)|token (?:is )?(?:expired|invalid)|not authorized|permission denied \(publickey\))/i,
    ['npm ERR! code E401', 'Error response from daemon: Get https://registry/v2/: unauthorized: authentication required', "fatal: Authentication failed for 'https://github.com/org/repo.git/'"]),
  R('perm.fs', 6, 'permission_error', /\bEACCES\b|\bEPERM\b|Permission denied|Operation not permitted|must be owner of|insufficient privilege|PermissionError/i,
    ['Error: EACCES: permission denied, mkdir \'/usr/lib/node_modules\'', 'bash: ./gradlew: Permission denied', 'ERROR:  must be owner of relation mqtt_pub']),

  // ── Network and services (transient) ──
  R('infra.network', 8.5, 'infrastructure', /Could not resolve host|Temporary failure in name resolution|Name or service not known|getaddrinfo|\bE(?:CONNRESET|CONNREFUSED|TIMEDOUT|AI_AGAIN|NOTFOUND|HOSTUNREACH|NETUNREACH|PIPE)\b|socket hang up|Connection (?:reset|refused|timed out|aborted|closed)|connection reset by peer|network is unreachable|TLS handshake timeout|i\/o timeout|Received fatal alert|SSL(?:Error|_ERROR)|unexpected EOF|Failed to connect to|Unable to connect|Could not connect|failed to fetch|RemoteDisconnected|ReadTimeout|ConnectTimeout|Max retries exceeded|Read timed out|network error|ENETUNREACH/i,
    ['curl: (6) Could not resolve host: github.com', 'npm ERR! code ECONNRESET', 'Could not transfer artifact x:y:pom:1.0 from/to central (https://repo1.maven.org/maven2/): Received fatal alert: protocol_version'], { transient: true }),
  R('infra.service', 8, 'infrastructure', /\b(?:502 Bad Gateway|503 Service (?:Temporarily )?Unavailable|504 Gateway Time-?out|500 Internal Server Error|HTTP(?:\/\d(?:\.\d)?)? (?:500|502|503|504)|status(?: code)? (?:500|502|503|504))\b|Service Unavailable|rate limit(?:ed| exceeded)|API rate limit|secondary rate limit|too many requests|toomanyrequests|\b429\b.*(?:Too Many|rate)|You have reached your pull rate limit|server is (?:busy|overloaded)|try again later|temporarily unavailable/i,
    ['toomanyrequests: You have reached your pull rate limit.', 'error: RPC failed; HTTP 503 curl 22 The requested URL returned error: 503'], { transient: true }),

  // ── Timeouts of commands and tests ──
  R('timeout.command', 7, 'timeout', /\btimed out after\b|\btimeout after\b|deadline exceeded|context deadline exceeded|panic: test timed out after|Timeout of \d+ms exceeded|exceeded timeout of \d+|Exceeded timeout|TimeoutError|timetrap_timeout|operation timed out|\btimed out\b|Timed out waiting|took too long/i,
    ['panic: test timed out after 10m0s', 'Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called', 'Reason: timetrap_timeout']),

  // ── Dependencies ──
  R('dep.npm', 9, 'dependency_error', /npm (?:ERR!|error) code (?:E404|ETARGET|ERESOLVE|EINTEGRITY|ENOVERSIONS|EBADENGINE|ENOTARGET|EUSAGE)|npm (?:ERR!|error) (?:404|notarget|peer dep|ERESOLVE|Could not resolve dependency|Conflicting peer dependency|missing:|invalid:)|No matching version found for|`npm ci` can only install packages when your package\.json and package-lock\.json|package-lock\.json.*(?:out of sync|not in sync)|Missing: \S+ from lock file|is not in this registry/i,
    ['npm ERR! code ERESOLVE', 'npm ERR! notarget No matching version found for left-pad@^9.0.0.', 'npm error `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync.']),
  R('dep.yarn-pnpm', 9, 'dependency_error', /Couldn't find any versions for|Couldn't find package|Your lockfile needs to be updated|The lockfile would have been modified|lockfile (?:is )?(?:out of date|outdated|needs to be updated)|ERR_PNPM_(?:OUTDATED_LOCKFILE|NO_MATCHING_VERSION|FETCH_404|PEER_DEP_ISSUES|LOCKFILE\w*|NO_LOCKFILE|UNSUPPORTED_ENGINE)|YN0028|YN0035|YN0001: .*(?:resolve|fetch)|error An unexpected error occurred: ".*(?:404|Not found)|frozen-lockfile|Incorrect peer dependency/i,
    ['error Your lockfile needs to be updated, but yarn was run with `--frozen-lockfile`.', ' ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date']),
  R('dep.pip', 9, 'dependency_error', /Could not find a version that satisfies the requirement|No matching distribution found|ResolutionImpossible|Cannot install .* because these package versions have conflicting dependencies|conflicting dependencies|pip's dependency resolver|Failed building wheel for|Could not build wheels for|error: subprocess-exited-with-error|Failed to build \S+|metadata-generation-failed|No solution found when resolving|Because .* depends on .* (?:and|we can conclude)|version solving failed|SolverProblemError|poetry\.lock is not consistent|pyproject\.toml changed significantly since poetry\.lock/i,
    ['ERROR: Could not find a version that satisfies the requirement torch==9.9 (from versions: none)', 'ERROR: No matching distribution found for torch==9.9']),
  R('dep.jvm', 8, 'dependency_error', /Could not resolve dependencies for project|Could not (?:find|transfer|resolve) artifact|Non-resolvable (?:parent POM|import POM)|Failed to collect dependencies|Could not resolve all (?:files|dependencies|artifacts) for configuration|Could not resolve [\w.-]+:[\w.-]+(?::[\w.-]+)?\.|Could not find [\w.-]+:[\w.-]+:[\w.-]+\.|was cached in the local repository, resolution will not be reattempted|Unresolved dependenc(?:y|ies)|unresolved dependency|Failed to read artifact descriptor|dependency convergence|Plugin .* or one of its dependencies could not be resolved|Could not find artifact|Could not GET '/i,
    ['[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project com.x:app:jar:1.0: Could not find artifact com.x:lib:jar:2.0 in central', "> Could not resolve all files for configuration ':app:debugCompileClasspath'."]),
  R('dep.other', 8, 'dependency_error', /Bundler could not find compatible versions|Could not find gem|Could not find \S+ in any of the sources|Gem::(?:MissingSpecError|ConflictError)|An error occurred while installing \S+, and Bundler cannot continue|Your bundle is locked to|composer\.lock.*(?:not up to date|out of date)|Your requirements could not be resolved to an installable set of packages|failed to select a version for|failed to (?:load|parse) (?:manifest|lock file)|no matching package named|the lock file .* needs to be updated but --locked was passed|go: (?:updates to go\.mod needed|missing go\.sum entry|\S+@\S+: (?:reading|invalid version|unknown revision))|verifying \S+: checksum mismatch|cannot find module providing package|no required module provides package|Unable to find a matching version|NU1101|NU1102|NU1605|Unable to resolve dependency|Package .* is not available|unmet dependencies|Unable to locate package|has no installation candidate|Hash Sum mismatch|E: Failed to fetch|rosdep|dpkg: error processing|Could not install packages due to|Dependency .* not found|Could not satisfy dependencies|Unresolvable dependencies|opam: .* no solution|PackagesNotFoundError|UnsatisfiableError|ResolvePackageNotFound|Package(?:s)? required (?:but|and) not available|there is no package called|installation of package .* had non-zero exit status|dependenc(?:y|ies) .* (?:is|are) not available/i,
    ['Bundler could not find compatible versions for gem "rails":', 'go: updates to go.mod needed; to update it:', 'E: Unable to locate package libfoo-dev', 'PackagesNotFoundError: The following packages are not available from current channels:', 'Package required but not available: ‘lubridate’']),
  R('dep.module-missing', 6, 'dependency_error', /ModuleNotFoundError: No module named|ImportError: No module named|cannot load such file -- |LoadError|Cannot find module '(?![./])|Could not find a declaration file for module|error\[E0432\]: unresolved import `(?!crate|self|super)|package \S+ is not in (?:GOROOT|std)|Can't locate \S+\.pm in @INC|Module not found: Error: Can't resolve '(?![./])/i,
    ["ModuleNotFoundError: No module named 'requests'", "Error: Cannot find module 'express'", "Can't locate Test/More.pm in @INC (you may need to install the Test::More module)"]),

  // ── Compilers and builds ──
  R('build.c-cpp', 9, 'build_error', /^[^\s:]+(?:\.(?:c|cc|cpp|cxx|h|hpp|hxx|m|mm|cu|S|s|f90|f|swift|ino)):\d+(?::\d+)?: (?:fatal )?error: |^[^\s:]+\(\d+\): (?:fatal )?error C\d+|undefined reference to|multiple definition of|Undefined symbols for architecture|ld: (?:library|framework) not found|ld returned \d+ exit status|error: linker command failed|error: ld returned|LINK : fatal error|cannot find -l\S+|fatal error: \S+: No such file or directory|fatal error: '[^']+' file not found|error: no member named|error: use of undeclared identifier/i,
    ['src/main.c:12:5: error: implicit declaration of function ‘foo’', "../vendor/x/sigar_darwin.go:12:10: fatal error: 'libproc.h' file not found", 'main.o: undefined reference to `bar\'', 'collect2: error: ld returned 1 exit status']),
  R('build.c-error-generated', 4, 'build_error', /^\d+ errors? generated\.|^compilation terminated\.|^ninja: build stopped: subcommand failed|^Error \d+$|^\*\*\* \[\S+\] Error \d+/i,
    ['1 error generated.', 'ninja: build stopped: subcommand failed.']),
  R('build.make', 1.5, undefined, /^(?:g?make|mingw32-make)(?:\[\d+\])?: \*\*\* /,
    ['make: *** [Makefile:12: all] Error 1', 'make[2]: *** [src/CMakeFiles/app.dir/build.make:76: src/main.o] Error 1'], { generic: true }),
  R('build.cmake', 8, 'config_error', /^CMake Error|^-- Configuring incomplete, errors occurred|Could NOT find \w+|configure: error: /,
    ['CMake Error at CMakeLists.txt:10 (find_package):', 'configure: error: C compiler cannot create executables']),
  R('build.rust', 9, 'build_error', /^error(?:\[E\d{4}\])?: (?!test failed|test run failed|[Cc]ould not compile|aborting due|failed to run custom build|process didn't exit successfully|\d+ (?:previous )?errors?|cannot find (?:macro|derive)|unused)|^\s*error\[E\d{4}\]/,
    ['error[E0308]: mismatched types', 'error: expected one of `,`, `.`, or `?`, found `;`']),
  R('build.rust-summary', 3.5, 'build_error', /^error: (?:[Cc]ould not compile|aborting due to|failed to run custom build command)|^error: process didn't exit successfully/,
    ['error: could not compile `tokio` (lib) due to 2 previous errors']),
  R('build.rust-location', 4, undefined, /^\s+--> \S+:\d+:\d+$/, ['  --> src/lib.rs:12:5']),
  R('build.tsc', 9, 'build_error', /\berror TS\d{4,5}\b/, ["src/app.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.", 'src/app.ts:3:7 - error TS2304: Cannot find name \'foo\'.']),
  R('build.tsc-summary', 3, 'build_error', /^Found \d+ errors? in \d+ files?\.|^Found [1-9]\d* errors?\. Watching/, ['Found 3 errors in 2 files.']),
  R('build.go', 9, 'build_error', /^\S+\.go:\d+:\d+: (?!.*\(\w+\)$).*?(?:undefined|cannot use|too many|not enough|missing|syntax error|imported and not used|declared (?:and|but) not used|invalid|non-\w+|expected|no new variables|assignment mismatch|\S+ redeclared|cannot|unknown)/,
    ['./main.go:12:2: undefined: foo', './main.go:5:2: "os" imported and not used']),
  R('build.java', 9, 'build_error', /\[ERROR\] \S+\.(?:java|kt|scala|groovy):(?:\[\d+,\d+\]|\d+)|^\S+\.java:\d+: error: |COMPILATION ERROR|Compilation failure|^e: (?:file:\/\/)?\S+\.kts?:|^\[Error\] \S+\.scala:\d+|error: cannot find symbol|error: package \S+ does not exist|error: incompatible types|Compilation failed; see the compiler error output|compileJava FAILED|compileKotlin FAILED|compileTestJava FAILED|\[error\] \S+\.scala:\d+:\d+:/i,
    ['[ERROR] /home/runner/work/app/src/main/java/App.java:[12,5] cannot find symbol', '[ERROR] COMPILATION ERROR : ', "e: /app/src/main/kotlin/App.kt: (12, 5): Unresolved reference: foo"]),
  R('build.dotnet', 9, 'build_error', /error (?:CS|MSB|NETSDK|FS|BC)\d{4}|: error [A-Z]{2,}\d{3,}:|Build FAILED\./,
    ["Program.cs(12,5): error CS0103: The name 'foo' does not exist in the current context [/app/App.csproj]", 'Build FAILED.']),
  R('build.docker', 8, 'build_error', /^#\d+ ERROR: |^ERROR: failed to (?:solve|build)|failed to solve(?: with frontend dockerfile)?:|failed to compute cache key|The command '.*' returned a non-zero code: \d+|executor failed running|did not complete successfully: exit code|^ERROR \[[\w-]+(?: \d+\/\d+)?\] |Dockerfile:\d+$|error building image|buildx failed with|failed to build: /i,
    ['ERROR: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1', "The command '/bin/sh -c make' returned a non-zero code: 2", '#12 ERROR: process "/bin/sh -c go build" did not complete successfully: exit code: 1']),
  R('build.bundler', 8, 'build_error', /Module not found: Error: Can't resolve '[./]|Module build failed|Build failed with \d+ errors?|\[vite\]:? Rollup failed|RollupError|error during build:|Failed to compile\.|SyntaxError: .*\(\d+:\d+\)|Transform failed with \d+ errors?|✘ \[ERROR\]|\[webpack-cli\] |esbuild: .*error|Parse error:|ParseError:|Unexpected token|error: unexpected|Syntax error|SyntaxError:|unexpected end of (?:file|input)|IndentationError|TabError/i,
    ["Module not found: Error: Can't resolve './Foo' in '/app/src'", 'SyntaxError: Unexpected token (3:4)']),
  R('build.xcpretty', 9, 'build_error', /❌\s+\S+:\d+:\d+: /, ["❌  /Users/travis/build/x/Source/App.swift:97:2: unknown attribute 'dynamicMemberLookup'"]),
  R('build.webpack', 8, 'build_error', /^ERROR in \S+|^\[!\] (?:Error|RollupError)/, ['ERROR in ./src/index.js 12:4']),
  R('build.compiler-generic', 8.5, 'build_error', /^\S+\.(?!pyi?:)\w+:\d+(?::\d+)?: (?:fatal )?error\b|^\S+\.\w+\(\d+(?:,\d+)?\): (?:fatal )?error\b/,
    ['shellcheck.hs:442:19: error:', 'src/app.zig:10:5: error: expected type']),
  R('build.latex', 6, 'build_error', /^! (?:LaTeX Error|Undefined control sequence|Missing|Emergency stop|Package \w+ Error)|^Latexmk: .*(?:error|failed)|LaTeX Error:/,
    ['! LaTeX Error: File `foo.sty\' not found.', '! Undefined control sequence.']),
  R('build.sass', 7, 'build_error', /^Error: (?:Invalid CSS|Undefined (?:variable|mixin)|Illegal nesting|Inconsistent indentation|File to import not found|expected )|^\s+on line \d+ of \S+|^\s+╷$/,
    ['Error: Invalid CSS after "2.3em": expected expression (e.g. 1px, bold), was ";"', '        on line 86 of sass/components/dropdown.sass']),
  R('build.link-missing-module', 7, 'build_error', /Cannot find module '[./]|error\[E0432\]|error\[E0425\]|cannot find (?:value|type|function|macro) `|unresolved reference/i,
    ["Error: Cannot find module './lib/util'"]),
  R('build.gradle-wrong', 6, undefined, /^\* What went wrong:|^FAILURE: Build (?:failed|completed) with (?:an exception|\d+ failures?)|^> Task \S+ FAILED|Execution failed for task '/,
    ['* What went wrong:', "Execution failed for task ':app:compileJava'.", '> Task :core:test FAILED']),
  R('build.maven-goal', 4.5, undefined, /\[ERROR\] Failed to execute goal .*?(?::|\)) (?!on project)/,
    ['[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:2.22.2:test (default-test) on project app: There are test failures.']),
  R('build.maven-failure', 1.5, undefined, /^\[INFO\] BUILD FAILURE|^BUILD FAILED|^\[ERROR\] BUILD FAILURE|FAILURE: Build failed with an exception/,
    ['[INFO] BUILD FAILURE', 'BUILD FAILED in 12s'], { generic: true }),
  R('build.generic-error-prefix', 5, undefined, /^(?:\[(?:ERROR|FATAL|error|fatal)\]|ERROR:|FATAL:|Error:|error:|fatal:|E:|ERR!?|\[!\]|!!!) ?\S/,
    ['ERROR: something went wrong', 'fatal: not a git repository (or any of the parent directories): .git', 'Error: the file does not exist']),

  // ── Tests ──
  R('test.pytest-failed', 8, 'test_failure', /^(?:FAILED|ERROR) \S+::\S+|^(?:FAIL|ERROR): test\w* \([\w.]+\)|^_{3,} (?:ERROR at (?:setup|teardown) of )?\S+ _{3,}$|^E\s{2,}(?!\s*$)/,
    ['FAILED tests/test_api.py::test_get - AssertionError: assert 404 == 200', 'FAIL: test_add (tests.test_math.MathTest)', 'E       assert 404 == 200', '______________________________ test_get ______________________________']),
  R('test.pytest-summary', 4, 'test_failure', /^=+ .*\b\d+ (?:failed|errors?)\b.* =+$|^FAILED \((?:failures|errors)=\d+|^=+ (?:FAILURES|ERRORS) =+$|^Ran \d+ tests? in/,
    ['==================== 1 failed, 12 passed in 3.21s ====================', 'FAILED (failures=1)', '=================================== FAILURES ===================================']),
  R('test.python-exception', 6, undefined, /^(?:\w+\.)*[A-Z]\w*(?:Error|Exception|Exit|Interrupt|Failure)(?::\s.*)?$|^Traceback \(most recent call last\):$/,
    ['AssertionError: assert 1 == 2', 'ValueError: invalid literal for int() with base 10', 'Traceback (most recent call last):']),
  R('test.jest', 8, 'test_failure', /^\s*● (?!Console)\S.*(?: › .*)?$|^\s*(?:✕|×|✗|✘) \S|expect\(.*\)\.(?:to|not)\w*|Snapshot .* mismatched|\d+ snapshots? failed|^\s*- Expected\s+- \d+|^\s*\+ Received\s+\+ \d+/,
    ['  ● Calculator › adds numbers', '    ✕ adds numbers (3 ms)', '    expect(received).toBe(expected) // Object.is equality']),
  // The values are the most telling lines of a jest/vitest failure; the file header the least.
  R('test.jest-values', 8.5, 'test_failure', /^\s*(?:Expected|Received)(?: value)?:\s/, ['    Expected: 90', '    Received: 100']),
  R('test.jest-file', 6, 'test_failure', /^\s*FAIL\s+\S+\.(?:[jt]sx?|mjs|cjs|vue|svelte)\b/, ['FAIL src/calc.test.ts']),
  R('test.jest-summary', 4, 'test_failure', /^Tests?:\s+\d+ failed|^Test Suites:\s+\d+ failed|^\s*Test Files\s+\d+ failed|^\s*Tests\s+\d+ failed|⎯+ Failed Tests? \d+ ⎯+|^\s*\d+ failing$|^\s*\d+ (?:tests? )?failed\b/,
    ['Tests:       1 failed, 24 passed, 25 total', ' Test Files  1 failed | 3 passed (4)', '  2 failing']),
  R('test.assertion', 8, 'test_failure', /AssertionError|AssertionFailedError|ComparisonFailure|Assertion failed|assert(?:ion)? .*failed|expected:? ?<.*> but was:? ?<|expected .* (?:to (?:be|equal|have|include|contain|match)|but (?:got|was|received))|Expected .* (?:but|to) |Failed asserting that|should (?:be|equal|have|match|contain|include) |to equal|toEqual|\bassert_equal\b|is not equal to|not equal to expected|Value of: |Actual: |Which is: |^\s*actual\s*:|^\s*expected\s*:|does not match expected/i,
    ['java.lang.AssertionError: expected:<1> but was:<2>', 'Failed asserting that two strings are equal.', 'AssertionError: expected 1 to equal 2']),
  R('test.go', 7.5, 'test_failure', /^\s*--- FAIL: |^panic: (?!test timed out)|^FAIL\s+\S+\s+(?:\[build failed\]|[\d.]+s)/,
    ['--- FAIL: TestParse (0.00s)', 'FAIL\tgithub.com/x/y\t0.012s']),
  // What a Go test said when it failed: the message, more telling than the test's name.
  R('test.go-message', 8.5, 'test_failure', /^\s+\S+_test\.go:\d+: |^\s*\S+_test\.go:\d+:\d+: |^\s+(?:testing|\w+_test)\.go:\d+: /,
    ['    parse_test.go:42: got 1, want 2', '        testing.go:192: missing API token']),
  R('test.go-fail', 2, 'test_failure', /^FAIL$/, ['FAIL']),
  // Compile-fail (UI) test harnesses — trybuild, compiletest — fail when the compiler's diagnostics change:
  // what broke is the build's output, not a test's assertion.
  R('build.ui-test-mismatch', 8.5, 'build_error', /\[should fail to compile\] \.\.\. mismatch$|^\s*(?:EXPECTED|ACTUAL OUTPUT):$|^\s*expected: .*\.stderr|error: test failed, .* compile_fail/,
    ['    test tests/fail/macros_type_mismatch.rs [should fail to compile] ... mismatch', '    ACTUAL OUTPUT:']),
  R('build.ui-test-harness', 9.5, 'build_error', /panicked at \S*\/(?:trybuild|compiletest(?:_rs)?|ui_test)-[\d.]+\//,
    ["    thread 'compile_fail_full' (25975) panicked at /home/runner/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/trybuild-1.0.116/src/run.rs:102:13:"]),
  R('test.rust', 8, 'test_failure', /^test \S+ \.\.\. FAILED$|^---- \S+ stdout ----$|thread '.*' panicked at|^test result: FAILED\.|^error: test failed, to rerun pass|^failures:$/,
    ['test tests::it_adds ... FAILED', "thread 'tests::it_adds' panicked at src/lib.rs:10:9:", 'test result: FAILED. 3 passed; 1 failed; 0 ignored']),
  R('test.junit', 8, 'test_failure', /<<< (?:FAILURE|ERROR)!|^(?:Failed tests|Tests in error|Tests with errors):|^\[ERROR\] (?:Failures|Errors):\s*$|^\[ERROR\]\s+\S+[.#:]\S+:\d+ |^\[ERROR\]\s+\S+\.\S+:\d+(?:->\S+)*|^\[ERROR\] Tests run: .*(?:Failures: [1-9]|Errors: [1-9])|^Tests run: .*(?:Failures: [1-9]|Errors: [1-9])|^\S+ > \S.* FAILED$|There (?:are|were) test failures|^\s+\S+\(\S+\)(?:: .*)?$/,
    ['Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.1 sec <<< FAILURE!', 'Failed tests: ', 'com.x.AppTest > testAdd FAILED', '[ERROR]   AppTest.testAdd:12 expected:<1> but was:<2>']),
  R('test.jvm-exception', 6, undefined, /^(?:Caused by: )?(?:[a-z][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Failure)(?::.*)?$|^Exception in thread/,
    ['java.lang.NullPointerException: Cannot invoke "String.length()" because "s" is null', 'Caused by: java.io.FileNotFoundException: config.yml']),
  R('test.rspec', 8, 'test_failure', /^rspec \.\/\S+:\d+|^\s+Failure\/Error: |^\s+\d+\) (?:Failure|Error):|^\s*(?:expected|got):? .+|^Failures:$|^\d+ examples?, [1-9]\d* failures?|^\d+ runs, \d+ assertions, (?:[1-9]\d* failures|\d+ failures, [1-9]\d* errors)|^\s*\d+\) \S.*(?:test_|spec|Test|::)/,
    ['rspec ./spec/models/user_spec.rb:12 # User is valid', '     Failure/Error: expect(user).to be_valid', '3 examples, 1 failure', '  1) Failure:']),
  R('test.tap', 7, 'test_failure', /^\s*not ok \d+|^# (?:fail|failed)\s+[1-9]|^\s*#\s+Failed test/i,
    ['not ok 3 - parses dates', '#   Failed test at t/basic.t line 12.']),
  R('test.php', 7, 'test_failure', /^FAIL .*\[\S+\.phpt\]|^\d+\) [\w\\]+::\w+|^There (?:was|were) \d+ (?:failures?|errors?):|^FAILURES!$|^Tests: \d+, Assertions: \d+, (?:Failures|Errors): \d+/,
    ['FAIL Bug #60120 (proc_open hangs) [ext/standard/tests/file/bug60120.phpt]', '1) Composer\\Test\\SolverTest::testUnsatisfiableRequires', 'There was 1 failure:']),
  R('test.generic', 5, 'test_failure', /\btests? (?:failed|failures?)\b|\bfailing tests?\b|\bfailed tests?\b|\bfailures?:\s*[1-9]|\b[1-9]\d* (?:tests? )?(?:failed|failures?)\b|\b(?:test|spec|case|example) .*\bfailed\b|^\s*\S+ failed on line \d+|suite:\S+ failed|(?<!BUILD )\bFAILED\b|^!!\s+\d+ - \S+/,
    ['3 tests failed', 'suite:send_recv failed on line 593', 'Tests FAILED', '!!  753 - neg/t742.scala                            [compilation failed]']),
  R('test.sanitizer', 9, 'test_failure', /==\d+==ERROR: \w+Sanitizer|^SUMMARY: \w+Sanitizer|runtime error: |Segmentation fault|SIGSEGV|SIGABRT|core dumped|Termsig=\d+|double free|heap-use-after-free|stack-buffer-overflow|panicked at/i,
    ['==30799==ERROR: AddressSanitizer: heap-use-after-free on address 0x61b000080607', 'Segmentation fault (core dumped)']),
  R('test.erlang-elixir', 7, undefined, /^\*\* \((?:\w+\.)*\w+\) |^=ERROR REPORT====|^\s*\*\* exception error:|^\{'EXIT',|^Reason: |^\S+ failed$|^\s+\d+\) test .+ \(\S+\)$/,
    ['** (RuntimeError) Line does not match format', '** (throw) "Duplicate links found"', 'ejabberd_SUITE:init_per_group failed', "  1) test adds (MathTest)"]),
  R('test.lua-stack', 5, undefined, /^\s*\S+\.lua:\d+: |^\s*stack traceback:$/, ['  /app/tests/libs/tap.lua:85: Missing 1 expected call']),
  R('test.xcode', 7, 'test_failure', /error: -\[\S+ \S+\] : |\*\* TEST FAILED \*\*|\*\* BUILD FAILED \*\*|Test Case '.*' failed|XCTAssert\w*\s+failed|\(\(.*\)\) failed: /,
    ["Test Case '-[AppTests testAdd]' failed (0.003 seconds).", '** TEST FAILED **']),

  // ── Linters and formatters ──
  R('lint.eslint', 8, 'lint_error', /^\s+\d+:\d+\s+(?:error|warning)\s+.+?\s{2,}[@\w/-]+$|^✖ \d+ problems? \(\d+ errors?|^\s*\d+:\d+\s+error\s+/,
    ["  12:5  error  'foo' is assigned a value but never used  no-unused-vars", '✖ 3 problems (3 errors, 0 warnings)']),
  R('lint.format', 8, 'lint_error', /^\[warn\] \S+\.\w+$|Code style issues found in|Forgot to run Prettier\?|^\[error\] \S+: SyntaxError|Run Prettier with --write to fix|would reformat \S+|files? would be reformatted|^Oh no! 💥 💔 💥|^--- \S+\s+\(original\)|^ERROR: \S+ Imports are incorrectly sorted|Fixing \S+\.py|isort|^\S+\.py:\d+:\d+: [EWFCN]\d{3}\b|^\S+\.py:\d+:\d+: [CRWEF]\d{4}:|^\*{13} Module |Your code has been rated at|^\S+\.rb:\d+:\d+: [CWEF]: |\d+ files? inspected, [1-9]\d* offen[cs]es? detected|^Diff in \S+ at line \d+|^\S+\.go:\d+:\d+: .+ \((?:\w|-)+\)$|^\S+\.go:\d+:\d+: .*(?:should|is not|exported)|^In \S+ line \d+:$|\bSC\d{4}\b|\bMD\d{3}\b|^\S+:\d+:\d+ .* \[(?:error|warning)\]|^\S+: line \d+, col \d+, (?:Error|Warning)|Lint(?:er|ing)? (?:errors?|failed|issues?)|lint error|\bstyle (?:check|error|issue|violation)s?/i,
    ['Code style issues found in 2 files. Run Prettier with --write to fix.', 'would reformat src/app.py', './app.py:3:1: F401 \'os\' imported but unused', 'app/models/user.rb:3:5: C: Style/StringLiterals: Prefer single-quoted strings']),
  R('lint.tool', 2.5, 'lint_error', /\b(?:gofmt|goimports|golint|golangci-lint|staticcheck|go vet|clang-format|clang-tidy|rustfmt|cargo fmt|clippy|black|flake8|pylint|isort|rubocop|checkstyle|spotless|ktlint|detekt|scalafmt|scalastyle|swiftlint|swiftformat|stylelint|markdownlint|hadolint|yamllint|shellcheck|codespell|pyright|ruff|tslint|eslint|jshint|jscs|prettier|phpcs|php-cs-fixer|phpstan|psalm|cpplint|editorconfig|lint-\S+|linter|lint)\b.*\b(?:fail|error|warn|violation|problem|issue|offen[cs]e)|\b(?:trailing whitespace|include guard|Violation)\b/i,
    ['eslint found problems', 'golangci-lint run failed']),
  R('lint.checkstyle', 8, 'lint_error', /^\[(?:ERROR|WARN(?:ING)?)\] \S+\.java:\d+(?::\d+)?: .* \[\w+\]$|You have \d+ Checkstyle violations?|Failed during checkstyle|The following files had format violations|spotless\w*Check|Run 'gradle spotlessApply'|There (?:are|were) \d+ (?:PMD|SpotBugs|checkstyle) violations?|Too many files with unapproved license|Rat check/i,
    ['[ERROR] src/main/java/App.java:12:5: Missing a Javadoc comment. [JavadocMethod]', 'You have 3 Checkstyle violations.']),
  R('lint.mypy', 8, 'lint_error', /^\S+\.pyi?:\d+(?::\d+)?: error: .*(?:\[[\w-]+\])?$|^Found \d+ errors? in \d+ files? \(checked|^error: \S+ is not present at runtime|^error: \S+ (?:is inconsistent|variable differs|is not a function)/,
    ['pandas/core/frame.py:12: error: Incompatible return value type (got "int", expected "str")  [return-value]', 'Found 279 errors in 9 files (checked 1200 source files)']),
  R('lint.swiftlint', 7, 'lint_error', /^\S+\.swift:\d+:\d+: (?:warning|error): .+ Violation: /,
    ['/app/Sources/App.swift:88:42: warning: Colon Violation: Colons should be next to the identifier when specifying a type and next to the key in dictionary literals. (colon)']),
  R('lint.diff', 3, 'lint_error', /^diff --git a\/|^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@|^\^-+ failure generated from|^(?:\+\+\+|---) [ab]\/\S+/,
    ['diff --git a/src/app.c b/src/app.c', '^---- failure generated from test/lint/lint-whitespace.sh']),
  R('lint.generic', 5, 'lint_error', /\b[1-9]\d* (?:problems?|issues?|offen[cs]es?|violations?|lint (?:errors?|warnings?))\b|not (?:properly )?(?:formatted|sorted|goimported|gofmted)|is not (?:sorted|formatted)|(?:Words|entries|links) not in (?:alphabetical )?order|Duplicate links found|does not match format|appears to be used|seems to be missing|missing (?:the )?(?:expected )?(?:include guard|license header|copyright)|Undocumented .* declarations|unused (?:import|variable)|trailing whitespace|line too long|[Ll]ine longer than \d+ characters|file is not \w+ed|should be (?:sorted|formatted)|See pages? [\d, ]+ of PBP|\(Severity: \d\)$/i,
    ['eth/config.go:1::warning: file is not goimported (goimports)', 'README.md:2186:Line longer than 80 characters.', 'Use IO::Interactive::is_interactive() instead of -t at line 69, column 28.  See page 218 of PBP.  (Severity: 5)', 'src/test/util.h seems to be missing the expected include guard:', '** (throw) "Words not in order \\"a\\" and \\"b\\""']),

  // ── Configuration ──
  R('config.missing', 7, 'config_error', /command not found|: not found$|No such file or directory|ENOENT|is not recognized as an internal or external command|cannot find the path specified|No Rakefile found|Could not locate Gemfile|Could not find (?:a )?(?:file|directory|Gemfile|package\.json|pom\.xml|build\.gradle|tsconfig|configuration)|(?:file|directory|path) (?:does not exist|not found)|does not exist|not a git repository|pathspec .* did not match|Remote branch .* not found|couldn't find remote ref|No files were found with the provided path|Unable to find (?:the )?(?:file|image|any)|no such (?:file|directory|image|option|command|task|host)|Task '.*' not found in|Unknown (?:option|command|argument|task|lifecycle phase)|Unrecognized (?:option|argument|command)|invalid (?:option|argument|choice|configuration|value)|unknown (?:flag|shorthand flag|command)|missing required (?:argument|option|input|env|environment|field|property)|usage: |Usage: /i,
    ['bash: line 1: yarnn: command not found', "/home/travis/.travis/job_stages: line 78: test/sass-compile-tester.sh: No such file or directory", 'No Rakefile found (looking for: rakefile, Rakefile, rakefile.rb, Rakefile.rb)']),
  R('config.env', 8, 'config_error', /(?:environment variable|env var|secret|variable) .*(?:is not set|not set|not defined|is missing|missing|required|undefined|empty)|(?:is not set|must be set|must be provided|is required)(?: \S+)?$|KeyError: '[A-Z_]{3,}'|missing (?:api )?(?:token|key|credentials)|no (?:api )?token (?:found|provided)|Invalid configuration|configuration (?:error|is invalid)|yaml: line \d+:|YAMLException|invalid YAML|JSON\.parse|Unexpected token .* in JSON|while (?:parsing|scanning) a (?:block|flow|simple key)|found character that cannot start any token|Schema validation|Invalid value for|is not a valid|deprecated and will be removed|not supported(?: any more)?|unsupported (?:version|engine|platform)|requires? (?:node|python|ruby|java|go)(?: version)? [>=<^~\d]|engine "node" is incompatible|The engine "\w+" is incompatible|Unsupported class file major version|invalid target release|release version \d+ not supported|source release \d+ requires target release/i,
    ['Error: environment variable API_KEY is not set', 'error app@1.0.0: The engine "node" is incompatible with this module. Expected version ">=18". Got "16.20.0"', 'yaml: line 12: did not find expected key']),

  // ── Deploys and releases ──
  R('deploy.failed', 7, 'deploy_error', /\b(?:deploy(?:ment)?|release|publish(?:ing)?|upload(?:ing)?|rollout|helm|kubectl apply|terraform apply|push(?:ing)? (?:image|to registry))\b.*\b(?:failed|error|unsuccessful|aborted)\b|\b(?:failed|error|unable) (?:to )?(?:deploy|publish|release|upload|push)\b|! \[remote rejected\]|! \[rejected\]|failed to push some refs|You cannot publish over the previously published versions|cannot publish over|npm ERR! code E(?:PUBLISHCONFLICT|NEEDAUTH)|HTTPError: 400 Bad Request from https:\/\/upload\.pypi\.org|File already exists|error: RPC failed|Error: UPGRADE FAILED|Error: INSTALLATION FAILED|rollout status .* failed|deadline exceeded waiting for|ProgressDeadlineExceeded|CrashLoopBackOff|ImagePullBackOff|ErrImagePull|Error: release \S+ failed|No such app|Deploy failed|failed to deploy/i,
    ['npm ERR! You cannot publish over the previously published versions: 1.2.3.', ' ! [remote rejected] main -> main (protected branch hook declined)', 'Error: UPGRADE FAILED: timed out waiting for the condition']),
  R('deploy.terraform', 7, undefined, /^[│|]? ?Error: |^\s*╷$|^\s*╵$|^[│|] (?:with|on) \S+/,
    ['│ Error: Invalid reference', '╷']),

  // ── Generic fallback on words ──
  R('generic.fatal', 4, undefined, /\bfatal\b|\bpanic\b|\bcrash(?:ed)?\b|\babort(?:ed|ing)?\b|\bterminated\b|\bsegfault\b/i, ['fatal: unable to access repository']),
  R('generic.exception', 4, undefined, /\bexception\b|\btraceback\b|\bstack ?trace\b/i, ['Unhandled exception in worker']),
  R('generic.error', 3.5, undefined, /\berror(?:s|ed)?\b|\berr\b|\bERR!/i, ['there was an error while processing the file']),
  R('generic.fail', 3, undefined, /\bfail(?:s|ed|ing|ure|ures)?\b|\bunsuccessful\b/i, ['the operation failed']),
  R('generic.cannot', 2.5, undefined, /\bcannot\b|\bcan't\b|\bcould ?n[o']t\b|\bunable to\b|\bnot found\b|\bno such\b|\bmissing\b|\bundefined\b|\binvalid\b|\bunexpected\b|\billegal\b|\bdenied\b|\brefused\b|\bforbidden\b|\bunknown\b|\bincorrect\b|\bwrong\b|\bmismatch\b|\bdoes not\b|\bdid not\b|\bdoesn't\b|\bexpected\b|\bviolat\w+/i,
    ['cannot open file', 'value did not match']),
  R('generic.warning', 0.5, undefined, /\bwarn(?:ing)?s?\b|\bdeprecat\w+/i, ['warning: unused variable']),
  R('generic.stack-frame', 0.3, undefined, /^\s+at \S|^\s+File ".*", line \d+|^\s*#\d+ 0x[0-9a-f]+ in |in function |^\s+\S+\.\w+:\d+:in `/, ['    at Object.<anonymous> (/app/index.js:3:9)']),
];
