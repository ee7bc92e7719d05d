import type { AlertRulePayload, ProvisionedAlertRule } from '../grafana-api/types';
import { promDurationMs } from '../utils/durations';

/*
 * The content hash that lets a plan tell "a user changed this rule in Grafana since we wrote it"
 * (the rule's content no longer matches the hash stored on it) from "we want something new" (the
 * stored hash differs from the desired one). It covers only the fields the plugin owns, normalised
 * the way Grafana stores them, so Grafana's own additions never count as a change.
 */

/** The annotation holding the hash of the content we wrote. */
export const CONTENT_HASH_ANNOTATION = 'fsm_content_hash';
/** Bumped if the normalisation changes, so old hashes read as "written by another version", not as user edits. */
const HASH_VERSION = 'v1';

/** Defaults Grafana writes into every query model on save (AlertQuery.PreSave). */
const MODEL_DEFAULTS: Record<string, unknown> = { intervalMs: 1000, maxDataPoints: 43200 };

/** Fields of a rule the plugin owns; everything else on a rule (e.g. notification_settings) is the user's. */
export const OWNED_RULE_FIELDS = [
  'title',
  'condition',
  'data',
  'noDataState',
  'execErrState',
  'for',
  'labels',
  'annotations',
  'isPaused',
] as const;

/** Server-managed fields, never sent back. */
export const READ_ONLY_RULE_FIELDS = ['id', 'updated', 'provenance'] as const;

type RuleLike = AlertRulePayload | ProvisionedAlertRule;

export interface OwnedRuleContent {
  title: string;
  condition: string;
  data: Array<{
    refId: string;
    datasourceUid: string;
    relativeTimeRange: { from: number; to: number };
    model: Record<string, unknown>;
  }>;
  noDataState: string;
  execErrState: string;
  /** Seconds: Grafana prints `300s` back as `5m`. */
  for: number | string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  isPaused: boolean;
}

export function ownedContent(rule: RuleLike): OwnedRuleContent {
  const { [CONTENT_HASH_ANNOTATION]: _hash, ...annotations } = rule.annotations ?? {};
  return {
    title: rule.title,
    condition: rule.condition,
    data: (rule.data ?? []).map((q) => ({
      refId: q.refId,
      datasourceUid: q.datasourceUid,
      relativeTimeRange: { from: q.relativeTimeRange?.from ?? 0, to: q.relativeTimeRange?.to ?? 0 },
      model: normaliseModel(q.model as Record<string, unknown>),
    })),
    noDataState: rule.noDataState,
    execErrState: rule.execErrState,
    for: durationSeconds(rule.for) ?? rule.for,
    labels: { ...(rule.labels ?? {}) },
    annotations,
    isPaused: rule.isPaused === true,
  };
}

export function ruleContentHash(rule: RuleLike): string {
  return `${HASH_VERSION}-${cyrb53(stableStringify(ownedContent(rule)))}`;
}

/** The hash the plugin stored on the rule when it wrote it, if any. */
export function storedContentHash(rule: RuleLike): string | undefined {
  return rule.annotations?.[CONTENT_HASH_ANNOTATION];
}

/** The rule with its content hash annotation set (what the plugin writes). */
export function withContentHash<T extends RuleLike>(rule: T): T {
  return { ...rule, annotations: { ...rule.annotations, [CONTENT_HASH_ANNOTATION]: ruleContentHash(rule) } };
}

export interface FieldChange {
  /** Human-readable field name: "threshold", "query (A)", "label severity", "for". */
  field: string;
  /** Dotted path into the rule, for tooltips and tests. */
  path: string;
  /** Values as short strings; undefined when the field is absent on that side. */
  from?: string;
  to?: string;
}

/** Field-level differences between two rules' owned content, `from` → `to`. */
export function diffRules(from: RuleLike, to: RuleLike): FieldChange[] {
  return diffFlat(flattenContent(ownedContent(from)), flattenContent(ownedContent(to)));
}

export function diffFlat(from: Map<string, string>, to: Map<string, string>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const path of new Set([...from.keys(), ...to.keys()])) {
    if (from.get(path) !== to.get(path)) {
      changes.push({ field: fieldName(path), path, from: from.get(path), to: to.get(path) });
    }
  }
  return changes;
}

function flattenContent(content: OwnedRuleContent): Map<string, string> {
  const out = new Map<string, string>();
  const { data, ...rest } = content;
  flatten(rest, '', out);
  for (const query of data) {
    const { refId, ...q } = query;
    flatten(q, `data.${refId}`, out);
  }
  return out;
}

/** Leaf values by dotted path. Exported for the notification diff, which uses the same display. */
export function flatten(value: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) {
      out.set(prefix, value.map(String).join(', '));
      return out;
    }
    value.forEach((v, i) => flatten(v, prefix ? `${prefix}.${i}` : String(i), out));
    return out;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      flatten(v, prefix ? `${prefix}.${key}` : key, out);
    }
    return out;
  }
  if (value !== undefined) {
    out.set(prefix, String(value));
  }
  return out;
}

function fieldName(path: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^data\.([^.]+)\.model\.expr$/.exec(path))) {
    return `query (${m[1]})`;
  }
  if (/\.evaluator\.params(\.\d+)?$/.test(path)) {
    return 'threshold';
  }
  if (/\.evaluator\.type$/.test(path)) {
    return 'comparison';
  }
  if ((m = /^data\.([^.]+)\.datasourceUid$/.exec(path))) {
    return `datasource (${m[1]})`;
  }
  if ((m = /^(labels|annotations)\.(.+)$/.exec(path))) {
    return `${m[1] === 'labels' ? 'label' : 'annotation'} ${m[2]}`;
  }
  if (path === 'for') {
    return 'pending period (for)';
  }
  return path;
}

function normaliseModel(model: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(model)) {
    if (value === undefined || (key in MODEL_DEFAULTS && MODEL_DEFAULTS[key] === value)) {
      continue;
    }
    out[key] = value;
  }
  return out;
}

function durationSeconds(text: unknown): number | undefined {
  const ms = promDurationMs(text);
  return ms === undefined ? undefined : ms / 1000;
}

/** JSON with sorted keys: equal content gives equal text whatever the key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(stableStringify).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** cyrb53: a fast 53-bit string hash. Not for security: it only has to notice edits. */
function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * Differences in the fields outside the plugin's owned content that `want` sets
 * (notification_settings, keep_firing_for…): what a bundle restores besides the content.
 */
export function extrasDiff(have: RuleLike, want: RuleLike): FieldChange[] {
  const skip = new Set<string>([
    ...OWNED_RULE_FIELDS,
    ...READ_ONLY_RULE_FIELDS,
    'uid',
    'folderUID',
    'ruleGroup',
    'orgID',
  ]);
  const changes: FieldChange[] = [];
  for (const key of Object.keys(want).filter((k) => !skip.has(k))) {
    const from = have[key] === undefined ? undefined : stableStringify(have[key]);
    const to = want[key] === undefined ? undefined : stableStringify(want[key]);
    // Grafana fills some of these with empty values on save; an empty value and an absent one are the same.
    if (from !== to && !(isEmptyJson(from) && isEmptyJson(to))) {
      changes.push({ field: key, path: key, from, to });
    }
  }
  return changes;
}

function isEmptyJson(text: string | undefined): boolean {
  return text === undefined || text === '""' || text === 'null' || text === '{}' || text === '[]' || text === 'false';
}
