import { z } from 'zod';
import { CasualtySchema, DispositionCodeSchema } from '../domain/casualties/casualties';
import { TriageCategorySchema } from '../domain/casualties/triage';
import { IdSchema } from '../domain/ids';

/**
 * What the board header and the wall show of an incident's casualties: counts and tag numbers, never a name or a
 * record number. A separate read rather than a view of `casualty.list`, so names never reach a wall at all.
 */
export const CasualtyCountsSchema = z.object({
  total: z.number().int(),
  // Every key present (zod's record over an enum is exhaustive): a count of none is 0, not missing.
  byCategory: z.record(TriageCategorySchema, z.number().int()),
  byDisposition: z.record(z.enum(['in_care', ...DispositionCodeSchema.options]), z.number().int()),
  /** The latest arrivals, newest first: tag and current category only. */
  recent: z.array(z.object({ tagNo: z.string(), category: TriageCategorySchema, arrivedAt: z.number() })),
});
export type CasualtyCountsView = z.infer<typeof CasualtyCountsSchema>;

/** How many of the latest arrivals the counts read names by tag. */
export const RECENT_TAGS = 8;

/** The casualty feature's read methods (HICS 254/255), spread into the workstation API (src/contract/api.ts). */
export const casualtyApi = {
  /** Every casualty of the incident, in order of arrival (then tag), with re-triage history. */
  'casualty.list': { params: z.strictObject({ incidentId: IdSchema }), result: z.object({ casualties: z.array(CasualtySchema) }) },
  'casualty.counts': { params: z.strictObject({ incidentId: IdSchema }), result: CasualtyCountsSchema },
  /**
   * The next `count` tag numbers this desk generates for the incident: the desk's own prefix (from its client id)
   * after the highest it already holds, so two desks entering at once never make the same number.
   */
  'casualty.nextTags': {
    params: z.strictObject({ incidentId: IdSchema, count: z.number().int().min(1).max(200).default(1) }),
    result: z.object({ tagNos: z.array(z.string()) }),
  },
} as const;
