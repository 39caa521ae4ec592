import { useTranslation } from 'react-i18next';
import type { CasualtyCountsView } from '../../../contract/casualty-api';
import { categories, categoryLabel, categoryShortLabel, dispositionLabel, dispositions } from './labels';

/** Counts by triage colour and by disposition, as the incident header shows them. */
export function CasualtyCountsBar({ counts, testId }: { counts: CasualtyCountsView; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="casualty-counts" data-testid={testId} data-total={counts.total} aria-label={t('casualties.counts.label')}>
      <span className="casualty-count-total">{t('casualties.counts.total', { count: counts.total })}</span>
      <ul className="casualty-count-list">
        {categories.map((c) => (
          <li key={c} className={`casualty-count triage-${c}`} data-testid={`${testId}-${c}`} data-count={counts.byCategory[c]} title={categoryLabel[c](t)}>
            <span className="casualty-count-label">{categoryShortLabel[c](t)}</span>
            <span className="casualty-count-value num">{counts.byCategory[c]}</span>
          </li>
        ))}
      </ul>
      <ul className="casualty-count-list dispositions">
        {dispositions.map((d) => (
          <li key={d} className="casualty-count disposition" data-testid={`${testId}-${d}`} data-count={counts.byDisposition[d]}>
            <span className="casualty-count-label">{dispositionLabel[d](t)}</span>
            <span className="casualty-count-value num">{counts.byDisposition[d]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
