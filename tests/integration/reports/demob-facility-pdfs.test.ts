import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import type { Workstation } from '../../../src/workstation/workstation';
import { makeIncidentArgs, withWorkstation } from '../../fixtures/workstation';
import { makeStaffRow } from '../../fixtures/roster';
import { pdfText, squeeze } from './pdf-text';

/**
 * An incident with two nurses through the labour pool (Li Na sent to Planning, then checked out; Wang Jun still in),
 * 陈华 holding Operations, ICU beds 12 staffed / 9 occupied, N95 at red and a minimum of 3 ED nurses a shift.
 */
async function staffedIncident(ws: Workstation) {
  const incident = makeIncidentArgs();
  const mutate = (name: string, args: unknown) => ws.call('mutate', { name, args } as never);
  await mutate('incident.declare', incident);
  const li = makeStaffRow(1, { name: 'Li Na', staffNo: 'N0101', profession: 'nurse', homeUnit: 'ED', department: 'Emergency' });
  const wang = makeStaffRow(2, { name: 'Wang Jun', staffNo: 'N0102', profession: 'nurse', homeUnit: 'ED', department: 'Emergency' });
  for (const person of [li, wang]) await mutate('staff.save', person);
  const planning = newId();
  await mutate('assignment.assign', { id: planning, incidentId: incident.id, period: 1, positionId: 'planning', person: 'Li Na' });
  await mutate('assignment.assign', { id: newId(), incidentId: incident.id, period: 1, positionId: 'ops', person: '陈华' });
  const liEntry = newId();
  await mutate('pool.checkIn', { id: liEntry, incidentId: incident.id, staffId: li.id });
  await mutate('pool.assign', { id: liEntry, positionId: 'planning', assignmentId: planning });
  await mutate('pool.checkOut', { id: liEntry });
  await mutate('pool.checkIn', { id: newId(), incidentId: incident.id, staffId: wang.id });
  await mutate('bed.update', { id: newId(), unit: 'ICU', type: 'adult_icu', staffed: 12, occupied: 9, surge: 3 });
  await mutate('stock.saveItem', { id: newId(), name: 'N95 口罩', category: 'ppe', unit: '只', par: 500, yellowAt: 200, redAt: 50 });
  await mutate('stock.receive', { id: newId(), item: 'N95 口罩', store: '急诊库房', qty: 30 });
  // Both day and night: whichever is running when the test runs is the current shift.
  for (const shiftCode of ['D12', 'N12']) await mutate('roster.setRequirement', { id: newId(), unit: 'ED', role: 'nurse', shiftCode, min: 3 });
  return incident;
}

const textOf = async (file: { fileName: string; pdfBase64: string }) => squeeze(await pdfText(Buffer.from(file.pdfBase64, 'base64')));

describe('HICS 221 and 251 as PDF', () => {
  it.each(['zh-CN', 'en'] as const)('prints a check-out page per person with what the records show, and the facility status with its figures (%s)', async (lang) => {
    await withWorkstation(async (ws) => {
      const incident = await staffedIncident(ws);
      const en = lang === 'en';
      const f221 = await ws.call('forms.pdf', { incidentId: incident.id, form: '221', lang });
      expect(f221.fileName).toBe(`hics-221-${lang}.pdf`);
      const pages = (await textOf(f221)).split('\f').filter((page) => page.trim() !== '');
      expect(pages).toHaveLength(3);
      const page = (name: string) => pages.find((p) => p.includes(name)) ?? '';
      expect(page('N0101')).toContain(en ? 'HICS 221 Demobilization Check-Out' : 'HICS 221 撤离签退');
      expect(page('N0101')).toMatch(en ? /Released from every command position ✓ \d{4}-\d\d-\d\d \d\d:\d\d/ : /已解除全部指挥岗位 ✓ \d{4}-/);
      expect(page('N0101')).toMatch(en ? /Checked out of the labour pool ✓/ : /已在人力池签退 ✓/);
      expect(page('N0102')).toContain(en ? 'Still checked in' : '仍在池中');
      expect(page('陈华')).toContain(en ? 'Still holds: Operations Section Chief' : '仍担任：行动组组长');

      const f251 = await textOf(await ws.call('forms.pdf', { incidentId: incident.id, form: '251', lang }));
      expect(f251).toContain(en ? 'Adult ICU 12 9 3 3' : '成人重症监护 12 9 3 3');
      expect(f251).toContain(en ? 'Red N95 口罩 急诊库房 30 只 500' : '红 N95 口罩 急诊库房 30 只 500');
      // Three needed; nobody rostered; Wang Jun is in the pool (Li Na checked out): two short.
      expect(f251).toMatch(en ? /ED Nurse [DN]12 3 0 1 2/ : /ED 护士 [DN]12 3 0 1 2/);
      expect(f251).toContain(en ? 'Emergency generator Not recorded' : '应急发电机 未记录');
    });
  });
});
