// What other features (the after-action report, the contract, workstation and renderer) use of exercises.
export { ExerciseSchema, ExerciseTypeSchema, exerciseOver, formatExerciseTime, type Exercise, type ExerciseRole } from './exercise';
export { EvaluatorNoteSchema, HotwashNoteSchema, ObjectiveRatingSchema, PerformanceRatingSchema, formatDuration, injectResponses, type EvaluatorNote, type HotwashNote, type InjectResponse, type ObjectiveRating } from './evaluation';
export type { Inject } from './injects';
export { scenarioKinds, scenarioView, seesScenario, withheldView } from './scenario-visibility';
