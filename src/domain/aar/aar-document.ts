import { STATUTORY_RECIPIENT, STATUTORY_TITLE, type Incident } from '../incidents';
import type { SectionKey } from '../plans';
import { formatTime, outcomeWords, triageWords, type Lang, type PrintBlock, type PrintDocument } from '../reports';
import type { Aar, AarTimelineEntry, CorrectiveAction, CorrectiveActionStatus, DeadlineOutcome } from './aar';

type Text = Record<Lang, string>;

/** The AAR's words, here because the PDF is laid out in the workstation core, which has no renderer i18n. */
const words = {
  title: { 'zh-CN': '事后评估报告', en: 'After-action report' },
  draft: { 'zh-CN': '草稿', en: 'DRAFT' },
  final: { 'zh-CN': '定稿', en: 'FINAL' },
  finalBy: { 'zh-CN': '定稿 FINAL：{by}，{at}', en: 'FINAL: {by}, {at}' },
  exercise: { 'zh-CN': '演练 EXERCISE', en: 'EXERCISE' },
  incident: { 'zh-CN': '事件', en: 'Incident' },
  place: { 'zh-CN': '地点', en: 'Place' },
  level: { 'zh-CN': '最终响应级别', en: 'Final response level' },
  declared: { 'zh-CN': '启动响应', en: 'Declared' },
  closed: { 'zh-CN': '结束响应', en: 'Closed' },
  asOf: { 'zh-CN': '数据截至', en: 'Figures as of' },
  summary: { 'zh-CN': '概述', en: 'Summary' },
  time: { 'zh-CN': '时间', en: 'Time' },
  entry: { 'zh-CN': '决定或记录', en: 'Decision or entry' },
  timeline: { 'zh-CN': '时间线：关键决定与事件记录', en: 'Timeline: decisions and key log entries' },
  omitted: { 'zh-CN': '另有 {n} 条记录见 HICS 214', en: '{n} more entries in the HICS 214' },
  casualties: { 'zh-CN': '伤员', en: 'Casualties' },
  triage: { 'zh-CN': '检伤分类', en: 'Triage' },
  disposition: { 'zh-CN': '去向', en: 'Disposition' },
  count: { 'zh-CN': '人数', en: 'Count' },
  total: { 'zh-CN': '合计', en: 'Total' },
  resources: { 'zh-CN': '物资', en: 'Resources' },
  requests: { 'zh-CN': '物资申请（213RR）', en: 'Resource requests (213RR)' },
  issued: { 'zh-CN': '已发放物资', en: 'Stock issued' },
  item: { 'zh-CN': '物资', en: 'Item' },
  qty: { 'zh-CN': '数量', en: 'Quantity' },
  openTasks: { 'zh-CN': '结束时未完成的任务', en: 'Tasks open at close' },
  task: { 'zh-CN': '任务', en: 'Task' },
  status: { 'zh-CN': '状态', en: 'Status' },
  section: { 'zh-CN': '部门', en: 'Section' },
  deadlines: { 'zh-CN': '报告时限', en: 'Reporting deadlines' },
  deadline: { 'zh-CN': '时限', en: 'Deadline' },
  due: { 'zh-CN': '截止', en: 'Due' },
  reported: { 'zh-CN': '报告时间', en: 'Reported' },
  outcome: { 'zh-CN': '结果', en: 'Outcome' },
  strengths: { 'zh-CN': '优势', en: 'Strengths' },
  improvements: { 'zh-CN': '待改进领域', en: 'Areas for improvement' },
  actions: { 'zh-CN': '整改计划', en: 'Improvement plan' },
  action: { 'zh-CN': '整改措施', en: 'Corrective action' },
  owner: { 'zh-CN': '责任人', en: 'Owner' },
  plan: { 'zh-CN': '预案章节', en: 'Plan section' },
  none: { 'zh-CN': '（无）', en: '(none)' },
  statutory: { 'zh-CN': '向卫生健康行政部门报告', en: 'Report to health authority' },
  county: { 'zh-CN': '县级卫生健康行政部门', en: 'County health authority' },
} satisfies Record<string, Text>;

const eventWords: Record<AarTimelineEntry['type'], Text> = {
  declared: { 'zh-CN': '启动 {level} 级响应', en: 'Declared at level {level}' },
  level_changed: { 'zh-CN': '响应级别 {from} → {to}：{reason}', en: 'Level {from} → {to}: {reason}' },
  period_started: { 'zh-CN': '第 {period} 作业期开始', en: 'Operational period {period} began' },
  status_changed: { 'zh-CN': '状态 {from} → {to}：{reason}', en: 'Status {from} → {to}: {reason}' },
  log: { 'zh-CN': '{text}', en: '{text}' },
};

export const deadlineOutcomeWords: Record<DeadlineOutcome, Text> = {
  met: { 'zh-CN': '按时', en: 'Met' },
  late: { 'zh-CN': '逾期报告', en: 'Late' },
  missed: { 'zh-CN': '未报告', en: 'Missed' },
  not_due: { 'zh-CN': '结束时未到期', en: 'Not due at close' },
};

export const actionStatusWords: Record<CorrectiveActionStatus, Text> = {
  open: { 'zh-CN': '未开始', en: 'Open' },
  in_progress: { 'zh-CN': '进行中', en: 'In progress' },
  done: { 'zh-CN': '已完成', en: 'Done' },
  verified: { 'zh-CN': '已经演练验证', en: 'Verified in exercise' },
};

const requestStatusWords = {
  pending: { 'zh-CN': '待审批', en: 'Pending' },
  approved: { 'zh-CN': '已批准', en: 'Approved' },
  rejected: { 'zh-CN': '已拒绝', en: 'Rejected' },
  partially_filled: { 'zh-CN': '部分发放', en: 'Partly filled' },
  filled: { 'zh-CN': '已发放', en: 'Filled' },
} as const;

export function say(lang: Lang, text: Text, params: Record<string, string | number> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A timeline line in words: the reader sees what was decided, not a record type. */
export function timelineText(entry: AarTimelineEntry, lang: Lang): string {
  switch (entry.type) {
    case 'declared': return say(lang, eventWords.declared, { level: entry.level });
    case 'level_changed': return say(lang, eventWords.level_changed, { from: entry.from, to: entry.to, reason: entry.reason });
    case 'period_started': return say(lang, eventWords.period_started, { period: entry.period });
    case 'status_changed': return say(lang, eventWords.status_changed, { from: entry.from, to: entry.to, reason: entry.reason });
    case 'log': return entry.text;
  }
}

/**
 * The report's state as every page of its PDF prints it: DRAFT until its owner signs it off, then FINAL with who
 * and when (the banner), or the one word (each page's footer).
 */
export function aarStatusMark(aar: Pick<Aar, 'final'>, lang: Lang, sources: Pick<AarWritersSources, 'timeZone' | 'nameOf'>, short = false): string {
  if (!aar.final) return say(lang, words.draft);
  const by = sources.nameOf?.(aar.final.by) ?? aar.final.by;
  return short ? say(lang, words.final) : say(lang, words.finalBy, { by, at: formatTime(aar.final.at, sources.timeZone) });
}

/** What the writers' part of any AAR prints from: the report, its corrective actions and the plans they change. */
export type AarWritersSources = {
  aar: Aar;
  actions: readonly CorrectiveAction[];
  /** Plan codes by id, for the improvement plan's "plan section" column. */
  planCodes: ReadonlyMap<string, string>;
  sectionTitle: (planId: string, section: SectionKey, lang: Lang) => string;
  timeZone: string;
  /** A person's name for an account id (the desk's copy of the directory); the id itself without it. */
  nameOf?: (userId: string) => string;
};

export type AarPrintSources = AarWritersSources & {
  incident: Incident;
  hospital: string;
  exercise: boolean;
};

/**
 * Strengths, areas for improvement and the improvement plan (HSEEP Appendix A), the same in an incident's AAR and
 * an exercise's AAR/IP.
 */
export function writersBlocks(sources: AarWritersSources, lang: Lang): PrintBlock[] {
  const { aar } = sources;
  const time = (ms: number) => formatTime(ms, sources.timeZone);
  const w = (key: keyof typeof words, params: Record<string, string | number> = {}) => say(lang, words[key], params);
  const list = (items: readonly { text: string }[]) => (items.length === 0 ? w('none') : items.map((i) => `• ${i.text}`).join('\n'));
  const improvementText = new Map(aar.improvements.map((i) => [i.id, i.text]));
  return [
    { kind: 'heading', text: w('strengths') },
    { kind: 'text', text: list(aar.strengths) },
    { kind: 'heading', text: w('improvements') },
    { kind: 'text', text: list(aar.improvements) },
    { kind: 'heading', text: w('actions') },
    sources.actions.length === 0
      ? { kind: 'text', text: w('none') }
      : {
          kind: 'table',
          head: [w('improvements'), w('action'), w('owner'), w('due'), w('status'), w('plan')],
          rows: sources.actions.map((a) => [
            improvementText.get(a.improvementId) ?? '',
            a.action,
            a.owner,
            time(a.dueAt).slice(0, 10),
            actionStatusWords[a.status][lang],
            a.plan ? `${sources.planCodes.get(a.plan.planId) ?? ''} ${sources.sectionTitle(a.plan.planId, a.plan.section, lang)}` : '—',
          ]),
        },
  ];
}

/** The AAR as it is printed and filed: the data sections, the writers' text, and the improvement plan (HSEEP Appendix A). */
export function aarDocument(sources: AarPrintSources, lang: Lang): PrintDocument {
  const { aar, incident } = sources;
  const { data } = aar;
  const time = (ms: number) => formatTime(ms, sources.timeZone);
  const w = (key: keyof typeof words, params: Record<string, string | number> = {}) => say(lang, words[key], params);
  const banner = [sources.exercise ? w('exercise') : '', aarStatusMark(aar, lang, sources)].filter(Boolean).join('  ');
  const deadlineTitle = (title: string) => (title === STATUTORY_TITLE ? w('statutory') : title);
  const recipient = (to: string) => (to === STATUTORY_RECIPIENT ? w('county') : to);
  return {
    title: w('title'),
    subtitle: `${incident.name} · ${time(incident.declaredAt)} – ${time(data.closedAt)}`,
    banner,
    lang,
    footer: [sources.hospital, w('title'), sources.exercise ? w('exercise') : '', aarStatusMark(aar, lang, sources, true)].filter(Boolean).join(' · '),
    fileName: `after-action-report-${lang}.pdf`,
    blocks: [
      {
        kind: 'fields',
        rows: [
          [w('incident'), incident.name],
          [w('place'), incident.location],
          [w('level'), incident.level],
          [w('declared'), time(incident.declaredAt)],
          [w('closed'), time(data.closedAt)],
          [w('asOf'), time(data.asOf)],
        ],
      },
      { kind: 'heading', text: w('summary') },
      { kind: 'text', text: aar.summary },
      { kind: 'heading', text: w('timeline') },
      { kind: 'table', head: [w('time'), w('entry')], rows: data.timeline.map((e) => [time(e.at), timelineText(e, lang)]) },
      ...(data.timelineOmitted > 0 ? [{ kind: 'text' as const, text: w('omitted', { n: data.timelineOmitted }) }] : []),
      { kind: 'heading', text: w('casualties') },
      {
        kind: 'table',
        head: [w('triage'), w('count')],
        rows: [...(['immediate', 'delayed', 'minor', 'expectant', 'dead'] as const).map((c) => [triageWords[c][lang], String(data.casualties.byCategory[c])]), [w('total'), String(data.casualties.total)]],
      },
      {
        kind: 'table',
        head: [w('disposition'), w('count')],
        rows: (['admitted', 'surgery', 'transferred', 'discharged', 'morgue', 'in_care'] as const).map((d) => [outcomeWords[d][lang], String(data.casualties.byDisposition[d])]),
      },
      { kind: 'heading', text: w('resources') },
      {
        kind: 'fields',
        rows: [[w('requests'), `${w('total')} ${data.resources.requests.total}; ${(Object.keys(requestStatusWords) as (keyof typeof requestStatusWords)[]).map((s) => `${requestStatusWords[s][lang]} ${data.resources.requests[s]}`).join('; ')}`]],
      },
      { kind: 'table', head: [w('issued'), w('qty')], rows: data.resources.issued.length === 0 ? [[w('none'), '']] : data.resources.issued.map((l) => [l.item, String(l.qty)]) },
      { kind: 'heading', text: w('openTasks') },
      data.openTasks.length === 0 ? { kind: 'text', text: w('none') } : { kind: 'table', head: [w('task'), w('section'), w('status')], rows: data.openTasks.map((t) => [t.title, t.section, t.status]) },
      { kind: 'heading', text: w('deadlines') },
      {
        kind: 'table',
        head: [w('deadline'), w('due'), w('reported'), w('outcome')],
        rows: data.deadlines.map((d) => [`${deadlineTitle(d.title)} → ${recipient(d.to)}`, time(d.dueAt), d.reportedAt === undefined ? '—' : time(d.reportedAt), deadlineOutcomeWords[d.outcome][lang]]),
      },
      ...writersBlocks(sources, lang),
    ],
  };
}
