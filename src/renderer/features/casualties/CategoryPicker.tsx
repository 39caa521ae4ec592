import { useTranslation } from 'react-i18next';
import type { TriageCategory } from '../../../domain/casualties/triage';
import { categories, categoryLabel } from './labels';

/** The triage colours as one radio group: arrow keys move between colours, so entry never leaves the keyboard. */
export function CategoryPicker({ name, value, onChange, legend }: { name: string; value: TriageCategory; onChange: (c: TriageCategory) => void; legend: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="triage-picker" data-testid={`${name}-picker`}>
      <legend>{legend}</legend>
      {categories.map((c) => (
        <label key={c} className={`triage-option triage-${c}${value === c ? ' checked' : ''}`}>
          <input type="radio" name={name} value={c} checked={value === c} onChange={() => onChange(c)} />
          <span>{categoryLabel[c](t)}</span>
        </label>
      ))}
    </fieldset>
  );
}
