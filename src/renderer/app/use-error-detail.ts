import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorDetail } from '../lib/error-detail';
import { selectLanguage, selectTimeZone } from '../state/selectors';
import { useApp } from '../state/store-context';

/** `errorDetail` bound to the user's language and the hospital's time zone. */
export function useErrorDetail(): (code: string, params: Readonly<Record<string, string | number>> | undefined) => string | null {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  return useCallback((code, params) => errorDetail(t, code, params, { timeZone, locale }), [t, timeZone, locale]);
}
