/**
 * Alert summaries and descriptions are Go templates, expanded by Prometheus and by Grafana. The
 * catalog restricts them to `{{ $labels.<name> }}` so that one text works in both engines, and so
 * that the expected annotations of a promtool test can be computed here without a Go runtime.
 */

// A label reference as Go's text/template parses it: optional spaces, no trim markers (`{{-`), and
// optionally piped to text/template's built-in `urlquery`, for values that go into a link.
const LABEL_ACTION = /\{\{\s*\$labels\.([a-zA-Z_][a-zA-Z0-9_]*)\s*(\|\s*urlquery\s*)?\}\}/y;

/** The label names a template refers to, in order of appearance; throws on any other template action. */
export function templateLabelNames(template: string, where = 'template'): string[] {
  const names: string[] = [];
  let at = template.indexOf('{{');
  while (at !== -1) {
    LABEL_ACTION.lastIndex = at;
    const match = LABEL_ACTION.exec(template);
    if (!match) {
      const end = template.indexOf('}}', at);
      const action = end === -1 ? template.slice(at) : template.slice(at, end + 2);
      throw new Error(
        `${where} uses the template action ${JSON.stringify(action)}: only {{ $labels.<name> }} is allowed, ` +
          'so that the same text renders alike in Prometheus and Grafana and in promtool tests. ' +
          'Put values such as $value in a dashboard panel instead.'
      );
    }
    names.push(match[1]);
    at = template.indexOf('{{', at + match[0].length);
  }
  return names;
}

/** Throws unless every template action is `{{ $labels.<name> }}`. */
export function assertLabelsOnlyTemplate(template: string, where = 'template'): void {
  templateLabelNames(template, where);
}

/**
 * Expands `{{ $labels.<name> }}` as Prometheus does: it runs text/template with `missingkey=zero`
 * over a map of strings, so a missing label becomes the empty string, and it does not HTML-escape.
 */
export function renderLabelTemplate(
  template: string,
  labels: Readonly<Record<string, string>>,
  where = 'template'
): string {
  assertLabelsOnlyTemplate(template, where);
  return template.replace(new RegExp(LABEL_ACTION.source, 'g'), (_action, name: string, urlquery?: string) => {
    const value = Object.prototype.hasOwnProperty.call(labels, name) ? labels[name] : '';
    return urlquery ? goQueryEscape(value) : value;
  });
}

/**
 * Go's url.QueryEscape, what text/template's `urlquery` does: everything but letters, digits and
 * `-_.~` is percent-encoded (upper-case hex, UTF-8), a space becomes "+". Prometheus' label values
 * are valid UTF-8; a lone surrogate here is encoded as U+FFFD, as Go would see it.
 */
export function goQueryEscape(value: string): string {
  const wellFormed = value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return encodeURIComponent(wellFormed)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}
