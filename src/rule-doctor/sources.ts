/**
 * The rules the doctor checks, from the two answers Grafana gives in Prometheus' `/api/v1/rules`
 * shape: its own rules (`/api/prometheus/grafana/api/v1/rules`) and a Prometheus datasource's
 * (`/api/prometheus/<uid>/api/v1/rules`, the server's own rules or a Prometheus-compatible ruler's).
 */
import type { RuleDiscovery, RuleStatus } from '../grafana-api/types';
import { rulesFromPrometheusApi, type RuleUnderCheck } from './diagnose';

/** A rule the doctor lists but does not query, and why. */
export interface NotAnalysed {
  rule: RuleUnderCheck;
  reason: string;
}

export interface RulesFromGrafana {
  rules: RuleUnderCheck[];
  notAnalysed: NotAnalysed[];
}

/** Grafana's marker for expressions (reduce, math, threshold): `expr.IsDataSource` — `__expr__` or the legacy `-100`. */
const EXPRESSION_DATASOURCES = new Set(['__expr__', '-100']);

/**
 * Grafana-managed rules, normalised. Only a rule whose one data query is PromQL for `prometheusUid`
 * is analysed: Grafana writes every query's `expr` joined with " | " (api_prometheus.go
 * `ruleToQuery`), which is no PromQL, and a query for another datasource (Loki, another Prometheus)
 * would be judged against the wrong data. Where Grafana does not list the queried datasources
 * (`queriedDatasourceUIDs`, newer versions), `datasourcesOf` (from the provisioning API) tells.
 */
export function rulesFromGrafanaApi(
  data: RuleDiscovery,
  prometheusUid: string,
  datasourcesOf?: ReadonlyMap<string, readonly string[]>
): RulesFromGrafana {
  const result: RulesFromGrafana = { rules: [], notAnalysed: [] };
  for (const group of data.groups ?? []) {
    for (const status of group.rules ?? []) {
      if (typeof status.name !== 'string') {
        continue;
      }
      const rule: RuleUnderCheck = {
        source: 'grafana',
        group: group.file ? `${group.file} / ${group.name ?? ''}` : (group.name ?? ''),
        name: status.name,
        type: status.type === 'recording' ? 'recording' : 'alerting',
        query: typeof status.query === 'string' ? status.query : '',
        ...(typeof status.uid === 'string' && status.uid !== '' ? { uid: status.uid } : {}),
        // Grafana says `error` where Prometheus says `err`; `nodata` is a state of the data, which
        // the selector checks explain better than the rule's health.
        ...(status.health === 'error' ? { health: 'err' as const } : status.health ? { health: 'ok' as const } : {}),
        ...(status.lastError ? { lastError: status.lastError } : {}),
        ...(status.lastEvaluation ? { lastEvaluation: status.lastEvaluation } : {}),
        ...(typeof status.evaluationTime === 'number' ? { evaluationSeconds: status.evaluationTime } : {}),
        ...(typeof group.interval === 'number' ? { intervalSeconds: group.interval } : {}),
      };
      const reason = whyNotAnalysed(status, prometheusUid, datasourcesOf);
      if (reason) {
        if (status.isPaused) {
          // Grafana keeps no evaluation state for a paused rule: "never evaluated" would say nothing new.
          delete rule.lastEvaluation;
        }
        result.notAnalysed.push({ rule, reason });
      } else {
        result.rules.push(rule);
      }
    }
  }
  return result;
}

function whyNotAnalysed(
  status: RuleStatus,
  prometheusUid: string,
  datasourcesOf?: ReadonlyMap<string, readonly string[]>
): string | undefined {
  if (status.isPaused) {
    return 'it is paused: Grafana does not evaluate it';
  }
  const queried =
    status.queriedDatasourceUIDs ??
    (status.uid ? datasourcesOf?.get(status.uid) : undefined)?.filter((uid) => !EXPRESSION_DATASOURCES.has(uid));
  if (!queried) {
    return 'this Grafana does not say which datasource it queries, and its rule definitions could not be read';
  }
  if (queried.length === 0) {
    return 'it queries no datasource (expressions only)';
  }
  if (queried.length > 1) {
    return `it has ${queried.length} data queries; the doctor reads rules with one PromQL query`;
  }
  if (queried[0] !== prometheusUid) {
    return `it queries another datasource (${queried[0]}) than the app's Prometheus`;
  }
  if (!status.query || status.query.trimStart().startsWith('[')) {
    // ruleToQuery answers the whole data JSON when no query has an `expr`.
    return 'its query has no PromQL expression';
  }
  return undefined;
}

/** A datasource's own rules (Prometheus, or a Prometheus-compatible ruler behind it). */
export function rulesFromDatasourceApi(data: RuleDiscovery): RuleUnderCheck[] {
  return rulesFromPrometheusApi(data, 'prometheus');
}
