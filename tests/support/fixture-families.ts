/**
 * Exporter fixtures read as data: which version family each `.prom` stands for, its samples, and the
 * healthy values of its deliberate faults (conventions: tests/fixtures/exporters/README.md, "Fixtures
 * per version family"). Promtool cases build their series through `familyFixture(…).at(…).series(…)`,
 * so a case can only use a metric, a label set and a label value the family's fixture has — the
 * fixture, not the case author's memory, is what was derived from the exporter's source.
 * Test- and build-time only (it reads files); shipped code cannot import tests/ (lint rule).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export const FIXTURE_DIR = resolve(__dirname, '../fixtures/exporters');

export type Labels = Record<string, string>;

export interface FixtureSample {
  metric: string;
  labels: Labels;
  value: number;
  /** The value on a healthy system (`# fsm-healthy: <value>`), or 'absent' when the sample is a fault itself. */
  healthy?: number | 'absent';
  /** 1-based line in the file, for messages. */
  line: number;
}

/** How a metric's value is a Unix time: its unit (1 per second, or 1000: milliseconds), and whether it follows the clock. */
export interface UnixTime {
  clock: boolean;
  perSecond: 1 | 1000;
}

export interface ParsedFixture {
  /** File name without `.prom`. */
  name: string;
  file: string;
  /** `{ exporter, family }` for each `# family: <exporter> / <family>` header line. */
  families: Array<{ exporter: string; family: string }>;
  /** The `# derived from:` / `# captured from:` lines: where the names came from. */
  provenance: string[];
  /** Labels whose values are identifiers (topics, devices), not vocabularies: any value is allowed. */
  freeLabels: Set<string>;
  /**
   * Per-second growth of counters (`# fsm-stack: grows NAME RATE`, or `NAME{label="value",…} RATE` for the
   * samples with those label values only), in file order: the first that matches a sample applies.
   */
  grows: Array<{ metric: string; labels: Labels; perSecond: number }>;
  /** `# TYPE` of each metric family. */
  types: Map<string, string>;
  /** `# fsm-stack: job NAME`, when the fixture must not join the job its file name implies. */
  job?: string;
  /** False for `# fsm-stack: serve no`: a family fixture tests read but the stack does not serve. */
  served: boolean;
  /**
   * Metrics whose values are Unix times, read against `now`: `# fsm-stack: timestamp NAME [ms]` (an event's time)
   * or `# fsm-stack: clock NAME [ms]` (a reading that follows the clock); semantics in scripts/stack/fixture-time.mjs.
   */
  timestamps: Map<string, UnixTime>;
  /** The moment the fixture stands for (`# fsm-stack: now UNIX`; default the README's 2026-11-18T10:00:00Z). */
  now: number;
  samples: FixtureSample[];
}

const HEADER_FAMILY = /^# family:\s*([^/]+?)\s*\/\s*(.+?)\s*$/;
const HEADER_PROVENANCE = /^# (derived|captured) from:\s*(.+)$/;
const HEADER_FREE = /^# free labels:\s*(.*)$/;
const GROWS = /^# fsm-stack: grows ([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? ([0-9.eE+-]+)\s*$/;
const JOB = /^# fsm-stack: job ([a-zA-Z_][a-zA-Z0-9_]*)\s*$/;
const SERVE = /^# fsm-stack: serve no\s*$/;
const UNIX_TIME = /^# fsm-stack: (timestamp|clock) ([a-zA-Z_:][a-zA-Z0-9_:]*)(?: (ms))?\s*$/;
const NOW = /^# fsm-stack: now (\d+)\s*$/;
const DIRECTIVE = /^# fsm-stack:/;
/**
 * "Now" of the derived fixtures (tests/fixtures/exporters/README.md, "Provenance"): 2026-11-18T10:00:00Z. The fixture
 * server's own copy (scripts/stack/fixture-time.mjs) is not imported: the integration tests' Jest does not load .mjs.
 */
export const FIXTURE_NOW = 1794996000;
const HEALTHY = /^# fsm-healthy:\s*(\S+)\s*$/;
const TYPE = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (\w+)\s*$/;
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?\s+(\S+)(\s+-?\d+)?\s*$/;

/** Prometheus text-format value: floats, `+Inf`, `-Inf`, `NaN`. */
function parseValue(text: string): number {
  if (text === '+Inf' || text === 'Inf') {
    return Infinity;
  }
  if (text === '-Inf') {
    return -Infinity;
  }
  return Number(text);
}

/** `{a="x",b="y\"z"}` → labels, honouring the text format's `\\`, `\"` and `\n` escapes. */
function parseLabels(text: string, where: string): Labels {
  const labels: Labels = {};
  let i = 1;
  const end = text.length - 1;
  while (i < end) {
    const name = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(text.slice(i));
    if (!name || text[i + name[0].length] !== '=' || text[i + name[0].length + 1] !== '"') {
      throw new Error(`${where}: cannot read the label set ${text}`);
    }
    i += name[0].length + 2;
    let value = '';
    while (i < end && text[i] !== '"') {
      if (text[i] === '\\') {
        const next = text[i + 1];
        value += next === 'n' ? '\n' : next;
        i += 2;
      } else {
        value += text[i++];
      }
    }
    labels[name[0]] = value;
    i += 1;
    if (text[i] === ',') {
      i += 1;
    }
  }
  return labels;
}

export function parseFixture(text: string, file: string): ParsedFixture {
  const fixture: ParsedFixture = {
    name: basename(file, '.prom'),
    file,
    families: [],
    provenance: [],
    freeLabels: new Set(),
    grows: [],
    types: new Map(),
    served: true,
    timestamps: new Map(),
    now: FIXTURE_NOW,
    samples: [],
  };
  let pendingHealthy: number | 'absent' | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    const where = `${basename(file)}:${index + 1}`;
    if (line === '') {
      return;
    }
    let m: RegExpExecArray | null;
    if ((m = HEADER_FAMILY.exec(line))) {
      fixture.families.push({ exporter: m[1], family: m[2] });
    } else if ((m = HEADER_PROVENANCE.exec(line))) {
      fixture.provenance.push(`${m[1]} from: ${m[2]}`);
    } else if ((m = HEADER_FREE.exec(line))) {
      m[1]
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean)
        .forEach((l) => fixture.freeLabels.add(l));
    } else if ((m = GROWS.exec(line))) {
      fixture.grows.push({ metric: m[1], labels: m[2] ? parseLabels(m[2], where) : {}, perSecond: Number(m[3]) });
    } else if ((m = JOB.exec(line))) {
      fixture.job = m[1];
    } else if (SERVE.test(line)) {
      fixture.served = false;
    } else if ((m = UNIX_TIME.exec(line))) {
      fixture.timestamps.set(m[2], { clock: m[1] === 'clock', perSecond: m[3] ? 1000 : 1 });
    } else if ((m = NOW.exec(line))) {
      fixture.now = Number(m[1]);
    } else if (DIRECTIVE.test(line)) {
      // a misspelt directive would silently do nothing (a counter that never grows, a fixture served twice)
      throw new Error(`${where}: unknown directive ${line} (grows, job, serve no, timestamp, clock, now)`);
    } else if ((m = TYPE.exec(line))) {
      fixture.types.set(m[1], m[2]);
    } else if ((m = HEALTHY.exec(line))) {
      if (pendingHealthy !== undefined) {
        throw new Error(`${where}: two # fsm-healthy markers in a row; each applies to the next sample only`);
      }
      pendingHealthy = m[1] === 'absent' ? 'absent' : parseValue(m[1]);
      if (pendingHealthy !== 'absent' && Number.isNaN(pendingHealthy) && m[1] !== 'NaN') {
        throw new Error(`${where}: # fsm-healthy wants a number or "absent", not ${m[1]}`);
      }
    } else if (line.startsWith('#')) {
      return;
    } else if ((m = SAMPLE.exec(line))) {
      fixture.samples.push({
        metric: m[1],
        labels: m[2] ? parseLabels(m[2], where) : {},
        value: parseValue(m[3]),
        healthy: pendingHealthy,
        line: index + 1,
      });
      pendingHealthy = undefined;
    } else {
      throw new Error(`${where}: not a sample, comment or blank line: ${line}`);
    }
  });
  if (pendingHealthy !== undefined) {
    throw new Error(`${basename(file)}: a # fsm-healthy marker at the end has no sample after it`);
  }
  return fixture;
}

let cache: ParsedFixture[] | undefined;

/** Per-second growth of a sample under the fixture's `grows` directives (the first that matches), or undefined. */
export function growthOf(fixture: ParsedFixture, sample: Pick<FixtureSample, 'metric' | 'labels'>): number | undefined {
  return fixture.grows.find(
    (g) => g.metric === sample.metric && Object.entries(g.labels).every(([k, v]) => sample.labels[k] === v)
  )?.perSecond;
}

/** Every served or family fixture in tests/fixtures/exporters (benchmark snapshots excluded). */
export function allFixtures(dir = FIXTURE_DIR): ParsedFixture[] {
  if (dir !== FIXTURE_DIR) {
    return readFixtures(dir);
  }
  cache ??= readFixtures(dir);
  return cache;
}

function readFixtures(dir: string): ParsedFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.prom') && !f.endsWith('-snapshot.prom'))
    .sort()
    .map((f) => parseFixture(readFileSync(join(dir, f), 'utf8'), join(dir, f)));
}

/** The fixtures that stand for one exporter's families, with the family names each stands for. */
export function fixturesOf(exporter: string, fixtures = allFixtures()): ParsedFixture[] {
  return fixtures.filter((f) => f.families.some((fam) => fam.exporter === exporter));
}

const quote = (value: string) => JSON.stringify(value);
/** promtool's series notation `metric{a="x",b="y"}`, labels in the order given. */
const notation = (metric: string, labels: Labels) =>
  `${metric}{${Object.entries(labels)
    .map(([k, v]) => `${k}=${quote(v)}`)
    .join(',')}}`;

export class FamilyFixture {
  constructor(
    readonly fixture: ParsedFixture,
    readonly exporter: string,
    readonly family: string
  ) {}

  /**
   * Series builders for one target: `job`, `instance` and any other label Prometheus adds to every series.
   * `scrape` writes a series Prometheus itself writes for the target's scrapes (src/catalog/evidence/target.ts),
   * which no fixture holds.
   */
  at(target: Labels): {
    series: (metric: string, labels?: Labels) => string;
    scrape: (metric: 'up' | 'scrape_samples_scraped') => string;
  } {
    return {
      series: (metric, labels = {}) => this.series(metric, labels, target),
      scrape: (metric) => notation(metric, target),
    };
  }

  /**
   * A promtool input series of `metric` with the exporter's `labels` plus the target's, refused unless
   * the fixture has a sample of that metric with exactly those label names and (for labels that are
   * vocabularies, not identifiers) one with that value.
   */
  series(metric: string, labels: Labels, target: Labels): string {
    const clash = Object.keys(labels).filter((l) => l in target);
    if (clash.length > 0) {
      throw new Error(`${this.where()}: ${clash.join(', ')} is both an exporter label and a target label`);
    }
    const mismatch = seriesMismatch(this.fixture, metric, labels, new Set(Object.keys(target)));
    if (mismatch) {
      throw new Error(`${this.where()}: ${mismatch}`);
    }
    return notation(metric, {
      ...target,
      ...Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b))),
    });
  }

  where(): string {
    return `${this.exporter} / ${this.family} (${basename(this.fixture.file)})`;
  }
}

/**
 * Why `metric{labels}` is not a series the fixture has, or undefined when it is: the fixture must have
 * a sample of the metric with exactly those label names and, for each label that is a vocabulary (not
 * listed in "# free labels:"), that value. Labels in `targetLabels` (job, instance: Prometheus adds
 * them) count on neither side, so an exposition that carries them itself (honor_labels) still matches.
 */
export function seriesMismatch(
  fixture: ParsedFixture,
  metric: string,
  labels: Labels,
  targetLabels: ReadonlySet<string> = new Set()
): string | undefined {
  const own = (l: Labels) =>
    Object.keys(l)
      .filter((name) => !targetLabels.has(name))
      .sort()
      .join(',');
  const samples = fixture.samples.filter((s) => s.metric === metric);
  if (samples.length === 0) {
    return `the fixture has no ${metric}; a case may only use series the family emits`;
  }
  const names = own(labels);
  const sameShape = samples.filter((s) => own(s.labels) === names);
  if (sameShape.length === 0) {
    const shapes = [...new Set(samples.map((s) => `{${own(s.labels)}}`))];
    return `${metric} has label names ${shapes.join(' or ')} in the fixture, not {${names}}`;
  }
  for (const [label, value] of Object.entries(labels)) {
    if (fixture.freeLabels.has(label) || targetLabels.has(label)) {
      continue;
    }
    const values = new Set(sameShape.map((s) => s.labels[label]));
    if (!values.has(value)) {
      return (
        `${metric}{${label}=${quote(value)}} never occurs in the fixture (values: ${[...values].map(quote).join(', ')}); ` +
        `if ${label} is an identifier rather than a vocabulary, list it in the fixture's "# free labels:" header`
      );
    }
  }
  return undefined;
}

/** A promtool series notation `metric{a="x",b="y"}` → its metric name and labels. */
export function parseSeries(series: string): { metric: string; labels: Labels } {
  const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{.*\})?\s*$/.exec(series);
  if (!m) {
    throw new Error(`cannot read the series ${series}`);
  }
  return { metric: m[1], labels: m[2] ? parseLabels(m[2], series) : {} };
}

/** The fixture whose header names `family` of `exporter`; a clear error listing the known families otherwise. */
export function familyFixture(exporter: string, family: string, fixtures = allFixtures()): FamilyFixture {
  const found = fixtures.filter((f) => f.families.some((fam) => fam.exporter === exporter && fam.family === family));
  if (found.length !== 1) {
    const known = fixturesOf(exporter, fixtures).flatMap((f) =>
      f.families.filter((fam) => fam.exporter === exporter).map((fam) => `"${fam.family}" (${f.name}.prom)`)
    );
    throw new Error(
      found.length === 0
        ? `no fixture says "# family: ${exporter} / ${family}"; known families of ${exporter}: ${known.join(', ') || 'none'}`
        : `${found.length} fixtures claim ${exporter} / ${family}: ${found.map((f) => f.name).join(', ')}`
    );
  }
  return new FamilyFixture(found[0], exporter, family);
}
