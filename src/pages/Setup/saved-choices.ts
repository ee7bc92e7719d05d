import { EXPORTERS } from '../../catalog';
import { LAYERS } from '../../catalog/layers';
import type { LayerId, Severity } from '../../catalog/types';
import type { DesiredState } from '../../engine';
import { integration } from '../../alerting/contact-points';
import {
  ALL_SEVERITIES,
  emptyContactPoint,
  initialForm,
  WEEKDAYS,
  withoutSecrets,
  type ContactPointInput,
  type SettingInput,
  type SetupForm,
} from './form';

/*
 * Setup remembers: the form's non-secret choices are saved in the app's jsonData by the same apply
 * that writes the rules, so the next Setup run (by this admin or another) starts from them instead
 * of planning to undo the thresholds, filters and routing chosen last time.
 *
 * Why jsonData and not derived from the rules Grafana holds: the rules do not say which packs
 * were left out on purpose, nor which thresholds were left at their default rather than typed, nor
 * the routing of an "existing" contact point; and a rule someone edited in Grafana would be taken
 * for a choice. Saving the form keeps the choice; comparing it with Grafana (a plan made when Setup
 * opens) shows where someone changed Grafana since.
 *
 * Everything read back is validated as strictly as the form validates input: jsonData can be
 * provisioned or edited by anyone with the config page, and a bad value must not reach a query.
 */

/** The jsonData key; the value is `SavedSetupChoices`. */
export const SAVED_CHOICES_KEY = 'setup';
/** 2: contact point inputs keyed by registry type and setting. 1 (read, never written): one field per input. */
const FORMAT = 2;

export interface SavedSetupChoices {
  format: typeof FORMAT;
  form: SetupForm;
}

export function savedChoicesOf(form: SetupForm): SavedSetupChoices {
  return { format: FORMAT, form: { ...form, contactPoint: withoutSecrets(form.contactPoint) } };
}

/** The desired state, plus the save of these choices into the app's jsonData (one engine step, planned like the rest). */
export function withSavedChoices(desired: DesiredState, form: SetupForm, pluginId: string): DesiredState {
  return {
    ...desired,
    appSettings: {
      pluginId,
      jsonData: { [SAVED_CHOICES_KEY]: savedChoicesOf(form) },
      what: "Setup's choices",
    },
  };
}

export type SavedChoicesRead =
  | { status: 'none' }
  | { status: 'ok'; form: SetupForm }
  /** Saved, but not readable: Setup starts from the defaults and says why; the saved value stays until the next apply. */
  | { status: 'invalid'; problem: string };

export function readSavedChoices(jsonData: Record<string, unknown> | null | undefined): SavedChoicesRead {
  const saved = jsonData?.[SAVED_CHOICES_KEY];
  if (saved === undefined || saved === null) {
    return { status: 'none' };
  }
  try {
    return { status: 'ok', form: parseSaved(saved) };
  } catch (err) {
    return {
      status: 'invalid',
      problem: `The Setup choices saved in the app settings cannot be read (${err instanceof Error ? err.message : String(err)}). Setup starts from the defaults; applying saves the new choices over them.`,
    };
  }
}

class Invalid extends Error {}

function parseSaved(value: unknown): SetupForm {
  const saved = record(value, 'the saved value');
  if (saved.format !== FORMAT && saved.format !== 1) {
    throw new Invalid(`format ${JSON.stringify(saved.format)} is not ${FORMAT} (nor 1)`);
  }
  const f = record(saved.form, 'form');
  const defaults = initialForm('');
  const knownPacks = new Set(EXPORTERS.map((e) => e.id));
  const layerIds = new Set<string>(LAYERS.map((l) => l.id));
  // A field a later version of the form adds keeps its default when an older save lacks it.
  const get = <K extends keyof SetupForm>(key: K, parse: (v: unknown) => SetupForm[K]): SetupForm[K] =>
    key in f ? parse(f[key]) : defaults[key];
  return {
    datasourceUid: get('datasourceUid', (v) => string(v, 'datasourceUid')),
    // A pack this version no longer ships is dropped, not an error: the plan then shows its rules as obsolete.
    exporterIds: get('exporterIds', (v) => strings(v, 'exporterIds').filter((id) => knownPacks.has(id))),
    thresholds: get('thresholds', parseThresholds),
    labelFilters: get('labelFilters', (v) =>
      array(v, 'labelFilters').map((item, i) => {
        const filter = record(item, `labelFilters.${i}`);
        return {
          label: string(filter.label, `labelFilters.${i}.label`),
          values: strings(filter.values, `labelFilters.${i}.values`),
          exclude: boolean(filter.exclude, `labelFilters.${i}.exclude`),
        };
      })
    ),
    folderTitle: get('folderTitle', (v) => string(v, 'folderTitle')),
    editable: get('editable', (v) => boolean(v, 'editable')),
    notify: get('notify', (v) => boolean(v, 'notify')),
    contactPoint: get('contactPoint', (v) =>
      parseContactPoint(saved.format === 1 ? fromFormat1(record(v, 'contactPoint')) : v)
    ),
    groupBy: get('groupBy', (v) => strings(v, 'groupBy')),
    severities: get('severities', (v) => subset(v, 'severities', new Set<string>(ALL_SEVERITIES)) as Severity[]),
    layers: get('layers', (v) => subset(v, 'layers', layerIds) as LayerId[]),
    muteTimings: get('muteTimings', (v) =>
      array(v, 'muteTimings').map((item, i) => {
        const mt = record(item, `muteTimings.${i}`);
        return {
          name: string(mt.name, `muteTimings.${i}.name`),
          weekdays: subset(mt.weekdays, `muteTimings.${i}.weekdays`, new Set(WEEKDAYS)),
          start: string(mt.start, `muteTimings.${i}.start`),
          end: string(mt.end, `muteTimings.${i}.end`),
        };
      })
    ),
  };
}

function parseThresholds(value: unknown): SetupForm['thresholds'] {
  return Object.fromEntries(
    Object.entries(record(value, 'thresholds')).map(([key, input]) => {
      const levels = record(input, `thresholds.${key}`);
      for (const level of Object.keys(levels)) {
        if (level !== 'warning' && level !== 'critical') {
          throw new Invalid(`thresholds.${key} has an unknown level "${level}"`);
        }
        string(levels[level], `thresholds.${key}.${level}`);
      }
      return [key, levels as SetupForm['thresholds'][string]];
    })
  );
}

/**
 * Format 1 (Setup before the contact point registry) kept one field per input; these are its
 * non-secret ones, by the registry setting they became. Its secret fields were always saved empty.
 */
const FORMAT_1_INPUTS: Record<string, [type: string, key: string]> = {
  emailAddresses: ['email', 'addresses'],
  webhookUrl: ['webhook', 'url'],
  slackRecipient: ['slack', 'recipient'],
};

/** A format 1 contact point in the shape of format 2, checked as strictly by parseContactPoint. */
function fromFormat1(cp: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['kind', 'existingName', 'name']) {
    if (key in cp) {
      out[key] = cp[key];
    }
  }
  const values: Record<string, Record<string, unknown>> = {};
  for (const [input, [type, key]] of Object.entries(FORMAT_1_INPUTS)) {
    if (input in cp) {
      values[type] = { ...values[type], [key]: cp[input] };
    }
  }
  const modes: Record<string, unknown> = {};
  if ('webhookBearer' in cp) {
    modes.webhook = boolean(cp.webhookBearer, 'contactPoint.webhookBearer') ? 'bearer' : 'none';
  }
  if ('slackMode' in cp) {
    modes.slack = cp.slackMode;
  }
  return { ...out, values, modes };
}

/**
 * Inputs of an integration or setting this version does not have are dropped (a later version
 * saved them); secrets are dropped too: saved choices never hold one, so one found here was not
 * put there by Setup and is not used.
 */
function parseContactPoint(value: unknown): ContactPointInput {
  const cp = record(value, 'contactPoint');
  const out = emptyContactPoint();
  for (const key of ['kind', 'existingName', 'name'] as const) {
    if (key in cp) {
      out[key] = string(cp[key], `contactPoint.${key}`);
    }
  }
  if (out.kind !== 'existing' && !integration(out.kind)) {
    throw new Invalid(`contactPoint.kind "${out.kind}" is not a kind Setup offers`);
  }
  for (const [type, typed] of Object.entries(record(cp.values ?? {}, 'contactPoint.values'))) {
    const found = integration(type);
    const fields = record(typed, `contactPoint.values.${type}`);
    for (const setting of found?.settings ?? []) {
      const what = `contactPoint.values.${type}.${setting.key}`;
      if (setting.key in fields && !setting.secret && !setting.notOffered) {
        const v: SettingInput = setting.list ? strings(fields[setting.key], what) : string(fields[setting.key], what);
        out.values[type] = { ...out.values[type], [setting.key]: v };
      }
    }
  }
  for (const [type, mode] of Object.entries(record(cp.modes ?? {}, 'contactPoint.modes'))) {
    const options = integration(type)?.modes?.options;
    if (!options) {
      continue;
    }
    if (!options.some((m) => m.id === mode)) {
      throw new Invalid(
        `contactPoint.modes.${type} "${String(mode)}" is not one of ${options.map((m) => m.id).join(', ')}`
      );
    }
    out.modes[type] = mode as string;
  }
  return out;
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Invalid(`${what} is not an object`);
  }
  return value as Record<string, unknown>;
}

function array(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new Invalid(`${what} is not a list`);
  }
  return value;
}

function string(value: unknown, what: string): string {
  if (typeof value !== 'string') {
    throw new Invalid(`${what} is not text`);
  }
  return value;
}

function strings(value: unknown, what: string): string[] {
  return array(value, what).map((v, i) => string(v, `${what}.${i}`));
}

function boolean(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') {
    throw new Invalid(`${what} is not true or false`);
  }
  return value;
}

function subset(value: unknown, what: string, allowed: Set<string>): string[] {
  const list = strings(value, what);
  for (const item of list) {
    if (!allowed.has(item)) {
      throw new Invalid(`${what} holds "${item}", which is not one of ${[...allowed].join(', ')}`);
    }
  }
  return list;
}
