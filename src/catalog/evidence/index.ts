import { alertmanagerEvidence } from './alertmanager';
import { blackboxEvidence } from './blackbox';
import { dnsEvidence } from './dns';
import { haproxyEvidence } from './haproxy';
import { haproxyExporterEvidence } from './haproxy-exporter';
import { kafkaEvidence } from './kafka';
import { nodeEvidence } from './node';
import { postgresEvidence } from './postgres';
import { prometheusEvidence } from './prometheus';
import { pushgatewayEvidence } from './pushgateway';
import type { ExporterEvidence } from './types';
import { windowsEvidence } from './windows';

/** Evidence by exporter id, for the exporters that have been read at their source so far. */
export const EVIDENCE: Record<string, ExporterEvidence> = {
  alertmanager: alertmanagerEvidence,
  blackbox: blackboxEvidence,
  dns: dnsEvidence,
  haproxy: haproxyEvidence,
  'haproxy-exporter': haproxyExporterEvidence,
  kafka: kafkaEvidence,
  node: nodeEvidence,
  postgres: postgresEvidence,
  prometheus: prometheusEvidence,
  pushgateway: pushgatewayEvidence,
  windows: windowsEvidence,
};
