import { XMLBuilder } from 'fast-xml-parser';
import { DomainError } from '../errors';
import type { RegionDistrict } from '../edxl';
import { offsetMs, zonedInstant } from '../roster';
import { isExercise, type Space } from '../spaces';
import { alertSources, type Alert, type AlertSignal } from './alerts';
import type { Indicator } from './indicators';
import type { ResponseLevelMap } from './response-levels';
import type { WarningGrade } from './warning-grades';

/** OASIS Common Alerting Protocol 1.2 (OASIS Standard, 1 July 2010). */
export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

export type CapMsgType = 'Alert' | 'Update' | 'Cancel';
export type CapLanguage = 'zh-CN' | 'en';
export const capLanguages: readonly CapLanguage[] = ['zh-CN', 'en'];

/**
 * CAP's three scales, from the warning grade. Severity follows China's four grades of public-health emergency
 * (red 特别重大 … blue 一般), which CAP's four severities match one to one. Urgency: red and orange call for action
 * now, yellow within the next hours, blue is for planning. Certainty is not the grade's: it is what the alert's
 * state says (see `capCertainty`).
 */
export const gradeCap: Record<WarningGrade, { urgency: 'Immediate' | 'Expected' | 'Future'; severity: 'Extreme' | 'Severe' | 'Moderate' | 'Minor'; responseType: 'Prepare' | 'Monitor' }> = {
  red: { urgency: 'Immediate', severity: 'Extreme', responseType: 'Prepare' },
  orange: { urgency: 'Immediate', severity: 'Severe', responseType: 'Prepare' },
  yellow: { urgency: 'Expected', severity: 'Moderate', responseType: 'Monitor' },
  blue: { urgency: 'Future', severity: 'Minor', responseType: 'Monitor' },
};

/**
 * Verified by the preliminary check: a suspected event, so Likely (CAP: p > ~50 %). An incident declared on it:
 * Observed. Dismissed after verification: Unlikely, with the Cancel.
 */
const capCertainty: Record<CapMsgType, 'Likely' | 'Observed' | 'Unlikely'> = { Alert: 'Likely', Update: 'Observed', Cancel: 'Unlikely' };

export type CapSources = {
  space: Space;
  alert: Alert;
  /** The space's indicators: the districts of an alert's signals come from them. */
  indicators: readonly Indicator[];
  responseLevels: ResponseLevelMap;
  /** The base map's districts (site-map.ts regionDistricts). */
  districts: readonly RegionDistrict[];
  /** The hospital's time zone: every CAP time carries its offset. */
  timeZone: string;
};

export type CapExport = { xml: string; fileName: string; msgType: CapMsgType; identifier: string; sent: number };

/**
 * CAP `dateTime`: the schema's pattern wants an explicit numeric offset and whole seconds
 * (`2026-12-04T16:00:00+08:00`); `Z` and fractions are refused. Written in the hospital's zone, as the app shows times.
 */
export function capDateTime(ms: number, timeZone: string): string {
  const seconds = Math.floor(ms / 1000) * 1000;
  const offsetMinutes = Math.round(offsetMs(seconds, timeZone) / 60_000);
  const local = new Date(seconds + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * CAP 1.2 forbids white space, commas and `<`/`&` in identifier and sender (the schema does not check it: the
 * `references` list is comma- and space-separated, so one would break every later Update).
 */
function capToken(value: string, field: string): string {
  if (!/^[^\s,<&]+$/.test(value)) throw new DomainError('invalid_args', `CAP ${field} ${JSON.stringify(value)} contains a space, comma, < or &`, { field });
  return value;
}

type Issued = { msgType: CapMsgType; sent: number; alertSent: number };

/**
 * Which message an alert's state makes, and when it was sent. A warning is issued when the alert is verified: that
 * is the Alert message, sent at the verification, so exporting it twice gives the same message (same identifier and
 * sent), which is how CAP recipients recognise a repeat. An incident opened on it makes an Update, a dismissal after
 * verification a Cancel; both reference the Alert. An alert never verified has issued nothing.
 */
function issued(alert: Alert): Issued {
  const verified = alert.history.findLast((e) => e.action === 'verified');
  if (!verified || !['verified', 'incident_opened', 'dismissed'].includes(alert.status)) {
    throw new DomainError('alert_not_issued', `alert ${alert.id} is ${alert.status}: only a verified alert is an issued warning`, { status: alert.status });
  }
  if (alert.status === 'verified') return { msgType: 'Alert', sent: verified.at, alertSent: verified.at };
  const action = alert.status === 'incident_opened' ? 'incident_opened' : 'dismissed';
  const event = alert.history.findLast((e) => e.action === action);
  return { msgType: alert.status === 'incident_opened' ? 'Update' : 'Cancel', sent: event?.at ?? alert.updatedAt, alertSent: verified.at };
}

const gradeName: Record<CapLanguage, Record<WarningGrade, string>> = {
  'zh-CN': { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' },
  en: { red: 'Red', orange: 'Orange', yellow: 'Yellow', blue: 'Blue' },
};

const text = {
  'zh-CN': {
    event: '公共卫生预警',
    headline: (grade: string, group: string, signals: number, sources: number) => `${grade}预警：${group}（${sources} 个来源，${signals} 个信号）`,
    prefix: { Alert: '', Update: '已启动事件响应：', Cancel: '已解除：' } satisfies Record<CapMsgType, string>,
    signal: (s: AlertSignal, figures: string) => `${s.date} ${s.indicatorName}：${figures}`,
    value: '观察值', expected: '预期', threshold: '阈值', level: { red: '红色', yellow: '黄色', counted: '计入规则' } satisfies Record<AlertSignal['level'], string>,
    verified: '初步核实：', dismissed: '排除原因：',
    instruction: (level: string) => `医院预案对应 ${level} 级响应。请按指挥中心指示行动。`,
    restriction: '仅限医院工作人员及公共卫生合作单位，不对公众发布。',
    exercise: (name: string) => `演练：${name}。这不是真实预警。`,
  },
  en: {
    event: 'Public health early warning',
    headline: (grade: string, group: string, signals: number, sources: number) => `${grade} warning: ${group} (${signals} signal${signals === 1 ? '' : 's'} from ${sources} source${sources === 1 ? '' : 's'})`,
    prefix: { Alert: '', Update: 'Incident opened: ', Cancel: 'Cancelled: ' } satisfies Record<CapMsgType, string>,
    signal: (s: AlertSignal, figures: string) => `${s.date} ${s.indicatorName}: ${figures}`,
    value: 'value', expected: 'expected', threshold: 'threshold', level: { red: 'red', yellow: 'yellow', counted: 'counted towards the rule' } satisfies Record<AlertSignal['level'], string>,
    verified: 'Preliminary check: ', dismissed: 'Dismissed: ',
    instruction: (level: string) => `The hospital plan maps this warning to response level ${level}. Follow the command centre's instructions.`,
    restriction: 'Hospital staff and public-health partners only; not for public release.',
    exercise: (name: string) => `Exercise: ${name}. This is not a real warning.`,
  },
};

const figure = (n: number | null): string | undefined => (n === null ? undefined : String(Math.round(n * 10) / 10));

function signalLine(s: AlertSignal, language: CapLanguage): string {
  const t = text[language];
  const sep = language === 'zh-CN' ? '，' : ', ';
  const parts = [
    figure(s.value) !== undefined ? `${t.value} ${figure(s.value)}` : undefined,
    figure(s.expected) !== undefined ? `${t.expected} ${figure(s.expected)}` : undefined,
    figure(s.threshold) !== undefined ? `${t.threshold} ${figure(s.threshold)}` : undefined,
    `${s.method} ${t.level[s.level]}${s.pValue !== null ? ` (p ${s.pValue.toPrecision(2)})` : ''}`,
  ].filter((p): p is string => p !== undefined);
  return t.signal(s, parts.join(sep));
}

/** CAP polygon: `lat,lon` pairs separated by spaces, closed (first = last), at least four pairs. */
function capPolygon(ring: readonly [number, number][] | undefined): string | undefined {
  if (!ring || ring.length < 3) return undefined;
  const closed = ring[0]?.[0] === ring.at(-1)?.[0] && ring[0]?.[1] === ring.at(-1)?.[1] ? ring : [...ring, ring[0] as [number, number]];
  if (closed.length < 4) return undefined;
  return closed.map(([lon, lat]) => `${lat},${lon}`).join(' ');
}

/** The districts the alert's indicators feed, in the base map's order; none when no indicator names a district. */
function alertDistricts(sources: CapSources): RegionDistrict[] {
  const indicatorIds = new Set(sources.alert.signals.map((s) => s.indicatorId));
  const ids = new Set(sources.indicators.filter((i) => indicatorIds.has(i.id) && i.districtId).map((i) => i.districtId));
  return sources.districts.filter((d) => ids.has(d.id));
}

function info(sources: CapSources, language: CapLanguage, message: Issued, districts: RegionDistrict[]) {
  const { alert, space, timeZone } = sources;
  const t = text[language];
  const scales = gradeCap[alert.grade];
  const level = sources.responseLevels[alert.grade];
  const lines = [
    ...alert.signals.map((s) => signalLine(s, language)),
    ...(alert.outcome ? [`${message.msgType === 'Cancel' ? t.dismissed : t.verified}${alert.outcome}`] : []),
  ];
  return {
    language,
    category: 'Health',
    event: t.event,
    responseType: message.msgType === 'Cancel' ? 'AllClear' : scales.responseType,
    urgency: message.msgType === 'Cancel' ? 'Past' : scales.urgency,
    severity: scales.severity,
    certainty: capCertainty[message.msgType],
    effective: capDateTime(message.sent, timeZone),
    // The event began no later than the first day a signal was seen (a day of the hospital's calendar).
    onset: capDateTime(zonedInstant(alert.firstDate, 0, timeZone), timeZone),
    senderName: space.name,
    headline: `${t.prefix[message.msgType]}${t.headline(gradeName[language][alert.grade], alert.group, alert.signals.length, alertSources(alert))}`,
    description: lines.join('\n'),
    instruction: message.msgType === 'Cancel' ? undefined : t.instruction(level),
    parameter: [
      { valueName: 'warningGrade', value: alert.grade },
      { valueName: 'responseLevel', value: level },
      { valueName: 'syndromeGroup', value: alert.group },
      { valueName: 'firstSignalDate', value: alert.firstDate },
      { valueName: 'lastSignalDate', value: alert.lastDate },
    ],
    area:
      districts.length > 0
        ? districts.map((d) => ({ areaDesc: d.name[language], polygon: capPolygon(d.ring) }))
        : // No indicator names a district: the warning is about the hospital's own catchment.
          [{ areaDesc: space.name }],
  };
}

/**
 * A verified alert (an issued warning) as a CAP 1.2 `alert`, with one `info` in Chinese and one in English. The
 * element order is the schema's (xsd:sequence): identifier, sender, sent, status, msgType, scope, restriction,
 * note, references, incidents, info; and in info: language, category, event, responseType, urgency, severity,
 * certainty, effective, onset, senderName, headline, description, instruction, parameter, area. Throws
 * `alert_not_issued` for an alert nobody verified. Validate the result (src/node/xml-schema.ts) before it leaves.
 */
export function capAlert(sources: CapSources): CapExport {
  const { space, alert, timeZone } = sources;
  const message = issued(alert);
  const sender = capToken(`urn:hcc:${space.id}`, 'sender');
  const alertIdentifier = capToken(`urn:hcc:${space.id}:alert:${alert.id}`, 'identifier');
  const identifier = message.msgType === 'Alert' ? alertIdentifier : `${alertIdentifier}:${message.msgType.toLowerCase()}`;
  const exercise = isExercise(space);
  const districts = alertDistricts(sources);
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    alert: {
      '@_xmlns': CAP_NAMESPACE,
      identifier,
      sender,
      sent: capDateTime(message.sent, timeZone),
      // A drill's warning must never be taken for a real one: its space's kind decides, not its name.
      status: exercise ? 'Exercise' : 'Actual',
      msgType: message.msgType,
      // Staff and partners only: a hospital's early warning is not a public alert.
      scope: 'Restricted',
      restriction: text.en.restriction,
      note: exercise ? `${text.en.exercise(space.name)} ${text['zh-CN'].exercise(space.name)}` : undefined,
      references: message.msgType === 'Alert' ? undefined : `${sender},${alertIdentifier},${capDateTime(message.alertSent, timeZone)}`,
      incidents: alert.incidentId,
      info: capLanguages.map((language) => info(sources, language, message, districts)),
    },
  };
  const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true }).build(doc);
  return { xml, fileName: `cap-${space.id}-${alert.id}-${message.msgType.toLowerCase()}.xml`, msgType: message.msgType, identifier, sent: message.sent };
}
