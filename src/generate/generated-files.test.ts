/** @jest-environment node */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { bundledDashboards, generatedFiles, withDashboardIncludes } from './generated-files';

const root = resolve(__dirname, '../..');
const readCommitted = (path: string) => {
  const full = resolve(root, path);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
};

describe('generated files', () => {
  it.each(generatedFiles(readCommitted).map((f) => [f.path, f] as const))(
    '%s is committed and up to date (run `npm run generate` when this fails)',
    (path, file) => {
      expect(readCommitted(path)).toBe(file.content);
    }
  );

  // `npm run lint:fix` runs `prettier --write .`: a generated file prettier reformats would differ from what the
  // generator writes, and the test above would fail on a tree nobody edited by hand. (The CLI, not prettier's API:
  // the API loads its plugins with a dynamic import, which jest refuses.)
  it('leaves every generated file to the generator: prettier would change none of them', () => {
    const paths = generatedFiles(readCommitted).map((f) => f.path);
    const prettier = resolve(root, 'node_modules/prettier/bin/prettier.cjs');
    let changed = '';
    try {
      execFileSync(process.execPath, [prettier, '--list-different', ...paths], { cwd: root, encoding: 'utf8' });
    } catch (error) {
      // --list-different exits 1 when it lists files; anything else (node exits 1 too when prettier cannot load) is
      // prettier failing, which lists nothing.
      const { status, stdout, stderr } = error as { status: number; stdout: string; stderr: string };
      if (status !== 1 || stdout.trim() === '') {
        throw new Error(`prettier failed (exit ${status}): ${stderr}`);
      }
      changed = stdout;
    }
    expect(changed.split('\n').filter(Boolean)).toEqual([]);
  });

  it('lists every generated dashboard in plugin.json with matching uid, and nothing else generated', () => {
    const plugin = JSON.parse(readCommitted('src/plugin.json')!);
    const dashboardIncludes = plugin.includes.filter((i: { type: string }) => i.type === 'dashboard');
    const generated = bundledDashboards();
    expect(generated.map((d) => d.uid)).toContain('fsm-stack-health');
    expect(dashboardIncludes).toHaveLength(generated.length);
    for (const d of generated) {
      const include = dashboardIncludes.find((i: { path: string }) => i.path === `dashboards/${d.file}`);
      expect(include).toMatchObject({ uid: d.uid, name: d.title });
      expect(JSON.parse(readCommitted(`dashboards/${d.file}`)!).uid).toBe(d.uid);
    }
  });

  it('keeps hand-written includes (pages, the datasource) when it rewrites the dashboard ones', () => {
    const before = JSON.stringify({
      id: 'x',
      includes: [
        { type: 'page', name: 'Home', path: '/a/x/home' },
        { type: 'dashboard', name: 'Old', path: 'dashboards/old.json', uid: 'old' },
        { type: 'datasource', name: 'DS', path: 'datasource/plugin.json' },
      ],
    });
    const after = JSON.parse(withDashboardIncludes(before, [{ file: 'a.json', uid: 'fsm-a', title: 'A' }]));
    expect(after.includes).toEqual([
      { type: 'page', name: 'Home', path: '/a/x/home' },
      { type: 'datasource', name: 'DS', path: 'datasource/plugin.json' },
      { type: 'dashboard', name: 'A', path: 'dashboards/a.json', uid: 'fsm-a' },
    ]);
  });
});
