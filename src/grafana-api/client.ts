import { pathSegment } from '../utils/urlPath';
import { GrafanaApiError, kindForStatus } from './errors';
import { TransportError, withQuery, type GrafanaRequest, type GrafanaTransport, type HttpMethod } from './transport';
import type {
  ContactPoint,
  DataSourceInfo,
  Folder,
  GrafanaApi,
  MuteTiming,
  NotificationRoute,
  PluginDashboard,
  PluginSettings,
  RuleDiscovery,
  ProvisionedAlertRule,
  ProvisionedRuleGroup,
  ReceiverStatus,
  WriteOptions,
} from './types';

const PROVISIONING = '/api/v1/provisioning';

export interface GrafanaApiOptions {
  /**
   * Default for writes: send X-Disable-Provenance so written objects stay editable in Grafana's
   * UI. Grafana refuses to switch an object written one way to the other later, so choose once.
   */
  disableProvenance?: boolean;
}

/** The typed client over any transport (getBackendSrv in the plugin, fetch in scripts and tests). */
export function createGrafanaApi(transport: GrafanaTransport, options: GrafanaApiOptions = {}): GrafanaApi {
  async function call<T>(
    method: HttpMethod,
    path: string,
    init: { body?: unknown; query?: Record<string, string>; write?: WriteOptions; notFound?: 'undefined' } = {}
  ): Promise<T | undefined> {
    const headers: Record<string, string> = {};
    if (init.write && (init.write.disableProvenance ?? options.disableProvenance)) {
      headers['X-Disable-Provenance'] = 'true';
    }
    const request: GrafanaRequest = { method, path, query: init.query, body: init.body, headers };
    const callInfo = { method, path: withQuery(path, init.query) };
    let response;
    try {
      response = await transport(request);
    } catch (err) {
      const kind = err instanceof TransportError ? err.kind : 'network';
      throw new GrafanaApiError({
        kind,
        call: callInfo,
        grafanaMessage: err instanceof Error ? err.message : undefined,
      });
    }
    if (response.status >= 200 && response.status < 300) {
      return response.data as T;
    }
    if (response.status === 404 && init.notFound === 'undefined') {
      return undefined;
    }
    throw new GrafanaApiError({
      kind: kindForStatus(response.status),
      status: response.status,
      grafanaMessage: messageOf(response.data),
      call: callInfo,
    });
  }
  const must = async <T>(p: Promise<T | undefined>): Promise<T> => (await p) as T;
  const write = (w?: WriteOptions): WriteOptions => w ?? {};
  const seg = pathSegment;

  return {
    getBuildInfo: async () => {
      const health = await call<{ version?: unknown }>('GET', '/api/health');
      return { version: typeof health?.version === 'string' && health.version !== '' ? health.version : undefined };
    },
    getFolder: (uid) => call<Folder>('GET', `/api/folders/${seg(uid)}`, { notFound: 'undefined' }),
    createFolder: (folder) => must(call<Folder>('POST', '/api/folders', { body: folder })),

    getDatasource: (uid) => call<DataSourceInfo>('GET', `/api/datasources/uid/${seg(uid)}`, { notFound: 'undefined' }),
    createDatasource: async (ds) =>
      (await must(call<{ datasource: DataSourceInfo }>('POST', '/api/datasources', { body: ds }))).datasource,
    updateDatasource: async (uid, ds) =>
      (await must(call<{ datasource: DataSourceInfo }>('PUT', `/api/datasources/uid/${seg(uid)}`, { body: ds })))
        .datasource,

    listAlertRules: async () => (await must(call<ProvisionedAlertRule[]>('GET', `${PROVISIONING}/alert-rules`))) ?? [],
    getAlertRule: (uid) =>
      call<ProvisionedAlertRule>('GET', `${PROVISIONING}/alert-rules/${seg(uid)}`, { notFound: 'undefined' }),
    getRuleGroup: (folderUid, group) =>
      call<ProvisionedRuleGroup>('GET', `${PROVISIONING}/folder/${seg(folderUid)}/rule-groups/${seg(group)}`, {
        notFound: 'undefined',
      }),
    putRuleGroup: (group, w) =>
      must(
        call<ProvisionedRuleGroup>(
          'PUT',
          `${PROVISIONING}/folder/${seg(group.folderUid)}/rule-groups/${seg(group.title)}`,
          {
            body: group,
            write: write(w),
          }
        )
      ),
    deleteAlertRule: async (uid, w) => {
      await call('DELETE', `${PROVISIONING}/alert-rules/${seg(uid)}`, { write: write(w) });
    },

    deleteRuleGroup: async (folderUid, group, w) => {
      await call('DELETE', `${PROVISIONING}/folder/${seg(folderUid)}/rule-groups/${seg(group)}`, { write: write(w) });
    },

    listContactPoints: async (name) =>
      (await must(
        call<ContactPoint[]>('GET', `${PROVISIONING}/contact-points`, { query: name ? { name } : undefined })
      )) ?? [],
    listReceiverStatuses: async () =>
      (await must(call<ReceiverStatus[] | null>('GET', '/api/alertmanager/grafana/config/api/v1/receivers'))) ?? [],
    createContactPoint: (cp, w) =>
      must(call<ContactPoint>('POST', `${PROVISIONING}/contact-points`, { body: cp, write: write(w) })),
    updateContactPoint: async (uid, cp, w) => {
      await call('PUT', `${PROVISIONING}/contact-points/${seg(uid)}`, { body: cp, write: write(w) });
    },
    deleteContactPoint: async (uid) => {
      await call('DELETE', `${PROVISIONING}/contact-points/${seg(uid)}`);
    },

    getPolicyTree: () => must(call<NotificationRoute>('GET', `${PROVISIONING}/policies`)),
    putPolicyTree: async (tree, w) => {
      const { provenance: _readOnly, ...body } = tree;
      await call('PUT', `${PROVISIONING}/policies`, { body, write: write(w) });
    },

    listMuteTimings: async () => (await must(call<MuteTiming[]>('GET', `${PROVISIONING}/mute-timings`))) ?? [],
    createMuteTiming: (mt, w) =>
      must(call<MuteTiming>('POST', `${PROVISIONING}/mute-timings`, { body: mt, write: write(w) })),
    updateMuteTiming: (name, mt, w) =>
      must(call<MuteTiming>('PUT', `${PROVISIONING}/mute-timings/${seg(name)}`, { body: mt, write: write(w) })),
    deleteMuteTiming: async (name) => {
      await call('DELETE', `${PROVISIONING}/mute-timings/${seg(name)}`);
    },

    getGrafanaRuleStatuses: () => ruleDiscovery(call('GET', '/api/prometheus/grafana/api/v1/rules')),
    getDatasourceRuleStatuses: (uid) => ruleDiscovery(call('GET', `/api/prometheus/${seg(uid)}/api/v1/rules`)),

    getCurrentOrg: async () => {
      const org = await must(call<{ id: number; name: string }>('GET', '/api/org'));
      return { id: org.id, name: org.name };
    },
    listPluginDashboards: async (pluginId) =>
      ((await must(call<PluginDashboard[] | null>('GET', `/api/plugins/${seg(pluginId)}/dashboards`))) ?? []).map(
        (d) => ({
          uid: d.uid,
          title: d.title,
          path: d.path,
          imported: d.imported === true,
          importedRevision: d.importedRevision ?? 0,
          revision: d.revision ?? 0,
          removed: d.removed === true,
        })
      ),
    importPluginDashboard: async (pluginId, path) => {
      await call('POST', '/api/dashboards/import', { body: { pluginId, path, overwrite: true, inputs: [] } });
    },

    getPluginSettings: (pluginId) =>
      call<PluginSettings>('GET', `/api/plugins/${seg(pluginId)}/settings`, { notFound: 'undefined' }),
    postPluginSettings: async (pluginId, settings) => {
      await call('POST', `/api/plugins/${seg(pluginId)}/settings`, { body: settings });
    },
  };
}

/**
 * The `data` of a Prometheus-shaped answer. A 2xx body is still checked: the datasource route passes
 * on whatever the upstream answered (lotex_prom.go `RouteGetRuleStatuses`), which behind a proxy or
 * a wrong URL need not be a rules answer at all.
 */
async function ruleDiscovery(answer: Promise<unknown>): Promise<RuleDiscovery> {
  const body = (await answer) as { status?: string; error?: string; data?: RuleDiscovery } | undefined;
  if (!body || typeof body !== 'object' || body.status !== 'success' || typeof body.data !== 'object') {
    throw new Error(
      body?.error
        ? `The rules API answered an error: ${body.error}`
        : 'The rules API did not answer in the Prometheus rules format.'
    );
  }
  return body.data;
}

/** Grafana's reason from an error body: `message`, else `error`, else a plain-text body. */
export function messageOf(data: unknown): string | undefined {
  if (typeof data === 'object' && data !== null) {
    const record = data as Record<string, unknown>;
    for (const key of ['message', 'error']) {
      if (typeof record[key] === 'string' && record[key] !== '') {
        return record[key] as string;
      }
    }
  }
  return typeof data === 'string' && data !== '' ? data : undefined;
}
