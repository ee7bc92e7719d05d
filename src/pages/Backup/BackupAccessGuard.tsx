import React, { ReactNode } from 'react';
import { PluginPage } from '@grafana/runtime';
import { Alert, Text } from '@grafana/ui';
import { SETUP_WRITE_ACTION } from '../../constants';
import { canWriteSetup } from '../../utils/permissions';

/**
 * Restore writes the same objects Setup writes, and export reads alert provisioning data only
 * admins may read, so the page takes Setup's permission. Lives outside the lazily loaded page
 * chunk so users without access never download it.
 */
export function BackupAccessGuard({ children }: { children: ReactNode }) {
  if (canWriteSetup()) {
    return <>{children}</>;
  }
  return (
    <PluginPage>
      <Alert severity="warning" title="Backup & restore is for administrators">
        <Text element="p">
          A backup holds the organization&apos;s alert rules, notification settings and app settings, and a restore
          rewrites them, so this page needs the organization Admin role or the{' '}
          <Text variant="code">{SETUP_WRITE_ACTION}</Text> permission.
        </Text>
        <Text element="p">
          Ask an organization Admin (Administration → Users and access lists them) to grant you that permission, or to
          take the backup for you.
        </Text>
      </Alert>
    </PluginPage>
  );
}
