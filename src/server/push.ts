import type { PushedMutation, PushRequest, PushResponse } from '../contract/sync';
import { isDomainError, type DomainErrorCode } from '../domain/errors';
import { isMutationName, runMutation } from '../domain/mutators';
import type { Db, Queryable } from './db/db';
import { createServerTx, SPACE_CHANGED, UPSERT_ENTITIES, WriteLayer } from './server-tx';
import type { AuthContext } from './sessions';

type Result = PushResponse['results'][number];
export type Poke = { space: string; version: number };
export type PushOutcome = { response: PushResponse; pokes: Poke[] };

type Verdict = { result: 'applied'; version: number } | { result: 'rejected'; code: DomainErrorCode; message: string };

/**
 * The mutations of a batch the server will deal with now: those after the client's last, up to the first gap.
 * Anything past a gap waits for the client to resend, so a client's mutations apply exactly in its order.
 */
function nextRun(mutations: readonly PushedMutation[], last: number): PushedMutation[] {
  const run: PushedMutation[] = [];
  let expected = last + 1;
  for (const m of mutations) {
    if (m.mutationId < expected) continue;
    if (m.mutationId !== expected) break;
    run.push(m);
    expected++;
  }
  return run;
}

/**
 * Applies one push in one transaction.
 *
 * Why a puller never misses a row (the cursor is gap-free in commit order): a push locks the rows of the spaces
 * it writes (`SELECT ... FOR UPDATE`) and takes one new version for each, holding the locks until it ends.
 * The next writer of the space blocks on the lock until then, so it can only take v+1 after v has committed
 * (or rolled back and given v back). PostgreSQL makes a commit visible before it releases the transaction's
 * locks, so any snapshot that shows v+1 also shows v. A plain sequence would not do: two writers could take
 * 7 and 8 and commit 8 first, and a pull between the commits would move the cursor past 7 for good.
 *
 * Deadlocks: the client row is locked first, then every space the batch writes, in sorted order, up front.
 * Throughput: rows are read through and written back in one statement at the end (WriteLayer), and the audit in
 * one more, so a push of n mutations costs about n reads rather than n x 5 round trips.
 */
export async function applyPush(db: Db, auth: AuthContext, request: PushRequest, now: () => number): Promise<PushOutcome> {
  return db.transaction(async (tx) => {
    // Serializes pushes of one client: a resend racing the original waits, then sees its ids as duplicates.
    await tx.query(
      'INSERT INTO client (id, last_user_id, created_at, updated_at) VALUES ($1, $2, $3, $3) ON CONFLICT (id) DO NOTHING',
      [request.clientId, auth.user.id, now()],
    );
    const [client] = await tx.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM client WHERE id = $1 FOR UPDATE', [
      request.clientId,
    ]);
    let last = client?.last_mutation_id ?? 0;

    const run = nextRun(request.mutations, last);
    const wanted = [...new Set(run.map((m) => m.space).filter((s) => auth.spaces.includes(s)))].sort();
    const locked = await tx.query<{ id: string; version: number }>(
      'SELECT id, version FROM space WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
      [wanted],
    );
    // One new version per space per push: all its rows commit together, and a pull never splits a version.
    const nextVersion = new Map(locked.map((s) => [s.id, s.version + 1]));
    const written = new Set<string>();
    const writes = new WriteLayer(tx);
    const audit: AuditRow[] = [];

    const results: Result[] = [];
    for (const m of request.mutations) {
      if (m.mutationId <= last) {
        results.push(await recordedResult(tx, request.clientId, m.mutationId));
        continue;
      }
      if (m.mutationId !== last + 1) break;
      const verdict = await applyOne(writes, auth, m, nextVersion);
      audit.push({
        client_id: request.clientId, mutation_id: m.mutationId, user_id: auth.user.id, space: m.space, name: m.name,
        args: m.args ?? null, client_at: m.at, server_at: now(), result: verdict.result,
        code: verdict.result === 'rejected' ? verdict.code : null,
        message: verdict.result === 'rejected' ? verdict.message : null,
        version: verdict.result === 'applied' ? verdict.version : null,
      });
      if (verdict.result === 'applied') {
        written.add(m.space);
        results.push({ mutationId: m.mutationId, status: 'applied' });
      } else {
        results.push({ mutationId: m.mutationId, status: 'rejected', code: verdict.code, message: verdict.message });
      }
      last = m.mutationId;
    }
    // Everything the push writes goes in one statement, so the space locks are held for as few round trips as
    // possible: under load every await is a trip through a busy event loop while other pushes wait on the lock.
    const rows = writes.drain();
    const pokes: Poke[] = [...written].sort().map((space) => ({ space, version: nextVersion.get(space) ?? 0 }));
    if (audit.length > 0) {
      const [outcome] = await tx.query<{ entities: number }>(
        `WITH e AS (${UPSERT_ENTITIES} RETURNING 1),
         a AS (
           INSERT INTO audit (client_id, mutation_id, user_id, space, name, args, client_at, server_at, result, code, message, version)
           SELECT client_id, mutation_id, user_id, space, name, args, client_at, server_at, result, code, message, version
             FROM jsonb_to_recordset($2::jsonb) AS r(client_id text, mutation_id bigint, user_id text, space text, name text,
                  args jsonb, client_at bigint, server_at bigint, result text, code text, message text, version bigint)
           RETURNING 1),
         s AS (
           UPDATE space SET version = r.version FROM jsonb_to_recordset($3::jsonb) AS r(space text, version bigint)
            WHERE space.id = r.space RETURNING 1),
         c AS (UPDATE client SET last_mutation_id = $4, last_user_id = $5, updated_at = $6 WHERE id = $7 RETURNING 1)
         SELECT (SELECT count(*) FROM e)::int AS entities`,
        [JSON.stringify(rows), JSON.stringify(audit), JSON.stringify(pokes), last, auth.user.id, now(), request.clientId],
      );
      if (outcome?.entities !== rows.length) throw new Error(SPACE_CHANGED);
    }
    return { response: { results, lastMutationId: last }, pokes };
  });
}

type AuditRow = {
  client_id: string; mutation_id: number; user_id: string; space: string; name: string; args: unknown; client_at: number;
  server_at: number; result: 'applied' | 'rejected'; code: string | null; message: string | null; version: number | null;
};

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
    return { result: 'rejected', code: error.code, message: error.message };
  }
  layer.commit();
  return { result: 'applied', version };
}

/** A resent mutation is not applied again; the client hears what happened the first time. */
async function recordedResult(tx: Queryable, clientId: string, mutationId: number): Promise<Result> {
  const [row] = await tx.query<{ result: string; code: DomainErrorCode | null; message: string | null }>(
    'SELECT result, code, message FROM audit WHERE client_id = $1 AND mutation_id = $2',
    [clientId, mutationId],
  );
  const result: Result = { mutationId, status: 'duplicate' };
  if (row?.result === 'rejected') {
    if (row.code !== null) result.code = row.code;
    if (row.message !== null) result.message = row.message;
  }
  return result;
}
