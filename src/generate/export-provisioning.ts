import { stringify } from 'yaml';
import type { DesiredState } from '../engine/desired-state';
import type { AlertRulePayload } from '../grafana-api/types';

/*
 * The Setup page's desired state as a Grafana file-provisioning document for alert rules
 * (`apiVersion: 1`, `groups:`), for teams that provision from Git. Built from the same
 * DesiredState as the page writes through the API, so both give the same rules.
 *
 * Format (Grafana "Use configuration files to provision alerting resources"): each group has
 * `orgId`, `name`, `folder` (the folder TITLE: Grafana creates it if missing, with a uid of its
 * own), `interval` as a duration, and `rules` with uid, title, condition, data (relativeTimeRange
 * in seconds), noDataState, execErrState, for, annotations, labels, isPaused.
 */

export interface ProvisioningRule {
  uid: string;
  title: string;
  condition: string;
  data: AlertRulePayload['data'];
  noDataState: string;
  execErrState: string;
  for: string;
  annotations: Record<string, string>;
  labels: Record<string, string>;
  isPaused: boolean;
}

export interface ProvisioningGroup {
  orgId: number;
  name: string;
  folder: string;
  interval: string;
  rules: ProvisioningRule[];
}

export interface AlertingProvisioningFile {
  apiVersion: 1;
  groups: ProvisioningGroup[];
}

export function alertingProvisioningFile(desired: DesiredState, orgId = 1): AlertingProvisioningFile {
  return {
    apiVersion: 1,
    groups: desired.groups.map((group) => ({
      orgId,
      name: group.title,
      folder: desired.folder.title,
      interval: `${group.interval}s`,
      rules: group.rules.map((rule) => ({
        uid: rule.uid,
        title: rule.title,
        condition: rule.condition,
        data: rule.data,
        noDataState: rule.noDataState,
        execErrState: rule.execErrState,
        for: rule.for,
        annotations: rule.annotations,
        labels: rule.labels,
        isPaused: rule.isPaused,
      })),
    })),
  };
}

export function alertingProvisioningYaml(desired: DesiredState, orgId = 1): string {
  const header = [
    '# Grafana alert rules from Full-Stack Monitoring (generated: edit the Setup choices, not this file).',
    `# Datasource uid: ${desired.datasourceUids.join(', ')}. Put this file in Grafana's provisioning/alerting/ directory.`,
    '# Rules provisioned from files are read-only in Grafana and cannot then be managed from the Setup page.',
  ].join('\n');
  // lineWidth 0: never fold long PromQL expressions.
  return `${header}\n${stringify(alertingProvisioningFile(desired, orgId), { lineWidth: 0 })}`;
}
