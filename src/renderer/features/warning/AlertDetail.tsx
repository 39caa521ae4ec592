import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../domain/warning/alerts';
import { ActorName } from '../../app/ActorName';
import { formatDateTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { AlertActions } from './AlertActions';
import { dayLevelLabel, eventLabel, gradeLabel, methodLabel, statusLabel } from './labels';

const num = (n: number | null): string => (n === null ? '–' : String(Math.round(n * 100) / 100));

/**
 * One alert: why it was raised (each signal with the figures its method judged), what happened to it, and what can
 * be done next. `extraActions` is where the CAP export plugs in.
 */
export function AlertDetail({ alert, extraActions }: { alert: Alert; extraActions?: ReactNode }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const when = (at: number) => formatDateTime(at, timeZone, locale);
  return (
    <article className={`warning-alert-detail grade-${alert.grade}`} data-testid="warning-alert-detail" data-status={alert.status} aria-label={t('warning.detail.title', { group: alert.group })}>
      <h4>
        <span className={`warning-grade grade-${alert.grade}`}>{gradeLabel[alert.grade](t)}</span> {alert.group} · <span data-testid="warning-alert-status">{statusLabel[alert.status](t)}</span>
      </h4>
      <dl className="warning-facts">
        <dt>{t('warning.detail.raisedAt')}</dt><dd>{when(alert.raisedAt)}</dd>
        <dt>{t('warning.detail.ackDue')}</dt><dd>{when(alert.ackDueAt)}</dd>
        {alert.assignee ? (<><dt>{t('warning.detail.assignee')}</dt><dd><ActorName id={alert.assignee} /></dd></>) : null}
        {alert.checkDueAt !== undefined ? (<><dt>{t('warning.detail.checkDue')}</dt><dd>{when(alert.checkDueAt)}</dd></>) : null}
        {alert.outcome ? (<><dt>{t('warning.detail.outcome')}</dt><dd>{alert.outcome}</dd></>) : null}
        {alert.rules.map((r) => (<Fragment key={`${r.id}-${r.version}`}><dt>{t('warning.detail.rule')}</dt><dd>{t('warning.detail.ruleVersion', { name: r.name, version: r.version })}</dd></Fragment>))}
      </dl>
      <table className="warning-signals-table">
        <caption>{t('warning.detail.signals')}</caption>
        <thead>
          <tr><th>{t('warning.detail.date')}</th><th>{t('warning.detail.indicator')}</th><th>{t('warning.detail.level')}</th><th className="num">{t('warning.detail.value')}</th><th className="num">{t('warning.detail.expected')}</th><th className="num">{t('warning.detail.threshold')}</th></tr>
        </thead>
        <tbody>
          {alert.signals.map((s) => (
            <tr key={`${s.indicatorId}-${s.date}`}>
              <td>{s.date}</td>
              <td>{s.indicatorName}<span className="warning-signal-method">{methodLabel[s.method](t)}</span></td>
              <td className={`level-${s.level === 'counted' ? 'grey' : s.level}`}>{s.level === 'counted' ? t('warning.detail.counted') : dayLevelLabel[s.level](t)}</td>
              <td className="num">{num(s.value)}</td>
              <td className="num">{num(s.expected)}</td>
              <td className="num">{num(s.threshold)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ol className="warning-history">
        {alert.history.map((h, i) => (
          <li key={i}>
            <time>{when(h.at)}</time> {eventLabel[h.action](t)} · <ActorName id={h.by} />
            {h.note && (h.action === 'verified' || h.action === 'dismissed') ? ` · ${h.note}` : null}
          </li>
        ))}
      </ol>
      <AlertActions alert={alert} />
      <div className="warning-extra-actions" data-testid="warning-alert-extra">{extraActions}</div>
    </article>
  );
}
