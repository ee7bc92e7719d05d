import { secretKeys, settingNoun } from '../alerting/contact-points';
import {
  apply,
  DEFAULT_FOLDER_TITLE,
  FSM_FOLDER_UID,
  isManagedRoute,
  isPlan,
  MANAGED_LABEL,
  MANAGED_LABEL_VALUE,
  planFrom,
  readWorld,
  REDACTED,
  storedSecret,
  type ApplyProgress,
  type ApplyResult,
  type DesiredContactPoint,
  type DesiredState,
  type ExistingProvenance,
  type NotificationPlanItem,
  type Plan,
  type PlanBlocker,
} from '../engine';
import type { ContactPoint, GrafanaApi, NotificationRoute } from '../grafana-api/types';
import { BundleRejectedError } from './errors';
import type { BackupBundle, BundleContactPoint } from './format';
import { validateBundle, type BundleWarning } from './validate';

/*
 * Restore is the Setup engine fed from a bundle: planRestore validates the bundle, turns it into a
 * desired state (its rule groups, notification objects, dashboards and app settings) and asks the
 * engine for the plan; applyRestore hands that plan to the engine's apply, which writes nothing
 * another admin changed since. What stays here is what only bundles have: validation, the source
 * organization, and secrets that were left out of the file and are typed in again.
 */

export interface RestoreTargetPlugin {
  pluginId: string;
  pluginVersion: string;
}

export interface RestoreOptions {
  /** Secrets typed in on the page, by contact point uid then settings key. Never copied into the plan. */
  secrets?: Record<string, Record<string, string>>;
  /** Contact points (uids) to leave out; the plugin's route is then left out too unless its receiver exists here. */
  skipContactPoints?: readonly string[];
  /** uids of rules edited in this Grafana to replace with the bundle's version anyway. */
  overwriteUserChanged?: readonly string[];
  /** The admin ticked "restore into this organization" for a bundle from another one. */
  confirmForeignOrg?: boolean;
  /** ids of the changes of where notifications go (RestorePlan.destinations) the admin confirmed. */
  confirmDestinations?: readonly string[];
}

/**
 * One change of where the plugin's alerts are sent (a contact point's type, address, URL,
 * recipient or key; a route's receiver). A bundle can be edited by anyone and its checksum
 * recomputed, so restore never changes a destination without the admin ticking that very change.
 */
export interface DestinationChange {
  id: string;
  message: string;
  confirmed: boolean;
}

export interface SecretPlan {
  key: string;
  label: string;
  /** entered: typed in now; stored: this Grafana already holds one (kept); missing: blocks until entered or skipped. */
  state: 'entered' | 'stored' | 'missing';
}

export interface ContactPointRestorePlan {
  uid: string;
  name: string;
  type: string;
  skipped: boolean;
  secrets: SecretPlan[];
}

/** The engine's plan, with what only a bundle has. */
export interface RestorePlan extends Plan {
  bundle: { org: BackupBundle['org']; plugin: BackupBundle['plugin']; createdAt: string; notes: string[] };
  /** How the bundle's alert objects were written. */
  bundleProvenance: ExistingProvenance;
  warnings: BundleWarning[];
  foreignOrg?: { message: string; confirmed: boolean };
  contactPoints: ContactPointRestorePlan[];
  /** Every change of where notifications go; each needs its own confirmation. */
  destinations: DestinationChange[];
}

export async function planRestore(
  api: GrafanaApi,
  input: unknown,
  target: RestoreTargetPlugin,
  options: RestoreOptions = {}
): Promise<RestorePlan> {
  const org = await api.getCurrentOrg();
  const validation = validateBundle(input, { ...target, org });
  if (!validation.ok) {
    throw new BundleRejectedError(validation.problems);
  }
  const { bundle } = validation;
  const preconditions: PlanBlocker[] = [];
  if (validation.foreignOrg && !options.confirmForeignOrg) {
    preconditions.push({
      kind: 'foreign-org-unconfirmed',
      message: `The bundle comes from organization ${bundle.org.id} ("${bundle.org.name}"), not this one: tick "Restore into this organization" to confirm.`,
    });
  }
  const provenance = bundle.content.provenance;
  if (provenance === 'mixed' || provenance === 'file') {
    preconditions.push({
      kind: 'provenance-mixed',
      message:
        provenance === 'file'
          ? "The bundle's alert objects were provisioned from files on the Grafana server; restore those files instead."
          : "The bundle's alert objects were written partly editable and partly read-only in Grafana, so one restore cannot reproduce them. Export again after running Setup once, which makes them agree.",
    });
  }
  const content = bundle.content;
  const bundleCp = content.contactPoints[0];
  const wantsNotifications = bundleCp !== undefined || content.policy !== null || content.muteTimings.length > 0;
  const base: DesiredState = {
    source: 'bundle',
    folder: { uid: FSM_FOLDER_UID, title: content.folder?.title ?? DEFAULT_FOLDER_TITLE },
    datasourceUids: collectDatasourceUids(bundle),
    provenance: provenance === 'api' ? 'api' : 'none',
    selector: '',
    groups: content.ruleGroups.map((g) => ({
      title: g.title,
      folderUid: g.folderUid,
      interval: g.interval,
      rules: g.rules,
    })),
    skippedExporters: [],
    ownsRuleExtras: true,
    // Only whether there are notification objects matters to the read; they are filled in from it below.
    notifications: wantsNotifications ? { receiver: '', muteTimings: [] } : undefined,
    dashboards: { pluginId: target.pluginId, dashboards: content.dashboards },
    appSettings: {
      pluginId: target.pluginId,
      jsonData: content.appSettings.jsonData,
      what: "the bundle's app settings",
    },
  };
  // One read of Grafana serves the plan and what only a bundle needs from it: which secrets are
  // stored, whether the route's receiver exists, and where notifications go today.
  const world = await readWorld(api, base);
  const skipped = bundleCp !== undefined && (options.skipContactPoints ?? []).includes(bundleCp.uid);
  const have = bundleCp ? world.contactPoints.find((cp) => cp.uid === bundleCp.uid) : undefined;
  const wantCp =
    bundleCp && !skipped ? desiredContactPoint(bundleCp, have, options.secrets?.[bundleCp.uid]) : undefined;
  const receiver = content.policy?.receiver ?? bundleCp?.name ?? '';
  const restorePolicy = content.policy !== null && (!skipped || world.receivers.includes(receiver));
  const confirmed = new Set(options.confirmDestinations ?? []);
  const destinations = [
    ...(wantCp ? contactPointDestinationChanges(wantCp, have) : []),
    ...(restorePolicy && world.policyTree ? routeDestinationChanges(content.policy!, world.policyTree) : []),
  ].map((change) => ({ ...change, confirmed: confirmed.has(change.id) }));
  const unconfirmed = destinations.filter((d) => !d.confirmed);
  if (unconfirmed.length > 0) {
    preconditions.push({
      kind: 'destination-unconfirmed',
      message: `The restore changes where notifications go (${unconfirmed.length} change${unconfirmed.length === 1 ? '' : 's'} not confirmed yet): read each under "Where notifications go" and tick it if you expect it.`,
      objects: unconfirmed.map((d) => d.id),
    });
  }
  const desired: DesiredState = {
    ...base,
    notifications: wantsNotifications
      ? {
          contactPoint: wantCp,
          receiver,
          route: restorePolicy
            ? (content.policy ?? { receiver, object_matchers: [[MANAGED_LABEL, '=', MANAGED_LABEL_VALUE]] })
            : undefined,
          muteTimings: content.muteTimings.map((m) => ({ name: m.name, time_intervals: m.time_intervals })),
        }
      : undefined,
    preconditions,
  };
  const enginePlan = planFrom(desired, world, { overwriteUserChanged: options.overwriteUserChanged });
  if (skipped && content.policy !== null && !restorePolicy) {
    enginePlan.notifications.push(policySkippedItem(bundleCp!.name));
  }
  const extras: Omit<RestorePlan, keyof Plan> = {
    bundle: { org: bundle.org, plugin: bundle.plugin, createdAt: bundle.createdAt, notes: bundle.notes },
    bundleProvenance: provenance,
    warnings: validation.warnings,
    foreignOrg: validation.foreignOrg
      ? { message: validation.foreignOrg.message, confirmed: options.confirmForeignOrg === true }
      : undefined,
    contactPoints: bundleCp ? [contactPointPlan(bundleCp, have, wantCp, skipped)] : [],
    destinations,
  };
  // Assigned onto the engine's plan, not spread: the plan carries what apply needs off its enumerable fields.
  return Object.assign(enginePlan, extras);
}

/**
 * Applies a plan made by planRestore (what the admin saw; apply stops before any object that
 * changed since), or plans a bundle first and applies that. Throws BundleRejectedError or
 * PlanBlockedError before any write, ApplyError (with the step) if a write fails.
 */
export async function applyRestore(
  api: GrafanaApi,
  input: RestorePlan | unknown,
  target: RestoreTargetPlugin,
  options: RestoreOptions & { onProgress?: (progress: ApplyProgress) => void } = {}
): Promise<ApplyResult> {
  const chosen = isPlan(input) ? input : await planRestore(api, input, target, options);
  return apply(api, chosen, { onProgress: options.onProgress });
}

/** A setting's value as a confirmation shows it. */
function describeValue(value: unknown): string {
  return value === undefined || value === '' ? '(none)' : `"${String(value)}"`;
}

function contactPointDestinationChanges(
  want: DesiredContactPoint,
  have: ContactPoint | undefined
): Array<Omit<DestinationChange, 'confirmed'>> {
  const where = Object.entries(want.settings)
    .filter(([key, value]) => !want.secretKeys.includes(key) && typeof value === 'string' && value !== '')
    .map(([key, value]) => `${settingNoun(want.type, key)} ${describeValue(value)}`);
  const id = (what: string) => `contact-point:${want.uid}:${what}`;
  if (!have) {
    return [
      {
        id: id('create'),
        message: `Creates the ${want.type} contact point "${want.name}" and sends the plugin's alerts to it${where.length > 0 ? ` (${where.join(', ')})` : ''}${
          Object.keys(want.secrets).length > 0
            ? `, with the ${Object.keys(want.secrets)
                .map((k) => settingNoun(want.type, k))
                .join(' and ')} you entered`
            : ''
        }.`,
      },
    ];
  }
  if (have.type !== want.type) {
    return [
      {
        id: id('type'),
        message: `Turns the contact point "${have.name}" from ${have.type} into ${want.type}${where.length > 0 ? ` (${where.join(', ')})` : ''}: the plugin's alerts go there instead.`,
      },
    ];
  }
  const changes: Array<Omit<DestinationChange, 'confirmed'>> = [];
  const keys = new Set([...Object.keys(want.settings), ...Object.keys(have.settings ?? {})]);
  for (const key of [...keys].sort()) {
    if (want.secretKeys.includes(key)) {
      continue;
    }
    const from = have.settings?.[key];
    const to = want.settings[key];
    if (typeof from !== 'object' && typeof to !== 'object' && String(from ?? '') !== String(to ?? '')) {
      changes.push({
        id: id(`setting:${key}`),
        message: `Changes the ${settingNoun(want.type, key)} of "${want.name}" from ${describeValue(from)} to ${describeValue(to)}.`,
      });
    }
  }
  for (const key of Object.keys(want.secrets).sort()) {
    changes.push({
      id: id(`secret:${key}`),
      message: `Replaces the ${settingNoun(want.type, key)} of "${want.name}" with the one you entered.`,
    });
  }
  return changes;
}

/** Receivers of the plugin's route (its subtree) in the bundle against those in this Grafana's tree. */
function routeDestinationChanges(
  bundleRoute: NotificationRoute,
  tree: NotificationRoute
): Array<Omit<DestinationChange, 'confirmed'>> {
  const receivers = (route: NotificationRoute | undefined): string[] => {
    const out = new Set<string>();
    const walk = (r: NotificationRoute) => {
      if (r.receiver) {
        out.add(r.receiver);
      }
      (r.routes ?? []).forEach(walk);
    };
    if (route) {
      walk(route);
    }
    return [...out].sort();
  };
  const now = receivers((tree.routes ?? []).find(isManagedRoute));
  const then = receivers(bundleRoute);
  if (now.join('\n') === then.join('\n')) {
    return [];
  }
  return [
    {
      id: `route:${then.join(',')}`,
      message:
        now.length === 0
          ? `Adds the plugin's notification route: its alerts go to ${then.map((r) => `"${r}"`).join(', ')}.`
          : `The plugin's notification route sends to ${then.map((r) => `"${r}"`).join(', ')} instead of ${now.map((r) => `"${r}"`).join(', ')}.`,
    },
  ];
}

function policySkippedItem(contactPointName: string): NotificationPlanItem {
  return {
    kind: 'policy',
    name: 'notification policy tree',
    action: 'unchanged',
    reason: `Skipped with the contact point "${contactPointName}": the plugin's route needs it. Alerts follow your other policies until you restore again with the secret or run Setup.`,
    diff: [],
  };
}

function contactPointPlan(
  cp: BundleContactPoint,
  have: ContactPoint | undefined,
  want: DesiredContactPoint | undefined,
  skipped: boolean
): ContactPointRestorePlan {
  return {
    uid: cp.uid,
    name: cp.name,
    type: cp.type,
    skipped,
    secrets: cp.secretKeys.map((key) => ({
      key,
      label: settingNoun(cp.type, key),
      state:
        want?.secrets[key] !== undefined
          ? 'entered'
          : storedSecret(cp.type, have, key) !== undefined
            ? 'stored'
            : 'missing',
    })),
  };
}

function desiredContactPoint(
  cp: BundleContactPoint,
  have: ContactPoint | undefined,
  entered: Record<string, string> = {}
): DesiredContactPoint {
  const storedHere = Object.keys(have?.settings ?? {}).filter((k) => have!.settings[k] === REDACTED);
  const secrets: Record<string, string> = {};
  for (const key of cp.secretKeys) {
    const value = entered[key]?.trim();
    if (value) {
      secrets[key] = value;
    }
  }
  return {
    uid: cp.uid,
    name: cp.name,
    type: cp.type,
    settings: cp.settings,
    requiredSecrets: cp.secretKeys.map((key) => [{ key, label: settingNoun(cp.type, key) }]),
    secretKeys: [...new Set([...cp.secretKeys, ...secretKeys(cp.type), ...storedHere])],
    secrets,
  };
}

function collectDatasourceUids(bundle: BackupBundle): string[] {
  const uids = new Set<string>();
  for (const group of bundle.content.ruleGroups) {
    for (const rule of group.rules) {
      for (const q of rule.data) {
        if (q.datasourceUid && q.datasourceUid !== '__expr__') {
          uids.add(q.datasourceUid);
        }
      }
    }
  }
  const appDatasource = bundle.content.appSettings.jsonData.prometheusDatasourceUid;
  if (typeof appDatasource === 'string' && appDatasource !== '') {
    uids.add(appDatasource);
  }
  return [...uids].sort();
}
