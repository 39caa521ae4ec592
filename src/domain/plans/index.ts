// What other features (and the contract, workstation and renderer) use of emergency plans.
export { PlanSchema, PlanVersionSchema, revisionTriggers, versionLabel, type Plan, type PlanVersion, type PlanVersionStatus, type RevisionTrigger } from './plans';
export { PlanActivationSchema, PositionChecklistSchema, type PlanActivation, type PositionChecklist } from './activation';
export { planPhases, SectionKeySchema, type PlanContent, type PlanPhase, type PlanText, type ChecklistItemTemplate, type SectionKey } from './plan-content';
export { exerciseStatus, reviewStatus, type CycleStatus } from './review-cycle';
export { checklistRows, progressOf, rollUp, type ChecklistRow, type ItemState, type Progress } from './checklist-items';
export { examplePlans, ExamplePlanKeySchema, type ExamplePlanKey } from './example-plans';
export { levelRank, suggestedLevel } from './activation-criteria';
export { planReadiness, rankReadiness, trainingCode, PlanReadinessSchema, ReadinessPartKeySchema, type PlanReadiness, type ReadinessNote, type ReadinessNoteCode, type ReadinessPart, type ReadinessPartKey } from './readiness';
