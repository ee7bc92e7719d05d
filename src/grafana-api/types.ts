import type { GrafanaAlertRule, GrafanaQueryModel, GrafanaRuleGroup } from '../alerting/grafana-rules';

/*
 * What the plugin sends to and reads from Grafana's HTTP API (reference/grafana-api.md), typed
 * for the parts the alerting engine uses. Fields Grafana adds that we do not interpret stay
 * reachable through index signatures, so a rule read back can be written back unchanged.
 */

/** `''` = none (editable in Grafana's UI); `api` = written through the API without X-Disable-Provenance; `file` = file provisioning. */
export type Provenance = '' | 'api' | 'file' | (string & {});

export interface Folder {
  uid: string;
  title: string;
  id?: number;
  parentUid?: string;
  version?: number;
}

export interface AlertQueryPayload {
  refId: string;
  datasourceUid: string;
  relativeTimeRange: { from: number; to: number };
  /** Our models are typed; ones read back carry what Grafana added (intervalMs, maxDataPoints…). */
  model: GrafanaQueryModel | Record<string, unknown>;
  queryType?: string;
}

/**
 * A rule as we send it (POST, PUT, inside a group PUT). Fields we do not know about (a user's
 * `notification_settings`, `keep_firing_for`…) ride along in the index signature.
 */
export interface AlertRulePayload extends Omit<GrafanaAlertRule, 'data' | 'annotations'> {
  data: AlertQueryPayload[];
  annotations: Record<string, string>;
  [extra: string]: unknown;
}

/** A rule as the provisioning API returns it: what was written plus read-only fields. */
export interface ProvisionedAlertRule extends AlertRulePayload {
  id?: number;
  updated?: string;
  provenance?: Provenance;
}

export interface RuleGroupPayload extends Omit<GrafanaRuleGroup, 'rules'> {
  rules: AlertRulePayload[];
}

export interface ProvisionedRuleGroup {
  title: string;
  folderUid: string;
  interval: number;
  rules: ProvisionedAlertRule[];
}

/** One receiver as the Alertmanager-compatible receivers list answers it (grafana/alerting api models `Receiver`). */
export interface ReceiverStatus {
  name: string;
  /** Named by a route of the policy tree. */
  active: boolean;
  /**
   * Empty for a receiver with no integration; each integration is named by its type. A Go slice, so a
   * server that leaves it nil sends null (Grafana's own `GetReceivers` answers `[]`).
   */
  integrations: Array<{ name: string; sendResolved?: boolean; [extra: string]: unknown }> | null;
}

export interface ContactPoint {
  uid?: string;
  name: string;
  type: string;
  /** Secret settings read back as `[REDACTED]`; send `[REDACTED]` to keep a stored secret. */
  settings: Record<string, unknown>;
  disableResolveMessage?: boolean;
  provenance?: Provenance;
}

export type MatcherOp = '=' | '!=' | '=~' | '!~';
export type ObjectMatcher = [string, MatcherOp, string];

/** A node of the notification policy tree (`GET/PUT /api/v1/provisioning/policies`). */
export interface NotificationRoute {
  receiver?: string;
  group_by?: string[];
  object_matchers?: ObjectMatcher[];
  /** Legacy matcher strings; kept as they are when a user's tree has them. */
  matchers?: string[];
  continue?: boolean;
  group_wait?: string;
  group_interval?: string;
  repeat_interval?: string;
  mute_time_intervals?: string[];
  active_time_intervals?: string[];
  routes?: NotificationRoute[];
  provenance?: Provenance;
  [extra: string]: unknown;
}

export interface TimeRange {
  start_time: string;
  end_time: string;
}

export interface TimeInterval {
  times?: TimeRange[];
  weekdays?: string[];
  days_of_month?: string[];
  months?: string[];
  years?: string[];
  location?: string;
}

export interface MuteTiming {
  name: string;
  time_intervals: TimeInterval[];
  /**
   * A fingerprint of the stored interval (Grafana 11+); sent back on PUT, Grafana answers 409 when
   * it no longer matches (UpdateMuteTiming, pkg/services/ngalert/provisioning/mute_timings.go).
   */
  version?: string;
  provenance?: Provenance;
}

export interface DataSourceInfo {
  uid: string;
  name: string;
  type: string;
  id?: number;
  url?: string;
  access?: string;
  jsonData?: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface DataSourcePayload {
  uid?: string;
  name: string;
  type: string;
  url?: string;
  access?: 'proxy' | 'direct';
  jsonData?: Record<string, unknown>;
  secureJsonData?: Record<string, string>;
}

export interface PluginSettings {
  id?: string;
  enabled: boolean;
  pinned: boolean;
  jsonData?: Record<string, unknown> | null;
  secureJsonFields?: Record<string, boolean>;
}

export interface CurrentOrg {
  id: number;
  name: string;
}

/** One entry of `GET /api/plugins/{id}/dashboards`. */
export interface PluginDashboard {
  uid: string;
  title: string;
  /** Path inside the plugin, e.g. `dashboards/infrastructure-node.json`: what import takes. */
  path: string;
  imported: boolean;
  /** Revision of the copy Grafana imported (0 when not imported). */
  importedRevision: number;
  /** Revision the installed plugin ships. */
  revision: number;
  removed?: boolean;
}

/**
 * One rule of a Prometheus-shaped rules answer (`GET /api/prometheus/…/api/v1/rules`). Grafana
 * writes its own rules in this shape (pkg/services/ngalert/api/prometheus/api_prometheus.go
 * `toRuleGroup`): `query` is every data query's `expr` joined with " | " (`ruleToQuery`; the whole
 * data JSON when none has one), `health` is ok|error|nodata (`StatesToRuleStatus`, not Prometheus'
 * `err`), `queriedDatasourceUIDs` lists the non-expression datasources (newer versions only,
 * `extractDatasourceUIDs`). A datasource's own rules come through unchanged in Prometheus' shape.
 */
export interface RuleStatus {
  name?: string;
  query?: string;
  type?: string;
  health?: string;
  lastError?: string;
  lastEvaluation?: string;
  evaluationTime?: number;
  uid?: string;
  isPaused?: boolean;
  queriedDatasourceUIDs?: string[];
  /** Prometheus' alerting rules: `for` in seconds (web/api/v1/api.go `AlertingRule.Duration`). */
  duration?: number;
  /** Prometheus ≥ 2.42's alerting rules: `keep_firing_for` in seconds. */
  keepFiringFor?: number;
  [extra: string]: unknown;
}

export interface RuleGroupStatus {
  name?: string;
  /** Grafana: the folder's full path; Prometheus: the rule file. */
  file?: string;
  folderUid?: string;
  interval?: number;
  rules?: RuleStatus[];
  [extra: string]: unknown;
}

/** The `data` of a rules answer. */
export interface RuleDiscovery {
  groups?: RuleGroupStatus[];
  [extra: string]: unknown;
}

/** Per-write choice of provenance; the client's default applies when left out. */
export interface WriteOptions {
  /** Send X-Disable-Provenance: the object stays editable in Grafana's UI. */
  disableProvenance?: boolean;
}

/**
 * The Grafana HTTP API as the alerting engine needs it. Reads answer `undefined` for 404 where a
 * missing object is a normal answer; everything else that is not 2xx throws a `GrafanaApiError`.
 */
export interface GrafanaApi {
  /** `GET /api/health`: the version, when Grafana does not hide it. */
  getBuildInfo(): Promise<{ version?: string }>;

  getFolder(uid: string): Promise<Folder | undefined>;
  /** 409 when the uid exists: throws a GrafanaApiError of kind `conflict`. */
  createFolder(folder: { uid: string; title: string; parentUid?: string }): Promise<Folder>;

  getDatasource(uid: string): Promise<DataSourceInfo | undefined>;
  createDatasource(ds: DataSourcePayload): Promise<DataSourceInfo>;
  updateDatasource(uid: string, ds: DataSourcePayload): Promise<DataSourceInfo>;

  /** `GET /api/v1/provisioning/alert-rules`: every rule of the org. */
  listAlertRules(): Promise<ProvisionedAlertRule[]>;
  getAlertRule(uid: string): Promise<ProvisionedAlertRule | undefined>;
  getRuleGroup(folderUid: string, group: string): Promise<ProvisionedRuleGroup | undefined>;
  /** Replaces the whole group: rules left out are deleted by Grafana. */
  putRuleGroup(group: RuleGroupPayload, options?: WriteOptions): Promise<ProvisionedRuleGroup>;
  deleteAlertRule(uid: string, options?: WriteOptions): Promise<void>;
  /** Only where the version has it (see engine/capabilities.ts); 404 elsewhere. */
  deleteRuleGroup(folderUid: string, group: string, options?: WriteOptions): Promise<void>;

  listContactPoints(name?: string): Promise<ContactPoint[]>;
  /**
   * `GET /api/alertmanager/grafana/config/api/v1/receivers`: every receiver the org's Grafana
   * Alertmanager runs, by its own name, with or without integrations; API writes reach it at the
   * next sync (engine/receivers.ts says which versions, permissions and lag). Unordered.
   */
  listReceiverStatuses(): Promise<ReceiverStatus[]>;
  createContactPoint(cp: ContactPoint, options?: WriteOptions): Promise<ContactPoint>;
  updateContactPoint(uid: string, cp: ContactPoint, options?: WriteOptions): Promise<void>;
  deleteContactPoint(uid: string): Promise<void>;

  getPolicyTree(): Promise<NotificationRoute>;
  /** Replaces the WHOLE tree. Merge into what `getPolicyTree` returned; never send a partial tree. */
  putPolicyTree(tree: NotificationRoute, options?: WriteOptions): Promise<void>;

  listMuteTimings(): Promise<MuteTiming[]>;
  createMuteTiming(mt: MuteTiming, options?: WriteOptions): Promise<MuteTiming>;
  updateMuteTiming(name: string, mt: MuteTiming, options?: WriteOptions): Promise<MuteTiming>;
  deleteMuteTiming(name: string): Promise<void>;

  /** `GET /api/prometheus/grafana/api/v1/rules`: Grafana-managed rules with their evaluation state (alert.rules:read). */
  getGrafanaRuleStatuses(): Promise<RuleDiscovery>;
  /**
   * `GET /api/prometheus/<uid>/api/v1/rules`: a Prometheus (or Loki) datasource's own rules,
   * proxied by Grafana to the datasource's `/api/v1/rules` (alert.rules.external:read).
   */
  getDatasourceRuleStatuses(datasourceUid: string): Promise<RuleDiscovery>;

  getCurrentOrg(): Promise<CurrentOrg>;
  listPluginDashboards(pluginId: string): Promise<PluginDashboard[]>;
  /** `POST /api/dashboards/import {pluginId, path, overwrite: true}`: imports the copy the installed plugin ships. */
  importPluginDashboard(pluginId: string, path: string): Promise<void>;

  getPluginSettings(pluginId: string): Promise<PluginSettings | undefined>;
  /** enabled, pinned and jsonData are replaced: spread the existing jsonData first. */
  postPluginSettings(
    pluginId: string,
    settings: {
      enabled: boolean;
      pinned: boolean;
      jsonData: Record<string, unknown>;
      secureJsonData?: Record<string, string>;
    }
  ): Promise<void>;
}
