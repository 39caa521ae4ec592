import { routePaths } from '../app/routes';
import type { UiSlice } from './app-state';
import type { StoreSet } from './store-types';

export function createUiSlice(set: StoreSet, pushPath: (path: string) => void, initialRoute: UiSlice['route']): UiSlice {
  return {
    route: initialRoute,
    helpOpen: false,
    declareFocusRequest: 0,
    navigate(route) {
      pushPath(routePaths[route]);
      set({ route, helpOpen: false });
    },
    routeChanged: (route) => set({ route }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    requestDeclare: () => set((s) => ({ declareFocusRequest: s.declareFocusRequest + 1 })),
  };
}
