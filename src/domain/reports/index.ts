// What other features may use of reports; everything else in this folder is its own.
export type { SitRep } from './sitreps';
export { documentText, type PrintBlock, type PrintDocument } from './print-document';
export { formatTime, outcomeWords, triageWords, type Lang } from './print-labels';
export { checkOutPeople, type CheckOutPerson } from './hics-221';
