import { useTranslation } from 'react-i18next';
import { errorKey, fieldKey } from '../i18n/keys';
import type { UiError } from '../lib/ui-error';
import { useErrorDetail } from './use-error-detail';

/**
 * A refused action in the user's language: `errors.<code>`, its particulars when the code has a detail string
 * (`errorDetails.<code>`, worded from the error's params), and which fields to fix when the input was invalid.
 */
export function ErrorText({ error }: { error: UiError }) {
  const { t } = useTranslation();
  const detail = useErrorDetail()(error.code, error.params);
  const fields = error.fields?.map((field) => t(fieldKey(field), { defaultValue: field })).join('、');
  return (
    <div className="error-text" role="alert" data-error-code={error.code}>
      <strong>{t('errors.title')}</strong>
      <span>{t(errorKey(error.code), { ...error.params, defaultValue: t('errors.unknown', { code: error.code }) })}</span>
      {detail ? <span className="error-detail" data-testid="error-detail">{detail}</span> : null}
      {fields ? <span>{t('errors.fields', { fields })}</span> : null}
    </div>
  );
}
