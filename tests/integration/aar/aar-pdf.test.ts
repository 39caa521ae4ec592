import { describe, expect, it } from 'vitest';
import { casualtyId } from '../../../src/domain/casualties/casualties';
import { newId } from '../../../src/domain/ids';
import { makeIncidentArgs, withWorkstation } from '../../fixtures/workstation';
import { pdfText, squeeze } from '../reports/pdf-text';

const SPACE = 'demo-hospital';

describe('the after-action report as PDF', () => {
  it('prints the figures, the writers’ text and the improvement plan with its plan section, in Chinese and English', async () => {
    await withWorkstation(async (ws) => {
      const mutate = (name: string, args: unknown) => ws.call('mutate', { name, args } as never);
      const incident = makeIncidentArgs({ discoveredAt: Date.now() - 3 * 3_600_000 });
      await mutate('incident.declare', incident);
      await mutate('casualty.registerBatch', { incidentId: incident.id, tagNos: ['R-1', 'R-2', 'R-3'], category: 'immediate', area: 'Resus' });
      await mutate('casualty.register', { incidentId: incident.id, tagNo: 'G-1', category: 'minor', area: 'Green' });
      for (const tag of ['R-1', 'R-2', 'R-3']) await mutate('casualty.dispose', { id: casualtyId(SPACE, incident.id, tag), code: 'admitted' });
      await mutate('casualty.dispose', { id: casualtyId(SPACE, incident.id, 'G-1'), code: 'discharged' });
      await mutate('log.append', { id: newId(), incidentId: incident.id, text: '启动二级响应，急诊分区收治' });
      await mutate('task.create', { id: newId(), incidentId: incident.id, title: '补充创伤复苏室物资', section: 'logistics', assignee: { kind: 'position', positionId: 'ops' } });
      const planId = newId();
      const v1 = newId();
      await mutate('plan.loadExample', { planId, versionId: v1, example: 'mass_casualty' });
      await mutate('plan.submitForReview', { versionId: v1 });
      await mutate('plan.approve', { versionId: v1, name: '王建国' });
      await mutate('incident.close', { id: incident.id, reason: '伤员全部分流' });

      await mutate('aar.draft', { incidentId: incident.id });
      const improvementId = newId();
      await mutate('aar.edit', { incidentId: incident.id, summary: '三名红色伤员均在一小时内收治。', strengths: [{ id: newId(), text: '十分钟内完成检伤' }], improvements: [{ id: improvementId, text: '血库通知过晚' }] });
      await mutate('correctiveAction.add', { id: newId(), incidentId: incident.id, improvementId, action: '启动时即通知血库', owner: '输血科', dueAt: Date.now() + 30 * 86_400_000, plan: { planId, section: 'procedures' } });
      const { aar, actions, plans } = await ws.call('aar.get', { incidentId: incident.id });
      expect(aar?.data.casualties.total).toBe(4);
      expect(actions).toHaveLength(1);
      expect(plans.map((p) => p.code)).toEqual(['MCI-01']);

      const zh = squeeze(await pdfText(Buffer.from((await ws.call('aar.pdf', { incidentId: incident.id, lang: 'zh-CN' })).pdfBase64, 'base64')));
      for (const expected of ['事后评估报告', '草稿', '红（危重） 3', '绿（轻） 1', '合计 4', '收住院 3', '启动二级响应，急诊分区收治', '补充创伤复苏室物资', '未报告', '十分钟内完成检伤', '血库通知过晚', '启动时即通知血库', '输血科', 'MCI-01']) {
        expect(zh).toContain(expected);
      }
      const en = squeeze(await pdfText(Buffer.from((await ws.call('aar.pdf', { incidentId: incident.id, lang: 'en' })).pdfBase64, 'base64')));
      for (const expected of ['After-action report', 'DRAFT', 'Red (immediate) 3', 'Total 4', 'Admitted 3', 'Report to health authority', 'Missed', 'Areas for improvement', 'Improvement plan', 'Open']) expect(en).toContain(expected);
    });
  });
});
