import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteDatabase = Database.Database;

export type OpenOptions = {
  /**
   * Path of a better-sqlite3 `.node` binary built for this runtime. The desktop shell needs one built for its own
   * ABI (`npm run rebuild:` + the shell's name, see scripts/); plain Node uses the one npm built.
   */
  nativeBinding?: string | undefined;
};

/**
 * A workstation file that is there but is not a whole SQLite database. Refused before SQLite touches it: SQLite
 * would take an empty file for a new database (a new client id, the outbox gone) and write a header into it,
 * so whatever the file held could no longer be recovered.
 */
export class UnreadableStoreError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file} ${reason}: it is left as it is; restore it from a backup, or move it away to start an empty store`);
    this.name = 'UnreadableStoreError';
  }
}

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

/** Why `file` cannot be a whole SQLite database, from its size and header; undefined when it can be, or is absent. */
function problemWith(file: string): string | undefined {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (size === 0) return 'is empty (0 bytes)';
  if (size < HEADER_BYTES) return `is cut short (${size} bytes, not even a SQLite header)`;
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.subarray(0, HEADER.length).equals(HEADER)) return 'is not a SQLite database';
  // https://sqlite.org/fileformat.html#the_database_header: page size at 16 (1 means 65536); the page count at 28
  // is only valid when the change counter at 24 equals the "version valid for" number at 92.
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  const countValid = header.readUInt32BE(24) === header.readUInt32BE(92);
  if (countValid && pages > 0 && size < pages * pageSize) return `is cut short (${size} of ${pages * pageSize} bytes)`;
  return undefined;
}

/** Opens (or creates, when absent) the workstation's SQLite file; throws UnreadableStoreError for a damaged one. */
export function openDatabase(file: string, options: OpenOptions = {}): SqliteDatabase {
  mkdirSync(dirname(file), { recursive: true });
  const problem = problemWith(file);
  if (problem) throw new UnreadableStoreError(file, problem);
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a write the UI has confirmed must survive a power cut in the command room.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted rows are overwritten with zeros rather than left in free space: a shared desk takes off what the next
    // user may not see (names, check-ins, an exercise's scenario), and it must not stay readable in the file.
    db.pragma('secure_delete = ON');
  } catch (error) {
    db.close();
    // A header that looks right over damaged pages: SQLite says SQLITE_NOTADB or SQLITE_CORRUPT.
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new UnreadableStoreError(file, `is damaged (${String(code)})`);
    throw error;
  }
  return db;
}
