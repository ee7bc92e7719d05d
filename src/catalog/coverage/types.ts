/**
 * What the best public references for an exporter offer (its mixin, the most used community
 * dashboard, the exporter's own docs, awesome-prometheus-alerts), item by item, and what we offer
 * beside each: covered (by which of our alerts or panels), added now, or not taken and why.
 * Build-time data: `npm run generate` renders docs/coverage/, and a test checks every id resolves.
 * Facts and names only: every rule, panel and text of ours is written here, never copied.
 */

export interface Reference {
  /** Short id the rows refer to, e.g. `mixin`, `nef` (Node Exporter Full), `apa` (awesome-prometheus-alerts). */
  id: string;
  title: string;
  kind: 'mixin' | 'dashboard' | 'exporter docs' | 'alert collection';
  /** Where it lives (repository file or grafana.com dashboard page). */
  url: string;
  /** The version read: a tag, a commit, or a grafana.com revision. */
  version: string;
}

/** Ours: `alert:<alert id>` or `panel:<signal id>` of the same exporter. */
export type OurItem = `alert:${string}` | `panel:${string}`;

export type CoverageStatus =
  /** We already had it. */
  | { covered: [OurItem, ...OurItem[]] }
  /** Added by this work (issue 16). */
  | { added: [OurItem, ...OurItem[]] }
  /** Deliberately not taken. */
  | { notTaken: string };

export interface CoverageRow {
  /** The `Reference.id` that offers it. */
  reference: string;
  kind: 'alert' | 'view';
  /** The reference's own name for it (alert name, panel or row title). */
  item: string;
  status: CoverageStatus;
  /**
   * What a reader must know beside our item that neither name says: the version it needs, or why we alert where
   * the reference ships its rule silenced.
   */
  note?: string;
}

export interface ExporterCoverage {
  exporter: string;
  references: [Reference, ...Reference[]];
  rows: CoverageRow[];
  /** Why we have fewer alerts than the reference with the most, when we do (the rows say which). */
  fewerAlertsBecause?: string;
}
