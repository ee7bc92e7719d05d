import { alertmanagerEvidence } from './alertmanager';
import { kafkaEvidence } from './kafka';
import { nodeEvidence } from './node';
import { postgresEvidence } from './postgres';
import { prometheusEvidence } from './prometheus';
import { keepalivedEvidence } from './keepalived';
import { chronyEvidence } from './chrony';
import { fortigateEvidence } from './fortigate';
import { telegrafEvidence } from './telegraf';
import type { ExporterEvidence } from './types';
import { windowsEvidence } from './windows';

/** Evidence by exporter id, for the exporters that have been read at their source so far. */
export const EVIDENCE: Record<string, ExporterEvidence> = {
  alertmanager: alertmanagerEvidence,
  kafka: kafkaEvidence,
  node: nodeEvidence,
  postgres: postgresEvidence,
  prometheus: prometheusEvidence,
  windows: windowsEvidence,
  fortigate: fortigateEvidence,
  chrony: chronyEvidence,
  keepalived: keepalivedEvidence,
  telegraf: telegrafEvidence,
};
