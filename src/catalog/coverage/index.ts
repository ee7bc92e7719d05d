import { postgresCoverage } from './postgres';
import { prometheusCoverage } from './prometheus';
import type { ExporterCoverage } from './types';

/** Coverage by exporter id, for the exporters whose references have been compared so far. */
export const COVERAGE: Record<string, ExporterCoverage> = {
  postgres: postgresCoverage,
  prometheus: prometheusCoverage,
};
