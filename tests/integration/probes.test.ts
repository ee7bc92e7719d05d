// Journey: an operator's probes meet answers the blackbox and DNS packs must read right. On the stack's own
// blackbox_exporter (Debian's 0.23), a check that a page stays gone succeeds on its 404, and an endpoint or a DNS
// server that never answers makes each probe last as long as the module's timeout. These are the series the
// promtool cases of BlackboxHttpStatusError, BlackboxProbeSlow and DNSSlowResponse / DNSVerySlowResponse stay
// quiet on (blackbox.promtool.ts, dns.promtool.ts): the first is healthy, the others the probe-failed alerts',
// and none of them an error page or a slow answer.
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket } from 'node:net';
import { prometheusUrl, readStackEnv } from './prometheus';

const blackboxUrl = () => {
  const url = readStackEnv().FSM_BLACKBOX_URL;
  if (!url) {
    throw new Error('FSM_BLACKBOX_URL is not in the stack env: start the test stack with scripts/stack/start.sh');
  }
  return url;
};

/** One probe through the exporter's /probe, its unlabelled samples by name. */
async function probe(module: string, target: string): Promise<Map<string, number>> {
  const url = `${blackboxUrl()}/probe?${new URLSearchParams({ module, target })}`;
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  }
  const samples = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    const match = /^([a-z_]+) (\S+)$/.exec(line);
    if (match) {
      samples.set(match[1], Number(match[2]));
    }
  }
  return samples;
}

describe('probes whose answers the packs must not misread', () => {
  it('a module that expects 404 succeeds on it: healthy, whatever the status code says', async () => {
    const samples = await probe('http_404_expected', `${prometheusUrl()}/no-such-page`);
    expect(samples.get('probe_http_status_code')).toBe(404);
    expect(samples.get('probe_success')).toBe(1);
  });

  describe('an HTTP endpoint that accepts the connection and never answers', () => {
    let hung: Server;
    const accepted = new Set<Socket>();
    beforeAll(async () => {
      hung = createServer((socket) => accepted.add(socket));
      await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    });
    // close() waits for every accepted connection, which this server never ends by itself.
    afterAll(() => {
      accepted.forEach((socket) => socket.destroy());
      return new Promise<void>((resolve) => hung.close(() => resolve()));
    });

    it('fails each probe at the timeout', async () => {
      const address = hung.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const samples = await probe('http_2xx', `http://127.0.0.1:${port}/`);
      expect(samples.get('probe_success')).toBe(0);
      expect(samples.get('probe_http_status_code')).toBe(0);
      // Module http_2xx has timeout: 3s: three times BlackboxProbeSlow's default bound.
      expect(samples.get('probe_duration_seconds')).toBeGreaterThanOrEqual(2.9);
    });
  });

  describe('a DNS server that never answers', () => {
    let silent: UdpSocket;
    beforeAll(async () => {
      silent = createSocket('udp4');
      await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => silent.close(() => resolve())));

    it('holds each probe for the whole timeout, with no answer', async () => {
      const samples = await probe('dns', `127.0.0.1:${silent.address().port}`);
      expect(samples.get('probe_dns_query_succeeded')).toBe(0);
      expect(samples.get('probe_success')).toBe(0);
      // Module dns has timeout: 3s (scripts/stack/templates/blackbox.yml): as long as DNSVerySlowResponse's bound.
      expect(samples.get('probe_duration_seconds')).toBeGreaterThanOrEqual(2.9);
    });
  });
});
