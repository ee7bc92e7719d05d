import type { AppJsonData } from '../types';
import { DEFAULT_CLUSTER_LABEL } from '../constants';
import { labelNameError, parseReplicaLabels } from './prometheusLabel';

/** Grafana's uid rule (util.IsValidShortUID / IsShortUIDTooLong, pkg/util/shortid_generator.go). */
const UID = /^[a-zA-Z0-9_-]{1,40}$/;

/**
 * The app's jsonData as the pages may use it, checked as strictly as the configuration page checks
 * what it saves: jsonData can also be provisioned from a file or restored from a bundle, and a
 * crafted cluster label would otherwise reach PromQL (`cluster=~"…" or vector(1)` makes every
 * health check pass). A value that fails is dropped, and a problem says which and what to do.
 */
export function readAppJsonData(raw: unknown): { jsonData: AppJsonData; problems: string[] } {
  const source = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const jsonData: AppJsonData = { ...source };
  const problems: string[] = [];
  const uid = source.prometheusDatasourceUid;
  if (uid !== undefined && (typeof uid !== 'string' || !UID.test(uid))) {
    delete jsonData.prometheusDatasourceUid;
    problems.push(
      `The saved Prometheus datasource uid ${JSON.stringify(uid)} is not a Grafana uid (up to 40 letters, digits, "-" or "_"): choose the datasource again on the configuration page.`
    );
  }
  const label = source.clusterLabel;
  // The config page's rule (labelNameError); an empty label means the default.
  if (label !== undefined && label !== '' && (typeof label !== 'string' || labelNameError(label))) {
    delete jsonData.clusterLabel;
    problems.push(
      `The saved cluster label ${JSON.stringify(label)} is not a Prometheus label name (letters, digits and "_", not starting with a digit or "__"), so it is ignored and "cluster" is used: correct it on the configuration page.`
    );
  }
  // Setup's rules and the Health page's queries are built from them; the config page never saves an empty list.
  const replicaLabels = source.replicaLabels;
  if (replicaLabels !== undefined) {
    const names = Array.isArray(replicaLabels) ? replicaLabels : [];
    const error =
      names.length === 0 || !names.every((l) => typeof l === 'string' && !labelNameError(l))
        ? 'not a list of Prometheus label names.'
        : parseReplicaLabels(names.join(','), jsonData.clusterLabel || DEFAULT_CLUSTER_LABEL).error;
    if (error) {
      delete jsonData.replicaLabels;
      problems.push(
        `The saved replica labels ${JSON.stringify(replicaLabels)} are ignored and the defaults used: ${error} Correct them on the configuration page.`
      );
    }
  }
  return { jsonData, problems };
}
