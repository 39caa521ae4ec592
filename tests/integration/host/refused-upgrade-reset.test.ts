import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { upgradeStatus, socketUrl, withHost } from './host-fixture';

/** Sends a WebSocket upgrade to `path` on the raw connection and resets it `afterMs` later (0: at once). */
async function upgradeThenReset(port: number, path: string, afterMs: number): Promise<void> {
  const raw = connect(port, '127.0.0.1');
  raw.on('error', () => undefined);
  await new Promise<void>((resolve) => raw.once('connect', () => resolve()));
  raw.write(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
      `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`,
  );
  if (afterMs > 0) await new Promise((resolve) => setTimeout(resolve, afterMs));
  raw.resetAndDestroy();
}

describe('web host refusing socket upgrades', () => {
  it('keeps serving when clients reset the connections whose upgrade it refuses', async () => {
    // A refusal writes its status line to a socket Node hands over with no error listener: a client that has reset
    // the connection by then made that write an uncaught exception, which ends the host and the desk with it.
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      await withHost(async (host) => {
        for (let i = 0; i < 40; i++) {
          // Without the token (401) and on a path that is not the API socket (404), reset at once or a little later.
          await upgradeThenReset(host.port, i % 2 === 0 ? '/api' : '/not-a-socket', i % 4 < 2 ? 0 : i % 7);
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(uncaught).toEqual([]);
        expect(await upgradeStatus(socketUrl(host, '?token=wall-secret-0123456789'))).toBe(101);
        expect((await fetch(`${host.url}/?token=wall-secret-0123456789`, { redirect: 'manual' })).status).toBe(303);
      }, { token: 'wall-secret-0123456789' });
    } finally {
      process.off('uncaughtException', record);
    }
  });
});
