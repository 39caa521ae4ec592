import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startWebHost } from '../../../src/host/web-host';
import { createSocketClient, type ConnectionState, type SocketClient, type SocketLike } from '../../../src/renderer/transport/socket-client';
import { TransportFailure } from '../../../src/renderer/transport/transport-error';
import { makeTempDir } from '../../fixtures/workstation';
import { makeRendererDir } from './host-fixture';

function waitForState(client: SocketClient, state: ConnectionState, timeoutMs = 10_000): Promise<void> {
  if (client.state() === state) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still ${client.state()}, wanted ${state}`)), timeoutMs);
    const off = client.onState((next) => {
      if (next !== state) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

describe('renderer socket client against a real web host', () => {
  it('fails calls with `disconnected` while the host is down, and reconnects when it is back', async () => {
    const { dir, cleanup } = makeTempDir('hcc-client-');
    const options = { dataDir: join(dir, 'data'), rendererDir: makeRendererDir(dir) };
    let host = await startWebHost({ port: 0, ...options });
    const url = `${host.url.replace(/^http/, 'ws')}/api`;
    const client = createSocketClient(url, {
      // The ws package's client has the DOM WebSocket's on* handlers; Node 20 has no global WebSocket.
      createSocket: (u) => new WebSocket(u) as unknown as SocketLike,
      minBackoffMs: 50,
      maxBackoffMs: 200,
    });
    try {
      await waitForState(client, 'open');
      expect(await client.call('incident.list', {})).toEqual([]);

      await host.close();
      await waitForState(client, 'closed');
      const failure = await client.call('incident.list', {}).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(TransportFailure);
      expect((failure as TransportFailure).code).toBe('disconnected');

      host = await startWebHost({ port: host.port, ...options });
      await waitForState(client, 'open');
      expect((await client.call('settings.get', {})).language).toBe('zh-CN');
    } finally {
      client.close();
      await host.close();
      cleanup();
    }
  });
});
