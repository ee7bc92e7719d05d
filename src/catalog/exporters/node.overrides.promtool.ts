/**
 * promtool cases for per-target thresholds (Setup's "override for some targets"), on the node pack:
 * test-only, rendered by `npm run generate` into tests/promtool/ (a Prometheus rule file and the
 * same comparisons as Grafana evaluates them). Series come from the node fixture like every case.
 *
 * Filesystem free space alerts below its warning level (default 5 %); CPU utilisation above its
 * (default 90 %): one alert in each direction, each with an override that tightens, one that
 * loosens, and two whose matchers overlap (the first wins).
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import type { TargetOverrideCases } from '../promtool-cases';

const DEFAULT = 'node_exporter ≥ 1.3';
const FS = { device: '/dev/sda1', fstype: 'ext4', mountpoint: '/' };

const target = (instance: string) => ({ job: 'node', instance });

/** A writable 1,000-byte filesystem on `instance` with `freePercent` % free for an hour. */
const fsAt = (instance: string, freePercent: number) => {
  const at = familyFixture('node', DEFAULT).at(target(instance));
  return [
    { series: at.series('node_filesystem_avail_bytes', FS), values: `${freePercent * 10}x60` },
    { series: at.series('node_filesystem_size_bytes', FS), values: '1000x60' },
    { series: at.series('node_filesystem_readonly', FS), values: '0x60' },
  ];
};

/** Two cores `busyPercent` % busy for 40 minutes (idle seconds per minute per core). */
const cpuAt = (instance: string, busyPercent: number) => {
  const at = familyFixture('node', DEFAULT).at(target(instance));
  return ['0', '1'].map((cpu) => ({
    series: at.series('node_cpu_seconds_total', { cpu, mode: 'idle' }),
    values: `0+${(60 * (100 - busyPercent)) / 100}x40`,
  }));
};

export const nodeTargetOverrideCases: TargetOverrideCases = {
  exporter: 'node',
  targetOverrides: [
    // A backslash in the regex: escaped into the PromQL string, or promtool cannot even load the file.
    {
      threshold: 'node.filesystemFree',
      matchers: [{ label: 'instance', op: '=~', value: 'db-\\d+:9100' }],
      warning: 10,
    },
    // Overlaps the first for db-2: never applies to it (first match wins).
    { threshold: 'node.filesystemFree', matchers: [{ label: 'instance', op: '=', value: 'db-2:9100' }], warning: 2 },
    { threshold: 'node.filesystemFree', matchers: [{ label: 'instance', op: '=~', value: 'scratch-.*' }], warning: 1 },
    // Sets only the critical level: the warning alert keeps the default for these series.
    { threshold: 'node.filesystemFree', matchers: [{ label: 'instance', op: '=~', value: 'web-2.*' }], critical: 1 },
    { threshold: 'node.cpuUtilisation', matchers: [{ label: 'instance', op: '=~', value: 'db-.*' }], warning: 80 },
    { threshold: 'node.cpuUtilisation', matchers: [{ label: 'instance', op: '=~', value: 'batch-.*' }], warning: 99 },
  ],
  scenarios: [
    {
      name: 'filesystem free below its own warning level, never also the default',
      alert: 'fs-almost-full',
      evalTime: '40m',
      series: [
        ...fsAt('db-1:9100', 7), // tightened to 10 %: fires, the default 5 % would not
        ...fsAt('db-2:9100', 7), // first match (10 %) wins over the second (2 %): fires
        ...fsAt('scratch-1:9100', 3), // loosened to 1 %: quiet, though under the default 5 %
        ...fsAt('scratch-2:9100', 0.5), // under its loosened level: fires
        ...fsAt('web-1:9100', 4), // no override: the default 5 %, fires
        ...fsAt('web-2:9100', 4), // critical-only override: warning stays 5 %, fires
        ...fsAt('web-3:9100', 7), // no override, above the default: quiet
      ],
      fires: ['db-1:9100', 'db-2:9100', 'scratch-2:9100', 'web-1:9100', 'web-2:9100'].map((instance) => ({
        ...target(instance),
        ...FS,
      })),
    },
    {
      name: 'filesystem out of space at the critical override, the warning override left alone',
      alert: 'fs-full',
      evalTime: '40m',
      series: [
        ...fsAt('db-1:9100', 2), // warning-only override: critical stays 3 %, fires
        ...fsAt('web-2:9100', 2), // critical loosened to 1 %: quiet, though under the default 3 %
        ...fsAt('web-1:9100', 2), // default 3 %: fires
      ],
      fires: ['db-1:9100', 'web-1:9100'].map((instance) => ({ ...target(instance), ...FS })),
    },
    {
      name: 'CPU above its own warning level, never also the default',
      alert: 'cpu-high',
      evalTime: '30m',
      series: [
        ...cpuAt('db-1:9100', 85), // tightened to 80 %: fires, the default 90 % would not
        ...cpuAt('batch-1:9100', 95), // loosened to 99 %: quiet, though above the default 90 %
        ...cpuAt('web-1:9100', 95), // default 90 %: fires
        ...cpuAt('web-3:9100', 85), // default 90 %: quiet
      ],
      fires: ['db-1:9100', 'web-1:9100'].map(target),
    },
  ],
};
