import { useTranslation } from 'react-i18next';
import type { CheckoutPerson } from '../../../contract/recovery-api';
import { findPosition } from '../../../domain/hics';
import { checkoutItems, isCheckedOut } from '../../../domain/recovery';
import { ErrorText } from '../../app/ErrorText';
import { selectLanguage } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import type { Can } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { itemLabel } from './labels';

type Progress = { people: number; done: number; ticked: number; items: number };

/**
 * HICS 221 check-out: everyone who held a position or was in the labour pool, one box per item. What is ticked here
 * is what the HICS 221 PDF (Reports tab) prints ticked.
 */
export function CheckoutTable({ incidentId, people, progress, write }: { incidentId: string; people: readonly CheckoutPerson[]; progress: Progress; write: Can }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const tick = useMutation('demob.tick');
  return (
    <section className="panel recovery-checkout" aria-labelledby="recovery-checkout-title" data-testid="recovery-checkout">
      <h3 id="recovery-checkout-title">{t('recovery.checkout.title')}</h3>
      <p className="muted">{t('recovery.checkout.intro')}</p>
      {people.length === 0 ? <p className="muted">{t('recovery.checkout.nobody')}</p> : (
        <>
          <p data-testid="checkout-progress">
            <progress max={progress.items} value={progress.ticked} aria-label={t('recovery.checkout.progressLabel')} />{' '}
            {t('recovery.checkout.progress', { done: progress.done, people: progress.people, ticked: progress.ticked, items: progress.items })}
          </p>
          <div className="recovery-scroll">
            <table className="recovery-table">
              <thead>
                <tr>
                  <th scope="col">{t('recovery.checkout.person')}</th>
                  {checkoutItems.map((item) => <th key={item} scope="col">{itemLabel[item](t)}</th>)}
                  <th scope="col">{t('recovery.checkout.status')}</th>
                </tr>
              </thead>
              <tbody>
                {people.map((person) => (
                  <tr key={person.name} data-testid="checkout-row" data-person={person.name}>
                    <th scope="row">
                      {person.name}
                      <span className="muted recovery-sub">
                        {[person.unit, ...person.positions.map((p) => findPosition(p)?.name[language] ?? p), person.pooled ? t('recovery.checkout.pool') : null].filter(Boolean).join(' · ')}
                      </span>
                    </th>
                    {checkoutItems.map((item) => (
                      <td key={item}>
                        <input
                          type="checkbox"
                          aria-label={t('recovery.checkout.tickLabel', { person: person.name, item: itemLabel[item](t) })}
                          checked={person.checkout?.items[item] !== undefined}
                          disabled={!write.allowed || tick.busy}
                          title={write.title}
                          onChange={(e) => void tick.run({ incidentId, person: person.name, item, done: e.target.checked })}
                        />
                      </td>
                    ))}
                    <td>{isCheckedOut(person.checkout ?? undefined) ? <span className="tag recovery-done">{t('recovery.checkout.done')}</span> : <span className="muted">{t('recovery.checkout.open')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {tick.error ? <ErrorText error={tick.error} /> : null}
    </section>
  );
}
