import { z } from 'zod';
import { derivedId, IdSchema, SpaceIdSchema, StoredEpochMsSchema } from '../ids';
import { can, type Actor } from '../roles';

/**
 * Stress First Aid's continuum (US National Center for PTSD, adapted for health care): green thriving, yellow
 * reacting, orange persistent distress ("most at risk and least likely to ask for help"), red needs professional care.
 */
export const StressZoneSchema = z.enum(['green', 'yellow', 'orange', 'red']);
export type StressZone = z.infer<typeof StressZoneSchema>;
export const stressZones = StressZoneSchema.options;

export const WellbeingNeedSchema = z.enum(['rest', 'food', 'transport', 'childcare', 'talk']);
export type WellbeingNeed = z.infer<typeof WellbeingNeedSchema>;

/**
 * One person's check-in (kind `wellbeingCheckIn`), by themselves or a peer. Confidential: only `wellbeing.read`
 * (the wellbeing lead) sees one; the server's pull leaves the kind out for everyone else (`mayReceive`), so no other
 * desk, wall or export holds one. Command sees the incident's tally (below) instead.
 */
export const WellbeingCheckInSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  incidentId: IdSchema,
  person: z.string().trim().min(1, { message: 'must not be empty' }).max(200),
  unit: z.string().trim().min(1, { message: 'must not be empty' }).max(100),
  zone: StressZoneSchema,
  reportedBy: z.enum(['self', 'peer']),
  needs: z.array(WellbeingNeedSchema).max(5).default([]),
  wantsContact: z.boolean().default(false),
  at: StoredEpochMsSchema,
  recordedBy: z.string(),
  /** The wellbeing lead's follow-up of a check-in that called for one (`needsFollowUp`): when, by whom, what was done. */
  followUp: z.object({ at: StoredEpochMsSchema, by: z.string(), note: z.string() }).optional(),
});
export type WellbeingCheckIn = z.infer<typeof WellbeingCheckInSchema>;

/**
 * Stress First Aid: orange (injured) and red (ill) call for a follow-up by someone trained (the wellbeing lead), as
 * does anyone who asked to be contacted, whatever their colour; until it is recorded the check-in is awaiting.
 */
export function callsForFollowUp(checkIn: Pick<WellbeingCheckIn, 'zone' | 'wantsContact'>): boolean {
  return checkIn.zone === 'orange' || checkIn.zone === 'red' || checkIn.wantsContact;
}

export function awaitsFollowUp(checkIn: Pick<WellbeingCheckIn, 'zone' | 'wantsContact' | 'followUp'>): boolean {
  return callsForFollowUp(checkIn) && !checkIn.followUp;
}

const count = z.number().int().min(0);
export const ZoneCountsSchema = z.object({ green: count, yellow: count, orange: count, red: count });
export type ZoneCounts = z.infer<typeof ZoneCountsSchema>;

/**
 * The incident's people by the zone of their latest check-in, per unit (kind `wellbeingTally`, one per incident):
 * what every desk receives. Kept by the check-in mutator, so the server, which holds every check-in, keeps it right.
 */
export const WellbeingTallySchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  incidentId: IdSchema,
  units: z.record(z.string(), ZoneCountsSchema),
  /**
   * Check-ins awaiting the lead's follow-up: a count without unit or name, so command can see whether the lead is
   * keeping up (absent on tallies kept before it was counted).
   */
  awaitingFollowUp: z.number().int().min(0).optional(),
  updatedAt: StoredEpochMsSchema,
});
export type WellbeingTally = z.infer<typeof WellbeingTallySchema>;

export function tallyId(space: string, incidentId: string): string {
  return derivedId(space, 'wellbeingTally', incidentId);
}

export function mayReadWellbeing(actor: Actor): boolean {
  return can(actor, 'wellbeing.read');
}

/** Kinds whose rows only `wellbeing.read` receives, for the server's pull and a shared desk's switch of user. */
export const confidentialWellbeingKinds = ['wellbeingCheckIn'] as const;

/** Whether a pulled row of this kind may reach this user's desk at all. */
export function mayReceive(kind: string, actor: Actor): boolean {
  return !(confidentialWellbeingKinds as readonly string[]).includes(kind) || mayReadWellbeing(actor);
}

/** A tally with one person moved into a zone, out of the zone of their previous latest check-in (if any). */
export function tallied(units: WellbeingTally['units'], next: { unit: string; zone: StressZone }, previous?: { unit: string; zone: StressZone }): WellbeingTally['units'] {
  const result: Record<string, ZoneCounts> = Object.fromEntries(Object.entries(units).map(([unit, c]) => [unit, { ...c }]));
  const zero = (): ZoneCounts => ({ green: 0, yellow: 0, orange: 0, red: 0 });
  if (previous) {
    const before = result[previous.unit];
    if (before) before[previous.zone] = Math.max(0, before[previous.zone] - 1);
  }
  const into = result[next.unit] ?? zero();
  into[next.zone] += 1;
  result[next.unit] = into;
  return result;
}

/**
 * Fewer people than this in a group and its colours are not shown to command: with two or three, knowing who
 * checked in tells whose colour it is (the wave-2 reference's minimum group of 5).
 */
export const MIN_GROUP = 5;

export type UnitAggregate = { unit: string | null; people: number; zones: ZoneCounts | null };

const sumOf = (counts: readonly ZoneCounts[]): ZoneCounts => counts.reduce((s, c) => ({ green: s.green + c.green, yellow: s.yellow + c.yellow, orange: s.orange + c.orange, red: s.red + c.red }), { green: 0, yellow: 0, orange: 0, red: 0 });
const peopleIn = (c: ZoneCounts) => c.green + c.yellow + c.orange + c.red;

/**
 * What command sees: each unit of at least MIN_GROUP people with its colours; the smaller units pooled in one line
 * (`unit` null), whose colours show only if the pool itself reaches MIN_GROUP; and the whole incident, likewise.
 */
export function unitAggregates(units: WellbeingTally['units']): { units: UnitAggregate[]; total: UnitAggregate } {
  const rows = Object.entries(units).map(([unit, zones]) => ({ unit, zones, people: peopleIn(zones) })).filter((r) => r.people > 0).sort((a, b) => a.unit.localeCompare(b.unit));
  const shown = rows.filter((r) => r.people >= MIN_GROUP);
  const small = rows.filter((r) => r.people < MIN_GROUP);
  const pool = sumOf(small.map((r) => r.zones));
  const all = sumOf(rows.map((r) => r.zones));
  const guarded = (unit: string | null, zones: ZoneCounts): UnitAggregate => ({ unit, people: peopleIn(zones), zones: peopleIn(zones) >= MIN_GROUP ? zones : null });
  const poolHidden = small.length > 0 && peopleIn(pool) < MIN_GROUP;
  // The whole incident less the units shown would be the hidden pool's colours: withheld with it.
  const total = guarded(null, all);
  return {
    units: [...shown.map((r) => guarded(r.unit, r.zones)), ...(small.length > 0 ? [guarded(null, pool)] : [])],
    total: poolHidden ? { ...total, zones: null } : total,
  };
}
