import type { AppStore } from '../state/create-app-store';
import { useApp } from '../state/store-context';
import { AppFrame } from './AppFrame';
import { Page } from './Page';
import { useShortcuts } from './use-shortcuts';

export function App({ store }: { store: AppStore }) {
  useShortcuts(store);
  const route = useApp((s) => s.route);
  return route === 'wall' ? <Page route="wall" /> : <AppFrame />;
}
