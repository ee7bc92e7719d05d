import { kafkaEvidence } from './kafka';
import { prometheusEvidence } from './prometheus';
import type { ExporterEvidence } from './types';
import { windowsEvidence } from './windows';

/** Evidence by exporter id, for the exporters that have been read at their source so far. */
export const EVIDENCE: Record<string, ExporterEvidence> = {
  kafka: kafkaEvidence,
  prometheus: prometheusEvidence,
  windows: windowsEvidence,
};
