import {
  DataSourceApi,
  type DataFrame,
  type DataQueryError,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
  type MetricFindValue,
  type QueryResultMetaNotice,
  type ScopedVars,
  type TestDataSourceResponse,
} from '@grafana/data';
import { getTemplateSrv } from '@grafana/runtime';
import { EXPORTERS, LAYERS } from '../catalog/runtime';
import { classificationQuery, indexDetectionSeries } from '../inventory/classify';
import { compileJobRegex, loadJobRegexEngine, type InventoryFilters } from '../inventory/filters';
import { coverageFrame, exportersFrame, pushGroupsFrame, targetsFrame } from '../inventory/frames';
import { buildInventory, summariseExporters, summariseLayers, type InventoryRow } from '../inventory/inventory';
import { InventoryError, unwrapPrometheus, vectorResult, warningsToShow } from '../inventory/prometheus-api';
import { PUSH_GROUPS_QUERY, pushGroupsFromPushgatewayApi, pushGroupsFromVector } from '../inventory/pushgateway';
import { parseTargets, type ScrapeTarget } from '../inventory/targets';
import { TARGET_SERIES_QUERY, targetsFromSeries, targetsMissingFromApi } from '../inventory/up-targets';
import { indexVersions, versionQuery, type VersionIndex } from '../inventory/versions';
import { proxyGet, type ProxyTarget } from './requests';
import {
  DEFAULT_QUERY,
  type AuthMode,
  type InventoryDataSourceOptions,
  type InventoryQuery,
  type InventoryVariableQuery,
  type Upstream,
  type VariableQueryKind,
} from './types';
import { alertmanagerUrlError, prometheusUrlError, pushgatewayUrlError } from './urls';

/** Targets, classified, as one Prometheus snapshot; shared by every query of one request. */
interface Snapshot {
  targets: ScrapeTarget[];
  detection: ReturnType<typeof indexDetectionSeries>;
  versions?: VersionIndex;
  notices: QueryResultMetaNotice[];
}

export class DataSource extends DataSourceApi<InventoryQuery, InventoryDataSourceOptions> {
  private readonly proxyUrl?: string;
  private readonly settings: InventoryDataSourceOptions;
  private readonly authMode: AuthMode;

  constructor(instanceSettings: DataSourceInstanceSettings<InventoryDataSourceOptions>) {
    super(instanceSettings);
    this.proxyUrl = instanceSettings.url;
    this.settings = instanceSettings.jsonData ?? {};
    this.authMode = this.settings.authMode ?? 'none';
  }

  getDefaultQuery(): Partial<InventoryQuery> {
    return DEFAULT_QUERY;
  }

  filterQuery(query: InventoryQuery): boolean {
    return !query.hide;
  }

  async query(request: DataQueryRequest<InventoryQuery>): Promise<DataQueryResponse> {
    const queries = request.targets.filter((q) => !q.hide);
    if (queries.length === 0) {
      return { data: [] };
    }
    let snapshot: Promise<Snapshot> | undefined;
    const loadSnapshot = () => (snapshot ??= this.loadSnapshot());

    const data: DataFrame[] = [];
    const errors: DataQueryError[] = [];
    for (const query of queries) {
      try {
        data.push(await this.runQuery(query, request.scopedVars, loadSnapshot));
      } catch (error) {
        errors.push({ refId: query.refId, message: errorMessage(error) });
      }
    }
    return errors.length > 0 ? { data, errors, error: errors[0] } : { data };
  }

  private async runQuery(
    query: InventoryQuery,
    scopedVars: ScopedVars | undefined,
    loadSnapshot: () => Promise<Snapshot>
  ): Promise<DataFrame> {
    const filters = this.interpolateFilters(query, scopedVars);
    // Validate before any request: a bad regex is the user's to fix, not Prometheus' problem.
    await loadJobRegexEngine(filters.jobRegex);
    compileJobRegex(filters.jobRegex);
    const kind = query.kind ?? 'targets';
    if (kind === 'pushgateway') {
      return this.pushgatewayFrame(query.refId, filters);
    }
    if (kind === 'rule-doctor') {
      // Its own chunk: PromQL's grammar stays out of the datasource module.
      const { ruleDoctorFrame } = await import(
        /* webpackChunkName: "rule-doctor-ds" */ '../rule-doctor/datasource-run'
      );
      const prometheus = this.upstream('prometheus');
      return ruleDoctorFrame((path, params) => proxyGet(prometheus, path, params), query.refId);
    }
    const snap = await loadSnapshot();
    const rows = buildInventory(snap.targets, snap.detection, { filters, versions: snap.versions });
    const options = { refId: query.refId, notices: snap.notices };
    switch (kind) {
      case 'exporters':
        return exportersFrame(summariseExporters(rows), options);
      case 'coverage':
        return coverageFrame(summariseLayers(rows), options);
      default:
        return targetsFrame(rows, options);
    }
  }

  /** All targets with their classification, unfiltered (for the page and variables). */
  async inventory(filters: InventoryFilters = {}): Promise<{ rows: InventoryRow[]; notices: QueryResultMetaNotice[] }> {
    await loadJobRegexEngine(filters.jobRegex);
    const snap = await this.loadSnapshot();
    return {
      rows: buildInventory(snap.targets, snap.detection, { filters, versions: snap.versions }),
      notices: snap.notices,
    };
  }

  private async loadSnapshot(): Promise<Snapshot> {
    const prometheus = this.upstream('prometheus');
    const versionExpr = versionQuery();
    const [targetsResult, seriesBody, detectionBody, versionsResult] = await Promise.all([
      proxyGet(prometheus, '/api/v1/targets', { state: 'active' }).then(
        (body) => ({ body }),
        (error: unknown) => ({ error })
      ),
      proxyGet(prometheus, '/api/v1/query', { query: TARGET_SERIES_QUERY }),
      proxyGet(prometheus, '/api/v1/query', { query: classificationQuery() }),
      // Versions are a nicety: their failure is a notice on the frames, not a failed query.
      versionExpr
        ? proxyGet(prometheus, '/api/v1/query', { query: versionExpr }).then(
            (body) => ({ body }),
            (error: unknown) => ({ error })
          )
        : Promise.resolve(undefined),
    ]);

    const notices: QueryResultMetaNotice[] = [];
    const series = unwrapPrometheus<unknown>(seriesBody, 'the scrape series query (up)');
    const seriesTargets = targetsFromSeries(vectorResult(series.data, 'the scrape series query (up)'));
    const { targets: apiTargets, skipped, warnings: targetWarnings } = readTargetsApi(targetsResult);
    const fromSeries = targetsMissingFromApi(apiTargets ?? [], seriesTargets);
    const targets = [...(apiTargets ?? []), ...fromSeries];
    if (apiTargets === undefined) {
      notices.push({
        severity: 'info',
        text: `This server has no scrape-target API (/api/v1/targets), as Mimir and other long-term stores: the ${fromSeries.length} targets are listed from their up series, so their last error and scrape URL cannot be shown.`,
      });
    } else if (fromSeries.length > 0) {
      notices.push({
        severity: 'info',
        text: `${fromSeries.length} targets are scraped by other Prometheus servers whose series this one holds (remote write, federation or a global store): they are listed from their up series, so their last error and scrape URL cannot be shown.`,
      });
    }
    if (skipped > 0) {
      notices.push({
        severity: 'warning',
        text: `${skipped} target entries in Prometheus' answer were malformed and are not listed.`,
      });
    }
    const detection = unwrapPrometheus<unknown>(detectionBody, 'the exporter classification query');
    const detectionIndex = indexDetectionSeries(vectorResult(detection.data, 'the exporter classification query'));
    for (const warning of warningsToShow(targetWarnings, series.warnings, detection.warnings)) {
      notices.push({ severity: 'warning', text: `Prometheus: ${warning}` });
    }

    let versions: VersionIndex | undefined;
    if (versionsResult && 'body' in versionsResult) {
      try {
        const answer = unwrapPrometheus<unknown>(versionsResult.body, 'the exporter version query');
        versions = indexVersions(vectorResult(answer.data, 'the exporter version query'));
      } catch (error) {
        notices.push({ severity: 'warning', text: `Versions are not shown: ${errorMessage(error)}` });
      }
    } else if (versionsResult && 'error' in versionsResult) {
      notices.push({ severity: 'warning', text: `Versions are not shown: ${errorMessage(versionsResult.error)}` });
    }
    return { targets, detection: detectionIndex, versions, notices };
  }

  private async pushgatewayFrame(refId: string, filters: InventoryFilters): Promise<DataFrame> {
    const body = await proxyGet(this.upstream('prometheus'), '/api/v1/query', { query: PUSH_GROUPS_QUERY });
    const answer = unwrapPrometheus<unknown>(body, 'the Pushgateway groups query');
    let groups = pushGroupsFromVector(vectorResult(answer.data, 'the Pushgateway groups query'));
    const notices: QueryResultMetaNotice[] = [];
    if (groups.length === 0) {
      if (this.settings.pushgatewayUrl) {
        const direct = unwrapPrometheus<unknown>(
          await proxyGet(this.upstream('pushgateway'), '/api/v1/metrics'),
          "the Pushgateway's groups (/api/v1/metrics)"
        );
        groups = pushGroupsFromPushgatewayApi(direct.data);
        notices.push({
          severity: 'info',
          text: 'Read from the Pushgateway itself: Prometheus has no push_time_seconds series (is the Pushgateway scraped?).',
        });
      } else {
        notices.push({
          severity: 'info',
          text: 'No Pushgateway groups: Prometheus has no push_time_seconds series, and no Pushgateway URL is configured in this datasource.',
        });
      }
    }
    const job = compileJobRegex(filters.jobRegex);
    if (job) {
      groups = groups.filter((g) => job.test(g.job));
    }
    return pushGroupsFrame(groups, Date.now(), { refId, notices });
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    const url = this.settings.prometheusUrl;
    if (!url) {
      return {
        status: 'error',
        message:
          'The Prometheus URL is empty. Enter the URL Grafana uses to reach Prometheus, e.g. http://prometheus:9090, then save and test again.',
      };
    }
    const urlProblem = prometheusUrlError(url);
    if (urlProblem) {
      // Grafana saves what the form holds, so a URL the field marked still reaches the test; without a
      // scheme the proxy cannot build a request and the test could only say "could not reach".
      return {
        status: 'error',
        message: `The Prometheus URL ${url} cannot be used: ${urlProblem} Correct it, then save and test again.`,
      };
    }
    if (!this.proxyUrl) {
      return {
        status: 'error',
        message:
          'Grafana gave this datasource no proxy URL, so it cannot reach Prometheus. Save the datasource and test again.',
      };
    }
    const prometheus = this.upstream('prometheus');
    let summary: string;
    try {
      const info = unwrapPrometheus<{ version?: string }>(
        await proxyGet(prometheus, '/api/v1/status/buildinfo', undefined, 15_000),
        'the build info request (/api/v1/status/buildinfo)'
      );
      if (typeof info.data.version !== 'string' || info.data.version === '') {
        throw new InventoryError('not-prometheus', 'no version in /api/v1/status/buildinfo');
      }
      const api = readTargetsApi(
        await proxyGet(prometheus, '/api/v1/targets', { state: 'active' }, 15_000).then(
          (body) => ({ body }),
          (error: unknown) => ({ error })
        )
      );
      let targets = api.targets ?? [];
      let from = 'active targets';
      if (api.targets === undefined) {
        const series = unwrapPrometheus<unknown>(
          await proxyGet(prometheus, '/api/v1/query', { query: TARGET_SERIES_QUERY }, 15_000),
          'the scrape series query (up)'
        );
        targets = targetsFromSeries(vectorResult(series.data, 'the scrape series query (up)'));
        from = 'targets (from their up series: this server has no /api/v1/targets)';
      }
      const up = targets.filter((t) => t.health === 'up').length;
      summary = `Connected to Prometheus ${info.data.version} at ${url}: ${targets.length} ${from}, ${up} up.`;
    } catch (error) {
      return { status: 'error', message: testFailureMessage(error, url) };
    }

    const problems: string[] = [];
    const extras: string[] = [];
    const { alertmanagerUrl, pushgatewayUrl } = this.settings;
    if (alertmanagerUrl) {
      const problem = alertmanagerUrlError(alertmanagerUrl);
      await this.checkOptional('alertmanager', '/api/v2/status', 'Alertmanager', extras, problems, problem);
    }
    if (pushgatewayUrl) {
      const problem = pushgatewayUrlError(pushgatewayUrl);
      await this.checkOptional('pushgateway', '/api/v1/status', 'Pushgateway', extras, problems, problem);
    }
    const message = [summary, ...extras, ...problems].join(' ');
    return { status: problems.length > 0 ? 'warning' : 'success', message };
  }

  private async checkOptional(
    upstream: Upstream,
    path: string,
    name: string,
    extras: string[],
    problems: string[],
    urlProblem: string | undefined
  ) {
    if (urlProblem) {
      problems.push(`${name}: its URL cannot be used: ${urlProblem}`);
      return;
    }
    try {
      const body = await proxyGet(this.upstream(upstream), path, undefined, 15_000);
      const version = versionFromStatus(body);
      extras.push(`${name}${version ? ` ${version}` : ''} answered.`);
    } catch (error) {
      problems.push(`${name}: ${errorMessage(error)}`);
    }
  }

  /** Variables: `layers`, `exporters` (ids, titled) or `jobs`, from what Prometheus scrapes now. */
  async metricFindQuery(query: InventoryVariableQuery | string): Promise<MetricFindValue[]> {
    const kind = (typeof query === 'string' ? query.trim() : query?.kind) as VariableQueryKind;
    if (kind !== 'layers' && kind !== 'exporters' && kind !== 'jobs') {
      throw new Error(`Unknown variable query "${String(kind)}". Use layers, exporters or jobs.`);
    }
    const { rows } = await this.inventory();
    if (kind === 'jobs') {
      return [...new Set(rows.map((r) => r.job))].sort().map((job) => ({ text: job, value: job }));
    }
    if (kind === 'layers') {
      const present = new Set(rows.map((r) => r.layer));
      return LAYERS.filter((l) => present.has(l.id)).map((l) => ({ text: l.title, value: l.id }));
    }
    const present = new Set(rows.map((r) => r.exporter));
    const known = EXPORTERS.filter((e) => present.has(e.id)).map((e) => ({ text: e.title, value: e.id }));
    return present.has('unknown') ? [...known, { text: 'Unknown exporter', value: 'unknown' }] : known;
  }

  private upstream(upstream: Upstream): ProxyTarget {
    const urls: Record<Upstream, string | undefined> = {
      prometheus: this.settings.prometheusUrl,
      alertmanager: this.settings.alertmanagerUrl,
      pushgateway: this.settings.pushgatewayUrl,
    };
    const upstreamUrl = urls[upstream];
    if (!upstreamUrl || !this.proxyUrl) {
      throw new InventoryError(
        'not-configured',
        `No ${upstream} URL is configured in the inventory datasource. An admin can set it in the datasource's settings.`
      );
    }
    return { proxyUrl: this.proxyUrl, upstream, authMode: this.authMode, upstreamUrl };
  }

  private interpolateFilters(query: InventoryQuery, scopedVars?: ScopedVars): InventoryFilters {
    const templateSrv = safeTemplateSrv();
    const list = (values?: string[]) =>
      values
        ?.flatMap((v) => (templateSrv ? templateSrv.replace(v, scopedVars, 'csv') : v).split(','))
        .map((v) => v.trim())
        .filter((v) => v !== '' && v !== '$__all');
    return {
      layers: list(query.layers),
      exporters: list(query.exporters),
      health: query.health,
      jobRegex:
        query.jobRegex && templateSrv ? templateSrv.replace(query.jobRegex, scopedVars, 'regex') : query.jobRegex,
    };
  }
}

// getTemplateSrv() is unset outside Grafana (tests, the bench); filters then apply literally.
function safeTemplateSrv() {
  try {
    return getTemplateSrv();
  } catch {
    return undefined;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function versionFromStatus(body: unknown): string | undefined {
  const b = body as {
    versionInfo?: { version?: string };
    data?: { version?: string; build_information?: { version?: string } };
  };
  return b?.versionInfo?.version ?? b?.data?.build_information?.version ?? b?.data?.version;
}

/** testDatasource's wording: the same causes as queries, phrased as what the test found. */
function testFailureMessage(error: unknown, url: string): string {
  if (error instanceof InventoryError && error.kind === 'not-prometheus') {
    return `${url} answered, but not like Prometheus' HTTP API (${error.message}). Check that the URL points at Prometheus itself (its base URL, without /api/v1 or /graph).`;
  }
  return errorMessage(error);
}

/**
 * The targets API's answer, or `targets: undefined` when the server has none (Mimir answers 404,
 * VictoriaMetrics 400 "unsupported path requested": both are kind `not-found`). Other failures
 * (credentials, an unreachable host, a 5xx) are real errors and fail the query.
 */
function readTargetsApi(result: { body: unknown } | { error: unknown }): {
  targets?: ScrapeTarget[];
  skipped: number;
  warnings: string[];
} {
  if ('error' in result) {
    const kind = result.error instanceof InventoryError ? result.error.kind : undefined;
    if (kind === 'not-found') {
      return { skipped: 0, warnings: [] };
    }
    throw result.error;
  }
  const data = unwrapPrometheus<unknown>(result.body, 'the targets request (/api/v1/targets)');
  return { ...parseTargets(data.data), warnings: data.warnings };
}
