import { useCallback, useState } from 'react';

/** A grid's grouping choice, remembered per user on this workstation like its column state. */
export function useRememberedGrouping<G extends string>(storageKey: string, choices: readonly G[]): [G, (value: string) => void] {
  const first = choices[0];
  if (first === undefined) throw new Error('a grouping needs at least one choice');
  const read = (): G => choices.find((c) => c === localStorage.getItem(storageKey)) ?? first;
  const [state, setState] = useState(() => ({ key: storageKey, value: read() }));
  // Another user logging in on this desk gets their own choice back.
  const value = state.key === storageKey ? state.value : read();
  const set = useCallback(
    (next: string) => {
      const chosen = choices.find((c) => c === next) ?? first;
      localStorage.setItem(storageKey, chosen);
      setState({ key: storageKey, value: chosen });
    },
    [storageKey, choices, first],
  );
  return [value, set];
}
