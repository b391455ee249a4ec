/**
 * Packages across ecosystems: Package managers not covered by a language file (bundler, go modules, apt, conda, …) and missing modules or libraries.
 */
import { type Ecosystem, R } from './rule.js';

export const packages: Ecosystem = {
  name: 'Packages across ecosystems',
  file: 'packages',
  rules: [
    R(
      'dep.other',
      8,
      'dependency_error',
      /Bundler could not find compatible versions|Could not find gem|Could not find \S+ in any of the sources|Gem::(?:MissingSpecError|ConflictError)|An error occurred while installing \S+, and Bundler cannot continue|Your bundle is locked to|composer\.lock.*(?:not up to date|out of date)|Your requirements could not be resolved to an installable set of packages|failed to select a version for|failed to (?:load|parse) (?:manifest|lock file)|no matching package named|the lock file .* needs to be updated but --locked was passed|go: (?:updates to go\.mod needed|missing go\.sum entry|\S+@\S+: (?:reading|invalid version|unknown revision))|verifying \S+: checksum mismatch|cannot find module providing package|no required module provides package|Unable to find a matching version|NU1101|NU1102|NU1605|Unable to resolve dependency|Package .* is not available|unmet dependencies|Unable to locate package|has no installation candidate|Hash Sum mismatch|E: Failed to fetch|rosdep|dpkg: error processing|Could not install packages due to|Dependency .* not found|Could not satisfy dependencies|Unresolvable dependencies|opam: .* no solution|PackagesNotFoundError|UnsatisfiableError|ResolvePackageNotFound|Package(?:s)? required (?:but|and) not available|there is no package called|installation of package .* had non-zero exit status|dependenc(?:y|ies) .* (?:is|are) not available/i,
      [
        'Bundler could not find compatible versions for gem "rails":',
        'go: updates to go.mod needed; to update it:',
        'E: Unable to locate package libfoo-dev',
        'PackagesNotFoundError: The following packages are not available from current channels:',
        'Package required but not available: ‘lubridate’',
      ],
    ),
    R(
      'dep.module-missing',
      6,
      'dependency_error',
      /ModuleNotFoundError: No module named|ImportError: No module named|cannot load such file -- |LoadError|Cannot find module '(?![./])|Could not find a declaration file for module|error\[E0432\]: unresolved import `(?!crate|self|super)|package \S+ is not in (?:GOROOT|std)|Can't locate \S+\.pm in @INC|Module not found: Error: Can't resolve '(?![./])/i,
      [
        "ModuleNotFoundError: No module named 'requests'",
        "Error: Cannot find module 'express'",
        "Can't locate Test/More.pm in @INC (you may need to install the Test::More module)",
      ],
    ),
  ],
  tools: [],
};
