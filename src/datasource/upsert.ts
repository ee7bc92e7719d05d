import { fetchOnce } from '../utils/fetchOnce';
import { fetchErrorMessage, fetchErrorStatus } from '../utils/fetchError';
import { newDestinations, SECRET_KEYS } from './credentials';
import {
  INVENTORY_DATASOURCE_NAME,
  INVENTORY_DATASOURCE_TYPE,
  INVENTORY_DATASOURCE_UID,
  type AuthMode,
  type InventoryDataSourceOptions,
} from './types';

/** The parts of GET /api/datasources/uid/{uid} this reads. */
export interface DatasourceDto {
  uid: string;
  name: string;
  type: string;
  access?: string;
  url?: string;
  basicAuth?: boolean;
  basicAuthUser?: string;
  readOnly?: boolean;
  jsonData?: Record<string, unknown>;
  secureJsonFields?: Record<string, boolean>;
  [key: string]: unknown;
}

export interface UpsertResult {
  action: 'created' | 'updated' | 'unchanged';
  /** Set when the app could not copy a secret (Grafana never returns them): what the admin must enter. */
  credentialsNeeded?: string;
  /** Set when stored secrets were deleted because Prometheus moved to another host: why. */
  credentialsDropped?: string;
  editUrl: string;
}

export const INVENTORY_EDIT_URL = `/connections/datasources/edit/${INVENTORY_DATASOURCE_UID}`;

/**
 * The inventory settings that mirror a Prometheus datasource: its URL and auth mode. Secrets cannot
 * be copied (Grafana never hands them out), so a Prometheus with credentials yields the mode and
 * user and the admin enters the password or token once.
 */
export function inventoryJsonDataFor(prometheus: DatasourceDto): InventoryDataSourceOptions {
  const headerIsAuthorization = Object.entries(prometheus.jsonData ?? {}).some(
    ([key, value]) => /^httpHeaderName\d+$/.test(key) && String(value).toLowerCase() === 'authorization'
  );
  const authMode: AuthMode = prometheus.basicAuth ? 'basic' : headerIsAuthorization ? 'bearer' : 'none';
  return {
    // The routes append /api/v1/… themselves; a trailing "/" would make "//api/v1/…".
    prometheusUrl: (prometheus.url ?? '').replace(/\/+$/, ''),
    authMode,
    ...(authMode === 'basic' ? { basicAuthUser: prometheus.basicAuthUser ?? '' } : {}),
  };
}

const SECRET_FOR: Record<AuthMode, string | undefined> = {
  none: undefined,
  basic: 'basicAuthEncoded',
  bearer: 'bearerToken',
};

/**
 * Creates or updates the app's inventory datasource (fixed uid `fsm-inventory`) from the app's
 * Prometheus datasource: GET it by uid, then PUT (keeping its other settings and stored secrets)
 * or POST. Writes nothing when it already matches. Throws with a message that says what to do.
 */
export async function upsertInventoryDatasource(prometheusUid: string): Promise<UpsertResult> {
  const prometheus = await getDatasource(prometheusUid);
  if (!prometheus) {
    throw new Error(
      `The app's Prometheus datasource (uid "${prometheusUid}") no longer exists. Choose another one above and save.`
    );
  }
  if (!prometheus.url) {
    throw new Error(
      `The Prometheus datasource "${prometheus.name}" has no URL, so there is nothing to point the inventory at.`
    );
  }
  const wanted = inventoryJsonDataFor(prometheus);
  const existing = await getDatasource(INVENTORY_DATASOURCE_UID);
  const secret = SECRET_FOR[wanted.authMode ?? 'none'];

  if (!existing) {
    await write('POST', '/api/datasources', {
      uid: INVENTORY_DATASOURCE_UID,
      name: INVENTORY_DATASOURCE_NAME,
      type: INVENTORY_DATASOURCE_TYPE,
      access: 'proxy',
      jsonData: wanted,
    });
    return {
      action: 'created',
      credentialsNeeded: secret ? describeSecret(wanted) : undefined,
      editUrl: INVENTORY_EDIT_URL,
    };
  }

  if (existing.type !== INVENTORY_DATASOURCE_TYPE) {
    throw new Error(
      `The uid "${INVENTORY_DATASOURCE_UID}" belongs to the ${existing.type} datasource "${existing.name}". Delete or re-create that datasource with another uid, then try again.`
    );
  }
  if (existing.readOnly) {
    throw new Error(
      `"${existing.name}" is provisioned from a file, so Grafana will not change it here. Edit its provisioning file (prometheusUrl, authMode) instead.`
    );
  }
  const current = (existing.jsonData ?? {}) as InventoryDataSourceOptions;
  const userChanged = wanted.authMode === 'basic' && current.basicAuthUser !== wanted.basicAuthUser;
  const secretMissing = Boolean(secret) && (!existing.secureJsonFields?.[secret!] || userChanged);
  const same =
    current.prometheusUrl === wanted.prometheusUrl &&
    (current.authMode ?? 'none') === wanted.authMode &&
    (wanted.authMode !== 'basic' || current.basicAuthUser === wanted.basicAuthUser);
  if (same) {
    return {
      action: 'unchanged',
      credentialsNeeded: secretMissing ? describeSecret(wanted) : undefined,
      editUrl: INVENTORY_EDIT_URL,
    };
  }
  const jsonData = { ...current, ...wanted };
  // Credentials never follow a change of host: secrets stored for the old Prometheus are deleted
  // ("" deletes a secure field), not sent to the new one; the admin enters them for the new host.
  const moved = newDestinations(current, jsonData);
  const stored = SECRET_KEYS.filter((key) => existing.secureJsonFields?.[key]);
  const dropSecrets = moved.length > 0 && stored.length > 0;
  // The whole object goes back (PUT replaces it); without secureJsonData, stored secrets are kept.
  const { secureJsonFields: _omit, secureJsonData: _none, ...rest } = existing;
  await write('PUT', `/api/datasources/uid/${INVENTORY_DATASOURCE_UID}`, {
    ...rest,
    access: 'proxy',
    jsonData,
    ...(dropSecrets ? { secureJsonData: Object.fromEntries(stored.map((key) => [key, ''])) } : {}),
  });
  return {
    action: 'updated',
    credentialsNeeded: secret && (secretMissing || dropSecrets) ? describeSecret(wanted) : undefined,
    credentialsDropped: dropSecrets
      ? `The stored credentials were deleted rather than sent to ${moved.map((m) => m.to).join(', ')}: they were entered for ${urlsOf(current)}, and credentials never follow a change of host.`
      : undefined,
    editUrl: INVENTORY_EDIT_URL,
  };
}

function urlsOf(jsonData: InventoryDataSourceOptions): string {
  return [jsonData.prometheusUrl, jsonData.alertmanagerUrl, jsonData.pushgatewayUrl].filter(Boolean).join(', ');
}

function describeSecret(jsonData: InventoryDataSourceOptions): string {
  return jsonData.authMode === 'basic'
    ? `the password of "${jsonData.basicAuthUser}" (Prometheus uses basic auth, and Grafana never reveals stored passwords)`
    : 'the bearer token (Prometheus sends an Authorization header, and Grafana never reveals stored secrets)';
}

async function getDatasource(uid: string): Promise<DatasourceDto | undefined> {
  try {
    const response = await fetchOnce<DatasourceDto>({
      url: `/api/datasources/uid/${encodeURIComponent(uid)}`,
      method: 'GET',
      showErrorAlert: false,
    });
    return response.data;
  } catch (error) {
    if (fetchErrorStatus(error) === 404) {
      return undefined;
    }
    throw new Error(describeWriteFailure(error, `read the datasource "${uid}"`));
  }
}

async function write(method: 'POST' | 'PUT', url: string, data: unknown): Promise<void> {
  try {
    await fetchOnce({ url, method, data, showErrorAlert: false, showSuccessAlert: false });
  } catch (error) {
    throw new Error(
      describeWriteFailure(
        error,
        method === 'POST' ? 'create the inventory datasource' : 'update the inventory datasource'
      )
    );
  }
}

function describeWriteFailure(error: unknown, what: string): string {
  const status = fetchErrorStatus(error);
  const said = `Grafana answered: ${fetchErrorMessage(error)}.`;
  if (status === 401 || status === 403) {
    return `Could not ${what}. ${said} Creating and changing datasources needs an organization Admin (datasources:write).`;
  }
  if (status === 409) {
    return `Could not ${what}. ${said} Another datasource is already named "${INVENTORY_DATASOURCE_NAME}": rename or delete it, then try again.`;
  }
  return `Could not ${what}. ${said} Try again; Grafana's server log names the cause if it keeps failing.`;
}
