import type { Locator, Page } from 'playwright-core';
import { grafanaRuleGroup, type GrafanaAlertRule } from '../../../src/alerting/grafana-rules';
import { fortigateExporter } from '../../../src/catalog/exporters/fortigate';
import { nodeExporter } from '../../../src/catalog/exporters/node';
import type { RuleGroupPayload } from '../../../src/grafana-api/types';
import type { GrafanaDouble } from '../../grafana-double';
import { doubleApi } from '../../support/double-backend-srv';
import { defaultPrometheusUrl, PROMETHEUS_UID } from '../grafanaApi';
import { blindOnThisStack } from '../../integration/blind-on-stack';
import { eventually } from '../../integration/harness';
import { requireStackEnv } from '../stack';
import { check, notPresent, visible } from './assert';
import { APP_PATH, type Journey } from './journey';

/*
 * Issue 15, the rule doctor on the Health page, over the real stack: its Prometheus (with every pack's
 * rules loaded) and the Grafana API double holding a team's Grafana-managed rules, some broken on
 * purpose. The doctor must name each planted defect the way the user reads it, report our packs clean,
 * and backtest a rule from what it read.
 */

const HEALTH = `${APP_PATH}/health`;
/** A 7-day check of ~260 rules through the sandbox's /api/ds/query: tens of seconds on this machine. */
const CHECK_TIMEOUT_MS = 150_000;

/** A team's rules in Grafana, each a copy of a pack rule with one mistake a person makes. */
interface PlantedRule {
  uid: string;
  title: string;
  expr: string;
}

const PLANTED = {
  // The metric renamed by a typo (node_exporter has node_cpu_seconds_total).
  renamed: {
    uid: 'team-cpu-idle',
    title: 'TeamCpuIdleLow',
    expr: 'avg by (instance) (rate(node_cpu_seconds_totals{mode="idle"}[5m]))',
  },
  // Both sides have series, but the right side has no `mountpoint`: the join can never match.
  deadJoin: {
    uid: 'team-root-full',
    title: 'TeamRootFilesystemFull',
    expr: 'node_filesystem_avail_bytes{mountpoint="/"} / node_filesystem_size_bytes{mountpoint="/"} and on (instance, mountpoint) node_uname_info',
  },
  // An unclosed parenthesis: Prometheus refuses it (bad_data), and Grafana says so with its type.
  rejected: { uid: 'team-sum-rate', title: 'TeamScrapeRate', expr: 'sum(rate(up[5m])' },
  // A sound query whose evaluations fail in Grafana: its scheduler recorded the error.
  inError: { uid: 'team-node-up', title: 'TeamNodeUp', expr: 'up{job="node"}' },
} satisfies Record<string, PlantedRule>;

/**
 * The error Grafana records for a rule whose query Prometheus could not run: expr.MakeQueryError
 * (pkg/expr/errors.go, `sse.dataQueryError` "failed to execute query [{{refId}}]: {{error}}") around
 * the promlib error "<errorType>: <error>".
 */
const EVALUATION_ERROR =
  'failed to execute query [A]: execution: query processing would load too many samples into memory in query execution';
const REFUSED_ERROR =
  'failed to execute query [A]: bad_data: invalid parameter "query": 1:17: parse error: unclosed left parenthesis';

/** Seeds a folder "Team" with one group of the planted rules, built on a node pack rule as Setup writes it. */
async function plantTeamRules(double: GrafanaDouble): Promise<void> {
  const admin = doubleApi(double, 'admin');
  const template = grafanaRuleGroup(nodeExporter, { datasourceUid: PROMETHEUS_UID }).rules[0];
  await admin.createFolder({ uid: 'team', title: 'Team' });
  const rules = Object.values(PLANTED).map(({ uid, title, expr }): GrafanaAlertRule => {
    const rule = structuredClone(template);
    rule.data.find((q) => q.refId === 'A')!.model = { ...rule.data.find((q) => q.refId === 'A')!.model, expr };
    return { ...rule, uid, title, folderUID: 'team', ruleGroup: 'team-checks' };
  });
  await admin.putRuleGroup({
    title: 'team-checks',
    folderUid: 'team',
    interval: 60,
    rules,
  } as unknown as RuleGroupPayload);
  // What Grafana's scheduler records for each (the double evaluates nothing): no data for the empty selector
  // and the dead join, the refusal as an error (Grafana cannot run the query either), and the planted error.
  const evaluated = { lastEvaluation: new Date(), evaluationSeconds: 0.4 };
  double.setRuleStatus(PLANTED.renamed.uid, { health: 'nodata', ...evaluated });
  double.setRuleStatus(PLANTED.deadJoin.uid, { health: 'nodata', ...evaluated });
  double.setRuleStatus(PLANTED.rejected.uid, { health: 'error', lastError: REFUSED_ERROR, ...evaluated });
  double.setRuleStatus(PLANTED.inError.uid, { health: 'error', lastError: EVALUATION_ERROR, ...evaluated });
}

/** Opens Health, runs the check and waits for its report; returns the rule doctor's section. */
async function checkRules(page: Page, goto: (path: string) => Promise<void>): Promise<Locator> {
  await goto(HEALTH);
  const doctor = page.getByRole('region', { name: 'Rule doctor' });
  await visible(doctor, 'the Rule doctor section', 30_000);
  await doctor.getByRole('button', { name: 'Check rules' }).click();
  try {
    await visible(doctor.getByText(/ rules checked/), 'the rule doctor’s report', CHECK_TIMEOUT_MS);
  } catch (error) {
    throw new Error(`${(error as Error).message}; the section says: ${(await doctor.innerText()).slice(0, 600)}`);
  }
  return doctor;
}

/** The items of one group of findings (`aria-label` of its section), as the user reads them, one line each. */
async function itemsOf(doctor: Locator, region: string): Promise<string[]> {
  const section = doctor.getByRole('region', { name: region, exact: true });
  if ((await section.count()) === 0) {
    return [];
  }
  return (await section.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Every finding's item, whatever its kind. */
async function allFindings(doctor: Locator): Promise<string[]> {
  const kinds = [
    'Rules in error',
    'Queries Prometheus refuses',
    'Rules not evaluated yet',
    'Rules slower than their interval',
    'Selectors that match no series',
    'Joins that can never match',
  ];
  return (await Promise.all(kinds.map((k) => itemsOf(doctor, k)))).flat();
}

/** Picks a rule in "Backtest a rule", runs it, and returns the sentence shown for it. */
async function backtest(doctor: Locator, page: Page, ruleName: string): Promise<string> {
  const section = doctor.getByRole('region', { name: 'Backtest a rule' });
  await visible(section, 'the Backtest a rule section');
  await section.getByLabel('Rule to backtest').fill(ruleName);
  await page
    .getByRole('option', { name: new RegExp(`^${ruleName} \\(`) })
    .first()
    .click();
  await section.getByRole('button', { name: 'Backtest' }).click();
  const status = section.getByRole('status').filter({ hasText: new RegExp(`^${ruleName}: `) });
  try {
    await visible(status, `the backtest of ${ruleName}`, 60_000);
  } catch (error) {
    throw new Error(`${(error as Error).message}; the section says: ${(await section.innerText()).slice(0, 400)}`);
  }
  return (await status.innerText()).trim();
}

/** The team rule the Viewer journey backtests (see there). */
const TEAM_TUNNEL_RULE = 'TeamTunnelDown';

/** A Grafana rule's condition as one PromQL expression: its query against its threshold, as Grafana compares them. */
function conditionOf(rule: GrafanaAlertRule): string {
  const query = (rule.data.find((q) => q.refId === 'A')!.model as { expr: string }).expr;
  const { type, params } = (
    rule.data.find((q) => q.refId === 'C')!.model as {
      conditions: Array<{ evaluator: { type: string; params: number[] } }>;
    }
  ).conditions[0].evaluator;
  return `(${query}) ${type === 'lt' ? '<' : '>'} ${params[0]}`;
}

const FIRED =
  /Would have fired (\d+) times? over the last 7 days on (\d+) series, firing for .+ in total, longest .+\./;

/** One instant query of a stack Prometheus, straight (the journey's ground truth, not the page's path). */
async function instant(prometheusUrl: string, expr: string): Promise<Array<{ metric: Record<string, string> }>> {
  const response = await fetch(`${prometheusUrl}/api/v1/query`, {
    method: 'POST',
    body: new URLSearchParams({ query: expr }),
  });
  const body = (await response.json()) as { data?: { result?: Array<{ metric: Record<string, string> }> } };
  return body.data?.result ?? [];
}

const journeys: Journey[] = [
  {
    name: 'Rule doctor names each planted defect (empty selector, dead join, refused query, rule in error), reports our packs clean, and backtests a rule',
    timeoutMs: 240_000,
    // Grafana answers a batch with a refused query HTTP 400 (pkg/api/ds_query.go), and Chromium logs
    // every 400. The journey checks below that only the planted refused query got one.
    expectedConsoleErrors: [/Failed to load resource: the server responded with a status of 400/],
    async run({ page, goto, grafana, sandbox, screenshot }) {
      await plantTeamRules(grafana.double);
      const doctor = await checkRules(page, goto);

      const summary = (await doctor.getByText(/ rules checked/).innerText()).trim();
      const checked = Number(/^(\d+) rules checked/.exec(summary)?.[1]);
      // The stack's Prometheus loads every pack (provisioning/prometheus/rules); plus the four planted.
      check(checked > 200, `only ${checked} rules were checked: "${summary}"`);

      const empty = await itemsOf(doctor, 'Selectors that match no series');
      const renamed = empty.find((i) => i.startsWith(PLANTED.renamed.title));
      check(renamed, `no empty selector is reported for ${PLANTED.renamed.title}: ${JSON.stringify(empty)}`);
      check(
        renamed.includes('node_cpu_seconds_totals{mode="idle"} matches no series: Prometheus has no such metric'),
        `the empty selector is not named: "${renamed}"`
      );
      check(renamed.includes('Grafana'), `the finding does not say the rule is Grafana-managed: "${renamed}"`);

      const joins = await itemsOf(doctor, 'Joins that can never match');
      const join = joins.find((i) => i.startsWith(PLANTED.deadJoin.title));
      check(join, `no dead join is reported for ${PLANTED.deadJoin.title}: ${JSON.stringify(joins)}`);
      check(
        /on \(instance, mountpoint\)/.test(join) && join.includes('"mountpoint"'),
        `the dead join does not name the join and the label one side lacks: "${join}"`
      );

      const refused = await itemsOf(doctor, 'Queries Prometheus refuses');
      const rejected = refused.find((i) => i.startsWith(PLANTED.rejected.title));
      check(rejected, `no refused query is reported for ${PLANTED.rejected.title}: ${JSON.stringify(refused)}`);
      check(
        /Prometheus refuses its query: .*parse error/.test(rejected) && !rejected.includes('bad_data'),
        `the refusal does not quote Prometheus' reason in words: "${rejected}"`
      );

      const errors = await itemsOf(doctor, 'Rules in error');
      const inError = errors.find((i) => i.startsWith(PLANTED.inError.title));
      check(inError, `no rule in error is reported for ${PLANTED.inError.title}: ${JSON.stringify(errors)}`);
      check(inError.includes(`Its evaluation fails: ${EVALUATION_ERROR}`), `the error is not quoted: "${inError}"`);

      // Nothing about our packs' rules but selectors waiting for a state that has not happened, which
      // the doctor says is right until it happens (e.g. chrony's "no remote source" refid), and metrics
      // this stack cannot provide, each for a stated reason (tests/integration/blind-on-stack.ts).
      const planted = Object.values(PLANTED).map((p) => p.title);
      const others = (await allFindings(doctor)).filter((i) => !planted.some((t) => i.startsWith(t)));
      const defects = others.filter((i) => !i.includes('Right if that state has not happened') && !blindOnThisStack(i));
      check(defects.length === 0, `our pack rules are reported: ${JSON.stringify(defects)}`);
      await notPresent(doctor.getByRole('alert'), 'error in the rule doctor');

      // The doctor asked Prometheus through Grafana's query path, as the app's datasource.
      const queries = sandbox.calls.filter((c) => c.path === '/api/ds/query');
      check(queries.length > checked, `the check made ${queries.length} queries for ${checked} rules`);
      const failed = sandbox.calls.filter((c) => c.status >= 400);
      const exprOf = (c: (typeof failed)[number]) =>
        (c.body as { queries?: Array<{ expr?: string }> }).queries?.[0]?.expr;
      check(
        failed.length > 0 && failed.every((c) => c.path === '/api/ds/query' && exprOf(c) === PLANTED.rejected.expr),
        `requests failed besides the planted refused query: ${JSON.stringify(failed.map((c) => [c.path, c.status, exprOf(c)]))}`
      );

      // Backtest, from the doctor, the pack rule the stack's deliberate rejected push sets off (for: 1m, so
      // wait until Prometheus itself fires it), and compare with Prometheus' own evaluation of the same
      // rule: the series ALERTS showed firing over the same days.
      const rule = 'PushgatewayLastPushFailed';
      const firing = await eventually(
        `Prometheus to fire ${rule} (the stack's rejected push)`,
        () => instant(defaultPrometheusUrl(), `count_over_time(ALERTS{alertname="${rule}", alertstate="firing"}[7d])`),
        (series) => series.length > 0,
        { timeoutMs: 120_000, intervalMs: 1000 }
      );
      const sentence = await backtest(doctor, page, rule);
      const fired = FIRED.exec(sentence);
      check(fired, `the backtest does not say how often ${rule} would have fired: "${sentence}"`);
      const [times, series] = [Number(fired[1]), Number(fired[2])];
      check(
        series === firing.length && times >= series,
        `the backtest says ${times} times on ${series} series; Prometheus' ALERTS shows ${firing.length} series firing over 7 days`
      );

      await doctor.scrollIntoViewIfNeeded();
      await page.evaluate(() =>
        document.querySelector('section[aria-label="Rule doctor"]')?.scrollIntoView({ block: 'start' })
      );
      await screenshot('rule-doctor', { fullPage: false });
    },
  },
  {
    name: 'a Viewer runs the rule doctor where Prometheus has no rules: the FortiGate pack and a team rule in Grafana are clean, what no rule watches is named with what would cover it, and the team rule is backtested',
    role: 'Viewer',
    timeoutMs: 180_000,
    async run({ page, goto, grafana, sandbox }) {
      // The app's Prometheus is the stack's dc2 server: no rule files of its own, as where Grafana-managed
      // alerting is all there is. In Grafana: the FortiGate pack (written as Setup writes it) and one team rule.
      const dc2 = requireStackEnv('FSM_PROM_DC2_URL');
      grafana.double.datasources.get(PROMETHEUS_UID)!.url = dc2;
      const admin = doubleApi(grafana.double, 'admin');
      await admin.createFolder({ uid: 'fsm-alerts', title: 'Full-Stack Monitoring' });
      const pack = grafanaRuleGroup(fortigateExporter, { datasourceUid: PROMETHEUS_UID });
      await admin.putRuleGroup(pack as unknown as RuleGroupPayload);
      // A team's stricter copy of the pack's tunnel alert: no `for`.
      const teamTunnel: GrafanaAlertRule = {
        ...structuredClone(pack.rules.find((r) => r.title === 'FortiGateIPsecTunnelDown')!),
        uid: 'team-tunnel-down',
        title: TEAM_TUNNEL_RULE,
        folderUID: 'team',
        ruleGroup: 'team-network',
        for: '0s',
      };
      await admin.createFolder({ uid: 'team', title: 'Team' });
      await admin.putRuleGroup({
        title: 'team-network',
        folderUid: 'team',
        interval: 60,
        rules: [teamTunnel],
      } as unknown as RuleGroupPayload);
      // Evaluated by Grafana's scheduler (the double runs none; an unscheduled rule reads as never evaluated).
      for (const rule of [...pack.rules, teamTunnel]) {
        grafana.double.setRuleStatus(rule.uid, { health: 'ok', lastEvaluation: new Date(), evaluationSeconds: 0.05 });
      }

      const doctor = await checkRules(page, goto);
      const summary = (await doctor.getByText(/ rules checked/).innerText()).trim();
      check(
        summary.startsWith(`${pack.rules.length + 1} rules checked`),
        `expected the ${pack.rules.length} FortiGate rules and the team's checked: "${summary}"`
      );
      const findings = (await allFindings(doctor)).filter((i) => !i.includes('Right if that state has not happened'));
      check(findings.length === 0, `the FortiGate pack's rules are reported: ${JSON.stringify(findings)}`);

      // What dc2 scrapes that no rule watches: every other exporter, each with the pack that covers it.
      const exporters = await itemsOf(doctor, 'Exporters no rule watches');
      const kafka = exporters.find((i) => i.startsWith('Kafka'));
      check(
        kafka?.includes('is scraped, but no rule reads any of its metrics') && kafka.includes('Covered by the Kafka'),
        `Kafka is not named as an exporter no rule watches, with its pack: ${JSON.stringify(exporters)}`
      );
      check(
        exporters.every((i) => !i.startsWith('FortiGate')),
        `FortiGate, whose pack is in Grafana, is called unwatched: ${JSON.stringify(exporters)}`
      );
      // No rule of the FortiGate pack reads `up`: no target is watched, the firewall's included, and what
      // would page for each is the Prometheus pack's PrometheusTargetDown (the only alert on every target's up).
      const targets = await itemsOf(doctor, 'Targets whose up no rule watches');
      for (const job of ['kafka', 'fortigate']) {
        const scraped = await instant(dc2, `up{job="${job}"}`);
        check(scraped.length > 0, `dc2 scrapes no ${job} target`);
        for (const { metric } of scraped) {
          const item = targets.find((t) => t.includes(`No rule watches up of ${metric.instance} (job ${job})`));
          check(
            item?.includes("Covered by the Prometheus pack's PrometheusTargetDown alert"),
            `the ${job} target ${metric.instance} is not named as unwatched with the alert that would watch it: "${item}"`
          );
        }
      }

      // A Grafana-managed rule, replayed from its definition (query, threshold, for) over dc2's data: the
      // team's copy of the tunnel alert fires at once (for: 0s) on each tunnel the fixture keeps down, so it
      // has fired on exactly the series its condition returns now.
      const sentence = await backtest(doctor, page, TEAM_TUNNEL_RULE);
      const fired = FIRED.exec(sentence);
      check(fired, `the backtest does not say how often ${TEAM_TUNNEL_RULE} would have fired: "${sentence}"`);
      const now = await instant(dc2, conditionOf(teamTunnel));
      check(
        now.length > 0 && Number(fired[2]) === now.length && Number(fired[1]) >= now.length,
        `the backtest says ${fired[1]} times on ${fired[2]} series; ${now.length} meet the condition now`
      );

      // A Viewer only read: no write reached Grafana.
      const writes = sandbox.calls.filter((c) => c.method !== 'GET' && !c.path.startsWith('/api/ds/query'));
      check(
        writes.length === 0,
        `the Viewer's rule doctor wrote to Grafana: ${JSON.stringify(writes.map((c) => `${c.method} ${c.path}`))}`
      );
      await notPresent(doctor.getByRole('alert'), 'error in the rule doctor');
    },
  },
];

export default journeys;
