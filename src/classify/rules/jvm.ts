/**
 * JVM: Maven and Gradle (resolution, goals, tasks); javac, kotlinc, scalac; JUnit via surefire/failsafe and Gradle; JVM exceptions; checkstyle, spotless, PMD, SpotBugs, Apache RAT.
 */
import { type Ecosystem, R } from './rule.js';

export const jvm: Ecosystem = {
  name: 'JVM',
  file: 'jvm',
  rules: [
    R(
      'dep.jvm',
      8,
      'dependency_error',
      /Could not resolve dependencies for project|Could not (?:find|transfer|resolve) artifact|Non-resolvable (?:parent POM|import POM)|Failed to collect dependencies|Could not resolve all (?:files|dependencies|artifacts) for configuration|Could not resolve [\w.-]+:[\w.-]+(?::[\w.-]+)?\.|Could not find [\w.-]+:[\w.-]+:[\w.-]+\.|was cached in the local repository, resolution will not be reattempted|Unresolved dependenc(?:y|ies)|unresolved dependency|Failed to read artifact descriptor|dependency convergence|Plugin .* or one of its dependencies could not be resolved|Could not find artifact|Could not GET '/i,
      [
        '[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project com.x:app:jar:1.0: Could not find artifact com.x:lib:jar:2.0 in central',
        "> Could not resolve all files for configuration ':app:debugCompileClasspath'.",
      ],
    ),
    R(
      'build.java',
      9,
      'build_error',
      /\[ERROR\] \S+\.(?:java|kt|scala|groovy):(?:\[\d+,\d+\]|\d+)|^\S+\.java:\d+: error: |COMPILATION ERROR|Compilation failure|^e: (?:file:\/\/)?\S+\.kts?:|^\[Error\] \S+\.scala:\d+|error: cannot find symbol|error: package \S+ does not exist|error: incompatible types|Compilation failed; see the compiler error output|compileJava FAILED|compileKotlin FAILED|compileTestJava FAILED|\[error\] \S+\.scala:\d+:\d+:/i,
      [
        '[ERROR] /home/runner/work/app/src/main/java/App.java:[12,5] cannot find symbol',
        '[ERROR] COMPILATION ERROR : ',
        'e: /app/src/main/kotlin/App.kt: (12, 5): Unresolved reference: foo',
      ],
    ),
    R(
      'build.gradle-wrong',
      6,
      undefined,
      /^\* What went wrong:|^FAILURE: Build (?:failed|completed) with (?:an exception|\d+ failures?)|^> Task \S+ FAILED|Execution failed for task '/,
      ['* What went wrong:', "Execution failed for task ':app:compileJava'.", '> Task :core:test FAILED'],
    ),
    R('build.maven-goal', 4.5, undefined, /\[ERROR\] Failed to execute goal .*?(?::|\)) (?!on project)/, [
      '[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:2.22.2:test (default-test) on project app: There are test failures.',
    ]),
    R(
      'build.maven-failure',
      1.5,
      undefined,
      /^\[INFO\] BUILD FAILURE|^BUILD FAILED|^\[ERROR\] BUILD FAILURE|FAILURE: Build failed with an exception/,
      ['[INFO] BUILD FAILURE', 'BUILD FAILED in 12s'],
      { generic: true },
    ),
    R(
      'test.junit',
      8,
      'test_failure',
      /<<< (?:FAILURE|ERROR)!|^(?:Failed tests|Tests in error|Tests with errors):|^\[ERROR\] (?:Failures|Errors):\s*$|^\[ERROR\]\s+\S+[.#:]\S+:\d+ |^\[ERROR\]\s+\S+\.\S+:\d+(?:->\S+)*|^\[ERROR\] Tests run: .*(?:Failures: [1-9]|Errors: [1-9])|^Tests run: .*(?:Failures: [1-9]|Errors: [1-9])|^\S+ > \S.* FAILED$|There (?:are|were) test failures|^\s+\S+\(\S+\)(?:: .*)?$/,
      [
        'Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.1 sec <<< FAILURE!',
        'Failed tests: ',
        'com.x.AppTest > testAdd FAILED',
        '[ERROR]   AppTest.testAdd:12 expected:<1> but was:<2>',
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
    R(
      'lint.checkstyle',
      8,
      'lint_error',
      /^\[(?:ERROR|WARN(?:ING)?)\] \S+\.java:\d+(?::\d+)?: .* \[\w+\]$|You have \d+ Checkstyle violations?|Failed during checkstyle|The following files had format violations|spotless\w*Check|Run 'gradle spotlessApply'|There (?:are|were) \d+ (?:PMD|SpotBugs|checkstyle) violations?|Too many files with unapproved license|Rat check/i,
      [
        '[ERROR] src/main/java/App.java:12:5: Missing a Javadoc comment. [JavadocMethod]',
        'You have 3 Checkstyle violations.',
      ],
    ),
  ],
  tools: [],
};
