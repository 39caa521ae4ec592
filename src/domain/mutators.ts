import type { z } from 'zod';
import { incidentMutators } from './incidents/incident-mutators';
import { stockMutators } from './resources/stock-mutators';
import { stockImportMutators } from './resources/stock-import-mutators';
import { reserveMutators } from './resources/reserve-mutators';
import { catalogueMutators } from './resources/catalogue-mutators';
import { bedMutators } from './resources/bed-mutators';
import { requestMutators } from './resources/request-mutators';
import { incidentLifecycleMutators } from './incidents/incident-lifecycle-mutators';
import { deadlineMutators } from './incidents/deadline-mutators';
import { assignmentMutators } from './incidents/assignment-mutators';
import { objectiveMutators } from './incidents/objective-mutators';
import { taskMutators } from './board/task-mutators';
import { logMutators, messageMutators } from './incidents/log-mutators';
import { jasMutators } from './board/jas-mutators';
import { rosterMutators } from './roster/roster-mutators';
import { staffMutators } from './roster/staff-mutators';
import { labourPoolMutators } from './roster/labour-pool-mutators';
import { mapMutators } from './map/map-mutators';
import { mapRegionMutators } from './map/map-region-mutators';
import { warningMutators } from './warning/warning-mutators';
import { responseLevelMutators } from './warning/response-level-mutators';
import { casualtyMutators } from './casualties/casualty-mutators';
import { enquiryMutators } from './casualties/enquiry-mutators';
import { exerciseMutators } from './exercises/exercise-mutators';
import { mselMutators } from './exercises/msel-mutators';
import { planMutators } from './plans/plan-mutators';
import { activationMutators } from './plans/activation-mutators';
import { sitRepMutators } from './reports/sitrep-mutators';
import { aarMutators, correctiveActionMutators } from './aar/aar-mutators';
import { costMutators, demobMutators, recoveryMetricMutators, wellbeingMutators } from './recovery/recovery-mutators';
import { DomainError } from './errors';
import { isInTimeRange } from './ids';
import { findUnsafeText } from './text';
import type { MutationContext, Mutator, Tx } from './mutation';
import { combine } from '../common/combine';

/** Every named mutation; a name two groups both define stops the app at start-up (combine). */
export const mutators = combine(
  'mutations',
  incidentMutators,
  stockMutators,
  stockImportMutators,
  reserveMutators,
  catalogueMutators,
  bedMutators,
  requestMutators,
  incidentLifecycleMutators,
  deadlineMutators,
  assignmentMutators,
  objectiveMutators,
  taskMutators,
  logMutators,
  messageMutators,
  jasMutators,
  staffMutators, rosterMutators, labourPoolMutators,
  mapMutators,
  mapRegionMutators,
  warningMutators,
  responseLevelMutators,
  casualtyMutators,
  enquiryMutators,
  exerciseMutators,
  mselMutators,
  planMutators,
  activationMutators,
  sitRepMutators,
  aarMutators,
  correctiveActionMutators,
  demobMutators, recoveryMetricMutators, costMutators, wellbeingMutators,
);

export type Mutators = typeof mutators;
export type MutationName = keyof Mutators;
/** The arguments a caller passes (before zod defaults are applied). */
export type MutationInput<N extends MutationName> = z.input<Mutators[N]['args']>;
export type MutationArgs<N extends MutationName> = z.infer<Mutators[N]['args']>;
export const mutationNames = Object.keys(mutators) as MutationName[];

export function isMutationName(value: string): value is MutationName {
  return Object.hasOwn(mutators, value);
}

/**
 * Parses a mutation's arguments and runs it. The one entry point the workstation (optimistic run, replay) and
 * the server (authoritative run) share; arguments that do not parse are a domain error, so the server records
 * them as a rejection with the reason instead of failing the whole push.
 */
export async function runMutation(tx: Tx, name: MutationName, args: unknown, ctx: MutationContext): Promise<unknown> {
  const mutator: Mutator = mutators[name];
  checkTextAndTime(name, args, ctx);
  const parsed = mutator.args.safeParse(args);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new DomainError('invalid_args', `${name}: ${detail}`);
  }
  await mutator.run(tx, parsed.data, ctx);
  return parsed.data;
}

/**
 * The rules every mutation obeys whatever its schema says, checked once here rather than field by field: no
 * unsafe text anywhere in the arguments (text.ts), and the time of the change within TIME_RANGE. Both are
 * refusals with a named code, so the server records them and the mutations behind go on.
 */
function checkTextAndTime(name: MutationName, args: unknown, ctx: MutationContext): void {
  const unsafe = findUnsafeText(args, 'args');
  if (unsafe) {
    throw new DomainError('invalid_text', `${name}: ${unsafe.path} contains ${unsafe.char}; control characters and unpaired surrogates are not accepted`, {
      field: unsafe.path, char: unsafe.char,
    });
  }
  if (!isInTimeRange(ctx.at)) {
    throw new DomainError('time_out_of_range', `${name}: the change is dated ${ctx.at}, outside 2000-01-01 to 2100-01-01: check this workstation's clock`, {
      field: 'at',
    });
  }
}
