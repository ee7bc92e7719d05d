import { alertmanagerCoverage } from './alertmanager';
import { clickhouseCoverage } from './clickhouse';
import { jmxCoverage } from './jmx';
import { kafkaCoverage } from './kafka';
import { mongodbCoverage } from './mongodb';
import { nodeCoverage } from './node';
import { postgresCoverage } from './postgres';
import { prometheusCoverage } from './prometheus';
import { rabbitmqCoverage } from './rabbitmq';
import { windowsCoverage } from './windows';
import type { ExporterCoverage } from './types';

/** Coverage by exporter id, for the exporters whose references have been compared so far. */
export const COVERAGE: Record<string, ExporterCoverage> = {
  alertmanager: alertmanagerCoverage,
  clickhouse: clickhouseCoverage,
  jmx: jmxCoverage,
  kafka: kafkaCoverage,
  mongodb: mongodbCoverage,
  node: nodeCoverage,
  postgres: postgresCoverage,
  prometheus: prometheusCoverage,
  rabbitmq: rabbitmqCoverage,
  windows: windowsCoverage,
};
