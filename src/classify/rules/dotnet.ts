/**
 * .NET: MSBuild and dotnet build (the C#, F# and VB compilers, the SDK), code-style analyzers and dotnet format,
 * NuGet restore, dotnet test through the VSTest console and Microsoft.Testing.Platform (xUnit, NUnit, MSTest).
 */
import { type Ecosystem, R } from './rule.js';

const VSTEST_LOGGER = 'microsoft/vstest src/vstest.console/Internal/ConsoleLogger.cs';
const DOTNET_TEST = 'https://learn.microsoft.com/en-us/dotnet/core/testing/unit-testing-with-dotnet-test';
const MTP = 'https://github.com/dotnet/sdk/issues/51952';

export const dotnet: Ecosystem = {
  name: '.NET',
  file: 'dotnet',
  rules: [
    // MSBuild's canonical diagnostic: `File.cs(12,5): error CS0103: message [Project.csproj]`, or a tool's
    // `error MSB4018:` / `error NETSDK1045:` without a file. NuGet's (NU) and the analyzers' have rules of their own.
    R(
      'build.dotnet',
      9,
      'build_error',
      /error (?:CS|MSB(?!3073)|NETSDK|FS|BC)\d{4}:|\(\d+(?:,\d+)*\): error (?!NU|IDE|CA\d|SA\d|RCS|WHITESPACE|IMPORTS|FINALNEWLINE|CHARSET|ENDOFLINE)[A-Z]{2,}\d{3,}:/,
      [
        "Program.cs(12,5): error CS0103: The name 'foo' does not exist in the current context [/app/App.csproj]",
        'error NETSDK1045: The current .NET SDK does not support targeting .NET 9.0.  Either target .NET 8.0 or lower, or use a version of the .NET SDK that supports .NET 9.0.',
      ],
    ),
    // Code-style and analyzer findings made errors (`EnforceCodeStyleInBuild`, `TreatWarningsAsErrors`, StyleCop),
    // and dotnet format --verify-no-changes.
    R(
      'lint.dotnet',
      9,
      'lint_error',
      /: error (?:IDE|CA|SA|RCS)\d{4}: |: error (?:WHITESPACE|IMPORTS|FINALNEWLINE|CHARSET|ENDOFLINE): /,
      [
        'Program.cs(3,1): error IDE0005: Using directive is unnecessary. [/app/App.csproj]',
        "/app/Program.cs(12,5): error WHITESPACE: Fix whitespace formatting. Replace 1 characters with '\\s'. [/app/App.csproj]",
      ],
    ),
    // MSBuild's recaps: the Exec task's exit code (the command's own output is above it), Build FAILED, the counts.
    R(
      'build.dotnet-summary',
      3.5,
      'build_error',
      /error MSB3073: |^\s*Build FAILED\.$|^\s*[1-9]\d* Error\(s\)$/,
      ['error MSB3073: The command "npm run build" exited with code 1.', 'Build FAILED.', '    2 Error(s)'],
    ),
    R(
      'dep.nuget',
      9,
      'dependency_error',
      /error NU1(?:10[0-7]|20[0-2]|60[0-8]|40[0-3]|30[0-2]): |Unable to find package \S+\. No packages exist with this id|Unable to resolve '\S+ \(.*\)' for '\S+'/,
      [
        'error NU1101: Unable to find package Contoso.Utilities. No packages exist with this id in source(s): nuget.org',
        'error NU1605: Detected package downgrade: Microsoft.Extensions.Logging from 8.0.0 to 7.0.0. Reference the package directly from the project to select a different version.',
      ],
    ),
    R(
      'dep.nuget-source',
      8,
      'dependency_error',
      /error NU1301: |Unable to load the service index for source/,
      ['error NU1301: Unable to load the service index for source https://api.nuget.org/v3/index.json.'],
      { transient: true },
    ),
    R('dep.nuget-summary', 3.5, 'dependency_error', /^\s*Failed to restore \S+/, [
      '  Failed to restore /app/App.csproj (in 1.23 sec).',
    ]),
    // dotnet test: the failed test (VSTest console `  Failed Name [12 ms]`, Microsoft.Testing.Platform
    // `failed Name (12ms)`), the frameworks' assertion messages, then the run's summary.
    R(
      'test.dotnet',
      7.5,
      'test_failure',
      /^\s*Failed \S.* \[(?:< )?\d[\d.]* ?m?s\]$|^\s*failed \S.* \([\dhms .]+\)$|^\s*X \S+ \[\d+ms\]$/,
      [
        '  Failed Prime.UnitTests.Services.PrimeService_IsPrimeShould.IsPrime_ValuesLessThan2_ReturnFalse(value: -1) [< 1 ms]',
        'failed MyTests.CalculatorTests.Adds (12ms)',
      ],
    ),
    R(
      'test.dotnet-assert',
      8.5,
      'test_failure',
      /Assert\.\w+\(\) Failure|Assert\.\w+ failed\. |^\s*But was:\s+\S|^\s*Expected: .* But was: /,
      [
        '   Assert.False() Failure',
        '   Assert.Equal() Failure: Values differ',
        'Assert.AreEqual failed. Expected:<2>. Actual:<3>.',
      ],
    ),
    R(
      'test.dotnet-summary',
      3.5,
      'test_failure',
      /^Test Run Failed\.|^Test run summary: Failed!|^Total tests: \d+\. Passed: \d+\. Failed: [1-9]/,
      ['Test Run Failed.', 'Test run summary: Failed!'],
    ),
  ],
  tools: [
    {
      tool: 'MSBuild / dotnet build',
      kind: 'build',
      rules: ['build.dotnet', 'build.dotnet-summary'],
      examples: [
        {
          line: "Program.cs(12,5): error CS0103: The name 'foo' does not exist in the current context [/app/App.csproj]",
          source:
            'https://learn.microsoft.com/en-us/dotnet/csharp/language-reference/compiler-messages/cs0103',
          type: 'build_error',
        },
        {
          line: 'error NETSDK1045: The current .NET SDK does not support targeting .NET 9.0.  Either target .NET 8.0 or lower, or use a version of the .NET SDK that supports .NET 9.0.',
          source: 'https://learn.microsoft.com/en-us/dotnet/core/tools/sdk-errors/netsdk1045',
          type: 'build_error',
        },
      ],
      lookalikes: [
        {
          line: 'Build succeeded.',
          source: 'https://learn.microsoft.com/en-us/visualstudio/msbuild/obtaining-build-logs-with-msbuild',
        },
        {
          line: '    0 Error(s)',
          source: 'https://learn.microsoft.com/en-us/visualstudio/msbuild/obtaining-build-logs-with-msbuild',
        },
        {
          line: '  App -> /app/bin/Release/net8.0/App.dll',
          source: 'https://learn.microsoft.com/en-us/dotnet/core/tools/dotnet-build',
        },
      ],
    },
    {
      tool: 'dotnet format / .NET analyzers',
      kind: 'lint',
      rules: ['lint.dotnet'],
      examples: [
        {
          line: 'Program.cs(3,1): error IDE0005: Using directive is unnecessary. [/app/App.csproj]',
          source: 'https://learn.microsoft.com/en-us/dotnet/fundamentals/code-analysis/style-rules/ide0005',
          type: 'lint_error',
        },
        {
          line: "/app/Program.cs(12,5): error WHITESPACE: Fix whitespace formatting. Replace 1 characters with '\\s'. [/app/App.csproj]",
          source: 'https://learn.microsoft.com/en-us/dotnet/core/tools/dotnet-format',
          type: 'lint_error',
        },
      ],
      lookalikes: [],
    },
    {
      tool: 'NuGet restore',
      kind: 'package',
      rules: ['dep.nuget', 'dep.nuget-source', 'dep.nuget-summary'],
      examples: [
        {
          line: 'error NU1101: Unable to find package Contoso.Utilities. No packages exist with this id in source(s): nuget.org',
          source: 'https://learn.microsoft.com/en-us/nuget/reference/errors-and-warnings/nu1101',
          type: 'dependency_error',
        },
        {
          line: 'error NU1605: Detected package downgrade: Microsoft.Extensions.Logging from 8.0.0 to 7.0.0. Reference the package directly from the project to select a different version.',
          source: 'https://learn.microsoft.com/en-us/nuget/reference/errors-and-warnings/nu1605',
          type: 'dependency_error',
        },
        {
          line: 'error NU1301: Unable to load the service index for source https://api.nuget.org/v3/index.json.',
          source: 'https://learn.microsoft.com/en-us/nuget/reference/errors-and-warnings/nu1301',
          type: 'dependency_error',
        },
      ],
      lookalikes: [
        {
          line: '  Determining projects to restore...',
          source: 'https://learn.microsoft.com/en-us/dotnet/core/tools/dotnet-restore',
        },
        {
          line: '  All projects are up-to-date for restore.',
          source: 'https://learn.microsoft.com/en-us/dotnet/core/tools/dotnet-restore',
        },
      ],
    },
    {
      tool: 'dotnet test (xUnit, NUnit, MSTest)',
      kind: 'test',
      rules: ['test.dotnet', 'test.dotnet-assert', 'test.dotnet-summary'],
      examples: [
        {
          line: '  Failed Prime.UnitTests.Services.PrimeService_IsPrimeShould.IsPrime_ValuesLessThan2_ReturnFalse(value: -1) [< 1 ms]',
          source: VSTEST_LOGGER,
          type: 'test_failure',
        },
        { line: '   Assert.False() Failure', source: DOTNET_TEST, type: 'test_failure' },
        {
          line: '   Assert.Equal() Failure: Values differ',
          source: 'https://xunit.net/docs/getting-started/v3/cmdline',
          type: 'test_failure',
        },
        {
          line: 'Assert.AreEqual failed. Expected:<2>. Actual:<3>.',
          source:
            'https://learn.microsoft.com/en-us/dotnet/core/testing/unit-testing-mstest-writing-tests-assertions',
          type: 'test_failure',
        },
        { line: 'Test run summary: Failed!', source: MTP, type: 'test_failure' },
        {
          line: 'failed MyTests.CalculatorTests.Adds (12ms)',
          source: 'https://learn.microsoft.com/en-us/dotnet/core/testing/microsoft-testing-platform-intro',
          type: 'test_failure',
        },
      ],
      lookalikes: [
        {
          line: '  Passed Prime.UnitTests.Services.PrimeService_IsPrimeShould.IsPrime_InputIs1_ReturnFalse [2 ms]',
          source: VSTEST_LOGGER,
        },
        {
          line: 'Passed!  - Failed:     0, Passed:     3, Skipped:     0, Total:     3, Duration: 4 ms - Prime.UnitTests.dll (net8.0)',
          source: DOTNET_TEST,
        },
        { line: 'Test run summary: Passed!', source: MTP },
        { line: 'Starting test execution, please wait...', source: DOTNET_TEST },
        { line: 'A total of 1 test files matched the specified pattern.', source: DOTNET_TEST },
      ],
    },
  ],
};
