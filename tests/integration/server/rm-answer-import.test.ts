import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushResponseSchema } from '../../../src/contract/sync';
import { newId } from '../../../src/domain/ids';
import { ResourceRequestSchema } from '../../../src/domain/resources/resource-requests';
import { exportRm, importRm, importRmRequest } from '../../../src/server/exchange/rm-exchange';
import { newClientId, post, pushBody, pushed, startTestServer, storageKinds, type TestServer } from '../../fixtures/server';

const NEEDED_BY = Date.UTC(2026, 11, 5, 6, 0);

describe.each(await storageKinds())('EDXL-RM answers to a request we sent, imported on %s', (storage) => {
  let srv: TestServer;
  let token: string;
  let username: string;
  const client = newClientId();
  let mutationId = 0;
  beforeAll(async () => {
    srv = await startTestServer({ storage });
    await srv.createSpace({ id: 'jiangbin-first', name: 'Jiangbin First People’s Hospital', kind: 'hospital' });
    await srv.createSpace({ id: 'jiangbin-tcm', name: 'Jiangbin TCM Hospital', kind: 'hospital' });
    const user = await srv.createUser({ roles: ['incident_commander'], spaces: ['jiangbin-first', 'jiangbin-tcm'] });
    username = user.username;
    token = (await srv.login(user)).token;
  });
  afterAll(() => srv.close());

  const apply = async (name: string, args: unknown, space: string) => {
    const answer = PushResponseSchema.parse((await post(srv.url, '/api/sync/push', pushBody(client, [pushed(++mutationId, name, args, { space })]), token)).body);
    expect(answer.results[0]).toMatchObject({ status: 'applied' });
  };
  const requestRow = async (id: string) =>
    ResourceRequestSchema.parse((await srv.server.db.query<{ data: unknown }>("SELECT data FROM entity WHERE kind = 'resourceRequest' AND id = $1", [id]))[0]?.data);
  const version = async (space: string) => (await srv.server.db.query<{ version: unknown }>('SELECT version FROM space WHERE id = $1', [space]))[0]?.version;
  const importInto = (space: string, xml: string, label = 'answer.xml') => importRm(srv.server.db, { space, username, xml, label, now: Date.now });

  /** Our request goes to the TCM hospital as a RequestResource; returns our id and theirs. */
  async function sendOurRequest(item: string, qty: number) {
    const ours = newId();
    await apply('request.raise', { id: ours, item, qty, neededBy: NEEDED_BY, priority: 'urgent', justification: 'Bus crash', section: 'Operations' }, 'jiangbin-first');
    const sent = await exportRm(srv.server.db, { space: 'jiangbin-first', requestId: ours, message: 'request', now: Date.now() });
    const received = await importRmRequest(srv.server.db, { space: 'jiangbin-tcm', username, xml: sent, label: 'first.xml', now: Date.now });
    const theirs = received.received[0]?.id ?? '';
    return { ours, theirs };
  }
  const theirAnswer = (theirs: string, message: 'response' | 'commit') => exportRm(srv.server.db, { space: 'jiangbin-tcm', requestId: theirs, message, now: Date.now() });

  it('records their Accept and their commit (units issued) on our request, once; a second import is a duplicate and changes nothing', async () => {
    const { ours, theirs } = await sendOurRequest('Portable ventilator', 4);
    const stockId = newId();
    await apply('stock.receive', { id: stockId, item: 'Portable ventilator', store: 'TCM central', qty: 10 }, 'jiangbin-tcm');
    await apply('request.approve', { id: theirs }, 'jiangbin-tcm');
    await apply('request.fill', { id: theirs, stockId, qty: 3 }, 'jiangbin-tcm');

    const accepted = await importInto('jiangbin-first', await theirAnswer(theirs, 'response'));
    expect(accepted).toMatchObject({ kind: 'answer', result: { requestId: ours, duplicate: false, answer: { message: 'response', response: 'Accept', qty: 4 } } });
    const committed = await importInto('jiangbin-first', await theirAnswer(theirs, 'commit'));
    expect(committed).toMatchObject({ kind: 'answer', result: { requestId: ours, duplicate: false, answer: { message: 'commit', response: 'Accept', qty: 3 } } });

    const row = await requestRow(ours);
    expect(row.status).toBe('pending');
    expect(row.mutualAidAnswers).toMatchObject([
      { message: 'response', response: 'Accept', messageId: `urn:hcc:jiangbin-tcm:rr:${theirs}:response` },
      { message: 'commit', qty: 3, messageId: `urn:hcc:jiangbin-tcm:rr:${theirs}:commit:1` },
    ]);
    expect(row.mutualAidAnswers?.[0]?.from).toMatch(/^Jiangbin TCM Hospital, Logistics/);
    expect(row.mutualAidAnswers?.[0]?.sentAt).toBeGreaterThan(0);

    const before = await version('jiangbin-first');
    const again = await importInto('jiangbin-first', await theirAnswer(theirs, 'commit'));
    expect(again).toMatchObject({ kind: 'answer', result: { requestId: ours, duplicate: true } });
    expect(await version('jiangbin-first')).toEqual(before);
    expect((await requestRow(ours)).mutualAidAnswers).toHaveLength(2);
  });

  it('records a Decline with their reason', async () => {
    const { ours, theirs } = await sendOurRequest('ECMO circuit', 1);
    await apply('request.reject', { id: theirs, reason: 'None in the region' }, 'jiangbin-tcm');
    await importInto('jiangbin-first', await theirAnswer(theirs, 'response'));
    expect((await requestRow(ours)).mutualAidAnswers).toMatchObject([{ message: 'response', response: 'Decline', reason: 'None in the region' }]);
  });

  it('refuses an answer naming no request of the space, and an invalid one with xmllint’s message, writing nothing', async () => {
    const { ours, theirs } = await sendOurRequest('O-negative blood', 6);
    await apply('request.approve', { id: theirs }, 'jiangbin-tcm');
    const response = await theirAnswer(theirs, 'response');

    const tcmBefore = await version('jiangbin-tcm');
    // The answer names our request; the TCM space sent no such request (and theirs was received, not sent).
    await expect(importInto('jiangbin-tcm', response)).rejects.toThrow(`no request of space jiangbin-tcm matches message urn:hcc:jiangbin-first:rr:${ours}`);
    const unknown = response.replaceAll(`urn:hcc:jiangbin-first:rr:${ours}`, 'urn:hcc:jiangbin-first:rr:no-such-request');
    await expect(importInto('jiangbin-first', unknown)).rejects.toThrow('no request of space jiangbin-first matches message urn:hcc:jiangbin-first:rr:no-such-request');
    expect(await version('jiangbin-tcm')).toEqual(tcmBefore);

    const firstBefore = await version('jiangbin-first');
    const broken = response.replace('<rm:ResponseType>Accept</rm:ResponseType>', '<rm:ResponseType>Maybe</rm:ResponseType>');
    expect(broken).not.toBe(response);
    await expect(importInto('jiangbin-first', broken, 'tcm-answer.xml')).rejects.toThrow(/tcm-answer\.xml:\d+: element ResponseType: Schemas validity error : .*'Maybe'/);
    expect(await version('jiangbin-first')).toEqual(firstBefore);
    expect((await requestRow(ours)).mutualAidAnswers).toBeUndefined();
  });
});
