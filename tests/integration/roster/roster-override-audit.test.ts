import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushResponseSchema } from '../../../src/contract/sync';
import { newId } from '../../../src/domain/ids';
import { makeStaffRow } from '../../fixtures/roster';
import { newClientId, post, pushBody, pushed, startTestServer, storageKinds, type TestServer } from '../../fixtures/server';

const H = 3_600_000;
const DAY_0700 = Date.UTC(2026, 10, 23, 23, 0);

/** A commander's fatigue override is the incident's record: the server's audit keeps who, when and why. */
describe.each(await storageKinds())('fatigue override on the server, on %s', (storage) => {
  let srv: TestServer;
  let commander: string;
  let operator: string;
  beforeAll(async () => {
    srv = await startTestServer({ storage });
    commander = (await srv.login(await srv.createUser({ roles: ['incident_commander'] }))).token;
    operator = (await srv.login(await srv.createUser({ roles: ['operator'] }))).token;
  });
  afterAll(() => srv.close());

  const push = async (token: string, client: string, mutations: ReturnType<typeof pushed>[]) => {
    const response = await post(srv.url, '/api/sync/push', pushBody(client, mutations), token);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return PushResponseSchema.parse(response.body);
  };

  it('applies the commander override, records its reason in the audit, and refuses the same override from an operator', async () => {
    const nurse = makeStaffRow(1, { profession: 'nurse' });
    const shift = (fromH: number, hours: number, code: string) => ({
      id: newId(), staffId: nurse.id, unit: 'ED', role: 'nurse', shiftCode: code, start: DAY_0700 + fromH * H, end: DAY_0700 + (fromH + hours) * H,
    });
    const reason = '第二辆客车到达，无其他具备检伤资质的护士';
    const client = newClientId();
    const asCommander = await push(commander, client, [
      pushed(1, 'staff.import', { rows: [nurse] }),
      pushed(2, 'roster.assign', shift(0, 12, 'D12')),
      pushed(3, 'roster.assign', { ...shift(16, 8, 'N8'), override: { reason } }),
    ]);
    expect(asCommander.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    const fromOperator = await push(operator, newClientId(), [pushed(1, 'roster.assign', { ...shift(28, 8, 'E8'), override: { reason: 'short of staff' } })]);
    expect(fromOperator.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden', params: { permission: 'roster.override' } });

    const audit = await srv.server.db.query<{ result: string; args: { override?: { reason: string } }; name: string }>(
      "SELECT result, args, name FROM audit WHERE name = 'roster.assign' AND args ? 'override' ORDER BY seq",
      [],
    );
    expect(audit.map((a) => [a.result, a.args.override?.reason])).toEqual([
      ['applied', reason],
      ['rejected', 'short of staff'],
    ]);
  });
});
