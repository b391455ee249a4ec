/**
 * CI runners: The CI systems' own lines: exit codes, failure markers, annotations, job time limits, cancellation,
 * lost runners and agents, invalid workflows, action downloads (GitHub Actions, GitLab runner, Travis CI, Jenkins,
 * Buildkite, CircleCI).
 */
import { type Ecosystem, R } from './rule.js';

const GH_RUNNER = 'actions/runner src/Runner.Worker/Handlers/ScriptHandler.cs (StringUtil.Loc("ProcessCompletedWithExitCode0", exitCode): "Process completed with exit code {0}.")';
const GL_BUILD = 'gitlabhq/gitlab-runner common/build.go (handleError, run, setTraceStatus)';
const TRAVIS_RESULT = 'travis-ci/travis-build lib/travis/build/bash/travis_result.bash';

export const runners: Ecosystem = {
  name: 'CI runners',
  file: 'runners',
  rules: [
    // Exit codes of the wrapper: generic. 124 (timeout(1)), 137 (SIGKILL, most often the OOM killer) and 143
    // (SIGTERM, the runner stopping the step) say more and are left to the rules below.
    R(
      'runner.exit-code',
      1.5,
      undefined,
      /Process completed with exit code (?!1(?:24|37|43)\b)[1-9]\d*|exited with (?:exit )?code [1-9]\d*|exit(?:ed with)? status [1-9]\d*$|returned exit code [1-9]|script returned exit code|Command exited with code|Command failed with exit code|\bELIFECYCLE\b|^npm (?:ERR!|error) (?:errno|Exit status|code 1$|\S+@\S+ \S+: `)|^npm (?:ERR!|error) (?:Failed at the|Lifecycle script)/i,
      [
        '##[error]Process completed with exit code 1.',
        'ERROR: script returned exit code 2',
        'npm ERR! code ELIFECYCLE',
        'error Command failed with exit code 1.',
        'npm ERR! app@1.0.0 build: `webpack`',
        '🚨 Error: The command exited with status 1',
        'Exited with code exit status 1',
      ],
      { generic: true },
    ),
    // Travis: `The command "…" exited with N.` (travis_result), `… failed and exited with N during STAGE.`
    // (travis_assert); a multi-line command ends the marker on a later line: `…fi" exited with 1.`
    R(
      'runner.travis-command',
      1.5,
      undefined,
      /The command ".*" (?:failed and )?exited with [1-9]\d*|^.*" (?:failed and )?exited with [1-9]\d*(?: during \w*)?\.$|^Your build has been stopped\.$/,
      [
        'The command "npm test" exited with 1.',
        'The command "bundle install" failed and exited with 5 during .',
        'fi" exited with 1.',
      ],
      { generic: true },
    ),
    R(
      'runner.finished-failure',
      1,
      undefined,
      /^Finished: (?:FAILURE|ABORTED|UNSTABLE)|^Build step '.*' marked build as failure|^ERROR: Job failed: (?:exit code|command terminated with exit code) |^ERROR: Job failed$|^Done\. Your build exited with [1-9]/,
      [
        'Finished: FAILURE',
        "Build step 'Invoke top-level Maven targets' marked build as failure",
        'ERROR: Job failed: exit code 1',
      ],
      { generic: true },
    ),
    R(
      'runner.annotation',
      6,
      undefined,
      /^##\[error\](?!Process completed with exit code|The operation was canceled)|^::error(?: [^:]*)?::/,
      [
        '##[error]src/app.ts(3,7): error TS2322: Type string is not assignable to type number.',
        '::error file=app.js,line=1::Missing semicolon',
      ],
    ),
    // Time limits: the job's, the step's, and the stall detectors of Travis and CircleCI.
    R(
      'runner.timeout-job',
      9,
      'timeout',
      /has exceeded the maximum execution time of|exceeded the maximum time limit for jobs|No output has been received in the last \d+m|Too long with no output \(exceeded|^Timeout \(\d+ minutes\) reached\. Terminating|The job was not started because .* timeout|##\[error\]The action .* has timed out|Timeout of \d+ minutes? reached|Build timed out \(after \d+ minutes?\)|Job failed: execution took longer than|could not run to completion because the timeout was exceeded|Cancelling nested steps due to timeout|Body did not finish within grace period/i,
      [
        '##[error]The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 360 minutes.',
        'No output has been received in the last 10m0s, this potentially indicates a stalled build or something wrong with the build itself.',
      ],
      { transient: true },
    ),
    R(
      'runner.exit-timeout',
      6,
      'timeout',
      /Process completed with exit code 124\b|exit(?:ed with)? (?:code|status) 124\b/i,
      ['##[error]Process completed with exit code 124.'],
      { transient: true },
    ),
    // The runner stopping the step (SIGTERM): after a shutdown signal, a cancellation or a time limit.
    R(
      'runner.exit-terminated',
      4,
      'infrastructure',
      /Process completed with exit code 143\b/i,
      ['##[error]Process completed with exit code 143.'],
      { transient: true },
    ),
    R(
      'runner.cancelled',
      4,
      'timeout',
      /##\[error\]The operation was canceled|The run was canceled by|Build was aborted|Aborted by |^ERROR: Job failed: canceled$/i,
      ['##[error]The operation was canceled.', 'Build was aborted'],
      { transient: true },
    ),
    // Matrix fail-fast: another job failed first; says nothing of this one.
    R(
      'runner.cancelled-by-other',
      2,
      undefined,
      /The job was canceled because "[^"]*" failed/i,
      ['The job was canceled because "test_3_12" failed.'],
      { generic: true },
    ),
    R(
      'runner.lost',
      9,
      'infrastructure',
      /lost communication with the server|The runner has received a shutdown signal|runner .* (?:did not|didn't) respond|The hosted runner encountered an error|Received request to deprovision|The self-hosted runner .* lost|Error: The runner .* was lost|\(agent lost\)|Remote call on .* failed\. The channel is closing down|\bChannelClosedException\b|Agent went offline during the build|Unexpected termination of the channel|^ERROR: Job failed: aborted: |^ERROR: Job failed \(system failure\)|^ERROR: Preparation failed: |timed out waiting for pod to start/i,
      [
        '##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.',
        'The hosted runner: GitHub Actions 12 lost communication with the server.',
      ],
      { transient: true },
    ),
    // GitLab's docker and kubernetes executors failing to pull the job's image: a registry outage or a wrong
    // image name; the daemon's reason on the same line says which.
    R(
      'runner.image-pull',
      7,
      undefined,
      /^ERROR: Job failed(?: \(system failure\))?: failed to pull image |^ERROR: Job failed: image pull failed: /,
      ['ERROR: Job failed: failed to pull image "registry.example.com/app:ci" with specified policies [always]: Error response from daemon: manifest unknown'],
    ),
    // An action that cannot be fetched: GitHub's API or the tarball host failing, retried by the runner.
    R(
      'runner.action-download',
      8,
      'infrastructure',
      /Failed to download action '|Failed to resolve action download info|Failed to download archive '/i,
      [
        "##[error]Failed to download action 'https://api.github.com/repos/actions/checkout/tarball/v4'. Error: Response status code does not indicate success: 503 (Service Unavailable).",
      ],
      { transient: true },
    ),
    R(
      'runner.action-resolve',
      9,
      'config_error',
      /Unable to resolve action|Can't find 'action\.ya?ml'|An action could not be found at the URI|Invalid workflow file|The workflow is not valid|Unrecognized named-value|Input required and not supplied|Unexpected input\(s\)|is not a valid (?:event|input)|The job was not started because (?:recent account payments|your account is locked)/i,
      [
        '##[error]Unable to resolve action `actions/chekout@v4`, repository not found',
        '##[error]Input required and not supplied: token',
      ],
    ),
  ],
  // The wrappers' own exit lines (`Process completed with exit code 1.`, `ERROR: Job failed: exit code 1`,
  // `The command "npm test" exited with 1.`, `Finished: FAILURE`, Buildkite's `🚨 Error: The command exited with
  // status 1`, CircleCI's `Exited with code exit status 1`) are generic: they never key a finding and score
  // nothing alone, so they are not listed as examples below; the rules that recognise them are.
  tools: [
    {
      tool: 'GitHub Actions runner',
      kind: 'runner',
      rules: [
        'runner.exit-code',
        'runner.exit-timeout',
        'runner.exit-terminated',
        'runner.timeout-job',
        'runner.cancelled',
        'runner.cancelled-by-other',
        'runner.lost',
        'runner.action-download',
        'runner.action-resolve',
        'runner.annotation',
        'resource.memory',
      ],
      examples: [
        { line: 'Error: Process completed with exit code 124.', source: GH_RUNNER, type: 'timeout' },
        { line: 'Error: Process completed with exit code 137.', source: GH_RUNNER, type: 'resource_exhaustion' },
        { line: '##[error]Process completed with exit code 143.', source: GH_RUNNER, type: 'infrastructure' },
        {
          line: '##[error]The job running on runner GitHub Actions 3 has exceeded the maximum execution time of 360 minutes.',
          source: 'https://github.com/lowlighter/metrics/issues/731',
          type: 'timeout',
        },
        {
          line: 'The job has exceeded the maximum execution time of 1h0m0s',
          source: 'https://github.com/MachinaIO/diamond-io/pull/135',
          type: 'timeout',
        },
        {
          line: '2023-02-09T20:11:49.9966268Z ##[error]The operation was canceled.',
          source: 'https://github.com/actions/runner/issues/2427',
          type: 'timeout',
        },
        {
          line: '2023-02-09T20:11:49.9484027Z ##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.',
          source: 'https://github.com/actions/runner/issues/2427',
          type: 'infrastructure',
        },
        {
          line: 'The hosted runner: GitHub Actions 8 lost communication with the server. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.',
          source: 'https://github.com/pingcap/tidb-engine-ext/actions/runs/7419424641/job/20188936377',
          type: 'infrastructure',
        },
        {
          line: "##[error]Failed to download action 'https://api.github.com/repos/actions/setup-node/tarball/v4'. Error: Response status code does not indicate success: 503 (Service Unavailable).",
          source: 'actions/runner src/Runner.Worker/ActionManager.cs',
          type: 'infrastructure',
        },
        {
          line: "##[error]Can't find 'action.yml', 'action.yaml' or 'Dockerfile' under '/home/runner/work/app/app/.github/actions/build'. Did you forget to run actions/checkout before running your local action?",
          source: 'actions/runner src/Runner.Worker/ActionManager.cs',
          type: 'config_error',
        },
        {
          line: '::error file=app.js,line=1,col=5::Missing semicolon',
          source: 'https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions#setting-an-error-message',
        },
      ],
      lookalikes: [
        { line: 'Cleaning up orphan processes', source: 'https://github.com/actions/runner/issues/2427' },
        { line: 'Terminate orphan process: pid (1849) (java)', source: 'https://github.com/actions/runner-images/issues/6709' },
        { line: '##[debug]Skip Re-evaluate condition on runner shutdown.', source: 'https://github.com/actions/runner/issues/2468' },
        { line: 'Completed runner diagnostic log upload', source: 'https://github.com/actions/runner/issues/2427' },
        { line: '  timeout-minutes: 360', source: 'https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions' },
        { line: '::warning file=app.js,line=1::Missing semicolon', source: 'https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions' },
      ],
    },
    {
      tool: 'GitLab runner',
      kind: 'runner',
      rules: ['runner.finished-failure', 'runner.timeout-job', 'runner.lost', 'runner.cancelled', 'runner.image-pull'],
      examples: [
        {
          line: 'ERROR: Job failed: execution took longer than 1h0m0s seconds',
          source: GL_BUILD,
          type: 'timeout',
        },
        {
          line: 'WARNING: step_script could not run to completion because the timeout was exceeded. For more control over job and script timeouts see: https://docs.gitlab.com/ee/ci/runners/configure_runners.html#set-script-and-after_script-timeouts',
          source: 'https://github.com/DataBiosphere/azul/issues/7026',
          type: 'timeout',
        },
        {
          line: 'ERROR: Job failed (system failure): prepare environment: waiting for pod running: timed out waiting for pod to start. Check https://docs.gitlab.com/runner/shells/index.html#shell-profile-loading for more information',
          source: 'https://github.com/kubernetes-sigs/kubespray/issues/8451',
          type: 'infrastructure',
        },
        { line: 'ERROR: Job failed: aborted: terminated', source: 'gitlabhq/gitlab-runner common/build.go (run: "aborted: %v" on SIGTERM)', type: 'infrastructure' },
        {
          line: 'ERROR: Job failed: failed to pull image "registry.gitlab.com/dschalla/gitlab-development-kit/asdf-bootstrapped-verify:main" with specified policies [always]: Error response from daemon: manifest for registry.gitlab.com/dschalla/gitlab-development-kit/asdf-bootstrapped-verify:main not found: manifest unknown: manifest unknown (manager.go:205:0s)',
          source: 'https://gitlab.com/DSchalla/gitlab-development-kit/-/issues/1',
        },
        {
          line: 'ERROR: Job failed: failed to pull image "fra-test-harbor.example.local/testing/levant/release:latest" with specified policies [always]: Error response from daemon: unauthorized: unauthorized to access repository: testing/levant/release, action: pull',
          source: 'https://gitlab.com/gitlab-org/gitlab/-/issues/424763',
        },
      ],
      lookalikes: [
        { line: 'Job succeeded', source: GL_BUILD },
        {
          line: 'Waiting for pod gitlab/runner-f-bmr8fc-project-9659330-concurrent-2rfq5v to be running, status is Pending',
          source: 'https://github.com/kubernetes-sigs/kubespray/issues/8451',
        },
        { line: 'Terminal is connected, will time out in 30m0s...', source: GL_BUILD },
      ],
    },
    {
      tool: 'Travis CI',
      kind: 'runner',
      rules: ['runner.travis-command', 'runner.finished-failure', 'runner.timeout-job'],
      examples: [
        {
          line: 'The job exceeded the maximum time limit for jobs, and has been terminated.',
          source: 'travis-ci/worker step_run_script.go (writeLogAndFinishWithState on the hard timeout)',
          type: 'timeout',
        },
        {
          line: 'No output has been received in the last 10m0s, this potentially indicates a stalled build or something wrong with the build itself.',
          source: 'travis-ci/worker step_run_script.go',
          type: 'timeout',
        },
        {
          line: 'Timeout (20 minutes) reached. Terminating "mvn install"',
          source: 'travis-ci/travis-build lib/travis/build/bash/travis_jigger.bash',
          type: 'timeout',
        },
      ],
      lookalikes: [
        { line: 'The command "npm test" exited with 0.', source: TRAVIS_RESULT },
        { line: 'Still running (3 of 20): mvn install', source: 'travis-ci/travis-build lib/travis/build/bash/travis_jigger.bash' },
        { line: 'Done. Your build exited with 0.', source: 'https://docs.travis-ci.com/user/job-lifecycle/' },
      ],
    },
    {
      tool: 'Jenkins',
      kind: 'runner',
      rules: ['runner.finished-failure', 'runner.exit-code', 'runner.timeout-job', 'runner.lost', 'runner.cancelled'],
      examples: [
        {
          line: 'Build timed out (after 120 minutes). Marking the build as failed.',
          source: 'https://plugins.jenkins.io/build-timeout/ (the description the plugin writes, as in jenkinsci/job-dsl-plugin)',
          type: 'timeout',
        },
        { line: '18:00:48  Cancelling nested steps due to timeout', source: 'jenkinsci/workflow-basic-steps-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/TimeoutStepExecution.java', type: 'timeout' },
        { line: 'Body did not finish within grace period; terminating with extreme prejudice', source: 'jenkinsci/workflow-basic-steps-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/TimeoutStepExecution.java', type: 'timeout' },
        {
          line: '15:35:24 hudson.remoting.ChannelClosedException: Channel "hudson.remoting.Channel@6e74f455:apache-beam-jenkins-3": Remote call on apache-beam-jenkins-3 failed. The channel is closing down or has closed down',
          source: 'https://github.com/apache/beam/issues/24263',
          type: 'infrastructure',
        },
        { line: '00:28:47 FATAL: Channel "unknown": Remote call on JNLP4-connect connection from 58.96.3ca9.ip4.static.sl-reverse.com/169.60.150.88:43072 failed. The channel is closing down or has closed down', source: 'https://github.com/nodejs/build/issues/2088', type: 'infrastructure' },
      ],
      lookalikes: [
        { line: 'Finished: SUCCESS', source: 'jenkinsci/jenkins core/src/main/java/hudson/model/BuildListener.java' },
        { line: '02:39:26 Timeout set to expire after 15 sec without activity', source: 'https://github.com/jenkinsci/hubot-steps-plugin/pull/14' },
      ],
    },
    {
      tool: 'Buildkite agent',
      kind: 'runner',
      rules: ['runner.exit-code', 'runner.lost'],
      examples: [
        {
          line: 'Exited with status -1 (agent lost)',
          source: 'https://buildkite.com/docs/agent/lifecycle#exit-codes',
          type: 'infrastructure',
        },
      ],
      lookalikes: [
        { line: 'The job exited with a status of 0 (success)', source: 'https://buildkite.com/docs/agent/lifecycle#exit-codes' },
      ],
    },
    {
      tool: 'CircleCI',
      kind: 'runner',
      rules: ['runner.exit-code', 'runner.timeout-job', 'resource.memory'],
      examples: [
        {
          line: 'Too long with no output (exceeded 10m0s): context deadline exceeded',
          source: 'https://circleci.com/docs/configuration-reference/#run (no_output_timeout)',
          type: 'timeout',
        },
        {
          line: 'Received "killed" signal',
          source: 'https://github.com/PetroFit/petrofit/issues/63',
          type: 'resource_exhaustion',
        },
      ],
      lookalikes: [
        { line: '    no_output_timeout: 30m', source: 'https://circleci.com/docs/configuration-reference/#run' },
      ],
    },
  ],
};
