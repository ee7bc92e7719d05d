import React, { useMemo } from 'react';
import { buildHealthScene } from './healthScene';

interface HealthPanelsProps {
  datasourceUid: string;
  clusterLabel: string;
}

/**
 * The Scenes part of the Health page, loaded lazily: Scenes is the largest dependency of the app,
 * and the verdict (plain React over one query batch) can show before it arrives.
 */
function HealthPanels({ datasourceUid, clusterLabel }: HealthPanelsProps) {
  const scene = useMemo(() => buildHealthScene(datasourceUid, clusterLabel), [datasourceUid, clusterLabel]);
  return <scene.Component model={scene} />;
}

export default HealthPanels;
