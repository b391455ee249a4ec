/**
 * Configuration: Missing files, commands and environment variables; invalid configuration; unsupported versions.
 */
import { type Ecosystem, R } from './rule.js';

export const config: Ecosystem = {
  name: 'Configuration',
  file: 'config',
  rules: [
    R(
      'config.missing',
      7,
      'config_error',
      /command not found|: not found$|No such file or directory|ENOENT|is not recognized as an internal or external command|cannot find the path specified|No Rakefile found|Could not locate Gemfile|Could not find (?:a )?(?:file|directory|Gemfile|package\.json|pom\.xml|build\.gradle|tsconfig|configuration)|(?:file|directory|path) (?:does not exist|not found)|does not exist|not a git repository|pathspec .* did not match|Remote branch .* not found|couldn't find remote ref|No files were found with the provided path|Unable to find (?:the )?(?:file|image|any)|no such (?:file|directory|image|option|command|task|host)|Task '.*' not found in|Unknown (?:option|command|argument|task|lifecycle phase)|Unrecognized (?:option|argument|command)|invalid (?:option|argument|choice|configuration|value)|unknown (?:flag|shorthand flag|command)|missing required (?:argument|option|input|env|environment|field|property)|usage: |Usage: /i,
      [
        'bash: line 1: yarnn: command not found',
        '/home/travis/.travis/job_stages: line 78: test/sass-compile-tester.sh: No such file or directory',
        'No Rakefile found (looking for: rakefile, Rakefile, rakefile.rb, Rakefile.rb)',
      ],
    ),
    R(
      'config.env',
      8,
      'config_error',
      /(?:environment variable|env var|secret|variable) .*(?:is not set|not set|not defined|is missing|missing|required|undefined|empty)|(?:is not set|must be set|must be provided|is required)(?: \S+)?$|KeyError: '[A-Z_]{3,}'|missing (?:api )?(?:token|key|credentials)|no (?:api )?token (?:found|provided)|Invalid configuration|configuration (?:error|is invalid)|yaml: line \d+:|YAMLException|invalid YAML|JSON\.parse|Unexpected token .* in JSON|while (?:parsing|scanning) a (?:block|flow|simple key)|found character that cannot start any token|Schema validation|Invalid value for|is not a valid|deprecated and will be removed|not supported(?: any more)?|unsupported (?:version|engine|platform)|requires? (?:node|python|ruby|java|go)(?: version)? [>=<^~\d]|engine "node" is incompatible|The engine "\w+" is incompatible|Unsupported class file major version|invalid target release|release version \d+ not supported|source release \d+ requires target release/i,
      [
        'Error: environment variable API_KEY is not set',
        'error app@1.0.0: The engine "node" is incompatible with this module. Expected version ">=18". Got "16.20.0"',
        'yaml: line 12: did not find expected key',
      ],
    ),
  ],
  tools: [],
};
