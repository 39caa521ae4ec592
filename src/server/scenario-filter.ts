import type { ServerRowWire } from '../contract/sync';
import { ExerciseSchema, scenarioKinds as kinds, scenarioView, type Exercise } from '../domain/exercises';
import type { Actor } from '../domain/roles';
import type { Queryable } from './db/db';

const scenarioKinds = new Set<string>(kinds);

/**
 * The exercises of the spaces a page touches, by id: who sees a space's scenario depends on the roles its exercise
 * gives (a player, an evaluator), which only the exercise record says. Read only when the page holds a scenario row,
 * so a hospital space's pull costs nothing more.
 */
async function exercisesOf(db: Queryable, spaces: readonly string[]): Promise<Map<string, Exercise>> {
  const found = await db.query<{ data: unknown }>(`SELECT data FROM entity WHERE kind = 'exercise' AND NOT deleted AND space = ANY($1::text[])`, [spaces]);
  return new Map(found.flatMap(({ data }) => {
    const parsed = ExerciseSchema.safeParse(data);
    return parsed.success ? [[parsed.data.id, parsed.data] as const] : [];
  }));
}

/**
 * A pull's rows as `actor` may receive them: injects not yet delivered and the evaluation left out, delivered
 * injects without their script, for anyone who may not see the scenario (scenario-visibility.ts). Tombstones too:
 * a removed inject's tombstone keeps its last data.
 */
export async function withoutScenario(db: Queryable, rows: readonly ServerRowWire[], actor: Actor): Promise<ServerRowWire[]> {
  const touched = [...new Set(rows.filter((r) => scenarioKinds.has(r.kind)).map((r) => r.space))];
  if (touched.length === 0) return [...rows];
  const exercises = await exercisesOf(db, touched);
  return rows.flatMap((row) => {
    if (!scenarioKinds.has(row.kind)) return [row];
    const data = scenarioView(row.kind, row.data, exercises, actor);
    return data === undefined ? [] : [{ ...row, data }];
  });
}
