import { alertmanagerCoverage } from './alertmanager';
import { postgresCoverage } from './postgres';
import { prometheusCoverage } from './prometheus';
import type { ExporterCoverage } from './types';

/** Coverage by exporter id, for the exporters whose references have been compared so far. */
export const COVERAGE: Record<string, ExporterCoverage> = {
  alertmanager: alertmanagerCoverage,
  postgres: postgresCoverage,
  prometheus: prometheusCoverage,
};
