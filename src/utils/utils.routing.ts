import { PLUGIN_BASE_URL } from '../constants';

/** Absolute in-app URL of a route, e.g. `prefixRoute('home')` → `/a/fullstack-monitoring-app/home`. */
export function prefixRoute(route: string): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}
