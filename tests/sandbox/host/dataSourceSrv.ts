import {
  type DataSourceApi,
  type DataSourceInstanceSettings,
  type DataSourcePlugin,
  type DataSourceRef,
} from '@grafana/data';
import {
  config,
  DataSourceWithBackend,
  getBackendSrv,
  type DataSourceSrv,
  type GetDataSourceListFilters,
} from '@grafana/runtime';
import { importAmdModule } from './amd';

/**
 * Grafana's Prometheus datasource runs its queries in Grafana's backend: the frontend posts them to
 * /api/ds/query, which is exactly what DataSourceWithBackend does. The sandbox server answers that
 * endpoint from the real test-stack Prometheus. Prometheus' query editor, metadata lookups and
 * variable support are not provided.
 */
class SandboxPrometheusDataSource extends DataSourceWithBackend {
  filterQuery(query: { expr?: string; hide?: boolean }): boolean {
    return Boolean(query.expr) && !query.hide;
  }
}

type Settings = DataSourceInstanceSettings;
export type AnyDataSourcePlugin = DataSourcePlugin<any, any, any, any>;

/**
 * getDataSourceSrv() over boot data's datasources: lists and resolves them like Grafana (by uid,
 * name or ref; the default when none is given) and instantiates plugins: Prometheus as above, any
 * other type by loading its module.js through the AMD loader and constructing its DataSourceClass,
 * as Grafana's plugin importer does.
 */
export class SandboxDataSourceSrv implements DataSourceSrv {
  private byUid = new Map<string, Settings>();
  private instances = new Map<string, Promise<DataSourceApi>>();

  constructor(datasources: Record<string, Settings>) {
    this.init(datasources);
  }

  init(datasources: Record<string, Settings>) {
    this.byUid = new Map(Object.values(datasources).map((ds) => [ds.uid, ds]));
    this.instances.clear();
  }

  async reload(): Promise<void> {
    const settings = await getBackendSrv().get('/api/frontend/settings');
    config.datasources = settings.datasources;
    this.init(settings.datasources);
  }

  getList(filters: GetDataSourceListFilters = {}): Settings[] {
    return [...this.byUid.values()]
      .filter((ds) => {
        const type = filters.type;
        if (type && !(Array.isArray(type) ? type.includes(ds.type) : ds.type === type)) {
          return false;
        }
        if (filters.pluginId && ds.meta.id !== filters.pluginId) {
          return false;
        }
        if (filters.metrics && !ds.meta.metrics) {
          return false;
        }
        return filters.filter ? filters.filter(ds) : true;
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  getInstanceSettings(ref?: DataSourceRef | string | null): Settings | undefined {
    if (ref === undefined || ref === null || ref === 'default') {
      return [...this.byUid.values()].find((ds) => ds.isDefault) ?? [...this.byUid.values()][0];
    }
    const key = typeof ref === 'string' ? ref : ref.uid;
    if (!key) {
      return this.getInstanceSettings(null);
    }
    return this.byUid.get(key) ?? [...this.byUid.values()].find((ds) => ds.name === key);
  }

  get(ref?: DataSourceRef | string | null): Promise<DataSourceApi> {
    const settings = this.getInstanceSettings(ref);
    if (!settings) {
      return Promise.reject(new Error(`Datasource ${JSON.stringify(ref)} was not found`));
    }
    let instance = this.instances.get(settings.uid);
    if (!instance) {
      instance = this.instantiate(settings);
      this.instances.set(settings.uid, instance);
    }
    return instance;
  }

  registerRuntimeDataSource(): void {
    throw new Error('The sandbox does not support runtime datasources.');
  }

  private async instantiate(settings: Settings): Promise<DataSourceApi> {
    if (settings.type === 'prometheus') {
      return new SandboxPrometheusDataSource(settings);
    }
    const plugin = await importDataSourcePlugin(settings.meta.module);
    plugin.meta = settings.meta;
    const instance = new plugin.DataSourceClass(settings) as DataSourceApi;
    instance.components = plugin.components;
    instance.meta = settings.meta;
    return instance;
  }
}

export async function importDataSourcePlugin(modulePath: string): Promise<AnyDataSourcePlugin> {
  const exports = (await importAmdModule(`/${modulePath.replace(/^\//, '')}`)) as { plugin?: AnyDataSourcePlugin };
  if (!exports?.plugin) {
    throw new Error(`${modulePath} does not export "plugin" (a DataSourcePlugin).`);
  }
  return exports.plugin;
}
