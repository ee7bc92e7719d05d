/**
 * promtool cases both HAProxy packs share, for the alerts of haproxy-shared.ts: the same stats fields under the
 * same metric names, told apart only by the label naming the backend (`proxy` on the built-in exporter, `backend`
 * on haproxy_exporter). Each pack passes its fixture's series (see its own .promtool.ts).
 */
import type { FireAndQuiet } from '../promtool-cases';

/** One series of the pack's fixture, as a promtool series string. */
export type FixtureSeries = (metric: string, labels?: Record<string, string>) => string;

/**
 * The pack's fixture series and its version family, the label naming a backend, the target's job and instance,
 * and the pack's state series of a backend `be_down` that is DOWN all along.
 */
export interface HaproxyCaseContext {
  series: FixtureSeries;
  family: string;
  backendLabel: 'proxy' | 'backend';
  target: Record<string, string>;
  backendDown: Array<{ series: string; values: string }>;
}

/** A backend's 2xx and 5xx responses, as promtool values (counters). */
type PerMinute = { ok: string; failed: string };

function responses(c: HaproxyCaseContext, backend: string, perMinute: PerMinute) {
  const of = (code: string) => c.series('haproxy_backend_http_responses_total', { [c.backendLabel]: backend, code });
  return [
    { series: of('2xx'), values: perMinute.ok },
    { series: of('5xx'), values: perMinute.failed },
  ];
}

// An idle backend: a request a minute, and four 5xx in four minutes while its only server restarted. Its share
// of 5xx holds above 20 % from minute 12 to 17 (2 of 7 responses, up to 4 of 9), long enough for the critical
// rule's `for` and more for the warning's, but four failures in the window are under one a minute
// (HTTP_5XX_FLOOR). Both rules fired here before the floor.
const idleBackend = (c: HaproxyCaseContext) => responses(c, 'be_idle', { ok: '0+1x40', failed: '0x10 1 2 3 4x30' });
// A DOWN backend still sent requests: HAProxy answers each with its own 503. The backend-down alert speaks for it;
// both 5xx rules fired here too before they left DOWN backends out.
const downBackend = (c: HaproxyCaseContext) => [
  ...responses(c, 'be_down', { ok: '0x40', failed: '0+5x40' }),
  ...c.backendDown,
];

export function http5xxCases(
  c: HaproxyCaseContext
): Record<'http-5xx' | 'http-5xx-crit', FireAndQuiet & { family: string }> {
  // be_app fires on `firing`; on `quiet` it stays quiet beside the idle and the DOWN backend.
  const onBeApp = (firing: PerMinute, quiet: PerMinute) => ({
    family: c.family,
    fires: {
      series: responses(c, 'be_app', firing),
      evalTime: '15m',
      labels: { ...c.target, [c.backendLabel]: 'be_app' },
    },
    quiet: {
      series: [...responses(c, 'be_app', quiet), ...idleBackend(c), ...downBackend(c)],
      evalTime: '17m',
    },
  });
  return {
    'http-5xx': onBeApp({ ok: '0+90x20', failed: '0+10x20' }, { ok: '0+99x20', failed: '0+1x20' }),
    // A quiet backend that fails all it gets, two requests a minute: the floor is on the failures, not the
    // traffic, so it still fires.
    'http-5xx-crit': onBeApp({ ok: '0x20', failed: '0+2x20' }, { ok: '0+90x20', failed: '0+10x20' }),
  };
}

/**
 * Connection errors all along fire; a deploy's three minutes of refusals stay quiet: they are in the 5-minute
 * rate from minute 22 to 28, and the quiet case is evaluated at 28, where only the 15-minute `for` keeps them
 * quiet. Beside them a DOWN backend still gets requests, each a 503 that HAProxy counts as a connection error
 * (no server available): it errs for 28 minutes, but the backend-down alert speaks for it. This one fired on it
 * before it left DOWN backends out.
 */
export function connectionErrorCases(c: HaproxyCaseContext): FireAndQuiet {
  const errors = (backend: string) =>
    c.series('haproxy_backend_connection_errors_total', { [c.backendLabel]: backend });
  return {
    fires: {
      series: [{ series: errors('be_app'), values: '0+3x30' }],
      evalTime: '25m',
      labels: { ...c.target, [c.backendLabel]: 'be_app' },
    },
    quiet: {
      series: [
        { series: errors('be_app'), values: '0x20 0+20x3 60x10' },
        { series: errors('be_down'), values: '0+3x35' },
        ...c.backendDown,
      ],
      evalTime: '28m',
    },
  };
}

/**
 * A standing queue fires wherever it stands. On `server`, be_app's users are bound to web1 (a persistence cookie, a
 * hashing balance), which is at its maxconn: they wait in web1's queue for 25 minutes while the backend's own
 * queue, the one metric the rule read before, stays 0; the rule missed it then. On `backend`, every server is full
 * and the backend's queue stands. Quiet: bursts that empty between scrapes, in the backend's queue and a server's.
 */
export function queueingCases(
  c: HaproxyCaseContext,
  standing: 'server' | 'backend'
): FireAndQuiet & { family: string } {
  const backendQueue = (values: string) => ({
    series: c.series('haproxy_backend_current_queue', { [c.backendLabel]: 'be_app' }),
    values,
  });
  const serverQueue = (values: string) => ({
    series: c.series('haproxy_server_current_queue', { [c.backendLabel]: 'be_app', server: 'web1' }),
    values,
  });
  const [empty, stands] = ['0x30', '0x5 4x25'];
  const bursts = '0x5 4 0 4 0 4 0 4 0 4 0 4 0 4 0 4 0 4 0 4 0 4 0';
  return {
    family: c.family,
    fires: {
      series:
        standing === 'server' ? [backendQueue(empty), serverQueue(stands)] : [backendQueue(stands), serverQueue(empty)],
      evalTime: '25m',
      labels: { ...c.target, [c.backendLabel]: 'be_app' },
    },
    quiet: { series: [backendQueue(bursts), serverQueue(bursts)], evalTime: '25m' },
  };
}
