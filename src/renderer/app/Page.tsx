import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardPage } from '../features/board/BoardPage';
import type { RouteName } from './routes';

/**
 * The board is what a desk opens on, so it is in the first bundle; every other page is its own chunk, so the
 * board's first paint does not wait for the map engine, the grids and the charts (issue 13 item 15).
 */
const pageLoaders = {
  map: () => import('../features/map/MapPage').then((m) => m.MapPage),
  resources: () => import('../features/resources/ResourcesPage').then((m) => m.ResourcesPage),
  roster: () => import('../features/roster/RosterPage').then((m) => m.RosterPage),
  warning: () => import('../features/warning/WarningPage').then((m) => m.WarningPage),
  casualties: () => import('../features/casualties/CasualtiesPage').then((m) => m.CasualtiesPage),
  family: () => import('../features/casualties/FamilyEnquiriesPage').then((m) => m.FamilyEnquiriesPage),
  plans: () => import('../features/plans/PlansPage').then((m) => m.PlansPage),
  exercise: () => import('../features/exercises/ExerciseConsolePage').then((m) => m.ExerciseConsolePage),
  settings: () => import('../features/settings/SettingsPage').then((m) => m.SettingsPage),
  wall: () => import('../features/wall/WallPage').then((m) => m.WallPage),
} satisfies Record<Exclude<RouteName, 'board'>, () => Promise<ComponentType>>;

type LazyRoute = keyof typeof pageLoaders;

function lazyPage(load: () => Promise<ComponentType>): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((component) => ({ default: component })));
}

const lazyPages = {} as Record<LazyRoute, LazyExoticComponent<ComponentType>>;
for (const route of Object.keys(pageLoaders) as LazyRoute[]) lazyPages[route] = lazyPage(pageLoaders[route]);

/** Long enough for the board to have read its data and painted: earlier, the chunks would compete with it. */
const PRELOAD_AFTER_MS = 3_000;

/**
 * After the first page has painted, fetch the other pages' chunks while the desk is idle: switching pages in
 * the middle of an incident should not wait on a file read.
 */
export function usePreloadPages(): void {
  useEffect(() => {
    let idle: number | undefined;
    const timer = window.setTimeout(() => {
      const preload = () => {
        for (const load of Object.values(pageLoaders)) void load().catch(() => undefined);
      };
      if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(preload, { timeout: 5_000 });
      else preload();
    }, PRELOAD_AFTER_MS);
    return () => {
      window.clearTimeout(timer);
      if (idle !== undefined) window.cancelIdleCallback(idle);
    };
  }, []);
}

function PageLoading() {
  const { t } = useTranslation();
  return <p role="status" className="page-loading">{t('app.pageLoading')}</p>;
}

/** The page for a route of the operator frame, or the wall on its own. */
export function Page({ route }: { route: RouteName }) {
  if (route === 'board') return <BoardPage />;
  const LazyPage = lazyPages[route];
  return (
    <Suspense fallback={<PageLoading />}>
      <LazyPage />
    </Suspense>
  );
}
