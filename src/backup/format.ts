import type { ExistingProvenance } from '../engine/provenance';
import { stableStringify } from '../engine/hash';
import type { AlertRulePayload, NotificationRoute, TimeInterval } from '../grafana-api/types';
import { sha256Hex } from './sha256';

/*
 * The backup bundle: one JSON document holding everything the plugin created in one Grafana
 * organization, with a header saying what made it and a checksum over the rest. Version 1 is the
 * first format; a later version adds a migration from the one before it in validate.ts.
 */

export const BUNDLE_FORMAT = 'fullstack-monitoring-backup';
export const BUNDLE_FORMAT_VERSION = 1;
export const CHECKSUM_PREFIX = 'sha256:';

export interface BundleRuleGroup {
  /** Group name (`fsm-<exporter>`). */
  title: string;
  folderUid: string;
  /** Evaluation interval, seconds. */
  interval: number;
  /** The plugin's rules as Grafana held them (server fields id/updated/provenance/orgID left out), in group order. */
  rules: AlertRulePayload[];
}

export interface BundleContactPoint {
  uid: string;
  name: string;
  type: string;
  /** Non-secret settings only. */
  settings: Record<string, unknown>;
  disableResolveMessage: boolean;
  /** Settings keys Grafana holds as secrets for this contact point: left out, to be entered again on restore. */
  secretKeys: string[];
}

export interface BundleMuteTiming {
  name: string;
  time_intervals: TimeInterval[];
}

/** A dashboard the app had imported: restore re-imports it from the installed plugin by path. */
export interface BundleDashboard {
  uid: string;
  title: string;
  path: string;
  /** Revision Grafana had imported when the bundle was made. */
  revision: number;
}

export interface BundleContent {
  folder: { uid: string; title: string } | null;
  /** How the plugin's alert objects were written: `none` = editable in Grafana, `api` = read-only. */
  provenance: ExistingProvenance;
  ruleGroups: BundleRuleGroup[];
  contactPoints: BundleContactPoint[];
  /** The plugin's subtree of the notification policy tree (the route matching fsm_managed="true"). */
  policy: NotificationRoute | null;
  muteTimings: BundleMuteTiming[];
  dashboards: BundleDashboard[];
  /** The app's jsonData (never secrets: those live in secureJsonData, which Grafana never returns). */
  appSettings: { jsonData: Record<string, unknown> };
}

export interface BackupBundle {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  plugin: { id: string; version: string };
  org: { id: number; name: string };
  /** ISO 8601. */
  createdAt: string;
  /** Plain-words notes for whoever opens the file: secrets left out, objects not exported. */
  notes: string[];
  content: BundleContent;
  /** `sha256:<hex>` of the canonical JSON of every other field. */
  checksum: string;
}

/** The text the checksum covers: every field but `checksum`, keys sorted, so formatting and key order do not matter. */
export function canonicalText(bundle: Record<string, unknown>): string {
  const { checksum: _checksum, ...rest } = bundle;
  return stableStringify(rest);
}

export function bundleChecksum(bundle: Record<string, unknown>): string {
  return `${CHECKSUM_PREFIX}${sha256Hex(canonicalText(bundle))}`;
}

/** The file to download: pretty-printed so it diffs well in version control. */
export function serialiseBundle(bundle: BackupBundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

export function bundleFileName(bundle: BackupBundle): string {
  const stamp = bundle.createdAt.replace(/\.\d+Z$/, 'Z').replace(/[:]/g, '-');
  return `fullstack-monitoring-backup-org${bundle.org.id}-${stamp}.json`;
}

/**
 * Compares dotted versions (`1.2.3`, `1.2.3-beta.1`): negative when a < b, 0 when equal,
 * undefined when either is not a version (e.g. an unbuilt `%VERSION%`).
 */
export function compareVersions(a: string, b: string): number | undefined {
  const parse = (v: string) => /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(v.trim());
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) {
    return undefined;
  }
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) {
      return d;
    }
  }
  // A pre-release sorts before its release.
  if (pa[4] === pb[4]) {
    return 0;
  }
  if (pa[4] === undefined) {
    return 1;
  }
  if (pb[4] === undefined) {
    return -1;
  }
  return pa[4].localeCompare(pb[4], 'en', { numeric: true });
}
