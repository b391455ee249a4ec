/**
 * Building blocks of the report and publish tests: findings from really analysing short real log excerpts
 * (fixtures/report/README.md names their sources), with runs, jobs and steps constructed around them.
 */
import { readFileSync } from 'node:fs';
import type { ChangeContext, CollectedJob, CollectedStep, RunInfo } from '../src/collect/types.js';
import { analyzeLog, type Finding } from '../src/pipeline/analyze-log.js';
import { buildReport, type BuildInput, type JobInput } from '../src/report/build.js';
import type { TriageReport } from '../src/report/types.js';

export const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

export const analyze = (text: string | Buffer): Promise<Finding> =>
  analyzeLog([typeof text === 'string' ? Buffer.from(text) : text]);

export const RUN: RunInfo = {
  owner: 'hashicorp',
  repo: 'terraform',
  id: 2184010387,
  attempt: 1,
  name: 'Quick Checks',
  workflowId: 7180401,
  workflowPath: '.github/workflows/checks.yml',
  event: 'pull_request',
  headBranch: 'fix-cloud-config',
  headSha: '5bd6c0a2b3f4e5d6a7b8c9d0e1f2a3b4c5d6e7f8',
  htmlUrl: 'https://github.com/hashicorp/terraform/actions/runs/2184010387',
  conclusion: 'failure',
  defaultBranch: 'main',
  actor: 'octocat',
};

export const CHANGE: ChangeContext = {
  commit: {
    sha: RUN.headSha,
    message: 'cloud: read the token from the environment\n\nLonger body.',
    htmlUrl: `https://github.com/hashicorp/terraform/commit/${RUN.headSha}`,
  },
  pullRequest: {
    number: 30876,
    title: 'cloud: read the token from the environment',
    htmlUrl: 'https://github.com/hashicorp/terraform/pull/30876',
    headRef: 'fix-cloud-config',
    baseRef: 'main',
    author: 'octocat',
    fork: false,
  },
  changedFiles: ['internal/cloud/backend.go', 'internal/command/views/json/change.go', 'README.md'],
};

const step = (number: number, name: string, conclusion: string | null = 'success'): CollectedStep => ({
  number,
  name,
  status: 'completed',
  conclusion,
});

/** The steps of terraform's "Unit Tests" job as the jobs API would list them (reconstructed, see README). */
export function unitTestSteps(failed = 'Unit tests'): CollectedStep[] {
  const names = [
    'Fetch source code',
    'Determine Go version',
    'Install Go toolchain',
    'Cache Go modules',
    failed,
  ];
  return [
    step(1, 'Set up job'),
    ...names.map((n, i) => step(i + 2, n, n === failed ? 'failure' : 'success')),
    step(7, 'Post Cache Go modules', 'skipped'),
    step(8, 'Post Fetch source code'),
    step(9, 'Complete job'),
  ];
}

export function job(
  id: number,
  name: string,
  steps: CollectedStep[] = unitTestSteps(),
  conclusion = 'failure',
): CollectedJob {
  return {
    id,
    name,
    status: 'completed',
    conclusion,
    htmlUrl: `https://github.com/hashicorp/terraform/actions/runs/${RUN.id}/job/${id}`,
    steps,
  };
}

export function report(jobs: JobInput[], extra: Partial<BuildInput> = {}): TriageReport {
  return buildReport({
    mode: 'companion',
    run: RUN,
    change: CHANGE,
    jobs,
    listedOnly: [],
    notes: [],
    version: '0.1.0',
    now: new Date('2026-05-06T14:00:00Z'),
    ...extra,
  });
}

/** A copy of a finding with another fingerprint, severity or excerpt lines (for many-job reports). */
export function variant(f: Finding, patch: Partial<Finding>): Finding {
  return { ...f, ...patch };
}
