import { fortigateCoverage } from './fortigate';
import { iloCoverage } from './ilo';
import { netdataCoverage } from './netdata';
import { nodeCoverage } from './node';
import { telegrafCoverage } from './telegraf';
import { truenasCoverage } from './truenas';
import { vmwareCoverage } from './vmware';
import type { ExporterCoverage } from './types';

/** Coverage by exporter id, for the exporters whose references have been compared so far. */
export const COVERAGE: Record<string, ExporterCoverage> = {
  fortigate: fortigateCoverage,
  ilo: iloCoverage,
  netdata: netdataCoverage,
  node: nodeCoverage,
  telegraf: telegrafCoverage,
  truenas: truenasCoverage,
  vmware: vmwareCoverage,
};
