import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../src/contract/sync-status';
import { offlineBanner, showsPendingCount } from '../../../src/renderer/app/sync-visibility';

const officer = { username: 'duty-officer', displayName: 'Duty officer', roles: ['operator'] };

/** The parts of the sync status the banner reads; defaults: a logged-in desk that cannot reach its server. */
function status(overrides: Partial<Pick<SyncStatus, 'connection' | 'user' | 'pending' | 'lastSyncedAt'>> = {}) {
  return { connection: 'offline' as const, user: officer, pending: 63, lastSyncedAt: 1_780_000_000_000, ...overrides };
}

describe('the operator offline banner (issue 13, item 9)', () => {
  it('shows for a logged-in desk that cannot reach its server, with the changes waiting and the last sync', () => {
    expect(offlineBanner(status())).toEqual({ pending: 63, lastSyncedAt: 1_780_000_000_000 });
  });

  it('shows before the first sync too, without a last-sync time', () => {
    expect(offlineBanner(status({ lastSyncedAt: null, pending: 0 }))).toEqual({ pending: 0, lastSyncedAt: null });
  });

  it('stays off on a standalone desk, which has no server to miss', () => {
    expect(offlineBanner(status({ connection: 'standalone', user: null }))).toBeNull();
  });

  it('stays off while the desk is online or connecting', () => {
    expect(offlineBanner(status({ connection: 'online' }))).toBeNull();
    expect(offlineBanner(status({ connection: 'connecting' }))).toBeNull();
  });

  it('stays off when nobody is logged in on the desk', () => {
    expect(offlineBanner(status({ user: null }))).toBeNull();
  });

  it('stays off before the workstation has reported its status', () => {
    expect(offlineBanner(null)).toBeNull();
  });
});

describe('the pending-changes count in a status line', () => {
  it('is left off the wall of a standalone desk', () => {
    expect(showsPendingCount('standalone', 'wall')).toBe(false);
  });

  it('stays on the wall of a desk with a server, where waiting changes mean something', () => {
    expect(showsPendingCount('offline', 'wall')).toBe(true);
    expect(showsPendingCount('online', 'wall')).toBe(true);
  });

  it('stays on the operator desk, standalone or not: that work is sent once someone logs in', () => {
    expect(showsPendingCount('standalone', 'desk')).toBe(true);
    expect(showsPendingCount('offline', 'desk')).toBe(true);
    expect(showsPendingCount(null, 'desk')).toBe(true);
  });
});
