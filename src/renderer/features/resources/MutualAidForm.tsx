import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MutualAidHospitals, MutualAidSent } from '../../../contract/mutual-aid';
import { newId } from '../../../domain/ids';
import type { ReserveRow } from '../../../domain/resources/reserves';
import { toUiError, type UiError } from '../../lib/ui-error';
import { useApp } from '../../state/store-context';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { parseCount } from './stock-columns';

const DAY_MS = 86_400_000;

type Props = { row: ReserveRow; onError: (e: UiError | null) => void };

/**
 * From an item short of quota: a resource request (HICS 213RR) raised here and sent to another hospital's space
 * on the same server, where it arrives as an incoming mutual-aid request. Needs the hospital server.
 */
export function MutualAidForm({ row, onError }: Props) {
  const { t } = useTranslation();
  const client = useApp((s) => s.client);
  const { allowed, title: denied } = useCan('request.approve');
  const raise = useMutation('request.raise');
  const [hospitals, setHospitals] = useState<MutualAidHospitals['hospitals'] | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [to, setTo] = useState('');
  const [qty, setQty] = useState(String(Math.max(1, (row.required ?? 0) - row.onHand)));
  const [sent, setSent] = useState<MutualAidSent | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!allowed) return;
    let live = true;
    client.call('mutualAid.hospitals', {}).then(
      (answer) => live && setHospitals(answer.hospitals),
      () => live && setUnavailable(true),
    );
    return () => {
      live = false;
    };
  }, [client, allowed]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const count = parseCount(qty);
    if (!count) return onError({ code: 'invalid_request', message: 'qty', fields: ['qty'] });
    setBusy(true);
    setSent(null);
    const requestId = newId();
    const justification = t('resources.reserves.mutualAid.justification', { item: row.item, onHand: row.onHand, required: row.required ?? 0, unit: row.unit });
    const failed = await raise.run({ id: requestId, item: row.item, qty: count, neededBy: Date.now() + DAY_MS, priority: 'urgent', justification, section: 'Logistics' });
    if (!failed) {
      try {
        setSent(await client.call('mutualAid.send', { to, requestId }));
      } catch (error) {
        onError(toUiError(error));
      }
    } else onError(failed);
    setBusy(false);
  };

  const heading = <h3 id="mutual-aid-title">{t('resources.reserves.mutualAid.title')}</h3>;
  if (!allowed) return <section className="panel" aria-labelledby="mutual-aid-title">{heading}<p className="dim">{denied}</p></section>;
  if (unavailable) return <section className="panel" aria-labelledby="mutual-aid-title">{heading}<p className="dim">{t('resources.reserves.mutualAid.needsServer')}</p></section>;
  return (
    <form className="panel" aria-labelledby="mutual-aid-title" onSubmit={(e) => void send(e)}>
      {heading}
      <div className="inline-form">
        <label>{t('resources.reserves.mutualAid.to')}
          <select value={to} onChange={(e) => setTo(e.target.value)} required>
            <option value="">{t('resources.reserves.mutualAid.pick')}</option>
            {(hospitals ?? []).map((h) => <option key={h.id} value={h.id}>{h.name}</option>)}
          </select>
        </label>
        <label>{t('resources.reserves.mutualAid.qty', { unit: row.unit })}<input inputMode="numeric" value={qty} onChange={(e) => setQty(e.target.value)} /></label>
        <button type="submit" disabled={busy || !to}>{t('resources.reserves.mutualAid.send')}</button>
      </div>
      {sent ? (
        <p role="status" data-testid="mutual-aid-sent">
          {sent.received.length > 0
            ? t('resources.reserves.mutualAid.received', { hospital: sent.to.name, count: sent.received.length })
            : sent.duplicates.length > 0 ? t('resources.reserves.mutualAid.duplicate', { hospital: sent.to.name }) : t('resources.reserves.mutualAid.refused', { hospital: sent.to.name, reason: sent.refused.map((r) => r.message).join('; ') })}
        </p>
      ) : null}
    </form>
  );
}
