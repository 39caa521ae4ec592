// What other features may use of incidents; everything else in this folder is its own.
export { PersonSchema } from './assignments';
export { IncidentNameSchema, IncidentTypeSchema, ResponseLevelSchema } from './incident';
export type { Incident, ResponseLevel } from './incident';
export { declareIncident, openIncident, requirePermission } from './incident-mutators';
