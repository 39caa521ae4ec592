import { EventEmitter } from 'node:events';
import type { IpcMain, WebContents } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallContext, Outcome } from '../../../src/contract/dispatch';
import { MAX_REQUEST_BYTES } from '../../../src/contract/wire';
import { createWorkstation, type Workstation, type WorkstationOptions } from '../../../src/workstation/workstation';
import { CALL_CHANNEL, EVENT_CHANNEL, OPEN_WALL_CHANNEL } from '../../../electron/preload/channels';
import { bindIpc } from '../../../electron/main/ipc';
import { WindowRegistry } from '../../../electron/main/window-registry';
import { startWorkstationClient, type ChildLike, type WorkstationClient } from '../../../electron/main/workstation-client';
import type { FromWorkstation, ToWorkstation } from '../../../electron/main/workstation-messages';
import { serveWorkstation } from '../../../electron/main/workstation-service';
import { FakeIpcMain, FakeWebContents } from '../../fixtures/electron-stand-in';
import { makeIncidentArgs, makeTempDir } from '../../fixtures/workstation';

/**
 * The utility process, run in this process: the real service and a real workstation on a real SQLite file,
 * joined by structured-clone message passing as Electron's parentPort would. Counts what reaches `handle`.
 */
function inProcessCore() {
  const toService = new EventEmitter();
  const toMain = new EventEmitter();
  const reached: string[] = [];
  let core: Workstation | null = null;
  serveWorkstation({
    port: {
      on: (event, listener) => toService.on(event, listener),
      postMessage: (message: FromWorkstation) => setImmediate(() => toMain.emit('message', structuredClone(message))),
    },
    createWorkstation: (options: WorkstationOptions) => {
      const ws = createWorkstation(options);
      core = ws;
      return { ...ws, handle: (method: unknown, params: unknown, context?: CallContext) => (reached.push(String(method)), ws.handle(method, params, context)) };
    },
    exit: (code) => setImmediate(() => toMain.emit('exit', code)),
  });
  const child: ChildLike = {
    postMessage: (message: ToWorkstation) => setImmediate(() => toService.emit('message', { data: structuredClone(message) })),
    on: (event: string, listener: (...args: never[]) => void) => toMain.on(event, listener as (...args: unknown[]) => void),
    kill: () => true,
  };
  return { child, reached, core: () => core };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function setUp() {
  const { dir, cleanup } = makeTempDir('hcc-ipc-');
  const core = inProcessCore();
  const ipcMain = new FakeIpcMain();
  const registry = new WindowRegistry();
  let wallOpened = 0;
  const client: WorkstationClient = startWorkstationClient({
    spawn: () => core.child,
    init: { type: 'init', dataDir: dir, nativeBinding: undefined, appVersion: '0.1.0-test' },
    onEvent: (event) => relay.broadcast(event),
    onLive: (conn, event) => relay.sendLive(conn, event),
    log: () => undefined,
  });
  const relay = bindIpc({ ipcMain: ipcMain as unknown as IpcMain, registry, workstation: client, openWall: () => wallOpened++, log: () => undefined });
  cleanups.push(cleanup, () => client.stop(5_000));

  const window = (role: 'operator' | 'wall', url = role === 'wall' ? 'app://renderer/wall' : 'app://renderer/') => {
    const contents = new FakeWebContents();
    contents.mainFrame.url = url;
    registry.add(contents as unknown as WebContents, role);
    return contents;
  };
  const call = (contents: FakeWebContents, method: unknown, payload: unknown, frame = contents.mainFrame) =>
    ipcMain.invoke(contents, frame, CALL_CHANNEL, method, payload) as Promise<Outcome>;
  return { ipcMain, registry, window, call, reached: core.reached, core: core.core, wallOpened: () => wallOpened };
}

const errorCode = (outcome: Outcome) => (outcome.ok ? 'ok' : outcome.error.code);

describe('IPC between the windows and the workstation core', () => {
  it('relays a valid call from the operator to the real workstation and back', async () => {
    const { window, call } = setUp();
    const operator = window('operator');
    const declared = await call(operator, 'mutate', JSON.stringify({ name: 'incident.declare', args: makeIncidentArgs() }));
    expect(declared).toEqual({ ok: true, result: { mutationId: 1 } });
    const listed = await call(operator, 'incident.list', '{}');
    expect(listed.ok && Array.isArray(listed.result) && listed.result.length).toBe(1);
  });

  it('sends workstation events to every window', async () => {
    const { window, call } = setUp();
    const operator = window('operator');
    const wall = window('wall');
    await call(operator, 'mutate', JSON.stringify({ name: 'incident.declare', args: makeIncidentArgs() }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const contents of [operator, wall]) {
      expect(contents.sent.some((m) => m.channel === EVENT_CHANNEL && (m.payload as { type?: string }).type === 'changed')).toBe(true);
    }
  });

  it('refuses a call from an iframe inside our window', async () => {
    const { window, call, reached } = setUp();
    const operator = window('operator');
    expect(errorCode(await call(operator, 'incident.list', '{}', operator.childFrame('app://renderer/')))).toBe('unauthorized');
    expect(reached).toEqual([]);
  });

  it.each(['https://evil.com/', 'app://renderer.evil/', 'file:///etc/passwd', 'http://127.0.0.1@evil.com/'])(
    'refuses a call from our window once it shows %s',
    async (url) => {
      const { window, call, reached } = setUp();
      expect(errorCode(await call(window('operator', url), 'incident.list', '{}'))).toBe('unauthorized');
      expect(reached).toEqual([]);
    },
  );

  it('refuses a call from a WebContents that is not one of our windows, or whose frame is gone', async () => {
    const { window, call, reached } = setUp();
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = 'app://renderer/';
    expect(errorCode(await call(stranger, 'incident.list', '{}'))).toBe('unauthorized');
    expect(errorCode(await call(window('operator'), 'incident.list', '{}', null as never))).toBe('unauthorized');
    expect(reached).toEqual([]);
  });

  it('answers an oversized payload with payload_too_large', async () => {
    const { window, call, reached } = setUp();
    const huge = JSON.stringify({ name: 'incident.declare', args: { ...makeIncidentArgs(), location: 'x'.repeat(MAX_REQUEST_BYTES) } });
    expect(errorCode(await call(window('operator'), 'mutate', huge))).toBe('payload_too_large');
    // Multi-byte text: under the limit in characters, over it in UTF-8 bytes.
    const wide = JSON.stringify({ name: 'incident.rename', args: { id: makeIncidentArgs().id, name: '急'.repeat(MAX_REQUEST_BYTES / 2) } });
    expect(wide.length).toBeLessThan(MAX_REQUEST_BYTES);
    expect(errorCode(await call(window('operator'), 'mutate', wide))).toBe('payload_too_large');
    expect(reached).toEqual([]);
  });

  it.each([['db.exec'], ['__proto__'], ['constructor'], [42], [null]])('answers the unknown method %s with unknown_method', async (method) => {
    const { window, call, reached } = setUp();
    expect(errorCode(await call(window('operator'), method, '{}'))).toBe('unknown_method');
    expect(reached).toEqual([]);
  });

  it('answers params that fail the contract schema with invalid_request naming the field', async () => {
    const { window, call, reached } = setUp();
    const operator = window('operator');
    const outcome = await call(operator, 'mutate', JSON.stringify({ name: 'incident.declare', args: { ...makeIncidentArgs(), name: '  ' } }));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.issues?.[0]?.path).toBe('params.args.name');
    expect(errorCode(await call(operator, 'incident.list', '{"extra":1}'))).toBe('invalid_request');
    expect(errorCode(await call(operator, 'incident.list', '{not json'))).toBe('invalid_request');
    expect(errorCode(await call(operator, 'incident.list', { structured: 'clone' }))).toBe('invalid_request');
    expect(reached).toEqual([]);
  });

  it.each(['mutate', 'settings.update', 'sync.dismissRejection'])('refuses %s from the wall display', async (method) => {
    const { window, call, reached } = setUp();
    expect(errorCode(await call(window('wall'), method, '{}'))).toBe('unauthorized');
    expect(reached).toEqual([]);
  });

  it('lets the wall display read', async () => {
    const { window, call } = setUp();
    expect(errorCode(await call(window('wall'), 'incident.list', '{}'))).toBe('ok');
  });

  const liveTo = (contents: FakeWebContents, queryId: string) =>
    contents.sent.filter((m) => m.channel === EVENT_CHANNEL && (m.payload as { type?: string; queryId?: string }).type === 'live' && (m.payload as { queryId?: string }).queryId === queryId);
  const subscribe = (queryId: string, method: string, params: unknown = {}) => JSON.stringify({ queryId, method, params });

  it('pushes a live read to the window that subscribed it alone, and ends it when the window goes', async () => {
    const { window, call, core } = setUp();
    const operator = window('operator');
    const wall = window('wall');
    expect(errorCode(await call(wall, 'live.subscribe', subscribe('incidents', 'incident.list')))).toBe('ok');
    expect(liveTo(wall, 'incidents').map((m) => m.payload)).toEqual([{ type: 'live', queryId: 'incidents', result: [] }]);
    await call(operator, 'mutate', JSON.stringify({ name: 'incident.declare', args: makeIncidentArgs() }));
    await vi.waitFor(() => expect(liveTo(wall, 'incidents')).toHaveLength(2));
    expect(liveTo(operator, 'incidents')).toEqual([]);
    wall.destroy();
    await vi.waitFor(() => expect(core()?.live.size).toBe(0));
  });

  it('refuses the wall display a live read of a method it may not call', async () => {
    const { window, call, reached } = setUp();
    expect(errorCode(await call(window('wall'), 'live.subscribe', subscribe('pool', 'roster.pool', { incidentId: makeIncidentArgs().id })))).toBe('unauthorized');
    expect(reached).toEqual([]);
  });

  it('opens the wall display for the operator window only', async () => {
    const { ipcMain, window, wallOpened } = setUp();
    const operator = window('operator');
    const wall = window('wall');
    await ipcMain.invoke(wall, wall.mainFrame, OPEN_WALL_CHANNEL);
    await ipcMain.invoke(operator, operator.childFrame('app://renderer/'), OPEN_WALL_CHANNEL);
    expect(wallOpened()).toBe(0);
    await ipcMain.invoke(operator, operator.mainFrame, OPEN_WALL_CHANNEL);
    expect(wallOpened()).toBe(1);
  });
});
