import type { GrafanaApi } from '../grafana-api';
import { isGrafanaApiError } from '../grafana-api/errors';
import type { ContactPoint, NotificationRoute, ProvisionedAlertRule, ReceiverStatus } from '../grafana-api/types';
import { walkRoutes } from './notifications';

/** What else names receivers: the contact point list and the rules, read anyway; the tree, read only if needed. */
export interface ReceiverEvidence {
  /** The provisioning contact point list, unfiltered. */
  listed: ContactPoint[];
  rules: ProvisionedAlertRule[];
  /** Read only where Grafana's receiver list cannot be (403, 404, 409). */
  policyTree: () => Promise<NotificationRoute | undefined>;
}

/**
 * The receivers that exist, by the name rules (notification_settings) and policies send to.
 *
 * `GET /api/alertmanager/grafana/config/api/v1/receivers` (`AlertmanagerSrv.RouteGetReceivers`,
 * api_alertmanager.go) answers one entry per receiver under the receiver's own name, a receiver
 * with no integration included (grafana/alerting `ApplyConfig`/`GetReceivers`). It is in every
 * version the plugin supports (11.6 → main) and needs `alert.notifications:read` — a Viewer's — or,
 * from 11.x late on, `alert.notifications.receivers:read` or `…receivers.secrets:read`
 * (authorization.go). It does not take the provisioning reads, so a service account holding only
 * `alert.provisioning:read` gets 403; an org whose Alertmanager does not exist yet gets 404, one not
 * ready yet 409. It lists the configuration the Alertmanager *runs*, which provisioning writes
 * reach only at its next sync (`alertmanager_config_poll_interval`, 60 s by default; they only
 * store it: legacy_storage `AMConfigStore`), so a receiver written through the API in the last
 * minute is missing and one deleted is still there. Grafana checks a write against the *stored*
 * configuration, so a receiver deleted a moment ago, if offered, is refused part-way through an
 * apply (400 "receiver … does not exist"). Both lags are read against the contact point list, which
 * is stored: a name it shows that the receiver list lacks is confirmed by name, and a listed receiver
 * with integrations of which the contact point list shows none under its name is asked by name too
 * (gone if that finds nothing). A receiver with no integration is taken as listed, as nothing the
 * provisioning API reads can confirm it: written through the Alertmanager configuration API it is
 * applied at once (`SaveAndApplyConfig`), but the app-platform receivers API of 12.x and main only
 * stores (`ReceiverService.CreateReceiver`/`DeleteReceiver` → `cfgStore.Save`), so an empty receiver
 * deleted there in the last minute is still offered. A rule's receiver exists. Where every
 * integration is named after its receiver (what the provisioning API writes) that is one request; the
 * default receiver costs two more, one for the name of its integration ("email receiver") and one for
 * its own name, which no integration carries.
 *
 * Fallback, for those three answers: the contact point list does not name receivers: it answers
 * one entry per integration under the integration's own name (GetContactPoints →
 * GrafanaIntegrationConfigToEmbeddedContactPoint, `Name: r.Name`, contactpoints.go 11.x–main), and
 * Grafana's default receiver `grafana-default-email` holds one integration named "email receiver"
 * (the default configuration in setting_unified_alerting.go). Offered "email receiver", a user's
 * route or rule is refused. Three sources do name receivers: the list's `name` filter, which
 * matches receiver names (GetReceivers `Names`), so a listed name it does not find is only an
 * integration's; the policy tree, which Grafana validates, so every receiver it sends to exists;
 * and the rules' notification_settings, since Grafana checks a rule's receiver when it is saved
 * and refuses to delete a receiver a rule uses (`used-by-rule`). A receiver with no integration of
 * its own name that nothing sends to (an empty "blackhole", the default receiver once the root
 * policy moved off it) stays unknown on that path.
 */
export async function existingReceivers(api: GrafanaApi, evidence: ReceiverEvidence): Promise<string[]> {
  const listedNames = new Set(evidence.listed.map((cp) => cp.name));
  const running = await receiverList(api);
  // A running receiver with integrations, none of them listed under its name, may be one deleted since the last sync.
  const trusted = (r: ReceiverStatus) => (r.integrations ?? []).length === 0 || listedNames.has(r.name);
  const known = new Set([
    ...(running ? running.filter(trusted).map((r) => r.name) : routesOf(await evidence.policyTree())),
    ...rulesOf(evidence.rules),
  ]);
  const unconfirmed = [...listedNames, ...(running ?? []).filter((r) => !trusted(r)).map((r) => r.name)].filter(
    (name) => !known.has(name)
  );
  const confirmed = await Promise.all(
    [...new Set(unconfirmed)].map(async (name) => ((await api.listContactPoints(name)).length > 0 ? [name] : []))
  );
  return [...known, ...confirmed.flat()].sort((a, b) => a.localeCompare(b));
}

/** Grafana's receiver list, or undefined where this user or this Grafana cannot answer it (403, 404, 409). */
async function receiverList(api: GrafanaApi): Promise<ReceiverStatus[] | undefined> {
  try {
    return (await api.listReceiverStatuses()).filter((r) => typeof r.name === 'string');
  } catch (err) {
    if (isGrafanaApiError(err) && (err.status === 403 || err.status === 404 || err.status === 409)) {
      return undefined;
    }
    throw err;
  }
}

function routesOf(policyTree: NotificationRoute | undefined): string[] {
  const routed: string[] = [];
  if (policyTree) {
    walkRoutes(policyTree, (route) => {
      if (route.receiver) {
        routed.push(route.receiver);
      }
    });
  }
  return routed;
}

function rulesOf(rules: ProvisionedAlertRule[]): string[] {
  return rules.flatMap((rule) => {
    const receiver = (rule.notification_settings as { receiver?: unknown } | null | undefined)?.receiver;
    return typeof receiver === 'string' && receiver !== '' ? [receiver] : [];
  });
}
