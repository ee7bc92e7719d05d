import { alertmanagerEvidence } from './alertmanager';
import { blackboxEvidence } from './blackbox';
import { chronyEvidence } from './chrony';
import { clickhouseEvidence } from './clickhouse';
import { dnsEvidence } from './dns';
import { fortigateEvidence } from './fortigate';
import { grafanaEvidence } from './grafana';
import { haproxyEvidence } from './haproxy';
import { haproxyExporterEvidence } from './haproxy-exporter';
import { iloEvidence } from './ilo';
import { jmxEvidence } from './jmx';
import { kafkaEvidence } from './kafka';
import { keepalivedEvidence } from './keepalived';
import { mongodbEvidence } from './mongodb';
import { netdataEvidence } from './netdata';
import { nodeEvidence } from './node';
import { postgresEvidence } from './postgres';
import { prometheusEvidence } from './prometheus';
import { pushgatewayEvidence } from './pushgateway';
import { rabbitmqEvidence } from './rabbitmq';
import { telegrafEvidence } from './telegraf';
import { truenasEvidence } from './truenas';
import { vmwareEvidence } from './vmware';
import { windowsEvidence } from './windows';
import type { ExporterEvidence } from './types';

/** Evidence by exporter id, for the exporters that have been read at their source so far. */
export const EVIDENCE: Record<string, ExporterEvidence> = {
  alertmanager: alertmanagerEvidence,
  blackbox: blackboxEvidence,
  chrony: chronyEvidence,
  clickhouse: clickhouseEvidence,
  dns: dnsEvidence,
  fortigate: fortigateEvidence,
  grafana: grafanaEvidence,
  haproxy: haproxyEvidence,
  'haproxy-exporter': haproxyExporterEvidence,
  ilo: iloEvidence,
  jmx: jmxEvidence,
  kafka: kafkaEvidence,
  keepalived: keepalivedEvidence,
  mongodb: mongodbEvidence,
  netdata: netdataEvidence,
  node: nodeEvidence,
  postgres: postgresEvidence,
  prometheus: prometheusEvidence,
  pushgateway: pushgatewayEvidence,
  rabbitmq: rabbitmqEvidence,
  telegraf: telegrafEvidence,
  truenas: truenasEvidence,
  vmware: vmwareEvidence,
  windows: windowsEvidence,
};
