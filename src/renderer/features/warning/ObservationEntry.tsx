import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { todayUtc } from './warning-view';

type Clash = { date: string; held: number | string; value: number };

/** One day's figure by hand. A day already recorded is refused; the user may then choose to replace it. */
export function ObservationEntry({ indicatorId }: { indicatorId: string }) {
  const { t } = useTranslation();
  const record = useMutation('observation.record');
  const write = useCan('incident.write');
  const [date, setDate] = useState(() => todayUtc(Date.now()));
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
    <form className="form warning-entry" onSubmit={submit} data-testid="observation-entry">
      <h4>{t('warning.entry.title')}</h4>
      <label>
        <span>{t('warning.entry.date')}</span>
        <input type="date" name="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label>
        <span>{t('warning.entry.value')}</span>
        <input type="number" name="value" required min={0} step="any" value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={record.busy || !write.allowed} title={write.title}>{t('warning.entry.save')}</button>
      {clash ? (
        <div className="warning-clash" role="alert" data-testid="observation-clash">
          <span>{t('warning.entry.clash', { date: clash.date, held: clash.held, value: clash.value })}</span>
          <button type="button" className="secondary" onClick={() => void send(true, clash.value, clash.date)}>{t('warning.entry.replace')}</button>
          <button type="button" className="secondary" onClick={() => setClash(null)}>{t('warning.entry.keep')}</button>
        </div>
      ) : record.error && record.error.code !== 'already_exists' ? (
        <ErrorText error={record.error} />
      ) : null}
      {saved && !clash ? <p role="status">{t('warning.entry.saved', { date: saved })}</p> : null}
    </form>
  );
}
