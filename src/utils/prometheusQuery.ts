import { fetchOnce } from './fetchOnce';

/** One series of an instant query: its labels and its value at evaluation time. */
export interface InstantSample {
  labels: Record<string, string>;
  value: number;
}

interface DsQueryField {
  name: string;
  type?: string;
  labels?: Record<string, string>;
}

interface DsQueryFrame {
  schema?: { fields?: DsQueryField[] };
  data?: { values?: unknown[][] };
}

/** The part of `POST /api/ds/query`'s answer this reads. */
export interface DsQueryResponse {
  results?: Record<string, { status?: number; error?: string; frames?: DsQueryFrame[] }>;
}

/**
 * An instant query on a Prometheus datasource through Grafana's supported query path
 * (`POST /api/ds/query`): it works for Viewers, keeps the datasource's credentials on the server,
 * and, unlike the old datasource proxy, survives Grafana running Prometheus queries in its backend.
 */
export async function queryPrometheusInstant(datasourceUid: string, expr: string): Promise<InstantSample[]> {
  const response = await fetchOnce<DsQueryResponse>({
    url: '/api/ds/query',
    method: 'POST',
    showErrorAlert: false,
    data: {
      queries: [
        {
          refId: 'A',
          datasource: { uid: datasourceUid, type: 'prometheus' },
          expr,
          instant: true,
          range: false,
          format: 'time_series',
          intervalMs: 15000,
          maxDataPoints: 1,
        },
      ],
      from: 'now-5m',
      to: 'now',
    },
  });
  return samplesFromDsQuery(response.data, 'A');
}

/**
 * Grafana answers one frame per series, the series' labels on its value field. Throws Grafana's
 * (or Prometheus') own error for the query, which names the problem (bad PromQL, datasource down).
 */
export function samplesFromDsQuery(response: DsQueryResponse, refId: string): InstantSample[] {
  const result = response?.results?.[refId];
  if (!result) {
    throw new Error(
      `Grafana returned no result for query ${refId}. Check that the datasource is a Prometheus datasource.`
    );
  }
  if (result.error) {
    throw new Error(result.error);
  }
  const samples: InstantSample[] = [];
  for (const frame of result.frames ?? []) {
    const fields = frame.schema?.fields ?? [];
    const valueIndex = fields.findIndex((f) => f.type === 'number');
    if (valueIndex < 0) {
      continue;
    }
    const values = frame.data?.values?.[valueIndex] ?? [];
    const last = values[values.length - 1];
    if (last === undefined || last === null) {
      continue;
    }
    samples.push({ labels: { ...(fields[valueIndex].labels ?? {}) }, value: Number(last) });
  }
  return samples;
}
