import { findPosition } from '../hics';
import type { Incident } from '../incidents';
import type { PrintDocument } from './print-document';
import { formatTime, outcomeWords, triageWords, word, type Lang } from './print-labels';
import type { EventCategory, EventGrade, SitRep } from './sitreps';

export const categoryWords: Record<EventCategory, Record<Lang, string>> = {
  infectious_disease: { 'zh-CN': '1 传染病', en: '1 Infectious disease' },
  food_poisoning: { 'zh-CN': '2 食物中毒', en: '2 Food poisoning' },
  occupational_poisoning: { 'zh-CN': '3 职业中毒', en: '3 Occupational poisoning' },
  other_poisoning: { 'zh-CN': '4 其他中毒', en: '4 Other poisoning' },
  environmental: { 'zh-CN': '5 环境卫生', en: '5 Environmental health' },
  immunisation: { 'zh-CN': '6 免疫接种', en: '6 Immunisation' },
  unexplained_cluster: { 'zh-CN': '7 群体性不明原因疾病', en: '7 Unexplained cluster' },
  healthcare_infection: { 'zh-CN': '8 医疗机构内感染', en: '8 Healthcare-associated infection' },
  radiation: { 'zh-CN': '9 放射性卫生', en: '9 Radiation' },
  other: { 'zh-CN': '10 其他公共卫生', en: '10 Other' },
};

export const gradeWords: Record<EventGrade, Record<Lang, string>> = {
  particularly_major: { 'zh-CN': '特别重大', en: 'Particularly major (I)' },
  major: { 'zh-CN': '重大', en: 'Major (II)' },
  larger: { 'zh-CN': '较大', en: 'Larger (III)' },
  general: { 'zh-CN': '一般', en: 'General (IV)' },
  unclassified: { 'zh-CN': '未分级', en: 'Unclassified' },
  not_emergency: { 'zh-CN': '非突发事件', en: 'Not an emergency' },
};

const viaWords = {
  direct_report: { 'zh-CN': '网络直报', en: 'Online direct report' },
  phone: { 'zh-CN': '电话', en: 'Phone' },
  fax: { 'zh-CN': '传真', en: 'Fax' },
  courier: { 'zh-CN': '专人送达', en: 'Courier' },
} as const;

export type SitRepPrintSources = { report: SitRep; incident: Incident; hospital: string; timeZone: string; exercise: boolean; dueAt?: number };

export function kindTitle(report: Pick<SitRep, 'kind' | 'number'>, lang: Lang): string {
  return word(lang, report.kind, { n: report.number });
}

/** The report card as it goes to the health authority: card fields, figures with their "as of" time, the text. */
export function sitRepDocument(sources: SitRepPrintSources, lang: Lang): PrintDocument {
  const { report, incident, timeZone } = sources;
  const time = (ms: number) => formatTime(ms, timeZone);
  const f = report.figures;
  const banner = [sources.exercise ? word(lang, 'exercise') : '', report.status === 'draft' ? word(lang, 'draft') : ''].filter(Boolean).join('  ');
  const approval = report.approval;
  const position = approval ? findPosition(approval.positionId)?.name[lang] ?? approval.positionId : '';
  return {
    title: word(lang, 'reportCard'),
    subtitle: `${kindTitle(report, lang)} · ${incident.name}`,
    ...(banner ? { banner } : {}),
    lang,
    footer: `${sources.hospital} · ${word(lang, 'reportCard')}`,
    fileName: `report-${report.kind}-${report.number}-${lang}.pdf`,
    blocks: [
      {
        kind: 'fields',
        rows: [
          [word(lang, 'reportingUnit'), report.card.reportingUnit || sources.hospital],
          [word(lang, 'reporter'), report.card.reporter],
          [word(lang, 'phone'), report.card.phone],
          [word(lang, 'eventName'), report.card.eventName],
          [word(lang, 'category'), categoryWords[report.card.category][lang]],
          [word(lang, 'grade'), gradeWords[report.card.grade][lang]],
          [word(lang, 'responseLevel'), incident.level],
          [word(lang, 'place'), report.card.place],
          [word(lang, 'setting'), report.card.setting],
          [word(lang, 'source'), report.card.source],
          [word(lang, 'discoveredAt'), time(incident.discoveredAt)],
          [word(lang, 'declaredAt'), time(incident.declaredAt)],
          [word(lang, 'dueAt'), sources.dueAt === undefined ? '' : time(sources.dueAt)],
        ],
      },
      { kind: 'heading', text: `${word(lang, 'casualtiesByCategory')} · ${word(lang, 'asOf')} ${time(f.asOf)}` },
      {
        kind: 'table',
        head: [word(lang, 'triage'), word(lang, 'count')],
        rows: [
          ...(['immediate', 'delayed', 'minor', 'expectant', 'dead'] as const).map((c) => [triageWords[c][lang], String(f.byCategory[c])]),
          [word(lang, 'total'), String(f.total)],
        ],
      },
      { kind: 'heading', text: word(lang, 'casualtiesByOutcome') },
      {
        kind: 'table',
        head: [word(lang, 'disposition'), word(lang, 'count')],
        rows: (['in_care', 'admitted', 'surgery', 'transferred', 'discharged', 'morgue'] as const).map((d) => [outcomeWords[d][lang], String(f.byDisposition[d])]),
      },
      { kind: 'heading', text: word(lang, 'situation') },
      { kind: 'text', text: report.sections.situation },
      { kind: 'heading', text: word(lang, 'measures') },
      { kind: 'text', text: report.sections.measures },
      { kind: 'heading', text: word(lang, 'resources') },
      { kind: 'text', text: report.sections.resources },
      { kind: 'heading', text: word(lang, 'needs') },
      { kind: 'text', text: report.sections.needs },
      {
        kind: 'fields',
        rows: [
          [word(lang, 'signedOff'), approval ? `${approval.name} (${position}) ${time(approval.at)}` : word(lang, 'notYet')],
          [word(lang, 'sent'), report.sent ? `${time(report.sent.at)} · ${viaWords[report.sent.via][lang]} · ${report.sent.receivedBy}` : word(lang, 'notYet')],
        ],
      },
    ],
  };
}
