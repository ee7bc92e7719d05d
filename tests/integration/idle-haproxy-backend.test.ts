// Journey: the stack's HAProxy has a backend no one uses, be_idle (scripts/stack/templates/haproxy.cfg), as every
// real site has some. It gets two requests and one of them fails: half its responses are 5xx, far above both
// thresholds, from one failure. The 5xx alerts of both HAProxy packs, read by HAProxy's own exporter and by
// haproxy_exporter, must not judge it (HTTP_5XX_FLOOR in src/catalog/exporters/haproxy-shared.ts).
import { alertExpr, eventually, haproxyFrontendUrl } from './harness';
import { createPrometheusClient } from './prometheus';

const prometheus = createPrometheusClient();

// be_idle's share of 5xx over the alerts' 5-minute window, as each exporter names the backend.
const SHARE = (job: string, label: string) => {
  const responses = (code: string) =>
    `sum by (job) (rate(haproxy_backend_http_responses_total{job="${job}",${label}="be_idle"${code}}[5m]))`;
  return `${responses(',code="5xx"')} / ${responses('')}`;
};

const ALERTS = [
  { pack: 'haproxy', label: 'proxy', names: ['HaproxyBackendHttp5xx', 'HaproxyBackendHttp5xxCritical'] },
  {
    pack: 'haproxy-exporter',
    label: 'backend',
    names: ['HaproxyCsvBackendHttp5xx', 'HaproxyCsvBackendHttp5xxCritical'],
  },
];

describe('5xx alerts on the stack’s idle HAProxy backend', () => {
  it('hold for no backend whose one request of two failed', async () => {
    for (const [path, status] of [
      ['ok', 200],
      ['fail', 503],
    ] as const) {
      const res = await fetch(`${haproxyFrontendUrl()}/fsm-idle/${path}`);
      await res.arrayBuffer();
      expect(res.status).toBe(status);
    }
    // The premise: both exporters count HAProxy's own 503 as be_idle's, and Prometheus has read it, so its share
    // of 5xx is above the critical threshold (a share, not a count: it reads the same whatever ran before).
    const shares = await eventually(
      'be_idle’s 5xx share from both exporters (a scrape of each after the requests)',
      () => prometheus.instantQuery(`${SHARE('haproxy', 'proxy')} or ${SHARE('haproxy_exporter', 'backend')}`),
      (result) => result.length === 2 && result.every((s) => Number(s.value[1]) > 0.2)
    );
    expect(shares.map((s) => s.metric.job).sort()).toEqual(['haproxy', 'haproxy_exporter']);
    for (const { pack, label, names } of ALERTS) {
      for (const name of names) {
        const holding = await prometheus.instantQuery(alertExpr(pack, name));
        expect({ name, idle: holding.filter((s) => s.metric[label] === 'be_idle') }).toEqual({ name, idle: [] });
      }
    }
  });
});
