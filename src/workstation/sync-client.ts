import WebSocket from 'ws';
import { z } from 'zod';
import {
  PokeSchema,
  PullResponseSchema,
  PushResponseSchema,
  SessionSchema,
  SYNC_PROTOCOL_VERSION,
  type PushResponse,
  type Session,
} from '../contract/sync';
import type { SyncNotice, SyncStatus } from '../contract/sync-status';
import type { EntityKind } from '../domain/entities';
import { Backoff } from './backoff';
import type { DirectoryStore } from './directory-store';
import { DirectorySync } from './directory-sync';
import type { LocalStore } from './local-store';
import type { SerialQueue } from './serial-queue';
import { deskProof } from './desk-identity';
import { changedEvent, type EventHub } from './events';
import { readSession, writeSession, type StoredSession } from './session-store';
import { postJson, SyncHttpError, SyncUnreachableError } from './sync-http';

export type SyncClientOptions = {
  store: LocalStore;
  directory: DirectoryStore;
  queue: SerialQueue;
  events: EventHub;
  /** The desk's own id; its first user's stream takes it (sync-streams.ts). */
  clientId: string;
  /** The desk's secret (desk-identity.ts): proves to the server that a client id is this desk's. */
  deskSecret: string;
  now: () => number;
  /** Polling covers lost pokes; pokes make it rarely matter. */
  pollMs?: number;
  pushBatch?: number;
  pullLimit?: number;
  random?: () => number;
  /** The protocol this client speaks; only tests set it, to play a client older than the server. */
  protocolVersion?: number;
  /** How often the user directory is fetched again after a pull (directory-sync.ts). */
  directoryRefreshMs?: number;
  /** How often the poke socket is pinged; a ping unanswered by the next one means the link is gone. */
  socketHeartbeatMs?: number;
};

const SOCKET_HEARTBEAT_MS = 10_000;

type Connection = SyncStatus['connection'];

/**
 * Keeps this workstation's store converging with the hospital server: push the outbox, pull changes since the
 * cursors, rebase pending work, and listen for pokes. It never blocks the UI: every failure leaves the work in
 * the outbox and tries again later with back-off.
 */
export class SyncClient {
  private session: StoredSession | null;
  private connection: Connection;
  private syncing = false;
  private lastSyncedAt: number | null = null;
  private lastError: string | null = null;
  private updateRequired = false;
  private needsLogin = false;
  /**
   * Per client id, the highest number whose fate a push answer has told (applied, refused, or the same content
   * already there). A pull confirms no further than this: a server's count above it may be another desk's work
   * under the same numbers (a cloned or restored file), and taking it as ours would drop our work unsent.
   */
  private readonly verified = new Map<string, number>();
  /** The desk rebuilt part of its copy (a space pulled again, a stream renumbered): replay pending work after the pull. */
  private mustRebase = false;
  private stopped = false;
  private dirty = true;
  private wake: (() => void) | null = null;
  private loopDone: Promise<void> | null = null;
  private socket: WebSocket | null = null;
  private socketTimer: NodeJS.Timeout | null = null;
  private readonly backoff: Backoff;
  private readonly socketBackoff: Backoff;
  private readonly directory: DirectorySync;

  constructor(private readonly opts: SyncClientOptions) {
    this.session = readSession(opts.store);
    this.connection = this.session ? 'connecting' : 'standalone';
    this.backoff = new Backoff(500, 30_000, opts.random);
    this.socketBackoff = new Backoff(500, 30_000, opts.random);
    const { directory, queue, events, now, directoryRefreshMs } = opts;
    this.directory = new DirectorySync({ directory, queue, events, now, refreshMs: directoryRefreshMs });
  }

  start(): void {
    if (this.loopDone) return;
    this.stopped = false;
    this.loopDone = this.loop();
    this.openSocket();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.closeSocket();
    this.wake?.();
    await this.loopDone;
    this.loopDone = null;
  }

  /** Something changed locally or on the server: sync as soon as the current round is done. */
  requestSync(): void {
    this.dirty = true;
    this.wake?.();
  }

  actor() {
    return this.session ? { userId: this.session.user.id, roles: this.session.user.roles } : null;
  }

  /** Who this workstation is logged in as, and the spaces granted to them; null when standalone. */
  account(): { user: Session['user']; spaces: readonly string[] } | null {
    return this.session ? { user: this.session.user, spaces: this.session.spaces } : null;
  }

  status(): SyncStatus {
    const store = this.opts.store;
    return {
      connection: this.connection,
      syncing: this.syncing,
      pending: store.pendingCount(),
      lastSyncedAt: this.lastSyncedAt,
      rejected: store.openRejections(),
      updateRequired: this.updateRequired,
      needsLogin: this.needsLogin,
      lastError: this.lastError,
      serverUrl: this.session?.serverUrl ?? null,
      user: this.session
        ? { username: this.session.user.username, displayName: this.session.user.displayName, roles: this.session.user.roles }
        : null,
      waiting: store.waiting(this.session?.user.id ?? null),
      notices: store.streams.notices(),
    };
  }

  /** Takes over the pending work `from` left on this desk (api.ts, `sync.handOver`). */
  async handOver(from: string): Promise<SyncStatus> {
    const session = this.session;
    if (!session) throw new Error('log in first: work is handed over to the logged-in user');
    if (from === session.user.id) return this.status();
    const actor = { userId: session.user.id, roles: session.user.roles };
    await this.opts.queue.run(() => this.opts.store.handOver(from, { actor, displayName: session.user.displayName }, this.opts.clientId));
    this.mustRebase = true;
    this.requestSync();
    this.emitStatus();
    return this.status();
  }

  async dismissNotices(): Promise<void> {
    await this.opts.queue.run(() => this.opts.store.streams.dismissNotices());
    this.emitStatus();
  }

  async login(serverUrl: string, username: string, password: string): Promise<SyncStatus> {
    const session = await postJson(serverUrl, '/api/auth/login', { username, password }, SessionSchema, null);
    await this.adoptSession(serverUrl, session);
    return this.status();
  }

  async logout(): Promise<SyncStatus> {
    const session = this.session;
    if (session) {
      // Best effort: the token is forgotten here either way, and the server expires it.
      await postJson(session.serverUrl, '/api/auth/logout', {}, z.unknown(), session.token).catch(() => undefined);
    }
    this.closeSocket();
    await this.opts.queue.run(() => writeSession(this.opts.store, '', null));
    this.session = null;
    this.connection = 'standalone';
    this.emitStatus();
    this.directory.announce();
    return this.status();
  }

  private async adoptSession(serverUrl: string, session: Session): Promise<void> {
    await this.opts.queue.run(() => {
      writeSession(this.opts.store, serverUrl, session);
      this.opts.store.adoptStandalone(session.user, this.opts.clientId);
    });
    this.session = { ...session, serverUrl };
    this.needsLogin = false;
    this.lastError = null;
    this.connection = 'connecting';
    this.directory.expire();
    this.closeSocket();
    this.openSocket();
    this.start();
    this.requestSync();
    this.emitStatus();
    // The logged-in user's own name is known from the session before the directory arrives.
    this.directory.announce();
  }

  private async loop(): Promise<void> {
    let delay = 0;
    while (!this.stopped) {
      if (delay > 0 || !this.dirty) await this.sleep(delay > 0 ? delay : (this.opts.pollMs ?? 30_000));
      if (this.stopped) break;
      if (!this.session || this.updateRequired || this.needsLogin) {
        delay = 0;
        this.dirty = false;
        continue;
      }
      this.dirty = false;
      try {
        await this.syncOnce();
        this.backoff.reset();
        this.connection = 'online';
        this.lastError = null;
        this.lastSyncedAt = this.opts.now();
        delay = 0;
      } catch (error) {
        this.recordFailure(error);
        delay = this.backoff.next();
      } finally {
        this.syncing = false;
        this.emitStatus();
      }
    }
  }

  private recordFailure(error: unknown): void {
    // Whatever changed on the server while this desk could not reach it, names included, is fetched on reconnect.
    this.directory.expire();
    if (error instanceof SyncHttpError) {
      if (error.body.code === 'update_required') this.updateRequired = true;
      if (error.status === 401) this.needsLogin = true;
      this.connection = error.status >= 500 ? 'offline' : 'online';
      this.lastError = error.body.message;
    } else if (error instanceof SyncUnreachableError) {
      this.connection = 'offline';
      this.lastError = error.message;
    } else {
      this.connection = 'offline';
      this.lastError = error instanceof Error ? error.message : String(error);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async syncOnce(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.syncing = true;
    this.emitStatus();
    await this.renewIfDue(session);
    await this.push();
    await this.pull();
    // After the pull: names are the last thing a reader needs, and never hold back the records themselves.
    if (this.session) await this.directory.refreshIfDue(this.session);
  }

  /** Renews the token well before it ages out, so nobody is logged out in the middle of an incident. */
  private async renewIfDue(session: StoredSession): Promise<void> {
    if (session.expiresAt - this.opts.now() > 60 * 60 * 1000) return;
    const renewed = await postJson(session.serverUrl, '/api/auth/renew', {}, SessionSchema, session.token);
    await this.opts.queue.run(() => writeSession(this.opts.store, session.serverUrl, renewed));
    this.session = { ...renewed, serverUrl: session.serverUrl };
  }

  /**
   * Sends the logged-in user's stream, and only theirs: another user's work waits for them (or a hand-over), so
   * the server applies each change under its author's session and roles.
   */
  private async push(): Promise<void> {
    const batch = this.opts.pushBatch ?? 500;
    let healed = 0;
    for (;;) {
      const session = this.session;
      if (!session) return;
      const user = session.user;
      const { stream, pending } = await this.opts.queue.run(() => {
        const own = this.opts.store.streams.ensure(user.id, user.displayName, this.opts.clientId);
        return { stream: own, pending: this.opts.store.pendingOf(user.id, this.verified.get(own.clientId) ?? own.ackedId, batch) };
      });
      if (pending.length === 0) return;
      const secret = this.opts.deskSecret;
      const response = await postJson(
        session.serverUrl,
        '/api/sync/push',
        {
          protocolVersion: this.opts.protocolVersion ?? SYNC_PROTOCOL_VERSION,
          clientId: stream.clientId,
          deskProof: deskProof(secret, stream.clientId),
          mutations: pending.map(({ streamId, name, args, space, at, handedOver }) => ({
            mutationId: streamId ?? 0, name, args, space, at,
            ...(handedOver ? { handedOver: { ...handedOver, proof: deskProof(secret, handedOver.clientId) } } : {}),
          })),
        },
        PushResponseSchema,
        session.token,
      );
      if (await this.serverReplaced(response.serverEpoch)) return;
      const first = pending[0]?.streamId ?? 0;
      const sentUpTo = pending.at(-1)?.streamId ?? 0;
      // Refusals are taken in at once: a stream renumbered below must not lose the ones already answered.
      await this.opts.queue.run(() => this.opts.store.recordRejections(user.id, refusalsOf(response)));
      const conflict = response.results.find((r) => r.status === 'conflict');
      // Guards against a loop: a stream heals at most twice per round, else the error below shows.
      if (healed < 2 && conflict) {
        healed++;
        await this.heal(() => this.opts.store.rekey(user.id, conflict.mutationId, this.opts.now()), 'desk_copy', stream.clientId);
        continue;
      }
      if (healed < 2 && (response.lastMutationId < first - 1 || response.lastMutationId < stream.confirmedId)) {
        healed++;
        await this.serverWentBack(user.id, response.lastMutationId, stream.clientId);
        continue;
      }
      const answered = response.results.filter((r) => r.status !== 'conflict').map((r) => r.mutationId);
      this.verified.set(stream.clientId, Math.max(this.verified.get(stream.clientId) ?? 0, ...answered));
      // The server answers with the last id it has dealt with; below what we sent means it stopped at a gap.
      if (response.lastMutationId < sentUpTo) {
        throw new Error(`server stopped at mutation ${response.lastMutationId} of ${sentUpTo}`);
      }
    }
  }

  /** The server holds this stream only up to `serverLast` (restored from a backup): send the rest again. */
  private async serverWentBack(author: string, serverLast: number, clientId: string): Promise<void> {
    const { resent, lost } = await this.opts.queue.run(() => this.opts.store.requeue(author, serverLast, this.opts.now()));
    this.verified.set(clientId, serverLast);
    this.mustRebase = true;
    this.requestSync();
    await this.notify({ kind: 'server_restored', at: this.opts.now(), count: resent });
    if (lost > 0) await this.notify({ kind: 'changes_lost', at: this.opts.now(), count: lost });
  }

  /** Re-keys a stream whose numbers clash with what the server holds, and tells the user so. */
  private async heal(rekey: () => number, kind: SyncNotice['kind'], oldClientId: string): Promise<void> {
    const count = await this.opts.queue.run(rekey);
    this.verified.delete(oldClientId);
    this.mustRebase = true;
    await this.notify({ kind, at: this.opts.now(), count });
  }

  private async notify(notice: SyncNotice): Promise<void> {
    await this.opts.queue.run(() => this.opts.store.streams.addNotice(notice));
    this.emitStatus();
  }

  /**
   * A different database (its epoch changed) is a different server: the desk pulls everything from it again and
   * sends it its pending work under new client ids; what the old database confirmed is not sent to it. True when
   * that happened, so the caller starts its round again.
   */
  private async serverReplaced(epoch: string): Promise<boolean> {
    const known = await this.opts.queue.run(() => this.opts.store.getMeta('serverEpoch'));
    if (known === epoch) return false;
    await this.opts.queue.run(() => {
      if (known) this.opts.store.resetForNewServer();
      this.opts.store.setMeta('serverEpoch', epoch);
    });
    if (!known) return false;
    this.verified.clear();
    this.mustRebase = true;
    await this.notify({ kind: 'server_replaced', at: this.opts.now(), count: this.opts.store.pendingCount() });
    this.requestSync();
    return true;
  }

  private async pull(): Promise<void> {
    const touched = new Set<EntityKind>();
    const touchedIds = new Set<string>();
    let rewinds = 0;
    for (;;) {
      const session = this.session;
      if (!session) return;
      const user = session.user;
      const { cursors, cursorTokens, stream } = await this.opts.queue.run(() => ({
        cursors: this.opts.store.cursors(session.spaces),
        cursorTokens: this.opts.store.cursorTokens(session.spaces),
        stream: this.opts.store.streams.ensure(user.id, user.displayName, this.opts.clientId),
      }));
      const page = await postJson(
        session.serverUrl,
        '/api/sync/pull',
        {
          protocolVersion: this.opts.protocolVersion ?? SYNC_PROTOCOL_VERSION,
          clientId: stream.clientId,
          deskProof: deskProof(this.opts.deskSecret, stream.clientId),
          cursors,
          cursorTokens,
          rejectionsAfter: stream.ackedId,
          limit: this.opts.pullLimit ?? 2_000,
        },
        PullResponseSchema,
        session.token,
      );
      if (await this.serverReplaced(page.serverEpoch)) continue;
      // The server went back on these spaces (restored): drop them here and pull them again from zero.
      if (page.rewound.length > 0 && rewinds++ < 2) {
        await this.opts.queue.run(() => this.opts.store.resetSpaces(page.rewound));
        this.mustRebase = true;
        await this.notify({ kind: 'server_restored', at: this.opts.now(), count: 0 });
        continue;
      }
      if (!page.more && page.lastMutationId < stream.confirmedId) {
        // This stream went back with the server: what it lost goes again, then the pull carries on.
        await this.serverWentBack(user.id, page.lastMutationId, stream.clientId);
        this.mustRebase = true;
      } else if (!page.more && page.lastMutationId > stream.lastId) {
        // The server holds numbers this desk never gave: this file is an older copy, or a copy in use elsewhere.
        const from = (this.verified.get(stream.clientId) ?? stream.ackedId) + 1;
        await this.heal(() => this.opts.store.rekey(user.id, from, this.opts.now()), 'desk_copy', stream.clientId);
        this.requestSync();
      }
      await this.opts.queue.run(async () => {
        const store = this.opts.store;
        for (const kind of store.applyServerPage(page.rows, page.cursors, touchedIds, page.tokens)) touched.add(kind);
        if (page.more) return;
        const current = store.streams.get(user.id);
        const upTo = Math.min(page.lastMutationId, this.verified.get(current?.clientId ?? '') ?? current?.ackedId ?? 0);
        const rejections = current?.clientId === stream.clientId ? page.rejections.filter((r) => r.mutationId <= upTo) : [];
        const needsRebase =
          this.mustRebase || upTo > (current?.ackedId ?? 0) || rejections.length > 0 || (page.rows.length > 0 && store.hasShadow());
        this.mustRebase = false;
        const confirmed = current?.clientId === stream.clientId ? { author: user.id, upTo, at: this.opts.now() } : undefined;
        if (needsRebase) for (const kind of await store.rebase(upTo, rejections, touchedIds, confirmed)) touched.add(kind);
      });
      if (touched.size > 0) this.opts.events.emit(changedEvent(touched, touchedIds));
      touched.clear();
      touchedIds.clear();
      if (!page.more) return;
    }
  }

  private openSocket(): void {
    const session = this.session;
    if (!session || this.stopped || this.socket) return;
    const url = new URL('/api/sync/socket', session.serverUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url, { headers: { authorization: `Bearer ${session.token}` }, handshakeTimeout: 10_000 });
    this.socket = socket;
    // A pulled cable or a dead NAT never closes a socket: a ping left unanswered for a whole interval does.
    let answered = true;
    let heartbeat: ReturnType<typeof setInterval> | null = null;
    socket.on('open', () => {
      this.socketBackoff.reset();
      this.directory.expire();
      // Anything may have happened while the socket was down: catch up now rather than at the next poll.
      this.requestSync();
      heartbeat = setInterval(() => {
        if (!answered) return socket.terminate();
        answered = false;
        socket.ping();
      }, this.opts.socketHeartbeatMs ?? SOCKET_HEARTBEAT_MS);
      heartbeat.unref();
    });
    socket.on('pong', () => {
      answered = true;
    });
    socket.on('message', (data: WebSocket.RawData) => {
      let json: unknown;
      try {
        json = JSON.parse(rawToString(data));
      } catch {
        return;
      }
      if (PokeSchema.safeParse(json).success) this.requestSync();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (heartbeat) clearInterval(heartbeat);
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.stopped || !this.session) return;
      // The live link to the server is gone: say so now, and let a sync round find out at once whether the server
      // still answers (it sets "online" back if so) instead of showing "online" until the next poll.
      if (this.connection === 'online') {
        this.connection = 'offline';
        this.emitStatus();
        this.requestSync();
      }
      this.socketTimer = setTimeout(() => {
        this.socketTimer = null;
        this.openSocket();
      }, this.socketBackoff.next());
    });
  }

  private closeSocket(): void {
    if (this.socketTimer) clearTimeout(this.socketTimer);
    this.socketTimer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.terminate();
  }

  private emitStatus(): void {
    this.opts.events.emit({ type: 'sync', status: this.status() });
  }
}

/** Refusals in a push answer, first-time or resent, as the store records them. */
function refusalsOf(response: PushResponse) {
  return response.results.flatMap((r) =>
    r.code !== undefined && (r.status === 'rejected' || r.status === 'duplicate')
      ? [{ mutationId: r.mutationId, code: r.code, message: r.message ?? '', ...(r.params ? { params: r.params } : {}) }]
      : [],
  );
}

function rawToString(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(new Uint8Array(data)).toString('utf8');
}
