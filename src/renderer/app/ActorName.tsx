import { useActorLabel } from '../state/use-actor-label';

/** Who made a change: their display name, with the username (or the raw id) on hover. */
export function ActorName({ id, className }: { id: string; className?: string }) {
  const label = useActorLabel()(id);
  return (
    <span className={className ? `actor ${className}` : 'actor'} title={label.title || undefined} data-testid="actor" data-actor-id={id}>
      {label.name}
    </span>
  );
}
