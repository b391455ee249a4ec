/**
 * The Jira sink: a ticket per distinct failure at or above `jira-min-severity`, found again by its
 * fingerprint label while it is open (a recurrence is a comment), created otherwise within a daily cap
 * counted in Jira. A new attempt of the same run updates what an earlier attempt published instead of adding
 * to it: the description and each occurrence comment name the run (`ci-triage run <id>, attempt <n>`).
 *
 * With the report's history (`report.history.recurrences[fingerprint]`), the description and the occurrence
 * comment say how often the failure was seen and whether it is flaky. A failure that escalates with this run
 * (`recurrence.escalate`: it reached the threshold, and no earlier run escalated it) gets, on its ticket — the
 * open one, or the one just created —
 * - its priority raised one step (Lowest → Low → Medium → High → Highest, named as `jira-priorities` names them
 *   where a severity maps to the step) with the edit issue endpoint; a ticket at the top is left as it is, and
 *   a refusal (the field not on the edit screen, no permission) is said in the comment instead;
 * - a comment `Escalated by ci-triage: seen in N runs in D days (threshold T) …` naming the run
 *   (`Escalated in ci-triage run <id>, attempt <n>`): a new attempt of the run finds it and does neither again.
 * A new ticket is created at its severity's priority, then raised like any other (one path for both: the
 * escalation comment says from what to what). The priority is raised before the comment is added, so the
 * comment says what happened; should the comment fail, a new attempt raises once more.
 *
 * Jira Cloud (`jira-api-version: 3`) is driven through jira.js 6: its typed endpoint functions of
 * `jira.js/cloud` (enhanced JQL search `/rest/api/3/search/jql`, `search/approximate-count`, issues,
 * comments), its response schemas, its error classes, over a `Client` (jira.js's transport interface)
 * defined here, because jira.js's own `createClient` has no timeout and no way to pass an `AbortSignal`: this
 * one is `fetch` with a 15 s timeout per request, HTTP Basic with the account email and API token, no
 * redirect followed (a POST would silently become a GET), and a schema mismatch reported to the debug log and
 * tolerated, as jira.js's default does. Jira Server / Data Center (`jira-api-version: 2`) is not what jira.js 6
 * covers (it is Cloud-only): the same `Client`'s `sendRequest` (the core's raw request facility) calls the v2
 * endpoints with the personal access token as a Bearer token, descriptions and comments in wiki markup.
 * jira.js is loaded only when something is sent (not at all in dry-run; only `jira.js/core` for v2).
 *
 * Dedupe trusts only the account's own tickets and comments (`GET /myself`: the creator of a ticket, the
 * author of a comment), and not the search index alone: Jira Cloud's index trails its writes by seconds, so the
 * project's tickets after the newest key the index knows are read by key (`GET /issue/{key}` reads the
 * database), once per publish. A create whose answer is lost (5xx, timeout, dropped connection) is looked for
 * that way — by its label and the run its description names — before it is sent again (`createOnce`). After a
 * create, the keys below it are read too: when a concurrent run created the same failure's ticket first, ours
 * is linked to it as "Duplicate" and moved to a Done status, and the item says so (`deduplicated`); two open
 * tickets found later (a race the index hid) are closed the same way, the oldest kept.
 *
 * Safety: every request that writes is audited on its own (`intent`, then `ok` or `error` with Jira's answer),
 * every payload goes through `redactDeep` right before it is sent, and the renderers (`../report/adf.ts`) never
 * turn log text into markup, mentions or links. `publish` never throws: a failure that makes every item
 * impossible (401, 403, an unknown or hidden project, a rejected field, Jira unreachable) stops the sink at
 * once with a message that names the HTTP status and the fix; a failure of one item (a timeout, a 5xx) is that
 * item's alone, and the outcome `partial` when others went through.
 */
import type { Client, SendRequestOptions } from 'jira.js/core';
import type { JiraSettings } from '../config/settings.js';
import type { Recurrence } from '../history/analysis.js';
import type { Severity } from '../types.js';
import {
  type AdfDoc,
  adfText,
  escalationAdf,
  type EscalationPriority,
  escalationWiki,
  occurrenceAdf,
  occurrenceWiki,
  publishedAttempt,
  ticketAdf,
  ticketPreview,
  ticketSummary,
  ticketWiki,
} from '../report/adf.js';
import type { FindingGroup } from '../report/groups.js';
import { cut, oneLine } from '../report/text.js';
import { createOnce, lostAnswers, timedOut, type WriteFailure } from './once.js';
import { redactDeep } from './redact.js';
import {
  atLeast,
  fingerprintLabel,
  LABEL,
  type PublishedItem,
  type Sink,
  type SinkContext,
  type SinkOutcome,
  startOfUtcDay,
} from './sink.js';

type JiraCore = typeof import('jira.js/core');
type JiraCloud = typeof import('jira.js/cloud');

export interface JiraSinkOptions {
  /** Per request, in ms (default 15 s). */
  timeoutMs?: number;
  /** The sink starts no new failure after this long, in ms (default 120 s). */
  budgetMs?: number;
  /** The pause before a create whose answer was lost (and which was not found) is sent again (default 1 s). */
  retryDelayMs?: number;
}

const TIMEOUT_MS = 15_000;
const BUDGET_MS = 120_000;
const API_TOKENS_URL = 'https://id.atlassian.com/manage-profile/security/api-tokens';

export function createJiraSink(settings: JiraSettings, options: JiraSinkOptions = {}): Sink {
  return {
    name: 'jira',
    plannedFailures: (groups) => atLeast(groups, settings.minSeverity).map((g) => g.fingerprint),
    publish: async (ctx) => {
      try {
        return await publish(settings, options, ctx);
      } catch (e) {
        // Not expected (every request's failure is handled below); still the sink's failure alone.
        return {
          sink: 'jira',
          status: 'failed',
          items: [],
          message: `Jira: unexpected error: ${errorText(e, secretsOf(settings, ctx))}`,
        };
      }
    },
  };
}

// ── The API, v3 (jira.js) or v2 (raw requests) ──────────────────────────────────────────────────────────

interface Ticket {
  key: string;
  /** The description as plain text (ADF flattened) or wiki markup. */
  text: string;
  /** The priority's name; null when the ticket has none. */
  priority: string | null;
  /** The account that created it (v3 `accountId`, v2 `key`); undefined when Jira did not say. */
  creator: string | undefined;
  labels: string[];
  /** Its status is not in the Done category. */
  open: boolean;
}

interface JiraComment {
  id: string;
  text: string;
  /** The account that wrote it (v3 `accountId`, v2 `key`). */
  author: string | undefined;
}

/** A transition of a ticket's workflow, and whether it leads to a status of the Done category. */
interface Transition {
  id: string;
  name: string;
  done: boolean;
}

/** What the sink asks of Jira. Bodies are ADF documents (v3) or wiki markup (v2). */
interface JiraApi {
  version: 2 | 3;
  /** The account the credentials act as (v3 `accountId`, v2 `key`). */
  myself(): Promise<string>;
  /** Tickets a JQL search finds, in its order (at most `max`). */
  search(jql: string, max: number): Promise<Ticket[]>;
  /** A ticket by key, read from the database (not the search index); undefined when there is none. */
  get(key: string): Promise<Ticket | undefined>;
  count(jql: string): Promise<number>;
  comments(key: string): Promise<JiraComment[]>;
  create(fields: Record<string, unknown>): Promise<{ key: string }>;
  addComment(key: string, body: AdfDoc | string): Promise<{ id: string }>;
  updateComment(key: string, id: string, body: AdfDoc | string): Promise<void>;
  /** The ticket's priority name (null: none). */
  priority(key: string): Promise<string | null>;
  /** Sets the priority by name (the edit issue endpoint). */
  setPriority(key: string, name: string): Promise<void>;
  /** Links `duplicate` to `of` with the Duplicate link type ("duplicate duplicates of"). */
  linkDuplicate(duplicate: string, of: string): Promise<void>;
  transitions(key: string): Promise<Transition[]>;
  transition(key: string, id: string): Promise<void>;
}

const SEARCH_FIELDS = ['summary', 'description', 'created', 'labels', 'priority', 'creator', 'status'];

/** The `name` of a Jira object field (`priority: {name, id, …}`), or null. */
function nameOf(field: unknown): string | null {
  const name = (field as { name?: unknown } | null | undefined)?.name;
  return typeof name === 'string' && name !== '' ? name : null;
}
/** Comments read to find this run's occurrence comment: the most recent ones. */
const COMMENTS_READ = 100;

/** A user's identity as the sink compares them: v3's `accountId`, v2's `key` (else `name`). */
function accountOf(user: unknown, version: 2 | 3): string | undefined {
  const u = user as { accountId?: unknown; key?: unknown; name?: unknown } | null | undefined;
  const id = version === 3 ? u?.accountId : (u?.key ?? u?.name);
  return typeof id === 'string' && id !== '' ? id : undefined;
}

interface IssueShape {
  key?: string;
  fields?: {
    description?: unknown;
    priority?: unknown;
    creator?: unknown;
    labels?: unknown;
    status?: { statusCategory?: { key?: unknown } | null } | null;
  } | null;
}

/** An issue of a search or a read, as a Ticket (both API versions answer in this shape). */
function ticketOf(issue: IssueShape, version: 2 | 3): Ticket | undefined {
  if (typeof issue.key !== 'string') return undefined;
  const f = issue.fields ?? {};
  return {
    key: issue.key,
    text: adfText(f.description),
    priority: nameOf(f.priority),
    creator: accountOf(f.creator, version),
    labels: Array.isArray(f.labels) ? f.labels.filter((l): l is string => typeof l === 'string') : [],
    open: f.status?.statusCategory?.key !== 'done',
  };
}

const DUPLICATE_LINK = { name: 'Duplicate' };

interface TransitionShape {
  id?: string;
  name?: string;
  to?: { statusCategory?: { key?: unknown } | null } | null;
}
const transitionsOf = (list: TransitionShape[] | undefined): Transition[] =>
  (list ?? []).flatMap((t) =>
    typeof t.id === 'string'
      ? [{ id: t.id, name: t.name ?? t.id, done: t.to?.statusCategory?.key === 'done' }]
      : [],
  );

function cloudApi(cloud: JiraCloud, client: Client): JiraApi {
  return {
    version: 3,
    async myself() {
      const me = await cloud.getCurrentUser(client);
      const id = accountOf(me, 3);
      if (id === undefined) throw new Error('Jira answered GET /rest/api/3/myself without an accountId');
      return id;
    },
    async search(jql, max) {
      const r = await cloud.searchAndReconsileIssuesUsingJql(client, {
        jql,
        maxResults: max,
        fields: SEARCH_FIELDS,
      });
      return (r.issues ?? []).flatMap((i) => ticketOf(i as IssueShape, 3) ?? []);
    },
    async get(key) {
      try {
        const issue = await cloud.getIssue(client, { issueIdOrKey: key, fields: SEARCH_FIELDS });
        return ticketOf(issue, 3);
      } catch (e) {
        if ((e as { status?: unknown }).status === 404) return undefined;
        throw e;
      }
    },
    async count(jql) {
      return (await cloud.countIssues(client, { jql })).count ?? 0;
    },
    async priority(key) {
      const issue = await cloud.getIssue(client, { issueIdOrKey: key, fields: ['priority'] });
      return nameOf(issue.fields?.priority);
    },
    async setPriority(key, name) {
      await cloud.editIssue(client, { issueIdOrKey: key, fields: { priority: { name } } });
    },
    async comments(key) {
      const page = await cloud.getComments(client, {
        issueIdOrKey: key,
        orderBy: '-created',
        maxResults: COMMENTS_READ,
      });
      return (page.comments ?? []).flatMap((c) =>
        c.id ? [{ id: c.id, text: adfText(c.body), author: accountOf(c.author, 3) }] : [],
      );
    },
    async create(fields) {
      const r = await cloud.createIssue(client, { fields });
      return { key: r.key };
    },
    async addComment(key, body) {
      const r = await cloud.addComment(client, { issueIdOrKey: key, body });
      return { id: r.id ?? '' };
    },
    async updateComment(key, id, body) {
      await cloud.updateComment(client, { issueIdOrKey: key, id, body: { body } });
    },
    async linkDuplicate(duplicate, of) {
      await cloud.linkIssues(client, {
        type: DUPLICATE_LINK,
        outwardIssue: { key: duplicate },
        inwardIssue: { key: of },
      });
    },
    async transitions(key) {
      const r = await cloud.getTransitions(client, { issueIdOrKey: key });
      return transitionsOf(r.transitions);
    },
    async transition(key, id) {
      await cloud.doTransition(client, { issueIdOrKey: key, transition: { id } });
    },
  };
}

interface V2Search {
  total?: number;
  issues?: IssueShape[];
}
interface V2Comments {
  comments?: Array<{ id?: string; body?: unknown; author?: unknown }>;
}

function serverApi(client: Client): JiraApi {
  const key = (k: string) => encodeURIComponent(k);
  return {
    version: 2,
    async myself() {
      const me = await client.sendRequest<unknown>({ url: '/rest/api/2/myself', method: 'GET' });
      const id = accountOf(me, 2);
      if (id === undefined) throw new Error('Jira answered GET /rest/api/2/myself without a key or name');
      return id;
    },
    async search(jql, max) {
      const r = await client.sendRequest<V2Search>({
        url: '/rest/api/2/search',
        method: 'GET',
        searchParams: { jql, maxResults: max, fields: SEARCH_FIELDS.join(',') },
      });
      return (r.issues ?? []).flatMap((i) => ticketOf(i, 2) ?? []);
    },
    async get(k) {
      try {
        const r = await client.sendRequest<IssueShape>({
          url: `/rest/api/2/issue/${key(k)}`,
          method: 'GET',
          searchParams: { fields: SEARCH_FIELDS.join(',') },
        });
        return ticketOf(r, 2);
      } catch (e) {
        if ((e as { status?: unknown }).status === 404) return undefined;
        throw e;
      }
    },
    async priority(k) {
      const r = await client.sendRequest<{ fields?: { priority?: unknown } }>({
        url: `/rest/api/2/issue/${key(k)}`,
        method: 'GET',
        searchParams: { fields: 'priority' },
      });
      return nameOf(r.fields?.priority);
    },
    async setPriority(k, name) {
      await client.sendRequest<unknown>({
        url: `/rest/api/2/issue/${key(k)}`,
        method: 'PUT',
        body: { fields: { priority: { name } } },
      });
    },
    async count(jql) {
      const r = await client.sendRequest<V2Search>({
        url: '/rest/api/2/search',
        method: 'GET',
        searchParams: { jql, maxResults: 0 },
      });
      return typeof r.total === 'number' ? r.total : 0;
    },
    async comments(k) {
      const r = await client.sendRequest<V2Comments>({
        url: `/rest/api/2/issue/${key(k)}/comment`,
        method: 'GET',
        searchParams: { orderBy: '-created', maxResults: COMMENTS_READ },
      });
      return (r.comments ?? []).flatMap((c) =>
        typeof c.id === 'string' ? [{ id: c.id, text: adfText(c.body), author: accountOf(c.author, 2) }] : [],
      );
    },
    async create(fields) {
      const r = await client.sendRequest<{ key?: unknown }>({
        url: '/rest/api/2/issue',
        method: 'POST',
        body: { fields },
      });
      if (typeof r.key !== 'string') throw new Error('Jira answered the create without an issue key');
      return { key: r.key };
    },
    async addComment(k, body) {
      const r = await client.sendRequest<{ id?: unknown }>({
        url: `/rest/api/2/issue/${key(k)}/comment`,
        method: 'POST',
        body: { body },
      });
      return { id: typeof r.id === 'string' ? r.id : '' };
    },
    async updateComment(k, id, body) {
      await client.sendRequest<unknown>({
        url: `/rest/api/2/issue/${key(k)}/comment/${encodeURIComponent(id)}`,
        method: 'PUT',
        body: { body },
      });
    },
    async linkDuplicate(duplicate, of) {
      await client.sendRequest<unknown>({
        url: '/rest/api/2/issueLink',
        method: 'POST',
        body: { type: DUPLICATE_LINK, outwardIssue: { key: duplicate }, inwardIssue: { key: of } },
      });
    },
    async transitions(k) {
      const r = await client.sendRequest<{ transitions?: TransitionShape[] }>({
        url: `/rest/api/2/issue/${key(k)}/transitions`,
        method: 'GET',
      });
      return transitionsOf(r.transitions);
    },
    async transition(k, id) {
      await client.sendRequest<unknown>({
        url: `/rest/api/2/issue/${key(k)}/transitions`,
        method: 'POST',
        body: { transition: { id } },
      });
    },
  };
}

/**
 * jira.js's `Client`: `fetch` with a timeout, the errors jira.js throws (`ApiError` and its subclasses by
 * status, `NetworkError`), and the response checked against the endpoint's schema when it has one.
 */
function transport(
  core: JiraCore,
  o: { host: string; authorization: string; timeoutMs: number; debug: (m: string) => void },
): Client {
  return {
    async sendRequest<T>(req: SendRequestOptions<T>): Promise<T> {
      const method = req.method ?? 'GET';
      const path = req.url.startsWith('/') ? req.url : `/${req.url}`;
      const url = new URL(o.host + path);
      for (const [k, v] of Object.entries(req.searchParams ?? {})) {
        if (v === undefined || v === null) continue;
        if (Array.isArray(v)) for (const x of v as unknown[]) url.searchParams.append(k, str(x));
        else url.searchParams.set(k, str(v));
      }
      const body = req.body === undefined || req.body === null ? undefined : JSON.stringify(req.body);
      const headers: Record<string, string> = {
        Accept: 'application/json',
        Authorization: o.authorization,
        ...req.headers,
      };
      if (method !== 'GET' && method !== 'HEAD') headers['Content-Type'] = 'application/json';
      const what = `${method} ${url.pathname}`;
      let status: number;
      let statusText: string;
      let contentType: string;
      let location: string | null;
      let retryAfter: string | null;
      let text: string;
      try {
        const res = await fetch(url, {
          method,
          headers,
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(o.timeoutMs),
        });
        ({ status, statusText } = res);
        contentType = res.headers.get('content-type') ?? '';
        location = res.headers.get('location');
        retryAfter = res.headers.get('retry-after');
        text = await res.text();
      } catch (e) {
        const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
        const code = timedOut ? 'ETIMEDOUT' : errorCode(e);
        const reason = timedOut
          ? `no answer within ${duration(o.timeoutMs)}`
          : (code ?? (e instanceof Error ? e.message : String(e)));
        throw new core.NetworkError(`${what} failed: ${reason}`, {
          cause: e,
          ...(code ? { code } : {}),
          transient: true,
        });
      }
      const json = /\bjson\b/i.test(contentType);
      let data: unknown = text === '' ? undefined : text;
      if (json && text !== '') {
        try {
          data = JSON.parse(text);
        } catch {
          data = text;
        }
      }
      if (status < 200 || status >= 300) {
        const detail =
          status >= 300 && status < 400 ? `a redirect to ${location ?? '?'}` : jiraMessages(data);
        const message = `Jira answered ${status}${statusText ? ` ${statusText}` : ''} on ${what}${detail ? `: ${detail}` : ''}`;
        const err =
          status === 401
            ? new core.AuthError(message, statusText, data)
            : status === 403
              ? new core.ForbiddenError(message, statusText, data)
              : status === 404
                ? new core.NotFoundError(message, statusText, data)
                : status === 429
                  ? new core.RateLimitError(message, statusText, data, retryAfterMs(retryAfter))
                  : status >= 500
                    ? new core.ServerError(message, status, statusText, data)
                    : new core.ApiError(message, status, statusText, data);
        throw err;
      }
      if (status === 204 || data === undefined) return undefined as T;
      if (!json) {
        // A 200 that is not JSON: a login page or another site, not Jira's REST API.
        throw new core.ApiError(
          `Jira answered ${status} with ${contentType || 'no content type'}, not JSON, on ${what}`,
          status,
          statusText,
          cut(oneLine(text), 200),
        );
      }
      if (req.schema) {
        const parsed = req.schema.safeParse(data);
        if (parsed.success) return parsed.data;
        const where = parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
          .join('; ');
        o.debug(`Jira: the answer to ${what} does not match jira.js's schema (${where}); used as it is.`);
      }
      return data as T;
    },
  };
}

/** `Retry-After` (seconds or an HTTP date) in ms, for jira.js's RateLimitError. */
function retryAfterMs(header: string | null): { retryAfterMs?: number } {
  if (header === null) return {};
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? { retryAfterMs: Math.max(0, ms) } : {};
}

/** The transport-level code (ECONNREFUSED, ENOTFOUND, …) from an error's `cause` chain. */
function errorCode(e: unknown): string | undefined {
  let cursor: unknown = e;
  for (let depth = 0; cursor instanceof Error && depth < 5; depth++) {
    const code = (cursor as Error & { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    cursor = (cursor as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Jira's error body (`{"errorMessages":[…],"errors":{field: message}}`) as one line; text bodies cut. */
function jiraMessages(body: unknown): string {
  if (typeof body === 'string') return cut(oneLine(body.replace(/<[^>]*>/g, ' ')), 300);
  if (typeof body !== 'object' || body === null) return '';
  const b = body as { errorMessages?: unknown; errors?: unknown; message?: unknown };
  const parts: string[] = [];
  if (b.errors && typeof b.errors === 'object')
    for (const [k, v] of Object.entries(b.errors as Record<string, unknown>)) parts.push(`${k}: ${str(v)}`);
  if (Array.isArray(b.errorMessages)) for (const m of b.errorMessages as unknown[]) parts.push(str(m));
  if (parts.length === 0 && typeof b.message === 'string') parts.push(b.message);
  return cut(oneLine(parts.join('; ')), 500);
}

// ── Publishing ──────────────────────────────────────────────────────────────────────────────────────────

/** A failure that stops the sink: every further item would fail the same way. Its message is for people. */
class Fatal extends Error {}
/** A failure of one item only. Its message is for people. */
class ItemError extends Error {}

function secretsOf(settings: JiraSettings, ctx: SinkContext): string[] {
  return [...ctx.secrets, settings.apiToken].filter((s) => s !== '');
}

/** A JQL string literal. */
const q = (s: string): string => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;

async function publish(
  settings: JiraSettings,
  options: JiraSinkOptions,
  ctx: SinkContext,
): Promise<SinkOutcome> {
  const groups = atLeast(ctx.groups, settings.minSeverity);
  if (groups.length === 0)
    return {
      sink: 'jira',
      status: 'skipped',
      items: [],
      message: `no failure at or above ${settings.minSeverity}`,
    };
  const secrets = secretsOf(settings, ctx);
  const project = settings.project;

  if (ctx.dryRun) {
    const items: PublishedItem[] = [];
    for (const g of groups) {
      const target = `${project}: new ticket labelled ${fingerprintLabel(g.fingerprint)}`;
      ctx.audit.skipped('jira', 'create', target, 'dry-run');
      items.push({ fingerprint: g.fingerprint, action: 'would-create', target });
      if (escalating(ctx, g)) {
        const ticket = `${project}: the ticket labelled ${fingerprintLabel(g.fingerprint)}`;
        ctx.audit.skipped('jira', 'escalate', ticket, 'dry-run');
        items.push({
          fingerprint: g.fingerprint,
          action: 'would-update',
          target: `${ticket} (escalated: priority one step up, escalation comment)`,
        });
      }
    }
    const preview = groups
      .map((g) => {
        const text = ticketPreview(g, {
          secrets,
          priority: 'priority' in settings.fields ? '(from jira-fields)' : settings.priorities[g.severity],
          labels: [LABEL, fingerprintLabel(g.fingerprint)],
        });
        const r = escalating(ctx, g);
        const h = ctx.report.history;
        return r && h
          ? `${text}\n  escalates: seen in ${r.occurrences} runs in ${h.windowDays} days (threshold ${h.threshold}): priority one step up and an escalation comment`
          : text;
      })
      .join('\n\n');
    return {
      sink: 'jira',
      status: 'dry-run',
      items,
      message: `would create a ticket in ${project} for each failure (or comment on the open ticket with its fingerprint), within the daily cap of ${settings.dailyCap}`,
      preview,
    };
  }

  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const core = await import('jira.js/core');
  const client = transport(core, {
    host: settings.baseUrl,
    authorization:
      settings.apiVersion === 3
        ? `Basic ${Buffer.from(`${settings.email}:${settings.apiToken}`, 'utf8').toString('base64')}`
        : `Bearer ${settings.apiToken}`,
    timeoutMs,
    debug: ctx.debug,
  });
  const api = settings.apiVersion === 3 ? cloudApi(await import('jira.js/cloud'), client) : serverApi(client);
  const run = new Publisher(settings, ctx, api, core, secrets, timeoutMs, options.retryDelayMs);

  const started = Date.now();
  const budgetMs = options.budgetMs ?? BUDGET_MS;
  for (const [i, g] of groups.entries()) {
    if (Date.now() - started > budgetMs) {
      run.notes.push(
        `stopped after ${duration(budgetMs)}: ${groups.length - i} failure${groups.length - i === 1 ? '' : 's'} not published`,
      );
      break;
    }
    if (!(await run.one(g))) break;
  }
  return run.outcome();
}

class Publisher {
  readonly items: PublishedItem[] = [];
  readonly notes: string[] = [];
  private fatal: string | undefined;
  private createdToday: number | undefined;
  private capped = 0;
  /** Set once Jira refused the priority: later tickets are created without one. */
  private noPriority = false;
  /** Comments read, by ticket key. */
  private readonly comments = new Map<string, JiraComment[]>();
  /** The account the credentials act as, read once. */
  private account: Promise<string> | undefined;
  /** Tickets read by key past the newest one the search index knows: `next` is the next key number to read. */
  private scan: { next: number; found: Ticket[] } | undefined;

  constructor(
    private readonly settings: JiraSettings,
    private readonly ctx: SinkContext,
    private readonly api: JiraApi,
    private readonly core: JiraCore,
    private readonly secrets: readonly string[],
    private readonly timeoutMs: number,
    private readonly retryDelayMs: number | undefined,
  ) {}

  private browse(key: string): string {
    return `${this.settings.baseUrl}/browse/${encodeURIComponent(key)}`;
  }

  /** The account the credentials act as: only what it created (or wrote) is ci-triage's. */
  private me(): Promise<string> {
    return (this.account ??= this.call('myself', () => this.api.myself()));
  }

  /**
   * The project's tickets the search index may not know yet, read by key: Jira Cloud's index trails its writes
   * by seconds, so a ticket another run (or a create whose answer was lost) made a moment ago is not found by
   * a search. Keys are given in order within a project: the ones after the newest key the index knows are read
   * one by one (`GET /issue/{key}`, which reads the database) until one does not exist yet, at most
   * `SCAN_MAX`. Read once per publish; again (from where it stopped) with `more`, or up to a key (`before`).
   */
  private async recent(o: { more?: boolean; before?: number } = {}): Promise<Ticket[]> {
    const project = this.settings.project;
    if (!this.scan) {
      const [newest] = await this.call('search', () =>
        this.api.search(`project = ${q(project)} ORDER BY key DESC`, 1),
      );
      this.scan = { next: (newest ? keyNumber(newest.key) : 0) + 1, found: [] };
    } else if (!o.more && o.before === undefined) return this.scan.found;
    const scan = this.scan;
    for (let read = 0; read < SCAN_MAX && (o.before === undefined || scan.next < o.before); read++) {
      const key = `${project}-${scan.next}`;
      const t = await this.call('search', () => this.api.get(key));
      if (!t) {
        // Not made yet; with `before`, a key given to a ticket since moved or deleted.
        if (o.before === undefined) break;
        scan.next++;
        continue;
      }
      if (!scan.found.some((x) => x.key === t.key)) scan.found.push(t);
      scan.next++;
    }
    return scan.found;
  }

  /**
   * Our open tickets for a fingerprint label, oldest first: found by the search and among the tickets the index
   * does not know yet (`recent`), created by our account. Others' tickets with the label are left alone.
   */
  private async openTickets(label: string, o: { more?: boolean; before?: number } = {}): Promise<Ticket[]> {
    const searched = await this.call('search', () =>
      this.api.search(
        `project = ${q(this.settings.project)} AND labels = ${q(label)} AND statusCategory != Done ORDER BY created ASC`,
        SEARCH_MAX,
      ),
    );
    const recent = (await this.recent(o)).filter((t) => t.labels.includes(label) && t.open);
    const byKey = new Map<string, Ticket>();
    for (const t of [...searched, ...recent]) if (!byKey.has(t.key)) byKey.set(t.key, t);
    const me = await this.me();
    const all = [...byKey.values()];
    const ours = all.filter((t) => t.creator === me);
    if (ours.length < all.length)
      this.ctx.debug(
        `Jira: ${all.length - ours.length} open ticket(s) labelled ${label} were created by another account: ignored.`,
      );
    return ours.sort((a, b) => keyNumber(a.key) - keyNumber(b.key));
  }

  /**
   * Closes `dup` as a duplicate of `of`: linked to it as "Duplicate" (dup duplicates of), then moved along a
   * transition to a status of the Done category. A workflow without one leaves it linked and open, with a note.
   */
  private async closeDuplicate(dup: Ticket, of: Ticket, note = true): Promise<void> {
    await this.write(
      'link-duplicate',
      `${dup.key} → ${of.key}`,
      () => this.api.linkDuplicate(dup.key, of.key),
      () => `${dup.key} duplicates ${of.key}`,
    );
    const to = (await this.call('transitions', () => this.api.transitions(dup.key))).find((t) => t.done);
    if (!to) {
      this.notes.push(
        `${dup.key} linked as a duplicate of ${of.key} but left open: its workflow offers no transition to a Done status`,
      );
      return;
    }
    await this.write(
      'close-duplicate',
      dup.key,
      () => this.api.transition(dup.key, to.id),
      () => `transition "${to.name}": a duplicate of ${of.key}`,
    );
    dup.open = false;
    if (note) this.notes.push(`${dup.key} closed as a duplicate of ${of.key}`);
  }

  /** One failure; false when the sink must stop (a fatal failure). */
  async one(g: FindingGroup): Promise<boolean> {
    const fp = g.fingerprint;
    const label = fingerprintLabel(fp);
    // What is being attempted, for the item if it fails.
    let attempt: PublishedItem = {
      fingerprint: fp,
      action: 'would-create',
      target: `${this.settings.project}: new ticket labelled ${label}`,
    };
    // The ticket the failure is on, once known: what an escalation acts on.
    let ticket: EscalationTarget | undefined;
    try {
      const [open, ...duplicates] = await this.openTickets(label);
      // Left open beside the oldest by a race (or a lost answer) earlier: closed as its duplicates.
      if (open)
        for (const d of duplicates)
          await this.closeDuplicate(d, open).catch((e: unknown) => {
            this.notes.push(`${d.key} duplicates ${open.key} but could not be closed: ${this.why(e)}`);
          });
      if (open) {
        const url = this.browse(open.key);
        this.ctx.refs.set(fp, { ...this.ctx.refs.get(fp), jira: { key: open.key, url } });
        attempt = { fingerprint: fp, action: 'would-comment', target: `comment on ${open.key}`, url };
        ticket = { key: open.key, priority: open.priority, fresh: false };
        this.items.push(await this.occurrence(g, open));
      } else {
        const made = await this.create(g, label);
        if (made) {
          this.items.push(made.item);
          ticket = { key: made.key, priority: made.priority, fresh: made.item.action === 'created' };
        }
      }
    } catch (e) {
      const message = e instanceof Fatal || e instanceof ItemError ? e.message : this.describe(e, 'item');
      this.items.push({ ...attempt, error: message });
      if (e instanceof Fatal) {
        this.fatal = message;
        return false;
      }
    }
    const recurrence = escalating(this.ctx, g);
    return ticket && recurrence ? this.escalation(g, ticket, recurrence) : true;
  }

  /** The escalation of a failure on its ticket, as an item; false when the sink must stop. */
  private async escalation(g: FindingGroup, ticket: EscalationTarget, r: Recurrence): Promise<boolean> {
    try {
      const item = await this.escalate(g, ticket, r);
      if (item) this.items.push(item);
      return true;
    } catch (e) {
      const message = e instanceof Fatal || e instanceof ItemError ? e.message : this.describe(e, 'item');
      this.items.push({
        fingerprint: g.fingerprint,
        action: 'updated',
        target: `${ticket.key} (escalation)`,
        url: this.browse(ticket.key),
        error: message,
      });
      if (e instanceof Fatal) {
        this.fatal = message;
        return false;
      }
      return true;
    }
  }

  /**
   * Raises the ticket's priority one step and adds the escalation comment, once per run: nothing when a comment
   * of this run's escalation is there already (an earlier attempt escalated). Undefined when nothing was done.
   */
  private async escalate(
    g: FindingGroup,
    ticket: EscalationTarget,
    r: Recurrence,
  ): Promise<PublishedItem | undefined> {
    const { ctx, settings } = this;
    const { key } = ticket;
    const runId = ctx.report.run.id;
    const url = this.browse(key);
    const me = await this.me();
    const comments = ticket.fresh ? [] : await this.commentsOf(key);
    const done = comments.find(
      (c) => c.author === me && publishedAttempt(c.text, runId, 'escalation') !== undefined,
    );
    if (done) {
      ctx.debug(`Jira: ${key} was escalated by this run already (comment ${done.id}); not again.`);
      return undefined;
    }
    const current =
      ticket.priority !== undefined
        ? ticket.priority
        : await this.call('priority-read', () => this.api.priority(key));
    let priority: EscalationPriority;
    const step = current === null ? undefined : nextPriority(current, settings.priorities);
    if (current === null) priority = { kind: 'unknown' };
    else if (step === undefined) priority = { kind: 'unknown', current };
    else if ('highest' in step) priority = { kind: 'highest', at: current };
    else {
      const to = step.to;
      try {
        await ctx.audit.around(
          'jira',
          'priority',
          key,
          () => this.api.setPriority(key, redactDeep(to, this.secrets)),
          () => `${current} → ${to}`,
        );
        priority = { kind: 'raised', from: current, to };
      } catch (e) {
        // Not settable (not on the edit screen, not a priority of the scheme, no permission): the comment says so.
        const why = this.editRefusal(e);
        if (why === undefined) throw this.classify(e, 'priority');
        priority = { kind: 'refused', from: current, to, why };
        this.notes.push(
          `${key} escalated without raising its priority: Jira refused "${to}" (${why}); put Priority on the edit screen of ${settings.project} (and let the account edit issues) or change jira-priorities`,
        );
      }
    }
    ctx.debug(
      `Jira: escalating ${key} for failure ${g.fingerprint} (${r.occurrences} runs): ${priority.kind}.`,
    );
    const body = redactDeep(
      this.api.version === 3
        ? escalationAdf(ctx.report, g, priority, { secrets: this.secrets })
        : escalationWiki(ctx.report, g, priority, { secrets: this.secrets }),
      this.secrets,
    );
    const c = await this.writeOnce(
      'escalate',
      key,
      () => this.api.addComment(key, body),
      (x) => `comment ${x.id}`,
      async () => {
        const mine = (await this.commentsOf(key, true)).find(
          (x) => x.author === me && publishedAttempt(x.text, runId, 'escalation') !== undefined,
        );
        return mine ? { id: mine.id } : undefined;
      },
      (c) => `comment ${c.id}`,
    );
    const what =
      priority.kind === 'raised'
        ? `priority ${priority.from} → ${priority.to}`
        : priority.kind === 'highest'
          ? `already at ${priority.at}`
          : priority.kind === 'refused'
            ? `priority not raised, Jira refused ${priority.to}`
            : 'priority left as it is';
    return {
      fingerprint: g.fingerprint,
      action: 'updated',
      target: redactDeep(cut(oneLine(`${key} (escalated: ${what})`), 300), this.secrets),
      url: c.id ? `${url}?focusedCommentId=${encodeURIComponent(c.id)}` : url,
    };
  }

  /** The ticket's recent comments, read once per publish (again with `fresh`). */
  private async commentsOf(key: string, fresh = false): Promise<JiraComment[]> {
    const known = this.comments.get(key);
    if (known && !fresh) return known;
    const read = await this.call('comments', () => this.api.comments(key));
    this.comments.set(key, read);
    return read;
  }

  /** Jira's reason for refusing an edit of the priority (400: not on the screen or not valid; 403), or undefined. */
  private editRefusal(e: unknown): string | undefined {
    if (!this.core.isApiError(e) || (e.status !== 400 && e.status !== 403)) return undefined;
    const detail = jiraMessages(e.body);
    return redactDeep(cut(oneLine(detail || `HTTP ${e.status}`), 200), this.secrets);
  }

  /** A comment for this occurrence on the open ticket, or the update of this run's comment, or nothing. */
  private async occurrence(g: FindingGroup, open: Ticket): Promise<PublishedItem> {
    const { id: runId, attempt } = this.ctx.report.run;
    const url = this.browse(open.key);
    const base = { fingerprint: g.fingerprint, target: open.key, url };
    // The ticket was opened by this run (an earlier attempt): nothing new to say.
    if (publishedAttempt(open.text, runId, 'ticket') !== undefined) {
      this.ctx.debug(`Jira: ${open.key} was opened by this run; nothing to add.`);
      return { ...base, action: 'unchanged' };
    }
    const me = await this.me();
    const comments = await this.commentsOf(open.key);
    const ours = comments.find(
      (c) => c.author === me && publishedAttempt(c.text, runId, 'occurrence') !== undefined,
    );
    const commentUrl = (id: string) => `${url}?focusedCommentId=${encodeURIComponent(id)}`;
    if (ours && (publishedAttempt(ours.text, runId, 'occurrence') ?? 0) >= attempt)
      return { ...base, action: 'unchanged', target: `comment on ${open.key}`, url: commentUrl(ours.id) };
    this.ctx.debug(
      `Jira: ${open.key} is open for failure ${g.fingerprint}: ${ours ? `updating comment ${ours.id}` : 'adding a comment'}.`,
    );
    const body = redactDeep(
      this.api.version === 3
        ? occurrenceAdf(this.ctx.report, g, { secrets: this.secrets })
        : occurrenceWiki(this.ctx.report, g, { secrets: this.secrets }),
      this.secrets,
    );
    if (ours) {
      await this.write(
        'update-comment',
        `${open.key} comment ${ours.id}`,
        () => this.api.updateComment(open.key, ours.id, body),
        () => `comment ${ours.id}`,
      );
      return { ...base, action: 'updated', target: `comment on ${open.key}`, url: commentUrl(ours.id) };
    }
    const r = await this.writeOnce(
      'comment',
      open.key,
      () => this.api.addComment(open.key, body),
      (c) => `comment ${c.id}`,
      async () => {
        const mine = (await this.commentsOf(open.key, true)).find(
          (c) => c.author === me && publishedAttempt(c.text, runId, 'occurrence') === attempt,
        );
        return mine ? { id: mine.id } : undefined;
      },
      (x) => `comment ${x.id}`,
    );
    return {
      ...base,
      action: 'commented',
      target: `comment on ${open.key}`,
      url: r.id ? commentUrl(r.id) : url,
    };
  }

  /**
   * A new ticket, within the daily cap, with its priority's name when known (null: none; undefined: Jira's
   * default, unknown here); undefined when the cap stopped it.
   */
  private async create(
    g: FindingGroup,
    label: string,
  ): Promise<{ item: PublishedItem; key: string; priority: string | null | undefined } | undefined> {
    const { settings, ctx } = this;
    const target = `${settings.project}: new ticket labelled ${label}`;
    if (this.createdToday === undefined) {
      // Tickets labelled ci-triage created since the start of the UTC day, as a relative date so that the
      // account's time zone (which startOfDay() would use) does not move the day.
      const now = ctx.now();
      const minutes = Math.max(1, Math.ceil((now.getTime() - startOfUtcDay(now).getTime()) / 60_000));
      this.createdToday = await this.call('count', () =>
        this.api.count(
          `project = ${q(settings.project)} AND labels = ${q(LABEL)} AND created >= -${minutes}m`,
        ),
      );
    }
    if (this.createdToday >= settings.dailyCap) {
      this.capped++;
      ctx.audit.skipped(
        'jira',
        'create',
        target,
        `daily cap reached (${this.createdToday} of ${settings.dailyCap})`,
      );
      return undefined;
    }
    // A priority given in jira-fields is the user's; else the one mapped from the severity.
    const priority = 'priority' in settings.fields ? '' : settings.priorities[g.severity];
    const fields = this.fields(g, label);
    let key: string;
    // The priority the ticket got: ours, the one of jira-fields, or Jira's default (unknown).
    let given: string | undefined =
      'priority' in settings.fields ? (nameOf(settings.fields.priority) ?? undefined) : undefined;
    const send = (withPriority: boolean) => {
      const payload = redactDeep(
        withPriority ? { ...fields, priority: { name: priority } } : fields,
        this.secrets,
      );
      return this.writeOnce(
        'create',
        target,
        () => this.api.create(payload),
        (r) => r.key,
        // The create may have gone through: this run's ticket, by its label and its description's mark.
        async () => {
          const runId = ctx.report.run.id;
          const mine = (await this.openTickets(label, { more: true })).find(
            (t) => publishedAttempt(t.text, runId, 'ticket') !== undefined,
          );
          return mine ? { key: mine.key } : undefined;
        },
        (r) => r.key,
        withPriority,
      );
    };
    if (this.noPriority || priority === '') key = (await send(false)).key;
    else {
      try {
        key = (await send(true)).key;
        given = priority;
      } catch (e) {
        const refused = this.priorityRefusal(e);
        if (refused === undefined) throw e;
        this.noPriority = true;
        key = (await send(false)).key;
        this.notes.push(
          `${key} created without a priority: Jira refused "${priority}" (${refused}); add Priority to the create screen of ${settings.project} or change jira-priorities`,
        );
      }
    }
    this.createdToday++;
    this.ctx.debug(
      `Jira: created ${key} for failure ${g.fingerprint} (${this.createdToday} of ${settings.dailyCap} today).`,
    );
    // A concurrent run may have created the same failure's ticket: the oldest stays, ours is its duplicate.
    // The ticket exists whatever happens here: a failure to check or to close is a note, not the item's error.
    let oldest: Ticket | undefined;
    try {
      [oldest] = await this.openTickets(label, { before: keyNumber(key) });
      if (oldest && keyNumber(oldest.key) < keyNumber(key))
        await this.closeDuplicate(
          { key, text: '', priority: given ?? null, creator: undefined, labels: [label], open: true },
          oldest,
          false,
        );
    } catch (e) {
      this.notes.push(
        oldest
          ? `${key} duplicates ${oldest.key} (created at the same time by another run) but could not be closed: ${this.why(e)}`
          : `${key}: could not check for a ticket a concurrent run created (${this.why(e)})`,
      );
      oldest = undefined;
    }
    if (oldest && keyNumber(oldest.key) < keyNumber(key)) {
      const url = this.browse(oldest.key);
      ctx.refs.set(g.fingerprint, { ...ctx.refs.get(g.fingerprint), jira: { key: oldest.key, url } });
      return {
        item: {
          fingerprint: g.fingerprint,
          action: 'deduplicated',
          target: `${key}, created at the same time as ${oldest.key} by another run: linked as its duplicate`,
          url,
        },
        key: oldest.key,
        priority: oldest.priority,
      };
    }
    const url = this.browse(key);
    ctx.refs.set(g.fingerprint, { ...ctx.refs.get(g.fingerprint), jira: { key, url } });
    return {
      item: { fingerprint: g.fingerprint, action: 'created', target: key, url },
      key,
      priority: given,
    };
  }

  /** The fields of a new ticket: ours, then jira-fields (which may not replace what dedupe relies on). */
  private fields(g: FindingGroup, label: string): Record<string, unknown> {
    const { settings, ctx } = this;
    const description =
      this.api.version === 3
        ? ticketAdf(ctx.report, g, { secrets: this.secrets })
        : ticketWiki(ctx.report, g, { secrets: this.secrets });
    const extra = settings.fields;
    const theirLabels = Array.isArray(extra.labels)
      ? extra.labels.filter((l): l is string => typeof l === 'string')
      : [];
    const rest = Object.fromEntries(
      Object.entries(extra).filter(([k]) => !['project', 'summary', 'description', 'labels'].includes(k)),
    );
    return {
      project: { key: settings.project },
      issuetype: { name: settings.issueType },
      summary: ticketSummary(g, this.secrets),
      description,
      ...rest,
      labels: [...new Set([LABEL, label, ...theirLabels])],
    };
  }

  /** Jira's reason for refusing the priority field (400 `errors.priority`), or undefined. */
  private priorityRefusal(e: unknown): string | undefined {
    if (!this.core.isApiError(e) || e.status !== 400) return undefined;
    const errors = (e.body as { errors?: Record<string, unknown> } | undefined)?.errors;
    const why = errors?.priority;
    return why === undefined ? undefined : cut(oneLine(str(why)), 200);
  }

  /** A read: its failure is fatal when it would recur for every failure. */
  private async call<T>(op: Op, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw this.classify(e, op);
    }
  }

  /**
   * A write, audited: intent, then ok or error. With `priorityRetry`, Jira's refusal of the priority is
   * rethrown as it is, for the retry without it.
   */
  private async write<T>(
    action: WriteOp,
    target: string,
    fn: () => Promise<T>,
    describe: (r: T) => string,
  ): Promise<T> {
    try {
      return await this.ctx.audit.around('jira', action, target, fn, describe, (e) => this.failure(e).text);
    } catch (e) {
      throw this.classify(e, action);
    }
  }

  /**
   * A write that creates (a ticket, a comment), made once (`createOnce`): after an answer that is lost, it
   * looks (`look`) for what it made before it sends it again. With `priorityRetry`, Jira's refusal of the
   * priority is rethrown as it is, for the retry without it.
   */
  private async writeOnce<T>(
    action: 'create' | 'comment' | 'escalate',
    target: string,
    fn: () => Promise<T>,
    describe: (r: T) => string,
    look: () => Promise<T | undefined>,
    /** What was found, for the note: `CI-12`, `comment 10101`. */
    name: (found: T) => string,
    priorityRetry = false,
  ): Promise<T> {
    try {
      const once = await createOnce(this.ctx.audit, {
        sink: 'jira',
        action,
        target,
        send: fn,
        describe,
        failure: (e) => this.failure(e),
        look,
        ...(this.retryDelayMs !== undefined ? { retryDelayMs: this.retryDelayMs } : {}),
        debug: this.ctx.debug,
      });
      const note = lostAnswers(once, `${name(once.value)} by its mark`);
      if (note) this.notes.push(`${target}: ${note}`);
      return once.value;
    } catch (e) {
      if (priorityRetry && this.priorityRefusal(e) !== undefined) throw e;
      throw this.classify(e, action);
    }
  }

  /** What a failed write means: did it go through (a 5xx, a timeout, a dropped connection: maybe)? */
  private failure(e: unknown): WriteFailure {
    const { core } = this;
    if (core.isNetworkError(e)) {
      const code = e.code;
      if (code === 'ETIMEDOUT') return { fate: 'unknown', text: timedOut(this.timeoutMs) };
      if (code !== undefined && NOT_REACHED.has(code))
        return { fate: 'not-sent', text: `unreachable (${code})` };
      return { fate: 'unknown', text: `no answer (${code ?? 'connection lost'})` };
    }
    if (core.isApiError(e)) {
      const s = e.status;
      if (s === 429) {
        const wait = core.isRateLimitError(e) ? e.retryAfterMs : undefined;
        return {
          fate: 'not-sent',
          text: 'HTTP 429 (rate limited)',
          ...(wait !== undefined ? { retryAfterMs: wait } : {}),
        };
      }
      const detail = jiraMessages(e.body);
      return {
        fate: s >= 500 ? 'unknown' : 'refused',
        text: redactDeep(
          cut(
            oneLine(
              `HTTP ${s}${e.statusText ? ` ${e.statusText}` : ''}${detail ? `: ${detail}` : ''}`,
            ).replace(/\s+/g, ' '),
            600,
          ),
          this.secrets,
        ),
      };
    }
    return { fate: 'refused', text: errorText(e, this.secrets) };
  }

  /** An error's message for a note. */
  private why(e: unknown): string {
    return e instanceof Fatal || e instanceof ItemError ? e.message : this.describe(e, 'item');
  }

  /** A Fatal error (stop the sink) or a per-item error with a message for people. */
  private classify(e: unknown, op: Op): Error {
    const { core } = this;
    if (e instanceof Fatal || e instanceof ItemError) return e;
    // Jira unreachable stops the sink; a timeout or a dropped answer is this failure's alone.
    if (core.isNetworkError(e))
      return e.code !== undefined && NOT_REACHED.has(e.code)
        ? new Fatal(this.describe(e, op))
        : new ItemError(this.describe(e, op));
    if (!core.isApiError(e)) return new ItemError(this.describe(e, op));
    const s = e.status;
    const onTicket = op === 'comments' || op === 'comment' || op === 'update-comment' || op === 'escalate';
    const itemOnly =
      (s === 404 && (onTicket || op === 'priority' || op === 'priority-read')) ||
      (s === 400 && (op === 'comment' || op === 'update-comment' || op === 'escalate')) ||
      // Someone else's comment that names the run (the account may edit its own only).
      (s === 403 && op === 'update-comment') ||
      s >= 500 ||
      s === 409 ||
      op === 'link-duplicate' ||
      op === 'close-duplicate' ||
      op === 'transitions';
    return itemOnly ? new ItemError(this.describe(e, op)) : new Fatal(this.describe(e, op));
  }

  /** What went wrong and the fix, for the outcome (redacted). */
  private describe(e: unknown, op: Op | 'item'): string {
    const { settings, core } = this;
    const secrets = this.secrets;
    const project = settings.project;
    const on = op === 'item' ? '' : ` on ${OP_NAMES[op]}`;
    let out: string;
    if (core.isNetworkError(e)) {
      const code = e.code;
      out =
        code === 'ETIMEDOUT'
          ? `Jira ${timedOut(this.timeoutMs)} at ${settings.baseUrl}${on}: if it keeps happening, check jira-url and that the runner reaches it quickly`
          : code !== undefined && NOT_REACHED.has(code)
            ? `Jira is unreachable at ${settings.baseUrl}: ${code} — check jira-url and that the runner can reach it`
            : `Jira gave no answer at ${settings.baseUrl}${on}: ${code ?? errorText(e, secrets)}`;
    } else if (core.isApiError(e)) {
      const s = e.status;
      const detail = jiraMessages(e.body);
      const projectError = projectProblem(e.body);
      if (s === 401)
        out =
          settings.apiVersion === 3
            ? `Jira answered 401 Unauthorized: check jira-email and jira-api-token (an API token from ${API_TOKENS_URL})`
            : 'Jira answered 401 Unauthorized: check jira-api-token (a personal access token of Jira Server / Data Center, sent as a Bearer token with jira-api-version 2)';
      else if (projectError !== undefined)
        out = `Jira answered ${s} for project "${project}"${on}: ${projectError} — check jira-project (the key, e.g. CI) and that the account can browse it`;
      else if (s === 403)
        out = `Jira answered 403 Forbidden${on}${detail ? `: ${detail}` : ''} — the account needs the Browse projects, Create issues and Add comments permissions in ${project}`;
      else if (s === 404)
        out =
          op === 'comments' ||
          op === 'comment' ||
          op === 'update-comment' ||
          op === 'escalate' ||
          op === 'priority' ||
          op === 'priority-read'
            ? `Jira answered 404${on}: the ticket is gone or the account cannot see it${detail ? ` (${detail})` : ''}`
            : `Jira answered 404${on}${detail ? `: ${detail}` : ''} — check jira-url (the site, e.g. https://acme.atlassian.net) and jira-api-version (3 for Cloud, 2 for Server / Data Center)`;
      else if (s === 400 && op === 'create')
        out = `Jira answered 400${on}: ${detail || 'bad request'} — ${fieldsHint(e.body, settings)}`;
      else if (s === 400 && (op === 'search' || op === 'count'))
        out = `Jira answered 400${on}: ${detail || 'bad request'} — check jira-project`;
      else if (s === 429) {
        const wait =
          core.isRateLimitError(e) && e.retryAfterMs !== undefined
            ? ` (Jira asks to wait ${duration(e.retryAfterMs)})`
            : '';
        out = `Jira answered 429 Too Many Requests${on}: the account is rate limited${wait}; the next run publishes again`;
      } else if (s >= 300 && s < 400)
        out = `Jira answered ${s}${on}: ${e.message.replace(/^.*?: /, '')} — set jira-url to the address it redirects to`;
      else if (s >= 200 && s < 300)
        out = `${e.message} — check jira-url (the Jira site, e.g. https://acme.atlassian.net)`;
      else
        out = `Jira answered ${s}${e.statusText ? ` ${e.statusText}` : ''}${on}${detail ? `: ${detail}` : ''}`;
    } else out = `Jira${on}: ${errorText(e, secrets)}`;
    return redactDeep(cut(oneLine(out), 1000), secrets);
  }

  outcome(): SinkOutcome {
    const { settings } = this;
    const notes = [...this.notes];
    if (this.capped > 0)
      notes.push(
        `daily cap reached (${this.createdToday ?? 0} of ${settings.dailyCap}): ${this.capped} new ticket${this.capped === 1 ? '' : 's'} not created`,
      );
    const ok = this.items.filter((i) => i.error === undefined).length;
    const failed = this.items.length - ok;
    const status: SinkOutcome['status'] =
      this.items.length === 0 ? 'skipped' : failed === 0 ? 'ok' : ok === 0 ? 'failed' : 'partial';
    const first = this.fatal ?? this.items.find((i) => i.error !== undefined)?.error;
    const message = [...(first !== undefined ? [first] : []), ...notes].join('; ');
    return { sink: 'jira', status, items: this.items, ...(message ? { message } : {}) };
  }
}

type WriteOp = 'create' | 'comment' | 'update-comment' | 'escalate' | 'link-duplicate' | 'close-duplicate';

type Op =
  | WriteOp
  | 'myself'
  | 'transitions'
  | 'search'
  | 'count'
  | 'comments'
  | 'create'
  | 'comment'
  | 'update-comment'
  | 'priority-read'
  | 'priority'
  | 'escalate';
const OP_NAMES: Record<Op, string> = {
  search: 'the search for an open ticket',
  count: 'the count for the daily cap',
  comments: 'reading the comments',
  create: 'create',
  comment: 'adding a comment',
  'update-comment': 'updating a comment',
  'priority-read': "reading the ticket's priority",
  priority: 'raising the priority',
  escalate: 'adding the escalation comment',
  myself: 'reading the account (GET /myself)',
  transitions: "reading a duplicate ticket's transitions",
  'link-duplicate': 'linking a duplicate ticket',
  'close-duplicate': 'closing a duplicate ticket',
};

/** Network codes that mean the request never reached Jira: every other request would fail the same way. */
const NOT_REACHED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** Tickets a search for a fingerprint reads at most (more than one only after a race). */
const SEARCH_MAX = 10;
/** Tickets read by key past the newest one the search index knows, at most. */
const SCAN_MAX = 20;
/** `CI-12` → 12. */
const keyNumber = (key: string): number => Number(/-(\d+)$/.exec(key)?.[1] ?? 0);

/** The ticket an escalation acts on. */
interface EscalationTarget {
  key: string;
  /** Its priority's name; null: none; undefined: not known (read it). */
  priority: string | null | undefined;
  /** Created by this publish: no comment to read. */
  fresh: boolean;
}

/** The failure's recurrence when it escalates with this run (the history's decision), else undefined. */
function escalating(ctx: SinkContext, g: FindingGroup): Recurrence | undefined {
  const r = ctx.report.history?.recurrences[g.fingerprint];
  return r?.escalate === true && !r.generic ? r : undefined;
}

/** Jira's default priorities, lowest first: the ladder an escalation climbs one step of. */
const LADDER = ['Lowest', 'Low', 'Medium', 'High', 'Highest'] as const;
/** The severity whose `jira-priorities` name stands for each step (Lowest has none). */
const LADDER_SEVERITY: ReadonlyArray<Severity | undefined> = [undefined, 'low', 'medium', 'high', 'critical'];

/**
 * The priority one step above `current`: its name as `jira-priorities` gives it (`critical=P1,high=P2,…`), else
 * Jira's default name; `highest` when `current` is the top step; undefined when `current` is on no step.
 * `current` is found among the configured names first, then among Jira's defaults (case-insensitive); a step
 * whose name is the same as the current one is skipped.
 */
export function nextPriority(
  current: string,
  priorities: Readonly<Record<Severity, string>>,
): { to: string } | { highest: true } | undefined {
  const ladder = LADDER.map((name, i) => {
    const sev = LADDER_SEVERITY[i];
    const configured = sev === undefined ? '' : priorities[sev].trim();
    return configured === '' ? name : configured;
  });
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  let at = -1;
  for (let i = ladder.length - 1; i >= 0 && at < 0; i--) if (same(ladder[i] ?? '', current)) at = i;
  for (let i = LADDER.length - 1; i >= 0 && at < 0; i--) if (same(LADDER[i] ?? '', current)) at = i;
  if (at < 0) return undefined;
  for (let i = at + 1; i < ladder.length; i++) {
    const name = ladder[i] ?? '';
    if (!same(name, current)) return { to: name };
  }
  return { highest: true };
}

/** Jira's words when the project does not exist or the account cannot see it, or undefined. */
function projectProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { errorMessages?: unknown; errors?: unknown };
  const errors = b.errors && typeof b.errors === 'object' ? (b.errors as Record<string, unknown>) : {};
  if (errors.project !== undefined) return cut(oneLine(str(errors.project)), 300);
  const messages = Array.isArray(b.errorMessages) ? (b.errorMessages as unknown[]).map(str) : [];
  const m = messages.find((x) => /for the field 'project'|no project could be found/i.test(x));
  return m === undefined ? undefined : cut(oneLine(m), 300);
}

/** Which input to check for a 400 on create, from the fields Jira names. */
function fieldsHint(body: unknown, settings: JiraSettings): string {
  const errors =
    typeof body === 'object' && body !== null && typeof (body as { errors?: unknown }).errors === 'object'
      ? Object.keys((body as { errors: Record<string, unknown> }).errors ?? {})
      : [];
  if (errors.some((k) => k in settings.fields)) return 'check jira-fields';
  if (errors.includes('issuetype')) return 'check jira-issue-type (an issue type of the project, e.g. Bug)';
  if (errors.includes('priority')) return 'check jira-priorities';
  if (errors.length > 0)
    return "a field the project requires or refuses: set it with jira-fields, or change the project's create screen";
  return 'check jira-fields';
}

const duration = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

/** A JSON value as text: a string as it is, anything else as JSON. */
const str = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

function errorText(e: unknown, secrets: readonly string[]): string {
  return redactDeep(cut(oneLine(e instanceof Error ? e.message : String(e)), 500), secrets);
}
