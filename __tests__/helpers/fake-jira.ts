/**
 * A local fake of the Jira REST API, for what the Jira sink calls, answering as Jira does: Cloud's v3 (ADF
 * descriptions and comments, the enhanced JQL search with `nextPageToken`/`isLast`, the approximate count) and
 * Server / Data Center's v2 (wiki markup strings, `/rest/api/2/search` with `startAt`/`maxResults`/`total`).
 * The v3 answers are typed with jira.js's own schemas (their wire, i.e. input, types), so the compiler checks
 * their shapes, and jira.js's client validates them at run time.
 *
 * Errors are Jira's: `{"errorMessages":[…],"errors":{field: message}}` with its real wording — a field not on
 * the create screen ("Field 'priority' cannot be set. It is not on the appropriate screen, or unknown."), a
 * project the account cannot see (400 `errors.project` "valid project is required" on create, 400 "The value
 * 'X' does not exist for the field 'project'." on a search), 404 "Issue does not exist or you do not have
 * permission to see it.", and 401 as Jira Cloud sends it (text/plain "Client must be authenticated to access
 * this resource.", `X-Seraph-LoginReason: AUTHENTICATED_FAILED`).
 *
 * Endpoints: POST /rest/api/{2,3}/issue; GET|PUT /rest/api/{2,3}/issue/{key} (the edit answers 204 No
 * Content, as Jira does; a field not on the edit screen is a 400 "Field 'priority' cannot be set…", an unknown
 * priority name a 400 "Specify a valid 'id' or 'name' for Priority"); GET|POST /rest/api/3/search/jql;
 * POST /rest/api/3/search/approximate-count; GET|POST /rest/api/2/search; GET|POST
 * /rest/api/{2,3}/issue/{key}/comment; GET|PUT /rest/api/{2,3}/issue/{key}/comment/{id}.
 *
 * The JQL evaluator knows the clauses the sink sends, joined by AND: `project = "KEY"`, `labels = "x"`,
 * `statusCategory != Done`, `created >= startOfDay()` (UTC here) or `created >= -90m` (relative: m, h, d, w),
 * and `ORDER BY created|key ASC|DESC`. Anything else is a 400 as Jira gives for bad JQL.
 *
 * Also: GET /rest/api/{2,3}/myself (the account the credentials act as), POST /rest/api/{2,3}/issueLink,
 * GET|POST /rest/api/{2,3}/issue/{key}/transitions (To Do → In Progress → Done, by status category). Issues
 * carry their `creator` (the account, unless set to another user's).
 *
 * Switches: the accepted credentials (`basic`, `bearer`), the projects the account can browse, the fields on
 * the create screen and the required ones, the fields on the edit screen, the issue types and priorities (and
 * the default one, that an issue created without a priority has), `failNext` (answer a request with
 * a given status and body, N times), `hang` (never answer), and `now`. Per request (`fault`): a write carried
 * out and then answered 5xx or with the connection dropped (a ghost write), answered so without being carried
 * out, never answered, or answered late; `searchLagMs`: the search index (JQL search, count) trails writes, as
 * Jira Cloud's does — an issue is found by a search only that long after it was created, while GET
 * /issue/{key} reads it at once; `barrier`: requests held until N have arrived. Every request is recorded
 * (method, path, query, headers, raw and parsed body).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  CommentSchema,
  CreatedIssueSchema,
  IssueSchema,
  JQLCountResultsSchema,
  PageOfCommentsSchema,
  SearchAndReconcileResultsSchema,
  UserDetailsSchema,
} from 'jira.js/cloud';
import type { z } from 'zod';

/** What goes over the wire for a jira.js schema (its input type: dates are strings there). */
type Wire<S extends z.ZodType> = z.input<S>;

export type StatusCategory = 'new' | 'indeterminate' | 'done';
export type ApiVersion = 2 | 3;

export interface FakeJiraComment {
  id: string;
  /** As sent: an ADF document (v3) or wiki markup (v2). */
  body: unknown;
  created: Date;
  updated: Date;
  /** The accountId of who wrote it; the account's when absent. */
  author?: string;
}

export interface FakeJiraIssue {
  id: string;
  key: string;
  project: string;
  /** The fields as sent on create (summary, description, labels, priority, issuetype, custom fields). */
  fields: Record<string, unknown>;
  statusCategory: StatusCategory;
  created: Date;
  comments: FakeJiraComment[];
  /** The API version it was created with (how its description is stored). */
  version: ApiVersion;
  /** The accountId of who created it; the account's when absent. */
  creator?: string;
}

/** A fault injected into the answer of one request (see `FakeJiraState.fault`). */
export interface FakeJiraFault {
  method: string;
  path: string | RegExp;
  /**
   * `ghost`: carried out, then answered `status` (default 502) or, with `drop`, the connection closed without
   * an answer; `fail`: answered so without being carried out; `hang`: never answered (nor carried out);
   * `slow`: carried out and answered after `delayMs`.
   */
  kind: 'ghost' | 'fail' | 'hang' | 'slow';
  status?: number;
  drop?: boolean;
  delayMs?: number;
  /** Only requests this says yes to (e.g. a create whose body carries a label). */
  when?: (r: RecordedJiraRequest) => boolean;
  /** How many matching requests it takes (default 1). */
  times?: number;
}

/** An issue link made with POST /issueLink. */
export interface FakeJiraLink {
  type: string;
  /** The issue the link goes from ("duplicates"). */
  outward: string;
  /** The issue it goes to ("is duplicated by"). */
  inward: string;
}

export interface FakeJiraFailure {
  method: string;
  /** The path (no query), exactly, or a pattern. */
  path: string | RegExp;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests get it (default 1). */
  times?: number;
}

export interface RecordedJiraRequest {
  method: string;
  path: string;
  /** Query parameters; a repeated one is joined with commas. */
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** The body exactly as received. */
  rawBody: string;
  /** The body parsed as JSON, when it is. */
  body: unknown;
}

const NOT_ON_SCREEN = (f: string) =>
  `Field '${f}' cannot be set. It is not on the appropriate screen, or unknown.`;
const NO_ISSUE = 'Issue does not exist or you do not have permission to see it.';

export class FakeJiraState {
  /** Keys of the projects the account can browse (and create in). */
  projects = new Set<string>(['CI']);
  issues: FakeJiraIssue[] = [];
  /** Jira Cloud: HTTP Basic with the account email and an API token. Undefined: refused. */
  basic: { email: string; token: string } | undefined = {
    email: 'ci-bot@example.com',
    token: 'jira-api-token-0123456789abcdef',
  };
  /** Jira Server / Data Center: a personal access token as a Bearer token. Undefined: refused. */
  bearer: string | undefined = 'NjQ4MzI1NzE2OTQ1Oj7example-pat-token';
  issueTypes = new Set<string>(['Bug', 'Task', 'Story']);
  priorities = new Set<string>(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
  /** The priority of an issue created without one (the priority scheme's default); undefined: none. */
  defaultPriority: string | undefined = 'Medium';
  /** The fields on the create screen: any other is refused as "not on the appropriate screen, or unknown". */
  screenFields = new Set<string>([
    'project',
    'issuetype',
    'summary',
    'description',
    'priority',
    'labels',
    'components',
    'environment',
    'customfield_10020',
  ]);
  /** The fields on the edit screen (PUT /issue/{key}); undefined: the create screen's. */
  editScreenFields: Set<string> | undefined;
  /** Fields the create screen requires, with their names for the message (`Component/s is required.`). */
  requiredFields = new Map<string, string>();
  failures: FakeJiraFailure[] = [];
  /** `METHOD path` (no query) of requests never answered. */
  hung = new Set<string>();
  /** Per-request faults, the first matching one taken. */
  faults: FakeJiraFault[] = [];
  /** How far the search index trails writes, in ms: younger issues are not found by a search. */
  searchLagMs = 0;
  /** Issue links made. */
  links: FakeJiraLink[] = [];
  /** The accountId the credentials act as (v3; v2 knows the account as key JIRAUSER10100). */
  accountId = '5b10a2844c20165700ede21g';
  /** Requests held until `parties` have arrived. */
  barriers: Array<{
    method: string;
    path: RegExp;
    parties: number;
    timeoutMs?: number;
    waiting: Array<() => void>;
  }> = [];
  now: () => Date = () => new Date();
  private nextIssueId = 10000;
  private nextCommentId = 10100;
  private readonly counters = new Map<string, number>();

  failNext(failure: FakeJiraFailure): void {
    this.failures.push({ times: 1, ...failure });
  }

  hang(method: string, path: string): void {
    this.hung.add(`${method} ${path}`);
  }

  fault(f: FakeJiraFault): void {
    this.faults.push({ times: 1, ...f });
  }

  barrier(b: { method: string; path: RegExp; parties: number; timeoutMs?: number }): void {
    this.barriers.push({ ...b, waiting: [] });
  }

  /** Whether the search index knows the issue yet. */
  indexed(issue: FakeJiraIssue): boolean {
    return this.now().getTime() - issue.created.getTime() >= this.searchLagMs;
  }

  addIssue(init: Partial<FakeJiraIssue> & { project: string }): FakeJiraIssue {
    const n = (this.counters.get(init.project) ?? 0) + 1;
    this.counters.set(init.project, n);
    const issue: FakeJiraIssue = {
      id: String(++this.nextIssueId),
      key: `${init.project}-${n}`,
      fields: {},
      statusCategory: 'new',
      created: this.now(),
      comments: [],
      version: 3,
      ...init,
    };
    this.issues.push(issue);
    return issue;
  }

  addComment(issue: FakeJiraIssue, body: unknown, author?: string): FakeJiraComment {
    const at = this.now();
    const c: FakeJiraComment = {
      id: String(++this.nextCommentId),
      body,
      created: at,
      updated: at,
      ...(author !== undefined ? { author } : {}),
    };
    issue.comments.push(c);
    return c;
  }

  issue(key: string): FakeJiraIssue | undefined {
    return this.issues.find((i) => i.key === key.toUpperCase() && this.projects.has(i.project));
  }

  labels(issue: FakeJiraIssue): string[] {
    const l = issue.fields.labels;
    return Array.isArray(l) ? l.filter((x): x is string => typeof x === 'string') : [];
  }
}

export interface FakeJira {
  baseUrl: string;
  state: FakeJiraState;
  requests: RecordedJiraRequest[];
  close(): Promise<void>;
}

export async function startFakeJira(state = new FakeJiraState()): Promise<FakeJira> {
  const requests: RecordedJiraRequest[] = [];
  let baseUrl = '';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      respond().catch(() => {
        res.destroy();
      });
    });
    async function respond(): Promise<void> {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', baseUrl);
      const query: Record<string, string> = {};
      for (const k of new Set(url.searchParams.keys())) query[k] = url.searchParams.getAll(k).join(',');
      let body: unknown;
      try {
        body = rawBody === '' ? undefined : JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
      const method = req.method ?? 'GET';
      const recorded: RecordedJiraRequest = {
        method,
        path: url.pathname,
        query,
        headers: req.headers,
        rawBody,
        body,
      };
      requests.push(recorded);
      if (state.hung.has(`${method} ${url.pathname}`)) return; // never answered
      const b = state.barriers.find((x) => x.method === method && x.path.test(url.pathname) && x.parties > 0);
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
      const fault = state.faults.find(
        (f) =>
          f.method === method &&
          (typeof f.path === 'string' ? f.path === url.pathname : f.path.test(url.pathname)) &&
          (f.times ?? 1) > 0 &&
          (f.when?.(recorded) ?? true),
      );
      if (fault) fault.times = (fault.times ?? 1) - 1;
      if (fault?.kind === 'hang') return;
      const lost = (): void => {
        if (fault?.drop) {
          res.destroy();
          return;
        }
        const status = fault?.status ?? 502;
        res.writeHead(status, { 'content-type': 'text/html;charset=UTF-8' });
        res.end(
          `<html><head><title>${status} Bad Gateway</title></head><body><h1>${status}</h1></body></html>`,
        );
      };
      if (fault?.kind === 'fail') return lost();
      const a = answer(state, baseUrl, method, url.pathname, query, body, req.headers.authorization);
      if (fault?.kind === 'ghost' && a.status < 300) return lost();
      if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
      res.writeHead(a.status, {
        'content-type':
          typeof a.body === 'string' ? 'text/plain;charset=UTF-8' : 'application/json;charset=UTF-8',
        ...a.headers,
      });
      res.end(a.body === undefined ? '' : typeof a.body === 'string' ? a.body : JSON.stringify(a.body));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    state,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Answer {
  status: number;
  /** JSON, or a string sent as text/plain; undefined: no body. */
  body?: unknown;
  headers?: Record<string, string>;
}

const json = (status: number, body: unknown, headers?: Record<string, string>): Answer => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});
const jiraError = (status: number, errorMessages: string[], errors: Record<string, string> = {}): Answer =>
  json(status, { errorMessages, errors });

function answer(
  state: FakeJiraState,
  base: string,
  method: string,
  path: string,
  query: Record<string, string>,
  body: unknown,
  authorization: string | undefined,
): Answer {
  const forced = state.failures.find(
    (f) =>
      f.method === method &&
      (typeof f.path === 'string' ? f.path === path : f.path.test(path)) &&
      (f.times ?? 1) > 0,
  );
  if (forced) {
    forced.times = (forced.times ?? 1) - 1;
    return {
      status: forced.status,
      body: forced.body,
      ...(forced.headers ? { headers: forced.headers } : {}),
    };
  }
  if (!authorized(state, authorization))
    return {
      status: 401,
      body: 'Client must be authenticated to access this resource.',
      headers: {
        'www-authenticate': `OAuth realm="${encodeURIComponent(base)}"`,
        'x-seraph-loginreason': 'AUTHENTICATED_FAILED',
      },
    };
  const m = /^\/rest\/api\/([23])(\/.*)$/.exec(path);
  if (!m) return json(404, { message: `null for uri: ${base}${path}`, 'status-code': 404 });
  const v = Number(m[1]) as ApiVersion;
  const rest = m[2] ?? '';
  const api = new Api(state, base, v);

  if (rest === '/issue' && method === 'POST') return api.create(body);
  if (rest === '/myself' && method === 'GET') return api.myself();
  if (rest === '/issueLink' && method === 'POST') return api.link(body);
  if (v === 3 && rest === '/search/jql' && (method === 'GET' || method === 'POST'))
    return api.searchJql(method === 'GET' ? query : ((body as Record<string, unknown> | undefined) ?? {}));
  if (v === 3 && rest === '/search/approximate-count' && method === 'POST') return api.count(body);
  if (v === 2 && rest === '/search' && (method === 'GET' || method === 'POST'))
    return api.searchV2(method === 'GET' ? query : ((body as Record<string, unknown> | undefined) ?? {}));
  let r = /^\/issue\/([^/]+)$/.exec(rest);
  if (r && method === 'GET') return api.getIssue(decodeURIComponent(r[1] ?? ''), query);
  if (r && method === 'PUT') return api.editIssue(decodeURIComponent(r[1] ?? ''), body);
  r = /^\/issue\/([^/]+)\/transitions$/.exec(rest);
  if (r && method === 'GET') return api.transitions(decodeURIComponent(r[1] ?? ''));
  if (r && method === 'POST') return api.doTransition(decodeURIComponent(r[1] ?? ''), body);
  r = /^\/issue\/([^/]+)\/comment$/.exec(rest);
  if (r && method === 'GET') return api.comments(decodeURIComponent(r[1] ?? ''), query);
  if (r && method === 'POST') return api.addComment(decodeURIComponent(r[1] ?? ''), body);
  r = /^\/issue\/([^/]+)\/comment\/([^/]+)$/.exec(rest);
  if (r && method === 'GET')
    return api.comment(decodeURIComponent(r[1] ?? ''), decodeURIComponent(r[2] ?? ''));
  if (r && method === 'PUT')
    return api.updateComment(decodeURIComponent(r[1] ?? ''), decodeURIComponent(r[2] ?? ''), body);
  return json(404, { message: `null for uri: ${base}${path}`, 'status-code': 404 });
}

function authorized(state: FakeJiraState, header: string | undefined): boolean {
  if (!header) return false;
  const basic = /^Basic\s+(\S+)$/i.exec(header);
  if (basic && state.basic) {
    const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8');
    return decoded === `${state.basic.email}:${state.basic.token}`;
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  return bearer !== null && state.bearer !== undefined && bearer[1] === state.bearer;
}

// ── JQL ─────────────────────────────────────────────────────────────────────────────────────────────────

interface Jql {
  test(issue: FakeJiraIssue): boolean;
  order: (a: FakeJiraIssue, b: FakeJiraIssue) => number;
  bounded: boolean;
}

class JqlError extends Error {}

const STRING = /^"((?:[^"\\]|\\.)*)"$|^([^\s"()]+)$/;
const unquote = (s: string): string | undefined => {
  const m = STRING.exec(s.trim());
  return m ? (m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]) : undefined;
};

function parseJql(jql: string, state: FakeJiraState): Jql {
  const [where = '', orderBy] = jql.split(/\s+ORDER\s+BY\s+/i);
  const tests: Array<(i: FakeJiraIssue) => boolean> = [];
  let bounded = false;
  const now = state.now();
  for (const raw of where.split(/\s+AND\s+/i)) {
    const clause = raw.trim();
    if (clause === '') continue;
    let m = /^project\s*=\s*(.+)$/i.exec(clause);
    if (m) {
      const key = unquote(m[1] ?? '');
      if (key === undefined) throw new JqlError(`Error in the JQL Query: ${clause}`);
      if (!state.projects.has(key.toUpperCase()))
        throw new JqlError(`The value '${key}' does not exist for the field 'project'.`);
      tests.push((i) => i.project === key.toUpperCase());
      bounded = true;
      continue;
    }
    m = /^labels\s*=\s*(.+)$/i.exec(clause);
    if (m) {
      const label = unquote(m[1] ?? '');
      if (label === undefined) throw new JqlError(`Error in the JQL Query: ${clause}`);
      tests.push((i) => state.labels(i).includes(label));
      continue;
    }
    m = /^statusCategory\s*(!=|=)\s*(.+)$/i.exec(clause);
    if (m) {
      const name = unquote(m[2] ?? '')?.toLowerCase();
      const cat =
        name === 'done'
          ? 'done'
          : name === 'to do'
            ? 'new'
            : name === 'in progress'
              ? 'indeterminate'
              : undefined;
      if (cat === undefined)
        throw new JqlError(`The value '${m[2] ?? ''}' does not exist for the field 'statusCategory'.`);
      tests.push(m[1] === '=' ? (i) => i.statusCategory === cat : (i) => i.statusCategory !== cat);
      continue;
    }
    m = /^created\s*>=\s*(.+)$/i.exec(clause);
    if (m) {
      const value = (m[1] ?? '').trim();
      let since: number;
      if (/^startOfDay\(\)$/i.test(value))
        since = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
      else {
        const rel = /^"?-(\d+)([mhdw])"?$/.exec(value);
        if (!rel) throw new JqlError(`Date value '${value}' for field 'created' is invalid.`);
        const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[
          rel[2] as 'm' | 'h' | 'd' | 'w'
        ];
        since = now.getTime() - Number(rel[1]) * unit;
      }
      tests.push((i) => i.created.getTime() >= since);
      continue;
    }
    throw new JqlError(`Error in the JQL Query: Expecting either 'OR' or 'AND' but got '${clause}'.`);
  }
  let order = (a: FakeJiraIssue, b: FakeJiraIssue) => Number(b.id) - Number(a.id); // Jira's default: newest key first
  if (orderBy !== undefined) {
    const o = /^(created|key)(?:\s+(ASC|DESC))?$/i.exec(orderBy.trim());
    if (!o) throw new JqlError(`Error in the JQL Query: cannot order by '${orderBy}'.`);
    const sign = (o[2] ?? 'ASC').toUpperCase() === 'DESC' ? -1 : 1;
    order =
      (o[1] ?? '').toLowerCase() === 'created'
        ? (a, b) => sign * (a.created.getTime() - b.created.getTime() || Number(a.id) - Number(b.id))
        : (a, b) => sign * (Number(a.id) - Number(b.id));
  }
  return { test: (i) => state.projects.has(i.project) && tests.every((t) => t(i)), order, bounded };
}

// ── Answers ─────────────────────────────────────────────────────────────────────────────────────────────

const STATUS: Record<StatusCategory, { id: string; name: string; catId: number; color: string }> = {
  new: { id: '10000', name: 'To Do', catId: 2, color: 'blue-gray' },
  indeterminate: { id: '3', name: 'In Progress', catId: 4, color: 'yellow' },
  done: { id: '10001', name: 'Done', catId: 3, color: 'green' },
};

/** Jira's timestamp format: `2026-05-06T14:00:00.000+0000`. */
const jiraTime = (d: Date): string => d.toISOString().replace('Z', '+0000');

const ADF_NODES = new Set([
  'doc',
  'paragraph',
  'text',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'codeBlock',
  'blockquote',
  'rule',
  'hardBreak',
  'panel',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'mention',
  'emoji',
  'inlineCard',
]);

/** Whether a value is an ADF document Jira would take: known nodes, no empty text, no marks in a code block. */
function isAdf(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as { type?: unknown; version?: unknown; content?: unknown };
  if (d.type !== 'doc' || d.version !== 1 || !Array.isArray(d.content)) return false;
  const ok = (n: unknown, inCode: boolean): boolean => {
    if (typeof n !== 'object' || n === null) return false;
    const x = n as { type?: unknown; text?: unknown; content?: unknown; marks?: unknown };
    if (typeof x.type !== 'string' || !ADF_NODES.has(x.type)) return false;
    if (x.type === 'text') {
      if (typeof x.text !== 'string' || x.text === '') return false;
      if (inCode && Array.isArray(x.marks) && x.marks.length > 0) return false;
    }
    return (
      x.content === undefined ||
      (Array.isArray(x.content) && x.content.every((c) => ok(c, x.type === 'codeBlock')))
    );
  };
  return d.content.every((c) => ok(c, false));
}

/** Plain text of an ADF document (for a v2 read of what v3 wrote). */
function adfPlain(n: unknown): string {
  if (typeof n === 'string') return n;
  if (typeof n !== 'object' || n === null) return '';
  const x = n as { type?: unknown; text?: unknown; content?: unknown };
  if (x.type === 'text' && typeof x.text === 'string') return x.text;
  if (!Array.isArray(x.content)) return '';
  const inline = x.type === 'paragraph' || x.type === 'heading' || x.type === 'codeBlock';
  return (x.content as unknown[]).map(adfPlain).join(inline ? '' : '\n');
}

/** A rich-text value as the given API version reads it: ADF for v3, wiki text for v2. */
function richText(value: unknown, v: ApiVersion): unknown {
  if (value === undefined || value === null) return null;
  if (v === 2) return typeof value === 'string' ? value : adfPlain(value);
  if (typeof value !== 'string') return value;
  return {
    type: 'doc',
    version: 1,
    content: value === '' ? [] : [{ type: 'paragraph', content: [{ type: 'text', text: value }] }],
  };
}

class Api {
  constructor(
    private readonly state: FakeJiraState,
    private readonly base: string,
    private readonly v: ApiVersion,
  ) {}

  private get api(): string {
    return `${this.base}/rest/api/${this.v}`;
  }

  /** A user as Jira shows it: the account the credentials act as, or another one (`accountId`). */
  private user(accountId = this.state.accountId): Wire<typeof UserDetailsSchema> & Record<string, unknown> {
    const me = accountId === this.state.accountId;
    const email = me ? (this.state.basic?.email ?? 'ci-bot@example.com') : `${accountId}@example.com`;
    return this.v === 3
      ? {
          self: `${this.api}/user?accountId=${accountId}`,
          accountId,
          emailAddress: email,
          avatarUrls: { '48x48': 'https://avatar-management.example/48.png' },
          displayName: me ? 'CI Bot' : `User ${accountId}`,
          active: true,
          timeZone: 'Etc/UTC',
          accountType: 'atlassian',
        }
      : {
          self: `${this.api}/user?username=${me ? 'ci-bot' : accountId}`,
          name: me ? 'ci-bot' : accountId,
          key: me ? 'JIRAUSER10100' : `JIRAUSER-${accountId}`,
          emailAddress: email,
          avatarUrls: { '48x48': `${this.base}/secure/useravatar?avatarId=10122` },
          displayName: me ? 'CI Bot' : `User ${accountId}`,
          active: true,
          timeZone: 'Etc/UTC',
        };
  }

  /** GET /myself: the account the credentials act as. */
  myself(): Answer {
    return json(200, {
      ...this.user(),
      groups: { size: 1, items: [] },
      applicationRoles: { size: 1, items: [] },
    });
  }

  /** POST /issueLink: 201 with no content, as Jira answers. */
  link(body: unknown): Answer {
    const b = body as
      | { type?: { name?: unknown }; inwardIssue?: { key?: unknown }; outwardIssue?: { key?: unknown } }
      | undefined;
    const type = b?.type?.name;
    if (type !== 'Duplicate' && type !== 'Blocks' && type !== 'Relates' && type !== 'Cloners')
      return jiraError(404, [`No issue link type with name '${String(type)}' found.`]);
    const keyOf = (v: unknown) => (typeof v === 'string' ? v : '');
    const inward = this.state.issue(keyOf(b?.inwardIssue?.key));
    const outward = this.state.issue(keyOf(b?.outwardIssue?.key));
    if (!inward || !outward) return jiraError(404, [NO_ISSUE]);
    this.state.links.push({ type, inward: inward.key, outward: outward.key });
    return { status: 201 };
  }

  private static readonly TRANSITIONS: Array<{ id: string; name: string; to: StatusCategory }> = [
    { id: '11', name: 'To Do', to: 'new' },
    { id: '21', name: 'In Progress', to: 'indeterminate' },
    { id: '31', name: 'Done', to: 'done' },
  ];

  /** GET /issue/{key}/transitions: the ones to another status than the issue's. */
  transitions(key: string): Answer {
    const issue = this.state.issue(key);
    if (!issue) return jiraError(404, [NO_ISSUE]);
    return json(200, {
      expand: 'transitions',
      transitions: Api.TRANSITIONS.filter((t) => t.to !== issue.statusCategory).map((t) => {
        const st = STATUS[t.to];
        return {
          id: t.id,
          name: t.name,
          to: {
            self: `${this.api}/status/${st.id}`,
            description: '',
            iconUrl: `${this.base}/images/icons/statuses/generic.png`,
            name: st.name,
            id: st.id,
            statusCategory: {
              self: `${this.api}/statuscategory/${st.catId}`,
              id: st.catId,
              key: t.to,
              colorName: st.color,
              name: st.name,
            },
          },
          hasScreen: false,
          isGlobal: true,
          isInitial: false,
          isAvailable: true,
          isConditional: false,
          isLooped: false,
        };
      }),
    });
  }

  /** POST /issue/{key}/transitions: 204, or 400 for a transition that is not available. */
  doTransition(key: string, body: unknown): Answer {
    const issue = this.state.issue(key);
    if (!issue) return jiraError(404, [NO_ISSUE]);
    const id = (body as { transition?: { id?: unknown } } | undefined)?.transition?.id;
    const t = Api.TRANSITIONS.find((x) => x.id === id && x.to !== issue.statusCategory);
    if (!t) return jiraError(400, [`Transition id '${String(id)}' is not valid for this issue.`]);
    issue.statusCategory = t.to;
    return { status: 204 };
  }

  private fieldsOf(i: FakeJiraIssue, wanted: Set<string> | 'all'): Record<string, unknown> {
    const s = STATUS[i.statusCategory];
    const all: Record<string, unknown> = {
      summary: i.fields.summary ?? '',
      description: richText(i.fields.description, this.v),
      labels: this.state.labels(i),
      created: jiraTime(i.created),
      updated: jiraTime(i.comments.at(-1)?.updated ?? i.created),
      status: {
        self: `${this.api}/status/${s.id}`,
        description: '',
        iconUrl: `${this.base}/images/icons/statuses/generic.png`,
        name: s.name,
        id: s.id,
        statusCategory: {
          self: `${this.api}/statuscategory/${s.catId}`,
          id: s.catId,
          key: i.statusCategory,
          colorName: s.color,
          name: s.name,
        },
      },
      project: {
        self: `${this.api}/project/${i.project}`,
        key: i.project,
        name: i.project,
        projectTypeKey: 'software',
      },
      issuetype: i.fields.issuetype ?? null,
      priority: this.priorityJson(i),
      creator: this.user(i.creator),
      reporter: this.user(i.creator),
    };
    for (const [k, val] of Object.entries(i.fields)) if (!(k in all)) all[k] = val;
    if (wanted === 'all') return all;
    return Object.fromEntries(Object.entries(all).filter(([k]) => wanted.has(k)));
  }

  /** The issue's priority as Jira gives it (`self`, `iconUrl`, `name`, `id`), or null. */
  private priorityJson(i: FakeJiraIssue): Record<string, unknown> | null {
    const name = (i.fields.priority as { name?: unknown } | undefined)?.name ?? this.state.defaultPriority;
    if (typeof name !== 'string') return null;
    const id = String(['Highest', 'High', 'Medium', 'Low', 'Lowest'].indexOf(name) + 1 || 10000);
    return {
      self: `${this.api}/priority/${id}`,
      iconUrl: `${this.base}/images/icons/priorities/${name.toLowerCase()}.svg`,
      name,
      id,
    };
  }

  private issueJson(i: FakeJiraIssue, wanted: Set<string> | 'all'): Wire<typeof IssueSchema> {
    return {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: i.id,
      self: `${this.api}/issue/${i.id}`,
      key: i.key,
      fields: this.fieldsOf(i, wanted),
    };
  }

  private commentJson(issue: FakeJiraIssue, c: FakeJiraComment): Wire<typeof CommentSchema> {
    const author = this.user(c.author);
    return {
      self: `${this.api}/issue/${issue.id}/comment/${c.id}`,
      id: c.id,
      author,
      body: richText(c.body, this.v) as Wire<typeof CommentSchema>['body'],
      updateAuthor: author,
      created: jiraTime(c.created),
      updated: jiraTime(c.updated),
      ...(this.v === 3 ? { jsdPublic: true } : {}),
    };
  }

  /** The `fields` parameter: a list (comma separated or repeated), `*all`, `*navigable`; none: v3 ids only, v2 all. */
  private wanted(raw: unknown): Set<string> | 'all' | 'id' {
    const list = (Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(',') : [])
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (list.length === 0) return this.v === 3 ? 'id' : 'all';
    if (list.includes('*all') || list.includes('*navigable')) return 'all';
    return new Set(list);
  }

  private search(params: Record<string, unknown>): { hits: FakeJiraIssue[] } | Answer {
    const jql = typeof params.jql === 'string' ? params.jql : '';
    try {
      const q = parseJql(jql, this.state);
      // The index: issues younger than the lag are not in it yet.
      return {
        hits: this.state.issues.filter((i) => this.state.indexed(i) && q.test(i)).sort(q.order),
      };
    } catch (e) {
      if (e instanceof JqlError) return json(400, { errorMessages: [e.message], warningMessages: [] });
      throw e;
    }
  }

  searchJql(params: Record<string, unknown>): Answer {
    const r = this.search(params);
    if (!('hits' in r)) return r;
    const wanted = this.wanted(params.fields);
    const max = Math.min(Math.max(Number(params.maxResults ?? 50) || 50, 1), wanted === 'id' ? 5000 : 100);
    const token = typeof params.nextPageToken === 'string' ? params.nextPageToken : undefined;
    const start = token
      ? Number(
          Buffer.from(token, 'base64url')
            .toString('utf8')
            .replace(/^page:/, ''),
        ) || 0
      : 0;
    const page = r.hits.slice(start, start + max);
    const isLast = start + max >= r.hits.length;
    const out: Wire<typeof SearchAndReconcileResultsSchema> = {
      issues: page.map((i) => (wanted === 'id' ? { id: i.id } : this.issueJson(i, wanted))),
      isLast,
      ...(isLast ? {} : { nextPageToken: Buffer.from(`page:${start + max}`, 'utf8').toString('base64url') }),
    };
    return json(200, out);
  }

  count(body: unknown): Answer {
    const jql = (body as { jql?: unknown } | undefined)?.jql;
    if (typeof jql !== 'string') return jiraError(400, ['JQL query is required.']);
    try {
      const q = parseJql(jql, this.state);
      if (!q.bounded)
        return json(400, {
          errorMessages: [
            'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
          ],
          warningMessages: [],
        });
      const out: Wire<typeof JQLCountResultsSchema> = {
        count: this.state.issues.filter((i) => this.state.indexed(i) && q.test(i)).length,
      };
      return json(200, out);
    } catch (e) {
      if (e instanceof JqlError) return json(400, { errorMessages: [e.message], warningMessages: [] });
      throw e;
    }
  }

  searchV2(params: Record<string, unknown>): Answer {
    const r = this.search(params);
    if (!('hits' in r)) return r;
    const startAt = Math.max(0, Number(params.startAt ?? 0) || 0);
    const maxResults = Math.min(Math.max(Number(params.maxResults ?? 50), 0), 1000);
    const wanted = this.wanted(params.fields);
    return json(200, {
      expand: 'schema,names',
      startAt,
      maxResults,
      total: r.hits.length,
      issues: r.hits
        .slice(startAt, startAt + maxResults)
        .map((i) => this.issueJson(i, wanted === 'id' ? 'all' : wanted)),
    });
  }

  getIssue(key: string, query: Record<string, string>): Answer {
    const issue = this.state.issue(key);
    if (!issue) return jiraError(404, [NO_ISSUE]);
    const wanted = this.wanted(query.fields);
    return json(200, this.issueJson(issue, wanted === 'id' ? 'all' : wanted));
  }

  create(body: unknown): Answer {
    const fields = (body as { fields?: unknown } | undefined)?.fields;
    if (typeof fields !== 'object' || fields === null) return jiraError(400, ['Issue must have fields set.']);
    const f = fields as Record<string, unknown>;
    const errors: Record<string, string> = {};
    const project = f.project as { key?: unknown; id?: unknown } | undefined;
    const key = typeof project?.key === 'string' ? project.key.toUpperCase() : undefined;
    if (!project) errors.project = 'Specify a valid project ID or key';
    else if (key === undefined || !this.state.projects.has(key)) errors.project = 'valid project is required';
    const type = (f.issuetype as { name?: unknown } | undefined)?.name;
    if (f.issuetype === undefined) errors.issuetype = 'Specify an issue type';
    else if (typeof type !== 'string' || !this.state.issueTypes.has(type))
      errors.issuetype = 'Specify a valid issue type';
    const summary = f.summary;
    if (typeof summary !== 'string' || summary.trim() === '')
      errors.summary = 'You must specify a summary of the issue.';
    else if (summary.length > 255) errors.summary = 'Summary must be less than 255 characters.';
    else if (/[\r\n]/.test(summary))
      errors.summary = 'The summary is invalid because it contains newline characters.';
    if (f.description !== undefined) {
      if (this.v === 3 && !isAdf(f.description))
        errors.description =
          'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
      if (this.v === 2 && typeof f.description !== 'string')
        errors.description = 'Operation value must be a string';
    }
    if (f.labels !== undefined) {
      if (!Array.isArray(f.labels)) errors.labels = 'Operation value must be an array';
      else {
        const bad = (f.labels as unknown[]).find(
          (l) => typeof l !== 'string' || /\s/.test(l) || l.length > 255,
        );
        if (bad !== undefined)
          errors.labels = `The label '${JSON.stringify(bad)}' contains spaces which is invalid.`;
      }
    }
    for (const k of Object.keys(f)) {
      if (!this.state.screenFields.has(k)) errors[k] = NOT_ON_SCREEN(k);
      else if (k === 'priority') {
        const name = (f.priority as { name?: unknown } | undefined)?.name;
        if (typeof name !== 'string' || !this.state.priorities.has(name))
          errors.priority = "Specify a valid 'id' or 'name' for Priority";
      }
    }
    for (const [k, name] of this.state.requiredFields)
      if (f[k] === undefined) errors[k] ??= `${name} is required.`;
    if (Object.keys(errors).length > 0) return jiraError(400, [], errors);
    const issue = this.state.addIssue({ project: key ?? '', fields: f, version: this.v });
    const out: Wire<typeof CreatedIssueSchema> = {
      id: issue.id,
      key: issue.key,
      self: `${this.api}/issue/${issue.id}`,
    };
    return json(201, out);
  }

  /** PUT /issue/{key}: `fields` set as given (on the edit screen, a priority of the scheme); 204, no body. */
  editIssue(key: string, body: unknown): Answer {
    const issue = this.state.issue(key);
    if (!issue) return jiraError(404, [NO_ISSUE]);
    const b = body as { fields?: unknown; update?: unknown } | undefined;
    if (b?.update !== undefined) return jiraError(400, ['The fake takes `fields` only, not `update`.']);
    const fields = b?.fields;
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
      return jiraError(400, ['Can not deserialize instance of fields.']);
    const f = fields as Record<string, unknown>;
    const screen = this.state.editScreenFields ?? this.state.screenFields;
    const errors: Record<string, string> = {};
    for (const k of Object.keys(f)) {
      if (!screen.has(k) || ['project', 'issuetype'].includes(k)) errors[k] = NOT_ON_SCREEN(k);
      else if (k === 'priority') {
        const name = (f.priority as { name?: unknown } | undefined)?.name;
        if (typeof name !== 'string' || !this.state.priorities.has(name))
          errors.priority = "Specify a valid 'id' or 'name' for Priority";
      }
    }
    if (Object.keys(errors).length > 0) return jiraError(400, [], errors);
    issue.fields = { ...issue.fields, ...f }; // not in place: the recorded create request keeps what it sent
    return { status: 204 };
  }

  comments(key: string, query: Record<string, string>): Answer {
    const issue = this.state.issue(key);
    if (!issue) return jiraError(404, [NO_ISSUE]);
    const desc = query.orderBy === '-created';
    const sorted = [...issue.comments].sort(
      (a, b) => (desc ? -1 : 1) * (a.created.getTime() - b.created.getTime() || Number(a.id) - Number(b.id)),
    );
    const startAt = Math.max(0, Number(query.startAt ?? 0) || 0);
    const maxResults = Math.min(Math.max(Number(query.maxResults ?? 5000) || 5000, 1), 5000);
    const out: Wire<typeof PageOfCommentsSchema> = {
      startAt,
      maxResults,
      total: sorted.length,
      comments: sorted.slice(startAt, startAt + maxResults).map((c) => this.commentJson(issue, c)),
    };
    return json(200, out);
  }

  comment(key: string, id: string): Answer {
    const issue = this.state.issue(key);
    if (!issue) return jiraError(404, [NO_ISSUE]);
    const c = issue.comments.find((x) => x.id === id);
    if (!c) return jiraError(404, [`Can not find a comment for the id: ${id}.`]);
    return json(200, this.commentJson(issue, c));
  }

  private badBody(body: unknown): Answer | undefined {
    const b = (body as { body?: unknown } | undefined)?.body;
    if (b === undefined || b === '') return jiraError(400, [], { comment: 'Comment body can not be empty!' });
    if (this.v === 3 && !isAdf(b))
      return jiraError(400, [], {
        comment: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)',
      });
    if (this.v === 2 && typeof b !== 'string')
      return jiraError(400, [], { comment: 'Operation value must be a string' });
    return undefined;
  }

  addComment(key: string, body: unknown): Answer {
    const issue = this.state.issue(key);
    if (!issue) return jiraError(404, [NO_ISSUE]);
    const bad = this.badBody(body);
    if (bad) return bad;
    const c = this.state.addComment(issue, (body as { body: unknown }).body);
    return json(201, this.commentJson(issue, c));
  }

  updateComment(key: string, id: string, body: unknown): Answer {
    const issue = this.state.issue(key);
    if (!issue) return jiraError(404, [NO_ISSUE]);
    const c = issue.comments.find((x) => x.id === id);
    if (!c) return jiraError(404, [`Can not find a comment for the id: ${id}.`]);
    if (c.author !== undefined && c.author !== this.state.accountId)
      return jiraError(403, ['You do not have the permission to edit this comment.']);
    const bad = this.badBody(body);
    if (bad) return bad;
    c.body = (body as { body: unknown }).body;
    c.updated = this.state.now();
    return json(200, this.commentJson(issue, c));
  }
}
