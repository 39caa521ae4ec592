// What other features may use of incidents; the rest of the folder is its own (eslint: feature boundaries).
export { DeclareIncidentForm } from './DeclareIncidentForm';
export { IncidentControls } from './IncidentControls';
export { IncidentList } from './IncidentList';
