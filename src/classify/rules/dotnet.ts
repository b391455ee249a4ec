/**
 * .NET: MSBuild, the C#, F# and VB compilers, the .NET SDK.
 */
import { type Ecosystem, R } from './rule.js';

export const dotnet: Ecosystem = {
  name: '.NET',
  file: 'dotnet',
  rules: [
    R(
      'build.dotnet',
      9,
      'build_error',
      /error (?:CS|MSB|NETSDK|FS|BC)\d{4}|: error [A-Z]{2,}\d{3,}:|Build FAILED\./,
      [
        "Program.cs(12,5): error CS0103: The name 'foo' does not exist in the current context [/app/App.csproj]",
        'Build FAILED.',
      ],
    ),
  ],
  tools: [],
};
