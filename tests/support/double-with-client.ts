import { createGrafanaApi, type GrafanaApi } from '../../src/alerting/grafana-api';
import { GrafanaDouble, type GrafanaDoubleOptions } from '../grafana-double/core';
import { parkAwareTransport } from './parked-timeout';

/**
 * A fresh double with a Prometheus datasource `prom` and the plugin installed, plus the real
 * fetch-based client wired to it in-process. An injected timeout fault ends as a timeout as soon as the
 * double parks the write (parked-timeout.ts); `timeoutMs` is the number the error names.
 */
export function doubleWithClient(options: GrafanaDoubleOptions & { timeoutMs?: number; user?: string } = {}): {
  double: GrafanaDouble;
  api: GrafanaApi;
  /** A client acting as another user (header), e.g. a person editing a rule in Grafana's UI. */
  apiAs: (login: string, opts?: { disableProvenance?: boolean }) => GrafanaApi;
} {
  const double = new GrafanaDouble(options);
  double.addDatasource({ uid: 'prom', name: 'Prometheus', url: 'http://127.0.0.1:19090' });
  double.addPlugin('fullstack-monitoring-app', { enabled: true });
  const make = (headers: Record<string, string>, disableProvenance?: boolean) =>
    createGrafanaApi(parkAwareTransport(double, double, { headers, timeoutMs: options.timeoutMs }), {
      disableProvenance,
    });
  return {
    double,
    api: make(options.user ? { 'X-Grafana-Double-User': options.user } : {}),
    apiAs: (login, opts = {}) => make({ 'X-Grafana-Double-User': login }, opts.disableProvenance),
  };
}
