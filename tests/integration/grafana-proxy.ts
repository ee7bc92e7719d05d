// A stand-in for Grafana's datasource proxy (pkg/api/pluginproxy), for testing a frontend datasource against
// real upstreams without a Grafana server. It applies plugin.json routes the way Grafana does:
//   - routes in order, first match wins; a route matches when its method is empty, "*" or the request's, and
//     its path is a string prefix of the request path (after /api/datasources/proxy/uid/<uid>/);
//   - reqRole is checked on the matched route (403 "plugin proxy route access denied");
//   - the route's prefix is stripped and the rest joined to the route's templated url (query string kept);
//   - route headers are added from {{ .JsonData.x }} / {{ .SecureJsonData.y }} (a missing key renders as
//     Go's "<no value>");
//   - an unmatched path goes to the datasource's own URL without route headers (502 when it has none);
//   - the datasource's custom headers (httpHeaderNameN / secureJsonData httpHeaderValueN) are added;
//   - cookies, Origin, Referer and the caller's Authorization are not forwarded;
//   - an upstream 401 becomes 400 "Authentication to data source failed" (plain text), a connection failure 502,
//     an upstream slower than the proxy timeout 504.
// It records both hops, so tests can prove credentials only travel between proxy and upstream.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Observable } from 'rxjs';

export interface PluginRoute {
  path: string;
  method?: string;
  url: string;
  reqRole?: 'Viewer' | 'Editor' | 'Admin';
  headers?: Array<{ name: string; content: string }>;
}

export interface ProxiedDatasource {
  uid: string;
  /** The datasource's own URL; the inventory datasource has none. */
  url?: string;
  jsonData: Record<string, unknown>;
  secureJsonData: Record<string, string>;
}

export interface RecordedHop {
  method: string;
  url: string;
  headers: Record<string, string>;
}

export interface ProxyRecord {
  /** What the browser sent to Grafana. */
  inbound: RecordedHop;
  /** What Grafana sent upstream (absent when the request went nowhere). */
  outbound?: RecordedHop;
  status: number;
  matchedRoute?: string;
}

const ROLE_RANK = { Viewer: 1, Editor: 2, Admin: 3 } as const;

/** Go text/template for the two forms plugin.json routes use. */
export function interpolateRouteTemplate(template: string, ds: ProxiedDatasource): string {
  return template.replace(
    /\{\{\s*\.(JsonData|SecureJsonData)\.([A-Za-z0-9_]+)\s*\}\}/g,
    (_, scope: string, key: string) => {
      const source: Record<string, unknown> = scope === 'JsonData' ? ds.jsonData : ds.secureJsonData;
      return key in source && source[key] !== undefined ? String(source[key]) : '<no value>';
    }
  );
}

/** Grafana's util.JoinURLFragments. */
export function joinUrlFragments(a: string, b: string): string {
  if (b.length === 0) {
    return a;
  }
  const aSlash = a.endsWith('/');
  const bSlash = b.startsWith('/');
  if (aSlash && bSlash) {
    return a + b.slice(1);
  }
  if (!aSlash && !bSlash) {
    return `${a}/${b}`;
  }
  return a + b;
}

export function matchRoute(routes: readonly PluginRoute[], method: string, proxyPath: string): PluginRoute | undefined {
  return routes.find((r) => (!r.method || r.method === '*' || r.method === method) && proxyPath.startsWith(r.path));
}

const flatHeaders = (headers: IncomingHttpHeaders | Headers): Record<string, string> => {
  const out: Record<string, string> = {};
  if (headers instanceof Headers) {
    headers.forEach((v, k) => (out[k.toLowerCase()] = v));
  } else {
    for (const [k, v] of Object.entries(headers)) {
      if (v !== undefined) {
        out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
      }
    }
  }
  return out;
};

const NOT_FORWARDED = new Set(['host', 'cookie', 'origin', 'referer', 'authorization', 'connection', 'content-length']);

export interface GrafanaProxy {
  /** http://127.0.0.1:<port>: prefix of `/api/datasources/proxy/uid/<uid>/…` */
  baseUrl: string;
  records: ProxyRecord[];
  /** The role of the signed-in user, for reqRole checks. */
  role: keyof typeof ROLE_RANK;
  datasource: ProxiedDatasource;
  close(): Promise<void>;
}

export async function startGrafanaProxy(
  routes: readonly PluginRoute[],
  datasource: ProxiedDatasource,
  { timeoutMs = 30_000 } = {}
): Promise<GrafanaProxy> {
  const records: ProxyRecord[] = [];
  const state = { role: 'Viewer' as keyof typeof ROLE_RANK, datasource };
  const prefix = () => `/api/datasources/proxy/uid/${state.datasource.uid}/`;

  const server: Server = createServer(async (req, res) => {
    const method = req.method ?? 'GET';
    const inbound: RecordedHop = { method, url: req.url ?? '', headers: flatHeaders(req.headers) };
    const record: ProxyRecord = { inbound, status: 0 };
    records.push(record);
    const reply = (status: number, body: string, contentType = 'application/json') => {
      record.status = status;
      res.writeHead(status, { 'content-type': contentType });
      res.end(body);
    };

    const requestUrl = new URL(req.url ?? '/', 'http://grafana.local');
    if (!requestUrl.pathname.startsWith(prefix())) {
      return reply(404, JSON.stringify({ message: 'Not found' }));
    }
    const proxyPath = requestUrl.pathname.slice(prefix().length);
    const ds = state.datasource;
    const route = matchRoute(routes, method, proxyPath);
    if (route?.reqRole && ROLE_RANK[state.role] < ROLE_RANK[route.reqRole]) {
      return reply(403, JSON.stringify({ message: 'plugin proxy route access denied' }));
    }

    let target: URL;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(inbound.headers)) {
      if (!NOT_FORWARDED.has(k)) {
        headers[k] = v;
      }
    }
    headers['user-agent'] = 'Grafana/11.6.9';
    // Custom HTTP headers of the datasource (jsonData httpHeaderName1, 2, … with the value in secureJsonData
    // httpHeaderValue1, 2, …; the first missing name ends the list) go with every proxied request, route or not:
    // Grafana's data proxy sends through the datasource's HTTP client, whose middlewares include the plugin
    // SDK's CustomHeadersMiddleware (grafana/grafana pkg/infra/httpclient/httpclientprovider/http_client_provider.go,
    // headers from getCustomHeaders in pkg/services/datasources). This is how a tenant header (Mimir's
    // X-Scope-OrgID) reaches the store without the plugin knowing the tenant.
    for (let i = 1; typeof ds.jsonData[`httpHeaderName${i}`] === 'string' && ds.jsonData[`httpHeaderName${i}`]; i++) {
      const value = ds.secureJsonData[`httpHeaderValue${i}`];
      if (value !== undefined) {
        headers[String(ds.jsonData[`httpHeaderName${i}`]).toLowerCase()] = value;
      }
    }
    try {
      if (route) {
        record.matchedRoute = route.path;
        const routeUrl = new URL(interpolateRouteTemplate(route.url, ds));
        routeUrl.pathname = joinUrlFragments(routeUrl.pathname, proxyPath.slice(route.path.length));
        routeUrl.search = requestUrl.search;
        target = routeUrl;
        for (const h of route.headers ?? []) {
          headers[h.name.toLowerCase()] = interpolateRouteTemplate(h.content, ds);
        }
      } else {
        if (!ds.url) {
          throw new Error('datasource has no URL');
        }
        const base = new URL(ds.url);
        base.pathname = joinUrlFragments(base.pathname, proxyPath);
        base.search = requestUrl.search;
        target = base;
      }
    } catch {
      // Go's reverse proxy cannot dial an empty or invalid URL: 502 with an empty body.
      return reply(502, '', 'text/plain');
    }

    record.outbound = { method, url: target.toString(), headers };
    try {
      const upstream = await fetch(target, {
        method,
        headers,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      });
      const body = Buffer.from(await upstream.arrayBuffer());
      if (upstream.status === 401) {
        return reply(400, 'Authentication to data source failed', 'text/plain');
      }
      record.status = upstream.status;
      res.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
      });
      res.end(body);
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      reply(timedOut ? 504 : 502, '', 'text/plain');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    records,
    get role() {
      return state.role;
    },
    set role(role) {
      state.role = role;
    },
    get datasource() {
      return state.datasource;
    },
    set datasource(ds) {
      state.datasource = ds;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

interface ShimRequest {
  url: string;
  method?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

/**
 * getBackendSrv().fetch as the browser runs it: a request to Grafana (here: the proxy), the body parsed as
 * JSON when it is JSON and handed over as text otherwise, non-2xx as a FetchError-shaped error. Records the
 * exact headers it sent in `sent`, which is the browser-side hop.
 */
export function backendSrvShim(grafanaBaseUrl: string, sent: Array<Record<string, string>> = []) {
  return {
    sent,
    fetch<T>(options: ShimRequest) {
      return new Observable<{ status: number; data: T; ok: boolean; statusText: string }>((subscriber) => {
        const controller = new AbortController();
        const url = new URL(options.url, grafanaBaseUrl);
        for (const [k, v] of Object.entries(options.params ?? {})) {
          url.searchParams.set(k, v);
        }
        // What a browser sends to Grafana: a session cookie, never upstream credentials.
        const headers = {
          accept: 'application/json, text/plain, */*',
          cookie: 'grafana_session=browser-session',
          ...(options.headers ?? {}),
        };
        sent.push(headers);
        fetch(url, { method: options.method ?? 'GET', headers, signal: controller.signal })
          .then(async (response) => {
            const text = await response.text();
            let data: unknown = text;
            try {
              data = JSON.parse(text);
            } catch {
              // backendSrv hands non-JSON bodies over as text
            }
            if (response.ok) {
              subscriber.next({ status: response.status, data: data as T, ok: true, statusText: response.statusText });
              subscriber.complete();
            } else {
              subscriber.error({ status: response.status, statusText: response.statusText, data, config: options });
            }
          })
          .catch((error) => subscriber.error(error));
        return () => controller.abort();
      });
    },
  };
}

export interface PrometheusDatasourceStandIn {
  uid: string;
  name: string;
  url: string;
  /** Custom headers (httpHeaderName1 …), as the datasource's HTTP client adds them. */
  headers?: Record<string, string>;
}

/**
 * A stand-in for the resource route of Grafana's Prometheus datasource,
 * `GET /api/datasources/uid/<uid>/resources/<path>`: grafana/grafana pkg/promlib/library.go CallResource →
 * resource/resource.go Execute → client/client.go QueryResource joins the path to the datasource URL
 * (path.Join, so a URL prefix such as Mimir's /prometheus is kept), sends GET for the status endpoints
 * (`/api/v1/status/flags` and `/config` are in its endpointsSupportOnlyGet), through the datasource's HTTP
 * client (custom headers included), and answers with the upstream's status and body unchanged.
 */
export async function startPrometheusResourceStandIn(datasources: readonly PrometheusDatasourceStandIn[]) {
  const server: Server = createServer(async (req, res) => {
    const match = /^\/api\/datasources\/uid\/([^/]+)\/resources\/(.+)$/.exec(
      new URL(req.url ?? '/', 'http://g').pathname
    );
    const ds = match && datasources.find((d) => d.uid === decodeURIComponent(match[1]));
    if (!match || !ds) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Data source not found' }));
      return;
    }
    const target = new URL(ds.url);
    target.pathname = joinUrlFragments(target.pathname, match[2]);
    target.search = new URL(req.url ?? '/', 'http://g').search;
    try {
      const upstream = await fetch(target, { headers: ds.headers ?? {}, signal: AbortSignal.timeout(10_000) });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/plain' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    } catch {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'error querying resource' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
