import { APA_COMMIT, APA_URL } from './references';
import type { ExporterCoverage } from './types';

const DOWN_ELSEWHERE =
  'an Alertmanager that is down cannot be seen by its own metrics: the Prometheus pack alerts on its target (PrometheusTargetDown) and on Prometheus losing it (PrometheusNotConnectedToAlertmanagers)';

export const alertmanagerCoverage: ExporterCoverage = {
  exporter: 'alertmanager',
  references: [
    {
      id: 'mixin',
      title: 'alertmanager-mixin',
      kind: 'mixin',
      url: 'https://github.com/prometheus/alertmanager/tree/v0.34.0/doc/alertmanager-mixin',
      version: 'v0.34.0',
    },
    {
      id: 'apa',
      title: 'awesome-prometheus-alerts: Prometheus self-monitoring (its Alertmanager rules)',
      kind: 'alert collection',
      url: APA_URL,
      version: `commit ${APA_COMMIT.slice(0, 12)}`,
    },
  ],
  fewerAlertsBecause:
    'the mixin’s two cluster-wide rules for a down or crash-looping Alertmanager need other servers’ view of it; the Prometheus pack alerts on those (PrometheusTargetDown, PrometheusNotConnectedToAlertmanagers).',
  rows: [
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'AlertmanagerFailedReload',
      status: { covered: ['alert:config-reload-failed'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'AlertmanagerMembersInconsistent',
      status: { covered: ['alert:members-inconsistent'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'AlertmanagerFailedToSendAlerts',
      status: { covered: ['alert:notify-failing'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'AlertmanagerClusterFailedToSendAlerts (critical integrations)',
      status: { covered: ['alert:notify-failing-crit'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'AlertmanagerClusterFailedToSendAlerts (other integrations)',
      status: { covered: ['alert:notify-failing'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'AlertmanagerConfigInconsistent',
      status: { covered: ['alert:config-inconsistent'] },
    },
    { reference: 'mixin', kind: 'alert', item: 'AlertmanagerClusterDown', status: { notTaken: DOWN_ELSEWHERE } },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'AlertmanagerClusterCrashlooping',
      status: {
        notTaken: `${DOWN_ELSEWHERE}; between restarts the cluster members panel and AlertmanagerClusterMembersInconsistent show the member dropping out`,
      },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'AlertmanagerClusterFailedPeers',
      status: { covered: ['alert:failed-peers'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus AlertManager notification failing',
      status: { covered: ['alert:notify-failing', 'alert:notify-failing-crit'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus AlertManager configuration reload failure',
      status: { covered: ['alert:config-reload-failed'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus AlertManager config not synced',
      status: { covered: ['alert:config-inconsistent'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus AlertManager job missing',
      status: { notTaken: DOWN_ELSEWHERE },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus AlertManager E2E dead man switch',
      status: {
        notTaken:
          'the switch is a Prometheus rule that always fires (the Prometheus pack’s PrometheusWatchdog); the receiver, not Alertmanager, notices its silence',
      },
    },
    // dashboards/overview.libsonnet
    { reference: 'mixin', kind: 'view', item: 'Alerts', status: { covered: ['panel:alerts'] } },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Alerts receive rate',
      status: { covered: ['panel:alertsReceived', 'panel:alertsInvalid'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: '$integration: Notifications Send Rate',
      status: { covered: ['panel:notificationsSent', 'panel:notificationsFailed'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: '$integration: Notification Duration',
      status: { covered: ['panel:notificationLatency'] },
    },
  ],
};
