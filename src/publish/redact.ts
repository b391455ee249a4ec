/**
 * The one redaction function every string passes before it leaves the runner (summary, outputs, and later
 * comments, tickets, messages, LLM prompts): known secret values, then token shapes that look like secrets.
 */

const TOKEN_SHAPES: RegExp[] = [
  /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g, // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{22,}\b/g, // GitHub fine-grained tokens
  /\bsk-ant-[A-Za-z0-9_-]{20,}\b/g, // Anthropic API keys
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g, // Slack tokens
  /\bAKIA[0-9A-Z]{16}\b/g, // AWS access key ids
  /(\bBearer\s+)[A-Za-z0-9._~+/-]{20,}=*/gi, // Authorization headers
];

export const REDACTED = '***';

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    // Short values would blank out ordinary words; the runner does not mask those either.
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  for (const shape of TOKEN_SHAPES) {
    out = out.replace(
      shape,
      (match, prefix?: unknown) => (typeof prefix === 'string' ? prefix : '') + REDACTED,
    );
  }
  return out;
}

/** A copy of a JSON-like value with every string redacted (report.json, `ci-triage run --json`). */
export function redactDeep<T>(value: T, secrets: readonly string[] = []): T {
  if (typeof value === 'string') return redact(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v, secrets)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = redactDeep(v, secrets);
    return out as T;
  }
  return value;
}
