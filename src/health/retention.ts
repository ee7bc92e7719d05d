/**
 * Pure (capacity.ts and the generators import it); retention-read.ts does the reading.
 *
 * The retention of each Prometheus server, read from its flags (`GET /api/v1/status/flags`) instead of
 * assumed, and where each number came from.
 *
 * Grafana allows it: a Prometheus datasource's resource route `/api/datasources/uid/<uid>/resources/<path>`
 * sends any path to the datasource's URL with the datasource's credentials and custom headers, and answers
 * with the upstream's status and body (grafana/grafana pkg/promlib/library.go CallResource → resource.go
 * Execute → client/client.go QueryResource, which names `/api/v1/status/flags` among the GET-only
 * endpoints). Viewers may call it: it needs the datasource's query permission, like a panel.
 *
 * Several servers: the app's datasource answers for itself only. Other Prometheus datasources of this
 * Grafana are read too, and matched to the servers a global store holds by their external labels
 * (`global.external_labels` of `/api/v1/status/config`): remote write and /federate add exactly those
 * labels to each edge's series, so `{cluster: dc1, replica: a}` names one edge on the store.
 */
import type { Labels } from './verdict';

/** Prometheus' default --storage.tsdb.retention.time, used when nothing better is known. */
export const DEFAULT_RETENTION_SECONDS = 15 * 86400;

const DURATION_UNITS: Record<string, number> = {
  y: 365 * 86400,
  w: 7 * 86400,
  d: 86400,
  h: 3600,
  m: 60,
  s: 1,
  ms: 0.001,
};

/**
 * Seconds of a Prometheus duration (`15d`, `1w`, `2h30m`: prometheus/common model.ParseDuration, units
 * y w d h m s ms; the flags API prints 7d as `1w`). Undefined when it is not one.
 */
export function parsePrometheusDuration(text: string): number | undefined {
  const parts = [...text.matchAll(/([0-9]+)(ms|y|w|d|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) {
    return undefined;
  }
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * DURATION_UNITS[unit], 0);
}

const BYTE_UNITS = ['B', 'K', 'M', 'G', 'T', 'P', 'E'];

/**
 * Bytes of --storage.tsdb.retention.size as the flags API prints it: alecthomas/units Base2Bytes, powers
 * of 2 whether written `512MB` or `512MiB` (the flag's help in cmd/prometheus/main.go says so), and its
 * String() may chain units (`1GiB512MiB`). Undefined when it is not one.
 */
export function parseBase2Bytes(text: string): number | undefined {
  const parts = [...text.matchAll(/([0-9]+)([KMGTPE]?)(?:i?B)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) {
    return undefined;
  }
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * 1024 ** BYTE_UNITS.indexOf(unit || 'B'), 0);
}

/** What a server's flags say about its retention. */
export interface FlagRetention {
  /** Undefined: no time limit (size retention only). */
  seconds?: number;
  /** The flag the time came from, or why there is none. */
  timeFrom: string;
  /** Undefined or 0: no size limit. */
  sizeBytes?: number;
}

/**
 * The effective retention of a server from its flags, the way Prometheus decides it at start
 * (v2.42.0 – v3.x cmd/prometheus/main.go): --storage.tsdb.retention.time when not 0, else the deprecated
 * --storage.tsdb.retention when not 0, else 15 days unless --storage.tsdb.retention.size is set (then no
 * time limit). Undefined when the flags hold neither time flag: not a Prometheus TSDB (Thanos Query's own
 * flags, for one).
 */
export function retentionFromFlags(flags: Record<string, string>): FlagRetention | undefined {
  const time = flags['storage.tsdb.retention.time'];
  const old = flags['storage.tsdb.retention'];
  if (time === undefined && old === undefined) {
    return undefined;
  }
  const sizeBytes = parseBase2Bytes(flags['storage.tsdb.retention.size'] ?? '');
  const timeSeconds = parsePrometheusDuration(time ?? '');
  const oldSeconds = parsePrometheusDuration(old ?? '');
  if (timeSeconds) {
    return { seconds: timeSeconds, timeFrom: '--storage.tsdb.retention.time', sizeBytes };
  }
  if (oldSeconds) {
    return { seconds: oldSeconds, timeFrom: '--storage.tsdb.retention (deprecated flag)', sizeBytes };
  }
  if (sizeBytes) {
    return { timeFrom: 'no time flag: size retention only', sizeBytes };
  }
  return { seconds: DEFAULT_RETENTION_SECONDS, timeFrom: 'no retention flag set, so Prometheus’ default' };
}

/** One Prometheus datasource's server, as far as its API tells. */
export interface ServerRetention {
  datasourceUid: string;
  datasourceName: string;
  /** The server's external labels: how its series are named on a global store ({} when it has none). */
  externalLabels: Labels;
  /** The port of --web.listen-address: a server scrapes itself there, so its own series have that instance port. */
  listenPort?: string;
  /** Undefined when the flags could not be read or name no retention; `unreadable` says why. */
  retention?: FlagRetention;
  unreadable?: string;
}

/** Where a capacity report's retention came from, in one sentence. */
export interface RetentionChoice {
  seconds: number;
  sizeBytes?: number;
  kind: 'entered' | 'metric' | 'flags' | 'assumed';
  source: string;
}

/**
 * The retention for one server of the capacity plan (its labels as the store shows them): typed by the
 * user; else exported by the server (prometheus_tsdb_retention_limit_seconds, newer Prometheus); else the
 * flags of the datasource that is that server (external labels match; the app's own datasource for series
 * without any of the replica/cluster labels); else assumed, saying why the flags did not tell.
 */
export function chooseRetention(
  labels: Labels,
  servers: readonly ServerRetention[] | undefined,
  { entered, metric, identityLabels }: { entered?: number; metric?: number; identityLabels: readonly string[] }
): RetentionChoice {
  if (entered) {
    return { seconds: entered, kind: 'entered', source: 'entered' };
  }
  if (metric && metric > 0) {
    return {
      seconds: metric,
      kind: 'metric',
      source: 'reported by Prometheus (prometheus_tsdb_retention_limit_seconds)',
    };
  }
  const assumed = (why: string): RetentionChoice => ({
    seconds: DEFAULT_RETENTION_SECONDS,
    kind: 'assumed',
    source: `assumed 15 days: ${why}`,
  });
  if (!servers) {
    return assumed('flags not read yet');
  }
  const [app, ...others] = servers;
  const own = identityLabels.every((name) => !labels[name]);
  const server = own
    ? app
    : others.find(
        (s) =>
          Object.keys(s.externalLabels).length > 0 &&
          Object.entries(s.externalLabels).every(([name, value]) => labels[name] === value)
      );
  if (!server) {
    const who = identityLabels.filter((name) => labels[name]).map((name) => `${name}=${labels[name]}`);
    return assumed(`no Prometheus datasource in this Grafana has the external labels ${who.join(', ')}`);
  }
  // The labels name the server that scraped this series; it describes that server only when the server
  // scraped itself (a Prometheus it scrapes, such as another team's, has other flags).
  const port = /:([0-9]+)$/.exec(labels.instance ?? '')?.[1];
  if (server.listenPort && port && port !== server.listenPort) {
    return assumed(
      `not the server behind “${server.datasourceName}” (that one listens on port ${server.listenPort}), and no other datasource answers for it`
    );
  }
  if (!server.retention) {
    return assumed(`flags not readable through “${server.datasourceName}”: ${server.unreadable}`);
  }
  if (server.retention.seconds === undefined) {
    return {
      seconds: Number.POSITIVE_INFINITY,
      sizeBytes: server.retention.sizeBytes,
      kind: 'flags',
      source: `no time limit (${server.retention.timeFrom}) on “${server.datasourceName}”`,
    };
  }
  return {
    seconds: server.retention.seconds,
    sizeBytes: server.retention.sizeBytes || undefined,
    kind: 'flags',
    source: `from ${server.retention.timeFrom} on “${server.datasourceName}”`,
  };
}

/**
 * `global.external_labels` of the configuration `/api/v1/status/config` returns. Prometheus writes that
 * YAML itself (config.Config.String: gopkg.in/yaml Marshal, v2.42.0 config/config.go), always as
 * `global:` then two-space indented keys and four-space label lines, so a full YAML parser (and its
 * weight in the bundle) is not needed. Quoted values are unquoted.
 */
export function externalLabelsOf(configYaml: string): Labels {
  const block = /^global:\n(?: {2}.*\n)*? {2}external_labels:\n((?: {4}.*\n?)+)/m.exec(configYaml)?.[1] ?? '';
  const labels: Labels = {};
  for (const [, name, raw] of block.matchAll(/^ {4}([a-zA-Z_][a-zA-Z0-9_]*): (.*)$/gm)) {
    labels[name] = /^".*"$/.test(raw) ? (JSON.parse(raw) as string) : raw.replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  }
  return labels;
}
