/** @jest-environment node */
import {
  ASSUMED_BYTES_PER_SAMPLE,
  bytesPerSample,
  capacityProblems,
  capacityReports,
  daysUntilFull,
  DEFAULT_RETENTION_SECONDS,
  hostOf,
  memoryEstimateBytes,
  projectedDiskBytes,
} from './capacity';
import type { CheckResult } from './verdict';

const GiB = 1024 ** 3;

describe('capacity formulas (hand-computed)', () => {
  it('bytes per sample = compacted chunk bytes / compacted samples, undefined before any compaction', () => {
    expect(bytesPerSample(1_500_000, 1_000_000)).toBe(1.5);
    expect(bytesPerSample(0, 0)).toBeUndefined();
    expect(bytesPerSample(NaN, 1)).toBeUndefined();
  });

  it('projected disk = retention seconds × samples/s × bytes/sample', () => {
    // 15 days = 1,296,000 s; 10,000 samples/s; 1.5 B → 19,440,000,000 B
    expect(projectedDiskBytes(1_296_000, 10_000, 1.5)).toBe(19_440_000_000);
    // 1 day, 100 samples/s, 2 B: 86,400 × 100 × 2 = 17,280,000
    expect(projectedDiskBytes(86_400, 100, 2)).toBe(17_280_000);
  });

  it('memory estimate = 3 kB per active series', () => {
    // 1,000,000 series → 3,000,000,000 B (≈ 2.8 GiB)
    expect(memoryEstimateBytes(1_000_000)).toBe(3_000_000_000);
    expect(memoryEstimateBytes(0)).toBe(0);
  });

  it('days until full = free bytes / (growth per second × 86,400)', () => {
    // 100 GiB free, growing 1 GiB/day (12,427.52 B/s) → 100 days
    expect(daysUntilFull(100 * GiB, GiB / 86_400)).toBeCloseTo(100, 9);
    // 8,640,000 B free at 10 B/s → 864,000 s → 10 days
    expect(daysUntilFull(8_640_000, 10)).toBe(10);
    expect(daysUntilFull(8_640_000, 0)).toBeUndefined();
    expect(daysUntilFull(8_640_000, -5)).toBeUndefined();
    expect(daysUntilFull(0, 10)).toBe(0);
    expect(daysUntilFull(NaN, 10)).toBeUndefined();
  });

  it('hostOf strips the port the way the PromQL label_replace does', () => {
    expect(hostOf('10.0.0.1:9090')).toBe('10.0.0.1');
    expect(hostOf('[::1]:9090')).toBe('[::1]');
    expect(hostOf('prometheus')).toBe('prometheus');
  });
});

const prom = { job: 'prometheus', instance: 'prom-1:9090' };
const series = (checkId: string, value: number, labels: Record<string, string> = prom): CheckResult => ({
  checkId,
  series: [{ labels, value }],
});

describe('capacityReports', () => {
  it('joins the capacity checks per server and computes the plan', () => {
    const results: CheckResult[] = [
      series('capacity-active-series', 200_000),
      series('capacity-samples-rate', 10_000),
      series('capacity-bytes-per-sample', 1.5),
      series('capacity-storage-used', 10 * GiB),
      series('capacity-storage-growth', GiB / 86_400),
      series('capacity-retention-size', 0),
      series('capacity-memory-used', 1.2 * GiB),
      {
        checkId: 'capacity-disk-free',
        series: [
          { labels: { host: 'prom-1', mountpoint: '/', job: 'node', instance: 'prom-1:9100' }, value: 40 * GiB },
          { labels: { host: 'prom-1', mountpoint: '/data', job: 'node', instance: 'prom-1:9100' }, value: 20 * GiB },
          { labels: { host: 'other', mountpoint: '/', job: 'node', instance: 'other:9100' }, value: 1 },
        ],
      },
    ];
    const [report, ...others] = capacityReports(results);
    expect(others).toEqual([]);
    expect(report).toMatchObject({
      labels: prom,
      activeSeries: 200_000,
      samplesPerSecond: 10_000,
      bytesPerSample: 1.5,
      bytesPerSampleMeasured: true,
      retentionSeconds: DEFAULT_RETENTION_SECONDS,
      retentionSource: 'assumed 15 days: flags not read yet',
      // 1,296,000 × 10,000 × 1.5
      projectedDiskBytes: 19_440_000_000,
      // 200,000 × 3,000
      memoryEstimateBytes: 600_000_000,
      memoryUsedBytes: 1.2 * GiB,
      // the fullest filesystem of prom-1, not the other host's
      freeBytes: 20 * GiB,
      growthBytesPerDay: GiB,
    });
    expect(report.daysUntilFull).toBeCloseTo(20, 9);
    expect(report.freeSource).toMatch(/\/data on prom-1/);
  });

  it('assumes 2 bytes per sample before the first compaction and prefers the reported or entered retention', () => {
    const base = [
      series('capacity-active-series', 1000),
      series('capacity-samples-rate', 100),
      series('capacity-bytes-per-sample', NaN),
    ];
    const reported = capacityReports([...base, series('capacity-retention-time', 86_400)])[0];
    expect(reported).toMatchObject({
      bytesPerSample: ASSUMED_BYTES_PER_SAMPLE,
      bytesPerSampleMeasured: false,
      retentionSeconds: 86_400,
      retentionSource: 'reported by Prometheus (prometheus_tsdb_retention_limit_seconds)',
      // 86,400 × 100 × 2
      projectedDiskBytes: 17_280_000,
    });
    const entered = capacityReports([...base, series('capacity-retention-time', 86_400)], {
      retentionSeconds: 7 * 86_400,
    })[0];
    expect(entered).toMatchObject({
      retentionSeconds: 604_800,
      retentionSource: 'entered',
      projectedDiskBytes: 120_960_000,
    });
  });

  it('uses the retention size limit as the room to grow when one is set', () => {
    const report = capacityReports([
      series('capacity-active-series', 1000),
      series('capacity-storage-used', 8 * GiB),
      series('capacity-retention-size', 10 * GiB),
      series('capacity-storage-growth', GiB / 86_400),
    ])[0];
    expect(report.freeBytes).toBe(2 * GiB);
    expect(report.daysUntilFull).toBeCloseTo(2, 9);
    expect(report.freeSource).toBe('retention size limit of 10 GiB');
  });

  it('keeps HA replicas apart', () => {
    const a = { cluster: 'dc1', replica: 'a', job: 'prometheus', instance: 'p:9090' };
    const b = { ...a, replica: 'b' };
    const reports = capacityReports([
      {
        checkId: 'capacity-active-series',
        series: [
          { labels: a, value: 10 },
          { labels: b, value: 20 },
        ],
      },
      {
        checkId: 'capacity-samples-rate',
        series: [
          { labels: b, value: 2 },
          { labels: a, value: 1 },
        ],
      },
    ]);
    expect(reports.map((r) => [r.labels.replica, r.activeSeries, r.samplesPerSecond])).toEqual([
      ['a', 10, 1],
      ['b', 20, 2],
    ]);
  });
});

describe('capacityProblems', () => {
  it('warns when the disk fills within 14 days, critical within 3, and when the retention does not fit', () => {
    const results: CheckResult[] = [
      series('capacity-active-series', 1000),
      series('capacity-samples-rate', 10_000),
      series('capacity-bytes-per-sample', 1.5),
      series('capacity-storage-used', 8 * GiB),
      series('capacity-retention-size', 10 * GiB),
      series('capacity-storage-growth', GiB / 86_400),
    ];
    const problems = capacityProblems(capacityReports(results));
    expect(problems.map((p) => [p.severity, p.checkId, p.formattedValue])).toEqual([
      ['critical', 'capacity-days-until-full', '2.0 days'],
      // 19.44 GB needed > 10 GiB (8 used + 2 free)
      ['warning', 'capacity-retention-fits', '18.1 GiB'],
    ]);
    expect(problems[0].message).toBe(
      'Prometheus prom-1:9090: at the current growth its storage is full in 2.0 days (retention size limit of 10 GiB).'
    );
    expect(problems[1].message).toBe(
      'Prometheus prom-1:9090: 15 d of retention at the current ingestion needs 18.1 GiB, but only 10 GiB are available.'
    );
  });

  it('finds nothing to say about a server with room and no growth', () => {
    const results = [series('capacity-active-series', 1000), series('capacity-storage-growth', 0)];
    expect(capacityProblems(capacityReports(results))).toEqual([]);
  });
});
