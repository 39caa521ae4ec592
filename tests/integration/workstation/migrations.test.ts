import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalStore } from '../../../src/workstation/local-store';
import { migrate, migrations, SCHEMA_VERSION, StoreTooNewError } from '../../../src/workstation/migrations';
import { openDatabase } from '../../../src/workstation/sqlite';
import { makeTempDir } from '../../fixtures/workstation';

function tables(db: ReturnType<typeof openDatabase>): string[] {
  return db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => r.name);
}

describe('workstation store migrations', () => {
  it('builds the newest schema from an empty file', () => {
    const { dir, cleanup } = makeTempDir();
    const db = openDatabase(join(dir, 'ws.sqlite'));
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(tables(db)).toEqual(expect.arrayContaining(['directory_user', 'entity', 'meta', 'outbox', 'rejection', 'shadow', 'sync_cursor']));
    db.close();
    cleanup();
  });

  it.each(migrations.map((_, i) => i).filter((i) => i > 0))('upgrades a store at version %i, keeping its data', (from) => {
    const { dir, cleanup } = makeTempDir();
    const file = join(dir, 'ws.sqlite');
    const old = openDatabase(file);
    migrate(old, from);
    old.prepare("INSERT INTO meta (key, value) VALUES ('clientId', 'abc-12345')").run();
    old.prepare("INSERT INTO outbox (mutation_id, name, args, space, at, actor) VALUES (1, 'incident.rename', '{}', 'demo-hospital', 1, '{}')").run();
    old.close();
    const db = openDatabase(file);
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT value FROM meta WHERE key = ?').get('clientId')).toEqual({ value: 'abc-12345' });
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
    db.close();
    cleanup();
  });

  it('adds params to the refusals of a store at version 3: refusals taken in before keep showing, without them', async () => {
    const { dir, cleanup } = makeTempDir();
    const file = join(dir, 'ws.sqlite');
    const old = openDatabase(file);
    migrate(old, 3);
    old.prepare(
      "INSERT INTO rejection (mutation_id, name, args, code, message, at) VALUES (1, 'stock.issue', '{\"qty\":6}', 'stock_negative', 'only 3', 5)",
    ).run();
    old.prepare("INSERT INTO outbox (mutation_id, name, args, space, at, actor) VALUES (2, 'stock.issue', '{}', 'demo-hospital', 6, '{}')").run();
    old.close();
    const db = openDatabase(file);
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    const store = new LocalStore(db);
    expect(store.openRejections()).toEqual([{ mutationId: 1, name: 'stock.issue', args: { qty: 6 }, code: 'stock_negative', message: 'only 3', at: 5 }]);
    const params = { item: 'N95 masks', store: 'ED store', onHand: 3, requested: 6 };
    await store.rebase(2, [{ mutationId: 2, code: 'stock_negative', message: 'only 3', params }]);
    expect(store.openRejections().map((r) => r.params)).toEqual([undefined, params]);
    db.close();
    cleanup();
  });

  it('turns the one client id of a store at version 4 into the stream of its logged-in user, numbers kept', () => {
    const { dir, cleanup } = makeTempDir();
    const file = join(dir, 'ws.sqlite');
    const old = openDatabase(file);
    migrate(old, 4);
    const session = { token: 't', expiresAt: 1, user: { id: 'u-alice', username: 'alice', displayName: 'Alice', roles: [] }, spaces: [], serverUrl: 'http://x' };
    const meta = old.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?)');
    meta.run('clientId', 'desk-12345');
    meta.run('session', JSON.stringify(session));
    meta.run('lastMutationId', '3');
    meta.run('ackedMutationId', '1');
    const outbox = old.prepare<[number, string]>("INSERT INTO outbox (mutation_id, name, args, space, at, actor) VALUES (?, 'incident.rename', '{}', 'demo-hospital', 1, ?)");
    outbox.run(2, JSON.stringify({ userId: 'u-alice', roles: [] }));
    outbox.run(3, JSON.stringify({ userId: 'local-operator', roles: ['admin'] }));
    old.close();
    const db = openDatabase(file);
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    const store = new LocalStore(db);
    // Work already sent under the old id keeps its numbers there, so the server answers it as a duplicate, never twice.
    expect(store.streams.all()).toEqual([{ userId: 'u-alice', displayName: 'Alice', clientId: 'desk-12345', lastId: 3, ackedId: 1, confirmedId: 1 }]);
    expect(store.pendingOf('u-alice', 1, 10).map((m) => [m.mutationId, m.streamId])).toEqual([[2, 2], [3, 3]]);
    // A second user of this desk gets a stream of their own, not the desk's old id.
    expect(store.streams.ensure('u-bob', 'Bob', 'desk-12345').clientId).not.toBe('desk-12345');
    db.close();
    cleanup();
  });

  it('refuses a store written by a newer version instead of damaging it', () => {
    const { dir, cleanup } = makeTempDir();
    const db = openDatabase(join(dir, 'ws.sqlite'));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(StoreTooNewError);
    db.close();
    cleanup();
  });

  it('opens the file in WAL mode with full synchronous commits and foreign keys on', () => {
    const { dir, cleanup } = makeTempDir();
    const db = openDatabase(join(dir, 'ws.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    cleanup();
  });

  it('brings a store at version 5 to holding changes: its queued work is pending, none held, and a hold keeps its number sent', () => {
    const { dir, cleanup } = makeTempDir();
    const file = join(dir, 'ws.sqlite');
    const old = openDatabase(file);
    migrate(old, 5);
    old.prepare("INSERT INTO sync_stream (user_id, display_name, client_id, last_id) VALUES ('u-alice', 'Alice', 'desk-12345', 2)").run();
    const outbox = old.prepare<[number, number]>(
      "INSERT INTO outbox (mutation_id, name, args, space, at, actor, author, stream_id) VALUES (?, 'incident.rename', '{}', 'demo-hospital', 1, '{}', 'u-alice', ?)",
    );
    outbox.run(1, 1);
    outbox.run(2, 2);
    old.prepare("INSERT INTO meta (key, value) VALUES ('lastMutationId', '2')").run();
    old.prepare("INSERT INTO rejection (mutation_id, name, args, code, message, at) VALUES (9, 'stock.issue', '{}', 'internal_error', 'failed', 5)").run();
    old.close();
    const db = openDatabase(file);
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    const store = new LocalStore(db);
    expect(store.pendingCount()).toBe(2);
    expect(store.stuck()).toEqual([]);
    // A refusal from before keeps no space: a retry takes the desk's current one.
    expect(store.rejection(9)).toMatchObject({ name: 'stock.issue', code: 'internal_error', space: null });
    expect(store.hold(1, { status: 400, code: 'invalid_request', message: 'bad' }, 100)).toBe(true);
    // The held change leaves the stream; a placeholder keeps its number so the one behind it is not stopped at a gap.
    expect(store.pendingOf('u-alice', 0, 10).map((m) => [m.streamId, m.name])).toEqual([[1, '$withdrawn'], [2, 'incident.rename']]);
    expect(store.stuck()).toEqual([{ mutationId: 1, name: 'incident.rename', at: 1, heldAt: 100, attempts: 0, reason: { status: 400, code: 'invalid_request', message: 'bad' } }]);
    expect(store.retryHeld(1)).toBe(true);
    expect(store.pendingOf('u-alice', 2, 10).map((m) => [m.mutationId, m.streamId])).toEqual([[1, 3]]);
    db.close();
    cleanup();
  });
});
