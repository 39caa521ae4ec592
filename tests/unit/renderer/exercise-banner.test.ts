import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../src/contract/sync-status';
import type { Space } from '../../../src/domain/spaces';
import type { AppState } from '../../../src/renderer/state/app-state';
import { selectIsExercise } from '../../../src/renderer/state/selectors';

/** The slice of the app state the banner reads: the desk's space as the workstation reports it, and the settings. */
function stateIn(space: Space): AppState {
  const sync = { connection: 'online', space } as Partial<SyncStatus>;
  // Only `sync` and `settings` are read; the rest of the store plays no part in the rule.
  return { sync, settings: { space: space.id } } as unknown as AppState;
}

describe('the EXERCISE banner', () => {
  it('shows for a space of kind exercise whatever its name', () => {
    expect(selectIsExercise(stateIn({ id: 'drill-2026', kind: 'exercise', name: 'Spring drill' }))).toBe(true);
  });

  it('stays off for a hospital whose name starts with "exercise"', () => {
    expect(selectIsExercise(stateIn({ id: 'exercise-north', kind: 'hospital', name: 'Exercise Road Hospital' }))).toBe(false);
  });

  it('stays off before the workstation has reported its status', () => {
    expect(selectIsExercise({ sync: null, settings: null } as unknown as AppState)).toBe(false);
  });
});
