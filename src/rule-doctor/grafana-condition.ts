/**
 * A Grafana-managed rule's condition as one PromQL expression, for the backtest. Pure (no Grafana
 * runtime), so the bench runs it under Node on the rules Setup writes.
 */
import type { AlertRulePayload } from '../grafana-api/types';
import { promDurationMs } from '../utils/durations';
import type { BacktestRule, NoDataState } from './backtest';

interface QueryNode {
  refId: string;
  datasourceUid: string;
  model: Record<string, unknown>;
}

const COMPARISONS: Record<string, string> = { gt: '>', lt: '<' };

/**
 * The condition of a rule shaped as Grafana's "PromQL → reduce → threshold" chain (every rule
 * the plugin writes: src/alerting/grafana-rules.ts) as `(<query>) > <threshold>`, with its `for`
 * and `keep_firing_for`: a series Grafana would see above (below) the threshold is a series the
 * expression returns. Anything else (math expressions, several queries, a range threshold)
 * answers with why it cannot be replayed.
 *
 * Replayed with Prometheus' state machine, which matches Grafana's where it matters here
 * (pending after `for`, resolved at the first evaluation where the value is back on the right
 * side), and with what Grafana does when the query returns nothing, by its `noDataState`
 * (backtest.ts `noDataAlerts`). Not modelled: a series that vanishes from the query while others
 * remain, which Grafana resolves only after two missed evaluations.
 */
export function grafanaBacktestRule(rule: AlertRulePayload, intervalSeconds: number): BacktestRule | string {
  const nodes = new Map<string, QueryNode>(
    (rule.data as unknown as QueryNode[]).map((q) => [q.refId, { ...q, model: q.model ?? {} }])
  );
  const threshold = nodes.get(rule.condition);
  const evaluator = (threshold?.model.conditions as Array<{ evaluator?: { type?: string; params?: number[] } }>)?.[0]
    ?.evaluator;
  const comparison = COMPARISONS[evaluator?.type ?? ''];
  const bound = evaluator?.params?.[0];
  if (threshold?.model.type !== 'threshold' || !comparison || typeof bound !== 'number' || !Number.isFinite(bound)) {
    return 'its condition is not a threshold above or below one value';
  }
  const reduce = nodes.get(String(threshold.model.expression ?? ''));
  if (reduce?.model.type !== 'reduce' || reduce.model.reducer !== 'last') {
    return 'its threshold does not read the last value of a query';
  }
  const query = nodes.get(String(reduce.model.expression ?? ''));
  if (!query || typeof query.model.expr !== 'string' || query.model.type !== undefined) {
    return 'it does not read a PromQL query';
  }
  const forMs = promDurationMs(rule.for ?? '0s');
  const keepMs = promDurationMs(rule.keep_firing_for ?? '0s');
  if (forMs === undefined || keepMs === undefined) {
    return `its "for" (${String(rule.for)}) or "keep_firing_for" is not a duration`;
  }
  const noDataState = NO_DATA_STATES.find((s) => s === rule.noDataState);
  return {
    name: rule.title,
    expr: `(${query.model.expr}) ${comparison} ${bound}`,
    forSeconds: forMs / 1000,
    keepFiringForSeconds: keepMs / 1000,
    intervalSeconds,
    // An unknown state (a newer Grafana's) is replayed as OK: no alert of its own.
    ...(noDataState ? { grafana: { query: query.model.expr, noDataState } } : {}),
  };
}

/** Grafana's no-data states (ngalert models `NoDataState`: NoData, Alerting, OK, KeepLast). */
const NO_DATA_STATES: readonly NoDataState[] = ['NoData', 'Alerting', 'OK', 'KeepLast'];

/** The datasource a Grafana rule's PromQL query runs on. */
export function grafanaRuleDatasource(rule: AlertRulePayload): string | undefined {
  return (rule.data as unknown as QueryNode[]).find((q) => typeof q.model?.expr === 'string')?.datasourceUid;
}
