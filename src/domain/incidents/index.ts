// What other features may use of incidents; everything else in this folder is its own.
export { PersonSchema } from './assignments';
export { IncidentNameSchema, IncidentTypeSchema, ResponseLevelSchema } from './incident';
export type { Incident, ResponseLevel } from './incident';
export { declareIncident, openIncident, requirePermission } from './incident-mutators';
export { isActiveIn } from './assignments';
export { incidentHistory } from './incident';
export { TimeBandSchema } from './job-action-sheets';
export type { TimeBand } from './job-action-sheets';
