import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GrafanaDouble } from './core';

/*
 * The double behind a real socket on 127.0.0.1, for a browser sandbox (a Grafana-less page that
 * loads the plugin and points its requests here) and for scripts. Port 0 picks a free port.
 */
export interface RunningDoubleServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export async function startGrafanaDoubleServer(
  double: GrafanaDouble,
  options: { port?: number; host?: string } = {}
): Promise<RunningDoubleServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    const aborter = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) {
        aborter.abort(new Error('client went away'));
      }
    });
    readBody(req)
      .then((text) =>
        double.handle({
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          headers: req.headers as Record<string, string>,
          body: text === '' ? undefined : JSON.parse(text),
          signal: aborter.signal,
        })
      )
      .then((answer) => {
        if (answer.status === 204 || answer.body === undefined) {
          res.writeHead(answer.status, answer.headers).end();
          return;
        }
        res
          .writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
          .end(JSON.stringify(answer.body));
      })
      .catch((err: unknown) => {
        if (!res.headersSent && !aborter.signal.aborted) {
          res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ message: String(err) }));
        }
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        double.releaseHangs();
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
