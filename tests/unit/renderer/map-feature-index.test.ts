import { describe, expect, it } from 'vitest';
import type { MapFeature } from '../../../src/domain/map/map-features';
import type { CoverageRow } from '../../../src/domain/roster/roster-coverage';
import { FeatureIndex, type FeatureDiff } from '../../../src/renderer/features/map/feature-index';
import { summariseCoverage } from '../../../src/renderer/features/wall/wall-figures';

const feature = (id: string, overrides: Partial<MapFeature> = {}): MapFeature => ({
  id,
  space: 'demo-hospital',
  category: 'team',
  name: id,
  note: '',
  geometry: { type: 'Point', coordinates: [120.21, 30.25] },
  createdAt: 1,
  createdBy: 'u',
  updatedAt: 1,
  ...overrides,
});

describe('FeatureIndex', () => {
  it('turns a full re-read into the difference, so the map is sent only what changed', () => {
    const index = new FeatureIndex();
    const diffs: FeatureDiff[] = [];
    index.onDiff((d) => diffs.push(d));
    index.replace([feature('a'), feature('b'), feature('c')]);
    index.replace([feature('a'), feature('b', { updatedAt: 2, geometry: { type: 'Point', coordinates: [120.3, 30.3] } }), feature('d')]);
    expect(diffs[1]?.upserted.map((f) => f.id)).toEqual(['b', 'd']);
    expect(diffs[1]?.removed).toEqual(['c']);
    expect(index.all().map((f) => f.id)).toEqual(['a', 'b', 'd']);
  });

  it('applies partial reads and publishes the first snapshot at once', () => {
    const index = new FeatureIndex();
    let published = 0;
    index.subscribe(() => published++);
    index.replace([feature('a'), feature('b')]);
    expect(published).toBe(1);
    expect(index.getSnapshot().map((f) => f.id)).toEqual(['a', 'b']);
    index.apply({ upserted: [feature('c')], removed: ['a'] });
    expect(index.all().map((f) => f.id)).toEqual(['b', 'c']);
    index.dispose();
  });
});

describe('summariseCoverage', () => {
  const row = (role: CoverageRow['role'], phase: CoverageRow['phase'], required: number, rostered: number, pooled = 0): CoverageRow => ({
    unit: 'ED', role, shiftCode: 'D12', phase, start: 0, end: 1, required, rostered, pooled, gap: Math.max(0, required - rostered - pooled),
  });

  it('sums the current shift by role across units, largest gap first, and leaves the next shift out', () => {
    const rows = summariseCoverage([row('physician', 'current', 2, 2), row('nurse', 'current', 4, 1), row('nurse', 'current', 3, 3), row('nurse', 'next', 9, 0)]);
    expect(rows).toEqual([
      { role: 'nurse', required: 7, onDuty: 4, pooled: 0, gap: 3 },
      { role: 'physician', required: 2, onDuty: 2, pooled: 0, gap: 0 },
    ]);
  });

  it('counts labour pool check-ins as on duty: five in the pool and one rostered is 6 of 6', () => {
    expect(summariseCoverage([row('nurse', 'current', 6, 1, 5)])).toEqual([{ role: 'nurse', required: 6, onDuty: 6, pooled: 5, gap: 0 }]);
  });
});
