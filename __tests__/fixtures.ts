/**
 * The fixture logs and what is known about them: short excerpts of real corpus logs (sources in
 * fixtures/README.md), with the ground-truth error lines translated into the excerpt's own line numbers.
 */
import type { FailureType } from '../src/types.js';

export interface FixtureCase {
  /** File name under fixtures/. */
  file: string;
  /** Corpus case id the excerpt was cut from. */
  source: string;
  /** Ground-truth error lines, 1-based inclusive ranges, in the fixture's own numbering. */
  errorLines: Array<[number, number]>;
  /** The failure types a correct diagnosis may give. */
  types: FailureType[];
  /**
   * Analyzer bugs this fixture exposes today, by aspect. A test marked here is declared with `it.fails`: it
   * passes while the bug is there and fails once it is fixed — then delete the entry.
   */
  knownBug?: { location?: string; type?: string };
}

export const FIXTURES: FixtureCase[] = [
  {
    file: 'github-go-test-terraform.log',
    source: 'cidiff/breakages_dump-Quick-Checks_-run104',
    errorLines: [[42, 62]],
    types: ['test_failure'],
  },
  {
    file: 'github-go-test-terraform-other.log',
    source: 'cidiff/breakages_dump-Quick-Checks_-run68',
    errorLines: [[42, 44]],
    types: ['test_failure'],
  },
  {
    file: 'github-go-mod-tidy-a.log',
    source: 'cidiff/breakages_dump-Quick-Checks_-run107',
    errorLines: [[88, 88]],
    types: ['dependency_error'],
  },
  {
    file: 'github-go-mod-tidy-b.log',
    source: 'cidiff/breakages_dump-Quick-Checks_-run292',
    errorLines: [[86, 86]],
    types: ['dependency_error'],
  },
  {
    file: 'github-pytest-pandas.log',
    source: 'logdx/pytest-pandas-001',
    errorLines: [[14, 23]],
    types: ['test_failure'],
  },
  {
    file: 'github-jest-pnpm.log',
    source: 'logdx/pnpm-jest-config-v2-001',
    errorLines: [[9, 25]],
    types: ['test_failure'],
  },
  {
    file: 'github-prettier-react.log',
    source: 'logdx/lint-react-001',
    errorLines: [[30, 37]],
    types: ['lint_error'],
  },
  {
    file: 'jenkins-maven-animal-sniffer.log',
    source: 'cidiff/breakages-commonscodec_2463',
    errorLines: [
      [25, 27],
      [34, 42],
      [44, 45],
    ],
    // animal-sniffer checks the compiled classes against the Java 8 API signatures: a build-time check.
    types: ['build_error', 'lint_error'],
  },
  {
    file: 'travis-conda-packages-not-found.log',
    source: 'logchunks/scikit-learn@scikit-learn/562395304',
    errorLines: [[23, 29]],
    types: ['dependency_error'],
  },
  {
    file: 'travis-cargo-missing-crate.log',
    source: 'logchunks/jwilm@alacritty/564272806',
    errorLines: [[20, 24]],
    types: ['build_error', 'dependency_error'],
  },
  {
    file: 'travis-go-lint.log',
    source: 'logchunks/ethereum@go-ethereum/566442292',
    errorLines: [[34, 36]],
    types: ['lint_error'],
  },
];

/** What score.py removes before comparing (runner timestamp, ANSI colour codes, trailing \r). */
export function scoreClean(line: string): string {
  return line
    .replace(/\r+$/, '')
    .replace(/^\ufeff?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z ?/, '')
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, ''); // eslint-disable-line no-control-regex
}

const GENERIC =
  /Process completed with exit code|exited with (exit )?code \d|ELIFECYCLE|^make(\[\d+\])?: \*\*\*|^Error: Process completed/i;

/**
 * The ground-truth lines as score.py counts them: blank lines dropped, and generic lines ("exit code 1") only
 * where nothing more specific is labelled.
 */
export function truthLines(lines: string[], ranges: Array<[number, number]>): Set<number> {
  const all = new Set<number>();
  for (const [a, b] of ranges)
    for (let n = a; n <= b; n++) if (scoreClean(lines[n - 1] ?? '').trim() !== '') all.add(n);
  const specific = new Set([...all].filter((n) => !GENERIC.test(scoreClean(lines[n - 1] ?? ''))));
  return specific.size ? specific : all;
}
