import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors';
import { GeometrySchema, type LngLat } from '../../../src/domain/map/map-geometry';
import { isStale, placeRecordId, totalAvailable, type NeighbourHospital } from '../../../src/domain/map/map-region';
import { edgeMidpoints, insertCorner, moveCorner, polygonOf, removeCorner } from '../../../src/domain/map/map-shape-edit';
import { IdSchema } from '../../../src/domain/ids';
import { runMutation } from '../../../src/domain/mutators';
import { makeActor, makeContext } from '../../fixtures/actors';
import { makeMemoryTx } from '../../fixtures/memory-tx';

const square: LngLat[] = [[120.208, 30.249], [120.209, 30.249], [120.209, 30.250], [120.208, 30.250]];
const beds = { emergency: 4, icu: 1, general: 22, paediatric: 0 };

describe('zone shape editing', () => {
  it('moves, inserts at an edge midpoint and removes corners, and the result stays a valid zone', () => {
    const moved = moveCorner(square, 2, [120.2095, 30.2505]);
    expect(moved[2]).toEqual([120.2095, 30.2505]);
    const mid = edgeMidpoints(moved)[0]!;
    expect(mid).toEqual([120.2085, 30.249]);
    const inserted = insertCorner(moved, 0, mid);
    expect(inserted).toHaveLength(5);
    expect(inserted[1]).toEqual(mid);
    expect(GeometrySchema.safeParse(polygonOf(inserted)).success).toBe(true);
    expect(removeCorner(inserted, 1)).toEqual(moved);
  });

  it('refuses to remove a corner from a three-cornered zone', () => {
    const triangle = square.slice(0, 3);
    expect(removeCorner(triangle, 0)).toEqual(triangle);
    expect(removeCorner(square, 0)).toHaveLength(3);
  });
});

describe('region status', () => {
  it('derives one stable UUID per place and space, different across places and spaces', () => {
    const a = placeRecordId('general', 'districtWarning', 'd-chengnan');
    expect(IdSchema.safeParse(a).success).toBe(true);
    expect(placeRecordId('general', 'districtWarning', 'd-chengnan')).toBe(a);
    expect(placeRecordId('general', 'districtWarning', 'd-binhu')).not.toBe(a);
    expect(placeRecordId('drill-1', 'districtWarning', 'd-chengnan')).not.toBe(a);
  });

  it('lets a commander set a district level, and two settings of one district keep one record with the last level', async () => {
    const tx = makeMemoryTx();
    const ctx = makeContext({ actor: makeActor('incident_commander') });
    await runMutation(tx, 'map.setDistrictWarning', { districtId: 'd-chengnan', level: 'yellow' }, ctx);
    await runMutation(tx, 'map.setDistrictWarning', { districtId: 'd-chengnan', level: 'red' }, { ...ctx, at: ctx.at + 1 });
    const rows = await tx.query('districtWarning', ctx.space);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.level).toBe('red');
  });

  it('refuses a district level from a role without command rights', async () => {
    const tx = makeMemoryTx();
    const ctx = makeContext({ actor: makeActor('operator') });
    const error = await runMutation(tx, 'map.setDistrictWarning', { districtId: 'd-chengnan', level: 'red' }, ctx).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('forbidden');
  });

  it('records a neighbour’s beds with the time reported, and refuses negative counts', async () => {
    const tx = makeMemoryTx();
    const ctx = makeContext({ actor: makeActor('operator') });
    await runMutation(tx, 'map.reportNeighbourBeds', { hospitalId: 'h-tcm', available: beds }, ctx);
    const row = tx.rows.get(`neighbourHospital/${placeRecordId(ctx.space, 'neighbourHospital', 'h-tcm')}`) as NeighbourHospital | undefined;
    expect(row?.available).toEqual(beds);
    expect(row?.updatedAt).toBe(ctx.at);
    expect(totalAvailable(beds)).toBe(27);
    const bad = await runMutation(tx, 'map.reportNeighbourBeds', { hospitalId: 'h-tcm', available: { ...beds, icu: -1 } }, ctx).then(() => null, (e: unknown) => e);
    expect((bad as DomainError).code).toBe('invalid_args');
  });

  it('marks figures stale only once they are older than the limit', () => {
    const now = 10 * 3_600_000;
    expect(isStale(now - 4 * 3_600_000, now)).toBe(false);
    expect(isStale(now - 4 * 3_600_000 - 1, now)).toBe(true);
  });
});
