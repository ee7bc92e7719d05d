#!/usr/bin/env node
// Serves each exporter fixture (tests/fixtures/exporters/*.prom) as its own scrape target, so Prometheus sees
// one host:port per "exporter", exactly like a real fleet, and the inventory code cannot cheat on paths.
//
//   node fixture-server.mjs --dir DIR --base-port N            serve (N = control port, fixtures on N+1, N+2, ...)
//   node fixture-server.mjs --dir DIR --base-port N --list     print "name job port honor_labels" lines and exit
//
// Control port (JSON): GET /fixtures lists them; POST /fixtures/<name>/stop closes that fixture's listener (the
// target then looks like a dead exporter: connection refused), POST /fixtures/<name>/start opens it again.
// GET /-/healthy answers 200 (with how many fixtures are serving) once the server is up.
//
// A fixture is a snapshot, so its counters never move (a panel showing `rate(...) > 0` would stay empty) and its
// Unix times would age with the wall clock. The `grows`, `timestamp`, `clock` and `now` directives (comment lines,
// so the file stays a valid exposition) say how each moves: fixture-time.mjs applies them on every scrape.
//
// Other directives (conventions in tests/fixtures/exporters/README.md, "Fixtures per version family"):
//   # fsm-stack: job NAME    the target's job, instead of the file name's part before the first "-" (a family of an
//                            exporter the stack also runs for real must not join the real exporter's job)
//   # fsm-stack: serve no    a family fixture that is read by tests only, never served (e.g. a capture of a family
//                            the stack already runs for real: serving it would only duplicate that exporter)
// `# family:`, `# fsm-healthy:` and other comments mean nothing to the server.
//
// No dependencies on purpose: the stack must start without node_modules.
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { asOf } from './fixture-time.mjs';

const HOST = '127.0.0.1';
const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const JOB_DIRECTIVE = /^# fsm-stack: job (\S*)\s*$/m;
const SERVE_DIRECTIVE = /^# fsm-stack: serve (\S*)\s*$/m;

/** `# fsm-stack: job NAME`, checked: a job name Prometheus accepts, or the file name's job when there is none. */
function jobOf(file, name, text) {
  const directive = JOB_DIRECTIVE.exec(text);
  if (!directive) {
    // jmx-0.17-0.20 and jmx-1.0-1.6 are two version families of one exporter, so they share the job "jmx".
    return name.split('-')[0];
  }
  if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(directive[1])) {
    throw new Error(`${file}: "# fsm-stack: job ${directive[1]}" is not a job name ([a-zA-Z_][a-zA-Z0-9_]*)`);
  }
  return directive[1];
}

/** `# fsm-stack: serve no` keeps a fixture off the stack; no other value is meant. */
function served(file, text) {
  const directive = SERVE_DIRECTIVE.exec(text);
  if (directive && directive[1] !== 'no') {
    throw new Error(`${file}: "# fsm-stack: serve ${directive[1]}" means nothing; only "serve no" exists`);
  }
  return !directive;
}

/**
 * Served fixtures in name order; the order fixes the port, so ports are stable while the file set is.
 * Files that are not served take no port.
 */
function listFixtures(dir, basePort) {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.prom') && !file.endsWith('-snapshot.prom'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }))
    .filter(({ file, text }) => served(file, text))
    .map(({ file, text }, index) => {
      const name = basename(file, '.prom');
      return {
        name,
        job: jobOf(file, name, text),
        port: basePort + 1 + index,
        path: join(dir, file),
        // An exposition that already names its job (graphite_exporter mappings do) must keep it.
        honorLabels: /^[^#].*[{,]job="/m.test(text),
      };
    });
}

const STARTED_AT = Date.now();

function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body, null, 2) + '\n');
}

function fixtureHandler(fixture) {
  return (req, res) => {
    if (req.method !== 'GET' || (req.url !== '/metrics' && !req.url.startsWith('/metrics?'))) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`fixture ${fixture.name} serves GET /metrics only\n`);
      return;
    }
    // Read on every scrape so an edited fixture shows up without a restart.
    try {
      const body = asOf(readFileSync(fixture.path, 'utf8'), { now: Date.now(), startedAt: STARTED_AT });
      res.writeHead(200, { 'content-type': EXPOSITION_CONTENT_TYPE });
      res.end(body);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`cannot read ${fixture.path}: ${err.message}\n`);
    }
  };
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    const onError = (err) => reject(new Error(`cannot listen on ${HOST}:${port}: ${err.message}`));
    server.once('error', onError);
    server.listen(port, HOST, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

async function serve(fixtures, basePort) {
  const servers = new Map(); // name -> http.Server while serving

  async function open(fixture) {
    if (servers.has(fixture.name)) {
      return;
    }
    const server = createServer(fixtureHandler(fixture));
    await listen(server, fixture.port);
    servers.set(fixture.name, server);
  }

  async function close(fixture) {
    const server = servers.get(fixture.name);
    if (!server) {
      return;
    }
    servers.delete(fixture.name);
    // Drop kept-alive scrape connections too, or Prometheus would keep scraping the "stopped" exporter.
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  const byName = new Map(fixtures.map((f) => [f.name, f]));
  const describe = () =>
    fixtures.map((f) => ({
      name: f.name,
      job: f.job,
      port: f.port,
      honorLabels: f.honorLabels,
      serving: servers.has(f.name),
    }));

  const control = createServer(async (req, res) => {
    const url = new URL(req.url, `http://${HOST}`);
    if (req.method === 'GET' && url.pathname === '/-/healthy') {
      sendJson(res, 200, { serving: servers.size, fixtures: fixtures.length });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/fixtures') {
      sendJson(res, 200, describe());
      return;
    }
    const action = /^\/fixtures\/([^/]+)\/(start|stop)$/.exec(url.pathname);
    if (req.method === 'POST' && action) {
      const fixture = byName.get(action[1]);
      if (!fixture) {
        sendJson(res, 404, { error: `no fixture named "${action[1]}"`, known: [...byName.keys()] });
        return;
      }
      try {
        await (action[2] === 'start' ? open(fixture) : close(fixture));
        sendJson(res, 200, { name: fixture.name, serving: servers.has(fixture.name) });
      } catch (err) {
        sendJson(res, 500, { error: err.message });
      }
      return;
    }
    sendJson(res, 404, { error: 'use GET /fixtures, GET /-/healthy, POST /fixtures/<name>/start|stop' });
  });

  await listen(control, basePort);
  for (const fixture of fixtures) {
    await open(fixture);
  }
  process.stdout.write(
    `fixture-server: ${fixtures.length} fixtures on ${HOST}:${basePort + 1}..${basePort + fixtures.length}, control on ${basePort}\n`
  );

  const shutdown = () => {
    control.close();
    for (const server of servers.values()) {
      server.closeAllConnections();
      server.close();
    }
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    'base-port': { type: 'string' },
    list: { type: 'boolean', default: false },
  },
});
const basePort = Number(values['base-port']);
if (!values.dir || !Number.isInteger(basePort) || basePort <= 0) {
  process.stderr.write('usage: fixture-server.mjs --dir DIR --base-port N [--list]\n');
  process.exit(2);
}
let fixtures;
try {
  fixtures = listFixtures(values.dir, basePort);
} catch (err) {
  process.stderr.write(`fixture-server: ${err.message}\n`);
  process.exit(2);
}
if (values.list) {
  for (const f of fixtures) {
    process.stdout.write(`${f.name} ${f.job} ${f.port} ${f.honorLabels}\n`);
  }
} else {
  serve(fixtures, basePort).catch((err) => {
    process.stderr.write(`fixture-server: ${err.message}\n`);
    process.exit(1);
  });
}
