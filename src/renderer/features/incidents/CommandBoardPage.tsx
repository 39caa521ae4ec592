import { useTranslation } from 'react-i18next';
import { selectCurrentIncident } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { DeclareIncidentForm } from './DeclareIncidentForm';
import { IncidentControls } from './IncidentControls';
import { IncidentList } from './IncidentList';

export function CommandBoardPage() {
  const { t } = useTranslation();
  const current = useApp(selectCurrentIncident);
  return (
    <div className="board">
      <h2 className="visually-hidden">{t('board.title')}</h2>
      <div className="board-main">
        <IncidentList />
      </div>
      <aside className="board-side">
        <DeclareIncidentForm />
        {current ? <IncidentControls key={current.id} incident={current} /> : null}
      </aside>
    </div>
  );
}
