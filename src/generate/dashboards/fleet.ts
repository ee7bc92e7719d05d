/**
 * Fleet-wide queries shared by the home and layer dashboards: which targets belong to an exporter
 * (and so to a layer), how many are up, and the worst-first ranking of a signal.
 */
import { EXPORTERS, exportersInLayer, findSignal, getExporter } from '../../catalog';
import { promqlNames } from '../../catalog/evidence/promql-names';
import { dashboardContext, sel, signalQuery } from '../../catalog/promql';
import { resolveThreshold, type ThresholdOverrides } from '../../catalog/thresholds';
import type { AlertDefinition, ExporterDefinition, LayerId, QueryContext, Signal } from '../../catalog/types';
import { infoSelector, perReplica, withoutReplicas } from './common';
import { recordedOrRaw, recordingRuleFor } from './recording-rules';

/** How many targets a worst-first panel lists. */
export const TOP_N = 10;

/**
 * How long a target is remembered after its exporter's metrics stop: a dead exporter's series go
 * stale within 5 minutes, and without this memory it would vanish from "up / total" instead of
 * counting as down. A membership lookback, not a rate window, so it is fixed rather than
 * `$__rate_interval` (which would forget a dead target after about a minute); it only reads
 * one-series-per-target info metrics, so its cost is one series per target.
 */
export const TARGET_LOOKBACK = '1h';

/**
 * One series per target that ran this exporter within TARGET_LOOKBACK, labelled
 * `cluster, job, instance` (value 1), read from its info metrics. A target that a more specific
 * exporter claims (the DNS prober over blackbox's generic `probe_success`) is left out, as
 * detection does, so it is counted in one layer only.
 */
export function exporterTargets(exporter: ExporterDefinition, q: QueryContext): string {
  const own = seenTargets(exporter, q);
  const claimedBy = EXPORTERS.filter((e) => e.detection.supersedes?.includes(exporter.id));
  if (claimedBy.length === 0) {
    return own;
  }
  return `(${own} unless on (${q.by}) (${claimedBy.map((e) => seenTargets(e, q)).join(' or ')}))`;
}

function seenTargets(exporter: ExporterDefinition, q: QueryContext): string {
  // One present_over_time per name: over several names at once, the results would share label sets.
  const parts = [...new Set(exporter.infoMetrics)].map(
    (name) => `group by (${q.by}) (present_over_time(${sel(name, q)}[${TARGET_LOOKBACK}]))`
  );
  return parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`;
}

/**
 * 1 or 0 per target of the exporter: its `up` (one per target even behind HA replicas). Targets
 * relayed through another exporter (`honor_labels`: TrueNAS through graphite_exporter) have no `up`
 * of their own: for them, fresh data means 1, data gone stale means 0.
 */
export function exporterStatus(exporter: ExporterDefinition, q: QueryContext): string {
  const targets = exporterTargets(exporter, q);
  const fresh = `group by (${q.by}) (${infoSelector(exporter.infoMetrics, q.selector)})`;
  return (
    `(${withoutReplicas(`up{${q.selector}}`)} and on (${q.by}) ${targets})` +
    ` or on (${q.by}) (${fresh} and on (${q.by}) ${targets})` +
    ` or on (${q.by}) (0 * ${targets})`
  );
}

export function layerStatus(layer: LayerId, q: QueryContext): string {
  return exportersInLayer(layer)
    .map((e) => `(${exporterStatus(e, q)})`)
    .join(` or on (${q.by}) `);
}

/**
 * Targets up and in total over a status vector. `or vector(0)`: a layer with no targets shows 0,
 * not "No data", so a tile never looks broken when that layer is simply not deployed.
 */
export function targetsUpQuery(status: string): string {
  return `sum(${status}) or vector(0)`;
}

export function targetsTotalQuery(status: string): string {
  return `count(${status}) or vector(0)`;
}

/** Firing alerts of our rules for one layer and severity (rules carry `layer` and `severity` labels). */
export function firingAlertsQuery(layer: LayerId, severity: string, q: QueryContext): string {
  const matchers = ['alertstate="firing"', `layer="${layer}"`, `severity="${severity}"`, q.fleetSelector]
    .filter(Boolean)
    .join(',');
  return `count(${withoutReplicas(`ALERTS{${matchers}}`)}) or vector(0)`;
}

/**
 * The 2–4 signals a layer dashboard ranks for an exporter: the catalog's `overview`, else the
 * first row's signals that carry a threshold (they have a "worse"), else the first row's. `up` is
 * left out: the layer's health panel already counts targets up.
 */
export function overviewSignals(exporter: ExporterDefinition): Signal[] {
  const skip = (id: string) => id === 'up';
  if (exporter.overview && exporter.overview.length > 0) {
    return exporter.overview.filter((id) => !skip(id)).map((id) => findSignal(exporter, id));
  }
  const firstRow = (exporter.dashboard[0]?.panels ?? [])
    .flatMap((p) => p.signals)
    .filter((id) => !skip(id) && id !== 'uptime')
    .map((id) => findSignal(exporter, id));
  const withThreshold = firstRow.filter((s) => s.threshold);
  return (withThreshold.length >= 2 ? withThreshold : firstRow).slice(0, 4);
}

/**
 * Whether a low value is the bad one (free space, hit ratio, a probe that failed): from the signal's
 * threshold direction, or for a yes/no signal from the alert that compares it. (A yes/no without
 * threshold was taken as bad when high: the fleet's worst ten listed succeeding probes first, and an
 * HA pair folded to the replica that saw success.)
 */
export function lowIsWorse(exporter: ExporterDefinition, signal: Signal, overrides?: ThresholdOverrides): boolean {
  return signal.threshold
    ? resolveThreshold(exporter, signal.threshold, overrides).direction === 'below'
    : yesNoAlert(exporter, signal)?.comparison === '<';
}

/**
 * The alert that says which answer of a yes/no signal is bad: one comparing the signal against a
 * literal (`up < 1`, `failed > 0`). An exporter's `up` is compared by the Prometheus pack's
 * PrometheusTargetDown, across every job. Undefined for other signals, and where no alert compares it.
 */
export function yesNoAlert(exporter: ExporterDefinition, signal: Signal): AlertDefinition | undefined {
  if (signal.unit !== 'bool_yes_no') {
    return undefined;
  }
  return (
    exporter.alerts.find(
      (a) =>
        a.signal === signal.id &&
        ((a.comparison === '<' && a.threshold === 1) || (a.comparison === '>' && a.threshold === 0))
    ) ?? (readsPrometheusUp(signal) ? getExporter('prometheus').alerts.find((a) => a.id === 'target-down') : undefined)
  );
}

/** An "Exporter up" signal: Prometheus' own `up` of the target. */
function readsPrometheusUp(signal: Signal): boolean {
  return signal.variants.every((v) => promqlNames(v.expr(dashboardContext())).metrics[0] === 'up');
}

/**
 * The signal, one series per target: the recorded series where a recording rule exists (`recorded or
 * raw`: targets the rule file does not cover still get the raw query). On a store holding both servers
 * of an HA pair, `sum by (cluster, job, instance)` would add the two replicas' copies of one target, so
 * aggregations run per replica and the replicas are then folded into one series, keeping the worse
 * value as the alerts do. Both replicas scrape the same target, so they differ by scrape timing only; a
 * replica that scrapes other targets than its partner is the Health page's "HA partners" check.
 */
export function perTargetQuery(
  exporter: ExporterDefinition,
  signal: Signal,
  q: QueryContext,
  overrides?: ThresholdOverrides
): string {
  const raw = signalQuery(signal, perReplica(q));
  const rule = recordingRuleFor(exporter.id, signal.id);
  return withoutReplicas(rule ? recordedOrRaw(rule, q.selector, raw) : raw, lowIsWorse(exporter, signal, overrides));
}

/**
 * The signal fleet-wide, worst first: the recorded series where a recording rule exists (falling
 * back to the raw query), one value per target across HA replicas, the worst TOP_N, sorted.
 */
export function worstFirstQuery(
  exporter: ExporterDefinition,
  signal: Signal,
  q: QueryContext,
  overrides?: ThresholdOverrides
): string {
  const value = perTargetQuery(exporter, signal, q, overrides);
  return lowIsWorse(exporter, signal, overrides)
    ? `sort(bottomk(${TOP_N}, ${value}))`
    : `sort_desc(topk(${TOP_N}, ${value}))`;
}
