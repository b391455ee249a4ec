/**
 * Classification: failure type, confidence and transience from the extracted anchors, plus what the failing
 * step's command says about itself ("npm run lint" fails with lint errors). Pure.
 */
import type { MatchedLine, Section } from '../logs/extract.js';
import type { FailureType } from '../types.js';

export interface Classification {
  failureType: FailureType;
  confidence: number;
  transient: boolean;
  /** The rule ids that decided, strongest first. */
  evidence: string[];
}

/** What a step's command or name says about the kind of work it does. */
const STEP_HINTS: Array<[RegExp, FailureType]> = [
  [/\b(?:lint|eslint|prettier|format|fmt|style|perlcritic|mdl|gomali|proselint|write-good|alex|vale|rubocop|flake8|black|isort|pylint|ruff|clippy|checkstyle|spotless|ktlint|detekt|swiftlint|stylelint|shellcheck|hadolint|markdownlint|codespell|vet|staticcheck|golangci|cpplint|clang-format|mypy|pyright|typecheck|type-check|check-format|whitespace|license|awesome_bot|danger)\b/i, 'lint_error'],
  [/\b(?:test|tests|spec|specs|pytest|jest|vitest|mocha|karma|ctest|rspec|minitest|phpunit|junit|surefire|go test|cargo test|mix test|tox|nox|e2e|integration|check)\b/i, 'test_failure'],
  [/\b(?:install|restore|bundle|pip|npm ci|yarn(?: install)?$|pnpm i|deps|dependencies|resolve|setup-\w+|poetry|composer install|go mod|cargo fetch|apt-get|brew install|conda)\b/i, 'dependency_error'],
  [/\b(?:build|compile|make|cmake|tsc|webpack|vite build|rollup|cargo build|mvn (?:compile|package|install)|gradle(?:w)? (?:assemble|build)|dotnet build|msbuild|xcodebuild|docker build|buildx|bake|bazel|latexmk|pdflatex|xelatex|lualatex|sass|node-sass|less|jekyll build|hugo|sphinx-build|mkdocs build)\b/i, 'build_error'],
  [/\b(?:deploy|publish|release|upload|push|helm|kubectl|terraform apply|gh-pages|heroku|netlify|vercel)\b/i, 'deploy_error'],
];

const CAUSAL = 1;

const STEP_HINT_WEIGHT = 0.6;
/** A rule this strong is a tool's own precise signature. */
const PRECISE = 9;

/** What the failing step's command says; the commands it echoed (npm scripts, `sh -x`) say it better. */
export function stepHint(name: string | undefined, commands: readonly string[] = []): FailureType | undefined {
  // The start of a command names the tool; a long script's tail names everything.
  for (const c of [...commands].reverse()) {
    const head = c.slice(0, 60);
    for (const [re, type] of STEP_HINTS) if (re.test(head)) return type;
  }
  if (!name) return undefined;
  const head = name.slice(0, 60);
  for (const [re, type] of STEP_HINTS) if (re.test(head)) return type;
  return undefined;
}

export function classify(anchors: MatchedLine[][], failedSections: Section[]): Classification {
  const votes = new Map<FailureType, number>();
  const evidence: string[] = [];
  let transientVotes = 0;
  let total = 0;
  let topScore = 0;
  let topTyped = 0;

  const failedIdx = new Set(failedSections.map((s) => s.startLine));
  anchors.slice(0, 4).forEach((group, rank) => {
    // Excerpts outside the failing step say little about why it failed.
    const inFailed = failedIdx.size === 0 || group.some((a) => a.inFailedSection);
    const rankWeight = (1 / (1 + rank * 1.5)) * (inFailed ? 1 : 0.3);
    const best = Math.max(0, ...group.map((a) => a.score));
    if (rank === 0) {
      topScore = best;
      const typed = group.map((a) => a.typeRule ?? a.rule).filter((r) => r?.type !== undefined);
      topTyped = Math.max(0, ...typed.map((r) => r!.weight));
    }
    // Each excerpt votes once: its lines share its vote, the most telling ones the most.
    const share = new Map<FailureType, number>();
    let mass = 0;
    for (const a of group) {
      if (!a.rule) continue;
      const rel = a.score / Math.max(best, 1e-9);
      mass += rel;
      const rule = a.typeRule ?? a.rule;
      if (!rule.type) continue;
      // A network or service error inside a failing step is the likelier cause of what failed after it.
      const causal = rule.type === 'infrastructure' && rule.weight >= 8 && a.inFailedSection ? CAUSAL : 1;
      share.set(rule.type, (share.get(rule.type) ?? 0) + rel * (rule.weight / 10) * causal);
      if (rule.transient) transientVotes += (rankWeight * rel) / Math.max(1, group.length);
      if (!evidence.includes(rule.id)) evidence.push(rule.id);
    }
    for (const [type, v] of share) {
      const w = (rankWeight * v) / Math.max(mass, 1);
      votes.set(type, (votes.get(type) ?? 0) + w);
      total += w;
    }
  });

  const failing = failedSections[failedSections.length - 1];
  const hint = failing ? stepHint(failing.name, failing.commands) : undefined;
  if (hint) {
    // A precise signature in the leading excerpt outweighs what the step's name suggests.
    const w = topTyped >= PRECISE ? STEP_HINT_WEIGHT / 2 : STEP_HINT_WEIGHT;
    votes.set(hint, (votes.get(hint) ?? 0) + w);
    total += w;
    evidence.push(`step:${hint}`);
  }

  let failureType: FailureType = 'unknown';
  let best = 0;
  for (const [type, v] of votes) {
    if (v > best) {
      best = v;
      failureType = type;
    }
  }
  if (failureType === 'unknown') {
    return { failureType, confidence: topScore > 0 ? 0.2 : 0.1, transient: false, evidence };
  }
  const share = best / total;
  const strength = Math.min(1, topScore / 8);
  const confidence = Math.round(Math.min(0.99, share * (0.4 + 0.6 * strength)) * 100) / 100;
  const transient =
    failureType === 'infrastructure' || (transientVotes / total > 0.3 && failureType !== 'test_failure');
  return { failureType, confidence, transient, evidence };
}
