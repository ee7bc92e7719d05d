import { credentialKeys } from '../alerting/contact-points';
import { FSM_FOLDER_UID, FSM_RULE_UID_PREFIX } from '../engine/desired-state';
import {
  FSM_CONTACT_POINT_UID,
  isManagedRoute,
  MANAGED_LABEL,
  MANAGED_LABEL_VALUE,
  walkRoutes,
} from '../engine/notifications';
import { payloadOf } from '../engine/plan';
import { summariseProvenance } from '../engine/provenance';
import type { AlertRulePayload, NotificationRoute, ProvisionedAlertRule } from '../grafana-api/types';
import type { GrafanaApi } from '../grafana-api';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleChecksum,
  type BackupBundle,
  type BundleContactPoint,
  type BundleContent,
  type BundleRuleGroup,
} from './format';

/*
 * exportBundle(api): reads everything the plugin created in the current organization and returns
 * one checksummed bundle. Read-only. Secrets never enter it: what Grafana returns as [REDACTED], and
 * every other setting that can carry a credential (credentialKeys: a Teams URL, a webhook URL with
 * a token), are left out, and the bundle lists their keys so the restore page can ask for them.
 */

export interface ExportOptions {
  pluginId: string;
  pluginVersion: string;
  now?: () => Date;
}

export const SECRETS_NOTE =
  'Secrets are not in this bundle: contact point secrets (webhook URLs, tokens, keys) were left out and must be entered again when restoring. Each contact point lists them under "secretKeys".';
export const DASHBOARDS_NOTE =
  "Dashboards are recorded by path and revision, not copied: restore re-imports them from the installed plugin. Changes saved over the plugin's dashboards are lost on every plugin update too; keep such changes as copies (Save as), which are not part of this bundle.";

export async function exportBundle(api: GrafanaApi, options: ExportOptions): Promise<BackupBundle> {
  // Rules first: an Editor's 403 on the provisioning API is the message to show.
  const rules = await api.listAlertRules();
  const [org, folder, contactPoints, muteTimings, policyTree, settings, dashboards] = await Promise.all([
    api.getCurrentOrg(),
    api.getFolder(FSM_FOLDER_UID),
    api.listContactPoints(),
    api.listMuteTimings(),
    api.getPolicyTree(),
    api.getPluginSettings(options.pluginId),
    api.listPluginDashboards(options.pluginId),
  ]);
  const notes: string[] = [];

  const ours = rules.filter(isPluginRule);
  for (const r of rules) {
    if (!isPluginRule(r) && r.labels?.[MANAGED_LABEL] === MANAGED_LABEL_VALUE) {
      notes.push(
        `Rule "${r.title}" (uid ${r.uid}) carries ${MANAGED_LABEL}="true" but is in ${r.folderUID}/${r.ruleGroup}, outside the plugin's folder, or was not created by the plugin: not exported.`
      );
    }
  }
  const ruleGroups: BundleRuleGroup[] = [];
  for (const name of [...new Set(ours.map((r) => r.ruleGroup))].sort()) {
    // The group read gives the interval and Grafana's rule order.
    const group = await api.getRuleGroup(FSM_FOLDER_UID, name);
    const inGroup = group?.rules ?? ours.filter((r) => r.ruleGroup === name);
    for (const r of inGroup.filter((x) => !isPluginRule(x))) {
      notes.push(`Rule "${r.title}" (uid ${r.uid}) in the plugin's group ${name} is not the plugin's: not exported.`);
    }
    ruleGroups.push({
      title: name,
      folderUid: FSM_FOLDER_UID,
      interval: group?.interval ?? 60,
      rules: inGroup.filter(isPluginRule).map(bundleRule),
    });
  }

  const managed = (policyTree.routes ?? []).find(isManagedRoute);
  const policy = managed ? withoutProvenance(managed) : null;
  const muteNames = new Set<string>();
  if (managed) {
    walkRoutes(managed, (route) =>
      [...(route.mute_time_intervals ?? []), ...(route.active_time_intervals ?? [])].forEach((n) => muteNames.add(n))
    );
  }
  const ourMuteTimings = muteTimings.filter((m) => muteNames.has(m.name));
  for (const name of muteNames) {
    if (!ourMuteTimings.some((m) => m.name === name)) {
      notes.push(`The plugin's route refers to the mute timing "${name}", which does not exist: not exported.`);
    }
  }

  const ourContactPoints = contactPoints.filter((cp) => cp.uid === FSM_CONTACT_POINT_UID);
  const bundleContactPoints: BundleContactPoint[] = ourContactPoints.map((cp) => {
    // Not only what Grafana redacts: a Teams URL comes back in clear, and a webhook URL can carry a token.
    const secretKeys = credentialKeys(cp.type, cp.settings ?? {});
    const visible = Object.fromEntries(Object.entries(cp.settings ?? {}).filter(([k]) => !secretKeys.includes(k)));
    return {
      uid: cp.uid!,
      name: cp.name,
      type: cp.type,
      settings: visible,
      disableResolveMessage: cp.disableResolveMessage === true,
      secretKeys,
    };
  });
  if (policy?.receiver && !ourContactPoints.some((cp) => cp.name === policy.receiver)) {
    notes.push(
      `The plugin's route sends to the contact point "${policy.receiver}", which the plugin did not create: it is not in this bundle and must exist where you restore.`
    );
  }
  if (bundleContactPoints.some((cp) => cp.secretKeys.length > 0)) {
    notes.unshift(SECRETS_NOTE);
  }
  const secureKeys = Object.keys(settings?.secureJsonFields ?? {}).filter((k) => settings?.secureJsonFields?.[k]);
  if (secureKeys.length > 0) {
    notes.push(
      `The app's secret settings (${secureKeys.join(', ')}) are not exported: enter them on the configuration page after restoring.`
    );
  }
  const imported = dashboards.filter((d) => d.imported);
  if (imported.length > 0) {
    notes.push(DASHBOARDS_NOTE);
  }

  const content: BundleContent = {
    folder: folder ? { uid: folder.uid, title: folder.title } : null,
    provenance: summariseProvenance([
      ...ours.map((r) => r.provenance),
      ...ourContactPoints.map((cp) => cp.provenance),
      ...ourMuteTimings.map((m) => m.provenance),
    ]),
    ruleGroups,
    contactPoints: bundleContactPoints,
    policy,
    muteTimings: ourMuteTimings.map((m) => ({ name: m.name, time_intervals: m.time_intervals ?? [] })),
    dashboards: imported
      .map((d) => ({ uid: d.uid, title: d.title, path: d.path, revision: d.importedRevision }))
      .sort((a, b) => a.path.localeCompare(b.path)),
    appSettings: { jsonData: { ...(settings?.jsonData ?? {}) } },
  };
  const unsigned = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    plugin: { id: options.pluginId, version: options.pluginVersion },
    org,
    createdAt: (options.now ?? (() => new Date()))().toISOString(),
    notes,
    content,
  };
  // Round-trip through JSON so the checksum covers exactly what the file will hold (no undefined fields).
  const plain = JSON.parse(JSON.stringify(unsigned)) as Omit<BackupBundle, 'checksum'>;
  return { ...plain, checksum: bundleChecksum(plain) };
}

/** The engine's notion of "the plugin's rule": in its folder, with its uid prefix. */
export function isPluginRule(rule: Pick<ProvisionedAlertRule, 'uid' | 'folderUID'>): boolean {
  return rule.folderUID === FSM_FOLDER_UID && rule.uid.startsWith(FSM_RULE_UID_PREFIX);
}

function bundleRule(rule: ProvisionedAlertRule): AlertRulePayload {
  // orgID belongs to the source organization; Grafana sets it on write.
  const { orgID: _org, ...payload } = payloadOf(rule) as AlertRulePayload & { orgID?: number };
  return payload as AlertRulePayload;
}

function withoutProvenance(route: NotificationRoute): NotificationRoute {
  const { provenance: _p, ...rest } = route;
  return JSON.parse(JSON.stringify(rest)) as NotificationRoute;
}
