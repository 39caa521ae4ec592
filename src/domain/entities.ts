import type { z } from 'zod';
import { IncidentSchema } from './incident';
import { StockItemSchema, StockLevelSchema, StoreSchema } from './stock';
import { BedCountSchema } from './beds';
import { ResourceRequestSchema } from './resource-requests';
import { AssignmentSchema } from './assignments';
import { ObjectiveSchema } from './objectives';
import { TaskSchema } from './tasks';
import { LogEntrySchema } from './activity-log';
import { MessageSchema } from './messages';
import { DeadlineSchema } from './reporting-deadlines';
import { StaffSchema } from './staff';
import { RosterRulesSchema, RosterShiftSchema, ShiftTemplateSchema, StaffingRequirementSchema } from './roster';
import { PoolEntrySchema } from './labour-pool';
import { MapFeatureSchema } from './map-features';
import { DistrictWarningSchema, NeighbourHospitalSchema } from './map-region';
import { IndicatorSchema, ObservationSchema } from './warning/indicators';
import { TriggerRuleSchema } from './warning/trigger-rules';
import { AlertSchema } from './warning/alerts';
import { WarningSettingsSchema } from './warning/response-levels';
import { CasualtySchema } from './casualties/casualties';
import { ExerciseSchema } from './exercises/exercise';
import { InjectSchema } from './exercises/injects';
import { EvaluatorNoteSchema, ObjectiveRatingSchema } from './exercises/evaluation';
import { PlanSchema, PlanVersionSchema } from './plans/plans';
import { PlanActivationSchema, PositionChecklistSchema } from './plans/activation';

/**
 * Every synced record kind and its schema. Storage is generic (kind, id, space, JSON), so a new feature adds a
 * line here and its mutators, never a table or a sync path.
 */
export const entitySchemas = {
  incident: IncidentSchema,
  stock: StockLevelSchema,
  stockItem: StockItemSchema,
  store: StoreSchema,
  bedCount: BedCountSchema,
  resourceRequest: ResourceRequestSchema,
  assignment: AssignmentSchema,
  objective: ObjectiveSchema,
  task: TaskSchema,
  logEntry: LogEntrySchema,
  message: MessageSchema,
  deadline: DeadlineSchema,
  staff: StaffSchema, rosterShift: RosterShiftSchema, staffingRequirement: StaffingRequirementSchema, rosterRules: RosterRulesSchema, shiftTemplate: ShiftTemplateSchema, poolEntry: PoolEntrySchema,
  mapFeature: MapFeatureSchema, districtWarning: DistrictWarningSchema, neighbourHospital: NeighbourHospitalSchema,
  indicator: IndicatorSchema, observation: ObservationSchema, triggerRule: TriggerRuleSchema, alert: AlertSchema, warningSettings: WarningSettingsSchema,
  casualty: CasualtySchema,
  exercise: ExerciseSchema, inject: InjectSchema, evaluatorNote: EvaluatorNoteSchema, objectiveRating: ObjectiveRatingSchema,
  plan: PlanSchema, planVersion: PlanVersionSchema, planActivation: PlanActivationSchema, positionChecklist: PositionChecklistSchema,
} as const;

export type EntityKind = keyof typeof entitySchemas;
export type Entity<K extends EntityKind> = z.infer<(typeof entitySchemas)[K]>;
export const entityKinds = Object.keys(entitySchemas) as EntityKind[];
