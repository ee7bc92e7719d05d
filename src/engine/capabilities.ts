/*
 * What this Grafana's provisioning API can do, decided from the version it reports (GET /api/health)
 * and never guessed: where the version is hidden (`[server] hide_version`, which blanks it in
 * /api/health for everyone), the engine takes the path every supported version has.
 */

export interface BuildInfo {
  /** e.g. `11.6.3`, `12.2.0-pre`; undefined when Grafana hides it. */
  version?: string;
}

export interface GrafanaCapabilities {
  /** As reported; undefined when hidden. */
  version?: string;
  /**
   * `DELETE /api/v1/provisioning/folder/{uid}/rule-groups/{group}` exists: one request removes a
   * group. Without it, each rule is deleted with `DELETE /alert-rules/{uid}` (every version).
   */
  ruleGroupDelete: boolean;
}

/**
 * The oldest version read that has the group DELETE endpoint: 11.6, the oldest this plugin supports
 * (its route RouteDeleteAlertRuleGroup, pkg/services/ngalert/api/api_provisioning.go, is in every
 * version read since; see tests/grafana-double/README.md). Older versions take the per-rule path.
 */
export const RULE_GROUP_DELETE_SINCE: readonly [number, number] = [11, 6];

export function capabilitiesOf(info: BuildInfo): GrafanaCapabilities {
  const version = parseVersion(info.version);
  return {
    version: info.version,
    ruleGroupDelete: version !== undefined && atLeast(version, RULE_GROUP_DELETE_SINCE),
  };
}

function parseVersion(text: string | undefined): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(text ?? '');
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

function atLeast(version: [number, number], since: readonly [number, number]): boolean {
  return version[0] > since[0] || (version[0] === since[0] && version[1] >= since[1]);
}
