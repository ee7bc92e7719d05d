import { isGrafanaApiError } from '../grafana-api/errors';
import type { GrafanaApi } from '../grafana-api/types';
import type { DesiredState } from './desired-state';
import { ApplyError, PlanBlockedError, type AppliedStep } from './errors';
import { appSettingsBody } from './extras';
import { assertUnchanged, recordOwnWrite } from './guard';
import { writeNotification } from './notifications';
import { isPlan, plan, planFrom, planInternals, writeSteps, type Plan, type WriteStep } from './plan';

/*
 * apply(api, plan): writes what the plan shows, in order: the folder, a contact point that is new
 * or renamed and mute timings that are new (a rule may route to them), each changed rule group (one
 * PUT of the whole group, or the deletion of its rules), the contact point and mute timings that
 * change otherwise, the policy tree, then dashboards and app settings. Right before each write it reads that object
 * again and refuses if it is no longer what the plan saw (guard.ts), so another admin's change is
 * never overwritten unseen. Idempotent: with nothing changed it writes nothing.
 *
 * Given a desired state instead of a plan, it plans first (scripts, tests, and re-runs after a
 * failure, where the admin asks for a new plan anyway).
 */

export interface ApplyProgress {
  /** 1-based. */
  step: number;
  total: number;
  label: string;
  status: 'running' | 'done';
}

export interface ApplyOptions {
  /**
   * uids of user-changed rules (see Plan) to replace with the plugin's version; others are kept as
   * they are. When they differ from the plan's, the plan is decided again from what it read.
   */
  overwriteUserChanged?: readonly string[];
  onProgress?: (progress: ApplyProgress) => void;
}

export interface ApplySummary {
  /** `not-needed`: it does not exist and no rule group was written into it (see Plan). */
  folder: 'created' | 'exists' | 'not-needed';
  groupsWritten: string[];
  groupsDeleted: string[];
  rulesCreated: number;
  rulesUpdated: number;
  rulesDeleted: number;
  /** User-changed rules left as the user made them. */
  userChangedKept: string[];
  userChangedOverwritten: string[];
  notificationObjectsWritten: string[];
  dashboardsImported: string[];
  appSettingsSaved: boolean;
}

export interface ApplyResult {
  /** Write requests made. */
  writes: number;
  steps: AppliedStep[];
  summary: ApplySummary;
  /** The plan that was applied. */
  plan: Plan;
}

export async function apply(
  api: GrafanaApi,
  input: DesiredState | Plan,
  options: ApplyOptions = {}
): Promise<ApplyResult> {
  const chosen = await planToApply(api, input, options);
  if (chosen.blockers.length > 0) {
    throw new PlanBlockedError(chosen.blockers);
  }
  const steps = writeSteps(chosen);
  const done: AppliedStep[] = [];
  let writes = 0;
  for (const [index, step] of steps.entries()) {
    const number = index + 1;
    options.onProgress?.({ step: number, total: steps.length, label: step.label, status: 'running' });
    try {
      const skip = await assertUnchanged(api, chosen, step);
      if (!skip) {
        writes += await runStep(api, chosen, step);
        recordOwnWrite(chosen, step);
      }
    } catch (err) {
      throw new ApplyError(number, steps.length, step.label, done, err);
    }
    done.push({ step: number, label: step.label });
    options.onProgress?.({ step: number, total: steps.length, label: step.label, status: 'done' });
  }
  return { writes, steps: done, summary: summarise(chosen, steps), plan: chosen };
}

async function planToApply(api: GrafanaApi, input: DesiredState | Plan, options: ApplyOptions): Promise<Plan> {
  if (!isPlan(input)) {
    return plan(api, input, { overwriteUserChanged: options.overwriteUserChanged });
  }
  const internals = planInternals(input);
  const ticked = options.overwriteUserChanged;
  const planned = internals.options.overwriteUserChanged ?? [];
  if (ticked === undefined || sameSet(ticked, planned)) {
    return input;
  }
  // New ticks: decided again from what the plan read, so the guard still compares with what the admin saw.
  return planFrom(internals.desired, internals.world, { ...internals.options, overwriteUserChanged: ticked });
}

/** Performs one step; answers how many write requests it made. */
async function runStep(api: GrafanaApi, p: Plan, step: WriteStep): Promise<number> {
  const internals = planInternals(p);
  const { desired, world } = internals;
  const provenance = { disableProvenance: desired.provenance === 'none' };
  switch (step.kind) {
    case 'folder':
      try {
        await api.createFolder({ uid: desired.folder.uid, title: desired.folder.title });
      } catch (err) {
        // 409 (11.x, main) or 412 (12.x) for a uid that exists: created meanwhile, or an earlier
        // answer lost on the way back. Fine if it is there now.
        if (isGrafanaApiError(err) && err.kind === 'conflict' && (await api.getFolder(desired.folder.uid))) {
          return 1;
        }
        throw err;
      }
      return 1;
    case 'group': {
      const body = internals.groupBodies.get(step.group)!;
      await api.putRuleGroup(
        { title: step.group, folderUid: desired.folder.uid, interval: body.interval, rules: body.rules },
        provenance
      );
      return 1;
    }
    case 'group-delete': {
      // A group PUT with no rules is read by Grafana as "no list given" and changes nothing, so
      // the rules are deleted: by the group endpoint where this version has it, else one by one.
      if (world.capabilities.ruleGroupDelete) {
        await api.deleteRuleGroup(desired.folder.uid, step.group, provenance);
        return 1;
      }
      const rules = world.groups.get(step.group)?.rules ?? [];
      for (const rule of rules) {
        await api.deleteAlertRule(rule.uid, provenance);
      }
      return rules.length;
    }
    case 'notification': {
      const want = desired.notifications?.contactPoint;
      await writeNotification(
        api,
        internals.notificationPlan!.writes[step.index],
        want ? { want, have: internals.ourContactPoint } : undefined,
        provenance.disableProvenance
      );
      return 1;
    }
    case 'dashboard':
      await api.importPluginDashboard(desired.dashboards!.pluginId, step.path);
      return 1;
    case 'app-settings': {
      const settings = desired.appSettings!;
      await api.postPluginSettings(settings.pluginId, appSettingsBody(settings, world.pluginSettings!));
      return 1;
    }
  }
}

function summarise(p: Plan, steps: WriteStep[]): ApplySummary {
  const groupSteps = steps.filter((s) => s.kind === 'group' || s.kind === 'group-delete') as Array<{ group: string }>;
  const written = new Set(groupSteps.map((s) => s.group));
  const rules = p.groups.filter((g) => written.has(g.name)).flatMap((g) => g.rules);
  const allRules = p.groups.flatMap((g) => g.rules);
  return {
    folder: steps.some((s) => s.kind === 'folder') ? 'created' : p.folder.action === 'exists' ? 'exists' : 'not-needed',
    groupsWritten: steps.filter((s) => s.kind === 'group').map((s) => (s as { group: string }).group),
    groupsDeleted: steps.filter((s) => s.kind === 'group-delete').map((s) => (s as { group: string }).group),
    rulesCreated: rules.filter((r) => r.action === 'create').length,
    rulesUpdated: rules.filter((r) => r.action === 'update' || (r.action === 'user-changed' && r.overwrite)).length,
    rulesDeleted: rules.filter((r) => r.action === 'obsolete' && (!r.userChanged || r.overwrite)).length,
    userChangedKept: allRules.filter((r) => r.userChanged && !r.overwrite).map((r) => r.uid),
    userChangedOverwritten: allRules.filter((r) => r.userChanged && r.overwrite).map((r) => r.uid),
    notificationObjectsWritten: steps.filter((s) => s.kind === 'notification').map((s) => s.label),
    dashboardsImported: steps.filter((s) => s.kind === 'dashboard').map((s) => (s as { path: string }).path),
    appSettingsSaved: steps.some((s) => s.kind === 'app-settings'),
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const setA = new Set(a);
  return setA.size === new Set(b).size && b.every((x) => setA.has(x));
}
