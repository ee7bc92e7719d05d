/**
 * What our packs cannot see on the test stack, each for a reason the stack has (not a defect of the
 * rule): the rule doctor may report these for our packs, and nothing else. Shared by the integration
 * test (tests/integration/rule-doctor.test.ts) and the browser journey (rule-doctor.journey.ts).
 * Keys: "<alert>: metric-absent <selector>".
 */
export const BLIND_ON_THIS_STACK: Record<string, string> = {
  'NodeSystemdServiceFailed: metric-absent node_systemd_unit_state{state="failed"}':
    'the stack runs node_exporter with --no-collector.systemd (no system dbus here)',
  'PostgresReplicationLag: metric-absent pg_replication_lag_seconds':
    'no standby: postgres_exporter 0.11 emits it only for one',
  'PostgresReplicationLag: metric-absent pg_replication_lag': 'no standby',
  'PostgresReplicationLagCritical: metric-absent pg_replication_lag_seconds': 'no standby',
  'PostgresReplicationLagCritical: metric-absent pg_replication_lag': 'no standby',
  'PostgresRestarted: metric-absent pg_postmaster_start_time_seconds':
    'postgres_exporter 0.11 has it only from the sample queries.yaml, which the stack does not load (src/catalog/evidence/postgres.ts)',
  'RabbitmqClusterPeersUnreachable: metric-absent rabbitmq_unreachable_cluster_peers_count':
    'Debian’s RabbitMQ 3.10 has no such gauge: the dynamic collector came with 3.12.5 (src/catalog/evidence/rabbitmq.ts)',
};

/** Whether a finding as the Health page words it ("<alert> … <selector> matches no series: Prometheus has no such metric") is one of these. */
export function blindOnThisStack(findingText: string): boolean {
  return Object.keys(BLIND_ON_THIS_STACK).some((key) => {
    const [, alert, selector] = /^(\S+): metric-absent (.+)$/.exec(key)!;
    return (
      findingText.startsWith(`${alert} `) &&
      findingText.includes(`${selector} matches no series: Prometheus has no such metric`)
    );
  });
}
