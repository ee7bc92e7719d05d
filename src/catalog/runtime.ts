/**
 * The catalog as the datasource and the inventory read it at runtime: ids, titles, layers,
 * detection and version metrics. The full catalog (signals' query builders, thresholds, alerts,
 * dashboard rows, descriptions) is about 60 KiB gzip; a module that imports it ships all of it, so
 * code that only classifies targets imports this form instead. `npm run generate` writes
 * runtime.generated.ts from the catalog, and a test fails when it is stale.
 */
import type { ExporterDefinition } from './types';
import { RUNTIME_EXPORTERS } from './runtime.generated';

export const RUNTIME_FIELDS = [
  'id',
  'title',
  'layer',
  'defaultPort',
  'docsUrl',
  'detection',
  'infoMetrics',
  'versionMetric',
] as const;

/**
 * A switch the exporter leaves off out of the box (`offByDefault` requirements only), with the
 * metrics of the signals that need it: a target with none of them is missing the switch.
 */
export interface RuntimeRequirement {
  /** What to enable, with its kind and versions (requirementText). */
  text: string;
  /** Titles of the signals (panels) that stay empty without it. */
  panels: string[];
  /** Every metric those signals read, across exporter versions. */
  metrics: string[];
}

/** What runtime code may read of an exporter; a full ExporterDefinition is one too. */
export type RuntimeExporter = Pick<ExporterDefinition, (typeof RUNTIME_FIELDS)[number]> & {
  /** Computed by the generator from the signals' `requires` (runtime-catalog.ts). */
  requirements?: readonly RuntimeRequirement[];
};

/** Every exporter, in catalog order, in its runtime form. */
export const EXPORTERS: readonly RuntimeExporter[] = RUNTIME_EXPORTERS;

export { LAYERS } from './layers';
