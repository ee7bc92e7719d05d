import { alertmanagerExporter } from './exporters/alertmanager';
import { blackboxExporter } from './exporters/blackbox';
import { chronyExporter } from './exporters/chrony';
import { clickhouseExporter } from './exporters/clickhouse';
import { dnsExporter } from './exporters/dns';
import { fortigateExporter } from './exporters/fortigate';
import { grafanaExporter } from './exporters/grafana';
import { haproxyExporter } from './exporters/haproxy';
import { haproxyCsvExporter } from './exporters/haproxy-exporter';
import { iloExporter } from './exporters/ilo';
import { jmxExporter } from './exporters/jmx';
import { kafkaExporter } from './exporters/kafka';
import { keepalivedExporter } from './exporters/keepalived';
import { mongodbExporter } from './exporters/mongodb';
import { netdataExporter } from './exporters/netdata';
import { nodeExporter } from './exporters/node';
import { postgresExporter } from './exporters/postgres';
import { prometheusExporter } from './exporters/prometheus';
import { pushgatewayExporter } from './exporters/pushgateway';
import { rabbitmqExporter } from './exporters/rabbitmq';
import { telegrafExporter } from './exporters/telegraf';
import { truenasExporter } from './exporters/truenas';
import { vmwareExporter } from './exporters/vmware';
import { windowsExporter } from './exporters/windows';
import { LAYERS } from './layers';
import type { ExporterDefinition, LayerId } from './types';
export { findSignal } from './define';

/** Every exporter the plugin knows, in catalog order (by layer, then as listed here). */
export const EXPORTERS: readonly ExporterDefinition[] = [
  nodeExporter,
  windowsExporter,
  blackboxExporter,
  netdataExporter,
  postgresExporter,
  mongodbExporter,
  clickhouseExporter,
  rabbitmqExporter,
  kafkaExporter,
  telegrafExporter,
  haproxyExporter,
  haproxyCsvExporter,
  keepalivedExporter,
  fortigateExporter,
  dnsExporter,
  vmwareExporter,
  truenasExporter,
  iloExporter,
  chronyExporter,
  jmxExporter,
  prometheusExporter,
  pushgatewayExporter,
  alertmanagerExporter,
  grafanaExporter,
];

export function getExporter(id: string): ExporterDefinition {
  const exporter = EXPORTERS.find((e) => e.id === id);
  if (!exporter) {
    throw new Error(`Unknown exporter "${id}". Known: ${EXPORTERS.map((e) => e.id).join(', ')}`);
  }
  return exporter;
}

export function exportersInLayer(layer: LayerId): ExporterDefinition[] {
  return EXPORTERS.filter((e) => e.layer === layer);
}

export { LAYERS };
export type * from './types';
