import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { Card, Stack, Text } from '@grafana/ui';
import { NotConfigured } from '../../components/NotConfigured/NotConfigured';
import type { AppPageProps } from '../../types';
import { datasourceName } from '../../utils/datasourceName';

const STEPS = [
  { title: 'Detect', description: 'Find which exporters Prometheus scrapes, from the metrics each one exposes.' },
  {
    title: 'Choose',
    description: 'Pick the layers and exporters to cover, thresholds, alert folder and contact point.',
  },
  {
    title: 'Plan',
    description:
      'Compare what the catalog wants with what Grafana holds now: create, update, unchanged, drifted, obsolete.',
  },
  { title: 'Apply', description: 'Write the folder, then each changed rule group, then notification settings.' },
  { title: 'Verify', description: 'Read everything back and show what is now in place.' },
];

function SetupPage({ jsonData }: AppPageProps) {
  const uid = jsonData.prometheusDatasourceUid;
  if (!uid) {
    return (
      <PluginPage>
        <NotConfigured whatNeedsIt="which exporters you run and the alert rules they need" />
      </PluginPage>
    );
  }
  return (
    <PluginPage>
      <Stack direction="column" gap={2}>
        <Text element="p">
          Setup will bring dashboards and alert rules in line with the exporters {datasourceName(uid)} scrapes. Nothing
          is written before you have reviewed the plan.
        </Text>
        {STEPS.map((step, index) => (
          <Card key={step.title}>
            <Card.Heading>
              {index + 1}. {step.title}
            </Card.Heading>
            <Card.Description>{step.description}</Card.Description>
          </Card>
        ))}
      </Stack>
    </PluginPage>
  );
}

export default SetupPage;
