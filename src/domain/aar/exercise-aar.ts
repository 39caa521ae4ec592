import { z } from 'zod';
import { derivedId, IdSchema, StoredEpochMsSchema } from '../ids';
import { ExerciseTypeSchema, injectResponses, PerformanceRatingSchema, type EvaluatorNote, type Exercise, type HotwashNote, type Inject, type ObjectiveRating } from '../exercises';
import type { AarData, AarItem } from './aar';

const ms = z.number().min(0);

/**
 * The exercise's own sections of its AAR/IP (HSEEP): the overview, each objective with its evaluation guide and
 * the evaluators' ratings, every delivered inject with the players' times to acknowledge and act, the evaluators'
 * timestamped notes and the hot wash. Counted from the exercise's records by the mutator, like an incident's data.
 */
export const ExerciseAarSchema = z.object({
  exerciseId: IdSchema,
  name: z.string(),
  type: ExerciseTypeSchema,
  date: z.string().optional(),
  hazard: z.string(),
  startedAt: StoredEpochMsSchema.optional(),
  endedAt: StoredEpochMsSchema.optional(),
  participants: z.object({ player: z.number().int(), controller: z.number().int(), evaluator: z.number().int(), observer: z.number().int() }),
  objectives: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      capability: z.string(),
      criticalTasks: z.array(z.string()),
      ratings: z.array(z.object({ rating: PerformanceRatingSchema, rationale: z.string(), by: z.string(), at: StoredEpochMsSchema })),
    }),
  ),
  injects: z.array(
    z.object({
      number: z.number().int(),
      subject: z.string(),
      to: z.string(),
      deliveredAt: StoredEpochMsSchema,
      deliveredAtExercise: ms,
      acknowledgeMs: ms.optional(),
      actionMs: ms.optional(),
      actedOnNote: z.string().optional(),
    }),
  ),
  /** MSEL injects never delivered (skipped, or still pending when play ended). */
  undelivered: z.number().int().min(0),
  notes: z.array(
    z.object({
      at: StoredEpochMsSchema,
      exerciseAt: ms,
      kind: z.enum(['strength', 'improvement', 'note']),
      text: z.string(),
      by: z.string(),
      objectiveId: z.string().optional(),
      injectNumber: z.number().int().optional(),
      position: z.string().optional(),
    }),
  ),
  hotwash: z.array(z.object({ kind: z.enum(['strength', 'improvement']), text: z.string(), by: z.string(), at: StoredEpochMsSchema })),
});
export type ExerciseAar = z.infer<typeof ExerciseAarSchema>;

export type ExerciseAarSources = {
  exercise: Exercise;
  injects: readonly Inject[];
  notes: readonly EvaluatorNote[];
  ratings: readonly ObjectiveRating[];
  hotwash: readonly HotwashNote[];
};

const byTime = <T extends { at: number }>(a: T, b: T) => a.at - b.at;

/** The exercise's sections from its records (any other exercise's rows passed in are ignored). */
export function exerciseAarOf(sources: ExerciseAarSources): ExerciseAar {
  const { exercise } = sources;
  const mine = <T extends { exerciseId: string }>(rows: readonly T[]): T[] => rows.filter((r) => r.exerciseId === exercise.id);
  const injects = mine(sources.injects);
  const ratings = mine(sources.ratings);
  const count = (role: Exercise['participants'][number]['role']) => exercise.participants.filter((p) => p.role === role).length;
  return {
    exerciseId: exercise.id,
    name: exercise.name,
    type: exercise.type,
    ...(exercise.date ? { date: exercise.date } : {}),
    hazard: exercise.hazard,
    ...(exercise.startedAt !== undefined ? { startedAt: exercise.startedAt } : {}),
    ...(exercise.endedAt !== undefined ? { endedAt: exercise.endedAt } : {}),
    participants: { player: count('player'), controller: count('controller'), evaluator: count('evaluator'), observer: count('observer') },
    objectives: exercise.objectives.map((o) => ({
      id: o.id,
      text: o.text,
      capability: o.capability,
      criticalTasks: o.criticalTasks ?? [],
      ratings: ratings.filter((r) => r.objectiveId === o.id).sort(byTime).map((r) => ({ rating: r.rating, rationale: r.rationale, by: r.by, at: r.at })),
    })),
    injects: injectResponses(injects).map(({ actedOnBy: _by, ...rest }) => rest),
    undelivered: injects.filter((i) => i.status !== 'delivered').length,
    notes: mine(sources.notes).sort(byTime).map(({ id: _id, space: _space, exerciseId: _e, ...note }) => note),
    hotwash: mine(sources.hotwash).sort(byTime).map((h) => ({ kind: h.kind, text: h.text, by: h.by, at: h.at })),
  };
}

/**
 * An exercise's AAR has no incident figures of its own to count: play happens in the MSEL and the inbox. Its
 * data sections are empty, closed at the end of play, so the report's shape stays the one every desk reads.
 */
export function emptyAarData(asOf: number, closedAt: number): AarData {
  return {
    asOf,
    closedAt,
    timeline: [],
    timelineOmitted: 0,
    casualties: {
      total: 0,
      byCategory: { immediate: 0, delayed: 0, minor: 0, expectant: 0, dead: 0 },
      byDisposition: { in_care: 0, discharged: 0, admitted: 0, surgery: 0, transferred: 0, morgue: 0 },
    },
    resources: { requests: { total: 0, pending: 0, approved: 0, rejected: 0, partially_filled: 0, filled: 0 }, issued: [] },
    openTasks: [],
    deadlines: [],
  };
}

/**
 * The first draft's strengths and areas for improvement: what participants said at the hot wash and what the
 * evaluators noted as such, each once (its id derived from the note, so two desks drafting agree), for the writers
 * to merge and reword.
 */
export function draftItems(space: string, sources: Pick<ExerciseAarSources, 'notes' | 'hotwash'> & { exerciseId: string }): { strengths: AarItem[]; improvements: AarItem[] } {
  const said = [
    ...sources.hotwash.filter((h) => h.exerciseId === sources.exerciseId),
    ...sources.notes.filter((n) => n.exerciseId === sources.exerciseId),
  ].sort(byTime);
  const item = (n: { id: string; text: string; by: string; at: number }): AarItem => ({ id: derivedId(space, 'aar-item', n.id), text: n.text.slice(0, 2000), by: n.by, at: n.at });
  return {
    strengths: said.filter((n) => n.kind === 'strength').slice(0, 100).map(item),
    improvements: said.filter((n) => n.kind === 'improvement').slice(0, 100).map(item),
  };
}
