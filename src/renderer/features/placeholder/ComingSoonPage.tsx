import { useTranslation } from 'react-i18next';
import type { RouteName } from '../../app/routes';
import { routeKey } from '../../i18n/keys';
import { useApp } from '../../state/store-context';

/** An honest page for modules not built yet: it says so, in the user's language. */
export function ComingSoonPage({ route }: { route: RouteName }) {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  return (
    <section className="panel narrow coming-soon" data-testid="coming-soon">
      <h2>{t('comingSoon.title', { feature: t(routeKey(route)) })}</h2>
      <p>{t('comingSoon.body')}</p>
      <button type="button" onClick={() => navigate('board')}>{t('comingSoon.back')}</button>
    </section>
  );
}
