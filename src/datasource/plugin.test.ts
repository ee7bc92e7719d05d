/** @jest-environment node */
import pluginJson from './plugin.json';
import { AUTH_MODES, routePath, UPSTREAM_API, type Upstream } from './types';

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
  it('has one route per API path the datasource calls and auth mode, and no other', () => {
    const expected = UPSTREAMS.flatMap((upstream) =>
      AUTH_MODES.flatMap((mode) =>
        Object.entries(UPSTREAM_API[upstream]).map(([path, role]) => ({
          path: `${routePath(upstream, mode)}${path}`,
          url: `{{ .JsonData.${upstream}Url }}${path}`,
          reqRole: role === 'Admin' ? 'Admin' : undefined,
        }))
      )
    );
    const actual = routes.map(({ path, url, reqRole }) => ({ path, url, reqRole }));
    expect(new Set(actual.map((r) => JSON.stringify(r)))).toEqual(new Set(expected.map((r) => JSON.stringify(r))));
    expect(routes).toHaveLength(expected.length);
  });

  it('reaches only whole API paths: every route url ends in the path its route name ends in', () => {
    for (const route of routes) {
      const apiPath = route.path.slice(route.path.indexOf('/'));
      expect(apiPath).toMatch(/^\/api\/v[12]\//);
      expect(route.url.endsWith(`}}${apiPath}`)).toBe(true);
    }
  });

  it('keeps the checks only Save & test runs (build info, Alertmanager and Pushgateway status) to admins', () => {
    const adminOnly = routes
      .filter((r) => r.reqRole === 'Admin')
      .map((r) => r.path.replace(/^[a-z]+(-basic|-bearer)?/, ''));
    expect(new Set(adminOnly)).toEqual(new Set(['/api/v1/status/buildinfo', '/api/v2/status', '/api/v1/status']));
    expect(routes.filter((r) => r.reqRole !== undefined && r.reqRole !== 'Admin')).toEqual([]);
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
      if (/^[a-z]+-basic\//.test(route.path)) {
        expect(headers).toEqual([{ name: 'Authorization', content: 'Basic {{ .SecureJsonData.basicAuthEncoded }}' }]);
      } else if (/^[a-z]+-bearer\//.test(route.path)) {
        expect(headers).toEqual([{ name: 'Authorization', content: 'Bearer {{ .SecureJsonData.bearerToken }}' }]);
      } else {
        expect(headers).toEqual([]);
      }
    }
  });
});
