import { z } from 'zod';
import { CasualtySchema, DispositionCodeSchema } from '../domain/casualties/casualties';
import { TriageCategorySchema } from '../domain/casualties/triage';
import { EnquirySchema } from '../domain/casualties/enquiries';
import { EpochMsSchema, IdSchema } from '../domain/ids';

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
  'casualty.list': {
    params: z.strictObject({ incidentId: IdSchema }),
    // `mayIdentify`: whether names are this user's to see; without it the casualties come without name and record number.
    result: z.object({ casualties: z.array(CasualtySchema), mayIdentify: z.boolean() }),
  },
  'casualty.counts': { params: z.strictObject({ incidentId: IdSchema }), result: CasualtyCountsSchema },
  /**
   * The next `count` tag numbers this desk generates for the incident: the desk's own prefix (from its client id)
   * after the highest it already holds, so two desks entering at once never make the same number.
   */
  'casualty.nextTags': {
    params: z.strictObject({ incidentId: IdSchema, count: z.number().int().min(1).max(200).default(1) }),
    result: z.object({ tagNos: z.array(z.string()) }),
  },
  /**
   * The incident's family enquiries, newest first. Without `patient.identify` they come without the enquirer's name
   * and contact, the sought person's name and the notes: number, status and description only. `nextRef`: the number
   * the next enquiry recorded on this desk takes (the desk's prefix, like tags).
   */
  'enquiry.list': {
    params: z.strictObject({ incidentId: IdSchema }),
    result: z.object({ enquiries: z.array(EnquirySchema), mayIdentify: z.boolean(), nextRef: z.string() }),
  },
  /** Casualties that could be the person an enquiry seeks, best first (domain `candidateCasualties`); the user decides. */
  'enquiry.candidates': {
    params: z.strictObject({ enquiryId: IdSchema, arrivedFrom: EpochMsSchema.optional(), arrivedTo: EpochMsSchema.optional(), text: z.string().max(500).optional() }),
    result: z.object({
      candidates: z.array(z.object({ casualty: CasualtySchema, sexMatches: z.boolean(), ageMatches: z.boolean(), terms: z.array(z.string()) })),
    }),
  },
} as const;
