import type { ApiClient, ApiEvent } from '../../contract/api';
import { DIRECTORY_CHANGED_KIND } from '../../contract/directory';
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
        const [settings, incidents, sync, directory] = await Promise.all([
          client.call('settings.get', {}),
          client.call('incident.list', {}),
          client.call('sync.status', {}),
          readDirectory(client),
        ]);
        set({ settings, incidents, incidentsLoaded: true, sync, lastError: null, ...directory });
      } catch (error) {
        set({ lastError: toUiError(error) });
      }
    },

    async setLanguage(language) {
      try {
        set({ settings: await client.call('settings.update', { language }) });
        return null;
      } catch (error) {
        return toUiError(error);
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

    async login(serverUrl, username, password) {
      try {
        set({ sync: await client.call('auth.login', { serverUrl, username, password }) });
        return null;
      } catch (error) {
        return toUiError(error);
      }
    },

    async logout() {
      try {
        set({ sync: await client.call('auth.logout', {}) });
        return null;
      } catch (error) {
        return toUiError(error);
      }
    },

    clearError: () => set({ lastError: null }),
  };
}

/**
 * Applies one pushed event: lists are refetched for the kinds that changed, status and settings arrive whole. The
 * directory is per space, so a settings change to another space reads it again.
 */
export async function applyEvent(event: ApiEvent, set: StoreSet, get: StoreGet, client: ApiClient): Promise<void> {
  try {
    if (event.type === 'sync') set({ sync: event.status });
    else if (event.type === 'settings') {
      const otherSpace = get().settings?.space !== event.settings.space;
      set({ settings: event.settings });
      if (otherSpace) set(await readDirectory(client));
    } else if (event.type === 'changed') {
      if (event.kinds.includes('incident')) set({ incidents: await client.call('incident.list', {}), incidentsLoaded: true });
      if (event.kinds.includes(DIRECTORY_CHANGED_KIND)) set(await readDirectory(client));
    }
  } catch (error) {
    if (get().transport === 'open') set({ lastError: toUiError(error) });
  }
}

/**
 * Names are a courtesy: a window that may not read them (the Electron wall display's allow-list) or a failed
 * read leaves the last list, and records show short ids rather than the shell failing to load.
 */
async function readDirectory(client: ApiClient): Promise<Partial<Pick<DataSlice, 'directory'>>> {
  try {
    return { directory: (await client.call('directory.users', {})).users };
  } catch {
    return {};
  }
}
