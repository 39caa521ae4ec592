import { RoleSchema } from '../domain/roles';
import type { DirectoryEntry, SpaceDirectory } from '../contract/directory';
import type { SqliteDatabase } from './sqlite';

type Row = { id: string; username: string; display_name: string; roles: string; granted: number };

/**
 * This workstation's copy of each space's user directory (table `directory_user`). Not thread-safe on its own:
 * callers go through the workstation's SerialQueue, like LocalStore.
 */
export class DirectoryStore {
  private readonly stmts;

  constructor(private readonly db: SqliteDatabase) {
    this.stmts = {
      list: db.prepare<[string], Row>(
        'SELECT id, username, display_name, roles, granted FROM directory_user WHERE space = ? ORDER BY granted DESC, lower(display_name), id',
      ),
      ungrantAll: db.prepare<[string]>('UPDATE directory_user SET granted = 0 WHERE space = ?'),
      upsert: db.prepare<[string, string, string, string, string, number]>(
        `INSERT INTO directory_user (space, id, username, display_name, roles, granted, fetched_at) VALUES (?, ?, ?, ?, ?, 1, ?)
         ON CONFLICT (space, id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name,
           roles = excluded.roles, granted = 1, fetched_at = excluded.fetched_at`,
      ),
    };
  }

  list(space: string): DirectoryEntry[] {
    return this.stmts.list.all(space).map(toEntry);
  }

  /**
   * Takes in the server's answer for one space in one transaction: everyone listed is granted with their current
   * name and roles, everyone else kept as no longer granted. True when a reader would now see something different.
   */
  replace(directory: SpaceDirectory, at: number): boolean {
    return this.db.transaction(() => {
      const before = JSON.stringify(this.list(directory.space));
      this.stmts.ungrantAll.run(directory.space);
      for (const user of directory.users) {
        this.stmts.upsert.run(directory.space, user.id, user.username, user.displayName, JSON.stringify(user.roles), at);
      }
      return JSON.stringify(this.list(directory.space)) !== before;
    })();
  }
}

function toEntry(row: Row): DirectoryEntry {
  // Roles a later build wrote and this one does not know are dropped, as the server does.
  const roles = (JSON.parse(row.roles) as unknown[]).flatMap((r) => {
    const parsed = RoleSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
  return { id: row.id, username: row.username, displayName: row.display_name, roles, granted: row.granted === 1 };
}
