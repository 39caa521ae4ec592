import type { Method } from '../../src/contract/api';

/**
 * The only IPC channels between a window and the main process. Kept free of runtime imports: the sandboxed
 * preload can `require` nothing but `electron`, so everything it uses must be bundled into it.
 */
export const CALL_CHANNEL = 'hcc:call';
export const EVENT_CHANNEL = 'hcc:event';
/** Desktop-only action with no place in the workstation API: show the wall display on demand. */
export const OPEN_WALL_CHANNEL = 'hcc:open-wall';

/**
 * What the wall display may call: an allow-list, so a method added to the API later stays off the wall until
 * someone decides it is read-only. Enforced in main (the trust boundary) and mirrored in the wall preload.
 */
export const WALL_METHODS = ['app.info', 'settings.get', 'incident.list', 'sync.status', 'board.get', 'map.features', 'map.featuresByIds', 'resources.summary', 'roster.coverage', 'map.region', 'directory.users', 'plans.incident', 'warning.alerts', 'warning.indicators', 'casualty.counts', 'recovery.wall', 'live.subscribe', 'live.unsubscribe'] as const satisfies readonly Method[];

export type WindowRole = 'operator' | 'wall';
