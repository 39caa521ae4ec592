import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors';
import { newId } from '../../../src/domain/ids';
import type { MutationContext } from '../../../src/domain/mutation';
import { runMutation } from '../../../src/domain/mutators';
import { makeMemoryTx } from '../../fixtures/memory-tx';

const ctx = (overrides: Partial<MutationContext> = {}): MutationContext => ({
  at: Date.UTC(2026, 10, 26, 8, 0),
  actor: { userId: 'logistics-1', roles: ['logistics_chief'] },
  space: 'demo-hospital',
  origin: 'server',
  ...overrides,
});

const level = (tx: ReturnType<typeof makeMemoryTx>, id: string) => tx.get('stock', id);

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('stock mutators', () => {
  it('creates a stock level on first receipt and adds to it after', async () => {
    const tx = makeMemoryTx();
    const id = newId();
    await runMutation(tx, 'stock.receive', { id, item: 'N95 respirator', store: 'ED store', qty: 40 }, ctx());
    await runMutation(tx, 'stock.receive', { id, item: 'N95 respirator', store: 'ED store', qty: 10 }, ctx({ at: Date.UTC(2026, 10, 26, 9, 0) }));
    expect(await level(tx, id)).toMatchObject({ id, space: 'demo-hospital', item: 'N95 respirator', store: 'ED store', qty: 50, updatedAt: Date.UTC(2026, 10, 26, 9, 0) });
    expect((await level(tx, id))?.history?.map((m) => [m.kind, m.qty])).toEqual([['receive', 40], ['receive', 10]]);
  });

  it('issues down to exactly zero', async () => {
    const tx = makeMemoryTx();
    const id = newId();
    await runMutation(tx, 'stock.receive', { id, item: 'oxygen cylinder', store: 'ICU', qty: 3 }, ctx());
    await runMutation(tx, 'stock.issue', { id, qty: 3 }, ctx());
    expect((await level(tx, id))?.qty).toBe(0);
  });

  it('rejects an issue that would take stock below zero, and changes nothing', async () => {
    const tx = makeMemoryTx();
    const id = newId();
    await runMutation(tx, 'stock.receive', { id, item: 'gloves', store: 'ED store', qty: 5 }, ctx());
    const error = await refusal(runMutation(tx, 'stock.issue', { id, qty: 6 }, ctx()));
    expect(error.code).toBe('stock_negative');
    expect(error.params).toMatchObject({ onHand: 5, requested: 6 });
    expect((await level(tx, id))?.qty).toBe(5);
  });

  it('refuses to issue from a stock level that does not exist', async () => {
    expect((await refusal(runMutation(makeMemoryTx(), 'stock.issue', { id: newId(), qty: 1 }, ctx()))).code).toBe('not_found');
  });

  it('refuses zero, negative and fractional quantities', async () => {
    for (const qty of [0, -1, 1.5]) {
      const error = await refusal(runMutation(makeMemoryTx(), 'stock.receive', { id: newId(), item: 'x', store: 'y', qty }, ctx()));
      expect(error.code, String(qty)).toBe('invalid_args');
      expect(error.message).toMatch(/qty/);
    }
  });

  it('refuses a receipt that names another item for an existing stock level', async () => {
    const tx = makeMemoryTx();
    const id = newId();
    await runMutation(tx, 'stock.receive', { id, item: 'gloves', store: 'ED store', qty: 5 }, ctx());
    expect((await refusal(runMutation(tx, 'stock.receive', { id, item: 'gowns', store: 'ED store', qty: 5 }, ctx()))).code).toBe('invalid_args');
  });

  it('refuses a stock level of another space', async () => {
    const tx = makeMemoryTx();
    const id = newId();
    await runMutation(tx, 'stock.receive', { id, item: 'gloves', store: 'ED store', qty: 5 }, ctx());
    expect((await refusal(runMutation(tx, 'stock.issue', { id, qty: 1 }, ctx({ space: 'drill-2026' })))).code).toBe('space_mismatch');
  });

  it('refuses a viewer', async () => {
    const error = await refusal(
      runMutation(makeMemoryTx(), 'stock.receive', { id: newId(), item: 'x', store: 'y', qty: 1 }, ctx({ actor: { userId: 'v', roles: ['viewer'] } })),
    );
    expect(error.code).toBe('forbidden');
  });
});
