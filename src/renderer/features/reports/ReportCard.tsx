import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hicsPositions } from '../../../domain/hics';
import { EventCategorySchema, EventGradeSchema, SentViaSchema, type SentVia, type SitRep, type SitRepCard, type SitRepSections } from '../../../domain/reports/sitreps';
import { ErrorText } from '../../app/ErrorText';
import { formatDateTime, fromZonedInputValue, toZonedInputValue } from '../../lib/time';
import type { UiError } from '../../lib/ui-error';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { categoryLabel, eventCategoryLabel, fieldLabel, gradeLabel, kindLabel, outcomeLabel, statusLabel, viaLabel } from './labels';
import { PdfButtons } from './PdfButtons';

const cardText = ['reportingUnit', 'reporter', 'phone', 'eventName', 'place', 'setting', 'source'] as const;
const sectionText = ['situation', 'measures', 'resources', 'needs'] as const;
const categories = ['immediate', 'delayed', 'minor', 'expectant', 'dead'] as const;
const outcomes = ['in_care', 'admitted', 'surgery', 'transferred', 'discharged', 'morgue'] as const;

/** One report: its figures, and the step it is at (edit and sign off, then record as sent), with its PDF. */
export function ReportCard({ report, readOnly, focused = false }: { report: SitRep; readOnly: boolean; focused?: boolean }) {
  const { t } = useTranslation();
  const card = useRef<HTMLElement>(null);
  // The report the header clock sent the user to: brought into view, since several reports may be above it.
  useEffect(() => {
    if (focused) card.current?.scrollIntoView({ block: 'start' });
  }, [focused]);
  const timeZone = useApp(selectTimeZone);
  const language = useApp(selectLanguage);
  const title = kindLabel[report.kind](t, report.number);
  const f = report.figures;
  return (
    <section ref={card} className={focused ? 'panel report-card report-focused' : 'panel report-card'} aria-label={title} data-testid="report-card" data-status={report.status} data-focused={focused}>
      <h3>
        {title} <span className={`report-status report-${report.status}`}>{statusLabel[report.status](t)}</span>
      </h3>
      <table className="report-figures">
        <caption>{t('reports.figures.caption', { at: formatDateTime(f.asOf, timeZone, language) })}</caption>
        <tbody>
          <tr>
            {categories.map((c) => <th key={c} scope="col">{categoryLabel[c](t)}</th>)}
            <th scope="col">{t('reports.figures.total')}</th>
          </tr>
          <tr>
            {categories.map((c) => <td key={c} className="num" data-testid={`figure-${c}`}>{f.byCategory[c]}</td>)}
            <td className="num" data-testid="figure-total">{f.total}</td>
          </tr>
          <tr>
            {outcomes.map((d) => <th key={d} scope="col">{outcomeLabel[d](t)}</th>)}
          </tr>
          <tr>
            {outcomes.map((d) => <td key={d} className="num">{f.byDisposition[d]}</td>)}
          </tr>
        </tbody>
      </table>
      {report.approval ? (
        <p className="muted">{t('reports.signedBy', { name: report.approval.name, position: positionName(report.approval.positionId, language), at: formatDateTime(report.approval.at, timeZone, language) })}</p>
      ) : null}
      {report.sent ? (
        <p className="muted" data-testid="report-sent">
          {t('reports.sentLine', { at: formatDateTime(report.sent.at, timeZone, language), via: viaLabel[report.sent.via](t), to: report.sent.receivedBy })}
        </p>
      ) : null}
      <PdfButtons label={title} request={{ method: 'report.pdf', params: { id: report.id } }} />
      {readOnly ? null : report.status === 'draft' ? <DraftEditor report={report} /> : report.status === 'approved' ? <SentForm report={report} /> : null}
    </section>
  );
}

function positionName(id: string, language: string): string {
  const position = hicsPositions.find((p) => p.id === id);
  return position ? position.name[language === 'en' ? 'en' : 'zh-CN'] : id;
}

function DraftEditor({ report }: { report: SitRep }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const edit = useMutation('report.edit').run;
  const recompute = useMutation('report.recompute').run;
  const approve = useMutation('report.approve').run;
  const command = useCan('incident.command');
  const [card, setCard] = useState<SitRepCard>(report.card);
  const [sections, setSections] = useState<SitRepSections>(report.sections);
  const [signer, setSigner] = useState('');
  const [positionId, setPositionId] = useState('ic');
  const [error, setError] = useState<UiError | null>(null);
  const [saved, setSaved] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const failed = await edit({ id: report.id, card, sections });
    setError(failed);
    setSaved(!failed);
  };
  // Signing off saves the text first, so what is signed is what is on the screen.
  const signOff = async (event: FormEvent) => {
    event.preventDefault();
    const failed = (await edit({ id: report.id, card, sections })) ?? (await approve({ id: report.id, name: signer, positionId }));
    setError(failed);
  };
  const fieldLabels = Object.fromEntries([...cardText, ...sectionText].map((k) => [k, fieldLabel[k](t)]));

  return (
    <div className="report-editor">
      <form className="form report-form" onSubmit={(e) => void save(e)} aria-label={t('reports.edit.title')}>
        {cardText.map((key) => (
          <label key={key}>
            <span>{fieldLabel[key](t)}</span>
            <input value={card[key]} maxLength={key === 'eventName' ? 30 : 200} onChange={(e) => { setSaved(false); setCard({ ...card, [key]: e.target.value }); }} />
          </label>
        ))}
        <label>
          <span>{t('reports.field.category')}</span>
          <select value={card.category} onChange={(e) => setCard({ ...card, category: EventCategorySchema.parse(e.target.value) })}>
            {EventCategorySchema.options.map((c) => <option key={c} value={c}>{eventCategoryLabel[c](t)}</option>)}
          </select>
        </label>
        <label>
          <span>{t('reports.field.grade')}</span>
          <select value={card.grade} onChange={(e) => setCard({ ...card, grade: EventGradeSchema.parse(e.target.value) })}>
            {EventGradeSchema.options.map((g) => <option key={g} value={g}>{gradeLabel[g](t)}</option>)}
          </select>
        </label>
        {sectionText.map((key) => (
          <label key={key} className="wide">
            <span>{fieldLabel[key](t)}</span>
            <textarea rows={key === 'situation' || key === 'measures' ? 5 : 3} value={sections[key]} onChange={(e) => { setSaved(false); setSections({ ...sections, [key]: e.target.value }); }} />
          </label>
        ))}
        <div className="form-actions">
          <button type="submit">{t('reports.edit.save')}</button>
          <button type="button" className="secondary" onClick={() => void recompute({ id: report.id }).then(setError)}>{t('reports.edit.recompute')}</button>
          {saved ? <span role="status" className="muted">{t('reports.edit.saved')}</span> : null}
        </div>
      </form>
      <form className="form report-signoff" onSubmit={(e) => void signOff(e)} aria-label={t('reports.signOff.title')}>
        <label>
          <span>{t('reports.signOff.name')}</span>
          <input required maxLength={100} value={signer} onChange={(e) => setSigner(e.target.value)} />
        </label>
        <label>
          <span>{t('reports.signOff.position')}</span>
          <select value={positionId} onChange={(e) => setPositionId(e.target.value)}>
            {hicsPositions.filter((p) => p.kind === 'commander' || p.kind === 'section_chief' || p.kind === 'command_staff').map((p) => (
              <option key={p.id} value={p.id}>{p.name[language === 'en' ? 'en' : 'zh-CN']}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!command.allowed} title={command.title}>{t('reports.signOff.submit')}</button>
        <p className="muted">{t('reports.signOff.hint')}</p>
      </form>
      {error ? <ErrorText error={error} fieldLabels={fieldLabels} /> : null}
    </div>
  );
}

function SentForm({ report }: { report: SitRep }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const recordSent = useMutation('report.recordSent').run;
  const [sentAt, setSentAt] = useState(() => toZonedInputValue(Date.now(), timeZone));
  const [via, setVia] = useState<SentVia>('direct_report');
  const [receivedBy, setReceivedBy] = useState('');
  const [by, setBy] = useState(report.approval?.name ?? '');
  const [error, setError] = useState<UiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const at = fromZonedInputValue(sentAt, timeZone);
    if (at === null) {
      setError({ code: 'invalid_args', message: `sent at ${sentAt}` });
      return;
    }
    setError(await recordSent({ id: report.id, sentAt: at, via, receivedBy, by }));
  };

  return (
    <form className="form report-sent-form" onSubmit={(e) => void submit(e)} aria-label={t('reports.sent.title')}>
      <label>
        <span>{t('reports.sent.at')}</span>
        <input type="datetime-local" required value={sentAt} onChange={(e) => setSentAt(e.target.value)} />
      </label>
      <label>
        <span>{t('reports.sent.via')}</span>
        <select value={via} onChange={(e) => setVia(SentViaSchema.parse(e.target.value))}>
          {SentViaSchema.options.map((v) => <option key={v} value={v}>{viaLabel[v](t)}</option>)}
        </select>
      </label>
      <label>
        <span>{t('reports.sent.receivedBy')}</span>
        <input required maxLength={100} value={receivedBy} onChange={(e) => setReceivedBy(e.target.value)} />
      </label>
      <label>
        <span>{t('reports.sent.by')}</span>
        <input required maxLength={100} value={by} onChange={(e) => setBy(e.target.value)} />
      </label>
      <button type="submit">{t('reports.sent.submit')}</button>
      <p className="muted">{t('reports.sent.hint')}</p>
      {error ? <ErrorText error={error} /> : null}
    </form>
  );
}
