/**
 * promtool cases for the pushgateway alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import { PUSHGATEWAY_FAMILY as FAMILY } from '../evidence/pushgateway';
import type { PromtoolCases } from '../promtool-cases';

// Every series comes from the family's fixture (tests/fixtures/exporters/pushgateway-1.5-1.11.prom).
const fixture = familyFixture('pushgateway', FAMILY);
// A pushed group keeps the pushing job's own job/instance (scraped with honor_labels): they are the
// group's labels, not the Pushgateway target's.
const GROUP = { job: 'nightly_backup', instance: 'db-1' };
const group = fixture.at({});
// The Pushgateway's own series carry its target's job/instance.
const PGW = { job: 'pushgateway', instance: 'pgw:9091' };
const pgw = fixture.at(PGW);
// A checked push (the default) answers 200 when stored, 400 when refused; 202 only comes with
// --push.disable-consistency-check (handler/push.go at v1.5.1 and v1.11.3), which the fixture's Pushgateway does not run.
const pushRequests = (code: string) =>
  pgw.series('pushgateway_http_requests_total', { handler: 'push', code, method: 'post' });

// The Pushgateway's build info as the fixture's Debian 1.5.1 exposes it.
const buildInfo = pgw.series('pushgateway_build_info', {
  branch: 'debian/sid',
  goarch: 'amd64',
  goos: 'linux',
  goversion: 'go1.19.8',
  revision: '1.5.1-2+b5',
  version: '1.5.1',
});

export const pushgatewayPromtoolCases: PromtoolCases = {
  'push-stale': {
    family: FAMILY,
    fires: {
      // promtool's clock starts at 0: a push at t=1000 s is about 25.7 h old at 26 h.
      series: [{ series: group.series('push_time_seconds', GROUP), values: '1000x1600' }],
      evalTime: '26h',
      labels: GROUP,
    },
    quiet: {
      series: [{ series: group.series('push_time_seconds', GROUP), values: '0+60x1600' }],
      evalTime: '26h',
    },
  },
  'push-stale-critical': {
    family: FAMILY,
    fires: {
      series: [{ series: group.series('push_time_seconds', GROUP), values: '1000x3100' }],
      evalTime: '51h',
      labels: GROUP,
    },
    quiet: {
      series: [{ series: group.series('push_time_seconds', GROUP), values: '90000x3100' }],
      evalTime: '51h',
    },
  },
  'push-failed': {
    family: FAMILY,
    fires: {
      series: [
        { series: group.series('push_time_seconds', GROUP), values: '600x20' },
        { series: group.series('push_failure_time_seconds', GROUP), values: '0x5 900x15' },
      ],
      evalTime: '15m',
      labels: GROUP,
    },
    quiet: {
      series: [
        { series: group.series('push_time_seconds', GROUP), values: '600x5 1200x15' },
        { series: group.series('push_failure_time_seconds', GROUP), values: '0x5 900x15' },
      ],
      evalTime: '15m',
    },
  },
  'http-errors': {
    family: FAMILY,
    fires: {
      series: [
        {
          series: pushRequests('400'),
          values: '0+6x40',
        },
        {
          series: pushRequests('200'),
          values: '0+60x40',
        },
      ],
      evalTime: '30m',
      labels: { ...PGW, handler: 'push' },
    },
    quiet: {
      series: [
        {
          series: pushRequests('400'),
          values: '3x40',
        },
        {
          series: pushRequests('200'),
          values: '0+60x40',
        },
      ],
      evalTime: '30m',
    },
  },
  restarting: {
    family: FAMILY,
    fires: {
      // Started at 0, 2, 4 and 6 minutes: a crash loop.
      series: [
        { series: pgw.series('process_start_time_seconds'), values: '0 0 120 120 240 240 360 360 360 360' },
        { series: buildInfo, values: '1x10' },
      ],
      evalTime: '9m',
      labels: PGW,
    },
    quiet: {
      // One restart (an upgrade) in the window.
      series: [
        { series: pgw.series('process_start_time_seconds'), values: '0 0 120 120 120 120 120 120 120 120' },
        { series: buildInfo, values: '1x10' },
      ],
      evalTime: '9m',
    },
  },
};
