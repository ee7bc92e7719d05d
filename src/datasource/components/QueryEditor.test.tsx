import React, { useState } from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryEditor } from './QueryEditor';
import type { DataSource } from '../DataSource';
import type { InventoryQuery } from '../types';

/** The editor as a panel holds it: the query it is given is the last one it sent. */
function Panel({ initial, sent, ran }: { initial: InventoryQuery; sent: InventoryQuery[]; ran: jest.Mock }) {
  const [query, setQuery] = useState(initial);
  return (
    <QueryEditor
      datasource={{} as DataSource}
      query={query}
      onChange={(q) => {
        sent.push(q);
        setQuery(q);
      }}
      onRunQuery={ran}
    />
  );
}

function renderEditor(initial: InventoryQuery = { refId: 'A' }) {
  const sent: InventoryQuery[] = [];
  const ran = jest.fn();
  render(<Panel initial={initial} sent={sent} ran={ran} />);
  return { sent, ran };
}

describe('Inventory query editor', () => {
  it('labels every field', async () => {
    renderEditor();
    // The job field's check waits for RE2 to load.
    await act(async () => undefined);
    for (const label of ['Show', 'Job', 'Layers', 'Exporters', 'Health']) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
  });

  it('runs a job filter when the field is left, and keeps a pattern RE2 refuses out of the query', async () => {
    const { sent, ran } = renderEditor();
    const job = screen.getByLabelText('Job');

    fireEvent.change(job, { target: { value: 'node|windows' } });
    fireEvent.blur(job);
    expect(sent.at(-1)).toMatchObject({ jobRegex: 'node|windows' });
    expect(ran).toHaveBeenCalledTimes(1);

    // A lookahead: RE2, like Prometheus, has none.
    fireEvent.change(job, { target: { value: '(?!node).*' } });
    await waitFor(() =>
      expect(screen.getByText(/The job filter "\(\?!node\)\.\*" is not a valid regular expression/)).toBeInTheDocument()
    );
    fireEvent.blur(job);
    expect(sent.at(-1)).toMatchObject({ jobRegex: 'node|windows' });
    expect(ran).toHaveBeenCalledTimes(1);
    expect(job).toHaveValue('(?!node).*');
  });
});
