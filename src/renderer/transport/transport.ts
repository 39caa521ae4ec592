import type { ApiClient } from '../../contract/api';

export type ConnectionState = 'connecting' | 'open' | 'closed';

/** How the renderer reaches its workstation core: the desktop's bridge or the web host's socket. */
export type Transport = {
  client: ApiClient;
  kind: 'electron' | 'socket';
  state: () => ConnectionState;
  onState: (listener: (state: ConnectionState) => void) => () => void;
};
