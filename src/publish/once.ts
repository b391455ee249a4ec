/**
 * A create made once over a network that loses answers. A create whose answer is lost — a 5xx, a timeout, a
 * connection dropped mid-way — may well have gone through (a "ghost write"): retrying it blindly leaves two
 * tickets, issues or messages. So, after such an answer, the sink looks for what the create would have made (by
 * the marker, label or metadata the item carries) and takes it when it is there; only when it is not does it
 * send the create again. A refusal (a 4xx: nothing was made) is final; a rate limit is waited out, as asked,
 * within a bound. Every request is audited on its own (`intent`, then `ok` or `error` with what the service
 * answered), so the audit holds one entry per request actually sent.
 *
 * The clients the requests go through must not retry on their own (a retry inside an SDK is a write the audit
 * does not see, and one sent without looking first).
 */
import type { AuditLog } from './audit.js';

/**
 * What a failed write means: `refused` — the service answered and made nothing (4xx); `not-sent` — nothing
 * reached it (connection refused, a rate limit that turned the request away); `unknown` — it may have been made.
 */
export type Fate = 'refused' | 'not-sent' | 'unknown';

export interface WriteFailure {
  fate: Fate;
  /** For people and the audit: `HTTP 502 Bad Gateway`, `timed out after 15 s`, `connection reset (ECONNRESET)`. */
  text: string;
  /** Rate limited: what the service asked to wait, in ms. */
  retryAfterMs?: number;
}

export interface OnceOptions<T> {
  sink: string;
  action: string;
  target: string;
  /** One request. */
  send: () => Promise<T>;
  /** The audit detail of an answer: `HTTP 201, issue #12`. */
  describe: (result: T) => string;
  failure: (e: unknown) => WriteFailure;
  /** What the create made, if it was made: found by its marker (this run's), or undefined. */
  look: () => Promise<T | undefined>;
  /** Requests at most (default 2: one retry). */
  attempts?: number;
  /** The longest rate-limit wait honoured, in ms (default 60 s); a longer one gives up. */
  maxWaitMs?: number;
  /** The pause before a retry after an answer that was not a rate limit, in ms (default 1 s). */
  retryDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  debug?: (message: string) => void;
}

export interface Once<T> {
  value: T;
  /** The answer was lost, and the item was found by its marker instead. */
  found: boolean;
  /** The attempts that failed on the way, in order (empty when the first answer came back fine). */
  failures: WriteFailure[];
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Sends the create at most `attempts` times, looking for its effect after every answer that leaves it
 * unknown. Throws the last error when nothing was made (or the look itself failed: then a retry could
 * duplicate, and the next run finds the item instead).
 */
export async function createOnce<T>(audit: AuditLog, o: OnceOptions<T>): Promise<Once<T>> {
  const attempts = o.attempts ?? 2;
  const sleep = o.sleep ?? pause;
  const failures: WriteFailure[] = [];
  for (let attempt = 1; ; attempt++) {
    let failure: WriteFailure | undefined;
    try {
      const value = await audit.around(o.sink, o.action, o.target, o.send, o.describe, (e) => {
        failure = o.failure(e);
        return failure.text;
      });
      return { value, found: false, failures };
    } catch (e) {
      const f = failure ?? o.failure(e);
      failures.push(f);
      if (f.fate === 'refused') throw e;
      if (f.fate === 'unknown') {
        let found: T | undefined;
        try {
          found = await o.look();
        } catch (lookError) {
          o.debug?.(
            `${o.sink}: ${o.action} ${o.target} answered ${f.text}, and looking for what it made failed too (${lookError instanceof Error ? lookError.message : String(lookError)}): not retried.`,
          );
          throw e;
        }
        if (found !== undefined) {
          o.debug?.(`${o.sink}: ${o.action} ${o.target} answered ${f.text}, but it went through: found it.`);
          return { value: found, found: true, failures };
        }
      }
      if (attempt >= attempts) throw e;
      const wait = f.retryAfterMs ?? o.retryDelayMs ?? 1000;
      if (wait > (o.maxWaitMs ?? 60_000)) throw e;
      o.debug?.(
        `${o.sink}: ${o.action} ${o.target} answered ${f.text}: trying again in ${Math.round(wait)} ms.`,
      );
      await sleep(wait);
    }
  }
}

/** `timed out after 15 s`, as every sink says it. */
export function timedOut(ms: number): string {
  return `timed out after ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`}`;
}

/**
 * The failures of a create for the outcome's message: `the create got HTTP 502, but it had gone through: found
 * issue #8 by its label, not sent again`; undefined when the first answer came back fine.
 */
export function lostAnswers(
  once: Pick<Once<unknown>, 'found' | 'failures'>,
  how: string,
): string | undefined {
  if (once.failures.length === 0) return undefined;
  const said = once.failures.map((f) => f.text).join(', then ');
  return once.found
    ? `the create got ${said}, but it had gone through: found ${how}, not sent again`
    : `sent again after ${said}`;
}
