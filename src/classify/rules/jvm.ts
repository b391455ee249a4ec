/**
 * JVM: Maven and Gradle (resolution, goals, tasks); javac, kotlinc, scalac; JUnit 4/5 via surefire/failsafe and
 * Gradle, TestNG, ScalaTest and sbt; JVM exceptions; checkstyle, spotless, ktlint, detekt, PMD, SpotBugs,
 * Apache RAT.
 */
import { type Ecosystem, R } from './rule.js';

const SUREFIRE_STATS =
  'apache/maven-surefire maven-surefire-common/src/main/java/org/apache/maven/plugin/surefire/report/TestSetStats.java';
const SUREFIRE_RESULTS =
  'apache/maven-surefire maven-surefire-common/src/main/java/org/apache/maven/plugin/surefire/report/DefaultReporterFactory.java';
const GRADLE_TEST = 'https://gist.github.com/tomekw/1ecb57540f13563d5444612290ae48b6';
const MAVEN_COMPILER = 'https://maven.apache.org/plugins/maven-compiler-plugin/';
const SCALATEST = 'https://www.scalatest.org/user_guide/using_scalatest_with_sbt';

export const jvm: Ecosystem = {
  name: 'JVM',
  file: 'jvm',
  rules: [
    R(
      'dep.jvm',
      8,
      'dependency_error',
      /Could not resolve dependencies for project|Could not (?:find|transfer|resolve) artifact|The following artifacts could not be resolved|Non-resolvable (?:parent POM|import POM)|Failed to collect dependencies|Could not resolve all (?:files|dependencies|artifacts) for configuration|Could not resolve [\w.-]+:[\w.-]+(?::[\w.-]+)?\.|Could not find [\w.-]+:[\w.-]+:[\w.-]+\.|was cached in the local repository, resolution will not be reattempted|[Uu]nresolved dependenc(?:y|ies)|Failed to read artifact descriptor|Dependency convergence error|Plugin .* or one of its dependencies could not be resolved|Could not GET '|ResolveException: |Error downloading [\w.-]+:[\w.-]+:[\w.-]+/,
      [
        '[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project com.example:app:jar:1.0: Could not find artifact com.example:lib:jar:2.0 in central (https://repo.maven.apache.org/maven2)',
        "> Could not resolve all files for configuration ':app:compileClasspath'.",
        '   > Could not find com.example:lib:2.0.',
      ],
    ),
    // The compilers' diagnostics: javac (`File.java:12: error:`, and through Maven `[ERROR] File.java:[12,5]`),
    // kotlinc (`e: File.kt:12:5`, before K2 `e: File.kt: (12, 5):`), scalac 2 (`File.scala:12: error:`), sbt and
    // zinc (`[error] File.scala:12:5:`), Scala 3 (`-- [E006] Not Found Error: File.scala:12:5`).
    R(
      'build.java',
      9,
      'build_error',
      /^\[ERROR\] \S+\.(?:java|kt|scala|groovy):(?:\[\d+,\d+\]|\d+)(?! \(\w+\) \w+: )|^\S+\.java:\d+: error: |^e: (?:file:\/\/)?\S+\.kts?(?::\d+:\d+|: \(\d+, \d+\))|^\[ERROR\] \S+\.kts?: \(\d+, \d+\) |^\S+\.scala:\d+: error: |^\[[Ee]rror\] \S+\.scala:\d+(?::\d+)?: |^(?:\[error\] )?-- (?:\[E\d+\] )?[\w ]*Error: \S+\.scala:\d+:\d+/,
      [
        '[ERROR] /home/runner/work/app/app/src/main/java/com/example/App.java:[12,5] cannot find symbol',
        'App.java:12: error: cannot find symbol',
        "e: file:///home/runner/work/app/app/src/main/kotlin/App.kt:12:5 Unresolved reference 'foo'.",
        'e: /home/runner/work/app/app/src/main/kotlin/App.kt: (12, 5): Unresolved reference: foo',
        'App.scala:12: error: not found: value foo',
        '[error] /home/runner/work/app/app/src/main/scala/App.scala:12:5: not found: value foo',
      ],
    ),
    // What says that compilation failed, not why: Maven's header and goal, Gradle's `Compilation failed`.
    R(
      'build.java-summary',
      3.5,
      'build_error',
      /^\[ERROR\] COMPILATION ERROR :?\s*$|: Compilation failure|Compilation failed; see the compiler error output for details|^\[error\] \(.*\) Compilation failed$/i,
      [
        '[ERROR] COMPILATION ERROR : ',
        '[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.8.1:compile (default-compile) on project app: Compilation failure',
        '> Compilation failed; see the compiler error output for details.',
      ],
    ),
    // Gradle's failure report: what went wrong names the task; the task and build lines summarise.
    R(
      'build.gradle-wrong',
      4,
      undefined,
      /^\* What went wrong:|^FAILURE: Build (?:failed|completed) with (?:an exception|\d+ failures?)|^> Task \S+ FAILED|Execution failed for task '/,
      ['* What went wrong:', "Execution failed for task ':test'.", '> Task :test FAILED'],
    ),
    R('build.maven-goal', 4.5, undefined, /\[ERROR\] Failed to execute goal .*?(?::|\)) (?!on project)/, [
      '[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:2.22.2:test (default-test) on project service-security: There are test failures.',
    ]),
    R(
      'build.maven-failure',
      1.5,
      undefined,
      /^\[INFO\] BUILD FAILURE|^BUILD FAILED|^\[ERROR\] BUILD FAILURE|FAILURE: Build failed with an exception/,
      ['[INFO] BUILD FAILURE', 'BUILD FAILED in 2s'],
      { generic: true },
    ),
    // JUnit through surefire/failsafe and Gradle, and TestNG: the failing test, then the counts.
    R(
      'test.junit',
      7.5,
      'test_failure',
      /^(?:\[ERROR\] )?(?!Tests run:)\S.*\bTime elapsed: [\d.,]+ s(?:ec)?\s+<<< (?:FAILURE|ERROR)!$|^\S+ > \S.* FAILED$|^FAILED(?: CONFIGURATION)?: [\w.$]+(?:\(.*\))?$/,
      [
        '[ERROR] com.example.AppTest.testAdd -- Time elapsed: 0.012 s <<< FAILURE!',
        'testAdd(com.example.AppTest)  Time elapsed: 0.01 sec  <<< FAILURE!',
        'com._98elements.CalculatorSpec > adds 2 to 2 FAILED',
        'FAILED: testAdd',
      ],
    ),
    // surefire's `Results:` list: one line per failed test with its message (`  AppTest.testAdd:12 expected...`);
    // before surefire 2.19 `  testAdd(com.example.AppTest): expected...`.
    R(
      'test.junit-result',
      7,
      'test_failure',
      /^\[ERROR\]\s+\S+[.#:]\S+:\d+ |^\[ERROR\]\s+\S+\.\S+:\d+(?:->\S+)*|^\s+\w+\((?:[\w$]+\.)+[\w$]+\)(?:: .*)?$/,
      [
        '[ERROR]   AppTest.testAdd:12 expected: <2> but was: <3>',
        '  testAdd(com.example.AppTest): expected:<2> but was:<3>',
      ],
    ),
    // Gradle's one-line cause under a failed test: `    org.opentest4j.AssertionFailedError at AppTest.kt:11`.
    R(
      'test.gradle-cause',
      7,
      'test_failure',
      /^\s+(?:[a-z][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Failure)\S* at \S+\.(?:java|kt|groovy|scala):\d+$/,
      ['    org.opentest4j.AssertionFailedError at CalculatorSpec.kt:11'],
    ),
    R(
      'test.junit-summary',
      3.5,
      'test_failure',
      /^(?:\[ERROR\] )?Tests run: .*(?:Failures: [1-9]|Errors: [1-9])|^(?:Failed tests|Tests in error|Tests with errors):|^\[ERROR\] (?:Failures|Errors):\s*$|There (?:are|were) test failures|There were failing tests\. See the report at|^\d+ tests? completed, \d+ failed|^Total tests run: \d+, (?:Passes: \d+, )?Failures: [1-9]/,
      [
        '[ERROR] Tests run: 1, Failures: 0, Errors: 1, Skipped: 0',
        'Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.1 sec <<< FAILURE!',
        '[ERROR] Failures: ',
        '3 tests completed, 1 failed',
        '> There were failing tests. See the report at: file:///Users/tomek/depot/personal/calculator/build/reports/tests/test/index.html',
      ],
    ),
    R(
      'test.jvm-exception',
      6,
      undefined,
      /^(?:Caused by: )?(?:[a-z][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Failure)(?::.*)?$|^Exception in thread/,
      [
        'java.lang.NullPointerException: Cannot invoke "String.length()" because "s" is null',
        'Caused by: java.io.FileNotFoundException: config.yml',
      ],
    ),
    // ScalaTest (`- adds numbers *** FAILED ***` and the message under it, ending with its file and line) and
    // sbt's test summary. sbt prefixes `[info]`, which cancels weaker matches: the details weigh 8 and up.
    R(
      'test.scalatest',
      8,
      'test_failure',
      /^(?:\[info\] )?\s*- .+ \*\*\* FAILED \*\*\*|^(?:\[info\] )?\S.* \*\*\* ABORTED \*\*\*/,
      ['[info] - should pop values in last-in-first-out order *** FAILED ***'],
    ),
    R(
      'test.scala-message',
      8.5,
      'test_failure',
      /^(?:\[(?:info|error)\] )?\s+(?!at )\S.* \(\S+\.scala:\d+\)$/,
      ['[info]   2 did not equal 3 (StackSpec.scala:18)'],
    ),
    R(
      'test.sbt-summary',
      3.5,
      'test_failure',
      /^(?:\[info\] )?\*\*\* \d+ (?:TESTS?|SUITES?) (?:FAILED|ABORTED) \*\*\*|Tests: succeeded \d+, failed [1-9]|^(?:\[error\] )?Failed: Total \d+, Failed \d+, Errors \d+|^\[error\] Failed tests:|TestsFailedException: Tests unsuccessful/,
      [
        '[info] *** 1 TEST FAILED ***',
        '[info] Tests: succeeded 1, failed 1, canceled 0, ignored 0, pending 0',
        '[error] Failed: Total 2, Failed 1, Errors 0, Passed 1',
      ],
    ),
    // checkstyle: its CLI (`[ERROR] File.java:12:5: message [Check]`, also under Gradle's `[ant:checkstyle]`) and
    // the Maven plugin (`[ERROR] File.java:[12,5] (javadoc) MissingJavadocMethod: message`).
    R(
      'lint.checkstyle',
      9,
      'lint_error',
      /^(?:\[ant:checkstyle\] )?\[ERROR\] \S+\.java:\d+(?::\d+)?: .* \[\w+\]$|^\[(?:ERROR|WARN(?:ING)?)\] \S+\.java:\[\d+(?:,\d+)?\] \(\w+\) \w+: /,
      [
        '[ERROR] /home/runner/work/app/app/src/main/java/App.java:12:5: Missing a Javadoc comment. [MissingJavadocMethod]',
        '[ERROR] src/main/java/App.java:[12,5] (javadoc) MissingJavadocMethod: Missing a Javadoc comment.',
      ],
    ),
    R(
      'lint.jvm-summary',
      4.5,
      'lint_error',
      /You have [1-9]\d* (?:Checkstyle|PMD) violations?|Checkstyle ends with \d+ errors?|There (?:is|are) \d+ errors? reported by Checkstyle|Failed during checkstyle (?:execution|configuration)|(?:Checkstyle|PMD|CodeNarc) rule violations were found|Run '.*spotless(?::a|A)pply' to fix these violations|spotless\w*Check|(?:Build|Analysis) failed with \d+ (?:weighted )?issues|failed with \d+ bugs? and \d+ errors?|Too many files with unapproved license/,
      [
        'You have 3 Checkstyle violations.',
        "Run 'mvn spotless:apply' to fix these violations.",
        'Analysis failed with 3 weighted issues.',
      ],
    ),
    // spotless's report, ktlint's findings (`File.kt:12:5: message (standard:rule)`), detekt's
    // (`File.kt:12:5: message [Rule]`; before 1.23 `\tRule - [name] at File.kt:12:5`), PMD's and SpotBugs'.
    R(
      'lint.jvm',
      8,
      'lint_error',
      /The following files had format violations:|^\S+\.kts?:\d+:\d+: .+ \((?:[\w-]+:)?[a-z][\w-]*\)$|^\S+\.kts?:\d+:\d+: .+ \[\w+\]$|^\s+\w+ - (?:\[.*\] )?at \S+\.kts?:\d+:\d+|PMD Failure: \S+:\d+ Rule:\w+ Priority:\d+|^\S+\.java:\d+:\s+\w+:\s+\S|^\[(?:ERROR|INFO)\] (?:High|Medium|Low): .* \[\S+\] At \S+\.java:\[lines? \d+/,
      [
        'The following files had format violations:',
        'src/main/kotlin/App.kt:12:5: Unexpected spacing before ":" (standard:colon-spacing)',
        '/home/runner/work/app/app/src/main/kotlin/App.kt:12:5: This expression contains a magic number. Consider defining it to a well named constant. [MagicNumber]',
        "[INFO] PMD Failure: com.example.App:12 Rule:UnusedPrivateField Priority:3 Avoid unused private fields such as 'x'..",
      ],
    ),
  ],
  tools: [
    {
      tool: 'JUnit via Maven surefire / failsafe',
      kind: 'test',
      rules: ['test.junit', 'test.junit-result', 'test.junit-summary', 'build.maven-goal'],
      examples: [
        {
          line: '[ERROR] com.example.AppTest.testAdd -- Time elapsed: 0.012 s <<< FAILURE!',
          source: SUREFIRE_STATS,
          type: 'test_failure',
        },
        {
          line: 'testAdd(com.example.AppTest)  Time elapsed: 0.01 sec  <<< FAILURE!',
          source: SUREFIRE_STATS,
          type: 'test_failure',
        },
        {
          line: '[ERROR]   AppTest.testAdd:12 expected: <2> but was: <3>',
          source: SUREFIRE_RESULTS,
          type: 'test_failure',
        },
        {
          line: '[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:2.22.2:test (default-test) on project service-security: There are test failures.',
          source: 'https://blog.csdn.net/qq_42809896/article/details/107360519',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        { line: '[INFO] Tests run: 12, Failures: 0, Errors: 0, Skipped: 0', source: SUREFIRE_RESULTS },
        {
          line: '[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.05 s - in com.example.ErrorHandlerTest',
          source: SUREFIRE_STATS,
        },
        { line: '[INFO] Running com.example.ErrorHandlerTest', source: SUREFIRE_STATS },
        { line: '[INFO] BUILD SUCCESS', source: 'https://maven.apache.org/guides/getting-started/' },
      ],
    },
    {
      tool: 'Gradle test',
      kind: 'test',
      rules: ['test.junit', 'test.gradle-cause', 'test.junit-summary', 'build.gradle-wrong'],
      examples: [
        {
          line: 'com._98elements.CalculatorSpec > adds 2 to 2 FAILED',
          source: GRADLE_TEST,
          type: 'test_failure',
        },
        {
          line: '    org.opentest4j.AssertionFailedError at CalculatorSpec.kt:11',
          source: GRADLE_TEST,
          type: 'test_failure',
        },
        { line: '3 tests completed, 1 failed', source: GRADLE_TEST, type: 'test_failure' },
        { line: "Execution failed for task ':test'.", source: GRADLE_TEST },
      ],
      lookalikes: [
        {
          line: 'BUILD SUCCESSFUL in 18s',
          source: 'https://gist.github.com/19fa336b55c09733e4051312eac1b9ad',
        },
        {
          line: '13 actionable tasks: 4 executed, 9 up-to-date',
          source: 'https://gist.github.com/19fa336b55c09733e4051312eac1b9ad',
        },
        { line: '> Task :test', source: GRADLE_TEST },
      ],
    },
    {
      tool: 'TestNG',
      kind: 'test',
      rules: ['test.junit', 'test.junit-summary'],
      examples: [
        { line: 'FAILED: testAdd', source: 'https://testng.org/#_testng_xml', type: 'test_failure' },
        {
          line: 'Total tests run: 3, Passes: 2, Failures: 1, Skips: 0',
          source: 'https://testng.org/#_testng_xml',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        {
          line: 'Total tests run: 3, Passes: 3, Failures: 0, Skips: 0',
          source: 'https://testng.org/#_testng_xml',
        },
      ],
    },
    {
      tool: 'ScalaTest / sbt test',
      kind: 'test',
      rules: ['test.scalatest', 'test.scala-message', 'test.sbt-summary'],
      examples: [
        {
          line: '[info] - should pop values in last-in-first-out order *** FAILED ***',
          source: SCALATEST,
          type: 'test_failure',
        },
        { line: '[info]   2 did not equal 3 (StackSpec.scala:18)', source: SCALATEST, type: 'test_failure' },
        {
          line: '[error] (Test / test) sbt.TestsFailedException: Tests unsuccessful',
          source: 'https://www.scala-sbt.org/1.x/docs/Testing.html',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        {
          line: '[info] - should throw NoSuchElementException if an empty stack is popped',
          source: SCALATEST,
        },
        { line: '[info] Tests: succeeded 2, failed 0, canceled 0, ignored 0, pending 0', source: SCALATEST },
        { line: '[info] All tests passed.', source: SCALATEST },
        {
          line: '[info] Passed: Total 2, Failed 0, Errors 0, Passed 2',
          source: 'https://www.scala-sbt.org/1.x/docs/Testing.html',
        },
      ],
    },
    {
      tool: 'javac (Maven, Gradle)',
      kind: 'build',
      rules: ['build.java', 'build.java-summary'],
      examples: [
        {
          line: '[ERROR] /home/runner/work/app/app/src/main/java/com/example/App.java:[12,5] cannot find symbol',
          source: MAVEN_COMPILER,
          type: 'build_error',
        },
        {
          line: 'App.java:12: error: cannot find symbol',
          source: 'https://docs.oracle.com/en/java/javase/21/docs/specs/man/javac.html',
          type: 'build_error',
        },
        { line: '[ERROR] COMPILATION ERROR : ', source: MAVEN_COMPILER, type: 'build_error' },
      ],
      lookalikes: [
        {
          line: '[WARNING] /home/runner/work/app/app/src/main/java/com/example/App.java:[20,9] [deprecation] getErrorCode() in Status has been deprecated',
          source: MAVEN_COMPILER,
        },
        {
          line: 'Note: Recompile with -Xlint:unchecked for details.',
          source: 'https://docs.oracle.com/en/java/javase/21/docs/specs/man/javac.html',
        },
        { line: '[INFO] Nothing to compile - all classes are up to date', source: MAVEN_COMPILER },
      ],
    },
    {
      tool: 'kotlinc',
      kind: 'build',
      rules: ['build.java'],
      examples: [
        {
          line: "e: file:///home/runner/work/app/app/src/main/kotlin/App.kt:12:5 Unresolved reference 'foo'.",
          source: 'https://kotlinlang.org/docs/command-line.html',
          type: 'build_error',
        },
        {
          line: 'e: /home/runner/work/app/app/src/main/kotlin/App.kt: (12, 5): Unresolved reference: foo',
          source: 'https://kotlinlang.org/docs/command-line.html',
          type: 'build_error',
        },
      ],
      lookalikes: [
        {
          line: "w: file:///home/runner/work/app/app/src/main/kotlin/App.kt:7:9 Variable 'error' is never used",
          source: 'https://kotlinlang.org/docs/command-line.html',
        },
      ],
    },
    {
      tool: 'scalac',
      kind: 'build',
      rules: ['build.java'],
      examples: [
        {
          line: 'App.scala:12: error: not found: value foo',
          source: 'https://docs.scala-lang.org/overviews/compiler-options/',
          type: 'build_error',
        },
        {
          line: '[error] /home/runner/work/app/app/src/main/scala/App.scala:12:5: not found: value foo',
          source: 'https://www.scala-sbt.org/1.x/docs/Running.html',
          type: 'build_error',
        },
        {
          line: '[error] -- [E006] Not Found Error: /home/runner/work/app/app/src/main/scala/App.scala:12:5 ',
          source: 'https://docs.scala-lang.org/scala3/guides/migration/tooling-syntax-rewriting.html',
          type: 'build_error',
        },
      ],
      lookalikes: [
        {
          line: '[warn] /home/runner/work/app/app/src/main/scala/App.scala:7:9: match may not be exhaustive.',
          source: 'https://www.scala-sbt.org/1.x/docs/Running.html',
        },
        {
          line: '[success] Total time: 12 s, completed Jan 21, 2024 4:55:42 PM',
          source: 'https://www.scala-sbt.org/1.x/docs/Running.html',
        },
      ],
    },
    {
      tool: 'Maven and Gradle dependency resolution',
      kind: 'package',
      rules: ['dep.jvm'],
      examples: [
        {
          line: '[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project com.example:app:jar:1.0: Could not find artifact com.example:lib:jar:2.0 in central (https://repo.maven.apache.org/maven2)',
          source: 'https://maven.apache.org/guides/mini/guide-multiple-repositories.html',
          type: 'dependency_error',
        },
        {
          line: '   > Could not find com.example:lib:2.0.',
          source: 'https://docs.gradle.org/current/userguide/dependency_resolution.html',
          type: 'dependency_error',
        },
      ],
      lookalikes: [
        {
          line: 'Downloading from central: https://repo.maven.apache.org/maven2/org/slf4j/slf4j-api/1.7.30/slf4j-api-1.7.30.pom',
          source: 'https://maven.apache.org/guides/mini/guide-multiple-repositories.html',
        },
      ],
    },
    {
      tool: 'checkstyle',
      kind: 'lint',
      rules: ['lint.checkstyle', 'lint.jvm-summary'],
      examples: [
        {
          line: '[ERROR] /home/runner/work/app/app/src/main/java/App.java:12:5: Missing a Javadoc comment. [MissingJavadocMethod]',
          source: 'https://checkstyle.org/cmdline.html',
          type: 'lint_error',
        },
        {
          line: '[ERROR] src/main/java/App.java:[12,5] (javadoc) MissingJavadocMethod: Missing a Javadoc comment.',
          source: 'https://maven.apache.org/plugins/maven-checkstyle-plugin/check-mojo.html',
          type: 'lint_error',
        },
        {
          line: 'You have 3 Checkstyle violations.',
          source: 'https://maven.apache.org/plugins/maven-checkstyle-plugin/check-mojo.html',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        { line: 'Starting audit...', source: 'https://checkstyle.org/cmdline.html' },
        { line: 'Audit done.', source: 'https://checkstyle.org/cmdline.html' },
        {
          line: '[INFO] You have 0 Checkstyle violations.',
          source: 'https://maven.apache.org/plugins/maven-checkstyle-plugin/check-mojo.html',
        },
      ],
    },
    {
      tool: 'spotless',
      kind: 'lint',
      rules: ['lint.jvm', 'lint.jvm-summary'],
      examples: [
        {
          line: 'The following files had format violations:',
          source: 'https://github.com/diffplug/spotless/tree/main/plugin-maven',
          type: 'lint_error',
        },
        {
          line: "Run 'mvn spotless:apply' to fix these violations.",
          source: 'https://github.com/diffplug/spotless/tree/main/plugin-maven',
          type: 'lint_error',
        },
      ],
      lookalikes: [],
    },
    {
      tool: 'ktlint',
      kind: 'lint',
      rules: ['lint.jvm'],
      examples: [
        {
          line: 'src/main/kotlin/App.kt:12:5: Unexpected spacing before ":" (standard:colon-spacing)',
          source:
            'pinterest/ktlint ktlint-cli-reporter-plain/src/main/kotlin/com/pinterest/ktlint/cli/reporter/plain/PlainReporter.kt',
          type: 'lint_error',
        },
      ],
      lookalikes: [],
    },
    {
      tool: 'detekt',
      kind: 'lint',
      rules: ['lint.jvm', 'lint.jvm-summary'],
      examples: [
        {
          line: '/home/runner/work/app/app/src/main/kotlin/App.kt:12:5: This expression contains a magic number. Consider defining it to a well named constant. [MagicNumber]',
          source: 'https://detekt.dev/docs/rules/style/',
          type: 'lint_error',
        },
        {
          line: 'Analysis failed with 3 weighted issues.',
          source: 'https://detekt.dev/docs/gettingstarted/cli',
          type: 'lint_error',
        },
      ],
      lookalikes: [],
    },
    {
      tool: 'PMD / SpotBugs (Maven)',
      kind: 'lint',
      rules: ['lint.jvm', 'lint.jvm-summary'],
      examples: [
        {
          line: "[INFO] PMD Failure: com.example.App:12 Rule:UnusedPrivateField Priority:3 Avoid unused private fields such as 'x'..",
          source: 'https://maven.apache.org/plugins/maven-pmd-plugin/check-mojo.html',
          type: 'lint_error',
        },
        {
          line: 'You have 1 PMD violation.',
          source: 'https://maven.apache.org/plugins/maven-pmd-plugin/check-mojo.html',
          type: 'lint_error',
        },
      ],
      lookalikes: [],
    },
  ],
};
