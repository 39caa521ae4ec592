import coreEn from './en.json';
import coreZhCN from './zh-CN.json';
import rosterEn from '../features/roster/i18n/en.json';
import rosterZhCN from '../features/roster/i18n/zh-CN.json';
import mapEn from '../features/map/i18n/en.json';
import mapZhCN from '../features/map/i18n/zh-CN.json';
import wallEn from '../features/wall/i18n/en.json';
import wallZhCN from '../features/wall/i18n/zh-CN.json';
import boardEn from '../features/board/i18n/en.json';
import boardZhCN from '../features/board/i18n/zh-CN.json';
import resourcesEn from '../features/resources/i18n/en.json';
import resourcesZhCN from '../features/resources/i18n/zh-CN.json';
import warningEn from '../features/warning/i18n/en.json';
import warningZhCN from '../features/warning/i18n/zh-CN.json';
import casualtiesEn from '../features/casualties/i18n/en.json';
import casualtiesZhCN from '../features/casualties/i18n/zh-CN.json';
import plansEn from '../features/plans/i18n/en.json';
import plansZhCN from '../features/plans/i18n/zh-CN.json';
import exercisesEn from '../features/exercises/i18n/en.json';
import exercisesZhCN from '../features/exercises/i18n/zh-CN.json';
import reportsEn from '../features/reports/i18n/en.json';
import reportsZhCN from '../features/reports/i18n/zh-CN.json';
import aarEn from '../features/aar/i18n/en.json';
import aarZhCN from '../features/aar/i18n/zh-CN.json';
import recoveryEn from '../features/recovery/i18n/en.json';
import recoveryZhCN from '../features/recovery/i18n/zh-CN.json';

/**
 * Translations: the shell's core files plus one pair per feature (`features/<name>/i18n/{en,zh-CN}.json`, each
 * with the feature's name as its only top-level key), so features are translated beside their code and two
 * features never edit the same file. A feature may also add to the shared `mutations` and `errors` tables from its
 * own files (a clash on one string throws). Register a feature's pair here.
 */
type Bundle = Record<string, unknown>;
const features: readonly { en: Bundle; 'zh-CN': Bundle }[] = [
  { en: rosterEn, 'zh-CN': rosterZhCN },
  { en: mapEn, 'zh-CN': mapZhCN },
  { en: wallEn, 'zh-CN': wallZhCN },
  { en: boardEn, 'zh-CN': boardZhCN },
  { en: resourcesEn, 'zh-CN': resourcesZhCN },
  { en: warningEn, 'zh-CN': warningZhCN },
  { en: casualtiesEn, 'zh-CN': casualtiesZhCN },
  { en: plansEn, 'zh-CN': plansZhCN },
  { en: exercisesEn, 'zh-CN': exercisesZhCN },
  { en: reportsEn, 'zh-CN': reportsZhCN },
  { en: aarEn, 'zh-CN': aarZhCN },
  { en: recoveryEn, 'zh-CN': recoveryZhCN },
];

const isBundle = (value: unknown): value is Bundle => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep merge that refuses to let one file overwrite another's string: a clash is a bug, not a preference. */
function mergeInto(target: Bundle, part: Bundle, path: string): void {
  for (const [key, value] of Object.entries(part)) {
    const existing = target[key];
    if (existing === undefined) target[key] = isBundle(value) ? structuredClone(value) : value;
    else if (isBundle(existing) && isBundle(value)) mergeInto(existing, value, `${path}${key}.`);
    else throw new Error(`translation "${path}${key}" is defined twice`);
  }
}

function merge(core: Bundle, parts: readonly Bundle[]): Bundle {
  const merged = structuredClone(core);
  for (const part of parts) mergeInto(merged, part, '');
  return merged;
}

export const en = merge(coreEn, features.map((f) => f.en));
export const zhCN = merge(coreZhCN, features.map((f) => f['zh-CN']));
