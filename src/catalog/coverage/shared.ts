import type { Reference } from './types';

/** The grafana/jsonnet-libs commit the mixin rows were read at (main of 2026-08-20). */
export const JSONNET_LIBS_COMMIT = '6da2b4b82e73d1918023586430e00c7ab56976fd';
/** A grafana/jsonnet-libs mixin (or observability library) file or folder as a reference. */
export const jsonnetLibsMixin = (title: string, path: string, read = ''): Reference => ({
  id: 'mixin',
  title,
  kind: 'mixin',
  url: `https://github.com/grafana/jsonnet-libs/${path.includes('.') ? 'blob' : 'tree'}/${JSONNET_LIBS_COMMIT}/${path}`,
  version: `${JSONNET_LIBS_COMMIT.slice(0, 7)} (2026-08-20${read ? `; ${read}` : ''})`,
});
