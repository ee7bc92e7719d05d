import { standardTransformers, standardTransformersRegistry } from '@grafana/data';

/**
 * Registers Grafana's core transformations as Grafana does at start-up (app.ts), so that
 * transformDataFrame and panels find them by id. Some entries of `standardTransformers` are the same
 * transformer under two names: each is registered once. For the sandbox host and for tests.
 */
export function registerStandardTransformers(): void {
  standardTransformersRegistry.setInit(
    () =>
      [...new Map(Object.values(standardTransformers).map((t) => [t.id, t])).values()].map((transformation) => ({
        id: transformation.id,
        aliasIds: transformation.aliasIds,
        name: transformation.name,
        description: transformation.description,
        transformation,
        editor: () => null,
      })) as never
  );
}
