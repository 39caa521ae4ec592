import { useTranslation } from 'react-i18next';
import { ExerciseInbox } from '../features/exercises/ExerciseInbox';
import { LanguageToggle } from '../features/settings/LanguageToggle';
import { useApp } from '../state/store-context';
import { ExerciseBanner } from './ExerciseBanner';
import { HelpOverlay } from './HelpOverlay';
import { IncidentHeader } from './IncidentHeader';
import { NavBar } from './NavBar';
import { OfflineBanner } from './OfflineBanner';
import { Page, usePreloadPages } from './Page';
import { RejectedChanges } from './RejectedChanges';
import { StuckChanges } from './StuckChanges';
import { SyncNotices } from './SyncNotices';
import { StatusArea } from './StatusArea';
import { PanelBoundary } from '../ui/PanelBoundary';

/** The operator's frame: title bar, incident header, navigation, the page, and the status line. */
export function AppFrame() {
  const { t } = useTranslation();
  const route = useApp((s) => s.route);
  usePreloadPages();
  return (
    <div className="frame">
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <ExerciseBanner />
      <div className="titlebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-title">{t('app.title')}</span>
          <span className="brand-subtitle">{t('app.subtitle')}</span>
        </div>
        <StatusArea />
        <LanguageToggle />
      </div>
      <OfflineBanner />
      <PanelBoundary name="incident-header"><IncidentHeader /></PanelBoundary>
      <NavBar />
      <PanelBoundary name="stuck-changes"><StuckChanges /></PanelBoundary>
      <PanelBoundary name="rejected-changes"><RejectedChanges /></PanelBoundary>
      <PanelBoundary name="sync-notices"><SyncNotices /></PanelBoundary>
      <PanelBoundary name="exercise-inbox"><ExerciseInbox /></PanelBoundary>
      <main id="main" className="page" tabIndex={-1}>
        <PanelBoundary key={route} name={`page-${route}`}><Page route={route} /></PanelBoundary>
      </main>
      <footer className="footer">{t('help.hint')}</footer>
      <HelpOverlay />
    </div>
  );
}
