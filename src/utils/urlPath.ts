/**
 * Names and uids become URL path segments of Grafana's API (`/api/v1/provisioning/mute-timings/<name>`).
 * encodeURIComponent leaves "." alone, and a segment that is "." or ".." is resolved away by the
 * browser, fetch and Grafana's router: `mute-timings/..` would address `/api/v1/provisioning`
 * itself. Such a name is refused before any request, not encoded.
 */
export function pathSegmentError(value: string): string | undefined {
  if (value === '') {
    return 'is empty';
  }
  if (value === '.' || value === '..') {
    return `is "${value}", which a URL reads as "this folder" or "the folder above", so Grafana's API cannot address it: rename it`;
  }
  return undefined;
}

/** One URL path segment from a name or uid; throws for what pathSegmentError refuses. */
export function pathSegment(value: string): string {
  const problem = pathSegmentError(value);
  if (problem) {
    throw new Error(`The name or uid ${JSON.stringify(value)} ${problem}.`);
  }
  return encodeURIComponent(value);
}
