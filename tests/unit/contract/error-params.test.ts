import { describe, expect, it } from 'vitest';
import { boundErrorParams, ERROR_PARAM_MAX_TEXT, ERROR_PARAMS_MAX_ENTRIES, ErrorParamsSchema } from '../../../src/contract/errors';
import { MutationResultSchema, PullResponseSchema } from '../../../src/contract/sync';
import { RejectedChangeSchema } from '../../../src/contract/sync-status';

const pull = (rejection: Record<string, unknown>) => ({
  rows: [], cursors: {}, more: false, lastMutationId: 3, rejections: [rejection], serverEpoch: 'epoch-1', tokens: {}, rewound: [],
});

describe('a refusal’s params on the wire', () => {
  it('keeps a domain error’s names and numbers as they are when they fit', () => {
    const params = { item: 'N95 respirator', store: 'ED store', onHand: 10, requested: 15 };
    expect(boundErrorParams(params)).toEqual(params);
    expect(ErrorParamsSchema.parse(params)).toEqual(params);
  });

  it('cuts what does not fit: long texts, too many entries, odd names, numbers JSON cannot carry', () => {
    const many = Object.fromEntries(Array.from({ length: ERROR_PARAMS_MAX_ENTRIES + 5 }, (_, i) => [`p${i}`, i]));
    expect(Object.keys(boundErrorParams(many) ?? {})).toHaveLength(ERROR_PARAMS_MAX_ENTRIES);
    const bounded = boundErrorParams({ person: '王'.repeat(500), 'bad name': 1, __proto__x: 2, hours: Number.NaN, limit: Infinity, ok: 3 });
    expect(bounded?.['person']).toHaveLength(ERROR_PARAM_MAX_TEXT);
    expect(String(bounded?.['person']).endsWith('…')).toBe(true);
    expect(Object.keys(bounded ?? {}).sort()).toEqual(['ok', 'person']);
    expect(ErrorParamsSchema.safeParse(bounded).success).toBe(true);
    // A cut never leaves half of a surrogate pair behind.
    const emoji = boundErrorParams({ note: `${'a'.repeat(ERROR_PARAM_MAX_TEXT - 2)}😷😷` })?.['note'];
    expect(emoji).toBe(`${'a'.repeat(ERROR_PARAM_MAX_TEXT - 2)}…`);
    expect(boundErrorParams({})).toBeUndefined();
  });

  it('reads answers of a server from before params (none sent), and one with params', () => {
    expect(PullResponseSchema.parse(pull({ mutationId: 2, code: 'stock_negative', message: 'only 10' })).rejections[0]).toEqual({
      mutationId: 2, code: 'stock_negative', message: 'only 10',
    });
    const withParams = pull({ mutationId: 2, code: 'stock_negative', message: 'only 10', params: { onHand: 10, requested: 15 } });
    expect(PullResponseSchema.parse(withParams).rejections[0]?.params).toEqual({ onHand: 10, requested: 15 });
    expect(MutationResultSchema.parse({ mutationId: 2, status: 'duplicate', code: 'stock_negative', params: { onHand: 10 } }).params).toEqual({ onHand: 10 });
  });

  it('drops params that do not fit instead of refusing the whole pull, so the refusal still arrives', () => {
    const parsed = PullResponseSchema.parse(pull({ mutationId: 2, code: 'stock_negative', message: 'only 10', params: { item: 'x'.repeat(5_000) } }));
    expect(parsed.rejections[0]).toEqual({ mutationId: 2, code: 'stock_negative', message: 'only 10' });
    expect(PullResponseSchema.parse(pull({ mutationId: 2, code: 'x', message: 'y', params: null })).rejections[0]?.params).toBeUndefined();
  });

  it('lets a reader from before params ignore them: the wire objects are not strict', () => {
    const older = MutationResultSchema.pick({ mutationId: true, status: true, code: true, message: true });
    expect(older.parse({ mutationId: 1, status: 'rejected', code: 'stock_negative', message: 'm', params: { onHand: 1 } })).toEqual({
      mutationId: 1, status: 'rejected', code: 'stock_negative', message: 'm',
    });
  });

  it('keeps params on a workstation’s refused change, and takes one without', () => {
    const change = { mutationId: 1, name: 'stock.issue', args: {}, code: 'stock_negative', message: 'm', at: 1 };
    expect(RejectedChangeSchema.parse(change)).toEqual(change);
    expect(RejectedChangeSchema.parse({ ...change, params: { onHand: 10 } }).params).toEqual({ onHand: 10 });
    expect(RejectedChangeSchema.safeParse({ ...change, params: { onHand: { nested: true } } }).success).toBe(false);
  });
});
