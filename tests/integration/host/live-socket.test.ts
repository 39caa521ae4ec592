import { describe, expect, it } from 'vitest';
import { makeIncidentArgs } from '../../fixtures/workstation';
import { openSocket, socketUrl, withHost } from './host-fixture';

type Message = { id?: number; ok?: boolean; event?: { type: string; queryId?: string; result?: unknown } };

/** Reads messages until one matches, keeping the others it passed (in order) for the caller to look at. */
async function until(next: () => Promise<unknown>, match: (m: Message) => boolean): Promise<Message[]> {
  const seen: Message[] = [];
  for (;;) {
    const message = (await next()) as Message;
    seen.push(message);
    if (match(message)) return seen;
  }
}

const isLive = (m: Message) => m.event?.type === 'live';

describe('live reads over the web host API socket', () => {
  it('pushes a live read’s results to the socket that subscribed it alone, and ends them when it closes', async () => {
    await withHost(async (host) => {
      const watcher = await openSocket(socketUrl(host));
      const writer = await openSocket(socketUrl(host));
      watcher.socket.send(JSON.stringify({ id: 1, method: 'live.subscribe', params: { queryId: 'incidents', method: 'incident.list', params: {} } }));
      const first = await until(watcher.next, (m) => m.id === 1);
      expect(first).toContainEqual({ event: { type: 'live', queryId: 'incidents', result: [] } });
      expect(first.at(-1)).toEqual({ id: 1, ok: true, result: {} });

      const args = makeIncidentArgs();
      writer.socket.send(JSON.stringify({ id: 2, method: 'mutate', params: { name: 'incident.declare', args } }));
      const pushed = await until(watcher.next, isLive);
      expect((pushed.at(-1)?.event?.result as { id: string }[]).map((i) => i.id)).toEqual([args.id]);

      // The writer subscribed nothing: everything it gets up to its next answer is its answer or a broadcast.
      writer.socket.send(JSON.stringify({ id: 3, method: 'settings.get', params: {} }));
      expect((await until(writer.next, (m) => m.id === 3)).filter(isLive)).toEqual([]);

      watcher.socket.close();
      await new Promise<void>((resolve) => watcher.socket.once('close', () => resolve()));
      writer.socket.send(JSON.stringify({ id: 4, method: 'settings.get', params: {} }));
      await until(writer.next, (m) => m.id === 4);
      expect(host.workstation.live.size).toBe(0);
      writer.socket.close();
    });
  });

  it('refuses a live read whose inner params the read would refuse, naming the field', async () => {
    await withHost(async (host) => {
      const { socket, next } = await openSocket(socketUrl(host));
      socket.send(JSON.stringify({ id: 1, method: 'live.subscribe', params: { queryId: 'b', method: 'board.get', params: { incidentId: 7 } } }));
      expect(await next()).toMatchObject({ id: 1, ok: false, error: { code: 'invalid_request' } });
      expect(host.workstation.live.size).toBe(0);
      socket.close();
    });
  });
});
