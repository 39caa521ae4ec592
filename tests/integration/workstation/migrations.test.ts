import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
