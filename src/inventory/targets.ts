import { InventoryError } from './prometheus-api';

/** A scrape target as `/api/v1/targets` describes it, reduced to what the inventory shows. */
export interface ScrapeTarget {
  job: string;
  instance: string;
  health: TargetHealth;
  /** Epoch milliseconds of the last scrape; null before the first one. */
  lastScrapeMs: number | null;
  /** Seconds the last scrape took; null before the first one. */
  scrapeDurationS: number | null;
  lastError: string;
  /** The target's labels after relabelling (job and instance included). */
  labels: Record<string, string>;
  scrapePool: string;
  scrapeUrl: string;
}

export type TargetHealth = 'up' | 'down' | 'unknown';

// Go's zero time, which Prometheus reports for a target it has not scraped yet.
const NEVER_SCRAPED_BEFORE_MS = Date.UTC(1971, 0, 1);

/**
 * The active targets of a `/api/v1/targets` `data` object. Malformed entries are skipped and
 * counted, so one odd target cannot hide the others; a `data` that is not a targets answer throws.
 */
export function parseTargets(data: unknown): { targets: ScrapeTarget[]; skipped: number } {
  const active = (data as { activeTargets?: unknown })?.activeTargets;
  if (!Array.isArray(active)) {
    throw new InventoryError(
      'not-prometheus',
      'The answer to the targets request has no activeTargets list. Check that the URL points at Prometheus (2.x or newer).'
    );
  }
  const targets: ScrapeTarget[] = [];
  let skipped = 0;
  for (let i = 0; i < active.length; i++) {
    const raw = active[i];
    const labels = raw?.labels;
    if (typeof raw !== 'object' || raw === null || typeof labels !== 'object' || labels === null) {
      skipped++;
      continue;
    }
    const stringLabels = stringRecord(labels);
    targets.push({
      job: stringLabels.job ?? '',
      instance: stringLabels.instance ?? '',
      health: raw.health === 'up' || raw.health === 'down' ? raw.health : 'unknown',
      lastScrapeMs: parseScrapeTime(raw.lastScrape),
      scrapeDurationS:
        typeof raw.lastScrapeDuration === 'number' && raw.lastScrapeDuration >= 0 ? raw.lastScrapeDuration : null,
      lastError: typeof raw.lastError === 'string' ? raw.lastError : '',
      labels: stringLabels,
      scrapePool: typeof raw.scrapePool === 'string' ? raw.scrapePool : '',
      scrapeUrl: typeof raw.scrapeUrl === 'string' ? raw.scrapeUrl : '',
    });
  }
  return { targets, skipped };
}

// Prometheus writes RFC 3339 UTC with nanoseconds ("2024-05-01T10:00:00.123456789Z"). Reading the
// fields directly is several times faster than Date.parse, which matters at 10k+ targets; anything
// else (an offset, no fraction) goes to Date.parse.
const RFC3339_UTC = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?Z$/;

export function parseScrapeTime(value: unknown): number | null {
  if (typeof value !== 'string') {
    return null;
  }
  const m = RFC3339_UTC.exec(value);
  const ms = m
    ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], m[7] ? Math.floor(+m[7].slice(0, 3).padEnd(3, '0')) : 0)
    : Date.parse(value);
  return Number.isFinite(ms) && ms > NEVER_SCRAPED_BEFORE_MS ? ms : null;
}

// Label values are strings in Prometheus; anything else (a broken proxy, a hand-made answer) is stringified.
function stringRecord(labels: object): Record<string, string> {
  const out = labels as Record<string, unknown>;
  for (const key in out) {
    if (typeof out[key] !== 'string') {
      return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, typeof v === 'string' ? v : String(v)]));
    }
  }
  return out as Record<string, string>;
}
