import type { z } from 'zod';
import type { ExerciseSetUpSchema, ExerciseSpaceCreated } from '../contract/exercise-spaces';
import { newId } from '../domain/ids';
import type { Db } from './db/db';
import { SyncHttpError } from './http-errors';
import type { AuthContext } from './sessions';

type SetUp = z.infer<typeof ExerciseSetUpSchema>;
type Participant = ExerciseSpaceCreated['participants'][number];

export type MadeSpace = { space: ExerciseSpaceCreated['space']; participants: Participant[] };

function badParticipant(index: number, message: string): SyncHttpError {
  const path = `body.participants.${index}.username`;
  return new SyncHttpError(400, { code: 'invalid_request', message: `${path}: ${message}`, issues: [{ path, message }] });
}

/**
 * Makes the exercise space in one transaction: the space (kind `exercise`, an id nobody chose, linked to the real
 * space it came from) and its grants, to the facilitator and each participant. Participants must already work in
 * the real space: a drill is that hospital's, and setting one up must not open another hospital's people to it.
 */
export async function makeExerciseSpace(db: Db, caller: AuthContext, source: string, setUp: SetUp, now: number): Promise<MadeSpace> {
  return db.transaction(async (tx) => {
    const [from] = await tx.query<{ kind: string }>('SELECT kind FROM space WHERE id = $1 FOR SHARE', [source]);
    // An exercise of an exercise would put a drill's made-up records where the next drill starts from.
    if (from?.kind !== 'hospital') {
      throw new SyncHttpError(400, { code: 'invalid_request', message: `space ${source} is not a hospital: exercise spaces are made from a real space` });
    }
    const wanted = setUp.participants.map((p) => p.username.toLowerCase());
    const found = await tx.query<{ id: string; username: string; granted: boolean }>(
      `SELECT u.id, u.username, EXISTS (SELECT 1 FROM user_space g WHERE g.user_id = u.id AND g.space_id = $2) AS granted
         FROM app_user u WHERE lower(u.username) = ANY($1::text[])`,
      [wanted, source],
    );
    const byName = new Map(found.map((row) => [row.username.toLowerCase(), row]));
    const participants = setUp.participants.map((p, index): Participant => {
      const account = byName.get(p.username.toLowerCase());
      if (!account) throw badParticipant(index, `no user ${p.username}`);
      if (!account.granted) throw badParticipant(index, `${p.username} does not work in space ${source}`);
      return { userId: account.id, username: account.username, role: p.role, ...(p.position ? { position: p.position } : {}) };
    });
    const space = { id: `exercise-${newId()}`, kind: 'exercise' as const, name: setUp.name };
    await tx.query('INSERT INTO space (id, name, kind, created_at, source_space) VALUES ($1, $2, $3, $4, $5)', [space.id, space.name, space.kind, now, source]);
    const granted = [...new Set([caller.user.id, ...participants.map((p) => p.userId)])];
    await tx.query('INSERT INTO user_space (user_id, space_id) SELECT unnest($1::text[]), $2', [granted, space.id]);
    return { space, participants };
  });
}

/**
 * Takes back a space whose exercise record could not be written: nothing else can be in it yet (it was made a
 * moment ago, and only this request knows its id). Its grants and versions go with it; an audit row stays.
 */
export async function dropExerciseSpace(db: Db, space: string): Promise<void> {
  // Grants and version tokens go by ON DELETE CASCADE.
  await db.query('DELETE FROM space WHERE id = $1', [space]);
}

/** The `exercise.create` mutation that records the set-up in the new space (its type, objectives, roles). */
export function exerciseRecord(exerciseId: string, setUp: SetUp, participants: readonly Participant[]) {
  return {
    id: exerciseId,
    name: setUp.name,
    type: setUp.type,
    objectives: setUp.objectives.map((text, i) => ({ id: `O${i + 1}`, text, capability: '' })),
    capabilities: setUp.capabilities,
    date: setUp.date,
    participants: participants.map((p) => ({ userId: p.userId, role: p.role, ...(p.position ? { position: p.position } : {}) })),
  };
}
