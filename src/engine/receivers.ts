import type { GrafanaApi } from '../grafana-api';
import { isGrafanaApiError } from '../grafana-api/errors';
import type { ContactPoint, NotificationRoute, ProvisionedAlertRule } from '../grafana-api/types';
import { walkRoutes } from './notifications';

/** What names receivers when Grafana's receiver list cannot be read (see existingReceivers). */
export interface ReceiverEvidence {
  /** The provisioning contact point list, unfiltered. */
  listed: ContactPoint[];
  policyTree: NotificationRoute | undefined;
  rules: ProvisionedAlertRule[];
}

/**
 * The receivers that exist, by the name rules (notification_settings) and policies send to.
 *
 * One request gives them: `GET /api/alertmanager/grafana/config/api/v1/receivers`
 * (`AlertmanagerSrv.RouteGetReceivers`, api_alertmanager.go) answers one entry per receiver of the
 * applied configuration under the receiver's own name, a receiver with no integration included
 * (grafana/alerting `ApplyConfig`/`GetReceivers`). It is in every version the plugin supports
 * (11.6 → main) and needs `alert.notifications:read` — a Viewer's — or, from 11.x late on,
 * `alert.notifications.receivers:read` or `…receivers.secrets:read` (authorization.go). It does not
 * take the provisioning reads, so a service account holding only `alert.provisioning:read` gets 403;
 * an org whose Alertmanager does not exist yet gets 404, one not ready yet 409. For those three
 * answers the receivers are derived from `evidence` instead, read only then:
 *
 * The contact point list does not name them: it answers one entry per integration under the
 * integration's own name (GetContactPoints → GrafanaIntegrationConfigToEmbeddedContactPoint,
 * `Name: r.Name`, contactpoints.go 11.x–main), and Grafana's default receiver
 * `grafana-default-email` holds one integration named "email receiver" (the default configuration
 * in setting_unified_alerting.go). Offered "email receiver", a user's route or rule is refused.
 * Three sources do name receivers: the list's `name` filter, which matches receiver names
 * (GetReceivers `Names`), so a listed name it does not find is only an integration's; the policy
 * tree, which Grafana validates, so every receiver it sends to exists; and the rules'
 * notification_settings, since Grafana checks a rule's receiver when it is saved and refuses to
 * delete a receiver a rule uses (`used-by-rule`). A receiver with no integration of its own name
 * that nothing sends to (an empty "blackhole", the default receiver once the root policy moved off
 * it) stays unknown on that path.
 */
export async function existingReceivers(api: GrafanaApi, evidence: () => Promise<ReceiverEvidence>): Promise<string[]> {
  const listed = await receiverList(api);
  const names = listed ?? (await receiversFrom(api, await evidence()));
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}

/** The receiver list's names, or undefined where this user or this Grafana cannot answer it (403, 404, 409). */
async function receiverList(api: GrafanaApi): Promise<string[] | undefined> {
  try {
    return (await api.listReceiverStatuses()).map((r) => r.name).filter((name) => typeof name === 'string');
  } catch (err) {
    if (isGrafanaApiError(err) && (err.status === 403 || err.status === 404 || err.status === 409)) {
      return undefined;
    }
    throw err;
  }
}

async function receiversFrom(api: GrafanaApi, { listed, policyTree, rules }: ReceiverEvidence): Promise<string[]> {
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
  return [...routed, ...confirmed.flat()];
}
