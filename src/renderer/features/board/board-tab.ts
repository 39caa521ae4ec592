import { useCallback, useEffect, useState } from 'react';
import { useBoardStore } from './use-board';

export const boardTabs = ['tasks', 'checklists', 'org', 'log', 'timeline', 'reports', 'aar', 'recovery'] as const;
export type BoardTab = (typeof boardTabs)[number];

type TabState = { tab: BoardTab; reportFor: string | null };

/**
 * The board's open tab. It is the page's own (coming back to the board opens the tasks), but the header clock can
 * ask for the Reports tab on a deadline's report through the board store: a request waiting when the page opens
 * is where it opens, one made while it is shown switches it; either way the request is taken, so it acts once.
 */
export function useBoardTab(): TabState & { showTab: (tab: BoardTab) => void } {
  const store = useBoardStore();
  const [state, setState] = useState<TabState>(() => {
    const request = store.getState().reportRequest;
    return request ? { tab: 'reports', reportFor: request.deadlineId } : { tab: 'tasks', reportFor: null };
  });
  useEffect(() => {
    // Shown already by the first state above.
    store.getState().takeReportRequest();
    return store.subscribe((s) => {
      const request = s.reportRequest;
      if (!request) return;
      s.takeReportRequest();
      setState({ tab: 'reports', reportFor: request.deadlineId });
    });
  }, [store]);
  const showTab = useCallback((tab: BoardTab) => setState({ tab, reportFor: null }), []);
  return { ...state, showTab };
}
