import type { CoverageRow } from './types';

/** Rows of one reference and kind, written as `rows('Their item', { covered: [...] })`. */
export const rowsOf =
  (reference: string, kind: CoverageRow['kind']) =>
  (item: string, status: CoverageRow['status']): CoverageRow => ({ reference, kind, item, status });
