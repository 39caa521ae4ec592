import type { z } from 'zod';
import { IncidentSchema } from './incidents/incident';
import { StockItemSchema, StockLevelSchema, StoreSchema } from './resources/stock';
import { BedCountSchema } from './resources/beds';
import { ResourceRequestSchema } from './resources/resource-requests';
import { AssignmentSchema } from './incidents/assignments';
import { ObjectiveSchema } from './incidents/objectives';
import { TaskSchema } from './board/tasks';
import { LogEntrySchema } from './incidents/activity-log';
import { MessageSchema } from './incidents/messages';
import { DeadlineSchema } from './incidents/reporting-deadlines';
import { StaffSchema } from './roster/staff';
import { RosterRulesSchema, RosterShiftSchema, ShiftTemplateSchema, StaffingRequirementSchema } from './roster/roster';
import { PoolEntrySchema } from './roster/labour-pool';
import { MapFeatureSchema } from './map/map-features';
import { DistrictWarningSchema, NeighbourHospitalSchema } from './map/map-region';
import { IndicatorSchema, ObservationSchema } from './warning/indicators';
import { TriggerRuleSchema } from './warning/trigger-rules';
import { AlertSchema } from './warning/alerts';
import { WarningSettingsSchema } from './warning/response-levels';
import { CasualtySchema } from './casualties/casualties';
import { EnquirySchema } from './casualties/enquiries';
import { ExerciseSchema } from './exercises/exercise';
import { InjectSchema } from './exercises/injects';
import { EvaluatorNoteSchema, HotwashNoteSchema, ObjectiveRatingSchema } from './exercises/evaluation';
import { PlanSchema, PlanVersionSchema } from './plans/plans';
import { PlanActivationSchema, PositionChecklistSchema } from './plans/activation';
import { SitRepSchema } from './reports/sitreps';
import { AarSchema, CorrectiveActionSchema } from './aar/aar';
import { DemobCheckoutSchema } from './recovery/demob';
import { RecoveryMetricSchema } from './recovery/metrics';
import { CostLineSchema } from './recovery/costs';
import { WellbeingCheckInSchema, WellbeingTallySchema } from './recovery/wellbeing';

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
  casualty: CasualtySchema, enquiry: EnquirySchema,
  exercise: ExerciseSchema, inject: InjectSchema, evaluatorNote: EvaluatorNoteSchema, objectiveRating: ObjectiveRatingSchema, hotwashNote: HotwashNoteSchema,
  plan: PlanSchema, planVersion: PlanVersionSchema, planActivation: PlanActivationSchema, positionChecklist: PositionChecklistSchema,
  sitRep: SitRepSchema,
  aar: AarSchema, correctiveAction: CorrectiveActionSchema,
  demobCheckout: DemobCheckoutSchema, recoveryMetric: RecoveryMetricSchema, costLine: CostLineSchema, wellbeingCheckIn: WellbeingCheckInSchema, wellbeingTally: WellbeingTallySchema,
} as const;

export type EntityKind = keyof typeof entitySchemas;
export type Entity<K extends EntityKind> = z.infer<(typeof entitySchemas)[K]>;
export const entityKinds = Object.keys(entitySchemas) as EntityKind[];
