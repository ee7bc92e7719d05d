/** @jest-environment node */
import pluginJson from './plugin.json';
import { AUTH_MODES, routePath, type Upstream } from './types';

interface Route {
  path: string;
  method?: string;
  url: string;
  reqRole?: string;
  headers?: Array<{ name: string; content: string }>;
}
const routes = pluginJson.routes as Route[];
const UPSTREAMS: Upstream[] = ['prometheus', 'alertmanager', 'pushgateway'];

describe('datasource proxy routes', () => {
  it('has one route per upstream and auth mode, the one DataSource.ts calls', () => {
    for (const upstream of UPSTREAMS) {
      for (const mode of AUTH_MODES) {
        const route = routes.find((r) => r.path === routePath(upstream, mode));
        expect(route).toBeDefined();
        expect(route!.url).toBe(`{{ .JsonData.${upstream}Url }}`);
      }
    }
    expect(routes).toHaveLength(UPSTREAMS.length * AUTH_MODES.length);
  });

  it('lists the most specific first: no route is shadowed by an earlier prefix (Grafana: first match wins)', () => {
    routes.forEach((later, i) => {
      for (const earlier of routes.slice(0, i)) {
        expect({ earlier: earlier.path, shadows: later.path.startsWith(earlier.path) }).toEqual({
          earlier: earlier.path,
          shadows: false,
        });
      }
    });
  });

  it('only reads: every route is GET, so writes match no route (and the datasource has no URL of its own to fall through to)', () => {
    for (const route of routes) {
      expect(route.method).toBe('GET');
    }
  });

  it('injects credentials only from secureJsonData, and only on the routes of that auth mode', () => {
    for (const route of routes) {
      const headers = route.headers ?? [];
      expect(route.url).not.toMatch(/SecureJsonData/);
      if (route.path.endsWith('-basic')) {
        expect(headers).toEqual([{ name: 'Authorization', content: 'Basic {{ .SecureJsonData.basicAuthEncoded }}' }]);
      } else if (route.path.endsWith('-bearer')) {
        expect(headers).toEqual([{ name: 'Authorization', content: 'Bearer {{ .SecureJsonData.bearerToken }}' }]);
      } else {
        expect(headers).toEqual([]);
      }
    }
  });
});
