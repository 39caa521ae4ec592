import { useCallback, useState } from 'react';
import type { UiError } from '../../lib/ui-error';

/** Busy flag and last error for one form's action; the action itself lives in the store. */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<UiError | null>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [done, setDone] = useState(0);
  const run = useCallback(
    async (...args: A): Promise<boolean> => {
      setBusy(true);
      const failed = await action(...args);
      setBusy(false);
      setError(failed);
      if (!failed) setDone((n) => n + 1);
      return failed === null;
    },
    [action],
  );
  return { run, busy, error, done };
}
