import { SCHEDULER_BASE_INTERVAL_SECONDS } from '../alerting/grafana-rules';
import { promDurationMs } from '../utils/durations';
import { readAppJsonData } from '../utils/appJsonData';
import { readSavedChoices } from '../pages/Setup/saved-choices';
import { FSM_FOLDER_UID, FSM_RULE_UID_PREFIX } from '../engine/desired-state';
import { FSM_CONTACT_POINT_UID, isManagedRoute } from '../engine/notifications';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleChecksum,
  CHECKSUM_PREFIX,
  compareVersions,
  type BackupBundle,
} from './format';

/*
 * validateBundle: everything that can be said about a bundle before reading Grafana. A refusal
 * lists every problem and means nothing may be written; warnings explain differences (another
 * organization, another plugin version) that restore can handle once the admin has read them.
 */

export type BundleProblemCode =
  | 'not-json'
  | 'not-a-bundle'
  | 'other-plugin'
  | 'newer-format'
  | 'unknown-format-version'
  | 'checksum-missing'
  | 'checksum-mismatch'
  | 'malformed'
  | 'out-of-scope';

export interface BundleProblem {
  code: BundleProblemCode;
  message: string;
}

export interface BundleWarning {
  code: 'older-plugin' | 'newer-plugin' | 'unknown-plugin-version' | 'foreign-org';
  message: string;
}

export interface RestoreTarget {
  pluginId: string;
  pluginVersion: string;
  org: { id: number; name: string };
}

export type BundleValidation =
  | { ok: false; problems: BundleProblem[] }
  | {
      ok: true;
      bundle: BackupBundle;
      warnings: BundleWarning[];
      /** Set when the bundle comes from another organization: restore needs an explicit confirmation. */
      foreignOrg?: { from: { id: number; name: string }; message: string };
    };

const NOTHING_WRITTEN = 'Nothing was written.';
const UID = /^[a-zA-Z0-9_-]{1,40}$/;

export function validateBundle(input: unknown, target: RestoreTarget): BundleValidation {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (err) {
      return refuse(
        'not-json',
        `The file is not JSON (${err instanceof Error ? err.message : String(err)}). Choose the .json file the Backup page downloaded.`
      );
    }
  }
  if (!isRecord(value) || value.format !== BUNDLE_FORMAT) {
    return refuse('not-a-bundle', `${describeForeignFile(value)} Choose a file downloaded from this Backup page.`);
  }
  const version = value.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuse(
      'unknown-format-version',
      `The bundle's format version (${JSON.stringify(version)}) is not one this plugin knows: it reads format version ${BUNDLE_FORMAT_VERSION}. The file may be damaged; export a fresh bundle.`
    );
  }
  if (version > BUNDLE_FORMAT_VERSION) {
    const by =
      isRecord(value.plugin) && typeof value.plugin.version === 'string' ? ` (plugin ${value.plugin.version})` : '';
    return refuse(
      'newer-format',
      `This bundle has format version ${version}, made by a newer version of the plugin${by}. This plugin (${target.pluginVersion}) reads format version ${BUNDLE_FORMAT_VERSION} and cannot tell what the newer format means, so it will not guess. Update the plugin to the version that made the bundle, then restore.`
    );
  }
  // Version 1 is the first format: an older one would be migrated here, step by step, before the checks below.
  const plugin = isRecord(value.plugin) ? value.plugin : {};
  if (plugin.id !== target.pluginId) {
    return refuse(
      'other-plugin',
      `This bundle was made by the plugin "${String(plugin.id)}", not "${target.pluginId}". Restore it with that plugin.`
    );
  }
  if (typeof value.checksum !== 'string' || !value.checksum.startsWith(CHECKSUM_PREFIX)) {
    return refuse(
      'checksum-missing',
      'The bundle has no checksum, so there is no way to tell whether it was changed after export. Export a fresh bundle; the plugin refuses unchecked files.'
    );
  }
  if (bundleChecksum(value) !== value.checksum) {
    return refuse(
      'checksum-mismatch',
      'The bundle was changed after it was exported: its content no longer matches its checksum (sha256). Restoring it could write rules or routes nobody reviewed, so it is refused. Restore an unmodified bundle, or export a fresh one.'
    );
  }
  const problems = structureProblems(value);
  if (problems.length > 0) {
    return { ok: false, problems: problems.map((p) => ({ ...p, message: `${p.message} ${NOTHING_WRITTEN}` })) };
  }
  const bundle = value as unknown as BackupBundle;
  const warnings: BundleWarning[] = [];
  const versionWarning = pluginVersionWarning(bundle.plugin.version, target.pluginVersion);
  if (versionWarning) {
    warnings.push(versionWarning);
  }
  let foreignOrg: { from: { id: number; name: string }; message: string } | undefined;
  if (bundle.org.id !== target.org.id) {
    const message = `This bundle was exported from organization ${bundle.org.id} ("${bundle.org.name}"); you are signed in to organization ${target.org.id} ("${target.org.name}"). Restoring copies the plugin's alert rules, contact point, notification route, maintenance windows and app settings into this organization, and re-imports the dashboards here; the source organization is not touched. Rules query datasources by uid, so each one must exist in this organization (the plan checks it). Tick the confirmation to continue.`;
    foreignOrg = { from: bundle.org, message };
    warnings.push({ code: 'foreign-org', message });
  }
  return { ok: true, bundle, warnings, foreignOrg };
}

function pluginVersionWarning(bundleVersion: string, installed: string): BundleWarning | undefined {
  const order = compareVersions(bundleVersion, installed);
  if (order === undefined) {
    return bundleVersion === installed
      ? undefined
      : {
          code: 'unknown-plugin-version',
          message: `The bundle was made by plugin version "${bundleVersion}" and this is "${installed}"; one of them is not a release version, so they cannot be compared. The format is the same, so the bundle restores as it is.`,
        };
  }
  if (order < 0) {
    return {
      code: 'older-plugin',
      message: `This bundle was made by an older plugin version (${bundleVersion}; installed: ${installed}). Its format is the same, so nothing needs migrating: alert rules, notification objects and settings are restored exactly as ${bundleVersion} left them. Rule bodies generated by ${installed} may differ (queries, thresholds, annotations): run Setup after restoring to see and apply those updates, which keep rules you edited in Grafana. Dashboards are re-imported from the installed plugin (${installed}), not from the bundle.`,
    };
  }
  if (order > 0) {
    return {
      code: 'newer-plugin',
      message: `This bundle was made by a newer plugin version (${bundleVersion}; installed: ${installed}). Its format is one this version reads, so it restores as it is; rules are written exactly as ${bundleVersion} made them, and Setup in this version may later plan them back to ${installed}'s bodies. Dashboards are re-imported from the installed plugin: ones that ${bundleVersion} added are skipped (the plan lists them). Updating the plugin first is simpler.`,
    };
  }
  return undefined;
}

function structureProblems(value: Record<string, unknown>): BundleProblem[] {
  const problems: BundleProblem[] = [];
  const malformed = (message: string) => problems.push({ code: 'malformed', message });
  const scope = (message: string) => problems.push({ code: 'out-of-scope', message });
  const org = value.org;
  if (!isRecord(org) || typeof org.id !== 'number' || typeof org.name !== 'string') {
    malformed('The bundle does not say which organization it came from (org.id, org.name).');
  }
  if (!isRecord(value.plugin) || typeof value.plugin.version !== 'string') {
    malformed('The bundle does not say which plugin version made it (plugin.version).');
  }
  const content = value.content;
  if (!isRecord(content)) {
    malformed('The bundle has no "content".');
    return problems;
  }
  for (const key of ['ruleGroups', 'contactPoints', 'muteTimings', 'dashboards'] as const) {
    if (!Array.isArray(content[key])) {
      malformed(`content.${key} must be a list.`);
    }
  }
  if (!isRecord(content.appSettings) || !isRecord(content.appSettings.jsonData)) {
    malformed('content.appSettings.jsonData must be an object.');
  } else {
    // As strictly as the configuration page and Setup check what they save: restore writes these as they are.
    for (const problem of readAppJsonData(content.appSettings.jsonData).problems) {
      malformed(`In the bundle's app settings: ${problem}`);
    }
    const saved = readSavedChoices(content.appSettings.jsonData);
    if (saved.status === 'invalid') {
      malformed(`In the bundle's app settings: ${saved.problem}`);
    }
  }
  if (problems.length > 0) {
    return problems;
  }
  const seenUids = new Set<string>();
  for (const [g, group] of (content.ruleGroups as unknown[]).entries()) {
    if (!isRecord(group) || typeof group.title !== 'string' || group.title === '' || !Array.isArray(group.rules)) {
      malformed(`Rule group ${g + 1} needs a title and a list of rules.`);
      continue;
    }
    if (group.folderUid !== FSM_FOLDER_UID) {
      scope(
        `Rule group "${group.title}" is in folder "${String(group.folderUid)}": restore only writes into the plugin's folder "${FSM_FOLDER_UID}".`
      );
    }
    if (group.title.length > MAX_TITLE) {
      malformed(
        `Rule group "${group.title.slice(0, 40)}…" has a name over ${MAX_TITLE} characters, which Grafana refuses.`
      );
    }
    // Grafana refuses an interval off the scheduler's grid with a 400 (ValidateRuleGroupInterval): found here,
    // before any write, a restore never stops half-way on it.
    if (
      typeof group.interval !== 'number' ||
      !Number.isInteger(group.interval) ||
      group.interval <= 0 ||
      group.interval % SCHEDULER_BASE_INTERVAL_SECONDS !== 0
    ) {
      malformed(
        `Rule group "${group.title}" has the interval ${JSON.stringify(group.interval)}: Grafana needs whole seconds, a multiple of ${SCHEDULER_BASE_INTERVAL_SECONDS}.`
      );
    }
    for (const rule of group.rules as unknown[]) {
      if (
        !isRecord(rule) ||
        typeof rule.uid !== 'string' ||
        typeof rule.title !== 'string' ||
        !Array.isArray(rule.data)
      ) {
        malformed(`A rule in group "${group.title}" lacks a uid, title or queries.`);
        continue;
      }
      for (const problem of ruleProblems(rule)) {
        malformed(`Rule "${rule.title}" (${rule.uid}): ${problem}`);
      }
      if (seenUids.has(rule.uid)) {
        malformed(`The rule uid "${rule.uid}" appears twice in the bundle.`);
      }
      seenUids.add(rule.uid);
      if (!UID.test(rule.uid) || !rule.uid.startsWith(FSM_RULE_UID_PREFIX)) {
        scope(
          `Rule "${rule.title}" has uid "${rule.uid}": restore only writes the plugin's own rules (uids starting with "${FSM_RULE_UID_PREFIX}").`
        );
      }
      if (
        (rule.folderUID !== undefined && rule.folderUID !== group.folderUid) ||
        (rule.ruleGroup !== undefined && rule.ruleGroup !== group.title)
      ) {
        malformed(
          `Rule "${rule.title}" says it belongs to ${String(rule.folderUID)}/${String(rule.ruleGroup)}, not to the group it is listed in.`
        );
      }
    }
  }
  if ((content.contactPoints as unknown[]).length > 1) {
    malformed('The bundle lists more than one contact point; the plugin creates only one.');
  }
  for (const cp of content.contactPoints as unknown[]) {
    if (
      !isRecord(cp) ||
      typeof cp.name !== 'string' ||
      cp.name.trim() === '' ||
      typeof cp.type !== 'string' ||
      !isRecord(cp.settings)
    ) {
      malformed('A contact point lacks a name, type or settings.');
      continue;
    }
    if (cp.uid !== FSM_CONTACT_POINT_UID) {
      scope(
        `Contact point "${cp.name}" is not the plugin's (uid ${String(cp.uid)}): restore only writes "${FSM_CONTACT_POINT_UID}".`
      );
    }
    if (!Array.isArray(cp.secretKeys) || cp.secretKeys.some((k) => typeof k !== 'string')) {
      malformed(`Contact point "${cp.name}" must list its secretKeys.`);
    }
  }
  if (content.policy !== null && content.policy !== undefined) {
    if (!isRecord(content.policy) || !isManagedRoute(content.policy)) {
      scope(
        'The notification route in the bundle is not the plugin\'s own (fsm_managed="true", narrowed at most by severity and layer): restore only writes the plugin\'s own route.'
      );
    }
  }
  for (const mt of content.muteTimings as unknown[]) {
    if (!isRecord(mt) || typeof mt.name !== 'string' || !Array.isArray(mt.time_intervals)) {
      malformed('A mute timing lacks a name or time_intervals.');
    }
  }
  for (const d of content.dashboards as unknown[]) {
    if (!isRecord(d) || typeof d.uid !== 'string' || typeof d.path !== 'string') {
      malformed('A dashboard entry lacks a uid or path.');
      continue;
    }
    if (!/^dashboards\/[A-Za-z0-9._-]+\.json$/.test(d.path)) {
      scope(`Dashboard "${d.uid}" has path "${d.path}": restore only imports the plugin's own dashboards/*.json.`);
    }
  }
  return problems;
}

const MAX_TITLE = 190;
const NO_DATA_STATES = ['Alerting', 'NoData', 'OK', 'KeepLast'];
const ERROR_STATES = ['OK', 'Alerting', 'Error', 'KeepLast'];

/**
 * What Grafana's rule validation (ValidateAlertRule, AlertQuery.PreSave; 11.6–main) would refuse with a 400,
 * found before any write so a restore never stops half-way.
 */
function ruleProblems(rule: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const title = String(rule.title);
  if (title.length === 0 || title.length > MAX_TITLE) {
    problems.push(`the title must be 1–${MAX_TITLE} characters.`);
  }
  const refIds = new Set<string>();
  for (const [i, q] of (rule.data as unknown[]).entries()) {
    if (
      !isRecord(q) ||
      typeof q.refId !== 'string' ||
      q.refId === '' ||
      typeof q.datasourceUid !== 'string' ||
      !isRecord(q.model)
    ) {
      problems.push(`query ${i + 1} needs a refId, a datasourceUid and a model.`);
      continue;
    }
    refIds.add(q.refId);
    const range = q.relativeTimeRange;
    if (
      q.datasourceUid !== '__expr__' &&
      !(isRecord(range) && typeof range.from === 'number' && typeof range.to === 'number' && range.from > range.to)
    ) {
      problems.push(`query ${q.refId} needs a relativeTimeRange with from greater than to (seconds).`);
    }
  }
  if ((rule.data as unknown[]).length === 0) {
    problems.push('it has no queries.');
  }
  if (typeof rule.condition !== 'string' || !refIds.has(rule.condition)) {
    problems.push(`its condition ${JSON.stringify(rule.condition)} is not one of its queries.`);
  }
  if (rule.noDataState !== undefined && !NO_DATA_STATES.includes(String(rule.noDataState))) {
    problems.push(`noDataState ${JSON.stringify(rule.noDataState)} is not one of ${NO_DATA_STATES.join(', ')}.`);
  }
  if (rule.execErrState !== undefined && !ERROR_STATES.includes(String(rule.execErrState))) {
    problems.push(`execErrState ${JSON.stringify(rule.execErrState)} is not one of ${ERROR_STATES.join(', ')}.`);
  }
  if (rule.for !== undefined && promDurationMs(rule.for) === undefined) {
    problems.push(`"for" ${JSON.stringify(rule.for)} is not a duration.`);
  }
  for (const field of ['labels', 'annotations'] as const) {
    const map = rule[field];
    if (
      map !== undefined &&
      map !== null &&
      (!isRecord(map) || Object.values(map).some((v) => typeof v !== 'string'))
    ) {
      problems.push(`${field} must map names to text.`);
    }
  }
  return problems;
}

function describeForeignFile(value: unknown): string {
  if (isRecord(value)) {
    if (Array.isArray(value.panels) || isRecord(value.dashboard)) {
      return 'This is a Grafana dashboard JSON, not a Full-Stack Monitoring backup bundle.';
    }
    if (Array.isArray(value.groups) && 'apiVersion' in value) {
      return "This looks like Grafana's alerting export (provisioning file), not a Full-Stack Monitoring backup bundle.";
    }
    if (typeof value.format === 'string') {
      return `This file's format is "${value.format}", not "${BUNDLE_FORMAT}".`;
    }
  }
  return 'This file is not a Full-Stack Monitoring backup bundle (it has no "format": "' + BUNDLE_FORMAT + '").';
}

function refuse(code: BundleProblemCode, message: string): BundleValidation {
  return { ok: false, problems: [{ code, message: `${message} ${NOTHING_WRITTEN}` }] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
