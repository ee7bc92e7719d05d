import type {
  AlertRulePayload,
  ContactPoint,
  DataSourceInfo,
  GrafanaApi,
  ProvisionedAlertRule,
} from '../grafana-api/types';
import { FSM_RULE_UID_PREFIX, type DesiredRuleGroup, type DesiredState } from './desired-state';
import type { PlanBlocker } from './errors';
import {
  diffRules,
  OWNED_RULE_FIELDS,
  READ_ONLY_RULE_FIELDS,
  ruleContentHash,
  storedContentHash,
  type FieldChange,
} from './hash';
import { planNotifications, type NotificationPlan, type NotificationPlanItem } from './notifications';
import {
  describeMode,
  provenanceBlocker,
  summariseProvenance,
  type ExistingProvenance,
  type ProvenanceMode,
} from './provenance';

/*
 * plan(api, desired): what applying would do, read from Grafana and compared with the desired
 * state; nothing is written. Each rule is create / update / unchanged / user-changed / obsolete,
 * with a reason in plain words and a field-level diff, so the admin can decide what to overwrite.
 */

export type RuleAction = 'create' | 'update' | 'unchanged' | 'user-changed' | 'obsolete';

export interface RulePlan {
  uid: string;
  title: string;
  /** The group the rule is (or will be) in. */
  group: string;
  action: RuleAction;
  /** One or two sentences for the page. */
  reason: string;
  /**
   * Field-level differences from Grafana's copy (`from`) to what the plugin would write (`to`).
   * For `create`, empty; for `obsolete`, empty (the whole rule goes).
   */
  diff: FieldChange[];
  /** Grafana's copy no longer matches what the plugin wrote (an edit in Grafana). Kept unless ticked for overwrite. */
  userChanged: boolean;
  /** For user-changed rules: true when the options tick it for overwrite (its edit is then replaced or, if obsolete, deleted). */
  overwrite: boolean;
}

export type GroupAction = 'create' | 'update' | 'unchanged' | 'delete';

export interface GroupPlan {
  name: string;
  folderUid: string;
  /** The pack, when the group is one the plugin wants. */
  exporterId?: string;
  exporterTitle?: string;
  /** Whether applying writes this group (with the overwrite choices given to plan). */
  action: GroupAction;
  reason: string;
  interval: { current?: number; desired: number };
  rules: RulePlan[];
  /** Rules in the group that the plugin does not manage (kept as they are when the group is written). */
  foreignRules: Array<{ uid: string; title: string }>;
}

export interface PlanCounts {
  create: number;
  update: number;
  unchanged: number;
  userChanged: number;
  obsolete: number;
}

export interface Plan {
  folder: { uid: string; title: string; action: 'create' | 'exists'; reason: string };
  datasource: { uid: string; found: boolean; name?: string; type?: string };
  provenance: { existing: ExistingProvenance; chosen: ProvenanceMode; description: string };
  groups: GroupPlan[];
  notifications: NotificationPlanItem[];
  /** Apply refuses while any are present; each says what to change. */
  blockers: PlanBlocker[];
  skippedExporters: DesiredState['skippedExporters'];
  counts: PlanCounts;
  /** Writes an apply would make with the overwrite choices given to plan (folder + groups + notification objects). */
  writes: number;
}

export interface PlanOptions {
  /** uids of user-changed (or user-changed obsolete) rules to overwrite with the plugin's version. */
  overwriteUserChanged?: readonly string[];
}

/** What plan read and decided, kept off the enumerable plan (it holds the desired state, which may carry secrets). */
export interface PlanInternals {
  desired: DesiredState;
  actualRules: Map<string, ProvisionedAlertRule>;
  notificationPlan?: NotificationPlan;
  ourContactPoint?: ContactPoint;
  groupBodies: Map<string, { interval: number; rules: AlertRulePayload[]; write: boolean }>;
}

const INTERNALS = Symbol('fsm-plan-internals');

export function planInternals(plan: Plan): PlanInternals {
  const internals = (plan as unknown as Record<symbol, PlanInternals | undefined>)[INTERNALS];
  if (!internals) {
    throw new Error('This plan was not made by plan(): pass the desired state to apply instead.');
  }
  return internals;
}

export function isPlan(value: unknown): value is Plan {
  return typeof value === 'object' && value !== null && INTERNALS in value;
}

export async function plan(api: GrafanaApi, desired: DesiredState, options: PlanOptions = {}): Promise<Plan> {
  // Rules first: an Editor's 403 on the provisioning API is the message to show, before any other read.
  const allRules = await api.listAlertRules();
  const wantsNotifications = desired.notifications !== undefined;
  const [datasource, folder, contactPoints, muteTimings, policyTree] = await Promise.all([
    api.getDatasource(desired.datasourceUid),
    api.getFolder(desired.folder.uid),
    wantsNotifications ? api.listContactPoints() : Promise.resolve([]),
    wantsNotifications ? api.listMuteTimings() : Promise.resolve([]),
    wantsNotifications ? api.getPolicyTree() : Promise.resolve(undefined),
  ]);
  const overwrite = new Set(options.overwriteUserChanged ?? []);
  const actualRules = new Map(allRules.map((r) => [r.uid, r]));
  // The rule list does not carry group intervals: read each of the folder's groups once, in parallel.
  const groupNames = [...new Set(allRules.filter((r) => r.folderUID === desired.folder.uid).map((r) => r.ruleGroup))];
  const intervals = new Map<string, number>();
  await Promise.all(
    groupNames.map(async (name) => {
      const group = await api.getRuleGroup(desired.folder.uid, name);
      if (group) {
        intervals.set(name, group.interval);
      }
    })
  );
  const blockers: PlanBlocker[] = [];

  blockers.push(...datasourceBlockers(desired, datasource));

  // Provenance of the plugin's rules: chosen once, never switched.
  const desiredUids = new Set(desired.groups.flatMap((g) => g.rules.map((r) => r.uid)));
  const ours = allRules.filter((r) => desiredUids.has(r.uid) || isOurs(r, desired));
  const existing = summariseProvenance(ours.map((r) => r.provenance));
  if (existing !== 'absent') {
    const conflicting = ours.filter((r) => provenanceBlocker(r.provenance, desired.provenance, 'x') !== undefined);
    if (conflicting.length > 0) {
      const block = provenanceBlocker(conflicting[0].provenance, desired.provenance, `plugin's alert rules`)!;
      blockers.push({
        ...block,
        message: block.message.replace(/^The plugin's alert rules was/, "The plugin's alert rules were"),
        objects: conflicting.map((r) => r.uid),
      });
    }
  }

  const groups: GroupPlan[] = [];
  const groupBodies: PlanInternals['groupBodies'] = new Map();
  for (const group of desired.groups) {
    const { plan: gp, body } = planDesiredGroup(group, actualRules, allRules, intervals, overwrite, desiredUids);
    groups.push(gp);
    groupBodies.set(gp.name, body);
  }
  // Groups in the plugin's folder that hold its rules but are no longer wanted (a pack deselected).
  const desiredGroupNames = new Set(desired.groups.map((g) => g.title));
  const leftover = new Set(
    allRules
      .filter((r) => isOurs(r, desired) && !desiredUids.has(r.uid) && !desiredGroupNames.has(r.ruleGroup))
      .map((r) => r.ruleGroup)
  );
  for (const name of leftover) {
    const { plan: gp, body } = planLeftoverGroup(name, desired, allRules, intervals, overwrite);
    groups.push(gp);
    groupBodies.set(gp.name, body);
  }

  let notificationPlan: NotificationPlan | undefined;
  let ourContactPoint: ContactPoint | undefined;
  if (desired.notifications && policyTree) {
    notificationPlan = planNotifications(
      desired.notifications,
      { contactPoints, muteTimings, policyTree },
      desired.provenance
    );
    blockers.push(...notificationPlan.blockers);
    ourContactPoint = contactPoints.find((cp) => cp.uid === desired.notifications?.contactPoint?.uid);
  }

  const folderAction = folder ? 'exists' : 'create';
  const rules = groups.flatMap((g) => g.rules);
  const result: Plan = {
    folder: {
      uid: desired.folder.uid,
      title: folder?.title ?? desired.folder.title,
      action: folderAction,
      reason: folder
        ? folder.title === desired.folder.title
          ? 'The folder exists.'
          : `The folder exists as "${folder.title}"; its title is left as it is.`
        : `Creates the folder "${desired.folder.title}" (uid ${desired.folder.uid}) for the rules.`,
    },
    datasource: {
      uid: desired.datasourceUid,
      found: datasource !== undefined,
      name: datasource?.name,
      type: datasource?.type,
    },
    provenance: { existing, chosen: desired.provenance, description: describeMode(desired.provenance) },
    groups,
    notifications: notificationPlan?.items ?? [],
    blockers,
    skippedExporters: desired.skippedExporters,
    counts: {
      create: rules.filter((r) => r.action === 'create').length,
      update: rules.filter((r) => r.action === 'update').length,
      unchanged: rules.filter((r) => r.action === 'unchanged').length,
      userChanged: rules.filter((r) => r.action === 'user-changed').length,
      obsolete: rules.filter((r) => r.action === 'obsolete').length,
    },
    writes: 0,
  };
  const internals: PlanInternals = { desired, actualRules, notificationPlan, ourContactPoint, groupBodies };
  Object.defineProperty(result, INTERNALS, { value: internals, enumerable: false });
  result.writes = writeSteps(result).length;
  return result;
}

/** The writes apply makes for this plan, in order. */
export type WriteStep =
  | { kind: 'folder'; label: string }
  | { kind: 'group'; label: string; group: string }
  | { kind: 'notification'; label: string; index: number };

export function writeSteps(p: Plan): WriteStep[] {
  const internals = planInternals(p);
  const steps: WriteStep[] = [];
  const anyGroupWrite = p.groups.some((g) => g.action !== 'unchanged');
  if (p.folder.action === 'create' && anyGroupWrite) {
    steps.push({ kind: 'folder', label: `create folder "${p.folder.title}"` });
  }
  for (const g of p.groups) {
    if (g.action !== 'unchanged') {
      steps.push({ kind: 'group', label: `write rule group ${g.name}`, group: g.name });
    }
  }
  (internals.notificationPlan?.writes ?? []).forEach((w, index) =>
    steps.push({ kind: 'notification', label: w.label, index })
  );
  return steps;
}

// ---------------------------------------------------------------- rule groups

function planDesiredGroup(
  group: DesiredRuleGroup,
  actual: Map<string, ProvisionedAlertRule>,
  allRules: ProvisionedAlertRule[],
  intervals: Map<string, number>,
  overwrite: Set<string>,
  allDesiredUids: Set<string>
): { plan: GroupPlan; body: { interval: number; rules: AlertRulePayload[]; write: boolean } } {
  const inGroup = allRules.filter((r) => r.folderUID === group.folderUid && r.ruleGroup === group.title);
  const desiredUids = new Set(group.rules.map((r) => r.uid));
  const rules: RulePlan[] = [];
  const body: AlertRulePayload[] = [];
  let write = false;

  for (const want of group.rules) {
    const have = actual.get(want.uid);
    const rp = classify(want, have, group, overwrite);
    rules.push(rp);
    if (rp.action === 'user-changed' && !rp.overwrite) {
      // Kept as the user left it: sent back unchanged if it is still in this group, else left where they moved it.
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
  // A rule the plugin wants in another of its groups was moved here by a user: its own group's plan
  // classifies it (user-changed, as moved). It stays here unless ticked, when that group's write moves it back.
  for (const have of inGroup.filter((r) => !desiredUids.has(r.uid) && allDesiredUids.has(r.uid))) {
    if (!overwrite.has(have.uid)) {
      body.push(payloadOf(have));
    }
  }
  const undesired = planUndesiredRules(
    inGroup.filter((have) => !desiredUids.has(have.uid) && !allDesiredUids.has(have.uid)),
    overwrite
  );
  rules.push(...undesired.rules);
  body.push(...undesired.body);
  write = write || undesired.write;
  const foreignRules = undesired.foreignRules;
  const current = inGroup.length > 0 ? intervals.get(group.title) : undefined;
  const intervalChanged = current !== undefined && current !== group.interval;
  write = write || intervalChanged;
  const action: GroupAction = !write ? 'unchanged' : inGroup.length === 0 ? 'create' : 'update';
  return {
    plan: {
      name: group.title,
      folderUid: group.folderUid,
      exporterId: group.exporterId,
      exporterTitle: group.exporterTitle,
      action,
      reason: groupReason(action, rules, intervalChanged ? { from: current!, to: group.interval } : undefined),
      interval: { current, desired: group.interval },
      rules,
      foreignRules,
    },
    body: { interval: group.interval, rules: body, write },
  };
}

function planLeftoverGroup(
  name: string,
  desired: DesiredState,
  allRules: ProvisionedAlertRule[],
  intervals: Map<string, number>,
  overwrite: Set<string>
): { plan: GroupPlan; body: { interval: number; rules: AlertRulePayload[]; write: boolean } } {
  const inGroup = allRules.filter((r) => r.folderUID === desired.folder.uid && r.ruleGroup === name);
  const { rules, body, foreignRules, write } = planUndesiredRules(inGroup, overwrite);
  const interval = intervals.get(name) ?? 60;
  const action: GroupAction = !write ? 'unchanged' : body.length === 0 ? 'delete' : 'update';
  return {
    plan: {
      name,
      folderUid: desired.folder.uid,
      action,
      reason:
        action === 'delete'
          ? 'No chosen pack uses this group any more: its rules are deleted.'
          : groupReason(action, rules, undefined),
      interval: { current: interval, desired: interval },
      rules,
      foreignRules,
    },
    body: { interval, rules: body, write },
  };
}

/**
 * Rules in a group that the desired state does not put there: the plugin's (uid prefix) are
 * obsolete, deleted unless edited in Grafana and not ticked; anyone else's are sent back unchanged.
 */
function planUndesiredRules(
  inGroup: ProvisionedAlertRule[],
  overwrite: Set<string>
): { rules: RulePlan[]; body: AlertRulePayload[]; foreignRules: GroupPlan['foreignRules']; write: boolean } {
  const rules: RulePlan[] = [];
  const body: AlertRulePayload[] = [];
  const foreignRules: GroupPlan['foreignRules'] = [];
  let write = false;
  for (const have of inGroup) {
    if (have.uid.startsWith(FSM_RULE_UID_PREFIX)) {
      const rp = obsolete(have, overwrite);
      rules.push(rp);
      if (rp.userChanged && !rp.overwrite) {
        body.push(payloadOf(have));
      } else {
        write = true;
      }
    } else {
      foreignRules.push({ uid: have.uid, title: have.title });
      body.push(payloadOf(have));
    }
  }
  return { rules, body, foreignRules, write };
}

function classify(
  want: AlertRulePayload,
  have: ProvisionedAlertRule | undefined,
  group: DesiredRuleGroup,
  overwrite: Set<string>
): RulePlan {
  const base = { uid: want.uid, title: want.title, group: group.title, overwrite: false, userChanged: false };
  if (!have) {
    return { ...base, action: 'create', reason: `New rule from the ${group.exporterTitle} pack.`, diff: [] };
  }
  const desiredHash = storedContentHash(want)!;
  const actualHash = ruleContentHash(have);
  const stored = storedContentHash(have);
  const moved = have.folderUID !== group.folderUid || have.ruleGroup !== group.title;
  if (!moved && actualHash === desiredHash) {
    if (stored === desiredHash) {
      return { ...base, action: 'unchanged', reason: 'Grafana holds exactly this rule.', diff: [] };
    }
    return {
      ...base,
      action: 'update',
      reason: 'Same content; records the content hash the plugin uses to notice edits.',
      diff: [],
    };
  }
  // The field-level diff only for rules that differ: it is the costly part of a plan.
  const diff = diffRules(have, want);
  if (moved) {
    diff.unshift({
      field: 'location',
      path: 'ruleGroup',
      from: `${have.folderUID}/${have.ruleGroup}`,
      to: `${group.folderUid}/${group.title}`,
    });
  }
  const userChanged = moved || stored === undefined || stored !== actualHash;
  if (userChanged) {
    const ticked = overwrite.has(want.uid);
    const what = moved
      ? `Moved in Grafana to ${have.folderUID}/${have.ruleGroup}.`
      : stored === undefined
        ? 'Grafana holds a rule with this uid that the plugin did not write (it has no content hash).'
        : 'Edited in Grafana since the plugin wrote it.';
    const then = ticked
      ? ` Ticked: apply replaces it with the plugin's version (${fieldList(diff)}).`
      : ` Apply keeps it as it is unless you tick it for overwrite (that would change ${fieldList(diff)}).`;
    return { ...base, userChanged: true, overwrite: ticked, action: 'user-changed', reason: what + then, diff };
  }
  return { ...base, action: 'update', reason: `Setup's choices changed: ${fieldList(diff)}.`, diff };
}

function obsolete(have: ProvisionedAlertRule, overwrite: Set<string>): RulePlan {
  const stored = storedContentHash(have);
  const userChanged = stored === undefined || stored !== ruleContentHash(have);
  const ticked = userChanged && overwrite.has(have.uid);
  const reason = !userChanged
    ? 'No longer part of the chosen packs: apply deletes it.'
    : ticked
      ? 'No longer part of the chosen packs, and edited in Grafana; ticked, so apply deletes it.'
      : 'No longer part of the chosen packs, but edited in Grafana: apply keeps it unless you tick it.';
  return {
    uid: have.uid,
    title: have.title,
    group: have.ruleGroup,
    action: 'obsolete',
    reason,
    diff: [],
    userChanged,
    overwrite: ticked,
  };
}

function groupReason(action: GroupAction, rules: RulePlan[], interval?: { from: number; to: number }): string {
  if (action === 'unchanged') {
    const kept = rules.filter((r) => r.userChanged && !r.overwrite).length;
    return kept > 0 ? `Nothing to write; ${kept} rule(s) edited in Grafana are kept.` : 'Nothing to write.';
  }
  const parts: string[] = [];
  const count = (a: RuleAction, words: string) => {
    const n = rules.filter((r) => r.action === a && (a !== 'obsolete' || !r.userChanged || r.overwrite)).length;
    if (n > 0) {
      parts.push(`${n} ${words}`);
    }
  };
  count('create', 'to create');
  count('update', 'to update');
  count('obsolete', 'to delete');
  const overwritten = rules.filter((r) => r.action === 'user-changed' && r.overwrite).length;
  if (overwritten > 0) {
    parts.push(`${overwritten} edited in Grafana to overwrite`);
  }
  if (interval) {
    parts.push(`interval ${interval.from} s → ${interval.to} s`);
  }
  return `${action === 'create' ? 'New group' : 'One write of the whole group'}: ${parts.join(', ')}.`;
}

function fieldList(diff: FieldChange[]): string {
  const fields = [...new Set(diff.map((d) => d.field))];
  if (fields.length === 0) {
    return 'nothing visible';
  }
  return fields.length > 4 ? `${fields.slice(0, 4).join(', ')} and ${fields.length - 4} more` : fields.join(', ');
}

function isOurs(rule: ProvisionedAlertRule, desired: DesiredState): boolean {
  return rule.folderUID === desired.folder.uid && rule.uid.startsWith(FSM_RULE_UID_PREFIX);
}

/** A rule read from Grafana, as it can be sent back unchanged. */
export function payloadOf(rule: ProvisionedAlertRule): AlertRulePayload {
  const copy: Record<string, unknown> = { ...rule };
  for (const field of READ_ONLY_RULE_FIELDS) {
    delete copy[field];
  }
  return copy as AlertRulePayload;
}

/** Fields a user may have set that the plugin does not own (notification_settings, keep_firing_for…): kept on overwrite. */
export function userExtras(rule: ProvisionedAlertRule): Partial<AlertRulePayload> {
  const extras: Record<string, unknown> = { ...payloadOf(rule) };
  for (const field of OWNED_RULE_FIELDS) {
    delete extras[field];
  }
  return extras as Partial<AlertRulePayload>;
}

function datasourceBlockers(desired: DesiredState, datasource: DataSourceInfo | undefined): PlanBlocker[] {
  if (!datasource) {
    return [
      {
        kind: 'datasource-missing',
        message: `The Prometheus datasource "${desired.datasourceUid}" does not exist in this Grafana (GET /api/datasources/uid/${desired.datasourceUid} answered 404). Pick an existing Prometheus datasource in Setup; nothing was written.`,
        objects: [desired.datasourceUid],
      },
    ];
  }
  return [];
}
