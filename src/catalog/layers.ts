import type { Layer, LayerId } from './types';

export const LAYERS: readonly Layer[] = [
  {
    id: 'infrastructure',
    title: 'Infrastructure',
    order: 1,
    icon: 'server',
    description: 'Hosts and probes: CPU, memory, disks, network, synthetic HTTP/TCP/ICMP checks.',
  },
  {
    id: 'data',
    title: 'Data & storage',
    order: 2,
    icon: 'database',
    description: 'Databases: connections, query throughput, cache hit ratio, replication lag.',
  },
  {
    id: 'message',
    title: 'Messages & events',
    order: 3,
    icon: 'exchange-alt',
    description: 'Queues and streams: depth, throughput, consumer lag, broker health.',
  },
  {
    id: 'network',
    title: 'Network & services',
    order: 4,
    icon: 'sitemap',
    description: 'Load balancers, high availability, firewalls and DNS resolution.',
  },
  {
    id: 'specialized',
    title: 'Specialized',
    order: 5,
    icon: 'cube',
    description: 'Virtualization, storage appliances, server hardware, time sync and JVM applications.',
  },
  {
    id: 'core',
    title: 'Monitoring stack',
    order: 6,
    icon: 'heart-rate',
    description: 'The monitors themselves: Prometheus, Alertmanager, Pushgateway and Grafana.',
  },
];

export function getLayer(id: LayerId): Layer {
  const layer = LAYERS.find((l) => l.id === id);
  if (!layer) {
    throw new Error(`Unknown layer "${id}"`);
  }
  return layer;
}
