/**
 * The generic webhook: the JSON report (redacted) POSTed once per run attempt that has failures, signed with
 * HMAC-SHA256 of the exact body in `X-CI-Triage-Signature-256: sha256=<hex>` (as GitHub signs its own
 * webhooks). `X-CI-Triage-Idempotency-Key` is the same for every attempt of a run with the same failures, so a
 * receiver can drop a repeat; `X-CI-Triage-Delivery` is unique per delivery.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { WebhookSettings } from '../config/settings.js';
import { VERSION } from '../version.js';
import { redactDeep } from './redact.js';
import type { Sink, SinkContext, SinkOutcome } from './sink.js';

const TIMEOUT_MS = 15_000;

export const SIGNATURE_HEADER = 'x-ci-triage-signature-256';

export function signature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export function createWebhookSink(settings: WebhookSettings, fetchImpl: typeof fetch = fetch): Sink {
  return {
    name: 'webhook',
    plannedItems: (groups) => (groups.length > 0 ? 1 : 0),
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

  let lastError = '';
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
            signal: AbortSignal.timeout(TIMEOUT_MS),
            redirect: 'error',
          });
          await r.body?.cancel().catch(() => undefined);
          if (!r.ok) throw Object.assign(new Error(`HTTP ${r.status} ${r.statusText}`), { status: r.status });
          return r;
        },
        (r) => `HTTP ${r.status}`,
      );
      return {
        sink: 'webhook',
        status: 'ok',
        items: [{ action: 'delivered', target }],
        ...(settings.secret
          ? {}
          : { message: 'delivered unsigned: set webhook-secret so the receiver can verify it' }),
      };
    } catch (e) {
      const status = (e as { status?: number }).status;
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      lastError =
        status !== undefined
          ? `the webhook at ${target} answered ${status}${status === 401 || status === 403 ? ': check webhook-secret and what the receiver expects' : status === 404 ? ': check webhook-url' : ''}`
          : `the webhook at ${target} is unreachable: ${cause ?? (e as Error).message}`;
      // Retry once on a server error or a network failure; a 4xx will not change.
      if (status !== undefined && status < 500) break;
    }
  }
  return { sink: 'webhook', status: 'failed', items: [], message: lastError };
}
