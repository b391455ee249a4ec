/**
 * Infrastructure and deploys: Deploys, releases and publishing; Terraform, Helm, kubectl.
 */
import { type Ecosystem, R } from './rule.js';

export const infrastructure: Ecosystem = {
  name: 'Infrastructure and deploys',
  file: 'infrastructure',
  rules: [
    R(
      'deploy.failed',
      7,
      'deploy_error',
      /\b(?:deploy(?:ment)?|release|publish(?:ing)?|upload(?:ing)?|rollout|helm|kubectl apply|terraform apply|push(?:ing)? (?:image|to registry))\b.*\b(?:failed|error|unsuccessful|aborted)\b|\b(?:failed|error|unable) (?:to )?(?:deploy|publish|release|upload|push)\b|! \[remote rejected\]|! \[rejected\]|failed to push some refs|You cannot publish over the previously published versions|cannot publish over|npm ERR! code E(?:PUBLISHCONFLICT|NEEDAUTH)|HTTPError: 400 Bad Request from https:\/\/upload\.pypi\.org|Error: UPGRADE FAILED|Error: INSTALLATION FAILED|rollout status .* failed|deadline exceeded waiting for|ProgressDeadlineExceeded|CrashLoopBackOff|ImagePullBackOff|ErrImagePull|Error: release \S+ failed|No such app|Deploy failed|failed to deploy/i,
      [
        'npm ERR! You cannot publish over the previously published versions: 1.2.3.',
        ' ! [remote rejected] main -> main (protected branch hook declined)',
        'Error: UPGRADE FAILED: timed out waiting for the condition',
      ],
    ),
    R('deploy.terraform', 7, undefined, /^[│|]? ?Error: |^\s*╷$|^\s*╵$|^[│|] (?:with|on) \S+/, [
      '│ Error: Invalid reference',
      '╷',
    ]),
  ],
  tools: [],
};
