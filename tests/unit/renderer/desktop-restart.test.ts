import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../src/contract/api';
import type { DesktopBridge } from '../../../src/contract/bridge';
import { createAppStore } from '../../../src/renderer/state/create-app-store';
import { desktopTransport } from '../../../src/renderer/transport/desktop-transport';

/** The preload's bridge as the desktop gives it: records calls, answers each with an empty result, relays events. */
function fakeBridge() {
  const calls: Array<{ method: string; params: unknown }> = [];
  const listeners = new Set<(event: ApiEvent) => void>();
  const bridge: DesktopBridge = {
    call: (method, params) => {
      calls.push({ method, params });
      return Promise.reject(new Error('not answered in this test'));
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { bridge, calls, emit: (event: ApiEvent) => listeners.forEach((l) => l(event)) };
}

describe('the desktop after its workstation core restarts', () => {
  it('asks the new core for every live read the window follows', () => {
    const { bridge, calls, emit } = fakeBridge();
    const transport = desktopTransport(bridge);
    createAppStore(transport, () => undefined, 'board');
    const subscribed = () => calls.filter((c) => c.method === 'live.subscribe').map((c) => (c.params as { method: string }).method);
    const before = subscribed();
    expect(before.length).toBeGreaterThan(0);

    emit({ type: 'restarted' });

    expect(subscribed()).toEqual([...before, ...before]);
  });
});
