import type { Handlers } from '../contract/dispatch';
import { readSettings, writeSettings } from './settings-store';
import { SCHEMA_VERSION } from './migrations';
import type { WorkstationInternals } from './workstation';

/** The API contract served by the workstation. Every store access goes through the one serial queue. */
export function createHandlers(ws: WorkstationInternals): Handlers {
  const { store, queue, events } = ws;
  return {
    'app.info': () =>
      Promise.resolve({ version: ws.appVersion, schemaVersion: SCHEMA_VERSION, clientId: ws.clientId, dataDir: ws.dataDir }),

    'settings.get': () => queue.run(() => readSettings(store)),

    'settings.update': (patch) =>
      queue.run(() => {
        const settings = writeSettings(store, patch);
        events.emit({ type: 'settings', settings });
        return settings;
      }),

    'incident.list': () =>
      queue.run(() =>
        store.list('incident', readSettings(store).space).sort((a, b) => b.declaredAt - a.declaredAt),
      ),

    mutate: (request) =>
      queue.run(async () => {
        const space = readSettings(store).space;
        const { mutationId, touched } = await store.applyLocal(request.name, request.args, {
          at: ws.now(),
          actor: ws.actor(),
          space,
        });
        events.emit({ type: 'changed', kinds: [...touched] });
        events.emit({ type: 'sync', status: ws.syncStatus() });
        ws.onLocalWrite();
        return { mutationId };
      }),

    'sync.status': () => queue.run(() => ws.syncStatus()),

    'sync.dismissRejection': ({ mutationId }) =>
      queue.run(() => {
        store.dismissRejection(mutationId);
        events.emit({ type: 'sync', status: ws.syncStatus() });
        return {};
      }),
  };
}
