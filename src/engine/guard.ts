import type { GrafanaApi, ProvisionedAlertRule } from '../grafana-api/types';
import { PlanOutdatedError } from './errors';
import { diffFlat, diffRules, flatten, stableStringify } from './hash';
import { normaliseRoute, renameReceiver } from './notifications';
import { contactPointRename, payloadOf, planInternals, type Plan, type WriteStep } from './plan';

/*
 * "Nothing another admin did is overwritten silently": right before each write, apply reads the
 * object again and compares it with what the plan saw (the plan's World). A difference stops the
 * apply before that write, naming the object and what changed.
 *
 * What remains: Grafana's provisioning API has no version check for rule groups, contact points or
 * the policy tree in the versions we support, so a change landing between this read and the write
 * (milliseconds) is still overwritten. See tests/grafana-double/README.md.
 */

/** Answers true when the step has nothing left to do (the folder exists now, the dashboard was imported). */
export async function assertUnchanged(api: GrafanaApi, p: Plan, step: WriteStep): Promise<boolean> {
  const { desired, world, notificationPlan } = planInternals(p);
  switch (step.kind) {
    case 'folder':
      // Creating never overwrites: if someone created it meanwhile, there is nothing to do.
      return (await api.getFolder(desired.folder.uid)) !== undefined;
    case 'group':
    case 'group-delete': {
      const seen = world.groups.get(step.group);
      const now = await api.getRuleGroup(desired.folder.uid, step.group);
      refuseIfChanged(
        `rule group "${step.group}"`,
        groupChanges(seen?.rules ?? [], seen?.interval, now?.rules ?? [], now?.interval)
      );
      return false;
    }
    case 'notification': {
      const write = notificationPlan!.writes[step.index];
      if (write.kind === 'contact-point') {
        const uid = desired.notifications!.contactPoint!.uid;
        const seen = world.contactPoints.find((cp) => cp.uid === uid);
        const now = (await api.listContactPoints()).find((cp) => cp.uid === uid);
        refuseIfChanged(`contact point "${seen?.name ?? now?.name ?? uid}"`, objectChanges(seen, now, 'contact point'));
      } else if (write.kind === 'mute-timing') {
        const name = write.body.name;
        const seen = world.muteTimings.find((m) => m.name === name);
        const now = (await api.listMuteTimings()).find((m) => m.name === name);
        refuseIfChanged(`mute timing "${name}"`, objectChanges(seen, now, 'mute timing'));
      } else {
        const now = await api.getPolicyTree();
        refuseIfChanged(
          'notification policy tree',
          objectChanges(world.policyTree, now, 'policy tree', normaliseRoute)
        );
      }
      return false;
    }
    case 'dashboard': {
      const now = await api.listPluginDashboards(desired.dashboards!.pluginId);
      // Imported meanwhile (by another admin or Grafana's own sync): importing again would overwrite it.
      return now.some((d) => d.path === step.path && d.imported);
    }
    case 'app-settings': {
      const now = await api.getPluginSettings(desired.appSettings!.pluginId);
      refuseIfChanged(
        "the app's settings",
        objectChanges(world.pluginSettings?.jsonData ?? {}, now?.jsonData ?? {}, 'app settings')
      );
      return false;
    }
  }
}

/**
 * Brings the plan's picture of Grafana up to date with a write apply just made, so a later guard
 * does not mistake the plugin's own write for someone else's.
 */
export function recordOwnWrite(p: Plan, step: WriteStep): void {
  const { world, groupBodies, notificationPlan } = planInternals(p);
  if (step.kind === 'group') {
    // Rules the PUT moved here from another group of the folder are gone from that group.
    const moved = new Set(groupBodies.get(step.group)!.rules.map((r) => r.uid));
    for (const [name, group] of world.groups) {
      if (name !== step.group) {
        group.rules = group.rules.filter((r) => !moved.has(r.uid));
      }
    }
  } else if (step.kind === 'notification' && notificationPlan!.writes[step.index].kind === 'contact-point') {
    // Grafana renames the receiver in every route and rule that names it (contactPointRename); the
    // groups still to be written send the new name, which is what Grafana would have made of the old.
    const rename = contactPointRename(planInternals(p));
    if (!rename) {
      return;
    }
    if (world.policyTree) {
      world.policyTree = renameReceiver(world.policyTree, rename.from, rename.to);
    }
    const rules = [
      ...[...world.groups.values()].flatMap((g) => g.rules),
      ...[...groupBodies.values()].flatMap((b) => b.rules),
    ];
    for (const rule of rules) {
      const settings = rule.notification_settings as { receiver?: unknown } | null | undefined;
      if (settings && settings.receiver === rename.from) {
        rule.notification_settings = { ...settings, receiver: rename.to };
      }
    }
  }
}

/**
 * What a rule holds, as both reads show it: the plan's list carries `provenance`, the group GET
 * does not (ApiAlertRuleGroupFromAlertRuleGroup leaves it out, 11.x–main), so it is not compared.
 */
function refuseIfChanged(object: string, changes: string[]): void {
  if (changes.length > 0) {
    throw new PlanOutdatedError(object, changes);
  }
}

function fingerprint(rule: ProvisionedAlertRule): string {
  return stableStringify(payloadOf(rule));
}

function groupChanges(
  seen: ProvisionedAlertRule[],
  seenInterval: number | undefined,
  now: ProvisionedAlertRule[],
  nowInterval: number | undefined
): string[] {
  const changes: string[] = [];
  const before = new Map(seen.map((r) => [r.uid, r]));
  const after = new Map(now.map((r) => [r.uid, r]));
  for (const [uid, rule] of after) {
    const was = before.get(uid);
    if (!was) {
      changes.push(`rule "${rule.title}" (${uid}) was added`);
    } else if (fingerprint(was) !== fingerprint(rule)) {
      const fields = [...new Set(diffRules(was, rule).map((d) => d.field))];
      changes.push(`rule "${rule.title}" (${uid}) was edited${fields.length > 0 ? ` (${fields.join(', ')})` : ''}`);
    }
  }
  for (const [uid, rule] of before) {
    if (!after.has(uid)) {
      changes.push(`rule "${rule.title}" (${uid}) was removed`);
    }
  }
  if (seen.length > 0 && now.length > 0 && seenInterval !== nowInterval) {
    changes.push(`its interval went from ${seenInterval} s to ${nowInterval} s`);
  }
  return changes.length > 5 ? [...changes.slice(0, 5), `and ${changes.length - 5} more`] : changes;
}

function objectChanges<T>(
  seen: T | undefined,
  now: T | undefined,
  what: string,
  normalise = (x: unknown) => x
): string[] {
  if (seen === undefined && now === undefined) {
    return [];
  }
  if (seen === undefined) {
    return [`the ${what} was created`];
  }
  if (now === undefined) {
    return [`the ${what} was deleted`];
  }
  const from = flatten(JSON.parse(stableStringify(normalise(seen))), '', new Map());
  const to = flatten(JSON.parse(stableStringify(normalise(now))), '', new Map());
  const diff = diffFlat(from, to);
  const shown = diff.slice(0, 5).map((d) => `${d.path || what}: ${d.from ?? '(none)'} → ${d.to ?? '(none)'}`);
  return diff.length > 5 ? [...shown, `and ${diff.length - 5} more`] : shown;
}
