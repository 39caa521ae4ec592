import { useEffect } from 'react';
import type { AppStore } from '../state/create-app-store';
import { interpretKey, SEQUENCE_TIMEOUT_MS } from './shortcuts';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Global keyboard shortcuts; never while the user types in a field (Esc still closes the overlay). */
export function useShortcuts(store: AppStore): void {
  useEffect(() => {
    let gAt = 0;
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) && event.key !== 'Escape') return;
      const afterG = gAt > 0 && Date.now() - gAt < SEQUENCE_TIMEOUT_MS;
      const { action, pendingG } = interpretKey(event.key, afterG);
      gAt = pendingG ? Date.now() : 0;
      if (!action) return;
      event.preventDefault();
      const state = store.getState();
      if (action.type === 'navigate') state.navigate(action.route);
      else if (action.type === 'toggleHelp') state.setHelpOpen(!state.helpOpen);
      else if (action.type === 'closeOverlay') state.setHelpOpen(false);
      else {
        state.navigate('board');
        state.requestDeclare();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
