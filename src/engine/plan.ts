import type { AlertRulePayload, ContactPoint, GrafanaApi, ProvisionedAlertRule } from '../grafana-api/types';
import { FSM_RULE_UID_PREFIX, type DesiredRuleGroup, type DesiredSource, type DesiredState } from './desired-state';
import type { PlanBlocker } from './errors';
import { planAppSettings, planDashboards, type AppSettingsPlan, type DashboardPlan } from './extras';
import {
  CONTENT_HASH_ANNOTATION,
  diffRules,
  extrasDiff,
  OWNED_RULE_FIELDS,
  READ_ONLY_RULE_FIELDS,
  ruleContentHash,
  stableStringify,
  storedContentHash,
  type FieldChange,
} from './hash';
import {
  planNotifications,
  type NotificationPlan,
  type NotificationPlanItem,
  type NotificationWrite,
} from './notifications';
import {
  describeMode,
  provenanceBlocker,
  summariseProvenance,
  type ExistingProvenance,
  type ProvenanceMode,
} from './provenance';
import { readWorld, type World } from './world';

/*
 * plan(api, desired): what applying would do, read from Grafana and compared with the desired
 * state; nothing is written. Setup's choices and a backup bundle are both desired states, so one
 * plan and one apply serve both pages. Reading (readWorld) and deciding (planFrom) are apart:
 * deciding is pure, so apply can re-decide for new overwrite ticks without reading again, and
 * compare each object with what this plan saw before it writes it.
 *
 * Each rule is create / update / unchanged / user-changed / obsolete, with a reason in plain words
 * and a field-level diff, so the admin can decide what to overwrite.
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
  /** The pack, when the group is one Setup builds from the catalog. */
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
  source: DesiredSource;
  /** `not-needed`: the folder does not exist and no rule group is written, so apply does not create it. */
  folder: { uid: string; title: string; action: 'create' | 'exists' | 'not-needed'; reason: string };
  datasources: Array<{ uid: string; found: boolean; name?: string; type?: string }>;
  provenance: { existing: ExistingProvenance; chosen: ProvenanceMode; description: string };
  groups: GroupPlan[];
  notifications: NotificationPlanItem[];
  dashboards: DashboardPlan[];
  appSettings?: AppSettingsPlan;
  /** Apply refuses while any are present; each says what to change. */
  blockers: PlanBlocker[];
  skippedExporters: DesiredState['skippedExporters'];
  /** Per-target thresholds the desired rules carry, in precedence order (Setup's; a bundle's rules carry theirs in their queries). */
  targetOverrides: NonNullable<DesiredState['targetOverrides']>;
  counts: PlanCounts;
  /** Write requests an apply would make with the overwrite choices given to plan. */
  writes: number;
}

export interface PlanOptions {
  /** uids of user-changed (or user-changed obsolete) rules to overwrite with the plugin's version. */
  overwriteUserChanged?: readonly string[];
}

/** What a group write sends: the whole group (PUT), or nothing left in it (its rules are deleted). */
export interface GroupBody {
  interval: number;
  rules: AlertRulePayload[];
  write: boolean;
}

/** What plan read and decided, kept off the enumerable plan (it holds the desired state, which may carry secrets). */
export interface PlanInternals {
  desired: DesiredState;
  world: World;
  options: PlanOptions;
  notificationPlan?: NotificationPlan;
  ourContactPoint?: ContactPoint;
  groupBodies: Map<string, GroupBody>;
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
  return planFrom(desired, await readWorld(api, desired), options);
}

/** The plan for what `world` holds: pure, no reads. */
export function planFrom(desired: DesiredState, world: World, options: PlanOptions = {}): Plan {
  const overwrite = new Set(options.overwriteUserChanged ?? []);
  const blockers: PlanBlocker[] = [...(desired.preconditions ?? [])];
  const datasources = desired.datasourceUids.map((uid) => {
    const ds = world.datasources.get(uid);
    return { uid, found: ds !== undefined, name: ds?.name, type: ds?.type };
  });
  for (const ds of datasources.filter((d) => !d.found)) {
    blockers.push(datasourceMissing(desired.source, ds.uid));
  }

  // Provenance of the plugin's rules: chosen once, never switched.
  const desiredUids = new Set(desired.groups.flatMap((g) => g.rules.map((r) => r.uid)));
  const ours = world.rules.filter((r) => desiredUids.has(r.uid) || isOurs(r, desired));
  const existing = summariseProvenance(ours.map((r) => r.provenance));
  const conflicting = ours.filter((r) => provenanceBlocker(r.provenance, desired.provenance, 'x') !== undefined);
  if (conflicting.length > 0 && !blockers.some((b) => b.kind === 'provenance-mixed')) {
    const block = provenanceBlocker(conflicting[0].provenance, desired.provenance, `plugin's alert rules`)!;
    blockers.push({
      ...block,
      message: block.message.replace(/^The plugin's alert rules was/, "The plugin's alert rules were"),
      objects: conflicting.map((r) => r.uid),
    });
  }

  // Groups the desired state names, then the groups of the plugin's folder that hold its rules but
  // are no longer wanted (a pack deselected, a group the bundle does not have): all their rules go.
  const desiredGroupNames = new Set(desired.groups.map((g) => g.title));
  const leftover = [
    ...new Set(
      world.rules
        .filter((r) => isOurs(r, desired) && !desiredUids.has(r.uid) && !desiredGroupNames.has(r.ruleGroup))
        .map((r) => r.ruleGroup)
    ),
  ];
  const targets: DesiredRuleGroup[] = [
    ...desired.groups,
    ...leftover.map((name) => ({
      title: name,
      folderUid: desired.folder.uid,
      interval: world.groups.get(name)?.interval ?? 60,
      rules: [],
    })),
  ];
  const groups: GroupPlan[] = [];
  const groupBodies = new Map<string, GroupBody>();
  for (const group of targets) {
    const { plan: gp, body } = planGroup(group, desired, world, overwrite, desiredUids);
    groups.push(gp);
    groupBodies.set(gp.name, body);
  }

  let notificationPlan: NotificationPlan | undefined;
  let ourContactPoint: ContactPoint | undefined;
  if (desired.notifications && world.policyTree) {
    notificationPlan = planNotifications(
      desired.notifications,
      {
        contactPoints: world.contactPoints,
        receivers: world.receivers,
        muteTimings: world.muteTimings,
        policyTree: world.policyTree,
      },
      desired.provenance
    );
    blockers.push(...notificationPlan.blockers);
    ourContactPoint = world.contactPoints.find((cp) => cp.uid === desired.notifications?.contactPoint?.uid);
  }
  blockers.push(...routingBlockers(groupBodies, desired, world));
  const dashboards = desired.dashboards ? planDashboards(desired.dashboards, world.pluginDashboards) : [];
  const appSettings = desired.appSettings
    ? planAppSettings(desired.appSettings, world.pluginSettings, desired.source === 'bundle')
    : undefined;
  if (appSettings?.blocker) {
    blockers.push(appSettings.blocker);
  }

  const folder = world.folder;
  const rules = groups.flatMap((g) => g.rules);
  const anyGroupWrite = groups.some((g) => g.action !== 'unchanged' && g.action !== 'delete');
  const result: Plan = {
    source: desired.source,
    folder: {
      uid: desired.folder.uid,
      title: folder?.title ?? desired.folder.title,
      action: folder ? 'exists' : anyGroupWrite ? 'create' : 'not-needed',
      reason: folder
        ? folder.title === desired.folder.title
          ? 'The folder exists.'
          : `The folder exists as "${folder.title}"; its title is left as it is.`
        : anyGroupWrite
          ? `Creates the folder "${desired.folder.title}" (uid ${desired.folder.uid}) for the rules.`
          : 'Not created: there are no rules to write into it.',
    },
    datasources,
    provenance: { existing, chosen: desired.provenance, description: describeMode(desired.provenance) },
    groups,
    notifications: notificationPlan?.items ?? [],
    dashboards,
    appSettings: appSettings?.plan,
    blockers,
    skippedExporters: desired.skippedExporters,
    targetOverrides: desired.targetOverrides ?? [],
    counts: {
      create: rules.filter((r) => r.action === 'create').length,
      update: rules.filter((r) => r.action === 'update').length,
      unchanged: rules.filter((r) => r.action === 'unchanged').length,
      userChanged: rules.filter((r) => r.action === 'user-changed').length,
      obsolete: rules.filter((r) => r.action === 'obsolete').length,
    },
    writes: 0,
  };
  const internals: PlanInternals = { desired, world, options, notificationPlan, ourContactPoint, groupBodies };
  Object.defineProperty(result, INTERNALS, { value: internals, enumerable: false });
  result.writes = writeSteps(result).reduce((sum, step) => sum + step.requests, 0);
  return result;
}

/** The writes apply makes for this plan, in order; `requests` is how many HTTP writes the step makes. */
export type WriteStep = { label: string; requests: number } & (
  | { kind: 'folder' }
  | { kind: 'group'; group: string }
  /** Every rule of the group goes: Grafana keeps a group PUT with no rules as it was, so they are deleted. */
  | { kind: 'group-delete'; group: string }
  | { kind: 'notification'; index: number }
  | { kind: 'dashboard'; path: string }
  | { kind: 'app-settings' }
);

export function writeSteps(p: Plan): WriteStep[] {
  const internals = planInternals(p);
  const { world } = internals;
  const steps: WriteStep[] = [];
  if (p.folder.action === 'create') {
    steps.push({ kind: 'folder', label: `create folder "${p.folder.title}"`, requests: 1 });
  }
  // A contact point or mute timing that is created goes before the rule groups: Grafana refuses a
  // rule whose notification_settings name a receiver or time interval that does not exist yet
  // (ReplaceRuleGroup → notifier staticValidator, 11.x–main), which a restored rule may do. So does
  // a contact point that is renamed: a restored rule routes to its new name, and the rename carries
  // the rules that route to the old name along (recordOwnWrite). Other updates stay after the groups.
  const notificationWrites = (internals.notificationPlan?.writes ?? []).map((w, index) => ({ w, index }));
  const renamed = internals.ourContactPoint?.name !== internals.desired.notifications?.contactPoint?.name;
  const writtenFirst = ({ w }: { w: NotificationWrite }) =>
    w.kind !== 'policy' && (w.action === 'create' || (w.kind === 'contact-point' && renamed));
  const notificationStep = ({ w, index }: { w: NotificationWrite; index: number }): WriteStep => ({
    kind: 'notification',
    label: w.label,
    index,
    requests: 1,
  });
  steps.push(...notificationWrites.filter(writtenFirst).map(notificationStep));
  for (const g of p.groups) {
    if (g.action === 'delete') {
      const count = world.groups.get(g.name)?.rules.length ?? 0;
      steps.push({
        kind: 'group-delete',
        group: g.name,
        label: `delete rule group ${g.name} (${count} rule${count === 1 ? '' : 's'})`,
        requests: world.capabilities.ruleGroupDelete ? 1 : count,
      });
    } else if (g.action !== 'unchanged') {
      steps.push({ kind: 'group', group: g.name, label: `write rule group ${g.name}`, requests: 1 });
    }
  }
  steps.push(...notificationWrites.filter((x) => !writtenFirst(x)).map(notificationStep));
  for (const d of p.dashboards.filter((x) => x.action === 'import')) {
    steps.push({ kind: 'dashboard', label: `import dashboard "${d.title}"`, path: d.path, requests: 1 });
  }
  if (p.appSettings?.action === 'update') {
    steps.push({ kind: 'app-settings', label: `save ${internals.desired.appSettings!.what}`, requests: 1 });
  }
  return steps;
}

// ---------------------------------------------------------------- rule groups

/** The plan's words, by where the desired state comes from. */
const WORDS: Record<
  DesiredSource,
  {
    create: (group: DesiredRuleGroup) => string;
    unchanged: string;
    marker: string;
    update: (fields: string) => string;
    userChanged: { moved: (where: string) => string; foreign: string; edited: string; ticked: string; kept: string };
    obsolete: { plain: string; ticked: string; kept: string };
    groupDelete: string;
    keptInGroup: (n: number) => string;
  }
> = {
  setup: {
    create: (g) => `New rule from the ${g.exporterTitle ?? g.title} pack.`,
    unchanged: 'Grafana holds exactly this rule.',
    marker: 'Same content; records the content hash the plugin uses to notice edits.',
    update: (fields) => `Setup's choices changed: ${fields}.`,
    userChanged: {
      moved: (where) => `Moved in Grafana to ${where}.`,
      foreign: 'Grafana holds a rule with this uid that the plugin did not write (it has no content hash).',
      edited: 'Edited in Grafana since the plugin wrote it.',
      ticked: "Ticked: apply replaces it with the plugin's version",
      kept: 'Apply keeps it as it is unless you tick it for overwrite',
    },
    obsolete: {
      plain: 'No longer part of the chosen packs: apply deletes it.',
      ticked: 'No longer part of the chosen packs, and edited in Grafana; ticked, so apply deletes it.',
      kept: 'No longer part of the chosen packs, but edited in Grafana: apply keeps it unless you tick it.',
    },
    groupDelete: 'No chosen pack uses this group any more: its rules are deleted.',
    keptInGroup: (n) => `Nothing to write; ${n} rule(s) edited in Grafana are kept.`,
  },
  bundle: {
    create: () => 'In the bundle, not in this Grafana.',
    unchanged: "This Grafana holds exactly the bundle's rule.",
    marker:
      "Same content; records the bundle's content hash (which tells Setup whether the rule was edited in Grafana).",
    update: (fields) => `Differs from the bundle: ${fields}.`,
    userChanged: {
      moved: (where) => `Moved in this Grafana to ${where}.`,
      foreign: 'This Grafana holds a rule with this uid that the plugin did not write.',
      edited: 'Edited in this Grafana since the plugin wrote it.',
      ticked: "Ticked: restore replaces it with the bundle's version",
      kept: 'Restore keeps it unless you tick it for overwrite',
    },
    obsolete: {
      plain: "The plugin's rule here is not in the bundle: restore deletes it.",
      ticked: 'Not in the bundle, and edited in this Grafana; ticked, so restore deletes it.',
      kept: 'Not in the bundle, but edited in this Grafana: restore keeps it unless you tick it.',
    },
    groupDelete: 'The bundle has no such group: its rules are deleted.',
    keptInGroup: (n) => `Nothing to write; ${n} rule(s) edited in this Grafana are kept.`,
  },
};

function planGroup(
  group: DesiredRuleGroup,
  desired: DesiredState,
  world: World,
  overwrite: Set<string>,
  allDesiredUids: Set<string>
): { plan: GroupPlan; body: GroupBody } {
  const words = WORDS[desired.source];
  const actual = new Map(world.rules.map((r) => [r.uid, r]));
  const inGroup = world.rules.filter((r) => r.folderUID === group.folderUid && r.ruleGroup === group.title);
  const own = new Set(group.rules.map((r) => r.uid));
  const rules: RulePlan[] = [];
  const body: AlertRulePayload[] = [];
  const foreignRules: GroupPlan['foreignRules'] = [];
  const kept = (rp: RulePlan) => rp.userChanged && !rp.overwrite;
  let write = false;

  for (const want of group.rules) {
    const have = actual.get(want.uid);
    const rp = classify(want, have, group, desired, overwrite);
    rules.push(rp);
    if (kept(rp)) {
      // Kept as the user left it: sent back unchanged if it is still in this group, else left where they moved it.
      if (have && have.folderUID === group.folderUid && have.ruleGroup === group.title) {
        body.push(payloadOf(have));
      }
      continue;
    }
    if (rp.action !== 'unchanged') {
      write = true;
    }
    body.push(have && !desired.ownsRuleExtras ? { ...userExtras(have), ...want } : want);
  }
  for (const have of inGroup.filter((r) => !own.has(r.uid))) {
    if (allDesiredUids.has(have.uid)) {
      // Wanted in another of the plugin's groups, moved here by a user: its own group's plan
      // classifies it. It stays here unless ticked, when that group's write moves it back.
      if (!overwrite.has(have.uid)) {
        body.push(payloadOf(have));
      }
      continue;
    }
    if (have.uid.startsWith(FSM_RULE_UID_PREFIX)) {
      const rp = obsolete(have, desired.source, overwrite);
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
  const current = inGroup.length > 0 ? world.groups.get(group.title)?.interval : undefined;
  const intervalChanged = current !== undefined && current !== group.interval && body.length > 0;
  write = write || intervalChanged;
  const action: GroupAction = !write
    ? 'unchanged'
    : inGroup.length === 0
      ? 'create'
      : body.length === 0
        ? 'delete'
        : 'update';
  const reason =
    action === 'unchanged'
      ? rules.some(kept)
        ? words.keptInGroup(rules.filter(kept).length)
        : 'Nothing to write.'
      : action === 'delete'
        ? words.groupDelete
        : groupReason(action, rules, intervalChanged ? { from: current!, to: group.interval } : undefined);
  return {
    plan: {
      name: group.title,
      folderUid: group.folderUid,
      exporterId: group.exporterId,
      exporterTitle: group.exporterTitle,
      action,
      reason,
      interval: { current, desired: group.interval },
      rules,
      foreignRules,
    },
    body: { interval: group.interval, rules: body, write },
  };
}

function classify(
  want: AlertRulePayload,
  have: ProvisionedAlertRule | undefined,
  group: DesiredRuleGroup,
  desired: DesiredState,
  overwrite: Set<string>
): RulePlan {
  const words = WORDS[desired.source];
  const base = { uid: want.uid, title: want.title, group: group.title, overwrite: false, userChanged: false };
  if (!have) {
    return { ...base, action: 'create', reason: words.create(group), diff: [] };
  }
  const moved = have.folderUID !== group.folderUid || have.ruleGroup !== group.title;
  const markerFrom = storedContentHash(have);
  const markerTo = storedContentHash(want);
  // Comparing hashes first: the field-level diff is the costly part of a plan, needed only for rules that differ.
  const sameContent =
    ruleContentHash(have) === ruleContentHash(want) && (!desired.ownsRuleExtras || extrasDiff(have, want).length === 0);
  if (!moved && sameContent) {
    if (markerFrom === markerTo) {
      return { ...base, action: 'unchanged', reason: words.unchanged, diff: [] };
    }
    // Same content: the marker says whether the rule was edited in Grafana, so it is written too.
    const diff = [
      { field: 'content hash', path: `annotations.${CONTENT_HASH_ANNOTATION}`, from: markerFrom, to: markerTo },
    ];
    return { ...base, action: 'update', reason: words.marker, diff };
  }
  const diff = diffRules(have, want);
  if (desired.ownsRuleExtras) {
    diff.push(...extrasDiff(have, want));
  }
  if (moved) {
    diff.unshift({
      field: 'location',
      path: 'ruleGroup',
      from: `${have.folderUID}/${have.ruleGroup}`,
      to: `${group.folderUid}/${group.title}`,
    });
  }
  const userChanged = moved || markerFrom === undefined || markerFrom !== ruleContentHash(have);
  if (userChanged) {
    const ticked = overwrite.has(want.uid);
    const what = moved
      ? words.userChanged.moved(`${have.folderUID}/${have.ruleGroup}`)
      : markerFrom === undefined
        ? words.userChanged.foreign
        : words.userChanged.edited;
    const then = ticked
      ? ` ${words.userChanged.ticked} (${fieldList(diff)}).`
      : ` ${words.userChanged.kept} (that would change ${fieldList(diff)}).`;
    return { ...base, userChanged: true, overwrite: ticked, action: 'user-changed', reason: what + then, diff };
  }
  return { ...base, action: 'update', reason: words.update(fieldList(diff)), diff };
}

function obsolete(have: ProvisionedAlertRule, source: DesiredSource, overwrite: Set<string>): RulePlan {
  const words = WORDS[source].obsolete;
  const stored = storedContentHash(have);
  const userChanged = stored === undefined || stored !== ruleContentHash(have);
  const ticked = userChanged && overwrite.has(have.uid);
  return {
    uid: have.uid,
    title: have.title,
    group: have.ruleGroup,
    action: 'obsolete',
    reason: !userChanged ? words.plain : ticked ? words.ticked : words.kept,
    diff: [],
    userChanged,
    overwrite: ticked,
  };
}

function groupReason(action: GroupAction, rules: RulePlan[], interval?: { from: number; to: number }): string {
  const parts: string[] = [];
  const count = (n: number, words: string) => n > 0 && parts.push(`${n} ${words}`);
  count(rules.filter((r) => r.action === 'create').length, 'to create');
  count(rules.filter((r) => r.action === 'update').length, 'to update');
  count(rules.filter((r) => r.action === 'obsolete' && (!r.userChanged || r.overwrite)).length, 'to delete');
  count(rules.filter((r) => r.action === 'user-changed' && r.overwrite).length, 'edited in Grafana to overwrite');
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

/**
 * The rules the plan would create or change, each with what would be written and its group's
 * interval (for a backtest of the rule before it is enabled). Rule bodies carry no secrets.
 */
export function rulesToWrite(p: Plan): Array<{ rule: RulePlan; interval: number; payload: AlertRulePayload }> {
  const { groupBodies } = planInternals(p);
  return p.groups.flatMap((group) => {
    const body = groupBodies.get(group.name);
    return group.rules
      .filter((r) => r.action === 'create' || r.action === 'update' || (r.action === 'user-changed' && r.overwrite))
      .flatMap((rule) => {
        const payload = body?.write ? body.rules.find((b) => b.uid === rule.uid) : undefined;
        return payload && body ? [{ rule, interval: body.interval, payload }] : [];
      });
  });
}

/**
 * Grafana validates a rule's notification_settings when the rule is new or they changed
 * (ReplaceRuleGroup → GroupDelta.NewOrUpdatedNotificationSettings → notifier staticValidator,
 * 11.x–main): its receiver and every mute/active time interval must exist, else the group PUT is a
 * 400 part-way through apply. A bundle carries its rules' settings, which may name a contact point
 * or mute timing of the Grafana it came from that neither exists here nor is in the bundle.
 */
function routingBlockers(groupBodies: Map<string, GroupBody>, desired: DesiredState, world: World): PlanBlocker[] {
  const receivers = new Set(world.receivers);
  if (desired.notifications?.contactPoint) {
    receivers.add(desired.notifications.contactPoint.name);
  }
  const intervals = new Set([
    ...world.muteTimings.map((m) => m.name),
    ...(desired.notifications?.muteTimings ?? []).map((m) => m.name),
  ]);
  const stored = new Map(world.rules.map((r) => [r.uid, r]));
  const missing = new Map<string, { what: string; name: string; rules: string[]; titles: string[] }>();
  const note = (what: string, name: string, rule: { uid: string; title: string }) => {
    const entry = missing.get(`${what}\u0000${name}`) ?? { what, name, rules: [], titles: [] };
    entry.rules.push(rule.uid);
    entry.titles.push(`"${rule.title}"`);
    missing.set(`${what}\u0000${name}`, entry);
  };
  for (const body of groupBodies.values()) {
    for (const rule of body.write ? body.rules : []) {
      const settings = rule.notification_settings as Record<string, unknown> | null | undefined;
      const before = stored.get(rule.uid)?.notification_settings;
      if (typeof settings !== 'object' || settings === null || stableStringify(before) === stableStringify(settings)) {
        continue;
      }
      const receiver = typeof settings.receiver === 'string' ? settings.receiver : '';
      if (!receivers.has(receiver)) {
        note('contact point', receiver, rule);
      }
      for (const key of ['mute_time_intervals', 'active_time_intervals']) {
        for (const name of Array.isArray(settings[key]) ? (settings[key] as unknown[]) : []) {
          if (!intervals.has(String(name))) {
            note('mute timing', String(name), rule);
          }
        }
      }
    }
  }
  return [...missing.values()].map(({ what, name, rules, titles }) => ({
    kind: 'routing-target-missing' as const,
    message: `${rules.length === 1 ? 'The rule' : `${rules.length} rules,`} ${titles.join(', ')}${rules.length === 1 ? ' sends' : ', send'} notifications straight to the ${what} "${name}" (in ${rules.length === 1 ? 'its' : 'their'} notification settings), which does not exist in this Grafana, and Grafana refuses to save such a rule. Create that ${what} here first, then plan again.`,
    objects: rules,
  }));
}

/**
 * The plugin's contact point changing name, when Grafana carries that rename into the routes and
 * rules' notification_settings that name the old one: only when it was the last integration of that
 * name (UpdateContactPoint: stitchReceiver's fullRemoval → RenameReceiverInDependentResources, 11.x–main).
 */
export function contactPointRename(internals: PlanInternals): { from: string; to: string } | undefined {
  const have = internals.ourContactPoint;
  const want = internals.desired.notifications?.contactPoint;
  if (!have || !want || have.name === want.name) {
    return undefined;
  }
  const lastOfItsName = !internals.world.contactPoints.some((cp) => cp.name === have.name && cp.uid !== have.uid);
  return lastOfItsName ? { from: have.name, to: want.name } : undefined;
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

function datasourceMissing(source: DesiredSource, uid: string): PlanBlocker {
  return {
    kind: 'datasource-missing',
    message:
      source === 'setup'
        ? `The Prometheus datasource "${uid}" does not exist in this Grafana (GET /api/datasources/uid/${uid} answered 404). Pick an existing Prometheus datasource in Setup; nothing was written.`
        : `The bundle's rules or settings use the datasource uid "${uid}", which does not exist in this organization. Create it with that uid (Connections → Data sources), then plan again.`,
    objects: [uid],
  };
}
