import React, { ReactNode } from 'react';
import { PluginPage } from '@grafana/runtime';
import { Alert, Text } from '@grafana/ui';
import { SETUP_WRITE_ACTION } from '../../constants';
import { canWriteSetup } from '../../utils/permissions';

/**
 * Grafana guards only the exact /setup path named in plugin.json; this guards the whole Setup
 * subtree (e.g. /setup/plan) in the browser. Lives outside the lazily loaded Setup chunk so users
 * without access never download it.
 */
export function SetupAccessGuard({ children }: { children: ReactNode }) {
  if (canWriteSetup()) {
    return <>{children}</>;
  }
  return (
    <PluginPage>
      <Alert severity="warning" title="Setup is for administrators">
        <Text element="p">
          Setup creates and changes dashboards, alert rules and notification settings for the whole organization, so it
          needs the organization Admin role or the <Text variant="code">{SETUP_WRITE_ACTION}</Text> permission.
        </Text>
        <Text element="p">
          Ask an organization Admin (Administration → Users and access lists them) to grant you that permission, or to
          run Setup for you. Inventory and Health stay available to you.
        </Text>
      </Alert>
    </PluginPage>
  );
}
