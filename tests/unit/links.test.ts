/** @jest-environment node */
import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { EXPORTERS } from '../../src/catalog';
import { APP_ID, RUNBOOK_BASE_URL } from '../../src/catalog/links';
import { buildDesiredState } from '../../src/engine/desired-state';
import { alertingProvisioningYaml } from '../../src/generate/export-provisioning';
import { runbookSections } from '../../src/utils/runbook';
import pluginJson from '../../src/plugin.json';

const ROOT = path.join(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const list = (dir: string, ext: string) =>
  fs
    .readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith(ext))
    .map((f) => `${dir}/${f}`);

interface Rule {
  alert?: string;
  annotations?: Record<string, string>;
}

/** Every runbook_url the project emits: the Prometheus rule files and the Grafana export of all packs. */
function runbookUrls(): Array<{ where: string; url: string }> {
  const urls: Array<{ where: string; url: string }> = [];
  for (const file of list('provisioning/prometheus/rules', '.rules.yml')) {
    for (const group of parse(read(file)).groups as Array<{ rules: Rule[] }>) {
      for (const rule of group.rules.filter((r) => r.alert)) {
        urls.push({ where: `${file} ${rule.alert}`, url: rule.annotations?.runbook_url ?? '' });
      }
    }
  }
  const desired = buildDesiredState({
    exporterIds: EXPORTERS.map((e) => e.id),
    datasourceUid: 'prom',
    editable: false,
  });
  for (const group of parse(alertingProvisioningYaml(desired)).groups as Array<{
    rules: Array<Rule & { title: string }>;
  }>) {
    for (const rule of group.rules) {
      urls.push({ where: `Grafana export ${rule.title}`, url: rule.annotations?.runbook_url ?? '' });
    }
  }
  return urls;
}

describe('links the project emits', () => {
  it('point every alert at a section of a runbook the app ships', () => {
    const urls = runbookUrls();
    expect(urls.length).toBe(EXPORTERS.reduce((n, e) => n + e.alerts.length, 0) * 2);
    const broken = urls.filter(({ url }) => {
      const match = new RegExp(`^${RUNBOOK_BASE_URL}/([a-z-]+)#([a-z0-9-]+)$`).exec(url);
      const file = match && path.join(ROOT, 'docs/runbooks', `${match[1]}.md`);
      // The same split the Runbooks page renders from, so an anchor found here is an element id there.
      return (
        !match ||
        !fs.existsSync(file!) ||
        !runbookSections(read(`docs/runbooks/${match[1]}.md`)).some((s) => s.id === match[2])
      );
    });
    expect(broken).toEqual([]);
  });

  it('open app pages that plugin.json declares', () => {
    const pages = new Set(
      pluginJson.includes.filter((i) => i.type === 'page').map((i) => i.path.replace('%PLUGIN_ID%', APP_ID))
    );
    expect(RUNBOOK_BASE_URL.startsWith(`/a/${pluginJson.id}/`)).toBe(true);
    const appLinks = [...pluginJson.info.links.map((l) => l.url), RUNBOOK_BASE_URL].filter((u) => u.startsWith('/a/'));
    expect(appLinks.filter((u) => !pages.has(u))).toEqual([]);
  });

  /**
   * Every absolute URL in what the project ships or generates, against hosts and paths known to
   * exist. A link to a place that does not exist (a repository never published) fails here until
   * it is fixed or, with a reason, allowed.
   */
  const ALLOWED: Array<{ url: RegExp; why: string }> = [
    {
      url: /^https:\/\/github\.com\/(prometheus|prometheus-community|percona|SuperQ|mehdy|danielqsj|pryorda|MauveSoftware|Supporterino|influxdata)\/[\w.-]+(\/(blob|tree)\/(main|master)\/[\w./#-]+)?$/,
      why: 'an exporter’s own repository (catalog docsUrl), read at its tags for src/catalog/evidence',
    },
    {
      url: /^https:\/\/raw\.githubusercontent\.com\/grafana\/grafana\/main\/docs\/sources\/developers\/plugins\/plugin\.schema\.json$/,
      why: 'Grafana’s plugin.json schema ($schema of both plugin.json files)',
    },
    { url: /^https:\/\/grafana\.com\/(docs|developers)\//, why: 'Grafana’s documentation' },
    { url: /^https:\/\/prometheus\.io\/docs\//, why: 'Prometheus’ documentation' },
    { url: /^https:\/\/www\.rabbitmq\.com\/docs\//, why: 'RabbitMQ’s documentation (the built-in Prometheus plugin)' },
    { url: /^https:\/\/www\.haproxy\.com\/documentation\//, why: 'HAProxy’s documentation (the built-in exporter)' },
    { url: /^https:\/\/learn\.netdata\.cloud\/docs\//, why: 'Netdata’s documentation' },
    { url: /^https:\/\/clickhouse\.com\/docs\//, why: 'ClickHouse’s documentation' },
    {
      url: /^https:\/\/github\.com\/prometheus\/node_exporter\/tree\/v[\d.]+\/docs\/node-mixin$/,
      why: 'docs/coverage: the node mixin, read at the node_exporter tag named (issue 16)',
    },
    {
      url: /^https:\/\/github\.com\/rfmoz\/grafana-dashboards\/blob\/[0-9a-f]{40}\/prometheus\/node-exporter-full\.json$/,
      why: 'docs/coverage: Node Exporter Full (grafana.com 1860) as its author publishes it, at a commit (issue 16)',
    },
    {
      url: /^https:\/\/github\.com\/samber\/awesome-prometheus-alerts\/blob\/[0-9a-f]{40}\/_data\/rules\.yml$/,
      why: 'docs/coverage: awesome-prometheus-alerts’ rules, at a commit (issue 16)',
    },
    {
      url: /^https:\/\/github\.com\/grafana\/jsonnet-libs\/(tree|blob)\/[0-9a-f]{40}\/[a-z]+-(mixin|observ-lib)(\/[\w./-]+)?$/,
      why: 'docs/coverage: grafana/jsonnet-libs mixins and observability libraries (windows, kafka, rabbitmq, mongodb, jvm, clickhouse), at a commit (issue 16)',
    },
    {
      url: /^https:\/\/github\.com\/rabbitmq\/rabbitmq-server\/blob\/[0-9a-f]{40}\/deps\/rabbitmq_prometheus\/docker\/grafana\/dashboards\/RabbitMQ-Overview\.json$/,
      why: 'docs/coverage: RabbitMQ-Overview (grafana.com 10991) as the RabbitMQ team ships it, at a commit (issue 16)',
    },
    {
      url: /^https:\/\/github\.com\/prometheus-community\/windows_exporter\/blob\/[0-9a-f]{40}\/dashboard\/windows-exporter-dashboard\.json$/,
      why: 'docs/coverage: the dashboard windows_exporter ships, at a commit (issue 16)',
    },
    {
      url: /^https:\/\/github\.com\/(netdata\/netdata|influxdata\/telegraf|prometheus-community\/fortigate_exporter|MauveSoftware\/ilo_exporter|pryorda\/vmware_exporter|Supporterino\/truenas-graphite-to-prometheus)\/(blob|tree)\/(v[\d.]+|[0-9a-f]{40})\/[\w./{},-]+$/,
      why: 'docs/coverage: an exporter’s own docs, alarms or dashboard, read at the tag or commit named (issue 16)',
    },
    {
      url: /^https:\/\/github\.com\/adinhodovic\/blackbox-exporter-mixin\/tree\/[0-9a-f]{40}$/,
      why: 'docs/coverage: blackbox-exporter-mixin (alerts and dashboard), at a commit (issue 16)',
    },
    {
      url: /^https:\/\/github\.com\/prometheus\/blackbox_exporter\/blob\/v[\d.]+\/CONFIGURATION\.md#dns_probe$/,
      why: 'docs/coverage: blackbox_exporter’s dns_probe documentation, at the tag read (issue 16)',
    },
    {
      url: /^https:\/\/github\.com\/prometheus\/pushgateway\/blob\/v[\d.]+\/README\.md$/,
      why: 'docs/coverage: the Pushgateway README (it has no mixin), at the tag read (issue 16)',
    },
    {
      url: /^https:\/\/github\.com\/prometheus\/haproxy_exporter\/blob\/v[\d.]+\/README\.md$/,
      why: 'docs/coverage: the retired haproxy_exporter’s README, at the tag read (issue 16)',
    },
    {
      url: /^https:\/\/github\.com\/mehdy\/keepalived-exporter\/blob\/v[\d.]+\/(README\.md|grafana\/dashboards\/keepalived-exporter\.json)$/,
      why: 'docs/coverage: keepalived-exporter’s README and shipped dashboard, at the tag read (issue 16)',
    },
    {
      url: /^https:\/\/github\.com\/SuperQ\/chrony_exporter\/blob\/v[\d.]+\/README\.md$/,
      why: 'docs/coverage: chrony_exporter’s README (it has no mixin), at the tag read (issue 16)',
    },
    {
      url: /^https:\/\/github\.com\/grafana\/jsonnet-libs\/tree\/[0-9a-f]{40}\/[\w-]+-mixin$/,
      why: 'docs/coverage: a mixin of grafana/jsonnet-libs, at a commit (issue 16)',
    },
    {
      url: /^https:\/\/github\.com\/rfmoz\/grafana-dashboards\/blob\/[0-9a-f]{40}\/prometheus\/haproxy\.json$/,
      why: 'docs/coverage: HAProxy 2 Full (grafana.com 12693) as its author publishes it, at a commit (issue 16)',
    },
    {
      url: /^https:\/\/github\.com\/grafana\/grafana\/(tree\/[0-9a-f]{40}\/grafana-mixin|blob\/[0-9a-f]{40}\/public\/app\/plugins\/datasource\/prometheus\/dashboards\/grafana_stats\.json)$/,
      why: 'docs/coverage: grafana-mixin and the Grafana metrics dashboard bundled with the Prometheus data source, at a commit (issue 16)',
    },
    { url: /^https:\/\/github\.com\/secretlint\/secretlint$/, why: 'the secret scanner the README names' },
    {
      url: /^https:\/\/github\.com\/(prometheus|prometheus-community)\/[\w.-]+\/(blob|tree)\/v[\d.]+\/[\w./-]+$/,
      why: 'docs/coverage: a mixin or an exporter’s README, at the tag read (issue 16)',
    },
    {
      url: /^https:\/\/grafana\.com\/grafana\/dashboards\/\d+$/,
      why: 'docs/coverage: the most used community dashboard of an exporter, by its grafana.com id (issue 16)',
    },
    { url: /^http:\/\/localhost:\d+$/, why: 'README: the compose stack on the reader’s own machine' },
    {
      url: /^https:\/\/([\w-]+\.)?example\.com(\/|$)/,
      why: 'README: placeholders (where the reader hosts a release, their Grafana)',
    },
  ];
  const SHIPPED = [
    'README.md',
    'src/plugin.json',
    'src/datasource/plugin.json',
    'src/catalog/runtime.generated.ts',
    ...list('dashboards', '.json'),
    ...list('provisioning/prometheus/rules', '.yml'),
    ...list('docs', '.md'),
    ...list('docs/runbooks', '.md'),
    ...list('docs/coverage', '.md'),
  ];

  it('reach only hosts and paths known to exist', () => {
    const unknown: string[] = [];
    let seen = 0;
    for (const file of SHIPPED) {
      for (const [url] of read(file).matchAll(/https?:\/\/[^\s"'`)<>\]]+/g)) {
        const clean = url.replace(/[.,;:]$/, '');
        seen++;
        if (!ALLOWED.some((a) => a.url.test(clean))) {
          unknown.push(`${file}: ${clean}`);
        }
      }
    }
    expect(seen).toBeGreaterThan(EXPORTERS.length);
    expect(unknown).toEqual([]);
  });
});
