import type { TFunction } from 'i18next';
import type { ReadinessNote, ReadinessNoteCode, ReadinessPartKey } from '../../../domain/plans';
import { exerciseKindLabel } from './labels';
import { positionLabel } from './positions';

type Options = Record<string, string | number>;
// Written out key by key so the i18n test sees every key this view can show (no computed keys).
type Labels<K extends string> = Record<K, (t: TFunction, options?: Options) => string>;

export const partLabel: Labels<ReadinessPartKey> = {
  currency: (t) => t('plans.readiness.parts.currency'),
  exercise: (t) => t('plans.readiness.parts.exercise'),
  training: (t) => t('plans.readiness.parts.training'),
  reserves: (t) => t('plans.readiness.parts.reserves'),
};

export const partAction: Labels<ReadinessPartKey> = {
  currency: (t) => t('plans.readiness.actions.currency'),
  exercise: (t) => t('plans.readiness.actions.exercise'),
  training: (t) => t('plans.readiness.actions.training'),
  reserves: (t) => t('plans.readiness.actions.reserves'),
};

const noteLabel: Labels<ReadinessNoteCode> = {
  no_approved_version: (t, o) => t('plans.readiness.notes.no_approved_version', o ?? {}),
  version_in_review: (t, o) => t('plans.readiness.notes.version_in_review', o ?? {}),
  version_draft: (t, o) => t('plans.readiness.notes.version_draft', o ?? {}),
  review_ok: (t, o) => t('plans.readiness.notes.review_ok', o ?? {}),
  review_due_soon: (t, o) => t('plans.readiness.notes.review_due_soon', o ?? {}),
  review_overdue: (t, o) => t('plans.readiness.notes.review_overdue', o ?? {}),
  revision_needed: (t, o) => t('plans.readiness.notes.revision_needed', o ?? {}),
  open_actions: (t, o) => t('plans.readiness.notes.open_actions', o ?? {}),
  never_exercised: (t, o) => t('plans.readiness.notes.never_exercised', o ?? {}),
  real_activation: (t, o) => t('plans.readiness.notes.real_activation', o ?? {}),
  last_exercise: (t, o) => t('plans.readiness.notes.last_exercise', o ?? {}),
  exercise_ok: (t, o) => t('plans.readiness.notes.exercise_ok', o ?? {}),
  exercise_due_soon: (t, o) => t('plans.readiness.notes.exercise_due_soon', o ?? {}),
  exercise_overdue: (t, o) => t('plans.readiness.notes.exercise_overdue', o ?? {}),
  ratings: (t, o) => t('plans.readiness.notes.ratings', o ?? {}),
  no_version: (t, o) => t('plans.readiness.notes.no_version', o ?? {}),
  no_key_positions: (t, o) => t('plans.readiness.notes.no_key_positions', o ?? {}),
  position: (t, o) => t('plans.readiness.notes.position', o ?? {}),
  position_expiring: (t, o) => t('plans.readiness.notes.position_expiring', o ?? {}),
  positions_short: (t, o) => t('plans.readiness.notes.positions_short', o ?? {}),
  training_expiring: (t, o) => t('plans.readiness.notes.training_expiring', o ?? {}),
  positions_covered: (t, o) => t('plans.readiness.notes.positions_covered', o ?? {}),
  no_quotas: (t, o) => t('plans.readiness.notes.no_quotas', o ?? {}),
  reserves_short: (t, o) => t('plans.readiness.notes.reserves_short', o ?? {}),
  reserves_full: (t, o) => t('plans.readiness.notes.reserves_full', o ?? {}),
  reserve_yellow: (t, o) => t('plans.readiness.notes.reserve_yellow', o ?? {}),
  reserve_red: (t, o) => t('plans.readiness.notes.reserve_red', o ?? {}),
};

const exerciseKinds = ['tabletop', 'drill', 'functional', 'full_scale', 'real_activation'] as const;

/** A finding as a sentence: position ids and exercise kinds named in the UI language, figures as they are. */
export function noteText(note: ReadinessNote, t: TFunction, language: string): string {
  const values: Options = { ...note.values };
  if (typeof values.position === 'string') values.position = positionLabel(values.position, language);
  const kind = exerciseKinds.find((k) => k === values.kind);
  if (kind) values.kind = exerciseKindLabel[kind](t);
  return noteLabel[note.code](t, values);
}

/** Green from 80, amber from 50, red below: the same bands as the reserve colours, read as a share of full marks. */
export function scoreBand(score: number): 'good' | 'fair' | 'poor' {
  return score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor';
}
