// Property tests: every place a user value becomes PromQL, a Prometheus/Grafana template or a URL, fed
// hostile strings (quotes, backslashes, newlines, braces, `"} or vector(1) or {`, Grafana macros, broken
// unicode, 10,000-character values), with the stack's real Prometheus as the judge:
//   - /api/v1/format_query parses without evaluating: what we build must parse, and must format exactly like
//     the same value written with an independent encoding (JSON's string syntax, which PromQL accepts), so
//     an escape that changes the value's meaning cannot pass;
//   - what the plugin refuses for being unparseable, Prometheus refuses too;
//   - promtool renders the alert links with the firing labels, as Prometheus does for a real alert.
// Each property runs a bounded sample (FSM_PROPERTY_RUNS, default 150) from a seed printed on failure
// (FSM_PROPERTY_SEED to replay), and the suite logs the counts the hardening issue asks for.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { RE2JS } from 're2js';
import { buildDesiredState, buildSelector, validateSetupChoices } from '../../src/engine';
import { renderLabelTemplate } from '../../src/alerting/templates';
import { getExporter } from '../../src/catalog';
import { exporterDashboardUrl } from '../../src/catalog/links';
import { escapeLabelValue, labelValueError } from '../../src/catalog/promql';
import { healthChecks, healthContext } from '../../src/health/checks';
import { detailUrl } from '../../src/health/verdict';
import { compileJobRegex, loadJobRegexEngine } from '../../src/inventory/filters';
import { labelNameError } from '../../src/utils/prometheusLabel';
import { readAppJsonData } from '../../src/utils/appJsonData';
import { createPrometheusClient, PrometheusError } from './prometheus';

const prometheus = createPrometheusClient();
const RUNS = Number(process.env.FSM_PROPERTY_RUNS ?? 150);
const SEED = Number(process.env.FSM_PROPERTY_SEED ?? Date.now() % 2 ** 31);
const node = getExporter('node');

/** What the note on the issue reports, per place. */
const counts: Record<string, { tried: number; refused: number; crashes: number; meaningChanged: number }> = {};
const tally = (place: string) => (counts[place] ??= { tried: 0, refused: 0, crashes: 0, meaningChanged: 0 });
afterAll(() => {
  const lines = Object.entries(counts).map(
    ([place, c]) =>
      `${place}: ${c.tried} hostile inputs, ${c.refused} refused with a message, ${c.crashes} crashes, ${c.meaningChanged} meaning-changing escapes`
  );
  // One summary for the note; the assertions above already failed on any crash or changed meaning.
  console.log(`property tests (seed ${SEED}, ${RUNS} runs each):\n  ${lines.join('\n  ')}`);
});

/** Prometheus' canonical form of `expr`, or its parse error. */
async function format(expr: string): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  try {
    return { ok: true, text: await prometheus.api<string>('/format_query', { query: expr }, 'POST') };
  } catch (err) {
    if (err instanceof PrometheusError && err.status === 400) {
      return { ok: false, error: err.message };
    }
    throw err;
  }
}

/** A cut that does not split a surrogate pair (that would make a different hostile value than meant). */
const cut = (s: string, n: number) => Array.from(s).slice(0, n).join('');
const PIECES = [
  '"',
  '\\',
  '\n',
  '\r',
  '\t',
  '{',
  '}',
  ',',
  '"} or vector(1) or {"',
  'x"}[5m]) or vector(1) or (up{job="',
  '$__interval',
  '$__range',
  '${__from}',
  '$job',
  '$1',
  '`',
  "'",
  '\u0000',
  '\u007f',
  '\uFFFD',
  '\uD83D',
  '\uDE00',
  '😀',
  'é',
  '\u2028',
  '|',
  '.*',
  '(',
  ')',
  '[',
  ']',
  '^',
  '$',
  '#',
  '&',
  '=',
  '%',
  '+',
  ' ',
  '/',
  '?',
  '..',
];
const hostile: fc.Arbitrary<string> = fc
  .oneof(
    {
      weight: 6,
      arbitrary: fc
        .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 10 })
        .map((a) => a.join('')),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...PIECES).map((p) => cut(p.repeat(Math.ceil(10_000 / p.length)), 10_000)),
    },
    {
      weight: 1,
      arbitrary: fc
        .string({ minLength: 1, maxLength: 8 })
        .map((s) => cut(s.repeat(Math.ceil(10_000 / s.length)), 10_000)),
    }
  )
  .filter((s) => s !== '');
const sample = <T>(arb: fc.Arbitrary<T>, salt: number) => fc.sample(arb, { numRuns: RUNS, seed: SEED + salt });
const show = (value: string) => JSON.stringify(cut(value, 80));
// Label values that come from Prometheus are UTF-8: they never hold half of a surrogate pair.
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

/** Values Setup's label filters accept: neither refused for Prometheus or Grafana, nor with spaces around them. */
const setupTakes = (v: string) => !labelValueError(v) && v === v.trim();

describe('label values from Setup become rule PromQL', () => {
  it('parse and mean exactly the chosen value, or are refused at their field for a reason Prometheus confirms', async () => {
    const c = tally('Setup label filter (=, !=)');
    for (const value of sample(hostile, 1)) {
      c.tried++;
      // Setup also refuses a value with spaces around it (a typo it will not guess at), though Prometheus takes it.
      const spaced = value !== value.trim();
      const refusal = labelValueError(value) ?? (spaced ? 'has spaces around it' : undefined);
      const problems = validateSetupChoices({
        exporterIds: ['node'],
        datasourceUid: 'prom',
        editable: true,
        labelFilters: [{ label: 'job', values: [value] }],
      });
      if (refusal) {
        c.refused++;
        expect({ value: show(value), problems }).toEqual({
          value: show(value),
          problems: [{ field: 'labelFilters.0.values', message: expect.stringContaining(refusal) }],
        });
        if (!value.includes('$__') && labelValueError(value)) {
          // Broken unicode: Prometheus refuses it in any spelling, so refusing is not over-caution.
          expect(await format(`up{job=${JSON.stringify(value)}}`)).toMatchObject({ ok: false });
        }
        continue;
      }
      expect({ value: show(value), problems }).toEqual({ value: show(value), problems: [] });
      for (const op of ['=', '!='] as const) {
        const ours = await format(`up{${buildSelector([{ label: 'job', values: [value], exclude: op === '!=' }])}}`);
        const reference = await format(`up{job${op}${JSON.stringify(value)}}`);
        if (!ours.ok) {
          c.crashes++;
        } else if (!reference.ok || ours.text !== reference.text) {
          c.meaningChanged++;
        }
        expect({ value: show(value), ours }).toEqual({ value: show(value), ours: reference });
      }
    }
  });

  it('several values become one regex that parses, decodes as written and matches exactly those values', async () => {
    const c = tally('Setup label filter (=~ several values)');
    const pairs = sample(fc.tuple(hostile, hostile, hostile), 2).filter(
      (values) => values.every((v) => setupTakes(v)) && new Set(values).size === 3
    );
    for (const [a, b, other] of pairs) {
      c.tried++;
      const selector = buildSelector([{ label: 'job', values: [a, b] }]);
      const literal = /^job=~"((?:[^"\\]|\\.)*)"$/s.exec(selector);
      expect({ selector: cut(selector, 80), literal: Boolean(literal) }).toEqual({
        selector: cut(selector, 80),
        literal: true,
      });
      // Our escapes are \\ \" \n \r only: the regex text as we mean it.
      const regex = literal![1].replace(/\\(.)/gs, (_m, ch: string) => (ch === 'n' ? '\n' : ch === 'r' ? '\r' : ch));
      const ours = await format(`up{${selector}}`);
      const reference = await format(`up{job=~${JSON.stringify(regex)}}`);
      if (!ours.ok) {
        c.crashes++;
      } else if (!reference.ok || ours.text !== reference.text) {
        c.meaningChanged++;
      }
      expect(ours).toEqual(reference);
      // Prometheus' matcher: RE2 anchored as ^(?:…)$; re2js is RE2.
      const re = RE2JS.compile(`^(?:${regex})$`);
      const wrong = [a, b].filter((v) => !re.matches(v)).concat(re.matches(other) ? [other] : []);
      if (wrong.length > 0) {
        c.meaningChanged++;
      }
      expect(wrong.map(show)).toEqual([]);
    }
  });

  it('every rule query of two packs parses with a hostile value in it', async () => {
    const c = tally('Setup rule queries (node + prometheus packs)');
    const values = sample(hostile, 3)
      .filter(setupTakes)
      .slice(0, Math.max(5, Math.floor(RUNS / 10)));
    for (const value of values) {
      const desired = buildDesiredState({
        exporterIds: ['node', 'prometheus'],
        datasourceUid: 'prom',
        editable: true,
        labelFilters: [{ label: 'instance', values: [value] }],
      });
      for (const rule of desired.groups.flatMap((g) => g.rules)) {
        c.tried++;
        const expr = String((rule.data[0].model as { expr: string }).expr);
        const result = await format(expr);
        if (!result.ok) {
          c.crashes++;
        }
        expect({ rule: rule.uid, value: show(value), result: result.ok ? 'parses' : result.error }).toEqual({
          rule: rule.uid,
          value: show(value),
          result: 'parses',
        });
      }
    }
  });
});

describe('the cluster label from the configuration page becomes Health PromQL', () => {
  it('is refused unless it is a label name, and then every Health query parses', async () => {
    const c = tally('cluster label (Health queries)');
    const names = sample(fc.oneof(hostile, fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,20}$/)), 4);
    let accepted = 0;
    for (const name of names) {
      c.tried++;
      if (labelNameError(name)) {
        c.refused++;
        continue;
      }
      // Every accepted name takes one parse per Health check (~70): a few dozen show the point.
      if (++accepted > 25) {
        continue;
      }
      const q = healthContext({ clusterLabel: name });
      for (const check of healthChecks(name)) {
        const result = await format(check.query(q));
        if (!result.ok) {
          c.crashes++;
        }
        expect({ name, check: check.id, parses: result.ok }).toEqual({ name, check: check.id, parses: true });
      }
    }
  });
});

describe('the replica labels from the app settings become Health PromQL', () => {
  it('are dropped unless they are label names, and then every Health query parses', async () => {
    const c = tally('replica labels (Health queries)');
    const names = fc.oneof(hostile, fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,20}$/));
    const lists = sample(fc.array(names, { minLength: 1, maxLength: 3 }), 8);
    let accepted = 0;
    for (const list of lists) {
      c.tried++;
      // Saved jsonData (provisioned, restored) reaches the pages only through readAppJsonData.
      const { jsonData } = readAppJsonData({ replicaLabels: list });
      if (!jsonData.replicaLabels) {
        c.refused++;
        continue;
      }
      if (++accepted > 25) {
        continue;
      }
      const q = healthContext({ replicaLabels: jsonData.replicaLabels });
      for (const check of healthChecks('cluster', jsonData.replicaLabels)) {
        const result = await format(check.query(q));
        if (!result.ok) {
          c.crashes++;
        }
        expect({ list, check: check.id, parses: result.ok }).toEqual({ list, check: check.id, parses: true });
      }
    }
  });
});

describe('the inventory job filter', () => {
  const JOBS = [
    'node',
    'node-2',
    'a.b',
    'ab',
    'AB',
    '',
    'x_y',
    'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!',
  ];
  const patterns = fc.oneof(
    hostile,
    fc
      .array(
        fc.constantFrom(
          'a',
          'b',
          'node',
          '-',
          '.',
          '*',
          '+',
          '?',
          '|',
          '(',
          ')',
          '[',
          ']',
          '^',
          '$',
          '\\',
          '{2}',
          '(?i)',
          '\\d',
          '[[:alpha:]]',
          '(?=',
          '\\1',
          '(a+)+'
        ),
        { minLength: 1, maxLength: 6 }
      )
      .map((a) => a.join(''))
  );
  // RE2 is a lazy chunk in the datasource: loaded here as a query with a job filter loads it.
  beforeAll(() => loadJobRegexEngine('RE2'));

  it('accepts what Prometheus accepts as a =~ regex, and matches the jobs Prometheus matches', async () => {
    const c = tally('inventory job filter');
    // Strings Prometheus refuses as strings, not as regexes, say nothing about the regex engines.
    const tried = sample(patterns, 5).filter((p) => !labelValueError(p) && p.trim() !== '' && p !== '.*');
    for (const pattern of tried) {
      c.tried++;
      let ours: ReturnType<typeof compileJobRegex> | Error;
      try {
        ours = compileJobRegex(pattern);
      } catch (err) {
        ours = err as Error;
      }
      const theirs = await format(`up{job=~${JSON.stringify(pattern)}}`);
      if (ours instanceof Error) {
        c.refused++;
        expect(ours.message.length).toBeLessThan(600);
      }
      expect({ pattern: show(pattern), valid: !(ours instanceof Error) }).toEqual({
        pattern: show(pattern),
        valid: theirs.ok,
      });
      if (ours instanceof Error || !theirs.ok) {
        continue;
      }
      // label_replace anchors its regex as =~ does; the job strings hold no "$", so no expansion happens.
      const expr = JOBS.map(
        (job, i) =>
          `label_replace(label_replace(vector(${i}), "j", ${JSON.stringify(job)}, "", ""), "m", "yes", "j", ${JSON.stringify(pattern)})`
      ).join(' or ');
      const samples = await prometheus.instantQuery(expr);
      const prometheusMatches = samples.filter((s) => s.metric.m === 'yes').map((s) => s.metric.j ?? '');
      const ourMatches = JOBS.filter((job) => ours!.test(job));
      if (JSON.stringify([...prometheusMatches].sort()) !== JSON.stringify([...ourMatches].sort())) {
        c.meaningChanged++;
      }
      expect({ pattern: show(pattern), matches: [...ourMatches].sort() }).toEqual({
        pattern: show(pattern),
        matches: [...prometheusMatches].sort(),
      });
    }
  });
});

describe('links built from label values', () => {
  it('alert dashboard links: promtool renders them as we expect, and they decode back to the labels', async () => {
    const c = tally('alert dashboard_url (promtool)');
    const values = sample(fc.tuple(hostile, hostile), 6).filter(([j, i]) => !labelValueError(j) && !labelValueError(i));
    const template = exporterDashboardUrl(node);
    const cases = values.map(([job, instance], n) => ({ job, instance, case: String(n) }));
    for (const labels of cases) {
      c.tried++;
      const url = new URL(renderLabelTemplate(template, labels), 'http://grafana.local');
      const decoded = { job: url.searchParams.getAll('var-job'), instance: url.searchParams.getAll('var-instance') };
      if (
        url.hash !== '' ||
        JSON.stringify(decoded) !== JSON.stringify({ job: [labels.job], instance: [labels.instance] })
      ) {
        c.meaningChanged++;
      }
      expect({ case: labels.case, decoded, hash: url.hash }).toEqual({
        case: labels.case,
        decoded: { job: [labels.job], instance: [labels.instance] },
        hash: '',
      });
    }
    const dir = mkdtempSync(join(tmpdir(), 'fsm-links-'));
    try {
      const series = (l: (typeof cases)[number]) =>
        `fsm_probe{job="${escapeLabelValue(l.job)}",instance="${escapeLabelValue(l.instance)}",case="${l.case}"}`;
      writeFileSync(
        join(dir, 'rules.yml'),
        stringify({
          groups: [
            {
              name: 'links',
              rules: [{ alert: 'Link', expr: 'fsm_probe == 1', annotations: { dashboard_url: template } }],
            },
          ],
        })
      );
      // promtool's YAML parser refuses raw DEL, C1 controls and BOMs even in quoted strings; JSON is YAML, and
      // \u escapes carry those characters through.
      const asYaml = (doc: unknown) =>
        JSON.stringify(doc, null, 1).replace(
          /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
          (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
        );
      writeFileSync(
        join(dir, 'test.yml'),
        asYaml({
          rule_files: ['rules.yml'],
          evaluation_interval: '1m',
          tests: [
            {
              interval: '1m',
              input_series: cases.map((l) => ({ series: series(l), values: '1' })),
              alert_rule_test: [
                {
                  eval_time: '0m',
                  alertname: 'Link',
                  exp_alerts: cases.map((l) => ({
                    exp_labels: { job: l.job, instance: l.instance, case: l.case },
                    exp_annotations: { dashboard_url: renderLabelTemplate(template, l) },
                  })),
                },
              ],
            },
          ],
        })
      );
      const result = await promisify(execFile)('promtool', ['test', 'rules', 'test.yml'], { cwd: dir }).then(
        (r) => ({ ok: true, out: r.stdout }),
        (e: { stdout?: string; stderr?: string; message: string }) => ({
          ok: false,
          out: `${e.stdout ?? ''}${e.stderr ?? e.message}`,
        })
      );
      if (!result.ok) {
        c.meaningChanged++;
      }
      expect({ promtool: result.ok ? 'SUCCESS' : cut(result.out, 3000) }).toEqual({ promtool: 'SUCCESS' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('inventory and Health links: each label comes back as one query parameter, whole', () => {
    const c = tally('inventory and Health links');
    for (const [job, instance] of sample(fc.tuple(hostile, hostile), 7).filter(
      ([j, i]) => wellFormed(j) && wellFormed(i)
    )) {
      c.tried++;
      for (const link of [
        exporterDashboardUrl(node, { job, instance }),
        detailUrl({ exporter: node }, { job, instance }),
      ]) {
        const url = new URL(link, 'http://grafana.local');
        const ok =
          url.hash === '' &&
          url.pathname === '/d/fsm-infrastructure-node' &&
          url.searchParams.getAll('var-job').join() === job &&
          url.searchParams.getAll('var-instance').join() === instance;
        if (!ok) {
          c.meaningChanged++;
        }
        expect({ link: cut(link, 100), ok }).toEqual({ link: cut(link, 100), ok: true });
      }
    }
  });
});
