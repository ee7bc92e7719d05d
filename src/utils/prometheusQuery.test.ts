import { FieldType } from '@grafana/data';
import { samplesFromDsQuery, type DsQueryResponse } from './prometheusQuery';

// The shape Grafana 11/12 returns for an instant Prometheus query: one frame per series.
const answer: DsQueryResponse = {
  results: {
    A: {
      status: 200,
      frames: [
        {
          schema: {
            fields: [
              { name: 'Time', type: FieldType.time },
              { name: 'Value', type: FieldType.number, labels: { job: 'node', metric: 'node_uname_info' } },
            ],
          },
          data: { values: [[1794996000000], [1]] },
        },
        {
          schema: {
            fields: [
              { name: 'Time', type: FieldType.time },
              { name: 'Value', type: FieldType.number, labels: { job: 'postgres', metric: 'pg_up' } },
            ],
          },
          data: { values: [[1794996000000], [0]] },
        },
      ],
    },
  },
};

describe('reading instant samples from /api/ds/query', () => {
  it('turns each frame into labels and the latest value', () => {
    expect(samplesFromDsQuery(answer, 'A')).toEqual([
      { labels: { job: 'node', metric: 'node_uname_info' }, value: 1 },
      { labels: { job: 'postgres', metric: 'pg_up' }, value: 0 },
    ]);
  });

  it('passes on the query error Grafana reports, and says when there is no result at all', () => {
    expect(() => samplesFromDsQuery({ results: { A: { status: 400, error: 'parse error at char 4' } } }, 'A')).toThrow(
      'parse error at char 4'
    );
    expect(() => samplesFromDsQuery({ results: {} }, 'A')).toThrow(/no result for query A/);
  });

  it('answers an empty list when Prometheus has no such series', () => {
    expect(samplesFromDsQuery({ results: { A: { status: 200, frames: [] } } }, 'A')).toEqual([]);
  });
});
