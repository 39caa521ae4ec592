import { z } from 'zod';
import type { Casualty } from '../casualties';
import { bedSummary, type BedCount } from '../resources';
import { StoredEpochMsSchema, SpaceIdSchema } from '../ids';
import type { Incident } from '../incidents';
import type { PoolEntry, RosterShift, ShiftTemplate, Staff, StaffingRequirement } from '../roster';
import { coverageAt, pooledOnDuty, type CoverageRow } from '../roster';
import { SpaceNameSchema, type Space } from '../spaces';
import type { StockItem, StockLevel } from '../resources';
import { stockRows, type StockRow } from '../resources';
import { HaveBedTypeSchema, haveBedTypeOf } from './have-bed-types';

const Count = z.number().int().nonnegative();
const Adequacy = z.enum(['Adequate', 'Insufficient']);

export const GeoPointSchema = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });
export type GeoPoint = z.infer<typeof GeoPointSchema>;

/**
 * What a hospital's EDXL-HAVE 1.0 status says, in HAVE's own vocabulary: the part of the document the app's
 * data can fill (what it cannot is listed in the README, "EDXL exchange"). A field left out is unknown, not
 * zero: HAVE readers treat a missing element as "not reported".
 */
export const HaveReportSchema = z.object({
  hospital: z.object({ id: SpaceIdSchema, name: SpaceNameSchema, location: GeoPointSchema.optional() }),
  beds: z.array(z.object({ type: HaveBedTypeSchema, available: Count, baseline: Count, additional24Hr: Count })),
  emergencyDepartment: z.object({ traffic: z.enum(['Normal', 'Advisory']), reason: z.string().optional() }).optional(),
  /** EMSCensus: the open incidents' casualties the hospital has now, by HAVE's four triage colours. */
  census: z.object({ red: Count, yellow: Count, green: Count, black: Count }).optional(),
  facility: z.object({ eocActive: z.boolean(), clinical: z.enum(['Normal', 'Full']).optional() }),
  resources: z.object({ staffing: Adequacy.optional(), clinicalOperations: Adequacy.optional(), notes: z.array(z.string()) }),
  lastUpdate: StoredEpochMsSchema,
});
export type HaveReport = z.infer<typeof HaveReportSchema>;

export type HaveSources = {
  space: Space;
  location?: GeoPoint | undefined;
  beds: readonly BedCount[];
  incidents: readonly Incident[];
  /** Stock holdings with their three-colour status (stockRows). */
  stock: readonly StockRow[];
  /** Minimum-staffing coverage now (coverageAt); empty when no minimums are set. */
  coverage: readonly CoverageRow[];
  /** Casualty records of the open incidents; the census is left out (unknown) when there are none. */
  casualties?: readonly Casualty[] | undefined;
  at: number;
  /**
   * LastUpdateTime when no bed line or incident has been written yet (the schema requires one). The server
   * passes when the space was made, so a quiet hospital's document, and its ETag, stay the same between polls.
   */
  quietSince?: number | undefined;
};

/** At most this many critical holdings are named in the document: the text is for a person at the county. */
const MAX_STOCK_NOTES = 20;

export type TriageCensus = NonNullable<HaveReport['census']>;

/**
 * The patients of the open incidents the hospital has now, in HAVE 1.0's default triage colours. Discharged and
 * transferred casualties have left; the deceased (triaged dead or sent to the morgue) are Black. HAVE's list has no
 * grey: an expectant patient is alive and in the hospital's care, so they count with Red, the colour a county
 * planning transfers must not under-count.
 */
export function triageCensus(casualties: readonly Casualty[]): TriageCensus {
  const census: TriageCensus = { red: 0, yellow: 0, green: 0, black: 0 };
  for (const c of casualties) {
    const code = c.disposition?.code;
    if (code === 'discharged' || code === 'transferred') continue;
    if (code === 'morgue' || c.triage.category === 'dead') census.black += 1;
    else if (c.triage.category === 'delayed') census.yellow += 1;
    else if (c.triage.category === 'minor') census.green += 1;
    else census.red += 1;
  }
  return census;
}

/** Gathers the HAVE report from the records of one space: the same on a desk and on the server. */
export function haveReport(sources: HaveSources): HaveReport {
  const lines = bedSummary(sources.beds).filter((line) => line.units > 0);
  const ed = lines.find((line) => line.type === 'emergency_department');
  const staffed = lines.reduce((n, l) => n + l.staffed, 0);
  const available = lines.reduce((n, l) => n + l.available, 0);
  const current = sources.coverage.filter((row) => row.phase === 'current');
  const red = sources.stock.filter((row) => row.status === 'red');
  const times = [...sources.beds.map((b) => b.updatedAt), ...sources.incidents.map((i) => i.updatedAt), ...(sources.casualties ?? []).map((c) => c.updatedAt)];
  return {
    hospital: { id: sources.space.id, name: sources.space.name, ...(sources.location ? { location: sources.location } : {}) },
    beds: lines.map((line) => ({ type: haveBedTypeOf[line.type], available: line.available, baseline: line.staffed, additional24Hr: line.surge })),
    ...(sources.casualties && sources.casualties.length > 0 ? { census: triageCensus(sources.casualties) } : {}),
    ...(ed ? { emergencyDepartment: ed.available > 0 ? { traffic: 'Normal' as const } : { traffic: 'Advisory' as const, reason: 'No staffed emergency department bed is free' } } : {}),
    facility: {
      // An open incident is what activates the hospital command centre (HICS) and its emergency plan.
      eocActive: sources.incidents.some((i) => i.status !== 'closed'),
      ...(staffed > 0 ? { clinical: available === 0 ? ('Full' as const) : ('Normal' as const) } : {}),
    },
    resources: {
      ...(current.length > 0 ? { staffing: current.some((row) => row.gap > 0) ? ('Insufficient' as const) : ('Adequate' as const) } : {}),
      ...(sources.stock.length > 0 ? { clinicalOperations: red.length > 0 ? ('Insufficient' as const) : ('Adequate' as const) } : {}),
      notes: [
        ...current.filter((row) => row.gap > 0).map((row) => `Staffing below minimum: ${row.unit} ${row.role}, ${row.rostered + row.pooled} of ${row.required} on duty`),
        ...red.slice(0, MAX_STOCK_NOTES).map((row) => `Stock critical: ${row.item} at ${row.store}, ${row.qty} on hand`),
      ],
    },
    lastUpdate: times.length > 0 ? Math.max(...times) : (sources.quietSince ?? sources.at),
  };
}

/** The records of one space a HAVE report reads, as each store lists them. */
export type HaveRecords = {
  bedCount: readonly BedCount[];
  incident: readonly Incident[];
  stock: readonly StockLevel[];
  stockItem: readonly StockItem[];
  staffingRequirement: readonly StaffingRequirement[];
  rosterShift: readonly RosterShift[];
  shiftTemplate: readonly ShiftTemplate[];
  /** Labour pool check-ins and the directory that places them: they are on duty, as on the wall (pooledOnDuty). */
  poolEntry: readonly PoolEntry[];
  staff: readonly Staff[];
  casualty: readonly Casualty[];
};
export const haveRecordKinds = ['bedCount', 'incident', 'stock', 'stockItem', 'staffingRequirement', 'rosterShift', 'shiftTemplate', 'poolEntry', 'staff', 'casualty'] as const satisfies readonly (keyof HaveRecords)[];

/** Burn rates over the same week the resources screen uses by default, so the colours agree with it. */
const STOCK_WINDOW_DAYS = 7;

export function haveReportOf(space: Space, records: HaveRecords, at: number, timeZone: string, location?: GeoPoint, quietSince?: number): HaveReport {
  const openIncidents = new Set(records.incident.filter((i) => i.status !== 'closed').map((i) => i.id));
  return haveReport({
    quietSince,
    space,
    location,
    beds: records.bedCount,
    incidents: records.incident,
    stock: stockRows(records.stock, records.stockItem, at, STOCK_WINDOW_DAYS),
    coverage: coverageAt(at, timeZone, records.staffingRequirement, records.rosterShift, records.shiftTemplate, pooledOnDuty(at, records.poolEntry, records.staff, openIncidents)),
    casualties: records.casualty.filter((c) => openIncidents.has(c.incidentId)),
    at,
  });
}
