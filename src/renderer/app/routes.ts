export const routePaths = {
  board: '/',
  map: '/map',
  resources: '/resources',
  roster: '/roster',
  warning: '/warning',
  casualties: '/casualties',
  family: '/family',
  plans: '/plans',
  exercise: '/exercise',
  wall: '/wall',
  settings: '/settings',
} as const;

export type RouteName = keyof typeof routePaths;
export const routeNames = Object.keys(routePaths) as RouteName[];

/** Pages of the operator frame, in navigation order (the wall view has no frame). */
export const navRoutes: readonly RouteName[] = ['board', 'casualties', 'family', 'map', 'resources', 'roster', 'warning', 'plans', 'exercise', 'wall', 'settings'];

/** Pages that belong to an exercise space only: the navigation shows them there and nowhere else. */
export const exerciseRoutes: ReadonlySet<RouteName> = new Set(['exercise']);

export function routeFromPath(path: string): RouteName {
  const clean = path.replace(/\/+$/, '') || '/';
  return routeNames.find((name) => routePaths[name] === clean) ?? 'board';
}
