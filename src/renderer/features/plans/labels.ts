import type { TFunction } from 'i18next';
import type { Section } from '../../../domain/hics';
import type { TimeBand } from '../../../domain/board/job-action-sheets';
import type { CycleStatus, ExamplePlanKey, ItemState, PlanPhase, PlanVersionStatus, RevisionTrigger } from '../../../domain/plans';
import type { Role } from '../../../domain/roles';

// Written out key by key so the i18n test sees every key this feature can show (no computed keys).
type Labels<K extends string> = Record<K, (t: TFunction, options?: Record<string, string>) => string>;

export const stateLabel: Labels<ItemState> = {
  upcoming: (t, o) => t('plans.board.state.upcoming', o ?? {}),
  current: (t, o) => t('plans.board.state.current', o ?? {}),
  overdue: (t, o) => t('plans.board.state.overdue', o ?? {}),
  done: (t, o) => t('plans.board.state.done', o ?? {}),
  na: (t, o) => t('plans.board.state.na', o ?? {}),
};

export const bandLabel: Labels<TimeBand> = {
  immediate: (t, o) => t('plans.band.immediate', o ?? {}),
  intermediate: (t, o) => t('plans.band.intermediate', o ?? {}),
  extended: (t, o) => t('plans.band.extended', o ?? {}),
  demobilisation: (t, o) => t('plans.band.demobilisation', o ?? {}),
};

export const sectionLabel: Labels<Section> = {
  command: (t, o) => t('plans.section.command', o ?? {}),
  operations: (t, o) => t('plans.section.operations', o ?? {}),
  planning: (t, o) => t('plans.section.planning', o ?? {}),
  logistics: (t, o) => t('plans.section.logistics', o ?? {}),
  finance: (t, o) => t('plans.section.finance', o ?? {}),
};

export const cycleLabel: Labels<CycleStatus['state']> = {
  none: (t, o) => t('plans.cycle.none', o ?? {}),
  ok: (t, o) => t('plans.cycle.ok', o ?? {}),
  due_soon: (t, o) => t('plans.cycle.due_soon', o ?? {}),
  overdue: (t, o) => t('plans.cycle.overdue', o ?? {}),
};

export const phaseLabel: Labels<PlanPhase> = {
  reduction: (t, o) => t('plans.phase.reduction', o ?? {}),
  readiness: (t, o) => t('plans.phase.readiness', o ?? {}),
  response: (t, o) => t('plans.phase.response', o ?? {}),
  recovery: (t, o) => t('plans.phase.recovery', o ?? {}),
};

export const versionStatusLabel: Labels<PlanVersionStatus> = {
  draft: (t, o) => t('plans.versionStatus.draft', o ?? {}),
  in_review: (t, o) => t('plans.versionStatus.in_review', o ?? {}),
  approved: (t, o) => t('plans.versionStatus.approved', o ?? {}),
  superseded: (t, o) => t('plans.versionStatus.superseded', o ?? {}),
  retired: (t, o) => t('plans.versionStatus.retired', o ?? {}),
};

export const roleLabel: Labels<Role> = {
  admin: (t, o) => t('positions.admin', o ?? {}),
  incident_commander: (t, o) => t('positions.incident_commander', o ?? {}),
  operations_chief: (t, o) => t('positions.operations_chief', o ?? {}),
  planning_chief: (t, o) => t('positions.planning_chief', o ?? {}),
  logistics_chief: (t, o) => t('positions.logistics_chief', o ?? {}),
  finance_chief: (t, o) => t('positions.finance_chief', o ?? {}),
  operator: (t, o) => t('positions.operator', o ?? {}),
  viewer: (t, o) => t('positions.viewer', o ?? {}),
  exercise_facilitator: (t, o) => t('positions.exercise_facilitator', o ?? {}),
  patient_family_assistance: (t, o) => t('positions.patient_family_assistance', o ?? {}),
  wellbeing_lead: (t, o) => t('positions.wellbeing_lead', o ?? {}),
};

export const triggerLabel: Labels<RevisionTrigger> = {
  law_or_standard_changed: (t, o) => t('plans.triggers.law_or_standard_changed', o ?? {}),
  command_structure_changed: (t, o) => t('plans.triggers.command_structure_changed', o ?? {}),
  risk_changed: (t, o) => t('plans.triggers.risk_changed', o ?? {}),
  resources_changed: (t, o) => t('plans.triggers.resources_changed', o ?? {}),
  key_information_changed: (t, o) => t('plans.triggers.key_information_changed', o ?? {}),
  lessons_from_response_or_exercise: (t, o) => t('plans.triggers.lessons_from_response_or_exercise', o ?? {}),
};

export const exampleLabel: Labels<ExamplePlanKey> = {
  mass_casualty: (t, o) => t('plans.examples.mass_casualty', o ?? {}),
  respiratory_infection: (t, o) => t('plans.examples.respiratory_infection', o ?? {}),
};

export const exerciseKindLabel: Labels<'tabletop' | 'drill' | 'functional' | 'full_scale' | 'real_activation'> = {
  tabletop: (t, o) => t('plans.upkeep.kinds.tabletop', o ?? {}),
  drill: (t, o) => t('plans.upkeep.kinds.drill', o ?? {}),
  functional: (t, o) => t('plans.upkeep.kinds.functional', o ?? {}),
  full_scale: (t, o) => t('plans.upkeep.kinds.full_scale', o ?? {}),
  real_activation: (t, o) => t('plans.upkeep.kinds.real_activation', o ?? {}),
};
