/**
 * Captures a version-family fixture from a real exporter: scrapes it, keeps the metric families the
 * pack uses (every metric named in the exporter's evidence, all their samples, HELP and TYPE as
 * served) and writes the header of tests/fixtures/exporters/README.md ("Fixtures per version family").
 *
 *   npx tsx scripts/capture-fixture.ts --exporter node --url http://127.0.0.1:19100/metrics \
 *     --family 'node_exporter ≥ 1.3' --from 'prometheus-node-exporter 1.5.0-1+b6 (Debian 12)' > FILE
 *
 * Only for 127.0.0.1 (the test stack). Metrics the pack uses that the scrape lacks are listed on stderr:
 * a captured fixture must not invent them (add a derived block by hand, marked `# fsm-derived:`).
 */
import { parseArgs } from 'node:util';
import { EVIDENCE } from '../src/catalog/evidence';

const { values } = parseArgs({
  options: {
    exporter: { type: 'string' },
    url: { type: 'string' },
    family: { type: 'string', multiple: true },
    from: { type: 'string' },
    stack: { type: 'string', default: 'serve no' },
  },
});

const sampleName = (line: string) => /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)?.[0] ?? '';

/**
 * The exposition's lines grouped by metric family: a `# HELP`/`# TYPE` line opens one, and samples
 * join the family of the last of those lines (client_golang writes each family's samples together,
 * a histogram's `_bucket`/`_sum`/`_count` after its TYPE line). Lines stay as served.
 */
function metricFamilies(text: string) {
  const families: Array<{ name: string; meta: string[]; samples: string[] }> = [];
  for (const line of text.split('\n')) {
    const meta = /^# (?:HELP|TYPE) (\S+)/.exec(line);
    if (meta) {
      if (families.at(-1)?.name !== meta[1]) {
        families.push({ name: meta[1], meta: [], samples: [] });
      }
      families.at(-1)?.meta.push(line);
    } else if (line !== '' && !line.startsWith('#')) {
      const name = sampleName(line);
      if (families.at(-1) === undefined || !name.startsWith(families.at(-1)?.name ?? '')) {
        families.push({ name, meta: [], samples: [] });
      }
      families.at(-1)?.samples.push(line);
    }
  }
  return families;
}

async function main() {
  const { exporter, url, family, from, stack } = values;
  if (!exporter || !url || !family?.length || !from) {
    throw new Error('usage: --exporter ID --url http://127.0.0.1:PORT/metrics --family NAME… --from "PACKAGE VERSION"');
  }
  if (new URL(url).hostname !== '127.0.0.1') {
    throw new Error(`captures read the local test stack only, not ${url}`);
  }
  const evidence = EVIDENCE[exporter];
  if (!evidence) {
    throw new Error(`no evidence for exporter ${JSON.stringify(exporter)}`);
  }
  const unknown = family.filter((name) => !evidence.families.some((f) => f.name === name));
  if (unknown.length > 0) {
    throw new Error(`not a family of ${exporter}: ${unknown.join(', ')}`);
  }
  const res = await fetch(url);
  if (!res.ok) {
    throw new Error(`GET ${url}: HTTP ${res.status}`);
  }
  const used = new Set(Object.keys(evidence.metrics));
  const kept = metricFamilies(await res.text()).filter(
    (f) => used.has(f.name) || f.samples.some((s) => used.has(sampleName(s)))
  );
  const captured = new Set(kept.flatMap((f) => [f.name, ...f.samples.map(sampleName)]));
  const missing = [...used].filter((name) => !captured.has(name));
  if (missing.length > 0) {
    process.stderr.write(`not in the scrape (derive them, or say why the family lacks them): ${missing.join(', ')}\n`);
  }
  const day = new Date().toISOString().slice(0, 10);
  const header = [
    ...family.map((name) => `# family: ${exporter} / ${name}`),
    `# captured from: ${from} by scripts/capture-fixture.ts (GET ${url} on the test stack, ${day}), trimmed to the metric families the pack uses`,
    `# fsm-stack: ${stack}`,
  ];
  const body = kept.flatMap((f) => [...f.meta, ...f.samples]);
  process.stdout.write([...header, ...body, ''].join('\n'));
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
