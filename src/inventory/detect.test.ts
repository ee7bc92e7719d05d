import { getExporter } from '../catalog';
import type { ExporterDefinition } from '../catalog/types';
import {
  detectExporters,
  detectionQuery,
  exportersForJob,
  layerCoverage,
  type PrometheusVectorResponse,
} from './detect';

const vector = (pairs: Array<[job: string, name: string]>): PrometheusVectorResponse => ({
  status: 'success',
  data: {
    resultType: 'vector',
    result: pairs.map(([job, name]) => ({ metric: { job, __name__: name }, value: [0, '1'] })) as never,
  },
});

// A stand-in for the DNS prober until the full catalog lands: supersedes blackbox like the real entry.
const blackboxLike: ExporterDefinition = {
  ...getExporter('node'),
  id: 'probe',
  detection: { metrics: ['probe_success'] },
};
const dnsLike: ExporterDefinition = {
  ...getExporter('node'),
  id: 'dns-probe',
  detection: { metrics: ['probe_dns_lookup_time_seconds'], supersedes: ['probe'] },
};
const catalog = [getExporter('node'), blackboxLike, dnsLike];

describe('exporter detection', () => {
  it('asks for every detection metric in one grouped query', () => {
    const query = detectionQuery(catalog);
    expect(query).toMatch(/^group by \(job, metric\) \(label_replace\(\{__name__=~"/);
    for (const metric of ['node_uname_info', 'probe_success', 'probe_dns_lookup_time_seconds']) {
      expect(query).toContain(metric);
    }
  });

  it('finds node_exporter by its metrics whatever the job is called, and lists every job', () => {
    const detections = detectExporters(
      vector([
        ['hosts-eu', 'node_uname_info'],
        ['hosts-us', 'node_uname_info'],
        ['hosts-us', 'node_exporter_build_info'],
        ['web', 'probe_success'],
      ]),
      catalog
    );
    expect(detections.map((d) => [d.exporter.id, d.jobs])).toEqual([
      ['node', ['hosts-eu', 'hosts-us']],
      ['probe', ['web']],
    ]);
  });

  it('lets the more specific exporter win a job that matches two', () => {
    const names = new Set(['probe_success', 'probe_dns_lookup_time_seconds']);
    expect(exportersForJob(names, catalog).map((e) => e.id)).toEqual(['dns-probe']);
    const detections = detectExporters(
      vector([
        ['dns', 'probe_success'],
        ['dns', 'probe_dns_lookup_time_seconds'],
        ['http', 'probe_success'],
      ]),
      catalog
    );
    expect(detections.map((d) => [d.exporter.id, d.jobs])).toEqual([
      ['probe', ['http']],
      ['dns-probe', ['dns']],
    ]);
  });

  it('detects nothing on an empty Prometheus', () => {
    expect(detectExporters(vector([]), catalog)).toEqual([]);
  });

  it('says clearly when Prometheus refused the query or the answer is not Prometheus', () => {
    expect(() => detectExporters({ status: 'error', errorType: 'bad_data', error: 'parse error' }, catalog)).toThrow(
      'Prometheus refused the detection query: parse error'
    );
    expect(() => detectExporters('<html>' as unknown as PrometheusVectorResponse, catalog)).toThrow(
      /not a Prometheus API response/
    );
    expect(() => detectExporters({ status: 'success', data: { resultType: 'matrix', result: [] } }, catalog)).toThrow(
      /Expected an instant vector/
    );
  });
});

describe('layer coverage', () => {
  it('groups detections by layer in layer order and lists what each layer is missing', () => {
    const detections = detectExporters(vector([['hosts', 'node_uname_info']]), catalog);
    const coverage = layerCoverage(detections, catalog);
    expect(coverage.map((c) => c.layer.id)).toEqual([
      'infrastructure',
      'data',
      'message',
      'network',
      'specialized',
      'core',
    ]);
    const infrastructure = coverage[0];
    expect(infrastructure.detected.map((d) => d.exporter.id)).toEqual(['node']);
    expect(infrastructure.missing.map((e) => e.id)).toEqual(['probe', 'dns-probe']);
    expect(coverage[1]).toMatchObject({ detected: [], missing: [] });
  });
});
