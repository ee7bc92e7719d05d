import type { InventoryDataSourceOptions, InventorySecureJsonData } from './types';

/**
 * The secrets sent upstream: the routes' credentials and the custom header's value (Grafana adds the
 * header to every request of the datasource), each to every upstream the datasource names.
 */
export const SECRET_KEYS = ['basicAuthEncoded', 'bearerToken', 'httpHeaderValue1'] as const satisfies ReadonlyArray<
  keyof InventorySecureJsonData
>;
export type SecretKey = (typeof SECRET_KEYS)[number];

const URL_FIELDS = [
  ['prometheusUrl', 'Prometheus URL'],
  ['alertmanagerUrl', 'Alertmanager URL'],
  ['pushgatewayUrl', 'Pushgateway URL'],
] as const;

/** scheme://host:port of a URL (default ports made explicit by URL), or undefined when it is not one. */
export function urlOrigin(url: string | undefined): string | undefined {
  if (!url) {
    return undefined;
  }
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** A URL setting that now sends the credentials somewhere they were not stored for. */
export interface NewDestination {
  field: string;
  from?: string;
  to: string;
}

/**
 * The URL settings of `next` whose scheme, host or port is none of those `saved` named: the stored
 * credentials were entered for the saved hosts, so they must not follow to these.
 */
export function newDestinations(saved: InventoryDataSourceOptions, next: InventoryDataSourceOptions): NewDestination[] {
  const known = new Set(URL_FIELDS.map(([key]) => urlOrigin(saved[key])).filter(Boolean));
  return URL_FIELDS.flatMap(([key, field]) => {
    const to = urlOrigin(next[key]);
    return to && !known.has(to) ? [{ field, from: urlOrigin(saved[key]), to }] : [];
  });
}

/** The datasource settings the editor changes: jsonData and the secret fields. */
export interface CredentialSettings {
  jsonData: InventoryDataSourceOptions;
  secureJsonFields?: Record<string, boolean>;
  secureJsonData?: InventorySecureJsonData;
}

/**
 * Applies "credentials never follow a host change" to an edit: while any URL points at a host the
 * stored secrets were not entered for, every stored secret is marked for deletion on save
 * (`secureJsonData[key] = ''`), unless the admin typed a new one. `dropped` is what this guard
 * dropped before; when the URLs return to the saved hosts, those secrets are restored, untouched.
 */
export function guardCredentials<T extends CredentialSettings>(
  saved: CredentialSettings,
  next: T,
  dropped: readonly SecretKey[]
): { options: T; dropped: SecretKey[]; moved: NewDestination[] } {
  const moved = newDestinations(saved.jsonData, next.jsonData);
  const fields = { ...(next.secureJsonFields ?? {}) };
  const data = { ...(next.secureJsonData ?? {}) };
  const nowDropped: SecretKey[] = [];
  for (const key of SECRET_KEYS) {
    const typed = typeof data[key] === 'string' && data[key] !== '';
    if (moved.length > 0) {
      if (!typed && (fields[key] || dropped.includes(key))) {
        fields[key] = false;
        data[key] = '';
        nowDropped.push(key);
      }
    } else if (dropped.includes(key) && !typed && saved.secureJsonFields?.[key]) {
      fields[key] = true;
      delete data[key];
    }
  }
  const changed = nowDropped.length > 0 || dropped.length > 0;
  return {
    options: changed ? { ...next, secureJsonFields: fields, secureJsonData: data } : next,
    dropped: nowDropped,
    moved,
  };
}
