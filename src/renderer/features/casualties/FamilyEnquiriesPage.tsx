import './casualties.css';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/time';
import { selectCurrentIncident, selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useLive } from '../../state/use-live';
import { EnquiryDetail } from './EnquiryDetail';
import { EnquiryForm } from './EnquiryForm';
import { ageBandLabel, enquiryStatusLabel, outcomeLabel, sexLabel } from './labels';

/**
 * 家属寻亲 / Family enquiries: who asks for whom, matched by staff to casualty records. Names and contacts only for
 * users with `patient.identify`; the rest see the number, status and description (the server sends them no more).
 */
export function FamilyEnquiriesPage() {
  const { t } = useTranslation();
  const incident = useApp(selectCurrentIncident);
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const list = useLive('enquiry.list', incident ? { incidentId: incident.id } : null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const enquiries = useMemo(() => list.data?.enquiries ?? [], [list.data]);
  if (!incident) return <p className="panel muted" data-testid="family-no-incident">{t('casualties.noIncident')}</p>;
  const mayIdentify = list.data?.mayIdentify ?? false;
  const selected = enquiries.find((e) => e.id === selectedId) ?? null;
  return (
    <div className="casualties family" data-testid="family-page">
      <h2>{t('family.title')}</h2>
      {mayIdentify ? null : <p className="panel muted" data-testid="family-restricted">{t('family.restricted')}</p>}
      {mayIdentify ? <div className="panel"><EnquiryForm incidentId={incident.id} nextRef={list.data?.nextRef ?? ''} onRecorded={setSelectedId} /></div> : null}
      {selected ? <EnquiryDetail key={selected.id} enquiry={selected} mayIdentify={mayIdentify} onClose={() => setSelectedId(null)} /> : null}
      <section className="panel" aria-labelledby="family-list-title">
        <h3 id="family-list-title">{t('family.list.title', { count: enquiries.length })}</h3>
        {enquiries.length === 0 ? <p className="empty">{t('family.list.empty')}</p> : (
          <table className="enquiry-table" data-testid="enquiry-list">
            <thead>
              <tr>
                <th scope="col">{t('family.list.ref')}</th>
                <th scope="col">{t('family.list.status')}</th>
                <th scope="col">{t('family.fields.receivedAt')}</th>
                <th scope="col">{t('family.fields.sought')}</th>
                <th scope="col">{t('family.list.description')}</th>
                {mayIdentify ? <th scope="col">{t('family.list.names')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {enquiries.map((e) => (
                <tr key={e.id} data-testid="enquiry-row" data-ref={e.ref} data-status={e.status} aria-selected={e.id === selectedId}>
                  <td><button type="button" className="link" onClick={() => setSelectedId(e.id)}>{e.ref}</button></td>
                  <td>{e.status === 'closed' && e.outcome ? outcomeLabel[e.outcome](t) : enquiryStatusLabel[e.status](t)}{e.match ? ` · ${e.match.tagNo}` : ''}</td>
                  <td>{formatDateTime(e.receivedAt, timeZone, locale)}</td>
                  <td>{sexLabel[e.sought.sex](t)} · {ageBandLabel[e.sought.ageBand](t)}</td>
                  <td>{[e.sought.description.clothing, e.sought.description.features, e.sought.description.lastSeen].filter(Boolean).join(' · ')}</td>
                  {mayIdentify ? <td>{[e.sought.name, e.enquirer.name && `${e.enquirer.name} (${e.enquirer.relationship})`].filter(Boolean).join(' ← ')}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
