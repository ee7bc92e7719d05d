#!/usr/bin/env node
// Thin stand-ins for long-term stores, in front of the topology's global Prometheus (which receives the edges'
// remote write): one port answers the way Mimir's API does, one the way Thanos Query's does, one the way
// VictoriaMetrics single-node's does, for exactly the differences the plugin meets. Everything else is passed
// through to the global Prometheus unchanged, so queries return real data.
//
//   node store-proxy.mjs --upstream http://127.0.0.1:19194 --mimir 19196 --thanos 19197 --thanos-partial 19189 \
//     --victoriametrics 19198
//
// Each behaviour names its source (repository, version or commit, file). No dependencies: the stack starts
// without node_modules.
import { createServer, request } from 'node:http';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    upstream: { type: 'string' },
    mimir: { type: 'string' },
    thanos: { type: 'string' },
    'thanos-partial': { type: 'string' },
    victoriametrics: { type: 'string' },
  },
});
const upstream = new URL(args.upstream ?? 'http://127.0.0.1:19194');

function send(res, status, body, type = 'application/json') {
  res.writeHead(status, { 'Content-Type': type });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Passes the request to the global Prometheus at `path` (query string kept); `transform` may rewrite a JSON body. */
function forward(req, res, path, transform) {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    // identity encoding: the transform reads the body as text (and a gzip body would need its header passed on)
    const headers = { ...req.headers, host: upstream.host, 'accept-encoding': 'identity' };
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path, headers },
      (answer) => {
        const body = [];
        answer.on('data', (c) => body.push(c));
        answer.on('end', () => {
          let text = Buffer.concat(body).toString('utf8');
          if (transform && answer.statusCode === 200) {
            text = JSON.stringify(transform(JSON.parse(text)));
          }
          res.writeHead(answer.statusCode ?? 502, { 'Content-Type': answer.headers['content-type'] ?? 'text/plain' });
          res.end(text);
        });
      }
    );
    out.on('error', (err) => send(res, 502, `upstream: ${err.message}\n`, 'text/plain'));
    out.end(Buffer.concat(chunks));
  });
}

// ------------------------------------------------------------------------------------------------------ Mimir --
// grafana/mimir pkg/api/api.go (RegisterQueryAPI, commit 7b5f528): the Prometheus API lives under
// -http.prometheus-http-prefix, default "/prometheus"; the routes are read, query, query_range, query_exemplars,
// labels, label/{name}/values, series, status/buildinfo, metadata, cardinality/*, format_query, plus rules and
// alerts from the ruler (RegisterRulerAPI). There is no /api/v1/targets and no /api/v1/status/flags: Mimir scrapes
// nothing and has no TSDB retention flag of Prometheus'. Unknown paths get gorilla/mux's plain "404 page not found".
// Every route but buildinfo is registered with auth=true: grafana/dskit middleware/http_auth.go (AuthenticateUser)
// answers a request without the tenant header X-Scope-OrgID (dskit user/http.go) with 401 and "no org id".
const MIMIR_PREFIX = '/prometheus';
const MIMIR_ROUTES = [
  /^\/api\/v1\/(read|query|query_range|query_exemplars|labels|series|metadata|format_query|rules|alerts)$/,
  /^\/api\/v1\/label\/[^/]+\/values$/,
  /^\/api\/v1\/cardinality\/[a-z_]+$/,
];
function mimir(req, res) {
  const url = new URL(req.url, 'http://x');
  const rest = url.pathname.startsWith(`${MIMIR_PREFIX}/`) ? url.pathname.slice(MIMIR_PREFIX.length) : undefined;
  if (rest === '/api/v1/status/buildinfo') {
    return forward(req, res, rest + url.search); // auth=false in RegisterQueryAPI
  }
  if (rest === undefined || !MIMIR_ROUTES.some((r) => r.test(rest))) {
    return send(res, 404, '404 page not found\n', 'text/plain; charset=utf-8');
  }
  if (!req.headers['x-scope-orgid']) {
    return send(res, 401, 'no org id\n', 'text/plain; charset=utf-8');
  }
  return forward(req, res, rest + url.search);
}

// ----------------------------------------------------------------------------------------------- Thanos Query --
// thanos-io/thanos v0.42.4 pkg/api/query/v1.go: "dedup" (DedupParam) defaults to true (parseEnableDedupParam), and
// deduplication drops the --query.replica-label labels (here "replica", as the topology's HA pair uses) before
// evaluation. A proxy can only drop them from the answer, which matches Thanos for queries whose result keeps the
// replica label (selectors, rates, comparisons): enough to show the plugin's queries stay correct once the label
// is gone, not a model of Thanos' evaluation. /api/v1/targets aggregates the Targets API of the stores
// (NewTargetsHandler); with a remote-write receiver (Thanos Receive) behind it none of the edges' targets are
// there. /api/v1/status/flags (pkg/api/api.go, BaseAPI.Register) returns Thanos' own flags, which hold no
// storage.tsdb.retention.time.
const THANOS_REPLICA_LABELS = ['replica'];
function dedupe(body) {
  const result = body?.data?.result;
  if (!Array.isArray(result)) {
    return body;
  }
  const seen = new Map();
  for (const series of result) {
    for (const label of THANOS_REPLICA_LABELS) {
      delete series.metric[label];
    }
    const key = JSON.stringify(Object.entries(series.metric).sort());
    if (!seen.has(key)) {
      seen.set(key, series);
    }
  }
  return { ...body, data: { ...body.data, result: [...seen.values()] } };
}
/**
 * Thanos Query with a second StoreAPI that is down (a sidecar of a datacenter that is unreachable), v0.42.4:
 * pkg/store/proxy_merge.go turns the failing store into the warning "receive series from <store>: <err>";
 * with partial response enabled (--query.partial-response, default true; the "partial_response" parameter
 * overrides it, pkg/api/query/v1.go parsePartialResponseParam) the answer is the other stores' data plus
 * that warning in "warnings" (pkg/api/api.go Respond). Disabled, pkg/store/proxy.go aborts the query
 * (codes.Aborted), which the API answers as an execution error: HTTP 422 (pkg/api/api.go RespondError).
 */
const DEAD_STORE = '127.0.0.1:10901';
const DEAD_STORE_WARNING = `receive series from ${DEAD_STORE}: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp ${DEAD_STORE}: connect: connection refused"`;
function thanosPartial(req, res) {
  const url = new URL(req.url, 'http://x');
  const isQuery = url.pathname === '/api/v1/query' || url.pathname === '/api/v1/query_range';
  if (!isQuery) {
    return thanos(req, res);
  }
  if ((url.searchParams.get('partial_response') ?? 'true') !== 'true') {
    return send(res, 422, {
      status: 'error',
      errorType: 'execution',
      error: `rpc error: code = Aborted desc = ${DEAD_STORE_WARNING}`,
    });
  }
  return thanos(req, res, (body) => ({ ...body, warnings: [...(body.warnings ?? []), DEAD_STORE_WARNING] }));
}

function thanos(req, res, extra = (body) => body) {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/api/v1/targets') {
    return send(res, 200, { status: 'success', data: { activeTargets: [], droppedTargets: [] } });
  }
  if (url.pathname === '/api/v1/status/flags') {
    return send(res, 200, {
      status: 'success',
      data: { 'query.replica-label': THANOS_REPLICA_LABELS.join(','), 'query.partial-response': 'true' },
    });
  }
  const dedup = (url.searchParams.get('dedup') ?? 'true') === 'true';
  const isQuery = url.pathname === '/api/v1/query' || url.pathname === '/api/v1/query_range';
  const deduped = isQuery && dedup && req.method === 'GET' ? dedupe : (body) => body;
  return forward(req, res, url.pathname + url.search, isQuery ? (body) => extra(deduped(body)) : undefined);
}

// ---------------------------------------------------------------------------------- VictoriaMetrics single --
// VictoriaMetrics v1.150.0 app/vmselect/main.go: the API answers with and without a "/prometheus" prefix
// (RequestHandler strips it); /api/v1/status/buildinfo is a fixed {"version":"2.24.0"}, so the reported version
// says nothing about VictoriaMetrics. /api/v1/targets (app/vminsert/main.go, lib/promscrape/targetstatus.go
// WriteAPIV1Targets) lists only what VictoriaMetrics scrapes itself: nothing when it only receives remote write.
// /api/v1/status/flags is not a route: lib/httpserver/httpserver.go answers unknown paths with HTTP 400 and the
// plain text `unsupported path requested: "<path>"` (Errorf's default status is 400).
function victoriametrics(req, res) {
  const url = new URL(req.url, 'http://x');
  const path = url.pathname.startsWith('/prometheus/') ? url.pathname.slice('/prometheus'.length) : url.pathname;
  if (path === '/health') {
    return send(res, 200, 'OK', 'text/plain');
  }
  if (path === '/api/v1/status/buildinfo') {
    return send(res, 200, { status: 'success', data: { version: '2.24.0' } });
  }
  if (path === '/api/v1/targets') {
    return send(res, 200, { status: 'success', data: { activeTargets: [], droppedTargets: [] } });
  }
  if (path === '/api/v1/status/flags') {
    return send(res, 400, `unsupported path requested: ${JSON.stringify(url.pathname)}\n`, 'text/plain; charset=utf-8');
  }
  return forward(req, res, path + url.search);
}

for (const [port, handler] of [
  [args.mimir, mimir],
  [args.thanos, thanos],
  [args['thanos-partial'], thanosPartial],
  [args.victoriametrics, victoriametrics],
]) {
  if (port) {
    createServer(handler).listen(Number(port), '127.0.0.1');
  }
}
