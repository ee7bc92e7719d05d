import type { ExporterCoverage } from './types';

const TELEGRAF_TAG = 'v1.39.0';

// Telegraf has no mixin, ships no Grafana dashboard or alert rules, and awesome-prometheus-alerts (a853318,
// 2026-08-01) has no Telegraf rules: the internal input's own documentation of the agent's health fields is the
// reference. The host inputs (cpu, mem, disk, …) are node_exporter's ground; the node pack's table covers those
// failure modes. Versions where a field first appears were read in models/running_input.go, running_output.go and
// buffer.go at the tags named.
const splitsFamily = (field: string, since: string) =>
  `${field} first appears in ${since} (models/, read at the tags), inside our Telegraf 1.20 – 1.38 family: no single rule can be proven on every version of that family; `;

/** telegraf against its internal input’s documentation of the agent pipeline’s health. */
export const telegrafCoverage: ExporterCoverage = {
  exporter: 'telegraf',
  references: [
    {
      id: 'internal',
      title: 'Telegraf internal input (the agent’s own health fields)',
      kind: 'exporter docs',
      url: `https://github.com/influxdata/telegraf/blob/${TELEGRAF_TAG}/plugins/inputs/internal/README.md`,
      version: `${TELEGRAF_TAG} (no mixin, dashboard or alert collection exists; awesome-prometheus-alerts a853318 has no Telegraf rules)`,
    },
  ],
  rows: [
    // internal_agent
    {
      reference: 'internal',
      kind: 'view',
      item: 'internal_agent gather_errors',
      status: { covered: ['panel:gatherErrors', 'alert:gather-errors'] },
    },
    {
      reference: 'internal',
      kind: 'view',
      item: 'internal_agent / internal_gather gather_timeouts',
      status: {
        notTaken: `${splitsFamily('gather_timeouts', '1.28')}an input stuck past its interval shows on the Gather time by input panel, and a wholly stuck agent fires TelegrafNotGathering`,
      },
    },
    {
      reference: 'internal',
      kind: 'view',
      item: 'internal_agent metrics_gathered',
      status: { covered: ['panel:metricsGathered', 'alert:not-gathering'] },
    },
    {
      reference: 'internal',
      kind: 'view',
      item: 'internal_agent / internal_write metrics_dropped',
      status: { covered: ['panel:metricsDropped', 'alert:metrics-dropped'] },
    },
    {
      reference: 'internal',
      kind: 'view',
      item: 'internal_agent / internal_write metrics_written',
      status: { covered: ['panel:metricsWritten'] },
    },
    {
      reference: 'internal',
      kind: 'view',
      item: 'internal_agent / internal_write write_errors (1.39)',
      status: { covered: ['panel:writeErrors', 'alert:write-errors'] },
    },
    {
      reference: 'internal',
      kind: 'view',
      item: 'internal_agent / internal_write metrics_rejected',
      status: {
        notTaken: `${splitsFamily('metrics_rejected', '1.33 (models/buffer.go)')}a rejecting endpoint also raises the output’s write errors (TelegrafWriteErrors)`,
      },
    },
    // internal_gather
    {
      reference: 'internal',
      kind: 'view',
      item: 'internal_gather errors (per input)',
      status: { covered: ['panel:gatherErrorsByInput', 'alert:gather-errors'] },
    },
    {
      reference: 'internal',
      kind: 'view',
      item: 'internal_gather gather_time_ns',
      status: { covered: ['panel:gatherTime'] },
    },
    {
      reference: 'internal',
      kind: 'view',
      item: 'internal_gather metrics_gathered (per input)',
      status: {
        notTaken:
          'the agent’s total (Metrics gathered panel) shows a stalled agent; an input that stops producing shows as gather errors or a long gather time, which are drawn per input',
      },
    },
    {
      reference: 'internal',
      kind: 'view',
      item: 'internal_gather / internal_write startup_errors',
      status: {
        notTaken: `${splitsFamily('startup_errors', '1.32')}by default (startup_error_behavior = "error") a plugin that cannot start stops the agent, which the Agent up panel shows`,
      },
    },
    // internal_write
    {
      reference: 'internal',
      kind: 'view',
      item: 'internal_write buffer_size and buffer_limit',
      status: { covered: ['panel:bufferUsage', 'alert:buffer-filling', 'alert:buffer-full'] },
    },
    {
      reference: 'internal',
      kind: 'view',
      item: 'internal_write errors (errors the output logged)',
      status: { covered: ['panel:writeErrors', 'alert:write-errors'] },
    },
    {
      reference: 'internal',
      kind: 'view',
      item: 'internal_write write_time_ns',
      status: { covered: ['panel:writeTime'] },
    },
    {
      reference: 'internal',
      kind: 'view',
      item: 'internal_write metrics_added / metrics_filtered',
      status: {
        notTaken:
          'bookkeeping of the pipeline (what entered the output, what its metric filter removed), not a failure; drops and write errors are what an operator acts on',
      },
    },
    // internal_memstats
    {
      reference: 'internal',
      kind: 'view',
      item: 'internal_memstats (the agent’s Go heap and GC)',
      status: {
        notTaken:
          'the agent’s own memory only matters once it grows the host’s use, which TelegrafHostMemoryHigh (mem input) and the node pack watch; the heap of a healthy agent depends on its buffers and inputs, so no bound fits',
      },
    },
  ],
};
