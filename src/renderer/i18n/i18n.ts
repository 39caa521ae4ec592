import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../contract/settings';
import { en, zhCN } from './bundles';

export const resources = { 'zh-CN': { translation: zhCN }, en: { translation: en } } as const;

/** One i18next instance per app; the language comes from the workstation's settings once they load. */
export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    supportedLngs: ['zh-CN', 'en'],
    // React escapes output already; escaping twice would show `&amp;` in incident names.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
