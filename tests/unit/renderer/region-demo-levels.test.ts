import { describe, expect, it } from 'vitest';
import { region } from '../../../src/renderer/features/map/base-data';

describe('the shipped demo region', () => {
  it('sets no district a warning level, so the demo never shows a warning nobody set', () => {
    const districts = region.features.filter((f) => f.properties.kind === 'district');
    expect(districts.length).toBeGreaterThan(0);
    expect(districts.filter((f) => f.properties.warning !== undefined).map((f) => f.properties.id)).toEqual([]);
  });
});
