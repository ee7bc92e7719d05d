/**
 * One run of the rule doctor over everything a user's Grafana can show: Grafana-managed rules, and
 * the rules of the app's Prometheus datasource (the server's own, or a ruler's behind it), checked
 * against that Prometheus; then what no rule watches. Shared by the Health page and the inventory
 * datasource's `rule-doctor` query type.
 */
import type { GrafanaApi, RuleDiscovery } from '../grafana-api/types';
import { detectExporters, detectionQuery } from '../inventory/detect';
import {
  blindSpots,
  diagnoseRules,
  evaluationFindings,
  type BlindSpot,
  type Finding,
  type RuleQueryApi,
  type RuleUnderCheck,
  type WatchedExporter,
} from './diagnose';
import { PACK_METRICS, UP_ALERTS } from './pack-metrics.generated';
import { rulesFromDatasourceApi, rulesFromGrafanaApi, type NotAnalysed } from './sources';

export interface RuleSource {
  source: RuleUnderCheck['source'];
  /** Where the rules were read, for messages. */
  label: string;
  /** Rules read, or why they could not be. */
  rules?: RuleUnderCheck[];
  notAnalysed?: NotAnalysed[];
  error?: string;
}

/**
 * A blind spot with the pack that would cover it (absent: no pack in the catalog fits); for a
 * target, the pack's alert that would watch its `up`.
 */
export type CoveredBlindSpot = BlindSpot & { pack?: { exporter: string; title: string; alert?: string } };

export interface DoctorReport {
  sources: RuleSource[];
  /** Rules analysed (their queries asked of Prometheus). */
  checked: number;
  findings: Finding[];
  notAnalysed: NotAnalysed[];
  blindSpots: CoveredBlindSpot[];
}

export interface DoctorProgress {
  phase: 'reading rules' | 'checking rules' | 'looking for blind spots';
  done: number;
  total: number;
}

export interface RuleReader {
  grafanaRules?: () => Promise<RuleDiscovery>;
  datasourceRules?: () => Promise<RuleDiscovery>;
  /** uid → datasource uids of each Grafana rule, for Grafana versions whose rules API does not list them. */
  grafanaRuleDatasources?: () => Promise<ReadonlyMap<string, readonly string[]>>;
}

/** Reads rules through Grafana's API (Viewers may: alert.rules:read, alert.rules.external:read). */
export function grafanaRuleReader(grafana: GrafanaApi, prometheusUid: string): RuleReader {
  return {
    grafanaRules: () => grafana.getGrafanaRuleStatuses(),
    datasourceRules: () => grafana.getDatasourceRuleStatuses(prometheusUid),
    grafanaRuleDatasources: async () =>
      new Map((await grafana.listAlertRules()).map((r) => [r.uid, r.data.map((q) => q.datasourceUid)])),
  };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function runRuleDoctor(options: {
  reader: RuleReader;
  prometheusUid: string;
  api: RuleQueryApi;
  signal?: AbortSignal;
  onProgress?: (progress: DoctorProgress) => void;
  now?: number;
}): Promise<DoctorReport> {
  const { reader, api, signal } = options;
  options.onProgress?.({ phase: 'reading rules', done: 0, total: 0 });
  const sources: RuleSource[] = [];
  if (reader.grafanaRules) {
    const source: RuleSource = { source: 'grafana', label: 'Grafana-managed rules' };
    try {
      const data = await reader.grafanaRules();
      const listed = (data.groups ?? []).flatMap((g) => g.rules ?? []);
      const needsDatasources = listed.some((r) => r.queriedDatasourceUIDs === undefined && !r.isPaused);
      const datasourcesOf =
        needsDatasources && reader.grafanaRuleDatasources
          ? await reader.grafanaRuleDatasources().catch(() => undefined)
          : undefined;
      Object.assign(source, rulesFromGrafanaApi(data, options.prometheusUid, datasourcesOf));
    } catch (error) {
      source.error = message(error);
    }
    sources.push(source);
  }
  if (reader.datasourceRules) {
    const source: RuleSource = { source: 'prometheus', label: "The Prometheus datasource's own rules" };
    try {
      source.rules = rulesFromDatasourceApi(await reader.datasourceRules());
    } catch (error) {
      source.error = message(error);
    }
    sources.push(source);
  }
  signal?.throwIfAborted();
  const rules = sources.flatMap((s) => s.rules ?? []);
  const notAnalysed = sources.flatMap((s) => s.notAnalysed ?? []);
  const findings = [
    ...notAnalysed.flatMap((n) => evaluationFindings(n.rule)),
    ...(await diagnoseRules(rules, api, {
      signal,
      now: options.now,
      onProgress: (done, total) => options.onProgress?.({ phase: 'checking rules', done, total }),
    })),
  ];
  options.onProgress?.({ phase: 'looking for blind spots', done: 0, total: 1 });
  const spots = await coveredBlindSpots(rules, api);
  signal?.throwIfAborted();
  return { sources, checked: rules.length, findings, notAnalysed, blindSpots: spots };
}

/** Blind spots, each with the catalog pack that would cover it (detected by the metrics a job exposes). */
async function coveredBlindSpots(rules: readonly RuleUnderCheck[], api: RuleQueryApi): Promise<CoveredBlindSpot[]> {
  const series = await api.instant(detectionQuery());
  const detections = detectExporters({
    status: 'success',
    data: { resultType: 'vector', result: series.map((s) => ({ metric: s.labels })) },
  });
  const withPack = detections.filter((d) => PACK_METRICS[d.exporter.id]);
  const watched: WatchedExporter[] = withPack.map((d) => ({
    exporter: d.exporter.id,
    title: d.exporter.title,
    metrics: PACK_METRICS[d.exporter.id],
  }));
  const packOfJob = new Map<string, { exporter: string; title: string }>();
  for (const d of withPack) {
    d.jobs.forEach(
      (job) => packOfJob.has(job) || packOfJob.set(job, { exporter: d.exporter.id, title: d.exporter.title })
    );
  }
  return (await blindSpots(rules, watched, api)).map((spot) =>
    spot.kind === 'exporter-unwatched'
      ? { ...spot, pack: { exporter: spot.exporter, title: spot.title } }
      : withUpAlert(spot, packOfJob.get(spot.job))
  );
}

/**
 * The alert that would page when this target goes down: its own pack's, if that pack watches `up`,
 * else a pack's that watches every target (the Prometheus pack's PrometheusTargetDown). Naming the
 * job's exporter pack alone would be wrong: most packs read their exporter's metrics, not `up`.
 */
function withUpAlert(spot: BlindSpot, ownPack: { exporter: string; title: string } | undefined): CoveredBlindSpot {
  const own = ownPack ? UP_ALERTS[ownPack.exporter]?.alerts[0] : undefined;
  if (ownPack && own) {
    return { ...spot, pack: { ...ownPack, alert: own.alert } };
  }
  for (const [exporter, { title, alerts }] of Object.entries(UP_ALERTS)) {
    const every = alerts.find((a) => a.everyTarget);
    if (every) {
      return { ...spot, pack: { exporter, title, alert: every.alert } };
    }
  }
  return spot;
}
