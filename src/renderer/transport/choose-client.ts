import type { DesktopBridge } from '../../contract/bridge';
import { API_SOCKET_PATH } from '../../contract/wire';
import { desktopTransport } from './desktop-transport';
import { createSocketClient } from './socket-client';
import type { Transport } from './transport';

export type { Transport } from './transport';

declare global {
  // The Electron preload's bridge, when the renderer runs inside the desktop app. Merging into the DOM's
  // Window needs an interface: a type alias cannot extend a global declaration.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    hcc?: DesktopBridge;
  }
}

/** The preload's bridge inside Electron; otherwise the web host's socket on the page's own origin. */
export function chooseTransport(win: Window): Transport {
  const bridge = win.hcc;
  if (bridge) return desktopTransport(bridge);
  const scheme = win.location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = createSocketClient(`${scheme}://${win.location.host}${API_SOCKET_PATH}`);
  return { client: socket, kind: 'socket', state: socket.state, onState: socket.onState };
}
