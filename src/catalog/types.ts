/**
 * The catalog's vocabulary. Everything the plugin shows (dashboards, alert rules, detection,
 * inventory) is derived from values of these types, so that one exporter is one file.
 */

export type LayerId = 'infrastructure' | 'data' | 'message' | 'network' | 'specialized' | 'core';

export interface Layer {
  id: LayerId;
  title: string;
  /** Position in navigation and on the home dashboard, from the hardware up to the stack itself. */
  order: number;
  /** A Grafana icon name (IconName in @grafana/data). */
  icon: string;
  description: string;
}

/**
 * Grafana unit ids, as panels and Grafana's unit picker know them. Kept as a closed list so that a
 * typo fails the type check instead of rendering raw numbers.
 */
export type Unit =
  | 'percent' // 0–100
  | 'percentunit' // 0–1
  | 'bytes'
  | 'decbytes'
  | 'Bps'
  | 'bps'
  | 's'
  | 'ms'
  | 'dtdurations'
  | 'dateTimeFromNow'
  | 'short'
  | 'none'
  | 'bool_yes_no'
  | 'ops'
  | 'reqps'
  | 'rps'
  | 'wps'
  | 'iops'
  | 'pps'
  | 'celsius'
  | 'watt'
  | 'hertz'
  | 'rotrpm'
  | 'mbytes'
  | 'decgbytes';

/**
 * Where a signal is evaluated. Dashboards pass Grafana template variables; alert rules pass an
 * empty selector (fleet-wide) or an escaped one built from Setup choices, and a fixed window.
 */
export interface QueryContext {
  /**
   * Label matchers to add inside a selector's braces, without the braces, e.g.
   * `job=~"$job",instance=~"$instance"`. May be empty. Already escaped: never paste user input here
   * without `promql.ts` helpers.
   */
  selector: string;
  /**
   * The selector without the target's own job/instance matchers (cluster only), for series whose
   * job/instance are not the scraped target's: every other target's `up`, groups a Pushgateway
   * re-exposes with `honor_labels`, metrics a graphite_exporter relays.
   */
  fleetSelector: string;
  /** The range for rate()/increase()/*_over_time(): `$__rate_interval` on dashboards, `5m` in alerts. */
  range: string;
  /** Aggregation labels that identify one target, e.g. `instance, job` (plus the cluster label). */
  by: string;
}

/** One way of computing a signal, for one family of exporter versions. */
export interface SignalVariant {
  /** Which exporter versions produce these metric names, e.g. "postgres_exporter ≥ 0.13". */
  note?: string;
  expr: (q: QueryContext) => string;
}

export interface Signal {
  /** Unique within its exporter; camelCase. */
  id: string;
  title: string;
  description: string;
  unit: Unit;
  /**
   * Every known form of this signal across exporter versions. Queries OR them, so one dashboard
   * serves old and new exporters: `(a) or (b)`.
   */
  variants: [SignalVariant, ...SignalVariant[]];
  /** Legend for each series, in Grafana's `{{label}}` syntax. */
  legend: string;
  /** Threshold (id within the exporter's `thresholds`) that colours this signal on panels. */
  threshold?: string;
  /** Grafana display range; percentages are usually 0–1 or 0–100. */
  min?: number;
  max?: number;
  /**
   * Why this signal may rightly return nothing on a healthy target (an opt-in collector, a feature
   * only some versions have). Tests on the real stack accept empty results only for these.
   */
  optional?: string;
  /** What must be switched on (beyond the exporter's defaults) for this signal to have data, and where. */
  requires?: Requirement;
}

/**
 * A collector, flag or piece of configuration a signal needs. Dashboards say it in the panel's
 * description, docs/exporter-requirements.md lists them all, and Home and Inventory check it per
 * target against the data.
 */
export interface Requirement {
  /** `collector`: an exporter collector; `flag`: another command-line flag; `config`: a configuration file or the monitored system's setup. */
  kind: 'collector' | 'flag' | 'config';
  /** What to enable, as the user writes it, e.g. `--collector.systemd`, `[[inputs.mem]]` in telegraf.conf. */
  enable: string;
  /** The exporter versions it applies to, e.g. `postgres_exporter ≥ 0.13.2`; every supported version when absent. */
  versions?: string;
  /**
   * True when the exporter leaves it off out of the box, so a target without any of the signal's
   * series is missing a switch: Home and Inventory say "partial: enable …" for it. False where the
   * series may rightly be absent on a fully set-up target (an HTTP-only metric on an ICMP probe).
   */
  offByDefault: boolean;
}

export type Severity = 'critical' | 'warning' | 'info';

/**
 * A default threshold. Panels draw it and alert rules compare against it, read from the same
 * value, so a panel's red line and its alert never disagree. Setup can override `warning` and
 * `critical` per Grafana org (validated against `min`/`max`).
 */
export interface ThresholdDefinition {
  id: string;
  title: string;
  unit: Unit;
  /** `above`: bad when the value rises past the threshold; `below`: bad when it falls under. */
  direction: 'above' | 'below';
  warning?: number;
  critical?: number;
  /** Range a user override must stay within. */
  min?: number;
  max?: number;
  description: string;
}

/** A reference from an alert to the threshold value it compares against. */
export interface ThresholdRef {
  threshold: string;
  level: 'warning' | 'critical';
}

export type Comparison = '>' | '<';

/** Series and expectations for one `promtool test rules` case (kept in `*.promtool.ts` beside each exporter). */
export interface AlertTestCase {
  /** Input series, in promtool's expanding notation, e.g. `{ series: 'up{job="node"}', values: '1x10' }`. */
  series: Array<{ series: string; values: string }>;
  /** How long after the start the alert is evaluated, e.g. `20m`. */
  evalTime: string;
  /**
   * Labels the firing alert carries from its expression (the rule's own labels are added by the
   * generator). Only for `fires` cases.
   */
  labels?: Record<string, string>;
  /**
   * Only for quiet cases whose series hold a fault (minutes where the rule would fire with no `for` and
   * its windows read at their worst sample) and that are evaluated after it has left the rule's view, on
   * purpose: why that time is what the case proves (a kill that has left the 30-minute window; a boot
   * longer ago than the threshold). Without it, such a case fails scripts/check-quiet-cases-decide.ts:
   * it would stay quiet with no `for` and any window.
   */
  afterFault?: string;
}

export interface AlertDefinition {
  /** Unique within the exporter, kebab-case; the rule uid is `fsm-<exporter>-<id>` (≤ 40 chars). */
  id: string;
  /** The alertname, PascalCase. */
  name: string;
  severity: Severity;
  /** How long the condition must hold, e.g. `15m`; `0s` fires at once. */
  for: string;
  /**
   * The value to compare: an instant vector with fixed windows (`range` is `5m` or as written).
   * May contain `and`/`unless` filters; the comparison is applied to the whole expression.
   */
  query: (q: QueryContext) => string;
  /** The signal whose value it compares, when the query is that signal's (at the instant or over a window). */
  signal?: string;
  /**
   * Extra conditions, joined with `and` after the comparison: they narrow which series may fire
   * (e.g. "and the filesystem is predicted to fill") without changing the value shown.
   */
  filters?: Array<(q: QueryContext) => string>;
  comparison: Comparison;
  /** A catalog threshold, or a literal where the bound is a fact (e.g. `up < 1`). */
  threshold: ThresholdRef | number;
  /** Rendered with `{{ $labels.<name> }}` only: the same template works in Prometheus and Grafana. */
  summary: string;
  description: string;
  /** Grafana's behaviour when the query returns nothing (default OK). A dead-man's switch uses Alerting. */
  noDataState?: 'OK' | 'NoData' | 'Alerting';
  /** As on signals: why the query may rightly return nothing on a healthy stack. */
  optional?: string;
}

export type PanelKind = 'timeseries' | 'stat' | 'gauge' | 'bargauge' | 'table';

export interface PanelDefinition {
  /** Signals drawn by the panel; unit and description come from the first one unless set here. */
  signals: string[];
  title?: string;
  description?: string;
  kind?: PanelKind;
  /** Grid width (1–24); defaults by kind. */
  width?: number;
  /** Stacked areas, e.g. CPU modes. */
  stack?: boolean;
}

export interface RowDefinition {
  title: string;
  panels: PanelDefinition[];
}

export interface DetectionRule {
  /**
   * Metric names any one of which proves that a job scrapes this exporter. Exact names only:
   * they become one `__name__=~"a|b"` regex in detection queries.
   */
  metrics: string[];
  /**
   * Exporters this one is more specific than: when a job matches both, this one wins
   * (e.g. the DNS prober's `probe_dns_*` over blackbox's generic `probe_success`).
   */
  supersedes?: string[];
}

export interface ExporterDefinition {
  /** Unique, kebab-case; used in uids, labels and URLs. Stable forever. */
  id: string;
  title: string;
  layer: LayerId;
  defaultPort: number;
  docsUrl: string;
  description: string;
  detection: DetectionRule;
  /**
   * Small, one-series-per-target metrics used to list jobs and instances in dashboard variables.
   * Several when exporter versions differ; the first one present wins.
   */
  infoMetrics: [string, ...string[]];
  /** Metric carrying the exporter's version, when it has one (`*_build_info`). */
  versionMetric?: { metric: string; label: string };
  signals: Signal[];
  thresholds: ThresholdDefinition[];
  alerts: AlertDefinition[];
  /** Dashboard rows from overview to detail. */
  dashboard: RowDefinition[];
  /**
   * The few signals that matter most for this exporter (2–4 signal ids), shown fleet-wide,
   * worst first, on its layer's dashboard. Defaults to the first row's signals.
   */
  overview?: string[];
}

/**
 * What an exporter file writes: each fact once. `defineExporter` (define.ts) fills in the rest.
 * - a signal's legend defaults to one series per target (`{{instance}}`);
 * - a share (`percent`, `percentunit`) or a yes/no is drawn on its unit's range, 0–100 or 0–1, and a
 *   threshold on a share takes its unit's top as its `max` unless it states another;
 * - a threshold with a signal of the same id inherits that signal's title and unit, and its
 *   description unless the threshold has more to say (what the bound means, its default's reason);
 * - an alert either compares a signal (`signal: 'id'`, its query; with `overWindow: 'max'` its peak
 *   over the window, `min` its trough, `avg` its mean, over `window` or the context's range) or,
 *   where it needs another expression (a ratio, a filter inside the query), writes its own `query`;
 * - an alert names a catalog threshold by id (`threshold: 'diskUsed'`) and compares against it at
 *   its own severity, in the threshold's direction (`above`: `>`), so only a literal bound states
 *   its comparison; an alert on a signal that has a threshold, without a `threshold` of its own,
 *   compares against that threshold.
 */
export interface ExporterSource extends Omit<ExporterDefinition, 'signals' | 'thresholds' | 'alerts'> {
  signals: SignalSource[];
  thresholds: ThresholdSource[];
  alerts: AlertSource[];
}

/**
 * A signal with one form for every version may write that form as `expr` instead of a one-element `variants`.
 * A share or a yes/no takes its unit's range (`UNIT_RANGE`, define.ts) unless it says why its axis fits the data.
 */
export type SignalSource = Omit<Signal, 'legend' | 'variants'> & {
  legend?: string;
  /** Why the axis follows the data above, not the unit's top (a share that passes 100 %, one read near 0). */
  axisFitsData?: string;
} & ({ variants: Signal['variants']; expr?: never } | { expr: SignalVariant['expr']; variants?: never });

export type ThresholdSource = Omit<ThresholdDefinition, 'title' | 'unit' | 'description'> &
  Partial<Pick<ThresholdDefinition, 'title' | 'unit' | 'description'>>;

/** How an alert reads its signal over the window instead of at the instant (see AlertSource). */
export type OverWindow = 'max' | 'min' | 'avg';

export type AlertSource = Omit<AlertDefinition, 'query' | 'signal' | 'threshold' | 'comparison'> &
  (
    | {
        query: AlertDefinition['query'];
        /**
         * The signal the query reads, when it is that signal over a window in a form overWindow cannot write (a
         * join) or narrowed by more conditions: the dashboards then colour and rank the signal's yes/no by this
         * alert. A catalog test checks the query reads every metric of the signal.
         */
        signal?: string;
        overWindow?: never;
        window?: never;
      }
    | { signal: string; query?: never; overWindow?: OverWindow; window?: string }
  ) &
  ({ threshold: number; comparison: Comparison } | { threshold?: string; comparison?: never });
