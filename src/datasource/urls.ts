// What makes a URL unusable as a base for the proxy routes. The config page shows it under the field;
// Save & test refuses the same URL with the same words, as a saved URL may predate the field's check.

/** Returns why `url` cannot be Prometheus' base URL, or undefined when it can. */
export function prometheusUrlError(url: string): string | undefined {
  return baseUrlError(url, 'prometheus:9090');
}

export function alertmanagerUrlError(url: string): string | undefined {
  return baseUrlError(url, 'alertmanager:9093');
}

export function pushgatewayUrlError(url: string): string | undefined {
  return baseUrlError(url, 'pushgateway:9091');
}

function baseUrlError(url: string, example: string): string | undefined {
  if (url === '') {
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `Enter a full URL, e.g. http://${example}.`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return 'Use an http:// or https:// URL.';
  }
  if (url.endsWith('/')) {
    // Prometheus redirects the resulting //api/v1/… instead of answering it.
    return 'Leave out the trailing "/": the proxy routes append /api/v1/… to the URL, and "//api" is not Prometheus\' API.';
  }
  if (parsed.username || parsed.password) {
    return 'Do not put credentials in the URL (they would be visible to every user): use Authentication below.';
  }
  if (/\/api\/v[12]\/?$/.test(parsed.pathname)) {
    return 'Enter the base URL, without /api/v1.';
  }
  return undefined;
}
