import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PullResponseSchema, PushResponseSchema } from '../../../src/contract/sync';
import { newId } from '../../../src/domain/ids';
import {
  newClientId, openPokeSocket, post, postgresReachable, pullBody, pushBody, pushed, startTestServer, type TestServer,
} from '../../fixtures/server';

const receive = (id: string) => ({ id, item: 'saline 500 ml', store: 'pharmacy', qty: 1 });

describe.skipIf(!(await postgresReachable()))('several server instances on one PostgreSQL database', () => {
  let a: TestServer;
  let b: TestServer;
  let token: string;
  beforeAll(async () => {
    a = await startTestServer({ storage: 'postgres', server: { poolSize: 12 } });
    b = await startTestServer({ databaseUrl: a.databaseUrl ?? '' });
    token = (await a.login(await a.createUser())).token;
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('pokes a socket on one instance after a push commits on the other (LISTEN/NOTIFY)', async () => {
    const { socket, next } = await openPokeSocket(b.url, token);
    try {
      const response = await post(a.url, '/api/sync/push', pushBody(newClientId(), [pushed(1, 'stock.receive', receive(newId()))]), token);
      expect(PushResponseSchema.parse(response.body).results[0]?.status).toBe('applied');
      const [row] = await a.server.db.query<{ version: number }>(`SELECT version FROM space WHERE id = 'demo-hospital'`);
      expect(await next()).toEqual({ type: 'poke', space: 'demo-hospital', version: row?.version });
    } finally {
      socket.close();
    }
  });

  // With versions from a plain sequence and no space lock, this test fails: rows committed late land below the cursor.
  it('never lets a puller miss a row while many clients push concurrently through both instances', async () => {
    const pushers = 8;
    const pushesEach = 12;
    const created = new Set<string>();
    const pushesMade: string[][] = [];
    let pushing = true;

    const pusher = async (index: number) => {
      const client = newClientId();
      const target = index % 2 === 0 ? a : b;
      for (let n = 0; n < pushesEach; n++) {
        // Two rows per push, committed together under the push's one version.
        const ids = [newId(), newId()];
        const body = pushBody(client, ids.map((id, i) => pushed(n * 2 + i + 1, 'stock.receive', receive(id))));
        const response = await post(target.url, '/api/sync/push', body, token);
        const results = PushResponseSchema.parse(response.body).results;
        expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
        for (const id of ids) created.add(id);
        pushesMade.push(ids);
      }
    };

    const seen = new Map<string, number>();
    let cursor = 0;
    let pulls = 0;
    const pullOnce = async () => {
      const response = await post(b.url, '/api/sync/pull', pullBody(newClientId(), { 'demo-hospital': cursor }, { limit: 5 }), token);
      const page = PullResponseSchema.parse(response.body);
      for (const row of page.rows) {
        expect(row.version).toBeGreaterThan(cursor);
        seen.set(row.id, row.version);
      }
      cursor = page.cursors['demo-hospital'] ?? cursor;
      pulls++;
      return page;
    };
    const puller = async () => {
      while (pushing) await pullOnce();
      // Catch up once the pushers are done: a row below the cursor would never come now.
      for (let guard = 0; guard < 1_000; guard++) if (!(await pullOnce()).more) break;
    };

    const pulling = puller();
    await Promise.all(Array.from({ length: pushers }, (_, i) => pusher(i))).finally(() => {
      pushing = false;
    });
    await pulling;

    expect(created.size).toBe(pushers * pushesEach * 2);
    const missed = [...created].filter((id) => !seen.has(id));
    expect(missed).toEqual([]);
    expect(pulls).toBeGreaterThan(5);
    // A push's rows commit under one version (concurrent pushes may share it: group commit).
    for (const ids of pushesMade) expect(new Set(ids.map((id) => seen.get(id))).size).toBe(1);
  }, 120_000);

  it('shuts down gracefully: open poke sockets are told the server is going away', async () => {
    const c = await startTestServer({ databaseUrl: a.databaseUrl ?? '' });
    const { socket } = await openPokeSocket(c.url, token);
    const closed = new Promise<number>((resolve) => socket.on('close', (code: number) => resolve(code)));
    await c.close();
    expect(await closed).toBe(1001);
    expect((await fetch(`${a.url}/health`)).status).toBe(200);
  });
});
