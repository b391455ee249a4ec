/** The run context used for severity, from the variables the runner sets for every step. */
import type { RunContext } from '../types.js';

export function runContextFromEnv(env: Readonly<Record<string, string | undefined>>): RunContext {
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  // On pull_request events GITHUB_REF_NAME is "<n>/merge"; the branch being changed is the head ref.
  const branch =
    value('GITHUB_HEAD_REF') ??
    (value('GITHUB_REF_TYPE') === 'branch' ? value('GITHUB_REF_NAME') : undefined);
  const job = value('GITHUB_JOB');
  const event = value('GITHUB_EVENT_NAME');
  const ref = value('GITHUB_REF');
  return {
    ...(branch !== undefined ? { branch } : {}),
    ...(job !== undefined ? { job } : {}),
    ...(event !== undefined ? { event } : {}),
    ...(ref !== undefined ? { ref } : {}),
  };
}
