import pluginJson from './plugin.json';

export const PLUGIN_ID = pluginJson.id;
export const PLUGIN_BASE_URL = `/a/${PLUGIN_ID}`;
/** Grafana's own page for the app's settings (the config page registered in module.tsx). */
export const CONFIG_PAGE_URL = `/plugins/${PLUGIN_ID}`;

export enum ROUTES {
  Home = 'home',
  Inventory = 'inventory',
  Health = 'health',
  Setup = 'setup',
  Backup = 'backup',
  Runbooks = 'runbooks',
}

/** RBAC action declared in plugin.json `roles`; Grafana grants it to org Admins by default. */
export const SETUP_WRITE_ACTION = `${PLUGIN_ID}.setup:write`;

export const DEFAULT_CLUSTER_LABEL = 'cluster';
/** The default of the app's "Replica labels" setting. */
export { REPLICA_LABELS as DEFAULT_REPLICA_LABELS } from './catalog/promql';
