import { DIRECTORY_CHANGED_KIND, SpaceDirectorySchema } from '../contract/directory';
import type { DirectoryStore } from './directory-store';
import type { EventHub } from './events';
import type { SerialQueue } from '../common/serial-queue';
import type { StoredSession } from './session-store';
import { getJson } from './sync-http';

/** Names change rarely: a few minutes' delay is fine, and a desk polling every 30 s should not ask each time. */
export const DIRECTORY_REFRESH_MS = 5 * 60_000;
/** After a failed fetch (a blip, or a server too old to have the route) ask again sooner than a full interval. */
const RETRY_MS = 60_000;

export type DirectorySyncOptions = {
  directory: DirectoryStore;
  queue: SerialQueue;
  events: EventHub;
  now: () => number;
  refreshMs?: number | undefined;
};

/**
 * Fetches the user directory of every space the session is granted, after a sync round when it is due: at once
 * after login or a reconnect (`expire`), otherwise at most every `refreshMs`. Names are a courtesy to the reader,
 * so a failure here never fails the sync round: the copy on disk stays and is asked for again later.
 */
export class DirectorySync {
  private dueAt = 0;

  constructor(private readonly opts: DirectorySyncOptions) {}

  /** Fetch at the next sync round. */
  expire(): void {
    this.dueAt = 0;
  }

  async refreshIfDue(session: StoredSession): Promise<void> {
    const now = this.opts.now();
    if (now < this.dueAt) return;
    try {
      for (const space of session.spaces) {
        const path = `/api/spaces/${encodeURIComponent(space)}/users`;
        const directory = await getJson(session.serverUrl, path, SpaceDirectorySchema, session.token);
        // The server answers for the space asked, never another: a mismatch is not stored under either.
        if (directory.space !== space) throw new Error(`asked for the users of ${space}, got ${directory.space}`);
        const changed = await this.opts.queue.run(() => this.opts.directory.replace(directory, now));
        if (changed) this.announce();
      }
      this.dueAt = now + (this.opts.refreshMs ?? DIRECTORY_REFRESH_MS);
    } catch {
      this.dueAt = now + RETRY_MS;
    }
  }

  /** Tells readers the names may read differently (also when the logged-in user changes). */
  announce(): void {
    this.opts.events.emit({ type: 'changed', kinds: [DIRECTORY_CHANGED_KIND] });
  }
}
