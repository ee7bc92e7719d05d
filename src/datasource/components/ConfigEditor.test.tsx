import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { DataSourceSettings } from '@grafana/data';
import { encodeBasicAuth } from '../basicAuth';
import { BASIC_PASSWORD_INPUT_ID, BEARER_TOKEN_INPUT_ID, ConfigEditor, HEADER_VALUE_INPUT_ID } from './ConfigEditor';
import type { InventoryDataSourceOptions, InventorySecureJsonData } from '../types';

function renderEditor(
  jsonData: InventoryDataSourceOptions & Record<string, unknown>,
  secureJsonFields: Record<string, boolean> = {}
) {
  const onOptionsChange = jest.fn();
  const options = {
    uid: 'inventory-1',
    jsonData,
    secureJsonFields,
  } as unknown as DataSourceSettings<InventoryDataSourceOptions>;
  const view = render(<ConfigEditor options={options} onOptionsChange={onOptionsChange} />);
  return { onOptionsChange, options, view };
}

const lastChange = (mock: jest.Mock) => mock.mock.calls[mock.mock.calls.length - 1][0];

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
    ['http://prometheus:9090/api/v1', 'Enter the base URL, without /api/v1.'],
    ['http://admin:secret@prometheus:9090', /Do not put credentials in the URL/],
  ])('explains why %s will not work', (url, message) => {
    renderEditor({ prometheusUrl: url });
    expect(screen.getByText(message)).toBeInTheDocument();
  });

  it('accepts a base URL with a path prefix', () => {
    renderEditor({ prometheusUrl: 'https://metrics.example.com/prometheus' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('stores basic-auth credentials only as an encoded secret, never the password or the header in jsonData', () => {
    const { onOptionsChange } = renderEditor({
      prometheusUrl: 'http://p:9090',
      authMode: 'basic',
      basicAuthUser: 'grafana',
    });

    fireEvent.change(document.getElementById(BASIC_PASSWORD_INPUT_ID)!, { target: { value: 'pä:ss' } });

    const saved = lastChange(onOptionsChange);
    expect(saved.secureJsonData).toEqual({ basicAuthEncoded: encodeBasicAuth('grafana', 'pä:ss') });
    // UTF-8 bytes, as servers decode Basic credentials: ä is 0xC3 0xA4
    expect(atob(saved.secureJsonData.basicAuthEncoded)).toBe('grafana:p\u00c3\u00a4:ss');
    expect(JSON.stringify(saved.jsonData)).not.toContain('pä:ss');
    expect(JSON.stringify(saved.jsonData)).not.toContain(saved.secureJsonData.basicAuthEncoded);
  });

  it('shows a stored password as configured, and Reset clears it on save', () => {
    const { onOptionsChange } = renderEditor(
      { prometheusUrl: 'http://p:9090', authMode: 'basic', basicAuthUser: 'grafana' },
      { basicAuthEncoded: true }
    );
    expect(screen.getByDisplayValue('configured')).toBeDisabled();

    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));

    const saved = lastChange(onOptionsChange);
    expect(saved.secureJsonFields).toEqual({ basicAuthEncoded: false });
    expect(saved.secureJsonData).toEqual({ basicAuthEncoded: '' });
  });

  it('asks for the password again when the user changes, since the stored value encodes the old user', () => {
    const { onOptionsChange } = renderEditor(
      { prometheusUrl: 'http://p:9090', authMode: 'basic', basicAuthUser: 'grafana' },
      { basicAuthEncoded: true }
    );
    fireEvent.change(screen.getByLabelText('User'), { target: { value: 'reader' } });
    const saved = lastChange(onOptionsChange);
    expect(saved.jsonData.basicAuthUser).toBe('reader');
    expect(saved.secureJsonFields.basicAuthEncoded).toBe(false);
  });

  it('stores a bearer token as a secret and warns while it is missing', () => {
    const { onOptionsChange } = renderEditor({ prometheusUrl: 'http://p:9090', authMode: 'bearer' });
    expect(screen.getByText('Credentials needed')).toBeInTheDocument();

    fireEvent.change(document.getElementById(BEARER_TOKEN_INPUT_ID)!, { target: { value: ' tok-123 ' } });

    const saved = lastChange(onOptionsChange);
    expect(saved.secureJsonData).toEqual({ bearerToken: 'tok-123' });
    expect(saved.jsonData).toEqual({ prometheusUrl: 'http://p:9090', authMode: 'bearer' });
  });

  it('switches the auth mode in jsonData', () => {
    const { onOptionsChange } = renderEditor({ prometheusUrl: 'http://p:9090' });
    fireEvent.click(screen.getByLabelText('Bearer token'));
    expect(lastChange(onOptionsChange).jsonData.authMode).toBe('bearer');
  });
});

describe('a custom header (a Mimir or Cortex tenant)', () => {
  it('stores the name in jsonData and the value only as a secret, and asks for the value while it is missing', () => {
    const { latest } = renderLive({ prometheusUrl: 'http://mimir:8080/prometheus' }, {});
    expect(document.getElementById(HEADER_VALUE_INPUT_ID)).toBeNull();
    fireEvent.change(screen.getByLabelText(/^Custom header/), { target: { value: ' X-Scope-OrgID ' } });
    expect(latest().jsonData.httpHeaderName1).toBe('X-Scope-OrgID');
    expect(screen.getByText(/Enter the value of X-Scope-OrgID before saving/)).toBeInTheDocument();
    fireEvent.change(document.getElementById(HEADER_VALUE_INPUT_ID)!, { target: { value: 'tenant-1' } });
    expect(latest().secureJsonData).toEqual({ httpHeaderValue1: 'tenant-1' });
    expect(JSON.stringify(latest().jsonData)).not.toContain('tenant-1');
    expect(screen.queryByText(/Header value needed/)).not.toBeInTheDocument();
  });

  it.each([
    ['X Scope', /letters, digits and - only/],
    ['X-Scope-OrgID:', /letters, digits and - only/],
    ['authorization', /Set Authorization with the Method above/],
  ])('explains why the header name %s will not work', (name, message) => {
    renderEditor({ prometheusUrl: 'http://mimir:8080', httpHeaderName1: name });
    expect(screen.getByText(message)).toBeInTheDocument();
  });

  it('shows a stored value as configured, and Reset clears it on save', () => {
    const { latest } = renderLive(
      { prometheusUrl: 'http://mimir:8080', httpHeaderName1: 'X-Scope-OrgID' },
      { httpHeaderValue1: true }
    );
    expect(screen.getByText(/Stored. Reset to replace it/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(latest().secureJsonFields).toEqual({ httpHeaderValue1: false });
    expect(latest().secureJsonData).toEqual({ httpHeaderValue1: '' });
  });
});

/** The editor as Grafana hosts it: every change comes back as the new options. */
function renderLive(jsonData: InventoryDataSourceOptions, secureJsonFields: Record<string, boolean>) {
  const changes: Array<DataSourceSettings<InventoryDataSourceOptions, InventorySecureJsonData>> = [];
  function Host() {
    const [options, setOptions] = React.useState(
      () =>
        ({
          uid: 'inventory-1',
          jsonData,
          secureJsonFields,
        }) as unknown as DataSourceSettings<InventoryDataSourceOptions>
    );
    return (
      <ConfigEditor
        options={options}
        onOptionsChange={(next) => {
          changes.push(next);
          setOptions(next);
        }}
      />
    );
  }
  render(<Host />);
  return { latest: () => changes[changes.length - 1] };
}

describe('credentials never follow a change of host', () => {
  const stored = { basicAuthEncoded: true };
  const basic = { prometheusUrl: 'http://prom:9090', authMode: 'basic' as const, basicAuthUser: 'reader' };
  const setUrl = (label: RegExp, value: string) =>
    fireEvent.change(screen.getByLabelText(label), { target: { value } });

  it.each([
    ['host', 'http://other:9090'],
    ['port', 'http://prom:9091'],
    ['scheme', 'https://prom:9090'],
  ])('marks the stored password for deletion when the Prometheus %s changes, and says why', (_what, url) => {
    const { latest } = renderLive(basic, stored);
    setUrl(/^Prometheus URL/, url);
    expect(latest().secureJsonFields).toEqual({ basicAuthEncoded: false });
    expect(latest().secureJsonData).toEqual({ basicAuthEncoded: '' });
    expect(screen.getByText(/Credentials never follow a change of host/)).toHaveTextContent(
      `The Prometheus URL now points at ${new URL(url).origin} instead of http://prom:9090.`
    );
  });

  it('keeps them when only the path changes, and restores them when the URL goes back', () => {
    const { latest } = renderLive(basic, stored);
    setUrl(/^Prometheus URL/, 'http://prom:9090/prometheus');
    expect(latest().secureJsonFields).toEqual(stored);
    setUrl(/^Prometheus URL/, 'http://evil.example:9090');
    expect(latest().secureJsonFields).toEqual({ basicAuthEncoded: false });
    setUrl(/^Prometheus URL/, 'http://prom:9090');
    expect(latest().secureJsonFields).toEqual(stored);
    expect(latest().secureJsonData).toEqual({});
    expect(screen.queryByText(/Credentials never follow/)).not.toBeInTheDocument();
  });

  it('drops them when an Alertmanager or Pushgateway URL adds a new host (they use the same credentials)', () => {
    const { latest } = renderLive({ ...basic, authMode: 'bearer' }, { bearerToken: true });
    setUrl(/^Alertmanager URL/, 'http://prom:9090');
    expect(latest().secureJsonFields).toEqual({ bearerToken: true });
    setUrl(/^Alertmanager URL/, 'http://alertmanager:9093');
    expect(latest().secureJsonFields).toEqual({ bearerToken: false });
    expect(screen.getByText(/Credentials never follow/)).toHaveTextContent(
      'The Alertmanager URL now points at http://alertmanager:9093.'
    );
  });

  it('sends a secret typed after the change to the new host', () => {
    const { latest } = renderLive(basic, stored);
    setUrl(/^Prometheus URL/, 'http://other:9090');
    fireEvent.change(document.getElementById(BASIC_PASSWORD_INPUT_ID)!, { target: { value: 'new-pass' } });
    expect(latest().secureJsonData?.basicAuthEncoded).toBe(encodeBasicAuth('reader', 'new-pass'));
    setUrl(/^Prometheus URL/, 'http://other:9091');
    expect(latest().secureJsonData?.basicAuthEncoded).toBe(encodeBasicAuth('reader', 'new-pass'));
  });

  it('after a save, binds the credentials to the hosts saved with them', () => {
    const changes: Array<DataSourceSettings<InventoryDataSourceOptions, InventorySecureJsonData>> = [];
    const options = (version: number, prometheusUrl: string, secureJsonFields: Record<string, boolean>) =>
      ({
        uid: 'inventory-1',
        version,
        jsonData: { ...basic, prometheusUrl },
        secureJsonFields,
      }) as unknown as DataSourceSettings<InventoryDataSourceOptions, InventorySecureJsonData>;
    const { rerender } = render(
      <ConfigEditor options={options(1, 'http://prom:9090', stored)} onOptionsChange={(o) => changes.push(o)} />
    );
    // Saved with a new host and a newly entered password: Grafana hands back version 2.
    rerender(
      <ConfigEditor options={options(2, 'http://other:9090', stored)} onOptionsChange={(o) => changes.push(o)} />
    );
    setUrl(/^Prometheus URL/, 'http://other:9090/prometheus');
    expect(changes[changes.length - 1].secureJsonFields).toEqual(stored);
    setUrl(/^Prometheus URL/, 'http://prom:9090');
    expect(changes[changes.length - 1].secureJsonFields).toEqual({ basicAuthEncoded: false });
  });

  it('drops a stored custom header value too (a Mimir tenant id), and names it', () => {
    const mimir = { prometheusUrl: 'http://mimir:8080/prometheus', httpHeaderName1: 'X-Scope-OrgID' };
    const { latest } = renderLive(mimir, { httpHeaderValue1: true });
    setUrl(/^Prometheus URL/, 'http://mimir:8080/other-prefix');
    expect(latest().secureJsonFields).toEqual({ httpHeaderValue1: true });
    setUrl(/^Prometheus URL/, 'http://elsewhere:8080/prometheus');
    expect(latest().secureJsonFields).toEqual({ httpHeaderValue1: false });
    expect(latest().secureJsonData).toEqual({ httpHeaderValue1: '' });
    expect(screen.getByText(/Credentials never follow/)).toHaveTextContent(
      'the stored X-Scope-OrgID value will be deleted'
    );
  });

  it('refuses a trailing "/", which the routes would turn into "//api/v1/…"', () => {
    renderEditor({ prometheusUrl: 'http://prom:9090/' });
    expect(screen.getByText(/^Leave out the trailing "\/"/)).toBeInTheDocument();
  });
});
