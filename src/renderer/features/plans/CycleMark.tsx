import { useTranslation } from 'react-i18next';
import type { CycleStatus } from '../../../domain/plans';
import { formatDate } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { cycleLabel } from './labels';

/** A review or exercise clock in words and colour: overdue red, due within 60 days amber. */
export function CycleMark({ label, status, testId }: { label: string; status: CycleStatus; testId: string }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const date = status.dueAt === null ? '' : formatDate(status.dueAt, timeZone, locale);
  return (
    <span className={`plan-cycle cycle-${status.state}`} data-testid={testId} data-state={status.state}>
      {label}: {cycleLabel[status.state](t, { date })}
    </span>
  );
}
