import type { LiveConnection } from '../../src/workstation/live-queries';
import type { Workstation, WorkstationOptions } from '../../src/workstation/workstation';
import type { FromWorkstation, ToWorkstation } from './workstation-messages';

/** The slice of Electron's `process.parentPort` the service uses. */
export type ParentPortLike = {
  on(event: 'message', listener: (message: { data: unknown }) => void): unknown;
  postMessage(message: FromWorkstation): void;
};

export type ServiceDeps = {
  port: ParentPortLike;
  createWorkstation: (options: WorkstationOptions) => Workstation;
  exit: (code: number) => void;
};

/**
 * Runs the workstation core behind a message port: the body of the utility process, kept apart from
 * `process.parentPort` so it can be tested with a real workstation on a real SQLite file.
 */
export function serveWorkstation({ port, createWorkstation, exit }: ServiceDeps): void {
  let workstation: Workstation | null = null;
  let closing = false;
  /** Each window's live-read session, by its WebContents id. */
  const connections = new Map<number, LiveConnection>();
  const connection = (ws: Workstation, conn: number): LiveConnection => {
    let live = connections.get(conn);
    if (!live) {
      live = ws.connect((event) => port.postMessage({ type: 'live', conn, event }));
      connections.set(conn, live);
    }
    return live;
  };

  const close = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    try {
      await workstation?.close();
    } finally {
      port.postMessage({ type: 'closed' });
      exit(0);
    }
  };

  port.on('message', ({ data }) => {
    const message = data as ToWorkstation;
    switch (message.type) {
      case 'init': {
        if (workstation) return;
        try {
          workstation = createWorkstation({
            dataDir: message.dataDir,
            nativeBinding: message.nativeBinding,
            appVersion: message.appVersion,
          });
        } catch (error) {
          // Typically better-sqlite3 built for the wrong ABI: say so, and let main decide what the user sees.
          port.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
          exit(1);
          return;
        }
        workstation.subscribe((event) => port.postMessage({ type: 'event', event }));
        port.postMessage({ type: 'ready', clientId: workstation.clientId });
        return;
      }
      case 'call': {
        const { id } = message;
        if (!workstation || closing) {
          port.postMessage({ type: 'result', id, outcome: { ok: false, error: { code: 'internal', message: 'workstation is not running' } } });
          return;
        }
        // handle() never throws: every failure is already an Outcome.
        const live = connection(workstation, message.conn);
        void workstation.handle(message.method, message.params, { live }).then((outcome) => port.postMessage({ type: 'result', id, outcome }));
        return;
      }
      case 'disconnect':
        connections.get(message.conn)?.close();
        connections.delete(message.conn);
        return;
      case 'close':
        void close();
        return;
    }
  });
}
