import type { PushedMutation, PushRequest, PushResponse } from '../contract/sync';
import { isDomainError, type DomainErrorCode } from '../domain/errors';
import { isMutationName, runMutation } from '../domain/mutators';
import type { Db, Queryable } from './db/db';
import { createServerTx } from './server-tx';
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
 * Why a puller never misses a row (the cursor is gap-free in commit order): a space's versions are handed out
 * by `UPDATE space SET version = version + 1`, which holds that space row's lock until this transaction ends.
 * The next writer of the space blocks on the lock until then, so it can only take v+1 after v has committed
 * (or rolled back and given v back). PostgreSQL makes a commit visible before it releases the transaction's
 * locks, so any snapshot that shows v+1 also shows v. A plain sequence would not do: two writers could take
 * 7 and 8 and commit 8 first, and a pull between the commits would move the cursor past 7 for good.
 *
 * Deadlocks: the client row is locked first, then every space the batch writes, in sorted order, up front.
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
    const startedAt = last;

    const run = nextRun(request.mutations, last);
    const wanted = [...new Set(run.map((m) => m.space).filter((s) => auth.spaces.includes(s)))].sort();
    const locked = await tx.query<{ id: string }>('SELECT id FROM space WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [wanted]);
    const writable = new Set(locked.map((s) => s.id));

    const results: Result[] = [];
    const pokes = new Map<string, number>();
    for (const m of request.mutations) {
      if (m.mutationId <= last) {
        results.push(await recordedResult(tx, request.clientId, m.mutationId));
        continue;
      }
      if (m.mutationId !== last + 1) break;
      const verdict = await applyOne(tx, auth, m, writable);
      await tx.query(
        `INSERT INTO audit (client_id, mutation_id, user_id, space, name, args, client_at, server_at, result, code, message, version)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12)`,
        [
          request.clientId, m.mutationId, auth.user.id, m.space, m.name, JSON.stringify(m.args ?? null), m.at, now(),
          verdict.result,
          verdict.result === 'rejected' ? verdict.code : null,
          verdict.result === 'rejected' ? verdict.message : null,
          verdict.result === 'applied' ? verdict.version : null,
        ],
      );
      if (verdict.result === 'applied') {
        pokes.set(m.space, verdict.version);
        results.push({ mutationId: m.mutationId, status: 'applied' });
      } else {
        results.push({ mutationId: m.mutationId, status: 'rejected', code: verdict.code, message: verdict.message });
      }
      last = m.mutationId;
    }
    if (last !== startedAt) {
      await tx.query('UPDATE client SET last_mutation_id = $2, last_user_id = $3, updated_at = $4 WHERE id = $1', [
        request.clientId, last, auth.user.id, now(),
      ]);
    }
    return {
      response: { results, lastMutationId: last },
      pokes: [...pokes].map(([space, version]) => ({ space, version })),
    };
  });
}

/** Runs one mutation in its own savepoint: a refusal undoes its writes and its version, nothing else. */
async function applyOne(tx: Queryable, auth: AuthContext, m: PushedMutation, writable: Set<string>): Promise<Verdict> {
  if (!writable.has(m.space)) {
    return { result: 'rejected', code: 'forbidden', message: `${auth.user.username} has no access to space ${m.space}` };
  }
  if (!isMutationName(m.name)) {
    return { result: 'rejected', code: 'invalid_args', message: `unknown mutation ${m.name.slice(0, 100)}` };
  }
  await tx.query('SAVEPOINT mutation');
  try {
    const [row] = await tx.query<{ version: number }>('UPDATE space SET version = version + 1 WHERE id = $1 RETURNING version', [m.space]);
    if (!row) throw new Error(`space ${m.space} vanished while locked`);
    await runMutation(createServerTx(tx, m.space, row.version), m.name, m.args, {
      at: m.at,
      actor: { userId: auth.user.id, roles: auth.user.roles },
      space: m.space,
      origin: 'server',
    });
    await tx.query('RELEASE SAVEPOINT mutation');
    return { result: 'applied', version: row.version };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await tx.query('ROLLBACK TO SAVEPOINT mutation');
    await tx.query('RELEASE SAVEPOINT mutation');
    return { result: 'rejected', code: error.code, message: error.message };
  }
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
