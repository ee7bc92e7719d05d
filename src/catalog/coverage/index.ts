import { alertmanagerCoverage } from './alertmanager';
import { clickhouseCoverage } from './clickhouse';
import { fortigateCoverage } from './fortigate';
import { iloCoverage } from './ilo';
import { jmxCoverage } from './jmx';
import { kafkaCoverage } from './kafka';
import { mongodbCoverage } from './mongodb';
import { netdataCoverage } from './netdata';
import { nodeCoverage } from './node';
import { postgresCoverage } from './postgres';
import { prometheusCoverage } from './prometheus';
import { rabbitmqCoverage } from './rabbitmq';
import { telegrafCoverage } from './telegraf';
import { truenasCoverage } from './truenas';
import { vmwareCoverage } from './vmware';
import { windowsCoverage } from './windows';
import type { ExporterCoverage } from './types';

/** Coverage by exporter id, for the exporters whose references have been compared so far. */
export const COVERAGE: Record<string, ExporterCoverage> = {
  alertmanager: alertmanagerCoverage,
  clickhouse: clickhouseCoverage,
  fortigate: fortigateCoverage,
  ilo: iloCoverage,
  jmx: jmxCoverage,
  kafka: kafkaCoverage,
  mongodb: mongodbCoverage,
  netdata: netdataCoverage,
  node: nodeCoverage,
  postgres: postgresCoverage,
  prometheus: prometheusCoverage,
  rabbitmq: rabbitmqCoverage,
  telegraf: telegrafCoverage,
  truenas: truenasCoverage,
  vmware: vmwareCoverage,
  windows: windowsCoverage,
};
