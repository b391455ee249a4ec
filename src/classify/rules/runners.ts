/**
 * CI runners: The CI systems' own lines: exit codes, failure markers, annotations, job time limits, cancellation, lost runners, invalid workflows (GitHub Actions, Travis CI, Jenkins).
 */
import { type Ecosystem, R } from './rule.js';

export const runners: Ecosystem = {
  name: 'CI runners',
  file: 'runners',
  rules: [
    R(
      'runner.exit-code',
      1.5,
      undefined,
      /Process completed with exit code [1-9]\d*|exited with (?:exit )?code [1-9]\d*|exit status [1-9]\d*$|returned exit code [1-9]|script returned exit code|Command exited with code|Command failed with exit code|\bELIFECYCLE\b|^npm (?:ERR!|error) (?:errno|Exit status|code 1$|\S+@\S+ \S+: `)|^npm (?:ERR!|error) (?:Failed at the|Lifecycle script)/i,
      [
        '##[error]Process completed with exit code 1.',
        'ERROR: script returned exit code 2',
        'npm ERR! code ELIFECYCLE',
        'error Command failed with exit code 1.',
        'npm ERR! app@1.0.0 build: `webpack`',
      ],
      { generic: true },
    ),
    R(
      'runner.travis-command',
      1.5,
      undefined,
      /The command ".*" (?:failed and )?exited with [1-9]\d*/,
      [
        'The command "npm test" exited with 1.',
        'The command "bundle install" failed and exited with 5 during .',
      ],
      { generic: true },
    ),
    R(
      'runner.finished-failure',
      1,
      undefined,
      /^Finished: (?:FAILURE|ABORTED|UNSTABLE)|^Build step '.*' marked build as failure|^ERROR: Job failed|^Done\. Your build exited with [1-9]/,
      ['Finished: FAILURE', "Build step 'Invoke top-level Maven targets' marked build as failure"],
      { generic: true },
    ),
    R(
      'runner.annotation',
      6,
      undefined,
      /^##\[error\](?!Process completed with exit code)|^::error(?: [^:]*)?::/,
      [
        '##[error]src/app.ts(3,7): error TS2322: Type string is not assignable to type number.',
        '::error file=app.js,line=1::Missing semicolon',
      ],
    ),
    R(
      'runner.timeout-job',
      9,
      'timeout',
      /has exceeded the maximum execution time of|The job running on runner .* has exceeded|exceeded the maximum time limit for jobs|No output has been received in the last \d+m|The job was not started because .* timeout|##\[error\]The action .* has timed out|Timeout of \d+ minutes? reached|Build timed out \(after \d+ minutes?\)/i,
      [
        '##[error]The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 360 minutes.',
        'No output has been received in the last 10m0s, this potentially indicates a stalled build or something wrong with the build itself.',
      ],
    ),
    R(
      'runner.cancelled',
      4,
      'timeout',
      /##\[error\]The operation was canceled|The job was canceled because|The run was canceled by|Build was aborted|Aborted by /i,
      ['##[error]The operation was canceled.', 'Build was aborted'],
    ),
    R(
      'runner.lost',
      9,
      'infrastructure',
      /lost communication with the server|The runner has received a shutdown signal|runner .* (?:did not|didn't) respond|The hosted runner encountered an error|Received request to deprovision|The self-hosted runner .* lost|Error: The runner .* was lost/i,
      [
        '##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.',
        'The hosted runner: GitHub Actions 12 lost communication with the server.',
      ],
      { transient: true },
    ),
    R(
      'runner.action-resolve',
      9,
      'config_error',
      /Unable to resolve action|Can't find 'action\.ya?ml'|Invalid workflow file|The workflow is not valid|Unrecognized named-value|Input required and not supplied|Unexpected input\(s\)|is not a valid (?:event|input)/i,
      [
        '##[error]Unable to resolve action `actions/chekout@v4`, repository not found',
        '##[error]Input required and not supplied: token',
      ],
    ),
  ],
  tools: [],
};
