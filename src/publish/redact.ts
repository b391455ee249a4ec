/**
 * The one redaction function every string passes before it leaves the runner: the job summary, outputs,
 * report.json, the audit log, the LLM prompt, pull-request comments, Jira tickets and Slack messages.
 *
 * How a string is searched, cheapest first:
 * 1. **Known values** (`secrets`, the action's own tokens), also as they appear JSON-escaped, URL-encoded and
 *    base64-encoded at each of the three byte alignments (inside a longer base64 string, e.g. a Basic header),
 *    the way the Actions runner masks registered secrets.
 * 2. **A pre-check**: two regular expressions of the anchors every rule below needs — a token prefix (`ghp_`,
 *    `xoxb-`, `AKIA`, `eyJ` …), a key word before a separator (`password=`, `token:`, `api_key =` …),
 *    `-----BEGIN` or `://user:pass@`. About 99 % of CI log lines have none, and nothing more runs on them.
 * 3. **Token formats of secretlint's recommended preset** (`@secretlint/secretlint-rule-preset-recommend`: a
 *    maintained rule set, one zero-dependency ESM file). secretlint's own engine (`@secretlint/core`) is
 *    asynchronous and lints files, so the preset's rules are driven here through their rule interface
 *    (`create(context).file(source)`, all synchronous for text that is not a `.p12`/`.json` file), and each
 *    report is turned into the exact secret it names (its `TOKEN`/`KEY`/`ID`/`URL` message property, because
 *    the reported ranges are lint ranges: the AWS rule's starts at the key name, not at the value). Rules whose
 *    report is coarser than the secret are left out and covered below: `basicauth` and
 *    `database-connection-string` (the whole URL: here only the password goes), `privatekey` (needs the END
 *    line and ≥ 100 characters: here the BEGIN/END lines stay and a lone BEGIN line is handled), `gcp` (whole
 *    `.json` files only); `filter-comments` is left out because log text must not be able to switch redaction
 *    off with a `secretlint-disable` comment.
 * 4. **Own patterns** for what the preset does not cover (AWS access key ids are off by default there, GCP API
 *    keys, Azure, Twilio, PyPI, JWTs, PEM blocks, URL credentials, Authorization headers, `key=value`
 *    assignments), each with the documentation of its format, plus looser fallbacks for token families whose
 *    preset rule insists on an exact length.
 *
 * Every span found becomes `***` (overlapping spans merge). Redacting twice gives the same as redacting once:
 * no rule matches `***`, and placeholders (`***`, `${{ secrets.X }}`, `$VAR`, `<token>`) are never values.
 */
import { rules as presetRules } from '@secretlint/secretlint-rule-preset-recommend';

export const REDACTED = '***';

/** One secret found in a string: `text.slice(start, end)` is redacted; `rule` names the rule that found it. */
export interface SecretSpan {
  start: number;
  end: number;
  rule: string;
}

// ── 1. Known values ──────────────────────────────────────────────────────────────────────────────────────

const variantCache = new Map<string, readonly string[]>();

/** A known secret as it can appear in text: plain, JSON-escaped, URL-encoded, base64 (3 alignments, ± url-safe). */
export function secretVariants(secret: string): readonly string[] {
  const cached = variantCache.get(secret);
  if (cached) return cached;
  const out = new Set<string>();
  // Short values would blank out ordinary words; the runner does not mask those either.
  if (secret.length >= 4) {
    out.add(secret);
    const encoded = [JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)];
    const bytes = Buffer.from(secret, 'utf8');
    for (let shift = 0; shift < 3; shift++) {
      const b64 = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
      if (shift === 0) encoded.push(b64, b64.replace(/=+$/, ''));
      // The characters that depend on the secret's bytes alone, whatever comes before and after it.
      encoded.push(b64.slice(Math.ceil((8 * shift) / 6), Math.floor((8 * (shift + bytes.length)) / 6)));
    }
    for (const e of [...encoded]) encoded.push(e.replace(/\+/g, '-').replace(/\//g, '_'));
    for (const e of encoded) if (e.length >= 8) out.add(e);
  }
  // Longest first, so a variant that contains another is found whole.
  const list = [...out].sort((a, b) => b.length - a.length);
  if (variantCache.size > 1000) variantCache.clear();
  variantCache.set(secret, list);
  return list;
}

function knownSpans(text: string, secrets: readonly string[], spans: SecretSpan[]): void {
  for (const secret of secrets) {
    for (const v of secretVariants(secret)) {
      for (let i = text.indexOf(v); i >= 0; i = text.indexOf(v, i + v.length)) {
        spans.push({ start: i, end: i + v.length, rule: 'known-secret' });
      }
    }
  }
}

// ── 2. The pre-check ─────────────────────────────────────────────────────────────────────────────────────

/**
 * A string with none of these cannot match any rule below: every preset rule needs its prefix (listed by rule,
 * `PRESET_RULE_IDS` below; a test fails when the preset gains a rule, so that its prefix is added here), and
 * every own rule needs its prefix or key word. Two expressions, because one with the `i` flag over all the
 * prefixes is twice as slow; the prefixes are grouped by their last character for the same reason.
 */
const ANCHOR_PREFIXES = new RegExp(
  [
    // secretlint preset: github, grafana, stripe, npm, groq, huggingface, linear, notion, 1password, vercel,
    // docker, figma, cloudflare — then own: Stripe webhooks
    '(?:gh[pousr]|github_pat|gl(?:c|sa)|[sr]k|npm|gsk|hf|lin_api|ntn|ops|vc[pciark]|dckr|figd|cf(?:k|ut|at)|whsec)_',
    // gitlab (preset and own), slack app tokens, openai/anthropic, tailscale, pypi (own), slack tokens
    '(?:gl[a-z]{1,5}|xapp|sk|tskey|pypi|xox[a-z])-',
    // slack webhooks, sendgrid, shopify, vault, databricks (preset); AWS ids, GCP, Azure AD, Twilio, JWT, PEM (own)
    'hooks\\.slack|SG\\.|shp|hv[sbr]\\.|dapi|A3T|AKIA|ASIA|ABIA|ACCA|AIza|Q~|SK[0-9a-fA-F]{32}|eyJ|BEGIN',
    // user:password@ in a URL
    ':\\/\\/[^\\s\\/@]*:[^\\s\\/@]*@',
  ].join('|'),
);
/**
 * Key words of the key = value, header and signed-URL rules (and of the preset's AWS secret key rule), each at
 * the end of a key name followed by its separator (the rules need both).
 */
const ANCHOR_WORDS =
  /(?:pass[wp]|pwd|secret|token|key|auth|cred|_pat)[\w.-]*["']?\s*[:=]|bearer|signature=|sig=/i;

/** The pre-check: false when no rule but the known values can match `text`. */
export function mayHoldSecret(text: string): boolean {
  return ANCHOR_WORDS.test(text) || ANCHOR_PREFIXES.test(text);
}

// ── 3. secretlint's recommended preset ───────────────────────────────────────────────────────────────────

/** The preset's rules as they are called here (the rule interface of `@secretlint/types`). */
interface LintRule {
  meta: { id: string; type?: string };
  create(context: LintContext, options: Record<string, unknown>): { file?: (source: LintSource) => unknown };
}
interface LintContext {
  createTranslator(messages: unknown): (messageId: string, props?: Record<string, unknown>) => string;
  report(descriptor: { message: string; range: readonly number[] }): void;
  ignore(descriptor: unknown): void;
}
interface LintSource {
  content: string;
  filePath: string;
  ext: string;
  contentType: 'text';
}

/** The preset's rules, each with what is done with it here (see the header). */
export const PRESET_RULE_IDS: Readonly<Record<string, 'used' | 'replaced' | 'ignored'>> = {
  '@secretlint/secretlint-rule-aws': 'used',
  '@secretlint/secretlint-rule-gcp': 'replaced',
  '@secretlint/secretlint-rule-npm': 'used',
  '@secretlint/secretlint-rule-slack': 'used',
  '@secretlint/secretlint-rule-basicauth': 'replaced',
  '@secretlint/secretlint-rule-openai': 'used',
  '@secretlint/secretlint-rule-anthropic': 'used',
  '@secretlint/secretlint-rule-groq': 'used',
  '@secretlint/secretlint-rule-huggingface': 'used',
  '@secretlint/secretlint-rule-linear': 'used',
  '@secretlint/secretlint-rule-notion': 'used',
  '@secretlint/secretlint-rule-privatekey': 'replaced',
  '@secretlint/secretlint-rule-sendgrid': 'used',
  '@secretlint/secretlint-rule-shopify': 'used',
  '@secretlint/secretlint-rule-stripe': 'used',
  '@secretlint/secretlint-rule-github': 'used',
  '@secretlint/secretlint-rule-gitlab': 'used',
  '@secretlint/secretlint-rule-grafana': 'used',
  '@secretlint/secretlint-rule-1password': 'used',
  '@secretlint/secretlint-rule-database-connection-string': 'replaced',
  '@secretlint/secretlint-rule-hashicorp-vault': 'used',
  '@secretlint/secretlint-rule-vercel': 'used',
  '@secretlint/secretlint-rule-databricks': 'used',
  '@secretlint/secretlint-rule-docker': 'used',
  '@secretlint/secretlint-rule-figma': 'used',
  '@secretlint/secretlint-rule-cloudflare': 'used',
  '@secretlint/secretlint-rule-tailscale': 'used',
  '@secretlint/secretlint-rule-filter-comments': 'ignored',
};

/** The preset's rule ids as installed (a test keeps them equal to `PRESET_RULE_IDS`). */
export const presetRuleIds: readonly string[] = (presetRules as unknown as readonly LintRule[]).map(
  (r) => r.meta.id,
);

/** What the running preset rule reported: the props of its last message, then its range. */
let lastProps: Record<string, unknown> | undefined;
let reports: { rule: string; props: Record<string, unknown> | undefined; range: readonly number[] }[] = [];

const presetScanners = (presetRules as unknown as readonly LintRule[])
  .filter((rule) => PRESET_RULE_IDS[rule.meta.id] === 'used')
  .map((rule) => {
    const name = rule.meta.id.replace('@secretlint/secretlint-rule-', 'secretlint/');
    const context: LintContext = {
      createTranslator: () => (messageId, props) => {
        lastProps = props;
        return messageId;
      },
      report: (d) => reports.push({ rule: name, props: lastProps, range: d.range }),
      ignore: () => undefined,
    };
    const handlers = rule.create(context, {});
    return handlers.file?.bind(handlers);
  })
  .filter((file) => file !== undefined);

const SECRET_PROPS = ['TOKEN', 'KEY', 'ID', 'URL'] as const;

function presetSpans(text: string, spans: SecretSpan[]): void {
  reports = [];
  const source: LintSource = { content: text, filePath: '', ext: '', contentType: 'text' };
  for (const file of presetScanners) file(source);
  for (const { rule, props, range } of reports) {
    const from = range[0] ?? 0;
    const value = SECRET_PROPS.map((p) => props?.[p]).find(
      (v): v is string => typeof v === 'string' && v !== '',
    );
    let at = value === undefined ? -1 : text.indexOf(value, from);
    if (value !== undefined && at < 0) at = text.indexOf(value);
    if (value !== undefined && at >= 0) spans.push({ start: at, end: at + value.length, rule });
    else spans.push({ start: from, end: range[1] ?? from, rule });
  }
  reports = [];
  lastProps = undefined;
}

// ── 4. Own patterns ──────────────────────────────────────────────────────────────────────────────────────

interface Pattern {
  rule: string;
  /** Global, with `d` when `group` is set. */
  re: RegExp;
  /** The capture group that is the secret; the whole match when absent. */
  group?: number;
  /** False when the matched value is not a secret after all. */
  accept?: (value: string) => boolean;
}

const PATTERNS: readonly Pattern[] = [
  // GitHub: ghp_/gho_/ghu_/ghs_/ghr_ + 36, github_pat_ + 82 (the preset's exact lengths); looser here.
  // https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/
  { rule: 'github-token', re: /\b(?:gh[pousr]_[A-Za-z0-9_]{30,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g },
  // GitLab token prefixes (glpat-, gldt-, glptt-, glrt-, glcbt-, glsoat-, glft-, glimt-, gloas-, glagent-).
  // https://docs.gitlab.com/security/tokens/#token-prefixes
  { rule: 'gitlab-token', re: /\bgl(?:pat|dt|ptt|rt|cbt|soat|ft|imt|oas|agent)-[A-Za-z0-9_-]{20,}/g },
  // AWS access key ids: AKIA (long-term), ASIA (STS), ABIA, ACCA; A3T… (older). The preset's id rule is off
  // by default, and skips the documentation example AKIAIOSFODNN7EXAMPLE.
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
  { rule: 'aws-access-key-id', re: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g },
  // Google API keys: AIza + 35. https://cloud.google.com/docs/authentication/api-keys
  { rule: 'gcp-api-key', re: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  // Azure Storage / Service Bus / Event Hubs connection strings: AccountKey=, SharedAccessKey=, SharedAccessSignature=.
  // https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string
  {
    rule: 'azure-connection-string-key',
    re: /\b(?:AccountKey|SharedAccessKey|SharedAccessSignature)=([^;\s"'`]{8,})/dgi,
    group: 1,
  },
  // Microsoft Entra (Azure AD) client secrets: 3 characters, a digit, "Q~", 31–34 more (gitleaks azure-ad-client-secret).
  // https://learn.microsoft.com/en-us/entra/identity-platform/quickstart-register-app#add-credentials
  {
    rule: 'azure-ad-client-secret',
    re: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g,
  },
  // Slack tokens (xoxb-, xoxp-, xoxa-, xoxr-, xoxe-, xoxs-, xapp-); the preset's rule covers the usual shapes.
  // https://api.slack.com/authentication/token-types
  { rule: 'slack-token', re: /\b(?:xox[abposre](?:\.xox[abposre])?|xapp)-[A-Za-z0-9-]{10,}/g },
  // Anthropic: sk-ant-api03-…, sk-ant-admin01-…, sk-ant-oat01-… (the preset wants api0N and a final "AA").
  // https://docs.anthropic.com/en/api/overview#authentication
  { rule: 'anthropic-api-key', re: /\bsk-ant-[A-Za-z0-9_-]{20,}/g },
  // OpenAI: sk-…, sk-proj-…, sk-svcacct-…, sk-admin-… (the preset wants the "T3BlbkFJ" marker newer keys lack).
  // https://platform.openai.com/docs/api-reference/authentication
  { rule: 'openai-api-key', re: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g },
  // PyPI API tokens: "pypi-" + a macaroon, base64 starting AgE (pypi.org: AgEIcHlwaS5vcmc…). https://pypi.org/help/#apitoken
  { rule: 'pypi-token', re: /\bpypi-AgE[A-Za-z0-9_-]{50,}/g },
  // Docker Hub personal and organisation access tokens. https://docs.docker.com/security/for-developers/access-tokens/
  { rule: 'docker-hub-token', re: /\bdckr_(?:pat|oat)_[A-Za-z0-9_-]{20,}/g },
  // Stripe webhook signing secrets (keys sk_/rk_ are the preset's). https://docs.stripe.com/webhooks#verify-events
  { rule: 'stripe-webhook-secret', re: /\bwhsec_[A-Za-z0-9+/]{24,}/g },
  // Twilio API key SIDs: SK + 32 hex (auth tokens are 32 hex next to a key, see key-value).
  // https://www.twilio.com/docs/iam/api-keys
  { rule: 'twilio-api-key', re: /\bSK[0-9a-fA-F]{32}\b/g },
  // JSON Web Tokens: base64url header "{"… (eyJ), payload, signature. https://datatracker.ietf.org/doc/html/rfc7519#section-3
  { rule: 'jwt', re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g },
  // Credentials in URLs, scheme://user:password@host: only the password goes.
  // https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1
  {
    rule: 'url-credentials',
    re: /\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:@/?#"'<>]{1,256}:([^\s@/?#"'<>]{1,256})@(?=[\w[])/dgi,
    group: 1,
    // `u:p@h.com` in URL-parser tests is no password; a real one has more than two characters.
    accept: (v) => v.length >= 3 && !isPlaceholder(v),
  },
  // Signatures of pre-signed URLs, which grant access on their own until they expire: S3 (X-Amz-Signature),
  // Cloud Storage (X-Goog-Signature), CloudFront (Signature), Azure SAS (sig) — the Actions log download URL is one.
  // https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
  // https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas#specify-the-signature
  {
    rule: 'signed-url-signature',
    re: /[?&](?:X-Amz-Signature|X-Goog-Signature|Signature|sig)=([^&\s"'#]{16,})/dg,
    group: 1,
    accept: (v) => !isPlaceholder(v),
  },
  // Authorization headers with a scheme: Bearer, Basic (RFC 7617), token (GitHub), Bot, Digest, …
  // https://datatracker.ietf.org/doc/html/rfc9110#section-11.6.2
  {
    rule: 'authorization-header',
    re: /\b(?:Proxy-)?Authorization["']?\s*[:=]\s*["']?(?:(?:Bearer|Basic|Token|Bot|Digest|Negotiate|NTLM|OAuth|SSWS|GenieKey|Api-?Key)\s+)?([^\s"'`,;]{4,})/dgi,
    group: 1,
    accept: (v) => !isPlaceholder(v) && !/^(?:Bot|Negotiate|NTLM|SSWS|GenieKey|Api-?Key)$/i.test(v),
  },
  // A bearer token anywhere else (`-H "Bearer …"`, error messages). https://datatracker.ietf.org/doc/html/rfc6750#section-2.1
  { rule: 'bearer-token', re: /\bBearer\s+([A-Za-z0-9._~+/-]{16,}=*)/dgi, group: 1 },
];

/** `-----BEGIN … PRIVATE KEY-----` (RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP … BLOCK). https://datatracker.ietf.org/doc/html/rfc7468 */
const PEM_BEGIN = /-----BEGIN ((?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?)-----/g;

/** The body of every PEM private key: up to its END line, or the base64 lines after a lone BEGIN line. */
function pemSpans(text: string, spans: SecretSpan[]): void {
  PEM_BEGIN.lastIndex = 0;
  // Where each label's next END line is (-1: none), so that many BEGIN lines cost one search, not one each.
  const ends = new Map<string, number>();
  for (let m = PEM_BEGIN.exec(text); m; m = PEM_BEGIN.exec(text)) {
    let start = m.index + m[0].length;
    const marker = `-----END ${m[1] ?? ''}-----`;
    let endMarker = ends.get(marker);
    if (endMarker === undefined || (endMarker >= 0 && endMarker < start)) {
      endMarker = text.indexOf(marker, start);
      ends.set(marker, endMarker);
    }
    let end = endMarker >= 0 ? endMarker : base64Run(text, start);
    // Keep the line breaks (real or JSON-escaped) next to the BEGIN and END lines.
    for (let k = lineBreakAt(text, start); k > 0 && start < end; k = lineBreakAt(text, start)) start += k;
    for (let k = lineBreakBefore(text, end); k > 0 && start < end; k = lineBreakBefore(text, end)) end -= k;
    if (end > start) spans.push({ start, end, rule: 'private-key' });
    PEM_BEGIN.lastIndex = Math.max(end, PEM_BEGIN.lastIndex);
  }
}

const SPACE = /[ \t\r\n]/;
function lineBreakAt(text: string, i: number): number {
  if (SPACE.test(text[i] ?? '')) return 1;
  return text.startsWith('\\n', i) || text.startsWith('\\r', i) ? 2 : 0;
}
function lineBreakBefore(text: string, i: number): number {
  if (SPACE.test(text[i - 1] ?? '')) return 1;
  return i >= 2 && (text.startsWith('\\n', i - 2) || text.startsWith('\\r', i - 2)) ? 2 : 0;
}

/** Where the base64 lines after `from` end: long base64 chunks, a short last one, a PGP `=xxxx` checksum. */
function base64Run(text: string, from: number): number {
  const chunk = /[A-Za-z0-9+/=]+/y;
  let end = from;
  let i = from;
  let chunks = 0;
  for (;;) {
    for (let k = lineBreakAt(text, i); k > 0; k = lineBreakAt(text, i)) i += k;
    chunk.lastIndex = i;
    const c = chunk.exec(text)?.[0];
    if (c === undefined) break;
    const after = i + c.length;
    const boundary = after >= text.length || lineBreakAt(text, after) > 0 || text[after] === '"';
    const ok =
      boundary &&
      (/^[A-Za-z0-9+/]{16,}={0,2}$/.test(c) ||
        /^=[A-Za-z0-9+/]{4}$/.test(c) ||
        (chunks > 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(c)));
    if (!ok) break;
    chunks++;
    end = i = after;
  }
  return end;
}

// ── Key = value ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * `key=value`, `key: value`, `"key": "value"`, `key => 'value'`, `--key=value`, `-Dkey=value`. A key starts
 * neither inside a word, a path or a dashed or dotted name (`x-access-token` whole, never `token` alone), nor
 * right after `//` (`https://user:password@host` is the url-credentials rule's).
 */
const KEY_VALUE =
  /(?<![\w/\\]|[\w.]-|[\w-]\.)([A-Za-z_][\w.-]{0,63}?)["']?(\s*(?:=>|:=|=|:)\s*)(?:"([^"\n]{1,512})"|'([^'\n]{1,512})'|([^\s"'`,;&<>(){}[\]|]{1,512}))/dg;

const PASSWORD_WORDS = new Set(['password', 'passwd', 'passphrase', 'pwd']);
const SECRET_WORDS = new Set([
  'secret',
  'token',
  'apikey',
  'credential',
  'credentials',
  'accesstoken',
  'authtoken',
  'apitoken',
  'secretkey',
  'privatekey',
  'clientsecret',
  'pat',
]);
const KEY_QUALIFIERS = new Set([
  'api',
  'access',
  'secret',
  'private',
  'client',
  'account',
  'auth',
  'signing',
  'encryption',
  'master',
  'subscription',
  'admin',
  'storage',
  'shared',
  'license',
  'webhook',
  'deploy',
  'ssh',
  'app',
]);

/** What a key name says about its value: a password, another secret, or nothing. */
export function keyKind(key: string): 'password' | 'secret' | undefined {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  const last = words.at(-1);
  const prev = words.at(-2);
  if (last === undefined) return undefined;
  // `pwd` alone is the working directory; `pat` alone is too short to mean anything.
  if (PASSWORD_WORDS.has(last) && (last !== 'pwd' || prev !== undefined)) return 'password';
  if (SECRET_WORDS.has(last) && (last !== 'pat' || prev !== undefined)) return 'secret';
  if (last === 'key' && prev !== undefined && KEY_QUALIFIERS.has(prev)) return 'secret';
  return undefined;
}

const PLACEHOLDER =
  /^(?:\*+|x+|\.+|…|-+|null|nil|none|undefined|true|false|yes|no|on|off|required|optional|empty|unset|redacted|masked|hidden|filtered|secret|secrets|password|passwd|token|changeme|example|string|str|bool|boolean|int|number|any|object|write|read|bearer|basic|digest|oauth)$/i;

/** Not a value: a placeholder, a variable or expression, a masked value, a path or file name. */
export function isPlaceholder(v: string): boolean {
  return (
    PLACEHOLDER.test(v) ||
    v.includes('*') ||
    /^[$%<{[]|^-----|^\\\\/.test(v) ||
    /^(?:env|secrets|vars|inputs|github|steps|needs|matrix|process\.env|self|this|config|settings|options|opts|args|params)\./i.test(
      v,
    ) ||
    /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v) || // an environment variable's name
    /^(?:\/|~\/|\.{1,2}\/|[A-Za-z]:\\)/.test(v) || // a path
    /^[\w.-]+\.(?:txt|json|ya?ml|pem|key|p12|pfx|env|cfg|conf|ini|toml|xml|properties|gpg|asc)$/i.test(v)
  );
}

/** Shannon entropy of a string, in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Bits per character above which a value of 16+ characters next to a secret key is taken for a secret. */
export const ENTROPY_MIN = 3;

/** A value that reads like a generated secret: long and varied, or mid-length with letters and digits mixed. */
function looksGenerated(v: string): boolean {
  if (v.length >= 16) return entropy(v) >= ENTROPY_MIN;
  return v.length >= 8 && /\d/.test(v) && /[A-Za-z]/.test(v);
}

function keyValueSpans(text: string, spans: SecretSpan[]): void {
  KEY_VALUE.lastIndex = 0;
  for (let m = KEY_VALUE.exec(text); m; m = KEY_VALUE.exec(text)) {
    // Go on right after the separator: a value that is not a secret (`https://…?api_key=…`) may hold a key.
    KEY_VALUE.lastIndex = m.indices?.[2]?.[1] ?? KEY_VALUE.lastIndex;
    const kind = keyKind(m[1] ?? '');
    if (!kind) continue;
    const g = m[3] !== undefined ? 3 : m[4] !== undefined ? 4 : 5;
    const value = m[g] ?? '';
    const at = m.indices?.[g];
    if (!at || isPlaceholder(value)) continue;
    // `token = getToken()`, `password = user.password`: code, not a value.
    if (g === 5 && (text[at[1]] === '(' || /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value))) continue;
    const secret = kind === 'password' ? value.length >= 4 : looksGenerated(value);
    if (secret) spans.push({ start: at[0], end: at[1], rule: `key-value/${kind}` });
  }
}

// ── Putting it together ──────────────────────────────────────────────────────────────────────────────────

/** Every secret in `text`, unmerged and in no particular order (the redaction report groups them by rule). */
export function findSecrets(text: string, secrets: readonly string[] = []): SecretSpan[] {
  const spans: SecretSpan[] = [];
  knownSpans(text, secrets, spans);
  if (!mayHoldSecret(text)) return spans;
  presetSpans(text, spans);
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const at = p.group === undefined ? ([m.index, m.index + m[0].length] as const) : m.indices?.[p.group];
      if (!at || at[1] <= at[0]) continue;
      if (p.accept && !p.accept(text.slice(at[0], at[1]))) continue;
      spans.push({ start: at[0], end: at[1], rule: p.rule });
    }
  }
  pemSpans(text, spans);
  keyValueSpans(text, spans);
  return spans;
}

export function redact(text: string, secrets: readonly string[] = []): string {
  const spans = findSecrets(text, secrets);
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (let i = 0; i < spans.length;) {
    const first = spans[i];
    if (!first) break;
    let end = first.end;
    for (i++; i < spans.length && (spans[i]?.start ?? Infinity) <= end; i++)
      end = Math.max(end, spans[i]?.end ?? 0);
    out += text.slice(at, first.start) + REDACTED;
    at = end;
  }
  return out + text.slice(at);
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
