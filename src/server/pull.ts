import type { ErrorParams } from '../contract/errors';
import type { PullResponse, ServerRowWire } from '../contract/sync';
import type { Db, Queryable } from './db/db';

export type PullInput = {
  clientId: string;
  cursors: Record<string, number>;
  rejectionsAfter: number;
  limit: number;
};

type EntityRow = ServerRowWire;
const ROW_COLUMNS = 'kind, id, space, data, version, deleted';

/**
 * One page of changes, read in one REPEATABLE READ snapshot so the rows, the cursors and `lastMutationId` agree.
 * Pages end on a version boundary: a mutation's rows arrive together or not at all, so a client never shows
 * half a change. A single version larger than `limit` is sent whole, alone.
 */
export async function readPull(db: Db, input: PullInput): Promise<PullResponse> {
  return db.transaction(
    async (tx) => {
      const rows: EntityRow[] = [];
      const cursors: Record<string, number> = { ...input.cursors };
      let more = false;
      for (const space of Object.keys(input.cursors).sort()) {
        const from = input.cursors[space] ?? 0;
        const budget = input.limit - rows.length;
        const page = await spacePage(tx, space, from, budget, rows.length === 0);
        rows.push(...page.rows);
        if (page.rows.length > 0) cursors[space] = page.rows[page.rows.length - 1]?.version ?? from;
        if (page.cut) {
          more = true;
          break;
        }
      }
      const [client] = await tx.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM client WHERE id = $1', [input.clientId]);
      const lastMutationId = client?.last_mutation_id ?? 0;
      const refused = await tx.query<{ mutationId: number; code: string; message: string; params: ErrorParams | null }>(
        `SELECT mutation_id AS "mutationId", code, message, params FROM audit
          WHERE client_id = $1 AND result = 'rejected' AND mutation_id > $2 AND mutation_id <= $3
          ORDER BY mutation_id`,
        [input.clientId, input.rejectionsAfter, lastMutationId],
      );
      // Refusals recorded before params existed (or without any) go out as they always did: without the field.
      const rejections = refused.map(({ params, ...rest }) => (params === null ? rest : { ...rest, params }));
      return { rows, cursors, more, lastMutationId, rejections };
    },
    { isolation: 'repeatable read', readOnly: true },
  );
}

async function spacePage(
  tx: Queryable,
  space: string,
  from: number,
  budget: number,
  pageIsEmpty: boolean,
): Promise<{ rows: EntityRow[]; cut: boolean }> {
  if (budget <= 0) return { rows: [], cut: true };
  // One row past the budget tells whether the page is cut, and where.
  const fetched = await tx.query<EntityRow>(
    `SELECT ${ROW_COLUMNS} FROM entity WHERE space = $1 AND version > $2 ORDER BY version, kind, id LIMIT $3`,
    [space, from, budget + 1],
  );
  const next = fetched[budget];
  if (!next) return { rows: fetched, cut: false };
  const whole = fetched.slice(0, budget).filter((r) => r.version < next.version);
  if (whole.length > 0 || !pageIsEmpty) return { rows: whole, cut: true };
  const oneVersion = await tx.query<EntityRow>(
    `SELECT ${ROW_COLUMNS} FROM entity WHERE space = $1 AND version = $2 ORDER BY kind, id`,
    [space, next.version],
  );
  return { rows: oneVersion, cut: true };
}
