import React, { useState } from 'react';
import { DataSourcePicker } from '@grafana/runtime';
import { Alert, Badge, Button, Card, EmptyState, Field, LoadingPlaceholder, Stack, Text } from '@grafana/ui';
import type { LayerCoverage } from '../../../inventory/detect';
import { datasourceName } from '../../../utils/datasourceName';
import type { DetectionState } from '../state';

interface DetectStepProps {
  datasourceUid: string;
  detection: DetectionState;
  onDetect: () => void;
  onChangeDatasource: (uid: string) => void;
  onNext: () => void;
}

/** Step 1: which catalog exporters the chosen Prometheus scrapes, by job, and which layers that covers. */
export function DetectStep({ datasourceUid, detection, onDetect, onChangeDatasource, onNext }: DetectStepProps) {
  // The picker lists every Prometheus datasource; shown on demand since most admins keep the app's one.
  const [changing, setChanging] = useState(false);
  const loading = detection.status === 'loading' || detection.status === 'idle';

  return (
    <Stack direction="column" gap={2}>
      <Stack direction="row" alignItems="flex-end" gap={2} wrap="wrap">
        {changing ? (
          <Field label="Prometheus datasource" htmlFor="setup-detect-datasource">
            <DataSourcePicker
              inputId="setup-detect-datasource"
              type="prometheus"
              current={datasourceUid}
              noDefault
              width={40}
              onChange={(ds) => {
                setChanging(false);
                onChangeDatasource(ds.uid);
              }}
            />
          </Field>
        ) : (
          <Text element="p">
            Looking at <strong>{datasourceName(datasourceUid)}</strong>.{' '}
            <Button variant="secondary" fill="text" size="sm" onClick={() => setChanging(true)}>
              Change datasource
            </Button>
          </Text>
        )}
        <Button icon="sync" variant="secondary" onClick={onDetect} disabled={loading} data-testid="setup-detect-button">
          Detect exporters
        </Button>
      </Stack>

      {loading && <LoadingPlaceholder text="Asking Prometheus which exporters it scrapes…" />}
      {detection.status === 'error' && (
        <Alert severity="error" title="Could not detect exporters" data-testid="setup-detect-error">
          <Text element="p">{detection.message}</Text>
          <Text element="p">You can still choose packs by hand in the next step.</Text>
        </Alert>
      )}
      {detection.status === 'done' && <CoverageView coverage={detection.result.coverage} />}

      <Stack direction="row" justifyContent="flex-end">
        <Button onClick={onNext} icon="arrow-right" disabled={loading}>
          Next: choose packs
        </Button>
      </Stack>
    </Stack>
  );
}

function CoverageView({ coverage }: { coverage: LayerCoverage[] }) {
  const detected = coverage.flatMap((c) => c.detected);
  const covered = coverage.filter((c) => c.detected.length > 0);
  const uncovered = coverage.filter((c) => c.detected.length === 0);

  if (detected.length === 0) {
    return (
      <div data-testid="setup-detect-empty">
        <EmptyState variant="not-found" message="No known exporter found">
          <Text element="p">
            Prometheus answered, but none of its jobs exposes the metrics of an exporter in the catalog. Check that your
            exporters are scraped (Status → Targets in Prometheus), or choose packs by hand in the next step.
          </Text>
        </EmptyState>
      </div>
    );
  }

  return (
    <Stack direction="column" gap={2}>
      <Text element="p" data-testid="setup-detect-summary">
        {detected.length} exporter{detected.length === 1 ? '' : 's'} found, covering {covered.length} of{' '}
        {coverage.length} layers.
      </Text>
      <ul aria-label="Detected exporters" data-testid="setup-detected-list" style={{ listStyle: 'none', padding: 0 }}>
        {covered.map(({ layer, detected: found }) => (
          <li key={layer.id}>
            <Card>
              <Card.Heading>{layer.title}</Card.Heading>
              <Card.Description>
                <ul style={{ listStyle: 'none', padding: 0 }}>
                  {found.map((d) => (
                    <li key={d.exporter.id} data-testid="setup-detected-exporter" data-exporter={d.exporter.id}>
                      <Stack direction="row" gap={1} alignItems="center" wrap="wrap">
                        <Text weight="medium">{d.exporter.title}</Text>
                        <Text color="secondary">
                          job{d.jobs.length === 1 ? '' : 's'}: {d.jobs.map((j) => j || '(no job label)').join(', ')}
                        </Text>
                      </Stack>
                    </li>
                  ))}
                </ul>
              </Card.Description>
            </Card>
          </li>
        ))}
      </ul>
      {uncovered.length > 0 && (
        <div data-testid="setup-uncovered-layers">
          <Text element="h3" variant="h5">
            Layers with no exporter found
          </Text>
          <Stack direction="row" gap={1} wrap="wrap">
            {uncovered.map(({ layer, missing }) => (
              <Badge
                key={layer.id}
                color="orange"
                text={layer.title}
                tooltip={`Could monitor: ${missing.map((e) => e.title).join(', ')}`}
              />
            ))}
          </Stack>
        </div>
      )}
    </Stack>
  );
}
