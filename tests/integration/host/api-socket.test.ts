import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '../../../src/contract/wire';
import { makeIncidentArgs } from '../../fixtures/workstation';
import { openSocket, socketUrl, withHost } from './host-fixture';

describe('web host API socket', () => {
  it('answers a request with its id and pushes change events', async () => {
    await withHost(async (host) => {
      const { socket, next } = await openSocket(socketUrl(host));
      const args = makeIncidentArgs();
      socket.send(JSON.stringify({ id: 7, method: 'mutate', params: { name: 'incident.declare', args } }));
      const messages = [await next(), await next(), await next()];
      expect(messages).toContainEqual({ id: 7, ok: true, result: { mutationId: 1 } });
      expect(messages).toContainEqual({ event: { type: 'changed', kinds: ['incident'], ids: [args.id] } });
      socket.close();
    });
  });

  it('refuses invalid JSON with a named error and keeps serving the same socket', async () => {
    await withHost(async (host) => {
      const { socket, next } = await openSocket(socketUrl(host));
      socket.send('{"id": 1, "method": ');
      expect(await next()).toMatchObject({ id: -1, ok: false, error: { code: 'invalid_request' } });
      socket.send(JSON.stringify({ id: 2, method: 'settings.get', params: {} }));
      expect(await next()).toMatchObject({ id: 2, ok: true, result: { language: 'zh-CN' } });
      socket.close();
    });
  });

  it('refuses a request nested 100,000 levels deep with invalid_request and keeps serving the same socket', async () => {
    await withHost(async (host) => {
      const { socket, next } = await openSocket(socketUrl(host));
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      socket.send(`{"id": 3, "method": "mutate", "params": {"name": "incident.declare", "args": ${deep}}}`);
      const refused = (await next()) as { ok: boolean; error: { code: string; message: string } };
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      expect(refused.error.message).toContain('nests deeper than 64');
      socket.send(JSON.stringify({ id: 4, method: 'settings.get', params: {} }));
      expect(await next()).toMatchObject({ id: 4, ok: true });
      socket.close();
    });
  });

  it('refuses a frame that is not a request, answering to its id', async () => {
    await withHost(async (host) => {
      const { socket, next } = await openSocket(socketUrl(host));
      socket.send(JSON.stringify({ id: 3, params: {} }));
      expect(await next()).toMatchObject({ id: 3, ok: false, error: { code: 'invalid_request' } });
      socket.close();
    });
  });

  it('refuses an unknown method by name and keeps serving', async () => {
    await withHost(async (host) => {
      const { socket, next } = await openSocket(socketUrl(host));
      socket.send(JSON.stringify({ id: 4, method: 'workstation.dropDatabase', params: {} }));
      expect(await next()).toMatchObject({ id: 4, ok: false, error: { code: 'unknown_method' } });
      socket.send(JSON.stringify({ id: 5, method: 'incident.list', params: {} }));
      expect(await next()).toEqual({ id: 5, ok: true, result: [] });
      socket.close();
    });
  });

  it('refuses a frame over MAX_REQUEST_BYTES with payload_too_large, without running it, and keeps serving', async () => {
    await withHost(async (host) => {
      const { socket, next } = await openSocket(socketUrl(host));
      const args = makeIncidentArgs({ location: 'x'.repeat(MAX_REQUEST_BYTES) });
      socket.send(JSON.stringify({ id: 6, method: 'mutate', params: { name: 'incident.declare', args } }));
      expect(await next()).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
      socket.send(JSON.stringify({ id: 7, method: 'incident.list', params: {} }));
      expect(await next()).toEqual({ id: 7, ok: true, result: [] });
      socket.close();
    });
  });

  it('closes a socket that sends a frame far over the limit, and still accepts new sockets', async () => {
    await withHost(async (host) => {
      const { socket } = await openSocket(socketUrl(host));
      const closed = new Promise<number>((resolve) => socket.once('close', (code: number) => resolve(code)));
      socket.send('x'.repeat(MAX_REQUEST_BYTES * 5));
      expect(await closed).toBe(1009);
      const again = await openSocket(socketUrl(host));
      again.socket.send(JSON.stringify({ id: 1, method: 'incident.list', params: {} }));
      expect(await again.next()).toEqual({ id: 1, ok: true, result: [] });
      again.socket.close();
    });
  });
});
