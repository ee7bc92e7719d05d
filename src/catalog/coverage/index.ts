import { alertmanagerCoverage } from './alertmanager';
import { blackboxCoverage } from './blackbox';
import { chronyCoverage } from './chrony';
import { clickhouseCoverage } from './clickhouse';
import { dnsCoverage } from './dns';
import { fortigateCoverage } from './fortigate';
import { grafanaCoverage } from './grafana';
import { haproxyCoverage } from './haproxy';
import { haproxyExporterCoverage } from './haproxy-exporter';
import { iloCoverage } from './ilo';
import { jmxCoverage } from './jmx';
import { kafkaCoverage } from './kafka';
import { keepalivedCoverage } from './keepalived';
import { mongodbCoverage } from './mongodb';
import { netdataCoverage } from './netdata';
import { nodeCoverage } from './node';
import { postgresCoverage } from './postgres';
import { prometheusCoverage } from './prometheus';
import { pushgatewayCoverage } from './pushgateway';
import { rabbitmqCoverage } from './rabbitmq';
import { telegrafCoverage } from './telegraf';
import { truenasCoverage } from './truenas';
import { vmwareCoverage } from './vmware';
import { windowsCoverage } from './windows';
import type { ExporterCoverage } from './types';

/** Coverage by exporter id, for the exporters whose references have been compared so far. */
export const COVERAGE: Record<string, ExporterCoverage> = {
  alertmanager: alertmanagerCoverage,
  blackbox: blackboxCoverage,
  chrony: chronyCoverage,
  clickhouse: clickhouseCoverage,
  dns: dnsCoverage,
  fortigate: fortigateCoverage,
  grafana: grafanaCoverage,
  haproxy: haproxyCoverage,
  'haproxy-exporter': haproxyExporterCoverage,
  ilo: iloCoverage,
  jmx: jmxCoverage,
  kafka: kafkaCoverage,
  keepalived: keepalivedCoverage,
  mongodb: mongodbCoverage,
  netdata: netdataCoverage,
  node: nodeCoverage,
  postgres: postgresCoverage,
  prometheus: prometheusCoverage,
  pushgateway: pushgatewayCoverage,
  rabbitmq: rabbitmqCoverage,
  telegraf: telegrafCoverage,
  truenas: truenasCoverage,
  vmware: vmwareCoverage,
  windows: windowsCoverage,
};
