import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../contract/api';
import type { Board } from '../../../contract/board';
import type { MutationRequest } from '../../../contract/mutation-request';
import type { TimelineItem } from '../../../domain/timeline';
import { newId } from '../../../domain/ids';
import type { TaskStatus } from '../../../domain/tasks';
import { placeInColumn } from '../../../domain/task-placement';
import { toUiError, type UiError } from '../../lib/ui-error';
import { keepUnchanged } from './keep-unchanged';

/** The record kinds the board shows: a `changed` event naming one of them refetches the board. */
export const boardKinds = ['incident', 'assignment', 'objective', 'task', 'logEntry', 'message', 'deadline'];

export type BoardState = {
  incidentId: string | null;
  board: Board | null;
  timeline: TimelineItem[];
  error: UiError | null;
  /** Shows the incident's board and keeps it current; null stops following. */
  track: (incidentId: string | null) => void;
  reload: () => Promise<void>;
  mutate: (request: MutationRequest) => Promise<UiError | null>;
  /** Moves a card on screen at once, then asks the workstation; the next refetch shows the agreed result. */
  moveTask: (id: string, status: TaskStatus, afterId?: string, beforeId?: string) => Promise<UiError | null>;
};

export type BoardStore = StoreApi<BoardState>;

export function createBoardStore(client: ApiClient): BoardStore {
  // Local edits bump this; a fetch begun before one is stale and must not paint over the optimistic move.
  let editGeneration = 0;
  // Fetches begun so far: a move whose `changed` event already started one need not start another.
  let fetchesBegun = 0;
  let inFlight: Promise<void> | null = null;
  let again = false;

  const store = createStore<BoardState>()((set, get) => {
    const fetchOnce = async (): Promise<void> => {
      const incidentId = get().incidentId;
      if (!incidentId) return;
      const generation = editGeneration;
      fetchesBegun += 1;
      try {
        const [board, timeline] = await Promise.all([client.call('board.get', { incidentId }), client.call('timeline.get', { incidentId })]);
        if (get().incidentId !== incidentId) return;
        if (generation !== editGeneration) again = true;
        // Unchanged rows keep their objects, so the refetch after a move redraws the moved card only.
        else set((s) => ({ board: keepUnchanged(s.board, board), timeline: keepUnchanged(s.timeline, timeline), error: null }));
      } catch (error) {
        if (get().incidentId === incidentId) set({ error: toUiError(error) });
      }
    };

    // One fetch at a time; changes arriving meanwhile coalesce into one more.
    const reload = async (): Promise<void> => {
      if (inFlight) {
        again = true;
        return inFlight;
      }
      inFlight = (async () => {
        do {
          again = false;
          await fetchOnce();
        } while (again);
      })();
      try {
        await inFlight;
      } finally {
        inFlight = null;
      }
    };

    return {
      incidentId: null,
      board: null,
      timeline: [],
      error: null,
      track(incidentId) {
        if (get().incidentId === incidentId) return;
        set({ incidentId, board: null, timeline: [], error: null });
        if (incidentId) void reload();
      },
      reload,
      async mutate(request) {
        try {
          await client.call('mutate', request);
          return null;
        } catch (error) {
          return toUiError(error);
        }
      },
      async moveTask(id, status, afterId, beforeId) {
        const board = get().board;
        const task = board?.tasks.find((t) => t.id === id);
        if (!board || !task) return null;
        const column = board.tasks.filter((t) => t.status === status && t.id !== id);
        const moved = { ...task, status, order: placeInColumn(column, afterId, beforeId) };
        editGeneration += 1;
        set({ board: { ...board, tasks: board.tasks.map((t) => (t.id === id ? moved : t)) } });
        // The status this user saw goes with the move: the server keeps a colleague's newer decision over it.
        const args = { id, status, seen: task.status, moveId: newId(), ...(afterId ? { afterId } : {}), ...(beforeId ? { beforeId } : {}) };
        const sent = fetchesBegun;
        const failed = await get().mutate({ name: 'task.move', args });
        // The workstation answers calls in the order they were sent (one serial queue), so a fetch begun after
        // the move was sent shows it: usually the one the move's own `changed` event started. Fetch only when
        // none began (a refused move sends no event, and its card must go back).
        if (failed || fetchesBegun === sent) void reload();
        return failed;
      },
    };
  });

  client.subscribe((event) => {
    if (event.type === 'changed' && event.kinds.some((k) => boardKinds.includes(k))) void store.getState().reload();
  });
  return store;
}
