import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { newClientId, post, pushBody, pushed, storageKinds } from '../../fixtures/server';
import { eventually, useStationsBehindProxies, type Station } from '../../fixtures/sync';

const SPACE = 'demo-hospital';

describe.each(await storageKinds())('reserves on two desks through a real server on %s', { timeout: 120_000 }, (storage) => {
  const rig = useStationsBehindProxies(storage, ['logistics_chief']);
  const level = (s: Station, id: string) => s.ws.store.list('stock', SPACE).find((l) => l.id === id);
  const mutate = async (s: Station, name: string, args: unknown) => expect(await s.ws.handle('mutate', { name, args })).toMatchObject({ ok: true });

  it('a FEFO issue made offline on one desk syncs, and the other desk sees the same lots and the lots it drew', async () => {
    const { s: a, net: netA } = await rig.station();
    const { s: b } = await rig.station();
    const itemId = newId();
    const id = newId();
    await mutate(a, 'stock.saveItem', { id: itemId, name: 'N95 masks', category: 'ppe', unit: 'box', par: 100, yellowAt: 50, redAt: 10 });
    await mutate(a, 'stock.setReserveQuota', { itemId, level: 'standing', quota: { basis: 'units', amount: 20 } });
    await mutate(a, 'stock.receive', { id, item: 'N95 masks', store: 'Central store', qty: 10, lot: { lotNo: 'LATE', expiresOn: '2099-06-30' } });
    await mutate(a, 'stock.receive', { id, item: 'N95 masks', store: 'Central store', qty: 10, lot: { lotNo: 'EARLY', expiresOn: '2099-01-31' } });
    await eventually(b.ws, () => level(b, id)?.lots?.length === 2, 20_000);

    netA.setMode('down');
    await mutate(a, 'stock.issue', { id, qty: 12 });
    expect(level(a, id)?.lots).toMatchObject([{ lotNo: 'LATE', qty: 8 }]);
    expect(level(b, id)?.qty).toBe(20);
    netA.setMode('up');

    await eventually(b.ws, () => level(b, id)?.qty === 8, 30_000);
    expect(level(b, id)?.lots).toEqual(level(a, id)?.lots);
    expect(level(b, id)?.history?.at(-1)?.lots).toEqual([{ lotNo: 'EARLY', expiresOn: '2099-01-31', qty: 10 }, { lotNo: 'LATE', expiresOn: '2099-06-30', qty: 2 }]);
    const [row] = (await b.ws.call('resources.reserves', { incidentId: null })).rows;
    expect(row).toMatchObject({ item: 'N95 masks', onHand: 8, required: 20, quotaFrom: 'standing', status: 'red', burnSource: 'history' });
    await eventually(a.ws, () => a.ws.store.pendingCount() === 0, 20_000);
  });

  it('the server refuses a reserve quota from a user who may not edit stock', async () => {
    const viewer = await rig.server.login(await rig.server.createUser({ roles: ['viewer'] }));
    const args = { itemId: newId(), level: 'I', quota: { basis: 'days', amount: 30 } };
    const response = await post(rig.server.url, '/api/sync/push', pushBody(newClientId(), [pushed(1, 'stock.setReserveQuota', args)]), viewer.token);
    expect(response.body).toMatchObject({ results: [{ status: 'rejected', code: 'forbidden' }] });
  });
});
