// NodeTextFileCollectorScrapeError on Debian's node_exporter 1.5: the stack starts it with
// --collector.textfile.directory=$FSM_STACK_DIR/data/textfile (scripts/stack/start.sh), an empty directory. The
// collector sets node_textfile_scrape_error when it cannot read that directory at all, as for a bad *.prom file
// (collector/textfile.go Update, v1.3.0 – v1.12.1): the alert must say so, or a missing directory reads as a
// broken file nobody can find.
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { getExporter } from '../../src/catalog';
import { alertExpr, eventually } from './harness';
import { createPrometheusClient, DEFAULT_STACK_DIR } from './prometheus';

const prometheus = createPrometheusClient();
const node = getExporter('node');
const alert = node.alerts.find((a) => a.name === 'NodeTextFileCollectorScrapeError')!;
const stackDir = process.env.FSM_STACK_DIR ?? DEFAULT_STACK_DIR;
const textfileDir = join(stackDir, 'data', 'textfile');
const movedDir = `${textfileDir}.moved-by-node-textfile-test`;

/** The alert's own expression (no `for`), on the real node_exporter's job only. */
const holdingForNode = async () =>
  (await prometheus.instantQuery(alertExpr('node', alert.name))).filter((s) => s.metric.job === 'node');

describe('node_exporter’s textfile directory on the real stack', () => {
  beforeAll(async () => {
    await prometheus.ready();
    if (!existsSync(textfileDir)) {
      throw new Error(
        `${textfileDir} is missing: the stack at ${stackDir} was not started by this checkout’s start.sh`
      );
    }
  });

  afterAll(() => {
    if (existsSync(movedDir)) {
      renameSync(movedDir, textfileDir);
    }
  });

  it('a missing directory raises the alert’s condition, which its text names, and putting it back clears it', async () => {
    // The premise: with its (empty) directory in place the collector reports no error.
    await eventually('node_textfile_scrape_error 0 on job node', holdingForNode, (r) => r.length === 0);

    renameSync(textfileDir, movedDir);
    const holding = await eventually(
      'NodeTextFileCollectorScrapeError’s condition on job node with its directory gone',
      holdingForNode,
      (r) => r.length > 0
    );
    expect(holding.map((s) => s.metric.instance)).toHaveLength(1);
    // What the operator reads must point at the directory as well as at files in it.
    expect(alert.description).toContain('--collector.textfile.directory');
    expect(alert.description).toContain('failed to read textfile collector directory');

    renameSync(movedDir, textfileDir);
    await eventually('the condition cleared with the directory back', holdingForNode, (r) => r.length === 0);
  });
});
