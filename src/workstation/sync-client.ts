import WebSocket from 'ws';
import { z } from 'zod';
import {
  PokeSchema,
  PullResponseSchema,
  PushResponseSchema,
  SessionSchema,
  SYNC_PROTOCOL_VERSION,
  type PushedMutation,
  type PushResponse,
  type Session,
} from '../contract/sync';
import { STUCK_CHANGED_KIND, type SyncNotice, type SyncStatus } from '../contract/sync-status';
import { LOCAL_OPERATOR_ID } from '../contract/directory';
import { ApiFailure } from '../contract/errors';
import { isMutationName } from '../domain/mutators';
import { identityJsonPaths } from '../domain/casualties';
import { confidentialWellbeingKinds } from '../domain/recovery';
import { DeskView, deskViewOf, scenarioSight } from './desk-view';
import type { Actor } from '../domain/roles';
import type { EntityKind } from '../domain/entities';
import type { Space } from '../domain/spaces';
import { Backoff } from './backoff';
import type { DirectoryStore } from './directory-store';
import { DirectorySync } from './directory-sync';
import type { LocalStore, PendingMutation } from './local-store';
import type { SerialQueue } from '../common/serial-queue';
import { deskProof } from './desk-identity';
import { changedEvent, type EventHub } from './events';
import { readSession, writeSession, type StoredSession } from './session-store';
import { currentSpace, enterSpace, knownSpaces, rememberSpaces } from './space-store';
import { readSettings } from './settings-store';
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
  /** Largest push body in bytes (default well below the server's 4 MiB body limit). */
  pushBytes?: number;
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
const DEFAULT_PUSH_BYTES = 1024 * 1024;
/** A 5xx answered this many times to pushes led by the same change is taken as that change's, not a passing fault. */
export const REPEATED_FAILURES = 5;
const MIN_PUSH_BYTES = 16 * 1024;

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
  /** Largest push body to send; lowered when the server answers 413. */
  private pushBytes: number;
  /** Above this a mutation is withdrawn without trying; below, it is tried alone before it is withdrawn. */
  private readonly maxPushBytes: number;
  /**
   * Per client id, the highest number whose fate a push answer has told (applied, refused, or the same content
   * already there). A pull confirms no further than this: a server's count above it may be another desk's work
   * under the same numbers (a cloned or restored file), and taking it as ours would drop our work unsent.
   */
  private readonly verified = new Map<string, number>();
  /** Streams whose answered-but-unconfirmed changes went again once because the server held numbers past the desk's. */
  private readonly resentAfterGap = new Set<string>();
  /**
   * While a push refused as a whole is being narrowed down to the change responsible: the `failing` changes from
   * stream number `first` on were refused together, and the next push carries `size` of them (halved on each
   * refusal, until one change is refused alone and held).
   */
  private isolating: { first: number; failing: number; size: number } | null = null;
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
    this.maxPushBytes = opts.pushBytes ?? DEFAULT_PUSH_BYTES;
    this.pushBytes = this.maxPushBytes;
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
      stuck: store.stuckCount(),
      lastSyncedAt: this.lastSyncedAt,
      rejected: store.openRejections(),
      updateRequired: this.updateRequired,
      needsLogin: this.needsLogin,
      lastError: this.lastError,
      serverUrl: this.session?.serverUrl ?? null,
      space: currentSpace(store),
      spaces: this.userSpaces(),
      user: this.session
        ? { username: this.session.user.username, displayName: this.session.user.displayName, roles: this.session.user.roles }
        : null,
      waiting: store.waiting(this.session?.user.id ?? null),
      notices: store.streams.notices(),
    };
  }

  /**
   * The spaces the user may work in, described as the server last did (a space it never described reads as a
   * hospital named by its id, as `currentSpace` does). Standalone, the desk's own space alone.
   */
  private userSpaces(): Space[] {
    const store = this.opts.store;
    if (!this.session) return [currentSpace(store)];
    const known = new Map(knownSpaces(store).map((space) => [space.id, space]));
    return this.session.spaces.map((id) => known.get(id) ?? { id, kind: 'hospital', name: id });
  }

  /** The server and token to ask something of on the logged-in user's behalf; null when standalone. */
  serverAccess(): { serverUrl: string; token: string } | null {
    return this.session ? { serverUrl: this.session.serverUrl, token: this.session.token } : null;
  }

  /**
   * A space the server has just granted the logged-in user (an exercise they set up): kept in the session, so it
   * is pulled from now on and survives a restart, and described, so it says EXERCISE by its kind.
   */
  async grantSpace(space: Space): Promise<void> {
    const session = this.session;
    if (!session) return;
    const kept: StoredSession = {
      ...session,
      spaces: [...new Set([...session.spaces, space.id])],
      spaceInfo: [...session.spaceInfo.filter((known) => known.id !== space.id), space],
    };
    await this.opts.queue.run(() => {
      writeSession(this.opts.store, session.serverUrl, kept);
      rememberSpaces(this.opts.store, [space]);
    });
    this.session = kept;
    // The server subscribes a poke socket to the spaces granted when it opened: a new one hears of the new space.
    this.closeSocket();
    this.openSocket();
    this.requestSync();
    this.emitStatus();
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
      const { store, events } = this.opts;
      writeSession(store, serverUrl, session);
      rememberSpaces(store, session.spaceInfo);
      // A desk left in a space this user may not work in would show records it cannot sync and refuse every change:
      // it moves to the first space the user is granted (their only one, usually).
      const [granted] = session.spaces;
      if (granted && !session.spaces.includes(readSettings(store).space)) enterSpace(store, events, granted);
      store.adoptStandalone(session.user, this.opts.clientId);
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
      // Reachable but refusing: only a refusal the status already names (log in again, update) reads "online";
      // any other keeps the desk from syncing, and "online" would say its work is reaching the server.
      this.connection = error.status === 401 || error.body.code === 'update_required' ? 'online' : 'offline';
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
    await this.opts.queue.run(() => {
      writeSession(this.opts.store, session.serverUrl, renewed);
      rememberSpaces(this.opts.store, renewed.spaceInfo);
    });
    this.session = { ...renewed, serverUrl: session.serverUrl };
  }

  /**
   * Sends the outbox in batches cut by encoded size as well as count, below the server's body limit: twenty CSV
   * imports queued offline made one push the server refused on every retry. A 413 teaches the client a smaller
   * size (half of what was refused); a mutation too large for any push is withdrawn with its reason (shown at
   * once) and never holds back the ones behind it.
   * Only the logged-in user's stream is sent: another user's work waits for them (or a hand-over), so the server
   * applies each change under its author's session and roles.
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
      const lead = pending[0]?.streamId ?? 0;
      if (this.isolating && this.isolating.first !== lead) this.isolating = null;
      const secret = this.opts.deskSecret;
      const { mutations, bytes } = fitPush(
        pending.slice(0, this.isolating?.size ?? pending.length).map(({ streamId, name, args, space, at, handedOver, origin }) => ({
          mutationId: streamId ?? 0, name, args, space, at,
          ...(handedOver ? { handedOver: { ...handedOver, proof: deskProof(secret, handedOver.clientId) } } : {}),
          ...(origin ? { origin } : {}),
        })),
        this.pushBytes,
      );
      const sent = pending.slice(0, mutations.length);
      const [firstSent] = sent;
      if (firstSent && bytes > this.maxPushBytes) {
        await this.withdrawTooLarge(firstSent.mutationId, bytes);
        continue;
      }
      let response: PushResponse;
      try {
        response = await postJson(
          session.serverUrl,
          '/api/sync/push',
          {
            protocolVersion: this.opts.protocolVersion ?? SYNC_PROTOCOL_VERSION,
            clientId: stream.clientId,
            deskProof: deskProof(secret, stream.clientId),
            mutations,
          },
          PushResponseSchema,
          session.token,
        );
      } catch (error) {
        if (error instanceof SyncHttpError && error.status === 413) {
          // Refused alone, it is too large for this server at any batch size.
          if (mutations.length === 1 && firstSent) await this.withdrawTooLarge(firstSent.mutationId, bytes);
          else this.pushBytes = Math.max(MIN_PUSH_BYTES, Math.floor(bytes / 2));
          continue;
        }
        if (firstSent && (await this.narrowDown(error, firstSent, mutations.length))) continue;
        throw error;
      }
      if (this.isolating) {
        // What went was fine: the change responsible is among the rest, which is tried next as a whole.
        const rest = this.isolating.failing - mutations.length;
        this.isolating = rest > 0 ? { first: (sent.at(-1)?.streamId ?? 0) + 1, failing: rest, size: rest } : null;
      }
      if (await this.serverReplaced(response.serverEpoch)) return;
      const first = sent[0]?.streamId ?? 0;
      const sentUpTo = sent.at(-1)?.streamId ?? 0;
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

  /**
   * A push failed as a whole. When the failure is the push's own (a 4xx other than login, rights, protocol and rate
   * limits, or the same 5xx led by the same change REPEATED_FAILURES times), the batch is halved until the one
   * change responsible is refused alone; that change is held (LocalStore.hold) and the rest go on. True when the
   * caller should push again at once; false leaves the failure to the usual retry with back-off.
   */
  private async narrowDown(error: unknown, first: PendingMutation, size: number): Promise<boolean> {
    const kind = wholePushFailure(error);
    if (!kind || !(error instanceof SyncHttpError)) return false;
    const attempts = await this.opts.queue.run(() => this.opts.store.noteFailedPush(first.mutationId));
    // A 5xx may be the server's passing trouble: only a repeated one is the change's, unless narrowing has begun.
    if (kind === 'failed' && !this.isolating && attempts < REPEATED_FAILURES) return false;
    if (size > 1) {
      this.isolating = { first: first.streamId ?? 0, failing: size, size: Math.max(1, Math.floor(size / 2)) };
      return true;
    }
    this.isolating = null;
    const reason = { status: error.status, code: error.body.code, message: error.body.message.slice(0, 500) };
    const held = await this.opts.queue.run(() => this.opts.store.hold(first.mutationId, reason, this.opts.now()));
    if (!held) return false;
    this.stuckChanged();
    return true;
  }

  /** Releases a held change: it goes with the next push (`sync.retryStuck`). */
  async retryStuck(mutationId: number): Promise<void> {
    const released = await this.opts.queue.run(() => this.opts.store.retryHeld(mutationId));
    if (!released) throw new ApiFailure({ code: 'not_found', message: `change ${mutationId} is not held on this desk, or its author has no stream here` });
    this.stuckChanged();
    this.requestSync();
  }

  /** Drops a held change and takes its effect off this desk (`sync.discardStuck`). */
  async discardStuck(mutationId: number): Promise<void> {
    const by = this.session?.user.displayName ?? LOCAL_OPERATOR_ID;
    const result = await this.opts.queue.run(() => this.opts.store.discardHeld(mutationId, by, this.opts.now()));
    if (!result) throw new ApiFailure({ code: 'not_found', message: `change ${mutationId} is not held on this desk` });
    if (result.touched.size > 0) this.opts.events.emit(changedEvent(result.touched, result.touchedIds));
    this.stuckChanged();
  }

  /**
   * Sends a change the server refused as `internal_error` again (`sync.retryRejected`): the same name and
   * arguments, made again by the logged-in user at its original time, as a NEW mutation with a new number. A new
   * number because the server keeps its verdict under the old one: sent again under it, the change would be
   * answered `duplicate` with the same refusal and never run (the dedupe that keeps a change from applying twice),
   * and anything else under it would be a `conflict` that re-keys the whole stream. The refusal is dismissed in the
   * same transaction, so one click never sends it twice.
   */
  async retryRejected(mutationId: number, actor: Actor, currentSpace: string): Promise<number> {
    const { store, queue, events } = this.opts;
    const result = await queue.run(async () => {
      const refused = store.rejection(mutationId);
      if (!refused) throw new ApiFailure({ code: 'not_found', message: `no open refusal ${mutationId} on this desk` });
      if (refused.code !== 'internal_error' || !isMutationName(refused.name)) {
        throw new ApiFailure({ code: 'invalid_request', message: `only a change the server failed on (internal_error) can be sent again; this one was refused as ${refused.code}` });
      }
      const at = refused.at > 0 ? refused.at : this.opts.now();
      return store.applyLocal(refused.name, refused.args, { at, actor, space: refused.space ?? currentSpace }, () => store.dismissRejection(mutationId));
    });
    events.emit(changedEvent(result.touched, result.touchedIds));
    this.emitStatus();
    this.requestSync();
    return result.mutationId;
  }

  private stuckChanged(): void {
    this.opts.events.emit({ type: 'changed', kinds: [STUCK_CHANGED_KIND] });
    this.emitStatus();
  }

  private async withdrawTooLarge(mutationId: number, bytes: number): Promise<void> {
    const limit = Math.min(bytes - 1, this.maxPushBytes);
    await this.opts.queue.run(() =>
      this.opts.store.withdraw(mutationId, 'too_large', 'too_large', `${bytes} bytes is more than one push may carry (${limit} bytes)`, { bytes, limit }),
    );
    this.emitStatus();
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
    const dropped = await this.opts.queue.run(() => {
      this.opts.store.setMeta('serverEpoch', epoch);
      return known ? this.opts.store.resetForNewServer() : null;
    });
    if (!dropped) return false;
    // Whole kinds, not ids: every row of them may be gone.
    this.opts.events.emit(changedEvent(dropped, new Set()));
    this.verified.clear();
    this.mustRebase = true;
    await this.notify({ kind: 'server_replaced', at: this.opts.now(), count: this.opts.store.pendingCount() });
    this.requestSync();
    return true;
  }

  /** Whether `actor` sees each space's scenario, as far as this desk's exercise records tell (desk-view.ts). */
  private scenarioSights(spaces: readonly string[], actor: Actor): Map<string, boolean | undefined> {
    return new Map(spaces.map((space) => [space, scenarioSight(this.opts.store.list('exercise', space), actor)]));
  }

  /**
   * Brings the spaces' rows to what `actor` may see (desk-view.ts), inside the queue: the kinds whose rows changed
   * in place, and the scenario sights it went by (the rows a pull then brings were sent for that sight).
   */
  private adoptView(spaces: readonly string[], actor: Actor): { touched: Set<EntityKind>; sights: Map<string, boolean | undefined> } {
    const store = this.opts.store;
    const touched = new Set<EntityKind>();
    const base = deskViewOf(actor);
    const sights = this.scenarioSights(spaces, actor);
    // A space whose sight the desk cannot tell keeps its scenario bit: it is neither taken off nor pulled again.
    const viewOf = (space: string, held: number) => base | ((sights.get(space) ?? held & DeskView.scenario) ? DeskView.scenario : 0);
    const held = store.heldViews(spaces);
    const losing = (bit: number) => [...held].filter(([space, v]) => v & bit && !(viewOf(space, v) & bit)).map(([space]) => space);
    for (const kind of store.dropIdentities(losing(DeskView.names), identityJsonPaths)) touched.add(kind);
    for (const kind of store.dropKinds(losing(DeskView.wellbeing), confidentialWellbeingKinds)) touched.add(kind);
    for (const kind of store.withholdScenario(losing(DeskView.scenario))) touched.add(kind);
    for (const [space, v] of held) if (v & ~viewOf(space, v)) store.markView([space], v & viewOf(space, v));
    // Marked with the new view once the first page of the fresh pull is in (below).
    store.repullSpaces([...held].filter(([space, v]) => viewOf(space, v) & ~v).map(([space]) => space));
    if (touched.size > 0) store.forgetWithheld();
    return { touched, sights };
  }

  /**
   * The view to record for a space's rows once a page of it is in. The scenario bit follows the sight the pull was
   * made with; where the desk could not tell it before the page, the exercise record the page brought tells it, and
   * where neither can, the rows count as possibly holding the scenario. A bit already set stays set: the rows pulled
   * before may hold the scenario, and only `adoptView` takes it off them.
   */
  private pulledView(space: string, base: number, before: boolean | undefined, actor: Actor): number {
    const store = this.opts.store;
    const sight = before ?? scenarioSight(store.list('exercise', space), actor) ?? true;
    const held = store.heldViews([space]).get(space) ?? 0;
    return base | (sight ? DeskView.scenario : 0) | (held & DeskView.scenario);
  }

  /** A space whose exercise record a pull brought or changed may now be held in a view the user no longer has. */
  private viewOutdated(spaces: readonly string[], actor: Actor): boolean {
    const held = this.opts.store.heldViews(spaces);
    return [...this.scenarioSights(spaces, actor)].some(([space, sight]) => {
      const v = held.get(space);
      return sight !== undefined && v !== undefined && sight !== Boolean(v & DeskView.scenario);
    });
  }

  private async pull(): Promise<void> {
    const touched = new Set<EntityKind>();
    const touchedIds = new Set<string>();
    let rewinds = 0;
    for (;;) {
      const session = this.session;
      if (!session) return;
      const user = session.user;
      const actor: Actor = { userId: user.id, roles: user.roles };
      const view = deskViewOf(actor);
      // Rows pulled for a user of another view are not this user's: what they may not see goes at once (names in
      // place, check-ins whole, the scenario down to the player's view); what they may see and the rows lack comes by
      // pulling the spaces again from the start.
      const adopted = await this.opts.queue.run(() => this.adoptView(session.spaces, actor));
      if (adopted.touched.size > 0) this.opts.events.emit(changedEvent(adopted.touched, new Set()));
      const { cursors, cursorTokens, stream, others } = await this.opts.queue.run(() => ({
        cursors: this.opts.store.cursors(session.spaces),
        cursorTokens: this.opts.store.cursorTokens(session.spaces),
        stream: this.opts.store.streams.ensure(user.id, user.displayName, this.opts.clientId),
        others: this.othersToCheck(user.id),
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
          ...(others.length > 0
            ? { otherStreams: others.map((o) => ({ clientId: o.clientId, deskProof: deskProof(this.opts.deskSecret, o.clientId) })) }
            : {}),
        },
        PullResponseSchema,
        session.token,
      );
      if (await this.serverReplaced(page.serverEpoch)) continue;
      if (page.withdrawnSpaces?.length) await this.withdraw(session, page.withdrawnSpaces, touched);
      // The server went back on these spaces (restored): drop them here and pull them again from zero.
      if (page.rewound.length > 0 && rewinds++ < 2) {
        const dropped = await this.opts.queue.run(() => this.opts.store.resetSpaces(page.rewound));
        this.opts.events.emit(changedEvent(dropped, new Set()));
        this.mustRebase = true;
        await this.notify({ kind: 'server_restored', at: this.opts.now(), count: 0 });
        continue;
      }
      // The server's word counts as much as a pull's: a push answered and then lost to a restore before any pull
      // confirmed it would otherwise sit on an idle desk, never sent again (push skips what the server answered).
      const known = Math.max(stream.confirmedId, this.verified.get(stream.clientId) ?? 0);
      if (!page.more && page.lastMutationId < known) {
        // This stream went back with the server: what it lost goes again, then the pull carries on.
        await this.serverWentBack(user.id, page.lastMutationId, stream.clientId);
        this.mustRebase = true;
      } else if (!page.more && page.lastMutationId > stream.lastId) {
        // The server holds numbers this desk never gave: this file is an older copy, or a copy in use elsewhere.
        if (stream.lastId > stream.ackedId) {
          // Changes no pull confirmed: the server's answers to them may since have been lost to a restore and their
          // numbers taken by the other copy (chaos seed 304). They go again under the same numbers, and the server's
          // content check answers each as a duplicate or as the conflict the stream is re-keyed from. Once only: the
          // server stays ahead of this copy for good, and forgetting the fresh answers at every pull would keep the
          // rebase below from ever confirming them (chaos seed 306: a desk put back stayed `pending` for ever).
          if (!this.resentAfterGap.has(stream.clientId)) {
            this.resentAfterGap.add(stream.clientId);
            this.verified.delete(stream.clientId);
          }
        } else {
          await this.heal(() => this.opts.store.rekey(user.id, stream.ackedId + 1, this.opts.now()), 'desk_copy', stream.clientId);
        }
        this.requestSync();
      }
      if (!page.more) await this.othersWentBack(others, page.otherLastMutationIds ?? {});
      await this.opts.queue.run(async () => {
        const store = this.opts.store;
        for (const kind of store.applyServerPage(page.rows, page.cursors, touchedIds, page.tokens)) touched.add(kind);
        for (const space of Object.keys(page.cursors)) store.markView([space], this.pulledView(space, view, adopted.sights.get(space), actor));
        if (page.more) return;
        if (this.viewOutdated(session.spaces, actor)) this.requestSync();
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

  /**
   * Streams of users not logged in here whose work the server confirmed or answered: a restore may have lost it
   * while they are away, and nobody else pulls their stream (chaos seed 304 on PostgreSQL lost two changes so).
   */
  private othersToCheck(current: string): { userId: string; clientId: string; known: number }[] {
    return this.opts.store.streams
      .all()
      .filter((s) => s.userId !== current)
      .map((s) => ({ userId: s.userId, clientId: s.clientId, known: Math.max(s.confirmedId, this.verified.get(s.clientId) ?? 0) }))
      .filter((s) => s.known > 0)
      .slice(0, 100);
  }

  /** What the server lost of another user's stream goes back to their outbox: it waits for them, and the desk says so. */
  private async othersWentBack(others: readonly { userId: string; clientId: string; known: number }[], serverLast: Record<string, number>): Promise<void> {
    for (const other of others) {
      const last = serverLast[other.clientId];
      if (last !== undefined && last < other.known) await this.serverWentBack(other.userId, last, other.clientId);
    }
  }

  /** The server says these spaces are no longer this user's: purge them and stop asking for them. */
  private async withdraw(session: StoredSession, spaces: readonly string[], touched: Set<EntityKind>): Promise<void> {
    const kept = { ...session, spaces: session.spaces.filter((space) => !spaces.includes(space)) };
    await this.opts.queue.run(() => {
      for (const kind of this.opts.store.withdrawSpaces(spaces, this.opts.now())) touched.add(kind);
      const { serverUrl, ...rest } = kept;
      writeSession(this.opts.store, serverUrl, rest);
    });
    if (this.session === session) this.session = kept;
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

/**
 * How a push failed as a whole: `refused` (a 4xx the server gives this body every time), `failed` (a 5xx, which
 * may pass), or null for what the desk handles otherwise or only waits out: unreachable, log in again (401),
 * rights or a client id not its own (403), another protocol (409, 426), too many requests (429), a database the
 * server cannot reach (503 `unavailable`).
 */
function wholePushFailure(error: unknown): 'refused' | 'failed' | null {
  if (!(error instanceof SyncHttpError)) return null;
  const { status } = error;
  const { code } = error.body;
  if ([401, 403, 409, 426, 429].includes(status) || code === 'update_required' || code === 'server_outdated' || code === 'unavailable') return null;
  if (status >= 400 && status < 500) return 'refused';
  return status >= 500 ? 'failed' : null;
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

const PUSH_ENVELOPE_BYTES = 256;

/**
 * The longest prefix of `pending` whose push body fits in `limit` bytes, and its size; always at least the first
 * mutation, which then goes alone even when it is over the limit (the limit may be a guess learned from a 413).
 */
function fitPush(candidates: readonly PushedMutation[], limit: number): { mutations: PushedMutation[]; bytes: number } {
  const mutations: PushedMutation[] = [];
  let bytes = PUSH_ENVELOPE_BYTES;
  for (const mutation of candidates) {
    const size = Buffer.byteLength(JSON.stringify(mutation)) + 1;
    if (mutations.length > 0 && bytes + size > limit) break;
    mutations.push(mutation);
    bytes += size;
  }
  return { mutations, bytes };
}
