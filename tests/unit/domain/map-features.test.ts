import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors';
import { newId } from '../../../src/domain/ids';
import { searchByName, type MapFeature } from '../../../src/domain/map/map-features';
import { closeRing, GeometrySchema, labelPosition, type LngLat } from '../../../src/domain/map/map-geometry';
import { runMutation } from '../../../src/domain/mutators';
import { makeActor, makeContext } from '../../fixtures/actors';
import { makeMemoryTx } from '../../fixtures/memory-tx';

const corners: LngLat[] = [[120.2085, 30.2490], [120.2095, 30.2490], [120.2095, 30.2497]];
const zone = { type: 'Polygon' as const, coordinates: [closeRing(corners)] as [LngLat[]] };
const point = { type: 'Point' as const, coordinates: [120.209, 30.249] as LngLat };

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

function setup() {
  const tx = makeMemoryTx();
  const ctx = makeContext({ actor: makeActor('operator') });
  const feature = (id: string) => tx.rows.get(`mapFeature/${id}`) as MapFeature | undefined;
  return { tx, ctx, feature };
}

describe('map geometry', () => {
  it('accepts a closed ring of three corners and refuses an open or degenerate one', () => {
    expect(GeometrySchema.safeParse(zone).success).toBe(true);
    expect(GeometrySchema.safeParse({ type: 'Polygon', coordinates: [[...corners, corners[1]]] }).success).toBe(false);
    const flat = closeRing([corners[0]!, corners[1]!, corners[0]!, corners[1]!]);
    expect(GeometrySchema.safeParse({ type: 'Polygon', coordinates: [flat] }).success).toBe(false);
  });

  it('refuses coordinates off the globe', () => {
    expect(GeometrySchema.safeParse({ type: 'Point', coordinates: [190, 30] }).success).toBe(false);
    expect(GeometrySchema.safeParse({ type: 'Point', coordinates: [120, -91] }).success).toBe(false);
  });

  it('puts a zone label at the mean of its distinct corners', () => {
    const [lng, lat] = labelPosition(zone);
    expect(lng).toBeCloseTo((120.2085 + 120.2095 + 120.2095) / 3, 9);
    expect(lat).toBeCloseTo((30.2490 + 30.2490 + 30.2497) / 3, 9);
  });
});

describe('map mutators', () => {
  it('adds a hot zone, renames it, and removes it', async () => {
    const { tx, ctx, feature } = setup();
    const id = newId();
    await runMutation(tx, 'map.addFeature', { id, category: 'zone_hot', name: '化学品泄漏热区', geometry: zone }, ctx);
    expect(feature(id)).toMatchObject({ category: 'zone_hot', name: '化学品泄漏热区', note: '', space: 'demo-hospital', createdBy: ctx.actor.userId });
    await runMutation(tx, 'map.updateFeature', { id, name: '热区 A' }, { ...ctx, at: ctx.at + 1000 });
    expect(feature(id)).toMatchObject({ name: '热区 A', category: 'zone_hot', updatedAt: ctx.at + 1000 });
    expect(feature(id)?.geometry).toEqual(zone);
    await runMutation(tx, 'map.removeFeature', { id }, ctx);
    expect(feature(id)).toBeUndefined();
  });

  it('refuses a zone drawn as a point and a triage point drawn as a polygon', async () => {
    const { tx, ctx } = setup();
    expect((await refusal(runMutation(tx, 'map.addFeature', { id: newId(), category: 'zone_warm', name: 'W', geometry: point }, ctx))).code).toBe('map_geometry_mismatch');
    expect((await refusal(runMutation(tx, 'map.addFeature', { id: newId(), category: 'triage', name: 'T', geometry: zone }, ctx))).code).toBe('map_geometry_mismatch');
  });

  it('draws the mass-casualty areas as zones and a zone of a type the room names itself', async () => {
    const { tx, ctx, feature } = setup();
    for (const category of ['zone_triage', 'zone_decon', 'zone_staging', 'zone_helipad', 'zone_family'] as const) {
      await runMutation(tx, 'map.addFeature', { id: newId(), category, name: category, geometry: zone }, ctx);
      expect((await refusal(runMutation(tx, 'map.addFeature', { id: newId(), category, name: 'P', geometry: point }, ctx))).code).toBe('map_geometry_mismatch');
    }
    const id = newId();
    await runMutation(tx, 'map.addFeature', { id, category: 'zone_custom', zoneType: ' 媒体区 ', name: '东门媒体区', geometry: zone }, ctx);
    expect(feature(id)).toMatchObject({ category: 'zone_custom', zoneType: '媒体区' });
    // Renaming keeps the type; turning it into a standard kind drops it; turning it back asks for one again.
    await runMutation(tx, 'map.updateFeature', { id, name: '东门记者区' }, ctx);
    expect(feature(id)).toMatchObject({ zoneType: '媒体区', name: '东门记者区' });
    await runMutation(tx, 'map.updateFeature', { id, category: 'zone_staging' }, ctx);
    expect(feature(id)?.zoneType).toBeUndefined();
    expect((await refusal(runMutation(tx, 'map.updateFeature', { id, category: 'zone_custom' }, ctx))).code).toBe('map_zone_type');
    await runMutation(tx, 'map.updateFeature', { id, category: 'zone_custom', zoneType: 'Press area' }, ctx);
    expect(feature(id)).toMatchObject({ category: 'zone_custom', zoneType: 'Press area' });
  });

  it('refuses a custom zone with no type, and a made-up type on a standard category', async () => {
    const { tx, ctx, feature } = setup();
    expect((await refusal(runMutation(tx, 'map.addFeature', { id: newId(), category: 'zone_custom', name: 'X', geometry: zone }, ctx))).code).toBe('map_zone_type');
    expect((await refusal(runMutation(tx, 'map.addFeature', { id: newId(), category: 'zone_custom', zoneType: '  ', name: 'X', geometry: zone }, ctx))).code).toBe('invalid_args');
    expect((await refusal(runMutation(tx, 'map.addFeature', { id: newId(), category: 'zone_hot', zoneType: '媒体区', name: 'X', geometry: zone }, ctx))).code).toBe('map_zone_type');
    const id = newId();
    await runMutation(tx, 'map.addFeature', { id, category: 'zone_hot', name: 'H', geometry: zone }, ctx);
    expect((await refusal(runMutation(tx, 'map.updateFeature', { id, zoneType: '媒体区' }, ctx))).code).toBe('map_zone_type');
    expect(feature(id)?.zoneType).toBeUndefined();
  });

  it('refuses changing a point into a zone category without a polygon', async () => {
    const { tx, ctx } = setup();
    const id = newId();
    await runMutation(tx, 'map.addFeature', { id, category: 'team', name: '急诊一队', geometry: point }, ctx);
    expect((await refusal(runMutation(tx, 'map.updateFeature', { id, category: 'zone_cold' }, ctx))).code).toBe('map_geometry_mismatch');
    await runMutation(tx, 'map.updateFeature', { id, geometry: { type: 'Point', coordinates: [120.21, 30.25] } }, ctx);
  });

  it('refuses a viewer, an unknown feature, a feature of another space and invalid geometry', async () => {
    const { tx, ctx } = setup();
    const viewer = makeContext({ actor: makeActor('viewer') });
    expect((await refusal(runMutation(tx, 'map.addFeature', { id: newId(), category: 'case', name: 'C', geometry: point }, viewer))).code).toBe('forbidden');
    expect((await refusal(runMutation(tx, 'map.removeFeature', { id: newId() }, ctx))).code).toBe('not_found');
    const id = newId();
    await runMutation(tx, 'map.addFeature', { id, category: 'case', name: 'C', geometry: point }, ctx);
    expect((await refusal(runMutation(tx, 'map.updateFeature', { id, name: 'X' }, { ...ctx, space: 'other-hospital' }))).code).toBe('space_mismatch');
    const open = { type: 'Polygon', coordinates: [corners] };
    expect((await refusal(runMutation(tx, 'map.addFeature', { id: newId(), category: 'zone_hot', name: 'Z', geometry: open }, ctx))).code).toBe('invalid_args');
  });

  it('refuses drawing for an incident that is closed', async () => {
    const { tx, ctx } = setup();
    const commander = makeContext();
    const incidentId = newId();
    await runMutation(tx, 'incident.declare', { id: incidentId, name: '演练', type: 'other', level: 'IV', discoveredAt: commander.at }, commander);
    await runMutation(tx, 'map.addFeature', { id: newId(), incidentId, category: 'staging', name: 'S', geometry: point }, ctx);
    const row = await tx.get('incident', incidentId);
    await tx.put('incident', { ...row!, status: 'closed' });
    expect((await refusal(runMutation(tx, 'map.addFeature', { id: newId(), incidentId, category: 'staging', name: 'S2', geometry: point }, ctx))).code).toBe('incident_closed');
  });
});

describe('search by name', () => {
  it('finds names containing the query, those starting with it first, ignoring case', () => {
    const items = [{ name: 'Warm zone East' }, { name: 'East gate' }, { name: 'Helipad' }];
    expect(searchByName(items, 'east').map((i) => i.name)).toEqual(['East gate', 'Warm zone East']);
    expect(searchByName(items, '  ')).toHaveLength(3);
  });
});
