/**
 * Capacity planning for each Prometheus server, from the capacity checks' results. Pure formulas,
 * unit-tested with hand-computed numbers (capacity.test.ts).
 */
import { healthSectionUrl, type CheckResult, type Labels, type Problem } from './verdict';
import { formatValue } from './format';
import { chooseRetention, DEFAULT_RETENTION_SECONDS, type RetentionChoice, type ServerRetention } from './retention';
import { REPLICA_LABELS } from '../catalog/promql';

export { DEFAULT_RETENTION_SECONDS };

/**
 * Disk: the Prometheus documentation's capacity formula (Storage → Operational aspects,
 * https://prometheus.io/docs/prometheus/latest/storage/#operational-aspects):
 *   needed_disk_space = retention_time_seconds * ingested_samples_per_second * bytes_per_sample
 * The same page says Prometheus "uses only around 1-2 bytes per sample" on average; until the
 * server has compacted a block (bytes per sample cannot be measured) we assume the upper end, 2.
 */
export const ASSUMED_BYTES_PER_SAMPLE = 2;
export const BYTES_PER_SAMPLE_SOURCE =
  'Prometheus documentation, Storage → Operational aspects: “on average, Prometheus uses only around 1-2 bytes per sample”';

/**
 * Memory: rule of thumb of about 3 kB per series in the head block, "as of Prometheus 2.20", which
 * covers the series' data structures, samples from a reasonable scrape interval and remote write.
 * Source: Brian Brazil, “Why does Prometheus use so much RAM?”, Robust Perception,
 * https://www.robustperception.io/why-does-prometheus-use-so-much-ram/ . Queries and the page cache
 * for recently read blocks come on top, so the estimate is a floor for the server, not a limit.
 */
export const MEMORY_BYTES_PER_SERIES = 3000;
export const MEMORY_RULE_SOURCE =
  'about 3 kB per active series (Brian Brazil, “Why does Prometheus use so much RAM?”, Robust Perception, for Prometheus ≥ 2.20); queries and page cache come on top';

const DAY = 86400;

/**
 * Bytes per sample on disk: compacted chunk bytes over compacted samples (the same window for
 * both). Undefined before the first compaction (0 / 0), so callers fall back to the assumption.
 */
export function bytesPerSample(chunkBytes: number, chunkSamples: number): number | undefined {
  const value = chunkBytes / chunkSamples;
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** A measured bytes-per-sample value when it is usable, else undefined. */
function usable(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}

export function projectedDiskBytes(retentionSeconds: number, samplesPerSecond: number, perSample: number): number {
  return retentionSeconds * samplesPerSecond * perSample;
}

export function memoryEstimateBytes(activeSeries: number): number {
  return activeSeries * MEMORY_BYTES_PER_SERIES;
}

/**
 * Days until `freeBytes` are used up at `growthBytesPerSecond`; undefined when storage is not
 * growing (steady state under time retention, or shrinking) and 0 when nothing is free.
 */
export function daysUntilFull(freeBytes: number, growthBytesPerSecond: number): number | undefined {
  if (!Number.isFinite(freeBytes) || !Number.isFinite(growthBytesPerSecond)) {
    return undefined;
  }
  if (freeBytes <= 0) {
    return 0;
  }
  if (growthBytesPerSecond <= 0) {
    return undefined;
  }
  return freeBytes / (growthBytesPerSecond * DAY);
}

export interface CapacityReport {
  /** Labels naming the server: cluster, replica, job, instance. */
  labels: Labels;
  activeSeries?: number;
  samplesPerSecond?: number;
  bytesPerSample: number;
  bytesPerSampleMeasured: boolean;
  /** Infinity: size retention only, no time limit. */
  retentionSeconds: number;
  retentionKind: RetentionChoice['kind'];
  /** Where the retention came from, in words ("from --storage.tsdb.retention.time on “dc1-a”"). */
  retentionSource: string;
  storageUsedBytes?: number;
  projectedDiskBytes?: number;
  memoryEstimateBytes?: number;
  memoryUsedBytes?: number;
  /** Space storage may still grow into, and where that number comes from. */
  freeBytes?: number;
  freeSource?: string;
  growthBytesPerDay?: number;
  daysUntilFull?: number;
}

/** The server a series belongs to, so results of different checks can be joined. */
function serverKey(labels: Labels, identityLabels: readonly string[]): string {
  return [...identityLabels, 'instance'].map((l) => labels[l] ?? '').join('\u0000');
}

/** The host part of an instance (`10.0.0.1:9090` → `10.0.0.1`), as the disk queries derive it. */
export function hostOf(instance: string): string {
  const match = /^(.+):[0-9]+$/.exec(instance);
  return match ? match[1] : instance;
}

export interface CapacityOptions {
  clusterLabel?: string;
  /** The app's replica labels (default: the catalog's), which tell an HA pair's servers apart. */
  replicaLabels?: readonly string[];
  /** A retention the user entered; wins over what the server reports. */
  retentionSeconds?: number;
  /** Each reachable server's flags (see retention.ts); undefined while not read. */
  servers?: readonly ServerRetention[];
}

/** One report per Prometheus server found in the capacity checks' results. */
export function capacityReports(results: readonly CheckResult[], options: CapacityOptions = {}): CapacityReport[] {
  const clusterLabel = options.clusterLabel ?? 'cluster';
  const identityLabels = [clusterLabel, ...(options.replicaLabels ?? REPLICA_LABELS)];
  const seriesOf = (checkId: string) => results.find((r) => r.checkId === checkId && !r.error)?.series ?? [];
  const valueFor = (checkId: string, labels: Labels) =>
    seriesOf(checkId).find((s) => serverKey(s.labels, identityLabels) === serverKey(labels, identityLabels))?.value;

  return seriesOf('capacity-active-series').map(({ labels, value: activeSeries }) => {
    const samplesPerSecond = valueFor('capacity-samples-rate', labels);
    // The query already divides chunk bytes by chunk samples (see bytesPerSample).
    const measured = usable(valueFor('capacity-bytes-per-sample', labels));
    const perSample = measured ?? ASSUMED_BYTES_PER_SAMPLE;
    const retention = chooseRetention(labels, options.servers, {
      entered: options.retentionSeconds,
      metric: valueFor('capacity-retention-time', labels),
      identityLabels,
    });
    const storageUsedBytes = valueFor('capacity-storage-used', labels);
    const sizeLimit = valueFor('capacity-retention-size', labels) || retention.sizeBytes;
    const growth = valueFor('capacity-storage-growth', labels);

    // Room to grow: up to the size retention limit when one is set (Prometheus deletes old
    // blocks there), else the fullest real filesystem of the Prometheus host: we cannot tell
    // which mount holds the data directory, so the least free one is the honest worst case.
    let freeBytes: number | undefined;
    let freeSource: string | undefined;
    if (sizeLimit && sizeLimit > 0 && storageUsedBytes !== undefined) {
      freeBytes = sizeLimit - storageUsedBytes;
      freeSource = `retention size limit of ${formatValue(sizeLimit, 'bytes')}`;
    } else {
      const host = hostOf(labels.instance ?? '');
      const disks = seriesOf('capacity-disk-free').filter(
        (s) => s.labels.host === host && (s.labels[clusterLabel] ?? '') === (labels[clusterLabel] ?? '')
      );
      const fullest = disks.sort((a, b) => a.value - b.value)[0];
      if (fullest) {
        freeBytes = fullest.value;
        freeSource = `free space of ${fullest.labels.mountpoint ?? 'a filesystem'} on ${host} (the fullest filesystem of the Prometheus host)`;
      }
    }

    return {
      labels,
      activeSeries,
      samplesPerSecond,
      bytesPerSample: perSample,
      bytesPerSampleMeasured: measured !== undefined,
      retentionSeconds: retention.seconds,
      retentionKind: retention.kind,
      retentionSource: retention.source,
      storageUsedBytes,
      // Size retention only: storage never outgrows the size limit.
      projectedDiskBytes:
        samplesPerSecond === undefined
          ? undefined
          : Number.isFinite(retention.seconds)
            ? projectedDiskBytes(retention.seconds, samplesPerSecond, perSample)
            : sizeLimit,
      memoryEstimateBytes: memoryEstimateBytes(activeSeries),
      memoryUsedBytes: valueFor('capacity-memory-used', labels),
      freeBytes,
      freeSource,
      growthBytesPerDay: growth === undefined || Number.isNaN(growth) ? undefined : growth * DAY,
      daysUntilFull: freeBytes === undefined || growth === undefined ? undefined : daysUntilFull(freeBytes, growth),
    };
  });
}

/** Below these many days of room, the verdict warns (and then alarms) about the disk. */
export const DAYS_UNTIL_FULL_WARNING = 14;
export const DAYS_UNTIL_FULL_CRITICAL = 3;

/** Verdict problems from capacity: a disk that fills soon, or a retention that cannot fit. */
export function capacityProblems(reports: readonly CapacityReport[]): Problem[] {
  return reports.flatMap((report): Problem[] => {
    const who = report.labels.instance ?? 'Prometheus';
    const problems: Problem[] = [];
    const base = {
      section: 'capacity' as const,
      labels: report.labels,
      link: healthSectionUrl('capacity'),
    };
    const days = report.daysUntilFull;
    if (days !== undefined && days < DAYS_UNTIL_FULL_WARNING) {
      const severity = days < DAYS_UNTIL_FULL_CRITICAL ? 'critical' : 'warning';
      const limit = severity === 'critical' ? DAYS_UNTIL_FULL_CRITICAL : DAYS_UNTIL_FULL_WARNING;
      problems.push({
        ...base,
        checkId: 'capacity-days-until-full',
        title: 'Days until the disk fills',
        severity,
        value: days,
        formattedValue: `${days.toFixed(1)} days`,
        message: `Prometheus ${who}: at the current growth its storage is full in ${days.toFixed(1)} days (${report.freeSource}).`,
        magnitude: (limit - days) / limit,
      });
    }
    if (
      report.projectedDiskBytes !== undefined &&
      report.freeBytes !== undefined &&
      report.storageUsedBytes !== undefined &&
      report.projectedDiskBytes > report.storageUsedBytes + report.freeBytes
    ) {
      const room = report.storageUsedBytes + report.freeBytes;
      problems.push({
        ...base,
        checkId: 'capacity-retention-fits',
        title: 'Retention does not fit',
        severity: 'warning',
        value: report.projectedDiskBytes,
        formattedValue: formatValue(report.projectedDiskBytes, 'bytes'),
        message: `Prometheus ${who}: ${formatValue(report.retentionSeconds, 'dtdurations')} of retention at the current ingestion needs ${formatValue(report.projectedDiskBytes, 'bytes')}, but only ${formatValue(room, 'bytes')} are available.`,
        magnitude: report.projectedDiskBytes / room - 1,
      });
    }
    return problems;
  });
}
