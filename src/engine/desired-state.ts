import { EXPORTERS } from '../catalog';
import { DEFAULT_CLUSTER_LABEL } from '../constants';
import { labelNameError } from '../utils/prometheusLabel';
import {
  escapeRegexValue,
  isValidLabelName,
  joinMatchers,
  labelValueError,
  matcher,
  REPLICA_LABELS,
} from '../catalog/promql';
import {
  describeMatchers,
  resolveThreshold,
  validateOverrides,
  validateTargetOverrides,
  type TargetOverride,
  type ThresholdOverrides,
} from '../catalog/thresholds';
import type { ExporterDefinition, Unit } from '../catalog/types';
import {
  DEFAULT_ALERT_FOLDER_UID,
  DEFAULT_RULE_GROUP_INTERVAL_SECONDS,
  grafanaRuleGroup,
  SCHEDULER_BASE_INTERVAL_SECONDS,
} from '../alerting/grafana-rules';
import type { AlertRulePayload } from '../grafana-api/types';
import { SetupChoiceError, type ChoiceProblem, type PlanBlocker } from './errors';
import { withContentHash } from './hash';
import {
  buildDesiredNotifications,
  MANAGED_LABEL,
  MANAGED_LABEL_VALUE,
  type DesiredNotifications,
  type NotificationChoices,
} from './notifications';
import type { ProvenanceMode } from './provenance';

/*
 * Setup's choices → the alert objects Grafana should hold. One function for the Setup page, the
 * file export and the bench, so what the page writes and what the export prints cannot differ.
 */

/** Fixed: users link to rules in it, and the plan finds the plugin's rules by it. */
export const FSM_FOLDER_UID = DEFAULT_ALERT_FOLDER_UID;
export const DEFAULT_FOLDER_TITLE = 'Full-Stack Monitoring';
/** Every rule uid the plugin writes starts with this (`fsm-<exporter>-<alert>`). */
export const FSM_RULE_UID_PREFIX = 'fsm-';
const MAX_TITLE = 190;

/**
 * Narrow every rule to some series, e.g. one cluster or a set of jobs. Values are literal (never
 * regexes): one value gives `label="v"`, several give `label=~"v1|v2"` with each value
 * regex-escaped, so no input can break the query or add a matcher.
 */
export interface LabelFilterChoice {
  label: string;
  values: string[];
  /** Exclude the values instead (`!=` / `!~`). */
  exclude?: boolean;
}

export interface SetupChoices {
  /** Packs to install, by exporter id. Exporters without alert rules are reported in `skippedExporters`. */
  exporterIds: readonly string[];
  /** The Prometheus datasource the rules query. */
  datasourceUid: string;
  overrides?: ThresholdOverrides;
  /**
   * Levels for some targets (by label matcher), in precedence order: for each threshold, the first
   * override whose matchers hold decides a series' levels. Overrides of packs not chosen are ignored.
   */
  targetOverrides?: readonly TargetOverride[];
  /** Title of the fixed-uid folder (used when the plugin creates it). */
  folderTitle?: string;
  labelFilters?: readonly LabelFilterChoice[];
  /** The app's replica labels, dropped from every rule (default: the catalog's `REPLICA_LABELS`). */
  replicaLabels?: readonly string[];
  /**
   * The app's cluster label, kept by every aggregation in the rules so a store holding several
   * clusters alerts per cluster (default: `cluster`; choices saved before it existed have none).
   */
  clusterLabel?: string;
  /** Evaluation interval of every group, seconds, a multiple of 10 (default 60). */
  intervalSeconds?: number;
  /** true: rules stay editable in Grafana's UI (X-Disable-Provenance). Chosen once; the plan refuses a switch. */
  editable: boolean;
  /** Contact point, routing and maintenance windows; leave out to manage rules only. */
  notifications?: NotificationChoices;
}

export interface DesiredRuleGroup {
  /** The pack, for groups Setup builds from the catalog; a bundle's groups may not name one. */
  exporterId?: string;
  exporterTitle?: string;
  /** Group name (`fsm-<exporter>`). */
  title: string;
  folderUid: string;
  interval: number;
  /** Rules as the plugin writes them: managed label and content hash included. */
  rules: AlertRulePayload[];
}

/** Where the desired state comes from: the words of the plan follow it. */
export type DesiredSource = 'setup' | 'bundle';

/** Dashboards the app ships, to import again where Grafana no longer has them (restore). */
export interface DesiredDashboards {
  pluginId: string;
  dashboards: Array<{ uid: string; title: string; path: string; revision: number }>;
}

/** Keys of the app's jsonData to set; keys not named are kept as they are. */
export interface DesiredAppSettings {
  pluginId: string;
  jsonData: Record<string, unknown>;
  /** Words for the plan ("Setup's choices", "the bundle's settings"). */
  what: string;
}

export interface DesiredState {
  source: DesiredSource;
  folder: { uid: string; title: string };
  /** Every datasource the rules (and settings) use: each must exist. */
  datasourceUids: string[];
  provenance: ProvenanceMode;
  /** The escaped label matchers added to every selector ('' for fleet-wide). */
  selector: string;
  /** Per-target thresholds in force, in precedence order, for the plan to show. */
  targetOverrides?: TargetOverrideSummary[];
  groups: DesiredRuleGroup[];
  skippedExporters: Array<{ exporterId: string; title: string; reason: string }>;
  notifications?: DesiredNotifications;
  /**
   * Whether rule fields outside the plugin's own content (notification_settings, keep_firing_for…)
   * are part of the desired state: a bundle restores them; Setup leaves them to the user.
   */
  ownsRuleExtras: boolean;
  dashboards?: DesiredDashboards;
  appSettings?: DesiredAppSettings;
  /** Blockers known before reading Grafana (a bundle from another organization, not confirmed…). */
  preconditions?: PlanBlocker[];
}

/** One per-target override as the plan shows it. */
export interface TargetOverrideSummary {
  exporterTitle: string;
  threshold: string;
  /** `instance=~"db-.*", mountpoint="/"`. */
  matchers: string;
  unit: Unit;
  direction: 'above' | 'below';
  warning?: { value: number; default: number };
  critical?: { value: number; default: number };
}

/** Builds the escaped selector from label filters; problems (bad label names, empty values) are appended. */
export function buildSelector(filters: readonly LabelFilterChoice[], problems: ChoiceProblem[] = []): string {
  const parts: string[] = [];
  const seen = new Map<string, LabelFilterChoice>();
  filters.forEach((filter, i) => {
    if (!isValidLabelName(filter.label)) {
      problems.push({
        field: `labelFilters.${i}.label`,
        message: `"${filter.label}" is not a label name: use letters, digits and _, not starting with a digit or __.`,
      });
      return;
    }
    const values = filter.values.filter((v) => v !== '');
    const refused = values.find((v) => labelValueError(v) !== undefined);
    if (refused !== undefined) {
      problems.push({
        field: `labelFilters.${i}.values`,
        message: `The value ${JSON.stringify(refused.slice(0, 60))} ${labelValueError(refused)}`,
      });
      return;
    }
    if (values.length === 0) {
      problems.push({
        field: `labelFilters.${i}.values`,
        message: `Enter at least one value for label "${filter.label}".`,
      });
      return;
    }
    // Prometheus compares values exactly: " prod" never matches "prod", and a silent trim would change the filter.
    const spaced = values.find((v) => v !== v.trim());
    if (spaced !== undefined) {
      problems.push({
        field: `labelFilters.${i}.values`,
        message: `The value "${spaced}" of label "${filter.label}" has spaces around it: remove them (Prometheus compares label values exactly).`,
      });
      return;
    }
    const earlier = seen.get(filter.label);
    if (earlier) {
      problems.push({
        field: `labelFilters.${i}.label`,
        message: repeatedLabelMessage(earlier, { ...filter, values }),
      });
      return;
    }
    seen.set(filter.label, { ...filter, values });
    if (values.length === 1) {
      parts.push(matcher(filter.label, filter.exclude ? '!=' : '=', values[0]));
    } else {
      parts.push(`${filter.label}${filter.exclude ? '!~' : '=~'}"${values.map(escapeRegexValue).join('|')}"`);
    }
  });
  return joinMatchers(...parts);
}

/**
 * Every filter must hold, so two on one label narrow each other: two inclusions of different
 * values, or the inclusion and exclusion of one value, match no series and the rules could never
 * fire. Any repeat is refused, with the words for the case.
 */
function repeatedLabelMessage(first: LabelFilterChoice, second: LabelFilterChoice): string {
  const both = first.values.filter((v) => second.values.includes(v));
  if (!first.exclude !== !second.exclude && both.length > 0) {
    return `Label "${second.label}" both includes and excludes "${both[0]}": no series could match, so the rules could never fire. Keep one of the two filters.`;
  }
  if (!first.exclude && !second.exclude) {
    return `Label "${second.label}" is filtered twice: a series has one value, so both filters can never hold and the rules could never fire. Put all its values in one filter.`;
  }
  return `Label "${second.label}" is filtered twice: put its values in one filter, so what the rules watch is said once.`;
}

/** Every problem with the choices, field by field, without throwing: for the form. */
export function validateSetupChoices(
  choices: SetupChoices,
  catalog: readonly ExporterDefinition[] = EXPORTERS
): ChoiceProblem[] {
  try {
    buildDesiredState(choices, catalog);
    return [];
  } catch (err) {
    if (err instanceof SetupChoiceError) {
      return err.problems;
    }
    throw err;
  }
}

/** The desired state; throws SetupChoiceError listing every problem (the form shows each at its field). */
export function buildDesiredState(
  choices: SetupChoices,
  catalog: readonly ExporterDefinition[] = EXPORTERS
): DesiredState {
  const problems: ChoiceProblem[] = [];
  const datasourceUid = (choices.datasourceUid ?? '').trim();
  if (!datasourceUid) {
    problems.push({ field: 'datasource', message: 'Choose the Prometheus datasource the alert rules query.' });
  }
  const folderTitle = (choices.folderTitle ?? DEFAULT_FOLDER_TITLE).trim();
  if (!folderTitle || folderTitle.length > MAX_TITLE) {
    problems.push({ field: 'folderTitle', message: `Enter a folder title of 1–${MAX_TITLE} characters.` });
  }
  const interval = choices.intervalSeconds ?? DEFAULT_RULE_GROUP_INTERVAL_SECONDS;
  if (!Number.isInteger(interval) || interval <= 0 || interval % SCHEDULER_BASE_INTERVAL_SECONDS !== 0) {
    problems.push({
      field: 'interval',
      message: `Evaluate every ${SCHEDULER_BASE_INTERVAL_SECONDS}, 20, 30… seconds: Grafana needs a whole multiple of ${SCHEDULER_BASE_INTERVAL_SECONDS} (got ${String(interval)}).`,
    });
  }
  // The app's configuration page refuses both, but jsonData provisioned from a file and choices a script builds
  // skip it: a bad name must not reach every rule, nor the label that tells clusters apart be dropped as a replica's.
  const clusterLabel = choices.clusterLabel ?? DEFAULT_CLUSTER_LABEL;
  const clusterLabelError = labelNameError(clusterLabel);
  if (clusterLabelError) {
    problems.push({
      field: 'clusterLabel',
      message: `The cluster label ${JSON.stringify(clusterLabel)} is not a Prometheus label name: ${clusterLabelError} Correct it on the app's configuration page.`,
    });
  } else if ((choices.replicaLabels ?? REPLICA_LABELS).includes(clusterLabel)) {
    problems.push({
      field: 'clusterLabel',
      message: `"${clusterLabel}" is both the cluster label and a replica label: alerts would no longer tell your clusters apart. Remove it from the replica labels on the app's configuration page.`,
    });
  }
  const chosen: ExporterDefinition[] = [];
  for (const id of new Set(choices.exporterIds)) {
    const exporter = catalog.find((e) => e.id === id);
    if (exporter) {
      chosen.push(exporter);
    } else {
      problems.push({ field: 'exporters', message: `Unknown pack "${id}".` });
    }
  }
  for (const problem of validateOverrides(catalog, choices.overrides ?? {})) {
    problems.push({ field: `threshold:${problem.key}`, message: problem.message });
  }
  const chosenIds = new Set(chosen.map((e) => e.id));
  const targetOverrides = (choices.targetOverrides ?? []).filter((o) =>
    chosenIds.has(String(o.threshold).split('.')[0])
  );
  for (const problem of validateTargetOverrides(catalog, choices.overrides ?? {}, choices.targetOverrides ?? [], (id) =>
    chosenIds.has(id)
  )) {
    problems.push({ field: problem.key, message: problem.message });
  }
  const selector = buildSelector(choices.labelFilters ?? [], problems);
  const notifications = choices.notifications ? buildDesiredNotifications(choices.notifications, problems) : undefined;

  const groups: DesiredRuleGroup[] = [];
  const skippedExporters: DesiredState['skippedExporters'] = [];
  if (problems.length === 0) {
    for (const exporter of chosen) {
      if (exporter.alerts.length === 0) {
        skippedExporters.push({
          exporterId: exporter.id,
          title: exporter.title,
          reason: 'This pack has no alert rules yet.',
        });
        continue;
      }
      try {
        const group = grafanaRuleGroup(exporter, {
          datasourceUid,
          folderUid: FSM_FOLDER_UID,
          intervalSeconds: interval,
          overrides: choices.overrides,
          targetOverrides,
          selector,
          replicaLabels: choices.replicaLabels,
          clusterLabel,
        });
        groups.push({
          exporterId: exporter.id,
          exporterTitle: exporter.title,
          title: group.title,
          folderUid: group.folderUid,
          interval: group.interval,
          rules: group.rules.map((rule) =>
            withContentHash({ ...rule, labels: { ...rule.labels, [MANAGED_LABEL]: MANAGED_LABEL_VALUE } })
          ),
        });
      } catch (err) {
        problems.push({ field: `exporters.${exporter.id}`, message: err instanceof Error ? err.message : String(err) });
      }
    }
  }
  if (problems.length > 0) {
    throw new SetupChoiceError(problems);
  }
  return {
    source: 'setup',
    folder: { uid: FSM_FOLDER_UID, title: folderTitle },
    datasourceUids: [datasourceUid],
    ownsRuleExtras: false,
    provenance: choices.editable ? 'none' : 'api',
    selector,
    targetOverrides: summariseTargetOverrides(catalog, choices.overrides ?? {}, targetOverrides),
    groups,
    skippedExporters,
    notifications,
  };
}

function summariseTargetOverrides(
  catalog: readonly ExporterDefinition[],
  overrides: ThresholdOverrides,
  targetOverrides: readonly TargetOverride[]
): TargetOverrideSummary[] {
  return targetOverrides.map((o) => {
    const [exporterId, thresholdId] = o.threshold.split('.');
    const exporter = catalog.find((e) => e.id === exporterId)!;
    const effective = resolveThreshold(exporter, thresholdId, overrides);
    const level = (name: 'warning' | 'critical') => {
      const value = o[name];
      const fallback = effective[name];
      return value === undefined || fallback === undefined ? {} : { [name]: { value, default: fallback } };
    };
    return {
      exporterTitle: exporter.title,
      threshold: effective.title,
      matchers: describeMatchers(o.matchers),
      unit: effective.unit,
      direction: effective.direction,
      ...level('warning'),
      ...level('critical'),
    };
  });
}

/** Exporters whose packs have alert rules: "the full pack". */
export function exportersWithAlerts(catalog: readonly ExporterDefinition[] = EXPORTERS): ExporterDefinition[] {
  return catalog.filter((e) => e.alerts.length > 0);
}
