// What other features (and the contract, workstation and renderer) use of after-action reports.
export { AarSchema, aarId, CorrectiveActionSchema, CorrectiveActionStatusSchema, SettableActionStatusSchema, type Aar, type AarData, type AarItem, type AarTimelineEntry, type CorrectiveAction, type CorrectiveActionStatus, type DeadlineOutcome } from './aar';
export { aarDataOf, closedAt, deadlineOutcome } from './aar-data';
