import { randomBytes } from 'node:crypto';
import { SYNC_PROTOCOL_VERSION, type PushedMutation, type PushResponse } from '../../contract/sync';

type MutationResult = PushResponse['results'][number];
import { newId } from '../../domain/ids';
import { findUserByUsername, toUser } from '../accounts';
import { bindClient } from '../client-binding';
import type { Db } from '../db/db';
import { encodePoke, POKE_CHANNEL } from '../pokes';
import { applyPush } from '../push';
import type { AuthContext } from '../sessions';

/**
 * Applies changes an operator's tool brings in (an imported EDXL file) exactly as a desk's push: under the
 * named user's account and roles, checked by the same mutators, recorded in the audit under that user. Each
 * call is a stream of its own, used once, so no desk ever resends on it.
 */
export async function pushAsUser(db: Db, input: { space: string; username: string; mutations: Omit<PushedMutation, 'mutationId' | 'space'>[]; now: () => number }): Promise<MutationResult[]> {
  const row = await findUserByUsername(db, input.username);
  if (!row) throw new Error(`no user ${input.username}: an import is recorded in the audit under a user's name`);
  const [grants] = await db.query<{ spaces: string[] }>(
    'SELECT coalesce(array_agg(space_id ORDER BY space_id), ARRAY[]::text[]) AS spaces FROM user_space WHERE user_id = $1',
    [row.id],
  );
  const auth = { user: toUser(row), spaces: grants?.spaces ?? [], tokenHash: 'operator-tool', expiresAt: input.now() + 60_000 };
  if (!auth.spaces.includes(input.space)) throw new Error(`${row.username} is not granted space ${input.space}`);
  return pushAs(db, auth, input);
}

/**
 * Applies changes under an account already authenticated (`auth`, which must include `input.space`) as one
 * stream of its own, used once: the mutators judge them under that account's roles and the audit names it.
 */
export async function pushAs(db: Db, auth: AuthContext, input: { space: string; mutations: Omit<PushedMutation, 'mutationId' | 'space'>[]; now: () => number }): Promise<MutationResult[]> {
  if (input.mutations.length === 0) return [];
  const clientId = newId();
  const deskProof = randomBytes(32).toString('base64url');
  await bindClient(db, auth, clientId, deskProof, input.now());
  const mutations = input.mutations.map((m, i) => ({ ...m, mutationId: i + 1, space: input.space }));
  const { response, pokes } = await applyPush(db, auth, { protocolVersion: SYNC_PROTOCOL_VERSION, clientId, deskProof, mutations }, input.now);
  // Servers on the same PostgreSQL hear of the change and poke their desks; a PGlite server is not running
  // while a tool holds its folder, and its desks pull on their next poll.
  if (db.kind === 'postgres') for (const poke of pokes) await db.query('SELECT pg_notify($1, $2)', [POKE_CHANNEL, encodePoke(poke)]);
  return response.results;
}
