import { LOCAL_OPERATOR_ID } from '../contract/directory';
import { ErrorParamsSchema, type ErrorParams } from '../contract/errors';
import { StuckReasonSchema, type RejectedChange, type StuckChange, type StuckReason, type WaitingWork } from '../contract/sync-status';
import type { EntityKind } from '../domain/entities';
import type { MutationContext } from '../domain/mutation';
import { runMutation, type MutationName } from '../domain/mutators';
import type { Actor } from '../domain/roles';
import type { SpaceKind } from '../domain/spaces';
import { knownSpaces } from './space-store';
import { createLocalTx, EntityRows, parseEntity } from './entity-rows';
import { DeskView, storedView } from './desk-view';
import { identityJsonPaths } from '../domain/casualties';
import { scenarioKinds, withheldView } from '../domain/exercises';
import { confidentialWellbeingKinds } from '../domain/recovery';
import type { SqliteDatabase } from './sqlite';
import { SyncStreams } from './sync-streams';

/** Whom a handed-over change was taken from, and its place in their stream (so the server never doubles it). */
export type HandedOver = { from: string; clientId: string; mutationId: number };
/** The number a re-keyed change was first sent under (see migration 8). */
export type Origin = { clientId: string; mutationId: number };

/**
 * `mutationId` is this desk's own order of work (the rebase replays in it); `streamId` is the change's number in
 * its author's stream, the id the server knows it by (null for standalone work until someone logs in).
 */
export type PendingMutation = {
  mutationId: number; name: MutationName; args: unknown; space: string; at: number; actor: Actor; author: string;
  streamId: number | null; handedOver: HandedOver | null; origin: Origin | null;
};

/** Which stream a pull confirmed, up to which number, and when (for the retained log). */
export type Confirmed = { author: string; upTo: number; at: number };

export type { ServerRowWire as ServerRow } from '../contract/sync';
import { WITHDRAWN_MUTATION, type ServerRowWire as ServerRow } from '../contract/sync';

export type Rejection = { mutationId: number; code: string; message: string; params?: ErrorParams | undefined };

type OutboxRow = {
  mutation_id: number; name: string; args: string; space: string; at: number; actor: string; author: string; stream_id: number | null;
  handed_over: string | null; held_at: number | null; held_reason: string | null; attempts: number; origin: string | null;
};

type RejectionRow = { mutation_id: number; name: string; args: string; code: string; message: string; params: string | null; at: number; space: string | null };

/**
 * The workstation's SQLite store: entities as "server state plus my pending work", the outbox, and the rebase
 * that keeps that true after every pull. Not thread-safe on its own: callers go through one SerialQueue.
 */
export class LocalStore {
  readonly rows: EntityRows;
  readonly streams: SyncStreams;
  private readonly db: SqliteDatabase;
  private readonly stmts;

  constructor(db: SqliteDatabase) {
    this.db = db;
    this.rows = new EntityRows(db);
    this.streams = new SyncStreams(db);
    this.stmts = {
      metaGet: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      metaSet: db.prepare<[string, string]>(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
      outboxInsert: db.prepare<[number, string, string, string, number, string, string, number | null]>(
        'INSERT INTO outbox (mutation_id, name, args, space, at, actor, author, stream_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      outboxOf: db.prepare<[string, number, number], OutboxRow>(
        'SELECT * FROM outbox WHERE author = ? AND stream_id > ? ORDER BY stream_id LIMIT ?',
      ),
      outboxAllOf: db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE author = ? ORDER BY mutation_id'),
      outboxPlaceholder: db.prepare<[number, string, string, number, string, string, number]>(
        `INSERT INTO outbox (mutation_id, name, args, space, at, actor, author, stream_id) VALUES (?, '${WITHDRAWN_MUTATION}', ?, ?, ?, ?, ?, ?)`,
      ),
      outboxHold: db.prepare<[number, string, number]>('UPDATE outbox SET stream_id = NULL, held_at = ?, held_reason = ? WHERE mutation_id = ?'),
      outboxRelease: db.prepare<[number, number]>('UPDATE outbox SET stream_id = ?, held_at = NULL, held_reason = NULL, attempts = 0 WHERE mutation_id = ?'),
      outboxFailed: db.prepare<[number]>('UPDATE outbox SET attempts = attempts + 1 WHERE mutation_id = ?'),
      outboxHeld: db.prepare<[], OutboxRow>('SELECT * FROM outbox WHERE held_at IS NOT NULL ORDER BY mutation_id'),
      outboxHeldCount: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox WHERE held_at IS NOT NULL'),
      outboxDelete: db.prepare<[number]>('DELETE FROM outbox WHERE mutation_id = ?'),
      outboxByStreamId: db.prepare<[string, number], OutboxRow>('SELECT * FROM outbox WHERE author = ? AND stream_id = ?'),
      outboxRenumber: db.prepare<[string, number | null, string | null, string, number]>(
        'UPDATE outbox SET author = ?, stream_id = ?, handed_over = ?, actor = ? WHERE mutation_id = ?',
      ),
      outboxReorigin: db.prepare<[string | null, number]>('UPDATE outbox SET origin = ? WHERE mutation_id = ?'),
      waiting: db.prepare<[string], { author: string; n: number; display_name: string | null }>(
        `SELECT o.author, count(*) AS n, s.display_name FROM outbox o LEFT JOIN sync_stream s ON s.user_id = o.author
          WHERE o.author <> ? GROUP BY o.author, s.display_name ORDER BY min(o.mutation_id)`,
      ),
      toSentLog: db.prepare<[string, number, string, number]>(
        `INSERT INTO sent_log (mutation_id, name, args, space, at, actor, author, client_id, stream_id, handed_over, confirmed_at)
         SELECT mutation_id, name, args, space, at, actor, author, ?, stream_id, handed_over, ? FROM outbox WHERE author = ? AND stream_id <= ?`,
      ),
      dropConfirmed: db.prepare<[string, number]>('DELETE FROM outbox WHERE author = ? AND stream_id <= ?'),
      fromSentLog: db.prepare<[string, number]>(
        `INSERT INTO outbox (mutation_id, name, args, space, at, actor, author, stream_id, handed_over)
         SELECT mutation_id, name, args, space, at, actor, author, stream_id, handed_over FROM sent_log WHERE client_id = ? AND stream_id > ?`,
      ),
      dropSentLog: db.prepare<[string, number]>('DELETE FROM sent_log WHERE client_id = ? AND stream_id > ?'),
      firstAfter: db.prepare<[string, number], { first: number | null }>(
        'SELECT min(stream_id) AS first FROM outbox WHERE author = ? AND stream_id > ?',
      ),
      tokenGet: db.prepare<[string], { token: string | null }>('SELECT token FROM sync_cursor WHERE space = ?'),
      cursorsDrop: db.prepare<[string]>('DELETE FROM sync_cursor WHERE space = ?'),
      entityDropSpace: db.prepare<[string]>('DELETE FROM entity WHERE space = ?'),
      kindsOfSpace: db.prepare<[string], { kind: string }>('SELECT DISTINCT kind FROM entity WHERE space = ?'),
      shadowDropSpace: db.prepare<[string]>('DELETE FROM shadow WHERE space = ?'),
      outboxAll: db.prepare<[], OutboxRow>('SELECT * FROM outbox ORDER BY mutation_id'),
      outboxFirst: db.prepare<[number], OutboxRow>('SELECT * FROM outbox ORDER BY mutation_id LIMIT ?'),
      outboxAfter: db.prepare<[number, number], OutboxRow>('SELECT * FROM outbox WHERE mutation_id > ? ORDER BY mutation_id LIMIT ?'),
      // Held changes are counted apart (`stuck`): they do not go with the next push.
      outboxCount: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox WHERE held_at IS NULL'),
      outboxGet: db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE mutation_id = ?'),
      outboxDropUpTo: db.prepare<[number]>('DELETE FROM outbox WHERE mutation_id <= ?'),
      shadowAll: db.prepare<
        [],
        { kind: string; id: string; present: number; space: string | null; data: string | null; version: number | null; deleted: number | null; received_at: number | null }
      >(
        'SELECT * FROM shadow',
      ),
      shadowCount: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM shadow'),
      shadowKeys: db.prepare<[], { kind: string; id: string }>('SELECT kind, id FROM shadow'),
      shadowUpdate: db.prepare<[string, string, number, number, number | null, string, string]>(
        'UPDATE shadow SET present = 1, space = ?, data = ?, version = ?, deleted = ?, received_at = ? WHERE kind = ? AND id = ?',
      ),
      shadowClear: db.prepare('DELETE FROM shadow'),
      entityDelete: db.prepare<[string, string]>('DELETE FROM entity WHERE kind = ? AND id = ?'),
      rejectionInsert: db.prepare<[number, string, string, string, string, string | null, number, string | null]>(
        'INSERT OR IGNORE INTO rejection (mutation_id, name, args, code, message, params, at, space) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      rejectionGet: db.prepare<[number], RejectionRow>('SELECT * FROM rejection WHERE mutation_id = ? AND dismissed = 0'),
      rejectionRecordDismissed: db.prepare<[number, string, string, string, string, number, string]>(
        'INSERT OR REPLACE INTO rejection (mutation_id, name, args, code, message, at, space, dismissed) VALUES (?, ?, ?, ?, ?, ?, ?, 1)',
      ),
      rejectionsOpen: db.prepare<
        [],
        { mutation_id: number; name: string; args: string; code: string; message: string; params: string | null; at: number }
      >('SELECT mutation_id, name, args, code, message, params, at FROM rejection WHERE dismissed = 0 ORDER BY mutation_id'),
      rejectionDismiss: db.prepare<[number]>('UPDATE rejection SET dismissed = 1 WHERE mutation_id = ?'),
      outboxRefused: db.prepare<[], { mutation_id: number }>('SELECT o.mutation_id FROM outbox o JOIN rejection r ON r.mutation_id = o.mutation_id'),
      outboxWithdraw: db.prepare<[string, string, number]>('UPDATE outbox SET name = ?, args = ? WHERE mutation_id = ?'),
      cursorGet: db.prepare<[string], { cursor: string }>('SELECT cursor FROM sync_cursor WHERE space = ?'),
      cursorSet: db.prepare<[string, string, string | null]>(
        'INSERT INTO sync_cursor (space, cursor, token) VALUES (?, ?, ?) ON CONFLICT (space) DO UPDATE SET cursor = excluded.cursor, token = excluded.token',
      ),
    };
  }

  getMeta(key: string): string | undefined {
    return this.stmts.metaGet.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.stmts.metaSet.run(key, value);
  }

  /** A space's kind as the server described it at login; one never described is this desk's own hospital. */
  private spaceKind(space: string): SpaceKind {
    return knownSpaces(this).find((known) => known.id === space)?.kind ?? 'hospital';
  }

  /**
   * Runs a mutation optimistically and appends it to the outbox in one SQLite transaction: when this returns,
   * the change and the promise to send it are both on disk (synchronous=FULL).
   */
  async applyLocal(
    name: MutationName,
    args: unknown,
    ctx: Omit<MutationContext, 'origin' | 'spaceKind'>,
    /** More bookkeeping to commit with the change, or not at all (a retried refusal's dismissal). */
    within?: () => void,
  ): Promise<{ mutationId: number; touched: Set<EntityKind>; touchedIds: Set<string> }> {
    const touched = new Set<EntityKind>();
    const touchedIds = new Set<string>();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const parsedArgs = await runMutation(createLocalTx(this.rows, touched, touchedIds), name, args, { ...ctx, spaceKind: this.spaceKind(ctx.space), origin: 'workstation' });
      const mutationId = Number(this.getMeta('lastMutationId') ?? '0') + 1;
      this.setMeta('lastMutationId', String(mutationId));
      // Numbered in its author's stream now, so it keeps its number however long it waits for them.
      const author = ctx.actor.userId;
      const streamId = author !== LOCAL_OPERATOR_ID && this.streams.get(author) ? this.streams.next(author) : null;
      this.stmts.outboxInsert.run(mutationId, name, JSON.stringify(parsedArgs), ctx.space, ctx.at, JSON.stringify(ctx.actor), author, streamId);
      within?.();
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

  /** One author's mutations to send, after number `after` of their stream, in stream order. */
  pendingOf(author: string, after: number, limit: number): PendingMutation[] {
    return this.stmts.outboxOf.all(author, after, limit).map(toPending);
  }

  /** Tokens the server gave with the cursors (see PullRequest.cursorTokens). */
  cursorTokens(spaces: readonly string[]): Record<string, string> {
    return Object.fromEntries(spaces.flatMap((space) => {
      const token = this.stmts.tokenGet.get(space)?.token;
      return token ? [[space, token]] : [];
    }));
  }

  /** Pending work of users other than `current` (everyone's when nobody is logged in), oldest first. */
  waiting(current: string | null): WaitingWork[] {
    return this.stmts.waiting
      .all(current ?? LOCAL_OPERATOR_ID)
      .filter((w) => w.author !== LOCAL_OPERATOR_ID)
      .map((w) => ({ userId: w.author, displayName: w.display_name || w.author, count: w.n }));
  }

  /**
   * Applies one page of server changes and its cursors. Rows this workstation has pending work on go to the
   * shadow (the server's copy), so the user keeps seeing their own change until the pull is complete and rebased.
   * `touchedIds`, when given, collects the ids of the rows written.
   */
  applyServerPage(
    rows: readonly ServerRow[],
    cursors: Readonly<Record<string, number>>,
    touchedIds?: Set<string>,
    tokens: Readonly<Record<string, string>> = {},
  ): Set<EntityKind> {
    const touched = new Set<EntityKind>();
    this.db.transaction(() => {
      // Usually few rows are shadowed (only those under pending work): ask once, not once per row.
      const shadowed = new Set(this.stmts.shadowKeys.all().map((r) => `${r.kind}/${r.id}`));
      for (const row of rows) {
        const data = JSON.stringify(row.data);
        const deleted = row.deleted ? 1 : 0;
        const receivedAt = row.receivedAt ?? null;
        if (shadowed.has(`${row.kind}/${row.id}`)) this.stmts.shadowUpdate.run(row.space, data, row.version, deleted, receivedAt, row.kind, row.id);
        else this.rows.serverUpsert.run(row.kind, row.id, row.space, data, row.version, deleted, receivedAt);
        touched.add(row.kind as EntityKind);
        touchedIds?.add(row.id);
      }
      for (const [space, cursor] of Object.entries(cursors)) {
        // A cursor that did not move keeps its token; one that moved takes the server's (or none).
        const token = Number(this.stmts.cursorGet.get(space)?.cursor ?? 0) === cursor ? (this.stmts.tokenGet.get(space)?.token ?? null) : null;
        this.stmts.cursorSet.run(space, String(cursor), tokens[space] ?? token);
      }
    })();
    return touched;
  }

  /**
   * Finishes a pull: drops the mutations the server has dealt with, records the refused ones with their
   * reasons, and replays what is still pending on top of the server's state (revert, apply, replay).
   */
  async rebase(
    lastMutationId: number,
    rejections: readonly Rejection[],
    touchedIds?: Set<string>,
    stream?: Confirmed,
  ): Promise<Set<EntityKind>> {
    const touched = new Set<EntityKind>();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      if (stream) {
        // Ids are numbers in the author's stream; confirmed work moves to the retained log.
        this.recordRejections(stream.author, rejections);
        this.confirm(stream);
      } else {
        // Ids are this desk's own order (a desk's bookkeeping without a server: tools and tests).
        for (const rejection of rejections) this.recordRejection(rejection.mutationId, this.stmts.outboxGet.get(rejection.mutationId), rejection);
        this.stmts.outboxDropUpTo.run(lastMutationId);
        if (lastMutationId > this.ackedMutationId()) this.setMeta('ackedMutationId', String(lastMutationId));
      }
      await this.replay(touched, touchedIds);
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
    return touched;
  }

  /**
   * Sets the desk's copy back to the server's rows (the shadows) and replays the pending work on top, in the desk's
   * order. Inside the caller's transaction.
   */
  private async replay(touched: Set<EntityKind>, touchedIds?: Set<string>): Promise<void> {
    for (const shadow of this.stmts.shadowAll.all()) {
      if (shadow.present && shadow.space !== null && shadow.data !== null) {
        this.rows.serverUpsert.run(shadow.kind, shadow.id, shadow.space, shadow.data, shadow.version ?? 0, shadow.deleted ?? 0, shadow.received_at);
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
          at: pending.at, actor: pending.actor, space: pending.space, spaceKind: this.spaceKind(pending.space), origin: 'workstation',
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
    this.keepToHeldViews(touched);
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
        this.stmts.rejectionInsert.run(row.mutation_id, row.name, row.args, 'forbidden', `access to space ${row.space} was withdrawn`, null, at, row.space);
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
      this.stmts.rejectionInsert.run(mutationId, row.name, row.args, code, message, params ? JSON.stringify(params) : null, row.at, row.space);
      this.stmts.outboxWithdraw.run(WITHDRAWN_MUTATION, JSON.stringify({ reason }), mutationId);
    })();
    return true;
  }

  /** Records refusals the server sent for numbers of `author`'s stream, against the desk's own rows. */
  recordRejections(author: string, rejections: readonly Rejection[]): void {
    for (const rejection of rejections) {
      const row = this.stmts.outboxByStreamId.get(author, rejection.mutationId);
      // A placeholder's refusal (`withdrawn`) is the one the desk asked for: withdraw() recorded why, a hold keeps the change.
      if (row && row.name !== WITHDRAWN_MUTATION) this.recordRejection(row.mutation_id, row, rejection);
    }
  }

  private recordRejection(mutationId: number, row: OutboxRow | undefined, rejection: Rejection): void {
    const params = rejection.params ? JSON.stringify(rejection.params) : null;
    this.stmts.rejectionInsert.run(mutationId, row?.name ?? 'unknown', row?.args ?? 'null', rejection.code, rejection.message, params, row?.at ?? 0, row?.space ?? null);
  }

  private confirm({ author, upTo, at }: Confirmed): void {
    const stream = this.streams.get(author);
    if (!stream || upTo <= 0) return;
    this.stmts.toSentLog.run(stream.clientId, at, author, upTo);
    this.stmts.dropConfirmed.run(author, upTo);
    if (upTo > stream.ackedId) this.streams.acked(author, upTo);
    this.streams.pruneLog(at);
  }

  /**
   * Standalone work (made before anyone logged in) becomes the work of the user logging in, numbered in their
   * stream in the order it was made: the documented rule of this desk since before streams (README, "Sync").
   */
  adoptStandalone(user: { id: string; displayName: string }, deskClientId: string): void {
    this.db.transaction(() => {
      this.streams.adoptStandalone(user.id, user.displayName);
      this.streams.ensure(user.id, user.displayName, deskClientId);
      for (const row of this.stmts.outboxAllOf.all(LOCAL_OPERATOR_ID)) {
        const streamId = row.stream_id ?? this.streams.next(user.id);
        this.stmts.outboxRenumber.run(user.id, streamId, row.handed_over, row.actor, row.mutation_id);
      }
    })();
  }

  /**
   * Gives `author`'s stream a new client id: its numbers below `from` were confirmed by the server (they move to
   * the retained log); from `from` on, the server holds other content under them (this file was restored or
   * copied), so that work is renumbered 1.. in the new stream and sent again. Returns how many were renumbered.
   */
  rekey(author: string, from: number, at: number): number {
    return this.db.transaction(() => {
      this.confirm({ author, upTo: from - 1, at });
      const rows = this.stmts.outboxAllOf.all(author).filter(unheld);
      this.keepOrigins(rows, this.streams.get(author)?.clientId);
      this.streams.rekey(author, rows.length);
      rows.forEach((row, i) => this.stmts.outboxRenumber.run(author, i + 1, row.handed_over, row.actor, row.mutation_id));
      return rows.length;
    })();
  }

  /**
   * The server has `author`'s stream only up to `serverLast` (it was restored from a backup): the retained
   * mutations after it go back to the outbox to be sent again, in order. If the retained log no longer reaches
   * back to `serverLast + 1`, the stream is re-keyed so the rest can still go, and `lost` says how many could not.
   */
  requeue(author: string, serverLast: number, at: number): { resent: number; lost: number } {
    return this.db.transaction(() => {
      const stream = this.streams.get(author);
      if (!stream) return { resent: 0, lost: 0 };
      const before = this.pendingCount();
      this.stmts.fromSentLog.run(stream.clientId, serverLast);
      this.stmts.dropSentLog.run(stream.clientId, serverLast);
      this.streams.wentBack(author, serverLast);
      const resent = this.pendingCount() - before;
      const first = this.stmts.firstAfter.get(author, serverLast)?.first ?? null;
      const lost = first === null ? Math.max(0, stream.confirmedId - serverLast - resent) : first - serverLast - 1;
      if (lost > 0) this.rekey(author, serverLast + 1, at);
      return { resent, lost };
    })();
  }

  /**
   * The view each space's rows were pulled in (`DeskView` bits: names, individual wellbeing check-ins, the whole
   * scenario), for the spaces that have a cursor (all of them when `spaces` is omitted). A cursor from before the
   * view was recorded counts as names and the scenario: every server then sent names, and no check-in existed.
   */
  heldViews(spaces?: readonly string[]): Map<string, number> {
    const views = new Map<string, number>();
    const held = (identities: number | null) => (identities === null ? DeskView.names | DeskView.scenario : storedView(identities));
    if (!spaces) {
      for (const row of this.db.prepare<[], { space: string; identities: number | null }>('SELECT space, identities FROM sync_cursor').all()) {
        views.set(row.space, held(row.identities));
      }
      return views;
    }
    const stmt = this.db.prepare<[string], { identities: number | null }>('SELECT identities FROM sync_cursor WHERE space = ?');
    for (const space of spaces) {
      const row = stmt.get(space);
      if (row !== undefined) views.set(space, held(row.identities));
    }
    return views;
  }

  /** Records which view the rows under these spaces' cursors were pulled in (`DeskView` bits). */
  markView(spaces: readonly string[], view: number): void {
    const stmt = this.db.prepare<[number, string]>('UPDATE sync_cursor SET identities = ? WHERE space = ?');
    for (const space of spaces) stmt.run(storedView(view), space);
  }

  /**
   * A user who may not see identities now uses this desk: the names go from its rows (and the server copies kept
   * under pending work) in place, at once and offline too. The caller marks the view.
   */
  dropIdentities(spaces: readonly string[], paths: Readonly<Record<string, readonly string[]>>): Set<EntityKind> {
    const touched = new Set<EntityKind>();
    this.db.transaction(() => {
      for (const [kind, jsonPaths] of Object.entries(paths)) {
        const remove = `json_remove(data, ${jsonPaths.map(() => '?').join(', ')})`;
        for (const table of ['entity', 'shadow']) {
          const stmt = this.db.prepare(`UPDATE ${table} SET data = ${remove} WHERE kind = ? AND space = ? AND data IS NOT NULL`);
          for (const space of spaces) if (stmt.run(...jsonPaths, kind, space).changes > 0) touched.add(kind as EntityKind);
        }
      }
    })();
    return touched;
  }

  /**
   * A user who may not see a kind at all now uses this desk (individual wellbeing check-ins): its rows go, and the
   * server copies kept under pending work count as absent, so a replay does not bring them back.
   */
  dropKinds(spaces: readonly string[], kinds: readonly EntityKind[]): Set<EntityKind> {
    const touched = new Set<EntityKind>();
    const rows = this.db.prepare<[string, string]>('DELETE FROM entity WHERE kind = ? AND space = ?');
    const shadows = this.db.prepare<[string, string]>('UPDATE shadow SET present = 0, data = NULL WHERE kind = ? AND space = ?');
    this.db.transaction(() => {
      for (const kind of kinds) {
        for (const space of spaces) {
          if (rows.run(kind, space).changes + shadows.run(kind, space).changes > 0) touched.add(kind);
        }
      }
    })();
    return touched;
  }

  /**
   * A user who does not see these spaces' scenario now uses this desk: their injects become what a pull of their
   * own brings (a delivered one without its script, a future one gone) and the evaluation goes, in the rows and in
   * the server copies kept under pending work, at once and offline too. The caller marks the view.
   */
  withholdScenario(spaces: readonly string[]): Set<EntityKind> {
    const touched = new Set<EntityKind>();
    const rows = this.db.prepare<[string, string], { id: string; data: string }>('SELECT id, data FROM entity WHERE kind = ? AND space = ?');
    const shadows = this.db.prepare<[string, string], { id: string; data: string }>('SELECT id, data FROM shadow WHERE kind = ? AND space = ? AND data IS NOT NULL');
    const rowSet = this.db.prepare<[string, string, string]>('UPDATE entity SET data = ? WHERE kind = ? AND id = ?');
    const rowDrop = this.db.prepare<[string, string]>('DELETE FROM entity WHERE kind = ? AND id = ?');
    const shadowSet = this.db.prepare<[string, string, string]>('UPDATE shadow SET data = ? WHERE kind = ? AND id = ?');
    const shadowDrop = this.db.prepare<[string, string]>('UPDATE shadow SET present = 0, data = NULL WHERE kind = ? AND id = ?');
    this.db.transaction(() => {
      for (const kind of scenarioKinds) {
        for (const space of spaces) {
          for (const [found, set, drop] of [[rows, rowSet, rowDrop], [shadows, shadowSet, shadowDrop]] as const) {
            for (const { id, data } of found.all(kind, space)) {
              const kept = withheldView(kind, JSON.parse(data) as unknown);
              if (kept === undefined) drop.run(kind, id);
              else if (JSON.stringify(kept) !== data) set.run(JSON.stringify(kept), kind, id);
              else continue;
              touched.add(kind);
            }
          }
        }
      }
    })();
    return touched;
  }

  /**
   * Writes the WAL back into the file and empties it: the WAL keeps earlier images of the pages rows were taken off,
   * so what the desk withheld from its current user would otherwise stay readable there until overwritten.
   */
  forgetWithheld(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /**
   * After a replay: pending work of a user who has since left the desk (a lead's check-in recorded offline, a
   * controller's inject) was applied again to the rows, and must not stay there for the user now holding them,
   * who may see less. It stays in the outbox, to be sent in its author's stream when they are back.
   */
  private keepToHeldViews(touched: Set<EntityKind>): void {
    const held = this.heldViews();
    const lacking = (bit: number) => [...held].filter(([, v]) => !(v & bit)).map(([space]) => space);
    const named = Object.fromEntries(Object.entries(identityJsonPaths).filter(([kind]) => touched.has(kind as EntityKind)));
    for (const kind of this.dropIdentities(lacking(DeskView.names), named)) touched.add(kind);
    if (confidentialWellbeingKinds.some((kind) => touched.has(kind))) {
      for (const kind of this.dropKinds(lacking(DeskView.wellbeing), confidentialWellbeingKinds)) touched.add(kind);
    }
    if (scenarioKinds.some((kind) => touched.has(kind))) {
      for (const kind of this.withholdScenario(lacking(DeskView.scenario))) touched.add(kind);
    }
  }

  /**
   * A user who may see identities now uses this desk: its rows stay (the work goes on while they come) and the
   * spaces are pulled again from the start, each row arriving again with its names (deletions as tombstones).
   */
  repullSpaces(spaces: readonly string[]): void {
    const stmt = this.db.prepare<[string]>('UPDATE sync_cursor SET cursor = 0, token = NULL WHERE space = ?');
    this.db.transaction(() => {
      for (const space of spaces) stmt.run(space);
    })();
  }

  /**
   * Drops the desk's copy of spaces the server went back on; the next pull fetches them from zero. Returns the
   * kinds dropped, so screens re-read them (a row the server lost and nobody re-sends must leave them too).
   */
  resetSpaces(spaces: readonly string[]): Set<EntityKind> {
    const kinds = new Set<EntityKind>();
    this.db.transaction(() => {
      for (const space of spaces) {
        for (const { kind } of this.stmts.kindsOfSpace.all(space)) kinds.add(kind as EntityKind);
        this.stmts.entityDropSpace.run(space);
        this.stmts.shadowDropSpace.run(space);
        this.stmts.cursorsDrop.run(space);
      }
    })();
    return kinds;
  }

  /**
   * Before a stream is re-keyed, each change keeps the number it was first sent under: another copy of this desk
   * file may re-key the same change to an id of its own, and the server tells the two apart from new work by it.
   */
  private keepOrigins(rows: readonly OutboxRow[], clientId: string | undefined): void {
    if (!clientId) return;
    for (const row of rows) {
      if (row.origin === null && row.stream_id !== null) {
        this.stmts.outboxReorigin.run(JSON.stringify({ clientId, mutationId: row.stream_id } satisfies Origin), row.mutation_id);
      }
    }
  }

  /**
   * The server answers from another database: nothing confirmed by the old one means anything to it. The desk's
   * copy goes, the retained log goes, and every stream takes a new client id with its pending work renumbered.
   */
  resetForNewServer(): Set<EntityKind> {
    const kinds = new Set(this.db.prepare<[], { kind: string }>('SELECT DISTINCT kind FROM entity').all().map((r) => r.kind as EntityKind));
    this.db.transaction(() => {
      this.db.exec('DELETE FROM entity; DELETE FROM shadow; DELETE FROM sync_cursor;');
      this.streams.clearLog();
      for (const stream of this.streams.all()) {
        const rows = this.stmts.outboxAllOf.all(stream.userId).filter(unheld);
        this.keepOrigins(rows, stream.clientId);
        this.streams.rekey(stream.userId, rows.length);
        // A change handed over from a stream the new database never knew has nothing to be checked against.
        rows.forEach((row, i) => this.stmts.outboxRenumber.run(stream.userId, i + 1, null, row.actor, row.mutation_id));
      }
    })();
    return kinds;
  }

  /**
   * Hands all pending work of `from` to `to` (the logged-in user): renumbered in `to`'s stream, acting as `to`,
   * each remembering whom and which number it came from. `from`'s stream ends: should they come back, they get a
   * new one, so its numbering never has a gap the server would stop at.
   */
  handOver(from: string, to: { actor: Actor; displayName: string }, deskClientId: string): number {
    return this.db.transaction(() => {
      const origin = this.streams.get(from);
      if (!origin) return 0;
      const author = to.actor.userId;
      this.streams.ensure(author, to.displayName, deskClientId);
      const rows = this.stmts.outboxAllOf.all(from);
      for (const row of rows) {
        // A held change keeps no number (a placeholder took it): it changes hands and stays held.
        if (!unheld(row)) {
          this.stmts.outboxRenumber.run(author, null, row.handed_over, JSON.stringify(to.actor), row.mutation_id);
          continue;
        }
        const handedOver: HandedOver | null =
          row.stream_id === null ? null : { from, clientId: origin.clientId, mutationId: row.stream_id };
        this.stmts.outboxRenumber.run(author, this.streams.next(author), handedOver && JSON.stringify(handedOver), JSON.stringify(to.actor), row.mutation_id);
      }
      this.streams.retire(from);
      return rows.length;
    })();
  }

  /** Counts one more whole-push failure led by this change; returns how many it has led. */
  noteFailedPush(mutationId: number): number {
    this.stmts.outboxFailed.run(mutationId);
    return this.stmts.outboxGet.get(mutationId)?.attempts ?? 0;
  }

  /**
   * Holds a change no push can carry (the server refuses any push holding it, or fails on it every time), so the
   * changes behind it go on: a placeholder (WITHDRAWN_MUTATION, reason `held`) takes its number in the stream and
   * the server consumes that number as a refusal; the change itself stays in the outbox without a number, still
   * applied on this desk, until an operator retries it (a new number) or discards it. False if there is none.
   */
  hold(mutationId: number, reason: StuckReason, at: number): boolean {
    return this.db.transaction(() => {
      const row = this.stmts.outboxGet.get(mutationId);
      if (!row || row.held_at !== null || row.stream_id === null || row.name === WITHDRAWN_MUTATION) return false;
      const placeholderId = Number(this.getMeta('lastMutationId') ?? '0') + 1;
      this.setMeta('lastMutationId', String(placeholderId));
      this.stmts.outboxHold.run(at, JSON.stringify(reason), mutationId);
      // Dated now, not as the change: the change's own fields may be what the server refuses.
      this.stmts.outboxPlaceholder.run(placeholderId, JSON.stringify({ reason: 'held' }), row.space, at, row.actor, row.author, row.stream_id);
      return true;
    })();
  }

  /** Held changes, oldest first. */
  stuck(): StuckChange[] {
    return this.stmts.outboxHeld.all().map((row) => ({
      mutationId: row.mutation_id, name: row.name, at: row.at, heldAt: row.held_at ?? 0, attempts: row.attempts, reason: parseReason(row.held_reason),
    }));
  }

  stuckCount(): number {
    return this.stmts.outboxHeldCount.get()?.n ?? 0;
  }

  /**
   * Releases a held change: it goes with the next push of its author's stream under a new number, after the work
   * that went on meanwhile. Its old number is the placeholder's on the server, and a number is never reused for
   * other content (the server would answer `conflict`). False if it is not held or its author has no stream here.
   */
  retryHeld(mutationId: number): boolean {
    return this.db.transaction(() => {
      const row = this.stmts.outboxGet.get(mutationId);
      if (!row || row.held_at === null || !this.streams.get(row.author)) return false;
      this.stmts.outboxRelease.run(this.streams.next(row.author), mutationId);
      return true;
    })();
  }

  /**
   * Drops a held change for good: out of the outbox, its effect taken off this desk by replaying the rest on the
   * server's rows (the rebase), and recorded in the desk's refusals as `discarded` (already dismissed: the
   * operator chose it), with who discarded it and why it was held. Returns the kinds re-read, or null if not held.
   */
  async discardHeld(mutationId: number, by: string, at: number): Promise<{ touched: Set<EntityKind>; touchedIds: Set<string> } | null> {
    const touched = new Set<EntityKind>();
    const touchedIds = new Set<string>();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const row = this.stmts.outboxGet.get(mutationId);
      if (!row || row.held_at === null) {
        this.db.exec('ROLLBACK');
        return null;
      }
      const reason = parseReason(row.held_reason);
      const message = `discarded by ${by} on this desk after the server refused it (HTTP ${reason.status} ${reason.code}: ${reason.message})`;
      this.stmts.rejectionRecordDismissed.run(mutationId, row.name, row.args, 'discarded', message, at, row.space);
      this.stmts.outboxDelete.run(mutationId);
      await this.replay(touched, touchedIds);
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
    return { touched, touchedIds };
  }

  /** An open refusal with what it takes to send its change again (`sync.retryRejected`). */
  rejection(mutationId: number): { name: string; args: unknown; code: string; at: number; space: string | null } | undefined {
    const row = this.stmts.rejectionGet.get(mutationId);
    return row && { name: row.name, args: JSON.parse(row.args) as unknown, code: row.code, at: row.at, space: row.space };
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

/** A held row is out of its stream's numbering: renumbering passes it by. */
function unheld(row: OutboxRow): boolean {
  return row.held_at === null;
}

function parseReason(text: string | null): StuckReason {
  try {
    const parsed = StuckReasonSchema.safeParse(JSON.parse(text ?? 'null'));
    if (parsed.success) return parsed.data;
  } catch {
    // Falls through: a reason that no longer parses still shows the change as held.
  }
  return { status: 0, code: 'unknown', message: text ?? '' };
}

function toPending(row: OutboxRow): PendingMutation {
  return {
    mutationId: row.mutation_id,
    name: row.name as MutationName,
    args: JSON.parse(row.args) as unknown,
    space: row.space,
    at: row.at,
    actor: JSON.parse(row.actor) as Actor,
    author: row.author,
    streamId: row.stream_id,
    handedOver: row.handed_over === null ? null : (JSON.parse(row.handed_over) as HandedOver),
    origin: row.origin === null ? null : (JSON.parse(row.origin) as Origin),
  };
}
