/**
 * The job summary's "Published" section: what each sink did (or would do, in dry-run), what failed and why,
 * and whether the kill switch or the breaker stopped everything. Pure; every text from a sink is escaped.
 */
import type { PublishResult } from '../publish/sinks.js';
import { SINK_TITLES } from '../publish/sinks.js';
import type { PublishedItem, SinkOutcome } from '../publish/sink.js';
import { codeText, cut, mdLink, mdText, oneLine } from './text.js';

/** The section stays small: a summary holds 1 MiB in all. */
export const PUBLISHED_MAX_CHARS = 24_000;

const STATUS: Record<SinkOutcome['status'], string> = {
  ok: '✅ published',
  'dry-run': '🧪 would publish',
  skipped: '⏭️ skipped',
  failed: '⚠️ failed',
  partial: '⚠️ partly failed',
};

const ACTION: Record<PublishedItem['action'], string> = {
  created: 'created',
  updated: 'updated',
  commented: 'commented on',
  replied: 'replied in thread',
  delivered: 'delivered to',
  unchanged: 'already up to date:',
  deduplicated: 'created, then closed as a duplicate:',
  'would-create': 'would create',
  'would-update': 'would create or update',
  'would-comment': 'would comment on',
  'would-reply': 'would reply in thread',
  'would-deliver': 'would deliver to',
};

export function renderPublished(result: PublishResult, secrets: readonly string[] = []): string {
  if (result.outcomes.length === 0) return '';
  const t = (s: string, max = 300) => mdText(cut(oneLine(s, secrets), max));
  const out: string[] = ['### Published', ''];
  if (result.halted)
    out.push(
      `> **${result.halted.reason === 'disabled' ? 'Switched off' : 'Breaker'}:** ${t(result.halted.message, 600)}`,
      '',
    );
  else if (result.dryRun)
    out.push('> **Dry run:** nothing was sent. This is what each sink would publish.', '');
  if (result.readOnly) out.push(`> **No GitHub write:** ${t(result.readOnly, 600)}.`, '');
  out.push('| Sink | Result | Details |', '| --- | --- | --- |');
  for (const o of result.outcomes) {
    const items = o.items.slice(0, 20).map((i) => {
      const text = `${ACTION[i.action]} ${t(i.target, 120)}`;
      const linked = i.url ? mdLink(text, i.url) : text;
      return i.error ? `${linked} — ⚠️ ${t(i.error, 300)}` : linked;
    });
    if (o.items.length > 20) items.push(`… ${o.items.length - 20} more`);
    const details = [...items, ...(o.message ? [t(o.message, 600)] : [])].join('<br>') || '—';
    out.push(`| ${SINK_TITLES[o.sink]} | ${STATUS[o.status]} | ${details} |`);
  }
  const tableEnd = out.length;
  const previews = result.outcomes.filter((o) => o.preview);
  for (const o of previews) {
    out.push(
      '',
      `<details><summary>${SINK_TITLES[o.sink]}: what would be sent</summary>`,
      '',
      `<pre>${codeText(cut(oneLineKeepBreaks(o.preview ?? '', secrets), 6000))}</pre>`,
      '',
      '</details>',
    );
  }
  const text = out.join('\n') + '\n';
  return text.length <= PUBLISHED_MAX_CHARS ? text : out.slice(0, tableEnd).join('\n') + '\n';
}

/** Untrusted multi-line text: control characters stripped and secrets redacted, line breaks kept. */
function oneLineKeepBreaks(s: string, secrets: readonly string[]): string {
  return s
    .split('\n')
    .map((l) => oneLine(l, secrets))
    .join('\n');
}
