/**
 * Targets read from the scrape series instead of `/api/v1/targets`. A global store (a Prometheus
 * receiving remote write, a federating server, Thanos Query, Mimir, VictoriaMetrics) holds the
 * `up` series of every server that feeds it, but its targets API lists only what it scrapes itself
 * (or, on Mimir, does not exist). Each target also writes `up`, `scrape_duration_seconds` and the
 * time of its last scrape (`timestamp(up)`), which is enough to list it with its health; the
 * scrape error text and URL exist only in the scraping server's memory, so they cannot be shown.
 */
import { REPLICA_LABELS } from '../catalog/promql';
import type { VectorSample } from './prometheus-api';
import type { ScrapeTarget } from './targets';

const FIELD = 'fsm_field';

/** One query for the three fields, told apart by a label (timestamp() drops the metric name). */
export const TARGET_SERIES_QUERY = [
  `label_replace(up, "${FIELD}", "up", "", "")`,
  `label_replace(timestamp(up), "${FIELD}", "scraped", "", "")`,
  `label_replace(scrape_duration_seconds, "${FIELD}", "duration", "", "")`,
].join(' or ');

export const LAST_ERROR_UNAVAILABLE =
  'Not available: listed from the up series; only the server that scrapes this target knows its last error.';

/**
 * One target per label set of `up`, HA replicas folded into one (up when any replica scrapes it;
 * the latest scrape; the longest duration), so a pair does not list each target twice.
 */
export function targetsFromSeries(
  samples: readonly VectorSample[],
  replicaLabels: readonly string[] = REPLICA_LABELS
): ScrapeTarget[] {
  const byKey = new Map<string, ScrapeTarget>();
  const fields: Array<[string, string, number]> = [];
  for (const { metric, value } of samples) {
    const labels: Record<string, string> = {};
    for (const [name, v] of Object.entries(metric)) {
      if (name !== '__name__' && name !== FIELD && !replicaLabels.includes(name)) {
        labels[name] = v;
      }
    }
    const key = labelKey(labels);
    const number = value ? Number(value[1]) : NaN;
    fields.push([key, metric[FIELD] ?? '', number]);
    if (metric[FIELD] === 'up' && !byKey.has(key)) {
      byKey.set(key, {
        job: labels.job ?? '',
        instance: labels.instance ?? '',
        health: 'unknown',
        lastScrapeMs: null,
        scrapeDurationS: null,
        lastError: '',
        labels,
        scrapePool: labels.job ?? '',
        scrapeUrl: '',
      });
    }
  }
  for (const [key, field, number] of fields) {
    const target = byKey.get(key);
    if (!target || !Number.isFinite(number)) {
      continue;
    }
    if (field === 'up') {
      target.health = number === 1 || target.health === 'up' ? 'up' : 'down';
    } else if (field === 'scraped') {
      target.lastScrapeMs = Math.max(target.lastScrapeMs ?? 0, number * 1000);
    } else if (field === 'duration') {
      target.scrapeDurationS = Math.max(target.scrapeDurationS ?? 0, number);
    }
  }
  for (const target of byKey.values()) {
    if (target.health === 'down') {
      target.lastError = LAST_ERROR_UNAVAILABLE;
    }
  }
  return [...byKey.values()];
}

/**
 * The series targets the targets API does not list. A target of the answering server has the same
 * labels in both; a target of another server carries that server's external labels (`cluster`,
 * `replica`), which its targets API entry would lack, so it counts as not covered.
 */
export function targetsMissingFromApi(
  apiTargets: readonly ScrapeTarget[],
  seriesTargets: readonly ScrapeTarget[]
): ScrapeTarget[] {
  const listed = new Set(apiTargets.map((t) => labelKey(t.labels)));
  return seriesTargets.filter((t) => !listed.has(labelKey(t.labels)));
}

function labelKey(labels: Record<string, string>): string {
  return JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k]])
  );
}
