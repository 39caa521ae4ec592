import type { ApiClient } from '../../contract/api';
import { toApiFailure, type DesktopBridge } from '../../contract/bridge';
import type { ConnectionState, Transport } from './transport';

/** The renderer's transport inside Electron: the preload's bridge. */
export function desktopTransport(bridge: DesktopBridge): Transport {
  // contextBridge strips an Error's fields: turn rejections back into ApiFailure so codes stay translatable.
  const client: ApiClient = {
    call: (method, params) => bridge.call(method, params).catch((reason: unknown) => Promise.reject(toApiFailure(reason))),
    subscribe: (listener) => bridge.subscribe(listener),
  };
  // The bridge is always open; a restarted core is the one reconnect it has, and is handled as one.
  const onState = (listener: (state: ConnectionState) => void) =>
    bridge.subscribe((event) => {
      if (event.type === 'restarted') listener('open');
    });
  return { client, kind: 'electron', state: () => 'open', onState };
}
