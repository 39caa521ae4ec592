import { useCallback, useState } from 'react';
import type { MutationRequest } from '../../contract/mutation-request';
import type { MutationInput, MutationName } from '../../domain/mutators';
import { toUiError, type UiError } from '../lib/ui-error';
import { useApp } from './store-context';

export type Mutation<N extends MutationName> = {
  /** Sends the mutation; resolves with its refusal (also kept in `error`), or null once the workstation has it. */
  run: (args: MutationInput<N>) => Promise<UiError | null>;
  /** True while a run is waiting for the workstation's answer. */
  busy: boolean;
  /** The last run's refusal, for `<ErrorText>`; cleared by the next run. */
  error: UiError | null;
};

/** The renderer's one way to send a mutation; what it changes comes back through the live reads. */
export function useMutation<N extends MutationName>(name: N): Mutation<N> {
  const client = useApp((s) => s.client);
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<UiError | null>(null);
  const run = useCallback(
    async (args: MutationInput<N>): Promise<UiError | null> => {
      setPending((n) => n + 1);
      let failed: UiError | null = null;
      try {
        // A generic name cannot be narrowed to one member of the request union; the pair is typed by the signature.
        await client.call('mutate', { name, args } as MutationRequest);
      } catch (e) {
        failed = toUiError(e);
      }
      setPending((n) => n - 1);
      setError(failed);
      return failed;
    },
    [client, name],
  );
  return { run, busy: pending > 0, error };
}
