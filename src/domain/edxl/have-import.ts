import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { neighbourBedTypes, type NeighbourBeds } from '../map';
import { HaveBedTypeSchema, neighbourBedTypeOf, type HaveBedType } from './have-bed-types';
import type { GeoPoint } from './have-report';
import type { RegionHospital } from './site-map';

/** One `have:Hospital` of a received document, in the terms an import needs. */
export type HaveReading = {
  name: string;
  identifier: string | undefined;
  location: GeoPoint | undefined;
  /** Available beds per HAVE bed type, for the types the document reports a count for. */
  available: Partial<Record<HaveBedType, number>>;
  lastUpdate: number;
};

const Text = z.union([z.string(), z.number()]).transform(String);
const Many = <T extends z.ZodType>(item: T) => z.union([z.array(item), item.transform((one) => [one])]).optional();

// Only the parts an import reads; the document has already passed have.xsd, which vouches for the rest.
const HospitalSchema = z.object({
  Organization: z.object({
    OrganizationInformation: z.object({
      OrganisationName: Many(z.object({ NameElement: Many(Text) })),
      Identifiers: z.object({ Identifier: Many(z.object({ IdentifierElement: Many(Text) })) }).optional(),
    }),
    OrganizationGeoLocation: z.object({ Point: z.object({ pos: Text }).optional() }).optional(),
  }),
  HospitalBedCapacityStatus: z
    .object({ BedCapacity: Many(z.object({ BedType: Many(Text), Capacity: Many(z.object({ AvailableCount: z.number().int().optional() })) })) })
    .optional(),
  LastUpdateTime: Text,
});
const DocumentSchema = z.object({ HospitalStatus: z.object({ Hospital: Many(HospitalSchema) }) });

/**
 * Reads a HAVE 1.0 document that has passed the schema. Namespace prefixes are dropped: a sender may bind any
 * prefix to HAVE's namespace, and the schema check already held the elements to it.
 */
export function readHaveDocument(xml: string): HaveReading[] {
  const parsed: unknown = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: true, trimValues: true }).parse(xml);
  return (DocumentSchema.parse(parsed).HospitalStatus.Hospital ?? []).map((hospital) => {
    const info = hospital.Organization.OrganizationInformation;
    const name = (info.OrganisationName ?? []).flatMap((n) => n.NameElement ?? []).join(' ').trim();
    const identifier = (info.Identifiers?.Identifier ?? []).flatMap((i) => i.IdentifierElement ?? [])[0];
    const pos = hospital.Organization.OrganizationGeoLocation?.Point?.pos.trim().split(/\s+/).map(Number);
    const available: Partial<Record<HaveBedType, number>> = {};
    for (const line of hospital.HospitalBedCapacityStatus?.BedCapacity ?? []) {
      const type = HaveBedTypeSchema.safeParse(line.BedType?.[0]).data;
      const count = (line.Capacity ?? []).reduce((n, c) => n + (c.AvailableCount ?? 0), 0);
      if (type && (line.Capacity ?? []).some((c) => c.AvailableCount !== undefined)) available[type] = (available[type] ?? 0) + Math.max(0, count);
    }
    const location = pos && pos.length === 2 && pos.every(Number.isFinite) ? { lat: pos[0] ?? 0, lon: pos[1] ?? 0 } : undefined;
    return { name, identifier, location, available, lastUpdate: Date.parse(hospital.LastUpdateTime) };
  });
}

/** A neighbour's available beds in the region panel's four types (mapping in have-bed-types.ts). */
export function neighbourBedsOf(available: HaveReading['available']): NeighbourBeds {
  const beds = Object.fromEntries(neighbourBedTypes.map((t) => [t, 0])) as NeighbourBeds;
  for (const [type, count] of Object.entries(available) as [HaveBedType, number][]) {
    const to = neighbourBedTypeOf[type];
    if (to) beds[to] = Math.min(100_000, beds[to] + count);
  }
  return beds;
}

/** How close a reported location must be to a map place to be taken as that hospital (a campus is a few hundred metres). */
const SAME_PLACE_METRES = 500;

/**
 * The region map's hospital a reading is for: by our identifier (a document from another copy of this app), else
 * by name (Chinese or English, exactly), else by location within 500 m. Undefined when none fits: the map has
 * no place for it, and the import says so rather than guess.
 */
export function matchRegionHospital(reading: HaveReading, places: readonly RegionHospital[]): RegionHospital | undefined {
  const byId = places.find((p) => p.id === reading.identifier);
  if (byId) return byId;
  const name = reading.name.normalize('NFC').toLowerCase();
  const byName = places.find((p) => p.names.some((n) => n.normalize('NFC').toLowerCase() === name));
  if (byName) return byName;
  const at = reading.location;
  if (!at) return undefined;
  const near = places
    .filter((p) => p.location)
    .map((p) => ({ p, d: metres(at, p.location ?? at) }))
    .sort((a, b) => a.d - b.d)[0];
  return near && near.d <= SAME_PLACE_METRES ? near.p : undefined;
}

function metres(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}
