import { formatDurationMs, goDurationSeconds, parseDurationMs } from './durations';
import {
  dropEmptySecrets,
  fnv64,
  getPath,
  integrationSettingsError,
  normaliseRoute,
  receiversIn,
  redactSettings,
  REDACTED,
  RouteError,
  routeTreeError,
  SECURE_SETTINGS,
  timeIntervalsIn,
  walkRoutes,
} from './notifications';
import {
  allows,
  can,
  DEFAULT_USERS,
  describeEvaluator,
  has,
  readContactPoints,
  readPolicies,
  USER_HEADER,
  type DoubleUser,
  type Evaluator,
} from './users';
import { behaviourFor, DEFAULT_GRAFANA_VERSION, type GrafanaVersion, type VersionBehaviour } from './versions';

export { REDACTED, SECURE_SETTINGS } from './notifications';
export {
  DEFAULT_GRAFANA_VERSION,
  GRAFANA_VERSIONS,
  VERSION_BEHAVIOUR,
  type GrafanaVersion,
  type VersionBehaviour,
} from './versions';

/*
 * An in-memory Grafana for the parts of the HTTP API the plugin uses, following Grafana's own Go
 * code (cited at each behaviour; README.md has the table). Framework-free: `handle(request)` takes
 * a method, URL, headers and a parsed JSON body and answers a status, a JSON body and sometimes
 * headers. Adapters (msw.ts, http-server.ts, fetch.ts) put it behind MSW, a socket or a fetch.
 * Behaviours that differ between Grafana versions switch on `grafanaVersion` (versions.ts).
 */

export interface DoubleRequest {
  method: string;
  /** A path with query string (`/api/folders/x?y=1`) or a full URL. */
  url: string;
  headers?: Record<string, string | undefined>;
  /** Parsed JSON body (undefined for none). */
  body?: unknown;
  /** Aborting it ends a hanging (timeout-injected) request. */
  signal?: AbortSignal;
}

export interface DoubleResponse {
  status: number;
  body?: unknown;
  /** Extra response headers (e.g. main's deprecation headers on rule endpoints). */
  headers?: Record<string, string>;
}

/** Fail the `onWrite`-th write attempt (1-based, counted over every write request the double receives). */
export type WriteFault =
  | { onWrite: number; kind: 'error'; status?: number }
  /**
   * Never answer: the caller's timeout fires. With `applied`, the write takes effect before the
   * hang (the answer was lost on the way back), else nothing is written.
   */
  | { onWrite: number; kind: 'timeout'; applied?: boolean };

export interface WriteLogEntry {
  /** 1-based attempt number. */
  attempt: number;
  method: string;
  path: string;
  user: string;
  status: number | 'hung';
  provenanceDisabled: boolean;
}

/** `models.Provenance`; '' is none. */
export type Provenance = '' | 'api' | 'file' | 'converted_prometheus';

type Json = Record<string, unknown>;

export interface StoredRule extends Json {
  id: number;
  uid: string;
  orgID: number;
  folderUID: string;
  ruleGroup: string;
  title: string;
  updated: string;
  provenance: Provenance;
}

export interface StoredFolder {
  id: number;
  uid: string;
  title: string;
  parentUid?: string;
  version: number;
  description?: string;
}

/** One integration. `settings` holds plain and secret values alike; secrets are redacted on read. */
export interface StoredContactPoint {
  uid: string;
  /** The receiver's name: what routes, rules' notification_settings and the `name` filter use. */
  name: string;
  /**
   * The integration's own name where it differs from its receiver's, which GET answers as the
   * contact point's `name` (GrafanaIntegrationConfigToEmbeddedContactPoint: `Name: r.Name`, id
   * 3021809362). Only Grafana's default receiver has one (see defaultContactPoint).
   */
  integrationName?: string;
  type: string;
  settings: Json;
  disableResolveMessage: boolean;
  provenance: Provenance;
}

export interface StoredMuteTiming {
  name: string;
  time_intervals: unknown[];
  provenance: Provenance;
}

export interface StoredDatasource extends Json {
  id: number;
  uid: string;
  name: string;
  type: string;
}

export interface StoredPluginSettings {
  id: string;
  enabled: boolean;
  pinned: boolean;
  /** `null` when a settings POST left jsonData out (Grafana stores nil). */
  jsonData: Json | null;
  secureJsonData: Record<string, string>;
  /** plugin.json `autoEnabled`: enabled/pinned read as this while no settings row exists. */
  autoEnabled?: boolean;
  /** plugin.json `info.version`. */
  version?: string;
  /** plugin.json `name` (the import refusal names it; the id when absent). */
  name?: string;
  /** Whether a plugin_setting row exists (a POST creates it). */
  hasSettingsRow?: boolean;
}

/** A dashboard an app ships (`plugin.json` include of type dashboard). */
export interface PluginDashboardFile {
  uid: string;
  title: string;
  /** Path inside the plugin, what import takes. */
  path: string;
  /** The JSON's `revision` (1 when absent, `MustInt64(1)`). */
  revision?: number;
  /** The JSON's `version` (0 when absent): what an import without overwrite compares. */
  version?: number;
}

export interface StoredDashboard {
  id: number;
  uid: string;
  title: string;
  slug: string;
  folderUid: string;
  pluginId: string;
  /** The stored JSON's `revision`. */
  revision: number;
  version: number;
}

export interface GrafanaDoubleOptions {
  /** Login of the user requests run as when they carry no user header (default `admin`). */
  currentUser?: string;
  users?: Record<string, DoubleUser>;
  /** Scheduler base interval (10 s by default in Grafana). */
  baseIntervalSeconds?: number;
  /** Clock for `updated` stamps, so tests can be deterministic. */
  now?: () => Date;
  /** Which Grafana to imitate (default DEFAULT_GRAFANA_VERSION). */
  grafanaVersion?: GrafanaVersion;
  /** `[auth.anonymous] hide_version = true`: /api/health leaves out version and commit. */
  hideVersion?: boolean;
  /** Version string /api/health reports (default per grafanaVersion, e.g. '12.0.0'). */
  buildVersion?: string;
  /** Commit /api/health reports. */
  buildCommit?: string;
  /** Override single version switches, e.g. `{ ruleGroupDelete: false }` for a Grafana without it. */
  behaviour?: Partial<VersionBehaviour>;
  /** GET /api/org. */
  org?: { id: number; name: string };
}

const DEFAULT_RECEIVER = 'grafana-default-email';
const MAX_TITLE = 190;
const MAX_UID = 40;
const DEFAULT_MAX_DATA_POINTS = 43200;
const DEFAULT_INTERVAL_MS = 1000;
const EXPRESSION_DATASOURCE = '__expr__';
const DEFAULT_GROUP_INTERVAL = 60;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Full body when it is not `{message}` (errutil bodies, empty bodies). `null` = no body. */
    readonly body?: Json | null
  ) {
    super(message);
  }
}

function fail(status: number, message: string): never {
  throw new HttpError(status, message);
}

/**
 * An errutil error answered through `response.ErrOrFallback`/`response.Err`
 * (pkg/api/response/response.go): status and `{message, messageId, statusCode}` from the error.
 * Without a public message errutil prints its status text (errutil `Public()`, id 278899567).
 */
function failErrutil(status: number, messageId: string, message?: string, extra?: Json): never {
  const text = message ?? ERRUTIL_STATUS_TEXT[status] ?? 'Internal server error';
  // PublicError (errutil id 278899567): `extra` is the template's Public data, omitempty.
  throw new HttpError(status, text, { message: text, messageId, statusCode: status, ...(extra ? { extra } : {}) });
}

const ERRUTIL_STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  500: 'Internal server error',
};

/** An errutil error's `Error()`: "[messageId] log message" — what ErrResp(500, err) prints. */
function errutilText(messageId: string, message: string): string {
  return `[${messageId}] ${message}`;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * Folder uids: folderimpl checks `IsValidShortUID` then `IsShortUIDTooLong`
 * (pkg/util/shortid_generator.go) and answers dashboards.ErrDashboardInvalidUid / ErrDashboardUidTooLong.
 */
function uidError(uid: string): string | undefined {
  if (!/^[a-zA-Z0-9\-_]*$/.test(uid)) {
    return 'uid contains illegal characters';
  }
  if (uid.length > MAX_UID) {
    return `uid too long, max ${MAX_UID} characters`;
  }
  return undefined;
}

/**
 * `util.ValidateUID` (pkg/util/shortid_generator.go, id 1294219889), used for alert-rule and
 * contact-point uids: the length first, then the character set. Folders have their own messages
 * (`uidError`).
 */
function shortUidError(uid: string): string | undefined {
  if (uid.length > MAX_UID) {
    return `UID is longer than ${MAX_UID} symbols`;
  }
  if (!/^[a-zA-Z0-9\-_]*$/.test(uid)) {
    return "invalid format of UID. Only letters, numbers, '-' and '_' are allowed";
  }
  return undefined;
}

/** models `LabelsUserCannotSpecify` (models/alert_rule.go id 8401885): the autogenerated-route labels. */
const RESERVED_LABELS = ['__grafana_autogenerated__', '__grafana_receiver__', '__grafana_route_settings_hash__'];

/** Grafana's slugify for titles (dashboards matched by slug). */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

type Handler = (ctx: RequestContext) => DoubleResponse | Promise<DoubleResponse>;

interface RequestContext {
  method: string;
  params: string[];
  query: URLSearchParams;
  body: unknown;
  user: DoubleUser;
  /** `determineProvenance`: `api` unless X-Disable-Provenance is sent, with any value. */
  provenance: Provenance;
}

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
  /** Answered before the user is looked up (/api/health is unauthenticated middleware). */
  anonymous?: boolean;
}

export class GrafanaDouble {
  readonly folders = new Map<string, StoredFolder>();
  readonly rules = new Map<string, StoredRule>();
  /** `folderUid/group` → interval seconds, for groups that hold rules. */
  readonly groupIntervals = new Map<string, number>();
  readonly contactPoints = new Map<string, StoredContactPoint>();
  /**
   * Receivers that hold no integration (a "blackhole"). Grafana keeps such a receiver when it is
   * written through the Alertmanager configuration API or the app-platform receivers API, neither of
   * which the double serves: tests add names here. The contact point list cannot show them (it lists
   * integrations), the receiver status list does (receiverStatuses).
   */
  readonly receiversWithoutIntegrations = new Set<string>();
  /**
   * Answer of the org's Alertmanager lookup (`AlertmanagerSrv.AlertmanagerFor`, api_alertmanager.go
   * ids 162469569/99138813): 'missing' → 404 ErrNoAlertmanagerForOrg, 'not-ready' → 409
   * ErrAlertmanagerNotReady. Only routes under /api/alertmanager/grafana use it.
   */
  alertmanager: 'ready' | 'missing' | 'not-ready' = 'ready';
  /**
   * The integrations and tree the org's Alertmanager runs (see syncAlertmanager): the receiver list
   * answers from these, not from the stored configuration.
   */
  private applied: { integrations: StoredContactPoint[]; tree: Json } = { integrations: [], tree: {} };
  readonly muteTimings = new Map<string, StoredMuteTiming>();
  readonly datasources = new Map<string, StoredDatasource>();
  readonly plugins = new Map<string, StoredPluginSettings>();
  /** Dashboards each installed app ships, by plugin id. */
  readonly pluginDashboards = new Map<string, PluginDashboardFile[]>();
  /** Dashboards stored in Grafana (imported ones carry their pluginId). */
  readonly dashboards = new Map<string, StoredDashboard>();
  policyTree: Json;
  policyProvenance: Provenance = '';
  readonly users: Record<string, DoubleUser>;
  currentUser: string;
  org: { id: number; name: string };
  /** Every write request received, answered or not, in order. */
  readonly writeLog: WriteLogEntry[] = [];
  /** The Grafana version imitated. */
  readonly grafanaVersion: GrafanaVersion;
  /** The version switches in effect (versions.ts). */
  readonly behaviour: VersionBehaviour;
  readonly hideVersion: boolean;
  readonly buildVersion: string;
  readonly buildCommit: string;

  private faults: WriteFault[] = [];
  private readonly hangs = new Set<() => void>();
  private readonly hangListeners = new Set<(signal?: AbortSignal) => void>();
  private readonly dsSecrets = new Map<string, Record<string, string>>();
  private readonly ruleStatuses = new Map<
    string,
    { health: string; lastError?: string; lastEvaluation: Date; evaluationSeconds: number }
  >();
  private nextId = 1;
  private readonly baseInterval: number;
  private readonly now: () => Date;
  private readonly routes: Route[];

  constructor(options: GrafanaDoubleOptions = {}) {
    this.users = { ...DEFAULT_USERS, ...options.users };
    this.currentUser = options.currentUser ?? 'admin';
    this.baseInterval = options.baseIntervalSeconds ?? 10;
    this.now = options.now ?? (() => new Date());
    this.grafanaVersion = options.grafanaVersion ?? DEFAULT_GRAFANA_VERSION;
    this.behaviour = behaviourFor(this.grafanaVersion, options.behaviour);
    this.hideVersion = options.hideVersion ?? false;
    this.buildVersion = options.buildVersion ?? this.behaviour.buildVersion;
    this.buildCommit = options.buildCommit ?? '0d0b1e0';
    this.org = options.org ?? { id: 1, name: 'Main Org.' };
    this.contactPoints.set('default-email', defaultContactPoint());
    this.policyTree = defaultPolicyTree();
    this.routes = this.buildRoutes();
    this.syncAlertmanager();
  }

  /**
   * The Alertmanager applies the stored configuration: what `MultiOrgAlertmanager`'s sync does every
   * `alertmanager_config_poll_interval` (60 s, conf/defaults.ini). Provisioning writes only store it
   * (legacy_storage/persist.go `AMConfigStore`, `PersistConfig` id 135209556: UpdateAlertmanagerConfiguration,
   * no apply), so the receiver list lags them until this runs. Receivers without integrations are
   * applied at once (the Alertmanager configuration API that writes them saves and applies).
   */
  syncAlertmanager(): void {
    this.applied = { integrations: clone([...this.contactPoints.values()]), tree: clone(this.policyTree) };
  }

  // ---------------------------------------------------------------- test controls

  /** Makes a future write fail (see WriteFault). Counted from the double's first write. */
  injectFault(fault: WriteFault): void {
    this.faults.push(fault);
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Answers every hanging request with a 504, so nothing is left pending at the end of a test. */
  releaseHangs(): void {
    for (const release of [...this.hangs]) {
      release();
    }
  }

  /** Write attempts that succeeded (2xx). */
  successfulWrites(): WriteLogEntry[] {
    return this.writeLog.filter((e) => typeof e.status === 'number' && e.status < 300);
  }

  addDatasource(ds: {
    uid: string;
    name: string;
    type?: string;
    url?: string;
    readOnly?: boolean;
    jsonData?: Json;
  }): StoredDatasource {
    const stored: StoredDatasource = {
      access: 'proxy',
      url: '',
      jsonData: {},
      ...ds,
      type: ds.type ?? 'prometheus',
      id: this.nextId++,
      version: 1,
    };
    this.datasources.set(ds.uid, stored);
    return stored;
  }

  /**
   * Installs a plugin. Without `hasSettingsRow: false` it behaves as if its settings were saved
   * once (what the tests had before rows were modelled).
   */
  addPlugin(id: string, settings: Partial<Omit<StoredPluginSettings, 'id'>> = {}): void {
    this.plugins.set(id, {
      id,
      enabled: false,
      pinned: false,
      jsonData: {},
      secureJsonData: {},
      hasSettingsRow: true,
      ...settings,
    });
  }

  /** Declares the dashboards an installed app ships (its plugin.json dashboard includes). */
  addPluginDashboards(pluginId: string, files: PluginDashboardFile[]): void {
    this.pluginDashboards.set(
      pluginId,
      files.map((f) => ({ ...f }))
    );
  }

  /** Stores a dashboard as if `pluginId`'s file had been imported at `revision` (seeding). */
  seedImportedDashboard(pluginId: string, file: PluginDashboardFile, revision = file.revision ?? 1): StoredDashboard {
    return this.storeDashboard({ uid: file.uid, title: file.title, pluginId, revision, folderUid: '' });
  }

  /**
   * What the scheduler last recorded for a rule (`ngmodels.RuleStatus`: health, last error, time and
   * duration of the last evaluation). The double evaluates nothing: without this a rule reads as
   * Grafana reads one the scheduler has not run (RuleStatusMutatorGenerator: health "ok", zero time).
   */
  setRuleStatus(
    uid: string,
    status: { health: 'ok' | 'error' | 'nodata'; lastError?: string; lastEvaluation: Date; evaluationSeconds: number }
  ): void {
    this.ruleStatuses.set(uid, { ...status });
  }

  /** Rules in a group, in the order Grafana keeps them (`rule_group_idx`, the last PUT's order). */
  groupRules(folderUid: string, group: string): StoredRule[] {
    return [...this.rules.values()].filter((r) => r.folderUID === folderUid && r.ruleGroup === group);
  }

  // ---------------------------------------------------------------- entry point

  async handle(request: DoubleRequest): Promise<DoubleResponse> {
    const url = new URL(request.url, 'http://grafana.double');
    const method = request.method.toUpperCase();
    const headers = lowerCaseKeys(request.headers ?? {});
    const path = url.pathname.replace(/\/+$/, '');
    const anonymous = this.routes.find((r) => r.anonymous && r.method === method && r.pattern.test(path));
    if (anonymous) {
      return anonymous.handler({
        method,
        params: [],
        query: url.searchParams,
        body: undefined,
        user: DEFAULT_USERS.viewer,
        provenance: '',
      });
    }
    const login = headers[USER_HEADER] ?? this.currentUser;
    const user = this.users[login];
    if (!user) {
      return { status: 401, body: { message: 'Unauthorized' } };
    }
    const provenanceDisabled = headers['x-disable-provenance'] !== undefined;
    const provenance: Provenance = provenanceDisabled ? '' : 'api';
    const isWrite = method !== 'GET' && method !== 'HEAD';
    let fault: WriteFault | undefined;
    let entry: WriteLogEntry | undefined;
    if (isWrite) {
      entry = {
        attempt: this.writeLog.length + 1,
        method,
        path: url.pathname,
        user: login,
        status: 'hung',
        provenanceDisabled,
      };
      this.writeLog.push(entry);
      fault = this.faults.find((f) => f.onWrite === entry!.attempt);
    }
    if (fault?.kind === 'error') {
      entry!.status = fault.status ?? 500;
      return { status: entry!.status, body: { message: 'injected failure: Grafana could not complete the request' } };
    }
    if (fault?.kind === 'timeout') {
      if (fault.applied) {
        await this.route(method, url, request.body, user, provenance);
      }
      return this.hang(request.signal);
    }
    const response = await this.route(method, url, request.body, user, provenance);
    if (entry) {
      entry.status = response.status;
    }
    return response;
  }

  /**
   * Calls `listener` with the request's abort signal each time a request starts hanging (a timeout
   * fault), so a test's client can time out on that condition instead of a timer. Answers a
   * function that removes the listener.
   */
  onHang(listener: (signal?: AbortSignal) => void): () => void {
    this.hangListeners.add(listener);
    return () => this.hangListeners.delete(listener);
  }

  private hang(signal?: AbortSignal): Promise<DoubleResponse> {
    queueMicrotask(() => this.hangListeners.forEach((listener) => listener(signal)));
    return new Promise((resolve, reject) => {
      // Handlers may be async, so the caller may have given up before the hang began.
      if (signal?.aborted) {
        reject(signal.reason ?? new Error('aborted'));
        return;
      }
      const release = () => {
        this.hangs.delete(release);
        resolve({ status: 504, body: { message: 'gateway timeout (released by the test)' } });
      };
      this.hangs.add(release);
      signal?.addEventListener('abort', () => {
        this.hangs.delete(release);
        reject(signal.reason ?? new Error('aborted'));
      });
    });
  }

  private async route(
    method: string,
    url: URL,
    body: unknown,
    user: DoubleUser,
    provenance: Provenance
  ): Promise<DoubleResponse> {
    const path = url.pathname.replace(/\/+$/, '');
    for (const r of this.routes) {
      if (r.method !== method || r.anonymous) {
        continue;
      }
      const match = r.pattern.exec(path);
      if (!match) {
        continue;
      }
      const extraHeaders = this.routeHeaders(path);
      try {
        const response = await r.handler({
          method,
          params: match.slice(1).map(decodeURIComponent),
          query: url.searchParams,
          body: clone(body),
          user,
          provenance,
        });
        return extraHeaders ? { ...response, headers: { ...extraHeaders, ...response.headers } } : response;
      } catch (err) {
        if (err instanceof HttpError) {
          const errBody = err.body === null ? undefined : (err.body ?? { message: err.message });
          return { status: err.status, body: errBody, ...(extraHeaders ? { headers: extraHeaders } : {}) };
        }
        return { status: 500, body: { message: `double: ${String(err)}` } };
      }
    }
    return { status: 404, body: { message: 'Not found' } };
  }

  /**
   * main (2026): `deprecatedRuleProvisioningResponse` (api/forked_provisioning.go id 52465637391)
   * adds deprecation headers to every rule provisioning endpoint except the exports.
   */
  private routeHeaders(path: string): Record<string, string> | undefined {
    if (!this.behaviour.ruleDeprecationHeaders) {
      return undefined;
    }
    const rulePath = /^\/api\/v1\/provisioning\/(alert-rules|folder\/[^/]+\/rule-groups)/.test(path);
    if (!rulePath || /\/export$/.test(path)) {
      return undefined;
    }
    return {
      Warning: '299 - "Deprecated API: use the Grafana App Platform alerting API instead."',
      'X-API-Deprecation-Date': '2026-03-10',
      'X-API-Replacement': '/apis/rules.alerting.grafana.app/',
    };
  }

  private buildRoutes(): Route[] {
    const P = '/api/v1/provisioning';
    const seg = '([^/]+)';
    const routes: Array<[string, string, Handler]> = [
      ['GET', `/api/folders/${seg}`, (c) => this.getFolder(c)],
      ['POST', '/api/folders', (c) => this.createFolder(c)],
      ['PUT', `/api/folders/${seg}`, (c) => this.updateFolder(c)],
      ['DELETE', `/api/folders/${seg}`, (c) => this.deleteFolder(c)],

      ['GET', `${P}/alert-rules`, (c) => this.listRules(c)],
      ['GET', `${P}/alert-rules/export`, (c) => this.exportRules(c)],
      ['GET', `${P}/alert-rules/${seg}`, (c) => this.getRule(c)],
      ['POST', `${P}/alert-rules`, (c) => this.createRule(c)],
      ['PUT', `${P}/alert-rules/${seg}`, (c) => this.updateRule(c)],
      ['DELETE', `${P}/alert-rules/${seg}`, (c) => this.deleteRule(c)],
      ['GET', `${P}/folder/${seg}/rule-groups/${seg}`, (c) => this.getGroup(c)],
      ['PUT', `${P}/folder/${seg}/rule-groups/${seg}`, (c) => this.putGroup(c)],
      ['DELETE', `${P}/folder/${seg}/rule-groups/${seg}`, (c) => this.deleteGroup(c)],

      ['GET', `${P}/contact-points`, (c) => this.listContactPoints(c)],
      ['POST', `${P}/contact-points`, (c) => this.createContactPoint(c)],
      ['PUT', `${P}/contact-points/${seg}`, (c) => this.updateContactPoint(c)],
      ['DELETE', `${P}/contact-points/${seg}`, (c) => this.deleteContactPoint(c)],

      ['GET', '/api/alertmanager/grafana/config/api/v1/receivers', (c) => this.receiverStatuses(c)],

      ['GET', `${P}/policies`, (c) => this.getPolicies(c)],
      ['PUT', `${P}/policies`, (c) => this.putPolicies(c)],
      ['DELETE', `${P}/policies`, (c) => this.resetPolicies(c)],

      ['GET', `${P}/mute-timings`, (c) => this.listMuteTimings(c)],
      ['GET', `${P}/mute-timings/${seg}`, (c) => this.getMuteTiming(c)],
      ['POST', `${P}/mute-timings`, (c) => this.createMuteTiming(c)],
      ['PUT', `${P}/mute-timings/${seg}`, (c) => this.updateMuteTiming(c)],
      ['DELETE', `${P}/mute-timings/${seg}`, (c) => this.deleteMuteTiming(c)],

      ['GET', '/api/datasources', (c) => this.listDatasources(c)],
      ['GET', `/api/datasources/uid/${seg}`, (c) => this.getDatasource(c)],
      ['POST', '/api/datasources', (c) => this.createDatasource(c)],
      ['PUT', `/api/datasources/uid/${seg}`, (c) => this.updateDatasource(c)],
      ['DELETE', `/api/datasources/uid/${seg}`, (c) => this.deleteDatasource(c)],

      ['GET', `/api/plugins/${seg}/settings`, (c) => this.getPluginSettings(c)],
      ['POST', `/api/plugins/${seg}/settings`, (c) => this.postPluginSettings(c)],
      ['GET', `/api/plugins/${seg}/dashboards`, (c) => this.listPluginDashboards(c)],
      ['POST', '/api/dashboards/import', (c) => this.importDashboard(c)],
      ['GET', '/api/org', () => this.getOrg()],

      ['GET', '/api/prometheus/grafana/api/v1/rules', (c) => this.grafanaRuleStatuses(c)],
      ['GET', `/api/prometheus/${seg}/api/v1/rules`, (c) => this.datasourceRuleStatuses(c)],
    ];
    const compiled: Route[] = routes
      .filter(
        ([method, pattern]) =>
          this.behaviour.ruleGroupDelete || !(method === 'DELETE' && pattern.includes('rule-groups'))
      )
      .map(([method, pattern, handler]) => ({ method, pattern: new RegExp(`^${pattern}$`), handler }));
    compiled.push({ method: 'GET', pattern: /^\/api\/health$/, handler: () => this.health(), anonymous: true });
    compiled.push({ method: 'HEAD', pattern: /^\/api\/health$/, handler: () => this.health(), anonymous: true });
    return compiled;
  }

  // ---------------------------------------------------------------- health, org

  /**
   * pkg/api/http_server.go `apiHealthHandler`: unauthenticated; `version`/`commit` are omitempty
   * and left out only when `[auth.anonymous] hide_version` is set — for every caller.
   */
  private health(): DoubleResponse {
    const body: Json = { database: 'ok' };
    if (!this.hideVersion) {
      body.version = this.buildVersion;
      body.commit = this.buildCommit;
    }
    return { status: 200, body };
  }

  private getOrg(): DoubleResponse {
    return { status: 200, body: { id: this.org.id, name: this.org.name, address: {} } };
  }

  // ---------------------------------------------------------------- folders

  private folderBody(folder: StoredFolder): Json {
    return {
      id: folder.id,
      uid: folder.uid,
      orgId: this.org.id,
      title: folder.title,
      url: `/dashboards/f/${folder.uid}/${slugify(folder.title)}`,
      hasAcl: false,
      canSave: true,
      canEdit: true,
      canAdmin: true,
      canDelete: true,
      version: folder.version,
      ...(folder.parentUid ? { parentUid: folder.parentUid } : {}),
    };
  }

  /** pkg/api/apierrors/folder.go `ToFolderErrorResponse`: ErrFolderNotFound → 404 with `status` (all versions). */
  private folderOr404(uid: string): StoredFolder {
    const folder = this.folders.get(uid);
    if (!folder) {
      throw new HttpError(404, 'folder not found', { status: 'not-found', message: 'folder not found' });
    }
    return folder;
  }

  private getFolder(c: RequestContext): DoubleResponse {
    requirePermission(c.user, 'folders:read');
    return { status: 200, body: this.folderBody(this.folderOr404(c.params[0])) };
  }

  /** pkg/api/folder.go `CreateFolder` → folderimpl `Create` (+ k8s validateOnCreate in 12.x+). */
  private createFolder(c: RequestContext): DoubleResponse {
    requirePermission(c.user, 'folders:create');
    const body = isObject(c.body) ? c.body : fail(400, 'bad request data');
    // No trimming: folderimpl checks `cmd.Title == ""` only.
    const title = typeof body.title === 'string' ? body.title : '';
    if (!title) {
      fail(400, 'folder title cannot be empty');
    }
    const uid = typeof body.uid === 'string' && body.uid !== '' ? body.uid : `folder-${this.nextId}`;
    const bad = uidError(uid);
    if (bad) {
      fail(400, bad);
    }
    if (this.behaviour.folderReservedUids && ['general', 'sharedwithme'].includes(uid.toLowerCase())) {
      // pkg/registry/apis/folders/validate.go validateOnCreate (12.x id 404698626)
      fail(400, 'invalid uid for folder provided');
    }
    if (this.folders.has(uid)) {
      const dup = this.behaviour.folderDuplicateUid;
      throw new HttpError(dup.status, String(dup.body.message), clone(dup.body));
    }
    const folder: StoredFolder = { id: this.nextId++, uid, title, version: 1 };
    if (typeof body.parentUid === 'string' && body.parentUid !== '') {
      this.folderOr404(body.parentUid);
      folder.parentUid = body.parentUid;
    }
    if (typeof body.description === 'string') {
      folder.description = body.description;
    }
    this.folders.set(uid, folder);
    return { status: 200, body: this.folderBody(folder) };
  }

  /** pkg/api/folder.go `UpdateFolder`: a stale `version` without `overwrite` is 412 in every version. */
  private updateFolder(c: RequestContext): DoubleResponse {
    requirePermission(c.user, 'folders:write');
    const folder = this.folderOr404(c.params[0]);
    const body = isObject(c.body) ? c.body : fail(400, 'bad request data');
    if (body.overwrite !== true && typeof body.version === 'number' && body.version !== folder.version) {
      throw new HttpError(412, 'the folder has been changed by someone else', {
        status: 'version-mismatch',
        message: 'the folder has been changed by someone else',
      });
    }
    if (body.title !== undefined) {
      if (typeof body.title !== 'string' || body.title === '') {
        fail(400, 'folder title cannot be empty');
      }
      folder.title = body.title;
    }
    if (typeof body.description === 'string') {
      folder.description = body.description;
    }
    folder.version += 1;
    return { status: 200, body: this.folderBody(folder) };
  }

  private descendants(uid: string): string[] {
    const out = [uid];
    for (const f of this.folders.values()) {
      if (f.parentUid === uid) {
        out.push(...this.descendants(f.uid));
      }
    }
    return out;
  }

  /**
   * pkg/api/folder.go `DeleteFolder` + folderimpl `Delete`: rules counted in the folder and all its
   * descendants (`CountInFolders`) → errutil folder.not-empty 400, unless `?forceDeleteRules=true`,
   * which deletes them; subfolders and dashboards go with the folder. 200 {"message":"Folder deleted"}.
   */
  private deleteFolder(c: RequestContext): DoubleResponse {
    requirePermission(c.user, 'folders:delete');
    const uid = c.params[0];
    this.folderOr404(uid);
    const tree = new Set(this.descendants(uid));
    const rules = [...this.rules.values()].filter((r) => tree.has(r.folderUID));
    if (rules.length > 0 && c.query.get('forceDeleteRules') !== 'true') {
      failErrutil(400, 'folder.not-empty', 'Folder cannot be deleted: folder is not empty');
    }
    for (const rule of rules) {
      this.rules.delete(rule.uid);
      this.forgetEmptyGroup(rule.folderUID, rule.ruleGroup);
    }
    for (const d of [...this.dashboards.values()]) {
      if (tree.has(d.folderUid)) {
        this.dashboards.delete(d.uid);
      }
    }
    for (const f of tree) {
      this.folders.delete(f);
    }
    return { status: 200, body: { message: 'Folder deleted' } };
  }

  // ---------------------------------------------------------------- alert rules

  /**
   * `ProvisionedAlertRule` JSON (api/tooling/definitions/provisioning_alert_rules.go, id 100364969):
   * `keep_firing_for` always ("0s" default), `notification_settings`/`record` pointers without
   * omitempty (null), `labels`/`annotations`/`provenance` omitempty.
   */
  private ruleBody(rule: StoredRule, withProvenance = true): Json {
    const {
      provenance,
      labels,
      annotations,
      keep_firing_for: keepFiringFor,
      notification_settings: notificationSettings,
      record,
      ...rest
    } = clone(rule) as Json;
    const body: Json = {
      ...rest,
      for: rule.for ?? '0s',
      keep_firing_for: keepFiringFor ?? '0s',
      isPaused: rule.isPaused === true,
      notification_settings: notificationSettings ?? null,
      record: record ?? null,
    };
    if (isObject(labels) && Object.keys(labels).length > 0) {
      body.labels = labels;
    }
    if (isObject(annotations) && Object.keys(annotations).length > 0) {
      body.annotations = annotations;
    }
    if (withProvenance && provenance) {
      body.provenance = provenance;
    }
    return body;
  }

  private listRules(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.readRules);
    // RouteGetAlertRules (api_provisioning.go@003dc77): each rule with its stored provenance.
    return { status: 200, body: [...this.rules.values()].map((r) => this.ruleBody(r)) };
  }

  /**
   * RouteGetAlertRulesExport (api_provisioning.go@003dc77): no groups → `response.Empty(404)`.
   * Not modelled: the YAML default (JSON only with `Accept: …json` or `?format=json`), HCL, the
   * export field names (`keepFiringFor`…) and the folder/group/ruleUid filters.
   */
  private exportRules(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.readRules);
    const groups = new Map<string, StoredRule[]>();
    for (const rule of this.rules.values()) {
      const key = `${rule.folderUID}/${rule.ruleGroup}`;
      groups.set(key, [...(groups.get(key) ?? []), rule]);
    }
    if (groups.size === 0) {
      emptyNotFound();
    }
    return {
      status: 200,
      body: {
        apiVersion: 1,
        groups: [...groups.entries()].map(([key, rules]) => ({
          orgId: 1,
          name: rules[0].ruleGroup,
          folder: this.folders.get(rules[0].folderUID)?.title ?? rules[0].folderUID,
          interval: formatDurationMs((this.groupIntervals.get(key) ?? DEFAULT_GROUP_INTERVAL) * 1000),
          rules: rules.map(({ id, orgID, folderUID, ruleGroup, updated, provenance, ...rest }) => rest),
        })),
      },
    };
  }

  /** RouteRouteGetAlertRule: ErrAlertRuleNotFound → `response.Empty(404)` (no body). */
  private getRule(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.readRules);
    const rule = this.rules.get(c.params[0]) ?? emptyNotFound();
    return { status: 200, body: this.ruleBody(rule) };
  }

  /**
   * provisioning/alert_rules.go `CreateAlertRule`: uid, ensureNamespace (folder), notification
   * settings, then the store's validation and the insert (duplicate uid → errutil alerting.alert-rule.conflict 409; before PR #102067 the
   * (org, folder, title) unique index → 400).
   */
  private createRule(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.writeRules);
    const body = isObject(c.body) ? c.body : fail(400, 'bad request data');
    const folderUID = typeof body.folderUID === 'string' ? body.folderUID : '';
    const ruleGroup = typeof body.ruleGroup === 'string' ? body.ruleGroup : '';
    bindRule(body);
    // CreateAlertRule validates a given uid before the folder.
    const uidBad = typeof body.uid === 'string' && body.uid !== '' ? shortUidError(body.uid) : undefined;
    if (uidBad) {
      fail(400, `invalid alert rule\ncannot create rule with UID '${String(body.uid)}': ${uidBad}`);
    }
    this.ensureNamespace(folderUID);
    this.assertNotificationSettings(body);
    const rule = this.validateRule(body, folderUID, ruleGroup);
    if (typeof rule.uid === 'string' && this.rules.has(rule.uid)) {
      failErrutil(
        409,
        'alerting.alert-rule.conflict',
        `Failed to save alert rule '${rule.uid}' in organization 1 due to conflict: rule UID under the same organisation should be unique`
      );
    }
    this.assertTitlesUnique(folderUID, [rule], new Set());
    const key = `${folderUID}/${ruleGroup}`;
    if (!this.groupIntervals.has(key)) {
      this.groupIntervals.set(key, DEFAULT_GROUP_INTERVAL);
    }
    const stored = this.storeRule(rule, c.provenance, undefined);
    return { status: 201, body: this.ruleBody(stored) };
  }

  /** `ensureNamespace` (alert_rules.go): only CreateAlertRule and UpdateAlertRule call it. */
  private ensureNamespace(folderUID: string): void {
    if (!folderUID) {
      fail(400, 'invalid alert rule: folderUID must be set');
    }
    if (!this.folders.has(folderUID)) {
      fail(400, 'invalid alert rule: folder does not exist');
    }
  }

  /**
   * RoutePutAlertRule → `UpdateAlertRule`: folder check before existence; missing → 404 empty body;
   * strict provenance (stored ≠ requested and stored ≠ none) as a plain error → ErrResp 500, until
   * PR #124178 (13.1, main) made it errProvenanceMismatch 409. `updated` always bumped.
   */
  private updateRule(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.updateRules);
    const body = bindRule(isObject(c.body) ? c.body : fail(400, 'bad request data'));
    const folderUID = typeof body.folderUID === 'string' ? body.folderUID : '';
    this.ensureNamespace(folderUID);
    const existing = this.rules.get(c.params[0]) ?? emptyNotFound();
    if (existing.provenance !== c.provenance && existing.provenance !== '') {
      if (this.behaviour.rulePutProvenanceStatus === 409) {
        provenanceMismatch(409, 'update', c.provenance, existing.provenance);
      }
      fail(500, `cannot change provenance from '${existing.provenance}' to '${c.provenance}'`);
    }
    // UpdateAlertRule: provenance, notification settings, then the store's validation.
    this.assertNotificationSettings(body);
    const rule = this.validateRule({ ...body, uid: existing.uid }, folderUID, String(body.ruleGroup ?? ''));
    this.assertTitlesUnique(folderUID, [rule], new Set([existing.uid]));
    const fromKey = `${existing.folderUID}/${existing.ruleGroup}`;
    const toKey = `${folderUID}/${String(rule.ruleGroup)}`;
    if (!this.groupIntervals.has(toKey)) {
      // IntervalSeconds = stored.IntervalSeconds: a moved rule keeps its interval.
      this.groupIntervals.set(toKey, this.groupIntervals.get(fromKey) ?? DEFAULT_GROUP_INTERVAL);
    }
    const stored = this.storeRule(rule, c.provenance, existing);
    this.forgetEmptyGroup(existing.folderUID, existing.ruleGroup);
    return { status: 200, body: this.ruleBody(stored) };
  }

  /**
   * RouteDeleteAlertRule → `DeleteAlertRule`: idempotent (204 for a missing uid). Provenance: strict
   * (api→none refused) — plain error 500 in 11.x, errProvenanceMismatch 409 in 12.x; main uses the
   * group rule (PR #117484), so X-Disable-Provenance may delete api rules.
   */
  private deleteRule(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.deleteRules);
    const existing = this.rules.get(c.params[0]);
    if (existing) {
      const allowed = this.behaviour.ruleDeleteUsesGroupProvenanceRule
        ? this.canUpdateProvenanceInGroup(existing.provenance, c.provenance)
        : existing.provenance === c.provenance || existing.provenance === '';
      if (!allowed) {
        const status = this.behaviour.ruleProvenanceMismatchStatus;
        if (status === 409) {
          provenanceMismatch(409, 'delete', c.provenance, existing.provenance);
        }
        fail(500, `cannot delete with provided provenance '${c.provenance}', needs '${existing.provenance}'`);
      }
      this.rules.delete(existing.uid);
      this.forgetEmptyGroup(existing.folderUID, existing.ruleGroup);
    }
    return { status: 204 };
  }

  /**
   * `GetRuleGroup` + `ApiAlertRuleGroupFromAlertRuleGroup` (compat.go id 463961651): the rules'
   * provenance comes from the group model, which GetRuleGroup never sets → no `provenance` key.
   */
  private getGroup(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.readRules);
    const [folderUid, group] = c.params;
    const rules = this.groupRules(folderUid, group);
    if (rules.length === 0) {
      ruleGroupNotFound();
    }
    return {
      status: 200,
      body: {
        title: group,
        folderUid,
        interval: this.groupIntervals.get(`${folderUid}/${group}`) ?? DEFAULT_GROUP_INTERVAL,
        rules: rules.map((r) => this.ruleBody(r, false)),
      },
    };
  }

  /**
   * `CanUpdateProvenanceInRuleGroup` (provisioning/validation/provenance.go): same → ok; from none →
   * ok; to none only from api (and converted_prometheus in 12.x+); else refused.
   */
  private canUpdateProvenanceInGroup(stored: Provenance, requested: Provenance): boolean {
    if (stored === requested || stored === '') {
      return true;
    }
    if (requested === '') {
      return stored === 'api' || (this.behaviour.convertedPrometheusToNone && stored === 'converted_prometheus');
    }
    return false;
  }

  /** `persistDelta` provenance check; ErrOrFallback(500) of a plain error (11.x) or errutil 409 (12.x+). */
  private assertGroupProvenance(rule: StoredRule, requested: Provenance, action: 'update' | 'delete'): void {
    if (this.canUpdateProvenanceInGroup(rule.provenance, requested)) {
      return;
    }
    if (this.behaviour.ruleProvenanceMismatchStatus === 409) {
      provenanceMismatch(409, action, requested, rule.provenance);
    }
    fail(500, 'Internal Server Error');
  }

  /**
   * RoutePutAlertRuleGroup → `ReplaceRuleGroup` → `calcDelta` → `persistDelta`
   * (alert_rules.go, store/deltas.go, api/compat.go `AlertRuleGroupFromApiAlertRuleGroup`).
   */
  private putGroup(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.writeGroups);
    const [folderUid, group] = c.params;
    const body = isObject(c.body) ? c.body : fail(400, 'bad request data');
    // `interval` is an int64 field: anything else fails binding; missing is 0.
    const interval = body.interval === undefined ? 0 : body.interval;
    if (typeof interval !== 'number' || !Number.isInteger(interval)) {
      fail(400, 'bad request data');
    }
    if (body.rules !== undefined && body.rules !== null && !Array.isArray(body.rules)) {
      fail(400, 'bad request data');
    }
    const incoming = ((body.rules as unknown[] | undefined | null) ?? []).map((raw) =>
      bindRule(isObject(raw) ? raw : fail(400, 'bad request data'))
    );
    // models.ValidateRuleGroupInterval, first statement of ReplaceRuleGroup.
    if (interval <= 0 || interval % this.baseInterval !== 0) {
      fail(
        400,
        `invalid alert rule: interval (${goDurationSeconds(interval)}) should be non-zero and divided exactly by scheduler interval: ${this.baseInterval}`
      );
    }
    const current = this.groupRules(folderUid, group);
    const key = `${folderUid}/${group}`;
    // The API→model conversion only appends, so `rules: []` and no `rules` both give nil, and
    // calcDelta treats nil as "keep the group's rules" (still applying interval and provenance).
    // No folder-existence check on this path (research: rules.md 1e).
    if (incoming.length === 0) {
      for (const rule of current) {
        this.assertGroupProvenance(rule, c.provenance, 'update');
      }
      const stamp = this.now().toISOString();
      for (const rule of current) {
        rule.provenance = c.provenance;
        rule.updated = stamp;
      }
      if (current.length > 0) {
        this.groupIntervals.set(key, interval);
      }
      return { status: 200, body: { ...clone(body), title: group, folderUid, interval, rules: body.rules ?? null } };
    }
    // ReplaceRuleGroup (NEW-12x id 335917733) checks each given uid before calcDelta, with %q.
    for (const r of incoming) {
      const uidBad = typeof r.uid === 'string' && r.uid !== '' ? shortUidError(r.uid) : undefined;
      if (uidBad) {
        fail(400, `invalid alert rule: cannot create rule with UID ${JSON.stringify(r.uid)}: ${uidBad}`);
      }
    }
    const patched = incoming.map((r) => {
      const stored = typeof r.uid === 'string' && r.uid !== '' ? this.rules.get(r.uid) : undefined;
      // models.PatchPartialAlertRule fills what a uid-matched rule leaves empty.
      const rule = stored ? patchPartialRule(r, stored) : r;
      // GroupDelta.NewOrUpdatedNotificationSettings (store/deltas.go id 22029644905): only new rules
      // and rules whose notification settings changed are validated.
      const changed =
        !stored ||
        stableStringify(stored.notification_settings ?? null) !== stableStringify(rule.notification_settings ?? null);
      if (changed) {
        this.assertNotificationSettings(rule);
      }
      return rule;
    });
    const uids = patched.map((r) => r.uid).filter((u): u is string => typeof u === 'string' && u !== '');
    if (new Set(uids).size !== uids.length) {
      // Not in Grafana's code (what it does with a repeated uid is unverified); refused here so a
      // test cannot rely on one of two copies silently winning.
      fail(400, 'invalid alert rule: a rule uid appears twice in the group');
    }
    const incomingUids = new Set(uids);
    const toDelete = current.filter((r) => !incomingUids.has(r.uid));
    // UpdateCalculatedRuleFields puts every existing rule of the group in delta.Update, plus moved-in ones.
    const toUpdate = [
      ...current.filter((r) => incomingUids.has(r.uid)),
      ...uids
        .map((u) => this.rules.get(u))
        .filter((r): r is StoredRule => !!r && `${r.folderUID}/${r.ruleGroup}` !== key),
    ];
    for (const rule of toDelete) {
      this.assertGroupProvenance(rule, c.provenance, 'delete');
    }
    for (const rule of toUpdate) {
      this.assertGroupProvenance(rule, c.provenance, 'update');
    }
    // persistDelta: the provenance check runs before the store validates what it writes.
    const validated = patched.map((r) => this.validateRule(r, folderUid, group));
    if (this.behaviour.ruleTitleUniqueInFolder) {
      const titles = validated.map((r) => String(r.title));
      if (new Set(titles).size !== titles.length) {
        fail(400, TITLE_CONFLICT);
      }
      this.assertTitlesUnique(folderUid, validated, new Set([...uids, ...toDelete.map((r) => r.uid)]));
    }
    const movedFrom = new Set(toUpdate.map((r) => `${r.folderUID}/${r.ruleGroup}`));
    // persistDelta deletes first; rule_group_idx = position in the PUT, so re-insert in order.
    for (const rule of [...current, ...toUpdate]) {
      this.rules.delete(rule.uid);
    }
    const existingByUid = new Map([...current, ...toUpdate].map((r) => [r.uid, r]));
    for (const rule of validated) {
      this.storeRule(rule, c.provenance, typeof rule.uid === 'string' ? existingByUid.get(rule.uid) : undefined);
    }
    this.groupIntervals.set(key, interval);
    for (const from of movedFrom) {
      const [f, g] = splitGroupKey(from);
      this.forgetEmptyGroup(f, g);
    }
    return { status: 200, body: { ...clone(body), title: group, folderUid, interval, rules: clone(incoming) } };
  }

  /**
   * RouteDeleteAlertRuleGroup → `DeleteRuleGroup` (→ `CalculateRuleGroupsDelete`): no rules →
   * ErrAlertRuleGroupNotFound 404; the persistDelta provenance check per rule; 204 on success.
   */
  private deleteGroup(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.deleteGroups);
    const [folderUid, group] = c.params;
    const rules = this.groupRules(folderUid, group);
    if (rules.length === 0) {
      ruleGroupNotFound();
    }
    for (const rule of rules) {
      this.assertGroupProvenance(rule, c.provenance, 'delete');
    }
    for (const rule of rules) {
      this.rules.delete(rule.uid);
    }
    this.groupIntervals.delete(`${folderUid}/${group}`);
    return { status: 204 };
  }

  /**
   * What Grafana checks and fills on a rule when it is stored. First the JSON binding
   * (`ProvisionedAlertRule`: model.Duration, map[string]string; a failure is 400 "bad request data"),
   * then the store's `validateAlertRule` (ngalert/store/alert_rule.go, id 48160225) =
   * models `AlertRule.ValidateAlertRule` (models/alert_rule.go, id 8401885: uid, data, title,
   * interval, then `validateAlertRuleFields` — execErrState before noDataState, KeepLast accepted —
   * and reserved labels) + title/group lengths, then `AlertQuery.PreSave` (models/alert_query.go id
   * 431301857). Nothing on this path checks that `condition` names a refId, that refIds are unique
   * or that a datasource exists: `ErrConditionNotExist` is only raised by the evaluator
   * (ids 303650956, 789709955) and provisioning/validation/rule.go checks recording rules only.
   * Returns the rule as it would be stored (no id/updated/provenance).
   */
  private validateRule(body: Json, folderUID: string, ruleGroup: string): Json {
    const bad = (why: string): never => fail(400, `invalid alert rule: ${why}`);
    bindRule(body);
    const duration = (field: string): string =>
      body[field] === undefined || body[field] === null
        ? '0s'
        : formatDurationMs(parseDurationMs(String(body[field]))!);
    const forText = duration('for');
    const keepFiringFor = duration('keep_firing_for');
    const data = Array.isArray(body.data) ? body.data : [];
    if (typeof body.uid === 'string' && body.uid !== '') {
      const uidBad = shortUidError(body.uid);
      if (uidBad) {
        // errors.Join(ErrAlertRuleFailedValidation, …): the two texts joined by a newline.
        fail(400, `invalid alert rule\ncannot create rule with UID '${body.uid}': ${uidBad}`);
      }
    }
    if (data.length === 0) {
      bad('no queries or expressions are found');
    }
    const title = typeof body.title === 'string' ? body.title : '';
    if (title === '') {
      bad('title is empty');
    }
    if (!['Alerting', 'Error', 'OK', 'KeepLast'].includes(String(body.execErrState ?? ''))) {
      bad(`unknown Error state option ${String(body.execErrState ?? '')}`);
    }
    if (!['Alerting', 'NoData', 'OK', 'KeepLast'].includes(String(body.noDataState ?? ''))) {
      bad(`unknown NoData state option ${String(body.noDataState ?? '')}`);
    }
    for (const label of Object.keys(isObject(body.labels) ? body.labels : {})) {
      if (RESERVED_LABELS.includes(label)) {
        bad(`system reserved label ${label} cannot be defined`);
      }
    }
    if (title.length > MAX_TITLE) {
      bad(`name length should not be greater than ${MAX_TITLE}`);
    }
    if (ruleGroup.length > MAX_TITLE) {
      bad(`rule group name length should not be greater than ${MAX_TITLE}`);
    }
    const queries = (data as Json[]).map((query) => {
      const refId = String(query.refId ?? '');
      const dsUid = String(query.datasourceUid ?? '');
      const range = (query.relativeTimeRange ?? { from: 0, to: 0 }) as { from: number; to: number };
      const model = isObject(query.model) ? query.model : fail(500, `failed to parse model of query ${refId}`);
      const savedModel: Json = { ...model };
      // fromRawModel (alert_query.go id 43698415406): replaced when missing, not a number, or <= 0.
      if (typeof savedModel.intervalMs !== 'number' || savedModel.intervalMs <= 0) {
        savedModel.intervalMs = DEFAULT_INTERVAL_MS;
      }
      if (typeof savedModel.maxDataPoints !== 'number' || savedModel.maxDataPoints <= 0) {
        savedModel.maxDataPoints = DEFAULT_MAX_DATA_POINTS;
      }
      // PreSave: non-expression queries need from > to strictly. ErrInvalidRelativeTimeRange is an
      // errutil template without a public message (models/errors.go id 738204864), so the body
      // carries the status text and the data in `extra` (durations as seconds, Duration.MarshalJSON).
      if (dsUid !== EXPRESSION_DATASOURCE && !(range.from > range.to)) {
        failErrutil(400, 'alerting.alert-rule.invalidRelativeTime', undefined, {
          RefID: refId,
          From: Math.trunc(range.from),
          To: Math.trunc(range.to),
        });
      }
      return {
        ...query,
        queryType: typeof model.queryType === 'string' ? model.queryType : (query.queryType ?? ''),
        relativeTimeRange: { from: Math.trunc(range.from), to: Math.trunc(range.to) },
        model: savedModel,
      };
    });
    // Read-only fields are ignored; nil pointers (notification_settings, record) store as absent.
    const { id: _id, updated: _updated, provenance: _provenance, ...writable } = body;
    for (const pointer of ['notification_settings', 'record']) {
      if (writable[pointer] === null) {
        delete writable[pointer];
      }
    }
    return {
      ...writable,
      folderUID,
      ruleGroup,
      orgID: 1,
      data: queries,
      for: forText,
      keep_firing_for: keepFiringFor,
      isPaused: body.isPaused === true,
    };
  }

  /**
   * The service's notification-settings check (`nsValidatorProvider.Validator` in CreateAlertRule,
   * UpdateAlertRule and ReplaceRuleGroup, provisioning/alert_rules.go NEW-12x id 335917733):
   * `ContactPointRouting.Validate` (receiver required) then notifier `staticValidator.Validate`
   * (id 782894839, `ErrorReceiverDoesNotExist`/`ErrorTimeIntervalDoesNotExist` texts; the older
   * validator, id 5769969728, quotes the names and checks mute intervals only): the receiver and
   * every mute/active time interval must exist. Joined under ErrAlertRuleFailedValidation → 400.
   */
  private assertNotificationSettings(rule: Json): void {
    const ns = rule.notification_settings;
    if (!isObject(ns)) {
      return;
    }
    const receiver = typeof ns.receiver === 'string' ? ns.receiver : '';
    if (receiver === '') {
      fail(400, 'invalid alert rule\nreceiver must be specified');
    }
    const errors: string[] = [];
    if (!this.receiverNames().has(receiver)) {
      errors.push(`receiver ${receiver} does not exist`);
    }
    for (const key of ['mute_time_intervals', 'active_time_intervals']) {
      for (const name of Array.isArray(ns[key]) ? (ns[key] as unknown[]) : []) {
        if (!this.muteTimings.has(String(name))) {
          errors.push(`time interval ${String(name)} does not exist`);
        }
      }
    }
    if (errors.length > 0) {
      fail(400, ['invalid alert rule', ...errors].join('\n'));
    }
  }

  /** Before PR #102067 (in 11.6): the (org, folder, title) unique index → 400. */
  private assertTitlesUnique(folderUid: string, incoming: Json[], replacing: Set<string>): void {
    if (!this.behaviour.ruleTitleUniqueInFolder) {
      return;
    }
    const taken = new Set(
      [...this.rules.values()].filter((r) => r.folderUID === folderUid && !replacing.has(r.uid)).map((r) => r.title)
    );
    for (const rule of incoming) {
      if (taken.has(rule.title as string)) {
        fail(400, TITLE_CONFLICT);
      }
    }
  }

  /** `AlertRule.PreSave`/UpdateAlertRule: `updated` is stamped on every write, changed or not. */
  private storeRule(rule: Json, provenance: Provenance, existing: StoredRule | undefined): StoredRule {
    const uid = typeof rule.uid === 'string' && rule.uid !== '' ? rule.uid : generateUid(this.nextId++);
    const stored = {
      ...rule,
      uid,
      id: existing?.id ?? this.nextId++,
      updated: this.now().toISOString(),
      provenance,
    } as StoredRule;
    // Map.set on a kept uid keeps its place: a single PUT does not reorder the group.
    this.rules.set(uid, stored);
    return stored;
  }

  private forgetEmptyGroup(folderUid: string, group: string): void {
    if (this.groupRules(folderUid, group).length === 0) {
      this.groupIntervals.delete(`${folderUid}/${group}`);
    }
  }

  // ---------------------------------------------------------------- contact points

  /**
   * `EmbeddedContactPoint` JSON: `provenance` omitempty. GET redacts every stored secret
   * (`Integration.Redact`); `decrypt` is only read by /contact-points/export.
   */
  private contactPointBody(cp: StoredContactPoint, withProvenance = true): Json {
    const body: Json = {
      uid: cp.uid,
      name: cp.integrationName ?? cp.name,
      type: cp.type,
      settings: redactSettings(cp.type, cp.settings),
      disableResolveMessage: cp.disableResolveMessage,
    };
    if (withProvenance && cp.provenance) {
      body.provenance = cp.provenance;
    }
    return body;
  }

  /**
   * `GetContactPoints` (contactpoints.go id 130920181): exact `name` filter on the receiver's name;
   * sorted by the entries' own names, which are the integrations' (the default lists as "email
   * receiver"), then uid.
   */
  private listContactPoints(c: RequestContext): DoubleResponse {
    requirePermission(c.user, readContactPoints(this.behaviour.notificationReadsByResource));
    const name = c.query.get('name');
    const listed = (cp: StoredContactPoint) => cp.integrationName ?? cp.name;
    const list = [...this.contactPoints.values()]
      .filter((cp) => name === null || name === '' || cp.name === name)
      .sort((a, b) => cmp(listed(a), listed(b)) || cmp(a.uid, b.uid));
    return { status: 200, body: list.map((cp) => this.contactPointBody(cp)) };
  }

  /** Every receiver: the receivers of the integrations (by default the stored ones) and those without one. */
  private receiverNames(integrations: Iterable<StoredContactPoint> = this.contactPoints.values()): Set<string> {
    return new Set([...[...integrations].map((cp) => cp.name), ...this.receiversWithoutIntegrations]);
  }

  /**
   * GET /api/alertmanager/grafana/config/api/v1/receivers, `AlertmanagerSrv.RouteGetReceivers`
   * (api_alertmanager.go ids 162469569 newer, 99138813 older): every receiver of the configuration
   * the Alertmanager runs, which lags provisioning writes (see syncAlertmanager), one entry per
   * receiver under its own name, with or without integrations (grafana/alerting `ApplyConfig` builds
   * one entry per configured receiver, id 2869364731; `GetReceivers` answers `integrations: []` for none). JSON per grafana/alerting api models
   * `Receiver` (id 2286848931): `{active, integrations, name}`, each integration `{name, sendResolved,
   * lastNotifyAttempt, lastNotifyAttemptDuration}` named by its type (`NewIntegration(n, n, r.Type, i)`,
   * id 1523889176) and never notified here. `active` = named by a route (`GetActiveReceiversMap`, id
   * 3263575932). Order: Go map iteration (`for name := range integrationsMap`), so unspecified: the
   * double answers reverse name order so that no client leans on an order. Not modelled: the
   * per-receiver read filter of 12.x/main (`receiverAuthz.FilterRead`, scopes), the routes Grafana
   * autogenerates for rules' notification_settings (which would mark those receivers active).
   */
  private receiverStatuses(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.readReceiverStatus);
    if (this.alertmanager === 'missing') {
      fail(404, 'Alertmanager does not exist for this organization');
    }
    if (this.alertmanager === 'not-ready') {
      fail(409, 'Alertmanager is not ready yet');
    }
    const active = receiversIn(this.applied.tree);
    const integrations = (name: string) =>
      this.applied.integrations
        .filter((cp) => cp.name === name)
        .map((cp) => ({
          name: cp.type,
          sendResolved: !cp.disableResolveMessage,
          lastNotifyAttempt: '0001-01-01T00:00:00.000Z',
          lastNotifyAttemptDuration: '0s',
        }));
    const names = [...this.receiverNames(this.applied.integrations)].sort((a, b) => cmp(b, a));
    return {
      status: 200,
      body: names.map((name) => ({ active: active.has(name), integrations: integrations(name), name })),
    };
  }

  /** `ValidateContactPoint` + the notifier's NewConfig, wrapped as ErrValidation → 400. */
  private validateIntegration(body: unknown): Omit<StoredContactPoint, 'provenance'> {
    const cp = isObject(body) ? body : fail(400, 'bad request data');
    if (typeof cp.name !== 'string' || cp.name === '') {
      // `binding:"required"` on name
      fail(400, 'bad request data');
    }
    const invalid = (why: string): never => fail(400, `invalid object specification: ${why}`);
    if (typeof cp.type !== 'string' || cp.type === '') {
      invalid('type should not be an empty string');
    }
    const settings = isObject(cp.settings) ? cp.settings : invalid('settings should not be empty');
    const uid = typeof cp.uid === 'string' ? cp.uid : '';
    const err = integrationSettingsError(cp.type as string, settings);
    if (err) {
      // IntegrationValidationError.Error() (grafana/alerting notify/receivers.go)
      invalid(`failed to validate integration "${cp.name}" (UID ${uid}) of type "${String(cp.type)}": ${err}`);
    }
    return {
      uid,
      name: cp.name,
      type: cp.type as string,
      settings,
      disableResolveMessage: cp.disableResolveMessage === true,
    };
  }

  /**
   * RoutePostContactPoint → `CreateContactPoint`: validate, drop empty secrets, uid check, duplicate
   * uid = errutil uidInUse (409) which the 11.x/12.x handler wraps in ErrResp(500); main's
   * ErrOrFallback keeps 409. `[REDACTED]` in a POST is stored literally. 202 with the redacted
   * contact point, `provenance` left unset.
   */
  private createContactPoint(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.writeNotifications);
    const cp = this.validateIntegration(c.body);
    dropEmptySecrets(cp.type, cp.settings);
    if (cp.uid !== '') {
      // errors.Join(ErrValidation, …) in CreateContactPoint (contactpoints.go id 130920181): joined by a newline.
      const bad = shortUidError(cp.uid);
      if (bad) {
        fail(400, `invalid object specification\ncannot create contact point with UID '${cp.uid}': ${bad}`);
      }
    }
    const uid = cp.uid || generateUid(this.nextId++);
    const taken = this.contactPoints.get(uid);
    if (taken) {
      const messageId = 'alerting.notifications.contact-points.uidInUse';
      // MakeErrContactPointUidExists(rec.UID, rec.Name): the integration's name, not its receiver's.
      const message = `Receiver configuration with UID '${uid}' already exists in contact point '${taken.integrationName ?? taken.name}'. Please use unique identifiers for receivers across all contact points.`;
      if (this.behaviour.contactPointUidExistsStatus === 409) {
        failErrutil(409, messageId, message);
      }
      fail(500, errutilText(messageId, message));
    }
    const stored: StoredContactPoint = { ...cp, uid, provenance: c.provenance };
    this.contactPoints.set(uid, stored);
    return { status: 202, body: this.contactPointBody(stored, false) };
  }

  /**
   * RoutePutContactPoint → `UpdateContactPoint`: settings required (400), uid missing (404),
   * `[REDACTED]` replaced by the stored value under the same key (or dropped), validation (400),
   * strict provenance as a plain error (500), rename in dependent resources when the integration
   * was the last of its name (`stitchReceiver` + `RenameReceiverInDependentResources`).
   * 202 {"message":"contactpoint updated"}.
   */
  private updateContactPoint(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.writeNotifications);
    const uid = c.params[0];
    const raw = isObject(c.body) ? c.body : fail(400, 'bad request data');
    if (!isObject(raw.settings)) {
      fail(400, 'invalid object specification: settings should not be empty');
    }
    const existing =
      this.contactPoints.get(uid) ?? fail(404, `object not found: contact point with uid '${uid}' not found`);
    const settings = raw.settings;
    for (const path of SECURE_SETTINGS[String(raw.type)] ?? []) {
      const at = getPath(settings, path);
      if (at && at.parent[at.key] === REDACTED) {
        const stored = getPath(existing.settings, path);
        const value = stored ? stored.parent[stored.key] : undefined;
        if (typeof value === 'string' && value !== '') {
          at.parent[at.key] = value;
        } else {
          delete at.parent[at.key];
        }
      }
    }
    const cp = this.validateIntegration({ ...raw, uid });
    dropEmptySecrets(cp.type, cp.settings);
    if (existing.provenance !== c.provenance && existing.provenance !== '') {
      fail(500, `cannot change provenance from '${existing.provenance}' to '${c.provenance}'`);
    }
    if (existing.name !== cp.name) {
      const lastOfItsName = ![...this.contactPoints.values()].some((o) => o.name === existing.name && o.uid !== uid);
      if (lastOfItsName) {
        this.renameReceiver(existing.name, cp.name, c.provenance);
      }
    }
    this.contactPoints.set(uid, { ...cp, uid, provenance: c.provenance });
    return { status: 202, body: { message: 'contactpoint updated' } };
  }

  /**
   * receiver_svc.go `RenameReceiverInDependentResources` (id 106510623): routes and rules'
   * notification_settings follow the new name; refused (errutil 409, which the PUT handler's
   * ErrResp turns into 500) when a referencing tree/rule has another non-none provenance.
   */
  private renameReceiver(from: string, to: string, provenance: Provenance): void {
    const treeUses = receiversIn(this.policyTree).has(from);
    const rules = [...this.rules.values()].filter((r) => notificationSettings(r)?.receiver === from);
    const blocked =
      (treeUses && this.policyProvenance !== '' && this.policyProvenance !== provenance) ||
      rules.some((r) => r.provenance !== '' && r.provenance !== provenance);
    if (blocked) {
      fail(
        500,
        errutilText(
          'alerting.notifications.receivers.usedProvisioned',
          'Receiver cannot be renamed because it is used by provisioned notification policies/alert rules'
        )
      );
    }
    walkRoutes(this.policyTree, (r) => {
      if (r.receiver === from) {
        r.receiver = to;
      }
    });
    for (const rule of rules) {
      (rule.notification_settings as Json).receiver = to;
    }
  }

  /**
   * RouteDeleteContactPoint → `DeleteContactPoint` (provisioning/contactpoints.go; ids 503200806,
   * 76367178, 3507353740 and the newest stored, 130920181 — the same check in each): no provenance
   * check; unknown uid → 202. When the integration is the last of its receiver, the checks use the
   * **integration's** name (`grafanaReceiver.Name`), not the receiver's: used by a route →
   * ErrContactPointReferenced 409, by a rule's notification_settings → ErrContactPointUsedInRule 409.
   * The two names differ only for Grafana's default "email receiver" in `grafana-default-email`, so
   * deleting it succeeds while the root route still names the receiver (legacy_storage `Save` does not
   * validate routes, ids 133583897/54628914293). No other contactpoints.go was found in the index, so
   * `main` is assumed the same.
   */
  private deleteContactPoint(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.writeNotifications);
    const existing = this.contactPoints.get(c.params[0]);
    if (existing) {
      const lastOfItsName = ![...this.contactPoints.values()].some(
        (o) => o.name === existing.name && o.uid !== existing.uid
      );
      const checked = existing.integrationName ?? existing.name;
      if (lastOfItsName && receiversIn(this.policyTree).has(checked)) {
        failErrutil(
          409,
          'alerting.notifications.contact-points.referenced',
          'Contact point is currently referenced by a notification policy.'
        );
      }
      if (lastOfItsName && [...this.rules.values()].some((r) => notificationSettings(r)?.receiver === checked)) {
        failErrutil(
          409,
          'alerting.notifications.contact-points.used-by-rule',
          'Contact point is currently used in the notification settings of one or many alert rules.'
        );
      }
      this.contactPoints.delete(existing.uid);
    }
    return { status: 202, body: { message: 'contactpoint deleted' } };
  }

  // ---------------------------------------------------------------- provenance (notifications)

  /**
   * `ValidateProvenanceRelaxed` (provisioning/validation/provenance.go): from none anything goes;
   * to none from anything else → ErrProvenanceChangeNotAllowed (errutil Forbidden, 403).
   */
  private assertRelaxedProvenance(stored: Provenance, requested: Provenance): void {
    if (stored === '' || requested !== '') {
      return;
    }
    const message =
      this.behaviour.relaxedProvenanceMessage === 'cannot-be-changed'
        ? `Resource with provenance status '${stored}' cannot be changed to 'none'. You must use appropriate API and permissions to manage this resource`
        : `Resource with provenance status '${stored}' cannot be managed via API that handles resources with provenance status 'none'. You must use appropriate API to manage this resource`;
    failErrutil(403, 'alerting.notifications.invalidProvenance', message);
  }

  // ---------------------------------------------------------------- policies

  /** `GetPolicyTree`: the stored route re-serialised (all omitempty) plus the stored provenance. */
  private getPolicies(c: RequestContext): DoubleResponse {
    requirePermission(c.user, readPolicies(this.behaviour.notificationReadsByResource));
    let tree: Json;
    try {
      tree = normaliseRoute(this.policyTree);
    } catch {
      tree = clone(this.policyTree);
    }
    if (this.policyProvenance) {
      tree.provenance = this.policyProvenance;
    }
    return { status: 200, body: tree };
  }

  /**
   * RoutePutPolicyTree → `UpdatePolicyTree` (notification_policies.go ids 246799025/14141464443):
   * binding (400 bad request data), `tree.Validate()` → ErrRouteInvalidFormat 400, relaxed
   * provenance 403, then receivers and time intervals must exist — also answered through
   * `MakeErrRouteInvalidFormat` (errutil 400 kept by the handler's ErrOrFallback, api_provisioning.go
   * id 22565327), not ErrValidation's "invalid object specification" of the pre-relaxed service (id
   * 9769865063); no version check (the handler passes ""). Stored as decoded, so reads come back
   * normalised. 202.
   */
  private putPolicies(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.writeNotifications);
    let tree: Json;
    try {
      tree = normaliseRoute(c.body);
    } catch (err) {
      if (err instanceof RouteError) {
        fail(400, 'bad request data');
      }
      throw err;
    }
    const invalidFormat = (reason: string): never =>
      failErrutil(
        400,
        'alerting.notifications.routes.invalidFormat',
        `Invalid format of the submitted route: ${reason}. Correct the payload and try again.`
      );
    const formatError = routeTreeError(tree);
    if (formatError) {
      invalidFormat(formatError);
    }
    this.assertRelaxedProvenance(this.policyProvenance, c.provenance);
    // definition.Route `ValidateReceivers` then `ValidateTimeIntervals` (alerting definition id 54487664935)
    const names = this.receiverNames();
    for (const receiver of receiversIn(tree)) {
      if (!names.has(receiver)) {
        invalidFormat(`receiver '${receiver}' does not exist`);
      }
    }
    walkRoutes(tree, (r) => {
      for (const [key, label] of [
        ['mute_time_intervals', 'mute time interval'],
        ['active_time_intervals', 'active time interval'],
      ]) {
        for (const name of (r[key] as string[] | undefined) ?? []) {
          if (!this.muteTimings.has(name)) {
            invalidFormat(`${label} '${name}' does not exist`);
          }
        }
      }
    });
    this.policyTree = tree;
    this.policyProvenance = c.provenance;
    return { status: 202, body: { message: 'policies updated' } };
  }

  /**
   * RouteResetPolicyTree → `ResetPolicyTree`: the default route. main passes the request's
   * provenance (relaxed check, 403) and re-creates grafana-default-email if it was deleted; the
   * 11.x/12.x handler (api_provisioning.go@003dc776) does neither.
   */
  private resetPolicies(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.writeNotifications);
    if (this.behaviour.policyResetChecksProvenance) {
      this.assertRelaxedProvenance(this.policyProvenance, c.provenance);
      if (![...this.contactPoints.values()].some((cp) => cp.name === DEFAULT_RECEIVER)) {
        const cp = defaultContactPoint();
        this.contactPoints.set(cp.uid, cp);
      }
    }
    this.policyTree = defaultPolicyTree();
    this.policyProvenance = '';
    return { status: 202, body: clone(this.policyTree) };
  }

  // ---------------------------------------------------------------- mute timings

  /**
   * `MuteTimeInterval` JSON (definitions id 12460183): `version` (fingerprint of the interval,
   * `calculateMuteTimeIntervalFingerprint`) and `provenance` omitempty.
   */
  private muteTimingBody(mt: StoredMuteTiming): Json {
    const body: Json = { name: mt.name, time_intervals: clone(mt.time_intervals), version: muteTimingVersion(mt) };
    if (mt.provenance) {
      body.provenance = mt.provenance;
    }
    return body;
  }

  private muteTimingOr404(name: string): StoredMuteTiming {
    return this.muteTimings.get(name) ?? failErrutil(404, 'alerting.notifications.time-intervals.notFound');
  }

  private listMuteTimings(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.readNotifications);
    const list = [...this.muteTimings.values()].sort((a, b) => cmp(a.name, b.name));
    return { status: 200, body: list.map((mt) => this.muteTimingBody(mt)) };
  }

  private getMuteTiming(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.readNotifications);
    return { status: 200, body: this.muteTimingBody(this.muteTimingOr404(c.params[0])) };
  }

  /** `CreateMuteTiming` (mute_timings.go id 2015207384): Validate → 400, name taken → ErrTimeIntervalExists 400. 201. */
  private createMuteTiming(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.writeNotifications);
    const mt = validateMuteTiming(c.body, undefined);
    if (this.muteTimings.has(mt.name)) {
      failErrutil(
        400,
        'alerting.notifications.time-intervals.nameExists',
        'Time interval with this name already exists. Use a different name or update existing one.'
      );
    }
    const stored = { ...mt, provenance: c.provenance };
    this.muteTimings.set(mt.name, stored);
    return { status: 201, body: this.muteTimingBody(stored) };
  }

  /**
   * RoutePutMuteTiming → `UpdateMuteTiming` (api_provisioning.go@003dc77; mute_timings.go id
   * 2015207384): the body name falls back to the path; a body name other than the path makes the
   * path the timing's UID (`legacy_storage.NameToUid`, base64url of the name, id 4096925205), so a
   * rename is `PUT /mute-timings/<uid of the old name>` and a plain old name there is 404. Then the
   * new name taken → 400, relaxed provenance → 403, a non-empty stale `version` → 409
   * ErrVersionConflict; a rename renames the references (`renameTimeIntervalInDependentResources`). 202.
   */
  private updateMuteTiming(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.writeNotifications);
    const path = c.params[0];
    const mt = validateMuteTiming(c.body, path);
    const existing =
      mt.name === path
        ? this.muteTimingOr404(path)
        : (this.muteTimingByUid(path) ?? failErrutil(404, 'alerting.notifications.time-intervals.notFound'));
    const name = existing.name;
    if (mt.name !== name && this.muteTimings.has(mt.name)) {
      failErrutil(
        400,
        'alerting.notifications.time-intervals.nameExists',
        'Time interval with this name already exists. Use a different name or update existing one.'
      );
    }
    this.assertRelaxedProvenance(existing.provenance, c.provenance);
    const version = isObject(c.body) && typeof c.body.version === 'string' ? c.body.version : '';
    const current = muteTimingVersion(existing);
    if (version !== '' && version !== current) {
      failErrutil(
        409,
        'alerting.notifications.conflict',
        `provided version ${version} of time interval ${name} does not match current version ${current}`
      );
    }
    if (mt.name !== name) {
      this.renameTimeInterval(name, mt.name, c.provenance);
      this.muteTimings.delete(name);
    }
    const stored = { ...mt, provenance: c.provenance };
    this.muteTimings.set(mt.name, stored);
    return { status: 202, body: this.muteTimingBody(stored) };
  }

  /** `getMuteTimingByUID` / `findByUID`: the timing whose NameToUid (base64url of the name) is `uid`. */
  private muteTimingByUid(uid: string): StoredMuteTiming | undefined {
    return [...this.muteTimings.values()].find((m) => nameToUid(m.name) === uid);
  }

  private renameTimeInterval(from: string, to: string, provenance: Provenance): void {
    const routesUse = timeIntervalsIn(this.policyTree).has(from);
    const usesIt = (ns: Json | undefined) =>
      !!ns &&
      ['mute_time_intervals', 'active_time_intervals'].some(
        (k) => Array.isArray(ns[k]) && (ns[k] as string[]).includes(from)
      );
    const rules = [...this.rules.values()].filter((r) => usesIt(notificationSettings(r)));
    const routesBlocked = routesUse && this.policyProvenance !== '' && this.policyProvenance !== provenance;
    const rulesBlocked = rules.some((r) => r.provenance !== '' && r.provenance !== provenance);
    if (routesBlocked || rulesBlocked) {
      const what = [rulesBlocked ? 'alert rules' : '', routesBlocked ? 'notification policies' : '']
        .filter(Boolean)
        .join(' and ');
      failErrutil(
        409,
        'alerting.notifications.time-intervals.usedProvisioned',
        `Time interval cannot be renamed because it is used by provisioned ${what}. You must update those resources first using the original provision method.`
      );
    }
    const rename = (holder: Json) => {
      for (const key of ['mute_time_intervals', 'active_time_intervals']) {
        if (Array.isArray(holder[key])) {
          holder[key] = (holder[key] as string[]).map((n) => (n === from ? to : n));
        }
      }
    };
    walkRoutes(this.policyTree, rename);
    rules.forEach((r) => rename(notificationSettings(r)!));
  }

  /**
   * RouteDeleteMuteTiming → `DeleteMuteTiming`: missing → 204; relaxed provenance (403), then used
   * by a route → ErrTimeIntervalInUse 409, then `?version=` (409), then used by rules (409). 204.
   */
  private deleteMuteTiming(c: RequestContext): DoubleResponse {
    requirePermission(c.user, can.writeNotifications);
    // getMuteTiming: by name, then by UID.
    const existing = this.muteTimings.get(c.params[0]) ?? this.muteTimingByUid(c.params[0]);
    if (existing) {
      const name = existing.name;
      this.assertRelaxedProvenance(existing.provenance, c.provenance);
      const usedByRules = [...this.rules.values()]
        .filter((r) => {
          const ns = notificationSettings(r);
          return (
            !!ns &&
            ['mute_time_intervals', 'active_time_intervals'].some(
              (k) => Array.isArray(ns[k]) && (ns[k] as string[]).includes(name)
            )
          );
        })
        .map((r) => r.uid);
      // MakeErrTimeIntervalInUse (provisioning/errors.go id 8879608794): no public message, so
      // "Conflict", with UsedByRoutes / UsedByRules in `extra`.
      const rulesExtra = usedByRules.length > 0 ? { UsedByRules: usedByRules } : {};
      if (timeIntervalsIn(this.policyTree).has(name)) {
        failErrutil(409, 'alerting.notifications.time-intervals.used', undefined, {
          ...rulesExtra,
          UsedByRoutes: true,
        });
      }
      const version = c.query.get('version') ?? '';
      if (version !== '' && version !== muteTimingVersion(existing)) {
        failErrutil(409, 'alerting.notifications.conflict');
      }
      if (usedByRules.length > 0) {
        failErrutil(409, 'alerting.notifications.time-intervals.used', undefined, rulesExtra);
      }
      this.muteTimings.delete(name);
    }
    return { status: 204 };
  }

  // ---------------------------------------------------------------- rule state, Prometheus-shaped

  /** `folder.Fullpath`: the titles from the root down, joined with "/". */
  private folderFullPath(uid: string): string {
    const titles: string[] = [];
    for (
      let folder = this.folders.get(uid);
      folder;
      folder = folder.parentUid ? this.folders.get(folder.parentUid) : undefined
    ) {
      titles.unshift(folder.title);
    }
    return titles.join('/');
  }

  /**
   * `GET /api/prometheus/grafana/api/v1/rules`: pkg/services/ngalert/api/prometheus/api_prometheus.go
   * `RouteGetRuleStatuses` → `PrepareRuleGroupStatusesV2`, `getGroupedRules` (groups sorted by folder
   * path, then group name; rules by group index), `toRuleGroup` (file = folder full path, interval in
   * seconds, state "inactive" without alert instances), `ruleToQuery` (every data query's `expr`
   * joined with " | "; the data JSON when none has one), `extractDatasourceUIDs` (expression
   * datasources `__expr__`/-100 left out), `RuleStatusMutatorGenerator` (a rule without scheduler
   * status: health "ok", zero evaluation time). Route permission alert.rules:read (authorization.go).
   * Not modelled: alert instances and their totals, filters and pagination parameters, per-folder access.
   */
  private grafanaRuleStatuses(c: RequestContext): DoubleResponse {
    requirePermission(c.user, 'alert.rules:read');
    const groups = new Map<string, StoredRule[]>();
    for (const rule of this.rules.values()) {
      const key = `${rule.folderUID}\u0000${rule.ruleGroup}`;
      groups.set(key, [...(groups.get(key) ?? []), rule]);
    }
    const body = [...groups.values()]
      .map((rules) => ({ rules, file: this.folderFullPath(rules[0].folderUID) }))
      .sort((a, b) => a.file.localeCompare(b.file) || a.rules[0].ruleGroup.localeCompare(b.rules[0].ruleGroup))
      .map(({ rules, file }) => {
        const statusRules = rules.map((rule) => this.ruleStatusBody(rule));
        const last = statusRules[statusRules.length - 1];
        return {
          name: rules[0].ruleGroup,
          file,
          folderUid: rules[0].folderUID,
          rules: statusRules,
          interval: this.groupIntervals.get(`${rules[0].folderUID}/${rules[0].ruleGroup}`) ?? 60,
          lastEvaluation: last.lastEvaluation,
          evaluationTime: last.evaluationTime,
        };
      });
    return { status: 200, body: { status: 'success', data: { groups: body, totals: {} } } };
  }

  private ruleStatusBody(rule: StoredRule): Json {
    const data = (Array.isArray(rule.data) ? rule.data : []) as Array<{ datasourceUid?: string; model?: Json }>;
    const exprs = data.map((q) => q.model?.expr).filter((e): e is string => typeof e === 'string');
    const status = this.ruleStatuses.get(rule.uid);
    const forMs = typeof rule.for === 'string' ? parseDurationMs(rule.for) : undefined;
    return {
      state: 'inactive',
      name: rule.title,
      query: exprs.length > 0 ? exprs.join(' | ') : JSON.stringify(data),
      ...(this.behaviour.ruleStatusDatasourceUids
        ? {
            queriedDatasourceUIDs: data
              .map((q) => q.datasourceUid ?? '')
              .filter((uid) => uid !== '__expr__' && uid !== '-100'),
          }
        : {}),
      ...(forMs ? { duration: forMs / 1000 } : {}),
      annotations: rule.annotations ?? {},
      uid: rule.uid,
      folderUid: rule.folderUID,
      labels: rule.labels ?? {},
      health: status?.health ?? 'ok',
      ...(status?.lastError ? { lastError: status.lastError } : {}),
      type: isObject(rule.record) ? 'recording' : 'alerting',
      lastEvaluation: status ? status.lastEvaluation.toISOString() : '0001-01-01T00:00:00Z',
      evaluationTime: status?.evaluationSeconds ?? 0,
      isPaused: rule.isPaused === true,
    };
  }

  /**
   * `GET /api/prometheus/<uid>/api/v1/rules`: pkg/services/ngalert/api/lotex_prom.go
   * `RouteGetRuleStatuses`/`getEndpoints`: the datasource by uid (its error → 500), an empty URL →
   * 500 "URL for this data source is empty", a type other than Prometheus or Loki → 500
   * "unexpected datasource type. expecting loki or prometheus"; else the datasource's
   * `/api/v1/rules` (Loki: `/prometheus/api/v1/rules`) answered through. Here it really is fetched
   * from the stored URL (the test stack's Prometheus). Permission alert.rules.external:read.
   */
  private async datasourceRuleStatuses(c: RequestContext): Promise<DoubleResponse> {
    requirePermission(c.user, 'alert.rules.external:read');
    const ds = this.datasources.get(c.params[0]) ?? fail(500, 'data source not found');
    const url = typeof ds.url === 'string' ? ds.url.replace(/\/+$/, '') : '';
    if (url === '') {
      fail(500, 'URL for this data source is empty');
    }
    const path =
      ds.type === 'prometheus' ? '/api/v1/rules' : ds.type === 'loki' ? '/prometheus/api/v1/rules' : undefined;
    if (!path) {
      fail(500, 'unexpected datasource type. expecting loki or prometheus');
    }
    const response = await fetch(`${url}${path}`);
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) };
    } catch {
      return { status: response.status, body: text };
    }
  }

  // ---------------------------------------------------------------- datasources

  private datasourceBody(ds: StoredDatasource): Json {
    const secrets = this.dsSecrets.get(ds.uid) ?? {};
    return {
      ...clone(ds),
      readOnly: ds.readOnly === true,
      secureJsonFields: Object.fromEntries(
        Object.entries(secrets)
          .filter(([, v]) => v !== '')
          .map(([k]) => [k, true])
      ),
    };
  }

  private listDatasources(c: RequestContext): DoubleResponse {
    requirePermission(c.user, 'datasources:read');
    return { status: 200, body: [...this.datasources.values()].map(clone) };
  }

  /** pkg/api/datasources.go `GetDataSourceByUID`: 404 "Data source not found"; secureJsonFields. */
  private getDatasource(c: RequestContext): DoubleResponse {
    requirePermission(c.user, 'datasources:read');
    const ds = this.datasources.get(c.params[0]) ?? fail(404, 'Data source not found');
    return { status: 200, body: this.datasourceBody(ds) };
  }

  /** `AddDataSource`: duplicate name or uid → 409 with the store's error text; 200 {message, id, name, datasource}. */
  private createDatasource(c: RequestContext): DoubleResponse {
    requirePermission(c.user, 'datasources:create');
    const body = isObject(c.body) ? c.body : fail(400, 'bad request data');
    if (typeof body.name !== 'string' || body.name === '' || typeof body.type !== 'string') {
      fail(400, 'bad request data');
    }
    if ([...this.datasources.values()].some((d) => d.name === body.name)) {
      fail(409, 'data source with the same name already exists');
    }
    const uid = typeof body.uid === 'string' && body.uid !== '' ? body.uid : `ds-${this.nextId}`;
    if (this.datasources.has(uid)) {
      fail(409, 'data source with the same uid already exists');
    }
    const { secureJsonData, ...plain } = body;
    const ds = {
      access: 'proxy',
      url: '',
      jsonData: {},
      ...plain,
      uid,
      id: this.nextId++,
      version: 1,
    } as unknown as StoredDatasource;
    this.datasources.set(uid, ds);
    this.dsSecrets.set(uid, isObject(secureJsonData) ? stringValues(secureJsonData) : {});
    const out = this.datasourceBody(ds);
    return { status: 200, body: { datasource: out, id: ds.id, message: 'Datasource added', name: ds.name } };
  }

  /**
   * `UpdateDataSource` (api + sqlstore ids 16917426/721768509): the row is rebuilt from the
   * command, not merged — jsonData replaced whole, booleans forced (`UseBool`: omitted → false),
   * `user` a MustCol; xorm skips other empty strings (kept). secureJsonData merged per key.
   * Read-only 403; stale version 409; name taken 409 "Failed to update datasource: …".
   */
  private updateDatasource(c: RequestContext): DoubleResponse {
    requirePermission(c.user, 'datasources:write');
    const existing = this.datasources.get(c.params[0]) ?? fail(404, 'Data source not found');
    if (existing.readOnly === true) {
      fail(403, 'Cannot update read-only data source');
    }
    const body = isObject(c.body) ? c.body : fail(400, 'bad request data');
    const storedVersion = typeof existing.version === 'number' ? existing.version : 1;
    if (typeof body.version === 'number' && body.version !== 0 && body.version < storedVersion) {
      fail(409, 'Datasource has already been updated by someone else. Please reload and try again');
    }
    const str = (key: string): string =>
      typeof body[key] === 'string' && body[key] !== '' ? (body[key] as string) : ((existing[key] as string) ?? '');
    const ds: StoredDatasource = {
      id: existing.id,
      uid: existing.uid,
      name: str('name'),
      type: str('type'),
      access: str('access'),
      url: str('url'),
      database: str('database'),
      basicAuthUser: str('basicAuthUser'),
      user: typeof body.user === 'string' ? body.user : '',
      isDefault: body.isDefault === true,
      basicAuth: body.basicAuth === true,
      withCredentials: body.withCredentials === true,
      readOnly: body.readOnly === true,
      jsonData: isObject(body.jsonData) ? body.jsonData : {},
      version: storedVersion + 1,
    };
    if ([...this.datasources.values()].some((d) => d.name === ds.name && d.uid !== ds.uid)) {
      fail(409, 'Failed to update datasource: data source with the same name already exists');
    }
    this.datasources.set(ds.uid, ds);
    if (isObject(body.secureJsonData)) {
      this.dsSecrets.set(ds.uid, { ...(this.dsSecrets.get(ds.uid) ?? {}), ...stringValues(body.secureJsonData) });
    }
    const out = this.datasourceBody(ds);
    return { status: 200, body: { datasource: out, id: ds.id, message: 'Datasource updated', name: ds.name } };
  }

  /** `DeleteDataSourceByUID`: 404 / read-only 403 / 200 {"message":"Data source deleted","id"}. */
  private deleteDatasource(c: RequestContext): DoubleResponse {
    requirePermission(c.user, 'datasources:delete');
    const ds = this.datasources.get(c.params[0]) ?? fail(404, 'Data source not found');
    if (ds.readOnly === true) {
      fail(403, 'Cannot delete read-only data source');
    }
    this.datasources.delete(ds.uid);
    this.dsSecrets.delete(ds.uid);
    return { status: 200, body: { message: 'Data source deleted', id: ds.id } };
  }

  // ---------------------------------------------------------------- app plugin settings

  /**
   * pkg/api/plugins.go `GetPluginSettingByID`: apps need `plugins.app:access` (403 "Access Denied");
   * without a settings row enabled = pinned = autoEnabled; secureJsonFields only for non-empty values.
   */
  private getPluginSettings(c: RequestContext): DoubleResponse {
    const plugin = this.plugins.get(c.params[0]) ?? fail(404, 'Plugin not found, no installed plugin with that id');
    if (!has(c.user, 'plugins.app:access')) {
      fail(403, 'Access Denied');
    }
    const row = plugin.hasSettingsRow !== false;
    return {
      status: 200,
      body: {
        id: plugin.id,
        type: 'app',
        enabled: row ? plugin.enabled : plugin.autoEnabled === true,
        pinned: row ? plugin.pinned : plugin.autoEnabled === true,
        autoEnabled: plugin.autoEnabled === true,
        jsonData: clone(plugin.jsonData),
        secureJsonFields: Object.fromEntries(
          Object.entries(plugin.secureJsonData)
            .filter(([, v]) => v !== '')
            .map(([k]) => [k, true])
        ),
        ...(plugin.version ? { info: { version: plugin.version } } : {}),
      },
    };
  }

  /**
   * `UpdatePluginSetting` (plugins.go + pluginsettings store, identical in every version read):
   * enabled, pinned, jsonData replaced (left out → false/false/null); secureJsonData merged per key
   * ("" stores an empty value, which GET hides). 404 "Plugin not installed"; main refuses to
   * disable an autoEnabled app (400). A change of `enabled` imports (enable) or deletes (disable)
   * the app's dashboards (PluginStateChangedEvent → DashboardUpdater). 200.
   */
  private postPluginSettings(c: RequestContext): DoubleResponse {
    requirePermission(c.user, 'plugins:write');
    const plugin = this.plugins.get(c.params[0]) ?? fail(404, 'Plugin not installed');
    const body = isObject(c.body) ? c.body : fail(400, 'bad request data');
    const enabled = body.enabled === true;
    if (this.behaviour.cannotDisableAutoEnabledApp && plugin.autoEnabled === true && !enabled) {
      fail(400, 'Cannot disable auto-enabled plugin');
    }
    const wasEnabled = plugin.hasSettingsRow !== false ? plugin.enabled : false;
    plugin.enabled = enabled;
    plugin.pinned = body.pinned === true;
    plugin.jsonData = isObject(body.jsonData) ? body.jsonData : null;
    plugin.hasSettingsRow = true;
    if (isObject(body.secureJsonData)) {
      for (const [key, value] of Object.entries(body.secureJsonData)) {
        plugin.secureJsonData[key] = value === null || value === undefined ? '' : String(value);
      }
    }
    if (enabled !== wasEnabled) {
      if (enabled) {
        for (const file of this.pluginDashboards.get(plugin.id) ?? []) {
          this.storeDashboard({
            uid: file.uid,
            title: file.title,
            pluginId: plugin.id,
            revision: file.revision ?? 1,
            folderUid: '',
          });
        }
      } else {
        for (const d of [...this.dashboards.values()]) {
          if (d.pluginId === plugin.id) {
            this.dashboards.delete(d.uid);
          }
        }
      }
    }
    return { status: 200, body: { message: 'Plugin settings updated' } };
  }

  // ---------------------------------------------------------------- plugin dashboards

  private storeDashboard(d: {
    uid: string;
    title: string;
    pluginId: string;
    revision: number;
    folderUid: string;
  }): StoredDashboard {
    const existing = this.dashboards.get(d.uid);
    const stored: StoredDashboard = {
      ...d,
      slug: slugify(d.title),
      id: existing?.id ?? this.nextId++,
      version: (existing?.version ?? 0) + 1,
    };
    this.dashboards.set(d.uid, stored);
    return stored;
  }

  /**
   * `ListPluginDashboards` (plugindashboards/service/service.go ids 96845076/3249373094): files
   * matched to stored dashboards of that plugin **by slug**; `revision` defaults to 1; unmatched
   * stored ones are appended as `removed`. Route needs reqOrgAdmin, then a usable app (checkAppEnabled, 10.3+).
   */
  private listPluginDashboards(c: RequestContext): DoubleResponse {
    if (c.user.role !== 'Admin') {
      fail(403, 'Permission denied');
    }
    const pluginId = c.params[0];
    if (this.behaviour.pluginDashboardsNeedEnabledApp) {
      // checkAppEnabled (plugin_checks.go id 2710169424; the autoEnabled exception is PR #93436)
      const plugin = this.plugins.get(pluginId) ?? fail(404, 'Plugin not found');
      if (plugin.hasSettingsRow === false && plugin.autoEnabled !== true) {
        fail(404, 'Plugin setting not found');
      }
      if (plugin.hasSettingsRow !== false && !plugin.enabled) {
        fail(404, 'Plugin is not enabled');
      }
    }
    if (!this.plugins.has(pluginId) && !this.pluginDashboards.has(pluginId)) {
      fail(404, 'Plugin not found, no installed plugin with that id');
    }
    const stored = [...this.dashboards.values()].filter((d) => d.pluginId === pluginId);
    const matched = new Set<string>();
    const list: Json[] = (this.pluginDashboards.get(pluginId) ?? []).map((file) => {
      const slug = slugify(file.title);
      const match = stored.find((d) => d.slug === slug);
      if (match) {
        matched.add(match.uid);
      }
      return {
        uid: match?.uid ?? file.uid,
        pluginId,
        title: file.title,
        imported: !!match,
        importedUri: match ? `db/${slug}` : '',
        importedUrl: match ? `/d/${match.uid}/${slug}` : '',
        slug,
        dashboardId: match?.id ?? 0,
        folderId: 0,
        importedRevision: match?.revision ?? 0,
        revision: file.revision ?? 1,
        description: '',
        path: file.path,
        removed: false,
      };
    });
    for (const d of stored) {
      if (!matched.has(d.uid)) {
        list.push({
          uid: d.uid,
          pluginId: '',
          title: '',
          imported: false,
          slug: d.slug,
          dashboardId: d.id,
          removed: true,
          path: '',
          revision: 0,
          importedRevision: 0,
        });
      }
    }
    return { status: 200, body: list };
  }

  /**
   * POST /api/dashboards/import (dashboardimport/api/api.go id 21765710189, service id 974322783):
   * `dashboards:create`; 422 "Dashboard must be set" without pluginId and dashboard; folderUid
   * resolved (404). A uid that exists goes through the dashboard service's
   * `ValidateDashboardBeforeSave` (service/dashboard_service.go, ids 1185293407, 38812003 and the
   * newest 22905854 — the same in each): without `overwrite`, the JSON's `version` (0 when absent,
   * `NewDashboardFromJson`) other than the stored one → ErrDashboardVersionMismatch, 412
   * `{status:'version-mismatch'}`; an equal version over a plugin's dashboard →
   * UpdatePluginDashboardError, 412 `{status:'plugin-dashboard'}` (apierrors/dashboard.go
   * `ToDashboardErrorResponse`, ids 54088901210/3741837773); an equal version otherwise saves.
   * With `overwrite` it always saves. No title check: titles are not unique since 11.3 (PR #90687).
   * 200 with `revision` = `importedRevision` = the JSON's revision, 0 when it has none.
   */
  private importDashboard(c: RequestContext): DoubleResponse {
    requirePermission(c.user, 'dashboards:create');
    const body = isObject(c.body) ? c.body : fail(400, 'bad request data');
    const pluginId = typeof body.pluginId === 'string' ? body.pluginId : '';
    if (pluginId === '' && !isObject(body.dashboard)) {
      fail(422, 'Dashboard must be set');
    }
    let json: { uid: string; title: string; revision: number | undefined; version: number };
    if (pluginId !== '') {
      if (!this.plugins.has(pluginId) && !this.pluginDashboards.has(pluginId)) {
        fail(404, 'Plugin not found, no installed plugin with that id');
      }
      const file =
        (this.pluginDashboards.get(pluginId) ?? []).find((f) => f.path === body.path) ??
        fail(404, 'Dashboard not found');
      json = { uid: file.uid, title: file.title, revision: file.revision, version: file.version ?? 0 };
    } else {
      const d = body.dashboard as Json;
      const hasUid = typeof d.uid === 'string' && d.uid !== '';
      json = {
        uid: hasUid ? (d.uid as string) : generateUid(this.nextId++, 'dash'),
        title: String(d.title ?? ''),
        revision: typeof d.revision === 'number' ? d.revision : undefined,
        // NewDashboardFromJson reads `version` only when the JSON has an id or a uid.
        version: hasUid && typeof d.version === 'number' ? d.version : 0,
      };
    }
    const folderUid =
      typeof body.folderUid === 'string' && body.folderUid !== '' ? this.folderOr404(body.folderUid).uid : '';
    const existing = this.dashboards.get(json.uid);
    if (existing && body.overwrite !== true) {
      if (json.version !== existing.version) {
        const message = 'The dashboard has been changed by someone else';
        throw new HttpError(412, message, { status: 'version-mismatch', message });
      }
      if (existing.pluginId !== '') {
        const message = `The dashboard belongs to plugin ${this.plugins.get(existing.pluginId)?.name ?? existing.pluginId}.`;
        throw new HttpError(412, message, { status: 'plugin-dashboard', message });
      }
    }
    // The stored JSON keeps no revision when it has none: the list reads it `MustInt64(1)`, the
    // import answer `MustInt64(0)` (dashboardimport service id 974322783).
    const stored = this.storeDashboard({
      uid: json.uid,
      title: json.title,
      revision: json.revision ?? 1,
      pluginId,
      folderUid,
    });
    const revision = json.revision ?? 0;
    return {
      status: 200,
      body: {
        uid: stored.uid,
        pluginId,
        title: stored.title,
        imported: true,
        importedUri: `db/${stored.slug}`,
        importedUrl: `/d/${stored.uid}/${stored.slug}`,
        slug: stored.slug,
        dashboardId: stored.id,
        folderId: 0,
        folderUid,
        importedRevision: revision,
        revision,
        description: '',
        path: typeof body.path === 'string' ? body.path : '',
        removed: false,
      },
    };
  }
}

// ---------------------------------------------------------------- helpers

/**
 * accesscontrol middleware `deny` (pkg/services/accesscontrol/middleware.go, ids 449153623/671078137):
 * an API caller gets 403 `{title: "Access denied", message, accessErrorId: "ACE" + 10 digits}`, the
 * message naming `evaluator.String()` (users.ts `describeEvaluator`).
 */
function requirePermission(user: DoubleUser, evaluator: Evaluator): void {
  if (!allows(user, evaluator)) {
    const message = `You'll need additional permissions to perform this action. Permissions needed: ${describeEvaluator(evaluator)}`;
    throw new HttpError(403, message, { title: 'Access denied', message, accessErrorId: 'ACE0000000000' });
  }
}

/**
 * `ErrAlertRuleGroupNotFound.Errorf("")`: errutil NotFound `alerting.alert-rule.notFound` without a
 * public message (models/errors.go id 738204864), so ErrOrFallback answers the status text.
 */
function ruleGroupNotFound(): never {
  failErrutil(404, 'alerting.alert-rule.notFound');
}

function emptyNotFound(): never {
  throw new HttpError(404, 'not found', null);
}

/** errProvenanceMismatch: errutil Conflict `alerting.provenanceMismatch` (alert_rules.go NEW-12x). */
function provenanceMismatch(
  status: 409,
  action: 'update' | 'delete',
  requested: Provenance,
  stored: Provenance
): never {
  failErrutil(
    status,
    'alerting.provenanceMismatch',
    `cannot ${action} with provided provenance '${requested}', needs '${stored}'`
  );
}

const TITLE_CONFLICT =
  'failed to save alert rules: a conflicting alert rule is found: rule title under the same organisation and folder should be unique';

/**
 * The JSON binding of a `ProvisionedAlertRule` (definitions/provisioning_alert_rules.go id
 * 100364969), which runs before any handler: model.Duration fields (a missing one is 0s, an
 * unparsable one fails), map[string]string labels/annotations, numeric relative time ranges.
 * A failure is 400 "bad request data". Returns the rule.
 */
function bindRule(rule: Json): Json {
  for (const field of ['for', 'keep_firing_for']) {
    const value = rule[field];
    if (value !== undefined && value !== null && (typeof value !== 'string' || parseDurationMs(value) === undefined)) {
      fail(400, 'bad request data');
    }
  }
  for (const field of ['labels', 'annotations']) {
    const value = rule[field];
    if (
      value !== undefined &&
      value !== null &&
      (!isObject(value) || Object.values(value).some((v) => typeof v !== 'string'))
    ) {
      fail(400, 'bad request data');
    }
  }
  for (const q of Array.isArray(rule.data) ? rule.data : []) {
    const range = isObject(q) ? (q.relativeTimeRange ?? { from: 0, to: 0 }) : undefined;
    if (!isObject(q) || !isObject(range) || typeof range.from !== 'number' || typeof range.to !== 'number') {
      fail(400, 'bad request data');
    }
  }
  return rule;
}

/** `models.PatchPartialAlertRule`: empty title, condition+data, noDataState, execErrState come from the stored rule. */
function patchPartialRule(rule: Json, stored: StoredRule): Json {
  const out = { ...rule };
  if (out.title === undefined || out.title === '') {
    out.title = stored.title;
  }
  if ((out.condition === undefined || out.condition === '') && (!Array.isArray(out.data) || out.data.length === 0)) {
    out.condition = stored.condition;
    out.data = clone(stored.data);
  }
  if (out.noDataState === undefined || out.noDataState === '') {
    out.noDataState = stored.noDataState;
  }
  if (out.execErrState === undefined || out.execErrState === '') {
    out.execErrState = stored.execErrState;
  }
  return out;
}

function notificationSettings(rule: StoredRule): Json | undefined {
  return isObject(rule.notification_settings) ? rule.notification_settings : undefined;
}

function splitGroupKey(key: string): [string, string] {
  const at = key.indexOf('/');
  return [key.slice(0, at), key.slice(at + 1)];
}

function generateUid(n: number, prefix = 'gen'): string {
  return `${prefix}-${n}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function stringValues(obj: Json): Record<string, string> {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
}

/** JSON with object keys sorted, so equal content compares equal whatever the key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(stableStringify).join(',')}]`;
  }
  if (isObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function lowerCaseKeys(headers: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) {
      out[key.toLowerCase()] = value;
    }
  }
  return out;
}

function defaultPolicyTree(): Json {
  return { receiver: DEFAULT_RECEIVER, group_by: ['grafana_folder', 'alertname'] };
}

/**
 * Grafana's default configuration (setting_unified_alerting.go, `alertmanagerDefaultConfiguration`):
 * the receiver `grafana-default-email` with one email integration named "email receiver", which is
 * the name the contact point list shows for it (Grafana issue #66087 shows such a list).
 */
function defaultContactPoint(): StoredContactPoint {
  return {
    uid: 'default-email',
    name: DEFAULT_RECEIVER,
    integrationName: 'email receiver',
    type: 'email',
    settings: { addresses: '<example@email.com>' },
    disableResolveMessage: false,
    provenance: '',
  };
}

/** `legacy_storage.NameToUid` (id 4096925205): base64.RawURLEncoding of the name. */
export function nameToUid(name: string): string {
  // btoa over UTF-8 bytes, not Buffer: the double also runs behind MSW in jsdom.
  const binary = String.fromCharCode(...new TextEncoder().encode(name));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A content fingerprint in the shape of `calculateMuteTimeIntervalFingerprint` (16 hex chars). */
export function muteTimingVersion(mt: { name: string; time_intervals: unknown[] }): string {
  return fnv64(stableStringify({ name: mt.name, time_intervals: mt.time_intervals }));
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * `MuteTimeInterval.Validate` = a YAML round-trip through Alertmanager's timeinterval types
 * (times HH:MM with start < end, weekday/month names or ranges, days_of_month ±1–31, years);
 * any failure → ErrTimeIntervalInvalid (400, one public message).
 */
function validateMuteTiming(body: unknown, pathName: string | undefined): Omit<StoredMuteTiming, 'provenance'> {
  const invalid = (): never =>
    failErrutil(
      400,
      'alerting.notifications.time-intervals.invalidFormat',
      'Time interval is in invalid format. Correct the payload and try again.'
    );
  const mt = isObject(body) ? body : fail(400, 'bad request data');
  // PUT: an empty body name means the path's name.
  const name = typeof mt.name === 'string' && mt.name !== '' ? mt.name : (pathName ?? '');
  if (name === '') {
    invalid();
  }
  const intervals = mt.time_intervals === undefined || mt.time_intervals === null ? [] : mt.time_intervals;
  if (!Array.isArray(intervals)) {
    return fail(400, 'bad request data');
  }
  const rangeOk = (items: unknown, parse: (s: string) => number | undefined, lo: number, hi: number) =>
    items === undefined ||
    (Array.isArray(items) &&
      items.every((item) => {
        const [a, b = a] = String(item).toLowerCase().split(':');
        const x = parse(a);
        const y = parse(b);
        return x !== undefined && y !== undefined && x >= lo && y <= hi && x <= y;
      }));
  const int = (s: string) => (/^-?\d+$/.test(s) ? Number(s) : undefined);
  for (const interval of intervals) {
    if (!isObject(interval)) {
      invalid();
    }
    const i = interval as Json;
    const times = i.times === undefined ? [] : i.times;
    if (!Array.isArray(times)) {
      invalid();
    }
    for (const t of times as unknown[]) {
      const ok =
        isObject(t) && isClock(t.start_time) && isClock(t.end_time) && String(t.start_time) < String(t.end_time);
      if (!ok) {
        invalid();
      }
    }
    const weekday = (s: string) => (WEEKDAYS.includes(s) ? WEEKDAYS.indexOf(s) : undefined);
    const month = (s: string) => (MONTHS.includes(s) ? MONTHS.indexOf(s) + 1 : int(s));
    const dayOk =
      i.days_of_month === undefined ||
      (Array.isArray(i.days_of_month) &&
        i.days_of_month.every((item) => {
          const [a, b = a] = String(item).split(':');
          return [int(a), int(b)].every((n) => n !== undefined && n !== 0 && n >= -31 && n <= 31);
        }));
    if (
      !rangeOk(i.weekdays, weekday, 0, 6) ||
      !rangeOk(i.months, month, 1, 12) ||
      !rangeOk(i.years, int, 1, 9999) ||
      !dayOk ||
      (i.location !== undefined && typeof i.location !== 'string')
    ) {
      invalid();
    }
  }
  return { name, time_intervals: intervals };
}

function isClock(value: unknown): boolean {
  return typeof value === 'string' && /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/.test(value);
}
