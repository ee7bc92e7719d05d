import { InventoryError, type VectorSample } from './prometheus-api';

/**
 * Pushgateway groups: when each batch job last pushed and whether its last push failed. Read from
 * Prometheus (the `push_time_seconds` / `push_failure_time_seconds` series the Pushgateway
 * exposes per group), or from the Pushgateway's own `/api/v1/metrics` when Prometheus has none.
 */

export const PUSH_GROUPS_QUERY = '{__name__=~"push_time_seconds|push_failure_time_seconds"}';

export interface PushGroup {
  job: string;
  instance: string;
  /** Grouping labels beyond job and instance, as `name="value"` pairs. */
  otherLabels: string;
  /** Epoch ms of the last successful push; null when the group never succeeded. */
  lastPushMs: number | null;
  /** Epoch ms of the last failed push; null when none failed. */
  lastFailureMs: number | null;
  /** The last push failed (a failure newer than the last success). */
  failing: boolean;
}

const SERIES_ONLY_LABELS = new Set(['__name__']);

/** Groups from the answer to PUSH_GROUPS_QUERY. */
export function pushGroupsFromVector(samples: readonly VectorSample[]): PushGroup[] {
  const groups = new Map<string, { labels: Record<string, string>; push?: number; failure?: number }>();
  for (const { metric, value } of samples) {
    const labels: Record<string, string> = {};
    for (const key of Object.keys(metric).sort()) {
      if (!SERIES_ONLY_LABELS.has(key)) {
        labels[key] = metric[key];
      }
    }
    const key = JSON.stringify(labels);
    const group = groups.get(key) ?? { labels };
    const seconds = value ? Number(value[1]) : NaN;
    if (metric.__name__ === 'push_time_seconds') {
      group.push = seconds;
    } else if (metric.__name__ === 'push_failure_time_seconds') {
      group.failure = seconds;
    }
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => toGroup(g.labels, g.push, g.failure)).sort(compareGroups);
}

interface PushgatewayApiGroup {
  labels?: Record<string, string>;
  push_time_seconds?: { metrics?: Array<{ value?: string }> };
  push_failure_time_seconds?: { metrics?: Array<{ value?: string }> };
}

/** Groups from the Pushgateway's `GET /api/v1/metrics` `data`. */
export function pushGroupsFromPushgatewayApi(data: unknown): PushGroup[] {
  if (!Array.isArray(data)) {
    throw new InventoryError(
      'not-prometheus',
      "The Pushgateway's /api/v1/metrics answer is not a list of groups. Check the Pushgateway URL."
    );
  }
  return (data as PushgatewayApiGroup[])
    .filter((g) => g && typeof g === 'object' && g.labels && typeof g.labels === 'object')
    .map((g) =>
      toGroup(
        g.labels!,
        Number(g.push_time_seconds?.metrics?.[0]?.value),
        Number(g.push_failure_time_seconds?.metrics?.[0]?.value)
      )
    )
    .sort(compareGroups);
}

function toGroup(labels: Record<string, string>, push: number | undefined, failure: number | undefined): PushGroup {
  const { job = '', instance = '', ...rest } = labels;
  const lastPushMs = toMs(push);
  const lastFailureMs = toMs(failure);
  return {
    job,
    instance,
    otherLabels: Object.entries(rest)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(', '),
    lastPushMs,
    lastFailureMs,
    failing: lastFailureMs !== null && (lastPushMs === null || lastFailureMs > lastPushMs),
  };
}

// The Pushgateway reports 0 for "never".
function toMs(seconds: number | undefined): number | null {
  return seconds !== undefined && Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : null;
}

function compareGroups(a: PushGroup, b: PushGroup): number {
  return (
    Number(b.failing) - Number(a.failing) ||
    (a.job < b.job ? -1 : a.job > b.job ? 1 : 0) ||
    (a.instance < b.instance ? -1 : a.instance > b.instance ? 1 : 0)
  );
}
