// What other features may use of roster; everything else in this folder is its own.
export type { RosterShift, ShiftTemplate, StaffingRequirement } from './roster';
export type { PoolEntry } from './labour-pool';
export { hoursWorked } from './labour-pool';
export type { Profession, Staff } from './staff';
export { coverageAt, pooledOnDuty } from './roster-coverage';
export type { CoverageRow } from './roster-coverage';
export { offsetMs, zonedInstant } from './roster-time';
