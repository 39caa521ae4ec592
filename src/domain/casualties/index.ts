// What other features may use of casualties; everything else in this folder is its own.
export { casualtiesInCare } from './casualty-mutators';
export { casualtyCounts } from './casualties';
export type { Casualty } from './casualties';
export type { TriageCategory } from './triage';
export { identityJsonPaths, withoutIdentities, mayIdentify } from './identities';
export type { Enquiry } from './enquiries';
