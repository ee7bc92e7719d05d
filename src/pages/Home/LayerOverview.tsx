import React, { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Card, LoadingPlaceholder, Stack, Text, TextLink } from '@grafana/ui';
import { exporterDashboardUid, layerDashboardUid } from '../../catalog/links';
import type { LayerCoverage } from '../../inventory/detect';
import { detectCoverage } from '../../inventory/detect-coverage';
import { PartialTargets } from '../../components/PartialTargets/PartialTargets';

type State =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; coverage: LayerCoverage[] };

export function LayerOverview({ datasourceUid }: { datasourceUid: string }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  // One array per answer: PartialTargets queries again only when detection answered again.
  const detections = useMemo(() => (state.status === 'done' ? state.coverage.flatMap((c) => c.detected) : []), [state]);

  useEffect(() => {
    // A new datasource remounts this component (HomePage keys it by uid), so it starts out loading.
    let current = true;
    detectCoverage(datasourceUid).then(
      ({ coverage }) => current && setState({ status: 'done', coverage }),
      (error: unknown) =>
        current && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) })
    );
    return () => {
      current = false;
    };
  }, [datasourceUid]);

  if (state.status === 'loading') {
    return <LoadingPlaceholder text="Finding the exporters your Prometheus scrapes…" />;
  }
  if (state.status === 'error') {
    return (
      <Alert severity="error" title="Could not ask Prometheus which exporters it scrapes">
        {state.message}
      </Alert>
    );
  }
  if (state.coverage.every((c) => c.detected.length === 0)) {
    return (
      <Alert severity="info" title="No known exporter found">
        Prometheus answers, but none of its jobs exposes the metrics of an exporter in the catalog. Check that it
        scrapes your exporters (Status → Targets in Prometheus).
      </Alert>
    );
  }
  return (
    <Stack direction="column" gap={1}>
      {state.coverage.map(({ layer, detected, missing }) => (
        <Card key={layer.id} data-testid={`layer-${layer.id}`}>
          <Card.Heading>
            <TextLink href={`/d/${layerDashboardUid(layer.id)}`} inline={false}>
              {layer.title}
            </TextLink>
          </Card.Heading>
          <Card.Tags>
            <Badge
              text={detected.length > 0 ? `${detected.length} detected` : 'not monitored'}
              color={detected.length > 0 ? 'green' : 'orange'}
            />
          </Card.Tags>
          <Card.Description>
            <Stack direction="column" gap={0.5}>
              <Text color="secondary">{layer.description}</Text>
              {detected.length > 0 && (
                <Stack direction="row" gap={1} wrap="wrap">
                  {detected.map(({ exporter, jobs }) => (
                    <TextLink key={exporter.id} href={`/d/${exporterDashboardUid(exporter)}`} inline={false}>
                      {`${exporter.title} (${jobs.map((j) => j || 'no job label').join(', ')})`}
                    </TextLink>
                  ))}
                </Stack>
              )}
              {missing.length > 0 && (
                <Text color="secondary" italic>
                  Not found: {missing.map((e) => e.title).join(', ')}
                </Text>
              )}
            </Stack>
          </Card.Description>
        </Card>
      ))}
      <Text element="h4">Targets with a partial view</Text>
      <PartialTargets datasourceUid={datasourceUid} detections={detections} />
    </Stack>
  );
}
