import { describe, expect, it } from 'vitest';
import { combine } from '../../../src/common/combine';
import { api, coreApi } from '../../../src/contract/api';
import { exchangeApi } from '../../../src/contract/exchange-api';
import { mutators } from '../../../src/domain/mutators';
import { mapRegionMutators } from '../../../src/domain/map/map-region-mutators';
import { catalogueMutators } from '../../../src/domain/resources/catalogue-mutators';
import { stockImportMutators } from '../../../src/domain/resources/stock-import-mutators';

describe('combine', () => {
  it('joins every part into one registry', () => {
    const joined = combine('test', { a: 1 }, { b: 2 }, { c: 3 });
    expect(joined).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('refuses a name two parts define, naming it, instead of letting the later one win', () => {
    expect(() => combine('API methods', { 'stock.list': 1 }, { 'map.list': 2, 'stock.list': 3 })).toThrow('API methods: stock.list is defined twice');
  });

  it('builds the API from the core and every feature part, each method once', () => {
    for (const name of Object.keys(coreApi)) expect(api).toHaveProperty([name], coreApi[name as keyof typeof coreApi]);
    for (const name of Object.keys(exchangeApi)) expect(api).toHaveProperty([name], exchangeApi[name as keyof typeof exchangeApi]);
    expect(Object.keys(mutators).length).toBeGreaterThan(50);
  });

  it('registers the mutation groups a feature keeps in several files through combine, each mutation once', () => {
    for (const part of [mapRegionMutators, catalogueMutators, stockImportMutators]) {
      for (const [name, mutator] of Object.entries(part)) expect(mutators).toHaveProperty([name], mutator);
    }
  });
});
