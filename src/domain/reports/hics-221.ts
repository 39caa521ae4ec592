import { findPosition } from '../hics';
import type { Assignment, Incident, LogEntry } from '../incidents';
import { checkoutId, type CheckoutItem, type DemobCheckout } from '../recovery';
import { hoursWorked, type PoolEntry, type Staff } from '../roster';
import type { PrintBlock } from './print-document';
import { word, type Lang } from './print-labels';

type Text = Record<Lang, string>;

/** Words of the HICS 221 only (the shared ones are in print-labels). */
const w = {
  nobody: { 'zh-CN': '本事件中无人担任指挥岗位或在人力池签到。', en: 'Nobody held a command position or checked in to the labour pool for this incident.' },
  staffNo: { 'zh-CN': '工号', en: 'Staff no.' },
  department: { 'zh-CN': '科室', en: 'Department' },
  notInDirectory: { 'zh-CN': '（本机人员名录中无此人）', en: "(not in this desk's staff directory)" },
  positionsHeld: { 'zh-CN': '担任的指挥岗位', en: 'Command positions held' },
  period: { 'zh-CN': '作业期', en: 'Period' },
  assigned: { 'zh-CN': '任命', en: 'Assigned' },
  released: { 'zh-CN': '解除', en: 'Released' },
  stillAssigned: { 'zh-CN': '仍在岗', en: 'Still assigned' },
  labourPool: { 'zh-CN': '人力池', en: 'Labour pool' },
  checkedIn: { 'zh-CN': '签到', en: 'Checked in' },
  checkedOut: { 'zh-CN': '签退', en: 'Checked out' },
  stillCheckedIn: { 'zh-CN': '仍在池中', en: 'Still checked in' },
  hours: { 'zh-CN': '工时', en: 'Hours' },
  checkOut: { 'zh-CN': '撤离签退事项', en: 'Check-out items' },
  item: { 'zh-CN': '事项', en: 'Item' },
  initials: { 'zh-CN': '核对人签名', en: 'Checked by' },
  releasedFromPositions: { 'zh-CN': '已解除全部指挥岗位', en: 'Released from every command position' },
  stillHolds: { 'zh-CN': '仍担任：{what}', en: 'Still holds: {what}' },
  listSeparator: { 'zh-CN': '、', en: ', ' },
  poolCheckedOut: { 'zh-CN': '已在人力池签退', en: 'Checked out of the labour pool' },
  notApplicable: { 'zh-CN': '不适用', en: 'Not applicable' },
  timesheet: { 'zh-CN': '工时已核对（HICS 252）', en: 'Time sheet hours confirmed (HICS 252)' },
  hoursRecorded: { 'zh-CN': '已记录 {h} 小时', en: '{h} h recorded' },
  noHours: { 'zh-CN': '无人力池工时记录', en: 'No labour pool hours recorded' },
  forms: { 'zh-CN': '活动记录（HICS 214）及表单已移交', en: 'HICS 214 log and forms handed in' },
  logEntries: { 'zh-CN': '所任岗位下已记 {n} 条', en: '{n} log entries under the positions held' },
  handover: { 'zh-CN': '已向接替人员交接', en: 'Briefed the replacement' },
  equipment: { 'zh-CN': '已归还配发物品（对讲机、背心、证件）', en: 'Equipment returned (radio, vest, ID)' },
  debrief: { 'zh-CN': '已参加撤离总结会', en: 'Debrief attended' },
  wellbeing: { 'zh-CN': '已提供员工健康与心理支持转介', en: 'Employee health and well-being referral offered' },
  notRecorded: { 'zh-CN': '未记录', en: 'Not recorded' },
  signOff: { 'zh-CN': '签退确认', en: 'Check-out signed' },
  person: { 'zh-CN': '本人签名', en: 'Signature' },
  supervisor: { 'zh-CN': '主管签名', en: 'Supervisor' },
  dateTime: { 'zh-CN': '日期时间', en: 'Date/time' },
} satisfies Record<string, Text>;

const say = (lang: Lang, key: keyof typeof w, params: Record<string, string | number> = {}) =>
  w[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));

/** A box to tick on paper, and a tick where the records already show the item done. */
export const BOX = '□';
export const TICK = '✓';

/** One person's part in the incident: the HICS 203 rows they held and their labour pool check-ins. */
export type CheckOutPerson = { name: string; staff?: Staff; assignments: Assignment[]; pool: PoolEntry[]; firstSeen: number };

const keyOf = (name: string) => name.trim().toLowerCase();

/**
 * Everyone who held a position or checked in to the labour pool for the incident, once each: a pool entry names a
 * staff record, a HICS 203 row a name as typed, so both are matched by name (as positionsOfPerson does).
 */
export function checkOutPeople(incident: Incident, assignments: readonly Assignment[], pool: readonly PoolEntry[], staff: readonly Staff[]): CheckOutPerson[] {
  const directory = new Map(staff.map((s) => [s.id, s]));
  const byName = new Map(staff.map((s) => [keyOf(s.name), s]));
  const people = new Map<string, CheckOutPerson>();
  const personFor = (name: string, at: number, record?: Staff): CheckOutPerson => {
    const key = keyOf(name);
    const found = people.get(key) ?? { name: name.trim(), assignments: [], pool: [], firstSeen: at };
    const known = record ?? found.staff ?? byName.get(key);
    const person = { ...found, firstSeen: Math.min(found.firstSeen, at), ...(known ? { staff: known } : {}) };
    people.set(key, person);
    return person;
  };
  for (const entry of pool.filter((e) => e.incidentId === incident.id)) {
    const record = directory.get(entry.staffId);
    personFor(record?.name ?? entry.staffId, entry.checkedInAt, record).pool.push(entry);
  }
  for (const row of assignments.filter((a) => a.incidentId === incident.id)) personFor(row.person, row.assignedAt).assignments.push(row);
  return [...people.values()].sort((a, b) => a.firstSeen - b.firstSeen || a.name.localeCompare(b.name));
}

/** The records a 221 is printed from: the incident's positions, log and labour pool, the directory, and check-outs. */
export type CheckOutRecords = {
  assignments: readonly Assignment[];
  log: readonly LogEntry[];
  pool: readonly PoolEntry[];
  staff: readonly Staff[];
  checkouts: readonly DemobCheckout[];
};

/** The HICS 221: one check-out sheet per person, with what the records show ticked and the rest left as boxes. */
export function hics221Blocks(incident: Incident, records: CheckOutRecords, at: number, lang: Lang, time: (ms: number) => string): PrintBlock[] {
  const people = checkOutPeople(incident, records.assignments, records.pool, records.staff);
  if (people.length === 0) return [{ kind: 'text', text: say(lang, 'nobody') }];
  const incidentLog = records.log.filter((e) => e.incidentId === incident.id);
  const checkouts = new Map(records.checkouts.map((c) => [c.id, c]));
  return people.flatMap((person, i) => [
    ...(i > 0 ? [{ kind: 'pageBreak' } as const] : []),
    ...personSheet(incident, person, incidentLog, checkouts.get(checkoutId(incident.space, incident.id, person.name)), at, lang, time),
  ]);
}

/** One person's sheet; it names the incident again because each sheet is signed and filed on its own. */
function personSheet(incident: Incident, person: CheckOutPerson, log: readonly LogEntry[], checkout: DemobCheckout | undefined, at: number, lang: Lang, time: (ms: number) => string): PrintBlock[] {
  const positionName = (id: string) => findPosition(id)?.name[lang] ?? id;
  const rows = [...person.assignments].sort((a, b) => a.assignedAt - b.assignedAt);
  const entries = [...person.pool].sort((a, b) => a.checkedInAt - b.checkedInAt);
  const s = person.staff;
  return [
    { kind: 'heading', text: person.name },
    {
      kind: 'fields',
      rows: [
        [word(lang, 'incident'), incident.name],
        ...(s
          ? ([[word(lang, 'name'), s.name], [say(lang, 'staffNo'), s.staffNo], [say(lang, 'department'), `${s.department} · ${s.homeUnit}`]] as const)
          : ([[word(lang, 'name'), `${person.name} ${say(lang, 'notInDirectory')}`]] as const)),
      ],
    },
    ...(rows.length > 0
      ? [{
          kind: 'table' as const,
          head: [say(lang, 'positionsHeld'), say(lang, 'period'), say(lang, 'assigned'), say(lang, 'released')],
          rows: rows.map((a) => [positionName(a.positionId), String(a.period), time(a.assignedAt), a.releasedAt === undefined ? say(lang, 'stillAssigned') : time(a.releasedAt)]),
          shares: [0.43, 0.15, 0.21, 0.21],
        }]
      : []),
    ...(entries.length > 0
      ? [{
          kind: 'table' as const,
          head: [say(lang, 'labourPool'), say(lang, 'checkedIn'), say(lang, 'checkedOut'), say(lang, 'hours')],
          rows: entries.map((e, n) => [`${n + 1}`, time(e.checkedInAt), e.checkedOutAt === undefined ? say(lang, 'stillCheckedIn') : time(e.checkedOutAt), hoursWorked(e, at).toFixed(1)]),
          shares: [0.2, 0.3, 0.3, 0.2],
        }]
      : []),
    { kind: 'heading', text: say(lang, 'checkOut') },
    { kind: 'table', head: [say(lang, 'item'), word(lang, 'status'), say(lang, 'initials')], rows: checkOutItems(rows, entries, log, checkout, at, lang, time), shares: [0.4, 0.42, 0.18] },
    { kind: 'heading', text: say(lang, 'signOff') },
    { kind: 'table', head: [say(lang, 'person'), say(lang, 'supervisor'), say(lang, 'dateTime')], rows: [['', '', '']], shares: [0.35, 0.35, 0.3] },
  ];
}

/**
 * The check-out items: ticked with the time where a record shows it done (a release, a pool check-out, an item
 * ticked on the Recovery tab), a box with what the records say otherwise.
 */
function checkOutItems(rows: readonly Assignment[], entries: readonly PoolEntry[], log: readonly LogEntry[], checkout: DemobCheckout | undefined, at: number, lang: Lang, time: (ms: number) => string): string[][] {
  const positionName = (id: string) => findPosition(id)?.name[lang] ?? id;
  const held = rows.filter((a) => a.releasedAt === undefined);
  const lastRelease = Math.max(...rows.map((a) => a.releasedAt ?? 0));
  const released = rows.length === 0 ? say(lang, 'notApplicable') : held.length === 0 ? `${TICK} ${time(lastRelease)}` : `${BOX} ${say(lang, 'stillHolds', { what: [...new Set(held.map((a) => positionName(a.positionId)))].join(say(lang, 'listSeparator')) })}`;
  const stillIn = entries.filter((e) => e.checkedOutAt === undefined);
  const lastOut = Math.max(...entries.map((e) => e.checkedOutAt ?? 0));
  const poolOut = entries.length === 0 ? say(lang, 'notApplicable') : stillIn.length === 0 ? `${TICK} ${time(lastOut)}` : `${BOX} ${say(lang, 'stillCheckedIn')}`;
  const hours = entries.reduce((n, e) => n + hoursWorked(e, at), 0);
  const positions = new Set(rows.map((a) => a.positionId));
  const logged = log.filter((e) => e.positionId !== undefined && positions.has(e.positionId)).length;
  const item = (key: CheckoutItem, note: string) => {
    const tick = checkout?.items[key];
    return tick ? `${TICK} ${time(tick.at)}${note === say(lang, 'notRecorded') ? '' : ` · ${note}`}` : `${BOX} ${note}`;
  };
  const notRecorded = say(lang, 'notRecorded');
  return [
    [say(lang, 'releasedFromPositions'), released, ''],
    [say(lang, 'poolCheckedOut'), poolOut, ''],
    [say(lang, 'timesheet'), item('timesheet_confirmed', entries.length > 0 ? say(lang, 'hoursRecorded', { h: hours.toFixed(1) }) : say(lang, 'noHours')), ''],
    [say(lang, 'forms'), item('forms_handed_in', rows.length > 0 ? say(lang, 'logEntries', { n: logged }) : notRecorded), ''],
    [say(lang, 'handover'), item('handover_done', notRecorded), ''],
    [say(lang, 'equipment'), item('equipment_returned', notRecorded), ''],
    [say(lang, 'debrief'), item('debrief_attended', notRecorded), ''],
    [say(lang, 'wellbeing'), item('wellbeing_offered', notRecorded), ''],
  ];
}
