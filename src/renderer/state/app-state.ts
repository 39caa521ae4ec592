import type { ApiClient } from '../../contract/api';
import type { DirectoryEntry } from '../../contract/directory';
import type { ConnectionState } from '../transport/transport';
import type { Incident } from '../../domain/incidents/incident';
import type { Settings } from '../../contract/settings';
import type { SyncStatus } from '../../contract/sync-status';
import type { RouteName } from '../app/routes';
import type { UiError } from '../lib/ui-error';
import type { LiveClient } from './live-client';

export type DataSlice = {
  /** The workstation API, for feature stores and hooks that call it themselves. */
  client: ApiClient;
  /** Live reads (`useLive`), shared by every component of this window. */
  live: LiveClient;
  transport: ConnectionState;
  settings: Settings | null;
  incidents: Incident[];
  incidentsLoaded: boolean;
  sync: SyncStatus | null;
  /** Who the account ids on records belong to, in the current space (`directory.users`). */
  directory: DirectoryEntry[];
  /** A failure no form owns (loading, dismissing a rejection), shown in the status area. */
  lastError: UiError | null;
  /** Reads what is not pushed live (settings, sync status) again: on connecting, and after a reconnect. */
  reload: () => Promise<void>;
  dismissRejection: (mutationId: number) => Promise<void>;
  /** Sends again a change the server failed on (`internal_error`), as a new change; its refusal goes. */
  retryRejected: (mutationId: number) => Promise<void>;
  /** A change held because no push could carry it: send it again, or drop it (its effect leaves this desk). */
  retryStuck: (mutationId: number) => Promise<void>;
  discardStuck: (mutationId: number) => Promise<void>;
  /** Clears what the desk did on its own to keep work (restored file, restored server) once the user has read it. */
  dismissNotices: () => Promise<void>;
  /** Takes over the pending work another user left on this desk: sent under the current login, audited as handed over. */
  handOver: (from: string) => Promise<void>;
  clearError: () => void;
};

export type UiSlice = {
  route: RouteName;
  helpOpen: boolean;
  /** Bumped by the `n` shortcut; the declare form focuses its first field when it changes. */
  declareFocusRequest: number;
  navigate: (route: RouteName) => void;
  routeChanged: (route: RouteName) => void;
  setHelpOpen: (open: boolean) => void;
  requestDeclare: () => void;
};

export type AppState = DataSlice & UiSlice;
