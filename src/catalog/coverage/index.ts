import { clickhouseCoverage } from './clickhouse';
import { jmxCoverage } from './jmx';
import { kafkaCoverage } from './kafka';
import { mongodbCoverage } from './mongodb';
import { nodeCoverage } from './node';
import { rabbitmqCoverage } from './rabbitmq';
import type { ExporterCoverage } from './types';
import { windowsCoverage } from './windows';

/** Coverage by exporter id, for the exporters whose references have been compared so far. */
export const COVERAGE: Record<string, ExporterCoverage> = {
  clickhouse: clickhouseCoverage,
  jmx: jmxCoverage,
  kafka: kafkaCoverage,
  mongodb: mongodbCoverage,
  node: nodeCoverage,
  rabbitmq: rabbitmqCoverage,
  windows: windowsCoverage,
};
