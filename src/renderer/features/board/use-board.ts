import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { ApiClient } from '../../../contract/api';
import type { LiveClient } from '../../state/live-client';
import { useApp } from '../../state/store-context';
import { createBoardStore, type BoardState, type BoardStore } from './board-store';

// One board store per workstation connection, shared by the header clock and the board page.
const stores = new WeakMap<ApiClient, BoardStore>();

function boardStoreFor(client: ApiClient, live: LiveClient): BoardStore {
  let store = stores.get(client);
  if (!store) {
    store = createBoardStore(client, live);
    stores.set(client, store);
  }
  return store;
}

export function useBoard<T>(selector: (state: BoardState) => T): T {
  const client = useApp((s) => s.client);
  const live = useApp((s) => s.live);
  return useStore(boardStoreFor(client, live), selector);
}

/** Follows the current incident's board while the calling component is shown. */
export function useTrackBoard(incidentId: string | null): void {
  const client = useApp((s) => s.client);
  const live = useApp((s) => s.live);
  useEffect(() => {
    if (!incidentId) return;
    return boardStoreFor(client, live).getState().follow(incidentId);
  }, [client, live, incidentId]);
}

/** The board store itself, for the few readers that subscribe to it rather than select from it. */
export function useBoardStore(): BoardStore {
  const client = useApp((s) => s.client);
  const live = useApp((s) => s.live);
  return boardStoreFor(client, live);
}
