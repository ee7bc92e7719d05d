import { alertmanagerEvidence } from './alertmanager';
import { blackboxEvidence } from './blackbox';
import { chronyEvidence } from './chrony';
import { dnsEvidence } from './dns';
import { fortigateEvidence } from './fortigate';
import { haproxyEvidence } from './haproxy';
import { haproxyExporterEvidence } from './haproxy-exporter';
import { jmxEvidence } from './jmx';
import { kafkaEvidence } from './kafka';
import { keepalivedEvidence } from './keepalived';
import { nodeEvidence } from './node';
import { postgresEvidence } from './postgres';
import { prometheusEvidence } from './prometheus';
import { pushgatewayEvidence } from './pushgateway';
import { windowsEvidence } from './windows';
import type { ExporterEvidence } from './types';

/** Evidence by exporter id, for the exporters that have been read at their source so far. */
export const EVIDENCE: Record<string, ExporterEvidence> = {
  alertmanager: alertmanagerEvidence,
  blackbox: blackboxEvidence,
  chrony: chronyEvidence,
  dns: dnsEvidence,
  fortigate: fortigateEvidence,
  haproxy: haproxyEvidence,
  'haproxy-exporter': haproxyExporterEvidence,
  jmx: jmxEvidence,
  kafka: kafkaEvidence,
  keepalived: keepalivedEvidence,
  node: nodeEvidence,
  postgres: postgresEvidence,
  prometheus: prometheusEvidence,
  pushgateway: pushgatewayEvidence,
  windows: windowsEvidence,
};
