import type { ApiClient } from '../../contract/api';
import { toApiFailure, type DesktopBridge } from '../../contract/bridge';
import { API_SOCKET_PATH } from '../../contract/wire';
import { createSocketClient, type ConnectionState } from './socket-client';

export type Transport = {
  client: ApiClient;
  kind: 'electron' | 'socket';
  state: () => ConnectionState;
  onState: (listener: (state: ConnectionState) => void) => () => void;
};

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
  if (bridge) {
    // contextBridge strips an Error's fields: turn rejections back into ApiFailure so codes stay translatable.
    const client: ApiClient = {
      call: (method, params) => bridge.call(method, params).catch((reason: unknown) => Promise.reject(toApiFailure(reason))),
      subscribe: (listener) => bridge.subscribe(listener),
    };
    return { client, kind: 'electron', state: () => 'open', onState: () => () => undefined };
  }
  const scheme = win.location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = createSocketClient(`${scheme}://${win.location.host}${API_SOCKET_PATH}`);
  return { client: socket, kind: 'socket', state: socket.state, onState: socket.onState };
}
