/**
 * The Grafana API behind the sandbox: the shared Grafana API double (tests/grafana-double) on a
 * real socket, seeded with what a provisioned Grafana holds for this app (see provisioning/): the
 * app enabled and pointed at the test-stack Prometheus, the Prometheus datasource, and the app's
 * inventory datasource.
 */
import { GrafanaDouble, startGrafanaDoubleServer } from '../grafana-double';
import { prometheusUrl } from '../integration/prometheus';
import { APP_ID } from './shared/bootData';

export const PROMETHEUS_UID = 'fsm-prometheus';
export const INVENTORY_UID = 'fsm-inventory';
export const INVENTORY_TYPE = 'fullstack-inventory-datasource';

export interface GrafanaApi {
  url: string;
  double: GrafanaDouble;
  close(): Promise<void>;
}

export interface SeedOptions {
  prometheusUrl?: string;
  /** The app's saved jsonData; `null` leaves the app unconfigured (a fresh install). */
  appJsonData?: Record<string, unknown> | null;
}

/** The test stack's Prometheus: FSM_PROM_URL, else the one `$FSM_STACK_DIR/stack.env` names (a stack on other ports), else 19090. */
export function defaultPrometheusUrl(): string {
  return prometheusUrl();
}

export async function startGrafanaApi(options: SeedOptions = {}): Promise<GrafanaApi> {
  const prometheusUrl = options.prometheusUrl ?? defaultPrometheusUrl();
  const double = new GrafanaDouble();
  double.addDatasource({
    uid: PROMETHEUS_UID,
    name: 'Prometheus (test stack)',
    type: 'prometheus',
    url: prometheusUrl,
  });
  const inventory = double.addDatasource({ uid: INVENTORY_UID, name: 'Full-Stack Inventory', type: INVENTORY_TYPE });
  inventory.jsonData = { prometheusUrl };
  double.datasources.get(PROMETHEUS_UID)!.isDefault = true;
  double.addPlugin(APP_ID, {
    enabled: true,
    pinned: true,
    jsonData: options.appJsonData === null ? {} : (options.appJsonData ?? { prometheusDatasourceUid: PROMETHEUS_UID }),
  });
  const server = await startGrafanaDoubleServer(double);
  return { url: server.url, double, close: () => server.close() };
}
