import { createHash } from 'node:crypto';
import { haveDocument } from '../../domain/edxl/have-document';
import { haveRecordKinds, haveReportOf, type HaveRecords } from '../../domain/edxl/have-report';
import { siteLocation } from '../../domain/edxl/site-map';
import { entitySchemas } from '../../domain/entities';
import { SpaceSchema, type Space } from '../../domain/spaces';
import { requireValid } from '../../node/xml-schema';
import type { Db, Queryable } from '../db/db';

/**
 * The server's zone stands for the hospital's: spaces carry no time zone (a desk keeps its own in its settings),
 * and a hospital's server runs in the hospital's zone. Only minimum-staffing shifts depend on it.
 */
export const serverTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export async function findSpace(db: Queryable, id: string): Promise<(Space & { version: number; createdAt: number }) | undefined> {
  const [row] = await db.query<{ id: string; name: string; kind: string; version: number; created_at: number }>('SELECT id, name, kind, version, created_at FROM space WHERE id = $1', [id]);
  return row ? { ...SpaceSchema.parse(row), version: Number(row.version), createdAt: Number(row.created_at) } : undefined;
}

/** The live records of one space that a HAVE report reads, parsed as the workstation parses them. */
async function haveRecords(db: Queryable, space: string): Promise<HaveRecords> {
  const rows = await db.query<{ kind: string; data: unknown }>(
    'SELECT kind, data FROM entity WHERE space = $1 AND kind = ANY($2::text[]) AND NOT deleted ORDER BY kind, id',
    [space, [...haveRecordKinds]],
  );
  const records = Object.fromEntries(haveRecordKinds.map((kind) => [kind, [] as unknown[]])) as Record<(typeof haveRecordKinds)[number], unknown[]>;
  for (const row of rows) {
    const kind = row.kind as (typeof haveRecordKinds)[number];
    records[kind].push(entitySchemas[kind].parse(row.data));
  }
  return records as unknown as HaveRecords;
}

export type HaveSnapshot = { xml: string; etag: string; version: number };

/**
 * Hashes of documents xmllint has already accepted. A county system polls an unchanged document over and over;
 * the same bytes need not start a validator process each time. Bounded: the oldest are forgotten first.
 */
const validated = new Set<string>();
const VALIDATED_LIMIT = 256;

async function validateOnce(xml: string, hash: string, label: string): Promise<void> {
  if (validated.has(hash)) return;
  await requireValid(xml, 'have-1.0', label);
  validated.add(hash);
  if (validated.size > VALIDATED_LIMIT) validated.delete(validated.values().next().value ?? hash);
}

/**
 * A space's current EDXL-HAVE 1.0 document, validated against have.xsd (a SchemaRefusal otherwise); undefined
 * for a space that does not exist. Its records are read in one snapshot. The ETag is the document's SHA-256:
 * staffing and stock colours move with the clock as well as with writes, so the space's version alone could
 * not say the document is unchanged.
 */
export async function spaceHaveDocument(db: Db, spaceId: string, at: number, timeZone = serverTimeZone()): Promise<HaveSnapshot | undefined> {
  const read = await db.transaction(
    async (tx) => {
      const space = await findSpace(tx, spaceId);
      return space ? { space, records: await haveRecords(tx, spaceId) } : undefined;
    },
    { isolation: 'repeatable read', readOnly: true },
  );
  if (!read) return undefined;
  const xml = haveDocument(haveReportOf(read.space, read.records, at, timeZone, siteLocation(), read.space.createdAt));
  const hash = createHash('sha256').update(xml).digest('base64url');
  await validateOnce(xml, hash, `edxl-have-${spaceId}.xml`);
  return { xml, etag: `"${hash}"`, version: read.space.version };
}
