import coreEn from './en.json';
import coreZhCN from './zh-CN.json';

/**
 * Translations: the shell's core files plus one pair per feature (`features/<name>/i18n/{en,zh-CN}.json`, each
 * with the feature's name as its only top-level key), so features are translated beside their code and two
 * features never edit the same file. Register a feature's pair here.
 */
type Bundle = Record<string, unknown>;
const features: readonly { en: Bundle; 'zh-CN': Bundle }[] = [];

function merge(core: Bundle, parts: readonly Bundle[]): Bundle {
  const merged: Bundle = { ...core };
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (Object.hasOwn(merged, key)) throw new Error(`translation namespace "${key}" is defined twice`);
      merged[key] = value;
    }
  }
  return merged;
}

export const en = merge(coreEn, features.map((f) => f.en));
export const zhCN = merge(coreZhCN, features.map((f) => f['zh-CN']));
