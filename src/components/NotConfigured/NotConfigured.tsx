import React from 'react';
import { EmptyState, LinkButton, Text } from '@grafana/ui';
import { CONFIG_PAGE_URL } from '../../constants';
import { canConfigureApp } from '../../utils/permissions';

interface NotConfiguredProps {
  /** What the page would show once configured, e.g. "the exporter inventory". */
  whatNeedsIt: string;
}

/** Shown by every page while the app has no Prometheus datasource: nothing else can work without it. */
export function NotConfigured({ whatNeedsIt }: NotConfiguredProps) {
  const canConfigure = canConfigureApp();
  return (
    <EmptyState
      variant="call-to-action"
      message="Choose a Prometheus datasource first"
      button={
        canConfigure ? (
          <LinkButton href={CONFIG_PAGE_URL} icon="cog">
            Open the configuration page
          </LinkButton>
        ) : undefined
      }
    >
      <Text element="p">
        Full-Stack Monitoring needs to know which Prometheus datasource to read before it can show {whatNeedsIt}.{' '}
        {canConfigure
          ? 'Choose it, and the label that names your clusters, on the configuration page.'
          : "Ask an organization Admin to choose it on the app's configuration page."}
      </Text>
    </EmptyState>
  );
}
