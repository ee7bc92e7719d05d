/**
 * The rule doctor as the Health page runs it, loaded only when the user asks for a check: it brings
 * Prometheus' PromQL grammar (@prometheus-io/lezer-promql) and the pack metrics, which the page's
 * first chunk must not carry.
 */
import { backendSrvTransport } from '../../grafana-api/backend-srv-transport';
import { createGrafanaApi } from '../../grafana-api/client';
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
