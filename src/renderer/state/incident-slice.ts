import type { ApiClient } from '../../contract/api';
import { newId } from '../../domain/ids';
import { fromZonedInputValue } from '../lib/time';
import { toUiError, type UiError } from '../lib/ui-error';
import type { IncidentSlice } from './app-state';
import type { StoreGet, StoreSet } from './store-types';

/** Incident actions: each is one API call; the lists refresh from the `changed` event that follows. */
export function createIncidentSlice(set: StoreSet, get: StoreGet, client: ApiClient): IncidentSlice {
  const attempt = async (work: () => Promise<unknown>): Promise<UiError | null> => {
    try {
      await work();
      return null;
    } catch (error) {
      return toUiError(error);
    }
  };

  const setCurrentIncident: IncidentSlice['setCurrentIncident'] = (id) =>
    attempt(async () => set({ settings: await client.call('settings.update', { currentIncidentId: id }) }));

  return {
    async declareIncident(input) {
      const timeZone = get().settings?.timeZone ?? 'Asia/Shanghai';
      const discoveredAt = fromZonedInputValue(input.discoveredAt, timeZone);
      if (discoveredAt === null) {
        return { code: 'invalid_request', message: 'discovery time is not a valid time', fields: ['discoveredAt'] };
      }
      const id = newId();
      const failed = await attempt(() =>
        client.call('mutate', {
          name: 'incident.declare',
          args: { id, name: input.name, type: input.type, level: input.level, location: input.location, discoveredAt },
        }),
      );
      // The incident just declared is the one the room is now working on.
      return failed ?? setCurrentIncident(id);
    },

    setCurrentIncident,

    renameIncident: (id, name) => attempt(() => client.call('mutate', { name: 'incident.rename', args: { id, name } })),

    setIncidentLevel: (id, level, reason) =>
      attempt(() => client.call('mutate', { name: 'incident.setLevel', args: { id, level, reason } })),
  };
}
