// What other features (the board, the plans page) may use of after-action reports; the rest of the folder is its own.
export { AarPanel } from './AarPanel';
export { PlanCorrectiveActions } from './PlanCorrectiveActions';
export { ExerciseAarPanel } from './ExerciseAarPanel';
export { ObjectiveVerifies } from './ObjectiveVerifies';
