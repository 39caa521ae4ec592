import { randomBytes } from 'node:crypto';
import { boundErrorParams, type ErrorParams } from '../contract/errors';
import { WITHDRAWN_MUTATION, WithdrawnArgsSchema, type Poke as WirePoke, type PushedMutation, type PushRequest, type PushResponse } from '../contract/sync';
import { isDomainError, type DomainErrorCode } from '../domain/errors';
import { isMutationName, runMutation } from '../domain/mutators';
import { findUnsafeText, replaceUnsafeText, unsafeChar } from '../domain/text';
import { SpaceKindSchema, type SpaceKind } from '../domain/spaces';
import { auditedArgs } from './audit-args';
import { hashProof, sameHash } from './client-binding';
import { contentHash } from './content-hash';
import { StorageUnavailableError, type Db, type Queryable } from './db/db';
import { createServerTx, SPACE_CHANGED, UPSERT_ENTITIES, WriteLayer } from './server-tx';
import type { AuthContext } from './sessions';

type Result = PushResponse['results'][number];
/** A commit to announce: the poke message (contract/sync.ts) without its type tag. */
export type Poke = Omit<WirePoke, 'type'>;
/** A push's answer before the route adds the database's epoch. */
export type PushAnswer = Omit<PushResponse, 'serverEpoch'>;
export type PushOutcome = { response: PushAnswer; pokes: Poke[] };

type Verdict =
  | { result: 'applied'; version: number }
  | { result: 'rejected'; code: DomainErrorCode; message: string; params?: ErrorParams | undefined };

type AuditRow = {
  client_id: string; mutation_id: number; user_id: string; space: string; name: string; args: unknown; client_at: number;
  server_at: number; result: 'applied' | 'rejected' | 'duplicate'; code: string | null; message: string | null; params: ErrorParams | null;
  version: number | null; content_hash: string; handed_over: { from: string; clientId: string; mutationId: number } | null;
  origin_client_id: string | null; origin_mutation_id: number | null;
};

type ClientRow = { id: string; last_mutation_id: number; owner_user_id: string | null; desk_proof_hash: string | null };

export type PushItem = { auth: AuthContext; request: PushRequest };

/** Where a mutator's own failure (a bug, not a refusal) is reported with its stack; the client hears only its code. */
export type MutatorFailureLog = (error: unknown, where: { clientId: string; mutationId: number; name: string }) => void;

/**
 * Applies one push in one transaction. See `applyPushes`.
 */
export async function applyPush(db: Db, auth: AuthContext, request: PushRequest, now: () => number, log?: MutatorFailureLog): Promise<PushOutcome> {
  const { outcomes, pokes } = await applyPushes(db, [{ auth, request }], now, log);
  const [outcome] = outcomes;
  if (!outcome) throw new Error('no outcome for the push');
  return { response: outcome, pokes };
}

/**
 * Applies several pushes (of any clients) in one transaction, each in arrival order (group commit).
 *
 * Why a puller never misses a row (the cursor is gap-free in commit order): a transaction locks the rows of the
 * spaces it writes (`SELECT ... FOR UPDATE`) and takes one new version for each, holding the locks until it ends.
 * The next writer of the space blocks on the lock until then, so it can only take v+1 after v has committed
 * (or rolled back and given v back). PostgreSQL makes a commit visible before it releases the transaction's
 * locks, so any snapshot that shows v+1 also shows v. A plain sequence would not do: two writers could take
 * 7 and 8 and commit 8 first, and a pull between the commits would move the cursor past 7 for good.
 *
 * Deadlocks: client rows are locked first, then spaces, each set in sorted order, up front.
 * Throughput: rows are read through and written back in one statement at the end (WriteLayer), with the audit,
 * versions and clients' marks, so the space locks are held for few round trips; and concurrent pushes share one
 * transaction (PushBatcher), so a hospital's fifty desks do not queue one by one on their space's lock.
 */
export async function applyPushes(
  db: Db,
  items: readonly PushItem[],
  now: () => number,
  log: MutatorFailureLog = () => undefined,
): Promise<{ outcomes: PushAnswer[]; pokes: Poke[] }> {
  return db.transaction(async (tx) => {
    const clientIds = [...new Set(items.map((i) => i.request.clientId))].sort();
    const firstUser = new Map(items.map((i) => [i.request.clientId, i.auth.user.id]));
    await tx.query(
      `INSERT INTO client (id, last_user_id, created_at, updated_at)
       SELECT id, user_id, $2, $2 FROM jsonb_to_recordset($1::jsonb) AS r(id text, user_id text) ORDER BY id
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(clientIds.map((id) => ({ id, user_id: firstUser.get(id) }))), now()],
    );
    // Serializes pushes of one client: a resend racing the original waits, then sees its ids as duplicates. The
    // streams handed-over changes come from are locked too, so their author's own resend cannot race the hand-over.
    const origins = items.flatMap((i) => i.request.mutations.flatMap((m) => (m.handedOver ? [m.handedOver.clientId] : [])));
    // Copies of one desk file that re-keyed the same change each to an id of their own take turns on its origin,
    // so the second sees the first's (an origin the database never knew has no client row to lock).
    const firstNumbers = [...new Set(items.flatMap((i) => i.request.mutations.flatMap((m) => (m.origin ? [m.origin.clientId] : []))))].sort();
    for (const id of firstNumbers) await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [id]);
    origins.push(...firstNumbers);
    const clients = await tx.query<ClientRow>(
      `SELECT id, last_mutation_id, owner_user_id, desk_proof_hash FROM client WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
      [[...new Set([...clientIds, ...origins])].sort()],
    );
    const clientRows = new Map(clients.map((c) => [c.id, c]));
    const lastOf = new Map(clients.map((c) => [c.id, Number(c.last_mutation_id)]));
    const wanted = [
      ...new Set(items.flatMap(({ auth, request }) => request.mutations.map((m) => m.space).filter((s) => auth.spaces.includes(s)))),
    ].sort();
    const locked = await tx.query<{ id: string; version: number; kind: string }>(
      'SELECT id, version, kind FROM space WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
      [wanted],
    );
    // One new version per space per transaction: all its rows commit together, and a pull never splits a version.
    const nextVersion = new Map(locked.map((s) => [s.id, s.version + 1]));
    // The space's kind as recorded when it was made: MSEL mutators run only in an exercise space.
    const kinds = new Map(locked.map((s) => [s.id, SpaceKindSchema.catch('hospital').parse(s.kind)]));
    const written = new Set<string>();
    const writes = new WriteLayer(tx);
    const audit: AuditRow[] = [];
    const marks = new Map<string, { last: number; user_id: string }>();

    const twins = await appliedUnderOrigin(tx, items);
    const outcomes: PushAnswer[] = [];
    for (const { auth, request } of items) {
      let last = lastOf.get(request.clientId) ?? 0;
      const results: Result[] = [];
      for (const m of request.mutations) {
        // The author is the stream's owner, which is the session's user (client-binding.ts): never a field.
        const hash = contentHash(m, auth.user.id);
        if (m.mutationId <= last) {
          const recorded = await recordedResult(tx, request.clientId, m.mutationId, hash, audit);
          results.push(recorded);
          if (recorded.status === 'conflict') break;
          continue;
        }
        if (m.mutationId !== last + 1) break;
        const origin = m.origin ?? { clientId: request.clientId, mutationId: m.mutationId };
        const firstSent = { origin_client_id: m.origin?.clientId ?? null, origin_mutation_id: m.origin?.mutationId ?? null };
        if (await appliedBefore(tx, origin, m.origin !== undefined, hash, twins, audit)) {
          // Another copy of this desk file delivered it under an id of its own: this one consumes its id only.
          audit.push({
            client_id: request.clientId, mutation_id: m.mutationId, user_id: auth.user.id, space: m.space, name: m.name,
            args: auditedArgs(m.args, 'applied'), client_at: m.at, server_at: now(), result: 'duplicate', code: null, message: null,
            params: null, version: null, content_hash: hash, handed_over: null,
            origin_client_id: origin.clientId, origin_mutation_id: origin.mutationId,
          });
          results.push({ mutationId: m.mutationId, status: 'duplicate' });
          last = m.mutationId;
          continue;
        }
        const verdict =
          (await handOverRefusal(tx, m, clientRows, lastOf, audit)) ??
          (await applyOne(tx, writes, auth, m, nextVersion, kinds, (error) =>
            log(error, { clientId: request.clientId, mutationId: m.mutationId, name: m.name }),
          ));
        const { handedOver } = m;
        // A refused mutation may carry text jsonb and text columns refuse (the refusal may be for something else,
        // like a space it may not write): it is recorded with that text made storable. Applied ones passed the rule.
        const unsafe = verdict.result === 'rejected' && (unsafeChar(m.name) !== null || findUnsafeText(m.args) !== null);
        audit.push({
          client_id: request.clientId, mutation_id: m.mutationId, user_id: auth.user.id, space: m.space,
          name: unsafe ? replaceUnsafeText(m.name) : m.name,
          args: auditedArgs(unsafe ? replaceUnsafeText(m.args ?? null) : m.args, verdict.result), client_at: m.at, server_at: now(), result: verdict.result,
          code: verdict.result === 'rejected' ? verdict.code : null,
          message: verdict.result === 'rejected' ? verdict.message : null,
          params: verdict.result === 'rejected' ? (verdict.params ?? null) : null,
          version: verdict.result === 'applied' ? verdict.version : null,
          content_hash: hash,
          handed_over: handedOver ? { from: handedOver.from, clientId: handedOver.clientId, mutationId: handedOver.mutationId } : null,
          ...firstSent,
        });
        if (verdict.result === 'applied') {
          written.add(m.space);
          results.push({ mutationId: m.mutationId, status: 'applied' });
        } else {
          const { code, message, params } = verdict;
          results.push({ mutationId: m.mutationId, status: 'rejected', code, message, ...(params ? { params } : {}) });
        }
        last = m.mutationId;
      }
      if (last !== (lastOf.get(request.clientId) ?? 0)) marks.set(request.clientId, { last, user_id: auth.user.id });
      lastOf.set(request.clientId, last);
      outcomes.push({ results, lastMutationId: last });
    }

    // Everything the transaction writes goes in one statement, so the space locks are held for as few round
    // trips as possible: under load every await is a trip through a busy event loop while others wait.
    // Stamped with the server's clock as the audit is (server_at): the desk's own `at` may be a day off.
    const receivedAt = now();
    const rows = writes.drain().map((row) => ({ ...row, received_at: receivedAt }));
    const pokes: Poke[] = [...written].sort().map((space) => ({ space, version: nextVersion.get(space) ?? 0 }));
    // Each new version gets a random token: a desk holding a token this database does not know has seen a
    // future the database lost (it was restored from a backup), whatever the version numbers say.
    const versions = pokes.map((p) => ({ ...p, token: randomBytes(12).toString('base64url') }));
    if (audit.length > 0) {
      const [outcome] = await tx.query<{ entities: number }>(
        `WITH e AS (${UPSERT_ENTITIES} RETURNING 1),
         a AS (
           INSERT INTO audit (client_id, mutation_id, user_id, space, name, args, client_at, server_at, result, code, message, params, version,
                              content_hash, handed_over, origin_client_id, origin_mutation_id)
           SELECT client_id, mutation_id, user_id, space, name, args, client_at, server_at, result, code, message, params, version,
                  content_hash, handed_over, origin_client_id, origin_mutation_id
             FROM jsonb_to_recordset($2::jsonb) AS r(client_id text, mutation_id bigint, user_id text, space text, name text,
                  args jsonb, client_at bigint, server_at bigint, result text, code text, message text, params jsonb, version bigint,
                  content_hash text, handed_over jsonb, origin_client_id text, origin_mutation_id bigint)
           RETURNING 1),
         s AS (
           UPDATE space SET version = r.version FROM jsonb_to_recordset($3::jsonb) AS r(space text, version bigint)
            WHERE space.id = r.space RETURNING 1),
         v AS (
           INSERT INTO space_version (space, version, token)
           SELECT space, version, token FROM jsonb_to_recordset($3::jsonb) AS r(space text, version bigint, token text)
           RETURNING 1),
         c AS (
           UPDATE client SET last_mutation_id = r.last, last_user_id = r.user_id, updated_at = $5
             FROM jsonb_to_recordset($4::jsonb) AS r(id text, last bigint, user_id text)
            WHERE client.id = r.id RETURNING 1)
         SELECT (SELECT count(*) FROM e)::int AS entities`,
        [
          JSON.stringify(rows),
          JSON.stringify(audit),
          JSON.stringify(versions),
          JSON.stringify([...marks].map(([id, mark]) => ({ id, ...mark }))),
          now(),
        ],
      );
      if (outcome?.entities !== rows.length) throw new Error(SPACE_CHANGED);
    }
    return { outcomes, pokes };
  });
}

type Waiting = PushItem & { resolve: (outcome: PushOutcome) => void; reject: (error: unknown) => void; since: number };

/**
 * Group commit: while one transaction runs, the pushes that arrive queue up and then go together in the next.
 * An idle server applies a push at once; a busy one amortises the space lock over many. If a group fails for a
 * reason other than a domain refusal (a bug, a lost connection), each push is retried on its own, so one bad
 * push fails only its own request; when the database is unreachable, all of them fail at once (503, retried).
 */
export class PushBatcher {
  private queue: Waiting[] = [];
  private running = false;
  /** When the oldest push of the group in flight arrived; null when none is. */
  private inFlightSince: number | null = null;

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    private readonly maxMutations = 5_000,
    private readonly log?: MutatorFailureLog,
  ) {}

  push(auth: AuthContext, request: PushRequest): Promise<PushOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ auth, request, resolve, reject, since: this.now() });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.queue.length > 0) {
      const group = this.take();
      this.inFlightSince = group[0]?.since ?? null;
      try {
        const { outcomes, pokes } = await applyPushes(this.db, group, this.now, this.log);
        group.forEach((item, i) => {
          const response = outcomes[i];
          if (response) item.resolve({ response, pokes: pokesOf(item, pokes) });
        });
      } catch (error) {
        if (group.length === 1 || error instanceof StorageUnavailableError) for (const item of group) item.reject(error);
        else for (const item of group) await applyPush(this.db, item.auth, item.request, this.now, this.log).then(item.resolve, item.reject);
      }
    }
    this.inFlightSince = null;
    this.running = false;
  }

  /**
   * How long the oldest push not yet answered has waited, in ms (0 when there is none). It grows without bound
   * only when the write path is stuck, which is what `/health` must be able to say.
   */
  oldestWaitMs(): number {
    const oldest = this.inFlightSince ?? this.queue[0]?.since;
    return oldest === undefined ? 0 : Math.max(0, this.now() - oldest);
  }

  private take(): Waiting[] {
    const group: Waiting[] = [];
    let mutations = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0];
      if (!next || (group.length > 0 && mutations + next.request.mutations.length > this.maxMutations)) break;
      group.push(next);
      mutations += next.request.mutations.length;
      this.queue.shift();
    }
    return group;
  }
}

/** The pokes one push caused: its spaces at the group's versions (other pushes' pokes are announced by theirs). */
function pokesOf(item: PushItem, pokes: readonly Poke[]): Poke[] {
  const spaces = new Set(item.request.mutations.map((m) => m.space));
  return pokes.filter((p) => spaces.has(p.space));
}

/**
 * Runs one mutation in its own write layer: a refusal drops its writes, nothing else. A mutator that throws
 * something other than a DomainError (a bug meeting one record) is refused as `internal_error` too, so it cannot
 * fail the push and block every later mutation of its desk; unless the database itself failed (the probe after
 * the error fails on an aborted transaction or a lost connection): then the whole push fails and is retried.
 */
async function applyOne(
  tx: Queryable,
  writes: WriteLayer,
  auth: AuthContext,
  m: PushedMutation,
  nextVersion: Map<string, number>,
  kinds: ReadonlyMap<string, SpaceKind>,
  log: (error: unknown) => void,
): Promise<Verdict> {
  const version = nextVersion.get(m.space);
  if (version === undefined) {
    return { result: 'rejected', code: 'forbidden', message: `${auth.user.username} has no access to space ${m.space}` };
  }
  const badName = unsafeChar(m.name);
  if (badName) return { result: 'rejected', code: 'invalid_text', message: `the mutation's name contains ${badName}`, params: { field: 'name', char: badName } };
  if (m.name === WITHDRAWN_MUTATION) {
    const reason = WithdrawnArgsSchema.safeParse(m.args).data?.reason ?? 'discarded';
    return { result: 'rejected', code: 'withdrawn', message: `withdrawn by the workstation (${reason})`, params: { reason } };
  }
  if (!isMutationName(m.name)) {
    return { result: 'rejected', code: 'invalid_args', message: `unknown mutation ${m.name.slice(0, 100)}` };
  }
  const layer = writes.child();
  try {
    await runMutation(createServerTx(layer, m.space, version, auth.spaces), m.name, m.args, {
      at: m.at,
      actor: { userId: auth.user.id, roles: auth.user.roles },
      space: m.space,
      spaceKind: kinds.get(m.space) ?? 'hospital',
      origin: 'server',
    });
  } catch (error) {
    if (isDomainError(error)) return { result: 'rejected', code: error.code, message: error.message, params: boundErrorParams(error.params) };
    await tx.query('SELECT 1').catch(() => {
      throw error;
    });
    log(error);
    return { result: 'rejected', code: 'internal_error', message: `${m.name} failed on the server; the details are in the server's log` };
  }
  layer.commit();
  return { result: 'applied', version };
}

type Recorded = { result: string; code: DomainErrorCode | null; message: string | null; params: ErrorParams | null; content_hash: string | null };

/** What the server recorded under (client id, mutation id): earlier in this same group (not yet written), or audited. */
async function recorded(tx: Queryable, clientId: string, mutationId: number, pendingAudit: readonly AuditRow[]): Promise<Recorded | undefined> {
  const pending = pendingAudit.find((a) => a.client_id === clientId && a.mutation_id === mutationId);
  if (pending) {
    const { result, message, params, content_hash } = pending;
    return { result, code: pending.code as DomainErrorCode | null, message, params, content_hash };
  }
  const [row] = await tx.query<Recorded>(
    'SELECT result, code, message, params, content_hash FROM audit WHERE client_id = $1 AND mutation_id = $2',
    [clientId, mutationId],
  );
  return row;
}

/**
 * The changes of this group's numbers that re-keyed copies already delivered: `clientId#mutationId#contentHash` of
 * each applied audit row whose origin is one of those numbers (each mutation's origin, or its own number). One
 * query per group, on a partial index that is empty until a desk is copied.
 */
async function appliedUnderOrigin(tx: Queryable, items: readonly PushItem[]): Promise<Set<string>> {
  const numbers = items.flatMap(({ request }) =>
    request.mutations.map((m) => m.origin ?? { clientId: request.clientId, mutationId: m.mutationId }),
  );
  const found = await tx.query<{ origin_client_id: string; origin_mutation_id: number | string; content_hash: string }>(
    `SELECT origin_client_id, origin_mutation_id, content_hash FROM audit
      WHERE origin_client_id IS NOT NULL AND result = 'applied'
        AND (origin_client_id, origin_mutation_id) IN (SELECT * FROM unnest($1::text[], $2::bigint[]))`,
    [numbers.map((n) => n.clientId), numbers.map((n) => n.mutationId)],
  );
  return new Set(found.map((r) => `${r.origin_client_id}#${String(r.origin_mutation_id)}#${r.content_hash}`));
}

/**
 * True when this content was already applied under its origin: by the origin's own stream (a re-keyed change whose
 * first number was delivered), or by another re-keyed copy of it, in the database or earlier in this group.
 */
async function appliedBefore(
  tx: Queryable,
  origin: { clientId: string; mutationId: number },
  rekeyed: boolean,
  hash: string,
  twins: ReadonlySet<string>,
  pendingAudit: readonly AuditRow[],
): Promise<boolean> {
  if (twins.has(`${origin.clientId}#${origin.mutationId}#${hash}`)) return true;
  const sameOrigin = (a: AuditRow) =>
    a.result === 'applied' && a.content_hash === hash && a.origin_client_id === origin.clientId && a.origin_mutation_id === origin.mutationId;
  if (pendingAudit.some(sameOrigin)) return true;
  if (!rekeyed) return false;
  const first = await recorded(tx, origin.clientId, origin.mutationId, pendingAudit);
  return first?.result === 'applied' && first.content_hash === hash;
}

/**
 * A resent mutation is not applied again; the client hears what happened the first time, params included.
 * Unless the content differs: then the id was reused by a desk restored from an older copy of its file, or by a
 * clone, and the answer is `conflict` (rows audited before content hashes existed are taken as the same).
 */
async function recordedResult(tx: Queryable, clientId: string, mutationId: number, hash: string, pendingAudit: readonly AuditRow[]): Promise<Result> {
  const row = await recorded(tx, clientId, mutationId, pendingAudit);
  if (row && row.content_hash !== null && row.content_hash !== hash) return { mutationId, status: 'conflict' };
  const result: Result = { mutationId, status: 'duplicate' };
  if (row?.result === 'rejected') {
    if (row.code !== null) result.code = row.code;
    if (row.message !== null) result.message = row.message;
    if (row.params !== null) result.params = row.params;
  }
  return result;
}

/**
 * A handed-over change is refused when its original stream is not this desk's for that user (forbidden), or when
 * the original author's session already delivered it (already_exists: applying it again would double it). Else
 * undefined: it is applied as the pusher's.
 */
async function handOverRefusal(
  tx: Queryable,
  m: PushedMutation,
  clients: ReadonlyMap<string, ClientRow>,
  lastOf: ReadonlyMap<string, number>,
  pendingAudit: readonly AuditRow[],
): Promise<Verdict | undefined> {
  const origin = m.handedOver;
  if (!origin) return undefined;
  const stream = clients.get(origin.clientId);
  // A stream the server never saw delivered nothing: there is nothing to check against.
  if (!stream) return undefined;
  if (stream.owner_user_id !== origin.from || !sameHash(stream.desk_proof_hash, hashProof(origin.proof))) {
    return { result: 'rejected', code: 'forbidden', message: `cannot take over change ${origin.mutationId}: its stream is not ${origin.from}'s on this desk` };
  }
  if (origin.mutationId > (lastOf.get(origin.clientId) ?? 0)) return undefined;
  const first = await recorded(tx, origin.clientId, origin.mutationId, pendingAudit);
  const asOriginal = contentHash({ ...m, handedOver: undefined }, origin.from);
  if (first?.content_hash !== asOriginal) return undefined;
  return { result: 'rejected', code: 'already_exists', message: `this change was already delivered as ${origin.from}'s` };
}
