import { describe, expect, it } from 'vitest';
import { RECEIVED_NOTE_MS, receiptToShow } from '../../../src/domain/received-time';

describe('when the server\'s receive time is shown beside a desk\'s time', () => {
  const at = Date.UTC(2026, 11, 5, 6, 0);

  it('shows it when the two differ by five minutes or more, either way', () => {
    expect(receiptToShow(at, at + RECEIVED_NOTE_MS)).toBe(at + RECEIVED_NOTE_MS);
    expect(receiptToShow(at, at - RECEIVED_NOTE_MS)).toBe(at - RECEIVED_NOTE_MS);
    expect(receiptToShow(at, at + 86_400_000)).toBe(at + 86_400_000);
  });

  it('shows nothing for an ordinary delay, or when the server\'s time is not known', () => {
    expect(receiptToShow(at, at + RECEIVED_NOTE_MS - 1)).toBeNull();
    expect(receiptToShow(at, at - 30_000)).toBeNull();
    expect(receiptToShow(at, null)).toBeNull();
    expect(receiptToShow(at, undefined)).toBeNull();
  });
});
