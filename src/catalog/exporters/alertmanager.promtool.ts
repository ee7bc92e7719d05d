/**
 * promtool cases for the alertmanager alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import type { FireAndQuiet, PromtoolCases } from '../promtool-cases';

// Every series comes from a family's fixture (tests/fixtures/exporters/alertmanager-*.prom).
const F025 = 'Alertmanager 0.25';
const F026 = 'Alertmanager ≥ 0.26';
const RECEIVER = 'Alertmanager ≥ 0.27 with --enable-feature=receiver-name-in-metrics';
const AM_LABELS = { job: 'alertmanager', instance: 'am-1:9093' };
const at = (family: string, target: Record<string, string> = AM_LABELS) =>
  familyFixture('alertmanager', family).at(target);
const am = at(F025);

/**
 * One series of `metric` for each Alertmanager of one cluster (am-1, am-2…, under the same job and instance names in
 * every cluster, as on a global store holding prod and staging), each value held for 30 minutes.
 */
const inCluster = (cluster: string, metric: string, ...values: string[]) =>
  values.map((value, i) => ({
    series: at(F025, { job: 'alertmanager', instance: `am-${i + 1}:9093`, cluster }).series(metric),
    values: `${value}x30`,
  }));

/** The integration labels of each family: receiver_name only with receiver-name-in-metrics (≥ 0.27). */
const integration = (family: string, name: string): Record<string, string> =>
  family === RECEIVER ? { integration: name, receiver_name: 'oncall' } : { integration: name };

/**
 * Email notifications, 100 a minute, with failures following `failed`: in Alertmanager 0.25 one
 * failure counter per integration; from 0.26 one per integration and reason, every reason pre-set
 * to 0 (notify/notify.go, notify/metrics.go, notify/util.go), so the failures sit on one reason among zeros.
 */
const notifyFailing = (firing: string, quiet: string) => {
  const build = (family: string): FireAndQuiet => {
    const fx = at(family);
    const labels = integration(family, 'email');
    const sent = { series: fx.series('alertmanager_notifications_total', labels), values: '0+100x30' };
    const failed = (values: string) =>
      family === F025
        ? [{ series: fx.series('alertmanager_notifications_failed_total', labels), values }, sent]
        : [
            {
              series: fx.series('alertmanager_notifications_failed_total', { ...labels, reason: 'serverError' }),
              values,
            },
            {
              series: fx.series('alertmanager_notifications_failed_total', { ...labels, reason: 'clientError' }),
              values: '0x30',
            },
            {
              series: fx.series('alertmanager_notifications_failed_total', { ...labels, reason: 'other' }),
              values: '0x30',
            },
            sent,
          ];
    return {
      fires: { series: failed(firing), evalTime: '25m', labels: { ...AM_LABELS, integration: 'email' } },
      quiet: { series: failed(quiet), evalTime: '25m' },
    };
  };
  return {
    family: F026,
    ...build(F026),
    otherFamilies: [F025, RECEIVER].map((family) => ({ family, ...build(family) })),
  };
};

/** Every bucket Alertmanager exposes for the notification latency (1, 5, 10, 15, 20 s and +Inf; notify/metrics.go). */
const latencyBuckets = (family: string, counts: Record<1 | 5 | 10 | 15 | 20, string>) => {
  const labels = integration(family, 'email');
  return ([1, 5, 10, 15, 20, '+Inf'] as const).map((le) => ({
    series: at(family).series('alertmanager_notification_latency_seconds_bucket', { ...labels, le: String(le) }),
    values: counts[le === '+Inf' ? 20 : le],
  }));
};
const slowCases = (family: string): FireAndQuiet => ({
  // Half of the email notifications take 15–20 s: the p99 is near 20 s.
  fires: {
    series: latencyBuckets(family, { 1: '0x30', 5: '0x30', 10: '0x30', 15: '0+1x30', 20: '0+2x30' }),
    evalTime: '25m',
    labels: { ...AM_LABELS, integration: 'email' },
  },
  // Every notification within 1 s.
  quiet: {
    series: latencyBuckets(family, { 1: '0+2x30', 5: '0+2x30', 10: '0+2x30', 15: '0+2x30', 20: '0+2x30' }),
    evalTime: '25m',
  },
});

export const alertmanagerPromtoolCases: PromtoolCases = {
  'config-reload-failed': {
    family: 'Alertmanager 0.25',
    fires: {
      series: [{ series: am.series('alertmanager_config_last_reload_successful'), values: '1x5 0x25' }],
      evalTime: '25m',
      labels: AM_LABELS,
    },
    quiet: {
      series: [{ series: am.series('alertmanager_config_last_reload_successful'), values: '1x30' }],
      evalTime: '25m',
    },
  },
  // Two clusters' Alertmanagers on one global store (Thanos, Mimir), under the same job and instance names: prod
  // and staging run different configurations by design, so only a difference within one cluster may fire.
  'config-inconsistent': {
    family: 'Alertmanager 0.25',
    fires: {
      series: [
        ...inCluster('prod', 'alertmanager_config_hash', '111', '222'),
        ...inCluster('staging', 'alertmanager_config_hash', '333', '333'),
      ],
      evalTime: '25m',
      labels: { job: 'alertmanager', cluster: 'prod' },
    },
    quiet: {
      series: [
        ...inCluster('prod', 'alertmanager_config_hash', '111', '111'),
        ...inCluster('staging', 'alertmanager_config_hash', '222', '222'),
      ],
      evalTime: '25m',
    },
  },
  // Two gossip clusters of different sizes under one job name on a global store: each member is compared with the
  // members of its own cluster only.
  'members-inconsistent': {
    family: 'Alertmanager 0.25',
    fires: {
      series: [
        ...inCluster('prod', 'alertmanager_cluster_members', '1', '2'),
        ...inCluster('staging', 'alertmanager_cluster_members', '3', '3', '3'),
      ],
      evalTime: '25m',
      labels: { job: 'alertmanager', instance: 'am-1:9093', cluster: 'prod' },
    },
    quiet: {
      series: [
        ...inCluster('prod', 'alertmanager_cluster_members', '2', '2'),
        ...inCluster('staging', 'alertmanager_cluster_members', '3', '3', '3'),
      ],
      evalTime: '25m',
    },
  },
  'failed-peers': {
    family: 'Alertmanager 0.25',
    fires: {
      series: [{ series: am.series('alertmanager_cluster_failed_peers'), values: '1x30' }],
      evalTime: '25m',
      labels: AM_LABELS,
    },
    quiet: {
      series: [{ series: am.series('alertmanager_cluster_failed_peers'), values: '0x30' }],
      evalTime: '25m',
    },
  },
  'notify-failing': notifyFailing('0+5x30', '0x30'),
  'notify-failing-crit': notifyFailing('0+50x30', '0+5x30'),
  'notifications-slow': {
    family: F025,
    ...slowCases(F025),
    otherFamilies: [{ family: RECEIVER, ...slowCases(RECEIVER) }],
  },
  'invalid-alerts': {
    family: 'Alertmanager 0.25',
    fires: {
      series: [{ series: am.series('alertmanager_alerts_invalid_total', { version: 'v2' }), values: '0+3x30' }],
      evalTime: '25m',
      labels: AM_LABELS,
    },
    quiet: {
      series: [{ series: am.series('alertmanager_alerts_invalid_total', { version: 'v2' }), values: '4x30' }],
      evalTime: '25m',
    },
  },
};
