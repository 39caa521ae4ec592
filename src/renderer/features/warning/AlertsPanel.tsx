import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alertSources, type Alert } from '../../../domain/warning/alerts';
import { useNow } from '../../app/use-now';
import { formatTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useLive } from '../../state/use-live';
import { AlertDetail } from './AlertDetail';
import { CapExportButton } from './CapExportButton';
import { gradeLabel, statusLabel } from './labels';
import { alertDeadline } from './warning-view';

/** The alert inbox, ranked (open first, grade, independent sources, time left); one opens in detail below. */
export function AlertsPanel() {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const now = useNow(15_000);
  const { data } = useLive('warning.alerts', {});
  const [openId, setOpenId] = useState<string | null>(null);
  const alerts = data?.alerts ?? [];
  const open = alerts.find((a) => a.id === openId) ?? null;
  return (
    <section className="panel warning-alerts" aria-labelledby="warning-alerts-title" data-testid="warning-alerts">
      <h3 id="warning-alerts-title">{t('warning.alerts.title')}</h3>
      {alerts.length === 0 ? <p className="muted">{t('warning.alerts.empty')}</p> : null}
      <ul className="warning-alert-list">
        {alerts.map((alert) => {
          const deadline = alertDeadline(alert, now);
          return (
            <li key={alert.id}>
              <button
                type="button"
                className={`warning-alert grade-${alert.grade}${deadline?.overdue ? ' overdue' : ''}${alert.id === openId ? ' active' : ''}`}
                aria-pressed={alert.id === openId}
                aria-label={t('warning.alerts.rowLabel', { group: alert.group, grade: gradeLabel[alert.grade](t), status: statusLabel[alert.status](t) })}
                onClick={() => setOpenId(alert.id === openId ? null : alert.id)}
                data-testid="warning-alert"
                data-grade={alert.grade}
                data-status={alert.status}
                data-overdue={deadline?.overdue ? 'true' : 'false'}
              >
                <span className={`warning-grade grade-${alert.grade}`}>{gradeLabel[alert.grade](t)}</span>
                <span className="warning-alert-group">{alert.group}</span>
                <span className="warning-alert-status">{statusLabel[alert.status](t)}</span>
                <span className="muted">{t('warning.alerts.sources', { count: alertSources(alert) })} · {alert.firstDate === alert.lastDate ? alert.firstDate : `${alert.firstDate} – ${alert.lastDate}`}</span>
                {deadline ? (
                  <span className={deadline.overdue ? 'warning-deadline overdue' : 'warning-deadline'} data-testid="warning-alert-deadline">
                    {deadline.kind === 'ack' ? t('warning.alerts.ackDue', { time: formatTime(deadline.dueAt, timeZone, locale) }) : t('warning.alerts.checkDue', { time: formatTime(deadline.dueAt, timeZone, locale) })}
                    {deadline.overdue ? ` · ${t('warning.alerts.overdue')}` : null}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
      {open ? (
        <AlertDetail alert={open} extraActions={wasVerified(open) ? <CapExportButton alertId={open.id} /> : null} />
      ) : null}
    </section>
  );
}

/** A verified alert is an issued warning, so it has a CAP message (an Alert, later an Update or a Cancel). */
const wasVerified = (alert: Alert): boolean => alert.history.some((e) => e.action === 'verified');
