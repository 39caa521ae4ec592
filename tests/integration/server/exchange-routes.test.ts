import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HaveFeedSchema } from '../../../src/contract/exchange-feed';
import { PushResponseSchema } from '../../../src/contract/sync';
import { haveDocument } from '../../../src/domain/edxl/have-document';
import { newId } from '../../../src/domain/ids';
import { placeRecordId } from '../../../src/domain/map/map-region';
import { importHave } from '../../../src/server/exchange/have-import';
import { schemaDir, validateXml } from '../../../src/node/xml-schema';
import { makeIncidentArgs } from '../../fixtures/workstation';
import { newClientId, post, pushBody, pushed, startTestServer, storageKinds, type TestServer } from '../../fixtures/server';

async function get(base: string, path: string, token?: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  return { status: response.status, etag: response.headers.get('etag'), type: response.headers.get('content-type'), text: await response.text() };
}

type Node = Record<string, unknown>;
const bedCapacity = (xml: string) =>
  (((new XMLParser({ isArray: (name) => name === 'have:BedCapacity' }).parse(xml) as Node)['have:HospitalStatus'] as Node)['have:Hospital'] as Node)['have:HospitalBedCapacityStatus'] as Node | undefined;

describe.each(await storageKinds())('regional exchange (EDXL-HAVE 1.0) on %s', (storage) => {
  let srv: TestServer;
  let token: string;
  let username: string;
  beforeAll(async () => {
    srv = await startTestServer({ storage });
    await srv.createSpace({ id: 'jiangbin-first', name: '江滨市第一人民医院', kind: 'hospital' });
    const user = await srv.createUser({ roles: ['incident_commander'], spaces: ['jiangbin-first'] });
    username = user.username;
    token = (await srv.login(user)).token;
  });
  afterAll(() => srv.close());

  const pushBeds = async (mutationId: number, clientId: string, args: Record<string, unknown>) => {
    const answer = PushResponseSchema.parse((await post(srv.url, '/api/sync/push', pushBody(clientId, [pushed(mutationId, 'bed.update', args, { space: 'jiangbin-first' })]), token)).body);
    expect(answer.results[0]?.status).toBe('applied');
  };

  it("serves the space's latest HAVE document, valid against have.xsd, with the hospital's real name; 304 while it is unchanged", async () => {
    const client = newClientId();
    await pushBeds(1, client, { id: newId(), unit: 'ICU 1', type: 'adult_icu', staffed: 10, occupied: 4, surge: 1 });
    const first = await get(srv.url, '/api/spaces/jiangbin-first/have', token);
    expect(first.status).toBe(200);
    expect(first.type).toMatch(/^application\/xml/);
    expect(await validateXml(first.text, 'have-1.0')).toEqual({ ok: true });
    expect(first.text).toContain('<xnl:NameElement>江滨市第一人民医院</xnl:NameElement>');
    expect(bedCapacity(first.text)?.['have:BedCapacity']).toMatchObject([{ 'have:BedType': 'AdultICU', 'have:Capacity': { 'have:AvailableCount': 6 } }]);
    expect(first.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);

    const again = await get(srv.url, '/api/spaces/jiangbin-first/have', token, { 'if-none-match': first.etag ?? '' });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');

    await pushBeds(2, client, { id: newId(), unit: 'ED', type: 'emergency_department', staffed: 20, occupied: 20, surge: 0 });
    const changed = await get(srv.url, '/api/spaces/jiangbin-first/have', token, { 'if-none-match': first.etag ?? '' });
    expect(changed.status).toBe(200);
    expect(changed.etag).not.toBe(first.etag);
    expect(await validateXml(changed.text, 'have-1.0')).toEqual({ ok: true });
  });

  it("counts the casualties desks registered in the served document's EMSCensus, and the ETag changes with them", async () => {
    const client = newClientId();
    const before = await get(srv.url, '/api/spaces/jiangbin-first/have', token);
    const incident = makeIncidentArgs({ name: 'Bus crash', type: 'mass_casualty' });
    const casualties = [
      { tagNo: 'J-1', category: 'immediate' },
      { tagNo: 'J-2', category: 'minor' },
      { tagNo: 'J-3', category: 'minor' },
    ].map((c, i) => pushed(i + 2, 'casualty.register', { incidentId: incident.id, area: 'ED', ...c }, { space: 'jiangbin-first' }));
    const body = pushBody(client, [pushed(1, 'incident.declare', incident, { space: 'jiangbin-first' }), ...casualties]);
    const answer = PushResponseSchema.parse((await post(srv.url, '/api/sync/push', body, token)).body);
    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);

    const served = await get(srv.url, '/api/spaces/jiangbin-first/have', token, { 'if-none-match': before.etag ?? '' });
    expect(served.status).toBe(200);
    expect(await validateXml(served.text, 'have-1.0')).toEqual({ ok: true });
    const census = (((new XMLParser({ isArray: (name) => name === 'have:TriageCode' }).parse(served.text) as Node)['have:HospitalStatus'] as Node)['have:Hospital'] as Node)['have:EmergencyDepartmentStatus'] as Node;
    expect((census['have:EMSCensus'] as Node)['have:TriageCode']).toEqual([
      { 'have:TriageCodeValue': 'Red', 'have:TriageCountQuantity': 1 },
      { 'have:TriageCodeValue': 'Yellow', 'have:TriageCountQuantity': 0 },
      { 'have:TriageCodeValue': 'Green', 'have:TriageCountQuantity': 2 },
      { 'have:TriageCodeValue': 'Black', 'have:TriageCountQuantity': 0 },
    ]);
    // Counts and colours only: a casualty's tag or any name never leaves in a regional document.
    expect(served.text).not.toContain('J-1');
  });

  it('feeds bed-line changes after a cursor in HAVE terms, and answers 304 when there is nothing new', async () => {
    const all = await get(srv.url, '/api/spaces/jiangbin-first/have/feed?after=0', token);
    expect(all.status).toBe(200);
    const feed = HaveFeedSchema.parse(JSON.parse(all.text));
    expect(feed.changes.map((c) => [c.bedType, c.available, c.baseline])).toEqual([['AdultICU', 6, 10], ['EmergencyDepartment', 0, 20]]);
    expect(feed.more).toBe(false);

    const paged = HaveFeedSchema.parse(JSON.parse((await get(srv.url, '/api/spaces/jiangbin-first/have/feed?after=0&limit=1', token)).text));
    expect(paged).toMatchObject({ more: true, cursor: feed.changes[0]?.version });
    expect(paged.changes).toHaveLength(1);

    const idle = await get(srv.url, `/api/spaces/jiangbin-first/have/feed?after=${feed.cursor}`, token, { 'if-none-match': 'W/"other", ' + (all.etag ?? '') });
    expect(idle.status).toBe(200);
    expect(HaveFeedSchema.parse(JSON.parse(idle.text)).changes).toEqual([]);
    const unchanged = await get(srv.url, `/api/spaces/jiangbin-first/have/feed?after=${feed.cursor}`, token, { 'if-none-match': idle.etag ?? '' });
    expect(unchanged.status).toBe(304);
  });

  it('keeps a quiet space\'s document (nothing reported yet) the same between polls, dated when the space was made', async () => {
    await srv.createSpace({ id: 'quiet-annex', name: 'Quiet annex', kind: 'hospital' });
    const quiet = (await srv.login(await srv.createUser({ spaces: ['quiet-annex'] }))).token;
    const first = await get(srv.url, '/api/spaces/quiet-annex/have', quiet);
    expect(first.status).toBe(200);
    expect(await validateXml(first.text, 'have-1.0')).toEqual({ ok: true });
    expect((await get(srv.url, '/api/spaces/quiet-annex/have', quiet, { 'if-none-match': first.etag ?? '' })).status).toBe(304);
  });

  it('refuses a caller without a token, a space not granted, and a bad cursor', async () => {
    expect((await get(srv.url, '/api/spaces/jiangbin-first/have')).status).toBe(401);
    expect((await get(srv.url, '/api/spaces/jiangbin-first/have/feed')).status).toBe(401);
    expect((await get(srv.url, '/api/spaces/demo-hospital/have', token)).status).toBe(403);
    expect((await get(srv.url, '/api/spaces/no-such-space/have/feed', token)).status).toBe(403);
    expect((await get(srv.url, '/api/spaces/jiangbin-first/have/feed?after=-1', token)).status).toBe(400);
  });

  it('refuses a cursor ahead of the space\'s history (a server restored from a backup, a mistyped cursor) instead of an empty page that skips changes', async () => {
    const { cursor } = HaveFeedSchema.parse(JSON.parse((await get(srv.url, '/api/spaces/jiangbin-first/have/feed?after=0', token)).text));
    const ahead = await get(srv.url, `/api/spaces/jiangbin-first/have/feed?after=${cursor + 1000}`, token);
    expect(ahead.status).toBe(409);
    const refusal = JSON.parse(ahead.text) as { code: string; message: string };
    expect(refusal.code).toBe('invalid_request');
    expect(refusal.message).toContain(`ahead of space jiangbin-first's history (at ${cursor})`);
    expect(refusal.message).toContain('poll again from after=0');
    expect((await get(srv.url, `/api/spaces/jiangbin-first/have/feed?after=${cursor}`, token)).status).toBe(200);
  });

  it("imports a neighbour's HAVE document into the space's region data under the importing user's name", async () => {
    const neighbour = haveDocument({
      hospital: { id: 'someone-else', name: 'Jiangbin TCM Hospital', location: { lat: 30.2685, lon: 120.1885 } },
      beds: [
        { type: 'EmergencyDepartment', available: 3, baseline: 10, additional24Hr: 0 },
        { type: 'AdultICU', available: 2, baseline: 8, additional24Hr: 0 },
        { type: 'PediatricICU', available: 1, baseline: 4, additional24Hr: 0 },
        { type: 'MedicalSurgical', available: 15, baseline: 90, additional24Hr: 5 },
        { type: 'Burn', available: 4, baseline: 4, additional24Hr: 0 },
      ],
      facility: { eocActive: false },
      resources: { notes: [] },
      lastUpdate: Date.UTC(2026, 11, 4, 7, 30),
    });
    const result = await importHave(srv.server.db, { space: 'jiangbin-first', username, xml: neighbour, label: 'tcm.xml', now: Date.now });
    expect(result).toEqual({
      imported: [{ place: 'h-tcm', name: 'Jiangbin TCM Hospital', available: { emergency: 3, icu: 3, general: 15, paediatric: 0 }, reportedAt: Date.UTC(2026, 11, 4, 7, 30) }],
      skipped: [],
      refused: [],
    });
    const [row] = await srv.server.db.query<{ data: { available: unknown; updatedAt: number } }>('SELECT data FROM entity WHERE kind = $1 AND id = $2', ['neighbourHospital', placeRecordId('jiangbin-first', 'neighbourHospital', 'h-tcm')]);
    expect(row?.data).toMatchObject({ available: { emergency: 3, icu: 3, general: 15, paediatric: 0 }, updatedAt: Date.UTC(2026, 11, 4, 7, 30) });
    const [audit] = await srv.server.db.query<{ name: string; result: string }>("SELECT a.name, a.result FROM audit a JOIN app_user u ON u.id = a.user_id WHERE u.username = $1 AND a.name = 'map.reportNeighbourBeds'", [username]);
    expect(audit).toEqual({ name: 'map.reportNeighbourBeds', result: 'applied' });
  });

  it("refuses a neighbour's file the schema refuses, with xmllint's message, and writes nothing", async () => {
    const broken = readFileSync(join(schemaDir(), 'edxl-have-1.0', 'example-invalid.xml'), 'utf8');
    const before = await srv.server.db.query('SELECT version FROM space WHERE id = $1', ['jiangbin-first']);
    await expect(importHave(srv.server.db, { space: 'jiangbin-first', username, xml: broken, label: 'county.xml', now: Date.now })).rejects.toThrow(
      /county\.xml:16: element BedType: Schemas validity error/,
    );
    expect(await srv.server.db.query('SELECT version FROM space WHERE id = $1', ['jiangbin-first'])).toEqual(before);
  });

  it('skips a hospital the region map does not know, naming it', async () => {
    const valid = readFileSync(join(schemaDir(), 'edxl-have-1.0', 'example-valid.xml'), 'utf8');
    const result = await importHave(srv.server.db, { space: 'jiangbin-first', username, xml: valid, label: 'example.xml', now: Date.now });
    expect(result.imported).toEqual([]);
    expect(result.skipped).toEqual([{ name: 'Example General Hospital', reason: expect.stringContaining('not on the region map') as unknown }]);
  });
});
