import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { mutationKey } from './verify';

/** A desk's store as a backup tool sees it: the database and its WAL and shared-memory files, if present. */
const FILES = ['workstation.sqlite', 'workstation.sqlite-wal', 'workstation.sqlite-shm'];

/**
 * Copies a stopped desk's files to `toDir`, making it the same set: a file absent from the source is removed
 * from the destination (a stale WAL beside an older database would be a different file altogether).
 */
export function copyDeskFiles(fromDir: string, toDir: string): void {
  mkdirSync(toDir, { recursive: true });
  for (const name of FILES) {
    const from = join(fromDir, name);
    if (existsSync(from)) copyFileSync(from, join(toDir, name));
    else rmSync(join(toDir, name), { force: true });
  }
}

/** The mutations still in a stopped desk's outbox, read from a scratch copy so the files themselves stay as they are. */
export function outboxKeys(dir: string): string[] {
  const scratch = mkdtempSync(join(tmpdir(), 'hcc-chaos-outbox-'));
  try {
    copyDeskFiles(dir, scratch);
    const db = new Database(join(scratch, 'workstation.sqlite'));
    try {
      const rows = db.prepare<[], { name: string; args: string; at: number }>('SELECT name, args, at FROM outbox').all();
      return rows.map((r) => mutationKey(r.name, JSON.parse(r.args), Number(r.at)));
    } finally {
      db.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
