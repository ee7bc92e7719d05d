import React, { useRef, useState } from 'react';
import { Alert, Button, FileUpload, Stack, Text } from '@grafana/ui';
import { userMessageOf } from '../../engine/errors';
import type { GrafanaApi } from '../../grafana-api';
import { BundleRejectedError } from '../../backup/errors';
import { PlanBlockedError } from '../../engine';
import { exportBundle, SECRETS_NOTE } from '../../backup/export';
import { bundleFileName, serialiseBundle, type BackupBundle } from '../../backup/format';
import { applyRestore, planRestore, type RestoreOptions, type RestorePlan } from '../../backup/restore';
import { downloadText, readFileText } from './download';
import { RestorePlanView } from './RestorePlanView';

/*
 * The Backup & restore page body: export downloads one bundle; restore reads a file, shows the
 * plan (validation errors first, nothing written), lets the admin enter secrets, tick overwrites
 * and confirm another organization, then applies. All decisions live in src/backup.
 */

export interface BackupViewProps {
  api: GrafanaApi;
  pluginId: string;
  pluginVersion: string;
}

type ExportState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; fileName: string; bundle: BackupBundle }
  | { status: 'error'; message: string };

type PlanState =
  | { status: 'idle' }
  /** `plan`: the one on screen, kept while its successor is made, so a tick does not blank the page. */
  | { status: 'planning'; plan?: RestorePlan }
  | { status: 'rejected'; messages: string[] }
  | { status: 'error'; message: string }
  | { status: 'ready'; plan: RestorePlan };

type ApplyState =
  | { status: 'idle' }
  | { status: 'running'; label: string; step: number; total: number }
  | { status: 'done'; writes: number }
  | { status: 'error'; message: string };

const NO_OPTIONS: RestoreOptions = {};

function messageOf(error: unknown): string {
  if (error instanceof BundleRejectedError || error instanceof PlanBlockedError) {
    return error.userMessage;
  }
  return userMessageOf(error);
}

export function BackupView({ api, pluginId, pluginVersion }: BackupViewProps) {
  const target = { pluginId, pluginVersion };
  const [exportState, setExportState] = useState<ExportState>({ status: 'idle' });
  const [file, setFile] = useState<{ name: string; text: string }>();
  const [options, setOptions] = useState<RestoreOptions>(NO_OPTIONS);
  const [draftSecrets, setDraftSecrets] = useState<Record<string, Record<string, string>>>({});
  const [planState, setPlanState] = useState<PlanState>({ status: 'idle' });
  const [applyState, setApplyState] = useState<ApplyState>({ status: 'idle' });

  const onExport = async () => {
    setExportState({ status: 'running' });
    try {
      const bundle = await exportBundle(api, { pluginId, pluginVersion });
      const fileName = bundleFileName(bundle);
      downloadText(fileName, serialiseBundle(bundle));
      setExportState({ status: 'done', fileName, bundle });
    } catch (error) {
      setExportState({ status: 'error', message: messageOf(error) });
    }
  };

  // Each plan answers only if no newer one was asked for since (the admin may click faster than Grafana answers).
  const planRun = useRef(0);
  const runPlan = (bundleText: string, next: RestoreOptions) => {
    const run = ++planRun.current;
    setPlanState((current) => ({
      status: 'planning',
      plan: current.status === 'ready' || current.status === 'planning' ? current.plan : undefined,
    }));
    planRestore(api, bundleText, target, next)
      .then((plan) => run === planRun.current && setPlanState({ status: 'ready', plan }))
      .catch((error: unknown) => {
        if (run !== planRun.current) {
          return;
        }
        setPlanState(
          error instanceof BundleRejectedError
            ? { status: 'rejected', messages: error.problems.map((p) => p.message) }
            : { status: 'error', message: messageOf(error) }
        );
      });
  };

  const onFile = async (event: React.FormEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0];
    if (!chosen) {
      return;
    }
    const text = await readFileText(chosen);
    setOptions(NO_OPTIONS);
    setDraftSecrets({});
    setApplyState({ status: 'idle' });
    setFile({ name: chosen.name, text });
    runPlan(text, NO_OPTIONS);
  };

  const updateOptions = (change: (o: RestoreOptions) => RestoreOptions) => {
    const next = change(options);
    setOptions(next);
    if (file) {
      runPlan(file.text, next);
    }
  };

  const secretsPending = JSON.stringify(draftSecrets) !== JSON.stringify(options.secrets ?? {});
  const onApply = async () => {
    if (!file || planState.status !== 'ready') {
      return;
    }
    setApplyState({ status: 'running', label: 'starting', step: 0, total: 0 });
    try {
      // The plan on the page, not a new one: apply stops before any object that changed since it was shown.
      const result = await applyRestore(api, planState.plan, target, {
        onProgress: (p) => setApplyState({ status: 'running', label: p.label, step: p.step, total: p.total }),
      });
      setApplyState({ status: 'done', writes: result.writes });
      // Entered secrets are written now; forget them and show what Grafana holds after the restore.
      setDraftSecrets({});
      updateOptions((o) => ({ ...o, secrets: undefined }));
    } catch (error) {
      setApplyState({ status: 'error', message: messageOf(error) });
      runPlan(file.text, options);
    }
  };

  const toggle = (list: readonly string[] | undefined, id: string, on: boolean) =>
    on ? [...new Set([...(list ?? []), id])] : (list ?? []).filter((x) => x !== id);
  const plan = planState.status === 'ready' || planState.status === 'planning' ? planState.plan : undefined;
  const canApply =
    planState.status === 'ready' &&
    plan !== undefined &&
    plan.blockers.length === 0 &&
    plan.writes > 0 &&
    !secretsPending &&
    applyState.status !== 'running';

  return (
    <Stack direction="column" gap={4}>
      <section aria-label="Export">
        <Stack direction="column" gap={1}>
          <Text element="h3">Export</Text>
          <Text element="p">
            Downloads one JSON bundle of everything the plugin created in this organization: its alert rules, contact
            point, notification route, maintenance windows, the dashboards it imported and the app settings.
          </Text>
          <Alert severity="info" title="Secrets are not exported">
            {SECRETS_NOTE} App secrets stay in Grafana as well.
          </Alert>
          <div>
            <Button icon="download-alt" onClick={onExport} disabled={exportState.status === 'running'}>
              {exportState.status === 'running' ? 'Exporting…' : 'Download backup'}
            </Button>
          </div>
          {exportState.status === 'done' && (
            <Alert severity="success" title={`Downloaded ${exportState.fileName}`}>
              {summary(exportState.bundle)}
            </Alert>
          )}
          {exportState.status === 'error' && (
            <Alert severity="error" title="Export failed">
              {exportState.message}
            </Alert>
          )}
        </Stack>
      </section>

      <section aria-label="Restore">
        <Stack direction="column" gap={1}>
          <Text element="h3">Restore</Text>
          <Text element="p">
            Choose a bundle downloaded here. It is checked first (format, version, checksum, organization) and then
            compared with this Grafana; nothing is written until you press Restore.
          </Text>
          <Alert severity="info" title="The checksum detects damage, not tampering" data-testid="restore-checksum-note">
            A damaged or cut-off file is refused. But anyone who edits a bundle can compute its checksum again, so it
            does not prove who made the file: restore only bundles you trust, and read the plan. Every change of where
            notifications go needs its own tick.
          </Alert>
          <div>
            <FileUpload accept=".json,application/json" onFileUpload={onFile} showFileName>
              Choose a backup file
            </FileUpload>
          </div>
          {planState.status === 'planning' && <Text color="secondary">Checking the bundle against this Grafana…</Text>}
          {planState.status === 'rejected' && (
            <Alert severity="error" title="This file cannot be restored">
              <ul>
                {planState.messages.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </Alert>
          )}
          {planState.status === 'error' && (
            <Alert severity="error" title="Could not plan the restore">
              {planState.message}
            </Alert>
          )}
          {plan && (
            <RestorePlanView
              plan={plan}
              draftSecrets={draftSecrets}
              onSecretChange={(uid, key, value) =>
                setDraftSecrets((d) => ({ ...d, [uid]: { ...d[uid], [key]: value } }))
              }
              skipped={options.skipContactPoints ?? []}
              onSkipChange={(uid, on) =>
                updateOptions((o) => ({ ...o, skipContactPoints: toggle(o.skipContactPoints, uid, on) }))
              }
              overwrite={options.overwriteUserChanged ?? []}
              onOverwriteChange={(uid, on) =>
                updateOptions((o) => ({ ...o, overwriteUserChanged: toggle(o.overwriteUserChanged, uid, on) }))
              }
              confirmForeignOrg={options.confirmForeignOrg === true}
              onConfirmForeignOrg={(confirmed) => updateOptions((o) => ({ ...o, confirmForeignOrg: confirmed }))}
              onConfirmDestination={(id, on) =>
                updateOptions((o) => ({ ...o, confirmDestinations: toggle(o.confirmDestinations, id, on) }))
              }
            />
          )}
          {plan && (
            <Stack direction="row" gap={1} alignItems="center">
              {secretsPending && (
                <Button variant="secondary" onClick={() => updateOptions((o) => ({ ...o, secrets: draftSecrets }))}>
                  Use the entered secrets
                </Button>
              )}
              <Button variant="destructive" onClick={onApply} disabled={!canApply}>
                {plan.writes === 0 ? 'Nothing to restore' : `Restore (${plan.writes} writes)`}
              </Button>
              {plan.writes === 0 && plan.blockers.length === 0 && (
                <Text color="secondary">This Grafana already matches the bundle.</Text>
              )}
            </Stack>
          )}
          {applyState.status === 'running' && (
            <Text color="secondary">
              {applyState.total > 0
                ? `Step ${applyState.step} of ${applyState.total}: ${applyState.label}`
                : 'Planning…'}
            </Text>
          )}
          {applyState.status === 'done' && (
            <Alert severity="success" title="Restored">
              {applyState.writes} write(s) made. The plan below now shows this Grafana after the restore.
            </Alert>
          )}
          {applyState.status === 'error' && (
            <Alert severity="error" title="Restore failed">
              {applyState.message}
            </Alert>
          )}
        </Stack>
      </section>
    </Stack>
  );
}

function summary(bundle: BackupBundle): string {
  const c = bundle.content;
  const rules = c.ruleGroups.reduce((n, g) => n + g.rules.length, 0);
  return `${rules} alert rule(s) in ${c.ruleGroups.length} group(s), ${c.contactPoints.length} contact point(s), ${
    c.policy ? 'the notification route' : 'no notification route'
  }, ${c.muteTimings.length} mute timing(s), ${c.dashboards.length} dashboard(s) and the app settings.`;
}
