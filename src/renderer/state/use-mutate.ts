import { useCallback } from 'react';
import type { MutationRequest } from '../../contract/mutation-request';
import type { MutationInput, MutationName } from '../../domain/mutators';
import { toUiError, type UiError } from '../lib/ui-error';
import { useApp } from './store-context';

/** Runs one mutation and hands back the refusal, if any, for `<ErrorText>`. */
export function useMutate() {
  const client = useApp((s) => s.client);
  return useCallback(
    async <N extends MutationName>(name: N, args: MutationInput<N>): Promise<UiError | null> => {
      try {
        // A generic name cannot be narrowed to one member of the request union; the pair is typed by the signature.
        await client.call('mutate', { name, args } as MutationRequest);
        return null;
      } catch (e) {
        return toUiError(e);
      }
    },
    [client],
  );
}
