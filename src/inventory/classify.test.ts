/** @jest-environment node */
import { EXPORTERS } from '../catalog';
import { classificationQuery, createClassifier, detectionMetricNames, indexDetectionSeries } from './classify';
import { exportersForJob } from './detect';

const series = (rows: Array<[job: string, instance: string, name: string]>) =>
  rows.map(([job, instance, __name__]) => ({ metric: { job, instance, __name__ } }));

describe('classification query', () => {
  it('asks once for every detection metric of the catalog, grouped per target', () => {
    const query = classificationQuery();
    expect(query).toMatch(
      /^group by \(job, instance, __name__\) \(last_over_time\(\{__name__=~"[a-zA-Z0-9_:|]+"\}\[1h\]\)\)$/
    );
    for (const exporter of EXPORTERS) {
      for (const metric of exporter.detection.metrics) {
        expect(query).toContain(metric);
      }
    }
    expect(detectionMetricNames()).toEqual([...new Set(detectionMetricNames())].sort());
  });
});

describe('classifying targets', () => {
  it('trusts metric names, not job names: a job called "node" that exposes pg_up is postgres', () => {
    const classify = createClassifier(indexDetectionSeries(series([['node', 'db1:9187', 'pg_up']])));
    expect(classify('node', 'db1:9187')).toMatchObject({ exporter: { id: 'postgres' }, basis: 'target' });
  });

  it('says "unknown" honestly when nothing matches, even for a job named after an exporter', () => {
    const classify = createClassifier(indexDetectionSeries(series([['node', 'a:1', 'some_app_requests_total']])));
    expect(classify('node', 'a:1')).toEqual({ alsoMatches: [], basis: 'none' });
    expect(classify('postgres', 'never-seen:1')).toEqual({ alsoMatches: [], basis: 'none' });
  });

  it('respects supersedes: a DNS probe is dns, an HTTP probe blackbox', () => {
    const classify = createClassifier(
      indexDetectionSeries(
        series([
          ['probes', 'dns.example', 'probe_success'],
          ['probes', 'dns.example', 'probe_dns_query_succeeded'],
          ['probes', 'https://shop', 'probe_success'],
        ])
      )
    );
    expect(classify('probes', 'dns.example').exporter?.id).toBe('dns');
    expect(classify('probes', 'https://shop').exporter?.id).toBe('blackbox');
  });

  it('agrees with Setup detection (exportersForJob) for every exporter of the catalog', () => {
    for (const exporter of EXPORTERS) {
      for (const metric of exporter.detection.metrics) {
        const classify = createClassifier(indexDetectionSeries(series([['j', 'i', metric]])));
        const expected = exportersForJob(new Set([metric]));
        expect(classify('j', 'i').exporter?.id).toBe(expected[0]?.id);
      }
    }
  });

  it('falls back to the job when the target has no series of its own (down, or honor_labels relays)', () => {
    const classify = createClassifier(
      indexDetectionSeries(
        series([
          ['truenas', 'truenas01', 'zfs_pool'],
          ['hosts', 'up-host:9100', 'node_uname_info'],
        ])
      )
    );
    // The scrape target is 127.0.0.1:19313, but graphite_exporter's series carry instance="truenas01".
    expect(classify('truenas', '127.0.0.1:19313')).toMatchObject({ exporter: { id: 'truenas' }, basis: 'job' });
    expect(classify('hosts', 'down-host:9100')).toMatchObject({ exporter: { id: 'node' }, basis: 'job' });
  });

  it('does not guess from a job that mixes exporters', () => {
    const classify = createClassifier(
      indexDetectionSeries(
        series([
          ['mixed', 'a:1', 'node_uname_info'],
          ['mixed', 'b:1', 'pg_up'],
        ])
      )
    );
    expect(classify('mixed', 'c:1').basis).toBe('none');
    expect(classify('mixed', 'a:1').exporter?.id).toBe('node');
  });

  it('lists further exporters the same target matches', () => {
    const classify = createClassifier(
      indexDetectionSeries(
        series([
          ['pgw', 'pgw:9091', 'pushgateway_build_info'],
          ['pgw', 'pgw:9091', 'node_uname_info'],
        ])
      )
    );
    const result = classify('pgw', 'pgw:9091');
    expect([result.exporter?.id, ...result.alsoMatches.map((e) => e.id)].sort()).toEqual(['node', 'pushgateway']);
  });

  it('ignores series without a name (a query rewritten by a proxy)', () => {
    const index = indexDetectionSeries([{ metric: { job: 'x', instance: 'y' } }]);
    expect(index.byJob.size).toBe(0);
  });
});
