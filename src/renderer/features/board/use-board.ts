import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { ApiClient } from '../../../contract/api';
import { useApp } from '../../state/store-context';
import { createBoardStore, type BoardState, type BoardStore } from './board-store';

// One board store per workstation connection, shared by the header clock and the board page.
const stores = new WeakMap<ApiClient, BoardStore>();

function boardStoreFor(client: ApiClient): BoardStore {
  let store = stores.get(client);
  if (!store) {
    store = createBoardStore(client);
    stores.set(client, store);
  }
  return store;
}

export function useBoard<T>(selector: (state: BoardState) => T): T {
  const client = useApp((s) => s.client);
  return useStore(boardStoreFor(client), selector);
}

/** Follows the current incident's board while the calling component is shown. */
export function useTrackBoard(incidentId: string | null): void {
  const client = useApp((s) => s.client);
  useEffect(() => {
    boardStoreFor(client).getState().track(incidentId);
  }, [client, incidentId]);
}
