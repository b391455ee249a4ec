/**
 * Estimated cost of the model calls: USD per million tokens, per model, from Anthropic's published prices
 * (platform.claude.com, models overview and pricing pages). A dated snapshot id (`claude-haiku-4-5-20251001`)
 * is priced as its alias. `llm-prices` overrides or extends the table; an unknown model has no cost estimate.
 */
import { z } from 'zod';

export interface Price {
  /** USD per million input tokens. */
  input: number;
  /** USD per million output tokens. */
  output: number;
}
export type PriceTable = Record<string, Price>;

export const DEFAULT_PRICES: PriceTable = {
  'claude-fable-5-1': { input: 10, output: 50 },
  'claude-opus-5-5': { input: 4, output: 20 },
  'claude-opus-5': { input: 5, output: 25 },
  'claude-sonnet-5-5': { input: 2, output: 10 },
  'claude-sonnet-5': { input: 2, output: 10 },
  'claude-opus-4-8': { input: 5, output: 25 },
  'claude-opus-4-7': { input: 5, output: 25 },
  'claude-opus-4-6': { input: 5, output: 25 },
  'claude-opus-4-5': { input: 5, output: 25 },
  'claude-sonnet-4-6': { input: 3, output: 15 },
  'claude-sonnet-4-5': { input: 3, output: 15 },
  'claude-haiku-4-5': { input: 1, output: 5 },
};

const PriceSchema = z.object({ input: z.number().min(0), output: z.number().min(0) }).strict();
export const PriceTableSchema = z.record(z.string().min(1), PriceSchema);

/** `llm-prices`: `{"model": {"input": USD/MTok, "output": USD/MTok}, …}`. Throws with a readable message. */
export function parsePrices(json: string): PriceTable {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new Error(`not JSON: ${(e as Error).message}`, { cause: e });
  }
  const r = PriceTableSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(
      `${i?.path.join('.') || '(top)'}: ${i?.message ?? 'invalid'}; expected {"model-id": {"input": 2, "output": 10}} in USD per million tokens`,
    );
  }
  return r.data;
}

/** The price of `model`: exact id first, then the longest table key the id starts with (snapshots). */
export function priceOf(model: string, table: PriceTable = DEFAULT_PRICES): Price | undefined {
  if (table[model]) return table[model];
  let best: string | undefined;
  for (const key of Object.keys(table))
    if (model.startsWith(key + '-') && (best === undefined || key.length > best.length)) best = key;
  return best === undefined ? undefined : table[best];
}

/** USD for the tokens used, rounded to a millionth of a dollar; undefined without a price. */
export function costOf(
  usage: { inputTokens: number; outputTokens: number },
  price: Price | undefined,
): number | undefined {
  if (!price) return undefined;
  const usd = (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000;
  return Math.round(usd * 1_000_000) / 1_000_000;
}
