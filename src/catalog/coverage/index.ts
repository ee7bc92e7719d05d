import { blackboxCoverage } from './blackbox';
import { nodeCoverage } from './node';
import type { ExporterCoverage } from './types';

/** Coverage by exporter id, for the exporters whose references have been compared so far. */
export const COVERAGE: Record<string, ExporterCoverage> = {
  blackbox: blackboxCoverage,
  node: nodeCoverage,
};
