import type { DemobCheckout } from '../recovery';
import type { Incident } from '../incidents';
import { bedSummary, stockRows, type BedCount, type BedType, type StockItem, type StockLevel, type StockRow } from '../resources';
import { coverageAt, pooledOnDuty, type PoolEntry, type Profession, type RosterShift, type ShiftTemplate, type Staff, type StaffingRequirement } from '../roster';
import type { PrintBlock } from './print-document';
import { word, type Lang } from './print-labels';

type Text = Record<Lang, string>;

/** What the HICS 221 and 251 read beyond the incident's own records (people, beds, stock, roster). */
export type FacilityRecords = {
  pool: readonly PoolEntry[];
  staff: readonly Staff[];
  beds: readonly BedCount[];
  stock: readonly StockLevel[];
  stockItems: readonly StockItem[];
  requirements: readonly StaffingRequirement[];
  shifts: readonly RosterShift[];
  templates: readonly ShiftTemplate[];
  /** Check-out items recorded per person (src/domain/recovery): the 221 ticks them. */
  checkouts: readonly DemobCheckout[];
};

const w = {
  beds: { 'zh-CN': '床位（按类型）', en: 'Beds by type' },
  bedType: { 'zh-CN': '床位类型', en: 'Bed type' },
  staffed: { 'zh-CN': '开放', en: 'Staffed' },
  occupied: { 'zh-CN': '占用', en: 'Occupied' },
  available: { 'zh-CN': '可用', en: 'Available' },
  surge: { 'zh-CN': '扩容', en: 'Surge' },
  oldest: { 'zh-CN': '最早数据', en: 'Oldest figure' },
  stock: { 'zh-CN': '物资（红色与黄色）', en: 'Supplies at red and yellow' },
  stockCounts: {
    'zh-CN': '共 {all} 项库存：红色 {red}，黄色 {yellow}，绿色 {green}，未设预警线 {unset}',
    en: 'Holdings: {all}; red {red}, yellow {yellow}, green {green}, without thresholds {unset}',
  },
  colour: { 'zh-CN': '颜色', en: 'Colour' },
  onHand: { 'zh-CN': '现有', en: 'On hand' },
  par: { 'zh-CN': '标准库存', en: 'Par' },
  daysOnHand: { 'zh-CN': '可用天数', en: 'Days on hand' },
  red: { 'zh-CN': '红', en: 'Red' },
  yellow: { 'zh-CN': '黄', en: 'Yellow' },
  staffing: { 'zh-CN': '人员在岗（当前班次）', en: 'Staff on duty (current shift)' },
  unit: { 'zh-CN': '科室', en: 'Unit' },
  profession: { 'zh-CN': '职类', en: 'Profession' },
  shift: { 'zh-CN': '班次', en: 'Shift' },
  required: { 'zh-CN': '最低需求', en: 'Minimum' },
  rostered: { 'zh-CN': '排班', en: 'Rostered' },
  pooled: { 'zh-CN': '人力池', en: 'Labour pool' },
  gap: { 'zh-CN': '缺口', en: 'Short' },
  poolCount: { 'zh-CN': '人力池在签人数', en: 'In the labour pool now' },
  systems: { 'zh-CN': '设施系统', en: 'Facility systems' },
  systemsNote: {
    'zh-CN': '本系统未保存水电气、楼宇与通信系统的状态，请手工填写：完全正常 / 部分正常 / 不能运行 / 不适用。',
    en: 'The app holds no status for utilities, building or communication systems: fill in by hand as Fully functional / Partially functional / Non-functional / N/A.',
  },
  system: { 'zh-CN': '系统', en: 'System' },
  comments: { 'zh-CN': '备注', en: 'Comments' },
  notRecorded: { 'zh-CN': '未记录', en: 'Not recorded' },
  noBeds: { 'zh-CN': '未记录床位数据。', en: 'Beds: not recorded.' },
  noStock: { 'zh-CN': '未记录库存数据。', en: 'Supplies: not recorded.' },
  noMinimums: { 'zh-CN': '未设定最低在岗人数，无法比较在岗与需求。', en: 'No minimum staffing is recorded, so on duty cannot be compared with need.' },
} satisfies Record<string, Text>;

const say = (lang: Lang, key: keyof typeof w, params: Record<string, string | number> = {}) =>
  w[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));

export const bedTypeWords: Record<BedType, Text> = {
  adult_icu: { 'zh-CN': '成人重症监护', en: 'Adult ICU' },
  pediatric_icu: { 'zh-CN': '儿科重症监护', en: 'Paediatric ICU' },
  medical_surgical: { 'zh-CN': '内外科普通床位', en: 'Medical-surgical' },
  burn: { 'zh-CN': '烧伤', en: 'Burn' },
  psychiatric: { 'zh-CN': '精神科', en: 'Psychiatric' },
  negative_pressure_isolation: { 'zh-CN': '负压隔离', en: 'Negative-pressure isolation' },
  operating_rooms: { 'zh-CN': '手术室', en: 'Operating rooms' },
  emergency_department: { 'zh-CN': '急诊科', en: 'Emergency department' },
};

const professionWords: Record<Profession, Text> = {
  physician: { 'zh-CN': '医师', en: 'Physician' },
  nurse: { 'zh-CN': '护士', en: 'Nurse' },
  technician: { 'zh-CN': '技师', en: 'Technician' },
  pharmacist: { 'zh-CN': '药师', en: 'Pharmacist' },
  logistics: { 'zh-CN': '后勤', en: 'Logistics' },
  security: { 'zh-CN': '安保', en: 'Security' },
  administration: { 'zh-CN': '行政', en: 'Administration' },
  volunteer: { 'zh-CN': '志愿者', en: 'Volunteer' },
};

/** The systems of the paper HICS 251, each printed "not recorded" because no record of the app holds them. */
const facilitySystems: readonly Text[] = [
  { 'zh-CN': '市电供电', en: 'Mains power' },
  { 'zh-CN': '应急发电机', en: 'Emergency generator' },
  { 'zh-CN': '供水', en: 'Water' },
  { 'zh-CN': '排污', en: 'Sewer' },
  { 'zh-CN': '医用气体（氧气、负压吸引）', en: 'Medical gases (oxygen, vacuum)' },
  { 'zh-CN': '暖通空调', en: 'Heating, ventilation, air conditioning' },
  { 'zh-CN': '电梯', en: 'Lifts' },
  { 'zh-CN': '火灾报警与喷淋', en: 'Fire alarm and sprinklers' },
  { 'zh-CN': '电话', en: 'Telephones' },
  { 'zh-CN': '信息网络与电子病历', en: 'IT network and electronic records' },
  { 'zh-CN': '无线对讲', en: 'Radios' },
  { 'zh-CN': '建筑结构', en: 'Building structure' },
];

/** Burn rates over the week the resources screen and EDXL-HAVE use, so the colours agree with them. */
const STOCK_WINDOW_DAYS = 7;

/**
 * The HICS 251 from what the app holds: beds by type, stock at red and yellow, staff on duty against the minimums,
 * and the building and utility systems, which no record holds, printed as not recorded rather than guessed.
 */
export function hics251Blocks(incident: Incident, records: FacilityRecords, at: number, timeZone: string, lang: Lang, time: (ms: number) => string): PrintBlock[] {
  const rows = stockRows(records.stock, records.stockItems, at, STOCK_WINDOW_DAYS);
  const catalogued = new Set(records.stockItems.map((i) => i.name));
  return [
    ...bedBlocks(records.beds, lang, time),
    ...stockBlocks(rows, catalogued, lang),
    ...staffingBlocks(incident, records, at, timeZone, lang),
    { kind: 'heading', text: say(lang, 'systems') },
    { kind: 'text', text: say(lang, 'systemsNote') },
    { kind: 'table', head: [say(lang, 'system'), word(lang, 'status'), say(lang, 'comments')], rows: facilitySystems.map((s) => [s[lang], say(lang, 'notRecorded'), '']), shares: [0.4, 0.2, 0.4] },
  ];
}

function bedBlocks(beds: readonly BedCount[], lang: Lang, time: (ms: number) => string): PrintBlock[] {
  const lines = bedSummary(beds).filter((line) => line.units > 0);
  if (lines.length === 0) return [{ kind: 'heading', text: say(lang, 'beds') }, { kind: 'text', text: say(lang, 'noBeds') }];
  const sum = (f: 'staffed' | 'occupied' | 'available' | 'surge') => String(lines.reduce((n, l) => n + l[f], 0));
  return [
    { kind: 'heading', text: say(lang, 'beds') },
    {
      kind: 'table',
      head: [say(lang, 'bedType'), say(lang, 'staffed'), say(lang, 'occupied'), say(lang, 'available'), say(lang, 'surge'), say(lang, 'oldest')],
      rows: [
        ...lines.map((l) => [bedTypeWords[l.type][lang], String(l.staffed), String(l.occupied), String(l.available), String(l.surge), l.oldestChange === null ? '' : time(l.oldestChange)]),
        [word(lang, 'total'), sum('staffed'), sum('occupied'), sum('available'), sum('surge'), ''],
      ],
      shares: [0.3, 0.11, 0.11, 0.11, 0.11, 0.26],
    },
  ];
}

function stockBlocks(rows: readonly StockRow[], catalogued: ReadonlySet<string>, lang: Lang): PrintBlock[] {
  if (rows.length === 0) return [{ kind: 'heading', text: say(lang, 'stock') }, { kind: 'text', text: say(lang, 'noStock') }];
  // A holding with no catalogue entry has no thresholds: stockRows calls it green, this form says it is unset.
  const unset = rows.filter((r) => !catalogued.has(r.item)).length;
  const red = rows.filter((r) => r.status === 'red');
  const yellow = rows.filter((r) => r.status === 'yellow');
  const shown = [...red, ...yellow].sort((a, b) => (a.status === b.status ? a.item.localeCompare(b.item) || a.store.localeCompare(b.store) : a.status === 'red' ? -1 : 1));
  return [
    { kind: 'heading', text: say(lang, 'stock') },
    { kind: 'text', text: say(lang, 'stockCounts', { all: rows.length, red: red.length, yellow: yellow.length, green: rows.length - red.length - yellow.length - unset, unset }) },
    ...(shown.length === 0
      ? [{ kind: 'text' as const, text: word(lang, 'none') }]
      : [{
          kind: 'table' as const,
          head: [say(lang, 'colour'), word(lang, 'item'), word(lang, 'store'), say(lang, 'onHand'), say(lang, 'par'), say(lang, 'daysOnHand')],
          rows: shown.map((r) => [say(lang, r.status === 'red' ? 'red' : 'yellow'), r.item, r.store, `${r.qty} ${r.unit}`.trim(), r.par === null ? '' : String(r.par), r.daysOnHand === null ? '' : r.daysOnHand.toFixed(1)]),
          shares: [0.1, 0.26, 0.22, 0.14, 0.12, 0.16],
        }]),
  ];
}

function staffingBlocks(incident: Incident, records: FacilityRecords, at: number, timeZone: string, lang: Lang): PrintBlock[] {
  // Only this incident's pool: the form is the incident's; pooledOnDuty drops check-outs and entries after `at`.
  const pool = pooledOnDuty(at, records.pool, records.staff, new Set([incident.id]));
  const current = coverageAt(at, timeZone, records.requirements, records.shifts, records.templates, pool).filter((r) => r.phase === 'current');
  const poolLine: PrintBlock = { kind: 'fields', rows: [[say(lang, 'poolCount'), String(pool.length)]] };
  if (current.length === 0) return [{ kind: 'heading', text: say(lang, 'staffing') }, { kind: 'text', text: say(lang, 'noMinimums') }, poolLine];
  return [
    { kind: 'heading', text: say(lang, 'staffing') },
    {
      kind: 'table',
      head: [say(lang, 'unit'), say(lang, 'profession'), say(lang, 'shift'), say(lang, 'required'), say(lang, 'rostered'), say(lang, 'pooled'), say(lang, 'gap')],
      rows: current.map((r) => [r.unit, professionWords[r.role][lang], r.shiftCode, String(r.required), String(r.rostered), String(r.pooled), String(r.gap)]),
      shares: [0.22, 0.16, 0.1, 0.13, 0.13, 0.14, 0.12],
    },
    poolLine,
  ];
}
