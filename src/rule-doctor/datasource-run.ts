/**
 * The rule doctor for the inventory datasource's `rule-doctor` query type: Prometheus' own rules
 * (`/api/v1/rules`) checked against its data, through the datasource's proxy routes, as a table.
 * Loaded on demand: it brings PromQL's grammar, which the datasource module must not carry.
 */
import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';
/**
 * One GET of the Prometheus API through Grafana's datasource proxy, handed in by the datasource: this chunk
 * is loaded lazily and must not import the datasource's own modules (they live in its entry bundle).
 */
export type PrometheusGet = (path: string, params?: Record<string, string>) => Promise<unknown>;
import { InventoryError, unwrapPrometheus } from '../inventory/prometheus-api';
import { RuleQueryRefused, type InstantSample, type RuleQueryApi } from './diagnose';
import { blindSpotText, coverText, findingSince, findingText, SOURCE_NAMES } from './describe';
import { runRuleDoctor } from './run';

async function ask(
  prometheus: PrometheusGet,
  path: '/api/v1/query' | '/api/v1/query_range',
  params: Record<string, string>
) {
  try {
    return unwrapPrometheus<{ resultType?: string; result?: unknown }>(
      await prometheus(path, params),
      `the query ${params.query}`
    ).data;
  } catch (error) {
    if (error instanceof InventoryError && error.kind === 'refused') {
      throw new RuleQueryRefused(error.message);
    }
    throw error;
  }
}

/** The doctor's query API over Prometheus' HTTP API through Grafana's datasource proxy. */
export function proxyRuleQueryApi(prometheus: PrometheusGet): RuleQueryApi {
  return {
    async instant(expr) {
      const data = await ask(prometheus, '/api/v1/query', { query: expr });
      if (data.resultType === 'scalar' && Array.isArray(data.result)) {
        return [{ labels: {}, value: Number(data.result[1]) }];
      }
      const result = (Array.isArray(data.result) ? data.result : []) as Array<{
        metric?: Record<string, string>;
        value?: [number, string];
      }>;
      return result.map((s): InstantSample => ({ labels: s.metric ?? {}, value: Number(s.value?.[1]) }));
    },
    async presence(expr, start, end, step) {
      const data = await ask(prometheus, '/api/v1/query_range', {
        query: expr,
        start: String(start),
        end: String(end),
        step: String(step),
      });
      const result = (Array.isArray(data.result) ? data.result : []) as Array<{ values?: Array<[number, string]> }>;
      return [...new Set(result.flatMap((s) => (s.values ?? []).map(([t]) => t)))].sort((a, b) => a - b);
    },
  };
}

/** One row per finding and blind spot: kind, source, group, rule, what, since (ms, empty when none). */
export async function ruleDoctorFrame(prometheus: PrometheusGet, refId: string): Promise<DataFrame> {
  const report = await runRuleDoctor({
    reader: {
      datasourceRules: async () =>
        unwrapPrometheus<Record<string, unknown>>(
          await prometheus('/api/v1/rules'),
          'the rules request (/api/v1/rules)'
        ).data,
    },
    prometheusUid: '',
    api: proxyRuleQueryApi(prometheus),
  });
  const failed = report.sources.find((s) => s.error);
  if (failed) {
    throw new InventoryError('server-error', `${failed.label} could not be read: ${failed.error}`);
  }
  const rows = [
    ...report.findings.map((finding) => {
      const since = findingSince(finding);
      return {
        kind: finding.kind,
        source: SOURCE_NAMES[finding.rule.source],
        group: finding.rule.group,
        rule: finding.rule.name,
        what: findingText(finding),
        since: since === undefined ? null : since * 1000,
      };
    }),
    ...report.blindSpots.map((spot) => ({
      kind: spot.kind,
      source: '',
      group: '',
      rule: '',
      what: `${blindSpotText(spot)}${spot.pack ? ` ${coverText(spot.pack)}.` : ''}`,
      since: null,
    })),
  ];
  const column = <K extends keyof (typeof rows)[number]>(name: K) => rows.map((row) => row[name]);
  return createDataFrame({
    refId,
    name: 'Rule doctor',
    fields: [
      { name: 'kind', type: FieldType.string, values: column('kind') },
      { name: 'source', type: FieldType.string, values: column('source') },
      { name: 'group', type: FieldType.string, values: column('group') },
      { name: 'rule', type: FieldType.string, values: column('rule') },
      { name: 'what', type: FieldType.string, values: column('what') },
      { name: 'since', type: FieldType.time, values: column('since') },
    ],
    meta: {
      notices: [
        {
          severity: 'info',
          text: `${report.checked} rules checked, ${report.findings.length} findings, ${report.blindSpots.length} blind spots.`,
        },
      ],
    },
  });
}
