import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiEvent } from '../../src/contract/api';
import type { Outcome } from '../../src/contract/dispatch';
import type { LiveEvent } from '../../src/contract/live';
import { CALL_CHANNEL, EVENT_CHANNEL, OPEN_WALL_CHANNEL } from '../preload/channels';
import { gateCall, senderRole, type SenderInfo } from './ipc-gate';
import type { WindowRegistry } from './window-registry';
import type { WorkstationClient } from './workstation-client';

export type IpcDeps = {
  ipcMain: Pick<IpcMain, 'handle'>;
  registry: WindowRegistry;
  workstation: Pick<WorkstationClient, 'call' | 'disconnect'>;
  openWall: () => void;
  log: (what: string, detail: string) => void;
};

export function describeSender(event: IpcMainInvokeEvent, registry: WindowRegistry): SenderInfo {
  let frame: IpcMainInvokeEvent['senderFrame'] = null;
  try {
    frame = event.senderFrame;
  } catch {
    // Reading senderFrame throws once the frame is disposed (navigated away, window closing): treat as foreign.
  }
  return {
    role: registry.roleOf(event.sender.id),
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    url: frame?.url ?? '',
  };
}

/** Binds the contract to IPC. Every call passes the gate before anything reaches the workstation. */
export function bindIpc(deps: IpcDeps): { broadcast: (event: ApiEvent) => void; sendLive: (conn: number, event: LiveEvent) => void } {
  // Windows that have called: each is a connection of the core, whose live reads end when the window goes.
  const connected = new Set<number>();
  deps.ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, payload: unknown): Promise<Outcome> => {
    const sender = describeSender(event, deps.registry);
    const verdict = gateCall(sender, method, payload);
    if (!verdict.ok) {
      deps.log(`refused ${String(method).slice(0, 100)}`, `${verdict.error.code} from ${sender.url.slice(0, 200)}`);
      return verdict;
    }
    const conn = event.sender.id;
    if (!connected.has(conn)) {
      connected.add(conn);
      event.sender.once('destroyed', () => {
        connected.delete(conn);
        deps.workstation.disconnect(conn);
      });
    }
    return deps.workstation.call(verdict.method, verdict.params, conn);
  });

  deps.ipcMain.handle(OPEN_WALL_CHANNEL, (event): void => {
    if (senderRole(describeSender(event, deps.registry)) !== 'operator') {
      deps.log('refused open-wall', event.sender.getURL().slice(0, 200));
      return;
    }
    deps.openWall();
  });

  return {
    broadcast(apiEvent) {
      for (const contents of deps.registry.contents()) contents.send(EVENT_CHANNEL, apiEvent);
    },
    sendLive(conn, liveEvent) {
      deps.registry.contents().find((contents) => contents.id === conn)?.send(EVENT_CHANNEL, liveEvent);
    },
  };
}
