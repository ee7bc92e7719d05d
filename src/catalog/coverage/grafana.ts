import { rowsOf } from './rows';
import type { ExporterCoverage } from './types';

/**
 * Grafana's own /metrics, against grafana/grafana's grafana-mixin (one alert, one dashboard) and the
 * "Grafana metrics" dashboard the Prometheus data source bundles (Connections → Data sources →
 * Dashboards). Read 2026-12-07 at the commits below. awesome-prometheus-alerts (a853318) has rules for
 * Grafana Tempo, Mimir and Alloy but none for the Grafana server, so it is not a reference here.
 * Both dashboards date from Grafana 8 and read the legacy alerting engine's counters
 * (grafana_alerting_result_total, grafana_alerting_active_alerts), gone with that engine in Grafana 11:
 * their rows are covered by the unified-alerting gauges our panels read.
 */
const MIXIN_ALERTS_COMMIT = '47a3904584bd394cfd041f3d0c285a92dd1673f9';
const MIXIN_DASHBOARD_COMMIT = 'b3bd222e9fb7a2206f862235afd351f2598fb192';
const BUNDLED_COMMIT = '3b764a1c4fee52ec02e51ba8a596d2481f1b6a7a';

const INVENTORY =
  'an inventory count that moves with how Grafana is used, not with its health; Grafana’s own server stats page (/admin/stats) shows it';
const VERSION = 'an inventory fact, not a failure: the pack reads grafana_build_info’s version for its inventory';

const mixinAlert = rowsOf('mixin', 'alert');
const mixinView = rowsOf('mixin', 'view');
const bundledView = rowsOf('bundled', 'view');

export const grafanaCoverage: ExporterCoverage = {
  exporter: 'grafana',
  references: [
    {
      id: 'mixin',
      title: 'grafana-mixin (alerts and the Grafana Overview dashboard)',
      kind: 'mixin',
      url: `https://github.com/grafana/grafana/tree/${MIXIN_ALERTS_COMMIT}/grafana-mixin`,
      version: `${MIXIN_ALERTS_COMMIT.slice(0, 7)} (alerts/alerts.libsonnet); dashboards/grafana-overview.json at ${MIXIN_DASHBOARD_COMMIT.slice(0, 7)}`,
    },
    {
      id: 'bundled',
      title: 'Grafana metrics (the dashboard bundled with the Prometheus data source)',
      kind: 'dashboard',
      url: `https://github.com/grafana/grafana/blob/${BUNDLED_COMMIT}/public/app/plugins/datasource/prometheus/dashboards/grafana_stats.json`,
      version: BUNDLED_COMMIT.slice(0, 7),
    },
  ],
  rows: [
    // alerts/alerts.libsonnet: 5xx share per handler above 50% for 5m, data source proxy and query handlers left out.
    mixinAlert('GrafanaRequestsFailing', { covered: ['alert:http-5xx'] }),

    // dashboards/grafana-overview.json
    mixinView('Firing Alerts', { covered: ['panel:alertInstances'] }),
    mixinView('Dashboards', { notTaken: INVENTORY }),
    mixinView('Build Info', { notTaken: VERSION }),
    mixinView('RPS', { covered: ['panel:httpRequests'] }),
    mixinView('Request Latency', { covered: ['panel:httpLatency'] }),

    // public/app/plugins/datasource/prometheus/dashboards/grafana_stats.json
    bundledView('Active instances', { covered: ['panel:up'] }),
    bundledView('Dashboard count', { notTaken: INVENTORY }),
    bundledView('User count', {
      notTaken: `${INVENTORY}; the Active users panel shows whether Grafana is used at all`,
    }),
    bundledView('Playlist count', { notTaken: INVENTORY }),
    bundledView('Grafana version', { notTaken: VERSION }),
    bundledView('http status codes', { covered: ['panel:httpRequests'] }),
    bundledView('Requests by routing group', {
      notTaken:
        'the api/proxy/page response counters split the same requests coarser than the handler label of grafana_http_request_duration_seconds, which the HTTP requests, server errors and latency panels read',
    }),
    bundledView('Most used handlers', {
      notTaken:
        'a ranking of counters since start, which says what was busy once; the per-handler server errors and latency panels show the handlers that matter now',
    }),
    bundledView('Grafana active alerts', { covered: ['panel:alertInstances'] }),
    bundledView('Prometheus alerts', {
      notTaken: 'Prometheus’ ALERTS series, not a Grafana metric: firing Prometheus alerts belong to Prometheus',
    }),
    bundledView('Grafana performance', {
      notTaken:
        'Go goroutines and resident memory of the process: generic runtime figures with no threshold that means a Grafana failure; a starved Grafana shows as HTTP latency, requests in flight and the alert scheduler falling behind',
    }),
  ],
};
