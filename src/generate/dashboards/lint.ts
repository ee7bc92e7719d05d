/**
 * The dashboard standards (issue "Layered dashboards", item 2), as a pure check over dashboard
 * JSON: a test runs it over every generated and committed dashboard. Returns readable problems,
 * one per fault, each naming the panel and what to change; [] means the dashboard passes.
 */
import { DASHBOARD_TAG, HOME_DASHBOARD_UID, KEEP_TIME_AND_VARS, REPLICA_LABELS, layerDashboardUid } from './common';
import { TARGET_LOOKBACK } from './fleet';
import { isScalar, parsePromql, type Expr } from '../../rule-doctor/promql-tree';

export type LintKind = 'home' | 'layer' | 'exporter';

export interface LintSubject {
  kind: LintKind;
  layer?: string;
  exporter?: string;
  /** Info metrics the job/instance variables must list targets from. */
  infoMetrics?: readonly string[];
  dashboard: unknown;
  /** Committed files must carry a revision; generated JSON gets it when written. */
  requireRevision?: boolean;
}

/**
 * Metrics that no longer exist (or never did) in the exporter versions we support. A name with a
 * replacement may appear only next to it (an old-version variant OR-ed with the current name);
 * one without may not appear at all.
 */
export const REMOVED_METRICS: Record<string, string | null> = {
  // Grafana's legacy alerting engine, removed in Grafana 11.
  grafana_alerting_result_total: null,
  grafana_alerting_active_alerts: null,
  grafana_alerting_notification_sent_total: null,
  // windows_exporter 0.29 removed the service status and the cs collector; os keeps only info/hostname/install_time.
  windows_service_status: 'windows_service_state',
  windows_cs_logical_processors: 'windows_cpu_logical_processor',
  windows_cs_physical_memory_bytes: 'windows_memory_physical_total_bytes',
  windows_os_physical_memory_free_bytes: 'windows_memory_available_bytes',
  // Names that look plausible but no exporter emits (fixtures README, "not confirmed").
  ilo_up: null,
  ilo_memory_healthy: null,
  ilo_memory_total_byte: null,
  vmware_exporter_build_info: null,
  telegraf_build_info: null,
  mongodb_exporter_build_info: null,
  keepalived_advert_received_total: null,
  keepalived_advert_sent_total: null,
};

interface PanelJson {
  id?: number;
  type: string;
  title?: string;
  description?: string;
  datasource?: { type?: string; uid?: string };
  fieldConfig?: { defaults?: { unit?: string } };
  targets?: Array<{ expr?: string; refId?: string }>;
  links?: Array<{ url?: string }>;
  collapsed?: boolean;
  /** A collapsed row's panels. */
  panels?: PanelJson[];
}

/** Every panel, rows included, with the panels of collapsed rows after their row. */
export function allPanels(panels: PanelJson[] = []): PanelJson[] {
  return panels.flatMap((p) => [p, ...allPanels(p.panels)]);
}

interface VariableJson {
  name: string;
  type: string;
  query?: unknown;
  definition?: string;
  hide?: number;
  allValue?: string;
  includeAll?: boolean;
  datasource?: { uid?: string };
}

interface DashboardJson {
  id?: unknown;
  uid?: string;
  title?: string;
  tags?: string[];
  revision?: unknown;
  links?: Array<{ type: string; url?: string; includeVars?: boolean; keepTime?: boolean; tags?: string[] }>;
  templating?: { list?: VariableJson[] };
  panels?: PanelJson[];
}

const UID = /^fsm-[a-zA-Z0-9_-]+$/;

export function lintDashboard(subject: LintSubject): string[] {
  const d = subject.dashboard as DashboardJson;
  const problems: string[] = [];
  const where = d.uid ?? '(no uid)';
  const problem = (text: string) => problems.push(`${where}: ${text}`);

  if (!d.uid || !UID.test(d.uid) || d.uid.length > 40) {
    problem('uid must be fsm-… with letters, digits, - and _ only, at most 40 characters');
  }
  if ('id' in d) {
    problem('remove the top-level id: Grafana refuses to import a bundled dashboard that has one');
  }
  if (subject.requireRevision && !(Number.isInteger(d.revision) && (d.revision as number) >= 1)) {
    problem('revision must be a positive integer (run npm run generate)');
  }

  const tags = d.tags ?? [];
  const requiredTags = [DASHBOARD_TAG, subject.layer, subject.exporter].filter((t): t is string => Boolean(t));
  for (const tag of requiredTags) {
    if (!tags.includes(tag)) {
      problem(`tag "${tag}" is missing`);
    }
  }

  lintVariables(subject, d.templating?.list ?? [], problem);
  lintLinks(subject, d, problem);

  // The first view is what every open costs: an exporter dashboard opens on its overview row and
  // keeps its detail rows collapsed, so their queries run only when someone expands them.
  if (subject.kind === 'exporter') {
    const rows = (d.panels ?? []).filter((p) => p.type === 'row');
    if (rows.length === 0 || rows[0].collapsed) {
      problem('must open with its overview row expanded');
    }
    for (const row of rows.slice(1)) {
      if (!row.collapsed) {
        problem(`row "${row.title}" must start collapsed: only the overview loads when the dashboard opens`);
      }
    }
  }

  const ids = new Set<number>();
  for (const panel of allPanels(d.panels)) {
    if (panel.id === undefined || ids.has(panel.id)) {
      problem(`panel "${panel.title}" needs a unique id`);
    }
    ids.add(panel.id ?? -1);
    if (panel.type !== 'row') {
      lintPanel(subject, panel, (text) => problem(`panel "${panel.title}": ${text}`));
    }
  }
  return problems;
}

function lintVariables(subject: LintSubject, variables: VariableJson[], problem: (text: string) => void) {
  const byName = new Map(variables.map((v) => [v.name, v]));
  const datasource = byName.get('datasource');
  if (!datasource || datasource.type !== 'datasource' || datasource.query !== 'prometheus') {
    problem('needs a "datasource" variable of type datasource, query prometheus');
  }
  for (const name of ['cluster', 'job', 'instance']) {
    const variable = byName.get(name);
    if (!variable || variable.type !== 'query') {
      problem(`needs a "${name}" query variable`);
      continue;
    }
    if (variable.datasource?.uid !== '${datasource}') {
      problem(`variable "${name}" must query the chosen datasource (\${datasource})`);
    }
    const definition = variable.definition ?? '';
    // The cluster label's name is a setting; job and instance are Prometheus' own.
    const label = name === 'cluster' ? '' : `, ${name})`;
    if (!definition.startsWith('label_values(') || !definition.endsWith(label)) {
      problem(`variable "${name}" must be label_values(<info metric>, ${name})`);
    }
    for (const metric of subject.infoMetrics ?? []) {
      if (!definition.includes(metric)) {
        problem(`variable "${name}" must list targets from the info metric ${metric}`);
      }
    }
    if (!variable.includeAll) {
      problem(`variable "${name}" needs an All option`);
    }
  }
  const cluster = byName.get('cluster');
  if (cluster && (cluster.hide !== 0 || cluster.allValue !== '.*')) {
    problem('the cluster variable must stay visible (hide 0) with allValue .* so series without the label still match');
  }
}

function lintLinks(subject: LintSubject, d: DashboardJson, problem: (text: string) => void) {
  const links = d.links ?? [];
  if (links.length === 0) {
    problem('needs links to the other Full-Stack Monitoring dashboards');
  }
  for (const link of links) {
    if (!link.includeVars || !link.keepTime) {
      problem(`dashboard link ${link.url ?? link.tags?.join('+')} must keep variables and time`);
    }
  }
  const urls = links.map((l) => l.url);
  if (subject.kind !== 'home' && !urls.includes(`/d/${HOME_DASHBOARD_UID}`)) {
    problem('must link to the home dashboard');
  }
  if (subject.kind === 'exporter' && subject.layer && !urls.includes(`/d/${layerDashboardUid(subject.layer)}`)) {
    problem('must link to its layer dashboard');
  }
  const panelLinks = allPanels(d.panels).flatMap((p) => p.links ?? []);
  if (subject.kind !== 'exporter' && panelLinks.length === 0) {
    problem('needs panel links down to the next level');
  }
  for (const link of panelLinks) {
    if (!link.url?.includes(KEEP_TIME_AND_VARS)) {
      problem(`panel link ${link.url} must carry ${KEEP_TIME_AND_VARS}`);
    }
  }
}

function lintPanel(subject: LintSubject, panel: PanelJson, problem: (text: string) => void) {
  if (!panel.fieldConfig?.defaults?.unit) {
    problem('needs a unit');
  }
  if ((panel.description ?? '').trim().length < 20) {
    problem('needs a description that says what it shows');
  }
  if (panel.datasource?.uid !== '${datasource}') {
    problem('must query the ${datasource} variable');
  }
  const targets = panel.targets ?? [];
  if (targets.length === 0) {
    problem('has no query');
  }
  const refIds = targets.map((t) => t.refId);
  if (new Set(refIds).size !== refIds.length) {
    problem('has duplicate refIds');
  }
  for (const target of targets) {
    for (const text of lintExpr(subject, target.expr ?? '')) {
      problem(`query ${target.refId}: ${text}`);
    }
  }
}

/** Problems in one panel query. */
export function lintExpr(subject: Pick<LintSubject, 'kind'>, expr: string): string[] {
  const problems: string[] = [];
  const code = withoutStrings(expr);
  for (const match of code.matchAll(/\[([^\]]*)\]/g)) {
    const range = match[1];
    const before = code.slice(0, match.index);
    const membership = range === TARGET_LOOKBACK && /present_over_time\(\s*[^()]*$/.test(before);
    // A subquery over $__rate_interval (e.g. rate() of a label_replace) keeps Grafana's sizing; only its step is fixed.
    const subquery = /^\$__rate_interval:\d+[smh]$/.test(range);
    if (range !== '$__rate_interval' && !membership && !subquery) {
      problems.push(`range [${range}] must be [$__rate_interval] so Grafana sizes it to the scrape interval and step`);
    }
  }
  if (!expr.includes('=~"$cluster"')) {
    problems.push('must filter by the cluster variable (=~"$cluster")');
  }
  for (const [metric, replacement] of Object.entries(REMOVED_METRICS)) {
    // Names may sit inside a __name__ regex string, so the raw expression is searched.
    if (!new RegExp(`\\b${metric}\\b`).test(expr)) {
      continue;
    }
    if (replacement === null) {
      problems.push(`${metric} no longer exists; query its current form instead`);
    } else if (!new RegExp(`\\b${replacement}\\b`).test(expr)) {
      problems.push(`${metric} was removed; OR it with ${replacement} so current exporters answer`);
    }
  }
  // min where low is bad (free space, hit ratio): the worse replica, as the alerts take it
  const fold = new RegExp(`\\b(max|min) without \\(${REPLICA_LABELS.join(', ')}\\)`);
  if (!fold.test(expr)) {
    problems.push(`panels must count HA replicas once: max (or min) without (${REPLICA_LABELS.join(', ')})`);
  }
  problems.push(...sumsAcrossReplicas(expr));
  return problems;
}

/**
 * Aggregations that add HA replicas' copies together: each copy of a series is one more addend (sum), one more
 * series (count) or one more series with its value (count_values), so a store holding both servers of an HA pair
 * doubles them (a healthy keepalived pair showed two MASTERs, every down target two). The others are safe without the
 * replica labels: max, min and group give the same answer from two copies as from one; avg, stddev and stdvar are
 * statistics of the values' distribution, which copying every series leaves as it is (quantile nearly so: it
 * interpolates between ranks); topk, bottomk, limitk and limit_ratio return series as they are, replica labels
 * included (Prometheus v2.42.0 promql/engine.go, aggregation).
 */
const ADDS_COPIES = new Set(['sum', 'count', 'count_values']);
/** Functions whose result holds no series of a target: a number, or one series without its labels. */
const NO_TARGET_SERIES = new Set(['scalar', 'time', 'vector', 'absent', 'absent_over_time']);

/**
 * The sums and counts that add HA replicas' copies together before the fold: an aggregation of ADDS_COPIES over
 * series that may still carry a replica label (so two copies of one target stay apart) whose result drops it.
 * Read over Prometheus' own grammar, so `sum without (replica) (…)`, `count_values`, a bare `sum(…)` however
 * written and a sum of folded series (`sum(max without (replica, prometheus_replica) (…))`) are told apart.
 * `replicaLabels`: the labels that tell the replicas apart (the catalog's for the bundled dashboards, the app's for
 * Health). A ratio of two such sums, or histogram_quantile over summed buckets, would survive the doubling; the rule
 * does not try to prove that: sum within each replica's view, then fold.
 */
export function sumsAcrossReplicas(expr: string, replicaLabels: readonly string[] = REPLICA_LABELS): string[] {
  let tree: Expr;
  try {
    tree = parsePromql(withGrafanaVariablesAsValues(expr));
  } catch (error) {
    return [`does not parse as PromQL (${error instanceof Error ? error.message : String(error)})`];
  }
  const problems: string[] = [];
  replicaLabelsKept(tree, replicaLabels, problems);
  return problems;
}

/**
 * The replica labels `e`'s series may still carry, that is, where HA copies of one series may still be apart (in
 * Prometheus' terms: v2.42.0 promql/engine.go, `aggregation` for by/without, `resultMetric` for binary operators);
 * each aggregation that adds copies together while dropping one of them goes into `problems`.
 */
function replicaLabelsKept(e: Expr, replicaLabels: readonly string[], problems: string[]): Set<string> {
  const kept = (x: Expr) => replicaLabelsKept(x, replicaLabels, problems);
  switch (e.kind) {
    case 'selector':
      return new Set(replicaLabels);
    case 'literal':
      return new Set();
    case 'wrapped':
      return kept(e.inner);
    case 'call': {
      const fromArgs = e.args.map(kept);
      return NO_TARGET_SERIES.has(e.fn) ? new Set() : union(fromArgs);
    }
    case 'aggregate': {
      // Parameters (topk's k, quantile's φ, count_values' label) come first; the series are the last argument.
      const inner = e.args.map(kept).at(-1) ?? new Set<string>();
      const { without = false, labels = [] } = e.grouping ?? {};
      const result = new Set([...inner].filter((l) => labels.includes(l) !== without));
      if (['topk', 'bottomk', 'limitk', 'limit_ratio'].includes(e.op)) {
        return inner;
      }
      const dropped = [...inner].filter((l) => !result.has(l));
      if (ADDS_COPIES.has(e.op) && dropped.length > 0) {
        const head = e.grouping ? `${e.op} ${without ? 'without' : 'by'} (${labels.join(', ')})` : e.op;
        problems.push(
          `${head} adds HA replicas' copies together before the fold (it drops ${dropped.join(', ')}): keep ${replicaLabels.join(', ')} in its by (…) (out of its without (…)), or aggregate series folded already (max or min without (${replicaLabels.join(', ')}))`
        );
      }
      return result;
    }
    case 'binary': {
      const left = kept(e.left);
      const right = kept(e.right);
      if (e.op === 'or') {
        return union([left, right]);
      }
      // A number on one side: the other side's series, as they are.
      if (e.op === 'and' || e.op === 'unless' || isScalar(e.right)) {
        return left;
      }
      if (isScalar(e.left)) {
        return right;
      }
      const side = e.group === 'right' ? right : left;
      // One-to-one matching keeps the on (…) labels only, or drops the ignoring (…) ones; group_x keeps all.
      if (e.group || !e.matching) {
        return side;
      }
      const { on, labels } = e.matching;
      return new Set([...side].filter((l) => labels.includes(l) === on));
    }
  }
}

const union = (sets: ReadonlyArray<Set<string>>) => new Set(sets.flatMap((s) => [...s]));

/**
 * The expression with Grafana's variables outside string literals made values the grammar accepts: the interval
 * macros a duration (`[$__rate_interval]`), any other variable (`$retention_days * 86400`) a number. Inside
 * strings (`=~"$cluster"`) they are label values already.
 */
function withGrafanaVariablesAsValues(expr: string): string {
  return expr.replace(
    /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|\$\{?(\w+)\}?/g,
    (_all: string, literal: string | undefined, name: string) =>
      literal ?? (['__rate_interval', '__interval', '__range'].includes(name) ? '5m' : '1')
  );
}

/** The expression with string literals blanked, so label values like `"[a-z]"` are not read as ranges. */
function withoutStrings(expr: string): string {
  return expr.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/'(?:[^'\\]|\\.)*'/g, "''");
}
