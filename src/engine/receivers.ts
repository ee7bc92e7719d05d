import type { GrafanaApi } from '../grafana-api';
import type { ContactPoint, NotificationRoute, ProvisionedAlertRule } from '../grafana-api/types';
import { walkRoutes } from './notifications';

/**
 * The receivers that exist, by the name rules (notification_settings) and policies send to.
 *
 * The contact point list does not give it: it answers one entry per integration under the
 * integration's own name (GetContactPoints → GrafanaIntegrationConfigToEmbeddedContactPoint,
 * `Name: r.Name`, contactpoints.go 11.x–main), and Grafana's default receiver
 * `grafana-default-email` holds one integration named "email receiver" (the default configuration
 * in setting_unified_alerting.go). Offered "email receiver", a user's route or rule is refused.
 * Three sources do name receivers: the list's `name` filter, which matches receiver names
 * (GetReceivers `Names`), so a listed name it does not find is only an integration's; the policy
 * tree, which Grafana validates, so every receiver it sends to exists (the root policy of a new
 * Grafana sends to `grafana-default-email`); and the rules' notification_settings, since Grafana
 * checks a rule's receiver when it is saved and refuses to delete a receiver a rule uses
 * (`used-by-rule`). The last two also find a receiver with no integration, which the list omits.
 */
export async function existingReceivers(
  api: GrafanaApi,
  listed: ContactPoint[],
  policyTree: NotificationRoute | undefined,
  rules: ProvisionedAlertRule[]
): Promise<string[]> {
  const routed = new Set<string>();
  if (policyTree) {
    walkRoutes(policyTree, (route) => {
      if (route.receiver) {
        routed.add(route.receiver);
      }
    });
  }
  for (const rule of rules) {
    const receiver = (rule.notification_settings as { receiver?: unknown } | null | undefined)?.receiver;
    if (typeof receiver === 'string' && receiver !== '') {
      routed.add(receiver);
    }
  }
  const unconfirmed = [...new Set(listed.map((cp) => cp.name))].filter((name) => !routed.has(name));
  const confirmed = await Promise.all(
    unconfirmed.map(async (name) => ((await api.listContactPoints(name)).length > 0 ? [name] : []))
  );
  return [...routed, ...confirmed.flat()].sort((a, b) => a.localeCompare(b));
}
