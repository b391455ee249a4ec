/**
 * The workflow file of a run, as it was at the run's head commit, through the contents API
 * (`GET /repos/{owner}/{repo}/contents/{path}?ref={sha}`, the text base64 in `content`). Best effort: read only
 * when the model is about to be called, and anything that goes wrong (403 without `contents: read`, 404 for a
 * dynamic workflow or a deleted file, a file over 1 MB whose content the API leaves out) is a debug note and
 * `undefined`, never an error.
 */
import { describeHttpError, type GitHubClient } from './github.js';
import type { RunInfo } from './types.js';

export interface WorkflowFile {
  path: string;
  text: string;
}

export async function fetchWorkflowFile(
  octokit: GitHubClient,
  run: Pick<RunInfo, 'owner' | 'repo' | 'headSha' | 'workflowPath'>,
  debug: (message: string) => void,
): Promise<WorkflowFile | undefined> {
  const path = run.workflowPath;
  if (!path) {
    debug('The run names no workflow file: the prompt goes without it.');
    return undefined;
  }
  const what = `the workflow file ${path} at ${run.headSha.slice(0, 12)}`;
  try {
    const { data } = await octokit.rest.repos.getContent({
      owner: run.owner,
      repo: run.repo,
      path,
      ref: run.headSha,
    });
    if (Array.isArray(data) || data.type !== 'file') {
      debug(`Not reading ${what}: the API answered with a ${Array.isArray(data) ? 'directory' : data.type}.`);
      return undefined;
    }
    if (data.encoding !== 'base64' || typeof data.content !== 'string') {
      debug(`Not reading ${what}: its content comes as "${data.encoding}" (files over 1 MB have none).`);
      return undefined;
    }
    return { path, text: Buffer.from(data.content, 'base64').toString('utf8') };
  } catch (e) {
    debug(`${describeHttpError(e, what)} — the prompt goes without it.`);
    return undefined;
  }
}
