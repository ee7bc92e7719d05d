/**
 * Grafana's datasource proxy (/api/datasources/proxy/uid/<uid>/<path>) as it treats plugin.json
 * `routes`, so the inventory datasource's requests reach Prometheus the way they would in Grafana:
 * - routes are tried in order, the first match wins; a route matches when its method is empty,
 *   "*" or the request's, and its path is a prefix of the request path;
 * - the route's path is stripped and the rest appended to its url; query strings pass through;
 * - `{{ .JsonData.x }}` / `{{ .SecureJsonData.x }}` are filled in url and headers (secrets stay here,
 *   on the server side);
 * - an unmatched path goes to the datasource's own url, without route headers;
 * - the datasource's basic auth (basicAuthUser + secure basicAuthPassword) is set on every request;
 * - an upstream 401 is answered 400 "Authentication to data source failed".
 * Not reproduced: reqRole/reqAction checks, tokenAuth/jwtTokenAuth, urlParams/body templates, TLS
 * settings, cookies and OAuth pass-through.
 */

export interface PluginRoute {
  path: string;
  method?: string;
  url?: string;
  headers?: Array<{ name: string; content: string }>;
  reqRole?: string;
  reqAction?: string;
}

export interface ProxyTarget {
  url: string;
  headers: Record<string, string>;
  route?: PluginRoute;
}

export interface DataSourceForProxy {
  url?: string;
  jsonData?: Record<string, unknown>;
  secureJsonData?: Record<string, string>;
  basicAuth?: boolean;
  basicAuthUser?: string;
}

const TEMPLATE = /\{\{\s*\.(JsonData|SecureJsonData)\.([A-Za-z0-9_]+)\s*\}\}/g;

/** Fills Grafana's route templates; other template syntax is rejected rather than sent as-is. */
export function interpolateRouteTemplate(text: string, ds: DataSourceForProxy): string {
  const filled = text.replace(TEMPLATE, (_, scope: string, key: string) => {
    const source = scope === 'JsonData' ? ds.jsonData : ds.secureJsonData;
    const value = source?.[key];
    return value === undefined || value === null ? '' : String(value);
  });
  if (filled.includes('{{')) {
    throw new Error(
      `The sandbox proxy cannot fill the template in "${text}" (only .JsonData.x and .SecureJsonData.x).`
    );
  }
  return filled;
}

function cleanPath(p: string): string {
  return p.replace(/^\/+/, '').replace(/\/+$/, '');
}

function joinUrl(base: string, rest: string): string {
  if (!rest) {
    return base;
  }
  return `${base.replace(/\/+$/, '')}/${rest.replace(/^\/+/, '')}`;
}

/** Where Grafana would send `method proxyPath?query` for this datasource, or why it would not. */
export function resolveProxyTarget(
  routes: PluginRoute[],
  ds: DataSourceForProxy,
  method: string,
  proxyPath: string,
  query: string
): ProxyTarget {
  const requestPath = cleanPath(proxyPath);
  const route = routes.find((r) => {
    const methodMatches = !r.method || r.method === '*' || r.method.toUpperCase() === method.toUpperCase();
    return methodMatches && requestPath.startsWith(cleanPath(r.path));
  });
  const suffix = query ? `?${query}` : '';
  // Grafana sets the datasource's basic auth on every proxied request; route headers come after.
  const headers: Record<string, string> = {};
  if (ds.basicAuth && ds.basicAuthUser) {
    const password = ds.secureJsonData?.basicAuthPassword ?? '';
    headers.Authorization = `Basic ${Buffer.from(`${ds.basicAuthUser}:${password}`).toString('base64')}`;
  }
  if (route) {
    const base = interpolateRouteTemplate(route.url ?? ds.url ?? '', ds);
    if (!base) {
      throw new Error(
        `Route "${route.path}" resolves to an empty URL: the datasource's settings lack the value it names.`
      );
    }
    for (const header of route.headers ?? []) {
      headers[header.name] = interpolateRouteTemplate(header.content, ds);
    }
    return { url: joinUrl(base, requestPath.slice(cleanPath(route.path).length)) + suffix, headers, route };
  }
  if (!ds.url) {
    throw new Error(
      `No route of the datasource's plugin matches ${method} ${proxyPath}, and the datasource has no URL.`
    );
  }
  return { url: joinUrl(ds.url, requestPath) + suffix, headers };
}
