/**
 * The rule doctor as the Health page runs it, loaded only when the user asks for a check: it brings
 * Prometheus' PromQL grammar (@prometheus-io/lezer-promql) and the pack metrics, which the page's
 * first chunk must not carry. The backtest of a rule it read comes with it.
 */
import { backendSrvTransport } from '../../grafana-api/backend-srv-transport';
import { createGrafanaApi } from '../../grafana-api/client';
import { backtest, backtestRuleOf, backtestSentence, type BacktestRule } from '../../rule-doctor/backtest';
import type { RuleUnderCheck } from '../../rule-doctor/diagnose';
import { grafanaRangeApi } from '../../rule-doctor/grafana-backtest';
import { grafanaBacktestRule, grafanaRuleDatasource } from '../../rule-doctor/grafana-condition';
import { grafanaRuleQueryApi } from '../../rule-doctor/grafana-query';
import { grafanaRuleReader, runRuleDoctor, type DoctorProgress, type DoctorReport } from '../../rule-doctor/run';

export function checkRules(
  prometheusUid: string,
  signal: AbortSignal,
  onProgress: (progress: DoctorProgress) => void
): Promise<DoctorReport> {
  const grafana = createGrafanaApi(backendSrvTransport());
  return runRuleDoctor({
    reader: grafanaRuleReader(grafana, prometheusUid),
    prometheusUid,
    api: grafanaRuleQueryApi(prometheusUid, signal),
    signal,
    onProgress,
  });
}

/** A rule the backtest cannot replay, and why: shown as it is, not as a failure. */
export class NotBacktested extends Error {}

/** Unix seconds of a rules API `lastEvaluation`; undefined before the first (`0001-01-01T00:00:00Z`) or unreadable. */
function evaluatedAt(rule: RuleUnderCheck): number | undefined {
  const ms = rule.lastEvaluation ? Date.parse(rule.lastEvaluation) : NaN;
  return Number.isFinite(ms) && ms > 0 ? ms / 1000 : undefined;
}

/**
 * What one rule the doctor read would have done over the last 7 days, as a sentence. A Prometheus
 * rule is replayed from what the rules API says (`for`, `keep_firing_for`, the group's interval); a
 * Grafana-managed rule from its definition (provisioning API, readable with alert.rules:read), since
 * the rules API gives its query but not the threshold after it. One range query, on the rule's own
 * evaluation times where it has run.
 */
export async function backtestDoctorRule(
  rule: RuleUnderCheck,
  prometheusUid: string,
  signal: AbortSignal
): Promise<string> {
  let replayed: BacktestRule | string;
  let datasourceUid = prometheusUid;
  if (rule.source === 'grafana') {
    const definition = rule.uid ? await createGrafanaApi(backendSrvTransport()).getAlertRule(rule.uid) : undefined;
    if (!definition) {
      throw new NotBacktested('Grafana no longer has this rule.');
    }
    replayed =
      rule.intervalSeconds === undefined
        ? 'its group reports no evaluation interval'
        : grafanaBacktestRule(definition, rule.intervalSeconds);
    datasourceUid = grafanaRuleDatasource(definition) ?? prometheusUid;
  } else {
    replayed = backtestRuleOf(rule);
  }
  if (typeof replayed === 'string') {
    throw new NotBacktested(`Not backtested: ${replayed}.`);
  }
  const result = await backtest(replayed, grafanaRangeApi(datasourceUid), { signal, evaluatedAt: evaluatedAt(rule) });
  return backtestSentence(result, replayed);
}
