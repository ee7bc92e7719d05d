/**
 * promtool cases for the grafana alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import { firstEventCounts, type PromtoolCases } from '../promtool-cases';

const GF_LABELS = { job: 'grafana', instance: 'grafana-1:3000' };
// Every series comes from the one family's fixture (tests/fixtures/exporters/grafana-11.6-12.prom).
const gf = familyFixture('grafana', 'Grafana 11.6 – 12').at(GF_LABELS);

const search = (statusCode: string, statusSource: string) =>
  gf.series('grafana_http_request_duration_seconds_count', {
    handler: '/api/search',
    method: 'GET',
    slo_group: 'high-medium',
    status_code: statusCode,
    status_source: statusSource,
  });
// promhttp lowercases the method on Grafana's data source client metrics.
const prom = (code: string) =>
  gf.series('grafana_datasource_request_total', {
    code,
    datasource: 'Prometheus',
    datasource_type: 'prometheus',
    method: 'post',
    secure_socks_ds_proxy_enabled: 'false',
  });
const evaluations = (failures: string, all: string) => [
  { series: gf.series('grafana_alerting_rule_evaluation_failures_total', { org: '1' }), values: failures },
  { series: gf.series('grafana_alerting_rule_evaluations_total', { org: '1' }), values: all },
];
const missed = gf.series('grafana_alerting_schedule_rule_evaluations_missed_total', { name: 'Disk full', org: '1' });
const slack = (metric: string) => gf.series(metric, { integration: 'slack', org: '1' });

export const grafanaPromtoolCases: PromtoolCases = {
  'http-5xx': {
    fires: {
      series: [
        {
          series: search('500', 'server'),
          values: '0+10x30',
        },
        {
          series: search('200', 'server'),
          values: '0+90x30',
        },
      ],
      evalTime: '25m',
      labels: { ...GF_LABELS, handler: '/api/search' },
    },
    quiet: {
      // Downstream failures (a data source erroring) are not Grafana's own errors.
      series: [
        {
          series: search('500', 'downstream'),
          values: '0+10x30',
        },
        {
          series: search('200', 'server'),
          values: '0+90x30',
        },
      ],
      evalTime: '25m',
    },
  },
  'datasource-errors': {
    fires: {
      series: [
        {
          series: prom('503'),
          values: '0+20x30',
        },
        {
          series: prom('200'),
          values: '0+80x30',
        },
      ],
      evalTime: '25m',
      labels: { ...GF_LABELS, datasource: 'Prometheus' },
    },
    quiet: {
      series: [
        {
          series: prom('503'),
          values: '3x30',
        },
        {
          series: prom('200'),
          values: '0+80x30',
        },
      ],
      evalTime: '25m',
    },
  },
  'rule-eval-failures': {
    fires: {
      series: evaluations('0+5x30', '0+100x30'),
      evalTime: '25m',
      labels: { ...GF_LABELS, org: '1' },
    },
    quiet: {
      series: evaluations('212x30', '0+100x30'),
      evalTime: '25m',
    },
  },
  'rule-eval-failures-crit': {
    fires: {
      series: evaluations('0+30x30', '0+100x30'),
      evalTime: '25m',
      labels: { ...GF_LABELS, org: '1' },
    },
    quiet: {
      series: evaluations('0+5x30', '0+100x30'),
      evalTime: '25m',
    },
  },
  'scheduler-behind': {
    fires: {
      series: [{ series: gf.series('grafana_alerting_scheduler_behind_seconds'), values: '45x30' }],
      evalTime: '25m',
      labels: GF_LABELS,
    },
    quiet: {
      series: [
        {
          series: gf.series('grafana_alerting_scheduler_behind_seconds'),
          values: '0 60 0 60 0 60 0 60 0 60 0 60 0 60 0 60 0 60 0 60 0 60 0 60 0 60 0 60 0 60 0',
        },
      ],
      evalTime: '25m',
    },
  },
  // A rule's series appears at its first missed evaluation, at 1 (grafana.ts): a slow rule missing one
  // tick in three pages from its first miss. Prometheus starting to scrape a Grafana whose rule missed
  // twice before is old history, not a miss.
  'missed-evaluations': {
    fires: {
      ...firstEventCounts(missed, gf.scrape('scrape_samples_scraped')),
      labels: { ...GF_LABELS, org: '1', name: 'Disk full' },
    },
    quiet: {
      series: [
        { series: gf.scrape('scrape_samples_scraped'), values: '412x30' },
        { series: missed, values: '2x30' },
      ],
      evalTime: '25m',
    },
  },
  'notification-failures': {
    fires: {
      series: [
        { series: slack('grafana_alerting_notifications_failed_total'), values: '0+5x30' },
        { series: slack('grafana_alerting_notifications_total'), values: '0+100x30' },
      ],
      evalTime: '25m',
      labels: { ...GF_LABELS, integration: 'slack' },
    },
    quiet: {
      series: [
        { series: slack('grafana_alerting_notifications_failed_total'), values: '0x30' },
        { series: slack('grafana_alerting_notifications_total'), values: '0+100x30' },
      ],
      evalTime: '25m',
    },
  },
};
