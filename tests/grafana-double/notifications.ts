import { formatDurationMs, parseDurationMs } from './durations';

/*
 * Contact-point secrets and notification-policy (route) serialisation, as Grafana's
 * ngalert/grafana-alerting code does them. Pure functions; the handlers live in core.ts.
 */

type Json = Record<string, unknown>;

export const REDACTED = '[REDACTED]';

const WEBHOOK_SECRETS = [
  'password',
  'authorization_credentials',
  'tlsConfig.caCertificate',
  'tlsConfig.clientCertificate',
  'tlsConfig.clientKey',
  'hmacConfig.secret',
  'http_config.oauth2.client_secret',
  'http_config.oauth2.tls_config.caCertificate',
  'http_config.oauth2.tls_config.clientCertificate',
  'http_config.oauth2.tls_config.clientKey',
];

/**
 * Secret paths per integration type: `GetSecretKeysForContactPointType`
 * (ngalert/notifier/channels_config available_channels_test.go, 11.x id 147764308; grafana/alerting
 * notify schema, current v1 ids 254460919/19335876116). Teams `url` is never secret. Types not
 * listed here have no secrets in the double (not researched).
 */
export const SECURE_SETTINGS: Record<string, readonly string[]> = {
  email: [],
  webhook: WEBHOOK_SECRETS,
  slack: ['url', 'token'],
  teams: [],
  pagerduty: ['integrationKey'],
  discord: ['url'],
  googlechat: ['url'],
  telegram: ['bottoken'],
  opsgenie: ['apiKey'],
};

/**
 * Required settings and their messages: grafana/alerting receivers/<type>/v1/config.go NewConfig
 * (HEAD 783ce041). Returns the first failure message or undefined.
 */
export function integrationSettingsError(type: string, settings: Json): string | undefined {
  const str = (key: string) => (typeof settings[key] === 'string' ? (settings[key] as string) : '');
  switch (type) {
    case 'email':
      return str('addresses')
        .split(/[,;\n]/)
        .some((a) => a.trim() !== '')
        ? undefined
        : 'could not find addresses in settings';
    case 'webhook':
      if (!str('url')) {
        return "required field 'url' is not specified";
      }
      if ((str('username') || str('password')) && (str('authorization_scheme') || str('authorization_credentials'))) {
        return 'both HTTP Basic Authentication and Authorization Header are set, only 1 is permitted';
      }
      return undefined;
    case 'slack':
      if (!['', 'here', 'channel'].includes(str('mentionChannel'))) {
        return `invalid value for mentionChannel: ${str('mentionChannel')}`;
      }
      if (str('url')) {
        return undefined;
      }
      if (!str('recipient')) {
        return 'recipient must be specified when using the Slack chat API';
      }
      return str('token') ? undefined : 'token must be specified when using the Slack chat API';
    case 'teams':
      return str('url') ? undefined : 'could not find url property in settings';
    case 'pagerduty':
      return str('integrationKey') ? undefined : 'could not find integration key property in settings';
    case 'discord':
      return str('url') ? undefined : 'could not find webhook url property in settings';
    case 'googlechat':
      return str('url') ? undefined : 'could not find url property in settings';
    case 'telegram':
      if (!str('bottoken')) {
        return 'could not find Bot Token in settings';
      }
      return str('chatid') ? undefined : 'could not find Chat Id in settings';
    case 'opsgenie':
      return str('apiKey') ? undefined : 'could not find api key property in settings';
    default:
      return undefined;
  }
}

/** Value at a dotted path, keys matched case-insensitively (`extractCaseInsensitive`). */
export function getPath(settings: Json, path: string): { parent: Json; key: string } | undefined {
  const parts = path.split('.');
  let node: Json = settings;
  for (let i = 0; i < parts.length; i++) {
    const key = Object.keys(node).find((k) => k.toLowerCase() === parts[i].toLowerCase());
    if (key === undefined) {
      return undefined;
    }
    if (i === parts.length - 1) {
      return { parent: node, key };
    }
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      return undefined;
    }
    node = next as Json;
  }
  return undefined;
}

export function setPath(settings: Json, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Json = settings;
  for (const part of parts.slice(0, -1)) {
    const key = Object.keys(node).find((k) => k.toLowerCase() === part.toLowerCase()) ?? part;
    if (typeof node[key] !== 'object' || node[key] === null) {
      node[key] = {};
    }
    node = node[key] as Json;
  }
  node[parts[parts.length - 1]] = value;
}

/**
 * `RemoveSecretsForContactPoint` (contactpoints.go id 130920181): an empty secret is dropped from
 * the settings, a non-empty one stored (the double keeps it in `settings`, redacting on read).
 * Returns the secret paths that hold a value.
 */
export function dropEmptySecrets(type: string, settings: Json): string[] {
  const kept: string[] = [];
  for (const path of SECURE_SETTINGS[type] ?? []) {
    const at = getPath(settings, path);
    if (!at) {
      continue;
    }
    const value = at.parent[at.key];
    if (value === '' || value === null || value === undefined) {
      delete at.parent[at.key];
    } else {
      kept.push(path);
    }
  }
  return kept;
}

/** `Integration.Redact` (ngalert/models/receivers.go id 3501258275): `[REDACTED]` at every stored secret. */
export function redactSettings(type: string, settings: Json): Json {
  const copy = JSON.parse(JSON.stringify(settings)) as Json;
  for (const path of SECURE_SETTINGS[type] ?? []) {
    const at = getPath(copy, path);
    if (at && typeof at.parent[at.key] === 'string' && at.parent[at.key] !== '') {
      at.parent[at.key] = REDACTED;
    }
  }
  return copy;
}

// ---------------------------------------------------------------- routes

const MATCH_TYPES = ['=', '!=', '=~', '!~'];

export class RouteError extends Error {}

/**
 * Decode a route the way Grafana's JSON binding does (grafana/alerting definition/alertmanager.go
 * `Route`, `ObjectMatchers.UnmarshalJSON`, prometheus/common `Duration.UnmarshalJSON`) and encode it
 * back (`MarshalJSON`, all fields `omitempty`, struct field order). Binding failures throw
 * RouteError (the handler answers 400 "bad request data").
 */
export function normaliseRoute(input: unknown): Json {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new RouteError('route must be an object');
  }
  const r = input as Json;
  const out: Json = {};
  if (typeof r.receiver === 'string' && r.receiver !== '') {
    out.receiver = r.receiver;
  }
  const list = (key: string) => {
    const v = r[key];
    if (v === undefined || v === null) {
      return undefined;
    }
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      throw new RouteError(`${key} must be a list of strings`);
    }
    return v.length > 0 ? [...(v as string[])] : undefined;
  };
  const groupBy = list('group_by');
  if (groupBy) {
    out.group_by = groupBy;
  }
  for (const key of ['match', 'match_re']) {
    const v = r[key];
    if (v && typeof v === 'object' && Object.keys(v).length > 0) {
      out[key] = { ...(v as Json) };
    }
  }
  const matchers = list('matchers');
  if (matchers) {
    out.matchers = matchers;
  }
  const objectMatchers = parseObjectMatchers(r.object_matchers);
  if (objectMatchers) {
    out.object_matchers = objectMatchers;
  }
  for (const key of ['mute_time_intervals', 'active_time_intervals']) {
    const v = list(key);
    if (v) {
      out[key] = v;
    }
  }
  if (r.continue === true) {
    out.continue = true;
  }
  if (r.routes !== undefined && r.routes !== null) {
    if (!Array.isArray(r.routes)) {
      throw new RouteError('routes must be a list');
    }
    if (r.routes.length > 0) {
      out.routes = r.routes.map(normaliseRoute);
    }
  }
  for (const key of ['group_wait', 'group_interval', 'repeat_interval']) {
    const v = r[key];
    if (v === undefined || v === null) {
      continue;
    }
    const ms = typeof v === 'string' ? parseDurationMs(v) : undefined;
    if (ms === undefined) {
      throw new RouteError(`not a valid duration string: ${JSON.stringify(v)}`);
    }
    out[key] = formatDurationMs(ms);
  }
  return out;
}

function parseObjectMatchers(value: unknown): string[][] | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!Array.isArray(value)) {
    throw new RouteError('object_matchers must be a list');
  }
  const parsed = value.map((m) => {
    if (!Array.isArray(m) || m.some((x) => typeof x !== 'string')) {
      throw new RouteError(`bad matcher ${JSON.stringify(m)}`);
    }
    if (m.length !== 3) {
      throw new RouteError(`unexpected matcher length: ${m.length}`);
    }
    const [name, op, raw] = m as string[];
    if (!MATCH_TYPES.includes(op)) {
      throw new RouteError(`unsupported match type "${op}" in label matcher`);
    }
    // ObjectMatchers.UnmarshalJSON trims one surrounding `"` from the value.
    let v = raw.startsWith('"') ? raw.slice(1) : raw;
    v = v.endsWith('"') ? v.slice(0, -1) : v;
    if (op === '=~' || op === '!~') {
      try {
        new RegExp(`^(?:${v})$`);
      } catch (err) {
        throw new RouteError(`error parsing regexp: ${String(err)}`);
      }
    }
    return [name, op, v];
  });
  if (parsed.length === 0) {
    return undefined;
  }
  // sort.Sort(labels.Matchers): name, then value, then type (=, !=, =~, !~).
  return parsed.sort(
    (a, b) => cmp(a[0], b[0]) || cmp(a[2], b[2]) || MATCH_TYPES.indexOf(a[1]) - MATCH_TYPES.indexOf(b[1])
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `Route.Validate` / `validateChild` (grafana/alerting definition/alertmanager_validation.go).
 * Returns the error text or undefined.
 */
export function routeTreeError(root: Json): string | undefined {
  if (!root.receiver) {
    return 'root route must specify a default receiver';
  }
  if (root.match || root.match_re || root.matchers || root.object_matchers) {
    return 'root route must not have any matchers';
  }
  if (root.mute_time_intervals) {
    return 'root route must not have any mute time intervals';
  }
  if (root.active_time_intervals) {
    return 'root route must not have any active time intervals';
  }
  return childError(root);
}

function childError(r: Json): string | undefined {
  const groupBy = (r.group_by as string[] | undefined) ?? [];
  const labels = groupBy.filter((l) => l !== '...');
  if (labels.length > 0 && labels.length !== groupBy.length) {
    return 'cannot have wildcard group_by (`...`) and other other labels at the same time';
  }
  const seen = new Set<string>();
  for (const l of labels) {
    if (seen.has(l)) {
      return `duplicated label "${l}" in group_by`;
    }
    seen.add(l);
  }
  if (r.group_interval === '0s') {
    return 'group_interval cannot be zero';
  }
  if (r.repeat_interval === '0s') {
    return 'repeat_interval cannot be zero';
  }
  for (const child of (r.routes as Json[] | undefined) ?? []) {
    const err = childError(child);
    if (err) {
      return err;
    }
  }
  return undefined;
}

export function walkRoutes(route: Json, visit: (route: Json) => void): void {
  visit(route);
  if (Array.isArray(route.routes)) {
    for (const child of route.routes) {
      if (typeof child === 'object' && child !== null) {
        walkRoutes(child as Json, visit);
      }
    }
  }
}

export function receiversIn(tree: Json): Set<string> {
  const names = new Set<string>();
  walkRoutes(tree, (r) => {
    if (typeof r.receiver === 'string' && r.receiver !== '') {
      names.add(r.receiver);
    }
  });
  return names;
}

export function timeIntervalsIn(tree: Json): Set<string> {
  const names = new Set<string>();
  walkRoutes(tree, (r) => {
    for (const key of ['mute_time_intervals', 'active_time_intervals']) {
      const list = r[key];
      if (Array.isArray(list)) {
        list.forEach((n) => names.add(String(n)));
      }
    }
  });
  return names;
}

/** FNV-64a over a string, 16 hex chars: the shape of Grafana's mute-timing `version` fingerprint. */
export function fnv64(text: string): string {
  // BigInt() calls, not literals: the project targets ES2018.
  let hash = BigInt('0xcbf29ce484222325');
  const prime = BigInt('0x100000001b3');
  const mask = BigInt('0xffffffffffffffff');
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * prime) & mask;
  }
  return hash.toString(16).padStart(16, '0');
}
