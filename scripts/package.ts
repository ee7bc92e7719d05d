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
import { scanDirectory } from './secret-scan';

const REPO = path.resolve(__dirname, '..');
const DIST = path.join(REPO, 'dist');
const ARTIFACTS = path.join(REPO, 'artifacts');

function fail(message: string): never {
  process.stderr.write(`package: ${message}\n`);
  process.exit(1);
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

async function main(): Promise<void> {
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

  // secretlint's recommended rules plus this project's own credentials (scripts/secret-scan.ts).
  const leaks = await scanDirectory(DIST);
  if (leaks.length > 0) {
    fail(
      `refusing to package, dist/ holds credentials:\n  ${leaks.map((l) => `${l.file}:${l.line} ${l.rule}: ${l.message}`).join('\n  ')}\nRemove them from the source and rebuild.`
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

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
