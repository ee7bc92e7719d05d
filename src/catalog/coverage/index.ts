import { alertmanagerCoverage } from './alertmanager';
import { nodeCoverage } from './node';
import { postgresCoverage } from './postgres';
import { prometheusCoverage } from './prometheus';
import type { ExporterCoverage } from './types';

/** Coverage by exporter id, for the exporters whose references have been compared so far. */
export const COVERAGE: Record<string, ExporterCoverage> = {
  alertmanager: alertmanagerCoverage,
  node: nodeCoverage,
  postgres: postgresCoverage,
  prometheus: prometheusCoverage,
};
