import { describe, expect, it } from 'vitest';
import { compareByOrder, isValidOrderKey, keyBetween } from '../../../src/domain/board/task-order';

describe('fractional order keys', () => {
  it('puts a key strictly between its neighbours, with either end open', () => {
    const first = keyBetween(null, null);
    const after = keyBetween(first, null);
    const before = keyBetween(null, first);
    const middle = keyBetween(first, after);
    expect(before < first && first < middle && middle < after).toBe(true);
  });

  it('keeps splitting the same gap without ever producing equal or out-of-order keys', () => {
    let low = keyBetween(null, null);
    const high = keyBetween(low, null);
    for (let i = 0; i < 500; i++) {
      const mid = keyBetween(low, high);
      expect(low < mid && mid < high).toBe(true);
      expect(isValidOrderKey(mid)).toBe(true);
      low = mid;
    }
  });

  it('keeps keys short when cards are appended one after another (2,000 cards stay under 5 characters)', () => {
    let key: string | null = null;
    const keys: string[] = [];
    for (let i = 0; i < 2_000; i++) {
      key = keyBetween(key, null);
      keys.push(key);
    }
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThan(5);
    expect([...keys].sort()).toEqual(keys);
  });

  it('keeps keys short when cards are prepended one before another', () => {
    let key: string | null = null;
    const keys: string[] = [];
    for (let i = 0; i < 2_000; i++) {
      key = keyBetween(null, key);
      keys.unshift(key);
    }
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThan(5);
    expect([...keys].sort()).toEqual(keys);
  });

  it('stays sorted under random insertions, compared with plain < (not locale order)', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const keys: string[] = [];
    for (let i = 0; i < 1_000; i++) {
      const at = Math.floor(random() * (keys.length + 1));
      keys.splice(at, 0, keyBetween(keys[at - 1] ?? null, keys[at] ?? null));
    }
    expect([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refuses neighbours given in the wrong order or keys it did not make', () => {
    const a = keyBetween(null, null);
    const b = keyBetween(a, null);
    expect(() => keyBetween(b, a)).toThrow();
    expect(() => keyBetween(a, a)).toThrow();
    expect(isValidOrderKey('a10')).toBe(false);
    expect(isValidOrderKey('!')).toBe(false);
  });

  it('orders cards with the same key by id, so both workstations show the same order', () => {
    const cards = [{ id: 'b', order: 'a1' }, { id: 'a', order: 'a1' }, { id: 'c', order: 'a0' }];
    expect([...cards].sort(compareByOrder).map((c) => c.id)).toEqual(['c', 'a', 'b']);
  });
});
