import type { TriageCategory } from '../casualties';
import type { StockMove } from '../resources';

/** What a replay writes into injects, in the language the facilitator runs the drill in. */
export const replayWords = {
  en: {
    from: 'Simulation cell (replay)',
    patient: '[patient]',
    staff: '[staff]',
    log: (position: string) => `Log entry (HICS 214): ${position}`,
    message213: 'General message (HICS 213)',
    withheld: 'Text not copied: people of this incident are named in its records and this desk may not see names, so it cannot take them out. Write this inject here, or replay from the desk of someone who may identify patients.',
    incidentLog: 'Incident log',
    casualtySubject: (n: number) => `${n} casualt${n === 1 ? 'y arrives' : 'ies arrive'}`,
    casualtyText: (n: number, byCategory: string, labels: string) => `${n} casualt${n === 1 ? 'y arrives' : 'ies arrive'}: ${byCategory}. Synthetic patients ${labels}.`,
    triage: { immediate: 'immediate', delayed: 'delayed', minor: 'minor', expectant: 'expectant', dead: 'dead' } satisfies Record<TriageCategory, string>,
    stockSubject: (n: number) => `Stock change (${n} line${n === 1 ? '' : 's'})`,
    move: { receive: 'received', issue: 'issued', transfer_in: 'transferred in', transfer_out: 'transferred out', count: 'stocktake change', fill: 'issued to a request' } satisfies Record<StockMove['kind'], string>,
    stockLine: (item: string, store: string, what: string, qty: number, left: number) => `${item} at ${store}: ${what} ${qty}, ${left} on hand`,
    bedSubject: (n: number) => `Bed report (${n} line${n === 1 ? '' : 's'})`,
    bedLine: (unit: string, type: string, s: { staffed: number; occupied: number; available: number; surge: number }) =>
      `${unit} (${type}): staffed ${s.staffed}, occupied ${s.occupied}, available ${s.available}, surge ${s.surge}`,
  },
  'zh-CN': {
    from: '模拟组（复盘重演）',
    patient: '[患者]',
    staff: '[工作人员]',
    log: (position: string) => `工作日志（HICS 214）：${position}`,
    message213: '通用消息（HICS 213）',
    withheld: '原文未复制：本事件的记录中登记了人员姓名，而本工作站无权查看姓名，无法将其去除。请在此编写注入内容，或由有权识别患者身份的人员在其工作站重演。',
    incidentLog: '事件日志',
    casualtySubject: (n: number) => `到达伤员 ${n} 名`,
    casualtyText: (n: number, byCategory: string, labels: string) => `到达伤员 ${n} 名：${byCategory}。模拟患者 ${labels}。`,
    triage: { immediate: '立即', delayed: '延迟', minor: '轻伤', expectant: '期待', dead: '死亡' } satisfies Record<TriageCategory, string>,
    stockSubject: (n: number) => `物资变动（${n} 项）`,
    move: { receive: '入库', issue: '出库', transfer_in: '调入', transfer_out: '调出', count: '盘点调整', fill: '按申请发放' } satisfies Record<StockMove['kind'], string>,
    stockLine: (item: string, store: string, what: string, qty: number, left: number) => `${item}（${store}）：${what} ${qty}，现存 ${left}`,
    bedSubject: (n: number) => `床位报告（${n} 项）`,
    bedLine: (unit: string, type: string, s: { staffed: number; occupied: number; available: number; surge: number }) =>
      `${unit}（${type}）：开放 ${s.staffed}，占用 ${s.occupied}，可用 ${s.available}，扩容 ${s.surge}`,
  },
} as const;
