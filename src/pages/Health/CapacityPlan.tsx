import React from 'react';
import { Field, Input, InteractiveTable, Stack, Text } from '@grafana/ui';
import { BYTES_PER_SAMPLE_SOURCE, MEMORY_RULE_SOURCE, type CapacityReport } from '../../health/capacity';
import { formatValue } from '../../health/format';

interface CapacityPlanProps {
  reports: CapacityReport[];
  clusterLabel: string;
  replicaLabels: readonly string[];
  retentionDays?: number;
  onRetentionDaysChange: (days: number | undefined) => void;
}

const orDash = (value: number | undefined, unit: Parameters<typeof formatValue>[1]) =>
  value === undefined ? '–' : formatValue(value, unit);

/** The Capacity section's plan: the formulas' results per Prometheus server, with their assumptions stated. */
export function CapacityPlan({
  reports,
  clusterLabel,
  replicaLabels,
  retentionDays,
  onRetentionDaysChange,
}: CapacityPlanProps) {
  const serverOf = (r: CapacityReport) => [clusterLabel, ...replicaLabels, 'instance'].map((l) => r.labels[l]);
  const rows = reports.map((r) => ({
    id: serverOf(r).join('/'),
    server: serverOf(r).filter(Boolean).join(' · '),
    series: orDash(r.activeSeries, 'short'),
    samples: orDash(r.samplesPerSecond, 'short') + '/s',
    bytesPerSample: `${r.bytesPerSample.toFixed(2)} B${r.bytesPerSampleMeasured ? '' : ' (assumed)'}`,
    retention: `${Number.isFinite(r.retentionSeconds) ? formatValue(r.retentionSeconds, 'dtdurations') : 'no time limit'} (${r.retentionSource})`,
    projected: orDash(r.projectedDiskBytes, 'bytes'),
    // "(uses –)" read as a broken figure: a server that does not report its memory gets no comparison.
    memory:
      r.memoryUsedBytes === undefined
        ? orDash(r.memoryEstimateBytes, 'bytes')
        : `${orDash(r.memoryEstimateBytes, 'bytes')} (uses ${formatValue(r.memoryUsedBytes, 'bytes')})`,
    full:
      r.daysUntilFull !== undefined
        ? `${r.daysUntilFull.toFixed(1)} days`
        : r.freeBytes === undefined
          ? 'unknown: no free-space figure'
          : 'not filling',
  }));
  return (
    <Stack direction="column" gap={2}>
      <Text element="h3">Capacity plan</Text>
      <Field
        label="Retention (days)"
        htmlFor="fsm-capacity-retention-days"
        description="Leave empty to use each server's own: exported by Prometheus, else read from its --storage.tsdb.retention flags through its Grafana datasource, else assumed to be Prometheus' default of 15 days (the table says which)."
      >
        <Input
          id="fsm-capacity-retention-days"
          type="number"
          min={1}
          width={16}
          value={retentionDays ?? ''}
          onChange={(e) => {
            const days = Number(e.currentTarget.value);
            onRetentionDaysChange(Number.isFinite(days) && days > 0 ? days : undefined);
          }}
        />
      </Field>
      {rows.length === 0 ? (
        <Text color="secondary">No Prometheus server reports its own metrics, so there is nothing to plan yet.</Text>
      ) : (
        // Eight columns with unbreakable addresses and flag names are wider than a 1280 px window beside Grafana's
        // menu: the table scrolls in its own box, and `contain` keeps its width from widening the whole page.
        <div style={{ overflowX: 'auto', contain: 'inline-size' }}>
          <InteractiveTable
            getRowId={(row) => row.id}
            data={rows}
            columns={[
              { id: 'server', header: 'Prometheus' },
              { id: 'series', header: 'Active series' },
              { id: 'samples', header: 'Samples' },
              { id: 'bytesPerSample', header: 'Bytes per sample' },
              { id: 'retention', header: 'Retention' },
              { id: 'projected', header: 'Projected disk' },
              { id: 'memory', header: 'Memory estimate' },
              { id: 'full', header: 'Disk full in' },
            ]}
          />
        </div>
      )}
      <Text color="secondary" variant="bodySmall">
        Projected disk = retention × samples per second × bytes per sample ({BYTES_PER_SAMPLE_SOURCE}; 2 bytes are
        assumed until the first compaction). Memory estimate: {MEMORY_RULE_SOURCE}. Disk full in = free space ÷ storage
        growth per day, where free space is what is left under the retention size limit, or on the fullest filesystem of
        the Prometheus host as node_exporter reports it.
      </Text>
    </Stack>
  );
}
