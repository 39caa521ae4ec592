// What other features may use of incidents; everything else in this folder is its own.
export type { LogEntry } from './activity-log';
export { isActiveIn, PersonSchema } from './assignments';
export type { Assignment } from './assignments';
export { IncidentEventSchema, IncidentNameSchema, IncidentStatusSchema, IncidentTypeSchema, incidentHistory, ResponseLevelSchema } from './incident';
export type { Incident, ResponseLevel } from './incident';
export { declareIncident } from './incident-mutators';
export type { Message } from './messages';
export type { Objective } from './objectives';
export { closeDeadline } from './deadline-mutators';
export { incidentDeadlines, statutoryDeadline, STATUTORY_RECIPIENT, STATUTORY_TITLE } from './reporting-deadlines';
export type { Deadline } from './reporting-deadlines';
