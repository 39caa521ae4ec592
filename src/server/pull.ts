import type { ErrorParams } from '../contract/errors';
import type { PullResponse, ServerRowWire } from '../contract/sync';
import { hashProof, sameHash } from './client-binding';
import type { Db, Queryable } from './db/db';

export type PullInput = {
  clientId: string;
  cursors: Record<string, number>;
  cursorTokens?: Record<string, string> | undefined;
  rejectionsAfter: number;
  limit: number;
  otherStreams?: readonly { clientId: string; deskProof: string }[] | undefined;
};

/** A pull's answer before the route adds the database's epoch. */
export type PullAnswer = Omit<PullResponse, 'serverEpoch'>;

type EntityRow = ServerRowWire;
const ROW_COLUMNS = 'kind, id, space, data, version, deleted, received_at AS "receivedAt"';

/**
 * One page of changes, read in one REPEATABLE READ snapshot so the rows, the cursors and `lastMutationId` agree.
 * Pages end on a version boundary: a mutation's rows arrive together or not at all, so a client never shows
 * half a change. A single version larger than `limit` is sent whole, alone.
 */
export async function readPull(db: Db, input: PullInput): Promise<PullAnswer> {
  return db.transaction(
    async (tx) => {
      const rows: EntityRow[] = [];
      const cursors: Record<string, number> = { ...input.cursors };
      const rewound = await rewoundSpaces(tx, input);
      let more = false;
      for (const space of Object.keys(input.cursors).sort()) {
        if (rewound.includes(space)) continue;
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
      const answer = { rows, cursors, more, lastMutationId, rejections, tokens: await tokensOf(tx, cursors, rewound), rewound };
      return input.otherStreams?.length ? { ...answer, otherLastMutationIds: await otherLastMutationIds(tx, input.otherStreams) } : answer;
    },
    { isolation: 'repeatable read', readOnly: true },
  );
}

/**
 * Spaces whose cursor this database cannot vouch for: above the space's version (restored, nothing written
 * since), or at a version whose token differs or is gone (restored, and other changes have taken its numbers).
 */
async function rewoundSpaces(tx: Queryable, input: PullInput): Promise<string[]> {
  const asked = Object.entries(input.cursors).filter(([, cursor]) => cursor > 0);
  if (asked.length === 0) return [];
  const known = await tx.query<{ id: string; head: number; token: string | null }>(
    `SELECT s.id, s.version AS head, v.token
       FROM space s JOIN jsonb_to_recordset($1::jsonb) AS r(space text, cursor bigint) ON r.space = s.id
       LEFT JOIN space_version v ON v.space = s.id AND v.version = r.cursor`,
    [JSON.stringify(asked.map(([space, cursor]) => ({ space, cursor })))],
  );
  return asked
    .filter(([space, cursor]) => {
      const row = known.find((k) => k.id === space);
      if (!row) return false;
      const sent = input.cursorTokens?.[space];
      // A version written outside a push (tools) has no token: the head check alone applies to it.
      return cursor > Number(row.head) || (sent !== undefined && sent !== row.token);
    })
    .map(([space]) => space)
    .sort();
}

async function tokensOf(tx: Queryable, cursors: Readonly<Record<string, number>>, skip: readonly string[]): Promise<Record<string, string>> {
  const wanted = Object.entries(cursors).filter(([space, cursor]) => cursor > 0 && !skip.includes(space));
  if (wanted.length === 0) return {};
  const rows = await tx.query<{ space: string; token: string }>(
    `SELECT v.space, v.token FROM space_version v
       JOIN jsonb_to_recordset($1::jsonb) AS r(space text, cursor bigint) ON r.space = v.space AND r.cursor = v.version`,
    [JSON.stringify(wanted.map(([space, cursor]) => ({ space, cursor })))],
  );
  return Object.fromEntries(rows.map((r) => [r.space, r.token]));
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

/**
 * How far the server holds the desk's other streams, in the pull's snapshot. Only the desk that registered a client
 * id learns its number (the proof's hash must match); an id the database does not know is answered 0, which tells a
 * restored server's desks that everything of it is to be sent again.
 */
async function otherLastMutationIds(tx: Queryable, streams: readonly { clientId: string; deskProof: string }[]): Promise<Record<string, number>> {
  const ids = streams.map((s) => s.clientId);
  const found = await tx.query<{ id: string; last_mutation_id: number; desk_proof_hash: string | null }>(
    'SELECT id, last_mutation_id, desk_proof_hash FROM client WHERE id = ANY($1::text[])',
    [ids],
  );
  const byId = new Map(found.map((row) => [row.id, row]));
  const answer: Record<string, number> = {};
  for (const { clientId, deskProof } of streams) {
    const row = byId.get(clientId);
    if (!row) answer[clientId] = 0;
    else if (sameHash(row.desk_proof_hash, hashProof(deskProof))) answer[clientId] = Number(row.last_mutation_id);
  }
  return answer;
}
