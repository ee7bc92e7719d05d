/**
 * Where each metric and label the catalog's queries use comes from, read in the exporter's own
 * source at the versions we support. Test-only data: `evidence.test.ts` checks every generated
 * query against it, and a lint rule keeps shipped code from importing `evidence/` (the browser
 * never needs it). Names and facts only: never upstream code.
 */

/** One place a name is defined: a file of the exporter's repository at the tags it was read at. */
export interface SourceRef {
  /** Git tags of the repository at which the file was read and defines the name. */
  tags: [string, ...string[]];
  /** Path inside the repository. */
  file: string;
}

export interface MetricEvidence {
  /**
   * Labels the exporter itself puts on the series (Prometheus adds the target's `job`, `instance`
   * and relabelled labels such as the cluster label; those are in `TARGET_EVIDENCE`).
   */
  labels: string[];
  /** Where the exporter defines the metric and those labels; one entry per file it lived in. */
  sources: [SourceRef, ...SourceRef[]];
  /** The supported versions that emit it, when not all do, e.g. `≥ 0.29` or `< 0.31`. */
  versions?: string;
  /** The quirk the queries rely on: a sentinel, a unit, a default-off collector or flag, a label some versions lack. */
  note?: string;
}

/** Versions of an exporter whose series have the same names, labels and value vocabulary. */
export interface VersionFamily {
  name: string;
  /** What sets it apart from the other families. */
  differs: string;
}

export interface ExporterEvidence {
  /** The catalog's exporter id. */
  exporter: string;
  /** The exporter's repository on GitHub, `owner/name`. */
  repository: string;
  /**
   * How the source was read. `tags` (the default): a mirror of the repository, at each tag a source
   * lists. `code index`: the repository is too large to mirror here (grafana/grafana, ClickHouse: several
   * GB), so each file was read as the search index stores it — several unlabelled versions side by side,
   * ordered by their content — and a source's tags name the supported range that reading stands for, not
   * checkouts. Kept in the data so nobody mistakes one kind of proof for the other.
   */
  readAt?: 'tags' | 'code index';
  /** Oldest supported release → current release (tags of `repository`). */
  supported: { oldest: string; current: string };
  families: [VersionFamily, ...VersionFamily[]];
  /** Every metric the exporter's panels, alerts, detection, info and version metrics use. */
  metrics: Record<string, MetricEvidence>;
}
