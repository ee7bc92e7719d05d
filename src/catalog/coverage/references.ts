import type { Reference } from './types';

/** awesome-prometheus-alerts as read for issue 16: one commit for every table. */
export const APA_COMMIT = 'a8533189af0246de5e21a6d8d25bd37816894f07';
export const APA_URL = `https://github.com/samber/awesome-prometheus-alerts/blob/${APA_COMMIT}/_data/rules.yml`;

/** awesome-prometheus-alerts' rules.yml, with the set a table compares named in the title. */
export const apaReference = (title: string): Reference => ({
  id: 'apa',
  title: `awesome-prometheus-alerts, ${title}`,
  kind: 'alert collection',
  url: APA_URL,
  version: `${APA_COMMIT.slice(0, 7)} (2026-08-01)`,
});

const BLACKBOX_MIXIN_COMMIT = 'ebfda88e25f7f083a3896a122cb165cc5e341c03';

/** adinhodovic/blackbox-exporter-mixin: its alerts and the dashboard it builds (the blackbox and dns tables). */
export const blackboxMixinReference = (title: string): Reference => ({
  id: 'mixin',
  title,
  kind: 'mixin',
  url: `https://github.com/adinhodovic/blackbox-exporter-mixin/tree/${BLACKBOX_MIXIN_COMMIT}`,
  version: `${BLACKBOX_MIXIN_COMMIT.slice(0, 7)} (2025-09-08; alerts/alerts.libsonnet, dashboards_out/blackbox-exporter.json)`,
});
