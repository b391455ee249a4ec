/**
 * Containers: docker build and BuildKit.
 */
import { type Ecosystem, R } from './rule.js';

export const containers: Ecosystem = {
  name: 'Containers',
  file: 'containers',
  rules: [
    R(
      'build.docker',
      8,
      'build_error',
      /^#\d+ ERROR: |^ERROR: failed to (?:solve|build)|failed to solve(?: with frontend dockerfile)?:|failed to compute cache key|The command '.*' returned a non-zero code: \d+|executor failed running|did not complete successfully: exit code|^ERROR \[[\w-]+(?: \d+\/\d+)?\] |Dockerfile:\d+$|error building image|buildx failed with|failed to build: /i,
      [
        'ERROR: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1',
        "The command '/bin/sh -c make' returned a non-zero code: 2",
        '#12 ERROR: process "/bin/sh -c go build" did not complete successfully: exit code: 1',
      ],
    ),
  ],
  tools: [],
};
