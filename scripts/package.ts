/**
 * Builds the release archive from dist/:
 *
 *   artifacts/<plugin id>-<version>.zip          <plugin id>/plugin.json, module.js, datasource/, ...
 *   artifacts/<plugin id>-<version>.zip.sha256   "<hex>  <file name>" (sha256sum -c reads it)
 *
 * One top-level folder named after the plugin id is the layout Grafana's catalog and
 * `grafana cli --pluginUrl <zip> plugins install <id>` unpack into the plugins directory.
 *
 *   npm run build [&& npm run sign] && npm run package      (npx tsx scripts/package.ts)
 *
 * Signing writes dist/MANIFEST.txt, so it has to happen before packaging.
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';

const REPO = path.resolve(__dirname, '..');
const DIST = path.join(REPO, 'dist');
const ARTIFACTS = path.join(REPO, 'artifacts');

/**
 * Credentials of the local stacks (docker-compose.yaml, scripts/stack) and of the scaffold, which
 * must never reach a user. Kept in this one place; values read from the compose file's secret-looking
 * environment variables and from provisioning's secureJsonData are added at run time.
 */
const KNOWN_TEST_SECRETS = ['secret-key'];

/** Shapes of real credentials, whoever they belong to. */
const CREDENTIAL_PATTERNS: Array<{ name: string; pattern: RegExp }> = [
  { name: 'Grafana service account token', pattern: /\bglsa_[A-Za-z0-9]{32}_[0-9a-f]{8}\b/ },
  { name: 'Grafana Cloud access policy token', pattern: /\bglc_[A-Za-z0-9+/=]{32,}/ },
  { name: 'private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
];

/** Tokens the release machine holds; the archive must not carry them (e.g. baked in by a build). */
const TOKEN_ENV_VARS = ['GRAFANA_ACCESS_POLICY_TOKEN', 'GRAFANA_API_KEY'];

const SECRET_NAME = /pass(word)?|secret|token|api_?key|credential/i;

function fail(message: string): never {
  process.stderr.write(`package: ${message}\n`);
  process.exit(1);
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

interface PluginJson {
  id?: string;
  info?: { version?: string; logos?: { small?: string; large?: string }; screenshots?: Array<{ path?: string }> };
  includes?: Array<{ type?: string; path?: string }>;
}

function readBuiltPluginJson(file: string): PluginJson {
  if (!fs.existsSync(file)) {
    fail(`${path.relative(REPO, file)} is missing: run \`npm run build\` first.`);
  }
  const text = fs.readFileSync(file, 'utf8');
  const placeholders = text.match(/%[A-Z_]+%/g);
  if (placeholders) {
    fail(
      `${path.relative(REPO, file)} still has ${[...new Set(placeholders)].join(', ')}: ` +
        'the build did not finish. Run `npm run build` and package again.'
    );
  }
  return JSON.parse(text) as PluginJson;
}

/** Secret values defined by this repository's own stacks, with where each came from (never the value). */
function secretsOfLocalStacks(): Array<{ source: string; value: string }> {
  const found: Array<{ source: string; value: string }> = KNOWN_TEST_SECRETS.map((value) => ({
    source: 'scripts/package.ts KNOWN_TEST_SECRETS',
    value,
  }));
  const composeFile = path.join(REPO, 'docker-compose.yaml');
  if (fs.existsSync(composeFile)) {
    const compose = parse(fs.readFileSync(composeFile, 'utf8')) as {
      services?: Record<string, { environment?: Record<string, unknown> | string[] }>;
    };
    for (const [service, definition] of Object.entries(compose.services ?? {})) {
      const env = definition.environment ?? {};
      const pairs = Array.isArray(env)
        ? env.map((entry) => entry.split(/=(.*)/s, 2) as [string, string])
        : Object.entries(env).map(([key, value]) => [key, String(value ?? '')] as [string, string]);
      for (const [key, value] of pairs) {
        if (SECRET_NAME.test(key) && value && !value.startsWith('$')) {
          found.push({ source: `docker-compose.yaml ${service}.${key}`, value });
        }
      }
    }
  }
  const provisioning = path.join(REPO, 'provisioning');
  if (fs.existsSync(provisioning)) {
    for (const file of filesUnder(provisioning).filter((f) => /\.ya?ml$/.test(f))) {
      const where = path.relative(REPO, file);
      collectSecureJsonData(parse(fs.readFileSync(file, 'utf8')), (key, value) => {
        // $VAR / ${VAR} are read from the environment by Grafana: not a value in the repository
        if (!value.startsWith('$')) {
          found.push({ source: `${where} secureJsonData.${key}`, value });
        }
      });
    }
  }
  for (const name of TOKEN_ENV_VARS) {
    const value = process.env[name];
    if (value) {
      found.push({ source: `$${name}`, value });
    }
  }
  // very short values ("admin", "guest") would match ordinary words in a bundle
  return found.filter((secret) => secret.value.length >= 6);
}

function collectSecureJsonData(node: unknown, add: (key: string, value: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item) => collectSecureJsonData(item, add));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'secureJsonData' && value && typeof value === 'object') {
        Object.entries(value).forEach(([name, secret]) => add(name, String(secret ?? '')));
      } else {
        collectSecureJsonData(value, add);
      }
    }
  }
}

function findLeakedSecrets(files: string[]): string[] {
  const secrets = secretsOfLocalStacks();
  const leaks: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file).toString('latin1');
    const where = path.relative(DIST, file);
    for (const secret of secrets) {
      if (text.includes(secret.value)) {
        leaks.push(`${where}: contains the value of ${secret.source}`);
      }
    }
    for (const { name, pattern } of CREDENTIAL_PATTERNS) {
      if (pattern.test(text)) {
        leaks.push(`${where}: contains something shaped like a ${name}`);
      }
    }
  }
  return leaks;
}

/**
 * Files a plugin.json points at (logos, screenshots, bundled dashboards, nested plugins) must be in the
 * archive: Grafana shows a broken image or a missing dashboard, and its catalog validator rejects it.
 */
function missingReferencedFiles(pluginJsonFile: string, plugin: PluginJson): string[] {
  const dir = path.dirname(pluginJsonFile);
  const referenced = [
    plugin.info?.logos?.small,
    plugin.info?.logos?.large,
    ...(plugin.info?.screenshots ?? []).map((shot) => shot.path),
    ...(plugin.includes ?? [])
      .filter((include) => include.type === 'dashboard' || include.type === 'datasource' || include.type === 'panel')
      .map((include) => include.path),
  ].filter((file): file is string => Boolean(file));
  return [...new Set(referenced)]
    .filter((file) => !fs.existsSync(path.join(dir, file)))
    .map((file) => `${path.relative(REPO, pluginJsonFile)} -> ${file}`);
}

function sha256Of(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function zipDirectory(parent: string, folder: string, zipPath: string): void {
  try {
    // -X: no extra file attributes (uid/gid), which vary between machines and mean nothing to Grafana
    execFileSync('zip', ['-q', '-r', '-X', zipPath, folder], { cwd: parent, stdio: 'inherit' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      fail('the `zip` command is not installed: `apt-get install zip` (scripts/test-all.sh installs it).');
    }
    throw error;
  }
}

function listZip(zipPath: string): string[] {
  return execFileSync('unzip', ['-Z1', zipPath], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

function main(): void {
  if (!fs.existsSync(DIST)) {
    fail('dist/ is missing: run `npm run build` first.');
  }
  const app = readBuiltPluginJson(path.join(DIST, 'plugin.json'));
  const pluginId = app.id;
  const version = app.info?.version;
  if (!pluginId || !version) {
    fail('dist/plugin.json has no id or info.version: run `npm run build` again.');
  }
  const packageVersion = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string })
    .version;
  if (version !== packageVersion) {
    fail(`dist/ is version ${version} but package.json says ${packageVersion}: dist/ is stale, run \`npm run build\`.`);
  }

  const required = ['plugin.json', 'module.js'];
  const nestedDatasource = path.join(REPO, 'src', 'datasource', 'plugin.json');
  if (fs.existsSync(nestedDatasource)) {
    required.push('datasource/plugin.json', 'datasource/module.js');
  }
  const missing = required.filter((file) => !fs.existsSync(path.join(DIST, file)));
  if (missing.length > 0) {
    fail(`dist/ lacks ${missing.join(', ')}: run \`npm run build\` and check its output for errors.`);
  }
  const unresolved = required
    .filter((file) => file.endsWith('plugin.json'))
    .map((file) => path.join(DIST, file))
    .flatMap((file) => missingReferencedFiles(file, readBuiltPluginJson(file)));
  if (unresolved.length > 0) {
    fail(
      `plugin.json names files the build did not put in dist/:\n  ${unresolved.join('\n  ')}\n` +
        'Have the build copy them (webpack.config.ts) and build again.'
    );
  }

  const distFiles = filesUnder(DIST);
  const leaks = findLeakedSecrets(distFiles);
  if (leaks.length > 0) {
    fail(
      `refusing to package, dist/ holds credentials:\n  ${leaks.join('\n  ')}\nRemove them from the source and rebuild.`
    );
  }

  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const zipName = `${pluginId}-${version}.zip`;
  const zipPath = path.join(ARTIFACTS, zipName);
  const staging = fs.mkdtempSync(path.join(ARTIFACTS, '.staging-'));
  try {
    fs.cpSync(DIST, path.join(staging, pluginId), { recursive: true });
    fs.rmSync(zipPath, { force: true });
    zipDirectory(staging, pluginId, zipPath);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }

  const entries = listZip(zipPath);
  const outside = entries.filter((entry) => !entry.startsWith(`${pluginId}/`));
  const absent = required.filter((file) => !entries.includes(`${pluginId}/${file}`));
  if (outside.length > 0 || absent.length > 0) {
    fail(
      `${zipName} has the wrong layout (outside ${pluginId}/: ${outside.join(', ') || 'none'}; ` +
        `missing: ${absent.join(', ') || 'none'}).`
    );
  }

  const digest = sha256Of(zipPath);
  fs.writeFileSync(`${zipPath}.sha256`, `${digest}  ${zipName}\n`);

  const signed = fs.existsSync(path.join(DIST, 'MANIFEST.txt'));
  const files = entries.filter((entry) => !entry.endsWith('/')).length;
  const kib = (fs.statSync(zipPath).size / 1024).toFixed(1);
  process.stdout.write(
    [
      `package: ${path.relative(REPO, zipPath)} (${files} files, ${kib} KiB, ${signed ? 'signed' : 'unsigned'})`,
      `package: sha256 ${digest} -> ${path.relative(REPO, zipPath)}.sha256`,
      ...(signed
        ? []
        : [
            'package: unsigned: Grafana loads it only when allow_loading_unsigned_plugins names the plugin ids (README).',
          ]),
      '',
    ].join('\n')
  );
}

main();
