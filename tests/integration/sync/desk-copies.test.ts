import { cpSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { createWorkstation, type Workstation } from '../../../src/workstation/workstation';
import { storageKinds, type TestServer } from '../../fixtures/server';
import { eventually, useStationsBehindProxies, type Station } from '../../fixtures/sync';
import { makeTempDir } from '../../fixtures/workstation';

const SPACE = 'demo-hospital';
const receive = (id: string, qty: number) => ({ name: 'stock.receive' as const, args: { id, item: 'Oxygen cylinders', store: 'Central', qty } });

/** How many times the server applied a change to this stock row, and its quantity now. */
async function serverStock(server: TestServer, id: string): Promise<{ applied: number; qty: number | undefined }> {
  const [audit] = await server.server.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit WHERE result = 'applied' AND args->>'id' = $1",
    [id],
  );
  const [row] = await server.server.db.query<{ qty: number }>("SELECT (data->>'qty')::int AS qty FROM entity WHERE kind = 'stock' AND id = $1", [id]);
  return { applied: audit?.n ?? 0, qty: row?.qty };
}

/** A copy of a closed desk's folder (its SQLite file with WAL and all), as a backup or a disk image would take. */
function copyDesk(from: string): { dir: string; cleanup: () => void } {
  const copy = makeTempDir('hcc-desk-copy-');
  cpSync(from, copy.dir, { recursive: true });
  return copy;
}

describe.each(await storageKinds())('a desk file restored from an older copy, or cloned to a second desk, on %s', (storage) => {
  const rig = useStationsBehindProxies(storage, ['incident_commander']);
  const synced = (ws: Workstation) => eventually(ws, () => ws.sync.status().pending === 0 && ws.sync.status().connection === 'online', 30_000);

  it('loses nothing and doubles nothing when last night\'s copy of the desk file is put back, and tells the user', async () => {
    const { s } = await rig.station();
    const [before, during, after] = [newId(), newId(), newId()];
    await s.ws.call('mutate', receive(before, 1));
    await synced(s.ws);
    await s.ws.close();
    const backup = copyDesk(s.dataDir);

    s.reopen();
    await s.ws.call('mutate', receive(during, 2));
    await s.ws.call('mutate', receive(during, 3));
    await synced(s.ws);
    await s.ws.close();

    // The desk is restored from the backup: it has forgotten the two receipts above and numbers its next change as the first of them.
    rmSync(s.dataDir, { recursive: true, force: true });
    cpSync(backup.dir, s.dataDir, { recursive: true });
    backup.cleanup();
    s.reopen();
    await s.ws.call('mutate', receive(after, 4));
    await synced(s.ws);

    expect(await serverStock(rig.server, before)).toEqual({ applied: 1, qty: 1 });
    expect(await serverStock(rig.server, during)).toEqual({ applied: 2, qty: 5 });
    expect(await serverStock(rig.server, after)).toEqual({ applied: 1, qty: 4 });
    await eventually(s.ws, () => s.ws.store.list('stock', SPACE).filter((x) => [before, during, after].includes(x.id)).length === 3, 20_000);
    expect(s.ws.sync.status().notices).toEqual([expect.objectContaining({ kind: 'desk_copy', count: 1 })]);
  }, 120_000);

  it('drains a desk put back from a copy taken while it had unsent work, after the original sent that work and went on', async () => {
    const { s, net } = await rig.station();
    const [early, later] = [newId(), newId()];
    net.setMode('down');
    await s.ws.call('mutate', receive(early, 1));
    await s.ws.call('mutate', receive(early, 2));
    await s.ws.close();
    const backup = copyDesk(s.dataDir);

    s.reopen();
    net.setMode('up');
    await synced(s.ws);
    await s.ws.call('mutate', receive(later, 3));
    await synced(s.ws);
    await s.ws.close();

    // Put back: the copy still holds the two receipts as unsent, and has never heard of the third.
    rmSync(s.dataDir, { recursive: true, force: true });
    cpSync(backup.dir, s.dataDir, { recursive: true });
    backup.cleanup();
    s.reopen();
    await synced(s.ws);

    expect(await serverStock(rig.server, early)).toEqual({ applied: 2, qty: 3 });
    expect(await serverStock(rig.server, later)).toEqual({ applied: 1, qty: 3 });
  }, 120_000);

  it('keeps the work of two desks running the same cloned file, each change applied once', async () => {
    const { s: original } = await rig.station();
    await synced(original.ws);
    await original.ws.close();
    const image = copyDesk(original.dataDir);
    original.reopen();
    const clone: Station = rig.track({
      ws: createWorkstation({ dataDir: image.dir, sync: { pollMs: 500 } }),
      dataDir: image.dir,
      reopen: () => clone.ws,
      cleanup: image.cleanup,
    });

    const ids = [newId(), newId(), newId(), newId()];
    await original.ws.call('mutate', receive(ids[0]!, 1));
    await clone.ws.call('mutate', receive(ids[1]!, 2));
    await original.ws.call('mutate', receive(ids[2]!, 3));
    await clone.ws.call('mutate', receive(ids[3]!, 4));
    await synced(original.ws);
    await synced(clone.ws);

    for (const [i, id] of ids.entries()) expect(await serverStock(rig.server, id)).toEqual({ applied: 1, qty: i + 1 });
    for (const desk of [original.ws, clone.ws]) {
      await eventually(desk, () => desk.store.list('stock', SPACE).filter((x) => ids.includes(x.id)).length === 4, 20_000);
    }
    // Whichever desk's numbers clashed took a new client id, and says so.
    const notices = [...original.ws.sync.status().notices, ...clone.ws.sync.status().notices];
    expect(notices.map((n) => n.kind)).toContain('desk_copy');
  }, 120_000);

  // Chaos seed 304 (PostgreSQL) doubled three changes so: both copies re-keyed the same pending work, each to its own id.
  it('doubles nothing when a desk put back from an old copy is imaged to a second desk before either reconnects', async () => {
    const { s: desk, net } = await rig.station();
    const [first, second, made] = [newId(), newId(), newId()];
    await desk.ws.call('mutate', receive(first, 1));
    await synced(desk.ws);
    await desk.ws.close();
    const backup = copyDesk(desk.dataDir);
    desk.reopen();
    await desk.ws.call('mutate', receive(second, 2));
    await synced(desk.ws);
    await desk.ws.close();

    // Put back from the copy and used offline: its next change takes a number the server already holds other work under.
    rmSync(desk.dataDir, { recursive: true, force: true });
    cpSync(backup.dir, desk.dataDir, { recursive: true });
    backup.cleanup();
    net.setMode('down');
    desk.reopen();
    await desk.ws.call('mutate', receive(made, 3));
    await desk.ws.close();
    // Then imaged to a second desk, still offline; both come back to the network together.
    const image = copyDesk(desk.dataDir);
    desk.reopen();
    const clone: Station = rig.track({
      ws: createWorkstation({ dataDir: image.dir, sync: { pollMs: 500 } }),
      dataDir: image.dir,
      reopen: () => clone.ws,
      cleanup: image.cleanup,
    });
    net.setMode('up');
    desk.ws.sync.requestSync();
    clone.ws.sync.requestSync();
    await synced(desk.ws);
    await synced(clone.ws);

    expect(await serverStock(rig.server, first)).toEqual({ applied: 1, qty: 1 });
    expect(await serverStock(rig.server, second)).toEqual({ applied: 1, qty: 2 });
    expect(await serverStock(rig.server, made)).toEqual({ applied: 1, qty: 3 });
    for (const ws of [desk.ws, clone.ws]) {
      await eventually(ws, () => ws.store.list('stock', SPACE).find((x) => x.id === made)?.qty === 3, 20_000);
      expect(ws.sync.status().notices.map((n) => n.kind)).toContain('desk_copy');
    }
  }, 120_000);
});
