import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushResponseSchema } from '../../../src/contract/sync';
import { newId } from '../../../src/domain/ids';
import { ResourceRequestSchema } from '../../../src/domain/resources/resource-requests';
import { exportRm, importRmRequest } from '../../../src/server/exchange/rm-exchange';
import { schemaDir, validateXml } from '../../../src/node/xml-schema';
import { newClientId, post, pushBody, pushed, startTestServer, storageKinds, type TestServer } from '../../fixtures/server';

type Node = Record<string, unknown>;
const parse = (xml: string) => new XMLParser({ removeNSPrefix: true }).parse(xml) as Record<string, Node>;
const NEEDED_BY = Date.UTC(2026, 11, 5, 6, 0);

describe.each(await storageKinds())('EDXL-RM 1.0 for resource requests (HICS 213RR) on %s', (storage) => {
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

  const apply = async (name: string, args: unknown, space = 'jiangbin-first') => {
    const answer = PushResponseSchema.parse((await post(srv.url, '/api/sync/push', pushBody(client, [pushed(++mutationId, name, args, { space })]), token)).body);
    expect(answer.results[0]).toMatchObject({ status: 'applied' });
  };
  const requestRow = async (id: string) =>
    ResourceRequestSchema.parse((await srv.server.db.query<{ data: unknown }>("SELECT data FROM entity WHERE kind = 'resourceRequest' AND id = $1", [id]))[0]?.data);

  it('exports a request, its approval and what was issued as RequestResource, ResponseToRequestResource and CommitResource that validate', async () => {
    const stockId = newId();
    const id = newId();
    await apply('stock.receive', { id: stockId, item: 'Portable ventilator', store: 'Central', qty: 10 });
    await apply('request.raise', { id, item: 'Portable ventilator', qty: 4, neededBy: NEEDED_BY, priority: 'urgent', justification: 'Bus crash: 6 intubated', section: 'Operations' });
    const request = await exportRm(srv.server.db, { space: 'jiangbin-first', requestId: id, message: 'request', now: Date.now() });
    expect(await validateXml(request, 'rm-1.0/RequestResource')).toEqual({ ok: true });
    const body = parse(request)['RequestResource'] as Node;
    expect(body).toMatchObject({
      MessageID: `urn:hcc:jiangbin-first:rr:${id}`,
      MessageContentType: 'RequestResource',
      ContactInformation: { ContactRole: 'Requester' },
      ResourceInformation: { Resource: { Name: 'Portable ventilator' }, AssignmentInformation: { Quantity: { MeasuredQuantity: { Amount: 4 } } }, ScheduleInformation: { ScheduleType: 'RequestedArrival', DateTime: new Date(NEEDED_BY).toISOString() } },
    });
    await expect(exportRm(srv.server.db, { space: 'jiangbin-first', requestId: id, message: 'response', now: Date.now() })).rejects.toThrow(/still pending/);

    await apply('request.approve', { id });
    await apply('request.fill', { id, stockId, qty: 3 });
    const response = await exportRm(srv.server.db, { space: 'jiangbin-first', requestId: id, message: 'response', now: Date.now() });
    expect(await validateXml(response, 'rm-1.0/ResponseToRequestResource')).toEqual({ ok: true });
    expect((parse(response)['ResponseToRequestResource'] as Node)['ResourceInformation']).toMatchObject({ ResponseInformation: { ResponseType: 'Accept' } });
    const commit = await exportRm(srv.server.db, { space: 'jiangbin-first', requestId: id, message: 'commit', now: Date.now() });
    expect(await validateXml(commit, 'rm-1.0/CommitResource')).toEqual({ ok: true });
    expect(parse(commit)['CommitResource']).toMatchObject({ PrecedingMessageID: `urn:hcc:jiangbin-first:rr:${id}`, ResourceInformation: { AssignmentInformation: { Quantity: { MeasuredQuantity: { Amount: 3 } } } } });
  });

  it('answers a refused request with Decline and the reason', async () => {
    const id = newId();
    await apply('request.raise', { id, item: 'ECMO circuit', qty: 1, neededBy: NEEDED_BY, priority: 'high', justification: 'Burns', section: 'Medical care' });
    await apply('request.reject', { id, reason: 'None in the region' });
    const response = await exportRm(srv.server.db, { space: 'jiangbin-first', requestId: id, message: 'response', now: Date.now() });
    expect(await validateXml(response, 'rm-1.0/ResponseToRequestResource')).toEqual({ ok: true });
    expect((parse(response)['ResponseToRequestResource'] as Node)['ResourceInformation']).toMatchObject({ ResponseInformation: { ResponseType: 'Decline', ResponseReason: 'None in the region' } });
  });

  it("lands another hospital's RequestResource as an incoming mutual-aid request, once, and answers under the sender's message id", async () => {
    const id = newId();
    await apply('request.raise', { id, item: 'O-negative blood', qty: 6, neededBy: NEEDED_BY, priority: 'urgent', justification: 'Massive transfusion', section: 'Operations' }, 'jiangbin-tcm');
    const sent = await exportRm(srv.server.db, { space: 'jiangbin-tcm', requestId: id, message: 'request', now: Date.now() });

    const first = await importRmRequest(srv.server.db, { space: 'jiangbin-first', username, xml: sent, label: 'tcm-request.xml', now: Date.now });
    expect(first).toMatchObject({ received: [{ item: 'O-negative blood', qty: 6 }], duplicates: [], unreadable: [], refused: [] });
    const landed = await requestRow(first.received[0]?.id ?? '');
    expect(landed).toMatchObject({
      space: 'jiangbin-first',
      status: 'pending',
      priority: 'urgent',
      neededBy: NEEDED_BY,
      section: 'Mutual aid',
      mutualAid: { direction: 'incoming', messageId: `urn:hcc:jiangbin-tcm:rr:${id}` },
    });

    expect(landed.mutualAid?.from).toMatch(/^Jiangbin TCM Hospital, Operations \(requested by .+\)$/);

    const again = await importRmRequest(srv.server.db, { space: 'jiangbin-first', username, xml: sent, label: 'tcm-request.xml', now: Date.now });
    expect(again).toMatchObject({ received: [], duplicates: [{ item: 'O-negative blood' }] });

    await apply('request.reject', { id: landed.id, reason: 'Our own stock is red' });
    const answer = await exportRm(srv.server.db, { space: 'jiangbin-first', requestId: landed.id, message: 'response', now: Date.now() });
    expect(await validateXml(answer, 'rm-1.0/ResponseToRequestResource')).toEqual({ ok: true });
    expect(parse(answer)['ResponseToRequestResource']).toMatchObject({ OriginatingMessageID: `urn:hcc:jiangbin-tcm:rr:${id}`, PrecedingMessageID: `urn:hcc:jiangbin-tcm:rr:${id}` });
  });

  it("reads the OASIS example request, and refuses an invalid one with xmllint's message, writing nothing", async () => {
    const example = readFileSync(join(schemaDir(), 'edxl-rm-1.0', 'example-valid.xml'), 'utf8');
    const read = await importRmRequest(srv.server.db, { space: 'jiangbin-first', username, xml: example, label: 'example.xml', now: Date.now });
    // The example names a ventilator but gives no quantity: nothing to act on, said so.
    expect(read).toMatchObject({ received: [], unreadable: [{ elementId: '1', reason: 'no whole quantity of at least 1' }] });

    const before = await srv.server.db.query('SELECT version FROM space WHERE id = $1', ['jiangbin-first']);
    const broken = readFileSync(join(schemaDir(), 'edxl-rm-1.0', 'example-invalid.xml'), 'utf8');
    await expect(importRmRequest(srv.server.db, { space: 'jiangbin-first', username, xml: broken, label: 'county.xml', now: Date.now })).rejects.toThrow(
      /county\.xml:8: element MessageContentType: Schemas validity error : .*'CommitResource' is not an element of the set \{'RequestResource'\}/,
    );
    expect(await srv.server.db.query('SELECT version FROM space WHERE id = $1', ['jiangbin-first'])).toEqual(before);
  });
});
