import { z } from 'zod';
import massCasualty from '../../../resources/plans/mass-casualty.json';
import respiratoryInfection from '../../../resources/plans/respiratory-infection.json';
import { PlanDocumentSchema, type PlanDocument } from './plan-content';

export const ExamplePlanKeySchema = z.enum(['mass_casualty', 'respiratory_infection']);
export type ExamplePlanKey = z.infer<typeof ExamplePlanKeySchema>;

/**
 * The example plans shipped with the app, embedded rather than read from disk: the domain does no I/O, and
 * `plan.loadExample` must create the same plan on the workstation and on the server. Parsed at load, so a
 * broken edit of the JSON fails at start-up and in tests.
 */
export const examplePlans: Readonly<Record<ExamplePlanKey, PlanDocument>> = {
  mass_casualty: PlanDocumentSchema.parse(massCasualty),
  respiratory_infection: PlanDocumentSchema.parse(respiratoryInfection),
};

export function examplePlan(key: ExamplePlanKey): PlanDocument {
  return examplePlans[key];
}
