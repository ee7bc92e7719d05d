import type { Provenance } from '../grafana-api/types';
import type { PlanBlocker } from './errors';

/*
 * Provenance is chosen once. Grafana refuses to turn an object written through the API
 * (provenance `api`, read-only in its UI) back into an editable one ("cannot change provenance
 * from 'api' to ''"), and lets an editable one be locked silently; the plugin refuses both
 * switches so its objects never end up half one way, half the other.
 */

/** `none`: editable in Grafana's UI (X-Disable-Provenance sent); `api`: read-only in the UI. */
export type ProvenanceMode = 'none' | 'api';

/** What the plugin's rules carry today; `mixed` when they disagree, `absent` when there are none. */
export type ExistingProvenance = ProvenanceMode | 'file' | 'mixed' | 'absent';

export function provenanceMode(p: Provenance | undefined): ProvenanceMode | 'file' | 'other' {
  if (p === undefined || p === '' || p === 'none') {
    return 'none';
  }
  if (p === 'api') {
    return 'api';
  }
  if (p === 'file') {
    return 'file';
  }
  return 'other';
}

export function summariseProvenance(values: Array<Provenance | undefined>): ExistingProvenance {
  const modes = new Set(values.map(provenanceMode));
  if (modes.size === 0) {
    return 'absent';
  }
  if (modes.size > 1) {
    return 'mixed';
  }
  const [only] = modes;
  return only === 'other' ? 'mixed' : only;
}

export function describeMode(mode: ProvenanceMode): string {
  return mode === 'none' ? 'editable in Grafana' : 'read-only in Grafana (managed by the plugin)';
}

/** A blocker when an existing object's provenance differs from the chosen one; undefined when they agree. */
export function provenanceBlocker(
  existing: Provenance | undefined,
  chosen: ProvenanceMode,
  what: string
): PlanBlocker | undefined {
  const mode = provenanceMode(existing);
  if (mode === chosen) {
    return undefined;
  }
  if (mode === 'file') {
    return {
      kind: 'provisioned-from-file',
      message: `The ${what} is provisioned from files on the Grafana server, so the API cannot change it. Change it in those files, or remove them first.`,
      objects: [what],
    };
  }
  if (mode === 'api' && chosen === 'none') {
    return {
      kind: 'provenance-conflict',
      message: `The ${what} was written as read-only in Grafana (provenance "api"), and Grafana cannot make it editable again. Keep "read-only in Grafana" selected, or delete the plugin's alert objects in Grafana first.`,
      objects: [what],
    };
  }
  return {
    kind: 'provenance-conflict',
    message: `The ${what} was written as ${mode === 'none' ? 'editable in Grafana' : `provenance "${String(existing)}"`}, and the plugin keeps that choice so its objects never end up half one way and half the other. Keep "${describeMode(mode === 'none' ? 'none' : 'api')}" selected.`,
    objects: [what],
  };
}
