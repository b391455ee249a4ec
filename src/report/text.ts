/**
 * Making untrusted text safe to publish. Everything taken from a log, a job name, a pull-request title or a
 * commit message goes through `untrusted` (control characters stripped, secrets redacted) and then one of the
 * escapers below before it reaches Markdown: no raw HTML, no Markdown links or images, no @mentions.
 */
import { printable } from '../logs/clean.js';
import { redact } from '../publish/redact.js';

/** Control characters removed (tab and newline kept), then secrets and token shapes redacted. */
export function untrusted(s: string, secrets: readonly string[] = []): string {
  return redact(printable(s), secrets);
}

/** One line of untrusted text: newlines and tabs become spaces. */
export function oneLine(s: string, secrets: readonly string[] = []): string {
  return untrusted(s, secrets)
    .replace(/[\t\n]+/g, ' ')
    .trim();
}

export const escapeHtml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** A zero-width joiner after `@` so `@user`, `@org/team` and `@everyone` stay text and ping nobody. */
export const neutralizeMentions = (s: string): string => s.replace(/@(?=[\w-])/g, '@\u200d');

// HTML specials, and Markdown punctuation that could start a link, an image, emphasis, a code span, a table
// cell or an escape: all written as numeric character references in one pass.
const MD_SPECIAL = /[&<>"'[\]()!*_`|~\\#]/g;

/**
 * Untrusted text for a Markdown context (a paragraph, a table cell, a `<summary>`): HTML-escaped, Markdown
 * punctuation written as character references (so `![x](url)` shows as text), mentions neutralised.
 * The input must already have been through `untrusted`/`oneLine`.
 */
export function mdText(s: string): string {
  return neutralizeMentions(s.replace(MD_SPECIAL, (c) => `&#${c.charCodeAt(0)};`));
}

/**
 * Untrusted text inside `<code>` or `<pre>`: HTML-escaped, and mentions neutralised there too — GitHub does
 * not link mentions in code, but the same text may be reused where it would (a comment, a ticket).
 */
export const codeText = (s: string): string => neutralizeMentions(escapeHtml(s));

/** Inline code of untrusted text, safe in a table cell. */
export const mdCode = (s: string): string => `<code>${codeText(s).replace(/\|/g, '&#124;')}</code>`;

/** An http(s) URL safe inside `[text](url)`, or undefined. */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined || !/^https?:\/\/[^\s<>"']+$/i.test(url)) return undefined;
  return url.replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
}

/** `[text](url)` when the URL is safe, else the text alone. `text` must already be escaped. */
export function mdLink(text: string, url: string | undefined): string {
  const u = safeUrl(url);
  return u === undefined ? text : `[${text}](${u})`;
}

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** At most `max` UTF-16 units, never splitting a surrogate pair, with `…` when cut. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - 1);
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end) + '…';
}

/** The longest prefix of `s` that fits in `maxBytes` UTF-8 bytes, cut on a character boundary. */
export function cutBytes(s: string, maxBytes: number): string {
  if (utf8Bytes(s) <= maxBytes) return s;
  const buf = Buffer.from(s, 'utf8').subarray(0, Math.max(0, maxBytes));
  // Drop a partial trailing character: back up over continuation bytes to a lead byte and test its length.
  let end = buf.length;
  let i = end - 1;
  while (i >= 0 && (buf[i]! & 0xc0) === 0x80) i--;
  if (i >= 0) {
    const lead = buf[i]!;
    const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    if (end - i < need) end = i;
  }
  return buf.subarray(0, end).toString('utf8');
}
