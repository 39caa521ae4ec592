import { describe, expect, it } from 'vitest';
import { FeedObservationsResponseSchema } from '../../../src/contract/feeds';
import { newId } from '../../../src/domain/ids';
import type { Role } from '../../../src/domain/roles';
import { dayFromNumber } from '../../../src/domain/warning/daily-series';
import { mondayOf } from '../../../src/domain/warning/periods';
import { post, storageKinds } from '../../fixtures/server';
import { eventually, useLoggedInStations } from '../../fixtures/sync';

const SPACE = 'demo-hospital';
const thisMonday = mondayOf(Math.floor(Date.now() / 86_400_000));
/** Eight Mondays up to this week's: a steady ILI % of 10–14, and `last` this week. */
const eightWeeks = (last: number) => [10, 12, 11, 13, 12, 14, 12, last].map((value, i) => ({ date: dayFromNumber(thisMonday - 7 * (7 - i)), value }));

describe.each(await storageKinds())('a weekly indicator on two workstations through a real server on %s', (storage) => {
  const rig = useLoggedInStations(storage);
  const station = (roles: Role[]) => rig.station(roles);

  it('reaches the other desk weekly, with its Monday-dated figures, its week-by-week series and the alert of a spike week', async () => {
    const a = await station(['incident_commander']);
    const b = await station(['operator']);
    const ili = newId();
    await a.ws.call('mutate', { name: 'indicator.define', args: { id: ili, name: 'ILI %', source: 'fever_clinic', measure: 'percent', frequency: 'weekly', method: 'ears_c1', group: 'respiratory' } });
    await a.ws.call('mutate', { name: 'observation.import', args: { indicatorId: ili, rows: eightWeeks(16) } });
    await eventually(b.ws, () => b.ws.store.list('observation', SPACE).length === 8 && b.ws.store.list('alert', SPACE).length === 1, 20_000);
    expect(b.ws.store.list('indicator', SPACE).find((i) => i.id === ili)).toMatchObject({ frequency: 'weekly' });
    expect(b.ws.store.list('alert', SPACE)[0]).toMatchObject({ grade: 'red', firstDate: dayFromNumber(thisMonday) });
    const { points } = await b.ws.call('warning.series', { indicatorId: ili, days: 10 });
    expect(points.map((p) => p.date)).toEqual(Array.from({ length: 10 }, (_, i) => dayFromNumber(thisMonday - 7 * (9 - i))));
    expect(points.at(-1)).toMatchObject({ value: 16, level: 'red' });
    expect(points[0]).toMatchObject({ value: null, level: 'grey' });

    // Desk B corrects this week's figure; a Tuesday is refused by name, on the desk and on the server alike.
    const tuesday = dayFromNumber(thisMonday + 1);
    const refused = await b.ws.call('mutate', { name: 'observation.record', args: { indicatorId: ili, date: tuesday, value: 12 } }).then(() => null, (e: unknown) => e);
    expect(String(refused)).toContain(dayFromNumber(thisMonday));
    await b.ws.call('mutate', { name: 'observation.record', args: { indicatorId: ili, date: dayFromNumber(thisMonday), value: 12, replace: true } });
    await eventually(a.ws, () => a.ws.store.list('observation', SPACE).some((o) => o.date === dayFromNumber(thisMonday) && o.value === 12 && o.revision === 2), 20_000);
    expect(a.ws.store.list('observation', SPACE)).toHaveLength(8);
    await eventually(b.ws, () => b.ws.store.pendingCount() === 0, 20_000);

    // A feed's figure for another day of the week is rejected on the server, naming the Monday.
    const feed = await rig.server.createUser({ roles: ['operator'] });
    const token = (await rig.server.login(feed)).token;
    const answer = await post(rig.server.url, '/api/feeds/observations', { space: SPACE, observations: [{ indicatorId: ili, date: tuesday, value: 13 }] }, token);
    const [result] = FeedObservationsResponseSchema.parse(answer.body).results;
    expect(result).toMatchObject({ status: 'rejected', code: 'invalid_args' });
    expect(result?.message).toContain(dayFromNumber(thisMonday));
  });
});
