import type { HaveFeed } from '../../contract/exchange-feed';
import { BedCountSchema } from '../../domain/resources/beds';
import { haveBedTypeOf } from '../../domain/edxl/have-bed-types';
import type { Db } from '../db/db';
import { SyncHttpError } from '../http-errors';

/**
 * One page of a space's bed-line changes after `after`, `limit` versions at most. Pages end on a version
 * boundary, as pulls do: the cursor is gap-free in commit order (push.ts), so `version > after` never skips a
 * row a slower writer committed later. With nothing left the cursor moves to the space's head, so a poller
 * also passes the versions that changed no beds.
 */
export async function haveFeed(db: Db, space: string, after: number, limit: number): Promise<HaveFeed> {
  return db.transaction(
    async (tx) => {
      const rows = await tx.query<{ id: string; data: unknown; version: number; deleted: boolean }>(
        `WITH page AS (
           SELECT DISTINCT version FROM entity WHERE space = $1 AND kind = 'bedCount' AND version > $2 ORDER BY version LIMIT $3
         )
         SELECT id, data, version, deleted FROM entity
          WHERE space = $1 AND kind = 'bedCount' AND version IN (SELECT version FROM page)
          ORDER BY version, id`,
        [space, after, limit + 1],
      );
      const versions = [...new Set(rows.map((r) => Number(r.version)))];
      const more = versions.length > limit;
      const kept = more ? rows.filter((r) => Number(r.version) <= (versions[limit - 1] ?? 0)) : rows;
      const [head] = await tx.query<{ version: number }>('SELECT version FROM space WHERE id = $1', [space]);
      const headVersion = Number(head?.version ?? 0);
      // A cursor past the head is one this server never gave: it was restored from a backup taken before the poller's
      // last page, or the cursor was mistyped. An empty page would let the poller skip, silently, every change
      // between the head and its cursor as the versions climb again; refusing makes it start again from the document.
      if (after > headVersion) {
        throw new SyncHttpError(409, {
          code: 'invalid_request',
          message: `cursor ${after} is ahead of space ${space}'s history (at ${headVersion}): the server may have been restored from a backup; read GET /api/spaces/${space}/have and poll again from after=0`,
        });
      }
      const cursor = more ? (versions[limit - 1] ?? after) : Math.max(after, headVersion);
      return {
        space,
        after,
        cursor,
        more,
        changes: kept.map((row) => {
          const bed = BedCountSchema.parse(row.data);
          return {
            id: bed.id,
            version: Number(row.version),
            deleted: row.deleted,
            unit: bed.unit,
            bedType: haveBedTypeOf[bed.type],
            available: bed.available,
            baseline: bed.staffed,
            additional24Hr: bed.surge,
            updatedAt: new Date(bed.updatedAt).toISOString(),
          };
        }),
      };
    },
    { isolation: 'repeatable read', readOnly: true },
  );
}
