import { formatDurationMs, parseDurationMs } from './durations';
import { can, DEFAULT_USERS, has, USER_HEADER, type DoubleUser } from './users';

/*
 * An in-memory Grafana for the parts of the HTTP API the plugin uses, reproducing
 * /work/shared/reference/grafana-api.md (status codes, provenance lock-in, permissions, group PUT
 * deleting omitted rules, the policy tree replaced whole). Framework-free: `handle(request)` takes
 * a method, URL, headers and a parsed JSON body and answers a status and a JSON body. Adapters
 * (msw.ts, http-server.ts, fetch.ts) put it behind MSW, a real socket or a fetch function.
 *
 * Beyond the spec, it does what a real Grafana does that a client could trip over: it adds
 * `intervalMs`/`maxDataPoints` to query models and `queryType` to queries on save (AlertQuery
 * PreSave), prints durations canonically, stamps `id`/`updated`/`provenance`, and redacts contact
 * point secrets on read.
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

export type Provenance = '' | 'api' | 'file';

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
}

export interface StoredContactPoint {
  uid: string;
  name: string;
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
  jsonData: Json;
  secureJsonData: Record<string, string>;
}

export interface GrafanaDoubleOptions {
  /** Login of the user requests run as when they carry no user header (default `admin`). */
  currentUser?: string;
  users?: Record<string, DoubleUser>;
  /** Scheduler base interval (10 s by default in Grafana). */
  baseIntervalSeconds?: number;
  /** Clock for `updated` stamps, so tests can be deterministic. */
  now?: () => Date;
}

/** The value Grafana's provisioning API shows in place of a stored secret. */
export const REDACTED = '[REDACTED]';

/** Settings Grafana stores encrypted, per integration type: never returned, only `[REDACTED]`. */
export const SECURE_SETTINGS: Record<string, readonly string[]> = {
  email: [],
  webhook: ['password', 'authorization_credentials'],
  slack: ['url', 'token'],
  teams: ['url'],
  pagerduty: ['integrationKey'],
};

const REQUIRED_SETTINGS: Record<string, Array<string | string[]>> = {
  email: ['addresses'],
  webhook: ['url'],
  // either an incoming webhook URL, or a bot token and a channel
  slack: [['url', 'token']],
  teams: ['url'],
  pagerduty: ['integrationKey'],
};

const DEFAULT_RECEIVER = 'grafana-default-email';
const MAX_TITLE = 190;
const UID_PATTERN = /^[a-zA-Z0-9_-]{1,40}$/;
const DEFAULT_MAX_DATA_POINTS = 43200;
const DEFAULT_INTERVAL_MS = 1000;
const EXPRESSION_DATASOURCE = '__expr__';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

function fail(status: number, message: string): never {
  throw new HttpError(status, message);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

type Handler = (ctx: RequestContext) => DoubleResponse;

interface RequestContext {
  method: string;
  params: string[];
  query: URLSearchParams;
  body: unknown;
  user: DoubleUser;
  /** Provenance a write gets: `api` unless X-Disable-Provenance is sent (any value). */
  provenance: Provenance;
}

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

export class GrafanaDouble {
  readonly folders = new Map<string, StoredFolder>();
  readonly rules = new Map<string, StoredRule>();
  /** `folderUid/group` → interval seconds, for groups that hold rules. */
  readonly groupIntervals = new Map<string, number>();
  readonly contactPoints = new Map<string, StoredContactPoint>();
  readonly muteTimings = new Map<string, StoredMuteTiming>();
  readonly datasources = new Map<string, StoredDatasource>();
  readonly plugins = new Map<string, StoredPluginSettings>();
  policyTree: Json;
  policyProvenance: Provenance = '';
  readonly users: Record<string, DoubleUser>;
  currentUser: string;
  /** Every write request received, answered or not, in order. */
  readonly writeLog: WriteLogEntry[] = [];

  private faults: WriteFault[] = [];
  private readonly hangs = new Set<() => void>();
  private nextId = 1;
  private readonly baseInterval: number;
  private readonly now: () => Date;
  private readonly routes: Route[];

  constructor(options: GrafanaDoubleOptions = {}) {
    this.users = { ...DEFAULT_USERS, ...options.users };
    this.currentUser = options.currentUser ?? 'admin';
    this.baseInterval = options.baseIntervalSeconds ?? 10;
    this.now = options.now ?? (() => new Date());
    this.contactPoints.set('default-email', {
      uid: 'default-email',
      name: DEFAULT_RECEIVER,
      type: 'email',
      settings: { addresses: '<example@email.com>' },
      disableResolveMessage: false,
      provenance: '',
    });
    this.policyTree = defaultPolicyTree();
    this.routes = this.buildRoutes();
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

  addDatasource(ds: { uid: string; name: string; type?: string; url?: string }): StoredDatasource {
    const stored: StoredDatasource = {
      access: 'proxy',
      url: '',
      jsonData: {},
      ...ds,
      type: ds.type ?? 'prometheus',
      id: this.nextId++,
    };
    this.datasources.set(ds.uid, stored);
    return stored;
  }

  addPlugin(id: string, settings: Partial<Omit<StoredPluginSettings, 'id'>> = {}): void {
    this.plugins.set(id, { id, enabled: false, pinned: false, jsonData: {}, secureJsonData: {}, ...settings });
  }

  /** Rules in a group, in the order Grafana keeps them. */
  groupRules(folderUid: string, group: string): StoredRule[] {
    return [...this.rules.values()].filter((r) => r.folderUID === folderUid && r.ruleGroup === group);
  }

  // ---------------------------------------------------------------- entry point

  async handle(request: DoubleRequest): Promise<DoubleResponse> {
    const url = new URL(request.url, 'http://grafana.double');
    const method = request.method.toUpperCase();
    const headers = lowerCaseKeys(request.headers ?? {});
    const login = headers[USER_HEADER] ?? this.currentUser;
    const user = this.users[login];
    if (!user) {
      return { status: 401, body: { message: 'Unauthorized' } };
    }
    const provenanceDisabled = headers['x-disable-provenance'] !== undefined;
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
        this.route(method, url, request.body, user, provenanceDisabled ? '' : 'api');
      }
      return this.hang(request.signal);
    }
    const response = this.route(method, url, request.body, user, provenanceDisabled ? '' : 'api');
    if (entry) {
      entry.status = response.status;
    }
    return response;
  }

  private hang(signal?: AbortSignal): Promise<DoubleResponse> {
    return new Promise((resolve, reject) => {
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

  private route(method: string, url: URL, body: unknown, user: DoubleUser, provenance: Provenance): DoubleResponse {
    const path = url.pathname.replace(/\/+$/, '');
    for (const r of this.routes) {
      if (r.method !== method) {
        continue;
      }
      const match = r.pattern.exec(path);
      if (!match) {
        continue;
      }
      try {
        return r.handler({
          method,
          params: match.slice(1).map(decodeURIComponent),
          query: url.searchParams,
          body: clone(body),
          user,
          provenance,
        });
      } catch (err) {
        if (err instanceof HttpError) {
          return { status: err.status, body: { message: err.message } };
        }
        return { status: 500, body: { message: `double: ${String(err)}` } };
      }
    }
    return { status: 404, body: { message: 'Not found' } };
  }

  private buildRoutes(): Route[] {
    const P = '/api/v1/provisioning';
    const seg = '([^/]+)';
    const routes: Array<[string, string, Handler]> = [
      ['GET', `/api/folders/${seg}`, (c) => this.getFolder(c)],
      ['POST', '/api/folders', (c) => this.createFolder(c)],
      ['DELETE', `/api/folders/${seg}`, (c) => this.deleteFolder(c)],

      ['GET', `${P}/alert-rules`, (c) => this.listRules(c)],
      ['GET', `${P}/alert-rules/export`, (c) => this.exportRules(c)],
      ['GET', `${P}/alert-rules/${seg}`, (c) => this.getRule(c)],
      ['POST', `${P}/alert-rules`, (c) => this.createRule(c)],
      ['PUT', `${P}/alert-rules/${seg}`, (c) => this.updateRule(c)],
      ['DELETE', `${P}/alert-rules/${seg}`, (c) => this.deleteRule(c)],
      ['GET', `${P}/folder/${seg}/rule-groups/${seg}`, (c) => this.getGroup(c)],
      ['PUT', `${P}/folder/${seg}/rule-groups/${seg}`, (c) => this.putGroup(c)],

      ['GET', `${P}/contact-points`, (c) => this.listContactPoints(c)],
      ['POST', `${P}/contact-points`, (c) => this.createContactPoint(c)],
      ['PUT', `${P}/contact-points/${seg}`, (c) => this.updateContactPoint(c)],
      ['DELETE', `${P}/contact-points/${seg}`, (c) => this.deleteContactPoint(c)],

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
    ];
    return routes.map(([method, pattern, handler]) => ({ method, pattern: new RegExp(`^${pattern}$`), handler }));
  }

  // ---------------------------------------------------------------- folders

  private getFolder(c: RequestContext): DoubleResponse {
    requirePermission(has(c.user, 'folders:read'), 'folders:read');
    const folder = this.folders.get(c.params[0]) ?? fail(404, 'folder not found');
    return { status: 200, body: clone(folder) };
  }

  private createFolder(c: RequestContext): DoubleResponse {
    requirePermission(has(c.user, 'folders:create'), 'folders:create');
    const body = isObject(c.body) ? c.body : fail(400, 'bad request data');
    const title = typeof body.title === 'string' ? body.title.trim() : '';
    if (!title) {
      fail(400, 'folder title cannot be empty');
    }
    const uid = typeof body.uid === 'string' && body.uid !== '' ? body.uid : `folder-${this.nextId}`;
    if (!UID_PATTERN.test(uid)) {
      fail(400, 'uid contains illegal characters or is too long (max 40)');
    }
    if (this.folders.has(uid)) {
      fail(409, 'a folder with the same uid already exists');
    }
    const folder: StoredFolder = { id: this.nextId++, uid, title, version: 1 };
    if (typeof body.parentUid === 'string' && body.parentUid !== '') {
      folder.parentUid = body.parentUid;
    }
    this.folders.set(uid, folder);
    return { status: 200, body: clone(folder) };
  }

  private deleteFolder(c: RequestContext): DoubleResponse {
    requirePermission(has(c.user, 'folders:delete'), 'folders:delete');
    const uid = c.params[0];
    if (!this.folders.has(uid)) {
      fail(404, 'folder not found');
    }
    if ([...this.rules.values()].some((r) => r.folderUID === uid)) {
      fail(400, 'folder cannot be deleted: it contains Grafana-managed alert rules');
    }
    this.folders.delete(uid);
    return { status: 200, body: { message: 'Folder deleted' } };
  }

  // ---------------------------------------------------------------- alert rules

  private listRules(c: RequestContext): DoubleResponse {
    requirePermission(can.readRules(c.user), 'alert.provisioning:read');
    return { status: 200, body: [...this.rules.values()].map(clone) };
  }

  private exportRules(c: RequestContext): DoubleResponse {
    requirePermission(can.readRules(c.user), 'alert.provisioning:read');
    const groups = new Map<string, StoredRule[]>();
    for (const rule of this.rules.values()) {
      const key = `${rule.folderUID}/${rule.ruleGroup}`;
      groups.set(key, [...(groups.get(key) ?? []), rule]);
    }
    return {
      status: 200,
      body: {
        apiVersion: 1,
        groups: [...groups.entries()].map(([key, rules]) => ({
          orgId: 1,
          name: rules[0].ruleGroup,
          folder: this.folders.get(rules[0].folderUID)?.title ?? rules[0].folderUID,
          interval: `${this.groupIntervals.get(key) ?? 60}s`,
          rules: rules.map(({ id, orgID, folderUID, ruleGroup, updated, provenance, ...rest }) => rest),
        })),
      },
    };
  }

  private getRule(c: RequestContext): DoubleResponse {
    requirePermission(can.readRules(c.user), 'alert.provisioning:read');
    const rule = this.rules.get(c.params[0]) ?? fail(404, 'rule not found');
    return { status: 200, body: clone(rule) };
  }

  private createRule(c: RequestContext): DoubleResponse {
    requirePermission(can.writeRules(c.user), 'alert.provisioning:write');
    const body = isObject(c.body) ? c.body : fail(400, 'invalid alert rule: bad request data');
    if (typeof body.uid === 'string' && this.rules.has(body.uid)) {
      fail(409, `a rule with uid '${body.uid}' already exists`);
    }
    const folderUID = String(body.folderUID ?? '');
    const ruleGroup = String(body.ruleGroup ?? '');
    const rule = this.validateRule(body, folderUID, ruleGroup);
    this.assertTitlesUnique(folderUID, [rule], new Set());
    const key = `${folderUID}/${ruleGroup}`;
    if (!this.groupIntervals.has(key)) {
      this.groupIntervals.set(key, 60);
    }
    const stored = this.store(rule, c.provenance, undefined);
    return { status: 201, body: clone(stored) };
  }

  private updateRule(c: RequestContext): DoubleResponse {
    requirePermission(can.writeRules(c.user), 'alert.provisioning:write');
    const existing = this.rules.get(c.params[0]) ?? fail(404, 'rule not found');
    const body = isObject(c.body) ? c.body : fail(400, 'invalid alert rule: bad request data');
    const rule = this.validateRule(
      { ...body, uid: existing.uid },
      String(body.folderUID ?? ''),
      String(body.ruleGroup ?? '')
    );
    assertProvenance(existing.provenance, c.provenance);
    this.assertTitlesUnique(rule.folderUID as string, [rule], new Set([existing.uid]));
    const stored = this.store(rule, c.provenance, existing);
    return { status: 200, body: clone(stored) };
  }

  private deleteRule(c: RequestContext): DoubleResponse {
    requirePermission(can.writeRules(c.user), 'alert.provisioning:write');
    const existing = this.rules.get(c.params[0]);
    if (existing) {
      assertProvenance(existing.provenance, c.provenance);
      this.rules.delete(existing.uid);
      this.forgetEmptyGroup(existing.folderUID, existing.ruleGroup);
    }
    return { status: 204 };
  }

  private getGroup(c: RequestContext): DoubleResponse {
    requirePermission(can.readRules(c.user), 'alert.provisioning:read');
    const [folderUid, group] = c.params;
    const rules = this.groupRules(folderUid, group);
    if (rules.length === 0) {
      fail(404, `no alert rule group '${group}' in folder '${folderUid}'`);
    }
    return {
      status: 200,
      body: {
        title: group,
        folderUid,
        interval: this.groupIntervals.get(`${folderUid}/${group}`),
        rules: rules.map(clone),
      },
    };
  }

  private putGroup(c: RequestContext): DoubleResponse {
    requirePermission(can.writeRules(c.user), 'alert.provisioning:write');
    const [folderUid, group] = c.params;
    const body = isObject(c.body) ? c.body : fail(400, 'invalid rule group: bad request data');
    if (!this.folders.has(folderUid)) {
      fail(400, `folder does not exist: ${folderUid}`);
    }
    const interval = body.interval;
    if (
      typeof interval !== 'number' ||
      !Number.isInteger(interval) ||
      interval <= 0 ||
      interval % this.baseInterval !== 0
    ) {
      fail(
        400,
        `rule evaluation interval (${String(interval)} second) should be positive number that is multiple of the base interval of ${this.baseInterval} seconds`
      );
    }
    const incoming = Array.isArray(body.rules) ? body.rules : fail(400, 'invalid rule group: rules must be a list');
    const validated = incoming.map((r) => {
      const rule = this.validateRule(isObject(r) ? r : {}, folderUid, group);
      if (rule.uid === undefined || rule.uid === '') {
        rule.uid = `gen-${this.nextId++}`;
      }
      return rule;
    });
    const uids = validated.map((r) => r.uid as string);
    if (new Set(uids).size !== uids.length) {
      fail(400, 'invalid rule group: a rule uid appears twice');
    }
    const titles = validated.map((r) => r.title as string);
    if (new Set(titles).size !== titles.length) {
      fail(400, 'invalid rule group: a rule title appears twice in the folder');
    }
    const current = this.groupRules(folderUid, group);
    const incomingUids = new Set(uids);
    const deleted = current.filter((r) => !incomingUids.has(r.uid));
    // Every rule the PUT touches (kept, changed, moved in or deleted) must allow the provenance.
    for (const rule of [...current, ...uids.map((u) => this.rules.get(u)).filter((r): r is StoredRule => !!r)]) {
      assertProvenance(rule.provenance, c.provenance);
    }
    this.assertTitlesUnique(folderUid, validated, new Set([...uids, ...deleted.map((r) => r.uid)]));
    for (const rule of deleted) {
      this.rules.delete(rule.uid);
    }
    const moved = new Set<string>();
    for (const rule of validated) {
      const existing = this.rules.get(rule.uid as string);
      if (existing && (existing.folderUID !== folderUid || existing.ruleGroup !== group)) {
        moved.add(`${existing.folderUID}/${existing.ruleGroup}`);
      }
      this.store(rule, c.provenance, existing);
    }
    for (const key of moved) {
      const [f, g] = key.split('/');
      this.forgetEmptyGroup(f, g);
    }
    if (validated.length > 0) {
      this.groupIntervals.set(`${folderUid}/${group}`, interval);
    } else {
      this.groupIntervals.delete(`${folderUid}/${group}`);
    }
    const rules = this.groupRules(folderUid, group);
    return { status: 200, body: { title: group, folderUid, interval, rules: rules.map(clone) } };
  }

  /** Checks a rule as Grafana's validator does; returns it with server-side defaults filled in. */
  private validateRule(body: Json, folderUID: string, ruleGroup: string): Json {
    const bad = (why: string): never => fail(400, `invalid alert rule: ${why}`);
    const title = body.title;
    if (typeof title !== 'string' || title.length < 1 || title.length > MAX_TITLE) {
      bad(`title must be 1–${MAX_TITLE} characters`);
    }
    if (ruleGroup.length < 1 || ruleGroup.length > MAX_TITLE) {
      bad(`rule group name must be 1–${MAX_TITLE} characters`);
    }
    if (!folderUID) {
      bad('folderUID is required');
    }
    if (!this.folders.has(folderUID)) {
      fail(400, `folder does not exist: ${folderUID}`);
    }
    if (body.uid !== undefined && (typeof body.uid !== 'string' || !UID_PATTERN.test(body.uid))) {
      bad('uid must be 1–40 letters, digits, "-" or "_"');
    }
    if (!['Alerting', 'NoData', 'OK'].includes(String(body.noDataState))) {
      bad(`noDataState '${String(body.noDataState)}' is not one of Alerting, NoData, OK`);
    }
    if (!['OK', 'Alerting', 'Error'].includes(String(body.execErrState))) {
      bad(`execErrState '${String(body.execErrState)}' is not one of OK, Alerting, Error`);
    }
    const forMs = typeof body.for === 'string' ? parseDurationMs(body.for) : undefined;
    if (forMs === undefined) {
      bad(`for '${String(body.for)}' is not a duration`);
    }
    const data = Array.isArray(body.data) ? body.data : bad('data is required');
    if (data.length === 0) {
      bad('no queries or expressions are found');
    }
    const refIds = new Set<string>();
    const queries = data.map((q) => {
      if (!isObject(q) || typeof q.refId !== 'string' || q.refId === '') {
        bad('every query needs a refId');
      }
      const query = q as Json;
      if (refIds.has(query.refId as string)) {
        bad(`refId ${String(query.refId)} is used twice`);
      }
      refIds.add(query.refId as string);
      const dsUid = query.datasourceUid;
      if (typeof dsUid !== 'string' || dsUid === '') {
        bad(`query ${String(query.refId)} has no datasourceUid`);
      }
      if (dsUid !== EXPRESSION_DATASOURCE && !this.datasources.has(dsUid as string)) {
        bad(`failed to build query '${String(query.refId)}': data source not found`);
      }
      const range = query.relativeTimeRange;
      if (dsUid !== EXPRESSION_DATASOURCE) {
        if (
          !isObject(range) ||
          typeof range.from !== 'number' ||
          typeof range.to !== 'number' ||
          range.from < range.to
        ) {
          bad(`query ${String(query.refId)}: relativeTimeRange must be {from, to} seconds with from >= to`);
        }
      }
      const model = isObject(query.model) ? query.model : bad(`query ${String(query.refId)} has no model`);
      // AlertQuery.PreSave: Grafana fills these into the stored model.
      const savedModel: Json = { ...model };
      savedModel.intervalMs ??= DEFAULT_INTERVAL_MS;
      savedModel.maxDataPoints ??= DEFAULT_MAX_DATA_POINTS;
      return {
        ...query,
        queryType: query.queryType ?? '',
        relativeTimeRange: range ?? { from: 0, to: 0 },
        model: savedModel,
      };
    });
    if (typeof body.condition !== 'string' || !refIds.has(body.condition)) {
      bad(`condition ${String(body.condition)} does not exist, must be one of [${[...refIds].join(',')}]`);
    }
    for (const field of ['labels', 'annotations'] as const) {
      const value = body[field];
      if (value !== undefined && (!isObject(value) || Object.values(value).some((v) => typeof v !== 'string'))) {
        bad(`${field} must be a map of strings`);
      }
    }
    const { id: _id, updated: _updated, provenance: _provenance, ...writable } = body;
    return {
      ...writable,
      folderUID,
      ruleGroup,
      orgID: 1,
      data: queries,
      for: formatDurationMs(forMs!),
      isPaused: body.isPaused === true,
    };
  }

  private assertTitlesUnique(folderUid: string, incoming: Json[], replacing: Set<string>): void {
    const taken = new Set(
      [...this.rules.values()].filter((r) => r.folderUID === folderUid && !replacing.has(r.uid)).map((r) => r.title)
    );
    for (const rule of incoming) {
      if (taken.has(rule.title as string)) {
        fail(400, `invalid alert rule: a rule with title '${String(rule.title)}' already exists in the folder`);
      }
    }
  }

  private store(rule: Json, provenance: Provenance, existing: StoredRule | undefined): StoredRule {
    const uid = typeof rule.uid === 'string' && rule.uid !== '' ? rule.uid : `gen-${this.nextId++}`;
    const stored = {
      ...rule,
      uid,
      id: existing?.id ?? this.nextId++,
      updated: this.now().toISOString(),
      provenance,
    } as StoredRule;
    if (existing && stripVolatile(existing) === stripVolatile(stored)) {
      // Grafana keeps `updated` when nothing changed.
      stored.updated = existing.updated;
    }
    this.rules.set(uid, stored);
    return stored;
  }

  private forgetEmptyGroup(folderUid: string, group: string): void {
    if (this.groupRules(folderUid, group).length === 0) {
      this.groupIntervals.delete(`${folderUid}/${group}`);
    }
  }

  // ---------------------------------------------------------------- contact points

  private listContactPoints(c: RequestContext): DoubleResponse {
    requirePermission(can.readNotifications(c.user), 'alert.notifications.provisioning:read');
    const name = c.query.get('name');
    const list = [...this.contactPoints.values()]
      .filter((cp) => name === null || cp.name === name)
      .sort((a, b) => a.name.localeCompare(b.name) || a.uid.localeCompare(b.uid));
    return { status: 200, body: list.map(redact) };
  }

  private createContactPoint(c: RequestContext): DoubleResponse {
    requirePermission(can.writeNotifications(c.user), 'alert.notifications.provisioning:write');
    const cp = validateContactPoint(c.body);
    const uid = cp.uid || `cp-${this.nextId++}`;
    if (this.contactPoints.has(uid)) {
      fail(409, `contact point with uid '${uid}' already exists`);
    }
    const stored: StoredContactPoint = { ...cp, uid, provenance: c.provenance };
    if (Object.values(stored.settings).includes(REDACTED)) {
      fail(400, 'settings contain [REDACTED] but there is no stored secret to keep');
    }
    this.contactPoints.set(uid, stored);
    return { status: 202, body: redact(stored) };
  }

  private updateContactPoint(c: RequestContext): DoubleResponse {
    requirePermission(can.writeNotifications(c.user), 'alert.notifications.provisioning:write');
    const uid = c.params[0];
    const existing = this.contactPoints.get(uid) ?? fail(404, 'contact point not found');
    const cp = validateContactPoint(c.body);
    assertProvenance(existing.provenance, c.provenance);
    // `[REDACTED]` means "keep the stored secret"; a missing secret field is removed.
    const settings = { ...cp.settings };
    for (const key of SECURE_SETTINGS[cp.type] ?? []) {
      if (settings[key] === REDACTED) {
        if (existing.type !== cp.type || existing.settings[key] === undefined) {
          fail(400, `${key} is [REDACTED] but no secret is stored for it`);
        }
        settings[key] = existing.settings[key];
      }
    }
    if (existing.name !== cp.name) {
      // Grafana renames the receiver in routes that reference it.
      renameReceiver(this.policyTree, existing.name, cp.name);
    }
    const stored: StoredContactPoint = { ...cp, uid, settings, provenance: c.provenance };
    this.contactPoints.set(uid, stored);
    return { status: 202, body: redact(stored) };
  }

  private deleteContactPoint(c: RequestContext): DoubleResponse {
    requirePermission(can.writeNotifications(c.user), 'alert.notifications.provisioning:write');
    const existing = this.contactPoints.get(c.params[0]);
    if (existing) {
      assertProvenance(existing.provenance, c.provenance);
      const lastOfItsName = [...this.contactPoints.values()].filter((cp) => cp.name === existing.name).length === 1;
      if (lastOfItsName && receiversIn(this.policyTree).has(existing.name)) {
        fail(409, `contact point '${existing.name}' is used by a notification policy`);
      }
      this.contactPoints.delete(existing.uid);
    }
    return { status: 202, body: { message: 'contactpoint deleted' } };
  }

  // ---------------------------------------------------------------- policies

  private getPolicies(c: RequestContext): DoubleResponse {
    requirePermission(can.readNotifications(c.user), 'alert.notifications.provisioning:read');
    const tree = clone(this.policyTree);
    if (this.policyProvenance) {
      tree.provenance = this.policyProvenance;
    }
    return { status: 200, body: tree };
  }

  private putPolicies(c: RequestContext): DoubleResponse {
    requirePermission(can.writeNotifications(c.user), 'alert.notifications.provisioning:write');
    const tree = isObject(c.body) ? c.body : fail(400, 'invalid policy tree');
    delete tree.provenance;
    if (typeof tree.receiver !== 'string' || tree.receiver === '') {
      fail(400, 'invalid object specification: root route must specify a default receiver');
    }
    if (tree.object_matchers !== undefined || tree.matchers !== undefined) {
      fail(400, 'invalid object specification: root route must not have any matchers');
    }
    const names = new Set([...this.contactPoints.values()].map((cp) => cp.name));
    for (const receiver of receiversIn(tree)) {
      if (!names.has(receiver)) {
        fail(400, `invalid object specification: receiver '${receiver}' does not exist`);
      }
    }
    for (const mute of muteTimingsIn(tree)) {
      if (!this.muteTimings.has(mute)) {
        fail(400, `invalid object specification: mute time interval '${mute}' does not exist`);
      }
    }
    validateMatchers(tree);
    assertProvenance(this.policyProvenance, c.provenance);
    this.policyTree = tree;
    this.policyProvenance = c.provenance;
    return { status: 202, body: { message: 'policies updated' } };
  }

  private resetPolicies(c: RequestContext): DoubleResponse {
    requirePermission(can.writeNotifications(c.user), 'alert.notifications.provisioning:write');
    this.policyTree = defaultPolicyTree();
    this.policyProvenance = '';
    return { status: 202, body: this.policyTree };
  }

  // ---------------------------------------------------------------- mute timings

  private listMuteTimings(c: RequestContext): DoubleResponse {
    requirePermission(can.readNotifications(c.user), 'alert.notifications.provisioning:read');
    return { status: 200, body: [...this.muteTimings.values()].map(muteTimingBody) };
  }

  private getMuteTiming(c: RequestContext): DoubleResponse {
    requirePermission(can.readNotifications(c.user), 'alert.notifications.provisioning:read');
    const mt = this.muteTimings.get(c.params[0]) ?? fail(404, 'mute timing not found');
    return { status: 200, body: muteTimingBody(mt) };
  }

  private createMuteTiming(c: RequestContext): DoubleResponse {
    requirePermission(can.writeNotifications(c.user), 'alert.notifications.provisioning:write');
    const mt = validateMuteTiming(c.body);
    if (this.muteTimings.has(mt.name)) {
      fail(409, `a mute timing with name '${mt.name}' already exists`);
    }
    const stored = { ...mt, provenance: c.provenance };
    this.muteTimings.set(mt.name, stored);
    return { status: 201, body: muteTimingBody(stored) };
  }

  private updateMuteTiming(c: RequestContext): DoubleResponse {
    requirePermission(can.writeNotifications(c.user), 'alert.notifications.provisioning:write');
    const name = c.params[0];
    const existing = this.muteTimings.get(name) ?? fail(404, 'mute timing not found');
    const mt = validateMuteTiming(c.body);
    if (mt.name !== name && muteTimingsIn(this.policyTree).has(name)) {
      fail(409, `mute timing '${name}' is used by a notification policy and cannot be renamed`);
    }
    assertProvenance(existing.provenance, c.provenance);
    this.muteTimings.delete(name);
    const stored = { ...mt, provenance: c.provenance };
    this.muteTimings.set(mt.name, stored);
    return { status: 200, body: muteTimingBody(stored) };
  }

  private deleteMuteTiming(c: RequestContext): DoubleResponse {
    requirePermission(can.writeNotifications(c.user), 'alert.notifications.provisioning:write');
    const name = c.params[0];
    const existing = this.muteTimings.get(name);
    if (existing) {
      if (muteTimingsIn(this.policyTree).has(name)) {
        fail(409, `mute timing '${name}' is used by a notification policy`);
      }
      assertProvenance(existing.provenance, c.provenance);
      this.muteTimings.delete(name);
    }
    return { status: 204 };
  }

  // ---------------------------------------------------------------- datasources

  private listDatasources(c: RequestContext): DoubleResponse {
    requirePermission(has(c.user, 'datasources:read'), 'datasources:read');
    return { status: 200, body: [...this.datasources.values()].map(clone) };
  }

  private getDatasource(c: RequestContext): DoubleResponse {
    requirePermission(has(c.user, 'datasources:read'), 'datasources:read');
    const ds = this.datasources.get(c.params[0]) ?? fail(404, 'Data source not found');
    return { status: 200, body: clone(ds) };
  }

  private createDatasource(c: RequestContext): DoubleResponse {
    requirePermission(has(c.user, 'datasources:create'), 'datasources:create');
    const body = isObject(c.body) ? c.body : fail(400, 'bad request data');
    if (typeof body.name !== 'string' || body.name === '' || typeof body.type !== 'string') {
      fail(400, 'data source name and type are required');
    }
    if ([...this.datasources.values()].some((d) => d.name === body.name)) {
      fail(409, 'data source with the same name already exists');
    }
    const uid = typeof body.uid === 'string' && body.uid !== '' ? body.uid : `ds-${this.nextId}`;
    if (this.datasources.has(uid)) {
      fail(409, 'data source with the same uid already exists');
    }
    const { secureJsonData: _secrets, ...plain } = body;
    const ds = { ...plain, uid, id: this.nextId++ } as StoredDatasource;
    this.datasources.set(uid, ds);
    return { status: 200, body: { datasource: clone(ds), id: ds.id, message: 'Datasource added', name: ds.name } };
  }

  private updateDatasource(c: RequestContext): DoubleResponse {
    requirePermission(has(c.user, 'datasources:write'), 'datasources:write');
    const existing = this.datasources.get(c.params[0]) ?? fail(404, 'Data source not found');
    const body = isObject(c.body) ? c.body : fail(400, 'bad request data');
    const { secureJsonData: _secrets, ...plain } = body;
    const ds = { ...existing, ...plain, uid: existing.uid, id: existing.id } as StoredDatasource;
    if ([...this.datasources.values()].some((d) => d.name === ds.name && d.uid !== ds.uid)) {
      fail(409, 'data source with the same name already exists');
    }
    this.datasources.set(ds.uid, ds);
    return { status: 200, body: { datasource: clone(ds), id: ds.id, message: 'Datasource updated', name: ds.name } };
  }

  private deleteDatasource(c: RequestContext): DoubleResponse {
    requirePermission(has(c.user, 'datasources:delete'), 'datasources:delete');
    if (!this.datasources.delete(c.params[0])) {
      fail(404, 'Data source not found');
    }
    return { status: 200, body: { message: 'Data source deleted' } };
  }

  // ---------------------------------------------------------------- app plugin settings

  private getPluginSettings(c: RequestContext): DoubleResponse {
    const plugin = this.plugins.get(c.params[0]) ?? fail(404, 'Plugin not found, no installed plugin with that id');
    return { status: 200, body: pluginSettingsBody(plugin) };
  }

  private postPluginSettings(c: RequestContext): DoubleResponse {
    requirePermission(has(c.user, 'plugins:write'), 'plugins:write');
    const plugin = this.plugins.get(c.params[0]) ?? fail(404, 'Plugin not found, no installed plugin with that id');
    const body = isObject(c.body) ? c.body : fail(400, 'bad request data');
    // enabled, pinned and jsonData are replaced; secureJsonData is merged per key ("" clears it).
    plugin.enabled = body.enabled === true;
    plugin.pinned = body.pinned === true;
    plugin.jsonData = isObject(body.jsonData) ? body.jsonData : {};
    if (isObject(body.secureJsonData)) {
      for (const [key, value] of Object.entries(body.secureJsonData)) {
        if (value === '' || value === null) {
          delete plugin.secureJsonData[key];
        } else {
          plugin.secureJsonData[key] = String(value);
        }
      }
    }
    return { status: 200, body: { message: 'Plugin settings updated' } };
  }
}

// ---------------------------------------------------------------- helpers

function requirePermission(allowed: boolean, action: string): void {
  if (!allowed) {
    fail(403, `You'll need additional permissions to perform this action. Permissions needed: ${action}`);
  }
}

/** Grafana 11's lock-in rule: a stored provenance other than none can only be written with the same one. */
function assertProvenance(stored: Provenance, incoming: Provenance): void {
  if (stored !== incoming && stored !== '') {
    fail(400, `cannot change provenance from '${stored}' to '${incoming}'`);
  }
}

function stripVolatile(rule: Json): string {
  const { updated: _u, provenance: _p, ...rest } = rule;
  return stableStringify(rest);
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

function redact(cp: StoredContactPoint): Json {
  const settings = { ...cp.settings };
  for (const key of SECURE_SETTINGS[cp.type] ?? []) {
    if (settings[key] !== undefined && settings[key] !== '') {
      settings[key] = REDACTED;
    }
  }
  return {
    uid: cp.uid,
    name: cp.name,
    type: cp.type,
    settings,
    disableResolveMessage: cp.disableResolveMessage,
    provenance: cp.provenance,
  };
}

function validateContactPoint(body: unknown): Omit<StoredContactPoint, 'provenance'> {
  const cp = isObject(body) ? body : fail(400, 'invalid contact point');
  if (typeof cp.name !== 'string' || cp.name.trim() === '') {
    fail(400, 'invalid contact point: name must not be empty');
  }
  if (typeof cp.type !== 'string' || cp.type === '') {
    fail(400, 'invalid contact point: type must not be empty');
  }
  const settings = isObject(cp.settings)
    ? cp.settings
    : fail(400, 'invalid contact point: settings should not be empty');
  for (const required of REQUIRED_SETTINGS[cp.type] ?? []) {
    const anyOf = Array.isArray(required) ? required : [required];
    if (!anyOf.some((key) => typeof settings[key] === 'string' && settings[key] !== '')) {
      fail(400, `invalid contact point: could not find ${anyOf.join(' or ')} property in settings`);
    }
  }
  return {
    uid: typeof cp.uid === 'string' ? cp.uid : '',
    name: cp.name,
    type: cp.type,
    settings,
    disableResolveMessage: cp.disableResolveMessage === true,
  };
}

function validateMuteTiming(body: unknown): Omit<StoredMuteTiming, 'provenance'> {
  const mt = isObject(body) ? body : fail(400, 'invalid mute timing');
  if (typeof mt.name !== 'string' || mt.name.trim() === '') {
    fail(400, 'invalid mute timing: name must not be empty');
  }
  const intervals = Array.isArray(mt.time_intervals) ? mt.time_intervals : [];
  for (const interval of intervals) {
    const times = isObject(interval) && Array.isArray(interval.times) ? interval.times : [];
    for (const t of times) {
      const ok =
        isObject(t) && isClock(t.start_time) && isClock(t.end_time) && String(t.start_time) < String(t.end_time);
      if (!ok) {
        fail(400, 'invalid mute timing: times need start_time < end_time as HH:MM');
      }
    }
  }
  return { name: mt.name, time_intervals: intervals };
}

function isClock(value: unknown): boolean {
  return typeof value === 'string' && /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/.test(value);
}

function muteTimingBody(mt: StoredMuteTiming): Json {
  return { name: mt.name, time_intervals: clone(mt.time_intervals), provenance: mt.provenance };
}

function pluginSettingsBody(p: StoredPluginSettings): Json {
  return {
    id: p.id,
    enabled: p.enabled,
    pinned: p.pinned,
    jsonData: clone(p.jsonData),
    secureJsonFields: Object.fromEntries(Object.keys(p.secureJsonData).map((k) => [k, true])),
  };
}

function walkRoutes(route: Json, visit: (route: Json) => void): void {
  visit(route);
  if (Array.isArray(route.routes)) {
    for (const child of route.routes) {
      if (isObject(child)) {
        walkRoutes(child, visit);
      }
    }
  }
}

function receiversIn(tree: Json): Set<string> {
  const names = new Set<string>();
  walkRoutes(tree, (r) => {
    if (typeof r.receiver === 'string' && r.receiver !== '') {
      names.add(r.receiver);
    }
  });
  return names;
}

function muteTimingsIn(tree: Json): Set<string> {
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

function renameReceiver(tree: Json, from: string, to: string): void {
  walkRoutes(tree, (r) => {
    if (r.receiver === from) {
      r.receiver = to;
    }
  });
}

function validateMatchers(tree: Json): void {
  walkRoutes(tree, (r) => {
    if (r.object_matchers === undefined) {
      return;
    }
    const matchers = Array.isArray(r.object_matchers) ? r.object_matchers : fail(400, 'object_matchers must be a list');
    for (const m of matchers) {
      const ok =
        Array.isArray(m) &&
        m.length === 3 &&
        typeof m[0] === 'string' &&
        ['=', '!=', '=~', '!~'].includes(String(m[1])) &&
        typeof m[2] === 'string';
      if (!ok) {
        fail(400, `invalid object specification: bad matcher ${JSON.stringify(m)}`);
      }
    }
  });
}
