import { apaReference } from './references';
import type { ExporterCoverage } from './types';

const EXPORTER_TAG = 'v0.13.3';

/**
 * SuperQ/chrony_exporter against its README (collectors, and the clock-error recording rule it
 * suggests; the repository has no mixin, dashboard or alert rules) and awesome-prometheus-alerts’
 * two clock rules, written for node_exporter’s timex collector but the same failures chrony reports
 * first-hand. No chrony dashboard on grafana.com was compared. Read 2026-12-07.
 */
export const chronyCoverage: ExporterCoverage = {
  exporter: 'chrony',
  references: [
    {
      id: 'readme',
      title: 'chrony_exporter README (no mixin, dashboard or alert rules upstream)',
      kind: 'exporter docs',
      url: `https://github.com/SuperQ/chrony_exporter/blob/${EXPORTER_TAG}/README.md`,
      version: `${EXPORTER_TAG} (README.md; collector defaults from main.go)`,
    },
    apaReference('host clock rules (node_exporter’s timex)'),
  ],
  rows: [
    {
      reference: 'readme',
      kind: 'alert',
      item: 'instance:chrony_clock_error_seconds:abs (the README’s recording rule: |last offset| + root dispersion + root delay / 2)',
      status: { covered: ['alert:clock-error', 'alert:clock-error-critical'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host clock skew (offset over 50 ms and growing)',
      status: { covered: ['alert:clock-error', 'alert:clock-error-critical'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host clock not synchronising',
      status: { covered: ['alert:unsynchronised'] },
    },
    {
      reference: 'readme',
      kind: 'view',
      item: 'the clock error bound the recording rule computes',
      status: { covered: ['panel:clockErrorBound'] },
    },
    {
      reference: 'readme',
      kind: 'view',
      item: 'tracking collector (on by default): offsets, root delay and dispersion, frequency, skew, stratum, reference',
      status: {
        covered: [
          'panel:systemTimeOffset',
          'panel:lastOffset',
          'panel:rmsOffset',
          'panel:rootDelay',
          'panel:rootDispersion',
          'panel:frequencyError',
          'panel:frequencySkew',
          'panel:stratum',
          'panel:remoteReference',
          'panel:referenceAge',
        ],
      },
    },
    {
      reference: 'readme',
      kind: 'view',
      item: 'sources collector (off by default): reachability, offset and state of each source',
      status: { covered: ['panel:sourceReachability', 'panel:sourceOffset', 'panel:sourceStates'] },
    },
    {
      reference: 'readme',
      kind: 'view',
      item: 'serverstats collector (off by default): NTP packets received and dropped',
      status: { covered: ['panel:ntpRequests', 'panel:ntpRequestsDropped'] },
    },
    {
      reference: 'readme',
      kind: 'view',
      item: 'sourcestats collector (off by default): samples, runs, span, standard deviation, frequency per source',
      status: {
        notTaken:
          'the statistics chronyd weighs its sources with: the sources’ states (falseticker, unusable) and offsets already say which source is bad, and this collector is off by default',
      },
    },
    {
      reference: 'readme',
      kind: 'view',
      item: 'sources.with-ntpdata (off by default; needs the command socket)',
      status: {
        notTaken:
          'per-source NTP packet details for debugging one source, and only over chronyd’s unix socket as root; the sources row answers whether a source is reachable and agrees',
      },
    },
  ],
};
