import { createGrafanaApi, fetchTransport, type GrafanaApi } from '../../src/grafana-api';
import { GrafanaDouble, type GrafanaDoubleOptions } from '../grafana-double/core';
import { doubleFetch, timeoutWhenHanging } from '../grafana-double/fetch';

/**
 * A fresh double with a Prometheus datasource `prom` and the plugin installed, plus the real
 * fetch-based client wired to it in-process. A request times out when the double hangs on it (a
 * timeout fault), whatever the clock says.
 */
export function doubleWithClient(options: GrafanaDoubleOptions & { user?: string } = {}): {
  double: GrafanaDouble;
  api: GrafanaApi;
  /** A client acting as another user (header), e.g. a person editing a rule in Grafana's UI. */
  apiAs: (login: string, opts?: { disableProvenance?: boolean }) => GrafanaApi;
} {
  const double = new GrafanaDouble(options);
  double.addDatasource({ uid: 'prom', name: 'Prometheus', url: 'http://127.0.0.1:19090' });
  double.addPlugin('fullstack-monitoring-app', { enabled: true });
  const timeouts = timeoutWhenHanging(double);
  const make = (headers: Record<string, string>, disableProvenance?: boolean) =>
    createGrafanaApi(
      fetchTransport('http://grafana.test', {
        fetch: doubleFetch(double),
        startTimeout: timeouts,
        headers,
      }),
      { disableProvenance }
    );
  return {
    double,
    api: make(options.user ? { 'X-Grafana-Double-User': options.user } : {}),
    apiAs: (login, opts = {}) => make({ 'X-Grafana-Double-User': login }, opts.disableProvenance),
  };
}
