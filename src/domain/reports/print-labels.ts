import type { TriageCategory } from '../casualties';

export type Lang = 'zh-CN' | 'en';
type Text = Record<Lang, string>;

/** Words printed on the forms. The forms are made in the workstation core, which has no renderer i18n. */
export const words = {
  reportCard: { 'zh-CN': '突发公共卫生事件相关信息报告卡', en: 'Public health emergency information report card' },
  initial: { 'zh-CN': '初步报告', en: 'Initial report' },
  progress: { 'zh-CN': '进程报告（第 {n} 次）', en: 'Progress report no. {n}' },
  final: { 'zh-CN': '结案报告', en: 'Final report' },
  draft: { 'zh-CN': '草稿：未签发', en: 'DRAFT: not signed off' },
  exercise: { 'zh-CN': '演练 EXERCISE', en: 'EXERCISE' },
  reportingUnit: { 'zh-CN': '报告单位', en: 'Reporting unit' },
  reporter: { 'zh-CN': '报告人', en: 'Reporter' },
  phone: { 'zh-CN': '联系电话', en: 'Phone' },
  eventName: { 'zh-CN': '事件名称', en: 'Event name' },
  category: { 'zh-CN': '事件类别', en: 'Event category' },
  grade: { 'zh-CN': '事件等级', en: 'Event grade' },
  place: { 'zh-CN': '发生地点', en: 'Place' },
  setting: { 'zh-CN': '发生场所', en: 'Setting' },
  source: { 'zh-CN': '信息来源', en: 'Information source' },
  discoveredAt: { 'zh-CN': '发现时间', en: 'Discovered' },
  declaredAt: { 'zh-CN': '启动响应时间', en: 'Response declared' },
  responseLevel: { 'zh-CN': '响应级别', en: 'Response level' },
  asOf: { 'zh-CN': '数据截至', en: 'Figures as of' },
  casualtiesByCategory: { 'zh-CN': '伤员（按检伤分类）', en: 'Casualties by triage category' },
  casualtiesByOutcome: { 'zh-CN': '伤员（按去向）', en: 'Casualties by outcome' },
  total: { 'zh-CN': '合计', en: 'Total' },
  count: { 'zh-CN': '人数', en: 'Count' },
  situation: { 'zh-CN': '事件概况', en: 'Situation' },
  measures: { 'zh-CN': '已采取的措施', en: 'Measures taken' },
  resources: { 'zh-CN': '投入的资源', en: 'Resources committed' },
  needs: { 'zh-CN': '需要支援的事项', en: 'Needs' },
  signedOff: { 'zh-CN': '签发', en: 'Signed off' },
  sent: { 'zh-CN': '报送', en: 'Sent' },
  dueAt: { 'zh-CN': '报告时限', en: 'Due' },
  notYet: { 'zh-CN': '未', en: 'not yet' },
  period: { 'zh-CN': '作业期', en: 'Operational period' },
  incident: { 'zh-CN': '事件', en: 'Incident' },
  time: { 'zh-CN': '时间', en: 'Time' },
  position: { 'zh-CN': '岗位', en: 'Position' },
  name: { 'zh-CN': '姓名', en: 'Name' },
  activity: { 'zh-CN': '重要活动', en: 'Notable activity' },
  objective: { 'zh-CN': '目标', en: 'Objective' },
  status: { 'zh-CN': '状态', en: 'Status' },
  to: { 'zh-CN': '收件人', en: 'To' },
  from: { 'zh-CN': '发件人', en: 'From' },
  subject: { 'zh-CN': '主题', en: 'Subject' },
  message: { 'zh-CN': '内容', en: 'Message' },
  reply: { 'zh-CN': '回复', en: 'Reply' },
  tag: { 'zh-CN': '伤票号', en: 'Tag no.' },
  triage: { 'zh-CN': '检伤分类', en: 'Triage' },
  arrived: { 'zh-CN': '到达', en: 'Arrived' },
  area: { 'zh-CN': '区域', en: 'Area' },
  disposition: { 'zh-CN': '去向', en: 'Disposition' },
  namesLeftOut: { 'zh-CN': '仅列伤票号与人数，不含姓名。', en: 'Tag numbers and counts only; no names.' },
  none: { 'zh-CN': '（无）', en: '(none)' },
  preparedBy: { 'zh-CN': '填表人', en: 'Prepared by' },
  positionsStaffed: { 'zh-CN': '已到岗指挥岗位', en: 'Command positions staffed' },
  item: { 'zh-CN': '物资', en: 'Item' },
  qty: { 'zh-CN': '数量', en: 'Quantity' },
  store: { 'zh-CN': '库房', en: 'Store' },
  section: { 'zh-CN': '申请部门', en: 'Section' },
  requestedBy: { 'zh-CN': '申请人', en: 'Requested by' },
  issuedBy: { 'zh-CN': '发放人', en: 'Issued by' },
} satisfies Record<string, Text>;

export type Word = keyof typeof words;

export function word(lang: Lang, key: Word, params: Record<string, string | number> = {}): string {
  return words[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

export const triageWords: Record<TriageCategory, Text> = {
  immediate: { 'zh-CN': '红（危重）', en: 'Red (immediate)' },
  delayed: { 'zh-CN': '黄（重）', en: 'Yellow (delayed)' },
  minor: { 'zh-CN': '绿（轻）', en: 'Green (minor)' },
  expectant: { 'zh-CN': '灰（期待治疗）', en: 'Grey (expectant)' },
  dead: { 'zh-CN': '黑（死亡）', en: 'Black (dead)' },
};

export const outcomeWords: Record<'in_care' | 'discharged' | 'admitted' | 'surgery' | 'transferred' | 'morgue', Text> = {
  in_care: { 'zh-CN': '救治中', en: 'In care' },
  admitted: { 'zh-CN': '收住院', en: 'Admitted' },
  surgery: { 'zh-CN': '手术', en: 'Surgery' },
  transferred: { 'zh-CN': '转院', en: 'Transferred' },
  discharged: { 'zh-CN': '离院', en: 'Discharged' },
  morgue: { 'zh-CN': '死亡', en: 'Deceased' },
};

/** Times on a form, in the hospital's zone: `2026-12-04 16:00`. */
export function formatTime(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
