import { useTranslation } from 'react-i18next';
import { errorKey, fieldKey } from '../i18n/keys';
import type { UiError } from '../lib/ui-error';
import { useErrorDetail } from './use-error-detail';

/**
 * A refused action in the user's language: `errors.<code>`, its particulars when the code has a detail string
 * (`errorDetails.<code>`, worded from the error's params), and which fields to fix when the input was invalid.
 * A field is named by the form's own label (`fieldLabels`) or its shared `fields.<name>` string; a field with
 * neither is left out, since a schema's name for it (`staffNo`) means nothing to the user.
 */
export function ErrorText({ error, fieldLabels }: { error: UiError; fieldLabels?: Readonly<Record<string, string>> }) {
  const { t, i18n } = useTranslation();
  const detail = useErrorDetail()(error.code, error.params);
  const labels = (error.fields ?? []).flatMap((field) => {
    const label = fieldLabels?.[field] ?? (i18n.exists(fieldKey(field)) ? t(fieldKey(field)) : null);
    return label ? [label] : [];
  });
  const fields = [...new Set(labels)].join('、');
  return (
    <div className="error-text" role="alert" data-error-code={error.code}>
      <strong>{t('errors.title')}</strong>
      <span>{t(errorKey(error.code), { ...error.params, defaultValue: t('errors.unknown', { code: error.code }) })}</span>
      {detail ? <span className="error-detail" data-testid="error-detail">{detail}</span> : null}
      {fields ? <span>{t('errors.fields', { fields })}</span> : null}
    </div>
  );
}
