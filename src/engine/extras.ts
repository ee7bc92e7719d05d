import type { PluginDashboard, PluginSettings } from '../grafana-api/types';
import type { DesiredAppSettings, DesiredDashboards } from './desired-state';
import type { PlanBlocker } from './errors';
import { diffFlat, flatten, type FieldChange } from './hash';

/*
 * The two writes besides alert objects: the app's bundled dashboards (imported again from the
 * installed plugin where Grafana no longer has them; never deleted) and keys of the app's
 * jsonData (Grafana replaces jsonData whole on save, so the body spreads what it holds).
 */

export interface DashboardPlan {
  uid: string;
  title: string;
  path: string;
  action: 'import' | 'unchanged' | 'unavailable';
  reason: string;
}

export interface AppSettingsPlan {
  action: 'update' | 'unchanged';
  reason: string;
  diff: FieldChange[];
}

export function planDashboards(desired: DesiredDashboards, installed: PluginDashboard[]): DashboardPlan[] {
  return desired.dashboards.map((d) => {
    const here = installed.find((i) => i.path === d.path) ?? installed.find((i) => i.uid === d.uid);
    const base = { uid: d.uid, title: d.title, path: d.path };
    if (!here || here.removed) {
      return {
        ...base,
        action: 'unavailable',
        reason: `The installed plugin does not ship ${d.path}, so it cannot be imported again.`,
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
      reason: `Imports it from the installed plugin (revision ${here.revision}${here.revision === d.revision ? '' : `; the bundle recorded ${d.revision}`}).`,
    };
  });
}

/** The body apply posts: what Grafana holds, with the desired keys set. */
export function appSettingsBody(
  desired: DesiredAppSettings,
  settings: PluginSettings
): { enabled: boolean; pinned: boolean; jsonData: Record<string, unknown> } {
  return {
    enabled: settings.enabled,
    pinned: settings.pinned,
    jsonData: { ...(settings.jsonData ?? {}), ...desired.jsonData },
  };
}

export function planAppSettings(
  desired: DesiredAppSettings,
  settings: PluginSettings | undefined,
  required: boolean
): { plan: AppSettingsPlan; blocker?: PlanBlocker } {
  if (!settings) {
    // Grafana answers 404 only for a plugin it does not know (GetPluginSettingByID, pkg/api/plugins.go):
    // a restore of app settings cannot go on; Setup's choices are only not remembered.
    return {
      plan: {
        action: 'unchanged',
        reason: `The app is not installed in this organization, so ${desired.what} cannot be saved.`,
        diff: [],
      },
      blocker: required
        ? {
            kind: 'app-not-installed',
            message:
              'Grafana does not know the app in this organization (its settings answered 404). Enable the app, then plan again.',
          }
        : undefined,
    };
  }
  const current = settings.jsonData ?? {};
  const diff = diffFlat(
    flatten(current, 'jsonData', new Map()),
    flatten(appSettingsBody(desired, settings).jsonData, 'jsonData', new Map())
  );
  // The settings a user knows by name (`clusterLabel`, `setup`), not every leaf of them.
  const keys = [...new Set(diff.map((d) => d.path.replace(/^jsonData\./, '').split('.')[0]))];
  return {
    plan: {
      action: diff.length > 0 ? 'update' : 'unchanged',
      reason:
        diff.length > 0
          ? `Saves ${desired.what} (${keys.join(', ')}); other settings are kept.`
          : `${desired.what[0].toUpperCase()}${desired.what.slice(1)} already saved.`,
      diff,
    },
  };
}
