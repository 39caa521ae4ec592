import { boundErrorParams, type ErrorParams } from '../contract/errors';
import type { PushedMutation, PushRequest, PushResponse } from '../contract/sync';
import { isDomainError, type DomainErrorCode } from '../domain/errors';
import { isMutationName, runMutation } from '../domain/mutators';
import { StorageUnavailableError, type Db, type Queryable } from './db/db';
import { createServerTx, SPACE_CHANGED, UPSERT_ENTITIES, WriteLayer } from './server-tx';
import type { AuthContext } from './sessions';

type Result = PushResponse['results'][number];
export type Poke = { space: string; version: number };
export type PushOutcome = { response: PushResponse; pokes: Poke[] };

type Verdict =
  | { result: 'applied'; version: number }
  | { result: 'rejected'; code: DomainErrorCode; message: string; params?: ErrorParams | undefined };

type AuditRow = {
  client_id: string; mutation_id: number; user_id: string; space: string; name: string; args: unknown; client_at: number;
  server_at: number; result: 'applied' | 'rejected'; code: string | null; message: string | null; params: ErrorParams | null;
  version: number | null;
};

export type PushItem = { auth: AuthContext; request: PushRequest };

/**
 * Applies one push in one transaction. See `applyPushes`.
 */
export async function applyPush(db: Db, auth: AuthContext, request: PushRequest, now: () => number): Promise<PushOutcome> {
  const { outcomes, pokes } = await applyPushes(db, [{ auth, request }], now);
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
export async function applyPushes(db: Db, items: readonly PushItem[], now: () => number): Promise<{ outcomes: PushResponse[]; pokes: Poke[] }> {
  return db.transaction(async (tx) => {
    const clientIds = [...new Set(items.map((i) => i.request.clientId))].sort();
    const firstUser = new Map(items.map((i) => [i.request.clientId, i.auth.user.id]));
    await tx.query(
      `INSERT INTO client (id, last_user_id, created_at, updated_at)
       SELECT id, user_id, $2, $2 FROM jsonb_to_recordset($1::jsonb) AS r(id text, user_id text) ORDER BY id
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(clientIds.map((id) => ({ id, user_id: firstUser.get(id) }))), now()],
    );
    // Serializes pushes of one client: a resend racing the original waits, then sees its ids as duplicates.
    const clients = await tx.query<{ id: string; last_mutation_id: number }>(
      'SELECT id, last_mutation_id FROM client WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
      [clientIds],
    );
    const lastOf = new Map(clients.map((c) => [c.id, c.last_mutation_id]));
    const wanted = [
      ...new Set(items.flatMap(({ auth, request }) => request.mutations.map((m) => m.space).filter((s) => auth.spaces.includes(s)))),
    ].sort();
    const locked = await tx.query<{ id: string; version: number }>(
      'SELECT id, version FROM space WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
      [wanted],
    );
    // One new version per space per transaction: all its rows commit together, and a pull never splits a version.
    const nextVersion = new Map(locked.map((s) => [s.id, s.version + 1]));
    const written = new Set<string>();
    const writes = new WriteLayer(tx);
    const audit: AuditRow[] = [];
    const marks = new Map<string, { last: number; user_id: string }>();

    const outcomes: PushResponse[] = [];
    for (const { auth, request } of items) {
      let last = lastOf.get(request.clientId) ?? 0;
      const results: Result[] = [];
      for (const m of request.mutations) {
        if (m.mutationId <= last) {
          results.push(await recordedResult(tx, request.clientId, m.mutationId, audit));
          continue;
        }
        if (m.mutationId !== last + 1) break;
        const verdict = await applyOne(writes, auth, m, nextVersion);
        audit.push({
          client_id: request.clientId, mutation_id: m.mutationId, user_id: auth.user.id, space: m.space, name: m.name,
          args: m.args ?? null, client_at: m.at, server_at: now(), result: verdict.result,
          code: verdict.result === 'rejected' ? verdict.code : null,
          message: verdict.result === 'rejected' ? verdict.message : null,
          params: verdict.result === 'rejected' ? (verdict.params ?? null) : null,
          version: verdict.result === 'applied' ? verdict.version : null,
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
    const rows = writes.drain();
    const pokes: Poke[] = [...written].sort().map((space) => ({ space, version: nextVersion.get(space) ?? 0 }));
    if (audit.length > 0) {
      const [outcome] = await tx.query<{ entities: number }>(
        `WITH e AS (${UPSERT_ENTITIES} RETURNING 1),
         a AS (
           INSERT INTO audit (client_id, mutation_id, user_id, space, name, args, client_at, server_at, result, code, message, params, version)
           SELECT client_id, mutation_id, user_id, space, name, args, client_at, server_at, result, code, message, params, version
             FROM jsonb_to_recordset($2::jsonb) AS r(client_id text, mutation_id bigint, user_id text, space text, name text,
                  args jsonb, client_at bigint, server_at bigint, result text, code text, message text, params jsonb, version bigint)
           RETURNING 1),
         s AS (
           UPDATE space SET version = r.version FROM jsonb_to_recordset($3::jsonb) AS r(space text, version bigint)
            WHERE space.id = r.space RETURNING 1),
         c AS (
           UPDATE client SET last_mutation_id = r.last, last_user_id = r.user_id, updated_at = $5
             FROM jsonb_to_recordset($4::jsonb) AS r(id text, last bigint, user_id text)
            WHERE client.id = r.id RETURNING 1)
         SELECT (SELECT count(*) FROM e)::int AS entities`,
        [
          JSON.stringify(rows),
          JSON.stringify(audit),
          JSON.stringify(pokes),
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
        const { outcomes, pokes } = await applyPushes(this.db, group, this.now);
        group.forEach((item, i) => {
          const response = outcomes[i];
          if (response) item.resolve({ response, pokes: pokesOf(item, pokes) });
        });
      } catch (error) {
        if (group.length === 1 || error instanceof StorageUnavailableError) for (const item of group) item.reject(error);
        else for (const item of group) await applyPush(this.db, item.auth, item.request, this.now).then(item.resolve, item.reject);
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

/** Runs one mutation in its own write layer: a refusal drops its writes, nothing else. */
async function applyOne(writes: WriteLayer, auth: AuthContext, m: PushedMutation, nextVersion: Map<string, number>): Promise<Verdict> {
  const version = nextVersion.get(m.space);
  if (version === undefined) {
    return { result: 'rejected', code: 'forbidden', message: `${auth.user.username} has no access to space ${m.space}` };
  }
  if (!isMutationName(m.name)) {
    return { result: 'rejected', code: 'invalid_args', message: `unknown mutation ${m.name.slice(0, 100)}` };
  }
  const layer = writes.child();
  try {
    await runMutation(createServerTx(layer, m.space, version), m.name, m.args, {
      at: m.at,
      actor: { userId: auth.user.id, roles: auth.user.roles },
      space: m.space,
      origin: 'server',
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { result: 'rejected', code: error.code, message: error.message, params: boundErrorParams(error.params) };
  }
  layer.commit();
  return { result: 'applied', version };
}

/** A resent mutation is not applied again; the client hears what happened the first time, params included. */
async function recordedResult(tx: Queryable, clientId: string, mutationId: number, pendingAudit: readonly AuditRow[]): Promise<Result> {
  // The first time may be earlier in this same group, not yet written.
  const pending = pendingAudit.find((a) => a.client_id === clientId && a.mutation_id === mutationId);
  type Recorded = { result: string; code: DomainErrorCode | null; message: string | null; params: ErrorParams | null };
  const [row] = pending
    ? [{ result: pending.result, code: pending.code as DomainErrorCode | null, message: pending.message, params: pending.params }]
    : await tx.query<Recorded>('SELECT result, code, message, params FROM audit WHERE client_id = $1 AND mutation_id = $2', [clientId, mutationId]);
  const result: Result = { mutationId, status: 'duplicate' };
  if (row?.result === 'rejected') {
    if (row.code !== null) result.code = row.code;
    if (row.message !== null) result.message = row.message;
    if (row.params !== null) result.params = row.params;
  }
  return result;
}
