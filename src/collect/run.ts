/**
 * Collects a workflow run through the Actions REST API: the run, every job of the attempt (all pages), which
 * jobs to analyse, and the change behind it (pull request, commit, changed files).
 *
 * Which jobs are analysed:
 * - completed with conclusion `failure` or `timed_out`;
 * - `cancelled` ones only when nothing else failed (fail-fast cancels the rest of a matrix once one job fails;
 *   those are listed, not analysed);
 * - never the triage job itself. `GITHUB_JOB` is the job's id key in the workflow, not the name the API shows
 *   (a `name:` or a matrix changes it), so the triage job is the one whose name equals `selfJobName`, or the
 *   one still in progress on this runner (`selfRunnerName`, from `RUNNER_NAME`: a runner runs one job at a time);
 * - jobs not completed yet are listed as still running.
 * Reading the pull request or commit is best effort: a 403 or 404 there leaves a note, not an error.
 */
import { collectError, describeHttpError, type GitHubClient } from './github.js';
import type {
  ChangeContext,
  CollectedJob,
  CollectedRun,
  PullRequestInfo,
  RunInfo,
  RunRef,
  TriggerMode,
} from './types.js';

export interface CollectRunOptions {
  mode: TriggerMode;
  /** The triage job's display name, as the jobs API shows it. */
  selfJobName?: string;
  /** The runner the triage job runs on (`RUNNER_NAME`). */
  selfRunnerName?: string;
  /** At most this many failed jobs are analysed (their logs downloaded); the others are still counted and listed. */
  maxJobs?: number;
  /** Cap on the changed files read (default 300). */
  maxChangedFiles?: number;
}

type Octokit = GitHubClient;
type ApiRun = Awaited<ReturnType<Octokit['rest']['actions']['getWorkflowRun']>>['data'];
type ApiJob = Awaited<
  ReturnType<Octokit['rest']['actions']['listJobsForWorkflowRunAttempt']>
>['data']['jobs'][number];

export async function collectRun(
  octokit: Octokit,
  ref: RunRef,
  opts: CollectRunOptions,
): Promise<CollectedRun> {
  const notes: string[] = [];
  const { owner, repo, runId } = ref;
  let apiRun: ApiRun;
  try {
    apiRun = (await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId })).data;
  } catch (e) {
    throw collectError(e, `run ${runId}`, {});
  }
  const run = toRunInfo(ref, apiRun);
  if (!run.defaultBranch) {
    // The runs API trims `repository` to a minimal shape that usually lacks default_branch.
    try {
      run.defaultBranch = (await octokit.rest.repos.get({ owner, repo })).data.default_branch;
    } catch (e) {
      notes.push(`${describeHttpError(e, `repository ${owner}/${repo}`)} — the default branch is unknown.`);
    }
  }
  const jobs = await listJobs(octokit, run);
  const { failed, overLimit, listedOnly } = selectJobs(jobs, opts);
  const change = await collectChange(octokit, run, apiRun, opts.maxChangedFiles ?? 300, notes);
  return {
    mode: opts.mode,
    run,
    jobs,
    failed,
    overLimit,
    ...(opts.maxJobs !== undefined ? { maxJobs: opts.maxJobs } : {}),
    listedOnly,
    change,
    notes,
  };
}

export function toRunInfo(ref: RunRef, r: ApiRun): RunInfo {
  const repository = r.repository as { default_branch?: string } | undefined;
  const path = r.path ? r.path.replace(/@.*$/, '') : undefined;
  return {
    owner: ref.owner,
    repo: ref.repo,
    id: Number(r.id),
    attempt: ref.attempt ?? r.run_attempt ?? 1,
    ...(typeof r.run_number === 'number' ? { number: r.run_number } : {}),
    name: r.name ?? path ?? `workflow ${r.workflow_id}`,
    workflowId: r.workflow_id,
    ...(path ? { workflowPath: path } : {}),
    event: r.event,
    ...(r.head_branch ? { headBranch: r.head_branch } : {}),
    headSha: r.head_sha,
    htmlUrl: r.html_url,
    conclusion: r.conclusion,
    ...(repository?.default_branch ? { defaultBranch: repository.default_branch } : {}),
    ...((r.triggering_actor ?? r.actor)?.login ? { actor: (r.triggering_actor ?? r.actor)?.login } : {}),
  };
}

export function toCollectedJob(j: ApiJob, runHtmlUrl: string): CollectedJob {
  const id = Number(j.id);
  return {
    id,
    name: j.name,
    status: j.status,
    conclusion: j.conclusion,
    htmlUrl: j.html_url ?? `${runHtmlUrl}/job/${id}`,
    ...(j.started_at ? { startedAt: j.started_at } : {}),
    ...(j.completed_at ? { completedAt: j.completed_at } : {}),
    ...(j.runner_name ? { runnerName: j.runner_name } : {}),
    steps: (j.steps ?? []).map((s) => ({
      number: s.number,
      name: s.name,
      status: s.status,
      conclusion: s.conclusion,
    })),
  };
}

/** Every page of the attempt's jobs: paging is cheap, and every failed job is counted whatever max-jobs is. */
async function listJobs(octokit: Octokit, run: RunInfo): Promise<CollectedJob[]> {
  const jobs: CollectedJob[] = [];
  let pages = 0;
  try {
    for await (const page of octokit.paginate.iterator(octokit.rest.actions.listJobsForWorkflowRunAttempt, {
      owner: run.owner,
      repo: run.repo,
      run_id: run.id,
      attempt_number: run.attempt,
      per_page: 100,
    })) {
      pages++;
      for (const j of page.data) jobs.push(toCollectedJob(j, run.htmlUrl));
    }
    return jobs;
  } catch (e) {
    throw collectError(e, `the jobs of run ${run.id} (attempt ${run.attempt})`, {
      run,
      jobPages: pages,
      jobsListed: jobs.length,
    });
  }
}

const FAILED = new Set(['failure', 'timed_out']);

/**
 * Splits the jobs into those to analyse, the failed ones beyond `maxJobs` (counted as failed, not downloaded)
 * and those only listed; pure.
 */
export function selectJobs(
  jobs: readonly CollectedJob[],
  opts: Pick<CollectRunOptions, 'selfJobName' | 'selfRunnerName' | 'maxJobs'>,
): Pick<CollectedRun, 'failed' | 'overLimit' | 'listedOnly'> {
  const failed: CollectedJob[] = [];
  const cancelled: CollectedJob[] = [];
  const listedOnly: CollectedRun['listedOnly'] = [];
  for (const job of jobs) {
    if (isSelf(job, opts)) {
      listedOnly.push({ job, reason: 'the triage job itself' });
    } else if (job.status !== 'completed') {
      listedOnly.push({
        job,
        reason: job.status === 'in_progress' ? 'still running' : `still running (${job.status})`,
      });
    } else if (job.conclusion !== null && FAILED.has(job.conclusion)) {
      failed.push(job);
    } else if (job.conclusion === 'cancelled') {
      cancelled.push(job);
    }
  }
  if (failed.length === 0) {
    failed.push(...cancelled);
  } else {
    for (const job of cancelled) {
      listedOnly.push({
        job,
        reason: 'cancelled after another job failed (fail-fast or cancel-in-progress)',
      });
    }
  }
  const max = opts.maxJobs;
  const overLimit = max !== undefined && max >= 0 && failed.length > max ? failed.splice(max) : [];
  return { failed, overLimit, listedOnly };
}

function isSelf(job: CollectedJob, opts: Pick<CollectRunOptions, 'selfJobName' | 'selfRunnerName'>): boolean {
  if (opts.selfJobName !== undefined && job.name === opts.selfJobName) return true;
  return (
    opts.selfRunnerName !== undefined &&
    job.status === 'in_progress' &&
    job.runnerName !== undefined &&
    job.runnerName === opts.selfRunnerName
  );
}

/** `https://github.com/o/r` from a run's html_url. */
function repoHtmlUrl(run: RunInfo): string {
  const i = run.htmlUrl.indexOf('/actions/runs/');
  return i >= 0 ? run.htmlUrl.slice(0, i) : `https://github.com/${run.owner}/${run.repo}`;
}

async function collectChange(
  octokit: Octokit,
  run: RunInfo,
  apiRun: ApiRun,
  maxFiles: number,
  notes: string[],
): Promise<ChangeContext> {
  const { owner, repo } = run;
  const sha = run.headSha;
  const commit: ChangeContext['commit'] = { sha, htmlUrl: `${repoHtmlUrl(run)}/commit/${sha}` };
  if (apiRun.head_commit) {
    commit.message = apiRun.head_commit.message;
    if (apiRun.head_commit.author?.name) commit.author = apiRun.head_commit.author.name;
    const email = apiRun.head_commit.author?.email;
    if (email && !/noreply\.github\.com$/i.test(email)) commit.authorEmail = email;
  }
  const pullRequest = await findPullRequest(octokit, run, apiRun, notes);
  let changedFiles: string[] = [];
  if (pullRequest) {
    try {
      let seen = 0;
      changedFiles = await octokit.paginate(
        octokit.rest.pulls.listFiles,
        { owner, repo, pull_number: pullRequest.number, per_page: 100 },
        (response, done) => {
          seen += response.data.length;
          if (seen >= maxFiles) done();
          return response.data.map((f) => f.filename);
        },
      );
      changedFiles = changedFiles.slice(0, maxFiles);
    } catch (e) {
      notes.push(
        `${describeHttpError(e, `the files of pull request #${pullRequest.number}`)} — continuing without them.`,
      );
    }
  }
  if (!pullRequest || commit.message === undefined) {
    try {
      const data = (
        await octokit.rest.repos.getCommit({ owner, repo, ref: sha, per_page: Math.min(maxFiles, 300) })
      ).data;
      commit.message ??= data.commit.message;
      const login = data.author && 'login' in data.author ? data.author.login : undefined;
      const author = login ?? data.commit.author?.name;
      if (author) commit.author = author;
      if (login) commit.authorLogin = login;
      const email = data.commit.author?.email;
      if (email && !commit.authorEmail && !/noreply\.github\.com$/i.test(email)) commit.authorEmail = email;
      commit.htmlUrl = data.html_url;
      if (!pullRequest) changedFiles = (data.files ?? []).slice(0, maxFiles).map((f) => f.filename);
    } catch (e) {
      notes.push(`${describeHttpError(e, `commit ${sha.slice(0, 12)}`)} — continuing without it.`);
    }
  }
  return { commit, ...(pullRequest ? { pullRequest } : {}), changedFiles };
}

async function findPullRequest(
  octokit: Octokit,
  run: RunInfo,
  apiRun: ApiRun,
  notes: string[],
): Promise<PullRequestInfo | undefined> {
  const { owner, repo } = run;
  const listed = apiRun.pull_requests ?? [];
  const minimal = listed.find((p) => p.head.sha === run.headSha) ?? listed[0];
  if (minimal) {
    try {
      return toPullRequestInfo(
        (await octokit.rest.pulls.get({ owner, repo, pull_number: minimal.number })).data,
      );
    } catch (e) {
      notes.push(`${describeHttpError(e, `pull request #${minimal.number}`)} — using what the run lists.`);
      return {
        number: minimal.number,
        title: `#${minimal.number}`,
        htmlUrl: `${repoHtmlUrl(run)}/pull/${minimal.number}`,
        headRef: minimal.head.ref,
        baseRef: minimal.base.ref,
        fork: Number(minimal.head.repo.id) !== Number(minimal.base.repo.id),
      };
    }
  }
  try {
    const pulls = (
      await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        owner,
        repo,
        commit_sha: run.headSha,
        per_page: 30,
      })
    ).data;
    const pr =
      pulls.find((p) => p.state === 'open' && p.head.sha === run.headSha) ??
      pulls.find((p) => p.state === 'open') ??
      pulls[0];
    return pr ? toPullRequestInfo(pr) : undefined;
  } catch (e) {
    notes.push(
      `${describeHttpError(e, `the pull requests of commit ${run.headSha.slice(0, 12)}`)} — continuing without one.`,
    );
    return undefined;
  }
}

/** A deleted head repository (null) counts as a fork: it cannot be the base. */
/** The fields of a pull request (full or as listed for a commit) that the report keeps. */
function toPullRequestInfo(pr: {
  number: number;
  title: string;
  html_url: string;
  head: { ref: string; repo?: { full_name: string } | null };
  base: { ref: string; repo: { full_name: string } };
  user?: { login: string } | null;
}): PullRequestInfo {
  return {
    number: pr.number,
    title: pr.title,
    htmlUrl: pr.html_url,
    headRef: pr.head.ref,
    baseRef: pr.base.ref,
    ...(pr.user?.login ? { author: pr.user.login } : {}),
    fork: isFork(pr.head.repo?.full_name, pr.base.repo.full_name),
  };
}

function isFork(head: string | undefined | null, base: string): boolean {
  return !head || head.toLowerCase() !== base.toLowerCase();
}
