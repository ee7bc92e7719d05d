import React, { ChangeEvent } from 'react';
import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Field, FieldSet, Input } from '@grafana/ui';
import type { InventoryDataSourceOptions } from '../types';

export const PROMETHEUS_URL_INPUT_ID = 'fsm-inventory-prometheus-url';

/** Returns why `url` cannot be Prometheus' base URL, or undefined when it can. */
export function prometheusUrlError(url: string): string | undefined {
  if (url === '') {
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Enter a full URL, e.g. http://prometheus:9090.';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return 'Use an http:// or https:// URL.';
  }
  if (/\/api\/v1\/?$/.test(parsed.pathname)) {
    return "Enter Prometheus' base URL, without /api/v1.";
  }
  return undefined;
}

type Props = DataSourcePluginOptionsEditorProps<InventoryDataSourceOptions>;

export function ConfigEditor({ options, onOptionsChange }: Props) {
  const prometheusUrl = options.jsonData.prometheusUrl ?? '';
  const error = prometheusUrlError(prometheusUrl);

  const onUrlChange = (event: ChangeEvent<HTMLInputElement>) => {
    onOptionsChange({
      ...options,
      jsonData: { ...options.jsonData, prometheusUrl: event.currentTarget.value.trim() },
    });
  };

  return (
    <FieldSet label="Prometheus">
      <Field
        label="Prometheus URL"
        description="Prometheus' base URL as Grafana's server reaches it. Requests go through Grafana's datasource proxy, never from the browser."
        invalid={Boolean(error)}
        error={error}
        required
      >
        <Input
          id={PROMETHEUS_URL_INPUT_ID}
          width={50}
          value={prometheusUrl}
          placeholder="http://prometheus:9090"
          onChange={onUrlChange}
        />
      </Field>
    </FieldSet>
  );
}
