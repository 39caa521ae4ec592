import type { FeatureHandlers } from '../contract/dispatch';
import type { directoryApi } from '../contract/directory';
import { readSettings } from './settings-store';
import type { WorkstationInternals } from './workstation';

/** Handlers of the user directory; every store access goes through `ws.queue`. */
export function createDirectoryHandlers(ws: WorkstationInternals): FeatureHandlers<typeof directoryApi> {
  const { store, directory, queue } = ws;
  return {
    'directory.users': () =>
      queue.run(() => {
        const space = readSettings(store).space;
        const users = directory.list(space);
        // The logged-in user is known from the session before the first fetch (or from a server without the route).
        const account = ws.sync.account();
        if (account && account.spaces.includes(space) && !users.some((u) => u.id === account.user.id)) {
          users.unshift({ ...account.user, granted: true });
        }
        return { users };
      }),
  };
}
