import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiEvent } from '../../src/contract/api';
import type { Outcome } from '../../src/contract/dispatch';
import { CALL_CHANNEL, EVENT_CHANNEL, OPEN_WALL_CHANNEL } from '../preload/channels';
import { gateCall, senderRole, type SenderInfo } from './ipc-gate';
import type { WindowRegistry } from './window-registry';
import type { WorkstationClient } from './workstation-client';

export type IpcDeps = {
  ipcMain: Pick<IpcMain, 'handle'>;
  registry: WindowRegistry;
  workstation: Pick<WorkstationClient, 'call'>;
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
export function bindIpc(deps: IpcDeps): { broadcast: (event: ApiEvent) => void } {
  deps.ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, payload: unknown): Promise<Outcome> => {
    const sender = describeSender(event, deps.registry);
    const verdict = gateCall(sender, method, payload);
    if (!verdict.ok) {
      deps.log(`refused ${String(method).slice(0, 100)}`, `${verdict.error.code} from ${sender.url.slice(0, 200)}`);
      return verdict;
    }
    return deps.workstation.call(verdict.method, verdict.params);
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
  };
}
