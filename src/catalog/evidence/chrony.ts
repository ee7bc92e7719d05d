import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

// SuperQ/chrony_exporter; read at the oldest supported and the current release.
const TAGS: [string, ...string[]] = ['v0.10.0', 'v0.13.3'];
const TRACKING: SourceRef = { tags: TAGS, file: 'collector/tracking.go' };
const SOURCES: SourceRef = { tags: TAGS, file: 'collector/sources.go' };
const SERVERSTATS: SourceRef = { tags: TAGS, file: 'collector/serverstats.go' };
const SOURCE = ['source_address', 'source_name'];
const SOURCES_FLAG = 'sources collector, off by default (--collector.sources)';
// README v0.10.0: the collector "only works when chrony is accessed through the Unix socket" (later
// READMEs drop the sentence; collector/serverstats.go still sends the same request over either);
// chronyd refuses serverstats over UDP (mlichvar/chrony cmdmon.c 4.0 – 4.6 PERMIT_AUTH, 4.7 – 4.8 not
// in the default opencommands, conf.c).
const SERVERSTATS_FLAG =
  'serverstats collector, off by default (--collector.serverstats), and only over chronyd’s Unix socket (--chrony.address=unix://…)';

const tracking = (note?: string): MetricEvidence => ({ labels: [], sources: [TRACKING], ...(note ? { note } : {}) });

export const chronyEvidence: ExporterEvidence = {
  exporter: 'chrony',
  repository: 'SuperQ/chrony_exporter',
  // v0.10.0 added chrony_sources_reachability_ratio, which an alert reads; the tracking and
  // serverstats names the pack uses are all there from v0.9.0 on.
  supported: { oldest: 'v0.10.0', current: 'v0.13.3' },
  families: [
    {
      name: 'chrony_exporter 0.10 – 0.13',
      differs:
        'one family: the names, labels and state vocabulary the pack uses are the same in every release since 0.10.0',
    },
  ],
  metrics: {
    chrony_up: { labels: [], sources: [{ tags: TAGS, file: 'collector/collector.go' }] },
    chrony_tracking_stratum: tracking(
      'chronyd reports stratum 0, never 16, while unsynchronised (chrony reference.c REF_GetTrackingReport turns NTP_MAX_STRATUM into 0 when not synchronised)'
    ),
    chrony_tracking_info: {
      labels: ['tracking_address', 'tracking_name', 'tracking_refid'],
      sources: [TRACKING],
      note: 'tracking_refid is the reference ID as %08X (facebook/time ntp/chrony RefidAsHEX): 7F7F0101 for the local reference (chrony ntp.h NTP_REFID_LOCAL), 00000000 when unsynchronised',
    },
    chrony_tracking_last_offset_seconds: tracking(),
    chrony_tracking_rms_offset_seconds: tracking(),
    chrony_tracking_root_delay_seconds: tracking(),
    chrony_tracking_root_dispersion_seconds: tracking(),
    chrony_tracking_system_time_seconds: tracking(),
    chrony_tracking_frequency_ppms: tracking(),
    chrony_tracking_skew_ppms: tracking(),
    chrony_tracking_reference_timestamp_seconds: tracking('unix seconds of the last reference update'),
    chrony_sources_reachability_ratio: {
      labels: SOURCE,
      sources: [SOURCES],
      note: `${SOURCES_FLAG}; set bits of the 8-bit reachability register / 8`,
    },
    chrony_sources_last_sample_offset_seconds: { labels: SOURCE, sources: [SOURCES], note: SOURCES_FLAG },
    chrony_sources_state_info: {
      labels: [...SOURCE, 'source_state', 'source_mode'],
      sources: [SOURCES],
      note: `${SOURCES_FLAG}; source_state from facebook/time ntp/chrony SourceStateDesc: sync, unreach, falseticker, jittery, candidate, outlier; source_mode: client, peer, reference clock`,
    },
    chrony_serverstats_ntp_packets_received_total: {
      labels: [],
      sources: [SERVERSTATS],
      note: SERVERSTATS_FLAG,
    },
    chrony_serverstats_ntp_packets_dropped_total: {
      labels: [],
      sources: [SERVERSTATS],
      note: SERVERSTATS_FLAG,
    },
    chrony_exporter_build_info: {
      labels: ['version'],
      sources: [{ tags: TAGS, file: 'main.go' }],
      note: 'prometheus/common version collector registered as "chrony_exporter"',
    },
  },
};
