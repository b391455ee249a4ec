/**
 * A local fake of the Slack Web API and of incoming webhooks, for what the Slack sink calls, answering as Slack
 * does (https://docs.slack.dev/reference/methods):
 *
 * - Web API methods are `POST /api/{method}`, with an `application/x-www-form-urlencoded` body (what
 *   @slack/web-api sends: objects such as `blocks` and `metadata` as JSON strings) or a JSON one; the token as
 *   `Authorization: Bearer …` (or a `token` field). Every answer of a method is HTTP 200 with `{"ok":true,…}` or
 *   `{"ok":false,"error":"…"}` (`missing_scope` with `needed` and `provided`); `X-OAuth-Scopes` and
 *   `X-Accepted-OAuth-Scopes` headers as Slack sends them. A rate limit is HTTP 429 with `Retry-After` and
 *   `{"ok":false,"error":"ratelimited"}`.
 * - Methods: chat.postMessage (a thread reply with `reply_broadcast` is also in the channel: listed by
 *   conversations.history with the subtype `thread_broadcast`), chat.update, chat.getPermalink,
 *   conversations.history, conversations.replies, conversations.list, users.lookupByEmail, auth.test.
 * - Incoming webhooks are `POST /services/T…/B…/X…` with a JSON body, answering `ok` (text/html), or the error
 *   string with its HTTP status: 400 invalid_payload / no_text / invalid_blocks, 403 action_prohibited,
 *   404 no_service (an unknown or disabled webhook), 410 channel_is_archived, 429 rate_limited.
 * - Block Kit limits are enforced as Slack enforces them (`invalid_blocks` with the `errors` list and json
 *   pointers): ≤ 50 blocks, header text ≤ 150, section text ≤ 3000, ≤ 10 fields of ≤ 2000, context ≤ 10
 *   elements, actions ≤ 25 elements, button text ≤ 75, url ≤ 3000, action_id and block_id ≤ 255 and unique.
 *
 * State: channels (id, name, whether the app is a member), messages (ts, thread_ts, text, blocks, metadata,
 * user/bot_id), users (id, email), tokens with their scopes, incoming webhooks, and switches: rate-limit the next
 * N calls of a method, make the next N calls of a method answer an error. Per request (`fault`): a call carried
 * out and then answered HTTP 5xx or with the connection dropped (a ghost write: the message is posted, the
 * answer lost), answered so without being carried out, or answered late; `barrier`: calls of a method held
 * until N have arrived (two runs that decide before either posts). Messages by other apps or users carrying our
 * metadata are `addMessage` with another `bot_id`/`user`. chat.delete deletes only the token's bot's messages
 * (`cant_delete_message` otherwise). Every request is recorded (method, path, headers, raw and parsed body).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeChannel {
  id: string;
  name: string;
  /** Whether the app (the bot user) is a member. */
  isMember: boolean;
  isPrivate: boolean;
  isArchived: boolean;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  /** Set on replies (and on a parent once it has replies: its own ts). */
  thread_ts?: string;
  /** A reply posted with `reply_broadcast`: shown in the channel too. */
  broadcast?: boolean;
  text: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  user?: string;
  bot_id?: string;
  app_id?: string;
  edited?: { user: string; ts: string };
}

export interface FakeUser {
  id: string;
  name: string;
  email: string;
  deleted?: boolean;
  isBot?: boolean;
}

export interface FakeToken {
  scopes: string[];
  /** The bot user the token acts as. */
  userId: string;
  botId: string;
  appId: string;
  revoked?: boolean;
}

export interface FakeWebhook {
  /** The channel ID it posts to. */
  channel: string;
  disabled?: boolean;
  /** The app it belongs to (its messages carry this bot_id). */
  botId: string;
}

export interface RecordedSlackRequest {
  /** The Web API method (`chat.postMessage`), or `webhook` for an incoming webhook. */
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The body as it arrived, undecoded: what injection and redaction tests read. */
  raw: string;
  /** The parameters, JSON-encoded fields (`blocks`, `metadata`) parsed. */
  body: Record<string, unknown>;
  /** ms since the epoch, sub-ms precision. */
  at: number;
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

export const TEAM_ID = 'T0CITRIAGE';
/** The workspace's URL, as auth.test gives it and permalinks start. */
export const WORKSPACE_URL = 'https://ci-triage-test.slack.com/';

export class FakeSlackState {
  channels: FakeChannel[] = [];
  messages: FakeMessage[] = [];
  users: FakeUser[] = [];
  tokens = new Map<string, FakeToken>();
  /** By path: `/services/T…/B…/X…`. */
  webhooks = new Map<string, FakeWebhook>();
  /** Method (or `webhook`) → rate-limit answers still to give, with their Retry-After in seconds. */
  rateLimit = new Map<string, { times: number; retryAfter?: number }>();
  /** Method (or `webhook`) → error answers still to give (`{"ok":false,"error":…}`; for webhooks, the status and text). */
  failNext = new Map<
    string,
    { times: number; error: string; status?: number; extra?: Record<string, unknown> }
  >();
  /** Per-request faults, by method (or `webhook`), the first matching one taken. */
  faults: Array<{
    method: string;
    kind: 'ghost' | 'fail' | 'slow';
    status?: number;
    drop?: boolean;
    delayMs?: number;
    times: number;
  }> = [];
  /** Calls of a method held until `parties` have arrived. */
  barriers: Array<{ method: string; parties: number; timeoutMs?: number; waiting: Array<() => void> }> = [];
  /** The clock message timestamps are taken from, in ms. */
  now: () => number = () => Date.now();

  /**
   * `ghost`: the call is carried out, then answered HTTP `status` (default 503) or, with `drop`, the connection
   * closed without an answer; `fail`: answered so without being carried out; `slow`: answered after `delayMs`.
   */
  fault(f: {
    method: string;
    kind: 'ghost' | 'fail' | 'slow';
    status?: number;
    drop?: boolean;
    delayMs?: number;
    times?: number;
  }): void {
    this.faults.push({ ...f, times: f.times ?? 1 });
  }

  barrier(b: { method: string; parties: number; timeoutMs?: number }): void {
    this.barriers.push({ ...b, waiting: [] });
  }
  private lastMicros = 0;
  private nextId = 100;

  id(prefix: string): string {
    return `${prefix}0${(++this.nextId).toString(36).toUpperCase().padStart(8, '0')}`;
  }

  addChannel(init: Partial<FakeChannel> & { name: string }): FakeChannel {
    const c: FakeChannel = { id: this.id('C'), isMember: true, isPrivate: false, isArchived: false, ...init };
    this.channels.push(c);
    return c;
  }

  /** A bot token with these scopes (default: what the sink asks for). */
  addToken(
    token: string,
    scopes = ['chat:write', 'channels:history', 'channels:read', 'users:read', 'users:read.email'],
    init: Partial<FakeToken> = {},
  ): FakeToken {
    const t: FakeToken = { scopes, userId: 'U0CIBOT01', botId: 'B0CIBOT01', appId: 'A0CIAPP01', ...init };
    this.tokens.set(token, t);
    return t;
  }

  addUser(init: Partial<FakeUser> & { email: string }): FakeUser {
    const u: FakeUser = { id: this.id('U'), name: init.email.split('@')[0] ?? 'user', ...init };
    this.users.push(u);
    return u;
  }

  /** An incoming webhook posting to `channel`; returns its path. */
  addWebhook(channel: string, init: Partial<FakeWebhook> = {}): string {
    const path = `/services/${TEAM_ID}/${this.id('B')}/${'x'.repeat(8)}${++this.nextId}`;
    this.webhooks.set(path, { channel, botId: 'B0CIHOOK1', ...init });
    return path;
  }

  /** A new message timestamp: seconds.micros from the clock, strictly increasing. */
  ts(atMs = this.now()): string {
    const micros = Math.max(Math.floor(atMs) * 1000, this.lastMicros + 1);
    this.lastMicros = micros;
    return tsOf(micros);
  }

  /** A message already in a channel (e.g. one an earlier run posted); `ts` defaults to now. */
  addMessage(init: Partial<FakeMessage> & { channel: string }): FakeMessage {
    const m: FakeMessage = {
      ts: this.ts(),
      text: '',
      bot_id: 'B0CIBOT01',
      user: 'U0CIBOT01',
      app_id: 'A0CIAPP01',
      ...init,
    };
    this.messages.push(m);
    return m;
  }

  channel(idOrName: string): FakeChannel | undefined {
    const name = idOrName.replace(/^#/, '');
    return this.channels.find((c) => c.id === idOrName) ?? this.channels.find((c) => c.name === name);
  }

  /** Messages of a channel, oldest first: top-level ones only (and replies broadcast to it), or with replies. */
  messagesIn(channel: string, withReplies = false): FakeMessage[] {
    return this.messages
      .filter(
        (m) =>
          m.channel === channel &&
          (withReplies || m.thread_ts === undefined || m.thread_ts === m.ts || m.broadcast === true),
      )
      .sort((a, b) => cmpTs(a.ts, b.ts));
  }

  repliesTo(channel: string, ts: string): FakeMessage[] {
    return this.messages
      .filter((m) => m.channel === channel && m.thread_ts === ts && m.ts !== ts)
      .sort((a, b) => cmpTs(a.ts, b.ts));
  }
}

const tsOf = (micros: number): string =>
  `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
const micros = (ts: string): number => {
  const [s = '0', us = '0'] = ts.split('.');
  return Number(s) * 1e6 + Number(us.padEnd(6, '0').slice(0, 6));
};
const cmpTs = (a: string, b: string): number => micros(a) - micros(b);

export interface FakeSlack {
  /** The Web API base URL, ending with `/api/` (the sink's `apiUrl`). */
  apiUrl: string;
  /** The URL of an incoming webhook: `path`, or the first one in the state. */
  webhookUrl(path?: string): string;
  state: FakeSlackState;
  requests: RecordedSlackRequest[];
  /** The requests to a method (`chat.postMessage`, `webhook`). */
  requestsTo(method: string): RecordedSlackRequest[];
  close(): Promise<void>;
}

export async function startFakeSlack(state = new FakeSlackState()): Promise<FakeSlack> {
  const requests: RecordedSlackRequest[] = [];
  let base = '';

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      if (!res.headersSent)
        send(res, { status: 500, body: { ok: false, error: 'internal_error', detail: String(e) } });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const raw = await readBody(req);
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
    const method = api ? (api[1] ?? '') : url.pathname.startsWith('/services/') ? 'webhook' : url.pathname;
    let body: Record<string, unknown> = {};
    let parseError = false;
    try {
      body = parseBody(raw, contentType);
    } catch {
      parseError = true;
    }
    requests.push({
      method,
      path: url.pathname,
      headers: req.headers,
      raw,
      body,
      at: performance.timeOrigin + performance.now(),
    });

    if (req.method !== 'POST') {
      send(res, { status: 405, body: 'method_not_allowed', headers: { 'content-type': 'text/plain' } });
      return;
    }

    const limited = state.rateLimit.get(method);
    if (limited && limited.times > 0) {
      limited.times--;
      const retryAfter = String(limited.retryAfter ?? 1);
      send(
        res,
        method === 'webhook'
          ? {
              status: 429,
              body: 'rate_limited',
              headers: { 'retry-after': retryAfter, 'content-type': 'text/html' },
            }
          : {
              status: 429,
              body: { ok: false, error: 'ratelimited' },
              headers: { 'retry-after': retryAfter },
            },
      );
      return;
    }

    const b = state.barriers.find((x) => x.method === method && x.parties > 0);
    if (b)
      await new Promise<void>((resolve) => {
        const release = () => {
          b.parties = 0;
          for (const w of b.waiting.splice(0)) w();
        };
        b.waiting.push(resolve);
        if (b.waiting.length >= b.parties) release();
        else setTimeout(release, b.timeoutMs ?? 20_000).unref();
      });
    const fault = state.faults.find((f) => f.method === method && f.times > 0);
    if (fault) fault.times--;
    const lost = (): void => {
      if (fault?.drop) {
        res.destroy();
        return;
      }
      const status = fault?.status ?? 503;
      send(res, {
        status,
        body: `<html><body>${status} Service Unavailable</body></html>`,
        headers: { 'content-type': 'text/html' },
      });
    };
    if (fault?.kind === 'fail') return lost();
    const answerOf = (): Answer =>
      method === 'webhook'
        ? webhook(url.pathname, body, parseError, contentType)
        : !api
          ? { status: 404, body: 'Not Found', headers: { 'content-type': 'text/plain' } }
          : parseError
            ? ok200({
                ok: false,
                error: contentType === 'application/json' ? 'invalid_json' : 'invalid_form_data',
              })
            : callMethod(method, body, req.headers.authorization);
    const a = answerOf();
    const done = a.status === 200 && (method === 'webhook' || (a.body as { ok?: unknown }).ok === true);
    if (fault?.kind === 'ghost' && done) return lost();
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
    send(res, a);
  }

  function callMethod(
    method: string,
    body: Record<string, unknown>,
    authorization: string | undefined,
  ): Answer {
    const handler = METHODS[method];
    if (!handler) return ok200({ ok: false, error: 'unknown_method', req_method: method });
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const tokenValue = bearer ?? (typeof body.token === 'string' ? body.token : undefined);
    if (tokenValue === undefined) return ok200({ ok: false, error: 'not_authed' });
    const token = state.tokens.get(tokenValue);
    if (!token) return ok200({ ok: false, error: 'invalid_auth' });
    if (token.revoked) return ok200({ ok: false, error: 'token_revoked' });
    const scopeHeaders = {
      'x-oauth-scopes': token.scopes.join(','),
      'x-accepted-oauth-scopes': handler.scopes.join(','),
    };
    const needed = handler.scopes.find((s) => !token.scopes.includes(s));
    if (needed !== undefined)
      return ok200(
        { ok: false, error: 'missing_scope', needed, provided: token.scopes.join(',') },
        scopeHeaders,
      );
    const failing = state.failNext.get(method);
    if (failing && failing.times > 0) {
      failing.times--;
      return ok200({ ok: false, error: failing.error, ...failing.extra }, scopeHeaders);
    }
    const answer = handler.run(body, token);
    return { ...answer, headers: { ...scopeHeaders, ...answer.headers } };
  }

  // ── Web API methods ───────────────────────────────────────────────────────────────────────────────────

  const METHODS: Record<
    string,
    { scopes: string[]; run: (b: Record<string, unknown>, t: FakeToken) => Answer }
  > = {
    'auth.test': {
      scopes: [],
      run: (_b, t) =>
        ok200({
          ok: true,
          url: WORKSPACE_URL,
          team: 'ci-triage test',
          user: 'ci-triage',
          team_id: TEAM_ID,
          user_id: t.userId,
          bot_id: t.botId,
          is_enterprise_install: false,
        }),
    },

    'chat.postMessage': {
      scopes: ['chat:write'],
      run: (b, t) => {
        const channel = typeof b.channel === 'string' ? state.channel(b.channel) : undefined;
        if (!channel) return ok200({ ok: false, error: 'channel_not_found' });
        if (channel.isArchived) return ok200({ ok: false, error: 'is_archived' });
        if (!channel.isMember && !(t.scopes.includes('chat:write.public') && !channel.isPrivate))
          return ok200({ ok: false, error: 'not_in_channel' });
        const content = messageContent(b);
        if ('error' in content) return content.error;
        let threadTs: string | undefined;
        if (b.thread_ts !== undefined) {
          threadTs = str(b.thread_ts);
          const parent = state.messages.find((m) => m.channel === channel.id && m.ts === threadTs);
          if (!parent) return ok200({ ok: false, error: 'thread_not_found' });
          // A reply to a reply goes to its parent's thread.
          threadTs = parent.thread_ts ?? parent.ts;
          const root = state.messages.find((m) => m.channel === channel.id && m.ts === threadTs);
          if (root) root.thread_ts = root.ts;
        }
        const m: FakeMessage = {
          channel: channel.id,
          ts: state.ts(),
          text: content.text,
          user: t.userId,
          bot_id: t.botId,
          app_id: t.appId,
          ...(content.blocks ? { blocks: content.blocks } : {}),
          ...(content.metadata ? { metadata: content.metadata } : {}),
          ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
          ...(threadTs !== undefined && bool(b.reply_broadcast) ? { broadcast: true } : {}),
        };
        state.messages.push(m);
        return ok200({ ok: true, channel: channel.id, ts: m.ts, message: messageJson(m, true) });
      },
    },

    'chat.update': {
      scopes: ['chat:write'],
      run: (b, t) => {
        // chat.update takes a channel ID, not a name.
        const channel = state.channels.find((c) => c.id === b.channel);
        if (!channel) return ok200({ ok: false, error: 'channel_not_found' });
        const m = state.messages.find((x) => x.channel === channel.id && x.ts === str(b.ts));
        if (!m) return ok200({ ok: false, error: 'message_not_found' });
        if (m.bot_id !== t.botId) return ok200({ ok: false, error: 'cant_update_message' });
        if (channel.isArchived) return ok200({ ok: false, error: 'is_archived' });
        const content = messageContent(b);
        if ('error' in content) return content.error;
        m.text = content.text;
        if (content.blocks) m.blocks = content.blocks;
        if (content.metadata) m.metadata = content.metadata;
        m.edited = { user: t.userId, ts: state.ts() };
        return ok200({
          ok: true,
          channel: channel.id,
          ts: m.ts,
          text: m.text,
          message: messageJson(m, true),
        });
      },
    },

    'chat.delete': {
      scopes: ['chat:write'],
      run: (b, t) => {
        const channel = state.channels.find((c) => c.id === b.channel);
        if (!channel) return ok200({ ok: false, error: 'channel_not_found' });
        const m = state.messages.find((x) => x.channel === channel.id && x.ts === str(b.ts));
        if (!m) return ok200({ ok: false, error: 'message_not_found' });
        // A bot token may delete only the messages that bot posted.
        if (m.bot_id !== t.botId) return ok200({ ok: false, error: 'cant_delete_message' });
        state.messages = state.messages.filter((x) => x !== m);
        return ok200({ ok: true, channel: channel.id, ts: m.ts });
      },
    },

    'chat.getPermalink': {
      scopes: [],
      run: (b) => {
        const channel = state.channels.find((c) => c.id === b.channel);
        if (!channel) return ok200({ ok: false, error: 'channel_not_found' });
        const m = state.messages.find((x) => x.channel === channel.id && x.ts === str(b.message_ts));
        if (!m) return ok200({ ok: false, error: 'message_not_found' });
        const reply = m.thread_ts !== undefined && m.thread_ts !== m.ts;
        return ok200({
          ok: true,
          channel: channel.id,
          permalink:
            `${WORKSPACE_URL}archives/${channel.id}/p${m.ts.replace('.', '')}` +
            (reply ? `?thread_ts=${m.thread_ts ?? ''}&cid=${channel.id}` : ''),
        });
      },
    },

    'conversations.history': {
      scopes: ['channels:history'],
      run: (b, t) => {
        const channel = state.channels.find((c) => c.id === b.channel);
        if (!channel) return ok200({ ok: false, error: 'channel_not_found' });
        if (channel.isPrivate && !t.scopes.includes('groups:history'))
          return ok200({
            ok: false,
            error: 'missing_scope',
            needed: 'groups:history',
            provided: t.scopes.join(','),
          });
        if (!channel.isMember) return ok200({ ok: false, error: 'not_in_channel' });
        const oldest = b.oldest !== undefined ? micros(str(b.oldest)) : -Infinity;
        const latest = b.latest !== undefined ? micros(str(b.latest)) : Infinity;
        const inclusive = bool(b.inclusive);
        const withMeta = bool(b.include_all_metadata);
        const all = state
          .messagesIn(channel.id)
          .filter((m) => {
            const x = micros(m.ts);
            return inclusive ? x >= oldest && x <= latest : x > oldest && x < latest;
          })
          .reverse(); // newest first
        return ok200(
          page(all, b, 100, 999, 'messages', (m) => messageJson(m, withMeta || m.app_id === t.appId)),
        );
      },
    },

    'conversations.replies': {
      scopes: ['channels:history'],
      run: (b, t) => {
        const channel = state.channels.find((c) => c.id === b.channel);
        if (!channel) return ok200({ ok: false, error: 'channel_not_found' });
        if (!channel.isMember) return ok200({ ok: false, error: 'not_in_channel' });
        const parent = state.messages.find((m) => m.channel === channel.id && m.ts === str(b.ts));
        if (!parent) return ok200({ ok: false, error: 'thread_not_found' });
        const root = parent.thread_ts ?? parent.ts;
        const rootMessage = state.messages.find((m) => m.channel === channel.id && m.ts === root) ?? parent;
        const withMeta = bool(b.include_all_metadata);
        const all = [rootMessage, ...state.repliesTo(channel.id, root)];
        return ok200(
          page(all, b, 1000, 1000, 'messages', (m) => messageJson(m, withMeta || m.app_id === t.appId)),
        );
      },
    },

    'conversations.list': {
      scopes: ['channels:read'],
      run: (b, t) => {
        const types = (str(b.types) || 'public_channel').split(',');
        const excludeArchived = bool(b.exclude_archived);
        const all = state.channels.filter(
          (c) =>
            (c.isPrivate
              ? types.includes('private_channel') && t.scopes.includes('groups:read') && c.isMember
              : types.includes('public_channel')) && !(excludeArchived && c.isArchived),
        );
        return ok200(page(all, b, 100, 1000, 'channels', channelJson));
      },
    },

    'users.lookupByEmail': {
      scopes: ['users:read.email'],
      run: (b) => {
        const email = str(b.email).toLowerCase();
        const u = state.users.find((x) => x.email.toLowerCase() === email);
        if (!u) return ok200({ ok: false, error: 'users_not_found' });
        return ok200({
          ok: true,
          user: {
            id: u.id,
            team_id: TEAM_ID,
            name: u.name,
            deleted: u.deleted ?? false,
            real_name: u.name,
            is_bot: u.isBot ?? false,
            is_admin: false,
            profile: { email: u.email, real_name: u.name, display_name: u.name },
          },
        });
      },
    },
  };

  /** text, blocks and metadata of a postMessage/update call, validated like Slack; or the error answer. */
  function messageContent(
    b: Record<string, unknown>,
  ): { text: string; blocks?: unknown[]; metadata?: FakeMessage['metadata'] } | { error: Answer } {
    const text = typeof b.text === 'string' ? b.text : '';
    let blocks: unknown[] | undefined;
    if (b.blocks !== undefined) {
      if (!Array.isArray(b.blocks)) return { error: ok200({ ok: false, error: 'invalid_blocks_format' }) };
      const errors = validateBlocks(b.blocks);
      if (errors.length > 0)
        return {
          error: ok200({
            ok: false,
            error: 'invalid_blocks',
            errors,
            response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) },
          }),
        };
      blocks = b.blocks;
    }
    if (text === '' && (!blocks || blocks.length === 0))
      return { error: ok200({ ok: false, error: 'no_text' }) };
    if (text.length > 40_000) return { error: ok200({ ok: false, error: 'msg_too_long' }) };
    let metadata: FakeMessage['metadata'];
    if (b.metadata !== undefined) {
      const md: unknown = b.metadata;
      const type: unknown =
        typeof md === 'object' && md !== null ? (md as Record<string, unknown>).event_type : undefined;
      const payload: unknown =
        typeof md === 'object' && md !== null ? (md as Record<string, unknown>).event_payload : undefined;
      if (
        typeof type !== 'string' ||
        typeof payload !== 'object' ||
        payload === null ||
        Array.isArray(payload)
      )
        return { error: ok200({ ok: false, error: 'invalid_metadata_format' }) };
      metadata = { event_type: type, event_payload: payload as Record<string, unknown> };
    }
    return { text, ...(blocks ? { blocks } : {}), ...(metadata ? { metadata } : {}) };
  }

  // ── Incoming webhooks ─────────────────────────────────────────────────────────────────────────────────

  function webhook(
    path: string,
    body: Record<string, unknown>,
    parseError: boolean,
    contentType: string,
  ): Answer {
    const text = (status: number, s: string): Answer => ({
      status,
      body: s,
      headers: { 'content-type': 'text/html' },
    });
    const hook = state.webhooks.get(path);
    if (!hook || hook.disabled) return text(404, 'no_service');
    const failing = state.failNext.get('webhook');
    if (failing && failing.times > 0) {
      failing.times--;
      return text(failing.status ?? 400, failing.error);
    }
    if (parseError || contentType !== 'application/json') return text(400, 'invalid_payload');
    const channel = state.channels.find((c) => c.id === hook.channel);
    if (!channel) return text(404, 'channel_not_found');
    if (channel.isArchived) return text(410, 'channel_is_archived');
    const content = messageContent(body);
    if ('error' in content) {
      const e = (content.error.body as { error?: string }).error ?? 'invalid_payload';
      return text(400, e === 'invalid_blocks_format' ? 'invalid_blocks' : e);
    }
    state.messages.push({
      channel: channel.id,
      ts: state.ts(),
      text: content.text,
      bot_id: hook.botId,
      ...(content.blocks ? { blocks: content.blocks } : {}),
      ...(content.metadata ? { metadata: content.metadata } : {}),
    });
    return text(200, 'ok');
  }

  // ── Plumbing ──────────────────────────────────────────────────────────────────────────────────────────

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${base}/api/`,
    webhookUrl: (path?: string) => {
      const p = path ?? [...state.webhooks.keys()][0];
      if (p === undefined) throw new Error('no incoming webhook in the fake Slack state: addWebhook first');
      return `${base}${p}`;
    },
    state,
    requests,
    requestsTo: (method) => requests.filter((r) => r.method === method),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

function ok200(body: unknown, headers: Record<string, string> = {}): Answer {
  return { status: 200, body, headers };
}

function send(res: http.ServerResponse, a: Answer): void {
  const isText = typeof a.body === 'string';
  const payload = isText ? (a.body as string) : JSON.stringify(a.body);
  res.writeHead(a.status, {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    ...a.headers,
    'content-length': String(Buffer.byteLength(payload)),
  });
  res.end(payload);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The parameters of a request: form fields (JSON-looking `blocks`/`metadata`/`attachments` parsed) or a JSON object. */
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType === 'application/json') {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
    return v as Record<string, unknown>;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = ['blocks', 'metadata', 'attachments'].includes(k) ? jsonOr(v) : v;
  }
  return out;
}

function jsonOr(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** A scalar parameter as a string ('' for anything else). */
const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';

const bool = (v: unknown): boolean => v === true || v === 'true' || v === '1' || v === 1;

/** Cursor pagination as Slack does it: `limit` (default, max), `cursor` → `response_metadata.next_cursor`. */
function page<T>(
  all: T[],
  b: Record<string, unknown>,
  defaultLimit: number,
  maxLimit: number,
  key: string,
  json: (x: T) => unknown,
): Record<string, unknown> {
  const limit = Math.min(Math.max(Number(b.limit ?? defaultLimit) || defaultLimit, 1), maxLimit);
  const start =
    typeof b.cursor === 'string' && b.cursor !== ''
      ? Number(
          Buffer.from(b.cursor, 'base64')
            .toString()
            .replace(/^offset:/, ''),
        )
      : 0;
  const slice = all.slice(start, start + limit);
  const more = start + limit < all.length;
  return {
    ok: true,
    [key]: slice.map(json),
    has_more: more,
    ...(key === 'messages' ? { pin_count: 0, channel_actions_ts: null, channel_actions_count: 0 } : {}),
    response_metadata: { next_cursor: more ? Buffer.from(`offset:${start + limit}`).toString('base64') : '' },
  };
}

function messageJson(m: FakeMessage, withMetadata: boolean): Record<string, unknown> {
  return {
    type: 'message',
    ...(m.broadcast
      ? { subtype: 'thread_broadcast' }
      : m.bot_id && !m.user
        ? { subtype: 'bot_message' }
        : {}),
    text: m.text,
    ts: m.ts,
    ...(m.user ? { user: m.user } : {}),
    ...(m.bot_id ? { bot_id: m.bot_id } : {}),
    ...(m.app_id ? { app_id: m.app_id } : {}),
    ...(m.blocks ? { blocks: m.blocks } : {}),
    ...(m.thread_ts !== undefined ? { thread_ts: m.thread_ts } : {}),
    ...(m.edited ? { edited: m.edited } : {}),
    ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
    team: TEAM_ID,
  };
}

function channelJson(c: FakeChannel): Record<string, unknown> {
  return {
    id: c.id,
    name: c.name,
    name_normalized: c.name,
    is_channel: !c.isPrivate,
    is_group: false,
    is_im: false,
    is_mpim: false,
    is_private: c.isPrivate,
    is_archived: c.isArchived,
    is_general: false,
    is_member: c.isMember,
    is_shared: false,
    is_ext_shared: false,
    is_org_shared: false,
    created: 1_600_000_000,
    creator: 'U0CREATOR',
    context_team_id: TEAM_ID,
    num_members: 3,
  };
}

/**
 * Block Kit validation, with Slack's wording and json pointers:
 * https://docs.slack.dev/reference/block-kit/blocks
 */
export function validateBlocks(blocks: unknown[]): string[] {
  const errors: string[] = [];
  const err = (msg: string, ptr: string) => errors.push(`${msg} [json-pointer:${ptr}]`);
  const maxLen = (s: unknown, max: number, ptr: string) => {
    if (typeof s !== 'string') err('must be a string', ptr);
    else if (s.length === 0) err('must be more than 0 characters', ptr);
    else if (s.length > max) err(`must be less than ${max + 1} characters`, ptr);
  };
  const textObject = (t: unknown, ptr: string, max: number, plainOnly = false) => {
    const o = t as { type?: unknown; text?: unknown } | undefined;
    if (typeof o !== 'object' || o === null) return err('must provide an object', ptr);
    if (o.type !== 'plain_text' && (plainOnly || o.type !== 'mrkdwn'))
      return err(
        `must be one of the provided values: ${plainOnly ? 'plain_text' : 'plain_text, mrkdwn'}`,
        `${ptr}/type`,
      );
    maxLen(o.text, max, `${ptr}/text`);
  };
  if (blocks.length > 50) err('no more than 50 items allowed', '/blocks');
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  blocks.forEach((raw, i) => {
    const ptr = `/blocks/${i}`;
    const b = raw as Record<string, unknown>;
    if (typeof b !== 'object' || b === null) return err('must provide an object', ptr);
    if (b.block_id !== undefined) {
      maxLen(b.block_id, 255, `${ptr}/block_id`);
      if (blockIds.has(str(b.block_id))) err('duplicate block_id', `${ptr}/block_id`);
      blockIds.add(str(b.block_id));
    }
    switch (b.type) {
      case 'header':
        textObject(b.text, `${ptr}/text`, 150, true);
        break;
      case 'section': {
        if (b.text === undefined && b.fields === undefined) err('must provide either text or fields', ptr);
        if (b.text !== undefined) textObject(b.text, `${ptr}/text`, 3000);
        if (b.fields !== undefined) {
          if (!Array.isArray(b.fields)) err('must provide an array', `${ptr}/fields`);
          else {
            if (b.fields.length > 10) err('no more than 10 items allowed', `${ptr}/fields`);
            b.fields.forEach((f, k) => textObject(f, `${ptr}/fields/${k}`, 2000));
          }
        }
        break;
      }
      case 'context': {
        if (!Array.isArray(b.elements) || b.elements.length === 0)
          err('must provide an array with at least 1 item', `${ptr}/elements`);
        else {
          if (b.elements.length > 10) err('no more than 10 items allowed', `${ptr}/elements`);
          b.elements.forEach((e, k) => textObject(e, `${ptr}/elements/${k}`, 3000));
        }
        break;
      }
      case 'actions': {
        if (!Array.isArray(b.elements) || b.elements.length === 0)
          err('must provide an array with at least 1 item', `${ptr}/elements`);
        else {
          if (b.elements.length > 25) err('no more than 25 items allowed', `${ptr}/elements`);
          b.elements.forEach((raw2, k) => {
            const e = raw2 as Record<string, unknown>;
            const p = `${ptr}/elements/${k}`;
            if (e.type !== 'button') return err('must be one of the provided values: button', `${p}/type`);
            textObject(e.text, `${p}/text`, 75, true);
            if (e.url !== undefined) {
              maxLen(e.url, 3000, `${p}/url`);
              if (typeof e.url === 'string' && !/^https?:\/\//i.test(e.url))
                err('must be a valid URL', `${p}/url`);
            }
            if (e.action_id !== undefined) {
              maxLen(e.action_id, 255, `${p}/action_id`);
              if (actionIds.has(str(e.action_id))) err('duplicate action_id', `${p}/action_id`);
              actionIds.add(str(e.action_id));
            }
          });
        }
        break;
      }
      case 'divider':
        break;
      default:
        err(`must be a valid enum value`, `${ptr}/type`);
    }
  });
  return errors;
}
