// What other features (and the contract, workstation and renderer) use of recovery.
export { checkoutId, checkoutItems, checkoutProgress, CheckoutItemSchema, DemobCheckoutSchema, isCheckedOut, personKey, type CheckoutItem, type DemobCheckout } from './demob';
export { costCsv, costTotals, CostCategorySchema, CostLineSchema, type CostCategory, type CostLine } from './costs';
export { availableBeds, computedKinds, metricCurrent, MetricKindSchema, MetricStatusSchema, RecoveryMetricSchema, stockAtParPercent, targetMet, type MetricKind, type MetricStatus, type RecoveryMetric } from './metrics';
export { awaitsFollowUp, callsForFollowUp, confidentialWellbeingKinds, mayReadWellbeing, mayReceive, MIN_GROUP, StressZoneSchema, stressZones, tallyId, unitAggregates, WellbeingCheckInSchema, WellbeingNeedSchema, WellbeingTallySchema, ZoneCountsSchema, type StressZone, type UnitAggregate, type WellbeingCheckIn, type WellbeingNeed, type WellbeingTally, type ZoneCounts } from './wellbeing';
