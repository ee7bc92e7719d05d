import type { Reference } from './types';

/** The grafana/jsonnet-libs commit the mixin rows were read at (main of 2026-08-20). */
export const JSONNET_LIBS_COMMIT = '6da2b4b82e73d1918023586430e00c7ab56976fd';
/** The samber/awesome-prometheus-alerts commit its rules were read at (2026-08-01). */
export const APA_COMMIT = 'a8533189af0246de5e21a6d8d25bd37816894f07';

/** awesome-prometheus-alerts as a reference, `section` naming its part for the exporter. */
export const awesomePrometheusAlerts = (section: string): Reference => ({
  id: 'apa',
  title: `awesome-prometheus-alerts, ${section}`,
  kind: 'alert collection',
  url: `https://github.com/samber/awesome-prometheus-alerts/blob/${APA_COMMIT}/_data/rules.yml`,
  version: `${APA_COMMIT.slice(0, 7)} (2026-08-01)`,
});

/** A grafana/jsonnet-libs mixin (or observability library) file or folder as a reference. */
export const jsonnetLibsMixin = (title: string, path: string, read = ''): Reference => ({
  id: 'mixin',
  title,
  kind: 'mixin',
  url: `https://github.com/grafana/jsonnet-libs/${path.includes('.') ? 'blob' : 'tree'}/${JSONNET_LIBS_COMMIT}/${path}`,
  version: `${JSONNET_LIBS_COMMIT.slice(0, 7)} (2026-08-20${read ? `; ${read}` : ''})`,
});
