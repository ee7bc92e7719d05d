import { getDataSourceSrv } from '@grafana/runtime';

/** Display name of a datasource; falls back to its uid when the user cannot see it or it was deleted. */
export function datasourceName(uid: string): string {
  return getDataSourceSrv().getInstanceSettings(uid)?.name ?? uid;
}
