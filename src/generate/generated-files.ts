import {
  renderPrometheusRuleFile,
  renderPromtoolTests,
  renderTargetOverrideTests,
  targetOverrideRuleFile,
} from './prometheus-rules';
import { renderRunbook } from './runbook';
import { EXPORTERS } from '../catalog';
import { PROMTOOL_CASES, TARGET_OVERRIDE_CASES } from '../catalog/promtool-cases';
import { generateDashboards, type GeneratedDashboard } from './dashboards';
import {
  RECORDING_RULES_FILE,
  RECORDING_TESTS_FILE,
  renderRecordingRuleFile,
  renderRecordingRuleTests,
} from './dashboards/recording-rules';
import { withRevision } from './dashboards/revision';
import { buildStackHealthDashboard } from './health-dashboard';
import { README_FILE, coverageFiles, withCoverageSummary } from './coverage-doc';
import { REQUIREMENTS_DOC_FILE, renderRequirementsDoc } from './requirements-doc';
import { PACK_METRICS_FILE, renderPackMetrics } from './pack-metrics';
import { RUNTIME_CATALOG_FILE, renderRuntimeCatalog } from './runtime-catalog';

/**
 * Everything `npm run generate` writes, computed without touching the disk: the generator writes
 * these files and a unit test fails when the committed ones differ (stale output).
 */
export interface GeneratedFile {
  /** Path relative to the repository root. */
  path: string;
  content: string;
}

/** Reads a committed file (relative to the repository root), or undefined when it does not exist. */
export type ReadCommitted = (path: string) => string | undefined;

const PLUGIN_JSON = 'src/plugin.json';
const STACK_HEALTH_DASHBOARD_FILE = 'core-stack-health.json';
/** Loaded by the compose stack's and the test stack's Prometheus. */
export const PROMETHEUS_RULES_DIR = 'provisioning/prometheus/rules';
export const PROMTOOL_TESTS_DIR = 'tests/promtool';

export type BundledDashboard = Pick<GeneratedDashboard, 'file' | 'uid' | 'title' | 'dashboard'>;

/** Every dashboard plugin.json bundles: the catalog's, and the monitoring stack's health (src/health). */
export function bundledDashboards(): BundledDashboard[] {
  const health = buildStackHealthDashboard() as { uid: string; title: string };
  return [
    ...generateDashboards(),
    { file: STACK_HEALTH_DASHBOARD_FILE, uid: health.uid, title: health.title, dashboard: health },
  ];
}

export function generatedFiles(readCommitted: ReadCommitted): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const dashboards = bundledDashboards();

  for (const generated of dashboards) {
    const path = `dashboards/${generated.file}`;
    const committed = readCommitted(path);
    const dashboard = withRevision(generated.dashboard, committed ? JSON.parse(committed) : undefined);
    files.push({ path, content: toJson(dashboard) });
  }

  for (const exporter of EXPORTERS.filter((e) => e.alerts.length > 0)) {
    const rulesPath = `${PROMETHEUS_RULES_DIR}/fsm-${exporter.id}.rules.yml`;
    files.push({ path: rulesPath, content: renderPrometheusRuleFile(exporter) });
    // promtool resolves rule_files relative to the test file.
    files.push({
      path: `${PROMTOOL_TESTS_DIR}/fsm-${exporter.id}.test.yml`,
      content: renderPromtoolTests(exporter, PROMTOOL_CASES[exporter.id] ?? {}, `../../${rulesPath}`),
    });
    // Every rule's runbook_url points here.
    files.push({ path: `docs/runbooks/${exporter.id}.md`, content: renderRunbook(exporter) });
  }

  // Per-target thresholds, in Prometheus' form and in Grafana's: not loaded by any Prometheus
  // (they are examples), only checked and tested by scripts/check-rules.sh.
  for (const cases of TARGET_OVERRIDE_CASES) {
    for (const form of ['prometheus', 'grafana'] as const) {
      const name = `fsm-${cases.exporter}-overrides${form === 'grafana' ? '-grafana-form' : ''}`;
      const rulesPath = `${PROMTOOL_TESTS_DIR}/rules/${name}.rules.yml`;
      const rules = targetOverrideRuleFile(cases, form);
      files.push({ path: rulesPath, content: rules });
      files.push({
        path: `${PROMTOOL_TESTS_DIR}/${name}.test.yml`,
        content: renderTargetOverrideTests(cases, rules, `rules/${name}.rules.yml`),
      });
    }
  }

  // Recording rules for the fleet panels of the layer dashboards (which fall back to raw queries without them).
  const recordingRulesPath = `${PROMETHEUS_RULES_DIR}/${RECORDING_RULES_FILE}`;
  files.push({ path: recordingRulesPath, content: renderRecordingRuleFile() });
  files.push({
    path: `${PROMTOOL_TESTS_DIR}/${RECORDING_TESTS_FILE}`,
    content: renderRecordingRuleTests(`../../${recordingRulesPath}`),
  });

  const pluginJson = readCommitted(PLUGIN_JSON);
  if (pluginJson === undefined) {
    throw new Error(`${PLUGIN_JSON} is missing`);
  }
  files.push({ path: PLUGIN_JSON, content: withDashboardIncludes(pluginJson, dashboards) });
  files.push({ path: RUNTIME_CATALOG_FILE, content: renderRuntimeCatalog() });
  files.push({ path: PACK_METRICS_FILE, content: renderPackMetrics() });
  files.push({ path: REQUIREMENTS_DOC_FILE, content: renderRequirementsDoc() });
  files.push(...coverageFiles());
  const readme = readCommitted(README_FILE);
  if (readme === undefined) {
    throw new Error(`${README_FILE} is missing`);
  }
  files.push({ path: README_FILE, content: withCoverageSummary(readme) });
  return files;
}

interface PluginInclude {
  type: string;
  name?: string;
  path?: string;
  uid?: string;
  [key: string]: unknown;
}

/**
 * plugin.json lists bundled dashboards as includes; Grafana imports exactly those. The generated
 * ones are replaced as a block, so hand-written includes (pages, the datasource) stay as they are.
 */
export function withDashboardIncludes(
  pluginJsonText: string,
  dashboards: ReadonlyArray<Pick<GeneratedDashboard, 'file' | 'uid' | 'title'>>
): string {
  const pluginJson = JSON.parse(pluginJsonText) as { includes?: PluginInclude[] };
  const others = (pluginJson.includes ?? []).filter((include) => include.type !== 'dashboard');
  const dashboardIncludes: PluginInclude[] = dashboards.map((d) => ({
    type: 'dashboard',
    name: d.title,
    path: `dashboards/${d.file}`,
    uid: d.uid,
  }));
  return toJson({ ...pluginJson, includes: [...others, ...dashboardIncludes] });
}

function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
