import type { MetricEvidence, SourceRef } from './types';

/**
 * Names that no exporter defines: Prometheus writes `up` and `scrape_samples_scraped` for every
 * scrape and sets `job` and `instance` on every series of a target (prometheus/prometheus at
 * v2.42.0 and v3.14.0). The cluster label is the one the app's settings name (default
 * `cluster`); users add it by relabelling or as an external label, so no repository defines it.
 */
export const TARGET_EVIDENCE: {
  repository: string;
  labels: Record<string, SourceRef>;
  clusterLabel: string;
  metrics: Record<string, MetricEvidence>;
} = {
  repository: 'prometheus/prometheus',
  labels: {
    job: { tags: ['v2.42.0', 'v3.14.0'], file: 'scrape/target.go' },
    instance: { tags: ['v2.42.0', 'v3.14.0'], file: 'scrape/target.go' },
  },
  clusterLabel: 'cluster',
  metrics: {
    up: {
      labels: [],
      sources: [{ tags: ['v2.42.0', 'v3.14.0'], file: 'scrape/scrape.go' }],
      note: 'written by Prometheus for every scrape attempt: 1 when the scrape succeeded, 0 when it failed',
    },
    scrape_samples_scraped: {
      labels: [],
      sources: [{ tags: ['v2.42.0', 'v3.14.0'], file: 'scrape/scrape.go' }],
      note: 'written by Prometheus for every scrape attempt (scrapeLoop.report): the samples the target exposed, 0 when the scrape failed',
    },
  },
};
