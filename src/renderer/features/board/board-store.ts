import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../contract/api';
import type { Board } from '../../../contract/board';
import type { TimelineItem } from '../../../domain/board/timeline';
import { newId } from '../../../domain/ids';
import type { Task, TaskStatus } from '../../../domain/board/tasks';
import { placeInColumn } from '../../../domain/board/task-placement';
import { toUiError, type UiError } from '../../lib/ui-error';
import type { LiveClient } from '../../state/live-client';
import { keepUnchanged } from './keep-unchanged';

export type BoardState = {
  incidentId: string | null;
  /** The board as shown: the workstation's live board with this window's moves still on their way laid over it. */
  board: Board | null;
  timeline: TimelineItem[];
  error: UiError | null;
  /** Follows an incident's board while the caller needs it; call the result to stop. */
  follow: (incidentId: string) => () => void;
  /** Moves a card on screen at once, then asks the workstation; the live board then shows the agreed result. */
  moveTask: (id: string, status: TaskStatus, afterId?: string, beforeId?: string) => Promise<UiError | null>;
  /**
   * The header clock asking the board to open its Reports tab on the report for a deadline: the board page takes it
   * when it is shown (now, or once the user is taken there) and clears it, so coming back later opens the tasks.
   */
  reportRequest: { deadlineId: string } | null;
  openReportFor: (deadlineId: string) => void;
  takeReportRequest: () => { deadlineId: string } | null;
};

export type BoardStore = StoreApi<BoardState>;

/**
 * The board's data comes from two live reads (`board.get`, `timeline.get`); zustand holds it only because a card
 * move is optimistic. A moved card stays where the user put it until the workstation has answered the move and
 * pushed a board read after it: a push read before the move (sent before its answer, on the one connection)
 * never paints over it, and a refused move puts the card back at once.
 */
export function createBoardStore(client: ApiClient, live: LiveClient): BoardStore {
  /** The last board the workstation pushed, before this window's moves are laid over it. */
  let server: Board | null = null;
  const moved = new Map<string, Task>();
  let movesInFlight = 0;
  let followers = 0;
  let stop: (() => void) | null = null;

  const store = createStore<BoardState>()((set, get) => {
    const show = (): void => {
      const base = server;
      if (!base) return set({ board: null });
      const board = moved.size === 0 ? base : { ...base, tasks: base.tasks.map((t) => moved.get(t.id) ?? t) };
      // Unchanged rows keep their objects, so the push after a move redraws the moved card only.
      set((s) => ({ board: keepUnchanged(s.board, board) }));
    };

    const watch = (incidentId: string): (() => void) => {
      const stopBoard = live.watch('board.get', { incidentId }, (state) => {
        if (get().incidentId !== incidentId) return;
        if (state.data) {
          server = state.data;
          // A push with no move waiting is read after every move this window sent: the overlay has done its job.
          if (movesInFlight === 0) moved.clear();
          show();
        }
        set({ error: state.error });
      });
      const stopTimeline = live.watch('timeline.get', { incidentId }, (state) => {
        if (get().incidentId === incidentId && state.data) set((s) => ({ timeline: keepUnchanged(s.timeline, state.data ?? []) }));
      });
      return () => {
        stopBoard();
        stopTimeline();
      };
    };

    return {
      incidentId: null,
      board: null,
      timeline: [],
      error: null,
      reportRequest: null,
      openReportFor: (deadlineId) => set({ reportRequest: { deadlineId } }),
      takeReportRequest() {
        const request = get().reportRequest;
        if (request) set({ reportRequest: null });
        return request;
      },
      follow(incidentId) {
        followers += 1;
        if (get().incidentId !== incidentId) {
          stop?.();
          server = null;
          moved.clear();
          set({ incidentId, board: null, timeline: [], error: null });
          stop = watch(incidentId);
        }
        return () => {
          followers -= 1;
          if (followers > 0) return;
          stop?.();
          stop = null;
          server = null;
          moved.clear();
          set({ incidentId: null, board: null, timeline: [], error: null });
        };
      },
      async moveTask(id, status, afterId, beforeId) {
        const board = get().board;
        const task = board?.tasks.find((t) => t.id === id);
        if (!board || !task) return null;
        const column = board.tasks.filter((t) => t.status === status && t.id !== id);
        moved.set(id, { ...task, status, order: placeInColumn(column, afterId, beforeId) });
        movesInFlight += 1;
        show();
        // The status this user saw goes with the move: the server keeps a colleague's newer decision over it.
        const args = { id, status, seen: task.status, moveId: newId(), ...(afterId ? { afterId } : {}), ...(beforeId ? { beforeId } : {}) };
        let failed: UiError | null = null;
        try {
          await client.call('mutate', { name: 'task.move', args });
        } catch (error) {
          failed = toUiError(error);
        }
        movesInFlight -= 1;
        // Refused: nothing will be pushed for it, so the card goes back now.
        if (failed) {
          moved.delete(id);
          show();
        }
        return failed;
      },
    };
  });
  return store;
}
