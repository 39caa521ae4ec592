import { z } from 'zod';
import { mutationNames, mutators, type MutationInput, type MutationName } from '../domain/mutators';

/** `{ name, args }` for every named mutation, so a call is checked against that mutation's own schema. */
function buildMutationRequestSchema() {
  const options = mutationNames.map((name) =>
    z.strictObject({ name: z.literal(name), args: mutators[name].args as z.ZodType }),
  );
  const [first, ...rest] = options;
  if (!first) throw new Error('no mutations are registered');
  return z.discriminatedUnion('name', [first, ...rest]);
}

export const MutationRequestSchema = buildMutationRequestSchema();

export type MutationRequest = { [N in MutationName]: { name: N; args: MutationInput<N> } }[MutationName];
