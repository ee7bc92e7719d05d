import { apaReference, blackboxMixinReference } from './references';
import type { ExporterCoverage } from './types';

/**
 * blackbox_exporter (HTTP, TCP, ICMP probes; the DNS prober is the `dns` pack's) against
 * blackbox-exporter-mixin (alerts and its dashboard, the grafana.com "Blackbox Exporter" one) and
 * awesome-prometheus-alerts' Blackbox rules. Read 2026-12-07 at the versions below.
 */
export const blackboxCoverage: ExporterCoverage = {
  exporter: 'blackbox',
  references: [blackboxMixinReference('blackbox-exporter-mixin (alerts and dashboard)'), apaReference('Blackbox')],
  fewerAlertsBecause:
    'awesome-prometheus-alerts lists 10 Blackbox rules, we have 7 alerts: its slow-HTTP and slow-ping rules measure parts of what BlackboxProbeSlow measures whole (the probe duration is the sum of the phases), and its expired-certificate rule is a case of BlackboxCertificateExpiring at the same severity; its HTTP-failure rule also counts status 0 (no answer), which is BlackboxProbeFailed’s.',
  rows: [
    { reference: 'mixin', kind: 'alert', item: 'BlackboxProbeFailed', status: { covered: ['alert:probe-failed'] } },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'BlackboxLowUptime30d (info, below 99.9 % over 30 days)',
      status: { covered: ['alert:probe-unreliable'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'BlackboxSslCertificateWillExpireSoon',
      status: { covered: ['alert:cert-expiring', 'alert:cert-expiry-critical'] },
    },
    { reference: 'apa', kind: 'alert', item: 'Blackbox probe failed', status: { covered: ['alert:probe-failed'] } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Blackbox probe HTTP failure (status below 200 or from 400)',
      status: { covered: ['alert:http-status', 'alert:probe-failed'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Blackbox probe low uptime (30 days)',
      status: { covered: ['alert:probe-unreliable'] },
    },
    { reference: 'apa', kind: 'alert', item: 'Blackbox slow probe', status: { covered: ['alert:slow-probe'] } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Blackbox probe slow HTTP',
      status: {
        notTaken:
          'duplicates BlackboxProbeSlow (slow-probe) at the same severity: the HTTP phases sum to the probe duration; the HTTP time by phase panel shows which phase is slow',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Blackbox probe slow ping',
      status: {
        notTaken:
          'duplicates BlackboxProbeSlow (slow-probe) for ICMP probes, whose duration is the ping; the ICMP round trip panel shows it alone',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Blackbox SSL certificate will expire soon (3 – 20 days)',
      status: { covered: ['alert:cert-expiring'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Blackbox SSL certificate will expire very soon (under 3 days)',
      status: { covered: ['alert:cert-expiry-critical'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Blackbox SSL certificate expired',
      status: {
        notTaken:
          'duplicates BlackboxCertificateExpiring (cert-expiry-critical), critical too: an expired certificate has less than 3 days left, so that alert is already firing',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Blackbox configuration reload failure',
      status: { added: ['alert:config-reload-failed'] },
    },
    // The mixin's dashboard.
    { reference: 'mixin', kind: 'view', item: 'Status Map', status: { covered: ['panel:probeSuccess'] } },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Probes, Probes Success',
      status: { covered: ['panel:failingProbes', 'panel:probeSuccess'] },
    },
    { reference: 'mixin', kind: 'view', item: 'Probes SSL, SSL', status: { covered: ['panel:httpSsl'] } },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Probe Average Duration, Average Latency',
      status: { covered: ['panel:probeDuration'] },
    },
    { reference: 'mixin', kind: 'view', item: 'Uptime, Uptime 30d', status: { covered: ['panel:availability'] } },
    { reference: 'mixin', kind: 'view', item: 'Latest Response Code', status: { covered: ['panel:httpStatusCode'] } },
    { reference: 'mixin', kind: 'view', item: 'SSL Version', status: { covered: ['panel:tlsVersion'] } },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'SSL Certificate Expiry',
      status: { covered: ['panel:certificateExpiry'] },
    },
    { reference: 'mixin', kind: 'view', item: 'Redirects', status: { covered: ['panel:httpRedirects'] } },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'HTTP Version',
      status: {
        notTaken:
          'a constant per target that points at no failure; the status code, TLS version and phase timings answer what an operator asks of an HTTP probe',
      },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Average Latency (DNS lookup)',
      status: { covered: ['panel:dnsLookupTime'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Probe Duration, Probe Phases (HTTP and ICMP)',
      status: { covered: ['panel:httpPhaseDuration', 'panel:icmpRtt'] },
    },
  ],
};
