/**
 * The sandbox server (127.0.0.1): serves the host page with Grafana's boot data, the built plugin
 * under /public/plugins/<id>/ (as Grafana does), and Grafana's API surface the plugin uses:
 * /api/ds/query (answered from the real Prometheus), /api/datasources/proxy/uid/<uid>/… (plugin.json
 * routes applied, see dsProxy.ts), /api/frontend/settings, and everything else under /api/ forwarded
 * to the Grafana API double over HTTP. Sessions choose their role with the cookie
 * `grafana_sandbox_role=Admin|Editor|Viewer` (default Admin).
 *
 *   npx tsx tests/sandbox/server.ts      # starts the double (or stand-in) too, prints the URL
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { BUILD_DIR } from './build';
import { answerDsQuery, dsQueryStatus, type DsQueryBody } from './dsQuery';
import { type PluginRoute, resolveProxyTarget } from './dsProxy';
import type { GrafanaApi } from './grafanaApi';
import { panelMeta, PANEL_IDS } from './shared/panelIds';
import {
  APP_ID,
  bootSettings,
  bootUser,
  type DataSourceRecord,
  type PluginMetaLite,
  type SandboxRole,
} from './shared/bootData';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST_DIR = path.join(ROOT, 'dist');
const UI_ICONS_DIR = path.join(ROOT, 'node_modules', '@grafana', 'ui', 'dist', 'public', 'img', 'icons');

/** One request the server handled under /api/, for journeys to assert on. */
export interface ApiCall {
  method: string;
  path: string;
  status: number;
  role: SandboxRole;
  body?: unknown;
}

export interface Sandbox {
  url: string;
  calls: ApiCall[];
  /** Bytes served per path (static files), for the browser benchmark. */
  close(): Promise<void>;
}

export interface SandboxOptions {
  grafanaApi: GrafanaApi;
  port?: number;
  distDir?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.css': 'text/css',
  '.map': 'application/json',
  '.md': 'text/markdown',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
};

const PLACEHOLDER_LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="10" fill="#e6522c"/></svg>';

const PLACEHOLDER_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="4"/></svg>';

interface PluginJson {
  id: string;
  name: string;
  type: 'app' | 'datasource' | 'panel';
  info: Record<string, unknown>;
  includes?: Array<{ type: string; path?: string; name?: string }>;
  routes?: PluginRoute[];
  dependencies?: unknown;
  metrics?: boolean;
  backend?: boolean;
  roles?: unknown;
}

/** The app and its nested plugins as Grafana would register them from dist/. */
function readPlugins(distDir: string) {
  const appJsonPath = path.join(distDir, 'plugin.json');
  if (!existsSync(appJsonPath)) {
    throw new Error(`${appJsonPath} is missing: run "npm run build" first, the sandbox serves the built plugin.`);
  }
  const app = JSON.parse(readFileSync(appJsonPath, 'utf8')) as PluginJson;
  const appBase = `public/plugins/${app.id}`;
  const metas: Record<string, PluginMetaLite & { routes?: PluginRoute[]; includes?: unknown; dependencies?: unknown }> =
    {
      prometheus: {
        id: 'prometheus',
        name: 'Prometheus',
        type: 'datasource',
        module: 'core:plugin/prometheus',
        baseUrl: 'public/app/plugins/datasource/prometheus',
        info: {
          logos: {
            small: 'public/app/plugins/datasource/prometheus/img/prometheus_logo.svg',
            large: 'public/app/plugins/datasource/prometheus/img/prometheus_logo.svg',
          },
        },
        metrics: true,
        alerting: true,
        backend: true,
      },
    };
  metas[app.id] = {
    id: app.id,
    name: app.name,
    type: 'app',
    module: `${appBase}/module.js`,
    baseUrl: appBase,
    info: withLogoUrls(app.info, appBase),
    includes: app.includes,
    dependencies: app.dependencies,
  };
  for (const include of app.includes ?? []) {
    if (include.type !== 'datasource' || !include.path) {
      continue;
    }
    const dir = path.dirname(include.path);
    const nested = JSON.parse(readFileSync(path.join(distDir, include.path), 'utf8')) as PluginJson;
    const base = `${appBase}/${dir}`;
    metas[nested.id] = {
      id: nested.id,
      name: nested.name,
      type: 'datasource',
      module: `${base}/module.js`,
      baseUrl: base,
      info: withLogoUrls(nested.info, base),
      metrics: nested.metrics,
      backend: nested.backend,
      routes: nested.routes ?? [],
    };
  }
  return { app, metas };
}

function withLogoUrls(info: Record<string, unknown>, base: string) {
  const logos = (info.logos ?? {}) as Record<string, string>;
  return { ...info, logos: { small: `${base}/${logos.small}`, large: `${base}/${logos.large}` } };
}

function browserMetas(metas: Record<string, PluginMetaLite & { routes?: unknown }>) {
  // Routes (and their secret templates) stay on the server, as in Grafana.
  return Object.fromEntries(Object.entries(metas).map(([id, { routes, ...meta }]) => (void routes, [id, meta])));
}

/** The double's user for a role (tests/grafana-double/users.ts), named by its request header. */
function doubleUserHeader(role: SandboxRole): Record<string, string> {
  return { 'X-Grafana-Double-User': role.toLowerCase() };
}

function roleOf(req: IncomingMessage): SandboxRole {
  const match = /grafana_sandbox_role=(Admin|Editor|Viewer)/.exec(req.headers.cookie ?? '');
  return (match?.[1] as SandboxRole) ?? 'Admin';
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseJson(buffer: Buffer): unknown {
  if (buffer.length === 0) {
    return undefined;
  }
  try {
    return JSON.parse(buffer.toString('utf8'));
  } catch {
    return buffer.toString('utf8');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function serveFile(res: ServerResponse, file: string) {
  if (!existsSync(file) || !statSync(file).isFile()) {
    sendJson(res, 404, { message: `Not found: ${path.basename(file)}` });
    return;
  }
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': statSync(file).size,
    'Cache-Control': 'no-store',
  });
  createReadStream(file).pipe(res);
}

function inside(dir: string, relative: string): string | undefined {
  const file = path.resolve(dir, decodeURIComponent(relative));
  return file.startsWith(dir + path.sep) ? file : undefined;
}

export async function startSandbox({ grafanaApi, port = 0, distDir = DIST_DIR }: SandboxOptions): Promise<Sandbox> {
  const { app, metas } = readPlugins(distDir);
  const calls: ApiCall[] = [];
  /**
   * Datasource secrets (secureJsonData) by uid. Grafana keeps them encrypted server-side and only
   * reports which are set (secureJsonFields); the double does not store them, so the sandbox keeps
   * them here, for the datasource proxy to fill route templates with.
   */
  const secrets = new Map<string, Record<string, string>>();
  const panels = Object.fromEntries(PANEL_IDS.map((id) => [id, panelMeta(id)]));

  const apiFetch = async (apiPath: string, role: SandboxRole) => {
    const response = await fetch(`${grafanaApi.url}${apiPath}`, { headers: doubleUserHeader(role) });
    if (!response.ok) {
      throw new Error(`The Grafana API double answered ${response.status} to GET ${apiPath}: ${await response.text()}`);
    }
    return response.json();
  };
  const datasourceRecords = () => apiFetch('/api/datasources', 'Admin') as Promise<DataSourceRecord[]>;

  const settingsFor = async (origin: string) => bootSettings(await datasourceRecords(), metas, panels, origin);

  const html = async (req: IncomingMessage, origin: string) => {
    const boot = { user: bootUser(roleOf(req)), settings: await settingsFor(origin), navTree: [] };
    const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<base href="/" />
<style>body { margin: 0; }</style>
<title>Grafana plugin sandbox</title>
<script>
window.grafanaBootData = ${json(boot)};
window.__sandboxBoot = ${json({ pluginMetas: browserMetas(metas) })};
</script>
</head>
<body class="theme-dark app-grafana">
<div id="reactRoot"></div>
<script src="/sandbox/grafana-host.js"></script>
</body>
</html>`;
  };

  const proxy = async (
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
    proxyPath: string,
    query: string,
    body: Buffer
  ) => {
    const record = (await apiFetch(`/api/datasources/uid/${uid}`, 'Admin')) as DataSourceRecord & { url?: string };
    const routes = metas[record.type]?.routes ?? [];
    const secureJsonData = secrets.get(uid) ?? {};
    const method = req.method ?? 'GET';
    const target = resolveProxyTarget(routes, { ...record, secureJsonData }, method, proxyPath, query);
    const upstream = await fetch(target.url, {
      method,
      headers: {
        ...target.headers,
        ...(req.headers['content-type'] ? { 'Content-Type': req.headers['content-type'] } : {}),
      },
      body: method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(body),
    });
    if (upstream.status === 401) {
      return sendJson(res, 400, { message: 'Authentication to data source failed' });
    }
    res.writeHead(upstream.status, {
      'Content-Type': upstream.headers.get('content-type') ?? 'application/octet-stream',
    });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  };

  /** Keeps secrets sent with a datasource save and reports them as set, as Grafana does. */
  const withSecrets = (uid: string, method: string, sent: unknown, answer: Record<string, any>) => {
    const sentSecrets = (sent as { secureJsonData?: Record<string, string> } | undefined)?.secureJsonData;
    if ((method === 'PUT' || method === 'POST') && sentSecrets) {
      const kept = { ...(secrets.get(uid) ?? {}) };
      for (const [key, value] of Object.entries(sentSecrets)) {
        if (value === '' || value === null) {
          delete kept[key];
        } else {
          kept[key] = String(value);
        }
      }
      secrets.set(uid, kept);
    }
    const fields = Object.fromEntries(Object.keys(secrets.get(uid) ?? {}).map((key) => [key, true]));
    if (answer.datasource) {
      return { ...answer, datasource: { ...answer.datasource, secureJsonFields: fields } };
    }
    return { ...answer, secureJsonFields: fields };
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<number> => {
    const role = roleOf(req);
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const record = (status: number) =>
      calls.push({ method, path: url.pathname + url.search, status, role, body: parseJson(body) });

    const proxyMatch = /^\/api\/datasources\/proxy\/uid\/([^/]+)\/?(.*)$/.exec(url.pathname);
    if (proxyMatch) {
      await proxy(req, res, proxyMatch[1], proxyMatch[2], url.search.slice(1), body);
      record(res.statusCode);
      return res.statusCode;
    }
    if (url.pathname === '/api/ds/query' && method === 'POST') {
      const records = await datasourceRecords();
      const answer = await answerDsQuery(parseJson(body) as DsQueryBody, (uid) => {
        const ds = records.find((r) => r.uid === uid);
        return ds?.type === 'prometheus' ? ds.url : undefined;
      });
      const status = dsQueryStatus(answer);
      sendJson(res, status, answer);
      record(status);
      return status;
    }
    // A Prometheus datasource's resource route: Grafana's promlib passes a GET through to the server with the
    // datasource's credentials (pkg/promlib/library.go, resource/resource.go Execute → client QueryResource).
    const resourceMatch = /^\/api\/datasources\/uid\/([^/]+)\/resources\/(.*)$/.exec(url.pathname);
    if (resourceMatch && method === 'GET') {
      const ds = (await datasourceRecords()).find((r) => r.uid === resourceMatch[1]);
      if (ds?.type !== 'prometheus' || !ds.url) {
        sendJson(res, 404, { message: 'Data source not found' });
        record(404);
        return 404;
      }
      const upstream = await fetch(`${ds.url.replace(/\/$/, '')}/${resourceMatch[2]}${url.search}`);
      res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
      record(upstream.status);
      return upstream.status;
    }
    if (url.pathname === '/api/frontend/settings') {
      sendJson(res, 200, await settingsFor(`http://${req.headers.host}/`));
      record(200);
      return 200;
    }

    const upstream = await fetch(`${grafanaApi.url}${url.pathname}${url.search}`, {
      method,
      headers: {
        ...doubleUserHeader(role),
        ...(req.headers['content-type'] ? { 'Content-Type': req.headers['content-type'] } : {}),
        // Grafana's provisioning API stores objects without provenance (editable in its UI) when this is sent.
        ...(req.headers['x-disable-provenance']
          ? { 'X-Disable-Provenance': String(req.headers['x-disable-provenance']) }
          : {}),
      },
      body: method === 'GET' || method === 'HEAD' || body.length === 0 ? undefined : new Uint8Array(body),
    });
    let text = await upstream.text();
    const datasourceUid = /^\/api\/datasources\/uid\/([^/]+)$/.exec(url.pathname)?.[1];
    if (datasourceUid && upstream.ok) {
      text = JSON.stringify(withSecrets(datasourceUid, method, parseJson(body), JSON.parse(text)));
    }
    const appSettings = url.pathname === `/api/plugins/${app.id}/settings` && method === 'GET' && upstream.ok;
    if (appSettings) {
      // Grafana answers with the plugin's meta from plugin.json plus the stored settings; the double keeps only the latter.
      const stored = JSON.parse(text) as Record<string, unknown>;
      const { routes, ...meta } = metas[app.id] as unknown as Record<string, unknown>;
      void routes;
      text = JSON.stringify({
        ...meta,
        ...stored,
        ...pick(meta, ['module', 'baseUrl', 'info', 'includes', 'type', 'name']),
      });
    }
    res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(text);
    record(upstream.status);
    return upstream.status;
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    try {
      if (url.pathname.startsWith('/api/')) {
        await handleApi(req, res, url);
        return;
      }
      if (url.pathname.startsWith('/sandbox/')) {
        const file = inside(BUILD_DIR, url.pathname.slice('/sandbox/'.length));
        return file ? serveFile(res, file) : sendJson(res, 404, { message: 'Not found' });
      }
      const pluginPrefix = `/public/plugins/${app.id}/`;
      if (url.pathname.startsWith(pluginPrefix)) {
        const file = inside(distDir, url.pathname.slice(pluginPrefix.length));
        return file ? serveFile(res, file) : sendJson(res, 404, { message: 'Not found' });
      }
      if (url.pathname.startsWith('/public/img/icons/')) {
        // @grafana/ui loads its icons as SVG files from Grafana's public/img/icons; the npm package ships them.
        // The package ships a subset (not e.g. unicons/spinner.svg): others get a placeholder, as a missing icon here
        // says nothing about Grafana.
        const file = inside(UI_ICONS_DIR, url.pathname.slice('/public/img/icons/'.length));
        if (file && existsSync(file)) {
          return serveFile(res, file);
        }
        res.writeHead(200, { 'Content-Type': 'image/svg+xml' });
        res.end(PLACEHOLDER_ICON);
        return;
      }
      if (url.pathname.startsWith('/public/fonts/')) {
        // Grafana's fonts (Inter, Roboto Mono) are not in any npm package: the browser falls back to system fonts.
        res.writeHead(204);
        res.end();
        return;
      }
      if (url.pathname.startsWith('/public/')) {
        // Grafana's own images (core datasource logos, avatars): a placeholder, so pages load without 404s.
        res.writeHead(200, { 'Content-Type': 'image/svg+xml' });
        res.end(PLACEHOLDER_LOGO);
        return;
      }
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204);
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(await html(req, `http://${req.headers.host}/`));
    } catch (error) {
      if (!res.headersSent) {
        sendJson(res, 502, { message: `Sandbox: ${error instanceof Error ? error.message : String(error)}` });
      } else {
        res.end();
      }
      if (url.pathname.startsWith('/api/')) {
        calls.push({ method: req.method ?? 'GET', path: url.pathname, status: 502, role: roleOf(req) });
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function pick(source: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

export { APP_ID };

if (require.main === module) {
  (async () => {
    const { startGrafanaApi } = await import('./grafanaApi');
    const { buildHostBundle } = await import('./build');
    await buildHostBundle();
    const grafanaApi = await startGrafanaApi();
    const sandbox = await startSandbox({ grafanaApi, port: Number(process.env.FSM_SANDBOX_PORT ?? 3300) });
    console.log(`sandbox: ${sandbox.url}/a/${APP_ID}/home  (Grafana API: ${grafanaApi.url}); Ctrl-C stops it`);
  })().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
