export const id = 676;
export const ids = [676];
export const modules = {

/***/ 37722:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ apiObject)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26921);
/* harmony import */ var _schemaAudit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38611);


/**
 * Builds an object schema for an API response.
 *
 * Loose by default: keys the API sends but the spec does not document pass straight through, so a field added upstream
 * never breaks a consumer between releases.
 *
 * Under `AUDIT_SCHEMAS=true` it builds strict objects instead, which is how the audit run learns _where_ an
 * undocumented key sits — zod reports `unrecognized_keys` with a path, and nothing else in the pipeline knows the shape
 * well enough to say. Those failures do not reach the caller: `createClient` records them and hands back the response
 * anyway, so one stale schema cannot cut the audit short. Loose validation cannot report drift at all, since accepting
 * anything extra is precisely what it is for.
 *
 * The declared return type stays the loose one in both modes, deliberately. The switch is read at runtime, so the
 * compiler cannot follow it, and the published declarations must not shift with an environment variable.
 */
function apiObject(shape) {
    const loose = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc(shape).loose();
    if ((0,_schemaAudit_js__WEBPACK_IMPORTED_MODULE_1__/* .isSchemaAuditEnabled */ .Ao)()) {
        return zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej(shape);
    }
    return loose;
}


/***/ }),

/***/ 69128:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U: () => (/* binding */ createClient)
});

;// CONCATENATED MODULE: ./node_modules/jira.js/dist/core/bodyToFetchBody.js
function isAsyncIterable(value) {
    if (value == null)
        return false;
    return typeof value[Symbol.asyncIterator] === 'function';
}
/**
 * Whether the body carries its own encoding and must be handed to `fetch` untouched.
 *
 * A bare string is deliberately _not_ one of these. These are JSON APIs, and the endpoints that take a lone string — an
 * account id, a preference value — want it as a JSON string, quoted, under `application/json`. Treating it as a
 * pre-encoded payload shipped it raw as `text/plain` and made those endpoints unreachable. Attachment content never
 * arrives here as a string: the multipart builder normalizes it into `FormData` or a stream first.
 */
function isBinaryBody(body) {
    if (typeof FormData !== 'undefined' && body instanceof FormData)
        return true;
    if (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams)
        return true;
    if (typeof Blob !== 'undefined' && body instanceof Blob)
        return true;
    if (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
        return true;
    if (typeof ArrayBuffer !== 'undefined' && body instanceof ArrayBuffer)
        return true;
    if (typeof ArrayBuffer !== 'undefined' && ArrayBuffer.isView(body))
        return true;
    if (isAsyncIterable(body))
        return true;
    return false;
}
function bodyToFetchBody(body) {
    if (isBinaryBody(body)) {
        return body;
    }
    return JSON.stringify(body);
}
/**
 * Whether to declare `application/json` for this request.
 *
 * Sent even when there is no body, for any method that could carry one. Some endpoints reject a bodyless `DELETE` with
 * 415 unless the header is present — Jira's remote-link deletes do — and a `Content-Type` on an empty request is inert
 * everywhere else. Binary and multipart bodies are excluded because they bring their own type, and `fetch` has to be
 * left to set the multipart boundary itself.
 */
function shouldSetJsonContentType(body, method) {
    if (isBinaryBody(body))
        return false;
    if (body !== undefined && body !== null)
        return true;
    const verb = (method ?? 'GET').toUpperCase();
    return verb !== 'GET' && verb !== 'HEAD';
}
function requiresDuplex(body) {
    if (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
        return true;
    return isAsyncIterable(body);
}

// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/errors/predicates.js
var predicates = __webpack_require__(4675);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/errors/fromResponse.js
var fromResponse = __webpack_require__(12258);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/errors/schemaMismatchError.js
var schemaMismatchError = __webpack_require__(53766);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/formData/bufferSchema.js
var bufferSchema = __webpack_require__(73699);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/formData/blobSchema.js
var blobSchema = __webpack_require__(70870);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/schemaAudit.js
var schemaAudit = __webpack_require__(38611);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/schemaMismatch.js
var schemaMismatch = __webpack_require__(32518);
;// CONCATENATED MODULE: ./node_modules/jira.js/dist/core/serializeSearchParams.js
function serializeSearchParamValue(value) {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        return String(value);
    }
    if (Array.isArray(value)) {
        if (value.length === 0) {
            return undefined;
        }
        if (value.every((item) => typeof item === 'string')) {
            return value.join(',');
        }
        return JSON.stringify(value);
    }
    if (typeof value === 'object') {
        return JSON.stringify(value);
    }
    return String(value);
}
function buildUrlWithSearchParams(baseUrl, searchParams) {
    if (!searchParams || Object.keys(searchParams).length === 0) {
        return baseUrl;
    }
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(searchParams)) {
        if (Array.isArray(value)) {
            for (const item of value) {
                if (item !== undefined && item !== null) {
                    params.append(key, String(item));
                }
            }
        }
        else {
            const serialized = serializeSearchParamValue(value);
            if (serialized !== undefined) {
                params.set(key, serialized);
            }
        }
    }
    const query = params.toString();
    if (!query) {
        return baseUrl;
    }
    const separator = baseUrl.includes('?') ? '&' : '?';
    return `${baseUrl}${separator}${query}`;
}

// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/schemas/clientConfig.js
var clientConfig = __webpack_require__(28477);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/oauth/oauth2Manager.js
var oauth_oauth2Manager = __webpack_require__(42243);
;// CONCATENATED MODULE: ./node_modules/jira.js/dist/core/createClient.js








/**
 * Whether this 401 means "missing scope" rather than "stale token".
 *
 * Reads a clone, so the body stays available for the error that gets thrown later.
 */
async function isScopeMismatchResponse(response) {
    try {
        return /scope does not match/i.test(await response.clone().text());
    }
    catch {
        return false;
    }
}
/** What an undocumented value looks like, in the vocabulary a schema would use to describe it. */
function describeValue(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value)) {
        const elements = new Set(value.slice(0, 10).map(element => describeValue(element)));
        return elements.size === 0 ? 'unknown[]' : `${[...elements].sort().join(' | ')}[]`;
    }
    return typeof value;
}
/**
 * The value the API sent where the schema listed a set, as text for the report.
 *
 * Audit-only, like everything else on this path, and the value is the whole finding: an enum that grew is repaired by
 * adding the value it grew by, which a type name does not carry. Anything that is not a string is described rather than
 * quoted — a set of numbers or booleans is rare enough that naming its shape is answer enough.
 */
function describeValueAtPath(body, path) {
    let target = body;
    for (const segment of path) {
        if (target === null || typeof target !== 'object')
            return 'nothing';
        target = target[segment];
    }
    return typeof target === 'string' ? target : describeValue(target);
}
/**
 * Reads the undocumented values, then removes them so the response can be parsed a second time.
 *
 * Audit-only, and it reports the types because the point of the audit is to write the missing field into the schema —
 * which cannot be done from a list of names. Guessing `contributorIds` is an array of strings from its name alone is
 * how a schema ends up wrong in a new way.
 *
 * `path` is a zod issue path, so every segment is an object key or an array index, and anything no longer there is
 * simply skipped — the walk describes a body that was just parsed, not an arbitrary structure.
 */
function takeKeyTypes(body, path, keys) {
    let target = body;
    for (const segment of path) {
        if (target === null || typeof target !== 'object')
            return {};
        target = target[segment];
    }
    if (target === null || typeof target !== 'object')
        return {};
    const types = {};
    for (const key of keys) {
        types[String(key)] = describeValue(target[key]);
        delete target[key];
    }
    return types;
}
/**
 * Reads a validation failure as pure schema drift, or decides it is not.
 *
 * Audit-only. Returns the gaps when _every_ complaint is one, and `undefined` the moment anything else appears — a
 * missing field or a changed type is real breakage, and the audit must not quietly absorb it.
 *
 * Two kinds count. An undocumented key is a field the specification never described. A value outside a documented set
 * is the same gap one level down: the field is described, its list of values is not complete. Both are the vendor's
 * documentation falling behind the vendor's API, and reporting either as breakage sends the reader after a fault in the
 * wrong codebase.
 *
 * Unions need the recursion. Zod reports each branch it tried, and branches that failed for their own reasons are
 * simply the wrong branch; what identifies the right one is a branch whose only complaint is undocumented keys. Without
 * this, every union-typed response throws instead of being recorded, and the drift inside it accumulates unseen behind
 * a report that looks complete.
 *
 * Inside a union, a value outside a documented set does _not_ count. That is how zod says "wrong branch" — every
 * discriminated branch rejects the value that identifies its siblings — so counting it there would name the first
 * branch tried as a grown enum and stop the search before the branch that actually matched.
 */
function readDrift(issues, base = [], inUnion = false) {
    const findings = [];
    for (const issue of issues) {
        const path = [...base, ...issue.path];
        if (issue.code === 'unrecognized_keys') {
            findings.push({ kind: 'keys', path, keys: [...issue.keys] });
            continue;
        }
        if (issue.code === 'invalid_value' && !inUnion) {
            findings.push({ kind: 'value', path, documented: issue.values.map(value => String(value)) });
            continue;
        }
        if (issue.code === 'invalid_union') {
            const branch = issue.errors
                .map(branchIssues => readDrift(branchIssues, path, true))
                .find(result => result !== undefined);
            if (branch === undefined)
                return undefined;
            findings.push(...branch);
            continue;
        }
        return undefined;
    }
    return findings;
}
/** A `Client` is anything with `sendRequest`; a `ClientConfig` never has one. */
function isClient(value) {
    return typeof value.sendRequest === 'function';
}
/**
 * Base64 for the Basic auth header, the same way in every runtime.
 *
 * `btoa` alone mangles anything outside Latin-1, so the string is encoded to UTF-8 bytes first — a credential may well
 * hold non-ASCII. Verified byte-identical to `Buffer.from(…).toString('base64')`.
 */
function base64Encode(value) {
    const bytes = new TextEncoder().encode(value);
    let binary = '';
    for (const byte of bytes)
        binary += String.fromCharCode(byte);
    return btoa(binary);
}
async function getAuthHeaders(auth) {
    if (auth.type === 'oauth2') {
        return auth.accessToken ? { Authorization: `Bearer ${auth.accessToken}` } : {};
    }
    if (auth.type === 'basic') {
        const encoded = base64Encode(`${auth.email}:${auth.apiToken}`);
        return { Authorization: `Basic ${encoded}` };
    }
    if ('getToken' in auth) {
        const token = await auth.getToken();
        return { Authorization: `Bearer ${token}` };
    }
    return { Authorization: `Bearer ${auth.token}` };
}
/**
 * Creates a low-level Confluence API client.
 *
 * The client carries only transport, auth and retry policy — it is version agnostic, so one instance drives both
 * `confluence.js/v1` and `confluence.js/v2`.
 *
 * Prefer `createV1Client` / `createV2Client` from `confluence.js` unless you want the flat functions and a smaller
 * bundle.
 *
 * @public
 */
function createClient(config) {
    if (isClient(config))
        return config;
    clientConfig/* clientConfigSchema */.H.parse(config);
    const { host, auth, headers: configHeaders = {}, getAuthOn401, retry, onSchemaMismatch = 'warn' } = config;
    const retryMaxAttempts = Math.max(1, retry?.maxAttempts ?? 1);
    const retryInitialDelayMs = retry?.initialDelayMs ?? 500;
    const retryBackoffFactor = retry?.backoffFactor ?? 2;
    const oauth2Manager = auth?.type === 'oauth2' ? (0,oauth_oauth2Manager/* createOAuth2Manager */.H)(auth) : undefined;
    return {
        async sendRequest(requestConfig) {
            const path = requestConfig.url.startsWith('/') ? requestConfig.url : `/${requestConfig.url}`;
            const effectiveHost = oauth2Manager ? await oauth2Manager.getBaseUrl() : host;
            const normalizedHost = effectiveHost && (effectiveHost.endsWith('/') ? effectiveHost.slice(0, -1) : effectiveHost);
            const url = normalizedHost ? normalizedHost + path : requestConfig.url;
            const fullUrl = buildUrlWithSearchParams(url, requestConfig.searchParams);
            const rawBody = requestConfig.body;
            const body = rawBody === undefined || rawBody === null ? undefined : bodyToFetchBody(rawBody);
            const doRequest = async (authHeaders) => {
                const headers = {
                    Accept: 'application/json',
                    ...(shouldSetJsonContentType(rawBody, requestConfig.method) ? { 'Content-Type': 'application/json' } : {}),
                    ...authHeaders,
                    ...configHeaders,
                    ...requestConfig.headers,
                };
                const init = {
                    method: requestConfig.method,
                    headers: Object.keys(headers).length > 0 ? headers : undefined,
                    body: body,
                };
                if (requiresDuplex(rawBody)) {
                    init.duplex = 'half';
                }
                return fetch(fullUrl, init);
            };
            const currentAuthHeaders = async () => {
                if (oauth2Manager)
                    return { Authorization: await oauth2Manager.getAuthorizationHeader() };
                return auth ? getAuthHeaders(auth) : {};
            };
            let derivedAuthHeaders = await currentAuthHeaders();
            let response;
            let delayMs = retryInitialDelayMs;
            let networkAttempt = 0;
            let reauthenticated = false;
            // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- intentional retry loop
            while (true) {
                try {
                    response = await doRequest(derivedAuthHeaders);
                }
                catch (err) {
                    const networkError = (0,predicates/* isNetworkError */.TX)(err) ? err : (0,fromResponse/* toNetworkError */.Ur)(err, fullUrl);
                    if (networkAttempt + 1 < retryMaxAttempts && networkError.transient) {
                        networkAttempt += 1;
                        await new Promise(resolve => setTimeout(resolve, delayMs));
                        delayMs = Math.round(delayMs * retryBackoffFactor);
                        continue;
                    }
                    throw networkError;
                }
                if (response.status === 401 && !reauthenticated && !(await isScopeMismatchResponse(response))) {
                    if (oauth2Manager?.canRefresh()) {
                        reauthenticated = true;
                        await oauth2Manager.forceRefresh();
                        derivedAuthHeaders = await currentAuthHeaders();
                        continue;
                    }
                    if (getAuthOn401) {
                        reauthenticated = true;
                        derivedAuthHeaders = await getAuthHeaders(await getAuthOn401());
                        continue;
                    }
                }
                if (fromResponse/* TRANSIENT_HTTP_STATUSES */.Fc.has(response.status) && networkAttempt + 1 < retryMaxAttempts) {
                    networkAttempt += 1;
                    await new Promise(resolve => setTimeout(resolve, delayMs));
                    delayMs = Math.round(delayMs * retryBackoffFactor);
                    continue;
                }
                break;
            }
            if (!response.ok) {
                const text = await response.text();
                let detail = text;
                try {
                    detail = JSON.parse(text);
                }
                catch { }
                throw (0,fromResponse/* createApiError */.JV)(`Request failed: ${response.status} ${response.statusText}${text ? ` - ${text}` : ''}`, response.status, response.statusText, detail, response.headers);
            }
            const contentType = response.headers.get('content-type');
            if (response.status === 204)
                return undefined;
            if (requestConfig.schema === bufferSchema/* BufferSchema */.Y) {
                return bufferSchema/* BufferSchema */.Y.parse(new Uint8Array(await response.arrayBuffer()));
            }
            // A `Blob` carries the content type with the bytes, which is the whole reason these endpoints ask for one: the
            // same avatar URL answers with SVG for a system avatar and PNG for an uploaded one, and nothing in the request
            // says which is coming.
            if (requestConfig.schema === blobSchema/* BlobSchema */.T) {
                return blobSchema/* BlobSchema */.T.parse(await response.blob());
            }
            if (contentType && !contentType.includes('application/json')) {
                if (requestConfig.schema) {
                    throw new schemaMismatchError/* SchemaMismatchError */.K(`Expected a JSON response to validate against the schema, got ${contentType}`, {
                        endpoint: `${requestConfig.method ?? 'GET'} ${requestConfig.url}`,
                        issues: [{ path: '', expected: 'application/json', received: contentType || 'no content type' }],
                    });
                }
                return undefined;
            }
            let data;
            if (contentType?.includes('application/json')) {
                const text = await response.text();
                try {
                    data = JSON.parse(text);
                }
                catch (e) {
                    if (e instanceof SyntaxError) {
                        data = text || undefined;
                    }
                    else {
                        throw e;
                    }
                }
            }
            else {
                const text = await response.text();
                data = text || undefined;
            }
            if (requestConfig.schema && data !== undefined) {
                const parsed = requestConfig.schema.safeParse(data);
                if (!parsed.success) {
                    const endpoint = `${requestConfig.method ?? 'GET'} ${requestConfig.url}`;
                    const drift = (0,schemaAudit/* isSchemaAuditEnabled */.Ao)() ? readDrift(parsed.error.issues) : undefined;
                    if (drift) {
                        for (const finding of drift) {
                            if (finding.kind === 'keys') {
                                (0,schemaAudit/* recordSchemaDrift */.eh)({
                                    kind: 'keys',
                                    endpoint,
                                    path: finding.path.join('.'),
                                    keys: finding.keys.map(key => String(key)),
                                    types: takeKeyTypes(data, finding.path, finding.keys),
                                });
                                continue;
                            }
                            (0,schemaAudit/* recordSchemaDrift */.eh)({
                                kind: 'value',
                                endpoint,
                                path: finding.path.join('.'),
                                value: describeValueAtPath(data, finding.path),
                                documented: finding.documented,
                            });
                        }
                        // Undocumented keys are stripped as they are recorded, so the body can be validated for real once they are
                        // gone. A value outside a documented set cannot be taken out the same way — removing the field would leave
                        // a hole where the schema wants a value — so the response is handed back unvalidated instead. Either way
                        // it reaches the caller: everything wrong with it has been recorded, and one stale schema must not cut the
                        // audit short.
                        const cleaned = requestConfig.schema.safeParse(data);
                        return cleaned.success ? cleaned.data : data;
                    }
                    const report = { endpoint, issues: (0,schemaMismatch/* describeIssues */.wF)(parsed.error.issues, data) };
                    const behavior = (0,schemaAudit/* isSchemaAuditEnabled */.Ao)() ? 'throw' : onSchemaMismatch;
                    if ((0,schemaMismatch/* reportSchemaMismatch */.Oe)(behavior, report)) {
                        throw new schemaMismatchError/* SchemaMismatchError */.K(`Response did not match the schema for ${endpoint}`, report, {
                            cause: parsed.error,
                        });
                    }
                    return data;
                }
                return parsed.data;
            }
            return data;
        },
    };
}


/***/ }),

/***/ 167:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   He: () => (/* binding */ ScopeError),
/* harmony export */   OE: () => (/* binding */ RateLimitError),
/* harmony export */   gP: () => (/* binding */ ServerError),
/* harmony export */   hD: () => (/* binding */ ApiError),
/* harmony export */   lR: () => (/* binding */ AuthError),
/* harmony export */   m_: () => (/* binding */ NotFoundError),
/* harmony export */   qQ: () => (/* binding */ ForbiddenError)
/* harmony export */ });
/* harmony import */ var _kinds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43494);

/**
 * Thrown when Confluence returns a non-2xx HTTP response.
 *
 * The subclasses below cover the statuses worth branching on. Catch this one to catch them all, or a subclass — or use
 * the predicates, which survive a duplicated install of this package.
 *
 * @public
 */
class ApiError extends Error {
    [_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .ERROR_KINDS */ .z] = ['api'];
    /** HTTP status. */
    status;
    statusText;
    /** Atlassian's error payload, parsed when it was JSON and the raw text when it was not. */
    body;
    constructor(message, status, statusText, body, options) {
        super(message, options);
        this.name = 'ApiError';
        this.status = status;
        this.statusText = statusText;
        this.body = body;
        Object.setPrototypeOf(this, new.target.prototype);
    }
    static [Symbol.hasInstance](value) {
        return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'api');
    }
}
/**
 * 401 — the credentials are missing, expired or rejected.
 *
 * @public
 */
class AuthError extends ApiError {
    [_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .ERROR_KINDS */ .z] = ['api', 'auth'];
    constructor(message, statusText, body, options) {
        super(message, 401, statusText, body, options);
        this.name = 'AuthError';
    }
    static [Symbol.hasInstance](value) {
        return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'auth');
    }
}
/**
 * 401 with `Unauthorized; scope does not match` — the token is valid, but the app never asked for a scope this endpoint
 * needs.
 *
 * A subclass of {@link AuthError} because it is still a 401, but worth its own type: refreshing the token cannot fix it,
 * so the client does not try. The app needs the scope added in the developer console and the user has to consent
 * again.
 *
 * Under 3LO this is also how the two API versions bite: v2 endpoints want granular scopes (`read:page:confluence`), v1
 * endpoints want classic ones (`read:confluence-content.all`). An app that holds only one family gets this error from
 * the other.
 *
 * @public
 */
class ScopeError extends AuthError {
    [_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .ERROR_KINDS */ .z] = ['api', 'auth', 'scope'];
    constructor(message, statusText, body, options) {
        super(message, statusText, body, options);
        this.name = 'ScopeError';
    }
    static [Symbol.hasInstance](value) {
        return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'scope');
    }
}
/**
 * 403 — authenticated, but not allowed. Usually a Confluence permission rather than a scope.
 *
 * @public
 */
class ForbiddenError extends ApiError {
    [_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .ERROR_KINDS */ .z] = ['api', 'forbidden'];
    constructor(message, statusText, body, options) {
        super(message, 403, statusText, body, options);
        this.name = 'ForbiddenError';
    }
    static [Symbol.hasInstance](value) {
        return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'forbidden');
    }
}
/**
 * 404 — no such thing, or no permission to know it exists.
 *
 * Confluence returns 404 for both, deliberately: telling the two apart would leak the existence of restricted content.
 *
 * @public
 */
class NotFoundError extends ApiError {
    [_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .ERROR_KINDS */ .z] = ['api', 'notFound'];
    constructor(message, statusText, body, options) {
        super(message, 404, statusText, body, options);
        this.name = 'NotFoundError';
    }
    static [Symbol.hasInstance](value) {
        return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'notFound');
    }
}
/**
 * 429 — you are being rate limited.
 *
 * `retryAfterMs` carries Atlassian's own advice when the response included `Retry-After`. It is not retried for you:
 * the right response to a rate limit is to slow the whole client down, which only your code can decide.
 *
 * @public
 */
class RateLimitError extends ApiError {
    [_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .ERROR_KINDS */ .z] = ['api', 'rateLimit'];
    /** Milliseconds to wait, from the `Retry-After` header. Undefined when the response did not say. */
    retryAfterMs;
    constructor(message, statusText, body, options) {
        super(message, 429, statusText, body, options);
        this.name = 'RateLimitError';
        this.retryAfterMs = options?.retryAfterMs;
    }
    static [Symbol.hasInstance](value) {
        return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'rateLimit');
    }
}
/**
 * 5xx — Confluence failed on its own side.
 *
 * @public
 */
class ServerError extends ApiError {
    [_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .ERROR_KINDS */ .z] = ['api', 'server'];
    constructor(message, status, statusText, body, options) {
        super(message, status, statusText, body, options);
        this.name = 'ServerError';
    }
    static [Symbol.hasInstance](value) {
        return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'server');
    }
}


/***/ }),

/***/ 12258:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fc: () => (/* binding */ TRANSIENT_HTTP_STATUSES),
/* harmony export */   JV: () => (/* binding */ createApiError),
/* harmony export */   Ur: () => (/* binding */ toNetworkError)
/* harmony export */ });
/* unused harmony exports isTransientCode, parseRetryAfter */
/* harmony import */ var _apiError_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(167);
/* harmony import */ var _networkError_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55457);
/* harmony import */ var _productInfo_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49174);



/** Node/undici error codes that signal a recoverable transport-layer failure. */
const TRANSIENT_NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ETIMEDOUT',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EPIPE',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
]);
/** HTTP statuses that signal a recoverable upstream failure. The single source of truth for both retry paths. */
const TRANSIENT_HTTP_STATUSES = new Set([502, 503, 504]);
/**
 * The transport-level error code, dug out of the `cause` chain.
 *
 * `fetch` reports a failed request as `TypeError: fetch failed` and hides the reason underneath, sometimes more than
 * one level down, so the chain is walked rather than the top error inspected.
 */
function networkErrorCode(err) {
    let cursor = err;
    for (let depth = 0; cursor instanceof Error && depth < 5; depth += 1) {
        const code = cursor.code;
        if (code)
            return code;
        cursor = cursor.cause;
    }
    return undefined;
}
/** Whether a transport failure is worth retrying. Broken TLS sessions (`ERR_SSL_*`) count. */
function isTransientCode(code) {
    if (!code)
        return false;
    return TRANSIENT_NETWORK_CODES.has(code) || code.startsWith('ERR_SSL_');
}
/** Wrap whatever `fetch` rejected with into a `NetworkError`, preserving the original as `cause`. */
function toNetworkError(err, url) {
    const code = networkErrorCode(err);
    const reason = err instanceof Error ? err.message : String(err);
    return new _networkError_js__WEBPACK_IMPORTED_MODULE_0__/* .NetworkError */ .D(`Request to ${url} failed: ${reason}${code ? ` (${code})` : ''}`, {
        cause: err,
        code,
        transient: isTransientCode(code),
    });
}
/**
 * `Retry-After` in milliseconds. The header is either delta-seconds or an HTTP date; both are accepted, and anything
 * else is ignored rather than guessed at.
 */
function parseRetryAfter(header, now = Date.now()) {
    if (!header)
        return undefined;
    const seconds = Number(header);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(header);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
/**
 * Whether a 401 is really a missing scope.
 *
 * Confluence says so in the body — `{"code":401,"message":"Unauthorized; scope does not match"}` — and nowhere else, so
 * the message is the only signal there is. Matched loosely, since the wording is Atlassian's to change; a miss only
 * costs the caller a plain `AuthError`.
 */
function isScopeMismatch(body) {
    const message = typeof body === 'object' && body !== null ? body.message : body;
    return typeof message === 'string' && /scope does not match/i.test(message);
}
/** Build the error class that matches the status, so callers can branch on the type instead of the number. */
function createApiError(message, status, statusText, body, headers, options) {
    if (status === 401) {
        return isScopeMismatch(body)
            ? new _apiError_js__WEBPACK_IMPORTED_MODULE_1__/* .ScopeError */ .He(`${message}\n\nThe token is missing a scope this endpoint requires. Refreshing will not help: add the ` +
                `scope in the developer console and have the user authorize again.${_productInfo_js__WEBPACK_IMPORTED_MODULE_2__/* .PRODUCT */ .A.scopeHint ? ` ${_productInfo_js__WEBPACK_IMPORTED_MODULE_2__/* .PRODUCT */ .A.scopeHint}` : ''}`, statusText, body, options)
            : new _apiError_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR(message, statusText, body, options);
    }
    if (status === 403)
        return new _apiError_js__WEBPACK_IMPORTED_MODULE_1__/* .ForbiddenError */ .qQ(message, statusText, body, options);
    if (status === 404)
        return new _apiError_js__WEBPACK_IMPORTED_MODULE_1__/* .NotFoundError */ .m_(message, statusText, body, options);
    if (status === 429) {
        return new _apiError_js__WEBPACK_IMPORTED_MODULE_1__/* .RateLimitError */ .OE(message, statusText, body, {
            ...options,
            retryAfterMs: parseRetryAfter(headers?.get('retry-after') ?? null),
        });
    }
    if (status >= 500)
        return new _apiError_js__WEBPACK_IMPORTED_MODULE_1__/* .ServerError */ .gP(message, status, statusText, body, options);
    return new _apiError_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(message, status, statusText, body, options);
}


/***/ }),

/***/ 43494:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ hasErrorKind),
/* harmony export */   z: () => (/* binding */ ERROR_KINDS)
/* harmony export */ });
/* harmony import */ var _productInfo_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49174);

/**
 * Every error this package throws carries the list of kinds it belongs to, under a well-known symbol.
 *
 * The predicates read that list rather than the prototype chain, so they keep working when two copies of the package
 * end up in one process — a realistic outcome of transitive dependency ranges, and one where `instanceof` silently
 * returns false. `instanceof` still works, because each class also implements `Symbol.hasInstance` on top of the same
 * list.
 */
const ERROR_KINDS = Symbol.for(`${_productInfo_js__WEBPACK_IMPORTED_MODULE_0__/* .PRODUCT */ .A.packageName}:error-kinds`);
/** Whether `value` is one of this package's errors of the given kind. */
function hasErrorKind(value, kind) {
    if (typeof value !== 'object' || value === null)
        return false;
    const kinds = value[ERROR_KINDS];
    return Array.isArray(kinds) && kinds.includes(kind);
}


/***/ }),

/***/ 55457:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ NetworkError)
/* harmony export */ });
/* harmony import */ var _kinds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43494);

/**
 * The request never produced an HTTP response — DNS, TLS, a reset socket, a timeout, an unreachable host.
 *
 * `fetch` reports these as a bare `TypeError` whose real reason is buried in `cause`. Wrapping them means a caller can
 * catch every failure of this client uniformly, and `transient` says whether retrying stands a chance.
 *
 * @public
 */
class NetworkError extends Error {
    [_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .ERROR_KINDS */ .z] = ['network'];
    /** The underlying error code, e.g. `ECONNRESET`, when one was found. */
    code;
    /** Whether the failure looks retryable rather than permanent. */
    transient;
    constructor(message, options) {
        super(message, { cause: options.cause });
        this.name = 'NetworkError';
        this.code = options.code;
        this.transient = options.transient;
        Object.setPrototypeOf(this, new.target.prototype);
    }
    static [Symbol.hasInstance](value) {
        return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'network');
    }
}


/***/ }),

/***/ 92326:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ OAuthError),
/* harmony export */   x: () => (/* binding */ ConfigError)
/* harmony export */ });
/* harmony import */ var _kinds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43494);

/** The OAuth 2.0 `{ error, error_description }` pair, when the body carried one. */
function readErrorFields(body) {
    if (typeof body !== 'object' || body === null)
        return {};
    const { error, error_description: description } = body;
    return {
        error: typeof error === 'string' ? error : undefined,
        errorDescription: typeof description === 'string' ? description : undefined,
    };
}
/**
 * An OAuth 2.0 failure: the token endpoint rejected the request, or the client cannot proceed with what it was given.
 *
 * Deliberately not an `ApiError`: it does not come from the Confluence API, and a caller retrying Confluence calls
 * should not treat "your refresh token is dead" as the same class of problem as "that page is missing".
 *
 * @public
 */
class OAuthError extends Error {
    [_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .ERROR_KINDS */ .z] = ['oauth'];
    status;
    body;
    /**
     * The OAuth 2.0 error code from the auth server, e.g. `invalid_grant` or `access_denied`.
     *
     * Branch on this rather than on `status`: the code names what went wrong, while the status Atlassian pairs it with is
     * an implementation detail that has changed before.
     */
    error;
    errorDescription;
    /**
     * Whether the only way forward is a fresh authorization. Read it through
     * {@link core/errors/predicates!isReauthorizationRequired}.
     */
    reauthorizationRequired;
    constructor(message, options) {
        super(message, { cause: options?.cause });
        const fromBody = readErrorFields(options?.body);
        this.name = 'OAuthError';
        this.status = options?.status;
        this.body = options?.body;
        this.error = options?.error ?? fromBody.error;
        this.errorDescription = options?.errorDescription ?? fromBody.errorDescription;
        this.reauthorizationRequired =
            options?.reauthorizationRequired ?? (this.error === 'invalid_grant' || this.error === 'unauthorized_client');
        Object.setPrototypeOf(this, new.target.prototype);
    }
    static [Symbol.hasInstance](value) {
        return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'oauth');
    }
}
/**
 * The client was configured in a way that cannot work — contradictory options, or a required one missing.
 *
 * Thrown at construction time where possible, so a mistake surfaces before the first request rather than as a puzzling
 * 401.
 *
 * @public
 */
class ConfigError extends Error {
    [_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .ERROR_KINDS */ .z] = ['config'];
    constructor(message, options) {
        super(message, options);
        this.name = 'ConfigError';
        Object.setPrototypeOf(this, new.target.prototype);
    }
    static [Symbol.hasInstance](value) {
        return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'config');
    }
}


/***/ }),

/***/ 4675:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   De: () => (/* binding */ isConfigError),
/* harmony export */   El: () => (/* binding */ isNotFoundError),
/* harmony export */   GQ: () => (/* binding */ isServerError),
/* harmony export */   HY: () => (/* binding */ isAuthError),
/* harmony export */   IF: () => (/* binding */ isReauthorizationRequired),
/* harmony export */   Q6: () => (/* binding */ isOAuthError),
/* harmony export */   TX: () => (/* binding */ isNetworkError),
/* harmony export */   VN: () => (/* binding */ isScopeError),
/* harmony export */   _i: () => (/* binding */ isSchemaMismatchError),
/* harmony export */   d7: () => (/* binding */ isApiError),
/* harmony export */   io: () => (/* binding */ isForbiddenError),
/* harmony export */   kt: () => (/* binding */ isRateLimitError)
/* harmony export */ });
/* harmony import */ var _kinds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43494);

/**
 * Any non-2xx response from Confluence, including every subclass.
 *
 * Prefer these predicates to `instanceof` in library code and in anything that might load two copies of this package:
 * they check a branded marker instead of the prototype chain.
 *
 * @public
 */
function isApiError(value) {
    return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'api');
}
/**
 * 401 — credentials missing, expired or rejected.
 *
 * @public
 */
function isAuthError(value) {
    return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'auth');
}
/**
 * 403 — authenticated but not permitted.
 *
 * @public
 */
function isForbiddenError(value) {
    return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'forbidden');
}
/**
 * 404 — absent, or invisible to you.
 *
 * @public
 */
function isNotFoundError(value) {
    return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'notFound');
}
/**
 * 429 — rate limited. Read `retryAfterMs` for Atlassian's own advice.
 *
 * @public
 */
function isRateLimitError(value) {
    return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'rateLimit');
}
/**
 * 5xx — Confluence failed on its side.
 *
 * @public
 */
function isServerError(value) {
    return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'server');
}
/**
 * No HTTP response at all — DNS, TLS, socket, timeout.
 *
 * @public
 */
function isNetworkError(value) {
    return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'network');
}
/**
 * An OAuth 2.0 failure: token exchange, refresh, or cloud-id resolution.
 *
 * @public
 */
function isOAuthError(value) {
    return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'oauth');
}
/**
 * The client configuration cannot work.
 *
 * @public
 */
function isConfigError(value) {
    return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'config');
}
/**
 * A 2xx response that is not JSON where the endpoint promised JSON.
 *
 * @public
 */
function isSchemaMismatchError(value) {
    return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'schemaMismatch');
}
/**
 * The grant is gone: no refresh will fix it, and the user has to authorize again.
 *
 * Covers a refresh token that expired after 90 days idle, one rotated out because the new one was never persisted, a
 * user who changed their Atlassian password, and a user who declined the consent screen.
 *
 * Deliberately narrower than "any OAuth failure". A wrong client secret also fails the token endpoint — with
 * `access_denied`, the same code a declining user produces — and sending people through consent over a bad environment
 * variable would loop them forever. That case answers `false` here and surfaces as a plain {@link isOAuthError}.
 *
 * @public
 */
function isReauthorizationRequired(value) {
    return isOAuthError(value) && value.reauthorizationRequired;
}
/**
 * The token is valid but lacks a scope this endpoint requires.
 *
 * Distinct from {@link isAuthError} because the remedy is different: refreshing cannot help, the app needs the scope
 * added and the user has to consent again. Confluence reports it as a 401 with `Unauthorized; scope does not match`.
 *
 * @public
 */
function isScopeError(value) {
    return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'scope');
}


/***/ }),

/***/ 53766:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ SchemaMismatchError)
/* harmony export */ });
/* harmony import */ var _kinds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43494);

/**
 * The request succeeded, but the response is not what the endpoint's schema describes.
 *
 * Covers both ways that can happen: the response was not JSON at all, or it parsed as JSON and its shape had drifted.
 * The two are told apart by `cause` — a validation failure carries the underlying `ZodError`, a non-JSON response
 * carries nothing — while `report` says which fields disagreed either way.
 *
 * They are one error rather than two on purpose: from a caller's side both mean "the API answered 2xx and the value
 * cannot be trusted", and nobody should have to know which validator this library uses in order to catch that.
 *
 * `report` names paths and types and never the values at them. The previous version of this error carried the entire
 * response body, which put issue summaries, display names and custom field contents into every log line and error
 * tracker that saw it — a schema bug turning into someone else's data incident.
 *
 * Distinct from `ApiError`, which means the request itself failed.
 *
 * @public
 */
class SchemaMismatchError extends Error {
    [_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .ERROR_KINDS */ .z] = ['schemaMismatch'];
    /** Which fields disagreed with the schema, by path and type. Paste-able into a bug report. */
    report;
    constructor(message, report, options) {
        super(message, options);
        this.name = 'SchemaMismatchError';
        this.report = report;
        Object.setPrototypeOf(this, new.target.prototype);
    }
    static [Symbol.hasInstance](value) {
        return (0,_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorKind */ .j)(value, 'schemaMismatch');
    }
}


/***/ }),

/***/ 70870:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ BlobSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26921);

const BlobSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .custom */ .IeY(val => typeof Blob !== 'undefined' && val instanceof Blob);


/***/ }),

/***/ 73699:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ BufferSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26921);

const BufferSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .custom */ .IeY(val => {
    if (val instanceof ArrayBuffer)
        return true;
    if (typeof ArrayBuffer !== 'undefined' && ArrayBuffer.isView(val))
        return true;
    return false;
});


/***/ }),

/***/ 41294:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ mimeTypeFor)
/* harmony export */ });
/* unused harmony export DEFAULT_MIME_TYPE */
/**
 * Content type for an attachment, guessed from its filename.
 *
 * Atlassian stores whatever content type the upload declares, and it decides whether a browser previews the file or
 * offers it as a download. Sending `application/octet-stream` for everything turns every screenshot into an anonymous
 * blob, which is why this exists.
 *
 * The table is deliberately short: the formats people actually attach to issues and pages. A full database is a
 * megabyte of dependency for a lookup that misses nothing anyone will notice — an unknown extension simply falls back
 * to `application/octet-stream`, which is what the upload would have said anyway.
 */
const MIME_TYPES = {
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
    webp: 'image/webp',
    svg: 'image/svg+xml',
    bmp: 'image/bmp',
    ico: 'image/vnd.microsoft.icon',
    tif: 'image/tiff',
    tiff: 'image/tiff',
    avif: 'image/avif',
    heic: 'image/heic',
    pdf: 'application/pdf',
    doc: 'application/msword',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xls: 'application/vnd.ms-excel',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ppt: 'application/vnd.ms-powerpoint',
    pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    odt: 'application/vnd.oasis.opendocument.text',
    ods: 'application/vnd.oasis.opendocument.spreadsheet',
    rtf: 'application/rtf',
    txt: 'text/plain',
    md: 'text/markdown',
    csv: 'text/csv',
    tsv: 'text/tab-separated-values',
    log: 'text/plain',
    json: 'application/json',
    xml: 'application/xml',
    yaml: 'application/yaml',
    yml: 'application/yaml',
    html: 'text/html',
    htm: 'text/html',
    css: 'text/css',
    js: 'text/javascript',
    mjs: 'text/javascript',
    ts: 'text/plain',
    sql: 'application/sql',
    zip: 'application/zip',
    gz: 'application/gzip',
    tar: 'application/x-tar',
    '7z': 'application/x-7z-compressed',
    rar: 'application/vnd.rar',
    bz2: 'application/x-bzip2',
    mp4: 'video/mp4',
    webm: 'video/webm',
    mov: 'video/quicktime',
    avi: 'video/x-msvideo',
    mp3: 'audio/mpeg',
    wav: 'audio/wav',
    ogg: 'audio/ogg',
    m4a: 'audio/mp4',
};
const DEFAULT_MIME_TYPE = 'application/octet-stream';
/**
 * The content type for `filename`, or `application/octet-stream` when the extension is unknown or absent.
 *
 * A leading dot is not an extension — `.gitignore` is a file called `.gitignore`, not a `gitignore` file.
 */
function mimeTypeFor(filename) {
    const lastDot = filename.lastIndexOf('.');
    if (lastDot <= 0)
        return DEFAULT_MIME_TYPE;
    return MIME_TYPES[filename.slice(lastDot + 1).toLowerCase()] ?? DEFAULT_MIME_TYPE;
}


/***/ }),

/***/ 16107:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ createMultipartRequestBody),
/* harmony export */   e: () => (/* binding */ toFormDataFile)
/* harmony export */ });
/* harmony import */ var _mimeType_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41294);
/* harmony import */ var _productInfo_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49174);


const textEncoder = new TextEncoder();
let streamingSupport;
/**
 * Whether this runtime accepts a `ReadableStream` as a request body.
 *
 * Node and Chromium do and signal it by reading `duplex`; Firefox and Safari do not, and the option stays untouched.
 * Detecting it this way rather than by sniffing for `process` matters: bundlers routinely shim `process` as an empty
 * object, where reading `process.versions.node` throws outright.
 *
 * The probe constructs a request and discards it, so the caller's own stream is never touched.
 */
function supportsRequestStreaming() {
    if (streamingSupport !== undefined)
        return streamingSupport;
    if (typeof Request === 'undefined' || typeof ReadableStream === 'undefined') {
        streamingSupport = false;
        return streamingSupport;
    }
    let duplexRead = false;
    try {
        new Request('https://streaming.probe.invalid', {
            method: 'POST',
            body: new ReadableStream(),
            get duplex() {
                duplexRead = true;
                return 'half';
            },
        });
    }
    catch {
        duplexRead = false;
    }
    streamingSupport = duplexRead;
    return streamingSupport;
}
function isAsyncIterable(value) {
    if (value == null)
        return false;
    return typeof value[Symbol.asyncIterator] === 'function';
}
/** Node's `Buffer` is a `Uint8Array`, so the structural check covers it without naming a Node type. */
function isBytes(value) {
    return ArrayBuffer.isView(value) && !(value instanceof DataView);
}
function isStreamLikeContent(content) {
    if (typeof content === 'string')
        return false;
    if (content instanceof Blob)
        return false;
    if (isBytes(content))
        return false;
    if (typeof ReadableStream !== 'undefined' && content instanceof ReadableStream)
        return true;
    return isAsyncIterable(content);
}
function escapeQuotes(value) {
    return value.replace(/"/g, '%22');
}
function normalizeChunk(chunk) {
    if (typeof chunk === 'string') {
        return textEncoder.encode(chunk);
    }
    return chunk;
}
async function* readableStreamToAsyncIterable(stream) {
    const reader = stream.getReader();
    try {
        for (;;) {
            const { value, done } = await reader.read();
            if (done)
                return;
            yield normalizeChunk(value);
        }
    }
    finally {
        reader.releaseLock();
    }
}
async function* contentToAsyncIterable(content) {
    if (typeof content === 'string') {
        yield textEncoder.encode(content);
        return;
    }
    if (content instanceof Blob) {
        for await (const chunk of readableStreamToAsyncIterable(content.stream())) {
            yield chunk;
        }
        return;
    }
    if (isBytes(content)) {
        yield content;
        return;
    }
    if (typeof ReadableStream !== 'undefined' && content instanceof ReadableStream) {
        for await (const chunk of readableStreamToAsyncIterable(content)) {
            yield chunk;
        }
        return;
    }
    if (isAsyncIterable(content)) {
        for await (const chunk of content) {
            yield normalizeChunk(chunk);
        }
        return;
    }
    throw new TypeError('Unsupported attachment content type');
}
function createBoundary() {
    const suffix = typeof crypto !== 'undefined' && 'randomUUID' in crypto
        ? crypto.randomUUID().replace(/-/g, '')
        : `${Date.now()}${Math.random().toString(16).slice(2)}`;
    return `${_productInfo_js__WEBPACK_IMPORTED_MODULE_0__/* .PRODUCT_SLUG */ .Q}-${suffix}`;
}
function toReadableStream(iterable) {
    const iterator = iterable[Symbol.asyncIterator]();
    return new ReadableStream({
        async pull(controller) {
            const { value, done } = await iterator.next();
            if (done) {
                controller.close();
                return;
            }
            controller.enqueue(value);
        },
        async cancel() {
            if (typeof iterator.return === 'function') {
                await iterator.return();
            }
        },
    });
}
async function* encodeMultipart(attachments, boundary) {
    for (const attachment of attachments) {
        const contentType = attachment.content instanceof Blob && attachment.content.type
            ? attachment.content.type
            : (0,_mimeType_js__WEBPACK_IMPORTED_MODULE_1__/* .mimeTypeFor */ .k)(attachment.filename);
        const preamble = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${escapeQuotes(attachment.filename)}"\r\nContent-Type: ${contentType}\r\n\r\n`;
        yield textEncoder.encode(preamble);
        for await (const chunk of contentToAsyncIterable(attachment.content)) {
            yield chunk;
        }
        yield textEncoder.encode('\r\n');
    }
    yield textEncoder.encode(`--${boundary}--\r\n`);
}
/**
 * One {@link AttachmentInput} as a single `FormData`-appendable part.
 *
 * Multipart endpoints assemble their own `FormData` and append each attachment to it, so they need the content as one
 * value rather than as a whole encoded body — that is what this provides, and {@link createMultipartRequestBody} is the
 * streaming alternative for callers building a request by hand.
 *
 * Streaming content is collected here: a `FormData` part has to know its length, so a stream cannot stay lazy once it
 * goes into one.
 */
async function toFormDataFile(attachment) {
    const { content } = attachment;
    if (content instanceof Blob)
        return content;
    const type = (0,_mimeType_js__WEBPACK_IMPORTED_MODULE_1__/* .mimeTypeFor */ .k)(attachment.filename);
    const chunks = [];
    for await (const chunk of contentToAsyncIterable(content))
        chunks.push(chunk);
    return new Blob(chunks, { type });
}
/**
 * A multipart body for `input`, streaming it where the runtime allows.
 *
 * Content that is already in memory — a `File`, `Blob`, `Uint8Array` or string — goes into a `FormData`, which every
 * runtime handles and which lets the platform read a `File` off disk without loading it.
 *
 * Streaming content is sent as a stream where request streaming exists (Node, Chromium over HTTP/2) and is otherwise
 * collected into a `Blob` first, because Firefox and Safari cannot send a stream at all. Collecting is the fallback
 * rather than the default, so nothing silently buffers a large upload on a runtime that could have streamed it.
 */
async function createMultipartRequestBody(input) {
    const attachments = Array.isArray(input) ? input : [input];
    const hasStreamingInput = attachments.some(attachment => isStreamLikeContent(attachment.content));
    if (hasStreamingInput && supportsRequestStreaming()) {
        const boundary = createBoundary();
        return {
            body: toReadableStream(encodeMultipart(attachments, boundary)),
            headers: {
                'Content-Type': `multipart/form-data; boundary=${boundary}`,
            },
        };
    }
    const formData = new FormData();
    for (const attachment of attachments) {
        formData.append('file', await toFormDataFile(attachment), attachment.filename);
    }
    return { body: formData };
}


/***/ }),

/***/ 31592:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WL: () => (/* binding */ getAccessibleResources),
/* harmony export */   cH: () => (/* binding */ refreshOAuth2Token),
/* harmony export */   cJ: () => (/* binding */ generateAuthorizationUrl),
/* harmony export */   ye: () => (/* binding */ exchangeAuthorizationCode)
/* harmony export */ });
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92326);

const AUTHORIZE_URL = 'https://auth.atlassian.com/authorize';
const TOKEN_URL = 'https://auth.atlassian.com/oauth/token';
const ACCESSIBLE_RESOURCES_URL = 'https://api.atlassian.com/oauth/token/accessible-resources';
const DEFAULT_AUDIENCE = 'api.atlassian.com';
const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };
function mapTokenResponse(data) {
    return {
        accessToken: data.access_token,
        refreshToken: data.refresh_token,
        expiresIn: data.expires_in,
        scope: data.scope,
        tokenType: data.token_type,
    };
}
/** `fetch` does not reject on a non-2xx status, so the status is checked here and turned into an `OAuthError`. */
async function requestJson(url, init) {
    let response;
    try {
        response = await fetch(url, init);
    }
    catch (err) {
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .OAuthError */ .W(`Request to ${url} failed before a response arrived`, { cause: err });
    }
    if (!response.ok) {
        const text = await response.text().catch(() => '');
        let body = text;
        try {
            body = JSON.parse(text);
        }
        catch { }
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .OAuthError */ .W(`Request to ${url} failed with status ${response.status} ${response.statusText}${text ? `: ${text}` : ''}`, { status: response.status, body });
    }
    return response.json();
}
/**
 * Build the URL to send the user to so they can grant access.
 *
 * `state` is yours to generate and to verify when the callback comes back — it is what stops CSRF on the redirect.
 *
 * @public
 */
function generateAuthorizationUrl(params) {
    const query = new URLSearchParams({
        audience: params.audience ?? DEFAULT_AUDIENCE,
        client_id: params.clientId,
        scope: params.scopes.join(' '),
        redirect_uri: params.redirectUri,
        state: params.state,
        response_type: 'code',
        prompt: params.prompt ?? 'consent',
    });
    return `${AUTHORIZE_URL}?${query.toString()}`;
}
/**
 * Exchange the authorization `code` from the redirect callback for tokens.
 *
 * @public
 */
async function exchangeAuthorizationCode(params) {
    const data = await requestJson(TOKEN_URL, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({
            grant_type: 'authorization_code',
            client_id: params.clientId,
            client_secret: params.clientSecret,
            code: params.code,
            redirect_uri: params.redirectUri,
        }),
    });
    return mapTokenResponse(data);
}
/**
 * Refresh an access token.
 *
 * Atlassian rotates the refresh token on every call: persist the one you get back and drop the old one, or the next
 * refresh fails.
 *
 * @public
 */
async function refreshOAuth2Token(params) {
    const data = await requestJson(TOKEN_URL, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({
            grant_type: 'refresh_token',
            client_id: params.clientId,
            client_secret: params.clientSecret,
            refresh_token: params.refreshToken,
        }),
    });
    return mapTokenResponse(data);
}
/**
 * List the Confluence sites this access token can reach. The `id` of an entry is its cloud id.
 *
 * @public
 */
async function getAccessibleResources(accessToken) {
    return requestJson(ACCESSIBLE_RESOURCES_URL, {
        method: 'GET',
        headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
    });
}


/***/ }),

/***/ 42243:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ createOAuth2Manager)
/* harmony export */ });
/* harmony import */ var _helpers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(31592);
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92326);
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4675);
/* harmony import */ var _productInfo_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49174);



/** 3LO tokens are only accepted through the gateway, never on the site's own domain. */
const GATEWAY_BASE = `https://api.atlassian.com/ex/${_productInfo_js__WEBPACK_IMPORTED_MODULE_0__/* .PRODUCT */ .A.gatewaySlug}`;
/** Refresh this many ms before `expiresAt`, to absorb clock skew and in-flight latency. */
const EXPIRY_SKEW_MS = 60_000;
function normalizeUrl(url) {
    let end = url.length;
    while (end > 0 && url[end - 1] === '/')
        end -= 1;
    return url.slice(0, end).toLowerCase();
}
/**
 * Holds the OAuth 2.0 token state for one client: refreshes before expiry, resolves the cloud id once, and reports
 * rotated refresh tokens through `onTokenRefresh`.
 *
 * Both the refresh and the cloud-id lookup are single-flighted, so N concurrent requests hitting an expired token
 * produce one token call, not N.
 */
function createOAuth2Manager(options) {
    const { clientId, clientSecret, siteUrl, onTokenRefresh } = options;
    let accessToken = options.accessToken;
    let refreshToken = options.refreshToken;
    let expiresAt = options.expiresAt;
    let cloudId = options.cloudId;
    let refreshPromise;
    let cloudIdPromise;
    const canRefresh = () => refreshToken !== undefined && clientId !== undefined && clientSecret !== undefined;
    const needsRefresh = () => {
        if (!canRefresh())
            return false;
        if (accessToken === undefined)
            return true;
        if (expiresAt === undefined)
            return false;
        return Date.now() >= expiresAt - EXPIRY_SKEW_MS;
    };
    const doRefresh = async () => {
        if (!canRefresh()) {
            throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_1__/* .OAuthError */ .W('Cannot refresh the OAuth 2.0 access token: `refreshToken`, `clientId` and `clientSecret` are required.');
        }
        const response = await (0,_helpers_js__WEBPACK_IMPORTED_MODULE_2__/* .refreshOAuth2Token */ .cH)({
            clientId: clientId,
            clientSecret: clientSecret,
            refreshToken: refreshToken,
        });
        accessToken = response.accessToken;
        if (response.refreshToken) {
            refreshToken = response.refreshToken;
        }
        expiresAt = Date.now() + response.expiresIn * 1000;
        await onTokenRefresh?.({ accessToken, refreshToken, expiresAt });
    };
    const refresh = async () => {
        refreshPromise ??= doRefresh();
        try {
            await refreshPromise;
        }
        finally {
            refreshPromise = undefined;
        }
    };
    const ensureAccessToken = async () => {
        if (needsRefresh())
            await refresh();
        if (accessToken === undefined) {
            throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_1__/* .OAuthError */ .W('No OAuth 2.0 access token is available and it cannot be refreshed. Provide an `accessToken`, or the full ' +
                'refresh credentials (`refreshToken`, `clientId`, `clientSecret`).');
        }
        return accessToken;
    };
    /**
     * The sites this token can reach, refreshing once if the token turns out to be stale.
     *
     * This lookup runs before the request loop, so the client's own 401-and-retry never covers it. Without this, a token
     * whose expiry is unknown — the shape you get when a caller supplies `accessToken` without `expiresAt` — would fail
     * the cloud-id lookup permanently instead of refreshing the way any other request would.
     */
    const listResources = async () => {
        try {
            return await (0,_helpers_js__WEBPACK_IMPORTED_MODULE_2__/* .getAccessibleResources */ .WL)(await ensureAccessToken());
        }
        catch (err) {
            if (!(0,_errors_index_js__WEBPACK_IMPORTED_MODULE_3__/* .isOAuthError */ .Q6)(err) || err.status !== 401 || !canRefresh())
                throw err;
            await refresh();
            return (0,_helpers_js__WEBPACK_IMPORTED_MODULE_2__/* .getAccessibleResources */ .WL)(await ensureAccessToken());
        }
    };
    const selectResource = (resources) => {
        if (resources.length === 0) {
            throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_1__/* .OAuthError */ .W('No accessible Confluence resources were returned for this OAuth 2.0 token. Check the granted scopes and ' +
                'that the user has access to at least one Confluence site.');
        }
        if (siteUrl !== undefined) {
            const target = normalizeUrl(siteUrl);
            const match = resources.find(resource => normalizeUrl(resource.url) === target);
            if (!match) {
                throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_1__/* .OAuthError */ .W(`No accessible resource matches siteUrl "${siteUrl}". Available: ${resources.map(r => r.url).join(', ')}.`);
            }
            return match;
        }
        if (resources.length > 1) {
            throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_1__/* .OAuthError */ .W('Multiple accessible Confluence resources found; pass `cloudId` or `siteUrl` to disambiguate. Available: ' +
                `${resources.map(r => r.url).join(', ')}.`);
        }
        return resources[0];
    };
    const resolveCloudId = async () => {
        if (cloudId !== undefined)
            return cloudId;
        cloudIdPromise ??= (async () => {
            const resources = await listResources();
            cloudId = selectResource(resources).id;
            return cloudId;
        })();
        try {
            return await cloudIdPromise;
        }
        finally {
            cloudIdPromise = undefined;
        }
    };
    return {
        canRefresh,
        async getAuthorizationHeader() {
            return `Bearer ${await ensureAccessToken()}`;
        },
        async getBaseUrl() {
            return `${GATEWAY_BASE}/${await resolveCloudId()}`;
        },
        forceRefresh: refresh,
    };
}


/***/ }),

/***/ 35108:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ openEnum)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26921);
/* harmony import */ var _schemaAudit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38611);


/**
 * Builds a schema for a string field whose documented values are a vendor's list rather than a real constraint.
 *
 * Open by default: any string is accepted, because the specification these schemas are generated from routinely falls
 * behind the API it describes. A value the vendor added and did not write down is not a bug in the caller's code, and
 * it must not turn into a warning in their logs.
 *
 * The documented values survive where they are actually useful — in the type. `z.infer` gives `'software' |
 * 'service_desk' | 'business' | (string & {})`, so an editor still suggests all three while the compiler accepts
 * whatever the API turns out to send. They also survive in the failure message, which names them.
 *
 * Under `AUDIT_SCHEMAS=true` it builds a real `z.enum` instead, which is how the audit run learns that a list has gone
 * stale. That is the run whose job is to compare the schemas against what the API sends; a caller's process is not.
 *
 * The declared return type stays the open one in both modes, deliberately — the same reason as in `apiObject`: the
 * switch is read at runtime, so the compiler cannot follow it, and the published declarations must not shift with an
 * environment variable.
 */
function openEnum(values) {
    const documented = values.map(value => `'${value}'`).join(' | ');
    // `string & {}`, not `string`: a plain `string` in the union swallows the literals and takes the suggestions with them.
    const open = zod__WEBPACK_IMPORTED_MODULE_0__/* .custom */ .IeY(value => typeof value === 'string', {
        message: `one of ${documented}, or another string`,
    });
    if ((0,_schemaAudit_js__WEBPACK_IMPORTED_MODULE_1__/* .isSchemaAuditEnabled */ .Ao)()) {
        return zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(values);
    }
    return open;
}


/***/ }),

/***/ 49174:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ PRODUCT),
/* harmony export */   Q: () => (/* binding */ PRODUCT_SLUG)
/* harmony export */ });
/** Typed as plain strings on purpose: a product may leave the optional fields empty, and the code must still check. */
const PRODUCT = {
    /** The npm package name, e.g. `confluence.js`. */
    packageName: 'jira.js',
    /**
     * The Atlassian gateway slug, as in `https://api.atlassian.com/ex/<slug>/{cloudId}`.
     *
     * Empty for products that are not behind the Atlassian gateway, where OAuth 2.0 (3LO) does not apply.
     */
    gatewaySlug: 'jira',
    /** Product-specific advice appended to a scope-mismatch 401, where the scope families differ per product. */
    scopeHint: 'Jira scopes are granted per operation rather than per API version — the scope the failing operation names in its API documentation is the one to add.',
};
/**
 * The package name reduced to something safe inside a multipart boundary and a symbol key.
 *
 * A boundary may not contain a dot without being quoted, and `confluence.js` has one.
 */
const PRODUCT_SLUG = PRODUCT.packageName.replace(/[^a-zA-Z0-9]+/g, '-');


/***/ }),

/***/ 38611:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ao: () => (/* binding */ isSchemaAuditEnabled),
/* harmony export */   eh: () => (/* binding */ recordSchemaDrift)
/* harmony export */ });
/* unused harmony export getCollectedSchemaDrift */
/**
 * Collects the gaps between the schemas and what the API actually sends.
 *
 * Only active when `AUDIT_SCHEMAS=true`, which the package's own audit run sets and nothing else does. In every other
 * process this module holds an empty array and is never written to.
 *
 * It deliberately keeps findings in memory rather than writing them anywhere: `core/` ships to browsers, so it cannot
 * reach for the filesystem. The audit runner reads the collection at the end of the run and reports it.
 */
/** Symbol.for, not a local const: the collection has to survive two copies of the package in one process. */
const STORE = Symbol.for('apis-code-gen.schemaAudit');
function isSchemaAuditEnabled() {
    const env = globalThis.process?.env;
    return env?.AUDIT_SCHEMAS === 'true';
}
function recordSchemaDrift(entry) {
    const store = globalThis;
    (store[STORE] ??= []).push(entry);
}
function getCollectedSchemaDrift() {
    return globalThis[STORE] ?? [];
}


/***/ }),

/***/ 32518:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oe: () => (/* binding */ reportSchemaMismatch),
/* harmony export */   pT: () => (/* binding */ resetSchemaMismatchReporting),
/* harmony export */   wF: () => (/* binding */ describeIssues)
/* harmony export */ });
/* unused harmony export warnOnce */
/* harmony import */ var _productInfo_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49174);

/** A value described the way a schema would describe it, with nothing of the value itself kept. */
function describeValue(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'array';
    return typeof value;
}
/**
 * The value sitting at a zod issue's path, walked out of the body that failed.
 *
 * Walked rather than read off `issue.input`: zod declares that field optional and leaves it off the issues it hands
 * back, so it is never there when this runs. Every segment of an issue path is an object key or an array index, so the
 * walk always has an answer, and anything no longer reachable is reported as absent — which is itself the answer when
 * the complaint is a missing field.
 */
function readValueAtPath(body, path) {
    let target = body;
    for (const segment of path) {
        if (target === null || typeof target !== 'object')
            return { reachable: false, value: undefined };
        if (!(segment in target))
            return { reachable: false, value: undefined };
        target = target[segment];
    }
    return { reachable: true, value: target };
}
/** The same walk, reported as a type name. */
function describeTypeAtPath(body, path) {
    const { reachable, value } = readValueAtPath(body, path);
    return reachable ? describeValue(value) : 'nothing';
}
/** The longest quoted value the report will print, past which it is cut with an ellipsis. */
const MAX_QUOTED_LENGTH = 40;
/** A closed set written the way the schema declares it: `'software' | 'service_desk' | 'business'`. */
function listValues(values) {
    return values.map(value => (typeof value === 'string' ? `'${value}'` : String(value))).join(' | ');
}
/** The value that failed a closed set, quoted. `undefined` for anything that is not a primitive. */
function quoteValue(value) {
    if (typeof value === 'string') {
        return value.length > MAX_QUOTED_LENGTH ? `"${value.slice(0, MAX_QUOTED_LENGTH)}…"` : `"${value}"`;
    }
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
        return String(value);
    return undefined;
}
/** How much of a limit to name — `at most 5 characters` reads better than `at most 5`. */
function unitFor(origin) {
    if (origin === 'string')
        return ' characters';
    if (origin === 'array' || origin === 'set')
        return ' items';
    return '';
}
/**
 * What the schema was asking for, in words.
 *
 * Only `invalid_type` carries an `expected` field; every other zod issue describes itself with a code and its own
 * fields, and printing the code raw is how a caller ends up reading `expected invalid_value`, which names the shape of
 * the complaint instead of the complaint. Each branch here spends the fields that code does carry.
 */
function describeExpectation(issue) {
    switch (issue.code) {
        case 'invalid_type':
            return issue.expected;
        case 'invalid_value':
            return issue.values.length === 1 ? listValues(issue.values) : `one of ${listValues(issue.values)}`;
        case 'too_big':
            return `at most ${issue.maximum}${unitFor(issue.origin)}`;
        case 'too_small':
            return `at least ${issue.minimum}${unitFor(issue.origin)}`;
        case 'invalid_format':
            return `a valid ${issue.format}`;
        case 'not_multiple_of':
            return `a multiple of ${issue.divisor}`;
        case 'custom':
            return issue.message;
        default:
            return issue.code;
    }
}
/**
 * Flattens zod's issues into the report's own vocabulary.
 *
 * Union branches are flattened rather than nested: a caller reading this wants to know which field is wrong, and
 * telling them the response failed all four branches of a union is a fact about zod, not about their data. The two
 * container codes are flattened for the same reason — a bad key or element is a problem with what is inside, and zod's
 * own nesting of it says nothing the inner issue does not.
 */
function describeIssues(issues, body, base = []) {
    const described = [];
    for (const issue of issues) {
        const path = [...base, ...issue.path];
        if (issue.code === 'invalid_union') {
            for (const branch of issue.errors)
                described.push(...describeIssues(branch, body, path));
            continue;
        }
        if (issue.code === 'invalid_key' || issue.code === 'invalid_element') {
            described.push(...describeIssues(issue.issues, body, path));
            continue;
        }
        if (issue.code === 'unrecognized_keys') {
            described.push({
                path: path.map(String).join('.'),
                expected: 'no undocumented keys',
                received: `undocumented: ${issue.keys.join(', ')}`,
            });
            continue;
        }
        // The value itself only for a closed set — see the note on SchemaMismatchReport.
        const quoted = issue.code === 'invalid_value' ? quoteValue(readValueAtPath(body, path).value) : undefined;
        described.push({
            path: path.map(String).join('.'),
            expected: describeExpectation(issue),
            received: quoted ?? describeTypeAtPath(body, path),
        });
    }
    return described;
}
/**
 * Problems already reported, so a paginated read does not narrate the same one five hundred times.
 *
 * Process-wide and unbounded on purpose. The key space is the schemas the library ships, so it cannot grow past that
 * however long the process runs, and per-client state would defeat the point — two clients against the same site have
 * the same schema bug.
 */
const reported = new Set();
/**
 * The path with its array indices collapsed, so one bad field is one problem however many elements carry it.
 *
 * `values.8.projectTypeKey` and `values.26.projectTypeKey` are the same stale enum, not two of them. Only the key is
 * collapsed — the line that gets printed keeps the concrete path, because that is the one a reader can go and look at
 * in the response.
 */
function dedupePath(path) {
    return path.replace(/(^|\.)\d+(\.|$)/g, '$1[]$2');
}
/** Exposed for tests, which would otherwise leak reported state between cases. */
function resetSchemaMismatchReporting() {
    reported.clear();
}
/**
 * Prints each distinct problem once, to stderr.
 *
 * Stderr rather than stdout because a CLI's output belongs to the CLI: redirected to a file or piped into `jq`, this
 * stays in the terminal and the machine-readable stream is untouched. Deduplication is what makes it bearable at all —
 * the same field over five hundred paginated issues is one line, not five hundred.
 */
function warnOnce(report) {
    for (const issue of report.issues) {
        const key = `${report.endpoint}|${dedupePath(issue.path)}|${issue.expected}`;
        if (reported.has(key))
            continue;
        reported.add(key);
        const where = issue.path === '' ? 'the response root' : `\`${issue.path}\``;
        console.warn(`[${_productInfo_js__WEBPACK_IMPORTED_MODULE_0__/* .PRODUCT */ .A.packageName}] ${report.endpoint} answered with something the schema does not describe: ` +
            `at ${where}, expected ${issue.expected}, got ${issue.received}. ` +
            'The response is returned unvalidated. ' +
            'Set `onSchemaMismatch` to \'silent\' to stop these, or pass a function to handle them yourself.');
    }
}
/**
 * Runs the configured behavior. Returns whether the caller should throw.
 *
 * Kept here rather than inline in the transport so the decision reads in one place, and so `'throw'` is visibly the
 * only branch that ends the request.
 */
function reportSchemaMismatch(behavior, report) {
    if (typeof behavior === 'function') {
        behavior(report);
        return false;
    }
    if (behavior === 'throw')
        return true;
    if (behavior === 'warn')
        warnOnce(report);
    return false;
}


/***/ }),

/***/ 55766:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qr: () => (/* binding */ authSchema),
/* harmony export */   fC: () => (/* binding */ authOAuth2Schema)
/* harmony export */ });
/* unused harmony exports authBasicSchema, authBearerTokenSchema, authBearerProviderSchema, authBearerSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26921);

const authBasicSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('basic'),
    email: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().email(),
    apiToken: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
});
const authBearerTokenSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('bearer'),
    token: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
});
const authBearerProviderSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('bearer'),
    getToken: zod__WEBPACK_IMPORTED_MODULE_0__/* .custom */ .IeY(val => typeof val === 'function', {
        message: 'getToken must be a function',
    }),
});
const authBearerSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([authBearerTokenSchema, authBearerProviderSchema]);
/**
 * Atlassian OAuth 2.0 (3LO).
 *
 * Either hand over an `accessToken` and manage its lifetime yourself, or hand over the full refresh credential set and
 * let the client refresh on its own. The two refinements below encode exactly that: the second one exists because a
 * partial credential set is always a mistake — it looks configured, then fails on the first refresh.
 */
const authOAuth2Schema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('oauth2'),
    accessToken: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    refreshToken: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    clientId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    clientSecret: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    /** Access-token expiry as epoch milliseconds, e.g. `Date.now() + expiresIn * 1000`. */
    expiresAt: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional(),
    /** Atlassian cloud id. When set, the `accessible-resources` lookup is skipped. */
    cloudId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    /** Site URL, e.g. `https://your-domain.atlassian.net`, used to pick a cloud id when the token can reach several. */
    siteUrl: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    /** Called after every refresh. Persist the rotated `refreshToken` here — the previous one is dead. */
    onTokenRefresh: zod__WEBPACK_IMPORTED_MODULE_0__/* .custom */ .IeY(val => typeof val === 'function', { message: 'onTokenRefresh must be a function' })
        .optional(),
})
    .refine(data => data.accessToken !== undefined ||
    (data.refreshToken !== undefined && data.clientId !== undefined && data.clientSecret !== undefined), {
    message: 'OAuth 2.0 requires either an `accessToken` or a full refresh credential set (`refreshToken`, `clientId`, `clientSecret`).',
})
    .refine(data => {
    const anyRefreshField = data.refreshToken !== undefined || data.clientId !== undefined || data.clientSecret !== undefined;
    if (!anyRefreshField)
        return true;
    return data.refreshToken !== undefined && data.clientId !== undefined && data.clientSecret !== undefined;
}, {
    message: 'When using OAuth 2.0 token refresh, `refreshToken`, `clientId` and `clientSecret` must all be provided together.',
});
const authSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([authBasicSchema, authBearerSchema, authOAuth2Schema]);


/***/ }),

/***/ 28477:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ clientConfigSchema)
/* harmony export */ });
/* unused harmony export transientRetrySchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26921);
/* harmony import */ var _auth_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(55766);


const transientRetrySchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    /** Total number of attempts including the first. Default: 1 (no retries). */
    maxAttempts: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().optional(),
    /** Delay before the first retry in ms. Default: 500. */
    initialDelayMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().optional(),
    /** Exponential backoff multiplier. Default: 2. */
    backoffFactor: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().positive().optional(),
});
const clientConfigSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    /**
     * The bare site URL, e.g. `https://your-domain.atlassian.net` — the API path belongs to the request, not here.
     *
     * Optional only under OAuth 2.0: 3LO tokens are not accepted on the site's own domain, so the client routes through
     * `https://api.atlassian.com/ex/confluence/{cloudId}` and derives that URL itself.
     */
    host: zod__WEBPACK_IMPORTED_MODULE_0__/* .url */ .OZ5().optional(),
    auth: _auth_js__WEBPACK_IMPORTED_MODULE_1__/* .authSchema */ .Qr.optional(),
    headers: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional(),
    getAuthOn401: zod__WEBPACK_IMPORTED_MODULE_0__/* .custom */ .IeY(val => typeof val === 'function').optional(),
    /**
     * Opt-in retry for transient transport failures only — network errors (ECONNRESET, ETIMEDOUT, ENOTFOUND, EAI_AGAIN,
     * EPIPE, UND_ERR_SOCKET, ERR_SSL_*) and HTTP 502/503/504. Never retries 4xx (including 401, 429) or 5xx other than
     * 502/503/504 — those signal client or server logic and masking them would hide real regressions. Disabled by
     * default.
     */
    retry: transientRetrySchema.optional(),
    /**
     * What to do when a response does not match its schema. Defaults to `'warn'`: report the problem once and hand back
     * the body unvalidated, rather than ending the request.
     */
    onSchemaMismatch: zod__WEBPACK_IMPORTED_MODULE_0__/* .custom */ .IeY(val => typeof val === 'function' || val === 'warn' || val === 'silent' || val === 'throw')
        .optional(),
})
    .refine(data => data.host !== undefined || data.auth?.type === 'oauth2', {
    message: '`host` is required unless you authenticate with OAuth 2.0, which routes through the Atlassian gateway.',
    path: ['host'],
});


/***/ })

};

//# sourceMappingURL=676.index.js.map