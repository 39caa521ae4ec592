import { describe, expect, it } from 'vitest';
import { packTickerPages } from '../../../src/renderer/features/wall/ticker-pages';

describe('packTickerPages', () => {
  it('puts as many whole items on a page as the line holds, counting the gaps between them', () => {
    expect(packTickerPages([400, 400, 400, 400], 1000, 50)).toEqual([[0, 1], [2, 3]]);
    expect(packTickerPages([300, 300, 300], 1000, 50)).toEqual([[0, 1, 2]]);
  });

  it('gives an item wider than the line a page of its own rather than cutting it', () => {
    expect(packTickerPages([200, 1500, 200], 1000, 50)).toEqual([[0], [1], [2]]);
  });

  it('keeps the items in their order (overdue work first)', () => {
    expect(packTickerPages([600, 300, 300, 600], 1000, 20).flat()).toEqual([0, 1, 2, 3]);
  });

  it('makes no page of no items', () => {
    expect(packTickerPages([], 1000, 50)).toEqual([]);
  });
});
