import { createGrafanaApi, messageOf, type GrafanaApiOptions } from '../alerting/grafana-api/client';
import { GrafanaApiError, kindForStatus } from '../alerting/grafana-api/errors';
import { TransportError, type GrafanaTransport, type HttpMethod } from '../alerting/grafana-api/transport';
import type { GrafanaApi } from '../alerting/grafana-api/types';

/*
 * The alerting engine's GrafanaApi plus the three calls backup needs and the engine does not:
 * the current organization, the app's bundled dashboards, and importing one of them. Kept here as
 * a wrapper over the same transport, so errors are the same typed GrafanaApiErrors.
 */

export interface CurrentOrg {
  id: number;
  name: string;
}

/** One entry of `GET /api/plugins/{id}/dashboards`. */
export interface PluginDashboard {
  uid: string;
  title: string;
  /** Path inside the plugin, e.g. `dashboards/infrastructure-node.json`: what import takes. */
  path: string;
  imported: boolean;
  /** Revision of the copy Grafana imported (0 when not imported). */
  importedRevision: number;
  /** Revision the installed plugin ships. */
  revision: number;
  removed?: boolean;
}

export interface BackupApi extends GrafanaApi {
  getCurrentOrg(): Promise<CurrentOrg>;
  listPluginDashboards(pluginId: string): Promise<PluginDashboard[]>;
  /** `POST /api/dashboards/import {pluginId, path, overwrite: true}`: imports the copy the installed plugin ships. */
  importPluginDashboard(pluginId: string, path: string): Promise<void>;
}

export function createBackupApi(transport: GrafanaTransport, options: GrafanaApiOptions = {}): BackupApi {
  async function call<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
    const callInfo = { method, path };
    let response;
    try {
      response = await transport({ method, path, body, headers: {} });
    } catch (err) {
      throw new GrafanaApiError({
        kind: err instanceof TransportError ? err.kind : 'network',
        call: callInfo,
        grafanaMessage: err instanceof Error ? err.message : undefined,
      });
    }
    if (response.status >= 200 && response.status < 300) {
      return response.data as T;
    }
    throw new GrafanaApiError({
      kind: kindForStatus(response.status),
      status: response.status,
      grafanaMessage: messageOf(response.data),
      call: callInfo,
    });
  }
  const seg = encodeURIComponent;
  return {
    ...createGrafanaApi(transport, options),
    getCurrentOrg: async () => {
      const org = await call<{ id: number; name: string }>('GET', '/api/org');
      return { id: org.id, name: org.name };
    },
    listPluginDashboards: async (pluginId) =>
      ((await call<PluginDashboard[] | null>('GET', `/api/plugins/${seg(pluginId)}/dashboards`)) ?? []).map((d) => ({
        uid: d.uid,
        title: d.title,
        path: d.path,
        imported: d.imported === true,
        importedRevision: d.importedRevision ?? 0,
        revision: d.revision ?? 0,
        removed: d.removed === true,
      })),
    importPluginDashboard: async (pluginId, path) => {
      await call('POST', '/api/dashboards/import', { pluginId, path, overwrite: true, inputs: [] });
    },
  };
}
