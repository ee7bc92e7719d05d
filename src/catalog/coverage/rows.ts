import type { CoverageRow, Reference } from './types';

/** Rows of one reference and kind, written as `rows('Their item', { covered: [...] })`. */
export const rowsOf =
  (reference: string, kind: CoverageRow['kind']) =>
  (item: string, status: CoverageRow['status']): CoverageRow => ({ reference, kind, item, status });

/** The awesome-prometheus-alerts commit every table read (2026-08-01). */
export const APA_COMMIT = 'a8533189af0246de5e21a6d8d25bd37816894f07';

/** awesome-prometheus-alerts as a reference, under the section title it gives the exporter. */
export const apaReference = (title: string): Reference => ({
  id: 'apa',
  title: `awesome-prometheus-alerts, ${title}`,
  kind: 'alert collection',
  url: `https://github.com/samber/awesome-prometheus-alerts/blob/${APA_COMMIT}/_data/rules.yml`,
  version: `${APA_COMMIT.slice(0, 7)} (2026-08-01)`,
});
