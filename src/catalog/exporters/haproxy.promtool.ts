/**
 * promtool cases for the haproxy alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 * Every series comes from a family's fixture (tests/fixtures/exporters/haproxy-*.prom).
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import { HAPROXY_FAMILIES } from '../evidence/haproxy';
import type { PromtoolCases } from '../promtool-cases';
import { connectionErrorCases, http5xxCases, queueingCases } from './haproxy-shared.promtool';

// promtool test series for one HAProxy process.
const HAP = { job: 'haproxy', instance: 'lb-1:8405' };
const v24 = familyFixture('haproxy', HAPROXY_FAMILIES.v24).at(HAP);
const v21 = familyFixture('haproxy', HAPROXY_FAMILIES.v21).at(HAP);
const v20 = familyFixture('haproxy', HAPROXY_FAMILIES.v20).at(HAP);

const hapSeries = (metric: string, labels: Record<string, string> = {}) => v24.series(metric, labels);
const FAMILY_OF = new Map([
  [v24, HAPROXY_FAMILIES.v24],
  [v21, HAPROXY_FAMILIES.v21],
  [v20, HAPROXY_FAMILIES.v20],
]);
const promexCase = (family: typeof v24) => ({
  series: (metric: string, labels: Record<string, string> = {}) => family.series(metric, labels),
  family: FAMILY_OF.get(family)!,
  backendLabel: 'proxy' as const,
  target: HAP,
  backendDown: backendDownAllAlong(family),
});

// A backend DOWN all along: from 2.4 one series per state, before one whose value is it.
function backendDownAllAlong(family: typeof v24) {
  const status = (labels: Record<string, string>, values: string) => ({
    series: family.series('haproxy_backend_status', { proxy: 'be_down', ...labels }),
    values,
  });
  return family === v24 ? [status({ state: 'UP' }, '0x40'), status({ state: 'DOWN' }, '1x40')] : [status({}, '0x40')];
}

export const haproxyPromtoolCases: PromtoolCases = {
  // ≥ 2.4: one series per state, value 1 on the current one; before: one series whose value is the state.
  'backend-down': {
    family: HAPROXY_FAMILIES.v24,
    fires: {
      series: [
        { series: v24.series('haproxy_backend_status', { proxy: 'be_app', state: 'UP' }), values: '1x5 0x10' },
        { series: v24.series('haproxy_backend_status', { proxy: 'be_app', state: 'DOWN' }), values: '0x5 1x10' },
      ],
      evalTime: '10m',
      labels: { ...HAP, proxy: 'be_app', state: 'UP' },
    },
    // DOWN for one scrape, evaluated at it (minute 6): the 2-minute maximum bridges it.
    quiet: {
      series: [
        { series: v24.series('haproxy_backend_status', { proxy: 'be_app', state: 'UP' }), values: '1x5 0 1x10' },
        { series: v24.series('haproxy_backend_status', { proxy: 'be_app', state: 'DOWN' }), values: '0x5 1 0x10' },
      ],
      evalTime: '6m',
    },
    otherFamilies: [
      {
        family: HAPROXY_FAMILIES.v21,
        fires: {
          series: [{ series: v21.series('haproxy_backend_status', { proxy: 'be_app' }), values: '1x5 0x10' }],
          evalTime: '10m',
          labels: { ...HAP, proxy: 'be_app' },
        },
        quiet: {
          series: [{ series: v21.series('haproxy_backend_status', { proxy: 'be_app' }), values: '1x5 0 1x10' }],
          evalTime: '6m',
        },
      },
    ],
  },
  'server-down': {
    family: HAPROXY_FAMILIES.v24,
    fires: {
      series: [
        {
          series: v24.series('haproxy_server_status', { proxy: 'be_app', server: 'web2', state: 'DOWN' }),
          values: '0x5 1x20',
        },
        {
          series: v24.series('haproxy_server_status', { proxy: 'be_app', server: 'web2', state: 'UP' }),
          values: '1x5 0x20',
        },
      ],
      evalTime: '20m',
      labels: { ...HAP, proxy: 'be_app', server: 'web2', state: 'DOWN' },
    },
    // Put in maintenance on purpose: its own state, not DOWN.
    quiet: {
      series: [
        {
          series: v24.series('haproxy_server_status', { proxy: 'be_app', server: 'web2', state: 'DOWN' }),
          values: '0x25',
        },
        {
          series: v24.series('haproxy_server_status', { proxy: 'be_app', server: 'web2', state: 'MAINT' }),
          values: '1x25',
        },
      ],
      evalTime: '20m',
    },
    otherFamilies: [
      {
        // 2.1 – 2.3: 0 = DOWN, 2 = MAINT (promex_srv_status).
        family: HAPROXY_FAMILIES.v21,
        fires: {
          series: [
            { series: v21.series('haproxy_server_status', { proxy: 'be_app', server: 'web2' }), values: '1x5 0x20' },
          ],
          evalTime: '20m',
          labels: { ...HAP, proxy: 'be_app', server: 'web2' },
        },
        quiet: {
          series: [
            { series: v21.series('haproxy_server_status', { proxy: 'be_app', server: 'web2' }), values: '1x5 2x20' },
          ],
          evalTime: '20m',
        },
      },
      {
        // 2.0 reports every state but UP as 0, so only an UP server is quiet (MAINT would fire): one scrape not UP,
        // evaluated at it (minute 6), is bridged by the 5-minute maximum.
        family: HAPROXY_FAMILIES.v20,
        fires: {
          series: [
            { series: v20.series('haproxy_server_status', { proxy: 'be_app', server: 'web2' }), values: '1x5 0x20' },
          ],
          evalTime: '20m',
          labels: { ...HAP, proxy: 'be_app', server: 'web2' },
        },
        quiet: {
          series: [
            {
              series: v20.series('haproxy_server_status', { proxy: 'be_app', server: 'web2' }),
              values: '1x5 0 1x19',
            },
          ],
          evalTime: '6m',
        },
      },
    ],
  },
  'server-flapping': {
    family: 'HAProxy ≥ 2.4',
    fires: {
      series: [
        {
          series: hapSeries('haproxy_server_check_up_down_total', { proxy: 'be_app', server: 'web2' }),
          values: '1x5 2 3 4 5 6x20',
        },
      ],
      evalTime: '20m',
      labels: { ...HAP, proxy: 'be_app', server: 'web2' },
    },
    quiet: {
      series: [
        {
          series: hapSeries('haproxy_server_check_up_down_total', { proxy: 'be_app', server: 'web2' }),
          values: '1x5 2x20',
        },
      ],
      evalTime: '20m',
    },
  },
  ...http5xxCases(promexCase(v24)),
  'frontend-sessions': {
    family: 'HAProxy ≥ 2.4',
    fires: {
      series: [
        { series: hapSeries('haproxy_frontend_current_sessions', { proxy: 'fe_web' }), values: '900x30' },
        { series: hapSeries('haproxy_frontend_limit_sessions', { proxy: 'fe_web' }), values: '1000x30' },
      ],
      evalTime: '20m',
      labels: { ...HAP, proxy: 'fe_web' },
    },
    quiet: {
      series: [
        { series: hapSeries('haproxy_frontend_current_sessions', { proxy: 'fe_web' }), values: '100x30' },
        { series: hapSeries('haproxy_frontend_limit_sessions', { proxy: 'fe_web' }), values: '1000x30' },
      ],
      evalTime: '20m',
    },
  },
  'process-connections': {
    family: 'HAProxy ≥ 2.4',
    fires: {
      series: [
        { series: hapSeries('haproxy_process_current_connections'), values: '250x20' },
        { series: hapSeries('haproxy_process_max_connections'), values: '256x20' },
      ],
      evalTime: '15m',
      labels: HAP,
    },
    quiet: {
      series: [
        { series: hapSeries('haproxy_process_current_connections'), values: '200x20' },
        { series: hapSeries('haproxy_process_max_connections'), values: '256x20' },
      ],
      evalTime: '15m',
    },
  },
  // The server's queue on 2.4; the backend's own on the older shapes, so both stay proven.
  queueing: {
    ...queueingCases(promexCase(v24), 'server'),
    otherFamilies: [queueingCases(promexCase(v21), 'backend'), queueingCases(promexCase(v20), 'backend')],
  },
  'cpu-saturated': {
    family: 'HAProxy ≥ 2.4',
    fires: {
      series: [{ series: hapSeries('haproxy_process_idle_time_percent'), values: '100x5 10x25' }],
      evalTime: '25m',
      labels: HAP,
    },
    quiet: {
      series: [{ series: hapSeries('haproxy_process_idle_time_percent'), values: '100x5 60x25' }],
      evalTime: '25m',
    },
  },
  // Errors every minute for 25 minutes fire; a deploy's three minutes of refusals stay quiet.
  'connection-errors': {
    ...promexConnectionErrors(v24),
    otherFamilies: [promexConnectionErrors(v21), promexConnectionErrors(v20)],
  },
  'dropping-logs': {
    family: HAPROXY_FAMILIES.v24,
    ...droppedLogCases(v24),
    otherFamilies: [
      { family: HAPROXY_FAMILIES.v21, ...droppedLogCases(v21) },
      { family: HAPROXY_FAMILIES.v20, ...droppedLogCases(v20) },
    ],
  },
};

// A syslog daemon gone for 20 minutes fires; one burst (a restart of it) stays quiet. The burst is in the 5-minute
// rate from minute 7 to 12: the quiet case is evaluated at 12, where only the 10-minute `for` keeps it quiet.
function droppedLogCases(family: typeof v24) {
  const dropped = family.series('haproxy_process_dropped_logs_total');
  return {
    fires: { series: [{ series: dropped, values: '0x5 0+50x25' }], evalTime: '25m', labels: HAP },
    quiet: { series: [{ series: dropped, values: '0x5 0+50x2 100x23' }], evalTime: '12m' },
  };
}

function promexConnectionErrors(family: typeof v24) {
  return { family: FAMILY_OF.get(family)!, ...connectionErrorCases(promexCase(family)) };
}
