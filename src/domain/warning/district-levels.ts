import { z } from 'zod';
import type { DistrictWarning } from '../map';
import { isOpenAlert, type Alert } from './alerts';
import { dayFromNumber, dayNumber, type Day } from './daily-series';
import { evaluateIndicatorSeries } from './detection-methods';
import type { DayLevel } from './evaluation';
import type { Indicator, Observation } from './indicators';
import { frequencyOf, mondayOf } from './periods';
import { gradeRank, WarningGradeSchema, type WarningGrade } from './warning-grades';

/**
 * What the region map shows for a district: a warning grade (red … blue), green when a person judged it all clear,
 * or `none` when nobody set a level and no warning is in force. Wider than the three levels a person sets by hand
 * (green / yellow / red), because warnings come in four grades. `none` is not green: "all clear" is a judgement,
 * and a district nobody looked at must not look like one (issue 13, item 12).
 */
export const DistrictLevelSchema = z.enum(['red', 'orange', 'yellow', 'blue', 'green', 'none']);
export type DistrictLevel = z.infer<typeof DistrictLevelSchema>;

/** An indicator's colour today: the latest day of today and yesterday that was evaluated (not grey). */
export type IndicatorToday = { date: Day; level: Exclude<DayLevel, 'grey'> };

/**
 * Today's colour of one indicator. Daily counts usually arrive the next morning (CIDARS's daily run), so until
 * today's figure is in, yesterday's evaluation stands; older days do not: a series nobody updated says nothing
 * about today. Only the last two days are evaluated (the methods keep their full baselines); for a weekly indicator,
 * this week and last week.
 */
export function indicatorToday(indicator: Indicator, observations: readonly Pick<Observation, 'date' | 'value'>[], today: Day): IndicatorToday | undefined {
  const todayN = dayNumber(today);
  if (todayN === null || observations.length === 0) return undefined;
  const from = frequencyOf(indicator) === 'weekly' ? mondayOf(todayN) - 7 : todayN - 1;
  const days = evaluateIndicatorSeries(indicator, observations, from).filter((d) => d.day <= todayN && d.day >= from && d.level !== 'grey');
  const latest = days.at(-1);
  return latest && latest.level !== 'grey' ? { date: dayFromNumber(latest.day), level: latest.level } : undefined;
}

export const DistrictWarningsSchema = z.object({
  districtId: z.string(),
  /** The highest grade in force from the district's indicators and open alerts. */
  grade: WarningGradeSchema,
  indicators: z.array(z.object({ id: z.string(), name: z.string(), level: z.enum(['red', 'yellow']), date: z.string() })),
  alerts: z.array(z.object({ id: z.string(), grade: WarningGradeSchema })),
});
export type DistrictWarnings = z.infer<typeof DistrictWarningsSchema>;

const dayGrade = (level: IndicatorToday['level']): WarningGrade | undefined => (level === 'red' ? 'red' : level === 'yellow' ? 'yellow' : undefined);

/**
 * The warnings in force per district: today's red or yellow indicators that name the district, and open alerts
 * (new, checking, verified) with a signal from such an indicator. The district's grade is the highest of them.
 * Districts with nothing in force are absent.
 */
export function districtWarnings(input: { indicators: readonly Indicator[]; todayOf: (indicator: Indicator) => IndicatorToday | undefined; alerts: readonly Alert[] }): Map<string, DistrictWarnings> {
  const byDistrict = new Map<string, DistrictWarnings>();
  const entry = (districtId: string, grade: WarningGrade): DistrictWarnings => {
    let found = byDistrict.get(districtId);
    if (!found) {
      found = { districtId, grade, indicators: [], alerts: [] };
      byDistrict.set(districtId, found);
    }
    if (gradeRank(grade) > gradeRank(found.grade)) found.grade = grade;
    return found;
  };
  const districtOf = new Map<string, string>();
  for (const indicator of input.indicators) {
    if (!indicator.districtId) continue;
    districtOf.set(indicator.id, indicator.districtId);
    if (!indicator.enabled) continue;
    const today = input.todayOf(indicator);
    const grade = today ? dayGrade(today.level) : undefined;
    if (today && grade) entry(indicator.districtId, grade).indicators.push({ id: indicator.id, name: indicator.name, level: today.level as 'red' | 'yellow', date: today.date });
  }
  for (const alert of input.alerts) {
    if (!isOpenAlert(alert)) continue;
    const districts = new Set(alert.signals.flatMap((s) => districtOf.get(s.indicatorId) ?? []));
    for (const districtId of districts) entry(districtId, alert.grade).alerts.push({ id: alert.id, grade: alert.grade });
  }
  return byDistrict;
}

export const DistrictStatusSchema = z.object({
  districtId: z.string(),
  /** What the map and the wall show. */
  level: DistrictLevelSchema,
  /** `manual`: a person set it and it stands until cleared; `warnings`: from the warnings in force; `none`: neither. */
  source: z.enum(['manual', 'warnings', 'none']),
  manual: z.object({ level: z.enum(['green', 'yellow', 'red']), updatedAt: z.number(), updatedBy: z.string() }).optional(),
  warnings: DistrictWarningsSchema.optional(),
});
export type DistrictStatus = z.infer<typeof DistrictStatusSchema>;

/**
 * A district's level. A level set by hand wins over the warnings until someone clears it (map.clearDistrictWarning):
 * it is a command decision (the county announced a level, or the room judged a signal false), and an algorithm
 * must not quietly undo it. The warnings in force are still reported beside it, so the map can show both and the
 * room sees when they disagree. Without a hand-set level the highest warning grade shows; with neither, `none`.
 */
export function districtStatus(districtId: string, manual: DistrictWarning | undefined, warnings: DistrictWarnings | undefined): DistrictStatus {
  const base = { districtId, ...(warnings ? { warnings } : {}) };
  if (manual) return { ...base, level: manual.level, source: 'manual', manual: { level: manual.level, updatedAt: manual.updatedAt, updatedBy: manual.updatedBy } };
  if (warnings) return { ...base, level: warnings.grade, source: 'warnings' };
  return { ...base, level: 'none', source: 'none' };
}
