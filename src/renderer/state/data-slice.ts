import type { ApiClient, ApiEvent } from '../../contract/api';
import { toUiError } from '../lib/ui-error';
import type { DataSlice } from './app-state';
import type { LiveClient } from './live-client';
import type { StoreGet, StoreSet } from './store-types';

export function createDataSlice(set: StoreSet, client: ApiClient, live: LiveClient): DataSlice {
  return {
    client,
    live,
    transport: 'connecting',
    settings: null,
    incidents: [],
    incidentsLoaded: false,
    sync: null,
    directory: [],
    lastError: null,

    async reload() {
      try {
        const [settings, sync] = await Promise.all([client.call('settings.get', {}), client.call('sync.status', {})]);
        set({ settings, sync, lastError: null });
      } catch (error) {
        set({ lastError: toUiError(error) });
      }
    },

    async dismissRejection(mutationId) {
      try {
        await client.call('sync.dismissRejection', { mutationId });
        set({ sync: await client.call('sync.status', {}) });
      } catch (error) {
        set({ lastError: toUiError(error) });
      }
    },

    async retryRejected(mutationId) {
      try {
        await client.call('sync.retryRejected', { mutationId });
        set({ sync: await client.call('sync.status', {}) });
      } catch (error) {
        set({ lastError: toUiError(error) });
      }
    },

    async retryStuck(mutationId) {
      try {
        await client.call('sync.retryStuck', { mutationId });
        set({ sync: await client.call('sync.status', {}) });
      } catch (error) {
        set({ lastError: toUiError(error) });
      }
    },

    async discardStuck(mutationId) {
      try {
        await client.call('sync.discardStuck', { mutationId });
        set({ sync: await client.call('sync.status', {}) });
      } catch (error) {
        set({ lastError: toUiError(error) });
      }
    },

    async dismissNotices() {
      try {
        await client.call('sync.dismissNotices', {});
        set({ sync: await client.call('sync.status', {}) });
      } catch (error) {
        set({ lastError: toUiError(error) });
      }
    },

    async handOver(from) {
      try {
        set({ sync: await client.call('sync.handOver', { from }) });
      } catch (error) {
        set({ lastError: toUiError(error) });
      }
    },

    clearError: () => set({ lastError: null }),
  };
}

/** Applies one pushed event: status and settings arrive whole (lists come from live reads, `followLists`). */
export function applyEvent(event: ApiEvent, set: StoreSet): void {
  if (event.type === 'sync') set({ sync: event.status });
  else if (event.type === 'settings') set({ settings: event.settings });
}

/**
 * The incident list and the directory every screen uses, kept live. Names are a courtesy: a window that may not
 * read them (the Electron wall display's allow-list) or a failed read leaves the last list, and records show
 * short ids rather than the shell failing to load.
 */
export function followLists(live: LiveClient, set: StoreSet, get: StoreGet): void {
  live.watch('incident.list', {}, (state) => {
    if (state.data) set({ incidents: state.data, incidentsLoaded: true });
    else if (state.error && get().transport === 'open') set({ lastError: state.error });
  });
  live.watch('directory.users', {}, (state) => {
    if (state.data) set({ directory: state.data.users });
  });
}
