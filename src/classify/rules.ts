/**
 * The built-in rules: data only, one file per ecosystem under `rules/` (the pytest rules in `rules/python.ts`,
 * the CI systems' own lines in `rules/runners.ts`), each with the tools it covers; this module puts them
 * together. A rule says how telling a log line is (`weight`), what failure type it points to, whether a
 * re-run is likely to pass, and whether it is a generic "it failed" line that must never be the key of a
 * fingerprint. Each rule carries example lines from the tool it describes; the tests check that every rule
 * matches its examples and that the prefilter lets them through.
 */
import type { Ecosystem, ToolCoverage } from './rules/rule.js';
import { noise } from './rules/noise.js';
import { runners } from './rules/runners.js';
import { system } from './rules/system.js';
import { javascript } from './rules/javascript.js';
import { python } from './rules/python.js';
import { jvm } from './rules/jvm.js';
import { packages } from './rules/packages.js';
import { native } from './rules/native.js';
import { rust } from './rules/rust.js';
import { go } from './rules/go.js';
import { dotnet } from './rules/dotnet.js';
import { containers } from './rules/containers.js';
import { apple } from './rules/apple.js';
import { generic } from './rules/generic.js';
import { docs } from './rules/docs.js';
import { ruby } from './rules/ruby.js';
import { perl } from './rules/perl.js';
import { php } from './rules/php.js';
import { beam } from './rules/beam.js';
import { lua } from './rules/lua.js';
import { linters } from './rules/linters.js';
import { config } from './rules/config.js';
import { infrastructure } from './rules/infrastructure.js';
import { haskell } from './rules/haskell.js';
import { r } from './rules/r.js';
import { powershell } from './rules/powershell.js';
import { shell } from './rules/shell.js';

export type { Ecosystem, Rule, SourcedLine, ToolCoverage } from './rules/rule.js';
export { NOISE_CANCELS_BELOW } from './rules/rule.js';

/**
 * The ecosystem files in table order. Order matters a little: among rules of equal weight on one line, the later
 * one names the match.
 */
export const ECOSYSTEMS: readonly Ecosystem[] = [
  noise,
  runners,
  system,
  javascript,
  python,
  jvm,
  packages,
  native,
  rust,
  go,
  dotnet,
  containers,
  apple,
  generic,
  docs,
  ruby,
  perl,
  php,
  beam,
  lua,
  linters,
  config,
  infrastructure,
  haskell,
  r,
  powershell,
  shell,
];

export const BUILTIN_RULES = ECOSYSTEMS.flatMap((e) => e.rules);

/** The coverage table: every tool the rules know, with the ecosystem file it is in. */
export const COVERAGE: ReadonlyArray<ToolCoverage & { ecosystem: string }> = ECOSYSTEMS.flatMap((e) =>
  e.tools.map((t) => ({ ...t, ecosystem: e.name })),
);

/**
 * Lines the rules are evaluated on at all. Every built-in rule's examples must pass it (tested); a line
 * that does not is scored 0 without running the table.
 */
/**
 * What a line must contain for the rules to be evaluated on it at all, as regular-expression fragments.
 * Every built-in rule's examples must pass (tested); a line that does not is scored 0 without running the
 * table. The fragments are compiled grouped by first letter, which the regular-expression engine scans much
 * faster than one flat alternation.
 */
export const PREFILTER_FRAGMENTS: readonly string[] = [
  String.raw`error`,
  String.raw`longer than`,
  String.raw`received`,
  String.raw`actual output`,
  String.raw`PBP`,
  String.raw`^! `,
  String.raw`fail`,
  String.raw`fatal`,
  String.raw`exception`,
  String.raw`panic`,
  String.raw`traceback`,
  String.raw`denied`,
  String.raw`cannot`,
  String.raw`can't`,
  String.raw`could ?n[o']t`,
  String.raw`not found`,
  String.raw`no such`,
  String.raw`time[ds]? ?out`,
  String.raw`timeout`,
  String.raw`time limit`,
  String.raw`abort`,
  String.raw`killed`,
  String.raw`refused`,
  String.raw`undefined`,
  String.raw`invalid`,
  String.raw`missing`,
  String.raw`unable`,
  String.raw`forbidden`,
  String.raw`unauthori[sz]ed`,
  String.raw`warn`,
  String.raw`violation`,
  String.raw`expect`,
  String.raw`assert(?:ion|ing|_equal| )`,
  String.raw`segmentation`,
  String.raw`sigsegv`,
  String.raw`core dumped`,
  String.raw`out of memory`,
  String.raw`no space`,
  String.raw`exceeded`,
  String.raw`exit(ed)? (with )?(code|status)`,
  String.raw`err[!_]`,
  String.raw`✕`,
  String.raw`✖`,
  String.raw`×`,
  String.raw`✗`,
  String.raw`✘`,
  String.raw`●`,
  String.raw`╷`,
  String.raw`^E {2,}`,
  String.raw`rejected`,
  String.raw`conflict`,
  String.raw`unresolv`,
  String.raw`unsatisf`,
  String.raw`reformat`,
  String.raw`offen[cs]e`,
  String.raw`problem`,
  String.raw`not ok`,
  String.raw`mismatch`,
  String.raw`differ`,
  String.raw`did not`,
  String.raw`doesn't`,
  String.raw`does not`,
  String.raw`lost communication`,
  String.raw`shutdown`,
  String.raw`cancel`,
  String.raw`rate.?limit`,
  String.raw`too many requests`,
  String.raw`unavailable`,
  String.raw`bad gateway`,
  String.raw`gateway time`,
  String.raw`e(conn|timedout|notfound|ai_again|acces|noent|404|target|resolve|perm)`,
  String.raw`unexpected`,
  String.raw`illegal`,
  String.raw`unknown`,
  String.raw`unrecogni[sz]ed`,
  String.raw`not recogni[sz]ed`,
  String.raw`is not set`,
  String.raw`required`,
  String.raw`dubious`,
  String.raw`must be`,
  String.raw`non-?zero`,
  String.raw`heap`,
  String.raw`oom`,
  String.raw`overflow`,
  String.raw`sanitizer`,
  String.raw`diff in`,
  String.raw`^diff --git`,
  String.raw`needs? to be updated`,
  String.raw`out of date`,
  String.raw`outdated`,
  String.raw`lockfile`,
  String.raw`reason:`,
  String.raw`termsig`,
  String.raw`^\*\* \(`,
  String.raw`would be`,
  String.raw`^\s*\d+\) `,
  String.raw`^\s*-{3} `,
  String.raw`^---- `,
  String.raw`went wrong`,
  String.raw`^> task .* failed`,
  String.raw`\bfail\b`,
  String.raw`incorrect`,
  String.raw`unsorted`,
  String.raw`not sorted`,
  String.raw`wrong`,
  String.raw`usage:`,
  String.raw`deprecat`,
  String.raw`^FAIL`,
  String.raw`terminated`,
  String.raw`signal`,
  String.raw`crash`,
  String.raw`stack trace`,
  String.raw`stacktrace`,
  String.raw`^\s+at `,
  String.raw`in function`,
  String.raw`inspected`,
  String.raw`[1-9]\d* (problems?|issues?|offenses?)`,
  String.raw`hint:`,
  String.raw`❌`,
  String.raw`exited with`,
  String.raw`go\.(?:mod|sum)`,
  String.raw`^\s+--> `,
  String.raw`on line \d+ of`,
  String.raw`^_{3,} `,
  String.raw`_test\.go:\d`,
  String.raw`\.go:\d+(?::\d+)?: `,
  String.raw`\.kts?:\d+:\d+: `,
  String.raw`^rspec `,
  String.raw`code style`,
  String.raw`\.py:\d+:\d+: [EWFCN]\d`,
  String.raw`\.rb:\d+:\d+: [CWEF]: `,
  String.raw`not used`,
  String.raw`unused`,
  String.raw`no \w+file found`,
  // Failure lines of scripting-language tools that carry none of the words above (rules/javascript.ts,
  // python.ts, ruby.ts, php.ts).
  String.raw`⨯`,
  String.raw`╰─▶`,
  String.raw`\.pyi?:\d+:\d+: [a-z]{1,4}\d{2,4}\b`,
  String.raw`^[a-z]{1,4}\d{3,4} (?:\[\*\] )?\S.*${'`'}`,
  String.raw`^\*{13} module `,
  String.raw`rated at`,
  String.raw`^oh no!`,
  String.raw`^[a-z][\w:]*#\S+(?: \[\S+:\d+\])?:$`,
  String.raw`^(?:bin/)?rails test `,
  String.raw`^\s+got: `,
  String.raw`^cucumber \S+\.feature:\d+`,
  String.raw`deployment mode`,
  String.raw`changed significantly since`,
  String.raw`^ {2}line {3}\S+\.php$`,
  // Lines of tools with no error word in them: shellcheck's codes, codespell's arrow, markdownlint's rule
  // names, lychee's status and summary, editorconfig-checker's messages.
  String.raw`SC\d{4}`,
  String.raw` ==> `,
  String.raw` MD\d{3}\b`,
  String.raw`^\s*\[[45]\d\d\] `,
  String.raw`issues found in`,
  String.raw`trailing whitespace`,
  String.raw`line too long`,
  String.raw`end of line character`,
  // cabal's and stack's solver failures.
  String.raw`exhaustively`,
  String.raw`stack configuration`,
];

export const PREFILTER: RegExp = compilePrefilter(PREFILTER_FRAGMENTS);

/** PREFILTER from its fragments: the same matches as their alternation, case-insensitive. */
export function compilePrefilter(fragments: readonly string[]): RegExp {
  const byLetter = new Map<string, string[]>();
  const rest: string[] = [];
  for (const f of fragments) {
    const first = f[0] ?? '';
    // A fragment that starts with a plain letter followed by a plain character can share its first letter.
    if (/^[a-z]$/i.test(first) && f.length > 1 && !/[\\([{?*+|]/.test(f[1] ?? '')) {
      const key = first.toLowerCase();
      const list = byLetter.get(key) ?? [];
      list.push(f.slice(1));
      byLetter.set(key, list);
    } else rest.push(f);
  }
  const grouped = [...byLetter].map(([c, tails]) => `${c}(?:${tails.join('|')})`);
  return new RegExp([...grouped, ...rest].join('|'), 'i');
}
