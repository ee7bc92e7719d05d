import { alertmanagerEvidence } from './alertmanager';
import { iloEvidence } from './ilo';
import { kafkaEvidence } from './kafka';
import { netdataEvidence } from './netdata';
import { nodeEvidence } from './node';
import { postgresEvidence } from './postgres';
import { prometheusEvidence } from './prometheus';
import type { ExporterEvidence } from './types';
import { windowsEvidence } from './windows';

/** Evidence by exporter id, for the exporters that have been read at their source so far. */
export const EVIDENCE: Record<string, ExporterEvidence> = {
  alertmanager: alertmanagerEvidence,
  ilo: iloEvidence,
  kafka: kafkaEvidence,
  netdata: netdataEvidence,
  node: nodeEvidence,
  postgres: postgresEvidence,
  prometheus: prometheusEvidence,
  windows: windowsEvidence,
};
