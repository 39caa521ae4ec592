import { uuidv7 as newId } from 'uuidv7';
import type { ApiClient } from '../../../src/contract/api';
type LngLat = [number, number];

const ring = (corners: LngLat[]): [LngLat[]] => [[...corners, corners[0]!]];
const box = (w: number, s: number, e: number, n: number): [LngLat[]] => ring([[w, s], [e, s], [e, n], [w, n]]);

/**
 * A chemical exposure at the ED ambulance bay, as a command room would have it twenty minutes in: zones, points,
 * teams and cases on the map, tasks (two overdue) and log lines on the board. Names in Chinese, as staff write them.
 */
export async function seedChemicalIncident(client: Pick<ApiClient, 'call'>, now: number): Promise<string> {
  const incidentId = newId();
  const mutate = (name: string, args: Record<string, unknown>) => client.call('mutate', { name, args } as never);
  await mutate('incident.declare', { id: incidentId, name: '急诊区氯气泄漏 批量伤员', type: 'mass_casualty', level: 'II', location: '急诊救护车通道', discoveredAt: now - 25 * 60_000 });
  await client.call('settings.update', { currentIncidentId: incidentId });
  const add = (category: string, name: string, geometry: unknown) => mutate('map.addFeature', { id: newId(), incidentId, category, name, geometry });
  await add('zone_cold', '冷区 支援区', { type: 'Polygon', coordinates: box(120.2063, 30.2486, 120.2084, 30.2503) });
  await add('zone_warm', '温区 洗消通道', { type: 'Polygon', coordinates: box(120.2066, 30.2488, 120.2081, 30.2500) });
  await add('zone_hot', '热区 泄漏点', { type: 'Polygon', coordinates: box(120.2069, 30.2491, 120.2077, 30.2497) });
  const point = (lng: number, lat: number) => ({ type: 'Point', coordinates: [lng, lat] });
  await add('triage', '检伤分类点 1', point(120.2093, 30.2487));
  await add('decon', '洗消帐篷', point(120.20795, 30.24905));
  await add('staging', '救护车集结点', point(120.2112, 30.2487));
  await add('team', '急诊一队', point(120.2088, 30.2494));
  await add('team', '消防中队', point(120.2083, 30.2486));
  await add('equipment', '呼吸机 x4', point(120.2098, 30.2496));
  for (let i = 0; i < 14; i++) await add('case', `病例 ${i + 1}`, point(120.2072 + (i % 5) * 0.0002, 30.2492 + Math.floor(i / 5) * 0.0002));
  const task = (title: string, section: string, positionId: string, dueAt?: number) =>
    mutate('task.create', { id: newId(), incidentId, title, section, assignee: { kind: 'position', positionId }, ...(dueAt ? { dueAt } : {}) });
  await task('划定热区并封锁急诊通道', 'operations', 'ops', now - 10 * 60_000);
  await task('联系市疾控中心报告', 'command', 'liaison', now - 5 * 60_000);
  await task('调配防护服与呼吸器', 'logistics', 'logistics', now + 30 * 60_000);
  await task('统计伤员并上报', 'planning', 'planning', now + 20 * 60_000);
  await task('启动急诊分流', 'operations', 'ops');
  const log = (text: string, minutesAgo: number) => mutate('log.append', { id: newId(), incidentId, at: now - minutesAgo * 60_000, text, backdateReason: '演练场景预置' });
  await log('急诊救护车通道发现氯气泄漏，已疏散周边人员', 24);
  await log('启动Ⅱ级响应，指挥部在行政楼三层开设', 18);
  await log('首批 6 名伤员完成洗消进入红区救治', 6);
  return incidentId;
}

/** Beds, stock (one item in the red, one fine) and a nurse minimum on both twelve-hour shifts (one of them is always running), for the wall's panels. */
export async function seedWallResources(client: Pick<ApiClient, 'call'>): Promise<void> {
  const mutate = (name: string, args: Record<string, unknown>) => client.call('mutate', { name, args } as never);
  await mutate('bed.update', { id: newId(), unit: 'ICU 一病区', type: 'adult_icu', staffed: 10, occupied: 7 });
  await mutate('bed.update', { id: newId(), unit: '外科一病区', type: 'medical_surgical', staffed: 40, occupied: 31 });
  await mutate('stock.saveItem', { id: newId(), name: 'N95 口罩', category: 'ppe', unit: '只', par: 500, yellowAt: 200, redAt: 100 });
  await mutate('stock.saveItem', { id: newId(), name: '外科口罩', category: 'ppe', unit: '只', par: 500, yellowAt: 200, redAt: 100 });
  await mutate('stock.receive', { id: newId(), item: 'N95 口罩', store: '中心库房', qty: 40 });
  await mutate('stock.receive', { id: newId(), item: '外科口罩', store: '中心库房', qty: 900 });
  for (const shiftCode of ['D12', 'N12']) {
    await mutate('roster.setRequirement', { id: newId(), unit: '急诊科', role: 'nurse', shiftCode, min: 4 });
  }
}
