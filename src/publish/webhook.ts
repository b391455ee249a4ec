/**
 * The generic webhook: the JSON report (redacted) POSTed once per run attempt that has failures, signed with
 * HMAC-SHA256 of the exact body in `X-CI-Triage-Signature-256: sha256=<hex>` (as GitHub signs its own
 * webhooks). `X-CI-Triage-Idempotency-Key` is the same for every attempt of a run with the same failures, so a
 * receiver can drop a repeat; `X-CI-Triage-Delivery` names the delivery, and a delivery sent again (after a
 * 5xx, a timeout or a dropped connection, once) carries the same one — the receiver may have taken the first.
 * Each request is audited on its own, with what the receiver answered.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { WebhookSettings } from '../config/settings.js';
import { VERSION } from '../version.js';
import { redactDeep } from './redact.js';
import { deepestMessage, isTimeout, networkCode } from './github-writes.js';
import { timedOut } from './once.js';
import type { Sink, SinkContext, SinkOutcome } from './sink.js';

export const SIGNATURE_HEADER = 'x-ci-triage-signature-256';

export function signature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export function createWebhookSink(settings: WebhookSettings, fetchImpl: typeof fetch = fetch): Sink {
  return {
    name: 'webhook',
    plannedFailures: () => [],
    publish: (ctx) => publish(settings, fetchImpl, ctx),
  };
}

/** Where it goes, for people: the origin only (the path of a webhook URL is often its secret). */
function shown(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the webhook URL';
  }
}

async function publish(
  settings: WebhookSettings,
  fetchImpl: typeof fetch,
  ctx: SinkContext,
): Promise<SinkOutcome> {
  const { report } = ctx;
  if (report.counts.failed === 0)
    return { sink: 'webhook', status: 'skipped', items: [], message: 'no failed job' };
  const target = shown(settings.url);
  const fingerprints = [...new Set(ctx.groups.map((g) => g.fingerprint))].sort();
  const key = createHash('sha256')
    .update(`${report.run.owner}/${report.run.repo}/${report.run.id}:${fingerprints.join(',')}`)
    .digest('hex')
    .slice(0, 32);
  const secrets = [...ctx.secrets, settings.url, settings.secret].filter((s) => s !== '');
  const body = JSON.stringify(
    redactDeep({ event: 'ci-triage.failure', idempotencyKey: key, report }, secrets),
  );

  if (ctx.dryRun) {
    ctx.audit.skipped('webhook', 'post', target, 'dry-run');
    return {
      sink: 'webhook',
      status: 'dry-run',
      items: [{ action: 'would-deliver', target }],
      preview: `POST ${target} (${Buffer.byteLength(body)} bytes of JSON report${settings.secret ? ', signed' : ', unsigned'}), idempotency key ${key}`,
    };
  }

  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': `ci-triage/${VERSION}`,
    'x-ci-triage-event': 'failure',
    'x-ci-triage-delivery': randomUUID(),
    'x-ci-triage-idempotency-key': key,
  };
  if (settings.secret) headers[SIGNATURE_HEADER] = signature(body, settings.secret);

  const timeoutMs = settings.timeoutSeconds * 1000;
  const delivery = headers['x-ci-triage-delivery'] ?? '';
  const said: string[] = [];
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      await ctx.audit.around(
        'webhook',
        'post',
        target,
        async () => {
          const r = await fetchImpl(settings.url, {
            method: 'POST',
            headers,
            body,
            signal: AbortSignal.timeout(timeoutMs),
            redirect: 'error',
          });
          await r.body?.cancel().catch(() => undefined);
          if (!r.ok) throw Object.assign(new Error(`HTTP ${r.status} ${r.statusText}`), { status: r.status });
          return r;
        },
        (r) => `HTTP ${r.status}, delivery ${delivery}`,
        (e) => `${failureOf(e, timeoutMs).text}, delivery ${delivery}`,
      );
      const notes = [
        ...(said.length
          ? [
              `delivered on the second try, after the first ${said.join('')}; both carried delivery ${delivery} and idempotency key ${key}, so the receiver can drop a repeat`,
            ]
          : []),
        ...(settings.secret ? [] : ['delivered unsigned: set webhook-secret so the receiver can verify it']),
      ];
      return {
        sink: 'webhook',
        status: 'ok',
        items: [{ action: 'delivered', target }],
        ...(notes.length ? { message: notes.join('; ') } : {}),
      };
    } catch (e) {
      const f = failureOf(e, timeoutMs);
      said.push(f.told);
      // Sent again once (the same delivery) after a server error, a timeout or a network failure; a 4xx will
      // not change.
      if (!f.retry) break;
    }
  }
  const tries = said.length === 2 ? ` (twice, the same delivery ${delivery})` : '';
  const last = said.at(-1) ?? 'failed';
  return {
    sink: 'webhook',
    status: 'failed',
    items: [],
    message: `the webhook at ${target} ${last}${tries}`,
  };
}

/** A failed delivery, for people: what happened, and whether sending it again may help. */
function failureOf(e: unknown, timeoutMs: number): { text: string; told: string; retry: boolean } {
  const status = (e as { status?: number }).status;
  if (status !== undefined) {
    const fix =
      status === 401 || status === 403
        ? ': check webhook-secret and what the receiver expects'
        : status === 404
          ? ': check webhook-url'
          : '';
    return { text: `HTTP ${status}`, told: `answered ${status}${fix}`, retry: status >= 500 };
  }
  if (isTimeout(e)) {
    const t = timedOut(timeoutMs);
    return { text: t, told: `${t} (raise webhook-timeout-seconds if the receiver is slow)`, retry: true };
  }
  // No code: fetch refused to send it (a bad port, a bad URL); else the connection failed on the way.
  const code = networkCode(e);
  return code === undefined || /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)$/.test(code)
    ? {
        text: `unreachable (${code ?? deepestMessage(e)})`,
        told: `is unreachable (${code ?? deepestMessage(e)}): check webhook-url`,
        retry: code !== undefined,
      }
    : {
        text: `no answer (${code})`,
        told: `gave no answer (${code}) — the receiver may have taken it`,
        retry: true,
      };
}
