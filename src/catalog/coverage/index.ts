import { blackboxCoverage } from './blackbox';
import { chronyCoverage } from './chrony';
import { dnsCoverage } from './dns';
import { haproxyCoverage } from './haproxy';
import { haproxyExporterCoverage } from './haproxy-exporter';
import { keepalivedCoverage } from './keepalived';
import { nodeCoverage } from './node';
import { pushgatewayCoverage } from './pushgateway';
import type { ExporterCoverage } from './types';

/** Coverage by exporter id, for the exporters whose references have been compared so far. */
export const COVERAGE: Record<string, ExporterCoverage> = {
  blackbox: blackboxCoverage,
  chrony: chronyCoverage,
  dns: dnsCoverage,
  haproxy: haproxyCoverage,
  'haproxy-exporter': haproxyExporterCoverage,
  keepalived: keepalivedCoverage,
  node: nodeCoverage,
  pushgateway: pushgatewayCoverage,
};
