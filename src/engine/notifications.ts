import { isValidLabelName } from '../catalog/promql';
import { pathSegmentError } from '../utils/urlPath';
import {
  integration,
  integrationMode,
  modeSettings,
  secretKeys,
  settingProblems,
  type IntegrationType,
} from '../alerting/contact-points';
import type { LayerId, Severity } from '../catalog/types';
import { LAYERS } from '../catalog/layers';
import type {
  ContactPoint,
  GrafanaApi,
  MuteTiming,
  NotificationRoute,
  ObjectMatcher,
  TimeInterval,
} from '../grafana-api/types';
import type { ChoiceProblem, PlanBlocker } from './errors';
import { promDurationMs } from '../utils/durations';
import { diffFlat, flatten, stableStringify, type FieldChange } from './hash';
import { provenanceBlocker, type ProvenanceMode } from './provenance';

/*
 * The alert flow objects Setup writes besides rules: one contact point, the plugin's subtree of
 * the notification policy tree, and mute timings for maintenance windows. Secrets are entered
 * once: the plan never holds them, and a stored secret is kept (sent back as `[REDACTED]`, which
 * Grafana reads as "keep") unless a new one was typed in.
 */

/** Every rule the plugin writes carries this label; our policy subtree matches on it. */
export const MANAGED_LABEL = 'fsm_managed';
export const MANAGED_LABEL_VALUE = 'true';
/** The plugin's own contact point (fixed, so re-running Setup updates it instead of adding one). */
export const FSM_CONTACT_POINT_UID = 'fsm-contact-point';
export const DEFAULT_CONTACT_POINT_NAME = 'Full-Stack Monitoring';
/** Grafana's placeholder for a stored secret; sending it back keeps the secret. */
export const REDACTED = '[REDACTED]';

export const DEFAULT_GROUP_BY = ['alertname', 'severity', 'layer'];
const DEFAULT_REPEAT: Record<Severity, string> = { critical: '1h', warning: '4h', info: '24h' };
const SEVERITIES: Severity[] = ['critical', 'warning', 'info'];

export type ContactPointChoice =
  /** Route to a contact point that already exists in Grafana (by name); nothing is written for it. */
  | { kind: 'existing'; name: string }
  /** The plugin's own contact point, built from the registry entry of `type` (src/alerting/contact-points.ts). */
  | NewContactPointChoice;

export interface NewContactPointChoice {
  kind: 'new';
  type: IntegrationType;
  name?: string;
  /** One of the integration's modes; its default (first) one when left out. */
  mode?: string;
  /**
   * By registry settings key: text, or a list for a list setting. Settings of other modes are
   * ignored. A secret left empty keeps the stored one; it is sent once and never kept in a plan.
   */
  values?: Record<string, string | readonly string[] | undefined>;
}

export interface RoutingChoice {
  /** Severities that notify through this route (default all). */
  severities?: Severity[];
  /** Layers that notify through this route (default all). */
  layers?: LayerId[];
  groupBy?: string[];
  groupWait?: string;
  groupInterval?: string;
  repeatInterval?: Partial<Record<Severity, string>>;
}

export interface MuteTimingChoice {
  name: string;
  timeIntervals: TimeInterval[];
}

export interface NotificationChoices {
  contactPoint: ContactPointChoice;
  routing?: RoutingChoice;
  /** Maintenance windows: created or updated by name, and muting the plugin's route. */
  muteTimings?: MuteTimingChoice[];
}

interface SecretSpec {
  /** Grafana's settings key. */
  key: string;
  /** How the form calls it, for messages. */
  label: string;
}

export interface DesiredContactPoint {
  uid: string;
  name: string;
  type: string;
  /** Non-secret settings. */
  settings: Record<string, unknown>;
  /** Secret settings of this type that the choice needs (any one of each inner list). */
  requiredSecrets: SecretSpec[][];
  /** Every secret key of the type. */
  secretKeys: string[];
  /** Newly entered secret values, by Grafana key. Never copied into a plan. */
  secrets: Record<string, string>;
}

export interface DesiredNotifications {
  /** Undefined when routing to an existing contact point. */
  contactPoint?: DesiredContactPoint;
  receiver: string;
  /** The plugin's subtree, merged into the user's tree under the root; undefined leaves the tree alone. */
  route?: NotificationRoute;
  muteTimings: MuteTiming[];
}

/** Turns the Setup page's notification choices into desired objects; problems are appended to `problems`. */
export function buildDesiredNotifications(
  choices: NotificationChoices,
  problems: ChoiceProblem[]
): DesiredNotifications {
  const field = (name: string) => `notifications.${name}`;
  const choice = choices.contactPoint;
  const receiver = choice.kind === 'existing' ? choice.name : (choice.name ?? DEFAULT_CONTACT_POINT_NAME).trim();
  const contactPoint = choice.kind === 'existing' ? undefined : desiredContactPoint(choice, receiver, problems);
  if (!receiver || receiver.trim() === '') {
    problems.push({
      field: field('contactPoint.name'),
      message: 'Choose a contact point, or give the new one a name.',
    });
  }
  const muteTimings: MuteTiming[] = [];
  const seen = new Set<string>();
  for (const [i, mt] of (choices.muteTimings ?? []).entries()) {
    const name = mt.name?.trim() ?? '';
    if (!name) {
      problems.push({ field: field(`muteTimings.${i}.name`), message: 'Give the maintenance window a name.' });
      continue;
    }
    if (pathSegmentError(name)) {
      problems.push({ field: field(`muteTimings.${i}.name`), message: `The name ${pathSegmentError(name)}.` });
    }
    if (seen.has(name)) {
      problems.push({
        field: field(`muteTimings.${i}.name`),
        message: `Two maintenance windows are called "${name}".`,
      });
    }
    seen.add(name);
    for (const interval of mt.timeIntervals) {
      for (const t of interval.times ?? []) {
        if (!isClock(t.start_time) || !isClock(t.end_time) || t.start_time >= t.end_time) {
          problems.push({
            field: field(`muteTimings.${i}.times`),
            message: `Maintenance window "${name}": times must be HH:MM with the start before the end (got ${t.start_time}–${t.end_time}).`,
          });
        }
      }
    }
    muteTimings.push({ name, time_intervals: mt.timeIntervals });
  }
  const route = managedRoute(
    receiver,
    choices.routing ?? {},
    muteTimings.map((m) => m.name),
    problems
  );
  return { contactPoint, receiver, route, muteTimings };
}

/**
 * The plugin's contact point from its registry entry: the chosen mode's settings as entered (a list
 * joined as the registry says), the integration's and the mode's fixed settings, typed secrets
 * apart, and the secrets the mode needs (entered now or stored in Grafana, checked by the plan).
 */
function desiredContactPoint(
  choice: NewContactPointChoice,
  name: string,
  problems: ChoiceProblem[]
): DesiredContactPoint | undefined {
  const problem = (key: string, message: string) =>
    problems.push({ field: `notifications.contactPoint.${key}`, message });
  const found = integration(choice.type);
  if (!found) {
    problem('type', `Setup cannot create a contact point of type "${choice.type}".`);
    return undefined;
  }
  const mode = integrationMode(found, choice.mode);
  if (found.modes && !mode) {
    problem('mode', `"${choice.mode}" is not a way ${found.label} can connect.`);
  }
  const want: DesiredContactPoint = {
    uid: FSM_CONTACT_POINT_UID,
    name,
    type: found.type,
    settings: {},
    requiredSecrets: [],
    secretKeys: secretKeys(found.type),
    secrets: {},
  };
  for (const setting of modeSettings(found, mode)) {
    const value = choice.values?.[setting.key];
    const values = (typeof value === 'string' ? [value] : (value ?? [])).map((v) => v.trim()).filter((v) => v);
    for (const message of settingProblems(setting, values)) {
      problem(setting.key, message);
    }
    if (setting.secret && setting.required) {
      want.requiredSecrets.push([{ key: setting.key, label: setting.noun }]);
    }
    if (values.length > 0) {
      (setting.secret ? want.secrets : want.settings)[setting.key] = setting.list
        ? values.join(setting.list.join)
        : values[0];
    }
  }
  Object.assign(want.settings, found.fixed, mode?.fixed);
  return want;
}

function managedRoute(
  receiver: string,
  routing: RoutingChoice,
  muteNames: string[],
  problems: ChoiceProblem[]
): NotificationRoute {
  const severities = routing.severities && routing.severities.length > 0 ? routing.severities : SEVERITIES;
  const layerIds = LAYERS.map((l) => l.id);
  for (const layer of routing.layers ?? []) {
    if (!layerIds.includes(layer)) {
      problems.push({ field: 'notifications.routing.layers', message: `Unknown layer "${layer}".` });
    }
  }
  for (const severity of severities) {
    if (!SEVERITIES.includes(severity)) {
      problems.push({ field: 'notifications.routing.severities', message: `Unknown severity "${severity}".` });
    }
  }
  const groupBy = routing.groupBy && routing.groupBy.length > 0 ? routing.groupBy : DEFAULT_GROUP_BY;
  for (const label of groupBy) {
    if (label !== '...' && !isValidLabelName(label)) {
      problems.push({ field: 'notifications.routing.groupBy', message: `"${label}" is not a label name to group by.` });
    }
  }
  const matchers: ObjectMatcher[] = [[MANAGED_LABEL, '=', MANAGED_LABEL_VALUE]];
  if (severities.length < SEVERITIES.length) {
    matchers.push(['severity', '=~', severities.join('|')]);
  }
  if (routing.layers && routing.layers.length > 0 && routing.layers.length < layerIds.length) {
    matchers.push(['layer', '=~', routing.layers.join('|')]);
  }
  const mute = muteNames.length > 0 ? { mute_time_intervals: muteNames } : {};
  return {
    receiver,
    object_matchers: matchers,
    group_by: groupBy,
    group_wait: routing.groupWait ?? '30s',
    group_interval: routing.groupInterval ?? '5m',
    ...mute,
    // One child per severity: critical repeats more often than info. Mute timings are repeated on
    // each child because Grafana does not let a child inherit them.
    routes: severities.map((severity) => ({
      receiver,
      object_matchers: [['severity', '=', severity]] as ObjectMatcher[],
      repeat_interval: routing.repeatInterval?.[severity] ?? DEFAULT_REPEAT[severity],
      ...mute,
    })),
  };
}

// ---------------------------------------------------------------- planning

export type NotificationAction = 'create' | 'update' | 'unchanged';

export interface NotificationPlanItem {
  kind: 'contact-point' | 'mute-timing' | 'policy';
  /** Contact point or mute timing name; "notification policy tree" for the policy. */
  name: string;
  action: NotificationAction;
  reason: string;
  /** Field-level changes; secrets appear only as "new secret entered", never with a value. */
  diff: FieldChange[];
}

/** What Grafana holds now, read once per plan. */
export interface NotificationActual {
  contactPoints: ContactPoint[];
  /** The receivers that exist, by the names routes send to (receivers.ts). */
  receivers: string[];
  muteTimings: MuteTiming[];
  policyTree: NotificationRoute;
}

export interface NotificationPlan {
  items: NotificationPlanItem[];
  blockers: PlanBlocker[];
  /** Ready-to-send bodies, in write order. Contact point bodies are built at apply time (they carry secrets). */
  writes: NotificationWrite[];
}

export type NotificationWrite =
  | { kind: 'contact-point'; action: 'create' | 'update'; label: string }
  /** `version`: the fingerprint Grafana gave the mute timing when the plan read it; Grafana answers 409 if it changed since. */
  | { kind: 'mute-timing'; action: 'create' | 'update'; label: string; body: MuteTiming; version?: string }
  | { kind: 'policy'; action: 'update'; label: string; body: NotificationRoute; disableProvenance: boolean };

/**
 * Performs one planned notification write. Setup and restore share it, so both send the same
 * bodies with the same provenance. The contact point body is built here, at write time, because it
 * carries secrets that never sit in a plan.
 */
export async function writeNotification(
  api: GrafanaApi,
  write: NotificationWrite,
  contactPoint: { want: DesiredContactPoint; have?: ContactPoint } | undefined,
  disableProvenance: boolean
): Promise<void> {
  if (write.kind === 'contact-point') {
    if (!contactPoint) {
      throw new Error('A contact point write was planned without a desired contact point.');
    }
    const body = contactPointBody(contactPoint.want, contactPoint.have);
    if (write.action === 'create') {
      await api.createContactPoint(body, { disableProvenance });
    } else {
      await api.updateContactPoint(contactPoint.want.uid, body, { disableProvenance });
    }
  } else if (write.kind === 'mute-timing') {
    if (write.action === 'create') {
      await api.createMuteTiming(write.body, { disableProvenance });
    } else {
      const body = write.version ? { ...write.body, version: write.version } : write.body;
      await api.updateMuteTiming(write.body.name, body, { disableProvenance });
    }
  } else {
    await api.putPolicyTree(write.body, { disableProvenance: write.disableProvenance });
  }
}

export function planNotifications(
  desired: DesiredNotifications,
  actual: NotificationActual,
  provenance: ProvenanceMode
): NotificationPlan {
  const items: NotificationPlanItem[] = [];
  const blockers: PlanBlocker[] = [];
  const writes: NotificationWrite[] = [];

  // contact point
  if (desired.contactPoint) {
    const want = desired.contactPoint;
    const have = actual.contactPoints.find((cp) => cp.uid === want.uid);
    const sameName = actual.contactPoints.filter((cp) => cp.name === want.name && cp.uid !== want.uid);
    if (sameName.length > 0) {
      blockers.push({
        kind: 'contact-point-name-taken',
        message: `A contact point named "${want.name}" already exists and was not created by this plugin. Give the plugin's contact point another name, or choose "use an existing contact point".`,
        objects: [want.name],
      });
    }
    const secretState = secretPlan(want, have);
    for (const missing of secretState.missing) {
      blockers.push({
        kind: 'missing-secret',
        message: `Enter the ${missing} for the ${want.type} contact point "${want.name}": Grafana has none stored.`,
        objects: [want.name],
      });
    }
    if (!have) {
      items.push({
        kind: 'contact-point',
        name: want.name,
        action: 'create',
        reason: `New ${want.type} contact point.`,
        diff: contactPointDiff(undefined, want, secretState.entered),
      });
      writes.push({ kind: 'contact-point', action: 'create', label: `create contact point "${want.name}"` });
    } else {
      const block = provenanceBlocker(have.provenance, provenance, `contact point "${have.name}"`);
      if (block) {
        blockers.push(block);
      }
      const diff = contactPointDiff(have, want, secretState.entered);
      items.push({
        kind: 'contact-point',
        name: want.name,
        action: diff.length > 0 ? 'update' : 'unchanged',
        reason: diff.length > 0 ? `Changes ${diff.map((d) => d.field).join(', ')}.` : 'Already as chosen.',
        diff,
      });
      if (diff.length > 0) {
        writes.push({ kind: 'contact-point', action: 'update', label: `update contact point "${want.name}"` });
      }
    }
  } else if (desired.route && !actual.receivers.includes(desired.receiver)) {
    blockers.push({
      kind: 'contact-point-missing',
      message: `There is no contact point named "${desired.receiver}" in Grafana. Pick one that exists, or let the plugin create one.`,
      objects: [desired.receiver],
    });
  }

  // mute timings
  for (const mt of desired.muteTimings) {
    const have = actual.muteTimings.find((m) => m.name === mt.name);
    if (!have) {
      items.push({ kind: 'mute-timing', name: mt.name, action: 'create', reason: 'New maintenance window.', diff: [] });
      writes.push({ kind: 'mute-timing', action: 'create', label: `create mute timing "${mt.name}"`, body: mt });
      continue;
    }
    const diff = diffFlat(
      flatten(JSON.parse(stableStringify(have.time_intervals ?? [])), 'time_intervals', new Map()),
      flatten(JSON.parse(stableStringify(mt.time_intervals)), 'time_intervals', new Map())
    );
    // A window provisioned from files that already has the chosen times is only referred to by
    // name: nothing is written to it, so the files' ownership is no obstacle.
    const block = provenanceBlocker(have.provenance, provenance, `mute timing "${mt.name}"`);
    if (block && (diff.length > 0 || block.kind !== 'provisioned-from-file')) {
      blockers.push(block);
    }
    items.push({
      kind: 'mute-timing',
      name: mt.name,
      action: diff.length > 0 ? 'update' : 'unchanged',
      reason: diff.length > 0 ? 'The maintenance window times changed.' : 'Already as chosen.',
      diff,
    });
    if (diff.length > 0) {
      writes.push({
        kind: 'mute-timing',
        action: 'update',
        label: `update mute timing "${mt.name}"`,
        body: mt,
        version: have.version,
      });
    }
  }

  // policy tree: merge our subtree; keep the tree's own provenance so users can still edit their routes
  if (desired.route) {
    planPolicy(desired.receiver, desired.route, actual.policyTree, { items, blockers, writes });
  }
  return { items, blockers, writes };
}

function planPolicy(
  receiver: string,
  route: NotificationRoute,
  tree: NotificationRoute,
  out: Pick<NotificationPlan, 'items' | 'blockers' | 'writes'>
): void {
  const { items, blockers, writes } = out;
  const treeProvenance = tree.provenance ?? '';
  if (treeProvenance === 'file') {
    blockers.push({
      kind: 'provisioned-from-file',
      message:
        'The notification policy tree is provisioned from files, so it cannot be changed through the API. Add the route shown in the plan to your provisioning files instead, or route to the contact point yourself.',
    });
  }
  const merged = mergeManagedRoute(tree, route);
  const before = withoutProvenance(tree);
  const unchanged = stableStringify(normaliseRoute(before)) === stableStringify(normaliseRoute(merged));
  const diff = unchanged
    ? []
    : diffFlat(flatten(managedSubtree(before) ?? {}, 'route', new Map()), flatten(route, 'route', new Map()));
  items.push({
    kind: 'policy',
    name: 'notification policy tree',
    action: unchanged ? 'unchanged' : managedSubtree(before) ? 'update' : 'create',
    reason: unchanged
      ? "The plugin's route is already in the tree."
      : `${managedSubtree(before) ? 'Updates' : 'Adds'} the plugin's route (alerts labelled ${MANAGED_LABEL}="${MANAGED_LABEL_VALUE}" → "${receiver}"); other routes are kept as they are.`,
    diff,
  });
  if (!unchanged) {
    writes.push({
      kind: 'policy',
      action: 'update',
      label: 'update the notification policy tree',
      body: merged,
      disableProvenance: treeProvenance !== 'api',
    });
  }
}

function secretPlan(
  want: DesiredContactPoint,
  have: ContactPoint | undefined
): { entered: string[]; missing: string[] } {
  const stored = (key: string) => storedSecret(want.type, have, key) !== undefined;
  const entered = Object.keys(want.secrets);
  const missing: string[] = [];
  for (const anyOf of want.requiredSecrets) {
    if (!anyOf.some((s) => want.secrets[s.key] !== undefined || stored(s.key))) {
      missing.push(anyOf.map((s) => s.label).join(' or '));
    }
  }
  return { entered, missing };
}

function contactPointDiff(
  have: ContactPoint | undefined,
  want: DesiredContactPoint,
  enteredSecrets: string[]
): FieldChange[] {
  const visible = (cp: { name: string; type: string; settings: Record<string, unknown> }, secretKeys: string[]) => {
    const settings = Object.fromEntries(Object.entries(cp.settings ?? {}).filter(([k]) => !secretKeys.includes(k)));
    return flatten({ name: cp.name, type: cp.type, settings }, '', new Map());
  };
  const changes = diffFlat(have ? visible(have, want.secretKeys) : new Map(), visible(want, want.secretKeys));
  for (const key of enteredSecrets) {
    changes.push({ field: `secret ${key}`, path: `settings.${key}`, to: 'new secret entered' });
  }
  if (have && have.disableResolveMessage === true) {
    changes.push({ field: 'disableResolveMessage', path: 'disableResolveMessage', from: 'true', to: 'false' });
  }
  return changes;
}

/**
 * What Grafana holds for a secret setting of the plugin's contact point, as it reads it back: `[REDACTED]`
 * where Grafana encrypts the key (sent back, Grafana puts the stored value in its place:
 * UpdateContactPoint in pkg/services/ngalert/provisioning/contactpoints.go), or the plain value
 * where Grafana does not (a Teams URL: not secure in any version), which is sent back as it is.
 */
export function storedSecret(type: string, have: ContactPoint | undefined, key: string): string | undefined {
  const value = have && have.type === type ? have.settings?.[key] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The body to send for the plugin's contact point: new secrets as entered, stored ones as `[REDACTED]` (kept). */
export function contactPointBody(want: DesiredContactPoint, have: ContactPoint | undefined): ContactPoint {
  const settings: Record<string, unknown> = { ...want.settings };
  for (const key of want.secretKeys) {
    if (want.secrets[key] !== undefined) {
      settings[key] = want.secrets[key];
    } else {
      const stored = storedSecret(want.type, have, key);
      if (stored !== undefined) {
        settings[key] = stored;
      }
    }
  }
  return { uid: want.uid, name: want.name, type: want.type, settings, disableResolveMessage: false };
}

/**
 * The route the plugin writes: it matches fsm_managed="true", narrowed at most by the severity and
 * layer matchers of the routing choice (see managedRoute). A user's own route that also matches
 * fsm_managed (say, plus team="db") is not ours, so a merge never replaces or drops it.
 */
export function isManagedRoute(route: NotificationRoute): boolean {
  const matchers = route.object_matchers ?? [];
  const managed = matchers.some(
    ([name, op, value]) => name === MANAGED_LABEL && op === '=' && value === MANAGED_LABEL_VALUE
  );
  const onlyOurs = matchers.every(
    ([name, op, value]) =>
      (name === MANAGED_LABEL && op === '=' && value === MANAGED_LABEL_VALUE) ||
      ((name === 'severity' || name === 'layer') && op === '=~')
  );
  return managed && onlyOurs && (route.matchers ?? []).length === 0;
}

function managedSubtree(tree: NotificationRoute): NotificationRoute | undefined {
  return (tree.routes ?? []).find(isManagedRoute);
}

const ROUTE_DURATIONS = new Set(['group_wait', 'group_interval', 'repeat_interval']);
/** labels.MatchType order (=, !=, =~, !~), the last key Grafana sorts matchers by. */
const MATCH_TYPE_ORDER = ['=', '!=', '=~', '!~'];

/**
 * A route as Grafana reads it back, so that only real changes count. Grafana re-serialises the tree
 * it stores (grafana/alerting definition/alertmanager.go `Route`): every field is omitempty, so
 * `continue: false` and empty lists vanish; object_matchers are parsed with labels.NewMatcher
 * (surrounding quotes stripped) and sorted by name, value, then type (ObjectMatchers.UnmarshalJSON);
 * durations are printed by prometheus/common model.Duration (`60s` comes back as `1m`), so they
 * are compared as milliseconds. Checked in Grafana 11.x, 12.x and main.
 */
export function normaliseRoute(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(normaliseRoute);
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (
        v === undefined ||
        v === null ||
        v === false ||
        v === '' ||
        (Array.isArray(v) && v.length === 0) ||
        key === 'provenance'
      ) {
        continue;
      }
      if (key === 'object_matchers' && Array.isArray(v)) {
        out[key] = sortMatchers(v as ObjectMatcher[]);
      } else if (ROUTE_DURATIONS.has(key) && typeof v === 'string') {
        out[key] = promDurationMs(v) ?? v;
      } else {
        out[key] = normaliseRoute(v);
      }
    }
    return out;
  }
  return value;
}

function sortMatchers(matchers: ObjectMatcher[]): ObjectMatcher[] {
  const unquote = (v: string) => (v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v);
  return matchers
    .map(([name, op, value]) => [name, op, unquote(String(value))] as ObjectMatcher)
    .sort(
      (a, b) =>
        compare(a[0], b[0]) || compare(a[2], b[2]) || MATCH_TYPE_ORDER.indexOf(a[1]) - MATCH_TYPE_ORDER.indexOf(b[1])
    );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Visits `route` and every route nested in it, parents first. */
export function walkRoutes(route: NotificationRoute, visit: (route: NotificationRoute) => void): void {
  visit(route);
  for (const child of route.routes ?? []) {
    walkRoutes(child, visit);
  }
}

/** The tree with every route that sends to `from` sending to `to`, as Grafana does when a contact point is renamed. */
export function renameReceiver(tree: NotificationRoute, from: string, to: string): NotificationRoute {
  return {
    ...tree,
    receiver: tree.receiver === from ? to : tree.receiver,
    routes: tree.routes?.map((r) => renameReceiver(r, from, to)),
  };
}

function withoutProvenance(tree: NotificationRoute): NotificationRoute {
  const { provenance: _p, ...rest } = tree;
  return rest;
}

/**
 * The user's tree with the plugin's subtree put in: replacing the previous one (the first route
 * isManagedRoute recognises) in place, or first under the root (so the plugin's alerts reach the
 * chosen contact point before any catch-all route of the user's). Every other route, including a
 * user's route that also matches fsm_managed, is left exactly as it was.
 */
export function mergeManagedRoute(tree: NotificationRoute, route: NotificationRoute): NotificationRoute {
  const base = withoutProvenance(tree);
  const routes = base.routes ?? [];
  const index = routes.findIndex(isManagedRoute);
  if (index < 0) {
    return { ...base, routes: [route, ...routes] };
  }
  return { ...base, routes: [...routes.slice(0, index), route, ...routes.slice(index + 1)] };
}

function isClock(value: string): boolean {
  return /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/.test(value ?? '');
}
