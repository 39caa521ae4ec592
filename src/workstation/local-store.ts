import { ErrorParamsSchema, type ErrorParams } from '../contract/errors';
import type { RejectedChange } from '../contract/sync-status';
import type { EntityKind } from '../domain/entities';
import type { MutationContext } from '../domain/mutation';
import { runMutation, type MutationName } from '../domain/mutators';
import type { Actor } from '../domain/roles';
import { createLocalTx, EntityRows, parseEntity } from './entity-rows';
import type { SqliteDatabase } from './sqlite';

export type PendingMutation = { mutationId: number; name: MutationName; args: unknown; space: string; at: number; actor: Actor };

export type { ServerRowWire as ServerRow } from '../contract/sync';
import { WITHDRAWN_MUTATION, type ServerRowWire as ServerRow } from '../contract/sync';

export type Rejection = { mutationId: number; code: string; message: string; params?: ErrorParams | undefined };

type OutboxRow = { mutation_id: number; name: string; args: string; space: string; at: number; actor: string };

/**
 * The workstation's SQLite store: entities as "server state plus my pending work", the outbox, and the rebase
 * that keeps that true after every pull. Not thread-safe on its own: callers go through one SerialQueue.
 */
export class LocalStore {
  readonly rows: EntityRows;
  private readonly db: SqliteDatabase;
  private readonly stmts;

  constructor(db: SqliteDatabase) {
    this.db = db;
    this.rows = new EntityRows(db);
    this.stmts = {
      metaGet: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      metaSet: db.prepare<[string, string]>(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
      outboxInsert: db.prepare<[number, string, string, string, number, string]>(
        'INSERT INTO outbox (mutation_id, name, args, space, at, actor) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      outboxAll: db.prepare<[], OutboxRow>('SELECT * FROM outbox ORDER BY mutation_id'),
      outboxFirst: db.prepare<[number], OutboxRow>('SELECT * FROM outbox ORDER BY mutation_id LIMIT ?'),
      outboxAfter: db.prepare<[number, number], OutboxRow>('SELECT * FROM outbox WHERE mutation_id > ? ORDER BY mutation_id LIMIT ?'),
      outboxCount: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox'),
      outboxGet: db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE mutation_id = ?'),
      outboxDropUpTo: db.prepare<[number]>('DELETE FROM outbox WHERE mutation_id <= ?'),
      shadowAll: db.prepare<[], { kind: string; id: string; present: number; space: string | null; data: string | null; version: number | null; deleted: number | null }>(
        'SELECT * FROM shadow',
      ),
      shadowCount: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM shadow'),
      shadowKeys: db.prepare<[], { kind: string; id: string }>('SELECT kind, id FROM shadow'),
      shadowUpdate: db.prepare<[string, string, number, number, string, string]>(
        'UPDATE shadow SET present = 1, space = ?, data = ?, version = ?, deleted = ? WHERE kind = ? AND id = ?',
      ),
      shadowClear: db.prepare('DELETE FROM shadow'),
      entityDelete: db.prepare<[string, string]>('DELETE FROM entity WHERE kind = ? AND id = ?'),
      rejectionInsert: db.prepare<[number, string, string, string, string, string | null, number]>(
        'INSERT OR IGNORE INTO rejection (mutation_id, name, args, code, message, params, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      rejectionsOpen: db.prepare<
        [],
        { mutation_id: number; name: string; args: string; code: string; message: string; params: string | null; at: number }
      >('SELECT mutation_id, name, args, code, message, params, at FROM rejection WHERE dismissed = 0 ORDER BY mutation_id'),
      rejectionDismiss: db.prepare<[number]>('UPDATE rejection SET dismissed = 1 WHERE mutation_id = ?'),
      outboxRefused: db.prepare<[], { mutation_id: number }>('SELECT o.mutation_id FROM outbox o JOIN rejection r ON r.mutation_id = o.mutation_id'),
      outboxWithdraw: db.prepare<[string, string, number]>('UPDATE outbox SET name = ?, args = ? WHERE mutation_id = ?'),
      cursorGet: db.prepare<[string], { cursor: string }>('SELECT cursor FROM sync_cursor WHERE space = ?'),
      cursorSet: db.prepare<[string, string]>(
        'INSERT INTO sync_cursor (space, cursor) VALUES (?, ?) ON CONFLICT (space) DO UPDATE SET cursor = excluded.cursor',
      ),
    };
  }

  getMeta(key: string): string | undefined {
    return this.stmts.metaGet.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.stmts.metaSet.run(key, value);
  }

  /**
   * Runs a mutation optimistically and appends it to the outbox in one SQLite transaction: when this returns,
   * the change and the promise to send it are both on disk (synchronous=FULL).
   */
  async applyLocal(
    name: MutationName,
    args: unknown,
    ctx: Omit<MutationContext, 'origin'>,
  ): Promise<{ mutationId: number; touched: Set<EntityKind>; touchedIds: Set<string> }> {
    const touched = new Set<EntityKind>();
    const touchedIds = new Set<string>();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const parsedArgs = await runMutation(createLocalTx(this.rows, touched, touchedIds), name, args, { ...ctx, origin: 'workstation' });
      const mutationId = Number(this.getMeta('lastMutationId') ?? '0') + 1;
      this.setMeta('lastMutationId', String(mutationId));
      this.stmts.outboxInsert.run(mutationId, name, JSON.stringify(parsedArgs), ctx.space, ctx.at, JSON.stringify(ctx.actor));
      this.db.exec('COMMIT');
      return { mutationId, touched, touchedIds };
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  pending(limit = Number.MAX_SAFE_INTEGER): PendingMutation[] {
    return this.stmts.outboxFirst.all(limit).map(toPending);
  }

  pendingCount(): number {
    return this.stmts.outboxCount.get()?.n ?? 0;
  }

  cursors(spaces: readonly string[]): Record<string, number> {
    return Object.fromEntries(spaces.map((space) => [space, Number(this.stmts.cursorGet.get(space)?.cursor ?? 0)]));
  }

  /** The highest mutation id whose fate (applied or rejected) this workstation has already taken in. */
  ackedMutationId(): number {
    return Number(this.getMeta('ackedMutationId') ?? '0');
  }

  /** Mutations still to send, after the ones the server has already acknowledged in this session. */
  pendingAfter(mutationId: number, limit: number): PendingMutation[] {
    return this.stmts.outboxAfter.all(mutationId, limit).map(toPending);
  }

  /**
   * Applies one page of server changes and its cursors. Rows this workstation has pending work on go to the
   * shadow (the server's copy), so the user keeps seeing their own change until the pull is complete and rebased.
   * `touchedIds`, when given, collects the ids of the rows written.
   */
  applyServerPage(rows: readonly ServerRow[], cursors: Readonly<Record<string, number>>, touchedIds?: Set<string>): Set<EntityKind> {
    const touched = new Set<EntityKind>();
    this.db.transaction(() => {
      // Usually few rows are shadowed (only those under pending work): ask once, not once per row.
      const shadowed = new Set(this.stmts.shadowKeys.all().map((r) => `${r.kind}/${r.id}`));
      for (const row of rows) {
        const data = JSON.stringify(row.data);
        const deleted = row.deleted ? 1 : 0;
        if (shadowed.has(`${row.kind}/${row.id}`)) this.stmts.shadowUpdate.run(row.space, data, row.version, deleted, row.kind, row.id);
        else this.rows.upsert.run(row.kind, row.id, row.space, data, row.version, deleted);
        touched.add(row.kind as EntityKind);
        touchedIds?.add(row.id);
      }
      for (const [space, cursor] of Object.entries(cursors)) this.stmts.cursorSet.run(space, String(cursor));
    })();
    return touched;
  }

  /**
   * Finishes a pull: drops the mutations the server has dealt with, records the refused ones with their
   * reasons, and replays what is still pending on top of the server's state (revert, apply, replay).
   */
  async rebase(lastMutationId: number, rejections: readonly Rejection[], touchedIds?: Set<string>): Promise<Set<EntityKind>> {
    const touched = new Set<EntityKind>();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const rejection of rejections) {
        const row = this.stmts.outboxGet.get(rejection.mutationId);
        const params = rejection.params ? JSON.stringify(rejection.params) : null;
        this.stmts.rejectionInsert.run(
          rejection.mutationId, row?.name ?? 'unknown', row?.args ?? 'null', rejection.code, rejection.message, params, row?.at ?? 0,
        );
      }
      this.stmts.outboxDropUpTo.run(lastMutationId);
      if (lastMutationId > this.ackedMutationId()) this.setMeta('ackedMutationId', String(lastMutationId));
      for (const shadow of this.stmts.shadowAll.all()) {
        if (shadow.present && shadow.space !== null && shadow.data !== null) {
          this.rows.upsert.run(shadow.kind, shadow.id, shadow.space, shadow.data, shadow.version ?? 0, shadow.deleted ?? 0);
        } else {
          this.stmts.entityDelete.run(shadow.kind, shadow.id);
        }
        touched.add(shadow.kind as EntityKind);
        touchedIds?.add(shadow.id);
      }
      this.stmts.shadowClear.run();
      // Work already refused here (its space was withdrawn) only waits to consume its id on the server: never replayed.
      const refused = new Set(this.stmts.outboxRefused.all().map((r) => r.mutation_id));
      for (const row of this.stmts.outboxAll.all()) {
        if (refused.has(row.mutation_id) || row.name === WITHDRAWN_MUTATION) continue;
        const pending = toPending(row);
        this.db.exec('SAVEPOINT replay');
        try {
          await runMutation(createLocalTx(this.rows, touched, touchedIds), pending.name, pending.args, {
            at: pending.at, actor: pending.actor, space: pending.space, origin: 'workstation',
          });
          this.db.exec('RELEASE replay');
        } catch {
          // The server's newer state makes this change fail here: a refusal, or a mutator bug meeting that state.
          // Either way it stays pending and the server's verdict (with its reason) reaches the user; rethrowing
          // would fail every pull from now on and leave this desk's view behind for good.
          this.db.exec('ROLLBACK TO replay');
          this.db.exec('RELEASE replay');
        }
      }
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
    return touched;
  }

  /**
   * Forgets spaces this user may no longer see: their rows, shadows and cursors go, and the pending work in them
   * is recorded as refused with the reason, so the user is shown it rather than losing it silently. Those
   * outbox entries stay until the server has consumed their ids (it refuses them too), so no id is skipped.
   */
  withdrawSpaces(spaces: readonly string[], at: number): Set<EntityKind> {
    const touched = new Set<EntityKind>();
    const list = JSON.stringify(spaces);
    const inList = 'IN (SELECT value FROM json_each(?))';
    this.db.transaction(() => {
      for (const row of this.db.prepare<[string], OutboxRow>(`SELECT * FROM outbox WHERE space ${inList}`).all(list)) {
        this.stmts.rejectionInsert.run(row.mutation_id, row.name, row.args, 'forbidden', `access to space ${row.space} was withdrawn`, null, at);
      }
      for (const { kind } of this.db.prepare<[string], { kind: string }>(`SELECT DISTINCT kind FROM entity WHERE space ${inList}`).all(list)) {
        touched.add(kind as EntityKind);
      }
      this.db.prepare(`DELETE FROM entity WHERE space ${inList}`).run(list);
      this.db.prepare(`DELETE FROM shadow WHERE space ${inList}`).run(list);
      this.db.prepare(`DELETE FROM sync_cursor WHERE space ${inList}`).run(list);
    })();
    return touched;
  }

  /**
   * Takes a pending mutation back before the server has it: its refusal is recorded here at once, with the
   * reason, and the outbox keeps a placeholder in its place (WITHDRAWN_MUTATION) so the server consumes the id
   * and the mutations behind it go on. Its optimistic effect goes with the next rebase, which skips it.
   */
  withdraw(mutationId: number, reason: 'too_large' | 'discarded', code: string, message: string, params?: ErrorParams): boolean {
    const row = this.stmts.outboxGet.get(mutationId);
    if (!row || row.name === WITHDRAWN_MUTATION) return false;
    this.db.transaction(() => {
      this.stmts.rejectionInsert.run(mutationId, row.name, row.args, code, message, params ? JSON.stringify(params) : null, row.at);
      this.stmts.outboxWithdraw.run(WITHDRAWN_MUTATION, JSON.stringify({ reason }), mutationId);
    })();
    return true;
  }

  hasShadow(): boolean {
    return (this.stmts.shadowCount.get()?.n ?? 0) > 0;
  }

  openRejections(): RejectedChange[] {
    return this.stmts.rejectionsOpen.all().map((row) => {
      const params = row.params === null ? undefined : parseParams(row.params);
      return {
        mutationId: row.mutation_id, name: row.name, args: JSON.parse(row.args) as unknown, code: row.code, message: row.message,
        ...(params ? { params } : {}), at: row.at,
      };
    });
  }

  dismissRejection(mutationId: number): void {
    this.stmts.rejectionDismiss.run(mutationId);
  }

  list<K extends EntityKind>(kind: K, space: string) {
    return this.rows.scanSpace.all(space, kind).map((row) => parseEntity(kind, row.data));
  }
}

/** Stored params that no longer parse (never expected) cost only the detail line, never the refusal itself. */
function parseParams(text: string): ErrorParams | undefined {
  try {
    const parsed = ErrorParamsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function toPending(row: OutboxRow): PendingMutation {
  return {
    mutationId: row.mutation_id,
    name: row.name as MutationName,
    args: JSON.parse(row.args) as unknown,
    space: row.space,
    at: row.at,
    actor: JSON.parse(row.actor) as Actor,
  };
}
