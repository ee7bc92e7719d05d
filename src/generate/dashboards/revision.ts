/**
 * Grafana re-imports a bundled dashboard at start-up only when its `revision` differs from the
 * imported one, so every content change must bump it or users keep the old dashboard forever.
 */

type WithRevision = { revision?: number };

/** Stable JSON text of a dashboard, without its revision: what "the content changed" means. */
export function contentOf(dashboard: object): string {
  const { revision: _ignored, ...rest } = dashboard as WithRevision;
  return JSON.stringify(rest);
}

/**
 * The dashboard as it should be committed: the previous revision when nothing changed, the next
 * one when anything did (1 for a new dashboard).
 */
export function withRevision<T extends object>(
  generated: T,
  previous: (object & WithRevision) | undefined
): T & { revision: number } {
  const previousRevision = previous?.revision ?? 0;
  const unchanged = previous !== undefined && contentOf(previous) === contentOf(generated);
  return { ...generated, revision: unchanged ? previousRevision : previousRevision + 1 };
}
