/**
 * The promtool cases of every alert, kept out of the shipped catalog: only the generator reads them
 * (into tests/promtool/), and the browser would otherwise download ~4,000 lines it never uses.
 * A lint rule keeps shipped code from importing this file or the `*.promtool.ts` beside each exporter.
 */
import type { TargetOverride, ThresholdOverrides } from './thresholds';
import type { AlertTestCase } from './types';
import { nodeTargetOverrideCases } from './exporters/node.overrides.promtool';
import { alertmanagerPromtoolCases } from './exporters/alertmanager.promtool';
import { blackboxPromtoolCases } from './exporters/blackbox.promtool';
import { chronyPromtoolCases } from './exporters/chrony.promtool';
import { clickhousePromtoolCases } from './exporters/clickhouse.promtool';
import { dnsPromtoolCases } from './exporters/dns.promtool';
import { fortigatePromtoolCases } from './exporters/fortigate.promtool';
import { grafanaPromtoolCases } from './exporters/grafana.promtool';
import { haproxyPromtoolCases } from './exporters/haproxy.promtool';
import { haproxyCsvPromtoolCases } from './exporters/haproxy-exporter.promtool';
import { iloPromtoolCases } from './exporters/ilo.promtool';
import { jmxPromtoolCases } from './exporters/jmx.promtool';
import { kafkaPromtoolCases } from './exporters/kafka.promtool';
import { keepalivedPromtoolCases } from './exporters/keepalived.promtool';
import { mongodbPromtoolCases } from './exporters/mongodb.promtool';
import { netdataPromtoolCases } from './exporters/netdata.promtool';
import { nodePromtoolCases } from './exporters/node.promtool';
import { postgresPromtoolCases } from './exporters/postgres.promtool';
import { prometheusPromtoolCases } from './exporters/prometheus.promtool';
import { pushgatewayPromtoolCases } from './exporters/pushgateway.promtool';
import { rabbitmqPromtoolCases } from './exporters/rabbitmq.promtool';
import { telegrafPromtoolCases } from './exporters/telegraf.promtool';
import { truenasPromtoolCases } from './exporters/truenas.promtool';
import { vmwarePromtoolCases } from './exporters/vmware.promtool';
import { windowsPromtoolCases } from './exporters/windows.promtool';

/**
 * A counter whose series an exporter creates at its first event (lazyCounterIncrease, promql.ts), on a
 * target Prometheus has scraped since minute 0: the series appears at minute 5 already at `step` and
 * counts `step` more every third minute. A rule with a 15-minute `for` over 5-minute increases is
 * pending from minute 5 when it counts the event that created the series, and fires at 20; seeing only
 * the later ones (the first at minute 8) it fires at 23. Evaluated at 21 minutes, the case fires only
 * for a rule that counts the first event.
 */
export function firstEventCounts(counter: string, scrape: string, step = 1): Omit<AlertTestCase, 'labels'> {
  const minutes = Array.from({ length: 31 }, (_, m) => m);
  return {
    series: [
      // Every scrape returned samples (how many does not matter).
      { series: scrape, values: '412x30' },
      {
        series: counter,
        values: minutes.map((m) => (m < 5 ? '_' : String(step * (1 + Math.floor((m - 5) / 3))))).join(' '),
      },
    ],
    evalTime: '21m',
  };
}

/** Series on which an alert fires, and series on which it stays quiet. */
export interface FireAndQuiet {
  fires: AlertTestCase;
  quiet: AlertTestCase;
}

/**
 * For each alert id of one exporter: series on which it fires, and series on which it stays quiet,
 * with `family` naming the exporter versions whose series they are where versions differ.
 * `otherFamilies` holds a fire/quiet pair for each further family whose series differ (names,
 * labels), so the alert is proven on each shape it meets. `quietOn` holds series of a family on
 * which the alert can never fire (a standalone server has no replica set), with the reason: they
 * prove it stays quiet there too.
 */
export type PromtoolCases = Record<
  string,
  FireAndQuiet & {
    family?: string;
    otherFamilies?: Array<FireAndQuiet & { family: string }>;
    quietOn?: Array<{ family: string; cannotFire: string; quiet: AlertTestCase }>;
    /**
     * For alerts on a sum: one target's series that each server keeps under the threshold, but that
     * both replicas of an HA pair added together would cross. The generator sends them once per
     * replica and the alert must stay quiet (the rule sums per replica, then folds the replicas).
     */
    haQuiet?: AlertTestCase;
  }
>;

/** By exporter id. */
export const PROMTOOL_CASES: Record<string, PromtoolCases> = {
  alertmanager: alertmanagerPromtoolCases,
  blackbox: blackboxPromtoolCases,
  chrony: chronyPromtoolCases,
  clickhouse: clickhousePromtoolCases,
  dns: dnsPromtoolCases,
  fortigate: fortigatePromtoolCases,
  grafana: grafanaPromtoolCases,
  haproxy: haproxyPromtoolCases,
  'haproxy-exporter': haproxyCsvPromtoolCases,
  ilo: iloPromtoolCases,
  jmx: jmxPromtoolCases,
  kafka: kafkaPromtoolCases,
  keepalived: keepalivedPromtoolCases,
  mongodb: mongodbPromtoolCases,
  netdata: netdataPromtoolCases,
  node: nodePromtoolCases,
  postgres: postgresPromtoolCases,
  prometheus: prometheusPromtoolCases,
  pushgateway: pushgatewayPromtoolCases,
  rabbitmq: rabbitmqPromtoolCases,
  telegraf: telegrafPromtoolCases,
  truenas: truenasPromtoolCases,
  vmware: vmwarePromtoolCases,
  windows: windowsPromtoolCases,
};

/**
 * Per-target thresholds of one pack, proven with promtool: the pack's rules generated with these
 * overrides, and for each scenario the series and exactly the alerts that must fire (each by the
 * labels its expression carries; none of the series left out may fire).
 */
export interface TargetOverrideCases {
  exporter: string;
  overrides?: ThresholdOverrides;
  targetOverrides: TargetOverride[];
  scenarios: Array<{
    /** What the scenario proves, for the test name. */
    name: string;
    alert: string;
    series: AlertTestCase['series'];
    evalTime: string;
    fires: Array<Record<string, string>>;
  }>;
}

export const TARGET_OVERRIDE_CASES: TargetOverrideCases[] = [nodeTargetOverrideCases];
