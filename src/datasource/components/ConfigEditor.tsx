import React, { ChangeEvent, useState } from 'react';
import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Alert, Field, FieldSet, Input, RadioButtonGroup, SecretInput } from '@grafana/ui';
import { encodeBasicAuth } from '../basicAuth';
import { guardCredentials, type NewDestination, type SecretKey } from '../credentials';
import type { AuthMode, InventoryDataSourceOptions, InventorySecureJsonData } from '../types';
import { alertmanagerUrlError, prometheusUrlError, pushgatewayUrlError } from '../urls';

export const PROMETHEUS_URL_INPUT_ID = 'fsm-inventory-prometheus-url';
export const BASIC_USER_INPUT_ID = 'fsm-inventory-basic-user';
export const BASIC_PASSWORD_INPUT_ID = 'fsm-inventory-basic-password';
export const BEARER_TOKEN_INPUT_ID = 'fsm-inventory-bearer-token';
export const ALERTMANAGER_URL_INPUT_ID = 'fsm-inventory-alertmanager-url';
export const PUSHGATEWAY_URL_INPUT_ID = 'fsm-inventory-pushgateway-url';
export const HEADER_NAME_INPUT_ID = 'fsm-inventory-header-name';
export const HEADER_VALUE_INPUT_ID = 'fsm-inventory-header-value';

/** RFC 9110 §5.1: a field name is a token. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Returns why `name` cannot be the custom header, or undefined when it can (empty: no header). */
export function headerNameError(name: string): string | undefined {
  if (name === '') {
    return undefined;
  }
  if (!HEADER_NAME.test(name)) {
    return 'A header name has letters, digits and - only (e.g. X-Scope-OrgID), no spaces or ":".';
  }
  if (name.toLowerCase() === 'authorization') {
    return 'Set Authorization with the Method above; a second one would conflict with it.';
  }
  return undefined;
}

/** How the "Stored credentials removed" warning names each secret. */
function secretWord(key: SecretKey, headerName: string): string {
  return key === 'basicAuthEncoded' ? 'password' : key === 'bearerToken' ? 'token' : `${headerName || 'header'} value`;
}

const AUTH_OPTIONS: Array<{ label: string; value: AuthMode; description: string }> = [
  { label: 'None', value: 'none', description: 'Prometheus needs no credentials.' },
  {
    label: 'Basic auth',
    value: 'basic',
    description: 'User and password, sent by Grafana as an Authorization: Basic header.',
  },
  {
    label: 'Bearer token',
    value: 'bearer',
    description: 'A token sent by Grafana as an Authorization: Bearer header.',
  },
];

type Props = DataSourcePluginOptionsEditorProps<InventoryDataSourceOptions, InventorySecureJsonData>;

function savedState(options: Props['options']) {
  return { version: options.version, jsonData: options.jsonData, secureJsonFields: { ...options.secureJsonFields } };
}

/**
 * Secrets are write-only: Grafana never sends them back, only `secureJsonFields[name] = true`, so
 * a stored secret shows as "configured" with a Reset button. The password itself is never stored:
 * only the encoded header value is, and the typed password lives in this component's state.
 */
export function ConfigEditor({ options, onOptionsChange: applyChange }: Props) {
  const { jsonData } = options;
  // What was last saved (Grafana bumps `version` on every save): the hosts the stored secrets were entered for.
  const [saved, setSaved] = useState(() => savedState(options));
  const [guard, setGuard] = useState<{ dropped: SecretKey[]; moved: NewDestination[] }>({ dropped: [], moved: [] });
  if (options.version !== saved.version) {
    setSaved(savedState(options));
    setGuard({ dropped: [], moved: [] });
  }
  const onOptionsChange = (next: typeof options) => {
    const guarded = guardCredentials(saved, next, guard.dropped);
    setGuard({ dropped: guarded.dropped, moved: guarded.moved });
    applyChange(guarded.options);
  };
  const secureJsonFields = options.secureJsonFields ?? {};
  const secureJsonData = (options.secureJsonData ?? {}) as InventorySecureJsonData;
  const authMode = jsonData.authMode ?? 'none';
  const [password, setPassword] = useState('');

  const setJson = (patch: Partial<InventoryDataSourceOptions>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, ...patch } });
  const onUrl =
    (key: 'prometheusUrl' | 'alertmanagerUrl' | 'pushgatewayUrl') => (event: ChangeEvent<HTMLInputElement>) =>
      setJson({ [key]: event.currentTarget.value.trim() });

  const setSecret = (
    key: keyof InventorySecureJsonData,
    value: string,
    jsonPatch: Partial<InventoryDataSourceOptions> = {}
  ) =>
    onOptionsChange({
      ...options,
      jsonData: { ...jsonData, ...jsonPatch },
      secureJsonData: { ...secureJsonData, [key]: value },
    });
  const resetSecret = (key: keyof InventorySecureJsonData, jsonPatch: Partial<InventoryDataSourceOptions> = {}) =>
    onOptionsChange({
      ...options,
      jsonData: { ...jsonData, ...jsonPatch },
      secureJsonFields: { ...secureJsonFields, [key]: false },
      // "" tells Grafana to delete the stored value on save.
      secureJsonData: { ...secureJsonData, [key]: '' },
    });

  const user = jsonData.basicAuthUser ?? '';
  const userError = user.includes(':') ? 'A basic-auth user name cannot contain ":".' : undefined;
  const onUser = (event: ChangeEvent<HTMLInputElement>) => {
    const nextUser = event.currentTarget.value.trim();
    if (password) {
      setSecret('basicAuthEncoded', encodeBasicAuth(nextUser, password), { basicAuthUser: nextUser });
    } else if (secureJsonFields.basicAuthEncoded) {
      // The stored value encodes the old user name with a password we cannot read: it must be entered again.
      resetSecret('basicAuthEncoded', { basicAuthUser: nextUser });
    } else {
      setJson({ basicAuthUser: nextUser });
    }
  };
  const onPassword = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.currentTarget.value;
    setPassword(next);
    setSecret('basicAuthEncoded', next ? encodeBasicAuth(user, next) : '');
  };
  const passwordMissing =
    authMode === 'basic' && !secureJsonFields.basicAuthEncoded && !secureJsonData.basicAuthEncoded;
  const tokenMissing = authMode === 'bearer' && !secureJsonFields.bearerToken && !secureJsonData.bearerToken;
  const headerName = jsonData.httpHeaderName1 ?? '';
  const headerNameProblem = headerNameError(headerName);
  const headerValueMissing =
    headerName !== '' && !secureJsonFields.httpHeaderValue1 && !secureJsonData.httpHeaderValue1;

  const prometheusUrl = jsonData.prometheusUrl ?? '';
  const urlError = prometheusUrlError(prometheusUrl);
  const alertmanagerError = alertmanagerUrlError(jsonData.alertmanagerUrl ?? '');
  const pushgatewayError = pushgatewayUrlError(jsonData.pushgatewayUrl ?? '');

  return (
    <>
      <FieldSet label="Prometheus">
        <Field
          label="Prometheus URL"
          description="Prometheus' base URL as Grafana's server reaches it. Requests go through Grafana's datasource proxy, never from the browser."
          invalid={Boolean(urlError)}
          error={urlError}
          required
        >
          <Input
            id={PROMETHEUS_URL_INPUT_ID}
            width={50}
            value={prometheusUrl}
            placeholder="http://prometheus:9090"
            onChange={onUrl('prometheusUrl')}
          />
        </Field>
      </FieldSet>

      <FieldSet label="Authentication">
        <Field
          label="Method"
          description="Grafana's server adds the credentials; they are stored encrypted and never sent to browsers."
        >
          <RadioButtonGroup options={AUTH_OPTIONS} value={authMode} onChange={(mode) => setJson({ authMode: mode })} />
        </Field>
        {authMode === 'basic' && (
          <>
            <Field label="User" invalid={Boolean(userError)} error={userError}>
              <Input id={BASIC_USER_INPUT_ID} width={40} value={user} onChange={onUser} autoComplete="off" />
            </Field>
            <Field
              label="Password"
              description={
                secureJsonFields.basicAuthEncoded
                  ? 'Stored. Reset to replace it (it cannot be shown).'
                  : 'Stored encrypted on save.'
              }
            >
              <SecretInput
                id={BASIC_PASSWORD_INPUT_ID}
                width={40}
                isConfigured={Boolean(secureJsonFields.basicAuthEncoded)}
                value={password}
                onChange={onPassword}
                onReset={() => {
                  setPassword('');
                  resetSecret('basicAuthEncoded');
                }}
                autoComplete="new-password"
              />
            </Field>
          </>
        )}
        {authMode === 'bearer' && (
          <Field
            label="Token"
            description={
              secureJsonFields.bearerToken
                ? 'Stored. Reset to replace it (it cannot be shown).'
                : 'Stored encrypted on save.'
            }
          >
            <SecretInput
              id={BEARER_TOKEN_INPUT_ID}
              width={60}
              isConfigured={Boolean(secureJsonFields.bearerToken)}
              value={secureJsonData.bearerToken ?? ''}
              onChange={(event) => setSecret('bearerToken', event.currentTarget.value.trim())}
              onReset={() => resetSecret('bearerToken')}
              autoComplete="off"
            />
          </Field>
        )}
        {guard.dropped.length > 0 && (
          <Alert severity="warning" title="Stored credentials removed">
            {guard.moved
              .map((m) => `The ${m.field} now points at ${m.to}${m.from ? ` instead of ${m.from}` : ''}.`)
              .join(' ')}{' '}
            Credentials never follow a change of host, so the stored{' '}
            {guard.dropped.map((k) => secretWord(k, headerName)).join(' and ')} will be deleted when you save. Enter{' '}
            {guard.dropped.length > 1 ? 'them' : 'it'} again to send {guard.dropped.length > 1 ? 'them' : 'it'} to the
            new host, or put the URL back.
          </Alert>
        )}
        <Field
          label="Custom header"
          description="Sent by Grafana's server with every request, e.g. X-Scope-OrgID for a Mimir or Cortex tenant. Leave empty for none."
          invalid={Boolean(headerNameProblem)}
          error={headerNameProblem}
        >
          <Input
            id={HEADER_NAME_INPUT_ID}
            width={40}
            value={headerName}
            placeholder="X-Scope-OrgID"
            onChange={(event) => setJson({ httpHeaderName1: event.currentTarget.value.trim() })}
          />
        </Field>
        {headerName !== '' && (
          <Field
            label="Header value"
            description={
              secureJsonFields.httpHeaderValue1
                ? 'Stored. Reset to replace it (it cannot be shown).'
                : 'Stored encrypted on save, like a password.'
            }
          >
            <SecretInput
              id={HEADER_VALUE_INPUT_ID}
              width={40}
              isConfigured={Boolean(secureJsonFields.httpHeaderValue1)}
              value={secureJsonData.httpHeaderValue1 ?? ''}
              onChange={(event) => setSecret('httpHeaderValue1', event.currentTarget.value.trim())}
              onReset={() => resetSecret('httpHeaderValue1')}
              autoComplete="off"
            />
          </Field>
        )}
        {(passwordMissing || tokenMissing) && (
          <Alert severity="warning" title="Credentials needed">
            {passwordMissing ? 'Enter the password' : 'Enter the token'} before saving, or Grafana will call Prometheus
            without valid credentials.
          </Alert>
        )}
        {headerValueMissing && (
          <Alert severity="warning" title="Header value needed">
            Enter the value of {headerName} before saving, or Grafana will send the header empty.
          </Alert>
        )}
      </FieldSet>

      <FieldSet label="Optional services">
        <Field
          label="Alertmanager URL"
          description="Checked by Save & test. Uses the same authentication."
          invalid={Boolean(alertmanagerError)}
          error={alertmanagerError}
        >
          <Input
            id={ALERTMANAGER_URL_INPUT_ID}
            width={50}
            value={jsonData.alertmanagerUrl ?? ''}
            placeholder="http://alertmanager:9093"
            onChange={onUrl('alertmanagerUrl')}
          />
        </Field>
        <Field
          label="Pushgateway URL"
          description="Pushgateway groups are read from Prometheus; this URL is the fallback when Prometheus does not scrape the Pushgateway. Uses the same authentication."
          invalid={Boolean(pushgatewayError)}
          error={pushgatewayError}
        >
          <Input
            id={PUSHGATEWAY_URL_INPUT_ID}
            width={50}
            value={jsonData.pushgatewayUrl ?? ''}
            placeholder="http://pushgateway:9091"
            onChange={onUrl('pushgatewayUrl')}
          />
        </Field>
      </FieldSet>
    </>
  );
}
