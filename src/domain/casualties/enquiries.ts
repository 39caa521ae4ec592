import { z } from 'zod';
import { IdSchema, SpaceIdSchema, StoredEpochMsSchema } from '../ids';
import { AgeBandSchema, SexSchema, type AgeBand, type Casualty, type Sex } from './casualties';

/** How an enquiry ended: the family was told, the person is not here, or the family was sent on (another hospital, the police). */
export const EnquiryOutcomeSchema = z.enum(['informed', 'not_found', 'referred']);
export type EnquiryOutcome = z.infer<typeof EnquiryOutcomeSchema>;
export const EnquiryStatusSchema = z.enum(['open', 'matched', 'closed']);
export type EnquiryStatus = z.infer<typeof EnquiryStatusSchema>;

/** What the family says the person looks like: non-identifying, so every desk sees it and matching can use it. */
export const SoughtDescriptionSchema = z.object({
  clothing: z.string().trim().max(500).optional(),
  features: z.string().trim().max(500).optional(),
  lastSeen: z.string().trim().max(500).optional(),
});

export const EnquiryEventSchema = z.object({
  type: z.enum(['matched', 'unmatched', 'closed']),
  at: StoredEpochMsSchema,
  by: z.string(),
  casualtyId: IdSchema.optional(),
  tagNo: z.string().optional(),
  reason: z.string().optional(),
  outcome: EnquiryOutcomeSchema.optional(),
});
export type EnquiryEvent = z.infer<typeof EnquiryEventSchema>;

/**
 * A family's enquiry (kind `enquiry`; the wave-2 "Family desk"): who asks, for whom, and what became of it. The
 * enquirer's name and contact, the sought person's name and the notes are identities: the server sends them only
 * to desks whose user may see them (`patient.identify`, identities.ts), so they are optional here, absent on the
 * others. `ref` is the number everyone may say aloud ("enquiry E3F2-4").
 */
export const EnquirySchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  incidentId: IdSchema,
  ref: z.string().trim().min(1).max(30),
  enquirer: z.object({
    name: z.string().trim().max(200).optional(),
    relationship: z.string().trim().max(100),
    contact: z.string().trim().max(200).optional(),
  }),
  sought: z.object({
    name: z.string().trim().max(200).optional(),
    sex: SexSchema,
    ageBand: AgeBandSchema,
    description: SoughtDescriptionSchema,
  }),
  receivedAt: StoredEpochMsSchema,
  receivedBy: z.string(),
  status: EnquiryStatusSchema,
  outcome: EnquiryOutcomeSchema.optional(),
  referredTo: z.string().trim().max(200).optional(),
  /** The casualty the enquiry is matched to, while matched (and kept when the family was informed). */
  match: z.object({ casualtyId: IdSchema, tagNo: z.string(), at: StoredEpochMsSchema, by: z.string() }).optional(),
  /** Every match, unmatch and close with who and when, oldest first: an unmatch never erases the match it undid. */
  history: z.array(EnquiryEventSchema),
  notes: z.string().trim().max(2000).optional(),
  updatedAt: StoredEpochMsSchema,
});
export type Enquiry = z.infer<typeof EnquirySchema>;

const AGE_ORDER: readonly AgeBand[] = ['infant', 'child', 'adolescent', 'adult', 'older_adult'];

/** Unknown on either side matches anything: a family's "about 60" and a nurse's "adult" are both guesses. */
function sexFits(a: Sex, b: Sex): boolean {
  return a === 'unknown' || b === 'unknown' || a === b;
}

/** The same band or the next one: ages guessed at the door and by a worried relative are a band apart as often as not. */
function ageFits(a: AgeBand, b: AgeBand): boolean {
  if (a === 'unknown' || b === 'unknown') return true;
  return Math.abs(AGE_ORDER.indexOf(a) - AGE_ORDER.indexOf(b)) <= 1;
}

/** Words of a description: split on spaces and punctuation (both scripts); a Chinese phrase stays one term. */
export function descriptionTerms(text: string): string[] {
  return [...new Set(text.toLowerCase().split(/[\s,.;:!?，。；：、！？/()（）]+/u).filter((t) => t.length > 0))];
}

export type CandidateFilter = {
  /** Arrival window, epoch ms, inclusive; either end may be open. */
  arrivedFrom?: number | undefined;
  arrivedTo?: number | undefined;
  /** Free text matched against each casualty's alias, description and area; defaults to the enquiry's description. */
  text?: string | undefined;
};

export type Candidate = { casualty: Casualty; sexMatches: boolean; ageMatches: boolean; terms: string[] };

/**
 * Casualties that could be the person sought, best first: sex and age band must fit (unknown fits anything), the
 * arrival inside the window, then ranked by how many description terms the casualty's own description, alias or area
 * contains. A list for a person to judge: it decides nothing.
 */
export function candidateCasualties(enquiry: Pick<Enquiry, 'incidentId' | 'sought'>, casualties: readonly Casualty[], filter: CandidateFilter = {}): Candidate[] {
  const { sought } = enquiry;
  const text = filter.text ?? [sought.description.clothing, sought.description.features].filter(Boolean).join(' ');
  const terms = descriptionTerms(text);
  const candidates: Candidate[] = [];
  for (const casualty of casualties) {
    if (casualty.incidentId !== enquiry.incidentId) continue;
    if (!sexFits(sought.sex, casualty.sex) || !ageFits(sought.ageBand, casualty.ageBand)) continue;
    if (filter.arrivedFrom !== undefined && casualty.arrivedAt < filter.arrivedFrom) continue;
    if (filter.arrivedTo !== undefined && casualty.arrivedAt > filter.arrivedTo) continue;
    const haystack = [casualty.alias, casualty.description, casualty.area].filter(Boolean).join(' ').toLowerCase();
    candidates.push({
      casualty,
      sexMatches: sought.sex !== 'unknown' && sought.sex === casualty.sex,
      ageMatches: sought.ageBand !== 'unknown' && sought.ageBand === casualty.ageBand,
      terms: terms.filter((t) => haystack.includes(t)),
    });
  }
  const score = (c: Candidate) => c.terms.length * 4 + (c.sexMatches ? 1 : 0) + (c.ageMatches ? 1 : 0);
  return candidates.sort((a, b) => score(b) - score(a) || a.casualty.arrivedAt - b.casualty.arrivedAt || a.casualty.tagNo.localeCompare(b.casualty.tagNo));
}
