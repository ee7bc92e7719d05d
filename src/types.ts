/**
 * The app's settings as Grafana stores them in `jsonData` (POST /api/plugins/<id>/settings).
 * Non-secret values only: jsonData is readable by every user of the org.
 * Grafana replaces jsonData wholesale on save, so writers must spread the existing object
 * (see `buildSettingsPayload`) to keep keys they do not know about.
 * A type alias rather than an interface so it satisfies Grafana's `KeyValue` constraint.
 */
export type AppJsonData = {
  /** uid of the Prometheus datasource the app reads from and builds dashboards and rules for. */
  prometheusDatasourceUid?: string;
  /** Label that names a cluster / datacenter in the user's metrics (multi-DC setups); defaults to "cluster". */
  clusterLabel?: string;
  /**
   * External labels that tell the servers of an HA pair apart (default `REPLICA_LABELS`): dropped from
   * the alert rules Setup writes, so a store holding both replicas alerts once per target.
   */
  replicaLabels?: string[];
};

/** What the app root hands every page. */
export interface AppPageProps {
  jsonData: AppJsonData;
}
