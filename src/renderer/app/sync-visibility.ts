import type { SyncStatus } from '../../contract/sync-status';

/** What the operator's offline banner says: how many changes wait, and since when the desk was last in sync. */
export type OfflineBannerState = { pending: number; lastSyncedAt: number | null };

type BannerInput = Pick<SyncStatus, 'connection' | 'user' | 'pending' | 'lastSyncedAt'>;

/**
 * The banner is for a desk that belongs to a hospital server (one is configured and someone is logged in) and
 * cannot reach it: its work is piling up locally and the operator must know. A standalone desk has no server to
 * miss, and a desk nobody logged in to sends nothing anyway, so neither gets a banner; `connecting` is the
 * moment between two states, too short to shout about.
 */
export function offlineBanner(sync: BannerInput | null): OfflineBannerState | null {
  if (!sync || sync.connection !== 'offline' || sync.user === null) return null;
  return { pending: sync.pending, lastSyncedAt: sync.lastSyncedAt };
}

/** Where a status line is shown: the operator's desk, or the wall across the room. */
export type StatusSurface = 'desk' | 'wall';

/**
 * Whether a status line shows the count of changes waiting to sync. On a standalone wall it is noise that reads
 * like trouble ("待同步变更: 63") where nothing is wrong; the operator's desk keeps it, because that work is sent
 * once someone logs in there.
 */
export function showsPendingCount(connection: SyncStatus['connection'] | null, surface: StatusSurface): boolean {
  return !(surface === 'wall' && connection === 'standalone');
}
