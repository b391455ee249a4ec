/**
 * The audit log: one JSON record per line for every outbound action, written BEFORE the action (`intent`)
 * and after it (`ok`, `error`), or once as `skipped` (dry-run, kill switch, cap, no service). Uploaded with
 * the report. Targets and details are redacted and cut; nothing from a log goes in unredacted.
 *
 * A sink's write is one HTTP request per `around`: the clients that writes go through do not retry on their
 * own, so a retry is an `intent` and a result of its own, and the result says what the service answered.
 */
import { appendFileSync } from 'node:fs';
import { cut, oneLine } from '../report/text.js';

export type AuditStatus = 'intent' | 'ok' | 'error' | 'skipped';

export interface AuditRecord {
  /** ISO 8601. */
  time: string;
  /** The sink: `summary`, `annotations`, `outputs`, `artifact`, `pr-comment`, `jira`, `slack`, `rerun`, … */
  sink: string;
  /** What it does: `write`, `upload`, `create`, `update`, … */
  action: string;
  /** What it acts on: a file, an artifact name, a PR number, an issue key, a channel. */
  target: string;
  status: AuditStatus;
  detail?: string;
}

export interface AuditOptions {
  secrets?: readonly string[];
  clock?: () => Date;
  /** Appends each record's line as it is made (e.g. to a file), so an intent is on disk before the action. */
  write?: (line: string) => void;
}

const DETAIL_CHARS = 2000;

export class AuditLog {
  private readonly list: AuditRecord[] = [];
  private readonly secrets: readonly string[];
  private readonly clock: () => Date;
  private readonly write?: (line: string) => void;

  constructor(options: AuditOptions = {}) {
    this.secrets = options.secrets ?? [];
    this.clock = options.clock ?? (() => new Date());
    if (options.write) this.write = options.write;
  }

  /** An audit log that also appends every record to `path` as it is made. */
  static toFile(path: string, options: Omit<AuditOptions, 'write'> = {}): AuditLog {
    return new AuditLog({ ...options, write: (line) => appendFileSync(path, line) });
  }

  record(sink: string, action: string, target: string, status: AuditStatus, detail?: string): AuditRecord {
    const r: AuditRecord = {
      time: this.clock().toISOString(),
      sink,
      action,
      target: cut(oneLine(target, this.secrets), 500),
      status,
      ...(detail !== undefined ? { detail: cut(oneLine(detail, this.secrets), DETAIL_CHARS) } : {}),
    };
    this.list.push(r);
    this.write?.(JSON.stringify(r) + '\n');
    return r;
  }

  /**
   * `intent`, then the action, then `ok` (with `describe(result)`) or `error` (with `describeError(e)`, else
   * the error's message; the error is rethrown).
   */
  async around<T>(
    sink: string,
    action: string,
    target: string,
    fn: () => Promise<T>,
    describe?: (result: T) => string | undefined,
    describeError?: (e: unknown) => string,
  ): Promise<T> {
    this.record(sink, action, target, 'intent');
    try {
      const result = await fn();
      this.record(sink, action, target, 'ok', describe?.(result));
      return result;
    } catch (e) {
      this.record(
        sink,
        action,
        target,
        'error',
        describeError ? describeError(e) : e instanceof Error ? e.message : String(e),
      );
      throw e;
    }
  }

  skipped(sink: string, action: string, target: string, why: string): AuditRecord {
    return this.record(sink, action, target, 'skipped', why);
  }

  get records(): readonly AuditRecord[] {
    return this.list;
  }

  toJsonl(): string {
    return this.list.map((r) => JSON.stringify(r) + '\n').join('');
  }
}
