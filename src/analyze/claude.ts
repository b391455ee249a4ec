/**
 * The Analyzer on Claude (Messages API, `@anthropic-ai/sdk`, loaded only when the model is first called so
 * that start-up without an LLM stays fast). One failure, one request; the answer is the input of the one tool
 * `report_diagnosis`, validated with zod and grounded (cited lines were sent, files were named). A bad answer
 * is retried once with what was wrong; then the deterministic result stands.
 *
 * Time: one deadline per failure (`llm-timeout-seconds`) covers every request, back-off and retry. The SDK's
 * own retries are off (`maxRetries: 0`) and its timeout is the time left, so the budget cannot be overrun by
 * hidden retries; 408/409/429/5xx/529 and connection errors are retried here, waiting `retry-after-ms` /
 * `retry-after` when the API sends one (else 0.5 s, 1 s, 2 s… up to 8 s), and given up when the wait would pass the deadline.
 *
 * Tool choice: models that accept it get `tool_choice: {type: "tool"}` (with thinking disabled where thinking
 * is on by default, which forced tool use requires); the 5.5 generation and Fable answer a forced choice with a
 * 400 (Anthropic's migration guides), so they get `auto`, low effort, and an answer without the tool call counts
 * as invalid.
 */
import type Anthropic from '@anthropic-ai/sdk';
import { printable } from '../logs/clean.js';
import { redact } from '../publish/redact.js';
import {
  type Analyzer,
  type AnalyzeInput,
  type AnalyzeResult,
  type Explanation,
  REFINE_CONFIDENCE,
  type Usage,
} from './analyzer.js';
import { costOf, DEFAULT_PRICES, type Price, type PriceTable, priceOf } from './prices.js';
import {
  type BuiltPrompt,
  buildPrompt,
  dataText,
  estimateTokens,
  PromptBudgetError,
  toolDefinition,
} from './prompt.js';
import { type Diagnosis, groundingProblems, parseDiagnosis, TOOL_NAME } from './schema.js';

/** Where the key goes unless the caller names another place. */
export const ANTHROPIC_API_URL = 'https://api.anthropic.com';

/** The default model: Claude Sonnet 5.5, Anthropic's current Sonnet ($2 / $10 per million tokens). */
export const DEFAULT_MODEL = 'claude-sonnet-5-5';

export interface ClaudeOptions {
  apiKey: string;
  /** The API's base URL; the Anthropic API when absent (never the SDK's reading of ANTHROPIC_BASE_URL). */
  baseURL?: string;
  model: string;
  maxInputTokens: number;
  timeoutMs: number;
  prices?: PriceTable;
  /** Values to redact on top of the token shapes (the API key is always one). */
  secrets?: readonly string[];
  debug?: (message: string) => void;
  /** For tests: the clock and the wait. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Models that answer a forced tool choice with a 400. */
const NO_FORCED_TOOL = /^claude-(?:(?:sonnet|opus|haiku)-5-5|fable-5)/;
/** Models that think by default (adaptive thinking), which forced tool use does not allow. */
const THINKS_BY_DEFAULT = /^claude-(?:opus-4-[6-9]|opus-5|sonnet-4-6|sonnet-5|mythos)/;
/** Cap on the answer: the tool input is a few hundred tokens; thinking, where it cannot be off, takes more. */
const MAX_OUTPUT_TOKENS = 2048;
const MAX_OUTPUT_TOKENS_THINKING = 8192;

type Sdk = typeof import('@anthropic-ai/sdk');
let sdk: Promise<Sdk> | undefined;
const loadSdk = (): Promise<Sdk> => (sdk ??= import('@anthropic-ai/sdk'));

/** The request fields that depend on the model. */
export function requestShape(
  model: string,
): Pick<
  Anthropic.MessageCreateParamsNonStreaming,
  'tool_choice' | 'thinking' | 'output_config' | 'max_tokens'
> {
  if (NO_FORCED_TOOL.test(model))
    return {
      tool_choice: { type: 'auto' },
      output_config: { effort: 'low' },
      ...(/^claude-sonnet-5-5/.test(model) ? { thinking: { type: 'between_tools' } } : {}),
      max_tokens: MAX_OUTPUT_TOKENS_THINKING,
    };
  return {
    tool_choice: { type: 'tool', name: TOOL_NAME },
    ...(THINKS_BY_DEFAULT.test(model) ? { thinking: { type: 'disabled' } } : {}),
    max_tokens: MAX_OUTPUT_TOKENS,
  };
}

class Timeout extends Error {}

export function createClaudeAnalyzer(o: ClaudeOptions): Analyzer {
  const secrets = [o.apiKey, ...(o.secrets ?? [])];
  const now = o.now ?? (() => Date.now());
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const debug = o.debug ?? (() => undefined);
  const price = priceOf(o.model, { ...DEFAULT_PRICES, ...o.prices });
  let client: Anthropic | undefined;

  const getClient = async (): Promise<{ client: Anthropic; sdk: Sdk }> => {
    const mod = await loadSdk();
    client ??= new mod.Anthropic({
      apiKey: o.apiKey,
      // Always given, so that the SDK does not take ANTHROPIC_BASE_URL from the environment.
      baseURL: o.baseURL ?? ANTHROPIC_API_URL,
      maxRetries: 0,
      timeout: o.timeoutMs,
    });
    return { client, sdk: mod };
  };

  /** One request, retried on overload and rate limits until the deadline. */
  const send = async (
    body: Anthropic.MessageCreateParamsNonStreaming,
    deadline: number,
  ): Promise<Anthropic.Message> => {
    const { client, sdk } = await getClient();
    for (let attempt = 0; ; attempt++) {
      const left = deadline - now();
      if (left <= 0) throw new Timeout(`no answer within ${Math.round(o.timeoutMs / 1000)} s`);
      try {
        return await client.messages.create(body, { timeout: left, maxRetries: 0 });
      } catch (e) {
        if (e instanceof sdk.APIConnectionTimeoutError)
          throw new Timeout(`no answer within ${Math.round(o.timeoutMs / 1000)} s`);
        const api = e instanceof sdk.APIError ? (e as { status?: number; headers?: Headers }) : undefined;
        const status = api?.status;
        const retryable =
          e instanceof sdk.APIConnectionError ||
          (status !== undefined && (status === 408 || status === 409 || status === 429 || status >= 500));
        if (!retryable) throw e;
        const wait = retryAfterMs(api?.headers) ?? Math.min(500 * 2 ** attempt, 8000);
        if (now() + wait >= deadline)
          throw new Timeout(
            `${describe(e)}; retrying after ${Math.round(wait / 100) / 10} s would pass the ${Math.round(o.timeoutMs / 1000)} s limit`,
          );
        debug(`Claude: ${describe(e)}; retrying in ${wait} ms`);
        await sleep(wait);
      }
    }
  };

  return {
    model: o.model,
    async analyze(input: AnalyzeInput): Promise<AnalyzeResult> {
      const deadline = now() + o.timeoutMs;
      const usage: Usage = { inputTokens: 0, outputTokens: 0, calls: 0 };
      const fail = (reason: string): AnalyzeResult => {
        const costUsd = costOf(usage, price);
        return { ok: false, reason, usage, model: o.model, ...(costUsd !== undefined ? { costUsd } : {}) };
      };
      let prompt: BuiltPrompt;
      try {
        prompt = buildPrompt(input, { maxInputTokens: o.maxInputTokens, secrets });
      } catch (e) {
        if (e instanceof PromptBudgetError) return fail(`not sent: ${e.message}`);
        throw e;
      }
      let retryNote = '';
      let problems: string[] = [];
      for (let attempt = 1; attempt <= 2; attempt++) {
        const user = prompt.user + retryNote;
        let message: Anthropic.Message;
        try {
          message = await send(
            {
              model: o.model,
              system: prompt.system,
              messages: [{ role: 'user', content: user }],
              tools: [toolDefinition()],
              ...requestShape(o.model),
            },
            deadline,
          );
        } catch (e) {
          const why = e instanceof Timeout ? e.message : describe(e);
          return fail(`Claude did not answer (${redact(why, secrets)})`);
        }
        usage.calls++;
        usage.inputTokens += message.usage?.input_tokens ?? 0;
        usage.outputTokens += message.usage?.output_tokens ?? 0;
        debug(
          `Claude ${o.model}: answer ${attempt}, stop ${message.stop_reason}, ${message.usage?.input_tokens} in / ${message.usage?.output_tokens} out`,
        );

        const call = message.content.find(
          (b): b is Anthropic.ToolUseBlock => b.type === 'tool_use' && b.name === TOOL_NAME,
        );
        let diagnosis: Diagnosis | undefined;
        if (!call) {
          problems = [
            message.stop_reason === 'max_tokens'
              ? 'the answer was cut off before the report_diagnosis call (max_tokens)'
              : 'the answer did not call report_diagnosis',
          ];
        } else {
          const parsed = parseDiagnosis(call.input);
          if (parsed.ok) {
            problems = groundingProblems(parsed.value, {
              lines: prompt.lines,
              text: prompt.groundsText,
              changedFiles: prompt.changedFiles,
            });
            if (problems.length === 0) diagnosis = parsed.value;
          } else problems = parsed.problems;
        }
        if (diagnosis)
          return {
            ok: true,
            explanation: explanationOf(o.model, secrets, price, input, diagnosis, prompt, usage),
          };
        debug(`Claude ${o.model}: answer ${attempt} rejected: ${problems.join('; ')}`);
        if (attempt === 2) break;

        // The second try: the same material (cut to leave room for the note) and what was wrong.
        const note = problems.map((p) => `- ${dataText(p, secrets)}`).join('\n');
        retryNote =
          '\n\n<previous_answer_rejected>\n' +
          note +
          `\n</previous_answer_rejected>\nCall ${TOOL_NAME} again with an answer that fixes these problems.`;
        try {
          prompt = buildPrompt(input, {
            maxInputTokens: o.maxInputTokens,
            secrets,
            reserveTokens: estimateTokens(retryNote.length) + 10,
          });
        } catch (e) {
          if (e instanceof PromptBudgetError)
            return fail(
              `the answer failed validation (${problems.join('; ')}) and a second try does not fit the budget`,
            );
          throw e;
        }
      }
      return fail(`the answer failed validation twice (${redact(problems.join('; '), secrets)})`);
    },
  };
}

/** The stored explanation: model text redacted (it is published), the type adopted only at low confidence. */
function explanationOf(
  model: string,
  secrets: readonly string[],
  price: Price | undefined,
  input: AnalyzeInput,
  d: Diagnosis,
  prompt: BuiltPrompt,
  usage: Usage,
): Explanation {
  const clean = (s: string) => redact(printable(s), secrets);
  const refine =
    input.finding.confidence < REFINE_CONFIDENCE &&
    d.failure_type !== undefined &&
    d.failure_type !== 'unknown' &&
    d.failure_type !== input.finding.failureType;
  const costUsd = costOf(usage, price);
  return {
    provider: 'anthropic',
    model,
    promptVersion: prompt.version,
    cause: clean(d.cause),
    fix: clean(d.fix),
    citedLines: [...new Set(d.cited_lines)].sort((a, b) => a - b),
    affectedFiles: [...new Set(d.affected_files.map(clean))],
    confidence: d.confidence,
    ticketTitle: clean(d.ticket_title),
    description: clean(d.description),
    ...(refine ? { failureType: d.failure_type } : {}),
    typeRefinedByModel: refine,
    usage: { ...usage },
    ...(costUsd !== undefined ? { costUsd } : {}),
    promptTokensEstimate: prompt.tokens,
    truncated: prompt.truncated,
  };
}

/** `retry-after-ms`, else `retry-after` (seconds or an HTTP date), in ms. */
export function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const v = headers?.get('retry-after');
  if (v == null) return undefined;
  const s = Number(v);
  if (Number.isFinite(s) && s >= 0) return s * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function describe(e: unknown): string {
  const err = e as { status?: number; message?: string; error?: { error?: { type?: string } } };
  const type = err.error?.error?.type;
  return err.status !== undefined
    ? `HTTP ${err.status}${type ? ` ${type}` : ''}`
    : (err.message ?? String(e)).slice(0, 200);
}
