import { randomUUID } from 'node:crypto';
import { LOCAL_OPERATOR_ID } from '../contract/directory';
import type { SyncNotice } from '../contract/sync-status';
import type { SqliteDatabase } from './sqlite';

/** One user's stream of mutations on this desk: the client id the server knows it by, and its numbering. */
export type Stream = { userId: string; displayName: string; clientId: string; lastId: number; ackedId: number; confirmedId: number };

type StreamRow = { user_id: string; display_name: string; client_id: string; last_id: number; acked_id: number; confirmed_id: number };

/**
 * Confirmed mutations are kept this long, and at most this many, so that what a server restored from a backup
 * lost can be sent again. A week covers a weekend's restore from the night before; 10,000 is two busy days of a
 * desk, about 5 MB. Older changes lost by a restore cannot be re-sent: the desk says so (`changes_lost`).
 */
export const SENT_LOG_DAYS = 7;
export const SENT_LOG_MAX = 10_000;
const NOTICES_MAX = 20;

/**
 * The desk's streams (one client id per user who worked here, see server/client-binding.ts), the retained log
 * of confirmed mutations, and the notices that tell the user the desk healed itself. Statements only: LocalStore
 * runs them inside its transactions.
 */
export class SyncStreams {
  private readonly stmts;

  constructor(private readonly db: SqliteDatabase) {
    this.stmts = {
      get: db.prepare<[string], StreamRow>('SELECT * FROM sync_stream WHERE user_id = ?'),
      all: db.prepare<[], StreamRow>('SELECT * FROM sync_stream ORDER BY user_id'),
      byClient: db.prepare<[string], StreamRow>('SELECT * FROM sync_stream WHERE client_id = ?'),
      insert: db.prepare<[string, string, string]>('INSERT INTO sync_stream (user_id, display_name, client_id) VALUES (?, ?, ?)'),
      rename: db.prepare<[string, string, string]>('UPDATE sync_stream SET user_id = ?, display_name = ? WHERE user_id = ?'),
      setName: db.prepare<[string, string]>('UPDATE sync_stream SET display_name = ? WHERE user_id = ?'),
      setLast: db.prepare<[number, string]>('UPDATE sync_stream SET last_id = ? WHERE user_id = ?'),
      setAcked: db.prepare<[number, number, string]>('UPDATE sync_stream SET acked_id = ?, confirmed_id = max(confirmed_id, ?) WHERE user_id = ?'),
      wentBack: db.prepare<[number, number, string]>('UPDATE sync_stream SET acked_id = min(acked_id, ?), confirmed_id = ? WHERE user_id = ?'),
      rekey: db.prepare<[string, number, string]>('UPDATE sync_stream SET client_id = ?, last_id = ?, acked_id = 0, confirmed_id = 0 WHERE user_id = ?'),
      remove: db.prepare<[string]>('DELETE FROM sync_stream WHERE user_id = ?'),
      logPrune: db.prepare<[number, number]>(
        'DELETE FROM sent_log WHERE confirmed_at < ? OR mutation_id NOT IN (SELECT mutation_id FROM sent_log ORDER BY mutation_id DESC LIMIT ?)',
      ),
      logClear: db.prepare('DELETE FROM sent_log'),
    };
  }

  get(userId: string): Stream | undefined {
    const row = this.stmts.get.get(userId);
    return row ? toStream(row) : undefined;
  }

  all(): Stream[] {
    return this.stmts.all.all().map(toStream);
  }

  /**
   * The user's stream, made on first use. The desk's first stream takes the desk's own client id, so a desk only
   * one person uses looks to the server exactly as before streams existed.
   */
  ensure(userId: string, displayName: string, deskClientId: string): Stream {
    const found = this.stmts.get.get(userId);
    if (found) {
      if (displayName && found.display_name !== displayName) this.stmts.setName.run(displayName, userId);
      return toStream({ ...found, display_name: displayName || found.display_name });
    }
    // Once only: a retired or re-keyed stream's id stays registered to its first owner on the server.
    const taken = this.db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'deskClientIdTaken'").get();
    const clientId = taken || this.stmts.byClient.get(deskClientId) ? randomUUID() : deskClientId;
    this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('deskClientIdTaken', '1')").run();
    this.stmts.insert.run(userId, displayName, clientId);
    const made = this.stmts.get.get(userId);
    if (!made) throw new Error(`stream of ${userId} was not stored`);
    return toStream(made);
  }

  /** Gives a stream made before anyone logged in (a desk upgraded while logged out) to the user logging in. */
  adoptStandalone(userId: string, displayName: string): void {
    if (this.stmts.get.get(LOCAL_OPERATOR_ID) && !this.stmts.get.get(userId)) this.stmts.rename.run(userId, displayName, LOCAL_OPERATOR_ID);
  }

  /** Gives the next number of the user's stream. */
  next(userId: string): number {
    const row = this.stmts.get.get(userId);
    if (!row) throw new Error(`no stream for ${userId}`);
    this.stmts.setLast.run(row.last_id + 1, userId);
    return row.last_id + 1;
  }

  acked(userId: string, upTo: number): void {
    this.stmts.setAcked.run(upTo, upTo, userId);
  }

  /** The server has this stream only up to `serverLast` (it was restored): later ones are to be sent again. */
  wentBack(userId: string, serverLast: number): void {
    this.stmts.wentBack.run(serverLast, serverLast, userId);
  }

  /** A new client id for the stream; its pending work is renumbered 1..`count` by the caller. */
  rekey(userId: string, count: number): string {
    const clientId = randomUUID();
    this.stmts.rekey.run(clientId, count, userId);
    return clientId;
  }

  /** A stream whose work was handed over ends: its author gets a new one, so their numbering never has a gap. */
  retire(userId: string): void {
    this.stmts.remove.run(userId);
  }

  pruneLog(now: number): void {
    this.stmts.logPrune.run(now - SENT_LOG_DAYS * 86_400_000, SENT_LOG_MAX);
  }

  clearLog(): void {
    this.stmts.logClear.run();
  }

  notices(): SyncNotice[] {
    const raw = this.db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'syncNotices'").get()?.value;
    return raw ? (JSON.parse(raw) as SyncNotice[]) : [];
  }

  addNotice(notice: SyncNotice): void {
    this.writeNotices([...this.notices(), notice].slice(-NOTICES_MAX));
  }

  dismissNotices(): void {
    this.writeNotices([]);
  }

  private writeNotices(notices: SyncNotice[]): void {
    this.db
      .prepare<[string]>("INSERT INTO meta (key, value) VALUES ('syncNotices', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(JSON.stringify(notices));
  }
}

function toStream(row: StreamRow): Stream {
  return {
    userId: row.user_id, displayName: row.display_name, clientId: row.client_id, lastId: row.last_id, ackedId: row.acked_id,
    confirmedId: row.confirmed_id,
  };
}
