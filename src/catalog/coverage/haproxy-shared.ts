import { apaReference } from './references';
import type { CoverageRow, OurItem } from './types';

export const haproxyApaReference = (set: string) => apaReference(`HAProxy (${set})`);

const alertRow = (item: string, status: CoverageRow['status']): CoverageRow => ({
  reference: 'apa',
  kind: 'alert',
  item,
  status,
});

/**
 * awesome-prometheus-alerts' rules that its built-in-exporter (v2) and haproxy_exporter (v1) sets
 * both have, under the same names (the v1 ones end in “(v1)”), and our answer to each: both packs
 * share these alerts (src/catalog/exporters/haproxy-shared.ts).
 */
export function sharedApaRows(suffix: '' | ' (v1)', checkFailures: [OurItem, ...OurItem[]]): CoverageRow[] {
  const CLIENT_ERRORS =
    '4xx are the clients’ errors (bad requests, missing auth, scanners’ 404s): a rate of them says no server failed, and one crawler makes it fire; the responses-by-class panel shows them';
  return [
    alertRow(`HAProxy HTTP slowing down${suffix} (average total time over 1 s)`, {
      notTaken:
        'no one bound fits every backend (a search API and a report export differ by orders of magnitude); saturation, the failure behind most slowdowns, fires HaproxyBackendQueueing, and the backend response time panel shows the latency',
    }),
    alertRow(`HAProxy high HTTP 4xx error rate backend${suffix}`, { notTaken: CLIENT_ERRORS }),
    alertRow(`HAProxy high HTTP 4xx error rate server${suffix}`, { notTaken: CLIENT_ERRORS }),
    alertRow(`HAProxy high HTTP 5xx error rate backend${suffix}`, {
      covered: ['alert:http-5xx', 'alert:http-5xx-crit'],
    }),
    alertRow(`HAProxy high HTTP 5xx error rate server${suffix}`, {
      notTaken:
        'duplicates the backend 5xx alerts: one failing server of N makes 1/N of its backend’s answers, so at the default 5 % a bad server in a backend of up to 20 fires them, and a per-server rule would page twice for one failure',
    }),
    alertRow(`HAProxy server response errors${suffix}`, {
      notTaken:
        'response errors are mostly aborts mid-transfer (server timeouts and resets) whose normal rate depends on the traffic, and the reference’s 5 % of responses has no basis we could give; the backend connection and response errors panel shows them',
    }),
    alertRow(`HAProxy backend connection errors${suffix} (over 100/s)`, { added: ['alert:connection-errors'] }),
    alertRow(`HAProxy server connection errors${suffix} (over 100/s)`, {
      added: ['alert:connection-errors'],
    }),
    alertRow(`HAProxy backend max active session${suffix} (over 80 % of limit_sessions)`, {
      notTaken:
        'a backend’s limit_sessions is its fullconn, not a limit: busy backends run above it unharmed; a backend that is really full queues, which HaproxyBackendQueueing alerts on',
    }),
    alertRow(`HAProxy pending requests${suffix}`, { covered: ['alert:queueing'] }),
    alertRow(`HAProxy retry high${suffix} (HAProxy retries a connect that failed)`, {
      added: ['alert:connection-errors'],
    }),
    alertRow(`HAProxy server healthcheck failure${suffix} (over 2 failed checks a minute)`, {
      covered: checkFailures,
    }),
    alertRow(`HAProxy frontend security blocked requests${suffix}`, {
      notTaken:
        'a denied request is an ACL doing its job: a rate of them says nothing failed, and a scan or a blocked abuser makes it fire',
    }),
  ];
}
