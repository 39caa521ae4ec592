import { useTranslation } from 'react-i18next';
import { errorKey, fieldKey } from '../i18n/keys';
import type { UiError } from '../lib/ui-error';

/** A refused action in the user's language: `errors.<code>`, and which fields to fix when the input was invalid. */
export function ErrorText({ error }: { error: UiError }) {
  const { t } = useTranslation();
  const fields = error.fields?.map((field) => t(fieldKey(field), { defaultValue: field })).join('、');
  return (
    <div className="error-text" role="alert" data-error-code={error.code}>
      <strong>{t('errors.title')}</strong>
      <span>{t(errorKey(error.code), { ...error.params, defaultValue: t('errors.unknown', { code: error.code }) })}</span>
      {fields ? <span>{t('errors.fields', { fields })}</span> : null}
    </div>
  );
}
