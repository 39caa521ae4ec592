import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { logInToServer, startSyncRig } from './fixtures/sync-rig';
import { ResourcesPage } from './pages/resources';
import { expect, test } from './fixtures/test';

const USER = { username: 'bed-manager', password: 'command-room-2026' };

/** xmllint's verdict on a document, as a county system receiving it would check it. */
async function xmllint(xml: string): Promise<{ code: number; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-have-'));
  try {
    writeFileSync(join(dir, 'have.xml'), xml);
    return await promisify(execFile)('xmllint', ['--noout', '--nonet', '--schema', 'resources/schemas/edxl-have-1.0/have.xsd', join(dir, 'have.xml')]).then(
      (r) => ({ code: 0, output: r.stderr }),
      (e: { code: number; stderr: string }) => ({ code: e.code, output: e.stderr }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("beds entered on a desk are in the server's EDXL-HAVE document after one sync, and the document validates", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const rig = await startSyncRig({ user: USER, roles: 'incident_commander', workstations: 1 });
  try {
    const host = rig.hosts[0];
    if (!host) throw new Error('host did not start');
    const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    const desk = new ResourcesPage(page);
    await desk.open(host.url);
    await logInToServer(page, rig.serverUrl, USER);
    await page.getByTestId('nav-resources').click();
    await desk.tab('beds');
    await desk.addBedLine('ICU 1', 'adult_icu');
    await desk.editBed('ICU 1', 'staffed', '12');
    await desk.editBed('ICU 1', 'occupied', '9');
    await expect(desk.bedCell('ICU 1', 'available')).toHaveText('3');
    // Nothing left to send: the server has acknowledged every change of this desk.
    await expect(desk.pending).toHaveText('无待同步变更', { timeout: 20_000 });
    await page.screenshot({ path: 'test-results/screens/have-exchange-desk.png', fullPage: true });

    const login = await request.post(`${rig.serverUrl}/api/auth/login`, { data: USER });
    expect(login.status()).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const have = await request.get(`${rig.serverUrl}/api/spaces/demo-hospital/have`, { headers: { authorization: `Bearer ${token}` } });
    expect(have.status()).toBe(200);
    const xml = await have.text();
    expect(await xmllint(xml)).toMatchObject({ code: 0 });
    const doc = new XMLParser({ isArray: (name) => name === 'have:BedCapacity' }).parse(xml) as Record<string, Record<string, Record<string, Record<string, unknown>>>>;
    expect(doc['have:HospitalStatus']?.['have:Hospital']?.['have:HospitalBedCapacityStatus']?.['have:BedCapacity']).toEqual([
      { 'have:BedType': 'AdultICU', 'have:Capacity': { 'have:CapacityStatus': 'Vacant/Available', 'have:AvailableCount': 3, 'have:BaselineCount': 12, 'have:AdditionalCapacityCount24Hr': 0 } },
    ]);

    // The county system polls with the ETag it holds: unchanged beds cost it a 304.
    const again = await request.get(`${rig.serverUrl}/api/spaces/demo-hospital/have`, { headers: { authorization: `Bearer ${token}`, 'if-none-match': have.headers()['etag'] ?? '' } });
    expect(again.status()).toBe(304);
  } finally {
    await rig.close();
  }
});
