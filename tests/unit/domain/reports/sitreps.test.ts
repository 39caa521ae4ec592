import { describe, expect, it } from 'vitest';
import { newId } from '../../../../src/domain/ids';
import { deadlineClock, statutoryDeadline } from '../../../../src/domain/incidents/reporting-deadlines';
import { hicsFormDocument, type FormSources } from '../../../../src/domain/reports/hics-forms';
import { documentText } from '../../../../src/domain/reports/print-document';
import { sitRepDocument } from '../../../../src/domain/reports/sitrep-document';
import { draftFrom } from '../../../../src/domain/reports/sitreps';
import { at, boardWorld, HOUR, MINUTE, T0 } from '../board-fixture';

const card = { reportingUnit: 'Jiangbin First', reporter: 'Li Na', phone: '0571-1234', eventName: 'G15 bus collision', category: 'other', grade: 'major', place: 'G15 exit 32', setting: 'ED', source: '120 dispatch' } as const;
const sections = { situation: 'Bus overturned', measures: 'Plan activated', resources: '4 teams', needs: 'O-neg blood' };

async function mciWorld() {
  const world = await boardWorld();
  const { incidentId, run } = world;
  await run('casualty.registerBatch', { incidentId, tagNos: ['R-1', 'R-2', 'R-3'], category: 'immediate', area: 'Resus' }, at(10));
  await run('casualty.registerBatch', { incidentId, tagNos: ['Y-1', 'Y-2'], category: 'delayed', area: 'Yellow' }, at(12));
  await run('casualty.register', { incidentId, tagNo: 'G-1', category: 'minor', area: 'Green', name: 'Zhang Wei' }, at(15));
  return world;
}

describe('the 2-hour initial report', () => {
  it('is drafted with the casualty figures counted from the records, and the card from the incident', async () => {
    const { tx, incidentId, incident, run } = await mciWorld();
    const id = newId();
    await run('report.draft', { id, incidentId, kind: 'initial', card, sections }, at(30));
    const report = await tx.get('sitRep', id);
    expect(report).toMatchObject({ status: 'draft', number: 1, deadlineId: incidentId, figures: { asOf: T0 + 30 * MINUTE, total: 6 } });
    expect(report?.figures.byCategory).toEqual({ immediate: 3, delayed: 2, minor: 1, expectant: 0, dead: 0 });
    expect(report?.figures.byDisposition.in_care).toBe(6);

    const draft = draftFrom(
      { incident: (await tx.get('incident', incidentId))!, casualties: await tx.query('casualty', 'demo-hospital'), log: [], objectives: [], assignments: [], requests: [], at: T0 },
      (e) => e.text,
      'en',
    );
    expect(draft.card).toMatchObject({ grade: 'major', category: 'other', place: incident.location });
    expect(draft.card.eventName.length).toBeLessThanOrEqual(30);
  });

  it('stops the statutory clock only when the signed-off report is recorded as sent', async () => {
    const { tx, incidentId, run, command } = await mciWorld();
    const id = newId();
    await run('report.draft', { id, incidentId, kind: 'initial', card, sections }, at(30));
    await run('report.edit', { id, sections: { needs: 'O-neg blood, 20 units' } }, at(40));
    await expect(run('report.recordSent', { id, sentAt: T0 + 50 * MINUTE, via: 'phone', receivedBy: 'County CDC duty officer', by: 'Li Na' }, at(50))).rejects.toMatchObject({ code: 'invalid_transition' });
    // An operator has no command rights: sign-off is the commander's.
    await expect(run('report.approve', { id, name: 'Wang Jun', positionId: 'ic' }, at(55))).rejects.toMatchObject({ code: 'forbidden' });

    await command('report.approve', { id, name: 'Wang Jun', positionId: 'ic' }, at(60));
    const clockAfterApproval = deadlineClock(statutoryDeadline((await tx.get('incident', incidentId))!)!, T0 + 61 * MINUTE);
    expect(clockAfterApproval.state).not.toBe('reported');
    await expect(run('report.edit', { id, card: { reporter: 'someone else' } }, at(62))).rejects.toMatchObject({ code: 'report_signed_off', params: { status: 'approved' } });

    await run('report.recordSent', { id, sentAt: T0 + 70 * MINUTE, via: 'direct_report', receivedBy: 'County CDC duty officer', by: 'Li Na' }, at(72));
    const incident = (await tx.get('incident', incidentId))!;
    expect(incident.statutoryReport).toMatchObject({ reportedAt: T0 + 70 * MINUTE, to: 'County CDC duty officer', by: 'Li Na' });
    expect(deadlineClock(statutoryDeadline(incident)!, T0 + 3 * HOUR).state).toBe('reported');
    expect(await tx.get('sitRep', id)).toMatchObject({ status: 'sent', sections: { needs: 'O-neg blood, 20 units' }, approval: { name: 'Wang Jun', positionId: 'ic' } });
  });

  it('freezes the figures the signer saw: later arrivals change neither the signed report nor its PDF text', async () => {
    const { tx, incidentId, run, command } = await mciWorld();
    const id = newId();
    await run('report.draft', { id, incidentId, kind: 'initial', card, sections }, at(30));
    await command('report.approve', { id, name: 'Wang Jun', positionId: 'ic' }, at(40));
    await run('casualty.register', { incidentId, tagNo: 'R-9', category: 'immediate', area: 'Resus' }, at(45));
    await expect(run('report.recompute', { id }, at(46))).rejects.toMatchObject({ code: 'report_signed_off' });
    expect((await tx.get('sitRep', id))?.figures.byCategory.immediate).toBe(3);
  });

  it('allows one initial report per incident and numbers progress reports in order', async () => {
    const { tx, incidentId, run } = await mciWorld();
    await run('report.draft', { id: newId(), incidentId, kind: 'initial', card, sections });
    await expect(run('report.draft', { id: newId(), incidentId, kind: 'initial', card, sections })).rejects.toMatchObject({ code: 'already_exists' });
    const p1 = newId();
    const p2 = newId();
    await run('report.draft', { id: p1, incidentId, kind: 'progress', card, sections });
    await run('report.draft', { id: p2, incidentId, kind: 'progress', card, sections });
    expect((await tx.get('sitRep', p1))?.number).toBe(1);
    expect((await tx.get('sitRep', p2))?.number).toBe(2);
    expect((await tx.get('sitRep', p2))?.deadlineId).toBeUndefined();
  });

  it('prints the card in both languages with the figures, DRAFT until signed off', async () => {
    const { tx, incidentId, run, command } = await mciWorld();
    const id = newId();
    await run('report.draft', { id, incidentId, kind: 'initial', card, sections }, at(30));
    const incident = (await tx.get('incident', incidentId))!;
    const print = async (lang: 'zh-CN' | 'en') =>
      documentText(sitRepDocument({ report: (await tx.get('sitRep', id))!, incident, hospital: 'Jiangbin', timeZone: 'Asia/Shanghai', exercise: false }, lang));
    const zh = await print('zh-CN');
    expect(zh).toContain('突发公共卫生事件相关信息报告卡');
    expect(zh).toContain('草稿');
    expect(zh).toContain('红（危重） 3');
    expect(zh).toContain('黄（重） 2');
    expect(zh).toContain('合计 6');
    expect(zh).toContain('重大');
    await command('report.approve', { id, name: 'Wang Jun', positionId: 'ic' }, at(40));
    const en = await print('en');
    expect(en).not.toContain('DRAFT');
    expect(en).toContain('Red (immediate) 3');
    expect(en).toContain('Total 6');
    expect(en).toContain('Wang Jun (Incident Commander)');
  });
});

describe('HICS forms from the records', () => {
  async function sources(): Promise<FormSources> {
    const { tx, incidentId, run, command } = await mciWorld();
    await run('objective.create', { id: newId(), incidentId, text: 'Clear the ED for red casualties' });
    await run('assignment.assign', { id: newId(), incidentId, period: 1, positionId: 'ops', person: 'Chen Hua' });
    await run('log.append', { id: newId(), incidentId, text: 'Surge beds opened on ward 5' });
    await run('message.send', { id: newId(), incidentId, to: 'Logistics', from: 'Ops', subject: 'Blood', message: 'Need 20 units O-neg' });
    const stockId = newId();
    const requestId = newId();
    await command('stock.receive', { id: stockId, item: 'N95 respirator', store: 'ED store', qty: 100 });
    await command('request.raise', { id: requestId, item: 'N95 respirator', qty: 40, neededBy: T0 + HOUR, priority: 'urgent', justification: 'Decontamination team', section: 'Operations' });
    await command('request.approve', { id: requestId });
    await command('request.fill', { id: requestId, stockId, qty: 40 });
    const all = async <K extends 'objective' | 'assignment' | 'message' | 'logEntry' | 'casualty'>(kind: K) => tx.query(kind, 'demo-hospital');
    return {
      incident: (await tx.get('incident', incidentId))!,
      objectives: await all('objective'),
      assignments: await all('assignment'),
      messages: await all('message'),
      log: await all('logEntry'),
      casualties: await all('casualty'),
      requests: await tx.query('resourceRequest', 'demo-hospital'),
      facility: () => ({ pool: [], staff: [], beds: [], stock: [], stockItems: [], requirements: [], shifts: [], templates: [], checkouts: [] }),
      hospital: 'Jiangbin',
      timeZone: 'Asia/Shanghai',
      exercise: true,
      at: T0,
    };
  }

  it('fills 201, 202, 203, 213, 214, 254 and 257 from the incident, in both languages', async () => {
    const s = await sources();
    const text = (form: Parameters<typeof hicsFormDocument>[0], lang: 'zh-CN' | 'en') => documentText(hicsFormDocument(form, s, lang));
    expect(text('202', 'en')).toContain('Clear the ED for red casualties');
    expect(text('203', 'en')).toContain('Operations Section Chief Chen Hua');
    expect(text('203', 'zh-CN')).toContain('行动组组长（医疗救治） Chen Hua');
    expect(text('214', 'en')).toContain('Surge beds opened on ward 5');
    expect(text('213', 'zh-CN')).toContain('Need 20 units O-neg');
    expect(text('201', 'en')).toMatch(/Total 6[\s\S]*Clear the ED[\s\S]*Chen Hua/);
    expect(text('254', 'zh-CN')).toContain('红（危重） 3');
    expect(text('201', 'zh-CN')).toContain('演练');
    expect(text('257', 'en')).toMatch(/N95 respirator 40 ED store Operations/);
    expect(text('257', 'zh-CN')).toContain('HICS 257 物资核算记录');
  });

  it('lists tag numbers on the 254, never a recorded name', async () => {
    const s = await sources();
    const text = documentText(hicsFormDocument('254', s, 'en'));
    expect(text).toContain('G-1 Green (minor)');
    expect(text).toContain('R-3 Red (immediate)');
    expect(text).not.toContain('Zhang Wei');
  });
});

