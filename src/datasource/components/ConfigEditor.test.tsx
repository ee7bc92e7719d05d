import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { DataSourceSettings } from '@grafana/data';
import { ConfigEditor } from './ConfigEditor';
import type { InventoryDataSourceOptions } from '../types';

function renderEditor(jsonData: InventoryDataSourceOptions & Record<string, unknown>) {
  const onOptionsChange = jest.fn();
  const options = {
    uid: 'inventory-1',
    jsonData,
    secureJsonFields: {},
  } as unknown as DataSourceSettings<InventoryDataSourceOptions>;
  const view = render(<ConfigEditor options={options} onOptionsChange={onOptionsChange} />);
  return { onOptionsChange, options, view };
}

describe('Inventory datasource settings', () => {
  it('stores the Prometheus URL in jsonData and keeps the other settings', () => {
    const { onOptionsChange, options } = renderEditor({ prometheusUrl: '', timeInterval: '30s' });

    fireEvent.change(screen.getByLabelText(/^Prometheus URL/), { target: { value: ' http://prometheus:9090 ' } });

    expect(onOptionsChange).toHaveBeenCalledWith({
      ...options,
      jsonData: { prometheusUrl: 'http://prometheus:9090', timeInterval: '30s' },
    });
  });

  it.each([
    ['prometheus:9090', 'Use an http:// or https:// URL.'],
    ['not a url', 'Enter a full URL, e.g. http://prometheus:9090.'],
    ['http://prometheus:9090/api/v1', "Enter Prometheus' base URL, without /api/v1."],
  ])('explains why %s will not work', (url, message) => {
    renderEditor({ prometheusUrl: url });
    expect(screen.getByText(message)).toBeInTheDocument();
  });

  it('accepts a base URL with a path prefix', () => {
    renderEditor({ prometheusUrl: 'https://metrics.example.com/prometheus' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
