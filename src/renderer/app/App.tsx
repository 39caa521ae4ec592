import { WallPage } from '../features/wall/WallPage';
import type { AppStore } from '../state/create-app-store';
import { useApp } from '../state/store-context';
import { AppFrame } from './AppFrame';
import { useShortcuts } from './use-shortcuts';

export function App({ store }: { store: AppStore }) {
  useShortcuts(store);
  const route = useApp((s) => s.route);
  return route === 'wall' ? <WallPage /> : <AppFrame />;
}
