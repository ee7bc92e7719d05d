/** @jest-environment node */
/**
 * The shipped build drops every exporter file's dashboard rows (scripts/build/strip-dashboard-rows.cjs,
 * webpack.config.ts): only the generator reads them. These journeys hold both halves of that bargain.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(__dirname, '../..');
const exportersDir = join(root, 'src/catalog/exporters');
const strip = require('../../scripts/build/strip-dashboard-rows.cjs') as (
  this: { resourcePath: string },
  s: string
) => string;
const run = (file: string, source = readFileSync(file, 'utf8')) => strip.call({ resourcePath: file }, source);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the shipped catalog without its dashboard rows', () => {
  const exporterFiles = readdirSync(exportersDir)
    .filter((f) => /^[^.]+\.ts$/.test(f))
    .map((f) => join(exportersDir, f));

  it('strips the rows of every exporter file, and what is left still compiles', () => {
    for (const file of exporterFiles) {
      const source = readFileSync(file, 'utf8');
      const stripped = run(file, source);
      if (!source.includes('\n  dashboard: [\n')) {
        expect({ file, stripped: stripped === source }).toEqual({ file, stripped: true });
        continue;
      }
      expect(stripped).toContain('\n  dashboard: [],');
      expect(stripped.length).toBeLessThan(source.length);
      const { diagnostics } = ts.transpileModule(stripped, { reportDiagnostics: true, fileName: file });
      expect({ file, diagnostics: diagnostics?.map((d) => d.messageText) }).toEqual({ file, diagnostics: [] });
    }
  });

  it('fails the build on rows written in a form it would not strip', () => {
    expect(() => run('x.ts', 'const e = {\n  dashboard: rowsOf(x),\n};\n')).toThrow(/write the dashboard rows as/);
    expect(() => run('x.ts', 'const e = {\n  dashboard: [\n    { title: "a" },\n};\n')).toThrow(/no closing/);
  });

  it('leaves shipped code nothing to miss: no module outside the generator reads an exporter’s dashboard', () => {
    const shipped = sourceFiles(join(root, 'src')).filter(
      (f) =>
        !/\/src\/(generate|catalog\/(coverage|evidence))\//.test(f) &&
        !/\.(test|promtool)\.tsx?$/.test(f) &&
        !f.startsWith(exportersDir)
    );
    const readers = shipped.filter((f) => /\.dashboard\b/.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    // The backup validator reads `dashboard` of a backup bundle's JSON, not of the catalog.
    expect(readers).toEqual(['src/backup/validate.ts']);
  });
});
