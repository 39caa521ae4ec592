import { useEffect, useState } from 'react';
import type { Board } from '../../../contract/board';
import { useApp } from '../../state/store-context';

const BOARD_KINDS = ['incident', 'task', 'assignment', 'objective', 'logEntry', 'message', 'deadline'];

/** The current incident's board for the wall, refetched on every change to a board kind (within the same tick). */
export function useWallBoard(incidentId: string | null): Board | null {
  const client = useApp((s) => s.client);
  const transport = useApp((s) => s.transport);
  const [loaded, setLoaded] = useState<{ incidentId: string; board: Board } | null>(null);
  useEffect(() => {
    if (!incidentId || transport !== 'open') return;
    let alive = true;
    const load = (): void => {
      // A failed refresh keeps the last board: the stale notice, not a blank panel, tells the room.
      client.call('board.get', { incidentId }).then((board) => alive && setLoaded({ incidentId, board }), () => undefined);
    };
    load();
    const unsubscribe = client.subscribe((event) => {
      if (event.type === 'changed' && event.kinds.some((k) => BOARD_KINDS.includes(k))) load();
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [client, transport, incidentId]);
  return loaded && loaded.incidentId === incidentId ? loaded.board : null;
}
