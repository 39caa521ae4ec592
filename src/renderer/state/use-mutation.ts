import { useCallback, useState } from 'react';
import type { Params } from '../../contract/api';
import type { MutationRequest } from '../../contract/mutation-request';
import type { MutationInput, MutationName } from '../../domain/mutators';
import { toUiError, type UiError } from '../lib/ui-error';
import { useApp } from './store-context';

/**
 * Writes that are not synced mutations but change this desk's own state (its settings, its login); their effect
 * comes back as `settings` and `sync` events, as a mutation's comes back through the live reads.
 */
export type DeskWrite = 'settings.update' | 'auth.login' | 'auth.logout' | 'exercise.setUp' | 'space.enter';

type Input<N extends MutationName | DeskWrite> = N extends DeskWrite ? Params<N> : N extends MutationName ? MutationInput<N> : never;

export type Mutation<N extends MutationName | DeskWrite> = {
  /** Sends the write; resolves with its refusal (also kept in `error`), or null once the workstation has it. */
  run: (args: Input<N>) => Promise<UiError | null>;
  /** True while a run is waiting for the workstation's answer. */
  busy: boolean;
  /** The last run's refusal, for `<ErrorText>`; cleared by the next run. */
  error: UiError | null;
};

const deskWrites: ReadonlySet<string> = new Set<DeskWrite>(['settings.update', 'auth.login', 'auth.logout', 'exercise.setUp', 'space.enter']);

/** The renderer's one way to send a write: a named mutation, or one of the desk's own writes. */
export function useMutation<N extends MutationName | DeskWrite>(name: N): Mutation<N> {
  const client = useApp((s) => s.client);
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<UiError | null>(null);
  const run = useCallback(
    async (args: Input<N>): Promise<UiError | null> => {
      setPending((n) => n + 1);
      let failed: UiError | null = null;
      try {
        // A generic name cannot be narrowed to one member of a union; the pair is typed by the signature.
        if (deskWrites.has(name)) await client.call(name as DeskWrite, args as Params<DeskWrite>);
        else await client.call('mutate', { name, args } as MutationRequest);
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
