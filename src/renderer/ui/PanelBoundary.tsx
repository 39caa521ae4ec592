import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  /** Names the panel in the fallback's test id and in the console, e.g. `board-log`. */
  name: string;
  children: ReactNode;
};
type State = { error: Error | null };

/**
 * One bad record (a restored old file, a time no formatter accepts) must cost one panel, never the screen: React
 * unmounts the whole tree on an error no boundary catches, which blanked the board and the wall on every desk.
 * Each panel where a page composes them sits in one of these; the rest of the page keeps working and updating.
 */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`panel ${this.props.name} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <PanelFailed name={this.props.name} error={error} onRetry={() => this.setState({ error: null })} />;
  }
}

function PanelFailed({ name, error, onRetry }: { name: string; error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="panel-failed" role="alert" data-testid={`panel-failed-${name}`}>
      <p>{t('panel.failed')}</p>
      <p className="panel-failed-detail">{error.message.slice(0, 300)}</p>
      <button type="button" onClick={onRetry}>{t('panel.retry')}</button>
    </div>
  );
}
