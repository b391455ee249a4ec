/**
 * System: What the machine and the network say, whatever the tool: disk and memory exhaustion, permissions, network and service errors, time limits of commands.
 */
import { type Ecosystem, R } from './rule.js';

export const system: Ecosystem = {
  name: 'System',
  file: 'system',
  rules: [
    R(
      'resource.disk',
      9,
      'resource_exhaustion',
      /No space left on device|ENOSPC|not enough (?:free )?(?:disk )?space|disk quota exceeded|You are running out of disk space/i,
      ['OSError: [Errno 28] No space left on device', 'System.IO.IOException: No space left on device'],
    ),
    R(
      'resource.memory',
      9,
      'resource_exhaustion',
      /JavaScript heap out of memory|java\.lang\.OutOfMemoryError|Cannot allocate memory|out of memory|\bOOMKilled\b|\bMemoryError\b|memory allocation of \d+ bytes failed|std::bad_alloc|GC overhead limit exceeded|fatal error: runtime: out of memory|Killed\s+signal terminated program|exit code 137|Received "killed" signal|\bKilled\b\s*$/i,
      [
        'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
        'c++: fatal error: Killed signal terminated program cc1plus',
        '##[error]Process completed with exit code 137.',
      ],
    ),

    R(
      'perm.github',
      9,
      'permission_error',
      /Resource not accessible by integration|Bad credentials|HttpError: Not Found.*permission|Permission to \S+ denied to|remote: Permission to|refusing to allow a GitHub App to create or update workflow|must have admin rights|Requires authentication|insufficient (?:permission|scope)s?/i,
      [
        '##[error]Resource not accessible by integration',
        'remote: Permission to org/repo.git denied to github-actions[bot].',
      ],
    ),
    R(
      'perm.dubious',
      9,
      'permission_error',
      /detected dubious ownership in repository|unsafe repository \(.*is owned by someone else\)/i,
      ["fatal: detected dubious ownership in repository at '/__w/repo/repo'"],
    ),
    R(
      'perm.http',
      7,
      'permission_error',
      /\b(?:401 Unauthorized|403 Forbidden|HTTP(?:\/\d(?:\.\d)?)? (?:401|403)\b|status(?: code)?:? (?:401|403)\b|E401|E403\b|unauthorized: |denied: requested access to the resource is denied|authentication (?:failed|required)|Authentication failed for|access denied|AccessDenied|could not read Username|invalid (?:credentials|token|api key)|token (?:is )?(?:expired|invalid)|not authorized|permission denied \(publickey\))/i,
      [
        'npm ERR! code E401',
        'Error response from daemon: Get https://registry/v2/: unauthorized: authentication required',
        "fatal: Authentication failed for 'https://github.com/org/repo.git/'",
      ],
    ),
    R(
      'perm.fs',
      6,
      'permission_error',
      /\bEACCES\b|\bEPERM\b|Permission denied|Operation not permitted|must be owner of|insufficient privilege|PermissionError/i,
      [
        "Error: EACCES: permission denied, mkdir '/usr/lib/node_modules'",
        'bash: ./gradlew: Permission denied',
        'ERROR:  must be owner of table accounts',
      ],
    ),

    R(
      'infra.network',
      8.5,
      'infrastructure',
      /Could not resolve host|Temporary failure in name resolution|Name or service not known|getaddrinfo|\bE(?:CONNRESET|CONNREFUSED|TIMEDOUT|AI_AGAIN|NOTFOUND|HOSTUNREACH|NETUNREACH|PIPE)\b|socket hang up|Connection (?:reset|refused|timed out|aborted|closed)|connection reset by peer|network is unreachable|TLS handshake timeout|i\/o timeout|Received fatal alert|SSL(?:Error|_ERROR)|unexpected EOF|Failed to connect to|Unable to connect|Could not connect|failed to fetch|RemoteDisconnected|ReadTimeout|ConnectTimeout|Max retries exceeded|Read timed out|network error|ENETUNREACH|Client\.Timeout exceeded|request canceled while waiting for connection/i,
      [
        'curl: (6) Could not resolve host: github.com',
        'npm ERR! code ECONNRESET',
        'Could not transfer artifact x:y:pom:1.0 from/to central (https://repo1.maven.org/maven2/): Received fatal alert: protocol_version',
      ],
      { transient: true },
    ),
    R(
      'infra.service',
      8,
      'infrastructure',
      /\b(?:502 Bad Gateway|503 Service (?:Temporarily )?Unavailable|504 Gateway Time-?out|500 Internal Server Error|HTTP(?:\/\d(?:\.\d)?)? (?:500|502|503|504)|status(?: code)? (?:500|502|503|504))\b|Service Unavailable|rate limit(?:ed| exceeded)|API rate limit|secondary rate limit|too many requests|toomanyrequests|\b429\b.*(?:Too Many|rate)|You have reached your (?:unauthenticated )?pull rate limit|received unexpected HTTP status: 5\d\d|The requested URL returned error: 5\d\d|server is (?:busy|overloaded)|try again later|temporarily unavailable/i,
      [
        'toomanyrequests: You have reached your pull rate limit.',
        'error: RPC failed; HTTP 503 curl 22 The requested URL returned error: 503',
      ],
      { transient: true },
    ),

    // The Docker daemon not there (docker CLI, docker compose v1, GitLab's docker executor): the runner's fault.
    R(
      'infra.docker-daemon',
      9,
      'infrastructure',
      /Cannot connect to the Docker daemon at|Is the docker daemon running\?|Couldn't connect to Docker daemon|error during connect: .*docker/i,
      ['Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?'],
      { transient: true },
    ),

    R(
      'timeout.command',
      7,
      'timeout',
      /\btimed out after\b|\btimeout after\b|deadline exceeded|context deadline exceeded|panic: test timed out after|Timeout of \d+ms exceeded|exceeded timeout of \d+|Exceeded timeout|TimeoutError|timetrap_timeout|operation timed out|\btimed out\b|Timed out waiting|took too long/i,
      [
        'panic: test timed out after 10m0s',
        'Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called',
        'Reason: timetrap_timeout',
      ],
    ),
  ],
  tools: [
    {
      tool: 'Out of memory (OOM killer, SIGKILL, heap limits)',
      kind: 'infrastructure',
      rules: ['resource.memory'],
      examples: [
        {
          line: 'Error: Process completed with exit code 137.',
          source: 'https://github.com/PyTorchLightning/lightning-bolts/issues/409',
          type: 'resource_exhaustion',
        },
        {
          line: 'Out of memory: Killed process 2831 (python) total-vm:8123456kB, anon-rss:7012345kB, file-rss:0kB, shmem-rss:0kB, UID:1001 pgtables:14080kB oom_score_adj:0',
          source: 'torvalds/linux mm/oom_kill.c (__oom_kill_process: "%s: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, file-rss:%lukB, shmem-rss:%lukB, UID:%u pgtables:%lukB oom_score_adj:%hd", message "Out of memory")',
          type: 'resource_exhaustion',
        },
        {
          line: 'c++: fatal error: Killed signal terminated program cc1plus',
          source: 'gcc-mirror/gcc gcc/gcc.cc (execute: fatal_error "%s signal terminated program %s" on SIGKILL, strsignal "Killed")',
          type: 'resource_exhaustion',
        },
        {
          line: 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space',
          source: 'https://docs.oracle.com/javase/8/docs/technotes/guides/troubleshoot/memleaks002.html',
          type: 'resource_exhaustion',
        },
        {
          line: 'Received "killed" signal',
          source: 'https://github.com/PetroFit/petrofit/issues/63',
          type: 'resource_exhaustion',
        },
      ],
      lookalikes: [
        { line: '  resource_class: medium+', source: 'https://github.com/PetroFit/petrofit/issues/63' },
        { line: 'Memory: 126.2M', source: 'https://pastebin.com/2DGKWw3U (systemctl status docker)' },
      ],
    },
    {
      tool: 'Disk full',
      kind: 'infrastructure',
      rules: ['resource.disk'],
      examples: [
        {
          line: 'OSError: [Errno 28] No space left on device',
          source: 'https://docs.python.org/3/library/errno.html#errno.ENOSPC',
          type: 'resource_exhaustion',
        },
        {
          line: "npm ERR! code ENOSPC",
          source: 'https://docs.npmjs.com/common-errors#no-space',
          type: 'resource_exhaustion',
        },
      ],
      lookalikes: [{ line: 'Filesystem      Size  Used Avail Use% Mounted on', source: 'https://man7.org/linux/man-pages/man1/df.1.html' }],
    },
    {
      tool: 'Network and registries (DNS, connection resets, 5xx, rate limits)',
      kind: 'infrastructure',
      rules: ['infra.network', 'infra.service'],
      examples: [
        {
          line: 'Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
          source: 'https://github.com/exadel-inc/CompreFace/issues/1277',
          type: 'infrastructure',
        },
        {
          line: 'Error response from daemon: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit',
          source: 'https://gitlab.com/gitlab-org/gitlab/-/work_items/403420',
          type: 'infrastructure',
        },
        {
          line: 'curl: (6) Could not resolve host: github.com',
          source: 'https://curl.se/libcurl/c/libcurl-errors.html#CURLECOULDNTRESOLVEHOST',
          type: 'infrastructure',
        },
        {
          line: "fatal: unable to access 'https://github.com/org/repo.git/': The requested URL returned error: 503",
          source: 'https://curl.se/libcurl/c/libcurl-errors.html#CURLEHTTPRETURNEDERROR',
          type: 'infrastructure',
        },
      ],
      lookalikes: [
        {
          line: "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError': /simple/requests/",
          source: 'pypa/pip src/pip/_vendor/urllib3/connectionpool.py ("Retrying (%r) after connection broken by")',
        },
      ],
    },
    {
      tool: 'Docker daemon',
      kind: 'infrastructure',
      rules: ['infra.docker-daemon'],
      examples: [
        {
          line: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
          source: 'https://github.com/docker/for-linux/issues/782',
          type: 'infrastructure',
        },
        {
          line: "ERROR: Couldn't connect to Docker daemon at http+docker://localunixsocket - is it running?",
          source: 'https://github.com/docker/compose/issues/4181',
          type: 'infrastructure',
        },
      ],
      lookalikes: [
        { line: 'Server: Docker Engine - Community', source: 'https://github.com/csci104/docker/issues/24 (docker info)' },
      ],
    },
  ],
};
