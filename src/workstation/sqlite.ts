import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteDatabase = Database.Database;

export type OpenOptions = {
  /**
   * Path of a better-sqlite3 `.node` binary built for this runtime. The desktop shell needs one built for its own
   * ABI (`npm run rebuild:` + the shell's name, see scripts/); plain Node uses the one npm built.
   */
  nativeBinding?: string | undefined;
};

export function openDatabase(file: string, options: OpenOptions = {}): SqliteDatabase {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  // FULL: a write the UI has confirmed must survive a power cut in the command room.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
