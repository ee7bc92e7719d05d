import { sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext, Requirement } from '../types';

// chronyd reports stratum 0 while unsynchronised, never 16 (chrony reference.c, REF_GetTrackingReport
// maps NTP_MAX_STRATUM to 0): read 0 as 16 so the stratum threshold sees an unsynchronised clock.
// `stratumMax` is the same series' maximum, so a window counts only if it was 0 throughout.
const stratumOrUnsynchronised = (stratum: string, stratumMax: string) => `${stratum} + 16 * (${stratumMax} == bool 0)`;

// The tracking reference ID (chrony_tracking_info, %08X): 7F7F0101 is chrony's local reference
// (ntp.h NTP_REFID_LOCAL), 00000000 no reference at all. chrony_tracking_remote_reference cannot
// tell: it compares the reference IP with 127.127.1.1, but current chronyd sends no IP unless
// synchronised (reference.c, REF_GetTrackingReport), so it reads 1 on a host on its local clock.
const LOCAL_REFID = '7F7F0101';

// chronyd's own bound on the system clock's error (chrony 4.3 doc/chronyc.adoc, "tracking"):
// |system time offset| + root dispersion + root delay / 2; the exporter's README recording rule (v0.13.3) reads
// |last offset| instead. The system time offset is the correction still being slewed away now
// (chrony_tracking_system_time_seconds, CurrentCorrection in collector/tracking.go v0.10.0 – v0.13.3); the last
// offset is the one measured at the last update, often slewed away long before the next one.
const clockErrorBound = (q: QueryContext) =>
  `abs(${sel('chrony_tracking_system_time_seconds', q)}) + ${sel('chrony_tracking_root_dispersion_seconds', q)} + ${sel('chrony_tracking_root_delay_seconds', q)} / 2`;
// Unsynchronised, chronyd reports root delay and dispersion of 1 s each, placeholders for its NTP clients
// (reference.c REF_GetReferenceParams, chrony 4.3 – 4.8; `chronyc tracking` on Debian's chronyd 4.3 without a
// reachable source: stratum 0, root delay 1.000000000, root dispersion 1.000000000): a bound of 1.5 s that
// measures nothing. ChronyUnsynchronised reports that state; the error alerts judge synchronised clocks only.
const synchronised = (q: QueryContext) => `${sel('chrony_tracking_stratum', q)} > 0`;

const SOURCES_OFF = 'the sources collector is off by default (--collector.sources)';
const SERVERSTATS_OFF =
  'the serverstats collector is off by default (--collector.serverstats) and works only over chronyd’s Unix socket (--chrony.address=unix://…), and only NTP servers answer clients';

// main.go (chrony_exporter 0.8 – 0.13): both flags default to false.
const SOURCES: Requirement = { kind: 'collector', enable: '--collector.sources', offByDefault: true };
// serverstats also needs the Unix socket: chronyd refuses REQ_SERVER_STATS over UDP (cmdmon.c: PERMIT_AUTH
// in chrony 4.0 – 4.6; from 4.7 only if opencommands lists serverstats, which its default does not,
// conf.c DEFAULT_OPEN_COMMANDS), and the exporter talks UDP to [::1]:323 by default (main.go; README
// v0.10.0: "only works when chrony is accessed through the Unix socket"). The socket is the chrony
// user's: the exporter runs as that user, or as root with --collector.chmod-socket (README).
const SERVERSTATS: Requirement = {
  kind: 'collector',
  enable:
    '--collector.serverstats with --chrony.address=unix:///run/chrony/chronyd.sock (the exporter as the chrony user, or as root with --collector.chmod-socket; chronyd answers serverstats over UDP only from 4.7 with serverstats in opencommands)',
  offByDefault: true,
};

export const chronyExporter = defineExporter({
  id: 'chrony',
  title: 'chrony',
  layer: 'specialized',
  defaultPort: 9123,
  docsUrl: 'https://github.com/SuperQ/chrony_exporter',
  description:
    'chronyd time synchronisation: stratum, offset, dispersion and delay, frequency error, NTP sources and server load.',
  detection: { metrics: ['chrony_tracking_stratum', 'chrony_exporter_build_info'] },
  infoMetrics: ['chrony_up', 'chrony_tracking_stratum'],
  versionMetric: { metric: 'chrony_exporter_build_info', label: 'version' },
  thresholds: [
    {
      id: 'stratum',
      direction: 'above',
      warning: 15,
      min: 1,
      max: 16,
      description: 'Stratum above which the clock counts as unsynchronised (16 = no usable source).',
    },
    {
      id: 'clockErrorBound',
      direction: 'above',
      warning: 0.1,
      critical: 1,
      min: 0.0001,
      max: 60,
    },
    {
      id: 'sourceReachability',
      direction: 'below',
      warning: 0.75,
      critical: 0.25,
      min: 0,
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'chronyd reachable',
      description: 'Whether the exporter could talk to chronyd at the last scrape (1 = yes).',
      unit: 'bool_yes_no',
      expr: (q) => sel('chrony_up', q),
    },
    {
      id: 'stratum',
      title: 'Stratum',
      description:
        'Distance from a reference clock: 1 is next to one, 16 means unsynchronised (chronyd reports 0 then; shown as 16).',
      unit: 'short',
      expr: (q) => stratumOrUnsynchronised(sel('chrony_tracking_stratum', q), sel('chrony_tracking_stratum', q)),
      threshold: 'stratum',
    },
    {
      id: 'clockErrorBound',
      title: 'Clock error bound',
      description:
        'Worst-case error of the system clock: |system time offset| + root dispersion + root delay / 2 (1.5 s while unsynchronised: chronyd then reports 1 s placeholders).',
      unit: 's',
      expr: clockErrorBound,
      threshold: 'clockErrorBound',
      min: 0,
    },
    {
      id: 'systemTimeOffset',
      title: 'System time offset',
      description: 'Current offset of the system clock from NTP time, which chronyd is slewing away.',
      unit: 's',
      expr: (q) => sel('chrony_tracking_system_time_seconds', q),
    },
    {
      id: 'lastOffset',
      title: 'Last offset',
      description: 'Offset measured at the last clock update.',
      unit: 's',
      expr: (q) => sel('chrony_tracking_last_offset_seconds', q),
      legend: '{{instance}} last',
    },
    {
      id: 'rmsOffset',
      title: 'RMS offset',
      description: 'Long-term root mean square of the measured offsets.',
      unit: 's',
      expr: (q) => sel('chrony_tracking_rms_offset_seconds', q),
      legend: '{{instance}} rms',
    },
    {
      id: 'rootDelay',
      title: 'Root delay',
      description: 'Total network round-trip delay to the stratum-1 reference.',
      unit: 's',
      expr: (q) => sel('chrony_tracking_root_delay_seconds', q),
      legend: '{{instance}} delay',
    },
    {
      id: 'rootDispersion',
      title: 'Root dispersion',
      description: 'Total dispersion accumulated up to the stratum-1 reference.',
      unit: 's',
      expr: (q) => sel('chrony_tracking_root_dispersion_seconds', q),
      legend: '{{instance}} dispersion',
    },
    {
      id: 'frequencyError',
      title: 'Frequency error',
      description:
        'How fast the system clock would drift without correction, in ppm (positive = fast); a jump means the hardware or hypervisor clock changed.',
      unit: 'short',
      expr: (q) => sel('chrony_tracking_frequency_ppms', q),
      legend: '{{instance}} ppm',
    },
    {
      id: 'frequencySkew',
      title: 'Frequency skew',
      description: 'Estimated error bound of the frequency, in ppm.',
      unit: 'short',
      expr: (q) => sel('chrony_tracking_skew_ppms', q),
      legend: '{{instance}} skew ppm',
    },
    {
      id: 'referenceAge',
      title: 'Time since last measurement',
      description:
        'Time since chronyd last got a measurement from its reference; growing values mean the source stopped answering. Empty while unsynchronised (no reference).',
      unit: 's',
      // Unsynchronised, chronyd zeroes the reference time (reference.c REF_GetReferenceParams, UTI_ZeroTimespec;
      // "Ref time: Thu Jan 01 00:00:00 1970" on Debian's 4.3), which would read as 56 years.
      expr: (q) => `time() - (${sel('chrony_tracking_reference_timestamp_seconds', q)} > 0)`,
    },
    {
      id: 'remoteReference',
      title: 'Tracking a remote source',
      description: 'Whether chronyd follows a remote NTP source (1) or its local clock or nothing (0).',
      unit: 'bool_yes_no',
      expr: (q) =>
        `max by (${q.by}) (${sel('chrony_tracking_info', q, `tracking_refid!~"${LOCAL_REFID}|00000000"`)}) or max by (${q.by}) (${sel('chrony_tracking_info', q)}) * 0`,
    },
    {
      id: 'sourceReachability',
      requires: SOURCES,
      title: 'Source reachability',
      description: 'Share of the last 8 polls each NTP source answered.',
      unit: 'percentunit',
      expr: (q) => sel('chrony_sources_reachability_ratio', q),
      legend: '{{instance}} {{source_name}}',
      threshold: 'sourceReachability',
      optional: SOURCES_OFF,
    },
    {
      id: 'sourceOffset',
      requires: SOURCES,
      title: 'Source offset',
      description: 'Offset of the last sample from each NTP source; one source far from the others is a falseticker.',
      unit: 's',
      expr: (q) => sel('chrony_sources_last_sample_offset_seconds', q),
      legend: '{{instance}} {{source_name}}',
      optional: SOURCES_OFF,
    },
    {
      id: 'sourceStates',
      requires: SOURCES,
      title: 'Sources by state',
      description:
        'NTP sources per selection state: sync (selected), candidate, outlier, falseticker, unreachable, jittery.',
      unit: 'short',
      expr: (q) => `count by (${q.by}, source_state) (${sel('chrony_sources_state_info', q)})`,
      legend: '{{instance}} {{source_state}}',
      optional: SOURCES_OFF,
    },
    {
      id: 'ntpRequests',
      requires: SERVERSTATS,
      title: 'NTP requests served',
      description: 'NTP requests per second from clients of this server.',
      unit: 'reqps',
      expr: (q) => `rate(${sel('chrony_serverstats_ntp_packets_received_total', q)}[${q.range}])`,
      legend: '{{instance}} received',
      optional: SERVERSTATS_OFF,
    },
    {
      id: 'ntpRequestsDropped',
      requires: SERVERSTATS,
      title: 'NTP requests dropped',
      description: 'NTP requests per second dropped by rate limiting.',
      unit: 'reqps',
      expr: (q) => `rate(${sel('chrony_serverstats_ntp_packets_dropped_total', q)}[${q.range}])`,
      legend: '{{instance}} dropped',
      optional: SERVERSTATS_OFF,
    },
  ],
  alerts: [
    {
      id: 'down',
      name: 'ChronyDown',
      severity: 'warning',
      for: '5m',
      // Every scrape in the window failed: one blip neither fires nor hides an outage.
      signal: 'up',
      overWindow: 'max',
      // chrony_up is 0 also when chronyd answers but one enabled collector's request fails (collector.go
      // v0.10.0 – v0.13.3: any collector's error sets up = 0), e.g. serverstats or sources' ntpdata over UDP (both
      // PERMIT_AUTH in chrony's cmdmon.c; sources.go returns the ntpdata error), hence the description.
      comparison: '<',
      threshold: 1,
      summary: 'chrony_exporter on {{ $labels.instance }} cannot reach chronyd.',
      description:
        'The exporter on {{ $labels.instance }} answers but gets no full reply from chronyd: chronyd is stopped or its command socket is unreachable, so the clock is not disciplined and its state unknown, or one enabled collector’s request fails (serverstats and the sources collector’s --collector.sources.with-ntpdata work only over the Unix socket). Check `systemctl status chronyd` and `chronyc tracking`, and the exporter’s log with --log.level=debug.',
    },
    {
      id: 'unsynchronised',
      name: 'ChronyUnsynchronised',
      severity: 'warning',
      for: '10m',
      query: (q) =>
        stratumOrUnsynchronised(
          `min_over_time(${sel('chrony_tracking_stratum', q)}[${q.range}])`,
          `max_over_time(${sel('chrony_tracking_stratum', q)}[${q.range}])`
        ),
      threshold: 'stratum',
      summary: 'The clock of {{ $labels.instance }} is not synchronised.',
      description:
        'chronyd on {{ $labels.instance }} reports no reference (stratum 0, shown as 16): it has no usable time source and the clock drifts freely. Check `chronyc sources -v` (unreachable servers, firewall on UDP 123, a wrong pool name).',
    },
    {
      id: 'clock-error',
      name: 'ChronyClockErrorHigh',
      severity: 'warning',
      for: '10m',
      signal: 'clockErrorBound',
      filters: [synchronised],
      summary: 'The clock of {{ $labels.instance }} may be off by more than the error threshold.',
      description:
        'The worst-case error of the clock on {{ $labels.instance }} (|system time offset| + root dispersion + root delay / 2) is above the warning threshold: the clock is still slewing away a large offset, or its sources are far away, slow or disagree. Prefer closer NTP servers and check the network path to them.',
    },
    {
      id: 'clock-error-critical',
      name: 'ChronyClockErrorCritical',
      severity: 'critical',
      for: '5m',
      signal: 'clockErrorBound',
      filters: [synchronised],
      summary: 'The clock of {{ $labels.instance }} may be off by more than a second.',
      description:
        'The worst-case error of the clock on {{ $labels.instance }} is above the critical threshold: TLS, Kerberos, distributed databases and log correlation break at this error. Check `chronyc tracking` and `chronyc sources` now.',
    },
    {
      id: 'local-reference',
      name: 'ChronyNoRemoteSource',
      severity: 'warning',
      for: '15m',
      query: (q) => `max by (${q.by}) (${sel('chrony_tracking_info', q, `tracking_refid="${LOCAL_REFID}"`)})`,
      comparison: '>',
      threshold: 0,
      summary: 'chronyd on {{ $labels.instance }} follows no remote time source.',
      description:
        'chronyd on {{ $labels.instance }} tracks its local clock (the `local` directive) instead of a remote NTP source: it serves and keeps free-running time. Check that its servers are reachable (`chronyc sources -v`), unless this host is meant to be an isolated reference.',
    },
    {
      id: 'source-unreachable',
      name: 'ChronySourceUnreachable',
      severity: 'warning',
      for: '15m',
      signal: 'sourceReachability',
      overWindow: 'max',
      threshold: 'sourceReachability',
      summary: 'NTP source {{ $labels.source_name }} of {{ $labels.instance }} answers too few polls.',
      description:
        'NTP source {{ $labels.source_name }} ({{ $labels.source_address }}) answered fewer of the last 8 polls of {{ $labels.instance }} than the threshold: packets are lost on the way or the server is overloaded. With too few good sources chronyd cannot outvote a bad one; fix the path or replace the server.',
      optional: SOURCES_OFF,
    },
    {
      id: 'falseticker',
      name: 'ChronySourceFalseticker',
      severity: 'warning',
      for: '15m',
      query: (q) => `max_over_time(${sel('chrony_sources_state_info', q, 'source_state="falseticker"')}[${q.range}])`,
      comparison: '>',
      threshold: 0,
      summary: 'chronyd on {{ $labels.instance }} rejects {{ $labels.source_name }} as a falseticker.',
      description:
        'chronyd on {{ $labels.instance }} finds that source {{ $labels.source_name }} ({{ $labels.source_address }}) disagrees with the others and ignores it. Fix or replace that server; with fewer than three good sources a wrong one can no longer be outvoted.',
      optional: 'it returns series only while a source is a falseticker',
    },
  ],
  overview: ['up', 'stratum', 'clockErrorBound', 'referenceAge'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['up'], kind: 'stat', width: 4 },
        { signals: ['stratum'], kind: 'stat', width: 4 },
        { signals: ['clockErrorBound'], kind: 'stat', width: 4 },
        { signals: ['systemTimeOffset'], kind: 'stat', width: 4 },
        { signals: ['remoteReference'], kind: 'stat', width: 4 },
        { signals: ['referenceAge'], kind: 'stat', width: 4 },
      ],
    },
    {
      title: 'Clock accuracy',
      panels: [
        { signals: ['clockErrorBound'], width: 8 },
        {
          signals: ['systemTimeOffset', 'lastOffset', 'rmsOffset'],
          title: 'Offsets',
          description: 'Current system time offset, the offset at the last update and its long-term RMS.',
          width: 8,
        },
        {
          signals: ['rootDelay', 'rootDispersion'],
          title: 'Root delay and dispersion',
          description: 'Network delay and accumulated dispersion up to the stratum-1 reference.',
          width: 8,
        },
      ],
    },
    {
      title: 'Frequency',
      panels: [
        { signals: ['frequencyError'], width: 8 },
        { signals: ['frequencySkew'], width: 8 },
        { signals: ['stratum'], width: 8 },
      ],
    },
    {
      title: 'Sources',
      panels: [
        { signals: ['sourceReachability'], width: 8 },
        { signals: ['sourceOffset'], width: 8 },
        { signals: ['sourceStates'], kind: 'table', width: 8 },
      ],
    },
    {
      title: 'NTP server',
      panels: [
        {
          signals: ['ntpRequests', 'ntpRequestsDropped'],
          title: 'NTP requests',
          description: 'Client requests received and dropped by rate limiting, per second.',
          width: 24,
        },
      ],
    },
  ],
});
