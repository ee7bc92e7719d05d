import {
  INTEGRATIONS,
  integration,
  secretKeys,
  storedMode,
  type IntegrationSetting,
  type IntegrationType,
} from '../../alerting/contact-points';
import type { ContactPoint } from '../../grafana-api';
import type { TargetOverride, ThresholdOverrides } from '../../catalog/thresholds';
import type { MatchOp } from '../../catalog/promql';
import type { ExporterDefinition, LayerId, Severity, ThresholdDefinition } from '../../catalog/types';
export { unitLabel } from '../../catalog/units';
import {
  DEFAULT_CONTACT_POINT_NAME,
  DEFAULT_FOLDER_TITLE,
  type ChoiceProblem,
  type ContactPointChoice,
  type NotificationChoices,
  type SetupChoices,
} from '../../engine';

/*
 * The Setup form as the page edits it (strings, as typed) and its one conversion into the
 * engine's SetupChoices. Validation is the engine's (validateSetupChoices); this file only adds
 * what the engine cannot know (an input that is not a number at all) and maps each problem to the
 * form field that shows it.
 */

export type ThresholdLevel = 'warning' | 'critical';

/** What the admin typed for one threshold; a level left out keeps the catalog default. */
export type ThresholdInput = Partial<Record<ThresholdLevel, string>>;

export interface TargetMatcherInput {
  label: string;
  op: MatchOp;
  /** As typed: a literal for = and !=, an RE2 regex for =~ and !~. */
  value: string;
}

/** Levels of one threshold for the targets its matchers select; the first override that matches a target wins. */
export interface TargetOverrideInput {
  /** `<exporterId>.<thresholdId>`. */
  threshold: string;
  matchers: TargetMatcherInput[];
  /** '' keeps the threshold's level. */
  warning: string;
  critical: string;
}

export interface LabelFilterInput {
  label: string;
  values: string[];
  exclude: boolean;
}

export interface MuteTimingInput {
  name: string;
  weekdays: string[];
  /** HH:MM; both empty = the whole day. */
  start: string;
  end: string;
}

/** What was typed for one setting: text, or a list for a list setting. */
export type SettingInput = string | string[];

export interface ContactPointInput {
  /** `existing`, or the registry type of the plugin's own contact point. */
  kind: 'existing' | IntegrationType;
  /** For `existing`. */
  existingName: string;
  /** Name of the plugin's own contact point. */
  name: string;
  /**
   * By integration type, then registry settings key; each integration keeps its own, so switching
   * kind loses nothing typed. Secrets are typed once, never read back from Grafana; empty keeps
   * the stored one.
   */
  values: Record<IntegrationType, Record<string, SettingInput>>;
  /** The chosen mode of each integration that has modes. */
  modes: Record<IntegrationType, string>;
}

export interface SetupForm {
  datasourceUid: string;
  exporterIds: string[];
  /** Keyed `<exporterId>.<thresholdId>`; only thresholds the admin touched. */
  thresholds: Record<string, ThresholdInput>;
  /** Per-target overrides, in precedence order. */
  targetOverrides: TargetOverrideInput[];
  labelFilters: LabelFilterInput[];
  folderTitle: string;
  /** Rules stay editable in Grafana's UI (no provenance). */
  editable: boolean;
  /** false: write rules only; alerts follow the existing notification policy. */
  notify: boolean;
  contactPoint: ContactPointInput;
  groupBy: string[];
  severities: Severity[];
  /** Empty: every layer. */
  layers: LayerId[];
  muteTimings: MuteTimingInput[];
}

export const ALL_SEVERITIES: Severity[] = ['critical', 'warning', 'info'];
export const DEFAULT_GROUP_BY = ['alertname', 'severity', 'layer'];
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** What an untouched input of that setting holds. */
export function emptySetting(setting: IntegrationSetting): SettingInput {
  return setting.list ? [] : '';
}

/** What was typed for a setting; the empty value where nothing was (an integration added since the form was made). */
export function settingInput(cp: ContactPointInput, type: IntegrationType, setting: IntegrationSetting): SettingInput {
  return cp.values[type]?.[setting.key] ?? emptySetting(setting);
}

export function emptyContactPoint(): ContactPointInput {
  return {
    kind: 'existing',
    existingName: '',
    name: DEFAULT_CONTACT_POINT_NAME,
    values: Object.fromEntries(
      INTEGRATIONS.map((i) => [
        i.type,
        Object.fromEntries(i.settings.filter((s) => !s.notOffered).map((s) => [s.key, emptySetting(s)])),
      ])
    ),
    modes: Object.fromEntries(INTEGRATIONS.flatMap((i) => (i.modes ? [[i.type, i.modes.options[0].id]] : []))),
  };
}

export function initialForm(datasourceUid: string): SetupForm {
  return {
    datasourceUid,
    exporterIds: [],
    thresholds: {},
    targetOverrides: [],
    labelFilters: [],
    folderTitle: DEFAULT_FOLDER_TITLE,
    editable: true,
    notify: false,
    contactPoint: emptyContactPoint(),
    groupBy: DEFAULT_GROUP_BY,
    severities: [...ALL_SEVERITIES],
    layers: [],
    muteTimings: [],
  };
}

/**
 * `1,000` reads as one thousand to some and as one to others (a decimal comma): refused rather than
 * guessed. A comma that cannot be a thousands separator (`85,5`) is a decimal comma.
 */
const THOUSANDS_GROUPED = /^[-+]?\d{1,3}(?:,\d{3})+$/;

/** '' → not overridden; anything else that is not a finite number → NaN, which the engine reports at the field. */
function parseLevel(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '' || THOUSANDS_GROUPED.test(text.trim())) {
    return undefined;
  }
  const normalised = text.trim().replace(',', '.');
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalised) ? Number(normalised) : Number.NaN;
}

export function thresholdOverrides(form: SetupForm): ThresholdOverrides {
  const overrides: ThresholdOverrides = {};
  const chosen = new Set(form.exporterIds);
  for (const [key, input] of Object.entries(form.thresholds)) {
    // Thresholds of packs that are not chosen do not matter and must not block the plan.
    if (!chosen.has(key.split('.')[0])) {
      continue;
    }
    const warning = parseLevel(input.warning);
    const critical = parseLevel(input.critical);
    if (warning === undefined && critical === undefined) {
      continue;
    }
    overrides[key] = {
      ...(warning === undefined ? {} : { warning }),
      ...(critical === undefined ? {} : { critical }),
    };
  }
  return overrides;
}

/** Every override, so problems keep the form's index (the engine ignores those of packs not chosen). */
export function targetOverrides(form: SetupForm): TargetOverride[] {
  return form.targetOverrides.map((o) => {
    const warning = parseLevel(o.warning);
    const critical = parseLevel(o.critical);
    return {
      threshold: o.threshold,
      matchers: o.matchers.map((m) => ({ label: m.label.trim(), op: m.op, value: m.value })),
      ...(warning === undefined ? {} : { warning }),
      ...(critical === undefined ? {} : { critical }),
    };
  });
}

/** A new override of `threshold`, matching on instance: the label every target has. */
export function newTargetOverride(threshold: string): TargetOverrideInput {
  return { threshold, matchers: [{ label: 'instance', op: '=~', value: '' }], warning: '', critical: '' };
}

function contactPointChoice(input: ContactPointInput): ContactPointChoice {
  if (input.kind === 'existing') {
    return { kind: 'existing', name: input.existingName };
  }
  return {
    kind: 'new',
    type: input.kind,
    name: input.name.trim(),
    mode: input.modes[input.kind],
    values: input.values[input.kind] ?? {},
  };
}

function notificationChoices(form: SetupForm): NotificationChoices {
  return {
    contactPoint: contactPointChoice(form.contactPoint),
    routing: {
      groupBy: form.groupBy,
      severities: form.severities,
      layers: form.layers,
    },
    muteTimings: form.muteTimings.map((mt) => ({
      name: mt.name,
      timeIntervals: [
        {
          ...(mt.weekdays.length > 0 ? { weekdays: mt.weekdays } : {}),
          ...(mt.start !== '' || mt.end !== '' ? { times: [{ start_time: mt.start, end_time: mt.end }] } : {}),
        },
      ],
    })),
  };
}

/** The engine's input. Holds newly typed secrets: keep it in memory only. */
export function toSetupChoices(
  form: SetupForm,
  replicaLabels?: readonly string[],
  clusterLabel?: string
): SetupChoices {
  return {
    replicaLabels,
    clusterLabel,
    exporterIds: form.exporterIds,
    datasourceUid: form.datasourceUid,
    overrides: thresholdOverrides(form),
    targetOverrides: targetOverrides(form),
    folderTitle: form.folderTitle,
    labelFilters: form.labelFilters.map((f) => ({ label: f.label.trim(), values: f.values, exclude: f.exclude })),
    editable: form.editable,
    notifications: form.notify ? notificationChoices(form) : undefined,
  };
}

/** The contact point input with every secret cleared: a stored secret is kept by sending none. */
export function withoutSecrets(cp: ContactPointInput): ContactPointInput {
  const values = Object.fromEntries(
    Object.entries(cp.values).map(([type, typed]) => [
      type,
      Object.fromEntries(Object.entries(typed).map(([key, v]) => [key, secretKeys(type).includes(key) ? '' : v])),
    ])
  );
  return { ...cp, values };
}

/** The plugin's contact point as Grafana holds it: non-secret settings only (secrets read back as [REDACTED]). */
export function prefillContactPoint(input: ContactPointInput, cp: ContactPoint): ContactPointInput {
  const found = integration(cp.type);
  if (!found) {
    return input;
  }
  const text = (key: string) => (typeof cp.settings?.[key] === 'string' ? String(cp.settings[key]) : '');
  const values = { ...input.values[found.type] };
  for (const setting of found.settings) {
    if (setting.secret || setting.notOffered) {
      continue;
    }
    values[setting.key] = setting.list
      ? text(setting.key)
          .split(setting.list.split)
          .map((a) => a.trim())
          .filter(Boolean)
      : text(setting.key);
  }
  const mode = storedMode(found, cp.settings ?? {});
  return {
    ...input,
    name: cp.name,
    kind: found.type,
    values: { ...input.values, [found.type]: values },
    modes: mode ? { ...input.modes, [found.type]: mode.id } : input.modes,
  };
}

/** Problems the engine cannot see: an empty selection would make the plan delete every installed pack. */
export function formProblems(form: SetupForm): ChoiceProblem[] {
  const problems: ChoiceProblem[] = [];
  if (form.exporterIds.length === 0) {
    problems.push({ field: 'exporters', message: 'Choose at least one pack.' });
  }
  if (form.notify && form.severities.length === 0) {
    problems.push({ field: 'notifications.routing.severities', message: 'Choose at least one severity to notify.' });
  }
  const chosen = new Set(form.exporterIds);
  const ambiguous = (field: string, input: ThresholdInput, key: string) => {
    for (const level of ['warning', 'critical'] as const) {
      const text = input[level]?.trim() ?? '';
      if (chosen.has(key.split('.')[0]) && THOUSANDS_GROUPED.test(text)) {
        problems.push({
          field,
          message: `The ${level} level "${text}" could mean ${Number(text.replace(/,/g, ''))} or ${Number(text.replace(',', '.'))}: write it without a thousands separator (${text.replace(/,/g, '')}), or with a point for decimals.`,
        });
      }
    }
  };
  for (const [key, input] of Object.entries(form.thresholds)) {
    ambiguous(`threshold:${key}`, input, key);
  }
  form.targetOverrides.forEach((o, i) => ambiguous(`targetOverrides.${i}`, o, o.threshold));
  form.muteTimings.forEach((mt, i) => {
    if ((mt.start === '') !== (mt.end === '')) {
      problems.push({
        field: `notifications.muteTimings.${i}.times`,
        message: `Maintenance window "${mt.name}": enter both a start and an end time, or neither for the whole day.`,
      });
    }
  });
  return problems;
}

/** Problems by form field; a field's messages are shown under it. */
export function problemsByField(problems: readonly ChoiceProblem[]): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const p of problems) {
    byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
  }
  return byField;
}

/** The thresholds the alerts of a pack compare against (a pack's other thresholds only draw panel lines). */
export function alertThresholds(exporter: ExporterDefinition): ThresholdDefinition[] {
  const used = new Set(
    exporter.alerts.flatMap((a) => (typeof a.threshold === 'number' ? [] : [a.threshold.threshold]))
  );
  return exporter.thresholds.filter((t) => used.has(t.id));
}
