import type {
  ContactPoint,
  DataSourceInfo,
  Folder,
  GrafanaApi,
  MuteTiming,
  NotificationRoute,
  PluginDashboard,
  PluginSettings,
  ProvisionedAlertRule,
} from '../grafana-api/types';
import { existingReceivers } from './receivers';
import { capabilitiesOf, type GrafanaCapabilities } from './capabilities';
import type { DesiredState } from './desired-state';

/*
 * What Grafana holds, read once per plan. The plan is computed from it without further reads, and
 * apply compares each object with it right before writing that object: what the admin saw in the
 * plan is what apply may overwrite, nothing else.
 */

export interface GroupSnapshot {
  /** Seconds; undefined when the group does not exist. */
  interval?: number;
  /** The group's rules in Grafana's order. */
  rules: ProvisionedAlertRule[];
}

export interface World {
  capabilities: GrafanaCapabilities;
  folder: Folder | undefined;
  datasources: Map<string, DataSourceInfo | undefined>;
  /** Every rule of the organization. */
  rules: ProvisionedAlertRule[];
  /** Every group of the plugin's folder, by name. */
  groups: Map<string, GroupSnapshot>;
  contactPoints: ContactPoint[];
  /** The receivers that exist, by the names routes and rules send to (receivers.ts). */
  receivers: string[];
  muteTimings: MuteTiming[];
  /** Undefined when nothing planned sends notifications (the tree is then not read). */
  policyTree?: NotificationRoute;
  pluginSettings?: PluginSettings;
  pluginDashboards: PluginDashboard[];
}

export async function readWorld(api: GrafanaApi, desired: DesiredState): Promise<World> {
  // Rules first: an Editor's 403 on the provisioning API is the message to show, before any other read.
  const rules = await api.listAlertRules();
  const wantsNotifications = desired.notifications !== undefined;
  // A bundle's rule may route straight to a receiver (notification_settings): the plan checks that it exists.
  const routesRules = desired.groups.some((g) =>
    g.rules.some((r) => typeof r.notification_settings === 'object' && r.notification_settings !== null)
  );
  const readsReceivers = wantsNotifications || routesRules;
  const pluginId = desired.appSettings?.pluginId ?? desired.dashboards?.pluginId;
  const [buildInfo, folder, datasources, contactPoints, muteTimings, policyTree, pluginSettings, pluginDashboards] =
    await Promise.all([
      api.getBuildInfo(),
      api.getFolder(desired.folder.uid),
      Promise.all(desired.datasourceUids.map(async (uid) => [uid, await api.getDatasource(uid)] as const)),
      readsReceivers ? api.listContactPoints() : Promise.resolve([]),
      readsReceivers ? api.listMuteTimings() : Promise.resolve([]),
      readsReceivers ? api.getPolicyTree() : Promise.resolve(undefined),
      desired.appSettings ? api.getPluginSettings(desired.appSettings.pluginId) : Promise.resolve(undefined),
      desired.dashboards && pluginId ? api.listPluginDashboards(pluginId) : Promise.resolve([]),
    ]);
  const receivers = readsReceivers
    ? await existingReceivers(api, { listed: contactPoints, rules, policyTree: async () => policyTree })
    : [];
  // The rule list does not carry group intervals: read each of the folder's groups once, in parallel.
  const groups = new Map<string, GroupSnapshot>();
  const names = [...new Set(rules.filter((r) => r.folderUID === desired.folder.uid).map((r) => r.ruleGroup))];
  await Promise.all(
    names.map(async (name) => {
      const group = await api.getRuleGroup(desired.folder.uid, name);
      groups.set(name, {
        interval: group?.interval,
        rules: rules.filter((r) => r.folderUID === desired.folder.uid && r.ruleGroup === name),
      });
    })
  );
  return {
    capabilities: capabilitiesOf(buildInfo),
    folder,
    datasources: new Map(datasources),
    rules,
    groups,
    contactPoints,
    receivers,
    muteTimings,
    policyTree,
    pluginSettings,
    pluginDashboards,
  };
}
