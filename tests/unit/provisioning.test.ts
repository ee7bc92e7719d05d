/** @jest-environment node */
import fs from 'fs';
import path from 'path';
import { parse, parseDocument } from 'yaml';

// The docker compose stack and its provisioning are configuration nobody runs in CI (there is no
// Docker engine on the build machines), so this test is what keeps them honest: it reads the
// files the way Compose, Grafana and Prometheus would and checks that they agree with each other.

const REPO = path.resolve(__dirname, '..', '..');
const COMPOSE_FILE = path.join(REPO, 'docker-compose.yaml');
const PROVISIONING = path.join(REPO, 'provisioning');

const APP_PLUGIN_ID = readJson<{ id: string }>(path.join(REPO, 'src', 'plugin.json')).id;
const DATASOURCE_PLUGIN_ID = 'fullstack-inventory-datasource';
const PLUGIN_DIR_IN_GRAFANA = `/var/lib/grafana/plugins/${APP_PLUGIN_ID}`;

/** The services a user of `docker compose up` is promised (README "Run the product"). */
const PROMISED_SERVICES = [
  'grafana',
  'prometheus',
  'alertmanager',
  'pushgateway',
  'node-exporter',
  'blackbox-exporter',
  'postgres',
  'postgres-exporter',
  'haproxy',
  'rabbitmq',
];

/** Services that have no metrics endpoint of their own: their exporters are scraped instead. */
const SERVICES_WITHOUT_METRICS = ['postgres', 'redis'];

const SECRET_KEY = /pass(word)?|secret|token|api_?key|credential|private_?key/i;
/** `$VAR` / `${VAR}`: Grafana expands these from the environment at provisioning time. */
const ENV_REFERENCE = /^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)$/;

interface ComposeService {
  image?: string;
  build?: unknown;
  extends?: { file?: string; service: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  volumes?: Array<string | { type?: string; source?: string; target: string }>;
  expose?: Array<string | number>;
}
interface ComposeFile {
  services: Record<string, ComposeService>;
}
interface ResolvedService {
  name: string;
  definition: ComposeService;
  environment: Record<string, string>;
  /** bind mounts with host paths resolved against the file that declared them */
  mounts: Array<{ hostPath: string; containerPath: string }>;
}

interface StaticConfig {
  targets: string[];
  labels?: Record<string, string>;
}
interface ScrapeConfig {
  job_name: string;
  static_configs?: StaticConfig[];
  relabel_configs?: Array<{ target_label?: string; replacement?: string }>;
}
interface PrometheusConfig {
  rule_files?: string[];
  alerting?: { alertmanagers?: Array<{ static_configs?: StaticConfig[] }> };
  scrape_configs: ScrapeConfig[];
}

interface ProvisionedDatasource {
  name: string;
  uid?: string;
  type: string;
  url?: string;
  jsonData?: Record<string, unknown>;
  secureJsonData?: Record<string, unknown>;
}
interface ProvisionedApp {
  type: string;
  org_id?: number;
  disabled?: boolean;
  jsonData?: Record<string, unknown>;
  secureJsonData?: Record<string, unknown>;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function readYaml<T>(file: string): T {
  return parse(fs.readFileSync(file, 'utf8')) as T;
}

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return filesUnder(full, keep);
    }
    return keep(full) ? [full] : [];
  });
}

const isYaml = (file: string) => /\.ya?ml$/.test(file);

function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const at = entry.indexOf('=');
        return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      })
    );
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value ?? '')]));
}

function mountsOf(service: ComposeService, declaredIn: string) {
  return (service.volumes ?? []).flatMap((volume) => {
    const [source, target] = typeof volume === 'string' ? volume.split(':') : [volume.source ?? '', volume.target];
    // named volumes have no path: they are not files from this repository
    if (!source.startsWith('.') && !source.startsWith('/')) {
      return [];
    }
    return [{ hostPath: path.resolve(path.dirname(declaredIn), source), containerPath: target }];
  });
}

/** A service as Compose runs it: `extends` resolved (maps merged, the extending file wins). */
function resolveService(name: string, file: string, seen: string[] = []): ResolvedService {
  const definition = readYaml<ComposeFile>(file).services[name];
  if (!definition) {
    throw new Error(`${path.relative(REPO, file)} has no service "${name}"`);
  }
  const own = { environment: environmentOf(definition), mounts: mountsOf(definition, file) };
  if (!definition.extends) {
    return { name, definition, ...own };
  }
  const parentFile = path.resolve(path.dirname(file), definition.extends.file ?? path.basename(file));
  const key = `${parentFile}#${definition.extends.service}`;
  if (seen.includes(key)) {
    throw new Error(`extends cycle through ${key}`);
  }
  const parent = resolveService(definition.extends.service, parentFile, [...seen, key]);
  const mounts = [
    ...parent.mounts.filter((mount) => !own.mounts.some((m) => m.containerPath === mount.containerPath)),
    ...own.mounts,
  ];
  return {
    name,
    definition: { ...parent.definition, ...definition },
    environment: { ...parent.environment, ...own.environment },
    mounts,
  };
}

/** Where a path inside a container comes from on the host, through the service's bind mounts. */
function hostPathOf(service: ResolvedService, containerPath: string): string | undefined {
  const mount = [...service.mounts]
    .sort((a, b) => b.containerPath.length - a.containerPath.length)
    .find((m) => containerPath === m.containerPath || containerPath.startsWith(`${m.containerPath}/`));
  return mount && path.join(mount.hostPath, path.relative(mount.containerPath, containerPath));
}

function exposedPorts(service: ResolvedService): string[] {
  return (service.definition.expose ?? []).map((port) => String(port).split('/')[0]);
}

/** Jobs whose __address__ is rewritten scrape an exporter (blackbox), not their targets. */
function isProbeJob(job: ScrapeConfig): boolean {
  return (job.relabel_configs ?? []).some((rule) => rule.target_label === '__address__');
}

function hostOfTarget(target: string): string {
  return target.includes('://') ? new URL(target).hostname : target.split(':')[0];
}

const compose = readYaml<ComposeFile>(COMPOSE_FILE);
const services = Object.keys(compose.services).map((name) => resolveService(name, COMPOSE_FILE));
const serviceNamed = (name: string) => {
  const service = services.find((s) => s.name === name);
  if (!service) {
    throw new Error(`docker-compose.yaml has no service "${name}"`);
  }
  return service;
};

const prometheusService = serviceNamed('prometheus');
const prometheusConfigPath = hostPathOf(prometheusService, '/etc/prometheus/prometheus.yml');
const prometheusConfig = readYaml<PrometheusConfig>(
  prometheusConfigPath ?? path.join(PROVISIONING, 'prometheus', 'prometheus.yml')
);
const directTargets = prometheusConfig.scrape_configs
  .filter((job) => !isProbeJob(job))
  .flatMap((job) => (job.static_configs ?? []).flatMap((config) => config.targets));

const datasources = filesUnder(path.join(PROVISIONING, 'datasources'), isYaml).flatMap(
  (file) => readYaml<{ datasources?: ProvisionedDatasource[] }>(file).datasources ?? []
);
const apps = filesUnder(path.join(PROVISIONING, 'plugins'), isYaml).flatMap(
  (file) => readYaml<{ apps?: ProvisionedApp[] }>(file).apps ?? []
);

describe('the docker compose stack and its provisioning', () => {
  it('is valid YAML throughout, so Compose, Grafana and Prometheus can all read it', () => {
    const files = [
      COMPOSE_FILE,
      path.join(REPO, '.config', 'docker-compose-base.yaml'),
      ...filesUnder(PROVISIONING, isYaml),
    ];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const errors = parseDocument(fs.readFileSync(file, 'utf8')).errors.map((e) => e.message);
      expect({ file: path.relative(REPO, file), errors }).toEqual({ file: path.relative(REPO, file), errors: [] });
    }
  });

  it('starts every promised service, each from a pinned image', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(PROMISED_SERVICES));
    for (const service of services.filter((s) => !s.definition.build)) {
      const image = service.definition.image ?? '';
      // a tag after the last path segment, and not one that moves
      expect({ service: service.name, image, pinned: /:[^/:]+$/.test(image) && !/:latest$/.test(image) }).toEqual({
        service: service.name,
        image,
        pinned: true,
      });
    }
  });

  it('runs Grafana with the built plugin mounted from dist/ and the provisioning folder mounted', () => {
    const grafana = serviceNamed('grafana');
    expect(grafana.definition.extends?.file).toBe('.config/docker-compose-base.yaml');
    expect(grafana.mounts).toEqual(
      expect.arrayContaining([
        { hostPath: path.join(REPO, 'dist'), containerPath: PLUGIN_DIR_IN_GRAFANA },
        { hostPath: PROVISIONING, containerPath: '/etc/grafana/provisioning' },
      ])
    );
    const allowedUnsigned = (grafana.environment.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS ?? '').split(',');
    expect(allowedUnsigned).toEqual(expect.arrayContaining([APP_PLUGIN_ID, DATASOURCE_PLUGIN_ID]));
  });

  it('mounts only repository files that exist, and every --config.file resolves to one', () => {
    for (const service of services) {
      for (const mount of service.mounts.filter((m) => m.hostPath.startsWith(REPO))) {
        // dist/ is built, not committed
        if (mount.hostPath === path.join(REPO, 'dist')) {
          continue;
        }
        expect({ service: service.name, mount: mount.hostPath, exists: fs.existsSync(mount.hostPath) }).toEqual({
          service: service.name,
          mount: mount.hostPath,
          exists: true,
        });
      }
      const command = service.definition.command ?? [];
      const args = Array.isArray(command) ? command : command.split(/\s+/);
      for (const arg of args.filter((a) => a.startsWith('--config.file='))) {
        const inContainer = arg.slice('--config.file='.length);
        const onHost = hostPathOf(service, inContainer);
        expect({
          service: service.name,
          config: inContainer,
          exists: Boolean(onHost && fs.existsSync(onHost)),
        }).toEqual({
          service: service.name,
          config: inContainer,
          exists: true,
        });
      }
    }
  });

  it('has Prometheus scrape Grafana and every exposed service at its container port', () => {
    expect(directTargets).toContain('grafana:3000');
    // `expose:` names the metrics port, so each service with metrics states exactly one
    for (const service of services.filter((s) => !SERVICES_WITHOUT_METRICS.includes(s.name))) {
      expect({ service: service.name, expose: exposedPorts(service).length }).toEqual({
        service: service.name,
        expose: 1,
      });
    }
    const exposed = services.flatMap((service) => exposedPorts(service).map((port) => `${service.name}:${port}`));
    expect(directTargets).toEqual(expect.arrayContaining(exposed));
    // and nothing that the stack does not run (a renamed service would leave a target down forever)
    for (const target of directTargets) {
      expect(exposed).toContain(target);
    }
  });

  it('sends blackbox probes through the blackbox exporter, at services the stack runs', () => {
    const blackbox = serviceNamed('blackbox-exporter');
    const exporterAddress = `blackbox-exporter:${exposedPorts(blackbox)[0]}`;
    const probeJobs = prometheusConfig.scrape_configs.filter(isProbeJob);
    expect(probeJobs.length).toBeGreaterThan(0);
    for (const job of probeJobs) {
      const rewrite = job.relabel_configs?.find((rule) => rule.target_label === '__address__');
      expect({ job: job.job_name, address: rewrite?.replacement }).toEqual({
        job: job.job_name,
        address: exporterAddress,
      });
      for (const target of (job.static_configs ?? []).flatMap((config) => config.targets)) {
        const host = hostOfTarget(target);
        // 127.0.0.11 is Docker's embedded DNS server, which the dns probe asks
        expect([...services.map((s) => s.name), '127.0.0.11']).toContain(host);
      }
    }
  });

  it('labels every target with the cluster label the app is configured with', () => {
    const clusterLabel = apps.find((app) => app.type === APP_PLUGIN_ID)?.jsonData?.clusterLabel;
    expect(typeof clusterLabel).toBe('string');
    for (const job of prometheusConfig.scrape_configs) {
      for (const config of job.static_configs ?? []) {
        expect({ job: job.job_name, labels: Object.keys(config.labels ?? {}) }).toEqual({
          job: job.job_name,
          labels: expect.arrayContaining([clusterLabel]),
        });
      }
    }
  });

  it("points Prometheus' alerting at the compose Alertmanager", () => {
    const alertmanagerTargets = (prometheusConfig.alerting?.alertmanagers ?? []).flatMap((am) =>
      (am.static_configs ?? []).flatMap((config) => config.targets)
    );
    const alertmanager = serviceNamed('alertmanager');
    expect(alertmanagerTargets).toEqual([`alertmanager:${exposedPorts(alertmanager)[0]}`]);
  });

  it('loads the generated rule files from provisioning/prometheus/rules, and only rule files', () => {
    const ruleGlobs = prometheusConfig.rule_files ?? [];
    expect(ruleGlobs).toEqual(['/etc/prometheus/rules/*.yml']);
    expect(hostPathOf(prometheusService, '/etc/prometheus/rules')).toBe(path.join(PROVISIONING, 'prometheus', 'rules'));
    // Prometheus refuses to start when a file matched by rule_files is not a rule file
    // (a promtool test file, say), so everything the glob matches must have groups and nothing else.
    const rulesDir = path.join(PROVISIONING, 'prometheus', 'rules');
    const matched = fs.existsSync(rulesDir) ? fs.readdirSync(rulesDir).filter((name) => name.endsWith('.yml')) : [];
    for (const name of matched) {
      const content = readYaml<Record<string, unknown>>(path.join(rulesDir, name));
      expect({ file: name, keys: Object.keys(content ?? {}) }).toEqual({ file: name, keys: ['groups'] });
    }
  });

  it('enables the app with settings naming the provisioned Prometheus datasource', () => {
    const app = apps.find((a) => a.type === APP_PLUGIN_ID);
    expect(app).toBeDefined();
    expect(app?.disabled).toBe(false);
    // without jsonData, every Grafana restart would wipe the settings saved on the config page
    const jsonData = app?.jsonData ?? {};
    expect(jsonData).toEqual(
      expect.objectContaining({ prometheusDatasourceUid: expect.any(String), clusterLabel: expect.any(String) })
    );
    const prometheusDatasources = datasources.filter((ds) => ds.type === 'prometheus');
    expect(prometheusDatasources.map((ds) => ds.uid)).toContain(jsonData.prometheusDatasourceUid);
    const uids = datasources.map((ds) => ds.uid);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it("gives the inventory datasource the compose Prometheus' address, as Grafana's server reaches it", () => {
    const inventory = datasources.filter((ds) => ds.type === DATASOURCE_PLUGIN_ID);
    expect(inventory).toHaveLength(1);
    const url = new URL(String(inventory[0].jsonData?.prometheusUrl));
    expect(`${url.hostname}:${url.port}`).toBe(`prometheus:${exposedPorts(prometheusService)[0]}`);
    const prometheus = datasources.find(
      (ds) => ds.uid === apps.find((a) => a.type === APP_PLUGIN_ID)?.jsonData?.prometheusDatasourceUid
    );
    expect(inventory[0].jsonData?.prometheusUrl).toBe(prometheus?.url);
  });

  it('keeps secrets out of jsonData, and secureJsonData only from the environment', () => {
    const provisioned: Array<{
      name: string;
      jsonData?: Record<string, unknown>;
      secureJsonData?: Record<string, unknown>;
    }> = [
      ...datasources.map((ds) => ({ ...ds, name: `datasource ${ds.name}` })),
      ...apps.map((app) => ({ ...app, name: `app ${app.type}` })),
    ];
    const secretKeysIn = (value: unknown, at: string): string[] =>
      value && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, inner]) => [
            ...(SECRET_KEY.test(key) ? [`${at}.${key}`] : []),
            ...secretKeysIn(inner, `${at}.${key}`),
          ])
        : [];
    for (const entry of provisioned) {
      expect({ entry: entry.name, secretKeys: secretKeysIn(entry.jsonData, 'jsonData') }).toEqual({
        entry: entry.name,
        secretKeys: [],
      });
      const literalSecrets = Object.entries(entry.secureJsonData ?? {})
        .filter(([, value]) => !ENV_REFERENCE.test(String(value)))
        .map(([key]) => key);
      expect({ entry: entry.name, literalSecrets }).toEqual({ entry: entry.name, literalSecrets: [] });
    }
  });
});
