import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isoWeekLabel, type Frequency } from '../../../domain/warning/periods';
import { ErrorText } from '../../app/ErrorText';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { entryStartDate } from './warning-view';

type Clash = { date: string; held: number | string; value: number };

/**
 * One period's figure by hand: a day, or a week dated by its Monday. A period already recorded is refused; the user
 * may then choose to replace it. Another day than a Monday for a weekly indicator is refused by the domain, whose
 * message names the Monday (periods.ts), so the desk and a feed get the same answer.
 */
export function ObservationEntry({ indicatorId, frequency }: { indicatorId: string; frequency: Frequency }) {
  const { t } = useTranslation();
  const record = useMutation('observation.record');
  const write = useCan('incident.write');
  const weekly = frequency === 'weekly';
  const [date, setDate] = useState(() => entryStartDate(Date.now(), frequency));
  const [value, setValue] = useState('');
  const [clash, setClash] = useState<Clash | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const send = async (replace: boolean, figure: number, day: string) => {
    const error = await record.run({ indicatorId, date: day, value: figure, replace });
    if (error?.code === 'already_exists' && !replace) {
      setClash({ date: day, held: error.params?.['value'] ?? '?', value: figure });
      return;
    }
    setClash(null);
    if (!error) {
      setSaved(day);
      setValue('');
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    void send(false, Number(value), date);
  };

  return (
    <form className="form warning-entry" onSubmit={submit} data-testid="observation-entry" data-frequency={frequency}>
      <h4>{weekly ? t('warning.entry.titleWeekly') : t('warning.entry.title')}</h4>
      <label>
        <span>{weekly ? t('warning.entry.week') : t('warning.entry.date')}</span>
        <input type="date" name="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      {weekly ? (
        <p className="muted" data-testid="observation-entry-week">
          {date ? t('warning.entry.weekOf', { week: isoWeekLabel(date), monday: date }) : null} {t('warning.entry.weekHint')}
        </p>
      ) : null}
      <label>
        <span>{t('warning.entry.value')}</span>
        <input type="number" name="value" required min={0} step="any" value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={record.busy || !write.allowed} title={write.title}>{t('warning.entry.save')}</button>
      {clash ? (
        <div className="warning-clash" role="alert" data-testid="observation-clash">
          <span>
            {weekly
              ? t('warning.entry.clashWeek', { week: isoWeekLabel(clash.date), held: clash.held, value: clash.value })
              : t('warning.entry.clash', { date: clash.date, held: clash.held, value: clash.value })}
          </span>
          <button type="button" className="secondary" onClick={() => void send(true, clash.value, clash.date)}>{t('warning.entry.replace')}</button>
          <button type="button" className="secondary" onClick={() => setClash(null)}>{t('warning.entry.keep')}</button>
        </div>
      ) : weekly && record.error?.code === 'invalid_args' && typeof record.error.params?.['monday'] === 'string' ? (
        <p className="error-text" role="alert" data-testid="observation-not-monday">
          {t('warning.entry.notMonday', { date: record.error.params['date'] ?? '', monday: record.error.params['monday'] })}
        </p>
      ) : record.error && record.error.code !== 'already_exists' ? (
        <ErrorText error={record.error} />
      ) : null}
      {saved && !clash ? (
        <p role="status">{weekly ? t('warning.entry.savedWeek', { week: isoWeekLabel(saved) }) : t('warning.entry.saved', { date: saved })}</p>
      ) : null}
    </form>
  );
}
