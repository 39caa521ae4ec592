import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Transport } from '../transport/transport';
import type { RouteName } from '../app/routes';
import type { AppState } from './app-state';
import { applyEvent, createDataSlice, followLists } from './data-slice';
import { createLiveClient } from './live-client';
import { createUiSlice } from './ui-slice';

export type AppStore = StoreApi<AppState>;

/**
 * The app's state, wired to a transport: everything loads when the connection opens (and again after a
 * reconnect, since events sent while away are lost), and pushed events keep it current.
 */
export function createAppStore(transport: Transport, pushPath: (path: string) => void, initialRoute: RouteName): AppStore {
  const live = createLiveClient(transport.client, () => transport.state() === 'open');
  const store = createStore<AppState>()((set) => ({
    ...createDataSlice(set, transport.client, live),
    ...createUiSlice(set, pushPath, initialRoute),
    transport: transport.state(),
  }));
  const { setState, getState } = store;
  transport.client.subscribe((event) => applyEvent(event, setState));
  followLists(live, setState, getState);
  transport.onState((state) => {
    setState({ transport: state });
    if (state === 'open') {
      live.resubscribe();
      void getState().reload();
    }
  });
  if (transport.state() === 'open') void getState().reload();
  return store;
}
