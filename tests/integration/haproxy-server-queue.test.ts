// Journey: a backend's users are bound to one server (here by `balance uri`; a persistence cookie or use-server do
// the same), and that server is at its maxconn. Their requests wait in the server's queue, and the backend's own
// queue stays 0: HAProxy counts there only requests without a server (haproxy-shared.ts, `queuedRequests`). The
// queueing alerts of both packs, read by HAProxy's own exporter and by haproxy_exporter, must still see the backend.
// The stack's be_queue (scripts/stack/templates/haproxy.cfg) has one server with maxconn 1 that holds each request
// 30 s: of four requests sent at once, one is served and three wait, so its queue stands for 90 s.
import { alertExpr, eventually, haproxyFrontendUrl } from './harness';
import { createPrometheusClient } from './prometheus';

const prometheus = createPrometheusClient();

// The alerts read the queue over 5 minutes; the test holds it 90 s and reads the same expressions over 30 s.
const WINDOW = '30s';
const REQUESTS = 4;

const PACKS = [
  { pack: 'haproxy', job: 'haproxy', label: 'proxy', alert: 'HaproxyBackendQueueing' },
  { pack: 'haproxy-exporter', job: 'haproxy_exporter', label: 'backend', alert: 'HaproxyCsvBackendQueueing' },
];
// One queue of be_queue as both exporters name it.
const queue = (metric: string) =>
  PACKS.map(({ job, label }) => `${metric}{job="${job}",${label}="be_queue"}`).join(' or ');

describe('queueing alerts on a backend whose requests wait in its server’s queue', () => {
  it('return the backend while its server’s queue stands and its own queue stays empty', async () => {
    const held = new AbortController();
    // Their answers come 30 s apart, after the test: it leaves them to HAProxy (see be_queue's comment).
    const requests = Array.from({ length: REQUESTS }, () =>
      fetch(`${haproxyFrontendUrl()}/fsm-queue/held`, { signal: held.signal }).catch(() => undefined)
    );
    try {
      // The premise, from both exporters: requests wait in the server's queue, none in the backend's.
      const servers = await eventually(
        'be_queue’s server queue above 0 from both exporters',
        () => prometheus.instantQuery(queue('haproxy_server_current_queue')),
        (result) => result.length === 2 && result.every((s) => Number(s.value[1]) > 0)
      );
      expect(servers.map((s) => s.metric.job).sort()).toEqual(['haproxy', 'haproxy_exporter']);
      const backends = await prometheus.instantQuery(queue('haproxy_backend_current_queue'));
      expect(backends.map((s) => [s.metric.job, Number(s.value[1])]).sort()).toEqual([
        ['haproxy', 0],
        ['haproxy_exporter', 0],
      ]);
      for (const { pack, label, alert } of PACKS) {
        // Once every sample of the window holds the queue: from a scrape after the requests, plus the window.
        const holding = await eventually(
          `${alert} over ${WINDOW} returning be_queue`,
          () => prometheus.instantQuery(alertExpr(pack, alert, { window: WINDOW })),
          (result) => result.some((s) => s.metric[label] === 'be_queue'),
          { timeoutMs: 60_000, intervalMs: 2_000 }
        );
        expect(holding.filter((s) => s.metric[label] === 'be_queue').length).toBe(1);
      }
    } finally {
      held.abort();
      await Promise.all(requests);
    }
  });
});
