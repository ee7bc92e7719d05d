import type { AppJsonData } from '../types';
import { fetchOnce } from './fetchOnce';

export interface AppSettingsPayload {
  enabled: boolean;
  pinned: boolean;
  jsonData: AppJsonData;
}

interface CurrentSettings {
  enabled?: boolean;
  pinned?: boolean;
  jsonData?: AppJsonData | null;
}

/**
 * The body for POST /api/plugins/<id>/settings. Grafana replaces `enabled`, `pinned` and
 * `jsonData` wholesale, so all three are always sent and the existing jsonData is spread first:
 * keys written by other parts of the app (or a newer version of it) must survive a save here.
 */
export function buildSettingsPayload(
  current: CurrentSettings,
  changes: Partial<AppJsonData>,
  state: Partial<Pick<AppSettingsPayload, 'enabled' | 'pinned'>> = {}
): AppSettingsPayload {
  return {
    enabled: state.enabled ?? Boolean(current.enabled),
    pinned: state.pinned ?? Boolean(current.pinned),
    jsonData: { ...(current.jsonData ?? {}), ...changes },
  };
}

export async function postAppSettings(pluginId: string, payload: AppSettingsPayload): Promise<void> {
  await fetchOnce({
    url: `/api/plugins/${pluginId}/settings`,
    method: 'POST',
    data: payload,
    // The config page shows its own error next to the form; a global toast would say it twice.
    showErrorAlert: false,
  });
}
