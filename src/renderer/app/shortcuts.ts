import type { RouteName } from './routes';

/** `g` then a letter goes to a page; the letters are the same in both languages (they are keys, not words). */
export const goKeys: Readonly<Record<string, RouteName>> = {
  b: 'board',
  c: 'casualties',
  f: 'family',
  m: 'map',
  r: 'resources',
  o: 'roster',
  e: 'warning',
  p: 'plans',
  d: 'exercise',
  w: 'wall',
  s: 'settings',
};

export function shortcutFor(route: RouteName): string {
  const key = Object.entries(goKeys).find(([, target]) => target === route)?.[0];
  return key ? `g ${key}` : '';
}

/** For the help overlay: the key sequence and the i18n key that says what it does. */
export const shortcutList: readonly { keys: readonly string[]; labelKey: string }[] = [
  { keys: ['g', 'b'], labelKey: 'help.goBoard' },
  { keys: ['g', 'c'], labelKey: 'help.goCasualties' },
  { keys: ['g', 'f'], labelKey: 'help.goFamily' },
  { keys: ['g', 'm'], labelKey: 'help.goMap' },
  { keys: ['g', 'r'], labelKey: 'help.goResources' },
  { keys: ['g', 'o'], labelKey: 'help.goRoster' },
  { keys: ['g', 'e'], labelKey: 'help.goWarning' },
  { keys: ['g', 'p'], labelKey: 'help.goPlans' },
  { keys: ['g', 'd'], labelKey: 'help.goExercise' },
  { keys: ['g', 'w'], labelKey: 'help.goWall' },
  { keys: ['g', 's'], labelKey: 'help.goSettings' },
  { keys: ['n'], labelKey: 'help.newIncident' },
  { keys: ['t'], labelKey: 'board.keys.newTask' },
  { keys: ['Shift', '← → ↑ ↓'], labelKey: 'board.keys.moveCard' },
  { keys: ['Enter'], labelKey: 'board.keys.editCard' },
  { keys: ['a'], labelKey: 'board.keys.assignCard' },
  { keys: ['?'], labelKey: 'help.toggleHelp' },
  { keys: ['Esc'], labelKey: 'help.closeOverlay' },
];

/** How long after `g` the second key still counts. */
export const SEQUENCE_TIMEOUT_MS = 1500;

export type ShortcutAction =
  | { type: 'navigate'; route: RouteName }
  | { type: 'declare' }
  | { type: 'toggleHelp' }
  | { type: 'closeOverlay' };

/**
 * Turns one key press into an action, given whether `g` was pressed just before. Pure, so the sequence rules
 * are tested without a browser.
 */
export function interpretKey(key: string, afterG: boolean): { action: ShortcutAction | null; pendingG: boolean } {
  if (afterG) {
    const route = goKeys[key.toLowerCase()];
    return { action: route ? { type: 'navigate', route } : null, pendingG: false };
  }
  if (key === 'g') return { action: null, pendingG: true };
  if (key === 'n') return { action: { type: 'declare' }, pendingG: false };
  if (key === '?') return { action: { type: 'toggleHelp' }, pendingG: false };
  if (key === 'Escape') return { action: { type: 'closeOverlay' }, pendingG: false };
  return { action: null, pendingG: false };
}
