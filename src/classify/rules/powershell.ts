/**
 * PowerShell: Pester, PowerShell error records.
 */
import { type Ecosystem, R } from './rule.js';

export const powershell: Ecosystem = {
  name: 'PowerShell',
  file: 'powershell',
  rules: [
    // Pester marks a failed test `[-] name 12ms (10ms|2ms)` (v5) or `[-] name 52ms` (v4), then the reason.
    R('test.pester', 8, 'test_failure', /^\s*\[-\] \S/, ['  [-] Describe Get-Planet failed']),
    R(
      'test.pester-assertion',
      7,
      'test_failure',
      /^\s*Expected .*, but got .*\.$|^\s*Expected: \{.*\}$|^\s*But was:\s+\{|^\s*Expected strings to be the same, but they were different\.|^\s*Expected \$(?:true|false|null), but got/,
      ['    Expected 2, but got 1.', '      Expected: {10}'],
    ),
    R(
      'test.pester-summary',
      4,
      'test_failure',
      /^Tests Passed: \d+, Failed: [1-9]\d*|^Tests Passed: \d+,? Failed: \d+.* NotRun: \d+.*, (?:BlocksFailed|ContainersFailed): [1-9]|^\[-\] (?:Discovery in|Block|Context|Describe) .* failed/,
      ['Tests Passed: 0, Failed: 1, Skipped: 2, Inconclusive: 0, NotRun: 1'],
    ),
    // An error record: `Foo.ps1: Cannot find path …`, then `+ CategoryInfo : …` and
    // `+ FullyQualifiedErrorId : PathNotFound,…` (Windows PowerShell's layout).
    R(
      'build.powershell-error',
      5,
      undefined,
      /^\s*\+ FullyQualifiedErrorId : |^\s*\+ CategoryInfo\s+: \w+Error|^\s*\| .*(?:Exception|Error): |^At \S+\.ps[dm]?1:\d+ char:\d+$/,
      ['    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand'],
    ),
  ],
  tools: [
    {
      tool: 'Pester',
      kind: 'test',
      rules: ['test.pester', 'test.pester-assertion', 'test.pester-summary'],
      examples: [
        { line: '    Expected 2, but got 1.', source: 'https://github.com/pester/Pester/issues/2440', type: 'test_failure' },
        { line: 'Expected: {10}', source: 'https://gist.github.com/nohwnd/e064d04fad050fa9b178', type: 'test_failure' },
      ],
      lookalikes: [
        { line: '[+] success 12ms', source: 'https://gist.github.com/nohwnd/e064d04fad050fa9b178' },
        { line: '[!] skipped 303ms', source: 'https://gist.github.com/nohwnd/e064d04fad050fa9b178' },
        { line: 'Tests Passed: 0, Failed: 0, Skipped: 1, Inconclusive: 1, NotRun: 0', source: 'https://pester.dev/docs/commands/Set-ItResult' },
        { line: 'Tests Passed: 6, Failed: 0, Skipped: 0, Pending: 0, Inconclusive: 0 ', source: 'https://github.com/adamdriscoll/poshtools/issues/612 (Pester 4)' },
        { line: 'Tests Passed: 0, Failed: 0, Skipped: 0 NotRun: 1', source: 'https://github.com/pester/Pester/issues/2057 (Pester 5.2)' },
        { line: "      [+] Given valid -Name ''Earth'', it returns ''Earth'' 165ms", source: 'https://github.com/adamdriscoll/poshtools/issues/612 (Pester 4)' },
      ],
    },
    {
      tool: 'PowerShell error records',
      kind: 'build',
      rules: ['build.powershell-error'],
      examples: [
        {
          line: '    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand',
          source: 'https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.core/about/about_error_handling',
        },
      ],
      lookalikes: [],
    },
  ],
};
