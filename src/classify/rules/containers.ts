/**
 * Containers: docker build (the classic builder and BuildKit/buildx), docker compose, hadolint.
 */
import { type Ecosystem, R } from './rule.js';

export const containers: Ecosystem = {
  name: 'Containers',
  file: 'containers',
  rules: [
    // What BuildKit says of its own failure, before any step ran: a Dockerfile it cannot read or a file COPY
    // cannot find.
    R(
      'build.docker-context',
      8,
      'build_error',
      /failed to compute cache key|failed to calculate checksum of ref|dockerfile parse error|failed to read dockerfile|failed to solve with frontend dockerfile\.v0: failed to (?:read|create LLB)|unknown instruction: /i,
      [
        'ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref 0d7d2e1c: "/package.json": not found',
      ],
    ),
    // A step of the build failed: the command that failed, whose output came before (BuildKit's
    // `#N ERROR:` and `ERROR: failed to solve: process "…" did not complete successfully`, the classic
    // builder's `The command '…' returned a non-zero code`). It names the failing step; the command's own
    // lines come prefixed by BuildKit's `#N 0.123 ` and are seldom recognised, so this is often the best line.
    R(
      'build.docker',
      8,
      'build_error',
      /^#\d+ ERROR: |^ERROR: failed to (?:solve|build)|failed to solve(?: with frontend dockerfile)?:|The command '.*' returned a non-zero code: \d+|executor failed running|did not complete successfully: exit code|^ERROR \[[\w-]+(?: \d+\/\d+)?\] |error building image|buildx failed with|failed to build: /i,
      [
        'ERROR: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1',
        "The command '/bin/sh -c make' returned a non-zero code: 2",
        '#12 ERROR: process "/bin/sh -c go build" did not complete successfully: exit code: 1',
      ],
    ),
    // An image or tag that does not exist (a base image, a service image): a typo, or an image an earlier job
    // did not build or push; the type is left to the lines around it.
    R(
      'docker.image-missing',
      8,
      undefined,
      /manifest for \S+ not found|manifest unknown|pull access denied for \S+, repository does not exist/i,
      ['Error response from daemon: manifest for node:99 not found: manifest unknown: manifest unknown'],
    ),
    R(
      'docker.compose',
      7,
      undefined,
      /dependency failed to start: container \S+ (?:is unhealthy|exited|has no healthcheck)|service "[^"]+" didn't complete successfully: exit \d+|^ERROR: for \S+ +Cannot (?:start|create) (?:service|container)|Error response from daemon: driver failed programming external connectivity|no such service: /i,
      ['dependency failed to start: container hrm_database exited (0)'],
    ),
    R(
      'docker.compose-config',
      8,
      'config_error',
      /^(?:services|volumes|networks|configs|secrets)\.\S+ Additional propert(?:y|ies) .* not allowed|validating \S+: (?:services|volumes|networks)\.\S+ |yaml: line \d+: (?:did not find|mapping values|found)|service "[^"]+" refers to undefined (?:network|volume|secret|config)/i,
      ['yaml: line 12: did not find expected key'],
    ),
    R(
      'lint.hadolint',
      8,
      'lint_error',
      /^\S+:\d+ (?:DL|SC)\d{4} (?:error|warning|info|style): /,
      ['Dockerfile:3 DL3008 warning: Pin versions in apt get install.'],
    ),
  ],
  tools: [
    {
      tool: 'docker build / buildx (BuildKit)',
      kind: 'container',
      rules: ['build.docker', 'build.docker-context', 'docker.image-missing'],
      examples: [
        {
          line: 'Error: buildx failed with: ERROR: failed to solve: process "/bin/sh -c go mod download" did not complete successfully: exit code: 1',
          source: 'https://github.com/projectdiscovery/subfinder/issues/1582',
          type: 'build_error',
        },
        {
          line: 'ERROR: failed to solve: process "/bin/sh -c cd build && make -j$(nproc)" did not complete successfully: exit code: 2',
          source: 'https://github.com/sist2app/sist2/issues/423',
          type: 'build_error',
        },
        {
          line: "The command '/bin/sh -c npm install' returned a non-zero code: 1",
          source: 'moby/moby builder/dockerfile/dispatchers.go (dispatchRun: "The command \'%s\' returned a non-zero code: %d"; builder/dockerfile/internals.go in older releases)',
          type: 'build_error',
        },
      ],
      lookalikes: [
        { line: '#8 DONE 2.1s', source: 'https://github.com/docker/buildx/issues/1619' },
        { line: ' => [internal] load build definition from Dockerfile', source: 'https://github.com/sist2app/sist2/issues/423' },
        { line: ' => CANCELED [internal] load metadata for docker.io/library/python:3.11', source: 'https://github.com/neo4j/NaLLM/issues/88' },
        { line: 'Successfully built 1a2b3c4d5e6f', source: 'moby/moby builder/dockerfile/builder.go' },
      ],
    },
    {
      tool: 'docker compose',
      kind: 'container',
      rules: ['docker.compose', 'docker.compose-config', 'infra.docker-daemon'],
      examples: [
        {
          line: 'dependency failed to start: container hrm_database exited (0)',
          source: 'https://github.com/docker/compose/issues/11125',
        },
        {
          line: 'dependency failed to start: container agenticos-redis-1 is unhealthy',
          source: 'https://github.com/vstorm-co/agenticos/issues/1831',
        },
        {
          line: 'dependency failed to start: container ties-db-1 has no healthcheck configured',
          source: 'https://github.com/raffomania/ties/issues/290',
        },
      ],
      lookalikes: [
        { line: ' Container hrm_redis  Healthy', source: 'https://github.com/docker/compose/issues/11125' },
        { line: ' Container hrm_database  Started', source: 'https://github.com/docker/compose/issues/11125' },
        { line: '      retries: 5', source: 'https://github.com/vstorm-co/agenticos/issues/1831' },
        { line: '      timeout: 5s', source: 'https://github.com/vstorm-co/agenticos/issues/1831' },
      ],
    },
    {
      tool: 'hadolint',
      kind: 'lint',
      rules: ['lint.hadolint'],
      examples: [
        {
          line: '-:6 DL3018 warning: Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`',
          source: 'https://github.com/bvwells/hadolint-example',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        { line: 'See rules for more information on how to fix these issues.', source: 'https://github.com/bvwells/hadolint-example' },
      ],
    },
  ],
};
