/**
 * npm run generate — writes every file derived from the catalog (dashboards, plugin.json
 * dashboard includes, Prometheus rule files and their promtool tests). Idempotent: a second run
 * changes nothing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { generatedFiles } from '../src/generate/generated-files';

const root = resolve(__dirname, '..');
const read = (path: string) => {
  const full = resolve(root, path);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
};

let changed = 0;
for (const file of generatedFiles(read)) {
  if (read(file.path) === file.content) {
    continue;
  }
  const full = resolve(root, file.path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, file.content);
  changed++;
  process.stdout.write(`wrote ${file.path}\n`);
}
process.stdout.write(changed === 0 ? 'generate: everything up to date\n' : `generate: ${changed} file(s) written\n`);
