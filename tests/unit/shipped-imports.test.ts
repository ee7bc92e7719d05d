/** @jest-environment node */
/**
 * The lint rule that keeps build-time code out of the bundle (eslint.config.mjs): webpack would
 * happily bundle a page's import of a generator, foundation-sdk or yaml, so only lint stands between
 * them and every user's browser. Lints real shipped files with one deliberate import added.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/**
 * Lints a copy of `file` with `extraImport` added, beside it (so relative imports and the typed
 * config apply as to the file itself: ESLint's --stdin mode misparses typed TSX), through the
 * project's own ESLint config, and returns the import rule's messages only.
 */
function restrictedImportMessages(file: string, extraImport: string): string[] {
  const original = resolve(root, file);
  const probe = original.replace(/(\.tsx?)$/, `.lint-probe-${process.pid}$1`);
  const reportDir = mkdtempSync(join(tmpdir(), 'fsm-lint-'));
  const report = join(reportDir, 'report.json');
  writeFileSync(probe, `${extraImport}\n${readFileSync(original, 'utf8')}`);
  try {
    execFileSync(
      resolve(root, 'node_modules/.bin/eslint'),
      ['--no-cache', '--format', 'json', '--output-file', report, probe],
      {
        cwd: root,
        stdio: 'pipe',
      }
    );
  } catch (error) {
    // eslint exits 1 when it reports errors, and still writes the report
    if (!existsSync(report)) {
      rmSync(reportDir, { recursive: true, force: true });
      throw error;
    }
  } finally {
    rmSync(probe, { force: true });
  }
  const messages = importMessages(readFileSync(report, 'utf8'));
  rmSync(reportDir, { recursive: true, force: true });
  return messages;
}

function importMessages(report: string): string[] {
  const results = JSON.parse(report) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
}

describe('shipped code cannot import build-time code', () => {
  it('refuses a page importing src/generate/, foundation-sdk or yaml, and lets the page as it is pass', () => {
    const page = 'src/pages/Home/HomePage.tsx';
    expect(restrictedImportMessages(page, '')).toEqual([]);
    expect(restrictedImportMessages(page, "import { generatedFiles } from '../../generate/generated-files';")).toEqual([
      expect.stringMatching(/src\/generate\/ runs at build time only/),
    ]);
    expect(
      restrictedImportMessages(page, "import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';")
    ).toEqual([expect.stringMatching(/foundation-sdk builds dashboards at build time/)]);
    expect(restrictedImportMessages('src/datasource/DataSource.ts', "import { stringify } from 'yaml';")).toEqual([
      expect.stringMatching(/YAML is written at build time only/),
    ]);
  });

  it('refuses shipped code importing test support', () => {
    expect(
      restrictedImportMessages(
        'src/pages/Setup/SetupPage.tsx',
        "import { doubleApi } from '../../../tests/support/double-backend-srv';"
      )
    ).toEqual([expect.stringMatching(/shipped code must not import them/)]);
  });

  it('refuses shipped catalog code importing promtool cases', () => {
    expect(
      restrictedImportMessages('src/catalog/index.ts', "import { PROMTOOL_CASES } from './promtool-cases';")
    ).toEqual([expect.stringMatching(/must not ship in the catalog chunk/)]);
  });

  it('refuses shipped catalog code importing the evidence (test data)', () => {
    expect(restrictedImportMessages('src/catalog/index.ts', "import { EVIDENCE } from './evidence';")).toEqual([
      expect.stringMatching(/catalog\/evidence is test data/),
    ]);
    expect(
      restrictedImportMessages(
        'src/pages/Home/HomePage.tsx',
        "import { kafkaEvidence } from '../../catalog/evidence/kafka';"
      )
    ).toEqual([expect.stringMatching(/catalog\/evidence is test data/)]);
  });

  it('lets the generators themselves import what they need', () => {
    expect(restrictedImportMessages('src/generate/generated-files.ts', "import { stringify } from 'yaml';")).toEqual(
      []
    );
  });
});
