/** @jest-environment node */
import { EXPORTERS as FULL } from '../catalog';
import { EXPORTERS as RUNTIME } from '../catalog/runtime';
import { detectionQuery } from '../inventory/detect';
import { versionQuery } from '../inventory/versions';
import { renderRuntimeCatalog } from './runtime-catalog';

describe('the runtime catalog', () => {
  it('lists every exporter in catalog order with what detection and versions read', () => {
    expect(RUNTIME.map((e) => e.id)).toEqual(FULL.map((e) => e.id));
    // The datasource builds its queries from the runtime form: they must be the full catalog's.
    expect(detectionQuery(RUNTIME)).toBe(detectionQuery(FULL));
    expect(versionQuery(RUNTIME)).toBe(versionQuery(FULL));
  });

  it('is plain data: no query builders, alerts or dashboard rows ship with it', () => {
    const text = renderRuntimeCatalog();
    expect(text).not.toMatch(/=>|"alerts"|"signals"|"dashboard"|"thresholds"/);
    for (const exporter of RUNTIME) {
      expect(Object.keys(exporter)).not.toContain('signals');
    }
  });
});
