/**
 * Infrastructure and deploys: Deploys, releases and publishing; Terraform, Helm, kubectl.
 */
import { type Ecosystem, R } from './rule.js';

const TF_DIAG = 'hashicorp/terraform internal/command/format/diagnostic.go';

export const infrastructure: Ecosystem = {
  name: 'Infrastructure and deploys',
  file: 'infrastructure',
  rules: [
    R(
      'deploy.failed',
      7,
      'deploy_error',
      /\b(?:deploy(?:ment)?|release|publish(?:ing)?|rollout|helm|kubectl apply|terraform apply|push(?:ing)? (?:image|to registry))\b.*\b(?:failed|error|unsuccessful|aborted)\b|\b(?:failed|error|unable) (?:to )?(?:deploy|publish|release|push)\b|! \[remote rejected\]|! \[rejected\]|failed to push some refs|You cannot publish over the previously published versions|cannot publish over|npm ERR! code E(?:PUBLISHCONFLICT|NEEDAUTH)|HTTPError: 400 Bad Request from https:\/\/upload\.pypi\.org|File already exists\. See https?:\/\/\S*pypi|Error: UPGRADE FAILED|Error: INSTALLATION FAILED|rollout status .* failed|deadline exceeded waiting for|ProgressDeadlineExceeded|CrashLoopBackOff|ImagePullBackOff|ErrImagePull|Error: release \S+ failed|No such app|Deploy failed|failed to deploy/i,
      [
        'npm ERR! You cannot publish over the previously published versions: 1.2.3.',
        ' ! [remote rejected] main -> main (protected branch hook declined)',
        'Error: UPGRADE FAILED: timed out waiting for the condition',
      ],
    ),
    // Terraform ≥ 0.15 boxes each diagnostic: `╷`, `│ Error: <summary>`, `│   on main.tf line 3, in …:`,
    // source lines, the detail, `╵`. The summary is the finding; the box and the location are its context.
    R('deploy.terraform', 8, undefined, /^[│|] Error: /, ['│ Error: Invalid reference']),
    R('deploy.terraform-context', 3, undefined, /^\s*╷$|^│ +on \S+ line \d+/, ['╷']),
    R(
      'deploy.terraform-lock',
      9,
      'infrastructure',
      /Error acquiring the state lock|Error locking state: /,
      ['│ Error: Error acquiring the state lock'],
      { transient: true },
    ),
    R(
      'deploy.terraform-provider',
      9,
      'dependency_error',
      /Error: (?:Failed to query available provider packages|Failed to install provider|Inconsistent dependency lock file|Incompatible provider version|Failed to resolve provider packages|Module not installed|Could not load plugin)/,
      ['│ Error: Inconsistent dependency lock file'],
    ),
    R(
      'deploy.terraform-credentials',
      9,
      'permission_error',
      /No valid credential sources found|error configuring Terraform AWS Provider|Error: (?:building account|Unauthorized|Failed to get existing workspaces: .*(?:AccessDenied|403))/,
      ['│ Error: No valid credential sources found'],
    ),
    R(
      'lint.helm',
      8.5,
      'lint_error',
      /^\[ERROR\] (?:\S+\.ya?ml|templates\/\S*|values\.ya?ml|Chart\.ya?ml): |^Error: \d+ chart\(s\) linted, [1-9]\d* chart\(s\) failed/,
      ['[ERROR] Chart.yaml: version is required', 'Error: 1 chart(s) linted, 1 chart(s) failed'],
    ),
    R(
      'deploy.helm-template',
      8,
      'config_error',
      /^Error: (?:(?:INSTALLATION|UPGRADE) FAILED: )?(?:template: \S+:\d+(?::\d+)?: executing|parse error at \(\S+:\d+\)|YAML parse error on \S+)/,
      ['Error: template: mychart/templates/deployment.yaml:10:20: executing "mychart/templates/deployment.yaml" at <.Values.image.tag>: nil pointer evaluating interface {}.tag'],
    ),
    R(
      'deploy.kubectl',
      9,
      'deploy_error',
      /deployment "[^"]+" exceeded its progress deadline|^error: timed out waiting for the condition|^Error from server \((?:NotFound|BadRequest|Invalid|Conflict|AlreadyExists|InternalError)\)|^The \w+ "[^"]+" is invalid: |error validating data: |unable to recognize "[^"]+": no matches for kind/,
      ['error: deployment "web" exceeded its progress deadline'],
    ),
    R(
      'deploy.kubectl-auth',
      9,
      'permission_error',
      /^Error from server \((?:Forbidden|Unauthorized)\)|error: You must be logged in to the server/,
      ['Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:ci:deployer" cannot list resource "pods"'],
    ),
    R(
      'deploy.kubectl-unreachable',
      8,
      'infrastructure',
      /^Unable to connect to the server: /,
      ['Unable to connect to the server: dial tcp 10.0.0.1:443: i/o timeout'],
      { transient: true },
    ),
  ],
  tools: [
    {
      tool: 'terraform',
      kind: 'infrastructure',
      rules: [
        'deploy.terraform',
        'deploy.terraform-context',
        'deploy.terraform-lock',
        'deploy.terraform-provider',
        'deploy.terraform-credentials',
      ],
      examples: [
        { line: '│ Error: Invalid reference', source: TF_DIAG },
        {
          line: '│ Error: Error acquiring the state lock',
          source: 'https://docs.rs/crate/isothrum-runner/3.0.0/source/src/tool_output/fixtures/terraform/1.9-state-locked.txt',
          type: 'infrastructure',
        },
        {
          line: 'Error: Error locking state: Error acquiring the state lock: ConditionalCheckFailedException: The conditional request failed',
          source: 'https://gist.github.com/dedunumax/19cbb46ed1bca17f9d9c49bf5dd44b4a',
          type: 'infrastructure',
        },
      ],
      lookalikes: [
        { line: 'Success! The configuration is valid.', source: 'https://developer.hashicorp.com/terraform/cli/commands/validate' },
        {
          line: 'Apply complete! Resources: 1 added, 0 changed, 0 destroyed.',
          source: 'https://developer.hashicorp.com/terraform/tutorials/aws-get-started/aws-build',
        },
        { line: 'Acquiring state lock. This may take a few moments...', source: 'https://gist.github.com/dedunumax/19cbb46ed1bca17f9d9c49bf5dd44b4a' },
        {
          line: '│ Terraform acquires a state lock to protect the state from being written',
          source: 'https://gist.github.com/Zman94/b98f82570f500415df5f03768d9f7dff',
        },
      ],
    },
    {
      tool: 'helm',
      kind: 'infrastructure',
      rules: ['deploy.failed', 'lint.helm', 'deploy.helm-template'],
      examples: [
        {
          line: 'Error: UPGRADE FAILED: timed out waiting for the condition',
          source: 'helm/helm cmd/helm/upgrade.go ("UPGRADE FAILED")',
          type: 'deploy_error',
        },
        {
          line: '[ERROR] Chart.yaml: version is required',
          source: 'helm/helm pkg/lint/rules/chartfile.go (validateChartVersion), printed as "[%s] %s: %s" by pkg/lint/support/message.go',
          type: 'lint_error',
        },
        {
          line: 'Error: 1 chart(s) linted, 1 chart(s) failed',
          source: 'helm/helm cmd/helm/lint.go (summary "%d chart(s) linted, %d chart(s) failed", returned as the error)',
          type: 'lint_error',
        },
      ],
      lookalikes: [
        { line: '==> Linting ./mychart', source: 'helm/helm cmd/helm/lint.go ("==> Linting %s")' },
      ],
    },
    {
      tool: 'kubectl',
      kind: 'infrastructure',
      rules: ['deploy.kubectl', 'deploy.kubectl-auth', 'deploy.kubectl-unreachable'],
      examples: [
        {
          line: 'error: deployment "kiada" exceeded its progress deadline',
          source: 'kubernetes/kubectl pkg/polymorphichelpers/rollout_status.go (DeploymentStatusViewer: "deployment %q exceeded its progress deadline")',
          type: 'deploy_error',
        },
      ],
      lookalikes: [
        {
          line: 'Waiting for deployment "kiada" rollout to finish: 1 of 3 updated replicas are available...',
          source: 'kubernetes/kubectl pkg/polymorphichelpers/rollout_status.go',
        },
        { line: 'deployment "kiada" successfully rolled out', source: 'kubernetes/kubectl pkg/polymorphichelpers/rollout_status.go' },
        { line: '      --timeout=0s: The length of time to wait before ending watch, zero means never.', source: 'https://fig.io/manual/kubectl/rollout/status' },
      ],
    },
  ],
};
