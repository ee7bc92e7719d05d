import { useCallback, useEffect, useState } from 'react';
import type { DataFrame, DataQueryRequest, DataQueryResponse } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import type { InventoryQuery } from '../../datasource/types';

export type InventoryState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; targets: DataFrame; coverage: DataFrame };

/** The subset of a datasource the page needs: the same query() every panel uses. */
interface QueryableDataSource {
  query(request: DataQueryRequest<InventoryQuery>): Promise<DataQueryResponse> | unknown;
}

/**
 * Loads Targets and Coverage from the inventory datasource `uid`. Every failure (datasource
 * missing, Prometheus down, a bad answer) ends as an error state with the datasource's message.
 */
export function useInventory(uid: string) {
  const [state, setState] = useState<InventoryState>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => {
    setState({ kind: 'loading' });
    setGeneration((g) => g + 1);
  }, []);

  useEffect(() => {
    let cancelled = false;
    const load = async (): Promise<InventoryState> => {
      const ds = (await getDataSourceSrv().get(uid)) as unknown as QueryableDataSource;
      const request = {
        requestId: `fsm-inventory-page-${Date.now()}`,
        app: 'fullstack-monitoring-app',
        targets: [
          { refId: 'targets', kind: 'targets' },
          { refId: 'coverage', kind: 'coverage' },
        ],
      } as unknown as DataQueryRequest<InventoryQuery>;
      const response = (await ds.query(request)) as DataQueryResponse;
      const error = response.errors?.[0];
      if (error) {
        return { kind: 'error', message: error.message ?? 'The inventory query failed.' };
      }
      const frames = response.data as DataFrame[];
      const targets = frames.find((f) => f.refId === 'targets');
      const coverage = frames.find((f) => f.refId === 'coverage');
      if (!targets || !coverage) {
        return {
          kind: 'error',
          message:
            'The inventory datasource answered without the expected tables. Is it the Full-Stack Inventory datasource?',
        };
      }
      return { kind: 'loaded', targets, coverage };
    };
    load()
      .catch((error: unknown): InventoryState => ({
        kind: 'error',
        message: error instanceof Error ? error.message : String(error),
      }))
      .then((next) => {
        if (!cancelled) {
          setState(next);
        }
      });
    return () => {
      cancelled = true;
    };
  }, [uid, generation]);

  return { state, reload };
}
