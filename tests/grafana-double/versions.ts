/*
 * Which Grafana the double imitates. Every behaviour that differs between the Grafana versions we
 * support is one field of `VersionBehaviour`; the table below sets it per version and says where
 * in Grafana's code the difference comes from (see README.md for the full table).
 *
 * The labels are release lines, recognised from the code (the code index has no tags):
 *  - '11.6': the "11.x late" code — receiver RBAC, relaxed notification provenance, fingerprints,
 *    but plain-error rule provenance (500) and the alert-rule (org, folder uid, title) unique index
 *    still in place (folder titles themselves are not unique since 11.3, PR #90687).
 *  - '12.x': k8s folders (412 on a duplicate uid), errProvenanceMismatch (409) for rule groups,
 *    rule titles no longer unique (grafana/grafana PR #102067).
 *  - 'main': the newest code read (2026): errutil status kept by the handlers (409 duplicate
 *    contact point uid), folder 409 again, single-rule provenance from PR #117484/#124178.
 */

export type GrafanaVersion = '11.6' | '12.x' | 'main';

export const GRAFANA_VERSIONS: readonly GrafanaVersion[] = ['11.6', '12.x', 'main'];

/**
 * The newest *released* line the research could pin down. 'main' is a moving target and carries
 * unreleased changes (deprecation headers, 409 on single-rule PUT), so it is opt-in.
 */
export const DEFAULT_GRAFANA_VERSION: GrafanaVersion = '12.x';

export interface VersionBehaviour {
  /** What GET /api/health reports as `version` (overridable with the `buildVersion` option). */
  buildVersion: string;
  /** POST /api/folders with a uid that exists. */
  folderDuplicateUid: { status: 409 | 412; body: Record<string, unknown> };
  /** `general` and `sharedwithme` refused as folder uids (k8s validateOnCreate, 12.x+). */
  folderReservedUids: boolean;
  /** POST contact point with a uid in use: ErrResp(500) wraps the errutil 409 until main's ErrOrFallback. */
  contactPointUidExistsStatus: 500 | 409;
  /** Group PUT/DELETE and single DELETE provenance refusal: plain fmt error (500) or errProvenanceMismatch (409). */
  ruleProvenanceMismatchStatus: 500 | 409;
  /** Single rule PUT provenance refusal: plain error (500) until PR #124178 (13.1) made it 409. */
  rulePutProvenanceStatus: 500 | 409;
  /** Single DELETE uses the group rule (api→none allowed) from PR #117484 (2026-02). */
  ruleDeleteUsesGroupProvenanceRule: boolean;
  /** CanUpdateProvenanceInRuleGroup also allows converted_prometheus→none (newer validation/provenance.go). */
  convertedPrometheusToNone: boolean;
  /** The DB unique index (org, folder, title) — dropped by PR #102067 (~2025-03-12). */
  ruleTitleUniqueInFolder: boolean;
  /** `DELETE /api/v1/provisioning/folder/{uid}/rule-groups/{group}` exists (it does in all three). */
  ruleGroupDelete: boolean;
  /** Public message of ErrProvenanceChangeNotAllowed (403). */
  relaxedProvenanceMessage: 'managed-via-api' | 'cannot-be-changed';
  /** DELETE /policies applies the relaxed provenance check and re-creates the default receiver. */
  policyResetChecksProvenance: boolean;
  /** POST app settings with enabled:false for an autoEnabled app → 400 (newest plugins.go only). */
  cannotDisableAutoEnabledApp: boolean;
  /**
   * GET /api/plugins/<app>/dashboards runs `checkAppEnabled` (pkg/api/plugin_checks.go id 2710169424)
   * after reqOrgAdmin. On in every supported line: PR #79564 ("Chore: Evaluate if an app is disabled
   * for API requests", merged 2023-12-15, Grafana 10.3) put it on the route — its change to
   * pkg/api/plugin_dashboards_test.go gives the test server a plugin store, which only the check
   * reads; the newest route table read (api.go id 18083817) has it. The stored route table without
   * it (id 89431411) is a 10.x one (FlagEntityStore, apikey routes). Kept a switch for tests of
   * clients' handling of the older answer.
   */
  pluginDashboardsNeedEnabledApp: boolean;
  /** Deprecation headers on rule provisioning endpoints (forked_provisioning.go, 2026). */
  ruleDeprecationHeaders: boolean;
  /**
   * `queriedDatasourceUIDs` on each rule of `/api/prometheus/grafana/api/v1/rules`
   * (api_prometheus.go `extractDatasourceUIDs`). Which release added it is unverified: off for 11.6
   * so that clients' fallback for its absence is exercised.
   */
  ruleStatusDatasourceUids: boolean;
  /**
   * Notification reads by resource (authorization.go main, id 51836714264): GET contact-points also
   * accepts `alert.notifications.receivers:read`/`…receivers.secrets:read`, GET policies also
   * `alert.notifications.routes:read`. In 11.x late/12.x (id 222702188) both take the same four
   * actions (`alert.notifications:read`, the provisioning reads).
   */
  notificationReadsByResource: boolean;
}

const FOLDER_409_LEGACY = {
  status: 409 as const,
  // dashboards.ErrFolderWithSameUIDExists, legacy SQL path since PR #76863 (10.3)
  body: { message: 'a folder/dashboard with the same uid already exists' },
};

export const VERSION_BEHAVIOUR: Record<GrafanaVersion, VersionBehaviour> = {
  '11.6': {
    buildVersion: '11.6.0',
    folderDuplicateUid: FOLDER_409_LEGACY,
    folderReservedUids: false,
    contactPointUidExistsStatus: 500,
    ruleProvenanceMismatchStatus: 500,
    rulePutProvenanceStatus: 500,
    ruleDeleteUsesGroupProvenanceRule: false,
    convertedPrometheusToNone: false,
    ruleTitleUniqueInFolder: true,
    ruleGroupDelete: true,
    relaxedProvenanceMessage: 'managed-via-api',
    policyResetChecksProvenance: false,
    cannotDisableAutoEnabledApp: false,
    pluginDashboardsNeedEnabledApp: true,
    ruleDeprecationHeaders: false,
    ruleStatusDatasourceUids: false,
    notificationReadsByResource: false,
  },
  '12.x': {
    buildVersion: '12.0.0',
    // ToFolderErrorResponse maps k8s AlreadyExists to 412 (TestIntegrationFoldersCreateAPIEndpointK8S)
    folderDuplicateUid: {
      status: 412,
      body: { status: 'version-mismatch', message: 'the folder has been changed by someone else' },
    },
    folderReservedUids: true,
    contactPointUidExistsStatus: 500,
    ruleProvenanceMismatchStatus: 409,
    rulePutProvenanceStatus: 500,
    ruleDeleteUsesGroupProvenanceRule: false,
    convertedPrometheusToNone: true,
    ruleTitleUniqueInFolder: false,
    ruleGroupDelete: true,
    relaxedProvenanceMessage: 'managed-via-api',
    policyResetChecksProvenance: false,
    cannotDisableAutoEnabledApp: false,
    pluginDashboardsNeedEnabledApp: true,
    ruleDeprecationHeaders: false,
    ruleStatusDatasourceUids: true,
    notificationReadsByResource: false,
  },
  main: {
    buildVersion: '13.1.0-pre',
    // folder.ErrSameUIDExists + isFolderAlreadyExists (TestFolderStorageAlreadyExistsResponse)
    folderDuplicateUid: { status: 409, body: { message: 'a folder with the same UID already exists' } },
    folderReservedUids: true,
    contactPointUidExistsStatus: 409,
    ruleProvenanceMismatchStatus: 409,
    rulePutProvenanceStatus: 409,
    ruleDeleteUsesGroupProvenanceRule: true,
    convertedPrometheusToNone: true,
    ruleTitleUniqueInFolder: false,
    ruleGroupDelete: true,
    relaxedProvenanceMessage: 'cannot-be-changed',
    policyResetChecksProvenance: true,
    cannotDisableAutoEnabledApp: true,
    pluginDashboardsNeedEnabledApp: true,
    ruleDeprecationHeaders: true,
    ruleStatusDatasourceUids: true,
    notificationReadsByResource: true,
  },
};

export function behaviourFor(version: GrafanaVersion, overrides: Partial<VersionBehaviour> = {}): VersionBehaviour {
  const base = VERSION_BEHAVIOUR[version];
  if (!base) {
    throw new Error(
      `GrafanaDouble: unknown grafanaVersion '${String(version)}' (one of ${GRAFANA_VERSIONS.join(', ')})`
    );
  }
  return { ...base, ...overrides };
}
