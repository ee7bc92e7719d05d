import React, { lazy, Suspense, useMemo } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';
import { Alert, LoadingPlaceholder } from '@grafana/ui';
import { ROUTES } from '../../constants';
import type { AppJsonData } from '../../types';
import { BackupAccessGuard } from '../../pages/Backup/BackupAccessGuard';
import { SetupAccessGuard } from '../../pages/Setup/SetupAccessGuard';
import { readAppJsonData } from '../../utils/appJsonData';
import { prefixRoute } from '../../utils/utils.routing';

// One chunk per page: visiting Inventory does not download Setup (and its catalog and engine).
const HomePage = lazy(() => import('../../pages/Home/HomePage'));
const InventoryPage = lazy(() => import('../../pages/Inventory/InventoryPage'));
const HealthPage = lazy(() => import('../../pages/Health/HealthPage'));
const SetupPage = lazy(() => import('../../pages/Setup/SetupPage'));
const BackupPage = lazy(() => import('../../pages/Backup/BackupPage'));
const RunbooksPage = lazy(() => import('../../pages/Runbooks/RunbooksPage'));

function App({ meta }: AppRootProps<AppJsonData>) {
  const { jsonData, problems } = useMemo(() => readAppJsonData(meta.jsonData), [meta.jsonData]);
  return (
    <Suspense fallback={<LoadingPlaceholder text="Loading…" />}>
      {problems.length > 0 && (
        <Alert
          severity="warning"
          title="Some app settings are not valid and are ignored"
          data-testid="app-settings-problems"
        >
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      )}
      <Routes>
        <Route path={ROUTES.Home} element={<HomePage jsonData={jsonData} />} />
        <Route path={ROUTES.Inventory} element={<InventoryPage jsonData={jsonData} />} />
        <Route path={ROUTES.Health} element={<HealthPage jsonData={jsonData} />} />
        <Route path={ROUTES.Runbooks} element={<RunbooksPage />} />
        <Route path={`${ROUTES.Runbooks}/:exporter`} element={<RunbooksPage />} />
        <Route
          path={`${ROUTES.Setup}/*`}
          element={
            <SetupAccessGuard>
              <SetupPage jsonData={jsonData} />
            </SetupAccessGuard>
          }
        />
        <Route
          path={`${ROUTES.Backup}/*`}
          element={
            <BackupAccessGuard>
              <BackupPage jsonData={jsonData} />
            </BackupAccessGuard>
          }
        />
        <Route path="*" element={<Navigate to={prefixRoute(ROUTES.Home)} replace />} />
      </Routes>
    </Suspense>
  );
}

export default App;
