/**
 * A reader of the Prometheus text exposition (0.0.4), enough to compare a fixture with a live scrape:
 * metric families (from `# TYPE`, or the sample name when an exporter sends none) and their samples
 * with labels. Test-only.
 */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: string;
  /** The sample's line, as written. */
  line: string;
}

export interface MetricFamily {
  name: string;
  type?: string;
  /** `# HELP`/`# TYPE` lines, as written. */
  meta: string[];
  samples: Sample[];
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?\s+(\S+)(?:\s+-?\d+)?\s*$/;
// Label values may hold `,`, `}` and escaped quotes, so a value is a quoted string with escapes.
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*,?/y;
const SUFFIXES: Record<string, string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['_sum', '_count'],
};

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  const inner = text.slice(1, -1);
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < inner.length) {
    const at = LABEL.lastIndex;
    const match = LABEL.exec(inner);
    if (!match) {
      if (inner.slice(at).trim() === '') {
        break;
      }
      throw new Error(`cannot read the labels of ${JSON.stringify(line)} at ${JSON.stringify(inner.slice(at))}`);
    }
    labels[match[1]] = match[2].replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
  }
  return labels;
}

/** The metric families of an exposition, in the order they appear. */
export function parseExposition(text: string): MetricFamily[] {
  const families: MetricFamily[] = [];
  const byName = new Map<string, MetricFamily>();
  const family = (name: string) => {
    let found = byName.get(name);
    if (!found) {
      found = { name, meta: [], samples: [] };
      byName.set(name, found);
      families.push(found);
    }
    return found;
  };
  /** The family a sample belongs to: its own name, or a histogram/summary's name without the suffix. */
  const owner = (name: string) => {
    for (const [base, found] of byName) {
      if (name === base || (SUFFIXES[found.type ?? '']?.some((s) => name === base + s) ?? false)) {
        return found;
      }
    }
    return family(name);
  };
  for (const line of text.split('\n')) {
    const meta = /^#\s*(HELP|TYPE)\s+(\S+)(?:\s+(.*))?$/.exec(line);
    if (meta) {
      const found = family(meta[2]);
      found.meta.push(line);
      if (meta[1] === 'TYPE') {
        found.type = meta[3]?.trim();
      }
      continue;
    }
    if (line.startsWith('#') || line.trim() === '') {
      continue;
    }
    const sample = SAMPLE.exec(line);
    if (!sample) {
      throw new Error(`not an exposition sample line: ${JSON.stringify(line)}`);
    }
    const labels = sample[2] ? parseLabels(sample[2], line) : {};
    owner(sample[1]).samples.push({ name: sample[1], labels, value: sample[3], line });
  }
  return families;
}

/** The sorted label names of a sample, joined, so label-name sets compare as strings. */
export const labelNames = (sample: Pick<Sample, 'labels'>) => Object.keys(sample.labels).sort().join(',');

/** For each sample name, the distinct label-name sets its samples have. */
export function labelNameSets(families: MetricFamily[]): Map<string, Set<string>> {
  const sets = new Map<string, Set<string>>();
  for (const sample of families.flatMap((f) => f.samples)) {
    const set = sets.get(sample.name) ?? new Set<string>();
    set.add(labelNames(sample));
    sets.set(sample.name, set);
  }
  return sets;
}

/** Lines of a fixture header that start with `# <key>:`, their values trimmed. */
export const headerValues = (text: string, key: string) =>
  [...text.matchAll(new RegExp(`^# ${key}:\\s*(.*?)\\s*$`, 'gm'))].map((m) => m[1]);
