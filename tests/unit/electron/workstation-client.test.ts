import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { startWorkstationClient, type ChildLike } from '../../../electron/main/workstation-client';
import type { FromWorkstation, ToWorkstation } from '../../../electron/main/workstation-messages';

/** A utility process that never answers, so the test decides when it dies. */
function silentChild() {
  const emitter = new EventEmitter();
  const received: ToWorkstation[] = [];
  let killed = false;
  const child: ChildLike = {
    postMessage: (message) => received.push(message),
    on: (event: string, listener: (...args: never[]) => void) => emitter.on(event, listener as (...args: unknown[]) => void),
    kill: () => {
      killed = true;
      emitter.emit('exit', 9);
      return true;
    },
  };
  return { child, received, killed: () => killed, die: (code: number) => emitter.emit('exit', code), say: (m: FromWorkstation) => emitter.emit('message', m) };
}

const init = { type: 'init', dataDir: '/tmp/x', nativeBinding: undefined, appVersion: '0' } as const;

describe('the workstation client in main', () => {
  it('answers pending calls with a named error when the core dies, and restarts it', async () => {
    const children: Array<ReturnType<typeof silentChild>> = [];
    const client = startWorkstationClient({
      spawn: () => (children.push(silentChild()), children.at(-1)!.child),
      init,
      onEvent: () => undefined,
      log: () => undefined,
    });
    const pending = client.call('incident.list', {});
    children[0]?.say({ type: 'fatal', message: 'NODE_MODULE_VERSION mismatch' });
    children[0]?.die(1);
    const outcome = await pending;
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatchObject({ code: 'internal', message: expect.stringContaining('NODE_MODULE_VERSION') as unknown });
    expect(children).toHaveLength(2);
    expect(children[1]?.received[0]).toEqual(init);
  });

  it('tells the windows to ask for their live reads again once a restarted core is ready, and not on the first start', () => {
    const children: Array<ReturnType<typeof silentChild>> = [];
    let restarts = 0;
    startWorkstationClient({
      spawn: () => (children.push(silentChild()), children.at(-1)!.child),
      init,
      onEvent: () => undefined,
      onRestarted: () => restarts++,
      log: () => undefined,
    });
    children[0]?.say({ type: 'ready', clientId: 'c1' });
    expect(restarts).toBe(0);
    children[0]?.die(1);
    expect(restarts).toBe(0);
    children[1]?.say({ type: 'ready', clientId: 'c1' });
    expect(restarts).toBe(1);
  });

  it('gives up after repeated crashes instead of looping', async () => {
    const children: Array<ReturnType<typeof silentChild>> = [];
    const client = startWorkstationClient({
      spawn: () => (children.push(silentChild()), children.at(-1)!.child),
      init,
      onEvent: () => undefined,
      log: () => undefined,
      maxRestartsPerMinute: 2,
    });
    for (let i = 0; i < 5; i++) children.at(-1)?.die(1);
    expect(children).toHaveLength(3);
    const outcome = await client.call('incident.list', {});
    expect(outcome.ok).toBe(false);
  });

  it('asks the core to close on stop, and kills it when it does not', async () => {
    const { child, received, killed } = silentChild();
    const client = startWorkstationClient({ spawn: () => child, init, onEvent: () => undefined, log: () => undefined });
    await client.stop(50);
    expect(received.at(-1)).toEqual({ type: 'close' });
    expect(killed()).toBe(true);
  });
});
