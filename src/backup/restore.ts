import { secretKeys, settingNoun } from '../alerting/contact-points';
import { DEFAULT_FOLDER_TITLE, FSM_FOLDER_UID } from '../engine/desired-state';
import { ApplyError, type AppliedStep } from '../engine/errors';
import {
  CONTENT_HASH_ANNOTATION,
  diffFlat,
  diffRules,
  flatten,
  OWNED_RULE_FIELDS,
  READ_ONLY_RULE_FIELDS,
  ruleContentHash,
  stableStringify,
  storedContentHash,
  type FieldChange,
} from '../engine/hash';
import {
  writeNotification,
  MANAGED_LABEL,
  MANAGED_LABEL_VALUE,
  planNotifications,
  REDACTED,
  type DesiredContactPoint,
  type NotificationPlanItem,
  type NotificationWrite,
} from '../engine/notifications';
import {
  payloadOf,
  userExtras,
  type GroupAction,
  type GroupPlan,
  type PlanCounts,
  type RulePlan,
} from '../engine/plan';
import {
  describeMode,
  provenanceBlocker,
  summariseProvenance,
  type ExistingProvenance,
  type ProvenanceMode,
} from '../engine/provenance';
import { isGrafanaApiError } from '../grafana-api/errors';
import type {
  AlertRulePayload,
  ContactPoint,
  PluginSettings,
  ProvisionedAlertRule,
} from '../grafana-api/types';
import type { GrafanaApi } from '../grafana-api';
import { BundleRejectedError, RestoreBlockedError, type RestoreBlocker } from './errors';
import { isPluginRule } from './export';
import type { BackupBundle, BundleContactPoint, BundleRuleGroup } from './format';
import { validateBundle, type BundleWarning } from './validate';

/*
 * planRestore(api, bundle): validates the bundle, reads this Grafana and says what restoring would
 * do, with the Setup engine's words and rules: each rule is create / update / unchanged /
 * user-changed (edited in this Grafana since the plugin wrote it: kept unless ticked) / obsolete
 * (the plugin's rule here, absent from the bundle: deleted unless edited). applyRestore plans
 * afresh, refuses while anything blocks, then writes in order: folder, rule groups (one PUT each),
 * contact point, mute timings, policy tree, dashboards, app settings. Restoring the same bundle
 * twice writes nothing the second time.
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

export interface DashboardRestorePlan {
  uid: string;
  title: string;
  path: string;
  action: 'import' | 'unchanged' | 'unavailable';
  reason: string;
}

export interface RestorePlan {
  source: { org: BackupBundle['org']; plugin: BackupBundle['plugin']; createdAt: string; notes: string[] };
  warnings: BundleWarning[];
  foreignOrg?: { message: string; confirmed: boolean };
  folder: { uid: string; title: string; action: 'create' | 'exists'; reason: string };
  provenance: { bundle: ExistingProvenance; existing: ExistingProvenance; description: string };
  datasources: Array<{ uid: string; found: boolean; name?: string }>;
  groups: GroupPlan[];
  counts: PlanCounts;
  contactPoints: ContactPointRestorePlan[];
  notifications: NotificationPlanItem[];
  dashboards: DashboardRestorePlan[];
  appSettings: { action: 'update' | 'unchanged'; reason: string; diff: FieldChange[] };
  blockers: RestoreBlocker[];
  /** Write requests applying would make. */
  writes: number;
}

export type RestoreStep =
  | { kind: 'folder'; label: string }
  | { kind: 'group'; label: string; group: string }
  | { kind: 'notification'; label: string; index: number }
  | { kind: 'dashboard'; label: string; path: string }
  | { kind: 'app-settings'; label: string };

interface Internals {
  mode: ProvenanceMode;
  folderTitle: string;
  groupBodies: Map<string, { interval: number; rules: AlertRulePayload[]; write: boolean }>;
  notificationWrites: NotificationWrite[];
  contactPoint?: { want: DesiredContactPoint; have?: ContactPoint };
  settingsBody?: { enabled: boolean; pinned: boolean; jsonData: Record<string, unknown> };
  steps: RestoreStep[];
}

const INTERNALS = Symbol('fsm-restore-internals');

function internalsOf(p: RestorePlan): Internals {
  const internals = (p as unknown as Record<symbol, Internals | undefined>)[INTERNALS];
  if (!internals) {
    throw new Error('This plan was not made by planRestore().');
  }
  return internals;
}

/** The writes applying would make, in order. */
export function restoreSteps(p: RestorePlan): RestoreStep[] {
  return internalsOf(p).steps;
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
  const content = bundle.content;
  const blockers: RestoreBlocker[] = [];
  if (validation.foreignOrg && !options.confirmForeignOrg) {
    blockers.push({
      kind: 'foreign-org-unconfirmed',
      message: `The bundle comes from organization ${bundle.org.id} ("${bundle.org.name}"), not this one: tick "Restore into this organization" to confirm.`,
    });
  }

  // Rules first: an Editor's 403 on the provisioning API is the message to show.
  const allRules = await api.listAlertRules();
  const bundleCp = content.contactPoints[0];
  const wantsNotifications = bundleCp !== undefined || content.policy !== null || content.muteTimings.length > 0;
  const datasourceUids = collectDatasourceUids(bundle);
  const [folder, settings, installedDashboards, contactPoints, muteTimings, policyTree, datasources] =
    await Promise.all([
      api.getFolder(FSM_FOLDER_UID),
      api.getPluginSettings(target.pluginId),
      content.dashboards.length > 0 ? api.listPluginDashboards(target.pluginId) : Promise.resolve([]),
      wantsNotifications ? api.listContactPoints() : Promise.resolve([]),
      wantsNotifications ? api.listMuteTimings() : Promise.resolve([]),
      wantsNotifications ? api.getPolicyTree() : Promise.resolve(undefined),
      Promise.all(datasourceUids.map((uid) => api.getDatasource(uid))),
    ]);

  // ---- provenance: the bundle's choice is kept; this Grafana's objects must agree with it.
  const mode: ProvenanceMode = content.provenance === 'api' ? 'api' : 'none';
  if (content.provenance === 'mixed' || content.provenance === 'file') {
    blockers.push({
      kind: 'provenance-mixed',
      message:
        content.provenance === 'file'
          ? "The bundle's alert objects were provisioned from files on the Grafana server; restore those files instead."
          : "The bundle's alert objects were written partly editable and partly read-only in Grafana, so one restore cannot reproduce them. Export again after running Setup once, which makes them agree.",
    });
  }
  const bundleUids = new Map<string, string>();
  for (const group of content.ruleGroups) {
    for (const rule of group.rules) {
      bundleUids.set(rule.uid, group.title);
    }
  }
  const ours = allRules.filter((r) => bundleUids.has(r.uid) || isPluginRule(r));
  const existing = summariseProvenance(ours.map((r) => r.provenance));
  const conflicting = ours.filter((r) => provenanceBlocker(r.provenance, mode, 'x') !== undefined);
  if (conflicting.length > 0 && blockers.every((b) => b.kind !== 'provenance-mixed')) {
    const block = provenanceBlocker(conflicting[0].provenance, mode, "plugin's alert rules")!;
    blockers.push({
      ...block,
      message: block.message.replace(/^The plugin's alert rules was/, "The plugin's alert rules here were"),
      objects: conflicting.map((r) => r.uid),
    });
  }

  // ---- datasources the rules query (and the app reads) must exist here.
  const datasourcePlan = datasourceUids.map((uid, i) => ({
    uid,
    found: datasources[i] !== undefined,
    name: datasources[i]?.name,
  }));
  for (const ds of datasourcePlan.filter((d) => !d.found)) {
    blockers.push({
      kind: 'datasource-missing',
      message: `The bundle's rules or settings use the datasource uid "${ds.uid}", which does not exist in this organization. Create it with that uid (Connections → Data sources), then plan again.`,
      objects: [ds.uid],
    });
  }

  // ---- rule groups
  const intervals = new Map<string, number>();
  const folderGroups = [...new Set(allRules.filter((r) => r.folderUID === FSM_FOLDER_UID).map((r) => r.ruleGroup))];
  await Promise.all(
    folderGroups.map(async (name) => {
      const group = await api.getRuleGroup(FSM_FOLDER_UID, name);
      if (group) {
        intervals.set(name, group.interval);
      }
    })
  );
  const overwrite = new Set(options.overwriteUserChanged ?? []);
  const actual = new Map(allRules.map((r) => [r.uid, r]));
  const rulePlans = new Map<string, RulePlan>();
  for (const group of content.ruleGroups) {
    for (const want of group.rules) {
      rulePlans.set(want.uid, classify(want, actual.get(want.uid), group, overwrite));
    }
  }
  const groups: GroupPlan[] = [];
  const groupBodies: Internals['groupBodies'] = new Map();
  const bundleGroupNames = new Set(content.ruleGroups.map((g) => g.title));
  const leftover = [
    ...new Set(allRules.filter((r) => isPluginRule(r) && !bundleGroupNames.has(r.ruleGroup)).map((r) => r.ruleGroup)),
  ];
  const targets = [
    ...content.ruleGroups,
    ...leftover.map((name) => ({
      title: name,
      folderUid: FSM_FOLDER_UID,
      interval: intervals.get(name) ?? 60,
      rules: [],
    })),
  ];
  for (const group of targets) {
    const { plan: gp, body } = planGroup(group, allRules, rulePlans, bundleUids, intervals, overwrite);
    groups.push(gp);
    groupBodies.set(gp.name, body);
  }

  // ---- notification objects, planned by the Setup engine
  const contactPlans: ContactPointRestorePlan[] = [];
  let notificationItems: NotificationPlanItem[] = [];
  let notificationWrites: NotificationWrite[] = [];
  let contactPoint: Internals['contactPoint'];
  if (wantsNotifications && policyTree) {
    const skipped = bundleCp !== undefined && (options.skipContactPoints ?? []).includes(bundleCp.uid);
    const have = bundleCp ? contactPoints.find((cp) => cp.uid === bundleCp.uid) : undefined;
    const want =
      bundleCp && !skipped ? desiredContactPoint(bundleCp, have, options.secrets?.[bundleCp.uid]) : undefined;
    if (bundleCp) {
      contactPlans.push({
        uid: bundleCp.uid,
        name: bundleCp.name,
        type: bundleCp.type,
        skipped,
        secrets: bundleCp.secretKeys.map((key) => ({
          key,
          label: settingNoun(bundleCp.type, key),
          state:
            want?.secrets[key] !== undefined
              ? 'entered'
              : have?.type === bundleCp.type && have.settings?.[key] === REDACTED
                ? 'stored'
                : 'missing',
        })),
      });
    }
    const receiver = content.policy?.receiver ?? bundleCp?.name ?? '';
    const receiverHere = contactPoints.some((cp) => cp.name === receiver);
    const restorePolicy = content.policy !== null && (!skipped || receiverHere);
    const np = planNotifications(
      {
        contactPoint: want,
        receiver,
        route: content.policy ?? { receiver, object_matchers: [[MANAGED_LABEL, '=', MANAGED_LABEL_VALUE]] },
        muteTimings: content.muteTimings.map((m) => ({ name: m.name, time_intervals: m.time_intervals })),
      },
      { contactPoints, muteTimings, policyTree },
      mode
    );
    notificationItems = np.items.filter((i) => restorePolicy || i.kind !== 'policy');
    notificationWrites = np.writes.filter((w) => restorePolicy || w.kind !== 'policy');
    blockers.push(
      ...(np.blockers as RestoreBlocker[]).filter((b) => restorePolicy || b.kind !== 'contact-point-missing')
    );
    if (skipped && content.policy !== null && !restorePolicy) {
      notificationItems.push({
        kind: 'policy',
        name: 'notification policy tree',
        action: 'unchanged',
        reason: `Skipped with the contact point "${bundleCp!.name}": the plugin's route needs it. Alerts follow your other policies until you restore again with the secret or run Setup.`,
        diff: [],
      });
    }
    contactPoint = want ? { want, have } : undefined;
  }

  // ---- dashboards: re-imported from the installed plugin, never deleted
  const dashboards: DashboardRestorePlan[] = content.dashboards.map((d) => {
    const here = installedDashboards.find((i) => i.path === d.path) ?? installedDashboards.find((i) => i.uid === d.uid);
    const base = { uid: d.uid, title: d.title, path: d.path };
    if (!here || here.removed) {
      return {
        ...base,
        action: 'unavailable',
        reason: `The installed plugin (${target.pluginVersion}) does not ship ${d.path}, so it cannot be re-imported.`,
      };
    }
    if (here.imported) {
      return {
        ...base,
        action: 'unchanged',
        reason:
          here.importedRevision === d.revision
            ? `Imported (revision ${here.importedRevision}).`
            : `Imported at revision ${here.importedRevision} (the bundle recorded ${d.revision}); the installed copy is kept.`,
      };
    }
    return {
      ...base,
      action: 'import',
      reason: `Re-imports it from the installed plugin (revision ${here.revision}${here.revision === d.revision ? '' : `; the bundle recorded ${d.revision}`}).`,
    };
  });

  // ---- app settings: the bundle's keys win, keys it does not know are kept
  const { appSettings, settingsBody } = planSettings(settings, content.appSettings.jsonData, blockers);

  const folderAction = folder ? 'exists' : 'create';
  const folderTitle = content.folder?.title ?? DEFAULT_FOLDER_TITLE;
  const steps: RestoreStep[] = [];
  if (folderAction === 'create' && groups.some((g) => g.action !== 'unchanged')) {
    steps.push({ kind: 'folder', label: `create folder "${folderTitle}"` });
  }
  for (const g of groups.filter((x) => x.action !== 'unchanged')) {
    steps.push({ kind: 'group', label: `write rule group ${g.name}`, group: g.name });
  }
  notificationWrites.forEach((w, index) => steps.push({ kind: 'notification', label: w.label, index }));
  for (const d of dashboards.filter((x) => x.action === 'import')) {
    steps.push({ kind: 'dashboard', label: `import dashboard "${d.title}"`, path: d.path });
  }
  if (appSettings.action === 'update') {
    steps.push({ kind: 'app-settings', label: 'update the app settings' });
  }

  const rules = groups.flatMap((g) => g.rules);
  const result: RestorePlan = {
    source: { org: bundle.org, plugin: bundle.plugin, createdAt: bundle.createdAt, notes: bundle.notes },
    warnings: validation.warnings,
    foreignOrg: validation.foreignOrg
      ? { message: validation.foreignOrg.message, confirmed: options.confirmForeignOrg === true }
      : undefined,
    folder: {
      uid: FSM_FOLDER_UID,
      title: folder?.title ?? folderTitle,
      action: folderAction,
      reason: folder ? 'The folder exists.' : `Creates the folder "${folderTitle}" (uid ${FSM_FOLDER_UID}).`,
    },
    provenance: { bundle: content.provenance, existing, description: describeMode(mode) },
    datasources: datasourcePlan,
    groups,
    counts: {
      create: rules.filter((r) => r.action === 'create').length,
      update: rules.filter((r) => r.action === 'update').length,
      unchanged: rules.filter((r) => r.action === 'unchanged').length,
      userChanged: rules.filter((r) => r.action === 'user-changed').length,
      obsolete: rules.filter((r) => r.action === 'obsolete').length,
    },
    contactPoints: contactPlans,
    notifications: notificationItems,
    dashboards,
    appSettings,
    blockers,
    writes: steps.length,
  };
  const internals: Internals = {
    mode,
    folderTitle,
    groupBodies,
    notificationWrites,
    contactPoint,
    settingsBody,
    steps,
  };
  Object.defineProperty(result, INTERNALS, { value: internals, enumerable: false });
  return result;
}

export interface RestoreProgress {
  step: number;
  total: number;
  label: string;
  status: 'running' | 'done';
}

export interface RestoreResult {
  writes: number;
  steps: AppliedStep[];
  plan: RestorePlan;
}

/**
 * Plans afresh (a bundle is re-validated; a re-run after a failure writes only what is still
 * missing), refuses while anything blocks, then writes. Throws BundleRejectedError or
 * RestoreBlockedError before any write, and ApplyError (with the step) if a write fails.
 */
export async function applyRestore(
  api: GrafanaApi,
  input: unknown,
  target: RestoreTargetPlugin,
  options: RestoreOptions & { onProgress?: (progress: RestoreProgress) => void } = {}
): Promise<RestoreResult> {
  const fresh = await planRestore(api, input, target, options);
  if (fresh.blockers.length > 0) {
    throw new RestoreBlockedError(fresh.blockers);
  }
  const internals = internalsOf(fresh);
  const done: AppliedStep[] = [];
  for (const [index, step] of internals.steps.entries()) {
    const number = index + 1;
    const total = internals.steps.length;
    options.onProgress?.({ step: number, total, label: step.label, status: 'running' });
    try {
      await runStep(api, target, internals, step);
    } catch (err) {
      throw new ApplyError(number, total, step.label, done, err);
    }
    done.push({ step: number, label: step.label });
    options.onProgress?.({ step: number, total, label: step.label, status: 'done' });
  }
  return { writes: done.length, steps: done, plan: fresh };
}

async function runStep(api: GrafanaApi, target: RestoreTargetPlugin, p: Internals, step: RestoreStep): Promise<void> {
  const disableProvenance = p.mode === 'none';
  switch (step.kind) {
    case 'folder':
      try {
        await api.createFolder({ uid: FSM_FOLDER_UID, title: p.folderTitle });
      } catch (err) {
        // 409: created meanwhile (or an earlier answer was lost). Fine if it is there now.
        if (isGrafanaApiError(err) && err.kind === 'conflict' && (await api.getFolder(FSM_FOLDER_UID))) {
          return;
        }
        throw err;
      }
      return;
    case 'group': {
      const body = p.groupBodies.get(step.group)!;
      await api.putRuleGroup(
        { title: step.group, folderUid: FSM_FOLDER_UID, interval: body.interval, rules: body.rules },
        { disableProvenance }
      );
      return;
    }
    case 'notification': {
      await writeNotification(api, p.notificationWrites[step.index], p.contactPoint, disableProvenance);
      return;
    }
    case 'dashboard':
      await api.importPluginDashboard(target.pluginId, step.path);
      return;
    case 'app-settings':
      await api.postPluginSettings(target.pluginId, p.settingsBody!);
      return;
  }
}

// ---------------------------------------------------------------- rules

function classify(
  want: AlertRulePayload,
  have: ProvisionedAlertRule | undefined,
  group: BundleRuleGroup,
  overwrite: Set<string>
): RulePlan {
  const base = { uid: want.uid, title: want.title, group: group.title, overwrite: false, userChanged: false };
  if (!have) {
    return { ...base, action: 'create', reason: 'In the bundle, not in this Grafana.', diff: [] };
  }
  const moved = have.folderUID !== group.folderUid || have.ruleGroup !== group.title;
  const diff = diffRules(have, want);
  diff.push(...extrasDiff(have, want));
  if (moved) {
    diff.unshift({
      field: 'location',
      path: 'ruleGroup',
      from: `${have.folderUID}/${have.ruleGroup}`,
      to: `${group.folderUid}/${group.title}`,
    });
  }
  const markerFrom = storedContentHash(have);
  const markerTo = storedContentHash(want);
  if (diff.length === 0) {
    if (markerFrom === markerTo) {
      return { ...base, action: 'unchanged', reason: "This Grafana holds exactly the bundle's rule.", diff };
    }
    // Same content; the marker says whether the rule had been edited in Grafana, so it is restored too.
    return {
      ...base,
      action: 'update',
      reason:
        "Same content; records the bundle's content hash (which tells Setup whether the rule was edited in Grafana).",
      diff: [{ field: 'content hash', path: `annotations.${CONTENT_HASH_ANNOTATION}`, from: markerFrom, to: markerTo }],
    };
  }
  // Edited here since the plugin (or a restore) wrote it: the Setup engine keeps such edits unless ticked.
  const editedHere = moved || markerFrom === undefined || markerFrom !== ruleContentHash(have);
  const fields = fieldList(diff);
  if (editedHere) {
    const ticked = overwrite.has(want.uid);
    const what = moved
      ? `Moved in this Grafana to ${have.folderUID}/${have.ruleGroup}.`
      : markerFrom === undefined
        ? 'This Grafana holds a rule with this uid that the plugin did not write.'
        : 'Edited in this Grafana since the plugin wrote it.';
    const then = ticked
      ? ` Ticked: restore replaces it with the bundle's version (${fields}).`
      : ` Restore keeps it unless you tick it for overwrite (that would change ${fields}).`;
    return { ...base, action: 'user-changed', userChanged: true, overwrite: ticked, reason: what + then, diff };
  }
  return { ...base, action: 'update', reason: `Differs from the bundle: ${fields}.`, diff };
}

function obsolete(have: ProvisionedAlertRule, overwrite: Set<string>): RulePlan {
  const stored = storedContentHash(have);
  const userChanged = stored === undefined || stored !== ruleContentHash(have);
  const ticked = userChanged && overwrite.has(have.uid);
  return {
    uid: have.uid,
    title: have.title,
    group: have.ruleGroup,
    action: 'obsolete',
    reason: !userChanged
      ? "The plugin's rule here is not in the bundle: restore deletes it."
      : ticked
        ? 'Not in the bundle, and edited in this Grafana; ticked, so restore deletes it.'
        : 'Not in the bundle, but edited in this Grafana: restore keeps it unless you tick it.',
    diff: [],
    userChanged,
    overwrite: ticked,
  };
}

function planGroup(
  group: BundleRuleGroup,
  allRules: ProvisionedAlertRule[],
  rulePlans: Map<string, RulePlan>,
  bundleUids: Map<string, string>,
  intervals: Map<string, number>,
  overwrite: Set<string>
): { plan: GroupPlan; body: { interval: number; rules: AlertRulePayload[]; write: boolean } } {
  const inGroup = allRules.filter((r) => r.folderUID === group.folderUid && r.ruleGroup === group.title);
  const actual = new Map(allRules.map((r) => [r.uid, r]));
  const rules: RulePlan[] = [];
  const body: AlertRulePayload[] = [];
  const foreignRules: GroupPlan['foreignRules'] = [];
  let write = false;
  const kept = (rp: RulePlan) => rp.userChanged && !rp.overwrite;

  for (const want of group.rules) {
    const rp = rulePlans.get(want.uid)!;
    const have = actual.get(want.uid);
    rules.push(rp);
    if (kept(rp)) {
      if (have && have.folderUID === group.folderUid && have.ruleGroup === group.title) {
        body.push(payloadOf(have));
      }
      continue;
    }
    if (rp.action !== 'unchanged') {
      write = true;
    }
    body.push(have ? { ...userExtras(have), ...want } : want);
  }
  const own = new Set(group.rules.map((r) => r.uid));
  for (const have of inGroup.filter((r) => !own.has(r.uid))) {
    if (bundleUids.has(have.uid)) {
      // The bundle has it in another group: it stays here only while kept as edited.
      if (kept(rulePlans.get(have.uid)!)) {
        body.push(payloadOf(have));
      }
      continue;
    }
    if (isPluginRule(have)) {
      const rp = obsolete(have, overwrite);
      rules.push(rp);
      if (kept(rp)) {
        body.push(payloadOf(have));
      } else {
        write = true;
      }
      continue;
    }
    foreignRules.push({ uid: have.uid, title: have.title });
    body.push(payloadOf(have));
  }
  const current = inGroup.length > 0 ? intervals.get(group.title) : undefined;
  const intervalChanged = current !== undefined && current !== group.interval;
  write = write || intervalChanged;
  const action: GroupAction = !write
    ? 'unchanged'
    : inGroup.length === 0
      ? 'create'
      : body.length === 0
        ? 'delete'
        : 'update';
  return {
    plan: {
      name: group.title,
      folderUid: group.folderUid,
      action,
      reason: groupReason(action, rules, intervalChanged ? { from: current!, to: group.interval } : undefined),
      interval: { current, desired: group.interval },
      rules,
      foreignRules,
    },
    body: { interval: group.interval, rules: body, write },
  };
}

function groupReason(action: GroupAction, rules: RulePlan[], interval?: { from: number; to: number }): string {
  const keptCount = rules.filter((r) => r.userChanged && !r.overwrite).length;
  if (action === 'unchanged') {
    return keptCount > 0
      ? `Nothing to write; ${keptCount} rule(s) edited in this Grafana are kept.`
      : 'Nothing to write.';
  }
  if (action === 'delete') {
    return 'The bundle has no such group: its rules are deleted.';
  }
  const parts: string[] = [];
  const count = (n: number, words: string) => n > 0 && parts.push(`${n} ${words}`);
  count(rules.filter((r) => r.action === 'create').length, 'to create');
  count(rules.filter((r) => r.action === 'update').length, 'to update');
  count(rules.filter((r) => r.action === 'obsolete' && (!r.userChanged || r.overwrite)).length, 'to delete');
  count(rules.filter((r) => r.action === 'user-changed' && r.overwrite).length, 'edited here to overwrite');
  if (interval) {
    parts.push(`interval ${interval.from} s → ${interval.to} s`);
  }
  return `${action === 'create' ? 'New group' : 'One write of the whole group'}: ${parts.join(', ')}.`;
}

/** Fields outside the plugin's owned content that the bundle sets (notification_settings, keep_firing_for…). */
function extrasDiff(have: ProvisionedAlertRule, want: AlertRulePayload): FieldChange[] {
  const skip = new Set<string>([
    ...OWNED_RULE_FIELDS,
    ...READ_ONLY_RULE_FIELDS,
    'uid',
    'folderUID',
    'ruleGroup',
    'orgID',
  ]);
  const changes: FieldChange[] = [];
  for (const key of Object.keys(want).filter((k) => !skip.has(k))) {
    const from = have[key] === undefined ? undefined : stableStringify(have[key]);
    const to = want[key] === undefined ? undefined : stableStringify(want[key]);
    // Grafana fills some of these with empty values on save; an empty value and an absent one are the same.
    if (from !== to && !(isEmptyJson(from) && isEmptyJson(to))) {
      changes.push({ field: key, path: key, from, to });
    }
  }
  return changes;
}

function isEmptyJson(text: string | undefined): boolean {
  return text === undefined || text === '""' || text === 'null' || text === '{}' || text === '[]' || text === 'false';
}

function fieldList(diff: FieldChange[]): string {
  const fields = [...new Set(diff.map((d) => d.field))];
  return fields.length > 4 ? `${fields.slice(0, 4).join(', ')} and ${fields.length - 4} more` : fields.join(', ');
}

// ---------------------------------------------------------------- notifications, settings, datasources

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

function planSettings(
  settings: PluginSettings | undefined,
  jsonData: Record<string, unknown>,
  blockers: RestoreBlocker[]
): { appSettings: RestorePlan['appSettings']; settingsBody?: Internals['settingsBody'] } {
  if (!settings) {
    blockers.push({
      kind: 'app-not-installed',
      message:
        'Grafana does not know the app in this organization (its settings answered 404). Enable the app, then plan again.',
    });
    return { appSettings: { action: 'unchanged', reason: 'The app is not installed here.', diff: [] } };
  }
  const current = settings.jsonData ?? {};
  const merged = { ...current, ...jsonData };
  const diff = diffFlat(flatten(current, 'jsonData', new Map()), flatten(merged, 'jsonData', new Map()));
  return {
    appSettings: {
      action: diff.length > 0 ? 'update' : 'unchanged',
      reason:
        diff.length > 0
          ? `Sets ${diff.map((d) => d.path.replace(/^jsonData\./, '')).join(', ')}; other settings are kept.`
          : 'Already as in the bundle.',
      diff,
    },
    settingsBody: { enabled: settings.enabled, pinned: settings.pinned, jsonData: merged },
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
