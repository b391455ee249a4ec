/**
 * The report artifact: `report.json` (the `TriageReport`, pretty-printed, `schema` first) and `audit.jsonl`,
 * written to a directory and uploaded with `@actions/artifact`. Outside a runner (no ACTIONS_RUNTIME_TOKEN /
 * ACTIONS_RESULTS_URL), on GHES, or when the upload fails, the files stay on disk and the result says why.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ArtifactClient } from '@actions/artifact';
import type { TriageReport } from '../report/types.js';
import type { AuditLog } from './audit.js';
import { redactDeep } from './redact.js';

export interface ReportFiles {
  dir: string;
  reportPath: string;
  auditPath: string;
  files: string[];
}

/** Writes `report.json` (every string redacted: it leaves the runner as an artifact) and `audit.jsonl`. */
export async function writeReportFiles(
  report: TriageReport,
  dir: string,
  audit: AuditLog,
  secrets: readonly string[] = [],
): Promise<ReportFiles> {
  await mkdir(dir, { recursive: true });
  const reportPath = join(dir, 'report.json');
  const auditPath = join(dir, 'audit.jsonl');
  await writeFile(reportPath, JSON.stringify(redactDeep(report, secrets), null, 2) + '\n', 'utf8');
  await writeFile(auditPath, audit.toJsonl(), 'utf8');
  return { dir, reportPath, auditPath, files: [reportPath, auditPath] };
}

type ArtifactModule = typeof import('@actions/artifact');
let artifactModule: Promise<ArtifactModule> | undefined;

/**
 * `@actions/artifact`, imported on first use: it brings Azure storage, protobuf and the zip writer (about 3 MB
 * of bundle), which only the upload at the end of a run needs, so start-up does not pay for it.
 */
const loadArtifact = (): Promise<ArtifactModule> => (artifactModule ??= import('@actions/artifact'));

/** A `DefaultArtifactClient` whose module is loaded on its first call. */
export function lazyArtifactClient(): ArtifactClient {
  let client: Promise<ArtifactClient> | undefined;
  const get = () => (client ??= loadArtifact().then((m) => new m.DefaultArtifactClient()));
  return {
    uploadArtifact: async (...a) => (await get()).uploadArtifact(...a),
    listArtifacts: async (...a) => (await get()).listArtifacts(...a),
    getArtifact: async (...a) => (await get()).getArtifact(...a),
    downloadArtifact: async (...a) => (await get()).downloadArtifact(...a),
    deleteArtifact: async (...a) => (await get()).deleteArtifact(...a),
  };
}

export type UploadResult =
  | { uploaded: true; name: string; id?: number; size?: number; digest?: string }
  | { uploaded: false; reason: string; dir: string };

export interface UploadInput {
  files: string[];
  name: string;
  /** 1–90; 0 or absent: the repository's default. */
  retentionDays?: number;
  /** The directory the files' paths in the artifact are relative to; the first file's directory by default. */
  rootDirectory?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** The artifact client; `DefaultArtifactClient` (loaded on first use) by default. */
  client?: Pick<ArtifactClient, 'uploadArtifact'>;
  audit?: AuditLog;
}

export async function uploadReport(input: UploadInput): Promise<UploadResult> {
  const env = input.env ?? process.env;
  const dir = input.rootDirectory ?? dirname(input.files[0] ?? '.');
  const missing = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter((k) => !env[k]);
  if (missing.length > 0) {
    const reason = `the artifact service is not available (${missing.join(' and ')} not set: not running in a GitHub Actions job)`;
    input.audit?.skipped('artifact', 'upload', input.name, reason);
    return { uploaded: false, reason, dir };
  }
  const client = input.client ?? lazyArtifactClient();
  try {
    const options = input.retentionDays ? { retentionDays: input.retentionDays } : {};
    const res = await (input.audit
      ? input.audit.around(
          'artifact',
          'upload',
          input.name,
          () => client.uploadArtifact(input.name, input.files, dir, options),
          (r) => `id ${r.id ?? '?'}, ${r.size ?? '?'} bytes`,
        )
      : client.uploadArtifact(input.name, input.files, dir, options));
    return {
      uploaded: true,
      name: input.name,
      ...(res.id !== undefined ? { id: res.id } : {}),
      ...(res.size !== undefined ? { size: res.size } : {}),
      ...(res.digest !== undefined ? { digest: res.digest } : {}),
    };
  } catch (e) {
    return {
      uploaded: false,
      reason: `the upload failed: ${e instanceof Error ? e.message : String(e)}`,
      dir,
    };
  }
}
