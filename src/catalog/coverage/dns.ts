import { apaReference, blackboxMixinReference } from './references';
import type { ExporterCoverage } from './types';

const BLACKBOX_TAG = 'v0.28.0';

const NOT_HTTP = 'the DNS prober makes no HTTP request: no probe_http_* series on a DNS probe';
const NO_CERTIFICATE =
  'the DNS prober exports no certificate series, even with dns_over_tls (prober/dns.go, v0.23.0 – v0.28.0); a DoT server’s certificate is watched with a tcp module with tls: true, which the blackbox pack alerts on';

/**
 * blackbox_exporter's DNS prober against what the blackbox references offer that applies to a
 * DNS probe (blackbox-exporter-mixin and awesome-prometheus-alerts have no DNS-specific rules; both
 * alert on every probe job alike) and the prober's own documented metrics. CoreDNS' rules in
 * awesome-prometheus-alerts are for CoreDNS' own exporter, not a prober, so not compared here.
 * Read 2026-12-07 at the versions below.
 */
export const dnsCoverage: ExporterCoverage = {
  exporter: 'dns',
  references: [
    blackboxMixinReference('blackbox-exporter-mixin (alerts and dashboard; no DNS-specific rule)'),
    apaReference('Blackbox (rules for every prober)'),
    {
      id: 'docs',
      title: 'blackbox_exporter: the dns_probe configuration and the DNS prober’s metrics',
      kind: 'exporter docs',
      url: `https://github.com/prometheus/blackbox_exporter/blob/${BLACKBOX_TAG}/CONFIGURATION.md#dns_probe`,
      version: `${BLACKBOX_TAG} (CONFIGURATION.md and prober/dns.go)`,
    },
  ],
  fewerAlertsBecause:
    'awesome-prometheus-alerts’ 10 Blackbox rules are written for every prober; on a DNS probe 6 of them cannot fire (HTTP status and timing, ping time, three certificate rules) and the configuration-reload rule reads the exporter’s own job, which the blackbox pack alerts on. The 4 that apply are covered, the slow probe at two severities.',
  rows: [
    { reference: 'mixin', kind: 'alert', item: 'BlackboxProbeFailed', status: { covered: ['alert:probe-failed'] } },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'BlackboxLowUptime30d (info, below 99.9 % over 30 days)',
      status: { covered: ['alert:availability-low'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'BlackboxSslCertificateWillExpireSoon',
      status: { notTaken: NO_CERTIFICATE },
    },
    { reference: 'apa', kind: 'alert', item: 'Blackbox probe failed', status: { covered: ['alert:probe-failed'] } },
    { reference: 'apa', kind: 'alert', item: 'Blackbox probe HTTP failure', status: { notTaken: NOT_HTTP } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Blackbox probe low uptime (30 days)',
      status: { covered: ['alert:availability-low'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Blackbox slow probe (over 1 s)',
      status: { covered: ['alert:slow', 'alert:very-slow'] },
    },
    { reference: 'apa', kind: 'alert', item: 'Blackbox probe slow HTTP', status: { notTaken: NOT_HTTP } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Blackbox probe slow ping',
      status: { notTaken: 'ICMP probes only: a DNS probe has no probe_icmp_* series' },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Blackbox SSL certificate will expire soon, very soon, expired (3 rules)',
      status: { notTaken: NO_CERTIFICATE },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Blackbox configuration reload failure',
      status: {
        notTaken:
          'read from the exporter’s own /metrics job, not a probe job: the blackbox pack’s BlackboxConfigReloadFailed covers it for DNS modules too',
      },
    },
    {
      reference: 'docs',
      kind: 'alert',
      item: 'valid_rcodes and validate_answer_rrs / validate_authority_rrs / validate_additional_rrs (a failed check fails the probe)',
      status: { covered: ['alert:probe-failed'] },
    },
    {
      reference: 'docs',
      kind: 'alert',
      item: 'an empty answer for a name that should resolve (fail_if_not_matches_regexp and friends only when configured)',
      status: { covered: ['alert:no-answer'] },
    },
    // Views: the mixin's dashboard panels that a DNS probe fills, and the prober's own metrics.
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Status Map, Probe Success',
      status: { covered: ['panel:probeSuccess'] },
    },
    { reference: 'mixin', kind: 'view', item: 'Uptime, Uptime 30d', status: { covered: ['panel:availability'] } },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Probe Average Duration, Probe Duration',
      status: { covered: ['panel:probeDuration'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Average Latency (probe_dns_lookup_time_seconds)',
      status: { covered: ['panel:targetLookupTime'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'SSL, SSL Version, SSL Certificate Expiry, Latest Response Code, Redirects, HTTP Version',
      status: { notTaken: 'HTTP and TLS probes only: a DNS probe exports none of these series' },
    },
    {
      reference: 'docs',
      kind: 'view',
      item: 'probe_dns_query_succeeded',
      status: { covered: ['panel:querySucceeded'] },
    },
    {
      reference: 'docs',
      kind: 'view',
      item: 'probe_dns_duration_seconds by phase (resolve, connect, request)',
      status: { covered: ['panel:durationByPhase', 'panel:queryTime'] },
    },
    {
      reference: 'docs',
      kind: 'view',
      item: 'probe_dns_answer_rrs, probe_dns_authority_rrs, probe_dns_additional_rrs',
      status: { covered: ['panel:answerRecords', 'panel:authorityRecords', 'panel:additionalRecords'] },
    },
    {
      reference: 'docs',
      kind: 'view',
      item: 'probe_dns_serial (SOA queries)',
      status: { covered: ['panel:zoneSerial'] },
    },
    {
      reference: 'docs',
      kind: 'view',
      item: 'probe_ip_protocol, probe_ip_addr_hash',
      status: { covered: ['panel:ipProtocol', 'panel:targetAddressChanges'] },
    },
  ],
};
