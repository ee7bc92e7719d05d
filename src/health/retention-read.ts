/**
 * Reads each Prometheus server's retention flags (and external labels) through Grafana: see retention.ts
 * for why this route is allowed and how servers are matched.
 */
import { fetchOnce } from '../utils/fetchOnce';
import { fetchErrorMessage, fetchErrorStatus } from '../utils/fetchError';
import { externalLabelsOf, retentionFromFlags, type ServerRetention } from './retention';

export interface PrometheusDatasourceRef {
  uid: string;
  name: string;
}

const resource = (uid: string, path: string) =>
  `/api/datasources/uid/${encodeURIComponent(uid)}/resources/api/v1/status/${path}`;

/** Why the flags could not be read, in words that name the likely kind of server. */
function unreadableReason(error: unknown): string {
  const status = fetchErrorStatus(error);
  const message = fetchErrorMessage(error);
  // A store's own answer is plain text (Grafana hands it over as the error's data).
  const body = (error as { data?: unknown }).data;
  if (status === 404) {
    // grafana/mimir pkg/api/api.go registers no /api/v1/status/flags (nor does Cortex).
    return 'this server has no flags API (Mimir and Cortex have none)';
  }
  if (status === 400 && typeof body === 'string' && /unsupported path/.test(body)) {
    // VictoriaMetrics lib/httpserver answers unknown paths with 400 "unsupported path requested".
    return 'this server has no flags API (VictoriaMetrics answers “unsupported path”)';
  }
  if (status === 401 || status === 403) {
    return `not allowed to read them (${message})`;
  }
  return message;
}

/** Reads one datasource's retention flags and (for matching) its external labels. */
export async function readServerRetention(
  ds: PrometheusDatasourceRef,
  withExternalLabels: boolean
): Promise<ServerRetention> {
  const base = { datasourceUid: ds.uid, datasourceName: ds.name, externalLabels: {} };
  let flags: Record<string, string>;
  try {
    const answer = await fetchOnce<{ data?: Record<string, string> }>({
      url: resource(ds.uid, 'flags'),
      showErrorAlert: false,
    });
    flags = answer.data?.data ?? {};
  } catch (error) {
    return { ...base, unreadable: unreadableReason(error) };
  }
  const retention = retentionFromFlags(flags);
  const listenPort = /:([0-9]+)$/.exec(flags['web.listen-address'] ?? '')?.[1];
  const unreadable = retention
    ? undefined
    : 'its flags name no TSDB retention (a query layer such as Thanos Query, not a Prometheus)';
  if (!withExternalLabels || !retention) {
    return { ...base, listenPort, retention, unreadable };
  }
  try {
    const answer = await fetchOnce<{ data?: { yaml?: string } }>({
      url: resource(ds.uid, 'config'),
      showErrorAlert: false,
    });
    return { ...base, externalLabels: externalLabelsOf(answer.data?.data?.yaml ?? ''), listenPort, retention };
  } catch (error) {
    return {
      ...base,
      listenPort,
      retention,
      unreadable: `its external labels could not be read: ${unreadableReason(error)}`,
    };
  }
}

/**
 * The app's datasource and, when the store holds several servers, every other Prometheus datasource
 * (at most `limit`, read in parallel): each answers for its own server.
 */
export async function readRetentions(
  app: PrometheusDatasourceRef,
  others: readonly PrometheusDatasourceRef[],
  limit = 20
): Promise<ServerRetention[]> {
  return Promise.all([
    readServerRetention(app, false),
    ...others
      .filter((ds) => ds.uid !== app.uid)
      .slice(0, limit)
      .map((ds) => readServerRetention(ds, true)),
  ]);
}
