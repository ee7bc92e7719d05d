import type { GrafanaApi } from '../grafana-api/types';
import { FSM_FOLDER_UID, FSM_RULE_UID_PREFIX } from './desired-state';
import { summariseProvenance, type ExistingProvenance } from './provenance';

/**
 * How the plugin's rules were written before (`none` = editable, `api` = read-only, `absent` =
 * never), so the Setup page can preselect the "editable in Grafana" choice and lock it.
 */
export async function detectRuleProvenance(api: GrafanaApi, folderUid = FSM_FOLDER_UID): Promise<ExistingProvenance> {
  const rules = await api.listAlertRules();
  return summariseProvenance(
    rules.filter((r) => r.folderUID === folderUid && r.uid.startsWith(FSM_RULE_UID_PREFIX)).map((r) => r.provenance)
  );
}
