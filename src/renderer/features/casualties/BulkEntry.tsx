import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrivalModeSchema, type ArrivalMode } from '../../../domain/casualties/casualties';
import type { TriageCategory } from '../../../domain/casualties/triage';
import { ErrorText } from '../../app/ErrorText';
import { toUiError, type UiError } from '../../lib/ui-error';
import { useApp } from '../../state/store-context';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { CategoryPicker } from './CategoryPicker';
import { arrivalModeLabel } from './labels';

/** "10 green arrived by ambulance": the desk generates that many tags of its own and registers them all or none. */
export function BulkEntry({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const client = useApp((s) => s.client);
  const batch = useMutation('casualty.registerBatch');
  const write = useCan('incident.write');
  const [count, setCount] = useState('10');
  const [category, setCategory] = useState<TriageCategory>('minor');
  const [arrivalMode, setArrivalMode] = useState<ArrivalMode>('ambulance');
  const [area, setArea] = useState('');
  const [failed, setFailed] = useState<UiError | null>(null);
  const [saved, setSaved] = useState<{ count: number; first: string; last: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setFailed(null);
    try {
      const { tagNos } = await client.call('casualty.nextTags', { incidentId, count: Number(count) });
      if (await batch.run({ incidentId, tagNos, category, arrivalMode, area })) return;
      setSaved({ count: tagNos.length, first: tagNos[0] ?? '', last: tagNos.at(-1) ?? '' });
    } catch (e) {
      setFailed(toUiError(e));
    }
  };

  return (
    <form className="form casualty-bulk" onSubmit={(e) => void submit(e)} data-testid="casualty-bulk" aria-labelledby="casualty-bulk-title">
      <h3 id="casualty-bulk-title">{t('casualties.bulk.title')}</h3>
      <div className="casualty-entry-row">
        <label>
          <span>{t('casualties.bulk.count')}</span>
          <input name="count" type="number" required min={1} max={200} step={1} value={count} onChange={(e) => setCount(e.target.value)} />
        </label>
        <CategoryPicker name="bulk-category" value={category} onChange={setCategory} legend={t('casualties.fields.category')} />
        <label>
          <span>{t('casualties.fields.arrivalMode')}</span>
          <select name="arrivalMode" value={arrivalMode} onChange={(e) => setArrivalMode(ArrivalModeSchema.parse(e.target.value))}>
            {ArrivalModeSchema.options.map((m) => <option key={m} value={m}>{arrivalModeLabel[m](t)}</option>)}
          </select>
        </label>
        <label>
          <span>{t('casualties.fields.area')}</span>
          <input name="area" required list="casualty-areas" value={area} onChange={(e) => setArea(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={batch.busy || !write.allowed} title={write.title}>{t('casualties.bulk.save', { count: Number(count) || 0 })}</button>
      </div>
      {failed ? <ErrorText error={failed} /> : batch.error ? <ErrorText error={batch.error} /> : null}
      {saved ? <p role="status" data-testid="casualty-bulk-saved">{t('casualties.bulk.saved', saved)}</p> : null}
    </form>
  );
}
