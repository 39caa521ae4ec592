import { describe, expect, it } from 'vitest';
import { casualtyId } from '../../../src/domain/casualties/casualties';
import { newId } from '../../../src/domain/ids';
import type { Workstation } from '../../../src/workstation/workstation';
import { makeIncidentArgs, withWorkstation } from '../../fixtures/workstation';
import { pdfText, squeeze } from './pdf-text';

const SPACE = 'demo-hospital';

/** An MCI with 4 red, 2 yellow, 3 green (one named), one transferred and one admitted, a log, objective, 203 and 213. */
async function busCrash(ws: Workstation) {
  const incident = makeIncidentArgs();
  const mutate = (name: string, args: unknown) => ws.call('mutate', { name, args } as never);
  await mutate('incident.declare', incident);
  await mutate('casualty.registerBatch', { incidentId: incident.id, tagNos: ['R-1', 'R-2', 'R-3', 'R-4'], category: 'immediate', area: 'Resus' });
  await mutate('casualty.registerBatch', { incidentId: incident.id, tagNos: ['Y-1', 'Y-2'], category: 'delayed', area: 'Yellow' });
  await mutate('casualty.registerBatch', { incidentId: incident.id, tagNos: ['G-1', 'G-2'], category: 'minor', area: 'Green' });
  await mutate('casualty.register', { incidentId: incident.id, tagNo: 'G-3', category: 'minor', area: 'Green', name: '张三' });
  await mutate('casualty.dispose', { id: casualtyId(SPACE, incident.id, 'R-1'), code: 'transferred', destination: '市第二人民医院' });
  await mutate('casualty.dispose', { id: casualtyId(SPACE, incident.id, 'Y-1'), code: 'admitted' });
  await mutate('log.append', { id: newId(), incidentId: incident.id, text: '启动二级响应，急诊分区收治' });
  await mutate('objective.create', { id: newId(), incidentId: incident.id, text: 'Clear the ED for red casualties' });
  await mutate('assignment.assign', { id: newId(), incidentId: incident.id, period: 1, positionId: 'ops', person: '陈华' });
  await mutate('message.send', { id: newId(), incidentId: incident.id, to: 'Logistics', from: 'Operations', subject: 'Blood', message: 'Need 20 units O-neg' });
  const stockId = newId();
  const requestId = newId();
  await mutate('stock.receive', { id: stockId, item: 'N95 口罩', store: '急诊库房', qty: 100 });
  await mutate('request.raise', { id: requestId, item: 'N95 口罩', qty: 40, neededBy: Date.now() + 3_600_000, priority: 'urgent', justification: '洗消组', section: '行动组' });
  await mutate('request.approve', { id: requestId });
  await mutate('request.fill', { id: requestId, stockId, qty: 40 });
  await mutate('request.raise', { id: newId(), item: '呼吸机', qty: 2, neededBy: Date.now() + 7_200_000, priority: 'urgent', justification: '红色伤员', section: '行动组' });
  return { incident, mutate };
}

const textOf = async (file: { fileName: string; pdfBase64: string }) => squeeze(await pdfText(Buffer.from(file.pdfBase64, 'base64')));

describe('reports and HICS forms as PDF', () => {
  it('makes the 2-hour report from the incident, and its PDF carries the casualty counts in Chinese and English', async () => {
    await withWorkstation(async (ws) => {
      const { incident, mutate } = await busCrash(ws);
      const suggestion = await ws.call('report.suggest', { incidentId: incident.id, kind: 'initial', lang: 'zh-CN' });
      expect(suggestion.sections.situation).toContain('启动二级响应');
      expect(suggestion.sections.measures).toContain('Clear the ED for red casualties');
      expect(suggestion.sections.resources).toContain('已到岗指挥岗位: 1');
      expect(suggestion.sections.resources).toContain('- N95 口罩 40');
      expect(suggestion.sections.needs).toBe('- 呼吸机 2 (行动组)');
      const id = newId();
      await mutate('report.draft', { id, incidentId: incident.id, kind: 'initial', ...suggestion });
      await mutate('report.edit', { id, card: { reporter: '李娜', phone: '0571-87000000' }, sections: { needs: 'O 型血 20 单位' } });

      const zh = await textOf(await ws.call('report.pdf', { id, lang: 'zh-CN' }));
      for (const expected of ['突发公共卫生事件相关信息报告卡', '初步报告', '草稿', '红（危重） 4', '黄（重） 2', '绿（轻） 3', '合计 9', '转院 1', '收住院 1', '救治中 7', '李娜', 'O 型血 20 单位', '重大']) {
        expect(zh).toContain(expected);
      }
      await mutate('report.approve', { id, name: '王军', positionId: 'ic' });
      const en = await textOf(await ws.call('report.pdf', { id, lang: 'en' }));
      for (const expected of ['Initial report', 'Red (immediate) 4', 'Total 9', 'Transferred 1', 'Signed off 王军 (Incident Commander)']) expect(en).toContain(expected);
      expect(en).not.toContain('DRAFT');

      const { reports } = await ws.call('report.list', { incidentId: incident.id });
      expect(reports).toMatchObject([{ id, status: 'approved' }]);
    });
  });

  it.each(['zh-CN', 'en'] as const)('prints HICS 201, 202, 203, 213, 214, 254 and 257 with their figures (%s)', async (lang) => {
    await withWorkstation(async (ws) => {
      const { incident } = await busCrash(ws);
      const form = async (f: '201' | '202' | '203' | '213' | '214' | '254' | '257') => textOf(await ws.call('forms.pdf', { incidentId: incident.id, form: f, lang }));
      const red = lang === 'en' ? 'Red (immediate) 4' : '红（危重） 4';
      const total = lang === 'en' ? 'Total 9' : '合计 9';
      expect(await form('201')).toMatch(new RegExp(`HICS 201[\\s\\S]*${red.replace(/[()（）]/g, '.')}[\\s\\S]*${total}[\\s\\S]*陈华`));
      expect(await form('202')).toContain('Clear the ED for red casualties');
      expect(await form('203')).toContain(lang === 'en' ? 'Operations Section Chief 陈华' : '行动组组长（医疗救治） 陈华');
      expect(await form('213')).toContain('Need 20 units O-neg');
      expect(await form('214')).toContain('启动二级响应，急诊分区收治');
      const f254 = await form('254');
      expect(f254).toContain(red);
      expect(f254).toContain(total);
      expect(f254).toMatch(/R-1 .*(Transferred|转院) 市第二人民/);
      expect(f254).toContain('G-3');
      // Tag numbers and counts only: the name one desk recorded never reaches the print.
      expect(f254).not.toContain('张三');
      expect(await form('257')).toContain('N95 口罩 40 急诊库房 行动组');
    });
  });

  it('prints a 254 of 500 casualties over several pages, every tag on it and the table head on each page', async () => {
    await withWorkstation(async (ws) => {
      const incident = makeIncidentArgs();
      const mutate = (name: string, args: unknown) => ws.call('mutate', { name, args } as never);
      await mutate('incident.declare', incident);
      for (let made = 0; made < 500; made += 100) {
        await mutate('casualty.registerBatch', { incidentId: incident.id, tagNos: Array.from({ length: 100 }, (_, i) => `B-${made + i + 1}`), category: 'minor', area: 'Green' });
      }
      const text = await textOf(await ws.call('forms.pdf', { incidentId: incident.id, form: '254', lang: 'en' }));
      const tags = new Set([...text.matchAll(/\bB-(\d+) Green/g)].map((m) => m[1]));
      expect(tags.size).toBe(500);
      expect(text).toContain('Green (minor) 500');
      const pages = text.split('\f').filter((page) => page.trim() !== '');
      expect(pages.length).toBeGreaterThan(10);
      for (const page of pages.slice(1)) expect(page).toContain('Tag no. Triage Arrived Area Disposition');
    });
  });
});
