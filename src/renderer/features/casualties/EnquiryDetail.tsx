import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enquiry, EnquiryOutcome } from '../../../domain/casualties/enquiries';
import { ActorName } from '../../app/ActorName';
import { ErrorText } from '../../app/ErrorText';
import { formatDateTime, fromZonedInputValue } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useLive } from '../../state/use-live';
import { useMutation } from '../../state/use-mutation';
import { ageBandLabel, categoryLabel, enquiryEventLabel, enquiryStatusLabel, outcomeLabel, sexLabel } from './labels';

/** Casualties that could be the one sought, by sex, age band, arrival window and description words; a person decides. */
function Candidates({ enquiry }: { enquiry: Enquiry }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const match = useMutation('enquiry.match');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [text, setText] = useState([enquiry.sought.description.clothing, enquiry.sought.description.features].filter(Boolean).join(' '));
  const arrivedFrom = from ? fromZonedInputValue(from, timeZone) : null;
  const arrivedTo = to ? fromZonedInputValue(to, timeZone) : null;
  const list = useLive('enquiry.candidates', {
    enquiryId: enquiry.id,
    text,
    ...(arrivedFrom !== null ? { arrivedFrom } : {}),
    ...(arrivedTo !== null ? { arrivedTo } : {}),
  });
  const candidates = list.data?.candidates ?? [];
  return (
    <section className="enquiry-candidates" aria-labelledby="enquiry-candidates-title" data-testid="enquiry-candidates">
      <h4 id="enquiry-candidates-title">{t('family.candidates.title')}</h4>
      <div className="form enquiry-candidate-filter">
        <label><span>{t('family.candidates.from')}</span><input type="datetime-local" name="arrivedFrom" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label><span>{t('family.candidates.to')}</span><input type="datetime-local" name="arrivedTo" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <label><span>{t('family.candidates.text')}</span><input name="text" value={text} onChange={(e) => setText(e.target.value)} /></label>
      </div>
      {candidates.length === 0 ? <p className="empty">{t('family.candidates.none')}</p> : null}
      <ul className="enquiry-candidate-list">
        {candidates.map(({ casualty, terms }) => (
          <li key={casualty.id} data-testid="enquiry-candidate" data-tag={casualty.tagNo}>
            <strong>{casualty.tagNo}</strong>
            <span className={`triage-chip triage-${casualty.triage.category}`} aria-hidden="true" />
            <span>{categoryLabel[casualty.triage.category](t)}</span>
            <span>{sexLabel[casualty.sex](t)} · {ageBandLabel[casualty.ageBand](t)}</span>
            <time>{formatDateTime(casualty.arrivedAt, timeZone, locale)}</time>
            <span>{[casualty.alias, casualty.description].filter(Boolean).join(' · ')}</span>
            {casualty.name ? <span className="enquiry-name">{casualty.name}</span> : null}
            {terms.length > 0 ? <span className="dim">{t('family.candidates.terms', { terms: terms.join(', ') })}</span> : null}
            <button type="button" className="secondary" disabled={match.busy} onClick={() => void match.run({ id: enquiry.id, casualtyId: casualty.id })}>
              {t('family.candidates.match', { tag: casualty.tagNo })}
            </button>
          </li>
        ))}
      </ul>
      {match.error ? <ErrorText error={match.error} /> : null}
    </section>
  );
}

/** While matched: the family was told, or the match was wrong (with the reason). */
function MatchedActions({ enquiry }: { enquiry: Enquiry }) {
  const { t } = useTranslation();
  const close = useMutation('enquiry.close');
  const unmatch = useMutation('enquiry.unmatch');
  const [reason, setReason] = useState('');
  const submitUnmatch = (event: FormEvent) => {
    event.preventDefault();
    void unmatch.run({ id: enquiry.id, reason: reason.trim() }).then((error) => { if (!error) setReason(''); });
  };
  return (
    <div className="enquiry-matched">
      <p data-testid="enquiry-match">{t('family.detail.matchedTo', { tag: enquiry.match?.tagNo ?? '' })}</p>
      <button type="button" className="primary" disabled={close.busy} onClick={() => void close.run({ id: enquiry.id, outcome: 'informed' })}>{t('family.detail.informed')}</button>
      {close.error ? <ErrorText error={close.error} /> : null}
      <form className="form" onSubmit={submitUnmatch}>
        <label><span>{t('family.detail.unmatchReason')}</span><input name="reason" required value={reason} onChange={(e) => setReason(e.target.value)} /></label>
        <button type="submit" className="secondary" disabled={unmatch.busy}>{t('family.detail.unmatch')}</button>
        {unmatch.error ? <ErrorText error={unmatch.error} /> : null}
      </form>
    </div>
  );
}

/** An open enquiry that ends without a match: not here, or sent on elsewhere. */
function CloseOpen({ enquiry }: { enquiry: Enquiry }) {
  const { t } = useTranslation();
  const close = useMutation('enquiry.close');
  const [outcome, setOutcome] = useState<Exclude<EnquiryOutcome, 'informed'>>('not_found');
  const [referredTo, setReferredTo] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void close.run({ id: enquiry.id, outcome, ...(outcome === 'referred' ? { referredTo: referredTo.trim() } : {}) });
  };
  return (
    <form className="form enquiry-close" onSubmit={submit}>
      <label>
        <span>{t('family.detail.outcome')}</span>
        <select name="outcome" value={outcome} onChange={(e) => setOutcome(e.target.value === 'referred' ? 'referred' : 'not_found')}>
          <option value="not_found">{outcomeLabel.not_found(t)}</option>
          <option value="referred">{outcomeLabel.referred(t)}</option>
        </select>
      </label>
      {outcome === 'referred' ? <label><span>{t('family.detail.referredTo')}</span><input name="referredTo" required value={referredTo} onChange={(e) => setReferredTo(e.target.value)} /></label> : null}
      <button type="submit" className="secondary" disabled={close.busy}>{t('family.detail.close')}</button>
      {close.error ? <ErrorText error={close.error} /> : null}
    </form>
  );
}

/** One enquiry: what is known, its history with who and when, and the next step for its status. */
export function EnquiryDetail({ enquiry, mayIdentify, onClose }: { enquiry: Enquiry; mayIdentify: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const { enquirer, sought } = enquiry;
  const status = enquiry.status === 'closed' && enquiry.outcome ? outcomeLabel[enquiry.outcome](t) : enquiryStatusLabel[enquiry.status](t);
  return (
    <section className="panel enquiry-detail" data-testid="enquiry-detail" data-ref={enquiry.ref} data-status={enquiry.status} data-outcome={enquiry.outcome ?? ''} aria-labelledby="enquiry-detail-title">
      <div className="casualty-detail-head">
        <h3 id="enquiry-detail-title">{t('family.detail.title', { ref: enquiry.ref })}</h3>
        <span data-testid="enquiry-status">{status}</span>
        <button type="button" className="secondary" onClick={onClose}>{t('casualties.detail.close')}</button>
      </div>
      <dl className="enquiry-facts">
        {mayIdentify ? (
          <>
            <dt>{t('family.fields.enquirerName')}</dt><dd>{enquirer.name}</dd>
            <dt>{t('family.fields.contact')}</dt><dd>{enquirer.contact}</dd>
            <dt>{t('family.fields.soughtName')}</dt><dd>{sought.name ?? '—'}</dd>
          </>
        ) : null}
        <dt>{t('family.fields.relationship')}</dt><dd>{enquirer.relationship}</dd>
        <dt>{t('family.fields.sought')}</dt><dd>{sexLabel[sought.sex](t)} · {ageBandLabel[sought.ageBand](t)}</dd>
        <dt>{t('family.fields.clothing')}</dt><dd>{sought.description.clothing ?? '—'}</dd>
        <dt>{t('family.fields.features')}</dt><dd>{sought.description.features ?? '—'}</dd>
        <dt>{t('family.fields.lastSeen')}</dt><dd>{sought.description.lastSeen ?? '—'}</dd>
        <dt>{t('family.fields.receivedAt')}</dt><dd>{formatDateTime(enquiry.receivedAt, timeZone, locale)} <ActorName id={enquiry.receivedBy} /></dd>
        {mayIdentify && enquiry.notes ? <><dt>{t('family.fields.notes')}</dt><dd>{enquiry.notes}</dd></> : null}
        {enquiry.referredTo ? <><dt>{t('family.detail.referredTo')}</dt><dd>{enquiry.referredTo}</dd></> : null}
      </dl>
      {enquiry.history.length > 0 ? (
        <ol className="enquiry-history" data-testid="enquiry-history" aria-label={t('family.detail.history')}>
          {enquiry.history.map((h, i) => (
            <li key={`${h.at}-${i}`} data-type={h.type}>
              <strong>{h.type === 'closed' && h.outcome ? outcomeLabel[h.outcome](t) : enquiryEventLabel[h.type](t)}</strong>
              {h.tagNo ? <span> {h.tagNo}</span> : null}
              {h.reason ? <span> — {h.reason}</span> : null}
              <time> {formatDateTime(h.at, timeZone, locale)} </time>
              <ActorName id={h.by} />
            </li>
          ))}
        </ol>
      ) : null}
      {mayIdentify && enquiry.status === 'open' ? <><Candidates enquiry={enquiry} /><CloseOpen enquiry={enquiry} /></> : null}
      {mayIdentify && enquiry.status === 'matched' ? <MatchedActions enquiry={enquiry} /> : null}
    </section>
  );
}
