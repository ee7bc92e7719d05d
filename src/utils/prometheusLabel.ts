const LABEL_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Returns why `name` cannot be a Prometheus label name, or undefined when it can. */
export function labelNameError(name: string): string | undefined {
  if (name === '') {
    return 'Enter a label name, for example "cluster" or "datacenter".';
  }
  if (!LABEL_NAME_PATTERN.test(name)) {
    return 'A Prometheus label name starts with a letter or "_" and contains only letters, digits and "_".';
  }
  if (name.startsWith('__')) {
    return 'Label names starting with "__" are reserved for Prometheus\' internal use; choose another.';
  }
  return undefined;
}

/**
 * The replica labels typed as a comma-separated list (`replica, prometheus_replica`): each must be a
 * label name, none twice, and none the cluster label (dropping that would fold datacenters together).
 */
export function parseReplicaLabels(text: string, clusterLabel: string): { labels: string[]; error?: string } {
  const labels = text
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  if (labels.length === 0) {
    return { labels, error: 'Enter at least one label name, for example "replica".' };
  }
  for (const label of labels) {
    const error = labelNameError(label);
    if (error) {
      return { labels, error: `"${label}": ${error}` };
    }
  }
  const twice = labels.find((l, i) => labels.indexOf(l) !== i);
  if (twice) {
    return { labels, error: `"${twice}" is listed twice.` };
  }
  if (labels.includes(clusterLabel)) {
    return {
      labels,
      error: `"${clusterLabel}" is the cluster label: alerts would no longer tell your clusters apart.`,
    };
  }
  return { labels };
}
