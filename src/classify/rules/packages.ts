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
      /Bundler could not find compatible versions|Could not find gem|Could not find \S+ in any of the sources|Gem::(?:MissingSpecError|ConflictError)|An error occurred while installing \S+, and Bundler cannot continue|Your bundle is locked to|composer\.lock.*(?:not up to date|out of date)|Your requirements could not be resolved to an installable set of packages|failed to select a version for|failed to (?:load|parse) (?:manifest|lock file)|no matching package named|the lock file .* needs to be updated but --locked was passed|go: (?:updates to go\.mod needed|missing go\.sum entry|\S+@\S+: (?:reading|invalid version|unknown revision))|verifying \S+: checksum mismatch|cannot find module providing package|no required module provides package|Unable to find a matching version|NU1101|NU1102|NU1605|Unable to resolve dependency|Package .* is not available|could not have their rosdep keys resolved|Could not install packages due to|Dependency .* not found|Could not satisfy dependencies|Unresolvable dependencies|opam: .* no solution|PackagesNotFoundError|UnsatisfiableError|ResolvePackageNotFound|Package(?:s)? required (?:but|and) not available|there is no package called|installation of package .* had non-zero exit status|dependenc(?:y|ies) .* (?:is|are) not available/i,
      [
        'Bundler could not find compatible versions for gem "rails":',
        'go: updates to go.mod needed; to update it:',
        'PackagesNotFoundError: The following packages are not available from current channels:',
        'Package required but not available: ‘lubridate’',
      ],
    ),
    // apt: a package name or version that the index does not have, and unsatisfiable dependencies.
    R(
      'dep.apt',
      9,
      'dependency_error',
      /^E: Unable to locate package |^E: Package '?\S+'? has no installation candidate|^E: Version '\S+' for '\S+' was not found|^E: Unable to correct problems, you have held broken packages|^The following packages have unmet dependencies:|^E: Failed to fetch \S+\s+404\b|^E: The repository '.*' (?:does not have a Release file|is not signed)|^dpkg: error processing (?:package|archive) |^E: Sub-process \/usr\/bin\/dpkg returned an error code/,
      ['E: Unable to locate package libfoo-dev'],
    ),
    // apt's transient failures: a mirror mid-sync, the lock held by an unattended upgrade, the network.
    R(
      'dep.apt-transient',
      9,
      'infrastructure',
      /Hash Sum mismatch|^E: Could not get lock \S+|^E: Unable to acquire the dpkg frontend lock|^(?:E|W): Failed to fetch \S+\s+(?:Temporary failure resolving|Could not connect|Connection (?:failed|timed out)|5\d\d\b)|^E: Some index files failed to download/,
      ['E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 1234 (apt-get)'],
      { transient: true },
    ),
    R(
      'dep.brew',
      9,
      'dependency_error',
      /^Error: No available formula with the name |^Error: No formulae found in taps\.|^Error: No available formula or cask with the name |^Error: Cask '\S+' is unavailable|^Error: \S+: no bottle available!|^Error: \S+ has been disabled because/,
      ['Error: No available formula with the name "libfoo".'],
    ),
    R(
      'dep.brew-transient',
      8,
      'infrastructure',
      /^Error: \S+: Failed to download resource |^Error: Failed to download resource /,
      ['Error: wget: Failed to download resource "wget"'],
      { transient: true },
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
  tools: [
    {
      tool: 'apt / apt-get',
      kind: 'package',
      rules: ['dep.apt', 'dep.apt-transient'],
      examples: [
        { line: 'E: Unable to locate package libfoo-dev', source: 'Debian/apt apt-pkg/cacheset.cc (CacheSetHelper::canNotFindPkgName: "Unable to locate package %s")', type: 'dependency_error' },
        { line: 'E: Unable to correct problems, you have held broken packages.', source: 'Debian/apt apt-private/private-install.cc', type: 'dependency_error' },
        {
          line: 'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 1234 (apt-get)',
          source: 'Debian/apt apt-pkg/contrib/fileutl.cc (GetLock: "Could not get lock %s. It is held by process %d (%s)")',
          type: 'infrastructure',
        },
        {
          line: 'E: Failed to fetch http://archive.ubuntu.com/ubuntu/dists/jammy/main/binary-amd64/Packages.xz  Hash Sum mismatch',
          source: 'Debian/apt apt-pkg/acquire-item.cc',
          type: 'infrastructure',
        },
      ],
      lookalikes: [
        { line: 'Reading package lists... Done', source: 'Debian/apt apt-private/private-cachefile.cc' },
        {
          line: '0 upgraded, 0 newly installed, 0 to remove and 12 not upgraded.',
          source: 'Debian/apt apt-private/private-output.cc (Stats: "%lu upgraded, %lu newly installed, " "%lu to remove and %lu not upgraded.")',
        },
        {
          line: 'W: Target Packages (main/binary-amd64/Packages) is configured multiple times in /etc/apt/sources.list:1 and /etc/apt/sources.list.d/ubuntu.list:1',
          source: 'Debian/apt apt-pkg/deb/debmetaindex.cc ("Target %s (%s) is configured multiple times in %s and %s")',
        },
      ],
    },
    {
      tool: 'Homebrew',
      kind: 'package',
      rules: ['dep.brew', 'dep.brew-transient'],
      examples: [
        {
          line: 'Error: No available formula with the name "libfoo".',
          source: 'Homebrew/brew Library/Homebrew/exceptions.rb (FormulaUnavailableError#to_s: "No available formula with the name \\"#{name}\\"#{dependent_s}. #{did_you_mean}".strip)',
          type: 'dependency_error',
        },
        {
          line: 'Error: No available formula with the name "nvs". Did you mean nvm, nvi, nvc, nss, ngs or cvs?',
          source: 'Homebrew/brew Library/Homebrew/exceptions.rb (FormulaUnavailableError#to_s, with its did-you-mean suggestions)',
          type: 'dependency_error',
        },
        {
          line: 'Error: Failed to download resource "wget"',
          source: 'Homebrew/brew Library/Homebrew/exceptions.rb (DownloadError: "Failed to download resource #{download_name.inspect}", then the cause)',
          type: 'infrastructure',
        },
      ],
      lookalikes: [
        { line: 'Warning: node@20 20.19.4 is already installed and up-to-date.', source: 'Homebrew/brew Library/Homebrew/install.rb (opoo "#{name} #{pkg_version} is already installed and up-to-date.")' },
        { line: '==> Pouring wget--1.21.4.arm64_sonoma.bottle.tar.gz', source: 'Homebrew/brew Library/Homebrew/formula_installer.rb' },
      ],
    },
  ],
};
