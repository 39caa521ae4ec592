// What other features may use of roster; everything else in this folder is its own.
export type { RosterShift, ShiftTemplate, StaffingRequirement } from './roster';
export { coverageAt } from './roster-coverage';
export type { CoverageRow } from './roster-coverage';
export { offsetMs, zonedInstant } from './roster-time';
