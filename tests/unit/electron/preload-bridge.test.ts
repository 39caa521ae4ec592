import { describe, expect, it } from 'vitest';
import { toApiFailure } from '../../../src/contract/bridge';
import { createBridge, type IpcRendererLike } from '../../../electron/preload/bridge';
import { CALL_CHANNEL, EVENT_CHANNEL, OPEN_WALL_CHANNEL, WALL_METHODS } from '../../../electron/preload/channels';

type Listener = (event: { ports?: readonly unknown[] }, ...args: unknown[]) => void;

/** Stands in for ipcRenderer: records invokes, answers with `reply`, and lets the test play main's messages. */
function fakeIpc(reply: unknown = { ok: true, result: { fine: true } }) {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    invoke: (channel, ...args) => {
      invoked.push([channel, ...args]);
      return Promise.resolve(reply);
    },
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const deliver = (event: Record<string, unknown>, payload: unknown) => {
        // Electron's event also carries `sender` (ipcRenderer itself): exactly what must never reach the page.
    const ipcEvent = { ports: [], sender: ipc, ...event };
    for (const listener of listeners.get(EVENT_CHANNEL) ?? []) listener(ipcEvent, payload);
  };
  return { ipc, invoked, deliver, listenerCount: () => listeners.get(EVENT_CHANNEL)?.size ?? 0 };
}

describe('the preload bridge (window.hcc)', () => {
  it('exposes call and subscribe on the operator, plus openWallDisplay, and nothing else', () => {
    expect(Object.keys(createBridge(fakeIpc().ipc, { methods: 'all', canOpenWall: true })).sort()).toEqual(['call', 'openWallDisplay', 'subscribe']);
    expect(Object.keys(createBridge(fakeIpc().ipc, { methods: WALL_METHODS, canOpenWall: false })).sort()).toEqual(['call', 'subscribe']);
  });

  it('sends the method and JSON params on the one call channel and resolves with the result', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createBridge(ipc, { methods: 'all', canOpenWall: true });
    await expect(bridge.call('incident.list', {})).resolves.toEqual({ fine: true });
    expect(invoked).toEqual([[CALL_CHANNEL, 'incident.list', '{}']]);
    await bridge.openWallDisplay?.();
    expect(invoked[1]).toEqual([OPEN_WALL_CHANNEL]);
  });

  it('rejects with the named error, in a shape the renderer turns back into ApiFailure', async () => {
    const { ipc } = fakeIpc({ ok: false, error: { code: 'not_found', message: 'no such incident' } });
    const bridge = createBridge(ipc, { methods: 'all', canOpenWall: true });
    const reason = await bridge.call('incident.list', {}).catch((e: unknown) => e);
    expect(reason).not.toBeInstanceOf(Error);
    expect(toApiFailure(reason).error).toEqual({ code: 'not_found', message: 'no such incident' });
  });

  it('keeps the wall to its read-only methods without asking main', async () => {
    const { ipc, invoked } = fakeIpc();
    const wall = createBridge(ipc, { methods: WALL_METHODS, canOpenWall: false });
    const reason = await wall.call('settings.update', { language: 'en' }).catch((e: unknown) => e);
    expect(toApiFailure(reason).error.code).toBe('unauthorized');
    expect(invoked).toEqual([]);
    await expect(wall.call('sync.status', {})).resolves.toEqual({ fine: true });
  });

  it('refuses params that cannot be serialised before they reach IPC', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createBridge(ipc, { methods: 'all', canOpenWall: true });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const reason = await bridge.call('settings.update', cyclic as never).catch((e: unknown) => e);
    expect(toApiFailure(reason).error.code).toBe('invalid_request');
    expect(invoked).toEqual([]);
  });

  it('hands listeners the event data only, never the IPC event', () => {
    const { ipc, deliver } = fakeIpc();
    const seen: unknown[][] = [];
    createBridge(ipc, { methods: 'all', canOpenWall: true }).subscribe((...args: unknown[]) => seen.push(args));
    deliver({}, { type: 'changed', kinds: ['incident'] });
    expect(seen).toEqual([[{ type: 'changed', kinds: ['incident'] }]]);
  });

  it('drops messages that are not from the main process or not events', () => {
    const { ipc, deliver } = fakeIpc();
    const seen: unknown[] = [];
    createBridge(ipc, { methods: 'all', canOpenWall: true }).subscribe((event) => seen.push(event));
    deliver({ senderId: 7 }, { type: 'changed', kinds: [] });
    deliver({ ports: [{}] }, { type: 'changed', kinds: [] });
    deliver({}, 'not an event');
    deliver({}, null);
    expect(seen).toEqual([]);
  });

  it('removes its IPC listener when the last subscriber leaves', () => {
    const { ipc, listenerCount } = fakeIpc();
    const bridge = createBridge(ipc, { methods: 'all', canOpenWall: true });
    const a = bridge.subscribe(() => undefined);
    const b = bridge.subscribe(() => undefined);
    expect(listenerCount()).toBe(1);
    a();
    expect(listenerCount()).toBe(1);
    b();
    expect(listenerCount()).toBe(0);
  });
});
