/**
 * A local fake of the Anthropic Messages API (`POST /v1/messages`) on 127.0.0.1, for the real SDK. Answers
 * have the API's shapes (the SDK's `Message` type: id, type "message", role, model, content blocks, stop_reason,
 * usage; errors `{type: "error", error: {type, message}}` with their status and headers, `request-id`), and the
 * API's rules the action depends on: the key checked (`x-api-key`, or `Authorization: Bearer` as SDK 1.x sends it; else 401 authentication_error), `anthropic-version`
 * required, and a forced `tool_choice` refused (400 invalid_request_error) by the models that refuse it.
 * Each test scripts the answers in order (`script`), then `fallback`; every request is recorded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedAnthropicRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** The parsed JSON body. */
  body: {
    model?: string;
    system?: string;
    max_tokens?: number;
    messages?: Array<{ role: string; content: unknown }>;
    tools?: Array<{ name: string; input_schema: unknown }>;
    tool_choice?: { type: string; name?: string };
    thinking?: { type: string };
  };
  raw: string;
  at: number;
}

export type FakeAnswer =
  /** A tool call with this input (the normal answer). */
  | {
      tool: unknown;
      usage?: { input_tokens: number; output_tokens: number };
      delayMs?: number;
      name?: string;
    }
  /** A text answer without a tool call. */
  | { text: string; delayMs?: number }
  /** An API error. */
  | {
      status: number;
      type:
        | 'rate_limit_error'
        | 'overloaded_error'
        | 'api_error'
        | 'invalid_request_error'
        | 'authentication_error';
      message?: string;
      retryAfter?: string;
      delayMs?: number;
    };

export type Script = FakeAnswer | ((req: RecordedAnthropicRequest) => FakeAnswer);

export interface FakeAnthropic {
  baseUrl: string;
  requests: RecordedAnthropicRequest[];
  script: Script[];
  fallback?: Script;
  apiKey: string;
  close(): Promise<void>;
}

const NO_FORCED_TOOL = /^claude-(?:(?:sonnet|opus|haiku)-5-5|fable-5)/;
let seq = 0;

export async function startFakeAnthropic(
  apiKey = 'sk-ant-api03-fakeKeyForTests0123456789abcdefABCDEF',
): Promise<FakeAnthropic> {
  const fake: FakeAnthropic = {
    baseUrl: '',
    requests: [],
    script: [],
    apiKey,
    close: () => Promise.resolve(),
  };
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.destroyed) return;
    res.writeHead(status, {
      'content-type': 'application/json',
      'request-id': `req_fake${++seq}`,
      ...headers,
    });
    res.end(JSON.stringify(body));
  };
  const error = (
    res: ServerResponse,
    status: number,
    type: string,
    message: string,
    headers?: Record<string, string>,
  ) => send(res, status, { type: 'error', error: { type, message }, request_id: `req_fake${seq}` }, headers);

  async function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
    let body: RecordedAnthropicRequest['body'] = {};
    try {
      body = JSON.parse(raw) as RecordedAnthropicRequest['body'];
    } catch {
      /* recorded as is */
    }
    const rec: RecordedAnthropicRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body,
      raw,
      at: Date.now(),
    };
    fake.requests.push(rec);
    if (req.method !== 'POST' || !req.url?.startsWith('/v1/messages'))
      return error(res, 404, 'not_found_error', `Not found: ${req.method} ${req.url}`);
    // The key as `x-api-key` (SDK 0.x, curl examples) or `Authorization: Bearer` (SDK 1.x sends it so).
    if (req.headers['x-api-key'] !== fake.apiKey && req.headers.authorization !== `Bearer ${fake.apiKey}`)
      return error(res, 401, 'authentication_error', 'invalid x-api-key');
    if (!req.headers['anthropic-version'])
      return error(res, 400, 'invalid_request_error', 'anthropic-version: header is required');
    if (!body.model || !body.max_tokens || !Array.isArray(body.messages))
      return error(res, 400, 'invalid_request_error', 'model, max_tokens and messages are required');
    if (
      NO_FORCED_TOOL.test(body.model) &&
      (body.tool_choice?.type === 'tool' || body.tool_choice?.type === 'any')
    )
      return error(
        res,
        400,
        'invalid_request_error',
        `Forced tool use is not supported with ${body.model}; use tool_choice auto.`,
      );

    const next = fake.script.shift() ?? fake.fallback;
    if (!next) return error(res, 500, 'api_error', 'the fake has no answer scripted');
    const a = typeof next === 'function' ? next(rec) : next;
    if (a.delayMs) await new Promise((r) => setTimeout(r, a.delayMs));
    if ('status' in a)
      return error(
        res,
        a.status,
        a.type,
        a.message ?? a.type,
        a.retryAfter !== undefined ? { 'retry-after': a.retryAfter } : {},
      );
    const content =
      'tool' in a
        ? [{ type: 'tool_use', id: `toolu_fake${seq}`, name: a.name ?? 'report_diagnosis', input: a.tool }]
        : [{ type: 'text', text: a.text }];
    send(res, 200, {
      id: `msg_fake${++seq}`,
      type: 'message',
      role: 'assistant',
      model: body.model,
      content,
      stop_reason: 'tool' in a ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      usage: ('tool' in a ? a.usage : undefined) ?? {
        input_tokens: Math.ceil(raw.length / 4),
        output_tokens: Math.ceil(JSON.stringify(content).length / 4),
      },
    });
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
  return fake;
}

/** The text of every user message of a request, joined. */
export function userText(r: RecordedAnthropicRequest): string {
  return (r.body.messages ?? [])
    .filter((m) => m.role === 'user')
    .map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)))
    .join('\n');
}
