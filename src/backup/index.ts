// Backup & restore: one checksummed bundle of everything the plugin created, and a restore that
// plans with the Setup engine's semantics before it writes. Pure and async functions only; the
// Backup page renders their results.
export * from './errors';
export * from './format';
export { exportBundle, isPluginRule, SECRETS_NOTE, DASHBOARDS_NOTE, type ExportOptions } from './export';
export * from './validate';
export * from './restore';
