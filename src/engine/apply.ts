import { isGrafanaApiError } from '../grafana-api/errors';
import type { GrafanaApi } from '../grafana-api/types';
import type { DesiredState } from './desired-state';
import { ApplyError, PlanBlockedError, type AppliedStep } from './errors';
import { writeNotification } from './notifications';
import { isPlan, plan, planInternals, writeSteps, type Plan, type WriteStep } from './plan';

/*
 * apply(api, desired or plan): plans afresh (so a re-run after a failure writes only what is still
 * missing), refuses while the plan has blockers, then writes in order: the folder, one PUT of the
 * whole group per changed rule group, then the contact point, mute timings and the policy tree.
 * Idempotent: with nothing changed it writes nothing.
 */

export interface ApplyProgress {
  /** 1-based. */
  step: number;
  total: number;
  label: string;
  status: 'running' | 'done';
}

export interface ApplyOptions {
  /** uids of user-changed rules (see Plan) to replace with the plugin's version; others are kept as they are. */
  overwriteUserChanged?: readonly string[];
  onProgress?: (progress: ApplyProgress) => void;
}

export interface ApplySummary {
  folderCreated: boolean;
  groupsWritten: string[];
  rulesCreated: number;
  rulesUpdated: number;
  rulesDeleted: number;
  /** User-changed rules left as the user made them. */
  userChangedKept: string[];
  userChangedOverwritten: string[];
  notificationObjectsWritten: string[];
}

export interface ApplyResult {
  /** Write requests made. */
  writes: number;
  steps: AppliedStep[];
  summary: ApplySummary;
  /** The plan that was applied (made at the start of apply). */
  plan: Plan;
}

export async function apply(
  api: GrafanaApi,
  input: DesiredState | Plan,
  options: ApplyOptions = {}
): Promise<ApplyResult> {
  const desired = isPlan(input) ? planInternals(input).desired : input;
  const fresh = await plan(api, desired, { overwriteUserChanged: options.overwriteUserChanged });
  if (fresh.blockers.length > 0) {
    throw new PlanBlockedError(fresh.blockers);
  }
  const steps = writeSteps(fresh);
  const done: AppliedStep[] = [];
  for (const [index, step] of steps.entries()) {
    const number = index + 1;
    options.onProgress?.({ step: number, total: steps.length, label: step.label, status: 'running' });
    try {
      await runStep(api, fresh, step);
    } catch (err) {
      throw new ApplyError(number, steps.length, step.label, done, err);
    }
    done.push({ step: number, label: step.label });
    options.onProgress?.({ step: number, total: steps.length, label: step.label, status: 'done' });
  }
  return { writes: steps.length, steps: done, summary: summarise(fresh, steps), plan: fresh };
}

async function runStep(api: GrafanaApi, p: Plan, step: WriteStep): Promise<void> {
  const internals = planInternals(p);
  const { desired } = internals;
  const disableProvenance = desired.provenance === 'none';
  switch (step.kind) {
    case 'folder':
      try {
        await api.createFolder({ uid: desired.folder.uid, title: desired.folder.title });
      } catch (err) {
        // 409: it exists already (a concurrent apply, or an earlier answer lost on the way back). Fine if it is ours.
        if (isGrafanaApiError(err) && err.kind === 'conflict' && (await api.getFolder(desired.folder.uid))) {
          return;
        }
        throw err;
      }
      return;
    case 'group': {
      const body = internals.groupBodies.get(step.group)!;
      await api.putRuleGroup(
        { title: step.group, folderUid: desired.folder.uid, interval: body.interval, rules: body.rules },
        { disableProvenance }
      );
      return;
    }
    case 'notification': {
      const want = desired.notifications?.contactPoint;
      await writeNotification(
        api,
        internals.notificationPlan!.writes[step.index],
        want ? { want, have: internals.ourContactPoint } : undefined,
        disableProvenance
      );
      return;
    }
  }
}

function summarise(p: Plan, steps: WriteStep[]): ApplySummary {
  const written = new Set(steps.filter((s) => s.kind === 'group').map((s) => (s as { group: string }).group));
  const rules = p.groups.filter((g) => written.has(g.name)).flatMap((g) => g.rules);
  const allRules = p.groups.flatMap((g) => g.rules);
  return {
    folderCreated: steps.some((s) => s.kind === 'folder'),
    groupsWritten: [...written],
    rulesCreated: rules.filter((r) => r.action === 'create').length,
    rulesUpdated: rules.filter((r) => r.action === 'update' || (r.action === 'user-changed' && r.overwrite)).length,
    rulesDeleted: rules.filter((r) => r.action === 'obsolete' && (!r.userChanged || r.overwrite)).length,
    userChangedKept: allRules.filter((r) => r.userChanged && !r.overwrite).map((r) => r.uid),
    userChangedOverwritten: allRules.filter((r) => r.userChanged && r.overwrite).map((r) => r.uid),
    notificationObjectsWritten: steps.filter((s) => s.kind === 'notification').map((s) => s.label),
  };
}
