/**
 * promtool cases for the haproxy-exporter alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import { HAPROXY_EXPORTER_FAMILY } from '../evidence/haproxy-exporter';
import type { PromtoolCases } from '../promtool-cases';
import { connectionErrorCases, http5xxCases, queueingCases } from './haproxy-shared.promtool';

// promtool test series for one haproxy_exporter.
const HAPX = { job: 'haproxy_exporter', instance: 'lb-1:9101' };

// Every series comes from the family's fixture (tests/fixtures/exporters/haproxy_exporter-0.14-0.15.prom).
const hapx = familyFixture('haproxy-exporter', HAPROXY_EXPORTER_FAMILY).at(HAPX);
const hapxSeries = (metric: string, labels: Record<string, string> = {}) => hapx.series(metric, labels);
const CASES = {
  series: hapxSeries,
  family: HAPROXY_EXPORTER_FAMILY,
  backendLabel: 'backend' as const,
  target: HAPX,
  // A backend DOWN all along.
  backendDown: [{ series: hapxSeries('haproxy_backend_up', { backend: 'be_down' }), values: '0x40' }],
};

export const haproxyCsvPromtoolCases: PromtoolCases = {
  down: {
    family: HAPROXY_EXPORTER_FAMILY,
    fires: {
      series: [{ series: hapxSeries('haproxy_up'), values: '1x5 0x10' }],
      evalTime: '10m',
      labels: HAPX,
    },
    // One failed scrape, evaluated at it (minute 6): the window's maximum bridges it.
    quiet: {
      series: [{ series: hapxSeries('haproxy_up'), values: '1x5 0 1x10' }],
      evalTime: '6m',
    },
  },
  'backend-down': {
    family: HAPROXY_EXPORTER_FAMILY,
    fires: {
      series: [{ series: hapxSeries('haproxy_backend_up', { backend: 'be_app' }), values: '1x5 0x10' }],
      evalTime: '10m',
      labels: { ...HAPX, backend: 'be_app' },
    },
    // One failed scrape, evaluated at it (minute 6): the window's maximum bridges it.
    quiet: {
      series: [{ series: hapxSeries('haproxy_backend_up', { backend: 'be_app' }), values: '1x5 0 1x10' }],
      evalTime: '6m',
    },
  },
  'server-down': {
    family: HAPROXY_EXPORTER_FAMILY,
    fires: {
      series: [{ series: hapxSeries('haproxy_server_up', { backend: 'be_app', server: 'web2' }), values: '1x5 0x20' }],
      evalTime: '20m',
      labels: { ...HAPX, backend: 'be_app', server: 'web2' },
    },
    quiet: {
      series: [
        {
          series: hapxSeries('haproxy_server_up', { backend: 'be_app', server: 'web2' }),
          values: '1x5 0 1 0 1 0 1 0 1 0 1 0 1 0 1 0 1 0 1 0 1',
        },
      ],
      evalTime: '20m',
    },
  },
  'check-failures': {
    family: HAPROXY_EXPORTER_FAMILY,
    fires: {
      series: [
        {
          series: hapxSeries('haproxy_server_check_failures_total', { backend: 'be_app', server: 'web2' }),
          values: '0+1x40',
        },
      ],
      evalTime: '35m',
      labels: { ...HAPX, backend: 'be_app', server: 'web2' },
    },
    quiet: {
      series: [
        {
          series: hapxSeries('haproxy_server_check_failures_total', { backend: 'be_app', server: 'web2' }),
          values: '1x40',
        },
      ],
      evalTime: '35m',
    },
  },
  ...http5xxCases(CASES),
  'frontend-sessions': {
    family: HAPROXY_EXPORTER_FAMILY,
    fires: {
      series: [
        { series: hapxSeries('haproxy_frontend_current_sessions', { frontend: 'fe_web' }), values: '900x30' },
        { series: hapxSeries('haproxy_frontend_limit_sessions', { frontend: 'fe_web' }), values: '1000x30' },
      ],
      evalTime: '20m',
      labels: { ...HAPX, frontend: 'fe_web' },
    },
    quiet: {
      series: [
        { series: hapxSeries('haproxy_frontend_current_sessions', { frontend: 'fe_web' }), values: '100x30' },
        { series: hapxSeries('haproxy_frontend_limit_sessions', { frontend: 'fe_web' }), values: '1000x30' },
      ],
      evalTime: '20m',
    },
  },
  queueing: queueingCases(CASES, 'server'),
  'csv-parse-failures': {
    family: HAPROXY_EXPORTER_FAMILY,
    fires: {
      series: [{ series: hapxSeries('haproxy_exporter_csv_parse_failures_total'), values: '0+1x30' }],
      evalTime: '20m',
      labels: HAPX,
    },
    quiet: {
      series: [{ series: hapxSeries('haproxy_exporter_csv_parse_failures_total'), values: '3x30' }],
      evalTime: '20m',
    },
  },
  'connection-errors': {
    family: HAPROXY_EXPORTER_FAMILY,
    ...connectionErrorCases(CASES),
  },
};
