import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { Card, LinkButton, Stack, Text, TextLink } from '@grafana/ui';
import { DEFAULT_CLUSTER_LABEL, ROUTES } from '../../constants';
import { NotConfigured } from '../../components/NotConfigured/NotConfigured';
import type { AppPageProps } from '../../types';
import { datasourceName } from '../../utils/datasourceName';
import { canWriteSetup } from '../../utils/permissions';
import { prefixRoute } from '../../utils/utils.routing';
import { LayerOverview } from './LayerOverview';

const SECTIONS = [
  {
    route: ROUTES.Inventory,
    title: 'Inventory',
    description:
      'Every scrape target Prometheus knows, the exporter behind it, its layer, health and version — so you see what is monitored and what is not.',
    adminOnly: false,
  },
  {
    route: ROUTES.Health,
    title: 'Health',
    description:
      'Monitor the monitors: scrape success, ingestion, storage against retention, rule evaluation, Alertmanager, Pushgateway and Grafana itself.',
    adminOnly: false,
  },
  {
    route: ROUTES.Setup,
    title: 'Setup',
    description:
      'Detect the exporters you run, then plan and apply their dashboards and alert rules, layer by layer. For administrators.',
    adminOnly: true,
  },
];

function HomePage({ jsonData }: AppPageProps) {
  const uid = jsonData.prometheusDatasourceUid;
  if (!uid) {
    return (
      <PluginPage>
        <NotConfigured whatNeedsIt="your exporters, their dashboards and their alerts" />
      </PluginPage>
    );
  }

  const sections = SECTIONS.filter((section) => !section.adminOnly || canWriteSetup());
  return (
    <PluginPage>
      <Stack direction="column" gap={2}>
        <Text element="p">
          Dashboards, alert rules and an inventory for the Prometheus exporters you run, layer by layer: infrastructure,
          data, messaging, network, specialized systems and the monitoring stack itself. Reading from{' '}
          <Text weight="medium">{datasourceName(uid)}</Text>; clusters are named by the{' '}
          <Text variant="code">{jsonData.clusterLabel ?? DEFAULT_CLUSTER_LABEL}</Text> label.
        </Text>
        <Text element="h3">What your Prometheus scrapes</Text>
        <LayerOverview key={uid} datasourceUid={uid} />
        <Text element="h3">Pages</Text>
        {sections.map((section) => (
          <Card key={section.route}>
            <Card.Heading>
              <TextLink href={prefixRoute(section.route)} inline={false}>
                {section.title}
              </TextLink>
            </Card.Heading>
            <Card.Description>{section.description}</Card.Description>
            <Card.Actions>
              <LinkButton href={prefixRoute(section.route)} variant="secondary" size="sm">
                Open {section.title}
              </LinkButton>
            </Card.Actions>
          </Card>
        ))}
      </Stack>
    </PluginPage>
  );
}

export default HomePage;
