import { z } from 'zod';
import type { Casualty } from '../casualties';
import { findPosition, hicsPositions } from '../hics';
import type { Assignment, Incident, LogEntry, Message, Objective } from '../incidents';
import { resourceAccountingRecord, type ResourceRequest } from '../resources';
import { hics221Blocks } from './hics-221';
import { hics251Blocks, type FacilityRecords } from './hics-251';
import type { PrintBlock, PrintDocument } from './print-document';
import { formatTime, outcomeWords, triageWords, word, type Lang } from './print-labels';
import { figuresOf } from './sitreps';

/** The HICS forms printed from the records (207, the chart, prints from the browser). */
export const HicsFormSchema = z.enum(['201', '202', '203', '213', '214', '221', '251', '254', '257']);
export type HicsForm = z.infer<typeof HicsFormSchema>;

const formTitles: Record<HicsForm, Record<Lang, string>> = {
  '201': { 'zh-CN': 'HICS 201 事件简报', en: 'HICS 201 Incident Briefing' },
  '202': { 'zh-CN': 'HICS 202 事件目标', en: 'HICS 202 Incident Objectives' },
  '203': { 'zh-CN': 'HICS 203 组织分工', en: 'HICS 203 Organization Assignment List' },
  '213': { 'zh-CN': 'HICS 213 一般信息', en: 'HICS 213 General Message' },
  '214': { 'zh-CN': 'HICS 214 活动记录', en: 'HICS 214 Activity Log' },
  '221': { 'zh-CN': 'HICS 221 撤离签退', en: 'HICS 221 Demobilization Check-Out' },
  '251': { 'zh-CN': 'HICS 251 设施系统状态报告', en: 'HICS 251 Facility System Status Report' },
  '254': { 'zh-CN': 'HICS 254 伤员追踪表', en: 'HICS 254 Disaster Victim/Patient Tracking' },
  '257': { 'zh-CN': 'HICS 257 物资核算记录', en: 'HICS 257 Resource Accounting Record' },
};

const objectiveStatus = {
  open: { 'zh-CN': '进行中', en: 'Open' },
  achieved: { 'zh-CN': '已达成', en: 'Achieved' },
  dropped: { 'zh-CN': '已放弃', en: 'Dropped' },
} as const;

export type FormSources = {
  incident: Incident;
  /** Records of the space; each form keeps those of the incident (and period) it prints. */
  objectives: readonly Objective[];
  assignments: readonly Assignment[];
  messages: readonly Message[];
  log: readonly LogEntry[];
  casualties: readonly Casualty[];
  /** Resource requests of the space (HICS 213RR): their fills since the incident was declared are the 257's lines. */
  requests: readonly ResourceRequest[];
  /**
   * People, beds, stock and roster, read only by the 221 and 251: a function, so printing a 202 does not load the
   * roster of a whole hospital.
   */
  facility: () => FacilityRecords;
  hospital: string;
  timeZone: string;
  exercise: boolean;
  at: number;
  /** The operational period to print (202, 203, 214): the incident's current one by default. */
  period?: number;
};

const positionName = (id: string | undefined, lang: Lang) => (id ? findPosition(id)?.name[lang] ?? id : word(lang, 'incident'));

/** One HICS form of an incident, from its records, in one language. 254 shows tag numbers and counts, never names. */
export function hicsFormDocument(form: HicsForm, sources: FormSources, lang: Lang): PrintDocument {
  const { incident } = sources;
  const period = sources.period ?? incident.period;
  const time = (ms: number) => formatTime(ms, sources.timeZone);
  const of = <T extends { incidentId: string }>(rows: readonly T[]) => rows.filter((r) => r.incidentId === incident.id);
  const header: PrintBlock = {
    kind: 'fields',
    rows: [
      [word(lang, 'incident'), incident.name],
      [word(lang, 'place'), incident.location],
      [word(lang, 'responseLevel'), incident.level],
      [word(lang, 'period'), String(period)],
      [word(lang, 'preparedBy'), `${sources.hospital} ${time(sources.at)}`],
    ],
  };
  const blocks: Record<HicsForm, () => PrintBlock[]> = {
    '201': () => [
      { kind: 'fields', rows: [[word(lang, 'discoveredAt'), time(incident.discoveredAt)], [word(lang, 'declaredAt'), time(incident.declaredAt)]] },
      ...casualtyTables(sources, lang, time),
      { kind: 'heading', text: word(lang, 'situation') },
      logTable(of(sources.log).filter((e) => e.positionId === undefined).slice(-15), lang, time),
      { kind: 'heading', text: formTitles['202'][lang] },
      objectiveTable(of(sources.objectives).filter((o) => o.period === period), lang),
      { kind: 'heading', text: formTitles['203'][lang] },
      assignmentTable(of(sources.assignments), period, lang),
    ],
    '202': () => [objectiveTable(of(sources.objectives).filter((o) => o.period === period), lang)],
    '203': () => [assignmentTable(of(sources.assignments), period, lang)],
    '213': () => messageBlocks(of(sources.messages).filter((m) => m.period === period), lang, time),
    '214': () => [logTable(of(sources.log).filter((e) => e.period === period), lang, time)],
    '254': () => [
      { kind: 'text', text: word(lang, 'namesLeftOut') },
      ...casualtyTables(sources, lang, time),
      casualtyList(of(sources.casualties), lang, time),
    ],
    '221': () => {
      const { pool, staff, checkouts } = sources.facility();
      return hics221Blocks(incident, { assignments: sources.assignments, log: sources.log, pool, staff, checkouts }, sources.at, lang, time);
    },
    '251': () => hics251Blocks(incident, sources.facility(), sources.at, sources.timeZone, lang, time),
    '257': () => [accountingTable(sources.requests, incident, lang, time)],
  };
  return {
    title: formTitles[form][lang],
    subtitle: incident.name,
    ...(sources.exercise ? { banner: word(lang, 'exercise') } : {}),
    lang,
    footer: `${sources.hospital} · ${formTitles[form][lang]}`,
    fileName: `hics-${form}-${lang}.pdf`,
    blocks: [header, ...blocks[form]()],
  };
}

function casualtyTables(sources: FormSources, lang: Lang, time: (ms: number) => string): PrintBlock[] {
  const f = figuresOf(sources.casualties.filter((c) => c.incidentId === sources.incident.id), sources.at);
  return [
    { kind: 'heading', text: `${word(lang, 'casualtiesByCategory')} · ${word(lang, 'asOf')} ${time(f.asOf)}` },
    {
      kind: 'table',
      head: [word(lang, 'triage'), word(lang, 'count')],
      rows: [...(['immediate', 'delayed', 'minor', 'expectant', 'dead'] as const).map((c) => [triageWords[c][lang], String(f.byCategory[c])]), [word(lang, 'total'), String(f.total)]],
    },
    {
      kind: 'table',
      head: [word(lang, 'disposition'), word(lang, 'count')],
      rows: (['in_care', 'admitted', 'surgery', 'transferred', 'discharged', 'morgue'] as const).map((d) => [outcomeWords[d][lang], String(f.byDisposition[d])]),
    },
  ];
}

function casualtyList(casualties: readonly Casualty[], lang: Lang, time: (ms: number) => string): PrintBlock {
  const sorted = [...casualties].sort((a, b) => a.arrivedAt - b.arrivedAt || a.tagNo.localeCompare(b.tagNo, 'en', { numeric: true }));
  return {
    kind: 'table',
    head: [word(lang, 'tag'), word(lang, 'triage'), word(lang, 'arrived'), word(lang, 'area'), word(lang, 'disposition')],
    rows: sorted.map((c) => [
      c.tagNo,
      triageWords[c.triage.category][lang],
      time(c.arrivedAt),
      c.area,
      c.disposition ? [outcomeWords[c.disposition.code][lang], c.disposition.destination ?? ''].filter(Boolean).join(' ') : outcomeWords.in_care[lang],
    ]),
  };
}

function accountingTable(requests: readonly ResourceRequest[], incident: Incident, lang: Lang, time: (ms: number) => string): PrintBlock {
  const lines = resourceAccountingRecord(requests).filter((l) => l.at >= incident.declaredAt);
  return {
    kind: 'table',
    head: [word(lang, 'time'), word(lang, 'item'), word(lang, 'qty'), word(lang, 'store'), word(lang, 'section'), word(lang, 'requestedBy'), word(lang, 'issuedBy')],
    rows: lines.map((l) => [time(l.at), l.item, String(l.qty), l.store, l.section, l.requestedBy, l.issuedBy]),
  };
}

function logTable(entries: readonly LogEntry[], lang: Lang, time: (ms: number) => string): PrintBlock {
  const sorted = [...entries].sort((a, b) => a.at - b.at || a.recordedAt - b.recordedAt);
  return { kind: 'table', head: [word(lang, 'time'), word(lang, 'position'), word(lang, 'activity')], rows: sorted.map((e) => [time(e.at), positionName(e.positionId, lang), e.text]) };
}

function objectiveTable(objectives: readonly Objective[], lang: Lang): PrintBlock {
  const sorted = [...objectives].sort((a, b) => a.createdAt - b.createdAt);
  return { kind: 'table', head: ['#', word(lang, 'objective'), word(lang, 'status')], rows: sorted.map((o, i) => [String(i + 1), o.text, objectiveStatus[o.status][lang]]) };
}

function assignmentTable(assignments: readonly Assignment[], period: number, lang: Lang): PrintBlock {
  const order = new Map(hicsPositions.map((p, i) => [p.id, i]));
  const active = assignments.filter((a) => a.period === period && a.releasedAt === undefined).sort((a, b) => (order.get(a.positionId) ?? 0) - (order.get(b.positionId) ?? 0));
  return { kind: 'table', head: [word(lang, 'position'), word(lang, 'name')], rows: active.map((a) => [positionName(a.positionId, lang), a.person]) };
}

function messageBlocks(messages: readonly Message[], lang: Lang, time: (ms: number) => string): PrintBlock[] {
  if (messages.length === 0) return [{ kind: 'text', text: word(lang, 'none') }];
  return [...messages]
    .sort((a, b) => a.sentAt - b.sentAt)
    .flatMap((m): PrintBlock[] => [
      { kind: 'heading', text: `${time(m.sentAt)} ${m.subject}` },
      {
        kind: 'fields',
        rows: [
          [word(lang, 'to'), m.to],
          [word(lang, 'from'), m.from],
          [word(lang, 'message'), m.message],
          ...m.replies.map((r) => [word(lang, 'reply'), `${time(r.at)} ${r.from}: ${r.text}`] as const),
        ],
      },
    ]);
}
