import { useTranslation } from 'react-i18next';
import { CommandBoardPage } from '../features/incidents/CommandBoardPage';
import { ComingSoonPage } from '../features/placeholder/ComingSoonPage';
import { LanguageToggle } from '../features/settings/LanguageToggle';
import { SettingsPage } from '../features/settings/SettingsPage';
import { useApp } from '../state/store-context';
import { ExerciseBanner } from './ExerciseBanner';
import { HelpOverlay } from './HelpOverlay';
import { IncidentHeader } from './IncidentHeader';
import { NavBar } from './NavBar';
import { RejectedChanges } from './RejectedChanges';
import type { RouteName } from './routes';
import { StatusArea } from './StatusArea';

function Page({ route }: { route: RouteName }) {
  if (route === 'board') return <CommandBoardPage />;
  if (route === 'settings') return <SettingsPage />;
  return <ComingSoonPage route={route} />;
}

/** The operator's frame: title bar, incident header, navigation, the page, and the status line. */
export function AppFrame() {
  const { t } = useTranslation();
  const route = useApp((s) => s.route);
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
      <IncidentHeader />
      <NavBar />
      <RejectedChanges />
      <main id="main" className="page" tabIndex={-1}>
        <Page route={route} />
      </main>
      <footer className="footer">{t('help.hint')}</footer>
      <HelpOverlay />
    </div>
  );
}
